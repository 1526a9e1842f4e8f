//! A forgiving reading of the statement under the cursor, for text being typed: an open
//! quote ends at its line's end, a missing `)` at the statement's end, and nothing is
//! ever an error. Completion and hover read the statement's shape from it (its columns,
//! its WITH options, where the cursor is), not from the compiled result alone.

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word or a dotted key (`source.offset`).
    Word,
    /// `'…'`; `closed` is false for a string open at its line's end.
    Str { closed: bool },
    /// `"…"` or `` `…` ``.
    Ident { closed: bool },
    /// A number.
    Number,
    /// One punctuation character.
    Punct(u8),
}

/// A token: its kind and where it is in the document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) kind: Kind,
    pub(crate) span: Span,
}

impl Tok {
    /// Whether it is the punctuation `c`.
    pub(crate) fn is(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// The token's text, unquoted for strings and quoted names.
    pub(crate) fn text<'t>(&self, doc: &'t str) -> &'t str {
        doc.get(self.inner()).unwrap_or("")
    }

    /// The bytes inside the quotes of a string or quoted name (the whole token otherwise).
    pub(crate) fn inner(&self) -> std::ops::Range<usize> {
        match self.kind {
            Kind::Str { closed } | Kind::Ident { closed } => {
                let end = if closed {
                    self.span.end - 1
                } else {
                    self.span.end
                };
                (self.span.start + 1).min(end)..end
            }
            _ => self.span.start..self.span.end,
        }
    }

    /// Whether it is the word `w` (any case).
    pub(crate) fn is_word(&self, doc: &str, w: &str) -> bool {
        self.kind == Kind::Word && self.text(doc).eq_ignore_ascii_case(w)
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '$' | '#' | '@')
}

/// The tokens of the statement holding `offset`, reading `text` from `from` (a statement
/// start) to the `;` after `offset` (or the end).
pub(crate) fn statement_tokens(text: &str, from: usize, offset: usize) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out: Vec<Tok> = Vec::new();
    let mut i = from.min(text.len());
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let kind = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = comment_end(bytes, i);
                continue;
            }
            b'\'' | b'"' | b'`' => {
                let (end, closed) = quoted(bytes, i, b);
                i = end;
                if b == b'\'' {
                    Kind::Str { closed }
                } else {
                    Kind::Ident { closed }
                }
            }
            b';' => {
                if start >= offset {
                    break;
                }
                // A new statement starts after it.
                out.clear();
                i += 1;
                continue;
            }
            _ => {
                let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                if is_ident(c) {
                    i = word_end(text, i);
                    if c.is_ascii_digit() {
                        Kind::Number
                    } else {
                        Kind::Word
                    }
                } else {
                    i += c.len_utf8();
                    Kind::Punct(if c.is_ascii() { b } else { 0 })
                }
            }
        };
        out.push(Tok {
            kind,
            span: Span::new(start, i),
        });
    }
    out
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|r| r.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |n| from + n)
}

fn comment_end(bytes: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (Some(b'*'), Some(b'/')) => {
                depth = depth.saturating_sub(1);
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the quoted token opening at `from`, and whether it closes (on its line).
fn quoted(bytes: &[u8], from: usize, quote: u8) -> (usize, bool) {
    let mut i = from + 1;
    loop {
        match bytes.get(i) {
            None | Some(b'\n') => return (i, false),
            Some(&b) if b == quote => {
                if bytes.get(i + 1) == Some(&quote) {
                    i += 2;
                } else {
                    return (i + 1, true);
                }
            }
            Some(_) => i += 1,
        }
    }
}

/// The end of a word at `from`, dotted parts included (`schema_registry.endpoint`).
fn word_end(text: &str, from: usize) -> usize {
    let mut end = from;
    let mut chars = text.get(from..).unwrap_or("").char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_ident(c) {
            end = from + i + c.len_utf8();
        } else if c == '.' && chars.peek().is_some_and(|(_, n)| is_ident(*n)) {
            end = from + i + 1;
        } else {
            break;
        }
    }
    end
}

/// Which list an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Region {
    /// The column list.
    Columns,
    /// The WITH options.
    With,
}

/// One item of the column list or the WITH clause: the tokens between two separators.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub(crate) region: Region,
    /// The item's tokens (indices into [`Sketch::toks`]).
    pub(crate) toks: std::ops::Range<usize>,
    /// From just after the separator before it to the separator after it.
    pub(crate) span: Span,
}

/// The statement's shape: its tokens, and its column and WITH items.
#[derive(Debug)]
pub(crate) struct Sketch<'t> {
    pub(crate) doc: &'t str,
    pub(crate) toks: Vec<Tok>,
    pub(crate) items: Vec<Item>,
    /// `CREATE TEMPORARY TABLE`.
    pub(crate) temporary: bool,
    /// The table name's token.
    pub(crate) name: Option<Tok>,
}

impl<'t> Sketch<'t> {
    /// The sketch of the statement holding `offset`, read from `from` (a statement start).
    pub(crate) fn new(doc: &'t str, from: usize, offset: usize) -> Self {
        let toks = statement_tokens(doc, from, offset);
        let word = |i: usize, w: &str| toks.get(i).is_some_and(|t| t.is_word(doc, w));
        let mut temporary = false;
        let mut name = None;
        let mut items = Vec::new();
        if word(0, "CREATE") {
            let mut i = 1;
            if word(i, "OR") && word(i + 1, "REPLACE") {
                i += 2;
            }
            if word(i, "TEMPORARY") || word(i, "TEMP") {
                temporary = true;
                i += 1;
            }
            if word(i, "TABLE") || word(i, "SOURCE") || word(i, "SINK") {
                i += 1;
                if word(i, "IF") && word(i + 1, "NOT") && word(i + 2, "EXISTS") {
                    i += 3;
                }
                name = toks.get(i).copied();
            }
            items = list_items(doc, &toks);
        }
        Sketch {
            doc,
            toks,
            items,
            temporary,
            name,
        }
    }

    /// The tokens of an item.
    pub(crate) fn item_toks(&self, item: &Item) -> &[Tok] {
        self.toks.get(item.toks.clone()).unwrap_or_default()
    }

    /// The WITH options as (key token, value token), in order.
    pub(crate) fn options(&self) -> impl Iterator<Item = (Tok, Option<Tok>)> + '_ {
        self.items
            .iter()
            .filter(|it| it.region == Region::With)
            .filter_map(|it| {
                let toks = self.item_toks(it);
                let key = *toks.first()?;
                let value = toks
                    .iter()
                    .position(|t| t.is(b'='))
                    .and_then(|eq| toks.get(eq + 1).copied());
                Some((key, value))
            })
    }

    /// The value written for option `key`, unquoted.
    pub(crate) fn option(&self, key: &str) -> Option<&'t str> {
        let doc = self.doc;
        self.options()
            .find(|(k, _)| k.text(doc).eq_ignore_ascii_case(key))
            .and_then(|(_, v)| v)
            .map(|v| v.text(doc))
    }

    /// The column definitions: the name token of each, in order.
    pub(crate) fn columns(&self) -> impl Iterator<Item = (Tok, &Item)> + '_ {
        let doc = self.doc;
        self.items
            .iter()
            .filter(|it| it.region == Region::Columns)
            .filter_map(move |it| {
                let first = *self.item_toks(it).first()?;
                let keyword = [
                    "PRIMARY",
                    "WATERMARK",
                    "CONSTRAINT",
                    "PERIOD",
                    "LIKE",
                    "UNIQUE",
                ]
                .iter()
                .any(|k| first.is_word(doc, k));
                let named = matches!(first.kind, Kind::Word | Kind::Ident { .. });
                (named && !keyword).then_some((first, it))
            })
    }

    /// The item holding `offset` (its ends included).
    pub(crate) fn item_at(&self, offset: usize) -> Option<&Item> {
        self.items
            .iter()
            .find(|it| it.span.start <= offset && offset <= it.span.end)
    }
}

/// The items of the column list (the first parenthesis at depth 0 before `WITH`) and
/// of the WITH clause; a list without its `)` runs to the statement's end.
fn list_items(doc: &str, toks: &[Tok]) -> Vec<Item> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut region: Option<Region> = None;
    let mut columns_seen = false;
    let mut item_start = 0usize;
    let mut item_first = 0usize;
    // `<…>` of a type (`MAP<K, V>`): its commas separate nothing.
    let mut angles = 0usize;
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Punct(b'(') => {
                if depth == 0 {
                    let with = i > 0 && toks.get(i - 1).is_some_and(|p| p.is_word(doc, "WITH"));
                    region = if with {
                        Some(Region::With)
                    } else if !columns_seen {
                        Some(Region::Columns)
                    } else {
                        None
                    };
                    columns_seen = true;
                    item_start = t.span.end;
                    item_first = i + 1;
                }
                depth += 1;
            }
            Kind::Punct(b')') if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(r) = region.take() {
                        items.push(Item {
                            region: r,
                            toks: item_first..i,
                            span: Span::new(item_start, t.span.start),
                        });
                    }
                }
            }
            Kind::Punct(b'<')
                if region == Some(Region::Columns)
                    && i > 0
                    && toks.get(i - 1).is_some_and(|p| {
                        ["ARRAY", "MAP", "STRUCT", "ROW"]
                            .iter()
                            .any(|w| p.is_word(doc, w))
                    }) =>
            {
                angles += 1;
            }
            Kind::Punct(b'>') if angles > 0 => angles -= 1,
            Kind::Punct(b',') if depth == 1 && angles == 0 => {
                if let Some(r) = region {
                    items.push(Item {
                        region: r,
                        toks: item_first..i,
                        span: Span::new(item_start, t.span.start),
                    });
                    item_start = t.span.end;
                    item_first = i + 1;
                }
            }
            _ => {}
        }
    }
    if let Some(r) = region {
        items.push(Item {
            region: r,
            toks: item_first..toks.len(),
            span: Span::new(item_start, doc.len().max(item_start)),
        });
    }
    items
}
