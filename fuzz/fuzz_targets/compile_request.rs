//! A JSON create-table request through `compile_request`.
#![no_main]

use connector_ddl::{compile_request, Env, Registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(json) = connector_ddl_fuzz::text(data) else {
        return;
    };
    let registry = Registry::builtin();
    let out = compile_request(json, &Env::new(&registry));
    connector_ddl_fuzz::check_compiled(json, &out);
});
