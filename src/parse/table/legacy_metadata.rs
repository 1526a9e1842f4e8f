//! Arroyo's older way to declare a metadata column, `GENERATED ALWAYS AS
//! (metadata('key')) [STORED]`, which Arroyo still reads as `METADATA FROM 'key'` (with a
//! deprecation warning); so do we, so that its statements keep their meaning.

use crate::parse::ast::SqlExpr;
use crate::span::{Span, Spanned};

/// The key of `metadata('key')` when that call is the whole expression, with the span of
/// the key's text; `None` for any other expression (a `metadata(…)` nested in a larger
/// expression stays a generated column, which the compiler checks as such).
pub(super) fn metadata_key(expr: &SqlExpr) -> Option<Spanned<String>> {
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
