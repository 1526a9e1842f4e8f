//! `nats`: read from NATS Core subjects or JetStream streams, and publish to subjects.
//!
//! Connection options (`servers`, `auth.*`) form the profile. A source reads either a
//! JetStream `stream` (with `consumer.*` settings) or a Core `subject`; a sink publishes
//! to a `subject`. Differences from Arroyo, all deliberate:
//! - `servers` is checked at compile time (Arroyo panics on a malformed list at runtime);
//! - a `stream` or `subject` of the wrong kind (`stream = 5`) is reported; Arroyo treats it
//!   as absent;
//! - `consumer.ack_wait` defaults to 30 seconds, what Arroyo's code uses (its JSON schema
//!   says 300);
//! - numeric consumer limits are checked: `-1` means "no limit", anything lower is an error;
//! - the description names the stream or subject in plain quotes (`nats subject 'orders'`),
//!   not Rust `Debug` quotes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use crate::connector::{ConnectionType, Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{checked, report_neither, secret};
use crate::connectors::endpoint::{has_placeholder, parse_endpoint, parse_list};
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec};
use crate::profile::Secret;
use crate::span::Spanned;

/// Schemes a NATS server address may have; a bare `host:port` means `nats://`.
const SCHEMES: &[&str] = &["nats", "tls", "ws", "wss"];

option_specs! {
    PROFILE_OPTIONS = [
        pub(crate) SERVERS = string("servers").required().doc("Comma-separated NATS servers, `host:port` or `nats://host:port` (also `tls://`, `ws://`, `wss://`).");
        pub(crate) AUTH_TYPE = one_of("auth.type", &["none", "credentials", "jwt"]).default_str("none").doc("How to authenticate.");
        pub(crate) AUTH_USERNAME = string("auth.username").required().when("auth.type", &["credentials"]).doc("User name; `{{ VAR }}` placeholders allowed.");
        pub(crate) AUTH_PASSWORD = string("auth.password").required().when("auth.type", &["credentials"]).sensitive().doc("Password; `{{ VAR }}` placeholders allowed.");
        pub(crate) AUTH_JWT = string("auth.jwt").required().when("auth.type", &["jwt"]).sensitive().doc("User JWT; `{{ VAR }}` placeholders allowed.");
        pub(crate) AUTH_NKEY_SEED = string("auth.nkey_seed").required().when("auth.type", &["jwt"]).sensitive().doc("NKey seed that signs the JWT challenge; `{{ VAR }}` placeholders allowed.");
    ]
}

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) STREAM = string("stream").source_only().doc("JetStream stream to consume; a source sets this or `subject`.");
        pub(crate) SUBJECT = string("subject").doc("Subject to subscribe to (a NATS Core source) or publish to (a sink, required there).");
        pub(crate) CONSUMER_DESCRIPTION = string("consumer.description").source_only().doc("Description of the JetStream consumer.");
        pub(crate) CONSUMER_ACK_POLICY = one_of("consumer.ack_policy", &["Explicit", "None", "All"]).default_str("Explicit").source_only().doc("How messages are acknowledged.");
        pub(crate) CONSUMER_REPLAY_POLICY = one_of("consumer.replay_policy", &["Original", "Instant"]).default_str("Instant").source_only().doc("Replay stored messages at their original pace or at once.");
        pub(crate) CONSUMER_ACK_WAIT = new("consumer.ack_wait", OptionKind::NonZero).default_int(30).source_only().doc("Seconds to wait for an acknowledgement before redelivering.");
        pub(crate) CONSUMER_FILTER_SUBJECTS = new("consumer.filter_subjects", OptionKind::List).source_only().doc("Only consume these subjects of the stream, `'a.*, b.>'`.");
        pub(crate) CONSUMER_SAMPLE_FREQUENCY = new("consumer.sample_frequency", OptionKind::Unsigned).default_int(0).range(0, 100).source_only().doc("Percentage of acknowledgements sampled for observability.");
        pub(crate) CONSUMER_NUM_REPLICAS = new("consumer.num_replicas", OptionKind::Unsigned).default_int(1).source_only().doc("Replicas of the consumer state (0 inherits the stream's).");
        pub(crate) CONSUMER_INACTIVE_THRESHOLD = new("consumer.inactive_threshold", OptionKind::Unsigned).default_int(600).source_only().doc("Seconds of inactivity after which the consumer is removed.");
        pub(crate) CONSUMER_RATE_LIMIT = new("consumer.rate_limit", OptionKind::Signed).default_int(-1).range(-1, i64::MAX).source_only().doc("Delivery rate limit in bits per second; -1 for none.");
        pub(crate) CONSUMER_MAX_ACK_PENDING = new("consumer.max_ack_pending", OptionKind::Signed).default_int(-1).range(-1, i64::MAX).source_only().doc("Most unacknowledged messages in flight; -1 for no limit.");
        pub(crate) CONSUMER_MAX_DELIVER = new("consumer.max_deliver", OptionKind::Signed).default_int(-1).range(-1, i64::MAX).source_only().doc("Most delivery attempts of a message; -1 for no limit.");
        pub(crate) CONSUMER_MAX_WAITING = new("consumer.max_waiting", OptionKind::Signed).default_int(1_000_000).range(-1, i64::MAX).source_only().doc("Most outstanding pull requests; -1 for no limit.");
        pub(crate) CONSUMER_MAX_BATCH = new("consumer.max_batch", OptionKind::Signed).default_int(10_000).range(-1, i64::MAX).source_only().doc("Most messages per pull request; -1 for no limit.");
        pub(crate) CONSUMER_MAX_BYTES = new("consumer.max_bytes", OptionKind::Signed).default_int(104_857_600).range(-1, i64::MAX).source_only().doc("Most bytes per pull request; -1 for no limit.");
        pub(crate) CONSUMER_MAX_EXPIRES = new("consumer.max_expires", OptionKind::Signed).default_int(300_000).range(-1, i64::MAX).source_only().doc("Longest expiry of a pull request, in milliseconds; -1 for no limit.");
    ]
}

/// Every `consumer.*` option (JetStream sources only).
fn consumer_options() -> impl Iterator<Item = &'static OptionSpec> {
    TABLE_OPTIONS
        .iter()
        .filter(|spec| spec.key.starts_with("consumer."))
}

/// `auth.type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum NatsAuthType {
    /// No authentication.
    None,
    /// `auth.username` and `auth.password`.
    Credentials,
    /// `auth.jwt` and `auth.nkey_seed`.
    Jwt,
}

/// `consumer.ack_policy`: how a JetStream consumer acknowledges messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AckPolicy {
    /// Every message is acknowledged.
    Explicit,
    /// No acknowledgements.
    None,
    /// Acknowledging a message acknowledges those before it.
    All,
}

/// `consumer.replay_policy`: how stored messages are replayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ReplayPolicy {
    /// At the pace they were stored.
    Original,
    /// As fast as possible.
    Instant,
}

/// The NATS connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Nats;

/// A NATS cluster connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NatsProfile {
    /// Server addresses, trimmed.
    pub servers: Vec<String>,
    /// Authentication.
    pub authentication: NatsAuth,
}

/// How to authenticate to NATS.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum NatsAuth {
    /// No authentication.
    None {},
    /// User name and password.
    Credentials {
        /// User name.
        username: String,
        /// Password.
        password: Secret,
    },
    /// A user JWT signed with an NKey.
    Jwt {
        /// The JWT.
        jwt: Secret,
        /// The NKey seed.
        nkey_seed: Secret,
    },
}

/// One NATS table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NatsTable {
    /// What the table reads or writes.
    #[serde(rename = "type")]
    pub kind: NatsTableKind,
}

/// What a NATS table reads or writes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NatsTableKind {
    /// A source consuming a JetStream stream.
    JetstreamSource {
        /// The stream.
        stream: String,
        /// The consumer settings.
        consumer: JetstreamConsumer,
    },
    /// A source subscribed to a NATS Core subject.
    CoreSource {
        /// The subject.
        subject: String,
    },
    /// A sink publishing to a subject.
    Sink {
        /// The subject.
        subject: String,
    },
}

/// JetStream consumer settings (limits: `-1` means none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct JetstreamConsumer {
    /// Description of the consumer.
    pub description: Option<String>,
    /// `Explicit`, `None` or `All`.
    pub ack_policy: AckPolicy,
    /// `Original` or `Instant`.
    pub replay_policy: ReplayPolicy,
    /// Seconds before an unacknowledged message is redelivered.
    pub ack_wait_secs: u64,
    /// Subjects of the stream to consume; all when empty.
    pub filter_subjects: Vec<String>,
    /// Acknowledgement sampling, percent.
    pub sample_frequency: u8,
    /// Replicas of the consumer state.
    pub num_replicas: u64,
    /// Seconds of inactivity before the consumer is removed.
    pub inactive_threshold_secs: u64,
    /// Bits per second.
    pub rate_limit: i64,
    /// Unacknowledged messages in flight.
    pub max_ack_pending: i64,
    /// Delivery attempts per message.
    pub max_deliver: i64,
    /// Outstanding pull requests.
    pub max_waiting: i64,
    /// Messages per pull request.
    pub max_batch: i64,
    /// Bytes per pull request.
    pub max_bytes: i64,
    /// Longest pull-request expiry, in milliseconds.
    pub max_expires_ms: i64,
}

/// Parses the comma-separated server list; each entry is `host:port` or `scheme://host:port`.
pub(crate) fn parse_servers(s: &str) -> Result<Vec<String>, (String, Option<String>)> {
    if has_placeholder(s) {
        return Ok(vec![s.trim().to_string()]);
    }
    parse_list(s, "server", "servers", |entry| {
        parse_endpoint(entry, SCHEMES, Some("nats")).map(drop)
    })
}

/// The consumer settings. Every option is pulled before any is looked at, so none is
/// left unread; all but the description and filter have defaults, so `None` only
/// comes from a pull that does not apply.
fn consumer(opts: &mut ConnectorOptions) -> Option<JetstreamConsumer> {
    let description = opts.string(&CONSUMER_DESCRIPTION).map(|s| s.node);
    let ack_policy = opts.choice(&CONSUMER_ACK_POLICY);
    let replay_policy = opts.choice(&CONSUMER_REPLAY_POLICY);
    let ack_wait_secs = opts.non_zero(&CONSUMER_ACK_WAIT);
    let filter_subjects = opts
        .list(&CONSUMER_FILTER_SUBJECTS)
        .map(|l| l.node.into_iter().map(|s| s.node).collect())
        .unwrap_or_default();
    let sample_frequency = opts.unsigned(&CONSUMER_SAMPLE_FREQUENCY);
    let num_replicas = opts.unsigned(&CONSUMER_NUM_REPLICAS);
    let inactive_threshold_secs = opts.unsigned(&CONSUMER_INACTIVE_THRESHOLD);
    let [rate_limit, max_ack_pending, max_deliver, max_waiting, max_batch, max_bytes, max_expires_ms] =
        [
            &CONSUMER_RATE_LIMIT,
            &CONSUMER_MAX_ACK_PENDING,
            &CONSUMER_MAX_DELIVER,
            &CONSUMER_MAX_WAITING,
            &CONSUMER_MAX_BATCH,
            &CONSUMER_MAX_BYTES,
            &CONSUMER_MAX_EXPIRES,
        ]
        .map(|spec| opts.signed(spec).map(|v| v.node));
    Some(JetstreamConsumer {
        description,
        ack_policy: ack_policy?.node,
        replay_policy: replay_policy?.node,
        ack_wait_secs: ack_wait_secs?.node,
        filter_subjects,
        // The spec's range (0 to 100) makes this conversion infallible.
        sample_frequency: u8::try_from(sample_frequency?.node).ok()?,
        num_replicas: num_replicas?.node,
        inactive_threshold_secs: inactive_threshold_secs?.node,
        rate_limit: rate_limit?,
        max_ack_pending: max_ack_pending?,
        max_deliver: max_deliver?,
        max_waiting: max_waiting?,
        max_batch: max_batch?,
        max_bytes: max_bytes?,
        max_expires_ms: max_expires_ms?,
    })
}

fn reject_consumer_options(opts: &mut ConnectorOptions, subject: &Spanned<String>) {
    for spec in consumer_options() {
        if let (Some(span), Some(_)) = (opts.key_span(spec.key), opts.take(spec.key)) {
            opts.report(
                Diagnostic::error(
                    codes::OPTION_CONFLICT,
                    span,
                    format!(
                        "`{}` configures a JetStream consumer, but this source reads the NATS Core subject `{}`",
                        spec.key, subject.node
                    ),
                )
                .with_label(subject.span, "subject set here")
                .with_help(format!(
                    "read a JetStream stream with `stream = '…'` instead of `subject`, or remove `{}`",
                    spec.key
                )),
            );
        }
    }
}

connector_spec! {
    "nats", "NATS", "Read and write NATS subjects and JetStream streams";
    roles: SOURCE | SINK;
    formats: required(MESSAGE_FORMATS);
    profile_options: PROFILE_OPTIONS;
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("servers", "'localhost:4222'"), ("type", "'source'"), ("stream", "'ORDERS'"), ("format", "'json'")];
    example: "id BIGINT", [("servers", "'localhost:4222'"), ("type", "'sink'"), ("subject", "'orders'"), ("format", "'json'")];
}

impl Connector for Nats {
    connector_types!(NatsProfile, NatsTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<NatsProfile> {
        let servers = opts.string(&SERVERS);
        let servers = checked(
            opts,
            &SERVERS,
            servers,
            Some(
                "write `host:port` entries separated by commas, e.g. `'nats-1:4222, nats-2:4222'`",
            ),
            parse_servers,
        );
        let auth = match opts.choice::<NatsAuthType>(&AUTH_TYPE).map(|a| a.node) {
            Some(NatsAuthType::Credentials) => {
                let username = opts.string(&AUTH_USERNAME);
                let password = secret(opts, &AUTH_PASSWORD);
                match (username, password) {
                    (Some(u), Some(password)) => Some(NatsAuth::Credentials {
                        username: u.node,
                        password,
                    }),
                    _ => None,
                }
            }
            Some(NatsAuthType::Jwt) => {
                let jwt = secret(opts, &AUTH_JWT);
                let seed = secret(opts, &AUTH_NKEY_SEED);
                match (jwt, seed) {
                    (Some(jwt), Some(nkey_seed)) => Some(NatsAuth::Jwt { jwt, nkey_seed }),
                    _ => None,
                }
            }
            Some(NatsAuthType::None) => Some(NatsAuth::None {}),
            None => None,
        };
        Some(NatsProfile {
            servers: servers?,
            authentication: auth?,
        })
    }

    fn description(&self, _profile: &NatsProfile, table: &NatsTable) -> String {
        match &table.kind {
            NatsTableKind::JetstreamSource { stream, .. } => format!("nats stream '{stream}'"),
            NatsTableKind::CoreSource { subject } | NatsTableKind::Sink { subject } => {
                format!("nats subject '{subject}'")
            }
        }
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<NatsTable> {
    let kind = match cx.connection_type {
        ConnectionType::Source => {
            let stream = opts.string(&STREAM);
            let subject = opts.string(&SUBJECT);
            // Present but invalid (already reported) is neither set nor missing.
            let invalid = (stream.is_none() && opts.contains(STREAM.key))
                || (subject.is_none() && opts.contains(SUBJECT.key));
            match (stream, subject) {
                (Some(st), Some(su)) => {
                    opts.report(
                        Diagnostic::error(
                            codes::OPTION_CONFLICT,
                            su.span,
                            "set exactly one of `stream` and `subject`, not both",
                        )
                        .with_label(st.span, "stream set here")
                        .with_help("`stream` reads a JetStream stream; `subject` subscribes to a NATS Core subject"),
                    );
                    consumer(opts);
                    None
                }
                (Some(st), None) => consumer(opts).map(|consumer| NatsTableKind::JetstreamSource {
                    consumer,
                    stream: st.node,
                }),
                (None, Some(su)) => {
                    reject_consumer_options(opts, &su);
                    Some(NatsTableKind::CoreSource { subject: su.node })
                }
                (None, None) => {
                    report_neither(
                        opts,
                        invalid,
                        "a nats source needs `stream` or `subject`",
                        "set `stream` to read a JetStream stream, or `subject` to subscribe to a NATS Core subject",
                    );
                    // The source kind is unknown; its consumer options cannot be judged.
                    for spec in consumer_options() {
                        opts.take(spec.key);
                    }
                    None
                }
            }
        }
        ConnectionType::Sink | ConnectionType::Lookup => {
            // `subject` is required on sinks only (a source may set `stream` instead).
            let subject = opts.string(&SUBJECT);
            opts.required(&SUBJECT, subject)
                .map(|s| NatsTableKind::Sink { subject: s.node })
        }
    };
    Some(NatsTable { kind: kind? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::common::test_support::{options as opts, s, source_cx as cx};
    use crate::options::Value;

    #[test]
    fn servers_grammar() {
        assert_eq!(
            parse_servers("nats-1:4222, nats://nats-2:4222"),
            Ok(vec![
                "nats-1:4222".to_string(),
                "nats://nats-2:4222".to_string()
            ])
        );
        assert!(parse_servers("nats-1:4222,").is_err());
        assert!(parse_servers("http://nats:4222").is_err());
        assert!(parse_servers("nats:99999").is_err());
    }

    #[test]
    fn ack_wait_defaults_to_30() {
        let mut o = opts(&[("type", s("source")), ("stream", s("orders"))]);
        let t = Nats.table_from_options(&mut o, &cx());
        let Some(NatsTableKind::JetstreamSource { consumer, .. }) = t.map(|t| t.kind) else {
            panic!("expected a JetStream source")
        };
        assert_eq!(consumer.ack_wait_secs, 30);
    }

    #[test]
    fn stream_of_wrong_kind_is_reported() {
        let mut o = opts(&[("type", s("source")), ("stream", Value::Number("5".into()))]);
        assert_eq!(Nats.table_from_options(&mut o, &cx()), None);
        let d = o.take_diagnostics();
        assert_eq!(d.len(), 1);
        assert_eq!(d.first().map(|d| d.code), Some(codes::INVALID_VALUE));
    }

    #[test]
    fn limit_below_minus_one_is_an_error() {
        let mut o = opts(&[
            ("type", s("source")),
            ("stream", s("orders")),
            ("consumer.max_deliver", s("-2")),
        ]);
        Nats.table_from_options(&mut o, &cx());
        assert_eq!(
            o.take_diagnostics().first().map(|d| d.code),
            Some(codes::INVALID_VALUE)
        );
    }

    #[test]
    fn description_has_plain_quotes() {
        let t = NatsTable {
            kind: NatsTableKind::CoreSource {
                subject: "orders".into(),
            },
        };
        let p = NatsProfile {
            servers: vec!["n:4222".into()],
            authentication: NatsAuth::None {},
        };
        assert_eq!(Nats.description(&p, &t), "nats subject 'orders'");
    }
}
