use super::*;

#[test]
fn nesting_up_to_the_limit_is_accepted() {
    // The field is level 1 and each array adds one: 63 arrays reach level 64.
    assert!(expand_avro(&nested_arrays(MAX_NESTING - 1)).is_ok());
}

#[test]
fn nesting_past_the_limit_is_too_deep() {
    let e = error_of(&nested_arrays(MAX_NESTING));
    assert_eq!(e.code, codes::TOO_DEEP);
    assert!(e.message.contains("64 levels"), "{}", e.message);
}

#[test]
fn two_hundred_nested_arrays_are_too_deep() {
    assert_eq!(error_of(&nested_arrays(200)).code, codes::TOO_DEEP);
}

#[test]
fn two_hundred_nested_records_are_too_deep() {
    let mut t = r#""int""#.to_string();
    for i in 0..200 {
        t = format!(
            r#"{{"type": "record", "name": "R{i}", "fields": [{{"name": "f", "type": {t}}}]}}"#
        );
    }
    assert_eq!(error_of(&t).code, codes::TOO_DEEP);
}

#[test]
fn deep_json_nesting_is_too_deep_not_a_crash() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(error_of(&text).code, codes::TOO_DEEP);
}

#[test]
fn exponential_reuse_is_stopped() {
    // T0 has two ints; each T(i+1) holds two T(i): 2^40 leaves if nothing stopped it.
    let mut fields = vec![r#"{"name": "x0", "type": {"type": "record", "name": "T0", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}}"#.to_string()];
    for i in 1..=40 {
        let prev = i - 1;
        fields.push(format!(
            r#"{{"name": "x{i}", "type": {{"type": "record", "name": "T{i}", "fields": [{{"name": "a", "type": "T{prev}"}}, {{"name": "b", "type": "T{prev}"}}]}}}}"#
        ));
    }
    let schema = format!(
        r#"{{"type": "record", "name": "Top", "fields": [{}]}}"#,
        fields.join(",")
    );
    let e = error_of(&schema);
    assert_eq!(e.code, codes::TOO_DEEP);
    assert!(e.message.contains("100000 fields"), "{}", e.message);
}

#[test]
fn corpus_expands_without_panicking() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/avro");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "avsc"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 65);
    let mut ok = 0;
    let mut failed = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        match expand_avro(&text) {
            Ok(e) => {
                ok += 1;
                for f in &e.fields {
                    assert!(!f.name().is_empty());
                    if is_json(f) {
                        assert_eq!(f.data_type(), &DataType::Utf8);
                    }
                }
            }
            Err(e) => {
                assert_eq!(e.code, codes::INVALID_SCHEMA, "{}: {e:?}", path.display());
                failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    assert_eq!(ok, 65, "failed: {failed:?}");
}
