//! A script read one statement at a time: what [`super::parse_script`] collects, and
//! what the streaming compile (`compile::stream`) takes a statement at a time, so that
//! nothing of a statement outlives it.
//!
//! A statement can also be read for its head alone (its span and the table a
//! `CREATE TABLE` defines): tokenized, but not parsed, for a cheap pass over the script.

use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::fast::lex::{self as fast_lex, Lexed, Tok};
use super::{fast, foreign, lexer, statement_kind, table, word_at, Cx, Kind, Statement};
use super::{EXPR_RECURSION_LIMIT, MAX_EXPR_TOKENS};
use crate::diagnostics::{codes, Diagnostic};
use crate::span::{LineIndex, Span};

/// sqlparser's dialect: a unit struct, shared so the lexer can borrow it for any lifetime.
pub(crate) static DIALECT: GenericDialect = GenericDialect {};

/// What the head of a statement says, read from its tokens without parsing it.
#[derive(Clone, Debug)]
pub(crate) struct Head {
    /// The whole statement, without its `;`.
    pub span: Span,
    /// For a `CREATE TABLE` (RisingWave's `CREATE SOURCE`/`SINK` included): the name it
    /// defines, lower-cased, as the parser will read it (`a.b` for a qualified name);
    /// `None` for any other statement, or when the name is malformed.
    pub table: Option<String>,
}

/// One statement, parsed.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// Its head.
    pub head: Head,
    /// The statement, or `None` when it had a syntax error or was not parsed.
    pub statement: Option<Statement>,
    /// Its syntax errors and front-end warnings, in the order found (not sorted).
    pub diagnostics: Vec<Diagnostic>,
    /// A RisingWave form it was written in, read as the `CREATE TABLE` it stands for.
    pub form: Option<foreign::ForeignForm>,
}

/// Reads a script statement by statement.
///
/// Each statement is first read by the fast path (`parse/fast/`); a statement it is not
/// sure of is read by sqlparser's tokenizer, resumed at the statement's start, and the
/// general parser. From a `COPY` on, the rest of the script is read by the general path.
pub(crate) struct StatementReader<'a> {
    sql: &'a str,
    /// Bytes of a byte order mark before the tokenizer's text (0 or 3).
    bom_len: usize,
    lexer: lexer::Statements<'a>,
    cx: Cx<'a>,
    mode: Mode,
    /// The fast path's tokens of the current statement (kept for its capacity).
    toks: Vec<Tok>,
    /// How many statements the fast path read.
    fast_count: usize,
}

/// Who reads the next statement.
#[derive(Clone, Copy, Debug)]
enum Mode {
    /// The fast path, from this byte offset of the script (a statement's text starts there).
    Fast(usize),
    /// sqlparser's tokenizer, `lexer`: to the end of the script, or (`back`) until it
    /// stops at a statement boundary, where the fast path takes over again.
    General { back: bool },
    /// The script has ended.
    Done,
}

/// The caller's `wanted`, asked at most once however many paths look at the statement.
struct Wanted<F> {
    f: Option<F>,
    answer: Option<bool>,
}

impl<F: FnOnce(&Head) -> bool> Wanted<F> {
    fn ask(&mut self, head: &Head) -> bool {
        if let Some(a) = self.answer {
            return a;
        }
        let a = self.f.take().is_some_and(|f| f(head));
        self.answer = Some(a);
        a
    }
}

impl<'a> StatementReader<'a> {
    /// A reader of `sql`, whose positions `index` (built over `sql`) converts.
    pub(crate) fn new(sql: &'a str, index: &'a LineIndex<'a>) -> Self {
        Self::with_fast_path(sql, index, true)
    }

    /// A reader that uses the fast path or not (the general path alone is the reference
    /// the fast path is checked against).
    pub(crate) fn with_fast_path(sql: &'a str, index: &'a LineIndex<'a>, fast: bool) -> Self {
        // A UTF-8 byte order mark is skipped, as whitespace: spans stay byte offsets into
        // `sql`, so the tokenizer's columns on line 1 are one character short.
        let (body, bom) = match sql.strip_prefix('\u{feff}') {
            Some(rest) => (rest, 1),
            None => (sql, 0),
        };
        let bom_len = sql.len() - body.len();
        StatementReader {
            sql,
            bom_len,
            // Statement by statement, without whitespace tokens (see `lexer.rs`): memory
            // follows the largest statement, however much whitespace the script holds.
            lexer: lexer::Statements::new(&DIALECT, body),
            cx: Cx {
                index,
                diags: Vec::new(),
                end: sql.len(),
                bom,
            },
            mode: if fast {
                Mode::Fast(bom_len)
            } else {
                Mode::General { back: false }
            },
            toks: Vec::new(),
            fast_count: 0,
        }
    }

    /// How many statements the fast path has read so far.
    #[cfg(any(test, feature = "internal-checks"))]
    pub(crate) fn fast_count(&self) -> usize {
        self.fast_count
    }

    /// sqlparser's tokenizer over the script's text from `at` (a statement's text starts
    /// there) to `end`, reading `chunk` bytes at a time.
    fn resume_general(&mut self, at: usize, end: usize, chunk: usize) {
        let body = self.sql.get(self.bom_len..end).unwrap_or_default();
        let lc = self.cx.index.line_col(at);
        let (line, column) = (lc.line as u64, lc.column as u64);
        let column = if line == 1 {
            column.saturating_sub(self.cx.bom)
        } else {
            column
        };
        let next = at.saturating_sub(self.bom_len);
        self.lexer = lexer::Statements::resume(
            &DIALECT,
            body,
            next,
            (line.saturating_sub(1), column.saturating_sub(1)),
            chunk,
        );
    }

    /// The tokens of the next statement that has any, rewritten from a RisingWave form,
    /// with its span, kind and form. A tokenizer error is the diagnostic that ends the
    /// script: as if the script were tokenized first, it is all a caller says.
    fn next_body(&mut self) -> Result<Option<Body>, Diagnostic> {
        loop {
            let mut tokens = match self.lexer.next_statement() {
                Ok(Some(tokens)) => tokens,
                Ok(None) => return Ok(None),
                Err(e) => return Err(super::tokenizer_error(&self.cx, self.sql, &e)),
            };
            let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
                continue;
            };
            let first = first.span;
            let span = self.cx.span(first).union(self.cx.span(last.span));
            self.cx.end = span.end;
            let form = foreign::rewrite(&mut tokens, &self.cx, span);
            let kind = statement_kind(&tokens);
            let table = match kind {
                Kind::CreateTable => table_name(&tokens),
                _ => None,
            };
            return Ok(Some(Body {
                head: Head { span, table },
                first,
                tokens,
                kind,
                form,
            }));
        }
    }

    /// The head of the next statement, without parsing it; `Ok(None)` after the last.
    pub(crate) fn next_head(&mut self) -> Result<Option<Head>, Diagnostic> {
        Ok(self.next_parsed(|_| false)?.map(|p| p.head))
    }

    /// The next statement, parsed when `wanted` says so of its head (otherwise it is
    /// only tokenized, and reports nothing); `Ok(None)` after the last.
    pub(crate) fn next_parsed(
        &mut self,
        wanted: impl FnOnce(&Head) -> bool,
    ) -> Result<Option<Parsed>, Diagnostic> {
        let mut wanted = Wanted {
            f: Some(wanted),
            answer: None,
        };
        loop {
            let at = match self.mode {
                Mode::Fast(at) => at,
                Mode::Done => return Ok(None),
                Mode::General { back } => {
                    let Some(body) = self.next_body()? else {
                        self.mode = Mode::Done;
                        return Ok(None);
                    };
                    if let Some(next) = self.lexer.boundary().filter(|_| back) {
                        self.mode = Mode::Fast(next + self.bom_len);
                    }
                    return Ok(Some(self.parse_body(body, &mut wanted)));
                }
            };
            let mut toks = std::mem::take(&mut self.toks);
            let lexed = fast_lex::statement(self.sql, at, &mut toks);
            let read = match lexed {
                Lexed::Statement { .. } if toks.is_empty() => None,
                Lexed::Statement { .. } => {
                    fast::statement(self.sql, &toks, &mut self.cx, &mut |h| wanted.ask(h))
                }
                Lexed::Unsure | Lexed::Copy => None,
            };
            self.toks = toks;
            match lexed {
                Lexed::Statement { next, semicolon } => {
                    self.mode = if semicolon {
                        Mode::Fast(next)
                    } else {
                        Mode::Done
                    };
                    if let Some(parsed) = read {
                        self.fast_count += 1;
                        return Ok(Some(parsed));
                    }
                    if self.toks.is_empty() {
                        continue;
                    }
                    // The fast path's lexer read this statement, so its extent is known:
                    // the general path reads that text alone.
                    let end = if semicolon { next - 1 } else { self.sql.len() };
                    self.resume_general(at, end, lexer::CHUNK);
                    let Some(body) = self.next_body()? else {
                        continue;
                    };
                    return Ok(Some(self.parse_body(body, &mut wanted)));
                }
                Lexed::Copy => {
                    self.resume_general(at, self.sql.len(), lexer::CHUNK);
                    self.mode = Mode::General { back: false };
                }
                Lexed::Unsure => {
                    // Where the statement ends is the tokenizer's to say. It goes on to
                    // the first statement end where it has read nothing further (a small
                    // first chunk, so that comes soon), and the fast path takes over.
                    self.resume_general(at, self.sql.len(), RESUMED_CHUNK);
                    self.mode = Mode::General { back: true };
                }
            }
        }
    }

    /// A statement read by the general path: parsed when wanted.
    fn parse_body<F: FnOnce(&Head) -> bool>(
        &mut self,
        body: Body,
        wanted: &mut Wanted<F>,
    ) -> Parsed {
        if !wanted.ask(&body.head) {
            return Parsed {
                head: body.head,
                statement: None,
                diagnostics: Vec::new(),
                form: body.form,
            };
        }
        let statement = self.parse(body.tokens, body.kind, body.head.span, body.first);
        Parsed {
            head: body.head,
            statement,
            diagnostics: std::mem::take(&mut self.cx.diags),
            form: body.form,
        }
    }

    /// Parses one statement's tokens; its findings go to `self.cx`.
    fn parse(
        &mut self,
        mut tokens: Vec<TokenWithSpan>,
        kind: Kind,
        span: Span,
        head: sqlparser::tokenizer::Span,
    ) -> Option<Statement> {
        let cx = &mut self.cx;
        // sqlparser reads a statement we do not know only for its syntax error: the first
        // tokens of a long one are enough (see `MAX_EXPR_TOKENS`).
        let truncated = matches!(kind, Kind::Unknown) && tokens.len() > MAX_EXPR_TOKENS;
        if truncated {
            tokens.truncate(MAX_EXPR_TOKENS);
        }
        let mut p = Parser::new(&DIALECT)
            .with_recursion_limit(EXPR_RECURSION_LIMIT)
            .with_tokens_with_locations(tokens);
        match kind {
            Kind::CreateTable => {
                let before = cx.diags.len();
                match table::parse_create_table(&mut p, cx, span) {
                    Ok(Some(t)) => {
                        for d in cx.diags.iter_mut().skip(before) {
                            d.table = Some(t.name.node.clone());
                        }
                        Some(Statement::CreateTable(Box::new(t)))
                    }
                    Ok(None) => Some(Statement::Other { span }),
                    Err(d) => {
                        cx.diags.push(d);
                        None
                    }
                }
            }
            Kind::Known => Some(Statement::Other { span }),
            Kind::NearMiss { at, meant } => {
                let word = p.peek_nth_token_ref(at);
                let d = cx
                    .syntax(
                        cx.span(word.span),
                        format!("unknown statement `CREATE {word}`"),
                    )
                    .with_help(format!("did you mean `{meant}`?"));
                cx.diags.push(d);
                None
            }
            Kind::Unknown => {
                // Let sqlparser say what is wrong with a statement we do not recognise.
                match p.parse_statement() {
                    Err(e) if !truncated || super::ends_in_text(&e) => {
                        let d = cx.parser_error(&e, head);
                        cx.diags.push(d);
                        None
                    }
                    _ if truncated => {
                        cx.diags.push(
                            Diagnostic::error(
                                codes::TOO_DEEP,
                                span,
                                format!("statement longer than {MAX_EXPR_TOKENS} tokens"),
                            )
                            .with_help(
                                "a statement this long nests too deeply to check; shorten it",
                            ),
                        );
                        None
                    }
                    _ => Some(Statement::Other { span }),
                }
            }
        }
    }
}

/// Bytes the tokenizer reads at a time when it takes over from the fast path at a
/// statement whose end only it can find.
const RESUMED_CHUNK: usize = 2 * 1024;

/// A statement's tokens and what was read of them before parsing.
struct Body {
    head: Head,
    /// The span of its first token (where an error with no position of its own points).
    first: sqlparser::tokenizer::Span,
    tokens: Vec<TokenWithSpan>,
    kind: Kind,
    form: Option<foreign::ForeignForm>,
}

/// The lower-cased name a `CREATE TABLE`'s tokens define, read as `table.rs` reads it:
/// after `CREATE [OR REPLACE] [TEMPORARY|TEMP] TABLE [IF NOT EXISTS]`, identifiers (words,
/// double- or single-quoted names) joined by `.`.
fn table_name(tokens: &[TokenWithSpan]) -> Option<String> {
    let is = |i: usize, w: &str| word_at(tokens, i).as_deref() == Some(w);
    let mut i = 1;
    if is(i, "OR") && is(i + 1, "REPLACE") {
        i += 2;
    }
    if is(i, "TEMPORARY") || is(i, "TEMP") {
        i += 1;
    }
    if !is(i, "TABLE") {
        return None;
    }
    i += 1;
    if is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS") {
        i += 3;
    }
    let ident = |i: usize| match tokens.get(i).map(|t| &t.token) {
        Some(Token::Word(w)) => Some(w.value.as_str()),
        Some(Token::DoubleQuotedString(s) | Token::SingleQuotedString(s)) => Some(s.as_str()),
        _ => None,
    };
    let mut name = ident(i)?.to_string();
    i += 1;
    while matches!(tokens.get(i).map(|t| &t.token), Some(Token::Period)) {
        name.push('.');
        name.push_str(ident(i + 1)?);
        i += 2;
    }
    Some(name.to_lowercase())
}
