//! Each schema expander against what a user would pick instead, on every file of
//! `tests/corpus/` that both sides accept (the time is the sum over those files):
//! - Avro: `arrow-avro` turning the same schema JSON into an Arrow schema (register it in a
//!   `SchemaStore`, build a decoder, take its schema: arrow-avro's public way there);
//! - Protobuf: `protox` compiling the same text (with the same imports) into a descriptor
//!   pool, and nothing else;
//! - JSON Schema: `serde_json` parsing the same text into a `Value`.
//!
//! `cargo bench --bench expanders` (about a minute on 2 cores).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use connector_ddl::schema::avro::expand_avro;
use connector_ddl::schema::json_schema::expand_json_schema;
use connector_ddl::schema::protobuf::expand_protobuf;
use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

fn corpus(dir: &str, ext: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(dir);
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("corpus dir reads").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == ext) {
                let name = p
                    .strip_prefix(&root)
                    .expect("under root")
                    .display()
                    .to_string();
                out.push((
                    name,
                    std::fs::read_to_string(&p).expect("corpus file reads"),
                ));
            }
        }
    }
    out.sort();
    out
}

fn group<'a>(c: &'a mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Bytes(bytes as u64));
    g
}

fn arrow_avro_schema(text: &str) -> Option<usize> {
    use arrow_avro::reader::ReaderBuilder;
    use arrow_avro::schema::{AvroSchema, SchemaStore};
    let mut store = SchemaStore::new();
    let fp = store.register(AvroSchema::new(text.to_string())).ok()?;
    let decoder = ReaderBuilder::new()
        .with_writer_schema_store(store)
        .with_active_fingerprint(fp)
        .build_decoder()
        .ok()?;
    Some(decoder.schema().fields().len())
}

fn avro(c: &mut Criterion) {
    let files: Vec<_> = corpus("avro", "avsc")
        .into_iter()
        .filter(|(_, t)| expand_avro(t).is_ok() && arrow_avro_schema(t).is_some())
        .collect();
    let bytes = files.iter().map(|(_, t)| t.len()).sum();
    let mut g = group(c, &format!("avro_corpus_{}_files", files.len()), bytes);
    g.bench_function("arrow_avro", |b| {
        b.iter(|| {
            files
                .iter()
                .filter_map(|(_, t)| arrow_avro_schema(black_box(t)))
                .sum::<usize>()
        })
    });
    g.bench_function("expand_avro", |b| {
        b.iter(|| {
            files
                .iter()
                .filter_map(|(_, t)| expand_avro(black_box(t)).ok())
                .map(|e| e.fields.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn proto_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/proto")
}

fn import(path: &str) -> Result<Option<String>, String> {
    Ok(std::fs::read_to_string(proto_root().join(path)).ok())
}

fn protox_compile(name: &str) -> Option<usize> {
    use protox::file::{ChainFileResolver, GoogleFileResolver, IncludeFileResolver};
    let mut resolver = ChainFileResolver::new();
    resolver.add(GoogleFileResolver::new());
    resolver.add(IncludeFileResolver::new(proto_root()));
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true).include_source_info(false);
    compiler.open_file(name).ok()?;
    Some(compiler.descriptor_pool().all_messages().len())
}

fn protobuf(c: &mut Criterion) {
    // Like the corpus test: a file with several top-level messages expands its first one.
    let files: Vec<(String, String, Option<String>)> = corpus("proto", "proto")
        .into_iter()
        .filter_map(|(name, text)| {
            let pick = match expand_protobuf(&name, &text, &import, None) {
                Ok(_) => None,
                Err(e) if e.code.as_str() == "option::missing" => {
                    let m = e.help.as_deref()?.split('`').nth(3)?.to_string();
                    expand_protobuf(&name, &text, &import, Some(&m)).ok()?;
                    Some(m)
                }
                Err(_) => return None,
            };
            protox_compile(&name)?;
            Some((name, text, pick))
        })
        .collect();
    let bytes = files.iter().map(|(_, t, _)| t.len()).sum();
    let mut g = group(c, &format!("protobuf_corpus_{}_files", files.len()), bytes);
    g.bench_function("protox_compile", |b| {
        b.iter(|| {
            files
                .iter()
                .filter_map(|(n, _, _)| protox_compile(black_box(n)))
                .sum::<usize>()
        })
    });
    g.bench_function("expand_protobuf", |b| {
        b.iter(|| {
            files
                .iter()
                .filter_map(|(n, t, m)| {
                    expand_protobuf(n, black_box(t), &import, m.as_deref()).ok()
                })
                .map(|p| p.expansion.fields.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn json_schema(c: &mut Criterion) {
    let files: Vec<_> = corpus("json-schema", "json")
        .into_iter()
        .filter(|(_, t)| expand_json_schema(t).is_ok())
        .collect();
    let bytes = files.iter().map(|(_, t)| t.len()).sum();
    let mut g = group(
        c,
        &format!("json_schema_corpus_{}_files", files.len()),
        bytes,
    );
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            files
                .iter()
                .filter_map(|(_, t)| serde_json::from_str::<serde_json::Value>(black_box(t)).ok())
                .count()
        })
    });
    g.bench_function("expand_json_schema", |b| {
        b.iter(|| {
            files
                .iter()
                .filter_map(|(_, t)| expand_json_schema(black_box(t)).ok())
                .map(|e| e.fields.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, avro, protobuf, json_schema);
criterion_main!(benches);
