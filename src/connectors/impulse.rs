//! `impulse`: a demo source that emits a counter at a fixed rate.
//!
//! Its schema is fixed (`counter BIGINT NOT NULL, subtask_index BIGINT NOT NULL`); a table
//! may declare no columns, or exactly these (Arroyo rejects any explicit list).

use arrow_schema::{DataType, Field};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connector::{Connector, TableContext};
use crate::options::option_specs;
use crate::options::{ConnectorOptions, OptionKind, OptionSpec, Value};
use crate::span::Spanned;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) EVENT_RATE = new("event_rate", OptionKind::Float).required().doc("Events per second, greater than 0 (the runtime waits 1/rate seconds between events, which it cannot do for 0).");
        pub(crate) EVENT_TIME_INTERVAL = new("event_time_interval", OptionKind::Duration).doc("Advance event time by this much per event instead of using the wall clock; an integer is nanoseconds, as in Arroyo.");
        pub(crate) MESSAGE_COUNT = new("message_count", OptionKind::Unsigned).doc("Stop after this many events (a bounded source).");
    ]
}

/// The impulse connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Impulse;

/// An impulse source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ImpulseTable {
    /// Events per second.
    pub event_rate: f64,
    /// Event-time step per event, in nanoseconds.
    pub event_time_interval_nanos: Option<u64>,
    /// Number of events before the source ends.
    pub message_count: Option<u64>,
}

connector_spec! {
    "impulse", "Impulse", "Periodic demo source";
    roles: SOURCE;
    table_options: TABLE_OPTIONS;
    example: "", [("event_rate", "10")];
}

impl Connector for Impulse {
    no_profile!(ImpulseTable, read_table);

    fn description(&self, _profile: &(), table: &ImpulseTable) -> String {
        match table.message_count {
            Some(n) => format!(
                "bounded impulse source: {n} events at {} events/s",
                table.event_rate
            ),
            None => format!("impulse source at {} events/s", table.event_rate),
        }
    }

    fn fixed_schema(&self, _table: &ImpulseTable) -> Option<Vec<Field>> {
        Some(vec![
            Field::new("counter", DataType::Int64, false),
            Field::new("subtask_index", DataType::Int64, false),
        ])
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, _cx: &TableContext<'_>) -> Option<ImpulseTable> {
    let rate = opts.positive_float(&EVENT_RATE).map(|r| r.node);
    // Arroyo reads an integer here as nanoseconds; durations are accepted too.
    let interval = match opts.peek(EVENT_TIME_INTERVAL.key).map(|v| v.node.clone()) {
        Some(Value::Number(_)) | Some(Value::String(_))
            if opts
                .peek(EVENT_TIME_INTERVAL.key)
                .is_some_and(|v| is_integer(&v.node)) =>
        {
            let spec = OptionSpec::new(EVENT_TIME_INTERVAL.key, OptionKind::Unsigned);
            opts.unsigned(&spec).map(|n| n.node)
        }
        Some(_) => opts
            .duration(&EVENT_TIME_INTERVAL)
            .map(|d: Spanned<std::time::Duration>| {
                u64::try_from(d.node.as_nanos()).unwrap_or(u64::MAX)
            }),
        None => None,
    };
    let count = opts.unsigned(&MESSAGE_COUNT).map(|c| c.node);
    Some(ImpulseTable {
        event_rate: rate?,
        event_time_interval_nanos: interval,
        message_count: count,
    })
}

fn is_integer(v: &Value) -> bool {
    match v {
        Value::Number(n) | Value::String(n) => {
            let n = n.trim();
            let digits = n.strip_prefix('-').unwrap_or(n);
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}
