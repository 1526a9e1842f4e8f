//! Arroyo's `ConnectionTable` view (`arroyo::connection_table`): every config we emit
//! validates against that connector's `table.json` from Arroyo (`tests/arroyo-schemas/`),
//! and posting the view's `config` and `schema` back through `compile_request` gives the
//! same table.

#[allow(dead_code)] // the connectors test uses the rest
mod arroyo_validate;
#[allow(dead_code)] // shared with the snapshot harnesses
mod common;

use std::sync::atomic::{AtomicU64, Ordering};

use common::{example_ddl, Fixtures, FIXTURE_SECRETS};
use connector_ddl::arroyo::{self, Ids, View};
use connector_ddl::{compile_request, compile_sql, Connection, Env, Registry, Table};
use serde_json::{json, Value};

/// Ids `ct_1`, `cp_2`, … so views are stable.
struct Counter(AtomicU64);

impl Ids for Counter {
    fn next_id(&self, prefix: &str) -> String {
        format!("{prefix}_{}", self.0.fetch_add(1, Ordering::Relaxed) + 1)
    }
}

/// Tables beyond the connectors' own examples, for the shapes' corners.
const EXTRA: &str = r#"
CREATE TABLE payments (
  payment_id BIGINT NOT NULL, amount DECIMAL(12, 2), paid_at TIMESTAMP(3) NOT NULL,
  kafka_offset BIGINT METADATA FROM 'offset_id'
) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 'payments', type = 'source',
  'source.offset' = 'earliest', 'source.read_mode' = 'read_committed', 'source.group_id' = 'g',
  format = 'json', bad_data = 'drop');
CREATE TABLE kafka_sink (id BIGINT NOT NULL, k TEXT) WITH (connector = 'kafka',
  bootstrap_servers = 'b:9092', topic = 'out', type = 'sink', 'sink.commit_mode' = 'exactly_once',
  'sink.key_field' = 'k', client_configs = 'linger.ms=5,acks=all', 'value.subject' = 'out-v',
  format = 'json');
CREATE TABLE secured (id BIGINT) WITH (connector = 'kafka', connection_profile = 'production-kafka',
  topic = 't', type = 'source', format = 'json');
CREATE TABLE fs_sink (id BIGINT, country TEXT) WITH (connector = 'filesystem', type = 'sink',
  path = 's3://b/p', format = 'parquet', 'storage.aws_region' = 'eu-west-1',
  'storage.aws_secret_access_key' = 'hunter2', 'rolling_policy.file_size' = '128MB',
  'rolling_policy.interval' = INTERVAL '15 minutes', 'filename.prefix' = 'clicks',
  'filename.strategy' = 'ulid', 'partitioning.fields' = 'country',
  'partitioning.time_pattern' = '%Y/%m/%d', 'shuffle_by_partition.enabled' = true,
  'multipart.max_parts' = 20, 'sink.version' = 'v2');
CREATE TABLE fs_source (id BIGINT) WITH (connector = 'filesystem', type = 'source',
  path = 'file:///data/in', format = 'json', 'source.compression' = 'gzip',
  'source.regex_pattern' = '.*\.json\.gz$');
CREATE TABLE redis_list (k TEXT NOT NULL, v TEXT) WITH (connector = 'redis', connection_profile = 'cache',
  type = 'sink', target = 'list', 'target.key_prefix' = 'p:', 'target.key_column' = 'k',
  'target.max_length' = 10, 'target.operation' = 'prepend', format = 'json');
CREATE TABLE redis_hash (k TEXT NOT NULL, f TEXT NOT NULL, v TEXT) WITH (connector = 'redis',
  address = 'redis://x:6379', type = 'sink', target = 'hash', 'target.key_prefix' = 'h:',
  'target.field_column' = 'f', format = 'json');
CREATE TABLE nats_js WITH (connector = 'nats', servers = 'nats://a:4222', type = 'source',
  stream = 'S', format = 'json', 'consumer.filter_subjects' = 'a,b', 'consumer.ack_wait' = 60);
CREATE TABLE nats_core WITH (connector = 'nats', servers = 'nats://a:4222', type = 'source',
  subject = 'x.>', format = 'json');
CREATE TABLE nats_sink (v TEXT) WITH (connector = 'nats', servers = 'nats://a:4222', type = 'sink',
  subject = 'out', format = 'json');
CREATE TABLE kin_sink (v TEXT) WITH (connector = 'kinesis', stream_name = 's', type = 'sink',
  'sink.max_records_per_batch' = 250, 'sink.flush_interval_millis' = 500, aws_region = 'us-west-2',
  format = 'json');
CREATE TABLE mq_sink (v TEXT) WITH (connector = 'mqtt', connection_profile = 'some-mqtt', topic = 'a/b',
  type = 'sink', qos = 'AtLeastOnce', 'sink.retain' = true, format = 'json');
CREATE TABLE ws WITH (connector = 'websocket', endpoint = 'wss://feed.example.com/ws',
  'subscription_messages.0' = '{"op":"sub"}', 'subscription_messages.1' = '{"op":"sub2"}',
  headers = 'X-Key: abc', format = 'json');
CREATE TABLE events WITH (connector = 'sse', endpoint = 'https://s.example.org/v2', events = 'edit,create',
  format = 'json');
CREATE TABLE imp WITH (connector = 'impulse', event_rate = 50, message_count = 1000,
  event_time_interval = INTERVAL '10' MILLISECOND);
CREATE TABLE ice (user_id BIGINT, b TEXT, ts TIMESTAMP NOT NULL) WITH (connector = 'iceberg',
  connection_profile = 'lakehouse', type = 'sink', namespace = 'analytics.web',
  table_name = 'page_views', format = 'parquet', 'rolling_policy.interval' = INTERVAL '1 minute',
  'sink.version' = 'v2') PARTITIONED BY (day(ts), bucket(user_id, 16), truncate(b, 4), identity(b));
CREATE TABLE nested (a STRUCT<x INT, y TEXT NOT NULL>, tags TEXT[], payload JSON,
  ts TIMESTAMP(6) NOT NULL, f DOUBLE, ok BOOLEAN, raw BYTEA, n DECIMAL(10, 3)) WITH (
  connector = 'kafka', connection_profile = 'local-kafka', topic = 'n', type = 'sink', format = 'json');
CREATE TABLE defined WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 'd',
  type = 'source', format = 'json',
  'json.schema' = '{"type": "object", "properties": {"id": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}}, "required": ["id"]}');
CREATE TABLE sf (v TEXT) WITH (connector = 'single_file', path = '/tmp/out.json', type = 'sink',
  format = 'json');
"#;

/// An example's options, as `common::example_ddl` takes them.
fn written(ex: &connector_ddl::connector::Example) -> Vec<(String, String)> {
    ex.options
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Every table to check: the connectors' examples and [`EXTRA`].
fn tables(env: &Env<'_>, registry: &Registry) -> Vec<Connection> {
    let mut out = Vec::new();
    for (name, c) in registry.iter() {
        for ex in c.spec().examples {
            let compiled = compile_sql(&example_ddl(name, ex, &written(ex)), env);
            out.extend(
                compiled
                    .tables
                    .iter()
                    .filter_map(Table::as_connection)
                    .cloned(),
            );
        }
    }
    let compiled = compile_sql(EXTRA, env);
    assert!(
        !compiled.has_errors(),
        "{}",
        compiled.render_human("extra.sql", false)
    );
    out.extend(
        compiled
            .tables
            .iter()
            .filter_map(Table::as_connection)
            .cloned(),
    );
    out
}

fn arroyo_schema(connector: &str) -> Option<Value> {
    let dir = if connector == "confluent" {
        "kafka"
    } else {
        connector
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/arroyo-schemas")
        .join(dir)
        .join("table.json");
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

#[test]
fn every_config_validates_against_arroyos_table_schema() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let registry = Registry::builtin();
    let ids = Counter(AtomicU64::new(0));
    let view = View::new().ids(&ids).created_at(1);
    let mut failures = Vec::new();
    let mut validated = std::collections::BTreeSet::new();
    for t in tables(&env, &registry) {
        let v = arroyo::connection_table(&t, &env, &view);
        let keys: Vec<&str> = v
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [
                "config",
                "connection_profile",
                "connector",
                "consumers",
                "created_at",
                "id",
                "name",
                "schema",
                "table_type"
            ]
        );
        if let Some(schema) = arroyo_schema(&t.connector) {
            validated.insert(t.connector.clone());
            let errors = arroyo_validate::validate(&schema, &v["config"]);
            if !errors.is_empty() {
                failures.push(format!(
                    "{} ({}): {errors:?}\n{}",
                    t.name, t.connector, v["config"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every connector Arroyo ships a table.json for was seen.
    for dir in [
        "fluvio",
        "impulse",
        "kafka",
        "kinesis",
        "mqtt",
        "nats",
        "nexmark",
        "polling_http",
        "rabbitmq",
        "redis",
        "single_file",
        "sse",
        "webhook",
        "websocket",
    ] {
        assert!(validated.contains(dir), "no {dir} table was validated");
    }
}

/// The request Arroyo's client would post for `view`: its config and schema, the profile
/// by id. A profile made of the table's own options travels as flat options beside the
/// shaped config.
fn post_back(t: &Connection, view: &Value, registry: &Registry) -> Value {
    let mut config = view["config"].clone();
    let profile_id = match &t.connection_profile {
        Some(_) => view["connection_profile"]["id"].clone(),
        None => {
            let spec = registry.get(&t.connector).map(|c| c.spec());
            if let (Some(spec), Some(obj)) = (spec, config.as_object_mut()) {
                for (k, v) in &t.options {
                    if spec.profile_options.iter().any(|o| o.matches(k)) {
                        let text = match v {
                            connector_ddl::options::Value::String(s)
                            | connector_ddl::options::Value::Number(s) => s.clone(),
                            connector_ddl::options::Value::Bool(b) => b.to_string(),
                            other => format!("{other:?}"),
                        };
                        obj.insert(k.clone(), Value::String(text));
                    }
                }
            }
            Value::Null
        }
    };
    json!({
        "name": t.name,
        "connector": t.connector,
        "connection_profile_id": profile_id,
        "config": config,
        "schema": view["schema"],
    })
}

fn comparable(t: &Connection) -> Value {
    let generated: Vec<&str> = t
        .schema
        .generated_fields
        .iter()
        .map(|g| g.field.as_str())
        .collect();
    let fields: Vec<Value> = t
        .schema
        .fields
        .iter()
        .filter(|f| !generated.contains(&f.name().as_str()))
        .map(|f| json!([f.name(), format!("{:?}", f.data_type()), f.is_nullable()]))
        .collect();
    json!({
        "connector": t.connector,
        "type": t.connection_type.as_str(),
        "config": t.config,
        "description": t.description,
        "fields": fields,
        "format": t.schema.format,
        "bad_data": t.schema.bad_data,
        "framing": t.schema.framing,
        "primary_keys": t.schema.primary_keys,
        "metadata": t.schema.metadata_fields.iter().map(|m| [&m.field, &m.key]).collect::<Vec<_>>(),
    })
}

#[test]
fn posting_the_view_back_gives_the_same_table() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let registry = Registry::builtin();
    // Secrets as written: a redacted one could not come back.
    let view = View::new().created_at(1).with_secrets();
    let mut failures = Vec::new();
    let mut count = 0;
    for t in tables(&env, &registry) {
        // Generated columns and watermarks have no place in Arroyo's schema.
        let v = arroyo::connection_table(&t, &env, &view);
        let request = post_back(&t, &v, &registry);
        let text = serde_json::to_string_pretty(&request).unwrap_or_default();
        let out = compile_request(&text, &env);
        let Some(again) = out.tables.first().and_then(Table::as_connection) else {
            failures.push(format!(
                "{} ({}): does not compile back\n{text}\n{}",
                t.name,
                t.connector,
                out.render_human("request.json", false)
            ));
            continue;
        };
        count += 1;
        let (a, b) = (comparable(&t), comparable(again));
        if a != b {
            failures.push(format!(
                "{} ({}): differs\n{a:#}\n{b:#}\n{text}",
                t.name, t.connector
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(count >= 30, "only {count} tables round-tripped");
}

#[test]
fn secrets_stay_redacted_in_the_view() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let registry = Registry::builtin();
    let view = View::new();
    for t in tables(&env, &registry) {
        let text = arroyo::connection_table(&t, &env, &view).to_string();
        for s in FIXTURE_SECRETS.iter().chain(&["hunter2"]) {
            assert!(!text.contains(s), "{}: `{s}` shows in {text}", t.name);
        }
    }
}

#[test]
fn the_storage_view_keeps_secrets_as_written() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let registry = Registry::builtin();
    let mut shown = 0;
    for t in tables(&env, &registry) {
        let stored = arroyo::connection_table(&t, &env, &View::new().with_secrets()).to_string();
        shown += usize::from(stored.contains("hunter2"));
    }
    assert!(shown >= 1, "no table's secret was kept");
}

#[test]
fn views_read_as_arroyo_returns_them() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let ids = Counter(AtomicU64::new(0));
    let view = View::new().ids(&ids).created_at(1_767_225_600_000_000);
    let compiled = compile_sql(EXTRA, &env);
    let list: Vec<Value> = compiled
        .tables
        .iter()
        .filter_map(Table::as_connection)
        .map(|t| arroyo::connection_table(t, &env, &view))
        .collect();
    insta::assert_json_snapshot!(list);
}

#[test]
fn random_ids_are_url_safe_and_distinct() {
    let a = arroyo::RandomIds.next_id("ct");
    let b = arroyo::RandomIds.next_id("ct");
    assert_ne!(a, b);
    for id in [a, b] {
        assert_eq!(id.len(), 13, "{id}");
        assert!(id.starts_with("ct_"));
        assert!(id[3..].chars().all(|c| c.is_ascii_alphanumeric()), "{id}");
    }
}

/// The same mistake in the flat option map and in Arroyo's shape gives the same
/// diagnostics (codes and messages), each pointing into its own JSON.
#[test]
fn flat_and_arroyo_shapes_report_alike() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let pairs = [
        (
            "kafka",
            json!({"topic": "t", "type": "source", "source.offset": "earlist"}),
            json!({"topic": "t", "type": {"offset": "earlist"}}),
        ),
        (
            "filesystem",
            json!({"type": "sink", "path": "s3://b/p", "multipart.max_parts": 0}),
            json!({"table_type": {"type": "sink", "path": "s3://b/p", "multipart": {"max_parts": 0}}}),
        ),
        (
            "redis",
            json!({"type": "sink", "target": "list", "target.key_prefix": "p", "target.operation": "sideways"}),
            json!({"connectorType": {"target": {"listPrefix": "p", "operation": "sideways"}}}),
        ),
    ];
    for (connector, flat, shaped) in pairs {
        let profile = match connector {
            "kafka" => json!("cp_local"),
            "redis" => json!("cp_redis"),
            _ => Value::Null,
        };
        let report = |config: &Value| {
            let request = json!({
                "name": "t", "connector": connector, "connection_profile_id": profile,
                "config": config,
                "schema": {"format": {"type": "json"}, "fields": [{"name": "v", "type": "string"}]},
            });
            let text = serde_json::to_string_pretty(&request).unwrap_or_default();
            let out = compile_request(&text, &env);
            let found: Vec<(String, String, String)> = out
                .diagnostics
                .iter()
                .map(|d| {
                    let at = text.get(d.span.start..d.span.end).unwrap_or("").to_string();
                    (d.code.as_str().to_string(), d.message.clone(), at)
                })
                .collect();
            found
        };
        let (a, b) = (report(&flat), report(&shaped));
        assert!(!a.is_empty(), "{connector}: no diagnostic");
        let strip = |v: &[(String, String, String)]| -> Vec<(String, String)> {
            v.iter().map(|(c, m, _)| (c.clone(), m.clone())).collect()
        };
        assert_eq!(strip(&a), strip(&b), "{connector}");
        // Both point at the offending value.
        assert_eq!(
            a.iter().map(|x| &x.2).collect::<Vec<_>>(),
            b.iter().map(|x| &x.2).collect::<Vec<_>>(),
            "{connector}"
        );
    }
}

/// Every place of every Arroyo-shaped config, replaced by a value of each JSON kind: never a
/// panic, every diagnostic points into the request, and a table compiles only without errors.
#[test]
fn any_value_anywhere_in_a_shaped_config_is_reported_not_a_panic() {
    fn paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    at.push(k.clone());
                    paths(child, at, out);
                    at.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    at.push(i.to_string());
                    paths(child, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    fn slot<'v>(v: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
        path.iter().try_fold(v, |v, k| match v {
            Value::Object(m) => m.get_mut(k),
            Value::Array(a) => k.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        })
    }
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let registry = Registry::builtin();
    let view = View::new().created_at(1);
    let kinds = [
        json!(null),
        json!(-1),
        json!("x"),
        json!(true),
        json!([]),
        json!({}),
        json!([{}]),
        json!({"zz": {"yy": 1}}),
    ];
    let mut compiled = 0;
    for t in tables(&env, &registry) {
        let v = arroyo::connection_table(&t, &env, &view);
        let base = post_back(&t, &v, &registry);
        let mut all = Vec::new();
        paths(&base["config"], &mut Vec::new(), &mut all);
        for path in all {
            for kind in &kinds {
                let mut request = base.clone();
                let Some(place) = slot(&mut request["config"], &path) else {
                    continue;
                };
                *place = kind.clone();
                let text = request.to_string();
                let out = compile_request(&text, &env);
                compiled += 1;
                for d in &out.diagnostics {
                    assert!(
                        !d.span.is_detached() && d.span.end <= text.len(),
                        "{}: {path:?} = {kind}: {d:?}",
                        t.name
                    );
                }
                assert!(!out.has_errors() || out.tables.is_empty());
            }
        }
    }
    assert!(compiled > 1000, "only {compiled} requests");
}
