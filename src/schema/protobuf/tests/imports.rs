use super::*;

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
