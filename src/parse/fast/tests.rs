//! The front end's fast path (`src/parse/fast/`) reads every statement it accepts exactly
//! as the general path (sqlparser's tokenizer and our table parser) does: over the DDL
//! corpus, the examples, the generated bench script, and texts at the tokenizer's edges.

#[path = "../../../benches/support/gen.rs"]
mod gen;

use super::check::{compare, FastPathCount};
use crate::test_corpus::sql_files;

fn check(name: &str, sql: &str) -> FastPathCount {
    match compare(sql) {
        Ok(count) => count,
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn the_corpus_reads_the_same() {
    let mut files = sql_files("tests/ddl");
    files.extend(sql_files("examples/sql"));
    let mut total = FastPathCount::default();
    for (name, sql) in &files {
        let count = check(name, sql);
        // Each file also as the second statement of a script, and doubled.
        check(name, &format!("SELECT 1;\n{sql}"));
        check(name, &format!("{sql};\n{sql}"));
        total.statements += count.statements;
        total.fast += count.fast;
    }
    assert!(files.len() > 100, "{} files", files.len());
    // Most of the corpus is mistakes, which the general path reads; the fast path reads
    // the valid statements.
    eprintln!(
        "corpus: {} files, {} statements, {} on the fast path",
        files.len(),
        total.statements,
        total.fast
    );
    assert!(total.fast * 3 > total.statements, "{total:?}");
}

#[test]
fn the_bench_script_takes_the_fast_path_throughout() {
    let sql = gen::kafka_script(300);
    let count = check("bench script", &sql);
    assert_eq!(
        count,
        FastPathCount {
            statements: 300,
            fast: 300
        }
    );
}

#[test]
fn the_fast_path_takes_over_again_after_the_tokenizer() {
    // A statement the fast lexer is unsure of goes to the tokenizer, which stops at the
    // first statement end it has read nothing past; the fast path reads the rest.
    let mut sql = String::from("CREATE TABLE t (`a` INT) WITH (k = E'x');\n");
    for i in 0..200 {
        sql.push_str(&format!("CREATE TABLE t{i} (a INT) WITH (k = 'v');\n"));
    }
    let count = check("after a backtick", &sql);
    assert_eq!(count.statements, 201);
    assert!(count.fast >= 150, "{count:?}");
}

#[test]
fn edges_of_the_tokenizer_read_the_same() {
    for sql in [
        "",
        ";;;",
        "\u{feff}CREATE TABLE t (a INT) WITH (connector = 'kafka')",
        "\u{feff}CREATE TABLE t (a INT);\u{feff}CREATE TABLE u (b INT)",
        "CREATE TABLE t (a INT) WITH (k = E'x\\'y'); CREATE TABLE u (b INT)",
        "CREATE TABLE t (a INT) WITH (k = 'é'); CREATE TABLE \"é\" (b INT); CREATE TABLE é (c INT)",
        "CREATE TABLE t (a INT) WITH (k = 'open);\nCREATE TABLE u (b INT)",
        "CREATE TABLE t (a INT); /* open",
        "CREATE TABLE t (`a` INT); CREATE TABLE u (b INT);\n\nCREATE TABLE v (c INT)",
        "COPY t FROM STDIN;\n1\t2\n\\.\nCREATE TABLE u (b INT)",
        "CREATE TABLE t (a INT); COPY t FROM STDIN;\n1\n\\.\n",
        "CREATE SOURCE s (a INT) WITH (connector = 'kafka') FORMAT PLAIN ENCODE JSON; CREATE TABLE t (a INT)",
        "CREATE TABLE t (a INT,) INCLUDE key WITH (connector = 'kafka') FORMAT PLAIN ENCODE JSON",
        "CREATE TABLE t (a INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (a) NOT ENFORCED) PARTITIONED BY (a, bucket(4, a)) WITH ('a.b-c' = -1, x = NULL, y = z, \"q\" = true, n = 1.5)",
        "CREATE TABLE t (a INT GENERATED ALWAYS AS (metadata('k')), b INT AS (a + 1) STORED, c AS a * 2)",
        "CREATE TABLE t (a INT NOT NULL NULL, b SMALLINT, c MAP<TEXT, ARRAY<ROW<x INT, y TEXT>>>, d INT[] ARRAY)",
        "CREATE TABLE t (a INT METADATA FROM 'offset' VIRTUAL, b TEXT METADATA) WITH (c = INTERVAL '1' SECOND)",
        "CREATE OR REPLACE TEMPORARY TABLE IF NOT EXISTS a.\"B c\".'d' (x INT) WITH ()",
        "CREATE TABLE t AS SELECT 1; CREATE TABLE u (a INT) AS SELECT 2; CREATE TABEL v (a INT)",
        "CREATE TABLE t (a INT) WITH (k = 'v') WITH (k = 'w'); CREATE TABLE t (a INT) COMMENT 'x'",
        "SELECT 1; INSERT INTO t SELECT * FROM u; CREATE VIEW v AS SELECT 1; FOO BAR",
        "CREATE TABLE t (a INT\nb INT) WITH (k = 'v' l = 'w')",
        "CREATE TABLE t (a INT) WITH (k = 'v'",
        "CREATE TABLE t (a INT, b INT AS (a +), c INT AS (a) d)",
        "CREATE TABLE t (a DECIMAL(40, 2), b UUID, c TIMESTAMP(4), d STRUCT<INT>)",
        "create table T (A int) with (Connector = 'Kafka') ; -- trailing comment",
        "CREATE TABLE t (a INT) WITH (k = 'it''s', \"a\"\"b\" = 'c')\r\n;\r\nCREATE TABLE u (b INT)",
        "CREATE TABLE t (a INT) WITH (k = 1e5); CREATE TABLE u (a INT) WITH (k = 0x1F, l = .5)",
        "CREATE TABLE t (a INT) WITH (k = -'x', l = + 1, m = ARRAY['a', 'b'], n = ('a', 'b'))",
    ] {
        check(sql, sql);
    }
}
