//! Migration help for tables written for Flink SQL or RisingWave: their connector names,
//! option keys and values become ours, each with one diagnostic whose fixes, applied,
//! give a table that compiles with the same meaning. This is not a second dialect: every
//! such table is an error, and the rest of the pipeline sees the translated options only
//! so that it does not pile follow-on errors onto the one mistake.
//!
//! The statement forms RisingWave has and we do not (`CREATE SOURCE`, `CREATE SINK`,
//! `FORMAT … ENCODE …`) are rewritten by the front end (`parse/foreign.rs`).

mod plan;
mod rules;
mod statement;
mod table;
mod uses;

pub(crate) use uses::ScriptUses;

use std::collections::HashSet;

use crate::connector::{Registry, TYPE_KEY};
use crate::diagnostics::{codes, Diagnostic, Fix};
use crate::options::Value;
use crate::parse::foreign::ForeignForm;
use crate::parse::{TableDef, WithClause, WithOption};
use crate::span::{Span, Spanned};

use plan::{last_kept, option_fixes, options_text, plan_option, quoted, synthetic, Plan};
use rules::Rule;
use table::{client_configs, metadata_keys, missing_type, partitioning, type_evidence};

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
    /// Metadata columns (by index) whose foreign key has another name here: compile them
    /// with ours.
    pub metadata_keys: Vec<(usize, &'static str)>,
    /// Flink's `TEMPORARY` (a session table, not a lookup table): compile without it.
    pub temporary_taken: bool,
}

impl Translated {
    fn unchanged(with: Option<WithClause>) -> Self {
        Translated {
            with,
            diagnostics: Vec::new(),
            stop: false,
            removed: Vec::new(),
            partitioned_by_taken: false,
            metadata_keys: Vec::new(),
            temporary_taken: false,
        }
    }
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
    uses: &ScriptUses<'_>,
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
    if form.is_none() && foreign.is_none_or(|f| reads_as_ours(f, &with, conn.as_ref(), source)) {
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
                .with_help(format!("write `connector = '{ours}'`"))
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
    // Keys the table has (or will have): a set, as a table may have many options.
    let mut present: HashSet<String> = with
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
        let heads: HashSet<String> = present
            .iter()
            .filter_map(|k| k.split_once('.').map(|(head, _)| head.to_string()))
            .collect();
        for (i, rule) in weak {
            let (Some(o), Some(slot)) = (with.options.get(i), plans.get_mut(i)) else {
                continue;
            };
            let value = match &o.value.node {
                Value::String(v) => v.to_ascii_lowercase(),
                _ => continue,
            };
            if !heads.contains(&value) {
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
    let last_kept_at = kept.iter().rposition(|k| *k);
    let mut connector_extra = Vec::new();
    if let (Some(f), Some(ours)) = (foreign, ours.as_deref()) {
        if !ours.eq_ignore_ascii_case(f.name) {
            for &(k, v) in f.extra {
                if present.insert(k.to_string()) {
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
        let fixes = option_fixes(plan, o, &with, last_kept_at, i, source);
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
    // Flink's TEMPORARY means "for this session"; ours means a lookup table. A foreign
    // table whose connector cannot be looked up meant Flink's.
    let temporary = def.temporary
        && !((marked || every_key_quoted)
            && spec.is_some_and(|s| !s.can_be(crate::connection_type::ConnectionType::Lookup)));
    if def.temporary && !temporary {
        let at = def.temporary_span;
        // The word and the space after it.
        let end = source
            .get(at.end..)
            .map(|rest| at.end + (rest.len() - rest.trim_start().len()))
            .unwrap_or(at.end);
        out.diagnostics.push(
            Diagnostic::error(
                codes::FOREIGN_OPTION,
                at,
                "Flink's `TEMPORARY` keeps a table for the session; here it makes a lookup table",
            )
            .with_help("remove `TEMPORARY`")
            .with_fix(Span::new(at.start, end), ""),
        );
        out.temporary_taken = true;
    }
    let mut type_value = None;
    if let (Some(spec), Some(ours)) = (spec, ours.as_deref()) {
        if spec.type_option
            && !has_type
            && !temporary
            && form.is_none()
            && (marked || every_key_quoted)
        {
            let evidence = type_evidence(def, &with, &plans, &fired, spec, uses);
            let (mut d, value) = missing_type(&with, evidence, ours, anchor);
            // Flink's Kafka source starts a new group at its committed offsets
            // (`group-offsets`); ours at `latest`: the same meaning needs it written.
            let kafka_default = ours == "kafka" && value == "source" && !d.fixes.is_empty();
            if kafka_default && !present.contains("source.offset") {
                if let (Some(fix), Some((_, style))) = (d.fixes.first_mut(), anchor) {
                    fix.replacement
                        .push_str(&format!(", {} = 'group'", style.write("source.offset")));
                    if let Some(help) = d.help.as_mut() {
                        help.push_str(", and `source.offset = 'group'`: Flink starts at the group's committed offsets, this connector at `latest` unless told");
                    }
                }
            }
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
        if spec.partitions_by_options && !present.contains("partitioning.fields") {
            if let Some((d, fields)) = partitioning(p, anchor) {
                out.diagnostics.push(d);
                out.partitioned_by_taken = true;
                partition_fields = Some(fields);
            }
        }
    }
    let type_value = type_value.map(|(v, _)| v);
    if let (Some(f), true) = (foreign, marked || form.is_some()) {
        for (d, i, ours) in metadata_keys(def, f.metadata, "Flink's", source) {
            out.diagnostics.push(d);
            out.metadata_keys.push((i, ours));
        }
    }
    let synthetic_span = conn.as_ref().map(|(_, n)| n.span).unwrap_or(with.span);
    let mut statement_added = Vec::new();
    if let Some(s) = stmt {
        let (d, added) = s.finish(anchor);
        out.diagnostics.push(d);
        statement_added = added;
    }

    // The options the rest of the pipeline sees.
    let mut options = Vec::with_capacity(with.options.len() + 2);
    let mut stood_in: HashSet<&'static str> = HashSet::new();
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
                    if !present.contains(k) && stood_in.insert(k) {
                        // Its value's span is empty: the text there is the removed key, and
                        // a stand-in `auth.password`'s value span would be masked as secret.
                        let mut stand_in = synthetic(k, v, o.key.span);
                        stand_in.value.span = Span::new(o.key.span.end, o.key.span.end);
                        options.push(stand_in);
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

/// Whether a table naming foreign connector `f` (Kafka is Flink's name too) is ours as
/// written, so that translating it would change nothing: the connector is named as here,
/// no option has a rule that applies by itself (a weak rule applies only in a table
/// foreign by other signs), and not every key is quoted (Flink's style, which makes a
/// missing `type` or `TEMPORARY` read as Flink's). Most tables are plain ones of ours:
/// this keeps the translation's planning (its key sets, fixes and copies) off them.
fn reads_as_ours(
    f: &rules::ForeignConnector,
    with: &WithClause,
    conn: Option<&(usize, Spanned<String>)>,
    source: &str,
) -> bool {
    let Some((at, name)) = conn else {
        return false;
    };
    let named_as_ours = f.ours.is_ok_and(|ours| {
        ours.eq_ignore_ascii_case(f.name) && ours.eq_ignore_ascii_case(&name.node)
    });
    let every_key_quoted = with.options.iter().all(|o| {
        source
            .get(o.key.span.start..)
            .is_some_and(|s| s.starts_with('\''))
    });
    named_as_ours
        && !every_key_quoted
        && with
            .options
            .iter()
            .enumerate()
            .all(|(i, o)| i == *at || rules::rule(f, &o.key.node).is_none_or(|r| r.weak))
}

/// `def` as the rest of the pipeline compiles it after `t`: without a `PARTITIONED BY`
/// that became an option or Flink's `TEMPORARY`, with metadata keys renamed to ours.
pub(crate) fn patched(def: &TableDef, t: &Translated) -> TableDef {
    let mut def = def.clone();
    if t.partitioned_by_taken {
        def.partitioned_by = None;
    }
    if t.temporary_taken {
        def.temporary = false;
        def.temporary_span = Span::DETACHED;
    }
    if let Some(columns) = def.columns.as_mut() {
        for (i, ours) in &t.metadata_keys {
            if let Some(crate::parse::ColumnKind::Metadata { key, .. }) =
                columns.node.get_mut(*i).map(|c| &mut c.kind)
            {
                key.node = (*ours).to_string();
            }
        }
    }
    def
}
