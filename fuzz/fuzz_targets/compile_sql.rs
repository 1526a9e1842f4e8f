//! A SQL script through `compile_sql` (and `check_syntax`), with inline schema
//! definitions as the script writes them.
#![no_main]

use connector_ddl::{check_syntax, compile_sql, Env, Registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(sql) = connector_ddl_fuzz::text(data) else {
        return;
    };
    let registry = Registry::builtin();
    let out = compile_sql(sql, &Env::new(&registry));
    connector_ddl_fuzz::check_compiled(sql, &out);
    let syntax = check_syntax(sql, &registry);
    assert!(syntax.len() <= sql.len() + 8);
});
