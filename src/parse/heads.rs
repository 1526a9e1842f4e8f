//! A quick pass over a script for the tables its statements define, without sqlparser's
//! tokenizer: the streaming compile reads it before compiling anything (which names are
//! defined more than once) and it must cost next to nothing beside the compile.
//!
//! It is only as good as it is sure: it reads the statements with the fast path's lexer
//! (`fast/lex.rs`), and gives up — `None`, so the caller asks the tokenizer — wherever that
//! lexer is unsure (anything where sqlparser's tokenizer could split the text differently
//! or fail, and the word `COPY`, whose data runs past `;`).
//!
//! **Invariant:** where it gives an answer, each statement that the parser reads as a
//! `CREATE TABLE` of name `n` (RisingWave's `CREATE SOURCE`/`SINK` included) is reported
//! with `n` lower-cased, as [`super::reader`] reads it; it may report more (a name that
//! then fails to parse), which only costs the caller a table held longer.

use super::fast::cursor::Cursor;
use super::fast::lex::{self, Kind, Lexed};

/// Calls `each(offset, name)` for every statement that may define a table: the offset of
/// its first token and the lower-cased name. `None` when the text needs the tokenizer.
///
/// The statements are read by the fast path's lexer (`fast/lex.rs`), which answers only
/// where sqlparser's tokenizer splits and reads the text the same way.
pub(crate) fn table_heads(sql: &str, mut each: impl FnMut(usize, String)) -> Option<()> {
    let mut at = if sql.starts_with('\u{feff}') { 3 } else { 0 };
    let mut toks = Vec::new();
    loop {
        let Lexed::Statement { next, semicolon } = lex::statement(sql, at, &mut toks) else {
            return None;
        };
        if let (Some(first), Some(name)) = (toks.first(), table_name(sql, &toks)) {
            each(first.start, name);
        }
        if !semicolon {
            return Some(());
        }
        at = next;
    }
}

/// The name after `CREATE [OR REPLACE] [TEMPORARY|TEMP] TABLE|SOURCE|SINK [IF NOT EXISTS]`.
fn table_name(sql: &str, toks: &[lex::Tok]) -> Option<String> {
    let mut c = Cursor {
        sql,
        toks,
        pos: 0,
        end: 0,
    };
    if !c.eat_word("CREATE") {
        return None;
    }
    c.eat_words(&["OR", "REPLACE"]);
    let _ = c.eat_word("TEMPORARY") || c.eat_word("TEMP");
    if !(c.eat_word("TABLE") || c.eat_word("SOURCE") || c.eat_word("SINK")) {
        return None;
    }
    c.eat_words(&["IF", "NOT", "EXISTS"]);
    let mut name = c.name_at(0)?;
    c.pos += 1;
    while c.eat(Kind::Period) {
        name.push('.');
        name.push_str(&c.name_at(0)?);
        c.pos += 1;
    }
    Some(name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(sql: &str) -> Option<Vec<(usize, String)>> {
        let mut out = Vec::new();
        table_heads(sql, |at, name| out.push((at, name)))?;
        Some(out)
    }

    #[test]
    fn names_of_tables_sources_and_sinks() {
        let sql = "-- c\nCREATE TABLE A.b (x INT); /* ; /* nested */ ; */ create or replace temp table \"Q\" WITH (k = 'v;');\nCREATE SOURCE IF NOT EXISTS s (x INT);\nINSERT INTO t SELECT 1;\nCREATE VIEW v AS SELECT 1";
        let at = |t: &str| sql.find(t).unwrap_or(usize::MAX);
        let expected = vec![
            (at("CREATE TABLE A"), "a.b".to_string()),
            (at("create or"), "q".to_string()),
            (at("CREATE SOURCE"), "s".to_string()),
        ];
        assert_eq!(heads(sql), Some(expected));
        let names =
            |sql: &str| heads(sql).map(|h| h.into_iter().map(|(_, n)| n).collect::<Vec<_>>());
        assert_eq!(
            names("CREATE TABLE 'It''s' (x INT); CREATE TABLE IF NOT EXISTS \"a\"\"B\".c;"),
            Some(vec!["it's".to_string(), "a\"b.c".to_string()])
        );
    }

    #[test]
    fn gives_up_where_the_tokenizer_may_differ() {
        for sql in [
            "SELECT 'open",
            "SELECT \"open",
            "/* open",
            "SELECT E'x'",
            "SELECT 'a\\'b'",
            "SELECT $1",
            "SELECT `x`",
            "SELECT 0x1F",
            "SELECT 1_000",
            "SELECT a.1",
            "COPY t FROM STDIN; 1;2",
            "SELECT 'é' ; é",
            "SELECT 1.a",
            "SELECT 1.",
        ] {
            assert_eq!(heads(sql), None, "{sql}");
        }
        // Inside strings and comments, anything goes.
        assert!(heads("SELECT 'é $ ` #'; -- é $\n/* é */").is_some());
        assert!(heads("SELECT 1.5, 2 - 3, x").is_some());
    }
}
