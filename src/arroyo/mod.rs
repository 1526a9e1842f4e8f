//! Arroyo's API shapes: what its connection-table API takes and returns.
//!
//! - [`catalog`]: each registered connector as Arroyo's `GET /v1/connectors` lists it, with
//!   JSON Schemas generated from the option catalogue.
//! - `shapes`: table and profile configs in Arroyo's stored shapes, both ways.
//! - `table`: a compiled table as Arroyo's `ConnectionTable`.
//! - `profiles`: connection-profile configs in Arroyo's stored shape, both ways.

pub mod catalog;
pub(crate) mod profiles;
mod shapes;
mod table;
