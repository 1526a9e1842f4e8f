//! The pages of `diagnostics::explain` (and `ddlc --explain`): every example written out in
//! full reports the code it illustrates, so the pages cannot drift from the compiler.

#[allow(dead_code)]
mod common;

use connector_ddl::compile_sql;
use connector_ddl::diagnostics::{codes, explain};

/// The SQL block of a page.
fn example(page: &str) -> Option<&str> {
    let start = page.find("```sql\n")? + "```sql\n".len();
    let len = page.get(start..)?.find("\n```")?;
    page.get(start..start + len)
}

#[test]
fn complete_examples_report_their_code() {
    let fixtures = common::Fixtures::load();
    let env = fixtures.env();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (code, _) in codes::ALL {
        let page = explain(code.as_str()).unwrap_or_default();
        let Some(sql) = example(&page) else {
            panic!("{code}: the page has no example");
        };
        // Sketches (`…`, prose in parentheses, other languages) are not compiled.
        if !sql.starts_with("CREATE") || sql.contains('…') || sql.contains("--") {
            continue;
        }
        let out = compile_sql(sql, &env);
        if !out.diagnostics.iter().any(|d| d.code == *code) {
            wrong.push(format!(
                "{code}: its example reports {:?}",
                out.diagnostics
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>()
            ));
        }
        checked += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 10, "only {checked} examples are complete");
}
