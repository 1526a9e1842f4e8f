//! Lists of strings and string-to-string maps, written as arrays or as comma-separated
//! strings; list items keep their own spans where they have one.

use std::collections::BTreeMap;

use super::error::{expected, quote_help, shorten, shown, ValueError};
use crate::options::Value;
use crate::span::Spanned;

/// A list of strings: `ARRAY['a', 'b']` or `['a', b]` (items are strings or
/// identifiers and keep their own spans), or a string `'a, b'` split on `,` with every
/// item trimmed. A single identifier is a one-item list and `''` is the empty list.
/// Empty items (`'a,,b'`, `'a,'`, `['']`) are errors.
///
/// Items split out of a string carry [`Span::DETACHED`](crate::span::Span::DETACHED), since the value alone does not
/// know where it was written; `ConnectorOptions::list` gives them the whole value's span instead.
pub(crate) fn list(v: &Value) -> Result<Vec<Spanned<String>>, ValueError> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|item| match &item.node {
                Value::String(s) | Value::Ident(s) if s.trim().is_empty() => Err(
                    ValueError::invalid(format!("empty item in list `{}`", shown(v)))
                        .with_help("remove the empty item"),
                ),
                Value::String(s) | Value::Ident(s) => Ok(Spanned::new(s.clone(), item.span)),
                other => Err(ValueError::invalid(format!(
                    "expected a list of strings, found `{}` in `{}`",
                    shown(other),
                    shown(v)
                ))
                .with_opt_help(quote_help(other))),
            })
            .collect(),
        Value::String(s) => {
            if s.trim().is_empty() {
                return Ok(Vec::new());
            }
            s.split(',')
                .map(|piece| {
                    let piece = piece.trim();
                    if piece.is_empty() {
                        Err(
                            ValueError::invalid(format!("empty item in list `{}`", shown(v)))
                                .with_help("remove the extra comma"),
                        )
                    } else {
                        Ok(Spanned::detached(piece.to_string()))
                    }
                })
                .collect()
        }
        Value::Ident(s) => Ok(vec![Spanned::detached(s.clone())]),
        other => Err(expected("a list like `['a', 'b']` or `'a, b'`", other)),
    }
}

const MAP_HELP: &str = "write entries as `key=value`, separated by commas";

/// A string-to-string map: `'k1=v1, k2=v2'` (entries split on `,` and trimmed; the
/// value is everything after the first `=`, so it may itself contain `=`), or an array
/// of `'k=v'` strings (which allows values containing commas). `''` is the empty map.
/// An entry without `=`, an empty key, an empty entry or a repeated key is an error;
/// nothing is silently dropped.
pub(crate) fn map(v: &Value) -> Result<BTreeMap<String, String>, ValueError> {
    let mut out = BTreeMap::new();
    let mut add = |entry: &str| -> Result<(), ValueError> {
        let entry = entry.trim();
        if entry.is_empty() {
            return Err(
                ValueError::invalid(format!("empty entry in map `{}`", shown(v)))
                    .with_help("remove the extra comma"),
            );
        }
        let Some((key, value)) = entry.split_once('=') else {
            return Err(
                ValueError::invalid(format!("map entry `{}` has no `=`", shorten(entry)))
                    .with_help(MAP_HELP),
            );
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(ValueError::invalid(format!(
                "map entry `{}` has an empty key",
                shorten(entry)
            ))
            .with_help(MAP_HELP));
        }
        if out.contains_key(key) {
            return Err(ValueError::invalid(format!(
                "duplicate key `{}` in map `{}`",
                shorten(key),
                shown(v)
            ))
            .with_help("give each key once"));
        }
        out.insert(key.to_string(), value.trim().to_string());
        Ok(())
    };
    match v {
        Value::String(s) if s.trim().is_empty() => {}
        Value::String(s) => {
            for entry in s.split(',') {
                add(entry)?;
            }
        }
        Value::Array(items) => {
            for item in items {
                match &item.node {
                    Value::String(s) => add(s)?,
                    other => {
                        return Err(ValueError::invalid(format!(
                            "expected a `'key=value'` string, found `{}` in `{}`",
                            shown(other),
                            shown(v)
                        ))
                        .with_help(MAP_HELP))
                    }
                }
            }
        }
        other => {
            return Err(
                expected("a map like `'key1=value1, key2=value2'`", other).with_help(MAP_HELP)
            )
        }
    }
    Ok(out)
}
