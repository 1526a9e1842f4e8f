//! Connection-profile configs in Arroyo's stored shape (nested, camelCase), to and from our
//! flat option maps.

use serde_json::{Map, Value};

/// A profile's flat `config` in Arroyo's stored profile shape for `connector`.
// Placeholder until the profile shapes land: returns the flat map unchanged.
#[allow(dead_code)]
pub(crate) fn profile_config_to_arroyo(_connector: &str, config: &Map<String, Value>) -> Value {
    Value::Object(config.clone())
}
