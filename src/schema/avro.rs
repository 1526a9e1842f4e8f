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
//! a JSON column (`arroyo.json`).
//!
//! # Limits
//!
//! Nesting (records, arrays and maps inside each other) deeper than [`MAX_NESTING`] levels is
//! the error `limit::nesting`; so is schema JSON nested deeper than `serde_json`'s limit of
//! 128 levels, and a schema whose reused named types multiply out to more than
//! [`MAX_EXPANDED_FIELDS`] fields. No input can overflow the stack or exhaust memory.

mod errors;
mod mapping;
mod names;
#[cfg(test)]
mod tests;

use apache_avro::Schema;

#[cfg(doc)]
use super::expand::{json_field, MAX_NESTING};
use super::expand::{Expansion, SchemaError, SchemaNote};
use crate::diagnostics::codes;
use errors::{avro_error, json_error};
use mapping::Expander;
use names::{collect_names, describe_top_level};

/// How many Arrow fields (at every nesting level together) one Avro schema may expand into.
///
/// A named type is expanded in full at every place that uses it, so a small schema whose
/// types each use the next one twice would otherwise expand exponentially.
pub const MAX_EXPANDED_FIELDS: usize = 100_000;
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
