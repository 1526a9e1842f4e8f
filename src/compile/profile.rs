//! Stage: the connection profile — read from a named profile (`connection_profile`) or
//! from the WITH clause; options a profile provides must not be written again.

use std::sync::Arc;

use crate::connector::Registry;
use crate::diagnostics::{codes, Diagnostic, Label, Origin};
use crate::options::{json_to_value, ConnectorOptions};
use crate::profile::shape::{arroyo_path, flatten, Flat};
use crate::profile::{is_secret_setting, ConnectionProfile, ProfileSource, ResolveError, Secret};
use crate::span::{Span, Spanned};

use super::TableCompiler;
use crate::messages;
impl TableCompiler<'_> {
    /// Reads the profile: from the named connection profile, or from the WITH clause.
    pub(super) fn profile(
        &mut self,
        profile_ref: Option<&Spanned<String>>,
    ) -> (
        Option<crate::connector::ErasedValue>,
        Option<ConnectionProfile>,
    ) {
        let Some(name) = profile_ref else {
            return (self.connector.profile_from_options(&mut self.opts), None);
        };
        let info = self.connector.spec();
        if !info.has_profile() {
            self.opts.report(
                Diagnostic::error(
                    codes::PROFILE_CONNECTOR,
                    name.span,
                    format!("connector `{}` takes no connection profile", info.name),
                )
                .with_help("remove `connection_profile`"),
            );
            return (self.connector.profile_from_options(&mut self.opts), None);
        }
        let profile = match self.env.profiles.resolve(&name.node) {
            Ok(profile) => profile,
            Err(ResolveError::NotFound) => {
                self.profile_not_found(name);
                return (None, None);
            }
            Err(e) => {
                let what = format!("connection profile `{}`", name.node);
                let d = messages::resolve_failed(
                    name.span,
                    &what,
                    &e,
                    codes::PROFILE_UNAVAILABLE,
                    codes::PROFILE_INVALID,
                );
                if let Some(d) = d {
                    self.opts.report(d);
                }
                self.skip_profile_keys();
                return (None, None);
            }
        };
        if profile.connector != info.name {
            self.opts.report(Diagnostic::error(
                codes::PROFILE_CONNECTOR,
                name.span,
                format!(
                    "connection profile `{}` is for connector `{}`, not `{}`",
                    profile.name, profile.connector, info.name
                ),
            ));
            self.skip_profile_keys();
            return (None, None);
        }
        let source = self.env.profiles.source(&name.node);
        let flat = flatten(&profile.connector, &profile.config);
        let context = format!("connection profile `{}`", profile.name);
        let mut popts = profile_options(&flat, source.as_ref(), name.span, &context);
        popts.add_catalogue(info.profile_options);
        let typed = self.connector.profile_from_options(&mut popts);
        popts.finish(&[]);
        self.profile_secrets = self.profile_secret_values(&flat);
        let arroyo_shaped = !flat.renamed.is_empty();
        let mut diagnostics = popts.take_diagnostics();
        // The document is masked only for a profile that has something to show.
        let masked = source
            .as_ref()
            .filter(|_| !diagnostics.is_empty())
            .map(|s| {
                let registry = self.env.registry;
                s.masked_text(&|connector, key| is_profile_secret(registry, connector, key))
            });
        // A misspelled key of Arroyo's shape is one mistake: the unknown key says what it
        // means and that it is required, and the required option is not reported again.
        let meant: std::collections::HashSet<&str> =
            flat.errors.iter().filter_map(|e| e.meant).collect();
        let mut required: std::collections::HashSet<&str> = std::collections::HashSet::new();
        diagnostics.retain(|d| {
            let missing = (d.code == codes::MISSING_OPTION)
                .then(|| d.message.rsplit('`').nth(1))
                .flatten()
                .and_then(|key| meant.get(key).copied());
            if let Some(key) = missing {
                required.insert(key);
            }
            missing.is_none()
        });
        let unknown: std::collections::HashMap<String, &str> = flat
            .errors
            .iter()
            .filter_map(|e| Some((format!("{context}: {}", e.message), e.meant?)))
            .filter(|(_, key)| required.contains(key))
            .collect();
        for d in &mut diagnostics {
            if unknown.contains_key(&d.message) {
                if let Some(h) = d.help.as_mut() {
                    h.push_str(" (it is required)");
                }
            }
        }
        for mut d in diagnostics {
            for text in std::iter::once(&mut d.message).chain(d.help.as_mut()) {
                let worded = json_wording(text);
                let named = if arroyo_shaped {
                    arroyo_names(&worded, &profile.connector, &flat.renamed)
                } else {
                    worded
                };
                *text = crate::profile::redact_text(&named, &self.profile_secrets);
            }
            // The option grammar's help shows SQL (`port = 5552`); a profile is JSON.
            if wants_a_number(&d.message) {
                d.help = Some("write it as a JSON number, e.g. `5`".into());
            }
            // Edits of the profile document are not edits of the compiled text.
            d.fixes.clear();
            match (&source, &masked) {
                (Some(src), Some(text)) => {
                    let at = if d.span.is_detached() {
                        src.config_key()
                    } else {
                        d.span
                    };
                    let mut origin = Origin::new(src.name(), Arc::clone(text), at);
                    origin.labels = std::mem::take(&mut d.labels);
                    d.origin = Some(Box::new(origin));
                    d.span = name.span;
                    d.labels = vec![Label {
                        span: name.span,
                        message: format!("connection profile `{}` used here", profile.name),
                    }];
                }
                _ => {
                    if d.span.is_detached() {
                        d.span = name.span;
                    }
                }
            }
            // Every mistake inside a profile is one kind of mistake for the table: its
            // profile is invalid. The message keeps what exactly is wrong.
            if d.is_error() {
                d.code = codes::PROFILE_INVALID;
            }
            self.opts.report(d);
        }
        // Connection options written in WITH as well are a mistake: the profile wins.
        for spec in info.profile_options {
            for key in self.opts.pending_keys() {
                if spec.matches(&key.node) {
                    self.opts.take(&key.node);
                    self.opts.report(
                        Diagnostic::error(
                            codes::OPTION_SET_BY_PROFILE,
                            key.span,
                            format!("`{}` is a connection option, and connection profile `{}` provides the connection", key.node, profile.name),
                        )
                        .with_help("remove it here, or drop `connection_profile` and give every connection option in WITH"),
                    );
                }
            }
        }
        (typed, Some(profile))
    }

    /// The secret values of a profile: of its sensitive options, of settings named like a
    /// credential, and the credentials written inside its values. What a profile holds may
    /// be quoted by its diagnostics; these are redacted from them, and from the output.
    fn profile_secret_values(&self, flat: &Flat) -> Vec<String> {
        let info = self.connector.spec();
        let mut out: Vec<String> = Vec::new();
        for e in &flat.entries {
            let Some(v) = e.value.as_str() else { continue };
            let sensitive = info
                .profile_options
                .iter()
                .any(|s| super::finish::is_secret_option(s, &e.key))
                || is_secret_setting(&e.key);
            // A one- or two-character value would redact ordinary words from messages.
            if sensitive && v.chars().count() >= 3 && !Secret::new(v).is_placeholder() {
                out.push(v.to_string());
            }
            out.extend(
                crate::profile::credential_ranges(v)
                    .into_iter()
                    .filter_map(|r| v.get(r).map(str::to_string))
                    .filter(|s| s.chars().count() >= 3),
            );
        }
        out
    }

    /// Reports a `connection_profile` the resolver does not know, suggesting among the
    /// connector's own profiles (another connector's would fail).
    pub(super) fn profile_not_found(&mut self, name: &Spanned<String>) {
        let spec = self.connector.spec();
        let names = self.env.profiles.names_for(spec.name);
        let otherwise = if names.is_empty() {
            format!(
                "no connection profiles for connector `{}` are defined (ddlc: pass them with --profiles)",
                spec.name
            )
        } else {
            format!("known `{}` profiles: {}", spec.name, names.join(", "))
        };
        self.opts.report(messages::suggest(
            Diagnostic::error(
                codes::PROFILE_NOT_FOUND,
                name.span,
                format!("connection profile `{}` not found", name.node),
            ),
            &name.node,
            names.iter().map(String::as_str),
            Some(otherwise),
        ));
        self.skip_profile_keys();
    }

    pub(super) fn skip_profile_keys(&mut self) {
        for spec in self.connector.spec().profile_options {
            for key in self.opts.pending_keys() {
                if spec.matches(&key.node) {
                    self.opts.take(&key.node);
                }
            }
        }
    }
}

/// The options of a profile read as flat options, in document order, each at the place it
/// is written in the profile document (with a `source`), or else at the reference.
fn profile_options(
    flat: &Flat,
    source: Option<&ProfileSource>,
    reference: Span,
    context: &str,
) -> ConnectorOptions {
    let place = |path: &[String]| {
        source
            .and_then(|s| s.spans(path))
            .unwrap_or((reference, reference))
    };
    let anchor = source
        .map(ProfileSource::config_key)
        .filter(|s| !s.is_detached())
        .unwrap_or(reference);
    // Fixes would edit the SQL text at spans that may lie in the profiles document.
    let mut opts = ConnectorOptions::empty(anchor)
        .with_context(context)
        .without_fixes();
    let mut entries: Vec<_> = flat.entries.iter().map(|e| (place(&e.path), e)).collect();
    // Stable: without a document every place is the reference, and the order stays.
    entries.sort_by_key(|((key, _), _)| key.start);
    for ((key, value), e) in entries {
        opts.insert(
            Spanned::new(e.key.clone(), key),
            json_to_value(&e.value, value),
        );
    }
    for err in &flat.errors {
        let (key, value) = place(&err.path);
        opts.report(
            Diagnostic::error(
                codes::PROFILE_INVALID,
                if err.at_key { key } else { value },
                err.message.clone(),
            )
            .with_optional_help(err.help.clone()),
        );
    }
    opts
}

/// Whether the flat option `key` of a profile of `connector` is secret: sensitive for that
/// connector (for any connector when it is not registered), or named like a credential.
fn is_profile_secret(registry: &Registry, connector: &str, key: &str) -> bool {
    let sensitive = |c: &dyn crate::connector::ErasedConnector| {
        c.spec()
            .profile_options
            .iter()
            .any(|s| super::finish::is_secret_option(s, key))
    };
    let by_spec = match registry.get(connector) {
        Some(c) => sensitive(c),
        None => registry.iter().any(|(_, c)| sensitive(c)),
    };
    by_spec || is_secret_setting(key)
}

/// A message about a profile value in JSON's words: the option grammar speaks SQL
/// ("a single-quoted string", `'10s'`), a profile is JSON (`"10s"`).
fn json_wording(text: &str) -> String {
    let text = text
        .replace("write it in single quotes:", "write it as a JSON string:")
        .replace("a single-quoted string", "a string")
        .replace("a quoted string", "a string")
        .replace(" in single quotes", "");
    // Every `'sql literal'` in backticks becomes a JSON string.
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push('`');
        let quoted = i % 2 == 0;
        let literal = |p: &str| {
            let inner = p.strip_prefix('\'')?.strip_suffix('\'')?.replace("''", "'");
            Some(serde_json::to_string(&inner).unwrap_or(inner))
        };
        if !quoted || part.len() < 2 {
            out.push_str(part);
        } else if let Some(json) = literal(part) {
            out.push_str(&json);
        } else if let Some((key, value)) = part
            .split_once(" = ")
            .and_then(|(k, v)| Some((k, literal(v)?)))
            .filter(|(k, _)| !k.contains(' '))
        {
            // `auth.type = 'sasl'` → `"auth.type": "sasl"`
            out.push_str(&format!("\"{key}\": {value}"));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Whether `message` says a number was expected and something else was found.
fn wants_a_number(message: &str) -> bool {
    [
        "expected a non-negative integer",
        "expected an integer",
        "expected a number",
        "expected a positive",
    ]
    .iter()
    .any(|w| message.contains(w))
        && message.contains("found `\"")
}

/// `text` with the flat option keys in backticks named as the profile writes them in
/// Arroyo's shape (`auth.password` → `authentication.password`).
fn arroyo_names(text: &str, connector: &str, renamed: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        let name = if i % 2 == 1 {
            renamed
                .iter()
                .find(|(flat, _)| flat == part)
                .map(|(_, json)| json.clone())
                .or_else(|| arroyo_path(connector, part))
        } else {
            None
        };
        out.push_str(name.as_deref().unwrap_or(part));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, kafka_profile, run_stage};
    use super::super::Env;
    use super::*;
    use crate::connector::Registry;
    use crate::profile::{ProfileResolver, Profiles};

    /// A store that always fails the same way.
    struct Failing(ResolveError);

    impl ProfileResolver for Failing {
        fn resolve(&self, _: &str) -> Result<ConnectionProfile, ResolveError> {
            Err(self.0.clone())
        }
    }

    const SQL: &str = "CREATE TABLE t (id INT) WITH (connector = 'kafka', connection_profile = 'prod', topic = 't', type = 'source', format = 'json')";

    fn profile_stage(profiles: &dyn ProfileResolver, sql: &str) -> (bool, Vec<Diagnostic>) {
        let registry = Registry::builtin();
        let env = Env::new(&registry).with_profiles(profiles);
        run_stage(sql, &env, |c| {
            let name = c.opts.string(&super::super::CONNECTION_PROFILE);
            let (typed, used) = c.profile(name.as_ref());
            typed.is_some() && used.is_some()
        })
    }

    #[test]
    fn a_known_profile_provides_the_connection() {
        let (ok, diags) = profile_stage(&Profiles(vec![kafka_profile()]), SQL);
        assert!(ok);
        assert!(diags.is_empty(), "{diags:?}");
        // A connection option written again in WITH is a mistake.
        let sql = SQL.replace("topic = 't'", "topic = 't', bootstrap_servers = 'x:1'");
        let (_, diags) = profile_stage(&Profiles(vec![kafka_profile()]), &sql);
        assert_eq!(codes(&diags), ["option::set_by_profile"]);
    }

    #[test]
    fn not_found_suggests_the_connectors_profiles() {
        let sql = SQL.replace("'prod'", "'prd'");
        let (ok, diags) = profile_stage(&Profiles(vec![kafka_profile()]), &sql);
        assert!(!ok);
        assert_eq!(codes(&diags), ["profile::not_found"]);
        assert_eq!(
            diags.first().and_then(|d| d.help.as_deref()),
            Some("did you mean `prod`?")
        );
        let (_, diags) = profile_stage(&Failing(ResolveError::NotFound), SQL);
        assert_eq!(codes(&diags), ["profile::not_found"]);
    }

    #[test]
    fn an_unavailable_store_is_not_a_missing_profile() {
        let (ok, diags) =
            profile_stage(&Failing(ResolveError::Unavailable("timed out".into())), SQL);
        assert!(!ok);
        assert_eq!(codes(&diags), ["profile::unavailable"]);
        assert_eq!(
            diags.first().map(|d| d.message.as_str()),
            Some("connection profile `prod` could not be looked up: timed out")
        );
    }

    #[test]
    fn profile_messages_speak_json() {
        assert_eq!(
            json_wording("expected a single-quoted string, found `5`"),
            "expected a string, found `5`"
        );
        assert_eq!(
            json_wording("write it in single quotes: `'5'`"),
            "write it as a JSON string: `\"5\"`"
        );
        assert_eq!(
            json_wording("found `'it''s'`; e.g. `'10s'`, not `x`"),
            "found `\"it's\"`; e.g. `\"10s\"`, not `x`"
        );
        assert_eq!(
            json_wording("required when `auth.type = 'sasl'`"),
            "required when `\"auth.type\": \"sasl\"`"
        );
        assert!(wants_a_number(
            "invalid value for `port`: expected a non-negative integer, found `\"x\"`"
        ));
        assert!(!wants_a_number("expected an integer, found `5.5`"));
    }

    #[test]
    fn arroyo_shaped_profiles_are_named_as_written() {
        let renamed = vec![(
            "bootstrap_servers".to_string(),
            "bootstrapServers".to_string(),
        )];
        assert_eq!(
            arroyo_names(
                "`bootstrap_servers` and `auth.password`, not `topic`",
                "kafka",
                &renamed
            ),
            "`bootstrapServers` and `authentication.password`, not `topic`"
        );
    }

    #[test]
    fn an_unusable_answer_is_an_invalid_profile() {
        let (ok, diags) = profile_stage(&Failing(ResolveError::Invalid("bad JSON".into())), SQL);
        assert!(!ok);
        assert_eq!(codes(&diags), ["profile::invalid"]);
    }
}
