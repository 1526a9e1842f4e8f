//! The generated reference documents must match the code.

use connector_ddl::docs::{connectors_markdown, diagnostics_markdown, type_mapping_markdown};
use connector_ddl::Registry;

fn check(name: &str, fresh: &str) {
    let path = format!("{}/docs/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, fresh).expect("write docs");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/{name} is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn diagnostics_md_is_current() {
    check("diagnostics.md", &diagnostics_markdown());
}

#[test]
fn connectors_md_is_current() {
    check("connectors.md", &connectors_markdown(&Registry::builtin()));
}

#[test]
fn type_mapping_md_is_current() {
    check("type-mapping.md", &type_mapping_markdown());
}
