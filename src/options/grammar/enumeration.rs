//! Enumerations: one of a fixed set of names, matched ignoring case, `-` and `_`, with
//! the allowed values and the nearest one as help.

use super::error::{expected, shorten, ValueError};
use super::suggest::did_you_mean;
use crate::options::Value;

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
pub(crate) fn enumeration(v: &Value, allowed: &[&'static str]) -> Result<&'static str, ValueError> {
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
            let near = did_you_mean(s, allowed.iter().copied());
            if let Some(near) = near {
                help.push_str(&format!(" (did you mean `{near}`?)"));
            }
            Err(
                ValueError::invalid(format!("invalid value `{}`", shorten(s)))
                    .with_help(help)
                    .with_fix(
                        near.filter(|n| super::suggest::is_typo(s, n))
                            .map(|n| Value::String(n.to_string()).to_string()),
                    ),
            )
        }
        Value::Ident(i) => {
            let err = expected(&format!("{} in single quotes", one_of()), v);
            // Suggest the quoted form of the value the identifier names, or of the nearest one.
            let target = find(i).or_else(|| did_you_mean(i, allowed.iter().copied()));
            Err(match target {
                Some(name) => err
                    .with_help(format!("write it in single quotes: `'{name}'`"))
                    .with_fix(
                        (find(i).is_some() || super::suggest::is_typo(i, name))
                            .then(|| format!("'{name}'")),
                    ),
                None => err,
            })
        }
        other => Err(expected(&one_of(), other)),
    }
}
