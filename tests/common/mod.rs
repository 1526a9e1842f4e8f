//! Shared by the snapshot harnesses (`tests/ddl.rs`, `tests/requests.rs`): the fixtures,
//! the expectation a case states, the checks made before snapshotting, and the rendering.

use std::fmt::Write;

use connector_ddl::arrow_schema::Field;
use connector_ddl::diagnostics::JsonDiagnostic;
use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::schema::definition::MemorySchemas;
use connector_ddl::span::LineIndex;
use connector_ddl::Table;
use connector_ddl::{Compiled, Env, Registry};

/// Secrets of `tests/fixtures/profiles.json`; no output may ever contain them.
pub const FIXTURE_SECRETS: &[&str] = &[
    "s3cr3t-Pa55",
    "registry-secret-value",
    "pipeline",
    "confluent-secret-value",
    "sr-secret-value",
    "redis-secret-value",
    "iceberg-secret-token",
];

/// The registry, profiles and schemas every case compiles against.
pub struct Fixtures {
    registry: Registry,
    profiles: Profiles,
    schemas: MemorySchemas,
}

impl Fixtures {
    /// Loads `tests/fixtures`.
    pub fn load() -> Self {
        let text = include_str!("../fixtures/profiles.json");
        let list: Vec<ConnectionProfile> =
            serde_json::from_str(text).expect("fixture profiles parse");
        Fixtures {
            registry: Registry::builtin(),
            profiles: Profiles(list),
            schemas: schemas(),
        }
    }

    /// An environment with the fixture profiles and schemas.
    pub fn env(&self) -> Env<'_> {
        Env::new(&self.registry)
            .with_profiles(&self.profiles)
            .with_schemas(&self.schemas)
    }
}

/// Every file under `tests/fixtures/schemas`, by relative path (for `*.schema_file` and
/// protobuf imports) and, for top-level files, by stem as a registry subject.
fn schemas() -> MemorySchemas {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas");
    let mut out = MemorySchemas::default();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("schema fixtures dir reads") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("schema fixture reads");
            if !rel.contains('/') {
                if let Some(stem) = path.file_stem() {
                    out.subjects
                        .insert(stem.to_string_lossy().into_owned(), text.clone());
                }
            }
            out.files.insert(rel, text);
        }
    }
    out
}

/// What a case states must happen, and whether its snapshot shows the connector config.
pub struct Expect {
    /// The outcome.
    pub outcome: Outcome,
    /// `+config`: the case is about the connector's configuration, so its snapshot shows
    /// the config JSON (other snapshots leave it out, so that adding a config key does
    /// not rewrite every snapshot).
    pub config: bool,
}

/// The outcome a case states. The codes are the exact list the case reports, in the
/// order reported (diagnostics are sorted by position), errors and warnings alike: an
/// `error` case that also warns lists its warnings where they come.
pub enum Outcome {
    /// Compiles with no diagnostic at all.
    Ok,
    /// Fails, reporting exactly these codes (at least one of them an error).
    Error(Vec<String>),
    /// Compiles, reporting exactly these warnings.
    Warning(Vec<String>),
}

impl Expect {
    /// Parses `ok`, `error <code> …` or `warning <code> …`, each optionally followed by
    /// `+config`; `origin` names the case in panics.
    pub fn parse(text: &str, origin: &std::path::Path) -> Expect {
        let config = text.split_whitespace().any(|w| w == "+config");
        let mut words = text.split_whitespace().filter(|w| *w != "+config");
        let outcome = match words.next() {
            Some("ok") => Outcome::Ok,
            Some("error") => Outcome::Error(words.map(String::from).collect()),
            Some("warning") => Outcome::Warning(words.map(String::from).collect()),
            other => panic!("{}: unknown expectation {other:?}", origin.display()),
        };
        Expect { outcome, config }
    }

    /// What line 1 of a case reporting `out` would say (without `+config`).
    pub fn actual(out: &Compiled) -> String {
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
        match (out.has_errors(), codes.is_empty()) {
            (true, _) => format!("error {}", codes.join(" ")),
            (false, true) => "ok".to_string(),
            (false, false) => format!("warning {}", codes.join(" ")),
        }
    }

    /// Asserts that `out` is exactly what the case expects.
    pub fn check(&self, out: &Compiled, path: &std::path::Path) {
        let want = match &self.outcome {
            Outcome::Ok => "ok".to_string(),
            Outcome::Error(codes) => format!("error {}", codes.join(" ")),
            Outcome::Warning(codes) => format!("warning {}", codes.join(" ")),
        };
        let got = Expect::actual(out);
        if let Ok(dump) = std::env::var("EXPECT_DUMP") {
            if want != got {
                use std::io::Write as _;
                if let Ok(mut f) = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(dump)
                {
                    let _ = writeln!(f, "{}\t{want}\t{got}", path.display());
                }
                return;
            }
        }
        assert_eq!(
            want,
            got,
            "{}: line 1 says `{want}`, the case reports `{got}`",
            path.display()
        );
    }
}

/// The snapshot of a case: diagnostics as JSON lines and rendered for people (with secret
/// values masked), then the compiled tables when nothing failed, in a compact text form:
/// one line per column and per non-default setting; the connector config only for cases
/// marked `+config`.
pub fn render(source: &str, source_name: &str, out: &Compiled, expect: &Expect) -> String {
    let mut s = String::new();
    if !out.diagnostics.is_empty() {
        let index = LineIndex::new(source);
        s.push_str("--- diagnostics ---\n");
        for d in &out.diagnostics {
            let j = JsonDiagnostic::new(d, &index);
            s.push_str(&serde_json::to_string(&j).expect("diagnostic serializes"));
            s.push('\n');
        }
        s.push_str("--- rendered ---\n");
        s.push_str(&out.render_diagnostics(source_name, false));
    }
    if !out.has_errors() {
        s.push_str("--- tables ---\n");
        for t in &out.tables {
            s.push_str(&table_text(t, expect.config));
        }
    }
    s
}

/// A table in the snapshots' compact form.
fn table_text(table: &Table, with_config: bool) -> String {
    let mut out = String::new();
    let json = serde_json::to_value(table).expect("table serializes");
    let text = |key: &str| {
        json.get(key)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let _ = writeln!(
        out,
        "{}: {} {} — {}",
        table.name(),
        text("connector"),
        text("connection_type"),
        text("description")
    );
    let fields: &[Field] = match table {
        Table::Connection(c) => &c.schema.fields,
        Table::Memory(m) => &m.fields,
    };
    out.push_str("  fields:\n");
    for f in fields {
        let _ = write!(out, "    {}: {}", f.name(), f.data_type());
        if !f.is_nullable() {
            out.push_str(" not null");
        }
        if !f.metadata().is_empty() {
            let md: Vec<String> = f
                .metadata()
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let _ = write!(out, " {{{}}}", md.join(", "));
        }
        out.push('\n');
    }
    let schema = json.get("schema").and_then(|v| v.as_object());
    for (key, value) in schema.into_iter().flatten() {
        if key != "fields" && shown(key, value) {
            let _ = writeln!(out, "  schema.{key}: {value}");
        }
    }
    let header = [
        "name",
        "connector",
        "connection_type",
        "description",
        "schema",
        "config",
    ];
    for (key, value) in json.as_object().into_iter().flatten() {
        if !header.contains(&key.as_str()) && shown(key, value) {
            let _ = writeln!(out, "  {key}: {value}");
        }
    }
    if with_config {
        let config = serde_json::to_string_pretty(&json["config"]).expect("config serializes");
        out.push_str("  config: ");
        out.push_str(&config.replace('\n', "\n  "));
        out.push('\n');
    }
    out
}

/// Whether a setting differs from what every table has (null, false, empty, defaults).
fn shown(key: &str, value: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    let default = match (key, value) {
        ("bad_data", v) => v == &serde_json::json!({ "behavior": "fail" }),
        ("idle_time_micros", v) => v == &serde_json::json!(300_000_000),
        (_, V::Null | V::Bool(false)) => true,
        (_, V::Array(a)) => a.is_empty(),
        (_, V::Object(o)) => o.is_empty(),
        _ => false,
    };
    !default
}

/// Asserts that none of `secrets` appears in `rendered`.
pub fn assert_no_secret(rendered: &str, secrets: &[&str], path: &std::path::Path) {
    for secret in secrets {
        assert!(
            !rendered.contains(secret),
            "{}: secret `{secret}` leaked",
            path.display()
        );
    }
}

/// A `CREATE TABLE` for a connector's catalogue example with `options` as its WITH
/// clause (after `connector`).
#[allow(dead_code)] // for the catalogue and Arroyo tests, not every harness
pub fn example_ddl(
    connector: &str,
    ex: &connector_ddl::connector::Example,
    options: &[(String, String)],
) -> String {
    let mut with = vec![format!("connector = '{connector}'")];
    with.extend(options.iter().map(|(k, v)| format!("{k} = {v}")));
    let columns = if ex.columns.is_empty() {
        String::new()
    } else {
        format!(" ({})", ex.columns)
    };
    format!(
        "CREATE {}TABLE t{columns} WITH (\n    {}\n);\n",
        if ex.temporary { "TEMPORARY " } else { "" },
        with.join(",\n    ")
    )
}
