//! The page of each diagnostic code beyond its one-line meaning: an example that reports
//! it and how to fix it. `ddlc --explain CODE`, `diagnostics::explain` and
//! `docs/diagnostics.md` all read this table, so they say the same thing.

use super::codes;

/// `(code, example, fix)`; a test checks every code has exactly one entry.
const PAGES: &[(&str, &str, &str)] = &[
    ("parse::syntax",
     "CREATE TABLE t (id BIGINT WITH (connector = 'kafka');",
     "Write what the message says was expected at the caret (here the `)` closing the column list). Only the statement with the error is skipped; the others are still compiled."),
    ("parse::unsupported",
     "CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Write it in a form the compiler supports: here a plain column (`id BIGINT`), since a connection table's values come from its connector."),
    ("limit::nesting",
     "CREATE TABLE t (a ARRAY<ARRAY<ARRAY<…>>>) …   -- nested more than 32 deep",
     "Flatten the type or the schema, or store the deep part as `JSON`."),
    ("type::unknown",
     "CREATE TABLE t (id BIGNT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Write a SQL type the compiler knows (`BIGINT`, `TEXT`, `TIMESTAMP`, `DECIMAL(p, s)`, `STRUCT<…>`, `ARRAY<…>`, …); the help names the nearest one and the fix writes it."),
    ("type::unsupported",
     "CREATE TABLE t (n SMALLINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Use the wider type the help names (`INT` for `SMALLINT`, `TIMESTAMP` for `DATE`); a memory table or a generated column may keep the narrow type."),
    ("type::decimal_range",
     "CREATE TABLE t (price DECIMAL(40, 2)) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Choose a precision between 1 and 38 and a scale between 0 and the precision, e.g. `DECIMAL(38, 2)`; wider numbers can be stored as `TEXT`."),
    ("type::precision",
     "CREATE TABLE t (ts TIMESTAMP(4)) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Write `TIMESTAMP(0)`, `(3)`, `(6)` or `(9)` (seconds, milliseconds, microseconds, nanoseconds), or plain `TIMESTAMP`."),
    ("type::struct_field",
     "CREATE TABLE t (point STRUCT<INT, INT>) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Give every struct field a name and a type, each name once: `STRUCT<x INT, y INT>`."),
    ("column::duplicate",
     "CREATE TABLE t (id BIGINT, name TEXT, id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Rename one of the columns, or remove the repeated declaration (the fix removes it when both declare the same thing)."),
    ("column::unknown",
     "CREATE TABLE t (event_time TIMESTAMP NOT NULL, WATERMARK FOR event_ts) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Name a column the table has; the help names the nearest one."),
    ("column::reserved",
     "CREATE TABLE t (__arroyo_seq BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Rename the column: Arroyo keeps names that start with `__arroyo` (in any case) for the columns it adds itself."),
    ("column::conflict",
     "CREATE TABLE t (p INT METADATA FROM 'partition' GENERATED ALWAYS AS (1)) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Keep one of the column options: a column is physical, metadata or generated."),
    ("watermark::duplicate",
     "CREATE TABLE t (a TIMESTAMP NOT NULL, b TIMESTAMP NOT NULL, WATERMARK FOR a, WATERMARK FOR b) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Keep one `WATERMARK FOR`: a table has one event time."),
    ("watermark::type",
     "CREATE TABLE t (ts BIGINT NOT NULL, WATERMARK FOR ts) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Declare the column `TIMESTAMP`, or add a TIMESTAMP column computed from it and put the watermark on that: `ts_time TIMESTAMP GENERATED ALWAYS AS (CAST(ts AS TIMESTAMP))`, `WATERMARK FOR ts_time AS CAST(ts AS TIMESTAMP) - INTERVAL '5' SECOND`."),
    ("watermark::nullable",
     "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Declare the column `NOT NULL` (the fix adds it after the type as written)."),
    ("table::primary_key",
     "CREATE TABLE t (id BIGINT PRIMARY KEY, PRIMARY KEY (id)) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Declare the primary key once, on the column or as a table constraint."),
    ("table::constraint",
     "CREATE TABLE t (id BIGINT, UNIQUE (id)) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Remove the constraint: connection tables take `PRIMARY KEY` and `WATERMARK FOR` only."),
    ("table::duplicate",
     "CREATE TABLE t (id BIGINT); CREATE TABLE t (id BIGINT);",
     "Use another name, `CREATE OR REPLACE TABLE` to replace the first definition, or `CREATE TABLE IF NOT EXISTS` to keep it."),
    ("table::memory",
     "CREATE TABLE t (id BIGINT) WITH (topic = 'events', format = 'json');",
     "Add `connector = '…'` to make it a connection table (the help lists the connectors), or remove the options: a table without a connector is a memory table."),
    ("option::unknown",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topc = 't', type = 'source', format = 'json');",
     "Use the key the help names (the fix renames it); options of another format belong with `format` set to that format."),
    ("option::duplicate",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json', format = 'avro');",
     "Keep one of the two; values are not merged."),
    ("option::missing",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_servers = 'b:9092', type = 'source', format = 'json');",
     "Add the option the help names before the closing parenthesis, e.g. `topic = '…'`, or take it from a `connection_profile`."),
    ("option::invalid_value",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'sorce', format = 'json');",
     "Write a value of the kind the message says; for a fixed set of values the help lists them and the fix writes the nearest one; strings are written in single quotes."),
    ("value::overflow",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json', idle_micros = 99999999999999999999);",
     "Write a smaller number; sizes and durations may take a unit (`'64mb'`, `'10s'`)."),
    ("option::conflict",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json', framing.newline.max_length = 10);",
     "Set the option the other one needs (here `framing = 'newline'`), or remove one of the two."),
    ("option::not_applicable",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'sink', format = 'json', source.offset = 'earliest');",
     "Remove the option, or change the table's `type` to the one it applies to."),
    ("option::set_by_profile",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json', bootstrap_servers = 'b:9092');",
     "Remove the option from WITH: the connection profile provides it, or use no profile."),
    ("option::deprecated",
     "CREATE TABLE t (ts TIMESTAMP NOT NULL) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json', event_time_field = ts);",
     "Write the replacement the help names; the deprecated form still works for now."),
    ("connector::unknown",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafak', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Name a registered connector; the help names the nearest one and the fix writes it."),
    ("connector::case",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'Kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Write the connector as registered, in lower case (the fix does)."),
    ("connector::connection_type",
     "CREATE TEMPORARY TABLE t (id BIGINT) WITH (connector = 'stdout', format = 'json');",
     "Use a connection type the connector has (the message lists them): a sink-only connector cannot be read or looked up."),
    ("connector::no_reason",
     "(a third-party connector that drops a table without a diagnostic)",
     "Report it to the connector's authors: the connector should say which option is at fault."),
    ("connector::fixed_schema",
     "CREATE TABLE t (n INT) WITH (connector = 'impulse', event_rate = 10);",
     "Declare the connector's columns as the help lists them, or no columns at all."),
    ("profile::not_found",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafak', topic = 't', type = 'source', format = 'json');",
     "Name a profile the embedder knows (ddlc: `--profiles FILE`); the help names the nearest one."),
    ("profile::connector_mismatch",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'cache', topic = 't', type = 'source', format = 'json');",
     "Use a profile of the table's connector."),
    ("profile::invalid",
     "(a connection profile whose `config` has a bad or missing value)",
     "Fix the profile's `config` where the message points; the table is right."),
    ("profile::unavailable",
     "(the profile store could not be reached)",
     "Try again once the store is available; nothing is known to be missing."),
    ("metadata::unknown",
     "CREATE TABLE t (p INT METADATA FROM 'partiton') WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Use a metadata key the connector provides; the help lists them."),
    ("metadata::type",
     "CREATE TABLE t (p BIGINT METADATA FROM 'partition') WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'json');",
     "Declare the column with the type the help names."),
    ("format::missing",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source');",
     "Add `format = '…'` with one of the formats the connector takes (the help lists them)."),
    ("format::unsupported",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'delta', type = 'sink', path = '/lake/t', format = 'json');",
     "Use a format the connector takes (the message lists them); for a connector with a fixed encoding (`blackhole`, `impulse`) remove `format`."),
    ("format::shape",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'raw_string');",
     "Declare the columns the format needs, e.g. `(value TEXT)` for `raw_string`."),
    ("format::debezium",
     "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'debezium_json');",
     "Declare a primary key (`PRIMARY KEY (id)`), and no generated columns."),
    ("schema::invalid",
     "CREATE TABLE t WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'avro', avro.schema = '{\"type\": \"recrd\"}');",
     "Fix the schema where the message points."),
    ("schema::not_found",
     "CREATE TABLE t WITH (connector = 'kafka', connection_profile = 'local-kafka', topic = 't', type = 'source', format = 'avro', avro.schema_file = 'nowhere.avsc');",
     "Provide the schema to the schema resolver (ddlc: `--schemas DIR` reads `DIR/nowhere.avsc`), write it inline, or declare the columns."),
    ("schema::unavailable",
     "(the schema registry or store could not be reached)",
     "Try again once the store is available; nothing is known to be missing."),
    ("schema::lossy",
     "an Avro `fixed`, a Protobuf `uint64`, or a JSON Schema union",
     "Nothing is required: the warning says how the value is represented. Declare the column yourself to choose another type."),
    ("schema::recursive",
     "a Protobuf message that contains itself",
     "Nothing is required: the recursive field is carried as JSON."),
    ("schema::unsupported",
     "a Protobuf file with `edition = \"2023\"`",
     "Use a schema feature the compiler supports (the message names the one that is not)."),
    ("schema::column_mismatch",
     "CREATE TABLE t (id INT NOT NULL) WITH (…, format = 'avro', avro.schema_file = 'orders.avsc');   -- the schema has id BIGINT",
     "Declare the column as the schema has it (the fix replaces the type and keeps the rest), or remove columns the schema does not have."),
    ("request::invalid",
     "{\"name\": \"t\", \"connector\": 7}",
     "Fix the request where the message points: it must be a JSON object with `name`, `connector`, `config` and `schema` as `POST /v1/connection_tables` takes them."),
    ("column::deprecated",
     "CREATE TABLE t (id TEXT, topic TEXT GENERATED ALWAYS AS (metadata('topic')) STORED) WITH (connector = 'mqtt', url = 'tcp://localhost:1883', topic = 'events', type = 'source', format = 'json');",
     "Write the column in the current form the help gives (`topic TEXT METADATA FROM 'topic'`); the fix rewrites it. The older form still compiles, with the same meaning."),
    ("stored::invalid",
     "[{\"name\": \"orders\", \"connector\": \"kafka\"}   -- ddlc --restore: the array is not closed",
     "Give `--restore` (or `stored::restore_json`) what `--output stored` wrote: a JSON array of stored tables. The message points at the first place that is not."),
    ("stored::fingerprint_mismatch",
     "{\"schema\": {\"definition\": {\"avro\": \"…\", \"fingerprint\": \"sha256:…\"}}}   -- the text was edited after it was stored",
     "Restore the pinned text as it was stored, or store the table again (compile its DDL and write `--output stored`) so the fingerprint matches the new text."),
    ("stored::unknown_option",
     "{\"name\": \"orders\", \"connector\": \"kafka\", \"config\": {\"retired.option\": \"x\", …}}",
     "Nothing is needed for the table to restore: the option is ignored. Remove it from the stored table, or store the table again, to silence the warning."),
    ("dialect::option",
     "CREATE TABLE t (id BIGINT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'localhost:9092', 'topic' = 't', 'type' = 'source', 'format' = 'json');",
     "Write the option (or value) as the help names it; the fix rewrites it, so applying the fixes turns a Flink or RisingWave table into one that compiles here with the same meaning."),
    ("dialect::unsupported",
     "CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');",
     "There is no equivalent here: the help says what to use instead, if anything (for generated test data, the `impulse` or `nexmark` connectors)."),
    ("dialect::type",
     "CREATE TABLE t (id BIGINT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'localhost:9092', 'topic' = 't', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');",
     "Add `type = 'source'` or `type = 'sink'`: Flink infers it from the queries that read or write the table, here the table says it. The fix adds it when the table makes it knowable."),
    ("dialect::statement",
     "CREATE SOURCE s (id BIGINT) WITH (connector = 'kafka', topic = 't', properties.bootstrap.server = 'localhost:9092') FORMAT PLAIN ENCODE JSON;",
     "Write a `CREATE TABLE` with `type = 'source'` (or `'sink'`) and a `format` option instead of `FORMAT … ENCODE …`; the fix rewrites the statement when the translation is certain."),
];

/// The documentation page of `code` (e.g. `"option::unknown"`) as Markdown: what it
/// means, an example that reports it, and how to fix it. The same text is in
/// `docs/diagnostics.md` and `ddlc --explain`; a language server can show it on hover.
/// `None` for a code the crate does not have (see [`nearest_code`]).
pub fn explain(code: &str) -> Option<String> {
    let (c, doc) = codes::ALL.iter().find(|(c, _)| c.as_str() == code)?;
    let (_, example, fix) = PAGES.iter().find(|(p, _, _)| *p == code)?;
    Some(format!(
        "# `{c}`\n\n{}\n\n## Example\n\n```sql\n{example}\n```\n\n## Fix\n\n{fix}\n",
        doc.trim()
    ))
}

/// The code nearest to a misspelled `code`, for a did-you-mean (`option::unknwn` →
/// `option::unknown`).
pub fn nearest_code(code: &str) -> Option<&'static str> {
    // Not the options' did-you-mean: diagnostics is a leaf module and uses none of them.
    let code = code.trim().to_lowercase();
    if code.is_empty() || code.len() > 64 {
        return None;
    }
    let limit = (code.chars().count() / 4).max(2);
    codes::ALL
        .iter()
        .map(|(c, _)| (strsim::damerau_levenshtein(&code, c.as_str()), c.as_str()))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_page() {
        for (code, _) in codes::ALL {
            let page = explain(code.as_str());
            assert!(
                page.as_deref().is_some_and(|p| p.contains("## Fix")),
                "no page for {code}"
            );
        }
        for (code, _, _) in PAGES {
            assert!(
                codes::ALL.iter().any(|(c, _)| c.as_str() == *code),
                "page for unknown code {code}"
            );
        }
        assert_eq!(PAGES.len(), codes::ALL.len());
        assert_eq!(explain("option::nope"), None);
        assert_eq!(nearest_code("option::unknwn"), Some("option::unknown"));
    }
}
