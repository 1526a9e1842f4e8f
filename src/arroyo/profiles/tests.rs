use serde_json::json;

use super::*;

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

#[test]
fn flat_options_write_arroyos_shape_with_secrets_redacted() {
    let flat = obj(json!({
        "bootstrap_servers": "b:1", "auth.type": "sasl", "auth.protocol": "SASL_SSL",
        "auth.mechanism": "PLAIN", "auth.username": "u", "auth.password": "hunter22",
        "schema_registry.endpoint": "https://r", "schema_registry.api_secret": "{{ SR }}",
        "connection_properties.linger.ms": "5", "connection_properties.sasl.jaas.config": "x y z"
    }));
    assert_eq!(
        profile_config_to_arroyo("kafka", &flat),
        json!({
            "bootstrapServers": "b:1",
            "authentication": {"protocol": "SASL_SSL", "mechanism": "PLAIN", "username": "********", "password": "********"},
            "schemaRegistryEnum": {"endpoint": "https://r", "apiSecret": "{{ SR }}"},
            "connectionProperties": {"linger.ms": "5", "sasl.jaas.config": "********"}
        })
    );
    assert_eq!(
        profile_config_to_arroyo("kafka", &obj(json!({"bootstrap_servers": "b:1"}))),
        json!({"bootstrapServers": "b:1", "authentication": {}})
    );
    assert_eq!(
        profile_config_to_arroyo(
            "redis",
            &obj(json!({"cluster.addresses": "redis://a:1, redis://b:1", "password": "pw1"}))
        ),
        json!({"connection": {"addresses": ["redis://a:1", "redis://b:1"]}, "password": "********"})
    );
    assert_eq!(
        profile_config_to_arroyo(
            "rabbitmq",
            &obj(json!({"port": "5551", "tls_config.enabled": "true"}))
        ),
        json!({"port": 5551, "tls_config": {"enabled": true}})
    );
    assert_eq!(
        profile_config_to_arroyo(
            "iceberg",
            &obj(
                json!({"catalog.type": "rest", "catalog.rest.url": "https://c", "catalog.rest.token": "t0k3n"})
            )
        ),
        json!({"catalog": {"type": "rest", "url": "https://c", "token": "********"}})
    );
}

/// A representative flat config of each connector with an Arroyo profile shape, as many of
/// its options set as its shape can hold at once.
fn sample(connector: &str) -> Map<String, Value> {
    obj(match connector {
        "kafka" => json!({
            "bootstrap_servers": "b1:9092,b2:9092", "auth.type": "sasl", "auth.protocol": "SASL_SSL",
            "auth.mechanism": "PLAIN", "auth.username": "u1", "auth.password": "pw1234",
            "schema_registry.endpoint": "https://r", "schema_registry.api_key": "{{ K }}",
            "schema_registry.api_secret": "s3cr3t", "connection_properties.linger.ms": "5"
        }),
        "confluent" => json!({
            "bootstrap_servers": "b1:9092", "key": "k1", "secret": "s1",
            "schema_registry.endpoint": "https://r", "schema_registry.api_key": "k2",
            "schema_registry.api_secret": "s2"
        }),
        "mqtt" => json!({
            "url": "mqtts://b:8883", "username": "u", "password": "p", "client_prefix": "c",
            "max_packet_size": "1024", "tls.ca": "/ca", "tls.cert": "/cert", "tls.key": "/key"
        }),
        "nats" => {
            json!({"servers": "nats://a:4222", "auth.type": "jwt", "auth.jwt": "j", "auth.nkey_seed": "n"})
        }
        "rabbitmq" => json!({
            "host": "h", "port": "5552", "username": "u", "password": "p", "virtual_host": "/",
            "tls_config.enabled": "true", "tls_config.trust_certificates": false,
            "tls_config.root_certificates_path": "/ca", "tls_config.client_certificates_path": "/c",
            "tls_config.client_keys_path": "/k", "load_balancer_mode": true
        }),
        "redis" => json!({"address": "redis://a:6379", "username": "u", "password": "p"}),
        "iceberg" => json!({
            "catalog.type": "rest", "catalog.rest.url": "https://c", "catalog.warehouse": "w",
            "catalog.rest.token": "t0k3n"
        }),
        _ => json!({}),
    })
}

/// The top-level keys of each connector's Arroyo profile (`profile.json`; iceberg's from
/// `IcebergProfile`), embedded so the check runs without the reference schemas.
fn arroyo_keys(connector: &str) -> &'static [&'static str] {
    match connector {
        "kafka" => &[
            "bootstrapServers",
            "authentication",
            "schemaRegistryEnum",
            "connectionProperties",
        ],
        "confluent" => &["bootstrapServers", "key", "secret", "schemaRegistry"],
        "mqtt" => &[
            "url",
            "username",
            "password",
            "clientPrefix",
            "maxPacketSize",
            "tls",
        ],
        "nats" => &["servers", "authentication"],
        "rabbitmq" => &[
            "host",
            "port",
            "username",
            "password",
            "virtual_host",
            "tls_config",
            "load_balancer_mode",
        ],
        "redis" => &["connection", "username", "password"],
        "iceberg" => &["catalog"],
        _ => &[],
    }
}

/// Whether `v` is valid against `schema`, for the JSON Schema keywords Arroyo's profile
/// schemas use (`type`, `properties`, `required`, `additionalProperties`, `oneOf`,
/// `items`, `minimum`, `maximum`); the reason when it is not.
fn validate(schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "array" => v.is_array(),
            _ => true,
        };
        if !ok {
            return Err(format!("{at}: expected {t}, found {v}"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            return Err(format!("{at}: below {min}"));
        }
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if n > max {
            return Err(format!("{at}: above {max}"));
        }
    }
    if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = variants
            .iter()
            .filter(|s| validate(s, v, at).is_ok())
            .count();
        if matching != 1 {
            return Err(format!(
                "{at}: matches {matching} of the oneOf variants: {v}"
            ));
        }
    }
    if let (Some(items), Some(list)) = (schema.get("items"), v.as_array()) {
        for (i, item) in list.iter().enumerate() {
            validate(items, item, &format!("{at}[{i}]"))?;
        }
    }
    let Some(members) = v.as_object() else {
        return Ok(());
    };
    let props = schema.get("properties").and_then(Value::as_object);
    for req in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(r) = req.as_str() {
            if !members.contains_key(r) {
                return Err(format!("{at}: missing `{r}`"));
            }
        }
    }
    for (k, value) in members {
        match props.and_then(|p| p.get(k)) {
            Some(s) => validate(s, value, &format!("{at}.{k}"))?,
            None => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) => return Err(format!("{at}: unknown key `{k}`")),
                Some(s @ Value::Object(_)) => validate(s, value, &format!("{at}.{k}"))?,
                _ => {}
            },
        }
    }
    Ok(())
}

#[test]
fn what_we_emit_has_arroyos_keys() {
    for c in crate::profile::shape::connectors_with_shapes() {
        let out = profile_config_to_arroyo(c, &sample(c));
        let keys: Vec<&str> = out
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert!(!keys.is_empty(), "{c}");
        for k in keys {
            assert!(arroyo_keys(c).contains(&k), "{c}: `{k}` is not Arroyo's");
        }
    }
}

#[test]
fn what_we_emit_validates_against_arroyos_profile_schemas() {
    // Read from the shared reference when it is there (it is not part of the repository).
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/arroyo-schemas");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut checked = 0;
    for c in crate::profile::shape::connectors_with_shapes() {
        let Ok(text) = std::fs::read_to_string(dir.join(c).join("profile.json")) else {
            continue; // iceberg's profile schema is generated by Arroyo, not shipped
        };
        let schema: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        // The other variants of the `oneOf`s, too.
        let others = match c {
            "kafka" => vec![
                json!({"bootstrap_servers": "b1:9092"}),
                json!({"bootstrap_servers": "b1:9092", "auth.type": "aws_msk_iam", "auth.region": "eu-west-1"}),
            ],
            "nats" => vec![
                json!({"servers": "a:4222"}),
                json!({"servers": "a:4222", "auth.type": "credentials", "auth.username": "u", "auth.password": "p"}),
            ],
            "redis" => vec![json!({"cluster.addresses": "redis://a:1, redis://b:2"})],
            _ => vec![],
        };
        for config in std::iter::once(sample(c)).chain(others.into_iter().map(obj)) {
            let out = profile_config_to_arroyo(c, &config);
            assert_eq!(validate(&schema, &out, c), Ok(()), "{c}: {out}");
            // Every emitted top-level key is one Arroyo's type reads (the roots do not
            // deny unknown keys, so the schema alone would not say).
            for k in out.as_object().into_iter().flat_map(|o| o.keys()) {
                assert!(schema["properties"].get(k).is_some(), "{c}: `{k}`");
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 6);
}
