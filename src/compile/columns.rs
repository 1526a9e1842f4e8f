//! Stage 1: the column list lowered to Arrow fields — types, nullability, metadata and
//! generated columns, primary keys — and the checks of column references (generated
//! expressions, the primary key) against the final columns.

use std::collections::BTreeMap;

use arrow_schema::Field;

use crate::diagnostics::{codes, Diagnostic};
use crate::options::ConnectorOptions;
use crate::parse::types::CARRIED_TYPES;
use crate::parse::{ColumnDef, ColumnKind, SqlExpr, TableDef};
use crate::schema::expand::{JSON_EXTENSION_KEY, JSON_EXTENSION_NAME};
use crate::schema::{GeneratedField, MetadataField};
use crate::span::{Span, Spanned};
/// The columns of a table, lowered to Arrow fields.
pub(super) struct Columns {
    pub(super) fields: Vec<Field>,
    pub(super) metadata: Vec<(MetadataField, Span, Span)>,
    pub(super) generated: Vec<GeneratedField>,
    pub(super) primary_keys: Vec<String>,
}

/// Lowers the column list: types, nullability, metadata and generated columns, primary
/// keys. Reports duplicates, unknown references and (for connection tables) types a
/// connection table cannot carry.
/// Whether two column definitions declare the same physical column (type and nullability).
fn same_declaration(a: &ColumnDef, b: &ColumnDef) -> bool {
    let ty = |c: &ColumnDef| c.ty.as_ref().map(|t| (t.data_type.clone(), t.json));
    matches!(
        (&a.kind, &b.kind),
        (ColumnKind::Physical, ColumnKind::Physical)
    ) && ty(a).is_some()
        && ty(a) == ty(b)
        && a.not_null.is_some() == b.not_null.is_some()
        && a.primary_key.is_none()
        && b.primary_key.is_none()
}

/// Arroyo keeps names starting with `__arroyo` (compared case-insensitively) for the
/// columns it adds to every table, and refuses such a column when the table is created.
const RESERVED_PREFIX: &str = "__arroyo";

/// The error for a column whose name has Arroyo's reserved prefix, if it has.
fn reserved_name(name: &str, span: Span) -> Option<Diagnostic> {
    let prefix = name.get(..RESERVED_PREFIX.len())?;
    if !prefix.eq_ignore_ascii_case(RESERVED_PREFIX) {
        return None;
    }
    Some(
        Diagnostic::error(
            codes::RESERVED_COLUMN,
            span,
            format!("column name `{name}` starts with `{RESERVED_PREFIX}`, which is reserved"),
        )
        .with_help("Arroyo keeps names starting with `__arroyo` (in any case) for its own columns; rename this one"),
    )
}

pub(super) fn lower_columns(
    def: &TableDef,
    connection: bool,
    opts: &mut ConnectorOptions,
) -> Columns {
    let cols = def.column_list();
    let mut out = Columns {
        fields: Vec::with_capacity(cols.len()),
        metadata: Vec::new(),
        generated: Vec::new(),
        primary_keys: Vec::new(),
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, col) in cols.iter().enumerate() {
        if let Some(first) = seen.get(col.name.node.as_str()).and_then(|&f| cols.get(f)) {
            let mut d = Diagnostic::error(
                codes::DUPLICATE_COLUMN,
                col.name.span,
                format!("column `{}` is declared twice", col.name.node),
            )
            .with_label(first.name.span, "first declared here");
            // A repeat of the same declaration can go; two different ones need a choice.
            let previous = i.checked_sub(1).and_then(|p| cols.get(p));
            match previous {
                Some(prev) if same_declaration(first, col) => {
                    d = d
                        .with_help("remove the repeated declaration")
                        .with_fix(Span::new(prev.span.end, col.span.end), "");
                }
                _ => d = d.with_help("rename one of the two columns, or remove one"),
            }
            opts.report(d);
            continue;
        }
        seen.insert(&col.name.node, i);
        if let Some(d) = reserved_name(&col.name.node, col.name.span) {
            opts.report(d);
        }
        let Some(ty) = &col.ty else {
            opts.report(
                Diagnostic::error(
                    codes::SYNTAX,
                    col.span,
                    format!("computed column `{}` needs a type", col.name.node),
                )
                .with_help(format!(
                    "write `{} <TYPE> GENERATED ALWAYS AS ({})`",
                    col.name.node,
                    match &col.kind {
                        ColumnKind::Generated { expr, .. } => expr.text.as_str(),
                        _ => "…",
                    }
                )),
            );
            continue;
        };
        let generated = matches!(col.kind, ColumnKind::Generated { .. });
        if connection && !generated {
            if let Some(nc) = &ty.not_carried {
                opts.report(
                    Diagnostic::error(
                        codes::TYPE_NOT_SUPPORTED,
                        nc.span,
                        format!("type `{}` cannot be used in a connection table", nc.sql),
                    )
                    .with_help(format!(
                        "use `{}`; connection tables carry {CARRIED_TYPES}",
                        nc.instead
                    )),
                );
            }
        }
        let mut field = Field::new(&col.name.node, ty.data_type.clone(), col.not_null.is_none());
        if ty.json {
            field = field.with_metadata(std::collections::HashMap::from([(
                JSON_EXTENSION_KEY.to_string(),
                JSON_EXTENSION_NAME.to_string(),
            )]));
        }
        match &col.kind {
            ColumnKind::Physical => {}
            ColumnKind::Metadata { key, .. } => out.metadata.push((
                MetadataField {
                    field: col.name.node.clone(),
                    key: key.node.clone(),
                },
                key.span,
                ty.span,
            )),
            ColumnKind::Generated { expr, stored } => out.generated.push(GeneratedField {
                field: col.name.node.clone(),
                expression: expr.text.clone(),
                stored: *stored,
            }),
        }
        if col.primary_key.is_some() {
            out.primary_keys.push(col.name.node.clone());
        }
        out.fields.push(field);
    }
    // Table-level primary key (its columns are checked once the final fields are known).
    let column_level = cols.iter().find_map(|c| c.primary_key);
    for (i, pk) in def.primary_keys.iter().enumerate() {
        if i > 0 || column_level.is_some() {
            let first = column_level
                .or(def.primary_keys.first().map(|p| p.span))
                .unwrap_or(pk.span);
            opts.report(
                Diagnostic::error(
                    codes::DUPLICATE_PRIMARY_KEY,
                    pk.span,
                    "the primary key is declared more than once",
                )
                .with_label(first, "first declared here")
                .with_help("declare one key; for a composite key write `PRIMARY KEY (a, b)`"),
            );
            continue;
        }
        for (j, c) in pk.columns.iter().enumerate() {
            if let Some(first) = pk.columns.iter().take(j).find(|p| p.node == c.node) {
                opts.report(
                    Diagnostic::error(
                        codes::DUPLICATE_COLUMN,
                        c.span,
                        format!("column `{}` appears twice in the primary key", c.node),
                    )
                    .with_label(first.span, "first listed here")
                    .with_help("list each key column once"),
                );
            } else if !out.primary_keys.contains(&c.node) {
                out.primary_keys.push(c.node.clone());
            }
        }
    }
    out
}

/// The columns a table ends up with (declared, fixed or expanded from a schema), for
/// checking references: name, and whether it is generated.
pub(super) struct Known<'a>(Vec<(&'a str, bool)>);

impl<'a> Known<'a> {
    pub(super) fn new(fields: &'a [Field], generated: &[GeneratedField]) -> Self {
        Known(
            fields
                .iter()
                .map(|f| {
                    (
                        f.name().as_str(),
                        generated.iter().any(|g| &g.field == f.name()),
                    )
                })
                .collect(),
        )
    }

    pub(super) fn names(&self) -> Vec<&str> {
        self.0.iter().map(|(n, _)| *n).collect()
    }

    /// The column called `name`: exactly, or ignoring case for an unquoted non-keyword.
    pub(super) fn find(&self, name: &str, exact_only: bool) -> Option<&(&'a str, bool)> {
        self.0.iter().find(|(n, _)| *n == name).or_else(|| {
            if exact_only {
                None
            } else {
                self.0.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))
            }
        })
    }
}

/// Checks the references that need the final columns: generated expressions and the
/// table-level primary key.
pub(super) fn check_column_refs(def: &TableDef, known: &Known, opts: &mut ConnectorOptions) {
    for col in def.column_list() {
        if let ColumnKind::Generated { expr, .. } = &col.kind {
            check_refs(expr, known, opts, "generated column", true);
        }
    }
    if let Some(pk) = def.primary_keys.first() {
        for c in &pk.columns {
            if known.find(&c.node, true).is_none() {
                report_unknown_column(opts, known, c, "primary key");
            }
        }
    }
}

pub(super) fn report_unknown_column(
    opts: &mut ConnectorOptions,
    known: &Known,
    name: &Spanned<String>,
    what: &str,
) {
    opts.report(crate::messages::unknown_column(
        name.span,
        &name.node,
        what,
        &known.names(),
    ));
}

/// Checks that the columns an expression names exist (and, when `physical_only`, are not
/// generated columns themselves).
pub(super) fn check_refs(
    expr: &SqlExpr,
    known: &Known,
    opts: &mut ConnectorOptions,
    what: &str,
    physical_only: bool,
) {
    for r in &expr.columns {
        match known.find(&r.name.node, r.is_keyword) {
            Some((name, generated)) => {
                if physical_only && *generated {
                    opts.report(
                        Diagnostic::error(
                            codes::UNKNOWN_COLUMN,
                            r.name.span,
                            format!("a {what} cannot use generated column `{name}`"),
                        )
                        .with_help(
                            "generated expressions see the physical and metadata columns only",
                        ),
                    );
                }
            }
            None if r.is_keyword => {}
            None => report_unknown_column(opts, known, &r.name, what),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, options, table_def};
    use super::*;
    use crate::schema::expand::is_json;
    use arrow_schema::DataType;

    fn lower(sql: &str, connection: bool) -> (Columns, Vec<&'static str>) {
        let mut def = table_def(sql);
        let (mut opts, _) = options(&mut def);
        let columns = lower_columns(&def, connection, &mut opts);
        (columns, codes(&opts.take_diagnostics()))
    }

    #[test]
    fn columns_lower_to_fields_with_their_kinds() {
        let (c, found) = lower(
            "CREATE TABLE t (id BIGINT NOT NULL, p INT METADATA FROM 'partition', d BIGINT GENERATED ALWAYS AS (id * 2), doc JSON, PRIMARY KEY (id))",
            true,
        );
        assert!(found.is_empty());
        let names: Vec<&str> = c.fields.iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["id", "p", "d", "doc"]);
        assert_eq!(c.fields.first().map(|f| f.is_nullable()), Some(false));
        assert_eq!(
            c.fields.get(1).map(|f| f.data_type()),
            Some(&DataType::Int32)
        );
        assert_eq!(
            c.metadata.first().map(|m| m.0.key.as_str()),
            Some("partition")
        );
        assert_eq!(
            c.generated.first().map(|g| g.expression.as_str()),
            Some("id * 2")
        );
        assert!(c.fields.get(3).is_some_and(is_json));
        assert_eq!(c.primary_keys, ["id"]);
    }

    #[test]
    fn duplicates_are_reported() {
        let (c, found) = lower(
            "CREATE TABLE t (a INT PRIMARY KEY, a INT, PRIMARY KEY (a))",
            true,
        );
        assert_eq!(found, ["column::duplicate", "table::primary_key"]);
        assert_eq!(c.fields.len(), 1);
    }

    #[test]
    fn references_are_checked_against_the_final_columns() {
        let mut def = table_def(
            "CREATE TABLE t (id BIGINT, g BIGINT GENERATED ALWAYS AS (idd + 1), h BIGINT GENERATED ALWAYS AS (g), PRIMARY KEY (ix))",
        );
        let (mut opts, _) = options(&mut def);
        let columns = lower_columns(&def, true, &mut opts);
        let known = Known::new(&columns.fields, &columns.generated);
        assert_eq!(known.find("ID", false).map(|k| k.0), Some("id"));
        assert_eq!(known.find("ID", true), None);
        check_column_refs(&def, &known, &mut opts);
        let diags = opts.take_diagnostics();
        assert_eq!(
            codes(&diags),
            ["column::unknown", "column::unknown", "column::unknown"]
        );
        let helps: Vec<Option<&str>> = diags.iter().map(|d| d.help.as_deref()).collect();
        assert_eq!(helps.first().copied().flatten(), Some("did you mean `id`?"));
        assert!(diags
            .get(1)
            .is_some_and(|d| d.message == "a generated column cannot use generated column `g`"));
    }
}
