//! `stdout`: a sink that prints each record to standard output in its format.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::connector::{
    ConnectionType, Connector, ConnectorInfo, FormatRule, Formats, NoProfile, TableContext,
};
use crate::options::{ConnectorOptions, OptionSpec};

/// The stdout connector.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stdout;

/// A stdout sink has no settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StdoutTable {}

impl Connector for Stdout {
    type Profile = NoProfile;
    type Table = StdoutTable;

    fn info(&self) -> ConnectorInfo {
        ConnectorInfo {
            name: "stdout",
            display_name: "StdOut",
            description: "Write records to standard output",
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
        Formats {
            rule: FormatRule::Required,
            allowed: &["json", "debezium_json", "raw_string"],
        }
    }

    fn profile_from_options(&self, _opts: &mut ConnectorOptions) -> Option<NoProfile> {
        Some(NoProfile {})
    }

    fn table_from_options(
        &self,
        _opts: &mut ConnectorOptions,
        _cx: &TableContext<'_>,
    ) -> Option<StdoutTable> {
        Some(StdoutTable {})
    }

    fn table_type(&self, _profile: &NoProfile, _table: &StdoutTable) -> ConnectionType {
        ConnectionType::Sink
    }

    fn description(&self, _profile: &NoProfile, _table: &StdoutTable) -> String {
        "stdout sink".to_string()
    }
}
