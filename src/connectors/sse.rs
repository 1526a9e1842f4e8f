//! `sse`: a source that subscribes to a Server-Sent Events (EventSource) stream and emits
//! the data of each event as a record.
//!
//! Unlike Arroyo, the endpoint and every part of `headers` are checked at compile time.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::http;
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind};
use crate::profile::Secret;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) ENDPOINT = string("endpoint").required().doc("The `http://` or `https://` URL of the event stream (used as written; `{{ VAR }}` is not substituted).");
        pub(crate) HEADERS = string("headers").sensitive().doc("Request headers, `'Name: value, Name2: value2'`; values are secret and may use `{{ VAR }}` placeholders.");
        pub(crate) EVENTS = new("events", OptionKind::List).doc("Event types to emit, `'a, b'` or `ARRAY['a', 'b']`; all events when unset.");
    ]
}

/// The Server-Sent Events connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Sse;

/// A Server-Sent Events source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SseTable {
    /// The event-stream URL, as written.
    pub endpoint: String,
    /// Request headers by name; values are secrets.
    #[serde(default)]
    pub headers: BTreeMap<String, Secret>,
    /// Event types to emit; empty means every event.
    #[serde(default)]
    pub events: Vec<String>,
}

connector_spec! {
    "sse", "Server-Sent Events", "Connect to a SSE/EventSource server";
    roles: SOURCE;
    formats: required(MESSAGE_FORMATS);
    table_options: TABLE_OPTIONS;
    example: "value TEXT", [("endpoint", "'http://localhost:9000/events'"), ("format", "'raw_string'")];
}

impl Connector for Sse {
    no_profile!(SseTable, read_table);

    fn description(&self, _profile: &(), table: &SseTable) -> String {
        // The query string may carry an API key: show origin and path only.
        let url = http::describe_endpoint(&table.endpoint, http::HTTP_SCHEMES, false);
        if table.events.is_empty() {
            format!("sse source '{url}'")
        } else {
            format!("sse source '{url}' (events: {})", table.events.join(", "))
        }
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<SseTable> {
    let (endpoint, headers) =
        http::endpoint_and_headers(opts, &ENDPOINT, &HEADERS, http::HTTP_SCHEMES, false);
    let events = match opts.list(&EVENTS) {
        Some(list) => Some(list.node.into_iter().map(|e| e.node).collect()),
        None if opts.contains(EVENTS.key) => None,
        None => Some(Vec::new()),
    };
    Some(SseTable {
        endpoint: endpoint?,
        headers: headers?,
        events: events?,
    })
}
