//! The pipeline: DDL (or a JSON create-table request) → [`Table`]s and [`Diagnostic`]s.
//!
//! Each table is compiled on its own; every stage reports what it finds and carries on,
//! and a table is produced only when none of its diagnostics is an error.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::connector::{
    ConnectionType, ErasedConfig, ErasedConnector, ErasedValue, FormatRule, Registry, TableContext,
};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::options::grammar::did_you_mean;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec, Value};
use crate::parse::types::{sql_name, CARRIED_TYPES};
use crate::parse::{parse_script, ColumnKind, ExprShape, SqlExpr, Statement, TableDef, WithClause};
use crate::profile::{ConnectionProfile, ProfileResolver, Profiles};
use crate::schema::definition::{
    self, fingerprint, NoSchemas, PinnedFile, SchemaDefinition, SchemaKind, SchemaOrigin,
    SchemaResolver,
};
use crate::schema::expand::{is_json, JSON_EXTENSION_KEY, JSON_EXTENSION_NAME};
use crate::schema::expand::{Expansion, SchemaError};
use crate::schema::format::{self, Format, JsonFormat};
use crate::schema::{ConnectionSchema, GeneratedField, MetadataField, Watermark};
use crate::span::{Span, Spanned};

/// `connector`.
pub const CONNECTOR: OptionSpec =
    OptionSpec::string("connector").doc("The connector to use; absent for a memory table.");
/// `connection_profile`.
pub const CONNECTION_PROFILE: OptionSpec = OptionSpec::string("connection_profile")
    .doc("Name of a connection profile that holds the connection options.");
/// `event_time_field` (deprecated).
pub const EVENT_TIME_FIELD: OptionSpec = OptionSpec::new("event_time_field", OptionKind::FieldRef)
    .source_only()
    .lenient()
    .doc("Deprecated: use `WATERMARK FOR column`.");
/// `watermark_field` (deprecated).
pub const WATERMARK_FIELD: OptionSpec = OptionSpec::new("watermark_field", OptionKind::FieldRef)
    .source_only()
    .lenient()
    .doc("Deprecated: use `WATERMARK FOR column AS expr`.");
/// `idle_micros`.
pub const IDLE_MICROS: OptionSpec = OptionSpec::new("idle_micros", OptionKind::Signed)
    .default_int(300_000_000)
    .source_only()
    .lenient()
    .doc("Microseconds without data after which a source partition counts as idle; <= 0 disables.");
/// `lookup.cache.max_bytes`.
pub const LOOKUP_CACHE_MAX_BYTES: OptionSpec =
    OptionSpec::new("lookup.cache.max_bytes", OptionKind::Unsigned)
        .lookup_only()
        .lenient()
        .doc("Size of the lookup cache in bytes.");
/// `lookup.cache.ttl`.
pub const LOOKUP_CACHE_TTL: OptionSpec = OptionSpec::new("lookup.cache.ttl", OptionKind::Duration)
    .lookup_only()
    .lenient()
    .doc("How long a looked-up row is cached.");

/// Options the compiler reads for every connection table.
pub const COMMON_OPTIONS: &[OptionSpec] = &[
    CONNECTOR,
    CONNECTION_PROFILE,
    format::FORMAT,
    format::FRAMING,
    format::FRAMING_MAX_LENGTH,
    format::BAD_DATA,
    EVENT_TIME_FIELD,
    WATERMARK_FIELD,
    IDLE_MICROS,
    LOOKUP_CACHE_MAX_BYTES,
    LOOKUP_CACHE_TTL,
];

/// What the compiler needs from its embedder.
pub struct Env<'a> {
    /// The connectors.
    pub registry: &'a Registry,
    /// Connection profiles.
    pub profiles: &'a dyn ProfileResolver,
    /// Schema files and registry subjects.
    pub schemas: &'a dyn SchemaResolver,
    /// Report warnings as errors.
    pub strict: bool,
}

impl<'a> Env<'a> {
    /// An environment over `registry`, with no profiles.
    pub fn new(registry: &'a Registry) -> Self {
        static NO_PROFILES: Profiles = Profiles(Vec::new());
        Env {
            registry,
            profiles: &NO_PROFILES,
            schemas: &NoSchemas,
            strict: false,
        }
    }

    /// Uses `schemas` to resolve schema files and registry subjects.
    pub fn with_schemas(mut self, schemas: &'a dyn SchemaResolver) -> Self {
        self.schemas = schemas;
        self
    }

    /// Uses `profiles` to resolve `connection_profile`.
    pub fn with_profiles(mut self, profiles: &'a dyn ProfileResolver) -> Self {
        self.profiles = profiles;
        self
    }

    /// Turns warnings into errors.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }
}

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

/// Compiles a SQL script: every `CREATE TABLE` becomes a [`Table`]; other statements are
/// skipped.
///
/// # Errors
/// Mistakes are returned as diagnostics in [`Compiled::diagnostics`], never as a panic;
/// see `docs/diagnostics.md` for the codes.
pub fn compile_sql(sql: &str, env: &Env<'_>) -> Compiled {
    let script = parse_script(sql);
    let mut diagnostics = script.diagnostics;
    let mut tables: Vec<Table> = Vec::new();
    let mut defined: BTreeMap<String, (Span, usize)> = BTreeMap::new();
    let mut secrets: Vec<Span> = Vec::new();
    for stmt in script.statements {
        let Statement::CreateTable(mut def) = stmt else {
            continue;
        };
        let key = def.name.node.to_lowercase();
        let previous = defined.get(&key).copied();
        if let Some((first, _)) = previous {
            if def.if_not_exists {
                continue;
            }
            if !def.or_replace {
                diagnostics.push(
                    Diagnostic::error(codes::DUPLICATE_TABLE, def.name.span, format!("table `{}` is already defined", def.name.node))
                        .with_label(first, "first defined here")
                        .with_help("use another name, or `CREATE TABLE IF NOT EXISTS` to keep the first definition")
                        .in_table(&def.name.node),
                );
                continue;
            }
        }
        // The options move into the compiler rather than being copied.
        let with = def.with.take();
        let (mut table, mut diags, secret) = compile_table(&def, with, env);
        secrets.extend(secret);
        // The parser's findings for this statement count too: an error (a decimal out of
        // range) fails the table, and so does a warning in strict mode.
        let from_parser = diagnostics
            .iter()
            .filter(|d| d.table.as_deref() == Some(def.name.node.as_str()));
        let (parse_errors, parse_warnings) = from_parser.fold((false, false), |(e, w), d| {
            (e || d.is_error(), w || !d.is_error())
        });
        if parse_errors {
            table = None;
        }
        if env.strict && (!diags.is_empty() || parse_warnings) {
            for d in &mut diags {
                d.severity = Severity::Error;
            }
            table = None;
        }
        diagnostics.extend(diags.into_iter().map(|d| d.in_table(&def.name.node)));
        if let Some(t) = table {
            match previous {
                Some((_, i)) if i < tables.len() => {
                    if let Some(slot) = tables.get_mut(i) {
                        *slot = t;
                    }
                }
                _ => {
                    defined.insert(key, (def.name.span, tables.len()));
                    tables.push(t);
                }
            }
        } else if previous.is_none() {
            // Remember the name so later duplicates are still reported.
            defined.insert(key, (def.name.span, usize::MAX));
        }
    }
    finish_diagnostics(&mut diagnostics, env.strict);
    Compiled::new(tables, diagnostics, secrets, sql)
}

/// Compiles one table definition that did not come from a SQL script (the JSON request
/// path, [`crate::request`]) through the same pipeline as [`compile_sql`]. Returns the
/// table (if it compiled), its diagnostics (not yet sorted or attributed to the table), and
/// the spans of its secret option values.
pub(crate) fn compile_table_def(
    def: &TableDef,
    env: &Env<'_>,
) -> (Option<Table>, Vec<Diagnostic>, Vec<Span>) {
    let mut def = def.clone();
    let with = def.with.take();
    compile_table(&def, with, env)
}

pub(crate) fn finish_diagnostics(diagnostics: &mut Vec<Diagnostic>, strict: bool) {
    if strict {
        for d in diagnostics.iter_mut() {
            d.severity = Severity::Error;
        }
    }
    crate::diagnostics::sort(diagnostics);
    // Two checks can find the same mistake (a column named in a watermark and its
    // expression); say it once.
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
}

/// The columns of a table, lowered to Arrow fields.
struct Columns {
    fields: Vec<Field>,
    metadata: Vec<(MetadataField, Span, Span)>,
    generated: Vec<GeneratedField>,
    primary_keys: Vec<String>,
}

/// Compiles one table; `with` is its WITH clause, taken out of `def`. Returns the table (if
/// it compiled), its diagnostics, and the spans of its secret option values.
fn compile_table(
    def: &TableDef,
    with: Option<WithClause>,
    env: &Env<'_>,
) -> (Option<Table>, Vec<Diagnostic>, Vec<Span>) {
    let secrets = secret_spans(with.as_ref(), env.registry);
    let (table, diags) = compile_options(def, with, env);
    (table, diags, secrets)
}

fn compile_options(
    def: &TableDef,
    with: Option<WithClause>,
    env: &Env<'_>,
) -> (Option<Table>, Vec<Diagnostic>) {
    let anchor = with.as_ref().map(|w| w.span).unwrap_or(def.name.span);
    let entries = with
        .map(|w| w.options)
        .unwrap_or_default()
        .into_iter()
        .map(|o| (o.key, o.value));
    let mut opts = ConnectorOptions::from_entries(entries, anchor);
    let connector_value = opts.peek("connector").cloned();
    let connector_name = match &connector_value {
        None => None,
        Some(v) => match &v.node {
            Value::String(s) => {
                opts.take("connector");
                Some(Spanned::new(s.clone(), v.span))
            }
            _ => opts.string(&CONNECTOR),
        },
    };
    let is_memory =
        connector_value.is_none() || connector_name.as_ref().is_some_and(|c| c.node == "memory");
    let columns = lower_columns(def, !is_memory, &mut opts);
    if is_memory {
        return memory_table(def, columns, opts);
    }
    let Some(connector_name) = connector_name else {
        return (None, opts.take_diagnostics());
    };
    let Some(connector) = env.registry.get(&connector_name.node) else {
        let mut d = Diagnostic::error(
            codes::UNKNOWN_CONNECTOR,
            connector_name.span,
            format!("unknown connector `{}`", connector_name.node),
        );
        let names: Vec<&str> = env.registry.names().collect();
        d = match did_you_mean(&connector_name.node, names.iter().copied()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help(format!("known connectors: {}", names.join(", "))),
        };
        opts.report(d);
        return (None, opts.take_diagnostics());
    };
    let mut state = TableCompiler {
        def,
        env,
        connector,
        connector_name: &connector_name.node,
        opts,
        columns,
        profile_secrets: Vec::new(),
    };
    let table = state.compile();
    let mut diags = state.opts.take_diagnostics();
    if diags.iter().any(Diagnostic::is_error) {
        return (None, std::mem::take(&mut diags));
    }
    (table.map(|c| Table::Connection(Box::new(c))), diags)
}

fn memory_table(
    def: &TableDef,
    columns: Columns,
    mut opts: ConnectorOptions,
) -> (Option<Table>, Vec<Diagnostic>) {
    check_column_refs(
        def,
        &Known::new(&columns.fields, &columns.generated),
        &mut opts,
    );
    let explicit_memory = !opts.pending_keys().is_empty() && opts.contains("connector");
    let misspelt = opts
        .pending_keys()
        .into_iter()
        .find(|k| k.node.eq_ignore_ascii_case("connector"));
    if let Some(key) = misspelt {
        // `Connector = 'kafka'`: the user meant a connection table; one error says so.
        opts.report(
            Diagnostic::error(
                codes::UNKNOWN_OPTION,
                key.span,
                format!("unknown option `{}`", key.node),
            )
            .with_help("option keys are case-sensitive: write `connector`"),
        );
        return (None, opts.take_diagnostics());
    }
    for key in opts.pending_keys() {
        let mut d = Diagnostic::error(
            codes::MEMORY_TABLE,
            key.span,
            format!(
                "memory tables take no WITH options, but `{}` is set",
                key.node
            ),
        );
        if !explicit_memory {
            d = match key.node.eq_ignore_ascii_case("connector") {
                true => d.with_help("option keys are case-sensitive: write `connector`"),
                false => d.with_help("to create a connection table, set the `connector` option"),
            };
        }
        opts.report(d);
    }
    for col in def.column_list() {
        if let ColumnKind::Generated { expr, .. } = &col.kind {
            opts.report(
                Diagnostic::error(
                    codes::MEMORY_TABLE,
                    expr.span,
                    format!(
                        "memory tables cannot have generated columns, but `{}` is generated",
                        col.name.node
                    ),
                )
                .with_help("compute the value in the query that inserts into the table"),
            );
        }
        if let ColumnKind::Metadata { span, .. } = &col.kind {
            opts.report(Diagnostic::warning(
                codes::MEMORY_TABLE,
                *span,
                format!(
                    "memory tables have no metadata; `{}` is a plain column",
                    col.name.node
                ),
            ));
        }
    }
    let diags = opts.take_diagnostics();
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let table = MemoryTable {
        name: def.name.node.clone(),
        fields: columns.fields,
        primary_keys: columns.primary_keys,
    };
    (Some(Table::Memory(table)), diags)
}

/// Lowers the column list: types, nullability, metadata and generated columns, primary
/// keys. Reports duplicates, unknown references and (for connection tables) types a
/// connection table cannot carry.
fn lower_columns(def: &TableDef, connection: bool, opts: &mut ConnectorOptions) -> Columns {
    let cols = def.column_list();
    let mut out = Columns {
        fields: Vec::new(),
        metadata: Vec::new(),
        generated: Vec::new(),
        primary_keys: Vec::new(),
    };
    let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
    for col in cols {
        if let Some(first) = seen.get(col.name.node.as_str()) {
            opts.report(
                Diagnostic::error(
                    codes::DUPLICATE_COLUMN,
                    col.name.span,
                    format!("column `{}` is declared twice", col.name.node),
                )
                .with_label(*first, "first declared here"),
            );
            continue;
        }
        seen.insert(&col.name.node, col.name.span);
        let Some(ty) = &col.ty else {
            opts.report(
                Diagnostic::error(
                    codes::SYNTAX,
                    col.span,
                    format!("computed column `{}` needs a type", col.name.node),
                )
                .with_help(format!(
                    "write `{} <TYPE> GENERATED ALWAYS AS ({})`",
                    col.name.node,
                    match &col.kind {
                        ColumnKind::Generated { expr, .. } => expr.text.as_str(),
                        _ => "…",
                    }
                )),
            );
            continue;
        };
        let generated = matches!(col.kind, ColumnKind::Generated { .. });
        if connection && !generated {
            if let Some(nc) = &ty.not_carried {
                opts.report(
                    Diagnostic::error(
                        codes::TYPE_NOT_SUPPORTED,
                        nc.span,
                        format!("type `{}` cannot be used in a connection table", nc.sql),
                    )
                    .with_help(format!(
                        "use `{}`; connection tables carry {CARRIED_TYPES}",
                        nc.instead
                    )),
                );
            }
        }
        let mut field = Field::new(&col.name.node, ty.data_type.clone(), col.not_null.is_none());
        if ty.json {
            field = field.with_metadata(std::collections::HashMap::from([(
                JSON_EXTENSION_KEY.to_string(),
                JSON_EXTENSION_NAME.to_string(),
            )]));
        }
        match &col.kind {
            ColumnKind::Physical => {}
            ColumnKind::Metadata { key, .. } => out.metadata.push((
                MetadataField {
                    field: col.name.node.clone(),
                    key: key.node.clone(),
                },
                key.span,
                ty.span,
            )),
            ColumnKind::Generated { expr, stored } => out.generated.push(GeneratedField {
                field: col.name.node.clone(),
                expression: expr.text.clone(),
                stored: *stored,
            }),
        }
        if col.primary_key.is_some() {
            out.primary_keys.push(col.name.node.clone());
        }
        out.fields.push(field);
    }
    // Table-level primary key (its columns are checked once the final fields are known).
    let column_level = cols.iter().find_map(|c| c.primary_key);
    for (i, pk) in def.primary_keys.iter().enumerate() {
        if i > 0 || column_level.is_some() {
            let first = column_level
                .or(def.primary_keys.first().map(|p| p.span))
                .unwrap_or(pk.span);
            opts.report(
                Diagnostic::error(
                    codes::DUPLICATE_PRIMARY_KEY,
                    pk.span,
                    "the primary key is declared more than once",
                )
                .with_label(first, "first declared here")
                .with_help("declare one key; for a composite key write `PRIMARY KEY (a, b)`"),
            );
            continue;
        }
        for (j, c) in pk.columns.iter().enumerate() {
            if let Some(first) = pk.columns.iter().take(j).find(|p| p.node == c.node) {
                opts.report(
                    Diagnostic::error(
                        codes::DUPLICATE_COLUMN,
                        c.span,
                        format!("column `{}` appears twice in the primary key", c.node),
                    )
                    .with_label(first.span, "first listed here"),
                );
            } else if !out.primary_keys.contains(&c.node) {
                out.primary_keys.push(c.node.clone());
            }
        }
    }
    out
}

/// The columns a table ends up with (declared, fixed or expanded from a schema), for
/// checking references: name, and whether it is generated.
struct Known(Vec<(String, bool)>);

impl Known {
    fn new(fields: &[Field], generated: &[GeneratedField]) -> Self {
        Known(
            fields
                .iter()
                .map(|f| {
                    (
                        f.name().clone(),
                        generated.iter().any(|g| &g.field == f.name()),
                    )
                })
                .collect(),
        )
    }

    fn names(&self) -> Vec<&str> {
        self.0.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The column called `name`: exactly, or ignoring case for an unquoted non-keyword.
    fn find(&self, name: &str, exact_only: bool) -> Option<&(String, bool)> {
        self.0.iter().find(|(n, _)| n == name).or_else(|| {
            if exact_only {
                None
            } else {
                self.0.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))
            }
        })
    }
}

/// Checks the references that need the final columns: generated expressions and the
/// table-level primary key.
fn check_column_refs(def: &TableDef, known: &Known, opts: &mut ConnectorOptions) {
    for col in def.column_list() {
        if let ColumnKind::Generated { expr, .. } = &col.kind {
            check_refs(expr, known, opts, "generated column", true);
        }
    }
    if let Some(pk) = def.primary_keys.first() {
        for c in &pk.columns {
            if known.find(&c.node, true).is_none() {
                report_unknown_column(opts, known, c, "primary key");
            }
        }
    }
}

fn report_unknown_column(
    opts: &mut ConnectorOptions,
    known: &Known,
    name: &Spanned<String>,
    what: &str,
) {
    let mut d = Diagnostic::error(
        codes::UNKNOWN_COLUMN,
        name.span,
        format!(
            "{what} refers to column `{}`, which the table does not have",
            name.node
        ),
    );
    let names = known.names();
    if let Some(s) = did_you_mean(&name.node, names.iter().copied()) {
        d = d.with_help(format!("did you mean `{s}`?"));
    } else if !names.is_empty() {
        d = d.with_help(format!("the columns are: {}", names.join(", ")));
    }
    opts.report(d);
}

/// Checks that the columns an expression names exist (and, when `physical_only`, are not
/// generated columns themselves).
fn check_refs(
    expr: &SqlExpr,
    known: &Known,
    opts: &mut ConnectorOptions,
    what: &str,
    physical_only: bool,
) {
    for r in &expr.columns {
        match known.find(&r.name.node, r.is_keyword) {
            Some((name, generated)) => {
                if physical_only && *generated {
                    opts.report(
                        Diagnostic::error(
                            codes::UNKNOWN_COLUMN,
                            r.name.span,
                            format!("a {what} cannot use generated column `{name}`"),
                        )
                        .with_help(
                            "generated expressions see the physical and metadata columns only",
                        ),
                    );
                }
            }
            None if r.is_keyword => {}
            None => report_unknown_column(opts, known, &r.name, what),
        }
    }
}

struct TableCompiler<'a> {
    def: &'a TableDef,
    env: &'a Env<'a>,
    connector: &'a dyn ErasedConnector,
    connector_name: &'a str,
    opts: ConnectorOptions,
    columns: Columns,
    /// Secret values of the connection profile used, redacted from the output.
    profile_secrets: Vec<String>,
}

impl TableCompiler<'_> {
    fn compile(&mut self) -> Option<Connection> {
        let def = self.def;
        let spec = self.connector.spec();
        self.opts.add_catalogue(COMMON_OPTIONS);
        self.opts.add_catalogue(spec.table_options);
        if let Some(t) = spec.type_spec() {
            self.opts.add_catalogue(std::slice::from_ref(t));
        }
        let profile_ref = self.opts.string(&CONNECTION_PROFILE);
        let (profile, used_profile) = self.profile(profile_ref.as_ref());
        if used_profile.is_none() {
            self.opts.add_catalogue(spec.profile_options);
        }

        // Format, framing, bad data.
        let format = format::format_from_options(&mut self.opts);
        let framing = format::framing_from_options(&mut self.opts);
        let bad_data = format::bad_data_from_options(&mut self.opts);
        self.check_format(format.as_ref());
        let format = format.map(|(f, _)| f);

        let Some(connection_type) = self.connection_type() else {
            // The table's type is unknown (reported): report what every type requires,
            // and leave the rest of the connector's options alone rather than pile on.
            self.opts.report_missing_required(spec.table_options);
            self.finish_options(
                None,
                used_profile.as_ref(),
                format.as_ref(),
                framing.is_some(),
            );
            return None;
        };
        self.opts.set_connection_type(connection_type);

        let generated: Vec<Spanned<String>> = self
            .columns
            .generated
            .iter()
            .map(|g| Spanned::new(g.field.clone(), self.column_span(&g.field)))
            .collect();
        let ctx = TableContext {
            name: &def.name.node,
            connection_type,
            fields: &self.columns.fields,
            format: format.as_ref(),
            generated: &generated,
            partitioned_by: def.partitioned_by.as_ref(),
        };
        let table = self.connector.table_from_options(&mut self.opts, &ctx);
        let config = match (&profile, &table) {
            (Some(p), Some(t)) => self.connector.configure(p, t),
            _ => None,
        };
        let connection_type = Some(connection_type);
        // Schema: declared columns, the connector's fixed schema, or an expanded definition.
        let mut format = format;
        let expanded = self.expand_definition(format.as_ref(), config.as_ref(), connection_type);
        if let (Some(Format::Protobuf(p)), Some((_, d))) = (format.as_mut(), expanded.as_ref()) {
            p.message_name = d.message_name.clone();
        }
        let fixed = config.as_ref().and_then(|c| c.fixed_schema.clone());
        let (fields, definition) = match expanded {
            Some((schema_fields, d)) => (self.fields_with_definition(schema_fields), Some(d)),
            None => (self.schema_fields(fixed), None),
        };
        let fields = match &config {
            Some(c) => self.connector.adjust_fields(c, fields),
            None => fields,
        };
        check_column_refs(
            def,
            &Known::new(&fields, &self.columns.generated),
            &mut self.opts,
        );
        let watermark = self.watermark(&fields);
        let schema = ConnectionSchema {
            inferred: def.columns.as_ref().is_none_or(|c| c.node.is_empty()) && fields.is_empty(),
            definition,
            fields,
            format: format.clone(),
            framing,
            bad_data,
            primary_keys: self.columns.primary_keys.clone(),
            watermark,
            metadata_fields: self.columns.metadata.iter().map(|m| m.0.clone()).collect(),
            generated_fields: self.columns.generated.clone(),
        };
        self.check_metadata();
        if let Some(ct) = connection_type {
            self.check_format_shape(&schema, ct);
        }
        if let Some(c) = &config {
            self.connector.check(c, &schema, &mut self.opts);
        }

        // Options every table may set; the catalogue decides where they apply.
        let event_time = self.field_option(&EVENT_TIME_FIELD, &schema);
        let watermark_field = self.field_option(&WATERMARK_FIELD, &schema);
        let idle = self.opts.signed(&IDLE_MICROS).map(|v| v.node);
        let cache_bytes = self.opts.unsigned(&LOOKUP_CACHE_MAX_BYTES);
        let cache_ttl = self.opts.duration(&LOOKUP_CACHE_TTL);
        if spec.formats.rule == FormatRule::Ignored {
            for key in [
                format::FRAMING.key,
                format::FRAMING_MAX_LENGTH.key,
                format::BAD_DATA.key,
            ] {
                if let Some(span) = self.opts.key_span(key) {
                    self.opts.report(Diagnostic::warning(
                        codes::FORMAT_NOT_SUPPORTED,
                        span,
                        format!(
                            "connector `{}` has a fixed encoding; `{key}` has no effect",
                            self.connector_name
                        ),
                    ));
                }
            }
        }
        if let Some(p) = def.partitioned_by.as_ref().filter(|_| !spec.partitioned) {
            // File sinks partition through their own options, not this clause.
            let (message, help) = if spec.partitions_by_options {
                (
                    format!("connector `{}` does not read `PARTITIONED BY`; it has no effect", self.connector_name),
                    "remove `PARTITIONED BY`, and partition with `partitioning.fields = [col, …]` or `partitioning.time_pattern`",
                )
            } else {
                (
                    format!("connector `{}` does not partition its output; `PARTITIONED BY` has no effect", self.connector_name),
                    "remove `PARTITIONED BY`",
                )
            };
            self.opts.report(
                Diagnostic::warning(codes::OPTION_NOT_APPLICABLE, p.span, message).with_help(help),
            );
        }
        self.finish_options(
            connection_type,
            used_profile.as_ref(),
            format.as_ref(),
            schema.framing.is_some(),
        );

        let config = config?;
        let connection_type = connection_type?;
        if self.opts.has_errors() {
            return None;
        }
        let event_time_field = schema
            .watermark
            .as_ref()
            .map(|w| w.column.clone())
            .or(event_time);
        let lookup_cache = (cache_bytes.is_some() || cache_ttl.is_some()).then(|| LookupCache {
            max_bytes: cache_bytes.map(|c| c.node),
            ttl_micros: cache_ttl.map(|c| u64::try_from(c.node.as_micros()).unwrap_or(u64::MAX)),
        });
        // Secret values, whatever Rust type the connector keeps them in, are redacted
        // from the config JSON and the description.
        let secrets = self.secret_values();
        let description = crate::profile::redact_text(&config.description, &secrets);
        Some(Connection {
            name: def.name.node.clone(),
            connector: self.connector_name.to_string(),
            connection_type,
            description,
            config: ConnectionConfig {
                connection: spec
                    .has_profile()
                    .then(|| config.profile.clone().with_secrets(secrets.clone())),
                table: config.table.clone().with_secrets(secrets),
            },
            schema,
            connection_profile: used_profile.map(|p| p.name),
            temporary: def.temporary,
            event_time_field,
            watermark_field,
            // `<= 0` turns the timeout off, as in Arroyo; only sources read it.
            idle_time_micros: idle.and_then(|v| u64::try_from(v).ok()).filter(|v| *v > 0),
            lookup_cache,
            partitioned_by: def
                .partitioned_by
                .as_ref()
                .map(|p| p.node.iter().map(|e| e.text.clone()).collect())
                .unwrap_or_default(),
            options: self.redacted_options(),
        })
    }

    /// The table's connection type: its `type` option (a TEMPORARY table is a lookup
    /// table), or the connector's one role. `None` when it cannot be known (reported).
    fn connection_type(&mut self) -> Option<ConnectionType> {
        let def = self.def;
        let spec = self.connector.spec();
        if def.temporary && !spec.can_be(ConnectionType::Lookup) {
            self.opts.report(
                Diagnostic::error(
                    codes::CONNECTION_TYPE,
                    def.temporary_span,
                    format!(
                        "connector `{}` cannot be a lookup table, and TEMPORARY tables are lookup tables",
                        spec.name
                    ),
                )
                .with_help("drop `TEMPORARY` for a source or sink"),
            );
            return None;
        }
        let Some(type_spec) = spec.type_spec() else {
            if def.temporary {
                return Some(ConnectionType::Lookup);
            }
            return spec.only_role();
        };
        if def.temporary {
            let written = self.opts.peek(type_spec.key).cloned();
            self.opts.take(type_spec.key);
            return match written {
                None => Some(ConnectionType::Lookup),
                Some(v) if matches!(&v.node, Value::String(s) if s.eq_ignore_ascii_case("lookup")) => {
                    Some(ConnectionType::Lookup)
                }
                Some(v) => {
                    self.opts.report(
                        Diagnostic::error(
                            codes::CONNECTION_TYPE,
                            v.span,
                            format!(
                                "a TEMPORARY table is a lookup table, so `type` cannot be {}",
                                v.node
                            ),
                        )
                        .with_help("remove `type`, or drop `TEMPORARY` for a source or sink"),
                    );
                    None
                }
            };
        }
        // A connection type the connector cannot have is its own mistake, not a typo.
        let written = self.opts.peek(type_spec.key).cloned();
        if let Some(v) = written {
            let named = match &v.node {
                Value::String(s) => ConnectionType::ALL
                    .into_iter()
                    .find(|ct| ct.as_str().eq_ignore_ascii_case(s.trim())),
                _ => None,
            };
            // (`lookup` stays a plain invalid value: it is a type few connectors have.)
            let named = named.filter(|ct| *ct != ConnectionType::Lookup);
            if let Some(ct) = named.filter(|ct| !spec.can_be(*ct)) {
                self.opts.take(type_spec.key);
                let OptionKind::Enum(roles) = type_spec.kind else {
                    return None;
                };
                self.opts.report(
                    Diagnostic::error(
                        codes::CONNECTION_TYPE,
                        v.span,
                        format!("connector `{}` cannot be a {ct}", spec.name),
                    )
                    .with_help(match roles {
                        [one] => format!("set `type = '{one}'`"),
                        _ => format!(
                            "`type` is one of {}",
                            crate::options::spec::quoted_list(roles)
                        ),
                    }),
                );
                return None;
            }
        }
        let ty = self.opts.enumeration(type_spec)?;
        ConnectionType::ALL
            .into_iter()
            .find(|ct| ct.as_str() == ty.node)
    }

    /// The values of this table's secret options (placeholders are not secret).
    fn secret_values(&self) -> std::sync::Arc<[String]> {
        let spec = self.connector.spec();
        let mut out: Vec<String> = self
            .opts
            .entries()
            .filter_map(|(k, v)| {
                let s = spec.options().find(|s| s.sensitive && s.matches(&k.node))?;
                let text = match &v.node {
                    Value::String(t) | Value::Number(t) => t.clone(),
                    _ => return None,
                };
                // A documented default (RabbitMQ's `guest`) is public, not a secret.
                let is_default = s.default.is_some_and(|d| d.to_string() == text);
                (!is_default).then_some(text)
            })
            .filter(|s| !crate::profile::Secret::new(s.clone()).is_placeholder())
            .collect();
        out.extend(self.profile_secrets.iter().cloned());
        out.into()
    }

    /// The WITH options as written, with the values of secret options redacted.
    fn redacted_options(&self) -> Vec<(String, Value)> {
        self.opts
            .entries()
            .map(|(key, value)| {
                let shown = redacted_value(self.connector, &key.node, &value.node)
                    .unwrap_or_else(|| value.node.clone());
                (key.node.clone(), shown)
            })
            .collect()
    }

    /// Reads the profile: from the named connection profile, or from the WITH clause.
    fn profile(
        &mut self,
        profile_ref: Option<&Spanned<String>>,
    ) -> (
        Option<crate::connector::ErasedValue>,
        Option<ConnectionProfile>,
    ) {
        let Some(name) = profile_ref else {
            return (self.connector.profile_from_options(&mut self.opts), None);
        };
        let info = self.connector.spec();
        if !info.has_profile() {
            self.opts.report(
                Diagnostic::error(
                    codes::PROFILE_CONNECTOR,
                    name.span,
                    format!("connector `{}` takes no connection profile", info.name),
                )
                .with_help("remove `connection_profile`"),
            );
            return (self.connector.profile_from_options(&mut self.opts), None);
        }
        let Some(profile) = self.env.profiles.resolve(&name.node) else {
            // Suggest among this connector's profiles only: another connector's would fail.
            let names = self.env.profiles.names_for(info.name);
            let mut d = Diagnostic::error(
                codes::PROFILE_NOT_FOUND,
                name.span,
                format!("connection profile `{}` not found", name.node),
            );
            d = match did_you_mean(&name.node, names.iter().map(String::as_str)) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None if names.is_empty() => d.with_help(format!(
                    "no connection profiles for connector `{}` are defined (ddlc: pass them with --profiles)",
                    info.name
                )),
                None => d.with_help(format!("known `{}` profiles: {}", info.name, names.join(", "))),
            };
            self.opts.report(d);
            self.skip_profile_keys();
            return (None, None);
        };
        if profile.connector != info.name {
            self.opts.report(Diagnostic::error(
                codes::PROFILE_CONNECTOR,
                name.span,
                format!(
                    "connection profile `{}` is for connector `{}`, not `{}`",
                    profile.name, profile.connector, info.name
                ),
            ));
            self.skip_profile_keys();
            return (None, None);
        }
        let mut popts = ConnectorOptions::from_json(&profile.config, name.span)
            .with_context(format!("connection profile `{}`", profile.name));
        popts.add_catalogue(info.profile_options);
        let typed = self.connector.profile_from_options(&mut popts);
        popts.finish(&[]);
        self.profile_secrets = profile
            .config
            .iter()
            .filter(|(k, _)| {
                info.profile_options
                    .iter()
                    .any(|s| s.sensitive && s.matches(k))
            })
            .filter_map(|(_, v)| v.as_str().map(str::to_string))
            .filter(|s| !crate::profile::Secret::new(s.clone()).is_placeholder())
            .collect();
        for mut d in popts.take_diagnostics() {
            if d.span.is_detached() {
                d.span = name.span;
            }
            // Every mistake inside a profile is one kind of mistake for the table: its
            // profile is invalid. The message keeps what exactly is wrong.
            if d.is_error() {
                d.code = codes::PROFILE_INVALID;
            }
            self.opts.report(d);
        }
        // Connection options written in WITH as well are a mistake: the profile wins.
        for spec in info.profile_options {
            for key in self.opts.pending_keys() {
                if spec.matches(&key.node) {
                    self.opts.take(&key.node);
                    self.opts.report(
                        Diagnostic::error(
                            codes::OPTION_SET_BY_PROFILE,
                            key.span,
                            format!("`{}` is a connection option, and connection profile `{}` provides the connection", key.node, profile.name),
                        )
                        .with_help("remove it here, or drop `connection_profile` and give every connection option in WITH"),
                    );
                }
            }
        }
        (typed, Some(profile))
    }

    fn skip_profile_keys(&mut self) {
        for spec in self.connector.spec().profile_options {
            for key in self.opts.pending_keys() {
                if spec.matches(&key.node) {
                    self.opts.take(&key.node);
                }
            }
        }
    }

    fn check_format(&mut self, format: Option<&(Format, Span)>) {
        let spec = self.connector.spec();
        let (rule, name) = (spec.formats, spec.name);
        match format {
            None => {
                if rule.rule == FormatRule::Required && !self.opts.contains("format") {
                    let allowed: Vec<String> =
                        rule.allowed.iter().map(|f| format!("`{f}`")).collect();
                    let d = Diagnostic::error(
                        codes::MISSING_FORMAT,
                        self.opts.anchor(),
                        format!("connector `{name}` needs a `format`"),
                    )
                    .with_help(format!(
                        "add e.g. `format = '{}'`; `{name}` carries {}",
                        rule.allowed.first().copied().unwrap_or("json"),
                        allowed.join(", ")
                    ));
                    self.opts.report(d);
                }
            }
            Some((f, span)) => {
                if rule.rule == FormatRule::Ignored {
                    self.opts.report(Diagnostic::warning(
                        codes::FORMAT_NOT_SUPPORTED,
                        *span,
                        format!("connector `{name}` has a fixed encoding; `format` has no effect"),
                    ));
                } else if !rule.allowed.contains(&f.name()) {
                    let allowed: Vec<String> =
                        rule.allowed.iter().map(|f| format!("`{f}`")).collect();
                    self.opts.report(
                        Diagnostic::error(
                            codes::FORMAT_NOT_SUPPORTED,
                            *span,
                            format!("connector `{name}` cannot carry format `{}`", f.name()),
                        )
                        .with_help(format!("`{name}` carries {}", allowed.join(", "))),
                    );
                }
                if let Format::Json(JsonFormat { compression, .. }) = f {
                    if compression != "uncompressed" && !spec.compressed_json {
                        let span = self
                            .opts
                            .key_span(format::JSON_COMPRESSION.key)
                            .unwrap_or(*span);
                        self.opts.report(
                            Diagnostic::error(
                                codes::FORMAT_NOT_SUPPORTED,
                                span,
                                format!("connector `{name}` cannot carry compressed JSON; `json.compression` is only supported by file connectors"),
                            )
                            .with_help("remove `json.compression`"),
                        );
                    }
                }
            }
        }
    }

    /// Finds the format's schema definition (inline, file or registry subject), expands
    /// it, and reports what was lost. `None` when there is none or it failed (reported).
    fn expand_definition(
        &mut self,
        format: Option<&Format>,
        config: Option<&ErasedConfig>,
        ct: Option<ConnectionType>,
    ) -> Option<(Vec<Field>, SchemaDefinition)> {
        let (kind, inline_spec, file_spec, registry, registry_key) = match format? {
            Format::Avro(a) => (
                SchemaKind::Avro,
                &definition::AVRO_SCHEMA,
                &definition::AVRO_SCHEMA_FILE,
                a.confluent_schema_registry,
                format::AVRO_REGISTRY.key,
            ),
            Format::Json(j) if !j.debezium => (
                SchemaKind::JsonSchema,
                &definition::JSON_SCHEMA,
                &definition::JSON_SCHEMA_FILE,
                j.confluent_schema_registry,
                format::JSON_REGISTRY.key,
            ),
            Format::Protobuf(p) => (
                SchemaKind::Protobuf,
                &definition::PROTO_SCHEMA,
                &definition::PROTO_SCHEMA_FILE,
                p.confluent_schema_registry,
                format::PROTO_REGISTRY.key,
            ),
            _ => return None,
        };
        let message_name = match format {
            Some(Format::Protobuf(p)) => p.message_name.clone(),
            _ => None,
        };
        let inline = self.opts.string(inline_spec);
        let file = self.opts.string(file_spec);
        if let (Some(i), Some(f)) = (&inline, &file) {
            self.opts.report(
                Diagnostic::error(
                    codes::OPTION_CONFLICT,
                    f.span,
                    format!(
                        "`{}` cannot be combined with `{}`",
                        file_spec.key, inline_spec.key
                    ),
                )
                .with_label(i.span, "schema given inline here")
                .with_help("give the schema once"),
            );
            return None;
        }
        let declared_physical = self.physical_declared(&self.columns.fields).len();
        let resolver = self.env.schemas;
        let (text, origin, span, root_name) = if let Some(i) = inline {
            let name = match kind {
                SchemaKind::Protobuf => "schema.proto".to_string(),
                _ => String::new(),
            };
            (i.node, SchemaOrigin::Inline, i.span, name)
        } else if let Some(f) = file {
            match resolver.file(&f.node) {
                Ok(Some(t)) => (
                    t,
                    SchemaOrigin::File {
                        path: f.node.clone(),
                    },
                    f.span,
                    f.node.clone(),
                ),
                Ok(None) => {
                    self.opts.report(
                        Diagnostic::error(codes::SCHEMA_NOT_FOUND, f.span, format!("schema file `{}` not found", f.node))
                            .with_help("schema files are resolved by the embedder's schema resolver (ddlc: `--schemas DIR`)"),
                    );
                    return None;
                }
                Err(e) => {
                    self.opts.error(
                        codes::SCHEMA_NOT_FOUND,
                        f.span,
                        format!("cannot read schema file `{}`: {e}", f.node),
                    );
                    return None;
                }
            }
        } else if registry {
            let subject = config.and_then(|c| self.connector.schema_subject(c))?;
            let span = self
                .opts
                .peek(registry_key)
                .map(|v| v.span)
                .unwrap_or(self.opts.anchor());
            match resolver.subject(&subject, kind) {
                Ok(Some(t)) => (
                    t,
                    SchemaOrigin::Subject {
                        subject: subject.clone(),
                    },
                    span,
                    format!("{subject}.proto"),
                ),
                Ok(None) => {
                    // Without columns a source has nothing to decode into.
                    if declared_physical == 0 && ct == Some(ConnectionType::Source) {
                        self.opts.report(
                            Diagnostic::error(
                                codes::SCHEMA_NOT_FOUND,
                                span,
                                format!("no schema is registered under subject `{subject}`, and the table declares no columns"),
                            )
                            .with_help("declare the columns, set `value.subject`, or give the schema inline"),
                        );
                    }
                    return None;
                }
                Err(e) => {
                    self.opts.error(
                        codes::SCHEMA_NOT_FOUND,
                        span,
                        format!("cannot resolve subject `{subject}`: {e}"),
                    );
                    return None;
                }
            }
        } else {
            // Protobuf cannot decode without a descriptor; an Avro source cannot decode
            // without the writer's schema, unless bare datums are read with the columns'.
            let raw_datums = matches!(format, Some(Format::Avro(a)) if a.raw_datums);
            let needs_schema = match kind {
                SchemaKind::Protobuf => true,
                SchemaKind::Avro => {
                    ct == Some(ConnectionType::Source) && !(raw_datums && declared_physical > 0)
                }
                SchemaKind::JsonSchema => false,
            };
            if needs_schema {
                let span = self
                    .opts
                    .key_span(format::FORMAT.key)
                    .unwrap_or(self.opts.anchor());
                let fmt = if kind == SchemaKind::Avro {
                    "avro"
                } else {
                    "protobuf"
                };
                self.opts.report(
                    Diagnostic::error(
                        codes::MISSING_OPTION,
                        span,
                        format!("format `{fmt}` needs a schema to decode messages"),
                    )
                    .with_help(format!(
                        "set `{}` (inline), `{}`, or `{fmt}.confluent_schema_registry = true`",
                        inline_spec.key, file_spec.key
                    )),
                );
            }
            return None;
        };
        // Where each JSON Schema note is in `text` (the other expanders do not say).
        let mut places: Vec<Span> = Vec::new();
        let result: Result<(Expansion, Option<String>, Vec<PinnedFile>), SchemaError> = match kind {
            SchemaKind::Avro => {
                crate::schema::avro::expand_avro(&text).map(|e| (e, None, Vec::new()))
            }
            SchemaKind::JsonSchema => crate::schema::json_schema::expand_json_schema_placed(&text)
                .map(|(e, p)| {
                    places = p;
                    (e, None, Vec::new())
                }),
            SchemaKind::Protobuf => {
                let import = |path: &str| resolver.file(path);
                crate::schema::protobuf::expand_protobuf(
                    &root_name,
                    &text,
                    &import,
                    message_name.as_deref(),
                )
                .map(|p| {
                    let imports = p
                        .files
                        .into_iter()
                        .filter(|(n, _)| n != &root_name)
                        .map(|(name, text)| PinnedFile { name, text })
                        .collect();
                    (p.expansion, Some(p.message_name), imports)
                })
            }
        };
        // For an inline schema, point at the place inside the literal when we can tell it;
        // the whole value stays as a secondary label.
        let inline = matches!(origin, SchemaOrigin::Inline);
        let place = |message: &str, at: Option<Span>| {
            let precise = if inline {
                definition::locate_in_literal(&text, span, message, &root_name, at)
            } else {
                None
            };
            precise.filter(|p| *p != span)
        };
        let (expansion, message_name, imports) = match result {
            Ok(r) => r,
            Err(e) => {
                let mut d = Diagnostic::error(e.code, span, e.message).with_optional_help(e.help);
                if let Some(p) = place(&d.message, e.span) {
                    d.span = p;
                    d = d.with_label(span, "in this schema");
                }
                self.opts.report(d);
                return None;
            }
        };
        for (i, note) in expansion.notes.iter().enumerate() {
            let mut d = Diagnostic::warning(note.code, span, note.message.clone());
            if let Some(p) = place(&d.message, places.get(i).copied()) {
                d.span = p;
                d = d.with_label(span, "in this schema");
            }
            self.opts.report(d);
        }
        let fp = fingerprint(
            std::iter::once(text.as_str())
                .chain(imports.iter().map(|f: &PinnedFile| f.text.as_str())),
        );
        Some((
            expansion.fields,
            SchemaDefinition {
                kind,
                origin,
                text,
                fingerprint: fp,
                message_name,
                imports,
            },
        ))
    }

    /// The fields of a table with a schema definition: the schema's fields when no
    /// physical column is declared, otherwise the declared columns, each checked against
    /// the schema. Metadata and generated columns are added on top.
    fn fields_with_definition(&mut self, schema_fields: Vec<Field>) -> Vec<Field> {
        let declared = self.columns.fields.clone();
        let physical: Vec<Field> = self
            .physical_declared(&declared)
            .into_iter()
            .cloned()
            .collect();
        if physical.is_empty() {
            let mut all = schema_fields;
            for extra in declared {
                if all.iter().any(|f| f.name() == extra.name()) {
                    let span = self.column_span(extra.name());
                    self.opts.report(
                        Diagnostic::error(
                            codes::DUPLICATE_COLUMN,
                            span,
                            format!("column `{}` is also a field of the schema", extra.name()),
                        )
                        .with_help("rename the metadata or generated column"),
                    );
                    continue;
                }
                all.push(extra);
            }
            return all;
        }
        let cols = self.def.column_list();
        for f in &physical {
            let Some(col) = cols.iter().find(|c| c.name.node == *f.name()) else {
                continue;
            };
            let Some(sf) = schema_fields.iter().find(|s| s.name() == f.name()) else {
                let names: Vec<&str> = schema_fields.iter().map(|s| s.name().as_str()).collect();
                let mut d = Diagnostic::error(
                    codes::SCHEMA_MISMATCH,
                    col.name.span,
                    format!("column `{}` is not in the schema", f.name()),
                );
                d = match did_you_mean(f.name(), names.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(format!("the schema's fields are: {}", names.join(", "))),
                };
                self.opts.report(d);
                continue;
            };
            let type_span = col.ty.as_ref().map(|t| t.span).unwrap_or(col.span);
            if !compatible(f.data_type(), sf.data_type()) {
                let want = sql_name(sf.data_type(), is_json(sf));
                self.opts.report(
                    Diagnostic::error(
                        codes::SCHEMA_MISMATCH,
                        type_span,
                        format!(
                            "column `{}` is declared {}, but the schema has {want}",
                            f.name(),
                            sql_name(f.data_type(), is_json(f))
                        ),
                    )
                    .with_help(format!("declare `{} {want}`", f.name())),
                );
            } else if !f.is_nullable() && sf.is_nullable() {
                self.opts.report(
                    Diagnostic::error(
                        codes::SCHEMA_MISMATCH,
                        col.not_null.unwrap_or(type_span),
                        format!(
                            "column `{}` is NOT NULL, but the schema allows null",
                            f.name()
                        ),
                    )
                    .with_help("remove `NOT NULL`"),
                );
            }
        }
        declared
    }

    /// The column list, or the table name when there is none: where table-shape errors go.
    fn column_list_span(&self) -> Span {
        self.def
            .columns
            .as_ref()
            .map(|c| c.span)
            .unwrap_or(self.def.name.span)
    }

    fn column_span(&self, name: &str) -> Span {
        self.def
            .column_list()
            .iter()
            .find(|c| c.name.node == name)
            .map(|c| c.span)
            .unwrap_or(self.def.name.span)
    }

    /// The table's fields: declared, or the connector's fixed schema.
    fn schema_fields(&mut self, fixed: Option<Vec<Field>>) -> Vec<Field> {
        let declared = self.columns.fields.clone();
        let Some(fixed) = fixed else {
            return declared;
        };
        let physical: Vec<&Field> = self.physical_declared(&declared);
        if physical.is_empty() {
            let mut all = fixed;
            all.extend(declared);
            return all;
        }
        let same = physical.len() == fixed.len()
            && physical
                .iter()
                .zip(&fixed)
                .all(|(a, b)| a.name() == b.name() && same_shape(a.data_type(), b.data_type()));
        if !same {
            let expected: Vec<String> = fixed
                .iter()
                .map(|f| {
                    format!(
                        "{} {}{}",
                        f.name(),
                        sql_name(f.data_type(), is_json(f)),
                        if f.is_nullable() { "" } else { " NOT NULL" }
                    )
                })
                .collect();
            let span = self.column_list_span();
            self.opts.report(
                Diagnostic::error(
                    codes::FIXED_SCHEMA,
                    span,
                    format!(
                        "connector `{}` has a fixed schema, and these columns differ from it",
                        self.connector_name
                    ),
                )
                .with_help(format!(
                    "declare exactly ({}) or no columns at all",
                    expected.join(", ")
                )),
            );
            return declared;
        }
        // Same columns: keep the connector's nullability, add generated and metadata columns.
        let mut all = fixed;
        all.extend(
            declared
                .into_iter()
                .filter(|f| !self.is_physical_name(f.name())),
        );
        all
    }

    fn is_physical_name(&self, name: &str) -> bool {
        !self.columns.metadata.iter().any(|m| m.0.field == name)
            && !self.columns.generated.iter().any(|g| g.field == name)
    }

    fn physical_declared<'f>(&self, fields: &'f [Field]) -> Vec<&'f Field> {
        fields
            .iter()
            .filter(|f| self.is_physical_name(f.name()))
            .collect()
    }

    fn watermark(&mut self, fields: &[Field]) -> Option<Watermark> {
        let def = self.def;
        let known = Known::new(fields, &self.columns.generated);
        let first = def.watermarks.first()?;
        for extra in def.watermarks.iter().skip(1) {
            self.opts.report(
                Diagnostic::error(
                    codes::DUPLICATE_WATERMARK,
                    extra.span,
                    "a table can have only one `WATERMARK FOR`",
                )
                .with_label(first.span, "first declared here"),
            );
        }
        let col = &first.column;
        match fields.iter().find(|f| f.name() == &col.node) {
            None => report_unknown_column(&mut self.opts, &known, col, "`WATERMARK FOR`"),
            Some(f) => {
                if !matches!(f.data_type(), DataType::Timestamp(_, None)) {
                    self.opts.report(
                        Diagnostic::error(
                            codes::WATERMARK_TYPE,
                            col.span,
                            format!(
                                "`WATERMARK FOR` needs a TIMESTAMP column, but `{}` is {}",
                                col.node,
                                sql_name(f.data_type(), is_json(f))
                            ),
                        )
                        .with_help(format!(
                            "declare `{} TIMESTAMP`, or add a generated column `ts TIMESTAMP GENERATED ALWAYS AS (CAST({} AS TIMESTAMP))`",
                            col.node, col.node
                        )),
                    );
                }
            }
        }
        if let Some(expr) = &first.expr {
            check_refs(expr, &known, &mut self.opts, "watermark expression", true);
            let base = match &expr.shape {
                ExprShape::Column(c)
                | ExprShape::ColumnPlusMinusInterval(c)
                | ExprShape::ColumnArithmetic(c) => Some(c),
                _ => None,
            };
            if expr.shape == ExprShape::Number {
                self.opts.report(Diagnostic::error(
                    codes::WATERMARK_TYPE,
                    expr.span,
                    format!(
                        "the watermark expression must be a TIMESTAMP, but `{}` is a number",
                        expr.text
                    ),
                ));
            }
            if let Some(c) = base.and_then(|c| fields.iter().find(|f| f.name() == c)) {
                if !matches!(c.data_type(), DataType::Timestamp(_, _)) {
                    self.opts.report(
                        Diagnostic::error(
                            codes::WATERMARK_TYPE,
                            expr.span,
                            format!(
                                "the watermark expression must be a TIMESTAMP, but `{}` is {}",
                                expr.text,
                                sql_name(c.data_type(), is_json(c))
                            ),
                        )
                        .with_help("subtract an interval from a TIMESTAMP column, e.g. `ts - INTERVAL '5' SECOND`"),
                    );
                } else if c.is_nullable() && !matches!(expr.shape, ExprShape::ColumnArithmetic(_)) {
                    self.opts.report(
                        Diagnostic::error(
                            codes::WATERMARK_NULLABLE,
                            expr.span,
                            format!("the watermark expression can be NULL, because column `{}` can be NULL", c.name()),
                        )
                        .with_help(format!("declare `{} TIMESTAMP NOT NULL`", c.name())),
                    );
                }
            }
        }
        Some(Watermark {
            column: col.node.clone(),
            expression: first.expr.as_ref().map(|e| e.text.clone()),
        })
    }

    fn check_metadata(&mut self) {
        let defs = self.connector.spec().metadata;
        let name = self.connector_name.to_string();
        let cols = self.columns.metadata.clone();
        for (m, key_span, type_span) in cols {
            let Some(def) = defs.iter().find(|d| d.key == m.key) else {
                let mut d = Diagnostic::error(
                    codes::UNKNOWN_METADATA,
                    key_span,
                    format!("connector `{name}` provides no metadata `{}`", m.key),
                );
                let keys: Vec<&str> = defs.iter().map(|d| d.key).collect();
                d = match did_you_mean(&m.key, keys.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None if keys.is_empty() => {
                        d.with_help(format!("`{name}` provides no metadata columns"))
                    }
                    None => d.with_help(format!("`{name}` provides: {}", keys.join(", "))),
                };
                self.opts.report(d);
                continue;
            };
            let Some(field) = self.columns.fields.iter().find(|f| *f.name() == m.field) else {
                continue;
            };
            if field.data_type() != &def.data_type && field.data_type() != &DataType::Null {
                self.opts.report(
                    Diagnostic::error(
                        codes::METADATA_TYPE,
                        type_span,
                        format!(
                            "metadata `{}` is {}, but column `{}` is declared {}",
                            m.key,
                            sql_name(&def.data_type, false),
                            m.field,
                            sql_name(field.data_type(), is_json(field))
                        ),
                    )
                    .with_help(format!(
                        "declare `{} {} METADATA FROM '{}'`",
                        m.field,
                        sql_name(&def.data_type, false),
                        m.key
                    )),
                );
            }
        }
    }

    /// raw_string, raw_bytes, unstructured JSON and Debezium need particular columns.
    fn check_format_shape(&mut self, schema: &ConnectionSchema, ct: ConnectionType) {
        let Some(format) = &schema.format else {
            return;
        };
        let span = self.column_list_span();
        let physical: Vec<&Field> = schema.physical_fields().collect();
        let needs_value = |dt: &DataType, json: bool| matches!(physical.as_slice(), [f] if f.name() == "value" && f.data_type() == dt && is_json(f) == json);
        let skip = schema.inferred && ct != ConnectionType::Source;
        let requirement = match format {
            Format::RawString {} if !skip && !needs_value(&DataType::Utf8, false) => {
                Some(("raw_string", "value TEXT"))
            }
            Format::RawBytes {} if !skip && !needs_value(&DataType::Binary, false) => {
                Some(("raw_bytes", "value BYTEA"))
            }
            Format::Json(j) if j.unstructured && !skip && !needs_value(&DataType::Utf8, true) => {
                Some(("json with `json.unstructured = true`", "value JSON"))
            }
            Format::Avro(a)
                if a.into_unstructured_json && !skip && !needs_value(&DataType::Utf8, true) =>
            {
                Some((
                    "avro with `avro.into_unstructured_json = true`",
                    "value JSON",
                ))
            }
            Format::Protobuf(p)
                if p.into_unstructured_json && !skip && !needs_value(&DataType::Utf8, true) =>
            {
                Some((
                    "protobuf with `protobuf.into_unstructured_json = true`",
                    "value JSON",
                ))
            }
            _ => None,
        };
        if let Some((what, col)) = requirement {
            self.opts.report(
                Diagnostic::error(
                    codes::FORMAT_SHAPE,
                    span,
                    format!("format {what} needs exactly one column `{col}` (besides metadata and generated columns)"),
                )
                .with_help(format!("declare `({col})`")),
            );
        }
        if format.is_updating() {
            for g in &self.columns.generated {
                let span = self
                    .def
                    .column_list()
                    .iter()
                    .find(|c| c.name.node == g.field)
                    .map(|c| c.span)
                    .unwrap_or(span);
                self.opts.report(Diagnostic::error(
                    codes::DEBEZIUM,
                    span,
                    format!("format `debezium_json` cannot have generated columns, but `{}` is generated", g.field),
                ));
            }
            if ct == ConnectionType::Source && schema.primary_keys.is_empty() {
                self.opts.report(
                    Diagnostic::error(
                        codes::DEBEZIUM,
                        span,
                        "a `debezium_json` source needs a PRIMARY KEY",
                    )
                    .with_help("mark the key column, e.g. `id BIGINT PRIMARY KEY`"),
                );
            }
        }
    }

    fn field_option(&mut self, spec: &OptionSpec, schema: &ConnectionSchema) -> Option<String> {
        let f = self.opts.field_ref(spec)?;
        self.opts.report(
            Diagnostic::warning(
                codes::DEPRECATED_OPTION,
                f.span,
                format!("`{}` is deprecated", spec.key),
            )
            .with_help(if spec.key == EVENT_TIME_FIELD.key {
                format!("declare `WATERMARK FOR {}` in the column list", f.node)
            } else {
                format!(
                    "declare `WATERMARK FOR <event time column> AS {}` in the column list",
                    f.node
                )
            }),
        );
        if schema.field(&f.node).is_none() && !schema.fields.is_empty() {
            let known = Known::new(&schema.fields, &schema.generated_fields);
            report_unknown_column(&mut self.opts, &known, &f, &format!("`{}`", spec.key));
        }
        Some(f.node)
    }

    /// Reports the options nobody read: the catalogue explains keys of another connection
    /// type or condition; keys of another format, another system or a connector without
    /// `type` get their own message; the rest are unknown.
    fn finish_options(
        &mut self,
        ct: Option<ConnectionType>,
        profile: Option<&ConnectionProfile>,
        format: Option<&Format>,
        framing: bool,
    ) {
        if self.opts.pending_keys().is_empty() {
            return; // the common case: every option was read
        }
        let spec = self.connector.spec();
        if let Some(f) = format {
            self.opts.add_catalogue(format::format_options(f.name()));
        }
        let mut misplaced = format::misplaced_format_keys(format.map(Format::name));
        for (foreign, ours) in spec.foreign_options {
            misplaced.push((
                foreign.to_string(),
                codes::UNKNOWN_OPTION,
                format!("unknown option `{foreign}` (that is Flink's name); here it is `{ours}`"),
            ));
        }
        if let (Some(c), false) = (ct, spec.type_option) {
            misplaced.push((
                "type".to_string(),
                codes::UNKNOWN_OPTION,
                format!(
                    "connector `{}` is always a {c}, so it takes no `type` option; remove it",
                    self.connector_name
                ),
            ));
        }
        if !framing {
            misplaced.push((
                format::FRAMING_MAX_LENGTH.key.to_string(),
                codes::OPTION_CONFLICT,
                "`framing.newline.max_length` needs `framing = 'newline'`".to_string(),
            ));
        }
        if profile.is_some() {
            // Reported as set by the profile already.
            self.skip_profile_keys();
        }
        if ct.is_none() {
            // The table's type is unknown (an error was reported): do not pile on.
            for key in self.opts.pending_keys() {
                if spec.table_options.iter().any(|s| s.matches(&key.node)) {
                    self.opts.take(&key.node);
                }
            }
        }
        self.opts.finish(&misplaced);
    }
}

/// The value to show instead of `value` when option `key` of `connector` is secret (a
/// sensitive spec, or a settings map holding credentials); `None` when it is not secret.
fn redacted_value(connector: &dyn ErasedConnector, key: &str, value: &Value) -> Option<Value> {
    redacted_by_specs(connector.spec().options(), key, value)
}

/// [`redacted_value`] over any set of specs.
fn redacted_by_specs<'s>(
    mut specs: impl Iterator<Item = &'s OptionSpec>,
    key: &str,
    value: &Value,
) -> Option<Value> {
    // A URL written with `user:password@` carries a secret whatever the option is.
    if let Value::String(v) = value {
        if let Some(masked) = crate::profile::redact_url_password(v) {
            return Some(Value::String(masked));
        }
    }
    // Only secret and settings-map specs can redact; look at those alone.
    let spec = specs.find(|s| (s.sensitive || s.kind == OptionKind::Map) && s.matches(key))?;
    match (value, spec.sensitive, spec.kind) {
        (Value::String(v), true, _) => Some(Value::String(
            crate::profile::Secret::new(v.clone())
                .redacted()
                .to_string(),
        )),
        (_, true, _) => Some(Value::String("********".into())),
        (Value::String(v), false, OptionKind::Map) => {
            let r = crate::profile::redact_settings(v);
            (r != *v).then_some(Value::String(r))
        }
        _ => None,
    }
}

/// Spans of the secret option values written in a script, so renderers can mask them
/// in the source lines they show.
fn secret_spans(with: Option<&WithClause>, registry: &Registry) -> Vec<Span> {
    let Some(with) = with else {
        return Vec::new();
    };
    let connector = with
        .options
        .iter()
        .find(|o| o.key.node == "connector")
        .and_then(|o| match &o.value.node {
            Value::String(s) => registry.get(s.as_str()),
            _ => None,
        });
    // With no known connector, mask what any connector would keep secret: the statement
    // may be wrong, but its secrets are still secrets.
    with.options
        .iter()
        .filter(|o| match connector {
            Some(c) => redacted_value(c, &o.key.node, &o.value.node).is_some(),
            None => registry
                .iter()
                .any(|(_, c)| redacted_value(c, &o.key.node, &o.value.node).is_some()),
        })
        .map(|o| o.value.span)
        .collect()
}

/// Whether a declared column type can read values of a schema's type: equal up to list
/// item names, timestamp units, the JSON marker, and struct fields the column leaves out.
fn compatible(declared: &DataType, schema: &DataType) -> bool {
    use DataType as D;
    match (declared, schema) {
        (D::Timestamp(_, _), D::Timestamp(_, _)) => true,
        (D::Binary | D::LargeBinary, D::Binary | D::LargeBinary | D::FixedSizeBinary(_)) => true,
        (D::Utf8 | D::LargeUtf8, D::Utf8 | D::LargeUtf8) => true,
        (D::List(a) | D::LargeList(a), D::List(b) | D::LargeList(b) | D::FixedSizeList(b, _)) => {
            compatible(a.data_type(), b.data_type())
        }
        (D::Struct(a), D::Struct(b)) => a.iter().all(|fa| {
            b.iter()
                .any(|fb| fb.name() == fa.name() && compatible(fa.data_type(), fb.data_type()))
        }),
        (D::Map(a, _), D::Map(b, _)) => compatible(a.data_type(), b.data_type()),
        (a, b) => a == b,
    }
}

/// Whether two types have the same shape: [`compatible`] both ways, so struct fields must
/// match one to one (nested nullability is not compared).
fn same_shape(a: &DataType, b: &DataType) -> bool {
    compatible(a, b) && compatible(b, a)
}
