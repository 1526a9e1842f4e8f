//! Speed of the front end and of the whole compiler, against sqlparser's own
//! `Parser::parse_sql` on the same statements (the floor we aim to stay at or above).
//!
//! `cargo bench --bench compile`

use std::hint::black_box;

use connector_ddl::check_syntax;
use connector_ddl::{compile_sql, Env, Registry};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;

/// Statements of the shape `reference/crates.md` §5 measured sqlparser with (about 400
/// bytes each), written so that sqlparser's generic dialect also accepts them.
fn statements(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!(
                "CREATE TABLE orders_{i} (id BIGINT NOT NULL, customer_{i} VARCHAR, amount DECIMAL(10,2), \
                 ts TIMESTAMP(3), tags TEXT, PRIMARY KEY (id)) WITH (connector = 'kafka', topic = 'orders_{i}', \
                 format = 'json', bootstrap_servers = 'broker-{i}:9092', 'source.offset' = 'latest', \
                 'source.group_id' = 'g{i}', type = 'source', 'json.timestamp_format' = 'unix_millis', \
                 'json.decimal_encoding' = 'string', idle_micros = {i})"
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let stmts = statements(1000);
    let bytes: usize = stmts.iter().map(String::len).sum();
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    // Every statement must compile, or the bench would measure the error path.
    assert!(stmts.iter().all(|s| !compile_sql(s, &env).has_errors()));

    let mut g = c.benchmark_group("create_table_x1000");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("sqlparser_parse_sql", |b| {
        let d = GenericDialect {};
        b.iter(|| {
            stmts
                .iter()
                .map(|s| {
                    Parser::parse_sql(&d, black_box(s))
                        .map(|v| v.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.bench_function("check_syntax", |b| {
        b.iter(|| {
            stmts
                .iter()
                .map(|s| check_syntax(black_box(s), &registry).len())
                .sum::<usize>()
        })
    });
    g.bench_function("compile_sql", |b| {
        b.iter(|| {
            stmts
                .iter()
                .map(|s| compile_sql(black_box(s), &env).tables.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
