//! `kafka`: read from and write to Kafka topics.
//!
//! Connection options (`bootstrap_servers`, `auth.*`, `schema_registry.*`) form the
//! profile and come from the WITH clause or a connection profile; table options
//! (`topic`, `type`, `source.*`, `sink.*`, …) always come from the WITH clause.
//! Unlike Arroyo, `bootstrap_servers` is checked at compile time, not when the job starts.

use std::collections::BTreeMap;

use arrow_schema::DataType;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use crate::connector::{ConnectionType, Connector, MetadataDef, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{checked, named_column, secret};
use crate::connectors::endpoint::parse_host_port_list;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, Value};
use crate::profile::Secret;
use crate::schema::{ConnectionSchema, Format};

option_specs! {
    PROFILE_OPTIONS = [
        pub(crate) BOOTSTRAP_SERVERS = string("bootstrap_servers").required().doc("Comma-separated `host:port` list of brokers.");
        pub(crate) AUTH_TYPE = one_of("auth.type", &["none", "sasl", "aws_msk_iam"]).default_str("none").doc("How to authenticate.");
        pub(crate) AUTH_MECHANISM = string("auth.mechanism").required().when("auth.type", &["sasl"]).doc("SASL mechanism, e.g. `PLAIN` or `SCRAM-SHA-256`.");
        pub(crate) AUTH_PROTOCOL = string("auth.protocol").required().when("auth.type", &["sasl"]).doc("Security protocol, e.g. `SASL_SSL`.");
        pub(crate) AUTH_USERNAME = string("auth.username").required().when("auth.type", &["sasl"]).sensitive().doc("SASL user name; `{{ VAR }}` placeholders allowed.");
        pub(crate) AUTH_PASSWORD = string("auth.password").required().when("auth.type", &["sasl"]).sensitive().doc("SASL password; `{{ VAR }}` placeholders allowed.");
        pub(crate) AUTH_REGION = string("auth.region").required().when("auth.type", &["aws_msk_iam"]).doc("AWS region of the MSK cluster.");
        pub(crate) REGISTRY_ENDPOINT = string("schema_registry.endpoint").doc("URL of a Confluent schema registry.");
        pub(crate) REGISTRY_API_KEY = string("schema_registry.api_key").when_set("schema_registry.endpoint").sensitive().doc("Schema registry API key.");
        pub(crate) REGISTRY_API_SECRET = string("schema_registry.api_secret").when_set("schema_registry.endpoint").sensitive().doc("Schema registry API secret.");
        pub(crate) CONNECTION_PROPERTIES = new("connection_properties.", OptionKind::Prefix).sensitive().doc("Extra librdkafka settings of the connection, e.g. `connection_properties.client.rack = 'use1-az2'` (Arroyo's `connectionProperties`); a table's `client_configs` override them, and the values of secret-named settings are never printed.");
    ]
}

// Table options, shared with `confluent` (which reads Kafka tables).

option_specs! {
    pub(crate) TABLE_OPTIONS = [
        pub(crate) TOPIC = string("topic").required().doc("The topic to read from or write to.");
        pub(crate) SOURCE_OFFSET = one_of("source.offset", &["earliest", "latest", "group"]).default_str("latest").source_only().doc("Where a new consumer group starts reading.");
        pub(crate) SOURCE_READ_MODE = one_of("source.read_mode", &["read_committed", "read_uncommitted"]).default_str("read_uncommitted").source_only().doc("Whether to read only committed transactional messages.");
        pub(crate) SOURCE_GROUP_ID = string("source.group_id").source_only().doc("Consumer group id.");
        pub(crate) SOURCE_GROUP_ID_PREFIX = string("source.group_id_prefix").source_only().doc("Prefix of generated consumer group ids.");
        pub(crate) SINK_COMMIT_MODE = one_of("sink.commit_mode", &["at_least_once", "exactly_once"]).default_str("at_least_once").sink_only().doc("Delivery guarantee of the sink.");
        pub(crate) SINK_KEY_FIELD = string("sink.key_field").sink_only().doc("Column written as the message key.");
        pub(crate) SINK_TIMESTAMP_FIELD = string("sink.timestamp_field").sink_only().doc("TIMESTAMP column written as the message timestamp.");
        pub(crate) CLIENT_CONFIGS = new("client_configs", OptionKind::Map).doc("Extra librdkafka settings, `'k1=v1,k2=v2'`.");
        pub(crate) VALUE_SUBJECT = string("value.subject").doc("Schema registry subject of the message values.");
    ]
}

/// Metadata columns of Kafka tables (types as in Arroyo), shared with `confluent`.
pub(crate) const METADATA: &[MetadataDef] = &[
    MetadataDef {
        key: "offset_id",
        data_type: DataType::Int64,
        doc: "Offset of the message in its partition.",
    },
    MetadataDef {
        key: "partition",
        data_type: DataType::Int32,
        doc: "Partition of the message.",
    },
    MetadataDef {
        key: "topic",
        data_type: DataType::Utf8,
        doc: "Topic of the message.",
    },
    MetadataDef {
        key: "timestamp",
        data_type: DataType::Int64,
        doc: "Message timestamp in milliseconds since the epoch.",
    },
    MetadataDef {
        key: "key",
        data_type: DataType::Binary,
        doc: "Message key.",
    },
];

/// The Kafka connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Kafka;

/// A Kafka cluster connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KafkaProfile {
    /// Brokers, `host:port` each.
    pub bootstrap_servers: Vec<String>,
    /// Authentication.
    pub authentication: KafkaAuth,
    /// Confluent schema registry, if configured.
    pub schema_registry: Option<SchemaRegistry>,
    /// Extra librdkafka settings of the connection (Arroyo's `connectionProperties`); a
    /// table's `client_configs` override them (see [`KafkaTable::client_settings`]).
    /// Credential values are redacted when serialized.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "crate::profile::serialize_settings"
    )]
    pub connection_properties: BTreeMap<String, String>,
}

/// How to authenticate to Kafka.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum KafkaAuth {
    /// No authentication.
    None {},
    /// SASL.
    Sasl {
        /// e.g. `SASL_SSL`.
        protocol: String,
        /// e.g. `PLAIN`.
        mechanism: String,
        /// User name.
        username: Secret,
        /// Password.
        password: Secret,
    },
    /// AWS MSK IAM.
    AwsMskIam {
        /// AWS region.
        region: String,
    },
}

/// A Confluent schema registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SchemaRegistry {
    /// Registry URL.
    pub endpoint: String,
    /// API key.
    pub api_key: Option<Secret>,
    /// API secret.
    pub api_secret: Option<Secret>,
}

/// One Kafka table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KafkaTable {
    /// The topic.
    pub topic: String,
    /// Source or sink settings.
    #[serde(rename = "type")]
    pub kind: KafkaTableKind,
    /// Extra librdkafka settings (credential values are redacted when serialized).
    #[serde(serialize_with = "crate::profile::serialize_settings")]
    pub client_configs: BTreeMap<String, String>,
    /// Schema registry subject of the values.
    pub value_subject: String,
}

impl KafkaTable {
    /// The librdkafka settings of this table over `profile`: the profile's
    /// `connection_properties`, then the table's `client_configs`, which win where both
    /// set a key (as in Arroyo).
    pub fn client_settings(&self, profile: &KafkaProfile) -> BTreeMap<String, String> {
        let mut out = profile.connection_properties.clone();
        out.extend(
            self.client_configs
                .iter()
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        out
    }
}

/// Source or sink settings of a Kafka table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KafkaTableKind {
    /// Reads the topic.
    Source {
        /// Where a new consumer group starts.
        offset: SourceOffset,
        /// Whether only committed transactional messages are read.
        read_mode: ReadMode,
        /// Consumer group id.
        group_id: Option<String>,
        /// Prefix for generated group ids.
        group_id_prefix: Option<String>,
    },
    /// Writes the topic.
    Sink {
        /// The delivery guarantee.
        commit_mode: CommitMode,
        /// Column written as the key.
        key_field: Option<String>,
        /// Column written as the timestamp.
        timestamp_field: Option<String>,
    },
}

/// `auth.type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum AuthType {
    /// No authentication.
    None,
    /// SASL (`auth.protocol`, `auth.mechanism`, `auth.username`, `auth.password`).
    Sasl,
    /// AWS MSK IAM (`auth.region`).
    AwsMskIam,
}

/// `source.offset`: where a new consumer group starts reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceOffset {
    /// The oldest retained message.
    Earliest,
    /// Only messages written from now on.
    Latest,
    /// The consumer group's committed offsets.
    Group,
}

/// `source.read_mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReadMode {
    /// Only committed transactional messages.
    ReadCommitted,
    /// Every message.
    ReadUncommitted,
}

/// `sink.commit_mode`: the sink's delivery guarantee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitMode {
    /// Messages may be written twice after a failure.
    AtLeastOnce,
    /// Transactional writes.
    ExactlyOnce,
}

/// Pulls the required `bootstrap_servers` and checks it as a `host:port` list
/// ([`endpoint::parse_host_port_list`](crate::connectors::endpoint::parse_host_port_list)).
/// `scheme_help` replaces the help given for a `scheme://` prefix (connectors without
/// `auth.protocol` explain it differently).
pub(crate) fn bootstrap_servers(
    opts: &mut ConnectorOptions,
    scheme_help: Option<&str>,
) -> Option<Vec<String>> {
    let servers = opts.string(&BOOTSTRAP_SERVERS);
    checked(opts, &BOOTSTRAP_SERVERS, servers, None, |s| {
        parse_host_port_list(s).map_err(|(msg, help)| match scheme_help {
            Some(h) if msg.contains("has a scheme") => (msg, Some(h.to_string())),
            _ => (msg, help),
        })
    })
}

/// Flink's names for Kafka options (`foreign`, `ours`).
const FLINK_OPTIONS: &[(&str, &str)] = &[
    ("properties.bootstrap.servers", "bootstrap_servers"),
    ("properties.group.id", "source.group_id"),
    ("scan.startup.mode", "source.offset"),
    ("value.format", "format"),
    ("sink.delivery-guarantee", "sink.commit_mode"),
    ("properties.security.protocol", "auth.protocol"),
    ("properties.sasl.mechanism", "auth.mechanism"),
    ("json.timestamp-format.standard", "json.timestamp_format"),
    ("value.avro-confluent.url", "schema_registry.endpoint"),
    ("avro-confluent.url", "schema_registry.endpoint"),
];

connector_spec! {
    "kafka", "Kafka", "Read and write Kafka topics";
    roles: SOURCE | SINK;
    formats: required(MESSAGE_FORMATS);
    metadata: METADATA;
    profile_options: PROFILE_OPTIONS;
    table_options: TABLE_OPTIONS;
    foreign_options: FLINK_OPTIONS;
    example: "id BIGINT", [("bootstrap_servers", "'localhost:9092'"), ("topic", "'orders'"), ("type", "'source'"), ("format", "'json'")];
    example: "id BIGINT", [("bootstrap_servers", "'localhost:9092'"), ("topic", "'orders'"), ("type", "'sink'"), ("format", "'json'")];
}

impl Connector for Kafka {
    connector_types!(KafkaProfile, KafkaTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<KafkaProfile> {
        let servers = bootstrap_servers(opts, None);
        let auth = match opts.choice::<AuthType>(&AUTH_TYPE).map(|a| a.node) {
            Some(AuthType::Sasl) => {
                let protocol = opts.string(&AUTH_PROTOCOL);
                let mechanism = opts.string(&AUTH_MECHANISM);
                let username = secret(opts, &AUTH_USERNAME);
                let password = secret(opts, &AUTH_PASSWORD);
                match (protocol, mechanism, username, password) {
                    (Some(p), Some(m), Some(u), Some(pw)) => Some(KafkaAuth::Sasl {
                        protocol: p.node,
                        mechanism: m.node,
                        username: u,
                        password: pw,
                    }),
                    _ => None,
                }
            }
            Some(AuthType::AwsMskIam) => opts
                .string(&AUTH_REGION)
                .map(|r| KafkaAuth::AwsMskIam { region: r.node }),
            Some(AuthType::None) => Some(KafkaAuth::None {}),
            None => None,
        };
        let registry = opts.string(&REGISTRY_ENDPOINT).map(|e| SchemaRegistry {
            endpoint: e.node,
            api_key: secret(opts, &REGISTRY_API_KEY),
            api_secret: secret(opts, &REGISTRY_API_SECRET),
        });
        let connection_properties = connection_properties(opts);
        Some(KafkaProfile {
            bootstrap_servers: servers?,
            authentication: auth?,
            schema_registry: registry,
            connection_properties,
        })
    }

    fn description(&self, _profile: &KafkaProfile, table: &KafkaTable) -> String {
        format!("kafka topic '{}'", table.topic)
    }

    fn schema_subject(&self, _profile: &KafkaProfile, table: &KafkaTable) -> Option<String> {
        Some(table.value_subject.clone())
    }

    fn check(
        &self,
        profile: &KafkaProfile,
        table: &KafkaTable,
        schema: &ConnectionSchema,
        opts: &mut ConnectorOptions,
    ) {
        check_table(profile.schema_registry.is_some(), table, schema, opts);
    }
}

/// Reads the `connection_properties.*` family: each value a non-empty string.
fn connection_properties(opts: &mut ConnectorOptions) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (key, value) in opts.take_prefix(CONNECTION_PROPERTIES.key) {
        match value.node {
            Value::String(s) if !s.trim().is_empty() => {
                out.insert(key.node, s);
            }
            other => {
                let found = match &other {
                    Value::String(_) => "an empty string".to_string(),
                    v => v.kind().to_string(),
                };
                let mut d = Diagnostic::error(
                    codes::INVALID_VALUE,
                    value.span,
                    format!(
                        "invalid value for `{}{}`: expected a string, found {found}",
                        CONNECTION_PROPERTIES.key, key.node
                    ),
                );
                if !matches!(other, Value::String(_)) {
                    d = d.with_help(format!(
                        "librdkafka settings are text; quote the value: `'{}'`",
                        match &other {
                            Value::Number(n) => n.clone(),
                            Value::Bool(b) => b.to_string(),
                            _ => "…".to_string(),
                        }
                    ));
                }
                opts.report(d);
            }
        }
    }
    out
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<KafkaTable> {
    let topic = opts.string(&TOPIC);
    let client_configs = opts
        .map(&CLIENT_CONFIGS)
        .map(|m| m.node)
        .unwrap_or_default();
    let subject = opts.string(&VALUE_SUBJECT).map(|s| s.node);
    let kind = match cx.connection_type {
        ConnectionType::Source => {
            let offset = opts.choice(&SOURCE_OFFSET);
            let read_mode = opts.choice(&SOURCE_READ_MODE);
            let group_id = opts.string(&SOURCE_GROUP_ID);
            let prefix = opts.string(&SOURCE_GROUP_ID_PREFIX);
            if let (Some(g), Some(p)) = (&group_id, &prefix) {
                opts.report(
                    crate::messages::option_conflict(
                        p.span,
                        SOURCE_GROUP_ID_PREFIX.key,
                        SOURCE_GROUP_ID.key,
                        Some((g.span, "group id set here")),
                    )
                    .with_help("a fixed `source.group_id` needs no prefix; set one of them"),
                );
            }
            KafkaTableKind::Source {
                offset: offset?.node,
                read_mode: read_mode?.node,
                group_id: group_id.map(|g| g.node),
                group_id_prefix: prefix.map(|p| p.node),
            }
        }
        ConnectionType::Sink | ConnectionType::Lookup => KafkaTableKind::Sink {
            commit_mode: opts.choice(&SINK_COMMIT_MODE)?.node,
            key_field: opts.string(&SINK_KEY_FIELD).map(|s| s.node),
            timestamp_field: opts.string(&SINK_TIMESTAMP_FIELD).map(|s| s.node),
        },
    };
    let topic = topic?.node;
    Some(KafkaTable {
        value_subject: subject.unwrap_or_else(|| format!("{topic}-value")),
        topic,
        kind,
        client_configs,
    })
}

/// The schema checks of a Kafka table (shared with `confluent`): registry framing needs a
/// registry in the connection, and a sink's key and timestamp columns must exist.
pub(crate) fn check_table(
    has_registry: bool,
    table: &KafkaTable,
    schema: &ConnectionSchema,
    opts: &mut ConnectorOptions,
) {
    // Registry framing carries a schema id that only a registry can resolve.
    let registry_key = match &schema.format {
        Some(Format::Avro(a)) if a.confluent_schema_registry => {
            Some("avro.confluent_schema_registry")
        }
        Some(Format::Protobuf(p)) if p.confluent_schema_registry => {
            Some("protobuf.confluent_schema_registry")
        }
        _ => None,
    };
    if let (Some(key), false) = (registry_key, has_registry) {
        let span = opts.key_span(key).unwrap_or(opts.anchor());
        opts.report(
            Diagnostic::error(
                codes::OPTION_CONFLICT,
                span,
                format!("`{key}` needs a schema registry, but the connection has none"),
            )
            .with_help("set `schema_registry.endpoint` in WITH or in the connection profile"),
        );
    }
    let KafkaTableKind::Sink {
        key_field,
        timestamp_field,
        ..
    } = &table.kind
    else {
        return;
    };
    if schema.fields.is_empty() {
        return; // an inferred sink: the planner checks against the query
    }
    for (spec, field) in [
        (&SINK_KEY_FIELD, key_field),
        (&SINK_TIMESTAMP_FIELD, timestamp_field),
    ] {
        let Some(name) = field else { continue };
        let Some((f, span)) = named_column(opts, spec, name, schema) else {
            continue;
        };
        if spec.key == SINK_TIMESTAMP_FIELD.key
            && !matches!(f.data_type(), DataType::Timestamp(_, _))
        {
            opts.report(Diagnostic::error(
                codes::INVALID_VALUE,
                span,
                format!(
                    "`sink.timestamp_field` must name a TIMESTAMP column, but `{name}` is {}",
                    crate::parse::types::sql_name(f.data_type(), false)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bootstrap_servers_grammar() {
        let p = parse_host_port_list;
        assert_eq!(p("b1:9092"), Ok(vec!["b1:9092".to_string()]));
        assert_eq!(
            p("b1:9092, b-2.example.com:9093"),
            Ok(vec![
                "b1:9092".to_string(),
                "b-2.example.com:9093".to_string()
            ])
        );
        assert_eq!(p("[::1]:9092"), Ok(vec!["[::1]:9092".to_string()]));
        assert_eq!(
            p("{{ KAFKA_BROKERS }}"),
            Ok(vec!["{{ KAFKA_BROKERS }}".to_string()])
        );
        for bad in [
            "broker",
            "b1:9092,",
            "SASL_SSL://b1:9092",
            "b1:99999",
            "b1:0",
            "b 1:9092",
            "{{ not a var }}",
        ] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }
}
