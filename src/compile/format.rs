//! Stage: format checks — whether the connector carries the format at all — and format
//! shape — the columns a format such as `raw_string` or `debezium_json` needs.

use arrow_schema::{DataType, Field};

use crate::connector::{ConnectionType, FormatRule};
use crate::diagnostics::{codes, Diagnostic};
use crate::schema::expand::is_json;
use crate::schema::format::{self, Format, JsonCompression, JsonFormat};
use crate::schema::ConnectionSchema;
use crate::span::Span;

use super::TableCompiler;
use crate::messages;
impl TableCompiler<'_> {
    pub(super) fn check_format(&mut self, format: Option<&(Format, Span)>) {
        let spec = self.connector.spec();
        let (rule, name) = (spec.formats, spec.name);
        match format {
            None => {
                if rule.rule == FormatRule::Required && !self.opts.contains("format") {
                    let allowed: Vec<String> =
                        rule.allowed.iter().map(|f| format!("`{f}`")).collect();
                    let d = Diagnostic::error(
                        codes::MISSING_FORMAT,
                        self.opts.anchor(),
                        format!("connector `{name}` needs a `format`"),
                    )
                    .with_help(format!(
                        "add e.g. `format = '{}'`; `{name}` carries {}",
                        rule.allowed.first().copied().unwrap_or("json"),
                        allowed.join(", ")
                    ));
                    // A misspelled `format` key is this mistake: `finish` withdraws it.
                    self.opts.report_missing(d, format::FORMAT.key);
                }
            }
            Some((f, span)) => {
                if rule.rule == FormatRule::Ignored {
                    self.opts
                        .report(messages::fixed_encoding(*span, name, "format"));
                } else if !rule.allowed.contains(&f.name()) {
                    let allowed: Vec<String> =
                        rule.allowed.iter().map(|f| format!("`{f}`")).collect();
                    self.opts.report(
                        Diagnostic::error(
                            codes::FORMAT_NOT_SUPPORTED,
                            *span,
                            format!("connector `{name}` cannot carry format `{}`", f.name()),
                        )
                        .with_help(format!("`{name}` carries {}", allowed.join(", "))),
                    );
                }
                if let Format::Json(JsonFormat { compression, .. }) = f {
                    if *compression != JsonCompression::Uncompressed && !spec.compressed_json {
                        let span = self
                            .opts
                            .key_span(format::JSON_COMPRESSION.key)
                            .unwrap_or(*span);
                        self.opts.report(
                            Diagnostic::error(
                                codes::FORMAT_NOT_SUPPORTED,
                                span,
                                format!("connector `{name}` cannot carry compressed JSON; `json.compression` is only supported by file connectors"),
                            )
                            .with_help("remove `json.compression`"),
                        );
                    }
                }
            }
        }
    }

    /// raw_string, raw_bytes, unstructured JSON and Debezium need particular columns.
    pub(super) fn check_format_shape(&mut self, schema: &ConnectionSchema, ct: ConnectionType) {
        let Some(format) = &schema.format else {
            return;
        };
        let span = self.column_list_span();
        let physical: Vec<&Field> = schema.physical_fields().collect();
        let needs_value = |dt: &DataType, json: bool| matches!(physical.as_slice(), [f] if f.name() == "value" && f.data_type() == dt && is_json(f) == json);
        let skip = schema.inferred && ct != ConnectionType::Source;
        let requirement = match format {
            Format::RawString {} if !skip && !needs_value(&DataType::Utf8, false) => {
                Some(("raw_string", "value TEXT"))
            }
            Format::RawBytes {} if !skip && !needs_value(&DataType::Binary, false) => {
                Some(("raw_bytes", "value BYTEA"))
            }
            Format::Json(j) if j.unstructured && !skip && !needs_value(&DataType::Utf8, true) => {
                Some(("json with `json.unstructured = true`", "value JSON"))
            }
            Format::Avro(a)
                if a.into_unstructured_json && !skip && !needs_value(&DataType::Utf8, true) =>
            {
                Some((
                    "avro with `avro.into_unstructured_json = true`",
                    "value JSON",
                ))
            }
            Format::Protobuf(p)
                if p.into_unstructured_json && !skip && !needs_value(&DataType::Utf8, true) =>
            {
                Some((
                    "protobuf with `protobuf.into_unstructured_json = true`",
                    "value JSON",
                ))
            }
            _ => None,
        };
        if let Some((what, col)) = requirement {
            self.opts.report(
                Diagnostic::error(
                    codes::FORMAT_SHAPE,
                    span,
                    format!("format {what} needs exactly one column `{col}` (besides metadata and generated columns)"),
                )
                .with_help(format!("declare `({col})`")),
            );
        }
        if format.is_updating() {
            for g in &self.columns.generated {
                let span = self
                    .def
                    .column_list()
                    .iter()
                    .find(|c| c.name.node == g.field)
                    .map(|c| c.span)
                    .unwrap_or(span);
                self.opts.report(
                    Diagnostic::error(
                        codes::DEBEZIUM,
                        span,
                        format!("format `debezium_json` cannot have generated columns, but `{}` is generated", g.field),
                    )
                    .with_help("compute the value in the query that reads the table, or declare a plain column"),
                );
            }
            if ct == ConnectionType::Source && schema.primary_keys.is_empty() {
                self.opts.report(
                    Diagnostic::error(
                        codes::DEBEZIUM,
                        span,
                        "a `debezium_json` source needs a PRIMARY KEY",
                    )
                    .with_help("mark the key column, e.g. `id BIGINT PRIMARY KEY`"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, run_stage};
    use super::super::Env;
    use super::*;
    use crate::connector::Registry;

    fn check(sql: &str) -> Vec<&'static str> {
        let registry = Registry::builtin();
        let (_, diags) = run_stage(sql, &Env::new(&registry), |c| {
            let f = format::format_from_options(&mut c.opts);
            c.check_format(f.as_ref());
        });
        codes(&diags)
    }

    #[test]
    fn the_connector_decides_which_formats_it_carries() {
        assert!(
            check("CREATE TABLE t (id INT) WITH (connector = 'kafka', format = 'json')").is_empty()
        );
        assert_eq!(
            check("CREATE TABLE t (id INT) WITH (connector = 'kafka')"),
            ["format::missing"]
        );
        assert_eq!(
            check("CREATE TABLE t (id INT) WITH (connector = 'impulse', format = 'json')"),
            ["format::unsupported"]
        );
        assert_eq!(
            check("CREATE TABLE t (id INT) WITH (connector = 'kafka', format = 'json', 'json.compression' = 'gzip')"),
            ["format::unsupported"]
        );
    }

    fn shape(sql: &str) -> Vec<&'static str> {
        let registry = Registry::builtin();
        let (_, diags) = run_stage(sql, &Env::new(&registry), |c| {
            let format = format::format_from_options(&mut c.opts).map(|(f, _)| f);
            let schema = ConnectionSchema {
                fields: c.columns.fields.clone(),
                format,
                framing: None,
                bad_data: None,
                primary_keys: c.columns.primary_keys.clone(),
                watermark: None,
                metadata_fields: Vec::new(),
                generated_fields: c.columns.generated.clone(),
                inferred: false,
                definition: None,
            };
            c.check_format_shape(&schema, ConnectionType::Source);
        });
        codes(&diags)
    }

    #[test]
    fn formats_need_their_shape_of_columns() {
        assert!(shape(
            "CREATE TABLE t (value TEXT) WITH (connector = 'kafka', format = 'raw_string')"
        )
        .is_empty());
        assert_eq!(
            shape(
                "CREATE TABLE t (v TEXT, w TEXT) WITH (connector = 'kafka', format = 'raw_string')"
            ),
            ["format::shape"]
        );
        assert_eq!(
            shape("CREATE TABLE t (id INT) WITH (connector = 'kafka', format = 'debezium_json')"),
            ["format::debezium"]
        );
        assert!(shape("CREATE TABLE t (id INT PRIMARY KEY) WITH (connector = 'kafka', format = 'debezium_json')").is_empty());
    }
}
