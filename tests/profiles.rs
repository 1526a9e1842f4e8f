//! Connection profiles as Arroyo stores them and as we write them: both shapes give the
//! same tables; a mistake inside a profile is reported in the profiles file (file, line,
//! key) with a label at the SQL reference, in JSON's words; no secret of a profile appears
//! in any output.

use std::collections::BTreeMap;

use connector_ddl::connectors::kafka::{KafkaProfile, KafkaTable};
use connector_ddl::diagnostics::JsonDiagnostic;
use connector_ddl::profile::{ProfileDocument, ProfileResolver};
use connector_ddl::span::LineIndex;
use connector_ddl::{compile_request, compile_sql, Compiled, Env, Registry};

const FLAT: &str = include_str!("fixtures/profiles-flat.json");
const ARROYO: &str = include_str!("fixtures/profiles-arroyo.json");

/// The secret values of both fixtures; no output may contain them.
const SECRETS: &[&str] = &[
    "kafka-pw-value",
    "ingest-svc",
    "registry-secret-value",
    "jaas-secret-value",
    "confluent-secret-value",
    "sr-secret-value",
    "mqtt-pw-value",
    "nats-jwt-value",
    "nats-pw-value",
    "rabbit-pw-value",
    "redis-secret-value",
    "iceberg-secret-token",
];

/// One table per fixture profile.
const SQL: &str = "
CREATE TABLE k1 (id BIGINT) WITH (connector = 'kafka', connection_profile = 'kafka-sasl', topic = 'orders', type = 'source', format = 'json');
CREATE TABLE k2 (id BIGINT) WITH (connector = 'kafka', connection_profile = 'kafka-none', topic = 'orders', type = 'sink', format = 'json');
CREATE TABLE k3 (id BIGINT) WITH (connector = 'kafka', connection_profile = 'kafka-msk', topic = 'orders', type = 'source', format = 'json');
CREATE TABLE c1 (id BIGINT) WITH (connector = 'confluent', connection_profile = 'confluent-cloud', topic = 'orders', type = 'source', format = 'json');
CREATE TABLE m1 (id BIGINT) WITH (connector = 'mqtt', connection_profile = 'mqtt-tls', topic = 'alerts', type = 'source', format = 'json');
CREATE TABLE n1 (id BIGINT) WITH (connector = 'nats', connection_profile = 'nats-jwt', type = 'source', stream = 'ORDERS', format = 'json');
CREATE TABLE n2 (id BIGINT) WITH (connector = 'nats', connection_profile = 'nats-creds', type = 'sink', subject = 'orders', format = 'json');
CREATE TABLE r1 (id BIGINT) WITH (connector = 'rabbitmq', connection_profile = 'rabbit', stream = 'events', type = 'source', format = 'json');
CREATE TABLE d1 (id TEXT, plan TEXT) WITH (connector = 'redis', connection_profile = 'redis-cluster', type = 'sink', target = 'string', target.key_prefix = 'user:', format = 'json');
CREATE TABLE i1 (id BIGINT) WITH (connector = 'iceberg', connection_profile = 'lakehouse', type = 'sink', table_name = 'orders', format = 'parquet');
";

fn document(name: &str, text: &str) -> ProfileDocument {
    match ProfileDocument::parse(name, text) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn compile(sql: &str, profiles: &dyn ProfileResolver) -> Compiled {
    let registry = Registry::builtin();
    let env = Env::new(&registry).with_profiles(profiles);
    compile_sql(sql, &env)
}

/// Every way a compilation is shown: the tables' JSON and Debug, the diagnostics rendered
/// for people and as `--errors json`, and their Debug.
fn every_output(out: &Compiled, sql: &str) -> String {
    let index = LineIndex::new(sql);
    let json: Vec<serde_json::Value> = out
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic::to_json_in(d, "t.sql", &index))
        .collect();
    format!(
        "{}\n{:?}\n{}\n{}\n{:?}",
        serde_json::to_string(&out.tables).unwrap_or_default(),
        out.tables,
        out.render_human("t.sql", false),
        serde_json::Value::Array(json),
        out.diagnostics
    )
}

#[test]
fn both_shapes_give_identical_tables() {
    let flat = compile(SQL, &document("flat.json", FLAT));
    let arroyo = compile(SQL, &document("arroyo.json", ARROYO));
    assert!(
        flat.diagnostics.is_empty(),
        "{}",
        flat.render_human("t.sql", false)
    );
    assert!(
        arroyo.diagnostics.is_empty(),
        "{}",
        arroyo.render_human("t.sql", false)
    );
    assert_eq!(flat.tables.len(), 10);
    assert_eq!(
        serde_json::to_value(&flat.tables).ok(),
        serde_json::to_value(&arroyo.tables).ok()
    );
}

#[test]
fn both_shapes_give_the_same_diagnostics() {
    // The same mistakes written in each shape: the same codes, in the same order.
    let flat = r#"[{"name": "p", "connector": "kafka", "config":
        {"bootstrap_servers": "no-port", "auth.type": "sasl", "auth.protocol": "SASL_SSL",
         "auth.mechanism": "PLAIN", "auth.username": "u"}}]"#;
    let arroyo = r#"[{"name": "p", "connector": "kafka", "config":
        {"bootstrapServers": "no-port",
         "authentication": {"protocol": "SASL_SSL", "mechanism": "PLAIN", "username": "u"}}}]"#;
    let sql = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'p', topic = 't', type = 'source', format = 'json')";
    let codes = |text: &str| {
        let out = compile(sql, &document("p.json", text));
        out.diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(flat), ["profile::invalid", "profile::invalid"]);
    assert_eq!(codes(flat), codes(arroyo));
    // Arroyo's shape is named as written.
    let out = compile(sql, &document("p.json", arroyo));
    let messages: Vec<&str> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`authentication.password` is not set")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`bootstrapServers`")),
        "{messages:?}"
    );
}

#[test]
fn requests_read_profiles_of_either_shape() {
    let request = r#"{"name": "t", "connector": "kafka", "connection_profile_id": "cp_kafka",
        "config": {"topic": "t", "type": "source"},
        "schema": {"format": "json", "fields": [{"name": "id", "type": "int64"}]}}"#;
    let registry = Registry::builtin();
    let (flat, arroyo) = (document("flat.json", FLAT), document("arroyo.json", ARROYO));
    let a = compile_request(request, &Env::new(&registry).with_profiles(&flat));
    let b = compile_request(request, &Env::new(&registry).with_profiles(&arroyo));
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    assert_eq!(a.tables.len(), 1);
    assert_eq!(
        serde_json::to_value(&a.tables).ok(),
        serde_json::to_value(&b.tables).ok()
    );
    // A mistake in the profile points into the profiles file from a request too.
    let broken = ARROYO.replace("b1.prod:9092,", "b1.prod,");
    let out = compile_request(
        request,
        &Env::new(&registry).with_profiles(&document("arroyo.json", &broken)),
    );
    let index = LineIndex::new(request);
    let json: Vec<serde_json::Value> = out
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic::to_json_in(d, "post.json", &index))
        .collect();
    assert_eq!(json.len(), 1, "{json:?}");
    assert_eq!(json[0]["file"], "arroyo.json");
    assert_eq!(
        (&json[0]["line"], &json[0]["column"]),
        (&7.into(), &27.into())
    );
    assert_eq!(json[0]["labels"][0]["file"], "post.json");
    assert!(json[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("`bootstrapServers`")));
}

#[test]
fn a_misspelled_key_of_arroyos_shape_is_one_mistake() {
    let text = r#"[{"name": "p", "connector": "kafka", "config":
        {"bootstrapServers": "b:9092",
         "authentication": {"protocol": "SASL_SSL", "mechanism": "PLAIN", "username": "u1", "pasword": "x"}}}]"#;
    let sql = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'p', topic = 't', type = 'source', format = 'json')";
    let out = compile(sql, &document("p.json", text));
    let found: Vec<(&str, &str, Option<&str>)> = out
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(
            "profile::invalid",
            "connection profile `p`: unknown key `pasword` in `authentication`",
            Some("did you mean `password`? (it is required)")
        )]
    );
}

#[test]
fn kafka_connection_properties_merge_under_client_configs() {
    let sql = "CREATE TABLE k1 (id BIGINT) WITH (connector = 'kafka', connection_profile = 'kafka-sasl', topic = 'orders', type = 'source', format = 'json', client_configs = 'client.rack=override,linger.ms=5')";
    for text in [FLAT, ARROYO] {
        let out = compile(sql, &document("p.json", text));
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        let Some(conn) = out.tables.first().and_then(|t| t.as_connection()) else {
            panic!("no table");
        };
        let (Some(profile), Some(table)) = (
            conn.profile_config::<KafkaProfile>(),
            conn.table_config::<KafkaTable>(),
        ) else {
            panic!("no kafka config");
        };
        let settings = table.client_settings(profile);
        let expected: BTreeMap<String, String> = [
            ("client.rack", "override"),
            ("linger.ms", "5"),
            ("sasl.jaas.config", "jaas-secret-value"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(settings, expected);
        // The profile's settings show in the output, the secret one redacted.
        let json = serde_json::to_value(&out.tables).unwrap_or_default();
        let props = &json[0]["config"]["connection"]["connection_properties"];
        assert_eq!(props["client.rack"], "use1-az2");
        assert_eq!(props["sasl.jaas.config"], "********");
    }
    // In WITH, without a profile, they are a prefix family.
    let sql = "CREATE TABLE k (id BIGINT) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', 'connection_properties.client.rack' = 'r1', topic = 't', type = 'source', format = 'json')";
    let out = compile(sql, &connector_ddl::profile::Profiles::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

const BROKEN: &str = r#"[
  {"name": "ok", "connector": "kafka", "config": {"bootstrap_servers": "b:9092"}},
  {
    "name": "bad",
    "connector": "rabbitmq",
    "config": {
      "host": "rmq.internal",
      "password": "rabbit-pw-value",
      "port": "fifty",
      "tls_config": {"enabled": "yes", "client_keys_pathh": "/k"}
    }
  }
]"#;

const BROKEN_SQL: &str = "CREATE TABLE r (id BIGINT) WITH (connector = 'rabbitmq',\n  connection_profile = 'bad', stream = 'events', type = 'source', format = 'json');";

#[test]
fn errors_point_into_the_profile_file_in_json() {
    let out = compile(BROKEN_SQL, &document("profiles.json", BROKEN));
    let index = LineIndex::new(BROKEN_SQL);
    let json: Vec<serde_json::Value> = out
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic::to_json_in(d, "t.sql", &index))
        .collect();
    let port = json
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains("`port`")))
        .cloned()
        .unwrap_or_default();
    assert_eq!(port["code"], "profile::invalid");
    assert_eq!(port["file"], "profiles.json");
    // `"fifty"` on line 9, from column 15 to 22 (exclusive), quotes included.
    assert_eq!(
        (
            &port["line"],
            &port["column"],
            &port["end_line"],
            &port["end_column"]
        ),
        (&9.into(), &15.into(), &9.into(), &22.into())
    );
    assert_eq!(
        port["message"],
        "connection profile `bad`: invalid value for `port`: expected a non-negative integer, found `\"fifty\"`"
    );
    assert_eq!(port["help"], "write it as a JSON number, e.g. `5`");
    let label = &port["labels"][0];
    assert_eq!(label["file"], "t.sql");
    assert_eq!(label["message"], "connection profile `bad` used here");
    assert_eq!((&label["line"], &label["column"]), (&2.into(), &24.into()));
    // An unknown key inside a nested object is reported at the key.
    let unknown = json
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("client_keys_pathh"))
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (&unknown["line"], &unknown["column"]),
        (&10.into(), &40.into())
    );
    assert_eq!(unknown["help"], "did you mean `client_keys_path`?");
    assert_eq!(
        unknown["message"],
        "connection profile `bad`: unknown key `client_keys_pathh` in `tls_config`"
    );
    // No message speaks SQL.
    for d in &json {
        let text = d.to_string();
        assert!(!text.contains("single quotes"), "{text}");
        assert!(!text.contains("single-quoted"), "{text}");
    }
}

#[test]
fn errors_point_into_the_profile_file_for_people() {
    let out = compile(BROKEN_SQL, &document("profiles.json", BROKEN));
    let human = out.render_human("t.sql", false);
    assert!(human.contains("╭─[profiles.json:9:15]"), "{human}");
    assert!(human.contains("\"port\": \"fifty\""), "{human}");
    assert!(human.contains("╭─[t.sql:2:24]"), "{human}");
    assert!(
        human.contains("connection profile `bad` used here"),
        "{human}"
    );
    assert!(!human.contains("rabbit-pw-value"), "{human}");
    assert!(
        human.contains("\"password\": \"***************\""),
        "{human}"
    );
}

#[test]
fn a_profile_without_a_document_is_reported_at_the_reference() {
    // A resolver that knows no document: the diagnostics point at the reference, as before.
    let doc = document("profiles.json", BROKEN);
    let out = compile(BROKEN_SQL, doc.profiles());
    assert!(!out.diagnostics.is_empty());
    for d in &out.diagnostics {
        assert!(d.origin.is_none());
        assert_eq!(BROKEN_SQL.get(d.span.start..d.span.end), Some("'bad'"));
        assert!(d.fixes.is_empty());
    }
}

#[test]
fn no_secret_of_a_profile_appears_in_any_output() {
    for (name, text) in [("flat.json", FLAT), ("arroyo.json", ARROYO)] {
        let doc = document(name, text);
        let out = compile(SQL, &doc);
        let shown = every_output(&out, SQL);
        // Every profile made wrong in a way that gets its values quoted.
        let broken = text
            .replace("b1.prod:9092", "b1.prod")
            .replace("\"port\": 5551", "\"port\": \"x\"")
            .replace("redis://cache-0:6379", "cache-0");
        let out_broken = compile(SQL, &document(name, &broken));
        assert!(out_broken.has_errors());
        let shown = shown + &every_output(&out_broken, SQL) + &format!("{doc:?}");
        for secret in SECRETS {
            assert!(
                !shown.contains(secret),
                "{name}: `{secret}` shown:\n{shown}"
            );
        }
    }
}

#[test]
fn todays_profiles_file_still_reads() {
    let text = include_str!("fixtures/profiles.json");
    let doc = document("profiles.json", text);
    assert_eq!(doc.profiles().0.len(), 9);
    assert!(ProfileDocument::parse("p.json", "{}").is_err());
}
