//! Values that are one word: quoted strings, booleans and column references.

use super::error::{expected, quote_help, quoted, ValueError};
use crate::options::Value;

/// A reference to a column, as given by an option such as `event_time_field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldRef {
    /// The column name, unquoted.
    pub name: String,
    /// Whether it was written as a `'quoted string'` rather than an identifier. That form
    /// is deprecated; the caller warns about it.
    pub quoted_string: bool,
}
/// A `'single quoted'` string. Numbers, identifiers and booleans are rejected with the
/// quoted spelling as help, so `topic = events` says to write `'events'`.
pub(crate) fn string(v: &Value) -> Result<String, ValueError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => Err(expected("a single-quoted string", other)
            .with_opt_help(quote_help(other))
            // Only a bare word is certainly a string missing its quotes; a number or a
            // boolean may be the wrong value altogether.
            .with_fix(
                matches!(other, Value::Ident(_))
                    .then(|| quoted(other))
                    .flatten(),
            )),
    }
}

/// A boolean: `true` / `false`, or the strings `'true'`, `'false'`, `'yes'`, `'no'`
/// (case-insensitive, surrounding whitespace ignored).
pub(crate) fn boolean(v: &Value) -> Result<bool, ValueError> {
    let err = || expected("a boolean (`true` or `false`)", v).with_help("write `true` or `false`");
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(true),
            "false" | "no" => Ok(false),
            _ => Err(err()),
        },
        _ => Err(err()),
    }
}
/// A column reference: an identifier (`event_time_field = ts`) or, deprecated, a
/// quoted string (`event_time_field = 'ts'`), which sets [`FieldRef::quoted_string`].
pub(crate) fn field_ref(v: &Value) -> Result<FieldRef, ValueError> {
    let err = || {
        expected("a column name", v)
            .with_help("write the column name, e.g. `event_time_field = ts`")
    };
    match v {
        Value::Ident(name) if !name.is_empty() => Ok(FieldRef {
            name: name.clone(),
            quoted_string: false,
        }),
        Value::String(name) if !name.trim().is_empty() => Ok(FieldRef {
            name: name.clone(),
            quoted_string: true,
        }),
        _ => Err(err()),
    }
}
