use super::*;

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
fn duplicate_field_name() {
    let e = error_of(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}"#,
    );
    assert_eq!(e.message, "invalid Avro schema: duplicate field name `a`");
}
