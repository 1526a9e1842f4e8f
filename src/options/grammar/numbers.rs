//! Integers and floats, and the digit-level helpers (signs, ASCII digit runs, decimal
//! splitting) that durations and data sizes share. All arithmetic is checked.

use super::error::{expected, shown, ValueError};
use crate::options::Value;

/// Splits `s` after the longest prefix whose characters all satisfy `keep`.
pub(super) fn split_while(s: &str, keep: impl Fn(char) -> bool) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(s.len(), |(i, _)| i);
    s.split_at_checked(end).unwrap_or((s, ""))
}

/// The value of a string of ASCII digits, or `None` if it does not fit in a `u128`.
/// An empty string is zero.
pub(super) fn digits_value(digits: &str) -> Option<u128> {
    digits.bytes().try_fold(0u128, |acc, b| {
        acc.checked_mul(10)?
            .checked_add(u128::from(b.checked_sub(b'0')?))
    })
}

/// Splits an optional leading sign off `s`; `true` means `-`.
pub(super) fn strip_sign(s: &str) -> (bool, &str) {
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
pub(super) fn numeric_text(v: &Value) -> Option<&str> {
    match v {
        Value::Number(n) => Some(n.trim()),
        Value::String(s) => Some(s.trim()),
        _ => None,
    }
}
/// A non-negative integer: a number literal or a numeric string of ASCII digits with an
/// optional leading `+`. Decimal points, exponents and underscores are rejected.
pub(crate) fn unsigned(v: &Value) -> Result<u64, ValueError> {
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
pub(crate) fn signed(v: &Value) -> Result<i64, ValueError> {
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
pub(crate) fn float(v: &Value) -> Result<f64, ValueError> {
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
