//! The Arroyo view of a table's fields: where our output differs from Arroyo's on
//! purpose (list items named `item`, Debezium fields not wrapped), an embedder that hands
//! tables to Arroyo's planner, or compares with it, gets Arroyo's shape here.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields};

use super::output::Connection;
use crate::schema::format::Format;

/// How deep [`Connection::arroyo_fields`] renames list items: deeper than any type a table
/// can hold (type nesting stops at 32 levels, schema nesting at 64), so never reached on
/// compiled tables; a bound nonetheless, since the recursion follows the data.
const MAX_DEPTH: usize = 128;

impl Connection {
    /// The table's fields as Arroyo's planner holds them in its connection schema:
    ///
    /// - with `format = 'debezium_json'` and declared columns, the columns are wrapped in a
    ///   change event: `before` and `after`, nullable structs of the columns (metadata
    ///   columns included), and `op`, a non-null `TEXT` (Debezium tables have no
    ///   generated columns);
    /// - list items are named `field`, as Arroyo's DDL names them (ours are `item`, Arrow's
    ///   default and the name every schema expander uses).
    ///
    /// Everything else is [`schema.fields`](crate::schema::ConnectionSchema::fields) as it is.
    ///
    /// ```
    /// use connector_ddl::{compile_sql, Env, Registry};
    ///
    /// let registry = Registry::builtin();
    /// let sql = "CREATE TABLE users (id INT PRIMARY KEY, tags TEXT[]) WITH (connector = 'kafka',
    ///     bootstrap_servers = 'b:9092', topic = 'users', type = 'source', format = 'debezium_json')";
    /// let compiled = compile_sql(sql, &Env::new(&registry));
    /// let table = compiled.tables[0].as_connection().ok_or("not a connection")?;
    /// let names: Vec<&str> = table.schema.fields.iter().map(|f| f.name().as_str()).collect();
    /// assert_eq!(names, ["id", "tags"]);
    /// let arroyo = table.arroyo_fields();
    /// let names: Vec<&str> = arroyo.iter().map(|f| f.name().as_str()).collect();
    /// assert_eq!(names, ["before", "after", "op"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn arroyo_fields(&self) -> Vec<Field> {
        let s = &self.schema;
        let fields: Vec<Field> = s.fields.iter().map(|f| arroyo_field(f, 0)).collect();
        let debezium = matches!(&s.format, Some(Format::Json(j)) if j.debezium);
        if !debezium || s.inferred || fields.is_empty() {
            return fields;
        }
        // A Debezium table has no generated columns (they are refused): every column is
        // part of the row.
        let row = DataType::Struct(Fields::from(fields));
        vec![
            Field::new("before", row.clone(), true),
            Field::new("after", row, true),
            Field::new("op", DataType::Utf8, false),
        ]
    }
}

/// `f` with every list item named `field`, however deep.
fn arroyo_field(f: &Field, depth: usize) -> Field {
    if depth > MAX_DEPTH {
        return f.clone();
    }
    let renamed =
        |inner: &Field, name: &str| Arc::new(arroyo_field(inner, depth + 1).with_name(name));
    let dt = match f.data_type() {
        DataType::List(item) => DataType::List(renamed(item, "field")),
        DataType::LargeList(item) => DataType::LargeList(renamed(item, "field")),
        DataType::FixedSizeList(item, n) => DataType::FixedSizeList(renamed(item, "field"), *n),
        DataType::Struct(children) => DataType::Struct(
            children
                .iter()
                .map(|c| arroyo_field(c, depth + 1))
                .collect::<Vec<_>>()
                .into(),
        ),
        DataType::Map(entries, sorted) => DataType::Map(renamed(entries, entries.name()), *sorted),
        other => other.clone(),
    };
    f.clone().with_data_type(dt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connector::Registry;

    fn compile_one(sql: &str) -> Connection {
        let registry = Registry::builtin();
        let out = crate::compile_sql(sql, &crate::Env::new(&registry));
        assert!(!out.has_errors(), "{:?}", out.diagnostics);
        match out
            .tables
            .into_iter()
            .next()
            .and_then(|t| t.as_connection().cloned())
        {
            Some(c) => c,
            None => panic!("no connection table"),
        }
    }

    #[test]
    fn plain_tables_keep_their_fields_with_list_items_renamed() {
        let t = compile_one(
            "CREATE TABLE t (a INT, b ARRAY<STRUCT<c TEXT[]>>) WITH (connector = 'kafka',
             bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json')",
        );
        let fields = t.arroyo_fields();
        assert_eq!(fields.len(), 2);
        let shown = format!("{:?}", fields.get(1).map(|f| f.data_type()));
        assert!(shown.contains("\"field\""), "{shown}");
        assert!(!shown.contains("\"item\""), "{shown}");
    }

    #[test]
    fn debezium_columns_are_wrapped_in_a_change_event() {
        let t = compile_one(
            "CREATE TABLE t (id INT PRIMARY KEY, name TEXT, part INT METADATA FROM 'partition')
             WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't',
             type = 'source', format = 'debezium_json')",
        );
        let fields = t.arroyo_fields();
        let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["before", "after", "op"]);
        let before = fields
            .first()
            .map(|f| (f.is_nullable(), f.data_type().clone()));
        assert!(matches!(before, Some((true, DataType::Struct(ref c))) if c.len() == 3));
        assert!(fields.get(2).is_some_and(|op| !op.is_nullable()));
    }

    #[test]
    fn an_inferred_debezium_sink_has_nothing_to_wrap() {
        let t = compile_one(
            "CREATE TABLE t WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't',
             type = 'sink', format = 'debezium_json')",
        );
        assert!(t.arroyo_fields().is_empty());
    }
}
