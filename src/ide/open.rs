//! Opening a document with one compile of its whole text.
//!
//! [`compile_each`] reads the text once, compiling every statement as if it were alone,
//! and each result becomes the unit of its piece: what [`Unit::compile`] would have
//! made of the piece's text, without a compile's set-up per statement and without the
//! splitter's pass over the text. The pieces are cut at the tokenizer's own `;` tokens:
//! the splitter reads only the gaps between statements (whitespace, comments and `;`).
//! What crosses statements (duplicate names, `INSERT INTO` evidence) is then put
//! together by [`super::assemble`] as after any edit.
//!
//! A text this cannot open exactly (a tokenizer error, `COPY`, a byte order mark after a
//! `;`, a gap the splitter reads otherwise) is left to the piece-by-piece path.

use std::sync::Arc;

use super::document::{Piece, Unit, UnitText};
use super::split::{End, Splitter};
use crate::compile::{compile_each, lexical_secret_spans, Alone, Compiled, Env};
use crate::diagnostics::Diagnostic;
use crate::span::Span;

/// The pieces of `text`, each with its unit, from one compile of the whole text; `None`
/// when the text needs the piece-by-piece path.
pub(super) fn open(text: &str, env: &Env<'_>) -> Option<Vec<Piece>> {
    let mut statements: Vec<Alone> = Vec::new();
    let mut copy = false;
    compile_each(text, env, |s| {
        // `COPY … FROM STDIN` data runs past `;`: the splitter makes the rest one piece.
        copy |= starts_with_copy(text, s.span.start);
        statements.push(s);
    })
    .ok()?;
    if copy {
        return None;
    }
    let bounds = pieces(text, &statements)?;
    // A byte order mark right after a `;` is text to the front end, but would be
    // skipped in a piece compiled on its own: such a document is compiled whole.
    if bounds
        .iter()
        .skip(1)
        .any(|&(start, _)| text.get(start..).is_some_and(|t| t.starts_with('\u{feff}')))
    {
        return None;
    }
    // One copy of the text, which every unit's text is a range of.
    let whole: Arc<str> = Arc::from(text);
    let mut statements = statements.into_iter().peekable();
    let mut out = Vec::with_capacity(bounds.len());
    for (start, end) in bounds {
        let alone = statements.next_if(|s| s.span.start < end);
        if alone.as_ref().is_some_and(|s| s.span.start < start) {
            return None;
        }
        let text = UnitText::range(Arc::clone(&whole), start, end);
        let unit = unit(text, start, alone, env);
        out.push(Piece {
            start,
            end,
            unit: Some(Arc::new(unit)),
        });
    }
    // Every statement found its piece.
    statements.peek().is_none().then_some(out)
}

/// The unit of the piece `text`, which starts at `start` in the document, from its
/// statement's compile (none for a piece of only whitespace, comments and `;`).
fn unit(text: UnitText, start: usize, alone: Option<Alone>, env: &Env<'_>) -> Unit {
    let back = |s: Span| {
        if s.is_detached() {
            s
        } else {
            Span::new(s.start.saturating_sub(start), s.end.saturating_sub(start))
        }
    };
    let Some(alone) = alone else {
        return Unit::opened(text, Vec::new(), Vec::new());
    };
    let mut found = alone.secrets;
    for s in &mut found {
        *s = back(*s);
    }
    let tables: Vec<_> = alone.table.into_iter().collect();
    if alone.diagnostics.is_empty() {
        return Unit::opened(text, tables, found);
    }
    // Messages are masked as `compile_sql` of the piece masks them, with every secret
    // of the piece.
    let mut diagnostics = alone.diagnostics;
    for d in &mut diagnostics {
        move_spans(d, &back);
    }
    let mut secrets = lexical_secret_spans(&text, false, env.registry);
    secrets.extend(found);
    let len = text.len();
    let compiled = Compiled::new(tables, diagnostics, secrets, &text);
    Unit::compiled(text, len, compiled, false)
}

/// Moves every span of `d` in the text (its own, its labels', its fixes') by `f`.
fn move_spans(d: &mut Diagnostic, f: &impl Fn(Span) -> Span) {
    d.span = f(d.span);
    for l in &mut d.labels {
        l.span = f(l.span);
    }
    for fix in &mut d.fixes {
        fix.span = f(fix.span);
    }
}

/// The pieces' bounds: the text cut just after each `;` token, as the splitter cuts it
/// (a last piece for what follows the last `;`). The `;` tokens lie in the gaps between
/// the statements, which the splitter reads alone; `None` where it reads a gap otherwise
/// than the tokenizer did.
fn pieces(text: &str, statements: &[Alone]) -> Option<Vec<(usize, usize)>> {
    let mut cuts: Vec<usize> = Vec::with_capacity(statements.len() + 1);
    let mut gap_start = 0;
    for i in 0..=statements.len() {
        let next = statements.get(i).map(|s| s.span);
        let gap_end = next.map_or(text.len(), |s| s.start);
        let gap = text.get(..gap_end)?;
        let before = cuts.len();
        let mut splitter = Splitter::new(gap, gap_start);
        while let Some(cut) = splitter.next_cut() {
            if cut.checked_sub(1).and_then(|c| gap.as_bytes().get(c)) == Some(&b';') {
                cuts.push(cut);
            }
        }
        // Between two statements there is always a `;`.
        if splitter.end() != End::Clean || (i > 0 && next.is_some() && cuts.len() == before) {
            return None;
        }
        gap_start = next.map_or(text.len(), |s| s.end);
    }
    let mut bounds = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        bounds.push((start, cut));
        start = cut;
    }
    if start < text.len() {
        bounds.push((start, text.len()));
    }
    Some(bounds)
}

/// Whether the statement starting at `at` is a `COPY`.
fn starts_with_copy(text: &str, at: usize) -> bool {
    let word = text.as_bytes().get(at..).unwrap_or_default();
    word.get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"copy"))
        && !word
            .get(4)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80)
}
