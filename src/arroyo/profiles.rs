//! Connection-profile configs in Arroyo's stored shape (nested, camelCase), to and from our
//! flat option maps. The shapes themselves are data in `crate::profile::shape`, where the
//! compiler reads them too; this module adds what Arroyo's API view needs: secrets redacted
//! on the way out.

use serde_json::{Map, Value};

use crate::connector::ConnectorSpec;
use crate::connectors;
use crate::options::OptionKind;
use crate::profile::shape::{flatten, write_arroyo};
use crate::profile::{is_secret_setting, redact_credentials, Secret};

/// The built-in connector called `name`, for its profile options' sensitivity.
fn spec_of(name: &str) -> Option<&'static ConnectorSpec> {
    const SPECS: &[&ConnectorSpec] = &[
        &connectors::kafka::SPEC,
        &connectors::confluent::SPEC,
        &connectors::mqtt::SPEC,
        &connectors::nats::SPEC,
        &connectors::rabbitmq::SPEC,
        &connectors::redis::SPEC,
        &connectors::iceberg::SPEC,
    ];
    SPECS.iter().copied().find(|s| s.name == name)
}

/// A profile's `config` (flat, or already in Arroyo's shape) in Arroyo's stored shape for
/// `connector`, as `GET /v1/connection_profiles` returns it, with secret values redacted
/// (`********`; `{{ VAR }}` placeholders stay). A connector without an Arroyo profile shape
/// keeps its options as they are (redacted likewise).
pub(crate) fn profile_config_to_arroyo(connector: &str, config: &Map<String, Value>) -> Value {
    let spec = spec_of(connector);
    let options = flatten(connector, config)
        .entries
        .into_iter()
        .map(|e| {
            let v = redact(is_secret(spec, &e.key), e.value);
            (e.key, v)
        })
        .collect();
    write_arroyo(connector, options)
}

/// Whether the flat option `key` of a connector with `spec` holds a secret.
fn is_secret(spec: Option<&'static ConnectorSpec>, key: &str) -> bool {
    spec.is_some_and(|s| {
        s.profile_options.iter().any(|o| {
            o.sensitive
                && o.matches(key)
                && (o.kind != OptionKind::Prefix
                    || key.get(o.key.len()..).is_some_and(is_secret_setting))
        })
    }) || is_secret_setting(key)
        // A setting of a settings map (`connection_properties.sasl.password`).
        || key
            .split_once('.')
            .is_some_and(|(_, setting)| is_secret_setting(setting))
}

fn redact(secret: bool, value: Value) -> Value {
    match value {
        Value::String(s)
            if secret && !s.is_empty() && !Secret::new(s.as_str()).is_placeholder() =>
        {
            Value::String("********".into())
        }
        Value::String(s) => Value::String(redact_credentials(&s).unwrap_or(s)),
        other => other,
    }
}

#[cfg(test)]
mod tests;
