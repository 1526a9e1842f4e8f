//! How a rejected value is reported: [`ValueError`] and its kind, and the helpers that
//! word "expected …, found …" messages, shorten long values and suggest quoting.

use std::fmt;

use crate::diagnostics::{codes, Code};
use crate::options::Value;

/// Why a value was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ValueError {
    /// Whether the value is malformed or merely too large.
    pub kind: ValueErrorKind,
    /// What was expected and what was found, e.g. ``expected a boolean (`true` or `false`), found `'maybe'` ``.
    pub message: String,
    /// A hint on how to fix it: the valid values, a did-you-mean, or the right spelling.
    pub help: Option<String>,
    /// The value to write instead, as SQL text, when it is certain (the quoted form of a
    /// bare word, the allowed value nearest a misspelling): the diagnostic's fix.
    pub fix: Option<String>,
}

/// The two ways a value can be rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ValueErrorKind {
    /// The value is not of the expected form (diagnostic `option::invalid_value`).
    Invalid,
    /// The value has the right form but is too large to represent (diagnostic `value::overflow`).
    Overflow,
}

impl ValueError {
    pub(super) fn invalid(message: impl Into<String>) -> Self {
        ValueError {
            kind: ValueErrorKind::Invalid,
            message: message.into(),
            help: None,
            fix: None,
        }
    }

    pub(super) fn overflow(message: impl Into<String>) -> Self {
        ValueError {
            kind: ValueErrorKind::Overflow,
            message: message.into(),
            help: None,
            fix: None,
        }
    }

    pub(super) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(super) fn with_opt_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Sets the value to write instead (see [`ValueError::fix`]).
    pub(super) fn with_fix(mut self, fix: Option<String>) -> Self {
        self.fix = fix;
        self
    }

    /// The diagnostic code a caller should report this error under.
    pub(crate) fn code(&self) -> Code {
        match self.kind {
            ValueErrorKind::Invalid => codes::INVALID_VALUE,
            ValueErrorKind::Overflow => codes::OVERFLOW,
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}
/// How many characters of a found value a message shows. A megabyte-long value should
/// not produce a megabyte-long message; the caret still points at the whole value.
pub(super) const MAX_SHOWN: usize = 80;

/// The found value as SQL text, shortened to [`MAX_SHOWN`] characters.
pub(super) fn shown(v: &Value) -> String {
    shorten(&v.to_string())
}

pub(super) fn shorten(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_string(),
    }
}

pub(super) fn expected(what: &str, v: &Value) -> ValueError {
    ValueError::invalid(format!("expected {what}, found `{}`", shown(v)))
}

/// For a value that would be right as a quoted string (`ts`, `5`, `true`), the quoted form.
pub(super) fn quote_help(v: &Value) -> Option<String> {
    quoted(v).map(|q| format!("write it in single quotes: `{}`", shorten(&q)))
}

/// The quoted form of a bare word, number or boolean, as SQL text.
pub(super) fn quoted(v: &Value) -> Option<String> {
    let inner = match v {
        Value::Number(n) => n.clone(),
        Value::Ident(i) => i.clone(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    Some(Value::String(inner).to_string())
}
