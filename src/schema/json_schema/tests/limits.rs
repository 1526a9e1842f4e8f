use super::*;

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let mut schema = String::from(r#"{"type": "string"}"#);
    for _ in 0..300 {
        schema = format!(r#"{{"type": "object", "properties": {{"a": {schema}}}}}"#);
    }
    let err = expand_json_schema(&schema).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);

    // Within the reader's limit but deeper than MAX_NESTING through `$ref`s.
    let mut defs = Vec::new();
    for i in 0..300 {
        defs.push(format!(
            r##""d{i}": {{"properties": {{"a": {{"$ref": "#/definitions/d{}"}}}}}}"##,
            i + 1
        ));
    }
    defs.push(r#""d300": {"type": "string"}"#.to_string());
    let schema = format!(
        r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
        defs.join(",")
    );
    let err = expand_json_schema(&schema).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);
    assert!(err.message.starts_with("field `p.a.a.a"), "{}", err.message);
}

#[test]
fn invalid_json_is_an_error_with_line_and_column() {
    // The reader words a trailing comma as serde_json's `IgnoredAny` does, which the
    // request path has always shown.
    let text = "{\n  \"type\": \"object\",\n}";
    let err = expand_json_schema(text).unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(
        err.message,
        "invalid JSON Schema: key must be a string at line 3 column 1"
    );
    assert_eq!(err.span, Some(Span::new(text.len() - 1, text.len())));
    let err = expand_json_schema("42").unwrap_err();
    assert_eq!(err.code, codes::INVALID_SCHEMA);
    assert_eq!(
        err.message,
        "a JSON Schema must be an object or a boolean, found a number"
    );
}

#[test]
fn many_lossy_notes_are_capped() {
    let props: Vec<String> = (0..MAX_NOTES + 5)
        .map(|i| format!(r#""p{i}": {{"type": ["string", "integer"]}}"#))
        .collect();
    let e = expand(&format!(r#"{{"properties": {{{}}}}}"#, props.join(",")));
    assert_eq!(e.fields.len(), MAX_NOTES + 5);
    assert_eq!(e.notes.len(), MAX_NOTES + 1);
}

#[test]
fn worst_case_chains_fit_in_a_small_stack() {
    // Nesting and `anyOf` alternate so that both limits are approached together. The
    // expansion runs on a 2 MiB stack, the default of spawned, test and tokio threads (a
    // debug build uses about 1 MiB here).
    let mut defs = Vec::new();
    for i in 0..400 {
        let next = format!(r##"{{"$ref": "#/definitions/d{}"}}"##, i + 1);
        defs.push(if i % 4 == 0 {
            format!(r#""d{i}": {{"properties": {{"a": {next}}}}}"#)
        } else {
            format!(r#""d{i}": {{"anyOf": [{next}, {{"type": "null"}}]}}"#)
        });
    }
    defs.push(r#""d400": {"type": "string"}"#.to_string());
    let schema = format!(
        r##"{{"definitions": {{{}}}, "properties": {{"p": {{"$ref": "#/definitions/d0"}}}}}}"##,
        defs.join(",")
    );
    let result = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || expand_json_schema(&schema).map_err(|e| e.code))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(result.unwrap_err(), codes::TOO_DEEP);
}

#[test]
fn combinatorial_any_of_is_an_error_not_a_hang() {
    // 19 independent `anyOf`s in one `allOf` give 2^19 combinations.
    let members = (0..19)
        .map(|i| {
            format!(
                r#"{{"anyOf": [{{"properties": {{"a{i}": {{"type": "string"}}}}}},
                               {{"properties": {{"b{i}": {{"type": "string"}}}}}}]}}"#
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let err = expand_json_schema(&format!(r#"{{"allOf": [{members}]}}"#)).unwrap_err();
    assert_eq!(err.code, codes::TOO_DEEP);
    assert_eq!(
        err.message,
        "the schema is too large to expand: more than 200000 steps"
    );
}

#[test]
fn corpus_expands_without_panics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/json-schema");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut ok = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        match expand_json_schema(&text) {
            Ok(e) => {
                ok += 1;
                eprintln!(
                    "{}: {} fields, {} notes",
                    path.display(),
                    e.fields.len(),
                    e.notes.len()
                );
            }
            Err(err) => eprintln!("{}: {:?} {}", path.display(), err.code, err.message),
        }
    }
    assert_eq!(paths.len(), 60);
    assert_eq!(ok, 60);
}
