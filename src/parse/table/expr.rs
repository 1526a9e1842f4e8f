//! SQL expressions in a table definition (generated columns, watermarks, partitioning):
//! their text, the columns they reference and the shape the compiler checks them by.

use sqlparser::ast::{BinaryOperator, CastKind, DataType as SqlDataType, Expr, Value as SqlValue};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::Token;

use super::{PResult, TableParser};
use crate::diagnostics::{codes, Diagnostic};
use crate::parse::ast::{ColumnRef, ExprShape, SqlExpr};
use crate::parse::MAX_EXPR_TOKENS;
use crate::span::{Span, Spanned};

impl TableParser<'_, '_, '_> {
    /// Before sqlparser reads an expression (or a column option or table constraint that
    /// holds one) at the parser's position: the text it may take — up to the next `,` or
    /// closing bracket outside brackets — spans at most [`MAX_EXPR_TOKENS`] tokens, else
    /// `limit::nesting` over that text.
    ///
    /// sqlparser's recursion limit bounds bracket nesting, but not a left-deep chain such as
    /// `a + a + …`, which it builds in a loop into a tree as deep as the chain is long: that
    /// tree is walked and dropped recursively. A tree has no more levels than its tokens.
    ///
    /// Linear over a statement: text already found short enough is not scanned again (an
    /// expression that starts inside it ends inside it).
    pub(super) fn bound_expr(&mut self) -> PResult<()> {
        let begin = self.p.index();
        if begin < self.checked_until {
            return Ok(());
        }
        let mut depth = 0usize;
        let mut end = begin;
        loop {
            match self.p.token_at(end).token {
                Token::EOF => break,
                Token::LParen | Token::LBracket | Token::LBrace => depth += 1,
                Token::RParen | Token::RBracket | Token::RBrace => match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => break,
                },
                Token::Comma if depth == 0 => break,
                _ => {}
            }
            end += 1;
        }
        if end - begin > MAX_EXPR_TOKENS {
            let first = self.cx.span(self.p.token_at(begin).span);
            let last = self.cx.span(self.p.token_at(end - 1).span);
            return Err(Diagnostic::error(
                codes::TOO_DEEP,
                first.union(last),
                format!("expression longer than {MAX_EXPR_TOKENS} tokens"),
            )
            .with_help("an expression this long nests too deeply to check; shorten it"));
        }
        self.checked_until = end;
        Ok(())
    }

    /// Parses an expression and records its text, the columns it names and its shape.
    pub(super) fn expr(&mut self) -> PResult<SqlExpr> {
        self.bound_expr()?;
        let start_span = self.peek_span();
        let begin = self.p.index();
        let head = self.p.peek_token_ref().span;
        let expr = self
            .p
            .parse_expr()
            .map_err(|e| self.cx.parser_error(&e, head))?;
        let end = self.p.index();
        let span = start_span.union(self.current_span());
        let columns = self.referenced_columns(begin, end);
        Ok(SqlExpr {
            text: self.cx.text(span).to_string(),
            span,
            columns,
            shape: shape_of(&expr),
        })
    }

    /// Words in the token range that read as column references (see [`column_refs`]).
    fn referenced_columns(&self, begin: usize, end: usize) -> Vec<ColumnRef> {
        // The parser's token indices cover the expression; `token_at` clamps to EOF.
        let toks: Vec<(&Token, Span)> = (begin..end)
            .map(|i| {
                let t = self.p.token_at(i);
                (&t.token, self.cx.span(t.span))
            })
            .collect();
        column_refs(&toks)
    }
}

/// Words among an expression's tokens that read as column references: not a function name
/// (followed by `(`), not a field access (preceded by `.`), and either quoted or not a
/// SQL keyword. Keywords that are also column names (`timestamp`) are resolved later.
pub(in crate::parse) fn column_refs(toks: &[(&Token, Span)]) -> Vec<ColumnRef> {
    let mut out = Vec::new();
    let mut prev: Option<&Token> = None;
    for (i, (t, span)) in toks.iter().enumerate() {
        if let Token::Word(w) = t {
            let next = toks.get(i + 1).map(|n| n.0);
            let is_call = matches!(next, Some(Token::LParen));
            let after_dot = matches!(prev, Some(Token::Period | Token::DoubleColon));
            let before_dot = matches!(next, Some(Token::Period));
            if !is_call && !after_dot && !before_dot {
                let keyword = w.quote_style.is_none() && w.keyword != Keyword::NoKeyword;
                out.push(ColumnRef {
                    name: Spanned::new(w.value.clone(), *span),
                    is_keyword: keyword,
                });
            }
        }
        prev = Some(t);
    }
    out
}

/// The coarse shape of a parsed expression.
pub(in crate::parse) fn shape_of(expr: &Expr) -> ExprShape {
    match expr {
        Expr::Identifier(id) => ExprShape::Column(id.value.clone()),
        Expr::Nested(e) => shape_of(e),
        Expr::BinaryOp {
            left,
            op: BinaryOperator::Minus | BinaryOperator::Plus,
            right,
        } => match (left.as_ref(), right.as_ref()) {
            (Expr::Identifier(id), Expr::Interval(_)) => {
                ExprShape::ColumnPlusMinusInterval(id.value.clone())
            }
            (Expr::Nested(inner), Expr::Interval(_)) => match inner.as_ref() {
                Expr::Identifier(id) => ExprShape::ColumnPlusMinusInterval(id.value.clone()),
                other if shape_of(other) == ExprShape::Timestamp => ExprShape::Timestamp,
                _ => ExprShape::Other,
            },
            (l, Expr::Interval(_)) if shape_of(l) == ExprShape::Timestamp => ExprShape::Timestamp,
            (Expr::Identifier(id), r) if shape_of(r) == ExprShape::Number => {
                ExprShape::ColumnArithmetic(id.value.clone())
            }
            _ => ExprShape::Other,
        },
        Expr::Value(v) if matches!(v.value, SqlValue::Number(_, _)) => ExprShape::Number,
        Expr::Cast {
            kind: CastKind::Cast | CastKind::TryCast | CastKind::DoubleColon | CastKind::SafeCast,
            data_type,
            ..
        } => {
            if matches!(
                data_type,
                SqlDataType::Timestamp(_, _) | SqlDataType::Datetime(_)
            ) {
                ExprShape::Timestamp
            } else {
                ExprShape::Other
            }
        }
        Expr::Function(f) => {
            let name = f.name.to_string().to_ascii_lowercase();
            if matches!(
                name.as_str(),
                "to_timestamp"
                    | "to_timestamp_millis"
                    | "to_timestamp_micros"
                    | "to_timestamp_nanos"
                    | "to_timestamp_seconds"
                    | "now"
                    | "current_timestamp"
            ) {
                ExprShape::Timestamp
            } else {
                ExprShape::Other
            }
        }
        _ => ExprShape::Other,
    }
}
