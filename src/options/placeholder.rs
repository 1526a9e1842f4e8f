//! The one `{{ VAR }}` placeholder grammar: secrets, URLs, addresses and `host:port` lists
//! all recognise placeholders with it.
//!
//! A placeholder is `{{`, optional spaces, a name (`[A-Za-z_][A-Za-z0-9_]*`), optional
//! spaces, `}}`. A `{{` … `}}` whose inside is not such a name (`{{ not a var }}`,
//! `{{ }}`, `{{1X}}`) is a mistake, never literal text: [`find`] reports it, and the
//! callers report it as `option::invalid_value`.

use std::ops::Range;

/// A `{{ … }}` that is not a valid placeholder: a message, a help line and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PlaceholderError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// The bytes from `{{` to `}}`.
    pub at: Range<usize>,
}

/// The help line of every placeholder mistake.
pub(crate) const HELP: &str =
    "a placeholder is `{{ NAME }}`, NAME being letters, digits and `_` (not starting with a digit), e.g. `{{ KAFKA_BROKERS }}`";

/// Whether `name` is a valid placeholder name.
pub(crate) fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The byte ranges of the placeholders in `s`, or the first `{{ … }}` that is not one.
/// A `{{` with no `}}` after it is literal text.
pub(crate) fn find(s: &str) -> Result<Vec<Range<usize>>, PlaceholderError> {
    // Most values have no brace at all: one byte search, not a substring search.
    if !s.bytes().any(|b| b == b'{') {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = s.get(from..).and_then(|r| r.find("{{")).map(|i| i + from) {
        let inner_start = open + 2;
        let Some(close) = s
            .get(inner_start..)
            .and_then(|r| r.find("}}"))
            .map(|i| i + inner_start)
        else {
            break;
        };
        let inner = s.get(inner_start..close).unwrap_or("");
        let name = inner.trim_matches(' ');
        if !valid_name(name) {
            return Err(PlaceholderError {
                message: format!("`{{{{{inner}}}}}` is not a valid `{{{{ VAR }}}}` placeholder"),
                help: HELP.to_string(),
                at: open..close + 2,
            });
        }
        out.push(open..close + 2);
        from = close + 2;
    }
    Ok(out)
}

/// Whether `s` (trimmed) is exactly one valid placeholder.
pub(crate) fn is_placeholder(s: &str) -> bool {
    let s = s.trim();
    matches!(find(s).as_deref(), Ok([only]) if only.start == 0 && only.end == s.len())
}

/// Whether `s` contains at least one valid placeholder (and no invalid one).
pub(crate) fn has_placeholder(s: &str) -> bool {
    find(s).is_ok_and(|p| !p.is_empty())
}

/// `s` with every placeholder byte replaced by `x`, so structure can be checked around
/// placeholders without moving offsets (placeholders are ASCII).
pub(crate) fn mask(s: &str, ph: &[Range<usize>]) -> String {
    if ph.is_empty() {
        return s.to_string();
    }
    s.char_indices()
        .map(|(i, c)| {
            if ph.iter().any(|p| p.contains(&i)) {
                'x'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders() {
        assert_eq!(find("a{{ X }}b{{Y_2}}"), Ok(vec![1..8, 9..16]));
        assert_eq!(find("{{_x}}").map(|v| v.first().cloned()), Ok(Some(0..6)));
        assert_eq!(find("no braces"), Ok(vec![]));
        assert_eq!(find("open {{ only"), Ok(vec![]));
    }

    #[test]
    fn rejects_what_is_not_a_placeholder() {
        for s in [
            "{{ not a var }}",
            "{{ }}",
            "{{}}",
            "{{1X}}",
            "x{{ A-B }}y",
            "{{ A }}{{ b c }}",
        ] {
            let e = find(s).err();
            assert!(e.is_some(), "{s}");
        }
        let e = find("mqtt://{{ not a var }}:1883").err();
        assert_eq!(e.map(|e| e.at), Some(7..22));
    }

    #[test]
    fn whole_placeholders() {
        assert!(is_placeholder("{{ KAFKA_BROKERS }}"));
        assert!(is_placeholder(" {{X}} "));
        assert!(!is_placeholder("{{ A }}:9092"));
        assert!(!is_placeholder("{{ not a var }}"));
        assert!(!is_placeholder("plain"));
        assert!(has_placeholder("{{ HOST }}:1883"));
        assert!(!has_placeholder("{{ not a var }}"));
    }
}
