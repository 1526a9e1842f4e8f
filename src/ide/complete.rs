//! Completion: what may be written at an offset.
//!
//! The statement under the cursor is read forgivingly ([`super::sketch`]), so completion
//! works while it is being typed: an open quote, no closing parenthesis, a trailing comma.

use std::sync::OnceLock;

use super::catalog::{option_detail, option_markdown, TableInfo};
use super::sketch::{Kind, Region, Sketch, Tok};
use super::{CompletionItem, CompletionKind, Document};
use crate::compile::Env;
use crate::options::{OptionKind, OptionSpec};
use crate::span::Span;

/// The completions at byte `offset` of `doc`: connector names, option keys that apply
/// and are not written yet, allowed values, profile names, SQL types, metadata keys or
/// column names, as the position asks. `replace` is the word (or the quoted text) under
/// the cursor; the list is not filtered by it.
pub fn completions(doc: &Document, offset: usize, env: &Env<'_>) -> Vec<CompletionItem> {
    let text = doc.text();
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let from = doc.piece_at(offset).map_or(0, |p| p.start.min(offset));
    let sketch = Sketch::new(text, from, offset);
    let Some(item) = sketch.item_at(offset) else {
        return Vec::new();
    };
    let info = TableInfo::new(&sketch, env);
    let toks = sketch.item_toks(item);
    let under = toks.iter().position(|t| touches(t, offset));
    let before_len =
        under.unwrap_or_else(|| toks.iter().take_while(|t| t.span.end <= offset).count());
    let before = toks.get(..before_len).unwrap_or_default();
    let under = under.and_then(|i| toks.get(i)).copied();
    let at = Cursor {
        replace: match under {
            Some(t) => {
                let r = t.inner();
                Span::new(r.start, r.end)
            }
            None => Span::new(offset, offset),
        },
        quoted: under.is_some_and(|t| matches!(t.kind, Kind::Str { .. } | Kind::Ident { .. })),
    };
    match item.region {
        Region::With => with_item(&sketch, &info, item, before, &at, env),
        Region::Columns => column_item(&sketch, &info, before, under, &at),
    }
}

/// Where the completion goes.
struct Cursor {
    /// What a chosen item replaces.
    replace: Span,
    /// Whether the cursor is inside quotes (a value is inserted as is, not quoted).
    quoted: bool,
}

impl Cursor {
    fn item(&self, label: &str, kind: CompletionKind) -> CompletionItem {
        CompletionItem {
            label: label.to_string(),
            kind,
            detail: None,
            documentation: None,
            insert_text: None,
            replace: self.replace,
        }
    }

    /// A value: quoted when the cursor is not already inside quotes.
    fn value(&self, value: &str, kind: CompletionKind, bare: bool) -> CompletionItem {
        let mut item = self.item(value, kind);
        if !self.quoted && !bare {
            item.insert_text = Some(format!("'{}'", value.replace('\'', "''")));
        }
        item
    }
}

/// Whether the cursor at `offset` is in token `t` (at a word's end counts; inside an open
/// string too).
fn touches(t: &Tok, offset: usize) -> bool {
    match t.kind {
        Kind::Str { closed } | Kind::Ident { closed } => {
            t.span.start < offset && (offset < t.span.end || (!closed && offset <= t.span.end))
        }
        Kind::Word | Kind::Number => t.span.start < offset && offset <= t.span.end,
        Kind::Punct(_) => false,
    }
}

fn with_item(
    sketch: &Sketch<'_>,
    info: &TableInfo<'_>,
    item: &super::sketch::Item,
    before: &[Tok],
    at: &Cursor,
    env: &Env<'_>,
) -> Vec<CompletionItem> {
    let doc = sketch.doc;
    let Some(eq) = before.iter().position(|t| t.is(b'=')) else {
        if !before.is_empty() {
            return Vec::new();
        }
        return option_keys(sketch, info, item, at);
    };
    if before.len() > eq + 1 {
        // The value is written already.
        return Vec::new();
    }
    let Some(key) = before
        .first()
        .filter(|_| eq == 1)
        .map(|k| k.text(doc).to_ascii_lowercase())
    else {
        return Vec::new();
    };
    if key == "connector" {
        return env
            .registry
            .iter()
            .map(|(name, c)| {
                let spec = c.spec();
                let mut it = at.value(name, CompletionKind::Connector, false);
                it.detail = Some(spec.display_name.to_string());
                it.documentation = Some(super::catalog::connector_markdown(spec));
                it
            })
            .collect();
    }
    let Some(spec) = info.spec(&key) else {
        return Vec::new();
    };
    if spec.key == "connection_profile" {
        let connector = info.connector.map_or("", |c| c.name);
        return env
            .profiles
            .names_for(connector)
            .iter()
            .map(|n| {
                let mut it = at.value(n, CompletionKind::Profile, false);
                it.detail = Some(format!("{connector} connection profile"));
                it
            })
            .collect();
    }
    if spec.kind == OptionKind::FieldRef {
        return columns(sketch, at, &[]);
    }
    let bare = spec.kind == OptionKind::Bool;
    let default = spec.default.map(|d| d.to_string());
    info.allowed_values(spec)
        .into_iter()
        .map(|v| {
            let mut it = at.value(v, CompletionKind::Value, bare);
            if default.as_deref() == Some(v) {
                it.detail = Some("default".to_string());
            }
            it
        })
        .collect()
}

/// The option keys that apply to the table and are not written yet.
fn option_keys(
    sketch: &Sketch<'_>,
    info: &TableInfo<'_>,
    item: &super::sketch::Item,
    at: &Cursor,
) -> Vec<CompletionItem> {
    let doc = sketch.doc;
    let written: Vec<String> = sketch
        .items
        .iter()
        .filter(|it| it.region == Region::With && it.span != item.span)
        .filter_map(|it| sketch.item_toks(it).first())
        .map(|k| k.text(doc).to_ascii_lowercase())
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    let mut specs: Vec<&'static OptionSpec> = info
        .all_specs()
        .into_iter()
        .filter(|s| info.applies(s))
        .filter(|s| {
            !written
                .iter()
                .any(|w| s.matches(w) && s.kind != OptionKind::Prefix)
        })
        .filter(|s| {
            let new = !seen.contains(&s.key);
            seen.push(s.key);
            new
        })
        .collect();
    // Required options first, then in catalogue order.
    specs.sort_by_key(|s| !s.required);
    specs
        .into_iter()
        .map(|s| {
            let mut it = at.item(s.key, CompletionKind::OptionKey);
            it.detail = Some(option_detail(s));
            it.documentation = Some(option_markdown(s, &info.allowed_values(s)));
            it
        })
        .collect()
}

fn column_item(
    sketch: &Sketch<'_>,
    info: &TableInfo<'_>,
    before: &[Tok],
    under: Option<Tok>,
    at: &Cursor,
) -> Vec<CompletionItem> {
    let doc = sketch.doc;
    let word = |t: &Tok, w: &str| t.is_word(doc, w);
    let Some(first) = before.first() else {
        // A column's name being typed.
        return Vec::new();
    };
    let last = before.last().unwrap_or(first);
    let listed = |from: usize| -> Vec<&str> {
        before
            .iter()
            .skip(from)
            .filter(|t| t.kind == Kind::Word || matches!(t.kind, Kind::Ident { .. }))
            .map(|t| t.text(doc))
            .collect()
    };
    if word(first, "PRIMARY") || word(first, "CONSTRAINT") || word(first, "UNIQUE") {
        let open = before.iter().rposition(|t| t.is(b'('));
        let closed = open.is_some_and(|o| before.iter().skip(o).any(|t| t.is(b')')));
        return match open {
            Some(o) if !closed && !at.quoted => columns(sketch, at, &listed(o)),
            _ => Vec::new(),
        };
    }
    if word(first, "WATERMARK") {
        let after_for = word(last, "FOR");
        let in_expr = before.iter().any(|t| word(t, "AS"));
        return if (after_for || in_expr) && !at.quoted {
            columns(sketch, at, &[])
        } else {
            Vec::new()
        };
    }
    // A column definition: `name TYPE [NOT NULL] [METADATA FROM 'key'] [AS expr] …`.
    let n = before.len();
    let metadata_from =
        n >= 2 && word(last, "FROM") && before.get(n - 2).is_some_and(|t| word(t, "METADATA"));
    if metadata_from {
        let Some(c) = info.connector else {
            return Vec::new();
        };
        return c
            .metadata
            .iter()
            .map(|m| {
                let mut it = at.value(m.key, CompletionKind::MetadataKey, false);
                it.detail = Some(crate::parse::types::sql_name(&m.data_type, false));
                it.documentation = Some(m.doc.to_string());
                it
            })
            .collect();
    }
    if at.quoted || under.is_some_and(|t| t.kind == Kind::Number) {
        return Vec::new();
    }
    if before.iter().skip(1).any(|t| word(t, "AS")) {
        let own = first.text(doc);
        return columns(sketch, at, &[own]);
    }
    if type_position(doc, before) {
        return types(at);
    }
    Vec::new()
}

/// Whether the cursor after `before` (a column definition's tokens) is where a type goes:
/// after the column's name, after `ARRAY<` or `MAP<`, after `,` in `MAP<K, `, or after
/// a field's name in `STRUCT<`.
fn type_position(doc: &str, before: &[Tok]) -> bool {
    let mut stack: Vec<String> = Vec::new();
    let mut prev_word = String::new();
    for t in before.iter().skip(1) {
        if t.is(b'<') {
            stack.push(prev_word.to_ascii_uppercase());
        } else if t.is(b'>') {
            stack.pop();
        }
        if t.kind == Kind::Word {
            prev_word = t.text(doc).to_string();
        }
    }
    let n = before.len();
    let Some(last) = before.last() else {
        return false;
    };
    if n == 1 {
        return true;
    }
    let top = stack.last().map(String::as_str);
    let in_struct = matches!(top, Some("STRUCT" | "ROW"));
    let prev = n.checked_sub(2).and_then(|i| before.get(i));
    if last.is(b'<') {
        return !in_struct;
    }
    if last.is(b',') {
        return top == Some("MAP");
    }
    matches!(last.kind, Kind::Word | Kind::Ident { .. })
        && in_struct
        && prev.is_some_and(|p| p.is(b'<') || p.is(b','))
}

/// The table's columns, but those in `except`.
fn columns(sketch: &Sketch<'_>, at: &Cursor, except: &[&str]) -> Vec<CompletionItem> {
    let doc = sketch.doc;
    let except: std::collections::HashSet<&str> = except.iter().copied().collect();
    sketch
        .columns()
        .filter(|(t, _)| !except.contains(t.text(doc)))
        .filter(|(t, _)| t.span.end < at.replace.start || t.span.start > at.replace.end)
        .map(|(t, item)| {
            let mut it = at.item(t.text(doc), CompletionKind::Column);
            let toks = sketch.item_toks(item);
            let ty = match (toks.get(1), toks.last()) {
                (Some(a), Some(b)) if a.kind == Kind::Word => doc.get(a.span.start..b.span.end),
                _ => None,
            };
            it.detail = ty.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
            it
        })
        .collect()
}

/// The SQL types the parser accepts, with the Arrow type each maps to.
fn types(at: &Cursor) -> Vec<CompletionItem> {
    type_table()
        .iter()
        .map(|(name, insert, detail, doc)| {
            let mut it = at.item(name, CompletionKind::Type);
            it.insert_text = insert.clone();
            it.detail = Some(detail.clone());
            it.documentation = doc.clone();
            it
        })
        .collect()
}

type TypeRow = (String, Option<String>, String, Option<String>);

/// (label, insert text, Arrow type, note) for every type name, read from the parser once.
fn type_table() -> &'static [TypeRow] {
    static TABLE: OnceLock<Vec<TypeRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::parse::types::TYPE_NAMES
            .iter()
            .map(|name| match *name {
                "ARRAY" => (
                    "ARRAY<…>".into(),
                    Some("ARRAY<".into()),
                    "List".into(),
                    Some("`ARRAY<T>`, also written `T[]`".into()),
                ),
                "MAP" => (
                    "MAP<…>".into(),
                    Some("MAP<".into()),
                    "Map".into(),
                    Some("`MAP<K, V>`".into()),
                ),
                "STRUCT" | "ROW" => (
                    format!("{name}<…>"),
                    Some(format!("{name}<")),
                    "Struct".into(),
                    Some(format!("`{name}<name T, …>`")),
                ),
                _ => {
                    let parsed = crate::parse::parse_script(&format!("CREATE TABLE t (c {name})"));
                    let ty = parsed.statements.iter().find_map(|s| match s {
                        crate::parse::Statement::CreateTable(def) => {
                            def.column_list().first().and_then(|c| c.ty.clone())
                        }
                        crate::parse::Statement::Other { .. } => None,
                    });
                    let detail = ty
                        .as_ref()
                        .map_or_else(String::new, |t| t.data_type.to_string());
                    let note = ty
                        .and_then(|t| t.not_carried)
                        .map(|n| format!("not carried by connection tables: use `{}`", n.instead));
                    ((*name).to_string(), None, detail, note)
                }
            })
            .collect()
    })
}
