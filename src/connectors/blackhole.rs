//! `blackhole`: a sink that discards everything (for testing pipelines).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::connector::{
    ConnectionType, Connector, ConnectorInfo, Formats, NoProfile, TableContext,
};
use crate::options::{ConnectorOptions, OptionSpec};

/// The blackhole connector.
#[derive(Clone, Copy, Debug, Default)]
pub struct Blackhole;

/// A blackhole sink has no settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BlackholeTable {}

impl Connector for Blackhole {
    type Profile = NoProfile;
    type Table = BlackholeTable;

    fn info(&self) -> ConnectorInfo {
        ConnectorInfo {
            name: "blackhole",
            display_name: "Blackhole",
            description: "No-op sink that discards all data",
            source: false,
            sink: true,
            lookup: false,
            partitioned: false,
        }
    }

    fn table_options(&self) -> &'static [OptionSpec] {
        &[]
    }

    fn formats(&self) -> Formats {
        Formats::FIXED
    }

    fn profile_from_options(&self, _opts: &mut ConnectorOptions) -> Option<NoProfile> {
        Some(NoProfile {})
    }

    fn table_from_options(
        &self,
        _opts: &mut ConnectorOptions,
        _cx: &TableContext<'_>,
    ) -> Option<BlackholeTable> {
        Some(BlackholeTable {})
    }

    fn table_type(&self, _profile: &NoProfile, _table: &BlackholeTable) -> ConnectionType {
        ConnectionType::Sink
    }

    fn description(&self, _profile: &NoProfile, _table: &BlackholeTable) -> String {
        "blackhole sink".to_string()
    }
}
