//! A document through the editor services: opened, asked at offsets, edited, and its
//! diagnostics compared with `compile_sql` of the same text (codes and spans; messages may
//! differ only in masking, see `ide::Document`).
#![no_main]

use connector_ddl::{compile_sql, ide, Env, Registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first four bytes place an edit; the rest is the document.
    let (Some(head), Some(rest)) = (data.get(..4), data.get(4..)) else {
        return;
    };
    let Some(text) = connector_ddl_fuzz::text(rest) else {
        return;
    };
    let registry = Registry::builtin();
    let env = Env::new(&registry);
    let mut doc = ide::Document::new(text, &env);
    let len = text.len().max(1);
    let at = |b: u8| usize::from(b) * len / 255;
    for &b in head {
        let offset = at(b);
        let _ = ide::completions(&doc, offset, &env);
        let _ = ide::hover(&doc, offset, &env);
        let _ = ide::definition(&doc, offset);
        let _ = ide::code_actions(&doc, connector_ddl::span::Span::new(offset, offset));
    }
    let _ = ide::document_symbols(&doc);
    let (start, end) = (at(head[0]), at(head[1]));
    let replacement = match head[2] % 6 {
        0 => "",
        1 => "'",
        2 => ";",
        3 => "x",
        4 => "\n",
        _ => "😀",
    };
    doc.edit(start.min(end), start.max(end), replacement, &env);
    let whole = compile_sql(doc.text(), &env);
    let key = |d: &connector_ddl::Diagnostic| (d.code.as_str(), d.span, d.severity);
    let mine: Vec<_> = doc.diagnostics().iter().map(key).collect();
    let theirs: Vec<_> = whole.diagnostics.iter().map(key).collect();
    assert_eq!(mine, theirs, "document and compile_sql disagree");
});
