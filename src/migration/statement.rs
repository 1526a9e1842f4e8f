//! One diagnostic per RisingWave statement (`CREATE SOURCE`, `CREATE SINK`, a table with
//! `FORMAT … ENCODE …`): what it is here, and, when the translation is certain, the edits
//! that rewrite it into a `CREATE TABLE` with `type` and `format` options.

use std::collections::HashSet;

use crate::connector::{ConnectorSpec, FormatRule, TYPE_KEY};
use crate::diagnostics::{codes, Diagnostic, Fix};
use crate::parse::foreign::{ForeignForm, FormKind};
use crate::parse::{WithClause, WithOption};
use crate::span::Span;

use super::plan::{options_text, quoted, KeyStyle, Plan};

/// The statement's diagnostic, being built.
pub(super) struct StatementPlan<'a> {
    form: &'a ForeignForm,
    /// The edits (dropped when the translation is not certain).
    pub fixes: Vec<Fix>,
    /// Options the table gets (type, format and the format's options).
    pub add: Vec<(&'static str, String)>,
    /// Options the rest of the table is checked with where there is no equivalent.
    stand_in: Vec<(&'static str, String)>,
    /// Settings the statement's own options become (RisingWave's sink `type`).
    changed: Vec<String>,
    /// Why the translation is not certain; empty when it is.
    uncertain: Vec<String>,
    /// The `INSERT INTO` that feeds a sink, appended after the statement.
    insert: Option<String>,
    /// The metadata columns `INCLUDE` clauses become, `, k BYTEA METADATA FROM 'key'…`.
    columns: String,
}

fn option_value(o: &WithOption) -> Option<&str> {
    match &o.value.node {
        crate::options::Value::String(s) => Some(s),
        _ => None,
    }
}

/// Plans the statement `form` over its WITH clause (`spec` is its connector's, when known),
/// taking over the options RisingWave's sinks have and ours do not.
pub(super) fn plan<'a>(
    form: &'a ForeignForm,
    with: &WithClause,
    spec: Option<&ConnectorSpec>,
    plans: &mut [(Plan, Option<Diagnostic>)],
    present: &mut HashSet<String>,
    source: &str,
) -> StatementPlan<'a> {
    let mut s = StatementPlan {
        form,
        fixes: Vec::new(),
        add: Vec::new(),
        stand_in: Vec::new(),
        changed: Vec::new(),
        uncertain: Vec::new(),
        insert: None,
        columns: String::new(),
    };
    let connector = with
        .options
        .iter()
        .find(|o| o.key.node.eq_ignore_ascii_case("connector"))
        .and_then(option_value)
        .unwrap_or("")
        .to_ascii_lowercase();
    let takes_type = spec.is_none_or(|s| s.type_option);
    let wanted = match form.kind {
        FormKind::Sink => "sink",
        FormKind::Source | FormKind::Table => "source",
    };
    // Whether the table has `key` already; it has it from now on.
    let has = |key: &str, present: &mut HashSet<String>| !present.insert(key.to_string());
    // RisingWave's sinks have their own `type` (append-only or upsert) and options.
    for (i, o) in with.options.iter().enumerate() {
        let key = o.key.node.to_ascii_lowercase();
        let Some(slot) = plans.get_mut(i) else {
            continue;
        };
        match key.as_str() {
            TYPE_KEY if form.kind == FormKind::Sink => {
                let v = option_value(o).unwrap_or("").to_ascii_lowercase();
                if v == "upsert" {
                    s.uncertain.push("RisingWave's upsert sinks (`type = 'upsert'`) have no equivalent here; a sink with `format = 'debezium_json'` writes a changelog".into());
                    *slot = (Plan::Remove(Vec::new()), None);
                } else if v == "append-only" && takes_type {
                    s.changed.push("type = 'sink'".into());
                    *slot = (
                        Plan::Change {
                            key: None,
                            value: Some("sink".into()),
                            extra: Vec::new(),
                        },
                        None,
                    );
                } else if v == "append-only" {
                    *slot = (Plan::Delete, None);
                }
            }
            "force_append_only" if form.kind == FormKind::Sink => *slot = (Plan::Delete, None),
            "primary_key" if form.kind == FormKind::Sink => {
                s.uncertain
                    .push("a sink's `primary_key` (for upserts) has no equivalent here".into());
                *slot = (Plan::Remove(Vec::new()), None);
            }
            _ => {}
        }
    }
    if takes_type && !has(TYPE_KEY, present) {
        s.add.push((TYPE_KEY, wanted.to_string()));
    }
    // RisingWave's Kafka and Kinesis sources start at `earliest` unless told; ours at
    // `latest`: the same meaning needs it written.
    let reads = matches!(form.kind, FormKind::Source | FormKind::Table);
    if reads && matches!(connector.as_str(), "kafka" | "kinesis") && !has("source.offset", present)
    {
        s.add.push(("source.offset", "earliest".to_string()));
    }
    // The format.
    let needs_format = spec.is_none_or(|s| s.formats.rule == FormatRule::Required);
    match &form.format {
        Some(f) => match format_of(f, &connector) {
            Ok(options) => {
                for (k, v) in options {
                    if !has(k, present) {
                        s.add.push((k, v));
                    }
                }
            }
            Err(why) => {
                s.uncertain.push(why);
                if needs_format && !has("format", present) {
                    // Only so the rest of the table is checked; the statement is an error.
                    s.stand_in.push(("format", "json".into()));
                }
            }
        },
        None if form.kind == FormKind::Sink && needs_format && !has("format", present) => {
            // RisingWave's older sinks (`type = 'append-only'`) write JSON; a connector
            // without JSON (Delta Lake) writes its own.
            let allowed = spec.map(|s| s.formats.allowed).unwrap_or(&[]);
            let format = if allowed.is_empty() || allowed.contains(&"json") {
                "json"
            } else {
                allowed.first().copied().unwrap_or("json")
            };
            s.add.push(("format", format.into()));
        }
        None => {}
    }
    // `INCLUDE …` becomes a metadata column.
    let mut columns = String::new();
    for inc in &form.includes {
        let mapped = match inc.what.as_str() {
            "key" => Some(("key", "BYTEA")),
            "partition" => Some(("partition", "INT")),
            "offset" => Some(("offset_id", "BIGINT")),
            "timestamp" => Some(("timestamp", "BIGINT")),
            _ => None,
        };
        let provided = |k: &str| spec.is_some_and(|s| s.metadata.iter().any(|m| m.key == k));
        match (mapped, form.columns_end) {
            (Some((key, ty)), Some(_)) if provided(key) => {
                let name = inc
                    .alias
                    .clone()
                    .unwrap_or_else(|| format!("_rw_{connector}_{}", inc.what));
                columns.push_str(&format!(", {name} {ty} METADATA FROM '{key}'"));
            }
            (Some(_), None) => s.uncertain.push(format!(
                "`INCLUDE {}` becomes a `METADATA FROM` column, and this statement has no column list",
                inc.what
            )),
            _ => s.uncertain.push(format!(
                "`INCLUDE {}` has no equivalent metadata column here",
                inc.what
            )),
        }
    }
    if let (false, Some(at)) = (columns.is_empty(), form.columns_end) {
        s.fixes.push(Fix {
            span: Span::new(at, at),
            replacement: columns.clone(),
        });
    }
    s.columns = columns;
    // `CREATE SINK s FROM mv` / `AS SELECT …`: the query becomes an `INSERT INTO`.
    if form.into {
        s.uncertain.push(
            "a sink into a RisingWave table is written here as `INSERT INTO` that table".into(),
        );
    } else if let Some(q) = form.query.and_then(|q| source.get(q.start..q.end)) {
        let q = q.trim();
        let (first, rest) = q.split_once(char::is_whitespace).unwrap_or((q, ""));
        let query = match first.to_ascii_uppercase().as_str() {
            "FROM" => Some(format!("SELECT * FROM {}", rest.trim())),
            "AS" => Some(rest.trim().to_string()),
            _ => None,
        };
        match query {
            Some(sel) => s.insert = Some(format!(";\nINSERT INTO {} {sel}", form.name)),
            None => s
                .uncertain
                .push("the sink's query could not be read".into()),
        }
    }
    if let Some(k) = form.keyword {
        s.fixes.push(Fix {
            span: k,
            replacement: "TABLE".into(),
        });
    }
    for d in &form.deletions {
        s.fixes.push(Fix {
            span: *d,
            replacement: String::new(),
        });
    }
    s
}

/// The `format` (and its options) of a `FORMAT … ENCODE …` clause, or why there is none.
fn format_of(
    f: &crate::parse::foreign::FormatClause,
    connector: &str,
) -> Result<Vec<(&'static str, String)>, String> {
    let written = format!("`FORMAT {} ENCODE {}`", f.format, f.encode);
    if f.key_encode {
        return Err("`KEY ENCODE` has no equivalent: the message key is read raw here (`key BYTEA METADATA FROM 'key'`) and written from one column (`sink.key_field`)".to_string());
    }
    let opt = |k: &str| {
        f.options
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let registry = |format: &'static str| -> Vec<(&'static str, String)> {
        match opt("schema.registry") {
            Some(url) => vec![
                (
                    if format == "avro" {
                        "avro.confluent_schema_registry"
                    } else {
                        "protobuf.confluent_schema_registry"
                    },
                    "true".to_string(),
                ),
                ("schema_registry.endpoint", url),
            ],
            None => Vec::new(),
        }
    };
    let _ = connector;
    if opt("schema.registry").is_some_and(|u| crate::profile::redact_url_password(&u).is_some()) {
        return Err("the registry URL holds credentials; here they are `schema_registry.api_key` and `schema_registry.api_secret`, best as `{{ VAR }}` placeholders".to_string());
    }
    let options = match (f.format.as_str(), f.encode.as_str()) {
        ("PLAIN", "JSON") => Ok(vec![("format", "json".into())]),
        ("DEBEZIUM", "JSON") => Ok(vec![("format", "debezium_json".into())]),
        ("PLAIN", "BYTES") => Ok(vec![("format", "raw_bytes".into())]),
        ("PLAIN", "AVRO") if opt("schema.registry").is_some() => {
            let mut v = vec![("format", "avro".to_string())];
            v.extend(registry("avro"));
            Ok(v)
        }
        ("PLAIN", "PROTOBUF") if opt("schema.registry").is_some() => {
            let mut v = vec![("format", "protobuf".to_string())];
            if let Some(m) = opt("message") {
                v.push(("protobuf.message_name", m));
            }
            v.extend(registry("protobuf"));
            Ok(v)
        }
        ("PLAIN", "AVRO" | "PROTOBUF") => Err(format!(
            "{written} without `schema.registry` reads its schema from a location; here the schema is a file (`{}.schema_file`) or a registry (`schema_registry.endpoint`)",
            f.encode.to_ascii_lowercase()
        )),
        ("UPSERT", _) => Err(format!(
            "{written}: upserts (the last value per key) have no equivalent; `format = 'debezium_json'` reads and writes a changelog"
        )),
        ("PLAIN", "CSV") => Err(format!("{written}: there is no CSV format here")),
        _ => Err(format!("{written} has no equivalent here")),
    }?;
    let unknown: Vec<&str> = f
        .options
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !matches!(*k, "schema.registry" | "message" | "force_append_only"))
        .collect();
    if let Some(k) = unknown.first() {
        return Err(format!(
            "the `ENCODE` option `{k}` has no certain equivalent here{}",
            if k.contains("username") || k.contains("password") {
                "; registry credentials are `schema_registry.api_key` and `schema_registry.api_secret`, best as `{{ VAR }}` placeholders"
            } else {
                ""
            }
        ));
    }
    Ok(options)
}

impl StatementPlan<'_> {
    /// The diagnostic, with its edits when the translation is certain (`anchor`: where new
    /// options go, and how keys are written there), and the options the table gets.
    pub(super) fn finish(
        self,
        anchor: Option<(usize, KeyStyle)>,
    ) -> (Diagnostic, Vec<(&'static str, String)>) {
        let form = self.form;
        let settings: Vec<String> = self
            .changed
            .iter()
            .cloned()
            .chain(self.add.iter().map(|(k, v)| format!("{k} = {}", quoted(v))))
            .collect();
        let with = if settings.is_empty() {
            String::new()
        } else {
            format!(" with `{}`", settings.join(", "))
        };
        let message = match form.kind {
            FormKind::Source => format!(
                "`CREATE SOURCE` is RisingWave's; here a source is a `CREATE TABLE`{with}"
            ),
            FormKind::Sink => format!(
                "`CREATE SINK` is RisingWave's; here a sink is a `CREATE TABLE`{with}, and `INSERT INTO {} SELECT …` writes to it",
                form.name
            ),
            FormKind::Table if settings.is_empty() => {
                format!("`{}` is RisingWave's; here it is written in WITH", form.written())
            }
            FormKind::Table => format!(
                "`{}` is RisingWave's; here a table that reads a connector says so in WITH: `{}`",
                form.written(),
                settings.join(", ")
            ),
        };
        let mut d = Diagnostic::error(codes::FOREIGN_STATEMENT, form.head, message);
        let mut options = self.add.clone();
        options.extend(self.stand_in);
        if !self.uncertain.is_empty() {
            return (d.with_help(self.uncertain.join("; ")), options);
        }
        let Some((at, style)) = anchor else {
            return (
                d.with_help("write the options in `WITH (…)`, with `connector`"),
                options,
            );
        };
        d = d.with_help(match (&self.insert, settings.is_empty()) {
            (Some(insert), _) => format!(
                "write `CREATE TABLE {} WITH (…{})`, then `{}`",
                form.name,
                with_list(&settings),
                insert.trim_start_matches([';', '\n'])
            ),
            (None, false) if form.kind != FormKind::Table => format!(
                "write `CREATE TABLE {} (…{}) WITH (…{})`",
                form.name,
                self.columns,
                with_list(&settings)
            ),
            _ => format!("write `WITH (…{})`", with_list(&settings)),
        });
        d.fixes = self.fixes;
        if !self.add.is_empty() {
            d.fixes.push(Fix {
                span: Span::new(at, at),
                replacement: options_text(&self.add, style),
            });
        }
        if let Some(insert) = self.insert {
            d.fixes.push(Fix {
                span: Span::new(form.statement.end, form.statement.end),
                replacement: insert,
            });
        }
        (d, options)
    }
}

/// A RisingWave statement without a WITH clause: there is no connector to write.
pub(super) fn without_options(form: &ForeignForm) -> Diagnostic {
    Diagnostic::error(
        codes::FOREIGN_STATEMENT,
        form.head,
        format!("`{}` is RisingWave's; here it is a `CREATE TABLE`", form.written()),
    )
    .with_help("write `CREATE TABLE name (…) WITH (connector = '…', type = 'source' or 'sink', format = '…')`")
}

/// `, a = 'x', b = 'y'` (empty for no settings).
fn with_list(settings: &[String]) -> String {
    settings.iter().map(|s| format!(", {s}")).collect()
}
