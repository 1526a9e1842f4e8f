//! Compiles streaming-SQL DDL — `CREATE TABLE … WITH (connector = 'kafka', …)` — into
//! validated, typed connection tables, with a precise diagnostic for every mistake.
//!
//! ```
//! use connector_ddl::{compile_sql, ConnectionType, Env, Registry};
//! use arrow_schema::DataType;
//!
//! let sql = "
//!     CREATE TABLE user_events (
//!         user_id BIGINT NOT NULL,
//!         event_time TIMESTAMP NOT NULL,
//!         WATERMARK FOR event_time AS event_time - INTERVAL '10' SECOND
//!     ) WITH (
//!         connector = 'kafka',
//!         bootstrap_servers = 'localhost:9092',
//!         topic = 'user-events',
//!         type = 'source',
//!         format = 'json'
//!     );";
//! let registry = Registry::builtin();
//! let compiled = compile_sql(sql, &Env::new(&registry));
//! assert!(!compiled.has_errors());
//! let table = compiled.table("user_events").and_then(|t| t.as_connection()).ok_or("not compiled")?;
//! assert_eq!(table.connector, "kafka");
//! assert_eq!(table.connection_type, ConnectionType::Source);
//! assert_eq!(table.schema.fields[0].data_type(), &DataType::Int64);
//! assert_eq!(table.description, "kafka topic 'user-events'");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Mistakes come back as [`Diagnostic`]s — a stable code, a message, the exact span and a
//! `help` — never as a panic, and every independent mistake of a script is reported in
//! one pass:
//!
//! ```
//! use connector_ddl::{compile_sql, Env, Registry};
//!
//! let registry = Registry::builtin();
//! let out = compile_sql(
//!     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_server = 'b:9092', topic = 't', type = 'source', format = 'json')",
//!     &Env::new(&registry),
//! );
//! let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
//! // One mistake, one diagnostic: the misspelled key, not also the required key it misses.
//! assert_eq!(codes, ["option::unknown"]);
//! assert_eq!(
//!     out.diagnostics[0].help.as_deref(),
//!     Some("did you mean `bootstrap_servers`? It is required")
//! );
//! // Its fix renames the key; `diagnostics::apply_fixes` applies every fix.
//! assert_eq!(out.diagnostics[0].fixes[0].replacement, "bootstrap_servers");
//! ```
//!
//! # Entry points
//! 1. [`compile_sql`] — a SQL script in, [`Compiled`] tables and diagnostics out;
//!    [`compile_request`] — the same for a JSON create-table request (the REST body).
//! 2. [`Registry`] — the connectors; [`Registry::register`] adds your own [`Connector`]
//!    (see `examples/custom_connector.rs`).
//! 3. [`Env`] — what the embedder provides: the registry and connection profiles
//!    ([`profile::ProfileResolver`]).
//! 4. [`Diagnostic`] — rendered for people with [`Compiled::render_human`] (the source
//!    shown with secrets masked) or [`Compiled::into_result`], for tools with
//!    [`diagnostics::JsonDiagnostic`].
//!
//! # What it does not do
//! It opens no socket, reads no file and writes no database: profiles and schemas come in
//! through traits the embedder implements. It does not plan queries; `INSERT` and
//! `SELECT` statements in a script are skipped.
//!
//! See `ARCHITECTURE.md` for the design, `docs/design.md` for why it is built this way,
//! `docs/connectors.md` for every option, `docs/type-mapping.md` for every type mapping and
//! `docs/diagnostics.md` for every diagnostic code.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

pub mod arroyo;
pub mod compile;
mod connection_type;
pub mod connector;
pub mod connectors;
pub mod diagnostics;
#[cfg(test)]
mod docs;
pub mod ide;
pub(crate) mod json;
mod messages;
mod migration;
pub mod options;
pub(crate) mod parse;
/// The front end's fast path checked against its general path, for the `fast_path` fuzz
/// target only (feature `internal-checks`; not part of the API).
#[cfg(feature = "internal-checks")]
#[doc(hidden)]
pub use parse::fast::check as fast_path_check;
pub mod profile;
mod request;
mod resolve;
pub mod schema;
pub mod span;
pub mod stored;
#[cfg(test)]
mod test_corpus;
pub mod text;

pub use compile::{
    check_syntax, compile_sql, compile_sql_with, CompileError, Compiled, Connection, Env,
    MemoryTable, Table,
};
pub use connector::{ConnectionType, Connector, Registry};
pub use diagnostics::{Diagnostic, Fix, Severity};
pub use request::compile_request;
pub use resolve::ResolveError;

/// The `arrow-schema` crate this library builds its schemas with (see
/// [`Connection::arrow_schema`]), so embedders use the same version.
pub use arrow_schema;

/// Compiles the README's Rust examples as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
