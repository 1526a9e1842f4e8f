//! Issue #10's side-by-side run on one generated script of 10,000 Kafka tables (~6 MB;
//! 5–20 columns, 8–12 options, json/avro/debezium_json): sqlparser's tokenizer alone (the
//! floor), sqlparser `Parser::parse_sql`, our `check_syntax` (the front end) and
//! `compile_sql` (everything), and `compile_request` on the same tables as JSON requests.
//!
//! `cargo bench --bench script` (about a minute and a half on 2 cores). Ratios against
//! `parse_sql` are what `docs/performance.md` reports.

#[path = "support/gen.rs"]
mod gen;

use std::hint::black_box;
use std::time::Duration;

use connector_ddl::profile::ProfileDocument;
use connector_ddl::{check_syntax, compile_request, compile_sql, compile_sql_with, Env, Registry};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Tokenizer;

const TABLES: usize = 10_000;

/// The profile the requests name (requests carry no broker list of their own).
const PROFILES: &str = r#"[{"id": "cp_bench", "name": "bench-kafka", "connector": "kafka",
  "config": {"bootstrap_servers": "broker-0.internal:9092"}}]"#;

fn bench(c: &mut Criterion) {
    let script = gen::kafka_script(TABLES);
    let requests = gen::kafka_requests(TABLES);
    let registry = Registry::builtin();
    let profiles = ProfileDocument::parse("bench.json", PROFILES).expect("bench profiles parse");
    let env = Env::new(&registry).with_profiles(profiles.profiles());

    // Every input must go through cleanly, or the run would time the error path.
    let dialect = GenericDialect {};
    assert_eq!(
        Parser::parse_sql(&dialect, &script).map(|v| v.len()).ok(),
        Some(TABLES)
    );
    let compiled = compile_sql(&script, &env);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics.first());
    assert_eq!(compiled.tables.len(), TABLES);
    for r in &requests {
        let out = compile_request(r, &env);
        assert!(!out.has_errors(), "{r}\n{:?}", out.diagnostics.first());
    }

    let mut g = c.benchmark_group("script_10k");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(script.len() as u64));
    g.bench_function("sqlparser_tokenize", |b| {
        b.iter(|| {
            Tokenizer::new(&dialect, black_box(&script))
                .tokenize()
                .map(|t| t.len())
                .unwrap_or(0)
        })
    });
    g.bench_function("sqlparser_parse_sql", |b| {
        b.iter(|| {
            Parser::parse_sql(&dialect, black_box(&script))
                .map(|v| v.len())
                .unwrap_or(0)
        })
    });
    g.bench_function("check_syntax", |b| {
        b.iter(|| check_syntax(black_box(&script), &registry).len())
    });
    g.bench_function("compile_sql", |b| {
        b.iter(|| compile_sql(black_box(&script), &env).tables.len())
    });
    // The streaming compile, each table dropped as it comes (what `ddlc` does, less the
    // writing).
    g.bench_function("compile_sql_with", |b| {
        b.iter(|| {
            let mut n = 0;
            compile_sql_with(black_box(&script), &env, |_| n += 1);
            n
        })
    });
    g.bench_function("compile_request_x10k", |b| {
        b.iter(|| {
            requests
                .iter()
                .map(|r| compile_request(black_box(r), &env).tables.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
