use super::*;

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
fn malformed_refs_are_errors() {
    let err = expand_json_schema(r#"{"properties": {"p": {"$ref": 5}}}"#).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(err.message, "`$ref` must be a string, found a number");
    let err = expand_json_schema(r##"{"properties": {"p": {"$ref": "#/a%zz"}}}"##).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(err.message, "`$ref` `#/a%zz` is not a valid URI fragment");
}
