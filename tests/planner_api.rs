//! The public API as a planner crate uses it: this file is compiled as a separate crate, so
//! everything here is reachable from outside. It covers what issue #6 promises embedders:
//! an Arrow schema with the table's metadata, errors that are `std::error::Error`, an `Env`
//! shared across threads, resolver failures that tell "not found" from "unavailable", and
//! enum-valued config fields as Rust enums; and what #7, #8 and #12 add: the storage form,
//! fixes and code pages, Arroyo's API views.

use std::error::Error;

use connector_ddl::arrow_schema::{DataType, SchemaRef};
use connector_ddl::compile::arrow_metadata;
use connector_ddl::connectors::kafka::{KafkaTable, KafkaTableKind, ReadMode, SourceOffset};
use connector_ddl::schema::definition::{SchemaKind, SchemaResolver};
use connector_ddl::{
    compile_sql, CompileError, ConnectionType, Diagnostic, Env, Registry, ResolveError, Table,
};

const ORDERS: &str = "
CREATE TABLE orders (
    id BIGINT NOT NULL PRIMARY KEY,
    amount DOUBLE,
    part INT METADATA FROM 'partition',
    doubled DOUBLE GENERATED ALWAYS AS (amount * 2),
    ts TIMESTAMP NOT NULL,
    WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker:9092',
    topic = 'orders',
    type = 'source',
    source.offset = 'earliest',
    format = 'json'
);";

fn plan(tables: &[Table]) -> Result<SchemaRef, Box<dyn Error + Send + Sync>> {
    let conn = tables
        .iter()
        .find_map(Table::as_connection)
        .ok_or("no connection table")?;
    Ok(conn.arrow_schema())
}

#[test]
fn a_planner_gets_an_arrow_schema_with_the_table_described_in_metadata() {
    let registry = Registry::builtin();
    let tables = compile_sql(ORDERS, &Env::new(&registry))
        .into_result()
        .expect("orders compiles");
    let schema = plan(&tables).expect("a schema");
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, ["id", "amount", "part", "doubled", "ts"]);
    assert_eq!(schema.field(0).data_type(), &DataType::Int64);
    let md = schema.metadata();
    assert_eq!(
        md.get(arrow_metadata::CONNECTOR).map(String::as_str),
        Some("kafka")
    );
    assert_eq!(
        md.get(arrow_metadata::CONNECTION_TYPE).map(String::as_str),
        Some("source")
    );
    assert_eq!(
        md.get(arrow_metadata::PRIMARY_KEY).map(String::as_str),
        Some(r#"["id"]"#)
    );
    assert_eq!(
        md.get(arrow_metadata::WATERMARK_COLUMN).map(String::as_str),
        Some("ts")
    );
    assert_eq!(
        md.get(arrow_metadata::WATERMARK_EXPRESSION)
            .map(String::as_str),
        Some("ts - INTERVAL '5' SECOND")
    );
    let part = schema.field_with_name("part").expect("part");
    assert_eq!(
        part.metadata()
            .get(arrow_metadata::METADATA_KEY)
            .map(String::as_str),
        Some("partition")
    );
    let doubled = schema.field_with_name("doubled").expect("doubled");
    assert_eq!(
        doubled
            .metadata()
            .get(arrow_metadata::GENERATED)
            .map(String::as_str),
        Some("amount * 2")
    );
}

#[test]
fn enum_valued_config_fields_are_rust_enums() {
    let registry = Registry::builtin();
    let tables = compile_sql(ORDERS, &Env::new(&registry))
        .into_result()
        .expect("orders compiles");
    let conn = tables
        .iter()
        .find_map(Table::as_connection)
        .expect("a table");
    assert_eq!(conn.connection_type, ConnectionType::Source);
    let kafka: &KafkaTable = conn.table_config().expect("a kafka table config");
    match &kafka.kind {
        KafkaTableKind::Source {
            offset, read_mode, ..
        } => {
            assert_eq!(*offset, SourceOffset::Earliest);
            assert_eq!(*read_mode, ReadMode::ReadUncommitted);
        }
        other => panic!("not a source: {other:?}"),
    }
}

#[test]
fn mistakes_are_std_errors_that_render_every_diagnostic() {
    let registry = Registry::builtin();
    let sql = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_server = 'b:9092',
        topic = 't', type = 'source', format = 'jsn', auth.password = 'hunter2-planner');";
    let err: CompileError = compile_sql(sql, &Env::new(&registry))
        .into_result()
        .expect_err("does not compile");
    // `?` into the usual boxed error of an application.
    fn boxed(e: CompileError) -> Box<dyn Error + Send + Sync + 'static> {
        Box::new(e)
    }
    let text = boxed(err.clone()).to_string();
    for d in &err.diagnostics {
        assert!(text.contains(d.code.as_str()), "{text}");
        assert!(text.contains(&d.message), "{text}");
    }
    assert!(text.contains("did you mean `bootstrap_servers`?"), "{text}");
    assert!(!text.contains("hunter2-planner"), "a secret leaked: {text}");
    // Each diagnostic is an error of its own, too.
    let first: &Diagnostic = err.diagnostics.first().expect("a diagnostic");
    let as_error: &dyn Error = first;
    assert!(as_error.to_string().starts_with("error["));
}

#[test]
fn an_env_is_shared_across_threads() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| compile_sql(ORDERS, &env).has_errors()))
            .collect();
        for h in handles {
            assert_eq!(h.join().ok(), Some(false));
        }
    });
}

/// A schema registry that cannot be reached.
struct Down;

impl SchemaResolver for Down {
    fn file(&self, _path: &str) -> Result<String, ResolveError> {
        Err(ResolveError::Unavailable("connection refused".into()))
    }

    fn subject(&self, _subject: &str, _kind: SchemaKind) -> Result<String, ResolveError> {
        Err(ResolveError::Unavailable("timed out after 5s".into()))
    }
}

#[test]
fn an_unreachable_resolver_is_not_a_missing_schema() {
    let registry = Registry::builtin();
    let env = Env::new(&registry).with_schemas(&Down);
    let sql = "CREATE TABLE t WITH (connector = 'kafka', bootstrap_servers = 'b:9092',
        topic = 't', type = 'source', format = 'avro', avro.schema_file = 'orders.avsc');";
    let out = compile_sql(sql, &env);
    let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"schema::unavailable"), "{codes:?}");
    assert!(!codes.contains(&"schema::not_found"), "{codes:?}");
}

// The APIs of issues #7, #8 and #12, as a planner's catalogue and REST layer use them.

#[test]
fn a_catalogue_stores_a_table_and_restores_the_same_one() -> Result<(), Box<dyn Error + Send + Sync>>
{
    use connector_ddl::stored::{restore_json, to_stored, StoredTable};
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let compiled = compile_sql(ORDERS, &env).into_result()?;
    let stored: Vec<StoredTable> = compiled.iter().map(to_stored).collect();
    let text = serde_json::to_string(&stored)?;
    let restored = restore_json(&text, &env).into_result()?;
    assert_eq!(
        serde_json::to_value(&restored)?,
        serde_json::to_value(&compiled)?
    );
    assert_eq!(plan(&restored)?, plan(&compiled)?);
    Ok(())
}

#[test]
fn an_editor_applies_the_fixes_and_explains_the_code() {
    use connector_ddl::diagnostics::{apply_fixes, explain};
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let sql = ORDERS.replace("topic = 'orders'", "tpoic = 'orders'");
    let out = compile_sql(&sql, &env);
    let d = out
        .diagnostics
        .iter()
        .find(|d| !d.fixes.is_empty())
        .expect("a did-you-mean fix");
    assert!(explain(d.code.as_str()).is_some_and(|page| page.contains("## Fix")));
    let fixed = apply_fixes(&sql, &out.diagnostics);
    assert!(!compile_sql(&fixed, &env).has_errors(), "{fixed}");
}

#[test]
fn a_rest_layer_speaks_arroyo() {
    use connector_ddl::arroyo::{connection_table, connectors, Ids, View};
    struct Fixed;
    impl Ids for Fixed {
        fn next_id(&self, prefix: &str) -> String {
            format!("{prefix}_fixed")
        }
    }
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let out = compile_sql(ORDERS, &env);
    let table = out
        .tables
        .iter()
        .find_map(Table::as_connection)
        .expect("orders compiles");
    let ids = Fixed;
    let view = connection_table(table, &env, &View::new().ids(&ids).created_at(7));
    assert_eq!(view["id"], "ct_fixed");
    assert_eq!(view["created_at"], 7);
    assert_eq!(view["config"]["type"]["offset"], "earliest");
    let listed = connectors(&registry);
    assert!(listed
        .as_array()
        .is_some_and(|all| all.iter().any(|c| c["id"] == "kafka")));
}
