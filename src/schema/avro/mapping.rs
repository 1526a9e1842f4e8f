//! The walk from a parsed Avro schema to Arrow fields: the type mapping of the module
//! table, unions, references to named types (with the recursion cut) and decimals, with
//! the nesting and size limits checked at every field.

use std::collections::HashMap;
use std::sync::Arc;

use apache_avro::schema::{
    DecimalSchema, InnerDecimalSchema, Name, RecordSchema, UnionSchema, UuidSchema,
};
use apache_avro::Schema;
use arrow_schema::{DataType, Field, Fields, IntervalUnit, TimeUnit};

use super::names::{branch_name, join_backticked};
use super::MAX_EXPANDED_FIELDS;
use crate::diagnostics::codes;
use crate::schema::expand::{json_field, SchemaError, SchemaNote, MAX_NESTING};

/// The walk over one parsed schema.
pub(super) struct Expander<'s> {
    /// Every named type defined in the schema, by full name.
    pub(super) names: HashMap<&'s Name, &'s Schema>,
    /// The named types being expanded, from the root down to the current point; a reference
    /// to one of them is recursion.
    pub(super) stack: Vec<&'s Name>,
    /// Lossy or recursive conversions found so far.
    pub(super) notes: Vec<SchemaNote>,
    /// Fields made so far, checked against [`MAX_EXPANDED_FIELDS`].
    pub(super) field_count: usize,
}

impl<'s> Expander<'s> {
    /// The fields of `record`, whose own path is `prefix` (empty at the top level).
    pub(super) fn record_fields(
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
    pub(super) fn field(
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
