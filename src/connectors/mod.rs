//! The built-in connectors, one module each.

use crate::connector::{ErasedConnector, Registry};

pub mod blackhole;
mod boilerplate;
pub(crate) mod common;
pub mod confluent;
pub mod delta;
pub(crate) mod endpoint;
pub mod file_sink;
pub mod filesystem;
pub mod fluvio;
pub(crate) mod http;
pub mod iceberg;
pub mod impulse;
pub mod kafka;
pub mod kinesis;
pub mod mqtt;
pub mod nats;
pub mod nexmark;
pub mod polling_http;
pub mod rabbitmq;
pub mod redis;
pub mod single_file;
pub mod sse;
pub mod stdout;
pub mod webhook;
pub mod websocket;

impl Registry {
    /// The built-in connectors.
    pub fn builtin() -> Self {
        let mut r = Registry::empty();
        for c in builtin() {
            // Built-in names are distinct and valid; a clash would be a bug caught by tests.
            let _ = r.register_boxed(c);
        }
        r
    }
}

impl Default for Registry {
    fn default() -> Self {
        Registry::builtin()
    }
}

/// One instance of every built-in connector.
fn builtin() -> Vec<Box<dyn ErasedConnector>> {
    vec![
        Box::new(blackhole::Blackhole),
        Box::new(confluent::Confluent),
        Box::new(fluvio::Fluvio),
        Box::new(delta::DeltaLake),
        Box::new(filesystem::FileSystem),
        Box::new(iceberg::Iceberg),
        Box::new(impulse::Impulse),
        Box::new(kafka::Kafka),
        Box::new(kinesis::Kinesis),
        Box::new(mqtt::Mqtt),
        Box::new(nats::Nats),
        Box::new(nexmark::Nexmark),
        Box::new(rabbitmq::Rabbitmq),
        Box::new(redis::Redis),
        Box::new(polling_http::PollingHttp),
        Box::new(sse::Sse),
        Box::new(single_file::SingleFile),
        Box::new(stdout::Stdout),
        Box::new(webhook::Webhook),
        Box::new(websocket::Websocket),
    ]
}
