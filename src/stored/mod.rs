//! The storage form of a table: what a catalogue keeps so it can build the table again
//! later without the SQL (Arroyo stores each created table and reads it back through
//! `TryInto<ConnectionTable> for DbConnectionTable`; this is our equivalent).
//!
//! A [`StoredTable`] is a JSON create-table request, the same JSON
//! [`compile_request`](crate::compile_request) reads, holding everything the table was
//! built from:
//! - `name`, `connector`, and the profile by reference (`connection_profile_id`, never
//!   inlined);
//! - `config`: the flat option map as written. Secrets are kept as written, `{{ VAR }}`
//!   placeholders stay placeholders, and no default is filled in. SQL values JSON has no
//!   literal for are tagged objects: `{"interval": "10", "unit": "SECOND"}`,
//!   `{"ident": "ts"}`, `{"expr": "…"}`, and `{"number": ".5"}` for a number whose
//!   spelling JSON would not keep;
//! - `temporary` and `partitioned_by` (expression texts), when set;
//! - `schema`: the declared columns as Arrow fields (with `metadata_fields` and
//!   `generated_fields` saying which are metadata and generated columns: expression text,
//!   stored or virtual), the primary key, the watermark (column and expression text), and
//!   the schema definition pinned as text with its fingerprint. An inline definition moves
//!   from `config` into the pin; a file or registry subject stays referenced in `config`
//!   and the pin answers for it on restore, so no schema resolver is needed.
//!
//! Memory tables are stored too, as `"connector": "memory"` with their fields and key.
//!
//! [`restore`] (and [`restore_json`]) compiles stored tables through the same code as a
//! request, leniently: an option the current registry no longer knows is a warning
//! (`stored::unknown_option`) and the table still compiles, so an upgrade never bricks a
//! catalogue; an unknown connector, or pinned text that no longer matches its fingerprint
//! (`stored::fingerprint_mismatch`), is an error.
//!
//! ```
//! use connector_ddl::{compile_sql, stored, Env, Registry};
//!
//! let registry = Registry::builtin();
//! let env = Env::new(&registry);
//! let sql = "CREATE TABLE t (id BIGINT NOT NULL) WITH (connector = 'kafka',
//!     bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json')";
//! let compiled = compile_sql(sql, &env);
//! let kept: Vec<stored::StoredTable> = compiled.tables.iter().map(stored::to_stored).collect();
//! let json = serde_json::to_string(&kept)?;
//!
//! let restored = stored::restore_json(&json, &env);
//! assert!(restored.diagnostics.is_empty());
//! assert_eq!(restored.tables[0].name(), "t");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod options;

use std::fmt;

use arrow_schema::Field;
use serde::{Deserialize, Serialize};

use crate::compile::{Compiled, Connection, Env, MemoryTable, Table};
use crate::options::Value;
use crate::schema::definition::{SchemaDefinition, SchemaKind, SchemaOrigin};

use options::StoredOptions;

/// The connector name a memory table is stored under.
const MEMORY: &str = "memory";

/// A table in its storage form: a create-table request that builds the table again (see
/// the [module documentation](self)). Serializes both ways with serde.
///
/// It holds secret option values as written, for the embedder's catalogue to keep; its
/// `Debug` shows option keys only. [`to_stored_redacted`] gives a copy safe to show.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredTable {
    name: String,
    connector: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    connection_profile_id: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    temporary: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    partitioned_by: Vec<String>,
    #[serde(default, skip_serializing_if = "StoredOptions::is_empty")]
    config: StoredOptions,
    #[serde(default)]
    schema: StoredSchema,
}

impl StoredTable {
    /// The table name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The connector name (`memory` for a memory table).
    pub fn connector(&self) -> &str {
        &self.connector
    }
}

impl fmt::Debug for StoredTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredTable")
            .field("name", &self.name)
            .field("connector", &self.connector)
            .field("connection_profile_id", &self.connection_profile_id)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `schema` of a stored table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct StoredSchema {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fields: Vec<Field>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    primary_keys: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    metadata_fields: Vec<StoredMetadata>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    generated_fields: Vec<StoredGenerated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    watermark: Option<StoredWatermark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    definition: Option<StoredDefinition>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StoredMetadata {
    field: String,
    key: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StoredGenerated {
    field: String,
    expression: String,
    stored: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StoredWatermark {
    column: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expression: Option<String>,
}

/// A pinned schema definition, in the shape of [`SchemaDefinition`]'s JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StoredDefinition {
    kind: StoredKind,
    origin: StoredOrigin,
    text: String,
    fingerprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message_name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    imports: Vec<StoredImport>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StoredKind {
    Avro,
    JsonSchema,
    Protobuf,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum StoredOrigin {
    Inline,
    File { path: String },
    Subject { subject: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StoredImport {
    name: String,
    text: String,
}

/// The storage form of `table`, secrets as written: what a catalogue keeps.
///
/// ```
/// use connector_ddl::{compile_sql, stored, Env, Registry};
///
/// let registry = Registry::builtin();
/// let sql = "CREATE TABLE m (id BIGINT PRIMARY KEY)";
/// let compiled = compile_sql(sql, &Env::new(&registry));
/// let kept = stored::to_stored(&compiled.tables[0]);
/// assert_eq!(kept.connector(), "memory");
/// ```
pub fn to_stored(table: &Table) -> StoredTable {
    match table {
        Table::Connection(c) => from_connection(c, false).0,
        Table::Memory(m) => from_memory(m),
    }
}

/// The storage form of `table` with every secret value replaced by `********` (or its
/// `{{ VAR }}` placeholder), and how many values were masked: a copy safe to print. It
/// does not restore to the same table while any value is masked.
pub fn to_stored_redacted(table: &Table) -> (StoredTable, usize) {
    match table {
        Table::Connection(c) => from_connection(c, true),
        Table::Memory(m) => (from_memory(m), 0),
    }
}

/// Compiles stored tables again, leniently (see the [module documentation](self)).
/// Diagnostics point into the JSON array the tables serialize to.
pub fn restore(tables: &[StoredTable], env: &Env<'_>) -> Compiled {
    match serde_json::to_string_pretty(tables) {
        Ok(json) => restore_json(&json, env),
        // Serializing plain data to a string does not fail; say so if it ever did.
        Err(e) => restore_json(&format!("serialization failed: {e}"), env),
    }
}

/// Compiles a JSON array of stored tables (the output of `ddlc --output stored`) again,
/// leniently. Diagnostics point into `json_text`; JSON that does not parse, or is not an
/// array of objects, is `stored::invalid` at the place it goes wrong.
pub fn restore_json(json_text: &str, env: &Env<'_>) -> Compiled {
    crate::request::restore_stored(json_text, env)
}

fn from_memory(m: &MemoryTable) -> StoredTable {
    StoredTable {
        name: m.name.clone(),
        connector: MEMORY.into(),
        connection_profile_id: None,
        temporary: false,
        partitioned_by: Vec::new(),
        config: StoredOptions::default(),
        schema: StoredSchema {
            fields: m.fields.clone(),
            primary_keys: m.primary_keys.clone(),
            ..StoredSchema::default()
        },
    }
}

/// The stored form of a connection; with `redact`, the values the compiled table shows
/// redacted replace the written ones (and are counted).
fn from_connection(c: &Connection, redact: bool) -> (StoredTable, usize) {
    let definition = c.schema.definition.as_ref();
    // An inline definition is carried by the pin; files and subjects stay referenced.
    let inline_key = definition
        .filter(|d| d.origin == SchemaOrigin::Inline)
        .map(|d| match d.kind {
            SchemaKind::Avro => crate::schema::definition::AVRO_SCHEMA.key,
            SchemaKind::JsonSchema => crate::schema::definition::JSON_SCHEMA.key,
            SchemaKind::Protobuf => crate::schema::definition::PROTO_SCHEMA.key,
        });
    let mut masked = 0;
    let mut config = StoredOptions::default();
    let mut profile = None;
    for (i, (key, value)) in c.written.options.iter().enumerate() {
        let mut value = value.clone();
        if redact {
            // `options` is the same list, redacted.
            if let Some((_, shown)) = c.options.get(i).filter(|(k, _)| k == key) {
                if *shown != value {
                    masked += 1;
                    value = shown.clone();
                }
            }
        }
        if key == crate::compile::CONNECTION_PROFILE.key {
            if let Value::String(p) = &value {
                profile = Some(p.clone());
                continue;
            }
        }
        if Some(key.as_str()) == inline_key || key == crate::compile::CONNECTOR.key {
            continue;
        }
        config.set(key, value);
    }
    let s = &c.schema;
    let table = StoredTable {
        name: c.name.clone(),
        connector: c.connector.clone(),
        connection_profile_id: profile,
        temporary: c.temporary,
        partitioned_by: c.partitioned_by.clone(),
        config,
        schema: StoredSchema {
            fields: c.written.columns(&s.fields).to_vec(),
            primary_keys: s.primary_keys.clone(),
            metadata_fields: s
                .metadata_fields
                .iter()
                .map(|m| StoredMetadata {
                    field: m.field.clone(),
                    key: m.key.clone(),
                })
                .collect(),
            generated_fields: s
                .generated_fields
                .iter()
                .map(|g| StoredGenerated {
                    field: g.field.clone(),
                    expression: g.expression.clone(),
                    stored: g.stored,
                })
                .collect(),
            watermark: s.watermark.as_ref().map(|w| StoredWatermark {
                column: w.column.clone(),
                expression: w.expression.clone(),
            }),
            definition: definition.map(pin),
        },
    };
    (table, masked)
}

fn pin(d: &SchemaDefinition) -> StoredDefinition {
    StoredDefinition {
        kind: match d.kind {
            SchemaKind::Avro => StoredKind::Avro,
            SchemaKind::JsonSchema => StoredKind::JsonSchema,
            SchemaKind::Protobuf => StoredKind::Protobuf,
        },
        origin: match &d.origin {
            SchemaOrigin::Inline => StoredOrigin::Inline,
            SchemaOrigin::File { path } => StoredOrigin::File { path: path.clone() },
            SchemaOrigin::Subject { subject } => StoredOrigin::Subject {
                subject: subject.clone(),
            },
        },
        text: d.text.clone(),
        fingerprint: d.fingerprint.clone(),
        message_name: d.message_name.clone(),
        imports: d
            .imports
            .iter()
            .map(|i| StoredImport {
                name: i.name.clone(),
                text: i.text.clone(),
            })
            .collect(),
    }
}
