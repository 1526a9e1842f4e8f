//! [`ConnectionType`]: whether a table is a source, a sink or a lookup table.
//!
//! A leaf module: options, connectors and the pipeline all speak of connection types.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a table is: where data comes from, goes to, or is looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionType {
    /// Read from.
    Source,
    /// Written to.
    Sink,
    /// Queried by key in a lookup join (`CREATE TEMPORARY TABLE`).
    Lookup,
}

impl ConnectionType {
    /// `"source"`, `"sink"` or `"lookup"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionType::Source => "source",
            ConnectionType::Sink => "sink",
            ConnectionType::Lookup => "lookup",
        }
    }

    /// Every connection type, in this order.
    pub const ALL: [ConnectionType; 3] = [
        ConnectionType::Source,
        ConnectionType::Sink,
        ConnectionType::Lookup,
    ];
}

impl fmt::Display for ConnectionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
