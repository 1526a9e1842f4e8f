//! The fast path's lexer: one statement's tokens as kinds and byte ranges, read from the
//! bytes without allocating, whitespace and comments skipped.
//!
//! It reads only what it is sure sqlparser's tokenizer (generic dialect) reads the same
//! way: ASCII words, plain numbers, `'…'` strings and `"…"` names (a doubled quote
//! standing for one), the punctuation and operators DDL uses, `--` and nested `/* */`
//! comments. On anything else — a character outside ASCII outside strings and comments,
//! a backslash, `$`, `#`, `@`, `` ` ``, a quote run into a word (`E'…'`, `X'…'`), a number
//! run into a letter (`1e5`, `1L`, `0x1F`), `.` before a digit, an operator it does not
//! know, an unterminated string or comment — it answers [`Lexed::Unsure`] and the
//! statement goes to sqlparser's tokenizer, which reports any error as it always did.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An unquoted word: `[A-Za-z_][A-Za-z0-9_]*`.
    Word,
    /// A `"…"` name (sqlparser's word with a quote style).
    QuotedName,
    /// A `'…'` string.
    String,
    /// Digits, with an optional fraction: `12`, `1.5`.
    Number,
    LParen,
    RParen,
    Comma,
    Period,
    Eq,
    Lt,
    Gt,
    /// `>>`, which closes two levels of a nested type.
    ShiftRight,
    Plus,
    Minus,
    Mul,
    Div,
    Mod,
    LBracket,
    RBracket,
    /// `::`.
    DoubleColon,
    /// `||`.
    Concat,
}

/// One token: its kind and where it is, as byte offsets into the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// What reading a statement found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lexed {
    /// The statement's tokens are in the buffer. `next` is where the next statement's
    /// text starts: after the `;`, or the end of the script when there is none.
    Statement { next: usize, semicolon: bool },
    /// The text from the statement's start needs sqlparser's tokenizer.
    Unsure,
    /// The statement has the word `COPY`, whose data runs past `;`: from here on the
    /// script goes to sqlparser's tokenizer.
    Copy,
}

/// Reads the statement whose text starts at `from` into `out` (cleared first).
pub(crate) fn statement(sql: &str, from: usize, out: &mut Vec<Tok>) -> Lexed {
    out.clear();
    let bytes = sql.as_bytes();
    let mut i = from;
    loop {
        // Whitespace in runs (indentation), before the dispatch below.
        while bytes
            .get(i)
            .is_some_and(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return Lexed::Statement {
                next: bytes.len(),
                semicolon: false,
            };
        };
        let single = |kind| Some((kind, i + 1));
        let next = bytes.get(i + 1).copied();
        let tok = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b';' => {
                return Lexed::Statement {
                    next: i + 1,
                    semicolon: true,
                }
            }
            b'-' if next == Some(b'-') => {
                i = bytes
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|&c| c == b'\n'))
                    .map_or(bytes.len(), |p| i + p + 1);
                continue;
            }
            b'/' if next == Some(b'*') => {
                match block_comment_end(bytes, i) {
                    Some(end) => i = end,
                    None => return Lexed::Unsure,
                }
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => word(bytes, i),
            b'0'..=b'9' => number(bytes, i),
            b'\'' => quoted(bytes, i, b'\'').map(|end| (Kind::String, end)),
            b'"' => quoted(bytes, i, b'"').map(|end| (Kind::QuotedName, end)),
            b'.' => match next {
                Some(c) if c.is_ascii_digit() || c == b'_' || c == b'.' => None,
                _ => single(Kind::Period),
            },
            b'(' => single(Kind::LParen),
            b')' => single(Kind::RParen),
            b',' => single(Kind::Comma),
            b'[' => single(Kind::LBracket),
            b']' => single(Kind::RBracket),
            b'+' => single(Kind::Plus),
            b'*' => single(Kind::Mul),
            b'%' if !next.is_some_and(is_operator) => single(Kind::Mod),
            b'-' if !next.is_some_and(is_operator) => single(Kind::Minus),
            b'/' if !next.is_some_and(is_operator) => single(Kind::Div),
            b'=' if !next.is_some_and(is_operator) => single(Kind::Eq),
            b'<' if !next.is_some_and(is_operator) => single(Kind::Lt),
            b'>' if next == Some(b'>') => {
                if bytes.get(i + 2).copied().is_some_and(is_operator) {
                    None
                } else {
                    Some((Kind::ShiftRight, i + 2))
                }
            }
            b'>' if !next.is_some_and(is_operator) => single(Kind::Gt),
            b':' if next == Some(b':') && !bytes.get(i + 2).copied().is_some_and(is_operator) => {
                Some((Kind::DoubleColon, i + 2))
            }
            b'|' if next == Some(b'|') && !bytes.get(i + 2).copied().is_some_and(is_operator) => {
                Some((Kind::Concat, i + 2))
            }
            _ => None,
        };
        let Some((kind, end)) = tok else {
            return Lexed::Unsure;
        };
        if kind == Kind::Word
            && end - i == 4
            && bytes
                .get(i..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"COPY"))
        {
            return Lexed::Copy;
        }
        out.push(Tok {
            kind,
            start: i,
            end,
        });
        i = end;
    }
}

/// Characters that may continue an operator in sqlparser's tokenizer (`<=`, `->`, `=>`,
/// `!=`, `|/`, custom operators…): a one-character operator is only read as such when
/// none follows.
fn is_operator(c: u8) -> bool {
    matches!(
        c,
        b'<' | b'>'
            | b'='
            | b'!'
            | b'|'
            | b'&'
            | b'^'
            | b'~'
            | b'*'
            | b'/'
            | b'%'
            | b'+'
            | b'-'
            | b'@'
            | b'#'
            | b'?'
            | b':'
            | b'$'
    )
}

/// A character that continues a word or number in sqlparser's reading (or may start a
/// prefixed string): after a word or number, the fast path does not know the token.
fn runs_on(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, b'_' | b'$' | b'#' | b'@' | b'\'' | b'"' | b'&')
        || c >= 0x80
}

fn word(bytes: &[u8], i: usize) -> Option<(Kind, usize)> {
    let rest = bytes.get(i..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_'))
        .unwrap_or(rest.len());
    let j = i + len;
    if bytes.get(j).copied().is_some_and(runs_on) {
        return None;
    }
    Some((Kind::Word, j))
}

fn number(bytes: &[u8], i: usize) -> Option<(Kind, usize)> {
    let digits = |mut j: usize| {
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    let mut j = digits(i);
    if bytes.get(j) == Some(&b'.') {
        let k = digits(j + 1);
        if k == j + 1 {
            return None; // `1.` is a number of its own in sqlparser's reading
        }
        j = k;
    }
    if bytes
        .get(j)
        .copied()
        .is_some_and(|c| runs_on(c) || c == b'.')
    {
        return None;
    }
    Some((Kind::Number, j))
}

/// The offset after the `quote`-quoted string or name at `i` (a doubled quote stands for
/// one); `None` when it is not closed, holds a backslash, or runs into a word or quote.
fn quoted(bytes: &[u8], i: usize, quote: u8) -> Option<usize> {
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
        if bytes.get(k + 1).copied().is_some_and(runs_on) {
            return None;
        }
        return Some(k + 1);
    }
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
                depth = depth.saturating_sub(1);
                j += 2;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => j += 1,
        }
    }
}

/// The text of a `'…'` string or `"…"` name token, its quotes off and a doubled quote
/// made one, as sqlparser's token holds it.
pub(crate) fn unquote(text: &str) -> String {
    let Some(quote) = text.chars().next() else {
        return String::new();
    };
    let inner = text
        .get(1..text.len().saturating_sub(1))
        .unwrap_or_default();
    if inner.contains(quote) {
        inner.replace(&format!("{quote}{quote}"), &quote.to_string())
    } else {
        inner.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::GenericDialect;
    use sqlparser::tokenizer::{Token, Tokenizer};

    fn kinds(sql: &str) -> Option<Vec<(Kind, &str)>> {
        let mut out = Vec::new();
        match statement(sql, 0, &mut out) {
            Lexed::Statement { .. } => Some(
                out.iter()
                    .map(|t| (t.kind, sql.get(t.start..t.end).unwrap_or("?")))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Where the fast lexer answers, sqlparser reads the same tokens.
    #[test]
    fn agrees_with_sqlparser_where_it_answers() {
        for sql in [
            "CREATE TABLE t (a INT, b MAP<TEXT, ARRAY<INT>>, c DECIMAL(10, 2)) WITH ('a.b' = 'it''s', x = -1.5)",
            "a.b.\"c\"\"d\" -- comment\n /* nested /* */ */ x + y * z / 2 % 3 :: int || 'a'",
            "x[1] = y < z > w",
            "\"unterminated",
        ] {
            let Some(fast) = kinds(sql) else {
                continue;
            };
            let slow: Vec<Token> = Tokenizer::new(&GenericDialect {}, sql)
                .tokenize()
                .unwrap_or_default()
                .into_iter()
                .filter(|t| !matches!(t, Token::Whitespace(_)))
                .collect();
            assert_eq!(fast.len(), slow.len(), "{sql}: {fast:?} {slow:?}");
            for ((_, text), tok) in fast.iter().zip(&slow) {
                let shown = match tok {
                    Token::SingleQuotedString(_) | Token::Word(_) => text.to_string(),
                    other => other.to_string(),
                };
                assert_eq!(*text, shown, "{sql}");
            }
        }
    }

    #[test]
    fn unsure_of_what_the_tokenizer_reads_otherwise() {
        for sql in [
            "SELECT E'x'",
            "SELECT 'a\\'b'",
            "SELECT $1",
            "SELECT `x`",
            "SELECT 0x1F",
            "SELECT 1e5",
            "SELECT 1_000",
            "SELECT a.1",
            "SELECT 1.",
            "SELECT 'é' || é",
            "SELECT a->b",
            "SELECT a <= b",
            "SELECT a >>= b",
            "SELECT #a",
            "SELECT 'open",
            "SELECT /* open",
            "SELECT a := b",
        ] {
            assert_eq!(kinds(sql), None, "{sql}");
        }
        let mut out = Vec::new();
        assert_eq!(statement("copy t from stdin", 0, &mut out), Lexed::Copy);
        assert_eq!(unquote("'it''s'"), "it's");
        assert_eq!(unquote("\"a\"\"b\""), "a\"b");
    }
}
