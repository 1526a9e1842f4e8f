//! The built-in connectors, one module each.

use crate::connector::ErasedConnector;

pub mod blackhole;
pub(crate) mod endpoint;
pub mod impulse;
pub mod kafka;
pub mod mqtt;
pub mod nats;
pub mod nexmark;
pub mod rabbitmq;
pub mod redis;
pub mod stdout;

/// One instance of every built-in connector.
pub(crate) fn builtin() -> Vec<Box<dyn ErasedConnector>> {
    vec![
        Box::new(blackhole::Blackhole),
        Box::new(impulse::Impulse),
        Box::new(kafka::Kafka),
        Box::new(mqtt::Mqtt),
        Box::new(nats::Nats),
        Box::new(nexmark::Nexmark),
        Box::new(rabbitmq::Rabbitmq),
        Box::new(redis::Redis),
        Box::new(stdout::Stdout),
    ]
}
