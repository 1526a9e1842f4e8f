use super::*;

#[test]
fn properties_keep_document_order_and_required_decides_nullability() {
    let e = expand(
        r#"{"type": "object", "required": ["zeta", "alpha"],
            "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer"},
                           "mid": {"type": "boolean"}}}"#,
    );
    assert_eq!(
        e.fields,
        vec![
            Field::new("zeta", DataType::Utf8, false),
            Field::new("alpha", DataType::Int64, false),
            Field::new("mid", DataType::Boolean, true),
        ]
    );
    assert!(e.notes.is_empty());
}

#[test]
fn nested_object_becomes_struct() {
    let f = prop(
        r#"{"type": "object", "required": ["b"], "properties": {"a": {"type": "number"}, "b": {"type": "string"}}}"#,
    );
    assert_eq!(
        f.data_type(),
        &DataType::Struct(Fields::from(vec![
            Field::new("a", DataType::Float64, true),
            Field::new("b", DataType::Utf8, false),
        ]))
    );
}

#[test]
fn null_in_type_list_and_openapi_nullable_make_required_fields_nullable() {
    let e = expand(
        r#"{"required": ["a", "b", "c"], "properties": {
            "a": {"type": ["string", "null"]},
            "b": {"type": "integer", "nullable": true},
            "c": {"type": "integer"}}}"#,
    );
    assert_eq!(field(&e, "a"), &Field::new("a", DataType::Utf8, true));
    assert_eq!(field(&e, "b"), &Field::new("b", DataType::Int64, true));
    assert_eq!(field(&e, "c"), &Field::new("c", DataType::Int64, false));
}

#[test]
fn boolean_maps_to_boolean() {
    assert_eq!(
        prop(r#"{"type": "boolean"}"#).data_type(),
        &DataType::Boolean
    );
}

#[test]
fn integer_formats() {
    for (format, expected) in [
        ("", DataType::Int64),
        ("int32", DataType::Int32),
        ("int", DataType::Int32),
        ("int64", DataType::Int64),
        ("uint32", DataType::UInt32),
        ("uint", DataType::UInt32),
        ("uint64", DataType::UInt64),
        ("int8", DataType::Int32),
        ("int16", DataType::Int32),
        ("uint8", DataType::UInt32),
        ("uint16", DataType::UInt32),
    ] {
        let e = expand(&format!(
            r#"{{"properties": {{"p": {{"type": "integer", "format": "{format}"}}}}}}"#
        ));
        assert_eq!(field(&e, "p").data_type(), &expected, "format {format}");
        assert!(e.notes.is_empty());
    }
}

#[test]
fn number_formats() {
    assert_eq!(
        prop(r#"{"type": "number"}"#).data_type(),
        &DataType::Float64
    );
    assert_eq!(
        prop(r#"{"type": "number", "format": "float"}"#).data_type(),
        &DataType::Float32
    );
    assert_eq!(
        prop(r#"{"type": "number", "format": "double"}"#).data_type(),
        &DataType::Float64
    );
    assert_eq!(
        prop(r#"{"type": ["integer", "number"]}"#).data_type(),
        &DataType::Float64
    );
}

#[test]
fn string_formats() {
    for (format, expected) in [
        ("", DataType::Utf8),
        ("date-time", DataType::Timestamp(TimeUnit::Nanosecond, None)),
        ("date", DataType::Date32),
        ("time", DataType::Utf8),
        ("uuid", DataType::Utf8),
        ("email", DataType::Utf8),
        ("uri", DataType::Utf8),
        ("byte", DataType::Binary),
        ("binary", DataType::Binary),
    ] {
        let f = prop(&format!(r#"{{"type": "string", "format": "{format}"}}"#));
        assert_eq!(f.data_type(), &expected, "format {format}");
        assert!(!is_json(&f));
    }
    assert_eq!(
        prop(r#"{"type": "string", "contentEncoding": "base64"}"#).data_type(),
        &DataType::Binary
    );
}

#[test]
fn array_items_give_a_list_with_item_nullability() {
    assert_eq!(
        prop(r#"{"type": "array", "items": {"type": "string"}}"#).data_type(),
        &list_of(Field::new("item", DataType::Utf8, false))
    );
    assert_eq!(
        prop(r#"{"type": "array", "items": {"type": ["integer", "null"]}}"#).data_type(),
        &list_of(Field::new("item", DataType::Int64, true))
    );
    assert_eq!(
        prop(r#"{"type": "array", "uniqueItems": true, "items": {"type": "string"}}"#).data_type(),
        &list_of(Field::new("item", DataType::Utf8, false))
    );
}

#[test]
fn array_without_items_or_with_false_items_is_a_list_of_json() {
    for schema in [
        r#"{"type": "array"}"#,
        r#"{"type": "array", "items": false}"#,
    ] {
        let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
        assert_eq!(
            field(&e, "p").data_type(),
            &list_of(json_field("item", true)),
            "{schema}"
        );
        assert!(e.notes.is_empty());
    }
}

#[test]
fn tuple_arrays_become_json_with_a_note() {
    for schema in [
        r#"{"type": "array", "items": [{"type": "string"}, {"type": "integer"}]}"#,
        r#"{"type": "array", "prefixItems": [{"type": "string"}], "items": false}"#,
    ] {
        let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
        assert!(is_json(field(&e, "p")), "{schema}");
        assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    }
}

#[test]
fn enums_take_the_type_of_their_values() {
    let e = expand(
        r#"{"properties": {
            "s": {"enum": ["a", "b"]},
            "i": {"enum": [1, 2, 3]},
            "n": {"enum": ["a", null]},
            "m": {"enum": ["a", 1]}}}"#,
    );
    assert_eq!(field(&e, "s").data_type(), &DataType::Utf8);
    assert_eq!(field(&e, "i").data_type(), &DataType::Int64);
    assert_eq!(field(&e, "n"), &Field::new("n", DataType::Utf8, true));
    assert!(is_json(field(&e, "m")));
    assert_eq!(note_codes(&e), vec![("schema::lossy", "m")]);
}

#[test]
fn const_takes_the_type_of_its_value() {
    assert_eq!(prop(r#"{"const": "v1"}"#).data_type(), &DataType::Utf8);
    assert_eq!(prop(r#"{"const": 7}"#).data_type(), &DataType::Int64);
    assert_eq!(prop(r#"{"const": 1.5}"#).data_type(), &DataType::Float64);
    assert_eq!(prop(r#"{"const": true}"#).data_type(), &DataType::Boolean);
}

#[test]
fn all_of_merges_properties_and_required() {
    let e = expand(
        r##"{"definitions": {"base": {"type": "object", "required": ["id"],
                                      "properties": {"id": {"type": "integer"}}}},
            "allOf": [{"$ref": "#/definitions/base"},
                      {"required": ["name"], "properties": {"name": {"type": "string"},
                                                            "id": {"format": "int32"}}}]}"##,
    );
    assert_eq!(
        e.fields,
        vec![
            Field::new("id", DataType::Int32, false),
            Field::new("name", DataType::Utf8, false),
        ]
    );
    assert!(e.notes.is_empty());
}

#[test]
fn single_all_of_is_its_element() {
    assert_eq!(
        prop(r#"{"allOf": [{"type": "string", "format": "date"}]}"#).data_type(),
        &DataType::Date32
    );
}

#[test]
fn all_of_with_incompatible_types_becomes_json() {
    let e =
        expand(r#"{"properties": {"p": {"allOf": [{"type": "string"}, {"type": "integer"}]}}}"#);
    assert!(is_json(field(&e, "p")));
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
}

#[test]
fn any_of_drops_null_branches() {
    let e = expand(
        r#"{"required": ["p"], "properties": {"p": {"anyOf": [{"type": "null"}, {"type": "string"}]}}}"#,
    );
    assert_eq!(e.fields, vec![Field::new("p", DataType::Utf8, true)]);
    assert!(e.notes.is_empty());
}

#[test]
fn one_of_with_one_type_is_that_type() {
    let f = prop(
        r#"{"oneOf": [{"type": "string", "format": "email"}, {"type": "string", "format": "uri"}]}"#,
    );
    assert_eq!(f.data_type(), &DataType::Utf8);
    // Branches that only differ in `required` unify into one struct.
    let e = expand(
        r#"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            "oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"#,
    );
    assert_eq!(
        e.fields,
        vec![
            Field::new("a", DataType::Utf8, true),
            Field::new("b", DataType::Utf8, true),
        ]
    );
    assert!(e.notes.is_empty());
}

#[test]
fn any_of_with_different_types_becomes_json_with_a_note() {
    let e = expand(
        r#"{"properties": {"p": {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]}}}"#,
    );
    assert!(is_json(field(&e, "p")));
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    assert_eq!(
        e.notes[0].message,
        "field `p`: `anyOf` of `Int64`, `Utf8` becomes JSON"
    );
}

#[test]
fn type_list_with_two_types_becomes_json_with_a_note() {
    let e = expand(r#"{"properties": {"p": {"type": ["string", "integer", "null"]}}}"#);
    assert!(is_json(field(&e, "p")));
    assert!(field(&e, "p").is_nullable());
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
}

#[test]
fn properties_without_type_is_an_object() {
    let f = prop(r#"{"properties": {"x": {"type": "boolean"}}}"#);
    assert_eq!(
        f.data_type(),
        &DataType::Struct(Fields::from(vec![Field::new("x", DataType::Boolean, true)]))
    );
}

#[test]
fn empty_and_true_schemas_are_json_without_a_note() {
    let e = expand(r#"{"required": ["a", "b"], "properties": {"a": {}, "b": true}}"#);
    assert_eq!(e.fields, vec![json_field("a", true), json_field("b", true)]);
    assert!(e.notes.is_empty());
    // `type: object` alone is "any object".
    assert!(is_json(&prop(r#"{"type": "object"}"#)));
}

#[test]
fn false_schema_is_nullable_json_with_a_note() {
    let e = expand(r#"{"required": ["p"], "properties": {"p": false}}"#);
    assert_eq!(e.fields, vec![json_field("p", true)]);
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
}

#[test]
fn additional_properties_without_properties_is_a_map() {
    let map_of = |value: Field| map_type(value);
    assert_eq!(
        prop(r#"{"type": "object", "additionalProperties": {"type": "integer"}}"#).data_type(),
        &map_of(Field::new("value", DataType::Int64, false))
    );
    assert_eq!(
        prop(r#"{"type": "object", "additionalProperties": true}"#).data_type(),
        &map_of(json_field("value", true))
    );
    assert_eq!(
        prop(
            r#"{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}"#
        )
        .data_type(),
        &map_of(Field::new("value", DataType::Utf8, false))
    );
    assert_eq!(
        prop(r#"{"additionalProperties": {}}"#).data_type().to_string(),
        "Map(\"entries\": non-null Struct(\"key\": non-null Utf8, \"value\": Utf8, metadata: {\"ARROW:extension:name\": \"arroyo.json\"}), unsorted)"
    );
}

#[test]
fn additional_properties_with_properties_is_ignored() {
    let e = expand(
        r#"{"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#,
    );
    assert_eq!(e.fields, vec![Field::new("a", DataType::Utf8, true)]);
    assert!(e.notes.is_empty());
}

#[test]
fn validation_keywords_are_ignored() {
    let f = prop(
        r#"{"type": "string", "not": {"const": "x"}, "if": {"minLength": 1},
            "then": {"type": "integer"}, "else": {"type": "boolean"},
            "dependencies": {"a": ["b"]}, "minLength": 2, "pattern": "^a"}"#,
    );
    assert_eq!(f.data_type(), &DataType::Utf8);
}

#[test]
fn non_object_root_becomes_one_value_field_with_a_note() {
    let e = expand(r#"{"type": "string", "format": "date-time"}"#);
    assert_eq!(
        e.fields,
        vec![Field::new(
            "value",
            DataType::Timestamp(TimeUnit::Nanosecond, None),
            false
        )]
    );
    assert_eq!(note_codes(&e), vec![("schema::lossy", "value")]);

    let e = expand(r#"{"type": "array", "items": {"type": "integer"}}"#);
    assert_eq!(
        e.fields,
        vec![Field::new(
            "value",
            list_of(Field::new("item", DataType::Int64, false)),
            false
        )]
    );
}

#[test]
fn root_without_properties_becomes_one_json_value_field() {
    for schema in ["{}", "true", r#"{"type": "object"}"#] {
        let e = expand(schema);
        assert_eq!(e.fields.len(), 1, "{schema}");
        assert_eq!(e.fields[0].name(), "value");
        assert!(is_json(&e.fields[0]));
        assert_eq!(note_codes(&e), vec![("schema::lossy", "value")]);
    }
    let e = expand(r#"{"type": "object", "additionalProperties": {"type": "string"}}"#);
    assert_eq!(
        e.fields,
        vec![Field::new(
            "value",
            map_type(Field::new("value", DataType::Utf8, false)),
            false
        )]
    );
}

#[test]
fn duplicate_keys_keep_the_last_value() {
    let e = expand(r#"{"properties": {"a": {"type": "string"}, "a": {"type": "integer"}}}"#);
    assert_eq!(e.fields, vec![Field::new("a", DataType::Int64, true)]);
}

#[test]
fn type_null_alone_is_nullable_json_with_a_note() {
    let e = expand(r#"{"required": ["p"], "properties": {"p": {"type": "null"}}}"#);
    assert_eq!(e.fields, vec![json_field("p", true)]);
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    assert_eq!(
        e.notes[0].message,
        "field `p`: the value is always null, so it becomes JSON"
    );
}

#[test]
fn keywords_imply_the_type_when_it_is_missing() {
    assert_eq!(
        prop(r#"{"format": "date-time"}"#).data_type(),
        &DataType::Timestamp(TimeUnit::Nanosecond, None)
    );
    assert_eq!(
        prop(r#"{"items": {"type": "boolean"}}"#).data_type(),
        &list_of(Field::new("item", DataType::Boolean, false))
    );
    assert_eq!(
        prop(r#"{"enum": [1, 2.5]}"#).data_type(),
        &DataType::Float64
    );
    // `type` with `enum` keeps only the kinds the values have.
    assert_eq!(
        prop(r#"{"type": ["string", "integer"], "enum": ["a", "b"]}"#).data_type(),
        &DataType::Utf8
    );
}

#[test]
fn unknown_type_names_become_json_with_a_note() {
    let e = expand(r#"{"properties": {"p": {"type": "file"}}}"#);
    assert!(is_json(field(&e, "p")));
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
}

#[test]
fn map_values_of_different_types_become_json() {
    let e = expand(
        r#"{"properties": {"p": {"patternProperties": {"^a": {"type": "string"}, "^b": {"type": "integer"}}}}}"#,
    );
    assert_eq!(
        field(&e, "p").data_type(),
        &map_type(json_field("value", true))
    );
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p{}")]);
}
