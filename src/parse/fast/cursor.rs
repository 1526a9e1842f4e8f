//! A cursor over one statement's fast tokens: what the skeleton parser and the type parser
//! step through.

use sqlparser::tokenizer::{Location, Span as SqlSpan, Token, TokenWithSpan};

use super::lex::{unquote, Kind, Tok};
use crate::parse::types::tokens::{TypeTok, TypeTokens};
use crate::parse::Cx;
use crate::span::Span;

/// One statement's tokens and the position of the next one.
pub(crate) struct Cursor<'s, 't> {
    pub(crate) sql: &'s str,
    pub(crate) toks: &'t [Tok],
    pub(crate) pos: usize,
    /// The end of the statement: where "the end of the statement" is (its last token's end).
    pub(crate) end: usize,
}

impl<'s> Cursor<'s, '_> {
    #[inline]
    pub(crate) fn tok(&self, n: usize) -> Option<&Tok> {
        self.toks.get(self.pos + n)
    }

    #[inline]
    pub(crate) fn kind(&self, n: usize) -> Option<Kind> {
        self.tok(n).map(|t| t.kind)
    }

    #[inline]
    pub(crate) fn text_of(&self, t: &Tok) -> &'s str {
        self.sql.get(t.start..t.end).unwrap_or_default()
    }

    #[inline]
    /// Whether the `n`th next token is the unquoted word `w` (any case).
    pub(crate) fn is_word(&self, n: usize, w: &str) -> bool {
        self.tok(n)
            .is_some_and(|t| t.kind == Kind::Word && self.text_of(t).eq_ignore_ascii_case(w))
    }

    #[inline]
    pub(crate) fn eat_word(&mut self, w: &str) -> bool {
        let yes = self.is_word(0, w);
        if yes {
            self.pos += 1;
        }
        yes
    }

    #[inline]
    pub(crate) fn eat_words(&mut self, ws: &[&str]) -> bool {
        let yes = ws.iter().enumerate().all(|(i, w)| self.is_word(i, w));
        if yes {
            self.pos += ws.len();
        }
        yes
    }

    #[inline]
    pub(crate) fn eat(&mut self, k: Kind) -> bool {
        let yes = self.kind(0) == Some(k);
        if yes {
            self.pos += 1;
        }
        yes
    }

    #[inline]
    /// The span of the next token (the statement's end after the last).
    pub(crate) fn peek_span(&self) -> Span {
        self.tok(0)
            .map_or(Span::new(self.end, self.end), |t| Span::new(t.start, t.end))
    }

    #[inline]
    /// The span of the last token moved past.
    pub(crate) fn current_span(&self) -> Span {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(Span::new(self.end, self.end), |t| Span::new(t.start, t.end))
    }

    /// A name at the cursor: a word (quoted or not) or a `'…'` string, as sqlparser's
    /// token holds it.
    pub(crate) fn name_at(&self, n: usize) -> Option<String> {
        let t = self.tok(n)?;
        match t.kind {
            Kind::Word => Some(self.text_of(t).to_string()),
            Kind::QuotedName | Kind::String => Some(unquote(self.text_of(t))),
            _ => None,
        }
    }

    /// sqlparser's token for a fast token, with a location that keeps the order and the
    /// adjacency of tokens (line 1, the byte offset as the column): what its parser reads
    /// an expression from. Errors are never reported from these locations: the fast path
    /// gives up on an expression sqlparser does not read whole.
    pub(crate) fn sql_token(&self, t: &Tok) -> TokenWithSpan {
        let text = self.text_of(t);
        let token = match t.kind {
            Kind::Word => Token::make_word(text, None),
            Kind::QuotedName => Token::make_word(&unquote(text), Some('"')),
            Kind::String => Token::SingleQuotedString(unquote(text)),
            Kind::Number => Token::Number(text.to_string(), false),
            Kind::LParen => Token::LParen,
            Kind::RParen => Token::RParen,
            Kind::Comma => Token::Comma,
            Kind::Period => Token::Period,
            Kind::Eq => Token::Eq,
            Kind::Lt => Token::Lt,
            Kind::Gt => Token::Gt,
            Kind::ShiftRight => Token::ShiftRight,
            Kind::Plus => Token::Plus,
            Kind::Minus => Token::Minus,
            Kind::Mul => Token::Mul,
            Kind::Div => Token::Div,
            Kind::Mod => Token::Mod,
            Kind::LBracket => Token::LBracket,
            Kind::RBracket => Token::RBracket,
            Kind::DoubleColon => Token::DoubleColon,
            Kind::Concat => Token::StringConcat,
        };
        let at =
            |o: usize| Location::new(1, u64::try_from(o).unwrap_or(u64::MAX).saturating_add(1));
        TokenWithSpan::new(token, SqlSpan::new(at(t.start), at(t.end)))
    }
}

impl TypeTokens for Cursor<'_, '_> {
    fn kind(&self, n: usize) -> TypeTok {
        match Cursor::kind(self, n) {
            None => TypeTok::Eof,
            Some(Kind::Word | Kind::QuotedName) => TypeTok::Word,
            Some(Kind::Number) => TypeTok::Number,
            Some(Kind::LParen) => TypeTok::LParen,
            Some(Kind::RParen) => TypeTok::RParen,
            Some(Kind::Lt) => TypeTok::Lt,
            Some(Kind::Gt) => TypeTok::Gt,
            Some(Kind::ShiftRight) => TypeTok::ShiftRight,
            Some(Kind::Comma) => TypeTok::Comma,
            Some(Kind::LBracket) => TypeTok::LBracket,
            Some(Kind::RBracket) => TypeTok::RBracket,
            Some(Kind::Minus) => TypeTok::Minus,
            Some(_) => TypeTok::Other,
        }
    }

    fn word(&self, n: usize) -> Option<&str> {
        let t = self.tok(n)?;
        (t.kind == Kind::Word).then(|| self.text_of(t))
    }

    fn is_word(&self, n: usize, w: &str) -> bool {
        Cursor::is_word(self, n, w)
    }

    fn number(&self) -> Option<&str> {
        let t = self.tok(0)?;
        (t.kind == Kind::Number).then(|| self.text_of(t))
    }

    fn name(&self) -> Option<String> {
        self.name_at(0)
    }

    fn found(&self) -> String {
        // Only a message of an error, after which the fast path gives up the statement.
        self.tok(0).map_or("EOF", |t| self.text_of(t)).to_string()
    }

    fn advance(&mut self) {
        self.pos += 1;
    }

    fn next_span(&self, _: &Cx<'_>) -> Span {
        self.peek_span()
    }

    fn current_span(&self, _: &Cx<'_>) -> Span {
        self.current_span()
    }
}
