//! Errors in the schema text: JSON syntax and nesting errors, and `apache-avro`'s parse
//! errors reworded in our style, with "did you mean" help for a mistyped type name.

use apache_avro::error::Details;

use crate::diagnostics::codes;
use crate::schema::expand::{SchemaError, MAX_NESTING};

/// The Avro type names, for "did you mean" help on an unknown type.
const TYPE_KEYWORDS: &[&str] = &[
    "null", "boolean", "int", "long", "float", "double", "bytes", "string", "record", "enum",
    "array", "map", "fixed",
];
/// A JSON syntax error, or JSON nested too deeply to parse.
pub(super) fn json_error(err: serde_json::Error) -> SchemaError {
    let text = err.to_string();
    if text.contains("recursion limit exceeded") {
        return SchemaError::new(
            codes::TOO_DEEP,
            format!(
                "Avro schema is nested too deeply to parse (JSON nests more than 128 levels, line {} column {})",
                err.line(),
                err.column()
            ),
        )
        .with_help(format!(
            "schemas may nest records, arrays and maps at most {MAX_NESTING} levels deep"
        ));
    }
    SchemaError::new(
        codes::INVALID_SCHEMA,
        format!("invalid Avro schema: the text is not valid JSON ({text})"),
    )
    .with_help(
        "an Avro schema is JSON: a type name in quotes, an object with a `type`, or a union array",
    )
}

/// `apache-avro`'s parse error, reworded in our style where the cause is a common mistake.
pub(super) fn avro_error(err: &apache_avro::Error) -> SchemaError {
    let (message, help): (String, Option<String>) = match err.details() {
        Details::ParsePrimitive(name) => (format!("unknown type `{name}`"), unknown_type_help(name)),
        Details::ParsePrimitiveSimilar(name, suggestion) => (
            format!("unknown type `{name}`"),
            Some(format!("did you mean `{suggestion}`?")),
        ),
        Details::ParseSchemaFromValidJson => (
            "a schema must be a JSON string, object or array".to_string(),
            Some("write a type name in quotes (`\"string\"`), an object with a `type`, or a union array".to_string()),
        ),
        Details::GetNameField => (
            "a named type (record, enum or fixed) has no `name`".to_string(),
            None,
        ),
        Details::GetNameFieldFromRecord => ("a record field has no `name`".to_string(), None),
        Details::GetRecordFieldTypeField => ("a record field has no `type`".to_string(), None),
        Details::GetRecordFieldsJson => (
            "a record has no `fields` array".to_string(),
            Some("give every record a `fields` array, even an empty one".to_string()),
        ),
        Details::GetComplexTypeField => ("a schema object has no `type`".to_string(), None),
        Details::GetComplexType(value) => (
            format!("`type` must be a type name, a schema object or a union array, not `{value}`"),
            None,
        ),
        Details::GetEnumSymbolsField => ("an enum has no `symbols` array".to_string(), None),
        Details::GetEnumSymbols => ("an enum's `symbols` must be an array of strings".to_string(), None),
        Details::EnumSymbolName(symbol) => (format!("invalid enum symbol `{symbol}`"), Some(name_rule())),
        Details::EnumSymbolDuplicate(symbol) => (format!("duplicate enum symbol `{symbol}`"), None),
        Details::GetArrayItemsField => ("an array has no `items`".to_string(), None),
        Details::GetMapValuesField => ("a map has no `values`".to_string(), None),
        Details::GetFixedSizeField => ("a fixed type has no `size`".to_string(), None),
        Details::GetFixedSizeFieldPositive(value) => (
            format!("a fixed type's `size` must be a positive integer, not `{value}`"),
            None,
        ),
        Details::FieldName(name) => (format!("invalid field name `{name}`"), Some(name_rule())),
        Details::FieldNameDuplicate(name) => (format!("duplicate field name `{name}`"), None),
        Details::InvalidSchemaName(name, _) => (format!("invalid type name `{name}`"), Some(name_rule())),
        Details::InvalidNamespace(namespace, _) => (
            format!("invalid namespace `{namespace}`"),
            Some("a namespace is names joined by dots; each name starts with a letter or `_` and has only letters, digits and `_`".to_string()),
        ),
        Details::InvalidSchemaRecord(kind) => (
            format!("`{kind}` is not a type name"),
            Some(format!("to define a {kind}, write an object: `{{\"type\": \"{kind}\", …}}`")),
        ),
        Details::GetNestedUnion => ("a union may not directly contain another union".to_string(), None),
        Details::GetUnionDuplicate(kind) => (
            format!(
                "a union has two branches of type `{}`",
                format!("{kind:?}").to_lowercase()
            ),
            None,
        ),
        Details::GetUnionDuplicateNamedSchemas(name) => {
            (format!("a union has two branches named `{name}`"), None)
        }
        Details::NameCollision(name) => (format!("type `{name}` is defined twice"), None),
        Details::AmbiguousSchemaDefinition(name) => {
            (format!("type `{}` is defined twice", name.fullname(None)), None)
        }
        Details::SchemaResolutionError(name) => {
            (format!("unknown type `{}`", name.fullname(None)), None)
        }
        Details::GetLogicalTypeFieldType(value) => (
            format!("`logicalType` must be a string, not `{value}`"),
            None,
        ),
        _ => (lowercase_sentence(&err.to_string()), None),
    };
    let error = SchemaError::new(
        codes::INVALID_SCHEMA,
        format!("invalid Avro schema: {message}"),
    );
    match help {
        Some(help) => error.with_help(help),
        None => error,
    }
}

/// Help for an unknown type name: the nearest type keyword, or what a name can refer to.
fn unknown_type_help(name: &str) -> Option<String> {
    // A name inside a namespace arrives qualified (`com.acme.strin`); the typo is the last part.
    let short = name.rsplit('.').next().unwrap_or(name);
    let nearest = TYPE_KEYWORDS
        .iter()
        .map(|k| (strsim::levenshtein(short, k), *k))
        .filter(|(distance, _)| *distance <= 2)
        .min();
    Some(match nearest {
        Some((_, keyword)) => format!("did you mean `{keyword}`?"),
        None => "a type is a primitive (null, boolean, int, long, float, double, bytes, string) or a record, enum or fixed defined earlier in the schema".to_string(),
    })
}

/// The Avro rule for names, as help.
fn name_rule() -> String {
    "names start with a letter or `_` and contain only letters, digits and `_`".to_string()
}

/// A message from `apache-avro` in our style: lowercase start, no trailing period.
pub(super) fn lowercase_sentence(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches('.');
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
