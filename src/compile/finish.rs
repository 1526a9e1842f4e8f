//! Last stage: the options nobody read (unknown, misplaced, of another format or type),
//! and secrets — which values are secret, redacted from output and masked in source.

use super::CONNECTOR;
use crate::connector::{ConnectionType, ErasedConnector, Registry};
use crate::diagnostics::codes;
use crate::options::{OptionKind, OptionSpec, Value};
use crate::parse::WithClause;
use crate::profile::ConnectionProfile;
use crate::schema::format::{self, Format};
use crate::span::Span;

use super::TableCompiler;
impl TableCompiler<'_> {
    /// The values of this table's secret options (placeholders are not secret).
    pub(super) fn secret_values(&self) -> std::sync::Arc<[String]> {
        let spec = self.connector.spec();
        let mut out: Vec<String> = self
            .opts
            .entries()
            .filter_map(|(k, v)| {
                let s = spec.options().find(|s| s.sensitive && s.matches(&k.node))?;
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
    pub(super) fn redacted_options(&self) -> Vec<(String, Value)> {
        let secret = secret_capable(self.connector);
        self.opts
            .entries()
            .map(|(key, value)| {
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
        self.opts.finish(&misplaced);
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
fn secret_capable(connector: &dyn ErasedConnector) -> Vec<&'static OptionSpec> {
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
        .find_map(|spec| match (value, spec.sensitive) {
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

/// Spans of the secret option values written in a script, so renderers can mask them
/// in the source lines they show.
pub(super) fn secret_spans(with: Option<&WithClause>, registry: &Registry) -> Vec<Span> {
    let Some(with) = with else {
        return Vec::new();
    };
    let connector = with
        .options
        .iter()
        .find(|o| o.key.node == CONNECTOR.key)
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
}
