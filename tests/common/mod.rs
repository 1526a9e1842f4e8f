//! Shared by the snapshot harnesses (`tests/ddl.rs`, `tests/requests.rs`): the fixtures,
//! the expectation a case states, the checks made before snapshotting, and the rendering.

use connector_ddl::diagnostics::{redact_source, render_human, JsonDiagnostic};
use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::schema::definition::MemorySchemas;
use connector_ddl::span::LineIndex;
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

/// What a case states must happen.
pub enum Expect {
    /// Compiles without errors (warnings allowed).
    Ok,
    /// Fails, reporting at least these error codes.
    Error(Vec<String>),
    /// Compiles, with at least these warnings.
    Warning(Vec<String>),
}

impl Expect {
    /// Parses `ok`, `error <code> …` or `warning <code> …`; `origin` names the case in panics.
    pub fn parse(text: &str, origin: &std::path::Path) -> Expect {
        let mut words = text.split_whitespace();
        match words.next() {
            Some("ok") => Expect::Ok,
            Some("error") => Expect::Error(words.map(String::from).collect()),
            Some("warning") => Expect::Warning(words.map(String::from).collect()),
            other => panic!("{}: unknown expectation {other:?}", origin.display()),
        }
    }

    /// Asserts that `out` is what the case expects.
    pub fn check(&self, out: &Compiled, path: &std::path::Path) {
        let codes: Vec<(bool, &str)> = out
            .diagnostics
            .iter()
            .map(|d| (d.is_error(), d.code.as_str()))
            .collect();
        match self {
            Expect::Ok => assert!(
                !out.has_errors(),
                "{}: expected ok, got {codes:?}",
                path.display()
            ),
            Expect::Error(want) => {
                assert!(
                    out.has_errors(),
                    "{}: expected errors, got none",
                    path.display()
                );
                for w in want {
                    assert!(
                        codes.iter().any(|(e, c)| *e && c == w),
                        "{}: expected error {w}, got {codes:?}",
                        path.display()
                    );
                }
            }
            Expect::Warning(want) => {
                assert!(
                    !out.has_errors(),
                    "{}: expected only warnings, got {codes:?}",
                    path.display()
                );
                for w in want {
                    assert!(
                        codes.iter().any(|(e, c)| !*e && c == w),
                        "{}: expected warning {w}, got {codes:?}",
                        path.display()
                    );
                }
            }
        }
    }
}

/// The snapshot of a case: diagnostics as JSON lines and rendered for people (with secret
/// values masked), then the compiled tables when nothing failed.
pub fn render(source: &str, source_name: &str, out: &Compiled) -> String {
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
        let shown = redact_source(source, &out.secret_spans);
        for d in &out.diagnostics {
            s.push_str(&render_human(d, source_name, &shown, false));
        }
    }
    if !out.has_errors() {
        s.push_str("--- tables ---\n");
        s.push_str(&serde_json::to_string_pretty(&out.tables).expect("tables serialize"));
        s.push('\n');
    }
    s
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
