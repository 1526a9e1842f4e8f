//! The built-in connectors, one module each.

use crate::connector::ErasedConnector;

pub mod blackhole;
pub mod http;
pub mod impulse;
pub mod kafka;
pub mod nexmark;
pub mod polling_http;
pub mod sse;
pub mod stdout;
pub mod webhook;
pub mod websocket;

/// One instance of every built-in connector.
pub(crate) fn builtin() -> Vec<Box<dyn ErasedConnector>> {
    vec![
        Box::new(blackhole::Blackhole),
        Box::new(impulse::Impulse),
        Box::new(kafka::Kafka),
        Box::new(nexmark::Nexmark),
        Box::new(polling_http::PollingHttp),
        Box::new(sse::Sse),
        Box::new(stdout::Stdout),
        Box::new(webhook::Webhook),
        Box::new(websocket::Websocket),
    ]
}
