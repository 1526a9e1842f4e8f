//! Deterministic inputs for the speed measurements: a script of Kafka tables (5–20
//! columns, 8–12 options, a mix of formats), the same tables as JSON create-table
//! requests, and the one-dimensional inputs of the scaling runs. Generated in code so
//! no multi-megabyte fixture is committed.

#![allow(dead_code)] // each bench or example uses a part

use std::fmt::Write;

/// splitmix64: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.range(0, xs.len() - 1)]
    }
}

/// SQL column types with their request (`fields[].type`) counterparts.
const TYPES: &[(&str, &str)] = &[
    ("BIGINT", r#""type": "int64""#),
    ("INT", r#""type": "int32""#),
    ("VARCHAR", r#""type": "string""#),
    ("TEXT", r#""type": "string""#),
    ("DOUBLE", r#""type": "float64""#),
    ("FLOAT", r#""type": "float32""#),
    ("BOOLEAN", r#""type": "bool""#),
    (
        "DECIMAL(10,2)",
        r#""type": "decimal128", "precision": 10, "scale": 2"#,
    ),
    ("TIMESTAMP(3)", r#""type": "timestamp", "unit": "ms""#),
];

const WORDS: &[&str] = &[
    "order", "customer", "amount", "price", "quantity", "region", "status", "payload", "device",
    "reading", "session", "account", "merchant", "country", "channel", "score",
];

/// One generated table, rendered both ways.
struct Table {
    name: String,
    /// (column name, index into TYPES, not null)
    columns: Vec<(String, usize, bool)>,
    sink: bool,
    format: &'static str,
    /// Options beyond connector/bootstrap_servers/topic/type/format, SQL-rendered.
    extra: Vec<(&'static str, String)>,
    /// A generated column `doubled_id BIGINT GENERATED ALWAYS AS (id * 2)`, so sqlparser's
    /// expression parser runs too (a watermark would be the other way, but sqlparser's
    /// generic dialect, the baseline, does not know `WATERMARK FOR`).
    generated: bool,
}

fn table(i: usize, rng: &mut Rng) -> Table {
    let sink = rng.range(0, 3) == 0;
    let format = *rng.pick(&["json", "json", "json", "avro", "avro", "debezium_json"]);
    let n_cols = rng.range(5, 20);
    let mut columns = Vec::with_capacity(n_cols);
    columns.push(("id".to_string(), 0, true));
    for c in 1..n_cols {
        let word = rng.pick(WORDS);
        let ty = rng.range(0, TYPES.len() - 1);
        columns.push((format!("{word}_{c}"), ty, rng.range(0, 3) == 0));
    }
    let generated = !sink && format != "debezium_json" && rng.range(0, 2) == 0;
    let mut pool: Vec<(&'static str, String)> = if sink {
        vec![
            (
                "'sink.commit_mode'",
                format!("'{}'", rng.pick(&["at_least_once", "exactly_once"])),
            ),
            ("'sink.key_field'", "'id'".to_string()),
            ("'value.subject'", format!("'t{i}-value'")),
            ("client_configs", "'linger.ms=5,acks=all'".to_string()),
            ("bad_data", "'drop'".to_string()),
            (
                "'connection_properties.client.rack'",
                "'use1-az2'".to_string(),
            ),
            ("'auth.type'", "'none'".to_string()),
        ]
    } else {
        vec![
            (
                "'source.offset'",
                format!("'{}'", rng.pick(&["earliest", "latest", "group"])),
            ),
            ("'source.group_id'", format!("'group-{}'", i % 97)),
            ("'source.read_mode'", "'read_committed'".to_string()),
            ("idle_micros", format!("{}", 1000 + i)),
            ("bad_data", "'drop'".to_string()),
            ("'value.subject'", format!("'t{i}-value'")),
            ("'auth.type'", "'none'".to_string()),
        ]
    };
    match format {
        "json" => {
            pool.push(("'json.timestamp_format'", "'unix_millis'".to_string()));
            pool.push(("'json.decimal_encoding'", "'string'".to_string()));
        }
        "avro" => {
            pool.push(("'avro.raw_datums'", "false".to_string()));
        }
        _ => {}
    }
    // 3–7 extras on top of the five every table has: 8–12 options in all.
    let n_extra = rng.range(3, 7).min(pool.len());
    let mut extra = Vec::with_capacity(n_extra);
    for _ in 0..n_extra {
        let k = rng.range(0, pool.len() - 1);
        extra.push(pool.swap_remove(k));
    }
    Table {
        name: format!("t_{i}_{}", rng.pick(WORDS)),
        columns,
        sink,
        format,
        extra,
        generated,
    }
}

fn write_sql(out: &mut String, t: &Table, i: usize) {
    let _ = writeln!(out, "CREATE TABLE {} (", t.name);
    for (name, ty, not_null) in &t.columns {
        let nn = if *not_null { " NOT NULL" } else { "" };
        // Debezium sources need a key.
        let nn = if name == "id" && t.format == "debezium_json" {
            " NOT NULL PRIMARY KEY"
        } else {
            nn
        };
        let _ = writeln!(out, "    {name} {}{nn},", TYPES[*ty].0);
    }
    if t.generated {
        let _ = writeln!(out, "    doubled_id BIGINT GENERATED ALWAYS AS (id * 2),");
    }
    // Drop the last column separator.
    out.truncate(out.trim_end_matches([',', '\n']).len());
    out.push('\n');
    let _ = writeln!(out, ") WITH (");
    let _ = writeln!(out, "    connector = 'kafka',");
    let _ = writeln!(
        out,
        "    bootstrap_servers = 'broker-{}.internal:9092',",
        i % 7
    );
    let _ = writeln!(out, "    topic = '{}',", t.name);
    let _ = writeln!(
        out,
        "    type = '{}',",
        if t.sink { "sink" } else { "source" }
    );
    let _ = write!(out, "    format = '{}'", t.format);
    for (k, v) in &t.extra {
        let _ = write!(out, ",\n    {k} = {v}");
    }
    out.push_str("\n);\n\n");
}

/// A script of `n` Kafka tables (about 600 bytes each).
pub fn kafka_script(n: usize) -> String {
    let mut rng = Rng::new(0x5EED);
    let mut out = String::with_capacity(n * 640);
    for i in 0..n {
        let t = table(i, &mut rng);
        write_sql(&mut out, &t, i);
    }
    out
}

/// The script's tables one statement per string (for per-statement comparisons).
pub fn kafka_statements(n: usize) -> Vec<String> {
    let mut rng = Rng::new(0x5EED);
    (0..n)
        .map(|i| {
            let mut s = String::new();
            write_sql(&mut s, &table(i, &mut rng), i);
            s
        })
        .collect()
}

/// The same tables as JSON create-table requests (bootstrap servers through the
/// connection profile `cp_bench`, so an env with [`bench_profiles`] is needed).
pub fn kafka_requests(n: usize) -> Vec<String> {
    let mut rng = Rng::new(0x5EED);
    (0..n)
        .map(|i| {
            let t = table(i, &mut rng);
            let mut s = String::new();
            let _ = write!(
                s,
                r#"{{"name": "{}", "connector": "kafka", "connection_profile_id": "cp_bench", "config": {{"topic": "{}", "type": {}}}, "schema": {{"format": {}, "fields": ["#,
                t.name,
                t.name,
                if t.sink { r#"{"commit_mode": "at_least_once"}"# } else { r#"{"offset": "latest"}"# },
                match t.format {
                    "debezium_json" => r#"{"json": {"debezium": true}}, "primary_keys": ["id"]"#,
                    "avro" => r#"{"avro": {"raw_datums": false}}"#,
                    _ => r#"{"json": {"timestamp_format": "unix_millis"}}"#,
                },
            );
            for (c, (name, ty, not_null)) in t.columns.iter().enumerate() {
                let sep = if c == 0 { "" } else { ", " };
                let _ = write!(s, r#"{sep}{{"name": "{name}", {}, "required": {not_null}}}"#, TYPES[*ty].1);
            }
            s.push_str("]}}");
            s
        })
        .collect()
}

/// One table with `n` columns.
pub fn wide_table(n: usize) -> String {
    let mut out = String::with_capacity(n * 24 + 200);
    out.push_str("CREATE TABLE wide (\n");
    for c in 0..n {
        let sep = if c + 1 == n { "" } else { "," };
        let _ = writeln!(out, "    col_{c} {}{sep}", TYPES[c % TYPES.len()].0);
    }
    out.push_str(") WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 'wide', type = 'source', format = 'json');\n");
    out
}

/// One table with `n` options (past the five required ones, librdkafka settings through
/// the `connection_properties.` prefix).
pub fn many_options(n: usize) -> String {
    let mut out = String::with_capacity(n * 48 + 200);
    out.push_str("CREATE TABLE opts (id BIGINT) WITH (\n    connector = 'kafka', bootstrap_servers = 'b:9092', topic = 'o', type = 'source', format = 'json'");
    for k in 5..n.max(5) {
        let _ = write!(
            out,
            ",\n    'connection_properties.setting.{k}' = 'value-{k}'"
        );
    }
    out.push_str("\n);\n");
    out
}

/// A JSON Schema object with `n` properties of mixed scalar types (one Arrow field each, so
/// 100,000 properties stay within the expander's field limit).
pub fn json_schema_properties(n: usize) -> String {
    let kinds = [
        r#"{"type": "string"}"#,
        r#"{"type": "integer"}"#,
        r#"{"type": "number"}"#,
        r#"{"type": "boolean"}"#,
        r#"{"type": "string", "format": "date-time"}"#,
        r#"{"type": "string", "format": "date"}"#,
    ];
    let mut out = String::with_capacity(n * 48 + 100);
    out.push_str(r#"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"#);
    for p in 0..n {
        let sep = if p == 0 { "" } else { "," };
        let _ = write!(out, "{sep}\n  \"p{p}\": {}", kinds[p % kinds.len()]);
    }
    out.push_str("\n}}\n");
    out
}

/// Least-squares slope of log(time) over log(size): the fitted exponent.
pub fn fitted_exponent(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let (sx, sy, sxx, sxy) = points
        .iter()
        .fold((0.0, 0.0, 0.0, 0.0), |(a, b, c, d), &(x, y)| {
            let (lx, ly) = (x.ln(), y.ln());
            (a + lx, b + ly, c + lx * lx, d + lx * ly)
        });
    (n * sxy - sx * sy) / (n * sxx - sx * sx)
}
