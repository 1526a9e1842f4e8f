//! Data sizes: a number of bytes or a quantity with a 1024-based unit (`'64mb'`,
//! `'64 MiB'`), and their canonical text ([`format_data_size`]).

use super::error::{expected, shorten, shown, ValueError};
use super::numbers::{digits_value, numeric_text, split_while, strip_sign};
use super::suggest::did_you_mean;
use crate::options::Value;

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
pub(crate) fn data_size(v: &Value) -> Result<u64, ValueError> {
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
pub(crate) fn format_data_size(bytes: u64) -> String {
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
