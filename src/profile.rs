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
#[non_exhaustive]
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

pub use crate::resolve::ResolveError;

impl ConnectionProfile {
    /// A profile called `name` for `connector`, with its flat option map.
    pub fn new(
        name: impl Into<String>,
        connector: impl Into<String>,
        config: serde_json::Map<String, serde_json::Value>,
    ) -> Self {
        ConnectionProfile {
            id: None,
            name: name.into(),
            connector: connector.into(),
            config,
            description: None,
        }
    }

    /// The same profile with a public id (e.g. `cp_abc123`), by which requests refer to it.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

/// Looks up connection profiles by name (DDL) or id (requests). `Send + Sync`, so an
/// [`crate::Env`] can be shared between threads.
pub trait ProfileResolver: Send + Sync {
    /// The profile called `name_or_id` (its name, or its id).
    ///
    /// # Errors
    /// [`ResolveError::NotFound`] when there is no such profile;
    /// [`ResolveError::Unavailable`] when the store could not be asked;
    /// [`ResolveError::Invalid`] when what it holds is unusable.
    fn resolve(&self, name_or_id: &str) -> Result<ConnectionProfile, ResolveError>;

    /// Names of the known profiles, for did-you-mean.
    fn names(&self) -> Vec<String> {
        Vec::new()
    }

    /// Names of the known profiles of one connector (all known names by default).
    fn names_for(&self, _connector: &str) -> Vec<String> {
        self.names()
    }
}

/// A resolver over an in-memory list of profiles.
#[derive(Clone, Debug, Default)]
pub struct Profiles(pub Vec<ConnectionProfile>);

impl ProfileResolver for Profiles {
    fn resolve(&self, name_or_id: &str) -> Result<ConnectionProfile, ResolveError> {
        self.0
            .iter()
            .find(|p| p.name == name_or_id)
            .or_else(|| self.0.iter().find(|p| p.id.as_deref() == Some(name_or_id)))
            .cloned()
            .ok_or(ResolveError::NotFound)
    }

    fn names(&self) -> Vec<String> {
        self.0.iter().map(|p| p.name.clone()).collect()
    }

    fn names_for(&self, connector: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|p| p.connector == connector)
            .map(|p| p.name.clone())
            .collect()
    }
}

/// Replaces every occurrence of a secret in `text` with `********`.
pub(crate) fn redact_text(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for s in secrets.iter().filter(|s| !s.is_empty()) {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "********");
        }
    }
    out
}

/// Redacts every string in a JSON tree that holds a secret (see [`redact_text`]).
pub(crate) fn redact_json(v: &mut serde_json::Value, secrets: &[String]) {
    // An explicit stack: config trees are shallow, but nothing here should recurse on
    // data it did not build.
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s)
                if secrets
                    .iter()
                    .any(|x| !x.is_empty() && s.contains(x.as_str())) =>
            {
                *s = redact_text(s, secrets);
            }
            serde_json::Value::Array(items) => stack.extend(items.iter_mut()),
            serde_json::Value::Object(map) => stack.extend(map.values_mut()),
            _ => {}
        }
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
        crate::options::placeholder::is_placeholder(&self.0)
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

/// Whether a raw client setting (a `client_configs` key such as `sasl.jaas.config`) holds
/// a credential, so its value must be redacted like a [`Secret`].
pub fn is_secret_setting(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "password",
        "secret",
        "jaas",
        "token",
        "credential",
        "private",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// A `k1=v1,k2=v2` string with the values of credential settings replaced by `********`.
pub(crate) fn redact_settings(s: &str) -> String {
    s.split(',')
        .map(|part| match part.split_once('=') {
            Some((k, _)) if is_secret_setting(k) => format!("{k}=********"),
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Serializes a settings map with credential values redacted (`serialize_with`).
pub(crate) fn serialize_settings<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(map.len()))?;
    for (k, v) in map {
        if is_secret_setting(k) {
            m.serialize_entry(k, "********")?;
        } else {
            m.serialize_entry(k, v)?;
        }
    }
    m.end()
}

/// `scheme://user:password@host…` with the password replaced by `********`; `None` when
/// the text holds no URL with a password.
pub(crate) fn redact_url_password(s: &str) -> Option<String> {
    // Most values hold no `@`: a one-byte search settles them before any URL splitting.
    if !s.contains('@') {
        return None;
    }
    let (scheme, rest) = s.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end)?;
    let (user_info, host) = authority.rsplit_once('@')?;
    let (user, password) = user_info.split_once(':')?;
    if Secret::new(password).is_placeholder() {
        return None; // `{{ VAR }}` is not the secret itself
    }
    let tail = rest.get(authority_end..).unwrap_or("");
    Some(format!("{scheme}://{user}:********@{host}{tail}"))
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
        assert_eq!(
            redact_url_password("redis://app:hunter2@cache:6379/0").as_deref(),
            Some("redis://app:********@cache:6379/0")
        );
        assert_eq!(redact_url_password("redis://app@cache:6379"), None);
        assert_eq!(redact_url_password("no url"), None);
    }
}
