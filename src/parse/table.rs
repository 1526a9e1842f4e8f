//! The `CREATE TABLE` driver, built on sqlparser's public parser primitives.

pub(super) mod expr;
pub(super) mod legacy_metadata;
mod with_clause;

use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;

use super::ast::*;
use super::types::parse_column_type;
use super::Cx;
use crate::diagnostics::{codes, Diagnostic};
use crate::span::{Span, Spanned};

type PResult<T> = Result<T, Diagnostic>;

struct TableParser<'a, 'p, 'c> {
    p: &'a mut Parser<'p>,
    cx: &'a mut Cx<'c>,
    /// The table's name once read, so a later syntax error can say which table it is in.
    name: Option<String>,
    /// Token index up to which [`bound_expr`](Self::bound_expr) found the text short enough.
    checked_until: usize,
}

/// Parses one `CREATE … TABLE` statement. `Ok(None)` means `CREATE TABLE … AS query`,
/// which is not a connection table and is skipped like any other statement.
pub(super) fn parse_create_table(
    p: &mut Parser<'_>,
    cx: &mut Cx<'_>,
    span: Span,
) -> PResult<Option<TableDef>> {
    let mut tp = TableParser {
        p,
        cx,
        name: None,
        checked_until: 0,
    };
    tp.create_table(span).map_err(|mut d| {
        if d.table.is_none() {
            d.table = tp.name.take();
        }
        d
    })
}

impl TableParser<'_, '_, '_> {
    fn word(&self, n: usize) -> Option<String> {
        super::peek_word(self.p, n)
    }

    fn is_word(&self, n: usize, w: &str) -> bool {
        super::is_word(self.p, n, w)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if self.is_word(0, w) {
            self.p.advance_token();
            true
        } else {
            false
        }
    }

    fn eat_words(&mut self, ws: &[&str]) -> bool {
        if ws.iter().enumerate().all(|(i, w)| self.is_word(i, w)) {
            for _ in ws {
                self.p.advance_token();
            }
            true
        } else {
            false
        }
    }

    fn peek_span(&self) -> Span {
        self.cx.span(self.p.peek_token_ref().span)
    }

    fn current_span(&self) -> Span {
        self.cx.span(self.p.get_current_token().span)
    }

    fn unexpected(&self, expected: &str) -> Diagnostic {
        let tok = self.p.peek_token_ref();
        let found = match &tok.token {
            Token::EOF => "end of statement".to_string(),
            t => format!("`{t}`"),
        };
        self.cx.syntax(
            self.cx.span(tok.span),
            format!("expected {expected}, found {found}"),
        )
    }

    fn expect(&mut self, t: Token, expected: &str) -> PResult<Span> {
        if self.p.peek_token_ref().token == t {
            let tok = self.p.next_token();
            return Ok(self.cx.span(tok.span));
        }
        Err(self.unexpected(expected))
    }

    fn expect_word(&mut self, w: &str) -> PResult<Span> {
        if self.eat_word(w) {
            return Ok(self.current_span());
        }
        Err(self.unexpected(&format!("`{w}`")))
    }

    /// An identifier: a word (keywords included), or a double- or single-quoted name.
    fn ident(&mut self, what: &str) -> PResult<Spanned<String>> {
        let tok = self.p.peek_token_ref();
        let s = match &tok.token {
            Token::Word(w) => w.value.clone(),
            Token::DoubleQuotedString(s) | Token::SingleQuotedString(s) => s.clone(),
            _ => return Err(self.unexpected(what)),
        };
        let span = self.cx.span(tok.span);
        self.p.advance_token();
        Ok(Spanned::new(s, span))
    }

    fn create_table(&mut self, span: Span) -> PResult<Option<TableDef>> {
        self.expect_word("CREATE")?;
        let or_replace = self.eat_words(&["OR", "REPLACE"]);
        let temporary = self.eat_word("TEMPORARY") || self.eat_word("TEMP");
        let temporary_span = if temporary {
            self.current_span()
        } else {
            Span::DETACHED
        };
        self.expect_word("TABLE")?;
        let if_not_exists = self.eat_words(&["IF", "NOT", "EXISTS"]);
        let mut name = self.ident("a table name")?;
        while self.p.consume_token(&Token::Period) {
            let part = self.ident("a table name")?;
            name = Spanned::new(
                format!("{}.{}", name.node, part.node),
                name.span.union(part.span),
            );
        }
        self.name = Some(name.node.clone());
        if self.is_word(0, "AS") {
            return Ok(None);
        }
        let columns = if self.p.peek_token_ref().token == Token::LParen {
            Some(self.elements()?)
        } else {
            None
        };
        let (cols, primary_keys, watermarks, list_span) = match columns {
            Some((c, pk, wm, s)) => (Some(Spanned::new(c, s)), pk, wm, s),
            None => (None, Vec::new(), Vec::new(), Span::DETACHED),
        };
        let _ = list_span;
        let mut partitioned_by: Option<Spanned<Vec<SqlExpr>>> = None;
        let mut with: Option<WithClause> = None;
        loop {
            if self.is_word(0, "PARTITIONED") && self.is_word(1, "BY") {
                let start = self.peek_span();
                self.p.advance_token();
                self.p.advance_token();
                let exprs = self.partition_list()?;
                let clause = Spanned::new(exprs, start.union(self.current_span()));
                if let Some(prev) = &partitioned_by {
                    self.cx.push(
                        self.cx
                            .syntax(clause.span, "`PARTITIONED BY` is given twice")
                            .with_label(prev.span, "first given here"),
                    );
                }
                partitioned_by = Some(clause);
            } else if self.is_word(0, "WITH") {
                let clause = self.with_clause()?;
                if let Some(prev) = &with {
                    self.cx.push(
                        self.cx
                            .syntax(clause.span, "`WITH` is given twice")
                            .with_label(prev.span, "first given here")
                            .with_help("put every option in one `WITH (…)` clause"),
                    );
                }
                with = Some(clause);
            } else if self.is_word(0, "AS") {
                return Ok(None);
            } else if self.is_word(0, "COMMENT") {
                self.p.advance_token();
                self.p.advance_token();
            } else if self.p.peek_token_ref().token == Token::EOF {
                break;
            } else {
                return Err(
                    self.unexpected("`WITH (…)`, `PARTITIONED BY (…)` or the end of the statement")
                );
            }
        }
        Ok(Some(TableDef {
            name,
            span,
            temporary,
            temporary_span,
            if_not_exists,
            or_replace,
            columns: cols,
            primary_keys,
            watermarks,
            partitioned_by,
            with,
        }))
    }

    #[allow(clippy::type_complexity)]
    fn elements(
        &mut self,
    ) -> PResult<(Vec<ColumnDef>, Vec<PrimaryKeyDef>, Vec<WatermarkDef>, Span)> {
        let open = self.expect(Token::LParen, "`(`")?;
        let (mut cols, mut pks, mut wms) = (Vec::new(), Vec::new(), Vec::new());
        if self.p.consume_token(&Token::RParen) {
            return Ok((cols, pks, wms, open.union(self.current_span())));
        }
        loop {
            let start = self.peek_span();
            if self.is_word(0, "WATERMARK") && self.is_word(1, "FOR") {
                wms.push(self.watermark()?);
            } else if self.is_word(0, "PRIMARY") && self.is_word(1, "KEY") {
                pks.push(self.table_primary_key(start)?);
            } else if self.is_word(0, "CONSTRAINT") {
                self.p.advance_token();
                let cname = self.ident("a constraint name")?;
                if self.is_word(0, "PRIMARY") && self.is_word(1, "KEY") {
                    pks.push(self.table_primary_key(start)?);
                } else if self.is_word(0, "WATERMARK") && self.is_word(1, "FOR") {
                    let mut w = self.watermark()?;
                    w.span = start.union(w.span);
                    wms.push(w);
                } else {
                    self.unsupported_constraint(start)?;
                    let _ = cname;
                }
            } else if self.looks_like_constraint() {
                self.unsupported_constraint(start)?;
            } else {
                cols.push(self.column()?);
            }
            if !self.list_continues("a column definition")? {
                break;
            }
        }
        Ok((cols, pks, wms, open.union(self.current_span())))
    }

    /// After an item of a parenthesized list: `,` continues it (a trailing `,` before `)`
    /// is accepted), `)` ends it.
    fn list_continues(&mut self, after: &str) -> PResult<bool> {
        if self.p.consume_token(&Token::Comma) {
            return Ok(!self.p.consume_token(&Token::RParen));
        }
        if self.p.consume_token(&Token::RParen) {
            return Ok(false);
        }
        let d = self.unexpected(&format!("`,` or `)` after {after}"));
        // A name that starts a new line after a complete item is the next item: the
        // comma between them is what is missing.
        let previous = self.p.get_current_token().span;
        let next = self.p.peek_token_ref();
        let starts_item = matches!(
            next.token,
            Token::Word(_) | Token::SingleQuotedString(_) | Token::DoubleQuotedString(_)
        );
        let new_line = next.span.start.line > previous.end.line;
        // `topic = 't' type = 'source'`: a `key =` on the same line is the next option.
        let next_option = self.p.peek_nth_token_ref(1).token == Token::Eq;
        if starts_item && (new_line || next_option) {
            let end = self.current_span().end;
            let help = if new_line {
                format!("add `,` at the end of line {}", previous.end.line)
            } else {
                format!("add `,` before `{}`", self.p.peek_token_ref().token)
            };
            return Err(d.with_help(help).with_fix(Span::new(end, end), ","));
        }
        Err(d)
    }

    fn looks_like_constraint(&self) -> bool {
        let next_is_paren = |n| self.p.peek_nth_token_ref(n).token == Token::LParen;
        (self.is_word(0, "UNIQUE") && (next_is_paren(1) || self.is_word(1, "KEY")))
            || (self.is_word(0, "FOREIGN") && self.is_word(1, "KEY"))
            || (self.is_word(0, "CHECK") && next_is_paren(1))
            || (self.is_word(0, "PERIOD") && self.is_word(1, "FOR"))
            || (self.is_word(0, "LIKE"))
    }

    fn unsupported_constraint(&mut self, start: Span) -> PResult<()> {
        // Consume the constraint through sqlparser so parsing continues after it.
        self.bound_expr()?;
        let parsed = self.p.parse_optional_table_constraint();
        if parsed.is_err() || matches!(parsed, Ok(None)) {
            // Skip to the next top-level comma.
            let mut depth = 0usize;
            loop {
                match &self.p.peek_token_ref().token {
                    Token::LParen => depth += 1,
                    Token::RParen if depth == 0 => break,
                    Token::RParen => depth -= 1,
                    Token::Comma if depth == 0 => break,
                    Token::EOF => break,
                    _ => {}
                }
                self.p.advance_token();
            }
        }
        let at = start.union(self.current_span());
        let text = self.cx.text(at).to_string();
        self.cx.push(
            Diagnostic::error(
                codes::UNSUPPORTED_CONSTRAINT,
                at,
                format!("table constraint `{}` is not supported", first_words(&text)),
            )
            .with_help("a table may declare `PRIMARY KEY (…)` and `WATERMARK FOR …`"),
        );
        Ok(())
    }

    fn table_primary_key(&mut self, start: Span) -> PResult<PrimaryKeyDef> {
        self.expect_word("PRIMARY")?;
        self.expect_word("KEY")?;
        self.expect(Token::LParen, "`(` after `PRIMARY KEY`")?;
        let mut columns = Vec::new();
        loop {
            columns.push(self.ident("a column name")?);
            if self.p.consume_token(&Token::Comma) {
                continue;
            }
            self.expect(Token::RParen, "`,` or `)`")?;
            break;
        }
        self.eat_words(&["NOT", "ENFORCED"]);
        Ok(PrimaryKeyDef {
            columns,
            span: start.union(self.current_span()),
        })
    }

    fn watermark(&mut self) -> PResult<WatermarkDef> {
        let start = self.peek_span();
        self.expect_word("WATERMARK")?;
        self.expect_word("FOR")?;
        let column = self.ident("the event-time column after `WATERMARK FOR`")?;
        let expr = if self.eat_word("AS") {
            Some(self.expr()?)
        } else {
            None
        };
        Ok(WatermarkDef {
            column,
            expr,
            span: start.union(self.current_span()),
        })
    }

    fn column(&mut self) -> PResult<ColumnDef> {
        let name = self.ident("a column definition")?;
        if self.eat_word("AS") {
            // Flink computed column `name AS expr`: no declared type.
            let expr = self.expr()?;
            return Ok(ColumnDef::computed(name, expr, self.current_span()));
        }
        let ty = parse_column_type(self.p, self.cx)?;
        let mut col = ColumnDef::typed(name, ty);
        loop {
            let start = self.peek_span();
            if self.eat_words(&["NOT", "NULL"]) {
                col.not_null = Some(start.union(self.current_span()));
                if let Some(null) = col.nullable {
                    self.conflicting_nullability(&col, start.union(self.current_span()), null);
                }
            } else if self.eat_word("NULL") {
                let span = start.union(self.current_span());
                if let Some(nn) = col.not_null {
                    self.conflicting_nullability(&col, span, nn);
                }
                col.nullable = Some(span);
            } else if self.eat_words(&["PRIMARY", "KEY"]) {
                self.eat_words(&["NOT", "ENFORCED"]);
                col.primary_key = Some(start.union(self.current_span()));
            } else if self.is_word(0, "METADATA") {
                self.p.advance_token();
                let key = if self.eat_word("FROM") {
                    let tok = self.p.peek_token_ref().clone();
                    match tok.token {
                        Token::SingleQuotedString(s) => {
                            self.p.advance_token();
                            Spanned::new(s, self.cx.span(tok.span))
                        }
                        _ => {
                            return Err(self
                                .unexpected("a quoted metadata key after `METADATA FROM`")
                                .with_help("write `METADATA FROM 'offset_id'`"))
                        }
                    }
                } else {
                    col.name.clone()
                };
                let is_virtual = self.eat_word("VIRTUAL");
                let span = start.union(self.current_span());
                self.set_kind(
                    &mut col,
                    ColumnKind::Metadata {
                        key,
                        is_virtual,
                        span,
                    },
                    span,
                );
            } else if self.is_word(0, "GENERATED")
                || (self.is_word(0, "AS") && self.p.peek_nth_token_ref(1).token == Token::LParen)
            {
                if self.eat_word("GENERATED") {
                    if !(self.eat_words(&["ALWAYS", "AS"]) || self.eat_word("AS")) {
                        return Err(self.unexpected("`ALWAYS AS (…)` after `GENERATED`"));
                    }
                    if self.is_word(0, "IDENTITY") {
                        return Err(Diagnostic::error(
                            codes::UNSUPPORTED_STATEMENT,
                            start.union(self.peek_span()),
                            "identity columns are not supported",
                        )
                        .with_help("a connection table's values come from its connector; declare a plain column"));
                    }
                } else {
                    self.expect_word("AS")?;
                }
                self.expect(Token::LParen, "`(` before the generated expression")?;
                let expr = self.expr()?;
                self.expect(Token::RParen, "`)` after the generated expression")?;
                let stored = self.eat_word("STORED");
                if !stored {
                    self.eat_word("VIRTUAL");
                }
                let span = start.union(self.current_span());
                if let Some(key) = legacy_metadata::metadata_key(&expr) {
                    // Arroyo reads this older form as `METADATA FROM 'key'`; so do we.
                    let written = format!("METADATA FROM '{}'", key.node.replace('\'', "''"));
                    self.cx.push(
                        Diagnostic::warning(
                            codes::DEPRECATED_COLUMN,
                            span,
                            format!(
                                "`GENERATED ALWAYS AS (metadata(…))` is deprecated; column `{}` is read as a metadata column",
                                col.name.node
                            ),
                        )
                        .with_help(format!("write `{written}`"))
                        .with_fix(span, written),
                    );
                    let kind = ColumnKind::Metadata {
                        key,
                        is_virtual: false,
                        span,
                    };
                    self.set_kind(&mut col, kind, span);
                } else {
                    if legacy_metadata::calls_metadata(&expr) {
                        // Arroyo refuses it too: a metadata column is one whole call.
                        self.cx.push(
                            Diagnostic::error(
                                codes::COLUMN_OPTION_CONFLICT,
                                expr.span,
                                "`metadata(…)` can only be the whole expression of a column, which is then a metadata column",
                            )
                            .with_help("declare the metadata as a column of its own (`name TEXT METADATA FROM 'key'`) and use that column here"),
                        );
                    }
                    self.set_kind(&mut col, ColumnKind::Generated { expr, stored }, span);
                }
            } else if self.eat_word("COMMENT") {
                self.p.advance_token();
            } else if self.eat_word("CONSTRAINT") {
                self.ident("a constraint name")?;
            } else if self.is_word(0, "DEFAULT")
                || self.is_word(0, "UNIQUE")
                || self.is_word(0, "CHECK")
                || self.is_word(0, "REFERENCES")
                || self.is_word(0, "COLLATE")
            {
                let what = self.word(0).unwrap_or_default();
                self.bound_expr()?;
                match self.p.parse_optional_column_option() {
                    Ok(_) => {}
                    Err(e) => {
                        let head = self.p.peek_token_ref().span;
                        return Err(self.cx.parser_error(&e, head));
                    }
                }
                let at = start.union(self.current_span());
                self.cx.push(Diagnostic::warning(
                    codes::UNSUPPORTED_CONSTRAINT,
                    at,
                    format!(
                        "column option `{what}` has no effect on a connection table and is ignored"
                    ),
                ));
            } else {
                break;
            }
        }
        col.span = col.name.span.union(self.current_span());
        Ok(col)
    }

    fn conflicting_nullability(&mut self, col: &ColumnDef, span: Span, first: Span) {
        self.cx.push(
            Diagnostic::error(
                codes::COLUMN_OPTION_CONFLICT,
                span,
                format!(
                    "column `{}` is declared both `NULL` and `NOT NULL`",
                    col.name.node
                ),
            )
            .with_label(first, "first declared here")
            .with_help("keep one of them"),
        );
    }

    fn set_kind(&mut self, col: &mut ColumnDef, kind: ColumnKind, span: Span) {
        if !matches!(col.kind, ColumnKind::Physical) {
            self.cx.push(
                Diagnostic::error(
                    codes::COLUMN_OPTION_CONFLICT,
                    span,
                    format!(
                        "column `{}` is already a {} column",
                        col.name.node,
                        kind_name(&col.kind)
                    ),
                )
                .with_help(
                    "a column is either read from the payload, a metadata column, or generated",
                ),
            );
            return;
        }
        col.kind = kind;
    }

    fn partition_list(&mut self) -> PResult<Vec<SqlExpr>> {
        self.expect(Token::LParen, "`(` after `PARTITIONED BY`")?;
        let mut out = Vec::new();
        if self.p.consume_token(&Token::RParen) {
            return Ok(out);
        }
        loop {
            out.push(self.expr()?);
            if self.p.consume_token(&Token::Comma) {
                continue;
            }
            self.expect(Token::RParen, "`,` or `)`")?;
            return Ok(out);
        }
    }
}

fn kind_name(k: &ColumnKind) -> &'static str {
    match k {
        ColumnKind::Physical => "physical",
        ColumnKind::Metadata { .. } => "metadata",
        ColumnKind::Generated { .. } => "generated",
    }
}

fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(2).collect();
    words.join(" ").trim_end_matches('(').to_string()
}
