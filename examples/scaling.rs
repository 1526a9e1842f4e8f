//! Scaling and peak heap (issue #10), by hand: each input grows by 10× steps and the time
//! (best of a few runs) is fitted to `time ∝ size^k` by least squares on a log-log scale;
//! `k` near 1 is linear. A counting global allocator gives the peak heap of each run.
//!
//! `cargo run --release --example scaling` (all; a few minutes on 2 cores), or name what to
//! run: `tables`, `columns`, `options`, `json_schema`, `peak` (the 10,000-table script's
//! peak heap against its size).

#[path = "../benches/support/gen.rs"]
mod gen;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use connector_ddl::schema::json_schema::expand_json_schema;
use connector_ddl::{compile_sql, Env, Registry};

/// The system allocator, counting live bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let now = if new_size >= layout.size() {
                LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size()
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed) - (layout.size() - new_size)
            };
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` a few times: best time in seconds, and the heap it added at its peak.
fn measure(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut peak = 0;
    for _ in 0..runs {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
        peak = peak.max(PEAK.load(Relaxed) - base);
    }
    (best, peak)
}

fn series(
    name: &str,
    sizes: &[usize],
    make: impl Fn(usize) -> String,
    run: impl Fn(&str) -> usize,
) {
    println!("\n{name}");
    println!(
        "{:>10} {:>12} {:>12} {:>14} {:>8}",
        "size", "bytes", "time (ms)", "peak heap (B)", "heap/in"
    );
    let mut points = Vec::new();
    for &n in sizes {
        let input = make(n);
        let runs = if input.len() > 4_000_000 { 3 } else { 5 };
        let (t, peak) = measure(runs, || run(&input));
        println!(
            "{n:>10} {:>12} {:>12.3} {peak:>14} {:>8.1}",
            input.len(),
            t * 1e3,
            peak as f64 / input.len() as f64
        );
        points.push((n as f64, t));
    }
    // The smallest sizes are dominated by fixed costs; fit the upper part too.
    let upper = &points[points.len().saturating_sub(3)..];
    println!(
        "fitted exponent: {:.3} (all sizes), {:.3} (largest three)",
        gen::fitted_exponent(&points),
        gen::fitted_exponent(upper)
    );
}

fn main() {
    let what: Vec<String> = std::env::args().skip(1).collect();
    let wants = |w: &str| what.is_empty() || what.iter().any(|a| a == w);
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let compile = |text: &str| {
        let out = compile_sql(text, &env);
        assert!(!out.has_errors(), "{:?}", out.diagnostics.first());
        out.tables.len()
    };
    // Fixed work for instruction counts (stable under load): `valgrind --tool=callgrind
    // target/release/examples/scaling json_corpus expand|serde|none`.
    if what.iter().any(|a| a == "json_corpus") {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/json-schema");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(dir).expect("corpus dir reads").flatten() {
            if entry.path().extension().is_some_and(|e| e == "json") {
                texts.push(std::fs::read_to_string(entry.path()).expect("corpus file reads"));
            }
        }
        // `json_corpus expand`, `json_corpus serde` or `json_corpus none` (the baseline to
        // subtract: reading the files).
        let mode = what.get(1).map_or("expand", String::as_str);
        let rounds = if mode == "none" { 0 } else { 5 };
        let fields: usize = (0..rounds)
            .flat_map(|_| texts.iter())
            .filter(|_| mode == "expand")
            .filter_map(|t| expand_json_schema(t).ok())
            .map(|e| e.fields.len())
            .sum();
        let values = (0..rounds)
            .flat_map(|_| texts.iter())
            .filter(|_| mode == "serde")
            .filter(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())
            .count();
        println!(
            "json_corpus: {} files x5, {fields} fields, {values} values",
            texts.len()
        );
        return;
    }
    if wants("peak") {
        let script = gen::kafka_script(10_000);
        let (t, peak) = measure(3, || compile(&script));
        println!(
            "compile_sql, 10,000 tables: {} bytes in, {:.1} ms, peak heap {} bytes ({:.2}x the input)",
            script.len(),
            t * 1e3,
            peak,
            peak as f64 / script.len() as f64
        );
    }
    if wants("tables") {
        series(
            "tables (compile_sql of a script of n Kafka tables)",
            &[1, 10, 100, 1_000, 10_000, 100_000],
            gen::kafka_script,
            compile,
        );
    }
    if wants("columns") {
        series(
            "columns (compile_sql of one table with n columns)",
            &[10, 100, 1_000, 10_000],
            gen::wide_table,
            compile,
        );
    }
    if wants("options") {
        series(
            "options (compile_sql of one table with n options)",
            &[10, 100, 1_000, 10_000, 100_000],
            gen::many_options,
            compile,
        );
    }
    if wants("json_schema") {
        series(
            "json_schema (expand_json_schema of an object with n properties)",
            &[10, 100, 1_000, 10_000, 100_000],
            gen::json_schema_properties,
            |t| {
                expand_json_schema(t)
                    .map(|e| e.fields.len())
                    .unwrap_or_else(|e| panic!("{e:?}"))
            },
        );
    }
}
