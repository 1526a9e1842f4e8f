//! Printing compiled tables for people: a readable summary, and canonical `CREATE TABLE`
//! text that compiles back to the same table.
//!
//! **Invariant:** nothing printed here contains a secret: options come from
//! [`Connection::options`], whose secret values are already redacted.
//!
//! **Invariant:** nothing printed here contains a control character from the input but
//! tabs and newlines: the rest (ESC, CR, bidirectional overrides, …) is written escaped,
//! as `\u{1b}`, so that a name or value cannot drive the terminal it is printed on.

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

/// Canonical `CREATE TABLE` text for a table, ending in `;` and a newline.
///
/// A name or value with a control character other than a tab or a newline is printed
/// escaped (see the module's invariants), so it does not compile back to the same table.
pub fn to_ddl(table: &Table) -> String {
    escape_controls(&ddl_raw(table)).into_owned()
}

fn ddl_raw(table: &Table) -> String {
    match table {
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
        Table::Connection(c) => connection_ddl(c),
    }
}

fn idents(names: &[String]) -> String {
    names
        .iter()
        .map(|n| quote_ident(n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn connection_ddl(c: &Connection) -> String {
    let mut out = String::from("CREATE ");
    if c.temporary {
        out.push_str("TEMPORARY ");
    }
    let _ = write!(out, "TABLE {}", quote_ident(&c.name));
    if !c.schema.inferred {
        let mut cols: Vec<String> = c.schema.fields.iter().map(|f| column_def(c, f)).collect();
        if !c.schema.primary_keys.is_empty() {
            cols.push(format!("PRIMARY KEY ({})", idents(&c.schema.primary_keys)));
        }
        if let Some(w) = &c.schema.watermark {
            match &w.expression {
                Some(e) => cols.push(format!("WATERMARK FOR {} AS {e}", quote_ident(&w.column))),
                None => cols.push(format!("WATERMARK FOR {}", quote_ident(&w.column))),
            }
        }
        let _ = write!(out, " (\n    {}\n)", cols.join(",\n    "));
    }
    let opts: Vec<String> = c
        .options
        .iter()
        .map(|(k, v)| format!("{} = {v}", option_key(k)))
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
