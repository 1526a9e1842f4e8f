//! An Avro schema (JSON text) through `expand_avro`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = connector_ddl_fuzz::text(data) else {
        return;
    };
    let result = connector_ddl::schema::avro::expand_avro(text);
    connector_ddl_fuzz::check_expansion(text, &result);
});
