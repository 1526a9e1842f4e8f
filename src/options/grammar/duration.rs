//! Durations: `INTERVAL '10' SECOND`, `INTERVAL '10 seconds'` and strings such as `'10s'`
//! or `'1h30m'`, parsed to a [`Duration`] with nanosecond precision, and their canonical
//! text ([`format_duration`]).

use std::time::Duration;

use super::error::{expected, shorten, shown, ValueError};
use super::numbers::{digits_value, split_while, strip_sign};
use super::suggest::did_you_mean;
use crate::options::Value;

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

/// The length of the unit `name` in nanoseconds, or why it is not a duration unit.
fn unit_length(name: &str) -> Result<u128, DurationError> {
    let lower = name.to_lowercase();
    if let Some(&(_, nanos)) = DURATION_UNITS.iter().find(|(n, _)| *n == lower) {
        Ok(nanos)
    } else if MONTH_BASED_UNITS.contains(&lower.as_str()) {
        Err(DurationError::MonthBased)
    } else {
        Err(DurationError::UnknownUnit(name.to_string()))
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
        let unit_nanos = unit_length(unit)?;
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
    let unit_nanos = unit_length(unit.trim())?;
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
pub(crate) fn duration(v: &Value) -> Result<Duration, ValueError> {
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
pub(crate) fn format_duration(d: Duration) -> String {
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
