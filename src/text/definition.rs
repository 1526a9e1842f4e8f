//! Whether a table's columns came from its schema definition: such columns are not
//! printed, since the definition (an option, printed as written) gives them back, and
//! some of them a connection table cannot declare (`DATE`, `TIME`, wide `DECIMAL`,
//! empty `STRUCT<>`).
//!
//! The table does not record where its fields came from, so the definition pinned in it
//! is expanded again and compared: equal fields give the same table either way.

use std::collections::BTreeSet;

use arrow_schema::Field;

use crate::compile::Connection;
use crate::schema::definition::{SchemaKind, SchemaOrigin};

/// Whether the physical columns of `c` (those not named in `computed`, its metadata and
/// generated columns) are exactly what its schema definition expands to, so the printed
/// table may leave them out.
pub(super) fn columns_from_definition(c: &Connection, computed: &BTreeSet<&str>) -> bool {
    let Some(d) = &c.schema.definition else {
        return false;
    };
    let expanded = match d.kind {
        SchemaKind::Avro => crate::schema::avro::expand_avro(&d.text).map(|e| e.fields),
        SchemaKind::JsonSchema => {
            crate::schema::json_schema::expand_json_schema(&d.text).map(|e| e.fields)
        }
        SchemaKind::Protobuf => {
            // The root file's name as the compiler gave it, and the imports it pinned.
            let root = match &d.origin {
                SchemaOrigin::Inline => "schema.proto".to_string(),
                SchemaOrigin::File { path } => path.clone(),
                SchemaOrigin::Subject { subject } => format!("{subject}.proto"),
            };
            let import = |path: &str| {
                Ok(d.imports
                    .iter()
                    .find(|f| f.name == path)
                    .map(|f| f.text.clone()))
            };
            crate::schema::protobuf::expand_protobuf(
                &root,
                &d.text,
                &import,
                d.message_name.as_deref(),
            )
            .map(|p| p.expansion.fields)
        }
    };
    let Ok(expanded) = expanded else {
        return false;
    };
    let physical: Vec<&Field> = c
        .schema
        .fields
        .iter()
        .filter(|f| !computed.contains(f.name().as_str()))
        .collect();
    physical.len() == expanded.len() && physical.iter().zip(&expanded).all(|(a, b)| *a == b)
}
