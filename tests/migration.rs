//! Migration help leads somewhere: for every Flink and RisingWave statement in
//! `tests/ddl/flink/` and `tests/ddl/risingwave/`, applying the fixes of its diagnostics
//! (round after round, until none is left) gives DDL that compiles with the meaning the
//! statement had there.
//!
//! Line 2 of each case says what it should become:
//! - `-- migrates: <connector> <source|sink> <format|-> [; key = 'value']…` — after the
//!   fixes, it compiles to a table of that connector, type and format, with these options;
//! - `-- migrates: no, <why>` — it cannot (a feature has no equivalent here, or nothing
//!   says whether the table is read or written): after the fixes it still fails, and every
//!   error left has a help that says what to do.

#[allow(dead_code)] // the snapshot harnesses use the rest
mod common;

use common::Fixtures;
use connector_ddl::diagnostics::apply_fixes;
use connector_ddl::{compile_sql, Compiled, Table};

/// At most this many rounds of fixes (a fix may reveal the next step, e.g. a `type`).
const ROUNDS: usize = 4;

struct Target {
    connector: String,
    connection_type: String,
    format: Option<String>,
    options: Vec<String>,
}

fn target(line: &str, path: &std::path::Path) -> Option<Target> {
    let spec = line
        .strip_prefix("-- migrates:")
        .unwrap_or_else(|| panic!("{}: line 2 must be `-- migrates: …`", path.display()))
        .trim();
    if spec.starts_with("no") {
        return None;
    }
    let mut parts = spec.split(';').map(str::trim);
    let head: Vec<&str> = parts.next().unwrap_or("").split_whitespace().collect();
    let [connector, connection_type, format] = head[..] else {
        panic!("{}: `-- migrates: connector type format`", path.display());
    };
    Some(Target {
        connector: connector.to_string(),
        connection_type: connection_type.to_string(),
        format: (format != "-").then(|| format.to_string()),
        options: parts
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// Applies every fix, round after round; returns the final text and the last compile.
fn migrate(sql: &str, fixtures: &Fixtures) -> (String, Compiled) {
    let env = fixtures.env();
    let mut text = sql.to_string();
    let mut out = compile_sql(&text, &env);
    for _ in 0..ROUNDS {
        if out.diagnostics.iter().all(|d| d.fixes.is_empty()) {
            break;
        }
        let next = apply_fixes(&text, &out.diagnostics);
        if next == text {
            break;
        }
        text = next;
        out = compile_sql(&text, &env);
    }
    (text, out)
}

fn cases() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ddl");
    let mut out = Vec::new();
    for dir in ["flink", "risingwave"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "sql") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn fixes_give_ddl_that_compiles_with_the_same_meaning() {
    let fixtures = Fixtures::load();
    let mut failures = Vec::new();
    let (mut migrated, mut expected) = (0, 0);
    for path in cases() {
        let sql = std::fs::read_to_string(&path).expect("case reads");
        let Some(line) = sql.lines().nth(1).filter(|l| l.starts_with("-- migrates:")) else {
            continue; // not a statement from Flink's or RisingWave's docs
        };
        let Some(want) = target(line, &path) else {
            // No equivalent: after the fixes it still fails, and every error says what
            // to do (the last step is the user's).
            let (text, out) = migrate(&sql, &fixtures);
            let silent: Vec<String> = out
                .diagnostics
                .iter()
                .filter(|d| d.is_error() && d.help.is_none())
                .map(|d| d.to_string())
                .collect();
            assert!(
                out.has_errors() && silent.is_empty(),
                "{}: a statement that cannot migrate must fail with help\n{text}\n{silent:?}",
                path.display()
            );
            continue;
        };
        expected += 1;
        let (text, out) = migrate(&sql, &fixtures);
        let problem = check(&out, &want);
        match problem {
            None => migrated += 1,
            Some(p) => {
                let diags: Vec<String> = out.diagnostics.iter().map(|d| d.to_string()).collect();
                failures.push(format!(
                    "{}: {p}\n--- after fixes ---\n{text}\n--- diagnostics ---\n{}",
                    path.display(),
                    diags.join("\n")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{migrated} of {expected} migrated\n\n{}",
        failures.join("\n\n")
    );
    eprintln!("{migrated} of {expected} statements migrated");
}

fn check(out: &Compiled, want: &Target) -> Option<String> {
    if out.has_errors() {
        return Some("still has errors".into());
    }
    let Some(Table::Connection(t)) = out.tables.first() else {
        return Some("no connection table".into());
    };
    if t.connector != want.connector {
        return Some(format!("connector `{}`", t.connector));
    }
    if t.connection_type.to_string() != want.connection_type {
        return Some(format!("type `{}`", t.connection_type));
    }
    let format = t.schema.format.as_ref().map(|f| f.name().to_string());
    if format != want.format {
        return Some(format!("format {format:?}"));
    }
    let written: Vec<String> = t
        .options
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    for o in &want.options {
        if !written.contains(o) {
            return Some(format!("option `{o}` not among {written:?}"));
        }
    }
    None
}

/// Each diagnostic's fixes alone make that diagnostic go away: after applying them, the
/// statement reports fewer diagnostics of that code (and the text still parses as far as
/// it did).
#[test]
fn each_diagnostics_fixes_remove_it() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let mut failures = Vec::new();
    for path in cases() {
        let sql = std::fs::read_to_string(&path).expect("case reads");
        let out = compile_sql(&sql, &env);
        for d in out.diagnostics.iter().filter(|d| !d.fixes.is_empty()) {
            let count = |c: &Compiled| c.diagnostics.iter().filter(|x| x.code == d.code).count();
            let fixed = apply_fixes(&sql, std::slice::from_ref(d));
            let again = compile_sql(&fixed, &env);
            let syntax = |c: &Compiled| {
                c.diagnostics
                    .iter()
                    .filter(|x| x.code.as_str() == "parse::syntax")
                    .count()
            };
            if count(&again) >= count(&out) || syntax(&again) > syntax(&out) {
                failures.push(format!("{}: {d}\n{fixed}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
