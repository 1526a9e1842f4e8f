//! Helpers the message-broker connectors (kafka, confluent, kinesis, fluvio, mqtt, nats,
//! rabbitmq, redis) share: secrets, values they check beyond their spec's kind, and
//! options that only work in pairs.

use arrow_schema::Field;

use crate::diagnostics::{codes, Diagnostic};
use crate::options::{ConnectorOptions, OptionSpec};
use crate::profile::Secret;
use crate::schema::ConnectionSchema;
use crate::span::{Span, Spanned};

/// Pulls a string option as a [`Secret`].
pub(crate) fn secret(opts: &mut ConnectorOptions, spec: &OptionSpec) -> Option<Secret> {
    opts.string(spec).map(|s| Secret::new(s.node))
}

/// Checks a pulled string with the connector's own grammar (`check` returns the value
/// or a message and an optional help), reporting "invalid value for `key`: …" at the
/// value when it fails. `fallback_help` is used when `check` gives none.
pub(crate) fn checked<T>(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
    value: Option<Spanned<String>>,
    fallback_help: Option<&str>,
    check: impl FnOnce(&str) -> Result<T, (String, Option<String>)>,
) -> Option<T> {
    let value = value?;
    match check(&value.node) {
        Ok(t) => Some(t),
        Err((msg, help)) => {
            report_invalid(opts, spec.key, value.span, &msg, help, fallback_help);
            None
        }
    }
}

/// Reports "invalid value for `key`: msg" at `span`, with `help` or else `fallback_help`.
pub(crate) fn report_invalid(
    opts: &mut ConnectorOptions,
    key: &str,
    span: Span,
    msg: &str,
    help: Option<String>,
    fallback_help: Option<&str>,
) {
    let help = help.or_else(|| fallback_help.map(str::to_string));
    opts.report(
        Diagnostic::error(
            codes::INVALID_VALUE,
            span,
            format!("invalid value for `{key}`: {msg}"),
        )
        .with_optional_help(help),
    );
}

/// Reports that a table sets neither of two alternative options (`message` names them),
/// unless one was set but invalid: that is reported already, and was not forgotten.
pub(crate) fn report_neither(
    opts: &mut ConnectorOptions,
    set_but_invalid: bool,
    message: &str,
    help: &str,
) {
    if !set_but_invalid {
        let anchor = opts.anchor();
        opts.report(Diagnostic::error(codes::MISSING_OPTION, anchor, message).with_help(help));
    }
}

/// A client certificate and its private key go together: reports the one of
/// `cert` (with spec `cert_spec`) and `key` (`key_spec`) that is set without the other.
pub(crate) fn require_pair(
    opts: &mut ConnectorOptions,
    (cert_spec, cert): (&OptionSpec, Option<Span>),
    (key_spec, key): (&OptionSpec, Option<Span>),
) {
    let (span, this, needs) = match (cert, key) {
        (Some(c), None) => (c, cert_spec, key_spec),
        (None, Some(k)) => (k, key_spec, cert_spec),
        _ => return,
    };
    opts.report(
        Diagnostic::error(
            codes::OPTION_CONFLICT,
            span,
            format!(
                "`{}` needs `{}`: a client certificate is used with its private key",
                this.key, needs.key
            ),
        )
        .with_help(format!("set `{}`, or remove `{}`", needs.key, this.key)),
    );
}

/// Warns that each of `specs` that is written has no effect: `why` completes
/// "`key` …", `help` says what to do.
pub(crate) fn warn_no_effect(
    opts: &mut ConnectorOptions,
    specs: &[&OptionSpec],
    why: &str,
    help: &str,
) {
    for spec in specs {
        if let Some(span) = opts.key_span(spec.key) {
            opts.report(
                crate::messages::not_applicable(span, format!("`{}` {why}", spec.key))
                    .with_help(help.to_string()),
            );
        }
    }
}

/// Checks a pulled name with `valid`, reporting "`name` is not `what`" with `help` when it
/// fails (an empty value never gets here: the pull rejects it).
pub(crate) fn checked_name(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
    value: Option<Spanned<String>>,
    valid: fn(&str) -> bool,
    what: &str,
    help: &str,
) -> Option<String> {
    checked(opts, spec, value, Some(help), |s| {
        if valid(s) {
            Ok(s.to_string())
        } else {
            Err((format!("`{s}` is not {what}"), None))
        }
    })
}

/// The column that option `spec` names, with the span of the option's value (for the
/// caller's own checks of the column). A name the table does not have is reported, with a
/// suggestion or the list of columns, and gives `None`.
pub(crate) fn named_column<'s>(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
    name: &str,
    schema: &'s ConnectionSchema,
) -> Option<(&'s Field, Span)> {
    let span = opts
        .peek(spec.key)
        .map(|v| v.span)
        .unwrap_or(Span::DETACHED);
    let field = schema.field(name);
    if field.is_none() {
        let names: Vec<&str> = schema.fields.iter().map(|f| f.name().as_str()).collect();
        let what = format!("`{}`", spec.key);
        opts.report(crate::messages::unknown_column(span, name, &what, &names));
    }
    field.map(|f| (f, span))
}

/// Helpers of the connectors' unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::options::{ConnectorOptions, Value};
    use crate::span::{Span, Spanned};

    /// Options as a connector sees them, from key/value pairs (no spans).
    pub(crate) fn options(pairs: &[(&str, Value)]) -> ConnectorOptions {
        let mut o = ConnectorOptions::empty(Span::DETACHED);
        for (k, v) in pairs {
            o.insert(
                Spanned::detached(k.to_string()),
                Spanned::detached(v.clone()),
            );
        }
        o
    }

    /// A string option value.
    pub(crate) fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    /// Options from key/value pairs whose values are all strings.
    pub(crate) fn string_options(pairs: &[(&str, &str)]) -> ConnectorOptions {
        let pairs: Vec<(&str, Value)> = pairs.iter().map(|(k, v)| (*k, s(v))).collect();
        options(&pairs)
    }

    /// The context of a source table `t` without columns.
    pub(crate) fn source_cx() -> crate::connector::TableContext<'static> {
        crate::connector::TableContext {
            name: "t",
            connection_type: crate::connector::ConnectionType::Source,
            fields: &[],
            format: None,
            generated: &[],
            partitioned_by: None,
        }
    }

    /// Compiles `sql` with the built-in connectors and returns table `t`'s config.
    pub(crate) fn table_config<T: Clone + 'static>(sql: &str) -> Option<T> {
        let registry = crate::Registry::builtin();
        let env = crate::Env::new(&registry);
        let out = crate::compile_sql(sql, &env);
        out.table("t")
            .and_then(|t| t.as_connection())
            .and_then(|c| c.table_config::<T>())
            .cloned()
    }
}
