//! One foreign option at a time: what it becomes ([`Plan`]), its diagnostic, and the edits
//! that carry it out, in the quoting the table was written with.

use std::collections::HashSet;

use crate::diagnostics::{codes, Diagnostic, Fix};
use crate::options::Value;
use crate::parse::{TableDef, WithClause, WithOption};
use crate::profile::redact_url_password;
use crate::span::{Span, Spanned};

use super::rules::{Rule, To, Val, Who};

/// What happens to one option of the table.
pub(super) enum Plan {
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

/// The edits that carry out `plan` for option `i` (`o`).
pub(super) fn option_fixes(
    plan: &Plan,
    o: &WithOption,
    with: &WithClause,
    last_kept: Option<usize>,
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
            // A fix is output as written: it never carries a password in a URL.
            if let Some(v) = value.as_ref().filter(|v| redact_url_password(v).is_none()) {
                fix(o.value.span, quoted(v));
            }
            if !extra.is_empty() {
                let end = o.value.span.end;
                fix(Span::new(end, end), options_text(extra, style));
            }
        }
        Plan::Delete => {
            if let Some(span) = deletion(with, last_kept, i) {
                fix(span, String::new());
            }
        }
    }
    fixes
}

/// `, k = 'v', …` in the key style of the table.
pub(super) fn options_text(options: &[(&'static str, String)], style: KeyStyle) -> String {
    options
        .iter()
        .map(|(k, v)| format!(", {} = {}", style.write(k), quoted(v)))
        .collect()
}

pub(super) fn synthetic(key: &str, value: String, span: Span) -> WithOption {
    WithOption {
        key: Spanned::new(key.to_string(), span),
        value: Spanned::new(Value::String(value), span),
    }
}

/// The plan for option `o` under `rule`, and its diagnostic (none when nothing changes).
pub(super) fn plan_option(
    o: &WithOption,
    rule: &Rule,
    def: &TableDef,
    present: &mut HashSet<String>,
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
            let adds = extra.iter().any(|(k, _)| !present.contains(*k));
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
            present.insert(ours_lower);
            let extra: Vec<(&'static str, String)> = extra
                .into_iter()
                .filter(|(k, _)| present.insert(k.to_string()))
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
pub(super) fn special_value(v: &str, def: &TableDef) -> String {
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

/// Where to add an option: after the value of the last option that stays, and how its
/// key was written.
pub(super) fn last_kept(
    with: &WithClause,
    kept: &[bool],
    source: &str,
) -> Option<(usize, KeyStyle)> {
    with.options
        .iter()
        .zip(kept)
        .rfind(|(_, k)| **k)
        .map(|(o, _)| (o.value.span.end, key_style(source, o.key.span)))
}

/// The text to delete to remove option `i`, with one comma: up to the next option's key,
/// or, for options after the last one that stays, from the end of the value before it (so
/// the deletions at the end of the clause do not overlap and leave no trailing comma).
pub(super) fn deletion(with: &WithClause, last_kept: Option<usize>, i: usize) -> Option<Span> {
    let o = with.options.get(i)?;
    let in_tail = last_kept.is_none_or(|last| i > last);
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
pub(super) enum KeyStyle {
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

pub(super) fn key_style(source: &str, span: Span) -> KeyStyle {
    match source.get(span.start..).and_then(|s| s.chars().next()) {
        Some('\'') => KeyStyle::Single,
        Some('"') => KeyStyle::Double,
        _ => KeyStyle::Bare,
    }
}

/// A SQL string literal.
pub(super) fn quoted(v: &str) -> String {
    format!("'{}'", v.replace('\'', "''"))
}
