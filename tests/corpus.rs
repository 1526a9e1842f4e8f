//! Every real-world schema in `tests/corpus/` expands without a panic: into fields, or
//! into a diagnostic. The summary (file → field count and warning count, or the error
//! code) is snapshotted, so a change in coverage shows up in review.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use connector_ddl::schema::avro::expand_avro;
use connector_ddl::schema::expand::{Expansion, SchemaError};
use connector_ddl::schema::json_schema::expand_json_schema;
use connector_ddl::schema::protobuf::expand_protobuf;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("corpus dir reads") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn line(out: &mut String, name: &str, r: Result<&Expansion, &SchemaError>) {
    let _ = match r {
        Ok(e) => writeln!(
            out,
            "{name}: {} fields, {} warnings",
            e.fields.len(),
            e.notes.len()
        ),
        Err(e) => writeln!(out, "{name}: {}", e.code),
    };
}

#[test]
fn avro_corpus() {
    let root = corpus().join("avro");
    let mut out = String::new();
    for f in files(&root, "avsc") {
        let text = std::fs::read_to_string(&f).expect("reads");
        let name = f
            .strip_prefix(&root)
            .expect("under root")
            .display()
            .to_string();
        line(&mut out, &name, expand_avro(&text).as_ref());
    }
    insta::assert_snapshot!(out);
}

#[test]
fn json_schema_corpus() {
    let root = corpus().join("json-schema");
    let mut out = String::new();
    for f in files(&root, "json") {
        let text = std::fs::read_to_string(&f).expect("reads");
        let name = f
            .strip_prefix(&root)
            .expect("under root")
            .display()
            .to_string();
        line(&mut out, &name, expand_json_schema(&text).as_ref());
    }
    insta::assert_snapshot!(out);
}

#[test]
fn protobuf_corpus() {
    let root = corpus().join("proto");
    let import = |path: &str| -> Result<Option<String>, String> {
        match std::fs::read_to_string(root.join(path)) {
            Ok(t) => Ok(Some(t)),
            Err(_) => Ok(None),
        }
    };
    let mut out = String::new();
    for f in files(&root, "proto") {
        let text = std::fs::read_to_string(&f).expect("reads");
        let name = f
            .strip_prefix(&root)
            .expect("under root")
            .display()
            .to_string();
        // Without a message name the expander picks the file's only top-level message, or
        // says which ones exist; expand the first of those in that case.
        let first = expand_protobuf(&name, &text, &import, None);
        let result = match &first {
            Err(e) if e.code.as_str() == "option::missing" => {
                let pick = e
                    .help
                    .as_deref()
                    .and_then(|h| h.split('`').nth(3))
                    .map(str::to_string);
                match pick {
                    Some(m) => expand_protobuf(&name, &text, &import, Some(&m))
                        .map(|p| (Some(m), p.expansion)),
                    None => Err(e.clone()),
                }
            }
            Ok(p) => Ok((None, p.expansion.clone())),
            Err(e) => Err(e.clone()),
        };
        match &result {
            Ok((Some(m), e)) => line(&mut out, &format!("{name} ({m})"), Ok(e)),
            Ok((None, e)) => line(&mut out, &name, Ok(e)),
            Err(e) => line(&mut out, &name, Err(e)),
        }
    }
    insta::assert_snapshot!(out);
}
