//! The built-in connectors, one module each.

use crate::connector::ErasedConnector;

pub mod blackhole;
pub mod confluent;
pub mod fluvio;
pub mod impulse;
pub mod kafka;
pub mod kinesis;
pub mod nexmark;
pub mod stdout;

/// One instance of every built-in connector.
pub(crate) fn builtin() -> Vec<Box<dyn ErasedConnector>> {
    vec![
        Box::new(blackhole::Blackhole),
        Box::new(confluent::Confluent),
        Box::new(fluvio::Fluvio),
        Box::new(impulse::Impulse),
        Box::new(kafka::Kafka),
        Box::new(kinesis::Kinesis),
        Box::new(nexmark::Nexmark),
        Box::new(stdout::Stdout),
    ]
}
