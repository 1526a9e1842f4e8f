//! The streaming compile (`compile_sql_with`): tables go to the caller as soon as they
//! are final, in the order and with the diagnostics `compile_sql` gives.

use std::sync::Mutex;

use connector_ddl::profile::{ConnectionProfile, ProfileResolver};
use connector_ddl::{compile_sql, compile_sql_with, Compiled, Env, Registry, ResolveError, Table};

/// Profiles that exist under any name, and a log of the names asked for.
struct Logged(Mutex<Vec<String>>);

impl Logged {
    fn log(&self, what: String) {
        if let Ok(mut log) = self.0.lock() {
            log.push(what);
        }
    }

    fn entries(&self) -> Vec<String> {
        self.0.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl ProfileResolver for Logged {
    fn resolve(&self, name: &str) -> Result<ConnectionProfile, ResolveError> {
        self.log(format!("resolve {name}"));
        let config = serde_json::json!({ "bootstrap_servers": "b1:9092" });
        Ok(ConnectionProfile::new(
            name,
            "kafka",
            config.as_object().cloned().unwrap_or_default(),
        ))
    }
}

fn kafka(name: &str, create: &str) -> String {
    format!(
        "{create} {name} (id BIGINT) WITH (connector = 'kafka', connection_profile = '{name}_p', topic = 't', type = 'source', format = 'json');\n"
    )
}

/// Compiles `sql` streamed, logging each table as it is handed out among the profile
/// look-ups; checks the result against `compile_sql`.
fn streamed(sql: &str) -> (Vec<String>, Compiled) {
    let registry = Registry::builtin();
    let logged = Logged(Mutex::new(Vec::new()));
    let env = Env::new(&registry).with_profiles(&logged);
    let mut tables: Vec<Table> = Vec::new();
    let out = compile_sql_with(sql, &env, |t| {
        logged.log(format!("table {}", t.name()));
        tables.push(t);
    });
    assert!(out.tables.is_empty());
    let log = logged.entries();
    let whole = compile_sql(sql, &Env::new(&registry).with_profiles(&logged));
    // `Debug` shows every field of a table.
    assert_eq!(
        format!("{:?}", whole.tables),
        format!("{tables:?}"),
        "the same tables in the same order"
    );
    assert_eq!(whole.diagnostics, out.diagnostics, "the same diagnostics");
    (log, whole)
}

fn names(out: &Compiled) -> Vec<&str> {
    out.tables.iter().map(Table::name).collect()
}

fn codes(out: &Compiled) -> Vec<&str> {
    out.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn each_table_is_handed_out_before_the_next_statement_compiles() {
    let sql = [kafka("a", "CREATE TABLE"), kafka("b", "CREATE TABLE")].concat();
    let (log, out) = streamed(&sql);
    assert_eq!(
        log.get(..4).map(<[String]>::to_vec),
        Some(vec![
            "resolve a_p".to_string(),
            "table a".into(),
            "resolve b_p".into(),
            "table b".into(),
        ])
    );
    assert_eq!(names(&out), ["a", "b"]);
}

#[test]
fn a_table_replaced_later_is_held_and_keeps_its_place() {
    let sql = [
        kafka("a", "CREATE TABLE"),
        kafka("b", "CREATE TABLE"),
        "CREATE OR REPLACE TABLE A (id BIGINT, extra TEXT) WITH (connector = 'kafka', connection_profile = 'a2_p', topic = 't', type = 'source', format = 'json');\n".into(),
        kafka("c", "CREATE TABLE"),
    ]
    .concat();
    let (log, out) = streamed(&sql);
    // `b` waits behind `a`, which is final only after the statement that replaces it.
    let at = |e: &str| log.iter().position(|l| l == e);
    assert!(at("table A") > at("resolve a2_p"), "{log:?}");
    assert!(at("table b") > at("table A"), "{log:?}");
    assert!(at("table c") > at("resolve c_p"), "{log:?}");
    assert_eq!(names(&out), ["A", "b", "c"]);
    assert!(codes(&out).is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn a_later_parser_error_of_the_same_name_fails_the_table() {
    let sql = [
        kafka("a", "CREATE TABLE"),
        kafka("b", "CREATE TABLE"),
        "CREATE TABLE IF NOT EXISTS a (x DECIMAL(99, 0));\n".into(),
    ]
    .concat();
    let (_, out) = streamed(&sql);
    assert_eq!(names(&out), ["b"]);
    assert!(out.has_errors());
}

#[test]
fn duplicates_and_if_not_exists_keep_the_first_definition() {
    let sql = [
        kafka("a", "CREATE TABLE"),
        kafka("a", "CREATE TABLE IF NOT EXISTS"),
        kafka("b", "CREATE TABLE"),
        kafka("B", "CREATE TABLE"),
    ]
    .concat();
    let (_, out) = streamed(&sql);
    assert_eq!(names(&out), ["a", "b"]);
    assert_eq!(codes(&out), ["table::duplicate"]);
}

#[test]
fn a_tokenizer_error_anywhere_leaves_no_table() {
    let sql = [kafka("a", "CREATE TABLE"), "SELECT 'oops".into()].concat();
    let (log, out) = streamed(&sql);
    assert!(out.tables.is_empty());
    assert!(log.iter().all(|l| !l.starts_with("table")), "{log:?}");
    assert_eq!(codes(&out), ["parse::syntax"]);
}

#[test]
fn a_flink_table_reads_its_type_from_a_later_insert() {
    let sql = "CREATE TABLE pageviews_out (user_id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'p', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'json');\n\
               INSERT INTO pageviews_out SELECT user_id FROM pageviews;";
    let (_, out) = streamed(sql);
    let help: Vec<&str> = out
        .diagnostics
        .iter()
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert!(
        help.iter().any(|h| h.contains("INSERT INTO pageviews_out")),
        "{help:?}"
    );
}

/// Every `.sql` file under `tests/ddl`, sorted.
fn corpus() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ddl");
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    files.push((path.display().to_string(), text));
                }
            }
        }
    }
    files.sort();
    files
}

/// `compile_sql` (one pass holding every table) and `compile_sql_with` (the outline, then
/// tables handed out as they are final) agree on every case of the corpus, and on the
/// whole corpus as one script (where names are defined again and again).
#[test]
fn streamed_and_collected_agree_on_the_corpus() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let files = corpus();
    assert!(files.len() > 100, "the corpus is there");
    // Cases the tokenizer rejects (an unterminated string or comment) would leave the
    // whole script with that one error: those whose text stops a table after them are
    // left out of it.
    let probe = |t: &str| {
        let out = compile_sql(&format!("{t}\n;\nCREATE TABLE zz_probe (x INT);"), &env);
        out.tables.iter().any(|t| t.name() == "zz_probe")
    };
    let whole: String = files
        .iter()
        .filter(|(_, t)| probe(t))
        .map(|(_, t)| format!("{t}\n;\n"))
        .collect();
    // Each case twice over: every name is defined again, so tables are held, and the
    // parser's findings of the second statement count for the first.
    let doubled: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| (format!("{n} (twice)"), format!("{t}\n;\n{t}")))
        .collect();
    let whole = [("whole corpus".to_string(), whole)];
    let all = files.iter().chain(doubled.iter()).chain(whole.iter());
    for (name, sql) in all {
        let collected = compile_sql(sql, &env);
        let mut tables = Vec::new();
        let streamed = compile_sql_with(sql, &env, |t| tables.push(t));
        assert_eq!(
            format!("{:?}", collected.tables),
            format!("{tables:?}"),
            "{name}"
        );
        assert_eq!(collected.diagnostics, streamed.diagnostics, "{name}");
        assert_eq!(collected.secret_spans, streamed.secret_spans, "{name}");
        if name == "whole corpus" {
            eprintln!(
                "whole corpus: {} tables, {} diagnostics",
                tables.len(),
                streamed.diagnostics.len()
            );
            assert!(tables.len() > 20, "the whole corpus compiles tables");
        }
    }
}
