//! Last stage: the options nobody read (unknown, misplaced, of another format or type),
//! and secrets — which values are secret, redacted from output and masked in source.

use super::CONNECTOR;

use crate::connector::{ConnectionType, ErasedConnector, Registry};
use crate::diagnostics::codes;
use crate::options::Misplaced;
use crate::options::{OptionKind, OptionSpec, Value};
use crate::parse::WithClause;
use crate::profile::ConnectionProfile;
use crate::schema::format::{self, Format};
use crate::span::Span;

use super::TableCompiler;
impl TableCompiler<'_> {
    /// The values of this table's secret options (placeholders are not secret).
    /// `secret` is [`secret_capable`] of the connector (a sensitive spec is one of them).
    pub(super) fn secret_values(&self, secret: &[&'static OptionSpec]) -> std::sync::Arc<[String]> {
        let mut out: Vec<String> = self
            .opts
            .entries()
            .filter_map(|(k, v)| {
                let s = secret.iter().find(|s| is_secret_option(s, &k.node))?;
                let text = match &v.node {
                    Value::String(t) | Value::Number(t) => t.clone(),
                    _ => return None,
                };
                // A documented default (RabbitMQ's `guest`) is public, not a secret.
                let is_default = s.default.is_some_and(|d| d.to_string() == text);
                (!is_default).then_some(text)
            })
            .filter(|s| !crate::profile::Secret::new(s.clone()).is_placeholder())
            .collect();
        out.extend(self.profile_secrets.iter().cloned());
        out.into()
    }

    /// The WITH options as written, with the values of secret options redacted.
    pub(super) fn redacted_options(&self, secret: &[&'static OptionSpec]) -> Vec<(String, Value)> {
        self.opts
            .entries()
            .map(|(key, value)| {
                // `connector = 'Kafka'` compiles as `kafka` (with a warning): the table
                // carries the registered name, as a restored or printed table would.
                if key.node == CONNECTOR.key {
                    return (
                        key.node.clone(),
                        Value::String(self.connector_name.to_string()),
                    );
                }
                let shown = redacted_by_specs(secret.iter().copied(), &key.node, &value.node)
                    .unwrap_or_else(|| value.node.clone());
                (key.node.clone(), shown)
            })
            .collect()
    }

    /// Reports the options nobody read: the catalogue explains keys of another connection
    /// type or condition; keys of another format, another system or a connector without
    /// `type` get their own message; the rest are unknown.
    pub(super) fn finish_options(
        &mut self,
        ct: Option<ConnectionType>,
        profile: Option<&ConnectionProfile>,
        format: Option<&Format>,
        framing: bool,
    ) {
        if self.opts.pending_keys().is_empty() {
            return; // the common case: every option was read
        }
        let spec = self.connector.spec();
        if let Some(f) = format {
            self.opts.add_catalogue(format::format_options(f.name()));
        }
        let mut misplaced = format::misplaced_format_keys(format.map(Format::name));
        for (foreign, ours) in spec.foreign_options {
            misplaced.push((
                foreign.to_string(),
                codes::UNKNOWN_OPTION,
                format!("unknown option `{foreign}` (that is Flink's name); here it is `{ours}`"),
            ));
        }
        if let (Some(c), false) = (ct, spec.type_option) {
            misplaced.push((
                crate::connector::TYPE_KEY.to_string(),
                codes::UNKNOWN_OPTION,
                format!(
                    "connector `{}` is always a {c}, so it takes no `type` option; remove it",
                    self.connector_name
                ),
            ));
        }
        if !framing {
            misplaced.push((
                format::FRAMING_MAX_LENGTH.key.to_string(),
                codes::OPTION_CONFLICT,
                "`framing.newline.max_length` needs `framing = 'newline'`".to_string(),
            ));
        }
        if profile.is_some() {
            // Reported as set by the profile already.
            self.skip_profile_keys();
        }
        if ct.is_none() {
            // The table's type is unknown (an error was reported): do not pile on.
            for key in self.opts.pending_keys() {
                if spec.table_options.iter().any(|s| s.matches(&key.node)) {
                    self.opts.take(&key.node);
                }
            }
        }
        // Options of another format: say how to use them, or that they go.
        let misplaced: Vec<Misplaced> = misplaced
            .into_iter()
            .map(|(key, code, message)| {
                let help = format::FORMAT_PREFIXES
                    .iter()
                    .find(|(prefix, _)| *prefix == key)
                    .map(|(_, fmt)| {
                        format!("to use them, set `format = '{fmt}'`; otherwise remove them")
                    })
                    .or_else(|| {
                        (key == format::FRAMING_MAX_LENGTH.key)
                            .then(|| format!("set `framing = 'newline'`, or remove `{key}`"))
                    });
                (key, code, message, help)
            })
            .collect();
        self.opts.finish_with_help(&misplaced);
    }
}

/// The value to show instead of `value` when option `key` of `connector` is secret (a
/// sensitive spec, or a settings map holding credentials); `None` when it is not secret.
#[cfg(test)]
fn redacted_value(connector: &dyn ErasedConnector, key: &str, value: &Value) -> Option<Value> {
    redacted_by_specs(secret_capable(connector).into_iter(), key, value)
}

/// The specs of `connector` whose values can be secret (sensitive ones, and settings maps
/// that may hold credentials): a handful, looked up once per table rather than per option.
pub(super) fn secret_capable(connector: &dyn ErasedConnector) -> Vec<&'static OptionSpec> {
    connector
        .spec()
        .options()
        .filter(|s| s.sensitive || s.kind == OptionKind::Map)
        .collect()
}

/// [`redacted_value`] over any set of specs.
pub(super) fn redacted_by_specs<'s>(
    specs: impl Iterator<Item = &'s OptionSpec>,
    key: &str,
    value: &Value,
) -> Option<Value> {
    // A URL written with `user:password@` carries a secret whatever the option is.
    if let Value::String(v) = value {
        if let Some(masked) = crate::profile::redact_url_password(v) {
            return Some(Value::String(masked));
        }
    }
    // Several connectors' specs may share a key (an unknown connector's statement is
    // checked against all of them): any that would redact does.
    specs
        .filter(|s| (s.sensitive || s.kind == OptionKind::Map) && s.matches(key))
        .find_map(|spec| match (value, is_secret_option(spec, key)) {
            (Value::String(v), true) => Some(Value::String(
                crate::profile::Secret::new(v.clone())
                    .redacted()
                    .to_string(),
            )),
            (_, true) => Some(Value::String("********".into())),
            (Value::String(v), false) => {
                let r = crate::profile::redact_settings(v);
                (r != *v).then_some(Value::String(r))
            }
            _ => None,
        })
}

/// Whether `spec` is a secret option and `key` one of its keys: a sensitive option; for a
/// sensitive prefix (`storage.`), only keys whose own name is secret
/// (`storage.aws_secret_access_key`, not `storage.aws_region`).
pub(super) fn is_secret_option(spec: &OptionSpec, key: &str) -> bool {
    spec.sensitive
        && spec.matches(key)
        && (spec.kind != OptionKind::Prefix
            || key
                .get(spec.key.len()..)
                .is_some_and(crate::profile::is_secret_setting))
}

/// Spans of the secret option values written in a script, so renderers can mask them
/// in the source lines they show.
pub(super) fn secret_spans(with: Option<&WithClause>, registry: &Registry) -> Vec<Span> {
    let Some(with) = with else {
        return Vec::new();
    };
    let connector = with
        .options
        .iter()
        // The last value of a repeated key is the one used.
        .rfind(|o| o.key.node == CONNECTOR.key)
        .and_then(|o| match &o.value.node {
            Value::String(s) => registry.get(s.as_str()),
            _ => None,
        });
    // With no known connector, mask what any connector would keep secret: the statement
    // may be wrong, but its secrets are still secrets.
    let secret: Vec<&'static OptionSpec> = match connector {
        Some(c) => secret_capable(c),
        None => registry
            .iter()
            .flat_map(|(_, c)| secret_capable(c))
            .collect(),
    };
    with.options
        .iter()
        .filter(|o| redacted_by_specs(secret.iter().copied(), &o.key.node, &o.value.node).is_some())
        .map(|o| o.value.span)
        .collect()
}

/// The registry's key sets: every key the compiler and the connectors read (exactly; the
/// secret scan matches near misses only of other keys), and the secret ones.
fn key_sets(registry: &Registry) -> crate::connector::KeySets {
    let mut known: rustc_hash::FxHashSet<String> = registry
        .iter()
        .flat_map(|(_, c)| c.spec().options().chain(c.spec().type_spec()))
        .chain(super::COMMON_OPTIONS)
        .chain(
            format::FORMAT_NAMES
                .iter()
                .flat_map(|f| format::format_options(f)),
        )
        .filter(|s| s.kind != OptionKind::Prefix)
        .map(|s| s.key.to_ascii_lowercase())
        .collect();
    known.shrink_to_fit();
    let secret = sensitive_keys(registry, None);
    let known_secret = known
        .iter()
        .filter(|k| secret.contains(&squash(k)))
        .cloned()
        .collect();
    crate::connector::KeySets {
        known,
        known_secret,
        secret,
    }
}

/// The keys whose values are secret, squashed (see [`squash`]): the sensitive options of
/// `connector`, or of every registered connector when it is unknown (not prefixes: their
/// keys are judged by name).
fn sensitive_keys(registry: &Registry, connector: Option<&str>) -> Vec<String> {
    let known = connector.and_then(|c| registry.get(c));
    let specs: Vec<&'static OptionSpec> = match known {
        Some(c) => c.spec().options().collect(),
        None => registry
            .iter()
            .flat_map(|(_, c)| c.spec().options())
            .collect(),
    };
    let mut keys: Vec<String> = specs
        .into_iter()
        .filter(|s| s.sensitive && s.kind != OptionKind::Prefix)
        .map(|s| squash(s.key))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A key lowercased without separators, so `auth.password`, `AUTH_PASSWORD` and
/// `authPassword` (a JSON request) compare equal.
fn squash(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '.' | '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Keys longer than this are never near misses of a secret key.
const MAX_KEY: usize = 64;

/// Whether the value of option `key` is to be masked wherever it is shown: a sensitive key
/// of any connector, written in any case, or within a small edit distance of one
/// (`auth.pasword`); or a name that says it is a credential (`ssl.key.pem`, `api_key`).
fn is_secret_key(key: &str, sensitive: &[String]) -> bool {
    if key.len() > MAX_KEY {
        return false;
    }
    if crate::profile::is_secret_setting(key) {
        return true;
    }
    let k = squash(key);
    let len = k.chars().count();
    let limit = match len {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    };
    // Lengths that differ by more than the limit cannot be within it: skip the distance.
    sensitive.iter().any(|s| {
        *s == k
            || (limit > 0
                && s.len().abs_diff(k.len()) <= limit
                && strsim::damerau_levenshtein(s, &k) <= limit)
    })
}

/// Byte classes of the lexical secret scan ([`byte_class`]).
const SPACE: u8 = 1;
const QUOTE: u8 = 2;
/// Starts a bare word.
const WORD_START: u8 = 4;
/// Continues a bare word.
const WORD: u8 = 8;

/// The classes of byte `b` for [`lexical_secret_spans`]: one table lookup instead of a
/// chain of comparisons per byte of the script.
fn byte_class(b: u8) -> u8 {
    // Built at compile time: an index out of bounds would fail the build, not a run.
    #[allow(clippy::indexing_slicing)]
    const TABLE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            let word = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'$') || c >= 0x80;
            t[b] = if c.is_ascii_whitespace() {
                SPACE
            } else if matches!(c, b'\'' | b'"' | b'`') {
                QUOTE
            } else if word {
                WORD_START | WORD
            } else if c == b'-' {
                WORD
            } else {
                0
            };
            b += 1;
        }
        t
    };
    TABLE.get(usize::from(b)).copied().unwrap_or(0)
}

/// The first `needle` in `bytes` at or after `from`.
fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    let rest = bytes.get(from..)?;
    rest.iter().position(|&c| c == needle).map(|p| from + p)
}

/// The first `a` or `b` in `bytes` at or after `from`.
fn find_either(bytes: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|&c| c == a || c == b)
        .map(|p| from + p)
}

/// One token of the bounded lexical scan of [`lexical_secret_spans`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A quoted string or identifier; the span is the text inside the quotes.
    Quoted(Span),
    /// A bare word (`auth.password`, `hunter2`, `42`).
    Word(Span),
    /// `=` (SQL) or `:` (JSON).
    Sep,
    /// Anything else.
    Other,
}

/// Spans of secret values in `text` (a SQL script, or a JSON request when `json`), found by
/// a linear lexical scan that does not depend on the text parsing or compiling: the value
/// after every `key = value` (`"key": value`) whose key [`is_secret_key`], and the
/// credentials inside every quoted string (a URL's password, `?token=…`,
/// `sasl.password=…`).
pub(crate) fn lexical_secret_spans(text: &str, json: bool, registry: &Registry) -> Vec<Span> {
    let sets = registry.key_sets(key_sets);
    let any = &sets.secret;
    // Scripts repeat their keys statement after statement: decide each key once.
    let mut decided: rustc_hash::FxHashMap<&str, bool> = rustc_hash::FxHashMap::default();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Within one statement: the connector named, and the values of keys secret for some
    // connector, decided at the statement's end against the connector's own keys.
    let mut connector: Option<&str> = None;
    let mut pending: Vec<(&str, Span)> = Vec::new();
    let flush =
        |connector: &mut Option<&str>, pending: &mut Vec<(&str, Span)>, out: &mut Vec<Span>| {
            if pending.is_empty() {
                *connector = None;
                return;
            }
            let keys = match connector.and_then(|c| registry.get(c)) {
                Some(_) => sensitive_keys(registry, *connector),
                None => any.clone(),
            };
            out.extend(
                pending
                    .drain(..)
                    .filter(|(k, _)| is_secret_key(k, &keys))
                    .map(|(_, v)| v),
            );
            *connector = None;
        };
    // The last two tokens before the current one.
    let (mut prev2, mut prev1) = (Tok::Other, Tok::Other);
    let at = |i: usize| bytes.get(i).copied();
    let mut i = 0;
    while let Some(b) = at(i) {
        let start = i;
        let class = byte_class(b);
        let tok = if class & SPACE != 0 {
            i += 1;
            while at(i).is_some_and(|c| byte_class(c) & SPACE != 0) {
                i += 1;
            }
            continue;
        } else if !json && b == b'-' && at(i + 1) == Some(b'-') {
            i = find_byte(bytes, i + 2, b'\n').unwrap_or(bytes.len());
            continue;
        } else if !json && b == b'/' && at(i + 1) == Some(b'*') {
            i += 2;
            // Not nested: the first `*/` closes it.
            loop {
                match find_byte(bytes, i, b'*') {
                    Some(star) if at(star + 1) == Some(b'/') => break i = star + 2,
                    Some(star) => i = star + 1,
                    None => break i = bytes.len(),
                }
            }
            continue;
        } else if class & QUOTE != 0 {
            i += 1;
            loop {
                let stop = match json {
                    true => find_either(bytes, i, b, b'\\'),
                    false => find_byte(bytes, i, b),
                };
                let Some(stop) = stop else {
                    i = bytes.len();
                    break;
                };
                i = stop;
                if at(i) == Some(b'\\') && json {
                    i += 2;
                } else if !json && at(i + 1) == Some(b) {
                    // SQL doubles a quote to escape it.
                    i += 2;
                } else {
                    break;
                }
            }
            let inner = Span::new(start + 1, i.min(bytes.len()));
            i = (i + 1).min(bytes.len());
            if let Some(s) = text.get(inner.start..inner.end) {
                out.extend(
                    crate::profile::credential_ranges(s)
                        .into_iter()
                        .map(|r| Span::new(inner.start + r.start, inner.start + r.end)),
                );
            }
            Tok::Quoted(inner)
        } else if class & WORD_START != 0 {
            i += 1;
            while at(i).is_some_and(|c| byte_class(c) & WORD != 0) {
                i += 1;
            }
            Tok::Word(Span::new(start, i))
        } else if (json && b == b':') || (!json && b == b'=') {
            i += 1;
            Tok::Sep
        } else {
            i += 1;
            if !json && b == b';' {
                flush(&mut connector, &mut pending, &mut out);
            }
            Tok::Other
        };
        if let (
            Tok::Quoted(key) | Tok::Word(key),
            Tok::Sep,
            Tok::Quoted(value) | Tok::Word(value),
        ) = (prev2, prev1, tok)
        {
            let key = text.get(key.start..key.end).unwrap_or("");
            let shown = text.get(value.start..value.end).unwrap_or("");
            if key.eq_ignore_ascii_case(super::CONNECTOR.key) {
                connector = Some(shown);
            } else if *decided.entry(key).or_insert_with(|| {
                // A key some connector reads as written is no misspelling: it is secret
                // when it is sensitive. Only other keys are matched for near misses.
                // Keys are nearly always written in lower case: look them up as written.
                let lower = if key.bytes().any(|b| b.is_ascii_uppercase()) {
                    std::borrow::Cow::Owned(key.to_ascii_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(key)
                };
                if sets.known.contains(lower.as_ref()) {
                    sets.known_secret.contains(lower.as_ref())
                } else {
                    is_secret_key(key, any)
                }
            }) && !shown.is_empty()
                && !crate::profile::Secret::new(shown).is_placeholder()
            {
                pending.push((key, value));
            }
        }
        prev2 = prev1;
        prev1 = tok;
    }
    flush(&mut connector, &mut pending, &mut out);
    out.sort_by_key(|s| (s.start, s.end));
    out.dedup();
    out
}

/// Masks secrets in diagnostics made from `sql` without compiling it (the front end alone,
/// [`crate::check_syntax`]): every secret value the lexical scan finds by key
/// ([`lexical_secret_spans`]), and every credential written in a URL or a setting, is
/// replaced by `********` in each message, label and help. The spans are left as they are.
/// Parser messages quote tokens (`found: hunter2`), so a script with a syntax error could
/// otherwise show a password.
pub(crate) fn redact_syntax_diagnostics(
    sql: &str,
    diagnostics: &mut [crate::diagnostics::Diagnostic],
    registry: &Registry,
) {
    let spans = lexical_secret_spans(sql, false, registry);
    super::output::redact_messages(diagnostics, &spans, sql);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, run_stage, table_def};
    use super::super::Env;
    use super::*;

    #[test]
    fn secret_values_are_redacted() {
        let registry = Registry::builtin();
        let kafka = registry.get("kafka");
        let shown = kafka
            .and_then(|k| redacted_value(k, "auth.password", &Value::String("hunter2".into())));
        assert_eq!(shown, Some(Value::String("********".into())));
        // A placeholder is shown as written; a plain option is not secret.
        let shown = kafka
            .and_then(|k| redacted_value(k, "auth.password", &Value::String("{{ PW }}".into())));
        assert_eq!(shown, Some(Value::String("{{ PW }}".into())));
        assert_eq!(
            kafka.and_then(|k| redacted_value(k, "topic", &Value::String("t".into()))),
            None
        );
        // A URL with a password is secret whatever the option.
        let url = Value::String("redis://u:pw@h:1".into());
        assert_eq!(
            redacted_by_specs(std::iter::empty(), "address", &url),
            Some(Value::String("redis://u:********@h:1".into()))
        );
    }

    #[test]
    fn secret_spans_cover_secret_values_only() {
        let registry = Registry::builtin();
        let sql = "CREATE TABLE t (id INT) WITH (connector = 'kafka', topic = 't', 'auth.password' = 'hunter2')";
        let mut def = table_def(sql);
        let spans = secret_spans(def.with.take().as_ref(), &registry);
        let shown: Vec<&str> = spans
            .iter()
            .filter_map(|s| sql.get(s.start..s.end))
            .collect();
        assert_eq!(shown, ["'hunter2'"]);
    }

    #[test]
    fn the_lexical_scan_masks_by_key_whatever_parses() {
        let registry = Registry::builtin();
        let shown = |text: &str, json: bool| -> Vec<String> {
            lexical_secret_spans(text, json, &registry)
                .iter()
                .filter_map(|s| text.get(s.start..s.end).map(str::to_string))
                .collect()
        };
        // A missing comma, a misspelled and an upper-cased key, a comment with a quote.
        let sql = "-- don't\nCREATE TABLE t WITH (connector = 'kafka' 'auth.pasword' = 'p1x', PASSWORD = 'p2x', topic = 't');";
        assert_eq!(shown(sql, false), ["p1x", "p2x"]);
        // Secret for Kafka, not for NATS; placeholders are not secrets.
        let sql = "CREATE TABLE a WITH (connector = 'nats', auth.username = 'u'); CREATE TABLE b WITH (auth.username = 'v', connector = 'kafka', auth.password = '{{ PW }}')";
        assert_eq!(shown(sql, false), ["v"]);
        // A request that does not parse, and credentials inside strings.
        let json = r#"{"connector": "kafka", "config": {"authPassword": "p3x", "endpoint": "https://u:p4x@h"#;
        assert_eq!(shown(json, true), ["p3x", "p4x"]);
    }

    #[test]
    fn storage_values_are_secret_by_name() {
        let registry = Registry::builtin();
        let fs = registry.get("filesystem");
        let v = Value::String("v".into());
        assert!(fs
            .and_then(|c| redacted_value(c, "storage.aws_secret_access_key", &v))
            .is_some());
        assert!(fs
            .and_then(|c| redacted_value(c, "storage.aws_region", &v))
            .is_none());
    }

    #[test]
    fn leftover_options_are_unknown_or_misplaced() {
        let registry = Registry::builtin();
        let sql = "CREATE TABLE t (id INT) WITH (connector = 'kafka', type = 'source', topik = 't', 'framing.newline.max_length' = '10')";
        let (_, diags) = run_stage(sql, &Env::new(&registry), |c| {
            c.opts.take("type");
            c.finish_options(Some(ConnectionType::Source), None, None, false);
        });
        let mut found = codes(&diags);
        found.sort_unstable();
        assert_eq!(found, ["option::conflict", "option::unknown"]);
    }

    #[test]
    fn syntax_diagnostics_are_redacted_by_key() {
        use crate::diagnostics::Diagnostic;
        let registry = Registry::builtin();
        let sql = "CREATE TABLE t (id INT) WITH (connector = 'kafka' 'auth.pasword' = 'Zq9hunter2', \
                   PASSWORD = Zq9bare oops, bootstrap_servers = 'u:Zq9urlpw@h:9092', topic = 'tpc')";
        // What the parser really says about it, and messages that quote each secret.
        let mut diags = crate::parse::parse_script(sql).diagnostics;
        diags.push(
            Diagnostic::error(codes::SYNTAX, Span::new(0, 1), "found `Zq9hunter2`")
                .with_label(Span::new(0, 1), "`Zq9bare` here")
                .with_help("not `u:Zq9urlpw@h:9092`, nor `tpc`"),
        );
        redact_syntax_diagnostics(sql, &mut diags, &registry);
        let all = format!("{diags:?}");
        assert!(!all.contains("Zq9"), "a secret shows in {all}");
        let last = diags.last().expect("the pushed diagnostic");
        assert_eq!(last.message, "found `********`");
        assert_eq!(
            last.labels.first().map(|l| l.message.as_str()),
            Some("`********` here")
        );
        // What is not secret is left alone.
        assert!(
            last.help.as_deref().is_some_and(|h| h.contains("`tpc`")),
            "{last:?}"
        );
    }
}
