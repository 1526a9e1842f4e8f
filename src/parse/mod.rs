//! SQL text → [`Script`]: statements, with a span on every table, column, type, constraint,
//! option key and option value.
//!
//! sqlparser does not parse `WATERMARK FOR`, `METADATA FROM`, `MAP<K, V>` or
//! `PARTITIONED BY` after `WITH`, and its generic dialect takes `partition` in a WITH
//! clause for MSSQL syntax. Rather than fork it, we tokenize with sqlparser, split the
//! script into statements, and drive its public parser primitives ourselves for
//! `CREATE TABLE` (see `table.rs`); every other statement is skipped.
//!
//! **Invariant:** the front end knows no connector, format or option name.
//! **Invariant:** it never stops at the first mistake: a statement with a syntax error is
//! reported and the next statement is parsed.

#![allow(clippy::result_large_err)] // a syntax error is the cold path; boxing it buys nothing

pub(crate) mod ast;
pub(crate) mod fast;
pub(crate) mod foreign;
pub(crate) mod heads;
mod lexer;
mod reader;
mod table;
pub(crate) mod types;
mod unterminated;

use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Token, TokenWithSpan};

pub(crate) use ast::*;
pub(crate) use reader::{Head, StatementReader};

use crate::diagnostics::{codes, Diagnostic};
use crate::span::{LineIndex, Span};

/// How deep sqlparser may recurse inside one expression.
const EXPR_RECURSION_LIMIT: usize = 64;

/// How many tokens one expression may span (and how many of a statement we do not know
/// sqlparser reads). sqlparser builds a left-deep chain such as `a + a + …` in a loop, into
/// a tree as deep as the chain is long, which is then walked and dropped recursively; the
/// token count bounds that depth, so a 2 MB thread stack is enough.
pub(crate) const MAX_EXPR_TOKENS: usize = 10_000;

/// The result of parsing a script: the statements that parsed, and every diagnostic.
#[derive(Clone, Debug)]
pub(crate) struct Script {
    /// Statements in source order (statements with syntax errors are left out).
    pub statements: Vec<Statement>,
    /// Syntax errors and front-end warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// RisingWave statements read as the `CREATE TABLE` they stand for (`foreign.rs`).
    #[allow(dead_code)] // the compile reads each statement's form from the reader
    pub foreign: Vec<foreign::ForeignForm>,
}

/// Parses a script of `;`-separated statements.
pub(crate) fn parse_script(sql: &str) -> Script {
    let index = LineIndex::new(sql);
    let mut reader = StatementReader::new(sql, &index);
    let mut statements = Vec::new();
    let mut diagnostics = Vec::new();
    let mut foreign_forms = Vec::new();
    loop {
        match reader.next_parsed(|_| true) {
            Ok(Some(parsed)) => {
                statements.extend(parsed.statement);
                diagnostics.extend(parsed.diagnostics);
                foreign_forms.extend(parsed.form);
            }
            Ok(None) => break,
            // As if the script were tokenized first: a tokenizer error is all we say.
            Err(d) => {
                return Script {
                    statements: Vec::new(),
                    diagnostics: vec![d],
                    foreign: Vec::new(),
                }
            }
        }
    }
    crate::diagnostics::sort(&mut diagnostics);
    Script {
        statements,
        diagnostics,
        foreign: foreign_forms,
    }
}

enum Kind {
    CreateTable,
    Known,
    /// `CREATE <word>` where the word at token `at` is a typo of `meant`.
    NearMiss {
        at: usize,
        meant: &'static str,
    },
    Unknown,
}

/// The keyword `word` (upper case) is probably a typo of, if it is not one itself: within
/// a small edit distance (a third of its length, at least 1, less than both lengths).
/// Only the edit distance counts, so that other objects sqlparser knows (`TABLESPACE`,
/// `TYPE`, `TEMPORARY FUNCTION`) stay statements we skip.
fn near_miss(word: &str, candidates: &[&'static str]) -> Option<&'static str> {
    let len = word.chars().count();
    if len == 0 || len > 64 || candidates.contains(&word) {
        return None;
    }
    let limit = (len.max(3) / 3).max(1);
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|&(d, c)| d <= limit && d < len && d < c.len())
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn word_at(body: &[TokenWithSpan], n: usize) -> Option<String> {
    body.get(n).and_then(|t| match &t.token {
        Token::Word(w) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
        _ => None,
    })
}

fn statement_kind(body: &[TokenWithSpan]) -> Kind {
    statement_kind_by(|n| word_at(body, n))
}

/// What a statement is, from its `n`th tokens as upper-cased unquoted words (`word_at`),
/// whichever lexer read them.
fn statement_kind_by(word_at: impl Fn(usize) -> Option<String>) -> Kind {
    let Some(first) = word_at(0) else {
        return Kind::Unknown;
    };
    if first == "CREATE" {
        let mut i = 1;
        if word_at(i).as_deref() == Some("OR") && word_at(i + 1).as_deref() == Some("REPLACE") {
            i += 2;
        }
        let temporary = matches!(word_at(i).as_deref(), Some("TEMPORARY" | "TEMP"));
        if temporary {
            i += 1;
        }
        let Some(word) = word_at(i) else {
            return Kind::Known;
        };
        if word == "TABLE" {
            return Kind::CreateTable;
        }
        // A typo of `TABLE` (or of `TEMPORARY`, where it may stand) would otherwise skip
        // the whole statement in silence.
        let candidates: &[&'static str] = if temporary {
            &["TABLE"]
        } else {
            &["TABLE", "TEMPORARY"]
        };
        if let Some(meant) = near_miss(&word, candidates) {
            return Kind::NearMiss { at: i, meant };
        }
        return Kind::Known;
    }
    const STARTERS: &[&str] = &[
        "SELECT", "INSERT", "WITH", "SET", "DROP", "ALTER", "EXPLAIN", "SHOW", "DELETE", "UPDATE",
        "VALUES", "USE", "DESCRIBE", "DESC", "BEGIN", "COMMIT", "ROLLBACK", "START", "MERGE",
        "TRUNCATE", "GRANT", "REVOKE", "ANALYZE", "COPY", "DECLARE", "EXECUTE", "PREPARE", "CALL",
        "COMMENT", "LOAD", "TABLE", "FROM",
    ];
    if STARTERS.contains(&first.as_str()) {
        Kind::Known
    } else {
        Kind::Unknown
    }
}

fn next_char_end(s: &str, at: usize) -> usize {
    s.get(at..)
        .and_then(|r| r.chars().next())
        .map(|c| at + c.len_utf8())
        .unwrap_or(at)
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Parsing state shared by the statement parsers: the line index for span conversion and
/// the diagnostics found so far.
pub(crate) struct Cx<'a> {
    index: &'a LineIndex<'a>,
    diags: Vec<Diagnostic>,
    /// End of the current statement, where errors "at end of input" point.
    end: usize,
    /// Characters skipped before the tokenizer's text (a byte order mark): 0 or 1.
    bom: u64,
}

impl Cx<'_> {
    /// The byte offset of a 1-based line and character column of the tokenizer's text.
    fn offset(&self, line: u64, column: u64) -> usize {
        let column = if line == 1 {
            column.saturating_add(self.bom)
        } else {
            column
        };
        self.index.offset(line, column)
    }

    /// Converts a sqlparser span (1-based line, character column) to a byte span.
    pub(crate) fn span(&self, s: sqlparser::tokenizer::Span) -> Span {
        if s.start.line == 0 {
            // sqlparser's EOF token has an empty span: point at the end of the statement.
            return Span::new(self.end, self.end);
        }
        Span::new(
            self.offset(s.start.line, s.start.column),
            self.offset(s.end.line, s.end.column),
        )
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub(crate) fn text(&self, span: Span) -> &str {
        self.index.slice(span)
    }

    pub(crate) fn syntax(&self, at: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(codes::SYNTAX, at, message)
    }

    /// Turns a sqlparser error into a diagnostic at the token it names (its message ends
    /// in `at Line: L, Column: C`), or at `fallback`.
    pub(crate) fn parser_error(
        &self,
        e: &ParserError,
        fallback: sqlparser::tokenizer::Span,
    ) -> Diagnostic {
        let fallback = self.span(fallback);
        match e {
            ParserError::RecursionLimitExceeded => Diagnostic::error(
                codes::TOO_DEEP,
                fallback,
                format!("expression nested more than {EXPR_RECURSION_LIMIT} levels deep"),
            ),
            ParserError::TokenizerError(m) | ParserError::ParserError(m) => {
                let (msg, at) = split_location(m);
                let span = match at {
                    Some((l, c)) => {
                        let start = self.offset(l, c);
                        Span::new(start, token_end(self.index.text(), start))
                    }
                    None => fallback,
                };
                Diagnostic::error(codes::SYNTAX, span, tidy_parser_message(msg))
            }
        }
    }
}

/// Whether a parser error points into the text (it names a line), rather than at the end
/// of the tokens it was given.
fn ends_in_text(e: &ParserError) -> bool {
    match e {
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => {
            !m.contains("found: EOF") && split_location(m).1.is_some()
        }
        ParserError::RecursionLimitExceeded => true,
    }
}

/// Splits sqlparser's `… at Line: L, Column: C` suffix off a message.
fn split_location(m: &str) -> (&str, Option<(u64, u64)>) {
    let Some(i) = m.rfind(" at Line: ") else {
        return (m, None);
    };
    let (msg, loc) = m.split_at(i);
    let loc = loc.trim_start_matches(" at Line: ");
    let mut parts = loc.split(", Column: ");
    let line = parts.next().and_then(|l| l.trim().parse().ok());
    let col = parts.next().and_then(|c| c.trim().parse().ok());
    match (line, col) {
        (Some(l), Some(c)) if l > 0 => (msg, Some((l, c))),
        _ => (msg, None),
    }
}

/// `Expected: X, found: Y` → "expected X, found `Y`".
fn tidy_parser_message(m: &str) -> String {
    let m = m.trim().trim_start_matches("sql parser error: ");
    if let Some(rest) = m.strip_prefix("Expected: ") {
        if let Some((exp, found)) = rest.split_once(", found: ") {
            return format!("expected {exp}, found `{found}`");
        }
    }
    lowercase_first(m)
}

/// The end of the token that starts at `start`: a word, a number, a quoted string or one
/// character.
pub(crate) fn token_end(text: &str, start: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return start;
    };
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return start;
    };
    if first == '\'' || first == '"' {
        for (i, c) in chars {
            if c == first {
                return start + i + 1;
            }
        }
        return text.len();
    }
    if first.is_alphanumeric() || first == '_' {
        for (i, c) in rest.char_indices() {
            if !(c.is_alphanumeric() || c == '_' || c == '.') {
                return start + i;
            }
        }
        return text.len();
    }
    start + first.len_utf8()
}

/// The `n`th next token as an upper-cased unquoted word, if it is one.
pub(crate) fn peek_word(p: &Parser<'_>, n: usize) -> Option<String> {
    match &p.peek_nth_token_ref(n).token {
        Token::Word(w) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
        _ => None,
    }
}

/// Whether the `n`th next token is the unquoted word `w` (any case), without allocating.
pub(crate) fn is_word(p: &Parser<'_>, n: usize, w: &str) -> bool {
    matches!(&p.peek_nth_token_ref(n).token,
        Token::Word(x) if x.quote_style.is_none() && x.value.eq_ignore_ascii_case(w))
}

/// The diagnostic of a tokenizer error. A missing quote is reported by the tokenizer at
/// the last quote of the script; it points at the string that really runs on instead.
fn tokenizer_error(cx: &Cx<'_>, sql: &str, e: &sqlparser::tokenizer::TokenizerError) -> Diagnostic {
    let at = cx.offset(e.location.line, e.location.column);
    let mut d = Diagnostic::error(
        codes::SYNTAX,
        Span::new(at, next_char_end(sql, at)),
        lowercase_first(&e.message),
    );
    // A missing quote is reported by the tokenizer at the last quote of the
    // script; point at the string that runs past its line instead.
    if e.message.to_lowercase().contains("unterminated string") {
        // Whichever comes first: a string that runs past its line, or one that
        // swallowed the start of the next option (`'t, type = '`).
        let multiline = unterminated::first_multiline_string(sql);
        let swallowing = unterminated::first_swallowing_string(sql);
        let first = match (multiline, swallowing) {
            (Some(m), Some(s)) if s.0 < m.0 => Some((s, true)),
            (Some(m), _) => Some((m, false)),
            (None, Some(s)) => Some((s, true)),
            (None, None) => None,
        };
        if let Some(((start, end), swallowed)) = first {
            d.span = Span::new(start, end);
            d = d.with_help(if swallowed {
                "this string runs into the next option: close it with `'` before the `,`"
            } else {
                "this string runs past the end of its line: close it with `'` (a quote inside a string is written `''`)"
            });
        }
    }
    d
}
