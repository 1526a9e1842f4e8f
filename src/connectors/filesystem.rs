//! `filesystem`: read files from, and write rolling files to, a local directory or an
//! object store (S3, R2, GCS, Azure).
//!
//! The sink options (`path`, `storage.*`, `rolling_policy.*`, `filename.*`,
//! `partitioning.*`, `shuffle_by_partition.enabled`, `multipart.*`, `sink.version`) are
//! shared with `delta` and `iceberg`: they live in [`super::file_sink`]. This module adds
//! the source options (a checked `source.regex_pattern`, `source.compression`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use super::file_sink::{
    check_sink, path_from_options, sink_from_options, storage_from_options, FILENAME_PREFIX,
    FILENAME_STRATEGY, FILENAME_SUFFIX, FLINK_OPTIONS, MULTIPART_MAX_PARTS, MULTIPART_MINIMUM_SIZE,
    MULTIPART_TARGET_PART_SIZE, PARTITIONING_FIELDS, PARTITIONING_TIME_PATTERN, PATH,
    ROLLING_FILE_SIZE, ROLLING_INACTIVITY, ROLLING_INTERVAL, ROLLING_WATERMARK_EXPIRATION,
    SHUFFLE_BY_PARTITION, SINK_FORMATS, SINK_VERSION, STORAGE,
};
pub use super::file_sink::{
    FileNaming, FileSystemSink, FilenameStrategy, Multipart, Partitioning, RollingPolicy,
    ShuffleByPartition, SinkVersion,
};
use crate::connection_type::ConnectionType;
use crate::connector::{Connector, TableContext};
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionSpec};
use crate::profile::Secret;
use crate::schema::{ConnectionSchema, Format};

option_specs! {
    pub(crate) SOURCE_REGEX_PATTERN = string("source.regex_pattern").source_only().doc("Read only files (searched recursively under `path`) whose path matches this regular expression.");
    pub(crate) SOURCE_COMPRESSION = one_of("source.compression", &["none", "zstd", "gzip"]).default_str("none").source_only().doc("Compression of the files read.");
}

const TABLE_OPTIONS: &[OptionSpec] = &[
    PATH,
    STORAGE,
    SOURCE_REGEX_PATTERN,
    SOURCE_COMPRESSION,
    ROLLING_FILE_SIZE,
    ROLLING_INTERVAL,
    ROLLING_INACTIVITY,
    ROLLING_WATERMARK_EXPIRATION,
    FILENAME_PREFIX,
    FILENAME_SUFFIX,
    FILENAME_STRATEGY,
    PARTITIONING_FIELDS,
    PARTITIONING_TIME_PATTERN,
    SHUFFLE_BY_PARTITION,
    MULTIPART_TARGET_PART_SIZE,
    MULTIPART_MAX_PARTS,
    MULTIPART_MINIMUM_SIZE,
    SINK_VERSION,
];

/// Formats a filesystem source reads: line-oriented formats, plus Parquet.
const SOURCE_FORMATS: &[&str] = &[
    "json",
    "debezium_json",
    "avro",
    "raw_string",
    "raw_bytes",
    "parquet",
];

/// The filesystem connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FileSystem;

/// A filesystem table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileSystemTable {
    /// Source or sink settings.
    pub table_type: FileSystemTableType,
}

/// Source or sink settings of a filesystem table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FileSystemTableType {
    /// Reads files.
    Source(FileSystemSource),
    /// Writes files.
    Sink(FileSystemSink),
}

/// `source.compression`: how the files a source reads are compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// Not compressed.
    None,
    /// Zstandard.
    Zstd,
    /// Gzip.
    Gzip,
}

/// Settings of a filesystem source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileSystemSource {
    /// Directory or URL to read.
    pub path: String,
    /// How the files read are compressed.
    pub compression_format: Compression,
    /// Only files whose path matches this regular expression.
    pub regex_pattern: Option<String>,
    /// Object-store settings; the values of secret-named keys (`aws_secret_access_key`,
    /// `…token`, `…password`) never print.
    #[serde(serialize_with = "crate::profile::serialize_storage")]
    pub storage_options: BTreeMap<String, Secret>,
}

/// A light syntax check of a regular expression: balanced groups and classes, no
/// dangling escape, and no repetition operator with nothing to repeat. (The full
/// grammar is checked by the regex engine when the source starts.)
pub(crate) fn check_regex(re: &str) -> Result<(), String> {
    let mut depth = 0usize;
    let mut in_class = false;
    let mut prev_repeatable = false;
    let mut chars = re.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if chars.next().is_none() {
                return Err("the pattern ends with a lone `\\`".into());
            }
            prev_repeatable = true;
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
                prev_repeatable = true;
            }
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                // `[]…]` and `[^]…]` keep the first `]` as a literal.
                let rest = chars.as_str();
                let skip = if rest.starts_with("^]") {
                    2
                } else {
                    usize::from(rest.starts_with(']'))
                };
                for _ in 0..skip {
                    chars.next();
                }
            }
            '(' => {
                depth += 1;
                prev_repeatable = false;
                // `(?…)` group flags.
                if chars.as_str().starts_with('?') {
                    chars.next();
                }
            }
            ')' => {
                if depth == 0 {
                    return Err("unopened `)`".into());
                }
                depth -= 1;
                prev_repeatable = true;
            }
            '*' | '+' | '?' => {
                if !prev_repeatable {
                    return Err(format!("`{c}` has nothing to repeat"));
                }
                // `a*?` (lazy) is fine; `a**` is not.
                prev_repeatable = false;
                if chars.as_str().starts_with('?') {
                    chars.next();
                }
            }
            '|' => prev_repeatable = false,
            _ => prev_repeatable = true,
        }
    }
    if in_class {
        return Err("unclosed `[`".into());
    }
    if depth > 0 {
        return Err("unclosed `(`".into());
    }
    Ok(())
}

connector_spec! {
    "filesystem", "FileSystem", "Read files, or write JSON or Parquet files, on a local filesystem or an object store like S3";
    roles: SOURCE | SINK;
    partitions_by_options;
    compressed_json;
    formats: required(SOURCE_FORMATS);
    table_options: TABLE_OPTIONS;
    foreign_options: FLINK_OPTIONS;
    example: "id BIGINT", [("type", "'source'"), ("path", "'/data/in'"), ("format", "'json'")];
    example: "id BIGINT", [("type", "'sink'"), ("path", "'/data/out'"), ("format", "'json'")];
}

/// Reads the options of a filesystem source. Pulls every option before giving up.
fn source_from_options(opts: &mut ConnectorOptions) -> Option<FileSystemSource> {
    let regex = opts.string(&SOURCE_REGEX_PATTERN);
    let regex_ok = match &regex {
        Some(r) => match check_regex(&r.node) {
            Ok(()) => true,
            Err(msg) => {
                opts.report(
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        r.span,
                        format!("invalid value for `source.regex_pattern`: {msg}"),
                    )
                    .with_help("the pattern is a regular expression, e.g. `'.*\\.json$'`"),
                );
                false
            }
        },
        None => true,
    };
    let path = path_from_options(opts);
    let compression = opts.choice::<Compression>(&SOURCE_COMPRESSION);
    let storage_options = storage_from_options(opts);
    match (path, compression, regex_ok) {
        (Some(path), Some(c), true) => Some(FileSystemSource {
            path,
            compression_format: c.node,
            regex_pattern: regex.map(|r| r.node),
            storage_options,
        }),
        _ => None,
    }
}

impl Connector for FileSystem {
    no_profile!(FileSystemTable, read_table);

    fn description(&self, _profile: &(), table: &FileSystemTable) -> String {
        match &table.table_type {
            FileSystemTableType::Source(s) => format!("filesystem source '{}'", s.path),
            FileSystemTableType::Sink(s) => format!("filesystem sink '{}'", s.path),
        }
    }

    fn check(
        &self,
        _profile: &(),
        table: &FileSystemTable,
        schema: &ConnectionSchema,
        opts: &mut ConnectorOptions,
    ) {
        match &table.table_type {
            FileSystemTableType::Sink(sink) => {
                check_sink(
                    "filesystem",
                    sink,
                    SOURCE_FORMATS,
                    SINK_FORMATS,
                    schema,
                    opts,
                );
            }
            FileSystemTableType::Source(_) => {
                // Sources decompress with `source.compression`; `json.compression` is
                // the writer's setting.
                if let Some(Format::Json(j)) = &schema.format {
                    if j.compression != crate::schema::format::JsonCompression::Uncompressed {
                        if let Some(span) = opts.key_span("json.compression") {
                            opts.report(
                                crate::messages::not_applicable(span,
                                    "`json.compression` only applies to filesystem sinks and has no effect on a source",
                                )
                                .with_help("set `source.compression` to read compressed files"),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<FileSystemTable> {
    let table_type = match cx.connection_type {
        ConnectionType::Source => source_from_options(opts).map(FileSystemTableType::Source),
        _ => sink_from_options(opts).map(FileSystemTableType::Sink),
    };
    Some(FileSystemTable {
        table_type: table_type?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes() {
        assert_eq!(check_regex(r".*\.json$"), Ok(()));
        assert_eq!(check_regex(r"(a|b)+?[]x]"), Ok(()));
        assert_eq!(check_regex(r"(?i)data"), Ok(()));
        assert!(check_regex("*.json").is_err());
        assert!(check_regex("(a").is_err());
        assert!(check_regex("a)").is_err());
        assert!(check_regex("[a-z").is_err());
        assert!(check_regex("a\\").is_err());
    }
}
