//! `kinesis`: read from and write to AWS Kinesis Data Streams.
//!
//! There is no connection profile; credentials come from the AWS environment at runtime.
//! Unlike Arroyo, the batch sizes are checked against the limits of Kinesis itself (a
//! `PutRecords` request takes at most 500 records and 5 MiB; negative values, which Arroyo
//! casts to huge sizes at runtime, are errors), and the stream name and region are checked
//! for the shapes AWS accepts. Arroyo's default of 4,000,000 bytes is only a default.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{ConnectionType, Connector, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::checked_name;
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind};

/// The most records Kinesis takes in one `PutRecords` call.
pub(crate) const MAX_RECORDS_PER_BATCH: i64 = 500;
/// The most bytes Kinesis takes in one `PutRecords` call (5 MiB, partition keys included).
pub(crate) const MAX_BYTES_PER_BATCH: i64 = 5 * 1024 * 1024;
/// Arroyo's default batch size in bytes (not a limit).
pub(crate) const DEFAULT_BYTES_PER_BATCH: i64 = 4_000_000;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) SOURCE_OFFSET = one_of("source.offset", &["earliest", "latest"]).default_str("latest").source_only().doc("Where to start reading a shard without saved state.");
        pub(crate) SINK_FLUSH_INTERVAL_MILLIS = new("sink.flush_interval_millis", OptionKind::Unsigned).default_int(1000).sink_only().doc("Flush a batch after this many milliseconds.");
        pub(crate) SINK_MAX_BYTES_PER_BATCH = new("sink.max_bytes_per_batch", OptionKind::NonZero).default_int(DEFAULT_BYTES_PER_BATCH).range(1, MAX_BYTES_PER_BATCH).sink_only().doc("Flush a batch once it holds this many bytes (at most 5242880: Kinesis accepts at most 5 MiB per `PutRecords` request, partition keys included).");
        pub(crate) SINK_MAX_RECORDS_PER_BATCH = new("sink.max_records_per_batch", OptionKind::NonZero).default_int(MAX_RECORDS_PER_BATCH).range(1, MAX_RECORDS_PER_BATCH).sink_only().doc("Flush a batch once it holds this many records (at most 500: Kinesis accepts at most 500 records per `PutRecords` request).");
        pub(crate) STREAM_NAME = string("stream_name").required().doc("The Kinesis stream (1 to 128 characters: letters, digits, `_`, `-`, `.`).");
        pub(crate) AWS_REGION = string("aws_region").doc("AWS region of the stream, e.g. `us-east-1`; the AWS environment's region when unset.");
    ]
}

/// `source.offset` of a Kinesis source (and of a Fluvio source): where a reader without saved
/// state starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StartOffset {
    /// The oldest record of the shard.
    Earliest,
    /// Only records written from now on.
    Latest,
}

/// The Kinesis connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Kinesis;

/// One Kinesis table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct KinesisTable {
    /// The stream.
    pub stream_name: String,
    /// AWS region, when set.
    pub aws_region: Option<String>,
    /// Source or sink settings.
    #[serde(rename = "type")]
    pub kind: KinesisTableKind,
}

/// Source or sink settings of a Kinesis table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KinesisTableKind {
    /// Reads the stream.
    Source {
        /// Where to start a shard without saved state.
        offset: StartOffset,
    },
    /// Writes the stream.
    Sink {
        /// Records per batch (1 to 500).
        records_per_batch: u64,
        /// Bytes per batch (1 to 5242880, Kinesis's 5 MiB per request).
        batch_max_buffer_size: u64,
        /// Milliseconds before a batch is flushed.
        batch_flush_interval_millis: u64,
    },
}

/// Whether `s` is a valid Kinesis stream name: 1 to 128 of `[A-Za-z0-9_.-]`.
pub(crate) fn valid_stream_name(s: &str) -> bool {
    (1..=128).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Whether `s` has the shape of an AWS region name (`us-east-1`, `us-gov-west-1`,
/// `cn-north-1`): lowercase words joined by `-`, ending in a number.
pub(crate) fn valid_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let Some((last, words)) = parts.split_last() else {
        return false;
    };
    words.len() >= 2
        && !last.is_empty()
        && last.chars().all(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
}

connector_spec! {
    "kinesis", "Kinesis", "Read and write AWS Kinesis Data Streams";
    roles: SOURCE | SINK;
    formats: required(MESSAGE_FORMATS);
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("stream_name", "'clicks'"), ("type", "'source'"), ("format", "'json'")];
    example: "id BIGINT", [("stream_name", "'clicks'"), ("type", "'sink'"), ("format", "'json'")];
}

impl Connector for Kinesis {
    no_profile!(KinesisTable, read_table);

    fn description(&self, _profile: &(), table: &KinesisTable) -> String {
        format!("kinesis stream '{}'", table.stream_name)
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<KinesisTable> {
    let stream = opts.string(&STREAM_NAME);
    let stream = checked_name(
        opts,
        &STREAM_NAME,
        stream,
        valid_stream_name,
        "a valid Kinesis stream name",
        "stream names have 1 to 128 characters: letters, digits, `_`, `-` and `.`",
    );
    let region = match opts.string(&AWS_REGION) {
        None => Some(None),
        r => checked_name(
            opts,
            &AWS_REGION,
            r,
            valid_region,
            "an AWS region name",
            "write the region code, e.g. `us-east-1` or `eu-west-2`",
        )
        .map(Some),
    };
    let kind = match cx.connection_type {
        ConnectionType::Source => KinesisTableKind::Source {
            offset: opts.choice(&SOURCE_OFFSET)?.node,
        },
        ConnectionType::Sink | ConnectionType::Lookup => KinesisTableKind::Sink {
            records_per_batch: opts.non_zero(&SINK_MAX_RECORDS_PER_BATCH)?.node,
            batch_max_buffer_size: opts.non_zero(&SINK_MAX_BYTES_PER_BATCH)?.node,
            batch_flush_interval_millis: opts.unsigned(&SINK_FLUSH_INTERVAL_MILLIS)?.node,
        },
    };
    Some(KinesisTable {
        stream_name: stream?,
        aws_region: region?,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(with: &str) -> Option<KinesisTable> {
        crate::connectors::common::test_support::table_config(&format!("CREATE TABLE t (v TEXT) WITH (connector = 'kinesis', stream_name = 's', format = 'json', {with});"))
    }

    #[test]
    fn source_offset_defaults_to_latest() {
        assert_eq!(
            table("type = 'source'").map(|t| t.kind),
            Some(KinesisTableKind::Source {
                offset: StartOffset::Latest
            })
        );
    }

    #[test]
    fn sink_batch_defaults() {
        assert_eq!(
            table("type = 'sink'").map(|t| t.kind),
            Some(KinesisTableKind::Sink {
                records_per_batch: 500,
                batch_max_buffer_size: 4_000_000,
                batch_flush_interval_millis: 1000,
            })
        );
    }

    #[test]
    fn sink_batch_limits_are_inclusive() {
        assert!(table(
            "type = 'sink', sink.max_records_per_batch = 500, sink.max_bytes_per_batch = 5242880"
        )
        .is_some());
        // Arroyo's default is not a limit: 5,000,000 bytes fit in a 5 MiB request.
        assert!(table("type = 'sink', sink.max_bytes_per_batch = 5000000").is_some());
        assert!(table("type = 'sink', sink.max_records_per_batch = 501").is_none());
        assert!(table("type = 'sink', sink.max_bytes_per_batch = 5242881").is_none());
    }

    #[test]
    fn stream_names() {
        assert!(valid_stream_name("orders"));
        assert!(valid_stream_name("Orders_v2.prod-1"));
        assert!(valid_stream_name(&"a".repeat(128)));
        assert!(!valid_stream_name(&"a".repeat(129)));
        assert!(!valid_stream_name("orders stream"));
        assert!(!valid_stream_name("arn:aws:kinesis:us-east-1:1:stream/x"));
    }

    #[test]
    fn regions() {
        assert!(valid_region("us-east-1"));
        assert!(valid_region("us-gov-west-1"));
        assert!(valid_region("ap-southeast-3"));
        assert!(!valid_region("us-east"));
        assert!(!valid_region("US-EAST-1"));
        assert!(!valid_region("useast1"));
        assert!(!valid_region("us--1"));
        assert!(!valid_region("eu-west-1a"));
    }
}
