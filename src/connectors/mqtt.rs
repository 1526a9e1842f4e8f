//! `mqtt`: read from and write to MQTT topics.
//!
//! Connection options (`url`, credentials, `tls.*`, `max_packet_size`, `client_prefix`)
//! form the profile; `topic`, `type`, `qos` and `sink.retain` belong to the table.
//! Where Arroyo is lax we are explicit:
//! - the URL is checked at compile time (scheme, host, port);
//! - `tls.ca`, `tls.cert` and `tls.key` only take effect with a `mqtts://` or `ssl://` URL;
//!   Arroyo drops them silently otherwise, we warn;
//! - `sink.retain` is an ordinary boolean (`true`, `'true'`, `'yes'`…), where Arroyo
//!   accepts only the quoted strings `'true'` and `'false'`.

use arrow_schema::DataType;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use crate::connector::{ConnectionType, Connector, MetadataDef, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{checked, require_pair, secret, warn_no_effect};
use crate::connectors::endpoint::parse_endpoint;
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind};
use crate::profile::Secret;

/// URL schemes the MQTT client understands; the last two connect with TLS.
const SCHEMES: &[&str] = &["mqtt", "tcp", "mqtts", "ssl"];

option_specs! {
    PROFILE_OPTIONS = [
        pub(crate) URL = string("url").required().doc("Broker URL: `tcp://` or `mqtt://` (plain), `ssl://` or `mqtts://` (TLS), e.g. `mqtt://broker:1883`.");
        pub(crate) USERNAME = string("username").doc("User name; `{{ VAR }}` placeholders allowed.");
        pub(crate) PASSWORD = string("password").sensitive().doc("Password; `{{ VAR }}` placeholders allowed.");
        pub(crate) TLS_CA = string("tls.ca").doc("CA certificate (a path or inline PEM) for `mqtts://`/`ssl://` URLs; the system roots when unset.");
        pub(crate) TLS_CERT = string("tls.cert").doc("Client certificate (a path or inline PEM) for `mqtts://`/`ssl://` URLs; needs `tls.key`.");
        pub(crate) TLS_KEY = string("tls.key").sensitive().doc("Client private key (a path or inline PEM) for `mqtts://`/`ssl://` URLs; needs `tls.cert`.");
        pub(crate) MAX_PACKET_SIZE = new("max_packet_size", OptionKind::NonZero).range(1, u32::MAX as i64).doc("Largest packet the client sends or accepts, in bytes.");
        pub(crate) CLIENT_PREFIX = string("client_prefix").default_str("arroyo-mqtt").doc("Prefix of the MQTT client ids.");
    ]
}

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) TOPIC = string("topic").required().doc("The topic to subscribe or publish to.");
        pub(crate) QOS = one_of("qos", &["AtMostOnce", "AtLeastOnce", "ExactlyOnce"]).default_str("AtMostOnce").doc("Quality of service of subscriptions and publishes (`at_least_once` spellings are accepted too).");
        pub(crate) SINK_RETAIN = bool("sink.retain").default_bool(false).sink_only().doc("Publish messages with the retain flag.");
    ]
}

/// The topic a message arrived on (useful with wildcard subscriptions).
const METADATA: &[MetadataDef] = &[MetadataDef {
    key: "topic",
    data_type: DataType::Utf8,
    doc: "Topic of the message.",
}];

/// The MQTT connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Mqtt;

/// An MQTT broker connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MqttProfile {
    /// Broker URL.
    pub url: String,
    /// User name.
    pub username: Option<String>,
    /// Password.
    pub password: Option<Secret>,
    /// TLS settings; `None` for a plain (`tcp://`, `mqtt://`) URL.
    pub tls: Option<MqttTls>,
    /// Maximum packet size in bytes.
    pub max_packet_size: Option<u32>,
    /// Prefix of client ids.
    pub client_prefix: Option<String>,
}

/// TLS settings of a `mqtts://` or `ssl://` connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MqttTls {
    /// CA certificate; the system roots when `None`.
    pub ca: Option<String>,
    /// Client certificate.
    pub cert: Option<String>,
    /// Client private key.
    pub key: Option<Secret>,
}

/// One MQTT table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MqttTable {
    /// The topic (a source may use wildcards).
    pub topic: String,
    /// Quality of service.
    pub qos: Qos,
    /// Source or sink settings.
    #[serde(rename = "type")]
    pub kind: MqttTableKind,
}

/// MQTT quality of service: serialized in snake case, read from the spec's values
/// (`AtMostOnce`, …) through the aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qos {
    /// QoS 0.
    #[serde(alias = "AtMostOnce")]
    AtMostOnce,
    /// QoS 1.
    #[serde(alias = "AtLeastOnce")]
    AtLeastOnce,
    /// QoS 2.
    #[serde(alias = "ExactlyOnce")]
    ExactlyOnce,
}

/// Source or sink settings of an MQTT table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MqttTableKind {
    /// Subscribes to the topic.
    Source {},
    /// Publishes to the topic.
    Sink {
        /// Publish with the retain flag.
        retain: bool,
    },
}

connector_spec! {
    "mqtt", "MQTT", "Read and write MQTT topics";
    roles: SOURCE | SINK;
    formats: required(MESSAGE_FORMATS);
    metadata: METADATA;
    profile_options: PROFILE_OPTIONS;
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("url", "'mqtt://localhost:1883'"), ("topic", "'alerts'"), ("type", "'source'"), ("format", "'json'")];
    example: "id BIGINT", [("url", "'mqtt://localhost:1883'"), ("topic", "'alerts'"), ("type", "'sink'"), ("format", "'json'")];
}

impl Connector for Mqtt {
    connector_types!(MqttProfile, MqttTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<MqttProfile> {
        let url = opts.string(&URL);
        let endpoint = checked(
            opts,
            &URL,
            url.clone(),
            Some("write e.g. `mqtt://broker:1883`, or `mqtts://broker:8883` for TLS"),
            |s| parse_endpoint(s, SCHEMES, None),
        );
        let username = opts.string(&USERNAME).map(|s| s.node);
        let password = secret(opts, &PASSWORD);
        let ca = opts.string(&TLS_CA);
        let cert = opts.string(&TLS_CERT);
        let key = opts.string(&TLS_KEY);
        // The spec's range makes the conversion infallible.
        let max_packet_size = opts
            .non_zero(&MAX_PACKET_SIZE)
            .and_then(|n| u32::try_from(n.node).ok());
        let client_prefix = opts.string(&CLIENT_PREFIX).map(|s| s.node);

        let tls_url = endpoint
            .as_ref()
            .map(|e| e.scheme == "mqtts" || e.scheme == "ssl");
        let tls = match tls_url {
            Some(true) => {
                require_pair(
                    opts,
                    (&TLS_CERT, cert.as_ref().map(|c| c.span)),
                    (&TLS_KEY, key.as_ref().map(|k| k.span)),
                );
                Some(MqttTls {
                    ca: ca.map(|c| c.node),
                    cert: cert.map(|c| c.node),
                    key: key.map(|k| Secret::new(k.node)),
                })
            }
            Some(false) => {
                // Arroyo drops these silently for a plain URL; say so.
                let scheme = endpoint
                    .as_ref()
                    .map(|e| e.scheme.as_str())
                    .unwrap_or("tcp");
                warn_no_effect(
                    opts,
                    &[&TLS_CA, &TLS_CERT, &TLS_KEY],
                    &format!("only applies to TLS connections and has no effect with a `{scheme}://` URL"),
                    "use a `mqtts://` (or `ssl://`) URL to connect with TLS, or remove the option",
                );
                None
            }
            None => None,
        };
        Some(MqttProfile {
            url: url?.node.trim().to_string(),
            username,
            password,
            tls,
            max_packet_size,
            client_prefix,
        })
    }

    fn description(&self, _profile: &MqttProfile, table: &MqttTable) -> String {
        format!("mqtt topic '{}'", table.topic)
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<MqttTable> {
    let topic = opts.string(&TOPIC);
    let qos = opts.choice(&QOS);
    let kind = match cx.connection_type {
        ConnectionType::Source => MqttTableKind::Source {},
        ConnectionType::Sink | ConnectionType::Lookup => MqttTableKind::Sink {
            retain: opts.bool(&SINK_RETAIN)?.node,
        },
    };
    Some(MqttTable {
        topic: topic?.node,
        qos: qos?.node,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::codes;
    use crate::options::Value;

    use crate::connectors::common::test_support::{options as opts, s, source_cx};

    #[test]
    fn tls_options_kept_for_mqtts() {
        let mut o = opts(&[("url", s("mqtts://b:8883")), ("tls.ca", s("/ca.pem"))]);
        let p = Mqtt.profile_from_options(&mut o);
        assert_eq!(
            p.and_then(|p| p.tls).and_then(|t| t.ca),
            Some("/ca.pem".to_string())
        );
        assert!(o.take_diagnostics().is_empty());
    }

    #[test]
    fn tls_options_warned_for_tcp() {
        let mut o = opts(&[("url", s("tcp://b:1883")), ("tls.ca", s("/ca.pem"))]);
        let p = Mqtt.profile_from_options(&mut o);
        assert_eq!(p.map(|p| p.tls), Some(None));
        let d = o.take_diagnostics();
        assert_eq!(d.len(), 1);
        assert_eq!(
            d.first().map(|d| d.code),
            Some(codes::OPTION_NOT_APPLICABLE)
        );
    }

    #[test]
    fn max_packet_size_fits_u32() {
        let mut o = opts(&[
            ("url", s("tcp://b")),
            ("max_packet_size", Value::Number("4294967296".into())),
        ]);
        assert_eq!(
            Mqtt.profile_from_options(&mut o).map(|p| p.max_packet_size),
            Some(None)
        );
        assert_eq!(
            o.take_diagnostics().first().map(|d| d.code),
            Some(codes::INVALID_VALUE)
        );
    }

    #[test]
    fn retain_takes_a_boolean_literal() {
        let mut o = opts(&[
            ("topic", s("t")),
            ("type", s("sink")),
            ("sink.retain", Value::Bool(true)),
        ]);
        let cx = TableContext {
            name: "t",
            connection_type: crate::connector::ConnectionType::Sink,
            fields: &[],
            format: None,
            generated: &[],
            partitioned_by: None,
        };
        let t = Mqtt.table_from_options(&mut o, &cx);
        assert_eq!(
            t.map(|t| t.kind),
            Some(MqttTableKind::Sink { retain: true })
        );
    }

    #[test]
    fn qos_snake_case_spelling() {
        let mut o = opts(&[
            ("topic", s("t")),
            ("type", s("source")),
            ("qos", s("exactly_once")),
        ]);
        let t = Mqtt.table_from_options(&mut o, &source_cx());
        assert_eq!(t.map(|t| t.qos), Some(Qos::ExactlyOnce));
    }
}
