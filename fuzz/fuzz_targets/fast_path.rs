//! Arbitrary text through the front end twice: with its fast path and with the general
//! path alone. Whenever the fast path reads a statement, it must read it as the general
//! path does (head, statement, diagnostics), and a tokenizer error must be the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(sql) = connector_ddl_fuzz::text(data) else {
        return;
    };
    if let Err(e) = connector_ddl::fast_path_check::compare(sql) {
        panic!("fast path disagrees on {sql:?}: {e}");
    }
});
