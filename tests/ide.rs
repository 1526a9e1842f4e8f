//! The editor services through the public API only, as a web editor would use them, and
//! the document's diagnostics against `compile_sql` over the whole corpus.

#[allow(dead_code)] // the corpus fixtures only
mod common;

use common::Fixtures;
use connector_ddl::{compile_sql, ide};

/// Every case of `tests/ddl`, as (path, text).
fn corpus() -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ddl")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sql") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                out.push((p, text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn documents_report_what_compile_sql_reports_over_the_corpus() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let cases = corpus();
    assert!(cases.len() > 500, "{} cases", cases.len());
    for (path, text) in &cases {
        let whole = compile_sql(text, &env);
        let doc = ide::Document::new(text.as_str(), &env);
        assert_eq!(
            doc.diagnostics(),
            whole.diagnostics.as_slice(),
            "{}",
            path.display()
        );
        let names =
            |t: &[connector_ddl::Table]| t.iter().map(|t| t.name().to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(doc.tables()),
            names(&whole.tables),
            "{}",
            path.display()
        );
    }
}

#[test]
fn typing_a_case_character_by_character_stays_equal_to_compile_sql() {
    // Every prefix of a few cases: the text of an editor while the user types.
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let cases = corpus();
    for (path, text) in cases.iter().step_by(97) {
        let mut doc = ide::Document::new("", &env);
        let mut typed = 0;
        for (i, c) in text.char_indices() {
            doc.edit(i, i, &c.to_string(), &env);
            typed = i + c.len_utf8();
            if c == '\n' || c == ',' || c == '\'' {
                let whole = compile_sql(doc.text(), &env);
                assert_eq!(
                    doc.diagnostics(),
                    whole.diagnostics.as_slice(),
                    "{} at {i}",
                    path.display()
                );
            }
        }
        assert_eq!(doc.text(), &text[..typed]);
        assert_eq!(
            doc.diagnostics(),
            compile_sql(text, &env).diagnostics.as_slice()
        );
    }
}
