//! Connection profiles and secrets.
//!
//! A profile is a named, reusable connection configuration (`connection_profile = 'prod'`)
//! whose `config` is a flat option map in the same vocabulary as the WITH clause, or
//! Arroyo's stored shape of it (nested, camelCase; see `shape`). The crate does no I/O:
//! profiles come from a [`ProfileResolver`] the embedder implements; a
//! [`ProfileDocument`] reads them from JSON text and remembers where each value is written.
//!
//! **Invariant:** a [`Secret`] prints as `********` (or as its `{{ VAR }}` placeholder) in
//! `Debug`, `Display` and serialized output; only [`Secret::expose`] gives the value.

mod document;
pub(crate) mod shape;

pub use document::{ProfileDocument, ProfileSource, ProfilesError};

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A named connection configuration.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
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

impl fmt::Debug for ConnectionProfile {
    /// The config's keys without their values: which of them are secret depends on the
    /// connector, and `Debug` output must not show a secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionProfile")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("connector", &self.connector)
            .field("config", &self.config.keys().collect::<Vec<_>>())
            .field("description", &self.description)
            .finish()
    }
}

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

    /// Where the profile `name_or_id` is written, so that diagnostics about its values
    /// point into that document ([`ProfileDocument`] knows); `None` by default, and then
    /// they point at the `connection_profile` reference.
    fn source(&self, _name_or_id: &str) -> Option<ProfileSource> {
        None
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

/// Replaces every occurrence of a secret in `text` with `********`, and every credential
/// written inside it (see [`credential_ranges`]).
pub(crate) fn redact_text(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for s in secrets.iter().filter(|s| !s.is_empty()) {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "********");
        }
    }
    redact_credentials(&out).unwrap_or(out)
}

/// Redacts every string in a JSON tree that holds a secret or a credential (see
/// [`redact_text`]).
pub(crate) fn redact_json(v: &mut serde_json::Value, secrets: &[String]) {
    // An explicit stack: config trees are shallow, but nothing here should recurse on
    // data it did not build.
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => {
                if secrets
                    .iter()
                    .any(|x| !x.is_empty() && s.contains(x.as_str()))
                {
                    *s = redact_text(s, secrets);
                } else if let Some(r) = redact_credentials(s) {
                    *s = r;
                }
            }
            serde_json::Value::Array(items) => stack.extend(items.iter_mut()),
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    // A settings map (`client_configs`) keyed by a credential's name.
                    if is_secret_setting(k) {
                        if let serde_json::Value::String(s) = v {
                            if !s.is_empty() && !Secret::new(s.as_str()).is_placeholder() {
                                *s = "********".to_string();
                            }
                            continue;
                        }
                    }
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
}

/// Byte ranges of the credentials written inside `text`: the password of a URL or a
/// `user:password@host` address, the value of a secret query parameter (`?api_key=…`,
/// `&token=…`), and the value of a secret `key=value` setting (`sasl.password=…`).
/// Placeholders (`{{ VAR }}`) are not credentials. Linear in the length of `text`.
pub(crate) fn credential_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    // Every credential is `user:password@` or `name=value`: most texts have neither.
    if !text.contains(['@', '=']) {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let stops_authority = |b: u8| {
        b.is_ascii_whitespace()
            || matches!(
                b,
                b'/' | b','
                    | b'\''
                    | b'"'
                    | b'`'
                    | b'('
                    | b')'
                    | b'<'
                    | b'>'
                    | b';'
                    | b'['
                    | b']'
                    | b'='
            )
    };
    // `user:password@`: back from each `@` to the start of the authority.
    let mut from = 0;
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > from && bytes.get(start - 1).is_some_and(|b| !stops_authority(*b)) {
            start -= 1;
        }
        from = at + 1;
        let Some(user_info) = text.get(start..at) else {
            continue;
        };
        let Some(colon) = user_info.find(':') else {
            continue;
        };
        let password = start + colon + 1..at;
        if password.is_empty()
            || text
                .get(password.clone())
                .is_some_and(|p| Secret::new(p).is_placeholder())
        {
            continue;
        }
        out.push(password);
    }
    // `name=value` after `?`, `&`, `,`, `;`, whitespace or the start: a query parameter
    // or a setting, secret when its name is.
    let value_end = |i: usize| {
        let mut j = i;
        while bytes.get(j).is_some_and(|b| {
            !b.is_ascii_whitespace()
                && !matches!(b, b'&' | b'#' | b',' | b'`' | b'\'' | b'"' | b';')
        }) {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < bytes.len() {
        let at_start = i == 0
            || bytes.get(i - 1).is_some_and(|b| {
                b.is_ascii_whitespace()
                    || matches!(b, b'?' | b'&' | b',' | b';' | b'`' | b'\'' | b'"')
            });
        if !at_start {
            i += 1;
            continue;
        }
        let mut j = i;
        while bytes
            .get(j)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        {
            j += 1;
        }
        if j > i && bytes.get(j) == Some(&b'=') {
            let name = text.get(i..j).unwrap_or("");
            // A `{{ VAR }}` placeholder is no credential: step over it whole.
            if text.get(j + 1..).is_some_and(|v| v.starts_with("{{")) {
                let close = text
                    .get(j + 1..)
                    .and_then(|v| v.find("}}"))
                    .map_or(bytes.len(), |c| j + 1 + c + 2);
                i = close;
                continue;
            }
            let end = value_end(j + 1);
            // Short names (`key`, `sig`) are secret only as a URL's query parameters.
            let in_query = i > 0 && bytes.get(i - 1).is_some_and(|b| matches!(b, b'?' | b'&'));
            let secret_name = is_secret_setting(name)
                || in_query
                    && matches!(
                        name.to_ascii_lowercase().as_str(),
                        "key" | "sig" | "signature" | "auth" | "x-amz-signature"
                    );
            if secret_name && end > j + 1 {
                let value = j + 1..end;
                if !text
                    .get(value.clone())
                    .is_some_and(|v| Secret::new(v).is_placeholder())
                {
                    out.push(value);
                }
            }
            i = end.max(j + 1);
        } else {
            i = j.max(i + 1);
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// `text` with every credential (see [`credential_ranges`]) replaced by `********`;
/// `None` when it holds none.
pub(crate) fn redact_credentials(text: &str) -> Option<String> {
    let ranges = credential_ranges(text);
    if ranges.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        if r.start < at {
            at = at.max(r.end);
            continue;
        }
        out.push_str(text.get(at..r.start).unwrap_or(""));
        out.push_str("********");
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    Some(out)
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

/// Whether a raw client setting (a `client_configs` key such as `sasl.jaas.config`, a
/// `storage.*` key, a URL query parameter) holds a credential, so its value must be
/// redacted like a [`Secret`]: librdkafka's sensitive settings (`ssl.key.password`,
/// `ssl.key.pem`, `ssl_key`, `ssl.keystore.password`, `sasl.password`,
/// `sasl.oauthbearer.client.secret`, `sasl.oauthbearer.config`, …) and any name that says
/// password, secret, token, credential, private key, passphrase, API key or JWT.
pub fn is_secret_setting(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    // Compared without separators, so `apiKey`, `api_key` and `api-key` are one name.
    let squashed: String = k
        .chars()
        .filter(|c| !matches!(c, '.' | '_' | '-'))
        .collect();
    const LIBRDKAFKA: &[&str] = &[
        "ssl.key.password",
        "ssl.key.pem",
        "ssl_key",
        "ssl.keystore.password",
        "sasl.password",
        "sasl.oauthbearer.client.secret",
        "sasl.oauthbearer.config",
        "sasl.oauthbearer.assertion.private.key.passphrase",
        "sasl.oauthbearer.assertion.private.key.pem",
        "sasl.jaas.config",
    ];
    LIBRDKAFKA.contains(&k.as_str())
        || [
            "password",
            "passwd",
            "secret",
            "jaas",
            "token",
            "credential",
            "private",
            "passphrase",
            "apikey",
            "accountkey",
            "nkeyseed",
            "jwt",
            "keypem",
        ]
        .iter()
        .any(|w| squashed.contains(w))
            && !["endpoint", "url", "location", "file", "uri"]
                .iter()
                .any(|w| squashed.ends_with(w))
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

/// Serializes a settings map (Kafka's `client_configs`) with credential values redacted
/// (`serialize_with`), as [`serialize_storage`] does.
pub(crate) fn serialize_settings<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    serialize_redacted(map, s, String::as_str)
}

/// Serializes object-store settings (`storage.*`): the values of secret-named keys are
/// redacted like a [`Secret`]; the others (a region, an endpoint) show, with any
/// credential inside them redacted (`serialize_with`).
pub(crate) fn serialize_storage<S: Serializer>(
    map: &std::collections::BTreeMap<String, Secret>,
    s: S,
) -> Result<S::Ok, S::Error> {
    serialize_redacted(map, s, Secret::expose)
}

/// A settings map serialized with the values of secret-named keys shown as a [`Secret`]
/// is, and credentials inside the other values redacted.
fn serialize_redacted<S: Serializer, V>(
    map: &std::collections::BTreeMap<String, V>,
    s: S,
    text: impl Fn(&V) -> &str,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(map.len()))?;
    for (k, v) in map {
        let v = text(v);
        if is_secret_setting(k) {
            m.serialize_entry(k, Secret::new(v).redacted())?;
        } else {
            let shown = redact_credentials(v).unwrap_or_else(|| v.to_string());
            m.serialize_entry(k, &shown)?;
        }
    }
    m.end()
}

/// `text` with the credentials of the URLs and settings it holds replaced by `********`:
/// `scheme://user:password@host…`, `user:password@host`, `?api_key=…`, `password=…`;
/// `None` when it holds none.
pub(crate) fn redact_url_password(text: &str) -> Option<String> {
    // Most values hold neither `@` nor `=`: a byte search settles them before any scanning.
    if !text.contains(['@', '=']) {
        return None;
    }
    redact_credentials(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn librdkafkas_sensitive_settings_are_secret() {
        for key in [
            "ssl.key.password",
            "ssl.key.pem",
            "ssl_key",
            "ssl.keystore.password",
            "sasl.password",
            "sasl.oauthbearer.client.secret",
            "sasl.oauthbearer.config",
            "sasl.jaas.config",
            "aws_secret_access_key",
            "azure_storage_account_key",
            "apiKey",
        ] {
            assert!(is_secret_setting(key), "{key}");
        }
        for key in [
            "aws_region",
            "aws_access_key_id",
            "ssl.key.location",
            "sasl.oauthbearer.token.endpoint.url",
            "linger.ms",
        ] {
            assert!(!is_secret_setting(key), "{key}");
        }
    }

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
        assert_eq!(
            redact_url_password("https://h/x?api_key=k1&page=2&token={{ T }}").as_deref(),
            Some("https://h/x?api_key=********&page=2&token={{ T }}")
        );
        assert_eq!(
            redact_url_password("u:pw1@b:9092,b2:9092").as_deref(),
            Some("u:********@b:9092,b2:9092")
        );
        assert_eq!(
            redact_url_password("sasl.password=x1,linger.ms=5").as_deref(),
            Some("sasl.password=********,linger.ms=5")
        );
        assert_eq!(redact_url_password("write `key=value` pairs"), None);
        assert_eq!(redact_url_password("a@b.example"), None);
        assert_eq!(redact_url_password("no url"), None);
    }
}
