//! `schema`: format, definition, framing, bad data, primary keys, metadata fields and
//! the watermark, lowered into the options and clauses the DDL would write.

use crate::diagnostics::codes;
use crate::options::grammar::did_you_mean;
use crate::options::Value;
use crate::parse::{parse_script, PrimaryKeyDef, SqlExpr, Statement, WatermarkDef};
use crate::span::{Span, Spanned};

use super::lower::{kind_of, quoted, snake, Kids, LoweredSchema, Lowerer, Node, Scalar};

/// The keys of `schema`.
const SCHEMA_KEYS: &[&str] = &[
    "fields",
    "format",
    "definition",
    "primary_keys",
    "bad_data",
    "framing",
    "inferred",
    "metadata_fields",
    "generated_fields",
    "watermark",
];

/// The schema definition kinds.
const DEFINITION_KINDS: &[&str] = &["json_schema", "avro_schema", "protobuf_schema"];
impl Lowerer<'_> {
    pub(super) fn schema(&mut self, node: &Node) -> LoweredSchema {
        let Some(members) = self.members(node, "`schema`", SCHEMA_KEYS) else {
            return (None, Vec::new(), Vec::new());
        };
        let mut watermarks = Vec::new();
        let mut columns = None;
        let mut primary_keys = Vec::new();
        let mut metadata: Vec<(Spanned<String>, Spanned<String>)> = Vec::new();
        let mut generated = Vec::new();
        for (key, value) in &members {
            let null = matches!(self.scalar(value), Scalar::Null);
            if null {
                continue;
            }
            match key.as_str() {
                "format" => self.format(value),
                "definition" => self.definition(value),
                "bad_data" => self.bad_data(value),
                "framing" => self.framing(value),
                "primary_keys" => primary_keys = self.primary_keys(value),
                "metadata_fields" => metadata = self.metadata_fields(value),
                "inferred" => {}
                "watermark" => watermarks.extend(self.watermark(value)),
                "generated_fields" => generated = self.generated_fields(value),
                _ => {}
            }
        }
        if let Some((_, fields)) = members.iter().find(|(k, _)| k == "fields") {
            columns = self.fields(fields, &metadata);
        }
        self.apply_generated(columns.as_mut(), generated);
        (columns, primary_keys, watermarks)
    }

    /// `schema.watermark: {"column": "ts", "expression": "ts - INTERVAL '5' SECOND"}` (our
    /// output's shape). The expression is parsed by the SQL front end, inside a synthetic
    /// `CREATE TABLE`, and its spans are moved into the JSON string it came from.
    pub(super) fn watermark(&mut self, node: &Node) -> Option<WatermarkDef> {
        let members = self.members(node, "`schema.watermark`", &["column", "expression"])?;
        let Some((_, col)) = members.iter().find(|(k, _)| k == "column") else {
            self.invalid(Self::brace(node), "`schema.watermark` has no `column`")
                .help("name the event-time column, e.g. {\"column\": \"ts\"}");
            return None;
        };
        let column = self.string(col, "schema.watermark.column")?;
        let expr_node = members
            .iter()
            .find(|(k, _)| k == "expression")
            .map(|(_, n)| *n)
            .filter(|n| !matches!(self.scalar(n), Scalar::Null));
        let expr_text = match expr_node {
            Some(n) => Some((self.string(&n, "schema.watermark.expression")?, n.span)),
            None => None,
        };
        let prefix = format!(
            "CREATE TABLE t (WATERMARK FOR \"{}\"",
            column.node.replace('"', "\"\"")
        );
        let Some((text, value_span)) = expr_text else {
            return Some(WatermarkDef {
                column,
                expr: None,
                span: node.span,
            });
        };
        let sql = format!("{prefix} AS {})", text.node);
        let start = prefix.len() + 4;
        // Offsets map one to one when the JSON string has no escapes.
        let raw = self.slice(value_span);
        let verbatim = raw.get(1..raw.len().saturating_sub(1)) == Some(text.node.as_str());
        let map = |s: Span| -> Span {
            if s.is_detached() || !verbatim || s.start < start {
                return value_span;
            }
            let base = value_span.start + 1;
            let max = value_span.end.saturating_sub(1);
            Span::new(
                (base + (s.start - start)).min(max),
                (base + s.end.saturating_sub(start)).min(max),
            )
        };
        let script = parse_script(&sql);
        let ok = script.diagnostics.is_empty();
        for mut d in script.diagnostics {
            // The closing parenthesis is ours, not the user's.
            if d.span.start >= start + text.node.len() {
                d.message = d
                    .message
                    .replace("found `)`", "found the end of the expression");
            }
            d.span = map(d.span);
            for l in &mut d.labels {
                l.span = map(l.span);
            }
            self.diags.push(d);
        }
        let expr: Option<SqlExpr> = match script.statements.as_slice() {
            [Statement::CreateTable(def)]
                if def.with.is_none()
                    && def.columns.as_ref().is_some_and(|c| c.node.is_empty()) =>
            {
                def.watermarks.first().and_then(|w| w.expr.clone())
            }
            _ => None,
        };
        let expr = match expr {
            // The whole string must be the expression, not an expression and more SQL.
            Some(e)
                if e.span.start == start && e.span.end == start + text.node.trim_end().len() =>
            {
                e
            }
            _ => {
                if ok {
                    self.error(
                        codes::SYNTAX,
                        value_span,
                        "the watermark expression must be one SQL expression",
                    );
                }
                return None;
            }
        };
        let mut expr = expr;
        expr.span = map(expr.span);
        for c in &mut expr.columns {
            c.name.span = map(c.name.span);
        }
        Some(WatermarkDef {
            column,
            expr: Some(expr),
            span: node.span,
        })
    }

    pub(super) fn format(&mut self, node: &Node) {
        let key = node.key;
        // `own_shape`: the options sit beside `type` in `node` itself.
        let (tag, tag_span, body, own_shape): (String, Span, Option<Node>, bool) = match node.kids()
        {
            Kids::Leaf => match self.string(node, "schema.format") {
                Some(s) => (s.node, s.span, None, false),
                None => {
                    self.format_broken = true;
                    return;
                }
            },
            Kids::Array(_) => {
                self.invalid(
                    node.span,
                    "`schema.format` must be a format name or an object, found an array",
                )
                .help("write e.g. {\"json\": {}} or \"json\"");
                self.format_broken = true;
                return;
            }
            Kids::Object(members) => {
                if let Some((_, t)) = members.iter().find(|(k, _)| k == "type") {
                    // Our own output shape: {"type": "json", "timestamp_format": …}.
                    match self.string(t, "schema.format.type") {
                        Some(s) => (s.node, s.span, Some(*node), true),
                        None => {
                            self.format_broken = true;
                            return;
                        }
                    }
                } else {
                    match members.as_slice() {
                        [(name, body)] => (name.clone(), body.key, Some(*body), false),
                        _ => {
                            self.invalid(node.span, "`schema.format` must name exactly one format")
                                .help("write e.g. {\"json\": {}} or {\"avro\": {\"raw_datums\": true}}");
                            self.format_broken = true;
                            return;
                        }
                    }
                }
            }
        };
        let mut name = snake(&tag);
        let mut options: Vec<(String, Node)> = Vec::new();
        if let Some(body) = body {
            match body.kids() {
                Kids::Object(members) => {
                    for (k, v) in members {
                        if own_shape && k == "type" {
                            continue;
                        }
                        if matches!(self.scalar(&v), Scalar::Null) {
                            continue;
                        }
                        let k = snake(&k);
                        if k == "debezium" && name == "json" {
                            match self.scalar(&v) {
                                Scalar::Bool(true) => name = "debezium_json".into(),
                                Scalar::Bool(false) => {}
                                other => {
                                    let found = kind_of(&other);
                                    self.invalid(
                                        v.span,
                                        format!("`debezium` must be a boolean, found {found}"),
                                    );
                                }
                            }
                            continue;
                        }
                        if k == "debezium" && name == "debezium_json" {
                            continue;
                        }
                        options.push((k, v));
                    }
                }
                _ if matches!(self.scalar(&body), Scalar::Null) => {}
                _ => {
                    let found = kind_of(&self.scalar(&body));
                    self.invalid(
                        body.span,
                        format!("the options of format `{tag}` must be an object, found {found}"),
                    );
                }
            }
        }
        self.push_option(
            "format",
            key,
            Spanned::new(Value::String(name.clone()), tag_span),
        );
        let prefix = match name.as_str() {
            "debezium_json" => "json",
            other => other,
        };
        for (k, v) in options {
            let k = match (prefix, k.as_str()) {
                ("parquet", "row_group_bytes") => "row_group_size".to_string(),
                _ => k,
            };
            let value = self.option_value(&v);
            self.push_option(&format!("{prefix}.{k}"), v.key, value);
        }
    }

    pub(super) fn definition(&mut self, node: &Node) {
        let Some(members) = node.members() else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`schema.definition` must be an object, found {found}"),
            )
            .help("write e.g. {\"json_schema\": {\"schema\": \"…\"}}");
            return;
        };
        if members.iter().any(|(k, _)| k == "kind") {
            self.pinned_definition(node);
            return;
        }
        let (kind, kind_span, body): (String, Span, Node) =
            if let Some((_, t)) = members.iter().find(|(k, _)| k == "type") {
                match self.string(t, "schema.definition.type") {
                    Some(s) => (s.node, s.span, *node),
                    None => return,
                }
            } else {
                match members.as_slice() {
                    [(k, body)] => (k.clone(), body.key, *body),
                    _ => {
                        self.invalid(
                            node.span,
                            "`schema.definition` must hold exactly one schema",
                        )
                        .help("write e.g. {\"avro_schema\": {\"schema\": \"…\"}}");
                        return;
                    }
                }
            };
        let kind_snake = snake(&kind);
        let option = match kind_snake.as_str() {
            "json_schema" => "json.schema",
            "avro_schema" => "avro.schema",
            "protobuf_schema" => "protobuf.schema",
            "raw_schema" => {
                self.invalid(kind_span, "raw schema definitions are not supported")
                    .help("use a `json_schema`, `avro_schema` or `protobuf_schema` definition, or list the `fields`");
                return;
            }
            _ => {
                let help = match did_you_mean(&kind_snake, DEFINITION_KINDS.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("schema definitions are {}", quoted(DEFINITION_KINDS)),
                };
                self.invalid(kind_span, format!("unknown schema definition `{kind}`"))
                    .help(help);
                return;
            }
        };
        let protobuf = option == "protobuf.schema";
        let keys: &[&str] = if protobuf {
            &["type", "schema", "dependencies"]
        } else {
            &["type", "schema"]
        };
        let Some(fields) = self.members(&body, &format!("definition `{kind_snake}`"), keys) else {
            return;
        };
        let Some((_, schema)) = fields.iter().find(|(k, _)| k == "schema") else {
            self.invalid(
                Self::brace(&body),
                format!("definition `{kind_snake}` has no `schema`"),
            )
            .help("give the schema text, e.g. {\"schema\": \"…\"}");
            return;
        };
        let text = match (schema.kids(), protobuf) {
            // A JSON Schema or Avro schema may be written as JSON right in the request.
            (Kids::Object(_) | Kids::Array(_), false) => Some(self.slice(schema.span).to_string()),
            _ => self
                .string(schema, &format!("{kind_snake}.schema"))
                .map(|s| s.node),
        };
        if let Some(text) = text {
            self.push_option(
                option,
                kind_span,
                Spanned::new(Value::String(text), schema.span),
            );
        }
        if let Some((_, deps)) = fields.iter().find(|(k, _)| k == "dependencies") {
            if matches!(self.scalar(deps), Scalar::Null) {
                return;
            }
            let Some(members) = deps.members() else {
                let found = kind_of(&self.scalar(deps));
                self.invalid(deps.span, format!("`dependencies` must be an object of file name to `.proto` text, found {found}"));
                return;
            };
            for (path, text) in members {
                if let Some(t) = self.string(&text, &format!("dependencies.{path}")) {
                    self.dependencies.entry(path.clone()).or_insert(t.node);
                }
            }
        }
    }

    /// Our own output's pinned definition: `{"kind": "protobuf", "origin": …, "text": …,
    /// "fingerprint": …, "message_name": …, "imports": [{"name", "text"}]}`, so a compiled
    /// table's `schema` can be posted back. A fingerprint given must match the text, and a
    /// file or subject origin answers for that file or subject (see `restore.rs`).
    pub(super) fn pinned_definition(&mut self, node: &Node) {
        let keys = [
            "kind",
            "origin",
            "text",
            "fingerprint",
            "message_name",
            "imports",
        ];
        let Some(members) = self.members(node, "`schema.definition`", &keys) else {
            return;
        };
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let Some(kind) = get("kind").and_then(|k| self.string(&k, "kind")) else {
            return;
        };
        let option = match kind.node.as_str() {
            "avro" => "avro.schema",
            "json_schema" => "json.schema",
            "protobuf" => "protobuf.schema",
            other => {
                self.invalid(
                    kind.span,
                    format!("unknown schema definition kind `{other}`"),
                )
                .help("kinds are `avro`, `json_schema` and `protobuf`");
                return;
            }
        };
        let Some(text_node) = get("text") else {
            self.invalid(Self::brace(node), "`schema.definition` has no `text`");
            return;
        };
        let text = self.string(&text_node, "text");
        // The import texts in order, for the fingerprint.
        let mut pinned_imports: Vec<String> = Vec::new();
        if let Some(imports) = get("imports") {
            let Kids::Array(items) = imports.kids() else {
                self.invalid(
                    imports.span,
                    "`imports` must be an array of {\"name\", \"text\"}",
                );
                return;
            };
            for item in items {
                let Some(m) = self.members(&item, "an import", &["name", "text"]) else {
                    continue;
                };
                let name = m.iter().find(|(k, _)| k == "name").map(|(_, n)| *n);
                let text = m.iter().find(|(k, _)| k == "text").map(|(_, n)| *n);
                match (name, text) {
                    (Some(n), Some(t)) => {
                        if let (Some(n), Some(t)) =
                            (self.string(&n, "name"), self.string(&t, "text"))
                        {
                            pinned_imports.push(t.node.clone());
                            self.dependencies.entry(n.node).or_insert(t.node);
                        }
                    }
                    _ => {
                        self.invalid(item.span, "an import needs `name` and `text`");
                    }
                }
            }
        }
        if let Some(text) = text {
            let pinned = (get("origin"), get("fingerprint"));
            self.pin(option, kind.span, text, pinned, &pinned_imports);
        }
    }

    pub(super) fn bad_data(&mut self, node: &Node) {
        let value = match node.kids() {
            Kids::Leaf => Some(self.option_value(node)),
            Kids::Object(members) => match members.as_slice() {
                [(k, v)] if k == "behavior" => Some(self.option_value(v)),
                // Arroyo's shape: {"drop": {}}.
                [(k, v)] => Some(Spanned::new(Value::String(k.clone()), v.key)),
                _ => {
                    self.invalid(node.span, "`schema.bad_data` must name one behavior")
                        .help("write \"drop\", \"fail\" or {\"behavior\": \"drop\"}");
                    None
                }
            },
            Kids::Array(_) => {
                self.invalid(
                    node.span,
                    "`schema.bad_data` must be `drop` or `fail`, found an array",
                );
                None
            }
        };
        if let Some(v) = value {
            self.push_option("bad_data", node.key, v);
        }
    }

    pub(super) fn framing(&mut self, node: &Node) {
        let Some(members) = self.members(node, "`schema.framing`", &["method", "max_line_length"])
        else {
            return;
        };
        let Some((_, method)) = members.iter().find(|(k, _)| k == "method") else {
            self.invalid(Self::brace(node), "`schema.framing` has no `method`")
                .help("write {\"method\": \"newline\"}");
            return;
        };
        let mut max = members
            .iter()
            .find(|(k, _)| k == "max_line_length")
            .map(|(_, n)| *n);
        let method_value = match method.kids() {
            Kids::Object(inner) => match inner.as_slice() {
                // Arroyo's shape: {"method": {"newline": {"max_line_length": 1000}}}.
                [(name, body)] => {
                    if let Some(b) = body.members() {
                        for (k, v) in b {
                            if snake(&k) == "max_line_length" {
                                max = Some(v);
                            } else {
                                self.invalid(
                                    v.key,
                                    format!("unknown key `{k}` in `schema.framing`"),
                                )
                                .help("valid keys here: `max_line_length`");
                            }
                        }
                    }
                    Spanned::new(Value::String(name.clone()), body.key)
                }
                _ => {
                    self.invalid(method.span, "`schema.framing.method` must name one method");
                    return;
                }
            },
            _ => self.option_value(method),
        };
        self.push_option("framing", node.key, method_value);
        if let Some(m) = max {
            if !matches!(self.scalar(&m), Scalar::Null) {
                let v = self.option_value(&m);
                self.push_option("framing.newline.max_length", m.key, v);
            }
        }
    }

    pub(super) fn primary_keys(&mut self, node: &Node) -> Vec<PrimaryKeyDef> {
        let Kids::Array(items) = node.kids() else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`schema.primary_keys` must be an array of column names, found {found}"),
            );
            return Vec::new();
        };
        let columns: Vec<Spanned<String>> = items
            .iter()
            .filter_map(|i| self.string(i, "primary_keys[]"))
            .collect();
        if columns.is_empty() {
            return Vec::new();
        }
        vec![PrimaryKeyDef {
            columns,
            span: node.span,
        }]
    }

    /// Our own output's `metadata_fields: [{"field": …, "key": …}]`.
    pub(super) fn metadata_fields(
        &mut self,
        node: &Node,
    ) -> Vec<(Spanned<String>, Spanned<String>)> {
        let Kids::Array(items) = node.kids() else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`schema.metadata_fields` must be an array, found {found}"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Some(m) = self.members(&item, "a metadata field", &["field", "key"]) else {
                continue;
            };
            let field = m.iter().find(|(k, _)| k == "field").map(|(_, n)| *n);
            let key = m.iter().find(|(k, _)| k == "key").map(|(_, n)| *n);
            match (field, key) {
                (Some(f), Some(k)) => {
                    if let (Some(f), Some(k)) = (self.string(&f, "field"), self.string(&k, "key")) {
                        out.push((f, k));
                    }
                }
                _ => {
                    self.invalid(item.span, "a metadata field needs `field` and `key`");
                }
            }
        }
        out
    }
}
