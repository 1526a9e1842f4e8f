//! `nexmark`: a demo source that generates the Nexmark benchmark's auction site events.
//!
//! Its schema is fixed: three nullable struct columns `person`, `auction` and `bid`, one of
//! which is set per event. A table may declare no columns, or exactly these.

use arrow_schema::{DataType, Field, Fields, TimeUnit};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{Connector, TableContext};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec};

pub(crate) use super::impulse::EVENT_RATE;

option_specs! {
    pub(crate) RUNTIME = new("runtime", OptionKind::Float).doc("Seconds to run before the source ends (a bounded source).");
}

const TABLE_OPTIONS: &[OptionSpec] = &[EVENT_RATE, RUNTIME];

/// The nexmark connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Nexmark;

/// A nexmark source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NexmarkTable {
    /// Events per second.
    pub event_rate: f64,
    /// Seconds before the source ends.
    pub runtime: Option<f64>,
}

fn structure(fields: &[(&str, DataType)]) -> DataType {
    DataType::Struct(Fields::from(
        fields
            .iter()
            .map(|(n, t)| Field::new(*n, t.clone(), false))
            .collect::<Vec<_>>(),
    ))
}

/// The fixed Nexmark schema.
pub(crate) fn nexmark_fields() -> Vec<Field> {
    let ts = DataType::Timestamp(TimeUnit::Nanosecond, None);
    let person = structure(&[
        ("id", DataType::Int64),
        ("name", DataType::Utf8),
        ("email_address", DataType::Utf8),
        ("credit_card", DataType::Utf8),
        ("city", DataType::Utf8),
        ("state", DataType::Utf8),
        ("datetime", ts.clone()),
        ("extra", DataType::Utf8),
    ]);
    let auction = structure(&[
        ("id", DataType::Int64),
        ("description", DataType::Utf8),
        ("item_name", DataType::Utf8),
        ("initial_bid", DataType::Int64),
        ("reserve", DataType::Int64),
        ("datetime", ts.clone()),
        ("expires", ts.clone()),
        ("seller", DataType::Int64),
        ("category", DataType::Int64),
        ("extra", DataType::Utf8),
    ]);
    let bid = structure(&[
        ("auction", DataType::Int64),
        ("bidder", DataType::Int64),
        ("price", DataType::Int64),
        ("channel", DataType::Utf8),
        ("url", DataType::Utf8),
        ("datetime", ts),
        ("extra", DataType::Utf8),
    ]);
    vec![
        Field::new("person", person, true),
        Field::new("auction", auction, true),
        Field::new("bid", bid, true),
    ]
}

connector_spec! {
    "nexmark", "Nexmark", "Demo source for a simulated auction website";
    roles: SOURCE;
    table_options: TABLE_OPTIONS;
    example: "", [("event_rate", "10")];
}

impl Connector for Nexmark {
    no_profile!(NexmarkTable, read_table);

    fn description(&self, _profile: &(), table: &NexmarkTable) -> String {
        match table.runtime {
            Some(r) => format!(
                "bounded nexmark source at {} events/s for {r} s",
                table.event_rate
            ),
            None => format!("nexmark source at {} events/s", table.event_rate),
        }
    }

    fn fixed_schema(&self, _table: &NexmarkTable) -> Option<Vec<Field>> {
        Some(nexmark_fields())
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<NexmarkTable> {
    let rate = opts.positive_float(&EVENT_RATE);
    let runtime = opts.positive_float(&RUNTIME);
    if opts.has_errors() {
        return None;
    }
    Some(NexmarkTable {
        event_rate: rate?.node,
        runtime: runtime.map(|r| r.node),
    })
}
