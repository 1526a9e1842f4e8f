//! `redis`: write to Redis (string keys, lists or hashes), or look rows up by Redis key.
//!
//! Redis is the one connector that can be a lookup table: `CREATE TEMPORARY TABLE … WITH
//! (connector = 'redis', …)` (or `type = 'lookup'`) is queried by key in a lookup join.
//! Arroyo finds several mistakes here only when the job starts or the query is planned;
//! we find them at compile time:
//! - addresses are checked (`redis://` and `rediss://`; Arroyo's DDL accepts `rediss://`
//!   but its runtime config pattern rejects it, so we settle on accepting both);
//! - `cluster.addresses` entries are trimmed;
//! - a lookup table must have a primary key, and it must be the Redis key column
//!   `name TEXT METADATA FROM 'key'` (Arroyo accepts a table without one and fails later);
//! - key and field columns of sinks must be NOT NULL TEXT columns of the table.

use arrow_schema::DataType;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, connector_types};
use crate::connector::{ConnectionType, Connector, MetadataDef, TableContext, MESSAGE_FORMATS};
use crate::connectors::common::{checked, named_column, report_neither, secret};
use crate::connectors::endpoint::parse_endpoint;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec};
use crate::profile::Secret;
use crate::schema::ConnectionSchema;
use crate::span::Spanned;

/// Schemes a Redis address may have.
const SCHEMES: &[&str] = &["redis", "rediss"];

option_specs! {
    PROFILE_OPTIONS = [
        pub(crate) ADDRESS = string("address").doc("Address of a single Redis server, `redis://host:port` or `rediss://host:port` (TLS); set this or `cluster.addresses`.");
        pub(crate) CLUSTER_ADDRESSES = new("cluster.addresses", OptionKind::List).doc("Addresses of the nodes of a Redis cluster, `'redis://a:6379, redis://b:6379'`; set this or `address`.");
        pub(crate) USERNAME = string("username").doc("User name; `{{ VAR }}` placeholders allowed.");
        pub(crate) PASSWORD = string("password").sensitive().doc("Password; `{{ VAR }}` placeholders allowed.");
    ]
}

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) TARGET = one_of("target", &["string", "list", "hash"]).required().sink_only().doc("What each row is written as: a string key, an element of a list, or a field of a hash.");
        pub(crate) TARGET_KEY_PREFIX = string("target.key_prefix").required().sink_only().doc("Prefix of the Redis keys written (of lists for `target = 'list'`, of hashes for `target = 'hash'`).");
        pub(crate) TARGET_KEY_COLUMN = string("target.key_column").sink_only().doc("NOT NULL TEXT column appended to the key prefix to form each row's key.");
        pub(crate) TARGET_TTL_SECS = new("target.ttl_secs", OptionKind::NonZero).sink_only().when("target", &["string"]).doc("Expiry of the written keys, in seconds.");
        pub(crate) TARGET_MAX_LENGTH = new("target.max_length", OptionKind::NonZero).sink_only().when("target", &["list"]).doc("Trim lists to this many elements.");
        pub(crate) TARGET_OPERATION = one_of("target.operation", &["append", "prepend"]).default_str("append").sink_only().when("target", &["list"]).doc("Where rows are added to the list.");
        pub(crate) TARGET_FIELD_COLUMN = string("target.field_column").required().sink_only().when("target", &["hash"]).doc("NOT NULL TEXT column holding the hash field each row is written to.");
    ]
}

/// The Redis key of a looked-up row.
const METADATA: &[MetadataDef] = &[MetadataDef {
    key: "key",
    data_type: DataType::Utf8,
    doc: "The Redis key (lookup tables: the primary key column).",
}];

/// The Redis connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Redis;

/// A Redis connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RedisProfile {
    /// One server or a cluster.
    pub connection: RedisConnection,
    /// User name.
    pub username: Option<String>,
    /// Password.
    pub password: Option<Secret>,
}

/// Where Redis runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RedisConnection {
    /// A single server.
    Standard {
        /// `redis://host:port` or `rediss://host:port`.
        address: String,
    },
    /// A cluster.
    Clustered {
        /// The nodes, trimmed.
        addresses: Vec<String>,
    },
}

/// One Redis table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RedisTable {
    /// Sink or lookup settings.
    #[serde(rename = "type")]
    pub kind: RedisTableKind,
}

/// Sink or lookup settings of a Redis table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RedisTableKind {
    /// Writes rows to Redis.
    Sink {
        /// What each row is written as.
        target: RedisTarget,
    },
    /// Looked up by key in a lookup join.
    Lookup {},
}

/// What a Redis sink writes each row as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RedisTarget {
    /// `SET prefix+key row`.
    String {
        /// Key prefix.
        key_prefix: String,
        /// Column appended to the prefix.
        key_column: Option<String>,
        /// Expiry in seconds.
        ttl_secs: Option<u64>,
    },
    /// `RPUSH`/`LPUSH prefix+key row`.
    List {
        /// List key prefix.
        key_prefix: String,
        /// Column appended to the prefix.
        key_column: Option<String>,
        /// Maximum list length.
        max_length: Option<u64>,
        /// Append or prepend.
        operation: ListOperation,
    },
    /// `HSET prefix+key field row`.
    Hash {
        /// Hash key prefix.
        key_prefix: String,
        /// Column appended to the prefix.
        key_column: Option<String>,
        /// Column naming the hash field.
        field_column: String,
    },
}

/// Where a list sink adds rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ListOperation {
    /// At the tail (`RPUSH`).
    Append,
    /// At the head (`LPUSH`).
    Prepend,
}

/// `target`: what each row of a sink is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum TargetKind {
    /// A string key per row.
    String,
    /// An element of a list.
    List,
    /// A field of a hash.
    Hash,
}

/// Checks one address; reports at `span` and returns `None` when it is invalid.
fn check_address(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
    s: Spanned<String>,
) -> Option<String> {
    checked(
        opts,
        spec,
        Some(s),
        Some("write `redis://host:6379`, or `rediss://host:6379` for TLS"),
        |a| parse_endpoint(a, SCHEMES, None).map(|_| a.trim().to_string()),
    )
}

fn connection(opts: &mut ConnectorOptions) -> Option<RedisConnection> {
    let address = opts.string(&ADDRESS);
    let cluster = opts.list(&CLUSTER_ADDRESSES);
    // Present but invalid (already reported): not "missing".
    let invalid = (address.is_none() && opts.contains(ADDRESS.key))
        || (cluster.is_none() && opts.contains(CLUSTER_ADDRESSES.key));
    if let (Some(a), Some(c)) = (
        opts.key_span(ADDRESS.key),
        opts.key_span(CLUSTER_ADDRESSES.key),
    ) {
        opts.report(
            Diagnostic::error(
                codes::OPTION_CONFLICT,
                c,
                "only one of `address` and `cluster.addresses` may be set",
            )
            .with_label(a, "`address` set here")
            .with_help("use `address` for a single server, `cluster.addresses` for a cluster"),
        );
        return None;
    }
    match (address, cluster) {
        (Some(_), Some(_)) => None,
        (Some(a), None) => {
            check_address(opts, &ADDRESS, a).map(|address| RedisConnection::Standard { address })
        }
        (None, Some(c)) => {
            if c.node.is_empty() {
                opts.error(
                    codes::INVALID_VALUE,
                    c.span,
                    "`cluster.addresses` lists no address",
                );
                return None;
            }
            let mut out = Vec::new();
            let mut ok = true;
            for item in c.node {
                let span = if item.span.is_detached() {
                    c.span
                } else {
                    item.span
                };
                match check_address(opts, &CLUSTER_ADDRESSES, Spanned::new(item.node, span)) {
                    Some(a) => out.push(a),
                    None => ok = false,
                }
            }
            ok.then_some(RedisConnection::Clustered { addresses: out })
        }
        (None, None) => {
            report_neither(
                opts,
                invalid,
                "one of `address` or `cluster.addresses` must be set",
                "e.g. `address = 'redis://localhost:6379'`",
            );
            None
        }
    }
}

fn target(opts: &mut ConnectorOptions) -> Option<RedisTarget> {
    let target = opts.choice::<TargetKind>(&TARGET);
    let prefix = opts.string(&TARGET_KEY_PREFIX);
    let key_column = opts.string(&TARGET_KEY_COLUMN).map(|s| s.node);
    let Some(target) = target else {
        // Without a (valid) target the per-target options cannot be judged.
        for spec in [
            &TARGET_TTL_SECS,
            &TARGET_MAX_LENGTH,
            &TARGET_OPERATION,
            &TARGET_FIELD_COLUMN,
        ] {
            opts.take(spec.key);
        }
        return None;
    };
    // Each per-target option is read only when `target` is its target (the spec's
    // condition); the others are reported by the catalogue.
    match target.node {
        TargetKind::String => {
            let ttl = opts.non_zero(&TARGET_TTL_SECS).map(|t| t.node);
            Some(RedisTarget::String {
                key_prefix: prefix?.node,
                key_column,
                ttl_secs: ttl,
            })
        }
        TargetKind::List => {
            let max_length = opts.non_zero(&TARGET_MAX_LENGTH).map(|t| t.node);
            let operation = opts.choice(&TARGET_OPERATION);
            Some(RedisTarget::List {
                key_prefix: prefix?.node,
                key_column,
                max_length,
                operation: operation?.node,
            })
        }
        TargetKind::Hash => {
            let field = opts.string(&TARGET_FIELD_COLUMN);
            Some(RedisTarget::Hash {
                key_prefix: prefix?.node,
                key_column,
                field_column: field?.node,
            })
        }
    }
}

connector_spec! {
    "redis", "Redis", "Write results to Redis, or look rows up by Redis key";
    roles: SINK | LOOKUP;
    formats: required(MESSAGE_FORMATS);
    metadata: METADATA;
    profile_options: PROFILE_OPTIONS;
    table_options: TABLE_OPTIONS;
    temporary example: "id TEXT METADATA FROM 'key' PRIMARY KEY, plan TEXT", [("address", "'redis://localhost:6379'"), ("format", "'json'")];
    example: "id TEXT, plan TEXT", [("address", "'redis://localhost:6379'"), ("type", "'sink'"), ("target", "'string'"), ("target.key_prefix", "'user:'"), ("format", "'json'")];
}

impl Connector for Redis {
    connector_types!(RedisProfile, RedisTable, read_table);

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<RedisProfile> {
        let connection = connection(opts);
        let username = opts.string(&USERNAME).map(|s| s.node);
        let password = secret(opts, &PASSWORD);
        Some(RedisProfile {
            connection: connection?,
            username,
            password,
        })
    }

    fn description(&self, _profile: &RedisProfile, table: &RedisTable) -> String {
        match &table.kind {
            RedisTableKind::Lookup {} => "redis lookup by key".to_string(),
            RedisTableKind::Sink { target } => match target {
                RedisTarget::String { key_prefix, .. } => {
                    format!("redis string sink, key prefix '{key_prefix}'")
                }
                RedisTarget::List { key_prefix, .. } => {
                    format!("redis list sink, key prefix '{key_prefix}'")
                }
                RedisTarget::Hash { key_prefix, .. } => {
                    format!("redis hash sink, key prefix '{key_prefix}'")
                }
            },
        }
    }

    fn check(
        &self,
        _profile: &RedisProfile,
        table: &RedisTable,
        schema: &ConnectionSchema,
        opts: &mut ConnectorOptions,
    ) {
        match &table.kind {
            RedisTableKind::Lookup {} => check_lookup_key(schema, opts),
            RedisTableKind::Sink { target } => {
                if schema.fields.is_empty() {
                    return; // an inferred sink: its columns come from the query
                }
                let (key_column, field_column) = match target {
                    RedisTarget::String { key_column, .. }
                    | RedisTarget::List { key_column, .. } => (key_column.as_deref(), None),
                    RedisTarget::Hash {
                        key_column,
                        field_column,
                        ..
                    } => (key_column.as_deref(), Some(field_column.as_str())),
                };
                for (spec, column) in [
                    (&TARGET_KEY_COLUMN, key_column),
                    (&TARGET_FIELD_COLUMN, field_column),
                ] {
                    if let Some(column) = column {
                        check_text_column(spec, column, schema, opts);
                    }
                }
            }
        }
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<RedisTable> {
    let kind = match cx.connection_type {
        ConnectionType::Sink => target(opts).map(|target| RedisTableKind::Sink { target }),
        // Sink options on a lookup table stay pending; the compiler reports them as
        // applying to sinks only.
        ConnectionType::Lookup | ConnectionType::Source => Some(RedisTableKind::Lookup {}),
    };
    Some(RedisTable { kind: kind? })
}

/// A sink's key or field column must be a NOT NULL TEXT column of the table.
fn check_text_column(
    spec: &OptionSpec,
    name: &str,
    schema: &ConnectionSchema,
    opts: &mut ConnectorOptions,
) {
    let Some((f, span)) = named_column(opts, spec, name, schema) else {
        return;
    };
    if f.data_type() != &DataType::Utf8 || f.is_nullable() {
        let declared = crate::parse::types::sql_name(f.data_type(), false);
        let what = if f.data_type() != &DataType::Utf8 {
            format!("`{name}` is {declared}")
        } else {
            format!("`{name}` may be NULL")
        };
        opts.report(
            Diagnostic::error(
                codes::INVALID_VALUE,
                span,
                format!(
                    "`{}` must name a NOT NULL TEXT column, but {what}",
                    spec.key
                ),
            )
            .with_help(format!("declare `{name} TEXT NOT NULL`")),
        );
    }
}

/// A lookup table is queried by Redis key, so its primary key must be exactly the column
/// that holds the key: `name TEXT METADATA FROM 'key' PRIMARY KEY`. Arroyo checks the
/// metadata part only when a key is declared, and finds a missing key only when a query
/// joins the table; both are found here.
fn check_lookup_key(schema: &ConnectionSchema, opts: &mut ConnectorOptions) {
    // The table has no column spans here; `type` (or, when TEMPORARY implied it, the
    // table name) is where the lookup was asked for.
    let span = opts.key_span("type").unwrap_or(opts.anchor());
    let key_columns: Vec<&str> = schema
        .metadata_fields
        .iter()
        .filter(|m| m.key == "key")
        .map(|m| m.field.as_str())
        .collect();
    let declare = match key_columns.first() {
        Some(c) => format!(
            "mark the key column as the primary key: `{c} TEXT METADATA FROM 'key' PRIMARY KEY`"
        ),
        None => "declare the key column as `key TEXT METADATA FROM 'key' PRIMARY KEY`".to_string(),
    };
    match schema.primary_keys.as_slice() {
        [] => opts.report(
            Diagnostic::error(
                codes::CONNECTION_TYPE,
                span,
                "a redis lookup table needs a PRIMARY KEY: the column holding the Redis key",
            )
            .with_help(declare),
        ),
        [pk] if key_columns.contains(&pk.as_str()) => {}
        [pk] => opts.report(
            Diagnostic::error(
                codes::CONNECTION_TYPE,
                span,
                format!("the primary key `{pk}` of a redis lookup table must be the Redis key, declared `{pk} TEXT METADATA FROM 'key'`"),
            )
            .with_help(format!("declare `{pk} TEXT METADATA FROM 'key' PRIMARY KEY`")),
        ),
        many => opts.report(
            Diagnostic::error(
                codes::CONNECTION_TYPE,
                span,
                format!(
                    "a redis lookup table is looked up by one Redis key, but its primary key has {} columns",
                    many.len()
                ),
            )
            .with_help(declare),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::common::test_support::string_options as opts;

    #[test]
    fn cluster_addresses_are_trimmed() {
        let mut o = opts(&[("cluster.addresses", "redis://a:6379 ,  rediss://b:6380")]);
        let p = Redis.profile_from_options(&mut o);
        assert_eq!(
            p.map(|p| p.connection),
            Some(RedisConnection::Clustered {
                addresses: vec!["redis://a:6379".into(), "rediss://b:6380".into()]
            })
        );
    }

    #[test]
    fn both_address_kinds_conflict() {
        let mut o = opts(&[("address", "redis://a"), ("cluster.addresses", "redis://b")]);
        assert_eq!(Redis.profile_from_options(&mut o), None);
        let d = o.take_diagnostics();
        assert_eq!(d.first().map(|d| d.code), Some(codes::OPTION_CONFLICT));
    }

    #[test]
    fn neither_address_is_missing() {
        let mut o = opts(&[]);
        assert_eq!(Redis.profile_from_options(&mut o), None);
        let d = o.take_diagnostics();
        assert_eq!(d.first().map(|d| d.code), Some(codes::MISSING_OPTION));
    }

    #[test]
    fn list_target_reads_operation() {
        let mut o = opts(&[
            ("type", "sink"),
            ("target", "list"),
            ("target.key_prefix", "q:"),
            ("target.operation", "prepend"),
            ("target.max_length", "10"),
        ]);
        let cx = TableContext {
            name: "t",
            connection_type: crate::connector::ConnectionType::Sink,
            fields: &[],
            format: None,
            generated: &[],
            partitioned_by: None,
        };
        let t = Redis.table_from_options(&mut o, &cx);
        assert_eq!(
            t.map(|t| t.kind),
            Some(RedisTableKind::Sink {
                target: RedisTarget::List {
                    key_prefix: "q:".into(),
                    key_column: None,
                    max_length: Some(10),
                    operation: ListOperation::Prepend
                }
            })
        );
    }

    #[test]
    fn lookup_type_is_lookup() {
        let mut o = opts(&[("type", "lookup")]);
        let cx = TableContext {
            name: "t",
            connection_type: crate::connector::ConnectionType::Lookup,
            fields: &[],
            format: None,
            generated: &[],
            partitioned_by: None,
        };
        let t = Redis.table_from_options(&mut o, &cx);
        assert_eq!(t.map(|t| t.kind), Some(RedisTableKind::Lookup {}));
    }
}
