//! `delta`: write a Delta Lake table (a sink only).
//!
//! It takes the filesystem sink's options (see [`super::file_sink`]) plus `type`, which
//! must be `sink`. As in Arroyo, top-level `TIMESTAMP` columns are stored in
//! microseconds, Delta Lake's timestamp precision (nested timestamps keep their unit, as
//! in Arroyo). Arroyo crashes (`unreachable!`) on a Delta table with generated or metadata
//! columns; here each such column gets a diagnostic. Delta Lake data files are Parquet, so
//! `parquet` is the only format; Arroyo accepts any format here and fails when the job
//! starts.

use arrow_schema::{DataType, Field, TimeUnit};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use super::file_sink::{self, FileSystemSink};
use crate::connector::{Connector, TableContext};
use crate::options::ConnectorOptions;
use crate::schema::ConnectionSchema;

/// Delta Lake stores its data in Parquet files.
const FORMATS: &[&str] = &["parquet"];

/// The Delta Lake connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DeltaLake;

/// A Delta Lake sink.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DeltaLakeTable {
    /// The sink settings (the same as a filesystem sink's).
    pub table_type: DeltaLakeTableType,
}

/// The one kind of Delta Lake table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DeltaLakeTableType {
    /// Writes the table.
    Sink(FileSystemSink),
}

/// Stores top-level timestamps in microseconds, Delta Lake's precision.
pub(crate) fn coerce_timestamps(fields: Vec<Field>) -> Vec<Field> {
    fields
        .into_iter()
        .map(|f| match f.data_type() {
            DataType::Timestamp(unit, tz) if *unit != TimeUnit::Microsecond => {
                let dt = DataType::Timestamp(TimeUnit::Microsecond, tz.clone());
                f.with_data_type(dt)
            }
            _ => f,
        })
        .collect()
}

connector_spec! {
    "delta", "Delta Lake", "Write to a Delta Lake table; top-level TIMESTAMP columns are stored in microseconds, as Delta Lake requires";
    roles: SINK;
    type_option;
    partitions_by_options;
    formats: required(FORMATS);
    table_options: file_sink::SINK_OPTIONS;
    foreign_options: file_sink::FLINK_OPTIONS;
    example: "id BIGINT", [("type", "'sink'"), ("path", "'/lake/orders'"), ("format", "'parquet'")];
}

impl Connector for DeltaLake {
    no_profile!(DeltaLakeTable, read_table);

    fn description(&self, _profile: &(), table: &DeltaLakeTable) -> String {
        let DeltaLakeTableType::Sink(s) = &table.table_type;
        format!("delta lake sink '{}'", s.path)
    }

    fn adjust_fields(&self, _table: &DeltaLakeTable, fields: Vec<Field>) -> Vec<Field> {
        coerce_timestamps(fields)
    }

    fn check(
        &self,
        _profile: &(),
        table: &DeltaLakeTable,
        schema: &ConnectionSchema,
        opts: &mut ConnectorOptions,
    ) {
        let DeltaLakeTableType::Sink(sink) = &table.table_type;
        file_sink::check_sink("delta", sink, FORMATS, FORMATS, schema, opts);
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<DeltaLakeTable> {
    let ok = file_sink::sink_only(opts, cx, "delta");
    let sink = file_sink::sink_from_options(opts);
    if !ok {
        return None;
    }
    Some(DeltaLakeTable {
        table_type: DeltaLakeTableType::Sink(sink?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_timestamps_become_microseconds() {
        let nested = DataType::Struct(
            vec![Field::new(
                "t",
                DataType::Timestamp(TimeUnit::Nanosecond, None),
                true,
            )]
            .into(),
        );
        let fields = vec![
            Field::new("a", DataType::Timestamp(TimeUnit::Nanosecond, None), false),
            Field::new("b", DataType::Timestamp(TimeUnit::Millisecond, None), true),
            Field::new("c", nested.clone(), true),
            Field::new("d", DataType::Int64, true),
        ];
        let out = coerce_timestamps(fields);
        let types: Vec<String> = out.iter().map(|f| f.data_type().to_string()).collect();
        assert_eq!(
            types,
            vec![
                DataType::Timestamp(TimeUnit::Microsecond, None).to_string(),
                DataType::Timestamp(TimeUnit::Microsecond, None).to_string(),
                nested.to_string(),
                DataType::Int64.to_string(),
            ]
        );
        assert!(!out.first().is_some_and(|f| f.is_nullable()));
    }
}
