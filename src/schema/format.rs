//! Formats, framing and bad-data handling, read from the `format`, `json.*`, `avro.*`,
//! `protobuf.*`, `parquet.*`, `framing*` and `bad_data` options.
//!
//! Only the chosen format's options are pulled; another format's options are left for
//! `ConnectorOptions::finish`, which says which format they belong to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::definition;
use crate::diagnostics::{codes, Code};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec};
use crate::span::Span;

/// The format names, in documentation order.
pub const FORMAT_NAMES: &[&str] = &[
    "json",
    "debezium_json",
    "avro",
    "protobuf",
    "parquet",
    "raw_string",
    "raw_bytes",
];

option_specs! {
    pub(crate) FORMAT = one_of("format", FORMAT_NAMES).doc("How records are encoded.");
    pub(crate) JSON_REGISTRY = bool("json.confluent_schema_registry").default_bool(false).doc("Messages carry the Confluent schema-registry header.");
    pub(crate) JSON_INCLUDE_SCHEMA = bool("json.include_schema").default_bool(false).doc("Sinks embed the schema in every message (Kafka Connect style).");
    pub(crate) JSON_UNSTRUCTURED = bool("json.unstructured").default_bool(false).doc("Read each message as one JSON column `value`.");
    pub(crate) JSON_TIMESTAMP_FORMAT = one_of("json.timestamp_format", &["rfc3339", "unix_millis"]).default_str("rfc3339").doc("How timestamps are written.");
    pub(crate) JSON_DECIMAL_ENCODING = one_of("json.decimal_encoding", &["number", "string", "bytes"]).default_str("number").doc("How decimals are written.");
    pub(crate) JSON_COMPRESSION = one_of("json.compression", &["uncompressed", "gzip"]).default_str("uncompressed").doc("Compression of JSON files (filesystem only).");
    pub(crate) AVRO_REGISTRY = bool("avro.confluent_schema_registry").default_bool(false).doc("Messages carry the Confluent schema-registry header.");
    pub(crate) AVRO_RAW_DATUMS = bool("avro.raw_datums").default_bool(false).doc("Messages are bare Avro datums without a container or header.");
    pub(crate) AVRO_UNSTRUCTURED = bool("avro.into_unstructured_json").default_bool(false).doc("Decode each record into one JSON column `value`.");
    pub(crate) PROTO_MESSAGE = string("protobuf.message_name").doc("Fully qualified message to decode.");
    pub(crate) PROTO_LENGTH_DELIMITED = bool("protobuf.length_delimited").default_bool(false).doc("Messages are prefixed by their varint length.");
    pub(crate) PROTO_UNSTRUCTURED = bool("protobuf.into_unstructured_json").default_bool(false).doc("Decode each message into one JSON column `value`.");
    pub(crate) PROTO_REGISTRY = bool("protobuf.confluent_schema_registry").default_bool(false).doc("Messages carry the Confluent schema-registry header.");
    pub(crate) PARQUET_COMPRESSION = one_of("parquet.compression", &["uncompressed", "snappy", "gzip", "zstd", "lz4", "lz4_raw"]).default_str("zstd").doc("Column chunk compression.");
    pub(crate) PARQUET_ROW_GROUP = new("parquet.row_group_size", OptionKind::DataSize).range(1, 1 << 30).doc("Target size of a row group, at most 1 GiB (Arroyo's bound, checked when the table is created), e.g. '128mb'.");
    pub(crate) FRAMING = one_of("framing", &["newline"]).doc("How several records share one message.");
    pub(crate) FRAMING_MAX_LENGTH = new("framing.newline.max_length", OptionKind::Unsigned).doc("Longest line read with newline framing, in bytes.");
    pub(crate) BAD_DATA = one_of("bad_data", &["fail", "drop"]).default_str("fail").doc("What to do with a record that does not decode.");
}

/// `json.timestamp_format` of `debezium_json`: the same option, another default, since
/// Debezium events carry epoch milliseconds.
pub(crate) const DEBEZIUM_TIMESTAMP_FORMAT: OptionSpec = JSON_TIMESTAMP_FORMAT
    .default_str("unix_millis")
    .doc("How timestamps are written (Debezium writes epoch milliseconds).");
/// `json.decimal_encoding` of `debezium_json`: Debezium encodes decimals as bytes.
pub(crate) const DEBEZIUM_DECIMAL_ENCODING: OptionSpec = JSON_DECIMAL_ENCODING
    .default_str("bytes")
    .doc("How decimals are written (Debezium writes them as bytes).");

/// The options each format reads (besides `format`).
pub fn format_options(format: &str) -> &'static [OptionSpec] {
    match format {
        "json" => &[
            JSON_REGISTRY,
            JSON_INCLUDE_SCHEMA,
            JSON_UNSTRUCTURED,
            JSON_TIMESTAMP_FORMAT,
            JSON_DECIMAL_ENCODING,
            JSON_COMPRESSION,
            definition::JSON_SCHEMA,
            definition::JSON_SCHEMA_FILE,
        ],
        "debezium_json" => &[
            JSON_REGISTRY,
            JSON_INCLUDE_SCHEMA,
            JSON_UNSTRUCTURED,
            DEBEZIUM_TIMESTAMP_FORMAT,
            DEBEZIUM_DECIMAL_ENCODING,
            JSON_COMPRESSION,
        ],
        "avro" => &[
            AVRO_REGISTRY,
            AVRO_RAW_DATUMS,
            AVRO_UNSTRUCTURED,
            definition::AVRO_SCHEMA,
            definition::AVRO_SCHEMA_FILE,
        ],
        "protobuf" => &[
            PROTO_MESSAGE,
            PROTO_LENGTH_DELIMITED,
            PROTO_UNSTRUCTURED,
            PROTO_REGISTRY,
            definition::PROTO_SCHEMA,
            definition::PROTO_SCHEMA_FILE,
        ],
        "parquet" => &[PARQUET_COMPRESSION, PARQUET_ROW_GROUP],
        _ => &[],
    }
}

/// The option prefix of each format, for "belongs to another format" messages.
pub(crate) const FORMAT_PREFIXES: &[(&str, &str)] = &[
    ("json.", "json"),
    ("avro.", "avro"),
    ("protobuf.", "protobuf"),
    ("parquet.", "parquet"),
];

/// A record format and its options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Format {
    /// JSON (also Debezium JSON, with `debezium = true`).
    Json(JsonFormat),
    /// Avro.
    Avro(AvroFormat),
    /// Protobuf.
    Protobuf(ProtobufFormat),
    /// Parquet (files only).
    Parquet(ParquetFormat),
    /// Each message is one UTF-8 `value` column.
    RawString {},
    /// Each message is one binary `value` column.
    RawBytes {},
}

impl Format {
    /// The name written in `format = '…'`.
    pub fn name(&self) -> &'static str {
        match self {
            Format::Json(j) if j.debezium => "debezium_json",
            Format::Json(_) => "json",
            Format::Avro(_) => "avro",
            Format::Protobuf(_) => "protobuf",
            Format::Parquet(_) => "parquet",
            Format::RawString {} => "raw_string",
            Format::RawBytes {} => "raw_bytes",
        }
    }

    /// Whether the format carries updates (Debezium).
    pub fn is_updating(&self) -> bool {
        matches!(self, Format::Json(JsonFormat { debezium: true, .. }))
    }
}

/// JSON options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct JsonFormat {
    /// Confluent schema-registry framing.
    pub confluent_schema_registry: bool,
    /// Kafka-Connect style embedded schema.
    pub include_schema: bool,
    /// Debezium change events (`format = 'debezium_json'`).
    pub debezium: bool,
    /// One JSON `value` column.
    pub unstructured: bool,
    /// How timestamps are written.
    pub timestamp_format: TimestampFormat,
    /// How decimals are written.
    pub decimal_encoding: DecimalEncoding,
    /// Compression of JSON files.
    pub compression: JsonCompression,
}

/// `json.timestamp_format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimestampFormat {
    /// `2024-01-01T00:00:00Z`.
    Rfc3339,
    /// Milliseconds since the epoch.
    UnixMillis,
}

/// `json.decimal_encoding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecimalEncoding {
    /// A JSON number.
    Number,
    /// A JSON string.
    String,
    /// Base64 of the unscaled big-endian bytes (Debezium's encoding).
    Bytes,
}

/// `json.compression`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JsonCompression {
    /// Plain text.
    Uncompressed,
    /// Gzip.
    Gzip,
}

/// `parquet.compression`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParquetCompression {
    /// None.
    Uncompressed,
    /// Snappy.
    Snappy,
    /// Gzip.
    Gzip,
    /// Zstandard.
    Zstd,
    /// LZ4 (framed).
    Lz4,
    /// Raw LZ4 blocks.
    Lz4Raw,
}

/// Avro options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AvroFormat {
    /// Confluent schema-registry framing.
    pub confluent_schema_registry: bool,
    /// Bare datums.
    pub raw_datums: bool,
    /// Decode into one JSON `value` column.
    pub into_unstructured_json: bool,
}

/// Protobuf options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProtobufFormat {
    /// The message to decode.
    pub message_name: Option<String>,
    /// Varint length prefix.
    pub length_delimited: bool,
    /// Decode into one JSON `value` column.
    pub into_unstructured_json: bool,
    /// Confluent schema-registry framing.
    pub confluent_schema_registry: bool,
}

/// Parquet options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ParquetFormat {
    /// Column chunk compression.
    pub compression: ParquetCompression,
    /// Target row group size in bytes.
    pub row_group_bytes: Option<u64>,
}

/// How several records share one message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Framing {
    /// One record per line.
    Newline {
        /// Longest line in bytes.
        max_line_length: Option<u64>,
    },
}

/// What to do with a record that does not decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "behavior", rename_all = "snake_case")]
pub enum BadData {
    /// Stop the pipeline.
    Fail {},
    /// Skip the record.
    Drop {},
}

/// Reads `format` and its options. Returns the format (if set and valid) and the span of
/// the `format` value.
pub(crate) fn format_from_options(opts: &mut ConnectorOptions) -> Option<(Format, Span)> {
    let name = opts.enumeration(&FORMAT)?;
    let span = name.span;
    let format = match name.node {
        "json" | "debezium_json" => {
            let debezium = name.node == "debezium_json";
            let registry = opts.bool(&JSON_REGISTRY);
            let include = opts.bool(&JSON_INCLUDE_SCHEMA);
            if let (Some(r), Some(i)) = (&registry, &include) {
                if r.node && i.node {
                    let d = crate::diagnostics::Diagnostic::error(
                        codes::OPTION_CONFLICT,
                        i.span,
                        "`json.include_schema` cannot be combined with `json.confluent_schema_registry`",
                    )
                    .with_label(r.span, "schema registry enabled here")
                    .with_help("set at most one of them");
                    opts.report(d);
                }
            }
            let unstructured = opts.bool(&JSON_UNSTRUCTURED);
            let (ts, dec) = if debezium {
                (&DEBEZIUM_TIMESTAMP_FORMAT, &DEBEZIUM_DECIMAL_ENCODING)
            } else {
                (&JSON_TIMESTAMP_FORMAT, &JSON_DECIMAL_ENCODING)
            };
            let (ts, dec) = (opts.choice(ts), opts.choice(dec));
            let compression = opts.choice(&JSON_COMPRESSION);
            Format::Json(JsonFormat {
                confluent_schema_registry: registry.is_some_and(|b| b.node),
                include_schema: include.is_some_and(|b| b.node),
                debezium,
                unstructured: unstructured.is_some_and(|b| b.node),
                timestamp_format: ts?.node,
                decimal_encoding: dec?.node,
                compression: compression?.node,
            })
        }
        "avro" => Format::Avro(AvroFormat {
            confluent_schema_registry: opts.bool(&AVRO_REGISTRY).is_some_and(|b| b.node),
            raw_datums: opts.bool(&AVRO_RAW_DATUMS).is_some_and(|b| b.node),
            into_unstructured_json: opts.bool(&AVRO_UNSTRUCTURED).is_some_and(|b| b.node),
        }),
        "protobuf" => Format::Protobuf(ProtobufFormat {
            message_name: opts.string(&PROTO_MESSAGE).map(|s| s.node),
            length_delimited: opts.bool(&PROTO_LENGTH_DELIMITED).is_some_and(|b| b.node),
            into_unstructured_json: opts.bool(&PROTO_UNSTRUCTURED).is_some_and(|b| b.node),
            confluent_schema_registry: opts.bool(&PROTO_REGISTRY).is_some_and(|b| b.node),
        }),
        "parquet" => {
            let compression = opts.choice(&PARQUET_COMPRESSION);
            let rows = opts.data_size(&PARQUET_ROW_GROUP);
            Format::Parquet(ParquetFormat {
                compression: compression?.node,
                row_group_bytes: rows.map(|r| r.node),
            })
        }
        "raw_string" => Format::RawString {},
        _ => Format::RawBytes {},
    };
    Some((format, span))
}

/// Reads `framing` and `framing.newline.max_length`.
pub(crate) fn framing_from_options(opts: &mut ConnectorOptions) -> Option<Framing> {
    opts.enumeration(&FRAMING)?;
    let max = opts.unsigned(&FRAMING_MAX_LENGTH);
    Some(Framing::Newline {
        max_line_length: max.map(|m| m.node),
    })
}

/// Reads `bad_data`.
pub(crate) fn bad_data_from_options(opts: &mut ConnectorOptions) -> Option<BadData> {
    opts.enumeration(&BAD_DATA).map(|b| match b.node {
        "drop" => BadData::Drop {},
        _ => BadData::Fail {},
    })
}

/// Explanations for format keys that were not read because another format (or none) was
/// chosen: `(key or prefix, code, message)` as `ConnectorOptions::finish` takes them.
pub(crate) fn misplaced_format_keys(chosen: Option<&str>) -> Vec<(String, Code, String)> {
    let mut out = Vec::new();
    for (prefix, fmt) in FORMAT_PREFIXES {
        let owns = match chosen {
            Some(c) => c == *fmt || (*fmt == "json" && c == "debezium_json"),
            None => false,
        };
        if !owns {
            let msg = match chosen {
                Some(c) => {
                    format!("options `{prefix}*` belong to format `{fmt}`, but the format is `{c}`")
                }
                None => {
                    format!("options `{prefix}*` belong to format `{fmt}`, but no `format` is set")
                }
            };
            out.push((prefix.to_string(), codes::UNKNOWN_OPTION, msg));
        }
    }
    out
}
