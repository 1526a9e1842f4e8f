//! Stage: the connection profile — read from a named profile (`connection_profile`) or
//! from the WITH clause; options a profile provides must not be written again.

use crate::diagnostics::{codes, Diagnostic};
use crate::options::ConnectorOptions;
use crate::profile::ConnectionProfile;
use crate::span::Spanned;

use super::{messages, TableCompiler};
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
        let Some(profile) = self.env.profiles.resolve(&name.node) else {
            // Suggest among this connector's profiles only: another connector's would fail.
            let names = self.env.profiles.names_for(info.name);
            let otherwise = if names.is_empty() {
                format!(
                    "no connection profiles for connector `{}` are defined (ddlc: pass them with --profiles)",
                    info.name
                )
            } else {
                format!("known `{}` profiles: {}", info.name, names.join(", "))
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
            return (None, None);
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
                    .any(|s| s.sensitive && s.matches(k))
            })
            .filter_map(|(_, v)| v.as_str().map(str::to_string))
            .filter(|s| !crate::profile::Secret::new(s.clone()).is_placeholder())
            .collect();
        for mut d in popts.take_diagnostics() {
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
