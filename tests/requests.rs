//! The request corpus: every `tests/requests/*.json` file is one JSON create-table request
//! (the body of `POST /v1/connection_tables`), compiled with `compile_request` and
//! snapshotted.
//!
//! Each case has a sibling `<case>.expect` file with one line that states what must
//! happen, checked *before* the snapshot so a wrong result can never be recorded as
//! expected (the request files stay plain JSON, usable with `ddlc --post`):
//! - `ok` — compiles without errors (warnings allowed);
//! - `error <code> [<code> …]` — fails, and reports at least these error codes;
//! - `warning <code> [<code> …]` — compiles, with at least these warnings.

use connector_ddl::diagnostics::{redact_source, render_human, JsonDiagnostic};
use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::schema::definition::MemorySchemas;
use connector_ddl::span::LineIndex;
use connector_ddl::{compile_request, compile_sql, Compiled, Env, Registry};

fn profiles() -> Profiles {
    let text = include_str!("fixtures/profiles.json");
    let list: Vec<ConnectionProfile> = serde_json::from_str(text).expect("fixture profiles parse");
    Profiles(list)
}

/// Every file under `tests/fixtures/schemas`, by relative path and, for top-level files,
/// by stem as a registry subject (as in `tests/ddl.rs`).
fn schemas() -> MemorySchemas {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas");
    let mut out = MemorySchemas::default();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("schema fixtures dir reads") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("schema fixture reads");
            if !rel.contains('/') {
                if let Some(stem) = path.file_stem() {
                    out.subjects
                        .insert(stem.to_string_lossy().into_owned(), text.clone());
                }
            }
            out.files.insert(rel, text);
        }
    }
    out
}

enum Expect {
    Ok,
    Error(Vec<String>),
    Warning(Vec<String>),
}

fn expectation(path: &std::path::Path) -> Expect {
    let expect_path = path.with_extension("expect");
    let text = std::fs::read_to_string(&expect_path)
        .unwrap_or_else(|_| panic!("{}: missing sibling `.expect` file", path.display()));
    let mut words = text.split_whitespace();
    match words.next() {
        Some("ok") => Expect::Ok,
        Some("error") => Expect::Error(words.map(String::from).collect()),
        Some("warning") => Expect::Warning(words.map(String::from).collect()),
        other => panic!("{}: unknown expectation {other:?}", expect_path.display()),
    }
}

fn check(out: &Compiled, expect: &Expect, path: &std::path::Path) {
    let codes: Vec<(bool, &str)> = out
        .diagnostics
        .iter()
        .map(|d| (d.is_error(), d.code.as_str()))
        .collect();
    match expect {
        Expect::Ok => {
            assert!(
                !out.has_errors(),
                "{}: expected ok, got {codes:?}",
                path.display()
            );
            assert_eq!(
                out.tables.len(),
                1,
                "{}: expected one table",
                path.display()
            );
        }
        Expect::Error(want) => {
            assert!(
                out.has_errors(),
                "{}: expected errors, got none",
                path.display()
            );
            assert!(
                out.tables.is_empty(),
                "{}: a table despite errors",
                path.display()
            );
            for w in want {
                assert!(
                    codes.iter().any(|(e, c)| *e && c == w),
                    "{}: expected error {w}, got {codes:?}",
                    path.display()
                );
            }
        }
        Expect::Warning(want) => {
            assert!(
                !out.has_errors(),
                "{}: expected only warnings, got {codes:?}",
                path.display()
            );
            for w in want {
                assert!(
                    codes.iter().any(|(e, c)| !*e && c == w),
                    "{}: expected warning {w}, got {codes:?}",
                    path.display()
                );
            }
        }
    }
    // Every diagnostic points into the request text.
    for d in &out.diagnostics {
        assert!(
            !d.span.is_detached(),
            "{}: diagnostic without a span: {d:?}",
            path.display()
        );
    }
}

fn render(json: &str, out: &Compiled) -> String {
    let mut s = String::new();
    if !out.diagnostics.is_empty() {
        let index = LineIndex::new(json);
        s.push_str("--- diagnostics ---\n");
        for d in &out.diagnostics {
            let j = JsonDiagnostic::new(d, &index);
            s.push_str(&serde_json::to_string(&j).expect("diagnostic serializes"));
            s.push('\n');
        }
        s.push_str("--- rendered ---\n");
        for d in &out.diagnostics {
            s.push_str(&render_human(
                d,
                "request.json",
                &redact_source(json, &out.secret_spans),
                false,
            ));
        }
    }
    if !out.has_errors() {
        s.push_str("--- tables ---\n");
        s.push_str(&serde_json::to_string_pretty(&out.tables).expect("tables serialize"));
        s.push('\n');
    }
    s
}

#[test]
fn request_cases() {
    let registry = Registry::builtin();
    let profiles = profiles();
    let schemas = schemas();
    let env = Env::new(&registry)
        .with_profiles(&profiles)
        .with_schemas(&schemas);
    let mut count = 0;
    insta::glob!("requests/*.json", |path| {
        count += 1;
        let json = std::fs::read_to_string(path).expect("case file reads");
        let expect = expectation(path);
        let out = compile_request(&json, &env);
        check(&out, &expect, path);
        let rendered = render(&json, &out);
        // Secrets from the profiles fixture, or written in the request, never show.
        for secret in [
            "s3cr3t-Pa55",
            "registry-secret-value",
            "pipeline",
            "hunter2-request",
        ] {
            assert!(
                !rendered.contains(secret),
                "{}: secret `{secret}` leaked",
                path.display()
            );
        }
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
    let registry = Registry::builtin();
    let profiles = profiles();
    let schemas = schemas();
    let env = Env::new(&registry)
        .with_profiles(&profiles)
        .with_schemas(&schemas);
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
    let registry = Registry::builtin();
    let profiles = profiles();
    let schemas = schemas();
    let env = Env::new(&registry)
        .with_profiles(&profiles)
        .with_schemas(&schemas);
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
    let registry = Registry::builtin();
    let profiles = profiles();
    let schemas = schemas();
    let env = Env::new(&registry)
        .with_profiles(&profiles)
        .with_schemas(&schemas);
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
