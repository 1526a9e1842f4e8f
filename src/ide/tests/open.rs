//! Opening with one compile of the whole text (`ide/open.rs`) makes the pieces and units
//! the piece-by-piece path makes.

use super::{env, registry};
use crate::compile::Env;
use crate::ide::document::{Piece, Unit, UnitText};
use crate::ide::open::open;
use crate::ide::split::Splitter;

use crate::test_corpus::ddl_corpus as corpus;

/// The splitter's pieces of `text`.
fn split(text: &str) -> Vec<(usize, usize)> {
    let mut splitter = Splitter::new(text, 0);
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(end) = splitter.next_cut() {
        out.push((start, end));
        start = end;
    }
    out
}

/// A unit as data that can be compared: diagnostics, tables (as JSON), secret spans
/// (sorted), names, and whether the tokenizer stopped.
fn facts(u: &Unit, env: &Env<'_>) -> String {
    let tables: Vec<serde_json::Value> = u
        .compiled
        .tables
        .iter()
        .map(|t| serde_json::to_value(t).unwrap_or_default())
        .collect();
    // The line a missing `,`'s help names is the document's, set when assembling.
    let mut diagnostics = u.compiled.diagnostics.clone();
    for d in &mut diagnostics {
        if let Some(h) = d.help.as_mut() {
            if let Some(at) = h.find(" of line ") {
                h.truncate(at);
            }
        }
    }
    let mut secrets = u.secret_spans(env.registry).to_vec();
    secrets.sort_by_key(|s| (s.start, s.end));
    format!(
        "{:#?}\n{tables:#?}\n{secrets:?}\n{:?}\n{}\n{}",
        diagnostics,
        u.names,
        u.tokenizer_error,
        u.piece_text()
    )
}

/// When `open` answers, its pieces are the splitter's and each unit is the piece's
/// own compile; returns whether it answered.
fn opens_as_piece_by_piece(name: &str, text: &str, env: &Env<'_>) -> bool {
    let Some(pieces) = open(text, env) else {
        return false;
    };
    let bounds: Vec<(usize, usize)> = pieces.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(bounds, split(text), "{name}");
    for Piece { start, end, unit } in &pieces {
        let piece = &text[*start..*end];
        let alone = Unit::compile(UnitText::own(piece), piece.len(), env);
        let unit = unit.as_ref().expect("every piece has its unit");
        assert_eq!(facts(unit, env), facts(&alone, env), "{name} at {start}");
    }
    true
}

#[test]
fn opening_in_one_compile_gives_each_piece_its_own_compile_over_the_corpus() {
    let r = registry();
    let plain = env(&r);
    let strict = Env::new(&r).strict(true);
    let files = corpus();
    let mut opened = 0;
    for (name, text) in &files {
        if opens_as_piece_by_piece(name, text, &plain) {
            opened += 1;
        }
        opens_as_piece_by_piece(name, text, &strict);
        // The whole corpus as one script: duplicate names, evidence across files.
        let doubled = format!("{text}\n;\n{text}");
        opens_as_piece_by_piece(name, &doubled, &plain);
    }
    // Only texts the tokenizer rejects (and `COPY`) take the piece-by-piece path.
    assert!(opened * 10 > files.len() * 9, "{opened} of {}", files.len());
}

#[test]
fn opening_in_one_compile_on_tricky_text() {
    let r = registry();
    let env = env(&r);
    for text in [
        "",
        ";",
        " ;; ;",
        "-- only a comment",
        "CREATE TABLE a (x INT)",
        "CREATE TABLE a (x INT);",
        ";;CREATE TABLE a (x INT) /* ; */ ; -- ;\n ; CREATE TABLE b (y INT)\n",
        "\u{feff}CREATE TABLE é (ü TEXT) WITH (connector = 'kafka', password = 'hunter22');  -- 😀",
        "CREATE TABLE a (x INT) WITH (connector = 'kafka', 'sasl.password' = 'p;w');\nINSERT INTO a SELECT 1;",
        "CREATE TABLE $$a;b$$ (x INT); CREATE TABLE c (x INT)",
        "CREATE TABLE (;\nCREATE TABLE b (x BIGNT);",
        "CREATE TABLE a (x DECIMAL(99, 2)) WITH (connector = 'kafka');",
        "INSERT INTO f SELECT * FROM g;\nCREATE TABLE f (id INT) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'b:9092', 'format' = 'json') -- last",
    ] {
        opens_as_piece_by_piece(text, text, &env);
    }
}

#[test]
fn texts_the_one_compile_cannot_open_are_left_to_the_pieces() {
    let r = registry();
    let env = env(&r);
    for text in [
        // The tokenizer's error ends the script.
        "CREATE TABLE a (x INT); CREATE TABLE b (y INT) WITH (connector = 'kafka",
        // `COPY` data runs past `;`.
        "CREATE TABLE a (x INT);\nCOPY a FROM STDIN;\n1;2\n\\.\n",
        // A byte order mark after a `;` is text, but not at a piece's start.
        "CREATE TABLE a (x INT);\u{feff}REATE TABLE b (y INT);",
    ] {
        assert!(open(text, &env).is_none(), "{text}");
    }
}
