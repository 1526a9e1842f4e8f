//! Arroyo's older way to declare a metadata column, `GENERATED ALWAYS AS
//! (metadata('key')) [STORED]`, which Arroyo still reads as `METADATA FROM 'key'` (with a
//! deprecation warning); so do we, so that its statements keep their meaning.

use crate::parse::ast::SqlExpr;
use crate::span::{Span, Spanned};

/// The key of `metadata('key')` when that call is the whole expression, with the span of
/// the key's text; `None` for any other expression (a `metadata(…)` nested in a larger
/// expression stays a generated column, which the compiler checks as such).
pub(in crate::parse) fn metadata_key(expr: &SqlExpr) -> Option<Spanned<String>> {
    let text = expr.text.as_str();
    let body = text.trim();
    let name = body.get(..8)?;
    if !name.eq_ignore_ascii_case("metadata") {
        return None;
    }
    let rest = body.get(8..)?.trim_start().strip_prefix('(')?;
    let inner = rest.trim_end().strip_suffix(')')?.trim();
    let quoted = inner.strip_prefix('\'')?.strip_suffix('\'')?;
    // One string literal: a quote inside must be doubled.
    if quoted.replace("''", "").contains('\'') {
        return None;
    }
    // `quoted` is a slice of `text`: its offset is where the key is written.
    let offset = (quoted.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let at = if expr.span.is_detached() {
        expr.span
    } else {
        Span::new(
            expr.span.start + offset,
            expr.span.start + offset + quoted.len(),
        )
    };
    Some(Spanned::new(quoted.replace("''", "'"), at))
}

/// Whether `expr` calls `metadata(…)` somewhere (outside string literals and quoted
/// names). Arroyo refuses such a call anywhere but as the whole expression.
pub(in crate::parse) fn calls_metadata(expr: &SqlExpr) -> bool {
    let bytes = expr.text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            // Skip a quoted string or name; a doubled quote stays inside it.
            b'\'' | b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    if c == b {
                        if bytes.get(i) == Some(&b) {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                }
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i += 1;
                }
                let word = bytes.get(start..i).unwrap_or_default();
                let mut j = i;
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                let preceded_by_dot = start > 0 && bytes.get(start - 1) == Some(&b'.');
                if word.eq_ignore_ascii_case(b"metadata")
                    && bytes.get(j) == Some(&b'(')
                    && !preceded_by_dot
                {
                    return true;
                }
            }
            _ => i += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(text: &str) -> SqlExpr {
        SqlExpr {
            text: text.to_string(),
            span: Span::new(100, 100 + text.len()),
            columns: Vec::new(),
            shape: crate::parse::ast::ExprShape::Other,
        }
    }

    #[test]
    fn the_whole_call_is_a_metadata_key() {
        let k = metadata_key(&expr("metadata('offset_id')"));
        assert_eq!(k.as_ref().map(|k| k.node.as_str()), Some("offset_id"));
        assert_eq!(k.map(|k| k.span), Some(Span::new(110, 119)));
        let k = metadata_key(&expr(" METADATA ( 'it''s' ) "));
        assert_eq!(k.map(|k| k.node), Some("it's".to_string()));
    }

    #[test]
    fn calls_inside_larger_expressions_are_found() {
        assert!(calls_metadata(&expr("upper(metadata('topic'))")));
        assert!(calls_metadata(&expr("METADATA ('a') || 'x'")));
        assert!(!calls_metadata(&expr("'metadata(' || name")));
        assert!(!calls_metadata(&expr("\"metadata\"(1)")));
        assert!(!calls_metadata(&expr("s.metadata(1)")));
        assert!(!calls_metadata(&expr("metadata_of(x)")));
        assert!(!calls_metadata(&expr("'it''s metadata(' || x")));
    }

    #[test]
    fn anything_else_is_a_generated_column() {
        for text in [
            "upper(metadata('topic'))",
            "metadata('a') || metadata('b')",
            "metadata(topic)",
            "metadata('a', 'b')",
            "metadata_key('a')",
            "meta",
        ] {
            assert_eq!(metadata_key(&expr(text)), None, "{text}");
        }
    }
}
