//! Human rendering (issue #9): one position everywhere, and output in proportion.
//!
//! - The `name:line:column` miette prints in each snippet of a diagnostic is the position
//!   `--errors json` gives for the same span (the primary, or a label), over the whole DDL
//!   corpus, also with CRLF and lone-CR line endings, tabs, non-ASCII text and masked
//!   multi-line secrets.
//! - 10,000 diagnostics render in output proportionate to the input: no diagnostic
//!   reprints a long line or the lines between far-apart labels.

#[allow(dead_code)]
mod common;

use std::collections::BTreeSet;

use connector_ddl::diagnostics::JsonDiagnostic;
use connector_ddl::span::LineIndex;
use connector_ddl::{compile_sql, Compiled, Env, Registry};

/// Each diagnostic's lines in a plain human rendering: a block starts at its
/// `severity[code]:` header.
fn blocks<'r>(rendered: &'r str, out: &Compiled) -> Vec<Vec<&'r str>> {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut next = 0;
    for line in rendered.lines() {
        let starts = out
            .diagnostics
            .get(next)
            .is_some_and(|d| line.starts_with(&format!("{}[{}]: ", d.severity, d.code)));
        if starts {
            blocks.push(Vec::new());
            next += 1;
        }
        if let Some(b) = blocks.last_mut() {
            b.push(line);
        }
    }
    assert_eq!(blocks.len(), out.diagnostics.len(), "{rendered}");
    blocks
}

/// The `line:column` of each snippet header (`╭─[name:line:column]`) in a block.
fn headers(block: &[&str], name: &str) -> Vec<(usize, usize)> {
    let marker = format!("╭─[{name}:");
    block
        .iter()
        .filter_map(|l| {
            let rest = l.split_once(&marker)?.1.strip_suffix(']')?;
            let (line, column) = rest.split_once(':')?;
            Some((line.parse().ok()?, column.parse().ok()?))
        })
        .collect()
}

/// Checks that human and JSON positions agree for every diagnostic of `source`; returns
/// how many snippet headers were compared.
fn assert_positions_agree(what: &str, source: &str, out: &Compiled) -> usize {
    let name = "case.sql";
    let rendered = out.render_diagnostics(name, false);
    let index = LineIndex::new(source);
    let mut compared = 0;
    for (d, block) in out.diagnostics.iter().zip(blocks(&rendered, out)) {
        let j = JsonDiagnostic::new(d, &index);
        let mut known: BTreeSet<(usize, usize)> = BTreeSet::new();
        if let (Some(l), Some(c)) = (j.line, j.column) {
            known.insert((l, c));
        }
        for l in &j.labels {
            if let (Some(line), Some(c)) = (l.line, l.column) {
                known.insert((line, c));
            }
        }
        let shown = headers(&block, name);
        for h in &shown {
            assert!(
                known.contains(h),
                "{what}: `{}` shows {h:?}, JSON has {known:?}\n{}",
                d.code,
                block.join("\n")
            );
        }
        if let (Some(l), Some(c)) = (j.line, j.column) {
            assert!(
                shown.contains(&(l, c)) || shown.is_empty() && block.len() < 3,
                "{what}: `{}` at {l}:{c} in JSON, not among {shown:?}\n{}",
                d.code,
                block.join("\n")
            );
        }
        compared += shown.len();
    }
    compared
}

fn corpus() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ddl");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus dir reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                let text = std::fs::read_to_string(&path).expect("case reads");
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn human_headers_agree_with_json_over_the_corpus() {
    let fixtures = common::Fixtures::load();
    let env = fixtures.env();
    let mut compared = 0;
    for (path, text) in corpus() {
        // As written, with CRLF line endings, with tabs and non-ASCII text before every
        // line, and with a lone CR in a comment on every line.
        let variants = [
            text.clone(),
            text.replace('\n', "\r\n"),
            text.replace('\n', "\n\t-- é😀\n\t"),
            text.replace('\n', " -- a\rb\n"),
        ];
        for (i, source) in variants.iter().enumerate() {
            let out = compile_sql(source, &env);
            compared += assert_positions_agree(&format!("{path} (variant {i})"), source, &out);
        }
    }
    assert!(compared > 500, "only {compared} snippet headers compared");
}

#[test]
fn a_masked_multi_line_secret_does_not_shift_later_lines() {
    let sql = "CREATE TABLE t (a INT) WITH (\n  connector = 'kafka',\n  bootstrap_servers = 'localhost:9092',\n  topic = 't',\n  type = 'source',\n  format = 'json',\n  auth.type = 'sasl',\n  auth.mechanism = 'PLAIN',\n  auth.protocol = 'SASL_SSL',\n  auth.username = 'u',\n  auth.password = 'line one\nline two\nline three',\n  nope = 1\n);";
    let registry = Registry::builtin();
    let out = compile_sql(sql, &Env::new(&registry));
    let rendered = out.render_diagnostics("case.sql", false);
    assert!(!rendered.contains("line two"), "{rendered}");
    assert!(rendered.contains("case.sql:14:3"), "{rendered}");
    assert!(assert_positions_agree("multi-line secret", sql, &out) > 0);
}

#[test]
fn a_lone_carriage_return_is_not_a_line_in_either() {
    let sql = "CREATE TABLE t (a INT) WITH (connector = 'kafka', \r nope = 1);";
    let registry = Registry::builtin();
    let out = compile_sql(sql, &Env::new(&registry));
    let index = LineIndex::new(sql);
    let nope = out
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "option::unknown")
        .map(|d| JsonDiagnostic::new(d, &index));
    assert_eq!(nope.as_ref().and_then(|j| j.line), Some(1));
    // Characters from the line start, the CR counted as one.
    let column = sql.find("nope").map_or(0, |i| i + 1);
    assert_eq!(nope.and_then(|j| j.column), Some(column));
    let rendered = out.render_diagnostics("case.sql", false);
    assert!(
        rendered.contains(&format!("case.sql:1:{column}")),
        "{rendered}"
    );
    assert!(!rendered.contains('\r'), "{rendered:?}");
    assert_positions_agree("lone CR", sql, &out);
}

fn rendered_size(sql: &str) -> (usize, usize) {
    let registry = Registry::builtin();
    let out = compile_sql(sql, &Env::new(&registry));
    let human = out.render_human("input.sql", false);
    (out.diagnostics.len(), human.len())
}

/// At most this many bytes of human output per diagnostic, and per byte of input.
const PER_DIAGNOSTIC: usize = 2_000;
const PER_INPUT_BYTE: usize = 64;

fn assert_bounded(what: &str, sql: &str, at_least: usize) {
    let (count, size) = rendered_size(sql);
    assert!(count >= at_least, "{what}: only {count} diagnostics");
    assert!(
        size <= count * PER_DIAGNOSTIC && size <= sql.len() * PER_INPUT_BYTE,
        "{what}: {size} bytes of output for {count} diagnostics and {} bytes of input",
        sql.len()
    );
}

#[test]
fn ten_thousand_diagnostics_on_one_line_render_in_proportion() {
    let options: String = (0..10_000).map(|i| format!("nope{i} = 1, ")).collect();
    let sql = format!("CREATE TABLE t (a INT) WITH ({options}connector = 'impulse');");
    assert_bounded("one line", &sql, 10_000);
}

#[test]
fn ten_thousand_diagnostics_on_their_own_lines_render_in_proportion() {
    let options: String = (0..10_000).map(|i| format!("  nope{i} = 1,\n")).collect();
    let sql = format!("CREATE TABLE t (a INT) WITH (\n{options}  connector = 'impulse'\n);");
    assert_bounded("own lines", &sql, 10_000);
}

#[test]
fn labels_far_from_their_diagnostic_do_not_print_the_lines_between() {
    // Line 2k redefines the table of line k: each diagnostic's "first defined here" label
    // is as far back as the diagnostic is into the script.
    let n = 4_000;
    let mut lines = Vec::new();
    for l in 1..=n {
        if l % 2 == 0 {
            lines.push(format!("CREATE TABLE t{} (a INT);", l / 2));
        } else {
            lines.push(format!("CREATE TABLE t{l} (a INT);"));
        }
    }
    let sql = lines.join("\n");
    let (count, size) = rendered_size(&sql);
    assert!(count >= 1_000, "{count} diagnostics");
    assert!(
        size <= count * PER_DIAGNOSTIC,
        "{size} bytes for {count} diagnostics"
    );
}

#[test]
fn a_diagnostic_over_a_huge_statement_shows_a_few_lines() {
    // A statement longer than the expression limit is one diagnostic over all of it.
    let sql = format!("UPSERT 1{}", "\n+ 1".repeat(20_000));
    assert_bounded("huge statement", &sql, 1);
}

#[test]
fn long_context_lines_are_left_out() {
    // Diagnostics between lines of a megabyte each.
    let long = format!("-- {}", "x".repeat(1 << 20));
    let sql = format!(
        "CREATE TABLE t (a INT) WITH (\n{long}\nnope = 1,\n{long}\nconnector = 'impulse'\n{long}\n);"
    );
    let (count, size) = rendered_size(&sql);
    assert!(count >= 1);
    assert!(
        size <= count * PER_DIAGNOSTIC,
        "{size} bytes for {count} diagnostics"
    );
}
