//! The `WITH (…)` clause: option keys (dotted, quoted, hyphenated and indexed forms) and
//! option values, lowered from sqlparser expressions to option [`Value`]s.

use std::ops::Range;

use sqlparser::ast::{Expr, UnaryOperator, Value as SqlValue};
use sqlparser::tokenizer::Token;

use super::{PResult, TableParser};
use crate::options::Value;
use crate::parse::ast::{WithClause, WithOption};
use crate::span::{Span, Spanned};

impl TableParser<'_, '_, '_> {
    pub(super) fn with_clause(&mut self) -> PResult<WithClause> {
        let start = self.peek_span();
        self.expect_word("WITH")?;
        self.expect(Token::LParen, "`(` after `WITH`")?;
        let mut options = Vec::new();
        if !self.p.consume_token(&Token::RParen) {
            loop {
                let key = self.option_key()?;
                if self.p.peek_token_ref().token != Token::Eq {
                    return Err(self
                        .unexpected(&format!("`=` after option `{}`", key.node))
                        .with_help(format!("options are written `{} = 'value'`", key.node)));
                }
                self.p.advance_token();
                let value = self.option_value()?;
                options.push(WithOption { key, value });
                if !self.list_continues("an option")? {
                    break;
                }
            }
        }
        Ok(WithClause {
            span: start.union(self.current_span()),
            options,
        })
    }

    /// A key: `name`, `a.b.c`, `'a.b'`, `"a.b"`, and Flink's hyphenated `a.b-c` (the parts
    /// must touch, as the tokenizer reads `-` as an operator).
    fn option_key(&mut self) -> PResult<Spanned<String>> {
        let first = self.ident("an option key")?;
        let mut key = first.node;
        let mut span = first.span;
        loop {
            let tok = &self.p.peek_token_ref().token;
            if *tok == Token::Period {
                self.p.advance_token();
                let part = self.ident("an option key part after `.`")?;
                key.push('.');
                key.push_str(&part.node);
                span = span.union(part.span);
            } else if let Token::Number(n, _) = tok {
                // The tokenizer reads `.0` of `subscription_messages.0` as a number; an
                // index part that touches the key belongs to it.
                let index = n
                    .strip_prefix('.')
                    .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
                let (Some(index), true) = (index, self.peek_span().start == span.end) else {
                    break;
                };
                key.push('.');
                key.push_str(index);
                span = span.union(self.peek_span());
                self.p.advance_token();
            } else if *tok == Token::Minus && self.peek_span().start == span.end {
                self.p.advance_token();
                let next = self.p.peek_token_ref().clone();
                let part_span = self.cx.span(next.span);
                if part_span.start != span.end + 1 {
                    return Err(self.unexpected("an option key part after `-`"));
                }
                let part = match next.token {
                    Token::Word(w) => w.value,
                    Token::Number(n, _) => n,
                    _ => return Err(self.unexpected("an option key part after `-`")),
                };
                self.p.advance_token();
                key.push('-');
                key.push_str(&part);
                span = span.union(part_span);
            } else {
                break;
            }
        }
        Ok(Spanned::new(key, span))
    }

    fn option_value(&mut self) -> PResult<Spanned<Value>> {
        let start = self.peek_span();
        if matches!(self.p.peek_token_ref().token, Token::Comma | Token::RParen) {
            return Err(self.unexpected("an option value"));
        }
        // Most values are one literal: read it directly, without the expression parser.
        if matches!(
            self.p.peek_nth_token_ref(1).token,
            Token::Comma | Token::RParen
        ) {
            let literal = match &self.p.peek_token_ref().token {
                Token::SingleQuotedString(s) => Some(Value::String(s.clone())),
                Token::Number(n, _) => Some(Value::Number(n.clone())),
                Token::Word(w)
                    if w.quote_style.is_none() && w.value.eq_ignore_ascii_case("true") =>
                {
                    Some(Value::Bool(true))
                }
                Token::Word(w)
                    if w.quote_style.is_none() && w.value.eq_ignore_ascii_case("false") =>
                {
                    Some(Value::Bool(false))
                }
                _ => None,
            };
            if let Some(v) = literal {
                self.p.advance_token();
                return Ok(Spanned::new(v, start));
            }
        }
        self.bound_expr()?;
        let head = self.p.peek_token_ref().span;
        let begin = self.p.index();
        let expr = self
            .p
            .parse_expr()
            .map_err(|e| self.cx.parser_error(&e, head))?;
        let span = start.union(self.current_span());
        Ok(Spanned::new(
            self.lower(&expr, span, begin..self.p.index()),
            span,
        ))
    }

    /// Lowers a sqlparser expression, read from the tokens `toks`, to an option [`Value`].
    fn lower(&self, expr: &Expr, span: Span, toks: Range<usize>) -> Value {
        match expr {
            Expr::Value(v) => match &v.value {
                SqlValue::SingleQuotedString(s) => Value::String(s.clone()),
                SqlValue::Number(n, _) => Value::Number(n.clone()),
                SqlValue::Boolean(b) => Value::Bool(*b),
                SqlValue::Null => Value::Null,
                SqlValue::DoubleQuotedString(s) => Value::Ident(s.clone()),
                _ => Value::Expr(self.cx.text(span).to_string()),
            },
            Expr::UnaryOp { op, expr: inner } => match (op, inner.as_ref()) {
                (UnaryOperator::Minus, Expr::Value(v)) => match &v.value {
                    SqlValue::Number(n, _) => Value::Number(format!("-{n}")),
                    _ => Value::Expr(self.cx.text(span).to_string()),
                },
                (UnaryOperator::Plus, Expr::Value(v)) => match &v.value {
                    SqlValue::Number(n, _) => Value::Number(n.clone()),
                    _ => Value::Expr(self.cx.text(span).to_string()),
                },
                _ => Value::Expr(self.cx.text(span).to_string()),
            },
            Expr::Interval(iv) => {
                let value = match iv.value.as_ref() {
                    Expr::Value(v) => match &v.value {
                        SqlValue::SingleQuotedString(s) => s.clone(),
                        SqlValue::Number(n, _) => n.clone(),
                        _ => return Value::Expr(self.cx.text(span).to_string()),
                    },
                    Expr::UnaryOp {
                        op: UnaryOperator::Minus,
                        expr,
                    } => match expr.as_ref() {
                        Expr::Value(v) => match &v.value {
                            SqlValue::Number(n, _) | SqlValue::SingleQuotedString(n) => {
                                format!("-{n}")
                            }
                            _ => return Value::Expr(self.cx.text(span).to_string()),
                        },
                        _ => return Value::Expr(self.cx.text(span).to_string()),
                    },
                    _ => return Value::Expr(self.cx.text(span).to_string()),
                };
                if iv.last_field.is_some() {
                    return Value::Expr(self.cx.text(span).to_string());
                }
                Value::Interval {
                    value,
                    unit: iv.leading_field.as_ref().map(|f| f.to_string()),
                }
            }
            Expr::Identifier(id) => Value::Ident(id.value.clone()),
            Expr::Nested(inner) => {
                self.lower(inner, span, toks.start + 1..toks.end.saturating_sub(1))
            }
            Expr::Array(arr) => Value::Array(self.lower_items(&arr.elem, span, toks)),
            Expr::Tuple(items) => Value::Array(self.lower_items(items, span, toks)),
            _ => Value::Expr(self.cx.text(span).to_string()),
        }
    }

    /// The items of a tuple or array read from `toks` (`(…)`, `[…]` or `ARRAY[…]`), each
    /// spanned by its tokens: the spans come from the tokens, not from a walk of the item's
    /// tree, which may be thousands of levels deep (see `bound_expr`).
    fn lower_items(&self, items: &[Expr], span: Span, toks: Range<usize>) -> Vec<Spanned<Value>> {
        let ranges = self.item_ranges(toks);
        if ranges.len() != items.len() {
            return items
                .iter()
                .map(|e| Spanned::new(self.lower(e, span, 0..0), span))
                .collect();
        }
        items
            .iter()
            .zip(ranges)
            .map(|(e, r)| {
                let first = self.cx.span(self.p.token_at(r.start).span);
                let last = self.cx.span(self.p.token_at(r.end.saturating_sub(1)).span);
                let span = first.union(last);
                Spanned::new(self.lower(e, span, r), span)
            })
            .collect()
    }

    /// The token ranges of the comma-separated items inside the brackets of `toks`.
    fn item_ranges(&self, toks: Range<usize>) -> Vec<Range<usize>> {
        let mut i = toks.start;
        if matches!(self.p.token_at(i).token, Token::Word(_)) {
            i += 1; // `ARRAY`
        }
        i += 1; // the opening bracket
        let close = toks.end.saturating_sub(1);
        let mut out = Vec::new();
        if i >= close {
            return out;
        }
        let (mut depth, mut item) = (0usize, i);
        for j in i..close {
            match self.p.token_at(j).token {
                Token::LParen | Token::LBracket | Token::LBrace => depth += 1,
                Token::RParen | Token::RBracket | Token::RBrace => depth = depth.saturating_sub(1),
                Token::Comma if depth == 0 => {
                    out.push(item..j);
                    item = j + 1;
                }
                _ => {}
            }
        }
        out.push(item..close);
        out
    }
}
