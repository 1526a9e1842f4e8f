use super::{env, registry};
use crate::ide::{hover, Document};

const TEXT: &str = "CREATE TABLE ünï (id BIGINT NOT NULL, ts TIMESTAMP(3), tags ARRAY<TEXT>, WATERMARK FOR ts, PRIMARY KEY (id)) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json', source.offset = 'earliest', 'auth.type' = 'sasl', 'auth.mechanism' = 'PLAIN', 'auth.username' = 'u', 'auth.password' = 'hunter2hunter2', protocol = 'SASL_SSL');";

fn hover_at(text: &str, needle: &str, n: usize) -> Option<(String, String)> {
    let r = registry();
    let env = env(&r);
    let doc = Document::new(text, &env);
    let offset = super::nth(text, needle, n);
    hover(&doc, offset, &env).map(|h| (text[h.span.start..h.span.end].to_string(), h.markdown))
}

#[test]
fn an_option_key_shows_its_catalogue_entry() {
    let (span, md) = hover_at(TEXT, "source.offset", 0).unwrap();
    assert_eq!(span, "source.offset");
    assert!(md.contains("earliest") && md.contains("latest"), "{md}");
    assert!(md.contains("default"), "{md}");
    assert!(md.contains("applies to: source"), "{md}");
    let (_, md) = hover_at(TEXT, "'auth.username'", 0).unwrap();
    assert!(md.contains("auth.type"), "the condition: {md}");
    // The secret's key: described as secret; its value never shown.
    let (_, md) = hover_at(TEXT, "'auth.password'", 0).unwrap();
    assert!(md.contains("secret") && !md.contains("hunter2"), "{md}");
    assert!(hover_at(TEXT, "hunter2", 0)
        .is_none_or(|(s, m)| !s.contains("hunter2") && !m.contains("hunter2")));
}

#[test]
fn a_connector_name_shows_what_it_supports() {
    let (span, md) = hover_at(TEXT, "kafka", 0).unwrap();
    assert_eq!(span, "'kafka'");
    assert!(
        md.contains("Kafka") && md.contains("source") && md.contains("sink"),
        "{md}"
    );
    assert!(md.contains("avro") && md.contains("metadata"), "{md}");
}

#[test]
fn a_column_shows_its_sql_and_arrow_types() {
    // The definition, a primary key reference, a watermark reference.
    let (span, md) = hover_at(TEXT, "id BIGINT", 0).unwrap();
    assert_eq!(span, "id");
    assert!(
        md.contains("BIGINT NOT NULL") && md.contains("Int64") && md.contains("non-null"),
        "{md}"
    );
    let (_, md) = hover_at(TEXT, "id))", 0).unwrap();
    assert!(md.contains("Int64"), "{md}");
    let (_, md) = hover_at(TEXT, "ts,", 0).unwrap();
    assert!(
        md.contains("TIMESTAMP(3)") && md.contains("Timestamp(ms)"),
        "{md}"
    );
    // A table that compiles: the compiled schema's type.
    let text = "CREATE TABLE t (id BIGINT, ts TIMESTAMP(6)) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json');";
    let (_, md) = hover_at(text, "ts", 0).unwrap();
    assert!(
        md.contains("Timestamp(µs)") && md.contains("compiled"),
        "{md}"
    );
    // A table that does not compile: the declared type.
    let text = "CREATE TABLE t (ü BIGINT, b TEXT) WITH (connector = 'kafka');";
    let (_, md) = hover_at(text, "ü", 0).unwrap();
    assert!(md.contains("Int64") && md.contains("declared"), "{md}");
    // Incomplete text: still the declared SQL type.
    let (_, md) = hover_at(
        "CREATE TABLE t (a DOUBLE, b TEXT, PRIMARY KEY (a",
        "a DOUBLE",
        0,
    )
    .unwrap();
    assert!(md.contains("DOUBLE"), "{md}");
    // Nothing to say about keywords.
    assert!(hover_at(TEXT, "CREATE", 0).is_none());
}
