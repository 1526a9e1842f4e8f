//! The shared shape of schema expansion: what the Avro, Protobuf and JSON Schema
//! expanders produce, and the conventions they follow so that their Arrow fields agree.
//!
//! Conventions (every expander follows them; `docs/type-mapping.md` lists the full tables):
//! - a list is `List(Field "item")`; the item's nullability comes from the source schema;
//! - a map is `Map(Field "entries" Struct("key" non-null, "value"), unsorted)`;
//! - timestamps are `Timestamp(unit, None)` (instants in UTC, as Arroyo treats them);
//! - a value with no Arrow equivalent is a JSON column: `Utf8` with the field metadata
//!   [`JSON_EXTENSION_KEY`] = [`JSON_EXTENSION_NAME`], and a [`SchemaNote`] saying why;
//! - recursion is cut at the point where a type refers back to itself (that field becomes
//!   JSON) and nesting deeper than [`MAX_NESTING`] is an error, so no input can overflow
//!   the stack.

use std::collections::HashMap;

use arrow_schema::{DataType, Field};

use crate::diagnostics::Code;
use crate::span::Span;

/// How deep schema types may nest before expansion stops with `limit::nesting`.
pub const MAX_NESTING: usize = 64;

/// Arrow field metadata key that marks an extension type.
pub const JSON_EXTENSION_KEY: &str = "ARROW:extension:name";
/// Extension name of a JSON column (the same marker Arroyo uses).
pub const JSON_EXTENSION_NAME: &str = "arroyo.json";

/// A `Utf8` field marked as JSON.
pub(crate) fn json_field(name: impl Into<String>, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable).with_metadata(HashMap::from([(
        JSON_EXTENSION_KEY.to_string(),
        JSON_EXTENSION_NAME.to_string(),
    )]))
}

/// Whether `field` carries the JSON marker.
pub(crate) fn is_json(field: &Field) -> bool {
    field
        .metadata()
        .get(JSON_EXTENSION_KEY)
        .is_some_and(|v| v == JSON_EXTENSION_NAME)
}

/// The Arrow fields a schema definition expands into, and what was lost on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    /// Top-level fields, in schema order.
    pub fields: Vec<Field>,
    /// Lossy or surprising conversions (reported as warnings).
    pub notes: Vec<SchemaNote>,
}

/// A lossy or surprising conversion, reported as a warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaNote {
    /// `schema::lossy` or `schema::recursive`.
    pub code: Code,
    /// Dotted path of the field concerned, e.g. `address.lines[]`.
    pub path: String,
    /// What happened, naming the field, e.g. "field `payload`: union of `int` and `string` becomes JSON".
    pub message: String,
}

/// Why a schema could not be expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// `schema::invalid`, `schema::unsupported`, `schema::not_found` or `limit::nesting`.
    pub code: Code,
    /// What is wrong, lowercase, naming the schema element.
    pub message: String,
    /// How to fix it (e.g. the list of messages that exist), if known.
    pub help: Option<String>,
    /// Where in the schema text the error is, from expanders that read the text with
    /// positions (JSON Schema): `Some(DETACHED)` means the schema as a whole. `None` when
    /// the expander does not know.
    pub span: Option<Span>,
}

impl SchemaError {
    /// An error with `code` and `message`.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Self {
        SchemaError {
            code,
            message: message.into(),
            help: None,
            span: None,
        }
    }

    /// Places the error at `span` in the schema text.
    pub(crate) fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a help text.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
