//! `websocket`: a source that connects to a WebSocket server, sends subscription messages,
//! and emits each message it receives as a record.
//!
//! Subscription messages are `subscription_messages.0`, `.1`, … (sent in that order), or
//! the deprecated single `subscription_message`. Unlike Arroyo, a gap in the indices is an
//! error naming the missing index (Arroyo stops at the gap and reports the rest as unknown
//! options), the 2048-character limit is enforced at compile time (Arroyo enforces it only
//! when the job starts), and the endpoint and `headers` are checked.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::http;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{grammar, ConnectorOptions, OptionKind, Value};
use crate::profile::Secret;
use crate::span::{Span, Spanned};

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) ENDPOINT = string("endpoint").required().doc("The `ws://` or `wss://` URL to connect to (used as written; `{{ VAR }}` is not substituted).");
        pub(crate) HEADERS = string("headers").sensitive().doc("Headers of the opening handshake, `'Name: value, Name2: value2'`; values are secret and may use `{{ VAR }}` placeholders.");
        pub(crate) SUBSCRIPTION_MESSAGE = string("subscription_message").doc("Deprecated: a single message sent after connecting; write `subscription_messages.0` instead.");
        pub(crate) SUBSCRIPTION_MESSAGES = new("subscription_messages.", OptionKind::Prefix).doc("`subscription_messages.0`, `.1`, …: messages sent in this order after connecting, numbered from 0 without gaps; at most 2048 characters each.");
    ]
}

/// Schemes a WebSocket endpoint may have.
pub(crate) const SCHEMES: &[&str] = &["ws", "wss"];

/// The longest subscription message, in characters: Arroyo's table schema `maxLength`,
/// which its worker enforces when it reads the table config at job start (so a longer one
/// compiles in Arroyo and fails when the job starts). WebSocket itself has no such limit.
pub(crate) const MAX_MESSAGE_CHARS: usize = 2048;

/// The WebSocket connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Websocket;

/// A WebSocket source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WebsocketTable {
    /// The WebSocket URL, as written.
    pub endpoint: String,
    /// Handshake headers by name; values are secrets.
    #[serde(default)]
    pub headers: BTreeMap<String, Secret>,
    /// Messages sent after connecting, in order.
    #[serde(default)]
    pub subscription_messages: Vec<String>,
}

/// Parses the index of `subscription_messages.N`: decimal digits without leading zeros.
fn message_index(suffix: &str) -> Result<usize, String> {
    if suffix.is_empty() || !suffix.chars().all(|c| c.is_ascii_digit()) {
        return Err("the part after `subscription_messages.` must be an index: 0, 1, 2, …".into());
    }
    let trimmed = suffix.trim_start_matches('0');
    if suffix.len() > 1 && trimmed.len() != suffix.len() {
        let plain = if trimmed.is_empty() { "0" } else { trimmed };
        return Err(format!(
            "write the index without leading zeros: `subscription_messages.{plain}`"
        ));
    }
    suffix
        .parse::<usize>()
        .map_err(|_| format!("index `{suffix}` is too large"))
}

/// Reads one message value; reports and returns `None` when it is not a non-empty string
/// of at most [`MAX_MESSAGE_CHARS`] characters.
fn message(opts: &mut ConnectorOptions, key: &str, value: &Spanned<Value>) -> Option<String> {
    let text = match grammar::string(&value.node) {
        Ok(s) if s.trim().is_empty() => {
            opts.error(
                codes::INVALID_VALUE,
                value.span,
                format!("invalid value for `{key}`: the message must not be empty"),
            );
            return None;
        }
        Ok(s) => s,
        Err(e) => {
            opts.report(
                Diagnostic::error(
                    codes::INVALID_VALUE,
                    value.span,
                    format!("invalid value for `{key}`: {}", e.message),
                )
                .with_optional_help(e.help),
            );
            return None;
        }
    };
    let chars = text.chars().count();
    if chars > MAX_MESSAGE_CHARS {
        opts.report(
            Diagnostic::error(
                codes::INVALID_VALUE,
                value.span,
                format!(
                    "invalid value for `{key}`: the message is {chars} characters long; at most {MAX_MESSAGE_CHARS} are allowed"
                ),
            )
            .with_help("Arroyo's worker refuses longer messages when the job starts; shorten the message or split it into several `subscription_messages.N`"),
        );
        return None;
    }
    Some(text)
}

/// Reads `subscription_message` and the `subscription_messages.N` family into one list.
fn subscription_messages(opts: &mut ConnectorOptions) -> Option<Vec<String>> {
    let mut ok = true;
    let legacy_key = opts.key_span(SUBSCRIPTION_MESSAGE.key);
    let legacy = opts.take(SUBSCRIPTION_MESSAGE.key).map(|v| {
        let m = message(opts, SUBSCRIPTION_MESSAGE.key, &v);
        ok &= m.is_some();
        m
    });
    let mut indexed: Vec<(usize, Span, Option<String>)> = Vec::new();
    for (suffix, value) in opts.take_prefix(SUBSCRIPTION_MESSAGES.key) {
        let key = format!("{}{}", SUBSCRIPTION_MESSAGES.key, suffix.node);
        match message_index(&suffix.node) {
            Ok(i) => {
                let m = message(opts, &key, &value);
                ok &= m.is_some();
                indexed.push((i, suffix.span, m));
            }
            Err(help) => {
                ok = false;
                opts.report(
                    Diagnostic::error(
                        codes::UNKNOWN_OPTION,
                        suffix.span,
                        format!("unknown option `{key}`"),
                    )
                    .with_help(help),
                );
            }
        }
    }
    indexed.sort_by_key(|(i, _, _)| *i);
    // With the legacy option set, the conflict below says what to do; a gap report
    // (`.0` is missing) would only repeat it.
    let check_gaps = legacy.is_none();
    let mut expected = 0usize;
    for (i, span, _) in indexed.iter().filter(|_| check_gaps) {
        if *i != expected {
            ok = false;
            let missing = if *i == expected + 1 {
                format!("`subscription_messages.{expected}` is not")
            } else {
                format!(
                    "`subscription_messages.{expected}` to `subscription_messages.{}` are not",
                    i - 1
                )
            };
            opts.report(
                Diagnostic::error(
                    codes::MISSING_OPTION,
                    *span,
                    format!("`subscription_messages.{i}` is set, but {missing}"),
                )
                .with_help("number the subscription messages 0, 1, 2, … without gaps"),
            );
        }
        expected = i.saturating_add(1);
    }
    match (legacy_key, legacy, indexed.first()) {
        (Some(key_span), Some(_), Some((first, first_span, _))) => {
            opts.report(
                crate::messages::option_conflict(
                    key_span,
                    "subscription_message",
                    &format!("subscription_messages.{first}"),
                    Some((*first_span, "indexed messages start here")),
                )
                .with_help("move the message into the numbered list, e.g. as `subscription_messages.0`, and renumber the others"),
            );
            None
        }
        (Some(key_span), Some(m), None) => {
            opts.report(
                Diagnostic::warning(
                    codes::DEPRECATED_OPTION,
                    key_span,
                    "`subscription_message` is deprecated",
                )
                .with_help("write `subscription_messages.0 = '…'` instead"),
            );
            ok.then(|| m.into_iter().collect())
        }
        _ => ok.then(|| indexed.into_iter().filter_map(|(_, _, m)| m).collect()),
    }
}

connector_spec! {
    "websocket", "Websocket", "Connect to a Websocket server";
    roles: SOURCE;
    formats: required(MESSAGE_FORMATS);
    table_options: TABLE_OPTIONS;
    example: "value TEXT", [("endpoint", "'ws://localhost:9001'"), ("format", "'raw_string'")];
}

impl Connector for Websocket {
    no_profile!(WebsocketTable, read_table);

    fn description(&self, _profile: &(), table: &WebsocketTable) -> String {
        // The query string may carry an API key: show origin and path only.
        let url = http::describe_endpoint(&table.endpoint, SCHEMES, false);
        format!("websocket source '{url}'")
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<WebsocketTable> {
    let (endpoint, headers) = http::endpoint_and_headers(opts, &ENDPOINT, &HEADERS, SCHEMES, false);
    let messages = subscription_messages(opts);
    Some(WebsocketTable {
        endpoint: endpoint?,
        headers: headers?,
        subscription_messages: messages?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices() {
        assert_eq!(message_index("0"), Ok(0));
        assert_eq!(message_index("12"), Ok(12));
        assert_eq!(
            message_index("01"),
            Err("write the index without leading zeros: `subscription_messages.1`".into())
        );
        assert_eq!(
            message_index("00"),
            Err("write the index without leading zeros: `subscription_messages.0`".into())
        );
        assert!(message_index("first").is_err());
        assert!(message_index("-1").is_err());
        assert_eq!(
            message_index("99999999999999999999999"),
            Err("index `99999999999999999999999` is too large".into())
        );
    }
}
