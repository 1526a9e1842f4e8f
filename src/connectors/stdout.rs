//! `stdout`: a sink that prints each record to standard output in its format.

use super::boilerplate::unit_sink;
use crate::connector::{ConnectorSpec, Example, FormatRule, Formats};
use crate::options::AppliesTo;

unit_sink! {
    /// The stdout connector.
    connector Stdout;
    /// A stdout sink has no settings.
    table StdoutTable;
    description "stdout sink";
}

/// What the connector is: roles, formats, metadata and every option.
pub(crate) const SPEC: ConnectorSpec =
    ConnectorSpec::new("stdout", "StdOut", "Write records to standard output")
        .roles(AppliesTo::SINK)
        .formats(Formats {
            rule: FormatRule::Required,
            allowed: &["json", "debezium_json", "raw_string"],
        })
        .table_options(&[])
        .examples(&[Example::new("value TEXT", &[("format", "'json'")])]);
