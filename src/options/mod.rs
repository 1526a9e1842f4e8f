//! Option values, the value grammar, and `ConnectorOptions`.
pub mod grammar;
pub mod value;

pub use value::Value;
