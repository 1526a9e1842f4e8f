//! The one value grammar that every connector option goes through.
//!
//! Arroyo parses each kind of option value in its own place, and the parsers disagree:
//! lists are split without trimming, data sizes panic on a quantity that overflows `u64`
//! (or wrap around when multiplied by the unit), and durations accept some spellings in
//! one form and not in another. Here every kind of value (string, boolean, integer,
//! float, duration, data size, list, field reference, map, enumeration) has exactly one
//! parser: a pure function from a [`Value`] to the typed result or a [`ValueError`].
//! Connectors never look at a raw value themselves, so every option of a kind accepts
//! the same spellings and fails with the same message.
//!
//! **Invariant:** nothing here panics or wraps on any input. All arithmetic is checked,
//! digits must be ASCII, and a value too large to represent is a
//! [`ValueErrorKind::Overflow`], which callers report as `value::overflow`.
//!
//! Errors carry no span: the caller reports them at the span of the whole value. Only
//! list items keep their own spans, because a connector may want to point at one of them
//! (an unknown topic, a duplicate column).

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::diagnostics::{codes, Code};
use crate::options::Value;
use crate::span::Spanned;

/// Why a value was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    /// Whether the value is malformed or merely too large.
    pub kind: ValueErrorKind,
    /// What was expected and what was found, e.g. ``expected a boolean (`true` or `false`), found `'maybe'` ``.
    pub message: String,
    /// A hint on how to fix it: the valid values, a did-you-mean, or the right spelling.
    pub help: Option<String>,
}

/// The two ways a value can be rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueErrorKind {
    /// The value is not of the expected form (diagnostic `option::invalid_value`).
    Invalid,
    /// The value has the right form but is too large to represent (diagnostic `value::overflow`).
    Overflow,
}

impl ValueError {
    fn invalid(message: impl Into<String>) -> Self {
        ValueError {
            kind: ValueErrorKind::Invalid,
            message: message.into(),
            help: None,
        }
    }

    fn overflow(message: impl Into<String>) -> Self {
        ValueError {
            kind: ValueErrorKind::Overflow,
            message: message.into(),
            help: None,
        }
    }

    fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn with_opt_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// The diagnostic code a caller should report this error under.
    pub fn code(&self) -> Code {
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

/// A reference to a column, as given by an option such as `event_time_field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// The column name, unquoted.
    pub name: String,
    /// Whether it was written as a `'quoted string'` rather than an identifier. That form
    /// is deprecated; the caller warns about it.
    pub quoted_string: bool,
}

/// How many characters of a found value a message shows. A megabyte-long value should
/// not produce a megabyte-long message; the caret still points at the whole value.
const MAX_SHOWN: usize = 80;

/// The found value as SQL text, shortened to [`MAX_SHOWN`] characters.
fn shown(v: &Value) -> String {
    shorten(&v.to_string())
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_string(),
    }
}

fn expected(what: &str, v: &Value) -> ValueError {
    ValueError::invalid(format!("expected {what}, found `{}`", shown(v)))
}

/// For a value that would be right as a quoted string (`ts`, `5`, `true`), the quoted form.
fn quote_help(v: &Value) -> Option<String> {
    let inner = match v {
        Value::Number(n) => n.clone(),
        Value::Ident(i) => i.clone(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    Some(format!(
        "write it in single quotes: `{}`",
        shorten(&Value::String(inner).to_string())
    ))
}

/// Splits `s` after the longest prefix whose characters all satisfy `keep`.
fn split_while(s: &str, keep: impl Fn(char) -> bool) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(s.len(), |(i, _)| i);
    s.split_at_checked(end).unwrap_or((s, ""))
}

/// The value of a string of ASCII digits, or `None` if it does not fit in a `u128`.
/// An empty string is zero.
fn digits_value(digits: &str) -> Option<u128> {
    digits.bytes().try_fold(0u128, |acc, b| {
        acc.checked_mul(10)?
            .checked_add(u128::from(b.checked_sub(b'0')?))
    })
}

/// Splits an optional leading sign off `s`; `true` means `-`.
fn strip_sign(s: &str) -> (bool, &str) {
    if let Some(rest) = s.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix('+') {
        (false, rest)
    } else {
        (false, s)
    }
}

/// A sign and a non-empty run of ASCII digits, or `None` if `s` is anything else.
fn sign_and_digits(s: &str) -> Option<(bool, &str)> {
    let (negative, digits) = strip_sign(s);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some((negative, digits))
}

/// The text of a value that may hold a number: a number literal or a quoted string.
fn numeric_text(v: &Value) -> Option<&str> {
    match v {
        Value::Number(n) => Some(n.trim()),
        Value::String(s) => Some(s.trim()),
        _ => None,
    }
}

/// A `'single quoted'` string. Numbers, identifiers and booleans are rejected with the
/// quoted spelling as help, so `topic = events` says to write `'events'`.
pub fn string(v: &Value) -> Result<String, ValueError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => Err(expected("a single-quoted string", other).with_opt_help(quote_help(other))),
    }
}

/// A boolean: `true` / `false`, or the strings `'true'`, `'false'`, `'yes'`, `'no'`
/// (case-insensitive, surrounding whitespace ignored).
pub fn boolean(v: &Value) -> Result<bool, ValueError> {
    let err = || expected("a boolean (`true` or `false`)", v).with_help("write `true` or `false`");
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(true),
            "false" | "no" => Ok(false),
            _ => Err(err()),
        },
        _ => Err(err()),
    }
}

/// A non-negative integer: a number literal or a numeric string of ASCII digits with an
/// optional leading `+`. Decimal points, exponents and underscores are rejected.
pub fn unsigned(v: &Value) -> Result<u64, ValueError> {
    let what = "a non-negative integer";
    let text = numeric_text(v).ok_or_else(|| expected(what, v))?;
    let (negative, digits) = sign_and_digits(text).ok_or_else(|| expected(what, v))?;
    let magnitude = digits_value(digits);
    // `-0` is zero, so it is accepted; any other negative number is not.
    if negative && magnitude != Some(0) {
        return Err(expected(what, v));
    }
    magnitude
        .and_then(|m| u64::try_from(m).ok())
        .ok_or_else(|| {
            ValueError::overflow(format!(
                "integer `{}` is too large (the maximum is {})",
                shown(v),
                u64::MAX
            ))
        })
}

/// A signed integer: a number literal (`-5` included) or a numeric string with an
/// optional leading `+` or `-`.
pub fn signed(v: &Value) -> Result<i64, ValueError> {
    let what = "an integer";
    let text = numeric_text(v).ok_or_else(|| expected(what, v))?;
    let (negative, digits) = sign_and_digits(text).ok_or_else(|| expected(what, v))?;
    digits_value(digits)
        .and_then(|m| i128::try_from(m).ok())
        .and_then(|m| if negative { m.checked_neg() } else { Some(m) })
        .and_then(|m| i64::try_from(m).ok())
        .ok_or_else(|| {
            ValueError::overflow(format!(
                "integer `{}` is out of range (it must be between {} and {})",
                shown(v),
                i64::MIN,
                i64::MAX
            ))
        })
}

/// A finite floating-point number: a number literal or a numeric string (`1.5`, `-2`,
/// `1e3`). `inf` and `NaN` are rejected; a literal too large for `f64` is an overflow.
pub fn float(v: &Value) -> Result<f64, ValueError> {
    let what = "a number";
    let text = numeric_text(v).ok_or_else(|| expected(what, v))?;
    // Rust's parser also accepts `inf`, `infinity` and `nan`; restricting the characters
    // first rejects those, so an infinite result can only mean the literal is too large.
    let looks_numeric = text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if !looks_numeric {
        return Err(expected(what, v));
    }
    let f: f64 = text.parse().map_err(|_| expected(what, v))?;
    if f.is_finite() {
        Ok(f)
    } else {
        Err(ValueError::overflow(format!(
            "number `{}` is too large (the maximum is about 1.8e308)",
            shown(v)
        )))
    }
}

// ---------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------

const NANOS_PER_MICRO: u128 = 1_000;
const NANOS_PER_MILLI: u128 = 1_000_000;
const NANOS_PER_SECOND: u128 = 1_000_000_000;
const NANOS_PER_MINUTE: u128 = 60 * NANOS_PER_SECOND;
const NANOS_PER_HOUR: u128 = 60 * NANOS_PER_MINUTE;
const NANOS_PER_DAY: u128 = 24 * NANOS_PER_HOUR;
const NANOS_PER_WEEK: u128 = 7 * NANOS_PER_DAY;

/// Every spelling of a duration unit, with its length in nanoseconds. Matched
/// case-insensitively; both the micro sign (U+00B5) and the Greek mu (U+03BC) spell µs.
const DURATION_UNITS: &[(&str, u128)] = &[
    ("ns", 1),
    ("nsec", 1),
    ("nsecs", 1),
    ("nanos", 1),
    ("nanosecond", 1),
    ("nanoseconds", 1),
    ("us", NANOS_PER_MICRO),
    ("\u{b5}s", NANOS_PER_MICRO),
    ("\u{3bc}s", NANOS_PER_MICRO),
    ("usec", NANOS_PER_MICRO),
    ("usecs", NANOS_PER_MICRO),
    ("micros", NANOS_PER_MICRO),
    ("microsecond", NANOS_PER_MICRO),
    ("microseconds", NANOS_PER_MICRO),
    ("ms", NANOS_PER_MILLI),
    ("msec", NANOS_PER_MILLI),
    ("msecs", NANOS_PER_MILLI),
    ("millis", NANOS_PER_MILLI),
    ("millisecond", NANOS_PER_MILLI),
    ("milliseconds", NANOS_PER_MILLI),
    ("s", NANOS_PER_SECOND),
    ("sec", NANOS_PER_SECOND),
    ("secs", NANOS_PER_SECOND),
    ("second", NANOS_PER_SECOND),
    ("seconds", NANOS_PER_SECOND),
    ("m", NANOS_PER_MINUTE),
    ("min", NANOS_PER_MINUTE),
    ("mins", NANOS_PER_MINUTE),
    ("minute", NANOS_PER_MINUTE),
    ("minutes", NANOS_PER_MINUTE),
    ("h", NANOS_PER_HOUR),
    ("hr", NANOS_PER_HOUR),
    ("hrs", NANOS_PER_HOUR),
    ("hour", NANOS_PER_HOUR),
    ("hours", NANOS_PER_HOUR),
    ("d", NANOS_PER_DAY),
    ("day", NANOS_PER_DAY),
    ("days", NANOS_PER_DAY),
    ("w", NANOS_PER_WEEK),
    ("week", NANOS_PER_WEEK),
    ("weeks", NANOS_PER_WEEK),
];

/// Units whose length varies with the calendar; they are named so that the error can
/// say why they are rejected instead of calling them unknown.
const MONTH_BASED_UNITS: &[&str] = &[
    "mo",
    "mon",
    "mons",
    "month",
    "months",
    "quarter",
    "quarters",
    "y",
    "yr",
    "yrs",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
    "millenniums",
    "millennia",
];

/// Why a duration text was rejected, before it is turned into a message that shows the
/// whole value.
#[derive(Debug, PartialEq)]
enum DurationError {
    Syntax,
    MissingUnit,
    UnknownUnit(String),
    MonthBased,
    Negative,
    TooPrecise,
    Overflow,
}

enum UnitLookup {
    Nanos(u128),
    MonthBased,
    Unknown,
}

fn duration_unit(name: &str) -> UnitLookup {
    let lower = name.to_lowercase();
    if let Some(&(_, nanos)) = DURATION_UNITS.iter().find(|(n, _)| *n == lower) {
        UnitLookup::Nanos(nanos)
    } else if MONTH_BASED_UNITS.contains(&lower.as_str()) {
        UnitLookup::MonthBased
    } else {
        UnitLookup::Unknown
    }
}

/// `int.frac` units of `unit_nanos` each, in nanoseconds. A fraction finer than one
/// nanosecond is an error rather than being rounded, so every accepted text denotes
/// exactly one duration.
fn amount_nanos(int: &str, frac: &str, unit_nanos: u128) -> Result<u128, DurationError> {
    let whole = digits_value(int)
        .and_then(|i| i.checked_mul(unit_nanos))
        .ok_or(DurationError::Overflow)?;
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        return Ok(whole);
    }
    // The longest unit (a week) is 2^16 · 3^3 · 5^11 · 7 ns, so no fraction with more than
    // 16 significant digits can come out whole; 18 keeps the product below 10^33.
    if frac.len() > 18 {
        return Err(DurationError::TooPrecise);
    }
    let scale = u32::try_from(frac.len())
        .ok()
        .and_then(|len| 10u128.checked_pow(len))
        .ok_or(DurationError::TooPrecise)?;
    let scaled = digits_value(frac)
        .and_then(|f| f.checked_mul(unit_nanos))
        .ok_or(DurationError::Overflow)?;
    if scaled.checked_rem(scale) != Some(0) {
        return Err(DurationError::TooPrecise);
    }
    whole
        .checked_add(scaled.checked_div(scale).unwrap_or(0))
        .ok_or(DurationError::Overflow)
}

/// Splits a decimal number (`10`, `1.5`, `.5`, `5.`) off the front of `s`:
/// `(integer digits, fraction digits, rest)`, or `None` if there is no digit.
fn split_decimal(s: &str) -> Option<(&str, &str, &str)> {
    let (int, rest) = split_while(s, |c| c.is_ascii_digit());
    let (frac, rest) = match rest.strip_prefix('.') {
        Some(after) => split_while(after, |c| c.is_ascii_digit()),
        None => ("", rest),
    };
    (!int.is_empty() || !frac.is_empty()).then_some((int, frac, rest))
}

fn nanos_to_duration(total: u128) -> Result<Duration, DurationError> {
    let secs = total
        .checked_div(NANOS_PER_SECOND)
        .and_then(|s| u64::try_from(s).ok())
        .ok_or(DurationError::Overflow)?;
    let nanos = total
        .checked_rem(NANOS_PER_SECOND)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(DurationError::Overflow)?;
    // `nanos` is below one second, so `Duration::new` cannot carry into (and overflow) `secs`.
    Ok(Duration::new(secs, nanos))
}

/// The duration text grammar: one or more `<decimal> <unit>` components, with optional
/// whitespace between and inside them, summed: `10s`, `10 s`, `1500ms`, `5 minutes`,
/// `1 hour 30 minutes`, `1h30m`, `1.5s`.
fn parse_duration_text(s: &str) -> Result<Duration, DurationError> {
    let mut rest = s.trim();
    if rest.is_empty() {
        return Err(DurationError::Syntax);
    }
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let (negative, unsigned_rest) = strip_sign(rest);
        let (int, frac, after) = split_decimal(unsigned_rest).ok_or(DurationError::Syntax)?;
        if negative {
            return Err(DurationError::Negative);
        }
        let (unit, after) = split_while(after.trim_start(), char::is_alphabetic);
        if unit.is_empty() {
            return Err(if after.is_empty() {
                DurationError::MissingUnit
            } else {
                DurationError::Syntax
            });
        }
        let unit_nanos = match duration_unit(unit) {
            UnitLookup::Nanos(n) => n,
            UnitLookup::MonthBased => return Err(DurationError::MonthBased),
            UnitLookup::Unknown => return Err(DurationError::UnknownUnit(unit.to_string())),
        };
        total = total
            .checked_add(amount_nanos(int, frac, unit_nanos)?)
            .ok_or(DurationError::Overflow)?;
        rest = after.trim_start();
    }
    nanos_to_duration(total)
}

/// `INTERVAL '<decimal>' <UNIT>`: the quoted part must be a plain (possibly fractional)
/// number.
fn parse_interval_with_unit(value: &str, unit: &str) -> Result<Duration, DurationError> {
    let unit_nanos = match duration_unit(unit.trim()) {
        UnitLookup::Nanos(n) => n,
        UnitLookup::MonthBased => return Err(DurationError::MonthBased),
        UnitLookup::Unknown => return Err(DurationError::UnknownUnit(unit.trim().to_string())),
    };
    let (negative, number) = strip_sign(value.trim());
    match split_decimal(number) {
        Some((int, frac, "")) => {
            if negative {
                return Err(DurationError::Negative);
            }
            nanos_to_duration(amount_nanos(int, frac, unit_nanos)?)
        }
        _ => Err(DurationError::Syntax),
    }
}

const DURATION_EXPECTED: &str = "a duration like `10s` or `INTERVAL '10' SECOND`";

/// A non-negative duration with nanosecond precision.
///
/// Accepted forms:
/// - `INTERVAL '10' SECOND`, with the units `WEEK`, `DAY`, `HOUR`, `MINUTE`, `SECOND`,
///   `MILLISECOND`, `MICROSECOND`, `NANOSECOND` (singular or plural, any case) and a
///   possibly fractional quantity (`INTERVAL '1.5' SECOND`);
/// - `INTERVAL '10 seconds'` and strings such as `'10s'`, `'10 s'`, `'1500ms'`,
///   `'5 minutes'`, `'1 hour 30 minutes'` and `'1h30m'`: one or more components of a
///   decimal and a unit, summed. Units: `ns`, `us`/`µs`, `ms`, `s`/`sec`/`second`,
///   `m`/`min`/`minute`, `h`/`hr`/`hour`, `d`/`day`, `w`/`week`, with plurals and in any
///   case.
///
/// Months, quarters and years are rejected because they have no fixed length; negative
/// durations, a number without a unit, and fractions finer than a nanosecond are
/// rejected too. A duration longer than [`Duration::MAX`] is an overflow.
pub fn duration(v: &Value) -> Result<Duration, ValueError> {
    let (result, in_interval_keyword) = match v {
        Value::String(s) => (parse_duration_text(s), false),
        Value::Interval { value, unit: None } => (parse_duration_text(value), false),
        Value::Interval {
            value,
            unit: Some(unit),
        } => (parse_interval_with_unit(value, unit), true),
        Value::Number(_) => {
            return Err(expected(DURATION_EXPECTED, v).with_help("add a unit, e.g. `'10s'`"));
        }
        _ => return Err(expected(DURATION_EXPECTED, v)),
    };
    result.map_err(|e| duration_error(e, v, in_interval_keyword))
}

fn duration_error(e: DurationError, v: &Value, in_interval_keyword: bool) -> ValueError {
    match e {
        DurationError::Syntax if in_interval_keyword => expected(DURATION_EXPECTED, v).with_help(
            "when a unit keyword follows the quoted part, the quoted part must be a plain number, e.g. `INTERVAL '10' SECOND`",
        ),
        DurationError::Syntax => expected(DURATION_EXPECTED, v),
        DurationError::MissingUnit => {
            let help = if matches!(v, Value::Interval { .. }) {
                "add a unit, e.g. `INTERVAL '10' SECOND`"
            } else {
                "add a unit, e.g. `'10s'`"
            };
            expected(DURATION_EXPECTED, v).with_help(help)
        }
        DurationError::UnknownUnit(unit) if in_interval_keyword => {
            ValueError::invalid(format!("unknown interval unit `{}`", shorten(&unit))).with_help(
                "use one of `WEEK`, `DAY`, `HOUR`, `MINUTE`, `SECOND`, `MILLISECOND`, `MICROSECOND` or `NANOSECOND`",
            )
        }
        DurationError::UnknownUnit(unit) => {
            let mut help = String::from(
                "valid units are `ns`, `us`, `ms`, `s`, `m`, `h`, `d` and `w` (long names such as `seconds` work too)",
            );
            if let Some(near) = did_you_mean(&unit, DURATION_UNITS.iter().map(|(n, _)| *n)) {
                help.push_str(&format!("; did you mean `{near}`?"));
            }
            ValueError::invalid(format!(
                "unknown duration unit `{}` in `{}`",
                shorten(&unit),
                shown(v)
            ))
            .with_help(help)
        }
        DurationError::MonthBased => ValueError::invalid(
            "month-based durations are not supported (a month has no fixed length)",
        )
        .with_help("write it in days or weeks, e.g. `'30d'`"),
        DurationError::Negative => ValueError::invalid("durations must not be negative"),
        DurationError::TooPrecise => ValueError::invalid(format!(
            "duration `{}` is more precise than one nanosecond",
            shown(v)
        )),
        DurationError::Overflow => ValueError::overflow(format!(
            "duration `{}` is too long (the maximum is {} seconds)",
            shown(v),
            u64::MAX
        )),
    }
}

/// The canonical text of a duration: components from days down to nanoseconds, largest
/// first, zero components left out, separated by spaces (`1d 2h 30m`, `1s 500ms`, `0s`).
/// [`duration`] parses it back to exactly `d`.
pub fn format_duration(d: Duration) -> String {
    let mut left = d.as_nanos();
    if left == 0 {
        return "0s".to_string();
    }
    let parts = [
        (NANOS_PER_DAY, "d"),
        (NANOS_PER_HOUR, "h"),
        (NANOS_PER_MINUTE, "m"),
        (NANOS_PER_SECOND, "s"),
        (NANOS_PER_MILLI, "ms"),
        (NANOS_PER_MICRO, "us"),
        (1, "ns"),
    ];
    let mut out = Vec::new();
    for (unit, name) in parts {
        let count = left.checked_div(unit).unwrap_or(0);
        left = left.checked_rem(unit).unwrap_or(0);
        if count > 0 {
            out.push(format!("{count}{name}"));
        }
    }
    out.join(" ")
}

// ---------------------------------------------------------------------------------------
// Data sizes
// ---------------------------------------------------------------------------------------

/// Every data-size unit, matched case-insensitively. All are binary (1024-based), as in
/// Arroyo, so `64mb` and `64MiB` are the same size.
const SIZE_UNITS: &[(&str, u32)] = &[
    ("", 0),
    ("b", 0),
    ("k", 10),
    ("kb", 10),
    ("kib", 10),
    ("m", 20),
    ("mb", 20),
    ("mib", 20),
    ("g", 30),
    ("gb", 30),
    ("gib", 30),
    ("t", 40),
    ("tb", 40),
    ("tib", 40),
    ("p", 50),
    ("pb", 50),
    ("pib", 50),
    ("e", 60),
    ("eb", 60),
    ("eib", 60),
];

/// The units [`format_data_size`] writes, largest first.
const CANONICAL_SIZE_UNITS: &[(&str, u32)] = &[
    ("eb", 60),
    ("pb", 50),
    ("tb", 40),
    ("gb", 30),
    ("mb", 20),
    ("kb", 10),
];

const SIZE_EXPECTED: &str = "a data size like `64mb` or `1024` (bytes)";

/// A size in bytes: a number literal (bytes) or a string of ASCII digits with an
/// optional unit, with or without a space: `'64mb'`, `'64MB'`, `'64 MiB'`, `'1024'`,
/// `'10k'`. Units (any case): `b`, `k`/`kb`/`kib`, `m`/`mb`/`mib`, `g`/`gb`/`gib`,
/// `t`/`tb`/`tib`, `p`/`pb`/`pib`, `e`/`eb`/`eib`, all 1024-based. Fractions and
/// negative sizes are rejected; a size above `u64::MAX` bytes is an overflow.
pub fn data_size(v: &Value) -> Result<u64, ValueError> {
    let text = numeric_text(v).ok_or_else(|| expected(SIZE_EXPECTED, v))?;
    let (negative, unsigned_text) = strip_sign(text);
    let (digits, rest) = split_while(unsigned_text, |c| c.is_ascii_digit());
    if digits.is_empty() {
        return Err(expected(SIZE_EXPECTED, v));
    }
    if negative {
        return Err(ValueError::invalid(format!(
            "data sizes must not be negative, found `{}`",
            shown(v)
        )));
    }
    if rest.starts_with('.') {
        return Err(ValueError::invalid(format!(
            "expected a whole number of bytes, found `{}`",
            shown(v)
        ))
        .with_help("use a smaller unit instead of a fraction, e.g. `1536kb` rather than `1.5mb`"));
    }
    let unit = rest.trim_start();
    if !unit.chars().all(char::is_alphabetic) {
        return Err(expected(SIZE_EXPECTED, v));
    }
    let lower = unit.to_lowercase();
    let Some(&(_, shift)) = SIZE_UNITS.iter().find(|(n, _)| *n == lower) else {
        let mut help = String::from(
            "valid units are `b`, `kb`, `mb`, `gb`, `tb`, `pb` and `eb` (all 1024-based; `k`, `kib`, `m`, `mib`, … work too)",
        );
        let names = SIZE_UNITS.iter().map(|(n, _)| *n).filter(|n| !n.is_empty());
        if let Some(near) = did_you_mean(unit, names) {
            help.push_str(&format!("; did you mean `{near}`?"));
        }
        return Err(ValueError::invalid(format!(
            "unknown data size unit `{}` in `{}`",
            shorten(unit),
            shown(v)
        ))
        .with_help(help));
    };
    digits_value(digits)
        .and_then(|q| q.checked_mul(1u128 << shift))
        .and_then(|bytes| u64::try_from(bytes).ok())
        .ok_or_else(|| {
            ValueError::overflow(format!(
                "data size `{}` is too large (the maximum is {} bytes)",
                shown(v),
                u64::MAX
            ))
        })
}

/// The canonical text of a size: the largest unit that divides it exactly, in
/// Arroyo's lower-case spelling (`64mb`, `1536kb`, `1000b`, `0b`), so the output is also
/// valid Arroyo DDL. [`data_size`] parses it back to exactly `bytes`.
pub fn format_data_size(bytes: u64) -> String {
    if bytes == 0 {
        return "0b".to_string();
    }
    for &(name, shift) in CANONICAL_SIZE_UNITS {
        let unit = 1u64 << shift;
        if bytes.checked_rem(unit) == Some(0) {
            return format!("{}{name}", bytes.checked_div(unit).unwrap_or(0));
        }
    }
    format!("{bytes}b")
}

// ---------------------------------------------------------------------------------------
// Lists, field references, maps, enumerations
// ---------------------------------------------------------------------------------------

/// A list of strings: `ARRAY['a', 'b']` or `['a', b]` (items are strings or
/// identifiers and keep their own spans), or a string `'a, b'` split on `,` with every
/// item trimmed. A single identifier is a one-item list and `''` is the empty list.
/// Empty items (`'a,,b'`, `'a,'`, `['']`) are errors.
///
/// Items split out of a string carry [`Span::DETACHED`](crate::span::Span::DETACHED), since the value alone does not
/// know where it was written; [`list_spanned`] gives them the whole value's span instead.
pub fn list(v: &Value) -> Result<Vec<Spanned<String>>, ValueError> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|item| match &item.node {
                Value::String(s) | Value::Ident(s) if s.trim().is_empty() => Err(
                    ValueError::invalid(format!("empty item in list `{}`", shown(v)))
                        .with_help("remove the empty item"),
                ),
                Value::String(s) | Value::Ident(s) => Ok(Spanned::new(s.clone(), item.span)),
                other => Err(ValueError::invalid(format!(
                    "expected a list of strings, found `{}` in `{}`",
                    shown(other),
                    shown(v)
                ))
                .with_opt_help(quote_help(other))),
            })
            .collect(),
        Value::String(s) => {
            if s.trim().is_empty() {
                return Ok(Vec::new());
            }
            s.split(',')
                .map(|piece| {
                    let piece = piece.trim();
                    if piece.is_empty() {
                        Err(
                            ValueError::invalid(format!("empty item in list `{}`", shown(v)))
                                .with_help("remove the extra comma"),
                        )
                    } else {
                        Ok(Spanned::detached(piece.to_string()))
                    }
                })
                .collect()
        }
        Value::Ident(s) => Ok(vec![Spanned::detached(s.clone())]),
        other => Err(expected("a list like `['a', 'b']` or `'a, b'`", other)),
    }
}

/// [`list`] of a spanned value: items split out of a string get the whole value's span
/// (rather than [`Span::DETACHED`](crate::span::Span::DETACHED)), so a diagnostic about one of them still points
/// somewhere useful.
pub fn list_spanned(v: &Spanned<Value>) -> Result<Vec<Spanned<String>>, ValueError> {
    let mut items = list(&v.node)?;
    for item in &mut items {
        if item.span.is_detached() {
            item.span = v.span;
        }
    }
    Ok(items)
}

/// A column reference: an identifier (`event_time_field = ts`) or, deprecated, a
/// quoted string (`event_time_field = 'ts'`), which sets [`FieldRef::quoted_string`].
pub fn field_ref(v: &Value) -> Result<FieldRef, ValueError> {
    let err = || {
        expected("a column name", v)
            .with_help("write the column name, e.g. `event_time_field = ts`")
    };
    match v {
        Value::Ident(name) if !name.is_empty() => Ok(FieldRef {
            name: name.clone(),
            quoted_string: false,
        }),
        Value::String(name) if !name.trim().is_empty() => Ok(FieldRef {
            name: name.clone(),
            quoted_string: true,
        }),
        _ => Err(err()),
    }
}

const MAP_HELP: &str = "write entries as `key=value`, separated by commas";

/// A string-to-string map: `'k1=v1, k2=v2'` (entries split on `,` and trimmed; the
/// value is everything after the first `=`, so it may itself contain `=`), or an array
/// of `'k=v'` strings (which allows values containing commas). `''` is the empty map.
/// An entry without `=`, an empty key, an empty entry or a repeated key is an error;
/// nothing is silently dropped.
pub fn map(v: &Value) -> Result<BTreeMap<String, String>, ValueError> {
    let mut out = BTreeMap::new();
    let mut add = |entry: &str| -> Result<(), ValueError> {
        let entry = entry.trim();
        if entry.is_empty() {
            return Err(
                ValueError::invalid(format!("empty entry in map `{}`", shown(v)))
                    .with_help("remove the extra comma"),
            );
        }
        let Some((key, value)) = entry.split_once('=') else {
            return Err(
                ValueError::invalid(format!("map entry `{}` has no `=`", shorten(entry)))
                    .with_help(MAP_HELP),
            );
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(ValueError::invalid(format!(
                "map entry `{}` has an empty key",
                shorten(entry)
            ))
            .with_help(MAP_HELP));
        }
        if out.contains_key(key) {
            return Err(ValueError::invalid(format!(
                "duplicate key `{}` in map `{}`",
                shorten(key),
                shown(v)
            ))
            .with_help("give each key once"));
        }
        out.insert(key.to_string(), value.trim().to_string());
        Ok(())
    };
    match v {
        Value::String(s) if s.trim().is_empty() => {}
        Value::String(s) => {
            for entry in s.split(',') {
                add(entry)?;
            }
        }
        Value::Array(items) => {
            for item in items {
                match &item.node {
                    Value::String(s) => add(s)?,
                    other => {
                        return Err(ValueError::invalid(format!(
                            "expected a `'key=value'` string, found `{}` in `{}`",
                            shown(other),
                            shown(v)
                        ))
                        .with_help(MAP_HELP))
                    }
                }
            }
        }
        other => {
            return Err(
                expected("a map like `'key1=value1, key2=value2'`", other).with_help(MAP_HELP)
            )
        }
    }
    Ok(out)
}

/// The form in which enumeration values are compared: lower case, without `-` and `_`.
fn normalize_enum(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// One of `allowed`, matched case-insensitively and ignoring `-` and `_`
/// (`'RFC3339'` → `rfc3339`, `'UnixMillis'` → `unix_millis`). The value must be a quoted
/// string; an identifier that names an allowed value is rejected with the quoted
/// spelling as help. An unknown value lists the allowed ones and suggests the nearest.
pub fn enumeration(v: &Value, allowed: &[&'static str]) -> Result<&'static str, ValueError> {
    let one_of = || {
        let names: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        format!("one of {}", names.join(", "))
    };
    let find = |text: &str| {
        // Exact spellings first; normalising allocates.
        if let Some(a) = allowed
            .iter()
            .copied()
            .find(|a| a.eq_ignore_ascii_case(text))
        {
            return Some(a);
        }
        let wanted = normalize_enum(text);
        allowed
            .iter()
            .copied()
            .find(|a| normalize_enum(a) == wanted)
    };
    match v {
        Value::String(s) => {
            if let Some(found) = find(s) {
                return Ok(found);
            }
            let mut help = format!("expected {}", one_of());
            if let Some(near) = did_you_mean(s, allowed.iter().copied()) {
                help.push_str(&format!(" (did you mean `{near}`?)"));
            }
            Err(ValueError::invalid(format!("invalid value `{}`", shorten(s))).with_help(help))
        }
        Value::Ident(i) => {
            let err = expected(&format!("{} in single quotes", one_of()), v);
            // Suggest the quoted form of the value the identifier names, or of the nearest one.
            let target = find(i).or_else(|| did_you_mean(i, allowed.iter().copied()));
            Err(match target {
                Some(name) => err.with_help(format!("write it in single quotes: `'{name}'`")),
                None => err,
            })
        }
        other => Err(expected(&one_of(), other)),
    }
}

/// Inputs longer than this get no suggestion: nobody mistypes a 64-character name, and
/// the edit distance costs time and memory proportional to the product of the lengths.
const MAX_SUGGESTION_INPUT: usize = 64;

/// How similar (Jaro-Winkler) a candidate must be to be suggested when no candidate is
/// within the edit-distance limit.
const JARO_WINKLER_THRESHOLD: f64 = 0.88;

/// The candidate nearest to `input`, if one is close enough to be a likely typo.
///
/// Comparison is case-insensitive and uses the Damerau–Levenshtein distance (a swap of
/// two adjacent characters counts as one edit). A candidate qualifies when the distance
/// is at most a third of the input's length (at least 1) and smaller than both lengths,
/// so `x` is never "corrected" to `y`. Among qualifying candidates the nearest wins, and
/// the earliest on a tie. If none qualifies, a candidate whose last dotted segment equals
/// the input (`offset` → `source.offset`) is suggested, when exactly one does. Failing
/// that, the candidate most similar by Jaro-Winkler (at least 0.88, inputs of four
/// characters or more) is suggested: it catches truncations like `event_ts` → `event_time`.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.trim().to_lowercase();
    let len = input.chars().count();
    if len == 0 || len > MAX_SUGGESTION_INPUT {
        return None;
    }
    let limit = (len.max(3) / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    let mut by_segment: Vec<&'a str> = Vec::new();
    // Jaro-Winkler favours a shared beginning, which catches abbreviations and
    // truncations (`offset` → `offset_id`, `event_ts` → `event_time`) that an edit
    // distance relative to the length misses.
    let mut by_prefix: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let distance = strsim::damerau_levenshtein(&input, &lower);
        let candidate_len = lower.chars().count();
        let close = distance <= limit && distance < len && distance < candidate_len;
        if close && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
        if lower.contains('.') && lower.rsplit('.').next() == Some(input.as_str()) {
            by_segment.push(candidate);
        }
        let similarity = strsim::jaro_winkler(&input, &lower);
        if len >= 4
            && similarity >= JARO_WINKLER_THRESHOLD
            && by_prefix.is_none_or(|(s, _)| similarity > s)
        {
            by_prefix = Some((similarity, candidate));
        }
    }
    match (best, by_segment.as_slice(), by_prefix) {
        (Some((_, c)), _, _) => Some(c),
        (None, [only], _) => Some(*only),
        (None, _, Some((_, c))) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use proptest::prelude::*;

    fn s(text: &str) -> Value {
        Value::String(text.to_string())
    }
    fn num(text: &str) -> Value {
        Value::Number(text.to_string())
    }
    fn ident(text: &str) -> Value {
        Value::Ident(text.to_string())
    }
    fn interval(value: &str, unit: Option<&str>) -> Value {
        Value::Interval {
            value: value.to_string(),
            unit: unit.map(str::to_string),
        }
    }
    fn array(items: Vec<Value>) -> Value {
        Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| Spanned::new(v, Span::new(i * 10, i * 10 + 3)))
                .collect(),
        )
    }
    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }
    fn kind<T: fmt::Debug>(r: Result<T, ValueError>) -> ValueErrorKind {
        match r {
            Ok(v) => panic!("expected an error, got {v:?}"),
            Err(e) => e.kind,
        }
    }
    fn err<T: fmt::Debug>(r: Result<T, ValueError>) -> ValueError {
        match r {
            Ok(v) => panic!("expected an error, got {v:?}"),
            Err(e) => e,
        }
    }

    // --- strings -------------------------------------------------------------------

    #[test]
    fn string_accepts_quoted() {
        assert_eq!(string(&s("events")), Ok("events".to_string()));
    }

    #[test]
    fn string_rejects_unquoted_with_quote_help() {
        let e = err(string(&ident("events")));
        assert_eq!(e.message, "expected a single-quoted string, found `events`");
        assert_eq!(
            e.help.as_deref(),
            Some("write it in single quotes: `'events'`")
        );
        assert_eq!(e.code(), codes::INVALID_VALUE);
        let e = err(string(&num("5")));
        assert_eq!(e.help.as_deref(), Some("write it in single quotes: `'5'`"));
        let e = err(string(&Value::Bool(true)));
        assert_eq!(
            e.help.as_deref(),
            Some("write it in single quotes: `'true'`")
        );
        let e = err(string(&Value::Null));
        assert_eq!(e.message, "expected a single-quoted string, found `NULL`");
        assert_eq!(e.help, None);
    }

    #[test]
    fn long_found_values_are_shortened() {
        let long = "x".repeat(200);
        let e = err(boolean(&s(&long)));
        let shown_part = format!("'{}…", "x".repeat(MAX_SHOWN - 1));
        assert_eq!(
            e.message,
            format!("expected a boolean (`true` or `false`), found `{shown_part}`")
        );
    }

    // --- booleans ------------------------------------------------------------------

    #[test]
    fn boolean_forms() {
        assert_eq!(boolean(&Value::Bool(true)), Ok(true));
        assert_eq!(boolean(&Value::Bool(false)), Ok(false));
        assert_eq!(boolean(&s("true")), Ok(true));
        assert_eq!(boolean(&s(" YES ")), Ok(true));
        assert_eq!(boolean(&s("False")), Ok(false));
        assert_eq!(boolean(&s("no")), Ok(false));
    }

    #[test]
    fn boolean_rejects_others() {
        let e = err(boolean(&s("maybe")));
        assert_eq!(
            e.message,
            "expected a boolean (`true` or `false`), found `'maybe'`"
        );
        assert_eq!(e.help.as_deref(), Some("write `true` or `false`"));
        assert!(boolean(&num("1")).is_err());
        assert!(boolean(&s("1")).is_err());
    }

    // --- integers ------------------------------------------------------------------

    #[test]
    fn unsigned_forms() {
        assert_eq!(unsigned(&num("42")), Ok(42));
        assert_eq!(unsigned(&s("42")), Ok(42));
        assert_eq!(unsigned(&s("+42")), Ok(42));
        assert_eq!(unsigned(&s(" 007 ")), Ok(7));
        assert_eq!(unsigned(&num("-0")), Ok(0));
        assert_eq!(unsigned(&num("18446744073709551615")), Ok(u64::MAX));
    }

    #[test]
    fn unsigned_rejects_negative_and_non_integers() {
        let e = err(unsigned(&num("-5")));
        assert_eq!(e.message, "expected a non-negative integer, found `-5`");
        assert_eq!(e.kind, ValueErrorKind::Invalid);
        assert_eq!(
            kind(unsigned(&s("-99999999999999999999999"))),
            ValueErrorKind::Invalid
        );
        for bad in ["1.5", "1e3", "1_000", "", "+", "٣", "0x10", "5 5"] {
            assert_eq!(kind(unsigned(&num(bad))), ValueErrorKind::Invalid, "{bad}");
        }
        assert!(unsigned(&Value::Bool(true)).is_err());
    }

    #[test]
    fn unsigned_overflow() {
        let e = err(unsigned(&num("18446744073709551616")));
        assert_eq!(e.kind, ValueErrorKind::Overflow);
        assert_eq!(e.code(), codes::OVERFLOW);
        assert_eq!(
            e.message,
            "integer `18446744073709551616` is too large (the maximum is 18446744073709551615)"
        );
        assert_eq!(
            kind(unsigned(&s(&"9".repeat(500)))),
            ValueErrorKind::Overflow
        );
    }

    #[test]
    fn signed_forms() {
        assert_eq!(signed(&num("-5")), Ok(-5));
        assert_eq!(signed(&s("-5")), Ok(-5));
        assert_eq!(signed(&s("+5")), Ok(5));
        assert_eq!(signed(&num("-9223372036854775808")), Ok(i64::MIN));
        assert_eq!(signed(&num("9223372036854775807")), Ok(i64::MAX));
    }

    #[test]
    fn signed_rejects_and_overflows() {
        let e = err(signed(&num("1.5")));
        assert_eq!(e.message, "expected an integer, found `1.5`");
        let e = err(signed(&num("9223372036854775808")));
        assert_eq!(e.kind, ValueErrorKind::Overflow);
        assert_eq!(
            e.message,
            "integer `9223372036854775808` is out of range (it must be between -9223372036854775808 and 9223372036854775807)"
        );
        assert_eq!(
            kind(signed(&num("-9223372036854775809"))),
            ValueErrorKind::Overflow
        );
        assert_eq!(kind(signed(&s("--5"))), ValueErrorKind::Invalid);
    }

    // --- floats --------------------------------------------------------------------

    #[test]
    fn float_forms() {
        assert_eq!(float(&num("1.5")), Ok(1.5));
        assert_eq!(float(&num("-2")), Ok(-2.0));
        assert_eq!(float(&s("1e3")), Ok(1000.0));
        assert_eq!(float(&s(".5")), Ok(0.5));
    }

    #[test]
    fn float_rejects_non_finite() {
        for bad in ["inf", "NaN", "infinity", "-inf", "abc", ""] {
            assert_eq!(kind(float(&s(bad))), ValueErrorKind::Invalid, "{bad}");
        }
        let e = err(float(&num("1e400")));
        assert_eq!(e.kind, ValueErrorKind::Overflow);
        assert_eq!(
            e.message,
            "number `1e400` is too large (the maximum is about 1.8e308)"
        );
        assert!(float(&Value::Bool(true)).is_err());
    }

    // --- durations -----------------------------------------------------------------

    #[test]
    fn duration_interval_with_unit() {
        assert_eq!(duration(&interval("10", Some("SECOND"))), Ok(secs(10)));
        assert_eq!(duration(&interval("10", Some("seconds"))), Ok(secs(10)));
        assert_eq!(duration(&interval("2", Some("Minute"))), Ok(secs(120)));
        assert_eq!(duration(&interval("1", Some("HOUR"))), Ok(secs(3600)));
        assert_eq!(duration(&interval("1", Some("DAY"))), Ok(secs(86_400)));
        assert_eq!(duration(&interval("1", Some("WEEK"))), Ok(secs(604_800)));
        assert_eq!(
            duration(&interval("250", Some("MILLISECOND"))),
            Ok(Duration::from_millis(250))
        );
        assert_eq!(
            duration(&interval("7", Some("MICROSECONDS"))),
            Ok(Duration::from_micros(7))
        );
        assert_eq!(
            duration(&interval("9", Some("NANOSECOND"))),
            Ok(Duration::from_nanos(9))
        );
        assert_eq!(
            duration(&interval("1.5", Some("SECOND"))),
            Ok(Duration::from_millis(1500))
        );
    }

    #[test]
    fn duration_interval_text() {
        assert_eq!(duration(&interval("10 seconds", None)), Ok(secs(10)));
        assert_eq!(
            duration(&interval("1 hour 30 minutes", None)),
            Ok(secs(5400))
        );
    }

    #[test]
    fn duration_strings() {
        assert_eq!(duration(&s("10s")), Ok(secs(10)));
        assert_eq!(duration(&s("10 s")), Ok(secs(10)));
        assert_eq!(duration(&s(" 10S ")), Ok(secs(10)));
        assert_eq!(duration(&s("1500ms")), Ok(Duration::from_millis(1500)));
        assert_eq!(duration(&s("5 minutes")), Ok(secs(300)));
        assert_eq!(duration(&s("5 mins")), Ok(secs(300)));
        assert_eq!(duration(&s("2 hrs")), Ok(secs(7200)));
        assert_eq!(duration(&s("1 hour 30 minutes")), Ok(secs(5400)));
        assert_eq!(duration(&s("1h30m")), Ok(secs(5400)));
        assert_eq!(duration(&s("3 secs")), Ok(secs(3)));
        assert_eq!(duration(&s("2w")), Ok(secs(2 * 604_800)));
        assert_eq!(duration(&s("1 day")), Ok(secs(86_400)));
        assert_eq!(duration(&s("5us")), Ok(Duration::from_micros(5)));
        assert_eq!(duration(&s("5µs")), Ok(Duration::from_micros(5)));
        assert_eq!(duration(&s("5μs")), Ok(Duration::from_micros(5)));
        assert_eq!(duration(&s("5ns")), Ok(Duration::from_nanos(5)));
        assert_eq!(duration(&s("0.5s")), Ok(Duration::from_millis(500)));
        assert_eq!(duration(&s("+5s")), Ok(secs(5)));
        assert_eq!(
            duration(&s("1d 2h 3m 4s 5ms 6us 7ns")),
            Ok(Duration::new(93_784, 5_006_007))
        );
    }

    #[test]
    fn duration_rejects_garbage() {
        let e = err(duration(&s("ten")));
        assert_eq!(
            e.message,
            "expected a duration like `10s` or `INTERVAL '10' SECOND`, found `'ten'`"
        );
        assert_eq!(e.help, None);
        for bad in ["", "s", "1.2.3s", "٣s", "10 s x", "10s,5m", "- 5s"] {
            assert_eq!(kind(duration(&s(bad))), ValueErrorKind::Invalid, "{bad}");
        }
        let e = err(duration(&Value::Bool(true)));
        assert_eq!(
            e.message,
            "expected a duration like `10s` or `INTERVAL '10' SECOND`, found `true`"
        );
    }

    #[test]
    fn duration_needs_a_unit() {
        let e = err(duration(&s("10")));
        assert_eq!(e.help.as_deref(), Some("add a unit, e.g. `'10s'`"));
        let e = err(duration(&num("10")));
        assert_eq!(
            e.message,
            "expected a duration like `10s` or `INTERVAL '10' SECOND`, found `10`"
        );
        assert_eq!(e.help.as_deref(), Some("add a unit, e.g. `'10s'`"));
        let e = err(duration(&interval("10", None)));
        assert_eq!(
            e.help.as_deref(),
            Some("add a unit, e.g. `INTERVAL '10' SECOND`")
        );
        let e = err(duration(&s("1h30")));
        assert_eq!(e.help.as_deref(), Some("add a unit, e.g. `'10s'`"));
    }

    #[test]
    fn duration_rejects_month_based() {
        for v in [
            interval("1", Some("MONTH")),
            interval("1", Some("YEAR")),
            interval("1", Some("quarter")),
            s("1 month"),
            s("2y"),
            s("1mo"),
            interval("1 year", None),
        ] {
            let e = err(duration(&v));
            assert_eq!(
                e.message, "month-based durations are not supported (a month has no fixed length)",
                "{v}"
            );
        }
    }

    #[test]
    fn duration_rejects_negative() {
        for v in [
            s("-5s"),
            interval("-5", Some("SECOND")),
            interval("-5 seconds", None),
            s("1h -5m"),
        ] {
            let e = err(duration(&v));
            assert_eq!(e.message, "durations must not be negative", "{v}");
        }
    }

    #[test]
    fn duration_unknown_units() {
        let e = err(duration(&s("10 secnds")));
        assert_eq!(e.message, "unknown duration unit `secnds` in `'10 secnds'`");
        assert_eq!(
            e.help.as_deref(),
            Some("valid units are `ns`, `us`, `ms`, `s`, `m`, `h`, `d` and `w` (long names such as `seconds` work too); did you mean `seconds`?")
        );
        let e = err(duration(&interval("10", Some("FORTNIGHT"))));
        assert_eq!(e.message, "unknown interval unit `FORTNIGHT`");
        let e = err(duration(&interval("10s", Some("SECOND"))));
        assert_eq!(
            e.message,
            "expected a duration like `10s` or `INTERVAL '10' SECOND`, found `INTERVAL '10s' SECOND`"
        );
    }

    #[test]
    fn duration_precision() {
        assert_eq!(duration(&s("1.000000001s")), Ok(Duration::new(1, 1)));
        assert_eq!(
            duration(&s("1.5000000000000000000000s")),
            Ok(Duration::from_millis(1500))
        );
        assert_eq!(duration(&s("0.000001ms")), Ok(Duration::from_nanos(1)));
        let e = err(duration(&s("1.0000000001s")));
        assert_eq!(
            e.message,
            "duration `'1.0000000001s'` is more precise than one nanosecond"
        );
        assert_eq!(kind(duration(&s("0.5ns"))), ValueErrorKind::Invalid);
    }

    #[test]
    fn duration_overflow() {
        let max = format!("{}s 999999999ns", u64::MAX);
        assert_eq!(duration(&s(&max)), Ok(Duration::MAX));
        let e = err(duration(&s(&format!("{}s 1000000000ns", u64::MAX))));
        assert_eq!(e.kind, ValueErrorKind::Overflow);
        assert_eq!(
            kind(duration(&s("99999999999999999999999w"))),
            ValueErrorKind::Overflow
        );
        assert_eq!(
            kind(duration(&s(&format!("{}s", "9".repeat(300))))),
            ValueErrorKind::Overflow
        );
        assert_eq!(
            kind(duration(&interval(&"9".repeat(300), Some("WEEK")))),
            ValueErrorKind::Overflow
        );
    }

    #[test]
    fn format_duration_canonical() {
        assert_eq!(format_duration(Duration::ZERO), "0s");
        assert_eq!(format_duration(secs(10)), "10s");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1s 500ms");
        assert_eq!(format_duration(secs(5400)), "1h 30m");
        assert_eq!(format_duration(secs(86_400 * 9)), "9d");
        assert_eq!(
            format_duration(Duration::new(93_784, 5_006_007)),
            "1d 2h 3m 4s 5ms 6us 7ns"
        );
    }

    // --- data sizes ----------------------------------------------------------------

    #[test]
    fn data_size_forms() {
        assert_eq!(data_size(&s("64mb")), Ok(64 << 20));
        assert_eq!(data_size(&s("64MB")), Ok(64 << 20));
        assert_eq!(data_size(&s("64 MiB")), Ok(64 << 20));
        assert_eq!(data_size(&s("1024")), Ok(1024));
        assert_eq!(data_size(&num("1024")), Ok(1024));
        assert_eq!(data_size(&s("10k")), Ok(10 << 10));
        assert_eq!(data_size(&s("54K")), Ok(54 << 10));
        assert_eq!(data_size(&s("7b")), Ok(7));
        assert_eq!(data_size(&s("999921gb")), Ok(999_921 << 30));
        assert_eq!(data_size(&s("3 TiB")), Ok(3 << 40));
        assert_eq!(data_size(&s("2p")), Ok(2 << 50));
        assert_eq!(data_size(&s("15eb")), Ok(15 << 60));
    }

    #[test]
    fn data_size_rejects() {
        let e = err(data_size(&s("1.5mb")));
        assert_eq!(
            e.message,
            "expected a whole number of bytes, found `'1.5mb'`"
        );
        let e = err(data_size(&s("-14G")));
        assert_eq!(e.message, "data sizes must not be negative, found `'-14G'`");
        let e = err(data_size(&s("G")));
        assert_eq!(
            e.message,
            "expected a data size like `64mb` or `1024` (bytes), found `'G'`"
        );
        for bad in ["", "٣mb", "10 mb x", "1e3", "10mb5"] {
            assert_eq!(kind(data_size(&s(bad))), ValueErrorKind::Invalid, "{bad}");
        }
        assert!(data_size(&num("1.5")).is_err());
        assert!(data_size(&Value::Bool(true)).is_err());
    }

    #[test]
    fn data_size_unknown_unit() {
        let e = err(data_size(&s("64 mbs")));
        assert_eq!(e.message, "unknown data size unit `mbs` in `'64 mbs'`");
        assert_eq!(
            e.help.as_deref(),
            Some("valid units are `b`, `kb`, `mb`, `gb`, `tb`, `pb` and `eb` (all 1024-based; `k`, `kib`, `m`, `mib`, … work too); did you mean `mb`?")
        );
    }

    #[test]
    fn data_size_overflow() {
        assert_eq!(data_size(&s("15eb")), Ok(15 << 60));
        let e = err(data_size(&s("16eb")));
        assert_eq!(e.kind, ValueErrorKind::Overflow);
        assert_eq!(
            e.message,
            "data size `'16eb'` is too large (the maximum is 18446744073709551615 bytes)"
        );
        assert_eq!(
            kind(data_size(&s(&"9".repeat(100)))),
            ValueErrorKind::Overflow
        );
        assert_eq!(
            kind(data_size(&s("18446744073709551616"))),
            ValueErrorKind::Overflow
        );
        assert_eq!(data_size(&s("18446744073709551615")), Ok(u64::MAX));
    }

    #[test]
    fn format_data_size_canonical() {
        assert_eq!(format_data_size(0), "0b");
        assert_eq!(format_data_size(1000), "1000b");
        assert_eq!(format_data_size(64 << 20), "64mb");
        assert_eq!(format_data_size(1536 << 10), "1536kb");
        assert_eq!(format_data_size(1 << 60), "1eb");
        assert_eq!(format_data_size(u64::MAX), "18446744073709551615b");
    }

    // --- lists ---------------------------------------------------------------------

    #[test]
    fn list_from_array_keeps_spans() {
        let items = list(&array(vec![s("a"), ident("b")])).unwrap_or_default();
        let got: Vec<(String, Span)> = items.into_iter().map(|i| (i.node, i.span)).collect();
        assert_eq!(
            got,
            vec![
                ("a".to_string(), Span::new(0, 3)),
                ("b".to_string(), Span::new(10, 13))
            ]
        );
    }

    #[test]
    fn list_from_string_is_split_and_trimmed() {
        let items = list(&s(" a , b,c ")).unwrap_or_default();
        let names: Vec<&str> = items.iter().map(|i| i.node.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(items.iter().all(|i| i.span.is_detached()));
        assert_eq!(list(&s("")), Ok(vec![]));
        assert_eq!(
            list(&ident("x")),
            Ok(vec![Spanned::detached("x".to_string())])
        );
        assert_eq!(
            list(&s("only")),
            Ok(vec![Spanned::detached("only".to_string())])
        );
    }

    #[test]
    fn list_spanned_uses_whole_span() {
        let v = Spanned::new(s("a,b"), Span::new(5, 10));
        let items = list_spanned(&v).unwrap_or_default();
        assert!(items.iter().all(|i| i.span == Span::new(5, 10)));
        let arr = Spanned::new(array(vec![s("a")]), Span::new(0, 30));
        let items = list_spanned(&arr).unwrap_or_default();
        assert_eq!(items.first().map(|i| i.span), Some(Span::new(0, 3)));
    }

    #[test]
    fn list_rejects_empty_items_and_non_strings() {
        let e = err(list(&s("a,,b")));
        assert_eq!(e.message, "empty item in list `'a,,b'`");
        assert!(list(&s("a,")).is_err());
        assert!(list(&array(vec![s(" ")])).is_err());
        let e = err(list(&array(vec![s("a"), num("5")])));
        assert_eq!(
            e.message,
            "expected a list of strings, found `5` in `['a', 5]`"
        );
        assert_eq!(e.help.as_deref(), Some("write it in single quotes: `'5'`"));
        assert!(list(&Value::Null).is_err());
    }

    // --- field references ----------------------------------------------------------

    #[test]
    fn field_ref_forms() {
        assert_eq!(
            field_ref(&ident("ts")),
            Ok(FieldRef {
                name: "ts".to_string(),
                quoted_string: false
            })
        );
        assert_eq!(
            field_ref(&s("ts")),
            Ok(FieldRef {
                name: "ts".to_string(),
                quoted_string: true
            })
        );
        let e = err(field_ref(&num("5")));
        assert_eq!(e.message, "expected a column name, found `5`");
        assert!(field_ref(&s("")).is_err());
        assert!(field_ref(&Value::Expr("a.b".to_string())).is_err());
    }

    // --- maps ----------------------------------------------------------------------

    #[test]
    fn map_from_string() {
        let m = map(&s(" a = 1 , b=x=y,c= ")).unwrap_or_default();
        let want: BTreeMap<String, String> = [("a", "1"), ("b", "x=y"), ("c", "")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(m, want);
        assert_eq!(map(&s("")), Ok(BTreeMap::new()));
    }

    #[test]
    fn map_from_array() {
        let m = map(&array(vec![s("a=1,2"), s("b=3")])).unwrap_or_default();
        assert_eq!(m.get("a").map(String::as_str), Some("1,2"));
        assert_eq!(m.get("b").map(String::as_str), Some("3"));
        assert!(map(&array(vec![num("5")])).is_err());
    }

    #[test]
    fn map_rejects_bad_parts() {
        let e = err(map(&s("a=1, oops")));
        assert_eq!(e.message, "map entry `oops` has no `=`");
        assert_eq!(
            e.help.as_deref(),
            Some("write entries as `key=value`, separated by commas")
        );
        let e = err(map(&s("a=1,a=2")));
        assert_eq!(e.message, "duplicate key `a` in map `'a=1,a=2'`");
        let e = err(map(&s("=1")));
        assert_eq!(e.message, "map entry `=1` has an empty key");
        assert!(map(&s("a=1,,b=2")).is_err());
        assert!(map(&num("5")).is_err());
    }

    // --- enumerations --------------------------------------------------------------

    const FORMATS: &[&str] = &["rfc3339", "unix_millis"];

    #[test]
    fn enumeration_normalizes() {
        assert_eq!(enumeration(&s("RFC3339"), FORMATS), Ok("rfc3339"));
        assert_eq!(enumeration(&s("UnixMillis"), FORMATS), Ok("unix_millis"));
        assert_eq!(enumeration(&s("unix-millis"), FORMATS), Ok("unix_millis"));
        assert_eq!(enumeration(&s("unix_millis"), FORMATS), Ok("unix_millis"));
    }

    #[test]
    fn enumeration_unknown() {
        let e = err(enumeration(&s("unix_milis"), FORMATS));
        assert_eq!(e.message, "invalid value `unix_milis`");
        assert_eq!(
            e.help.as_deref(),
            Some("expected one of `rfc3339`, `unix_millis` (did you mean `unix_millis`?)")
        );
        let e = err(enumeration(&s("xml"), FORMATS));
        assert_eq!(
            e.help.as_deref(),
            Some("expected one of `rfc3339`, `unix_millis`")
        );
    }

    #[test]
    fn enumeration_wants_quotes() {
        let e = err(enumeration(&ident("rfc3339"), FORMATS));
        assert_eq!(
            e.message,
            "expected one of `rfc3339`, `unix_millis` in single quotes, found `rfc3339`"
        );
        assert_eq!(
            e.help.as_deref(),
            Some("write it in single quotes: `'rfc3339'`")
        );
        let e = err(enumeration(&ident("rfc339"), FORMATS));
        assert_eq!(
            e.help.as_deref(),
            Some("write it in single quotes: `'rfc3339'`")
        );
        let e = err(enumeration(&num("5"), FORMATS));
        assert_eq!(
            e.message,
            "expected one of `rfc3339`, `unix_millis`, found `5`"
        );
    }

    // --- did you mean --------------------------------------------------------------

    #[test]
    fn did_you_mean_finds_typos() {
        let keys = ["bootstrap_servers", "topic", "source.offset", "type"];
        assert_eq!(
            did_you_mean("bootstrap_server", keys),
            Some("bootstrap_servers")
        );
        assert_eq!(did_you_mean("topc", keys), Some("topic"));
        assert_eq!(did_you_mean("TOPIC", keys), Some("topic"));
        assert_eq!(did_you_mean("sourc.offset", keys), Some("source.offset"));
        assert_eq!(did_you_mean("offset", keys), Some("source.offset"));
        assert_eq!(did_you_mean("zzz", keys), None);
        assert_eq!(did_you_mean("", keys), None);
        assert_eq!(did_you_mean("x", ["y"]), None);
        assert_eq!(did_you_mean(&"a".repeat(1000), keys), None);
    }

    // --- properties ----------------------------------------------------------------

    proptest! {
        #[test]
        fn duration_round_trips(secs in any::<u64>(), nanos in 0u32..1_000_000_000) {
            let d = Duration::new(secs, nanos);
            prop_assert_eq!(duration(&Value::String(format_duration(d))), Ok(d));
        }

        #[test]
        fn small_duration_round_trips(nanos in 0u64..1_000_000_000_000_000) {
            let d = Duration::from_nanos(nanos);
            prop_assert_eq!(duration(&Value::String(format_duration(d))), Ok(d));
        }

        #[test]
        fn data_size_round_trips(bytes in any::<u64>()) {
            prop_assert_eq!(data_size(&Value::String(format_data_size(bytes))), Ok(bytes));
        }

        #[test]
        fn data_size_round_trips_round_numbers(q in 0u64..1024, shift in 0u32..61) {
            let bytes = q << shift;
            prop_assert_eq!(data_size(&Value::String(format_data_size(bytes))), Ok(bytes));
        }

        #[test]
        fn numbers_never_panic(text in "[-+ .0-9٣µμa-zA-Z]{0,60}|[0-9]{20,400}[a-z ]{0,4}|\\PC{0,40}") {
            let v = Value::String(text.clone());
            let _ = data_size(&v);
            let _ = duration(&v);
            let _ = unsigned(&v);
            let _ = signed(&v);
            let _ = float(&v);
            let n = Value::Number(text.clone());
            let _ = data_size(&n);
            let _ = unsigned(&n);
            let _ = signed(&n);
            let _ = duration(&Value::Interval { value: text.clone(), unit: Some("SECOND".to_string()) });
            let _ = duration(&Value::Interval { value: text, unit: None });
        }

        #[test]
        fn integers_round_trip(u in any::<u64>(), i in any::<i64>()) {
            prop_assert_eq!(unsigned(&Value::Number(u.to_string())), Ok(u));
            prop_assert_eq!(unsigned(&Value::String(format!("+{u}"))), Ok(u));
            prop_assert_eq!(signed(&Value::Number(i.to_string())), Ok(i));
            prop_assert_eq!(signed(&Value::String(i.to_string())), Ok(i));
        }

        #[test]
        fn lists_and_maps_never_panic(text in "[a-z=, ]{0,40}|\\PC{0,40}") {
            let v = Value::String(text);
            let _ = list(&v);
            let _ = map(&v);
            let _ = enumeration(&v, &["json", "avro"]);
        }
    }
}

#[cfg(test)]
mod suggestion_tests {
    use super::did_you_mean;

    #[test]
    fn truncations_are_suggested() {
        assert_eq!(
            did_you_mean("offset", ["offset_id", "partition", "topic"]),
            Some("offset_id")
        );
        assert_eq!(
            did_you_mean("event_ts", ["id", "event_time"]),
            Some("event_time")
        );
        assert_eq!(did_you_mean("zzzz", ["offset_id", "partition"]), None);
    }
}
