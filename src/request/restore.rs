//! Stored tables (`crate::stored`) read back. A stored table is a request, so this is the
//! request reader's extensions for what a stored table carries — SQL option values JSON
//! has no literal for, `temporary`, `partitioned_by`, generated fields, and pinned
//! definitions checked against their fingerprints — and the lenient compile of a JSON array
//! of stored tables, where an option the registry no longer knows is a warning.

use std::collections::{HashMap, HashSet};

use crate::compile::{compile_table_def, finish_diagnostics, Compiled, Env, Table};
use crate::diagnostics::{codes, Diagnostic};
use crate::json;
use crate::options::Value;
use crate::parse::{parse_script, ColumnDef, ColumnKind, SqlExpr, Statement, TableDef};
use crate::schema::definition::fingerprint;
use crate::span::{Span, Spanned};

use super::compile_node;
use super::lower::{kind_of, Kids, Lowerer, Node, Scalar};

const ARRAY_HELP: &str =
    "stored tables are a JSON array of create-table requests, as `ddlc --output stored` writes";

/// Compiles a JSON array of stored tables, each as a request, leniently.
pub(crate) fn restore_stored(json_text: &str, env: &Env<'_>) -> Compiled {
    let mut diagnostics = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut secret_spans = crate::compile::lexical_secret_spans(json_text, true, env.registry);
    match json::parse(json_text) {
        Err(e) => diagnostics.push(
            Diagnostic::error(
                codes::STORED_INVALID,
                e.span,
                format!("the stored tables are not valid JSON: {}", e.message),
            )
            .with_help(ARRAY_HELP),
        ),
        Ok(json) => {
            let root = Node::root(&json);
            let Kids::Array(items) = root.kids() else {
                let found = kind_of(&Lowerer::new(json_text).scalar(&root));
                diagnostics.push(
                    Diagnostic::error(
                        codes::STORED_INVALID,
                        root.span,
                        format!("the stored tables must be a JSON array, found {found}"),
                    )
                    .with_help(ARRAY_HELP),
                );
                finish_diagnostics(&mut diagnostics, env.strict);
                return Compiled::new(tables, diagnostics, secret_spans, json_text);
            };
            let mut seen: HashMap<String, Span> = HashMap::new();
            for item in &items {
                let (table, diags, secrets) = compile_node(json_text, item, env, true);
                // In strict mode a warning fails its table, as in a SQL script.
                let failed = env.strict && !diags.is_empty();
                diagnostics.extend(diags);
                secret_spans.extend(secrets);
                let Some(table) = table.filter(|_| !failed) else {
                    continue;
                };
                let name_span = item
                    .members()
                    .and_then(|m| m.into_iter().find(|(k, _)| k == "name"))
                    .map(|(_, n)| n.span)
                    .unwrap_or(item.span);
                match seen.get(&table.name().to_lowercase()) {
                    Some(first) => diagnostics.push(
                        Diagnostic::error(
                            codes::DUPLICATE_TABLE,
                            name_span,
                            format!("table `{}` is stored twice", table.name()),
                        )
                        .with_label(*first, "first stored here")
                        .in_table(table.name()),
                    ),
                    None => {
                        seen.insert(table.name().to_lowercase(), name_span);
                        tables.push(table);
                    }
                }
            }
        }
    }
    finish_diagnostics(&mut diagnostics, env.strict);
    Compiled::new(tables, diagnostics, secret_spans, json_text)
}

/// Compiles a stored table. Options reported unknown are left out and the table compiled
/// again, each with a `stored::unknown_option` warning: the registry has dropped or renamed
/// them since the table was stored, and an upgrade must not brick a catalogue.
pub(super) fn compile_leniently(
    def: &TableDef,
    env: &Env<'_>,
) -> (Option<Table>, Vec<Diagnostic>, Vec<Span>) {
    let first = compile_table_def(def, env);
    let unknown: HashMap<Span, Option<String>> = first
        .1
        .iter()
        .filter(|d| d.code == codes::UNKNOWN_OPTION && d.is_error())
        .map(|d| (d.span, d.help.clone()))
        .collect();
    let options = def
        .with
        .as_ref()
        .map(|w| w.options.as_slice())
        .unwrap_or(&[]);
    let dropped: HashSet<Span> = options
        .iter()
        .map(|o| o.key.span)
        .filter(|s| unknown.contains_key(s))
        .collect();
    if dropped.is_empty() {
        return first;
    }
    let mut lenient = def.clone();
    if let Some(w) = lenient.with.as_mut() {
        w.options.retain(|o| !dropped.contains(&o.key.span));
    }
    let (table, mut diags, _) = compile_table_def(&lenient, env);
    for o in options.iter().filter(|o| dropped.contains(&o.key.span)) {
        let help = unknown.get(&o.key.span).cloned().flatten();
        diags.push(
            Diagnostic::warning(
                codes::STORED_UNKNOWN_OPTION,
                o.key.span,
                format!(
                    "option `{}` is not known to this version; it was ignored",
                    o.key.node
                ),
            )
            .with_optional_help(help),
        );
    }
    // The first pass saw every option, so its secret spans cover the ignored ones too.
    (table, diags, first.2)
}

/// Where a SQL fragment written in a JSON string sits, to move the spans of what the SQL
/// front end parsed (in a synthetic statement) back into the JSON text.
struct Fragment {
    /// Where the fragment starts in the synthetic statement.
    start: usize,
    /// Its length.
    len: usize,
    /// The JSON string it came from, quotes included.
    value: Span,
    /// The JSON string has no escapes, so offsets map one to one.
    verbatim: bool,
}

impl Fragment {
    fn map(&self, s: Span) -> Span {
        if s.is_detached()
            || !self.verbatim
            || s.start < self.start
            || s.start > self.start + self.len
        {
            return self.value;
        }
        let base = self.value.start + 1;
        let max = self.value.end.saturating_sub(1);
        Span::new(
            (base + (s.start - self.start)).min(max),
            (base + s.end.saturating_sub(self.start)).min(max),
        )
    }
}

impl Lowerer<'_> {
    /// A tagged SQL value of a stored table's `config`: `{"interval": "10", "unit":
    /// "SECOND"}`, `{"ident": "ts"}`, `{"expr": "…"}` or `{"number": ".5"}`.
    pub(super) fn tagged_value(&self, node: &Node) -> Option<Value> {
        let members = node.members()?;
        let text = |k: &str| {
            members
                .iter()
                .find(|(m, _)| m == k)
                .and_then(|(_, n)| match self.scalar(n) {
                    Scalar::String(s) => Some(s),
                    _ => None,
                })
        };
        Value::from_tagged(members.len(), text)
    }

    /// `"temporary": true` (`CREATE TEMPORARY TABLE`): the span to report it at.
    pub(super) fn temporary(&mut self, node: &Node) -> Option<Span> {
        match self.scalar(node) {
            Scalar::Bool(true) => Some(node.span),
            Scalar::Bool(false) | Scalar::Null => None,
            other => {
                let found = kind_of(&other);
                self.invalid(
                    node.span,
                    format!("`temporary` must be a boolean, found {found}"),
                );
                None
            }
        }
    }

    /// `"partitioned_by": ["expr", …]` (`PARTITIONED BY (…)`).
    pub(super) fn partitioned_by(&mut self, node: &Node) -> Option<Spanned<Vec<SqlExpr>>> {
        if matches!(self.scalar(node), Scalar::Null) {
            return None;
        }
        let Kids::Array(items) = node.kids() else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`partitioned_by` must be an array of SQL expressions, found {found}"),
            );
            return None;
        };
        let mut exprs = Vec::new();
        for item in items {
            let Some(text) = self.string(&item, "partitioned_by[]") else {
                continue;
            };
            let prefix = "CREATE TABLE t (x INT) PARTITIONED BY (";
            let Some((def, at)) = self.fragment(prefix, &text, ")") else {
                continue;
            };
            let parts = def.partitioned_by.map(|p| p.node).unwrap_or_default();
            match <[SqlExpr; 1]>::try_from(parts) {
                Ok([expr]) if def.watermarks.is_empty() && def.with.is_none() => {
                    exprs.push(moved(expr, &at));
                }
                _ => {
                    self.error(
                        codes::SYNTAX,
                        text.span,
                        "each `partitioned_by` item must be one SQL expression",
                    );
                }
            }
        }
        (!exprs.is_empty()).then(|| Spanned::new(exprs, node.span))
    }

    /// `schema.generated_fields: [{"field", "expression", "stored"}]`: which fields are
    /// generated columns, and how.
    pub(super) fn generated_fields(
        &mut self,
        node: &Node,
    ) -> Vec<(Spanned<String>, SqlExpr, bool)> {
        let Some(items) = self.items(node, "`schema.generated_fields`", codes::INVALID_REQUEST)
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let keys = ["field", "expression", "stored"];
            let Some(m) = self.members(&item, "a generated field", &keys) else {
                continue;
            };
            let get = |k: &str| m.iter().find(|(n, _)| n == k).map(|(_, n)| *n);
            let (Some(field), Some(expression)) = (get("field"), get("expression")) else {
                self.invalid(item.span, "a generated field needs `field` and `expression`")
                    .help("write e.g. {\"field\": \"total\", \"expression\": \"price * qty\", \"stored\": false}");
                continue;
            };
            let stored = match get("stored").map(|s| (self.scalar(&s), s.span)) {
                None | Some((Scalar::Null, _)) => false,
                Some((Scalar::Bool(b), _)) => b,
                Some((other, span)) => {
                    let found = kind_of(&other);
                    self.invalid(span, format!("`stored` must be a boolean, found {found}"));
                    continue;
                }
            };
            let (Some(field), Some(text)) = (
                self.string(&field, "field"),
                self.string(&expression, "expression"),
            ) else {
                continue;
            };
            let prefix = "CREATE TABLE t (x INT GENERATED ALWAYS AS (";
            let Some((def, at)) = self.fragment(prefix, &text, "))") else {
                continue;
            };
            let mut cols = def.columns.map(|c| c.node).unwrap_or_default();
            let one = cols.len() == 1 && def.watermarks.is_empty() && def.primary_keys.is_empty();
            match cols.pop().map(|c| c.kind) {
                Some(ColumnKind::Generated { expr, .. }) if one => {
                    out.push((field, moved(expr, &at), stored));
                }
                _ => {
                    self.error(
                        codes::SYNTAX,
                        text.span,
                        "a generated field's `expression` must be one SQL expression",
                    );
                }
            }
        }
        out
    }

    /// Marks the generated fields among `columns`.
    pub(super) fn apply_generated(
        &mut self,
        columns: Option<&mut Spanned<Vec<ColumnDef>>>,
        generated: Vec<(Spanned<String>, SqlExpr, bool)>,
    ) {
        let mut columns = columns.map(|c| &mut c.node);
        // Name → index, so many generated fields over many columns stay linear.
        let by_name: HashMap<String, usize> = columns
            .as_deref()
            .map(|c| {
                c.iter()
                    .enumerate()
                    .rev()
                    .map(|(i, c)| (c.name.node.clone(), i))
                    .collect()
            })
            .unwrap_or_default();
        for (field, expr, stored) in generated {
            let col = by_name
                .get(&field.node)
                .and_then(|i| columns.as_deref_mut().and_then(|c| c.get_mut(*i)));
            match col {
                Some(col) => col.kind = ColumnKind::Generated { expr, stored },
                None => {
                    self.error(
                        codes::UNKNOWN_COLUMN,
                        field.span,
                        format!("generated field `{}` is not in `schema.fields`", field.node),
                    );
                }
            }
        }
    }

    /// A pinned definition's text: checked against its `fingerprint` (when given), then
    /// the inline schema option (`option`), or — for a `file` or `subject` origin — the
    /// answer to that file or subject, so the table needs no schema resolver.
    pub(super) fn pin(
        &mut self,
        option: &str,
        kind_span: Span,
        text: Spanned<String>,
        (origin, given): (Option<Node>, Option<Node>),
        imports: &[String],
    ) {
        if let Some(given) = given.filter(|g| !matches!(self.scalar(g), Scalar::Null)) {
            let Some(given) = self.string(&given, "fingerprint") else {
                return;
            };
            let texts =
                std::iter::once(text.node.as_str()).chain(imports.iter().map(String::as_str));
            if fingerprint(texts) != given.node {
                self.diags.push(
                    Diagnostic::error(
                        codes::FINGERPRINT_MISMATCH,
                        given.span,
                        "the pinned schema text does not match its fingerprint",
                    )
                    .with_label(text.span, "this text (and its imports) was changed")
                    .with_help("put back the text the table was stored with, or remove `fingerprint` to accept this text"),
                );
                // Nothing built on the changed text can be trusted: compile no further.
                self.config_broken = true;
                return;
            }
        }
        let origin = origin.filter(|o| !matches!(self.scalar(o), Scalar::Null));
        let Some(origin) = origin else {
            return self.push_option(option, kind_span, string_value(text));
        };
        let keys = ["type", "path", "subject"];
        let Some(m) = self.members(&origin, "`origin`", &keys) else {
            return;
        };
        let get = |k: &str| m.iter().find(|(n, _)| n == k).map(|(_, n)| *n);
        let Some(ty) = get("type").and_then(|t| self.string(&t, "origin.type")) else {
            self.invalid(Self::brace(&origin), "`origin` has no `type`")
                .help("origins are {\"type\": \"inline\"}, {\"type\": \"file\", \"path\": …} and {\"type\": \"subject\", \"subject\": …}");
            return;
        };
        match (ty.node.as_str(), get("path"), get("subject")) {
            ("inline", None, None) => self.push_option(option, kind_span, string_value(text)),
            ("file", Some(path), None) => {
                if let Some(p) = self.string(&path, "origin.path") {
                    self.dependencies.insert(p.node, text.node);
                }
            }
            ("subject", None, Some(subject)) => {
                if let Some(s) = self.string(&subject, "origin.subject") {
                    self.subjects.insert(s.node, text.node);
                }
            }
            _ => {
                self.invalid(origin.span, format!("invalid origin of type `{}`", ty.node))
                    .help("origins are {\"type\": \"inline\"}, {\"type\": \"file\", \"path\": …} and {\"type\": \"subject\", \"subject\": …}");
            }
        }
    }

    /// Parses `text` (a JSON string) as SQL inside `prefix … suffix`. Syntax errors are
    /// reported inside the JSON string; `None` when there were any.
    fn fragment(
        &mut self,
        prefix: &str,
        text: &Spanned<String>,
        suffix: &str,
    ) -> Option<(TableDef, Fragment)> {
        let sql = format!("{prefix}{}{suffix}", text.node);
        let raw = self.slice(text.span);
        let at = Fragment {
            start: prefix.len(),
            len: text.node.len(),
            value: text.span,
            verbatim: raw.get(1..raw.len().saturating_sub(1)) == Some(text.node.as_str()),
        };
        let script = parse_script(&sql);
        let ok = script.diagnostics.is_empty();
        for mut d in script.diagnostics {
            // Past the fragment is our own SQL around it: the user's text ended too soon.
            if d.span.start >= at.start + at.len {
                d.message = "the SQL expression ends before it is complete".into();
            }
            d.span = at.map(d.span);
            for l in &mut d.labels {
                l.span = at.map(l.span);
            }
            self.diags.push(d);
        }
        if !ok {
            return None;
        }
        match <[Statement; 1]>::try_from(script.statements) {
            Ok([Statement::CreateTable(def)]) => Some((*def, at)),
            _ => {
                self.error(codes::SYNTAX, text.span, "expected one SQL expression");
                None
            }
        }
    }
}

/// `expr` with its spans moved into the JSON string it came from.
fn moved(mut expr: SqlExpr, at: &Fragment) -> SqlExpr {
    expr.span = at.map(expr.span);
    for c in &mut expr.columns {
        c.name.span = at.map(c.name.span);
    }
    expr
}

/// A JSON string as an option value.
fn string_value(text: Spanned<String>) -> Spanned<Value> {
    Spanned::new(Value::String(text.node), text.span)
}
