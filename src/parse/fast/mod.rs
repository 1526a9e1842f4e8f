//! The fast path of the front end: a byte-level lexer of our own (`lex.rs`: tokens are a
//! kind and a byte range, no `String` per word, no whitespace tokens) and a parser of the
//! valid DDL skeleton on it (`table.rs`), producing exactly the [`Statement`] the general
//! path (sqlparser's tokenizer and `parse/table.rs`) produces.
//!
//! It answers only where it is sure. Whenever a statement holds anything else — text its
//! lexer does not read as sqlparser's tokenizer would, a statement it does not know, a
//! RisingWave form, anything the general parser reports — it gives the statement up and
//! [`super::reader`] hands it to the general path, so every diagnostic, message and span
//! is the general path's by construction.
//!
//! **Invariant:** a statement the fast path reads is equal to what the general path reads
//! of it (head, statement, no diagnostics, no RisingWave form); `parse/fast/tests.rs` and
//! the `fast_path` fuzz target check it.

#[cfg(any(test, feature = "internal-checks"))]
pub mod check;
pub(crate) mod cursor;
pub(crate) mod lex;
mod table;
#[cfg(test)]
mod tests;

use cursor::Cursor;
use lex::{Kind as TokKind, Tok};

use super::reader::{Head, Parsed};
use super::{statement_kind_by, Cx, Kind, Statement};
use crate::span::Span;

/// Reads one statement from its fast tokens (at least one), or `None` when the general
/// path must read it. `wanted` is asked about the head before the statement is parsed,
/// as [`super::StatementReader::next_parsed`] asks it.
pub(crate) fn statement(
    sql: &str,
    toks: &[Tok],
    cx: &mut Cx<'_>,
    wanted: &mut dyn FnMut(&Head) -> bool,
) -> Option<Parsed> {
    let (first, last) = (toks.first()?, toks.last()?);
    let span = Span::new(first.start, last.end);
    let c = Cursor {
        sql,
        toks,
        pos: 0,
        end: span.end,
    };
    let word_at = |n: usize| {
        let t = toks.get(n)?;
        (t.kind == TokKind::Word).then(|| c.text_of(t).to_ascii_uppercase())
    };
    let kind = statement_kind_by(word_at);
    match kind {
        Kind::Known => {
            // RisingWave's `CREATE SOURCE`/`CREATE SINK` are read as tables by the
            // general path.
            if matches!(word_at(1).as_deref(), Some("SOURCE" | "SINK"))
                && word_at(0).as_deref() == Some("CREATE")
            {
                return None;
            }
            let head = Head { span, table: None };
            let statement = wanted(&head).then_some(Statement::Other { span });
            Some(Parsed {
                head,
                statement,
                diagnostics: Vec::new(),
                form: None,
            })
        }
        Kind::CreateTable => {
            // `CREATE TABLE … FORMAT … ENCODE …` and `INCLUDE …` (outside brackets) are
            // RisingWave's forms.
            let mut depth = 0usize;
            for t in toks {
                match t.kind {
                    TokKind::LParen => depth += 1,
                    TokKind::RParen => depth = depth.saturating_sub(1),
                    TokKind::Word if depth == 0 => {
                        let w = c.text_of(t);
                        if w.eq_ignore_ascii_case("FORMAT") || w.eq_ignore_ascii_case("INCLUDE") {
                            return None;
                        }
                    }
                    _ => {}
                }
            }
            let mut c = c;
            let table = table::head(&mut c)?;
            let head = Head {
                span,
                table: Some(table.name.node.to_lowercase()),
            };
            if !wanted(&head) {
                return Some(Parsed {
                    head,
                    statement: None,
                    diagnostics: Vec::new(),
                    form: None,
                });
            }
            let before = cx.diags.len();
            let read = table::rest(&mut c, cx, table, span);
            if cx.diags.len() != before {
                cx.diags.truncate(before);
                return None;
            }
            let statement = match read? {
                Some(t) => Statement::CreateTable(Box::new(t)),
                None => Statement::Other { span },
            };
            Some(Parsed {
                head,
                statement: Some(statement),
                diagnostics: Vec::new(),
                form: None,
            })
        }
        Kind::NearMiss { .. } | Kind::Unknown => None,
    }
}
