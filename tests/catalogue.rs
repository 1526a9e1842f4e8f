//! Behaviour derived from the option catalogue alone, for every registered connector (a
//! connector added to the registry is covered without new test code).
//!
//! For each example table a connector declares (`ConnectorSpec::examples`), and each option
//! spec that can apply to it:
//! - a default, written out, compiles to the same table as leaving the option out;
//! - a required option, removed, gives `option::missing` naming it (an option required
//!   under a condition is checked with the condition met);
//! - an option of another connection type gives `option::not_applicable` at its key;
//! - an enum option rejects a bad value with `option::invalid_value`, listing the values,
//!   and takes each of its values;
//! - a value below an integer range is `option::invalid_value`;
//! - a sensitive value appears in no output: JSON, text, printed DDL, the Arrow schema,
//!   `Debug`, rendered diagnostics.

#[allow(dead_code)] // only `example_ddl` is used here
mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::example_ddl;
use connector_ddl::compile::COMMON_OPTIONS;
use connector_ddl::connector::{ConnectorSpec, Example, Formats, TableContext};
use connector_ddl::options::{AppliesTo, ConnectorOptions, OptionKind, OptionSpec};
use connector_ddl::schema::format::format_options;
use connector_ddl::{compile_sql, Compiled, ConnectionType, Connector, Env, Registry};

const SECRET: &str = "Sup3rS3cretValue";

/// A third-party connector, to show that the catalogue covers it too.
struct Thermo;

const THERMO_OPTIONS: &[OptionSpec] = &[
    OptionSpec::string("address")
        .required()
        .doc("Where the sensor is."),
    OptionSpec::string("token").sensitive().doc("Access token."),
    OptionSpec::new("interval", OptionKind::Duration)
        .default_duration(Duration::from_secs(5))
        .source_only(),
    OptionSpec::new("retries", OptionKind::Signed)
        .default_int(3)
        .range(0, 10),
    OptionSpec::one_of("unit", &["celsius", "fahrenheit"]).default_str("celsius"),
    OptionSpec::bool("sink.ack").default_bool(false).sink_only(),
];

const THERMO: ConnectorSpec = ConnectorSpec::new("thermo", "Thermo", "Read and write sensors")
    .roles(AppliesTo::SOURCE.or(AppliesTo::SINK))
    .formats(Formats::optional(&["json"]))
    .table_options(THERMO_OPTIONS)
    .examples(&[
        Example::new("t DOUBLE", &[("address", "'s1'"), ("type", "'source'")]),
        Example::new("t DOUBLE", &[("address", "'s1'"), ("type", "'sink'")]),
    ]);

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
struct ThermoTable {
    address: String,
    token: Option<String>,
    interval_ms: Option<u128>,
    retries: i64,
    unit: String,
    ack: Option<bool>,
}

impl Connector for Thermo {
    type Profile = ();
    type Table = ThermoTable;

    fn spec(&self) -> &'static ConnectorSpec {
        &THERMO
    }

    fn profile_from_options(&self, _: &mut ConnectorOptions) -> Option<()> {
        Some(())
    }

    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        _cx: &TableContext<'_>,
    ) -> Option<ThermoTable> {
        let [address, token, interval, retries, unit, ack] = THERMO_OPTIONS else {
            return None;
        };
        Some(ThermoTable {
            address: opts.string(address)?.node,
            token: opts.string(token).map(|t| t.node),
            interval_ms: opts.duration(interval).map(|d| d.node.as_millis()),
            retries: opts.signed(retries)?.node,
            unit: opts.enumeration(unit)?.node.to_string(),
            ack: opts.bool(ack).map(|a| a.node),
        })
    }

    fn description(&self, _: &(), t: &ThermoTable) -> String {
        // A careless description: the compiler must redact the token from it.
        format!("thermo {} {:?}", t.address, t.token)
    }
}

fn registry() -> Registry {
    let mut r = Registry::builtin();
    r.register(Thermo).expect("thermo registers");
    r
}

fn base_options(ex: &Example) -> Vec<(String, String)> {
    ex.options
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn with_option(ex: &Example, key: &str, value: &str) -> Vec<(String, String)> {
    let mut o: Vec<(String, String)> = base_options(ex)
        .into_iter()
        .filter(|(k, _)| k != key)
        .collect();
    o.push((key.to_string(), value.to_string()));
    o
}

/// A valid-looking value of `spec`'s kind.
fn sample(spec: &OptionSpec) -> String {
    if let Some(d) = spec.default {
        return d.to_sql();
    }
    match spec.kind {
        OptionKind::Bool => "true".into(),
        OptionKind::Unsigned | OptionKind::NonZero | OptionKind::Signed => "1".into(),
        OptionKind::Float => "1.5".into(),
        OptionKind::Duration => "'1s'".into(),
        OptionKind::DataSize => "'1mb'".into(),
        OptionKind::Enum(values) => format!("'{}'", values.first().copied().unwrap_or("x")),
        OptionKind::FieldRef => "id".into(),
        OptionKind::Map => "'a=b'".into(),
        _ => "'x'".into(),
    }
}

fn table_json(out: &Compiled) -> Option<serde_json::Value> {
    out.tables
        .first()
        .and_then(|t| t.as_connection())
        .and_then(|c| serde_json::to_value(c).ok())
}

fn codes(out: &Compiled) -> Vec<(&str, String)> {
    out.diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.message.clone()))
        .collect()
}

/// The value an example gives `key`, unquoted, or the default of `key`'s spec.
fn effective(ex: &Example, key: &str, specs: &[&OptionSpec]) -> Option<String> {
    match ex.options.iter().find(|(k, _)| *k == key) {
        Some((_, v)) => Some(v.trim_matches('\'').to_string()),
        None => specs
            .iter()
            .find(|s| s.key == key)
            .and_then(|s| s.default)
            .map(|d| d.to_string()),
    }
}

struct Case<'a> {
    name: &'a str,
    spec: &'static ConnectorSpec,
    ex: &'a Example,
    ct: ConnectionType,
    base: serde_json::Value,
    specs: Vec<&'static OptionSpec>,
}

impl Case<'_> {
    fn compile(&self, env: &Env<'_>, options: &[(String, String)]) -> (String, Compiled) {
        let sql = example_ddl(self.name, self.ex, options);
        let out = compile_sql(&sql, env);
        (sql, out)
    }

    /// Whether `spec` applies to this example's table (type and condition).
    fn applies(&self, spec: &OptionSpec) -> bool {
        let cond = spec.condition.is_none_or(|c| {
            if c.values.is_empty() {
                return self.ex.options.iter().any(|(k, _)| *k == c.key);
            }
            effective(self.ex, c.key, &self.specs)
                .is_some_and(|v| c.values.iter().any(|w| w.eq_ignore_ascii_case(&v)))
        });
        spec.applies.contains(self.ct) && cond
    }
}

#[test]
fn catalogue_behaviour_of_every_connector() {
    let registry = registry();
    let env = Env::new(&registry);
    let mut failures: Vec<String> = Vec::new();
    let mut checked = 0usize;
    for (name, connector) in registry.iter() {
        let spec = connector.spec();
        if spec.examples.is_empty() {
            failures.push(format!("{name}: declares no example table"));
            continue;
        }
        let mut roles_seen = Vec::new();
        for ex in spec.examples {
            let (sql, out) = {
                let sql = example_ddl(name, ex, &base_options(ex));
                let out = compile_sql(&sql, &env);
                (sql, out)
            };
            let Some(conn) = out.tables.first().and_then(|t| t.as_connection()) else {
                failures.push(format!(
                    "{name}: example does not compile:\n{sql}{:?}",
                    codes(&out)
                ));
                continue;
            };
            if !out.diagnostics.is_empty() {
                failures.push(format!(
                    "{name}: example has diagnostics:\n{sql}{:?}",
                    codes(&out)
                ));
            }
            roles_seen.push(conn.connection_type);
            let format_specs = ex
                .options
                .iter()
                .find(|(k, _)| *k == "format")
                .map(|(_, v)| format_options(v.trim_matches('\'')))
                .unwrap_or_default();
            let specs: Vec<&'static OptionSpec> = spec
                .options()
                .chain(COMMON_OPTIONS)
                .chain(format_specs)
                .filter(|s| s.kind != OptionKind::Prefix && s.key != "connector")
                .collect();
            let case = Case {
                name,
                spec,
                ex,
                ct: conn.connection_type,
                base: table_json(&out).unwrap_or_default(),
                specs,
            };
            for s in case.specs.clone() {
                checked += 1;
                check_spec(&case, s, &env, &mut failures);
            }
        }
        for ct in ConnectionType::ALL {
            if spec.can_be(ct) && !roles_seen.contains(&ct) {
                failures.push(format!("{name}: no example table is a {ct}"));
            }
        }
    }
    assert!(checked > 200, "only {checked} specs checked");
    assert!(
        failures.is_empty(),
        "{} catalogue failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn check_spec(case: &Case<'_>, s: &'static OptionSpec, env: &Env<'_>, failures: &mut Vec<String>) {
    let name = case.name;
    let in_example = case.ex.options.iter().any(|(k, _)| *k == s.key);
    let profile_key = case.spec.profile_options.iter().any(|p| p.key == s.key);
    let is_connection_profile = s.key == "connection_profile";
    if is_connection_profile {
        return; // needs a profile store; covered by the DDL cases
    }
    // Required under a condition the example does not meet: meet it, leave the option out.
    if let Some(c) = s
        .condition
        .filter(|_| s.required && s.applies.contains(case.ct))
    {
        if !case.applies(s) {
            let trigger = match c.values.first() {
                Some(v) => format!("'{v}'"),
                None => case
                    .specs
                    .iter()
                    .find(|o| o.key == c.key)
                    .map(|o| sample(o))
                    .unwrap_or_else(|| "'x'".into()),
            };
            let mut options = with_option(case.ex, c.key, &trigger);
            for other in case.specs.iter().filter(|o| {
                o.required
                    && o.condition == s.condition
                    && o.key != s.key
                    && o.applies.contains(case.ct)
            }) {
                options.push((other.key.to_string(), sample(other)));
            }
            let (sql, out) = case.compile(env, &options);
            let hit = out.diagnostics.iter().any(|d| {
                d.code.as_str() == "option::missing" && d.message.contains(&format!("`{}`", s.key))
            });
            if !hit {
                failures.push(format!(
                    "{name}: `{}` is required when {}, but leaving it out is not `option::missing`:\n{sql}{:?}",
                    s.key,
                    c.describe(),
                    codes(&out)
                ));
            }
        }
    }
    if !case.applies(s) {
        // Another connection type: reported where it is written.
        if !s.applies.contains(case.ct) && !profile_key {
            let (sql, out) = case.compile(env, &with_option(case.ex, s.key, &sample(s)));
            let hit = out.diagnostics.iter().any(|d| {
                d.code.as_str() == "option::not_applicable"
                    && sql.get(d.span.start..d.span.end) == Some(s.key)
            });
            if !hit {
                failures.push(format!(
                    "{name}: `{}` on a {} is not reported as not applicable at its key:\n{sql}{:?}",
                    s.key,
                    case.ct,
                    codes(&out)
                ));
            }
        }
        return;
    }
    // A default, written out, changes nothing.
    if let (Some(d), false) = (s.default, in_example) {
        let (sql, out) = case.compile(env, &with_option(case.ex, s.key, &d.to_sql()));
        match table_json(&out) {
            Some(j) if j == case.base && !out.has_errors() => {}
            Some(_) => failures.push(format!(
                "{name}: writing the default `{} = {}` changes the compiled table:\n{sql}",
                s.key,
                d.to_sql()
            )),
            None => failures.push(format!(
                "{name}: writing the default `{} = {}` fails:\n{sql}{:?}",
                s.key,
                d.to_sql(),
                codes(&out)
            )),
        }
    }
    // A required option, removed, is missing.
    if s.required && in_example {
        let options: Vec<(String, String)> = base_options(case.ex)
            .into_iter()
            .filter(|(k, _)| k != s.key)
            .collect();
        let (sql, out) = case.compile(env, &options);
        let hit = out.diagnostics.iter().any(|d| {
            d.code.as_str() == "option::missing" && d.message.contains(&format!("`{}`", s.key))
        });
        if !hit {
            failures.push(format!(
                "{name}: removing required `{}` is not `option::missing`:\n{sql}{:?}",
                s.key,
                codes(&out)
            ));
        }
    }
    // An enum rejects a bad value and lists the allowed ones; it takes each of them.
    if let OptionKind::Enum(values) = s.kind {
        if s.key != "format" {
            let (sql, out) = case.compile(env, &with_option(case.ex, s.key, "'no_such_value'"));
            let d = out.diagnostics.iter().find(|d| {
                d.code.as_str() == "option::invalid_value"
                    && d.message.contains(&format!("`{}`", s.key))
            });
            let listed = d.is_some_and(|d| {
                let text = format!("{} {}", d.message, d.help.as_deref().unwrap_or(""));
                values.iter().all(|v| text.contains(&format!("`{v}`")))
            });
            if !listed {
                failures.push(format!(
                    "{name}: a bad `{}` is not `option::invalid_value` listing {values:?}:\n{sql}{:?}",
                    s.key,
                    codes(&out)
                ));
            }
            for v in values {
                let (sql, out) = case.compile(env, &with_option(case.ex, s.key, &format!("'{v}'")));
                let rejected = out.diagnostics.iter().any(|d| {
                    d.code.as_str() == "option::invalid_value"
                        && d.message.contains(&format!("`{}`", s.key))
                });
                if rejected {
                    failures.push(format!(
                        "{name}: allowed value `{v}` of `{}` is rejected:\n{sql}",
                        s.key
                    ));
                }
            }
        }
    }
    // Below the range is invalid.
    if let Some((min, _)) = s.range {
        if let Some(below) = min.checked_sub(1) {
            let (sql, out) = case.compile(env, &with_option(case.ex, s.key, &below.to_string()));
            if !out
                .diagnostics
                .iter()
                .any(|d| d.code.as_str() == "option::invalid_value")
            {
                failures.push(format!(
                    "{name}: `{} = {below}` (below its range) is accepted:\n{sql}",
                    s.key
                ));
            }
        }
    }
    // A secret appears in no output, whether the table compiles or not.
    if s.sensitive && matches!(s.kind, OptionKind::String) {
        let value = format!("'{SECRET}'");
        for extra in [None, Some(("no_such_option", "'x'"))] {
            let mut options = with_option(case.ex, s.key, &value);
            if let Some((k, v)) = extra {
                options.push((k.to_string(), v.to_string()));
            }
            let (sql, out) = case.compile(env, &options);
            let mut shown = format!("{out:?}");
            shown.push_str(&out.render_human("t.sql", false));
            for t in &out.tables {
                shown.push_str(&serde_json::to_string(t).unwrap_or_default());
                if let Some(c) = t.as_connection() {
                    shown.push_str(&c.description);
                }
                shown.push_str(&connector_ddl::text::summary(t));
                shown.push_str(&connector_ddl::text::to_ddl(t));
                if let Some(c) = t.as_connection() {
                    shown.push_str(&format!("{:?}", c.arrow_schema()));
                }
            }
            if shown.contains(SECRET) {
                failures.push(format!(
                    "{name}: the value of sensitive `{}` leaks:\n{sql}",
                    s.key
                ));
            }
        }
    }
}

#[test]
fn every_builtin_option_is_documented() {
    let registry = Registry::builtin();
    let mut undocumented = BTreeMap::new();
    for (name, c) in registry.iter() {
        for s in c.spec().options() {
            if s.doc.trim().is_empty() {
                undocumented.insert(format!("{name}.{}", s.key), ());
            }
        }
    }
    assert!(undocumented.is_empty(), "{:?}", undocumented.keys());
}

/// A careless connector that gives up without saying why.
struct Silent;

const SILENT: ConnectorSpec = ConnectorSpec::new("silent", "Silent", "Never produces a table")
    .roles(AppliesTo::SINK)
    .examples(&[Example::new("v TEXT", &[])]);

impl Connector for Silent {
    type Profile = ();
    type Table = ();

    fn spec(&self) -> &'static ConnectorSpec {
        &SILENT
    }

    fn profile_from_options(&self, _: &mut ConnectorOptions) -> Option<()> {
        Some(())
    }

    fn table_from_options(&self, _: &mut ConnectorOptions, _: &TableContext<'_>) -> Option<()> {
        None
    }

    fn description(&self, _: &(), _: &()) -> String {
        String::new()
    }
}

#[test]
fn a_table_is_never_dropped_without_a_diagnostic() {
    let mut registry = Registry::builtin();
    registry.register(Silent).expect("silent registers");
    let out = compile_sql(
        "CREATE TABLE t (v TEXT) WITH (connector = 'silent')",
        &Env::new(&registry),
    );
    assert!(out.tables.is_empty());
    let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["connector::no_reason"]);
}
