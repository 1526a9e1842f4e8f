//! `confluent`: Kafka topics on a Confluent Cloud cluster.
//!
//! Tables are Kafka tables (the `kafka` module's options, parsing and checks are reused, so
//! the two cannot drift); only the connection differs: an API key and secret instead of the
//! `auth.*` family, since Confluent Cloud always speaks SASL_SSL with PLAIN.
//!
//! Where Arroyo goes wrong, this module does not:
//! - Arroyo panics at plan time on a `bootstrap_servers` that is not a `host:port` list;
//!   here it is a diagnostic.
//! - Arroyo overwrites a user's `client.id` in `client_configs` with Confluent's partner
//!   id; here the user's value is kept and the partner id is only the default.
//! - The registry endpoint must be an `http(s)://` URL, checked at compile time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use crate::connector::{Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{self, checked};
use crate::connectors::kafka::{self, Kafka, KafkaTable};
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionSpec};
use crate::profile::Secret;
use crate::schema::ConnectionSchema;

/// The `client.id` Arroyo gives Confluent Cloud clients (Confluent's partner attribution),
/// used when `client_configs` sets none.
pub(crate) const DEFAULT_CLIENT_ID: &str = "cwc|0014U00003Df8ZvQAJ";

/// librdkafka settings that carry the connection's login; a `client_configs` entry for one
/// of them replaces what `key` and `secret` set up.
const AUTH_SETTINGS: &[&str] = &[
    "security.protocol",
    "sasl.mechanism",
    "sasl.mechanisms",
    "sasl.username",
    "sasl.password",
    "sasl.jaas.config",
];

/// `bootstrap_servers` (the same spec as Kafka's).
pub(crate) const BOOTSTRAP_SERVERS: OptionSpec = kafka::BOOTSTRAP_SERVERS;

option_specs! {
    pub(crate) KEY = string("key").required().sensitive().doc("Confluent Cloud API key of the cluster; `{{ VAR }}` placeholders allowed.");
    pub(crate) SECRET = string("secret").required().sensitive().doc("Confluent Cloud API secret of the cluster; `{{ VAR }}` placeholders allowed.");
    pub(crate) REGISTRY_ENDPOINT = string("schema_registry.endpoint").doc("`http(s)://` URL of the Confluent Cloud schema registry.");
    pub(crate) REGISTRY_API_KEY = string("schema_registry.api_key").required().when_set("schema_registry.endpoint").sensitive().doc("Schema registry API key (Confluent Cloud registries always need one).");
    pub(crate) REGISTRY_API_SECRET = string("schema_registry.api_secret").required().when_set("schema_registry.endpoint").sensitive().doc("Schema registry API secret.");
}

const PROFILE_OPTIONS: &[OptionSpec] = &[
    BOOTSTRAP_SERVERS,
    KEY,
    SECRET,
    REGISTRY_ENDPOINT,
    REGISTRY_API_KEY,
    REGISTRY_API_SECRET,
];

/// The Confluent Cloud connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Confluent;

/// A Confluent Cloud cluster connection (SASL_SSL with PLAIN, key and secret as the
/// user name and password).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ConfluentProfile {
    /// Brokers, `host:port` each.
    pub bootstrap_servers: Vec<String>,
    /// API key.
    pub key: Secret,
    /// API secret.
    pub secret: Secret,
    /// The schema registry, if configured.
    pub schema_registry: Option<ConfluentRegistry>,
}

/// A Confluent Cloud schema registry; unlike a plain Kafka registry it always needs
/// credentials.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ConfluentRegistry {
    /// Registry URL.
    pub endpoint: String,
    /// API key.
    pub api_key: Secret,
    /// API secret.
    pub api_secret: Secret,
}

/// Checks an `http://` or `https://` URL with a host: returns a message and help for the
/// first problem. The URL grammar is `http::check_url`'s; credentials are refused here
/// because the registry's belong in `schema_registry.api_key` / `api_secret`.
pub(crate) fn check_http_url(s: &str) -> Result<(), (String, String)> {
    let example = "e.g. `https://psrc-12345.us-east-2.aws.confluent.cloud`";
    let authority = s
        .split_once("://")
        .map(|(_, r)| r)
        .unwrap_or(s)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if authority.contains('@') {
        return Err((
            "the URL contains credentials".to_string(),
            "remove `user:password@` and set `schema_registry.api_key` and `schema_registry.api_secret`"
                .to_string(),
        ));
    }
    super::http::check_url(s, &["https", "http"], false)
        .map(|_| ())
        .map_err(|e| (e.message, e.help.unwrap_or_else(|| example.to_string())))
}

connector_spec! {
    "confluent", "Confluent Cloud", "Read and write Kafka topics on a Confluent Cloud cluster";
    roles: SOURCE | SINK;
    formats: required(MESSAGE_FORMATS);
    metadata: kafka::METADATA;
    profile_options: PROFILE_OPTIONS;
    table_options: kafka::TABLE_OPTIONS;
    example: "id BIGINT", [("bootstrap_servers", "'pkc-1.us-east-2.aws.confluent.cloud:9092'"), ("key", "'{{ CONFLUENT_KEY }}'"), ("secret", "'{{ CONFLUENT_SECRET }}'"), ("topic", "'orders'"), ("type", "'source'"), ("format", "'json'")];
    example: "id BIGINT", [("bootstrap_servers", "'pkc-1.us-east-2.aws.confluent.cloud:9092'"), ("key", "'{{ CONFLUENT_KEY }}'"), ("secret", "'{{ CONFLUENT_SECRET }}'"), ("topic", "'orders'"), ("type", "'sink'"), ("format", "'json'")];
}

impl Connector for Confluent {
    connector_types!(ConfluentProfile, KafkaTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<ConfluentProfile> {
        let servers = kafka::bootstrap_servers(
            opts,
            Some("remove the `scheme://` prefix; Confluent Cloud connections always use SASL_SSL"),
        );
        // Kafka's `auth.*` family does not apply: Confluent Cloud fixes SASL_SSL with PLAIN.
        for (k, _) in opts.take_prefix("auth.") {
            opts.report(
                Diagnostic::error(
                    codes::UNKNOWN_OPTION,
                    k.span,
                    format!("unknown option `auth.{}`: `confluent` connections always authenticate with SASL_SSL and PLAIN", k.node),
                )
                .with_help("set the API key and secret with `key` and `secret`, or use `connector = 'kafka'` for other authentication"),
            );
        }
        let key = common::secret(opts, &KEY);
        let secret = common::secret(opts, &SECRET);
        let endpoint = opts.string(&REGISTRY_ENDPOINT);
        let present = endpoint.is_some();
        let endpoint = checked(opts, &REGISTRY_ENDPOINT, endpoint, None, |s| {
            check_http_url(s)
                .map(|()| s.to_string())
                .map_err(|(msg, help)| (msg, Some(help)))
        });
        let registry = if present {
            let api_key = common::secret(opts, &REGISTRY_API_KEY);
            let api_secret = common::secret(opts, &REGISTRY_API_SECRET);
            match (endpoint, api_key, api_secret) {
                (Some(endpoint), Some(api_key), Some(api_secret)) => {
                    Some(Some(ConfluentRegistry {
                        endpoint,
                        api_key,
                        api_secret,
                    }))
                }
                _ => None,
            }
        } else {
            Some(None)
        };
        Some(ConfluentProfile {
            bootstrap_servers: servers?,
            key: key?,
            secret: secret?,
            schema_registry: registry?,
        })
    }

    fn description(&self, _profile: &ConfluentProfile, table: &KafkaTable) -> String {
        format!("confluent topic '{}'", table.topic)
    }

    fn schema_subject(&self, _profile: &ConfluentProfile, table: &KafkaTable) -> Option<String> {
        Some(table.value_subject.clone())
    }

    fn check(
        &self,
        profile: &ConfluentProfile,
        table: &KafkaTable,
        schema: &ConnectionSchema,
        opts: &mut ConnectorOptions,
    ) {
        kafka::check_table(profile.schema_registry.is_some(), table, schema, opts);
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<KafkaTable> {
    let mut table = Kafka.table_from_options(opts, cx)?;
    // Client settings override the connection's at runtime, so these would silently
    // replace the SASL_SSL / PLAIN login that `key` and `secret` set up.
    let overridden: Vec<&str> = table
        .client_configs
        .keys()
        .map(String::as_str)
        .filter(|k| AUTH_SETTINGS.contains(k))
        .collect();
    if let (false, Some(span)) = (
        overridden.is_empty(),
        opts.key_span(kafka::CLIENT_CONFIGS.key),
    ) {
        let list: Vec<String> = overridden.iter().map(|k| format!("`{k}`")).collect();
        opts.report(
            Diagnostic::warning(
                codes::OPTION_CONFLICT,
                span,
                format!(
                    "`client_configs` sets {}, which {} the SASL_SSL login made from `key` and `secret`",
                    list.join(", "),
                    if list.len() == 1 { "overrides" } else { "override" }
                ),
            )
            .with_help("remove these settings; use `connector = 'kafka'` for another kind of authentication"),
        );
    }
    // Arroyo overwrites any `client.id` with Confluent's partner id; a user's own id
    // is kept here, and the partner id is only the default.
    table
        .client_configs
        .entry("client.id".to_string())
        .or_insert_with(|| DEFAULT_CLIENT_ID.to_string());
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ConnectionProfile, Profiles};
    use crate::{compile_sql, Compiled, Env, Registry};

    fn profiles() -> Profiles {
        let config = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();
        Profiles(vec![
            ConnectionProfile {
                id: None,
                name: "cloud".into(),
                connector: "confluent".into(),
                config: config(serde_json::json!({
                    "bootstrap_servers": "pkc-1.confluent.cloud:9092",
                    "key": "KEY123",
                    "secret": "not-to-be-shown",
                    "schema_registry.endpoint": "https://psrc-1.confluent.cloud",
                    "schema_registry.api_key": "SRKEY",
                    "schema_registry.api_secret": "also-hidden",
                })),
                description: None,
            },
            ConnectionProfile {
                id: None,
                name: "no-port".into(),
                connector: "confluent".into(),
                config: config(serde_json::json!({
                    "bootstrap_servers": "pkc-1.confluent.cloud",
                    "key": "KEY123",
                    "secret": "not-to-be-shown",
                })),
                description: None,
            },
        ])
    }

    fn compile(with: &str) -> Compiled {
        let registry = Registry::builtin();
        let profiles = profiles();
        let env = Env::new(&registry).with_profiles(&profiles);
        compile_sql(
            &format!("CREATE TABLE t (id BIGINT) WITH (connector = 'confluent', topic = 't', type = 'source', format = 'json', {with});"),
            &env,
        )
    }

    /// `client.id` of table `t`'s `client_configs`.
    fn client_id(out: &Compiled) -> Option<&str> {
        out.table("t")
            .and_then(|t| t.as_connection())
            .and_then(|c| c.table_config::<KafkaTable>())
            .and_then(|t| t.client_configs.get("client.id"))
            .map(String::as_str)
    }

    fn codes(out: &Compiled) -> Vec<(bool, &str)> {
        out.diagnostics
            .iter()
            .map(|d| (d.is_error(), d.code.as_str()))
            .collect()
    }

    #[test]
    fn profile_gives_the_connection() {
        let out = compile("connection_profile = 'cloud'");
        assert_eq!(codes(&out), vec![]);
        let table = out.table("t").and_then(|t| t.as_connection());
        let profile = table.and_then(|c| c.profile_config::<ConfluentProfile>());
        assert_eq!(
            profile.map(|p| (
                p.bootstrap_servers.clone(),
                p.key.expose(),
                p.secret.expose()
            )),
            Some((
                vec!["pkc-1.confluent.cloud:9092".to_string()],
                "KEY123",
                "not-to-be-shown"
            ))
        );
        assert_eq!(
            profile
                .and_then(|p| p.schema_registry.as_ref())
                .map(|r| r.endpoint.as_str()),
            Some("https://psrc-1.confluent.cloud")
        );
        let json = serde_json::to_string(&out.tables).unwrap_or_default();
        assert!(!json.contains("not-to-be-shown") && !json.contains("also-hidden"));
    }

    #[test]
    fn profile_with_bad_servers_is_an_error_not_a_panic() {
        let out = compile("connection_profile = 'no-port'");
        assert!(out.has_errors());
        assert!(out.tables.is_empty());
    }

    #[test]
    fn client_id_defaults_to_the_partner_id() {
        let out = compile("connection_profile = 'cloud'");
        assert_eq!(client_id(&out), Some(DEFAULT_CLIENT_ID));
    }

    #[test]
    fn client_id_of_the_user_is_kept() {
        let out = compile("connection_profile = 'cloud', client_configs = 'client.id=mine'");
        assert_eq!(codes(&out), vec![]);
        assert_eq!(client_id(&out), Some("mine"));
    }

    #[test]
    fn auth_settings_in_client_configs_warn() {
        let out =
            compile("connection_profile = 'cloud', client_configs = 'security.protocol=PLAINTEXT'");
        assert_eq!(codes(&out), vec![(false, "option::conflict")]);
    }

    #[test]
    fn registry_urls() {
        assert_eq!(
            check_http_url("https://psrc-1.us-east-2.aws.confluent.cloud"),
            Ok(())
        );
        assert_eq!(check_http_url("http://localhost:8081/"), Ok(()));
        assert_eq!(check_http_url("http://[::1]:8081"), Ok(()));
        assert!(check_http_url("psrc-1.confluent.cloud").is_err());
        assert!(check_http_url("ftp://registry").is_err());
        assert!(check_http_url("https://").is_err());
        assert!(check_http_url("https://registry:0").is_err());
        assert!(check_http_url("https://registry:http").is_err());
        assert!(check_http_url("https://u:p@registry").is_err());
        assert!(check_http_url("https://reg istry").is_err());
    }
}
