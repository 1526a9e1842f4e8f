//! The value of one option, as written in SQL or in a JSON request.
//!
//! The front end lowers each `WITH` value (a sqlparser `Expr`) into a [`Value`] once, so the
//! typed pulls in the value grammar never see sqlparser types, and the JSON path
//! produces the same values from JSON scalars and arrays.

use std::fmt;

use crate::span::Spanned;

/// One option value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `'single quoted'` in SQL, or a JSON string.
    String(String),
    /// A number literal, as written (`10`, `1.5`, `-5`, `1e3`), or a JSON number.
    Number(String),
    /// `true` / `false` (SQL keyword or JSON boolean).
    Bool(bool),
    /// `NULL` or JSON `null`.
    Null,
    /// `INTERVAL '10' SECOND` (`unit` = `Some("SECOND")`) or `INTERVAL '10 seconds'` (`unit` = `None`).
    Interval {
        /// The quoted part, e.g. `10` or `10 seconds`.
        value: String,
        /// The unit keyword after the literal, if any, as written.
        unit: Option<String>,
    },
    /// A bare or `"double quoted"` identifier: a field reference such as `event_time_field = ts`.
    Ident(String),
    /// `ARRAY['a', 'b']`, `['a', 'b']`, `('a', 'b')`, or a JSON array.
    Array(Vec<Spanned<Value>>),
    /// Any other expression, kept as its SQL text for messages.
    Expr(String),
}

impl Value {
    /// A value JSON cannot write literally, from its tagged object in the storage form
    /// (`{"interval": "10", "unit": "SECOND"}`, `{"ident": …}`, `{"expr": …}`,
    /// `{"number": …}`) of `members` members, whose string members `text` gives; `None`
    /// when it is not one.
    pub(crate) fn from_tagged(
        members: usize,
        text: impl Fn(&str) -> Option<String>,
    ) -> Option<Value> {
        match (members, text("interval"), text("unit")) {
            (1, Some(value), _) => Some(Value::Interval { value, unit: None }),
            (2, Some(value), Some(unit)) => Some(Value::Interval {
                value,
                unit: Some(unit),
            }),
            (1, None, _) => text("ident")
                .map(Value::Ident)
                .or_else(|| text("expr").map(Value::Expr))
                .or_else(|| text("number").map(Value::Number)),
            _ => None,
        }
    }

    /// A short name of the value's kind, for messages ("a string", "a number", …).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Number(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Null => "NULL",
            Value::Interval { .. } => "an interval",
            Value::Ident(_) => "an identifier",
            Value::Array(_) => "an array",
            Value::Expr(_) => "an expression",
        }
    }
}

impl fmt::Display for Value {
    /// SQL text of the value, as the canonical DDL printer writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::String(s) => write!(f, "'{}'", s.replace('\'', "''")),
            Value::Number(n) => f.write_str(n),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Null => f.write_str("NULL"),
            Value::Interval { value, unit } => {
                write!(f, "INTERVAL '{}'", value.replace('\'', "''"))?;
                if let Some(u) = unit {
                    write!(f, " {u}")?;
                }
                Ok(())
            }
            Value::Ident(i) => {
                if is_plain_ident(i) {
                    f.write_str(i)
                } else {
                    write!(f, "\"{}\"", i.replace('"', "\"\""))
                }
            }
            Value::Array(items) => {
                f.write_str("[")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", v.node)?;
                }
                f.write_str("]")
            }
            Value::Expr(e) => f.write_str(e),
        }
    }
}

/// Whether `s` can be written as an unquoted SQL identifier.
pub(crate) fn is_plain_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
