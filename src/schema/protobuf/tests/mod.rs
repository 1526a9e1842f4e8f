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

const COMMON: &str =
    "syntax = \"proto3\"; package common; message Money { string currency = 1; int64 units = 2; }";
const ORDER: &str = "syntax = \"proto3\"; package shop; import \"common/money.proto\"; \
        message Order { int64 id = 1; common.Money price = 2; } message Item { string sku = 1; }";

fn shop_imports(name: &str) -> Result<Option<String>, String> {
    Ok((name == "common/money.proto").then(|| COMMON.to_string()))
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

mod imports;
mod limits;
mod messages;
mod types;
