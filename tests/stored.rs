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
    // Storing again gives the same stored tables: the form is a fixed point.
    let again: Vec<StoredTable> = restored.tables.iter().map(stored::to_stored).collect();
    assert_eq!(again, kept, "{case}: storing the restored tables differs");
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

const KAFKA: &str = "CREATE TABLE t (id BIGINT NOT NULL) WITH (connector = 'kafka',
    bootstrap_servers = 'localhost:9092', topic = 't', type = 'source', format = 'json',
    auth.type = 'sasl', auth.mechanism = 'PLAIN', auth.protocol = 'SASL_SSL',
    auth.username = 'app', auth.password = 'hunter2-stored')";

/// The stored JSON of the one table of `sql`, as a JSON value to edit.
fn stored_json(sql: &str) -> serde_json::Value {
    let registry = connector_ddl::Registry::builtin();
    let out = compile_sql(sql, &Env::new(&registry));
    assert!(!out.has_errors(), "{:?}", out.diagnostics);
    let kept: Vec<StoredTable> = out.tables.iter().map(stored::to_stored).collect();
    serde_json::to_value(&kept).expect("stored tables serialize")
}

fn restore_value(value: &serde_json::Value) -> (Compiled, String) {
    let registry = connector_ddl::Registry::builtin();
    let text = serde_json::to_string_pretty(value).expect("serializes");
    (stored::restore_json(&text, &Env::new(&registry)), text)
}

fn codes(out: &Compiled) -> Vec<&'static str> {
    out.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn at<'t>(out: &Compiled, text: &'t str, i: usize) -> &'t str {
    let d = &out.diagnostics[i];
    &text[d.span.start..d.span.end]
}

#[test]
fn an_option_no_longer_known_is_a_warning_and_the_table_restores() {
    let mut v = stored_json(KAFKA);
    v[0]["config"]["retired.option"] = serde_json::json!("x");
    let (out, text) = restore_value(&v);
    assert_eq!(codes(&out), ["stored::unknown_option"]);
    assert!(!out.diagnostics[0].is_error());
    assert_eq!(at(&out, &text, 0), "\"retired.option\"");
    assert_eq!(out.tables.len(), 1);
    // Rendering the diagnostic shows no secret of the stored table.
    assert!(!out
        .render_human("stored.json", false)
        .contains("hunter2-stored"));

    // Strict mode makes the warning an error, and the table fails as a SQL table would.
    let registry = connector_ddl::Registry::builtin();
    let strict = stored::restore_json(&text, &Env::new(&registry).strict(true));
    assert_eq!(codes(&strict), ["stored::unknown_option"]);
    assert!(strict.has_errors() && strict.tables.is_empty());
}

#[test]
fn an_unknown_or_missing_connector_is_an_error() {
    let mut v = stored_json(KAFKA);
    v[0]["connector"] = serde_json::json!("kafka_v0");
    let (out, text) = restore_value(&v);
    assert_eq!(codes(&out), ["connector::unknown"]);
    assert_eq!(at(&out, &text, 0), "\"kafka_v0\"");
    assert!(out.tables.is_empty());

    if let Some(o) = v[0].as_object_mut() {
        o.remove("connector");
    }
    let (out, _) = restore_value(&v);
    assert_eq!(codes(&out), ["request::invalid"]);
    assert!(out.tables.is_empty());
}

#[test]
fn pinned_text_that_no_longer_matches_its_fingerprint_is_an_error() {
    let sql = r#"CREATE TABLE clicks WITH (connector = 'kafka', bootstrap_servers = 'b:9092',
        topic = 'clicks', type = 'source', format = 'avro',
        avro.schema = '{"type": "record", "name": "Click", "fields": [{"name": "url", "type": "string"}]}')"#;
    let mut v = stored_json(sql);
    let definition = &mut v[0]["schema"]["definition"];
    assert_eq!(definition["origin"]["type"], "inline");
    // The inline schema is carried by the pin, not repeated in `config`.
    assert!(v[0]["config"].get("avro.schema").is_none());
    let (out, _) = restore_value(&v);
    assert_eq!(codes(&out), Vec::<&str>::new());

    let definition = &mut v[0]["schema"]["definition"];
    let tampered = definition["text"]
        .as_str()
        .unwrap_or("")
        .replace("\"string\"", "\"bytes\"");
    definition["text"] = serde_json::json!(tampered);
    let (out, text) = restore_value(&v);
    assert_eq!(codes(&out), ["stored::fingerprint_mismatch"]);
    assert!(at(&out, &text, 0).starts_with("\"sha256:"));
    assert!(out.tables.is_empty());
}

#[test]
fn stored_json_that_does_not_read_is_reported_where_it_breaks() {
    let registry = connector_ddl::Registry::builtin();
    let env = Env::new(&registry);
    let text = "[\n  {\"name\": \"t\",, }\n]";
    let out = stored::restore_json(text, &env);
    assert_eq!(codes(&out), ["stored::invalid"]);
    let d = &out.diagnostics[0];
    assert_eq!((d.span.start, d.span.end), (17, 18), "{d:?}");

    let out = stored::restore_json(r#"{"name": "t"}"#, &env);
    assert_eq!(codes(&out), ["stored::invalid"]);
    assert!(out.diagnostics[0].message.contains("found an object"));

    let out = stored::restore_json("[]", &env);
    assert!(out.diagnostics.is_empty() && out.tables.is_empty());
}

#[test]
fn a_table_stored_twice_is_an_error() {
    let v = stored_json(KAFKA);
    let twice = serde_json::json!([v[0].clone(), v[0].clone()]);
    let (out, _) = restore_value(&twice);
    assert_eq!(codes(&out), ["table::duplicate"]);
    assert_eq!(out.tables.len(), 1);
}

#[test]
fn secrets_are_kept_as_written_and_redacted_on_request() {
    let registry = connector_ddl::Registry::builtin();
    let out = compile_sql(KAFKA, &Env::new(&registry));
    let table = &out.tables[0];
    let kept = stored::to_stored(table);
    let json = serde_json::to_string(&kept).expect("serializes");
    assert!(json.contains("hunter2-stored"), "{json}");
    assert!(!format!("{kept:?}").contains("hunter2-stored"));

    let (shown, masked) = stored::to_stored_redacted(table);
    let json = serde_json::to_string(&shown).expect("serializes");
    // The SASL user name and password.
    assert_eq!(masked, 2);
    assert!(!json.contains("hunter2-stored"), "{json}");
    assert!(json.contains(r#""auth.password":"********""#), "{json}");

    // A placeholder is no secret: kept, and not counted (the user name still is).
    let sql = KAFKA.replace("hunter2-stored", "{{ KAFKA_PASSWORD }}");
    let out = compile_sql(&sql, &Env::new(&registry));
    let (shown, masked) = stored::to_stored_redacted(&out.tables[0]);
    assert_eq!(masked, 1);
    let json = serde_json::to_string(&shown).expect("serializes");
    assert!(json.contains("{{ KAFKA_PASSWORD }}"), "{json}");
}

#[test]
fn a_profile_is_stored_by_reference() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let sql = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka',
        connection_profile = 'production-kafka', topic = 't', type = 'source', format = 'json')";
    let out = compile_sql(sql, &env);
    assert!(!out.has_errors(), "{:?}", out.diagnostics);
    let json = serde_json::to_value(stored::to_stored(&out.tables[0])).expect("serializes");
    assert_eq!(json["connection_profile_id"], "production-kafka");
    assert!(json["config"].get("connection_profile").is_none());
    // Nothing of the profile is inlined.
    let text = json.to_string();
    assert!(
        !text.contains("s3cr3t-Pa55") && !text.contains("b1.prod"),
        "{text}"
    );
}

/// `ddlc`, as `cargo test` builds it; `None` when this build has no examples.
fn ddlc() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let path = exe.parent()?.parent()?.join("examples").join("ddlc");
    path.exists().then_some(path)
}

/// Runs `ddlc args` with `stdin`: status, stdout, stderr.
fn run_ddlc(exe: &std::path::Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(exe)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ddlc starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin writes");
    }
    let out = child.wait_with_output().expect("ddlc runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ddlc_writes_stored_tables_without_secrets_unless_asked_and_restores_them() {
    let Some(exe) = ddlc() else {
        eprintln!("ddlc not built; skipped");
        return;
    };
    let (status, stdout, stderr) = run_ddlc(&exe, &["--output", "stored"], KAFKA);
    assert_eq!(status, 0, "{stderr}");
    assert!(!stdout.contains("hunter2-stored") && !stderr.contains("hunter2-stored"));
    assert!(stdout.contains("\"********\""), "{stdout}");
    assert!(
        stderr.contains("2 secret values") && stderr.contains("--include-secrets"),
        "{stderr}"
    );

    let args = ["--output", "stored", "--include-secrets"];
    let (status, kept, stderr) = run_ddlc(&exe, &args, KAFKA);
    assert_eq!(status, 0, "{stderr}");
    assert!(kept.contains("hunter2-stored"));
    assert!(stderr.is_empty(), "{stderr}");

    // Restored, and printed as usual: the same JSON as compiling the SQL.
    let (_, compiled, _) = run_ddlc(&exe, &[], KAFKA);
    let (status, restored, stderr) = run_ddlc(&exe, &["--restore", "-"], &kept);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(restored, compiled);

    // Diagnostics point into the stored JSON.
    let broken = kept.replacen("\"topic\"", "\"topik\"", 1);
    let args = ["--restore", "-", "--errors", "json"];
    let (status, _, stderr) = run_ddlc(&exe, &args, &broken);
    assert_eq!(status, 1, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stderr).expect("one JSON document");
    let diags = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    let missing = diags
        .iter()
        .find(|d| d["code"] == "option::missing")
        .unwrap_or_else(|| panic!("no option::missing: {stderr}"));
    assert!(missing["line"].as_u64().is_some_and(|l| l > 1), "{stderr}");
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "stored::unknown_option")
        .unwrap_or_else(|| panic!("no stored::unknown_option: {stderr}"));
    assert_eq!(unknown["severity"], "warning", "{stderr}");
    assert!(!stderr.contains("hunter2-stored"));
}
