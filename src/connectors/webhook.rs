//! `webhook`: a sink that POSTs each record to an HTTP endpoint.
//!
//! The endpoint may contain `{{ VAR }}` placeholders, substituted when the job runs; they
//! are kept as written here, and the parts they cover are not checked. Unlike Arroyo, a
//! malformed `headers` string is a diagnostic naming the bad part (Arroyo panics), and the
//! description shows only the endpoint's origin: Arroyo puts the env-substituted endpoint
//! in it, and webhook URLs often carry a token in their path or query.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::http;
use crate::options::option_specs;
use crate::options::ConnectorOptions;
use crate::profile::Secret;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) ENDPOINT = string("endpoint").required().doc("The `http://` or `https://` URL records are POSTed to; may use `{{ VAR }}` placeholders.");
        pub(crate) HEADERS = string("headers").sensitive().doc("Request headers, `'Name: value, Name2: value2'`; values are secret and may use `{{ VAR }}` placeholders.");
    ]
}

/// The webhook connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Webhook;

/// A webhook sink.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WebhookTable {
    /// The URL records are POSTed to, as written (placeholders unsubstituted).
    pub endpoint: String,
    /// Request headers by name; values are secrets.
    #[serde(default)]
    pub headers: BTreeMap<String, Secret>,
}

connector_spec! {
    "webhook", "Webhook", "Sink results via Webhooks";
    roles: SINK;
    formats: required(MESSAGE_FORMATS);
    table_options: TABLE_OPTIONS;
    foreign_options: &[("url", "endpoint")];
    example: "value TEXT", [("endpoint", "'http://localhost:9000/hook'"), ("format", "'raw_string'")];
}

impl Connector for Webhook {
    no_profile!(WebhookTable, read_table);

    fn description(&self, _profile: &(), table: &WebhookTable) -> String {
        // Origin only: the path and query of a webhook URL are often its secret.
        let origin = http::check_url(&table.endpoint, http::HTTP_SCHEMES, true)
            .map(|e| e.origin)
            .unwrap_or_else(|_| "an invalid endpoint".to_string());
        format!("webhook sink to '{origin}'")
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<WebhookTable> {
    let (endpoint, headers) =
        http::endpoint_and_headers(opts, &ENDPOINT, &HEADERS, http::HTTP_SCHEMES, true);
    Some(WebhookTable {
        endpoint: endpoint?,
        headers: headers?,
    })
}
