use super::*;

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
