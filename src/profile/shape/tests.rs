use serde_json::json;

use super::*;

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn flat_pairs(connector: &str, v: Value) -> Vec<(String, Value)> {
    let f = flatten(connector, &obj(v));
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    let mut pairs: Vec<(String, Value)> = f.entries.into_iter().map(|e| (e.key, e.value)).collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

fn pairs(v: Value) -> Vec<(String, Value)> {
    let mut p: Vec<(String, Value)> = obj(v).into_iter().collect();
    p.sort_by(|a, b| a.0.cmp(&b.0));
    p
}

#[test]
fn kafka_arroyo_shape_reads_as_flat_options() {
    let arroyo = json!({
        "bootstrapServers": "b-1.example:9096,b-2.example:9096",
        "authentication": {"protocol": "SASL_SSL", "mechanism": "SCRAM-SHA-512",
                           "username": "ingest", "password": "{{ KAFKA_PW }}"},
        "schemaRegistryEnum": {"endpoint": "https://registry.example", "apiKey": "K", "apiSecret": "S"},
        "connectionProperties": {"client.rack": "use1-az2"}
    });
    assert_eq!(
        flat_pairs("kafka", arroyo),
        pairs(json!({
            "bootstrap_servers": "b-1.example:9096,b-2.example:9096",
            "auth.type": "sasl", "auth.protocol": "SASL_SSL", "auth.mechanism": "SCRAM-SHA-512",
            "auth.username": "ingest", "auth.password": "{{ KAFKA_PW }}",
            "schema_registry.endpoint": "https://registry.example",
            "schema_registry.api_key": "K", "schema_registry.api_secret": "S",
            "connection_properties.client.rack": "use1-az2"
        }))
    );
    assert_eq!(
        flat_pairs(
            "kafka",
            json!({"bootstrapServers": "b:1", "authentication": {}, "schemaRegistryEnum": {}})
        ),
        pairs(json!({"bootstrap_servers": "b:1", "auth.type": "none"}))
    );
    assert_eq!(
        flat_pairs(
            "kafka",
            json!({"bootstrapServers": "b:1", "authentication": {"region": "eu-central-1"}})
        ),
        pairs(
            json!({"bootstrap_servers": "b:1", "auth.type": "aws_msk_iam", "auth.region": "eu-central-1"})
        )
    );
}

#[test]
fn a_flat_config_passes_through() {
    let flat = json!({"bootstrap_servers": "b:1", "auth.type": "sasl", "auth.password": "x"});
    assert_eq!(flat_pairs("kafka", flat.clone()), pairs(flat));
    let unknown = json!({"whatever": 1});
    assert_eq!(flat_pairs("blackhole", unknown.clone()), pairs(unknown));
}

#[test]
fn every_connector_shape_reads() {
    assert_eq!(
        flat_pairs(
            "redis",
            json!({"connection": {"addresses": ["redis://a:1", "redis://b:1"]}, "password": "p"})
        ),
        pairs(json!({"cluster.addresses": ["redis://a:1", "redis://b:1"], "password": "p"}))
    );
    assert_eq!(
        flat_pairs(
            "nats",
            json!({"servers": "nats://a:4222", "authentication": {"jwt": "J", "nkeySeed": "N"}})
        ),
        pairs(
            json!({"servers": "nats://a:4222", "auth.type": "jwt", "auth.jwt": "J", "auth.nkey_seed": "N"})
        )
    );
    assert_eq!(
        flat_pairs(
            "iceberg",
            json!({"catalog": {"type": "rest", "url": "https://c", "warehouse": null, "token": "T"}})
        ),
        pairs(
            json!({"catalog.type": "rest", "catalog.rest.url": "https://c", "catalog.rest.token": "T"})
        )
    );
    assert_eq!(
        flat_pairs(
            "mqtt",
            json!({"url": "mqtts://b:8883", "clientPrefix": "p", "maxPacketSize": 10, "tls": {"ca": "/ca"}})
        ),
        pairs(
            json!({"url": "mqtts://b:8883", "client_prefix": "p", "max_packet_size": 10, "tls.ca": "/ca"})
        )
    );
    assert_eq!(
        flat_pairs(
            "rabbitmq",
            json!({"host": "h", "port": 5551, "tls_config": {"enabled": true}})
        ),
        pairs(json!({"host": "h", "port": 5551, "tls_config.enabled": true}))
    );
    assert_eq!(
        flat_pairs(
            "confluent",
            json!({"bootstrapServers": "b:1", "key": "k", "secret": "s", "schemaRegistry": {"endpoint": "https://r"}})
        ),
        pairs(
            json!({"bootstrap_servers": "b:1", "key": "k", "secret": "s", "schema_registry.endpoint": "https://r"})
        )
    );
}

#[test]
fn shape_mistakes_speak_json_and_point_at_the_key() {
    let f = flatten(
        "kafka",
        &obj(
            json!({"bootstrapServers": "b:1", "authentication": {"protocol": "SASL_SSL", "pasword": "x"}}),
        ),
    );
    let e = f.errors.first().cloned();
    assert_eq!(
        e.as_ref().map(|e| (
            e.path.clone(),
            e.at_key,
            e.message.as_str(),
            e.help.as_deref()
        )),
        Some((
            vec!["authentication".to_string(), "pasword".to_string()],
            true,
            "unknown key `pasword` in `authentication`",
            Some("did you mean `password`?")
        ))
    );
    let f = flatten("kafka", &obj(json!({"authentication": "sasl"})));
    assert_eq!(
        f.errors.first().map(|e| e.message.as_str()),
        Some("`authentication` must be a JSON object, found a string")
    );
    let f = flatten("redis", &obj(json!({"connection": {}})));
    assert_eq!(
        f.errors.first().map(|e| e.message.as_str()),
        Some("`connection` matches none of its shapes")
    );
}

#[test]
fn arroyo_shape_round_trips() {
    let arroyo = json!({
        "servers": "nats://a:4222",
        "authentication": {"username": "reader", "password": "{{ NATS_PW }}"}
    });
    assert_eq!(
        write_arroyo(
            "nats",
            flatten("nats", &obj(arroyo.clone()))
                .entries
                .into_iter()
                .map(|e| (e.key, e.value))
                .collect()
        ),
        arroyo
    );
    assert_eq!(
        arroyo_path("kafka", "auth.password").as_deref(),
        Some("authentication.password")
    );
    assert_eq!(arroyo_path("rabbitmq", "host"), None);
    assert_eq!(
        arroyo_path("iceberg", "catalog.rest.url").as_deref(),
        Some("catalog.url")
    );
}
