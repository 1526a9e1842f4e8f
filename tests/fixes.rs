//! Fixes that work: for every case of `tests/ddl` and `tests/requests`, apply every
//! machine-applicable fix, compile again, and check that each fixed diagnostic is gone and
//! that no new error appeared (unless the fixed mistake stopped the checks, as an unknown
//! connector does). A case whose fix needs a value the user must choose has no fix, and is
//! left as it is.

// Only the fixtures are used here.
#[allow(dead_code)]
mod common;

use common::Fixtures;
use connector_ddl::diagnostics::{apply_fixes, Diagnostic};
use connector_ddl::{compile_request, compile_sql, Compiled, Env};

/// What identifies a diagnostic across an edit that moves text: its code and message.
fn key(d: &Diagnostic) -> (String, String) {
    (d.code.as_str().to_string(), d.message.clone())
}

/// The non-empty text `d` points at in `text`.
fn span_text<'a>(text: &'a str, d: &Diagnostic) -> Option<&'a str> {
    text.get(d.span.start..d.span.end)
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// Applies the fixes of `out` to `source`, recompiles with `compile`, and returns a
/// description of what went wrong, if anything; `None` also when there was no fix.
fn check_fixes(source: &str, out: &Compiled, compile: &dyn Fn(&str) -> Compiled) -> Option<String> {
    if out.diagnostics.iter().all(|d| d.fixes.is_empty()) {
        return None;
    }
    let fixed_text = apply_fixes(source, &out.diagnostics);
    let again = compile(&fixed_text);
    let before: Vec<(String, String)> = out.diagnostics.iter().map(key).collect();
    let mut problems = Vec::new();
    for d in out.diagnostics.iter().filter(|d| !d.fixes.is_empty()) {
        if again.diagnostics.iter().any(|a| key(a) == key(d)) {
            problems.push(format!("fixed diagnostic still reported: {d}"));
        }
    }
    // An unknown connector, a table without one or a statement that does not parse stops
    // the checks of everything after it: what they find once fixed is not new.
    let blocking = out.diagnostics.iter().any(|d| {
        matches!(
            d.code.as_str(),
            "connector::unknown" | "table::memory" | "parse::syntax"
        )
    });
    for d in again
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && !blocking)
    {
        // A value fixed to one that brings conditional options along (`auth.type =
        // 'sasl'`) makes those required; their values are the user's to choose.
        let conditional = d.code.as_str() == "option::missing"
            && d.help
                .as_deref()
                .is_some_and(|h| h.contains("it is required when"));
        // The same mistake at the same text, reported in other words once the fixes have
        // translated what surrounds it (a foreign key renamed, its value now checked).
        let same_place = out.diagnostics.iter().any(|o| {
            o.is_error()
                && o.fixes.is_empty()
                && span_text(source, o).is_some_and(|t| Some(t) == span_text(&fixed_text, d))
        });
        if !before.contains(&key(d)) && !conditional && !same_place {
            problems.push(format!("new error after the fixes: {d}"));
        }
    }
    (!problems.is_empty())
        .then(|| format!("{}\n--- fixed text ---\n{fixed_text}", problems.join("\n")))
}

#[test]
fn every_fix_in_the_corpus_works() {
    let fixtures = Fixtures::load();
    let env: Env<'_> = fixtures.env();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut failures = Vec::new();
    let mut fixed = 0;
    let mut stack = vec![root.join("ddl"), root.join("requests")];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus dir reads")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str());
            let compile: &dyn Fn(&str) -> Compiled = match ext {
                Some("sql") => &|s: &str| compile_sql(s, &env),
                Some("json") => &|s: &str| compile_request(s, &env),
                _ => continue,
            };
            let source = std::fs::read_to_string(&path).expect("case reads");
            let out = compile(&source);
            if out.diagnostics.iter().any(|d| !d.fixes.is_empty()) {
                fixed += 1;
            }
            if let Some(problem) = check_fixes(&source, &out, compile) {
                failures.push(format!("{}: {problem}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(fixed >= 10, "only {fixed} cases have fixes");
}

#[test]
fn fixes_never_carry_a_secret() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    // A misspelled key next to a secret value: the fix renames the key only.
    let sql = "CREATE TABLE t (id BIGINT) WITH (connector = 'confluent', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json', key = 'k', secrett = 'hunter2-fix')";
    let out = compile_sql(sql, &env);
    for d in &out.diagnostics {
        for f in &d.fixes {
            assert!(!f.replacement.contains("hunter2-fix"), "{d:?}");
        }
    }
}
