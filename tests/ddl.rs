//! The DDL corpus: every `tests/ddl/**/*.sql` file is one case, compiled and snapshotted.
//!
//! Line 1 of each case states what must happen, and is checked *before* the snapshot, so
//! a wrong result can never be recorded as expected:
//! - `-- expect: ok` — compiles with no diagnostic at all;
//! - `-- expect: error <code> [<code> …]` — fails, reporting exactly these codes;
//! - `-- expect: warning <code> [<code> …]` — compiles, reporting exactly these warnings.
//!
//! The codes are the exact list, in the order reported (by position), errors and warnings
//! alike: an `error` case lists its warnings where they come. One mistake reporting two
//! diagnostics is a bug to fix, not a line to extend.
//!
//! `EXPECT_DUMP=FILE` records each case whose line 1 differs (`path`, `line 1`, `actual`,
//! tab-separated) instead of failing, to review many changes at once; never commit what
//! it records without reading the snapshots.
//!
//! `+config` after the expectation marks a case that is about the connector's
//! configuration: its snapshot shows the config JSON. Other snapshots show the table in a
//! compact text form (a line per column and per non-default setting), so adding an output
//! key does not rewrite every snapshot.

mod common;

use common::{assert_no_secret, render, Expect, Fixtures, FIXTURE_SECRETS};
use connector_ddl::{compile_sql, Compiled};

fn expectation(sql: &str, path: &std::path::Path) -> Expect {
    let first = sql.lines().next().unwrap_or("");
    let rest = first
        .strip_prefix("-- expect:")
        .unwrap_or_else(|| panic!("{}: line 1 must be `-- expect: …`", path.display()));
    Expect::parse(rest, path)
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
    expect.check(out, path);
}

#[test]
fn ddl_cases() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    insta::glob!("ddl/**/*.sql", |path| {
        let sql = std::fs::read_to_string(path).expect("case file reads");
        let expect = expectation(&sql, path);
        let out = compile_sql(&sql, &env);
        check(&out, &expect, path);
        // Secrets from the profiles fixture must never appear in any output.
        let rendered = render(&sql, "case.sql", &out, &expect);
        assert_no_secret(&rendered, FIXTURE_SECRETS, path);
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
    let fixtures = Fixtures::load();
    let sql = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ddl/schema/avro_recursive.sql"
    ))
    .expect("case reads");
    let lenient = compile_sql(&sql, &fixtures.env());
    assert!(!lenient.has_errors());
    assert!(lenient
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "schema::recursive"));
    let strict = compile_sql(&sql, &fixtures.env().strict(true));
    assert!(strict.has_errors());
    assert!(
        strict.tables.is_empty(),
        "a table with an error must not compile"
    );
}

#[test]
fn strict_mode_makes_a_repeated_key_an_error() {
    let fixtures = Fixtures::load();
    let sql = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ddl/options/duplicate_key.sql"
    ))
    .expect("case reads");
    let lenient = compile_sql(&sql, &fixtures.env());
    assert!(!lenient.has_errors(), "{:?}", lenient.diagnostics);
    let strict = compile_sql(&sql, &fixtures.env().strict(true));
    let codes: Vec<(bool, &str)> = strict
        .diagnostics
        .iter()
        .map(|d| (d.is_error(), d.code.as_str()))
        .collect();
    assert_eq!(codes, [(true, "option::duplicate")]);
    assert!(strict.tables.is_empty());
}
