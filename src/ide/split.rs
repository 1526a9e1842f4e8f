//! A byte-level statement splitter: where the script's `;` tokens are, without tokenizing.
//!
//! It follows sqlparser's tokenizer (generic dialect) on what can hold a `;` that does not
//! end a statement: strings (`'…'` with `''`, `E'…'` and `X'…'` with backslash escapes,
//! `N'…'`, `B'…'`, `R'…'`, `U&'…'`, Oracle's `Q'[…]'`), quoted names (`"…"`, `` `…` ``),
//! comments (`--`, nested `/* … */`) and dollar-quoted strings (`$$…$$`, `$tag$…$tag$`).
//! A script with `COPY` is one piece from there on (its data runs past `;`).
//!
//! Agreeing with the tokenizer matters only at the cuts: a cut inside what the tokenizer
//! reads as one token leaves the piece before it ending in an unterminated token, which the
//! tokenizer then reports, and [`super::Document`] compiles the whole text instead.

/// Where the text ends up after the last piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// Outside any string, name or comment.
    Clean,
    /// Inside a string, quoted name or block comment that never closes: the tokenizer
    /// reports it, and only it.
    Open,
    /// After `COPY`: the rest is one piece.
    Copy,
}

/// Cuts `text` into pieces, each ending just after its `;` (the last one at the end of
/// the text), starting at byte `from`, which must be the start of a statement.
pub(crate) struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    end: End,
    /// Whether the statement being read has a token yet (to spot `COPY` first).
    started: bool,
}

impl<'a> Splitter<'a> {
    /// A splitter over `text` from byte `from` (a statement start, or 0).
    pub(crate) fn new(text: &'a str, from: usize) -> Self {
        let mut at = from.min(text.len());
        if at == 0 && text.starts_with('\u{feff}') {
            // The front end skips a byte order mark as whitespace.
            at = '\u{feff}'.len_utf8();
        }
        Splitter {
            text,
            bytes: text.as_bytes(),
            at,
            end: End::Clean,
            started: false,
        }
    }

    /// How the text ends, once [`Splitter::next_cut`] has returned `None`.
    pub(crate) fn end(&self) -> End {
        self.end
    }

    /// The end of the next piece (just after its `;`, or the end of the text), or `None`
    /// once the text is done.
    pub(crate) fn next_cut(&mut self) -> Option<usize> {
        let len = self.bytes.len();
        if self.at >= len {
            return None;
        }
        self.started = false;
        let mut prev_period = false;
        while let Some(&b) = self.bytes.get(self.at) {
            let period = b == b'.';
            match b {
                b';' => {
                    self.at += 1;
                    return Some(self.at);
                }
                b'\'' => self.quoted(b'\'', false),
                b'"' | b'`' => self.quoted(b, false),
                b'-' if self.peek(1) == Some(b'-') => self.line_comment(),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(),
                // DuckDB's integer division, one token: `//*` opens no comment.
                b'/' if self.peek(1) == Some(b'/') => self.at += 2,
                b'$' => self.dollar(),
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                b'#' | b'@' => self.sigil(b),
                _ if b.is_ascii_alphabetic() || b == b'_' => self.word(char::from(b), prev_period),
                _ if b.is_ascii() => {
                    self.started = true;
                    self.at += 1;
                }
                _ => {
                    let c = self.char_at();
                    if c.is_alphabetic() {
                        self.word(c, prev_period);
                    } else {
                        self.started = true;
                        self.at += c.len_utf8();
                    }
                }
            }
            if self.end == End::Open {
                self.at = len;
                return Some(len);
            }
            if self.end == End::Copy {
                self.at = len;
                return Some(len);
            }
            prev_period = period;
        }
        Some(len)
    }

    fn peek(&self, n: usize) -> Option<u8> {
        self.bytes.get(self.at + n).copied()
    }

    fn char_at(&self) -> char {
        self.text
            .get(self.at..)
            .and_then(|r| r.chars().next())
            .unwrap_or('\u{0}')
    }

    /// A quoted token whose opening quote is at `self.at`: doubled quotes stay inside;
    /// with `backslash`, a backslash escapes the next character.
    fn quoted(&mut self, quote: u8, backslash: bool) {
        self.started = true;
        let mut i = self.at + 1;
        loop {
            match self.bytes.get(i) {
                None => {
                    self.end = End::Open;
                    return;
                }
                Some(&b) if b == quote => {
                    if self.bytes.get(i + 1) == Some(&quote) {
                        i += 2;
                    } else {
                        self.at = i + 1;
                        return;
                    }
                }
                Some(b'\\') if backslash => i += 2,
                Some(_) => i += 1,
            }
        }
    }

    fn line_comment(&mut self) {
        match self
            .bytes
            .get(self.at..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
        {
            Some(n) => self.at += n + 1,
            None => self.at = self.bytes.len(),
        }
    }

    fn block_comment(&mut self) {
        let mut depth = 1usize;
        let mut i = self.at + 2;
        loop {
            match (self.bytes.get(i), self.bytes.get(i + 1)) {
                (None, _) => {
                    self.end = End::Open;
                    return;
                }
                (Some(b'/'), Some(b'*')) => {
                    depth += 1;
                    i += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        self.at = i;
                        return;
                    }
                }
                _ => i += 1,
            }
        }
    }

    /// `$$…$$`, `$tag$…$tag$`, or a placeholder such as `$1` or `$name`.
    fn dollar(&mut self) {
        self.started = true;
        let rest = self.text.get(self.at + 1..).unwrap_or("");
        let tag_len: usize = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .map(char::len_utf8)
            .sum();
        let after_tag = self.at + 1 + tag_len;
        if self.bytes.get(after_tag) != Some(&b'$') {
            // A placeholder.
            self.at = after_tag;
            return;
        }
        let delimiter = self.text.get(self.at..=after_tag).unwrap_or("$$");
        let body_start = after_tag + 1;
        match self
            .text
            .get(body_start..)
            .and_then(|body| body.find(delimiter))
        {
            Some(n) => self.at = body_start + n + delimiter.len(),
            None => self.end = End::Open,
        }
    }

    /// A word starting with `c`, or a prefixed string (`E'…'`, `X'…'`, `N'…'`, …).
    fn word(&mut self, c: char, prev_period: bool) {
        let first = !self.started;
        self.started = true;
        let next = self.peek(1);
        let quote_next = matches!(next, Some(b'\''));
        if !prev_period {
            match c {
                'E' | 'e' if quote_next => {
                    self.at += 1;
                    return self.quoted(b'\'', true);
                }
                'X' | 'x' if quote_next => {
                    self.at += 1;
                    return self.quoted(b'\'', true);
                }
                'N' | 'n' | 'B' | 'b' | 'R' | 'r' if quote_next => {
                    self.at += 1;
                    return self.quoted(b'\'', false);
                }
                'B' | 'b' | 'R' | 'r' if next == Some(b'"') => {
                    self.at += 1;
                    return self.quoted(b'"', false);
                }
                'U' | 'u' if next == Some(b'&') && self.peek(2) == Some(b'\'') => {
                    self.at += 2;
                    return self.quoted(b'\'', false);
                }
                'Q' | 'q' if quote_next => {
                    self.at += 1;
                    return self.quote_delimited();
                }
                'N' | 'n' if matches!(next, Some(b'q' | b'Q')) && self.peek(2) == Some(b'\'') => {
                    self.at += 2;
                    return self.quote_delimited();
                }
                _ => {}
            }
        }
        let start = self.at;
        let end = self.identifier_end(start + c.len_utf8());
        self.at = end;
        if first
            && self
                .bytes
                .get(start..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"copy"))
        {
            self.end = End::Copy;
        }
    }

    /// `#` or `@` at `self.at`, as sqlparser's generic dialect reads them: an operator, or
    /// a word that takes the next character whatever it is — a quote or a `;` included —
    /// so `sensors/#'` opens no string.
    fn sigil(&mut self, b: u8) {
        self.started = true;
        let char_at = |at: usize| self.text.get(at..).and_then(|r| r.chars().next());
        let word_from = match (b, char_at(self.at + 1)) {
            (_, None | Some(' ')) | (b'#', Some('>')) | (b'@', Some('\'' | '"' | '`')) => None,
            (b'#', Some('-')) | (b'@', Some('>' | '?')) => {
                self.at += 2;
                return;
            }
            (b'@', Some('@')) => match char_at(self.at + 2) {
                None | Some(' ') => {
                    self.at += 2;
                    return;
                }
                Some(c) => Some(self.at + 2 + c.len_utf8()),
            },
            (_, Some(c)) => Some(self.at + 1 + c.len_utf8()),
        };
        self.at = match word_from {
            Some(end) => self.identifier_end(end),
            None => self.at + 1,
        };
    }

    /// Where the identifier whose characters so far end at `end` ends.
    fn identifier_end(&self, mut end: usize) -> usize {
        // ASCII identifier bytes quickly; other characters by their class.
        while let Some(&b) = self.bytes.get(end) {
            if b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'#' | b'_') {
                end += 1;
            } else if b.is_ascii() {
                break;
            } else {
                match self.text.get(end..).and_then(|r| r.chars().next()) {
                    Some(ch) if ch.is_alphabetic() => end += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        end
    }

    /// Oracle's `Q'x…x'` (with `[]`, `{}`, `<>`, `()` pairs), the quote at `self.at`.
    fn quote_delimited(&mut self) {
        let rest = self.text.get(self.at + 1..).unwrap_or("");
        let Some(open) = rest.chars().next() else {
            self.end = End::Open;
            return;
        };
        if matches!(open, ' ' | '\t' | '\r' | '\n') {
            // The tokenizer rejects it: an error, like an open string.
            self.end = End::Open;
            return;
        }
        let close = match open {
            '[' => ']',
            '{' => '}',
            '<' => '>',
            '(' => ')',
            c => c,
        };
        let body = self.at + 1 + open.len_utf8();
        let mut closing = String::from(close);
        closing.push('\'');
        match self.text.get(body..).and_then(|b| b.find(&closing)) {
            Some(n) => self.at = body + n + closing.len(),
            None => self.end = End::Open,
        }
    }
}

/// The end of every piece of `text` (see [`Splitter`]) and how the text ends.
#[cfg(test)]
pub(crate) fn split(text: &str) -> (Vec<usize>, End) {
    let mut s = Splitter::new(text, 0);
    let mut cuts = Vec::new();
    while let Some(cut) = s.next_cut() {
        cuts.push(cut);
    }
    (cuts, s.end())
}

/// Whether sqlparser's tokenizer stops with an error in `piece` (a piece with an
/// unterminated string, name or comment, or a malformed literal).
pub(crate) fn tokenizer_fails(piece: &str) -> bool {
    let piece = piece.strip_prefix('\u{feff}').unwrap_or(piece);
    let dialect = sqlparser::dialect::GenericDialect {};
    sqlparser::tokenizer::Tokenizer::new(&dialect, piece)
        .tokenize()
        .is_err()
}

/// Whether `piece` may hold a string that the front end's search for where an
/// unterminated string opens would pick (a single-quoted string running past its line,
/// or one whose text holds a comma and ends with `=`), or text that search may read
/// otherwise than the tokenizer (prefixed strings, backticks, `$`, backslashes, nested
/// comments). Conservative: `false` only when no string of the piece can be picked.
pub(crate) fn loose_strings(piece: &str) -> bool {
    let bytes = piece.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'`' | b'$' | b'\\' => return true,
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = bytes
                    .get(i..)
                    .and_then(|r| r.iter().position(|&c| c == b'\n'))
                    .map_or(bytes.len(), |n| i + n + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let rest = piece.get(i + 2..).unwrap_or("");
                let Some(close) = rest.find("*/") else {
                    return true;
                };
                if rest.get(..close).is_some_and(|c| c.contains("/*")) {
                    return true;
                }
                i += 2 + close + 2;
            }
            b'"' => match bytes
                .get(i + 1..)
                .and_then(|r| r.iter().position(|&c| c == b'"'))
            {
                Some(n) => i += n + 2,
                None => return true,
            },
            b'\'' => {
                if i > 0
                    && bytes
                        .get(i - 1)
                        .is_some_and(|p| p.is_ascii_alphanumeric() || *p == b'&')
                {
                    return true;
                }
                let mut j = i + 1;
                loop {
                    match bytes.get(j) {
                        None | Some(b'\n') => return true,
                        Some(b'\'') if bytes.get(j + 1) == Some(&b'\'') => j += 2,
                        Some(b'\'') => break,
                        Some(_) => j += 1,
                    }
                }
                let content = piece.get(i + 1..j).unwrap_or("");
                if content.contains(',') && content.trim_end().ends_with('=') {
                    return true;
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    false
}
