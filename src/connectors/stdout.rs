//! `stdout`: a sink that prints each record to standard output in its format.

use super::boilerplate::{connector_spec, unit_sink};

unit_sink! {
    /// The stdout connector.
    connector Stdout;
    /// A stdout sink has no settings.
    table StdoutTable;
    description "stdout sink";
}

connector_spec! {
    "stdout", "StdOut", "Write records to standard output";
    roles: SINK;
    formats: required(&["json", "debezium_json", "raw_string"]);
    example: "value TEXT", [("format", "'json'")];
}
