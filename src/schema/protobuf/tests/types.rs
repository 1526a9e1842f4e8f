use super::*;

#[test]
fn proto3_scalars_are_non_null() {
    let cases = [
        ("bool", DataType::Boolean),
        ("int32", DataType::Int32),
        ("sint32", DataType::Int32),
        ("sfixed32", DataType::Int32),
        ("int64", DataType::Int64),
        ("sint64", DataType::Int64),
        ("sfixed64", DataType::Int64),
        ("uint32", DataType::UInt32),
        ("fixed32", DataType::UInt32),
        ("uint64", DataType::UInt64),
        ("fixed64", DataType::UInt64),
        ("float", DataType::Float32),
        ("double", DataType::Float64),
        ("string", DataType::Utf8),
        ("bytes", DataType::Binary),
    ];
    for (proto, arrow) in cases {
        let field = one("proto3", &format!("{proto} v = 1;"));
        assert_eq!(field, Field::new("v", arrow, false), "{proto}");
    }
}

#[test]
fn proto3_optional_is_nullable() {
    assert_eq!(
        one("proto3", "optional int64 v = 1;"),
        Field::new("v", DataType::Int64, true)
    );
}

#[test]
fn proto2_optional_is_nullable() {
    assert_eq!(
        one("proto2", "optional string v = 1;"),
        Field::new("v", DataType::Utf8, true)
    );
}

#[test]
fn proto2_required_is_non_null() {
    assert_eq!(
        one("proto2", "required uint32 v = 1;"),
        Field::new("v", DataType::UInt32, false)
    );
    assert_eq!(
        one("proto2", "required Inner v = 1;"),
        Field::new(
            "v",
            DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, true)])),
            false
        )
    );
}

#[test]
fn enum_is_its_value_name() {
    assert_eq!(
        one("proto3", "Color v = 1;"),
        Field::new("v", DataType::Utf8, false)
    );
    assert_eq!(
        one("proto2", "optional Color v = 1;"),
        Field::new("v", DataType::Utf8, true)
    );
}

#[test]
fn message_is_nullable_struct() {
    assert_eq!(
        one("proto3", "Inner v = 1;"),
        Field::new(
            "v",
            DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, false)])),
            true
        )
    );
}

#[test]
fn nested_message_definition() {
    let f = fields(
        "syntax = \"proto3\"; message Outer { message Mid { message Leaf { string s = 1; } Leaf leaf = 1; } Mid mid = 1; }",
    );
    assert_eq!(
        f[0].data_type().to_string(),
        r#"Struct("leaf": Struct("s": non-null Utf8))"#
    );
    assert_eq!(f[0].name(), "mid");
}

#[test]
fn repeated_is_non_null_list_of_non_null_items() {
    assert_eq!(
        one("proto3", "repeated string v = 1;"),
        Field::new("v", item(DataType::Utf8), false)
    );
    assert_eq!(
        one("proto2", "repeated Color v = 1;"),
        Field::new("v", item(DataType::Utf8), false)
    );
    assert_eq!(
        one("proto3", "repeated Inner v = 1;"),
        Field::new(
            "v",
            item(DataType::Struct(Fields::from(vec![Field::new(
                "x",
                DataType::Int32,
                false
            )]))),
            false
        )
    );
}

#[test]
fn map_of_scalars() {
    let field = one("proto3", "map<string, int64> v = 1;");
    assert_eq!(
        field,
        Field::new("v", map(DataType::Utf8, DataType::Int64, false), false)
    );
    assert_eq!(
        field.data_type().to_string(),
        r#"Map("entries": non-null Struct("key": non-null Utf8, "value": non-null Int64), unsorted)"#
    );
}

#[test]
fn map_of_messages_has_nullable_values() {
    assert_eq!(
        one("proto2", "map<int32, Inner> v = 1;"),
        Field::new(
            "v",
            map(
                DataType::Int32,
                DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, true)])),
                true
            ),
            false
        )
    );
    assert_eq!(
        one("proto3", "map<bool, Color> v = 1;"),
        Field::new("v", map(DataType::Boolean, DataType::Utf8, false), false)
    );
}

#[test]
fn oneof_members_are_flattened_and_nullable() {
    let f = fields(
        "syntax = \"proto3\"; message Pay { int32 id = 1; oneof method { string card = 2; bytes token = 3; } }",
    );
    assert_eq!(
        f,
        vec![
            Field::new("id", DataType::Int32, false),
            Field::new("card", DataType::Utf8, true),
            Field::new("token", DataType::Binary, true),
        ]
    );
}

#[test]
fn proto2_group_is_struct() {
    let f = fields(
        "syntax = \"proto2\"; message G { optional group Result = 1 { required string url = 2; } }",
    );
    assert_eq!(
        f,
        vec![Field::new(
            "result",
            DataType::Struct(Fields::from(vec![Field::new("url", DataType::Utf8, false)])),
            true
        )]
    );
}

#[test]
fn timestamp_and_duration() {
    assert_eq!(
        one("proto3", "google.protobuf.Timestamp v = 1;"),
        Field::new("v", DataType::Timestamp(TimeUnit::Nanosecond, None), true)
    );
    assert_eq!(
        one("proto3", "google.protobuf.Duration v = 1;"),
        Field::new("v", DataType::Duration(TimeUnit::Nanosecond), true)
    );
    assert_eq!(
        one("proto3", "repeated google.protobuf.Timestamp v = 1;"),
        Field::new(
            "v",
            item(DataType::Timestamp(TimeUnit::Nanosecond, None)),
            false
        )
    );
}

#[test]
fn wrappers_are_nullable_scalars() {
    let cases = [
        ("DoubleValue", DataType::Float64),
        ("FloatValue", DataType::Float32),
        ("Int64Value", DataType::Int64),
        ("UInt64Value", DataType::UInt64),
        ("Int32Value", DataType::Int32),
        ("UInt32Value", DataType::UInt32),
        ("BoolValue", DataType::Boolean),
        ("StringValue", DataType::Utf8),
        ("BytesValue", DataType::Binary),
    ];
    for (wrapper, arrow) in cases {
        let field = one("proto3", &format!("google.protobuf.{wrapper} v = 1;"));
        assert_eq!(field, Field::new("v", arrow, true), "{wrapper}");
    }
}

#[test]
fn struct_value_list_value_and_any_are_json() {
    for wkt in ["Struct", "Value", "ListValue", "Any"] {
        let field = one("proto3", &format!("google.protobuf.{wkt} v = 1;"));
        assert_eq!(field, json_field("v", true), "{wkt}");
        assert!(is_json(&field));
    }
    let expansion = expand(
        "syntax = \"proto3\"; import \"google/protobuf/struct.proto\"; message M { google.protobuf.Struct s = 1; }",
        None,
    )
    .unwrap();
    assert_eq!(expansion.expansion.notes, vec![]);
}

#[test]
fn empty_is_struct_without_fields_and_field_mask_is_utf8() {
    assert_eq!(
        one("proto3", "google.protobuf.Empty v = 1;"),
        Field::new("v", DataType::Struct(Fields::empty()), true)
    );
    assert_eq!(
        one("proto3", "google.protobuf.FieldMask v = 1;"),
        Field::new("v", DataType::Utf8, true)
    );
}
