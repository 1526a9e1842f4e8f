//! `ConnectorOptions`: the options of one table, pulled by typed specs.
//!
//! Connectors *pull* what they know through [`OptionSpec`]s; whatever is left at the end
//! is reported by [`ConnectorOptions::finish`] as an unknown option, with the nearest
//! valid key. A failed pull reports a diagnostic and yields `None`, and the connector goes
//! on, so every independent mistake of a statement is reported in one pass.
//!
//! **Invariant:** a secret value (a spec marked `sensitive`) never appears in a message.

pub mod grammar;
pub mod spec;
pub mod value;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

pub use spec::{AppliesTo, OptionKind, OptionSpec};
pub use value::Value;

use crate::diagnostics::{codes, Code, Diagnostic};
use crate::parse::WithClause;
use crate::span::{Span, Spanned};
use grammar::{ValueError, ValueErrorKind};

#[derive(Clone, Debug)]
struct Entry {
    key: Spanned<String>,
    value: Spanned<Value>,
    taken: bool,
}

/// The options of one table (or one connection profile), with the diagnostics found
/// while reading them.
#[derive(Clone, Debug)]
pub struct ConnectorOptions {
    entries: Vec<Entry>,
    /// Where a missing option is reported: the WITH clause (or the profile reference).
    anchor: Span,
    /// Keys that were present but invalid, so `required` does not also call them missing.
    invalid: BTreeSet<String>,
    /// Prepended to messages, e.g. "connection profile `prod`: ".
    context: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

impl ConnectorOptions {
    /// Options from a parsed WITH clause. A repeated key is an error pointing at both
    /// occurrences; the first one is kept.
    pub fn from_with(clause: Option<WithClause>, anchor: Span) -> Self {
        let mut opts = ConnectorOptions::empty(clause.as_ref().map(|c| c.span).unwrap_or(anchor));
        for o in clause.map(|c| c.options).unwrap_or_default() {
            opts.insert(o.key, o.value);
        }
        opts
    }

    /// Every option in the order written (the first of repeated keys), taken or not.
    pub fn entries(&self) -> impl Iterator<Item = (&Spanned<String>, &Spanned<Value>)> {
        self.entries.iter().map(|e| (&e.key, &e.value))
    }

    /// Options from a JSON object (a request's `config`, a profile's `config`). Every value
    /// is attached to `anchor`, since JSON has no spans of its own here.
    pub fn from_json(map: &serde_json::Map<String, serde_json::Value>, anchor: Span) -> Self {
        let mut opts = ConnectorOptions::empty(anchor);
        for (k, v) in map {
            let value = json_to_value(v, anchor);
            opts.insert(Spanned::new(k.clone(), anchor), value);
        }
        opts
    }

    /// No options; missing ones are reported at `anchor`.
    pub fn empty(anchor: Span) -> Self {
        ConnectorOptions {
            entries: Vec::new(),
            anchor,
            invalid: BTreeSet::new(),
            context: None,
            diagnostics: Vec::new(),
        }
    }

    /// Prefixes every message with `context` (e.g. "connection profile `prod`").
    pub fn with_context(mut self, context: impl Into<String>) -> Self {
        self.context = Some(context.into());
        self
    }

    /// Adds an option; a key already present is reported as a duplicate.
    pub fn insert(&mut self, key: Spanned<String>, value: Spanned<Value>) {
        if let Some(first) = self.entries.iter().find(|e| e.key.node == key.node) {
            let d = Diagnostic::error(
                codes::DUPLICATE_OPTION,
                key.span,
                format!("option `{}` is set twice", key.node),
            )
            .with_label(first.key.span, "first set here")
            .with_help("remove one of them; the values are not merged");
            self.report(d);
            return;
        }
        self.entries.push(Entry {
            key,
            value,
            taken: false,
        });
    }

    /// Where missing options are reported.
    pub fn anchor(&self) -> Span {
        self.anchor
    }

    /// Records a diagnostic (with this option set's context prefix).
    pub fn report(&mut self, mut d: Diagnostic) {
        if let Some(c) = &self.context {
            d.message = format!("{c}: {}", d.message);
        }
        self.diagnostics.push(d);
    }

    /// Whether any error has been reported so far.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Takes the diagnostics reported so far.
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    /// Whether `key` is set (taken or not).
    pub fn contains(&self, key: &str) -> bool {
        self.entries.iter().any(|e| e.key.node == key)
    }

    /// Whether `key` is set and not yet taken.
    pub fn is_pending(&self, key: &str) -> bool {
        self.entries.iter().any(|e| e.key.node == key && !e.taken)
    }

    /// Looks at a value without taking it.
    pub fn peek(&self, key: &str) -> Option<&Spanned<Value>> {
        self.entries
            .iter()
            .find(|e| e.key.node == key)
            .map(|e| &e.value)
    }

    /// The span of `key`'s key text, if set.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.entries
            .iter()
            .find(|e| e.key.node == key)
            .map(|e| e.key.span)
    }

    /// Takes the raw value of `key`, marking it consumed.
    pub fn take(&mut self, key: &str) -> Option<Spanned<Value>> {
        let e = self
            .entries
            .iter_mut()
            .find(|e| e.key.node == key && !e.taken)?;
        e.taken = true;
        Some(e.value.clone())
    }

    /// Takes every pending key that starts with `prefix`, in the order written, with the
    /// prefix removed from the keys.
    pub fn take_prefix(&mut self, prefix: &str) -> Vec<(Spanned<String>, Spanned<Value>)> {
        let mut out = Vec::new();
        for e in self.entries.iter_mut().filter(|e| !e.taken) {
            if let Some(rest) = e.key.node.strip_prefix(prefix) {
                if !rest.is_empty() {
                    e.taken = true;
                    out.push((Spanned::new(rest.to_string(), e.key.span), e.value.clone()));
                }
            }
        }
        out
    }

    /// Keys not taken yet, in the order written.
    pub fn pending_keys(&self) -> Vec<Spanned<String>> {
        self.entries
            .iter()
            .filter(|e| !e.taken)
            .map(|e| e.key.clone())
            .collect()
    }

    fn invalid(&mut self, spec: &OptionSpec, span: Span, e: ValueError) {
        self.invalid.insert(spec.key.to_string());
        let code = match e.kind {
            ValueErrorKind::Overflow => codes::OVERFLOW,
            ValueErrorKind::Invalid => codes::INVALID_VALUE,
        };
        let d = if spec.sensitive {
            Diagnostic::error(
                code,
                span,
                format!(
                    "invalid value for `{}`: expected {}",
                    spec.key,
                    spec.kind.describe()
                ),
            )
        } else {
            // The grammar words enum mistakes as "invalid value `x`"; name the option in
            // the same sentence rather than twice.
            let message = match e.message.strip_prefix("invalid value ") {
                Some(rest) => format!("invalid value {rest} for `{}`", spec.key),
                None => format!("invalid value for `{}`: {}", spec.key, e.message),
            };
            Diagnostic::error(code, span, message).with_optional_help(e.help)
        };
        self.report(d);
    }

    /// Takes `spec`'s value and parses it with `parse`; a parse failure is reported.
    fn pull<T>(
        &mut self,
        spec: &OptionSpec,
        parse: impl FnOnce(&Value) -> Result<T, ValueError>,
    ) -> Option<Spanned<T>> {
        let v = self.take(spec.key)?;
        match parse(&v.node) {
            Ok(t) => Some(Spanned::new(t, v.span)),
            Err(e) => {
                self.invalid(spec, v.span, e);
                None
            }
        }
    }

    /// A string option.
    pub fn string(&mut self, spec: &OptionSpec) -> Option<Spanned<String>> {
        // An empty topic, path or name is always a mistake, never a value.
        self.pull(spec, |v| {
            let s = grammar::string(v)?;
            if s.trim().is_empty() {
                return Err(ValueError {
                    kind: ValueErrorKind::Invalid,
                    message: "the value must not be empty".into(),
                    help: None,
                });
            }
            Ok(s)
        })
    }

    /// A boolean option.
    pub fn bool(&mut self, spec: &OptionSpec) -> Option<Spanned<bool>> {
        self.pull(spec, grammar::boolean)
    }

    /// A non-negative integer option.
    pub fn unsigned(&mut self, spec: &OptionSpec) -> Option<Spanned<u64>> {
        self.pull(spec, grammar::unsigned)
    }

    /// An integer option that must be greater than zero.
    pub fn non_zero(&mut self, spec: &OptionSpec) -> Option<Spanned<u64>> {
        self.pull(spec, |v| {
            let n = grammar::unsigned(v)?;
            if n == 0 {
                return Err(ValueError {
                    kind: ValueErrorKind::Invalid,
                    message: "expected an integer greater than 0, found `0`".into(),
                    help: None,
                });
            }
            Ok(n)
        })
    }

    /// A signed integer option.
    pub fn signed(&mut self, spec: &OptionSpec) -> Option<Spanned<i64>> {
        self.pull(spec, grammar::signed)
    }

    /// A floating-point option.
    pub fn float(&mut self, spec: &OptionSpec) -> Option<Spanned<f64>> {
        self.pull(spec, grammar::float)
    }

    /// A floating-point option that must be greater than zero (a rate, a run time).
    pub fn positive_float(&mut self, spec: &OptionSpec) -> Option<Spanned<f64>> {
        self.pull(spec, |v| {
            let f = grammar::float(v)?;
            if f > 0.0 {
                Ok(f)
            } else {
                Err(ValueError {
                    kind: ValueErrorKind::Invalid,
                    message: format!("expected a number greater than 0, found `{f}`"),
                    help: None,
                })
            }
        })
    }

    /// A duration option.
    pub fn duration(&mut self, spec: &OptionSpec) -> Option<Spanned<Duration>> {
        self.pull(spec, grammar::duration)
    }

    /// A data-size option, in bytes.
    pub fn data_size(&mut self, spec: &OptionSpec) -> Option<Spanned<u64>> {
        self.pull(spec, grammar::data_size)
    }

    /// An enum option; the result is the canonical spelling from the spec.
    pub fn enumeration(&mut self, spec: &OptionSpec) -> Option<Spanned<&'static str>> {
        let OptionKind::Enum(values) = spec.kind else {
            return None;
        };
        self.pull(spec, |v| grammar::enumeration(v, values))
    }

    /// A list option.
    pub fn list(&mut self, spec: &OptionSpec) -> Option<Spanned<Vec<Spanned<String>>>> {
        self.pull(spec, grammar::list)
    }

    /// A `k=v` map option.
    pub fn map(&mut self, spec: &OptionSpec) -> Option<Spanned<BTreeMap<String, String>>> {
        self.pull(spec, grammar::map)
    }

    /// A column-name option. The deprecated quoted-string form is accepted with a warning.
    pub fn field_ref(&mut self, spec: &OptionSpec) -> Option<Spanned<String>> {
        let r = self.pull(spec, grammar::field_ref)?;
        if r.node.quoted_string {
            self.report(
                Diagnostic::warning(
                    codes::DEPRECATED_OPTION,
                    r.span,
                    format!(
                        "`{}` names a column with a string, which is deprecated",
                        spec.key
                    ),
                )
                .with_help(format!(
                    "write the column name without quotes: `{} = {}`",
                    spec.key, r.node.name
                )),
            );
        }
        Some(Spanned::new(r.node.name, r.span))
    }

    /// Reports `spec` as missing unless it was present (and invalid). Returns `value`.
    pub fn required<T>(&mut self, spec: &OptionSpec, value: Option<T>) -> Option<T> {
        if value.is_none() && !self.invalid.contains(spec.key) {
            let mut d = Diagnostic::error(
                codes::MISSING_OPTION,
                self.anchor,
                format!("required option `{}` is not set", spec.key),
            );
            if !spec.doc.is_empty() {
                d = d.with_help(format!(
                    "`{}`: {}",
                    spec.key,
                    spec.doc.trim_end_matches('.')
                ));
            }
            self.report(d);
        }
        value
    }

    /// Reports an error with `code` at `span`.
    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.report(Diagnostic::error(code, span, message));
    }

    /// Reports every key not taken yet as unknown, with the nearest key of `valid` as
    /// help, or the whole list when none is close. `misplaced` explains keys that exist
    /// elsewhere (another format, another connection type): key (or prefix ending in `.`),
    /// code, and the message to give.
    pub fn finish(&mut self, valid: &[&str], misplaced: &[(String, Code, String)]) {
        for key in self.pending_keys() {
            if let Some((_, code, msg)) = misplaced.iter().find(|(k, _, _)| {
                k == &key.node || (k.ends_with('.') && key.node.starts_with(k.as_str()))
            }) {
                self.report(Diagnostic::error(*code, key.span, msg.clone()));
                continue;
            }
            let mut d = Diagnostic::error(
                codes::UNKNOWN_OPTION,
                key.span,
                format!("unknown option `{}`", key.node),
            );
            let candidates = valid.iter().copied();
            d = match grammar::did_you_mean(&key.node, candidates) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None if valid.is_empty() => d.with_help("this table takes no further options"),
                None => {
                    let mut list: Vec<&str> = valid.to_vec();
                    list.sort_unstable();
                    list.dedup();
                    let shown: Vec<String> = list.iter().map(|k| format!("`{k}`")).collect();
                    d.with_help(format!("valid options here: {}", shown.join(", ")))
                }
            };
            self.report(d);
        }
        for e in &mut self.entries {
            e.taken = true;
        }
    }
}

/// Lowers a JSON value to an option value (numbers keep their text).
pub fn json_to_value(v: &serde_json::Value, span: Span) -> Spanned<Value> {
    let node = match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.to_string()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => {
            Value::Array(items.iter().map(|i| json_to_value(i, span)).collect())
        }
        serde_json::Value::Object(_) => Value::Expr(v.to_string()),
    };
    Spanned::new(node, span)
}
