//! Unit tests of the protobuf expansion: the type mapping, presence, well-known types,
//! recursion, imports, message selection, the limits and the proto corpus.

use std::path::Path;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};
use prost_reflect::DescriptorPool;

use super::compile::compile;
use super::mapping::expand_message;
use super::select::user_messages;
use super::{expand_protobuf, ProtoExpansion, MAX_BRACKET_DEPTH};
use crate::diagnostics::codes;
use crate::schema::expand::{is_json, json_field, SchemaError};

fn no_imports(_: &str) -> Result<Option<String>, String> {
    Ok(None)
}

fn expand(text: &str, message: Option<&str>) -> Result<ProtoExpansion, SchemaError> {
    expand_protobuf("schema.proto", text, &no_imports, message)
}

/// The fields of the only message in `text`.
fn fields(text: &str) -> Vec<Field> {
    match expand(text, None) {
        Ok(expansion) => expansion.expansion.fields,
        Err(err) => panic!("{err:?}"),
    }
}

/// The single field declared by `decl` in a message of a `syntax` file.
fn one(syntax: &str, decl: &str) -> Field {
    let text = format!(
        "syntax = \"{syntax}\"; package t; \
             import \"google/protobuf/timestamp.proto\"; import \"google/protobuf/duration.proto\"; \
             import \"google/protobuf/wrappers.proto\"; import \"google/protobuf/struct.proto\"; \
             import \"google/protobuf/any.proto\"; import \"google/protobuf/empty.proto\"; \
             import \"google/protobuf/field_mask.proto\"; \
             enum Color {{ {zero} = 0; RED = 1; }} message Inner {{ {label}int32 x = 1; }} \
             message M {{ {decl} }}",
        zero = if syntax == "proto3" { "UNKNOWN" } else { "NONE" },
        label = if syntax == "proto3" { "" } else { "optional " },
    );
    let expansion = match expand(&text, Some("t.M")) {
        Ok(expansion) => expansion,
        Err(err) => panic!("{err:?}"),
    };
    assert_eq!(expansion.expansion.fields.len(), 1);
    expansion.expansion.fields.into_iter().next().unwrap()
}

fn err(text: &str, message: Option<&str>) -> SchemaError {
    match expand(text, message) {
        Ok(expansion) => panic!("expected an error, got {:?}", expansion.expansion),
        Err(err) => err,
    }
}

fn item(data_type: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", data_type, false)))
}

#[test]
fn proto3_scalars_are_non_null() {
    let cases = [
        ("bool", DataType::Boolean),
        ("int32", DataType::Int32),
        ("sint32", DataType::Int32),
        ("sfixed32", DataType::Int32),
        ("int64", DataType::Int64),
        ("sint64", DataType::Int64),
        ("sfixed64", DataType::Int64),
        ("uint32", DataType::UInt32),
        ("fixed32", DataType::UInt32),
        ("uint64", DataType::UInt64),
        ("fixed64", DataType::UInt64),
        ("float", DataType::Float32),
        ("double", DataType::Float64),
        ("string", DataType::Utf8),
        ("bytes", DataType::Binary),
    ];
    for (proto, arrow) in cases {
        let field = one("proto3", &format!("{proto} v = 1;"));
        assert_eq!(field, Field::new("v", arrow, false), "{proto}");
    }
}

#[test]
fn proto3_optional_is_nullable() {
    assert_eq!(
        one("proto3", "optional int64 v = 1;"),
        Field::new("v", DataType::Int64, true)
    );
}

#[test]
fn proto2_optional_is_nullable() {
    assert_eq!(
        one("proto2", "optional string v = 1;"),
        Field::new("v", DataType::Utf8, true)
    );
}

#[test]
fn proto2_required_is_non_null() {
    assert_eq!(
        one("proto2", "required uint32 v = 1;"),
        Field::new("v", DataType::UInt32, false)
    );
    assert_eq!(
        one("proto2", "required Inner v = 1;"),
        Field::new(
            "v",
            DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, true)])),
            false
        )
    );
}

#[test]
fn enum_is_its_value_name() {
    assert_eq!(
        one("proto3", "Color v = 1;"),
        Field::new("v", DataType::Utf8, false)
    );
    assert_eq!(
        one("proto2", "optional Color v = 1;"),
        Field::new("v", DataType::Utf8, true)
    );
}

#[test]
fn message_is_nullable_struct() {
    assert_eq!(
        one("proto3", "Inner v = 1;"),
        Field::new(
            "v",
            DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, false)])),
            true
        )
    );
}

#[test]
fn nested_message_definition() {
    let f = fields(
        "syntax = \"proto3\"; message Outer { message Mid { message Leaf { string s = 1; } Leaf leaf = 1; } Mid mid = 1; }",
    );
    assert_eq!(
        f[0].data_type().to_string(),
        r#"Struct("leaf": Struct("s": non-null Utf8))"#
    );
    assert_eq!(f[0].name(), "mid");
}

#[test]
fn repeated_is_non_null_list_of_non_null_items() {
    assert_eq!(
        one("proto3", "repeated string v = 1;"),
        Field::new("v", item(DataType::Utf8), false)
    );
    assert_eq!(
        one("proto2", "repeated Color v = 1;"),
        Field::new("v", item(DataType::Utf8), false)
    );
    assert_eq!(
        one("proto3", "repeated Inner v = 1;"),
        Field::new(
            "v",
            item(DataType::Struct(Fields::from(vec![Field::new(
                "x",
                DataType::Int32,
                false
            )]))),
            false
        )
    );
}

fn map(key: DataType, value: DataType, value_nullable: bool) -> DataType {
    DataType::Map(
        Arc::new(Field::new(
            "entries",
            DataType::Struct(Fields::from(vec![
                Field::new("key", key, false),
                Field::new("value", value, value_nullable),
            ])),
            false,
        )),
        false,
    )
}

#[test]
fn map_of_scalars() {
    let field = one("proto3", "map<string, int64> v = 1;");
    assert_eq!(
        field,
        Field::new("v", map(DataType::Utf8, DataType::Int64, false), false)
    );
    assert_eq!(
        field.data_type().to_string(),
        r#"Map("entries": non-null Struct("key": non-null Utf8, "value": non-null Int64), unsorted)"#
    );
}

#[test]
fn map_of_messages_has_nullable_values() {
    assert_eq!(
        one("proto2", "map<int32, Inner> v = 1;"),
        Field::new(
            "v",
            map(
                DataType::Int32,
                DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, true)])),
                true
            ),
            false
        )
    );
    assert_eq!(
        one("proto3", "map<bool, Color> v = 1;"),
        Field::new("v", map(DataType::Boolean, DataType::Utf8, false), false)
    );
}

#[test]
fn oneof_members_are_flattened_and_nullable() {
    let f = fields(
        "syntax = \"proto3\"; message Pay { int32 id = 1; oneof method { string card = 2; bytes token = 3; } }",
    );
    assert_eq!(
        f,
        vec![
            Field::new("id", DataType::Int32, false),
            Field::new("card", DataType::Utf8, true),
            Field::new("token", DataType::Binary, true),
        ]
    );
}

#[test]
fn proto2_group_is_struct() {
    let f = fields(
        "syntax = \"proto2\"; message G { optional group Result = 1 { required string url = 2; } }",
    );
    assert_eq!(
        f,
        vec![Field::new(
            "result",
            DataType::Struct(Fields::from(vec![Field::new("url", DataType::Utf8, false)])),
            true
        )]
    );
}

#[test]
fn timestamp_and_duration() {
    assert_eq!(
        one("proto3", "google.protobuf.Timestamp v = 1;"),
        Field::new("v", DataType::Timestamp(TimeUnit::Nanosecond, None), true)
    );
    assert_eq!(
        one("proto3", "google.protobuf.Duration v = 1;"),
        Field::new("v", DataType::Duration(TimeUnit::Nanosecond), true)
    );
    assert_eq!(
        one("proto3", "repeated google.protobuf.Timestamp v = 1;"),
        Field::new(
            "v",
            item(DataType::Timestamp(TimeUnit::Nanosecond, None)),
            false
        )
    );
}

#[test]
fn wrappers_are_nullable_scalars() {
    let cases = [
        ("DoubleValue", DataType::Float64),
        ("FloatValue", DataType::Float32),
        ("Int64Value", DataType::Int64),
        ("UInt64Value", DataType::UInt64),
        ("Int32Value", DataType::Int32),
        ("UInt32Value", DataType::UInt32),
        ("BoolValue", DataType::Boolean),
        ("StringValue", DataType::Utf8),
        ("BytesValue", DataType::Binary),
    ];
    for (wrapper, arrow) in cases {
        let field = one("proto3", &format!("google.protobuf.{wrapper} v = 1;"));
        assert_eq!(field, Field::new("v", arrow, true), "{wrapper}");
    }
}

#[test]
fn struct_value_list_value_and_any_are_json() {
    for wkt in ["Struct", "Value", "ListValue", "Any"] {
        let field = one("proto3", &format!("google.protobuf.{wkt} v = 1;"));
        assert_eq!(field, json_field("v", true), "{wkt}");
        assert!(is_json(&field));
    }
    let expansion = expand(
        "syntax = \"proto3\"; import \"google/protobuf/struct.proto\"; message M { google.protobuf.Struct s = 1; }",
        None,
    )
    .unwrap();
    assert_eq!(expansion.expansion.notes, vec![]);
}

#[test]
fn empty_is_struct_without_fields_and_field_mask_is_utf8() {
    assert_eq!(
        one("proto3", "google.protobuf.Empty v = 1;"),
        Field::new("v", DataType::Struct(Fields::empty()), true)
    );
    assert_eq!(
        one("proto3", "google.protobuf.FieldMask v = 1;"),
        Field::new("v", DataType::Utf8, true)
    );
}

#[test]
fn wkt_imports_are_bundled_and_not_pinned() {
    let asked = std::cell::RefCell::new(Vec::new());
    let import = |name: &str| {
        asked.borrow_mut().push(name.to_string());
        Ok(None)
    };
    let expansion = expand_protobuf(
        "schema.proto",
        "syntax = \"proto3\"; import \"google/protobuf/timestamp.proto\"; message M { google.protobuf.Timestamp t = 1; }",
        &import,
        None,
    )
    .unwrap();
    assert!(asked.borrow().is_empty());
    assert_eq!(expansion.files.len(), 1);
    assert_eq!(expansion.message_name, "M");
}

const COMMON: &str =
    "syntax = \"proto3\"; package common; message Money { string currency = 1; int64 units = 2; }";
const ORDER: &str = "syntax = \"proto3\"; package shop; import \"common/money.proto\"; \
        message Order { int64 id = 1; common.Money price = 2; } message Item { string sku = 1; }";

fn shop_imports(name: &str) -> Result<Option<String>, String> {
    Ok((name == "common/money.proto").then(|| COMMON.to_string()))
}

#[test]
fn imports_resolve_through_the_closure() {
    let expansion =
        expand_protobuf("shop.proto", ORDER, &shop_imports, Some("shop.Order")).unwrap();
    assert_eq!(expansion.message_name, "shop.Order");
    assert_eq!(
        expansion.expansion.fields[1].data_type().to_string(),
        r#"Struct("currency": non-null Utf8, "units": non-null Int64)"#
    );
    assert_eq!(
        expansion.files,
        vec![
            ("shop.proto".to_string(), ORDER.to_string()),
            ("common/money.proto".to_string(), COMMON.to_string()),
        ]
    );
    // The descriptor set decodes and holds both files.
    let pool = DescriptorPool::decode(expansion.descriptor_set.as_slice()).unwrap();
    assert!(pool.get_message_by_name("common.Money").is_some());
    assert!(pool.get_file_by_name("shop.proto").is_some());
}

#[test]
fn root_known_by_a_path() {
    let expansion = expand_protobuf(
        "/schemas/shop/order.proto",
        ORDER,
        &shop_imports,
        Some("Item"),
    )
    .unwrap();
    assert_eq!(expansion.message_name, "shop.Item");
    assert_eq!(expansion.files[0].0, "/schemas/shop/order.proto");
    assert_eq!(
        expansion.expansion.fields,
        vec![Field::new("sku", DataType::Utf8, false)]
    );
}

#[test]
fn short_and_suffix_message_names() {
    let by_short = expand_protobuf("shop.proto", ORDER, &shop_imports, Some("Order")).unwrap();
    assert_eq!(by_short.message_name, "shop.Order");
    let imported = expand_protobuf("shop.proto", ORDER, &shop_imports, Some("Money")).unwrap();
    assert_eq!(imported.message_name, "common.Money");
    let dotted = expand_protobuf("shop.proto", ORDER, &shop_imports, Some(".shop.Item")).unwrap();
    assert_eq!(dotted.message_name, "shop.Item");
}

#[test]
fn missing_import_is_not_found() {
    let e = match expand_protobuf("shop.proto", ORDER, &no_imports, Some("Order")) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::SCHEMA_NOT_FOUND);
    assert_eq!(
        e.message,
        "protobuf import `common/money.proto` not found (imported by `shop.proto`)"
    );
}

#[test]
fn resolver_failure_is_reported() {
    let failing = |_: &str| Err("permission denied".to_string());
    let e = match expand_protobuf("shop.proto", ORDER, &failing, Some("Order")) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::SCHEMA_NOT_FOUND);
    assert_eq!(
        e.message,
        "could not resolve protobuf import `common/money.proto` (imported by `shop.proto`): permission denied"
    );
}

#[test]
fn unknown_message_suggests_the_nearest() {
    let e = match expand_protobuf("shop.proto", ORDER, &shop_imports, Some("shop.Ordr")) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::SCHEMA_NOT_FOUND);
    assert_eq!(e.message, "message `shop.Ordr` not found");
    assert_eq!(
        e.help.as_deref(),
        Some("did you mean `shop.Order`? messages are `common.Money`, `shop.Order`, `shop.Item`")
    );
    let far = match expand_protobuf("shop.proto", ORDER, &shop_imports, Some("Zebra")) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(
        far.help.as_deref(),
        Some("messages are `common.Money`, `shop.Order`, `shop.Item`")
    );
}

#[test]
fn absent_message_name_needs_a_single_top_level_message() {
    let e = match expand_protobuf("shop.proto", ORDER, &shop_imports, None) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::MISSING_OPTION);
    assert_eq!(
        e.message,
        "`protobuf.message_name` is required: `shop.proto` defines 2 top-level messages"
    );
    assert_eq!(
        e.help.as_deref(),
        Some("set `protobuf.message_name` to one of `shop.Order`, `shop.Item`")
    );
    let none = err("syntax = \"proto3\"; enum E { A = 0; }", None);
    assert_eq!(none.code, codes::INVALID_SCHEMA);
    assert_eq!(
        none.message,
        "protobuf file `schema.proto` defines no message"
    );
    // A root without messages of its own lists what it imports.
    let root = "syntax = \"proto3\"; import \"common/money.proto\";";
    let e = match expand_protobuf("root.proto", root, &shop_imports, None) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::MISSING_OPTION);
    assert_eq!(
        e.message,
        "`protobuf.message_name` is required: `root.proto` defines no top-level message"
    );
    assert_eq!(
        e.help.as_deref(),
        Some("set `protobuf.message_name` to one of `common.Money`")
    );
}

#[test]
fn ambiguous_short_name() {
    let e = err(
        "syntax = \"proto3\"; package p; message A { message Id { int32 v = 1; } } message B { message Id { int32 v = 1; } }",
        Some("Id"),
    );
    assert_eq!(e.code, codes::INVALID_VALUE);
    assert_eq!(e.message, "message name `Id` is ambiguous");
    assert_eq!(
        e.help.as_deref(),
        Some("use the fully qualified name: `p.A.Id`, `p.B.Id`")
    );
}

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
fn edition_in_an_import_is_unsupported() {
    let import = |_: &str| Ok(Some("edition = \"2024\"; message X {}".to_string()));
    let e = match expand_protobuf(
        "schema.proto",
        "syntax = \"proto3\"; import \"x.proto\"; message M { X x = 1; }",
        &import,
        None,
    ) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::SCHEMA_UNSUPPORTED);
    assert!(e.message.contains("`x.proto`"), "{}", e.message);
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

/// A custom option whose type is recursive, set to a text-format value nested `depth` deep.
fn deep_option(depth: usize) -> String {
    let mut text = String::from(
        "syntax = \"proto2\"; import \"google/protobuf/descriptor.proto\"; \
             message R { optional R r = 1; optional int32 v = 2; } \
             extend google.protobuf.MessageOptions { optional R deep = 50000; } \
             message M { option (deep) = { ",
    );
    for _ in 0..depth {
        text.push_str("r { ");
    }
    text.push_str("v: 1 ");
    for _ in 0..depth {
        text.push_str("} ");
    }
    text.push_str("}; optional int32 x = 1; }");
    text
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

#[test]
fn import_cycles_are_compile_errors() {
    let import = |_: &str| {
        Ok(Some(
            "syntax = \"proto3\"; import \"schema.proto\";".to_string(),
        ))
    };
    let e = match expand_protobuf(
        "schema.proto",
        "syntax = \"proto3\"; import \"b.proto\"; message M { int32 x = 1; }",
        &import,
        None,
    ) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::INVALID_SCHEMA);
    assert!(e.message.contains("import cycle"), "{}", e.message);
}

#[test]
fn too_many_imports_are_refused() {
    let import = |name: &str| {
        let n: usize = name
            .trim_end_matches(".proto")
            .trim_start_matches('f')
            .parse()
            .unwrap();
        Ok(Some(format!(
            "syntax = \"proto3\"; import \"f{}.proto\";",
            n + 1
        )))
    };
    let e = match expand_protobuf(
        "schema.proto",
        "syntax = \"proto3\"; import \"f0.proto\"; message M { int32 x = 1; }",
        &import,
        None,
    ) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(e.code, codes::TOO_DEEP);
    assert_eq!(
        e.message,
        "protobuf schema `schema.proto` imports more than 256 files"
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
