//! A script compiled statement by statement: each statement is tokenized, parsed and
//! compiled, then dropped, and each table goes to the caller as soon as no later statement
//! can change it. Memory follows the largest statement and the tables held back (those
//! whose name a later statement defines again), not the script.
//!
//! A table depends on the rest of the script in three ways, and a first pass over the
//! statements' heads (tokenized, not parsed; only names and counts kept) finds them:
//! - a tokenizer error anywhere ends the whole script (no table, that one diagnostic);
//! - a later statement of the same name replaces the table (`CREATE OR REPLACE`), or
//!   fails it (a duplicate; a syntax error or parser finding of a same-named statement):
//!   such a table is held until the last statement of its name, and the parser's
//!   findings of the names defined more than once are read by a second pass beforehand;
//! - Flink's tables take their type from the script's `INSERT INTO`/`FROM`: those
//!   statements are found by a further pass, only when a table asks.

#![allow(clippy::result_large_err)] // a tokenizer error is the cold path; boxing it buys nothing

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};

use super::{compile_translated, finish_diagnostics, lexical_secret_spans, type_fixes};
use super::{Compiled, Env, Table};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{Head, Statement, StatementReader};
use crate::span::{LineIndex, Span};

/// Whether the diagnostics naming a table include errors, and warnings.
type Named = (bool, bool);

/// Compiles a SQL script as [`compile_sql`](super::compile_sql) does, handing each table
/// to `each` as soon as it is final, in the order `compile_sql` lists them; the
/// [`Compiled`] returned has the diagnostics and secret spans, and no tables.
///
/// Memory stays proportional to the largest statement rather than to the script (plus
/// the tables held back because a later statement defines their name again), so a
/// caller that writes each table out as it comes can compile scripts of any size.
///
/// ```
/// use connector_ddl::{compile::compile_sql_with, Env, Registry};
///
/// let registry = Registry::builtin();
/// let sql = "CREATE TABLE a (x INT); CREATE TABLE b (y INT);";
/// let mut names = Vec::new();
/// let out = compile_sql_with(sql, &Env::new(&registry), |table| {
///     names.push(table.name().to_string());
/// });
/// assert_eq!(names, ["a", "b"]);
/// assert!(out.diagnostics.is_empty() && out.tables.is_empty());
/// ```
///
/// # Errors
/// Mistakes are returned as diagnostics in [`Compiled::diagnostics`], never as a panic.
pub fn compile_sql_with(sql: &str, env: &Env<'_>, mut each: impl FnMut(Table)) -> Compiled {
    match Outline::read(sql) {
        Ok(outline) => match run(sql, env, Some(outline), &mut each) {
            Ok(out) => out,
            // With the outline, every later statement is known: neither can happen.
            Err(Stop::Tokenizer(d)) => tokenizer_failure(sql, env, d),
            Err(Stop::Stale) => Compiled::new(Vec::new(), Vec::new(), Vec::new(), sql),
        },
        Err(d) => tokenizer_failure(sql, env, d),
    }
}

/// [`compile_sql`](super::compile_sql): every table is kept to the end anyway, so one
/// pass without the outline, holding every name, gives the same result unless a parser
/// finding names a table after a statement of that name compiled (then the outline is
/// read and the script compiled again).
pub(super) fn compile_collected(sql: &str, env: &Env<'_>) -> Compiled {
    let mut tables = Vec::new();
    let mut out = match run(sql, env, None, &mut |t| tables.push(t)) {
        Ok(out) => out,
        Err(Stop::Tokenizer(d)) => return tokenizer_failure(sql, env, d),
        Err(Stop::Stale) => {
            tables.clear();
            compile_sql_with(sql, env, |t| tables.push(t))
        }
    };
    out.tables = tables;
    out
}

/// One statement compiled as if the script held it alone: what [`compile_each`] hands
/// out.
pub(crate) struct Alone {
    /// The statement, from its first token to its last (its `;` is not in it).
    pub(crate) span: Span,
    /// Its table, when it compiled to one.
    pub(crate) table: Option<Table>,
    /// Its diagnostics, spans in the whole text, finished as `compile_sql` finishes a
    /// script's (strict, sorted, each said once); messages not masked yet.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The secret spans its table's compile found (not the lexical scan's, which a
    /// caller reads from the statement's text when it needs them).
    pub(crate) secrets: Vec<Span>,
}

/// Compiles each statement of `sql` as [`compile_sql`](super::compile_sql) compiles a
/// script holding that statement alone (so no duplicate names and no `INSERT
/// INTO`/`FROM` evidence from other statements), in one pass over the text: one
/// tokenizer and one line index for all of them. The editor opens a document with it
/// and puts what crosses statements together itself (`ide::assemble`).
///
/// # Errors
/// The tokenizer's error, which ends the script: the statements handed out before it
/// are then not what `compile_sql` reports (the caller compiles the text whole).
pub(crate) fn compile_each(
    sql: &str,
    env: &Env<'_>,
    mut each: impl FnMut(Alone),
) -> Result<(), Diagnostic> {
    let index = LineIndex::new(sql);
    // A statement alone has no other statement to give evidence.
    let uses = crate::migration::ScriptUses::new(sql, Vec::new());
    let mut reader = StatementReader::new(sql, &index);
    while let Some(parsed) = reader.next_parsed(|_| true)? {
        let mut diagnostics = parsed.diagnostics;
        type_fixes(&mut diagnostics, sql);
        // The parser's findings first, in order, as `run` puts a script's.
        crate::diagnostics::sort(&mut diagnostics);
        let mut table = None;
        let mut secret = Vec::new();
        if let Some(Statement::CreateTable(mut def)) = parsed.statement {
            let with = def.with.take();
            let form = parsed.form.as_ref();
            let (compiled, mut diags, found) =
                compile_translated(&def, with, env, sql, form, &uses);
            secret = found;
            // The parser's findings for this table fail it as in `run`.
            let name = def.name.node.as_str();
            let (mut parse_errors, mut parse_warnings) = (false, false);
            for d in diagnostics
                .iter()
                .filter(|d| d.table.as_deref() == Some(name))
            {
                parse_errors |= d.is_error();
                parse_warnings |= !d.is_error();
            }
            table = compiled.filter(|_| !parse_errors);
            if env.strict && (!diags.is_empty() || parse_warnings) {
                for d in &mut diags {
                    d.severity = Severity::Error;
                }
                table = None;
            }
            diagnostics.extend(diags.into_iter().map(|d| d.in_table(name)));
        }
        finish_diagnostics(&mut diagnostics, env.strict);
        each(Alone {
            span: parsed.head.span,
            table,
            diagnostics,
            secrets: secret,
        });
    }
    Ok(())
}

/// Why [`run`] stopped early.
enum Stop {
    /// A tokenizer error: the script's one diagnostic.
    Tokenizer(Diagnostic),
    /// Without an outline: a parser finding named a table already compiled.
    Stale,
}

/// The result of a script the tokenizer rejects: that error, and no table.
fn tokenizer_failure(sql: &str, env: &Env<'_>, d: Diagnostic) -> Compiled {
    let secrets = lexical_secret_spans(sql, false, env.registry);
    let mut diagnostics = vec![d];
    type_fixes(&mut diagnostics, sql);
    finish_diagnostics(&mut diagnostics, env.strict);
    Compiled::new(Vec::new(), diagnostics, secrets, sql)
}

/// Compiles the statements of `sql` one at a time. With an `outline`, a table goes to
/// `each` once no later statement can change it; without one, every table is held to
/// the end and what would need the outline stops the run.
fn run(
    sql: &str,
    env: &Env<'_>,
    outline: Option<Outline>,
    each: &mut impl FnMut(Table),
) -> Result<Compiled, Stop> {
    let index = LineIndex::new(sql);
    // Secrets are masked by key whether or not the statement parses or compiles.
    let mut secrets: Vec<Span> = lexical_secret_spans(sql, false, env.registry);
    let hold_all = outline.is_none();
    let outline = outline.unwrap_or_default();
    // Names whose statement has been compiled (without an outline only).
    let mut checked: HashSet<String> = HashSet::new();
    // Flink decides a table's type from the statements that use it; so does the
    // migration help. Found only when a table asks.
    let uses = crate::migration::ScriptUses::later(sql, || other_statements(sql));
    let mut parse_diags: Vec<Diagnostic> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut out = Queue::default();
    let mut defined: BTreeMap<String, (Span, usize)> = BTreeMap::new();
    // What names a table defined more than once (parser findings of the whole script,
    // compile diagnostics so far). A table defined once looks only at its own statement.
    let mut by_table = outline.named;
    let mut reader = StatementReader::new(sql, &index);
    while let Some(parsed) = reader.next_parsed(|_| true).map_err(Stop::Tokenizer)? {
        let span = parsed.head.span;
        let mut own = parsed.diagnostics;
        type_fixes(&mut own, sql);
        let repeated = match (&parsed.head.table, hold_all) {
            (Some(_), true) => Some(usize::MAX),
            (Some(k), false) => outline.repeated.get(&key_hash(k)).copied(),
            (None, _) => None,
        };
        let mut named_here: HashMap<String, Named> = HashMap::new();
        for d in &own {
            note_table(&mut named_here, d);
            if hold_all {
                if d.table.as_ref().is_some_and(|t| checked.contains(t)) {
                    return Err(Stop::Stale);
                }
                note_table(&mut by_table, d);
            }
        }
        parse_diags.append(&mut own);
        if let Some(Statement::CreateTable(mut def)) = parsed.statement {
            let key = def.name.node.to_lowercase();
            let previous = match repeated {
                Some(_) => defined.get(&key).copied(),
                None => None,
            };
            let named = |by_table: &HashMap<String, Named>| {
                let a = by_table.get(def.name.node.as_str()).copied();
                let b = named_here.get(def.name.node.as_str()).copied();
                let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
                (a.0 || b.0, a.1 || b.1)
            };
            let mut skip = false;
            if let Some((first, _)) = previous {
                if def.if_not_exists {
                    skip = true;
                } else if !def.or_replace {
                    let d = Diagnostic::error(
                        codes::DUPLICATE_TABLE,
                        def.name.span,
                        format!("table `{}` is already defined", def.name.node),
                    )
                    .with_label(first, "first defined here")
                    .with_help("use another name, or `CREATE TABLE IF NOT EXISTS` to keep the first definition")
                    .in_table(&def.name.node);
                    note_table(&mut by_table, &d);
                    diagnostics.push(d);
                    skip = true;
                }
            }
            if !skip {
                // The options move into the compiler rather than being copied.
                let with = def.with.take();
                let form = parsed.form.as_ref();
                let (mut table, mut diags, secret) =
                    compile_translated(&def, with, env, sql, form, &uses);
                secrets.extend(secret);
                // The parser's findings for this name count too: an error (a decimal
                // out of range) fails the table, and so does a warning in strict mode.
                let (parse_errors, parse_warnings) = named(&by_table);
                if hold_all {
                    checked.insert(def.name.node.clone());
                }
                if parse_errors {
                    table = None;
                }
                if env.strict && (!diags.is_empty() || parse_warnings) {
                    for d in &mut diags {
                        d.severity = Severity::Error;
                    }
                    table = None;
                }
                let before = diagnostics.len();
                diagnostics.extend(diags.into_iter().map(|d| d.in_table(&def.name.node)));
                if repeated.is_some() {
                    for d in diagnostics.iter().skip(before) {
                        note_table(&mut by_table, d);
                    }
                }
                // Final after the last statement of its name.
                let final_at = repeated.unwrap_or(span.start);
                if let Some(t) = table {
                    match previous {
                        Some((_, i)) if i < out.len() => out.replace(i, t),
                        _ => {
                            if repeated.is_some() {
                                defined.insert(key, (def.name.span, out.len()));
                            }
                            out.push(t, final_at);
                        }
                    }
                } else if previous.is_none() && repeated.is_some() {
                    // Remember the name so later duplicates are still reported.
                    defined.insert(key, (def.name.span, usize::MAX));
                }
            }
        }
        out.emit_until(span.end, each);
    }
    out.emit_until(usize::MAX, each);
    // The line index (4 bytes a line) is not needed for the masked copy of the source.
    drop(reader);
    drop(index);
    crate::diagnostics::sort(&mut parse_diags);
    parse_diags.append(&mut diagnostics);
    let mut diagnostics = parse_diags;
    finish_diagnostics(&mut diagnostics, env.strict);
    Ok(Compiled::new(Vec::new(), diagnostics, secrets, sql))
}

/// Records in `named` that a diagnostic of `d`'s severity names its table.
pub(super) fn note_table(named: &mut HashMap<String, Named>, d: &Diagnostic) {
    if let Some(table) = &d.table {
        let (errors, warnings) = named.entry(table.clone()).or_default();
        if d.is_error() {
            *errors = true;
        } else {
            *warnings = true;
        }
    }
}

/// A hash of a table's lower-cased name: the outline keeps hashes, not names. Two names
/// with one hash only hold a table back longer than needed.
fn key_hash(key: &str) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// What the compile of one statement needs to know of the statements after it.
#[derive(Default)]
struct Outline {
    /// The names defined by more than one statement (by [`key_hash`]), each with the
    /// offset where its last statement starts.
    repeated: HashMap<u64, usize>,
    /// The parser's findings that name one of those tables.
    named: HashMap<String, Named>,
}

impl Outline {
    /// Reads the heads of every statement, then (only when some name is defined twice)
    /// parses the statements of those names for what the parser finds.
    fn read(sql: &str) -> Result<Self, Diagnostic> {
        // Each table name's count and the start of its last statement.
        let mut seen: HashMap<u64, (u32, usize)> = HashMap::new();
        fn note(seen: &mut HashMap<u64, (u32, usize)>, key: &str, at: usize) {
            let entry = seen.entry(key_hash(key)).or_insert((0, at));
            entry.0 = entry.0.saturating_add(1);
            entry.1 = at;
        }
        // The quick scan where it is sure of the text (then the tokenizer cannot fail
        // either), the tokenizer where it is not.
        let quick = crate::parse::heads::table_heads(sql, |at, key| note(&mut seen, &key, at));
        // Built only when the tokenizer is needed.
        let index = std::cell::OnceCell::new();
        let index = || index.get_or_init(|| LineIndex::new(sql));
        if quick.is_none() {
            seen.clear();
            let mut reader = StatementReader::new(sql, index());
            while let Some(head) = reader.next_head()? {
                if let Some(key) = &head.table {
                    note(&mut seen, key, head.span.start);
                }
            }
        }
        let repeated: HashMap<u64, usize> = seen
            .into_iter()
            .filter(|(_, (count, _))| *count > 1)
            .map(|(k, (_, last))| (k, last))
            .collect();
        let mut named = HashMap::new();
        if !repeated.is_empty() {
            let wanted = |h: &Head| {
                h.table
                    .as_deref()
                    .is_some_and(|k| repeated.contains_key(&key_hash(k)))
            };
            let mut reader = StatementReader::new(sql, index());
            while let Some(parsed) = reader.next_parsed(wanted)? {
                for d in &parsed.diagnostics {
                    note_table(&mut named, d);
                }
            }
        }
        Ok(Outline { repeated, named })
    }
}

/// The spans of the statements of `sql` that are not tables (what `ScriptUses` reads).
fn other_statements(sql: &str) -> Vec<Span> {
    let index = LineIndex::new(sql);
    let mut reader = StatementReader::new(sql, &index);
    let mut spans = Vec::new();
    while let Ok(Some(parsed)) = reader.next_parsed(|_| true) {
        if let Some(Statement::Other { span }) = parsed.statement {
            spans.push(span);
        }
    }
    spans
}

/// Tables in the order `compile_sql` lists them, handed out from the front as they become
/// final. Slot numbers count from the first table ever pushed.
#[derive(Default)]
struct Queue {
    /// Tables handed out so far.
    emitted: usize,
    /// The rest: each with the offset of a statement after which it is final.
    held: VecDeque<(Table, usize)>,
}

impl Queue {
    fn len(&self) -> usize {
        self.emitted + self.held.len()
    }

    fn push(&mut self, table: Table, final_at: usize) {
        self.held.push_back((table, final_at));
    }

    /// Replaces the table in slot `i`, if it is still held (a table is held until the
    /// last statement of its name, so a replacement always finds it).
    fn replace(&mut self, i: usize, table: Table) {
        if let Some(slot) = i
            .checked_sub(self.emitted)
            .and_then(|j| self.held.get_mut(j))
        {
            slot.0 = table;
        }
    }

    /// Hands out the tables at the front that are final once the text up to `end` is
    /// compiled.
    fn emit_until(&mut self, end: usize, each: &mut impl FnMut(Table)) {
        while self.held.front().is_some_and(|(_, at)| *at <= end) {
            if let Some((t, _)) = self.held.pop_front() {
                self.emitted += 1;
                each(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_corpus::ddl_corpus as corpus;

    /// Where the quick scan answers, it names every table the tokenizer's reading does,
    /// at the same statement.
    #[test]
    fn the_quick_scan_finds_every_table_head_the_reader_finds() {
        let files = corpus();
        let mut answered = 0;
        for (name, sql) in &files {
            let mut quick = Vec::new();
            if crate::parse::heads::table_heads(sql, |at, key| quick.push((at, key))).is_none() {
                continue;
            }
            answered += 1;
            let index = LineIndex::new(sql);
            let mut reader = StatementReader::new(sql, &index);
            while let Ok(Some(head)) = reader.next_head() {
                if let Some(key) = head.table {
                    assert!(
                        quick.contains(&(head.span.start, key.clone())),
                        "{name}: `{key}` at {} not in {quick:?}",
                        head.span.start
                    );
                }
            }
        }
        assert!(
            answered * 10 > files.len() * 8,
            "{answered} of {}",
            files.len()
        );
    }
}
