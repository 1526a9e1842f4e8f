//! Expansion of an Avro schema (JSON text) into Arrow fields.
//!
//! A Kafka or file table with `format = 'avro'` may take its columns from an Avro schema
//! instead of a column list. This module turns that schema into the Arrow fields the table
//! gets. It keeps a real Arrow type wherever Arrow has one (Arroyo turns bytes, fixed,
//! decimals, arrays, maps and every named-type reference into text or JSON), and it follows
//! the shared conventions of [`super::expand`]: lists, maps, timestamps and JSON columns look
//! the same whichever schema language they came from.
//!
//! The schema text is parsed with `apache-avro`; its errors come back as `schema::invalid`
//! with a readable message.
//!
//! # Type mapping
//!
//! | Avro | Arrow | Nullable | Note |
//! |---|---|---|---|
//! | `null` inside a union | makes the other branch nullable | yes | |
//! | `null` alone (a field, item or map value of type `null`) | JSON (`Utf8` + `arroyo.json`) | yes | `schema::lossy` |
//! | `boolean` | `Boolean` | no | |
//! | `int` | `Int32` | no | |
//! | `long` | `Int64` | no | |
//! | `float` | `Float32` | no | |
//! | `double` | `Float64` | no | |
//! | `bytes` | `Binary` | no | |
//! | `string` | `Utf8` | no | |
//! | `fixed` of size n | `FixedSizeBinary(n)` | no | |
//! | `enum` | `Utf8` (the symbol) | no | |
//! | `record` | `Struct` of its fields, recursively | no | |
//! | `array` | `List(Field "item")`, the item's nullability from its schema | no | |
//! | `map` | `Map(Field "entries" Struct("key" Utf8 non-null, "value" …), unsorted)` | no | |
//! | `decimal(p, s)` on `bytes` or `fixed`, p ≤ 38 | `Decimal128(p, s)` | no | |
//! | `decimal(p, s)`, 38 < p ≤ 76 | `Decimal256(p, s)` | no | |
//! | `decimal(p, s)`, p > 76 | `Utf8` (the decimal as text) | no | `schema::lossy` |
//! | `big-decimal` on `bytes` | `Utf8` (the decimal as text) | no | `schema::lossy` |
//! | `uuid` on `string` | `Utf8` | no | |
//! | `uuid` on `fixed(16)` | `FixedSizeBinary(16)` | no | |
//! | `uuid` on `bytes` (not in the specification; `apache-avro` accepts it) | `Binary` | no | |
//! | `date` | `Date32` | no | |
//! | `time-millis` | `Time32(Millisecond)` | no | |
//! | `time-micros` | `Time64(Microsecond)` | no | |
//! | `timestamp-millis`, `local-timestamp-millis` | `Timestamp(Millisecond, None)` | no | |
//! | `timestamp-micros`, `local-timestamp-micros` | `Timestamp(Microsecond, None)` | no | |
//! | `timestamp-nanos`, `local-timestamp-nanos` | `Timestamp(Nanosecond, None)` | no | |
//! | `duration` on `fixed(12)` | `Interval(MonthDayNano)` | no | |
//! | a logical type on the wrong base type, or an unknown one | the base type (as the Avro specification says) | | |
//! | union `["null", T]` or `[T, "null"]` | T | yes | |
//! | union of one branch `[T]` | T | no | |
//! | union `["null"]`, or the empty union `[]` | JSON | yes | `schema::lossy` |
//! | any other union (`["int", "string"]`, `["null", "int", "string"]`, unions of records) | JSON | iff it contains `null` | `schema::lossy` naming the branches |
//! | a reference to a named type defined elsewhere | that type, expanded in full at every use | | |
//! | a reference to a named type that is being expanded (recursion) | JSON at that point | from the context | `schema::recursive` |
//!
//! # The top level
//!
//! A top-level `record` expands to its fields, one column each. Any other top-level schema
//! (a union of records, an array, a primitive, an enum) expands to **one** column named
//! `value` with the mapped type, and a `schema::lossy` note says so, because the table then
//! has a single column rather than one per field.
//!
//! # Paths, names and metadata
//!
//! Field names are taken from the schema unchanged. Notes name fields by their dotted path:
//! `address.city` for a nested record field, `tags[]` for the items of an array and
//! `attrs{}` for the values of a map. No field metadata is set except the JSON marker of
//! [`json_field`].
//!
//! # Limits
//!
//! Nesting (records, arrays and maps inside each other) deeper than [`MAX_NESTING`] levels is
//! the error `limit::nesting`; so is schema JSON nested deeper than `serde_json`'s limit of
//! 128 levels, and a schema whose reused named types multiply out to more than
//! [`MAX_EXPANDED_FIELDS`] fields. No input can overflow the stack or exhaust memory.

use std::collections::HashMap;
use std::sync::Arc;

use apache_avro::error::Details;
use apache_avro::schema::{
    DecimalSchema, InnerDecimalSchema, Name, RecordSchema, UnionSchema, UuidSchema,
};
use apache_avro::Schema;
use arrow_schema::{DataType, Field, Fields, IntervalUnit, TimeUnit};

use super::expand::{json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};
use crate::diagnostics::codes;

/// How many Arrow fields (at every nesting level together) one Avro schema may expand into.
///
/// A named type is expanded in full at every place that uses it, so a small schema whose
/// types each use the next one twice would otherwise expand exponentially.
pub const MAX_EXPANDED_FIELDS: usize = 100_000;

/// The Avro type names, for "did you mean" help on an unknown type.
const TYPE_KEYWORDS: &[&str] = &[
    "null", "boolean", "int", "long", "float", "double", "bytes", "string", "record", "enum",
    "array", "map", "fixed",
];

/// Expands an Avro schema (JSON text) into Arrow fields.
///
/// A top-level `record` gives one field per record field. Any other top-level schema (a
/// union, an array, a primitive, an enum…) gives a single field named `value` of the mapped
/// type, together with a `schema::lossy` note. See the [module documentation](self) for
/// the full type mapping.
///
/// # Errors
///
/// - `schema::invalid` when the text is not JSON or not a valid Avro schema;
/// - `schema::unsupported` for a `fixed` larger than Arrow can hold;
/// - `limit::nesting` when the schema nests deeper than [`MAX_NESTING`] or expands to more
///   than [`MAX_EXPANDED_FIELDS`] fields.
pub fn expand_avro(schema_json: &str) -> Result<Expansion, SchemaError> {
    // Parsing the JSON ourselves (rather than through `Schema::parse_str`) lets a JSON error
    // and the JSON nesting limit be told apart from an Avro error.
    let value: serde_json::Value = serde_json::from_str(schema_json).map_err(json_error)?;
    let schema = Schema::parse(&value).map_err(|e| avro_error(&e))?;
    let mut expander = Expander {
        names: collect_names(&schema),
        stack: Vec::new(),
        notes: Vec::new(),
        field_count: 0,
    };
    let fields = match &schema {
        Schema::Record(record) => {
            expander.stack.push(&record.name);
            expander.record_fields(record, "", 1)?
        }
        other => {
            expander.notes.push(SchemaNote {
                code: codes::SCHEMA_LOSSY,
                path: "value".to_string(),
                message: format!(
                    "the top-level Avro schema is {}, not a record, so it becomes the single column `value`",
                    describe_top_level(other)
                ),
            });
            vec![expander.field("value", other, "value", 1)?]
        }
    };
    Ok(Expansion {
        fields,
        notes: expander.notes,
    })
}

/// The walk over one parsed schema.
struct Expander<'s> {
    /// Every named type defined in the schema, by full name.
    names: HashMap<&'s Name, &'s Schema>,
    /// The named types being expanded, from the root down to the current point; a reference
    /// to one of them is recursion.
    stack: Vec<&'s Name>,
    /// Lossy or recursive conversions found so far.
    notes: Vec<SchemaNote>,
    /// Fields made so far, checked against [`MAX_EXPANDED_FIELDS`].
    field_count: usize,
}

impl<'s> Expander<'s> {
    /// The fields of `record`, whose own path is `prefix` (empty at the top level).
    fn record_fields(
        &mut self,
        record: &'s RecordSchema,
        prefix: &str,
        depth: usize,
    ) -> Result<Vec<Field>, SchemaError> {
        let mut fields = Vec::with_capacity(record.fields.len());
        for f in &record.fields {
            let path = if prefix.is_empty() {
                f.name.clone()
            } else {
                format!("{prefix}.{}", f.name)
            };
            fields.push(self.field(&f.name, &f.schema, &path, depth)?);
        }
        Ok(fields)
    }

    /// The Arrow field named `name` for `schema`, found at `path`, `depth` levels down.
    fn field(
        &mut self,
        name: &str,
        schema: &'s Schema,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        if depth > MAX_NESTING {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!("Avro schema is nested more than {MAX_NESTING} levels deep at `{path}`"),
            )
            .with_help("flatten the schema, or move the deep part into a field of type `string` holding JSON"));
        }
        self.field_count += 1;
        if self.field_count > MAX_EXPANDED_FIELDS {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!("Avro schema expands to more than {MAX_EXPANDED_FIELDS} fields"),
            )
            .with_help(
                "named types are expanded in full at every use; reuse fewer of them, or nest less",
            ));
        }
        let plain = |data_type: DataType| Ok(Field::new(name, data_type, false));
        match schema {
            Schema::Null => {
                self.lossy(
                    path,
                    format!("field `{path}`: type `null` alone holds no value and becomes JSON"),
                );
                Ok(json_field(name, true))
            }
            Schema::Boolean => plain(DataType::Boolean),
            Schema::Int => plain(DataType::Int32),
            Schema::Long => plain(DataType::Int64),
            Schema::Float => plain(DataType::Float32),
            Schema::Double => plain(DataType::Float64),
            Schema::Bytes => plain(DataType::Binary),
            Schema::String | Schema::Enum(_) | Schema::Uuid(UuidSchema::String) => {
                plain(DataType::Utf8)
            }
            Schema::Uuid(UuidSchema::Bytes) => plain(DataType::Binary),
            Schema::Fixed(fixed) | Schema::Uuid(UuidSchema::Fixed(fixed)) => {
                match i32::try_from(fixed.size) {
                    Ok(size) => plain(DataType::FixedSizeBinary(size)),
                    Err(_) => Err(SchemaError::new(
                        codes::SCHEMA_UNSUPPORTED,
                        format!(
                            "fixed type `{}` at `{path}` has size {}, more than Arrow's limit of {}",
                            fixed.name.fullname(None),
                            fixed.size,
                            i32::MAX
                        ),
                    )),
                }
            }
            Schema::Decimal(decimal) => plain(self.decimal(decimal, path)),
            Schema::BigDecimal => {
                self.lossy(
                    path,
                    format!(
                        "field `{path}`: `big-decimal` has a scale per value, so it becomes text (`Utf8`)"
                    ),
                );
                plain(DataType::Utf8)
            }
            Schema::Date => plain(DataType::Date32),
            Schema::TimeMillis => plain(DataType::Time32(TimeUnit::Millisecond)),
            Schema::TimeMicros => plain(DataType::Time64(TimeUnit::Microsecond)),
            Schema::TimestampMillis | Schema::LocalTimestampMillis => {
                plain(DataType::Timestamp(TimeUnit::Millisecond, None))
            }
            Schema::TimestampMicros | Schema::LocalTimestampMicros => {
                plain(DataType::Timestamp(TimeUnit::Microsecond, None))
            }
            Schema::TimestampNanos | Schema::LocalTimestampNanos => {
                plain(DataType::Timestamp(TimeUnit::Nanosecond, None))
            }
            Schema::Duration(_) => plain(DataType::Interval(IntervalUnit::MonthDayNano)),
            Schema::Record(record) => {
                self.stack.push(&record.name);
                let children = self.record_fields(record, path, depth + 1);
                self.stack.pop();
                plain(DataType::Struct(Fields::from(children?)))
            }
            Schema::Array(array) => {
                let item = self.field("item", &array.items, &format!("{path}[]"), depth + 1)?;
                plain(DataType::List(Arc::new(item)))
            }
            Schema::Map(map) => {
                let value = self.field("value", &map.types, &format!("{path}{{}}"), depth + 1)?;
                let entries = Field::new(
                    "entries",
                    DataType::Struct(Fields::from(vec![
                        Field::new("key", DataType::Utf8, false),
                        value,
                    ])),
                    false,
                );
                plain(DataType::Map(Arc::new(entries), false))
            }
            Schema::Union(union) => self.union(name, union, path, depth),
            Schema::Ref { name: target } => self.reference(name, target, path, depth),
        }
    }

    /// A union: `[null, T]` is a nullable T, anything wider is JSON.
    fn union(
        &mut self,
        name: &str,
        union: &'s UnionSchema,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        let variants = union.variants();
        let has_null = variants.iter().any(|v| matches!(v, Schema::Null));
        let others: Vec<&'s Schema> = variants
            .iter()
            .filter(|v| !matches!(v, Schema::Null))
            .collect();
        match others.as_slice() {
            [] => {
                let what = if has_null {
                    "union `[\"null\"]` holds only null"
                } else {
                    "the empty union holds no value"
                };
                self.lossy(path, format!("field `{path}`: {what} and becomes JSON"));
                Ok(json_field(name, true))
            }
            [only] => {
                let field = self.field(name, only, path, depth)?;
                let nullable = has_null || field.is_nullable();
                Ok(field.with_nullable(nullable))
            }
            _ => {
                let branches: Vec<String> = variants.iter().map(branch_name).collect();
                self.lossy(
                    path,
                    format!(
                        "field `{path}`: union of {} becomes JSON",
                        join_backticked(&branches)
                    ),
                );
                Ok(json_field(name, has_null))
            }
        }
    }

    /// A reference to a named type: expanded in full, unless it refers to a type that is
    /// being expanded, which would never end.
    fn reference(
        &mut self,
        name: &str,
        target: &'s Name,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        let full_name = target.fullname(None);
        if self.stack.contains(&target) {
            self.notes.push(SchemaNote {
                code: codes::SCHEMA_RECURSIVE,
                path: path.to_string(),
                message: format!(
                    "field `{path}`: type `{full_name}` contains itself, so the recursion is cut here and this field becomes JSON"
                ),
            });
            return Ok(json_field(name, false));
        }
        match self.names.get(target) {
            Some(schema) => self.field(name, schema, path, depth),
            // `apache-avro` refuses a schema with an unresolved reference, so this is only
            // a safety net.
            None => Err(SchemaError::new(
                codes::INVALID_SCHEMA,
                format!("invalid Avro schema: unknown type `{full_name}` at `{path}`"),
            )),
        }
    }

    /// The Arrow decimal for `decimal`, or text when Arrow's decimals are too small.
    fn decimal(&mut self, decimal: &DecimalSchema, path: &str) -> DataType {
        let (p, s) = (decimal.precision, decimal.scale);
        if let (Ok(precision), Ok(scale)) = (u8::try_from(p), i8::try_from(s)) {
            if s <= p && p <= 38 {
                return DataType::Decimal128(precision, scale);
            }
            if s <= p && p <= 76 {
                return DataType::Decimal256(precision, scale);
            }
        }
        let base = match &decimal.inner {
            InnerDecimalSchema::Bytes => "bytes".to_string(),
            InnerDecimalSchema::Fixed(fixed) => format!("fixed `{}`", fixed.name.fullname(None)),
        };
        self.lossy(
            path,
            format!(
                "field `{path}`: decimal({p}, {s}) on {base} has more than the 76 digits Arrow's decimals hold, so it becomes text (`Utf8`)"
            ),
        );
        DataType::Utf8
    }

    /// Records a `schema::lossy` note.
    fn lossy(&mut self, path: &str, message: String) {
        self.notes.push(SchemaNote {
            code: codes::SCHEMA_LOSSY,
            path: path.to_string(),
            message,
        });
    }
}

/// Every named type (record, enum, fixed, and the logical types built on a fixed) defined
/// anywhere in `root`, by full name.
///
/// The walk uses an explicit stack rather than recursion; `apache-avro` gives references
/// their full names, so they can be looked up directly.
fn collect_names(root: &Schema) -> HashMap<&Name, &Schema> {
    let mut names = HashMap::new();
    let mut todo = vec![root];
    while let Some(schema) = todo.pop() {
        match schema {
            Schema::Record(record) => {
                names.entry(&record.name).or_insert(schema);
                todo.extend(record.fields.iter().rev().map(|f| &f.schema));
            }
            Schema::Enum(e) => {
                names.entry(&e.name).or_insert(schema);
            }
            Schema::Fixed(fixed)
            | Schema::Duration(fixed)
            | Schema::Uuid(UuidSchema::Fixed(fixed))
            | Schema::Decimal(DecimalSchema {
                inner: InnerDecimalSchema::Fixed(fixed),
                ..
            }) => {
                names.entry(&fixed.name).or_insert(schema);
            }
            Schema::Array(array) => todo.push(&array.items),
            Schema::Map(map) => todo.push(&map.types),
            Schema::Union(union) => todo.extend(union.variants().iter().rev()),
            _ => {}
        }
    }
    names
}

/// How a union branch is named in a note: its type name, or a named type's full name.
fn branch_name(schema: &Schema) -> String {
    let name = match schema {
        Schema::Null => "null",
        Schema::Boolean => "boolean",
        Schema::Int => "int",
        Schema::Long => "long",
        Schema::Float => "float",
        Schema::Double => "double",
        Schema::Bytes => "bytes",
        Schema::String => "string",
        Schema::Array(_) => "array",
        Schema::Map(_) => "map",
        Schema::Union(_) => "union",
        Schema::Record(r) => return r.name.fullname(None),
        Schema::Enum(e) => return e.name.fullname(None),
        Schema::Fixed(f) => return f.name.fullname(None),
        Schema::Ref { name } => return name.fullname(None),
        Schema::Decimal(_) => "decimal",
        Schema::BigDecimal => "big-decimal",
        Schema::Uuid(_) => "uuid",
        Schema::Date => "date",
        Schema::TimeMillis => "time-millis",
        Schema::TimeMicros => "time-micros",
        Schema::TimestampMillis => "timestamp-millis",
        Schema::TimestampMicros => "timestamp-micros",
        Schema::TimestampNanos => "timestamp-nanos",
        Schema::LocalTimestampMillis => "local-timestamp-millis",
        Schema::LocalTimestampMicros => "local-timestamp-micros",
        Schema::LocalTimestampNanos => "local-timestamp-nanos",
        Schema::Duration(_) => "duration",
    };
    name.to_string()
}

/// What a top-level schema that is not a record is, for the note.
fn describe_top_level(schema: &Schema) -> String {
    match schema {
        Schema::Union(_) => "a union".to_string(),
        Schema::Array(_) => "an array".to_string(),
        Schema::Map(_) => "a map".to_string(),
        Schema::Enum(e) => format!("the enum `{}`", e.name.fullname(None)),
        Schema::Fixed(f) => format!("the fixed type `{}`", f.name.fullname(None)),
        other => format!("`{}`", branch_name(other)),
    }
}

/// `a`, `b` and `c`, each in backticks.
fn join_backticked(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// A JSON syntax error, or JSON nested too deeply to parse.
fn json_error(err: serde_json::Error) -> SchemaError {
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
fn avro_error(err: &apache_avro::Error) -> SchemaError {
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
fn lowercase_sentence(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches('.');
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;
    use crate::schema::expand::is_json;

    /// A record with one field `f` of the given Avro type (JSON).
    fn one_field(avro_type: &str) -> Expansion {
        let schema = format!(
            r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {avro_type}}}]}}"#
        );
        match expand_avro(&schema) {
            Ok(e) => e,
            Err(e) => panic!("{schema}: {e:?}"),
        }
    }

    /// The single field of [`one_field`].
    fn field_of(avro_type: &str) -> Field {
        let e = one_field(avro_type);
        assert_eq!(e.fields.len(), 1);
        e.fields[0].clone()
    }

    /// The type of the single field; asserts it is non-nullable, plain and note-free.
    fn plain_type(avro_type: &str) -> DataType {
        let e = one_field(avro_type);
        assert_eq!(e.notes, vec![], "{avro_type}");
        let f = &e.fields[0];
        assert!(!f.is_nullable(), "{avro_type}");
        assert!(f.metadata().is_empty(), "{avro_type}");
        f.data_type().clone()
    }

    fn error_of(schema: &str) -> SchemaError {
        match expand_avro(schema) {
            Ok(e) => panic!("expected an error for {schema}, got {e:?}"),
            Err(e) => e,
        }
    }

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
            plain_type(
                r#"{"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}"#
            ),
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
            plain_type(
                r#"{"type": "bytes", "logicalType": "decimal", "precision": 39, "scale": 4}"#
            ),
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
        let e = one_field(
            r#"{"type": "bytes", "logicalType": "decimal", "precision": 80, "scale": 3}"#,
        );
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
            plain_type(
                r#"{"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}"#
            ),
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

    /// `levels` arrays nested in the field `f` of a record, around an `int`.
    fn nested_arrays(levels: usize) -> String {
        let mut t = r#""int""#.to_string();
        for _ in 0..levels {
            t = format!(r#"{{"type": "array", "items": {t}}}"#);
        }
        format!(r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {t}}}]}}"#)
    }

    #[test]
    fn nesting_up_to_the_limit_is_accepted() {
        // The field is level 1 and each array adds one: 63 arrays reach level 64.
        assert!(expand_avro(&nested_arrays(MAX_NESTING - 1)).is_ok());
    }

    #[test]
    fn nesting_past_the_limit_is_too_deep() {
        let e = error_of(&nested_arrays(MAX_NESTING));
        assert_eq!(e.code, codes::TOO_DEEP);
        assert!(e.message.contains("64 levels"), "{}", e.message);
    }

    #[test]
    fn two_hundred_nested_arrays_are_too_deep() {
        assert_eq!(error_of(&nested_arrays(200)).code, codes::TOO_DEEP);
    }

    #[test]
    fn two_hundred_nested_records_are_too_deep() {
        let mut t = r#""int""#.to_string();
        for i in 0..200 {
            t = format!(
                r#"{{"type": "record", "name": "R{i}", "fields": [{{"name": "f", "type": {t}}}]}}"#
            );
        }
        assert_eq!(error_of(&t).code, codes::TOO_DEEP);
    }

    #[test]
    fn deep_json_nesting_is_too_deep_not_a_crash() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(error_of(&text).code, codes::TOO_DEEP);
    }

    #[test]
    fn exponential_reuse_is_stopped() {
        // T0 has two ints; each T(i+1) holds two T(i): 2^40 leaves if nothing stopped it.
        let mut fields = vec![r#"{"name": "x0", "type": {"type": "record", "name": "T0", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}}"#.to_string()];
        for i in 1..=40 {
            let prev = i - 1;
            fields.push(format!(
                r#"{{"name": "x{i}", "type": {{"type": "record", "name": "T{i}", "fields": [{{"name": "a", "type": "T{prev}"}}, {{"name": "b", "type": "T{prev}"}}]}}}}"#
            ));
        }
        let schema = format!(
            r#"{{"type": "record", "name": "Top", "fields": [{}]}}"#,
            fields.join(",")
        );
        let e = error_of(&schema);
        assert_eq!(e.code, codes::TOO_DEEP);
        assert!(e.message.contains("100000 fields"), "{}", e.message);
    }

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
        let e = error_of(
            r#"{"type": "record", "name": "R", "fields": [{"name": "f", "type": "strin"}]}"#,
        );
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
    fn record_without_fields() {
        let e = error_of(r#"{"type": "record", "name": "R"}"#);
        assert_eq!(e.code, codes::INVALID_SCHEMA);
        assert_eq!(
            e.message,
            "invalid Avro schema: a record has no `fields` array"
        );
    }

    #[test]
    fn duplicate_field_name() {
        let e = error_of(
            r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}"#,
        );
        assert_eq!(e.message, "invalid Avro schema: duplicate field name `a`");
    }

    #[test]
    fn invalid_field_name() {
        let e = error_of(
            r#"{"type": "record", "name": "R", "fields": [{"name": "a-b", "type": "int"}]}"#,
        );
        assert_eq!(e.message, "invalid Avro schema: invalid field name `a-b`");
        assert!(e.help.is_some());
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

    #[test]
    fn corpus_expands_without_panicking() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/avro");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "avsc"))
            .collect();
        paths.sort();
        assert_eq!(paths.len(), 65);
        let mut ok = 0;
        let mut failed = Vec::new();
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            match expand_avro(&text) {
                Ok(e) => {
                    ok += 1;
                    for f in &e.fields {
                        assert!(!f.name().is_empty());
                        if is_json(f) {
                            assert_eq!(f.data_type(), &DataType::Utf8);
                        }
                    }
                }
                Err(e) => {
                    assert_eq!(e.code, codes::INVALID_SCHEMA, "{}: {e:?}", path.display());
                    failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
                }
            }
        }
        assert_eq!(ok, 65, "failed: {failed:?}");
    }
}
