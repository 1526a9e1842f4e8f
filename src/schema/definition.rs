//! Schema definitions in the DDL: inline (`avro.schema = '…'`), by file
//! (`avro.schema_file = 'x.avsc'`) or from a registry subject, expanded into Arrow fields
//! and pinned into the compiled table.
//!
//! The crate does no I/O: files and subjects come through a [`SchemaResolver`] the
//! embedder implements (`ddlc --schemas DIR` implements it over a directory). The text
//! that was resolved, and its SHA-256, are kept in the [`SchemaDefinition`], so the
//! compiled table never needs the resolver again.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::options::OptionSpec;

/// `avro.schema`.
pub const AVRO_SCHEMA: OptionSpec =
    OptionSpec::string("avro.schema").doc("An Avro schema (JSON text) that defines the columns.");
/// `avro.schema_file`.
pub const AVRO_SCHEMA_FILE: OptionSpec = OptionSpec::string("avro.schema_file")
    .doc("A `.avsc` file, resolved by the schema resolver, that defines the columns.");
/// `json.schema`.
pub const JSON_SCHEMA: OptionSpec =
    OptionSpec::string("json.schema").doc("A JSON Schema (JSON text) that defines the columns.");
/// `json.schema_file`.
pub const JSON_SCHEMA_FILE: OptionSpec = OptionSpec::string("json.schema_file")
    .doc("A JSON Schema file, resolved by the schema resolver, that defines the columns.");
/// `protobuf.schema`.
pub const PROTO_SCHEMA: OptionSpec = OptionSpec::string("protobuf.schema")
    .doc("`.proto` text that defines the message; imports come from the schema resolver.");
/// `protobuf.schema_file`.
pub const PROTO_SCHEMA_FILE: OptionSpec = OptionSpec::string("protobuf.schema_file")
    .doc("A `.proto` file, resolved by the schema resolver, that defines the message.");

/// The kind of schema a definition is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SchemaKind {
    /// Avro (`.avsc`).
    Avro,
    /// JSON Schema.
    JsonSchema,
    /// Protobuf (`.proto`).
    Protobuf,
}

impl SchemaKind {
    /// The file extension a registry subject is stored under in `ddlc --schemas DIR`.
    pub fn extension(self) -> &'static str {
        match self {
            SchemaKind::Avro => "avsc",
            SchemaKind::JsonSchema => "json",
            SchemaKind::Protobuf => "proto",
        }
    }
}

/// Resolves schema files and registry subjects. The embedder implements it; the crate
/// itself reads nothing.
pub trait SchemaResolver {
    /// The text of a schema file (`<format>.schema_file`, or a protobuf import).
    /// `Ok(None)` when there is no such file; `Err` for a failure worth reporting.
    fn file(&self, path: &str) -> Result<Option<String>, String>;

    /// The latest schema registered under `subject`, for a format.
    fn subject(&self, subject: &str, kind: SchemaKind) -> Result<Option<String>, String>;
}

/// A resolver that knows no schemas.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSchemas;

impl SchemaResolver for NoSchemas {
    fn file(&self, _path: &str) -> Result<Option<String>, String> {
        Ok(None)
    }

    fn subject(&self, _subject: &str, _kind: SchemaKind) -> Result<Option<String>, String> {
        Ok(None)
    }
}

/// An in-memory resolver: file name → text, subject → text.
#[derive(Clone, Debug, Default)]
pub struct MemorySchemas {
    /// Files by path.
    pub files: std::collections::BTreeMap<String, String>,
    /// Subjects by name.
    pub subjects: std::collections::BTreeMap<String, String>,
}

impl SchemaResolver for MemorySchemas {
    fn file(&self, path: &str) -> Result<Option<String>, String> {
        Ok(self.files.get(path).cloned())
    }

    fn subject(&self, subject: &str, _kind: SchemaKind) -> Result<Option<String>, String> {
        Ok(self.subjects.get(subject).cloned())
    }
}

/// Where a schema definition came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SchemaOrigin {
    /// Written in the DDL.
    Inline,
    /// A file, by path.
    File {
        /// The path as written.
        path: String,
    },
    /// A registry subject.
    Subject {
        /// The subject.
        subject: String,
    },
}

/// A schema definition, pinned into the compiled table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SchemaDefinition {
    /// Avro, JSON Schema or Protobuf.
    pub kind: SchemaKind,
    /// Where it came from.
    pub origin: SchemaOrigin,
    /// The schema text.
    pub text: String,
    /// `sha256:<hex>` of the text (for protobuf, of the text and every import).
    pub fingerprint: String,
    /// The protobuf message the columns come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_name: Option<String>,
    /// Protobuf imports that were resolved, with their text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<PinnedFile>,
}

/// A file pinned with a definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PinnedFile {
    /// The import path.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// `sha256:<hex>` of several texts, each length-prefixed so boundaries count.
pub fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for t in texts {
        h.update((t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    }
    let digest = h.finalize();
    let mut out = String::from("sha256:");
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
