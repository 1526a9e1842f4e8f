//! `iceberg`: write an Apache Iceberg table through a REST catalog (a sink only).
//!
//! The catalog options (`catalog.*`) form the profile, from the WITH clause or a
//! connection profile. The table is partitioned with `PARTITIONED BY (transform(col), …)`
//! (Iceberg's transforms), not with the filesystem's `partitioning.*` options; the writer
//! settings (`rolling_policy.*`, `filename.*`, `multipart.*`, `sink.version`) are the
//! filesystem sink's. As in Arroyo, top-level timestamps are stored in microseconds and
//! the format defaults to Parquet (the only one).
//!
//! Fixes over Arroyo: a transform's column must exist and have a type the transform takes,
//! `bucket`/`truncate` arguments must be positive (Arroyo fails when the job is planned),
//! extra arguments are errors (Arroyo ignores them), the catalog URL is checked, and
//! generated columns get a diagnostic instead of a crash.

use arrow_schema::{DataType, Field};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use super::delta::coerce_timestamps;
use super::file_sink::{
    self, FileNaming, Multipart, RollingPolicy, ShuffleByPartition, SinkVersion,
};
use crate::connector::{Connector, TableContext};
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionSpec};
use crate::parse::SqlExpr;
use crate::profile::Secret;
use crate::span::{Span, Spanned};

option_specs! {
    PROFILE_OPTIONS = [
        pub(crate) CATALOG_TYPE = one_of("catalog.type", &["rest"]).required().doc("The catalog kind; only `rest` is supported.");
        pub(crate) CATALOG_WAREHOUSE = string("catalog.warehouse").doc("Warehouse name or location passed to the catalog.");
        pub(crate) CATALOG_REST_URL = string("catalog.rest.url").required().doc("URL of the REST catalog (`http://` or `https://`).");
        pub(crate) CATALOG_REST_TOKEN = string("catalog.rest.token").sensitive().doc("Bearer token for the catalog; `{{ VAR }}` placeholders allowed.");
    ]
}

option_specs! {
    pub(crate) NAMESPACE = string("namespace").default_str("default").doc("Namespace of the table; nested namespaces are separated by `.`.");
    pub(crate) TABLE_NAME = string("table_name").required().doc("Name of the table in the catalog.");
    pub(crate) LOCATION_PATH = string("location_path").doc("Where the table's files are written, if not where the catalog says.");
}

const TABLE_OPTIONS: &[OptionSpec] = &[
    NAMESPACE,
    TABLE_NAME,
    LOCATION_PATH,
    file_sink::STORAGE,
    file_sink::SHUFFLE_BY_PARTITION,
    file_sink::ROLLING_FILE_SIZE,
    file_sink::ROLLING_INTERVAL,
    file_sink::ROLLING_INACTIVITY,
    file_sink::ROLLING_WATERMARK_EXPIRATION,
    file_sink::FILENAME_PREFIX,
    file_sink::FILENAME_SUFFIX,
    file_sink::FILENAME_STRATEGY,
    file_sink::MULTIPART_TARGET_PART_SIZE,
    file_sink::MULTIPART_MAX_PARTS,
    file_sink::MULTIPART_MINIMUM_SIZE,
    file_sink::SINK_VERSION,
];

/// The Iceberg connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Iceberg;

/// An Iceberg catalog connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IcebergProfile {
    /// The catalog.
    pub catalog: IcebergCatalog,
}

/// An Iceberg catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IcebergCatalog {
    /// A REST catalog.
    Rest {
        /// Catalog URL.
        url: String,
        /// Warehouse.
        warehouse: Option<String>,
        /// Bearer token.
        token: Option<Secret>,
    },
}

/// An Iceberg sink.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IcebergTable {
    /// Namespace (dot-separated levels).
    pub namespace: String,
    /// Table name.
    pub table_name: String,
    /// Where files are written, if given.
    pub location_path: Option<String>,
    /// Object-store settings; the values of secret-named keys (`aws_secret_access_key`,
    /// `…token`, `…password`) never print.
    #[serde(serialize_with = "crate::profile::serialize_storage")]
    pub storage_options: std::collections::BTreeMap<String, Secret>,
    /// When files roll.
    pub rolling_policy: RollingPolicy,
    /// How files are named.
    pub file_naming: FileNaming,
    /// The partition spec.
    pub partitioning: IcebergPartitioning,
    /// Multipart upload settings.
    pub multipart: Multipart,
    /// Which writer.
    pub version: SinkVersion,
}

/// The partition spec of an Iceberg sink.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IcebergPartitioning {
    /// One entry per `PARTITIONED BY` item.
    pub fields: Vec<IcebergPartitionField>,
    /// Route each partition to one writer.
    pub shuffle_by_partition: ShuffleByPartition,
}

/// One partition field: a transform of a column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IcebergPartitionField {
    /// The source column.
    pub field: String,
    /// The transform.
    pub transform: IcebergTransform,
    /// The partition field's name, `{field}_{transform}`.
    pub name: String,
}

/// An Iceberg partition transform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IcebergTransform {
    /// The value itself.
    Identity,
    /// A hash into `n` buckets.
    Bucket {
        /// Number of buckets.
        n: u32,
    },
    /// The value truncated to `width`.
    Truncate {
        /// Truncation width.
        width: u32,
    },
    /// Year of a timestamp or date.
    Year,
    /// Month of a timestamp or date.
    Month,
    /// Day of a timestamp or date.
    Day,
    /// Hour of a timestamp.
    Hour,
    /// Always null.
    Void,
}

impl IcebergTransform {
    /// The suffix of generated partition field names (`bucket_16`, `day`).
    pub(crate) fn suffix(self) -> String {
        match self {
            IcebergTransform::Identity => "identity".into(),
            IcebergTransform::Bucket { n } => format!("bucket_{n}"),
            IcebergTransform::Truncate { width } => format!("truncate_{width}"),
            IcebergTransform::Year => "year".into(),
            IcebergTransform::Month => "month".into(),
            IcebergTransform::Day => "day".into(),
            IcebergTransform::Hour => "hour".into(),
            IcebergTransform::Void => "void".into(),
        }
    }

    /// Whether the transform accepts a column of type `t` (Iceberg's spec), and what it
    /// needs when it does not.
    pub(crate) fn accepts(self, t: &DataType) -> Result<(), &'static str> {
        use DataType as D;
        let temporal = matches!(t, D::Timestamp(_, _) | D::Date32 | D::Date64);
        // What `truncate` takes; `bucket` takes these and more.
        let truncatable = matches!(
            t,
            D::Int32
                | D::Int64
                | D::UInt32
                | D::UInt64
                | D::Decimal128(_, _)
                | D::Utf8
                | D::LargeUtf8
                | D::Binary
                | D::LargeBinary
        );
        let nested = matches!(
            t,
            D::Struct(_) | D::List(_) | D::LargeList(_) | D::FixedSizeList(_, _) | D::Map(_, _)
        );
        match self {
            IcebergTransform::Void => Ok(()),
            IcebergTransform::Identity if !nested => Ok(()),
            IcebergTransform::Identity => Err("a primitive column"),
            IcebergTransform::Year | IcebergTransform::Month | IcebergTransform::Day
                if temporal =>
            {
                Ok(())
            }
            IcebergTransform::Year | IcebergTransform::Month | IcebergTransform::Day => {
                Err("a TIMESTAMP or DATE column")
            }
            IcebergTransform::Hour if matches!(t, D::Timestamp(_, _)) => Ok(()),
            IcebergTransform::Hour => Err("a TIMESTAMP column"),
            IcebergTransform::Bucket { .. }
                if truncatable
                    || matches!(
                        t,
                        D::FixedSizeBinary(_) | D::Timestamp(_, _) | D::Date32 | D::Time64(_)
                    ) =>
            {
                Ok(())
            }
            IcebergTransform::Bucket { .. } => {
                Err("an integer, DECIMAL, TEXT, BYTEA, DATE, TIME or TIMESTAMP column")
            }
            IcebergTransform::Truncate { .. } if truncatable => Ok(()),
            IcebergTransform::Truncate { .. } => Err("an integer, DECIMAL, TEXT or BYTEA column"),
        }
    }
}

/// A mistake in one `PARTITIONED BY` item: message, help, and the byte range inside the
/// item's text it is about (`None` for the whole item).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TransformError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Byte range within the item's text.
    pub range: Option<(usize, usize)>,
}

const TRANSFORM_HELP: &str = "write `identity(col)`, `bucket(col, n)`, `truncate(col, width)`, `year(col)`, `month(col)`, `day(col)`, `hour(col)` or `void(col)`";

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Byte range of `piece` (a subslice of `text`) inside `text`.
fn range_of(text: &str, piece: &str) -> Option<(usize, usize)> {
    let start = (piece.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + piece.len() <= text.len()).then_some((start, start + piece.len()))
}

/// Parses one `PARTITIONED BY` item: `transform(column[, n])`. Returns the column (without
/// quotes), its byte range, and the transform.
pub(crate) fn parse_transform(
    text: &str,
) -> Result<(String, (usize, usize), IcebergTransform), TransformError> {
    let err = |message: String, help: &str, piece: Option<&str>| TransformError {
        message,
        help: help.to_string(),
        range: piece.and_then(|p| range_of(text, p)),
    };
    let trimmed = text.trim();
    let Some((name, rest)) = trimmed.split_once('(') else {
        return Err(err(
            format!("`{trimmed}` is not a partition transform"),
            &format!("Iceberg partitions by a transform of a column, e.g. `identity({trimmed})`; {TRANSFORM_HELP}"),
            None,
        ));
    };
    let name = name.trim();
    let Some(inner) = rest.trim_end().strip_suffix(')') else {
        return Err(err(
            format!("`{trimmed}` is not a partition transform"),
            TRANSFORM_HELP,
            None,
        ));
    };
    let known = [
        "identity", "bucket", "truncate", "year", "month", "day", "hour", "void",
    ];
    if !known.contains(&name) {
        let help = if known.contains(&name.to_ascii_lowercase().as_str()) {
            format!(
                "transform names are lower-case: `{}`",
                name.to_ascii_lowercase()
            )
        } else {
            match crate::options::grammar::did_you_mean(name, known.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => TRANSFORM_HELP.to_string(),
            }
        };
        return Err(err(
            format!("unknown Iceberg partition transform `{name}`"),
            &help,
            Some(name),
        ));
    }
    let args: Vec<&str> = if inner.trim().is_empty() {
        Vec::new()
    } else {
        inner.split(',').map(str::trim).collect()
    };
    let wanted = if matches!(name, "bucket" | "truncate") {
        2
    } else {
        1
    };
    let usage = match name {
        "bucket" => "bucket(col, n)".to_string(),
        "truncate" => "truncate(col, width)".to_string(),
        other => format!("{other}(col)"),
    };
    if args.len() != wanted {
        let extra = args.get(wanted).copied();
        return Err(err(
            format!(
                "transform `{name}` takes {wanted} argument{}, found {}",
                if wanted == 1 { "" } else { "s" },
                args.len()
            ),
            &format!("write `{usage}`"),
            extra.or(Some(name)),
        ));
    }
    let col_text = args.first().copied().unwrap_or("");
    let col = if let Some(q) = col_text.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        q.replace("\"\"", "\"")
    } else if is_ident(col_text) {
        col_text.to_string()
    } else {
        return Err(err(
            format!("the first argument of `{name}` must be a column name, found `{col_text}`"),
            &format!("write `{usage}`"),
            Some(col_text),
        ));
    };
    let col_range = range_of(text, col_text).unwrap_or((0, text.len()));
    let number = |what: &str| -> Result<u32, TransformError> {
        let arg = args.get(1).copied().unwrap_or("");
        match arg.parse::<u32>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(err(
                format!(
                    "the {what} of `{name}` must be an integer from 1 to 4294967295, found `{arg}`"
                ),
                &format!("write `{usage}`"),
                Some(arg),
            )),
        }
    };
    let transform = match name {
        "identity" => IcebergTransform::Identity,
        "bucket" => IcebergTransform::Bucket {
            n: number("bucket count")?,
        },
        "truncate" => IcebergTransform::Truncate {
            width: number("width")?,
        },
        "year" => IcebergTransform::Year,
        "month" => IcebergTransform::Month,
        "day" => IcebergTransform::Day,
        "hour" => IcebergTransform::Hour,
        _ => IcebergTransform::Void,
    };
    Ok((col, col_range, transform))
}

/// The span of `range` inside `expr` (whose text is exactly its source slice).
fn sub_span(expr: &SqlExpr, range: Option<(usize, usize)>) -> Span {
    match range {
        Some((a, b)) if expr.span.len() == expr.text.len() && !expr.span.is_detached() => {
            Span::new(expr.span.start + a, expr.span.start + b)
        }
        _ => expr.span,
    }
}

fn partitions(
    opts: &mut ConnectorOptions,
    clause: &Spanned<Vec<SqlExpr>>,
    fields: &[Field],
) -> Option<Vec<IcebergPartitionField>> {
    let mut out = Vec::new();
    let mut ok = true;
    if fields.is_empty() && !clause.node.is_empty() {
        opts.report(
            Diagnostic::error(
                codes::UNKNOWN_COLUMN,
                clause.span,
                "`PARTITIONED BY` names columns, but the table declares none",
            )
            .with_help("declare the table's columns, or remove `PARTITIONED BY`"),
        );
        return None;
    }
    for expr in &clause.node {
        match parse_transform(&expr.text) {
            Err(e) => {
                opts.report(
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        sub_span(expr, e.range),
                        format!("invalid `PARTITIONED BY` item: {}", e.message),
                    )
                    .with_help(e.help),
                );
                ok = false;
            }
            Ok((col, range, transform)) => {
                let span = sub_span(expr, Some(range));
                match fields.iter().find(|f| *f.name() == col) {
                    None => {
                        let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
                        opts.report(crate::messages::unknown_column(
                            span,
                            &col,
                            "`PARTITIONED BY`",
                            &names,
                        ));
                        ok = false;
                    }
                    Some(f) => {
                        if let Err(needs) = transform.accepts(f.data_type()) {
                            opts.report(
                                Diagnostic::error(
                                    codes::INVALID_VALUE,
                                    span,
                                    format!(
                                        "transform `{}` needs {needs}, but `{col}` is {}",
                                        transform.suffix().split('_').next().unwrap_or(""),
                                        crate::parse::types::sql_name(f.data_type(), false)
                                    ),
                                )
                                .with_help(format!("partition `{col}` with another transform, e.g. `identity({col})`")),
                            );
                            ok = false;
                        }
                        out.push(IcebergPartitionField {
                            name: format!("{col}_{}", transform.suffix()),
                            field: col,
                            transform,
                        });
                    }
                }
            }
        }
    }
    ok.then_some(out)
}

fn check_catalog_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`{url}` is not an `http://` or `https://` URL"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let (name, port) = match host.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || host.starts_with('[') => (h, Some(p)),
        _ => (host, None),
    };
    if name.is_empty() {
        return Err(format!("`{url}` has no host"));
    }
    if let Some(p) = port {
        if !matches!(p.parse::<u16>(), Ok(n) if n > 0) {
            return Err(format!("`{p}` is not a valid port in `{url}`"));
        }
    }
    Ok(())
}

connector_spec! {
    "iceberg", "Iceberg", "Write to an Iceberg table through a REST catalog; partition with `PARTITIONED BY (identity(c), bucket(c, n), truncate(c, w), year|month|day|hour(ts), void(c))`; top-level TIMESTAMP columns are stored in microseconds";
    roles: SINK;
    type_option;
    partitioned;
    formats: optional(&["parquet"]);
    profile_options: PROFILE_OPTIONS;
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("catalog.type", "'rest'"), ("catalog.rest.url", "'http://localhost:8181'"), ("type", "'sink'"), ("table_name", "'orders'"), ("format", "'parquet'")];
}

impl Connector for Iceberg {
    connector_types!(IcebergProfile, IcebergTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<IcebergProfile> {
        let ty = opts.enumeration(&CATALOG_TYPE);
        let warehouse = opts.string(&CATALOG_WAREHOUSE).map(|w| w.node);
        let url = opts.string(&CATALOG_REST_URL);
        let url = url.and_then(|u| match check_catalog_url(&u.node) {
            Ok(()) => Some(u.node),
            Err(msg) => {
                opts.report(
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        u.span,
                        format!("invalid value for `catalog.rest.url`: {msg}"),
                    )
                    .with_help("e.g. `catalog.rest.url = 'http://localhost:8181'`"),
                );
                None
            }
        });
        let token = opts
            .string(&CATALOG_REST_TOKEN)
            .map(|t| Secret::new(t.node));
        ty?;
        Some(IcebergProfile {
            catalog: IcebergCatalog::Rest {
                url: url?,
                warehouse,
                token,
            },
        })
    }

    fn description(&self, _profile: &IcebergProfile, table: &IcebergTable) -> String {
        format!("iceberg table '{}.{}'", table.namespace, table.table_name)
    }

    fn adjust_fields(&self, _table: &IcebergTable, fields: Vec<Field>) -> Vec<Field> {
        coerce_timestamps(fields)
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<IcebergTable> {
    let mut ok = file_sink::sink_only(opts, cx, "iceberg");
    let namespace = opts.string(&NAMESPACE);
    let namespace = match namespace {
        Some(n) if n.node.split('.').any(|level| level.trim().is_empty()) => {
            opts.report(
                Diagnostic::error(
                    codes::INVALID_VALUE,
                    n.span,
                    format!(
                        "invalid value for `namespace`: `{}` has an empty level",
                        n.node
                    ),
                )
                .with_help("separate namespace levels with single dots, e.g. `analytics.events`"),
            );
            ok = false;
            None
        }
        n => n.map(|n| n.node),
    };
    let table_name = opts.string(&TABLE_NAME);
    let location = opts.string(&LOCATION_PATH);
    let location = match location {
        Some(l) => match file_sink::check_storage_path(&l.node) {
            Ok(_) => Some(l.node),
            Err((msg, help)) => {
                opts.report(
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        l.span,
                        format!("invalid value for `location_path`: {msg}"),
                    )
                    .with_help(help),
                );
                ok = false;
                None
            }
        },
        None => None,
    };
    let storage_options = file_sink::storage_from_options(opts);
    let shuffle = opts.bool(&file_sink::SHUFFLE_BY_PARTITION);
    let writer = file_sink::writer_from_options(opts);
    let fields = match cx.partitioned_by {
        Some(clause) => partitions(opts, clause, cx.fields),
        None => Some(Vec::new()),
    };
    if let (Some(s), Some(f)) = (&shuffle, &fields) {
        if s.node && f.is_empty() {
            opts.report(
                crate::messages::not_applicable(
                    s.span,
                    "`shuffle_by_partition.enabled` has no effect without partitions",
                )
                .with_help("add `PARTITIONED BY (…)` after the WITH clause, or remove it"),
            );
        }
    }
    if let Some(w) = &writer {
        if w.rolling_policy.watermark_expiration {
            let span = opts
                .peek(file_sink::ROLLING_WATERMARK_EXPIRATION.key)
                .map(|v| v.span)
                .unwrap_or(opts.anchor());
            opts.report(crate::messages::not_applicable(span,
                "`rolling_policy.watermark_expiration` only applies to filesystem time partitions and has no effect on an Iceberg sink",
            ));
        }
    }
    if !ok {
        return None;
    }
    let writer = writer?;
    Some(IcebergTable {
        namespace: namespace?,
        table_name: table_name?.node,
        location_path: location,
        storage_options,
        rolling_policy: writer.rolling_policy,
        file_naming: writer.file_naming,
        partitioning: IcebergPartitioning {
            fields: fields?,
            shuffle_by_partition: ShuffleByPartition {
                enabled: shuffle.is_some_and(|s| s.node),
            },
        },
        multipart: writer.multipart,
        version: writer.version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms_parse() {
        let (c, r, t) = parse_transform("bucket(id, 16)").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (c.as_str(), r, t),
            ("id", (7, 9), IcebergTransform::Bucket { n: 16 })
        );
        let (c, _, t) = parse_transform("day( ts )").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((c.as_str(), t), ("ts", IcebergTransform::Day));
        let (c, _, t) =
            parse_transform("truncate(\"Name\", 4)").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (c.as_str(), t),
            ("Name", IcebergTransform::Truncate { width: 4 })
        );
        let (_, _, t) = parse_transform("identity(x)").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(t, IcebergTransform::Identity);
    }

    #[test]
    fn transforms_rejected() {
        let e = parse_transform("region").err().map(|e| e.message);
        assert_eq!(e.as_deref(), Some("`region` is not a partition transform"));
        let e = parse_transform("bucket(id, 0)").err().map(|e| e.range);
        assert_eq!(e, Some(Some((11, 12))));
        let e = parse_transform("identity(x, 5)").err().map(|e| e.message);
        assert_eq!(
            e.as_deref(),
            Some("transform `identity` takes 1 argument, found 2")
        );
        let e = parse_transform("BUCKET(id, 4)").err().map(|e| e.help);
        assert_eq!(
            e.as_deref(),
            Some("transform names are lower-case: `bucket`")
        );
        assert!(parse_transform("bucket(id)").is_err());
        assert!(parse_transform("hours(ts)").is_err());
        assert!(parse_transform("day(a + b)").is_err());
    }

    #[test]
    fn transform_types() {
        use arrow_schema::TimeUnit;
        let ts = DataType::Timestamp(TimeUnit::Microsecond, None);
        assert_eq!(IcebergTransform::Hour.accepts(&ts), Ok(()));
        assert!(IcebergTransform::Hour.accepts(&DataType::Utf8).is_err());
        assert_eq!(
            IcebergTransform::Truncate { width: 2 }.accepts(&DataType::Utf8),
            Ok(())
        );
        assert!(IcebergTransform::Truncate { width: 2 }
            .accepts(&DataType::Float64)
            .is_err());
        assert!(IcebergTransform::Bucket { n: 2 }
            .accepts(&DataType::Boolean)
            .is_err());
    }

    #[test]
    fn catalog_urls() {
        assert_eq!(check_catalog_url("http://localhost:8181"), Ok(()));
        assert_eq!(check_catalog_url("https://catalog.example.com/api"), Ok(()));
        assert!(check_catalog_url("localhost:8181").is_err());
        assert!(check_catalog_url("http://:8181").is_err());
        assert!(check_catalog_url("http://host:99999").is_err());
    }
}
