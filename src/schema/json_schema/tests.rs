use super::*;
use crate::schema::expand::is_json;

/// The text each note of `text`'s expansion points at (empty for the schema as a whole).
fn note_places(text: &str) -> Vec<(&'static str, &str)> {
    let (e, places) = expand_json_schema_placed(text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(e.notes.len(), places.len());
    e.notes
        .iter()
        .zip(places)
        .map(|(n, p)| {
            let at = if p.is_detached() {
                ""
            } else {
                &text[p.start..p.end]
            };
            (n.code.as_str(), at)
        })
        .collect()
}

/// The text a failed expansion of `text` points at.
fn error_place(text: &str) -> (&'static str, &str) {
    let e = expand_json_schema(text)
        .err()
        .unwrap_or_else(|| panic!("expanded"));
    let span = e.span.unwrap_or_else(|| panic!("no place: {e:?}"));
    let at = if span.is_detached() {
        ""
    } else {
        &text[span.start..span.end]
    };
    (e.code.as_str(), at)
}

#[test]
fn notes_point_at_the_key_or_value_they_are_about() {
    let text = r##"{"$defs": {"n": {"properties": {"next": {"$ref": "#/$defs/n"}}}},
        "properties": {
            "a": {"properties": {"b": {"properties": {"c": {"type": "strng"}}}}},
            "list": {"$ref": "#/$defs/n"},
            "t": {"items": [{"type": "string"}]},
            "u": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "f": false,
            "r": {"$ref": "other.json#/x"},
            "m": {"type": ["string", "integer"]},
            "e": {"enum": ["x", 1]},
            "closed": {"type": "object", "additionalProperties": false}
        }}"##;
    assert_eq!(
        note_places(text),
        [
            ("schema::lossy", "\"strng\""),
            ("schema::recursive", "\"#/$defs/n\""),
            ("schema::lossy", "\"items\""),
            ("schema::lossy", "\"oneOf\""),
            ("schema::lossy", "false"),
            ("schema::lossy", "\"other.json#/x\""),
            ("schema::lossy", "[\"string\", \"integer\"]"),
            ("schema::lossy", "[\"x\", 1]"),
            ("schema::lossy", "false"),
        ]
    );
    // A note about the root is about the whole schema.
    assert_eq!(
        note_places(r#"{"type": "string"}"#),
        [("schema::lossy", "")]
    );
}

#[test]
fn reused_expansions_keep_the_place_of_their_notes() {
    let text = r##"{"$defs": {"d": {"type": "strng"}},
        "properties": {"a": {"$ref": "#/$defs/d"}, "b": {"$ref": "#/$defs/d"}}}"##;
    assert_eq!(
        note_places(text),
        [
            ("schema::lossy", "\"strng\""),
            ("schema::lossy", "\"strng\"")
        ]
    );
}

#[test]
fn errors_point_at_the_key_or_value_they_are_about() {
    assert_eq!(
        error_place(r##"{"properties": {"a": {"items": {"$ref": "#/nowhere"}}}}"##),
        ("schema::invalid", "\"#/nowhere\"")
    );
    assert_eq!(
        error_place(r#"{"properties": {"a": {"$ref": 5}}}"#),
        ("schema::invalid", "5")
    );
    assert_eq!(
        error_place(r##"{"properties": {"a": {"$ref": "#/%zz"}}}"##),
        ("schema::invalid", "\"#/%zz\"")
    );
    assert_eq!(error_place("{\"a\": tru}"), ("schema::invalid", "}"));
    assert_eq!(error_place("[1]"), ("schema::invalid", ""));
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let deep = format!(r#"{{"enum": {deep}}}"#);
    assert_eq!(error_place(&deep), ("limit::nesting", "["));
}

fn expand(text: &str) -> Expansion {
    match expand_json_schema(text) {
        Ok(e) => e,
        Err(e) => panic!("expansion failed: {e:?}"),
    }
}

fn field<'e>(e: &'e Expansion, name: &str) -> &'e Field {
    e.fields
        .iter()
        .find(|f| f.name() == name)
        .unwrap_or_else(|| panic!("no field {name} in {:?}", e.fields))
}

/// The type of property `p` of a one-property object schema.
fn prop(schema: &str) -> Field {
    let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
    field(&e, "p").clone()
}

fn note_codes(e: &Expansion) -> Vec<(&'static str, &str)> {
    e.notes
        .iter()
        .map(|n| (n.code.as_str(), n.path.as_str()))
        .collect()
}

fn list_of(item: Field) -> DataType {
    DataType::List(Arc::new(item))
}

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
fn refs_to_definitions_and_defs_resolve() {
    let e = expand(
        r##"{"definitions": {"id": {"type": "integer", "format": "int32"}},
            "$defs": {"name": {"type": "string"}},
            "required": ["a"],
            "properties": {"a": {"$ref": "#/definitions/id"}, "b": {"$ref": "#/$defs/name"}}}"##,
    );
    assert_eq!(
        e.fields,
        vec![
            Field::new("a", DataType::Int32, false),
            Field::new("b", DataType::Utf8, true),
        ]
    );
}

#[test]
fn ref_pointers_are_unescaped_and_percent_decoded() {
    let e = expand(
        r##"{"definitions": {"a/b": {"type": "boolean"}, "c~d": {"type": "integer"},
                             "e f": {"type": "number"}, "list": [{"type": "string"}]},
            "properties": {"x": {"$ref": "#/definitions/a~1b"},
                           "y": {"$ref": "#/definitions/c~0d"},
                           "z": {"$ref": "#/definitions/e%20f"},
                           "w": {"$ref": "#/definitions/list/0"}}}"##,
    );
    let types: Vec<&DataType> = e.fields.iter().map(|f| f.data_type()).collect();
    assert_eq!(
        types,
        vec![
            &DataType::Boolean,
            &DataType::Int64,
            &DataType::Float64,
            &DataType::Utf8
        ]
    );
}

#[test]
fn refs_to_anchors_and_to_the_own_id_resolve() {
    let e = expand(
        r##"{"$id": "https://example.com/schemas/order.json",
            "$defs": {"money": {"$anchor": "money", "type": "number"},
                      "old": {"id": "#old", "type": "boolean"}},
            "properties": {"a": {"$ref": "#money"},
                           "b": {"$ref": "#old"},
                           "c": {"$ref": "https://example.com/schemas/order.json#/$defs/money"},
                           "d": {"$ref": "order.json#/$defs/old"}}}"##,
    );
    let types: Vec<&DataType> = e.fields.iter().map(|f| f.data_type()).collect();
    assert_eq!(
        types,
        vec![
            &DataType::Float64,
            &DataType::Boolean,
            &DataType::Float64,
            &DataType::Boolean
        ]
    );
    assert!(e.notes.is_empty());
}

#[test]
fn remote_refs_become_json_with_a_note() {
    let e = expand(
        r#"{"properties": {"p": {"$ref": "https://example.com/other.json#/definitions/x"}}}"#,
    );
    assert!(is_json(field(&e, "p")));
    assert_eq!(note_codes(&e), vec![("schema::lossy", "p")]);
    assert!(e.notes[0].message.contains("cannot resolve remote `$ref`"));
}

#[test]
fn unresolved_ref_is_an_error_naming_it() {
    let err = expand_json_schema(
        r##"{"definitions": {}, "properties": {"p": {"$ref": "#/definitions/missing"}}}"##,
    )
    .unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(
        err.message,
        "`$ref` `#/definitions/missing` does not resolve: no `missing` in `#/definitions`"
    );
    let err = expand_json_schema(r##"{"properties": {"p": {"$ref": "#nowhere"}}}"##).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
}

#[test]
fn recursion_through_the_root_is_cut_into_json() {
    let e = expand(
        r##"{"type": "object", "properties": {"name": {"type": "string"},
            "child": {"$ref": "#"}}}"##,
    );
    assert_eq!(e.fields[0], Field::new("name", DataType::Utf8, true));
    assert!(is_json(&e.fields[1]));
    assert_eq!(note_codes(&e), vec![("schema::recursive", "child")]);
}

#[test]
fn recursion_through_definitions_is_cut_into_json() {
    let e = expand(
        r##"{"definitions": {"tree": {"type": "object", "required": ["value"], "properties": {
                "value": {"type": "integer"},
                "children": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}}},
            "properties": {"left": {"$ref": "#/definitions/tree"},
                           "right": {"$ref": "#/definitions/tree"}}}"##,
    );
    let tree = DataType::Struct(Fields::from(vec![
        Field::new("value", DataType::Int64, false),
        Field::new("children", list_of(json_field("item", true)), true),
    ]));
    assert_eq!(field(&e, "left").data_type(), &tree);
    assert_eq!(field(&e, "right").data_type(), &tree);
    // The note is reported at every place the definition is used.
    assert_eq!(
        note_codes(&e),
        vec![
            ("schema::recursive", "left.children[]"),
            ("schema::recursive", "right.children[]")
        ]
    );
    assert_eq!(
        e.notes[0].message,
        "field `left.children[]`: `$ref` `#/definitions/tree` refers back to a schema that is being expanded, so the recursion is cut here and the value becomes JSON"
    );
}

#[test]
fn mutual_recursion_terminates() {
    let e = expand(
        r##"{"$defs": {"a": {"properties": {"b": {"$ref": "#/$defs/b"}}},
                      "b": {"properties": {"a": {"$ref": "#/$defs/a"}}}},
            "properties": {"x": {"$ref": "#/$defs/a"}, "y": {"$ref": "#/$defs/b"}}}"##,
    );
    assert_eq!(
        field(&e, "x").data_type(),
        &DataType::Struct(Fields::from(vec![Field::new(
            "b",
            DataType::Struct(Fields::from(vec![json_field("a", true)])),
            true
        )]))
    );
    assert_eq!(
        note_codes(&e),
        vec![("schema::recursive", "x.b.a"), ("schema::recursive", "y.a")]
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let mut schema = String::from(r#"{"type": "string"}"#);
    for _ in 0..300 {
        schema = format!(r#"{{"type": "object", "properties": {{"a": {schema}}}}}"#);
    }
    let err = expand_json_schema(&schema).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);

    // Within the reader's limit but deeper than MAX_NESTING through `$ref`s.
    let mut defs = Vec::new();
    for i in 0..300 {
        defs.push(format!(
            r##""d{i}": {{"properties": {{"a": {{"$ref": "#/definitions/d{}"}}}}}}"##,
            i + 1
        ));
    }
    defs.push(r#""d300": {"type": "string"}"#.to_string());
    let schema = format!(
        r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
        defs.join(",")
    );
    let err = expand_json_schema(&schema).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);
    assert!(err.message.starts_with("field `p.a.a.a"), "{}", err.message);
}

#[test]
fn long_ref_and_any_of_chains_are_an_error_not_a_crash() {
    let mut defs = Vec::new();
    for i in 0..1000 {
        defs.push(format!(
            r##""d{i}": {{"anyOf": [{{"$ref": "#/definitions/d{}"}}, {{"type": "null"}}]}}"##,
            i + 1
        ));
    }
    defs.push(r#""d1000": {"type": "string"}"#.to_string());
    let schema = format!(
        r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
        defs.join(",")
    );
    let err = expand_json_schema(&schema).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);

    // A plain `$ref` chain is followed without recursion and succeeds.
    let mut defs = Vec::new();
    for i in 0..1000 {
        defs.push(format!(
            r##""d{i}": {{"$ref": "#/definitions/d{}"}}"##,
            i + 1
        ));
    }
    defs.push(r#""d1000": {"type": "string"}"#.to_string());
    let schema = format!(
        r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
        defs.join(",")
    );
    assert_eq!(field(&expand(&schema), "p").data_type(), &DataType::Utf8);
}

#[test]
fn invalid_json_is_an_error_with_line_and_column() {
    // The reader words a trailing comma as serde_json's `IgnoredAny` does, which the
    // request path has always shown.
    let text = "{\n  \"type\": \"object\",\n}";
    let err = expand_json_schema(text).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(
        err.message,
        "invalid JSON Schema: key must be a string at line 3 column 1"
    );
    assert_eq!(err.span, Some(Span::new(text.len() - 1, text.len())));
    let err = expand_json_schema("42").unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(
        err.message,
        "a JSON Schema must be an object or a boolean, found a number"
    );
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
fn many_lossy_notes_are_capped() {
    let props: Vec<String> = (0..MAX_NOTES + 5)
        .map(|i| format!(r#""p{i}": {{"type": ["string", "integer"]}}"#))
        .collect();
    let e = expand(&format!(r#"{{"properties": {{{}}}}}"#, props.join(",")));
    assert_eq!(e.fields.len(), MAX_NOTES + 5);
    assert_eq!(e.notes.len(), MAX_NOTES + 1);
}

#[test]
fn ref_siblings_apply_together_with_the_target() {
    let e = expand(
        r##"{"definitions": {"s": {"type": "string"}},
            "required": ["a", "b"],
            "properties": {"a": {"$ref": "#/definitions/s", "nullable": true},
                           "b": {"$ref": "#/definitions/s", "description": "doc only"}}}"##,
    );
    assert_eq!(
        e.fields,
        vec![
            Field::new("a", DataType::Utf8, true),
            Field::new("b", DataType::Utf8, false),
        ]
    );
}

#[test]
fn root_ref_to_a_definition_gives_its_properties() {
    let e = expand(
        r##"{"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/definitions/Main",
            "definitions": {"Main": {"type": "object", "required": ["id"],
                                     "properties": {"id": {"type": "string", "format": "uuid"}}}}}"##,
    );
    assert_eq!(e.fields, vec![Field::new("id", DataType::Utf8, false)]);
    assert!(e.notes.is_empty());
}

#[test]
fn dynamic_and_recursive_refs_resolve_statically() {
    let e = expand(
        r##"{"$dynamicAnchor": "node", "properties": {
            "name": {"type": "string"},
            "next": {"$dynamicRef": "#node"},
            "prev": {"$recursiveRef": "#"}}}"##,
    );
    assert_eq!(e.fields[0], Field::new("name", DataType::Utf8, true));
    assert!(is_json(&e.fields[1]) && is_json(&e.fields[2]));
    assert_eq!(
        note_codes(&e),
        vec![("schema::recursive", "next"), ("schema::recursive", "prev")]
    );
}

#[test]
fn a_ref_to_a_merged_sibling_is_not_recursion() {
    // `base` is merged into the root, and `nested` uses it again: that is no cycle.
    let e = expand(
        r##"{"$defs": {"base": {"properties": {"id": {"type": "integer"}}}},
            "allOf": [{"$ref": "#/$defs/base"}],
            "properties": {"nested": {"$ref": "#/$defs/base"}}}"##,
    );
    assert_eq!(
        e.fields,
        vec![
            Field::new("id", DataType::Int64, true),
            Field::new(
                "nested",
                DataType::Struct(Fields::from(vec![Field::new("id", DataType::Int64, true)])),
                true
            ),
        ]
    );
    assert!(e.notes.is_empty());
}

#[test]
fn recursive_any_of_branch_becomes_json() {
    let e = expand(
        r##"{"properties": {"expr": {"$ref": "#/$defs/expr"}},
            "$defs": {"expr": {"anyOf": [{"type": "integer"},
                                         {"type": "array", "items": {"$ref": "#/$defs/expr"}}]}}}"##,
    );
    assert!(is_json(field(&e, "expr")));
    assert_eq!(note_codes(&e), vec![("schema::lossy", "expr")]);
    assert_eq!(
        e.notes[0].message,
        "field `expr`: `anyOf` of `Int64`, `List` becomes JSON"
    );
}

#[test]
fn mutually_recursive_definitions_expand_once_each() {
    // Every definition refers to every other one: without reuse this is factorial work.
    let n = 12;
    let refs = (0..n)
        .map(|j| format!(r##""p{j}": {{"$ref": "#/definitions/d{j}"}}"##))
        .collect::<Vec<_>>()
        .join(",");
    let defs = (0..n)
        .map(|i| format!(r#""d{i}": {{"properties": {{{refs}}}}}"#))
        .collect::<Vec<_>>()
        .join(",");
    let e = expand(&format!(
        r#"{{"definitions": {{{defs}}}, "properties": {{{refs}}}}}"#
    ));
    assert_eq!(e.fields.len(), n);
    assert_eq!(e.notes.len(), MAX_NOTES + 1);
    assert!(e
        .notes
        .iter()
        .take(MAX_NOTES)
        .all(|n| n.code == codes::SCHEMA_RECURSIVE));
}

#[test]
fn worst_case_chains_fit_in_a_small_stack() {
    // Nesting and `anyOf` alternate so that both limits are approached together. The
    // expansion runs on a 2 MiB stack, the default of spawned, test and tokio threads (a
    // debug build uses about 1 MiB here).
    let mut defs = Vec::new();
    for i in 0..400 {
        let next = format!(r##"{{"$ref": "#/definitions/d{}"}}"##, i + 1);
        defs.push(if i % 4 == 0 {
            format!(r#""d{i}": {{"properties": {{"a": {next}}}}}"#)
        } else {
            format!(r#""d{i}": {{"anyOf": [{next}, {{"type": "null"}}]}}"#)
        });
    }
    defs.push(r#""d400": {"type": "string"}"#.to_string());
    let schema = format!(
        r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
        defs.join(",")
    );
    let result = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || expand_json_schema(&schema).map_err(|e| e.code))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(result.unwrap_err(), codes::TOO_DEEP);
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
fn malformed_refs_are_errors() {
    let err = expand_json_schema(r#"{"properties": {"p": {"$ref": 5}}}"#).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(err.message, "`$ref` must be a string, found a number");
    let err = expand_json_schema(r##"{"properties": {"p": {"$ref": "#/a%zz"}}}"##).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(err.message, "`$ref` `#/a%zz` is not a valid URI fragment");
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

#[test]
fn combinatorial_any_of_is_an_error_not_a_hang() {
    // 17 independent `anyOf`s in one `allOf` give 2^17 combinations.
    let members = (0..17)
        .map(|i| {
            format!(
                r#"{{"anyOf": [{{"properties": {{"a{i}": {{"type": "string"}}}}}},
                               {{"properties": {{"b{i}": {{"type": "string"}}}}}}]}}"#
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let err = expand_json_schema(&format!(r#"{{"allOf": [{members}]}}"#)).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);
    assert_eq!(
        err.message,
        "the schema is too large to expand: more than 50000 steps"
    );
}

#[test]
fn corpus_expands_without_panics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/json-schema");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut ok = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        match expand_json_schema(&text) {
            Ok(e) => {
                ok += 1;
                eprintln!(
                    "{}: {} fields, {} notes",
                    path.display(),
                    e.fields.len(),
                    e.notes.len()
                );
            }
            Err(err) => eprintln!("{}: {:?} {}", path.display(), err.code, err.message),
        }
    }
    assert_eq!(paths.len(), 60);
    assert_eq!(ok, 60);
}
