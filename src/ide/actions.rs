//! Quick fixes: the machine-applicable fixes of the diagnostics in a range.

use super::{CodeAction, Document, Edit};
use crate::diagnostics::{Diagnostic, Fix};
use crate::span::Span;

/// The quick fixes of the diagnostics that overlap `range` (an empty range: those that
/// contain it, ends included), one action per diagnostic with fixes, in the order of the
/// diagnostics; then, when the document has more than one diagnostic with fixes and one
/// of them is in the range, an action that applies them all ([`CodeAction::fix_all`]).
pub fn code_actions(doc: &Document, range: Span) -> Vec<CodeAction> {
    let overlaps = |s: Span| {
        if s.is_detached() {
            return false;
        }
        if range.start == range.end {
            s.start <= range.start && range.start <= s.end
        } else {
            s.start < range.end && range.start < s.end || s.start == range.start
        }
    };
    let fixable = || doc.diagnostics().iter().filter(|d| !d.fixes.is_empty());
    let mut out: Vec<CodeAction> = fixable()
        .filter(|d| overlaps(d.span))
        .map(|d| CodeAction {
            title: title(doc, d),
            code: d.code.as_str().to_string(),
            diagnostic_span: d.span,
            edits: edits(d.fixes.iter()),
            preferred: true,
            fix_all: false,
        })
        .collect();
    if !out.is_empty() && fixable().nth(1).is_some() {
        let all: Vec<&Diagnostic> = fixable().collect();
        let span = all
            .iter()
            .map(|d| d.span)
            .reduce(|a, b| Span::new(a.start.min(b.start), a.end.max(b.end)))
            .unwrap_or(range);
        let edits = non_overlapping(all.iter().flat_map(|d| &d.fixes));
        out.push(CodeAction {
            title: format!("fix all in document ({} fixes)", edits.len()),
            code: String::new(),
            diagnostic_span: span,
            edits,
            preferred: false,
            fix_all: true,
        });
    }
    out
}

fn edits<'a>(fixes: impl Iterator<Item = &'a Fix>) -> Vec<Edit> {
    fixes
        .filter(|f| !f.span.is_detached())
        .map(|f| Edit {
            span: f.span,
            replacement: f.replacement.clone(),
        })
        .collect()
}

/// The fixes that [`crate::diagnostics::apply_fixes`] applies: from the end backwards,
/// skipping any that overlaps one already taken; returned in text order.
fn non_overlapping<'a>(fixes: impl Iterator<Item = &'a Fix>) -> Vec<Edit> {
    let mut all: Vec<&Fix> = fixes.filter(|f| !f.span.is_detached()).collect();
    all.sort_by_key(|f| std::cmp::Reverse((f.span.start, f.span.end)));
    let mut limit = usize::MAX;
    let mut out = Vec::new();
    for f in all {
        if f.span.end > limit {
            continue;
        }
        limit = f.span.start;
        out.push(Edit {
            span: f.span,
            replacement: f.replacement.clone(),
        });
    }
    out.reverse();
    out
}

/// "replace `topc` with `topic`", "insert `,`", "remove `x`"; with several edits, the
/// diagnostic's help. Text that is a secret value is not quoted.
fn title(doc: &Document, d: &Diagnostic) -> String {
    let help = || {
        d.help
            .clone()
            .unwrap_or_else(|| format!("fix `{}`", d.code.as_str()))
    };
    let [fix] = d.fixes.as_slice() else {
        return help();
    };
    let old = doc.text().get(fix.span.start..fix.span.end).unwrap_or("");
    let shown = |s: &str| {
        let s = s.trim();
        if s.chars().count() > 60 || s.contains('\n') {
            None
        } else {
            Some(s.to_string())
        }
    };
    let secret = doc.overlaps_secret(fix.span);
    match (old.is_empty(), fix.replacement.is_empty()) {
        (true, false) => match shown(&fix.replacement) {
            Some(r) => format!("insert `{r}`"),
            None => help(),
        },
        (false, true) => match shown(old).filter(|_| !secret) {
            Some(o) => format!("remove `{o}`"),
            None => help(),
        },
        _ => match (shown(old).filter(|_| !secret), shown(&fix.replacement)) {
            (Some(o), Some(r)) => format!("replace `{o}` with `{r}`"),
            (None, Some(r)) => format!("replace with `{r}`"),
            _ => help(),
        },
    }
}
