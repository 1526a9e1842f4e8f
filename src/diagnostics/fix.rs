//! Machine-applicable fixes: the edit a diagnostic carries, and how a "fix all" applies
//! them.

use super::Diagnostic;
use crate::span::Span;

/// A machine-applicable edit: replace the text at `span` with `replacement` (an empty
/// span inserts, an empty replacement deletes). Applying every fix of a diagnostic makes
/// that diagnostic go away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The text to replace, in the same coordinates as the diagnostic's span.
    pub span: Span,
    /// What to write there instead.
    pub replacement: String,
}

/// `source` with the fixes of `diagnostics` applied, as an editor's "fix all" would: fixes
/// are applied from the end of the text backwards; a fix that overlaps one already applied,
/// or whose span does not lie on character boundaries of `source`, is skipped (run again
/// to apply it against the new text).
pub fn apply_fixes(source: &str, diagnostics: &[Diagnostic]) -> String {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .flat_map(|d| &d.fixes)
        .filter(|f| !f.span.is_detached())
        .collect();
    fixes.sort_by_key(|f| std::cmp::Reverse((f.span.start, f.span.end)));
    let mut out = source.to_string();
    let mut limit = usize::MAX;
    for fix in fixes {
        let (start, end) = (fix.span.start, fix.span.end);
        // Overlapping edits cannot both apply; an insertion at the same point as the end
        // of a later edit can.
        if end > limit || start > end || !out.is_char_boundary(start) || !out.is_char_boundary(end)
        {
            continue;
        }
        if end > out.len() {
            continue;
        }
        out.replace_range(start..end, &fix.replacement);
        limit = start;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::codes;

    fn fixed(source: &str, edits: &[(usize, usize, &str)]) -> String {
        let d = edits.iter().fold(
            Diagnostic::error(codes::UNKNOWN_OPTION, Span::new(0, 0), "x"),
            |d, (s, e, r)| d.with_fix(Span::new(*s, *e), *r),
        );
        apply_fixes(source, &[d])
    }

    #[test]
    fn applies_edits_back_to_front() {
        assert_eq!(
            fixed(
                "tpoic = 'a', fromat = 'b'",
                &[(0, 5, "topic"), (13, 19, "format")]
            ),
            "topic = 'a', format = 'b'"
        );
    }

    #[test]
    fn skips_overlaps_and_bad_spans() {
        assert_eq!(fixed("abcdef", &[(1, 4, "X"), (2, 5, "Y")]), "abYf");
        assert_eq!(fixed("é", &[(1, 2, "e")]), "é");
        assert_eq!(fixed("ab", &[(1, 9, "e")]), "ab");
    }

    #[test]
    fn insertion_at_an_edit_boundary_applies() {
        assert_eq!(fixed("ab", &[(1, 2, "X"), (1, 1, "Y")]), "aYX");
    }
}
