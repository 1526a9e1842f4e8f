use super::{at, env, registry};
use crate::compile::compile_sql;
use crate::ide::Document;

const KAFKA: &str = "connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json'";

fn table(name: &str) -> String {
    format!("CREATE TABLE {name} (id BIGINT, name TEXT) WITH ({KAFKA});\n")
}

/// The document's diagnostics and tables are compile_sql's, field for field.
fn same_as_compile(doc: &Document, env: &crate::compile::Env<'_>) {
    let whole = compile_sql(doc.text(), env);
    assert_eq!(
        doc.diagnostics(),
        whole.diagnostics.as_slice(),
        "{}",
        doc.text()
    );
    let names = |t: &[crate::Table]| t.iter().map(|t| t.name().to_string()).collect::<Vec<_>>();
    assert_eq!(names(doc.tables()), names(&whole.tables), "{}", doc.text());
}

#[test]
fn a_document_reports_what_compile_sql_reports() {
    let r = registry();
    let env = env(&r);
    for text in [
        String::new(),
        table("a") + &table("b"),
        format!("{}CREATE TABLE c (x INT) WITH (connector = 'kafak');\n{}", table("a"), table("b")),
        // Duplicates, IF NOT EXISTS and OR REPLACE cross statements.
        format!("{}{}CREATE TABLE IF NOT EXISTS A (z INT) WITH (connector = 'nope');\nCREATE OR REPLACE TABLE a (q INT);", table("a"), table("b")),
        format!("{}CREATE TABLE a (x INT) WITH (connector = 'bad');", table("a")),
        // Flink's evidence from INSERT INTO.
        "CREATE TABLE f (id INT) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'b:9092', 'format' = 'json');\nINSERT INTO f SELECT 1;\n".to_string(),
        // A syntax error ends only its statement; an open string ends the script.
        format!("{}CREATE TABLE (;\n{}", table("a"), table("b")),
        format!("{}CREATE TABLE x (a INT) WITH (connector = 'kafka, topic = 't');\n{}", table("a"), table("b")),
        "\u{feff}CREATE TABLE é (ü TEXT) WITH (connector = 'kafka');  -- 😀".to_string(),
        // Evidence before the table, which ends in a comment without `;`.
        "INSERT INTO f SELECT * FROM g;\nCREATE TABLE f (id INT) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'b:9092', 'format' = 'json') -- last".to_string(),
        // RisingWave's form, and a memory table.
        "CREATE SOURCE s (id INT) WITH (connector = 'kafka', topic = 't', properties.bootstrap.server = 'b:9092') FORMAT PLAIN ENCODE JSON;\nCREATE TABLE m (id INT PRIMARY KEY);".to_string(),
    ] {
        let doc = Document::new(text.clone(), &env);
        same_as_compile(&doc, &env);
        // Strict mode too: warnings become errors, statement by statement.
        let strict = crate::compile::Env::new(&r).strict(true);
        let doc = Document::new(text.clone(), &strict);
        same_as_compile(&doc, &strict);
    }
}

#[test]
fn an_edit_compiles_only_the_statement_it_touches() {
    let r = registry();
    let env = env(&r);
    let text: String = (0..50).map(|i| table(&format!("t{i}"))).collect();
    let mut doc = Document::new(text, &env);
    assert_eq!(doc.statement_count(), 51); // the last piece is the final line break
    let opened = doc.compile_count();
    assert!(doc.diagnostics().is_empty());
    // Misspell one topic key in the middle.
    let key = at(doc.text(), "CREATE TABLE t25 (")
        + doc.text()[at(doc.text(), "CREATE TABLE t25 (")..]
            .find("topic")
            .unwrap_or(0);
    doc.edit(key, key + 5, "topc", &env);
    assert_eq!(doc.compile_count(), opened + 1);
    assert_eq!(doc.diagnostics().len(), 1);
    assert_eq!(doc.diagnostics()[0].code.as_str(), "option::unknown");
    assert_eq!(
        &doc.text()[doc.diagnostics()[0].span.start..doc.diagnostics()[0].span.end],
        "topc"
    );
    same_as_compile(&doc, &env);
    // Undo: the cached unit comes back, nothing is compiled.
    doc.edit(key, key + 4, "topic", &env);
    assert_eq!(doc.compile_count(), opened + 1);
    assert!(doc.diagnostics().is_empty());
    assert_eq!(doc.tables().len(), 50);
}

#[test]
fn edits_that_join_split_and_open_statements_stay_right() {
    let r = registry();
    let env = env(&r);
    let mut doc = Document::new(table("a") + &table("b") + &table("c"), &env);
    let compiles = doc.compile_count();
    // Remove the first `;`: two statements become one (a syntax error).
    let semi = at(doc.text(), ";");
    doc.edit(semi, semi + 1, "", &env);
    same_as_compile(&doc, &env);
    assert!(!doc.diagnostics().is_empty());
    doc.edit(semi, semi, ";", &env);
    same_as_compile(&doc, &env);
    assert!(doc.diagnostics().is_empty());
    // Open a string: only the tokenizer's error; close it: everything is back, reused.
    let name = at(doc.text(), "b (");
    doc.edit(name, name, "'", &env);
    same_as_compile(&doc, &env);
    assert_eq!(doc.diagnostics().len(), 1);
    doc.edit(name, name + 1, "", &env);
    same_as_compile(&doc, &env);
    assert!(doc.diagnostics().is_empty());
    // Rename b to a: a duplicate; and back.
    doc.edit(name, name + 1, "a", &env);
    same_as_compile(&doc, &env);
    assert_eq!(doc.diagnostics().len(), 1);
    assert_eq!(doc.diagnostics()[0].code.as_str(), "table::duplicate");
    doc.edit(name, name + 1, "b", &env);
    same_as_compile(&doc, &env);
    // Appending at the end, in the middle of a multi-byte character, and past the end.
    let end = doc.text().len();
    doc.edit(end, end + 10, "CREATE TABLE é (x INT", &env);
    same_as_compile(&doc, &env);
    let e = at(doc.text(), "é");
    doc.edit(e + 1, e + 1, "z", &env);
    same_as_compile(&doc, &env);
    doc.set_text(table("a"), &env);
    same_as_compile(&doc, &env);
    assert!(doc.compile_count() > compiles);
}

#[test]
fn random_edits_keep_the_document_equal_to_a_fresh_compile() {
    let r = registry();
    let env = env(&r);
    let base = format!(
        "{}CREATE TABLE b (id INT, ts TIMESTAMP, WATERMARK FOR ts) WITH (connector = 'kafka', topc = 'x');\nINSERT INTO b SELECT 1;\n{}",
        table("a"),
        table("c")
    );
    let snippets = [
        "'",
        ";",
        "a",
        "-- ",
        "\n",
        "CREATE TABLE a (x INT);",
        "/*",
        "*/",
        "é",
        "",
    ];
    let mut doc = Document::new(base.clone(), &env);
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from(seed >> 33).unwrap_or(0) % n.max(1)
    };
    for _ in 0..200 {
        let len = doc.text().len();
        let start = next(len + 1);
        let end = start + next(4);
        let snippet = snippets[next(snippets.len())];
        doc.edit(start, end, snippet, &env);
        same_as_compile(&doc, &env);
        let fresh = Document::new(doc.text().to_string(), &env);
        assert_eq!(fresh.diagnostics(), doc.diagnostics());
    }
}

#[test]
fn many_duplicate_names_stay_equal_to_compile_sql() {
    let r = registry();
    let env = env(&r);
    let mut text = String::new();
    for i in 0..300 {
        let name = ["a", "b", "A"][i % 3];
        let how = ["", "OR REPLACE ", ""][i % 3];
        text.push_str(&format!(
            "CREATE {how}TABLE {name} (id INT) WITH ({KAFKA});\n"
        ));
    }
    let mut doc = Document::new(text, &env);
    same_as_compile(&doc, &env);
    // An edit far from the duplicates re-uses the joint compile.
    let at = doc.text().len();
    doc.edit(at, at, "CREATE TABLE z (q INT);", &env);
    same_as_compile(&doc, &env);
    let first = doc.text().find("TABLE a").unwrap_or(0) + 6;
    doc.edit(first, first + 1, "q", &env);
    same_as_compile(&doc, &env);
}

#[test]
fn a_document_crosses_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Document>();
    assert_send_sync::<crate::ide::CompletionItem>();
    assert_send_sync::<crate::ide::CodeAction>();
}

#[test]
fn typing_a_value_at_the_end_reads_only_the_last_statement() {
    let r = registry();
    let env = env(&r);
    let text: String = (0..20).map(|i| table(&format!("t{i}"))).collect();
    let mut doc = Document::new(text, &env);
    for piece in [
        "CREATE TABLE x (a INT) WITH (connector = '",
        "k",
        "a",
        "f",
        "'",
        ")",
    ] {
        let end = doc.text().len();
        doc.edit(end, end, piece, &env);
        same_as_compile(&doc, &env);
    }
    // An open string after one that runs past its line: the whole text decides.
    let mut doc = Document::new(
        format!(
            "{}CREATE TABLE m (a INT) WITH (x = 'two\nlines');\n",
            table("a")
        ),
        &env,
    );
    let end = doc.text().len();
    doc.edit(
        end,
        end,
        "CREATE TABLE y (a INT) WITH (connector = 'ka",
        &env,
    );
    same_as_compile(&doc, &env);
    assert_eq!(doc.diagnostics().len(), 1);
    assert!(doc.tables().is_empty());
}

#[test]
fn a_byte_order_mark_after_a_semicolon_is_text_as_in_compile_sql() {
    // compile_sql skips a BOM only at the start of the script; a piece compiled on its own
    // must not skip one that follows a `;` (found by the `ide` fuzz target).
    let registry = crate::Registry::builtin();
    let env = crate::compile::Env::new(&registry);
    let text = "CREATE TABLE a (x INT);\u{feff}REATE TABLE b (y INT);";
    let doc = Document::new(text, &env);
    let whole = crate::compile::compile_sql(text, &env);
    assert!(!whole.diagnostics.is_empty());
    assert_eq!(doc.diagnostics(), whole.diagnostics.as_slice());
    let mut doc = Document::new("CREATE TABLE a (x INT);", &env);
    doc.edit(23, 23, "\u{feff}REATE TABLE b (y INT);", &env);
    assert_eq!(doc.diagnostics(), whole.diagnostics.as_slice());
}
