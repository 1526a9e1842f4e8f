//! The check of `.proto` text before protox parses it: bracket nesting that would exhaust
//! the stack of protox's recursive option-value parser, names so long or with so many
//! dotted components that protox's scopes grow quadratically, and `edition = "…"` files,
//! which protox cannot compile.

use super::{MAX_BRACKET_DEPTH, MAX_NAME_COMPONENTS, MAX_NAME_LENGTH};
use crate::diagnostics::codes;
use crate::schema::expand::SchemaError;

/// Refuses text that protox cannot handle safely or at all, before it is parsed: bracket
/// nesting beyond [`MAX_BRACKET_DEPTH`] (the text-format parser for option values recurses
/// once per level), dotted names (`a.b.c`, also written `a . b`) of more than
/// [`MAX_NAME_COMPONENTS`] components or [`MAX_NAME_LENGTH`] bytes (protox keeps every
/// prefix of a package, and every full name repeats it), and `edition = "…"` files (protox
/// rejects them with a confusing parse error).
pub(super) fn prescan(name: &str, text: &str) -> Result<(), SchemaError> {
    let bytes = text.as_bytes();
    let mut open: Vec<u8> = Vec::new();
    let mut dotted = Dotted::default();
    let mut first_word: Option<&str> = None;
    let mut line = 1usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'#' => i = skip_line(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = skip_line(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while let Some(&c) = bytes.get(i) {
                    if c == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        i += 2;
                        break;
                    }
                    if c == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                dotted.other();
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    if c == b'\\' {
                        i += 1;
                    } else if c == b || c == b'\n' {
                        if c == b'\n' {
                            line += 1;
                        }
                        break;
                    }
                }
            }
            b'{' | b'<' | b'[' | b'(' => {
                dotted.other();
                open.push(b);
                if open.len() > MAX_BRACKET_DEPTH {
                    return Err(SchemaError::new(
                        codes::TOO_DEEP,
                        format!(
                            "protobuf file `{name}` nests brackets deeper than {MAX_BRACKET_DEPTH} levels (line {line})"
                        ),
                    ));
                }
                i += 1;
            }
            b'}' | b'>' | b']' | b')' => {
                dotted.other();
                // Only a matching closer ends a level, so stray closers cannot hide depth.
                let opener = match b {
                    b'}' => b'{',
                    b'>' => b'<',
                    b']' => b'[',
                    _ => b'(',
                };
                if open.last() == Some(&opener) {
                    open.pop();
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i += 1;
                }
                if let Some(error) = dotted.ident(i - start) {
                    return Err(SchemaError::new(
                        codes::TOO_DEEP,
                        format!("protobuf file `{name}` has a name {error} (line {line})"),
                    )
                    .with_help("protobuf names are short: a few components of a few words each"));
                }
                if first_word.is_none() {
                    first_word = text.get(start..i);
                    if first_word == Some("edition") {
                        return Err(SchemaError::new(
                            codes::SCHEMA_UNSUPPORTED,
                            format!(
                                "protobuf file `{name}` uses editions (`edition = …`), which are not supported"
                            ),
                        )
                        .with_help(
                            "declare `syntax = \"proto3\";` or `syntax = \"proto2\";` instead; \
                             the in-memory compiler (protox) does not support editions yet",
                        ));
                    }
                }
            }
            b'.' => {
                dotted.dot();
                i += 1;
            }
            c => {
                if !c.is_ascii_whitespace() {
                    dotted.other();
                }
                i += 1;
            }
        }
    }
    Ok(())
}

/// The dotted name being read: its components and length so far.
#[derive(Default)]
struct Dotted {
    components: usize,
    length: usize,
    /// The last token was an identifier (a `.` may continue the name).
    after_ident: bool,
    /// The last token was a `.` that continues (or, leading, starts) the name.
    after_dot: bool,
}

impl Dotted {
    /// An identifier of `len` bytes; the reason to refuse the name it is part of, if any.
    fn ident(&mut self, len: usize) -> Option<String> {
        if self.after_dot {
            self.components += 1;
            self.length = self.length.saturating_add(len);
        } else {
            self.components = 1;
            self.length = len;
        }
        self.after_dot = false;
        self.after_ident = true;
        if self.components > MAX_NAME_COMPONENTS {
            return Some(format!("of more than {MAX_NAME_COMPONENTS} components"));
        }
        if self.length > MAX_NAME_LENGTH {
            return Some(format!("longer than {MAX_NAME_LENGTH} bytes"));
        }
        None
    }

    fn dot(&mut self) {
        if !self.after_ident && !self.after_dot {
            // A leading dot (`.pkg.Type`) starts a new name.
            self.components = 0;
            self.length = 0;
        }
        self.length = self.length.saturating_add(1);
        self.after_dot = true;
        self.after_ident = false;
    }

    /// Any other token ends the name.
    fn other(&mut self) {
        self.after_ident = false;
        self.after_dot = false;
    }
}

/// The index just past the end of the line that starts at or before `i`.
fn skip_line(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|c| *c != b'\n') {
        i += 1;
    }
    i
}
