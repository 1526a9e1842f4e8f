//! Hostile schema inputs (issue #9, "Time and memory"): each is generated here, small in
//! absolute terms but catastrophic without a bound, and must end quickly with the
//! `limit::nesting` diagnostic (or a linear-time result) and a bounded output.
//!
//! Timing stays in the benches (tests here never time anything): the large inputs that used
//! to take quadratic time are kept as checks of the results, and each must still end.

use std::fmt::Write as _;

use connector_ddl::diagnostics::codes;
use connector_ddl::schema::json_schema::{expand_json_schema, MAX_EXPANDED_FIELDS};
use connector_ddl::schema::protobuf::expand_protobuf;
use connector_ddl::span::LineIndex;
use connector_ddl::{compile_sql, Compiled, Env, Registry};

/// The most bytes of output (tables as JSON and diagnostic texts) any test here may produce.
const OUTPUT_BOUND: usize = 1 << 20;

fn compile(sql: &str) -> Compiled {
    let registry = Registry::builtin();
    compile_sql(sql, &Env::new(&registry))
}

/// The size of what a CLI would print: every table as JSON, every diagnostic's text.
fn output_size(out: &Compiled) -> usize {
    let tables: usize = out
        .tables
        .iter()
        .map(|t| serde_json::to_string(t).map_or(0, |s| s.len()))
        .sum();
    let diagnostics: usize = out
        .diagnostics
        .iter()
        .map(|d| d.message.len() + d.help.as_ref().map_or(0, String::len))
        .sum();
    tables + diagnostics
}

fn kafka_table(format: &str, schema_option: &str, schema: &str) -> String {
    format!(
        "CREATE TABLE hostile WITH (\n    connector = 'kafka',\n    bootstrap_servers = 'localhost:9092',\n    topic = 't',\n    type = 'source',\n    format = '{format}',\n    {schema_option} = '{}'\n);\n",
        schema.replace('\'', "''")
    )
}

/// Asserts that compiling `sql` fails with `limit::nesting` naming `limit`, produces no
/// table and a bounded output.
fn assert_nesting_limit(out: &Compiled, limit: &str) {
    let hit = out
        .diagnostics
        .iter()
        .find(|d| d.code == codes::TOO_DEEP)
        .unwrap_or_else(|| panic!("no limit::nesting diagnostic in {:#?}", out.diagnostics));
    assert!(
        hit.message.contains(limit),
        "the message does not name the limit {limit}: {}",
        hit.message
    );
    assert!(out.tables.is_empty(), "a table compiled despite the limit");
    assert!(
        output_size(out) < OUTPUT_BOUND,
        "{} bytes",
        output_size(out)
    );
}

/// `levels` definitions, each using the next one twice: 2^levels fields when expanded.
fn json_schema_fan_out(levels: usize) -> String {
    let mut defs = String::new();
    for i in 0..levels {
        let _ = write!(
            defs,
            r##""d{i}": {{"type": "object", "properties": {{"a": {{"$ref": "#/$defs/d{n}"}}, "b": {{"$ref": "#/$defs/d{n}"}}}}}}, "##,
            n = i + 1
        );
    }
    format!(
        r##"{{"$defs": {{{defs}"d{levels}": {{"type": "string"}}}}, "properties": {{"root": {{"$ref": "#/$defs/d0"}}}}}}"##
    )
}

#[test]
fn json_schema_ref_fan_out_is_bounded() {
    let schema = json_schema_fan_out(30);
    assert!(schema.len() < 4_000);
    let err = expand_json_schema(&schema)
        .map(drop)
        .expect_err("2^30 fields must not expand");
    assert_eq!(err.code, codes::TOO_DEEP);
    assert!(
        err.message.contains(&MAX_EXPANDED_FIELDS.to_string()),
        "{}",
        err.message
    );
    // Through arrays and maps too.
    let schema = json_schema_fan_out(30)
        .replace(
            r#""b": {"$ref""#,
            r#""b": {"type": "array", "items": {"$ref""#,
        )
        .replace(r#"}}}, "d"#, r#"}}}}, "d"#);
    let err = expand_json_schema(&schema).map(drop).expect_err("arrays");
    assert_eq!(err.code, codes::TOO_DEEP);
}

#[test]
fn json_schema_below_the_field_limit_still_expands() {
    // 2^12 leaves: well below the limit, and reused definitions keep it fast.
    let expansion =
        expand_json_schema(&json_schema_fan_out(12)).expect("a schema below the limit expands");
    assert_eq!(expansion.fields.len(), 1);
}

#[test]
fn json_schema_ref_fan_out_through_compile_sql() {
    let sql = kafka_table("json", "json.schema", &json_schema_fan_out(30));
    let out = compile(&sql);
    assert_nesting_limit(&out, &MAX_EXPANDED_FIELDS.to_string());
}

#[test]
fn json_schema_many_properties_are_linear() {
    // 120,000 properties (3 MB): uniting them looked each name up among those before it.
    // (Over the field limit; the step limit is twice it since issue #10.)
    let props = |n: usize| {
        let mut props = String::new();
        for i in 0..n {
            let _ = write!(props, r#""p{i}": {{"type": "string"}},"#);
        }
        props.pop();
        props
    };
    let schema = format!(r#"{{"properties": {{{}}}}}"#, props(120_000));
    let err = expand_json_schema(&schema)
        .map(drop)
        .expect_err("over the field limit");
    assert_eq!(err.code, codes::TOO_DEEP);
    // Below the limits they expand, united over two `allOf` parts, in order.
    let p = props(20_000);
    let schema = format!(r#"{{"allOf": [{{"properties": {{{p}}}}}, {{"properties": {{{p}}}}}]}}"#);
    let expansion = expand_json_schema(&schema).expect("expands");
    assert_eq!(expansion.fields.len(), 20_000);
    assert_eq!(
        expansion.fields.last().map(|f| f.name().as_str()),
        Some("p19999")
    );
}

#[test]
fn json_schema_many_all_of_members_are_linear() {
    // 100,000 `allOf` members: each was checked against every member seen before.
    let mut members = String::new();
    for i in 0..100_000 {
        let _ = write!(members, r#"{{"required": ["p{i}"]}},"#);
    }
    members.pop();
    let schema =
        format!(r#"{{"properties": {{"p0": {{"type": "string"}}}}, "allOf": [{members}]}}"#);
    let expansion = expand_json_schema(&schema).expect("expands");
    assert_eq!(expansion.fields.len(), 1);
    assert!(!expansion.fields.first().is_some_and(|f| f.is_nullable()));
}

fn proto_with_package(components: usize) -> String {
    let package = vec!["a"; components].join(".");
    format!("syntax = \"proto3\";\npackage {package};\nmessage M {{ int64 id = 1; }}\n")
}

fn no_imports(_: &str) -> Result<Option<String>, String> {
    Ok(None)
}

#[test]
fn protobuf_package_with_many_components_is_refused() {
    let text = proto_with_package(20_000);
    let err = expand_protobuf("schema.proto", &text, &no_imports, None)
        .map(|_| ())
        .map(drop)
        .expect_err("a 20,000-component package must be refused");
    assert_eq!(err.code, codes::TOO_DEEP);
    assert!(err.message.contains("components"), "{}", err.message);
    // Spaces and comments between the parts do not hide them.
    let package = vec!["a"; 20_000].join(" /* x */ . ");
    let text = format!("syntax = \"proto3\";\npackage {package};\nmessage M {{ int64 id = 1; }}\n");
    let err = expand_protobuf("schema.proto", &text, &no_imports, None)
        .map(|_| ())
        .map(drop)
        .expect_err("spaced components count too");
    assert_eq!(err.code, codes::TOO_DEEP);
}

#[test]
fn protobuf_long_names_are_refused() {
    let name = "n".repeat(200_000);
    let text = format!("syntax = \"proto3\";\npackage {name};\nmessage M {{ int64 id = 1; }}\n");
    let err = expand_protobuf("schema.proto", &text, &no_imports, None)
        .map(|_| ())
        .map(drop)
        .expect_err("a 200 KB name must be refused");
    assert_eq!(err.code, codes::TOO_DEEP);
    // Ordinary dotted names still compile.
    let text = proto_with_package(20);
    let expanded = expand_protobuf("schema.proto", &text, &no_imports, None).expect("compiles");
    assert_eq!(
        expanded.message_name,
        format!("{}.M", vec!["a"; 20].join("."))
    );
}

#[test]
fn protobuf_package_through_compile_sql() {
    let sql = kafka_table("protobuf", "protobuf.schema", &proto_with_package(20_000));
    let out = compile(&sql);
    assert_nesting_limit(&out, "components");
}

#[test]
fn line_index_answers_without_rescanning_long_lines() {
    // One 2 MB line of two-byte characters, asked about 500,000 places: counting the
    // characters from the line start each time was quadratic (about 1 TB scanned).
    let text: String = "é".repeat(1_000_000);
    let index = LineIndex::new(&text);
    let mut last = None;
    for i in 0..500_000 {
        last = Some(index.line_col(text.len() - 2 * i));
    }
    let first = index.line_col(2);
    assert_eq!((first.line, first.column), (1, 2));
    let last = last.map(|l| (l.line, l.column));
    assert_eq!(last, Some((1, 1_000_001 - 499_999)));
}

#[test]
fn json_schema_refs_into_many_definitions_are_linear() {
    // 20,000 properties, each a `$ref` to its own one of 20,000 definitions (1.3 MB):
    // each `$ref` looked its name up among all the definitions.
    let n = 20_000;
    let mut defs = String::new();
    let mut props = String::new();
    for i in 0..n {
        let _ = write!(defs, r#""d{i}": {{"type": "integer"}},"#);
        let _ = write!(props, r##""p{i}": {{"$ref": "#/$defs/d{i}"}},"##);
    }
    defs.pop();
    props.pop();
    let schema = format!(r#"{{"$defs": {{{defs}}}, "properties": {{{props}}}}}"#);
    let expansion = expand_json_schema(&schema).expect("expands");
    assert_eq!(expansion.fields.len(), n);
    assert!(expansion
        .fields
        .iter()
        .all(|f| f.data_type() == &connector_ddl::arrow_schema::DataType::Int64));
}

#[test]
fn many_failing_tables_each_keep_their_own_diagnostics() {
    // Each table looked for its parser diagnostics among all diagnostics so far
    // (quadratic: 74,000 failing tables in 3 MB took seconds in a release build).
    let n = 3_000;
    let sql: String = (0..n)
        .map(|i| format!("CREATE TABLE t{i} (a INT) WITH (nope = 1);\n"))
        .collect();
    let out = compile(&sql);
    assert_eq!(out.diagnostics.len(), n);
    assert!(out.tables.is_empty());
    assert!(out
        .diagnostics
        .iter()
        .enumerate()
        .all(|(i, d)| d.table.as_deref() == Some(format!("t{i}").as_str())));
}
