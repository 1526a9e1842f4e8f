//! Migration help for tables written for Flink SQL or RisingWave: their connector names,
//! option keys and values become ours, each with one diagnostic whose fixes, applied,
//! give a table that compiles with the same meaning. This is not a second dialect: every
//! such table is an error, and the rest of the pipeline sees the translated options only
//! so that it does not pile follow-on errors onto the one mistake.
//!
//! The statement forms RisingWave has and we do not (`CREATE SOURCE`, `CREATE SINK`,
//! `FORMAT … ENCODE …`) are rewritten by the front end (`parse/foreign.rs`).

mod rules;
mod statement;

use crate::connector::{Registry, TYPE_KEY};
use crate::diagnostics::{codes, Diagnostic, Fix};
use crate::options::{AppliesTo, Value};
use crate::parse::foreign::ForeignForm;
use crate::parse::{TableDef, WithClause, WithOption};
use crate::span::{Span, Spanned};

use rules::{Rule, To, Val, Who};

/// A table's WITH clause after translation, and what was said about it.
pub(crate) struct Translated {
    /// The options the rest of the pipeline compiles: ours, where a mapping is known.
    pub with: Option<WithClause>,
    /// One diagnostic per foreign option, connector or missing `type`.
    pub diagnostics: Vec<Diagnostic>,
    /// The connector has no equivalent here: there is nothing more to check.
    pub stop: bool,
    /// Options left out of `with` (their values may be secret: the caller masks them).
    pub removed: Vec<WithOption>,
    /// Flink's `PARTITIONED BY` became `partitioning.fields`: compile without the clause.
    pub partitioned_by_taken: bool,
}

impl Translated {
    fn unchanged(with: Option<WithClause>) -> Self {
        Translated {
            with,
            diagnostics: Vec::new(),
            stop: false,
            removed: Vec::new(),
            partitioned_by_taken: false,
        }
    }
}

/// What happens to one option of the table.
pub(crate) enum Plan {
    Keep,
    /// Written under our key (and value), with options to add.
    Change {
        key: Option<&'static str>,
        value: Option<String>,
        extra: Vec<(&'static str, String)>,
    },
    /// Left out, with a fix that deletes it.
    Delete,
    /// Left out (no fix: the user decides); the rest of the table is checked with these
    /// stand-ins instead.
    Remove(Vec<(&'static str, String)>),
}

/// Translates the WITH clause of `def` when it is written for Flink or RisingWave
/// (`form` holds what a RisingWave statement had beyond a `CREATE TABLE`). `source` is the
/// SQL text the spans point into (fixes keep the quoting written there).
pub(crate) fn translate(
    def: &TableDef,
    with: Option<WithClause>,
    registry: &Registry,
    source: &str,
    form: Option<&ForeignForm>,
) -> Translated {
    let Some(mut with) = with else {
        let mut out = Translated::unchanged(None);
        if let Some(form) = form {
            out.diagnostics.push(statement::without_options(form));
        }
        return out;
    };
    let conn =
        with.options
            .iter()
            .enumerate()
            .find_map(|(i, o)| match (&o.key.node, &o.value.node) {
                (k, Value::String(v)) if k.eq_ignore_ascii_case("connector") => {
                    Some((i, Spanned::new(v.clone(), o.value.span)))
                }
                _ => None,
            });
    // A connector registered here under that name (a third party's) is not foreign.
    let foreign = conn
        .as_ref()
        .and_then(|(_, name)| rules::connector(&name.node))
        .filter(|f| match f.ours {
            Ok(ours) => ours.eq_ignore_ascii_case(f.name) || registry.get(f.name).is_none(),
            Err(_) => registry.get(f.name).is_none(),
        });
    let mut out = Translated::unchanged(None);
    if let (Some(f), Some((_, name))) = (foreign, &conn) {
        if let Err(help) = f.ours {
            out.diagnostics.push(
                Diagnostic::error(
                    codes::FOREIGN_UNSUPPORTED,
                    name.span,
                    format!(
                        "`{}` is {} connector, and it has no equivalent here",
                        name.node,
                        f.who.possessive()
                    ),
                )
                .with_help(help),
            );
            out.stop = true;
            out.with = Some(with);
            return out;
        }
    }
    if foreign.is_none() && form.is_none() {
        return Translated::unchanged(Some(with));
    }
    let ours = match (foreign.map(|f| f.ours), &conn) {
        (Some(Ok(ours)), _) => Some(ours.to_string()),
        (_, Some((_, name))) => Some(name.node.clone()),
        _ => None,
    };
    let spec = ours
        .as_deref()
        .and_then(|o| registry.get(o))
        .map(|c| c.spec());
    let mut marked = false;
    if let (Some(f), Some((at, name)), Some(ours)) = (foreign, &conn, ours.as_deref()) {
        if !ours.eq_ignore_ascii_case(&name.node) {
            marked = true;
            out.diagnostics.push(
                Diagnostic::error(
                    codes::FOREIGN_OPTION,
                    name.span,
                    format!(
                        "`{}` is {} connector; here it is `{ours}`",
                        name.node,
                        f.who.possessive()
                    ),
                )
                .with_fix(name.span, quoted(ours)),
            );
            if let Some(o) = with.options.get_mut(*at) {
                o.value.node = Value::String(ours.to_string());
            }
        }
    }
    let conn_at = conn.as_ref().map(|(i, _)| *i);

    // Plan every option first: deletions need to know their neighbours' fate.
    let rule_of = |o: &WithOption| foreign.and_then(|f| rules::rule(f, &o.key.node));
    let mut present: Vec<String> = with
        .options
        .iter()
        .filter(|o| rule_of(o).is_none())
        .map(|o| o.key.node.to_ascii_lowercase())
        .collect();
    let mut plans: Vec<(Plan, Option<Diagnostic>)> = Vec::with_capacity(with.options.len());
    let mut fired: Vec<usize> = Vec::new();
    let mut reported: Vec<(&str, usize)> = Vec::new();
    let mut weak: Vec<(usize, &'static Rule)> = Vec::new();
    for (i, o) in with.options.iter().enumerate() {
        let rule = match rule_of(o) {
            Some(r) if Some(i) != conn_at && !r.weak => r,
            Some(r) if Some(i) != conn_at => {
                weak.push((i, r));
                plans.push((Plan::Keep, None));
                continue;
            }
            _ => {
                plans.push((Plan::Keep, None));
                continue;
            }
        };
        let (plan, mut diag) = plan_option(o, rule, def, &mut present);
        if diag.is_some() {
            marked = true;
            fired.push(i);
        }
        // One feature with no equivalent is said once; its other options are labels.
        let group = rule.group.or(rule.prefix.then_some(rule.key));
        if let (Plan::Remove(_), Some(g), Some(_)) = (&plan, group, &diag) {
            if let Some(first) = reported.iter().find(|(x, _)| *x == g).map(|(_, at)| *at) {
                if let Some((_, Some(d))) = plans.get_mut(first) {
                    d.labels.push(crate::diagnostics::Label {
                        span: o.key.span,
                        message: "no equivalent either".into(),
                    });
                }
                diag = None;
            } else {
                reported.push((g, i));
            }
        }
        plans.push((plan, diag));
    }
    // Keys that are ours too are read as foreign only in a table foreign by other signs;
    // a table that already has the format's options (`avro.schema_file`) means ours.
    if marked || form.is_some() {
        for (i, rule) in weak {
            let (Some(o), Some(slot)) = (with.options.get(i), plans.get_mut(i)) else {
                continue;
            };
            let value = match &o.value.node {
                Value::String(v) => v.to_ascii_lowercase(),
                _ => continue,
            };
            let configured = present.iter().any(|k| k.starts_with(&format!("{value}.")));
            if !configured {
                *slot = plan_option(o, rule, def, &mut present);
            }
        }
    }
    // RisingWave's other `properties.*` are librdkafka's settings, as ours: one option.
    let mut owners: Vec<Option<usize>> = vec![None; plans.len()];
    if form.is_some() {
        if let Some(f) = foreign {
            let generic =
                |key: &str| rules::rule(f, key).is_some_and(|r| r.prefix && r.key == "properties.");
            client_configs(&with, &mut plans, &mut owners, &present, generic);
        }
    }
    // A RisingWave statement: its own diagnostic, which may take over some options.
    let mut stmt = form.map(|f| statement::plan(f, &with, spec, &mut plans, &mut present, source));

    // The fixes. Keys and values keep the quoting written; deletions take the comma.
    let kept: Vec<bool> = plans
        .iter()
        .map(|(p, _)| matches!(p, Plan::Keep | Plan::Change { .. }))
        .collect();
    let anchor = last_kept(&with, &kept, source);
    let mut connector_extra = Vec::new();
    if let (Some(f), Some(ours)) = (foreign, ours.as_deref()) {
        if !ours.eq_ignore_ascii_case(f.name) {
            for &(k, v) in f.extra {
                if !present.iter().any(|p| p == k) {
                    present.push(k.to_string());
                    connector_extra.push((k, v.to_string()));
                }
            }
        }
    }
    let mut pushed_at: Vec<Option<usize>> = vec![None; plans.len()];
    for (i, (plan, diag)) in plans.iter_mut().enumerate() {
        let Some(o) = with.options.get(i) else {
            continue;
        };
        let fixes = option_fixes(plan, o, &with, &kept, i, source);
        let owner = owners
            .get(i)
            .copied()
            .flatten()
            .and_then(|j| pushed_at.get(j).copied().flatten());
        match (diag.take(), owner, stmt.as_mut()) {
            (Some(mut d), _, _) => {
                d.fixes.extend(fixes);
                if let Some(slot) = pushed_at.get_mut(i) {
                    *slot = Some(out.diagnostics.len());
                }
                out.diagnostics.push(d);
            }
            (None, Some(at), _) => {
                if let Some(d) = out.diagnostics.get_mut(at) {
                    d.fixes.extend(fixes);
                }
            }
            (None, None, Some(s)) => s.fixes.extend(fixes),
            (None, None, None) => {}
        }
    }
    if !connector_extra.is_empty() {
        if let (Some((at, style)), Some(d)) = (anchor, out.diagnostics.first_mut()) {
            let text = options_text(&connector_extra, style);
            d.fixes.push(Fix {
                span: Span::new(at, at),
                replacement: text,
            });
        }
    }

    // Flink never writes `type`: it infers it from the queries. Here the table says it.
    let has_type = with
        .options
        .iter()
        .any(|o| o.key.node.eq_ignore_ascii_case(TYPE_KEY))
        || stmt
            .as_ref()
            .is_some_and(|s| s.add.iter().any(|(k, _)| *k == TYPE_KEY));
    let every_key_quoted = with.options.iter().all(|o| {
        source
            .get(o.key.span.start..)
            .is_some_and(|s| s.starts_with('\''))
    });
    let mut type_value = None;
    if let (Some(spec), Some(ours)) = (spec, ours.as_deref()) {
        if spec.type_option
            && !has_type
            && !def.temporary
            && form.is_none()
            && (marked || every_key_quoted)
        {
            let evidence = type_evidence(def, &with, &plans, &fired, spec);
            let (d, value) = missing_type(&with, evidence, ours, anchor);
            type_value = Some((value, !d.fixes.is_empty()));
            out.diagnostics.push(d);
        }
    }
    // Flink partitions a file sink with `PARTITIONED BY`; ours with `partitioning.fields`.
    let written_type = with
        .options
        .iter()
        .find_map(|o| match (&o.key.node, &o.value.node) {
            (k, Value::String(v)) if k.eq_ignore_ascii_case(TYPE_KEY) => {
                Some(v.to_ascii_lowercase())
            }
            _ => None,
        });
    let is_sink = written_type.as_deref() == Some("sink") || type_value == Some(("sink", true));
    let mut partition_fields = None;
    if let (Some(spec), Some(p), true, true) = (spec, &def.partitioned_by, is_sink, marked) {
        if spec.partitions_by_options && !present.iter().any(|k| k == "partitioning.fields") {
            if let Some((d, fields)) = partitioning(p, anchor) {
                out.diagnostics.push(d);
                out.partitioned_by_taken = true;
                partition_fields = Some(fields);
            }
        }
    }
    let type_value = type_value.map(|(v, _)| v);
    let synthetic_span = conn.as_ref().map(|(_, n)| n.span).unwrap_or(with.span);
    let mut statement_added = Vec::new();
    if let Some(s) = stmt {
        let (d, added) = s.finish(anchor);
        out.diagnostics.push(d);
        statement_added = added;
    }

    // The options the rest of the pipeline sees.
    let mut options = Vec::with_capacity(with.options.len() + 2);
    for (o, (plan, _)) in std::mem::take(&mut with.options).into_iter().zip(plans) {
        match plan {
            Plan::Keep => options.push(o),
            Plan::Change { key, value, extra } => {
                let span = o.value.span;
                let key = match key {
                    Some(k) => Spanned::new(k.to_string(), o.key.span),
                    None => o.key,
                };
                let value = match value {
                    Some(v) => Spanned::new(Value::String(v), span),
                    None => o.value,
                };
                options.push(WithOption { key, value });
                for (k, v) in extra {
                    options.push(synthetic(k, v, span));
                }
            }
            Plan::Delete => out.removed.push(o),
            Plan::Remove(stand_in) => {
                for (k, v) in stand_in {
                    if !options.iter().any(|x: &WithOption| x.key.node == k) {
                        options.push(synthetic(k, v, o.key.span));
                    }
                }
                out.removed.push(o);
            }
        }
    }
    for (k, v) in connector_extra.into_iter().chain(statement_added) {
        options.push(synthetic(k, v, synthetic_span));
    }
    if let Some(t) = type_value {
        options.push(synthetic(TYPE_KEY, t.to_string(), synthetic_span));
    }
    if let (Some(fields), Some(p)) = (partition_fields, &def.partitioned_by) {
        options.push(synthetic("partitioning.fields", fields, p.span));
    }
    with.options = options;
    out.with = Some(with);
    out
}

/// The edits that carry out `plan` for option `i` (`o`).
fn option_fixes(
    plan: &Plan,
    o: &WithOption,
    with: &WithClause,
    kept: &[bool],
    i: usize,
    source: &str,
) -> Vec<Fix> {
    let style = key_style(source, o.key.span);
    let mut fixes = Vec::new();
    let mut fix = |span: Span, replacement: String| fixes.push(Fix { span, replacement });
    match plan {
        Plan::Keep | Plan::Remove(_) => {}
        Plan::Change { key, value, extra } => {
            if let Some(k) = key {
                fix(o.key.span, style.write(k));
            }
            if let Some(v) = value {
                fix(o.value.span, quoted(v));
            }
            if !extra.is_empty() {
                let end = o.value.span.end;
                fix(Span::new(end, end), options_text(extra, style));
            }
        }
        Plan::Delete => {
            if let Some(span) = deletion(with, kept, i) {
                fix(span, String::new());
            }
        }
    }
    fixes
}

/// `, k = 'v', …` in the key style of the table.
pub(crate) fn options_text(options: &[(&'static str, String)], style: KeyStyle) -> String {
    options
        .iter()
        .map(|(k, v)| format!(", {} = {}", style.write(k), quoted(v)))
        .collect()
}

fn synthetic(key: &str, value: String, span: Span) -> WithOption {
    WithOption {
        key: Spanned::new(key.to_string(), span),
        value: Spanned::new(Value::String(value), span),
    }
}

/// The plan for option `o` under `rule`, and its diagnostic (none when nothing changes).
fn plan_option(
    o: &WithOption,
    rule: &Rule,
    def: &TableDef,
    present: &mut Vec<String>,
) -> (Plan, Option<Diagnostic>) {
    let key = &o.key.node;
    let who = rule.who.possessive();
    let written = match &o.value.node {
        Value::String(s) | Value::Number(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    // A value listed by the rule decides first: some values of a mapped key have no
    // equivalent, some of an unmapped key are what we do anyway.
    let listed = written.as_deref().and_then(|w| rule.value(w));
    let shown = written.as_deref().unwrap_or("…");
    match (rule.to, listed) {
        (_, Some(Val::Drop(why))) | (To::Drop(why), None | Some(Val::Is(..))) => (
            Plan::Delete,
            Some(
                Diagnostic::error(
                    codes::FOREIGN_OPTION,
                    o.key.span,
                    format!("`{key}` is {who} option, and it is not needed here: {why}"),
                )
                .with_help(format!("remove `{key}`")),
            ),
        ),
        (to, Some(Val::No(help))) => (
            Plan::Remove(match to {
                // A format is needed to check the rest of the table.
                To::Key("format") => vec![("format", "json".to_string())],
                _ => Vec::new(),
            }),
            Some(
                Diagnostic::error(
                    codes::FOREIGN_UNSUPPORTED,
                    o.value.span,
                    format!("`{key} = '{shown}'` ({who}) has no equivalent here"),
                )
                .with_help(help),
            ),
        ),
        (To::No(help), None | Some(Val::Is(..))) => (
            Plan::Remove(
                rule.stand_in
                    .iter()
                    .map(|(k, v)| (*k, v.to_string()))
                    .collect(),
            ),
            Some(
                Diagnostic::error(
                    codes::FOREIGN_UNSUPPORTED,
                    o.key.span,
                    format!("`{key}` is {who} option, and it has no equivalent here"),
                )
                .with_help(help),
            ),
        ),
        (To::Key(ours), listed) => {
            let (value, mut extra) = match listed {
                Some(Val::Is(v, extra)) => (Some(special_value(v, def)), extra.to_vec()),
                _ => (None, Vec::new()),
            };
            extra.extend_from_slice(rule.extra);
            let value = match (rule.compute, written.as_deref()) {
                (Some(f), Some(w)) => match f(w) {
                    Ok(v) => Some(v),
                    Err(help) => {
                        return (
                            Plan::Remove(Vec::new()),
                            Some(
                                Diagnostic::error(
                                    codes::FOREIGN_OPTION,
                                    o.key.span,
                                    format!("`{key}` is {who} option; here it is `{ours}`"),
                                )
                                .with_help(help),
                            ),
                        )
                    }
                },
                _ => value,
            };
            let value = value.filter(|v| written.as_deref() != Some(v.as_str()));
            let renamed = !ours.eq_ignore_ascii_case(key);
            let adds = extra.iter().any(|(k, _)| !present.iter().any(|p| p == k));
            if !renamed && value.is_none() && !adds {
                return (Plan::Keep, None);
            }
            let ours_lower = ours.to_ascii_lowercase();
            if renamed && present.contains(&ours_lower) {
                return (
                    Plan::Delete,
                    Some(
                        Diagnostic::error(
                            codes::FOREIGN_OPTION,
                            o.key.span,
                            format!("`{key}` is {who} option for `{ours}`, which is already set"),
                        )
                        .with_help(format!("remove `{key}`")),
                    ),
                );
            }
            present.push(ours_lower);
            let extra: Vec<(&'static str, String)> = extra
                .into_iter()
                .filter(|(k, _)| {
                    let new = !present.iter().any(|p| p == k);
                    if new {
                        present.push(k.to_string());
                    }
                    new
                })
                .map(|(k, v)| (k, v.to_string()))
                .collect();
            let added: Vec<String> = extra
                .iter()
                .map(|(k, v)| format!("`{k} = '{v}'`"))
                .collect();
            let also = if added.is_empty() {
                String::new()
            } else {
                format!(" with {}", added.join(" and "))
            };
            let message = match (&value, renamed) {
                (Some(v), _) => format!(
                    "`{key} = '{shown}'` is {}; here it is `{ours} = '{v}'`{also}",
                    // A value of Flink's own vocabulary (`earliest-offset`).
                    if rule.who == Who::Both {
                        "Flink's"
                    } else {
                        who
                    }
                ),
                (None, true) => format!("`{key}` is {who} name; here it is `{ours}`{also}"),
                (None, false) => format!(
                    "`{key} = '{shown}'` means more here than in {}: write it{also}",
                    who.trim_end_matches("'s")
                ),
            };
            let help = match (&value, renamed) {
                (Some(v), _) => format!("write `{ours} = '{v}'`{also}"),
                (None, true) => format!("rename it `{ours}`{also}"),
                (None, false) => format!("add{}", also.trim_start_matches(" with")),
            };
            let d = Diagnostic::error(codes::FOREIGN_OPTION, o.key.span, message).with_help(help);
            (
                Plan::Change {
                    key: renamed.then_some(ours),
                    value,
                    extra,
                },
                Some(d),
            )
        }
    }
}

/// Our value `v`, adjusted to the table: Flink's `raw` reads bytes into a BYTES column.
fn special_value(v: &str, def: &TableDef) -> String {
    let binary = def.column_list().iter().any(|c| {
        matches!(c.kind, crate::parse::ColumnKind::Physical)
            && c.ty.as_ref().is_some_and(|t| {
                matches!(
                    t.data_type,
                    arrow_schema::DataType::Binary | arrow_schema::DataType::LargeBinary
                )
            })
    });
    if v == "raw_string" && binary {
        "raw_bytes".to_string()
    } else {
        v.to_string()
    }
}

/// What says whether a table without `type` is read or written: options only a source
/// (or a sink) reads, foreign `scan.*`/`sink.*` keys, and a watermark (Flink declares
/// them on the tables it reads).
struct Evidence {
    source: Option<String>,
    sink: Option<String>,
}

fn type_evidence(
    def: &TableDef,
    with: &WithClause,
    plans: &[(Plan, Option<Diagnostic>)],
    fired: &[usize],
    spec: &crate::connector::ConnectorSpec,
) -> Evidence {
    let mut source: Option<String> = None;
    let mut sink: Option<String> = None;
    if let Some(w) = def.watermarks.first() {
        source = Some(format!("`WATERMARK FOR {}`", w.column.node));
    }
    for (o, (plan, _)) in with.options.iter().zip(plans) {
        let key = match plan {
            Plan::Change { key: Some(k), .. } => *k,
            Plan::Keep | Plan::Change { key: None, .. } => o.key.node.as_str(),
            _ => continue,
        };
        let Some(s) = spec.table_options.iter().find(|s| s.matches(key)) else {
            continue;
        };
        let written = &o.key.node;
        if s.applies == AppliesTo::SOURCE && source.is_none() {
            source = Some(format!("`{written}`"));
        } else if s.applies == AppliesTo::SINK && sink.is_none() {
            sink = Some(format!("`{written}`"));
        }
    }
    for i in fired {
        if let Some(o) = with.options.get(*i) {
            let k = o.key.node.to_ascii_lowercase();
            if (k.starts_with("scan.") || k.starts_with("source.")) && source.is_none() {
                source = Some(format!("`{}`", o.key.node));
            } else if k.starts_with("sink.") && sink.is_none() {
                sink = Some(format!("`{}`", o.key.node));
            }
        }
    }
    Evidence { source, sink }
}

/// The diagnostic for a foreign table without `type`, and the type the rest of the
/// pipeline assumes.
fn missing_type(
    with: &WithClause,
    evidence: Evidence,
    ours: &str,
    anchor: Option<(usize, KeyStyle)>,
) -> (Diagnostic, &'static str) {
    let at = Span::new(
        with.span.start,
        with.span.start.saturating_add(4).min(with.span.end),
    );
    let message = "`type` is not set: Flink decides whether a table is read or written from the queries that use it; here the table says so";
    let d = Diagnostic::error(codes::FOREIGN_TYPE, at, message);
    let insert = |d: Diagnostic, value: &str| match anchor {
        Some((end, style)) => d.with_fix(
            Span::new(end, end),
            format!(", {} = '{value}'", style.write(TYPE_KEY)),
        ),
        None => d,
    };
    match (evidence.source, evidence.sink) {
        (Some(why), None) => (
            insert(d, "source").with_help(format!(
                "{why} makes it a table that is read: add `type = 'source'`"
            )),
            "source",
        ),
        (None, Some(why)) => (
            insert(d, "sink").with_help(format!(
                "{why} makes it a table that is written: add `type = 'sink'`"
            )),
            "sink",
        ),
        _ => (
            d.with_help(format!(
                "add `type = 'source'` if queries read this `{ours}` table, or `type = 'sink'` if they write it"
            )),
            "source",
        ),
    }
}

/// Flink's `PARTITIONED BY (a, b)` on a file sink as `partitioning.fields = 'a, b'`: the
/// diagnostic (with the clause removed and the option added) and the fields; `None` when
/// the clause has more than column names.
fn partitioning(
    p: &Spanned<Vec<crate::parse::SqlExpr>>,
    anchor: Option<(usize, KeyStyle)>,
) -> Option<(Diagnostic, String)> {
    let names: Option<Vec<String>> = p
        .node
        .iter()
        .map(|e| match &e.shape {
            crate::parse::ExprShape::Column(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let fields = names?.join(", ");
    let (at, style) = anchor?;
    let option = format!(
        "{} = {}",
        style.write("partitioning.fields"),
        quoted(&fields)
    );
    let d = Diagnostic::error(
        codes::FOREIGN_OPTION,
        p.span,
        "Flink partitions a file sink with `PARTITIONED BY`; here it is the option `partitioning.fields`",
    )
    .with_help(format!("remove `PARTITIONED BY` and write `{option}`"))
    .with_fix(p.span, "")
    .with_fix(Span::new(at, at), format!(", {option}"));
    Some((d, fields))
}

/// RisingWave's `properties.<setting>` options (librdkafka's settings, the same names as
/// ours) folded into one `client_configs = 'setting=value,…'`: the first becomes it, the
/// others are deleted by the same diagnostic (`owners`). Left alone (each reported as
/// having no equivalent) when `client_configs` is set already, or when a setting is a
/// credential or its value has a `,` or `=`: a fix must not carry a secret.
fn client_configs(
    with: &WithClause,
    plans: &mut [(Plan, Option<Diagnostic>)],
    owners: &mut [Option<usize>],
    present: &[String],
    generic: impl Fn(&str) -> bool,
) {
    const PREFIX: &str = "properties.";
    let mut found: Vec<(usize, String, String)> = Vec::new();
    for (i, (o, (plan, _))) in with.options.iter().zip(plans.iter()).enumerate() {
        let key = o.key.node.to_ascii_lowercase();
        let (Plan::Remove(_), Some(setting), Value::String(v)) =
            (plan, key.strip_prefix(PREFIX), &o.value.node)
        else {
            continue;
        };
        if !generic(&key) {
            continue;
        }
        if crate::profile::is_secret_setting(setting) || v.contains([',', '=']) {
            return;
        }
        found.push((i, setting.to_string(), v.clone()));
    }
    let Some((first, _, _)) = found.first().cloned() else {
        return;
    };
    if present.iter().any(|k| k == "client_configs") {
        return;
    }
    let value: Vec<String> = found.iter().map(|(_, k, v)| format!("{k}={v}")).collect();
    let value = value.join(",");
    let mut d = Diagnostic::error(
        codes::FOREIGN_OPTION,
        with.options
            .get(first)
            .map(|o| o.key.span)
            .unwrap_or(with.span),
        "RisingWave's `properties.*` client settings are one option here, `client_configs`",
    )
    .with_help(format!("write `client_configs = '{value}'`"));
    for (i, _, _) in found.iter().skip(1) {
        if let Some(o) = with.options.get(*i) {
            d.labels.push(crate::diagnostics::Label {
                span: o.key.span,
                message: "also a client setting".into(),
            });
        }
        if let Some(slot) = plans.get_mut(*i) {
            *slot = (Plan::Delete, None);
        }
        if let Some(owner) = owners.get_mut(*i) {
            *owner = Some(first);
        }
    }
    if let Some(slot) = plans.get_mut(first) {
        *slot = (
            Plan::Change {
                key: Some("client_configs"),
                value: Some(value),
                extra: Vec::new(),
            },
            Some(d),
        );
    }
}

/// Where to add an option: after the value of the last option that stays, and how its
/// key was written.
fn last_kept(with: &WithClause, kept: &[bool], source: &str) -> Option<(usize, KeyStyle)> {
    with.options
        .iter()
        .zip(kept)
        .rfind(|(_, k)| **k)
        .map(|(o, _)| (o.value.span.end, key_style(source, o.key.span)))
}

/// The text to delete to remove option `i`, with one comma: up to the next option's key,
/// or, for options after the last one that stays, from the end of the value before it (so
/// the deletions at the end of the clause do not overlap and leave no trailing comma).
fn deletion(with: &WithClause, kept: &[bool], i: usize) -> Option<Span> {
    let o = with.options.get(i)?;
    let in_tail = !kept.iter().skip(i).any(|k| *k);
    match (in_tail, with.options.get(i + 1)) {
        (false, Some(next)) => Some(Span::new(o.key.span.start, next.key.span.start)),
        _ => {
            let prev = i.checked_sub(1).and_then(|p| with.options.get(p));
            let start = prev.map(|p| p.value.span.end).unwrap_or(o.key.span.start);
            Some(Span::new(start, o.value.span.end))
        }
    }
}

/// How a key was written: quoted (Flink's docs) or bare (RisingWave's and ours).
#[derive(Clone, Copy)]
pub(crate) enum KeyStyle {
    Single,
    Double,
    Bare,
}

impl KeyStyle {
    pub(crate) fn write(self, key: &str) -> String {
        match self {
            KeyStyle::Single => format!("'{key}'"),
            KeyStyle::Double => format!("\"{key}\""),
            KeyStyle::Bare => key.to_string(),
        }
    }
}

fn key_style(source: &str, span: Span) -> KeyStyle {
    match source.get(span.start..).and_then(|s| s.chars().next()) {
        Some('\'') => KeyStyle::Single,
        Some('"') => KeyStyle::Double,
        _ => KeyStyle::Bare,
    }
}

/// A SQL string literal.
pub(crate) fn quoted(v: &str) -> String {
    format!("'{}'", v.replace('\'', "''"))
}
