use super::*;

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
fn number_is_not_a_schema() {
    let e = error_of("42");
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert_eq!(
        e.message,
        "invalid Avro schema: a schema must be a JSON string, object or array"
    );
}
