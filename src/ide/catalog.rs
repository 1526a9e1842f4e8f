//! What the catalogue says about the table being written: its connector, connection
//! type and format (as written so far), and the options that apply to it.

use std::fmt::Write;

use super::sketch::Sketch;
use crate::compile::{Env, COMMON_OPTIONS};
use crate::connection_type::ConnectionType;
use crate::connector::{ConnectorSpec, FormatRule};
use crate::options::{OptionKind, OptionSpec};
use crate::schema::format::{format_options, FORMAT_NAMES};

/// The table as far as the catalogue is concerned.
pub(crate) struct TableInfo<'t> {
    /// Its connector's spec, when `connector` names a registered one.
    pub(crate) connector: Option<&'static ConnectorSpec>,
    /// Its connection type, when known (`type`, `TEMPORARY`, or the connector's one role).
    pub(crate) connection_type: Option<ConnectionType>,
    /// Its format as written.
    pub(crate) format: Option<&'t str>,
    sketch: &'t Sketch<'t>,
}

impl<'t> TableInfo<'t> {
    /// What `sketch`'s WITH options say.
    pub(crate) fn new(sketch: &'t Sketch<'t>, env: &Env<'_>) -> Self {
        let connector = sketch
            .option("connector")
            .and_then(|name| env.registry.get(&name.to_ascii_lowercase()))
            .map(|c| c.spec());
        let written_type = sketch.option("type").and_then(|t| {
            ConnectionType::ALL
                .into_iter()
                .find(|ct| ct.as_str().eq_ignore_ascii_case(t))
        });
        let connection_type = written_type
            .or(sketch.temporary.then_some(ConnectionType::Lookup))
            .or_else(|| connector.and_then(ConnectorSpec::only_role));
        TableInfo {
            connector,
            connection_type,
            format: sketch.option("format"),
            sketch,
        }
    }

    /// Every option the table may carry, whether or not it applies: the compiler's own,
    /// the connector's `type`, profile and table options, and its format's.
    pub(crate) fn all_specs(&self) -> Vec<&'static OptionSpec> {
        let mut out: Vec<&'static OptionSpec> = COMMON_OPTIONS.iter().collect();
        if let Some(c) = self.connector {
            out.extend(c.type_spec());
            out.extend(c.options());
        }
        if let Some(f) = self.format {
            out.extend(format_options(&f.to_ascii_lowercase()));
        }
        out
    }

    /// The spec that reads `key` (its key, an alias, or its prefix family).
    pub(crate) fn spec(&self, key: &str) -> Option<&'static OptionSpec> {
        let specs = self.all_specs();
        let key = key.to_ascii_lowercase();
        specs
            .iter()
            .find(|s| s.key == key || s.aliases.contains(&key.as_str()))
            .or_else(|| specs.iter().find(|s| s.matches(&key)))
            .copied()
    }

    /// Whether `spec` applies to this table: its connection type (when known), its
    /// condition (on the written value, or the default), and whether the table can have
    /// it at all (a profile, a format).
    pub(crate) fn applies(&self, spec: &OptionSpec) -> bool {
        if let Some(ct) = self.connection_type {
            if !spec.applies.contains(ct) {
                return false;
            }
        }
        match spec.key {
            "connection_profile" => return self.connector.is_none_or(|c| c.has_profile()),
            "format" | "framing" | "framing.newline.max_length" | "bad_data" => {
                return self
                    .connector
                    .is_none_or(|c| c.formats.rule != FormatRule::Ignored)
            }
            _ => {}
        }
        let Some(cond) = &spec.condition else {
            return true;
        };
        let written = self.sketch.option(cond.key);
        if cond.values.is_empty() {
            return written.is_some();
        }
        let value = written.map(str::to_string).or_else(|| {
            self.spec(cond.key)
                .and_then(|s| s.default)
                .map(|d| d.to_string())
        });
        value.is_some_and(|v| cond.values.iter().any(|x| x.eq_ignore_ascii_case(&v)))
    }

    /// The values option `spec` allows, when it has a fixed set: the connector's roles for
    /// `type`, its formats for `format`, an enum's values, `true`/`false`.
    pub(crate) fn allowed_values(&self, spec: &OptionSpec) -> Vec<&'static str> {
        match (spec.key, spec.kind) {
            ("format", _) => match self.connector {
                Some(c) if !c.formats.allowed.is_empty() => c.formats.allowed.to_vec(),
                _ => FORMAT_NAMES.to_vec(),
            },
            (_, OptionKind::Enum(values)) => values.to_vec(),
            (_, OptionKind::Bool) => vec!["true", "false"],
            _ => Vec::new(),
        }
    }
}

/// One line about an option: its kind (range, condition) and default.
pub(crate) fn option_detail(spec: &OptionSpec) -> String {
    let mut s = spec.describe();
    if spec.required {
        s.push_str(", required");
    }
    if let Some(d) = spec.default {
        let _ = write!(s, " · default `{d}`");
    }
    s
}

/// Markdown about an option: its key, kind, default, allowed values, applies-to,
/// condition, range and doc.
pub(crate) fn option_markdown(spec: &OptionSpec, values: &[&str]) -> String {
    let mut out = format!("**`{}`**: {}\n\n", spec.key, spec.describe());
    if !spec.doc.is_empty() {
        let _ = writeln!(out, "{}\n", spec.doc);
    }
    if spec.required {
        out.push_str("- required\n");
    }
    if let Some(d) = spec.default {
        let _ = writeln!(out, "- default: `{d}`");
    }
    if !values.is_empty() {
        let v: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        let _ = writeln!(out, "- allowed values: {}", v.join(", "));
    }
    if let Some((min, max)) = spec.range {
        if max == i64::MAX {
            let _ = writeln!(out, "- at least {min}");
        } else {
            let _ = writeln!(out, "- from {min} to {max}");
        }
    }
    let applies: Vec<&str> = ConnectionType::ALL
        .into_iter()
        .filter(|ct| spec.applies.contains(*ct))
        .map(ConnectionType::as_str)
        .collect();
    if applies.len() < ConnectionType::ALL.len() {
        let _ = writeln!(out, "- applies to: {} tables", applies.join(", "));
    }
    if let Some(c) = &spec.condition {
        let _ = writeln!(out, "- only when {}", c.describe());
    }
    if spec.sensitive {
        out.push_str("- secret: its value is masked in every output\n");
    }
    if !spec.aliases.is_empty() {
        let a: Vec<String> = spec.aliases.iter().map(|a| format!("`{a}`")).collect();
        let _ = writeln!(out, "- deprecated spellings: {}", a.join(", "));
    }
    out.trim_end().to_string()
}

/// Markdown about a connector: its description, connection types, formats and metadata.
pub(crate) fn connector_markdown(c: &ConnectorSpec) -> String {
    let mut out = format!(
        "**`{}`** ({})\n\n{}.\n\n",
        c.name, c.display_name, c.description
    );
    let roles: Vec<&str> = ConnectionType::ALL
        .into_iter()
        .filter(|ct| c.can_be(*ct))
        .map(ConnectionType::as_str)
        .collect();
    let _ = writeln!(out, "- connection types: {}", roles.join(", "));
    let formats: Vec<String> = c.formats.allowed.iter().map(|f| format!("`{f}`")).collect();
    let _ = match c.formats.rule {
        FormatRule::Required => writeln!(out, "- format (required): {}", formats.join(", ")),
        FormatRule::Optional => writeln!(out, "- format (optional): {}", formats.join(", ")),
        FormatRule::Ignored => writeln!(out, "- fixed encoding (no `format`)"),
    };
    if !c.metadata.is_empty() {
        let keys: Vec<String> = c.metadata.iter().map(|m| format!("`{}`", m.key)).collect();
        let _ = writeln!(out, "- metadata keys: {}", keys.join(", "));
    }
    if c.has_profile() {
        out.push_str("- takes a `connection_profile`\n");
    }
    out.trim_end().to_string()
}
