//! Issue #11's targets for the language server, on a document of 5,000 generated Kafka
//! tables (~3 MB, `support/gen.rs`), driving the server's handlers in-process (the
//! example's `server` module, included): a one-character edit until the whole document's
//! `publishDiagnostics` notification is built (≤ 20 ms); a completion (≤ 5 ms); opening
//! the document (≤ `compile_sql` on the same text, measured beside it).
//!
//! `cargo bench --bench lsp` (release). `docs/performance.md` ("Language server") reports
//! the figures.

#[path = "support/gen.rs"]
mod gen;
#[path = "../examples/ddl-lsp/server/mod.rs"]
#[allow(dead_code, unused_imports)] // the binary uses the rest
mod server;

use std::hint::black_box;
use std::time::Duration;

use connector_ddl::{compile_sql, Env, Registry};
use criterion::{criterion_group, criterion_main, Criterion};
use lsp_server::{Notification, Request, RequestId};
use serde_json::json;
use server::{Lines, Origins, Server};

const TABLES: usize = 5_000;
const URI: &str = "file:///bench/tables.sql";

/// The LSP position of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> serde_json::Value {
    let p = Lines::new(text).position(text, offset);
    json!({"line": p.line, "character": p.character})
}

fn bench(c: &mut Criterion) {
    let script = gen::kafka_script(TABLES);
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let compiled = compile_sql(&script, &env);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics.first());
    assert_eq!(compiled.tables.len(), TABLES);

    let open = || {
        Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": URI, "languageId": "sql", "version": 1, "text": script}}),
        )
    };
    let mut server = Server::new(env, Origins::default());
    let published = server.handle_notification(open());
    assert!(published.is_some_and(|n| n.params["diagnostics"] == json!([])));

    // Places in the middle table: the start of its `topic` key (an option key, and where
    // the edit types) and inside its `type` value's quotes (an enum value).
    let middle = script
        .find(&format!("CREATE TABLE t_{}_", TABLES / 2))
        .expect("the middle table");
    let after = |needle: &str| middle + script[middle..].find(needle).expect(needle);
    let key = position(&script, after("    topic = ") + 4);
    let value = position(&script, after("    type = '") + "    type = '".len());

    let mut g = c.benchmark_group("lsp_5k_tables");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    let env = Env::new(&registry);
    g.bench_function("compile_sql", |b| {
        b.iter(|| compile_sql(black_box(&script), &env).tables.len())
    });
    // Opening in a server that has no document yet: the whole compile, the line index and
    // the publication. The server and its document are dropped inside the timing, as
    // `compile_sql`'s result is above (held until after it, opening measured 1.7×
    // `compile_sql` instead of 1.2×).
    g.bench_function("open", |b| {
        b.iter_batched(
            || (Server::new(Env::new(&registry), Origins::default()), open()),
            |(mut server, n)| server.handle_notification(n).is_some(),
            criterion::BatchSize::PerIteration,
        )
    });

    // One character typed into the middle table's `topic` key (an unknown option), then
    // taken out again (no diagnostic): every iteration is a one-character edit and the
    // diagnostics of all 5,000 tables.
    let edit = |version: i32| {
        let change = if version % 2 == 0 {
            json!({"range": {"start": key, "end": key}, "text": "x"})
        } else {
            let end =
                json!({"line": key["line"], "character": key["character"].as_u64().map(|c| c + 1)});
            json!({"range": {"start": key, "end": end}, "text": ""})
        };
        Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}),
        )
    };
    let diagnostics =
        |n: Option<Notification>| n.and_then(|n| n.params["diagnostics"].as_array().map(Vec::len));
    assert!(diagnostics(server.handle_notification(edit(2))) > Some(0));
    assert_eq!(diagnostics(server.handle_notification(edit(3))), Some(0));
    let mut version = 3;
    g.bench_function("edit_to_publish", |b| {
        b.iter(|| {
            version += 1;
            server.handle_notification(edit(version))
        })
    });

    let mut id = 0;
    for (name, at) in [("complete_key", &key), ("complete_value", &value)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                id += 1;
                let req = Request::new(
                    RequestId::from(id),
                    "textDocument/completion".into(),
                    json!({"textDocument": {"uri": URI}, "position": at}),
                );
                server.handle_request(req)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
