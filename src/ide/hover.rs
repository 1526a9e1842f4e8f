//! Hover: what the thing under the cursor is.

use super::catalog::{connector_markdown, option_markdown, TableInfo};
use super::sketch::{Kind, Region, Sketch, Tok};
use super::{Document, Hover};
use crate::compile::Env;

/// What to show when hovering byte `offset` of `doc`: for an option key, its kind,
/// default, allowed values, applies-to, condition, range and doc; for a connector name,
/// its description, connection types, formats and metadata keys; for a column (its
/// definition or a reference to it), its SQL type and Arrow type. Never an option's value.
pub fn hover(doc: &Document, offset: usize, env: &Env<'_>) -> Option<Hover> {
    let text = doc.text();
    let from = doc.piece_at(offset).map_or(0, |p| p.start.min(offset));
    let sketch = Sketch::new(text, from, offset);
    let t = *sketch
        .toks
        .iter()
        .find(|t| t.span.start <= offset && offset < t.span.end)?;
    let info = TableInfo::new(&sketch, env);
    let item = sketch
        .items
        .iter()
        .find(|it| it.span.start <= t.span.start && t.span.end <= it.span.end)?;
    let toks = sketch.item_toks(item);
    let first = toks.first()?;
    match item.region {
        Region::With => {
            let key = first.text(text);
            let is_key = first.span == t.span;
            if !is_key && key.eq_ignore_ascii_case("connector") {
                let c = env.registry.get(&t.text(text).to_ascii_lowercase())?;
                return Some(Hover {
                    span: t.span,
                    markdown: connector_markdown(c.spec()),
                });
            }
            let spec = info.spec(key)?;
            if !is_key && spec.kind == crate::options::OptionKind::FieldRef {
                return column_hover(doc, &sketch, t);
            }
            is_key.then(|| Hover {
                span: t.span,
                markdown: option_markdown(spec, &info.allowed_values(spec)),
            })
        }
        Region::Columns => column_hover(doc, &sketch, t),
    }
}

/// The hover of a column named by token `t` (its definition or a reference).
fn column_hover(doc: &Document, sketch: &Sketch<'_>, t: Tok) -> Option<Hover> {
    if !matches!(t.kind, Kind::Word | Kind::Ident { .. } | Kind::Str { .. }) {
        return None;
    }
    let text = doc.text();
    let name = t.text(text);
    let (def_tok, item) = sketch
        .columns()
        .find(|(c, _)| c.text(text) == name)
        .or_else(|| {
            sketch
                .columns()
                .find(|(c, _)| c.text(text).eq_ignore_ascii_case(name))
        })?;
    let toks = sketch.item_toks(item);
    let sql = match (toks.get(1), toks.last()) {
        (Some(a), Some(b)) if a.kind == Kind::Word => text
            .get(a.span.start..b.span.end)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
        _ => None,
    };
    let column = def_tok.text(text);
    let mut markdown = format!("**`{column}`**");
    if let Some(sql) = &sql {
        markdown.push_str(&format!(" `{sql}`"));
    }
    if let Some((arrow, nullable, from)) = arrow_type(doc, sketch, column, t.span.start) {
        let null = if nullable { "nullable" } else { "non-null" };
        markdown.push_str(&format!("\n\nArrow: `{arrow}` ({null}, {from})"));
    }
    Some(Hover {
        span: t.span,
        markdown,
    })
}

/// The Arrow type of `column` of the table at `offset`: from the compiled table when it
/// compiled, else from the declared type. Also whether it is nullable, and which.
fn arrow_type(
    doc: &Document,
    sketch: &Sketch<'_>,
    column: &str,
    offset: usize,
) -> Option<(String, bool, &'static str)> {
    let piece = doc.piece_at(offset)?;
    let table = sketch.name.map(|n| n.text(doc.text()))?;
    if let Some(u) = piece.unit.as_ref() {
        let compiled = u.compiled.tables.iter().find(|t| t.name() == table);
        let fields = compiled.map(|t| match t {
            crate::Table::Connection(c) => c.schema.fields.as_slice(),
            crate::Table::Memory(m) => m.fields.as_slice(),
        });
        if let Some(f) = fields.and_then(|fs| fs.iter().find(|f| f.name() == column)) {
            return Some((f.data_type().to_string(), f.is_nullable(), "compiled"));
        }
        let rel = offset.checked_sub(piece.start)?;
        return declared(u.script(), rel, column);
    }
    let script = crate::parse::parse_script(doc.text().get(piece.start..piece.end)?);
    declared(&script, offset.checked_sub(piece.start)?, column)
}

fn declared(
    script: &crate::parse::Script,
    rel: usize,
    column: &str,
) -> Option<(String, bool, &'static str)> {
    let def = super::symbols::table_at(script, rel)?;
    let col = def.column_list().iter().find(|c| c.name.node == column)?;
    let ty = col.ty.as_ref()?;
    Some((ty.data_type.to_string(), col.not_null.is_none(), "declared"))
}
