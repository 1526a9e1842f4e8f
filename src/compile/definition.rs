//! Stage: the schema — a format's schema definition (inline, file or registry subject)
//! expanded into fields, the declared columns checked against it or against the
//! connector's fixed schema.

use arrow_schema::{DataType, Field};

use crate::connector::{ConnectionType, ErasedConfig};
use crate::diagnostics::{codes, Diagnostic};
use crate::parse::types::sql_name;
use crate::schema::definition::{
    self, fingerprint, PinnedFile, ResolveError, SchemaDefinition, SchemaKind, SchemaOrigin,
};
use crate::schema::expand::is_json;
use crate::schema::expand::{Expansion, SchemaError};
use crate::schema::format::{self, Format};
use crate::span::Span;

use super::TableCompiler;
use crate::messages;
impl TableCompiler<'_> {
    /// Finds the format's schema definition (inline, file or registry subject), expands
    /// it, and reports what was lost. `None` when there is none or it failed (reported).
    pub(super) fn expand_definition(
        &mut self,
        format: Option<&Format>,
        config: Option<&ErasedConfig>,
        ct: Option<ConnectionType>,
    ) -> Option<(Vec<Field>, SchemaDefinition)> {
        let (kind, inline_spec, file_spec, registry, registry_key) = match format? {
            Format::Avro(a) => (
                SchemaKind::Avro,
                &definition::AVRO_SCHEMA,
                &definition::AVRO_SCHEMA_FILE,
                a.confluent_schema_registry,
                format::AVRO_REGISTRY.key,
            ),
            Format::Json(j) if !j.debezium => (
                SchemaKind::JsonSchema,
                &definition::JSON_SCHEMA,
                &definition::JSON_SCHEMA_FILE,
                j.confluent_schema_registry,
                format::JSON_REGISTRY.key,
            ),
            Format::Protobuf(p) => (
                SchemaKind::Protobuf,
                &definition::PROTO_SCHEMA,
                &definition::PROTO_SCHEMA_FILE,
                p.confluent_schema_registry,
                format::PROTO_REGISTRY.key,
            ),
            _ => return None,
        };
        let message_name = match format {
            Some(Format::Protobuf(p)) => p.message_name.clone(),
            _ => None,
        };
        let inline = self.opts.string(inline_spec);
        let file = self.opts.string(file_spec);
        if let (Some(i), Some(f)) = (&inline, &file) {
            self.opts.report(
                messages::option_conflict(
                    f.span,
                    file_spec.key,
                    inline_spec.key,
                    Some((i.span, "schema given inline here")),
                )
                .with_help("give the schema once"),
            );
            return None;
        }
        let declared_physical = self.physical_declared(&self.columns.fields).len();
        let resolver = self.env.schemas;
        let (text, origin, span, root_name) = if let Some(i) = inline {
            let name = match kind {
                SchemaKind::Protobuf => "schema.proto".to_string(),
                _ => String::new(),
            };
            (i.node, SchemaOrigin::Inline, i.span, name)
        } else if let Some(f) = file {
            match resolver.file(&f.node) {
                Ok(t) => (
                    t,
                    SchemaOrigin::File {
                        path: f.node.clone(),
                    },
                    f.span,
                    f.node.clone(),
                ),
                Err(ResolveError::NotFound) => {
                    self.opts.report(
                        Diagnostic::error(codes::SCHEMA_NOT_FOUND, f.span, format!("schema file `{}` not found", f.node))
                            .with_help(format!(
                                "provide it through the schema resolver (ddlc: `--schemas DIR` reads `DIR/{}`), give the schema inline with `{}`, or declare the columns",
                                f.node, inline_spec.key
                            )),
                    );
                    return None;
                }
                Err(e) => {
                    let what = format!("schema file `{}`", f.node);
                    self.report_resolve_failure(f.span, &what, &e);
                    return None;
                }
            }
        } else if registry {
            let subject = config.and_then(|c| self.connector.schema_subject(c))?;
            let span = self
                .opts
                .peek(registry_key)
                .map(|v| v.span)
                .unwrap_or(self.opts.anchor());
            match resolver.subject(&subject, kind) {
                Ok(t) => (
                    t,
                    SchemaOrigin::Subject {
                        subject: subject.clone(),
                    },
                    span,
                    format!("{subject}.proto"),
                ),
                Err(ResolveError::NotFound) => {
                    // Without columns a source has nothing to decode into.
                    if declared_physical == 0 && ct == Some(ConnectionType::Source) {
                        self.opts.report(
                            Diagnostic::error(
                                codes::SCHEMA_NOT_FOUND,
                                span,
                                format!("no schema is registered under subject `{subject}`, and the table declares no columns"),
                            )
                            .with_help(format!("declare the columns, set `value.subject`, or give the schema inline; the schema resolver provides registered schemas (ddlc: `--schemas DIR` reads `DIR/{subject}.{}`)", kind.extension())),
                        );
                    }
                    return None;
                }
                Err(e) => {
                    self.report_resolve_failure(span, &format!("subject `{subject}`"), &e);
                    return None;
                }
            }
        } else {
            // Protobuf cannot decode without a descriptor. Avro can: a plain Avro message
            // is an object container file that carries its writer's schema, read into the
            // declared columns (as Arroyo reads it); only a table with no columns to read
            // into, or bare datums, which carry no schema at all, need one.
            let decodes = matches!(ct, Some(ConnectionType::Source | ConnectionType::Lookup));
            let raw_datums = matches!(format, Some(Format::Avro(a)) if a.raw_datums);
            if kind == SchemaKind::Avro && decodes && raw_datums {
                let span = self
                    .opts
                    .peek(format::AVRO_RAW_DATUMS.key)
                    .map(|v| v.span)
                    .unwrap_or(self.opts.anchor());
                self.opts.report(
                    Diagnostic::error(
                        codes::MISSING_OPTION,
                        span,
                        "`avro.raw_datums = true` needs the writer's schema: bare datums carry none, and cannot be decoded without it",
                    )
                    .with_help(format!(
                        "give the schema the messages were written with: `{}` (inline), `{}`, or `avro.confluent_schema_registry = true`; or leave out `avro.raw_datums` if each message is an Avro object container file",
                        inline_spec.key, file_spec.key
                    )),
                );
                return None;
            }
            let needs_schema = match kind {
                SchemaKind::Protobuf => true,
                SchemaKind::Avro => ct == Some(ConnectionType::Source) && declared_physical == 0,
                SchemaKind::JsonSchema => false,
            };
            // A schema given under another format's keys is that mistake (reported when
            // the options are finished), not a missing schema as well.
            let other_format_schema = self.opts.pending_keys().iter().any(|k| {
                format::FORMAT_PREFIXES
                    .iter()
                    .any(|(prefix, f)| k.node.starts_with(prefix) && *f != fmt_of(kind))
            });
            if needs_schema && !other_format_schema {
                let span = self
                    .opts
                    .key_span(format::FORMAT.key)
                    .unwrap_or(self.opts.anchor());
                let fmt = if kind == SchemaKind::Avro {
                    "avro"
                } else {
                    "protobuf"
                };
                let help = if kind == SchemaKind::Avro {
                    format!(
                        "declare the columns to read, or set `{}` (inline), `{}`, or `avro.confluent_schema_registry = true`",
                        inline_spec.key, file_spec.key
                    )
                } else {
                    format!(
                        "set `{}` (inline), `{}`, or `{fmt}.confluent_schema_registry = true`",
                        inline_spec.key, file_spec.key
                    )
                };
                let message = if kind == SchemaKind::Avro {
                    "format `avro` needs a schema or declared columns to decode messages into"
                        .to_string()
                } else {
                    format!("format `{fmt}` needs a schema to decode messages")
                };
                self.opts.report(
                    Diagnostic::error(codes::MISSING_OPTION, span, message).with_help(help),
                );
            }
            return None;
        };
        let import_failure: std::cell::Cell<Option<ResolveError>> = std::cell::Cell::new(None);
        // Where each JSON Schema note is in `text` (the other expanders do not say).
        let mut places: Vec<Span> = Vec::new();
        let result: Result<(Expansion, Option<String>, Vec<PinnedFile>), SchemaError> = match kind {
            SchemaKind::Avro => {
                crate::schema::avro::expand_avro(&text).map(|e| (e, None, Vec::new()))
            }
            SchemaKind::JsonSchema => crate::schema::json_schema::expand_json_schema_placed(&text)
                .map(|(e, p)| {
                    places = p;
                    (e, None, Vec::new())
                }),
            SchemaKind::Protobuf => {
                // Protobuf reports a failed import as not found; remember why it failed.
                let import = |path: &str| match resolver.file(path) {
                    Ok(t) => Ok(Some(t)),
                    Err(ResolveError::NotFound) => Ok(None),
                    Err(e) => {
                        let message = e.to_string();
                        let first = import_failure.take();
                        import_failure.set(first.or(Some(e)));
                        Err(message)
                    }
                };
                crate::schema::protobuf::expand_protobuf(
                    &root_name,
                    &text,
                    &import,
                    message_name.as_deref(),
                )
                .map(|p| {
                    let imports = p
                        .files
                        .into_iter()
                        .filter(|(n, _)| n != &root_name)
                        .map(|(name, text)| PinnedFile { name, text })
                        .collect();
                    (p.expansion, Some(p.message_name), imports)
                })
            }
        };
        // For an inline schema, point at the place inside the literal when we can tell it;
        // the whole value stays as a secondary label.
        let inline = matches!(origin, SchemaOrigin::Inline);
        let place = |message: &str, at: Option<Span>| {
            let precise = if inline {
                definition::locate_in_literal(&text, span, message, &root_name, at)
            } else {
                None
            };
            precise.filter(|p| *p != span)
        };
        let (expansion, message_name, imports) = match result {
            Ok(r) => r,
            Err(e) => {
                let mut d = Diagnostic::error(e.code, span, e.message).with_optional_help(e.help);
                if d.code == codes::SCHEMA_NOT_FOUND {
                    match import_failure.take() {
                        Some(ResolveError::Unavailable(_)) => d.code = codes::SCHEMA_UNAVAILABLE,
                        Some(ResolveError::Invalid(_)) => d.code = codes::INVALID_SCHEMA,
                        _ => {}
                    }
                }
                if let Some(p) = place(&d.message, e.span) {
                    d.span = p;
                    d = d.with_label(span, "in this schema");
                }
                self.opts.report(d);
                return None;
            }
        };
        for (i, note) in expansion.notes.iter().enumerate() {
            let mut d = Diagnostic::warning(note.code, span, note.message.clone());
            if let Some(p) = place(&d.message, places.get(i).copied()) {
                d.span = p;
                d = d.with_label(span, "in this schema");
            }
            self.opts.report(d);
        }
        let fp = fingerprint(
            std::iter::once(text.as_str())
                .chain(imports.iter().map(|f: &PinnedFile| f.text.as_str())),
        );
        Some((
            expansion.fields,
            SchemaDefinition {
                kind,
                origin,
                text,
                fingerprint: fp,
                message_name,
                imports,
            },
        ))
    }

    /// Reports a schema resolver that was unavailable or answered something unusable.
    fn report_resolve_failure(&mut self, span: Span, what: &str, e: &ResolveError) {
        let d = messages::resolve_failed(
            span,
            what,
            e,
            codes::SCHEMA_UNAVAILABLE,
            codes::INVALID_SCHEMA,
        );
        if let Some(d) = d {
            self.opts.report(d);
        }
    }

    /// The fields of a table with a schema definition: the schema's fields when no
    /// physical column is declared, otherwise the declared columns, each checked against
    /// the schema. Metadata and generated columns are added on top.
    pub(super) fn fields_with_definition(&mut self, schema_fields: Vec<Field>) -> Vec<Field> {
        let declared = self.columns.fields.clone();
        let physical: Vec<Field> = self
            .physical_declared(&declared)
            .into_iter()
            .cloned()
            .collect();
        if physical.is_empty() {
            let mut all = schema_fields;
            for extra in declared {
                if all.iter().any(|f| f.name() == extra.name()) {
                    let span = self.column_span(extra.name());
                    self.opts.report(
                        Diagnostic::error(
                            codes::DUPLICATE_COLUMN,
                            span,
                            format!("column `{}` is also a field of the schema", extra.name()),
                        )
                        .with_help("rename the metadata or generated column"),
                    );
                    continue;
                }
                all.push(extra);
            }
            return all;
        }
        let cols = self.def.column_list();
        for f in &physical {
            let Some(col) = cols.iter().find(|c| c.name.node == *f.name()) else {
                continue;
            };
            let Some(sf) = schema_fields.iter().find(|s| s.name() == f.name()) else {
                let names: Vec<&str> = schema_fields.iter().map(|s| s.name().as_str()).collect();
                self.opts.report(messages::suggest(
                    Diagnostic::error(
                        codes::SCHEMA_MISMATCH,
                        col.name.span,
                        format!("column `{}` is not in the schema", f.name()),
                    ),
                    f.name(),
                    names.iter().copied(),
                    Some(format!("the schema's fields are: {}", names.join(", "))),
                ));
                continue;
            };
            let type_span = col.ty.as_ref().map(|t| t.span).unwrap_or(col.span);
            if f.data_type() == &DataType::Null {
                // The declared type was rejected already; there is nothing to compare.
            } else if !compatible(f.data_type(), sf.data_type()) {
                let want = sql_name(sf.data_type(), is_json(sf));
                // Only the type is replaced: `NOT NULL` and the rest stay as written.
                let mut d = Diagnostic::error(
                    codes::SCHEMA_MISMATCH,
                    type_span,
                    format!(
                        "column `{}` is declared {}, but the schema has {want}",
                        f.name(),
                        sql_name(f.data_type(), is_json(f))
                    ),
                )
                .with_help(format!("declare `{}` as {want}", f.name()));
                if col.ty.is_some() {
                    d = d.with_fix(type_span, want);
                }
                self.opts.report(d);
            } else if !f.is_nullable() && sf.is_nullable() {
                let mut d = Diagnostic::error(
                    codes::SCHEMA_MISMATCH,
                    col.not_null.unwrap_or(type_span),
                    format!(
                        "column `{}` is NOT NULL, but the schema allows null",
                        f.name()
                    ),
                )
                .with_help("remove `NOT NULL`");
                if let Some(span) = col.not_null {
                    d = d.with_fix(span, "");
                }
                self.opts.report(d);
            }
        }
        declared
    }

    /// The table's fields: declared, or the connector's fixed schema.
    pub(super) fn schema_fields(&mut self, fixed: Option<Vec<Field>>) -> Vec<Field> {
        let declared = self.columns.fields.clone();
        let Some(fixed) = fixed else {
            return declared;
        };
        let physical: Vec<&Field> = self.physical_declared(&declared);
        if physical.is_empty() {
            let mut all = fixed;
            all.extend(declared);
            return all;
        }
        let same = physical.len() == fixed.len()
            && physical
                .iter()
                .zip(&fixed)
                .all(|(a, b)| a.name() == b.name() && same_shape(a.data_type(), b.data_type()));
        if !same {
            let expected: Vec<String> = fixed
                .iter()
                .map(|f| {
                    format!(
                        "{} {}{}",
                        f.name(),
                        sql_name(f.data_type(), is_json(f)),
                        if f.is_nullable() { "" } else { " NOT NULL" }
                    )
                })
                .collect();
            let span = self.column_list_span();
            self.opts.report(
                Diagnostic::error(
                    codes::FIXED_SCHEMA,
                    span,
                    format!(
                        "connector `{}` has a fixed schema, and these columns differ from it",
                        self.connector_name
                    ),
                )
                .with_help(format!(
                    "declare exactly ({}) or no columns at all",
                    expected.join(", ")
                )),
            );
            return declared;
        }
        // Same columns: keep the connector's nullability, add generated and metadata columns.
        let mut all = fixed;
        all.extend(
            declared
                .into_iter()
                .filter(|f| !self.is_physical_name(f.name())),
        );
        all
    }

    pub(super) fn is_physical_name(&self, name: &str) -> bool {
        !self.columns.metadata.iter().any(|m| m.0.field == name)
            && !self.columns.generated.iter().any(|g| g.field == name)
    }

    pub(super) fn physical_declared<'f>(&self, fields: &'f [Field]) -> Vec<&'f Field> {
        fields
            .iter()
            .filter(|f| self.is_physical_name(f.name()))
            .collect()
    }
}

/// Whether a declared column type can read values of a schema's type: equal up to list
/// item names, timestamp units, the JSON marker, and struct fields the column leaves out.
pub(super) fn compatible(declared: &DataType, schema: &DataType) -> bool {
    use DataType as D;
    match (declared, schema) {
        (D::Timestamp(_, _), D::Timestamp(_, _)) => true,
        (D::Binary | D::LargeBinary, D::Binary | D::LargeBinary | D::FixedSizeBinary(_)) => true,
        (D::Utf8 | D::LargeUtf8, D::Utf8 | D::LargeUtf8) => true,
        (D::List(a) | D::LargeList(a), D::List(b) | D::LargeList(b) | D::FixedSizeList(b, _)) => {
            compatible(a.data_type(), b.data_type())
        }
        (D::Struct(a), D::Struct(b)) => a.iter().all(|fa| {
            b.iter()
                .any(|fb| fb.name() == fa.name() && compatible(fa.data_type(), fb.data_type()))
        }),
        (D::Map(a, _), D::Map(b, _)) => compatible(a.data_type(), b.data_type()),
        (a, b) => a == b,
    }
}

/// Whether two types have the same shape: [`compatible`] both ways, so struct fields must
/// match one to one (nested nullability is not compared).
pub(super) fn same_shape(a: &DataType, b: &DataType) -> bool {
    compatible(a, b) && compatible(b, a)
}

/// The format whose options configure a schema of `kind`.
fn fmt_of(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Avro => "avro",
        SchemaKind::Protobuf => "protobuf",
        SchemaKind::JsonSchema => "json",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, run_stage};
    use super::super::Env;
    use super::*;
    use crate::connector::Registry;
    use crate::schema::definition::{MemorySchemas, NoSchemas, SchemaResolver};

    /// A resolver that always fails the same way.
    struct Failing(ResolveError);

    impl SchemaResolver for Failing {
        fn file(&self, _: &str) -> Result<String, ResolveError> {
            Err(self.0.clone())
        }
        fn subject(&self, _: &str, _: SchemaKind) -> Result<String, ResolveError> {
            Err(self.0.clone())
        }
    }

    const AVSC: &str =
        r#"{"type": "record", "name": "R", "fields": [{"name": "id", "type": "long"}]}"#;

    fn expand(
        sql: &str,
        schemas: &dyn SchemaResolver,
    ) -> (Option<(Vec<Field>, SchemaDefinition)>, Vec<Diagnostic>) {
        let registry = Registry::builtin();
        let env = Env::new(&registry).with_schemas(schemas);
        run_stage(sql, &env, |c| {
            let f = format::format_from_options(&mut c.opts).map(|(f, _)| f);
            c.expand_definition(f.as_ref(), None, Some(ConnectionType::Source))
        })
    }

    const FILE_SQL: &str =
        "CREATE TABLE t WITH (connector = 'kafka', format = 'avro', 'avro.schema_file' = 'r.avsc')";
    const PROTO_SQL: &str = "CREATE TABLE t WITH (connector = 'kafka', format = 'protobuf', 'protobuf.schema' = 'syntax = \"proto3\"; import \"dep.proto\"; message M { Dep d = 1; }')";

    #[test]
    fn a_schema_file_expands_into_fields() {
        let mut schemas = MemorySchemas::default();
        schemas.files.insert("r.avsc".into(), AVSC.into());
        let (out, diags) = expand(FILE_SQL, &schemas);
        assert!(diags.is_empty(), "{diags:?}");
        let (fields, def) = out.unwrap_or_else(|| panic!("not expanded"));
        assert_eq!(fields.first().map(|f| f.name().as_str()), Some("id"));
        assert_eq!(
            def.origin,
            SchemaOrigin::File {
                path: "r.avsc".into()
            }
        );
        assert!(def.fingerprint.starts_with("sha256:"));
    }

    #[test]
    fn avro_without_a_schema_reads_container_files_into_the_declared_columns() {
        let declared = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', format = 'avro')";
        let (out, diags) = expand(declared, &NoSchemas);
        assert!(out.is_none());
        assert!(diags.is_empty(), "{diags:?}");
        // No columns to read into: a schema is needed.
        let bare = "CREATE TABLE t WITH (connector = 'kafka', format = 'avro')";
        let (_, diags) = expand(bare, &NoSchemas);
        assert_eq!(codes(&diags), ["option::missing"]);
    }

    #[test]
    fn bare_avro_datums_need_a_schema_even_with_columns() {
        let sql = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', format = 'avro', 'avro.raw_datums' = true)";
        let (out, diags) = expand(sql, &NoSchemas);
        assert!(out.is_none());
        assert_eq!(codes(&diags), ["option::missing"]);
        // The value that asks for bare datums is where the fix goes.
        let at = diags.first().map(|d| d.span);
        assert_eq!(at.and_then(|s| sql.get(s.start..s.end)), Some("true"));
        // With a schema, bare datums decode.
        let mut schemas = MemorySchemas::default();
        schemas.files.insert("r.avsc".into(), AVSC.into());
        let with_file = "CREATE TABLE t WITH (connector = 'kafka', format = 'avro', 'avro.raw_datums' = true, 'avro.schema_file' = 'r.avsc')";
        let (out, diags) = expand(with_file, &schemas);
        assert!(out.is_some() && diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn resolver_not_found() {
        let (out, diags) = expand(FILE_SQL, &Failing(ResolveError::NotFound));
        assert!(out.is_none());
        assert_eq!(codes(&diags), ["schema::not_found"]);
        let (_, diags) = expand(PROTO_SQL, &Failing(ResolveError::NotFound));
        assert_eq!(codes(&diags), ["schema::not_found"]);
    }

    #[test]
    fn resolver_unavailable() {
        let down = Failing(ResolveError::Unavailable("connection refused".into()));
        let (out, diags) = expand(FILE_SQL, &down);
        assert!(out.is_none());
        assert_eq!(codes(&diags), ["schema::unavailable"]);
        assert_eq!(
            diags.first().map(|d| d.message.as_str()),
            Some("schema file `r.avsc` could not be looked up: connection refused")
        );
        // A protobuf import the resolver could not fetch is not a missing import either.
        let (_, diags) = expand(PROTO_SQL, &down);
        assert_eq!(codes(&diags), ["schema::unavailable"]);
    }

    #[test]
    fn resolver_invalid() {
        let bad = Failing(ResolveError::Invalid("not UTF-8".into()));
        let (out, diags) = expand(FILE_SQL, &bad);
        assert!(out.is_none());
        assert_eq!(codes(&diags), ["schema::invalid"]);
        let (_, diags) = expand(PROTO_SQL, &bad);
        assert_eq!(codes(&diags), ["schema::invalid"]);
    }

    #[test]
    fn inline_and_file_conflict() {
        let sql = format!(
            "CREATE TABLE t WITH (connector = 'kafka', format = 'avro', 'avro.schema' = '{AVSC}', 'avro.schema_file' = 'r.avsc')"
        );
        let (out, diags) = expand(&sql, &MemorySchemas::default());
        assert!(out.is_none());
        assert_eq!(codes(&diags), ["option::conflict"]);
    }

    #[test]
    fn declared_columns_are_checked_against_the_schema() {
        let registry = Registry::builtin();
        let sql = "CREATE TABLE t (id INT NOT NULL, idd BIGINT) WITH (connector = 'kafka')";
        let schema = vec![
            Field::new("id", DataType::Int64, true),
            Field::new("name", DataType::Utf8, true),
        ];
        let (fields, diags) = run_stage(sql, &Env::new(&registry), |c| {
            c.fields_with_definition(schema)
        });
        assert_eq!(fields.len(), 2);
        assert_eq!(
            codes(&diags),
            ["schema::column_mismatch", "schema::column_mismatch"]
        );
    }

    #[test]
    fn compatible_types() {
        use arrow_schema::TimeUnit;
        let list = |t: DataType, name: &str| DataType::List(Field::new(name, t, true).into());
        assert!(compatible(&DataType::Utf8, &DataType::LargeUtf8));
        assert!(compatible(
            &DataType::Timestamp(TimeUnit::Millisecond, None),
            &DataType::Timestamp(TimeUnit::Nanosecond, None)
        ));
        assert!(compatible(
            &list(DataType::Int64, "item"),
            &list(DataType::Int64, "element")
        ));
        assert!(!compatible(&DataType::Int32, &DataType::Int64));
        let wide = DataType::Struct(
            vec![
                Field::new("a", DataType::Int64, true),
                Field::new("b", DataType::Utf8, true),
            ]
            .into(),
        );
        let narrow = DataType::Struct(vec![Field::new("a", DataType::Int64, true)].into());
        assert!(compatible(&narrow, &wide));
        assert!(!same_shape(&narrow, &wide));
        assert!(same_shape(&wide, &wide));
    }
}
