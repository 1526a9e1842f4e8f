//! Registered connectors as Arroyo's `Connector` view (`GET /v1/connectors`).

use serde_json::Value as Json;

use crate::connector::Registry;

/// Every connector of `registry`, as Arroyo lists them.
pub(super) fn connectors(_registry: &Registry) -> Json {
    Json::Array(Vec::new())
}
