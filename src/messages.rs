//! Diagnostic builders shared by the compiler's stages and the connectors: one wording
//! for each kind of mistake that several places report (an unknown column with its
//! did-you-mean, two options that exclude each other, a setting with no effect, a
//! resolver that failed).

use crate::diagnostics::{codes, Code, Diagnostic};
use crate::options::grammar::{did_you_mean, is_typo};
use crate::resolve::ResolveError;
use crate::span::Span;

/// `d` with a `did you mean `x`?` help when a candidate is close to `name`, else with
/// `otherwise` as its help (when given).
pub(crate) fn suggest<'c>(
    d: Diagnostic,
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    otherwise: Option<String>,
) -> Diagnostic {
    match did_you_mean(name, candidates) {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_optional_help(otherwise),
    }
}

/// `d` with a fix that rewrites `written`, spelled at `span` bare or inside one pair of
/// quotes, as `replacement` (in the same quotes). No fix when the span does not hold the
/// text as written (escapes, spaces around a dot, a request key renamed on the way in):
/// a fix is only offered when it is certain.
pub(crate) fn replace_text(
    d: Diagnostic,
    span: Span,
    written: &str,
    replacement: &str,
) -> Diagnostic {
    if span.is_detached() {
        return d;
    }
    let len = span.end.saturating_sub(span.start);
    if len == written.len() {
        d.with_fix(span, replacement)
    } else if len == written.len() + 2 {
        d.with_fix(Span::new(span.start + 1, span.end - 1), replacement)
    } else {
        d
    }
}

/// [`suggest`], and when the candidate is a [typo](is_typo) away, a fix that writes it in
/// place of `name` (see [`replace_text`]).
pub(crate) fn suggest_fix<'c>(
    d: Diagnostic,
    span: Span,
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    otherwise: Option<String>,
) -> Diagnostic {
    match did_you_mean(name, candidates) {
        Some(s) if is_typo(name, s) => {
            replace_text(d.with_help(format!("did you mean `{s}`?")), span, name, s)
        }
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_optional_help(otherwise),
    }
}

/// `{what} refers to column `{name}`, which the table does not have`: the nearest column
/// as did-you-mean, else the list of columns.
pub(crate) fn unknown_column(span: Span, name: &str, what: &str, columns: &[&str]) -> Diagnostic {
    let d = Diagnostic::error(
        codes::UNKNOWN_COLUMN,
        span,
        format!("{what} refers to column `{name}`, which the table does not have"),
    );
    let list = (!columns.is_empty()).then(|| format!("the columns are: {}", columns.join(", ")));
    suggest_fix(d, span, name, columns.iter().copied(), list)
}

/// `` `key` cannot be combined with `other` ``, at `span`, with `other`'s place as a
/// labelled secondary span when known.
pub(crate) fn option_conflict(
    span: Span,
    key: &str,
    other: &str,
    other_span: Option<(Span, &str)>,
) -> Diagnostic {
    let d = Diagnostic::error(
        codes::OPTION_CONFLICT,
        span,
        format!("`{key}` cannot be combined with `{other}`"),
    );
    match other_span {
        Some((at, label)) => d.with_label(at, label),
        None => d,
    }
}

/// A warning that something written has no effect here (`option::not_applicable`).
pub(crate) fn not_applicable(span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::warning(codes::OPTION_NOT_APPLICABLE, span, message)
}

/// The diagnostic for a resolver that failed other than by not finding (`None` for
/// [`ResolveError::NotFound`], which each caller words itself). `what` names what was
/// looked up, e.g. ``schema file `a.avsc` ``; `invalid` is the code for an unusable answer.
pub(crate) fn resolve_failed(
    span: Span,
    what: &str,
    err: &ResolveError,
    unavailable: Code,
    invalid: Code,
) -> Option<Diagnostic> {
    match err {
        ResolveError::NotFound => None,
        ResolveError::Unavailable(why) => Some(
            Diagnostic::error(
                unavailable,
                span,
                format!("{what} could not be looked up: {why}"),
            )
            .with_help(
                "the store that holds it could not be reached; this does not mean it is missing: try again once the store is available",
            ),
        ),
        ResolveError::Invalid(why) => Some(Diagnostic::error(
            invalid,
            span,
            format!("{what} is not usable: {why}"),
        )),
    }
}

/// A warning that `key` has no effect because `connector` has a fixed encoding.
pub(crate) fn fixed_encoding(span: Span, connector: &str, key: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::FORMAT_NOT_SUPPORTED,
        span,
        format!("connector `{connector}` has a fixed encoding; `{key}` has no effect"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_column_suggests_the_nearest_or_lists_them() {
        let d = unknown_column(Span::new(1, 4), "usr", "primary key", &["user", "ts"]);
        assert_eq!(d.code, codes::UNKNOWN_COLUMN);
        assert_eq!(
            d.message,
            "primary key refers to column `usr`, which the table does not have"
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `user`?"));
        let d = unknown_column(Span::new(1, 4), "zzzzz", "primary key", &["user", "ts"]);
        assert_eq!(d.help.as_deref(), Some("the columns are: user, ts"));
        let d = unknown_column(Span::new(1, 4), "zzzzz", "primary key", &[]);
        assert_eq!(d.help, None);
    }

    #[test]
    fn suggest_falls_back_to_otherwise() {
        let d = Diagnostic::error(codes::UNKNOWN_CONNECTOR, Span::new(0, 1), "x");
        let d = suggest(d, "kafak", ["kafka", "redis"], Some("known: …".into()));
        assert_eq!(d.help.as_deref(), Some("did you mean `kafka`?"));
        let d = Diagnostic::error(codes::UNKNOWN_CONNECTOR, Span::new(0, 1), "x");
        let d = suggest(d, "qqqqqq", ["kafka"], Some("known: kafka".into()));
        assert_eq!(d.help.as_deref(), Some("known: kafka"));
    }

    #[test]
    fn resolve_failures_are_told_apart() {
        let at = Span::new(2, 7);
        let failed = |e: &ResolveError| {
            resolve_failed(
                at,
                "schema file `a.avsc`",
                e,
                codes::SCHEMA_UNAVAILABLE,
                codes::INVALID_SCHEMA,
            )
        };
        assert_eq!(failed(&ResolveError::NotFound), None);
        let d = failed(&ResolveError::Unavailable("timed out".into()));
        assert_eq!(d.as_ref().map(|d| d.code), Some(codes::SCHEMA_UNAVAILABLE));
        assert_eq!(
            d.as_ref().map(|d| d.message.as_str()),
            Some("schema file `a.avsc` could not be looked up: timed out")
        );
        assert!(d
            .and_then(|d| d.help)
            .is_some_and(|h| h.contains("does not mean it is missing")));
        let d = failed(&ResolveError::Invalid("not UTF-8".into()));
        assert_eq!(d.as_ref().map(|d| d.code), Some(codes::INVALID_SCHEMA));
        assert_eq!(d.map(|d| d.span), Some(at));
    }

    #[test]
    fn conflict_and_not_applicable() {
        let d = option_conflict(
            Span::new(5, 9),
            "a.file",
            "a.inline",
            Some((Span::new(0, 3), "here")),
        );
        assert_eq!(d.code, codes::OPTION_CONFLICT);
        assert_eq!(d.message, "`a.file` cannot be combined with `a.inline`");
        assert_eq!(d.labels.len(), 1);
        let d = not_applicable(Span::new(0, 1), "no effect");
        assert!(!d.is_error());
        assert_eq!(d.code, codes::OPTION_NOT_APPLICABLE);
        let d = fixed_encoding(Span::new(0, 1), "impulse", "framing");
        assert_eq!(
            d.message,
            "connector `impulse` has a fixed encoding; `framing` has no effect"
        );
    }
}
