use crate::ide::split::{split, tokenizer_fails, End};
use crate::span::LineIndex;
use sqlparser::dialect::GenericDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

/// The byte offsets just after each `;` token sqlparser finds, or `None` on an error.
fn semicolons(text: &str) -> Option<Vec<usize>> {
    let tokens = Tokenizer::new(&GenericDialect {}, text)
        .tokenize_with_location()
        .ok()?;
    let index = LineIndex::new(text);
    Some(
        tokens
            .iter()
            .filter(|t| t.token == Token::SemiColon)
            .map(|t| index.offset(t.span.end.line, t.span.end.column))
            .collect(),
    )
}

/// The splitter cuts exactly at sqlparser's `;` tokens; or, where it does not, the piece
/// before a wrong cut fails to tokenize (so the document compiles the whole text).
fn agrees(text: &str) {
    let (cuts, end) = split(text);
    let Some(want) = semicolons(text) else {
        // sqlparser stops: the document must notice (an open end, or a piece that fails).
        let mut start = 0;
        let noticed = end != End::Clean
            || cuts.iter().any(|&c| {
                let piece = text.get(start..c).unwrap_or("");
                start = c;
                tokenizer_fails(piece)
            });
        assert!(noticed, "tokenizer error not noticed: {text:?}");
        return;
    };
    if end == End::Copy {
        return;
    }
    let mut start = 0;
    for &c in &cuts {
        let piece = text.get(start..c).unwrap_or("");
        let real = want.contains(&c) || c == text.len();
        assert!(
            real || tokenizer_fails(piece),
            "wrong cut at {c} in {text:?}"
        );
        start = c;
    }
    for w in &want {
        assert!(cuts.contains(w), "missed `;` at {w} in {text:?}: {cuts:?}");
    }
}

#[test]
fn cuts_at_semicolons_outside_strings_names_and_comments() {
    for text in [
        "",
        "SELECT 1",
        "SELECT 1;",
        "SELECT 1; SELECT 2;\n",
        "CREATE TABLE t (a INT) WITH (connector = 'kafka', topic = 'a;b');\nSELECT 1;",
        "SELECT 'it''s; fine'; SELECT \"a;b\", `c;d`;",
        "SELECT 1 -- a; comment\n; SELECT 2",
        "SELECT /* a; /* nested; */ still; */ 1; SELECT 2",
        "SELECT $$ a; b $$, $tag$ c; $x$ d $tag$; SELECT $1;",
        "SELECT E'a\\'; b'; SELECT X'AB'; SELECT N'x;y';",
        "SELECT U&'a;b', Q'[x;]y]', nq'{a;}';",
        "SELECT t.e'x'; SELECT 1",
        "SELECT é, 😀, 'é;😀'; SELECT 2",
        "SELECT B'0;1', b\"x;\", R'a;', r\"b;\";",
        "\u{feff}SELECT 1; SELECT 2",
        "SELECT 'open; string",
        "SELECT 1; /* open comment;",
        "SELECT \"open; name",
        "SELECT $$ open; dollar",
        "COPY t FROM STDIN;\n1;2\n\\.\nSELECT 1;",
        "SELECT a$b, #x, @y; SELECT 1e5; SELECT 1.5e-3;",
    ] {
        agrees(text);
    }
}

#[test]
fn cuts_agree_over_the_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ddl");
    let mut stack = vec![dir];
    let mut seen = 0;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sql") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                agrees(&text);
                seen += 1;
            }
        }
    }
    assert!(seen > 100, "{seen} cases");
}

#[test]
fn hash_and_at_cut_as_the_tokenizer_reads_them() {
    // sqlparser's generic dialect makes `#x` and `@x` words whatever `x` is: `#'` opens no
    // string (found by the `ide` fuzz target, in a topic `sensors/#'`).
    for text in [
        "topic = 'sensors/#'\n-- it's; b",
        "a = sensors/#'\n-- it's; b",
        "a @'b'; c",
        "a #; b; c",
        "a @; b; c",
        "a @@; b; c",
        "a @@ ; b",
        "a #--; b\n; c",
        "a @-; b; c",
        "a #> ';' ; b",
        "a @? ';' ; b",
        "#",
        "@",
        "a #😀'; b",
    ] {
        agrees(text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn cuts_agree_on_tricky_text(parts in proptest::collection::vec(proptest::sample::select(vec![
        "'", "''", "\"", "`", ";", "--", "\n", "/*", "*/", "$", "$$", "$a$", "E", "e", "X", "N",
        "U&", "Q", "q", "[", "]", "\\", " ", "a", "1", ".", "é", "😀", "B", "R", "(", "COPY ", "x",
        "#", "@", "-", ">", "?", "\t",
    ]), 0..24)) {
        let text: String = parts.concat();
        agrees(&text);
    }
}
