//! Printing compiled tables for people: a readable summary, and canonical `CREATE TABLE`
//! text that compiles back to the same table.
//!
//! **Invariant:** nothing printed here contains a secret: options come from
//! [`Connection::options`], whose secret values are already redacted; printed DDL shows
//! each of them as a `{{ VAR }}` placeholder named after the table and the option (see
//! [`to_ddl_with_vars`]), so the text compiles again once the variables are set.
//!
//! **Invariant:** nothing printed here contains a control character from the input but
//! tabs and newlines: the rest (ESC, CR, bidirectional overrides, …) is written escaped,
//! as `\u{1b}`, so that a name or value cannot drive the terminal it is printed on.

mod definition;
mod vars;

use std::fmt::Write;

use arrow_schema::Field;

use crate::compile::{Connection, Table};
use crate::diagnostics::escape_controls;
use crate::options::value::is_plain_ident;
use crate::parse::types::{quote_ident, sql_name};
use crate::schema::expand::is_json;

/// A readable, multi-line summary of a table. Control characters in names and values are
/// escaped (see the module's invariants).
pub fn summary(table: &Table) -> String {
    escape_controls(&summary_raw(table)).into_owned()
}

fn summary_raw(table: &Table) -> String {
    let mut out = String::new();
    match table {
        Table::Memory(m) => {
            let _ = writeln!(out, "{}: memory table", m.name);
            for f in &m.fields {
                let _ = writeln!(out, "  {}", column_text(f));
            }
        }
        Table::Connection(c) => {
            let _ = writeln!(
                out,
                "{}: {} {} ({})",
                c.name, c.connector, c.connection_type, c.description
            );
            if let Some(f) = &c.schema.format {
                let _ = writeln!(out, "  format: {}", f.name());
            }
            if c.schema.inferred {
                let _ = writeln!(out, "  columns: inferred from the query that writes to it");
            }
            for f in &c.schema.fields {
                let line = column_def(c, f);
                let _ = writeln!(out, "  {line}");
            }
            if !c.schema.primary_keys.is_empty() {
                let _ = writeln!(out, "  primary key: {}", c.schema.primary_keys.join(", "));
            }
            if let Some(w) = &c.schema.watermark {
                match &w.expression {
                    Some(e) => {
                        let _ = writeln!(out, "  watermark: {} AS {e}", w.column);
                    }
                    None => {
                        let _ = writeln!(out, "  watermark: {}", w.column);
                    }
                }
            }
        }
    }
    out
}

/// A column of a connection table as DDL: name, type, nullability, and its metadata key
/// or generating expression.
fn column_def(c: &Connection, f: &Field) -> String {
    let mut line = column_text(f);
    if let Some(m) = c
        .schema
        .metadata_fields
        .iter()
        .find(|m| &m.field == f.name())
    {
        let _ = write!(line, " METADATA FROM '{}'", m.key.replace('\'', "''"));
    }
    if let Some(g) = c
        .schema
        .generated_fields
        .iter()
        .find(|g| &g.field == f.name())
    {
        let _ = write!(line, " GENERATED ALWAYS AS ({})", g.expression);
        if g.stored {
            line.push_str(" STORED");
        }
    }
    line
}

fn column_text(f: &Field) -> String {
    let nn = if f.is_nullable() { "" } else { " NOT NULL" };
    format!(
        "{} {}{nn}",
        quote_ident(f.name()),
        sql_name(f.data_type(), is_json(f))
    )
}

/// Canonical `CREATE TABLE` text for a table, ending in `;` and a newline: what
/// [`to_ddl_with_vars`] prints, without the list of variables.
pub fn to_ddl(table: &Table) -> String {
    to_ddl_with_vars(table).0
}

/// Canonical `CREATE TABLE` text for a table, ending in `;` and a newline, and the names
/// of the `{{ VAR }}` placeholders it prints in place of secret values, in the order they
/// appear: the environment variables to set before the text is compiled again.
///
/// The text compiles back to the same table, except that each literal secret is now a
/// placeholder (`client_configs = 'sasl.password={{ ORDERS_SASL_PASSWORD }}'`). Columns
/// that came from a schema definition are left out: the definition's option gives them
/// back. A name or value with a control character other than a tab or a newline is
/// printed escaped (see the module's invariants), so it does not compile back to the same
/// table.
///
/// ```
/// use connector_ddl::{compile_sql, Env, Registry};
/// use connector_ddl::text::to_ddl_with_vars;
///
/// let registry = Registry::builtin();
/// let sql = "CREATE TABLE alerts (id BIGINT) WITH (connector = 'webhook',
///     endpoint = 'https://example.com/hooks', headers = 'Authorization: Bearer abc123',
///     format = 'json')";
/// let compiled = compile_sql(sql, &Env::new(&registry));
/// let (text, vars) = to_ddl_with_vars(&compiled.tables[0]);
/// assert_eq!(vars, ["ALERTS_AUTHORIZATION"]);
/// assert!(text.contains("headers = 'Authorization: {{ ALERTS_AUTHORIZATION }}'"));
/// assert!(!text.contains("abc123"));
/// ```
pub fn to_ddl_with_vars(table: &Table) -> (String, Vec<String>) {
    let mut vars = vars::Vars::default();
    let text = match table {
        Table::Memory(m) => {
            let mut cols: Vec<String> = m.fields.iter().map(column_text).collect();
            if !m.primary_keys.is_empty() {
                cols.push(format!("PRIMARY KEY ({})", idents(&m.primary_keys)));
            }
            format!(
                "CREATE TABLE {} (\n    {}\n);\n",
                quote_ident(&m.name),
                cols.join(",\n    ")
            )
        }
        Table::Connection(c) => connection_ddl(c, &mut vars),
    };
    (escape_controls(&text).into_owned(), vars.into_names())
}

fn idents(names: &[String]) -> String {
    names
        .iter()
        .map(|n| quote_ident(n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn connection_ddl(c: &Connection, vars: &mut vars::Vars) -> String {
    let mut out = String::from("CREATE ");
    if c.temporary {
        out.push_str("TEMPORARY ");
    }
    let _ = write!(out, "TABLE {}", quote_ident(&c.name));
    if !c.schema.inferred {
        // Columns a schema definition gives are left to it (see `definition`).
        // Metadata and generated columns, by name: looked up once per column.
        let computed: std::collections::BTreeSet<&str> = c
            .schema
            .metadata_fields
            .iter()
            .map(|m| m.field.as_str())
            .chain(c.schema.generated_fields.iter().map(|g| g.field.as_str()))
            .collect();
        let from_definition = definition::columns_from_definition(c, &computed);
        let mut cols: Vec<String> = c
            .schema
            .fields
            .iter()
            .filter(|f| !from_definition || computed.contains(f.name().as_str()))
            .map(|f| column_def(c, f))
            .collect();
        if !c.schema.primary_keys.is_empty() {
            cols.push(format!("PRIMARY KEY ({})", idents(&c.schema.primary_keys)));
        }
        if let Some(w) = &c.schema.watermark {
            match &w.expression {
                Some(e) => cols.push(format!("WATERMARK FOR {} AS {e}", quote_ident(&w.column))),
                None => cols.push(format!("WATERMARK FOR {}", quote_ident(&w.column))),
            }
        }
        if !cols.is_empty() {
            let _ = write!(out, " (\n    {}\n)", cols.join(",\n    "));
        }
    }
    let opts: Vec<String> = c
        .options
        .iter()
        .map(|(k, v)| format!("{} = {}", option_key(k), vars.option_value(c, k, v)))
        .collect();
    let _ = write!(out, " WITH (\n    {}\n)", opts.join(",\n    "));
    if !c.partitioned_by.is_empty() {
        let _ = write!(out, " PARTITIONED BY ({})", c.partitioned_by.join(", "));
    }
    out.push_str(";\n");
    out
}

/// An option key: bare when every dotted part is a plain identifier, quoted otherwise.
fn option_key(key: &str) -> String {
    if key.split('.').all(is_plain_ident) {
        key.to_string()
    } else {
        format!("'{}'", key.replace('\'', "''"))
    }
}
