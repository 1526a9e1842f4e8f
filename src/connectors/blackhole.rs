//! `blackhole`: a sink that discards everything (for testing pipelines).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::connector::{Connector, ConnectorSpec, Example, Formats, TableContext};
use crate::options::{AppliesTo, ConnectorOptions};

/// The blackhole connector.
#[derive(Clone, Copy, Debug, Default)]
pub struct Blackhole;

/// A blackhole sink has no settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BlackholeTable {}

/// What the connector is: roles, formats, metadata and every option.
pub(crate) const SPEC: ConnectorSpec = ConnectorSpec::new(
    "blackhole",
    "Blackhole",
    "No-op sink that discards all data",
)
.roles(AppliesTo::SINK)
.formats(Formats::FIXED)
.table_options(&[])
.examples(&[Example {
    temporary: false,
    columns: "id BIGINT",
    options: &[],
}]);

impl Connector for Blackhole {
    type Profile = ();
    type Table = BlackholeTable;

    fn spec(&self) -> &'static ConnectorSpec {
        &SPEC
    }

    fn profile_from_options(&self, _opts: &mut ConnectorOptions) -> Option<()> {
        Some(())
    }

    fn table_from_options(
        &self,
        _opts: &mut ConnectorOptions,
        _cx: &TableContext<'_>,
    ) -> Option<BlackholeTable> {
        Some(BlackholeTable {})
    }

    fn description(&self, _profile: &(), _table: &BlackholeTable) -> String {
        "blackhole sink".to_string()
    }
}
