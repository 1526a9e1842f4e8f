//! Property tests: canonical DDL round-trips, spans stay inside the input, output is
//! deterministic, and no input makes the compiler panic.

use connector_ddl::text::{to_ddl, to_ddl_with_vars};
use connector_ddl::{compile_sql, Env, Registry};
use proptest::prelude::*;

const TYPES: &[&str] = &[
    "BOOLEAN",
    "INT",
    "BIGINT",
    "INT UNSIGNED",
    "BIGINT UNSIGNED",
    "FLOAT",
    "DOUBLE",
    "DECIMAL(10, 2)",
    "TEXT",
    "JSON",
    "BYTEA",
    "TIMESTAMP",
    "TIMESTAMP(3)",
    "TEXT[]",
    "STRUCT<a INT, b TEXT>",
    "MAP<TEXT, BIGINT>",
    "ARRAY<MAP<TEXT, INT>>",
    "JSON[]",
    "ARRAY<TEXT NOT NULL>",
    "MAP<TEXT, INT NOT NULL>",
    "ARRAY<MAP<TEXT, BIGINT NOT NULL> NOT NULL>",
];

fn column() -> impl Strategy<Value = (String, bool)> {
    (0..TYPES.len(), any::<bool>()).prop_map(|(t, nn)| (TYPES[t].to_string(), nn))
}

fn table() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(column(), 1..6),
        prop::sample::select(vec!["source", "sink"]),
        prop::sample::select(vec!["json", "avro", "debezium_json"]),
        any::<bool>(),
        prop::sample::select(vec!["earliest", "latest", "group"]),
    )
        .prop_map(|(cols, ty, format, watermark, offset)| {
            let mut defs: Vec<String> = cols
                .iter()
                .enumerate()
                .map(|(i, (t, nn))| format!("c{i} {t}{}", if *nn { " NOT NULL" } else { "" }))
                .collect();
            defs.push("id BIGINT NOT NULL PRIMARY KEY".into());
            if watermark {
                defs.push("ts TIMESTAMP NOT NULL".into());
                defs.push("WATERMARK FOR ts AS ts - INTERVAL '5' SECOND".into());
            }
            let source_opts = if ty == "source" { format!(", 'source.offset' = '{offset}'") } else { String::new() };
            format!(
                "CREATE TABLE t ({}) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 'x', \
                 type = '{ty}', format = '{format}'{source_opts}, client_configs = 'a=1,b=2');",
                defs.join(", ")
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn canonical_ddl_round_trips(sql in table()) {
        let registry = Registry::builtin();
        let env = Env::new(&registry);
        let first = compile_sql(&sql, &env);
        prop_assert!(!first.has_errors(), "{sql}: {:?}", first.diagnostics);
        let printed: String = first.tables.iter().map(to_ddl).collect();
        let second = compile_sql(&printed, &env);
        prop_assert!(!second.has_errors(), "{printed}: {:?}", second.diagnostics);
        let a = serde_json::to_string(&first.tables).unwrap_or_default();
        let b = serde_json::to_string(&second.tables).unwrap_or_default();
        prop_assert_eq!(a, b);
        // Printing is a fixed point.
        let again: String = second.tables.iter().map(to_ddl).collect();
        prop_assert_eq!(printed, again);
    }

    #[test]
    fn mangled_input_never_panics_and_spans_stay_inside(
        sql in table(),
        cut in 0usize..400,
        len in 0usize..40,
        insert in "[(),;'\"<>=a-z0-9 \\[\\]]{0,8}",
    ) {
        let registry = Registry::builtin();
        let env = Env::new(&registry);
        let mut s: String = sql.chars().collect();
        let chars: Vec<char> = s.chars().collect();
        let start = cut.min(chars.len());
        let end = (start + len).min(chars.len());
        s = chars[..start].iter().collect::<String>() + &insert + &chars[end..].iter().collect::<String>();
        let out = compile_sql(&s, &env);
        for d in &out.diagnostics {
            if !d.span.is_detached() {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= s.len(), "{s}: {d:?}");
                prop_assert!(s.is_char_boundary(d.span.start) && s.is_char_boundary(d.span.end));
            }
        }
        // Deterministic: the same input gives the same output.
        let again = compile_sql(&s, &env);
        prop_assert_eq!(format!("{:?}", out.diagnostics), format!("{:?}", again.diagnostics));
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let registry = Registry::builtin();
        let _ = compile_sql(&s, &Env::new(&registry));
    }
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_crash() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let deep_type = format!(
        "CREATE TABLE t (a {}INT{}) WITH (connector = 'stdout', format = 'json')",
        "ARRAY<".repeat(5000),
        ">".repeat(5000)
    );
    let out = compile_sql(&deep_type, &env);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "limit::nesting"),
        "{:?}",
        out.diagnostics
    );
    let deep_expr = format!("CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS ({}a{})) WITH (connector = 'stdout', format = 'json')", "(".repeat(5000), ")".repeat(5000));
    let out = compile_sql(&deep_expr, &env);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "limit::nesting"),
        "{:?}",
        out.diagnostics
    );
    let deep_value = format!(
        "CREATE TABLE t (a INT) WITH (connector = 'stdout', format = {}'json'{})",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let out = compile_sql(&deep_value, &env);
    assert!(out.has_errors());
    let huge = format!(
        "CREATE TABLE t (d DECIMAL({}, 2)) WITH (connector = 'stdout', format = 'json')",
        "9".repeat(100)
    );
    let out = compile_sql(&huge, &env);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "type::decimal_range"),
        "{:?}",
        out.diagnostics
    );
}

#[allow(dead_code)] // the snapshot harnesses use the rest
mod common;

/// The JSON of a table with every `{{ VAR }}` placeholder shown as `********`: printing a
/// literal secret as a placeholder is the one difference the round trip allows.
fn comparable(tables: &[connector_ddl::Table]) -> String {
    let json = serde_json::to_string_pretty(tables).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    let mut rest = json.as_str();
    while let Some(open) = rest.find("{{") {
        let close = rest[open..].find("}}").map(|c| open + c + 2);
        match close {
            Some(close)
                if rest[open + 2..close - 2]
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                out.push_str(&rest[..open]);
                out.push_str("********");
                rest = &rest[close..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = &rest[open + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every case of `tests/ddl` that compiles prints as DDL that compiles back to the same
/// tables (literal secrets become placeholders), and printing that again changes nothing.
#[test]
fn every_compiling_case_round_trips_through_ddl() {
    let fixtures = common::Fixtures::load();
    let env = fixtures.env();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ddl");
    let mut stack = vec![root];
    let mut cases = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus dir reads") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                cases.push(path);
            }
        }
    }
    cases.sort();
    let (mut tried, mut failed) = (0, Vec::new());
    for path in &cases {
        let sql = std::fs::read_to_string(path).expect("case reads");
        let first = compile_sql(&sql, &env);
        if first.tables.is_empty() {
            continue;
        }
        tried += 1;
        let (mut printed, mut vars) = (String::new(), Vec::new());
        for t in &first.tables {
            let (text, names) = to_ddl_with_vars(t);
            printed.push_str(&text);
            vars.extend(names);
        }
        let second = compile_sql(&printed, &env);
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path)
            .display();
        // A credential written in a URL that substitutes no placeholders (polling_http's
        // `endpoint`) cannot be printed so that it compiles without showing it: the
        // placeholder is refused, with a help saying to send it in `headers`. That is the
        // one failure allowed, and only for a value we turned into a placeholder.
        let refused_placeholder = |d: &connector_ddl::Diagnostic| {
            d.code.as_str() == "option::invalid_value"
                && d.message.contains("placeholders are not substituted")
                && printed
                    .get(d.span.start..d.span.end)
                    .is_some_and(|text| vars.iter().any(|v| text.contains(v.as_str())))
        };
        if second.has_errors()
            && second
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .all(refused_placeholder)
        {
            continue;
        }
        if second.has_errors() {
            let errors: Vec<String> = second
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| format!("{}: {}", d.code.as_str(), d.message))
                .collect();
            failed.push(format!("{name}: printed DDL fails: {errors:?}\n{printed}"));
            continue;
        }
        let (a, b) = (comparable(&first.tables), comparable(&second.tables));
        if a != b {
            let diff: Vec<String> = a
                .lines()
                .zip(b.lines())
                .filter(|(x, y)| x != y)
                .take(3)
                .map(|(x, y)| format!("  - {x}\n  + {y}"))
                .collect();
            failed.push(format!(
                "{name}: another table\n{}\n{printed}",
                diff.join("\n")
            ));
            continue;
        }
        let again: String = second.tables.iter().map(to_ddl).collect();
        if again != printed {
            failed.push(format!(
                "{name}: printing is not a fixed point\n{printed}\n{again}"
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {tried} compiling cases do not round-trip:\n{}",
        failed.len(),
        failed.join("\n\n")
    );
}

/// A table whose columns come from a schema definition prints the definition's option, not
/// the columns (some of which a connection table could not declare); literal secrets print
/// as placeholders named after the table and the setting.
#[test]
fn printed_ddl_keeps_the_definition_and_hides_secrets() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let sql = r#"CREATE TABLE visits (
        host TEXT METADATA FROM 'topic'
    ) WITH (
        connector = 'kafka', bootstrap_servers = 'b:9092', topic = 'visits', type = 'source',
        format = 'avro',
        avro.schema = '{"type": "record", "name": "V", "fields": [{"name": "day", "type": {"type": "int", "logicalType": "date"}}]}',
        client_configs = 'sasl.password=hunter2secret,linger.ms=5'
    );"#;
    let first = compile_sql(sql, &env);
    assert!(!first.has_errors(), "{:?}", first.diagnostics);
    let (text, vars) = to_ddl_with_vars(&first.tables[0]);
    assert!(!text.contains("hunter2secret"), "{text}");
    assert!(
        !text.contains("DATE"),
        "the expanded column is left to the schema: {text}"
    );
    assert!(text.contains("host TEXT METADATA FROM 'topic'"), "{text}");
    assert!(text.contains("avro.schema = '"), "{text}");
    assert!(
        text.contains("sasl.password={{ VISITS_SASL_PASSWORD }},linger.ms=5"),
        "{text}"
    );
    assert_eq!(vars, ["VISITS_SASL_PASSWORD"]);
    let second = compile_sql(&text, &env);
    assert!(!second.has_errors(), "{text}: {:?}", second.diagnostics);
    assert_eq!(comparable(&first.tables), comparable(&second.tables));
}
