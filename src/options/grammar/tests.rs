//! Unit tests and property tests of the value grammar, one section per kind of value.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use proptest::prelude::*;

use super::error::MAX_SHOWN;
use super::*;
use crate::diagnostics::codes;
use crate::options::Value;
use crate::span::{Span, Spanned};

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
