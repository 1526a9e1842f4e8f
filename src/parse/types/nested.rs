//! Nested types: the field list of `STRUCT<…>` / `ROW(…)` (names, nullability, duplicate
//! fields) and the key and value types of `MAP<K, V>`.

use std::collections::HashMap;
use std::sync::Arc;

use super::tokens::{TypeTok, TypeTokens};
use super::{Ty, TypeParser};
use crate::diagnostics::{codes, Diagnostic};
use crate::span::Span;
use arrow_schema::{DataType, Field, Fields};

impl<T: TypeTokens> TypeParser<'_, '_, T> {
    pub(super) fn structure(&mut self, name: &str, depth: usize) -> Result<Ty, Diagnostic> {
        let Some(angle) = self.open_bracket() else {
            let at = self.current_span();
            return Err(Diagnostic::error(
                codes::STRUCT_FIELD,
                at,
                format!("`{name}` needs a field list"),
            )
            .with_help(format!("write `{name}<a INT, b TEXT>`")));
        };
        let mut fields: Vec<Field> = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut not_carried = None;
        let mut height = 1;
        let closes = |tp: &Self| {
            if angle {
                tp.at_close()
            } else {
                tp.p.kind(0) == TypeTok::RParen
            }
        };
        let mut unnamed_reported = false;
        if !closes(self) {
            loop {
                let fspan = self.next_span();
                let fname = match self.p.name() {
                    Some(name) => {
                        self.p.advance();
                        name
                    }
                    None => {
                        let other = self.p.found();
                        return Err(Diagnostic::error(
                            codes::STRUCT_FIELD,
                            fspan,
                            format!("expected a field name, found `{other}`"),
                        )
                        .with_help(format!("struct fields need names: `{name}<a INT, b TEXT>`")));
                    }
                };
                let anonymous = self.pending_gt > 0
                    || matches!(
                        self.p.kind(0),
                        TypeTok::Comma | TypeTok::Gt | TypeTok::ShiftRight | TypeTok::RParen
                    );
                if anonymous {
                    // `STRUCT<INT, TEXT>`: a type where a field name belongs. One mistake
                    // (the struct's fields have no names), so said once per struct.
                    if !unnamed_reported {
                        unnamed_reported = true;
                        self.cx.push(
                            Diagnostic::error(
                                codes::STRUCT_FIELD,
                                fspan,
                                format!(
                                "struct field `{fname}` has no type, or a type has no field name"
                            ),
                            )
                            .with_help(format!(
                                "struct fields need a name and a type: `{name}<a INT, b TEXT>`"
                            )),
                        );
                    }
                    if self.pending_gt == 0 && self.p.consume(TypeTok::Comma) {
                        continue;
                    }
                    break;
                }
                let _ = self.p.consume(TypeTok::Colon);
                let child = self.parse(depth + 1)?;
                height = height.max(child.height + 1);
                let nullable = !self.eat_words(&["NOT", "NULL"]);
                if self.eat_word("COMMENT") {
                    self.p.advance();
                }
                if let Some(first) = seen.get(&fname) {
                    self.cx.push(
                        Diagnostic::error(
                            codes::STRUCT_FIELD,
                            fspan,
                            format!("duplicate struct field `{fname}`"),
                        )
                        .with_label(*first, "first declared here"),
                    );
                } else {
                    seen.insert(fname.clone(), fspan);
                }
                let (f, nc) = child.field(&fname, nullable);
                not_carried = not_carried.or(nc);
                fields.push(f);
                if self.pending_gt == 0 && self.p.consume(TypeTok::Comma) {
                    continue;
                }
                break;
            }
        }
        if angle {
            self.expect_gt()?;
        } else {
            self.expect(TypeTok::RParen, "`)`")?;
        }
        Ok(Ty {
            dt: DataType::Struct(Fields::from(fields)),
            json: false,
            not_carried,
            height,
        })
    }

    pub(super) fn map(&mut self, depth: usize) -> Result<Ty, Diagnostic> {
        let Some(angle) = self.open_bracket() else {
            let at = self.current_span();
            return Err(Diagnostic::error(
                codes::UNKNOWN_TYPE,
                at,
                "`MAP` needs a key and a value type",
            )
            .with_help("write `MAP<TEXT, INT>`"));
        };
        let key = self.parse(depth + 1)?;
        self.expect(
            TypeTok::Comma,
            "`,` between the key and value types of `MAP`",
        )?;
        let value = self.parse(depth + 1)?;
        // `MAP<K, V NOT NULL>`: the values cannot be null (keys never can).
        let value_nullable = !self.eat_words(&["NOT", "NULL"]);
        if angle {
            self.expect_gt()?;
        } else {
            self.expect(TypeTok::RParen, "`)`")?;
        }
        let height = key.height.max(value.height) + 1;
        let (k, nk) = key.field("key", false);
        let (v, nv) = value.field("value", value_nullable);
        let entries = Field::new("entries", DataType::Struct(Fields::from(vec![k, v])), false);
        Ok(Ty {
            dt: DataType::Map(Arc::new(entries), false),
            json: false,
            not_carried: nk.or(nv),
            height,
        })
    }
}
