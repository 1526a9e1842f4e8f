//! The walker: flattening `$ref` / `allOf`, the limits, memoized expansion, the type of a
//! view, and `anyOf` / `oneOf` distribution.

use super::*;

/// The state of one expansion: the document, what is being expanded, what was already
/// expanded, and the notes so far.
pub(super) struct Walker<'a> {
    pub(super) root: &'a Json<'a>,
    /// Nodes of the schemas currently being expanded (a `$ref` to one of them is recursion).
    pub(super) active: IdentSet,
    /// Finished expansions, keyed by the identities of the view's parts and alternatives.
    pub(super) memo: IdentMap<Vec<usize>, Memo>,
    pub(super) notes: Vec<Note>,
    /// Whether notes beyond [`MAX_NOTES`] were dropped.
    pub(super) notes_dropped: bool,
    /// Expansions in progress (the recursion depth), within [`MAX_CALLS`].
    pub(super) calls: usize,
    /// Expansions so far, within [`MAX_STEPS`].
    pub(super) steps: usize,
    /// `$anchor` names, collected on the first anchor reference.
    pub(super) anchors: Option<HashMap<String, &'a Json<'a>>>,
    /// Members by key of the large objects `$ref` pointers walk through (`$defs` of
    /// thousands of schemas), so that each `$ref` resolves in constant time.
    pub(super) members: HashMap<usize, HashMap<&'a str, &'a Json<'a>>>,
    /// [`Walker::flatten`]'s work list and a node's pieces, kept to be reused.
    pub(super) work: Vec<Work<'a>>,
    pub(super) pieces: Vec<(usize, Work<'a>)>,
    /// [`Walker::expand_child`]'s buffers: a chain of nodes, and the nodes marked active
    /// by the calls in progress (innermost last).
    pub(super) chain: Vec<usize>,
    pub(super) activated: Vec<usize>,
    /// The memo key being looked up.
    pub(super) key: Vec<usize>,
    /// Views done with, kept so that their lists are reused (see [`Walker::new_view`]).
    pub(super) spare: Vec<View<'a>>,
}

/// A step of [`Walker::flatten`]: a schema to flatten (and the visit that led to it), or a
/// visited node whose own keywords join the view (at its index in `View::visited`).
#[derive(Clone, Copy)]
pub(super) enum Work<'a> {
    Schema(&'a Json<'a>, Option<usize>),
    Own(&'a Json<'a>, usize),
}

impl<'a> Walker<'a> {
    pub(super) fn new(root: &'a Json<'a>) -> Self {
        Walker {
            root,
            active: IdentSet::default(),
            memo: IdentMap::default(),
            notes: Vec::new(),
            notes_dropped: false,
            calls: 0,
            steps: 0,
            anchors: None,
            members: HashMap::new(),
            work: Vec::new(),
            pieces: Vec::new(),
            chain: Vec::new(),
            activated: Vec::new(),
            key: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// An empty view. Every schema reached gets a view or two, so their lists are reused
    /// rather than allocated each time.
    pub(super) fn new_view(&mut self) -> View<'a> {
        self.spare.pop().unwrap_or_default()
    }

    /// A copy of `view`, in reused lists.
    pub(super) fn copy_view(&mut self, view: &View<'a>) -> View<'a> {
        let mut copy = self.new_view();
        copy.parts.extend_from_slice(&view.parts);
        copy.alts.extend_from_slice(&view.alts);
        copy.visited.extend_from_slice(&view.visited);
        copy.never = view.never;
        copy.cut.clone_from(&view.cut);
        copy.at = view.at;
        copy
    }

    /// Keeps a view's lists for [`Walker::new_view`] (a bounded number of them).
    pub(super) fn recycle(&mut self, mut view: View<'a>) {
        const SPARE: usize = 64;
        if self.spare.len() < SPARE {
            view.parts.clear();
            view.alts.clear();
            view.visited.clear();
            view.never = None;
            view.cut = None;
            view.at = Span::default();
            self.spare.push(view);
        }
    }

    pub(super) fn note(&mut self, code: Code, path: &str, span: Span, detail: impl Into<String>) {
        if self.notes.len() < MAX_NOTES {
            self.notes.push(Note {
                code,
                path: path.to_string(),
                span,
                detail: detail.into(),
            });
        } else {
            self.notes_dropped = true;
        }
    }

    pub(super) fn finish(self, fields: Vec<Field>, rename_root: bool) -> (Expansion, Vec<Span>) {
        let mut places: Vec<Span> = self.notes.iter().map(|n| n.span).collect();
        let mut notes: Vec<SchemaNote> = self
            .notes
            .into_iter()
            .map(|n| {
                let path = if rename_root {
                    format!("value{}", n.path)
                } else {
                    n.path
                };
                let message = if path.is_empty() {
                    n.detail
                } else {
                    format!("field `{path}`: {}", n.detail)
                };
                SchemaNote {
                    code: n.code,
                    path,
                    message,
                }
            })
            .collect();
        if self.notes_dropped {
            places.push(Span::DETACHED);
            notes.push(SchemaNote {
                code: codes::SCHEMA_LOSSY,
                path: String::new(),
                message: format!(
                    "more than {MAX_NOTES} conversions were lossy; only the first {MAX_NOTES} are listed"
                ),
            });
        }
        (Expansion { fields, notes }, places)
    }

    /// Flattens `schema` with its `$ref` targets and `allOf` members into `view`, iteratively
    /// (no recursion, so a long `$ref` chain cannot overflow the stack). `parent` is the
    /// index in `view.visited` of the schema that leads to `schema`, if any.
    pub(super) fn flatten(
        &mut self,
        schema: &'a Json<'a>,
        view: &mut View<'a>,
        parent: Option<usize>,
    ) -> Result<(), SchemaError> {
        // The work lists are kept between calls: flattening runs for every schema reached,
        // and allocating them each time was a large part of an expansion.
        let mut work = std::mem::take(&mut self.work);
        let mut pieces = std::mem::take(&mut self.pieces);
        work.clear();
        work.push(Work::Schema(schema, parent));
        let result = self.flatten_work(view, &mut work, &mut pieces);
        self.work = work;
        self.pieces = pieces;
        result
    }

    fn flatten_work(
        &mut self,
        view: &mut View<'a>,
        work: &mut Vec<Work<'a>>,
        pieces: &mut Vec<(usize, Work<'a>)>,
    ) -> Result<(), SchemaError> {
        // The nodes already in the view, so that each check is O(1): a scan while the view
        // is small (almost always), a set once it is not.
        let mut seen: Option<IdentSet> = None;
        while let Some(item) = work.pop() {
            match item {
                Work::Own(node, at) => {
                    let keywords = Keywords::of(node);
                    if keywords.shape {
                        view.parts.push(Part { node, at });
                    }
                    for (keyword, m) in [("anyOf", keywords.any_of), ("oneOf", keywords.one_of)] {
                        if let Some(m) = m.filter(|m| m.value.items().is_some()) {
                            view.alts.push(Alt {
                                keyword,
                                key: m.key_span,
                                list: &m.value,
                                at,
                            });
                        }
                    }
                }
                Work::Schema(node, parent) if node.members().is_some() => {
                    let id = ident(node);
                    if view.contains(id, &mut seen) {
                        // `allOf` of a schema with itself adds nothing.
                        continue;
                    }
                    let at = view.visited.len();
                    view.visited.push(Visit { id, parent });
                    if let Some(set) = &mut seen {
                        set.insert(id);
                    }
                    // The referenced schema, the `allOf` members and the node's own
                    // keywords apply in the order their keywords appear, so that properties
                    // come out in document order.
                    pieces.clear();
                    let keywords = Keywords::of(node);
                    pieces.push((keywords.properties.unwrap_or(0), Work::Own(node, at)));
                    if let Some((all_of, pos)) = keywords.all_of {
                        let members = all_of.items().unwrap_or_default();
                        pieces.extend(members.iter().map(|m| (pos, Work::Schema(m, Some(at)))));
                    }
                    // `$dynamicRef` / `$recursiveRef` are resolved statically, like `$ref`.
                    if let Some((reference, pos)) = keywords.reference() {
                        let span = reference.span;
                        let Some(reference) = reference.as_str() else {
                            return Err(SchemaError::new(
                                codes::INVALID_SCHEMA,
                                format!("`$ref` must be a string, found {}", reference.kind()),
                            )
                            .with_span(span));
                        };
                        match self.resolve(reference).map_err(|e| e.with_span(span))? {
                            Resolved::Remote => {
                                view.cut = Some(Cut::Remote(reference.to_string(), span));
                                return Ok(());
                            }
                            Resolved::Local(target) => {
                                if self.active.contains(&ident(target)) {
                                    view.cut = Some(Cut::Recursive(reference.to_string(), span));
                                    return Ok(());
                                }
                                pieces.push((pos, Work::Schema(target, Some(at))));
                            }
                        }
                    }
                    // A stable sort keeps `allOf` members in order; the stack pops in reverse.
                    pieces.sort_by_key(|(pos, _)| *pos);
                    work.extend(pieces.drain(..).rev().map(|(_, w)| w));
                }
                Work::Schema(node, _) if node.value == Value::Bool(false) => {
                    view.never = Some(node.span);
                }
                // `true`, and values that are not schemas at all, constrain nothing.
                Work::Schema(..) => {}
            }
        }
        Ok(())
    }

    /// Expands the child schemas `schemas` (each with the index of the part of `view` that
    /// holds it) at `path`, nesting `level`, while the chains of those parts count as being
    /// expanded.
    pub(super) fn expand_child(
        &mut self,
        view: &View<'a>,
        schemas: &[(&'a Json<'a>, usize)],
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        // The nodes this call marks as being expanded go on `activated` (a stack shared
        // by the nested calls) and are unmarked when it returns.
        let mark = self.activated.len();
        let mut chain = std::mem::take(&mut self.chain);
        chain.clear();
        for (_, at) in schemas {
            view.chain(*at, &mut chain);
        }
        for &id in &chain {
            if self.active.insert(id) {
                self.activated.push(id);
            }
        }
        self.chain = chain;
        let result = self.expand_schemas(schemas, path, level);
        for id in self.activated.drain(mark..) {
            self.active.remove(&id);
        }
        result
    }

    pub(super) fn expand_schemas(
        &mut self,
        schemas: &[(&'a Json<'a>, usize)],
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let mut child = self.new_view();
        child.at = schemas.first().map_or(Span::DETACHED, |(s, _)| s.span);
        for (schema, _) in schemas {
            self.flatten(schema, &mut child, None)?;
        }
        self.expand_view(child, path, level)
    }

    /// Expands the view of the schemas that apply at `path`, whose type sits at nesting `level`.
    ///
    /// This function recurses (through the object, array and `anyOf` expansions), so its
    /// frame is kept small: everything that is not on the recursive path lives in helpers.
    pub(super) fn expand_view(
        &mut self,
        view: View<'a>,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let key = match self.lookup(&view, path, level)? {
            Lookup::Done(out) => {
                self.recycle(view);
                return Ok(out);
            }
            Lookup::Miss(key) => key,
        };
        self.enter(path, view.at)?;
        let start = self.notes.len();
        let result = self.expand_uncached(&view, path, level);
        self.calls -= 1;
        let out = result?;
        self.remember(key, &out, start, path);
        self.recycle(view);
        Ok(out)
    }

    /// The checks before a view is expanded: limits, cuts, and reuse of an earlier expansion.
    #[inline(never)]
    pub(super) fn lookup(
        &mut self,
        view: &View<'a>,
        path: &str,
        level: usize,
    ) -> Result<Lookup, SchemaError> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!("the schema is too large to expand: more than {MAX_STEPS} steps"),
            )
            .with_span(Span::DETACHED));
        }
        if level > MAX_NESTING {
            return Err(too_deep(path, view.at));
        }
        match &view.cut {
            Some(Cut::Recursive(reference, span)) => {
                self.note(
                    codes::SCHEMA_RECURSIVE,
                    path,
                    *span,
                    format!("`$ref` `{reference}` refers back to a schema that is being expanded, so the recursion is cut here and the value becomes JSON"),
                );
                return Ok(Lookup::Done(Out::json(true)));
            }
            Some(Cut::Remote(reference, span)) => {
                self.note(
                    codes::SCHEMA_LOSSY,
                    path,
                    *span,
                    format!("cannot resolve remote `$ref` `{reference}` offline, so the value becomes JSON"),
                );
                return Ok(Lookup::Done(Out::json(true)));
            }
            None => {}
        }
        if let Some(span) = view.never {
            self.note(
                codes::SCHEMA_LOSSY,
                path,
                span,
                "the schema `false` matches no value, so the value becomes JSON",
            );
            return Ok(Lookup::Done(Out::json(true)));
        }
        // The key is built in a kept buffer: only a miss, which is stored, allocates one.
        let key = &mut self.key;
        key.clear();
        key.extend(view.parts.iter().map(|p| ident(p.node)));
        key.push(0);
        key.extend(view.alts.iter().map(|a| ident(a.list)));
        let Some(memo) = self.memo.get(key.as_slice()) else {
            return Ok(Lookup::Miss(key.clone()));
        };
        if level + memo.out.depth > MAX_NESTING {
            return Err(too_deep(path, view.at));
        }
        let out = memo.out.clone();
        let replay: Vec<Note> = memo.notes.clone();
        for n in replay {
            let full = rejoin(path, &n.path);
            self.note(n.code, &full, n.span, n.detail);
        }
        Ok(Lookup::Done(out))
    }

    /// Counts one more level of expansion in progress, within [`MAX_CALLS`].
    #[inline(never)]
    pub(super) fn enter(&mut self, path: &str, at: Span) -> Result<(), SchemaError> {
        if self.calls >= MAX_CALLS {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!(
                    "the schema at `{}` chains `$ref`, `anyOf`, `oneOf` and nesting more than {MAX_CALLS} levels deep",
                    display_path(path)
                ),
            )
            .with_span(at));
        }
        self.calls += 1;
        Ok(())
    }

    /// Stores a finished expansion with its notes (relative to `path`) for reuse.
    #[inline(never)]
    pub(super) fn remember(&mut self, key: Vec<usize>, out: &Out, start: usize, path: &str) {
        let notes = self
            .notes
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|n| Note {
                code: n.code,
                path: relative(path, &n.path),
                span: n.span,
                detail: n.detail.clone(),
            })
            .collect();
        self.memo.insert(
            key,
            Memo {
                out: out.clone(),
                notes,
            },
        );
    }

    pub(super) fn expand_uncached(
        &mut self,
        view: &View<'a>,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        if let Some((alt, rest)) = view.alts.split_first() {
            return self.distribute(view, *alt, rest, path, level);
        }
        match self.classify(view, path) {
            (Shape::Array, nullable) => self.expand_array(view, nullable, path, level),
            (Shape::Object, nullable) => self.expand_object(view, nullable, path, level),
            (Shape::Done(out), _) => Ok(out),
        }
    }

    /// Decides the type of a view without `anyOf` / `oneOf` from `type`, `enum`, `const`,
    /// `format` and the other keywords; arrays and objects are expanded by the caller.
    #[inline(never)]
    pub(super) fn classify(&mut self, view: &View<'a>, path: &str) -> (Shape, bool) {
        let parts = view.nodes();
        let mut nullable = parts.iter().any(|p| {
            p.get("nullable")
                .is_some_and(|n| n.value == Value::Bool(true))
        });
        let mut unknown: Vec<(String, Span)> = Vec::new();
        let declared = declared_types(&parts, &mut unknown);
        if let Some((name, span)) = unknown.first() {
            self.note(
                codes::SCHEMA_LOSSY,
                path,
                *span,
                format!("unknown type `{name}` (expected `null`, `boolean`, `integer`, `number`, `string`, `array` or `object`), so the value becomes JSON"),
            );
            return (Shape::Done(Out::json(true)), true);
        }
        let values = enum_values(&parts);
        let mut kinds = match declared {
            Some(mask) => {
                nullable |= mask & T_NULL != 0;
                mask & !T_NULL
            }
            None => {
                let inferred = infer_types(&parts);
                nullable |= inferred & T_NULL != 0;
                inferred & !T_NULL
            }
        };
        if declared.is_some() && !values.is_empty() {
            // `type` with `enum`: only the kinds the values have can occur.
            let narrowed = kinds & value_kinds(&values);
            if narrowed != 0 {
                kinds = narrowed;
            }
        }
        // `integer` is a subset of `number`.
        if kinds & T_NUM != 0 {
            kinds &= !T_INT;
        }
        let format = string_keyword(&parts, "format");
        let scalar = |ty: DataType| (Shape::Done(Out::scalar(ty, nullable)), nullable);
        match kinds {
            0 => {
                if declared.is_none() && values.is_empty() {
                    // No constraint on the type: "any value".
                    return (Shape::Done(Out::json(true)), true);
                }
                let detail = if declared == Some(T_NULL) || (declared.is_none() && nullable) {
                    "the value is always null, so it becomes JSON"
                } else {
                    "the schema allows no type (e.g. `allOf` of incompatible types), so the value becomes JSON"
                };
                let span = keyword_span(&parts, &["type", "enum", "const"], view.at);
                self.note(codes::SCHEMA_LOSSY, path, span, detail);
                (Shape::Done(Out::json(true)), true)
            }
            T_BOOL => scalar(DataType::Boolean),
            T_INT => scalar(integer_type(format)),
            T_NUM => scalar(number_type(format)),
            T_STR => scalar(string_type(
                format,
                string_keyword(&parts, "contentEncoding"),
            )),
            T_ARR => (Shape::Array, nullable),
            T_OBJ => (Shape::Object, nullable),
            _ => {
                let names = type_names(kinds);
                let detail = if declared.is_some() {
                    format!("`type` allows several types ({names}), so the value becomes JSON")
                } else {
                    format!(
                        "`enum` mixes values of several types ({names}), so the value becomes JSON"
                    )
                };
                let keywords: &[&str] = if declared.is_some() {
                    &["type"]
                } else {
                    &["enum", "const"]
                };
                let span = keyword_span(&parts, keywords, view.at);
                self.note(codes::SCHEMA_LOSSY, path, span, detail);
                (Shape::Done(Out::json(nullable)), nullable)
            }
        }
    }

    /// Expands `anyOf` / `oneOf`: each branch together with the rest of the view, then the
    /// common type of the branches.
    pub(super) fn distribute(
        &mut self,
        view: &View<'a>,
        alt: Alt<'a>,
        rest: &[Alt<'a>],
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let branches = alt.list.items().unwrap_or_default();
        let mut base = self.copy_view(view);
        base.alts.clear();
        base.alts.extend_from_slice(rest);
        let start = self.notes.len();
        let mut had_null = false;
        let mut outs: Vec<Out> = Vec::new();
        for branch in branches {
            let Some(combined) = self.branch_view(&base, branch, alt.at, &mut had_null)? else {
                continue;
            };
            outs.push(self.expand_view(combined, path, level)?);
        }
        if outs.is_empty() {
            // Only null branches (or none): what remains is the rest of the view, nullable.
            let mut out = self.expand_view(base, path, level)?;
            out.nullable = true;
            return Ok(out);
        }
        Ok(self.merge_branches(&outs, had_null, alt, start, path))
    }

    /// The view of one `anyOf` branch combined with the rest, or `None` for a branch that
    /// only admits null (it sets `had_null`) or nothing at all.
    #[inline(never)]
    pub(super) fn branch_view(
        &mut self,
        base: &View<'a>,
        branch: &'a Json<'a>,
        at: usize,
        had_null: &mut bool,
    ) -> Result<Option<View<'a>>, SchemaError> {
        let mut alone = self.new_view();
        self.flatten(branch, &mut alone, None)?;
        let never = alone.never.is_some() && alone.cut.is_none();
        let null_only = !never && is_null_only(&alone);
        self.recycle(alone);
        if never {
            // A branch that matches nothing does not contribute.
            return Ok(None);
        }
        if null_only {
            *had_null = true;
            return Ok(None);
        }
        let mut combined = self.copy_view(base);
        self.flatten(branch, &mut combined, Some(at))?;
        Ok(Some(combined))
    }

    /// The common type of the expanded branches, or JSON with a note (replacing the notes
    /// made since `start`, which describe branches that no longer exist as columns).
    #[inline(never)]
    pub(super) fn merge_branches(
        &mut self,
        outs: &[Out],
        had_null: bool,
        alt: Alt<'_>,
        start: usize,
        path: &str,
    ) -> Out {
        let mut merged: Option<Out> = None;
        for out in outs {
            merged = match merged {
                None => Some(out.clone()),
                Some(m) => unify(&m, out),
            };
            if merged.is_none() {
                break;
            }
        }
        if let Some(mut merged) = merged {
            merged.nullable |= had_null;
            return merged;
        }
        let mut names: Vec<String> = Vec::new();
        for o in outs {
            let name = format!("`{}`", o.describe());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        self.notes.truncate(start);
        self.note(
            codes::SCHEMA_LOSSY,
            path,
            alt.key,
            format!("`{}` of {} becomes JSON", alt.keyword, names.join(", ")),
        );
        Out::json(true)
    }
}

pub(super) fn too_deep(path: &str, at: Span) -> SchemaError {
    SchemaError::new(
        codes::TOO_DEEP,
        format!(
            "field `{}` nests deeper than {MAX_NESTING} levels",
            display_path(path)
        ),
    )
    .with_help("flatten the schema, or model the deep part as a JSON column (`{}`)")
    .with_span(at)
}

/// Checks that a type at `path` holding `fields` Arrow fields stays within
/// [`MAX_EXPANDED_FIELDS`].
pub(super) fn check_fields(fields: usize, path: &str, at: Span) -> Result<usize, SchemaError> {
    if fields <= MAX_EXPANDED_FIELDS {
        return Ok(fields);
    }
    Err(SchemaError::new(
        codes::TOO_DEEP,
        format!(
            "the JSON Schema expands into more than {MAX_EXPANDED_FIELDS} fields (at `{}`)",
            display_path(path)
        ),
    )
    .with_help("a schema reached through `$ref` is expanded in full at every use, so schemas that use one another several times grow exponentially; use fewer references, or model the repeated part as a JSON column (`{}`)")
    .with_span(at))
}

pub(super) fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "(root)"
    } else {
        path
    }
}

/// `path` of a note made under `base`, relative to `base` (for memoized notes).
pub(super) fn relative(base: &str, path: &str) -> String {
    if base.is_empty() {
        if path.is_empty() || path.starts_with('[') || path.starts_with('{') {
            path.to_string()
        } else {
            format!(".{path}")
        }
    } else {
        path.strip_prefix(base).unwrap_or(path).to_string()
    }
}

/// The inverse of [`relative`]: a memoized note's path placed under `base`.
pub(super) fn rejoin(base: &str, rel: &str) -> String {
    if base.is_empty() {
        rel.strip_prefix('.').unwrap_or(rel).to_string()
    } else {
        format!("{base}{rel}")
    }
}
