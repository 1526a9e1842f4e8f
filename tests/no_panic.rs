//! "No panic, bounded output" (issue #9), the stable part of what `fuzz/` explores: inputs
//! made by mutating the test suite's own cases (SQL scripts, JSON requests, the profiles
//! file, Avro, Protobuf and JSON Schema texts) go through the public entry points, and
//! every way of showing the result runs. A panic fails the test; so does output out of
//! proportion to the input, or more diagnostics than the input has bytes.
//!
//! Seeded and bounded so that it runs in CI in seconds: a fixed number of cases per entry
//! point, small inputs. The fuzz targets run the same checks for longer.

use std::path::{Path, PathBuf};

use connector_ddl::diagnostics::JsonDiagnostic;
use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::schema::avro::expand_avro;
use connector_ddl::schema::expand::{Expansion, SchemaError};
use connector_ddl::schema::json_schema::expand_json_schema;
use connector_ddl::schema::protobuf::expand_protobuf;
use connector_ddl::span::LineIndex;
use connector_ddl::{check_syntax, compile_request, compile_sql, Compiled, Env, Registry};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Output allowed: this many bytes per input byte, plus a constant for tiny inputs.
const PER_INPUT_BYTE: usize = 256;
const OUTPUT_FLOOR: usize = 256 << 10;

fn bound(input: &str) -> usize {
    OUTPUT_FLOOR + PER_INPUT_BYTE * input.len()
}

/// Every output of a compile: human (plain and coloured), JSON diagnostics, the tables as
/// JSON, text and DDL. Checks the sizes and the diagnostic count.
fn check_compiled(what: &str, input: &str, out: &Compiled) {
    assert!(
        out.diagnostics.len() <= input.len() + 8,
        "{what}: {} diagnostics for {} bytes",
        out.diagnostics.len(),
        input.len()
    );
    let index = LineIndex::new(input);
    let mut size = out.render_human("input", false).len();
    size += out.render_diagnostics("input", true).len();
    for d in &out.diagnostics {
        assert!(
            d.span.is_detached() || d.span.end <= input.len(),
            "{what}: span {:?}",
            d.span
        );
        size += serde_json::to_string(&JsonDiagnostic::new(d, &index)).map_or(0, |s| s.len());
    }
    for t in &out.tables {
        size += serde_json::to_string(t).map_or(0, |s| s.len());
        size += connector_ddl::text::summary(t).len();
        size += connector_ddl::text::to_ddl(t).len();
    }
    assert!(
        size <= bound(input),
        "{what}: {size} bytes of output for {} bytes of input",
        input.len()
    );
}

fn check_expansion(what: &str, input: &str, result: &Result<Expansion, SchemaError>) {
    let size = match result {
        Ok(e) => {
            assert!(
                e.notes.len() <= input.len() + 8,
                "{what}: {} notes",
                e.notes.len()
            );
            format!("{:?}{:?}", e.fields, e.notes).len()
        }
        Err(e) => e.message.len() + e.help.as_ref().map_or(0, String::len),
    };
    assert!(
        size <= bound(input),
        "{what}: {size} bytes for {} bytes",
        input.len()
    );
}

/// Files under `tests/<dir>` ending in `ext`, sorted, at most `limit` of them spread
/// over the list, and none over 16 KiB (mutations of small cases find as much).
fn seeds(dir: &str, ext: &str, limit: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(ext) {
                files.push(p);
            }
        }
    }
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| t.len() <= 16 << 10)
        .collect();
    let step = (texts.len() / limit.max(1)).max(1);
    texts.into_iter().step_by(step).take(limit).collect()
}

/// Pieces a mutation inserts: the punctuation, quotes, keywords and shapes that the
/// grammars turn on.
const PIECES: &[&str] = &[
    "'",
    "\"",
    "`",
    "(",
    ")",
    "<",
    ">",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    "=",
    ":",
    ".",
    "-",
    "--",
    "/*",
    "*/",
    "\\",
    "\n",
    "\r",
    "\r\n",
    "\t",
    " ",
    "\u{0}",
    "\u{1b}[2J",
    "\u{feff}",
    "é",
    "😀",
    "\u{202e}",
    "$$",
    "{{ VAR }}",
    "NULL",
    "NOT NULL",
    "PRIMARY KEY",
    "WATERMARK FOR",
    "AS",
    "METADATA FROM",
    "GENERATED ALWAYS AS",
    "STRUCT<",
    "MAP<",
    "ARRAY<",
    "[]",
    "INT",
    "TEXT",
    "TIMESTAMP",
    "DECIMAL(99, 99)",
    "CREATE TABLE ",
    "CREATE TEMPORARY TABLE ",
    "WITH (",
    "connector = 'kafka'",
    "format = 'avro'",
    "type = 'source'",
    "password = 'x'",
    "\"type\": \"record\"",
    "\"$ref\": \"#\"",
    "\"items\": ",
    "message M { ",
    "}",
    "repeated ",
    "import \"1.proto\";",
    "oneof o { ",
    "999999999999999999999",
    "-1",
    "1e400",
    "0x",
    "https://user:pass@host/?token=t",
];

#[derive(Clone, Debug)]
enum Edit {
    /// Delete `len` bytes at a position (as a fraction of the text).
    Delete(f64, usize),
    /// Insert one of [`PIECES`].
    Insert(f64, usize),
    /// Repeat the `len` bytes at a position `times` times.
    Repeat(f64, usize, usize),
    /// Cut the text there.
    Truncate(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (0.0..1.0f64, 1..16usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        4 => (0.0..1.0f64, 0..PIECES.len()).prop_map(|(at, p)| Edit::Insert(at, p)),
        2 => (0.0..1.0f64, 1..24usize, 2..40usize).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
        1 => (0.0..1.0f64).prop_map(Edit::Truncate),
    ]
}

/// The char boundary nearest below `at` (a fraction of `text`'s length).
fn boundary(text: &str, at: f64) -> usize {
    // Truncation toward zero is the point: a position inside the text.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn mutate(seed: &str, edits: &[Edit]) -> String {
    let mut text = seed.to_string();
    for e in edits {
        match *e {
            Edit::Delete(at, n) => {
                let i = boundary(&text, at);
                let j = ceil_boundary(&text, i + n);
                text.replace_range(i..j, "");
            }
            Edit::Insert(at, p) => {
                let i = boundary(&text, at);
                text.insert_str(i, PIECES.get(p).copied().unwrap_or(""));
            }
            Edit::Repeat(at, n, k) => {
                let i = boundary(&text, at);
                let j = ceil_boundary(&text, i + n);
                let piece = text[i..j].repeat(k);
                text.insert_str(j, &piece);
            }
            Edit::Truncate(at) => {
                let i = boundary(&text, at);
                text.truncate(i);
            }
        }
    }
    text
}

/// Runs `check` on `cases` mutations of the seeds, reproducibly.
fn run(seeds: &[String], cases: u32, check: impl Fn(&str)) {
    assert!(!seeds.is_empty(), "no seeds");
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[9; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let strategy = (0..seeds.len(), prop::collection::vec(edit(), 0..6));
    let result = runner.run(&strategy, |(seed, edits)| {
        let text = mutate(&seeds[seed], &edits);
        check(&text);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn mutated_scripts_neither_panic_nor_flood() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    run(&seeds("ddl", ".sql", 120), 400, |sql| {
        let out = compile_sql(sql, &env);
        check_compiled("script", sql, &out);
        let syntax = check_syntax(sql, &registry);
        assert!(syntax.len() <= sql.len() + 8);
    });
}

#[test]
fn mutated_requests_neither_panic_nor_flood() {
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    run(&seeds("requests", ".json", 60), 200, |json| {
        let out = compile_request(json, &env);
        check_compiled("request", json, &out);
    });
}

#[test]
fn mutated_profiles_neither_panic_nor_flood() {
    let registry = Registry::builtin();
    let script = seeds("ddl", ".sql", 400)
        .into_iter()
        .filter(|s| s.contains("connection_profile"))
        .collect::<Vec<_>>()
        .join("\n");
    run(&seeds("fixtures", "profiles.json", 1), 150, |file| {
        let Ok(list) = serde_json::from_str::<Vec<ConnectionProfile>>(file) else {
            return;
        };
        let profiles = Profiles(list);
        let env = Env::new(&registry).with_profiles(&profiles);
        let out = compile_sql(&script, &env);
        check_compiled("profiles", &format!("{file}{script}"), &out);
    });
}

#[test]
fn mutated_schemas_neither_panic_nor_flood() {
    run(&seeds("corpus/avro", ".avsc", 30), 150, |text| {
        check_expansion("avro", text, &expand_avro(text));
    });
    run(&seeds("corpus/json-schema", ".json", 30), 150, |text| {
        check_expansion("json schema", text, &expand_json_schema(text));
    });
    let no_imports = |_: &str| -> Result<Option<String>, String> { Ok(None) };
    run(&seeds("corpus/proto", ".proto", 30), 150, |text| {
        let result = expand_protobuf("schema.proto", text, &no_imports, None).map(|p| p.expansion);
        check_expansion("protobuf", text, &result);
    });
}
