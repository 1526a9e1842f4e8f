//! `single_file`: read one local file line by line, or write records to one local file.
//!
//! Arroyo uses it for tests and demos. It differs from Arroyo in three places, each a fix:
//! its catalogue entry says it cannot be a source although sources work (here it is both),
//! it describes sinks as a "Single File Source" (here the description names the side), and
//! it takes any path text, so an object-store URL only fails when the job starts (here a
//! URL is an error that points to the `filesystem` connector).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::boilerplate::{connector_spec, no_profile};
use crate::connection_type::ConnectionType;
use crate::connector::{Connector, TableContext};
use crate::diagnostics::{codes, Diagnostic};
use crate::options::option_specs;
use crate::options::ConnectorOptions;

option_specs! {
    TABLE_OPTIONS = [
        pub(crate) PATH = string("path").required().doc("Local path of the file to read or write.");
        pub(crate) WAIT_FOR_CONTROL = bool("wait_for_control").default_bool(true).source_only().doc("Whether the source waits for a control message after each line (as in tests).");
    ]
}

/// Line-oriented formats: the file is read and written one record per line.
const LINE_FORMATS: &[&str] = &["json", "debezium_json", "raw_string"];

/// The single-file connector.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SingleFile;

/// A single-file table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SingleFileTable {
    /// Local path of the file.
    pub path: String,
    /// Source or sink settings.
    #[serde(rename = "type")]
    pub kind: SingleFileKind,
}

/// Source or sink settings of a single-file table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SingleFileKind {
    /// Reads the file line by line.
    Source {
        /// Wait for a control message after each line.
        wait_for_control: bool,
    },
    /// Writes one record per line.
    Sink {},
}

/// The scheme of `path` when it is a URL (`s3://…`, `file:…`), which a local path is not.
fn url_scheme(path: &str) -> Option<&str> {
    let (scheme, _) = path.split_once(':')?;
    // One letter before `:` is a Windows drive (`C:\data`), not a scheme.
    let is_scheme = scheme.len() > 1
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then_some(scheme)
}

connector_spec! {
    "single_file", "Single File", "Read or write a single local file, one record per line";
    roles: SOURCE | SINK;
    formats: required(LINE_FORMATS);
    table_options: TABLE_OPTIONS;
    example: "id BIGINT", [("path", "'/tmp/in.json'"), ("type", "'source'"), ("format", "'json'")];
    example: "id BIGINT", [("path", "'/tmp/out.json'"), ("type", "'sink'"), ("format", "'json'")];
}

impl Connector for SingleFile {
    no_profile!(SingleFileTable, read_table);

    fn description(&self, _profile: &(), table: &SingleFileTable) -> String {
        let side = match table.kind {
            SingleFileKind::Source { .. } => "source",
            SingleFileKind::Sink {} => "sink",
        };
        format!("single file {side} '{}'", table.path)
    }
}

/// Reads the table options (`Connector::table_from_options`).
fn read_table(opts: &mut ConnectorOptions, cx: &TableContext<'_>) -> Option<SingleFileTable> {
    let path = opts.string(&PATH);
    let kind = match cx.connection_type {
        ConnectionType::Source => Some(SingleFileKind::Source {
            wait_for_control: opts.bool(&WAIT_FOR_CONTROL)?.node,
        }),
        _ => Some(SingleFileKind::Sink {}),
    };
    let path = path.and_then(|p| match url_scheme(&p.node) {
        Some(scheme) => {
            opts.report(
                Diagnostic::error(
                    codes::INVALID_VALUE,
                    p.span,
                    format!(
                        "invalid value for `path`: `single_file` reads a local file, but `{}` is a URL with scheme `{scheme}`",
                        p.node
                    ),
                )
                .with_help(
                    "give a local path such as `/data/input.json`, or use `connector = 'filesystem'` for object stores and URLs",
                ),
            );
            None
        }
        None => Some(p.node),
    });
    Some(SingleFileTable {
        path: path?,
        kind: kind?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_have_no_scheme() {
        assert_eq!(url_scheme("/data/in.json"), None);
        assert_eq!(url_scheme("data/in.json"), None);
        assert_eq!(url_scheme("C:\\data\\in.json"), None);
        assert_eq!(url_scheme("s3://bucket/key"), Some("s3"));
        assert_eq!(url_scheme("file:/tmp/x"), Some("file"));
    }
}
