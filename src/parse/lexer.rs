//! The script's tokens, statement by statement, without whitespace.
//!
//! sqlparser's tokenizer makes a token of every whitespace character and returns the
//! whole script at once: 50 MB of blank lines would be 50 million tokens (gigabytes). We
//! tokenize a chunk at a time instead, cut after a whitespace character, keep the
//! tokens that are not whitespace, and hand them out one statement at a time, so memory
//! follows the largest statement, not the script.
//!
//! **Invariant:** the tokens, their locations and the errors are those of one
//! sqlparser pass over the whole text. A chunk is cut only after a whitespace character
//! that the tokenizer read as a whitespace token of its own (not inside a string or
//! comment); each chunk is given the previous chunk's last token and last token that is
//! not whitespace, the only context sqlparser's tokenizer looks back at; locations are
//! shifted to the whole text. A chunk that ends inside a string or comment (an
//! "unterminated" error) is tried again twice as long. `COPY … FROM STDIN` data runs
//! past `;`, so a script with `COPY` is tokenized in one piece from there on.

use std::collections::VecDeque;

use sqlparser::dialect::Dialect;
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Tokenizer, TokenizerError, Whitespace};

/// Bytes tokenized at a time (then up to the next whitespace character).
pub(super) const CHUNK: usize = 16 * 1024;

/// Hands out the tokens of a text one statement at a time.
pub(super) struct Statements<'a> {
    dialect: &'a dyn Dialect,
    text: &'a str,
    /// Byte offset where the next chunk starts.
    next: usize,
    /// Where `next` is: line breaks before it, and characters before it on its line.
    lines: u64,
    column: u64,
    /// The last token so far, and the last one that is not whitespace.
    last: Option<TokenWithSpan>,
    last_solid: Option<TokenWithSpan>,
    /// Tokens read but not handed out yet (no whitespace).
    pending: VecDeque<TokenWithSpan>,
    /// Once `COPY` was seen, the rest is one chunk.
    whole_rest: bool,
    /// Bytes tokenized at a time: [`CHUNK`], less in tests.
    chunk: usize,
    /// The tokenizer's buffer, kept from chunk to chunk.
    buf: Vec<TokenWithSpan>,
    done: bool,
    /// Whether the last statement handed out ended at a `;`.
    after_semicolon: bool,
}

impl<'a> Statements<'a> {
    pub(super) fn new(dialect: &'a dyn Dialect, text: &'a str) -> Self {
        Statements {
            dialect,
            text,
            next: 0,
            lines: 0,
            column: 0,
            last: None,
            last_solid: None,
            pending: VecDeque::new(),
            whole_rest: false,
            chunk: CHUNK,
            buf: Vec::new(),
            done: false,
            after_semicolon: false,
        }
    }

    /// Reads `text` from the byte offset `next`, the start of a statement's text (just
    /// after a `;`, or the start of the text), which is `lines` line breaks and `column`
    /// characters into it: the tokens and errors are those of one pass over the text.
    /// `chunk` bytes are tokenized at a time.
    pub(super) fn resume(
        dialect: &'a dyn Dialect,
        text: &'a str,
        next: usize,
        (lines, column): (u64, u64),
        chunk: usize,
    ) -> Self {
        let mut s = Statements::new(dialect, text);
        s.next = next;
        s.lines = lines;
        s.column = column;
        s.chunk = chunk.max(1);
        // The one token the tokenizer looks back at there: the `;` before it.
        if next > 0 {
            s.last_solid = Some(TokenWithSpan::wrap(Token::SemiColon));
        }
        s
    }

    /// Where the text after the last statement handed out starts, when nothing of it has
    /// been tokenized yet (the statement ended at a `;` and only whitespace or comments
    /// followed it in its chunk), so another reader may take over from there; `None`
    /// otherwise, or once `COPY` made the rest one piece.
    pub(super) fn boundary(&self) -> Option<usize> {
        let clean = self.after_semicolon && self.pending.is_empty();
        (clean && !self.done && !self.whole_rest).then_some(self.next)
    }

    /// The tokens of the next statement, without its `;`; `None` after the last one.
    pub(super) fn next_statement(&mut self) -> Result<Option<Vec<TokenWithSpan>>, TokenizerError> {
        if self.done {
            return Ok(None);
        }
        // Sized from what is already read, so it does not grow token by token.
        let mut statement = Vec::new();
        loop {
            if statement.capacity() == 0 {
                // Exactly the statement's tokens when its `;` is already read.
                let n = self
                    .pending
                    .iter()
                    .position(|t| matches!(t.token, Token::SemiColon));
                statement.reserve(n.unwrap_or(self.pending.len()));
            }
            while let Some(t) = self.pending.pop_front() {
                if t.token == Token::SemiColon {
                    self.after_semicolon = true;
                    return Ok(Some(statement));
                }
                statement.push(t);
            }
            if self.next >= self.text.len() {
                self.after_semicolon = false;
                self.done = true;
                return Ok(Some(statement));
            }
            self.read_chunk()?;
        }
    }

    /// Tokenizes the next chunk into `pending`.
    fn read_chunk(&mut self) -> Result<(), TokenizerError> {
        let mut buf = std::mem::take(&mut self.buf);
        if buf.capacity() == 0 {
            // About one token (whitespace included) per two or three bytes of DDL.
            let rest = self.text.len().saturating_sub(self.next);
            buf.reserve(rest.min(self.chunk) / 2);
        }
        let result = self.read_chunk_into(&mut buf);
        buf.clear();
        self.buf = buf;
        result
    }

    fn read_chunk_into(&mut self, buf: &mut Vec<TokenWithSpan>) -> Result<(), TokenizerError> {
        let text = self.text;
        let mut want = self.chunk;
        loop {
            let end = if self.whole_rest {
                text.len()
            } else {
                cut(text, self.next, want)
            };
            let chunk = text.get(self.next..end).unwrap_or("");
            buf.clear();
            // The context the tokenizer looks back at: the last token (whitespace, as
            // chunks end after whitespace) and the last one that is not.
            buf.extend(self.last_solid.iter().cloned());
            buf.extend(self.last.iter().filter(|t| is_trivia(&t.token)).cloned());
            let context = buf.len();
            let (lines, column) = (self.lines, self.column);
            let shift = |l: &mut Location| {
                if l.line == 1 {
                    l.column += column;
                }
                l.line += lines;
            };
            let result = Tokenizer::new(self.dialect, chunk)
                .tokenize_with_location_into_buf_with_mapper(buf, |mut t| {
                    shift(&mut t.span.start);
                    shift(&mut t.span.end);
                    t
                });
            let at_end = end >= text.len();
            let tokens = buf.get(context..).unwrap_or_default();
            let complete = match result {
                Err(mut e) if at_end || !runs_past_the_cut(&e, text.get(end..).unwrap_or("")) => {
                    shift(&mut e.location);
                    // An error at the chunk's end (a comment open at EOF) is, in one pass,
                    // at the text's end.
                    if !at_end && e.location == location_after(lines, column, chunk) {
                        e.location =
                            location_after(lines, column, text.get(self.next..).unwrap_or(""));
                    }
                    return Err(e);
                }
                Err(_) => false,
                Ok(()) if at_end => true,
                Ok(()) if tokens.iter().any(|t| is_copy(&t.token)) => {
                    self.whole_rest = true;
                    false
                }
                Ok(()) => tokens
                    .last()
                    .is_some_and(|t| ends_at_the_cut(&t.token, chunk)),
            };
            if !complete {
                want = want.saturating_mul(2);
                continue;
            }
            let mut solid = false;
            self.pending.reserve(buf.len().saturating_sub(context));
            for t in buf.drain(context..) {
                if !is_trivia(&t.token) {
                    solid = true;
                    self.pending.push_back(t);
                } else {
                    // A complete chunk ends in trivia, so this is its last token.
                    self.last = Some(t);
                }
            }
            // Cloned once a chunk, not once a token.
            if solid {
                self.last_solid = self.pending.back().cloned();
            }
            advance(&mut self.lines, &mut self.column, chunk);
            self.next = end;
            return Ok(());
        }
    }
}

/// Where a chunk from `start` of at least `want` bytes ends: after a line feed within
/// `want` bytes from there, else after the first space or tab, else at the end of the
/// text.
fn cut(text: &str, start: usize, want: usize) -> usize {
    let from = start.saturating_add(want);
    let Some(rest) = text.as_bytes().get(from..) else {
        return text.len();
    };
    let near = rest.get(..want.min(rest.len())).unwrap_or_default();
    near.iter()
        .position(|&b| b == b'\n')
        .or_else(|| rest.iter().position(|b| matches!(b, b' ' | b'\t' | b'\n')))
        .map_or(text.len(), |i| from + i + 1)
}

/// Whether the chunk's last token ended because the token did, not because the chunk
/// did: a space, tab or line break the tokenizer read on its own, or a `--` comment
/// ended by the line feed that ends the chunk.
fn ends_at_the_cut(t: &Token, chunk: &str) -> bool {
    match t {
        Token::Whitespace(Whitespace::Space | Whitespace::Tab | Whitespace::Newline) => true,
        Token::Whitespace(Whitespace::SingleLineComment { .. }) => chunk.ends_with('\n'),
        _ => false,
    }
}

/// Whitespace and comments: the parser skips them.
fn is_trivia(t: &Token) -> bool {
    matches!(t, Token::Whitespace(_))
}

fn is_copy(t: &Token) -> bool {
    match t {
        Token::Word(w) => w.keyword == Keyword::COPY,
        Token::CopyData { .. } => true,
        _ => false,
    }
}

/// Whether a tokenizer error may be the cut's doing: a string, quoted name or comment
/// that goes on past it, which is possible only if `rest` (the text after the cut) has a
/// character that could close it. (Without that check, an unterminated quote before 50 MB
/// of blank lines would be retried up to the end and tokenized whole.)
fn runs_past_the_cut(e: &TokenizerError, rest: &str) -> bool {
    (e.message.contains("EOF") || e.message.contains("nterminated"))
        && rest
            .bytes()
            .any(|b| matches!(b, b'\'' | b'"' | b'`' | b']' | b'/' | b'$'))
}

/// The location (1-based, as sqlparser's) just after `piece`, which starts `lines` line
/// breaks and `column` characters into the text.
fn location_after(lines: u64, column: u64, piece: &str) -> Location {
    let (mut lines, mut column) = (lines, column);
    advance(&mut lines, &mut column, piece);
    Location::new(lines + 1, column + 1)
}

/// Moves a position (line breaks before it, characters before it on its line) past
/// `chunk`, counting lines as sqlparser does: only `\n` starts one.
fn advance(lines: &mut u64, column: &mut u64, chunk: &str) {
    match chunk.rfind('\n') {
        Some(i) => {
            let breaks = chunk.bytes().filter(|&b| b == b'\n').count();
            *lines += u64::try_from(breaks).unwrap_or(u64::MAX);
            let tail = chunk.get(i + 1..).unwrap_or("");
            *column = u64::try_from(tail.chars().count()).unwrap_or(u64::MAX);
        }
        None => {
            let n = u64::try_from(chunk.chars().count()).unwrap_or(u64::MAX);
            *column = column.saturating_add(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::GenericDialect;

    type Split = Result<Vec<Vec<TokenWithSpan>>, (String, Location)>;

    /// One sqlparser pass, split at `;`, without trivia: what `Statements` must give.
    fn one_pass(text: &str) -> Split {
        let tokens = Tokenizer::new(&GenericDialect {}, text)
            .tokenize_with_location()
            .map_err(|e| (e.message, e.location))?;
        let mut out = vec![Vec::new()];
        for t in tokens {
            match t.token {
                Token::SemiColon => out.push(Vec::new()),
                ref tok if is_trivia(tok) => {}
                _ => {
                    if let Some(last) = out.last_mut() {
                        last.push(t);
                    }
                }
            }
        }
        Ok(out)
    }

    fn chunked(text: &str, chunk: usize) -> Split {
        let dialect = GenericDialect {};
        let mut s = Statements::new(&dialect, text);
        s.chunk = chunk;
        let mut out = Vec::new();
        while let Some(statement) = s.next_statement().map_err(|e| (e.message, e.location))? {
            out.push(statement);
        }
        Ok(out)
    }

    fn same(text: &str) {
        let want = one_pass(text);
        for chunk in [1, 2, 3, 5, 8, 13, 64, 1000] {
            let got = chunked(text, chunk);
            let show = |s: &Split| match s {
                Ok(st) => format!(
                    "{:?}",
                    st.iter()
                        .map(|t| t
                            .iter()
                            .map(|t| (t.token.to_string(), t.span))
                            .collect::<Vec<_>>())
                        .collect::<Vec<_>>()
                ),
                Err(e) => format!("{e:?}"),
            };
            assert_eq!(show(&got), show(&want), "chunk {chunk}: {text:?}");
        }
    }

    #[test]
    fn chunks_give_the_tokens_of_one_pass() {
        for text in [
            "",
            "   \n\n  ",
            "CREATE TABLE t (a INT) WITH (connector = 'kafka', topic = 'a b c');\n\nSELECT 1;",
            "SELECT 'a string\nwith  lines\n  and spaces' , x;  -- a comment with spaces\nSELECT 2",
            "/* a block\n comment with spaces */ SELECT  1 ;\r\n\r\n SELECT\t2;;; ",
            "SELECT a\n._b, t.1, t . 1, 1 .5, x.\n1",
            "SELECT \"quoted  name\" , `back  tick`, [a b], $$ dollar  quoted $$, $tag$ x y $tag$",
            "SELECT 'unterminated  string",
            "SELECT 1; /* unterminated  comment",
            "SELECT é  ü  😀 ,\n  'é ü' ; x ™ y",
            "COPY t FROM STDIN;\n1 2 3\n4 5 6\n\\.\nSELECT 1;",
            "SELECT 1 e1, 1e 1, 0x 1F, X'AB CD', N'a b', E'a\\' b'",
            "-- only a comment\n-- and another one\n",
            "SELECT 1 -- comment at the end",
            "SELECT 1; /* open comment \n  \n\t  \n   ",
            "SELECT 'open string   \n\n   \n  ",
            "SELECT \"open name  \n\n  ",
            "SELECT $$ open dollar  \n\n  ",
            "SELECT $tag$ open dollar  \n\n  ",
            "SELECT 'closed later  \n\n  ' , 1",
            "SELECT /* closed later  \n\n  */ 1",
        ] {
            same(text);
        }
    }

    #[test]
    fn chunks_agree_over_the_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ddl");
        let mut stack = vec![dir];
        let mut seen = 0;
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "sql") {
                    if let Ok(text) = std::fs::read_to_string(&p) {
                        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
                        let want = one_pass(&text);
                        for chunk in [1, 7, 50] {
                            let got = chunked(&text, chunk);
                            assert_eq!(format!("{got:?}"), format!("{want:?}"), "{}", p.display());
                        }
                        seen += 1;
                    }
                }
            }
        }
        assert!(seen > 100, "{seen} cases");
    }
}
