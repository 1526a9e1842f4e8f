//! Connection-profile configs in Arroyo's stored shape (nested, camelCase), read as our
//! flat options, and written back.
//!
//! Arroyo stores a profile's `config` as the connector's generated type serializes it
//! (`reference/arroyo-profiles.md`): Kafka's is `{"bootstrapServers": …, "authentication":
//! {…}, "schemaRegistryEnum": {…}, "connectionProperties": {…}}`, while our vocabulary is
//! flat (`bootstrap_servers`, `auth.type`, …). Each connector's shape is written once, as
//! data ([`Field`] tables), and read both ways:
//! - [`flatten`] turns a config in either shape (or a mix) into flat options, each with the
//!   JSON path it was written at, so diagnostics can point into the profile document;
//! - [`write_arroyo`] builds Arroyo's shape from flat options
//!   (`crate::arroyo::profiles` adds the redaction of secrets).
//!
//! A key that is not part of Arroyo's shape passes through unchanged, which is how a flat
//! config reads: both shapes reach the same options and so the same table and diagnostics.

use serde_json::{json, Map, Value};

/// The JSON type Arroyo's shape gives a leaf (flat values may be written as strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Str,
    Int,
    Bool,
    List,
}

/// What one key of Arroyo's shape holds.
enum Shape {
    /// A value: the flat option it is, and its JSON type.
    Leaf(&'static str, Kind),
    /// A nested object of named fields.
    Object(&'static [Field]),
    /// An untagged choice between objects, told apart by their keys (`oneOf` in Arroyo's
    /// schema): `tag` is the flat option that names the chosen variant, when there is one.
    OneOf {
        tag: Option<&'static str>,
        variants: &'static [Variant],
    },
    /// A string-to-string settings map, read as the prefix family `prefix*`.
    Settings(&'static str),
}

/// A key of an object in Arroyo's shape.
struct Field {
    json: &'static str,
    shape: Shape,
    /// Part of Arroyo's output; `false` for our own spellings accepted on input only.
    output: bool,
}

/// One shape of a [`Shape::OneOf`].
struct Variant {
    /// How people call it, for messages.
    title: &'static str,
    /// The value of the choice's `tag` option.
    tag_value: &'static str,
    fields: &'static [Field],
}

const fn leaf(json: &'static str, key: &'static str) -> Field {
    typed(json, key, Kind::Str)
}

const fn typed(json: &'static str, key: &'static str, kind: Kind) -> Field {
    Field {
        json,
        shape: Shape::Leaf(key, kind),
        output: true,
    }
}

const fn nested(json: &'static str, shape: Shape) -> Field {
    Field {
        json,
        shape,
        output: true,
    }
}

/// A connector's profile in Arroyo's shape.
struct ProfileShape {
    connector: &'static str,
    root: &'static [Field],
}

const KAFKA_AUTH: &[Variant] = &[
    Variant {
        title: "no authentication",
        tag_value: "none",
        fields: &[],
    },
    Variant {
        title: "SASL",
        tag_value: "sasl",
        fields: &[
            leaf("protocol", "auth.protocol"),
            leaf("mechanism", "auth.mechanism"),
            leaf("username", "auth.username"),
            leaf("password", "auth.password"),
        ],
    },
    Variant {
        title: "AWS MSK IAM",
        tag_value: "aws_msk_iam",
        fields: &[leaf("region", "auth.region")],
    },
];

const KAFKA_REGISTRY: &[Variant] = &[
    Variant {
        title: "no schema registry",
        tag_value: "",
        fields: &[],
    },
    Variant {
        title: "Confluent schema registry",
        tag_value: "",
        fields: &[
            leaf("endpoint", "schema_registry.endpoint"),
            leaf("apiKey", "schema_registry.api_key"),
            leaf("apiSecret", "schema_registry.api_secret"),
        ],
    },
];

const NATS_AUTH: &[Variant] = &[
    Variant {
        title: "no authentication",
        tag_value: "none",
        fields: &[],
    },
    Variant {
        title: "credentials",
        tag_value: "credentials",
        fields: &[
            leaf("username", "auth.username"),
            leaf("password", "auth.password"),
        ],
    },
    Variant {
        title: "JWT",
        tag_value: "jwt",
        fields: &[leaf("jwt", "auth.jwt"), leaf("nkeySeed", "auth.nkey_seed")],
    },
];

const REDIS_CONNECTION: &[Variant] = &[
    Variant {
        title: "a single server",
        tag_value: "",
        fields: &[leaf("address", "address")],
    },
    Variant {
        title: "a cluster",
        tag_value: "",
        fields: &[typed("addresses", "cluster.addresses", Kind::List)],
    },
];

/// The prefix of Kafka's profile-level client settings (Arroyo's `connectionProperties`).
const KAFKA_CONNECTION_PROPERTIES: &str = "connection_properties.";

const SHAPES: &[ProfileShape] = &[
    ProfileShape {
        connector: "kafka",
        root: &[
            leaf("bootstrapServers", "bootstrap_servers"),
            nested(
                "authentication",
                Shape::OneOf {
                    tag: Some("auth.type"),
                    variants: KAFKA_AUTH,
                },
            ),
            nested(
                "schemaRegistryEnum",
                Shape::OneOf {
                    tag: None,
                    variants: KAFKA_REGISTRY,
                },
            ),
            nested(
                "connectionProperties",
                Shape::Settings(KAFKA_CONNECTION_PROPERTIES),
            ),
            // Our own spelling of the settings map, as a JSON object.
            Field {
                json: "connection_properties",
                shape: Shape::Settings(KAFKA_CONNECTION_PROPERTIES),
                output: false,
            },
        ],
    },
    ProfileShape {
        connector: "confluent",
        root: &[
            leaf("bootstrapServers", "bootstrap_servers"),
            leaf("key", "key"),
            leaf("secret", "secret"),
            nested(
                "schemaRegistry",
                Shape::Object(&[
                    leaf("endpoint", "schema_registry.endpoint"),
                    leaf("apiKey", "schema_registry.api_key"),
                    leaf("apiSecret", "schema_registry.api_secret"),
                ]),
            ),
        ],
    },
    ProfileShape {
        connector: "mqtt",
        root: &[
            leaf("url", "url"),
            leaf("username", "username"),
            leaf("password", "password"),
            leaf("clientPrefix", "client_prefix"),
            typed("maxPacketSize", "max_packet_size", Kind::Int),
            nested(
                "tls",
                Shape::Object(&[
                    leaf("ca", "tls.ca"),
                    leaf("cert", "tls.cert"),
                    leaf("key", "tls.key"),
                ]),
            ),
        ],
    },
    ProfileShape {
        connector: "nats",
        root: &[
            leaf("servers", "servers"),
            nested(
                "authentication",
                Shape::OneOf {
                    tag: Some("auth.type"),
                    variants: NATS_AUTH,
                },
            ),
        ],
    },
    ProfileShape {
        connector: "rabbitmq",
        root: &[
            leaf("host", "host"),
            typed("port", "port", Kind::Int),
            leaf("username", "username"),
            leaf("password", "password"),
            leaf("virtual_host", "virtual_host"),
            nested(
                "tls_config",
                Shape::Object(&[
                    typed("enabled", "tls_config.enabled", Kind::Bool),
                    typed(
                        "trust_certificates",
                        "tls_config.trust_certificates",
                        Kind::Bool,
                    ),
                    leaf(
                        "root_certificates_path",
                        "tls_config.root_certificates_path",
                    ),
                    leaf(
                        "client_certificates_path",
                        "tls_config.client_certificates_path",
                    ),
                    leaf("client_keys_path", "tls_config.client_keys_path"),
                ]),
            ),
            typed("load_balancer_mode", "load_balancer_mode", Kind::Bool),
        ],
    },
    ProfileShape {
        connector: "redis",
        root: &[
            nested(
                "connection",
                Shape::OneOf {
                    tag: None,
                    variants: REDIS_CONNECTION,
                },
            ),
            leaf("username", "username"),
            leaf("password", "password"),
        ],
    },
    ProfileShape {
        connector: "iceberg",
        root: &[nested(
            "catalog",
            Shape::Object(&[
                leaf("type", "catalog.type"),
                leaf("url", "catalog.rest.url"),
                leaf("warehouse", "catalog.warehouse"),
                leaf("token", "catalog.rest.token"),
            ]),
        )],
    },
];

fn shape_of(connector: &str) -> Option<&'static ProfileShape> {
    SHAPES.iter().find(|s| s.connector == connector)
}

/// The connectors whose profiles have an Arroyo shape.
#[cfg(test)]
pub(crate) fn connectors_with_shapes() -> impl Iterator<Item = &'static str> {
    SHAPES.iter().map(|s| s.connector)
}

/// One flat option read from a profile config.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FlatEntry {
    /// The flat option key, e.g. `auth.password`.
    pub key: String,
    /// Its value, as written.
    pub value: Value,
    /// Where it was written in the config: the keys from the config down to the value.
    /// A variant's tag (`auth.type`, told by the keys of `authentication`) has the path
    /// of the object.
    pub path: Vec<String>,
}

/// A config that does not have Arroyo's shape where it uses one of its keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShapeError {
    /// The keys from the config down to the offending key.
    pub path: Vec<String>,
    /// Whether the mistake is the key itself (unknown) rather than its value.
    pub at_key: bool,
    /// What is wrong, in JSON's words.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The flat option an unknown key most likely means (its did-you-mean).
    pub meant: Option<&'static str>,
}

/// A profile config read as flat options.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Flat {
    /// The options, in the order of the config's keys.
    pub entries: Vec<FlatEntry>,
    /// Where the config breaks Arroyo's shape.
    pub errors: Vec<ShapeError>,
    /// Flat key → the JSON path (dotted) it was written as, for every key of Arroyo's shape
    /// that is spelled differently from the flat key.
    pub renamed: Vec<(String, String)>,
}

/// Reads a profile `config` of `connector`, in our flat shape, Arroyo's stored shape, or a
/// mix of both, as flat options.
pub(crate) fn flatten(connector: &str, config: &Map<String, Value>) -> Flat {
    let mut out = Flat::default();
    let root = shape_of(connector).map_or(&[][..], |s| s.root);
    for (key, value) in config {
        let path = vec![key.clone()];
        match root.iter().find(|f| f.json == key) {
            Some(field) => read(&field.shape, value, &path, &mut out),
            None => out.entries.push(FlatEntry {
                key: key.clone(),
                value: value.clone(),
                path,
            }),
        }
    }
    out
}

fn dotted(path: &[String]) -> String {
    path.join(".")
}

fn listed(keys: impl Iterator<Item = &'static str>) -> String {
    keys.map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn not_an_object(path: &[String], v: &Value, example: &str) -> ShapeError {
    ShapeError {
        path: path.to_vec(),
        at_key: false,
        message: format!(
            "`{}` must be a JSON object, found {}",
            dotted(path),
            json_kind(v)
        ),
        help: Some(format!("write it as an object, e.g. `{example}`")),
        meant: None,
    }
}

fn unknown_key(path: &[String], key: &str, known: &[Field], what: &str) -> ShapeError {
    let mut at = path.to_vec();
    at.push(key.to_string());
    let names = known.iter().map(|f| f.json);
    let near = crate::options::grammar::did_you_mean(key, names.clone());
    let meant = near.and_then(|n| match known.iter().find(|f| f.json == n)?.shape {
        Shape::Leaf(flat, _) => Some(flat),
        _ => None,
    });
    let help = match near {
        Some(near) => format!("did you mean `{near}`?"),
        None if known.is_empty() => format!("{what} takes no keys: write `{{}}`"),
        None => format!("{what} takes {}", listed(names)),
    };
    ShapeError {
        path: at,
        at_key: true,
        message: format!("unknown key `{key}` in `{}`", dotted(path)),
        help: Some(help),
        meant,
    }
}

fn read(shape: &Shape, value: &Value, path: &[String], out: &mut Flat) {
    match shape {
        Shape::Leaf(key, _) => {
            // Arroyo's optional fields may be written as `null`: the same as absent.
            if value.is_null() {
                return;
            }
            let written = dotted(path);
            if written != *key {
                out.renamed.push((key.to_string(), written));
            }
            out.entries.push(FlatEntry {
                key: key.to_string(),
                value: value.clone(),
                path: path.to_vec(),
            });
        }
        Shape::Object(fields) => {
            if value.is_null() {
                return;
            }
            let Some(members) = value.as_object() else {
                out.errors.push(not_an_object(path, value, "{}"));
                return;
            };
            read_members(
                fields,
                members,
                path,
                "`".to_string() + &dotted(path) + "`",
                out,
            );
        }
        Shape::OneOf { tag, variants } => {
            if value.is_null() && tag.is_none() {
                return;
            }
            let Some(members) = value.as_object() else {
                out.errors.push(not_an_object(path, value, "{}"));
                return;
            };
            let present: Vec<&str> = members
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k.as_str())
                .collect();
            let overlap = |v: &Variant| {
                present
                    .iter()
                    .filter(|k| v.fields.iter().any(|f| f.json == **k))
                    .count()
            };
            let chosen = if present.is_empty() {
                variants.iter().find(|v| v.fields.is_empty())
            } else {
                // The variant that explains most keys; the others are then unknown to it.
                variants
                    .iter()
                    .filter(|v| overlap(v) > 0)
                    .max_by_key(|v| (overlap(v), std::cmp::Reverse(v.fields.len())))
            };
            let Some(chosen) = chosen else {
                let shapes: Vec<String> = variants
                    .iter()
                    .map(|v| {
                        let keys: Vec<&str> = v.fields.iter().map(|f| f.json).collect();
                        format!("`{{{}}}` ({})", keys.join(", "), v.title)
                    })
                    .collect();
                out.errors.push(ShapeError {
                    path: path.to_vec(),
                    at_key: false,
                    message: format!("`{}` matches none of its shapes", dotted(path)),
                    help: Some(format!("write one of {}", shapes.join(", "))),
                    meant: None,
                });
                return;
            };
            if let Some(tag) = tag {
                out.entries.push(FlatEntry {
                    key: tag.to_string(),
                    value: Value::String(chosen.tag_value.to_string()),
                    path: path.to_vec(),
                });
            }
            let what = format!("`{}` ({})", dotted(path), chosen.title);
            read_members(chosen.fields, members, path, what, out);
        }
        Shape::Settings(prefix) => {
            if value.is_null() {
                return;
            }
            let Some(members) = value.as_object() else {
                out.errors.push(not_an_object(
                    path,
                    value,
                    "{\"client.rack\": \"use1-az2\"}",
                ));
                return;
            };
            for (k, v) in members {
                let mut at = path.to_vec();
                at.push(k.clone());
                let key = format!("{prefix}{k}");
                let written = dotted(&at);
                if written != key {
                    out.renamed.push((key.clone(), written));
                }
                out.entries.push(FlatEntry {
                    key,
                    value: v.clone(),
                    path: at,
                });
            }
        }
    }
}

fn read_members(
    fields: &'static [Field],
    members: &Map<String, Value>,
    path: &[String],
    what: String,
    out: &mut Flat,
) {
    for (k, v) in members {
        let mut at = path.to_vec();
        at.push(k.clone());
        match fields.iter().find(|f| f.json == k) {
            Some(f) => read(&f.shape, v, &at, out),
            None => out.errors.push(unknown_key(path, k, fields, &what)),
        }
    }
}

/// Where the flat option `key` is written in Arroyo's shape of `connector`'s profile
/// (dotted, e.g. `authentication.password`); `None` when it is not part of that shape or is
/// spelled the same.
pub(crate) fn arroyo_path(connector: &str, key: &str) -> Option<String> {
    fn find(fields: &[Field], key: &str, path: &mut Vec<&'static str>) -> bool {
        for f in fields {
            path.push(f.json);
            let found = match &f.shape {
                Shape::Leaf(k, _) => *k == key,
                Shape::Object(inner) => find(inner, key, path),
                Shape::OneOf { variants, .. } => variants.iter().any(|v| find(v.fields, key, path)),
                Shape::Settings(_) => false,
            };
            if found && f.output {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = Vec::new();
    let shape = shape_of(connector)?;
    (find(shape.root, key, &mut path) && path.join(".") != key).then(|| path.join("."))
}

/// Flat options (`(key, value)`, in any order) in Arroyo's stored shape for `connector`;
/// the options of a connector without an Arroyo profile shape stay as they are. Values are
/// written as given: the caller redacts secrets first.
pub(crate) fn write_arroyo(connector: &str, mut options: Vec<(String, Value)>) -> Value {
    let Some(shape) = shape_of(connector) else {
        return Value::Object(options.into_iter().collect());
    };
    let mut out = Map::new();
    write_fields(shape.root, &mut options, &mut out);
    Value::Object(out)
}

/// Moves the options `fields` describe out of `options` into `out`, in Arroyo's shape.
fn write_fields(
    fields: &[Field],
    options: &mut Vec<(String, Value)>,
    out: &mut Map<String, Value>,
) {
    for f in fields.iter().filter(|f| f.output) {
        if let Some(v) = write_shape(&f.shape, options) {
            out.insert(f.json.to_string(), v);
        }
    }
}

fn take(options: &mut Vec<(String, Value)>, key: &str) -> Option<Value> {
    let i = options.iter().position(|(k, _)| k == key)?;
    Some(options.remove(i).1)
}

fn write_shape(shape: &Shape, options: &mut Vec<(String, Value)>) -> Option<Value> {
    match shape {
        Shape::Leaf(key, kind) => take(options, key).map(|v| typed_value(v, *kind)),
        Shape::Object(fields) => {
            let mut m = Map::new();
            write_fields(fields, options, &mut m);
            (!m.is_empty()).then_some(Value::Object(m))
        }
        Shape::OneOf { tag, variants } => {
            let chosen = match tag {
                Some(tag) => {
                    let written = take(options, tag);
                    let name = written.as_ref().and_then(Value::as_str).unwrap_or("");
                    variants
                        .iter()
                        .find(|v| v.tag_value.eq_ignore_ascii_case(name))
                        .or_else(|| variants.first())
                }
                None => variants.iter().find(|v| {
                    v.fields.first().is_some_and(|f| match &f.shape {
                        Shape::Leaf(k, _) => options.iter().any(|(o, _)| o == k),
                        _ => false,
                    })
                }),
            }?;
            let mut m = Map::new();
            write_fields(chosen.fields, options, &mut m);
            Some(Value::Object(m))
        }
        Shape::Settings(prefix) => {
            let mut m = Map::new();
            options.retain(|(k, v)| match k.strip_prefix(prefix) {
                Some(name) => {
                    m.insert(name.to_string(), v.clone());
                    false
                }
                None => true,
            });
            (!m.is_empty()).then_some(Value::Object(m))
        }
    }
}

/// A flat value (numbers and booleans may be written as strings, lists as `'a, b'`) as the
/// JSON type Arroyo's shape has.
fn typed_value(v: Value, kind: Kind) -> Value {
    match (kind, &v) {
        (Kind::Int, Value::String(s)) => s
            .trim()
            .parse::<u64>()
            .map_or(v.clone(), |n| Value::Number(n.into())),
        (Kind::Bool, Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Value::Bool(true),
            "false" | "no" => Value::Bool(false),
            _ => v,
        },
        (Kind::List, Value::String(s)) => Value::Array(
            s.split(',')
                .map(|p| Value::String(p.trim().to_string()))
                .filter(|p| p.as_str().is_some_and(|p| !p.is_empty()))
                .collect(),
        ),
        (Kind::Str, Value::Number(n)) => Value::String(n.to_string()),
        _ => v,
    }
}

#[cfg(test)]
mod tests;

/// Arroyo's shape of `connector`'s profile as a JSON Schema (for `GET /v1/connectors`'s
/// `connection_config`): `leaf` gives the schema of a flat option and `required` whether
/// a variant needs it; `None` for a connector without a shape.
pub(crate) fn json_schema(
    connector: &str,
    leaf: &dyn Fn(&str) -> Value,
    required: &dyn Fn(&str) -> bool,
) -> Option<Value> {
    let shape = shape_of(connector)?;
    Some(object_schema(shape.root, leaf, required, false))
}

fn object_schema(
    fields: &[Field],
    leaf: &dyn Fn(&str) -> Value,
    required: &dyn Fn(&str) -> bool,
    variant: bool,
) -> Value {
    let mut properties = Map::new();
    let mut needed = Vec::new();
    for f in fields.iter().filter(|f| f.output) {
        if let Shape::Leaf(key, _) = &f.shape {
            if required(key) {
                needed.push(f.json);
            }
        }
        properties.insert(f.json.to_string(), shape_schema(&f.shape, leaf, required));
    }
    let mut o = json!({"type": "object", "properties": properties});
    if !needed.is_empty() {
        set(&mut o, "required", json!(needed));
    }
    if variant {
        // A variant is told apart by its keys, as Arroyo's `oneOf` branches are.
        set(&mut o, "additionalProperties", json!(false));
    }
    o
}

fn shape_schema(
    shape: &Shape,
    leaf: &dyn Fn(&str) -> Value,
    required: &dyn Fn(&str) -> bool,
) -> Value {
    match shape {
        Shape::Leaf(key, kind) => {
            let mut v = leaf(key);
            // Arroyo's JSON type wins over the flat option's (a list written as text).
            match kind {
                Kind::Str => {}
                Kind::Int => set(&mut v, "type", json!("integer")),
                Kind::Bool => set(&mut v, "type", json!("boolean")),
                Kind::List => {
                    set(&mut v, "type", json!("array"));
                    set(&mut v, "items", json!({"type": "string"}));
                }
            }
            v
        }
        Shape::Object(fields) => object_schema(fields, leaf, required, false),
        Shape::OneOf { variants, .. } => {
            let branches: Vec<Value> = variants
                .iter()
                .map(|v| {
                    let mut o = object_schema(v.fields, leaf, required, true);
                    set(&mut o, "title", json!(v.title));
                    o
                })
                .collect();
            json!({ "oneOf": branches })
        }
        Shape::Settings(_) => json!({
            "type": "object",
            "additionalProperties": {"type": "string"},
        }),
    }
}

/// Sets `key` of a JSON object (the schemas built here always are objects).
fn set(v: &mut Value, key: &str, value: Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.to_string(), value);
    }
}
