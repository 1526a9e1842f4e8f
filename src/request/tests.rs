use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};

use super::fields::{first_not_carried, make_field};
use super::lower::snake;
use super::*;
use crate::parse::types::json_metadata;
use crate::parse::{ColumnKind, TableDef};
use crate::schema::definition::ResolveError;
use crate::schema::expand::{JSON_EXTENSION_KEY, JSON_EXTENSION_NAME};
use crate::Registry;

/// Lowers a request without compiling it: the table definition and the diagnostics.
fn lower(text: &str) -> (Option<TableDef>, Vec<Diagnostic>, BTreeMap<String, String>) {
    let json = crate::json::parse(text).unwrap_or_else(|e| panic!("{e:?}"));
    let mut l = Lowerer::new(text);
    let def = l.request(&Node::root(&json));
    (def, l.diags, l.dependencies)
}

/// The WITH options a request lowers to, as `key = value` strings.
fn options(text: &str) -> Vec<String> {
    let (def, diags, _) = lower(text);
    assert!(diags.is_empty(), "{diags:?}");
    def.and_then(|d| d.with)
        .map(|w| {
            w.options
                .iter()
                .map(|o| format!("{} = {}", o.key.node, o.value.node))
                .collect()
        })
        .unwrap_or_default()
}

fn with_schema(schema: &str) -> String {
    format!(r#"{{"name": "t", "connector": "kafka", "schema": {schema}}}"#)
}

/// The Arrow field of a single `SourceField`.
fn field(f: &str) -> Field {
    let (def, diags, _) = lower(&with_schema(&format!(r#"{{"fields": [{f}]}}"#)));
    assert!(diags.is_empty(), "{diags:?}");
    let def = def.unwrap_or_else(|| panic!("no table"));
    let col = def
        .column_list()
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no column"));
    let ty = col.ty.unwrap_or_else(|| panic!("no type"));
    make_field(
        &col.name.node,
        ty.data_type,
        ty.json,
        col.not_null.is_none(),
    )
}

fn codes_of(text: &str) -> Vec<&'static str> {
    lower(text).1.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn keys_keep_their_spans_and_repeats() {
    let text = r#"{"name": "t", "connector": "kafka", "name": "u"}"#;
    let (_, diags, _) = lower(text);
    assert_eq!(diags[0].message, "key `name` appears twice in the request");
    let d = &diags[0];
    assert_eq!(&text[d.span.start..d.span.end], "\"name\"");
    assert_eq!(d.span.start, 36);
    assert_eq!(d.labels[0].span, Span::new(1, 7));
}

#[test]
fn escaped_keys_are_decoded() {
    assert_eq!(
        options(r#"{"n\u0061me": "t", "connector": "kafka", "config": {"t\u006fpic": "x"}}"#),
        ["connector = 'kafka'", "topic = 'x'"]
    );
}

#[test]
fn deep_requests_are_a_diagnostic() {
    let registry = Registry::builtin();
    let deep = format!(
        r#"{{"name": "t", "config": {}1{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let out = compile_request(&deep, &Env::new(&registry));
    let d = &out.diagnostics[0];
    assert_eq!(d.code, codes::INVALID_REQUEST);
    assert!(
        d.message.contains("recursion limit exceeded"),
        "{}",
        d.message
    );
    assert_eq!(&deep[d.span.start..d.span.end], "[");
}

#[test]
fn snake_case_keys() {
    assert_eq!(snake("timestampFormat"), "timestamp_format");
    assert_eq!(snake("connectionProfileId"), "connection_profile_id");
    assert_eq!(snake("primary_keys"), "primary_keys");
    assert_eq!(snake("jsonSchema"), "json_schema");
}

#[test]
fn invalid_json_points_at_serde_position() {
    let registry = Registry::builtin();
    let text = "{\n  \"name\": \"t\",\n  \"connector\": kafka\n}";
    let out = compile_request(text, &Env::new(&registry));
    let d = &out.diagnostics[0];
    assert_eq!(d.code, codes::INVALID_REQUEST);
    assert_eq!(&text[d.span.start..d.span.end], "k");
    assert!(d
        .message
        .starts_with("the request is not valid JSON: expected value"));
}

#[test]
fn missing_name_and_connector_both_reported() {
    let msgs: Vec<String> = lower("{}").1.into_iter().map(|d| d.message).collect();
    assert_eq!(
        msgs,
        [
            "the request has no `name`",
            "the request has no `connector`"
        ]
    );
}

#[test]
fn unknown_key_suggests_nearest() {
    let (_, diags, _) = lower(r#"{"name": "t", "connector": "kafka", "shema": {}}"#);
    assert_eq!(diags[0].message, "unknown key `shema` in the request");
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `schema`?"));
}

#[test]
fn camel_case_request_keys() {
    assert_eq!(
        options(r#"{"name": "t", "connector": "kafka", "connectionProfileId": "cp_local"}"#),
        ["connector = 'kafka'", "connection_profile = 'cp_local'"]
    );
}

#[test]
fn config_values_keep_their_json_kind() {
    assert_eq!(
        options(
            r#"{"name": "t", "connector": "x", "config": {"a": "s", "b": 5, "c": true, "d": ["x", 1], "e": 1.5e3}}"#
        ),
        [
            "connector = 'x'",
            "a = 's'",
            "b = 5",
            "c = true",
            "d = ['x', 1]",
            "e = 1.5e3"
        ]
    );
}

#[test]
fn format_as_string() {
    assert_eq!(
        options(&with_schema(r#"{"format": "json"}"#))[1],
        "format = 'json'"
    );
}

#[test]
fn format_externally_tagged_with_camel_case_options() {
    assert_eq!(
        options(&with_schema(
            r#"{"format": {"json": {"timestampFormat": "unix_millis", "schemaId": null}}}"#
        ))[1..],
        ["format = 'json'", "json.timestamp_format = 'unix_millis'"]
    );
}

#[test]
fn format_debezium_flag() {
    assert_eq!(
        options(&with_schema(r#"{"format": {"json": {"debezium": true}}}"#))[1..],
        ["format = 'debezium_json'"]
    );
}

#[test]
fn format_own_output_shape() {
    assert_eq!(
        options(&with_schema(
            r#"{"format": {"type": "protobuf", "message_name": "a.B", "length_delimited": false}}"#
        ))[1..],
        [
            "format = 'protobuf'",
            "protobuf.message_name = 'a.B'",
            "protobuf.length_delimited = false"
        ]
    );
}

#[test]
fn definition_forms() {
    for d in [
        r#"{"json_schema": {"schema": "{}"}}"#,
        r#"{"jsonSchema": {"schema": "{}"}}"#,
        r#"{"type": "json_schema", "schema": "{}"}"#,
        r#"{"json_schema": {"schema": {}}}"#,
    ] {
        assert_eq!(
            options(&with_schema(&format!(r#"{{"definition": {d}}}"#)))[1..],
            ["json.schema = '{}'"],
            "{d}"
        );
    }
    assert_eq!(
        options(&with_schema(
            r#"{"definition": {"avroSchema": {"schema": "\"long\""}}}"#
        ))[1..],
        ["avro.schema = '\"long\"'"]
    );
}

#[test]
fn pinned_definition_of_our_output() {
    let (def, diags, deps) = lower(&with_schema(
        r#"{"definition": {"kind": "protobuf", "origin": {"type": "inline"}, "text": "x", "imports": [{"name": "a.proto", "text": "y"}]}}"#,
    ));
    assert!(diags.is_empty(), "{diags:?}");
    let opts: Vec<String> = def
        .and_then(|d| d.with)
        .map(|w| {
            w.options
                .iter()
                .map(|o| format!("{} = {}", o.key.node, o.value.node))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(opts[1..], ["protobuf.schema = 'x'"]);
    assert_eq!(deps.get("a.proto").map(String::as_str), Some("y"));
}

#[test]
fn protobuf_dependencies_are_collected() {
    let (_, diags, deps) = lower(&with_schema(
        r#"{"definition": {"protobuf_schema": {"schema": "x", "dependencies": {"a.proto": "y"}}}}"#,
    ));
    assert!(diags.is_empty());
    assert_eq!(deps.get("a.proto").map(String::as_str), Some("y"));
}

#[test]
fn dependencies_answer_before_the_resolver() {
    let deps = BTreeMap::from([("a.proto".to_string(), "from request".to_string())]);
    let mut files = BTreeMap::new();
    files.insert("a.proto".to_string(), "from resolver".to_string());
    files.insert("b.proto".to_string(), "b".to_string());
    let inner = crate::schema::definition::MemorySchemas {
        files,
        subjects: BTreeMap::new(),
    };
    let r = WithDependencies {
        dependencies: &deps,
        subjects: &BTreeMap::new(),
        inner: &inner,
    };
    assert_eq!(r.file("a.proto"), Ok("from request".to_string()));
    assert_eq!(r.file("b.proto"), Ok("b".to_string()));
    assert_eq!(r.file("c.proto"), Err(ResolveError::NotFound));
}

#[test]
fn bad_data_forms() {
    for b in [r#""drop""#, r#"{"behavior": "drop"}"#, r#"{"drop": {}}"#] {
        assert_eq!(
            options(&with_schema(&format!(r#"{{"bad_data": {b}}}"#)))[1..],
            ["bad_data = 'drop'"],
            "{b}"
        );
    }
}

#[test]
fn framing_forms() {
    for f in [
        r#"{"method": "newline", "max_line_length": 10}"#,
        r#"{"method": {"newline": {"maxLineLength": 10}}}"#,
    ] {
        assert_eq!(
            options(&with_schema(&format!(r#"{{"framing": {f}}}"#)))[1..],
            ["framing = 'newline'", "framing.newline.max_length = 10"],
            "{f}"
        );
    }
}

#[test]
fn source_field_primitive_types() {
    let rows = [
        ("int32", DataType::Int32),
        ("int64", DataType::Int64),
        ("uint32", DataType::UInt32),
        ("uint64", DataType::UInt64),
        ("float32", DataType::Float32),
        ("f32", DataType::Float32),
        ("float64", DataType::Float64),
        ("f64", DataType::Float64),
        ("bool", DataType::Boolean),
        ("string", DataType::Utf8),
        ("utf8", DataType::Utf8),
        ("bytes", DataType::Binary),
        ("binary", DataType::Binary),
    ];
    for (name, dt) in rows {
        let f = field(&format!(r#"{{"name": "a", "type": "{name}"}}"#));
        assert_eq!(f.data_type(), &dt, "{name}");
    }
}

#[test]
fn source_field_json_has_the_marker() {
    let f = field(r#"{"name": "a", "type": "json"}"#);
    assert_eq!(f.data_type(), &DataType::Utf8);
    assert_eq!(
        f.metadata().get(JSON_EXTENSION_KEY).map(String::as_str),
        Some(JSON_EXTENSION_NAME)
    );
}

#[test]
fn source_field_decimal() {
    let f = field(r#"{"name": "a", "type": "decimal128", "precision": 10, "scale": 2}"#);
    assert_eq!(f.data_type(), &DataType::Decimal128(10, 2));
}

#[test]
fn source_field_timestamp_units() {
    let rows = [
        (None, TimeUnit::Millisecond),
        (Some("s"), TimeUnit::Second),
        (Some("second"), TimeUnit::Second),
        (Some("ms"), TimeUnit::Millisecond),
        (Some("us"), TimeUnit::Microsecond),
        (Some("µs"), TimeUnit::Microsecond),
        (Some("microsecond"), TimeUnit::Microsecond),
        (Some("ns"), TimeUnit::Nanosecond),
        (Some("nanosecond"), TimeUnit::Nanosecond),
    ];
    for (unit, want) in rows {
        let unit = unit
            .map(|u| format!(r#", "unit": "{u}""#))
            .unwrap_or_default();
        let f = field(&format!(r#"{{"name": "a", "type": "timestamp"{unit}}}"#));
        assert_eq!(f.data_type(), &DataType::Timestamp(want, None), "{unit}");
    }
}

#[test]
fn source_field_nested_type_object() {
    let f = field(r#"{"name": "a", "type": {"type": "timestamp", "unit": "ns"}}"#);
    assert_eq!(
        f.data_type(),
        &DataType::Timestamp(TimeUnit::Nanosecond, None)
    );
}

#[test]
fn source_field_struct_and_list() {
    let f = field(
        r#"{"name": "a", "type": "struct", "fields": [{"name": "x", "type": "int64", "required": true}, {"name": "y", "type": "list", "items": {"type": "json"}}]}"#,
    );
    let item = Field::new("item", DataType::Utf8, true).with_metadata(json_metadata());
    let want = DataType::Struct(Fields::from(vec![
        Field::new("x", DataType::Int64, false),
        Field::new("y", DataType::List(Arc::new(item)), true),
    ]));
    assert_eq!(f.data_type(), &want);
}

#[test]
fn source_field_list_of_type_name() {
    let f = field(r#"{"name": "a", "type": "list", "items": "int32"}"#);
    assert_eq!(
        f.data_type(),
        &DataType::List(Arc::new(Field::new("item", DataType::Int32, true)))
    );
}

#[test]
fn source_field_nullability() {
    assert!(!field(r#"{"name": "a", "type": "bool", "required": true}"#).is_nullable());
    assert!(!field(r#"{"name": "a", "type": "bool", "nullable": false}"#).is_nullable());
    assert!(field(r#"{"name": "a", "type": "bool"}"#).is_nullable());
    assert_eq!(
        codes_of(&with_schema(
            r#"{"fields": [{"name": "a", "type": "bool", "required": true, "nullable": true}]}"#
        )),
        ["request::invalid"]
    );
}

#[test]
fn source_field_metadata_key() {
    let (def, _, _) = lower(&with_schema(
        r#"{"fields": [{"name": "a", "type": "int64", "metadata_key": "offset_id"}]}"#,
    ));
    let col = def.and_then(|d| d.column_list().first().cloned());
    assert!(
        matches!(col.map(|c| c.kind), Some(ColumnKind::Metadata { key, .. }) if key.node == "offset_id")
    );
}

#[test]
fn source_field_errors() {
    let f = |f: &str| codes_of(&with_schema(&format!(r#"{{"fields": [{f}]}}"#)));
    assert_eq!(f(r#"{"name": "a", "type": "int46"}"#), ["type::unknown"]);
    assert_eq!(
        f(r#"{"name": "a", "type": "decimal128", "precision": 39, "scale": 0}"#),
        ["type::decimal_range"]
    );
    assert_eq!(
        f(r#"{"name": "a", "type": "decimal128", "precision": 5, "scale": 6}"#),
        ["type::decimal_range"]
    );
    assert_eq!(
        f(r#"{"name": "a", "type": "timestamp", "unit": "h"}"#),
        ["type::precision"]
    );
    assert_eq!(f(r#"{"name": "a", "type": "list"}"#), ["request::invalid"]);
    assert_eq!(f(r#"{"type": "int64"}"#), ["request::invalid"]);
}

#[test]
fn deep_source_field_is_a_limit_diagnostic() {
    let mut t = r#""int64""#.to_string();
    for _ in 0..40 {
        t = format!(r#"{{"type": "list", "items": {{"type": {t}}}}}"#);
    }
    let codes = codes_of(&with_schema(&format!(
        r#"{{"fields": [{{"name": "a", "type": {t}}}]}}"#
    )));
    assert!(codes.contains(&"limit::nesting"), "{codes:?}");
}

#[test]
fn arrow_field_defaults_and_marker() {
    let (def, diags, _) = lower(&with_schema(
        r#"{"fields": [{"name": "a", "data_type": "Utf8", "metadata": {"ARROW:extension:name": "arroyo.json"}}]}"#,
    ));
    assert!(diags.is_empty(), "{diags:?}");
    let col = def.and_then(|d| d.column_list().first().cloned());
    let ty = col.and_then(|c| c.ty);
    assert!(ty.is_some_and(|t| t.json && t.data_type == DataType::Utf8));
}

#[test]
fn not_carried_types() {
    assert_eq!(first_not_carried(&DataType::Int64, 0), None);
    assert_eq!(
        first_not_carried(&DataType::Int16, 0).map(|(_, i)| i),
        Some("INT")
    );
    assert_eq!(
        first_not_carried(&DataType::UInt8, 0).map(|(_, i)| i),
        Some("INT UNSIGNED")
    );
    assert_eq!(
        first_not_carried(&DataType::Date32, 0).map(|(_, i)| i),
        Some("TIMESTAMP")
    );
    let list = DataType::List(Arc::new(Field::new("item", DataType::Int8, true)));
    assert_eq!(first_not_carried(&list, 0).map(|(_, i)| i), Some("INT"));
}

#[test]
fn watermark_expression_spans_point_into_the_json_string() {
    let text =
        with_schema(r#"{"watermark": {"column": "ts", "expression": "ts - INTERVAL '1' SECOND"}}"#);
    let (def, diags, _) = lower(&text);
    assert!(diags.is_empty(), "{diags:?}");
    let wm = def.and_then(|d| d.watermarks.first().cloned());
    let wm = wm.unwrap_or_else(|| panic!("no watermark"));
    assert_eq!(&text[wm.column.span.start..wm.column.span.end], "\"ts\"");
    let expr = wm.expr.unwrap_or_else(|| panic!("no expression"));
    assert_eq!(expr.text, "ts - INTERVAL '1' SECOND");
    assert_eq!(
        &text[expr.span.start..expr.span.end],
        "ts - INTERVAL '1' SECOND"
    );
    let col = &expr.columns[0].name;
    assert_eq!(&text[col.span.start..col.span.end], "ts");
}

#[test]
fn watermark_without_expression() {
    let (def, diags, _) = lower(&with_schema(r#"{"watermark": {"column": "ts"}}"#));
    assert!(diags.is_empty(), "{diags:?}");
    let wm = def.and_then(|d| d.watermarks.first().cloned());
    assert!(wm.is_some_and(|w| w.column.node == "ts" && w.expr.is_none()));
}

#[test]
fn watermark_must_be_one_expression() {
    assert_eq!(
        codes_of(&with_schema(
            r#"{"watermark": {"column": "ts", "expression": "ts) WITH (a = 'b'"}}"#
        )),
        ["parse::syntax"]
    );
}

#[test]
fn secret_spans_exclude_the_quotes() {
    let registry = Registry::builtin();
    let text = r#"{"name": "t", "connector": "kafka", "config": {"bootstrap_servers": "b:9092", "auth.type": "sasl", "auth.mechanism": "PLAIN", "auth.protocol": "SASL_SSL", "auth.username": "u", "auth.password": "hunter2", "topic": "t", "type": "source"}, "schema": {"format": "json"}}"#;
    let out = compile_request(text, &Env::new(&registry));
    let shown: Vec<&str> = out
        .secret_spans
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert!(shown.contains(&"hunter2"), "{shown:?}");
}
