//! `blackhole`: a sink that discards everything (for testing pipelines).

use super::boilerplate::unit_sink;
use crate::connector::{ConnectorSpec, Example, Formats};
use crate::options::AppliesTo;

unit_sink! {
    /// The blackhole connector.
    connector Blackhole;
    /// A blackhole sink has no settings.
    table BlackholeTable;
    description "blackhole sink";
}

/// What the connector is: roles, formats, metadata and every option.
pub(crate) const SPEC: ConnectorSpec = ConnectorSpec::new(
    "blackhole",
    "Blackhole",
    "No-op sink that discards all data",
)
.roles(AppliesTo::SINK)
.formats(Formats::FIXED)
.table_options(&[])
.examples(&[Example::new("id BIGINT", &[])]);
