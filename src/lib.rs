//! connector-ddl (work in progress).
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

pub mod compile;
pub mod connector;
pub mod connectors;
pub mod diagnostics;
pub mod options;
pub mod parse;
pub mod profile;
pub mod schema;
pub mod span;
pub mod text;

pub use compile::{compile_sql, Compiled, Connection, Env, MemoryTable, Table};
pub use connector::{ConnectionType, Connector, Registry};
pub use diagnostics::{Diagnostic, Severity};
