//! The bundled examples (`examples/sql/*.sql`, schemas in `examples/schemas/`) compile
//! without errors, so the README's commands keep working.

use connector_ddl::schema::definition::MemorySchemas;
use connector_ddl::{compile_sql, Env, Registry};

#[test]
fn bundled_examples_compile() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut schemas = MemorySchemas::default();
    for entry in std::fs::read_dir(root.join("schemas")).expect("examples/schemas reads") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("schema reads");
        let name = path
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        let stem = path
            .file_stem()
            .expect("file stem")
            .to_string_lossy()
            .into_owned();
        schemas.subjects.insert(stem, text.clone());
        schemas.files.insert(name, text);
    }
    let registry = Registry::builtin();
    let env = Env::new(&registry).with_schemas(&schemas);
    let mut compiled = 0;
    for entry in std::fs::read_dir(root.join("sql")).expect("examples/sql reads") {
        let path = entry.expect("entry").path();
        let sql = std::fs::read_to_string(&path).expect("example reads");
        let out = compile_sql(&sql, &env);
        assert!(
            !out.has_errors(),
            "{}: {:#?}",
            path.display(),
            out.diagnostics
        );
        assert!(!out.tables.is_empty(), "{}: no tables", path.display());
        compiled += 1;
    }
    assert!(compiled >= 3);
}
