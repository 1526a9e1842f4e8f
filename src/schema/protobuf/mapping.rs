//! The walk from a message descriptor to Arrow fields: scalars, enums, nested messages,
//! lists and maps, presence-based nullability, the recursion cut and the size budget.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields};
use prost_reflect::{Cardinality, FieldDescriptor, Kind, MessageDescriptor};

use super::well_known::{well_known, WellKnown};
use super::MAX_EXPANDED_FIELDS;
use crate::diagnostics::codes;
use crate::schema::expand::{json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};

/// Expands `message` into Arrow fields.
pub(super) fn expand_message(message: &MessageDescriptor) -> Result<Expansion, SchemaError> {
    let mut expander = Expander {
        root: message.full_name().to_string(),
        notes: Vec::new(),
        stack: Vec::new(),
        fields: 0,
    };
    let fields = expander.message_fields(message, "", 0)?;
    Ok(Expansion {
        fields,
        notes: expander.notes,
    })
}

/// The state of one expansion: the messages on the current path and the budget used.
struct Expander {
    /// The expanded message's full name, for error messages.
    root: String,
    notes: Vec<SchemaNote>,
    /// Full names of the messages currently being expanded (the recursion path).
    stack: Vec<String>,
    /// Arrow fields produced so far, against [`MAX_EXPANDED_FIELDS`].
    fields: usize,
}

impl Expander {
    /// The fields of `message`, which sits `depth` message levels below the root.
    fn message_fields(
        &mut self,
        message: &MessageDescriptor,
        path: &str,
        depth: usize,
    ) -> Result<Vec<Field>, SchemaError> {
        if depth > MAX_NESTING {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!(
                    "message `{}` nests deeper than {MAX_NESTING} levels (at `{path}`)",
                    self.root
                ),
            ));
        }
        self.stack.push(message.full_name().to_string());
        let mut fields = Vec::with_capacity(message.fields().len());
        for field in message.fields() {
            let field_path = if path.is_empty() {
                field.name().to_string()
            } else {
                format!("{path}.{}", field.name())
            };
            fields.push(self.field(&field, &field_path, depth)?);
        }
        self.stack.pop();
        Ok(fields)
    }

    /// One protobuf field, with its list or map shape.
    fn field(
        &mut self,
        field: &FieldDescriptor,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        let kind = field.kind();
        if field.is_map() {
            if let Kind::Message(entry) = &kind {
                let key = self.value(
                    "key",
                    &entry.map_entry_key_field().kind(),
                    false,
                    &format!("{path}{{}}"),
                    depth,
                )?;
                let value_kind = entry.map_entry_value_field().kind();
                let value_nullable = matches!(value_kind, Kind::Message(_));
                let value = self.value(
                    "value",
                    &value_kind,
                    value_nullable,
                    &format!("{path}{{}}"),
                    depth,
                )?;
                let entries = Field::new(
                    "entries",
                    DataType::Struct(Fields::from(vec![key, value])),
                    false,
                );
                return self.count(Field::new(
                    field.name(),
                    DataType::Map(Arc::new(entries), false),
                    false,
                ));
            }
        }
        if field.is_list() {
            let item = self.value("item", &kind, false, &format!("{path}[]"), depth)?;
            return self.count(Field::new(
                field.name(),
                DataType::List(Arc::new(item)),
                false,
            ));
        }
        let nullable = field.cardinality() != Cardinality::Required && field.supports_presence();
        self.value(field.name(), &kind, nullable, path, depth)
    }

    /// A single value of protobuf type `kind`, as an Arrow field called `name`.
    fn value(
        &mut self,
        name: &str,
        kind: &Kind,
        nullable: bool,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        let data_type = match kind {
            Kind::Bool => DataType::Boolean,
            Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => DataType::Int32,
            Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => DataType::Int64,
            Kind::Uint32 | Kind::Fixed32 => DataType::UInt32,
            Kind::Uint64 | Kind::Fixed64 => DataType::UInt64,
            Kind::Float => DataType::Float32,
            Kind::Double => DataType::Float64,
            Kind::String => DataType::Utf8,
            Kind::Bytes => DataType::Binary,
            Kind::Enum(_) => DataType::Utf8,
            Kind::Message(message) => {
                if let Some(data_type) = well_known(message.full_name()) {
                    match data_type {
                        WellKnown::Type(data_type) => data_type,
                        WellKnown::Json => return self.count(json_field(name, nullable)),
                    }
                } else if self.stack.iter().any(|m| m == message.full_name()) {
                    self.notes.push(SchemaNote {
                        code: codes::SCHEMA_RECURSIVE,
                        path: path.to_string(),
                        message: format!(
                            "field `{path}`: recursive reference to message `{}` becomes JSON",
                            message.full_name()
                        ),
                    });
                    return self.count(json_field(name, nullable));
                } else {
                    let fields = self.message_fields(message, path, depth + 1)?;
                    DataType::Struct(Fields::from(fields))
                }
            }
        };
        self.count(Field::new(name, data_type, nullable))
    }

    /// Counts `field` against [`MAX_EXPANDED_FIELDS`] and passes it through.
    fn count(&mut self, field: Field) -> Result<Field, SchemaError> {
        self.fields += 1;
        if self.fields > MAX_EXPANDED_FIELDS {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!(
                    "message `{}` expands into more than {MAX_EXPANDED_FIELDS} fields",
                    self.root
                ),
            )
            .with_help("a message that uses another several times, which does the same, grows exponentially; expand a smaller message"));
        }
        Ok(field)
    }
}
