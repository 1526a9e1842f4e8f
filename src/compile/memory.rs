//! Stage for tables without a connector: a memory table takes no WITH options and no
//! generated columns.

use super::CONNECTOR;
use crate::diagnostics::{codes, Diagnostic};
use crate::messages;
use crate::options::grammar::did_you_mean;
use crate::options::ConnectorOptions;
use crate::parse::{ColumnKind, TableDef};

use super::columns::{check_column_refs, Columns, Known};
use super::output::{MemoryTable, Table};
pub(super) fn memory_table(
    def: &TableDef,
    columns: Columns,
    mut opts: ConnectorOptions,
    connectors: &[&str],
) -> (Option<Table>, Vec<Diagnostic>) {
    check_column_refs(
        def,
        &Known::new(&columns.fields, &columns.generated),
        &mut opts,
    );
    let pending = opts.pending_keys();
    let explicit_memory = !pending.is_empty() && opts.contains(CONNECTOR.key);
    let misspelt = pending.iter().find(|k| {
        k.node.eq_ignore_ascii_case(CONNECTOR.key)
            || did_you_mean(&k.node, [CONNECTOR.key]).is_some()
    });
    if let Some(key) = misspelt {
        // `Connector = 'kafka'`: the user meant a connection table; one error says so.
        let help = if key.node.eq_ignore_ascii_case(CONNECTOR.key) {
            "option keys are case-sensitive: write `connector`"
        } else {
            "did you mean `connector`?"
        };
        let d = Diagnostic::error(
            codes::UNKNOWN_OPTION,
            key.span,
            format!("unknown option `{}`", key.node),
        )
        .with_help(help);
        opts.report(messages::replace_text(
            d,
            key.span,
            &key.node,
            CONNECTOR.key,
        ));
        return (None, opts.take_diagnostics());
    }
    if explicit_memory {
        for key in &pending {
            opts.report(
                Diagnostic::error(
                    codes::MEMORY_TABLE,
                    key.span,
                    format!(
                        "memory tables take no WITH options, but `{}` is set",
                        key.node
                    ),
                )
                .with_help(format!(
                    "remove `{}`, or name a connector other than `memory`",
                    key.node
                )),
            );
        }
    } else if let Some(first) = pending.first() {
        // Options without a connector: the connector is what is missing, once, not one
        // error per option.
        let keys: Vec<String> = pending.iter().map(|k| format!("`{}`", k.node)).collect();
        opts.report(
            Diagnostic::error(
                codes::MEMORY_TABLE,
                opts.anchor(),
                "the table has WITH options but no `connector`",
            )
            .with_label(first.span, format!("options {} need a connector", keys.join(", ")))
            .with_help(format!(
                "add `connector = '…'`, one of: {}; a table without a connector is a memory table and takes no options",
                connectors.join(", ")
            )),
        );
    }
    for col in def.column_list() {
        if let ColumnKind::Generated { expr, .. } = &col.kind {
            opts.report(
                Diagnostic::error(
                    codes::MEMORY_TABLE,
                    expr.span,
                    format!(
                        "memory tables cannot have generated columns, but `{}` is generated",
                        col.name.node
                    ),
                )
                .with_help("compute the value in the query that inserts into the table"),
            );
        }
        if let ColumnKind::Metadata { span, .. } = &col.kind {
            opts.report(Diagnostic::warning(
                codes::MEMORY_TABLE,
                *span,
                format!(
                    "memory tables have no metadata; `{}` is a plain column",
                    col.name.node
                ),
            ));
        }
    }
    let diags = opts.take_diagnostics();
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let table = MemoryTable {
        name: def.name.node.clone(),
        fields: columns.fields,
        primary_keys: columns.primary_keys,
    };
    (Some(Table::Memory(table)), diags)
}

#[cfg(test)]
mod tests {
    use super::super::lower_columns;
    use super::super::testing::{codes, options, table_def};
    use super::*;

    fn memory(sql: &str) -> (Option<Table>, Vec<&'static str>) {
        let mut def = table_def(sql);
        let (mut opts, _) = options(&mut def);
        let columns = lower_columns(&def, false, &mut opts);
        let (table, diags) = memory_table(&def, columns, opts, &["kafka"]);
        (table, codes(&diags))
    }

    #[test]
    fn a_memory_table_keeps_its_columns_and_key() {
        let (table, found) = memory("CREATE TABLE m (id BIGINT, v TEXT, PRIMARY KEY (id))");
        assert!(found.is_empty());
        let Some(Table::Memory(m)) = table else {
            panic!("not a memory table");
        };
        assert_eq!(m.fields.len(), 2);
        assert_eq!(m.primary_keys, ["id"]);
    }

    #[test]
    fn memory_tables_take_no_options_nor_generated_columns() {
        let (table, found) = memory("CREATE TABLE m (id BIGINT) WITH (topic = 't')");
        assert!(table.is_none());
        assert_eq!(found, ["table::memory"]);
        // Options without a connector: the connector is missing, once.
        let (_, found) = memory("CREATE TABLE m (id BIGINT) WITH (topic = 't', format = 'json')");
        assert_eq!(found, ["table::memory"]);
        // A key a typo away from `connector` is that mistake.
        let (_, found) =
            memory("CREATE TABLE m (id BIGINT) WITH (conector = 'kafka', topic = 't')");
        assert_eq!(found, ["option::unknown"]);
        let (table, found) =
            memory("CREATE TABLE m (id BIGINT, g BIGINT GENERATED ALWAYS AS (id + 1))");
        assert!(table.is_none());
        assert_eq!(found, ["table::memory"]);
        // `Connector` is a misspelt `connector`: one error says so.
        let (_, found) = memory("CREATE TABLE m (id BIGINT) WITH (Connector = 'kafka')");
        assert_eq!(found, ["option::unknown"]);
        // Metadata is only a warning: the column stays a plain column.
        let (table, found) = memory("CREATE TABLE m (p INT METADATA FROM 'partition')");
        assert!(table.is_some());
        assert_eq!(found, ["table::memory"]);
    }
}
