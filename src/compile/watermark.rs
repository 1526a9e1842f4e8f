//! Stage: event time — `WATERMARK FOR`, the deprecated `event_time_field` /
//! `watermark_field` options — and metadata columns against what the connector provides.

use arrow_schema::{DataType, Field};

use crate::diagnostics::{codes, Diagnostic};
use crate::options::OptionSpec;
use crate::parse::types::sql_name;
use crate::parse::{ColumnKind, ExprShape, SqlExpr};
use crate::schema::expand::is_json;
use crate::schema::{ConnectionSchema, Watermark};
use crate::span::Span;

use super::columns::{check_refs, report_unknown_column, Known};
use super::{TableCompiler, EVENT_TIME_FIELD};
use crate::messages;
impl TableCompiler<'_> {
    pub(super) fn watermark(&mut self, fields: &[Field]) -> Option<Watermark> {
        let def = self.def;
        let known = Known::new(fields, &self.columns.generated);
        let first = def.watermarks.first()?;
        for extra in def.watermarks.iter().skip(1) {
            self.opts.report(
                Diagnostic::error(
                    codes::DUPLICATE_WATERMARK,
                    extra.span,
                    "a table can have only one `WATERMARK FOR`",
                )
                .with_label(first.span, "first declared here")
                .with_help("keep one `WATERMARK FOR`: a table has one event time"),
            );
        }
        let col = &first.column;
        // A watermark column that is unknown or not a TIMESTAMP is the mistake; an
        // expression over that same column would only repeat it.
        let column_ok = match fields.iter().find(|f| f.name() == &col.node) {
            None => {
                let mut d = messages::unknown_column(
                    col.span,
                    &col.node,
                    "`WATERMARK FOR`",
                    &known.names(),
                );
                // The expression's uses of the same name are the same mistake: one fix
                // renames them all.
                if let Some(rename) = d.fixes.first().map(|f| f.replacement.clone()) {
                    let uses = first.expr.iter().flat_map(|e| &e.columns);
                    for r in uses.filter(|r| r.name.node == col.node) {
                        d = messages::replace_text(d, r.name.span, &r.name.node, &rename);
                    }
                }
                self.opts.report(d);
                false
            }
            // A column whose declared type was rejected: that error says it all.
            Some(f) if f.data_type() == &DataType::Null => false,
            Some(f) if !matches!(f.data_type(), DataType::Timestamp(_, None)) => {
                let d = Diagnostic::error(
                    codes::WATERMARK_TYPE,
                    col.span,
                    format!(
                        "`WATERMARK FOR` needs a TIMESTAMP column, but `{}` is {}",
                        col.node,
                        sql_name(f.data_type(), is_json(f))
                    ),
                )
                .with_help(self.timestamp_column_help(
                    &col.node,
                    fields,
                    first.expr.as_ref(),
                ));
                self.opts.report(d);
                false
            }
            Some(_) => true,
        };
        let expr = first
            .expr
            .as_ref()
            .filter(|e| column_ok || !e.columns.iter().any(|c| c.name.node == col.node));
        if let Some(expr) = expr {
            check_refs(expr, &known, &mut self.opts, "watermark expression", true);
            let base = match &expr.shape {
                ExprShape::Column(c)
                | ExprShape::ColumnPlusMinusInterval(c)
                | ExprShape::ColumnArithmetic(c) => Some(c),
                _ => None,
            };
            if expr.shape == ExprShape::Number {
                self.opts.report(Diagnostic::error(
                    codes::WATERMARK_TYPE,
                    expr.span,
                    format!(
                        "the watermark expression must be a TIMESTAMP, but `{}` is a number",
                        expr.text
                    ),
                ));
            }
            let base_field = base
                .and_then(|c| fields.iter().find(|f| f.name() == c))
                .filter(|f| f.data_type() != &DataType::Null);
            if let Some(c) = base_field {
                if !matches!(c.data_type(), DataType::Timestamp(_, _)) {
                    self.opts.report(
                        Diagnostic::error(
                            codes::WATERMARK_TYPE,
                            expr.span,
                            format!(
                                "the watermark expression must be a TIMESTAMP, but `{}` is {}",
                                expr.text,
                                sql_name(c.data_type(), is_json(c))
                            ),
                        )
                        .with_help(format!(
                            "subtract an interval from a TIMESTAMP column, e.g. `{} - INTERVAL '5' SECOND`",
                            col.node
                        )),
                    );
                } else if c.is_nullable() && !matches!(expr.shape, ExprShape::ColumnArithmetic(_)) {
                    let mut d = Diagnostic::error(
                        codes::WATERMARK_NULLABLE,
                        expr.span,
                        format!(
                            "the watermark expression can be NULL, because column `{}` can be NULL",
                            c.name()
                        ),
                    );
                    // `NOT NULL` goes after the type as written (`TIMESTAMP(3)` stays).
                    let column = def.column_list().iter().find(|d| d.name.node == *c.name());
                    match column.and_then(|d| d.ty.as_ref().map(|t| (t.span, d.nullable))) {
                        Some((ty, None))
                            if matches!(column.map(|d| &d.kind), Some(ColumnKind::Physical)) =>
                        {
                            d = d
                                .with_help(format!(
                                    "declare `{}` NOT NULL: add `NOT NULL` after its type",
                                    c.name()
                                ))
                                .with_fix(Span::new(ty.end, ty.end), " NOT NULL");
                        }
                        _ => d = d.with_help(format!("declare `{}` NOT NULL", c.name())),
                    }
                    self.opts.report(d);
                }
            }
        }
        Some(Watermark {
            column: col.node.clone(),
            expression: first.expr.as_ref().map(|e| e.text.clone()),
        })
    }

    /// What to write for a watermark on a column that is not a TIMESTAMP: a generated
    /// TIMESTAMP column under a new name, and the watermark over it (keeping the
    /// expression's interval). `tests/ddl/watermark/generated_from_bigint.sql` is the
    /// suggestion, compiled.
    fn timestamp_column_help(
        &self,
        column: &str,
        fields: &[Field],
        expr: Option<&SqlExpr>,
    ) -> String {
        let taken = |n: &str| fields.iter().any(|f| f.name() == n);
        let name = ["_time", "_ts", "_timestamp", "_event_time"]
            .iter()
            .map(|suffix| format!("{column}{suffix}"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| format!("{column}_time"));
        let rest = expr
            .and_then(|e| e.text.strip_prefix(column))
            .filter(|r| r.trim_start().starts_with(['-', '+']))
            .map_or_else(|| " - INTERVAL '5' SECOND".to_string(), str::to_string);
        format!(
            "declare `{column}` as a TIMESTAMP, or add a TIMESTAMP column computed from it, `{name} TIMESTAMP GENERATED ALWAYS AS (CAST({column} AS TIMESTAMP))`, and write `WATERMARK FOR {name} AS CAST({column} AS TIMESTAMP){rest}` (a watermark expression reads physical columns, not generated ones)"
        )
    }

    pub(super) fn check_metadata(&mut self) {
        let defs = self.connector.spec().metadata;
        let name = self.connector_name.to_string();
        let cols = self.columns.metadata.clone();
        for (m, key_span, type_span) in cols {
            let Some(def) = defs.iter().find(|d| d.key == m.key) else {
                let keys: Vec<&str> = defs.iter().map(|d| d.key).collect();
                let otherwise = if keys.is_empty() {
                    format!("`{name}` provides no metadata columns")
                } else {
                    format!("`{name}` provides: {}", keys.join(", "))
                };
                self.opts.report(messages::suggest_fix(
                    Diagnostic::error(
                        codes::UNKNOWN_METADATA,
                        key_span,
                        format!("connector `{name}` provides no metadata `{}`", m.key),
                    ),
                    key_span,
                    &m.key,
                    keys.iter().copied(),
                    Some(otherwise),
                ));
                continue;
            };
            let Some(field) = self.columns.fields.iter().find(|f| *f.name() == m.field) else {
                continue;
            };
            if field.data_type() != &def.data_type && field.data_type() != &DataType::Null {
                self.opts.report(
                    Diagnostic::error(
                        codes::METADATA_TYPE,
                        type_span,
                        format!(
                            "metadata `{}` is {}, but column `{}` is declared {}",
                            m.key,
                            sql_name(&def.data_type, false),
                            m.field,
                            sql_name(field.data_type(), is_json(field))
                        ),
                    )
                    .with_help(format!(
                        "declare `{}` as {}",
                        m.field,
                        sql_name(&def.data_type, false),
                    ))
                    // Only the type changes; the rest of the column stays as written.
                    .with_fix(type_span, sql_name(&def.data_type, false)),
                );
            }
        }
    }

    pub(super) fn field_option(
        &mut self,
        spec: &OptionSpec,
        schema: &ConnectionSchema,
    ) -> Option<String> {
        let f = self.opts.column_name(spec, false)?;
        self.opts.report(
            Diagnostic::warning(
                codes::DEPRECATED_OPTION,
                f.span,
                format!("`{}` is deprecated", spec.key),
            )
            .with_help(if spec.key == EVENT_TIME_FIELD.key {
                format!("declare `WATERMARK FOR {}` in the column list", f.node)
            } else {
                format!(
                    "declare `WATERMARK FOR <event time column> AS {}` in the column list",
                    f.node
                )
            }),
        );
        if schema.field(&f.node).is_none() && !schema.fields.is_empty() {
            let known = Known::new(&schema.fields, &schema.generated_fields);
            report_unknown_column(&mut self.opts, &known, &f, &format!("`{}`", spec.key));
        }
        Some(f.node)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, run_stage};
    use super::super::Env;
    use super::*;
    use crate::connector::{ConnectionType, Registry};

    fn watermark(sql: &str) -> (Option<Watermark>, Vec<&'static str>) {
        let registry = Registry::builtin();
        let (w, diags) = run_stage(sql, &Env::new(&registry), |c| {
            let fields = c.columns.fields.clone();
            c.watermark(&fields)
        });
        (w, codes(&diags))
    }

    #[test]
    fn the_watermark_names_a_timestamp_column() {
        let (w, found) = watermark("CREATE TABLE t (ts TIMESTAMP NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (connector = 'kafka')");
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(w.as_ref().map(|w| w.column.as_str()), Some("ts"));
        assert_eq!(
            w.and_then(|w| w.expression).as_deref(),
            Some("ts - INTERVAL '5' SECOND")
        );
        let (_, found) =
            watermark("CREATE TABLE t (ts BIGINT, WATERMARK FOR ts) WITH (connector = 'kafka')");
        assert_eq!(found, ["watermark::type"]);
        let (_, found) = watermark(
            "CREATE TABLE t (ts TIMESTAMP, WATERMARK FOR tss) WITH (connector = 'kafka')",
        );
        assert_eq!(found, ["column::unknown"]);
        let (_, found) = watermark("CREATE TABLE t (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (connector = 'kafka')");
        assert_eq!(found, ["watermark::nullable"]);
    }

    #[test]
    fn metadata_columns_are_checked_against_the_connector() {
        let registry = Registry::builtin();
        let check = |sql: &str| {
            let (_, diags) = run_stage(sql, &Env::new(&registry), |c| c.check_metadata());
            diags
        };
        assert!(check(
            "CREATE TABLE t (p INT METADATA FROM 'partition') WITH (connector = 'kafka')"
        )
        .is_empty());
        let diags =
            check("CREATE TABLE t (p INT METADATA FROM 'partiton') WITH (connector = 'kafka')");
        assert_eq!(codes(&diags), ["metadata::unknown"]);
        assert_eq!(
            diags.first().and_then(|d| d.help.as_deref()),
            Some("did you mean `partition`?")
        );
        let diags =
            check("CREATE TABLE t (p TEXT METADATA FROM 'partition') WITH (connector = 'kafka')");
        assert_eq!(codes(&diags), ["metadata::type"]);
    }

    #[test]
    fn deprecated_field_options_warn() {
        let registry = Registry::builtin();
        let sql = "CREATE TABLE t (ts TIMESTAMP) WITH (connector = 'kafka', type = 'source', event_time_field = 'ts')";
        let (field, diags) = run_stage(sql, &Env::new(&registry), |c| {
            c.opts.set_connection_type(ConnectionType::Source);
            let schema = ConnectionSchema {
                fields: c.columns.fields.clone(),
                format: None,
                framing: None,
                bad_data: None,
                primary_keys: Vec::new(),
                watermark: None,
                metadata_fields: Vec::new(),
                generated_fields: Vec::new(),
                inferred: false,
                definition: None,
            };
            c.field_option(&EVENT_TIME_FIELD, &schema)
        });
        assert_eq!(field.as_deref(), Some("ts"));
        assert!(diags
            .iter()
            .any(|d| d.help.as_deref() == Some("declare `WATERMARK FOR ts` in the column list")));
        assert!(codes(&diags).iter().all(|c| *c == "option::deprecated"));
    }
}
