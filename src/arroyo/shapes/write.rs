//! Writes a compiled table's options into Arroyo's table-config shape, through the same
//! map `request::arroyo` reads it with.
//!
//! The options are the table's WITH options as written (secrets already redacted), plus
//! the connection type, plus the catalogue's default of every member Arroyo always writes.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::{Conv, Member, Shape, TableShape, Union, Variant};
use crate::connection_type::ConnectionType;
use crate::connector::ConnectorSpec;
use crate::options::grammar;
use crate::options::{DefaultValue, OptionKind, Value};

/// What the writer reads: options by key, the connection type and the catalogue.
pub(crate) struct Flat<'a> {
    options: HashMap<String, &'a Value>,
    partitioned_by: &'a [String],
    connection_type: ConnectionType,
    spec: &'static ConnectorSpec,
}

impl<'a> Flat<'a> {
    /// The options of a table of `spec`, of type `connection_type`.
    pub(crate) fn new(
        options: &'a [(String, Value)],
        partitioned_by: &'a [String],
        connection_type: ConnectionType,
        spec: &'static ConnectorSpec,
    ) -> Self {
        let options = options
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        Flat {
            options,
            partitioned_by,
            connection_type,
            spec,
        }
    }

    /// The value of `key`: written, the connection type for `type`, or (when Arroyo
    /// always writes it) the catalogue's default.
    fn get(&self, key: &str, always: bool) -> Option<Value> {
        if key == "type" {
            return Some(Value::String(self.connection_type.as_str().into()));
        }
        if let Some(v) = self.options.get(key) {
            return Some((*v).clone());
        }
        if !always {
            return None;
        }
        let spec = self.spec.options().find(|o| o.key == key)?;
        if !spec.applies.contains(self.connection_type) {
            return None;
        }
        if let Some(c) = spec.condition {
            let holds = match self.get(c.key, true) {
                Some(v) => {
                    c.values.is_empty()
                        || c.values.iter().any(|x| x.eq_ignore_ascii_case(&text(&v)))
                }
                None => false,
            };
            if !holds {
                return None;
            }
        }
        Some(match spec.default? {
            DefaultValue::Bool(b) => Value::Bool(b),
            DefaultValue::Int(i) => Value::Number(i.to_string()),
            DefaultValue::Float(f) => Value::Number(format!("{f:?}")),
            DefaultValue::Str(s) => Value::String(s.into()),
            DefaultValue::Duration(d) => Value::String(grammar::format_duration(d)),
            DefaultValue::Bytes(b) => Value::String(b.to_string()),
            DefaultValue::List(items) => Value::Array(
                items
                    .iter()
                    .map(|i| {
                        crate::span::Spanned::new(
                            Value::String((*i).into()),
                            crate::span::Span::DETACHED,
                        )
                    })
                    .collect(),
            ),
        })
    }

    /// Options under `prefix`, in key order, prefix stripped.
    fn prefixed(&self, prefix: &str) -> Vec<(String, &'a Value)> {
        let mut out: Vec<(String, &Value)> = self
            .options
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(prefix).map(|rest| (rest.to_string(), *v)))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

/// The table config of `flat` in `shape`.
pub(crate) fn table_config(shape: &TableShape, flat: &Flat) -> Json {
    match shape.root {
        [Member {
            key: "",
            shape: root,
        }] => written(root, flat, shape.nulls).unwrap_or_else(|| Json::Object(Map::new())),
        members => Json::Object(object(members, flat, shape.nulls)),
    }
}

fn object(members: &[Member], flat: &Flat, nulls: bool) -> Map<String, Json> {
    let mut out = Map::new();
    for m in members {
        match written(&m.shape, flat, nulls) {
            Some(v) => {
                out.insert(m.key.to_string(), v);
            }
            None if nulls => {
                out.insert(m.key.to_string(), Json::Null);
            }
            None => {}
        }
    }
    out
}

/// The JSON of one member, `None` when it is unset.
fn written(shape: &Shape, flat: &Flat, nulls: bool) -> Option<Json> {
    match shape {
        Shape::Leaf {
            option,
            conv,
            always,
        } => {
            let Some(value) = flat.get(option, *always) else {
                // A list Arroyo always writes is `[]` when unset.
                return (*always && *conv == Conv::List).then(|| Json::Array(Vec::new()));
            };
            spelled(
                &value,
                *conv,
                flat.spec
                    .options()
                    .find(|o| o.key == *option)
                    .map(|o| o.kind),
            )
        }
        Shape::Prefix(prefix) => {
            let map: Map<String, Json> = flat
                .prefixed(prefix)
                .into_iter()
                .map(|(k, v)| (k, Json::String(text(v))))
                .collect();
            Some(Json::Object(map))
        }
        Shape::Indexed(prefix) => {
            let mut items: Vec<(u64, Json)> = flat
                .prefixed(prefix)
                .into_iter()
                .filter_map(|(k, v)| Some((k.parse().ok()?, Json::String(text(v)))))
                .collect();
            if items.is_empty() {
                return None;
            }
            items.sort_by_key(|(i, _)| *i);
            Some(Json::Array(items.into_iter().map(|(_, v)| v).collect()))
        }
        Shape::PartitionFields => Some(Json::Array(
            flat.partitioned_by
                .iter()
                .map(|e| partition_field(e))
                .collect(),
        )),
        Shape::Object(members) => {
            let map = object(members, flat, nulls);
            (nulls || !map.is_empty()).then_some(Json::Object(map))
        }
        Shape::Untagged(union) => {
            let v = chosen(union, flat)?;
            Some(Json::Object(object(v.members, flat, nulls)))
        }
        Shape::Tagged { tag, union } => {
            let v = chosen(union, flat)?;
            let mut map = Map::new();
            map.insert(tag.to_string(), Json::String(v.value.into()));
            map.extend(object(v.members, flat, nulls));
            Some(Json::Object(map))
        }
    }
}

/// The variant the options stand for.
fn chosen<'u>(union: &'u Union, flat: &Flat) -> Option<&'u Variant> {
    match union.option {
        Some(option) => {
            let value = flat.get(option, false).map(|v| text(&v))?;
            union
                .variants
                .iter()
                .find(|v| v.value.eq_ignore_ascii_case(&value))
        }
        None => union
            .variants
            .iter()
            .find(|v| flat.get(v.value, false).is_some()),
    }
}

/// A value as text (strings unquoted; anything else as our grammar would print it).
fn text(v: &Value) -> String {
    match v {
        Value::String(s) | Value::Number(s) | Value::Ident(s) | Value::Expr(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => grammar::string(other).unwrap_or_default(),
    }
}

/// A value in Arroyo's spelling; `None` when it does not read (a compiled table's values
/// always do).
fn spelled(v: &Value, conv: Conv, kind: Option<OptionKind>) -> Option<Json> {
    Some(match conv {
        Conv::Str => {
            let s = text(v);
            // Enum values in the catalogue's spelling, as Arroyo's are exact.
            match kind {
                Some(OptionKind::Enum(values)) => Json::String(
                    values
                        .iter()
                        .find(|x| x.eq_ignore_ascii_case(&s))
                        .map_or(s, |x| (*x).to_string()),
                ),
                _ => Json::String(s),
            }
        }
        Conv::Enum(_) => {
            let s = text(v);
            Json::String(conv.theirs(&s).map_or(s, str::to_string))
        }
        Conv::Int => Json::from(grammar::signed(v).ok()?),
        Conv::Float => Json::from(grammar::float(v).ok()?),
        Conv::Bool => Json::Bool(grammar::boolean(v).ok()?),
        Conv::Bytes => Json::from(grammar::data_size(v).ok()?),
        Conv::Secs => Json::from(grammar::duration(v).ok()?.as_secs()),
        Conv::Nanos => Json::from(u64::try_from(grammar::duration(v).ok()?.as_nanos()).ok()?),
        Conv::List => Json::Array(
            grammar::list(v)
                .ok()?
                .into_iter()
                .map(|i| Json::String(i.node))
                .collect(),
        ),
        Conv::CommaList => Json::String(
            grammar::list(v)
                .ok()?
                .into_iter()
                .map(|i| i.node)
                .collect::<Vec<_>>()
                .join(","),
        ),
        Conv::Map => Json::Object(
            grammar::map(v)
                .ok()?
                .into_iter()
                .map(|(k, v)| (k, Json::String(v)))
                .collect(),
        ),
    })
}

/// `bucket(user_id, 16)` as Arroyo's `{"name": null, "field": "user_id", "transform":
/// "bucket", "arg0": 16}`; the compiler has checked the expression's shape.
fn partition_field(expr: &str) -> Json {
    let (transform, args) = match expr.split_once('(') {
        Some((t, rest)) => (t.trim(), rest.trim_end().trim_end_matches(')')),
        None => ("identity", expr),
    };
    let mut args = args.split(',').map(str::trim);
    let field = args
        .next()
        .unwrap_or("")
        .trim_matches('"')
        .replace("\"\"", "\"");
    let mut m = Map::new();
    m.insert("name".into(), Json::Null);
    m.insert("field".into(), Json::String(field));
    m.insert(
        "transform".into(),
        Json::String(transform.to_ascii_lowercase()),
    );
    if let Some(n) = args.next().and_then(|a| a.parse::<u64>().ok()) {
        m.insert("arg0".into(), Json::from(n));
    }
    Json::Object(m)
}
