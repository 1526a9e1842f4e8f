//! Arroyo's `Connector` view (`arroyo::connectors`): every registered connector is listed
//! with Arroyo's keys, each config schema is a well-formed JSON Schema, the table schema has
//! the top-level properties of Arroyo's `table.json` where Arroyo ships one, and every table
//! config we emit validates against the schema we publish for it.

mod arroyo_validate;

use connector_ddl::arroyo::{self, View};
use connector_ddl::{compile_sql, Env, Registry, Table};
use serde_json::Value;

fn list() -> Vec<Value> {
    match arroyo::connectors(&Registry::builtin()) {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

fn parsed(text: &Value) -> Value {
    let text = text
        .as_str()
        .unwrap_or_else(|| panic!("schema is not text: {text}"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("schema text is not JSON: {e}"))
}

#[test]
fn every_connector_is_listed_with_arroyos_keys() {
    let registry = Registry::builtin();
    let list = list();
    let ids: Vec<&str> = list.iter().filter_map(|c| c["id"].as_str()).collect();
    let mut names: Vec<&str> = registry.names().collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    names.sort_unstable();
    assert_eq!(sorted, names, "every connector, once");
    for c in &list {
        let mut keys: Vec<&str> = c
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "connection_config",
                "custom_schemas",
                "description",
                "enabled",
                "hidden",
                "icon",
                "id",
                "name",
                "sink",
                "source",
                "table_config",
                "testing"
            ]
        );
        for flag in [
            "enabled",
            "source",
            "sink",
            "testing",
            "hidden",
            "custom_schemas",
        ] {
            assert!(c[flag].is_boolean(), "{}: {flag}", c["id"]);
        }
        assert!(c["source"] == true || c["sink"] == true || c["id"] == "redis");
    }
    // Sorted by name, as Arroyo lists them.
    let display: Vec<&str> = list.iter().filter_map(|c| c["name"].as_str()).collect();
    let mut by_name = display.clone();
    by_name.sort_unstable();
    assert_eq!(display, by_name);
    let find = |id: &str| {
        list.iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(find("impulse")["custom_schemas"], false);
    assert_eq!(find("kafka")["custom_schemas"], true);
    assert_eq!(find("delta")["hidden"], true);
    assert!(find("kafka")["connection_config"].is_string());
    assert!(find("impulse")["connection_config"].is_null());
}

#[test]
fn every_config_schema_is_a_json_schema() {
    for c in list() {
        let mut errors = Vec::new();
        let table = parsed(&c["table_config"]);
        arroyo_validate::well_formed(&table, "table_config", &mut errors, 0);
        assert_eq!(
            table["type"]
                .as_str()
                .or(table["oneOf"].as_array().map(|_| "object")),
            Some("object")
        );
        if !c["connection_config"].is_null() {
            let profile = parsed(&c["connection_config"]);
            arroyo_validate::well_formed(&profile, "connection_config", &mut errors, 0);
        }
        assert!(errors.is_empty(), "{}: {errors:?}", c["id"]);
    }
}

#[test]
fn table_schemas_have_arroyos_top_level_properties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/arroyo-schemas");
    let mut compared = 0;
    for c in list() {
        let id = c["id"].as_str().unwrap_or("");
        let file = if id == "confluent" { "kafka" } else { id };
        let Ok(text) = std::fs::read_to_string(dir.join(file).join("table.json")) else {
            continue;
        };
        let theirs: Value = serde_json::from_str(&text).unwrap_or_default();
        let ours = parsed(&c["table_config"]);
        let keys = |v: &Value| -> Vec<String> {
            let mut k: Vec<String> = v["properties"]
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            k.sort();
            k
        };
        assert_eq!(keys(&ours), keys(&theirs), "{id}");
        compared += 1;
    }
    assert_eq!(
        compared, 15,
        "every connector with an Arroyo table.json (confluent uses kafka's)"
    );
}

#[test]
fn emitted_configs_validate_against_our_published_schemas() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let schemas: Vec<(String, Value)> = list()
        .into_iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or("").to_string(),
                parsed(&c["table_config"]),
            )
        })
        .collect();
    let view = View::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, c) in registry.iter() {
        let Some((_, schema)) = schemas.iter().find(|(id, _)| id == name) else {
            panic!("{name} is not listed");
        };
        for ex in c.spec().examples {
            let mut with = vec![format!("connector = '{name}'")];
            with.extend(ex.options.iter().map(|(k, v)| format!("{k} = {v}")));
            let columns = if ex.columns.is_empty() {
                String::new()
            } else {
                format!(" ({})", ex.columns)
            };
            let sql = format!(
                "CREATE {}TABLE t{columns} WITH ({});",
                if ex.temporary { "TEMPORARY " } else { "" },
                with.join(", ")
            );
            let out = compile_sql(&sql, &env);
            for t in out.tables.iter().filter_map(Table::as_connection) {
                checked += 1;
                let config = &arroyo::connection_table(t, &env, &view)["config"];
                let errors = arroyo_validate::validate(schema, config);
                if !errors.is_empty() {
                    failures.push(format!("{name}: {errors:?}\n{config}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 20, "only {checked} tables");
}
