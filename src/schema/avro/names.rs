//! Named types and how types are named: every record, enum and fixed of a schema collected
//! by full name (so references can be expanded), and the words a note uses for a schema.

use std::collections::HashMap;

use apache_avro::schema::{DecimalSchema, InnerDecimalSchema, Name, UuidSchema};
use apache_avro::Schema;

/// Every named type (record, enum, fixed, and the logical types built on a fixed) defined
/// anywhere in `root`, by full name.
///
/// The walk uses an explicit stack rather than recursion; `apache-avro` gives references
/// their full names, so they can be looked up directly.
pub(super) fn collect_names(root: &Schema) -> HashMap<&Name, &Schema> {
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
pub(super) fn branch_name(schema: &Schema) -> String {
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
pub(super) fn describe_top_level(schema: &Schema) -> String {
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
pub(super) fn join_backticked(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
