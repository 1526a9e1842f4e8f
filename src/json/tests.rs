use proptest::prelude::*;

use super::*;

fn ok(text: &str) -> Json<'_> {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
}

fn slice(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

fn err(text: &str) -> (&'static str, &str) {
    match parse(text) {
        Ok(v) => panic!("{text:?} parsed: {v:?}"),
        Err(e) => (e.message, slice(text, e.span)),
    }
}

#[test]
fn spans_of_keys_and_values() {
    let text = r#" {"a": 1, "b": {"c": [true, "x", null]}} "#;
    let root = ok(text);
    assert_eq!(slice(text, root.span), text.trim());
    let m = root.members().unwrap_or_default();
    assert_eq!(slice(text, m[0].key_span), "\"a\"");
    assert_eq!(slice(text, m[0].value.span), "1");
    assert_eq!(slice(text, m[1].value.span), r#"{"c": [true, "x", null]}"#);
    let c = m[1].value.get("c").unwrap_or_else(|| panic!("no c"));
    let items = c.items().unwrap_or_default();
    assert_eq!(slice(text, c.span), r#"[true, "x", null]"#);
    assert_eq!(
        items
            .iter()
            .map(|i| slice(text, i.span))
            .collect::<Vec<_>>(),
        ["true", "\"x\"", "null"]
    );
    assert_eq!(items[1].as_str(), Some("x"));
    assert!(items[2].is_null());
    assert_eq!(items[0].value, Value::Bool(true));
}

#[test]
fn empty_containers_and_scalars_at_the_root() {
    for text in [
        "{}", "[]", "\"s\"", "0", "-1.5e-3", "true", "false", "null", " [ ] ",
    ] {
        let v = ok(text);
        assert_eq!(slice(text, v.span), text.trim(), "{text}");
    }
}

#[test]
fn escapes_are_decoded_and_spans_stay_byte_offsets() {
    let text = r#"{"caf\u00e9": "h\u00e9\n\"\\\/\b\f\r\t", "😀": "\ud83d\ude00", "ü": "ü"}"#;
    let root = ok(text);
    let m = root.members().unwrap_or_default();
    assert_eq!(m[0].key, "café");
    assert_eq!(slice(text, m[0].key_span), r#""caf\u00e9""#);
    assert_eq!(m[0].value.as_str(), Some("hé\n\"\\/\u{8}\u{c}\r\t"));
    assert_eq!(m[1].key, "😀");
    assert_eq!(slice(text, m[1].key_span), "\"😀\"");
    assert_eq!(m[1].value.as_str(), Some("😀"));
    assert_eq!(slice(text, m[1].value.span), r#""\ud83d\ude00""#);
    // Multi-byte text: spans count bytes.
    assert_eq!(slice(text, m[2].value.span), "\"ü\"");
    assert_eq!(m[2].value.span.len(), 4);
}

#[test]
fn numbers_keep_their_text() {
    let text = "[1.50e3, -0, 12345678901234567890123, 0.1E+2]";
    let items = ok(text).items().unwrap_or_default().to_vec();
    let numbers: Vec<&str> = items
        .iter()
        .map(|i| match &i.value {
            Value::Number(n) => *n,
            _ => "?",
        })
        .collect();
    assert_eq!(
        numbers,
        ["1.50e3", "-0", "12345678901234567890123", "0.1E+2"]
    );
}

#[test]
fn duplicate_keys_are_all_kept_and_get_returns_the_last() {
    // Every member stays (the request reader reports the repetition); `get` answers as
    // serde_json would, with the last value.
    let text = r#"{"a": 1, "b": 2, "a": 3}"#;
    let root = ok(text);
    assert_eq!(root.members().map(<[Member]>::len), Some(3));
    assert_eq!(root.get("a").map(|v| slice(text, v.span)), Some("3"));
    assert_eq!(
        root.member("a").map(|m| slice(text, m.key_span)),
        Some("\"a\"")
    );
    assert_eq!(root.member("a").map(|m| m.key_span.start), Some(17));
}

#[test]
fn errors_point_at_the_offending_character() {
    assert_eq!(err(r#"{"a":1,}"#), ("key must be a string", "}"));
    assert_eq!(err("[1,]"), ("expected value", "]"));
    assert_eq!(err("[1 2]"), ("expected `,` or `]`", "2"));
    assert_eq!(err(r#"{"a" 1}"#), ("expected `:`", "1"));
    assert_eq!(err(r#"{"a":1 "b"}"#), ("expected `,` or `}`", "\""));
    assert_eq!(err("[1]x"), ("trailing characters", "x"));
    assert_eq!(err("01"), ("invalid number", "1"));
    assert_eq!(err("-a"), ("invalid number", "a"));
    assert_eq!(err("trux"), ("expected ident", "x"));
    assert_eq!(err(r#""a\x""#), ("invalid escape", "\\x"));
    assert_eq!(
        err(r#""\ud800""#),
        ("lone surrogate in hex escape", "\\ud800")
    );
    assert_eq!(err(r#""\u12G4""#), ("invalid escape", "G"));
    assert_eq!(
        err("\"a\u{1}\""),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "\u{1}"
        )
    );
    assert_eq!(err("@"), ("expected value", "@"));
    assert_eq!(err("é"), ("expected value", "é"));
}

#[test]
fn early_ends_point_at_the_last_character() {
    assert_eq!(err(""), ("EOF while parsing a value", ""));
    assert_eq!(err("["), ("EOF while parsing a list", "["));
    assert_eq!(err("{"), ("EOF while parsing an object", "{"));
    assert_eq!(err(r#"{"a""#), ("EOF while parsing an object", "\""));
    assert_eq!(err(r#"{"a":"#), ("EOF while parsing a value", ":"));
    assert_eq!(err(r#""abé"#), ("EOF while parsing a string", "é"));
    assert_eq!(err("tru"), ("EOF while parsing a value", "u"));
    assert_eq!(err("1."), ("invalid number", "."));
}

#[test]
fn depth_is_limited() {
    let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&nest(MAX_DEPTH - 1)).is_ok());
    let deep = nest(MAX_DEPTH);
    let e = parse(&deep).err().unwrap_or_else(|| panic!("parsed"));
    assert_eq!(e.kind, ErrorKind::TooDeep);
    assert_eq!(e.span, Span::new(MAX_DEPTH - 1, MAX_DEPTH));
    // Far deeper input is refused just as well, without exhausting the stack.
    let objects = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    assert_eq!(parse(&objects).map_err(|e| e.kind), Err(ErrorKind::TooDeep));
}

/// Every span in the tree, keys included.
fn spans(v: &Json, out: &mut Vec<Span>) {
    out.push(v.span);
    match &v.value {
        Value::Array(items) => items.iter().for_each(|i| spans(i, out)),
        Value::Object(members) => members.iter().for_each(|m| {
            out.push(m.key_span);
            spans(&m.value, out);
        }),
        _ => {}
    }
}

fn check_spans(text: &str) {
    match parse(text) {
        Ok(v) => {
            let mut all = Vec::new();
            spans(&v, &mut all);
            for s in all {
                assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
                assert!(
                    text.get(s.start..s.end).is_some(),
                    "{s:?} splits a character"
                );
            }
        }
        Err(e) => {
            assert!(e.span.end <= text.len(), "{e:?} in {text:?}");
            assert!(text.get(e.span.start..e.span.end).is_some(), "{e:?}");
        }
    }
}

#[test]
fn every_prefix_of_a_document_is_handled() {
    let text = r#"{"a": [1, -2.5e+3, "x\u00e9\"y", {"b": null}], "ü": true, "c": false}"#;
    for (i, _) in text.char_indices() {
        check_spans(&text[..i]);
        check_spans(&text[i..]);
    }
    check_spans(text);
}

proptest! {
    #[test]
    fn never_panics_and_spans_stay_inside(text in "[\\[\\]{}:,\"\\\\ a-z0-9.eE+\\-ué\\u{1F600}\n]{0,40}") {
        check_spans(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_spans(&text);
    }
}

/// Strings are scanned eight bytes at a time: every position of a quote, backslash or
/// control byte within and across those words must be found, and plain strings borrowed.
#[test]
fn strings_agree_with_serde_json_at_every_offset() {
    use std::borrow::Cow;
    for len in 0..20 {
        for special in ["\\\"", "\\\\", "\\u00e9", "\u{1}", "é", "\u{1F600}", "x"] {
            let body = format!("{}{special}{}", "a".repeat(len), "b".repeat(len % 9));
            let text = format!("\"{body}\"");
            let ours = parse(&text);
            let theirs = serde_json::from_str::<String>(&text);
            match (&ours, &theirs) {
                (Ok(json), Ok(expected)) => {
                    assert_eq!(json.as_str(), Some(expected.as_str()), "{text:?}");
                    let borrowed = matches!(json.value, Value::String(Cow::Borrowed(_)));
                    assert_eq!(borrowed, !body.contains('\\'), "{text:?}");
                }
                (Err(e), Err(_)) => {
                    // The control byte is where the error points.
                    assert_eq!(e.span.start, text.find('\u{1}').unwrap_or(0), "{text:?}");
                }
                _ => panic!("{text:?}: {ours:?} vs {theirs:?}"),
            }
        }
    }
}
