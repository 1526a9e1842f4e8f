//! Arrow types and identifiers written back as SQL text, for messages and the canonical
//! DDL printer: the inverse of the type parser.

use arrow_schema::{DataType, TimeUnit};

/// SQL spelling of an Arrow type, for messages and the canonical DDL printer.
pub(crate) fn sql_name(dt: &DataType, json: bool) -> String {
    match dt {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View if json => "JSON".into(),
        DataType::Boolean => "BOOLEAN".into(),
        DataType::Int8 => "TINYINT".into(),
        DataType::Int16 => "SMALLINT".into(),
        DataType::Int32 => "INT".into(),
        DataType::Int64 => "BIGINT".into(),
        DataType::UInt8 => "TINYINT UNSIGNED".into(),
        DataType::UInt16 => "SMALLINT UNSIGNED".into(),
        DataType::UInt32 => "INT UNSIGNED".into(),
        DataType::UInt64 => "BIGINT UNSIGNED".into(),
        DataType::Float16 | DataType::Float32 => "FLOAT".into(),
        DataType::Float64 => "DOUBLE".into(),
        DataType::Decimal128(p, s) | DataType::Decimal256(p, s) => format!("DECIMAL({p}, {s})"),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => "TEXT".into(),
        DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView
        | DataType::FixedSizeBinary(_) => "BYTEA".into(),
        DataType::Timestamp(unit, _) => match unit {
            TimeUnit::Second => "TIMESTAMP(0)".into(),
            TimeUnit::Millisecond => "TIMESTAMP(3)".into(),
            TimeUnit::Microsecond => "TIMESTAMP(6)".into(),
            TimeUnit::Nanosecond => "TIMESTAMP".into(),
        },
        DataType::Date32 | DataType::Date64 => "DATE".into(),
        DataType::Time32(TimeUnit::Second) => "TIME(0)".into(),
        DataType::Time32(_) => "TIME(3)".into(),
        DataType::Time64(TimeUnit::Microsecond) => "TIME(6)".into(),
        DataType::Time64(_) => "TIME".into(),
        DataType::Interval(_) | DataType::Duration(_) => "INTERVAL".into(),
        DataType::List(f) | DataType::LargeList(f) | DataType::FixedSizeList(f, _) => {
            let item = sql_name(f.data_type(), crate::schema::expand::is_json(f));
            if f.is_nullable() {
                format!("{item}[]")
            } else {
                format!("ARRAY<{item} NOT NULL>")
            }
        }
        DataType::Struct(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| {
                    let nn = if f.is_nullable() { "" } else { " NOT NULL" };
                    format!(
                        "{} {}{nn}",
                        quote_ident(f.name()),
                        sql_name(f.data_type(), crate::schema::expand::is_json(f))
                    )
                })
                .collect();
            format!("STRUCT<{}>", inner.join(", "))
        }
        DataType::Map(entries, _) => match entries.data_type() {
            DataType::Struct(kv) if kv.len() == 2 => {
                let k = kv
                    .first()
                    .map(|f| sql_name(f.data_type(), false))
                    .unwrap_or_default();
                let v = kv
                    .get(1)
                    .map(|f| {
                        let nn = if f.is_nullable() { "" } else { " NOT NULL" };
                        let name = sql_name(f.data_type(), crate::schema::expand::is_json(f));
                        format!("{name}{nn}")
                    })
                    .unwrap_or_default();
                format!("MAP<{k}, {v}>")
            }
            other => other.to_string(),
        },
        other => other.to_string(),
    }
}

/// An identifier as SQL text: bare when it can be, double-quoted otherwise.
pub(crate) fn quote_ident(s: &str) -> String {
    if crate::options::value::is_plain_ident(s) && !is_reserved(s) {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', "\"\""))
    }
}

fn is_reserved(s: &str) -> bool {
    const RESERVED: &[&str] = &[
        "select",
        "from",
        "where",
        "table",
        "create",
        "with",
        "as",
        "not",
        "null",
        "primary",
        "key",
        "watermark",
        "for",
        "metadata",
        "generated",
        "order",
        "group",
        "by",
        "partition",
        "timestamp",
        "offset",
        "type",
        "format",
        "value",
        "values",
        "key",
        "user",
        "time",
        "date",
    ];
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s))
}
