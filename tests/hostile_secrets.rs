//! Issue #9, "Secrets": no secret value appears in any output — human and JSON
//! diagnostics, `--output json|text|ddl`, `Debug` — whatever the input: statements that do
//! not parse or compile, misspelled or differently cased keys and connectors, credentials
//! inside URLs and settings, values from a profile, and JSON requests.

use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::{compile_request, compile_sql, Compiled, Env, Registry};

const SECRET: &str = "Zq9SECRETvalue";

/// Everything a user can be shown of `out`.
fn everything(out: &Compiled) -> String {
    let mut all = out.render_human("case.sql", false);
    all.push_str(&out.render_diagnostics("case.sql", true));
    all.push_str(&format!("{out:?}"));
    for d in &out.diagnostics {
        all.push_str(&format!("{d:?}"));
    }
    for t in &out.tables {
        all.push_str(&serde_json::to_string(t).unwrap_or_default());
        all.push_str(&connector_ddl::text::summary(t));
        all.push_str(&connector_ddl::text::to_ddl(t));
        all.push_str(&format!("{t:?}"));
    }
    all
}

fn assert_hidden(what: &str, out: &Compiled) {
    let all = everything(out);
    assert!(!all.contains(SECRET), "{what}: the secret shows in:\n{all}");
}

fn sql(what: &str, text: &str) {
    let registry = Registry::builtin();
    assert_hidden(what, &compile_sql(text, &Env::new(&registry)));
}

fn sql_with_profiles(what: &str, text: &str, profiles: &Profiles) {
    let registry = Registry::builtin();
    let env = Env::new(&registry).with_profiles(profiles);
    let out = compile_sql(text, &env);
    assert_hidden(what, &out);
}

fn request(what: &str, text: &str) {
    let registry = Registry::builtin();
    assert_hidden(what, &compile_request(text, &Env::new(&registry)));
}

#[test]
fn statements_that_do_not_parse_are_masked() {
    sql(
        "missing comma",
        "CREATE TABLE t (id INT) WITH (connector = 'kafka' 'auth.password' = 'Zq9SECRETvalue', topic = 't')",
    );
    sql(
        "missing comma after",
        "CREATE TABLE t (id INT) WITH (connector = 'kafka', topic = 't' 'auth.password' = 'Zq9SECRETvalue')",
    );
    sql(
        "unterminated string",
        "CREATE TABLE t (id INT) WITH (connector = 'kafka', 'auth.password' = 'Zq9SECRETvalue, topic = 't')",
    );
    sql(
        "broken column list",
        "CREATE TABLE t (id INT,, x) WITH (connector = 'redis', password = 'Zq9SECRETvalue')",
    );
}

#[test]
fn keys_and_connectors_as_mistyped_are_masked() {
    for (what, with) in [
        (
            "misspelled key",
            "connector = 'kafka', 'auth.pasword' = 'Zq9SECRETvalue'",
        ),
        (
            "upper-cased key",
            "connector = 'kafka', 'PASSWORD' = 'Zq9SECRETvalue'",
        ),
        (
            "upper-cased dotted key",
            "connector = 'kafka', 'AUTH.PASSWORD' = 'Zq9SECRETvalue'",
        ),
        (
            "misspelled connector",
            "connector = 'kafak', 'Auth.Password' = 'Zq9SECRETvalue'",
        ),
        (
            "cased connector",
            "connector = 'Kafka', 'auth.pasword' = 'Zq9SECRETvalue'",
        ),
        (
            "no connector",
            "'auth.password' = 'Zq9SECRETvalue' topic = 't'",
        ),
        (
            "private key setting",
            "connector = 'kafka', 'ssl.key.pem' = 'Zq9SECRETvalue'",
        ),
    ] {
        sql(
            what,
            &format!("CREATE TABLE t (id INT) WITH ({with}, topic = 't', type = 'source')"),
        );
    }
}

#[test]
fn credentials_inside_urls_are_redacted() {
    let kafka = "connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json'";
    for (what, with) in [
        ("registry url", format!("{kafka}, 'schema_registry.endpoint' = 'https://u:Zq9SECRETvalue@sr.example.com'")),
        ("registry api_key", format!("{kafka}, 'schema_registry.endpoint' = 'https://sr.example.com/?api_key=Zq9SECRETvalue'")),
        ("iceberg rest url", "connector = 'iceberg', type = 'sink', 'catalog.type' = 'rest', 'catalog.rest.url' = 'https://u:Zq9SECRETvalue@cat.example.com', 'catalog.warehouse' = 'w', table_name = 'x', format = 'parquet'".to_string()),
        ("filesystem path", "connector = 'filesystem', type = 'sink', path = 's3://AKIA:Zq9SECRETvalue@bucket/x', format = 'json'".to_string()),
        ("filesystem token", "connector = 'filesystem', type = 'sink', path = 'https://h.example.com/x?token=Zq9SECRETvalue', format = 'json'".to_string()),
        ("webhook secret", "connector = 'webhook', endpoint = 'https://h.example.com/x?secret=Zq9SECRETvalue', format = 'json'".to_string()),
    ] {
        sql(what, &format!("CREATE TABLE t (id INT) WITH ({with})"));
    }
}

#[test]
fn messages_never_quote_credentials() {
    let kafka = "connector = 'kafka', topic = 't', type = 'source', format = 'json'";
    sql(
        "bootstrap user:pass@",
        &format!(
            "CREATE TABLE t (id INT) WITH ({kafka}, bootstrap_servers = 'u:Zq9SECRETvalue@b:9092')"
        ),
    );
    sql(
        "bootstrap user:pass@ without port",
        &format!(
            "CREATE TABLE t (id INT) WITH ({kafka}, bootstrap_servers = 'u:Zq9SECRETvalue@b')"
        ),
    );
    sql(
        "client_configs",
        &format!("CREATE TABLE t (id INT) WITH ({kafka}, bootstrap_servers = 'b:9092', client_configs = 'sasl.oauthbearer.config=Zq9SECRETvalue,bogus')"),
    );
    sql(
        "client_configs private key",
        &format!("CREATE TABLE t (id INT) WITH ({kafka}, bootstrap_servers = 'b:9092', client_configs = 'ssl.key.pem=Zq9SECRETvalue,ssl.keystore.password=Zq9SECRETvalue')"),
    );
    sql(
        "s3 key and secret",
        "CREATE TABLE t (id INT) WITH (connector = 'filesystem', type = 'sink', path = 's3://KEY:Zq9SECRETvalue@bucket', format = 'json')",
    );
}

fn profile(name: &str, config: serde_json::Value) -> ConnectionProfile {
    ConnectionProfile::new(
        name,
        "kafka",
        config.as_object().cloned().unwrap_or_default(),
    )
}

#[test]
fn profile_values_are_redacted() {
    let profiles = Profiles(vec![
        profile(
            "url",
            serde_json::json!({"bootstrap_servers": "b:9092", "schema_registry.endpoint": "https://u:Zq9SECRETvalue@sr.example.com"}),
        ),
        profile(
            "brokers",
            serde_json::json!({"bootstrap_servers": "u:Zq9SECRETvalue@b"}),
        ),
        profile(
            "settings",
            serde_json::json!({"bootstrap_servers": "b:9092", "schema_registry.endpoint": "https://sr.example.com/?api_key=Zq9SECRETvalue"}),
        ),
    ]);
    for name in ["url", "brokers", "settings"] {
        sql_with_profiles(
            name,
            &format!("CREATE TABLE t (id INT) WITH (connector = 'kafka', connection_profile = '{name}', topic = 't', type = 'source', format = 'json')"),
            &profiles,
        );
    }
}

#[test]
fn requests_are_masked_by_key() {
    request(
        "request that does not parse",
        r#"{"name": "t", "connector": "kafka", "config": {"auth.password": "Zq9SECRETvalue""#,
    );
    request(
        "misspelled secret key",
        r#"{"name": "t", "connector": "kafka", "config": {"auth.pasword": "Zq9SECRETvalue", "topic": "t"}}"#,
    );
    request(
        "camel-cased secret key",
        r#"{"name": "t", "connector": "kafka", "config": {"authPasword": "Zq9SECRETvalue", "topic": "t"}}"#,
    );
    request(
        "url credentials",
        r#"{"name": "t", "connector": "kafka", "config": {"bootstrap_servers": "b:1", "type": "source", "format": "json", "topic": "t", "schema_registry.endpoint": "https://u:Zq9SECRETvalue@x.example.com"}}"#,
    );
}

#[test]
fn values_that_are_not_secret_still_show() {
    let registry = Registry::builtin();
    let out = compile_sql(
        "CREATE TABLE t (id INT) WITH (connector = 'filesystem', type = 'sink', path = 's3://bucket/x', format = 'json', 'storage.aws_region' = 'us-east-1', 'storage.aws_secret_access_key' = 'Zq9SECRETvalue'); CREATE TABLE k (id INT) WITH (connector = 'kafak', 'schema_registry.endpoint' = 'https://sr.example.com')",
        &Env::new(&registry),
    );
    let json = out
        .tables
        .iter()
        .map(|t| serde_json::to_string(t).unwrap_or_default())
        .collect::<String>();
    assert!(json.contains("us-east-1"), "{json}");
    assert_hidden("storage", &out);
    // An endpoint without credentials is not masked in diagnostics either.
    let shown = out.render_human("case.sql", false);
    assert!(shown.contains("https://sr.example.com"), "{shown}");
}
