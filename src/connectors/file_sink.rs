//! The file sink settings shared by `filesystem`, `delta` and `iceberg`: the storage
//! path and `storage.*` options, `rolling_policy.*`, `filename.*`, `partitioning.*`,
//! `shuffle_by_partition.enabled`, `multipart.*` and `sink.version`.
//!
//! Where Arroyo accepts a value and fails (or silently does something else) when the job
//! runs, this module reports it at compile time: storage URLs are checked for the forms
//! Arroyo's storage layer accepts, rolling intervals below one second (which Arroyo turns
//! into 0) are rejected, the documented multipart limits are enforced, `strftime`
//! patterns are checked, partition fields must be columns of the table, and sinks only
//! take the formats the writers support.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::connector::TableContext;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::grammar::format_data_size;
use crate::options::option_specs;
use crate::options::{ConnectorOptions, DefaultValue, OptionKind, OptionSpec, Value};
use crate::profile::Secret;
use crate::schema::ConnectionSchema;
use crate::span::{Span, Spanned};

// The options every file sink reads (filesystem and delta; iceberg reads most).

option_specs! {
    pub(crate) SINK_OPTIONS = [
        pub(crate) PATH = string("path").required().doc("Directory or object-store URL: an absolute local path, `file://…`, `s3://bucket/…`, `s3::http://host:port/bucket/…`, `r2://…`, `gs://bucket/…`, `abfss://container@account.dfs.core.windows.net/…`, or an S3, R2, GCS or Azure `https://` URL.");
        pub(crate) STORAGE = new("storage.", OptionKind::Prefix).sensitive().doc("Object-store client settings, e.g. `storage.aws_region = 'us-east-1'`; every value is a quoted string, and the values of secret-named keys (`storage.aws_secret_access_key`, `…token`, `…password`) are never printed.");
        pub(crate) ROLLING_FILE_SIZE = new("rolling_policy.file_size", OptionKind::DataSize).sink_only().doc("Start a new file once the current one reaches this size.");
        pub(crate) ROLLING_INTERVAL = new("rolling_policy.interval", OptionKind::Duration).sink_only().doc("Start a new file after this long (whole seconds, at least 1).");
        pub(crate) ROLLING_INACTIVITY = new("rolling_policy.inactivity_interval", OptionKind::Duration).sink_only().doc("Close a file that received no data for this long (whole seconds, at least 1).");
        pub(crate) ROLLING_WATERMARK_EXPIRATION = bool("rolling_policy.watermark_expiration").default_bool(false).sink_only().doc("Close a time partition once the watermark passes it (needs `partitioning.time_pattern`).");
        pub(crate) FILENAME_PREFIX = string("filename.prefix").sink_only().doc("Text at the start of every file name.");
        pub(crate) FILENAME_SUFFIX = string("filename.suffix").sink_only().doc("Text at the end of every file name (replaces the format's extension).");
        pub(crate) FILENAME_STRATEGY = one_of("filename.strategy", &["serial", "uuid", "uuid_v7", "ulid"]).default_str("uuid_v7").sink_only().doc("How the unique part of file names is made.");
        pub(crate) PARTITIONING_FIELDS = new("partitioning.fields", OptionKind::List).sink_only().doc("Columns whose values name the partition directories (`col=value/…`), as identifiers or strings.");
        pub(crate) PARTITIONING_TIME_PATTERN = string("partitioning.time_pattern").sink_only().doc("`strftime` pattern of the record's event time that names the partition directories, e.g. `%Y/%m/%d`.");
        pub(crate) SHUFFLE_BY_PARTITION = bool("shuffle_by_partition.enabled").default_bool(false).sink_only().doc("Route each partition to one writer, so each partition gets fewer files.");
        pub(crate) MULTIPART_TARGET_PART_SIZE = new("multipart.target_part_size", OptionKind::DataSize).default(DefaultValue::Bytes(32 * 1024 * 1024)).sink_only().doc("Size of the parts of multipart uploads (at least 5mb).");
        pub(crate) MULTIPART_MAX_PARTS = new("multipart.max_parts", OptionKind::NonZero).default_int(1000).sink_only().doc("Most parts in one multipart upload; the file rolls when it is reached.");
        pub(crate) MULTIPART_MINIMUM_SIZE = new("multipart.minimum_multipart_size", OptionKind::DataSize).sink_only().doc("Files smaller than this are uploaded in one request (`sink.version = 'v2'` only).");
        pub(crate) SINK_VERSION = one_of("sink.version", &["v1", "v2"]).default_str("v1").sink_only().doc("Which object-store writer to use.");
    ]
}

/// Flink's filesystem connector options and ours (also read by `delta`).
pub(crate) const FLINK_OPTIONS: &[(&str, &str)] = &[
    ("sink.rolling-policy.file-size", "rolling_policy.file_size"),
    (
        "sink.rolling-policy.rollover-interval",
        "rolling_policy.interval",
    ),
    (
        "sink.rolling-policy.inactivity-interval",
        "rolling_policy.inactivity_interval",
    ),
    (
        "sink.shuffle-by-partition.enable",
        "shuffle_by_partition.enabled",
    ),
    (
        "partition.time-extractor.timestamp-pattern",
        "partitioning.time_pattern",
    ),
];

/// Formats the file writers support.
pub(crate) const SINK_FORMATS: &[&str] = &["json", "parquet"];

/// S3's smallest multipart part (5 MiB), which Arroyo also enforces.
pub(crate) const MIN_PART_SIZE: u64 = 5 << 20;

/// Settings of a file sink (filesystem and delta).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileSystemSink {
    /// Directory or URL to write.
    pub path: String,
    /// Object-store settings; the values of secret-named keys (`aws_secret_access_key`,
    /// `…token`, `…password`) never print.
    #[serde(serialize_with = "crate::profile::serialize_storage")]
    pub storage_options: BTreeMap<String, Secret>,
    /// When files roll.
    pub rolling_policy: RollingPolicy,
    /// How files are named.
    pub file_naming: FileNaming,
    /// How files are partitioned into directories.
    pub partitioning: Partitioning,
    /// Multipart upload settings.
    pub multipart: Multipart,
    /// Which writer.
    pub version: SinkVersion,
}

/// `filename.strategy`: how the unique part of file names is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FilenameStrategy {
    /// A counter.
    Serial,
    /// A random UUID.
    Uuid,
    /// A time-ordered UUID (v7).
    UuidV7,
    /// A ULID.
    Ulid,
}

/// `sink.version`: which object-store writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SinkVersion {
    /// The first writer.
    V1,
    /// The second writer (honours `multipart.minimum_multipart_size`).
    V2,
}

/// When a sink starts a new file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RollingPolicy {
    /// Roll at this size.
    pub file_size_bytes: Option<u64>,
    /// Roll after this many seconds.
    pub interval_seconds: Option<u64>,
    /// Roll after this many seconds without data.
    pub inactivity_seconds: Option<u64>,
    /// Close time partitions once the watermark passes them.
    pub watermark_expiration: bool,
}

/// How a sink names its files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileNaming {
    /// Start of every name.
    pub prefix: Option<String>,
    /// End of every name.
    pub suffix: Option<String>,
    /// How the unique part of names is made.
    pub strategy: FilenameStrategy,
}

/// How a sink partitions its files into directories.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Partitioning {
    /// `strftime` pattern of the event time.
    pub time_pattern: Option<String>,
    /// Partition columns.
    pub fields: Vec<String>,
    /// Route each partition to one writer.
    pub shuffle_by_partition: ShuffleByPartition,
}

/// `shuffle_by_partition.*`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ShuffleByPartition {
    /// Whether records are shuffled by partition.
    pub enabled: bool,
}

/// Multipart upload settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Multipart {
    /// Size of each part.
    pub target_part_size_bytes: u64,
    /// Most parts per upload.
    pub max_parts: u64,
    /// Smaller files are uploaded in one request.
    pub minimum_multipart_size: Option<u64>,
}

const PATH_HELP: &str = "use an absolute local path (`/data/out`), `file:///…`, `s3://bucket/…`, `s3::http://host:port/bucket/…`, `r2://bucket/…`, `gs://bucket/…`, `abfss://container@account.dfs.core.windows.net/…`, or an S3, R2, GCS or Azure `https://` URL";

/// Checks a storage path against the forms Arroyo's storage layer accepts. Returns the
/// backend name (`local`, `s3`, `r2`, `gcs`, `azure`) or a message and help; the message
/// never quotes a credential written in the path (`s3://KEY:SECRET@bucket`).
pub(crate) fn check_storage_path(path: &str) -> Result<&'static str, (String, String)> {
    check_storage_path_as_written(path).map_err(|(message, help)| {
        let shown = crate::profile::redact_credentials(&message).unwrap_or(message);
        (shown, help)
    })
}

fn check_storage_path_as_written(path: &str) -> Result<&'static str, (String, String)> {
    let bad = |msg: String| Err((msg, PATH_HELP.to_string()));
    let non_empty_bucket = |rest: &str, what: &str, backend: &'static str| {
        let bucket = rest.split('/').next().unwrap_or("");
        if bucket.is_empty() {
            Err((
                format!("`{path}` names no {what}"),
                format!(
                    "write the {what} after the scheme, e.g. `{}`",
                    example(backend)
                ),
            ))
        } else if !bucket
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
        {
            Err((
                format!("`{bucket}` is not a valid {what} name in `{path}`"),
                format!("{what} names use letters, digits, `.`, `-` and `_`"),
            ))
        } else {
            Ok(backend)
        }
    };
    if path.starts_with('/') {
        return Ok("local");
    }
    if let Some(rest) = path.strip_prefix("file://") {
        if rest.starts_with('/') {
            return Ok("local");
        }
        return bad(format!("`{path}` is not an absolute file URL"));
    }
    if let Some(rest) = path.strip_prefix("file:") {
        if rest.starts_with('/') {
            return Ok("local");
        }
        return bad(format!("`{path}` is not an absolute file URL"));
    }
    if let Some(rest) = path.strip_prefix("s3::") {
        let Some(after) = rest
            .strip_prefix("http://")
            .or_else(|| rest.strip_prefix("https://"))
        else {
            return bad(format!(
                "`{path}` has no endpoint; expected `s3::http(s)://host:port/bucket/…`"
            ));
        };
        let Some((host, bucket)) = after.split_once('/') else {
            return Err((
                format!("`{path}` names no bucket after the endpoint"),
                "write the bucket after the endpoint, e.g. `s3::http://localhost:9000/bucket/prefix`".into(),
            ));
        };
        if host.is_empty() {
            return bad(format!("`{path}` has an empty endpoint host"));
        }
        return non_empty_bucket(bucket, "bucket", "s3");
    }
    for (scheme, what, backend) in [
        ("s3://", "bucket", "s3"),
        ("s3a://", "bucket", "s3"),
        ("r2://", "bucket", "r2"),
        ("gs://", "bucket", "gcs"),
    ] {
        if let Some(rest) = path.strip_prefix(scheme) {
            // R2 allows `account@bucket`.
            let rest = if backend == "r2" {
                rest.split_once('@').map(|(_, b)| b).unwrap_or(rest)
            } else {
                rest
            };
            return non_empty_bucket(rest, what, backend);
        }
    }
    for scheme in ["abfs://", "abfss://"] {
        if let Some(rest) = path.strip_prefix(scheme) {
            let authority = rest.split('/').next().unwrap_or("");
            return match authority.split_once('@') {
                Some((container, host))
                    if !container.is_empty() && host.ends_with(".dfs.core.windows.net") =>
                {
                    Ok("azure")
                }
                _ => Err((
                    format!("`{path}` is not an Azure URL of the form `{scheme}container@account.dfs.core.windows.net/…`"),
                    PATH_HELP.to_string(),
                )),
            };
        }
    }
    if let Some(rest) = path.strip_prefix("https://") {
        let (host, tail) = rest.split_once('/').unwrap_or((rest, ""));
        let first = tail.split('/').next().unwrap_or("");
        let backend = if host.ends_with(".amazonaws.com") && host.contains("s3") {
            // `s3.region.amazonaws.com/bucket` or `bucket.s3.region.amazonaws.com`.
            let virtual_hosted = !host.starts_with("s3.") && !host.starts_with("s3-");
            (virtual_hosted || !first.is_empty()).then_some("s3")
        } else if host.ends_with(".r2.cloudflarestorage.com") {
            (!first.is_empty()).then_some("r2")
        } else if host == "storage.googleapis.com" {
            (!first.is_empty()).then_some("gcs")
        } else if host.ends_with(".storage.googleapis.com") {
            Some("gcs")
        } else if host.ends_with(".blob.core.windows.net")
            || host.ends_with(".dfs.core.windows.net")
        {
            (!first.is_empty()).then_some("azure")
        } else {
            return bad(format!(
                "`{host}` is not an S3, R2, GCS or Azure host in `{path}`"
            ));
        };
        return backend.ok_or_else(|| {
            (
                format!("`{path}` names no bucket or container"),
                "add the bucket (or container) after the host".to_string(),
            )
        });
    }
    if let Some((scheme, _)) = path.split_once("://") {
        if scheme == "http" {
            return Err((
                format!("`{path}` is a plain HTTP URL"),
                "for an S3-compatible store write `s3::http://host:port/bucket/…`".into(),
            ));
        }
        return bad(format!("unsupported storage scheme `{scheme}` in `{path}`"));
    }
    Err((
        format!("`{path}` is a relative path"),
        "give an absolute path, e.g. `/data/out`, or an object-store URL".into(),
    ))
}

fn example(backend: &str) -> &'static str {
    match backend {
        "gcs" => "gs://bucket/prefix",
        "r2" => "r2://bucket/prefix",
        _ => "s3://bucket/prefix",
    }
}

/// Checks a `strftime` pattern (chrono's specifiers, with the `-`, `_`, `0` padding flags).
pub(crate) fn check_time_pattern(pattern: &str) -> Result<(), String> {
    const SPECIFIERS: &str = "YCymbBhdeaAwuUWGgVjDxFvHkIlPpMSfZzRTXrcstn%+";
    let mut chars = pattern.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        let mut spec = chars.next();
        if matches!(spec, Some('-' | '_' | '0')) {
            spec = chars.next();
        }
        // `%.f`, `%.3f`, `%3f`, `%:z` and friends.
        if matches!(spec, Some('.' | ':' | '#')) {
            spec = chars.next();
        }
        if matches!(spec, Some('3' | '6' | '9')) {
            spec = chars.next();
        }
        match spec {
            None => return Err("the pattern ends with a lone `%`".into()),
            Some(s) if SPECIFIERS.contains(s) => any |= s != '%' && s != 'n' && s != 't',
            Some(s) => return Err(format!("`%{s}` is not a strftime specifier")),
        }
    }
    if any {
        Ok(())
    } else {
        Err("the pattern has no time specifier (such as `%Y` or `%d`), so every record lands in one partition".into())
    }
}

/// Reads the `storage.*` family: every value must be a non-empty quoted string.
pub(crate) fn storage_from_options(opts: &mut ConnectorOptions) -> BTreeMap<String, Secret> {
    let mut out = BTreeMap::new();
    for (key, value) in opts.take_prefix(STORAGE.key) {
        match value.node {
            Value::String(s) if !s.trim().is_empty() => {
                out.insert(key.node, Secret::new(s));
            }
            Value::String(_) => opts.report(Diagnostic::error(
                codes::INVALID_VALUE,
                value.span,
                format!(
                    "invalid value for `storage.{}`: the value must not be empty",
                    key.node
                ),
            )),
            other => opts.report(
                Diagnostic::error(
                    codes::INVALID_VALUE,
                    value.span,
                    format!(
                        "invalid value for `storage.{}`: expected a quoted string, found {}",
                        key.node,
                        other.kind()
                    ),
                )
                .with_help(
                    "storage settings are passed to the storage client as text; quote the value",
                ),
            ),
        }
    }
    out
}

pub(crate) fn path_from_options(opts: &mut ConnectorOptions) -> Option<String> {
    let path = opts.string(&PATH)?;
    match check_storage_path(&path.node) {
        Ok(_) => Some(path.node),
        Err((msg, help)) => {
            opts.report(
                Diagnostic::error(
                    codes::INVALID_VALUE,
                    path.span,
                    format!("invalid value for `path`: {msg}"),
                )
                .with_help(help),
            );
            None
        }
    }
}

/// A rolling interval in whole seconds (at least one).
fn seconds(opts: &mut ConnectorOptions, spec: &OptionSpec) -> Option<u64> {
    let d = opts.duration(spec)?;
    let secs = d.node.as_secs();
    if secs == 0 || d.node.subsec_nanos() != 0 {
        opts.report(
            Diagnostic::error(
                codes::INVALID_VALUE,
                d.span,
                format!(
                    "invalid value for `{}`: rolling intervals are whole seconds of at least 1, found {:?}",
                    spec.key, d.node
                ),
            )
            .with_help(format!(
                "e.g. `{} = INTERVAL '{}' SECOND`",
                spec.key,
                secs.max(1)
            )),
        );
        return None;
    }
    Some(secs)
}

fn size_error(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
    span: Span,
    msg: String,
    help: String,
) {
    opts.report(
        Diagnostic::error(
            codes::INVALID_VALUE,
            span,
            format!("invalid value for `{}`: {msg}", spec.key),
        )
        .with_help(help),
    );
}

/// The rolling, naming, multipart and writer settings every file-writing sink shares
/// (filesystem, delta and iceberg).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WriterSettings {
    /// When files roll.
    pub rolling_policy: RollingPolicy,
    /// How files are named.
    pub file_naming: FileNaming,
    /// Multipart upload settings.
    pub multipart: Multipart,
    /// Which writer.
    pub version: SinkVersion,
}

/// Reads the shared writer settings: `rolling_policy.*`, `filename.*`, `multipart.*` and
/// `sink.version`. Pulls every option before giving up.
pub(crate) fn writer_from_options(opts: &mut ConnectorOptions) -> Option<WriterSettings> {
    let mut ok = true;
    let file_size = opts.data_size(&ROLLING_FILE_SIZE);
    let file_size = match file_size {
        Some(s) if s.node == 0 => {
            size_error(
                opts,
                &ROLLING_FILE_SIZE,
                s.span,
                "a file size must be greater than 0".into(),
                "e.g. `rolling_policy.file_size = '128mb'`".into(),
            );
            ok = false;
            None
        }
        s => s.map(|s| s.node),
    };
    let interval = opts
        .is_pending(ROLLING_INTERVAL.key)
        .then(|| seconds(opts, &ROLLING_INTERVAL));
    let inactivity = opts
        .is_pending(ROLLING_INACTIVITY.key)
        .then(|| seconds(opts, &ROLLING_INACTIVITY));
    ok &= interval.as_ref().is_none_or(Option::is_some);
    ok &= inactivity.as_ref().is_none_or(Option::is_some);
    let watermark_expiration = opts.bool(&ROLLING_WATERMARK_EXPIRATION);

    let prefix = opts.string(&FILENAME_PREFIX).map(|s| s.node);
    let suffix = opts.string(&FILENAME_SUFFIX).map(|s| s.node);
    let strategy = opts.choice::<FilenameStrategy>(&FILENAME_STRATEGY);

    let part_size = opts.data_size(&MULTIPART_TARGET_PART_SIZE);
    let part_size = match part_size {
        Some(s) if s.node < MIN_PART_SIZE => {
            size_error(
                opts,
                &MULTIPART_TARGET_PART_SIZE,
                s.span,
                format!(
                    "parts must be at least 5mb, found {}",
                    format_data_size(s.node)
                ),
                "object stores reject smaller multipart parts; e.g. `multipart.target_part_size = '32mb'`".into(),
            );
            ok = false;
            None
        }
        s => s.map(|s| s.node),
    };
    let max_parts = opts.non_zero(&MULTIPART_MAX_PARTS).map(|n| n.node);
    // Arroyo's form documents at most 2mb, but neither its runtime (which starts a
    // multipart upload once a file has buffered this much) nor any store limits it.
    let minimum = opts.data_size(&MULTIPART_MINIMUM_SIZE);
    let version = opts.choice::<SinkVersion>(&SINK_VERSION);
    if let (Some(m), Some(SinkVersion::V1)) = (&minimum, version.as_ref().map(|v| v.node)) {
        opts.report(
            crate::messages::not_applicable(m.span,
                "`multipart.minimum_multipart_size` is only used by the v2 writer, and `sink.version` is `v1`",
            )
            .with_help("set `sink.version = 'v2'`, or remove it"),
        );
    }
    if !ok {
        return None;
    }
    Some(WriterSettings {
        rolling_policy: RollingPolicy {
            file_size_bytes: file_size,
            interval_seconds: interval.flatten(),
            inactivity_seconds: inactivity.flatten(),
            watermark_expiration: watermark_expiration.is_some_and(|w| w.node),
        },
        file_naming: FileNaming {
            prefix,
            suffix,
            strategy: strategy?.node,
        },
        multipart: Multipart {
            target_part_size_bytes: part_size?,
            max_parts: max_parts?,
            minimum_multipart_size: minimum.map(|m| m.node),
        },
        version: version?.node,
    })
}

/// Reads the options of a file sink (filesystem and delta). Pulls every option before
/// giving up, so all mistakes are reported at once.
pub(crate) fn sink_from_options(opts: &mut ConnectorOptions) -> Option<FileSystemSink> {
    let path = path_from_options(opts);
    let storage_options = storage_from_options(opts);
    let writer = writer_from_options(opts);
    let mut ok = true;

    let fields = opts.list(&PARTITIONING_FIELDS);
    if let Some(list) = &fields {
        let mut seen: Vec<&str> = Vec::new();
        for f in &list.node {
            if seen.contains(&f.node.as_str()) {
                let span = if f.span.is_detached() {
                    list.span
                } else {
                    f.span
                };
                opts.report(
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        span,
                        format!("`partitioning.fields` names column `{}` twice", f.node),
                    )
                    .with_help("list each partition column once"),
                );
                ok = false;
            }
            seen.push(&f.node);
        }
    }
    let time_pattern = opts.string(&PARTITIONING_TIME_PATTERN);
    let time_pattern = match time_pattern {
        Some(p) => match check_time_pattern(&p.node) {
            Ok(()) => Some(p),
            Err(msg) => {
                opts.report(
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        p.span,
                        format!("invalid value for `partitioning.time_pattern`: {msg}"),
                    )
                    .with_help("use strftime specifiers, e.g. `'year=%Y/month=%m/day=%d'`"),
                );
                ok = false;
                None
            }
        },
        None => None,
    };
    let shuffle = opts.bool(&SHUFFLE_BY_PARTITION);

    // Settings that Arroyo accepts and then ignores: say so.
    let expiration = writer
        .as_ref()
        .is_some_and(|w| w.rolling_policy.watermark_expiration);
    if expiration && !opts.contains(PARTITIONING_TIME_PATTERN.key) {
        let span = opts
            .peek(ROLLING_WATERMARK_EXPIRATION.key)
            .map(|v| v.span)
            .unwrap_or(opts.anchor());
        opts.report(
            crate::messages::not_applicable(span,
                "`rolling_policy.watermark_expiration` only applies to time partitions, and `partitioning.time_pattern` is not set",
            )
            .with_help("set `partitioning.time_pattern`, or remove `rolling_policy.watermark_expiration`"),
        );
    }
    if let Some(s) = &shuffle {
        let partitioned = fields.as_ref().is_some_and(|f| !f.node.is_empty())
            || opts.contains(PARTITIONING_TIME_PATTERN.key);
        if s.node && !partitioned {
            opts.report(
                crate::messages::not_applicable(
                    s.span,
                    "`shuffle_by_partition.enabled` has no effect without partitions",
                )
                .with_help(
                    "set `partitioning.fields` or `partitioning.time_pattern`, or remove it",
                ),
            );
        }
    }

    if !ok {
        return None;
    }
    let writer = writer?;
    Some(FileSystemSink {
        path: path?,
        storage_options,
        rolling_policy: writer.rolling_policy,
        file_naming: writer.file_naming,
        partitioning: Partitioning {
            time_pattern: time_pattern.map(|p| p.node),
            fields: fields
                .map(|f| f.node.into_iter().map(|f| f.node).collect())
                .unwrap_or_default(),
            shuffle_by_partition: ShuffleByPartition {
                enabled: shuffle.is_some_and(|s| s.node),
            },
        },
        multipart: writer.multipart,
        version: writer.version,
    })
}

/// Checks a file sink against its finished schema: partition columns exist (unless the
/// sink has no columns, when the query supplies them) and the format can be written.
///
/// `carried` are the formats the connector accepts at all (those outside it were reported
/// already); `allowed` are those its sinks can write.
pub(crate) fn check_sink(
    connector: &str,
    sink: &FileSystemSink,
    carried: &[&str],
    allowed: &[&str],
    schema: &ConnectionSchema,
    opts: &mut ConnectorOptions,
) {
    if let Some(f) = &schema.format {
        if carried.contains(&f.name()) && !allowed.contains(&f.name()) {
            let span = opts.peek("format").map(|v| v.span).unwrap_or(opts.anchor());
            let list: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
            opts.report(
                Diagnostic::error(
                    codes::FORMAT_NOT_SUPPORTED,
                    span,
                    format!("a `{connector}` sink cannot write format `{}`", f.name()),
                )
                .with_help(format!("`{connector}` sinks write {}", list.join(" or "))),
            );
        }
    }
    if schema.fields.is_empty() {
        return; // an inferred sink: the planner checks against the query
    }
    let written = opts.peek(PARTITIONING_FIELDS.key).cloned();
    for name in &sink.partitioning.fields {
        // `_timestamp` is the event time every record carries.
        if schema.field(name).is_some() || name == "_timestamp" {
            continue;
        }
        let span = match &written {
            Some(Spanned {
                node: Value::Array(items),
                span,
            }) => items
                .iter()
                .find(|i| matches!(&i.node, Value::String(s) | Value::Ident(s) if s.trim() == name))
                .map(|i| i.span)
                .unwrap_or(*span),
            Some(v) => v.span,
            None => opts.anchor(),
        };
        let names: Vec<&str> = schema.fields.iter().map(|f| f.name().as_str()).collect();
        opts.report(crate::messages::unknown_column(
            span,
            name,
            "`partitioning.fields`",
            &names,
        ));
    }
}

/// The column rule of a sink-only table format (delta, iceberg): generated columns are
/// refused, since a sink writes the columns of the query inserted into it. Returns whether
/// everything was in order; every problem is reported.
pub(crate) fn sink_only(
    opts: &mut ConnectorOptions,
    cx: &TableContext<'_>,
    connector: &str,
) -> bool {
    let mut ok = true;
    for g in cx.generated {
        opts.report(
            Diagnostic::error(
                codes::COLUMN_OPTION_CONFLICT,
                g.span,
                format!(
                    "`{connector}` sinks cannot have generated columns, but `{}` is generated",
                    g.node
                ),
            )
            .with_help(
                "remove the column; a sink writes the columns of the query inserted into it",
            ),
        );
        ok = false;
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_paths() {
        assert_eq!(check_storage_path("/data/out"), Ok("local"));
        assert_eq!(check_storage_path("file:///data/out"), Ok("local"));
        assert_eq!(check_storage_path("file:/data/out"), Ok("local"));
        assert_eq!(check_storage_path("s3://bucket/prefix"), Ok("s3"));
        assert_eq!(check_storage_path("s3a://bucket"), Ok("s3"));
        assert_eq!(
            check_storage_path("s3::http://localhost:9000/bucket/x"),
            Ok("s3")
        );
        assert_eq!(check_storage_path("r2://acct@bucket/x"), Ok("r2"));
        assert_eq!(check_storage_path("gs://bucket/x"), Ok("gcs"));
        assert_eq!(
            check_storage_path("abfss://c@acct.dfs.core.windows.net/x"),
            Ok("azure")
        );
        assert_eq!(
            check_storage_path("https://s3.us-east-1.amazonaws.com/bucket/x"),
            Ok("s3")
        );
        assert_eq!(
            check_storage_path("https://bucket.s3.us-east-1.amazonaws.com/x"),
            Ok("s3")
        );
        assert_eq!(
            check_storage_path("https://storage.googleapis.com/bucket"),
            Ok("gcs")
        );
        assert_eq!(
            check_storage_path("https://acct.blob.core.windows.net/container/x"),
            Ok("azure")
        );
    }

    #[test]
    fn storage_paths_rejected() {
        for p in [
            "data/out",
            "s3://",
            "s3:///key",
            "gs://",
            "http://example.com/x",
            "https://example.com/x",
            "https://s3.us-east-1.amazonaws.com/",
            "ftp://host/x",
            "abfss://acct.dfs.core.windows.net/x",
            "s3::localhost:9000/bucket",
            "file://relative",
        ] {
            assert!(check_storage_path(p).is_err(), "{p}");
        }
    }

    #[test]
    fn time_patterns() {
        assert_eq!(check_time_pattern("%Y/%m/%d/%H"), Ok(()));
        assert_eq!(check_time_pattern("year=%Y/day=%-d"), Ok(()));
        assert_eq!(check_time_pattern("%Y%.3f"), Ok(()));
        assert!(check_time_pattern("%Q").is_err());
        assert!(check_time_pattern("%Y/%").is_err());
        assert!(check_time_pattern("static").is_err());
    }
}
