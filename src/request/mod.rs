//! The JSON path: a REST-style create-table request (Arroyo's `ConnectionTablePost`)
//! compiled by exactly the same connector code as `CREATE TABLE … WITH (…)`.
//!
//! A request is lowered into the `TableDef` the SQL front end produces — its `config`
//! becomes the WITH options (one option vocabulary, design §3), `connection_profile_id`
//! becomes `connection_profile`, `schema.format`, `schema.definition`, `schema.framing` and
//! `schema.bad_data` become the format options the DDL would write, and `schema.fields`
//! become columns — and then runs through the ordinary pipeline, so no connector logic
//! exists twice.
//!
//! Diagnostics point into the JSON text: the request is read by the crate's span-keeping
//! JSON reader (`crate::json`), whose tree keeps the byte span of every key and value, and
//! the lowering walks that tree.
//!
//! The module reads in pipeline order: `mod.rs` is the entry point (read the JSON, lower
//! it, compile the table definition); `lower.rs` holds the lowering's state, its helpers
//! and the request's top level and `config`; `schema.rs` lowers `schema` (format,
//! definition, framing, bad data, keys, watermark); `fields.rs` lowers `schema.fields` into
//! columns.

mod arroyo;
mod fields;
mod lower;
mod restore;
mod schema;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::compile::{compile_table_def, finish_diagnostics, Compiled, Env, Table};
use crate::diagnostics::{codes, Diagnostic};
use crate::json::{self, JsonError};
use crate::schema::definition::{ResolveError, SchemaKind, SchemaResolver};
use crate::span::Span;

use lower::{Lowerer, Node};
pub(crate) use restore::restore_stored;

/// Compiles a JSON create-table request (the body of `POST /v1/connection_tables`) into
/// at most one [`Table`](crate::Table), with diagnostics whose spans point into
/// `json_text`. `config` is a flat option map, or Arroyo's stored table-config shape
/// (`{"topic": "t", "type": {"offset": "earliest"}}`); both give the same table.
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
    let json = match json::parse(json_text) {
        Ok(json) => json,
        Err(e) => {
            let mut diagnostics = vec![invalid_json(&e)];
            finish_diagnostics(&mut diagnostics, env.strict);
            // Masked by key, though the request does not parse.
            let secrets = crate::compile::lexical_secret_spans(json_text, true, env.registry);
            return Compiled::new(Vec::new(), diagnostics, secrets, json_text);
        }
    };
    let root = Node::root(&json);
    let (table, mut diagnostics, mut secret_spans) = compile_node(json_text, &root, env, false);
    let tables: Vec<Table> = table.into_iter().collect();
    // Masked by key too, whether or not the request compiles (a misspelled secret key).
    secret_spans.extend(crate::compile::lexical_secret_spans(
        json_text,
        true,
        env.registry,
    ));
    finish_diagnostics(&mut diagnostics, env.strict);
    Compiled::new(tables, diagnostics, secret_spans, json_text)
}

/// Lowers the request at `root` (inside `json_text`) and compiles it; `restoring` compiles
/// it as a stored table, leniently (see `restore.rs`). Returns the table (when it and its
/// request are free of errors), its diagnostics and the spans of its secret values.
fn compile_node(
    json_text: &str,
    root: &Node,
    env: &Env<'_>,
    restoring: bool,
) -> (Option<Table>, Vec<Diagnostic>, Vec<Span>) {
    let mut diagnostics = Vec::new();
    let mut lower = Lowerer::new(json_text);
    let lowered = lower.request(root);
    let request_errors = lower.diags.iter().any(Diagnostic::is_error);
    let table_name = lower.table_name.clone().filter(|n| !n.is_empty());
    diagnostics.extend(lower.diags.drain(..).map(|d| match &table_name {
        Some(n) => d.in_table(n),
        None => d,
    }));
    let mut compiled = None;
    let mut secret_spans = Vec::new();
    if let Some(def) = lowered {
        let overlay = WithDependencies {
            dependencies: &lower.dependencies,
            subjects: &lower.subjects,
            inner: env.schemas,
        };
        let inner = Env {
            registry: env.registry,
            profiles: env.profiles,
            schemas: &overlay,
            strict: env.strict,
        };
        let (table, mut diags, secrets) = if restoring {
            restore::compile_leniently(&def, &inner)
        } else {
            compile_table_def(&def, &inner)
        };
        crate::compile::fixes_for_json(&mut diags, json_text);
        if lower.format_broken {
            diags.retain(|d| d.code != codes::MISSING_FORMAT);
        }
        if let Some(option) = lower.undecided {
            let missing = format!("required option `{option}` is not set");
            diags.retain(|d| !(d.code == codes::MISSING_OPTION && d.message == missing));
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
        compiled = table.filter(|_| !request_errors);
    }
    (compiled, diagnostics, secret_spans)
}

/// `request::invalid` at the place the JSON reader stopped (serde_json's wording, so a
/// request nested [`json::MAX_DEPTH`] levels deep says "recursion limit exceeded").
fn invalid_json(e: &JsonError) -> Diagnostic {
    Diagnostic::error(
        codes::INVALID_REQUEST,
        e.span,
        format!("the request is not valid JSON: {}", e.message),
    )
    .with_help("a create-table request is one JSON object: {\"name\": …, \"connector\": …, \"config\": {…}, \"schema\": {…}}")
}

/// Answers protobuf imports from a request's `dependencies` first, then from the
/// embedder's resolver.
struct WithDependencies<'a> {
    dependencies: &'a BTreeMap<String, String>,
    /// Registry subjects pinned by a stored table's definition.
    subjects: &'a BTreeMap<String, String>,
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
        match self.subjects.get(subject) {
            Some(t) => Ok(t.clone()),
            None => self.inner.subject(subject, kind),
        }
    }
}
