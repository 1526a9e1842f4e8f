//! Unit tests of the Avro expansion: the type mapping, unions, named types and recursion,
//! the top level, the limits and the error messages.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, IntervalUnit, TimeUnit};

use super::errors::lowercase_sentence;
use super::expand_avro;
use super::names::join_backticked;
use crate::diagnostics::{codes, Code};
use crate::schema::expand::{is_json, json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};

/// A record with one field `f` of the given Avro type (JSON).
fn one_field(avro_type: &str) -> Expansion {
    let schema = format!(
        r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {avro_type}}}]}}"#
    );
    match expand_avro(&schema) {
        Ok(e) => e,
        Err(e) => panic!("{schema}: {e:?}"),
    }
}

/// The single field of [`one_field`].
fn field_of(avro_type: &str) -> Field {
    let e = one_field(avro_type);
    assert_eq!(e.fields.len(), 1);
    e.fields[0].clone()
}

/// The type of the single field; asserts it is non-nullable, plain and note-free.
fn plain_type(avro_type: &str) -> DataType {
    let e = one_field(avro_type);
    assert_eq!(e.notes, vec![], "{avro_type}");
    let f = &e.fields[0];
    assert!(!f.is_nullable(), "{avro_type}");
    assert!(f.metadata().is_empty(), "{avro_type}");
    f.data_type().clone()
}

fn error_of(schema: &str) -> SchemaError {
    match expand_avro(schema) {
        Ok(e) => panic!("expected an error for {schema}, got {e:?}"),
        Err(e) => e,
    }
}

#[test]
fn primitives() {
    assert_eq!(plain_type(r#""boolean""#), DataType::Boolean);
    assert_eq!(plain_type(r#""int""#), DataType::Int32);
    assert_eq!(plain_type(r#""long""#), DataType::Int64);
    assert_eq!(plain_type(r#""float""#), DataType::Float32);
    assert_eq!(plain_type(r#""double""#), DataType::Float64);
    assert_eq!(plain_type(r#""bytes""#), DataType::Binary);
    assert_eq!(plain_type(r#""string""#), DataType::Utf8);
}

#[test]
fn primitive_in_object_form() {
    assert_eq!(plain_type(r#"{"type": "long"}"#), DataType::Int64);
}

#[test]
fn null_alone_is_json_with_note() {
    let e = one_field(r#""null""#);
    assert_eq!(e.fields, vec![json_field("f", true)]);
    assert_eq!(e.notes.len(), 1);
    assert_eq!(e.notes[0].code, codes::SCHEMA_LOSSY);
    assert_eq!(e.notes[0].path, "f");
}

#[test]
fn fixed_is_fixed_size_binary() {
    assert_eq!(
        plain_type(r#"{"type": "fixed", "name": "H", "size": 20}"#),
        DataType::FixedSizeBinary(20)
    );
}

#[test]
fn enum_is_utf8() {
    assert_eq!(
        plain_type(r#"{"type": "enum", "name": "S", "symbols": ["A", "B"]}"#),
        DataType::Utf8
    );
}

#[test]
fn record_is_struct() {
    let t = plain_type(
        r#"{"type": "record", "name": "Addr", "fields": [
                {"name": "city", "type": "string"},
                {"name": "zip", "type": ["null", "int"]}]}"#,
    );
    assert_eq!(
        t,
        DataType::Struct(Fields::from(vec![
            Field::new("city", DataType::Utf8, false),
            Field::new("zip", DataType::Int32, true),
        ]))
    );
}

#[test]
fn array_is_list_of_item() {
    assert_eq!(
        plain_type(r#"{"type": "array", "items": "string"}"#),
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, false)))
    );
    assert_eq!(
        plain_type(r#"{"type": "array", "items": ["null", "long"]}"#),
        DataType::List(Arc::new(Field::new("item", DataType::Int64, true)))
    );
}

#[test]
fn map_is_map_of_entries() {
    let entries = Field::new(
        "entries",
        DataType::Struct(Fields::from(vec![
            Field::new("key", DataType::Utf8, false),
            Field::new("value", DataType::Float64, true),
        ])),
        false,
    );
    assert_eq!(
        plain_type(r#"{"type": "map", "values": ["double", "null"]}"#),
        DataType::Map(Arc::new(entries), false)
    );
}

#[test]
fn decimal_up_to_38_digits_is_decimal128() {
    assert_eq!(
        plain_type(r#"{"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}"#),
        DataType::Decimal128(10, 2)
    );
    assert_eq!(
        plain_type(
            r#"{"type": "fixed", "name": "D", "size": 16, "logicalType": "decimal", "precision": 38, "scale": 0}"#
        ),
        DataType::Decimal128(38, 0)
    );
}

#[test]
fn decimal_scale_defaults_to_zero() {
    assert_eq!(
        plain_type(r#"{"type": "bytes", "logicalType": "decimal", "precision": 5}"#),
        DataType::Decimal128(5, 0)
    );
}

#[test]
fn decimal_up_to_76_digits_is_decimal256() {
    assert_eq!(
        plain_type(r#"{"type": "bytes", "logicalType": "decimal", "precision": 39, "scale": 4}"#),
        DataType::Decimal256(39, 4)
    );
    assert_eq!(
        plain_type(
            r#"{"type": "fixed", "name": "D", "size": 32, "logicalType": "decimal", "precision": 76, "scale": 10}"#
        ),
        DataType::Decimal256(76, 10)
    );
}

#[test]
fn decimal_over_76_digits_is_text_with_note() {
    let e =
        one_field(r#"{"type": "bytes", "logicalType": "decimal", "precision": 80, "scale": 3}"#);
    assert_eq!(e.fields, vec![Field::new("f", DataType::Utf8, false)]);
    assert_eq!(e.notes.len(), 1);
    assert_eq!(e.notes[0].code, codes::SCHEMA_LOSSY);
    assert!(
        e.notes[0].message.contains("decimal(80, 3)"),
        "{}",
        e.notes[0].message
    );
}

#[test]
fn big_decimal_is_text_with_note() {
    let e = one_field(r#"{"type": "bytes", "logicalType": "big-decimal"}"#);
    assert_eq!(e.fields, vec![Field::new("f", DataType::Utf8, false)]);
    assert_eq!(e.notes.len(), 1);
    assert_eq!(e.notes[0].code, codes::SCHEMA_LOSSY);
    assert!(e.notes[0].message.contains("big-decimal"));
}

#[test]
fn uuid_on_string_is_utf8() {
    assert_eq!(
        plain_type(r#"{"type": "string", "logicalType": "uuid"}"#),
        DataType::Utf8
    );
}

#[test]
fn uuid_on_fixed_16_is_fixed_size_binary() {
    assert_eq!(
        plain_type(r#"{"type": "fixed", "name": "U", "size": 16, "logicalType": "uuid"}"#),
        DataType::FixedSizeBinary(16)
    );
}

#[test]
fn uuid_on_bytes_is_binary() {
    assert_eq!(
        plain_type(r#"{"type": "bytes", "logicalType": "uuid"}"#),
        DataType::Binary
    );
}

#[test]
fn date_and_times() {
    assert_eq!(
        plain_type(r#"{"type": "int", "logicalType": "date"}"#),
        DataType::Date32
    );
    assert_eq!(
        plain_type(r#"{"type": "int", "logicalType": "time-millis"}"#),
        DataType::Time32(TimeUnit::Millisecond)
    );
    assert_eq!(
        plain_type(r#"{"type": "long", "logicalType": "time-micros"}"#),
        DataType::Time64(TimeUnit::Microsecond)
    );
}

#[test]
fn timestamps() {
    let cases = [
        ("timestamp-millis", TimeUnit::Millisecond),
        ("local-timestamp-millis", TimeUnit::Millisecond),
        ("timestamp-micros", TimeUnit::Microsecond),
        ("local-timestamp-micros", TimeUnit::Microsecond),
        ("timestamp-nanos", TimeUnit::Nanosecond),
        ("local-timestamp-nanos", TimeUnit::Nanosecond),
    ];
    for (logical, unit) in cases {
        let t = plain_type(&format!(
            r#"{{"type": "long", "logicalType": "{logical}"}}"#
        ));
        assert_eq!(t, DataType::Timestamp(unit, None), "{logical}");
    }
}

#[test]
fn duration_is_month_day_nano_interval() {
    assert_eq!(
        plain_type(r#"{"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}"#),
        DataType::Interval(IntervalUnit::MonthDayNano)
    );
}

#[test]
fn logical_type_on_wrong_base_keeps_base() {
    assert_eq!(
        plain_type(r#"{"type": "string", "logicalType": "date"}"#),
        DataType::Utf8
    );
    assert_eq!(
        plain_type(r#"{"type": "int", "logicalType": "no-such-type"}"#),
        DataType::Int32
    );
}

#[test]
fn nullable_union_either_order() {
    assert_eq!(
        field_of(r#"["null", "string"]"#),
        Field::new("f", DataType::Utf8, true)
    );
    assert_eq!(
        field_of(r#"["string", "null"]"#),
        Field::new("f", DataType::Utf8, true)
    );
    assert_eq!(one_field(r#"["null", "string"]"#).notes, vec![]);
}

#[test]
fn nullable_union_of_logical_type() {
    assert_eq!(
        field_of(r#"["null", {"type": "long", "logicalType": "timestamp-millis"}]"#),
        Field::new("f", DataType::Timestamp(TimeUnit::Millisecond, None), true)
    );
}

#[test]
fn single_branch_union_is_the_branch() {
    let e = one_field(r#"["int"]"#);
    assert_eq!(e.fields, vec![Field::new("f", DataType::Int32, false)]);
    assert_eq!(e.notes, vec![]);
}

#[test]
fn union_of_only_null_is_json_with_note() {
    let e = one_field(r#"["null"]"#);
    assert_eq!(e.fields, vec![json_field("f", true)]);
    assert_eq!(e.notes.len(), 1);
    assert_eq!(e.notes[0].code, codes::SCHEMA_LOSSY);
}

#[test]
fn two_type_union_is_json_with_note() {
    let e = one_field(r#"["int", "string"]"#);
    assert_eq!(e.fields, vec![json_field("f", false)]);
    assert_eq!(
        e.notes,
        vec![SchemaNote {
            code: codes::SCHEMA_LOSSY,
            path: "f".to_string(),
            message: "field `f`: union of `int` and `string` becomes JSON".to_string(),
        }]
    );
}

#[test]
fn wide_union_with_null_is_nullable_json() {
    let e = one_field(r#"["null", "int", "string"]"#);
    assert_eq!(e.fields, vec![json_field("f", true)]);
    assert_eq!(
        e.notes[0].message,
        "field `f`: union of `null`, `int` and `string` becomes JSON"
    );
}

#[test]
fn union_of_records_is_json_naming_them() {
    let e = one_field(
        r#"[{"type": "record", "name": "A", "namespace": "n", "fields": []},
                {"type": "record", "name": "B", "fields": []}]"#,
    );
    assert_eq!(e.fields, vec![json_field("f", false)]);
    assert_eq!(
        e.notes[0].message,
        "field `f`: union of `n.A` and `B` becomes JSON"
    );
}

#[test]
fn nested_records_and_paths() {
    let e = expand_avro(
        r#"{"type": "record", "name": "Order", "fields": [
                {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
                    {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                        {"name": "lines", "type": {"type": "array", "items": ["int", "string"]}}]}}]}}]}"#,
    )
    .unwrap();
    let json_item = json_field("item", false);
    let address = Field::new(
        "address",
        DataType::Struct(Fields::from(vec![Field::new(
            "lines",
            DataType::List(Arc::new(json_item)),
            false,
        )])),
        false,
    );
    let customer = Field::new(
        "customer",
        DataType::Struct(Fields::from(vec![address])),
        false,
    );
    assert_eq!(e.fields, vec![customer]);
    assert_eq!(e.notes.len(), 1);
    assert_eq!(e.notes[0].path, "customer.address.lines[]");
}

#[test]
fn map_value_path() {
    let e = one_field(r#"{"type": "map", "values": ["int", "string"]}"#);
    assert_eq!(e.notes[0].path, "f{}");
}

#[test]
fn reused_named_type_expands_at_every_use() {
    let e = expand_avro(
        r#"{"type": "record", "name": "Trip", "fields": [
                {"name": "from", "type": {"type": "record", "name": "Point", "fields": [
                    {"name": "x", "type": "double"}, {"name": "y", "type": "double"}]}},
                {"name": "to", "type": "Point"},
                {"name": "via", "type": {"type": "array", "items": "Point"}},
                {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A"]}},
                {"name": "kind2", "type": ["null", "Kind"]}]}"#,
    )
    .unwrap();
    let point = DataType::Struct(Fields::from(vec![
        Field::new("x", DataType::Float64, false),
        Field::new("y", DataType::Float64, false),
    ]));
    assert_eq!(
        e.fields,
        vec![
            Field::new("from", point.clone(), false),
            Field::new("to", point.clone(), false),
            Field::new(
                "via",
                DataType::List(Arc::new(Field::new("item", point, false))),
                false
            ),
            Field::new("kind", DataType::Utf8, false),
            Field::new("kind2", DataType::Utf8, true),
        ]
    );
    assert_eq!(e.notes, vec![]);
}

#[test]
fn reused_fixed_decimal_expands_at_every_use() {
    let e = expand_avro(
        r#"{"type": "record", "name": "R", "fields": [
                {"name": "a", "type": {"type": "fixed", "name": "Money", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 2}},
                {"name": "b", "type": "Money"}]}"#,
    )
    .unwrap();
    assert_eq!(
        e.fields[1],
        Field::new("b", DataType::Decimal128(18, 2), false)
    );
}

#[test]
fn self_recursive_linked_list() {
    let e = expand_avro(
        r#"{"type": "record", "name": "LongList", "fields": [
                {"name": "value", "type": "long"},
                {"name": "next", "type": ["null", "LongList"]}]}"#,
    )
    .unwrap();
    assert_eq!(
        e.fields,
        vec![
            Field::new("value", DataType::Int64, false),
            json_field("next", true)
        ]
    );
    assert_eq!(e.notes.len(), 1);
    assert_eq!(e.notes[0].code, codes::SCHEMA_RECURSIVE);
    assert_eq!(e.notes[0].path, "next");
    assert!(e.notes[0].message.contains("`LongList`"));
}

#[test]
fn recursion_through_an_array_is_cut_at_the_item() {
    let e = expand_avro(
        r#"{"type": "record", "name": "Tree", "fields": [
                {"name": "children", "type": {"type": "array", "items": "Tree"}}]}"#,
    )
    .unwrap();
    assert_eq!(
        e.fields,
        vec![Field::new(
            "children",
            DataType::List(Arc::new(json_field("item", false))),
            false
        )]
    );
    assert_eq!(e.notes[0].code, codes::SCHEMA_RECURSIVE);
    assert_eq!(e.notes[0].path, "children[]");
}

#[test]
fn mutual_recursion() {
    let e = expand_avro(
        r#"{"type": "record", "name": "A", "fields": [
                {"name": "b", "type": ["null", {"type": "record", "name": "B", "fields": [
                    {"name": "a", "type": ["null", "A"]},
                    {"name": "self", "type": ["null", "B"]}]}]}]}"#,
    )
    .unwrap();
    let b = DataType::Struct(Fields::from(vec![
        json_field("a", true),
        json_field("self", true),
    ]));
    assert_eq!(e.fields, vec![Field::new("b", b, true)]);
    let paths: Vec<(&str, Code)> = e.notes.iter().map(|n| (n.path.as_str(), n.code)).collect();
    assert_eq!(
        paths,
        vec![
            ("b.a", codes::SCHEMA_RECURSIVE),
            ("b.self", codes::SCHEMA_RECURSIVE)
        ]
    );
}

#[test]
fn recursion_is_only_cut_on_the_current_path() {
    // `B` is used by the top level and then inside itself: the top-level use expands,
    // the inner one is recursion.
    let e = expand_avro(
        r#"{"type": "record", "name": "Top", "fields": [
                {"name": "x", "type": {"type": "record", "name": "B", "fields": [
                    {"name": "inner", "type": ["null", "B"]}]}},
                {"name": "y", "type": "B"}]}"#,
    )
    .unwrap();
    let b = DataType::Struct(Fields::from(vec![json_field("inner", true)]));
    assert_eq!(
        e.fields,
        vec![Field::new("x", b.clone(), false), Field::new("y", b, false)]
    );
    assert_eq!(e.notes.len(), 2);
}

#[test]
fn namespaces_resolve_by_full_name() {
    // Two records named `Id` in different namespaces; each reference finds its own.
    let e = expand_avro(
        r#"{"type": "record", "name": "Event", "namespace": "com.acme", "fields": [
                {"name": "a", "type": {"type": "record", "name": "Id", "fields": [{"name": "n", "type": "int"}]}},
                {"name": "b", "type": {"type": "record", "name": "Id", "namespace": "org.other", "fields": [{"name": "s", "type": "string"}]}},
                {"name": "c", "type": "Id"},
                {"name": "d", "type": "org.other.Id"},
                {"name": "e", "type": "com.acme.Id"}]}"#,
    )
    .unwrap();
    let acme = DataType::Struct(Fields::from(vec![Field::new("n", DataType::Int32, false)]));
    let other = DataType::Struct(Fields::from(vec![Field::new("s", DataType::Utf8, false)]));
    let types: Vec<&DataType> = e.fields.iter().map(|f| f.data_type()).collect();
    assert_eq!(types, vec![&acme, &other, &acme, &other, &acme]);
}

#[test]
fn nested_record_inherits_namespace_for_references() {
    let e = expand_avro(
        r#"{"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
                {"name": "in", "type": {"type": "record", "name": "Inner", "namespace": "c", "fields": [
                    {"name": "k", "type": {"type": "enum", "name": "K", "symbols": ["X"]}},
                    {"name": "k2", "type": "K"}]}},
                {"name": "k3", "type": "c.K"}]}"#,
    )
    .unwrap();
    assert_eq!(e.fields[1], Field::new("k3", DataType::Utf8, false));
    assert_eq!(e.notes, vec![]);
}

#[test]
fn top_level_union_is_one_value_column() {
    let e = expand_avro(
        r#"[{"type": "record", "name": "A", "fields": []}, {"type": "record", "name": "B", "fields": []}]"#,
    )
    .unwrap();
    assert_eq!(e.fields, vec![json_field("value", false)]);
    assert_eq!(e.notes.len(), 2);
    assert_eq!(e.notes[0].code, codes::SCHEMA_LOSSY);
    assert_eq!(e.notes[0].path, "value");
    assert!(
        e.notes[0].message.contains("a union"),
        "{}",
        e.notes[0].message
    );
}

#[test]
fn top_level_primitive_array_and_enum() {
    let e = expand_avro(r#""string""#).unwrap();
    assert_eq!(e.fields, vec![Field::new("value", DataType::Utf8, false)]);
    assert_eq!(e.notes.len(), 1);
    let e = expand_avro(r#"{"type": "array", "items": "int"}"#).unwrap();
    assert_eq!(
        e.fields,
        vec![Field::new(
            "value",
            DataType::List(Arc::new(Field::new("item", DataType::Int32, false))),
            false
        )]
    );
    let e = expand_avro(r#"{"type": "enum", "name": "E", "symbols": ["A"]}"#).unwrap();
    assert_eq!(e.fields, vec![Field::new("value", DataType::Utf8, false)]);
    assert!(e.notes[0].message.contains("the enum `E`"));
}

#[test]
fn top_level_nullable_record() {
    let e = expand_avro(
        r#"["null", {"type": "record", "name": "A", "fields": [{"name": "x", "type": "int"}]}]"#,
    )
    .unwrap();
    let a = DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, false)]));
    assert_eq!(e.fields, vec![Field::new("value", a, true)]);
}

#[test]
fn field_names_kept_and_no_metadata() {
    let e = expand_avro(
        r#"{"type": "record", "name": "R", "fields": [{"name": "_Weird_Name9", "type": "int", "doc": "d", "default": 1}]}"#,
    )
    .unwrap();
    assert_eq!(
        e.fields,
        vec![Field::new("_Weird_Name9", DataType::Int32, false)]
    );
}

#[test]
fn empty_record() {
    let e = expand_avro(r#"{"type": "record", "name": "R", "fields": []}"#).unwrap();
    assert_eq!(
        e,
        Expansion {
            fields: vec![],
            notes: vec![]
        }
    );
}

/// `levels` arrays nested in the field `f` of a record, around an `int`.
fn nested_arrays(levels: usize) -> String {
    let mut t = r#""int""#.to_string();
    for _ in 0..levels {
        t = format!(r#"{{"type": "array", "items": {t}}}"#);
    }
    format!(r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {t}}}]}}"#)
}

#[test]
fn nesting_up_to_the_limit_is_accepted() {
    // The field is level 1 and each array adds one: 63 arrays reach level 64.
    assert!(expand_avro(&nested_arrays(MAX_NESTING - 1)).is_ok());
}

#[test]
fn nesting_past_the_limit_is_too_deep() {
    let e = error_of(&nested_arrays(MAX_NESTING));
    assert_eq!(e.code, codes::TOO_DEEP);
    assert!(e.message.contains("64 levels"), "{}", e.message);
}

#[test]
fn two_hundred_nested_arrays_are_too_deep() {
    assert_eq!(error_of(&nested_arrays(200)).code, codes::TOO_DEEP);
}

#[test]
fn two_hundred_nested_records_are_too_deep() {
    let mut t = r#""int""#.to_string();
    for i in 0..200 {
        t = format!(
            r#"{{"type": "record", "name": "R{i}", "fields": [{{"name": "f", "type": {t}}}]}}"#
        );
    }
    assert_eq!(error_of(&t).code, codes::TOO_DEEP);
}

#[test]
fn deep_json_nesting_is_too_deep_not_a_crash() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(error_of(&text).code, codes::TOO_DEEP);
}

#[test]
fn exponential_reuse_is_stopped() {
    // T0 has two ints; each T(i+1) holds two T(i): 2^40 leaves if nothing stopped it.
    let mut fields = vec![r#"{"name": "x0", "type": {"type": "record", "name": "T0", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}}"#.to_string()];
    for i in 1..=40 {
        let prev = i - 1;
        fields.push(format!(
            r#"{{"name": "x{i}", "type": {{"type": "record", "name": "T{i}", "fields": [{{"name": "a", "type": "T{prev}"}}, {{"name": "b", "type": "T{prev}"}}]}}}}"#
        ));
    }
    let schema = format!(
        r#"{{"type": "record", "name": "Top", "fields": [{}]}}"#,
        fields.join(",")
    );
    let e = error_of(&schema);
    assert_eq!(e.code, codes::TOO_DEEP);
    assert!(e.message.contains("100000 fields"), "{}", e.message);
}

#[test]
fn invalid_json() {
    let e = error_of(r#"{"type": "record""#);
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert!(
        e.message
            .starts_with("invalid Avro schema: the text is not valid JSON"),
        "{}",
        e.message
    );
}

#[test]
fn unknown_type_with_suggestion() {
    let e =
        error_of(r#"{"type": "record", "name": "R", "fields": [{"name": "f", "type": "strin"}]}"#);
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert_eq!(e.message, "invalid Avro schema: unknown type `strin`");
    assert_eq!(e.help.as_deref(), Some("did you mean `string`?"));
}

#[test]
fn unknown_type_in_namespace_suggests_on_last_part() {
    let e = error_of(
        r#"{"type": "record", "name": "R", "namespace": "com.acme", "fields": [{"name": "f", "type": "lnog"}]}"#,
    );
    assert_eq!(
        e.message,
        "invalid Avro schema: unknown type `com.acme.lnog`"
    );
    assert_eq!(e.help.as_deref(), Some("did you mean `long`?"));
}

#[test]
fn unknown_named_type_help_lists_kinds() {
    let e = error_of(
        r#"{"type": "record", "name": "R", "fields": [{"name": "f", "type": "Customer"}]}"#,
    );
    assert_eq!(e.message, "invalid Avro schema: unknown type `Customer`");
    assert!(e.help.as_deref().unwrap_or("").contains("defined earlier"));
}

#[test]
fn bool_suggests_boolean() {
    let e = error_of(r#""bool""#);
    assert_eq!(e.message, "invalid Avro schema: unknown type `bool`");
    assert_eq!(e.help.as_deref(), Some("did you mean `boolean`?"));
}

#[test]
fn record_without_fields() {
    let e = error_of(r#"{"type": "record", "name": "R"}"#);
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert_eq!(
        e.message,
        "invalid Avro schema: a record has no `fields` array"
    );
}

#[test]
fn duplicate_field_name() {
    let e = error_of(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}"#,
    );
    assert_eq!(e.message, "invalid Avro schema: duplicate field name `a`");
}

#[test]
fn invalid_field_name() {
    let e =
        error_of(r#"{"type": "record", "name": "R", "fields": [{"name": "a-b", "type": "int"}]}"#);
    assert_eq!(e.message, "invalid Avro schema: invalid field name `a-b`");
    assert!(e.help.is_some());
}

#[test]
fn number_is_not_a_schema() {
    let e = error_of("42");
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert_eq!(
        e.message,
        "invalid Avro schema: a schema must be a JSON string, object or array"
    );
}

#[test]
fn nested_union_is_invalid() {
    let e = error_of(
        r#"{"type": "record", "name": "R", "fields": [{"name": "f", "type": ["int", ["null", "string"]]}]}"#,
    );
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert_eq!(
        e.message,
        "invalid Avro schema: a union may not directly contain another union"
    );
}

#[test]
fn error_messages_are_lowercase_without_period() {
    assert_eq!(
        lowercase_sentence("Two named schema defined."),
        "two named schema defined"
    );
    assert_eq!(join_backticked(&["a".to_string()]), "`a`");
}

#[test]
fn corpus_expands_without_panicking() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/avro");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "avsc"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 65);
    let mut ok = 0;
    let mut failed = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        match expand_avro(&text) {
            Ok(e) => {
                ok += 1;
                for f in &e.fields {
                    assert!(!f.name().is_empty());
                    if is_json(f) {
                        assert_eq!(f.data_type(), &DataType::Utf8);
                    }
                }
            }
            Err(e) => {
                assert_eq!(e.code, codes::INVALID_SCHEMA, "{}: {e:?}", path.display());
                failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    assert_eq!(ok, 65, "failed: {failed:?}");
}
