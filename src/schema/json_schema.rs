//! Expansion of a JSON Schema document into Arrow fields.
//!
//! A table whose format is JSON can take its columns from a JSON Schema instead of a column
//! list. Arroyo does this through a code generator that panics on constructs it cannot model
//! (tuple `items`, some integer formats, recursion), so this module walks the schema document
//! itself and turns anything without an exact Arrow equivalent into a JSON column with a
//! [`SchemaNote`], never into a panic. It accepts drafts 4 to 2020-12 as they are written in
//! the wild, including OpenAPI's `nullable: true`.
//!
//! The document is read into an order-preserving tree (the crate's `serde_json` is built
//! without `preserve_order`, and columns must come out in document order). The root must
//! describe an object: its properties become the top-level fields.
//!
//! | JSON Schema | Arrow | Notes |
//! |---|---|---|
//! | `type: object` (or no `type`) with `properties` | `Struct`, children in document order | properties in `required` are non-null, the others nullable |
//! | `type: [T, "null"]`, `nullable: true`, `anyOf`/`oneOf` with a `{type: null}` branch | T, nullable | |
//! | `boolean` | `Boolean` | |
//! | `integer` | `Int64` | |
//! | `integer`, `format: int32`, `int`, `int16`, `int8` | `Int32` | |
//! | `integer`, `format: uint32`, `uint`, `uint16`, `uint8` | `UInt32` | |
//! | `integer`, `format: uint64` | `UInt64` | bounds such as `minimum: 0` are not used |
//! | `number` (also `type: [integer, number]`) | `Float64` | |
//! | `number`, `format: float` | `Float32` | |
//! | `string` | `Utf8` | also `format: time` (it carries a zone offset), `uuid`, `email`, `uri`, … |
//! | `string`, `format: date-time` | `Timestamp(Nanosecond, None)` | |
//! | `string`, `format: date` | `Date32` | |
//! | `string`, `format: byte` or `binary`, or `contentEncoding: base64` | `Binary` | |
//! | `array` with `items: S` | `List(Field "item")`, item nullable iff S is | `uniqueItems` is ignored |
//! | `array` without `items`, or `items: false` | `List` of JSON | |
//! | `array` with tuple `items: [..]` or `prefixItems` | JSON | note `schema::lossy` |
//! | `enum` / `const` (without `type`) | the type of the values: strings `Utf8`, integers `Int64`, numbers `Float64`, booleans `Boolean` | mixed kinds: JSON + note |
//! | `additionalProperties` / `patternProperties` without `properties` | `Map(Utf8, V)` | V from the value schema(s); `true`/`{}` gives JSON values |
//! | `properties` together with `additionalProperties` | `Struct` of the properties | extra keys are dropped, no note |
//! | `type: object` with neither | JSON | no note: it is "any object" |
//! | `{}` / `true` | JSON, nullable | no note: it is "any value" |
//! | `false`, `type: null` alone | JSON, nullable | note `schema::lossy` |
//! | `$ref` to `#`, `#/definitions/…`, `#/$defs/…`, any local pointer or `$anchor` | the target's type | refs relative to the root `$id` are local too; sibling keywords apply as well; `$dynamicRef` / `$recursiveRef` are resolved like `$ref` |
//! | `$ref` to another document | JSON | note `schema::lossy`: remote refs are not fetched |
//! | `$ref` back to a schema that is being expanded | JSON at that point | note `schema::recursive` |
//! | `allOf` | the members merged: properties in document order (`allOf`, `$ref` and `properties` in the order they are written), `required` united, types intersected | incompatible types: JSON + note |
//! | `anyOf` / `oneOf` | the branches' common type (nullability merged) | differing types: JSON + note |
//! | `type: [A, B]` with two non-null types | JSON | note `schema::lossy` |
//! | `not`, `if`/`then`/`else`, `dependencies`, bounds, patterns | ignored | validation only |
//!
//! The root is special: a root with properties gives one field per property. A root that is
//! not an object (`type: string`, `type: array`, a map, a union) becomes one field named
//! `value` of the mapped type, and a root without properties (`{}`, `type: object` alone)
//! becomes one JSON field `value` (the shape of Arroyo's unstructured JSON); both with a
//! `schema::lossy` note.
//!
//! Paths in notes are dotted (`address.city`); list items add `[]` and map values `{}`.
//!
//! Recursion and size are bounded: a `$ref` to a schema that is being expanded is cut into a
//! JSON column; every schema reached through a `$ref` is expanded once and reused (so large
//! self-referential meta-schemas stay linear); Arrow nesting deeper than [`MAX_NESTING`] and
//! chains of `$ref`/`anyOf` deeper than four times that are `limit::nesting` errors. Because
//! a reused expansion keeps the recursion cuts of its first use, a mutually recursive
//! definition may be unrolled to a different depth at its later uses. A document nested
//! deeper than the JSON reader's limit (128 levels) is a `limit::nesting` error too. Nested
//! `$id`s that change the base URI are not followed: `#/…` always points into the whole
//! document. At most 200 notes are listed, then one note says that more were dropped.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};

use crate::diagnostics::{codes, Code};
use crate::json::{self, ErrorKind, Json, JsonError, Value};
use crate::schema::expand::{json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};
use crate::span::{LineIndex, Span};

/// How deep `$ref`, `anyOf` and nesting together may chain before expansion gives up.
const MAX_CALLS: usize = 4 * MAX_NESTING;
/// How many schema nodes one document may expand into (protects against combinatorial
/// explosions of nested `anyOf` inside `allOf`).
const MAX_STEPS: usize = 50_000;
/// How many notes are reported before the rest are summarised in one note.
const MAX_NOTES: usize = 200;

/// Expands a JSON Schema document (text) into Arrow fields.
///
/// Errors: text that is not JSON or not a schema (`schema::invalid`, with serde_json's line
/// and column), a local `$ref` that does not resolve (`schema::invalid`), and schemas nested
/// deeper than [`MAX_NESTING`] (`limit::nesting`).
pub fn expand_json_schema(text: &str) -> Result<Expansion, SchemaError> {
    expand_json_schema_placed(text).map(|(expansion, _)| expansion)
}

/// [`expand_json_schema`], with the place in `text` of each note (in the order of
/// `Expansion::notes`; `DETACHED` for a note about the schema as a whole). Errors carry
/// their place in [`SchemaError::span`].
pub(crate) fn expand_json_schema_placed(text: &str) -> Result<(Expansion, Vec<Span>), SchemaError> {
    let doc = json::parse(text).map_err(|e| parse_error(text, &e))?;
    if !matches!(doc.value, Value::Object(_) | Value::Bool(_)) {
        return Err(SchemaError::new(
            codes::INVALID_SCHEMA,
            format!(
                "a JSON Schema must be an object or a boolean, found {}",
                doc.kind()
            ),
        )
        .with_span(Span::DETACHED));
    }
    let mut walker = Walker::new(&doc);
    let mut view = View::default();
    walker.flatten(&doc, &mut view, None)?;
    let out = walker.expand_view(view, "", 0)?;
    let whole = Span::DETACHED;
    let mut rename_root = false;
    let fields = match &out.ty {
        Ty::Arrow(DataType::Struct(fields)) => fields.iter().map(|f| f.as_ref().clone()).collect(),
        Ty::Arrow(other) => {
            rename_root = true;
            walker.note(
                codes::SCHEMA_LOSSY,
                "",
                whole,
                format!(
                    "the root schema describes `{}`, not an object with properties, so each message becomes one column `value`",
                    out.describe()
                ),
            );
            vec![Field::new("value", other.clone(), out.nullable)]
        }
        Ty::Json => {
            rename_root = true;
            walker.note(
                codes::SCHEMA_LOSSY,
                "",
                whole,
                "the root schema does not describe an object with properties, so each message becomes one JSON column `value`",
            );
            vec![json_field("value", out.nullable)]
        }
    };
    Ok(walker.finish(fields, rename_root))
}

/// Maps a reading error to a schema error at its exact place. The message keeps the line
/// and column (in bytes, as serde_json counted them) for readers of the text alone.
fn parse_error(text: &str, e: &JsonError) -> SchemaError {
    let at = LineIndex::new(text);
    let line = at.line_col(e.span.start).line;
    let line_start = at.offset(u64::try_from(line).unwrap_or(u64::MAX), 1);
    let column = e.span.start.saturating_sub(line_start) + 1;
    let located = format!("{} at line {line} column {column}", e.message);
    let error = match e.kind {
        ErrorKind::TooDeep => SchemaError::new(
            codes::TOO_DEEP,
            format!(
                "the JSON Schema document nests deeper than the JSON reader allows ({located})"
            ),
        )
        .with_help(format!(
            "schemas may nest at most {MAX_NESTING} levels; model deeper parts as a JSON column"
        )),
        ErrorKind::Syntax => SchemaError::new(
            codes::INVALID_SCHEMA,
            format!("invalid JSON Schema: {located}"),
        ),
    };
    error.with_span(e.span)
}

/// The members of an object as serde_json reads them: each key once, at its first
/// position, with its last value.
fn entries(node: &Json) -> Vec<(&str, &Json)> {
    let mut out: Vec<(&str, &Json)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for m in node.members().unwrap_or_default() {
        match index.get(m.key.as_str()).and_then(|&i| out.get_mut(i)) {
            Some(entry) => entry.1 = &m.value,
            None => {
                index.insert(&m.key, out.len());
                out.push((&m.key, &m.value));
            }
        }
    }
    out
}

/// The position of `key`'s first occurrence among the members of the object `node`.
fn key_position(node: &Json, key: &str) -> Option<usize> {
    node.members()?.iter().position(|m| m.key == key)
}

/// The span of the key `key` of the object `node` (its last occurrence, whose value counts).
fn key_span(node: &Json, key: &str) -> Span {
    node.member(key).map_or(node.span, |m| m.key_span)
}

/// The identity of a node of the (immutable) document, used for recursion checks and memo keys.
fn ident(node: &Json) -> usize {
    std::ptr::from_ref(node) as usize
}

// ---------------------------------------------------------------------------------------------
// The walker.
// ---------------------------------------------------------------------------------------------

/// What a schema expands to.
#[derive(Clone, Debug)]
struct Out {
    ty: Ty,
    /// Whether the schema itself admits null (a property's nullability also depends on `required`).
    nullable: bool,
    /// How many container levels the type has (0 for a primitive or JSON).
    depth: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Arrow(DataType),
    Json,
}

impl Out {
    fn json(nullable: bool) -> Out {
        Out {
            ty: Ty::Json,
            nullable,
            depth: 0,
        }
    }

    fn arrow(ty: DataType, nullable: bool, depth: usize) -> Out {
        Out {
            ty: Ty::Arrow(ty),
            nullable,
            depth,
        }
    }

    fn field(&self, name: &str, nullable: bool) -> Field {
        match &self.ty {
            Ty::Arrow(ty) => Field::new(name, ty.clone(), nullable),
            Ty::Json => json_field(name, nullable),
        }
    }

    /// A short name of the type for notes (nested types are not spelled out).
    fn describe(&self) -> String {
        match &self.ty {
            Ty::Arrow(DataType::Struct(_)) => "Struct".to_string(),
            Ty::Arrow(DataType::List(_)) => "List".to_string(),
            Ty::Arrow(DataType::Map(..)) => "Map".to_string(),
            Ty::Arrow(ty) => ty.to_string(),
            Ty::Json => "JSON".to_string(),
        }
    }
}

/// A note before its message is rendered; `path` is relative inside memoized expansions.
#[derive(Clone, Debug)]
struct Note {
    code: Code,
    path: String,
    /// Where in the schema text (`DETACHED`: the schema as a whole).
    span: Span,
    detail: String,
}

/// A finished expansion, reused wherever the same schema is reached again.
struct Memo {
    out: Out,
    notes: Vec<Note>,
}

/// The outcome of [`Walker::lookup`].
enum Lookup {
    /// The view needs no (further) expansion.
    Done(Out),
    /// The view must be expanded; its memo key.
    Miss(Vec<usize>),
}

/// What [`Walker::classify`] decided.
enum Shape {
    Done(Out),
    Array,
    Object,
}

/// Why a schema became JSON without being looked at.
#[derive(Clone)]
enum Cut {
    /// A `$ref` (its text and the span of its value) back into a schema being expanded.
    Recursive(String, Span),
    /// A `$ref` to another document.
    Remote(String, Span),
}

/// The schemas that apply together at one place: a schema with its `$ref` target and its
/// `allOf` members, flattened. Keywords are read from all `parts`; `alts` are the `anyOf` /
/// `oneOf` lists still to be distributed. `visited` records how each node was reached, so
/// that a child knows the chain of schemas it sits in (for recursion checks).
#[derive(Clone, Default)]
struct View<'a> {
    parts: Vec<Part<'a>>,
    alts: Vec<Alt<'a>>,
    visited: Vec<Visit>,
    /// The `false` schema that applies, if one does: the view matches nothing.
    never: Option<Span>,
    cut: Option<Cut>,
    /// The schema the view was entered at, for errors about it as a whole.
    at: Span,
}

/// A schema object with keywords that shape the type; `at` indexes `View::visited`.
#[derive(Clone, Copy)]
struct Part<'a> {
    node: &'a Json,
    at: usize,
}

/// An `anyOf` / `oneOf` list and the schema that holds it.
#[derive(Clone, Copy)]
struct Alt<'a> {
    keyword: &'static str,
    /// The span of the keyword.
    key: Span,
    list: &'a Json,
    at: usize,
}

/// A node reached while flattening, and the node (index in `View::visited`) that led to it.
#[derive(Clone, Copy)]
struct Visit {
    id: usize,
    parent: Option<usize>,
}

impl View<'_> {
    /// The nodes on the way from the view's entry to the node at `at`: the schemas a child
    /// of that node is nested in.
    fn chain(&self, at: usize, out: &mut Vec<usize>) {
        let mut next = Some(at);
        // The parent links only point backwards, so this walk ends; the bound is a guard.
        let mut guard = self.visited.len();
        while let (Some(i), true) = (next, guard > 0) {
            guard -= 1;
            let Some(visit) = self.visited.get(i) else {
                break;
            };
            out.push(visit.id);
            next = visit.parent;
        }
    }

    fn nodes(&self) -> Vec<&Json> {
        self.parts.iter().map(|p| p.node).collect()
    }
}

/// The keywords that affect the Arrow type (everything else is an annotation or validation).
const SHAPE_KEYWORDS: &[&str] = &[
    "type",
    "properties",
    "required",
    "items",
    "prefixItems",
    "additionalProperties",
    "patternProperties",
    "enum",
    "const",
    "format",
    "contentEncoding",
    "nullable",
];

// The JSON types as bits, so that `type` lists can be intersected (`allOf`) and united.
const T_NULL: u8 = 1;
const T_BOOL: u8 = 2;
const T_INT: u8 = 4;
const T_NUM: u8 = 8;
const T_STR: u8 = 16;
const T_ARR: u8 = 32;
const T_OBJ: u8 = 64;
const T_ANY: u8 = 127;

/// Where a `$ref` points.
enum Resolved<'a> {
    Local(&'a Json),
    Remote,
}

/// The state of one expansion: the document, what is being expanded, what was already
/// expanded, and the notes so far.
struct Walker<'a> {
    root: &'a Json,
    /// Nodes of the schemas currently being expanded (a `$ref` to one of them is recursion).
    active: HashSet<usize>,
    /// Finished expansions, keyed by the identities of the view's parts and alternatives.
    memo: HashMap<Vec<usize>, Memo>,
    notes: Vec<Note>,
    /// Whether notes beyond [`MAX_NOTES`] were dropped.
    notes_dropped: bool,
    /// Expansions in progress (the recursion depth), within [`MAX_CALLS`].
    calls: usize,
    /// Expansions so far, within [`MAX_STEPS`].
    steps: usize,
    /// `$anchor` names, collected on the first anchor reference.
    anchors: Option<HashMap<String, &'a Json>>,
}

impl<'a> Walker<'a> {
    fn new(root: &'a Json) -> Self {
        Walker {
            root,
            active: HashSet::new(),
            memo: HashMap::new(),
            notes: Vec::new(),
            notes_dropped: false,
            calls: 0,
            steps: 0,
            anchors: None,
        }
    }

    fn note(&mut self, code: Code, path: &str, span: Span, detail: impl Into<String>) {
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

    fn finish(self, fields: Vec<Field>, rename_root: bool) -> (Expansion, Vec<Span>) {
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
    fn flatten(
        &mut self,
        schema: &'a Json,
        view: &mut View<'a>,
        parent: Option<usize>,
    ) -> Result<(), SchemaError> {
        enum Work<'a> {
            Schema(&'a Json, Option<usize>),
            Own(&'a Json, usize),
        }
        let mut work = vec![Work::Schema(schema, parent)];
        while let Some(item) = work.pop() {
            match item {
                Work::Own(node, at) => {
                    if SHAPE_KEYWORDS.iter().any(|k| node.get(k).is_some()) {
                        view.parts.push(Part { node, at });
                    }
                    for keyword in ["anyOf", "oneOf"] {
                        if let Some(m) = node.member(keyword).filter(|m| m.value.items().is_some())
                        {
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
                    if view.visited.iter().any(|v| v.id == id) {
                        // `allOf` of a schema with itself adds nothing.
                        continue;
                    }
                    let at = view.visited.len();
                    view.visited.push(Visit { id, parent });
                    // The referenced schema, the `allOf` members and the node's own
                    // keywords apply in the order their keywords appear, so that properties
                    // come out in document order.
                    let mut pieces: Vec<(usize, Work<'a>)> = Vec::new();
                    let own_at = key_position(node, "properties").unwrap_or(0);
                    pieces.push((own_at, Work::Own(node, at)));
                    if let Some(members) = node.get("allOf").and_then(Json::items) {
                        let pos = key_position(node, "allOf").unwrap_or(0);
                        pieces.extend(members.iter().map(|m| (pos, Work::Schema(m, Some(at)))));
                    }
                    // `$dynamicRef` / `$recursiveRef` are resolved statically, like `$ref`.
                    let reference = ["$ref", "$dynamicRef", "$recursiveRef"]
                        .iter()
                        .find_map(|k| node.get(k).map(|r| (r, key_position(node, k))));
                    if let Some((reference, pos)) = reference {
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
                                pieces.push((pos.unwrap_or(0), Work::Schema(target, Some(at))));
                            }
                        }
                    }
                    // A stable sort keeps `allOf` members in order; the stack pops in reverse.
                    pieces.sort_by_key(|(pos, _)| *pos);
                    work.extend(pieces.into_iter().rev().map(|(_, w)| w));
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
    fn expand_child(
        &mut self,
        view: &View<'a>,
        schemas: &[(&'a Json, usize)],
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let mut chain = Vec::new();
        for (_, at) in schemas {
            view.chain(*at, &mut chain);
        }
        let newly: Vec<usize> = chain
            .into_iter()
            .filter(|id| self.active.insert(*id))
            .collect();
        let result = self.expand_schemas(schemas, path, level);
        for id in &newly {
            self.active.remove(id);
        }
        result
    }

    fn expand_schemas(
        &mut self,
        schemas: &[(&'a Json, usize)],
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let mut child = View {
            at: schemas.first().map_or(Span::DETACHED, |(s, _)| s.span),
            ..View::default()
        };
        for (schema, _) in schemas {
            self.flatten(schema, &mut child, None)?;
        }
        self.expand_view(child, path, level)
    }

    /// Expands the view of the schemas that apply at `path`, whose type sits at nesting `level`.
    ///
    /// This function recurses (through the object, array and `anyOf` expansions), so its
    /// frame is kept small: everything that is not on the recursive path lives in helpers.
    fn expand_view(
        &mut self,
        view: View<'a>,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let key = match self.lookup(&view, path, level)? {
            Lookup::Done(out) => return Ok(out),
            Lookup::Miss(key) => key,
        };
        self.enter(path, view.at)?;
        let start = self.notes.len();
        let result = self.expand_uncached(&view, path, level);
        self.calls -= 1;
        let out = result?;
        self.remember(key, &out, start, path);
        Ok(out)
    }

    /// The checks before a view is expanded: limits, cuts, and reuse of an earlier expansion.
    #[inline(never)]
    fn lookup(&mut self, view: &View<'a>, path: &str, level: usize) -> Result<Lookup, SchemaError> {
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
        let mut key: Vec<usize> = view.parts.iter().map(|p| ident(p.node)).collect();
        key.push(0);
        key.extend(view.alts.iter().map(|a| ident(a.list)));
        let Some(memo) = self.memo.get(&key) else {
            return Ok(Lookup::Miss(key));
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
    fn enter(&mut self, path: &str, at: Span) -> Result<(), SchemaError> {
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
    fn remember(&mut self, key: Vec<usize>, out: &Out, start: usize, path: &str) {
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

    fn expand_uncached(
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
    fn classify(&mut self, view: &View<'a>, path: &str) -> (Shape, bool) {
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
        let scalar = |ty: DataType| (Shape::Done(Out::arrow(ty, nullable, 0)), nullable);
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
    fn distribute(
        &mut self,
        view: &View<'a>,
        alt: Alt<'a>,
        rest: &[Alt<'a>],
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let branches = alt.list.items().unwrap_or_default();
        let base = View {
            alts: rest.to_vec(),
            ..view.clone()
        };
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
    fn branch_view(
        &mut self,
        base: &View<'a>,
        branch: &'a Json,
        at: usize,
        had_null: &mut bool,
    ) -> Result<Option<View<'a>>, SchemaError> {
        let mut alone = View::default();
        self.flatten(branch, &mut alone, None)?;
        if alone.never.is_some() && alone.cut.is_none() {
            // A branch that matches nothing does not contribute.
            return Ok(None);
        }
        if is_null_only(&alone) {
            *had_null = true;
            return Ok(None);
        }
        let mut combined = base.clone();
        self.flatten(branch, &mut combined, Some(at))?;
        Ok(Some(combined))
    }

    /// The common type of the expanded branches, or JSON with a note (replacing the notes
    /// made since `start`, which describe branches that no longer exist as columns).
    #[inline(never)]
    fn merge_branches(
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

    fn expand_array(
        &mut self,
        view: &View<'a>,
        nullable: bool,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let tuple = view.parts.iter().find_map(|p| {
            if p.node.get("prefixItems").is_some() {
                Some(key_span(p.node, "prefixItems"))
            } else {
                p.node
                    .get("items")
                    .and_then(Json::items)
                    .map(|_| key_span(p.node, "items"))
            }
        });
        if let Some(span) = tuple {
            self.note(
                codes::SCHEMA_LOSSY,
                path,
                span,
                "a tuple-style array (`items: [..]` or `prefixItems`) becomes JSON",
            );
            return Ok(Out::json(nullable));
        }
        let items: Vec<(&'a Json, usize)> = view
            .parts
            .iter()
            .filter_map(|p| p.node.get("items").map(|i| (i, p.at)))
            .collect();
        let item = if items.is_empty() || items.iter().any(|(i, _)| i.value == Value::Bool(false)) {
            Out::json(true)
        } else {
            self.expand_child(view, &items, &format!("{path}[]"), level + 1)?
        };
        let depth = item.depth + 1;
        let field = item.field("item", item.nullable);
        Ok(Out::arrow(DataType::List(Arc::new(field)), nullable, depth))
    }

    fn expand_object(
        &mut self,
        view: &View<'a>,
        nullable: bool,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        // Properties of all parts, united in document order.
        let mut properties: Vec<(&'a str, Vec<(&'a Json, usize)>)> = Vec::new();
        let mut required: HashSet<&'a str> = HashSet::new();
        for part in &view.parts {
            if let Some(props) = part
                .node
                .get("properties")
                .filter(|p| p.members().is_some())
            {
                for (name, schema) in entries(props) {
                    match properties.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, schemas)) => schemas.push((schema, part.at)),
                        None => properties.push((name, vec![(schema, part.at)])),
                    }
                }
            }
            if let Some(list) = part.node.get("required").and_then(Json::items) {
                required.extend(list.iter().filter_map(Json::as_str));
            }
        }
        if !properties.is_empty() {
            let mut fields = Vec::with_capacity(properties.len());
            let mut depth = 0;
            for (name, schemas) in properties {
                let child_path = if path.is_empty() {
                    name.to_string()
                } else {
                    format!("{path}.{name}")
                };
                let out = self.expand_child(view, &schemas, &child_path, level + 1)?;
                depth = depth.max(out.depth + 1);
                fields.push(out.field(name, out.nullable || !required.contains(name)));
            }
            return Ok(Out::arrow(
                DataType::Struct(Fields::from(fields)),
                nullable,
                depth,
            ));
        }

        self.expand_map(view, nullable, path, level)
    }

    /// An object without properties: a map if `additionalProperties` or
    /// `patternProperties` describe the values, otherwise "any object" (JSON).
    fn expand_map(
        &mut self,
        view: &View<'a>,
        nullable: bool,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let Some(value_schemas) = self.map_values(view, path) else {
            return Ok(Out::json(nullable));
        };
        let value_path = format!("{path}{{}}");
        let start = self.notes.len();
        let mut value: Option<Out> = None;
        for schema in &value_schemas {
            let out =
                self.expand_child(view, std::slice::from_ref(schema), &value_path, level + 1)?;
            value = Some(match value {
                None => out,
                Some(previous) => {
                    match self.merge_map_values(&previous, &out, start, &value_path, schema.0.span)
                    {
                        Some(merged) => merged,
                        None => {
                            value = Some(Out::json(true));
                            break;
                        }
                    }
                }
            });
        }
        let value = value.unwrap_or_else(|| Out::json(true));
        let depth = value.depth + 1;
        Ok(Out::arrow(
            map_type(value.field("value", value.nullable)),
            nullable,
            depth,
        ))
    }

    /// The value schemas of a map-like object (each with its part), or `None` if the object
    /// is not map-like or admits no keys.
    #[inline(never)]
    fn map_values(&mut self, view: &View<'a>, path: &str) -> Option<Vec<(&'a Json, usize)>> {
        let mut value_schemas: Vec<(&'a Json, usize)> = Vec::new();
        let mut keyed = false;
        let mut closed = view.at;
        for part in &view.parts {
            if let Some(patterns) = part.node.get("patternProperties") {
                if patterns.members().is_some() {
                    keyed = true;
                    value_schemas.extend(entries(patterns).into_iter().map(|(_, s)| (s, part.at)));
                }
            }
        }
        for part in &view.parts {
            if let Some(extra) = part.node.get("additionalProperties") {
                keyed = true;
                if extra.value == Value::Bool(false) {
                    closed = extra.span;
                } else {
                    value_schemas.push((extra, part.at));
                }
            }
        }
        if keyed && value_schemas.is_empty() {
            self.note(
                codes::SCHEMA_LOSSY,
                path,
                closed,
                "an object without properties that allows no other keys becomes JSON",
            );
        }
        (!value_schemas.is_empty()).then_some(value_schemas)
    }

    /// The common type of two map value schemas, or `None` after a note that the values
    /// become JSON (replacing the notes made since `start`).
    #[inline(never)]
    fn merge_map_values(
        &mut self,
        previous: &Out,
        out: &Out,
        start: usize,
        path: &str,
        span: Span,
    ) -> Option<Out> {
        if let Some(merged) = unify(previous, out) {
            return Some(merged);
        }
        self.notes.truncate(start);
        self.note(
            codes::SCHEMA_LOSSY,
            path,
            span,
            format!(
                "map values of different types (`{}` and `{}`) become JSON",
                previous.describe(),
                out.describe()
            ),
        );
        None
    }

    /// Resolves a `$ref` string to a node of this document, or says it is remote.
    fn resolve(&mut self, reference: &str) -> Result<Resolved<'a>, SchemaError> {
        let (base, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        if !base.is_empty() && !self.is_own_id(base) {
            return Ok(Resolved::Remote);
        }
        let fragment = percent_decode(fragment).ok_or_else(|| {
            SchemaError::new(
                codes::INVALID_SCHEMA,
                format!("`$ref` `{reference}` is not a valid URI fragment"),
            )
        })?;
        let Some(pointer) = fragment.strip_prefix('/') else {
            if fragment.is_empty() {
                return Ok(Resolved::Local(self.root));
            }
            return self
                .anchor(&fragment)
                .map(Resolved::Local)
                .ok_or_else(|| unresolved(reference, &format!("no `$anchor` named `{fragment}`")));
        };
        let mut node = self.root;
        let mut walked = String::from("#");
        for token in pointer.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            let next = match &node.value {
                Value::Object(_) => node.get(&token),
                Value::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .filter(|_| token == "0" || !token.starts_with('0'))
                    .and_then(|i| items.get(i)),
                _ => None,
            };
            let Some(next) = next else {
                return Err(unresolved(
                    reference,
                    &format!("no `{token}` in `{walked}`"),
                ));
            };
            node = next;
            walked.push('/');
            walked.push_str(&token);
        }
        Ok(Resolved::Local(node))
    }

    /// Whether a `$ref`'s URI part names this document (its root `$id`, or that id's last
    /// path segment).
    fn is_own_id(&self, base: &str) -> bool {
        let Some(id) = self
            .root
            .get("$id")
            .or_else(|| self.root.get("id"))
            .and_then(Json::as_str)
        else {
            return false;
        };
        let id = id.trim_end_matches('#');
        id == base || id.rsplit('/').next() == Some(base)
    }

    /// Finds the node that declares `$anchor` (or a draft 4-7 fragment `$id` / `id`) `name`.
    fn anchor(&mut self, name: &str) -> Option<&'a Json> {
        let root = self.root;
        let anchors = self.anchors.get_or_insert_with(|| collect_anchors(root));
        anchors.get(name).copied()
    }
}

/// Every anchor in the document, found with an explicit stack.
fn collect_anchors(root: &Json) -> HashMap<String, &Json> {
    let mut anchors = HashMap::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Object(_) => {
                for key in ["$anchor", "$dynamicAnchor"] {
                    if let Some(name) = node.get(key).and_then(Json::as_str) {
                        anchors.entry(name.to_string()).or_insert(node);
                    }
                }
                for key in ["$id", "id"] {
                    if let Some(id) = node.get(key).and_then(Json::as_str) {
                        if let Some((_, name)) = id.split_once('#') {
                            if !name.is_empty() && !name.starts_with('/') {
                                anchors.entry(name.to_string()).or_insert(node);
                            }
                        }
                    }
                }
                stack.extend(entries(node).into_iter().map(|(_, v)| v));
            }
            Value::Array(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    anchors
}

fn unresolved(reference: &str, why: &str) -> SchemaError {
    SchemaError::new(
        codes::INVALID_SCHEMA,
        format!("`$ref` `{reference}` does not resolve: {why}"),
    )
    .with_help("local references look like `#/definitions/name`, `#/$defs/name` or `#`")
}

fn too_deep(path: &str, at: Span) -> SchemaError {
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

fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "(root)"
    } else {
        path
    }
}

/// `path` of a note made under `base`, relative to `base` (for memoized notes).
fn relative(base: &str, path: &str) -> String {
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
fn rejoin(base: &str, rel: &str) -> String {
    if base.is_empty() {
        rel.strip_prefix('.').unwrap_or(rel).to_string()
    } else {
        format!("{base}{rel}")
    }
}

/// Decodes `%XX` escapes of a URI fragment; `None` if they are malformed or not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_string());
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut iter = text.bytes();
    while let Some(b) = iter.next() {
        if b == b'%' {
            let hi = char::from(iter.next()?).to_digit(16)?;
            let lo = char::from(iter.next()?).to_digit(16)?;
            bytes.push(u8::try_from(hi * 16 + lo).ok()?);
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).ok()
}

/// The intersection of the `type` keywords of `parts` as a bit set, or `None` if no part has
/// one. Unknown type names are collected in `unknown`.
fn declared_types(parts: &[&Json], unknown: &mut Vec<(String, Span)>) -> Option<u8> {
    let mut result: Option<u8> = None;
    for part in parts {
        let Some(ty) = part.get("type") else {
            continue;
        };
        let mut mask = 0;
        let names: Vec<&Json> = match &ty.value {
            Value::Array(items) => items.iter().collect(),
            _ => vec![ty],
        };
        for name in names {
            match name.as_str() {
                Some("null") => mask |= T_NULL,
                Some("boolean") => mask |= T_BOOL,
                Some("integer") => mask |= T_INT,
                // Every integer is a number.
                Some("number") => mask |= T_NUM | T_INT,
                Some("string") => mask |= T_STR,
                Some("array") => mask |= T_ARR,
                Some("object") => mask |= T_OBJ,
                // Draft 3's "any".
                Some("any") => mask |= T_ANY,
                Some(other) => unknown.push((other.to_string(), name.span)),
                None => unknown.push((json_text(name), name.span)),
            }
        }
        result = Some(result.map_or(mask, |r| r & mask));
    }
    result
}

/// The types a schema without `type` implies through its other keywords.
fn infer_types(parts: &[&Json]) -> u8 {
    let has = |keys: &[&str]| {
        parts
            .iter()
            .any(|p| keys.iter().any(|k| p.get(k).is_some()))
    };
    if has(&[
        "properties",
        "additionalProperties",
        "patternProperties",
        "required",
    ]) {
        return T_OBJ;
    }
    if has(&["items", "prefixItems"]) {
        return T_ARR;
    }
    let values = enum_values(parts);
    if !values.is_empty() {
        return value_kinds(&values);
    }
    if let Some(format) = string_keyword(parts, "format") {
        return match format {
            "int32" | "int64" | "int" | "uint" | "uint32" | "uint64" | "int8" | "int16"
            | "uint8" | "uint16" => T_INT,
            "float" | "double" => T_NUM,
            _ => T_STR,
        };
    }
    if has(&["contentEncoding"]) {
        return T_STR;
    }
    0
}

/// The values of the `enum` and `const` keywords of all parts.
fn enum_values<'a>(parts: &[&'a Json]) -> Vec<&'a Json> {
    let mut values = Vec::new();
    for part in parts {
        if let Some(list) = part.get("enum").and_then(Json::items) {
            values.extend(list.iter());
        }
        if let Some(value) = part.get("const") {
            values.push(value);
        }
    }
    values
}

fn value_kinds(values: &[&Json]) -> u8 {
    values.iter().fold(0, |mask, v| {
        mask | match &v.value {
            Value::Null => T_NULL,
            Value::Bool(_) => T_BOOL,
            Value::Number(n) if is_float(n) => T_NUM,
            Value::Number(_) => T_INT,
            Value::String(_) => T_STR,
            Value::Array(_) => T_ARR,
            Value::Object(_) => T_OBJ,
        }
    })
}

/// Whether serde_json would read the number as a float: it has a fraction or an exponent,
/// or it is an integer beyond 64 bits.
fn is_float(number: &str) -> bool {
    number.contains(['.', 'e', 'E'])
        || (number.parse::<i64>().is_err() && number.parse::<u64>().is_err())
}

/// A short rendering of a value that is not a type name, for a note.
fn json_text(value: &Json) -> String {
    match &value.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.clone(),
        _ => value.kind().to_string(),
    }
}

/// The span of the first of `keywords` that one of `parts` has, else `fallback`.
fn keyword_span(parts: &[&Json], keywords: &[&str], fallback: Span) -> Span {
    keywords
        .iter()
        .find_map(|k| parts.iter().find_map(|p| p.get(k).map(|v| v.span)))
        .unwrap_or(fallback)
}

fn type_names(mask: u8) -> String {
    [
        (T_BOOL, "boolean"),
        (T_INT, "integer"),
        (T_NUM, "number"),
        (T_STR, "string"),
        (T_ARR, "array"),
        (T_OBJ, "object"),
    ]
    .iter()
    .filter(|(bit, _)| mask & bit != 0)
    .map(|(_, name)| format!("`{name}`"))
    .collect::<Vec<_>>()
    .join(", ")
}

/// Whether a flattened `anyOf` branch admits only null (`{type: null}`, `{const: null}`).
fn is_null_only(view: &View<'_>) -> bool {
    if view.cut.is_some() || !view.alts.is_empty() || view.parts.is_empty() {
        return false;
    }
    let mut unknown = Vec::new();
    let parts = view.nodes();
    match declared_types(&parts, &mut unknown) {
        Some(mask) => mask == T_NULL && unknown.is_empty(),
        None => {
            let values = enum_values(&parts);
            !values.is_empty() && values.iter().all(|v| v.is_null())
        }
    }
}

fn string_keyword<'a>(parts: &[&'a Json], keyword: &str) -> Option<&'a str> {
    parts
        .iter()
        .find_map(|p| p.get(keyword).and_then(Json::as_str))
}

fn integer_type(format: Option<&str>) -> DataType {
    match format {
        Some("int32" | "int" | "int16" | "int8") => DataType::Int32,
        Some("uint32" | "uint" | "uint16" | "uint8") => DataType::UInt32,
        Some("uint64") => DataType::UInt64,
        _ => DataType::Int64,
    }
}

fn number_type(format: Option<&str>) -> DataType {
    match format {
        Some("float") => DataType::Float32,
        _ => DataType::Float64,
    }
}

fn string_type(format: Option<&str>, encoding: Option<&str>) -> DataType {
    if encoding.is_some_and(|e| e.eq_ignore_ascii_case("base64")) {
        return DataType::Binary;
    }
    match format {
        Some("date-time") => DataType::Timestamp(TimeUnit::Nanosecond, None),
        Some("date") => DataType::Date32,
        Some("byte" | "binary") => DataType::Binary,
        _ => DataType::Utf8,
    }
}

/// `Map(Field "entries" Struct("key" Utf8 non-null, value), unsorted)`.
fn map_type(value: Field) -> DataType {
    let entries = Field::new(
        "entries",
        DataType::Struct(Fields::from(vec![
            Field::new("key", DataType::Utf8, false),
            value,
        ])),
        false,
    );
    DataType::Map(Arc::new(entries), false)
}

/// The common type of two expansions: equal up to nullability (which is merged), or `None`.
fn unify(a: &Out, b: &Out) -> Option<Out> {
    let ty = match (&a.ty, &b.ty) {
        (Ty::Json, Ty::Json) => Ty::Json,
        (Ty::Arrow(x), Ty::Arrow(y)) => Ty::Arrow(unify_types(x, y)?),
        _ => return None,
    };
    Some(Out {
        ty,
        nullable: a.nullable || b.nullable,
        depth: a.depth.max(b.depth),
    })
}

fn unify_types(a: &DataType, b: &DataType) -> Option<DataType> {
    if a == b {
        return Some(a.clone());
    }
    match (a, b) {
        (DataType::Struct(x), DataType::Struct(y)) if x.len() == y.len() => {
            let fields = x
                .iter()
                .zip(y.iter())
                .map(|(f, g)| unify_fields(f, g))
                .collect::<Option<Vec<Field>>>()?;
            Some(DataType::Struct(Fields::from(fields)))
        }
        (DataType::List(x), DataType::List(y)) => {
            Some(DataType::List(Arc::new(unify_fields(x, y)?)))
        }
        (DataType::Map(x, sx), DataType::Map(y, sy)) if sx == sy => {
            Some(DataType::Map(Arc::new(unify_fields(x, y)?), *sx))
        }
        _ => None,
    }
}

fn unify_fields(a: &Field, b: &Field) -> Option<Field> {
    if a.name() != b.name() || a.metadata() != b.metadata() {
        return None;
    }
    let ty = unify_types(a.data_type(), b.data_type())?;
    Some(
        Field::new(a.name(), ty, a.is_nullable() || b.is_nullable())
            .with_metadata(a.metadata().clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::expand::is_json;

    fn expand(text: &str) -> Expansion {
        match expand_json_schema(text) {
            Ok(e) => e,
            Err(e) => panic!("expansion failed: {e:?}"),
        }
    }

    fn field<'e>(e: &'e Expansion, name: &str) -> &'e Field {
        e.fields
            .iter()
            .find(|f| f.name() == name)
            .unwrap_or_else(|| panic!("no field {name} in {:?}", e.fields))
    }

    /// The type of property `p` of a one-property object schema.
    fn prop(schema: &str) -> Field {
        let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
        field(&e, "p").clone()
    }

    fn note_codes(e: &Expansion) -> Vec<(&'static str, &str)> {
        e.notes
            .iter()
            .map(|n| (n.code.as_str(), n.path.as_str()))
            .collect()
    }

    fn list_of(item: Field) -> DataType {
        DataType::List(Arc::new(item))
    }

    #[test]
    fn properties_keep_document_order_and_required_decides_nullability() {
        let e = expand(
            r#"{"type": "object", "required": ["zeta", "alpha"],
                "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer"},
                               "mid": {"type": "boolean"}}}"#,
        );
        assert_eq!(
            e.fields,
            vec![
                Field::new("zeta", DataType::Utf8, false),
                Field::new("alpha", DataType::Int64, false),
                Field::new("mid", DataType::Boolean, true),
            ]
        );
        assert!(e.notes.is_empty());
    }

    #[test]
    fn nested_object_becomes_struct() {
        let f = prop(
            r#"{"type": "object", "required": ["b"], "properties": {"a": {"type": "number"}, "b": {"type": "string"}}}"#,
        );
        assert_eq!(
            f.data_type(),
            &DataType::Struct(Fields::from(vec![
                Field::new("a", DataType::Float64, true),
                Field::new("b", DataType::Utf8, false),
            ]))
        );
    }

    #[test]
    fn null_in_type_list_and_openapi_nullable_make_required_fields_nullable() {
        let e = expand(
            r#"{"required": ["a", "b", "c"], "properties": {
                "a": {"type": ["string", "null"]},
                "b": {"type": "integer", "nullable": true},
                "c": {"type": "integer"}}}"#,
        );
        assert_eq!(field(&e, "a"), &Field::new("a", DataType::Utf8, true));
        assert_eq!(field(&e, "b"), &Field::new("b", DataType::Int64, true));
        assert_eq!(field(&e, "c"), &Field::new("c", DataType::Int64, false));
    }

    #[test]
    fn boolean_maps_to_boolean() {
        assert_eq!(
            prop(r#"{"type": "boolean"}"#).data_type(),
            &DataType::Boolean
        );
    }

    #[test]
    fn integer_formats() {
        for (format, expected) in [
            ("", DataType::Int64),
            ("int32", DataType::Int32),
            ("int", DataType::Int32),
            ("int64", DataType::Int64),
            ("uint32", DataType::UInt32),
            ("uint", DataType::UInt32),
            ("uint64", DataType::UInt64),
            ("int8", DataType::Int32),
            ("int16", DataType::Int32),
            ("uint8", DataType::UInt32),
            ("uint16", DataType::UInt32),
        ] {
            let e = expand(&format!(
                r#"{{"properties": {{"p": {{"type": "integer", "format": "{format}"}}}}}}"#
            ));
            assert_eq!(field(&e, "p").data_type(), &expected, "format {format}");
            assert!(e.notes.is_empty());
        }
    }

    #[test]
    fn number_formats() {
        assert_eq!(
            prop(r#"{"type": "number"}"#).data_type(),
            &DataType::Float64
        );
        assert_eq!(
            prop(r#"{"type": "number", "format": "float"}"#).data_type(),
            &DataType::Float32
        );
        assert_eq!(
            prop(r#"{"type": "number", "format": "double"}"#).data_type(),
            &DataType::Float64
        );
        assert_eq!(
            prop(r#"{"type": ["integer", "number"]}"#).data_type(),
            &DataType::Float64
        );
    }

    #[test]
    fn string_formats() {
        for (format, expected) in [
            ("", DataType::Utf8),
            ("date-time", DataType::Timestamp(TimeUnit::Nanosecond, None)),
            ("date", DataType::Date32),
            ("time", DataType::Utf8),
            ("uuid", DataType::Utf8),
            ("email", DataType::Utf8),
            ("uri", DataType::Utf8),
            ("byte", DataType::Binary),
            ("binary", DataType::Binary),
        ] {
            let f = prop(&format!(r#"{{"type": "string", "format": "{format}"}}"#));
            assert_eq!(f.data_type(), &expected, "format {format}");
            assert!(!is_json(&f));
        }
        assert_eq!(
            prop(r#"{"type": "string", "contentEncoding": "base64"}"#).data_type(),
            &DataType::Binary
        );
    }

    #[test]
    fn array_items_give_a_list_with_item_nullability() {
        assert_eq!(
            prop(r#"{"type": "array", "items": {"type": "string"}}"#).data_type(),
            &list_of(Field::new("item", DataType::Utf8, false))
        );
        assert_eq!(
            prop(r#"{"type": "array", "items": {"type": ["integer", "null"]}}"#).data_type(),
            &list_of(Field::new("item", DataType::Int64, true))
        );
        assert_eq!(
            prop(r#"{"type": "array", "uniqueItems": true, "items": {"type": "string"}}"#)
                .data_type(),
            &list_of(Field::new("item", DataType::Utf8, false))
        );
    }

    #[test]
    fn array_without_items_or_with_false_items_is_a_list_of_json() {
        for schema in [
            r#"{"type": "array"}"#,
            r#"{"type": "array", "items": false}"#,
        ] {
            let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
            assert_eq!(
                field(&e, "p").data_type(),
                &list_of(json_field("item", true)),
                "{schema}"
            );
            assert!(e.notes.is_empty());
        }
    }

    #[test]
    fn tuple_arrays_become_json_with_a_note() {
        for schema in [
            r#"{"type": "array", "items": [{"type": "string"}, {"type": "integer"}]}"#,
            r#"{"type": "array", "prefixItems": [{"type": "string"}], "items": false}"#,
        ] {
            let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
            assert!(is_json(field(&e, "p")), "{schema}");
            assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
        }
    }

    #[test]
    fn enums_take_the_type_of_their_values() {
        let e = expand(
            r#"{"properties": {
                "s": {"enum": ["a", "b"]},
                "i": {"enum": [1, 2, 3]},
                "n": {"enum": ["a", null]},
                "m": {"enum": ["a", 1]}}}"#,
        );
        assert_eq!(field(&e, "s").data_type(), &DataType::Utf8);
        assert_eq!(field(&e, "i").data_type(), &DataType::Int64);
        assert_eq!(field(&e, "n"), &Field::new("n", DataType::Utf8, true));
        assert!(is_json(field(&e, "m")));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "m")]);
    }

    #[test]
    fn const_takes_the_type_of_its_value() {
        assert_eq!(prop(r#"{"const": "v1"}"#).data_type(), &DataType::Utf8);
        assert_eq!(prop(r#"{"const": 7}"#).data_type(), &DataType::Int64);
        assert_eq!(prop(r#"{"const": 1.5}"#).data_type(), &DataType::Float64);
        assert_eq!(prop(r#"{"const": true}"#).data_type(), &DataType::Boolean);
    }

    #[test]
    fn refs_to_definitions_and_defs_resolve() {
        let e = expand(
            r##"{"definitions": {"id": {"type": "integer", "format": "int32"}},
                "$defs": {"name": {"type": "string"}},
                "required": ["a"],
                "properties": {"a": {"$ref": "#/definitions/id"}, "b": {"$ref": "#/$defs/name"}}}"##,
        );
        assert_eq!(
            e.fields,
            vec![
                Field::new("a", DataType::Int32, false),
                Field::new("b", DataType::Utf8, true),
            ]
        );
    }

    #[test]
    fn ref_pointers_are_unescaped_and_percent_decoded() {
        let e = expand(
            r##"{"definitions": {"a/b": {"type": "boolean"}, "c~d": {"type": "integer"},
                                 "e f": {"type": "number"}, "list": [{"type": "string"}]},
                "properties": {"x": {"$ref": "#/definitions/a~1b"},
                               "y": {"$ref": "#/definitions/c~0d"},
                               "z": {"$ref": "#/definitions/e%20f"},
                               "w": {"$ref": "#/definitions/list/0"}}}"##,
        );
        let types: Vec<&DataType> = e.fields.iter().map(|f| f.data_type()).collect();
        assert_eq!(
            types,
            vec![
                &DataType::Boolean,
                &DataType::Int64,
                &DataType::Float64,
                &DataType::Utf8
            ]
        );
    }

    #[test]
    fn refs_to_anchors_and_to_the_own_id_resolve() {
        let e = expand(
            r##"{"$id": "https://example.com/schemas/order.json",
                "$defs": {"money": {"$anchor": "money", "type": "number"},
                          "old": {"id": "#old", "type": "boolean"}},
                "properties": {"a": {"$ref": "#money"},
                               "b": {"$ref": "#old"},
                               "c": {"$ref": "https://example.com/schemas/order.json#/$defs/money"},
                               "d": {"$ref": "order.json#/$defs/old"}}}"##,
        );
        let types: Vec<&DataType> = e.fields.iter().map(|f| f.data_type()).collect();
        assert_eq!(
            types,
            vec![
                &DataType::Float64,
                &DataType::Boolean,
                &DataType::Float64,
                &DataType::Boolean
            ]
        );
        assert!(e.notes.is_empty());
    }

    #[test]
    fn remote_refs_become_json_with_a_note() {
        let e = expand(
            r#"{"properties": {"p": {"$ref": "https://example.com/other.json#/definitions/x"}}}"#,
        );
        assert!(is_json(field(&e, "p")));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
        assert!(e.notes[0].message.contains("cannot resolve remote `$ref`"));
    }

    #[test]
    fn unresolved_ref_is_an_error_naming_it() {
        let err = expand_json_schema(
            r##"{"definitions": {}, "properties": {"p": {"$ref": "#/definitions/missing"}}}"##,
        )
        .unwrap_err();
        assert_eq!(err.code, codes::INVALID_SCHEMA);
        assert_eq!(
            err.message,
            "`$ref` `#/definitions/missing` does not resolve: no `missing` in `#/definitions`"
        );
        let err =
            expand_json_schema(r##"{"properties": {"p": {"$ref": "#nowhere"}}}"##).unwrap_err();
        assert_eq!(err.code, codes::INVALID_SCHEMA);
    }

    #[test]
    fn recursion_through_the_root_is_cut_into_json() {
        let e = expand(
            r##"{"type": "object", "properties": {"name": {"type": "string"},
                "child": {"$ref": "#"}}}"##,
        );
        assert_eq!(e.fields[0], Field::new("name", DataType::Utf8, true));
        assert!(is_json(&e.fields[1]));
        assert_eq!(note_codes(&e), vec![("schema::recursive", "child")]);
    }

    #[test]
    fn recursion_through_definitions_is_cut_into_json() {
        let e = expand(
            r##"{"definitions": {"tree": {"type": "object", "required": ["value"], "properties": {
                    "value": {"type": "integer"},
                    "children": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}}},
                "properties": {"left": {"$ref": "#/definitions/tree"},
                               "right": {"$ref": "#/definitions/tree"}}}"##,
        );
        let tree = DataType::Struct(Fields::from(vec![
            Field::new("value", DataType::Int64, false),
            Field::new("children", list_of(json_field("item", true)), true),
        ]));
        assert_eq!(field(&e, "left").data_type(), &tree);
        assert_eq!(field(&e, "right").data_type(), &tree);
        // The note is reported at every place the definition is used.
        assert_eq!(
            note_codes(&e),
            vec![
                ("schema::recursive", "left.children[]"),
                ("schema::recursive", "right.children[]")
            ]
        );
        assert_eq!(
            e.notes[0].message,
            "field `left.children[]`: `$ref` `#/definitions/tree` refers back to a schema that is being expanded, so the recursion is cut here and the value becomes JSON"
        );
    }

    #[test]
    fn mutual_recursion_terminates() {
        let e = expand(
            r##"{"$defs": {"a": {"properties": {"b": {"$ref": "#/$defs/b"}}},
                          "b": {"properties": {"a": {"$ref": "#/$defs/a"}}}},
                "properties": {"x": {"$ref": "#/$defs/a"}, "y": {"$ref": "#/$defs/b"}}}"##,
        );
        assert_eq!(
            field(&e, "x").data_type(),
            &DataType::Struct(Fields::from(vec![Field::new(
                "b",
                DataType::Struct(Fields::from(vec![json_field("a", true)])),
                true
            )]))
        );
        assert_eq!(
            note_codes(&e),
            vec![("schema::recursive", "x.b.a"), ("schema::recursive", "y.a")]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut schema = String::from(r#"{"type": "string"}"#);
        for _ in 0..300 {
            schema = format!(r#"{{"type": "object", "properties": {{"a": {schema}}}}}"#);
        }
        let err = expand_json_schema(&schema).unwrap_err();
        assert_eq!(err.code, codes::TOO_DEEP);

        // Within the reader's limit but deeper than MAX_NESTING through `$ref`s.
        let mut defs = Vec::new();
        for i in 0..300 {
            defs.push(format!(
                r##""d{i}": {{"properties": {{"a": {{"$ref": "#/definitions/d{}"}}}}}}"##,
                i + 1
            ));
        }
        defs.push(r#""d300": {"type": "string"}"#.to_string());
        let schema = format!(
            r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
            defs.join(",")
        );
        let err = expand_json_schema(&schema).unwrap_err();
        assert_eq!(err.code, codes::TOO_DEEP);
        assert!(err.message.starts_with("field `p.a.a.a"), "{}", err.message);
    }

    #[test]
    fn long_ref_and_any_of_chains_are_an_error_not_a_crash() {
        let mut defs = Vec::new();
        for i in 0..1000 {
            defs.push(format!(
                r##""d{i}": {{"anyOf": [{{"$ref": "#/definitions/d{}"}}, {{"type": "null"}}]}}"##,
                i + 1
            ));
        }
        defs.push(r#""d1000": {"type": "string"}"#.to_string());
        let schema = format!(
            r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
            defs.join(",")
        );
        let err = expand_json_schema(&schema).unwrap_err();
        assert_eq!(err.code, codes::TOO_DEEP);

        // A plain `$ref` chain is followed without recursion and succeeds.
        let mut defs = Vec::new();
        for i in 0..1000 {
            defs.push(format!(
                r##""d{i}": {{"$ref": "#/definitions/d{}"}}"##,
                i + 1
            ));
        }
        defs.push(r#""d1000": {"type": "string"}"#.to_string());
        let schema = format!(
            r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
            defs.join(",")
        );
        assert_eq!(field(&expand(&schema), "p").data_type(), &DataType::Utf8);
    }

    #[test]
    fn invalid_json_is_an_error_with_line_and_column() {
        // The reader words a trailing comma as serde_json's `IgnoredAny` does, which the
        // request path has always shown.
        let text = "{\n  \"type\": \"object\",\n}";
        let err = expand_json_schema(text).unwrap_err();
        assert_eq!(err.code, codes::INVALID_SCHEMA);
        assert_eq!(
            err.message,
            "invalid JSON Schema: key must be a string at line 3 column 1"
        );
        assert_eq!(err.span, Some(Span::new(text.len() - 1, text.len())));
        let err = expand_json_schema("42").unwrap_err();
        assert_eq!(err.code, codes::INVALID_SCHEMA);
        assert_eq!(
            err.message,
            "a JSON Schema must be an object or a boolean, found a number"
        );
    }

    #[test]
    fn all_of_merges_properties_and_required() {
        let e = expand(
            r##"{"definitions": {"base": {"type": "object", "required": ["id"],
                                          "properties": {"id": {"type": "integer"}}}},
                "allOf": [{"$ref": "#/definitions/base"},
                          {"required": ["name"], "properties": {"name": {"type": "string"},
                                                                "id": {"format": "int32"}}}]}"##,
        );
        assert_eq!(
            e.fields,
            vec![
                Field::new("id", DataType::Int32, false),
                Field::new("name", DataType::Utf8, false),
            ]
        );
        assert!(e.notes.is_empty());
    }

    #[test]
    fn single_all_of_is_its_element() {
        assert_eq!(
            prop(r#"{"allOf": [{"type": "string", "format": "date"}]}"#).data_type(),
            &DataType::Date32
        );
    }

    #[test]
    fn all_of_with_incompatible_types_becomes_json() {
        let e = expand(
            r#"{"properties": {"p": {"allOf": [{"type": "string"}, {"type": "integer"}]}}}"#,
        );
        assert!(is_json(field(&e, "p")));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    }

    #[test]
    fn any_of_drops_null_branches() {
        let e = expand(
            r#"{"required": ["p"], "properties": {"p": {"anyOf": [{"type": "null"}, {"type": "string"}]}}}"#,
        );
        assert_eq!(e.fields, vec![Field::new("p", DataType::Utf8, true)]);
        assert!(e.notes.is_empty());
    }

    #[test]
    fn one_of_with_one_type_is_that_type() {
        let f = prop(
            r#"{"oneOf": [{"type": "string", "format": "email"}, {"type": "string", "format": "uri"}]}"#,
        );
        assert_eq!(f.data_type(), &DataType::Utf8);
        // Branches that only differ in `required` unify into one struct.
        let e = expand(
            r#"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                "oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"#,
        );
        assert_eq!(
            e.fields,
            vec![
                Field::new("a", DataType::Utf8, true),
                Field::new("b", DataType::Utf8, true),
            ]
        );
        assert!(e.notes.is_empty());
    }

    #[test]
    fn any_of_with_different_types_becomes_json_with_a_note() {
        let e = expand(
            r#"{"properties": {"p": {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]}}}"#,
        );
        assert!(is_json(field(&e, "p")));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
        assert_eq!(
            e.notes[0].message,
            "field `p`: `anyOf` of `Int64`, `Utf8` becomes JSON"
        );
    }

    #[test]
    fn type_list_with_two_types_becomes_json_with_a_note() {
        let e = expand(r#"{"properties": {"p": {"type": ["string", "integer", "null"]}}}"#);
        assert!(is_json(field(&e, "p")));
        assert!(field(&e, "p").is_nullable());
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    }

    #[test]
    fn properties_without_type_is_an_object() {
        let f = prop(r#"{"properties": {"x": {"type": "boolean"}}}"#);
        assert_eq!(
            f.data_type(),
            &DataType::Struct(Fields::from(vec![Field::new("x", DataType::Boolean, true)]))
        );
    }

    #[test]
    fn empty_and_true_schemas_are_json_without_a_note() {
        let e = expand(r#"{"required": ["a", "b"], "properties": {"a": {}, "b": true}}"#);
        assert_eq!(e.fields, vec![json_field("a", true), json_field("b", true)]);
        assert!(e.notes.is_empty());
        // `type: object` alone is "any object".
        assert!(is_json(&prop(r#"{"type": "object"}"#)));
    }

    #[test]
    fn false_schema_is_nullable_json_with_a_note() {
        let e = expand(r#"{"required": ["p"], "properties": {"p": false}}"#);
        assert_eq!(e.fields, vec![json_field("p", true)]);
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    }

    #[test]
    fn additional_properties_without_properties_is_a_map() {
        let map_of = |value: Field| map_type(value);
        assert_eq!(
            prop(r#"{"type": "object", "additionalProperties": {"type": "integer"}}"#).data_type(),
            &map_of(Field::new("value", DataType::Int64, false))
        );
        assert_eq!(
            prop(r#"{"type": "object", "additionalProperties": true}"#).data_type(),
            &map_of(json_field("value", true))
        );
        assert_eq!(
            prop(r#"{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}"#)
                .data_type(),
            &map_of(Field::new("value", DataType::Utf8, false))
        );
        assert_eq!(
            prop(r#"{"additionalProperties": {}}"#).data_type().to_string(),
            "Map(\"entries\": non-null Struct(\"key\": non-null Utf8, \"value\": Utf8, metadata: {\"ARROW:extension:name\": \"arroyo.json\"}), unsorted)"
        );
    }

    #[test]
    fn additional_properties_with_properties_is_ignored() {
        let e = expand(
            r#"{"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#,
        );
        assert_eq!(e.fields, vec![Field::new("a", DataType::Utf8, true)]);
        assert!(e.notes.is_empty());
    }

    #[test]
    fn validation_keywords_are_ignored() {
        let f = prop(
            r#"{"type": "string", "not": {"const": "x"}, "if": {"minLength": 1},
                "then": {"type": "integer"}, "else": {"type": "boolean"},
                "dependencies": {"a": ["b"]}, "minLength": 2, "pattern": "^a"}"#,
        );
        assert_eq!(f.data_type(), &DataType::Utf8);
    }

    #[test]
    fn non_object_root_becomes_one_value_field_with_a_note() {
        let e = expand(r#"{"type": "string", "format": "date-time"}"#);
        assert_eq!(
            e.fields,
            vec![Field::new(
                "value",
                DataType::Timestamp(TimeUnit::Nanosecond, None),
                false
            )]
        );
        assert_eq!(note_codes(&e), vec![("schema::lossy", "value")]);

        let e = expand(r#"{"type": "array", "items": {"type": "integer"}}"#);
        assert_eq!(
            e.fields,
            vec![Field::new(
                "value",
                list_of(Field::new("item", DataType::Int64, false)),
                false
            )]
        );
    }

    #[test]
    fn root_without_properties_becomes_one_json_value_field() {
        for schema in ["{}", "true", r#"{"type": "object"}"#] {
            let e = expand(schema);
            assert_eq!(e.fields.len(), 1, "{schema}");
            assert_eq!(e.fields[0].name(), "value");
            assert!(is_json(&e.fields[0]));
            assert_eq!(note_codes(&e), vec![("schema::lossy", "value")]);
        }
        let e = expand(r#"{"type": "object", "additionalProperties": {"type": "string"}}"#);
        assert_eq!(
            e.fields,
            vec![Field::new(
                "value",
                map_type(Field::new("value", DataType::Utf8, false)),
                false
            )]
        );
    }

    #[test]
    fn duplicate_keys_keep_the_last_value() {
        let e = expand(r#"{"properties": {"a": {"type": "string"}, "a": {"type": "integer"}}}"#);
        assert_eq!(e.fields, vec![Field::new("a", DataType::Int64, true)]);
    }

    #[test]
    fn many_lossy_notes_are_capped() {
        let props: Vec<String> = (0..MAX_NOTES + 5)
            .map(|i| format!(r#""p{i}": {{"type": ["string", "integer"]}}"#))
            .collect();
        let e = expand(&format!(r#"{{"properties": {{{}}}}}"#, props.join(",")));
        assert_eq!(e.fields.len(), MAX_NOTES + 5);
        assert_eq!(e.notes.len(), MAX_NOTES + 1);
    }

    #[test]
    fn ref_siblings_apply_together_with_the_target() {
        let e = expand(
            r##"{"definitions": {"s": {"type": "string"}},
                "required": ["a", "b"],
                "properties": {"a": {"$ref": "#/definitions/s", "nullable": true},
                               "b": {"$ref": "#/definitions/s", "description": "doc only"}}}"##,
        );
        assert_eq!(
            e.fields,
            vec![
                Field::new("a", DataType::Utf8, true),
                Field::new("b", DataType::Utf8, false),
            ]
        );
    }

    #[test]
    fn root_ref_to_a_definition_gives_its_properties() {
        let e = expand(
            r##"{"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/definitions/Main",
                "definitions": {"Main": {"type": "object", "required": ["id"],
                                         "properties": {"id": {"type": "string", "format": "uuid"}}}}}"##,
        );
        assert_eq!(e.fields, vec![Field::new("id", DataType::Utf8, false)]);
        assert!(e.notes.is_empty());
    }

    #[test]
    fn dynamic_and_recursive_refs_resolve_statically() {
        let e = expand(
            r##"{"$dynamicAnchor": "node", "properties": {
                "name": {"type": "string"},
                "next": {"$dynamicRef": "#node"},
                "prev": {"$recursiveRef": "#"}}}"##,
        );
        assert_eq!(e.fields[0], Field::new("name", DataType::Utf8, true));
        assert!(is_json(&e.fields[1]) && is_json(&e.fields[2]));
        assert_eq!(
            note_codes(&e),
            vec![("schema::recursive", "next"), ("schema::recursive", "prev")]
        );
    }

    #[test]
    fn a_ref_to_a_merged_sibling_is_not_recursion() {
        // `base` is merged into the root, and `nested` uses it again: that is no cycle.
        let e = expand(
            r##"{"$defs": {"base": {"properties": {"id": {"type": "integer"}}}},
                "allOf": [{"$ref": "#/$defs/base"}],
                "properties": {"nested": {"$ref": "#/$defs/base"}}}"##,
        );
        assert_eq!(
            e.fields,
            vec![
                Field::new("id", DataType::Int64, true),
                Field::new(
                    "nested",
                    DataType::Struct(Fields::from(vec![Field::new("id", DataType::Int64, true)])),
                    true
                ),
            ]
        );
        assert!(e.notes.is_empty());
    }

    #[test]
    fn recursive_any_of_branch_becomes_json() {
        let e = expand(
            r##"{"properties": {"expr": {"$ref": "#/$defs/expr"}},
                "$defs": {"expr": {"anyOf": [{"type": "integer"},
                                             {"type": "array", "items": {"$ref": "#/$defs/expr"}}]}}}"##,
        );
        assert!(is_json(field(&e, "expr")));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "expr")]);
        assert_eq!(
            e.notes[0].message,
            "field `expr`: `anyOf` of `Int64`, `List` becomes JSON"
        );
    }

    #[test]
    fn mutually_recursive_definitions_expand_once_each() {
        // Every definition refers to every other one: without reuse this is factorial work.
        let n = 12;
        let refs = (0..n)
            .map(|j| format!(r##""p{j}": {{"$ref": "#/definitions/d{j}"}}"##))
            .collect::<Vec<_>>()
            .join(",");
        let defs = (0..n)
            .map(|i| format!(r#""d{i}": {{"properties": {{{refs}}}}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let e = expand(&format!(
            r#"{{"definitions": {{{defs}}}, "properties": {{{refs}}}}}"#
        ));
        assert_eq!(e.fields.len(), n);
        assert_eq!(e.notes.len(), MAX_NOTES + 1);
        assert!(e
            .notes
            .iter()
            .take(MAX_NOTES)
            .all(|n| n.code == codes::SCHEMA_RECURSIVE));
    }

    #[test]
    fn worst_case_chains_fit_in_a_small_stack() {
        // Nesting and `anyOf` alternate so that both limits are approached together. The
        // expansion runs on a 2 MiB stack, the default of spawned, test and tokio threads (a
        // debug build uses about 1 MiB here).
        let mut defs = Vec::new();
        for i in 0..400 {
            let next = format!(r##"{{"$ref": "#/definitions/d{}"}}"##, i + 1);
            defs.push(if i % 4 == 0 {
                format!(r#""d{i}": {{"properties": {{"a": {next}}}}}"#)
            } else {
                format!(r#""d{i}": {{"anyOf": [{next}, {{"type": "null"}}]}}"#)
            });
        }
        defs.push(r#""d400": {"type": "string"}"#.to_string());
        let schema = format!(
            r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
            defs.join(",")
        );
        let result = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || expand_json_schema(&schema).map_err(|e| e.code))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(result.unwrap_err(), codes::TOO_DEEP);
    }

    #[test]
    fn type_null_alone_is_nullable_json_with_a_note() {
        let e = expand(r#"{"required": ["p"], "properties": {"p": {"type": "null"}}}"#);
        assert_eq!(e.fields, vec![json_field("p", true)]);
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
        assert_eq!(
            e.notes[0].message,
            "field `p`: the value is always null, so it becomes JSON"
        );
    }

    #[test]
    fn keywords_imply_the_type_when_it_is_missing() {
        assert_eq!(
            prop(r#"{"format": "date-time"}"#).data_type(),
            &DataType::Timestamp(TimeUnit::Nanosecond, None)
        );
        assert_eq!(
            prop(r#"{"items": {"type": "boolean"}}"#).data_type(),
            &list_of(Field::new("item", DataType::Boolean, false))
        );
        assert_eq!(
            prop(r#"{"enum": [1, 2.5]}"#).data_type(),
            &DataType::Float64
        );
        // `type` with `enum` keeps only the kinds the values have.
        assert_eq!(
            prop(r#"{"type": ["string", "integer"], "enum": ["a", "b"]}"#).data_type(),
            &DataType::Utf8
        );
    }

    #[test]
    fn malformed_refs_are_errors() {
        let err = expand_json_schema(r#"{"properties": {"p": {"$ref": 5}}}"#).unwrap_err();
        assert_eq!(err.code, codes::INVALID_SCHEMA);
        assert_eq!(err.message, "`$ref` must be a string, found a number");
        let err = expand_json_schema(r##"{"properties": {"p": {"$ref": "#/a%zz"}}}"##).unwrap_err();
        assert_eq!(err.code, codes::INVALID_SCHEMA);
        assert_eq!(err.message, "`$ref` `#/a%zz` is not a valid URI fragment");
    }

    #[test]
    fn unknown_type_names_become_json_with_a_note() {
        let e = expand(r#"{"properties": {"p": {"type": "file"}}}"#);
        assert!(is_json(field(&e, "p")));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    }

    #[test]
    fn map_values_of_different_types_become_json() {
        let e = expand(
            r#"{"properties": {"p": {"patternProperties": {"^a": {"type": "string"}, "^b": {"type": "integer"}}}}}"#,
        );
        assert_eq!(
            field(&e, "p").data_type(),
            &map_type(json_field("value", true))
        );
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p{}")]);
    }

    #[test]
    fn combinatorial_any_of_is_an_error_not_a_hang() {
        // 17 independent `anyOf`s in one `allOf` give 2^17 combinations.
        let members = (0..17)
            .map(|i| {
                format!(
                    r#"{{"anyOf": [{{"properties": {{"a{i}": {{"type": "string"}}}}}},
                                   {{"properties": {{"b{i}": {{"type": "string"}}}}}}]}}"#
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        let err = expand_json_schema(&format!(r#"{{"allOf": [{members}]}}"#)).unwrap_err();
        assert_eq!(err.code, codes::TOO_DEEP);
        assert_eq!(
            err.message,
            "the schema is too large to expand: more than 50000 steps"
        );
    }

    #[test]
    fn corpus_expands_without_panics() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/json-schema");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        let mut ok = 0;
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            match expand_json_schema(&text) {
                Ok(e) => {
                    ok += 1;
                    eprintln!(
                        "{}: {} fields, {} notes",
                        path.display(),
                        e.fields.len(),
                        e.notes.len()
                    );
                }
                Err(err) => eprintln!("{}: {:?} {}", path.display(), err.code, err.message),
            }
        }
        assert_eq!(paths.len(), 60);
        assert_eq!(ok, 60);
    }
}
