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

mod fields;
mod lower;
mod schema;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::compile::{compile_table_def, finish_diagnostics, Compiled, Env};
use crate::diagnostics::{codes, Diagnostic};
use crate::json::{self, JsonError};
use crate::schema::definition::{ResolveError, SchemaKind, SchemaResolver};
use crate::span::Span;

use lower::{Lowerer, Node};

/// Compiles a JSON create-table request (the body of `POST /v1/connection_tables`) into
/// at most one [`Table`](crate::Table), with diagnostics whose spans point into
/// `json_text`.
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
    let mut diagnostics = Vec::new();
    let json = match json::parse(json_text) {
        Ok(json) => json,
        Err(e) => {
            diagnostics.push(invalid_json(&e));
            finish_diagnostics(&mut diagnostics, env.strict);
            // Masked by key, though the request does not parse.
            let secrets = crate::compile::lexical_secret_spans(json_text, true, env.registry);
            return Compiled::new(Vec::new(), diagnostics, secrets, json_text);
        }
    };
    let root = Node::root(&json);
    let mut lower = Lowerer::new(json_text);
    let lowered = lower.request(&root);
    let request_errors = lower.diags.iter().any(Diagnostic::is_error);
    let table_name = lower.table_name.clone().filter(|n| !n.is_empty());
    diagnostics.extend(lower.diags.drain(..).map(|d| match &table_name {
        Some(n) => d.in_table(n),
        None => d,
    }));
    let mut tables = Vec::new();
    let mut secret_spans = Vec::new();
    if let Some(def) = lowered {
        let overlay = WithDependencies {
            dependencies: &lower.dependencies,
            inner: env.schemas,
        };
        let inner = Env {
            registry: env.registry,
            profiles: env.profiles,
            schemas: &overlay,
            strict: env.strict,
        };
        let (table, mut diags, secrets) = compile_table_def(&def, &inner);
        crate::compile::fixes_for_json(&mut diags, json_text);
        if lower.format_broken {
            diags.retain(|d| d.code != codes::MISSING_FORMAT);
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
        if let Some(t) = table.filter(|_| !request_errors) {
            tables.push(t);
        }
    }
    // Masked by key too, whether or not the request compiles (a misspelled secret key).
    secret_spans.extend(crate::compile::lexical_secret_spans(
        json_text,
        true,
        env.registry,
    ));
    finish_diagnostics(&mut diagnostics, env.strict);
    Compiled::new(tables, diagnostics, secret_spans, json_text)
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
        self.inner.subject(subject, kind)
    }
}
