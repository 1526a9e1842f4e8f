//! Scaling and peak heap (issue #10), by hand: each input grows by 10× steps and the time
//! (best of a few runs) is fitted to `time ∝ size^k` by least squares on a log-log scale;
//! `k` near 1 is linear. A counting global allocator gives the peak heap of each run.
//!
//! `cargo run --release --example scaling` (all; a few minutes on 2 cores), or name what to
//! run: `tables`, `columns`, `options`, `json_schema`, `peak` (the 10,000-table script's
//! peak heap against its size); `script N` prints the script of N tables; `once options|
//! columns|tables N` compiles one input once (for callgrind).

#[path = "../benches/support/counting.rs"]
mod counting;
#[path = "../benches/support/gen.rs"]
mod gen;

use std::time::Instant;

use connector_ddl::schema::json_schema::expand_json_schema;
use connector_ddl::{compile_sql, compile_sql_with, Env, Registry};

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

/// Runs `f` a few times: best time in seconds, and the heap it added at its peak.
fn measure(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut peak = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let (_, added) = counting::peak_during(|| std::hint::black_box(f()));
        best = best.min(t.elapsed().as_secs_f64());
        peak = peak.max(added);
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
    // target/release/examples/scaling json_corpus expand|serde|none` (and `proto_corpus`).
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
    // `proto_corpus expand|protox|none`: the Protobuf corpus 5 times through the expander,
    // or through protox's compile alone, or neither (the baseline), for callgrind.
    if what.iter().any(|a| a == "proto_corpus") {
        proto_corpus(what.get(1).map_or("expand", String::as_str));
        return;
    }
    // `scaling script N > FILE`: the bench's script of N Kafka tables, for `ddlc` runs
    // (about 680 bytes a table: 74,000 tables are 50 MB).
    if what.first().is_some_and(|a| a == "script") {
        let n = what.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
        print!("{}", gen::kafka_script(n));
        return;
    }
    // `scaling once options N`: one compile of the table with N options, for callgrind
    // (`--toggle-collect='*compile_sql*'` counts the compile alone).
    if what.first().is_some_and(|a| a == "once") {
        let n = what.get(2).and_then(|n| n.parse().ok()).unwrap_or(10_000);
        let text = match what.get(1).map(String::as_str) {
            Some("columns") => gen::wide_table(n),
            Some("tables") => gen::kafka_script(n),
            _ => gen::many_options(n),
        };
        // `once parse_sql|gen N`: sqlparser's `parse_sql` on the script of N tables, or only
        // generating it (the baseline to subtract).
        if what.get(1).is_some_and(|w| w == "parse_sql" || w == "gen") {
            let text = gen::kafka_script(n);
            if what.get(1).is_some_and(|w| w == "parse_sql") {
                let dialect = sqlparser::dialect::GenericDialect {};
                let parsed = sqlparser::parser::Parser::parse_sql(&dialect, &text);
                println!("{} statements", parsed.map_or(0, |v| v.len()));
            }
            return;
        }
        // `once streamed N`: the script of N tables through `compile_sql_with`.
        if what.get(1).is_some_and(|w| w == "streamed") {
            let text = gen::kafka_script(n);
            let mut count = 0;
            compile_sql_with(&text, &env, |_| count += 1);
            println!("{count} tables");
            return;
        }
        println!("{} tables", compile(&text));
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
        // As `ddlc` does: each table written out as JSON (here: measured and dropped) as
        // soon as it compiles.
        let streamed = |text: &str| {
            let mut bytes = 0;
            let out = compile_sql_with(text, &env, |t| {
                bytes += serde_json::to_string(&t).map_or(0, |j| j.len());
            });
            assert!(!out.has_errors(), "{:?}", out.diagnostics.first());
            bytes
        };
        let (t, peak) = measure(3, || streamed(&script));
        println!(
            "compile_sql_with, 10,000 tables, each written as JSON: {:.1} ms, peak heap {} bytes ({:.2}x the input)",
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
    // `json_schema N`: one expansion of an object with N properties, for callgrind (the
    // per-property instruction counts at two sizes say whether the work is linear).
    if let (Some("json_schema"), Some(n)) = (
        what.first().map(String::as_str),
        what.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) {
        let text = gen::json_schema_properties(n);
        let fields = expand_json_schema(&text)
            .map(|e| e.fields.len())
            .unwrap_or_else(|e| panic!("{e:?}"));
        println!("json_schema {n}: {} bytes, {fields} fields", text.len());
        return;
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

fn proto_corpus(mode: &str) {
    use connector_ddl::schema::protobuf::expand_protobuf;
    use protox::file::{ChainFileResolver, GoogleFileResolver, IncludeFileResolver};

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/proto");
    let import = |path: &str| -> Result<Option<String>, String> {
        Ok(std::fs::read_to_string(root.join(path)).ok())
    };
    let protox_compile = |name: &str| -> Option<usize> {
        let mut resolver = ChainFileResolver::new();
        resolver.add(GoogleFileResolver::new());
        resolver.add(IncludeFileResolver::new(root.clone()));
        let mut compiler = protox::Compiler::with_file_resolver(resolver);
        compiler.include_imports(true).include_source_info(false);
        compiler.open_file(name).ok()?;
        Some(compiler.descriptor_pool().all_messages().len())
    };
    // The files both sides accept, with the message to expand (as in benches/expanders.rs).
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus dir reads").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "proto") {
                let name = p
                    .strip_prefix(&root)
                    .expect("under root")
                    .display()
                    .to_string();
                let text = std::fs::read_to_string(&p).expect("corpus file reads");
                let pick = match expand_protobuf(&name, &text, &import, None) {
                    Ok(_) => None,
                    Err(e) if e.code.as_str() == "option::missing" => {
                        let m = e.help.as_deref().and_then(|h| h.split('`').nth(3));
                        match m.map(str::to_string) {
                            Some(m) if expand_protobuf(&name, &text, &import, Some(&m)).is_ok() => {
                                Some(m)
                            }
                            _ => continue,
                        }
                    }
                    Err(_) => continue,
                };
                if protox_compile(&name).is_some() {
                    files.push((name, text, pick));
                }
            }
        }
    }
    let rounds = if mode == "none" { 0 } else { 5 };
    let mut total = 0;
    for _ in 0..rounds {
        for (name, text, pick) in &files {
            total += match mode {
                "protox" => protox_compile(name).unwrap_or(0),
                _ => expand_protobuf(name, text, &import, pick.as_deref())
                    .map(|p| p.expansion.fields.len())
                    .unwrap_or(0),
            };
        }
    }
    println!(
        "proto_corpus {mode}: {} files x{rounds}, total {total}",
        files.len()
    );
}
