//! A JSON Schema document through `expand_json_schema`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = connector_ddl_fuzz::text(data) else {
        return;
    };
    let result = connector_ddl::schema::json_schema::expand_json_schema(text);
    connector_ddl_fuzz::check_expansion(text, &result);
});
