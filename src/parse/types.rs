//! SQL column types → Arrow types.
//!
//! We parse types ourselves instead of calling sqlparser's `parse_data_type`, because it
//! does not know `MAP<K, V>` or `ROW<…>`, cannot close two levels with one `>>` token, and
//! gives types no span. Our parser records the span of every (nested) type, so a type a
//! connection table cannot carry is reported exactly where it was written.
//!
//! | SQL | Arrow |
//! |---|---|
//! | `BOOLEAN`, `BOOL` | Boolean |
//! | `TINYINT` / `SMALLINT`, `INT2` | Int8 / Int16 (not in connection tables) |
//! | `INT`, `INTEGER`, `INT4` / `BIGINT`, `INT8` | Int32 / Int64 |
//! | `… UNSIGNED` | UInt8 / UInt16 (not in connection tables) / UInt32 / UInt64 |
//! | `FLOAT`, `FLOAT(p)`, `REAL`, `FLOAT4` | Float32 |
//! | `DOUBLE`, `DOUBLE PRECISION`, `FLOAT8` | Float64 |
//! | `DECIMAL`, `NUMERIC`, `DEC` | Decimal128(38, 10); `(p)` → (p, 0); `(p, s)` with 1 ≤ p ≤ 38, 0 ≤ s ≤ p |
//! | `TEXT`, `VARCHAR(n)`, `CHAR(n)`, `STRING`, `CHARACTER VARYING`, `NVARCHAR`, `CLOB` | Utf8 |
//! | `JSON` | Utf8 with the JSON marker (kept inside structs, arrays and maps) |
//! | `BYTEA`, `BYTES`, `BINARY`, `VARBINARY`, `BLOB` | Binary |
//! | `TIMESTAMP`, `DATETIME`, `TIMESTAMP WITHOUT TIME ZONE` | Timestamp(Nanosecond, None) |
//! | `TIMESTAMP(0 \| 3 \| 6 \| 9)` | Timestamp(Second \| Millisecond \| Microsecond \| Nanosecond, None) |
//! | `DATE` / `TIME[(p)]` / `INTERVAL` | Date32 / Time32 or Time64 / Interval(MonthDayNano) (not in connection tables) |
//! | `STRUCT<a T, b U NOT NULL>`, `ROW<…>`, `ROW(…)` | Struct (fields nullable unless `NOT NULL`) |
//! | `T[]`, `T[n]`, `ARRAY<T>`, `T ARRAY` | List(Field "item", nullable) |
//! | `ARRAY<T NOT NULL>` | List(Field "item", non-null) |
//! | `MAP<K, V>`, `MAP(K, V)` | Map(Field "entries" Struct("key" non-null, "value"), unsorted) |
//! | `MAP<K, V NOT NULL>` | the same, with a non-null "value" |

mod nested;
mod sql_text;
pub(crate) mod tokens;

pub(crate) use sql_text::{quote_ident, sql_name};

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, IntervalUnit, TimeUnit};
use tokens::{TypeTok, TypeTokens};

use super::ast::{ColumnType, NotCarried};
use super::Cx;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::grammar::did_you_mean;
use crate::schema::expand::{JSON_EXTENSION_KEY, JSON_EXTENSION_NAME};
use crate::span::Span;

/// How deep types may nest (`ARRAY<ARRAY<…>>`).
pub(crate) const MAX_TYPE_NESTING: usize = 32;

/// Type names we know, for did-you-mean on an unknown one.
pub(crate) const TYPE_NAMES: &[&str] = &[
    "BOOLEAN",
    "TINYINT",
    "SMALLINT",
    "INT",
    "INTEGER",
    "BIGINT",
    "FLOAT",
    "REAL",
    "DOUBLE",
    "DECIMAL",
    "NUMERIC",
    "TEXT",
    "VARCHAR",
    "CHAR",
    "STRING",
    "JSON",
    "BYTEA",
    "BYTES",
    "TIMESTAMP",
    "DATETIME",
    "DATE",
    "TIME",
    "INTERVAL",
    "STRUCT",
    "ROW",
    "ARRAY",
    "MAP",
];

/// The types a connection table can carry, for the help of `type::unsupported`.
pub(crate) const CARRIED_TYPES: &str =
    "BOOLEAN, INT, BIGINT, INT UNSIGNED, BIGINT UNSIGNED, FLOAT, \
DOUBLE, DECIMAL(p, s), TEXT, JSON, BYTEA, TIMESTAMP(p), STRUCT<…>, arrays (T[] or ARRAY<T>) \
and MAP<K, V>";

struct Ty {
    dt: DataType,
    json: bool,
    not_carried: Option<NotCarried>,
    /// How many levels of nesting the type has below it (0 for a scalar): with the depth it
    /// is written at, what [`MAX_TYPE_NESTING`] bounds, however the levels are written.
    height: usize,
}

impl Ty {
    fn plain(dt: DataType) -> Ty {
        Ty {
            dt,
            json: false,
            not_carried: None,
            height: 0,
        }
    }

    fn field(self, name: &str, nullable: bool) -> (Field, Option<NotCarried>) {
        let mut f = Field::new(name, self.dt, nullable);
        if self.json {
            f = f.with_metadata(json_metadata());
        }
        (f, self.not_carried)
    }
}

pub(crate) fn json_metadata() -> HashMap<String, String> {
    HashMap::from([(
        JSON_EXTENSION_KEY.to_string(),
        JSON_EXTENSION_NAME.to_string(),
    )])
}

/// Parses one column type at the parser's position.
///
/// Semantic problems (an unknown name, a decimal out of range) are reported into `cx` and
/// give `DataType::Null`, so parsing continues; only a syntax error returns `Err`.
pub(crate) fn parse_column_type(
    p: &mut impl TypeTokens,
    cx: &mut Cx<'_>,
) -> Result<ColumnType, Diagnostic> {
    let start = p.next_span(cx);
    let mut tp = TypeParser {
        p,
        cx,
        pending_gt: 0,
    };
    let ty = tp.parse(0)?;
    if tp.pending_gt > 0 {
        let at = tp.p.current_span(tp.cx);
        return Err(tp.cx.syntax(at, "unexpected `>` after the type"));
    }
    let end = tp.p.current_span(tp.cx);
    Ok(ColumnType {
        data_type: ty.dt,
        json: ty.json,
        span: start.union(end),
        not_carried: ty.not_carried,
    })
}

struct TypeParser<'a, 'c, T> {
    p: &'a mut T,
    cx: &'a mut Cx<'c>,
    /// One `>` still owed from a `>>` token that closed two levels at once.
    pending_gt: usize,
}

impl<T: TypeTokens> TypeParser<'_, '_, T> {
    fn is_word(&self, n: usize, w: &str) -> bool {
        self.p.is_word(n, w)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if self.pending_gt == 0 && self.is_word(0, w) {
            self.p.advance();
            true
        } else {
            false
        }
    }

    fn eat_words(&mut self, ws: &[&str]) -> bool {
        if self.pending_gt > 0 {
            return false;
        }
        for (i, w) in ws.iter().enumerate() {
            if !self.is_word(i, w) {
                return false;
            }
        }
        for _ in ws {
            self.p.advance();
        }
        true
    }

    fn current_span(&self) -> Span {
        self.p.current_span(self.cx)
    }

    fn next_span(&self) -> Span {
        self.p.next_span(self.cx)
    }

    fn expect(&mut self, tok: TypeTok, what: &str) -> Result<(), Diagnostic> {
        if self.pending_gt == 0 && self.p.consume(tok) {
            return Ok(());
        }
        let found = self.p.found();
        let at = self.next_span();
        Err(self
            .cx
            .syntax(at, format!("expected {what}, found `{found}`")))
    }

    /// Consumes a closing `>`, splitting a `>>` token into two.
    fn expect_gt(&mut self) -> Result<(), Diagnostic> {
        if self.pending_gt > 0 {
            self.pending_gt -= 1;
            return Ok(());
        }
        if self.p.consume(TypeTok::Gt) {
            return Ok(());
        }
        if self.p.consume(TypeTok::ShiftRight) {
            self.pending_gt = 1;
            return Ok(());
        }
        let found = self.p.found();
        let at = self.next_span();
        Err(self.cx.syntax(at, format!("expected `>`, found `{found}`")))
    }

    /// Consumes the `<` or `(` that opens a type's parameters: `Some(true)` for angle
    /// brackets, `Some(false)` for parentheses, `None` when neither follows.
    fn open_bracket(&mut self) -> Option<bool> {
        if self.pending_gt > 0 {
            return None;
        }
        if self.p.consume(TypeTok::Lt) {
            Some(true)
        } else if self.p.consume(TypeTok::LParen) {
            Some(false)
        } else {
            None
        }
    }

    fn at_close(&self) -> bool {
        self.pending_gt > 0 || matches!(self.p.kind(0), TypeTok::Gt | TypeTok::ShiftRight)
    }

    /// Parses `(n)` or `(n, m)` if present; numbers that do not fit are reported.
    /// Parses `(n)` or `(n, m)` if present. Values are kept as written (negative ones
    /// too) so range errors can name them; a number too large for `i128` becomes
    /// [`OUT_OF_RANGE`].
    fn parse_args(&mut self) -> Result<Option<Vec<(i128, Span)>>, Diagnostic> {
        if self.pending_gt > 0 || !self.p.consume(TypeTok::LParen) {
            return Ok(None);
        }
        let mut args = Vec::new();
        loop {
            let mut span = self.next_span();
            let negative = self.p.kind(0) == TypeTok::Minus;
            if negative {
                self.p.advance();
                span = span.union(self.next_span());
            }
            match self.p.number() {
                Some(n) => {
                    let v = n.parse::<i128>().unwrap_or(OUT_OF_RANGE);
                    args.push((if negative && v != OUT_OF_RANGE { -v } else { v }, span));
                    self.p.advance();
                }
                None => {
                    let found = self.p.found();
                    return Err(self
                        .cx
                        .syntax(span, format!("expected a number, found `{found}`")));
                }
            }
            if self.p.consume(TypeTok::Comma) {
                continue;
            }
            self.expect(TypeTok::RParen, "`)`")?;
            return Ok(Some(args));
        }
    }

    fn parse(&mut self, depth: usize) -> Result<Ty, Diagnostic> {
        if depth > MAX_TYPE_NESTING {
            let at = self.next_span();
            return Err(Diagnostic::error(
                codes::TOO_DEEP,
                at,
                format!("types nested more than {MAX_TYPE_NESTING} levels deep"),
            ));
        }
        let start = self.next_span();
        let mut buf = [0u8; 32];
        let Some(name) = (if self.pending_gt == 0 {
            self.p.word(0).map(|w| tokens::upper(w, &mut buf))
        } else {
            None
        }) else {
            let found = self.p.found();
            return Err(self
                .cx
                .syntax(start, format!("expected a column type, found `{found}`")));
        };
        self.p.advance();
        let mut ty = self.parse_base(&name, start, depth)?;
        // Suffixes: `T[]`, `T[3]`, `T ARRAY` make lists, as often as written; each is a
        // level of nesting like `ARRAY<T>`.
        loop {
            if self.pending_gt == 0 && self.p.consume(TypeTok::LBracket) {
                if self.p.kind(0) == TypeTok::Number {
                    self.p.advance();
                }
                self.expect(TypeTok::RBracket, "`]`")?;
            } else if self.eat_word("ARRAY") {
            } else {
                break;
            }
            let height = ty.height + 1;
            if depth + height > MAX_TYPE_NESTING {
                let at = self.current_span();
                return Err(Diagnostic::error(
                    codes::TOO_DEEP,
                    at,
                    format!("types nested more than {MAX_TYPE_NESTING} levels deep"),
                ));
            }
            let (item, nc) = ty.field("item", true);
            ty = Ty {
                dt: DataType::List(Arc::new(item)),
                json: false,
                not_carried: nc,
                height,
            };
        }
        Ok(ty)
    }

    fn not_carried(&self, dt: DataType, start: Span, sql: &str, instead: &'static str) -> Ty {
        Ty {
            dt,
            json: false,
            height: 0,
            not_carried: Some(NotCarried {
                span: start.union(self.current_span()),
                sql: sql.to_string(),
                instead,
            }),
        }
    }

    fn integer(
        &mut self,
        start: Span,
        name: &str,
        signed: DataType,
        unsigned: DataType,
    ) -> Result<Ty, Diagnostic> {
        // MySQL display width, e.g. `INT(11)`, has no meaning for the value.
        self.parse_args()?;
        let is_unsigned = self.eat_word("UNSIGNED");
        let (dt, sql) = if is_unsigned {
            (unsigned, format!("{name} UNSIGNED"))
        } else {
            (signed, name.to_string())
        };
        Ok(match dt {
            DataType::Int8 | DataType::Int16 => self.not_carried(dt, start, &sql, "INT"),
            DataType::UInt8 | DataType::UInt16 => self.not_carried(dt, start, &sql, "INT UNSIGNED"),
            dt => Ty::plain(dt),
        })
    }

    fn error_ty(&mut self, d: Diagnostic) -> Ty {
        self.cx.push(d);
        Ty::plain(DataType::Null)
    }

    fn parse_base(&mut self, name: &str, start: Span, depth: usize) -> Result<Ty, Diagnostic> {
        Ok(match name {
            "BOOLEAN" | "BOOL" => Ty::plain(DataType::Boolean),
            "TINYINT" => self.integer(start, "TINYINT", DataType::Int8, DataType::UInt8)?,
            "SMALLINT" | "INT2" => {
                self.integer(start, "SMALLINT", DataType::Int16, DataType::UInt16)?
            }
            "INT" | "INTEGER" | "INT4" => {
                self.integer(start, "INT", DataType::Int32, DataType::UInt32)?
            }
            "BIGINT" | "INT8" => {
                self.integer(start, "BIGINT", DataType::Int64, DataType::UInt64)?
            }
            "FLOAT" => {
                self.parse_args()?;
                Ty::plain(DataType::Float32)
            }
            "REAL" | "FLOAT4" => Ty::plain(DataType::Float32),
            "DOUBLE" | "FLOAT8" => {
                self.eat_word("PRECISION");
                self.parse_args()?;
                Ty::plain(DataType::Float64)
            }
            "CHAR" | "CHARACTER" | "VARCHAR" | "NVARCHAR" | "TEXT" | "STRING" | "CLOB" => {
                self.eat_word("VARYING");
                self.parse_args()?;
                Ty::plain(DataType::Utf8)
            }
            "JSON" => Ty {
                dt: DataType::Utf8,
                json: true,
                not_carried: None,
                height: 0,
            },
            "BYTEA" | "BYTES" | "BINARY" | "VARBINARY" | "BLOB" => {
                self.eat_word("VARYING");
                self.parse_args()?;
                Ty::plain(DataType::Binary)
            }
            "TIMESTAMP" | "DATETIME" => self.timestamp(start, name)?,
            "TIMESTAMPTZ" | "TIMESTAMP_LTZ" => {
                self.parse_args()?;
                let at = start.union(self.current_span());
                self.error_ty(tz_unsupported(at, name))
            }
            "DATE" => self.not_carried(DataType::Date32, start, "DATE", "TIMESTAMP"),
            "TIME" => self.time(start)?,
            "INTERVAL" => self.not_carried(
                DataType::Interval(IntervalUnit::MonthDayNano),
                start,
                "INTERVAL",
                "BIGINT",
            ),
            "DECIMAL" | "NUMERIC" | "DEC" => self.decimal(start, name)?,
            "STRUCT" | "ROW" => self.structure(name, depth)?,
            "ARRAY" => {
                if self.pending_gt > 0 || !self.p.consume(TypeTok::Lt) {
                    let at = start.union(self.current_span());
                    return Err(Diagnostic::error(
                        codes::UNKNOWN_TYPE,
                        at,
                        "`ARRAY` needs an element type",
                    )
                    .with_help("write `ARRAY<TEXT>` or `TEXT[]`"));
                }
                let item = self.parse(depth + 1)?;
                // `ARRAY<T NOT NULL>`: the items cannot be null (only this form says so).
                let nullable = !self.eat_words(&["NOT", "NULL"]);
                self.expect_gt()?;
                let height = item.height + 1;
                let (f, nc) = item.field("item", nullable);
                Ty {
                    dt: DataType::List(Arc::new(f)),
                    json: false,
                    not_carried: nc,
                    height,
                }
            }
            "MAP" => self.map(depth)?,
            "UUID" | "JSONB" | "MONEY" | "INET" | "CIDR" | "XML" | "BIT" => {
                self.parse_args()?;
                let at = start.union(self.current_span());
                let instead = if name == "JSONB" { "JSON" } else { "TEXT" };
                self.error_ty(
                    Diagnostic::error(
                        codes::TYPE_NOT_SUPPORTED,
                        at,
                        format!("type `{name}` is not supported"),
                    )
                    .with_help(format!("use `{instead}` instead")),
                )
            }
            _ => {
                // Skip arguments so parsing can go on after the unknown name.
                if self.pending_gt == 0 && self.p.kind(0) == TypeTok::LParen {
                    self.skip_parens();
                }
                let at = start.union(self.current_span());
                let mut d =
                    Diagnostic::error(codes::UNKNOWN_TYPE, at, format!("unknown type `{name}`"));
                // Spellings from other systems get the SQL name they mean.
                let alias = match name {
                    "INT64" | "LONG" => Some("BIGINT"),
                    "INT32" => Some("INT"),
                    "UINT64" => Some("BIGINT UNSIGNED"),
                    "UINT32" => Some("INT UNSIGNED"),
                    "FLOAT64" => Some("DOUBLE"),
                    "FLOAT32" => Some("FLOAT"),
                    "NUMBER" => Some("DECIMAL"),
                    "BOOL8" => Some("BOOLEAN"),
                    _ => None,
                };
                d = match alias.or_else(|| did_you_mean(name, TYPE_NAMES.iter().copied())) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(format!("connection tables carry {CARRIED_TYPES}")),
                };
                self.error_ty(d)
            }
        })
    }

    fn skip_parens(&mut self) {
        let mut depth = 0usize;
        loop {
            let kind = self.p.kind(0);
            self.p.advance();
            match kind {
                TypeTok::LParen => depth += 1,
                TypeTok::RParen => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                TypeTok::Eof => return,
                _ => {}
            }
        }
    }

    fn precision(&mut self, start: Span, what: &str) -> Result<Option<TimeUnit>, Diagnostic> {
        let Some(args) = self.parse_args()? else {
            return Ok(None);
        };
        let at = start.union(self.current_span());
        match args.as_slice() {
            [(0, _)] => Ok(Some(TimeUnit::Second)),
            [(3, _)] => Ok(Some(TimeUnit::Millisecond)),
            [(6, _)] => Ok(Some(TimeUnit::Microsecond)),
            [(9, _)] => Ok(Some(TimeUnit::Nanosecond)),
            [(p, s)] => {
                let p = show_arg(*p);
                Err(Diagnostic::error(
                    codes::TIMESTAMP_PRECISION,
                    *s,
                    format!("unsupported {what} precision {p}"),
                )
                .with_help("supported precisions are 0 (seconds), 3 (milliseconds), 6 (microseconds) and 9 (nanoseconds)"))
            }
            _ => Err(Diagnostic::error(
                codes::TIMESTAMP_PRECISION,
                at,
                format!("{what} takes one precision argument"),
            )
            .with_help(format!("write e.g. `{}(3)`", what.to_ascii_uppercase()))),
        }
    }

    /// The unit of `TIMESTAMP(p)` or `TIME(p)`: nanoseconds when no precision is written,
    /// and after reporting one that is not supported.
    fn precision_unit(&mut self, start: Span, what: &str) -> TimeUnit {
        match self.precision(start, what) {
            Ok(u) => u.unwrap_or(TimeUnit::Nanosecond),
            Err(d) => {
                self.cx.push(d);
                TimeUnit::Nanosecond
            }
        }
    }

    fn timestamp(&mut self, start: Span, name: &str) -> Result<Ty, Diagnostic> {
        let unit = self.precision_unit(start, "timestamp");
        if self.eat_words(&["WITHOUT", "TIME", "ZONE"]) {
        } else if self.eat_words(&["WITH", "LOCAL", "TIME", "ZONE"])
            || self.eat_words(&["WITH", "TIME", "ZONE"])
        {
            let at = start.union(self.current_span());
            return Ok(self.error_ty(tz_unsupported(at, name)));
        }
        Ok(Ty::plain(DataType::Timestamp(unit, None)))
    }

    fn time(&mut self, start: Span) -> Result<Ty, Diagnostic> {
        let unit = self.precision_unit(start, "time");
        if self.eat_words(&["WITHOUT", "TIME", "ZONE"]) {
        } else if self.eat_words(&["WITH", "TIME", "ZONE"]) {
            let at = start.union(self.current_span());
            return Ok(self.error_ty(
                Diagnostic::error(
                    codes::TYPE_NOT_SUPPORTED,
                    at,
                    "`TIME WITH TIME ZONE` is not supported",
                )
                .with_help("use `TIME`"),
            ));
        }
        let dt = match unit {
            TimeUnit::Second | TimeUnit::Millisecond => DataType::Time32(unit),
            _ => DataType::Time64(unit),
        };
        Ok(self.not_carried(dt, start, "TIME", "TEXT"))
    }

    fn decimal(&mut self, start: Span, name: &str) -> Result<Ty, Diagnostic> {
        let args = self.parse_args()?;
        let at = start.union(self.current_span());
        let (p, s, scale_written) = match args.as_deref() {
            None => return Ok(Ty::plain(DataType::Decimal128(38, 10))),
            Some([(p, _)]) => (*p, 0, false),
            Some([(p, _), (s, _)]) => (*p, *s, true),
            Some(_) => {
                return Ok(self.error_ty(
                    Diagnostic::error(
                        codes::DECIMAL_RANGE,
                        at,
                        format!("`{name}` takes a precision and an optional scale"),
                    )
                    .with_help(format!(
                        "write `{name}(p, s)` with 1 <= p <= 38 and 0 <= s <= p"
                    )),
                ))
            }
        };
        if !(1..=38).contains(&p) || !(0..=p).contains(&s) {
            let written = if scale_written {
                format!("{name}({}, {})", show_arg(p), show_arg(s))
            } else {
                format!("{name}({})", show_arg(p))
            };
            return Ok(self.error_ty(
                Diagnostic::error(
                    codes::DECIMAL_RANGE,
                    at,
                    format!("`{written}` is out of range"),
                )
                .with_help("the precision must be between 1 and 38 and the scale between 0 and the precision"),
            ));
        }
        // Both fit: p <= 38 and s <= p.
        let (p, s) = (u8::try_from(p).unwrap_or(38), i8::try_from(s).unwrap_or(0));
        Ok(Ty::plain(DataType::Decimal128(p, s)))
    }
}

/// Stands for a type argument too large to represent.
const OUT_OF_RANGE: i128 = i128::MAX;

fn show_arg(v: i128) -> String {
    if v == OUT_OF_RANGE {
        "out of range".to_string()
    } else {
        v.to_string()
    }
}

fn tz_unsupported(at: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        codes::TYPE_NOT_SUPPORTED,
        at,
        format!("`{name}` with a time zone is not supported"),
    )
    .with_help("use `TIMESTAMP`: timestamps are instants in UTC")
}
