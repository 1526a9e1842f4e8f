use super::{at, env, registry};
use crate::ide::{completions, CompletionItem, CompletionKind, Document};
use crate::profile::{ConnectionProfile, Profiles};
use crate::span::Span;

fn labels(items: &[CompletionItem]) -> Vec<&str> {
    items.iter().map(|i| i.label.as_str()).collect()
}

/// The completions at the `|` of `marked` (the bar is removed).
fn complete_at(marked: &str) -> (String, usize, Vec<CompletionItem>) {
    let r = registry();
    let env = env(&r);
    let offset = at(marked, "|");
    let text = marked.replacen('|', "", 1);
    let doc = Document::new(text.clone(), &env);
    let items = completions(&doc, offset, &env);
    (text, offset, items)
}

#[test]
fn connector_names_inside_quotes_and_at_a_bare_value() {
    let (text, offset, items) = complete_at("CREATE TABLE t (a INT) WITH (connector = 'ka|");
    assert!(labels(&items).contains(&"kafka"));
    assert!(items.iter().all(|i| i.kind == CompletionKind::Connector));
    let kafka = items.iter().find(|i| i.label == "kafka").unwrap();
    // Inside the quotes: the typed part is replaced, nothing is quoted.
    assert_eq!(kafka.replace, Span::new(offset - 2, offset));
    assert_eq!(&text[kafka.replace.start..kafka.replace.end], "ka");
    assert_eq!(kafka.insert_text, None);
    assert!(kafka
        .documentation
        .as_deref()
        .unwrap_or("")
        .contains("source"));
    // A closed string: the whole content is replaced.
    let (text, _, items) =
        complete_at("CREATE TABLE t (a INT) WITH (connector = 'k|afka', topic = 'x');");
    let kafka = items.iter().find(|i| i.label == "kafka").unwrap();
    assert_eq!(&text[kafka.replace.start..kafka.replace.end], "kafka");
    // A bare value position: quoted on insert.
    let (_, offset, items) = complete_at("CREATE TABLE t (a INT) WITH (connector = |");
    let kafka = items.iter().find(|i| i.label == "kafka").unwrap();
    assert_eq!(kafka.insert_text.as_deref(), Some("'kafka'"));
    assert_eq!(kafka.replace, Span::new(offset, offset));
}

#[test]
fn option_keys_apply_to_the_table_and_skip_written_ones() {
    let sink =
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', type = 'sink', format = 'json', |)";
    let (_, _, items) = complete_at(sink);
    let keys = labels(&items);
    assert!(keys.contains(&"topic"), "{keys:?}");
    assert!(keys.contains(&"bootstrap_servers"));
    assert!(keys.contains(&"sink.commit_mode"));
    assert!(
        keys.contains(&"json.timestamp_format"),
        "format options: {keys:?}"
    );
    // A sink is not offered source options; written keys are not offered again.
    assert!(!keys.iter().any(|k| k.starts_with("source.")), "{keys:?}");
    assert!(!keys.contains(&"type") && !keys.contains(&"connector") && !keys.contains(&"format"));
    // Required ones come first, with their kind and default as detail.
    assert!(items
        .first()
        .is_some_and(|i| i.detail.as_deref().unwrap_or("").contains("required")));
    let commit = items
        .iter()
        .find(|i| i.label == "sink.commit_mode")
        .unwrap();
    assert!(
        commit.detail.as_deref().unwrap_or("").contains("default"),
        "{:?}",
        commit.detail
    );
    // A source is offered `source.offset`, not `sink.*`; a partial key is replaced.
    let (text, _, items) =
        complete_at("CREATE TABLE t (a INT) WITH (connector = 'kafka', type = 'source', sou|");
    let keys = labels(&items);
    assert!(keys.contains(&"source.offset") && !keys.iter().any(|k| k.starts_with("sink.")));
    let offset_item = items.iter().find(|i| i.label == "source.offset").unwrap();
    assert_eq!(
        &text[offset_item.replace.start..offset_item.replace.end],
        "sou"
    );
    // Conditions: SASL options only once auth.type says so.
    let (_, _, items) =
        complete_at("CREATE TABLE t (a INT) WITH (connector = 'kafka', type = 'source', |");
    assert!(!labels(&items).contains(&"auth.username"));
    let (_, _, items) = complete_at(
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', type = 'source', auth.type = 'sasl', |",
    );
    assert!(
        labels(&items).contains(&"auth.username"),
        "{:?}",
        labels(&items)
    );
}

#[test]
fn enum_values_inside_quotes() {
    let (_, _, items) =
        complete_at("CREATE TABLE t (a INT) WITH (connector = 'kafka', type = '|', topic = 't')");
    assert_eq!(
        labels(&items),
        ["source", "sink", "lookup"]
            .iter()
            .copied()
            .filter(|v| labels(&items).contains(v))
            .collect::<Vec<_>>()
    );
    assert!(labels(&items).contains(&"source") && labels(&items).contains(&"sink"));
    let (_, _, items) = complete_at(
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', type = 'source', source.offset = '|",
    );
    assert!(labels(&items).contains(&"earliest") && labels(&items).contains(&"latest"));
    let (_, _, items) =
        complete_at("CREATE TABLE t (a INT) WITH (connector = 'kafka', format = '|");
    assert!(labels(&items).contains(&"json") && labels(&items).contains(&"avro"));
    assert!(
        !labels(&items).contains(&"parquet"),
        "kafka carries no parquet"
    );
    let (_, _, items) = complete_at(
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', type = 'sink', sink.commit_mode = 'e|",
    );
    assert!(
        labels(&items).contains(&"exactly_once"),
        "{:?}",
        labels(&items)
    );
}

#[test]
fn profile_names_come_from_the_resolver() {
    let r = registry();
    let profile = |name: &str, connector: &str| ConnectionProfile {
        id: None,
        name: name.into(),
        connector: connector.into(),
        config: serde_json::Map::new(),
        description: None,
    };
    let profiles = Profiles(vec![profile("prod", "kafka"), profile("other", "nats")]);
    let env = env(&r).with_profiles(&profiles);
    let text = "CREATE TABLE t (a INT) WITH (connector = 'kafka', connection_profile = '";
    let doc = Document::new(text, &env);
    let items = completions(&doc, text.len(), &env);
    assert!(labels(&items).contains(&"prod"));
    assert!(items.iter().all(|i| i.kind == CompletionKind::Profile));
}

#[test]
fn types_at_a_column_type_and_inside_nested_types() {
    let (_, _, items) = complete_at("CREATE TABLE t (id BIG|");
    assert!(labels(&items).contains(&"BIGINT"));
    let bigint = items.iter().find(|i| i.label == "BIGINT").unwrap();
    assert_eq!(bigint.detail.as_deref(), Some("Int64"));
    assert!(labels(&items).contains(&"ARRAY<…>"));
    let date = items.iter().find(|i| i.label == "DATE").unwrap();
    assert!(date
        .documentation
        .as_deref()
        .unwrap_or("")
        .contains("not carried"));
    for marked in [
        "CREATE TABLE t (id INT, tags ARRAY<|",
        "CREATE TABLE t (m MAP<TEXT, |",
        "CREATE TABLE t (s STRUCT<a |",
        "CREATE TABLE t (é TEXT, ü |) WITH (connector = 'kafka')",
    ] {
        let (_, _, items) = complete_at(marked);
        assert!(
            labels(&items).contains(&"TEXT"),
            "{marked}: {:?}",
            labels(&items)
        );
    }
    // Not at a column's name, nor after its type.
    for marked in [
        "CREATE TABLE t (|",
        "CREATE TABLE t (id INT, |",
        "CREATE TABLE t (s STRUCT<|",
    ] {
        let (_, _, items) = complete_at(marked);
        assert!(items.is_empty(), "{marked}: {:?}", labels(&items));
    }
}

#[test]
fn metadata_keys_and_column_names() {
    let (_, _, items) = complete_at(
        "CREATE TABLE t (id INT, off BIGINT METADATA FROM '|') WITH (connector = 'kafka')",
    );
    assert!(
        labels(&items).contains(&"offset_id"),
        "{:?}",
        labels(&items)
    );
    assert!(items.iter().all(|i| i.kind == CompletionKind::MetadataKey));
    let cols = |marked: &str| {
        let (_, _, items) = complete_at(marked);
        assert!(
            items.iter().all(|i| i.kind == CompletionKind::Column),
            "{marked}"
        );
        labels(&items)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cols("CREATE TABLE t (id INT, ts TIMESTAMP, PRIMARY KEY (|"),
        ["id", "ts"]
    );
    assert_eq!(
        cols("CREATE TABLE t (id INT, ts TIMESTAMP, PRIMARY KEY (id, |)"),
        ["ts"]
    );
    assert_eq!(
        cols("CREATE TABLE t (id INT, ts TIMESTAMP, WATERMARK FOR |"),
        ["id", "ts"]
    );
    assert_eq!(
        cols("CREATE TABLE t (id INT, ts TIMESTAMP, WATERMARK FOR ts AS |"),
        ["id", "ts"]
    );
    assert_eq!(cols("CREATE TABLE t (id INT, ts TIMESTAMP) WITH (connector = 'kafka', type = 'source', event_time_field = |"), ["id", "ts"]);
    let (_, _, items) =
        complete_at("CREATE TABLE t (id INT, ts TIMESTAMP(3) NOT NULL, PRIMARY KEY (|");
    assert_eq!(
        items
            .iter()
            .find(|i| i.label == "ts")
            .and_then(|i| i.detail.as_deref()),
        Some("TIMESTAMP(3) NOT NULL")
    );
}

#[test]
fn incomplete_text_and_other_statements() {
    // A trailing comma, no closing parenthesis, an open quote, a later statement.
    let (_, _, items) = complete_at(
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', |\n\nCREATE TABLE u (b INT);",
    );
    assert!(labels(&items).contains(&"topic"));
    let (_, _, items) =
        complete_at("SELECT 1;\nCREATE TABLE t (a INT) WITH (connector = 'nats', |");
    assert!(
        labels(&items).contains(&"servers") || labels(&items).iter().any(|l| l.starts_with("nats")),
        "{:?}",
        labels(&items)
    );
    // Outside any list: nothing.
    let (_, _, items) = complete_at("SELECT | FROM t");
    assert!(items.is_empty());
    // Past the end, inside a multi-byte character: clamped, no panic.
    let r = registry();
    let env = env(&r);
    let doc = Document::new("CREATE TABLE é (", &env);
    let _ = completions(&doc, 14, &env);
    let _ = completions(&doc, 1000, &env);
}
