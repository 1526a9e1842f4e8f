//! `fluvio`: read from and write to Fluvio topics.
//!
//! There is no connection profile: `endpoint` names the cluster, or the Fluvio client's
//! default cluster is used. Unlike Arroyo, which passes both to the client at runtime, the
//! endpoint is checked to be a single `host:port` and the topic to be a valid Fluvio
//! resource name at compile time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{ConnectionType, Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{checked, checked_name};
use crate::connectors::endpoint::parse_host_port_list;
use crate::connectors::kinesis::StartOffset;
use crate::options::option_specs;
use crate::options::placeholder::has_placeholder;
use crate::options::ConnectorOptions;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) ENDPOINT = string("endpoint").doc("`host:port` of the Fluvio cluster; the client's default cluster when unset.");
        pub(crate) TOPIC = string("topic").required().doc("The topic (lowercase letters, digits and `-`, at most 63 characters).");
        pub(crate) SOURCE_OFFSET = one_of("source.offset", &["earliest", "latest"]).default_str("latest").source_only().doc("Where to start reading a partition without saved state.");
    ]
}

/// The Fluvio connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fluvio;

/// One Fluvio table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FluvioTable {
    /// `host:port` of the cluster, when set.
    pub endpoint: Option<String>,
    /// The topic.
    pub topic: String,
    /// Source or sink settings.
    #[serde(rename = "type")]
    pub kind: FluvioTableKind,
}

/// Source or sink settings of a Fluvio table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FluvioTableKind {
    /// Reads the topic.
    Source {
        /// `earliest` or `latest`.
        offset: StartOffset,
    },
    /// Writes the topic.
    Sink {},
}

/// Whether `s` is a valid Fluvio topic name: 1 to 63 lowercase letters, digits and `-`,
/// starting and ending with a letter or digit.
pub(crate) fn valid_topic(s: &str) -> bool {
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    (1..=63).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && edge_ok(s.chars().next())
        && edge_ok(s.chars().last())
}

/// Checks a single `host:port`: a message and optional help for the first problem.
pub(crate) fn check_endpoint(s: &str) -> Result<(), (String, Option<String>)> {
    if s.contains(',') {
        return Err((
            "expected one `host:port`, found a list".into(),
            Some("a Fluvio table connects to one cluster endpoint".into()),
        ));
    }
    if !s.contains("://") && !s.contains(':') && !has_placeholder(s) {
        return Err((
            format!("`{}` has no port; expected `host:port`", s.trim()),
            Some(format!("e.g. `{}:9003`", s.trim())),
        ));
    }
    match parse_host_port_list(s) {
        Ok(_) => Ok(()),
        Err((msg, _)) if msg.contains("has a scheme") => Err((
            msg,
            Some("remove the `scheme://` prefix; Fluvio endpoints are `host:port`".into()),
        )),
        Err(e) => Err(e),
    }
}

connector_spec! {
    "fluvio", "Fluvio", "Read and write Fluvio topics";
    roles: SOURCE | SINK;
    formats: required(MESSAGE_FORMATS);
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("topic", "'readings'"), ("type", "'source'"), ("format", "'json'")];
    example: "id BIGINT", [("topic", "'readings'"), ("type", "'sink'"), ("format", "'json'")];
}

impl Connector for Fluvio {
    no_profile!(FluvioTable, read_table);

    fn description(&self, _profile: &(), table: &FluvioTable) -> String {
        format!("fluvio topic '{}'", table.topic)
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<FluvioTable> {
    let endpoint = match opts.string(&ENDPOINT) {
        None => Some(None),
        e => checked(opts, &ENDPOINT, e, None, |s| {
            check_endpoint(s).map(|()| Some(s.trim().to_string()))
        }),
    };
    let topic = opts.string(&TOPIC);
    let topic = checked_name(
        opts,
        &TOPIC,
        topic,
        valid_topic,
        "a valid Fluvio topic name",
        "topic names have at most 63 lowercase letters, digits and `-`, and start and end with a letter or digit",
    );
    let kind = match cx.connection_type {
        ConnectionType::Source => FluvioTableKind::Source {
            offset: opts.choice(&SOURCE_OFFSET)?.node,
        },
        ConnectionType::Sink | ConnectionType::Lookup => FluvioTableKind::Sink {},
    };
    Some(FluvioTable {
        endpoint: endpoint?,
        topic: topic?,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(with: &str) -> Option<FluvioTable> {
        crate::connectors::common::test_support::table_config(&format!("CREATE TABLE t (v TEXT) WITH (connector = 'fluvio', topic = 'events', format = 'json', {with});"))
    }

    #[test]
    fn source_defaults() {
        assert_eq!(
            table("type = 'source'"),
            Some(FluvioTable {
                endpoint: None,
                topic: "events".into(),
                kind: FluvioTableKind::Source {
                    offset: StartOffset::Latest
                },
            })
        );
    }

    #[test]
    fn sink_with_endpoint() {
        assert_eq!(
            table("type = 'sink', endpoint = ' localhost:9003 '"),
            Some(FluvioTable {
                endpoint: Some("localhost:9003".into()),
                topic: "events".into(),
                kind: FluvioTableKind::Sink {},
            })
        );
    }

    #[test]
    fn topic_names() {
        assert!(valid_topic("orders"));
        assert!(valid_topic("orders-2"));
        assert!(valid_topic(&"a".repeat(63)));
        assert!(!valid_topic(&"a".repeat(64)));
        assert!(!valid_topic("Orders"));
        assert!(!valid_topic("orders_v2"));
        assert!(!valid_topic("-orders"));
        assert!(!valid_topic("orders-"));
    }

    #[test]
    fn endpoints() {
        assert_eq!(check_endpoint("localhost:9003"), Ok(()));
        assert_eq!(check_endpoint("router.infinyon.cloud:9003"), Ok(()));
        assert!(check_endpoint("localhost").is_err());
        assert!(check_endpoint("a:9003,b:9003").is_err());
        assert!(check_endpoint("https://cloud:9003").is_err());
        assert!(check_endpoint("localhost:0").is_err());
    }
}
