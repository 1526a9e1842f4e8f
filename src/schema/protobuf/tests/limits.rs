use super::*;

#[test]
fn recursive_message_becomes_json_with_note() {
    let expansion = expand(
        "syntax = \"proto3\"; package t; message Node { string name = 1; repeated Node children = 2; Node parent = 3; Leaf leaf = 4; } \
             message Leaf { Node owner = 1; }",
        Some("t.Node"),
    )
    .unwrap()
    .expansion;
    let f = &expansion.fields;
    assert_eq!(f[0], Field::new("name", DataType::Utf8, false));
    assert_eq!(
        f[1],
        Field::new(
            "children",
            DataType::List(Arc::new(json_field("item", false))),
            false
        )
    );
    assert_eq!(f[2], json_field("parent", true));
    assert_eq!(
        f[3],
        Field::new(
            "leaf",
            DataType::Struct(Fields::from(vec![json_field("owner", true)])),
            true
        )
    );
    let paths: Vec<&str> = expansion.notes.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(paths, vec!["children[]", "parent", "leaf.owner"]);
    assert!(expansion
        .notes
        .iter()
        .all(|n| n.code == codes::SCHEMA_RECURSIVE));
    assert_eq!(
        expansion.notes[1].message,
        "field `parent`: recursive reference to message `t.Node` becomes JSON"
    );
}

#[test]
fn editions_are_unsupported() {
    let e = err(
        "// comment\nedition = \"2023\";\npackage t; message M { int32 x = 1; }",
        None,
    );
    assert_eq!(e.code, codes::SCHEMA_UNSUPPORTED);
    assert_eq!(
        e.message,
        "protobuf file `schema.proto` uses editions (`edition = …`), which are not supported"
    );
    assert!(e.help.unwrap().contains("syntax = \"proto3\""));
}

#[test]
fn compile_error_keeps_the_location() {
    let e = err(
        "syntax = \"proto3\";\nmessage M {\n  strin s = 1;\n}\n",
        None,
    );
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert_eq!(
        e.message,
        "invalid protobuf schema: schema.proto:3:3: name 'strin' is not defined"
    );
    let parse = err("syntax = \"proto3\";\nmessage M { int32 = 1; }", None);
    assert_eq!(parse.code, codes::INVALID_SCHEMA);
    assert!(
        parse
            .message
            .starts_with("invalid protobuf schema: schema.proto:2:19: "),
        "{}",
        parse.message
    );
}

#[test]
fn deep_message_definitions_are_refused() {
    let mut text = String::from("syntax = \"proto3\";\n");
    for i in 0..5000 {
        text.push_str(&format!("message M{i} {{ "));
    }
    for _ in 0..5000 {
        text.push_str("} ");
    }
    let e = err(&text, None);
    assert_eq!(e.code, codes::TOO_DEEP);
    assert_eq!(
        e.message,
        "protobuf file `schema.proto` nests brackets deeper than 48 levels (line 2)"
    );
}

#[test]
fn deep_option_values_are_refused() {
    let e = err(&deep_option(5000), Some("M"));
    assert_eq!(e.code, codes::TOO_DEEP);
    // Just under the limit, protox parses the value without exhausting the stack.
    let ok = expand(&deep_option(MAX_BRACKET_DEPTH - 4), Some("M")).unwrap();
    assert_eq!(
        ok.expansion.fields,
        vec![Field::new("x", DataType::Int32, true)]
    );
}

#[test]
fn prescan_ignores_brackets_in_strings_and_comments() {
    let open = "{".repeat(500);
    let text = format!(
        "syntax = \"proto3\"; // {open}\n/* {open} */ message M {{ string s = 1 [json_name = \"{open}\"]; }}"
    );
    assert_eq!(fields(&text), vec![Field::new("s", DataType::Utf8, false)]);
}

#[test]
fn deep_message_references_are_refused() {
    let mut text = String::from("syntax = \"proto3\";\n");
    for i in 0..100 {
        text.push_str(&format!("message M{i} {{ M{} next = 1; }}\n", i + 1));
    }
    text.push_str("message M100 { int32 x = 1; }\n");
    let e = err(&text, Some("M0"));
    assert_eq!(e.code, codes::TOO_DEEP);
    assert!(
        e.message
            .starts_with("message `M0` nests deeper than 64 levels"),
        "{}",
        e.message
    );
}

#[test]
fn exponential_expansion_is_refused() {
    let mut text = String::from("syntax = \"proto3\";\n");
    for i in 0..40 {
        text.push_str(&format!(
            "message M{i} {{ M{n} a = 1; M{n} b = 2; }}\n",
            n = i + 1
        ));
    }
    text.push_str("message M40 { int32 x = 1; }\n");
    let e = err(&text, Some("M0"));
    assert_eq!(e.code, codes::TOO_DEEP);
    assert_eq!(
        e.message,
        "message `M0` expands into more than 50000 fields"
    );
}

/// Every corpus file is compiled with imports resolved against `tests/corpus/proto` and
/// every top-level message expanded; the count of files that compile is pinned so that
/// regressions show.
#[test]
fn corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/proto");
    let mut paths = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "proto") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    assert_eq!(paths.len(), 58);
    let import = |name: &str| Ok(std::fs::read_to_string(root.join(name)).ok());
    let mut compiled = 0;
    let mut messages = 0;
    let mut recursive = 0;
    let mut failures = Vec::new();
    for path in &paths {
        let name = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap();
        let Ok(unit) = compile(&name, &text, &import).map_err(|e| failures.push((name.clone(), e)))
        else {
            continue;
        };
        compiled += 1;
        let file = unit.pool.get_file_by_name(&name).unwrap();
        for message in file.messages() {
            let expansion = expand_message(&message).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            messages += 1;
            recursive += expansion.notes.len();
        }
        // The public entry point agrees: it either expands the only message or lists them.
        match expand_protobuf(&name, &text, &import, None) {
            Ok(expansion) => assert_eq!(
                file.messages().len(),
                1,
                "{name}: {}",
                expansion.message_name
            ),
            Err(e) if file.messages().len() == 0 && user_messages(&unit.pool).is_empty() => {
                assert_eq!(e.code, codes::INVALID_SCHEMA, "{name}: {e:?}")
            }
            Err(e) => assert_eq!(e.code, codes::MISSING_OPTION, "{name}: {e:?}"),
        }
    }
    let failures: Vec<(&str, &str)> = failures
        .iter()
        .map(|(name, e)| (name.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        failures,
        vec![
            // Uses editions feature options (`features.(pb.cpp)`) that protox cannot resolve.
            ("google/protobuf/cpp_features.proto", "schema::invalid"),
            // As a root file the corpus copy is used, and its newest syntax does not parse;
            // as an import the bundled copy is used instead.
            ("google/protobuf/descriptor.proto", "schema::invalid"),
            (
                "google/protobuf/edition_unittest.proto",
                "schema::unsupported"
            ),
            // Imports an editions file.
            ("google/protobuf/unittest.proto", "schema::unsupported"),
            // "identifiers may not be negative".
            (
                "google/protobuf/unittest_custom_options.proto",
                "schema::invalid"
            ),
            (
                "google/protobuf/unittest_delimited.proto",
                "schema::unsupported"
            ),
            (
                "google/protobuf/unittest_delimited_import.proto",
                "schema::unsupported"
            ),
            (
                "google/protobuf/unittest_features.proto",
                "schema::unsupported"
            ),
            ("route_guide.proto", "schema::unsupported"),
        ]
    );
    assert_eq!(compiled, 49);
    assert_eq!((messages, recursive), (148, 222));
}
