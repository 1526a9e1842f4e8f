//! A request `config` in Arroyo's stored table-config shape (`{"topic": "t", "type":
//! {"offset": "earliest"}}`), read into the flat WITH options through the connector's map in
//! `arroyo::shapes`, so both shapes reach the same typed config and the same diagnostics.
//!
//! Every option keeps the span of the JSON key and value it came from. A key of Arroyo's
//! nesting that the map does not know is `option::unknown` at that key; a key at the top
//! level that the map does not know is passed on as a flat option (`format`,
//! `connection_profile`, the profile's own options), so the pipeline judges it as it judges
//! any WITH option.

use crate::arroyo::shapes::{table_shape, Conv, Member, Shape, TableShape, Union, Variant};
use crate::diagnostics::codes;
use crate::options::grammar::did_you_mean;
use crate::options::Value;
use crate::span::{Span, Spanned};

use super::lower::{kind_of, quoted, Kids, Lowerer, Node, Scalar};

/// The connector's Arroyo shape when `config` is written in it: a member holds an object,
/// or a top-level key is one only Arroyo's shape has (`value_subject`, `table_type`).
pub(super) fn arroyo_shape(connector: &str, config: &Node) -> Option<&'static TableShape> {
    let shape = table_shape(connector)?;
    let members = config.members()?;
    let shaped = members.iter().any(|(key, value)| {
        matches!(value.kids(), Kids::Object(_))
            || shape.root.iter().any(|m| {
                m.key == key.as_str()
                    && match &m.shape {
                        Shape::Leaf { option, .. } => option != key,
                        Shape::Prefix(_) | Shape::Indexed(_) => true,
                        _ => false,
                    }
            })
    });
    shaped.then_some(shape)
}

/// `a`, `a.b`: where a member sits, for messages.
fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        format!("config.{key}")
    } else {
        format!("{parent}.{key}")
    }
}

/// Finds the member for `key`: exactly, else ignoring case and `_` (`connector_type`).
fn find<'m>(members: &'m [Member], key: &str) -> Option<&'m Member> {
    let squash = |s: &str| s.replace('_', "").to_ascii_lowercase();
    members
        .iter()
        .find(|m| m.key == key)
        .or_else(|| members.iter().find(|m| squash(m.key) == squash(key)))
}

impl Lowerer<'_> {
    /// Lowers an Arroyo-shaped `config` into options.
    pub(super) fn arroyo_config(&mut self, shape: &'static TableShape, node: &Node) {
        match shape.root {
            // Iceberg: the root object is itself the tagged union.
            [Member { key: "", shape }] => self.arroyo_value(shape, node, "config", true),
            members => {
                let Some(kids) = self.unique_members(node, "config") else {
                    return;
                };
                self.arroyo_members(members, kids, "config", true);
            }
        }
    }

    /// An object's members in document order; a repeated key is reported and skipped.
    fn unique_members<'n>(
        &mut self,
        node: &Node<'n>,
        what: &str,
    ) -> Option<Vec<(String, Node<'n>)>> {
        let Some(members) = node.members() else {
            let found = kind_of(&self.scalar(node));
            self.error(
                codes::INVALID_VALUE,
                node.span,
                format!("`{what}` must be an object, found {found}"),
            );
            return None;
        };
        let mut out: Vec<(String, Node<'n>)> = Vec::with_capacity(members.len());
        // Key → where it was first given (a map: members are user-sized).
        let mut seen: std::collections::HashMap<String, Span> = std::collections::HashMap::new();
        for (key, value) in members {
            if let Some(first) = seen.get(&key).copied() {
                self.error(
                    codes::DUPLICATE_OPTION,
                    value.key,
                    format!("key `{key}` appears twice in `{what}`"),
                )
                .label(first, "first given here");
                continue;
            }
            seen.insert(key.clone(), value.key);
            out.push((key, value));
        }
        Some(out)
    }

    /// Reads `kids` against `members`. At the top level, keys the map does not know are
    /// flat options; below it they are unknown.
    fn arroyo_members(
        &mut self,
        members: &[Member],
        kids: Vec<(String, Node)>,
        at: &str,
        top: bool,
    ) {
        for (key, value) in kids {
            match find(members, &key) {
                Some(m) => self.arroyo_value(&m.shape, &value, &path(at, m.key), false),
                None if top => {
                    let v = self.option_value(&value);
                    self.push_option(&key, value.key, v);
                }
                None => self.unknown_key(&key, value.key, at, members.iter().map(|m| m.key)),
            }
        }
    }

    fn unknown_key<'k>(
        &mut self,
        key: &str,
        span: Span,
        at: &str,
        known: impl Iterator<Item = &'k str>,
    ) {
        let known: Vec<&str> = known.collect();
        let help = match did_you_mean(key, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if known.is_empty() => format!("`{at}` takes no keys"),
            None => format!("keys of `{at}`: {}", quoted(&known)),
        };
        self.error(
            codes::UNKNOWN_OPTION,
            span,
            format!("unknown key `{key}` in `{at}`"),
        )
        .help(help);
    }

    /// Reads one member's value; `at` is its path, for messages.
    fn arroyo_value(&mut self, shape: &Shape, node: &Node, at: &str, root: bool) {
        if matches!(self.scalar(node), Scalar::Null) {
            return; // Arroyo's optional members may be null: unset.
        }
        match shape {
            Shape::Leaf { option, conv, .. } => {
                let value = self.converted(node, *conv);
                self.push_option(option, node.key, value);
            }
            Shape::Prefix(prefix) => {
                let Some(kids) = self.unique_members(node, at) else {
                    return;
                };
                for (k, v) in kids {
                    let value = self.option_value(&v);
                    self.push_option(&format!("{prefix}{k}"), v.key, value);
                }
            }
            Shape::Indexed(prefix) => {
                let Some(items) = self.items(node, &format!("`{at}`"), codes::INVALID_VALUE) else {
                    return;
                };
                for (i, item) in items.iter().enumerate() {
                    let value = self.option_value(item);
                    self.push_option(&format!("{prefix}{i}"), node.key, value);
                }
            }
            Shape::PartitionFields => self.partition_fields(node, at),
            Shape::Object(members) => {
                if let Some(kids) = self.unique_members(node, at) {
                    self.arroyo_members(members, kids, at, false);
                }
            }
            // A union written as its variant's name (`"type": "source"`, the flat map's
            // spelling) is that option, so the two shapes mix.
            Shape::Untagged(Union {
                option: Some(option),
                ..
            })
            | Shape::Tagged {
                union:
                    Union {
                        option: Some(option),
                        ..
                    },
                ..
            } if matches!(self.scalar(node), Scalar::String(_)) => {
                let value = self.option_value(node);
                self.push_option(option, node.key, value);
            }
            Shape::Untagged(union) => self.untagged(union, node, at, root),
            Shape::Tagged { tag, union } => self.tagged(tag, union, node, at, root),
        }
    }

    /// Arroyo's value as an option value of our grammar.
    fn converted(&mut self, node: &Node, conv: Conv) -> Spanned<Value> {
        let number = match self.scalar(node) {
            Scalar::Number(n) => Some(n),
            _ => None,
        };
        let with_unit = |unit: &str| number.as_ref().map(|n| Value::String(format!("{n}{unit}")));
        let value = match conv {
            Conv::Bytes => with_unit(""),
            Conv::Secs => with_unit("s"),
            Conv::Nanos => with_unit("ns"),
            Conv::Map => self.map_value(node),
            _ => None,
        };
        match value {
            Some(v) => Spanned::new(v, node.span),
            None => self.option_value(node),
        }
    }

    /// `{"k": "v", …}` as the `'k=v,…'` text the map grammar reads.
    fn map_value(&mut self, node: &Node) -> Option<Value> {
        let members = node.members()?;
        let mut entries = Vec::with_capacity(members.len());
        for (k, v) in members {
            match self.scalar(&v) {
                Scalar::String(s) => entries.push(format!("{k}={s}")),
                other => {
                    let found = kind_of(&other);
                    self.error(
                        codes::INVALID_VALUE,
                        v.span,
                        format!("the value of `{k}` must be a string, found {found}"),
                    );
                }
            }
        }
        Some(Value::String(entries.join(",")))
    }

    /// An untagged union: the variant is the one whose keys hold every key written.
    fn untagged(&mut self, union: &Union, node: &Node, at: &str, root: bool) {
        let Some(kids) = self.unique_members(node, at) else {
            return;
        };
        let all = || {
            union
                .variants
                .iter()
                .flat_map(|v| v.members.iter().map(|m| m.key))
        };
        let mut known = Vec::with_capacity(kids.len());
        for (key, value) in kids {
            if matches!(self.scalar(&value), Scalar::Null) {
                continue;
            }
            if union
                .variants
                .iter()
                .any(|v| find(v.members, &key).is_some())
            {
                known.push((key, value));
            } else if root {
                let v = self.option_value(&value);
                self.push_option(&key, value.key, v);
            } else {
                let names: Vec<&str> = all().collect();
                self.unknown_key(&key, value.key, at, names.into_iter());
            }
        }
        // The variant holding most of the keys written (the first such): a key of another
        // variant is then one mistake, reported at that key.
        let holds = |v: &Variant| {
            known
                .iter()
                .filter(|(k, _)| find(v.members, k).is_some())
                .count()
        };
        let chosen = if known.is_empty() {
            union.variants.iter().find(|v| v.empty)
        } else {
            union
                .variants
                .iter()
                .fold(None, |best: Option<&Variant>, v| match best {
                    Some(b) if holds(b) >= holds(v) => Some(b),
                    _ => Some(v),
                })
        };
        let Some(chosen) = chosen else {
            let described = describe_variants(union.variants);
            self.error(
                codes::MISSING_OPTION,
                node.span,
                format!("`{at}` is empty, so it does not say which kind of table this is"),
            )
            .help(format!("write the settings of one: {described}"));
            self.undecided = union.option;
            return;
        };
        let (known, others): (Vec<_>, Vec<_>) = known
            .into_iter()
            .partition(|(k, _)| find(chosen.members, k).is_some());
        for (key, value) in others {
            let of = union
                .variants
                .iter()
                .find(|v| find(v.members, &key).is_some())
                .map_or("another kind of table", |v| v.value);
            self.error(
                codes::OPTION_CONFLICT,
                value.key,
                format!(
                    "`{key}` is a setting of a {of}, but the other keys of `{at}` make it a {}",
                    chosen.value
                ),
            )
            .help(format!(
                "keep the settings of one: {}",
                describe_variants(union.variants)
            ));
        }
        if let Some(option) = union.option {
            self.push_option(
                option,
                node.key,
                Spanned::new(Value::String(chosen.value.to_string()), node.span),
            );
        }
        self.arroyo_members(chosen.members, known, at, false);
    }

    /// An internally tagged union: the variant is named by the string under `tag`.
    fn tagged(&mut self, tag: &str, union: &Union, node: &Node, at: &str, root: bool) {
        let Some(kids) = self.unique_members(node, at) else {
            return;
        };
        let tag_node = kids.iter().find(|(k, _)| k == tag).map(|(_, n)| *n);
        let tag_value = match tag_node {
            Some(t) => match self.scalar(&t) {
                Scalar::String(s) => Some((s, t)),
                other => {
                    let found = kind_of(&other);
                    self.error(
                        codes::INVALID_VALUE,
                        t.span,
                        format!("`{}` must be a string, found {found}", path(at, tag)),
                    );
                    None
                }
            },
            None => {
                let values: Vec<&str> = union.variants.iter().map(|v| v.value).collect();
                self.error(
                    codes::MISSING_OPTION,
                    Lowerer::brace(node),
                    format!("`{at}` has no `{tag}`"),
                )
                .help(format!("add \"{tag}\": one of {}", quoted(&values)));
                self.undecided = union.option;
                None
            }
        };
        if let (Some(option), Some((value, t))) = (union.option, &tag_value) {
            self.push_option(
                option,
                t.key,
                Spanned::new(Value::String(value.clone()), t.span),
            );
        }
        let chosen = tag_value.as_ref().and_then(|(v, _)| {
            union
                .variants
                .iter()
                .find(|x| x.value.eq_ignore_ascii_case(v))
        });
        let rest: Vec<(String, Node)> = kids.into_iter().filter(|(k, _)| k != tag).collect();
        match chosen {
            Some(v) => self.arroyo_members(v.members, rest, at, root),
            // An unknown tag is reported by the option's allowed values; the members are
            // still read, against every variant, so their own mistakes show too.
            None => {
                for (key, value) in rest {
                    let m = union.variants.iter().find_map(|v| find(v.members, &key));
                    match m {
                        Some(m) => self.arroyo_value(&m.shape, &value, &path(at, m.key), false),
                        None => {
                            let names: Vec<&str> = union
                                .variants
                                .iter()
                                .flat_map(|v| v.members.iter().map(|m| m.key))
                                .collect();
                            self.unknown_key(&key, value.key, at, names.into_iter());
                        }
                    }
                }
            }
        }
    }
}

impl Lowerer<'_> {
    /// Iceberg's partition fields as the `PARTITIONED BY` clause they stand for: each item
    /// `{"field": "c", "transform": "bucket", "arg0": 16}` is `bucket(c, 16)`, parsed by the
    /// SQL front end, its spans moved to the item so the connector's checks point there.
    fn partition_fields(&mut self, node: &Node, at: &str) {
        let Some(items) = self.items(node, &format!("`{at}`"), codes::INVALID_VALUE) else {
            return;
        };
        let mut texts = Vec::with_capacity(items.len());
        let mut spans = Vec::with_capacity(items.len());
        for item in &items {
            if let Some(text) = self.partition_field(item, at) {
                texts.push(text);
                spans.push(item.span);
            }
        }
        if texts.is_empty() {
            return;
        }
        let sql = format!("CREATE TABLE t PARTITIONED BY ({})", texts.join(", "));
        let script = crate::parse::parse_script(&sql);
        let exprs = match script.statements.into_iter().next() {
            Some(crate::parse::Statement::CreateTable(def)) if script.diagnostics.is_empty() => {
                def.partitioned_by.map(|p| p.node).unwrap_or_default()
            }
            _ => {
                self.error(
                    codes::INVALID_VALUE,
                    node.span,
                    format!("`{at}` does not read as partition transforms"),
                );
                return;
            }
        };
        let exprs = exprs
            .into_iter()
            .zip(spans)
            .map(|(mut e, span)| {
                e.span = span;
                for c in &mut e.columns {
                    c.name.span = span;
                }
                e
            })
            .collect();
        self.partitioned_by = Some(Spanned::new(exprs, node.span));
    }

    /// One partition field as SQL text, or `None` (reported).
    fn partition_field(&mut self, item: &Node, at: &str) -> Option<String> {
        let kids = self.unique_members(item, &format!("{at}[]"))?;
        let get = |k: &str| kids.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        for (key, value) in &kids {
            if !["name", "field", "transform", "arg0"].contains(&key.as_str()) {
                self.unknown_key(
                    key,
                    value.key,
                    &format!("{at}[]"),
                    ["name", "field", "transform", "arg0"].into_iter(),
                );
            }
        }
        let word = |s: &str| {
            s.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        let mut text = |key: &str| -> Option<String> {
            let Some(n) = get(key) else {
                self.error(
                    codes::MISSING_OPTION,
                    Lowerer::brace(item),
                    format!("a partition field has no `{key}`"),
                )
                .help(
                    "write e.g. {\"field\": \"user_id\", \"transform\": \"bucket\", \"arg0\": 16}",
                );
                return None;
            };
            match self.scalar(&n) {
                Scalar::String(s) if word(&s) => Some(s),
                Scalar::String(s) if key == "field" => {
                    Some(format!("\"{}\"", s.replace('"', "\"\"")))
                }
                other => {
                    let found = match other {
                        Scalar::String(_) => "a string that is not a name",
                        o => kind_of(&o),
                    };
                    self.error(
                        codes::INVALID_VALUE,
                        n.span,
                        format!("`{key}` of a partition field must be a name, found {found}"),
                    );
                    None
                }
            }
        };
        let field = text("field");
        let transform = text("transform");
        let arg = match get("arg0") {
            None => None,
            Some(n) => match self.scalar(&n) {
                Scalar::Null => None,
                Scalar::Number(x) if x.chars().all(|c| c.is_ascii_digit()) => Some(x),
                other => {
                    let found = kind_of(&other);
                    self.error(
                        codes::INVALID_VALUE,
                        n.span,
                        format!(
                            "`arg0` of a partition field must be a whole number, found {found}"
                        ),
                    );
                    return None;
                }
            },
        };
        let (field, transform) = (field?, transform?);
        Some(match arg {
            Some(a) => format!("{transform}({field}, {a})"),
            None => format!("{transform}({field})"),
        })
    }
}

/// `source (`offset`, `read_mode`), sink (`commit_mode`)` for help texts.
fn describe_variants(variants: &[Variant]) -> String {
    variants
        .iter()
        .map(|v| {
            let keys: Vec<&str> = v.members.iter().map(|m| m.key).collect();
            if keys.is_empty() {
                format!("{} ({{}})", v.value)
            } else {
                format!("{} ({})", v.value, quoted(&keys))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
