//! Connection schemas, formats, and the expansion of Avro, Protobuf and JSON Schema
//! definitions into Arrow fields.
pub mod expand;
pub mod json_schema;
