use super::{at, env, nth, registry};
use crate::ide::{definition, document_symbols, Document, SymbolKind};
use crate::span::Span;

const TEXT: &str = "CREATE TABLE src (id BIGINT, ts TIMESTAMP, dbl BIGINT GENERATED ALWAYS AS (id * 2), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id)) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json');\nCREATE TABLE \"ëmoji😀\" (x TEXT);\nINSERT INTO \"ëmoji😀\" SELECT id FROM src;\n";

#[test]
fn symbols_list_tables_and_columns() {
    let r = registry();
    let env = env(&r);
    let doc = Document::new(TEXT, &env);
    let symbols = document_symbols(&doc);
    assert_eq!(symbols.len(), 2);
    let src = &symbols[0];
    assert_eq!((src.name.as_str(), src.kind), ("src", SymbolKind::Table));
    assert_eq!(src.detail.as_deref(), Some("kafka source"));
    assert_eq!(src.name_span, Span::new(13, 16));
    let cols: Vec<(&str, Option<&str>)> = src
        .children
        .iter()
        .map(|c| (c.name.as_str(), c.detail.as_deref()))
        .collect();
    assert_eq!(
        cols,
        [
            ("id", Some("BIGINT")),
            ("ts", Some("TIMESTAMP")),
            ("dbl", Some("BIGINT"))
        ]
    );
    let emoji = &symbols[1];
    assert_eq!(emoji.name, "ëmoji😀");
    assert_eq!(
        &TEXT[emoji.name_span.start..emoji.name_span.end],
        "\"ëmoji😀\""
    );
    assert_eq!(emoji.detail.as_deref(), Some("memory"));
    assert_eq!(
        &TEXT[emoji.children[0].span.start..emoji.children[0].span.end],
        "x TEXT"
    );
}

#[test]
fn definition_goes_from_references_to_definitions() {
    let r = registry();
    let env = env(&r);
    let doc = Document::new(TEXT, &env);
    let id_def = Span::new(at(TEXT, "id BIGINT"), at(TEXT, "id BIGINT") + 2);
    let ts_def = Span::new(at(TEXT, "ts TIMESTAMP"), at(TEXT, "ts TIMESTAMP") + 2);
    // Generated expression, primary key, watermark column and expression.
    assert_eq!(definition(&doc, at(TEXT, "id * 2") + 1), Some(id_def));
    assert_eq!(definition(&doc, at(TEXT, "id))") + 1), Some(id_def));
    assert_eq!(definition(&doc, at(TEXT, "ts AS ts") + 1), Some(ts_def));
    assert_eq!(
        definition(&doc, nth(TEXT, "ts - INTERVAL", 0)),
        Some(ts_def)
    );
    // A table name in another statement.
    let emoji_def = at(TEXT, "\"ëmoji😀\" (");
    let insert = nth(TEXT, "\"ëmoji😀\"", 1);
    assert_eq!(
        definition(&doc, insert + 2),
        Some(Span::new(emoji_def, emoji_def + "\"ëmoji😀\"".len()))
    );
    assert_eq!(
        definition(&doc, at(TEXT, "src;") + 1),
        Some(Span::new(13, 16))
    );
    // Nothing at a keyword.
    assert_eq!(definition(&doc, at(TEXT, "SELECT")), None);
}

#[test]
fn definition_follows_options_that_name_columns() {
    let r = registry();
    let env = env(&r);
    let text = "CREATE TABLE t (id BIGINT, ts TIMESTAMP) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json', event_time_field = ts);";
    let doc = Document::new(text, &env);
    let ts = at(text, "ts TIMESTAMP");
    assert_eq!(
        definition(&doc, at(text, "= ts") + 3),
        Some(Span::new(ts, ts + 2))
    );
}
