//! `stdout`: a sink that prints each record to standard output in its format.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::connector::{Connector, ConnectorSpec, Example, FormatRule, Formats, TableContext};
use crate::options::{AppliesTo, ConnectorOptions};

/// The stdout connector.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stdout;

/// A stdout sink has no settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StdoutTable {}

/// What the connector is: roles, formats, metadata and every option.
pub(crate) const SPEC: ConnectorSpec =
    ConnectorSpec::new("stdout", "StdOut", "Write records to standard output")
        .roles(AppliesTo::SINK)
        .formats(Formats {
            rule: FormatRule::Required,
            allowed: &["json", "debezium_json", "raw_string"],
        })
        .table_options(&[])
        .examples(&[Example {
            temporary: false,
            columns: "value TEXT",
            options: &[("format", "'json'")],
        }]);

impl Connector for Stdout {
    type Profile = ();
    type Table = StdoutTable;

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
    ) -> Option<StdoutTable> {
        Some(StdoutTable {})
    }

    fn description(&self, _profile: &(), _table: &StdoutTable) -> String {
        "stdout sink".to_string()
    }
}
