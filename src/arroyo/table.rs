//! A compiled table as Arroyo's `ConnectionTable` (`GET /v1/connection_tables`,
//! `reference/arroyo-profiles.md` §9.1): its config in Arroyo's table shape, its profile as
//! Arroyo's `ConnectionProfile`, its schema as Arroyo's `ConnectionSchema`.
//!
//! **Invariant:** secrets stay redacted unless the view asks for them
//! ([`View::with_secrets`], the storage form): the table's options are the redacted ones,
//! and a profile's sensitive values are masked before its config is shaped.

use std::collections::{HashMap, HashSet};

use arrow_schema::{DataType, Field, TimeUnit};
use serde_json::{json, Map, Value as Json};

use super::shapes::{table_config, table_shape, Flat};
use super::View;
use crate::compile::{Connection, Env};
use crate::connector::ConnectorSpec;
use crate::options::Value;
use crate::profile::ConnectionProfile;
use crate::schema::definition::{SchemaDefinition, SchemaKind};
use crate::schema::expand::JSON_EXTENSION_NAME;
use crate::schema::format::{BadData, Format, Framing};
use crate::schema::ConnectionSchema;

/// What a redacted secret prints as.
const REDACTED: &str = "********";

/// The `ConnectionTable` of `table`.
pub(super) fn connection_table(table: &Connection, env: &Env<'_>, view: &View<'_>) -> Json {
    let spec = env.registry.get(&table.connector).map(|c| c.spec());
    let options = options_of(table, view);
    let config = match (table_shape(&table.connector), spec) {
        (Some(shape), Some(spec)) => table_config(
            shape,
            &Flat::new(options, &table.partitioned_by, table.connection_type, spec),
        ),
        // A connector Arroyo does not have: our own typed config is the best shape there is.
        _ => table.config.table.json(),
    };
    json!({
        "id": view.ids.next_id("ct"),
        "name": table.name,
        "created_at": view.created_at_micros(),
        "connector": table.connector,
        "connection_profile": profile(table, env, view, spec),
        "table_type": table.connection_type.as_str(),
        "config": config,
        "schema": schema(&table.schema),
        "consumers": 0,
    })
}

/// The table's WITH options: as written, secrets included, for the storage form; redacted
/// otherwise.
fn options_of<'a>(table: &'a Connection, view: &View<'_>) -> &'a [(String, Value)] {
    if view.secrets {
        &table.written.options
    } else {
        &table.options
    }
}

/// The table's profile as Arroyo's `ConnectionProfile`: the named one, or one made of the
/// connection options written in the table itself; `null` when it has neither.
fn profile(
    table: &Connection,
    env: &Env<'_>,
    view: &View<'_>,
    spec: Option<&'static ConnectorSpec>,
) -> Json {
    let spec = match spec {
        Some(s) if s.has_profile() => s,
        _ => return Json::Null,
    };
    let (id, name, config, description) = match &table.connection_profile {
        Some(name) => {
            let Ok(p) = env.profiles.resolve(name) else {
                return Json::Null;
            };
            let ConnectionProfile {
                id,
                name,
                config,
                description,
                ..
            } = p;
            let config = if view.secrets {
                config
            } else {
                redacted_profile(config, spec)
            };
            (
                id.unwrap_or_else(|| name.clone()),
                name,
                config,
                description,
            )
        }
        None => {
            let config: Map<String, Json> = options_of(table, view)
                .iter()
                .filter(|(k, _)| spec.profile_options.iter().any(|o| o.matches(k)))
                .map(|(k, v)| (k.clone(), option_json(v)))
                .collect();
            if config.is_empty() {
                return Json::Null;
            }
            (view.ids.next_id("cp"), table.name.clone(), config, None)
        }
    };
    json!({
        "id": id,
        "name": name,
        "connector": table.connector,
        "config": super::profiles::profile_config_to_arroyo(&table.connector, &config),
        "description": description.unwrap_or_default(),
    })
}

/// A profile's flat config with its sensitive values masked (placeholders stay: they are
/// no secret) and credentials inside other values redacted.
fn redacted_profile(mut config: Map<String, Json>, spec: &ConnectorSpec) -> Map<String, Json> {
    for (key, value) in config.iter_mut() {
        let sensitive = spec
            .profile_options
            .iter()
            .any(|o| o.sensitive && o.matches(key))
            || crate::profile::is_secret_setting(key);
        let placeholder = value
            .as_str()
            .is_some_and(crate::options::placeholder::is_placeholder);
        if sensitive && !placeholder && !value.is_null() {
            *value = Json::String(REDACTED.into());
        }
    }
    let mut v = Json::Object(config);
    crate::profile::redact_json(&mut v, &[]);
    match v {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

/// A WITH option value as JSON.
fn option_json(v: &Value) -> Json {
    match v {
        Value::String(s) | Value::Ident(s) | Value::Expr(s) => Json::String(s.clone()),
        Value::Number(n) => serde_json::from_str(n).unwrap_or_else(|_| Json::String(n.clone())),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
        Value::Interval { value, unit } => Json::String(match unit {
            Some(u) => format!("{value} {u}"),
            None => value.clone(),
        }),
        Value::Array(items) => Json::Array(items.iter().map(|i| option_json(&i.node)).collect()),
    }
}

/// Arroyo's `ConnectionSchema`.
fn schema(s: &ConnectionSchema) -> Json {
    // Maps, not scans: a table may have very many columns.
    let metadata: HashMap<&str, &str> = s
        .metadata_fields
        .iter()
        .map(|m| (m.field.as_str(), m.key.as_str()))
        .collect();
    let generated: HashSet<&str> = s
        .generated_fields
        .iter()
        .map(|g| g.field.as_str())
        .collect();
    // Generated columns are computed by the query; Arroyo's schema has no place for them.
    let fields: Vec<Json> = s
        .fields
        .iter()
        .filter(|f| !generated.contains(f.name().as_str()))
        .map(|f| source_field(f, metadata.get(f.name().as_str()).copied(), 0))
        .collect();
    json!({
        "format": s.format.as_ref().map(format),
        "bad_data": s.bad_data.map(|b| json!({"behavior": match b {
            BadData::Fail {} => "fail",
            BadData::Drop {} => "drop",
        }})),
        "framing": s.framing.as_ref().map(|f| match f {
            Framing::Newline { max_line_length } => json!({"method": "newline", "max_line_length": max_line_length}),
        }),
        "fields": fields,
        "definition": s.definition.as_ref().map(definition),
        "inferred": s.inferred.then_some(true),
        "primary_keys": s.primary_keys,
    })
}

/// Arroyo's `Format`: every field written, the ones we do not keep at their defaults.
fn format(f: &Format) -> Json {
    match f {
        Format::Json(j) => json!({
            "type": "json",
            "confluent_schema_registry": j.confluent_schema_registry,
            "schema_id": null,
            "include_schema": j.include_schema,
            "debezium": j.debezium,
            "unstructured": j.unstructured,
            "timestamp_format": j.timestamp_format,
            "decimal_encoding": j.decimal_encoding,
            "compression": j.compression,
        }),
        Format::Avro(a) => json!({
            "type": "avro",
            "confluent_schema_registry": a.confluent_schema_registry,
            "raw_datums": a.raw_datums,
            "into_unstructured_json": a.into_unstructured_json,
            "reader_schema": null,
            "schema_id": null,
        }),
        Format::Protobuf(p) => json!({
            "type": "protobuf",
            "into_unstructured_json": p.into_unstructured_json,
            "message_name": p.message_name,
            "compiled_schema": null,
            "confluent_schema_registry": p.confluent_schema_registry,
            "length_delimited": p.length_delimited,
        }),
        Format::Parquet(p) => json!({
            "type": "parquet",
            "compression": p.compression,
            "row_group_bytes": p.row_group_bytes,
        }),
        Format::RawString {} => json!({"type": "raw_string"}),
        Format::RawBytes {} => json!({"type": "raw_bytes"}),
    }
}

/// Arroyo's `SchemaDefinition`: the pinned text, and for protobuf its imports.
fn definition(d: &SchemaDefinition) -> Json {
    match d.kind {
        SchemaKind::JsonSchema => json!({"type": "json_schema", "schema": d.text}),
        SchemaKind::Avro => json!({"type": "avro_schema", "schema": d.text}),
        SchemaKind::Protobuf => {
            let deps: Map<String, Json> = d
                .imports
                .iter()
                .map(|i| (i.name.clone(), Json::String(i.text.clone())))
                .collect();
            json!({"type": "protobuf_schema", "schema": d.text, "dependencies": deps})
        }
    }
}

/// Arroyo's `SourceField`: `{name, type, …type's keys, required, metadata_key?, sql_name}`.
fn source_field(f: &Field, metadata_key: Option<&str>, depth: usize) -> Json {
    let mut m = Map::new();
    m.insert("name".into(), Json::String(f.name().clone()));
    let json_marker = f.metadata().values().any(|v| v == JSON_EXTENSION_NAME);
    let sql = field_type(f.data_type(), json_marker, &mut m, depth);
    m.insert("required".into(), Json::Bool(!f.is_nullable()));
    if let Some(k) = metadata_key {
        m.insert("metadata_key".into(), Json::String(k.into()));
    }
    m.insert("sql_name".into(), Json::String(sql));
    Json::Object(m)
}

/// Deeper types than this are written as JSON columns (the compiler bounds nesting far
/// below it; this only keeps the recursion bounded on its own).
const MAX_DEPTH: usize = 64;

/// Writes `type` and its keys into `m`; returns the SQL name.
fn field_type(t: &DataType, json_marker: bool, m: &mut Map<String, Json>, depth: usize) -> String {
    let mut tag = |name: &str| {
        m.insert("type".into(), Json::String(name.into()));
    };
    if json_marker && matches!(t, DataType::Utf8 | DataType::LargeUtf8) {
        tag("json");
        return "JSON".into();
    }
    match t {
        DataType::Int32 => {
            tag("int32");
            "INTEGER".into()
        }
        DataType::Int64 => {
            tag("int64");
            "BIGINT".into()
        }
        DataType::UInt32 => {
            tag("uint32");
            "INTEGER UNSIGNED".into()
        }
        DataType::UInt64 => {
            tag("uint64");
            "BIGINT UNSIGNED".into()
        }
        DataType::Float32 => {
            tag("float32");
            "FLOAT".into()
        }
        DataType::Float64 => {
            tag("float64");
            "DOUBLE".into()
        }
        DataType::Boolean => {
            tag("bool");
            "BOOLEAN".into()
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            tag("string");
            "TEXT".into()
        }
        DataType::Binary | DataType::LargeBinary | DataType::BinaryView => {
            tag("bytes");
            "BYTEA".into()
        }
        DataType::Decimal128(p, s) => {
            tag("decimal128");
            m.insert("precision".into(), Json::from(*p));
            m.insert("scale".into(), Json::from(*s));
            format!("DECIMAL({p}, {s})")
        }
        DataType::Timestamp(unit, _) => {
            tag("timestamp");
            let (name, digits) = match unit {
                TimeUnit::Second => ("second", 0),
                TimeUnit::Millisecond => ("millisecond", 3),
                TimeUnit::Microsecond => ("microsecond", 6),
                TimeUnit::Nanosecond => ("nanosecond", 9),
            };
            m.insert("unit".into(), Json::String(name.into()));
            format!("TIMESTAMP({digits})")
        }
        DataType::Struct(fields) if depth < MAX_DEPTH => {
            tag("struct");
            let items: Vec<Json> = fields
                .iter()
                .map(|f| source_field(f, None, depth + 1))
                .collect();
            let sql: Vec<String> = items
                .iter()
                .map(|i| {
                    format!(
                        "{} {}",
                        i.get("name").and_then(Json::as_str).unwrap_or(""),
                        i.get("sql_name").and_then(Json::as_str).unwrap_or("")
                    )
                })
                .collect();
            m.insert("fields".into(), Json::Array(items));
            format!("STRUCT <{}>", sql.join(", "))
        }
        DataType::List(item) | DataType::LargeList(item) if depth < MAX_DEPTH => {
            tag("list");
            let mut items = match source_field(item, None, depth + 1) {
                Json::Object(o) => o,
                _ => Map::new(),
            };
            let sql = items
                .remove("sql_name")
                .and_then(|s| s.as_str().map(str::to_string))
                .unwrap_or_default();
            m.insert("items".into(), Json::Object(items));
            format!("{sql}[]")
        }
        // Maps and anything else Arroyo cannot describe travel as JSON.
        _ => {
            tag("json");
            "JSON".into()
        }
    }
}
