//! How a script's other statements use its tables, as Flink reads it to decide whether a
//! table is a source or a sink: `INSERT INTO t` writes `t`, `FROM t` and `JOIN t` read it.
//! Read with the tokenizer alone (no planner), and only when a foreign table lacks `type`.

use std::cell::OnceCell;
use std::collections::HashMap;

use sqlparser::dialect::GenericDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

use crate::span::Span;

/// The tables the other statements of a script write and read (by lower-case name), with
/// the words that say so, e.g. `INSERT INTO clicks`.
#[derive(Default)]
struct Uses {
    written: HashMap<String, String>,
    read: HashMap<String, String>,
}

/// The other statements of a script, read on first use.
pub(crate) struct ScriptUses<'a> {
    sql: &'a str,
    statements: Box<dyn Fn() -> Vec<Span> + 'a>,
    uses: OnceCell<Uses>,
}

impl<'a> ScriptUses<'a> {
    /// Over the statements at `statements` (spans into `sql`) that are not tables.
    pub(crate) fn new(sql: &'a str, statements: Vec<Span>) -> Self {
        Self::later(sql, move || statements.clone())
    }

    /// Over the statements that `find` gives (spans into `sql`) that are not tables:
    /// called on first use, as the streaming compile finds them with a pass over the
    /// script that it makes only when a table needs it.
    pub(crate) fn later(sql: &'a str, find: impl Fn() -> Vec<Span> + 'a) -> Self {
        ScriptUses {
            sql,
            statements: Box::new(find),
            uses: OnceCell::new(),
        }
    }

    fn uses(&self) -> &Uses {
        self.uses.get_or_init(|| {
            let mut uses = Uses::default();
            for s in (self.statements)() {
                if let Some(text) = self.sql.get(s.start..s.end) {
                    scan(text, &mut uses);
                }
            }
            uses
        })
    }

    /// What writes table `name`, e.g. `INSERT INTO clicks`.
    pub(crate) fn writes(&self, name: &str) -> Option<&str> {
        self.uses()
            .written
            .get(&name.to_lowercase())
            .map(String::as_str)
    }

    /// What reads table `name`, e.g. `FROM clicks`.
    pub(crate) fn reads(&self, name: &str) -> Option<&str> {
        self.uses()
            .read
            .get(&name.to_lowercase())
            .map(String::as_str)
    }
}

fn scan(text: &str, uses: &mut Uses) {
    let Ok(tokens) = Tokenizer::new(&GenericDialect {}, text).tokenize() else {
        return;
    };
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .collect();
    let keyword = |t: Option<&&Token>, k: &str| matches!(t, Some(Token::Word(w)) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(k));
    for (i, t) in words.iter().enumerate() {
        let (into, from) = (
            keyword(Some(t), "INTO"),
            keyword(Some(t), "FROM") || keyword(Some(t), "JOIN"),
        );
        if !into && !from {
            continue;
        }
        let writes = into && i > 0 && keyword(words.get(i - 1), "INSERT");
        let Some(name) = name_at(&words, i + 1) else {
            continue;
        };
        let said = match (writes, from) {
            (true, _) => format!("`INSERT INTO {name}`"),
            (false, true) => format!("`… FROM {name}`"),
            _ => continue,
        };
        let map = if writes {
            &mut uses.written
        } else {
            &mut uses.read
        };
        map.entry(name.to_lowercase()).or_insert(said);
    }
}

/// The (possibly dotted) name that starts at word `i`.
fn name_at(words: &[&Token], mut i: usize) -> Option<String> {
    let mut name = String::new();
    loop {
        match words.get(i) {
            Some(Token::Word(w)) => name.push_str(&w.value),
            _ => return None,
        }
        if matches!(words.get(i + 1), Some(Token::Period)) {
            name.push('.');
            i += 2;
        } else {
            return Some(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_write_and_queries_read() {
        let sql = "INSERT INTO sink_t SELECT a FROM src JOIN db.dim ON x = y";
        let uses = ScriptUses::new(sql, vec![Span::new(0, sql.len())]);
        assert_eq!(uses.writes("SINK_T"), Some("`INSERT INTO sink_t`"));
        assert_eq!(uses.reads("src"), Some("`… FROM src`"));
        assert_eq!(uses.reads("db.dim"), Some("`… FROM db.dim`"));
        assert_eq!(uses.reads("sink_t"), None);
        assert_eq!(uses.writes("src"), None);
    }
}
