//! Table configs in Arroyo's stored shapes, as declarative maps between our flat WITH
//! options and the paths of Arroyo's JSON (`reference/arroyo-table-configs.md`).
//!
//! One map per connector serves both directions: a request whose `config` is in Arroyo's
//! shape is read into flat options through it (`request::arroyo`), and a compiled table's
//! options are written into Arroyo's shape through it (`arroyo::table`). So what one
//! direction accepts the other produces, and the round trip is the identity.
//!
//! **Invariant:** no connector logic here; only where each option lives in Arroyo's JSON,
//! how its value is spelled there, and how Arroyo tells the connection type apart.

mod files;
mod simple;
mod streams;
mod write;

pub(crate) use write::{table_config, Flat};

/// How a value is spelled in Arroyo's JSON, against our option grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Conv {
    /// A string, as is.
    Str,
    /// An integer.
    Int,
    /// A number (`f64` in Arroyo).
    Float,
    /// A boolean.
    Bool,
    /// A data size: bytes as an integer in Arroyo, `'128MB'` in SQL.
    Bytes,
    /// A duration: whole seconds in Arroyo.
    Secs,
    /// A duration: an integer of nanoseconds in Arroyo (impulse's `event_time_interval`,
    /// which Arroyo copies from the SQL integer).
    Nanos,
    /// A list: a JSON array of strings.
    List,
    /// A list: one comma-separated string in Arroyo.
    CommaList,
    /// A `'k=v,…'` map: a JSON object of strings in Arroyo.
    Map,
    /// An enum whose values Arroyo spells differently: `(ours, Arroyo's)` pairs.
    Enum(&'static [(&'static str, &'static str)]),
}

/// A node of Arroyo's JSON for one connector's table config.
#[derive(Debug)]
pub(crate) enum Shape {
    /// A value that is one WITH option.
    Leaf {
        /// Our option key.
        option: &'static str,
        /// How its value is spelled.
        conv: Conv,
        /// Arroyo always writes it (with our default when it is not written).
        always: bool,
    },
    /// An object of strings, member `k` being option `<prefix>k` (`storage.*`).
    Prefix(&'static str),
    /// An array, item `i` being option `<prefix>i` (`subscription_messages.0`, …).
    Indexed(&'static str),
    /// An object with these members.
    Object(&'static [Member]),
    /// Iceberg's partition fields, `[{"field", "transform", "arg0"?, "name"}]`: the table's
    /// `PARTITIONED BY (transform(field[, arg0]), …)` clause, not an option.
    PartitionFields,
    /// One of several objects, told apart by their keys alone (typify's untagged enums).
    Untagged(Union),
    /// One of several objects, told apart by the string in their member `tag` (serde's
    /// internally tagged enums).
    Tagged {
        /// The tag's key.
        tag: &'static str,
        /// The union.
        union: Union,
    },
}

/// A union of object variants; choosing a variant sets `option` to its value.
#[derive(Debug)]
pub(crate) struct Union {
    /// The option the choice sets (`type`, `target`), or `None` when the variants only
    /// decide which of their members are read (NATS JetStream or Core).
    pub option: Option<&'static str>,
    /// The variants, in the order a reader tries them.
    pub variants: &'static [Variant],
}

/// One variant of a [`Union`].
#[derive(Debug)]
pub(crate) struct Variant {
    /// The option value the variant stands for (`source`), also its tag when tagged. For a
    /// union without an option: an option key whose presence selects it on output.
    pub value: &'static str,
    /// Whether `{}` is this variant.
    pub empty: bool,
    /// Its members.
    pub members: &'static [Member],
}

/// A member of an object: Arroyo's key and what it holds.
#[derive(Debug)]
pub(crate) struct Member {
    /// The key in Arroyo's JSON.
    pub key: &'static str,
    /// What it holds.
    pub shape: Shape,
}

/// A connector's table config in Arroyo's shape.
#[derive(Debug)]
pub(crate) struct TableShape {
    /// The connector.
    pub connector: &'static str,
    /// The root object's members.
    pub root: &'static [Member],
    /// Arroyo writes every member, `null` when unset (its hand-written serde types), rather
    /// than leaving unset members out (its typify types).
    pub nulls: bool,
}

/// A string leaf.
pub(crate) const fn s(key: &'static str, option: &'static str) -> Member {
    leaf(key, option, Conv::Str)
}

/// A leaf with a spelling.
pub(crate) const fn leaf(key: &'static str, option: &'static str, conv: Conv) -> Member {
    Member {
        key,
        shape: Shape::Leaf {
            option,
            conv,
            always: false,
        },
    }
}

/// A leaf Arroyo always writes.
pub(crate) const fn always(key: &'static str, option: &'static str, conv: Conv) -> Member {
    Member {
        key,
        shape: Shape::Leaf {
            option,
            conv,
            always: true,
        },
    }
}

/// A member holding `shape`.
pub(crate) const fn member(key: &'static str, shape: Shape) -> Member {
    Member { key, shape }
}

/// A variant.
pub(crate) const fn variant(value: &'static str, members: &'static [Member]) -> Variant {
    Variant {
        value,
        empty: false,
        members,
    }
}

/// A variant that `{}` stands for.
pub(crate) const fn empty_variant(value: &'static str, members: &'static [Member]) -> Variant {
    Variant {
        value,
        empty: true,
        members,
    }
}

/// Every connector's table shape.
pub(crate) const SHAPES: &[&TableShape] = &[
    &streams::KAFKA,
    &streams::CONFLUENT,
    &streams::FLUVIO,
    &streams::KINESIS,
    &streams::MQTT,
    &streams::NATS,
    &streams::RABBITMQ,
    &streams::REDIS,
    &files::FILESYSTEM,
    &files::DELTA,
    &files::ICEBERG,
    &files::SINGLE_FILE,
    &simple::IMPULSE,
    &simple::NEXMARK,
    &simple::POLLING_HTTP,
    &simple::SSE,
    &simple::WEBHOOK,
    &simple::WEBSOCKET,
    &simple::BLACKHOLE,
    &simple::STDOUT,
];

/// The table shape of `connector`, if we know Arroyo's.
pub(crate) fn table_shape(connector: &str) -> Option<&'static TableShape> {
    SHAPES.iter().copied().find(|s| s.connector == connector)
}

impl Conv {
    /// Arroyo's spelling of our enum value `ours`.
    pub(crate) fn theirs(self, ours: &str) -> Option<&'static str> {
        match self {
            Conv::Enum(pairs) => pairs
                .iter()
                .find(|(o, _)| o.eq_ignore_ascii_case(ours))
                .map(|(_, t)| *t),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connector::Registry;

    /// Every option a shape names is one the connector (or its catalogue) reads, so the
    /// maps cannot drift from the catalogue.
    #[test]
    fn shapes_name_catalogue_options() {
        let registry = Registry::builtin();
        for shape in SHAPES {
            let Some(c) = registry.get(shape.connector) else {
                panic!("no connector {}", shape.connector);
            };
            let spec = c.spec();
            let mut keys = Vec::new();
            collect(shape.root, &mut keys);
            for key in keys {
                let known = key == "type" || spec.options().any(|o| o.key == key || o.matches(key));
                assert!(known, "{}: `{key}` is no option", shape.connector);
            }
        }
    }

    fn collect(members: &[Member], out: &mut Vec<&'static str>) {
        for m in members {
            match &m.shape {
                Shape::Leaf { option, .. } => out.push(option),
                Shape::Prefix(p) | Shape::Indexed(p) => out.push(p),
                Shape::PartitionFields => {}
                Shape::Object(ms) => collect(ms, out),
                Shape::Untagged(u) | Shape::Tagged { union: u, .. } => {
                    out.extend(u.option);
                    for v in u.variants {
                        collect(v.members, out);
                    }
                }
            }
        }
    }

    #[test]
    fn every_registered_connector_has_a_shape() {
        let registry = Registry::builtin();
        for name in registry.names() {
            assert!(table_shape(name).is_some(), "{name} has no Arroyo shape");
        }
    }
}
