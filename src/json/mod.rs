//! A JSON reader that keeps positions: every value and every object key of the tree carries
//! the byte [`Span`] it was written at, so a diagnostic about a request key or about a
//! keyword deep inside an inline JSON Schema points at exactly that text.
//!
//! serde_json gives values but no positions, which is why this small reader exists. It
//! follows RFC 8259 and serde_json's error wording, keeps numbers as the text they were
//! written as, keeps every member of an object in document order (duplicates included:
//! each reader decides what a repeated key means), and stops nesting at [`MAX_DEPTH`] with
//! [`ErrorKind::TooDeep`]. It runs with an explicit stack, so no input can overflow the
//! call stack, and it never panics.
//!
//! The tree borrows from the text: keys and strings without escapes, and every number, are
//! slices of it, so building the tree allocates only the arrays and objects (each once, at
//! its final size) and dropping it frees only those. Building and freeing an owned tree was
//! most of a JSON Schema expansion.

use std::borrow::Cow;

use crate::span::Span;

/// How deep arrays and objects may nest: the limit of serde_json's reader, which the crate
/// used before this reader existed (a 128th level is an error).
pub(crate) const MAX_DEPTH: usize = 128;

/// A JSON value and the span of its text (quotes included for strings).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Json<'a> {
    /// Where the value is written.
    pub span: Span,
    /// The value.
    pub value: Value<'a>,
}

/// What a [`Json`] holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`1.50e3` stays `1.50e3`).
    Number(&'a str),
    /// A string, escapes decoded (borrowed from the text when it has none).
    String(Cow<'a, str>),
    /// Items in order.
    Array(Vec<Json<'a>>),
    /// Members in document order, duplicates included.
    Object(Vec<Member<'a>>),
}

/// An object member: the decoded key, the key's span (quotes included) and the value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Member<'a> {
    /// The key, escapes decoded (borrowed from the text when it has none).
    pub key: Cow<'a, str>,
    /// Where the key is written, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Json<'a>,
}

/// Why text is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// The text breaks the JSON grammar.
    Syntax,
    /// Arrays and objects nest [`MAX_DEPTH`] levels or more.
    TooDeep,
}

/// A reading error, with the exact place: the offending character (or escape), or the last
/// character of a text that stops too early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// Syntax or depth.
    pub kind: ErrorKind,
    /// serde_json's wording, e.g. "expected `,` or `}`".
    pub message: &'static str,
    /// Where it went wrong.
    pub span: Span,
}

impl<'a> Json<'a> {
    /// The members of an object.
    pub(crate) fn members(&self) -> Option<&[Member<'a>]> {
        match &self.value {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The items of an array.
    pub(crate) fn items(&self) -> Option<&[Json<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The member `key` of an object; of a repeated key the last one, as serde_json reads it.
    pub(crate) fn member(&self, key: &str) -> Option<&Member<'a>> {
        self.members()?.iter().rev().find(|m| m.key == key)
    }

    /// The value of member `key` (see [`Json::member`]).
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.member(key).map(|m| &m.value)
    }

    /// The text of a string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the value is `null`.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The kind of value, for messages: "null", "a boolean", "an object", …
    pub(crate) fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Reads one JSON document (surrounding whitespace allowed).
///
/// # Errors
/// The first place where `text` stops being JSON, or where it nests [`MAX_DEPTH`] levels.
pub(crate) fn parse(text: &str) -> Result<Json<'_>, JsonError> {
    Reader {
        text,
        pos: 0,
        items: Vec::new(),
        members: Vec::new(),
    }
    .document()
}

/// An array or object whose items are still being read. Its items so far are the tail of
/// the reader's `items` (or `members`) from `first` on: one buffer for all open containers,
/// so each container is allocated once, at its final size, when it closes.
enum Open<'a> {
    Array {
        start: usize,
        first: usize,
    },
    Object {
        start: usize,
        first: usize,
        /// The key whose value is being read.
        key: (Cow<'a, str>, Span),
    },
}

/// What reading at a value position gave: a finished value, or a container that was opened.
enum Step<'a> {
    Value(Json<'a>),
    Opened(Open<'a>),
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// The items read so far of the open arrays, innermost last.
    items: Vec<Json<'a>>,
    /// The members read so far of the open objects, innermost last.
    members: Vec<Member<'a>>,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// The span of the character at `at`, or of the last character when `at` is the end.
    fn char_span(&self, at: usize) -> Span {
        let mut at = at.min(self.text.len());
        if at == self.text.len() {
            // The text stopped: point at its last character.
            at = self
                .text
                .get(..at)
                .and_then(|s| s.char_indices().next_back())
                .map_or(0, |(i, _)| i);
        }
        let len = self
            .text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(at, at + len)
    }

    fn error(&self, message: &'static str, at: usize) -> JsonError {
        JsonError {
            kind: ErrorKind::Syntax,
            message,
            span: self.char_span(at),
        }
    }

    /// An error at the current position: `eof` when the text has ended, else `message`.
    fn expected(&self, message: &'static str, eof: &'static str) -> JsonError {
        let message = if self.pos >= self.text.len() {
            eof
        } else {
            message
        };
        self.error(message, self.pos)
    }

    fn document(&mut self) -> Result<Json<'a>, JsonError> {
        let mut stack: Vec<Open<'a>> = Vec::new();
        self.ws();
        loop {
            let mut value = match self.value(stack.len())? {
                Step::Value(v) => v,
                Step::Opened(open) => {
                    stack.push(open);
                    continue;
                }
            };
            // Hand the finished value to the containers it closes, innermost first.
            loop {
                let Some(open) = stack.last_mut() else {
                    self.ws();
                    if self.pos < self.text.len() {
                        return Err(self.error("trailing characters", self.pos));
                    }
                    return Ok(value);
                };
                self.ws();
                match open {
                    Open::Array { .. } => {
                        self.items.push(value);
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                self.ws();
                                break;
                            }
                            Some(b']') => self.pos += 1,
                            _ => {
                                return Err(self
                                    .expected("expected `,` or `]`", "EOF while parsing a list"))
                            }
                        }
                    }
                    Open::Object { key, .. } => {
                        let (name, key_span) = std::mem::take(key);
                        self.members.push(Member {
                            key: name,
                            key_span,
                            value,
                        });
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                *key = self.key()?;
                                break;
                            }
                            Some(b'}') => self.pos += 1,
                            _ => {
                                return Err(self.expected(
                                    "expected `,` or `}`",
                                    "EOF while parsing an object",
                                ))
                            }
                        }
                    }
                }
                // The container is complete: it is the value handed to the next one out.
                value = match stack.pop() {
                    Some(Open::Array { start, first }) => Json {
                        span: Span::new(start, self.pos),
                        value: Value::Array(self.items.drain(first..).collect()),
                    },
                    Some(Open::Object { start, first, .. }) => Json {
                        span: Span::new(start, self.pos),
                        value: Value::Object(self.members.drain(first..).collect()),
                    },
                    None => return Err(self.error("expected value", self.pos)),
                };
            }
        }
    }

    /// Reads the value at the current position (whitespace skipped); `depth` containers
    /// are open around it.
    fn value(&mut self, depth: usize) -> Result<Step<'a>, JsonError> {
        let start = self.pos;
        let leaf = |value, end| {
            Ok(Step::Value(Json {
                span: Span::new(start, end),
                value,
            }))
        };
        match self.peek() {
            None => Err(self.error("EOF while parsing a value", start)),
            Some(b'[' | b'{') if depth + 1 >= MAX_DEPTH => Err(JsonError {
                kind: ErrorKind::TooDeep,
                message: "recursion limit exceeded",
                span: Span::new(start, start + 1),
            }),
            Some(b'[') => {
                self.pos += 1;
                self.ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return leaf(Value::Array(Vec::new()), self.pos);
                }
                if self.peek().is_none() {
                    return Err(self.error("EOF while parsing a list", self.pos));
                }
                Ok(Step::Opened(Open::Array {
                    start,
                    first: self.items.len(),
                }))
            }
            Some(b'{') => {
                self.pos += 1;
                self.ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                    return leaf(Value::Object(Vec::new()), self.pos);
                }
                self.pos = start + 1;
                let key = self.key()?;
                Ok(Step::Opened(Open::Object {
                    start,
                    first: self.members.len(),
                    key,
                }))
            }
            Some(b'"') => {
                let s = self.string()?;
                leaf(Value::String(s), self.pos)
            }
            Some(b't') => self.ident("true", Value::Bool(true)).map(Step::Value),
            Some(b'f') => self.ident("false", Value::Bool(false)).map(Step::Value),
            Some(b'n') => self.ident("null", Value::Null).map(Step::Value),
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                let text = self.text.get(start..self.pos).unwrap_or_default();
                leaf(Value::Number(text), self.pos)
            }
            Some(_) => Err(self.error("expected value", start)),
        }
    }

    /// Reads `"key" :` (whitespace around) and leaves the position at the value.
    fn key(&mut self) -> Result<(Cow<'a, str>, Span), JsonError> {
        self.ws();
        if self.peek() != Some(b'"') {
            return Err(self.expected("key must be a string", "EOF while parsing an object"));
        }
        let start = self.pos;
        let key = self.string()?;
        let span = Span::new(start, self.pos);
        self.ws();
        if self.peek() != Some(b':') {
            return Err(self.expected("expected `:`", "EOF while parsing an object"));
        }
        self.pos += 1;
        self.ws();
        Ok((key, span))
    }

    fn ident(&mut self, word: &'static str, value: Value<'a>) -> Result<Json<'a>, JsonError> {
        let start = self.pos;
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error("expected ident", self.pos)),
                None => return Err(self.error("EOF while parsing a value", self.pos)),
            }
        }
        Ok(Json {
            span: Span::new(start, self.pos),
            value,
        })
    }

    /// Skips a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<(), JsonError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.error("invalid number", self.pos));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number", self.pos)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.some_digits()?;
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), JsonError> {
        if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
            return Err(self.error("invalid number", self.pos));
        }
        self.digits();
        Ok(())
    }

    /// Reads a string starting at its opening quote; the position ends after the closing one.
    /// A string without escapes is borrowed from the text.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.pos += 1;
        let run = self.pos;
        self.skip_plain();
        match self.peek() {
            Some(b'"') => {
                let text = self.text.get(run..self.pos).unwrap_or_default();
                self.pos += 1;
                Ok(Cow::Borrowed(text))
            }
            _ => self.escaped_string(run).map(Cow::Owned),
        }
    }

    /// The rest of a string that has escapes (or is malformed), decoded; `run` is where
    /// its not yet copied text starts.
    #[cold]
    fn escaped_string(&mut self, mut run: usize) -> Result<String, JsonError> {
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string", self.pos)),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    let c = self.escape()?;
                    out.push(c);
                    run = self.pos;
                    self.skip_plain();
                }
                // A control byte (`skip_plain` stops only at these three kinds of byte).
                Some(_) => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                        self.pos,
                    ))
                }
            }
        }
    }

    /// Skips to the next quote, backslash or control byte (or the end), eight bytes at a
    /// time: scanning strings a byte at a time was a tenth of a JSON Schema expansion.
    /// Multi-byte characters are skipped whole; the text is valid UTF-8.
    fn skip_plain(&mut self) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let mut chunks = rest.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            // A byte of `has_zero(x)` has its high bit set where x's byte is zero (exact
            // for the lowest such byte, which is all that is used); `< 0x20` likewise.
            let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
            let quote = has_zero(w ^ (ONES * u64::from(b'"')));
            let backslash = has_zero(w ^ (ONES * u64::from(b'\\')));
            let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
            let hits = quote | backslash | control;
            if hits != 0 {
                self.pos += (hits.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
        let tail = chunks.remainder();
        self.pos += tail
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(tail.len());
    }

    /// Reads one escape starting at its backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let start = self.pos;
        self.pos += 1;
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string", self.pos));
        };
        self.pos += 1;
        let simple = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(start),
            _ => {
                return Err(JsonError {
                    kind: ErrorKind::Syntax,
                    message: "invalid escape",
                    span: Span::new(start, self.char_span(start + 1).end),
                })
            }
        };
        Ok(simple)
    }

    /// The character of `\uXXXX` (and of a following low surrogate's escape), the `\u`
    /// already read; `start` is the backslash.
    fn unicode(&mut self, start: usize) -> Result<char, JsonError> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high).ok_or(self.surrogate(start));
        }
        if self.text.get(self.pos..self.pos + 2) != Some("\\u") {
            return Err(self.surrogate(start));
        }
        self.pos += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(self.surrogate(start));
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            .ok_or(self.surrogate(start))
    }

    fn surrogate(&self, start: usize) -> JsonError {
        JsonError {
            kind: ErrorKind::Syntax,
            message: "lone surrogate in hex escape",
            span: Span::new(start, self.pos),
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut v = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("EOF while parsing a string", self.pos)),
                Some(b) => char::from(b).to_digit(16),
            };
            let Some(d) = digit else {
                return Err(self.error("invalid escape", self.pos));
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests;
