//! The DDL corpus: every `tests/ddl/**/*.sql` file is one case, compiled and snapshotted.
//!
//! Line 1 of each case states what must happen, and is checked *before* the snapshot, so
//! a wrong result can never be recorded as expected:
//! - `-- expect: ok` — compiles without errors (warnings allowed);
//! - `-- expect: error <code> [<code> …]` — fails, and reports at least these codes;
//! - `-- expect: warning <code> [<code> …]` — compiles, with at least these warnings.

use connector_ddl::diagnostics::{redact_source, render_human, JsonDiagnostic};
use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::schema::definition::MemorySchemas;
use connector_ddl::span::LineIndex;
use connector_ddl::{compile_sql, Compiled, Env, Registry};

fn profiles() -> Profiles {
    let text = include_str!("fixtures/profiles.json");
    let list: Vec<ConnectionProfile> = serde_json::from_str(text).expect("fixture profiles parse");
    Profiles(list)
}

/// Every file under `tests/fixtures/schemas`, by relative path (for `*.schema_file` and
/// protobuf imports) and, for top-level files, by stem as a registry subject.
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

fn expectation(sql: &str, path: &std::path::Path) -> Expect {
    let first = sql.lines().next().unwrap_or("");
    let rest = first
        .strip_prefix("-- expect:")
        .unwrap_or_else(|| panic!("{}: line 1 must be `-- expect: …`", path.display()))
        .trim();
    let mut words = rest.split_whitespace();
    match words.next() {
        Some("ok") => Expect::Ok,
        Some("error") => Expect::Error(words.map(String::from).collect()),
        Some("warning") => Expect::Warning(words.map(String::from).collect()),
        other => panic!("{}: unknown expectation {other:?}", path.display()),
    }
}

fn check(out: &Compiled, expect: &Expect, path: &std::path::Path) {
    // A table with an error never compiles.
    for t in &out.tables {
        assert!(
            !out.diagnostics
                .iter()
                .any(|d| d.is_error() && d.table.as_deref() == Some(t.name())),
            "{}: table `{}` compiled despite an error",
            path.display(),
            t.name()
        );
    }
    let codes: Vec<(bool, &str)> = out
        .diagnostics
        .iter()
        .map(|d| (d.is_error(), d.code.as_str()))
        .collect();
    match expect {
        Expect::Ok => assert!(
            !out.has_errors(),
            "{}: expected ok, got {codes:?}",
            path.display()
        ),
        Expect::Error(want) => {
            assert!(
                out.has_errors(),
                "{}: expected errors, got none",
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
}

fn render(sql: &str, out: &Compiled) -> String {
    let mut s = String::new();
    if !out.diagnostics.is_empty() {
        let index = LineIndex::new(sql);
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
                "case.sql",
                &redact_source(sql, &out.secret_spans),
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
fn ddl_cases() {
    let registry = Registry::builtin();
    let profiles = profiles();
    let schemas = schemas();
    let env = Env::new(&registry)
        .with_profiles(&profiles)
        .with_schemas(&schemas);
    insta::glob!("ddl/**/*.sql", |path| {
        let sql = std::fs::read_to_string(path).expect("case file reads");
        let expect = expectation(&sql, path);
        let out = compile_sql(&sql, &env);
        check(&out, &expect, path);
        // Secrets from the profiles fixture must never appear in any output.
        let rendered = render(&sql, &out);
        for secret in [
            "s3cr3t-Pa55",
            "registry-secret-value",
            "pipeline",
            "confluent-secret-value",
            "sr-secret-value",
            "redis-secret-value",
            "iceberg-secret-token",
        ] {
            assert!(
                !rendered.contains(secret),
                "{}: secret `{secret}` leaked",
                path.display()
            );
        }
        // So must secret values written in the case itself (a `{{ VAR }}` placeholder may
        // show). Settings maps are checked for their credential values.
        for span in &out.secret_spans {
            let written = sql
                .get(span.start..span.end)
                .unwrap_or("")
                .trim_matches('\'');
            let values: Vec<&str> = if written.contains('=') {
                written
                    .split(',')
                    .filter_map(|p| p.split_once('='))
                    .filter(|(k, _)| connector_ddl::profile::is_secret_setting(k))
                    .map(|(_, v)| v.trim())
                    .collect()
            } else {
                vec![written.trim()]
            };
            for v in values {
                if v.len() >= 4 && !v.starts_with("{{") {
                    assert!(
                        !rendered.contains(v),
                        "{}: secret `{v}` leaked",
                        path.display()
                    );
                }
            }
        }
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn strict_mode_turns_warnings_into_errors() {
    let registry = Registry::builtin();
    let schemas = schemas();
    let sql = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ddl/schema/avro_recursive.sql"
    ))
    .expect("case reads");
    let lenient = compile_sql(&sql, &Env::new(&registry).with_schemas(&schemas));
    assert!(!lenient.has_errors());
    assert!(lenient
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "schema::recursive"));
    let strict = compile_sql(
        &sql,
        &Env::new(&registry).with_schemas(&schemas).strict(true),
    );
    assert!(strict.has_errors());
    assert!(
        strict.tables.is_empty(),
        "a table with an error must not compile"
    );
}
