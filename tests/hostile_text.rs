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

// --- byte order mark -----------------------------------------------------------------

#[test]
fn a_byte_order_mark_is_skipped() {
    let sql = "\u{feff}CREATE TABLE t (id BIGINT, name TEXT);\nCREATE TABLE u (id BIGINT);";
    let out = compile(sql);
    assert!(out.diagnostics.is_empty(), "{:?}", diags(sql, &out));
    let names: Vec<&str> = out.tables.iter().map(|t| t.name()).collect();
    assert_eq!(names, ["t", "u"]);
}

#[test]
fn spans_after_a_byte_order_mark_are_offsets_into_the_original_text() {
    // An error on line 1, after the mark, and one on line 2.
    let sql = "\u{feff}CREATE TABLE t (id BIGINTT);\nCREATE TABLE u (id BIGINT, name TEXTT);";
    let out = compile(sql);
    let at: Vec<String> = diags(sql, &out).into_iter().map(|d| d.3).collect();
    assert_eq!(at, ["BIGINTT", "TEXTT"], "{:?}", diags(sql, &out));
    // A syntax error from sqlparser, on line 1.
    let sql = "\u{feff}CREATE TABL t (id BIGINT);\nSELEC 1;";
    let out = compile(sql);
    let at: Vec<String> = diags(sql, &out).into_iter().map(|d| d.3).collect();
    assert_eq!(at, ["TABL", "SELEC"], "{:?}", diags(sql, &out));
    let sql = "\u{feff}SELEC 1;";
    let out = compile(sql);
    let at: Vec<String> = diags(sql, &out).into_iter().map(|d| d.3).collect();
    assert_eq!(at, ["SELEC"], "{:?}", diags(sql, &out));
    // The human rendering still points at the word.
    let human = out.render_human("input.sql", false);
    assert!(human.contains("input.sql:1:"), "{human}");
}

// --- control characters --------------------------------------------------------------

/// A terminal escape that clears the screen, and one that sets the window title.
const CLEAR: &str = "\u{1b}[2J";
const TITLE: &str = "\u{1b}]0;pwned\u{7}";

fn assert_no_raw_control(shown: &str, what: &str) {
    assert!(
        !shown.contains(CLEAR) && !shown.contains(TITLE) && !shown.contains('\u{7}'),
        "{what} reaches the terminal raw: {shown:?}"
    );
    assert!(
        !shown.contains('\u{202e}'),
        "{what}: bidi override raw: {shown:?}"
    );
}

#[test]
fn human_diagnostics_escape_control_characters() {
    let sql = format!(
        "CREATE TABLE \"t{CLEAR}\" (id BIGINT) WITH (connector = 'kafka{TITLE}', x\u{202e} = 1);\n\
         CREATE TABLE u (\"c{CLEAR}\" BIGINTT);"
    );
    let out = compile(&sql);
    assert!(out.has_errors());
    for color in [false, true] {
        let human = out.render_human(&format!("in{CLEAR}.sql"), color);
        assert_no_raw_control(&human, "human output");
        assert!(human.contains("\\u{1b}"), "{human}");
    }
}

#[test]
fn summaries_and_ddl_escape_control_characters() {
    let sql = format!(
        "CREATE TABLE \"t{CLEAR}\" (\"c{TITLE}\" BIGINT, \"tab\tname\" TEXT);\n\
         CREATE TABLE k (id BIGINT) WITH (connector = 'kafka', topic = 'a{CLEAR}\u{202e}b', \
         type = 'source', format = 'json', bootstrap_servers = 'localhost:9092');"
    );
    let out = compile(&sql);
    assert_eq!(out.tables.len(), 2, "{:?}", out.diagnostics);
    for t in &out.tables {
        let summary = connector_ddl::text::summary(t);
        let ddl = connector_ddl::text::to_ddl(t);
        assert_no_raw_control(&summary, "summary");
        assert_no_raw_control(&ddl, "DDL");
        assert!(summary.contains("\\u{1b}"), "{summary}");
        assert!(ddl.contains("\\u{1b}"), "{ddl}");
    }
    // Tabs are kept.
    let first = connector_ddl::text::summary(&out.tables[0]);
    assert!(first.contains("tab\tname"), "{first}");
}

#[test]
fn normal_text_is_unchanged() {
    let sql = "CREATE TABLE \"tab\tname\" (\"é€😀\" BIGINT,\n id BIGINT);";
    let out = compile(sql);
    assert_eq!(out.tables.len(), 1, "{:?}", out.diagnostics);
    let ddl = connector_ddl::text::to_ddl(&out.tables[0]);
    assert!(
        ddl.contains("\"tab\tname\"") && ddl.contains("\"é€😀\""),
        "{ddl}"
    );
}
