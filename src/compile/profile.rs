//! Stage: the connection profile — read from a named profile (`connection_profile`) or
//! from the WITH clause; options a profile provides must not be written again.

use crate::diagnostics::{codes, Diagnostic};
use crate::options::ConnectorOptions;
use crate::profile::{ConnectionProfile, ResolveError};
use crate::span::Spanned;

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
        let mut popts = ConnectorOptions::from_json(&profile.config, name.span)
            .with_context(format!("connection profile `{}`", profile.name));
        popts.add_catalogue(info.profile_options);
        let typed = self.connector.profile_from_options(&mut popts);
        popts.finish(&[]);
        self.profile_secrets = profile
            .config
            .iter()
            .filter(|(k, _)| {
                info.profile_options
                    .iter()
                    .any(|s| super::finish::is_secret_option(s, k))
            })
            .filter_map(|(_, v)| v.as_str().map(str::to_string))
            .filter(|s| !crate::profile::Secret::new(s.clone()).is_placeholder())
            .collect();
        // What a profile holds may be quoted by its diagnostics: secret-named values and
        // the credentials inside values are redacted from them, and from the output.
        for (k, v) in &profile.config {
            let Some(v) = v.as_str() else { continue };
            if crate::profile::is_secret_setting(k)
                && !crate::profile::Secret::new(v).is_placeholder()
                && !v.is_empty()
            {
                self.profile_secrets.push(v.to_string());
            }
            self.profile_secrets.extend(
                crate::profile::credential_ranges(v)
                    .into_iter()
                    .filter_map(|r| v.get(r).map(str::to_string))
                    .filter(|s| s.chars().count() >= 3),
            );
        }
        for mut d in popts.take_diagnostics() {
            d.message = crate::profile::redact_text(&d.message, &self.profile_secrets);
            if let Some(h) = d.help.as_mut() {
                *h = crate::profile::redact_text(h, &self.profile_secrets);
            }
            if d.span.is_detached() {
                d.span = name.span;
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
    fn an_unusable_answer_is_an_invalid_profile() {
        let (ok, diags) = profile_stage(&Failing(ResolveError::Invalid("bad JSON".into())), SQL);
        assert!(!ok);
        assert_eq!(codes(&diags), ["profile::invalid"]);
    }
}
