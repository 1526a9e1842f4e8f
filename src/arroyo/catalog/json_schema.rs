//! JSON Schemas of a connector's configs, generated from its option catalogue: the table
//! config in Arroyo's shape (walking the connector's map in `arroyo::shapes`), the profile
//! as our flat option map.
//!
//! Each option gives its property: the JSON type of its kind (in Arroyo's spelling where
//! the map says so), its allowed values, range, default and doc; sensitive strings are
//! `format: "var-str"` and listed in the object's `sensitive` array, as Arroyo marks them
//! for its forms.

use serde_json::{json, Map, Value as Json};

use crate::arroyo::shapes::{table_shape, Conv, Member, Shape, TableShape, Union};
use crate::connector::ConnectorSpec;
use crate::options::{DefaultValue, OptionKind, OptionSpec};

/// The table config's schema: Arroyo's shape when we know it, else the flat option map.
pub(super) fn table_schema(spec: &'static ConnectorSpec) -> Json {
    let title = format!("{}Table", title_case(spec.name));
    match table_shape(spec.name) {
        Some(shape) => shaped(spec, shape, &title),
        None => flat(spec.table_options, &title),
    }
}

/// The profile's schema: its options as a flat map (the vocabulary profiles are read in).
pub(super) fn profile_schema(spec: &'static ConnectorSpec) -> Json {
    let title = format!("{}Profile", title_case(spec.name));
    let option = |key: &str| spec.profile_options.iter().find(|o| o.matches(key));
    let leaf = |key: &str| match option(key) {
        Some(o) => Json::Object(property(o, None, false)),
        None => json!({"type": "string"}),
    };
    let required = |key: &str| option(key).is_some_and(|o| o.required);
    // In Arroyo's stored shape where the connector has one, as its web UI draws the form.
    match crate::profile::shape::json_schema(spec.name, &leaf, &required) {
        Some(mut schema) => {
            if let Some(o) = schema.as_object_mut() {
                o.insert("title".into(), json!(title));
            }
            schema
        }
        None => flat(spec.profile_options, &title),
    }
}

/// `polling_http` → `PollingHttp`.
fn title_case(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

fn flat(options: &'static [OptionSpec], title: &str) -> Json {
    let mut properties = Map::new();
    let mut patterns = Map::new();
    let mut required = Vec::new();
    let mut sensitive = Vec::new();
    for o in options {
        if o.kind == OptionKind::Prefix {
            patterns.insert(
                format!("^{}", o.key.replace('.', "\\.")),
                json!({"type": "string", "description": o.doc}),
            );
            continue;
        }
        if o.required && o.condition.is_none() {
            required.push(o.key);
        }
        if o.sensitive {
            sensitive.push(o.key);
        }
        properties.insert(o.key.to_string(), Json::Object(property(o, None, false)));
    }
    let mut root = Map::new();
    root.insert("type".into(), json!("object"));
    root.insert("title".into(), json!(title));
    root.insert("properties".into(), Json::Object(properties));
    if !patterns.is_empty() {
        root.insert("patternProperties".into(), Json::Object(patterns));
    }
    if !required.is_empty() {
        root.insert("required".into(), json!(required));
    }
    if !sensitive.is_empty() {
        root.insert("sensitive".into(), json!(sensitive));
    }
    Json::Object(root)
}

/// What an object's schema requires so that its variant can be told apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Select {
    /// Nothing beyond its required options (a plain object, a tagged variant).
    Nothing,
    /// The member read into this option (NATS: `stream` makes JetStream).
    Key(&'static str),
    /// The members Arroyo always writes (kafka's source has `offset`, its sink
    /// `commit_mode`), so `{}` matches only a variant that `{}` stands for.
    Always,
}

/// Walks `shape`, making each member's schema.
struct Walker {
    spec: &'static ConnectorSpec,
    nulls: bool,
}

fn shaped(spec: &'static ConnectorSpec, shape: &TableShape, title: &str) -> Json {
    let w = Walker {
        spec,
        nulls: shape.nulls,
    };
    let mut root = match shape.root {
        [Member { key: "", shape }] => match w.schema(shape) {
            Json::Object(m) => m,
            _ => Map::new(),
        },
        // The root leaves other keys open: they are read as flat options.
        members => w.object(members, Select::Nothing, false),
    };
    root.insert("title".into(), json!(title));
    Json::Object(root)
}

impl Walker {
    fn option(&self, key: &str) -> Option<&'static OptionSpec> {
        self.spec.options().find(|o| o.key == key)
    }

    /// An object of `members`; `select` says what must be there to tell a variant apart.
    fn object(&self, members: &[Member], select: Select, closed: bool) -> Map<String, Json> {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut sensitive = Vec::new();
        for m in members {
            if let Shape::Leaf { option, always, .. } = &m.shape {
                let spec = self.option(option);
                let is_required = spec.is_some_and(|s| s.required && s.condition.is_none())
                    || select == Select::Key(option)
                    || (*always && select == Select::Always);
                if is_required {
                    required.push(m.key);
                }
                if spec.is_some_and(|s| s.sensitive) {
                    sensitive.push(m.key);
                }
            }
            // The connection type, where tables must say it.
            if let Shape::Untagged(u) | Shape::Tagged { union: u, .. } = &m.shape {
                if u.option == Some("type") && self.spec.type_option && !m.key.is_empty() {
                    required.push(m.key);
                }
            }
            properties.insert(m.key.to_string(), self.schema(&m.shape));
        }
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        out.insert("properties".into(), Json::Object(properties));
        if !required.is_empty() {
            out.insert("required".into(), json!(required));
        }
        if !sensitive.is_empty() {
            out.insert("sensitive".into(), json!(sensitive));
        }
        if closed {
            out.insert("additionalProperties".into(), json!(false));
        }
        out
    }

    fn schema(&self, shape: &Shape) -> Json {
        match shape {
            Shape::Leaf { option, conv, .. } => match self.option(option) {
                Some(spec) => Json::Object(property(spec, Some(*conv), self.nulls)),
                // `type` as a plain string (single_file): the connector's roles.
                None => {
                    let roles: Vec<&str> = crate::ConnectionType::ALL
                        .into_iter()
                        .filter(|ct| self.spec.roles.contains(*ct))
                        .map(|ct| ct.as_str())
                        .collect();
                    json!({"type": "string", "enum": roles})
                }
            },
            Shape::Prefix(_) => {
                json!({"type": "object", "additionalProperties": {"type": "string"}})
            }
            Shape::Indexed(_) => json!({"type": "array", "items": {"type": "string"}}),
            Shape::PartitionFields => json!({"type": "array", "items": {
                "type": "object",
                "properties": {
                    "name": {"type": ["string", "null"]},
                    "field": {"type": "string"},
                    "transform": {"type": "string", "enum": [
                        "identity", "bucket", "truncate", "year", "month", "day", "hour", "void"
                    ]},
                    "arg0": {"type": "integer", "minimum": 1},
                },
                "required": ["field", "transform"],
            }}),
            Shape::Object(members) => Json::Object(self.object(members, Select::Nothing, true)),
            Shape::Untagged(union) => self.union(union, None),
            Shape::Tagged { tag, union } => self.union(union, Some(tag)),
        }
    }

    fn union(&self, union: &Union, tag: Option<&str>) -> Json {
        let branches: Vec<Json> = union
            .variants
            .iter()
            .map(|v| {
                // What tells the variant apart must be there: its tag, the key it is named
                // by, or (for an untagged variant that `{}` is not) what Arroyo always writes.
                let select = match (tag, union.option) {
                    (Some(_), _) => Select::Nothing,
                    (None, None) => Select::Key(v.value),
                    (None, Some(_)) if !v.empty => Select::Always,
                    _ => Select::Nothing,
                };
                let mut o = self.object(v.members, select, true);
                o.insert("title".into(), json!(title_case(v.value)));
                if let Some(tag) = tag {
                    if let Some(Json::Object(p)) = o.get_mut("properties") {
                        p.insert(tag.to_string(), json!({"type": "string", "const": v.value}));
                    }
                    let mut required = vec![json!(tag)];
                    if let Some(Json::Array(r)) = o.remove("required") {
                        required.extend(r);
                    }
                    o.insert("required".into(), Json::Array(required));
                }
                Json::Object(o)
            })
            .collect();
        json!({"oneOf": branches})
    }
}

/// The property of option `o`, in Arroyo's spelling `conv` (or as a flat option).
fn property(o: &OptionSpec, conv: Option<Conv>, nullable: bool) -> Map<String, Json> {
    let mut p = Map::new();
    let ty = |p: &mut Map<String, Json>, t: &str| {
        let t = if nullable {
            json!([t, "null"])
        } else {
            json!(t)
        };
        p.insert("type".into(), t);
    };
    match (conv, o.kind) {
        (Some(Conv::Enum(pairs)), _) => {
            ty(&mut p, "string");
            let values: Vec<&str> = pairs.iter().map(|(_, t)| *t).collect();
            p.insert("enum".into(), enumeration(&values, nullable));
        }
        (_, OptionKind::Enum(values)) => {
            ty(&mut p, "string");
            p.insert("enum".into(), enumeration(values, nullable));
        }
        (Some(Conv::Int | Conv::Bytes | Conv::Secs | Conv::Nanos), _)
        | (None, OptionKind::Unsigned | OptionKind::NonZero | OptionKind::Signed) => {
            ty(&mut p, "integer");
            let min = match o.kind {
                OptionKind::NonZero => Some(1),
                OptionKind::Unsigned | OptionKind::DataSize | OptionKind::Duration => Some(0),
                _ => None,
            };
            if let Some((lo, hi)) = o.range {
                p.insert("minimum".into(), json!(lo));
                if hi != i64::MAX {
                    p.insert("maximum".into(), json!(hi));
                }
            } else if let Some(min) = min {
                p.insert("minimum".into(), json!(min));
            }
        }
        (Some(Conv::Float), _) | (None, OptionKind::Float) => {
            ty(&mut p, "number");
            p.insert("minimum".into(), json!(0));
        }
        (Some(Conv::Bool), _) | (None, OptionKind::Bool) => ty(&mut p, "boolean"),
        (Some(Conv::List), _) => {
            ty(&mut p, "array");
            p.insert("items".into(), json!({"type": "string"}));
        }
        (Some(Conv::Map), _) => {
            ty(&mut p, "object");
            p.insert("additionalProperties".into(), json!({"type": "string"}));
        }
        (None, OptionKind::List) => {
            p.insert("type".into(), json!(["array", "string"]));
            p.insert("items".into(), json!({"type": "string"}));
        }
        (None, OptionKind::DataSize) => {
            p.insert("type".into(), json!(["string", "integer"]));
        }
        _ => {
            ty(&mut p, "string");
            if o.sensitive {
                p.insert("format".into(), json!("var-str"));
            }
        }
    }
    if !o.doc.is_empty() {
        p.insert("description".into(), json!(o.doc));
    }
    if let Some(d) = o.default.and_then(|d| default_json(d, conv)) {
        p.insert("default".into(), d);
    }
    p
}

/// Allowed values, and `null` where unset members are written as `null`.
fn enumeration(values: &[&str], nullable: bool) -> Json {
    let mut v: Vec<Json> = values.iter().map(|x| json!(x)).collect();
    if nullable {
        v.push(Json::Null);
    }
    Json::Array(v)
}

/// A default in the property's JSON type.
fn default_json(d: DefaultValue, conv: Option<Conv>) -> Option<Json> {
    Some(match (d, conv) {
        (DefaultValue::Str(s), Some(c @ Conv::Enum(_))) => json!(c.theirs(s).unwrap_or(s)),
        (DefaultValue::Str(s), _) => json!(s),
        (DefaultValue::Bool(b), _) => json!(b),
        (DefaultValue::Int(i), _) => json!(i),
        (DefaultValue::Float(f), _) => json!(f),
        (DefaultValue::Bytes(b), Some(Conv::Bytes)) => json!(b),
        (DefaultValue::Duration(d), Some(Conv::Secs)) => json!(d.as_secs()),
        (DefaultValue::Duration(d), Some(Conv::Nanos)) => json!(u64::try_from(d.as_nanos()).ok()?),
        (DefaultValue::List(items), Some(Conv::List)) => json!(items),
        (DefaultValue::List(items), _) => json!(items.join(",")),
        (other, _) => json!(other.to_string()),
    })
}
