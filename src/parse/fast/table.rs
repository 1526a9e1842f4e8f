//! The skeleton of a valid `CREATE TABLE` on fast tokens: the same [`TableDef`] the
//! general parser (`parse/table.rs`) builds, or `None` — "not sure" — on anything that
//! parser would report or read some other way (the caller then hands the statement to it).
//!
//! Every `None` here is a place where the general parser reports a diagnostic, reads a
//! rarer form (constraints, column options it ignores with a warning, Arroyo's legacy
//! metadata column, `COMMENT`), or where an option value needs sqlparser's expression
//! parser to be lowered. Expressions (generated columns, watermarks, `PARTITIONED BY`)
//! are parsed by sqlparser from the fast tokens of the expression alone.

use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::cursor::Cursor;
use super::lex::{unquote, Kind};
use crate::options::Value;
use crate::parse::ast::*;
use crate::parse::table::expr::{column_refs, shape_of};
use crate::parse::table::legacy_metadata;
use crate::parse::types::parse_column_type;
use crate::parse::{Cx, EXPR_RECURSION_LIMIT, MAX_EXPR_TOKENS};
use crate::span::{Span, Spanned};

/// What `CREATE [OR REPLACE] [TEMPORARY|TEMP] TABLE [IF NOT EXISTS] name` says.
pub(crate) struct TableHead {
    pub name: Spanned<String>,
    pub or_replace: bool,
    pub temporary: bool,
    pub temporary_span: Span,
    pub if_not_exists: bool,
}

/// Reads the head of a `CREATE TABLE` (the cursor at `CREATE`); `None` when the name is
/// not plain.
pub(crate) fn head(c: &mut Cursor<'_, '_>) -> Option<TableHead> {
    if !c.eat_word("CREATE") {
        return None;
    }
    let or_replace = c.eat_words(&["OR", "REPLACE"]);
    let temporary = c.eat_word("TEMPORARY") || c.eat_word("TEMP");
    let temporary_span = if temporary {
        c.current_span()
    } else {
        Span::DETACHED
    };
    if !c.eat_word("TABLE") {
        return None;
    }
    let if_not_exists = c.eat_words(&["IF", "NOT", "EXISTS"]);
    let mut name = ident(c)?;
    while c.eat(Kind::Period) {
        let part = ident(c)?;
        name = Spanned::new(
            format!("{}.{}", name.node, part.node),
            name.span.union(part.span),
        );
    }
    Some(TableHead {
        name,
        or_replace,
        temporary,
        temporary_span,
        if_not_exists,
    })
}

/// An identifier: a word (keywords included), a `"…"` name or a `'…'` string.
fn ident(c: &mut Cursor<'_, '_>) -> Option<Spanned<String>> {
    let name = c.name_at(0)?;
    c.pos += 1;
    Some(Spanned::new(name, c.current_span()))
}

/// The rest of a `CREATE TABLE` after its head: `Some(None)` for `CREATE TABLE … AS …`
/// (a statement the compiler skips), `None` when the fast path is not sure.
pub(crate) fn rest(
    c: &mut Cursor<'_, '_>,
    cx: &mut Cx<'_>,
    head: TableHead,
    span: Span,
) -> Option<Option<TableDef>> {
    if c.is_word(0, "AS") {
        return Some(None);
    }
    let mut columns = None;
    let mut primary_keys = Vec::new();
    let mut watermarks = Vec::new();
    if c.kind(0) == Some(Kind::LParen) {
        let open = c.peek_span();
        let mut cols = Vec::with_capacity(items(c));
        c.pos += 1;
        if !c.eat(Kind::RParen) {
            loop {
                let start = c.peek_span();
                if c.is_word(0, "WATERMARK") && c.is_word(1, "FOR") {
                    watermarks.push(watermark(c)?);
                } else if c.is_word(0, "PRIMARY") && c.is_word(1, "KEY") {
                    primary_keys.push(table_primary_key(c, start)?);
                } else if ["CONSTRAINT", "UNIQUE", "FOREIGN", "CHECK", "PERIOD", "LIKE"]
                    .iter()
                    .any(|w| c.is_word(0, w))
                {
                    return None; // constraints: rare, and mostly reported
                } else {
                    cols.push(column(c, cx)?);
                }
                if !list_continues(c)? {
                    break;
                }
            }
        }
        columns = Some(Spanned::new(cols, open.union(c.current_span())));
    }
    let mut partitioned_by = None;
    let mut with = None;
    loop {
        if c.is_word(0, "PARTITIONED") && c.is_word(1, "BY") && partitioned_by.is_none() {
            let start = c.peek_span();
            c.pos += 2;
            if !c.eat(Kind::LParen) {
                return None;
            }
            let exprs = match c.eat(Kind::RParen) {
                true => Vec::new(),
                false => closed_list(c, expr)?,
            };
            partitioned_by = Some(Spanned::new(exprs, start.union(c.current_span())));
        } else if c.is_word(0, "WITH") && with.is_none() {
            with = Some(with_clause(c)?);
        } else if c.is_word(0, "AS") {
            return Some(None);
        } else if c.tok(0).is_none() {
            break;
        } else {
            return None;
        }
    }
    Some(Some(TableDef {
        name: head.name,
        span,
        temporary: head.temporary,
        temporary_span: head.temporary_span,
        if_not_exists: head.if_not_exists,
        or_replace: head.or_replace,
        columns,
        primary_keys,
        watermarks,
        partitioned_by,
        with,
    }))
}

/// How many items the parenthesized list at the cursor has, at most (its top-level commas
/// and one): its vector is sized once, not grown item by item.
fn items(c: &Cursor<'_, '_>) -> usize {
    let mut depth = 0usize;
    let mut commas = 0;
    for t in c.toks.get(c.pos..).unwrap_or_default() {
        match t.kind {
            Kind::LParen => depth += 1,
            Kind::RParen if depth <= 1 => break,
            Kind::RParen => depth -= 1,
            Kind::Comma if depth == 1 => commas += 1,
            _ => {}
        }
    }
    commas + 1
}

/// After an item of a parenthesized list: `,` continues it (a trailing `,` before `)` is
/// accepted), `)` ends it.
fn list_continues(c: &mut Cursor<'_, '_>) -> Option<bool> {
    if c.eat(Kind::Comma) {
        return Some(!c.eat(Kind::RParen));
    }
    c.eat(Kind::RParen).then_some(false)
}

fn table_primary_key(c: &mut Cursor<'_, '_>, start: Span) -> Option<PrimaryKeyDef> {
    c.pos += 2; // PRIMARY KEY
    if !c.eat(Kind::LParen) {
        return None;
    }
    let columns = closed_list(c, ident)?;
    c.eat_words(&["NOT", "ENFORCED"]);
    Some(PrimaryKeyDef {
        columns,
        span: start.union(c.current_span()),
    })
}

/// One or more `item`s separated by `,`, then the `)` that closes them.
fn closed_list<T>(
    c: &mut Cursor<'_, '_>,
    mut item: impl FnMut(&mut Cursor<'_, '_>) -> Option<T>,
) -> Option<Vec<T>> {
    let mut items = vec![item(c)?];
    while c.eat(Kind::Comma) {
        items.push(item(c)?);
    }
    c.eat(Kind::RParen).then_some(items)
}

fn watermark(c: &mut Cursor<'_, '_>) -> Option<WatermarkDef> {
    let start = c.peek_span();
    c.pos += 2; // WATERMARK FOR
    let column = ident(c)?;
    let expr = if c.eat_word("AS") {
        Some(expr(c)?)
    } else {
        None
    };
    Some(WatermarkDef {
        column,
        expr,
        span: start.union(c.current_span()),
    })
}

fn column(c: &mut Cursor<'_, '_>, cx: &mut Cx<'_>) -> Option<ColumnDef> {
    let name = ident(c)?;
    if c.eat_word("AS") {
        let expr = expr(c)?;
        return Some(ColumnDef::computed(name, expr, c.current_span()));
    }
    let before = cx.diags.len();
    let ty = parse_column_type(c, cx).ok()?;
    if cx.diags.len() != before {
        return None; // a type the compile reports: the general path says it
    }
    let mut col = ColumnDef::typed(name, ty);
    loop {
        let start = c.peek_span();
        if c.eat_words(&["NOT", "NULL"]) {
            if col.nullable.is_some() {
                return None;
            }
            col.not_null = Some(start.union(c.current_span()));
        } else if c.is_word(0, "NULL") {
            if col.not_null.is_some() {
                return None;
            }
            c.pos += 1;
            col.nullable = Some(start.union(c.current_span()));
        } else if c.eat_words(&["PRIMARY", "KEY"]) {
            c.eat_words(&["NOT", "ENFORCED"]);
            col.primary_key = Some(start.union(c.current_span()));
        } else if c.eat_word("METADATA") {
            let key = if c.eat_word("FROM") {
                let t = *c.tok(0)?;
                if t.kind != Kind::String {
                    return None;
                }
                c.pos += 1;
                Spanned::new(unquote(c.text_of(&t)), Span::new(t.start, t.end))
            } else {
                col.name.clone()
            };
            let is_virtual = c.eat_word("VIRTUAL");
            let span = start.union(c.current_span());
            if !matches!(col.kind, ColumnKind::Physical) {
                return None;
            }
            col.kind = ColumnKind::Metadata {
                key,
                is_virtual,
                span,
            };
        } else if c.is_word(0, "GENERATED")
            || (c.is_word(0, "AS") && c.kind(1) == Some(Kind::LParen))
        {
            if c.eat_word("GENERATED") {
                if !(c.eat_words(&["ALWAYS", "AS"]) || c.eat_word("AS")) || c.is_word(0, "IDENTITY")
                {
                    return None;
                }
            } else {
                c.pos += 1; // AS
            }
            if !c.eat(Kind::LParen) {
                return None;
            }
            let expr = expr(c)?;
            if !c.eat(Kind::RParen) {
                return None;
            }
            let stored = c.eat_word("STORED");
            if !stored {
                c.eat_word("VIRTUAL");
            }
            // Arroyo's legacy metadata column and `metadata(…)` inside an expression are
            // reported by the general parser.
            if legacy_metadata::metadata_key(&expr).is_some()
                || legacy_metadata::calls_metadata(&expr)
                || !matches!(col.kind, ColumnKind::Physical)
            {
                return None;
            }
            col.kind = ColumnKind::Generated { expr, stored };
        } else if [
            "COMMENT",
            "CONSTRAINT",
            "DEFAULT",
            "UNIQUE",
            "CHECK",
            "REFERENCES",
            "COLLATE",
        ]
        .iter()
        .any(|w| c.is_word(0, w))
        {
            return None;
        } else {
            break;
        }
    }
    col.span = col.name.span.union(c.current_span());
    Some(col)
}

/// The tokens of the expression at the cursor: up to the next `,` or closing bracket
/// outside brackets (what the general parser's bound allows sqlparser to read).
fn expr_end(c: &Cursor<'_, '_>) -> usize {
    let mut depth = 0usize;
    let mut end = c.pos;
    while let Some(t) = c.toks.get(end) {
        match t.kind {
            Kind::LParen | Kind::LBracket => depth += 1,
            Kind::RParen | Kind::RBracket => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => break,
            },
            Kind::Comma if depth == 0 => break,
            _ => {}
        }
        end += 1;
    }
    end
}

/// An expression, parsed by sqlparser from its own tokens, which it must read whole.
fn expr(c: &mut Cursor<'_, '_>) -> Option<SqlExpr> {
    let (begin, end) = (c.pos, expr_end(c));
    let toks = c.toks.get(begin..end)?;
    let (first, last) = (toks.first()?, toks.last()?);
    if toks.len() > MAX_EXPR_TOKENS {
        return None;
    }
    let sql_toks: Vec<TokenWithSpan> = toks.iter().map(|t| c.sql_token(t)).collect();
    let mut p = Parser::new(&crate::parse::reader::DIALECT)
        .with_recursion_limit(EXPR_RECURSION_LIMIT)
        .with_tokens_with_locations(sql_toks.clone());
    let parsed = p.parse_expr().ok()?;
    if p.peek_token_ref().token != Token::EOF {
        return None;
    }
    let spanned: Vec<(&Token, Span)> = sql_toks
        .iter()
        .zip(toks)
        .map(|(s, t)| (&s.token, Span::new(t.start, t.end)))
        .collect();
    let span = Span::new(first.start, last.end);
    c.pos = end;
    Some(SqlExpr {
        text: c.sql.get(span.start..span.end)?.to_string(),
        span,
        columns: column_refs(&spanned),
        shape: shape_of(&parsed),
    })
}

fn with_clause(c: &mut Cursor<'_, '_>) -> Option<WithClause> {
    let start = c.peek_span();
    c.pos += 1; // WITH
    let mut options = Vec::with_capacity(items(c));
    if !c.eat(Kind::LParen) {
        return None;
    }
    if !c.eat(Kind::RParen) {
        loop {
            let key = option_key(c)?;
            if !c.eat(Kind::Eq) {
                return None;
            }
            let value = option_value(c)?;
            options.push(WithOption { key, value });
            if !list_continues(c)? {
                break;
            }
        }
    }
    Some(WithClause {
        span: start.union(c.current_span()),
        options,
    })
}

/// A key: `name`, `a.b.c`, `'a.b'`, `"a.b"`, and Flink's hyphenated `a.b-c` (the parts
/// touching).
fn option_key(c: &mut Cursor<'_, '_>) -> Option<Spanned<String>> {
    let first = ident(c)?;
    let (mut key, mut span) = (first.node, first.span);
    loop {
        if c.eat(Kind::Period) {
            let part = ident(c)?;
            key.push('.');
            key.push_str(&part.node);
            span = span.union(part.span);
        } else if c.kind(0) == Some(Kind::Minus) && c.peek_span().start == span.end {
            let part = *c.tok(1)?;
            if part.start != span.end + 1 || !matches!(part.kind, Kind::Word | Kind::Number) {
                return None;
            }
            c.pos += 2;
            key.push('-');
            key.push_str(c.text_of(&part));
            span = span.union(Span::new(part.start, part.end));
        } else {
            return Some(Spanned::new(key, span));
        }
    }
}

/// A value the general parser reads without lowering a sqlparser expression of any
/// depth: one literal, a negative number, `NULL`, or a name.
fn option_value(c: &mut Cursor<'_, '_>) -> Option<Spanned<Value>> {
    let ends = |n: usize| matches!(c.kind(n), Some(Kind::Comma | Kind::RParen));
    let t = *c.tok(0)?;
    let text = c.text_of(&t);
    let (value, len) = match t.kind {
        _ if !ends(1) => {
            let next = c.tok(1)?;
            if t.kind == Kind::Minus && next.kind == Kind::Number && ends(2) {
                (Value::Number(format!("-{}", c.text_of(next))), 2)
            } else {
                return None;
            }
        }
        Kind::String => (Value::String(unquote(text)), 1),
        Kind::Number => (Value::Number(text.to_string()), 1),
        Kind::Word if text.eq_ignore_ascii_case("true") => (Value::Bool(true), 1),
        Kind::Word if text.eq_ignore_ascii_case("false") => (Value::Bool(false), 1),
        Kind::Word if text.eq_ignore_ascii_case("null") => (Value::Null, 1),
        Kind::Word => match c.sql_token(&t).token {
            Token::Word(w) if w.keyword == sqlparser::keywords::Keyword::NoKeyword => {
                (Value::Ident(w.value), 1)
            }
            _ => return None,
        },
        Kind::QuotedName => (Value::Ident(unquote(text)), 1),
        _ => return None,
    };
    let start = c.peek_span();
    c.pos += len;
    Some(Spanned::new(value, start.union(c.current_span())))
}
