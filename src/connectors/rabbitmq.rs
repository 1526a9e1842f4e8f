//! `rabbitmq`: read RabbitMQ Streams (a source only).
//!
//! Connection options (`host`, `port`, credentials, `virtual_host`, `tls_config.*`,
//! `load_balancer_mode`) form the profile; `stream`, `type` and `source.offset` belong to
//! the table. Arroyo's table schema has a sink variant that its DDL rejects and its runtime
//! cannot build, so `type = 'sink'` is a connection-type error here, worded as such. Unlike
//! Arroyo we also check that `host` is a host name (not a URL), that `port` is 1 to 65535,
//! and warn about TLS settings that have no effect without `tls_config.enabled = true`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use crate::connector::{Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{checked, require_pair, secret, warn_no_effect};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind};
use crate::profile::Secret;

option_specs! {
    PROFILE_OPTIONS = [
        pub(crate) HOST = string("host").default_str("localhost").doc("Host name of the RabbitMQ server (no scheme, no port).");
        pub(crate) PORT = new("port", OptionKind::NonZero).default_int(5552).range(1, 65535).doc("Port of the RabbitMQ Streams protocol (1 to 65535).");
        pub(crate) USERNAME = string("username").default_str("guest").doc("User name.");
        pub(crate) PASSWORD = string("password").default_str("guest").sensitive().doc("Password.");
        pub(crate) VIRTUAL_HOST = string("virtual_host").default_str("/").doc("Virtual host.");
        pub(crate) TLS_ENABLED = bool("tls_config.enabled").default_bool(false).doc("Connect with TLS.");
        pub(crate) TLS_TRUST_CERTIFICATES = bool("tls_config.trust_certificates").default_bool(false).doc("Trust any server certificate (no verification; for testing only).");
        pub(crate) TLS_ROOT_CERTIFICATES_PATH = string("tls_config.root_certificates_path").doc("Path of the CA certificates that verify the server.");
        pub(crate) TLS_CLIENT_CERTIFICATES_PATH = string("tls_config.client_certificates_path").doc("Path of the client certificate; needs `tls_config.client_keys_path`.");
        pub(crate) TLS_CLIENT_KEYS_PATH = string("tls_config.client_keys_path").doc("Path of the client private key; needs `tls_config.client_certificates_path`.");
        pub(crate) LOAD_BALANCER_MODE = bool("load_balancer_mode").doc("The server is reached through a load balancer (connect to the advertised host).");
    ]
}

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) STREAM = string("stream").required().doc("The stream to read.");
        pub(crate) SOURCE_OFFSET = one_of("source.offset",&["first", "next", "last"]).default_str("last").source_only().doc("Where a new reader starts: the first stored message, the next new one, or the last chunk.");
    ]
}

/// The RabbitMQ Streams connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Rabbitmq;

/// A RabbitMQ server connection (unset fields take the client's defaults).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RabbitmqProfile {
    /// Host name.
    pub host: Option<String>,
    /// Port.
    pub port: Option<u16>,
    /// User name.
    pub username: Option<String>,
    /// Password.
    pub password: Option<Secret>,
    /// Virtual host.
    pub virtual_host: Option<String>,
    /// TLS settings.
    pub tls_config: RabbitmqTls,
    /// Connect through a load balancer.
    pub load_balancer_mode: Option<bool>,
}

/// TLS settings of a RabbitMQ connection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RabbitmqTls {
    /// Connect with TLS.
    pub enabled: Option<bool>,
    /// Skip server certificate verification.
    pub trust_certificates: Option<bool>,
    /// CA certificates path.
    pub root_certificates_path: Option<String>,
    /// Client certificate path.
    pub client_certificates_path: Option<String>,
    /// Client key path.
    pub client_keys_path: Option<String>,
}

/// One RabbitMQ stream source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RabbitmqTable {
    /// The stream.
    pub stream: String,
    /// `first`, `next` or `last`.
    pub offset: RabbitmqOffset,
}

/// `source.offset` of a RabbitMQ stream reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RabbitmqOffset {
    /// The first stored message.
    First,
    /// The next message written.
    Next,
    /// The last chunk of the stream.
    Last,
}

/// Checks that `host` is a bare host name; returns the problem and a help line.
fn check_host(host: &str) -> Result<(), (String, String)> {
    let h = host.trim();
    if h.contains("://") {
        return Err((
            format!("`{h}` is a URL; expected a host name"),
            "write only the host, e.g. `host = 'rabbit.example.com'`, and the port in `port`"
                .into(),
        ));
    }
    if let Some(inner) = h.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        if !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Ok(());
        }
    }
    if let Some((name, port)) = h.rsplit_once(':') {
        if !name.contains(':') {
            return Err((
                format!("`{h}` includes a port; expected a host name"),
                format!("write `host = '{name}'` and `port = {port}`"),
            ));
        }
    }
    if h.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
    {
        Ok(())
    } else {
        Err((
            format!("`{h}` is not a valid host name"),
            "e.g. `host = 'rabbit.example.com'`".into(),
        ))
    }
}

connector_spec! {
    "rabbitmq", "RabbitMQ Stream", "Read RabbitMQ streams";
    roles: SOURCE;
    type_option;
    formats: required(MESSAGE_FORMATS);
    profile_options: PROFILE_OPTIONS;
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("stream", "'events'"), ("type", "'source'"), ("format", "'json'")];
}

impl Connector for Rabbitmq {
    connector_types!(RabbitmqProfile, RabbitmqTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<RabbitmqProfile> {
        let host = opts.string(&HOST);
        let host = checked(opts, &HOST, host, None, |h| {
            check_host(h)
                .map(|()| h.trim().to_string())
                .map_err(|(msg, help)| (msg, Some(help)))
        });
        // The spec's range makes the conversion infallible.
        let port = opts
            .non_zero(&PORT)
            .and_then(|p| u16::try_from(p.node).ok());
        let username = opts.string(&USERNAME).map(|s| s.node);
        let password = secret(opts, &PASSWORD);
        let virtual_host = opts.string(&VIRTUAL_HOST).map(|s| s.node);
        let enabled = opts.bool(&TLS_ENABLED);
        let trust = opts.bool(&TLS_TRUST_CERTIFICATES).map(|b| b.node);
        let root = opts.string(&TLS_ROOT_CERTIFICATES_PATH).map(|s| s.node);
        let cert = opts.string(&TLS_CLIENT_CERTIFICATES_PATH);
        let key = opts.string(&TLS_CLIENT_KEYS_PATH);
        let load_balancer_mode = opts.bool(&LOAD_BALANCER_MODE).map(|b| b.node);

        if enabled.as_ref().is_some_and(|e| e.node) {
            require_pair(
                opts,
                (&TLS_CLIENT_CERTIFICATES_PATH, cert.as_ref().map(|c| c.span)),
                (&TLS_CLIENT_KEYS_PATH, key.as_ref().map(|k| k.span)),
            );
        } else {
            // Without TLS the runtime never reads these; Arroyo accepts them silently.
            warn_no_effect(
                opts,
                &[
                    &TLS_TRUST_CERTIFICATES,
                    &TLS_ROOT_CERTIFICATES_PATH,
                    &TLS_CLIENT_CERTIFICATES_PATH,
                    &TLS_CLIENT_KEYS_PATH,
                ],
                "has no effect unless `tls_config.enabled = true`",
                "set `tls_config.enabled = true` to connect with TLS, or remove the option",
            );
        }
        // An invalid host is reported; there is no profile without one.
        let host = Some(host?);
        Some(RabbitmqProfile {
            host,
            port,
            username,
            password,
            virtual_host,
            tls_config: RabbitmqTls {
                enabled: enabled.map(|e| e.node),
                trust_certificates: trust,
                root_certificates_path: root,
                client_certificates_path: cert.map(|c| c.node),
                client_keys_path: key.map(|k| k.node),
            },
            load_balancer_mode,
        })
    }

    fn description(&self, _profile: &RabbitmqProfile, table: &RabbitmqTable) -> String {
        format!("rabbitmq stream '{}'", table.stream)
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<RabbitmqTable> {
    let stream = opts.string(&STREAM);
    let offset = opts.choice(&SOURCE_OFFSET);
    Some(RabbitmqTable {
        stream: stream?.node,
        offset: offset?.node,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::codes;
    use crate::options::Value;

    use crate::connectors::common::test_support::{options as opts, source_cx as cx};

    #[test]
    fn host_grammar() {
        assert_eq!(check_host("rabbit.example.com"), Ok(()));
        assert_eq!(check_host("[::1]"), Ok(()));
        assert!(check_host("rabbit:5552").is_err());
        assert!(check_host("amqp://rabbit").is_err());
        assert!(check_host("rab bit").is_err());
    }

    #[test]
    fn port_must_fit_u16() {
        let mut o = opts(&[("port", Value::Number("70000".into()))]);
        // The range error is reported; the profile keeps the default port.
        let profile = Rabbitmq.profile_from_options(&mut o);
        assert_eq!(profile.and_then(|p| p.port), Some(5552));
        assert_eq!(
            o.take_diagnostics().first().map(|d| d.code),
            Some(codes::INVALID_VALUE)
        );
    }

    #[test]
    fn offset_defaults_to_last() {
        let mut o = opts(&[
            ("stream", Value::String("s".into())),
            ("type", Value::String("source".into())),
        ]);
        let t = Rabbitmq.table_from_options(&mut o, &cx());
        assert_eq!(t.map(|t| t.offset), Some(RabbitmqOffset::Last));
    }
}
