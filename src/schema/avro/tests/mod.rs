//! Unit tests of the Avro expansion: the type mapping, unions, named types and recursion,
//! the top level, the limits and the error messages.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, IntervalUnit, TimeUnit};

use super::errors::lowercase_sentence;
use super::expand_avro;
use super::names::join_backticked;
use crate::diagnostics::{codes, Code};
use crate::schema::expand::{is_json, json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};

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

/// `levels` arrays nested in the field `f` of a record, around an `int`.
fn nested_arrays(levels: usize) -> String {
    let mut t = r#""int""#.to_string();
    for _ in 0..levels {
        t = format!(r#"{{"type": "array", "items": {t}}}"#);
    }
    format!(r#"{{"type": "record", "name": "R", "fields": [{{"name": "f", "type": {t}}}]}}"#)
}

mod errors;
mod limits;
mod names;
mod types;
