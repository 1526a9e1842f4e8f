//! The catalogue rules as the typed pulls apply them.

use std::time::Duration;

use super::*;
use crate::span::Span;

fn opts(pairs: &[(&str, Value)]) -> ConnectorOptions {
    let mut o = ConnectorOptions::empty(Span::new(0, 1));
    for (i, (k, v)) in pairs.iter().enumerate() {
        let at = Span::new(10 * (i + 1), 10 * (i + 1) + 5);
        o.insert(Spanned::new(k.to_string(), at), Spanned::new(v.clone(), at));
    }
    o
}

fn s(v: &str) -> Value {
    Value::String(v.into())
}

fn codes(o: &mut ConnectorOptions) -> Vec<&'static str> {
    o.take_diagnostics()
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

const WAIT: OptionSpec = OptionSpec::new("wait", OptionKind::NonZero).default_int(30);
const MODE: OptionSpec = OptionSpec::one_of("mode", &["fast", "safe"]).default_str("safe");
const TOPIC: OptionSpec = OptionSpec::string("topic").required();
const AUTH: OptionSpec = OptionSpec::one_of("auth.type", &["none", "sasl"]).default_str("none");
const USER: OptionSpec = OptionSpec::string("auth.username")
    .required()
    .when("auth.type", &["sasl"]);
const OFFSET: OptionSpec = OptionSpec::one_of("source.offset", &["earliest", "latest"])
    .default_str("latest")
    .source_only();
const IDLE: OptionSpec = OptionSpec::new("idle", OptionKind::Signed)
    .source_only()
    .lenient();
const LIMIT: OptionSpec = OptionSpec::new("limit", OptionKind::Signed)
    .default_int(-1)
    .range(-1, 100);
const NEW: OptionSpec = OptionSpec::string("new.key").aliases(&["old_key"]);
const PASSWORD: OptionSpec = OptionSpec::new("password", OptionKind::NonZero).sensitive();
const TTL: OptionSpec =
    OptionSpec::new("ttl", OptionKind::Duration).default_duration(Duration::from_secs(5));
const ALL: &[OptionSpec] = &[
    WAIT, MODE, TOPIC, AUTH, USER, OFFSET, IDLE, LIMIT, NEW, PASSWORD, TTL,
];

#[test]
fn absent_options_take_their_typed_default() {
    let mut o = opts(&[]);
    assert_eq!(o.non_zero(&WAIT).map(|v| v.node), Some(30));
    assert_eq!(o.enumeration(&MODE).map(|v| v.node), Some("safe"));
    assert_eq!(o.signed(&LIMIT).map(|v| v.node), Some(-1));
    assert_eq!(
        o.duration(&TTL).map(|v| v.node),
        Some(Duration::from_secs(5))
    );
    assert!(codes(&mut o).is_empty());
}

#[test]
fn written_values_win_over_defaults() {
    let mut o = opts(&[("wait", Value::Number("5".into())), ("mode", s("FAST"))]);
    assert_eq!(o.non_zero(&WAIT).map(|v| v.node), Some(5));
    assert_eq!(o.enumeration(&MODE).map(|v| v.node), Some("fast"));
}

#[test]
fn a_missing_required_option_is_reported_once() {
    let mut o = opts(&[]);
    assert_eq!(o.string(&TOPIC), None);
    assert_eq!(o.string(&TOPIC), None);
    let _ = o.required(&TOPIC, None::<()>);
    assert_eq!(codes(&mut o), ["option::missing"]);
}

#[test]
fn a_present_but_invalid_required_option_is_not_also_missing() {
    let mut o = opts(&[("topic", s("  "))]);
    assert_eq!(o.string(&TOPIC), None);
    let _ = o.required(&TOPIC, None::<()>);
    assert_eq!(codes(&mut o), ["option::invalid_value"]);
}

#[test]
fn a_conditional_requirement_holds_only_under_its_condition() {
    let mut o = opts(&[]);
    o.add_catalogue(ALL);
    assert_eq!(o.string(&USER), None);
    assert!(codes(&mut o).is_empty(), "auth.type defaults to none");

    let mut o = opts(&[("auth.type", s("SASL"))]);
    o.add_catalogue(ALL);
    assert_eq!(o.string(&USER), None);
    let d = o.take_diagnostics();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, codes::MISSING_OPTION);
    assert!(d[0]
        .help
        .as_deref()
        .unwrap_or("")
        .contains("auth.type = 'sasl'"));
}

#[test]
fn an_option_whose_condition_fails_is_a_conflict() {
    let mut o = opts(&[("auth.username", s("bob"))]);
    o.add_catalogue(ALL);
    assert_eq!(o.string(&USER), None, "not read: it does not apply");
    o.finish(&[]);
    let d = o.take_diagnostics();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, codes::OPTION_CONFLICT);
    assert_eq!(
        d[0].message,
        "`auth.username` only applies when `auth.type = 'sasl'`, but `auth.type = 'none'`"
    );
    assert_eq!(d[0].span, Span::new(10, 15));
}

#[test]
fn options_of_another_connection_type_are_not_read_and_then_reported() {
    let mut o = opts(&[
        ("source.offset", s("earliest")),
        ("idle", Value::Number("5".into())),
    ]);
    o.add_catalogue(ALL);
    o.set_connection_type(ConnectionType::Sink);
    assert_eq!(o.enumeration(&OFFSET), None, "no default on a sink either");
    assert_eq!(o.signed(&IDLE), None);
    o.finish(&[]);
    let d = o.take_diagnostics();
    assert_eq!(
        d.iter().map(|d| (d.code, d.severity)).collect::<Vec<_>>(),
        [
            (codes::OPTION_NOT_APPLICABLE, Severity::Error),
            (codes::OPTION_NOT_APPLICABLE, Severity::Warning)
        ]
    );
    assert_eq!(
        d[0].message,
        "option `source.offset` only applies to sources, but this table is a sink"
    );
}

#[test]
fn values_outside_the_range_are_invalid_and_yield_the_default() {
    for bad in ["-2", "101"] {
        let mut o = opts(&[("limit", Value::Number(bad.into()))]);
        assert_eq!(o.signed(&LIMIT).map(|v| v.node), Some(-1));
        let d = o.take_diagnostics();
        assert_eq!(d.len(), 1, "{bad}");
        assert_eq!(d[0].code, codes::INVALID_VALUE);
        assert!(d[0].message.contains("from -1 to 100"), "{}", d[0].message);
    }
}

#[test]
fn a_bad_enum_value_lists_the_allowed_ones_and_yields_the_default() {
    let mut o = opts(&[("mode", s("fsat"))]);
    assert_eq!(o.enumeration(&MODE).map(|v| v.node), Some("safe"));
    let d = o.take_diagnostics();
    assert_eq!(d[0].code, codes::INVALID_VALUE);
    let help = d[0].help.as_deref().unwrap_or("");
    assert!(help.contains("`fast`") && help.contains("`safe`"), "{help}");
}

#[test]
fn choice_reads_a_rust_enum() {
    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Mode {
        Fast,
        Safe,
    }
    let mut o = opts(&[("mode", s("Fast"))]);
    assert_eq!(o.choice::<Mode>(&MODE).map(|v| v.node), Some(Mode::Fast));
    let mut o = opts(&[]);
    assert_eq!(o.choice::<Mode>(&MODE).map(|v| v.node), Some(Mode::Safe));
}

#[test]
fn a_deprecated_alias_still_works_with_a_warning() {
    let mut o = opts(&[("old_key", s("v"))]);
    o.add_catalogue(ALL);
    assert_eq!(o.string(&NEW).map(|v| v.node), Some("v".to_string()));
    o.finish(&[]);
    let d = o.take_diagnostics();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, codes::DEPRECATED_OPTION);
    assert_eq!(d[0].severity, Severity::Warning);
}

#[test]
fn a_sensitive_invalid_value_is_not_quoted() {
    let mut o = opts(&[("password", s("hunter2"))]);
    assert_eq!(o.non_zero(&PASSWORD), None);
    let d = o.take_diagnostics();
    assert!(!format!("{d:?}").contains("hunter2"));
}

#[test]
fn unknown_keys_get_the_nearest_applicable_key() {
    let mut o = opts(&[("topik", s("t")), ("source.ofset", s("x"))]);
    o.add_catalogue(ALL);
    o.set_connection_type(ConnectionType::Sink);
    o.finish(&[]);
    let d = o.take_diagnostics();
    assert_eq!(d[0].help.as_deref(), Some("did you mean `topic`?"));
    // `source.offset` does not apply to a sink, so it is not suggested.
    assert_ne!(d[1].help.as_deref(), Some("did you mean `source.offset`?"));
}

#[test]
fn applicable_keys_leave_out_what_does_not_apply() {
    let mut o = opts(&[]);
    o.add_catalogue(ALL);
    o.set_connection_type(ConnectionType::Sink);
    let keys = o.applicable_keys();
    assert!(keys.contains(&"topic"));
    assert!(!keys.contains(&"source.offset"));
    assert!(
        !keys.contains(&"auth.username"),
        "its condition does not hold"
    );
}

#[test]
fn a_repeated_key_is_reported_with_both_places() {
    let mut o = opts(&[("topic", s("a")), ("topic", s("b"))]);
    // The last value wins, as in Arroyo; a warning marks both places.
    assert_eq!(o.string(&TOPIC).map(|v| v.node), Some("b".to_string()));
    let d = o.take_diagnostics();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, codes::DUPLICATE_OPTION);
    assert!(!d[0].is_error());
    assert_eq!(d[0].labels.len(), 1);
    assert_ne!(d[0].span, d[0].labels[0].span);
}

#[test]
fn missing_required_of_any_type_are_reported_when_the_type_is_unknown() {
    let mut o = opts(&[]);
    o.report_missing_required(ALL);
    assert_eq!(
        codes(&mut o),
        ["option::missing"],
        "topic only: user is conditional"
    );
}

#[test]
fn list_items_split_from_a_string_point_at_the_value() {
    const L: OptionSpec = OptionSpec::new("l", OptionKind::List);
    let mut o = opts(&[("l", s("a, b"))]);
    let list = o.list(&L).map(|l| l.node).unwrap_or_default();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|i| i.span == Span::new(10, 15)));
}

#[test]
fn a_presence_condition_holds_when_the_other_option_is_written() {
    const ENDPOINT: OptionSpec = OptionSpec::string("registry.endpoint");
    const KEY: OptionSpec = OptionSpec::string("registry.key")
        .required()
        .when_set("registry.endpoint");
    const SPECS: &[OptionSpec] = &[ENDPOINT, KEY];
    let mut o = opts(&[("registry.endpoint", s("http://r"))]);
    o.add_catalogue(SPECS);
    assert_eq!(o.string(&KEY), None);
    assert_eq!(codes(&mut o), ["option::missing"]);

    let mut o = opts(&[("registry.key", s("k"))]);
    o.add_catalogue(SPECS);
    assert_eq!(o.string(&KEY), None);
    o.finish(&[]);
    let d = o.take_diagnostics();
    assert_eq!(d[0].code, codes::OPTION_CONFLICT);
    assert_eq!(
        d[0].message,
        "`registry.key` only applies when `registry.endpoint` is set, but `registry.endpoint` is not set"
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some("set `registry.endpoint` or remove `registry.key`")
    );
}

#[test]
fn many_options_are_found_through_the_index() {
    let keys: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
    let pairs: Vec<(&str, Value)> = keys.iter().map(|k| (k.as_str(), s("v"))).collect();
    let mut o = opts(&pairs);
    assert!(o.contains("k0") && o.contains("k15") && o.contains("k16") && o.contains("k99"));
    assert!(!o.contains("k100"));
    assert_eq!(o.take("k57").map(|v| v.node), Some(s("v")));
    assert_eq!(o.take("k57"), None, "taken once");
    o.insert(
        Spanned::new("k3".into(), Span::new(0, 1)),
        Spanned::new(s("w"), Span::new(0, 1)),
    );
    assert_eq!(codes(&mut o), ["option::duplicate"]);
}

#[test]
fn the_list_of_valid_keys_leaves_out_written_ones() {
    let mut o = opts(&[("topic", s("t")), ("qqqqqqqq", s("u"))]);
    o.add_catalogue(ALL);
    assert_eq!(o.string(&TOPIC).map(|v| v.node), Some("t".to_string()));
    o.finish(&[]);
    let d = o.take_diagnostics();
    assert_eq!(d[0].code, codes::UNKNOWN_OPTION);
    let help = d[0].help.as_deref().unwrap_or("");
    assert!(help.starts_with("valid options here:"), "{help}");
    assert!(!help.contains("`topic`"), "{help}");
    assert!(help.contains("`wait`"), "{help}");
}

#[test]
fn a_misspelled_required_key_is_one_mistake() {
    let mut o = opts(&[("topc", s("events"))]);
    o.add_catalogue(ALL);
    assert_eq!(o.string(&TOPIC), None);
    o.finish(&[]);
    let diags = o.take_diagnostics();
    let found: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(found, ["option::unknown"]);
    let d = diags.first().expect("one diagnostic");
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `topic`? It is required")
    );
    // The key's span is as long as the key: the fix replaces all of it.
    assert_eq!(
        d.fixes.len(),
        0,
        "`topc` spans 5 bytes here, not 4: no fix is guessed"
    );
}

#[test]
fn missing_options_say_what_to_add() {
    let mut o = opts(&[]);
    let _ = o.string(&TOPIC);
    let diags = o.take_diagnostics();
    let help = diags.first().and_then(|d| d.help.as_deref());
    assert_eq!(help, Some("add `topic = '…'`"));
}

#[test]
fn enum_typos_are_fixed_and_guesses_are_not() {
    let mut o = opts(&[("mode", s("fsat"))]);
    let _ = o.enumeration(&MODE);
    let diags = o.take_diagnostics();
    let fix = diags.first().and_then(|d| d.fixes.first());
    assert_eq!(fix.map(|f| f.replacement.as_str()), Some("'fast'"));
    let mut o = opts(&[("source.offset", s("lat"))]);
    let _ = o.enumeration(&OFFSET);
    let diags = o.take_diagnostics();
    assert!(diags.first().is_some_and(|d| d.fixes.is_empty()));
}

#[test]
fn removal_spans_take_the_separating_comma() {
    let o = opts(&[("a", s("x")), ("b", s("y")), ("c", s("z"))]);
    // Keys and values share spans here: 10..15, 20..25, 30..35.
    assert_eq!(o.removal_span("b"), Some(Span::new(15, 25)));
    assert_eq!(o.removal_span("a"), Some(Span::new(10, 20)));
    assert_eq!(o.removal_span("nope"), None);
    // Options whose spans lie in another document (a profile) offer no edits.
    let profile = opts(&[("a", s("x"))]).without_fixes();
    assert_eq!(profile.removal_span("a"), None);
}
