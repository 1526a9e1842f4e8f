//! Registering a connector of your own: an HTTP "metrics" sink with four typed options.
//! The catalogue does every check — required, default, range, secret — so the connector
//! only turns values into its config.
//!
//! ```text
//! cargo run --example custom_connector
//! ```

use std::time::Duration;

use connector_ddl::connector::{ConnectorSpec, Formats, TableContext};
use connector_ddl::options::{AppliesTo, ConnectorOptions, OptionKind, OptionSpec};
use connector_ddl::{compile_sql, Connector, Env, Registry};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const ENDPOINT: OptionSpec = OptionSpec::string("endpoint")
    .required()
    .doc("URL that receives the batches.");
const TOKEN: OptionSpec = OptionSpec::string("api_token")
    .sensitive()
    .doc("Bearer token sent with each batch.");
const BATCH: OptionSpec = OptionSpec::new("batch_size", OptionKind::NonZero)
    .default_int(100)
    .range(1, 10_000);
const FLUSH: OptionSpec = OptionSpec::new("flush_interval", OptionKind::Duration)
    .default_duration(Duration::from_secs(1));

const SPEC: ConnectorSpec =
    ConnectorSpec::new("metrics", "Metrics", "Post rows to a metrics endpoint")
        .roles(AppliesTo::SINK)
        .formats(Formats::optional(&["json"]))
        .table_options(&[ENDPOINT, TOKEN, BATCH, FLUSH]);

/// A sink that posts rows to a metrics endpoint.
struct MetricsSink;

/// Its typed table configuration.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
struct MetricsTable {
    endpoint: String,
    api_token: Option<String>,
    batch_size: u64,
    flush_interval_ms: u128,
}

impl Connector for MetricsSink {
    type Profile = ();
    type Table = MetricsTable;

    fn spec(&self) -> &'static ConnectorSpec {
        &SPEC
    }

    fn profile_from_options(&self, _opts: &mut ConnectorOptions) -> Option<()> {
        Some(())
    }

    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        _cx: &TableContext<'_>,
    ) -> Option<MetricsTable> {
        // Read every option before giving up on any, so every mistake is reported at once.
        let (endpoint, api_token) = (opts.string(&ENDPOINT), opts.string(&TOKEN));
        let (batch, flush) = (opts.non_zero(&BATCH), opts.duration(&FLUSH));
        Some(MetricsTable {
            endpoint: endpoint?.node,
            api_token: api_token.map(|t| t.node),
            batch_size: batch?.node,
            flush_interval_ms: flush?.node.as_millis(),
        })
    }

    fn description(&self, _profile: &(), table: &MetricsTable) -> String {
        format!("metrics sink to {}", table.endpoint)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut registry = Registry::builtin();
    registry.register(MetricsSink)?;
    let env = Env::new(&registry);

    let good = "CREATE TABLE m (name TEXT, value DOUBLE) WITH (connector = 'metrics',
        endpoint = 'https://metrics.example.com/ingest', api_token = 'tok-123', batch_size = 500);";
    let tables = compile_sql(good, &env).into_result()?;
    let conn = tables
        .first()
        .and_then(|t| t.as_connection())
        .ok_or("no table")?;
    let typed: &MetricsTable = conn.table_config().ok_or("not a metrics table")?;
    println!("{} → batches of {}", conn.description, typed.batch_size);
    println!("{}", serde_json::to_string_pretty(&conn.config)?); // the token prints as ********

    // Mistakes get the same diagnostics as the built-in connectors, rendered with the source.
    let bad =
        "CREATE TABLE m (v DOUBLE) WITH (connector = 'metrics', endpont = 'x', batch_size = 0);";
    if let Err(e) = compile_sql(bad, &env).into_result() {
        println!("{e}");
    }
    Ok(())
}
