//! `blackhole`: a sink that discards everything (for testing pipelines).

use super::boilerplate::{connector_spec, unit_sink};

unit_sink! {
    /// The blackhole connector.
    connector Blackhole;
    /// A blackhole sink has no settings.
    table BlackholeTable;
    description "blackhole sink";
}

connector_spec! {
    "blackhole", "Blackhole", "No-op sink that discards all data";
    roles: SINK;
    example: "id BIGINT", [];
}
