//! The lowering's state and helpers, and the request's top level: `name`, `connector`,
//! `connection_profile_id` and `config`.

use std::collections::BTreeMap;

use crate::diagnostics::{codes, Code, Diagnostic};
use crate::json::{Json, Value as JsonValue};
use crate::options::grammar::did_you_mean;
use crate::options::Value;
use crate::parse::{ColumnDef, PrimaryKeyDef, TableDef, WatermarkDef, WithClause, WithOption};
use crate::span::{Span, Spanned};

/// The keys a request may have (snake_case; camelCase spellings are accepted too).
const REQUEST_KEYS: &[&str] = &[
    "name",
    "connector",
    "connection_profile_id",
    "config",
    "schema",
    "temporary",
    "partitioned_by",
];

/// A value of the request, with the span of the key it sits under (detached for array
/// items and the root). A view over [`Json`] that the lowering copies freely.
#[derive(Clone, Copy, Debug)]
pub(super) struct Node<'a> {
    /// The key's span, quotes included.
    pub key: Span,
    /// The value's span (quotes included for strings).
    pub span: Span,
    /// The value.
    pub json: &'a Json<'a>,
}

/// What a [`Node`] contains.
pub(super) enum Kids<'a> {
    /// A scalar.
    Leaf,
    /// Members in document order, duplicates included, keys decoded.
    Object(Vec<(String, Node<'a>)>),
    /// Items in order.
    Array(Vec<Node<'a>>),
}

impl<'a> Node<'a> {
    /// The root of a request.
    pub(super) fn root(json: &'a Json<'a>) -> Self {
        Node::new(Span::DETACHED, json)
    }

    pub(super) fn new(key: Span, json: &'a Json<'a>) -> Self {
        Node {
            key,
            span: json.span,
            json,
        }
    }

    pub(super) fn kids(&self) -> Kids<'a> {
        match &self.json.value {
            JsonValue::Object(members) => Kids::Object(
                members
                    .iter()
                    .map(|m| (m.key.to_string(), Node::new(m.key_span, &m.value)))
                    .collect(),
            ),
            JsonValue::Array(items) => {
                Kids::Array(items.iter().map(|i| Node::new(Span::DETACHED, i)).collect())
            }
            _ => Kids::Leaf,
        }
    }

    pub(super) fn members(&self) -> Option<Vec<(String, Node<'a>)>> {
        match self.kids() {
            Kids::Object(m) => Some(m),
            _ => None,
        }
    }
}

/// `camelCase` → `snake_case`; snake_case keys are unchanged.
pub(super) fn snake(key: &str) -> String {
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

/// The state of one lowering: the request text, what was reported and what was built.
pub(super) struct Lowerer<'a> {
    pub text: &'a str,
    pub diags: Vec<Diagnostic>,
    pub options: Vec<WithOption>,
    /// Protobuf `dependencies`: import path → `.proto` text.
    pub dependencies: BTreeMap<String, String>,
    /// Registry subject → schema text, pinned by a stored definition (`restore.rs`).
    pub subjects: BTreeMap<String, String>,
    /// The table name, once read.
    pub table_name: Option<String>,
    /// `config` is not an object: compiling would only report every option as missing.
    pub config_broken: bool,
    /// `schema.format` is malformed (reported): a missing format is not news.
    pub format_broken: bool,
    /// The option an Arroyo-shaped `config` should have decided but could not (reported):
    /// that it is missing is not news.
    pub undecided: Option<&'static str>,
    /// `PARTITIONED BY`, from an Arroyo-shaped iceberg `config`.
    pub partitioned_by: Option<Spanned<Vec<crate::parse::SqlExpr>>>,
}

impl<'a> Lowerer<'a> {
    /// A lowering of the request `text`, before anything was read.
    pub(super) fn new(text: &'a str) -> Self {
        Lowerer {
            text,
            diags: Vec::new(),
            options: Vec::new(),
            dependencies: BTreeMap::new(),
            subjects: BTreeMap::new(),
            table_name: None,
            config_broken: false,
            format_broken: false,
            undecided: None,
            partitioned_by: None,
        }
    }
}

/// What `schema` lowers to besides options: columns, primary key, watermark.
pub(super) type LoweredSchema = (
    Option<Spanned<Vec<ColumnDef>>>,
    Vec<PrimaryKeyDef>,
    Vec<WatermarkDef>,
);

/// The diagnostic just reported, to add a help or a label to.
pub(super) struct Reported<'a>(Option<&'a mut Diagnostic>);

impl Reported<'_> {
    pub(super) fn help(self, help: impl Into<String>) {
        if let Some(d) = self.0 {
            d.help = Some(help.into());
        }
    }

    pub(super) fn label(self, span: Span, message: &str) {
        if let Some(d) = self.0 {
            d.labels.push(crate::diagnostics::Label {
                span,
                message: message.into(),
            });
        }
    }
}

/// The value of a JSON node, for the checks that need one.
pub(super) enum Scalar {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Other(&'static str),
}

impl Lowerer<'_> {
    pub(super) fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub(super) fn scalar(&self, node: &Node) -> Scalar {
        match &node.json.value {
            JsonValue::Null => Scalar::Null,
            JsonValue::Bool(b) => Scalar::Bool(*b),
            JsonValue::Number(n) => Scalar::Number((*n).to_string()),
            JsonValue::String(s) => Scalar::String(s.to_string()),
            other => Scalar::Other(if matches!(other, JsonValue::Array(_)) {
                "an array"
            } else {
                "an object"
            }),
        }
    }

    pub(super) fn error(
        &mut self,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> Reported<'_> {
        self.diags.push(Diagnostic::error(code, span, message));
        Reported(self.diags.last_mut())
    }

    pub(super) fn invalid(&mut self, span: Span, message: impl Into<String>) -> Reported<'_> {
        self.error(codes::INVALID_REQUEST, span, message)
    }

    /// The items of `node`, an array; else `None`, with "`what` must be an array" reported
    /// under `code`.
    pub(super) fn items<'n>(
        &mut self,
        node: &Node<'n>,
        what: &str,
        code: Code,
    ) -> Option<Vec<Node<'n>>> {
        match node.kids() {
            Kids::Array(items) => Some(items),
            _ => {
                let found = kind_of(&self.scalar(node));
                self.error(
                    code,
                    node.span,
                    format!("{what} must be an array, found {found}"),
                );
                None
            }
        }
    }

    /// The span of an object's opening brace, where a missing key is reported.
    pub(super) fn brace(node: &Node) -> Span {
        Span::new(node.span.start, node.span.start.saturating_add(1))
    }

    /// A string value, or a diagnostic saying `what` must be a string.
    pub(super) fn string(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
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
    pub(super) fn members<'n>(
        &mut self,
        node: &Node<'n>,
        what: &str,
        keys: &[&str],
    ) -> Option<Vec<(String, Node<'n>)>> {
        let Some(members) = node.members() else {
            let found = kind_of(&self.scalar(node));
            self.invalid(
                node.span,
                format!("{what} must be an object, found {found}"),
            );
            return None;
        };
        let mut out: Vec<(String, Node<'n>)> = Vec::new();
        for (key, value) in members {
            let k = snake(&key);
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

    pub(super) fn push_option(&mut self, key: &str, key_span: Span, value: Spanned<Value>) {
        self.options.push(WithOption {
            key: Spanned::new(key.to_string(), key_span),
            value,
        });
    }

    /// The option value of a JSON node: scalars, arrays of them, and any other JSON as
    /// its text (which the option grammar then rejects with the right message).
    pub(super) fn option_value(&self, node: &Node) -> Spanned<Value> {
        let v = match node.kids() {
            Kids::Array(items) => {
                Value::Array(items.iter().map(|i| self.option_value(i)).collect())
            }
            // A stored table's tagged SQL value (`restore.rs`), else the object's text.
            Kids::Object(_) => self
                .tagged_value(node)
                .unwrap_or_else(|| Value::Expr(self.slice(node.span).to_string())),
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

    pub(super) fn request(&mut self, root: &Node) -> Option<TableDef> {
        let members = self.members(root, "the request", REQUEST_KEYS)?;
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let name = match get("name") {
            Some(n) => {
                let s = self.string(&n, "name");
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
            Some(n) => self.string(&n, "connector").map(|c| (n.key, c)),
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
            match self.scalar(&p) {
                Scalar::Null => {}
                _ => {
                    if let Some(s) = self.string(&p, "connection_profile_id") {
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
            let connector = connector.as_ref().map(|(_, c)| c.node.as_str());
            self.config(&config, connector);
        }
        let mut columns = None;
        let mut primary_keys = Vec::new();
        let mut watermarks = Vec::new();
        if let Some(schema) = get("schema") {
            if !matches!(self.scalar(&schema), Scalar::Null) {
                let (cols, pk, wm) = self.schema(&schema);
                columns = cols;
                primary_keys = pk;
                watermarks = wm;
            }
        }
        let temporary = get("temporary").and_then(|n| self.temporary(&n));
        let partitioned_by = get("partitioned_by").and_then(|n| self.partitioned_by(&n));
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
            temporary: temporary.is_some(),
            temporary_span: temporary.unwrap_or(Span::DETACHED),
            if_not_exists: false,
            or_replace: false,
            columns,
            primary_keys,
            watermarks,
            // The request's own `partitioned_by` (the stored form) or, from an
            // Arroyo-shaped iceberg config, its partition fields.
            partitioned_by: partitioned_by.or_else(|| self.partitioned_by.take()),
            with: Some(WithClause {
                span: with_span,
                options: std::mem::take(&mut self.options),
            }),
        })
    }

    pub(super) fn config(&mut self, node: &Node, connector: Option<&str>) {
        if matches!(self.scalar(node), Scalar::Null) {
            return;
        }
        // Arroyo's own table-config shape is read through the connector's map.
        if let Some(shape) = connector.and_then(|c| super::arroyo::arroyo_shape(c, node)) {
            self.arroyo_config(shape, node);
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
            let v = self.option_value(&value);
            self.push_option(&key, value.key, v);
        }
    }
}

/// What a scalar is, for messages ("a string", "an object", …).
pub(super) fn kind_of(s: &Scalar) -> &'static str {
    match s {
        Scalar::Null => "null",
        Scalar::Bool(_) => "a boolean",
        Scalar::Number(_) => "a number",
        Scalar::String(_) => "a string",
        Scalar::Other(k) => k,
    }
}

pub(super) fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
