//! `config` of a stored table: the option map in the order written, each value in JSON
//! (SQL values JSON has no literal for are tagged objects, see the module above).

use std::collections::HashMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Number, Value as Json};

use crate::options::Value;
use crate::span::{Span, Spanned};

/// Option key → value, in the order written, each key once. `Debug` shows keys only.
/// Equality ignores the order: it is a JSON object's, which carries no meaning.
#[derive(Clone, Default)]
pub(super) struct StoredOptions {
    entries: Vec<(String, Value)>,
    /// Key → index into `entries`, so a table with many options stays linear.
    index: HashMap<String, usize>,
}

impl StoredOptions {
    /// Sets `key`; a key written twice keeps its last value (the one that counts).
    pub(super) fn set(&mut self, key: &str, value: Value) {
        match self.index.get(key).and_then(|i| self.entries.get_mut(*i)) {
            Some(slot) => slot.1 = value,
            None => {
                self.index.insert(key.to_string(), self.entries.len());
                self.entries.push((key.to_string(), value));
            }
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl PartialEq for StoredOptions {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self.entries.iter().all(|(k, v)| {
                other
                    .index
                    .get(k)
                    .and_then(|i| other.entries.get(*i))
                    .is_some_and(|(_, o)| o == v)
            })
    }
}

impl fmt::Debug for StoredOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|(k, _)| k))
            .finish()
    }
}

impl Serialize for StoredOptions {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            m.serialize_entry(k, &to_json(v))?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for StoredOptions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = StoredOptions;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of option values")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StoredOptions, A::Error> {
                let mut out = StoredOptions::default();
                while let Some((k, v)) = map.next_entry::<String, Json>()? {
                    out.set(&k, from_json(&v));
                }
                Ok(out)
            }
        }
        d.deserialize_map(Entries)
    }
}

/// The JSON of an option value.
pub(super) fn to_json(v: &Value) -> Json {
    let tagged = |pairs: &[(&str, &str)]| {
        Json::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Json::String(v.to_string())))
                .collect::<Map<_, _>>(),
        )
    };
    match v {
        Value::String(s) => Json::String(s.clone()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
        // A number whose JSON spelling is the same stays a number (`10`, `1.5`, `-3`).
        Value::Number(n) => match n.parse::<Number>() {
            Ok(j) if j.to_string() == *n => Json::Number(j),
            _ => tagged(&[("number", n)]),
        },
        Value::Interval { value, unit } => match unit {
            Some(u) => tagged(&[("interval", value), ("unit", u)]),
            None => tagged(&[("interval", value)]),
        },
        Value::Ident(i) => tagged(&[("ident", i)]),
        Value::Expr(e) => tagged(&[("expr", e)]),
        Value::Array(items) => Json::Array(items.iter().map(|i| to_json(&i.node)).collect()),
    }
}

/// The option value of stored JSON: the inverse of [`to_json`]; another object is kept as
/// its text, as a request's `config` does.
pub(super) fn from_json(j: &Json) -> Value {
    match j {
        Json::String(s) => Value::String(s.clone()),
        Json::Bool(b) => Value::Bool(*b),
        Json::Null => Value::Null,
        Json::Number(n) => Value::Number(n.to_string()),
        Json::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| Spanned::new(from_json(i), Span::DETACHED))
                .collect(),
        ),
        Json::Object(m) => {
            let text = |k: &str| m.get(k).and_then(Json::as_str).map(str::to_string);
            Value::from_tagged(m.len(), text).unwrap_or_else(|| Value::Expr(j.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_survive_json() {
        let values = [
            Value::String("a".into()),
            Value::Number("10".into()),
            Value::Number("1.5".into()),
            Value::Number(".5".into()),
            Value::Number("1e3".into()),
            Value::Bool(true),
            Value::Null,
            Value::Interval {
                value: "10".into(),
                unit: Some("SECOND".into()),
            },
            Value::Interval {
                value: "10 seconds".into(),
                unit: None,
            },
            Value::Ident("ts".into()),
            Value::Expr("a + b".into()),
            Value::Array(vec![Spanned::new(Value::Ident("a".into()), Span::DETACHED)]),
        ];
        for v in values {
            assert_eq!(from_json(&to_json(&v)), v, "{v:?}");
        }
    }

    #[test]
    fn debug_shows_keys_only() {
        let mut o = StoredOptions::default();
        o.set("password", Value::String("hunter2".into()));
        o.set("password", Value::String("hunter3".into()));
        let shown = format!("{o:?}");
        assert_eq!(shown, r#"["password"]"#);
    }
}
