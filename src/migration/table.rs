//! What a foreign table as a whole lacks or has otherwise: the `type` Flink never writes,
//! Flink's `PARTITIONED BY` on a file sink, and RisingWave's `properties.*` settings.

use crate::connector::TYPE_KEY;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::{AppliesTo, Value};
use crate::parse::{TableDef, WithClause};
use crate::span::{Span, Spanned};

use super::plan::{quoted, KeyStyle, Plan};

/// What says whether a table without `type` is read or written: options only a source
/// (or a sink) reads, foreign `scan.*`/`sink.*` keys, and a watermark (Flink declares
/// them on the tables it reads).
pub(super) struct Evidence {
    source: Option<String>,
    sink: Option<String>,
}

pub(super) fn type_evidence(
    def: &TableDef,
    with: &WithClause,
    plans: &[(Plan, Option<Diagnostic>)],
    fired: &[usize],
    spec: &crate::connector::ConnectorSpec,
    uses: &super::ScriptUses<'_>,
) -> Evidence {
    let mut source: Option<String> = None;
    let mut sink: Option<String> = None;
    // What Flink itself reads: the script's INSERT and SELECT statements.
    match (uses.writes(&def.name.node), uses.reads(&def.name.node)) {
        (Some(w), None) => sink = Some(w.to_string()),
        (None, Some(r)) => source = Some(r.to_string()),
        _ => {}
    }
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
pub(super) fn missing_type(
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
pub(super) fn partitioning(
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
pub(super) fn client_configs(
    with: &WithClause,
    plans: &mut [(Plan, Option<Diagnostic>)],
    owners: &mut [Option<usize>],
    present: &std::collections::HashSet<String>,
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
        if crate::profile::is_secret_setting(setting)
            || crate::profile::redact_url_password(v).is_some()
            || v.contains([',', '='])
        {
            return;
        }
        found.push((i, setting.to_string(), v.clone()));
    }
    let Some((first, _, _)) = found.first().cloned() else {
        return;
    };
    if present.contains("client_configs") {
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

/// Metadata columns under a key the foreign system names otherwise (Flink's Kafka
/// `offset`, ours `offset_id`): a diagnostic each (its fix writes our key, adding
/// `FROM '…'` when the column's name was the key), the column's index and our key.
pub(super) fn metadata_keys(
    def: &TableDef,
    renames: &[(&'static str, &'static str)],
    who: &str,
    source: &str,
) -> Vec<(Diagnostic, usize, &'static str)> {
    let mut out = Vec::new();
    for (i, c) in def.column_list().iter().enumerate() {
        let crate::parse::ColumnKind::Metadata { key, span, .. } = &c.kind else {
            continue;
        };
        let Some(&(_, ours)) = renames
            .iter()
            .find(|(f, _)| key.node.eq_ignore_ascii_case(f))
        else {
            continue;
        };
        let written_from = source
            .get(key.span.start..)
            .is_some_and(|s| s.starts_with('\''));
        let d = Diagnostic::error(
            codes::FOREIGN_OPTION,
            key.span,
            format!("metadata `{}` is {who} name; here it is `{ours}`", key.node),
        )
        .with_help(format!("write `METADATA FROM '{ours}'`"));
        let keyword = "METADATA".len();
        let d = if written_from {
            d.with_fix(key.span, quoted(ours))
        } else if source
            .get(span.start..span.start + keyword)
            .is_some_and(|w| w.eq_ignore_ascii_case("METADATA"))
        {
            let at = span.start + keyword;
            d.with_fix(Span::new(at, at), format!(" FROM {}", quoted(ours)))
        } else {
            d
        };
        out.push((d, i, ours));
    }
    out
}
