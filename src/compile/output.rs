//! What compiling produces: [`Compiled`] (tables and diagnostics), [`CompileError`],
//! [`Table`] ([`Connection`] or [`MemoryTable`]), and their serialization (the JSON of
//! `ddlc --output json`).

use std::sync::Arc;

use arrow_schema::{Field, Metadata, Schema, SchemaRef};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::connector::{ConnectionType, ErasedValue};
use crate::diagnostics::Diagnostic;
use crate::options::Value;
use crate::schema::ConnectionSchema;
use crate::span::Span;

/// The result of compiling a script.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Compiled {
    /// Tables that compiled, in source order.
    pub tables: Vec<Table>,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Where secret option values are written in the source; [`Compiled::render_human`]
    /// masks them in the source lines it shows.
    pub secret_spans: Vec<Span>,
    /// The source with every secret value masked: what renderers may show.
    shown: Arc<str>,
}

/// A script that did not compile: every diagnostic, rendered for people (source lines
/// shown with secrets masked) by `Display`.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{rendered}")]
pub struct CompileError {
    /// Every diagnostic of the script, warnings included, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    rendered: String,
}

impl Compiled {
    /// The result of a compilation of `source`: `secret_spans` are masked in what
    /// renderers show of it.
    pub(crate) fn new(
        tables: Vec<Table>,
        mut diagnostics: Vec<Diagnostic>,
        secret_spans: Vec<Span>,
        source: &str,
    ) -> Self {
        let shown = crate::diagnostics::redact_source(source, &secret_spans).into();
        redact_messages(&mut diagnostics, &secret_spans, source);
        Compiled {
            tables,
            diagnostics,
            secret_spans,
            shown,
        }
    }

    /// Every diagnostic rendered for people as rustc does (`error[code]: message`, the
    /// source line with a caret, `help`), with secret values masked in the source shown.
    /// Empty when there is no diagnostic.
    pub fn render_diagnostics(&self, source_name: &str, color: bool) -> String {
        crate::diagnostics::render_human(&self.diagnostics, source_name, &self.shown, color)
    }

    /// [`render_diagnostics`](Self::render_diagnostics), then a closing count such as
    /// `2 errors, 1 warning`. Empty when there is no diagnostic.
    pub fn render_human(&self, source_name: &str, color: bool) -> String {
        let mut out = self.render_diagnostics(source_name, color);
        if let Some(count) = crate::diagnostics::count_line(&self.diagnostics) {
            out.push_str(&count);
            out.push('\n');
        }
        out
    }

    /// The tables, or — when any diagnostic is an error — a [`CompileError`] whose
    /// `Display` renders every diagnostic.
    ///
    /// # Errors
    /// When any diagnostic is an error.
    pub fn into_result(self) -> Result<Vec<Table>, CompileError> {
        if !self.has_errors() {
            return Ok(self.tables);
        }
        let rendered = self.render_human("input.sql", false);
        Err(CompileError {
            diagnostics: self.diagnostics,
            rendered,
        })
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The table called `name`.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name() == name)
    }
}

/// Messages may quote what the user wrote (`` `u:pw@host` is not a valid address ``):
/// the secret values masked in the source, and any credential written in a URL or a
/// setting, are redacted from every message, label and help.
pub(super) fn redact_messages(diagnostics: &mut [Diagnostic], secret_spans: &[Span], source: &str) {
    let secrets: std::collections::HashSet<&str> = secret_spans
        .iter()
        .filter_map(|s| source.get(s.start..s.end))
        .map(|t| t.trim_matches(['\'', '"', '`']))
        // A one- or two-character value would redact ordinary words.
        .filter(|t| t.chars().count() >= 3)
        .collect();
    // Looked up by length at each position of a message: linear in the message for each
    // distinct length, however many secrets a script holds.
    let mut lengths: Vec<usize> = secrets.iter().map(|s| s.len()).collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths.dedup();
    let redact = |text: &mut String| {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut copied = 0;
        while at < text.len() {
            let hit = lengths.iter().copied().find(|len| {
                text.get(at..at + len)
                    .is_some_and(|candidate| secrets.contains(candidate))
            });
            match hit {
                Some(len) => {
                    out.push_str(text.get(copied..at).unwrap_or(""));
                    out.push_str("********");
                    at += len;
                    copied = at;
                }
                None => at += 1,
            }
        }
        if copied > 0 {
            out.push_str(text.get(copied..).unwrap_or(""));
            *text = out;
        }
        if let Some(r) = crate::profile::redact_credentials(text) {
            *text = r;
        }
    };
    for d in diagnostics {
        redact(&mut d.message);
        if let Some(h) = d.help.as_mut() {
            redact(h);
        }
        for l in &mut d.labels {
            redact(&mut l.message);
        }
    }
}

/// A compiled table.
#[derive(Clone, Debug)]
pub enum Table {
    /// A table backed by a connector.
    Connection(Box<Connection>),
    /// A table without a connector: the planner keeps its rows in memory.
    Memory(MemoryTable),
}

impl Table {
    /// The table name.
    pub fn name(&self) -> &str {
        match self {
            Table::Connection(c) => &c.name,
            Table::Memory(m) => &m.name,
        }
    }

    /// The connection, if this is a connection table.
    pub fn as_connection(&self) -> Option<&Connection> {
        match self {
            Table::Connection(c) => Some(c),
            Table::Memory(_) => None,
        }
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Table::Connection(c) => c.serialize(s),
            Table::Memory(m) => m.serialize(s),
        }
    }
}

/// A memory table (no `connector`).
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryTable {
    /// The table name.
    pub name: String,
    /// Its columns.
    pub fields: Vec<Field>,
    /// Primary key columns.
    pub primary_keys: Vec<String>,
}

impl Serialize for MemoryTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("name", &self.name)?;
        m.serialize_entry("connector", "memory")?;
        m.serialize_entry("connection_type", "memory")?;
        m.serialize_entry("description", &format!("memory table `{}`", self.name))?;
        m.serialize_entry("config", &serde_json::json!({}))?;
        let schema = ConnectionSchema {
            fields: self.fields.clone(),
            format: None,
            framing: None,
            bad_data: None,
            primary_keys: self.primary_keys.clone(),
            watermark: None,
            metadata_fields: Vec::new(),
            generated_fields: Vec::new(),
            inferred: false,
            definition: None,
        };
        m.serialize_entry("schema", &schema)?;
        m.end()
    }
}

/// A compiled connection table.
#[derive(Clone, Debug, Serialize)]
pub struct Connection {
    /// The table name.
    pub name: String,
    /// The connector name.
    pub connector: String,
    /// Source, sink or lookup.
    pub connection_type: ConnectionType,
    /// Human-readable; never contains a secret.
    pub description: String,
    /// The connector's typed configuration.
    pub config: ConnectionConfig,
    /// The schema.
    pub schema: ConnectionSchema,
    /// The connection profile used, if any.
    pub connection_profile: Option<String>,
    /// `CREATE TEMPORARY TABLE`.
    pub temporary: bool,
    /// The event-time column (from `WATERMARK FOR` or the deprecated `event_time_field`).
    pub event_time_field: Option<String>,
    /// The watermark column (deprecated `watermark_field`).
    pub watermark_field: Option<String>,
    /// Idle timeout in microseconds (`None`: never idle).
    pub idle_time_micros: Option<u64>,
    /// Lookup cache settings.
    pub lookup_cache: Option<LookupCache>,
    /// `PARTITIONED BY` expressions, as written.
    pub partitioned_by: Vec<String>,
    /// The WITH options as written (secret values redacted), for printing the table back.
    #[serde(skip)]
    pub options: Vec<(String, Value)>,
    /// The options and columns as written, secrets included, for the storage form.
    #[serde(skip)]
    pub(crate) written: super::Written,
}

impl Connection {
    /// The typed table config, if it is a `T`.
    pub fn table_config<T: 'static>(&self) -> Option<&T> {
        self.config.table.downcast_ref::<T>()
    }

    /// The typed profile, if it is a `P`.
    pub fn profile_config<P: 'static>(&self) -> Option<&P> {
        self.config.connection.as_ref()?.downcast_ref::<P>()
    }

    /// The table as one Arrow schema: every column — physical, metadata and generated
    /// alike, in the order of `schema.fields` — with what Arrow has no place for kept in
    /// field and schema metadata under these keys (constants in [`arrow_metadata`]):
    ///
    /// | where | key | value |
    /// |---|---|---|
    /// | field | `connector_ddl.metadata_key` | the `METADATA FROM` key of a metadata column |
    /// | field | `connector_ddl.generated` | the expression text of a generated column |
    /// | field | `connector_ddl.generated.stored` | `"true"` for a `STORED` generated column |
    /// | schema | `connector_ddl.connector` | the connector name, e.g. `kafka` |
    /// | schema | `connector_ddl.connection_type` | `source`, `sink` or `lookup` |
    /// | schema | `connector_ddl.format` | the format name, e.g. `json` (absent without a format) |
    /// | schema | `connector_ddl.primary_key` | JSON array of the primary key's column names (absent without a key) |
    /// | schema | `connector_ddl.watermark.column` | the `WATERMARK FOR` column (absent without a watermark) |
    /// | schema | `connector_ddl.watermark.expression` | the watermark expression text (absent when there is none) |
    ///
    /// Metadata a field already has (the JSON extension type of a `JSON` column,
    /// `ARROW:extension:name`) is kept.
    ///
    /// ```
    /// use connector_ddl::{compile_sql, Env, Registry};
    /// use connector_ddl::compile::arrow_metadata;
    ///
    /// let registry = Registry::builtin();
    /// let sql = "CREATE TABLE t (id BIGINT PRIMARY KEY, p INT METADATA FROM 'partition')
    ///     WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't',
    ///           type = 'source', format = 'json')";
    /// let compiled = compile_sql(sql, &Env::new(&registry));
    /// let table = compiled.table("t").and_then(|t| t.as_connection()).ok_or("not compiled")?;
    /// let schema = table.arrow_schema();
    /// let key = schema.metadata().get(arrow_metadata::PRIMARY_KEY);
    /// assert_eq!(key.map(String::as_str), Some(r#"["id"]"#));
    /// let p = schema.field_with_name("p")?;
    /// let from = p.metadata().get(arrow_metadata::METADATA_KEY);
    /// assert_eq!(from.map(String::as_str), Some("partition"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn arrow_schema(&self) -> SchemaRef {
        let s = &self.schema;
        let fields: Vec<Field> = s
            .fields
            .iter()
            .map(|f| {
                let mut md = f.metadata().clone();
                if let Some(m) = s.metadata_fields.iter().find(|m| &m.field == f.name()) {
                    md.insert(arrow_metadata::METADATA_KEY, m.key.clone());
                }
                if let Some(g) = s.generated_fields.iter().find(|g| &g.field == f.name()) {
                    md.insert(arrow_metadata::GENERATED, g.expression.clone());
                    if g.stored {
                        md.insert(arrow_metadata::GENERATED_STORED, "true");
                    }
                }
                f.clone().with_metadata(md)
            })
            .collect();
        let mut md = Metadata::new()
            .with(arrow_metadata::CONNECTOR, self.connector.as_str())
            .with(
                arrow_metadata::CONNECTION_TYPE,
                self.connection_type.as_str(),
            );
        if let Some(f) = &s.format {
            md.insert(arrow_metadata::FORMAT, f.name());
        }
        if !s.primary_keys.is_empty() {
            let keys = serde_json::Value::from(s.primary_keys.clone());
            md.insert(arrow_metadata::PRIMARY_KEY, keys.to_string());
        }
        if let Some(w) = &s.watermark {
            md.insert(arrow_metadata::WATERMARK_COLUMN, w.column.clone());
            if let Some(e) = &w.expression {
                md.insert(arrow_metadata::WATERMARK_EXPRESSION, e.clone());
            }
        }
        Arc::new(Schema::new_with_metadata(fields, md))
    }
}

/// The metadata keys of [`Connection::arrow_schema`].
pub mod arrow_metadata {
    /// Field metadata: the `METADATA FROM` key of a metadata column.
    pub const METADATA_KEY: &str = "connector_ddl.metadata_key";
    /// Field metadata: the expression text of a generated column.
    pub const GENERATED: &str = "connector_ddl.generated";
    /// Field metadata: `"true"` for a `STORED` generated column.
    pub const GENERATED_STORED: &str = "connector_ddl.generated.stored";
    /// Schema metadata: the connector name.
    pub const CONNECTOR: &str = "connector_ddl.connector";
    /// Schema metadata: `source`, `sink` or `lookup`.
    pub const CONNECTION_TYPE: &str = "connector_ddl.connection_type";
    /// Schema metadata: the format name (`json`, `avro`, …).
    pub const FORMAT: &str = "connector_ddl.format";
    /// Schema metadata: the primary key's column names, as a JSON array.
    pub const PRIMARY_KEY: &str = "connector_ddl.primary_key";
    /// Schema metadata: the `WATERMARK FOR` column.
    pub const WATERMARK_COLUMN: &str = "connector_ddl.watermark.column";
    /// Schema metadata: the watermark expression text.
    pub const WATERMARK_EXPRESSION: &str = "connector_ddl.watermark.expression";
}

/// The connector configuration of a connection.
#[derive(Clone, Debug)]
pub struct ConnectionConfig {
    /// The profile (connection) part, for connectors that have one.
    pub connection: Option<ErasedValue>,
    /// The table part.
    pub table: ErasedValue,
}

impl Serialize for ConnectionConfig {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(c) = &self.connection {
            m.serialize_entry("connection", c)?;
        }
        m.serialize_entry("table", &self.table)?;
        m.end()
    }
}

/// Lookup cache settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LookupCache {
    /// Cache size in bytes.
    pub max_bytes: Option<u64>,
    /// Time to live in microseconds.
    pub ttl_micros: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile_sql, Env};
    use crate::connector::Registry;

    fn connection(sql: &str) -> Connection {
        let registry = Registry::builtin();
        let compiled = compile_sql(sql, &Env::new(&registry));
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        match compiled.tables.into_iter().next() {
            Some(Table::Connection(c)) => *c,
            _ => panic!("no connection table"),
        }
    }

    fn get<'m>(md: &'m Metadata, key: &str) -> Option<&'m str> {
        md.get(key).map(String::as_str)
    }

    #[test]
    fn arrow_schema_describes_every_column() {
        let c = connection(
            "CREATE TABLE t (
                id BIGINT NOT NULL PRIMARY KEY,
                ts TIMESTAMP NOT NULL,
                p INT METADATA FROM 'partition',
                d BIGINT GENERATED ALWAYS AS (id * 2) STORED,
                WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
            ) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json')",
        );
        let schema = c.arrow_schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["id", "ts", "p", "d"]);
        let md = &schema.metadata;
        assert_eq!(get(md, arrow_metadata::CONNECTOR), Some("kafka"));
        assert_eq!(get(md, arrow_metadata::CONNECTION_TYPE), Some("source"));
        assert_eq!(get(md, arrow_metadata::FORMAT), Some("json"));
        assert_eq!(get(md, arrow_metadata::PRIMARY_KEY), Some(r#"["id"]"#));
        assert_eq!(get(md, arrow_metadata::WATERMARK_COLUMN), Some("ts"));
        assert_eq!(
            get(md, arrow_metadata::WATERMARK_EXPRESSION),
            Some("ts - INTERVAL '5' SECOND")
        );
        let field = |n: &str| {
            schema
                .field_with_name(n)
                .map(|f| f.metadata().clone())
                .unwrap_or_default()
        };
        assert_eq!(
            get(&field("p"), arrow_metadata::METADATA_KEY),
            Some("partition")
        );
        assert_eq!(get(&field("d"), arrow_metadata::GENERATED), Some("id * 2"));
        assert_eq!(
            get(&field("d"), arrow_metadata::GENERATED_STORED),
            Some("true")
        );
        assert!(field("id").is_empty());
    }

    #[test]
    fn arrow_schema_leaves_out_what_the_table_lacks() {
        let c = connection(
            "CREATE TABLE t (v JSON) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'sink', format = 'json')",
        );
        let schema = c.arrow_schema();
        let md = &schema.metadata;
        assert_eq!(get(md, arrow_metadata::CONNECTION_TYPE), Some("sink"));
        for key in [
            arrow_metadata::PRIMARY_KEY,
            arrow_metadata::WATERMARK_COLUMN,
            arrow_metadata::WATERMARK_EXPRESSION,
        ] {
            assert_eq!(get(md, key), None);
        }
        // A field's own metadata (the JSON extension type) is kept.
        let v = schema.field_with_name("v").map(|f| f.metadata().len());
        assert_eq!(v.ok(), Some(1));
    }
}
