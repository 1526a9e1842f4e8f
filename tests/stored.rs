//! The storage form (`connector_ddl::stored`): every case of the DDL and request corpora
//! that compiles is stored, written as JSON, read back and restored — with no schema
//! resolver, since definitions are pinned — and must give the identical table with no new
//! diagnostic. Then what restoring must refuse or forgive.

#[allow(dead_code)]
mod common;

use std::collections::BTreeMap;

use common::Fixtures;
use connector_ddl::options::Value;
use connector_ddl::schema::definition::NoSchemas;
use connector_ddl::stored::{self, StoredTable};
use connector_ddl::{compile_request, compile_sql, Compiled, Env, Table};

/// Everything a table is: its JSON, its Arrow schema, its options as written (redacted;
/// order aside: a stored table keeps the profile and an inline schema apart from them).
fn identity(t: &Table) -> String {
    let json = serde_json::to_string_pretty(t).expect("a table serializes");
    match t {
        Table::Connection(c) => {
            let mut options: Vec<String> = c
                .options
                .iter()
                .map(|(k, v)| format!("{k} = {}", show(v)))
                .collect();
            options.sort();
            format!("{json}\n{:#?}\n{options:#?}", c.arrow_schema())
        }
        Table::Memory(m) => format!("{json}\n{m:?}"),
    }
}

/// An option value without its spans.
fn show(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|i| show(&i.node)).collect();
            format!("[{}]", items.join(", "))
        }
        other => format!("{other:?}"),
    }
}

/// The codes reported for `table`, counted.
fn codes_of(out: &Compiled, table: &str) -> BTreeMap<&'static str, usize> {
    let mut codes = BTreeMap::new();
    for d in out
        .diagnostics
        .iter()
        .filter(|d| d.table.as_deref() == Some(table))
    {
        *codes.entry(d.code.as_str()).or_insert(0) += 1;
    }
    codes
}

/// Stores every table of `out`, round-trips the JSON, restores it with no schema resolver,
/// and checks each table comes back identical with no new diagnostic. Returns how many
/// tables were checked.
fn round_trip(out: &Compiled, env: &Env<'_>, case: &str) -> usize {
    let kept: Vec<StoredTable> = out.tables.iter().map(stored::to_stored).collect();
    let json = serde_json::to_string_pretty(&kept).expect("stored tables serialize");
    FEATURES.with(|f| {
        let mut f = f.borrow_mut();
        for feature in FEATURE_KEYS {
            *f.entry(feature).or_insert(0) += json.matches(feature).count();
        }
    });
    let read: Vec<StoredTable> = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{case}: stored JSON does not read back: {e}\n{json}"));
    assert_eq!(read, kept, "{case}: stored tables change through JSON");
    let restored = stored::restore(&read, env);
    if let Some(d) = restored.diagnostics.iter().find(|d| d.is_error()) {
        panic!("{case}: restoring failed: {d:?}\n{json}");
    }
    assert_eq!(restored.tables.len(), out.tables.len(), "{case}: {json}");
    for (a, b) in out.tables.iter().zip(&restored.tables) {
        assert_eq!(
            identity(a),
            identity(b),
            "{case}: table `{}` differs\n{json}",
            a.name()
        );
        let before = codes_of(out, a.name());
        for (code, n) in codes_of(&restored, b.name()) {
            assert!(
                before.get(code).is_some_and(|m| *m >= n),
                "{case}: restoring `{}` reports `{code}` anew: {:?}",
                a.name(),
                restored.diagnostics
            );
        }
    }
    out.tables.len()
}

/// What the stored tables of a corpus use, so the property is known to cover it.
const FEATURE_KEYS: &[&str] = &[
    "\"definition\"",
    "\"type\": \"inline\"",
    "\"type\": \"file\"",
    "\"type\": \"subject\"",
    "\"imports\"",
    "\"generated_fields\"",
    "\"metadata_fields\"",
    "\"watermark\"",
    "\"temporary\"",
    "\"partitioned_by\"",
    "\"connection_profile_id\"",
    "\"interval\"",
    "\"ident\"",
    "\"connector\": \"memory\"",
];

thread_local! {
    static FEATURES: std::cell::RefCell<BTreeMap<&'static str, usize>> = Default::default();
}

/// Runs every case of `dir`, each in its own unwind boundary so one failure does not hide
/// the others, and fails with the list of failures.
fn run_corpus(dir: &str, ext: &str, compile: impl Fn(&str, &Env<'_>) -> Compiled) -> usize {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let restore_env = fixtures.env().with_schemas(&NoSchemas);
    let mut tables = 0;
    let mut failed = Vec::new();
    for path in cases(dir, ext) {
        let text = std::fs::read_to_string(&path).expect("case reads");
        let out = compile(&text, &env);
        let case = path.display().to_string();
        let run = std::panic::AssertUnwindSafe(|| round_trip(&out, &restore_env, &case));
        match std::panic::catch_unwind(run) {
            Ok(n) => tables += n,
            Err(_) => failed.push(case),
        }
    }
    assert!(
        failed.is_empty(),
        "{} cases fail: {failed:#?}",
        failed.len()
    );
    tables
}

fn cases(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("case dir reads") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_compiling_ddl_case_restores_to_the_same_table() {
    let tables = run_corpus("tests/ddl", "sql", compile_sql);
    assert!(tables >= 240, "only {tables} tables compiled");
    // The corpus exercises every part of the storage form.
    FEATURES.with(|f| {
        for (feature, n) in f.borrow().iter() {
            assert!(*n > 0, "no stored table has {feature}");
        }
    });
}

#[test]
fn every_compiling_request_case_restores_to_the_same_table() {
    let tables = run_corpus("tests/requests", "json", compile_request);
    assert!(tables >= 20, "only {tables} tables compiled");
}
