//! Expansion of a JSON Schema document into Arrow fields.
//!
//! A table whose format is JSON can take its columns from a JSON Schema instead of a column
//! list. Arroyo does this through a code generator that panics on constructs it cannot model
//! (tuple `items`, some integer formats, recursion), so this module walks the schema document
//! itself and turns anything without an exact Arrow equivalent into a JSON column with a
//! [`SchemaNote`], never into a panic. It accepts drafts 4 to 2020-12 as they are written in
//! the wild, including OpenAPI's `nullable: true`.
//!
//! The document is read with the crate's span-keeping JSON reader: objects keep their keys
//! in document order (columns must come out in that order; a repeated key keeps its first
//! position and its last value, as serde_json reads it), and every note and error knows the
//! key or value it is about, so a diagnostic about an inline schema points inside it. The
//! root must describe an object: its properties become the top-level fields.
//!
//! | JSON Schema | Arrow | Notes |
//! |---|---|---|
//! | `type: object` (or no `type`) with `properties` | `Struct`, children in document order | properties in `required` are non-null, the others nullable |
//! | `type: [T, "null"]`, `nullable: true`, `anyOf`/`oneOf` with a `{type: null}` branch | T, nullable | |
//! | `boolean` | `Boolean` | |
//! | `integer` | `Int64` | |
//! | `integer`, `format: int32`, `int`, `int16`, `int8` | `Int32` | |
//! | `integer`, `format: uint32`, `uint`, `uint16`, `uint8` | `UInt32` | |
//! | `integer`, `format: uint64` | `UInt64` | bounds such as `minimum: 0` are not used |
//! | `number` (also `type: [integer, number]`) | `Float64` | |
//! | `number`, `format: float` | `Float32` | |
//! | `string` | `Utf8` | also `format: time` (it carries a zone offset), `uuid`, `email`, `uri`, … |
//! | `string`, `format: date-time` | `Timestamp(Nanosecond, None)` | |
//! | `string`, `format: date` | `Date32` | |
//! | `string`, `format: byte` or `binary`, or `contentEncoding: base64` | `Binary` | |
//! | `array` with `items: S` | `List(Field "item")`, item nullable iff S is | `uniqueItems` is ignored |
//! | `array` without `items`, or `items: false` | `List` of JSON | |
//! | `array` with tuple `items: [..]` or `prefixItems` | JSON | note `schema::lossy` |
//! | `enum` / `const` (without `type`) | the type of the values: strings `Utf8`, integers `Int64`, numbers `Float64`, booleans `Boolean` | mixed kinds: JSON + note |
//! | `additionalProperties` / `patternProperties` without `properties` | `Map(Utf8, V)` | V from the value schema(s); `true`/`{}` gives JSON values |
//! | `properties` together with `additionalProperties` | `Struct` of the properties | extra keys are dropped, no note |
//! | `type: object` with neither | JSON | no note: it is "any object" |
//! | `{}` / `true` | JSON, nullable | no note: it is "any value" |
//! | `false`, `type: null` alone | JSON, nullable | note `schema::lossy` |
//! | `$ref` to `#`, `#/definitions/…`, `#/$defs/…`, any local pointer or `$anchor` | the target's type | refs relative to the root `$id` are local too; sibling keywords apply as well; `$dynamicRef` / `$recursiveRef` are resolved like `$ref` |
//! | `$ref` to another document | JSON | note `schema::lossy`: remote refs are not fetched |
//! | `$ref` back to a schema that is being expanded | JSON at that point | note `schema::recursive` |
//! | `allOf` | the members merged: properties in document order (`allOf`, `$ref` and `properties` in the order they are written), `required` united, types intersected | incompatible types: JSON + note |
//! | `anyOf` / `oneOf` | the branches' common type (nullability merged) | differing types: JSON + note |
//! | `type: [A, B]` with two non-null types | JSON | note `schema::lossy` |
//! | `not`, `if`/`then`/`else`, `dependencies`, bounds, patterns | ignored | validation only |
//!
//! The root is special: a root with properties gives one field per property. A root that is
//! not an object (`type: string`, `type: array`, a map, a union) becomes one field named
//! `value` of the mapped type, and a root without properties (`{}`, `type: object` alone)
//! becomes one JSON field `value` (the shape of Arroyo's unstructured JSON); both with a
//! `schema::lossy` note.
//!
//! Paths in notes are dotted (`address.city`); list items add `[]` and map values `{}`.
//!
//! Recursion and size are bounded: a `$ref` to a schema that is being expanded is cut into a
//! JSON column; every schema reached through a `$ref` is expanded once and reused (so large
//! self-referential meta-schemas stay linear); Arrow nesting deeper than [`MAX_NESTING`] and
//! chains of `$ref`/`anyOf` deeper than four times that are `limit::nesting` errors. Because
//! a reused expansion keeps the recursion cuts of its first use, a mutually recursive
//! definition may be unrolled to a different depth at its later uses. A document nested
//! deeper than the JSON reader's limit (128 levels) is a `limit::nesting` error too, and so
//! is a schema that expands into more than [`MAX_EXPANDED_FIELDS`] Arrow fields. Nested
//! `$id`s that change the base URI are not followed: `#/…` always points into the whole
//! document. At most 200 notes are listed, then one note says that more were dropped.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};

use crate::diagnostics::{codes, Code};
use crate::json::{self, ErrorKind, Json, JsonError, Value};
use crate::schema::expand::{json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};
use crate::span::{LineIndex, Span};

mod ident_hash;
mod refs;
mod shapes;
#[cfg(test)]
mod tests;
mod types;
mod view;
mod walker;

use ident_hash::{IdentMap, IdentSet};
use types::*;
use view::*;
use walker::*;

/// How deep `$ref`, `anyOf` and nesting together may chain before expansion gives up.
pub(super) const MAX_CALLS: usize = 4 * MAX_NESTING;
/// How many schema nodes one document may expand into (protects against combinatorial
/// explosions of nested `anyOf` inside `allOf`). Twice [`MAX_EXPANDED_FIELDS`], so that a
/// flat object of that many properties (some of them lists, a step for their items too)
/// still expands: the step limit was once 50,000, below the documented field limit.
pub(super) const MAX_STEPS: usize = 2 * MAX_EXPANDED_FIELDS;
/// How many Arrow fields (at every nesting level together) one JSON Schema may expand into.
///
/// A schema reached through `$ref` is expanded in full at every place that uses it, so a
/// small document whose definitions each use the next one twice would otherwise expand
/// exponentially. Larger schemas are the error `limit::nesting`.
pub const MAX_EXPANDED_FIELDS: usize = 100_000;
/// How many notes are reported before the rest are summarised in one note.
pub(super) const MAX_NOTES: usize = 200;

/// Expands a JSON Schema document (text) into Arrow fields.
///
/// Errors: text that is not JSON or not a schema (`schema::invalid`, with the line and
/// column), a local `$ref` that does not resolve (`schema::invalid`), and schemas nested
/// deeper than [`MAX_NESTING`] or expanding into more than [`MAX_EXPANDED_FIELDS`] fields
/// (`limit::nesting`).
pub fn expand_json_schema(text: &str) -> Result<Expansion, SchemaError> {
    expand_json_schema_placed(text).map(|(expansion, _)| expansion)
}

/// [`expand_json_schema`], with the place in `text` of each note (in the order of
/// `Expansion::notes`; `DETACHED` for a note about the schema as a whole). Errors carry
/// their place in [`SchemaError::span`].
pub(crate) fn expand_json_schema_placed(text: &str) -> Result<(Expansion, Vec<Span>), SchemaError> {
    let doc = json::parse(text).map_err(|e| parse_error(text, &e))?;
    if !matches!(doc.value, Value::Object(_) | Value::Bool(_)) {
        return Err(SchemaError::new(
            codes::INVALID_SCHEMA,
            format!(
                "a JSON Schema must be an object or a boolean, found {}",
                doc.kind()
            ),
        )
        .with_span(Span::DETACHED));
    }
    let mut walker = Walker::new(&doc);
    let mut view = View::default();
    walker.flatten(&doc, &mut view, None)?;
    let out = walker.expand_view(view, "", 0)?;
    let whole = Span::DETACHED;
    let mut rename_root = false;
    let fields = match &out.ty {
        Ty::Arrow(DataType::Struct(fields)) => fields.iter().map(|f| f.as_ref().clone()).collect(),
        Ty::Arrow(other) => {
            rename_root = true;
            walker.note(
                codes::SCHEMA_LOSSY,
                "",
                whole,
                format!(
                    "the root schema describes `{}`, not an object with properties, so each message becomes one column `value`",
                    out.describe()
                ),
            );
            vec![Field::new("value", other.clone(), out.nullable)]
        }
        Ty::Json => {
            rename_root = true;
            walker.note(
                codes::SCHEMA_LOSSY,
                "",
                whole,
                "the root schema does not describe an object with properties, so each message becomes one JSON column `value`",
            );
            vec![json_field("value", out.nullable)]
        }
    };
    Ok(walker.finish(fields, rename_root))
}

/// Maps a reading error to a schema error at its exact place. The message keeps the line
/// and column (in bytes, as serde_json counted them) for readers of the text alone.
fn parse_error(text: &str, e: &JsonError) -> SchemaError {
    let at = LineIndex::new(text);
    let line = at.line_col(e.span.start).line;
    let line_start = at.offset(u64::try_from(line).unwrap_or(u64::MAX), 1);
    let column = e.span.start.saturating_sub(line_start) + 1;
    let located = format!("{} at line {line} column {column}", e.message);
    let error = match e.kind {
        ErrorKind::TooDeep => SchemaError::new(
            codes::TOO_DEEP,
            format!(
                "the JSON Schema document nests deeper than the JSON reader allows ({located})"
            ),
        )
        .with_help(format!(
            "schemas may nest at most {MAX_NESTING} levels; model deeper parts as a JSON column"
        )),
        ErrorKind::Syntax => SchemaError::new(
            codes::INVALID_SCHEMA,
            format!("invalid JSON Schema: {located}"),
        ),
    };
    error.with_span(e.span)
}

/// Up to how many members [`entries`] deduplicates keys by scanning instead of hashing.
const SMALL_OBJECT: usize = 12;

/// The members of an object as serde_json reads them: each key once, at its first
/// position, with its last value.
pub(super) fn entries<'a>(node: &'a Json<'a>) -> Vec<(&'a str, &'a Json<'a>)> {
    let members = node.members().unwrap_or_default();
    let mut out: Vec<(&str, &Json)> = Vec::with_capacity(members.len());
    // Most schema objects have a handful of keys: a scan of those beats hashing each one
    // (bounded, so never quadratic in a large object).
    if members.len() <= SMALL_OBJECT {
        for m in members {
            match out.iter_mut().find(|(k, _)| *k == m.key) {
                Some(entry) => entry.1 = &m.value,
                None => out.push((&m.key, &m.value)),
            }
        }
        return out;
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(members.len());
    for m in members {
        match index.get(m.key.as_ref()).and_then(|&i| out.get_mut(i)) {
            Some(entry) => entry.1 = &m.value,
            None => {
                index.insert(&m.key, out.len());
                out.push((&m.key, &m.value));
            }
        }
    }
    out
}

/// The span of the key `key` of the object `node` (its last occurrence, whose value counts).
pub(super) fn key_span(node: &Json, key: &str) -> Span {
    node.member(key).map_or(node.span, |m| m.key_span)
}

/// The identity of a node of the (immutable) document, used for recursion checks and memo keys.
pub(super) fn ident(node: &Json) -> usize {
    std::ptr::from_ref(node) as usize
}
