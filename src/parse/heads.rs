//! A quick pass over a script for the tables its statements define, without sqlparser's
//! tokenizer: the streaming compile reads it before compiling anything (which names are
//! defined more than once) and it must cost next to nothing beside the compile.
//!
//! It is only as good as it is sure. It reads plain SQL (ASCII words, numbers,
//! punctuation, `'…'` strings, `"…"` names, `--` and nested `/* */` comments) and gives
//! up — `None`, so the caller asks the tokenizer — on anything where sqlparser's
//! tokenizer could split the text differently or fail: an unterminated string, name or
//! comment, a backslash in a string, a quote right after a word or number (`E'…'`,
//! `X'…'`), `$`, `` ` ``, `#`, `@`, `&`, `\`, `.` before a digit or `_`, a `0x`/`0b`/`0o`
//! prefix, an underscore in a number, a character outside ASCII outside strings and
//! comments, and the word `COPY` (whose data runs past `;`).
//!
//! **Invariant:** where it gives an answer, each statement that the parser reads as a
//! `CREATE TABLE` of name `n` (RisingWave's `CREATE SOURCE`/`SINK` included) is reported
//! with `n` lower-cased, as [`super::reader`] reads it; it may report more (a name that
//! then fails to parse), which only costs the caller a table held longer.

/// The first tokens of a statement that say what it defines.
const HEAD_TOKENS: usize = 12;

#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    /// An unquoted word, as written.
    Word(&'a str),
    /// A `"…"` or `'…'` text as written, quotes included.
    Quoted(&'a str),
    Period,
    Other,
}

/// Calls `each(offset, name)` for every statement that may define a table: the offset of
/// its first token and the lower-cased name. `None` when the text needs the tokenizer.
pub(crate) fn table_heads(sql: &str, mut each: impl FnMut(usize, String)) -> Option<()> {
    let bytes = sql.as_bytes();
    let mut i = if sql.starts_with('\u{feff}') { 3 } else { 0 };
    let mut head: Vec<Tok<'_>> = Vec::new();
    let mut start: Option<usize> = None;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = memchr_newline(bytes, i);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(bytes, i)?;
            }
            b';' => {
                finish(&mut head, &mut start, &mut each);
                i += 1;
            }
            _ => {
                start.get_or_insert(i);
                let (tok, next) = token(sql, bytes, i)?;
                if matches!(tok, Tok::Word(w) if w.eq_ignore_ascii_case("COPY")) {
                    return None;
                }
                if head.len() < HEAD_TOKENS {
                    head.push(tok);
                }
                i = next;
            }
        }
    }
    finish(&mut head, &mut start, &mut each);
    Some(())
}

/// Reports the statement whose first tokens are `head`, and starts the next one.
fn finish(
    head: &mut Vec<Tok<'_>>,
    start: &mut Option<usize>,
    each: &mut impl FnMut(usize, String),
) {
    if let (Some(at), Some(name)) = (start.take(), table_name(head)) {
        each(at, name);
    }
    head.clear();
}

/// The name after `CREATE [OR REPLACE] [TEMPORARY|TEMP] TABLE|SOURCE|SINK [IF NOT EXISTS]`.
fn table_name(head: &[Tok<'_>]) -> Option<String> {
    let is =
        |i: usize, w: &str| matches!(head.get(i), Some(Tok::Word(x)) if x.eq_ignore_ascii_case(w));
    if !is(0, "CREATE") {
        return None;
    }
    let mut i = 1;
    if is(i, "OR") && is(i + 1, "REPLACE") {
        i += 2;
    }
    if is(i, "TEMPORARY") || is(i, "TEMP") {
        i += 1;
    }
    if !(is(i, "TABLE") || is(i, "SOURCE") || is(i, "SINK")) {
        return None;
    }
    i += 1;
    if is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS") {
        i += 3;
    }
    let ident = |i: usize| match head.get(i) {
        Some(Tok::Word(w)) => Some((*w).to_string()),
        Some(Tok::Quoted(q)) => unquote(q),
        _ => None,
    };
    let mut name = ident(i)?;
    i += 1;
    while head.get(i) == Some(&Tok::Period) {
        name.push('.');
        name.push_str(&ident(i + 1)?);
        i += 2;
    }
    Some(name.to_lowercase())
}

/// The text of a quoted string or name: its quotes off, a doubled quote made one.
fn unquote(q: &str) -> Option<String> {
    let quote = q.get(..1)?;
    let inner = q.get(1..q.len().checked_sub(1)?)?;
    Some(inner.replace(&quote.repeat(2), quote))
}

/// The token at `i` (not whitespace, a comment or `;`) and where it ends.
fn token<'a>(sql: &'a str, bytes: &[u8], i: usize) -> Option<(Tok<'a>, usize)> {
    let b = *bytes.get(i)?;
    let word_char = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'0'..=b'9' => {
            let mut j = i;
            while bytes.get(j).is_some_and(|&c| word_char(c)) {
                j += 1;
            }
            let text = sql.get(i..j)?;
            let next = bytes.get(j).copied();
            // A prefixed string (`E'…'`, `N'…'`, `X'…'`) or a name run into a quote.
            if matches!(next, Some(b'\'' | b'"')) {
                return None;
            }
            if b.is_ascii_digit() {
                // Number forms the tokenizer checks: radix prefixes and underscores.
                let radix = b == b'0'
                    && matches!(
                        bytes.get(i + 1),
                        Some(b'x' | b'X' | b'b' | b'B' | b'o' | b'O')
                    );
                if radix || text.contains('_') {
                    return None;
                }
                if next != Some(b'.') {
                    return Some((Tok::Other, j));
                }
                // `1.5`: digits after the point, and nothing else run into it.
                let mut k = j + 1;
                while bytes.get(k).is_some_and(u8::is_ascii_digit) {
                    k += 1;
                }
                let after = bytes.get(k).copied();
                if k == j + 1
                    || after.is_some_and(|a| word_char(a) || a == b'.' || a == b'\'' || a == b'"')
                {
                    return None;
                }
                return Some((Tok::Other, k));
            }
            Some((Tok::Word(text), j))
        }
        b'\'' | b'"' => {
            let end = quoted_end(bytes, i, b)?;
            Some((Tok::Quoted(sql.get(i..end)?), end))
        }
        b'.' => match bytes.get(i + 1) {
            Some(c) if c.is_ascii_digit() || *c == b'_' => None,
            _ => Some((Tok::Period, i + 1)),
        },
        b'(' | b')' | b',' | b'=' | b'<' | b'>' | b'+' | b'-' | b'*' | b'/' | b'%' | b'!'
        | b'|' | b'^' | b'~' | b'[' | b']' | b'{' | b'}' | b':' | b'?' => Some((Tok::Other, i + 1)),
        _ => None,
    }
}

/// The offset after the `quote`-quoted string or name at `i` (a doubled quote stands
/// for one); `None` when it is not closed or holds a backslash.
fn quoted_end(bytes: &[u8], i: usize, quote: u8) -> Option<usize> {
    let mut j = i + 1;
    loop {
        let rest = bytes.get(j..)?;
        let k = j + rest.iter().position(|&c| c == quote || c == b'\\')?;
        if bytes.get(k) == Some(&b'\\') {
            return None;
        }
        if bytes.get(k + 1) == Some(&quote) {
            j = k + 2;
            continue;
        }
        let after = bytes.get(k + 1).copied();
        // A quote run into a word or another string reads differently.
        if after.is_some_and(|a| a.is_ascii_alphanumeric() || a == b'_' || a == b'\'' || a == b'"')
        {
            return None;
        }
        return Some(k + 1);
    }
}

/// The offset of the line feed that ends the `--` comment at `i` (or the end).
fn memchr_newline(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'\n'))
        .map_or(bytes.len(), |p| i + p)
}

/// The offset after the nested `/* … */` comment at `i`; `None` when it is not closed.
fn block_comment_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    loop {
        match (bytes.get(j)?, bytes.get(j + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                j += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => j += 1,
        }
    }
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
        assert!(heads("SELECT 1.5, 2e-3, x").is_some());
    }
}
