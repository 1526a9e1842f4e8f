//! Registering a connector of your own: an HTTP "metrics" sink with its own typed options.
//!
//! ```text
//! cargo run --example custom_connector
//! ```

use connector_ddl::connector::{ConnectorInfo, FormatRule, Formats, NoProfile, TableContext};
use connector_ddl::diagnostics::{codes, render_human};
use connector_ddl::options::{ConnectorOptions, OptionKind, OptionSpec};
use connector_ddl::{compile_sql, ConnectionType, Connector, Env, Registry};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `endpoint`: where to send the metrics.
const ENDPOINT: OptionSpec = OptionSpec::string("endpoint")
    .required()
    .doc("URL that receives the batches.");
/// `batch_size`: how many rows per request.
const BATCH_SIZE: OptionSpec = OptionSpec::new("batch_size", OptionKind::NonZero)
    .default("100")
    .doc("Rows per request.");
/// `flush_interval`: how long to wait before sending a partial batch.
const FLUSH_INTERVAL: OptionSpec = OptionSpec::new("flush_interval", OptionKind::Duration)
    .default("1s")
    .doc("Longest wait before a partial batch is sent.");

/// A sink that posts rows to a metrics endpoint.
struct MetricsSink;

/// Its typed table configuration.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
struct MetricsTable {
    endpoint: String,
    batch_size: u64,
    flush_interval_ms: u64,
}

impl Connector for MetricsSink {
    type Profile = NoProfile;
    type Table = MetricsTable;

    fn info(&self) -> ConnectorInfo {
        ConnectorInfo {
            name: "metrics",
            display_name: "Metrics",
            description: "Post rows to a metrics endpoint",
            source: false,
            sink: true,
            lookup: false,
            partitioned: false,
        }
    }

    fn table_options(&self) -> &'static [OptionSpec] {
        &[ENDPOINT, BATCH_SIZE, FLUSH_INTERVAL]
    }

    fn formats(&self) -> Formats {
        Formats {
            rule: FormatRule::Optional,
            allowed: &["json"],
        }
    }

    fn profile_from_options(&self, _opts: &mut ConnectorOptions) -> Option<NoProfile> {
        Some(NoProfile {})
    }

    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        _cx: &TableContext<'_>,
    ) -> Option<MetricsTable> {
        // Pull every option before giving up on any, so all mistakes are reported at once.
        let endpoint = opts.string(&ENDPOINT);
        let endpoint = opts.required(&ENDPOINT, endpoint);
        if let Some(e) = &endpoint {
            if !e.node.starts_with("http://") && !e.node.starts_with("https://") {
                opts.error(
                    codes::INVALID_VALUE,
                    e.span,
                    "invalid value for `endpoint`: expected an http(s) URL",
                );
            }
        }
        let batch_size = opts.non_zero(&BATCH_SIZE).map_or(100, |b| b.node);
        let flush = opts.duration(&FLUSH_INTERVAL).map_or(1000, |d| {
            u64::try_from(d.node.as_millis()).unwrap_or(u64::MAX)
        });
        Some(MetricsTable {
            endpoint: endpoint?.node,
            batch_size,
            flush_interval_ms: flush,
        })
    }

    fn table_type(&self, _profile: &NoProfile, _table: &MetricsTable) -> ConnectionType {
        ConnectionType::Sink
    }

    fn description(&self, _profile: &NoProfile, table: &MetricsTable) -> String {
        format!("metrics sink to {}", table.endpoint)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut registry = Registry::builtin();
    registry.register(MetricsSink)?;
    let env = Env::new(&registry);

    let good = "CREATE TABLE m (name TEXT, value DOUBLE) WITH (
        connector = 'metrics', endpoint = 'https://metrics.example.com/ingest',
        batch_size = 500, flush_interval = INTERVAL '5' SECOND);";
    let out = compile_sql(good, &env);
    let conn = out
        .tables
        .first()
        .and_then(|t| t.as_connection())
        .ok_or("the table did not compile")?;
    let typed: &MetricsTable = conn.table_config().ok_or("not a metrics table")?;
    println!("{} → {:?}", conn.description, typed);
    println!("{}", serde_json::to_string_pretty(&conn.config)?);

    // Mistakes get the same diagnostics as the built-in connectors.
    let bad =
        "CREATE TABLE m (v DOUBLE) WITH (connector = 'metrics', endpont = 'x', batch_size = 0);";
    for d in compile_sql(bad, &env).diagnostics {
        print!("{}", render_human(&d, "bad.sql", bad, false));
    }
    Ok(())
}
