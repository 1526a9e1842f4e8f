//! A profiles file (`ddlc --profiles`: a JSON array of connection profiles), then a script
//! that uses them: the part after the first NUL byte, or else one table per profile that
//! names it by `connection_profile`.
#![no_main]

use std::fmt::Write as _;

use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::{compile_sql, Env, Registry};
use libfuzzer_sys::fuzz_target;

/// `s` as a single-quoted SQL string.
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = connector_ddl_fuzz::text(data) else {
        return;
    };
    let (file, script) = match text.split_once('\0') {
        Some((f, s)) => (f, Some(s)),
        None => (text, None),
    };
    let Ok(list) = serde_json::from_str::<Vec<ConnectionProfile>>(file) else {
        return;
    };
    let sql = match script {
        Some(s) => s.to_string(),
        None => {
            let mut sql = String::new();
            for (i, p) in list.iter().enumerate() {
                let _ = writeln!(
                    sql,
                    "CREATE TABLE t{i} (v TEXT) WITH (connector = {}, connection_profile = {}, format = 'json');",
                    quoted(&p.connector),
                    quoted(&p.name),
                );
            }
            sql
        }
    };
    let profiles = Profiles(list);
    let registry = Registry::builtin();
    let out = compile_sql(&sql, &Env::new(&registry).with_profiles(&profiles));
    // The bound is on the whole input: the script may be generated from the profiles.
    connector_ddl_fuzz::check_compiled(&sql, &out);
});
