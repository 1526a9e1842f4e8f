//! The request corpus: every `tests/requests/*.json` file is one JSON create-table request
//! (the body of `POST /v1/connection_tables`), compiled with `compile_request` and
//! snapshotted.
//!
//! Each case has a sibling `<case>.expect` file with one line that states what must
//! happen, checked *before* the snapshot so a wrong result can never be recorded as
//! expected (the request files stay plain JSON, usable with `ddlc --post`):
//! - `ok` — compiles with no diagnostic at all;
//! - `error <code> [<code> …]` — fails, reporting exactly these codes (warnings included,
//!   in the order reported);
//! - `warning <code> [<code> …]` — compiles, reporting exactly these warnings.
//!
//! `+config` after it shows the connector config JSON in the snapshot (see `tests/ddl.rs`).

mod common;

use common::{assert_no_secret, render, Expect, Fixtures, FIXTURE_SECRETS};
use connector_ddl::{compile_request, compile_sql, Compiled};

fn expectation(path: &std::path::Path) -> Expect {
    let expect_path = path.with_extension("expect");
    let text = std::fs::read_to_string(&expect_path)
        .unwrap_or_else(|_| panic!("{}: missing sibling `.expect` file", path.display()));
    Expect::parse(&text, &expect_path)
}

fn check(out: &Compiled, expect: &Expect, path: &std::path::Path) {
    expect.check(out, path);
    // Every diagnostic points into the request text.
    for d in &out.diagnostics {
        assert!(
            !d.span.is_detached(),
            "{}: diagnostic without a span: {d:?}",
            path.display()
        );
    }
}

#[test]
fn request_cases() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let mut count = 0;
    insta::glob!("requests/*.json", |path| {
        count += 1;
        let json = std::fs::read_to_string(path).expect("case file reads");
        let expect = expectation(path);
        let out = compile_request(&json, &env);
        check(&out, &expect, path);
        let rendered = render(&json, "request.json", &out, &expect);
        // Secrets from the profiles fixture, or written in the request, never show.
        assert_no_secret(&rendered, FIXTURE_SECRETS, path);
        assert_no_secret(&rendered, &["hunter2-request"], path);
        insta::assert_snapshot!(rendered);
    });
    assert!(
        count >= 25,
        "expected at least 25 request cases, found {count}"
    );
}

/// A DDL statement and the equivalent request compile to the same table.
#[test]
fn ddl_and_request_agree() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let pairs = [
        (
            "CREATE TABLE orders (
                id BIGINT NOT NULL,
                customer TEXT,
                amount DECIMAL(10, 2),
                tags TEXT[],
                payload JSON,
                created TIMESTAMP(3) NOT NULL,
                address STRUCT<street TEXT, zip INT NOT NULL>,
                part INT METADATA FROM 'partition',
                PRIMARY KEY (id),
                WATERMARK FOR created AS created - INTERVAL '5' SECOND
            ) WITH (
                connector = 'kafka',
                connection_profile = 'local-kafka',
                topic = 'orders',
                type = 'source',
                'source.offset' = 'earliest',
                format = 'json',
                'json.timestamp_format' = 'unix_millis',
                bad_data = 'drop',
                framing = 'newline',
                'framing.newline.max_length' = 4096
            );",
            r#"{
              "name": "orders",
              "connector": "kafka",
              "connection_profile_id": "cp_local",
              "config": {"topic": "orders", "type": "source", "source.offset": "earliest"},
              "schema": {
                "format": {"json": {"timestampFormat": "unix_millis"}},
                "bad_data": {"drop": {}},
                "framing": {"method": {"newline": {"max_line_length": 4096}}},
                "primary_keys": ["id"],
                "watermark": {"column": "created", "expression": "created - INTERVAL '5' SECOND"},
                "fields": [
                  {"name": "id", "type": "int64", "required": true},
                  {"name": "customer", "type": "string"},
                  {"name": "amount", "type": "decimal128", "precision": 10, "scale": 2},
                  {"name": "tags", "type": "list", "items": {"type": "string"}},
                  {"name": "payload", "type": "json"},
                  {"name": "created", "type": "timestamp", "unit": "ms", "required": true},
                  {"name": "address", "type": "struct", "fields": [
                    {"name": "street", "type": "utf8"},
                    {"name": "zip", "type": "int32", "required": true}
                  ]},
                  {"name": "part", "type": "int32", "metadata_key": "partition"}
                ]
              }
            }"#,
        ),
        (
            "CREATE TABLE ticks WITH (connector = 'impulse', event_rate = 10, message_count = 5);",
            r#"{"name": "ticks", "connector": "impulse", "config": {"event_rate": 10, "message_count": 5}}"#,
        ),
        (
            "CREATE TABLE payments WITH (
                connector = 'kafka', bootstrap_servers = 'broker:9092', topic = 'payments',
                type = 'source', format = 'avro', avro.schema_file = 'payment.avsc'
            );",
            r#"{"name": "payments", "connector": "kafka",
                "config": {"bootstrap_servers": "broker:9092", "topic": "payments", "type": "source",
                           "avro.schema_file": "payment.avsc"},
                "schema": {"format": "avro"}}"#,
        ),
    ];
    for (sql, request) in pairs {
        let from_sql = compile_sql(sql, &env);
        let from_request = compile_request(request, &env);
        assert!(!from_sql.has_errors(), "sql: {:?}", from_sql.diagnostics);
        assert!(
            !from_request.has_errors(),
            "request: {:?}",
            from_request.diagnostics
        );
        let a = serde_json::to_value(&from_sql.tables).expect("serializes");
        let b = serde_json::to_value(&from_request.tables).expect("serializes");
        assert_eq!(a, b, "the DDL and the request compile differently");
    }
}

/// A compiled table's `schema` (our output shape, pinned definition included) posted back
/// in a request compiles to the same table.
#[test]
fn output_schema_posts_back() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    for case in [
        "definition_protobuf_dependencies",
        "definition_avro",
        "fields_metadata_key",
        "watermark",
        "bad_data_and_framing_arroyo_shapes",
        "format_debezium",
    ] {
        let path = format!("{}/tests/requests/{case}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("case reads");
        let first = compile_request(&text, &env);
        assert!(!first.has_errors(), "{case}: {:?}", first.diagnostics);
        let compiled = serde_json::to_value(&first.tables).expect("serializes");
        let mut request: serde_json::Value = serde_json::from_str(&text).expect("case is JSON");
        request["schema"] = compiled[0]["schema"].clone();
        let again = compile_request(&request.to_string(), &env);
        assert!(!again.has_errors(), "{case}: {:?}", again.diagnostics);
        let recompiled = serde_json::to_value(&again.tables).expect("serializes");
        assert_eq!(
            compiled, recompiled,
            "{case}: the posted-back schema compiles differently"
        );
    }
}

/// Every prefix of every case, and every case with one byte replaced, compiles to
/// diagnostics without panicking, and every diagnostic's span lies inside the text.
#[test]
fn mangled_requests_never_panic() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/requests");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("cases dir reads")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    let check = |text: &str| {
        let out = compile_request(text, &env);
        for d in &out.diagnostics {
            assert!(
                d.span.is_detached() || d.span.end <= text.len(),
                "span {:?} outside {text:?}",
                d.span
            );
        }
    };
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("case reads");
        let cuts: Vec<usize> = (0..text.len())
            .step_by(5)
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        for &i in &cuts {
            check(&text[..i]);
        }
        for &i in cuts.iter().step_by(3) {
            for replacement in ["\"", "{", "]", "0", "\\"] {
                let end = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                let mangled = format!("{}{replacement}{}", &text[..i], &text[end..]);
                check(&mangled);
            }
        }
    }
}
