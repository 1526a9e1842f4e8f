//! The front end's output: a script of statements, with a span on every node.
//!
//! The IR knows no connector, format or option name: any key parses, and every value is
//! kept as written (lowered to [`Value`]) for the option stage to interpret.

use arrow_schema::DataType;

use crate::options::Value;
use crate::span::{Span, Spanned};

/// One statement of a script.
#[derive(Clone, Debug)]
pub(crate) enum Statement {
    /// `CREATE [TEMPORARY] TABLE … [( … )] [WITH ( … )]` without `AS`.
    CreateTable(Box<TableDef>),
    /// Any other statement (`INSERT`, `SELECT`, `CREATE VIEW`, `CREATE TABLE … AS`, …),
    /// skipped by the compiler.
    Other {
        /// The statement's span.
        span: Span,
    },
}

/// A `CREATE TABLE` statement.
#[derive(Clone, Debug)]
pub(crate) struct TableDef {
    /// The table name as written, without quotes (`a.b` for a qualified name).
    pub name: Spanned<String>,
    /// The whole statement.
    #[allow(dead_code)]
    // the IR keeps every span and flag as written; not every consumer reads them
    pub span: Span,
    /// `CREATE TEMPORARY TABLE`: a lookup table.
    pub temporary: bool,
    /// Span of `TEMPORARY` (detached when absent).
    pub temporary_span: Span,
    /// `IF NOT EXISTS`.
    pub if_not_exists: bool,
    /// `CREATE OR REPLACE TABLE`.
    pub or_replace: bool,
    /// The column list, if one was written (`CREATE TABLE t WITH (…)` has none).
    pub columns: Option<Spanned<Vec<ColumnDef>>>,
    /// Table-level `PRIMARY KEY (…)` declarations (more than one is an error found later).
    pub primary_keys: Vec<PrimaryKeyDef>,
    /// `WATERMARK FOR …` clauses (more than one is an error found later).
    pub watermarks: Vec<WatermarkDef>,
    /// `PARTITIONED BY (…)` expressions (column names or transform calls), as written.
    pub partitioned_by: Option<Spanned<Vec<SqlExpr>>>,
    /// The `WITH (…)` clause.
    pub with: Option<WithClause>,
}

impl TableDef {
    /// The declared columns (empty when there is no column list).
    pub(crate) fn column_list(&self) -> &[ColumnDef] {
        self.columns
            .as_ref()
            .map(|c| c.node.as_slice())
            .unwrap_or(&[])
    }
}

/// The `WITH ( key = value, … )` clause.
#[derive(Clone, Debug)]
pub(crate) struct WithClause {
    /// From `WITH` to the closing parenthesis.
    pub span: Span,
    /// The options in the order written (duplicates included; they are found later).
    pub options: Vec<WithOption>,
}

/// One `key = value` of a WITH clause.
#[derive(Clone, Debug)]
pub(crate) struct WithOption {
    /// The key without quotes; dotted parts joined with `.`.
    pub key: Spanned<String>,
    /// The value.
    pub value: Spanned<Value>,
}

/// A column definition.
#[derive(Clone, Debug)]
pub(crate) struct ColumnDef {
    /// The column name, without quotes.
    pub name: Spanned<String>,
    /// The declared type (absent for a Flink-style `name AS expr` computed column).
    pub ty: Option<ColumnType>,
    /// Span of `NOT NULL`, if written.
    pub not_null: Option<Span>,
    /// Span of an explicit `NULL`, if written.
    pub nullable: Option<Span>,
    /// Span of a column-level `PRIMARY KEY`, if written.
    pub primary_key: Option<Span>,
    /// Physical, metadata or generated.
    pub kind: ColumnKind,
    /// The whole column definition.
    pub span: Span,
}

impl ColumnDef {
    /// A Flink computed column `name AS expr`: no declared type; its span ends at `end`.
    pub(crate) fn computed(name: Spanned<String>, expr: SqlExpr, end: Span) -> Self {
        let span = name.span.union(end);
        ColumnDef {
            name,
            ty: None,
            not_null: None,
            nullable: None,
            primary_key: None,
            kind: ColumnKind::Generated {
                expr,
                stored: false,
            },
            span,
        }
    }

    /// A physical column of type `ty`, before its constraints are read (its span is set
    /// once they are).
    pub(crate) fn typed(name: Spanned<String>, ty: ColumnType) -> Self {
        ColumnDef {
            name,
            ty: Some(ty),
            not_null: None,
            nullable: None,
            primary_key: None,
            kind: ColumnKind::Physical,
            span: Span::DETACHED,
        }
    }
}

/// What kind of column a definition declares.
#[derive(Clone, Debug)]
pub(crate) enum ColumnKind {
    /// A column read from (or written to) the connector's payload.
    Physical,
    /// `METADATA [FROM 'key'] [VIRTUAL]`: a value the connector provides beside the payload.
    Metadata {
        /// The metadata key (the column name when `FROM` is omitted).
        key: Spanned<String>,
        /// `VIRTUAL`: read-only (accepted for Flink compatibility).
        #[allow(dead_code)]
        // the IR keeps every span and flag as written; not every consumer reads them
        is_virtual: bool,
        /// Span of the whole `METADATA …` option.
        span: Span,
    },
    /// `GENERATED ALWAYS AS (expr) [STORED|VIRTUAL]` or `AS expr`: computed from other columns.
    Generated {
        /// The expression.
        expr: SqlExpr,
        /// `STORED` was written.
        stored: bool,
    },
}

/// A column type: the Arrow type it maps to, and what a connection table needs to know.
#[derive(Clone, Debug)]
pub(crate) struct ColumnType {
    /// The Arrow type.
    pub data_type: DataType,
    /// Whether the value is JSON text (`JSON`): the Arrow field gets the JSON marker.
    pub json: bool,
    /// The span of the type text.
    pub span: Span,
    /// The first part of the type that a connection table cannot carry (e.g. `SMALLINT`
    /// inside `ARRAY<SMALLINT>`): its span, its SQL name, and the type to use instead.
    pub not_carried: Option<NotCarried>,
}

/// A type part that a connection table cannot carry.
#[derive(Clone, Debug)]
pub(crate) struct NotCarried {
    /// Where the type part was written.
    pub span: Span,
    /// Its SQL name, e.g. `SMALLINT`.
    pub sql: String,
    /// What to write instead, e.g. `INT`.
    pub instead: &'static str,
}

/// A table-level `[CONSTRAINT name] PRIMARY KEY (a, b) [NOT ENFORCED]`.
#[derive(Clone, Debug)]
pub(crate) struct PrimaryKeyDef {
    /// The key columns.
    pub columns: Vec<Spanned<String>>,
    /// The whole constraint.
    pub span: Span,
}

/// `WATERMARK FOR column [AS expr]`.
#[derive(Clone, Debug)]
pub(crate) struct WatermarkDef {
    /// The event-time column.
    pub column: Spanned<String>,
    /// The watermark expression, if any.
    pub expr: Option<SqlExpr>,
    /// The whole clause.
    pub span: Span,
}

/// A SQL expression kept as written, with what the compiler needs to check it.
#[derive(Clone, Debug)]
pub struct SqlExpr {
    /// The expression's source text.
    pub text: String,
    /// Where it was written.
    pub span: Span,
    /// The words that may name columns, each with its span.
    pub(crate) columns: Vec<ColumnRef>,
    /// A coarse shape, enough to type-check watermark expressions.
    pub(crate) shape: ExprShape,
}

/// A word in an expression that may name a column.
#[derive(Clone, Debug)]
pub(crate) struct ColumnRef {
    /// The word, without quotes.
    pub name: Spanned<String>,
    /// Whether the word is also a SQL keyword (`timestamp`, `value`): then it only counts
    /// as a column reference when the table has a column of that name.
    pub is_keyword: bool,
}

/// The coarse shape of an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ExprShape {
    /// A bare column reference.
    Column(String),
    /// `column - INTERVAL …` or `column + INTERVAL …`.
    ColumnPlusMinusInterval(String),
    /// `CAST(… AS TIMESTAMP…)`, `TO_TIMESTAMP(…)` and similar: known to be a timestamp.
    Timestamp,
    /// Arithmetic on a column with something that is not an interval (`id - 5`): the
    /// column's type.
    ColumnArithmetic(String),
    /// A number literal.
    Number,
    /// A shape whose type the compiler cannot tell without a planner.
    Other,
}
