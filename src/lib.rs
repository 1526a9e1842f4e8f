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

pub mod diagnostics;
pub mod options;
pub mod schema;
pub mod span;
