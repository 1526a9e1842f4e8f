//! What the type parser reads: the tokens of a statement behind a small cursor, so one
//! type parser serves both lexers — sqlparser's tokens (the general path) and the fast
//! path's byte ranges (`parse/fast/`).

use std::borrow::Cow;

use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;

use crate::parse::Cx;
use crate::span::Span;

/// The kinds of token a column type is written with; everything else is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TypeTok {
    Word,
    Number,
    LParen,
    RParen,
    Lt,
    Gt,
    ShiftRight,
    Comma,
    Colon,
    LBracket,
    RBracket,
    Minus,
    Eof,
    Other,
}

/// A cursor over a statement's tokens, as the type parser sees it.
pub(crate) trait TypeTokens {
    /// The kind of the `n`th next token.
    fn kind(&self, n: usize) -> TypeTok;
    /// The `n`th next token's text if it is an unquoted word (as written).
    fn word(&self, n: usize) -> Option<&str>;
    /// Whether the `n`th next token is the unquoted word `w` (any case).
    fn is_word(&self, n: usize, w: &str) -> bool;
    /// The next token's text if it is a number.
    fn number(&self) -> Option<&str>;
    /// The next token as a name: a word (quoted or not) or a quoted string, unquoted.
    fn name(&self) -> Option<String>;
    /// The next token as written, for a message.
    fn found(&self) -> String;
    /// Moves past the next token.
    fn advance(&mut self);
    /// The span of the next token.
    fn next_span(&self, cx: &Cx<'_>) -> Span;
    /// The span of the last token moved past.
    fn current_span(&self, cx: &Cx<'_>) -> Span;

    /// Moves past the next token if it is of kind `k`.
    fn consume(&mut self, k: TypeTok) -> bool {
        if self.kind(0) == k {
            self.advance();
            true
        } else {
            false
        }
    }
}

impl TypeTokens for Parser<'_> {
    fn kind(&self, n: usize) -> TypeTok {
        match &self.peek_nth_token_ref(n).token {
            Token::Word(_) => TypeTok::Word,
            Token::Number(_, _) => TypeTok::Number,
            Token::LParen => TypeTok::LParen,
            Token::RParen => TypeTok::RParen,
            Token::Lt => TypeTok::Lt,
            Token::Gt => TypeTok::Gt,
            Token::ShiftRight => TypeTok::ShiftRight,
            Token::Comma => TypeTok::Comma,
            Token::Colon => TypeTok::Colon,
            Token::LBracket => TypeTok::LBracket,
            Token::RBracket => TypeTok::RBracket,
            Token::Minus => TypeTok::Minus,
            Token::EOF => TypeTok::Eof,
            _ => TypeTok::Other,
        }
    }

    fn word(&self, n: usize) -> Option<&str> {
        match &self.peek_nth_token_ref(n).token {
            Token::Word(w) if w.quote_style.is_none() => Some(&w.value),
            _ => None,
        }
    }

    fn is_word(&self, n: usize, w: &str) -> bool {
        crate::parse::is_word(self, n, w)
    }

    fn number(&self) -> Option<&str> {
        match &self.peek_token_ref().token {
            Token::Number(n, _) => Some(n),
            _ => None,
        }
    }

    fn name(&self) -> Option<String> {
        match &self.peek_token_ref().token {
            Token::Word(w) => Some(w.value.clone()),
            Token::DoubleQuotedString(s) | Token::SingleQuotedString(s) => Some(s.clone()),
            _ => None,
        }
    }

    fn found(&self) -> String {
        self.peek_token_ref().token.to_string()
    }

    fn advance(&mut self) {
        self.advance_token();
    }

    fn next_span(&self, cx: &Cx<'_>) -> Span {
        cx.span(self.peek_token_ref().span)
    }

    fn current_span(&self, cx: &Cx<'_>) -> Span {
        cx.span(self.get_current_token().span)
    }
}

/// `word` upper-cased, in `buf` when it is short and ASCII (type names are), so reading a
/// type allocates nothing.
pub(crate) fn upper<'b>(word: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    if let Some(dst) = buf.get_mut(..word.len()) {
        dst.copy_from_slice(word.as_bytes());
        // Upper-casing ASCII letters keeps the text UTF-8.
        dst.make_ascii_uppercase();
        if let Ok(s) = std::str::from_utf8(dst) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(word.to_ascii_uppercase())
}
