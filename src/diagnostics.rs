//! Diagnostics as data: a stable code, a message, the primary span, secondary labels and
//! an optional `help`.
//!
//! User mistakes never become `Err` values or panics; every stage pushes [`Diagnostic`]s
//! and carries on, so one pass reports every independent error. Rendering is an adapter
//! at the edge: `Compiled::render_human` (miette, with the source line and a caret, secrets
//! masked) and
//! [`JsonDiagnostic`] (the `--errors json` contract shape).

use std::borrow::Cow;
use std::fmt;
use std::fmt::Write as _;

use serde::Serialize;

use crate::span::{LineIndex, Span};

mod human;
mod origin;
pub(crate) use human::render_all as render_human;
pub use origin::Origin;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The table does not compile.
    Error,
    /// The table compiles, but something was lost or is surprising.
    Warning,
}

impl fmt::Display for Severity {
    /// `error` or `warning`, as in rendered diagnostics.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A stable diagnostic code such as `option::unknown`. See [`codes`] for the full list.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(&'static str);

impl Code {
    /// The code's text, e.g. `"option::unknown"`.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $name:ident = $text:literal, )*) => {
        /// Every diagnostic code the crate emits. Codes are never renamed or reused.
        pub mod codes {
            use super::Code;
            $( $(#[doc = $doc])+ pub const $name: Code = Code($text); )*
            /// Every code with its one-line description, in declaration order.
            pub const ALL: &[(Code, &str)] = &[ $( ($name, concat!($($doc),+)), )* ];
        }
    };
}

codes! {
    /// SQL that does not parse.
    SYNTAX = "parse::syntax",
    /// A statement the compiler recognises but does not support (e.g. `CREATE TABLE … AS`).
    UNSUPPORTED_STATEMENT = "parse::unsupported",
    /// Types, expressions or schemas nested deeper than the nesting limit.
    TOO_DEEP = "limit::nesting",
    /// A column type name that is not a known SQL type.
    UNKNOWN_TYPE = "type::unknown",
    /// A known SQL type that a connection table cannot carry.
    TYPE_NOT_SUPPORTED = "type::unsupported",
    /// `DECIMAL(p, s)` outside `1 <= p <= 38`, `0 <= s <= p`.
    DECIMAL_RANGE = "type::decimal_range",
    /// `TIMESTAMP(p)` or `TIME(p)` with a precision other than 0, 3, 6 or 9.
    TIMESTAMP_PRECISION = "type::precision",
    /// A struct field without a name, or two fields of one struct with the same name.
    STRUCT_FIELD = "type::struct_field",
    /// Two columns of one table with the same name.
    DUPLICATE_COLUMN = "column::duplicate",
    /// A reference to a column that the table does not have.
    UNKNOWN_COLUMN = "column::unknown",
    /// A column name starting with `__arroyo` (in any case), a prefix Arroyo keeps for its own columns.
    RESERVED_COLUMN = "column::reserved",
    /// Column options that cannot be combined (e.g. `GENERATED` and `METADATA FROM`).
    COLUMN_OPTION_CONFLICT = "column::conflict",
    /// A deprecated column form that still works: `GENERATED ALWAYS AS (metadata('key'))`,
    /// read as `METADATA FROM 'key'`, as in Arroyo.
    DEPRECATED_COLUMN = "column::deprecated",
    /// More than one `WATERMARK FOR` in a table.
    DUPLICATE_WATERMARK = "watermark::duplicate",
    /// A watermark column or expression that is not a TIMESTAMP.
    WATERMARK_TYPE = "watermark::type",
    /// A watermark expression that can be NULL.
    WATERMARK_NULLABLE = "watermark::nullable",
    /// More than one primary key declaration in a table.
    DUPLICATE_PRIMARY_KEY = "table::primary_key",
    /// A table constraint other than `PRIMARY KEY` and `WATERMARK FOR`.
    UNSUPPORTED_CONSTRAINT = "table::constraint",
    /// A second `CREATE TABLE` of a name that is already defined.
    DUPLICATE_TABLE = "table::duplicate",
    /// A memory table (no `connector`) with WITH options or generated columns.
    MEMORY_TABLE = "table::memory",
    /// An option key that no spec of this connector or format reads.
    UNKNOWN_OPTION = "option::unknown",
    /// The same key appears twice in one WITH clause or request `config`: the last value
    /// is used, as in Arroyo (a warning; an error in strict mode).
    DUPLICATE_OPTION = "option::duplicate",
    /// A required option is not set.
    MISSING_OPTION = "option::missing",
    /// An option value of the wrong kind or outside its allowed values.
    INVALID_VALUE = "option::invalid_value",
    /// A number or size too large to represent.
    OVERFLOW = "value::overflow",
    /// Options that exclude each other, or one that needs another.
    OPTION_CONFLICT = "option::conflict",
    /// An option that only applies to another connection type (a source option on a sink).
    OPTION_NOT_APPLICABLE = "option::not_applicable",
    /// A connection option set in WITH although the connection profile provides it.
    OPTION_SET_BY_PROFILE = "option::set_by_profile",
    /// An option that still works but is deprecated.
    DEPRECATED_OPTION = "option::deprecated",
    /// A `connector` name that is not registered.
    UNKNOWN_CONNECTOR = "connector::unknown",
    /// A `connector` name written in another case than the registered one (`'Kafka'`); it
    /// is accepted as the registered name.
    CONNECTOR_CASE = "connector::case",
    /// A connection type this connector cannot be (e.g. a TEMPORARY table on a sink-only connector).
    CONNECTION_TYPE = "connector::connection_type",
    /// A connector that produced no table and said why not (a bug in that connector).
    CONNECTOR_SILENT = "connector::no_reason",
    /// A column list that contradicts the connector's fixed schema.
    FIXED_SCHEMA = "connector::fixed_schema",
    /// A `connection_profile` that the profile resolver does not know.
    PROFILE_NOT_FOUND = "profile::not_found",
    /// A connection profile that belongs to another connector.
    PROFILE_CONNECTOR = "profile::connector_mismatch",
    /// A connection profile whose configuration is invalid.
    PROFILE_INVALID = "profile::invalid",
    /// A connection profile that could not be looked up because the profile store is
    /// unavailable (not the same as not found).
    PROFILE_UNAVAILABLE = "profile::unavailable",
    /// A `METADATA FROM` key that the connector does not provide.
    UNKNOWN_METADATA = "metadata::unknown",
    /// A metadata column declared with a type other than the connector's.
    METADATA_TYPE = "metadata::type",
    /// A connector that needs a `format` was given none.
    MISSING_FORMAT = "format::missing",
    /// A format this connector cannot carry.
    FORMAT_NOT_SUPPORTED = "format::unsupported",
    /// Columns that do not have the shape a format requires.
    FORMAT_SHAPE = "format::shape",
    /// A Debezium source without a primary key, or with generated columns.
    DEBEZIUM = "format::debezium",
    /// A schema definition that is not valid Avro, Protobuf or JSON Schema.
    INVALID_SCHEMA = "schema::invalid",
    /// A schema file, subject or import that the schema resolver cannot find.
    SCHEMA_NOT_FOUND = "schema::not_found",
    /// A schema file or subject that could not be read because the schema resolver (a
    /// registry, a store) is unavailable (not the same as not found).
    SCHEMA_UNAVAILABLE = "schema::unavailable",
    /// A schema construct that has no exact Arrow equivalent and was converted with loss.
    SCHEMA_LOSSY = "schema::lossy",
    /// A recursive schema type, cut at the recursion point.
    SCHEMA_RECURSIVE = "schema::recursive",
    /// A schema feature that is not supported (e.g. Protobuf editions).
    SCHEMA_UNSUPPORTED = "schema::unsupported",
    /// A declared column that disagrees with the schema definition.
    SCHEMA_MISMATCH = "schema::column_mismatch",
    /// A JSON create-table request that is not well formed.
    INVALID_REQUEST = "request::invalid",
    /// Stored tables (`ddlc --restore`) that are not valid JSON or not an array of tables.
    STORED_INVALID = "stored::invalid",
    /// A pinned schema definition whose text no longer matches its fingerprint.
    FINGERPRINT_MISMATCH = "stored::fingerprint_mismatch",
    /// A stored option the current connectors do not know: ignored, and the table restores.
    STORED_UNKNOWN_OPTION = "stored::unknown_option",
    /// A Flink or RisingWave connector name, option key or value that is written otherwise
    /// here; the fix writes ours (or removes an option that is not needed here).
    FOREIGN_OPTION = "dialect::option",
    /// A Flink or RisingWave connector, option or value that has no equivalent here.
    FOREIGN_UNSUPPORTED = "dialect::unsupported",
    /// A table written for Flink or RisingWave without `type`: they infer it from the
    /// queries, here the table says whether it is a source or a sink.
    FOREIGN_TYPE = "dialect::type",
    /// A RisingWave `CREATE SOURCE`, `CREATE SINK` or `FORMAT … ENCODE …` clause: here it
    /// is a `CREATE TABLE` with `type` and `format` options.
    FOREIGN_STATEMENT = "dialect::statement",
}

mod explain;
mod fix;
pub use explain::{explain, nearest_code};
pub use fix::{apply_fixes, Fix};

/// A secondary place a diagnostic points at, with its own message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What about it, e.g. "first given here".
    pub message: String,
}

/// One finding about the input: an error or a warning, with where and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code, see [`codes`].
    pub code: Code,
    /// What is wrong, lowercase, user text in backticks.
    pub message: String,
    /// Where the fix goes.
    pub span: Span,
    /// Other places that explain the problem.
    pub labels: Vec<Label>,
    /// How to fix it: the nearest valid spelling, or the valid values.
    pub help: Option<String>,
    /// The table the diagnostic belongs to, if any.
    pub table: Option<String>,
    /// Machine-applicable edits that fix it (did-you-mean keys, values, quoting, …).
    pub fixes: Vec<Fix>,
    /// The document the mistake is in when it is not the compiled text (a value in a
    /// connection profile's file); `span` and `labels` then point at the reference to it.
    pub origin: Option<Box<Origin>>,
}

impl Diagnostic {
    /// An error with `code` and `message` at `span`.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            table: None,
            fixes: Vec::new(),
            origin: None,
        }
    }

    /// A warning with `code` and `message` at `span`.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// Adds a `help` text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds `help` if there is one.
    pub(crate) fn with_optional_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a machine-applicable fix: write `replacement` in place of `span`.
    pub fn with_fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fixes.push(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Names the table the diagnostic belongs to.
    pub(crate) fn in_table(mut self, table: impl Into<String>) -> Self {
        self.table = Some(table.into());
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// One line, ``error[option::unknown]: unknown option `x` ``, then `\n  help: …` when
    /// there is help. There is no source snippet: that needs the source text, see
    /// `Compiled::render_human`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Orders diagnostics by position (detached ones last), then by code, for stable output.
pub(crate) fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}

/// The `--errors json` shape of a diagnostic (design §4): 1-based lines and character
/// columns; `end_column` is exclusive, as in rustc's JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonDiagnostic {
    /// `"error"` or `"warning"`.
    pub severity: Severity,
    /// Stable code.
    pub code: Code,
    /// The message.
    pub message: String,
    /// Table name, or null.
    pub table: Option<String>,
    /// Start line (null for a detached span).
    pub line: Option<usize>,
    /// Start column in characters.
    pub column: Option<usize>,
    /// End line.
    pub end_line: Option<usize>,
    /// End column (exclusive) in characters.
    pub end_column: Option<usize>,
    /// The help text, or null.
    pub help: Option<String>,
    /// Secondary labels, with positions.
    pub labels: Vec<JsonLabel>,
    /// Machine-applicable edits, in the same coordinates as the diagnostic.
    pub fixes: Vec<JsonFix>,
}

/// A machine-applicable edit in [`JsonDiagnostic`]: replace the text between the two
/// positions with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonFix {
    /// Start line.
    pub line: Option<usize>,
    /// Start column.
    pub column: Option<usize>,
    /// End line.
    pub end_line: Option<usize>,
    /// End column (exclusive).
    pub end_column: Option<usize>,
    /// The text to write there.
    pub replacement: String,
}

/// A secondary label in [`JsonDiagnostic`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonLabel {
    /// The label's message.
    pub message: String,
    /// Start line.
    pub line: Option<usize>,
    /// Start column.
    pub column: Option<usize>,
    /// End line.
    pub end_line: Option<usize>,
    /// End column (exclusive).
    pub end_column: Option<usize>,
}

type Positions = (Option<usize>, Option<usize>, Option<usize>, Option<usize>);

fn positions(index: &LineIndex<'_>, span: Span) -> Positions {
    if span.is_detached() {
        return (None, None, None, None);
    }
    let s = index.line_col(span.start);
    let e = index.line_col(span.end);
    (Some(s.line), Some(s.column), Some(e.line), Some(e.column))
}

impl JsonDiagnostic {
    /// Converts `d`, whose spans point into the text `index` was built over.
    pub fn new(d: &Diagnostic, index: &LineIndex<'_>) -> Self {
        let (line, column, end_line, end_column) = positions(index, d.span);
        JsonDiagnostic {
            severity: d.severity,
            code: d.code,
            message: d.message.clone(),
            table: d.table.clone(),
            line,
            column,
            end_line,
            end_column,
            help: d.help.clone(),
            fixes: d
                .fixes
                .iter()
                .map(|f| {
                    let (line, column, end_line, end_column) = positions(index, f.span);
                    JsonFix {
                        line,
                        column,
                        end_line,
                        end_column,
                        replacement: f.replacement.clone(),
                    }
                })
                .collect(),
            labels: d
                .labels
                .iter()
                .map(|l| {
                    let (line, column, end_line, end_column) = positions(index, l.span);
                    JsonLabel {
                        message: l.message.clone(),
                        line,
                        column,
                        end_line,
                        end_column,
                    }
                })
                .collect(),
        }
    }
}

/// Whether `c` must not reach a terminal raw: a control character other than a tab or a
/// newline, or a Unicode bidirectional control (which reorders what is shown).
pub(crate) fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every [hostile](is_hostile) character written as a Rust escape (`\u{1b}`);
/// borrowed, unchanged, when it has none.
pub(crate) fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hostile(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `2 errors, 1 warning`: the closing line of a human rendering; `None` when there is
/// nothing to count.
pub fn count_line(diagnostics: &[Diagnostic]) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => None,
        (e, 0) => Some(plural(e, "error")),
        (0, w) => Some(plural(w, "warning")),
        (e, w) => Some(format!("{}, {}", plural(e, "error"), plural(w, "warning"))),
    }
}

/// `source` with the text inside each span masked (quotes kept), so rendering a source
/// line never shows a secret value. Each character becomes a mask of the same length in
/// bytes (`*`, `×`, `∗` or `🞷`) and line breaks stay, so byte offsets, lines and character
/// columns after a secret are those of `source`.
pub(crate) fn redact_source(source: &str, spans: &[Span]) -> String {
    let bytes = source.as_bytes();
    let mut ranges: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| !s.is_detached())
        .map(|span| {
            let (start, end) = (span.start.min(source.len()), span.end.min(source.len()));
            if end > start + 1
                && bytes.get(start) == Some(&b'\'')
                && bytes.get(end - 1) == Some(&b'\'')
            {
                (start + 1, end - 1)
            } else {
                (start, end)
            }
        })
        .collect();
    ranges.sort_unstable();
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end) in ranges {
        let start = start.max(at);
        if start >= end {
            continue;
        }
        // Whole characters: a span that starts or ends inside one masks all of it.
        let (Some(before), Some(inside)) = (
            source.get(at..floor_char(source, start)),
            source.get(floor_char(source, start)..ceil_char(source, end)),
        ) else {
            continue;
        };
        out.push_str(before);
        out.extend(inside.chars().map(|c| match c {
            '\n' | '\r' => c,
            _ => match c.len_utf8() {
                1 => '*',
                2 => '×',
                3 => '∗',
                _ => '🞷',
            },
        }));
        at = ceil_char(source, end);
    }
    out.push_str(source.get(at..).unwrap_or(""));
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::BTreeSet::new();
        for (code, doc) in codes::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(!doc.trim().is_empty());
            assert!(code.as_str().contains("::"));
        }
    }

    #[test]
    fn json_positions_are_one_based_characters() {
        let text = "CREATE TABLE t (\n  é BIGINT\n)";
        let idx = LineIndex::new(text);
        let start = text.find("BIGINT").unwrap_or(0);
        let d = Diagnostic::error(codes::UNKNOWN_TYPE, Span::new(start, start + 6), "x");
        let j = JsonDiagnostic::new(&d, &idx);
        assert_eq!(
            (j.line, j.column, j.end_line, j.end_column),
            (Some(2), Some(5), Some(2), Some(11))
        );
    }

    #[test]
    fn severity_displays_lowercase() {
        assert_eq!(Severity::Error.to_string(), "error");
        assert_eq!(Severity::Warning.to_string(), "warning");
    }

    #[test]
    fn diagnostic_displays_code_message_and_help() {
        let d = Diagnostic::error(codes::UNKNOWN_OPTION, Span::new(3, 4), "unknown option `x`");
        assert_eq!(d.to_string(), "error[option::unknown]: unknown option `x`");
        let d = d.with_help("did you mean `y`?");
        assert_eq!(
            d.to_string(),
            "error[option::unknown]: unknown option `x`\n  help: did you mean `y`?"
        );
    }

    #[test]
    fn warning_display_has_no_source_snippet_or_labels() {
        let d = Diagnostic::warning(
            codes::DEPRECATED_OPTION,
            Span::new(0, 1),
            "`a` is deprecated",
        )
        .with_label(Span::new(2, 3), "first given here")
        .in_table("t");
        assert_eq!(
            d.to_string(),
            "warning[option::deprecated]: `a` is deprecated"
        );
    }

    #[test]
    fn diagnostic_is_a_std_error() {
        let d = Diagnostic::error(codes::SYNTAX, Span::new(0, 1), "expected `(`");
        let boxed: Box<dyn std::error::Error> = Box::new(d.clone());
        assert_eq!(boxed.to_string(), d.to_string());
        assert!(boxed.source().is_none());
        let result: Result<(), Box<dyn std::error::Error>> = Err(d.into());
        assert!(result.is_err());
    }
}
