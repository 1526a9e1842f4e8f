use super::*;

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
fn invalid_field_name() {
    let e =
        error_of(r#"{"type": "record", "name": "R", "fields": [{"name": "a-b", "type": "int"}]}"#);
    assert_eq!(e.message, "invalid Avro schema: invalid field name `a-b`");
    assert!(e.help.is_some());
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
