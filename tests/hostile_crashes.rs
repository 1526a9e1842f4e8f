//! Hostile inputs that used to crash the compiler (issue #9, "Crashes"): long left-deep
//! expression chains (a stack overflow while sqlparser's tree was walked or dropped), type
//! nesting through `T[]` suffixes, and a human rendering past column 65,535 (a panic inside
//! miette).
//!
//! Each input is compiled *and* rendered on a thread with a 2 MB stack, as embedders run
//! the compiler on worker threads: it must end in a diagnostic, never in an abort or a
//! panic. The inputs are large enough to have crashed, and small enough for a debug build.

use connector_ddl::{compile_request, compile_sql, Compiled, Env, Registry};

const SMALL_STACK: usize = 2 << 20;

/// Compiles `input` (SQL, or a JSON request when `request`) and renders its diagnostics on
/// a thread with a 2 MB stack; returns the codes of the diagnostics and the rendering.
fn compile_small_stack(input: String, request: bool) -> (Vec<String>, String) {
    let worker = std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let registry = Registry::builtin();
            let env = Env::new(&registry);
            let out: Compiled = if request {
                compile_request(&input, &env)
            } else {
                compile_sql(&input, &env)
            };
            let codes = out
                .diagnostics
                .iter()
                .map(|d| d.code.as_str().to_string())
                .collect::<Vec<_>>();
            let human = out.render_human("input.sql", false);
            let colored = out.render_human("input.sql", true);
            assert!(colored.len() >= human.len());
            (codes, human)
        })
        .expect("thread spawns");
    worker.join().expect("the compiler does not panic")
}

fn sql(input: String) -> (Vec<String>, String) {
    compile_small_stack(input, false)
}

fn assert_code(codes: &[String], human: &str, code: &str) {
    assert!(
        codes.iter().any(|c| c == code),
        "expected `{code}`, got {codes:?}"
    );
    assert!(
        human.contains(&format!("error[{code}]")),
        "human rendering lacks `error[{code}]`: {}",
        &human[..human.len().min(2000)]
    );
}

fn table(elements: &str, with: &str) -> String {
    format!(
        "CREATE TABLE t (\n    ts TIMESTAMP,\n    {elements}\n) WITH (\n    connector = 'kafka',\n    bootstrap_servers = 'localhost:9092',\n    topic = 't',\n    type = 'source',\n    format = 'json'{with}\n);\n"
    )
}

/// `first op term op term …` with `n` terms after the first.
fn chain(first: &str, op: &str, term: &str, n: usize) -> String {
    let mut s = String::with_capacity(first.len() + n * (op.len() + term.len() + 2));
    s.push_str(first);
    for _ in 0..n {
        s.push(' ');
        s.push_str(op);
        s.push(' ');
        s.push_str(term);
    }
    s
}

#[test]
fn long_watermark_chain_is_too_deep() {
    let expr = chain("ts", "+", "INTERVAL '1' SECOND", 20_000);
    let (codes, human) = sql(table(&format!("WATERMARK FOR ts AS {expr}"), ""));
    assert_code(&codes, &human, "limit::nesting");
}

#[test]
fn long_generated_column_chain_is_too_deep() {
    let expr = chain("a", "+", "a", 40_000);
    let (codes, human) = sql(table(&format!("a INT, b AS {expr}"), ""));
    assert_code(&codes, &human, "limit::nesting");
    let (codes, human) = sql(table(
        &format!("a INT, b INT GENERATED ALWAYS AS ({expr})"),
        "",
    ));
    assert_code(&codes, &human, "limit::nesting");
}

#[test]
fn long_default_and_check_chains_are_too_deep() {
    let expr = chain("1", "+", "1", 40_000);
    let (codes, human) = sql(table(&format!("a INT DEFAULT {expr}"), ""));
    assert_code(&codes, &human, "limit::nesting");
    let (codes, human) = sql(table(&format!("a INT CHECK ({expr} > 0)"), ""));
    assert_code(&codes, &human, "limit::nesting");
    let (codes, human) = sql(table(&format!("a INT, CHECK ({expr} > 0)"), ""));
    assert_code(&codes, &human, "limit::nesting");
}

#[test]
fn long_with_value_and_partition_chains_are_too_deep() {
    let expr = chain("1", "+", "1", 40_000);
    let (codes, human) = sql(table("a INT", &format!(",\n    'x.y' = {expr}")));
    assert_code(&codes, &human, "limit::nesting");
    let cast = chain("a", "::", "INT", 40_000);
    let (codes, human) = sql(table("a INT", &format!(",\n    'x.y' = {cast}")));
    assert_code(&codes, &human, "limit::nesting");
    let sql_text = table("a INT", "").replace(
        ") WITH",
        &format!(") PARTITIONED BY ({}) WITH", chain("a", "+", "a", 40_000)),
    );
    let (codes, human) = sql(sql_text);
    assert_code(&codes, &human, "limit::nesting");
}

#[test]
fn long_chain_in_a_statement_we_do_not_know_is_too_deep() {
    let (codes, human) = sql(format!("ASSERT {};", chain("a", "+", "a", 40_000)));
    assert_code(&codes, &human, "limit::nesting");
    let union = chain("(SELECT 1", "UNION", "SELECT 1, 2", 20_000);
    let (codes, human) = sql(format!("{union});"));
    assert_code(&codes, &human, "limit::nesting");
}

#[test]
fn long_request_watermark_chain_is_too_deep() {
    let expr = chain("ts", "-", "INTERVAL '1' SECOND", 20_000);
    let request = format!(
        r#"{{"name": "t", "connector": "kafka",
 "config": {{"bootstrap_servers": "localhost:9092", "topic": "t", "type": "source"}},
 "schema": {{"format": "json",
   "fields": [{{"name": "ts", "type": "timestamp"}}],
   "watermark": {{"column": "ts", "expression": "{expr}"}}}}}}"#
    );
    let (codes, human) = compile_small_stack(request, true);
    assert_code(&codes, &human, "limit::nesting");
}

#[test]
fn a_chain_under_the_limit_still_compiles() {
    let expr = chain("ts", "-", "INTERVAL '1' SECOND", 200);
    let (codes, _) = sql(table(&format!("WATERMARK FOR ts AS {expr}"), ""));
    assert!(!codes.iter().any(|c| c == "limit::nesting"), "{codes:?}");
}

#[test]
fn array_suffixes_count_toward_the_type_nesting_limit() {
    for ty in [
        format!("INT{}", "[]".repeat(33)),
        format!("INT{}", "[]".repeat(50_000)),
        format!("INT{}", " ARRAY".repeat(33)),
        format!("ARRAY<INT{}>", "[]".repeat(32)),
        format!("ARRAY<INT>{}", "[]".repeat(32)),
        format!("STRUCT<a INT{}>", "[]".repeat(32)),
        format!("ROW(a INT{})", "[]".repeat(32)),
        format!("MAP<TEXT, INT{}>", "[]".repeat(32)),
        format!("{}INT{}", "ARRAY<".repeat(16), ">".repeat(16)) + &"[]".repeat(17),
    ] {
        let (codes, human) = sql(table(&format!("a {ty}"), ""));
        assert_code(&codes, &human, "limit::nesting");
    }
    // 32 levels, however written, are still allowed.
    for ty in [
        format!("INT{}", "[]".repeat(32)),
        format!("{}INT{}", "ARRAY<".repeat(16), ">".repeat(16)) + &"[]".repeat(16),
    ] {
        let (codes, _) = sql(table(&format!("a {ty}"), ""));
        assert!(
            !codes.iter().any(|c| c == "limit::nesting"),
            "{ty}: {codes:?}"
        );
    }
}

#[test]
fn a_diagnostic_past_column_65535_renders() {
    // One line: the unknown option sits past column 65,535.
    let long = "x".repeat(70_000);
    let input = format!(
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', bootstrap_servers = 'localhost:9092', topic = '{long}', type = 'source', format = 'json', nope = 1);"
    );
    assert!(input.find("nope").is_some_and(|at| at > 70_000));
    let (codes, human) = sql(input);
    assert!(!codes.is_empty());
    assert!(
        human.contains("error["),
        "{}",
        &human[..human.len().min(2000)]
    );
}

#[test]
fn the_longest_expressions_allowed_are_safe_on_a_small_stack() {
    // Just under 10,000 tokens: as deep as a tree may get.
    let (codes, _) = sql(table(
        &format!("a INT, b AS {}", chain("a", "+", "a", 4_999)),
        "",
    ));
    assert!(!codes.iter().any(|c| c == "limit::nesting"), "{codes:?}");
    let (codes, _) = sql(table(
        "a INT",
        &format!(",\n    'x.y' = ('v', {})", chain("a", "::", "INT", 3_320)),
    ));
    assert!(!codes.iter().any(|c| c == "limit::nesting"), "{codes:?}");
    let (codes, _) = sql(table(
        &format!(
            "WATERMARK FOR ts AS {}",
            chain("ts", "-", "INTERVAL '1' SECOND", 2_490)
        ),
        "",
    ));
    assert!(!codes.iter().any(|c| c == "limit::nesting"), "{codes:?}");
}

#[test]
fn protobuf_extensions_sharing_a_number_are_an_error_not_a_panic() {
    // Found by `cargo fuzz run protobuf`: protox accepts two extensions of one message
    // with one number, and prost-reflect then panicked resolving an option that uses one.
    let proto = r#"
        syntax = "proto3";
        import "google/protobuf/descriptor.proto";
        message Options { int32 level = 1; }
        extend google.protobuf.MessageOptions {
            Options shape = 50001;
            bool flagged = 50001;
        }
        message Event {
            option (flagged) = true;
            int64 id = 1;
        }
    "#;
    let no_imports = |_: &str| -> Result<Option<String>, String> { Ok(None) };
    let err =
        connector_ddl::schema::protobuf::expand_protobuf("event.proto", proto, &no_imports, None)
            .map(drop)
            .expect_err("duplicate extension number");
    assert_eq!(err.code.as_str(), "schema::invalid");
    assert!(err.message.contains("50001"), "{}", err.message);
}
