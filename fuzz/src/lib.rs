//! What every fuzz target checks after a compile: each renderer runs on the result (human,
//! coloured and plain, the JSON diagnostics, the JSON tables, the text summary and the
//! DDL), and what they produce stays proportionate to the input. A panic anywhere, or a
//! bound broken, is a finding.

use connector_ddl::diagnostics::JsonDiagnostic;
use connector_ddl::schema::expand::{Expansion, SchemaError};
use connector_ddl::span::LineIndex;
use connector_ddl::Compiled;

/// Output above this is allowed only when the input is large too (issue #9: output
/// ≤ 50 MB unless the input is).
const OUTPUT_FLOOR: usize = 50 << 20;

/// Bytes of output allowed per byte of input, above [`OUTPUT_FLOOR`].
const OUTPUT_PER_INPUT_BYTE: usize = 200;

/// The input as text: libFuzzer hands over bytes, the library takes `&str`.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

fn bounded(what: &str, input: &str, output: usize) {
    let cap = OUTPUT_FLOOR.max(input.len().saturating_mul(OUTPUT_PER_INPUT_BYTE));
    assert!(
        output <= cap,
        "{what}: {output} bytes of output for {} bytes of input",
        input.len()
    );
}

/// Renders `out` (the compile of `source`) every way a user can see it and checks the
/// sizes: diagnostics at most one per input byte (plus a few for an empty script), and
/// every rendering within the output bound.
pub fn check_compiled(source: &str, out: &Compiled) {
    assert!(
        out.diagnostics.len() <= source.len() + 8,
        "{} diagnostics for {} bytes",
        out.diagnostics.len(),
        source.len()
    );
    let human = out.render_human("fuzz.sql", false);
    bounded("human diagnostics", source, human.len());
    let colored = out.render_diagnostics("fuzz.sql", true);
    bounded("coloured diagnostics", source, colored.len());
    let index = LineIndex::new(source);
    let mut json = 0;
    for d in &out.diagnostics {
        let j = JsonDiagnostic::new(d, &index);
        json += serde_json::to_string(&j).map_or(0, |s| s.len());
    }
    bounded("JSON diagnostics", source, json);
    let mut tables = 0;
    for t in &out.tables {
        tables += serde_json::to_string(t).map_or(0, |s| s.len());
        tables += connector_ddl::text::summary(t).len();
        tables += connector_ddl::text::to_ddl(t).len();
    }
    bounded("tables", source, tables);
}

/// Checks what a schema expander returned for `text`.
pub fn check_expansion(text: &str, result: &Result<Expansion, SchemaError>) {
    match result {
        Ok(e) => {
            let shown = format!("{:?}", e.fields);
            bounded("expanded fields", text, shown.len());
            assert!(e.notes.len() <= text.len() + 8, "{} notes", e.notes.len());
        }
        Err(e) => {
            bounded(
                "schema error",
                text,
                e.message.len() + e.help.as_ref().map_or(0, String::len),
            );
        }
    }
}
