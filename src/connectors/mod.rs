//! The built-in connectors, one module each.

use crate::connector::ErasedConnector;

pub mod blackhole;
pub mod delta;
pub mod filesystem;
pub mod iceberg;
pub mod impulse;
pub mod kafka;
pub mod nexmark;
pub mod single_file;
pub mod stdout;

/// One instance of every built-in connector.
pub(crate) fn builtin() -> Vec<Box<dyn ErasedConnector>> {
    vec![
        Box::new(blackhole::Blackhole),
        Box::new(delta::DeltaLake),
        Box::new(filesystem::FileSystem),
        Box::new(iceberg::Iceberg),
        Box::new(impulse::Impulse),
        Box::new(kafka::Kafka),
        Box::new(nexmark::Nexmark),
        Box::new(single_file::SingleFile),
        Box::new(stdout::Stdout),
    ]
}
