//! The pipeline: DDL (or a JSON create-table request) → [`Table`]s and [`Diagnostic`]s.
//!
//! Each table is compiled on its own; every stage reports what it finds and carries on,
//! and a table is produced only when none of its diagnostics is an error.

mod arroyo_view;
mod columns;
mod definition;
mod finish;
mod format;
mod memory;

mod output;
mod profile;
mod stream;
mod table_type;
mod watermark;
mod written;

pub use output::{
    arrow_metadata, CompileError, Compiled, Connection, ConnectionConfig, LookupCache, MemoryTable,
    Table,
};
pub use stream::compile_sql_with;
pub(crate) use stream::{compile_each, Alone};

use columns::{check_column_refs, lower_columns, Columns, Known};
pub(crate) use finish::lexical_secret_spans;
use finish::secret_spans;
use memory::memory_table;
pub(crate) use written::Written;

use crate::connector::{ErasedConnector, FormatRule, Registry, TableContext};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec, Value};
#[cfg(test)]
use crate::parse::{parse_script, Statement};
use crate::parse::{TableDef, WithClause};
use crate::profile::{ProfileResolver, Profiles};
use crate::schema::definition::{NoSchemas, SchemaResolver};
use crate::schema::format::{self as schema_format, Format};
use crate::schema::ConnectionSchema;
use crate::span::{Span, Spanned};

option_specs! {
    pub(crate) CONNECTOR = string("connector").doc("The connector to use; absent for a memory table.");
    pub(crate) CONNECTION_PROFILE = string("connection_profile").aliases(&["connection"]).doc("Name of a connection profile that holds the connection options.");
    pub(crate) EVENT_TIME_FIELD = new("event_time_field", OptionKind::FieldRef).source_only().lenient().doc("Deprecated: use `WATERMARK FOR column`.");
    pub(crate) WATERMARK_FIELD = new("watermark_field", OptionKind::FieldRef).source_only().lenient().doc("Deprecated: use `WATERMARK FOR column AS expr`.");
    pub(crate) IDLE_MICROS = new("idle_micros", OptionKind::Signed).default_int(300_000_000).source_only().lenient().doc("Microseconds without data after which a source partition counts as idle; <= 0 disables.");
    pub(crate) LOOKUP_CACHE_MAX_BYTES = new("lookup.cache.max_bytes", OptionKind::Unsigned).lookup_only().lenient().doc("Size of the lookup cache in bytes.");
    pub(crate) LOOKUP_CACHE_TTL = new("lookup.cache.ttl", OptionKind::Duration).lookup_only().lenient().doc("How long a looked-up row is cached.");
}

/// Options the compiler reads for every connection table.
pub const COMMON_OPTIONS: &[OptionSpec] = &[
    CONNECTOR,
    CONNECTION_PROFILE,
    schema_format::FORMAT,
    schema_format::FRAMING,
    schema_format::FRAMING_MAX_LENGTH,
    schema_format::BAD_DATA,
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

/// The syntax errors of a script, without compiling it: the front end alone, for editors
/// that want a fast first pass (and for the benches that measure the parser). Secret values
/// (the sensitive options of `registry`'s connectors, by key) are masked in the messages,
/// as parser messages quote the tokens they stop at.
pub fn check_syntax(sql: &str, registry: &Registry) -> Vec<Diagnostic> {
    let mut diagnostics = crate::parse::parse_script(sql).diagnostics;
    finish::redact_syntax_diagnostics(sql, &mut diagnostics, registry);
    diagnostics
}

/// Compiles a SQL script: every `CREATE TABLE` becomes a [`Table`]; other statements are
/// skipped.
///
/// # Errors
/// Mistakes are returned as diagnostics in [`Compiled::diagnostics`], never as a panic;
/// see `docs/diagnostics.md` for the codes.
pub fn compile_sql(sql: &str, env: &Env<'_>) -> Compiled {
    stream::compile_collected(sql, env)
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

/// A fix for each misspelled type name the parser suggests a type for (`BIGNT` →
/// `BIGINT`), when the span holds exactly the name the message quotes.
fn type_fixes(diags: &mut [Diagnostic], sql: &str) {
    for d in diags.iter_mut().filter(|d| d.code == codes::UNKNOWN_TYPE) {
        let suggestion = d
            .help
            .as_deref()
            .and_then(|h| h.strip_prefix("did you mean `"))
            .and_then(|h| h.strip_suffix("`?"));
        let written = sql.get(d.span.start..d.span.end);
        let named = d
            .message
            .strip_prefix("unknown type `")
            .and_then(|m| m.strip_suffix('`'));
        if let (Some(s), Some(w), Some(n)) = (suggestion, written, named) {
            if w == n && d.fixes.is_empty() {
                let s = s.to_string();
                d.fixes.push(crate::diagnostics::Fix {
                    span: d.span,
                    replacement: s,
                });
            }
        }
    }
}

/// The fixes of `diags` as edits of a JSON request (`json_text`) rather than of SQL: a
/// SQL string literal becomes a JSON string; an edit inside a JSON string (a key renamed,
/// a connector respelled) stays; any other edit (SQL syntax such as `NOT NULL` or a type
/// name) has no JSON equivalent and is dropped.
pub(crate) fn fixes_for_json(diags: &mut [Diagnostic], json_text: &str) {
    let bytes = json_text.as_bytes();
    for d in diags.iter_mut() {
        // "add `topic = '…'`" is SQL; a request adds a member to `config`.
        let help = d.help.as_deref().unwrap_or_default();
        let sql_add = help
            .split_once("add `")
            .and_then(|(before, rest)| rest.split_once('`').map(|(kv, after)| (before, kv, after)))
            .and_then(|(before, kv, after)| {
                kv.split_once(" = ").map(|(k, v)| (before, k, v, after))
            });
        if let (true, Some((before, k, v, after))) = (d.code == codes::MISSING_OPTION, sql_add) {
            let value = match v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
                Some(text) => serde_json::to_string(text).unwrap_or_default(),
                None => v.to_string(),
            };
            d.help = Some(format!("{before}add `\"{k}\": {value}` to `config`{after}"));
        }
    }
    for d in diags {
        d.fixes.retain_mut(|f| {
            if let Some(inner) = f
                .replacement
                .strip_prefix('\'')
                .and_then(|r| r.strip_suffix('\''))
            {
                let text = inner.replace("''", "'");
                return match serde_json::to_string(&text) {
                    Ok(json) => {
                        f.replacement = json;
                        true
                    }
                    Err(_) => false,
                };
            }
            let inside_string = f.span.start > 0
                && bytes.get(f.span.start - 1) == Some(&b'"')
                && bytes.get(f.span.end) == Some(&b'"');
            inside_string && !f.replacement.contains(['"', '\\'])
        });
    }
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

/// [`compile_table`] after translating a table written for Flink or RisingWave
/// (`crate::migration`): their names are diagnosed once each, and the rest of the pipeline
/// sees ours, so it adds no follow-on errors.
fn compile_translated(
    def: &TableDef,
    with: Option<WithClause>,
    env: &Env<'_>,
    sql: &str,
    form: Option<&crate::parse::foreign::ForeignForm>,
    uses: &crate::migration::ScriptUses<'_>,
) -> (Option<Table>, Vec<Diagnostic>, Vec<Span>) {
    let foreign = crate::migration::translate(def, with, env.registry, sql, form, uses);
    // What became ours outside WITH (`PARTITIONED BY`, metadata keys) is compiled as ours.
    let patched;
    let def = if foreign.partitioned_by_taken
        || foreign.temporary_taken
        || !foreign.metadata_keys.is_empty()
    {
        patched = crate::migration::patched(def, &foreign);
        &patched
    } else {
        def
    };
    let (mut table, mut diags, mut secrets) = match foreign.stop {
        true => (
            None,
            Vec::new(),
            secret_spans(foreign.with.as_ref(), env.registry),
        ),
        false => compile_table(def, foreign.with, env),
    };
    // Options the translation removed may hold secrets too (an empty list has none, and
    // asking would scan every connector's catalogue: no connector is named in it).
    if !foreign.removed.is_empty() {
        let removed = WithClause {
            span: Span::DETACHED,
            options: foreign.removed,
        };
        secrets.extend(secret_spans(Some(&removed), env.registry));
    }
    if foreign.diagnostics.iter().any(Diagnostic::is_error) {
        table = None;
    }
    diags.extend(foreign.diagnostics);
    (table, diags, secrets)
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

/// The options of a WITH clause; missing ones are reported at its closing parenthesis,
/// where they would be added (or at the table name when there is no clause).
fn with_options(with: Option<WithClause>, def: &TableDef) -> ConnectorOptions {
    let anchor = with
        .as_ref()
        .map(|w| closing(w.span))
        .unwrap_or(def.name.span);
    let entries = with
        .map(|w| w.options)
        .unwrap_or_default()
        .into_iter()
        .map(|o| (o.key, o.value));
    ConnectorOptions::from_entries(entries, anchor)
}

/// The last byte of `span` (the closing parenthesis of a WITH clause, the closing brace of
/// a request's `config`); `span` itself when it is empty or detached.
pub(crate) fn closing(span: Span) -> Span {
    if span.is_detached() || span.end <= span.start {
        return span;
    }
    Span::new(span.end - 1, span.end)
}

fn compile_options(
    def: &TableDef,
    with: Option<WithClause>,
    env: &Env<'_>,
) -> (Option<Table>, Vec<Diagnostic>) {
    let mut opts = with_options(with, def);
    let connector_value = opts.peek(CONNECTOR.key).cloned();
    let connector_name = match &connector_value {
        None => None,
        Some(v) => match &v.node {
            Value::String(s) => {
                opts.take(CONNECTOR.key);
                Some(Spanned::new(s.clone(), v.span))
            }
            _ => opts.string(&CONNECTOR),
        },
    };
    let is_memory =
        connector_value.is_none() || connector_name.as_ref().is_some_and(|c| c.node == "memory");
    let columns = lower_columns(def, !is_memory, &mut opts);
    if is_memory {
        let names: Vec<&str> = env.registry.names().collect();
        return memory_table(def, columns, opts, &names);
    }
    let Some(connector_name) = connector_name else {
        return (None, opts.take_diagnostics());
    };
    let mut connector_name = connector_name;
    if env.registry.get(&connector_name.node).is_none() {
        // `'Kafka'`: connector names match case-insensitively, as enum values do; the
        // registered spelling is what the output carries.
        let registered = env
            .registry
            .names()
            .find(|n| n.eq_ignore_ascii_case(&connector_name.node));
        if let Some(name) = registered {
            let d = Diagnostic::warning(
                codes::CONNECTOR_CASE,
                connector_name.span,
                format!(
                    "connector `{}` is registered as `{name}`",
                    connector_name.node
                ),
            )
            .with_help(format!("write `connector = '{name}'`"));
            opts.report(crate::messages::replace_text(
                d,
                connector_name.span,
                &connector_name.node,
                name,
            ));
            connector_name.node = name.to_string();
        }
    }
    let Some(connector) = env.registry.get(&connector_name.node) else {
        let names: Vec<&str> = env.registry.names().collect();
        opts.report(crate::messages::suggest_fix(
            Diagnostic::error(
                codes::UNKNOWN_CONNECTOR,
                connector_name.span,
                format!("unknown connector `{}`", connector_name.node),
            ),
            connector_name.span,
            &connector_name.node,
            names.iter().copied(),
            Some(format!("known connectors: {}", names.join(", "))),
        ));
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
    // A table is dropped only with a reason: a connector that returns nothing without
    // reporting why (a third-party bug) still gets the user a diagnostic.
    let Some(table) = table else {
        diags.push(
            Diagnostic::error(
                codes::CONNECTOR_SILENT,
                def.name.span,
                format!(
                    "connector `{}` rejected the table without saying why",
                    connector_name.node
                ),
            )
            .with_help(
                "this is a bug in the connector; its authors should report the option at fault",
            ),
        );
        return (None, diags);
    };
    (Some(Table::Connection(Box::new(table))), diags)
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
        let format = schema_format::format_from_options(&mut self.opts);
        let framing = schema_format::framing_from_options(&mut self.opts);
        let bad_data = schema_format::bad_data_from_options(&mut self.opts);
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
                schema_format::FRAMING.key,
                schema_format::FRAMING_MAX_LENGTH.key,
                schema_format::BAD_DATA.key,
            ] {
                if let Some(span) = self.opts.key_span(key) {
                    self.opts.report(crate::messages::fixed_encoding(
                        span,
                        self.connector_name,
                        key,
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
            self.opts
                .report(crate::messages::not_applicable(p.span, message).with_help(help));
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
        let secret_specs = finish::secret_capable(self.connector);
        let secrets = self.secret_values(&secret_specs);
        let description = crate::profile::redact_text(&config.description, &secrets);
        // The last use of the options and the declared columns: the storage form keeps
        // them as written (moved, not copied); the table shows them redacted.
        let options = self.redacted_options(&secret_specs);
        let written = Written::new(
            self.opts.take_entries(),
            std::mem::take(&mut self.columns.fields),
            &schema.fields,
        );
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
            options,
            written,
        })
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
}

/// Helpers for the stage tests: a table parsed and lowered, and a [`TableCompiler`] over
/// it, so each stage can be run on its own.
#[cfg(test)]
pub(super) mod testing {
    use super::*;
    use crate::profile::ConnectionProfile;

    /// The one `CREATE TABLE` of `sql`.
    pub(super) fn table_def(sql: &str) -> TableDef {
        let script = parse_script(sql);
        let def = script.statements.into_iter().find_map(|s| match s {
            Statement::CreateTable(def) => Some(def),
            _ => None,
        });
        match def {
            Some(def) => *def,
            None => panic!("no CREATE TABLE in {sql}"),
        }
    }

    /// The WITH options of `def`, with its connector taken out.
    pub(super) fn options(def: &mut TableDef) -> (ConnectorOptions, Option<String>) {
        let with = def.with.take();
        let mut opts = super::with_options(with, def);
        let connector = match opts.peek(CONNECTOR.key).map(|v| v.node.clone()) {
            Some(Value::String(s)) => {
                opts.take(CONNECTOR.key);
                Some(s)
            }
            _ => None,
        };
        (opts, connector)
    }

    /// Runs `stage` on a [`TableCompiler`] for the table of `sql` (its catalogue loaded as
    /// [`TableCompiler::compile`] loads it), and returns what it gave and every diagnostic.
    pub(super) fn run_stage<R>(
        sql: &str,
        env: &Env<'_>,
        stage: impl FnOnce(&mut TableCompiler<'_>) -> R,
    ) -> (R, Vec<Diagnostic>) {
        let mut def = table_def(sql);
        let (mut opts, name) = options(&mut def);
        let name = name.unwrap_or_default();
        let Some(connector) = env.registry.get(&name) else {
            panic!("unknown connector `{name}`");
        };
        let columns = lower_columns(&def, true, &mut opts);
        let spec = connector.spec();
        opts.add_catalogue(COMMON_OPTIONS);
        opts.add_catalogue(spec.table_options);
        opts.add_catalogue(spec.profile_options);
        if let Some(t) = spec.type_spec() {
            opts.add_catalogue(std::slice::from_ref(t));
        }
        let mut compiler = TableCompiler {
            def: &def,
            env,
            connector,
            connector_name: &name,
            opts,
            columns,
            profile_secrets: Vec::new(),
        };
        let out = stage(&mut compiler);
        (out, compiler.opts.take_diagnostics())
    }

    /// The codes of `diags`, in order.
    pub(super) fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
        diags.iter().map(|d| d.code.as_str()).collect()
    }

    /// A Kafka profile called `prod`.
    pub(super) fn kafka_profile() -> ConnectionProfile {
        ConnectionProfile {
            id: Some("cp_1".into()),
            name: "prod".into(),
            connector: "kafka".into(),
            config: serde_json::json!({"bootstrap_servers": "b1:9092"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
            description: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::connector::Registry;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn the_environment_and_the_results_cross_threads() {
        assert_send_sync::<Env<'static>>();
        assert_send_sync::<Compiled>();
        assert_send_sync::<CompileError>();
        assert_send_sync::<Registry>();
        assert_send_sync::<Table>();
    }

    #[test]
    fn compile_table_def_compiles_one_definition() {
        let registry = Registry::builtin();
        let def = table_def(
            "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json')",
        );
        let (table, diags, secrets) = compile_table_def(&def, &Env::new(&registry));
        assert_eq!(table.as_ref().map(Table::name), Some("t"));
        assert!(diags.is_empty());
        assert!(secrets.is_empty());
        let def = table_def(
            "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_server = 'b:9092', topic = 't', type = 'source', format = 'json')",
        );
        let (table, diags, _) = compile_table_def(&def, &Env::new(&registry));
        assert!(table.is_none());
        // The misspelled required key is one mistake: no `option::missing` besides.
        assert_eq!(codes(&diags), ["option::unknown"]);
        let def = table_def("CREATE TABLE m (id BIGINT PRIMARY KEY)");
        let (table, diags, _) = compile_table_def(&def, &Env::new(&registry));
        assert!(diags.is_empty());
        assert!(matches!(table, Some(Table::Memory(m)) if m.primary_keys == ["id"]));
    }

    #[test]
    fn finish_diagnostics_sorts_dedups_and_applies_strict() {
        let w =
            |at: usize| Diagnostic::warning(codes::DEPRECATED_OPTION, Span::new(at, at + 1), "w");
        let mut diags = vec![w(5), w(1), w(5)];
        finish_diagnostics(&mut diags, false);
        assert_eq!(diags.len(), 2);
        assert_eq!(diags.first().map(|d| d.span.start), Some(1));
        assert!(diags.iter().all(|d| !d.is_error()));
        finish_diagnostics(&mut diags, true);
        assert!(diags.iter().all(Diagnostic::is_error));
    }

    #[test]
    fn request_fixes_are_json_edits() {
        let json = r#"{"config": {"topc": "t", "type": "sorce"}}"#;
        let at = |text: &str| json.find(text).unwrap_or(0);
        let d = |start: usize, len: usize, replacement: &str| {
            Diagnostic::error(codes::UNKNOWN_OPTION, Span::new(0, 1), "x")
                .with_fix(Span::new(start, start + len), replacement)
        };
        let mut diags = vec![
            // A key renamed inside its quotes stays.
            d(at("topc"), 4, "topic"),
            // A SQL string literal becomes a JSON string.
            d(at("\"sorce\""), 7, "'source'"),
            // SQL syntax has no JSON equivalent.
            d(at("}}"), 0, " NOT NULL"),
        ];
        fixes_for_json(&mut diags, json);
        let replacements: Vec<Vec<&str>> = diags
            .iter()
            .map(|d| d.fixes.iter().map(|f| f.replacement.as_str()).collect())
            .collect();
        assert_eq!(replacements, [vec!["topic"], vec!["\"source\""], vec![]]);
    }

    #[test]
    fn unknown_connectors_are_suggested() {
        let registry = Registry::builtin();
        let out = compile_sql(
            "CREATE TABLE t (id INT) WITH (connector = 'kafak')",
            &Env::new(&registry),
        );
        assert_eq!(codes(&out.diagnostics), ["connector::unknown"]);
        assert_eq!(
            out.diagnostics.first().and_then(|d| d.help.as_deref()),
            Some("did you mean `kafka`?")
        );
        // `'Kafka'` is the registered `kafka` in another case: a warning and its fix.
        let out = compile_sql(
            "CREATE TABLE t (id INT) WITH (connector = 'Kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json')",
            &Env::new(&registry),
        );
        assert_eq!(codes(&out.diagnostics), ["connector::case"]);
        assert_eq!(out.tables.len(), 1);
    }
}
