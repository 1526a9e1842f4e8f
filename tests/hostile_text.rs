//! Hostile text (issue #9, "Files and text"): near misses of `CREATE TABLE` that used to be
//! skipped in silence, a UTF-8 byte order mark, and control characters that reached the
//! terminal raw.

use connector_ddl::{compile_sql, Compiled, Env, Registry};

fn compile(sql: &str) -> Compiled {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    compile_sql(sql, &env)
}

/// `(code, message, help, span text)` of every diagnostic.
fn diags(sql: &str, out: &Compiled) -> Vec<(String, String, Option<String>, String)> {
    out.diagnostics
        .iter()
        .map(|d| {
            (
                d.code.as_str().to_string(),
                d.message.clone(),
                d.help.clone(),
                sql.get(d.span.start..d.span.end).unwrap_or("").to_string(),
            )
        })
        .collect()
}

// --- near misses ---------------------------------------------------------------------

#[test]
fn a_misspelled_table_keyword_is_a_syntax_error_at_the_word() {
    let sql = "CREATE TABL t (id BIGINT) WITH (connector = 'memory');";
    let out = compile(sql);
    let d = diags(sql, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    let (code, _, help, at) = &d[0];
    assert_eq!(code, "parse::syntax");
    assert_eq!(at, "TABL");
    assert_eq!(help.as_deref(), Some("did you mean `TABLE`?"));
}

#[test]
fn a_misspelled_temporary_keyword_is_a_syntax_error_at_the_word() {
    for (sql, word, meant) in [
        (
            "CREATE TEMPROARY TABLE t (id BIGINT);",
            "TEMPROARY",
            "TEMPORARY",
        ),
        ("create temporary tabel t (id BIGINT);", "tabel", "TABLE"),
        ("CREATE OR REPLACE TALBE t (id BIGINT);", "TALBE", "TABLE"),
        ("CREATE TEMP TABLES t (id BIGINT);", "TABLES", "TABLE"),
    ] {
        let out = compile(sql);
        let d = diags(sql, &out);
        assert_eq!(d.len(), 1, "{sql}: {d:?}");
        let (code, _, help, at) = &d[0];
        assert_eq!(code, "parse::syntax", "{sql}");
        assert_eq!(at, word, "{sql}");
        assert_eq!(
            help.clone(),
            Some(format!("did you mean `{meant}`?")),
            "{sql}"
        );
    }
}

#[test]
fn statements_skipped_on_purpose_stay_silent() {
    for sql in [
        "CREATE VIEW v AS SELECT 1;",
        "CREATE TEMPORARY VIEW v AS SELECT 1;",
        "CREATE TEMPORARY FUNCTION f AS 'x';",
        "CREATE INDEX i ON t (a);",
        "CREATE TYPE mood AS ENUM ('sad');",
        "CREATE SCHEMA s;",
        "CREATE DATABASE d;",
        "CREATE EXTERNAL TABLE t (a INT) STORED AS PARQUET LOCATION 'x';",
        "INSERT INTO t SELECT 1;",
        "SELECT 1;",
        "CREATE TABLE t (id BIGINT); CREATE TABLE u AS SELECT * FROM t;",
    ] {
        let out = compile(sql);
        assert!(out.diagnostics.is_empty(), "{sql}: {:?}", diags(sql, &out));
    }
}
