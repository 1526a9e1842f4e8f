//! Document symbols (tables and their columns) and go to definition.

use super::sketch::{statement_tokens, Kind};
use super::{Document, Symbol, SymbolKind};
use crate::parse::{ColumnKind, Script, Statement, TableDef};
use crate::span::Span;

/// The tables of `doc` with their columns, in source order.
pub fn document_symbols(doc: &Document) -> Vec<Symbol> {
    let mut out = Vec::new();
    for piece in doc.pieces() {
        with_script(doc, piece, |script| {
            for s in &script.statements {
                if let Statement::CreateTable(def) = s {
                    out.push(table_symbol(doc.text(), def, piece.start));
                }
            }
        });
    }
    out
}

/// Runs `f` on the piece parsed on its own (spans relative to its start).
fn with_script<R>(
    doc: &Document,
    piece: &super::document::Piece,
    f: impl FnOnce(&Script) -> R,
) -> R {
    match piece.unit.as_ref() {
        Some(u) => f(u.script()),
        None => f(&crate::parse::parse_script(
            doc.text().get(piece.start..piece.end).unwrap_or(""),
        )),
    }
}

fn shift(s: Span, by: usize) -> Span {
    if s.is_detached() {
        s
    } else {
        Span::new(s.start + by, s.end + by)
    }
}

fn table_symbol(text: &str, def: &TableDef, by: usize) -> Symbol {
    let option = |key: &str| {
        def.with.as_ref().and_then(|w| {
            w.options
                .iter()
                .find(|o| o.key.node == key)
                .and_then(|o| match &o.value.node {
                    crate::options::Value::String(s) | crate::options::Value::Ident(s) => {
                        Some(s.clone())
                    }
                    _ => None,
                })
        })
    };
    let detail = match (option("connector"), option("type")) {
        (Some(c), Some(t)) => Some(format!("{c} {t}")),
        (Some(c), None) => Some(c),
        (None, _) => Some("memory".to_string()),
    };
    let children = def
        .column_list()
        .iter()
        .map(|c| {
            let ty =
                c.ty.as_ref()
                    .and_then(|t| text.get(t.span.start + by..t.span.end + by));
            let detail = match (&c.kind, ty) {
                (ColumnKind::Generated { .. }, None) => Some("generated".to_string()),
                (_, ty) => ty.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
            };
            Symbol {
                name: c.name.node.clone(),
                kind: SymbolKind::Column,
                detail,
                span: shift(c.span, by),
                name_span: shift(c.name.span, by),
                children: Vec::new(),
            }
        })
        .collect();
    Symbol {
        name: def.name.node.clone(),
        kind: SymbolKind::Table,
        detail,
        span: shift(def.span, by),
        name_span: shift(def.name.span, by),
        children,
    }
}

/// The table definition of `script` whose statement holds `rel`.
pub(crate) fn table_at(script: &Script, rel: usize) -> Option<&TableDef> {
    script.statements.iter().find_map(|s| match s {
        Statement::CreateTable(def) if def.span.start <= rel && rel <= def.span.end => Some(&**def),
        _ => None,
    })
}

/// Where the column (or table) referenced at byte `offset` is defined: from a column
/// reference (primary key, watermark, generated expression, an option naming a column)
/// to the column's name; from a table name in another statement (`INSERT INTO t`,
/// `FROM t`, `JOIN t`) to the name in its `CREATE TABLE`.
pub fn definition(doc: &Document, offset: usize) -> Option<Span> {
    let piece = doc.piece_at(offset)?;
    let rel = offset.checked_sub(piece.start)?;
    let found = with_script(doc, piece, |script| {
        let def = table_at(script, rel)?;
        let column = column_ref_at(def, rel, doc.column_keys())?;
        let col = def
            .column_list()
            .iter()
            .find(|c| c.name.node == column)
            .or_else(|| {
                def.column_list()
                    .iter()
                    .find(|c| c.name.node.eq_ignore_ascii_case(&column))
            })?;
        Some(shift(col.name.span, piece.start))
    });
    found.or_else(|| table_reference(doc, piece.start, offset))
}

/// The column named at `rel` in `def`, if a column is named there.
fn column_ref_at(def: &TableDef, rel: usize, column_keys: &[&str]) -> Option<String> {
    let inside = |s: Span| s.start <= rel && rel <= s.end;
    let mut refs: Vec<(&str, Span)> = Vec::new();
    for c in def.column_list() {
        refs.push((&c.name.node, c.name.span));
        if let ColumnKind::Generated { expr, .. } = &c.kind {
            refs.extend(
                expr.columns
                    .iter()
                    .map(|r| (r.name.node.as_str(), r.name.span)),
            );
        }
    }
    for pk in &def.primary_keys {
        refs.extend(pk.columns.iter().map(|c| (c.node.as_str(), c.span)));
    }
    for w in &def.watermarks {
        refs.push((&w.column.node, w.column.span));
        if let Some(e) = &w.expr {
            refs.extend(
                e.columns
                    .iter()
                    .map(|r| (r.name.node.as_str(), r.name.span)),
            );
        }
    }
    if let Some(w) = &def.with {
        // Options whose value names a column (the catalogue's column-name kind).
        for o in &w.options {
            if column_keys.contains(&o.key.node.as_str()) {
                if let crate::options::Value::String(s) | crate::options::Value::Ident(s) =
                    &o.value.node
                {
                    refs.push((s, o.value.span));
                }
            }
        }
    }
    refs.into_iter()
        .find(|(_, s)| inside(*s))
        .map(|(n, _)| n.to_string())
}

/// From a table name after `INTO`, `FROM`, `JOIN` or `TABLE` to its definition.
fn table_reference(doc: &Document, from: usize, offset: usize) -> Option<Span> {
    let text = doc.text();
    let toks = statement_tokens(text, from, offset);
    let i = toks.iter().position(|t| {
        t.span.start <= offset
            && offset <= t.span.end
            && matches!(t.kind, Kind::Word | Kind::Ident { .. })
    })?;
    let before = i.checked_sub(1).and_then(|j| toks.get(j))?;
    if !["INTO", "FROM", "JOIN", "TABLE", "UPDATE"]
        .iter()
        .any(|w| before.is_word(text, w))
    {
        return None;
    }
    let name = toks.get(i)?.text(text).to_lowercase();
    for piece in doc.pieces() {
        let defines = piece
            .unit
            .as_ref()
            .is_none_or(|u| u.names.iter().any(|(_, l)| *l == name));
        if !defines {
            continue;
        }
        let found = with_script(doc, piece, |script| {
            script.statements.iter().find_map(|s| match s {
                Statement::CreateTable(def) if def.name.node.to_lowercase() == name => {
                    Some(shift(def.name.span, piece.start))
                }
                _ => None,
            })
        });
        if found.is_some() {
            return found;
        }
    }
    None
}
