//! Connection schemas: the Arrow fields of a table with their format, framing, bad-data
//! policy, metadata and generated columns, primary keys and watermark; and the expansion
//! of Avro, Protobuf and JSON Schema definitions into Arrow fields.

pub mod avro;
pub mod definition;
pub mod expand;
pub mod format;
pub mod json_schema;
pub mod protobuf;

use arrow_schema::Field;
use serde::Serialize;

pub use format::{BadData, Format, Framing};

/// The schema of a connection table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConnectionSchema {
    /// Every column, physical, metadata and generated alike, as Arrow fields.
    pub fields: Vec<Field>,
    /// The format and its options.
    pub format: Option<Format>,
    /// Message framing.
    pub framing: Option<Framing>,
    /// Bad-data policy.
    pub bad_data: Option<BadData>,
    /// Primary key columns, in key order.
    pub primary_keys: Vec<String>,
    /// The watermark, if declared.
    pub watermark: Option<Watermark>,
    /// Columns filled from connector metadata.
    pub metadata_fields: Vec<MetadataField>,
    /// Columns computed from other columns.
    pub generated_fields: Vec<GeneratedField>,
    /// No columns were declared: a sink's fields come from its query.
    pub inferred: bool,
    /// The schema definition the fields were expanded from (or checked against), pinned.
    pub definition: Option<definition::SchemaDefinition>,
}

impl ConnectionSchema {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name() == name)
    }

    /// Fields that come from the payload (neither metadata nor generated).
    pub fn physical_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| {
            !self.metadata_fields.iter().any(|m| m.field == *f.name())
                && !self.generated_fields.iter().any(|g| g.field == *f.name())
        })
    }
}

/// `WATERMARK FOR column [AS expression]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Watermark {
    /// The event-time column.
    pub column: String,
    /// The watermark expression as written, if any (otherwise the watermark is the event time).
    pub expression: Option<String>,
}

/// A metadata column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetadataField {
    /// The column.
    pub field: String,
    /// The connector's metadata key.
    pub key: String,
}

/// A generated column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GeneratedField {
    /// The column.
    pub field: String,
    /// The expression as written.
    pub expression: String,
    /// `STORED` was written.
    pub stored: bool,
}
