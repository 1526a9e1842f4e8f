//! Registered connectors as Arroyo's `Connector` view (`GET /v1/connectors`,
//! `reference/arroyo-table-configs.md` §2), with JSON Schemas of their configs generated
//! from the option catalogue (`json_schema`), so a form drawn from them posts what we read.

mod json_schema;

use serde_json::{json, Value as Json};

use crate::connector::{ConnectorSpec, FormatRule, Registry};
use crate::options::AppliesTo;

/// Connectors Arroyo lists but hides from its web UI's chooser (still usable).
const HIDDEN: &[&str] = &["delta", "iceberg", "single_file", "preview"];

/// Every connector of `registry`, sorted by display name as Arroyo sorts them.
pub(super) fn connectors(registry: &Registry) -> Json {
    let mut list: Vec<(&'static str, Json)> = registry
        .iter()
        .map(|(_, c)| {
            let spec = c.spec();
            (spec.display_name, connector(spec))
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(b.0));
    Json::Array(list.into_iter().map(|(_, c)| c).collect())
}

fn connector(spec: &'static ConnectorSpec) -> Json {
    let text = |v: Json| serde_json::to_string_pretty(&v).unwrap_or_default();
    let connection_config = spec
        .has_profile()
        .then(|| text(json_schema::profile_schema(spec)));
    // A source that takes no format makes its own rows (impulse, nexmark): no schema to
    // define.
    let fixed = spec.formats.rule == FormatRule::Ignored
        && !spec.roles.contains(crate::ConnectionType::Sink)
        && spec.roles != AppliesTo::LOOKUP;
    json!({
        "id": spec.name,
        "name": spec.display_name,
        "icon": "",
        "description": spec.description,
        "enabled": true,
        "source": spec.roles.contains(crate::ConnectionType::Source),
        "sink": spec.roles.contains(crate::ConnectionType::Sink),
        // The crate does no I/O, so it cannot test a connection.
        "testing": false,
        "hidden": HIDDEN.contains(&spec.name),
        "custom_schemas": !fixed,
        "connection_config": connection_config,
        "table_config": text(json_schema::table_schema(spec)),
    })
}
