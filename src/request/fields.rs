//! `schema.fields`: columns in Arroyo's `SourceField` shape or in arrow-schema's serde
//! shape (our own output).

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};

use crate::diagnostics::codes;
use crate::json::MAX_DEPTH;
use crate::options::grammar::did_you_mean;
use crate::parse::types::{json_metadata, sql_name, MAX_TYPE_NESTING};
use crate::parse::{ColumnDef, ColumnKind, ColumnType, NotCarried};
use crate::schema::expand::{JSON_EXTENSION_KEY, JSON_EXTENSION_NAME};
use crate::span::{Span, Spanned};

use super::lower::{kind_of, quoted, Kids, Lowerer, Node, Scalar};

/// The keys of a field in Arroyo's `SourceField` shape.
const SOURCE_FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "required",
    "nullable",
    "metadata_key",
    "sql_name",
    "precision",
    "scale",
    "unit",
    "fields",
    "items",
];

/// The `SourceField` type names.
const FIELD_TYPES: &[&str] = &[
    "int32",
    "int64",
    "uint32",
    "uint64",
    "float32",
    "f32",
    "float64",
    "f64",
    "decimal128",
    "bool",
    "string",
    "utf8",
    "bytes",
    "binary",
    "timestamp",
    "json",
    "struct",
    "list",
];

impl Lowerer<'_> {
    pub(super) fn fields(
        &mut self,
        node: &Node,
        metadata: &[(Spanned<String>, Spanned<String>)],
    ) -> Option<Spanned<Vec<ColumnDef>>> {
        let items = self.items(node, "`schema.fields`", codes::INVALID_REQUEST)?;
        let mut cols = Vec::new();
        for item in items {
            let Some(members) = item.members() else {
                let found = kind_of(&self.scalar(&item));
                self.invalid(
                    item.span,
                    format!("a field must be an object, found {found}"),
                );
                continue;
            };
            let col = if members.iter().any(|(k, _)| k == "data_type") {
                self.arrow_field(&item)
            } else {
                self.source_field(&item)
            };
            if let Some(mut col) = col {
                if let Some((_, key)) = metadata.iter().find(|(f, _)| f.node == col.name.node) {
                    col.kind = ColumnKind::Metadata {
                        key: key.clone(),
                        is_virtual: false,
                        span: key.span,
                    };
                }
                cols.push(col);
            }
        }
        for (f, _) in metadata {
            if !cols.iter().any(|c| c.name.node == f.node) {
                self.error(
                    codes::UNKNOWN_COLUMN,
                    f.span,
                    format!("metadata field `{}` is not in `schema.fields`", f.node),
                );
            }
        }
        (!cols.is_empty()).then(|| Spanned::new(cols, node.span))
    }

    /// A field in arrow-schema's serde shape (our output): `{"name", "data_type",
    /// "nullable", "metadata"}`; `dict_id` and `dict_is_ordered` may be left out.
    pub(super) fn arrow_field(&mut self, node: &Node) -> Option<ColumnDef> {
        let mut value: serde_json::Value = serde_json::from_str(self.slice(node.span)).ok()?;
        fill_field_defaults(&mut value, 0);
        let field: Field = match serde_json::from_value(value) {
            Ok(f) => f,
            Err(e) => {
                let span = node
                    .members()
                    .and_then(|m| m.into_iter().find(|(k, _)| k == "data_type"))
                    .map(|(_, n)| n.span)
                    .unwrap_or(node.span);
                // serde lists every Arrow type; name the nearest one instead.
                let full = e.to_string();
                let (message, help) = match full.split_once(", expected one of ") {
                    Some((head, list)) => {
                        let variants: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
                        let found = head.split('`').nth(1).unwrap_or("");
                        let help = did_you_mean(found, variants.iter().copied())
                            .map(|s| format!("did you mean `{s}`?"));
                        (head.to_string(), help)
                    }
                    None => (full, None),
                };
                let help = help.unwrap_or_else(|| "write the field as our output does, e.g. {\"name\": \"id\", \"data_type\": \"Int64\", \"nullable\": false}, or as {\"name\": \"id\", \"type\": \"int64\"}".to_string());
                self.error(
                    codes::UNKNOWN_TYPE,
                    span,
                    format!("invalid Arrow field: {message}"),
                )
                .help(help);
                return None;
            }
        };
        let members = node.members().unwrap_or_default();
        let name_span = members
            .iter()
            .find(|(k, _)| k == "name")
            .map(|(_, n)| n.span)
            .unwrap_or(node.span);
        let type_span = members
            .iter()
            .find(|(k, _)| k == "data_type")
            .map(|(_, n)| n.span)
            .unwrap_or(node.span);
        let nullable_span = members
            .iter()
            .find(|(k, _)| k == "nullable")
            .map(|(_, n)| n.span);
        let json = field.metadata().get(JSON_EXTENSION_KEY).map(String::as_str)
            == Some(JSON_EXTENSION_NAME);
        let not_carried =
            first_not_carried(field.data_type(), 0).map(|(sql, instead)| NotCarried {
                span: type_span,
                sql,
                instead,
            });
        Some(ColumnDef {
            name: Spanned::new(field.name().clone(), name_span),
            ty: Some(ColumnType {
                data_type: field.data_type().clone(),
                json,
                span: type_span,
                not_carried,
            }),
            not_null: (!field.is_nullable()).then(|| nullable_span.unwrap_or(type_span)),
            nullable: None,
            primary_key: None,
            kind: ColumnKind::Physical,
            span: node.span,
        })
    }

    /// A field in Arroyo's `SourceField` shape: `{"name": "id", "type": "int64",
    /// "required": true}`, with the type's own keys beside `type`.
    pub(super) fn source_field(&mut self, node: &Node) -> Option<ColumnDef> {
        let members = self.members(node, "a field", SOURCE_FIELD_KEYS)?;
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let name = match get("name") {
            Some(n) => self.string(&n, "name"),
            None => {
                self.invalid(Self::brace(node), "a field has no `name`");
                None
            }
        };
        let ty = self.field_type(node, &members, 0);
        let not_null = self.nullability(&members);
        let kind = match get("metadata_key") {
            Some(k) if !matches!(self.scalar(&k), Scalar::Null) => {
                let key = self.string(&k, "metadata_key")?;
                ColumnKind::Metadata {
                    span: k.key.union(k.span),
                    key,
                    is_virtual: false,
                }
            }
            _ => ColumnKind::Physical,
        };
        let (dt, json, type_span) = ty?;
        Some(ColumnDef {
            name: name?,
            ty: Some(ColumnType {
                data_type: dt,
                json,
                span: type_span,
                not_carried: None,
            }),
            not_null,
            nullable: None,
            primary_key: None,
            kind,
            span: node.span,
        })
    }

    /// `Some(span)` when the field is NOT NULL (`"required": true` or `"nullable": false`).
    pub(super) fn nullability(&mut self, members: &[(String, Node)]) -> Option<Span> {
        let mut not_null: Option<(bool, Span)> = None;
        for (k, v) in members {
            let flip = match k.as_str() {
                "required" => false,
                "nullable" => true,
                _ => continue,
            };
            match self.scalar(v) {
                Scalar::Bool(b) => {
                    let nn = b != flip;
                    if let Some((prev, _)) = not_null {
                        if prev != nn {
                            self.invalid(v.span, "`required` and `nullable` contradict each other")
                                .help("give one of them");
                        }
                    }
                    not_null = Some((nn, v.span));
                }
                Scalar::Null => {}
                other => {
                    let found = kind_of(&other);
                    self.invalid(v.span, format!("`{k}` must be a boolean, found {found}"));
                }
            }
        }
        not_null.filter(|(nn, _)| *nn).map(|(_, s)| s)
    }

    /// The type of a `SourceField` (or list item, or the object under `type`): the
    /// Arrow type, whether it is JSON, and the span to report it at.
    pub(super) fn field_type(
        &mut self,
        node: &Node,
        members: &[(String, Node)],
        depth: usize,
    ) -> Option<(DataType, bool, Span)> {
        if depth > MAX_TYPE_NESTING {
            self.error(
                codes::TOO_DEEP,
                node.span,
                format!("the type nests deeper than {MAX_TYPE_NESTING} levels"),
            );
            return None;
        }
        let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, n)| *n);
        let Some(t) = get("type") else {
            self.invalid(Self::brace(node), "a field has no `type`")
                .help(format!(
                    "add e.g. \"type\": \"int64\"; types are {}",
                    quoted(FIELD_TYPES)
                ));
            return None;
        };
        // `"type": {"type": "decimal128", "precision": 10, "scale": 2}`.
        if t.members().is_some() {
            let inner = self.members(
                &t,
                "a type",
                &[
                    "type",
                    "precision",
                    "scale",
                    "unit",
                    "fields",
                    "items",
                    "sql_name",
                ],
            )?;
            return self.field_type(&t, &inner, depth + 1);
        }
        let name = self.string(&t, "type")?;
        let span = t.span;
        let lower = name.node.to_ascii_lowercase();
        let dt = match lower.as_str() {
            "int32" => DataType::Int32,
            "int64" => DataType::Int64,
            "uint32" => DataType::UInt32,
            "uint64" => DataType::UInt64,
            "float32" | "f32" => DataType::Float32,
            "float64" | "f64" => DataType::Float64,
            "bool" => DataType::Boolean,
            "string" | "utf8" => DataType::Utf8,
            "bytes" | "binary" => DataType::Binary,
            "json" => return Some((DataType::Utf8, true, span)),
            "decimal128" => {
                let p = get("precision").map(|n| (self.scalar(&n), n.span));
                let s = get("scale").map(|n| (self.scalar(&n), n.span));
                let (Some((Scalar::Number(p), ps)), Some((Scalar::Number(s), ss))) = (p, s) else {
                    self.invalid(
                        span,
                        "a `decimal128` field needs integer `precision` and `scale`",
                    )
                    .help("write e.g. {\"type\": \"decimal128\", \"precision\": 10, \"scale\": 2}");
                    return None;
                };
                let precision = p.parse::<u8>().ok().filter(|p| (1..=38).contains(p));
                let scale = s.parse::<i8>().ok().filter(|s| {
                    *s >= 0 && precision.is_some_and(|p| i16::from(*s) <= i16::from(p))
                });
                match (precision, scale) {
                    (Some(p), Some(s)) => DataType::Decimal128(p, s),
                    _ => {
                        self.error(
                            codes::DECIMAL_RANGE,
                            ps.union(ss),
                            format!("decimal precision {p} and scale {s} are out of range"),
                        )
                        .help("precision must be 1 to 38, and scale 0 to the precision");
                        return None;
                    }
                }
            }
            "timestamp" => {
                let unit = match get("unit") {
                    None => TimeUnit::Millisecond,
                    Some(u) => {
                        let u = self.string(&u, "unit")?;
                        match u.node.to_ascii_lowercase().as_str() {
                            "second" | "s" => TimeUnit::Second,
                            "millisecond" | "ms" => TimeUnit::Millisecond,
                            "microsecond" | "us" | "µs" => TimeUnit::Microsecond,
                            "nanosecond" | "ns" => TimeUnit::Nanosecond,
                            other => {
                                let units = ["second", "millisecond", "microsecond", "nanosecond"];
                                let help = match did_you_mean(other, units) {
                                    Some(s) => format!("did you mean `{s}`?"),
                                    None => format!("units are {}", quoted(&units)),
                                };
                                self.error(
                                    codes::TIMESTAMP_PRECISION,
                                    u.span,
                                    format!("unknown timestamp unit `{}`", u.node),
                                )
                                .help(help);
                                return None;
                            }
                        }
                    }
                };
                DataType::Timestamp(unit, None)
            }
            "struct" => {
                let Some(fields) = get("fields") else {
                    self.invalid(span, "a `struct` field needs `fields`");
                    return None;
                };
                let Kids::Array(items) = fields.kids() else {
                    self.invalid(fields.span, "`fields` must be an array of fields");
                    return None;
                };
                let mut out: Vec<Field> = Vec::new();
                for item in items {
                    let Some(m) = self.members(&item, "a field", SOURCE_FIELD_KEYS) else {
                        continue;
                    };
                    let name = match m.iter().find(|(k, _)| k == "name") {
                        Some((_, n)) => self.string(n, "name"),
                        None => {
                            self.invalid(Self::brace(&item), "a field has no `name`");
                            None
                        }
                    };
                    let ty = self.field_type(&item, &m, depth + 1);
                    let not_null = self.nullability(&m);
                    if let (Some(name), Some((dt, json, _))) = (name, ty) {
                        if out.iter().any(|f| f.name() == &name.node) {
                            self.error(
                                codes::STRUCT_FIELD,
                                name.span,
                                format!("struct field `{}` is declared twice", name.node),
                            );
                            continue;
                        }
                        out.push(make_field(&name.node, dt, json, not_null.is_none()));
                    }
                }
                DataType::Struct(Fields::from(out))
            }
            "list" => {
                let Some(items) = get("items") else {
                    self.invalid(span, "a `list` field needs `items`");
                    return None;
                };
                let (dt, json, nullable) = match items.kids() {
                    Kids::Object(_) => {
                        let m = self.members(
                            &items,
                            "list `items`",
                            &[
                                "name",
                                "type",
                                "required",
                                "nullable",
                                "sql_name",
                                "precision",
                                "scale",
                                "unit",
                                "fields",
                                "items",
                            ],
                        )?;
                        let ty = self.field_type(&items, &m, depth + 1);
                        let not_null = self.nullability(&m);
                        let (dt, json, _) = ty?;
                        (dt, json, not_null.is_none())
                    }
                    _ => {
                        // `"items": "int64"`: a nullable item of that type.
                        let m = vec![("type".to_string(), items)];
                        let (dt, json, _) = self.field_type(node, &m, depth + 1)?;
                        (dt, json, true)
                    }
                };
                DataType::List(Arc::new(make_field("item", dt, json, nullable)))
            }
            _ => {
                let help = match did_you_mean(&lower, FIELD_TYPES.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("field types are {}", quoted(FIELD_TYPES)),
                };
                self.error(
                    codes::UNKNOWN_TYPE,
                    span,
                    format!("unknown field type `{}`", name.node),
                )
                .help(help);
                return None;
            }
        };
        Some((dt, false, span))
    }
}

pub(super) fn make_field(name: &str, dt: DataType, json: bool, nullable: bool) -> Field {
    let f = Field::new(name, dt, nullable);
    if json {
        f.with_metadata(json_metadata())
    } else {
        f
    }
}

/// Adds the keys arrow-schema's serde needs but a person leaves out (`dict_id`,
/// `dict_is_ordered`, `metadata`, `nullable`) to every field object, nested ones too.
fn fill_field_defaults(v: &mut serde_json::Value, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            if m.contains_key("name") && m.contains_key("data_type") {
                m.entry("nullable").or_insert(serde_json::Value::Bool(true));
                m.entry("dict_id").or_insert(serde_json::Value::from(0));
                m.entry("dict_is_ordered")
                    .or_insert(serde_json::Value::Bool(false));
                m.entry("metadata")
                    .or_insert(serde_json::Value::Object(Default::default()));
            }
            for child in m.values_mut() {
                fill_field_defaults(child, depth + 1);
            }
        }
        serde_json::Value::Array(items) => {
            for child in items {
                fill_field_defaults(child, depth + 1);
            }
        }
        _ => {}
    }
}

/// The first part of an Arrow type that a connection table cannot carry: its SQL name
/// and what to use instead.
pub(super) fn first_not_carried(dt: &DataType, depth: usize) -> Option<(String, &'static str)> {
    use DataType as D;
    if depth > MAX_DEPTH {
        return None;
    }
    match dt {
        D::Boolean
        | D::Int32
        | D::Int64
        | D::UInt32
        | D::UInt64
        | D::Float32
        | D::Float64
        | D::Decimal128(_, _)
        | D::Utf8
        | D::Binary
        | D::Timestamp(_, None) => None,
        D::Struct(fields) => fields
            .iter()
            .find_map(|f| first_not_carried(f.data_type(), depth + 1)),
        D::List(f) | D::Map(f, _) => first_not_carried(f.data_type(), depth + 1),
        D::Int8 | D::Int16 => Some((sql_name(dt, false), "INT")),
        D::UInt8 | D::UInt16 => Some((sql_name(dt, false), "INT UNSIGNED")),
        D::Float16 => Some(("Float16".into(), "FLOAT")),
        D::Timestamp(_, Some(_)) | D::Date32 | D::Date64 => Some((format!("{dt}"), "TIMESTAMP")),
        D::LargeBinary | D::BinaryView | D::FixedSizeBinary(_) => Some((format!("{dt}"), "BYTEA")),
        _ => Some((format!("{dt}"), "TEXT")),
    }
}
