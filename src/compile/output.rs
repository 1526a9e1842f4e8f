//! What compiling produces: [`Compiled`] (tables and diagnostics), [`CompileError`],
//! [`Table`] ([`Connection`] or [`MemoryTable`]), and their serialization (the JSON of
//! `ddlc --output json`).

use std::sync::Arc;

use arrow_schema::Field;
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
    /// Where secret option values are written in the source; renderers that show source
    /// lines mask them (see [`crate::diagnostics::redact_source`]).
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
        diagnostics: Vec<Diagnostic>,
        secret_spans: Vec<Span>,
        source: &str,
    ) -> Self {
        let shown = crate::diagnostics::redact_source(source, &secret_spans).into();
        Compiled {
            tables,
            diagnostics,
            secret_spans,
            shown,
        }
    }

    /// Every diagnostic rendered for people as rustc does (`error[code]: message`, the
    /// source line with a caret, `help`), secrets masked, then a count such as
    /// `2 errors, 1 warning`. Empty when there is no diagnostic.
    pub fn render_human(&self, source_name: &str, color: bool) -> String {
        let mut out: String = self
            .diagnostics
            .iter()
            .map(|d| crate::diagnostics::render_human(d, source_name, &self.shown, color))
            .collect();
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
