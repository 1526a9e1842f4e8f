//! Connection profiles and secrets.
//!
//! A profile is a named, reusable connection configuration (`connection_profile = 'prod'`)
//! whose `config` is a flat option map in the same vocabulary as the WITH clause. The crate
//! does no I/O: profiles come from a [`ProfileResolver`] the embedder implements.
//!
//! **Invariant:** a [`Secret`] prints as `********` (or as its `{{ VAR }}` placeholder) in
//! `Debug`, `Display` and serialized output; only [`Secret::expose`] gives the value.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A named connection configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionProfile {
    /// Public id (e.g. `cp_abc123`), if the store assigns one.
    #[serde(default)]
    pub id: Option<String>,
    /// The name DDL refers to.
    pub name: String,
    /// The connector this profile is for.
    pub connector: String,
    /// Flat option map, e.g. `{"bootstrap_servers": "b1:9092", "auth.type": "sasl"}`.
    #[serde(default)]
    pub config: serde_json::Map<String, serde_json::Value>,
    /// Free text.
    #[serde(default)]
    pub description: Option<String>,
}

/// Looks up connection profiles by name (DDL) or id (requests).
pub trait ProfileResolver {
    /// The profile called `name_or_id` (its name, or its id), if any.
    fn resolve(&self, name_or_id: &str) -> Option<ConnectionProfile>;

    /// Names of the known profiles, for did-you-mean.
    fn names(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A resolver over an in-memory list of profiles.
#[derive(Clone, Debug, Default)]
pub struct Profiles(pub Vec<ConnectionProfile>);

impl ProfileResolver for Profiles {
    fn resolve(&self, name_or_id: &str) -> Option<ConnectionProfile> {
        self.0
            .iter()
            .find(|p| p.name == name_or_id)
            .or_else(|| self.0.iter().find(|p| p.id.as_deref() == Some(name_or_id)))
            .cloned()
    }

    fn names(&self) -> Vec<String> {
        self.0.iter().map(|p| p.name.clone()).collect()
    }
}

/// A secret string: a password, an API secret, a token.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value itself. Only for the code that connects; never print it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is exactly one `{{ VAR }}` environment placeholder.
    pub fn is_placeholder(&self) -> bool {
        let s = self.0.trim();
        s.strip_prefix("{{")
            .and_then(|r| r.strip_suffix("}}"))
            .is_some_and(|inner| {
                let v = inner.trim();
                !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
    }

    /// What may be shown: the placeholder itself, or `********`.
    pub fn redacted(&self) -> &str {
        if self.is_placeholder() {
            self.0.trim()
        } else {
            "********"
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redacted())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.redacted())
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.redacted())
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

impl JsonSchema for Secret {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Secret".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "writeOnly": true, "description": "a secret; printed as ******** or its {{ VAR }} placeholder"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "Secret(********)");
        assert_eq!(s.to_string(), "********");
        assert_eq!(
            serde_json::to_string(&s).ok().as_deref(),
            Some("\"********\"")
        );
        assert_eq!(s.expose(), "hunter2");
        let p = Secret::new("{{ KAFKA_PASSWORD }}");
        assert_eq!(p.to_string(), "{{ KAFKA_PASSWORD }}");
        assert_eq!(Secret::new("a{{ X }}").to_string(), "********");
    }
}
