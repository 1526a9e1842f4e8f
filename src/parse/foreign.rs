//! RisingWave's statement forms: `CREATE SOURCE`, `CREATE SINK … FROM mv | AS SELECT …`,
//! `INCLUDE …` and `FORMAT … ENCODE …`. The tokens are rewritten into the `CREATE TABLE`
//! they stand for, so the table parser reads the columns and options as usual, and what
//! was taken out is kept as a [`ForeignForm`] for the migration help (`crate::migration`)
//! to explain, once per statement, with a fix.
//!
//! This reads RisingWave's syntax only to say how to write it here; it is not a second
//! dialect (the statement is always an error).

use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::Cx;
use crate::span::Span;

/// Which RisingWave statement it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// `CREATE SOURCE`.
    Source,
    /// `CREATE SINK`.
    Sink,
    /// `CREATE TABLE … FORMAT … ENCODE …` (a RisingWave table that reads a connector).
    Table,
}

/// What a RisingWave statement had that a `CREATE TABLE` does not.
#[derive(Clone, Debug)]
pub(crate) struct ForeignForm {
    pub kind: FormKind,
    /// The whole statement.
    pub statement: Span,
    /// `CREATE SOURCE` / `CREATE SINK` (for a table: the `FORMAT` clause).
    pub head: Span,
    /// The `SOURCE` or `SINK` keyword, which becomes `TABLE`.
    pub keyword: Option<Span>,
    /// Text to delete: the sink's query, `INCLUDE` clauses, `FORMAT …`, a trailing comma.
    pub deletions: Vec<Span>,
    /// A sink's `FROM name` or `AS SELECT …`: the query that feeds it.
    pub query: Option<Span>,
    /// `CREATE SINK … INTO table`: a sink into a RisingWave table.
    pub into: bool,
    /// `INCLUDE …` clauses.
    pub includes: Vec<Include>,
    /// `FORMAT … ENCODE …`.
    pub format: Option<FormatClause>,
    /// Where the column list closes, if there is one (new columns go before it).
    pub columns_end: Option<usize>,
    /// The statement's table name, as written.
    pub name: String,
}

/// `INCLUDE what [AS alias]`.
#[derive(Clone, Debug)]
pub(crate) struct Include {
    /// `key`, `partition`, `offset`, `timestamp`, `header`, `payload`, … (lower case).
    pub what: String,
    pub alias: Option<String>,
}

/// `FORMAT format ENCODE encode [(options)] [KEY ENCODE …]`.
#[derive(Clone, Debug)]
pub(crate) struct FormatClause {
    /// Upper case, e.g. `PLAIN`.
    pub format: String,
    /// Upper case, e.g. `JSON`.
    pub encode: String,
    /// The `ENCODE` options: key (lower case) and value.
    pub options: Vec<(String, String)>,
    /// A `KEY ENCODE` part was written.
    pub key_encode: bool,
}

impl ForeignForm {
    /// The form as written, e.g. `CREATE SOURCE`.
    pub(crate) fn written(&self) -> String {
        match (self.kind, &self.format) {
            (FormKind::Source, _) => "CREATE SOURCE".into(),
            (FormKind::Sink, _) => "CREATE SINK".into(),
            (FormKind::Table, Some(f)) => format!("FORMAT {} ENCODE {}", f.format, f.encode),
            (FormKind::Table, None) => "INCLUDE".into(),
        }
    }
}

fn word(t: Option<&TokenWithSpan>) -> Option<String> {
    match t.map(|t| &t.token) {
        Some(Token::Word(w)) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
        _ => None,
    }
}

fn text_of(t: &Token) -> String {
    match t {
        Token::Word(w) => w.value.clone(),
        Token::SingleQuotedString(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The index of the parenthesis that closes the one at `open`.
fn closing(body: &[TokenWithSpan], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, t) in body.iter().enumerate().skip(open) {
        match t.token {
            Token::LParen => depth += 1,
            Token::RParen => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Rewrites a RisingWave statement in `body` (a statement's tokens, without whitespace)
/// into the `CREATE TABLE` it stands for, and says what it had. `None` (and `body`
/// untouched) for any other statement.
pub(crate) fn rewrite(
    body: &mut Vec<TokenWithSpan>,
    cx: &Cx<'_>,
    statement: Span,
) -> Option<ForeignForm> {
    if word(body.first()).as_deref() != Some("CREATE") {
        return None;
    }
    let kind = match word(body.get(1)).as_deref() {
        Some("SOURCE") => FormKind::Source,
        Some("SINK") => FormKind::Sink,
        Some("TABLE") => FormKind::Table,
        _ => return None,
    };
    if body.len() < 3 {
        return None; // no name: an incomplete statement, as any other
    }
    let span = |t: &TokenWithSpan| cx.span(t.span);
    let end_of = |body: &[TokenWithSpan], i: usize| body.get(i).map(|t| cx.span(t.span).end);
    let mut form = ForeignForm {
        kind,
        statement,
        head: span(body.first()?).union(span(body.get(1)?)),
        keyword: body.get(1).filter(|_| kind != FormKind::Table).map(span),
        deletions: Vec::new(),
        query: None,
        into: false,
        includes: Vec::new(),
        format: None,
        columns_end: None,
        name: String::new(),
    };
    // The name, after `IF NOT EXISTS`.
    let mut i = 2;
    if word(body.get(i)).as_deref() == Some("IF") {
        i += 3;
    }
    let name_start = i;
    i += 1;
    while matches!(body.get(i).map(|t| &t.token), Some(Token::Period)) {
        i += 2;
    }
    form.name = body
        .get(name_start..i.min(body.len()))
        .unwrap_or(&[])
        .iter()
        .map(|t| text_of(&t.token))
        .collect();
    let mut remove: Vec<std::ops::Range<usize>> = Vec::new();
    // A sink's query: `FROM mv`, `INTO t FROM mv` or `AS SELECT …`, up to the last `WITH (`.
    if kind == FormKind::Sink {
        let with_at = (i..body.len()).rev().find(|&j| {
            word(body.get(j)).as_deref() == Some("WITH")
                && matches!(body.get(j + 1).map(|t| &t.token), Some(Token::LParen))
        })?;
        if with_at > i {
            form.into = word(body.get(i)).as_deref() == Some("INTO");
            form.query = Some(span(body.get(i)?).union(span(body.get(with_at.saturating_sub(1))?)));
            form.deletions.push(Span::new(
                end_of(body, i.saturating_sub(1))?,
                end_of(body, with_at.saturating_sub(1))?,
            ));
            remove.push(i..with_at);
        }
        i = with_at;
    } else if matches!(body.get(i).map(|t| &t.token), Some(Token::LParen)) {
        let close = closing(body, i)?;
        form.columns_end = Some(span(body.get(close)?).start);
        // RisingWave's docs leave a comma after the last column.
        if close > 0
            && matches!(
                body.get(close.saturating_sub(1)).map(|t| &t.token),
                Some(Token::Comma)
            )
        {
            form.deletions
                .push(span(body.get(close.saturating_sub(1))?));
            remove.push(close.saturating_sub(1)..close);
        }
        i = close + 1;
    }
    // `INCLUDE what [AS alias]` clauses, before `WITH`.
    while word(body.get(i)).as_deref() == Some("INCLUDE") {
        let start = i;
        let what = body
            .get(i + 1)
            .map(|t| text_of(&t.token).to_ascii_lowercase())?;
        i += 2;
        let mut alias = None;
        while let Some(w) = body.get(i) {
            match word(Some(w)).as_deref() {
                Some("INCLUDE" | "WITH" | "FORMAT") => break,
                Some("AS") => {
                    alias = body.get(i + 1).map(|t| text_of(&t.token));
                    i += 2;
                }
                _ => i += 1,
            }
        }
        form.includes.push(Include { what, alias });
        form.deletions.push(Span::new(
            end_of(body, start.saturating_sub(1))?,
            end_of(body, i.saturating_sub(1))?,
        ));
        remove.push(start..i);
    }
    // `WITH (…)`, then `FORMAT … ENCODE …` to the end.
    if word(body.get(i)).as_deref() == Some("WITH") {
        i = closing(body, i + 1)? + 1;
    }
    if word(body.get(i)).as_deref() == Some("FORMAT")
        && word(body.get(i + 2)).as_deref() == Some("ENCODE")
    {
        let start = i;
        let format = word(body.get(i + 1))?;
        let encode = word(body.get(i + 3))?;
        let mut options = Vec::new();
        let mut j = i + 4;
        if matches!(body.get(j).map(|t| &t.token), Some(Token::LParen)) {
            let close = closing(body, j)?;
            options = encode_options(body.get(j + 1..close).unwrap_or(&[]));
            j = close + 1;
        }
        let key_encode = word(body.get(j)).as_deref() == Some("KEY");
        let last = body.len().saturating_sub(1);
        let clause = Span::new(span(body.get(start)?).start, end_of(body, last)?);
        form.deletions.push(Span::new(
            end_of(body, start.saturating_sub(1))?,
            clause.end,
        ));
        if kind == FormKind::Table {
            form.head = clause;
        }
        form.format = Some(FormatClause {
            format,
            encode,
            options,
            key_encode,
        });
        remove.push(start..body.len());
    }
    if kind == FormKind::Table && form.format.is_none() && form.includes.is_empty() {
        return None;
    }
    // Take the clauses out (back to front), and call the statement a table.
    remove.sort_by_key(|r| std::cmp::Reverse(r.start));
    for r in remove {
        if r.end <= body.len() {
            body.drain(r);
        }
    }
    if kind != FormKind::Table {
        if let Some(t) = body.get_mut(1) {
            t.token = Token::make_keyword("TABLE");
        }
    }
    Some(form)
}

/// `key = 'value', a.b = 'v'` → pairs (keys lower case, dotted parts joined).
fn encode_options(tokens: &[TokenWithSpan]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut after_eq = false;
    for t in tokens {
        match &t.token {
            Token::Eq => after_eq = true,
            Token::Comma => {
                key.clear();
                after_eq = false;
            }
            tok if after_eq => {
                out.push((key.to_ascii_lowercase(), text_of(tok)));
                key.clear();
                after_eq = false;
            }
            Token::Period => key.push('.'),
            tok => key.push_str(&text_of(tok)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_script, Statement};

    fn parsed(sql: &str) -> (Vec<String>, Vec<ForeignForm>, usize) {
        let script = parse_script(sql);
        let names = script
            .statements
            .iter()
            .filter_map(|s| match s {
                Statement::CreateTable(t) => Some(t.name.node.clone()),
                Statement::Other { .. } => None,
            })
            .collect();
        (names, script.foreign, script.diagnostics.len())
    }

    #[test]
    fn a_source_is_read_as_a_table() {
        let sql = "CREATE SOURCE IF NOT EXISTS s (a varchar, b integer,) \
                   INCLUDE key AS k WITH (connector = 'kafka', topic = 't') \
                   FORMAT PLAIN ENCODE JSON";
        let (names, forms, errors) = parsed(sql);
        assert_eq!((names, errors), (vec!["s".to_string()], 0));
        let form = forms.first().expect("a form");
        assert_eq!(form.kind, FormKind::Source);
        assert_eq!(form.written(), "CREATE SOURCE");
        assert_eq!(
            form.includes.first().map(|i| i.alias.as_deref()),
            Some(Some("k"))
        );
        let format = form.format.as_ref().expect("a format clause");
        assert_eq!(
            (format.format.as_str(), format.encode.as_str()),
            ("PLAIN", "JSON")
        );
        // The trailing comma, the INCLUDE clause and the FORMAT clause are deleted.
        assert_eq!(form.deletions.len(), 3);
        assert!(form.columns_end.is_some());
    }

    #[test]
    fn a_sink_keeps_its_query() {
        let sql = "CREATE SINK s AS SELECT a FROM t WHERE a > 1 WITH (connector = 'kafka') \
                   FORMAT PLAIN ENCODE JSON (force_append_only = 'true')";
        let (names, forms, errors) = parsed(sql);
        assert_eq!((names, errors), (vec!["s".to_string()], 0));
        let form = forms.first().expect("a form");
        let query = form.query.and_then(|q| sql.get(q.start..q.end));
        assert_eq!(query, Some("AS SELECT a FROM t WHERE a > 1"));
        let options = form.format.as_ref().map(|f| f.options.clone());
        assert_eq!(
            options,
            Some(vec![("force_append_only".to_string(), "true".to_string())])
        );
    }

    #[test]
    fn a_registry_option_is_read_whole() {
        let sql = "CREATE SOURCE s WITH (connector = 'kafka') FORMAT PLAIN ENCODE AVRO \
                   (schema.registry = 'http://r:8081', message = 'a.B')";
        let (_, forms, _) = parsed(sql);
        let options = forms
            .first()
            .and_then(|f| f.format.clone())
            .map(|f| f.options);
        assert_eq!(
            options,
            Some(vec![
                ("schema.registry".to_string(), "http://r:8081".to_string()),
                ("message".to_string(), "a.B".to_string()),
            ])
        );
    }

    #[test]
    fn other_statements_are_left_alone() {
        for sql in [
            "CREATE TABLE t (a INT) WITH (connector = 'kafka')",
            "CREATE VIEW v AS SELECT 1",
            "INSERT INTO t SELECT * FROM s",
            "CREATE SOURCE",
            "CREATE SINK s",
        ] {
            let (_, forms, _) = parsed(sql);
            assert!(forms.is_empty(), "{sql}");
        }
    }
}
