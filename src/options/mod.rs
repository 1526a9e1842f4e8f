//! `ConnectorOptions`: the options of one table, pulled by typed specs.
//!
//! Connectors *pull* what they know through [`OptionSpec`]s; whatever is left at the end
//! is reported by `ConnectorOptions::finish` as an unknown option, with the nearest
//! valid key. A failed pull reports a diagnostic and yields `None`, and the connector goes
//! on, so every independent mistake of a statement is reported in one pass.
//!
//! **Invariant:** a secret value (a spec marked `sensitive`) never appears in a message.

pub(crate) mod grammar;
pub(crate) mod placeholder;
pub(crate) mod spec;
pub(crate) mod value;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

pub(crate) use spec::option_specs;
pub use spec::{AppliesTo, Condition, DefaultValue, OptionKind, OptionSpec};
pub use value::Value;

use crate::connection_type::ConnectionType;
#[cfg(test)]
use crate::diagnostics::Severity;
use crate::diagnostics::{codes, Code, Diagnostic};
use crate::span::{Span, Spanned};
use grammar::{ValueError, ValueErrorKind};

/// A key (or a prefix ending in `.`) that `finish` explains rather than calls unknown:
/// the key, the code, the message and an optional help.
pub(crate) type Misplaced = (String, Code, String, Option<String>);

/// From this many options on, lookups go through a hash index.
const INDEX_FROM: usize = 16;

#[derive(Clone, Debug)]
struct Entry {
    key: Spanned<String>,
    value: Spanned<Value>,
    taken: bool,
}

/// The options of one table (or one connection profile), with the diagnostics found
/// while reading them.
///
/// The typed pulls ([`string`](Self::string), [`unsigned`](Self::unsigned), …) apply the
/// spec's catalogue rules: the value of an option that is not written is its typed
/// default; a required option that is not written is reported once as `option::missing`;
/// a value outside the range or the allowed values is reported and replaced by the
/// default; an option that does not apply to this table's connection type or whose
/// condition does not hold is not read, and `finish` says why.
#[derive(Clone, Debug)]
pub struct ConnectorOptions {
    entries: Vec<Entry>,
    /// Key → index into `entries`, built once a table has many options, so lookups stay
    /// O(1) however many there are (a short list is faster to scan than to hash).
    index: Option<HashMap<String, usize>>,
    /// Where a missing option is reported: the WITH clause (or the profile reference).
    anchor: Span,
    /// Keys that were present but invalid, so `required` does not also call them missing.
    invalid: BTreeSet<String>,
    /// Keys already reported missing (each mistake once).
    missing: BTreeSet<&'static str>,
    /// Keys a stage reported missing in its own words: `(key, code, message)`.
    missing_elsewhere: Vec<(String, Code, String)>,
    /// Prepended to messages, e.g. "connection profile `prod`: ".
    context: Option<String>,
    /// The table's connection type, once known: options that do not apply are not read.
    connection_type: Option<ConnectionType>,
    /// Every spec this option set may hold (connector, formats, compiler), for conditions,
    /// applies-to messages and suggestions in `finish`.
    catalogue: Vec<&'static [OptionSpec]>,
    diagnostics: Vec<Diagnostic>,
    /// Whether keys and values carry their own spans, so fixes can edit them (not so for
    /// options from a JSON object, which all point at one anchor).
    fixable: bool,
    /// The first unknown key whose help listed the valid options: later ones refer to it
    /// rather than repeat the list (200,000 unknown keys would print it 200,000 times).
    listed_at: Option<String>,
}

impl ConnectorOptions {
    /// Options from `(key, value)` pairs in the order written. A repeated key is an error
    /// pointing at both occurrences; the first one is kept.
    pub(crate) fn from_entries(
        entries: impl IntoIterator<Item = (Spanned<String>, Spanned<Value>)>,
        anchor: Span,
    ) -> Self {
        let mut opts = ConnectorOptions::empty(anchor);
        for (k, v) in entries {
            opts.insert(k, v);
        }
        opts
    }

    /// Every option in the order written (the first of repeated keys), taken or not.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&Spanned<String>, &Spanned<Value>)> {
        self.entries.iter().map(|e| (&e.key, &e.value))
    }

    /// Takes every option out, in the order written (taken or not): for the compiler's
    /// last step, which keeps them as written rather than copying them.
    pub(crate) fn take_entries(&mut self) -> Vec<(Spanned<String>, Spanned<Value>)> {
        self.index = None;
        std::mem::take(&mut self.entries)
            .into_iter()
            .map(|e| (e.key, e.value))
            .collect()
    }

    /// No options; missing ones are reported at `anchor`.
    pub(crate) fn empty(anchor: Span) -> Self {
        ConnectorOptions {
            entries: Vec::new(),
            index: None,
            anchor,
            invalid: BTreeSet::new(),
            missing: BTreeSet::new(),
            missing_elsewhere: Vec::new(),
            context: None,
            connection_type: None,
            catalogue: Vec::new(),
            diagnostics: Vec::new(),
            fixable: true,
            listed_at: None,
        }
    }

    /// No machine-applicable fixes: for options whose spans do not point into the text a
    /// fix would edit (a profile read from another document).
    pub(crate) fn without_fixes(mut self) -> Self {
        self.fixable = false;
        self
    }

    /// Prefixes every message with `context` (e.g. "connection profile `prod`").
    pub(crate) fn with_context(mut self, context: impl Into<String>) -> Self {
        self.context = Some(context.into());
        self
    }

    /// Adds specs this option set may hold; `finish` and conditions use them.
    pub(crate) fn add_catalogue(&mut self, specs: &'static [OptionSpec]) {
        self.catalogue.push(specs);
    }

    /// Sets the table's connection type: from now on options that do not apply to it are
    /// not read (and `finish` reports them).
    pub(crate) fn set_connection_type(&mut self, ct: ConnectionType) {
        self.connection_type = Some(ct);
    }

    /// Adds an option. A key already present takes the new value, as in Arroyo (whose own
    /// planner tests set `format` twice), with a warning at the repeated key that marks
    /// the first too; strict mode makes it an error.
    pub(crate) fn insert(&mut self, key: Spanned<String>, value: Spanned<Value>) {
        if let Some(entry) = self
            .position(&key.node)
            .and_then(|i| self.entries.get_mut(i))
        {
            let d = Diagnostic::warning(
                codes::DUPLICATE_OPTION,
                key.span,
                format!("option `{}` is set twice; the last value is used", key.node),
            )
            .with_label(entry.key.span, "first set here; this value is ignored")
            .with_help("remove one of them; the values are not merged");
            entry.key = key;
            entry.value = value;
            self.report(d);
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(key.node.clone(), self.entries.len());
        } else if self.entries.len() >= INDEX_FROM {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.key.node.clone(), i))
                    .chain(std::iter::once((key.node.clone(), self.entries.len())))
                    .collect(),
            );
        }
        self.entries.push(Entry {
            key,
            value,
            taken: false,
        });
    }

    /// Where `key` is in `entries`.
    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|e| e.key.node == key),
        }
    }

    fn entry(&self, key: &str) -> Option<&Entry> {
        self.position(key).and_then(|i| self.entries.get(i))
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
    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Takes the diagnostics reported so far.
    pub(crate) fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    /// Whether `key` is set (taken or not).
    pub fn contains(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Whether `key` is set and not yet taken.
    pub(crate) fn is_pending(&self, key: &str) -> bool {
        self.entry(key).is_some_and(|e| !e.taken)
    }

    /// Looks at a value without taking it.
    pub fn peek(&self, key: &str) -> Option<&Spanned<Value>> {
        self.entry(key).map(|e| &e.value)
    }

    /// The span of `key`'s key text, if set.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.entry(key).map(|e| e.key.span)
    }

    /// Takes the raw value of `key`, marking it consumed.
    pub fn take(&mut self, key: &str) -> Option<Spanned<Value>> {
        let i = self.position(key)?;
        let e = self.entries.get_mut(i).filter(|e| !e.taken)?;
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

    /// The text to delete to remove the option `key` with its separating comma: from the
    /// end of the previous value, or (for the first option) up to the next key. `None`
    /// when `key` is not set or spans are not the option's own (JSON options).
    pub(crate) fn removal_span(&self, key: &str) -> Option<Span> {
        let i = self.position(key)?;
        let e = self.entries.get(i)?;
        if !self.fixable || e.key.span.is_detached() || e.value.span.is_detached() {
            return None;
        }
        let span = match (
            i.checked_sub(1).and_then(|p| self.entries.get(p)),
            self.entries.get(i + 1),
        ) {
            (Some(prev), _) => Span::new(prev.value.span.end, e.value.span.end),
            (None, Some(next)) => Span::new(e.key.span.start, next.key.span.start),
            (None, None) => Span::new(e.key.span.start, e.value.span.end),
        };
        (!span.is_detached() && span.start <= span.end).then_some(span)
    }

    /// Keys not taken yet, in the order written.
    pub(crate) fn pending_keys(&self) -> Vec<Spanned<String>> {
        self.entries
            .iter()
            .filter(|e| !e.taken)
            .map(|e| e.key.clone())
            .collect()
    }

    /// The spec registered for `key` (exactly, by alias, or under a prefix).
    fn spec_for(&self, key: &str) -> Option<&'static OptionSpec> {
        self.catalogue
            .iter()
            .flat_map(|specs| specs.iter())
            .find(|s| s.matches(key) || s.aliases.contains(&key))
    }

    /// The value `key` has, as text: written, or its spec's default.
    fn effective_text(&self, key: &str) -> Option<String> {
        match self.peek(key).map(|v| &v.node) {
            Some(Value::String(s)) | Some(Value::Ident(s)) | Some(Value::Number(s)) => {
                Some(s.clone())
            }
            Some(Value::Bool(b)) => Some(b.to_string()),
            Some(_) => None,
            None => self
                .spec_for(key)
                .and_then(|s| s.default)
                .map(|d| d.to_string()),
        }
    }

    /// Whether `spec`'s condition holds (true when it has none).
    pub(crate) fn condition_holds(&self, spec: &OptionSpec) -> bool {
        let Some(c) = spec.condition else {
            return true;
        };
        if c.values.is_empty() {
            return self.contains(c.key);
        }
        self.effective_text(c.key)
            .is_some_and(|v| c.values.iter().any(|w| w.eq_ignore_ascii_case(v.trim())))
    }

    /// Whether `spec` applies to this table: its connection type (once known) and its condition.
    pub(crate) fn applies(&self, spec: &OptionSpec) -> bool {
        self.connection_type
            .is_none_or(|ct| spec.applies.contains(ct))
            && self.condition_holds(spec)
    }

    fn invalid(&mut self, spec: &OptionSpec, span: Span, e: ValueError) {
        self.invalid.insert(spec.key.to_string());
        let code = e.code();
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
            let help = e.help.or_else(|| number_help(spec));
            let d = Diagnostic::error(code, span, message).with_optional_help(help);
            // The value to write instead replaces the whole value as written.
            match e.fix {
                Some(fix) if self.fixable && !span.is_detached() => d.with_fix(span, fix),
                _ => d,
            }
        };
        self.report(d);
    }

    /// Takes `spec`'s value (by its key or a deprecated alias), applying the catalogue:
    /// not read where it does not apply; the default when absent (missing reported when
    /// required); parsed with `parse` and range-checked; the default again when invalid.
    fn pull<T>(
        &mut self,
        spec: &OptionSpec,
        parse: impl FnOnce(&Value) -> Result<T, ValueError>,
        default: impl FnOnce(DefaultValue) -> Option<T>,
    ) -> Option<Spanned<T>>
    where
        T: RangeValue,
    {
        if !self.applies(spec) {
            return None;
        }
        let Some(v) = self.take_or_alias(spec) else {
            if spec.required {
                self.missing(spec);
            }
            return spec
                .default
                .and_then(default)
                .map(|d| Spanned::new(d, self.anchor));
        };
        let parsed = parse(&v.node).and_then(|t| match spec.range {
            // Out of range, the option's doc says why the bounds are what they are.
            Some((min, max)) => t.check_range(min, max).map(|()| t).map_err(|mut e| {
                if !spec.doc.is_empty() {
                    e.help = Some(format!(
                        "`{}`: {}",
                        spec.key,
                        spec.doc.trim_end_matches('.')
                    ));
                }
                e
            }),
            None => Ok(t),
        });
        match parsed {
            Ok(t) => Some(Spanned::new(t, v.span)),
            Err(e) => {
                self.invalid(spec, v.span, e);
                spec.default
                    .and_then(default)
                    .map(|d| Spanned::new(d, self.anchor))
            }
        }
    }

    /// Takes `spec.key`, or else one of its aliases with a deprecation warning.
    fn take_or_alias(&mut self, spec: &OptionSpec) -> Option<Spanned<Value>> {
        if let Some(v) = self.take(spec.key) {
            return Some(v);
        }
        for alias in spec.aliases {
            if let (Some(span), Some(v)) = (self.key_span(alias), self.take(alias)) {
                let d = Diagnostic::warning(
                    codes::DEPRECATED_OPTION,
                    span,
                    format!("option `{alias}` is deprecated; it is now `{}`", spec.key),
                )
                .with_help(format!("write `{}`", spec.key));
                let d = match self.fixable {
                    true => crate::messages::replace_text(d, span, alias, spec.key),
                    false => d,
                };
                self.report(d);
                return Some(v);
            }
        }
        None
    }

    /// A string option (never empty).
    pub fn string(&mut self, spec: &OptionSpec) -> Option<Spanned<String>> {
        // An empty topic, path or name is always a mistake, never a value.
        self.pull(
            spec,
            |v| {
                let s = grammar::string(v)?;
                if s.trim().is_empty() {
                    return Err(ValueError {
                        kind: ValueErrorKind::Invalid,
                        message: "the value must not be empty".into(),
                        help: Some("write a value".into()),
                        fix: None,
                    });
                }
                Ok(s)
            },
            |d| match d {
                DefaultValue::Str(s) => Some(s.to_string()),
                _ => None,
            },
        )
    }

    /// A boolean option.
    pub fn bool(&mut self, spec: &OptionSpec) -> Option<Spanned<bool>> {
        self.pull(spec, grammar::boolean, |d| match d {
            DefaultValue::Bool(b) => Some(b),
            _ => None,
        })
    }

    /// A non-negative integer option.
    pub fn unsigned(&mut self, spec: &OptionSpec) -> Option<Spanned<u64>> {
        self.pull(spec, grammar::unsigned, default_u64)
    }

    /// An integer option that must be greater than zero.
    pub fn non_zero(&mut self, spec: &OptionSpec) -> Option<Spanned<u64>> {
        self.pull(
            spec,
            |v| {
                let n = grammar::unsigned(v)?;
                if n == 0 {
                    return Err(ValueError {
                        kind: ValueErrorKind::Invalid,
                        message: "expected an integer greater than 0, found `0`".into(),
                        help: None,
                        fix: None,
                    });
                }
                Ok(n)
            },
            default_u64,
        )
    }

    /// A signed integer option.
    pub fn signed(&mut self, spec: &OptionSpec) -> Option<Spanned<i64>> {
        self.pull(spec, grammar::signed, |d| match d {
            DefaultValue::Int(i) => Some(i),
            _ => None,
        })
    }

    /// A floating-point option that must be greater than zero (a rate, a run time).
    pub fn positive_float(&mut self, spec: &OptionSpec) -> Option<Spanned<f64>> {
        self.pull(
            spec,
            |v| {
                let f = grammar::float(v)?;
                if f > 0.0 {
                    Ok(f)
                } else {
                    Err(ValueError {
                        kind: ValueErrorKind::Invalid,
                        message: format!("expected a number greater than 0, found `{f}`"),
                        help: None,
                        fix: None,
                    })
                }
            },
            |d| match d {
                DefaultValue::Float(f) => Some(f),
                _ => None,
            },
        )
    }

    /// A duration option.
    pub fn duration(&mut self, spec: &OptionSpec) -> Option<Spanned<Duration>> {
        self.pull(spec, grammar::duration, |d| match d {
            DefaultValue::Duration(d) => Some(d),
            _ => None,
        })
    }

    /// A data-size option, in bytes.
    pub fn data_size(&mut self, spec: &OptionSpec) -> Option<Spanned<u64>> {
        self.pull(spec, grammar::data_size, |d| match d {
            DefaultValue::Bytes(b) => Some(b),
            _ => None,
        })
    }

    /// An enum option; the result is the canonical spelling from the spec.
    pub fn enumeration(&mut self, spec: &OptionSpec) -> Option<Spanned<&'static str>> {
        let OptionKind::Enum(values) = spec.kind else {
            return None;
        };
        self.pull(
            spec,
            |v| grammar::enumeration(v, values),
            |d| match d {
                // The canonical spelling of the default, from the allowed values.
                DefaultValue::Str(s) => values.iter().copied().find(|v| v.eq_ignore_ascii_case(s)),
                _ => None,
            },
        )
    }

    /// An enum option read into a Rust enum whose serde names are the spec's values
    /// (`#[serde(rename_all = "snake_case")]` or explicit renames).
    pub fn choice<E: serde::de::DeserializeOwned>(
        &mut self,
        spec: &OptionSpec,
    ) -> Option<Spanned<E>> {
        let v = self.enumeration(spec)?;
        let e = E::deserialize(
            serde::de::value::StrDeserializer::<serde::de::value::Error>::new(v.node),
        )
        .ok()?;
        Some(Spanned::new(e, v.span))
    }

    /// A list option. Items split out of a string have no span of their own; they get the
    /// whole value's, so a diagnostic about one still points at it.
    pub fn list(&mut self, spec: &OptionSpec) -> Option<Spanned<Vec<Spanned<String>>>> {
        let anchor = self.anchor;
        let mut list = self.pull(spec, grammar::list, |d| match d {
            DefaultValue::List(items) => Some(
                items
                    .iter()
                    .map(|i| Spanned::new((*i).to_string(), anchor))
                    .collect(),
            ),
            _ => None,
        })?;
        for item in list.node.iter_mut().filter(|i| i.span.is_detached()) {
            item.span = list.span;
        }
        Some(list)
    }

    /// A `k=v` map option.
    pub fn map(&mut self, spec: &OptionSpec) -> Option<Spanned<BTreeMap<String, String>>> {
        self.pull(spec, grammar::map, |_| None)
    }

    /// A column-name option. The deprecated quoted-string form is accepted with a warning.
    pub fn field_ref(&mut self, spec: &OptionSpec) -> Option<Spanned<String>> {
        self.column_name(spec, true)
    }

    /// [`field_ref`](Self::field_ref); `warn_quoted` off for an option that is deprecated
    /// as a whole, where the quotes are not a mistake of their own.
    pub(crate) fn column_name(
        &mut self,
        spec: &OptionSpec,
        warn_quoted: bool,
    ) -> Option<Spanned<String>> {
        let r = self.pull(spec, grammar::field_ref, |_| None)?;
        if r.node.quoted_string && warn_quoted {
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

    /// Reports `spec` as missing (once) unless it was present and invalid, at the anchor
    /// (the closing parenthesis of WITH), with what to add.
    fn missing(&mut self, spec: &OptionSpec) {
        if self.invalid.contains(spec.key) || !self.missing.insert(spec.key) {
            return;
        }
        let mut d = Diagnostic::error(
            codes::MISSING_OPTION,
            self.anchor,
            missing_message(spec.key),
        );
        let mut help = Vec::new();
        if let Some(c) = spec.condition {
            help.push(format!("it is required when {}", c.describe()));
        }
        let example = match spec.kind {
            OptionKind::Enum([only]) => format!("'{only}'"),
            OptionKind::Bool
            | OptionKind::Unsigned
            | OptionKind::NonZero
            | OptionKind::Signed
            | OptionKind::Float => "…".to_string(),
            _ => "'…'".to_string(),
        };
        let mut add = format!("add `{} = {example}`", spec.key);
        if let OptionKind::Enum(values) = spec.kind {
            if values.len() > 1 {
                add.push_str(&format!(", one of {}", spec::quoted_list(values)));
            }
        }
        let doc = spec.doc.trim_end_matches('.');
        if doc.is_empty() {
            help.push(add);
        } else {
            help.push(format!("{add}: {}", lowercase_first(doc)));
        }
        // The one value an option can have is knowable: insert it before the closing
        // parenthesis (a WITH clause of SQL only; a request's config is JSON).
        if let OptionKind::Enum([only]) = spec.kind {
            if self.fixable && !self.anchor.is_detached() {
                let sep = if self.entries.is_empty() { "" } else { ", " };
                d = d.with_fix(
                    Span::new(self.anchor.start, self.anchor.start),
                    format!("{sep}{} = '{only}'", spec.key),
                );
            }
        }
        self.report(d.with_help(help.join("; ")));
    }

    /// For requirements the catalogue cannot state (one of two options): reports `spec` as
    /// missing, once, when `value` is `None` and the option was not present-but-invalid.
    /// Returns `value`.
    pub fn required<T>(&mut self, spec: &OptionSpec, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.missing(spec);
        }
        value
    }

    /// Reports every spec of `specs` that every table requires (no condition, any
    /// connection type) and that is not written: what can be said of a table whose
    /// connection type is unknown.
    pub(crate) fn report_missing_required(&mut self, specs: &'static [OptionSpec]) {
        for spec in specs {
            let unconditional = spec.applies.is_any() && spec.condition.is_none();
            if spec.required && unconditional && !self.contains(spec.key) {
                self.missing(spec);
            }
        }
    }

    /// Reports an error with `code` at `span`.
    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.report(Diagnostic::error(code, span, message));
    }

    /// Reports every key not taken yet. A key of a catalogue spec that does not apply to
    /// this table says why (another connection type, a condition that does not hold); a
    /// key `misplaced` explains (another format, another system's name: key or prefix
    /// ending in `.`, code, message) gets that message; any other key is unknown, with the
    /// nearest applicable key as help, or the whole list when none is close.
    pub(crate) fn finish(&mut self, misplaced: &[(String, Code, String)]) {
        let with_help: Vec<Misplaced> = misplaced
            .iter()
            .map(|(k, c, m)| (k.clone(), *c, m.clone(), None))
            .collect();
        self.finish_with_help(&with_help);
    }

    /// [`finish`](Self::finish), where an explained key may also carry a help text.
    pub(crate) fn finish_with_help(&mut self, misplaced: &[Misplaced]) {
        let pending = self.pending_keys();
        if pending.is_empty() {
            return;
        }
        let applicable = self.applicable_keys();
        let unwritten: Vec<&str> = applicable
            .iter()
            .copied()
            .filter(|k| !self.contains(k))
            .collect();
        for key in pending {
            let d = self
                .explain_inapplicable(&key)
                .or_else(|| {
                    misplaced
                        .iter()
                        .find(|(k, _, _, _)| {
                            k == &key.node || (k.ends_with('.') && key.node.starts_with(k.as_str()))
                        })
                        .map(|(_, code, msg, help)| {
                            let d = Diagnostic::error(*code, key.span, msg.clone())
                                .with_optional_help(help.clone());
                            // An option the message says to remove is removed by its fix.
                            match self.removal_span(&key.node) {
                                Some(span) if msg.ends_with("; remove it") => d.with_fix(span, ""),
                                _ => d,
                            }
                        })
                })
                .unwrap_or_else(|| self.unknown_option(&key, &applicable, &unwritten));
            self.report(d);
        }
        for e in &mut self.entries {
            e.taken = true;
        }
    }

    /// Keys of the catalogue that apply to this table, sorted and deduplicated.
    pub(crate) fn applicable_keys(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = self
            .catalogue
            .iter()
            .flat_map(|specs| specs.iter())
            .filter(|s| self.applies(s))
            .map(|s| s.key)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Why a pending key of a catalogue spec was not read, if it is one.
    fn explain_inapplicable(&self, key: &Spanned<String>) -> Option<Diagnostic> {
        let spec = self.spec_for(&key.node)?;
        if let Some(ct) = self
            .connection_type
            .filter(|ct| !spec.applies.contains(*ct))
        {
            let message = format!(
                "option `{}` only applies to {}, but this table is a {ct}",
                key.node,
                spec.applies.describe()
            );
            let d = if spec.lenient {
                // It has no effect here: removing it changes nothing, so it is a fix.
                let d = Diagnostic::warning(codes::OPTION_NOT_APPLICABLE, key.span, message);
                match self.removal_span(&key.node) {
                    Some(span) => d.with_fix(span, ""),
                    None => d,
                }
            } else {
                Diagnostic::error(codes::OPTION_NOT_APPLICABLE, key.span, message)
            };
            return Some(d.with_help(format!("remove `{}`", key.node)));
        }
        if let Some(c) = spec.condition.filter(|_| !self.condition_holds(spec)) {
            let now = match self.effective_text(c.key) {
                Some(v) if !c.values.is_empty() => format!("`{} = '{v}'`", c.key),
                _ => format!("`{}` is not set", c.key),
            };
            let set = match c.values.first() {
                Some(wanted) => format!("`{} = '{wanted}'`", c.key),
                None => format!("`{}`", c.key),
            };
            return Some(
                Diagnostic::error(
                    codes::OPTION_CONFLICT,
                    key.span,
                    format!(
                        "`{}` only applies when {}, but {now}",
                        key.node,
                        c.describe()
                    ),
                )
                .with_help(format!("set {set} or remove `{}`", key.node)),
            );
        }
        None
    }
}

impl ConnectorOptions {
    /// `option::unknown` for `key`: the nearest applicable key as help and fix (a
    /// near-duplicate of a written key is worth pointing out too), or else the keys not
    /// written yet. When the nearest key is a required one reported missing, the two are
    /// one mistake: the `option::missing` is withdrawn and the help says the key is required.
    fn unknown_option(
        &mut self,
        key: &Spanned<String>,
        applicable: &[&str],
        unwritten: &[&str],
    ) -> Diagnostic {
        let d = Diagnostic::error(
            codes::UNKNOWN_OPTION,
            key.span,
            format!("unknown option `{}`", key.node),
        );
        match grammar::did_you_mean(&key.node, applicable.iter().copied()) {
            Some(s) => {
                let help = if self.withdraw_missing(s) {
                    format!("did you mean `{s}`? It is required")
                } else {
                    format!("did you mean `{s}`?")
                };
                let d = d.with_help(help);
                if self.contains(s) || !self.fixable {
                    // The key it means is written too: renaming would repeat it.
                    return d;
                }
                crate::messages::replace_text(d, key.span, &key.node, s)
            }
            None if unwritten.is_empty() => d.with_help("this table takes no further options"),
            None => match &self.listed_at {
                Some(first) => d.with_help(format!("valid options: see the help of `{first}`")),
                None => {
                    self.listed_at = Some(key.node.clone());
                    d.with_help(format!(
                        "valid options here: {}",
                        spec::quoted_list(unwritten)
                    ))
                }
            },
        }
    }

    /// Removes what was reported missing for `key` (`option::missing`, or a diagnostic
    /// given to [`report_missing`](Self::report_missing)), if anything; whether it did.
    pub(crate) fn withdraw_missing(&mut self, key: &str) -> bool {
        let message = missing_message(key);
        let elsewhere: Vec<(Code, String)> = self
            .missing_elsewhere
            .iter()
            .filter(|(k, _, _)| k == key)
            .map(|(_, c, m)| (*c, m.clone()))
            .collect();
        if !self.missing.contains(key) && elsewhere.is_empty() {
            return false;
        }
        let before = self.diagnostics.len();
        self.diagnostics.retain(|d| {
            let ours = d.code == codes::MISSING_OPTION && d.message.ends_with(&message);
            let theirs = elsewhere
                .iter()
                .any(|(c, m)| d.code == *c && d.message == *m);
            !(ours || theirs)
        });
        // Withdrawn once: a second misspelling of the same key finds nothing to scan.
        self.missing.remove(key);
        self.missing_elsewhere.retain(|(k, _, _)| k != key);
        self.diagnostics.len() < before
    }

    /// Reports `d`, a diagnostic that says `key` is missing in a stage's own words (a
    /// connector without its `format`): when `finish` finds a misspelling of `key`, the
    /// two are one mistake and `d` is withdrawn.
    pub(crate) fn report_missing(&mut self, d: Diagnostic, key: &str) {
        self.report(d);
        if let Some(d) = self.diagnostics.last() {
            let entry = (key.to_string(), d.code, d.message.clone());
            self.missing_elsewhere.push(entry);
        }
    }
}

/// What to write for a numeric option whose value was rejected without a hint of its own,
/// with the default as the example when there is one.
fn number_help(spec: &OptionSpec) -> Option<String> {
    let example = match (spec.kind, spec.default) {
        (
            OptionKind::Unsigned | OptionKind::NonZero | OptionKind::Signed,
            Some(DefaultValue::Int(i)),
        ) => i.to_string(),
        (OptionKind::Unsigned | OptionKind::Signed, _) => "0".to_string(),
        (OptionKind::NonZero, _) => "1".to_string(),
        (OptionKind::Float, _) => "1.5".to_string(),
        _ => return None,
    };
    let what = match spec.kind {
        OptionKind::Float => "a number greater than 0",
        OptionKind::NonZero => "a whole number greater than 0",
        OptionKind::Unsigned => "a whole number of 0 or more",
        _ => "a whole number",
    };
    Some(format!("write {what}, e.g. `{} = {example}`", spec.key))
}

/// The message of `option::missing` for `key`.
fn missing_message(key: &str) -> String {
    format!("required option `{key}` is not set")
}

/// `text` with its first letter in lower case, to continue a sentence (unless the first
/// word is a name in capitals such as `URL`).
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => a
            .to_lowercase()
            .chain(std::iter::once(b))
            .chain(chars)
            .collect(),
        _ => text.to_string(),
    }
}

fn default_u64(d: DefaultValue) -> Option<u64> {
    match d {
        DefaultValue::Int(i) => u64::try_from(i).ok(),
        DefaultValue::Bytes(b) => Some(b),
        _ => None,
    }
}

/// Values a spec's `range` can bound: integers check it, other kinds ignore it.
trait RangeValue: Sized {
    fn check_range(&self, _min: i64, _max: i64) -> Result<(), ValueError> {
        Ok(())
    }
}

fn out_of_range(v: impl std::fmt::Display, min: i64, max: i64) -> ValueError {
    let expected = if max == i64::MAX {
        format!("at least {min}")
    } else {
        format!("from {min} to {max}")
    };
    ValueError {
        kind: ValueErrorKind::Invalid,
        message: format!("expected a value {expected}, found `{v}`"),
        help: None,
        fix: None,
    }
}

impl RangeValue for u64 {
    fn check_range(&self, min: i64, max: i64) -> Result<(), ValueError> {
        let v = i128::from(*self);
        if v < i128::from(min) || v > i128::from(max) {
            return Err(out_of_range(self, min, max));
        }
        Ok(())
    }
}

impl RangeValue for i64 {
    fn check_range(&self, min: i64, max: i64) -> Result<(), ValueError> {
        if *self < min || *self > max {
            return Err(out_of_range(self, min, max));
        }
        Ok(())
    }
}

impl RangeValue for String {}
impl RangeValue for bool {}
impl RangeValue for f64 {}
impl RangeValue for Duration {}
impl RangeValue for &'static str {}
impl RangeValue for Vec<Spanned<String>> {}
impl RangeValue for BTreeMap<String, String> {}
impl RangeValue for grammar::FieldRef {}

/// Lowers a JSON value to an option value (numbers keep their text).
pub(crate) fn json_to_value(v: &serde_json::Value, span: Span) -> Spanned<Value> {
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

#[cfg(test)]
mod tests;
