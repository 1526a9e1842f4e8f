//! Secrets in printed DDL: every redacted value (`********`) is printed as a `{{ VAR }}`
//! placeholder with a name derived from the table and the option, so the text compiles
//! again once the variables are set, and nothing secret is printed.
//!
//! **Invariant:** a name is derived from names only (table, option key, setting or header
//! name), never from a value.

use std::collections::{BTreeMap, BTreeSet};

use crate::compile::Connection;
use crate::options::Value;

/// What redaction leaves where a secret was (see `profile::Secret::redacted`).
const MASK: &str = "********";

/// The placeholder names given out while printing one table, kept unique.
#[derive(Default)]
pub(super) struct Vars {
    names: Vec<String>,
    taken: BTreeSet<String>,
    /// The next suffix to try for each base name, so that many secrets deriving the same
    /// name do not rescan the suffixes already given out.
    next: BTreeMap<String, usize>,
}

impl Vars {
    /// The variables named, in the order they first appear in the text.
    pub(super) fn into_names(self) -> Vec<String> {
        self.names
    }

    /// A fresh placeholder name from `parts` (upper case, `_` for anything but letters and
    /// digits), with `_2`, `_3`, … when it is taken.
    fn fresh(&mut self, parts: &[&str]) -> String {
        let mut base = String::new();
        for part in parts {
            for c in part.chars() {
                let c = if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                };
                // One `_` between words, none at the ends.
                if c != '_' || !(base.is_empty() || base.ends_with('_')) {
                    base.push(c);
                }
            }
            if !base.is_empty() && !base.ends_with('_') {
                base.push('_');
            }
        }
        let mut base = base.trim_end_matches('_').to_string();
        if base.is_empty() {
            base.push_str("SECRET");
        } else if base.starts_with(|c: char| c.is_ascii_digit()) {
            base.insert_str(0, "SECRET_");
        }
        let mut name = base.clone();
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        if n > 1 {
            name = format!("{base}_{n}");
        }
        while self.taken.contains(&name) {
            n += 1;
            name = format!("{base}_{n}");
        }
        self.next.insert(base, n + 1);
        self.taken.insert(name.clone());
        self.names.push(name.clone());
        name
    }

    /// The value of option `key` of table `c` to print: redacted secrets become
    /// placeholders; anything else is printed as it is.
    pub(super) fn option_value(&mut self, c: &Connection, key: &str, value: &Value) -> String {
        let Value::String(text) = value else {
            return value.to_string();
        };
        if !text.contains(MASK) {
            return value.to_string();
        }
        if text == MASK {
            if let Some(pairs) = self.named_pairs(c, key) {
                return Value::String(pairs).to_string();
            }
            let name = self.fresh(&[&c.name, key]);
            return Value::String(format!("{{{{ {name} }}}}")).to_string();
        }
        Value::String(self.embedded(&c.name, key, text)).to_string()
    }

    /// A whole value redacted whose typed config keeps the parts' names, as `headers`
    /// does (`{"Authorization": "********"}`): `Name: {{ VAR }}` pairs, the names kept and
    /// each redacted value a placeholder. `None` when the config has no such map.
    fn named_pairs(&mut self, c: &Connection, key: &str) -> Option<String> {
        let config = c.config.table.json();
        let map = config.get(key)?.as_object()?;
        if map.is_empty() {
            return None;
        }
        let mut parts = Vec::with_capacity(map.len());
        for (name, v) in map {
            let shown = v.as_str()?;
            // A name the header grammar would split differently cannot be printed back.
            if name.contains([',', ':']) || shown.contains(',') {
                return None;
            }
            let shown = if shown == MASK {
                format!("{{{{ {} }}}}", self.fresh(&[&c.name, name]))
            } else {
                shown.to_string()
            };
            parts.push(format!("{name}: {shown}"));
        }
        Some(parts.join(", "))
    }

    /// A value with secrets redacted inside it (a URL's password, `sasl.password=…` in a
    /// settings list, `?token=…`): each `********` becomes a placeholder named after what
    /// precedes it.
    fn embedded(&mut self, table: &str, key: &str, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(MASK) {
            let (before, after) = rest.split_at(at);
            out.push_str(before);
            let mut after = after.get(MASK.len()..).unwrap_or("");
            let name = match setting_name(&out) {
                Some(setting) => {
                    // Redaction may mask only the first word of a setting's value
                    // (`sasl.jaas.config=******** required …`): the variable stands for
                    // the whole value, up to the next setting or query parameter.
                    let end = after.find([',', '&']).unwrap_or(after.len());
                    after = after.get(end..).unwrap_or("");
                    self.fresh(&[table, setting])
                }
                // `user:********@host`: the password of a URL or an address.
                None if out.ends_with(':') && after.starts_with('@') => {
                    self.fresh(&[table, key, "password"])
                }
                None => self.fresh(&[table, key]),
            };
            out.push_str(&format!("{{{{ {name} }}}}"));
            rest = after;
        }
        out.push_str(rest);
        out
    }
}

/// The name of the setting whose value starts where `before` ends: the word before a
/// trailing `=` (`a=1,sasl.password=`, `?api_key=`).
fn setting_name(before: &str) -> Option<&str> {
    let head = before.strip_suffix('=')?;
    let start = head
        .rfind([',', ';', '&', '?', ' ', '\n', '\t'])
        .map_or(0, |i| i + 1);
    let name = head.get(start..)?.trim();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_upper_snake_and_unique() {
        let mut v = Vars::default();
        assert_eq!(
            v.fresh(&["orders", "sasl.password"]),
            "ORDERS_SASL_PASSWORD"
        );
        assert_eq!(
            v.fresh(&["orders", "sasl.password"]),
            "ORDERS_SASL_PASSWORD_2"
        );
        assert_eq!(v.fresh(&["Événements", "x"]), "V_NEMENTS_X");
        assert_eq!(v.fresh(&["1st", "key"]), "SECRET_1ST_KEY");
        assert_eq!(v.fresh(&["", ""]), "SECRET");
        assert_eq!(
            v.into_names(),
            [
                "ORDERS_SASL_PASSWORD",
                "ORDERS_SASL_PASSWORD_2",
                "V_NEMENTS_X",
                "SECRET_1ST_KEY",
                "SECRET"
            ]
        );
    }

    #[test]
    fn embedded_secrets_are_named_after_their_setting() {
        let mut v = Vars::default();
        let text = v.embedded("t", "client_configs", "a=1,sasl.password=********,b=2");
        assert_eq!(text, "a=1,sasl.password={{ T_SASL_PASSWORD }},b=2");
        let jaas = v.embedded("t", "client_configs", "sasl.jaas.config=******** required;");
        assert_eq!(jaas, "sasl.jaas.config={{ T_SASL_JAAS_CONFIG }}");
        let url = v.embedded("t", "endpoint", "https://u:********@h/p?token=********");
        assert_eq!(
            url,
            "https://u:{{ T_ENDPOINT_PASSWORD }}@h/p?token={{ T_TOKEN }}"
        );
    }
}
