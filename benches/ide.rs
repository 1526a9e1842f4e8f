//! Issue #11's editor targets on a document of 5,000 Kafka tables (~3 MB):
//! `Document::new` against `compile_sql` on the same text (target: not slower), a
//! one-character edit followed by the whole document's diagnostics (target ≤ 20 ms), and
//! a completion and a hover (target ≤ 5 ms).
//!
//! `cargo bench --bench ide` (about a minute on 2 cores).
//!
//! For instruction counts (load-independent), `IDE_BENCH_ONCE=gen|compile|open|edit`
//! makes the binary do that once and exit: run it under
//! `valgrind --tool=callgrind` and subtract the `gen` run (making the script) from the
//! others (`edit` opens the document, then makes 100 one-character edits).

#[path = "support/gen.rs"]
mod gen;

use std::hint::black_box;
use std::time::Duration;

use connector_ddl::{compile_sql, ide, Env, Registry};
use criterion::{criterion_group, criterion_main, Criterion};

const TABLES: usize = 5_000;

/// One piece of work, once, for callgrind (see the crate docs).
fn once(what: &str) {
    let script = gen::kafka_script(TABLES);
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    match what {
        "compile" => {
            black_box(compile_sql(&script, &env).tables.len());
        }
        "open" => {
            black_box(
                ide::Document::new(script.as_str(), &env)
                    .diagnostics()
                    .len(),
            );
        }
        "edit" => {
            let mut doc = ide::Document::new(script.as_str(), &env);
            let middle = script.len() / 2;
            let topic = middle + script[middle..].find("topic = '").unwrap_or(0) + 9;
            for _ in 0..100 {
                doc.edit(topic, topic, "x", &env);
                black_box(doc.diagnostics().len());
            }
        }
        _ => {
            black_box(script.len());
        }
    }
}

fn bench(c: &mut Criterion) {
    if let Ok(what) = std::env::var("IDE_BENCH_ONCE") {
        once(&what);
        std::process::exit(0);
    }
    let script = gen::kafka_script(TABLES);
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let compiled = compile_sql(&script, &env);
    assert_eq!(compiled.tables.len(), TABLES);
    let doc = ide::Document::new(script.as_str(), &env);
    assert_eq!(doc.diagnostics(), compiled.diagnostics.as_slice());

    let mut g = c.benchmark_group("ide_5k");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("compile_sql", |b| {
        b.iter(|| compile_sql(black_box(&script), &env).diagnostics.len())
    });
    g.bench_function("document_new", |b| {
        b.iter(|| {
            ide::Document::new(black_box(script.as_str()), &env)
                .diagnostics()
                .len()
        })
    });
    g.finish();

    // The middle table's topic value: each edit types one more character into it, so
    // every edit compiles its statement again (an undo would find it cached).
    let middle = script.len() / 2;
    let topic = middle + script[middle..].find("topic = '").unwrap_or(0) + "topic = '".len();
    let mut doc = ide::Document::new(script.as_str(), &env);
    let key_pos = topic - "topic = '".len();
    let quote = script[..middle].rfind("connector = '").unwrap_or(0) + "connector = '".len();
    let mut g = c.benchmark_group("ide_5k_edit");
    g.sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("edit_one_char_and_diagnostics", |b| {
        b.iter(|| {
            doc.edit(topic, topic, "x", &env);
            black_box(doc.diagnostics().len())
        })
    });
    assert!(doc.diagnostics().is_empty());
    g.bench_function("complete_option_key", |b| {
        b.iter(|| ide::completions(&doc, black_box(key_pos), &env).len())
    });
    g.bench_function("complete_connector", |b| {
        b.iter(|| ide::completions(&doc, black_box(quote), &env).len())
    });
    g.bench_function("hover_option_key", |b| {
        b.iter(|| ide::hover(&doc, black_box(key_pos + 1), &env).is_some())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
