//! The JSON path: a REST-style create-table request (Arroyo's `ConnectionTablePost`)
//! compiled by exactly the same connector code as `CREATE TABLE … WITH (…)`.
//!
//! A request is lowered into the [`TableDef`] the SQL front end produces — its `config`
//! becomes the WITH options (one option vocabulary, design §3), `connection_profile_id`
//! becomes `connection_profile`, `schema.format`, `schema.definition`, `schema.framing` and
//! `schema.bad_data` become the format options the DDL would write, and `schema.fields`
//! become columns — and then runs through the ordinary pipeline, so no connector logic
//! exists twice.
//!
//! Diagnostics point into the JSON text. serde_json gives values but no positions, so a
//! small, lenient scanner records the byte span of every key and value; the
//! lowering walks that tree and parses each value's own text when it needs the value.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};

use crate::compile::{compile_table_def, finish_diagnostics, Compiled, Env};
use crate::diagnostics::{codes, Code, Diagnostic};
use crate::options::grammar::did_you_mean;
use crate::options::Value;
use crate::parse::types::{json_metadata, sql_name, MAX_TYPE_NESTING};
use crate::parse::{
    parse_script, ColumnDef, ColumnKind, ColumnType, NotCarried, PrimaryKeyDef, SqlExpr, Statement,
    TableDef, WatermarkDef, WithClause, WithOption,
};
use crate::schema::definition::{ResolveError, SchemaKind, SchemaResolver};
use crate::schema::expand::{JSON_EXTENSION_KEY, JSON_EXTENSION_NAME};
use crate::span::{LineIndex, Span, Spanned};

/// How deep the span scanner descends; serde_json refuses deeper documents anyway.
const MAX_JSON_DEPTH: usize = 128;

/// The keys a request may have (snake_case; camelCase spellings are accepted too).
const REQUEST_KEYS: &[&str] = &[
    "name",
    "connector",
    "connection_profile_id",
    "config",
    "schema",
];

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

/// The keys of a field in Arroyo's `SourceField` shape.
const SOURCE_FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "required",
    "nullable",
    "metadata_key",
    "sql_name",
    "precision",
    "scale",
    "unit",
    "fields",
    "items",
];

/// The `SourceField` type names.
const FIELD_TYPES: &[&str] = &[
    "int32",
    "int64",
    "uint32",
    "uint64",
    "float32",
    "f32",
    "float64",
    "f64",
    "decimal128",
    "bool",
    "string",
    "utf8",
    "bytes",
    "binary",
    "timestamp",
    "json",
    "struct",
    "list",
];

/// The schema definition kinds.
const DEFINITION_KINDS: &[&str] = &["json_schema", "avro_schema", "protobuf_schema"];

/// Compiles a JSON create-table request (the body of `POST /v1/connection_tables`) into
/// at most one [`Table`](crate::Table), with diagnostics whose spans point into
/// `json_text`.
///
/// ```
/// use connector_ddl::{compile_request, ConnectionType, Env, Registry};
///
/// let request = r#"{
///   "name": "user_events",
///   "connector": "kafka",
///   "config": {"bootstrap_servers": "localhost:9092", "topic": "user-events", "type": "source"},
///   "schema": {
///     "format": {"json": {}},
///     "fields": [{"name": "user_id", "type": "int64", "required": true}]
///   }
/// }"#;
/// let registry = Registry::builtin();
/// let compiled = compile_request(request, &Env::new(&registry));
/// assert!(!compiled.has_errors());
/// let table = compiled.table("user_events").and_then(|t| t.as_connection()).ok_or("not compiled")?;
/// assert_eq!(table.connection_type, ConnectionType::Source);
/// assert_eq!(table.description, "kafka topic 'user-events'");
///
/// // A typo in `config` points at the key in the request text.
/// let bad = request.replace("\"topic\"", "\"topc\"");
/// let out = compile_request(&bad, &Env::new(&registry));
/// let unknown = out.diagnostics.iter().find(|d| d.code.as_str() == "option::unknown").ok_or("no diagnostic")?;
/// assert_eq!(&bad[unknown.span.start..unknown.span.end], "\"topc\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Every mistake — invalid JSON (`request::invalid`), a missing `name` or `connector`, an
/// unknown key, a bad field type, and everything the DDL path reports — is a diagnostic in
/// [`Compiled::diagnostics`], never a panic; independent mistakes are reported together.
pub fn compile_request(json_text: &str, env: &Env<'_>) -> Compiled {
    let mut diagnostics = Vec::new();
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(json_text) {
        diagnostics.push(invalid_json(json_text, &e));
        finish_diagnostics(&mut diagnostics, env.strict);
        return Compiled::new(Vec::new(), diagnostics, Vec::new(), json_text);
    }
    let root = Scanner::new(json_text).document();
    let mut lower = Lowerer {
        text: json_text,
        diags: Vec::new(),
        options: Vec::new(),
        dependencies: BTreeMap::new(),
        table_name: None,
        config_broken: false,
        format_broken: false,
    };
    let lowered = lower.request(&root);
    let request_errors = lower.diags.iter().any(Diagnostic::is_error);
    let table_name = lower.table_name.clone().filter(|n| !n.is_empty());
    diagnostics.extend(lower.diags.drain(..).map(|d| match &table_name {
        Some(n) => d.in_table(n),
        None => d,
    }));
    let mut tables = Vec::new();
    let mut secret_spans = Vec::new();
    if let Some(def) = lowered {
        let overlay = WithDependencies {
            dependencies: &lower.dependencies,
            inner: env.schemas,
        };
        let inner = Env {
            registry: env.registry,
            profiles: env.profiles,
            schemas: &overlay,
            strict: env.strict,
        };
        let (table, mut diags, secrets) = compile_table_def(&def, &inner);
        if lower.format_broken {
            diags.retain(|d| d.code != codes::MISSING_FORMAT);
        }
        let name = def.name.node.as_str();
        diagnostics.extend(diags.into_iter().map(|d| {
            if name.is_empty() {
                d
            } else {
                d.in_table(name)
            }
        }));
        // JSON strings keep their quotes in the span; mask only what is inside them.
        secret_spans = secrets
            .into_iter()
            .map(|s| match json_text.get(s.start..s.end) {
                Some(t) if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') => {
                    Span::new(s.start + 1, s.end - 1)
                }
                _ => s,
            })
            .collect();
        if let Some(t) = table.filter(|_| !request_errors) {
            tables.push(t);
        }
    }
    finish_diagnostics(&mut diagnostics, env.strict);
    Compiled::new(tables, diagnostics, secret_spans, json_text)
}

/// `request::invalid` at serde_json's line and column.
fn invalid_json(text: &str, e: &serde_json::Error) -> Diagnostic {
    let index = LineIndex::new(text);
    let line_start = index.offset(u64::try_from(e.line()).unwrap_or(u64::MAX), 1);
    // serde_json counts columns in bytes; step back to a character boundary.
    let mut at = line_start
        .saturating_add(e.column().saturating_sub(1))
        .min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    let end = text
        .get(at..)
        .and_then(|r| r.chars().next())
        .map(|c| at + c.len_utf8())
        .unwrap_or(at);
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    };
    Diagnostic::error(
        codes::INVALID_REQUEST,
        Span::new(at, end),
        format!("the request is not valid JSON: {message}"),
    )
    .with_help("a create-table request is one JSON object: {\"name\": …, \"connector\": …, \"config\": {…}, \"schema\": {…}}")
}

/// Answers protobuf imports from a request's `dependencies` first, then from the
/// embedder's resolver.
struct WithDependencies<'a> {
    dependencies: &'a BTreeMap<String, String>,
    inner: &'a dyn SchemaResolver,
}

impl SchemaResolver for WithDependencies<'_> {
    fn file(&self, path: &str) -> Result<String, ResolveError> {
        match self.dependencies.get(path) {
            Some(t) => Ok(t.clone()),
            None => self.inner.file(path),
        }
    }

    fn subject(&self, subject: &str, kind: SchemaKind) -> Result<String, ResolveError> {
        self.inner.subject(subject, kind)
    }
}

// ---------------------------------------------------------------------------------------
// The span scanner.

/// A JSON value with the span of its text and, for object members, of its key.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// The key's span, quotes included (detached for array items and the root).
    pub key: Span,
    /// The value's span (quotes included for strings).
    pub span: Span,
    /// Members or items.
    pub kids: Kids,
}

/// What a [`Node`] contains.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kids {
    /// A scalar (or a value below the depth bound).
    Leaf,
    /// Members in document order, duplicates included, keys decoded.
    Object(Vec<(String, Node)>),
    /// Items in order.
    Array(Vec<Node>),
}

impl Node {
    fn members(&self) -> Option<&[(String, Node)]> {
        match &self.kids {
            Kids::Object(m) => Some(m),
            _ => None,
        }
    }
}

/// A lenient recursive scanner: it never fails, it stops where the text stops making
/// sense, and it descends at most [`MAX_JSON_DEPTH`] levels. The text has already been
/// checked by serde_json, so leniency only guards against surprises.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn document(&mut self) -> Node {
        self.ws();
        self.value(0).unwrap_or(Node {
            key: Span::DETACHED,
            span: Span::new(0, self.text.len()),
            kids: Kids::Leaf,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips a string starting at `"`; returns its span.
    fn string(&mut self) -> Span {
        let start = self.pos;
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => break,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
        Span::new(start, self.pos)
    }

    /// Skips a value without recording anything (below the depth bound), iteratively.
    fn skip(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.string();
                    if depth == 0 {
                        return;
                    }
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                b',' if depth == 0 => return,
                _ => {}
            }
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        let leaf = |span| Node {
            key: Span::DETACHED,
            span,
            kids: Kids::Leaf,
        };
        match self.peek()? {
            _ if depth >= MAX_JSON_DEPTH => {
                self.skip();
                Some(leaf(Span::new(start, self.pos)))
            }
            b'"' => Some(leaf(self.string())),
            b'{' => {
                self.pos += 1;
                let mut members = Vec::new();
                loop {
                    self.ws();
                    match self.peek() {
                        Some(b'}') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => self.pos += 1,
                        Some(b'"') => {
                            let key = self.string();
                            self.ws();
                            if self.peek() != Some(b':') {
                                break;
                            }
                            self.pos += 1;
                            self.ws();
                            let mut node = self.value(depth + 1)?;
                            node.key = key;
                            let raw = self.text.get(key.start..key.end).unwrap_or("");
                            let name = serde_json::from_str::<String>(raw)
                                .unwrap_or_else(|_| raw.trim_matches('"').to_string());
                            members.push((name, node));
                        }
                        _ => break,
                    }
                }
                Some(Node {
                    key: Span::DETACHED,
                    span: Span::new(start, self.pos),
                    kids: Kids::Object(members),
                })
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => self.pos += 1,
                        Some(_) => items.push(self.value(depth + 1)?),
                        None => break,
                    }
                }
                Some(Node {
                    key: Span::DETACHED,
                    span: Span::new(start, self.pos),
                    kids: Kids::Array(items),
                })
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
                Some(leaf(Span::new(start, self.pos)))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Lowering a request into a `TableDef`.

/// `camelCase` → `snake_case`; snake_case keys are unchanged.
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

struct Lowerer<'a> {
    text: &'a str,
    diags: Vec<Diagnostic>,
    options: Vec<WithOption>,
    /// Protobuf `dependencies`: import path → `.proto` text.
    dependencies: BTreeMap<String, String>,
    /// The table name, once read.
    table_name: Option<String>,
    /// `config` is not an object: compiling would only report every option as missing.
    config_broken: bool,
    /// `schema.format` is malformed (reported): a missing format is not news.
    format_broken: bool,
}

/// What `schema` lowers to besides options: columns, primary key, watermark.
type LoweredSchema = (
    Option<Spanned<Vec<ColumnDef>>>,
    Vec<PrimaryKeyDef>,
    Vec<WatermarkDef>,
);

/// The diagnostic just reported, to add a help or a label to.
struct Reported<'a>(Option<&'a mut Diagnostic>);

impl Reported<'_> {
    fn help(self, help: impl Into<String>) {
        if let Some(d) = self.0 {
            d.help = Some(help.into());
        }
    }

    fn label(self, span: Span, message: &str) {
        if let Some(d) = self.0 {
            d.labels.push(crate::diagnostics::Label {
                span,
                message: message.into(),
            });
        }
    }
}

/// The value of a JSON node, for the checks that need one.
enum Scalar {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Other(&'static str),
}

impl Lowerer<'_> {
    fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    fn scalar(&self, node: &Node) -> Scalar {
        match &node.kids {
            Kids::Object(_) => return Scalar::Other("an object"),
            Kids::Array(_) => return Scalar::Other("an array"),
            Kids::Leaf => {}
        }
        match serde_json::from_str::<serde_json::Value>(self.slice(node.span)) {
            Ok(serde_json::Value::Null) => Scalar::Null,
            Ok(serde_json::Value::Bool(b)) => Scalar::Bool(b),
            Ok(serde_json::Value::Number(_)) => Scalar::Number(self.slice(node.span).to_string()),
            Ok(serde_json::Value::String(s)) => Scalar::String(s),
            Ok(serde_json::Value::Array(_)) => Scalar::Other("an array"),
            Ok(serde_json::Value::Object(_)) => Scalar::Other("an object"),
            Err(_) => Scalar::Other("a value nested too deeply"),
        }
    }

    fn error(&mut self, code: Code, span: Span, message: impl Into<String>) -> Reported<'_> {
        self.diags.push(Diagnostic::error(code, span, message));
        Reported(self.diags.last_mut())
    }

    fn invalid(&mut self, span: Span, message: impl Into<String>) -> Reported<'_> {
        self.error(codes::INVALID_REQUEST, span, message)
    }

    /// The span of an object's opening brace, where a missing key is reported.
    fn brace(node: &Node) -> Span {
        Span::new(node.span.start, node.span.start.saturating_add(1))
    }

    /// A string value, or a diagnostic saying `what` must be a string.
    fn string(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match self.scalar(node) {
            Scalar::String(s) => Some(Spanned::new(s, node.span)),
            other => {
                let kind = kind_of(&other);
                self.invalid(
                    node.span,
                    format!("`{what}` must be a string, found {kind}"),
                );
                None
            }
        }
    }

    /// An object's members, first occurrences only (a repeated key is an error), with
    /// keys in snake_case. `keys` are the valid ones: others are reported, with the
    /// nearest as help. `None` (reported) when `node` is not an object.
    fn members<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        keys: &[&str],
    ) -> Option<Vec<(String, &'n Node)>> {
        let Some(members) = node.members() else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("{what} must be an object, found {found}"),
            );
            return None;
        };
        let mut out: Vec<(String, &'n Node)> = Vec::new();
        for (key, value) in members {
            let k = snake(key);
            if let Some((_, first)) = out.iter().find(|(o, _)| *o == k) {
                let first = first.key;
                self.invalid(value.key, format!("key `{key}` appears twice in {what}"))
                    .label(first, "first given here");
                continue;
            }
            if !keys.is_empty() && !keys.contains(&k.as_str()) {
                let help = match did_you_mean(&k, keys.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("valid keys here: {}", quoted(keys)),
                };
                self.invalid(value.key, format!("unknown key `{key}` in {what}"))
                    .help(help);
                continue;
            }
            out.push((k, value));
        }
        Some(out)
    }

    fn push_option(&mut self, key: &str, key_span: Span, value: Spanned<Value>) {
        self.options.push(WithOption {
            key: Spanned::new(key.to_string(), key_span),
            value,
        });
    }

    /// The option value of a JSON node: scalars, arrays of them, and any other JSON as
    /// its text (which the option grammar then rejects with the right message).
    fn option_value(&self, node: &Node) -> Spanned<Value> {
        let v = match &node.kids {
            Kids::Array(items) => {
                Value::Array(items.iter().map(|i| self.option_value(i)).collect())
            }
            Kids::Object(_) => Value::Expr(self.slice(node.span).to_string()),
            Kids::Leaf => match self.scalar(node) {
                Scalar::Null => Value::Null,
                Scalar::Bool(b) => Value::Bool(b),
                Scalar::Number(n) => Value::Number(n),
                Scalar::String(s) => Value::String(s),
                Scalar::Other(_) => Value::Expr(self.slice(node.span).to_string()),
            },
        };
        Spanned::new(v, node.span)
    }

    fn request(&mut self, root: &Node) -> Option<TableDef> {
        let members = self.members(root, "the request", REQUEST_KEYS)?;
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let name = match get("name") {
            Some(n) => {
                let s = self.string(n, "name");
                if let Some(s) = &s {
                    self.table_name = Some(s.node.clone());
                    if s.node.trim().is_empty() {
                        self.invalid(s.span, "`name` must not be empty");
                    }
                }
                s
            }
            None => {
                self.invalid(Self::brace(root), "the request has no `name`")
                    .help("add the table name, e.g. \"name\": \"orders\"");
                None
            }
        };
        let connector = match get("connector") {
            Some(n) => self.string(n, "connector").map(|c| (n.key, c)),
            None => {
                self.invalid(Self::brace(root), "the request has no `connector`")
                    .help("add the connector, e.g. \"connector\": \"kafka\"");
                None
            }
        };
        if let Some((key, c)) = &connector {
            self.push_option(
                "connector",
                *key,
                Spanned::new(Value::String(c.node.clone()), c.span),
            );
        }
        if let Some(p) = get("connection_profile_id") {
            match self.scalar(p) {
                Scalar::Null => {}
                _ => {
                    if let Some(s) = self.string(p, "connection_profile_id") {
                        self.push_option(
                            "connection_profile",
                            p.key,
                            Spanned::new(Value::String(s.node), s.span),
                        );
                    }
                }
            }
        }
        let mut with_span = Self::brace(root);
        if let Some(config) = get("config") {
            with_span = config.span;
            self.config(config);
        }
        let mut columns = None;
        let mut primary_keys = Vec::new();
        let mut watermarks = Vec::new();
        if let Some(schema) = get("schema") {
            if !matches!(self.scalar(schema), Scalar::Null) {
                let (cols, pk, wm) = self.schema(schema);
                columns = cols;
                primary_keys = pk;
                watermarks = wm;
            }
        }
        // Without a connector (or a readable config) there is nothing to compile, but the
        // request's own mistakes have been reported.
        connector.as_ref()?;
        if self.config_broken {
            return None;
        }
        let name = name.unwrap_or_else(|| Spanned::new(String::new(), Self::brace(root)));
        Some(TableDef {
            name,
            span: root.span,
            temporary: false,
            temporary_span: Span::DETACHED,
            if_not_exists: false,
            or_replace: false,
            columns,
            primary_keys,
            watermarks,
            partitioned_by: None,
            with: Some(WithClause {
                span: with_span,
                options: std::mem::take(&mut self.options),
            }),
        })
    }

    fn config(&mut self, node: &Node) {
        if matches!(self.scalar(node), Scalar::Null) {
            return;
        }
        let Some(members) = node.members() else {
            self.config_broken = true;
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`config` must be an object, found {found}"),
            )
            .help(
                "`config` is a flat option map, e.g. {\"topic\": \"orders\", \"type\": \"source\"}",
            );
            return;
        };
        // Keys stay as written: they are option names, and a repeated key is reported by
        // the option stage as for a WITH clause.
        for (key, value) in members {
            let v = self.option_value(value);
            self.push_option(key, value.key, v);
        }
    }

    fn schema(&mut self, node: &Node) -> LoweredSchema {
        let Some(members) = self.members(node, "`schema`", SCHEMA_KEYS) else {
            return (None, Vec::new(), Vec::new());
        };
        let mut watermarks = Vec::new();
        let mut columns = None;
        let mut primary_keys = Vec::new();
        let mut metadata: Vec<(Spanned<String>, Spanned<String>)> = Vec::new();
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
                "generated_fields" => {
                    let empty = matches!(&value.kids, Kids::Array(a) if a.is_empty());
                    if !empty {
                        self.invalid(
                            value.span,
                            format!("`schema.{key}` cannot be set in a request"),
                        )
                        .help("compute the value in the query, or declare the table in SQL");
                    }
                }
                _ => {}
            }
        }
        if let Some((_, fields)) = members.iter().find(|(k, _)| k == "fields") {
            columns = self.fields(fields, &metadata);
        }
        (columns, primary_keys, watermarks)
    }

    /// `schema.watermark: {"column": "ts", "expression": "ts - INTERVAL '5' SECOND"}` (our
    /// output's shape). The expression is parsed by the SQL front end, inside a synthetic
    /// `CREATE TABLE`, and its spans are moved into the JSON string it came from.
    fn watermark(&mut self, node: &Node) -> Option<WatermarkDef> {
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
            Some(n) => Some((self.string(n, "schema.watermark.expression")?, n.span)),
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

    fn format(&mut self, node: &Node) {
        let key = node.key;
        let (tag, tag_span, body): (String, Span, Option<&Node>) = match &node.kids {
            Kids::Leaf => match self.string(node, "schema.format") {
                Some(s) => (s.node, s.span, None),
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
                        Some(s) => (s.node, s.span, Some(node)),
                        None => {
                            self.format_broken = true;
                            return;
                        }
                    }
                } else {
                    match members.as_slice() {
                        [(name, body)] => (name.clone(), body.key, Some(body)),
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
        let mut options: Vec<(String, &Node)> = Vec::new();
        if let Some(body) = body {
            let own_shape = std::ptr::eq(body, node);
            match &body.kids {
                Kids::Object(members) => {
                    for (k, v) in members {
                        if own_shape && k == "type" {
                            continue;
                        }
                        if matches!(self.scalar(v), Scalar::Null) {
                            continue;
                        }
                        let k = snake(k);
                        if k == "debezium" && name == "json" {
                            match self.scalar(v) {
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
                _ if matches!(self.scalar(body), Scalar::Null) => {}
                _ => {
                    let found = kind_of(&self.scalar(body));
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
            let value = self.option_value(v);
            self.push_option(&format!("{prefix}.{k}"), v.key, value);
        }
    }

    fn definition(&mut self, node: &Node) {
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
        let (kind, kind_span, body): (String, Span, &Node) =
            if let Some((_, t)) = members.iter().find(|(k, _)| k == "type") {
                match self.string(t, "schema.definition.type") {
                    Some(s) => (s.node, s.span, node),
                    None => return,
                }
            } else {
                match members {
                    [(k, body)] => (k.clone(), body.key, body),
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
        let Some(fields) = self.members(body, &format!("definition `{kind_snake}`"), keys) else {
            return;
        };
        let Some((_, schema)) = fields.iter().find(|(k, _)| k == "schema") else {
            self.invalid(
                Self::brace(body),
                format!("definition `{kind_snake}` has no `schema`"),
            )
            .help("give the schema text, e.g. {\"schema\": \"…\"}");
            return;
        };
        let text = match (&schema.kids, protobuf) {
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
                if let Some(t) = self.string(text, &format!("dependencies.{path}")) {
                    self.dependencies.entry(path.clone()).or_insert(t.node);
                }
            }
        }
    }

    /// Our own output's pinned definition: `{"kind": "protobuf", "origin": …, "text": …,
    /// "fingerprint": …, "message_name": …, "imports": [{"name", "text"}]}`, so a compiled
    /// table's `schema` can be posted back. The origin and fingerprint are recomputed.
    fn pinned_definition(&mut self, node: &Node) {
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
        let Some(kind) = get("kind").and_then(|k| self.string(k, "kind")) else {
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
        if let Some(text) = self.string(text_node, "text") {
            self.push_option(
                option,
                kind.span,
                Spanned::new(Value::String(text.node), text_node.span),
            );
        }
        if let Some(imports) = get("imports") {
            let Kids::Array(items) = &imports.kids else {
                self.invalid(
                    imports.span,
                    "`imports` must be an array of {\"name\", \"text\"}",
                );
                return;
            };
            for item in items {
                let Some(m) = self.members(item, "an import", &["name", "text"]) else {
                    continue;
                };
                let name = m.iter().find(|(k, _)| k == "name").map(|(_, n)| *n);
                let text = m.iter().find(|(k, _)| k == "text").map(|(_, n)| *n);
                match (name, text) {
                    (Some(n), Some(t)) => {
                        if let (Some(n), Some(t)) = (self.string(n, "name"), self.string(t, "text"))
                        {
                            self.dependencies.entry(n.node).or_insert(t.node);
                        }
                    }
                    _ => {
                        self.invalid(item.span, "an import needs `name` and `text`");
                    }
                }
            }
        }
    }

    fn bad_data(&mut self, node: &Node) {
        let value = match &node.kids {
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

    fn framing(&mut self, node: &Node) {
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
        let method_value = match &method.kids {
            Kids::Object(inner) => match inner.as_slice() {
                // Arroyo's shape: {"method": {"newline": {"max_line_length": 1000}}}.
                [(name, body)] => {
                    if let Some(b) = body.members() {
                        for (k, v) in b {
                            if snake(k) == "max_line_length" {
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
            if !matches!(self.scalar(m), Scalar::Null) {
                let v = self.option_value(m);
                self.push_option("framing.newline.max_length", m.key, v);
            }
        }
    }

    fn primary_keys(&mut self, node: &Node) -> Vec<PrimaryKeyDef> {
        let Kids::Array(items) = &node.kids else {
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
    fn metadata_fields(&mut self, node: &Node) -> Vec<(Spanned<String>, Spanned<String>)> {
        let Kids::Array(items) = &node.kids else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`schema.metadata_fields` must be an array, found {found}"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Some(m) = self.members(item, "a metadata field", &["field", "key"]) else {
                continue;
            };
            let field = m.iter().find(|(k, _)| k == "field").map(|(_, n)| *n);
            let key = m.iter().find(|(k, _)| k == "key").map(|(_, n)| *n);
            match (field, key) {
                (Some(f), Some(k)) => {
                    if let (Some(f), Some(k)) = (self.string(f, "field"), self.string(k, "key")) {
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

    fn fields(
        &mut self,
        node: &Node,
        metadata: &[(Spanned<String>, Spanned<String>)],
    ) -> Option<Spanned<Vec<ColumnDef>>> {
        let Kids::Array(items) = &node.kids else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("`schema.fields` must be an array, found {found}"),
            );
            return None;
        };
        let mut cols = Vec::new();
        for item in items {
            let Some(members) = item.members() else {
                let found = kind_of(&self.scalar(item));
                self.invalid(
                    item.span,
                    format!("a field must be an object, found {found}"),
                );
                continue;
            };
            let col = if members.iter().any(|(k, _)| k == "data_type") {
                self.arrow_field(item)
            } else {
                self.source_field(item)
            };
            if let Some(mut col) = col {
                if let Some((_, key)) = metadata.iter().find(|(f, _)| f.node == col.name.node) {
                    col.kind = ColumnKind::Metadata {
                        key: key.clone(),
                        is_virtual: false,
                        span: key.span,
                    };
                }
                cols.push(col);
            }
        }
        for (f, _) in metadata {
            if !cols.iter().any(|c| c.name.node == f.node) {
                self.error(
                    codes::UNKNOWN_COLUMN,
                    f.span,
                    format!("metadata field `{}` is not in `schema.fields`", f.node),
                );
            }
        }
        (!cols.is_empty()).then(|| Spanned::new(cols, node.span))
    }

    /// A field in arrow-schema's serde shape (our output): `{"name", "data_type",
    /// "nullable", "metadata"}`; `dict_id` and `dict_is_ordered` may be left out.
    fn arrow_field(&mut self, node: &Node) -> Option<ColumnDef> {
        let mut value: serde_json::Value = serde_json::from_str(self.slice(node.span)).ok()?;
        fill_field_defaults(&mut value, 0);
        let field: Field = match serde_json::from_value(value) {
            Ok(f) => f,
            Err(e) => {
                let span = node
                    .members()
                    .and_then(|m| m.iter().find(|(k, _)| k == "data_type"))
                    .map(|(_, n)| n.span)
                    .unwrap_or(node.span);
                // serde lists every Arrow type; name the nearest one instead.
                let full = e.to_string();
                let (message, help) = match full.split_once(", expected one of ") {
                    Some((head, list)) => {
                        let variants: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
                        let found = head.split('`').nth(1).unwrap_or("");
                        let help = did_you_mean(found, variants.iter().copied())
                            .map(|s| format!("did you mean `{s}`?"));
                        (head.to_string(), help)
                    }
                    None => (full, None),
                };
                let help = help.unwrap_or_else(|| "write the field as our output does, e.g. {\"name\": \"id\", \"data_type\": \"Int64\", \"nullable\": false}, or as {\"name\": \"id\", \"type\": \"int64\"}".to_string());
                self.error(
                    codes::UNKNOWN_TYPE,
                    span,
                    format!("invalid Arrow field: {message}"),
                )
                .help(help);
                return None;
            }
        };
        let members = node.members().unwrap_or(&[]);
        let name_span = members
            .iter()
            .find(|(k, _)| k == "name")
            .map(|(_, n)| n.span)
            .unwrap_or(node.span);
        let type_span = members
            .iter()
            .find(|(k, _)| k == "data_type")
            .map(|(_, n)| n.span)
            .unwrap_or(node.span);
        let nullable_span = members
            .iter()
            .find(|(k, _)| k == "nullable")
            .map(|(_, n)| n.span);
        let json = field.metadata().get(JSON_EXTENSION_KEY).map(String::as_str)
            == Some(JSON_EXTENSION_NAME);
        let not_carried =
            first_not_carried(field.data_type(), 0).map(|(sql, instead)| NotCarried {
                span: type_span,
                sql,
                instead,
            });
        Some(ColumnDef {
            name: Spanned::new(field.name().clone(), name_span),
            ty: Some(ColumnType {
                data_type: field.data_type().clone(),
                json,
                span: type_span,
                not_carried,
            }),
            not_null: (!field.is_nullable()).then(|| nullable_span.unwrap_or(type_span)),
            nullable: None,
            primary_key: None,
            kind: ColumnKind::Physical,
            span: node.span,
        })
    }

    /// A field in Arroyo's `SourceField` shape: `{"name": "id", "type": "int64",
    /// "required": true}`, with the type's own keys beside `type`.
    fn source_field(&mut self, node: &Node) -> Option<ColumnDef> {
        let members = self.members(node, "a field", SOURCE_FIELD_KEYS)?;
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let name = match get("name") {
            Some(n) => self.string(n, "name"),
            None => {
                self.invalid(Self::brace(node), "a field has no `name`");
                None
            }
        };
        let ty = self.field_type(node, &members, 0);
        let not_null = self.nullability(&members);
        let kind = match get("metadata_key") {
            Some(k) if !matches!(self.scalar(k), Scalar::Null) => {
                let key = self.string(k, "metadata_key")?;
                ColumnKind::Metadata {
                    span: k.key.union(k.span),
                    key,
                    is_virtual: false,
                }
            }
            _ => ColumnKind::Physical,
        };
        let (dt, json, type_span) = ty?;
        Some(ColumnDef {
            name: name?,
            ty: Some(ColumnType {
                data_type: dt,
                json,
                span: type_span,
                not_carried: None,
            }),
            not_null,
            nullable: None,
            primary_key: None,
            kind,
            span: node.span,
        })
    }

    /// `Some(span)` when the field is NOT NULL (`"required": true` or `"nullable": false`).
    fn nullability(&mut self, members: &[(String, &Node)]) -> Option<Span> {
        let mut not_null: Option<(bool, Span)> = None;
        for (k, v) in members {
            let flip = match k.as_str() {
                "required" => false,
                "nullable" => true,
                _ => continue,
            };
            match self.scalar(v) {
                Scalar::Bool(b) => {
                    let nn = b != flip;
                    if let Some((prev, _)) = not_null {
                        if prev != nn {
                            self.invalid(v.span, "`required` and `nullable` contradict each other")
                                .help("give one of them");
                        }
                    }
                    not_null = Some((nn, v.span));
                }
                Scalar::Null => {}
                other => {
                    let found = kind_of(&other);
                    self.invalid(v.span, format!("`{k}` must be a boolean, found {found}"));
                }
            }
        }
        not_null.filter(|(nn, _)| *nn).map(|(_, s)| s)
    }

    /// The type of a `SourceField` (or list item, or the object under `type`): the
    /// Arrow type, whether it is JSON, and the span to report it at.
    fn field_type(
        &mut self,
        node: &Node,
        members: &[(String, &Node)],
        depth: usize,
    ) -> Option<(DataType, bool, Span)> {
        if depth > MAX_TYPE_NESTING {
            self.error(
                codes::TOO_DEEP,
                node.span,
                format!("the type nests deeper than {MAX_TYPE_NESTING} levels"),
            );
            return None;
        }
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let Some(t) = get("type") else {
            self.invalid(Self::brace(node), "a field has no `type`")
                .help(format!(
                    "add e.g. \"type\": \"int64\"; types are {}",
                    quoted(FIELD_TYPES)
                ));
            return None;
        };
        // `"type": {"type": "decimal128", "precision": 10, "scale": 2}`.
        if t.members().is_some() {
            let inner = self.members(
                t,
                "a type",
                &[
                    "type",
                    "precision",
                    "scale",
                    "unit",
                    "fields",
                    "items",
                    "sql_name",
                ],
            )?;
            return self.field_type(t, &inner, depth + 1);
        }
        let name = self.string(t, "type")?;
        let span = t.span;
        let lower = name.node.to_ascii_lowercase();
        let dt = match lower.as_str() {
            "int32" => DataType::Int32,
            "int64" => DataType::Int64,
            "uint32" => DataType::UInt32,
            "uint64" => DataType::UInt64,
            "float32" | "f32" => DataType::Float32,
            "float64" | "f64" => DataType::Float64,
            "bool" => DataType::Boolean,
            "string" | "utf8" => DataType::Utf8,
            "bytes" | "binary" => DataType::Binary,
            "json" => return Some((DataType::Utf8, true, span)),
            "decimal128" => {
                let p = get("precision").map(|n| (self.scalar(n), n.span));
                let s = get("scale").map(|n| (self.scalar(n), n.span));
                let (Some((Scalar::Number(p), ps)), Some((Scalar::Number(s), ss))) = (p, s) else {
                    self.invalid(
                        span,
                        "a `decimal128` field needs integer `precision` and `scale`",
                    )
                    .help("write e.g. {\"type\": \"decimal128\", \"precision\": 10, \"scale\": 2}");
                    return None;
                };
                let precision = p.parse::<u8>().ok().filter(|p| (1..=38).contains(p));
                let scale = s.parse::<i8>().ok().filter(|s| {
                    *s >= 0 && precision.is_some_and(|p| i16::from(*s) <= i16::from(p))
                });
                match (precision, scale) {
                    (Some(p), Some(s)) => DataType::Decimal128(p, s),
                    _ => {
                        self.error(
                            codes::DECIMAL_RANGE,
                            ps.union(ss),
                            format!("decimal precision {p} and scale {s} are out of range"),
                        )
                        .help("precision must be 1 to 38, and scale 0 to the precision");
                        return None;
                    }
                }
            }
            "timestamp" => {
                let unit = match get("unit") {
                    None => TimeUnit::Millisecond,
                    Some(u) => {
                        let u = self.string(u, "unit")?;
                        match u.node.to_ascii_lowercase().as_str() {
                            "second" | "s" => TimeUnit::Second,
                            "millisecond" | "ms" => TimeUnit::Millisecond,
                            "microsecond" | "us" | "µs" => TimeUnit::Microsecond,
                            "nanosecond" | "ns" => TimeUnit::Nanosecond,
                            other => {
                                let units = ["second", "millisecond", "microsecond", "nanosecond"];
                                let help = match did_you_mean(other, units) {
                                    Some(s) => format!("did you mean `{s}`?"),
                                    None => format!("units are {}", quoted(&units)),
                                };
                                self.error(
                                    codes::TIMESTAMP_PRECISION,
                                    u.span,
                                    format!("unknown timestamp unit `{}`", u.node),
                                )
                                .help(help);
                                return None;
                            }
                        }
                    }
                };
                DataType::Timestamp(unit, None)
            }
            "struct" => {
                let Some(fields) = get("fields") else {
                    self.invalid(span, "a `struct` field needs `fields`");
                    return None;
                };
                let Kids::Array(items) = &fields.kids else {
                    self.invalid(fields.span, "`fields` must be an array of fields");
                    return None;
                };
                let mut out: Vec<Field> = Vec::new();
                for item in items {
                    let Some(m) = self.members(item, "a field", SOURCE_FIELD_KEYS) else {
                        continue;
                    };
                    let name = match m.iter().find(|(k, _)| k == "name") {
                        Some((_, n)) => self.string(n, "name"),
                        None => {
                            self.invalid(Self::brace(item), "a field has no `name`");
                            None
                        }
                    };
                    let ty = self.field_type(item, &m, depth + 1);
                    let not_null = self.nullability(&m);
                    if let (Some(name), Some((dt, json, _))) = (name, ty) {
                        if out.iter().any(|f| f.name() == &name.node) {
                            self.error(
                                codes::STRUCT_FIELD,
                                name.span,
                                format!("struct field `{}` is declared twice", name.node),
                            );
                            continue;
                        }
                        out.push(make_field(&name.node, dt, json, not_null.is_none()));
                    }
                }
                DataType::Struct(Fields::from(out))
            }
            "list" => {
                let Some(items) = get("items") else {
                    self.invalid(span, "a `list` field needs `items`");
                    return None;
                };
                let (dt, json, nullable) = match &items.kids {
                    Kids::Object(_) => {
                        let m = self.members(
                            items,
                            "list `items`",
                            &[
                                "name",
                                "type",
                                "required",
                                "nullable",
                                "sql_name",
                                "precision",
                                "scale",
                                "unit",
                                "fields",
                                "items",
                            ],
                        )?;
                        let ty = self.field_type(items, &m, depth + 1);
                        let not_null = self.nullability(&m);
                        let (dt, json, _) = ty?;
                        (dt, json, not_null.is_none())
                    }
                    _ => {
                        // `"items": "int64"`: a nullable item of that type.
                        let m = vec![("type".to_string(), items)];
                        let (dt, json, _) = self.field_type(node, &m, depth + 1)?;
                        (dt, json, true)
                    }
                };
                DataType::List(Arc::new(make_field("item", dt, json, nullable)))
            }
            _ => {
                let help = match did_you_mean(&lower, FIELD_TYPES.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("field types are {}", quoted(FIELD_TYPES)),
                };
                self.error(
                    codes::UNKNOWN_TYPE,
                    span,
                    format!("unknown field type `{}`", name.node),
                )
                .help(help);
                return None;
            }
        };
        Some((dt, false, span))
    }
}

fn make_field(name: &str, dt: DataType, json: bool, nullable: bool) -> Field {
    let f = Field::new(name, dt, nullable);
    if json {
        f.with_metadata(json_metadata())
    } else {
        f
    }
}

/// Adds the keys arrow-schema's serde needs but a person leaves out (`dict_id`,
/// `dict_is_ordered`, `metadata`, `nullable`) to every field object, nested ones too.
fn fill_field_defaults(v: &mut serde_json::Value, depth: usize) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            if m.contains_key("name") && m.contains_key("data_type") {
                m.entry("nullable").or_insert(serde_json::Value::Bool(true));
                m.entry("dict_id").or_insert(serde_json::Value::from(0));
                m.entry("dict_is_ordered")
                    .or_insert(serde_json::Value::Bool(false));
                m.entry("metadata")
                    .or_insert(serde_json::Value::Object(Default::default()));
            }
            for child in m.values_mut() {
                fill_field_defaults(child, depth + 1);
            }
        }
        serde_json::Value::Array(items) => {
            for child in items {
                fill_field_defaults(child, depth + 1);
            }
        }
        _ => {}
    }
}

/// The first part of an Arrow type that a connection table cannot carry: its SQL name
/// and what to use instead.
fn first_not_carried(dt: &DataType, depth: usize) -> Option<(String, &'static str)> {
    use DataType as D;
    if depth > MAX_JSON_DEPTH {
        return None;
    }
    match dt {
        D::Boolean
        | D::Int32
        | D::Int64
        | D::UInt32
        | D::UInt64
        | D::Float32
        | D::Float64
        | D::Decimal128(_, _)
        | D::Utf8
        | D::Binary
        | D::Timestamp(_, None) => None,
        D::Struct(fields) => fields
            .iter()
            .find_map(|f| first_not_carried(f.data_type(), depth + 1)),
        D::List(f) | D::Map(f, _) => first_not_carried(f.data_type(), depth + 1),
        D::Int8 | D::Int16 => Some((sql_name(dt, false), "INT")),
        D::UInt8 | D::UInt16 => Some((sql_name(dt, false), "INT UNSIGNED")),
        D::Float16 => Some(("Float16".into(), "FLOAT")),
        D::Timestamp(_, Some(_)) | D::Date32 | D::Date64 => Some((format!("{dt}"), "TIMESTAMP")),
        D::LargeBinary | D::BinaryView | D::FixedSizeBinary(_) => Some((format!("{dt}"), "BYTEA")),
        _ => Some((format!("{dt}"), "TEXT")),
    }
}

fn kind_of(s: &Scalar) -> &'static str {
    match s {
        Scalar::Null => "null",
        Scalar::Bool(_) => "a boolean",
        Scalar::Number(_) => "a number",
        Scalar::String(_) => "a string",
        Scalar::Other(k) => k,
    }
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Registry;

    /// Lowers a request without compiling it: the table definition and the diagnostics.
    fn lower(text: &str) -> (Option<TableDef>, Vec<Diagnostic>, BTreeMap<String, String>) {
        let root = Scanner::new(text).document();
        let mut l = Lowerer {
            text,
            diags: Vec::new(),
            options: Vec::new(),
            dependencies: BTreeMap::new(),
            table_name: None,
            config_broken: false,
            format_broken: false,
        };
        let def = l.request(&root);
        (def, l.diags, l.dependencies)
    }

    /// The WITH options a request lowers to, as `key = value` strings.
    fn options(text: &str) -> Vec<String> {
        let (def, diags, _) = lower(text);
        assert!(diags.is_empty(), "{diags:?}");
        def.and_then(|d| d.with)
            .map(|w| {
                w.options
                    .iter()
                    .map(|o| format!("{} = {}", o.key.node, o.value.node))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn with_schema(schema: &str) -> String {
        format!(r#"{{"name": "t", "connector": "kafka", "schema": {schema}}}"#)
    }

    /// The Arrow field of a single `SourceField`.
    fn field(f: &str) -> Field {
        let (def, diags, _) = lower(&with_schema(&format!(r#"{{"fields": [{f}]}}"#)));
        assert!(diags.is_empty(), "{diags:?}");
        let def = def.unwrap_or_else(|| panic!("no table"));
        let col = def
            .column_list()
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("no column"));
        let ty = col.ty.unwrap_or_else(|| panic!("no type"));
        make_field(
            &col.name.node,
            ty.data_type,
            ty.json,
            col.not_null.is_none(),
        )
    }

    fn codes_of(text: &str) -> Vec<&'static str> {
        lower(text).1.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn scanner_records_key_and_value_spans() {
        let text = r#"{"a": 1, "b": {"c": [true, "x"]}, "a": null}"#;
        let root = Scanner::new(text).document();
        let m = root.members().unwrap_or(&[]);
        let slice = |s: Span| &text[s.start..s.end];
        assert_eq!(m.len(), 3, "duplicates are kept");
        assert_eq!(slice(m[0].1.key), "\"a\"");
        assert_eq!(slice(m[0].1.span), "1");
        assert_eq!(slice(m[1].1.span), r#"{"c": [true, "x"]}"#);
        let c = &m[1].1.members().unwrap_or(&[])[0].1;
        let Kids::Array(items) = &c.kids else {
            panic!("not an array")
        };
        assert_eq!(slice(items[1].span), "\"x\"");
        assert_eq!(slice(m[2].1.span), "null");
    }

    #[test]
    fn scanner_decodes_escaped_keys() {
        let text = r#"{"t\u006fpic": "x"}"#;
        let root = Scanner::new(text).document();
        assert_eq!(root.members().map(|m| m[0].0.as_str()), Some("topic"));
    }

    #[test]
    fn scanner_is_depth_bounded_and_lenient() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let root = Scanner::new(&deep).document();
        assert_eq!(root.span, Span::new(0, deep.len()));
        // Truncated text does not panic.
        let _ = Scanner::new(r#"{"a": [1, {"b": "#).document();
        let _ = Scanner::new("").document();
    }

    #[test]
    fn snake_case_keys() {
        assert_eq!(snake("timestampFormat"), "timestamp_format");
        assert_eq!(snake("connectionProfileId"), "connection_profile_id");
        assert_eq!(snake("primary_keys"), "primary_keys");
        assert_eq!(snake("jsonSchema"), "json_schema");
    }

    #[test]
    fn invalid_json_points_at_serde_position() {
        let registry = Registry::builtin();
        let text = "{\n  \"name\": \"t\",\n  \"connector\": kafka\n}";
        let out = compile_request(text, &Env::new(&registry));
        let d = &out.diagnostics[0];
        assert_eq!(d.code, codes::INVALID_REQUEST);
        assert_eq!(&text[d.span.start..d.span.end], "k");
        assert!(d
            .message
            .starts_with("the request is not valid JSON: expected value"));
    }

    #[test]
    fn missing_name_and_connector_both_reported() {
        let msgs: Vec<String> = lower("{}").1.into_iter().map(|d| d.message).collect();
        assert_eq!(
            msgs,
            [
                "the request has no `name`",
                "the request has no `connector`"
            ]
        );
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let (_, diags, _) = lower(r#"{"name": "t", "connector": "kafka", "shema": {}}"#);
        assert_eq!(diags[0].message, "unknown key `shema` in the request");
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `schema`?"));
    }

    #[test]
    fn camel_case_request_keys() {
        assert_eq!(
            options(r#"{"name": "t", "connector": "kafka", "connectionProfileId": "cp_local"}"#),
            ["connector = 'kafka'", "connection_profile = 'cp_local'"]
        );
    }

    #[test]
    fn config_values_keep_their_json_kind() {
        assert_eq!(
            options(
                r#"{"name": "t", "connector": "x", "config": {"a": "s", "b": 5, "c": true, "d": ["x", 1], "e": 1.5e3}}"#
            ),
            [
                "connector = 'x'",
                "a = 's'",
                "b = 5",
                "c = true",
                "d = ['x', 1]",
                "e = 1.5e3"
            ]
        );
    }

    #[test]
    fn format_as_string() {
        assert_eq!(
            options(&with_schema(r#"{"format": "json"}"#))[1],
            "format = 'json'"
        );
    }

    #[test]
    fn format_externally_tagged_with_camel_case_options() {
        assert_eq!(
            options(&with_schema(
                r#"{"format": {"json": {"timestampFormat": "unix_millis", "schemaId": null}}}"#
            ))[1..],
            ["format = 'json'", "json.timestamp_format = 'unix_millis'"]
        );
    }

    #[test]
    fn format_debezium_flag() {
        assert_eq!(
            options(&with_schema(r#"{"format": {"json": {"debezium": true}}}"#))[1..],
            ["format = 'debezium_json'"]
        );
    }

    #[test]
    fn format_own_output_shape() {
        assert_eq!(
            options(&with_schema(
                r#"{"format": {"type": "protobuf", "message_name": "a.B", "length_delimited": false}}"#
            ))[1..],
            [
                "format = 'protobuf'",
                "protobuf.message_name = 'a.B'",
                "protobuf.length_delimited = false"
            ]
        );
    }

    #[test]
    fn definition_forms() {
        for d in [
            r#"{"json_schema": {"schema": "{}"}}"#,
            r#"{"jsonSchema": {"schema": "{}"}}"#,
            r#"{"type": "json_schema", "schema": "{}"}"#,
            r#"{"json_schema": {"schema": {}}}"#,
        ] {
            assert_eq!(
                options(&with_schema(&format!(r#"{{"definition": {d}}}"#)))[1..],
                ["json.schema = '{}'"],
                "{d}"
            );
        }
        assert_eq!(
            options(&with_schema(
                r#"{"definition": {"avroSchema": {"schema": "\"long\""}}}"#
            ))[1..],
            ["avro.schema = '\"long\"'"]
        );
    }

    #[test]
    fn pinned_definition_of_our_output() {
        let (def, diags, deps) = lower(&with_schema(
            r#"{"definition": {"kind": "protobuf", "origin": {"type": "inline"}, "text": "x", "fingerprint": "sha256:0", "imports": [{"name": "a.proto", "text": "y"}]}}"#,
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let opts: Vec<String> = def
            .and_then(|d| d.with)
            .map(|w| {
                w.options
                    .iter()
                    .map(|o| format!("{} = {}", o.key.node, o.value.node))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(opts[1..], ["protobuf.schema = 'x'"]);
        assert_eq!(deps.get("a.proto").map(String::as_str), Some("y"));
    }

    #[test]
    fn protobuf_dependencies_are_collected() {
        let (_, diags, deps) = lower(&with_schema(
            r#"{"definition": {"protobuf_schema": {"schema": "x", "dependencies": {"a.proto": "y"}}}}"#,
        ));
        assert!(diags.is_empty());
        assert_eq!(deps.get("a.proto").map(String::as_str), Some("y"));
    }

    #[test]
    fn dependencies_answer_before_the_resolver() {
        let deps = BTreeMap::from([("a.proto".to_string(), "from request".to_string())]);
        let mut files = BTreeMap::new();
        files.insert("a.proto".to_string(), "from resolver".to_string());
        files.insert("b.proto".to_string(), "b".to_string());
        let inner = crate::schema::definition::MemorySchemas {
            files,
            subjects: BTreeMap::new(),
        };
        let r = WithDependencies {
            dependencies: &deps,
            inner: &inner,
        };
        assert_eq!(r.file("a.proto"), Ok("from request".to_string()));
        assert_eq!(r.file("b.proto"), Ok("b".to_string()));
        assert_eq!(r.file("c.proto"), Err(ResolveError::NotFound));
    }

    #[test]
    fn bad_data_forms() {
        for b in [r#""drop""#, r#"{"behavior": "drop"}"#, r#"{"drop": {}}"#] {
            assert_eq!(
                options(&with_schema(&format!(r#"{{"bad_data": {b}}}"#)))[1..],
                ["bad_data = 'drop'"],
                "{b}"
            );
        }
    }

    #[test]
    fn framing_forms() {
        for f in [
            r#"{"method": "newline", "max_line_length": 10}"#,
            r#"{"method": {"newline": {"maxLineLength": 10}}}"#,
        ] {
            assert_eq!(
                options(&with_schema(&format!(r#"{{"framing": {f}}}"#)))[1..],
                ["framing = 'newline'", "framing.newline.max_length = 10"],
                "{f}"
            );
        }
    }

    #[test]
    fn source_field_primitive_types() {
        let rows = [
            ("int32", DataType::Int32),
            ("int64", DataType::Int64),
            ("uint32", DataType::UInt32),
            ("uint64", DataType::UInt64),
            ("float32", DataType::Float32),
            ("f32", DataType::Float32),
            ("float64", DataType::Float64),
            ("f64", DataType::Float64),
            ("bool", DataType::Boolean),
            ("string", DataType::Utf8),
            ("utf8", DataType::Utf8),
            ("bytes", DataType::Binary),
            ("binary", DataType::Binary),
        ];
        for (name, dt) in rows {
            let f = field(&format!(r#"{{"name": "a", "type": "{name}"}}"#));
            assert_eq!(f.data_type(), &dt, "{name}");
        }
    }

    #[test]
    fn source_field_json_has_the_marker() {
        let f = field(r#"{"name": "a", "type": "json"}"#);
        assert_eq!(f.data_type(), &DataType::Utf8);
        assert_eq!(
            f.metadata().get(JSON_EXTENSION_KEY).map(String::as_str),
            Some(JSON_EXTENSION_NAME)
        );
    }

    #[test]
    fn source_field_decimal() {
        let f = field(r#"{"name": "a", "type": "decimal128", "precision": 10, "scale": 2}"#);
        assert_eq!(f.data_type(), &DataType::Decimal128(10, 2));
    }

    #[test]
    fn source_field_timestamp_units() {
        let rows = [
            (None, TimeUnit::Millisecond),
            (Some("s"), TimeUnit::Second),
            (Some("second"), TimeUnit::Second),
            (Some("ms"), TimeUnit::Millisecond),
            (Some("us"), TimeUnit::Microsecond),
            (Some("µs"), TimeUnit::Microsecond),
            (Some("microsecond"), TimeUnit::Microsecond),
            (Some("ns"), TimeUnit::Nanosecond),
            (Some("nanosecond"), TimeUnit::Nanosecond),
        ];
        for (unit, want) in rows {
            let unit = unit
                .map(|u| format!(r#", "unit": "{u}""#))
                .unwrap_or_default();
            let f = field(&format!(r#"{{"name": "a", "type": "timestamp"{unit}}}"#));
            assert_eq!(f.data_type(), &DataType::Timestamp(want, None), "{unit}");
        }
    }

    #[test]
    fn source_field_nested_type_object() {
        let f = field(r#"{"name": "a", "type": {"type": "timestamp", "unit": "ns"}}"#);
        assert_eq!(
            f.data_type(),
            &DataType::Timestamp(TimeUnit::Nanosecond, None)
        );
    }

    #[test]
    fn source_field_struct_and_list() {
        let f = field(
            r#"{"name": "a", "type": "struct", "fields": [{"name": "x", "type": "int64", "required": true}, {"name": "y", "type": "list", "items": {"type": "json"}}]}"#,
        );
        let item = Field::new("item", DataType::Utf8, true).with_metadata(json_metadata());
        let want = DataType::Struct(Fields::from(vec![
            Field::new("x", DataType::Int64, false),
            Field::new("y", DataType::List(Arc::new(item)), true),
        ]));
        assert_eq!(f.data_type(), &want);
    }

    #[test]
    fn source_field_list_of_type_name() {
        let f = field(r#"{"name": "a", "type": "list", "items": "int32"}"#);
        assert_eq!(
            f.data_type(),
            &DataType::List(Arc::new(Field::new("item", DataType::Int32, true)))
        );
    }

    #[test]
    fn source_field_nullability() {
        assert!(!field(r#"{"name": "a", "type": "bool", "required": true}"#).is_nullable());
        assert!(!field(r#"{"name": "a", "type": "bool", "nullable": false}"#).is_nullable());
        assert!(field(r#"{"name": "a", "type": "bool"}"#).is_nullable());
        assert_eq!(
            codes_of(&with_schema(
                r#"{"fields": [{"name": "a", "type": "bool", "required": true, "nullable": true}]}"#
            )),
            ["request::invalid"]
        );
    }

    #[test]
    fn source_field_metadata_key() {
        let (def, _, _) = lower(&with_schema(
            r#"{"fields": [{"name": "a", "type": "int64", "metadata_key": "offset_id"}]}"#,
        ));
        let col = def.and_then(|d| d.column_list().first().cloned());
        assert!(
            matches!(col.map(|c| c.kind), Some(ColumnKind::Metadata { key, .. }) if key.node == "offset_id")
        );
    }

    #[test]
    fn source_field_errors() {
        let f = |f: &str| codes_of(&with_schema(&format!(r#"{{"fields": [{f}]}}"#)));
        assert_eq!(f(r#"{"name": "a", "type": "int46"}"#), ["type::unknown"]);
        assert_eq!(
            f(r#"{"name": "a", "type": "decimal128", "precision": 39, "scale": 0}"#),
            ["type::decimal_range"]
        );
        assert_eq!(
            f(r#"{"name": "a", "type": "decimal128", "precision": 5, "scale": 6}"#),
            ["type::decimal_range"]
        );
        assert_eq!(
            f(r#"{"name": "a", "type": "timestamp", "unit": "h"}"#),
            ["type::precision"]
        );
        assert_eq!(f(r#"{"name": "a", "type": "list"}"#), ["request::invalid"]);
        assert_eq!(f(r#"{"type": "int64"}"#), ["request::invalid"]);
    }

    #[test]
    fn deep_source_field_is_a_limit_diagnostic() {
        let mut t = r#""int64""#.to_string();
        for _ in 0..40 {
            t = format!(r#"{{"type": "list", "items": {{"type": {t}}}}}"#);
        }
        let codes = codes_of(&with_schema(&format!(
            r#"{{"fields": [{{"name": "a", "type": {t}}}]}}"#
        )));
        assert!(codes.contains(&"limit::nesting"), "{codes:?}");
    }

    #[test]
    fn arrow_field_defaults_and_marker() {
        let (def, diags, _) = lower(&with_schema(
            r#"{"fields": [{"name": "a", "data_type": "Utf8", "metadata": {"ARROW:extension:name": "arroyo.json"}}]}"#,
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let col = def.and_then(|d| d.column_list().first().cloned());
        let ty = col.and_then(|c| c.ty);
        assert!(ty.is_some_and(|t| t.json && t.data_type == DataType::Utf8));
    }

    #[test]
    fn not_carried_types() {
        assert_eq!(first_not_carried(&DataType::Int64, 0), None);
        assert_eq!(
            first_not_carried(&DataType::Int16, 0).map(|(_, i)| i),
            Some("INT")
        );
        assert_eq!(
            first_not_carried(&DataType::UInt8, 0).map(|(_, i)| i),
            Some("INT UNSIGNED")
        );
        assert_eq!(
            first_not_carried(&DataType::Date32, 0).map(|(_, i)| i),
            Some("TIMESTAMP")
        );
        let list = DataType::List(Arc::new(Field::new("item", DataType::Int8, true)));
        assert_eq!(first_not_carried(&list, 0).map(|(_, i)| i), Some("INT"));
    }

    #[test]
    fn watermark_expression_spans_point_into_the_json_string() {
        let text = with_schema(
            r#"{"watermark": {"column": "ts", "expression": "ts - INTERVAL '1' SECOND"}}"#,
        );
        let (def, diags, _) = lower(&text);
        assert!(diags.is_empty(), "{diags:?}");
        let wm = def.and_then(|d| d.watermarks.first().cloned());
        let wm = wm.unwrap_or_else(|| panic!("no watermark"));
        assert_eq!(&text[wm.column.span.start..wm.column.span.end], "\"ts\"");
        let expr = wm.expr.unwrap_or_else(|| panic!("no expression"));
        assert_eq!(expr.text, "ts - INTERVAL '1' SECOND");
        assert_eq!(
            &text[expr.span.start..expr.span.end],
            "ts - INTERVAL '1' SECOND"
        );
        let col = &expr.columns[0].name;
        assert_eq!(&text[col.span.start..col.span.end], "ts");
    }

    #[test]
    fn watermark_without_expression() {
        let (def, diags, _) = lower(&with_schema(r#"{"watermark": {"column": "ts"}}"#));
        assert!(diags.is_empty(), "{diags:?}");
        let wm = def.and_then(|d| d.watermarks.first().cloned());
        assert!(wm.is_some_and(|w| w.column.node == "ts" && w.expr.is_none()));
    }

    #[test]
    fn watermark_must_be_one_expression() {
        assert_eq!(
            codes_of(&with_schema(
                r#"{"watermark": {"column": "ts", "expression": "ts) WITH (a = 'b'"}}"#
            )),
            ["parse::syntax"]
        );
    }

    #[test]
    fn secret_spans_exclude_the_quotes() {
        let registry = Registry::builtin();
        let text = r#"{"name": "t", "connector": "kafka", "config": {"bootstrap_servers": "b:9092", "auth.type": "sasl", "auth.mechanism": "PLAIN", "auth.protocol": "SASL_SSL", "auth.username": "u", "auth.password": "hunter2", "topic": "t", "type": "source"}, "schema": {"format": "json"}}"#;
        let out = compile_request(text, &Env::new(&registry));
        let shown: Vec<&str> = out
            .secret_spans
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert!(shown.contains(&"hunter2"), "{shown:?}");
    }
}
