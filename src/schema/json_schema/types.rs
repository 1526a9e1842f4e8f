//! The type keywords (`type`, `enum`, `const`, `format`) and how types combine.

use super::*;

/// The intersection of the `type` keywords of `parts` as a bit set, or `None` if no part has
/// one. Unknown type names are collected in `unknown`.
pub(super) fn declared_types(parts: &[&Json], unknown: &mut Vec<(String, Span)>) -> Option<u8> {
    let mut result: Option<u8> = None;
    for part in parts {
        let Some(ty) = part.get("type") else {
            continue;
        };
        let mut mask = 0;
        let names: &[Json<'_>] = match &ty.value {
            Value::Array(items) => items,
            _ => std::slice::from_ref(ty),
        };
        for name in names {
            match name.as_str() {
                Some("null") => mask |= T_NULL,
                Some("boolean") => mask |= T_BOOL,
                Some("integer") => mask |= T_INT,
                // Every integer is a number.
                Some("number") => mask |= T_NUM | T_INT,
                Some("string") => mask |= T_STR,
                Some("array") => mask |= T_ARR,
                Some("object") => mask |= T_OBJ,
                // Draft 3's "any".
                Some("any") => mask |= T_ANY,
                Some(other) => unknown.push((other.to_string(), name.span)),
                None => unknown.push((json_text(name), name.span)),
            }
        }
        result = Some(result.map_or(mask, |r| r & mask));
    }
    result
}

/// The types a schema without `type` implies through its other keywords.
pub(super) fn infer_types(parts: &[&Json]) -> u8 {
    let has = |keys: &[&str]| {
        parts
            .iter()
            .any(|p| keys.iter().any(|k| p.get(k).is_some()))
    };
    if has(&[
        "properties",
        "additionalProperties",
        "patternProperties",
        "required",
    ]) {
        return T_OBJ;
    }
    if has(&["items", "prefixItems"]) {
        return T_ARR;
    }
    let values = enum_values(parts);
    if !values.is_empty() {
        return value_kinds(&values);
    }
    if let Some(format) = string_keyword(parts, "format") {
        return match format {
            "int32" | "int64" | "int" | "uint" | "uint32" | "uint64" | "int8" | "int16"
            | "uint8" | "uint16" => T_INT,
            "float" | "double" => T_NUM,
            _ => T_STR,
        };
    }
    if has(&["contentEncoding"]) {
        return T_STR;
    }
    0
}

/// The values of the `enum` and `const` keywords of all parts.
pub(super) fn enum_values<'a>(parts: &[&'a Json<'a>]) -> Vec<&'a Json<'a>> {
    let mut values = Vec::new();
    for part in parts {
        if let Some(list) = part.get("enum").and_then(Json::items) {
            values.extend(list.iter());
        }
        if let Some(value) = part.get("const") {
            values.push(value);
        }
    }
    values
}

pub(super) fn value_kinds(values: &[&Json]) -> u8 {
    values.iter().fold(0, |mask, v| {
        mask | match &v.value {
            Value::Null => T_NULL,
            Value::Bool(_) => T_BOOL,
            Value::Number(n) if is_float(n) => T_NUM,
            Value::Number(_) => T_INT,
            Value::String(_) => T_STR,
            Value::Array(_) => T_ARR,
            Value::Object(_) => T_OBJ,
        }
    })
}

/// Whether serde_json would read the number as a float: it has a fraction or an exponent,
/// or it is an integer beyond 64 bits.
pub(super) fn is_float(number: &str) -> bool {
    number.contains(['.', 'e', 'E'])
        || (number.parse::<i64>().is_err() && number.parse::<u64>().is_err())
}

/// A short rendering of a value that is not a type name, for a note.
pub(super) fn json_text(value: &Json) -> String {
    match &value.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => (*n).to_string(),
        _ => value.kind().to_string(),
    }
}

/// The span of the first of `keywords` that one of `parts` has, else `fallback`.
pub(super) fn keyword_span(parts: &[&Json], keywords: &[&str], fallback: Span) -> Span {
    keywords
        .iter()
        .find_map(|k| parts.iter().find_map(|p| p.get(k).map(|v| v.span)))
        .unwrap_or(fallback)
}

pub(super) fn type_names(mask: u8) -> String {
    [
        (T_BOOL, "boolean"),
        (T_INT, "integer"),
        (T_NUM, "number"),
        (T_STR, "string"),
        (T_ARR, "array"),
        (T_OBJ, "object"),
    ]
    .iter()
    .filter(|(bit, _)| mask & bit != 0)
    .map(|(_, name)| format!("`{name}`"))
    .collect::<Vec<_>>()
    .join(", ")
}

/// Whether a flattened `anyOf` branch admits only null (`{type: null}`, `{const: null}`).
pub(super) fn is_null_only(view: &View<'_>) -> bool {
    if view.cut.is_some() || !view.alts.is_empty() || view.parts.is_empty() {
        return false;
    }
    let mut unknown = Vec::new();
    let parts = view.nodes();
    match declared_types(&parts, &mut unknown) {
        Some(mask) => mask == T_NULL && unknown.is_empty(),
        None => {
            let values = enum_values(&parts);
            !values.is_empty() && values.iter().all(|v| v.is_null())
        }
    }
}

pub(super) fn string_keyword<'a>(parts: &[&'a Json<'a>], keyword: &str) -> Option<&'a str> {
    parts
        .iter()
        .find_map(|p| p.get(keyword).and_then(Json::as_str))
}

pub(super) fn integer_type(format: Option<&str>) -> DataType {
    match format {
        Some("int32" | "int" | "int16" | "int8") => DataType::Int32,
        Some("uint32" | "uint" | "uint16" | "uint8") => DataType::UInt32,
        Some("uint64") => DataType::UInt64,
        _ => DataType::Int64,
    }
}

pub(super) fn number_type(format: Option<&str>) -> DataType {
    match format {
        Some("float") => DataType::Float32,
        _ => DataType::Float64,
    }
}

pub(super) fn string_type(format: Option<&str>, encoding: Option<&str>) -> DataType {
    if encoding.is_some_and(|e| e.eq_ignore_ascii_case("base64")) {
        return DataType::Binary;
    }
    match format {
        Some("date-time") => DataType::Timestamp(TimeUnit::Nanosecond, None),
        Some("date") => DataType::Date32,
        Some("byte" | "binary") => DataType::Binary,
        _ => DataType::Utf8,
    }
}

/// `Map(Field "entries" Struct("key" Utf8 non-null, value), unsorted)`.
pub(super) fn map_type(value: Field) -> DataType {
    let entries = Field::new(
        "entries",
        DataType::Struct(Fields::from(vec![
            Field::new("key", DataType::Utf8, false),
            value,
        ])),
        false,
    );
    DataType::Map(Arc::new(entries), false)
}

/// The common type of two expansions: equal up to nullability (which is merged), or `None`.
pub(super) fn unify(a: &Out, b: &Out) -> Option<Out> {
    let ty = match (&a.ty, &b.ty) {
        (Ty::Json, Ty::Json) => Ty::Json,
        (Ty::Arrow(x), Ty::Arrow(y)) => Ty::Arrow(unify_types(x, y)?),
        _ => return None,
    };
    Some(Out {
        ty,
        nullable: a.nullable || b.nullable,
        depth: a.depth.max(b.depth),
        fields: a.fields.max(b.fields),
    })
}

pub(super) fn unify_types(a: &DataType, b: &DataType) -> Option<DataType> {
    if a == b {
        return Some(a.clone());
    }
    match (a, b) {
        (DataType::Struct(x), DataType::Struct(y)) if x.len() == y.len() => {
            let fields = x
                .iter()
                .zip(y.iter())
                .map(|(f, g)| unify_fields(f, g))
                .collect::<Option<Vec<Field>>>()?;
            Some(DataType::Struct(Fields::from(fields)))
        }
        (DataType::List(x), DataType::List(y)) => {
            Some(DataType::List(Arc::new(unify_fields(x, y)?)))
        }
        (DataType::Map(x, sx), DataType::Map(y, sy)) if sx == sy => {
            Some(DataType::Map(Arc::new(unify_fields(x, y)?), *sx))
        }
        _ => None,
    }
}

pub(super) fn unify_fields(a: &Field, b: &Field) -> Option<Field> {
    if a.name() != b.name() || a.metadata() != b.metadata() {
        return None;
    }
    let ty = unify_types(a.data_type(), b.data_type())?;
    Some(
        Field::new(a.name(), ty, a.is_nullable() || b.is_nullable())
            .with_metadata(a.metadata().clone()),
    )
}
