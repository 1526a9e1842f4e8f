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

/// A schema's top-level property names, sorted.
fn top_level_keys(schema: &Value) -> Vec<String> {
    let mut k: Vec<String> = schema["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    k.sort();
    k
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
        assert_eq!(top_level_keys(&ours), top_level_keys(&theirs), "{id}");
        compared += 1;
    }
    assert_eq!(
        compared, 15,
        "every connector with an Arroyo table.json (confluent uses kafka's)"
    );
}

#[test]
fn profile_schemas_have_arroyos_top_level_properties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/arroyo-schemas");
    let mut compared = 0;
    for c in list() {
        let id = c["id"].as_str().unwrap_or("");
        let Ok(text) = std::fs::read_to_string(dir.join(id).join("profile.json")) else {
            continue;
        };
        let theirs: Value = serde_json::from_str(&text).unwrap_or_default();
        let ours = parsed(&c["connection_config"]);
        assert_eq!(top_level_keys(&ours), top_level_keys(&theirs), "{id}");
        compared += 1;
    }
    assert_eq!(compared, 6, "every connector with an Arroyo profile.json");
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

mod third_party {
    //! A connector Arroyo does not have: its schema is its flat option map, and its view's
    //! config is its own typed config.

    use connector_ddl::connector::{ConnectorSpec, Example, TableContext};
    use connector_ddl::options::{AppliesTo, ConnectorOptions, OptionSpec};
    use connector_ddl::{Connector, Env, Registry, Table};
    use serde::{Deserialize, Serialize};
    use serde_json::Value;

    const BOOK: OptionSpec = OptionSpec::string("book")
        .required()
        .doc("The ledger book.");
    const MODE: OptionSpec = OptionSpec::one_of("mode", &["append", "replace"])
        .default_str("append")
        .doc("How entries are written.");
    const TOKEN: OptionSpec = OptionSpec::string("token").sensitive().doc("Access token.");
    const OPTIONS: &[OptionSpec] = &[BOOK, MODE, TOKEN];
    const SPEC: ConnectorSpec = ConnectorSpec::new("ledger", "Ledger", "Append to a ledger")
        .roles(AppliesTo::SINK)
        .table_options(OPTIONS)
        .examples(&[Example::new("v TEXT", &[("book", "'b'")])]);

    #[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
    struct LedgerTable {
        book: String,
        mode: String,
        token: Option<String>,
    }

    struct Ledger;

    impl Connector for Ledger {
        type Profile = ();
        type Table = LedgerTable;

        fn spec(&self) -> &'static ConnectorSpec {
            &SPEC
        }

        fn profile_from_options(&self, _: &mut ConnectorOptions) -> Option<()> {
            Some(())
        }

        fn table_from_options(
            &self,
            opts: &mut ConnectorOptions,
            _: &TableContext<'_>,
        ) -> Option<LedgerTable> {
            let book = opts.string(&BOOK);
            let mode = opts.enumeration(&MODE);
            let token = opts.string(&TOKEN);
            Some(LedgerTable {
                book: book?.node,
                mode: mode?.node.to_string(),
                token: token.map(|t| t.node),
            })
        }

        fn description(&self, _: &(), t: &LedgerTable) -> String {
            format!("ledger book '{}'", t.book)
        }
    }

    #[test]
    fn a_third_party_connector_is_listed_with_a_flat_schema() {
        let mut registry = Registry::builtin();
        registry.register(Ledger).expect("ledger registers");
        let list = connector_ddl::arroyo::connectors(&registry);
        let ledger = list
            .as_array()
            .and_then(|l| l.iter().find(|c| c["id"] == "ledger"))
            .cloned()
            .unwrap_or_default();
        let schema: Value =
            serde_json::from_str(ledger["table_config"].as_str().unwrap_or("")).unwrap_or_default();
        assert_eq!(schema["required"], serde_json::json!(["book"]));
        assert_eq!(schema["sensitive"], serde_json::json!(["token"]));
        assert_eq!(schema["properties"]["token"]["format"], "var-str");
        assert_eq!(schema["properties"]["mode"]["default"], "append");

        let env = Env::new(&registry);
        let out = connector_ddl::compile_sql(
            "CREATE TABLE t (v TEXT) WITH (connector = 'ledger', book = 'b', token = 'tok-secret-1')",
            &env,
        );
        let t = out
            .tables
            .iter()
            .find_map(Table::as_connection)
            .expect("compiles");
        let view =
            connector_ddl::arroyo::connection_table(t, &env, &connector_ddl::arroyo::View::new());
        assert_eq!(view["config"]["book"], "b");
        assert!(!view.to_string().contains("tok-secret-1"), "{view}");
        let errors = super::arroyo_validate::validate(&schema, &view["config"]);
        assert!(errors.is_empty(), "{errors:?}");
    }
}
