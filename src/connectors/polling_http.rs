//! `polling_http`: a source that requests an HTTP endpoint at a fixed interval and emits
//! each response body (or only changed ones) as records.
//!
//! Unlike Arroyo, the endpoint is checked at compile time (Arroyo `expect`s it when the job
//! starts), every part of `headers` is checked (Arroyo checks names and values only at
//! runtime, with panics), and `poll_interval_ms` must be a positive integer.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::http;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind};
use crate::profile::Secret;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) ENDPOINT = string("endpoint").required().doc("The `http://` or `https://` URL to poll (used as written; `{{ VAR }}` is not substituted).");
        pub(crate) HEADERS = string("headers").sensitive().doc("Request headers, `'Name: value, Name2: value2'`; values are secret and may use `{{ VAR }}` placeholders.");
        pub(crate) METHOD = one_of("method", &["GET", "POST", "PUT", "PATCH"]).default_str("GET").doc("HTTP method of each request.");
        pub(crate) BODY = string("body").doc("Request body sent with each request.");
        pub(crate) POLL_INTERVAL_MS = new("poll_interval_ms", OptionKind::NonZero).default_int(1000).doc("Milliseconds between requests (greater than 0).");
        pub(crate) EMIT_BEHAVIOR = one_of("emit_behavior", &["all", "changed"]).default_str("all").doc("Emit every response (`all`) or only responses that differ from the previous one (`changed`).");
    ]
}

/// The polling HTTP connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PollingHttp;

/// The HTTP method of a polling request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
}

impl HttpMethod {
    /// The method as sent on the wire.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
        }
    }
}

/// Which responses a polling source emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmitBehavior {
    /// Every response.
    All,
    /// Only a response whose body differs from the previous one.
    Changed,
}

/// A polling HTTP source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PollingHttpTable {
    /// The URL polled, as written.
    pub endpoint: String,
    /// Request headers by name; values are secrets.
    #[serde(default)]
    pub headers: BTreeMap<String, Secret>,
    /// The request method.
    pub method: HttpMethod,
    /// The request body, if any.
    pub body: Option<String>,
    /// Milliseconds between requests.
    pub poll_interval_ms: u64,
    /// Which responses are emitted.
    pub emit_behavior: EmitBehavior,
}

connector_spec! {
    "polling_http", "Polling HTTP", "Poll an HTTP server to produce events";
    roles: SOURCE;
    formats: required(MESSAGE_FORMATS);
    table_options: TABLE_OPTIONS;
    example: "value TEXT", [("endpoint", "'http://localhost:8080/status'"), ("format", "'raw_string'")];
}

impl Connector for PollingHttp {
    no_profile!(PollingHttpTable, read_table);

    fn description(&self, _profile: &(), table: &PollingHttpTable) -> String {
        // The query string may carry an API key: show origin and path only.
        let url = http::describe_endpoint(&table.endpoint, http::HTTP_SCHEMES, false);
        format!(
            "polling http source: {} '{url}' every {} ms",
            table.method.as_str(),
            table.poll_interval_ms
        )
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<PollingHttpTable> {
    let (endpoint, headers) =
        http::endpoint_and_headers(opts, &ENDPOINT, &HEADERS, http::HTTP_SCHEMES, false);
    let method = opts.choice::<HttpMethod>(&METHOD).map(|m| m.node);
    let body = opts.string(&BODY).map(|b| b.node);
    let interval = match opts.non_zero(&POLL_INTERVAL_MS) {
        // Arroyo keeps the interval in an i64.
        Some(n) if i64::try_from(n.node).is_err() => {
            opts.report(Diagnostic::error(
                codes::OVERFLOW,
                n.span,
                format!(
                    "invalid value for `poll_interval_ms`: `{}` is larger than {}",
                    n.node,
                    i64::MAX
                ),
            ));
            None
        }
        n => n.map(|n| n.node),
    };
    let emit = opts.choice::<EmitBehavior>(&EMIT_BEHAVIOR).map(|e| e.node);
    Some(PollingHttpTable {
        endpoint: endpoint?,
        headers: headers?,
        method: method?,
        body,
        poll_interval_ms: interval?,
        emit_behavior: emit?,
    })
}
