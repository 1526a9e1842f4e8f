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

#[test]
fn a_web_editor_session_through_the_public_api() {
    let registry = connector_ddl::Registry::builtin();
    let env = connector_ddl::Env::new(&registry);
    // The user types a table; the editor asks for completions as it goes.
    let mut doc = ide::Document::new(
        "CREATE TABLE clicks (id BIGINT, ts TIMESTAMP) WITH (connector = '",
        &env,
    );
    let end = doc.text().len();
    let items = ide::completions(&doc, end, &env);
    assert!(items
        .iter()
        .any(|i| i.label == "kafka" && i.kind == ide::CompletionKind::Connector));
    doc.edit(end, end, "kafka', tpoic = 'clicks', type = 'source', format = 'json', bootstrap_servers = 'b:9092');", &env);
    // One mistake, with a quick fix that makes it go away.
    let codes: Vec<&str> = doc.diagnostics().iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["option::unknown"]);
    let span = doc.diagnostics()[0].span;
    let actions = ide::code_actions(&doc, span);
    let fix = actions
        .iter()
        .find(|a| a.preferred)
        .expect("a preferred fix");
    assert_eq!(fix.title, "replace `tpoic` with `topic`");
    for e in fix.edits.iter().rev() {
        doc.edit(e.span.start, e.span.end, &e.replacement, &env);
    }
    assert!(doc.diagnostics().is_empty());
    assert_eq!(doc.tables().len(), 1);
    // Hover, symbols and definition answer plain serde data.
    let key = doc.text().find("type =").unwrap_or(0);
    let hover = ide::hover(&doc, key, &env).expect("a hover on `type`");
    assert!(hover.markdown.contains("source"));
    let symbols = ide::document_symbols(&doc);
    assert_eq!(symbols[0].children.len(), 2);
    let json = serde_json::to_value((&items[0], &hover, &actions, &symbols)).expect("serde");
    assert_eq!(json[3][0]["kind"], "table");
    assert_eq!(json[0]["kind"], "connector");
    // Go to definition of a column named in a later statement? No: of the table.
    doc.edit(
        doc.text().len(),
        doc.text().len(),
        "\nINSERT INTO clicks SELECT 1;",
        &env,
    );
    let at = doc.text().rfind("clicks").unwrap_or(0);
    let def = ide::definition(&doc, at + 1).expect("definition");
    assert_eq!(&doc.text()[def.start..def.end], "clicks");
    assert!(def.start < 20);
}

/// Every service at every byte offset (char boundaries or not, and past the end) of the
/// corpus and of hostile half-typed texts: no panic, and every span it
/// answers with lies on character boundaries inside the text.
#[test]
fn every_service_answers_at_every_offset_without_panicking() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let mut texts: Vec<String> = corpus().into_iter().map(|(_, t)| t).collect();
    texts.extend(
        [
            "CREATE TABLE t (a INT, b 'é😀",
            "CREATE TABLE t (a INT) WITH (connector = 'kafka', type = '",
            "CREATE TABLE t (a ARRAY<STRUCT<b MAP<",
            "CREATE TABLE 😀 (😀 INT PRIMARY KEY, WATERMARK FOR 😀 AS 😀 - INTERVAL '1' SECOND) WITH (connector = 'kafka', 'a😀' = 'é",
            "CREATE TABLE t (a INT) WITH (connector = 'kafka', , , = = '' ,)",
            "/* open comment CREATE TABLE t (",
            ";;;;CREATE;TABLE;(;",
            "CREATE TABLE t (a INT METADATA FROM '",
            "",
        ]
        .map(String::from),
    );
    let inside = |text: &str, s: connector_ddl::span::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for text in &texts {
        let doc = ide::Document::new(text.as_str(), &env);
        for s in ide::document_symbols(&doc) {
            assert!(inside(text, s.span) && inside(text, s.name_span), "{text}");
        }
        for offset in 0..=text.len() + 2 {
            for item in ide::completions(&doc, offset, &env) {
                assert!(inside(text, item.replace), "{text} at {offset}");
            }
            if let Some(h) = ide::hover(&doc, offset, &env) {
                assert!(inside(text, h.span), "{text} at {offset}");
            }
            if let Some(d) = ide::definition(&doc, offset) {
                assert!(inside(text, d), "{text} at {offset}");
            }
            let at = connector_ddl::span::Span::new(offset, offset);
            for a in ide::code_actions(&doc, at) {
                assert!(a.edits.iter().all(|e| inside(text, e.span)), "{text}");
            }
        }
    }
}

/// Opening compiles the whole text in one pass (each statement as if alone); an edit
/// then compiles the statements it touches on their own. Both must give what a fresh
/// open and `compile_sql` give, over the corpus (each case doubled, so every name is
/// defined twice, and after a table of its own, so its statements are not the first).
#[test]
fn opening_then_editing_equals_a_fresh_open_over_the_corpus() {
    let fixtures = Fixtures::load();
    let env = fixtures.env();
    let lead = "CREATE TABLE lead (id BIGINT,\n  name TEXT\n);\n";
    for (path, text) in corpus().iter().step_by(3) {
        let check = |doc: &ide::Document, what: &str| {
            let whole = compile_sql(doc.text(), &env);
            let fresh = ide::Document::new(doc.text(), &env);
            let at = format!("{} ({what})", path.display());
            assert_eq!(doc.diagnostics(), whole.diagnostics.as_slice(), "{at}");
            assert_eq!(fresh.diagnostics(), doc.diagnostics(), "{at}");
            let names = |t: &[connector_ddl::Table]| {
                t.iter().map(|t| t.name().to_string()).collect::<Vec<_>>()
            };
            assert_eq!(names(doc.tables()), names(&whole.tables), "{at}");
        };
        let mut doc = ide::Document::new(format!("{lead}{text}"), &env);
        check(&doc, "opened");
        // A character typed in the middle of the case, then taken out.
        let mut mid = lead.len() + text.len() / 2;
        while !doc.text().is_char_boundary(mid) {
            mid += 1;
        }
        doc.edit(mid, mid, "x", &env);
        check(&doc, "typed");
        doc.edit(mid, mid + 1, "", &env);
        check(&doc, "untyped");
        // A line inserted before it: every span and line after it moves.
        doc.edit(0, 0, "\n", &env);
        check(&doc, "line added");
        // The whole text replaced by the case twice, then by itself again.
        doc.set_text(format!("{text}\n;\n{text}"), &env);
        check(&doc, "set twice");
        doc.set_text(text.as_str(), &env);
        check(&doc, "set once");
    }
}

#[test]
fn a_missing_comma_is_reported_at_the_document_s_line() {
    let registry = connector_ddl::Registry::builtin();
    let env = connector_ddl::Env::new(&registry);
    let table = |name: &str| format!("CREATE TABLE {name} (\n  a INT,\n  b TEXT\n);\n");
    let text = format!(
        "{}{}CREATE TABLE c (\n  a INT\n  b TEXT\n);\n{}",
        table("a"),
        table("b"),
        table("d")
    );
    let help = |doc: &ide::Document| {
        let d = doc.diagnostics().first().expect("the missing comma");
        d.help.clone().unwrap_or_default()
    };
    let mut doc = ide::Document::new(text.as_str(), &env);
    assert_eq!(help(&doc), "add `,` at the end of line 10");
    assert_eq!(
        doc.diagnostics(),
        compile_sql(doc.text(), &env).diagnostics.as_slice()
    );
    // The statement compiled again on its own, then moved by a line.
    let b = doc.text().rfind("b TEXT").unwrap_or(0);
    doc.edit(b, b + 1, "bb", &env);
    assert_eq!(help(&doc), "add `,` at the end of line 10");
    doc.edit(0, 0, "\n", &env);
    assert_eq!(help(&doc), "add `,` at the end of line 11");
    assert_eq!(
        doc.diagnostics(),
        compile_sql(doc.text(), &env).diagnostics.as_slice()
    );
}
