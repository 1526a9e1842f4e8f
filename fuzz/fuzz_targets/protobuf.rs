//! Protobuf files through `expand_protobuf`: the input is split at NUL bytes into the root
//! file `schema.proto` and imports `1.proto`, `2.proto`, …
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = connector_ddl_fuzz::text(data) else {
        return;
    };
    let mut parts = text.split('\0');
    let root = parts.next().unwrap_or("");
    let imports: Vec<&str> = parts.collect();
    let import = |name: &str| -> Result<Option<String>, String> {
        let n: Option<usize> = name.strip_suffix(".proto").and_then(|n| n.parse().ok());
        Ok(n.and_then(|n| n.checked_sub(1))
            .and_then(|i| imports.get(i))
            .map(|s| s.to_string()))
    };
    let result =
        connector_ddl::schema::protobuf::expand_protobuf("schema.proto", root, &import, None);
    let result = result.map(|p| p.expansion);
    connector_ddl_fuzz::check_expansion(text, &result);
});
