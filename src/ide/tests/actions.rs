use super::{at, env, registry};
use crate::diagnostics::apply_fixes;
use crate::ide::{code_actions, Document};
use crate::span::Span;

const TEXT: &str = "CREATE TABLE t (id BIGNT) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topc = 't', type = 'source', format = 'json');";

#[test]
fn a_diagnostic_with_a_fix_is_a_preferred_quick_fix() {
    let r = registry();
    let env = env(&r);
    let doc = Document::new(TEXT, &env);
    let topc = at(TEXT, "topc");
    // The cursor inside `topc`, and at its end.
    for offset in [topc + 2, topc + 4] {
        let actions = code_actions(&doc, Span::new(offset, offset));
        let fix = actions.iter().find(|a| !a.fix_all).expect("a quick fix");
        assert_eq!(fix.title, "replace `topc` with `topic`");
        assert_eq!(fix.code, "option::unknown");
        assert!(fix.preferred);
        assert_eq!(fix.diagnostic_span, Span::new(topc, topc + 4));
        assert_eq!(fix.edits.len(), 1);
        assert_eq!(fix.edits[0].replacement, "topic");
    }
    // Nowhere near a diagnostic: nothing.
    let create = Span::new(0, 6);
    assert!(code_actions(&doc, create).is_empty());
}

#[test]
fn fix_all_applies_every_fix_as_apply_fixes_does() {
    let r = registry();
    let env = env(&r);
    let doc = Document::new(TEXT, &env);
    let bignt = at(TEXT, "BIGNT");
    let actions = code_actions(&doc, Span::new(bignt, TEXT.len()));
    assert_eq!(actions.iter().filter(|a| !a.fix_all).count(), 2);
    let all = actions.iter().find(|a| a.fix_all).expect("fix all");
    assert!(!all.preferred);
    let mut fixed = TEXT.to_string();
    for e in all.edits.iter().rev() {
        fixed.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    assert_eq!(fixed, apply_fixes(TEXT, doc.diagnostics()));
    let after = Document::new(fixed, &env);
    assert!(after.diagnostics().is_empty(), "{:?}", after.diagnostics());
}

#[test]
fn titles_never_quote_a_secret() {
    let r = registry();
    let env = env(&r);
    // An unknown auth option near a password: whatever fixes say, no secret in a title.
    let text = "CREATE TABLE t (id INT) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', topic = 't', type = 'source', format = 'json', 'auth.type' = 'sasl', 'auth.mechanism' = 'PLAIN', 'auth.username' = 'u', 'auth.password' = 'hunter2hunter2', protocol = 'SASL_SSL');";
    let doc = Document::new(text, &env);
    for a in code_actions(&doc, Span::new(0, text.len())) {
        assert!(!a.title.contains("hunter2"), "{}", a.title);
        assert!(a.edits.iter().all(|e| !e.replacement.contains("hunter2")));
    }
}
