use super::*;

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
