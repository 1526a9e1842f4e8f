//! A document as an editor holds it: its text and its compiled state, statement by
//! statement.
//!
//! The text is cut into pieces at its `;` tokens ([`super::split`]); each piece is
//! compiled on its own with [`compile_sql`] and cached by its text, so an edit compiles
//! again only the pieces whose text changed (the pieces after it move, and their cached
//! results are reused with their spans moved). What depends on several statements —
//! duplicate table names, Flink's `INSERT INTO`/`FROM` evidence, a tokenizer error that
//! ends the script — is put together again after every edit ([`super::assemble`]), so
//! [`Document::diagnostics`] is what [`compile_sql`] reports for the whole text.

use std::sync::{Arc, OnceLock};

use super::assemble::{self, Assembled, FxMap};
use super::split::{End, Splitter};
use crate::compile::{compile_sql, Compiled, Env};
use crate::diagnostics::{codes, Diagnostic};
use crate::parse::{parse_script, Script};
use crate::span::Span;

/// One statement's text compiled on its own (with, after it, the statements that stand
/// for the script's `INSERT INTO`/`FROM` evidence about its table, when there is any).
#[derive(Debug)]
pub(crate) struct Unit {
    /// The compiled text: the piece, then the evidence statements.
    pub(crate) text: UnitText,
    /// The length of the piece in `text`.
    pub(crate) len: usize,
    /// What compiling `text` gave (spans relative to the piece's start).
    pub(crate) compiled: Outcome,
    /// The names of the tables the piece defines, as written and in lower case.
    pub(crate) names: Vec<(String, String)>,
    /// Whether the tokenizer stopped in the piece (then it stops the whole script).
    pub(crate) tokenizer_error: bool,
    /// Where secret values are written in `text`: known once compiled, or, for a unit
    /// opened without a diagnostic, the table's compile's until [`Unit::secret_spans`]
    /// adds the lexical scan's (the scan of a whole document was a twentieth of
    /// opening it, and only a piece with a fix needs them).
    secrets: OnceLock<Vec<Span>>,
    found_secrets: Vec<Span>,
    /// Whether the piece may hold the string an unterminated string is reported at
    /// ([`super::split::loose_strings`]), found when first asked.
    loose_strings: OnceLock<bool>,
    /// The piece parsed on its own, when a service needs it.
    parsed: OnceLock<Script>,
}

impl Unit {
    pub(crate) fn compile(text: UnitText, len: usize, env: &Env<'_>) -> Unit {
        let compiled = compile_sql(&text, env);
        // A tokenizer error is the only diagnostic of a script, and no table compiles.
        let tokenizer_error = compiled.tables.is_empty()
            && matches!(compiled.diagnostics.as_slice(), [d] if d.code == codes::SYNTAX)
            && text.get(..len).is_some_and(super::split::tokenizer_fails);
        Unit::compiled(text, len, compiled, tokenizer_error)
    }

    /// The unit of `text` (its first `len` bytes the piece) that compiled to `compiled`.
    pub(crate) fn compiled(
        text: UnitText,
        len: usize,
        compiled: Compiled,
        tokenizer_error: bool,
    ) -> Unit {
        let secrets = OnceLock::from(compiled.secret_spans);
        let outcome = Outcome {
            tables: compiled.tables,
            diagnostics: compiled.diagnostics,
        };
        Unit::new(text, len, outcome, tokenizer_error, secrets, Vec::new())
    }

    /// The unit of the piece `text`, opened with one compile of the document, that
    /// compiled to `tables` and no diagnostic; its compile found the secret values at
    /// `found` (the lexical scan's are added when asked).
    pub(crate) fn opened(text: UnitText, tables: Vec<crate::Table>, found: Vec<Span>) -> Unit {
        let outcome = Outcome {
            tables,
            diagnostics: Vec::new(),
        };
        let len = text.len();
        Unit::new(text, len, outcome, false, OnceLock::new(), found)
    }

    fn new(
        text: UnitText,
        len: usize,
        compiled: Outcome,
        tokenizer_error: bool,
        secrets: OnceLock<Vec<Span>>,
        found_secrets: Vec<Span>,
    ) -> Unit {
        let mut names: Vec<(String, String)> = Vec::new();
        let mut add = |name: &str| {
            if !names.iter().any(|(n, _)| n == name) {
                let lower = if name.is_ascii() {
                    name.to_ascii_lowercase()
                } else {
                    name.to_lowercase()
                };
                names.push((name.to_string(), lower));
            }
        };
        for t in &compiled.tables {
            add(t.name());
        }
        for d in &compiled.diagnostics {
            if let Some(t) = &d.table {
                add(t);
            }
        }
        Unit {
            text,
            len,
            compiled,
            names,
            tokenizer_error,
            secrets,
            found_secrets,
            loose_strings: OnceLock::new(),
            parsed: OnceLock::new(),
        }
    }

    /// The piece's own text.
    pub(crate) fn piece_text(&self) -> &str {
        self.text.get(..self.len).unwrap_or("")
    }

    /// Where secret values are written in the unit's text, as `compile_sql` of it finds
    /// them.
    pub(crate) fn secret_spans(&self, registry: &crate::Registry) -> &[Span] {
        self.secrets.get_or_init(|| {
            let mut all = crate::compile::lexical_secret_spans(&self.text, false, registry);
            all.extend(self.found_secrets.iter().copied());
            all
        })
    }

    /// [`Unit::secret_spans`] when known.
    pub(crate) fn known_secret_spans(&self) -> Option<&[Span]> {
        self.secrets.get().map(Vec::as_slice)
    }

    /// Whether the piece may hold the string an unterminated string is reported at.
    fn loose_strings(&self) -> bool {
        *self
            .loose_strings
            .get_or_init(|| super::split::loose_strings(self.piece_text()))
    }

    /// The piece parsed on its own (spans relative to its start).
    pub(crate) fn script(&self) -> &Script {
        self.parsed.get_or_init(|| parse_script(self.piece_text()))
    }
}

/// What compiling a unit's text gave: a [`Compiled`] without its masked copy of the
/// source (the editor shows the document's own text), so a unit costs no second copy.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The tables that compiled.
    pub(crate) tables: Vec<crate::Table>,
    /// The diagnostics, sorted, messages masked.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// A piece of the text: `start..end`, and its compiled unit once there is one.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) unit: Option<Arc<Unit>>,
}

/// Units by compiled text, with the edit that put them there.
type Cache = FxMap<UnitText, (Arc<Unit>, u64)>;

/// The text a unit compiled: a string of its own, or a range of the text the document
/// was opened with, which all the units of that opening share (so opening allocates and
/// frees no text per statement). Hashed and compared as the `str` it holds.
#[derive(Clone, Debug)]
pub(crate) struct UnitText {
    whole: Arc<str>,
    start: usize,
    end: usize,
}

impl UnitText {
    /// A copy of `text`.
    pub(crate) fn own(text: &str) -> Self {
        UnitText::range(Arc::from(text), 0, text.len())
    }

    /// The bytes `start..end` of `whole` (empty when that is not a range of it).
    pub(crate) fn range(whole: Arc<str>, start: usize, end: usize) -> Self {
        let (start, end) = match whole.get(start..end) {
            Some(_) => (start, end),
            None => (0, 0),
        };
        UnitText { whole, start, end }
    }
}

impl std::ops::Deref for UnitText {
    type Target = str;

    fn deref(&self) -> &str {
        self.whole.get(self.start..self.end).unwrap_or("")
    }
}

impl std::borrow::Borrow<str> for UnitText {
    fn borrow(&self) -> &str {
        self
    }
}

impl PartialEq for UnitText {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for UnitText {}

impl std::hash::Hash for UnitText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

/// An open document: its text and what compiling it found.
#[derive(Debug)]
pub struct Document {
    text: String,
    pieces: Vec<Piece>,
    /// How the text ends (an open string makes the tokenizer's error the only diagnostic).
    end: End,
    /// Units of statements an edit removed, by compiled text, with the edit that removed
    /// them: a statement typed back (an undo, a quote closed again) is not compiled again.
    cache: Cache,
    /// How many edits the document has had.
    generation: u64,
    assembled: Assembled,
    /// The option keys whose value names a column, in the registry's catalogue.
    column_keys: Vec<&'static str>,
}

impl Document {
    /// Compiles `text` as a new document.
    pub fn new(text: impl Into<String>, env: &Env<'_>) -> Self {
        Document::with_cache(text.into(), FxMap::default(), env)
    }

    fn with_cache(text: String, cache: Cache, env: &Env<'_>) -> Self {
        if let Some(pieces) = super::open::open(&text, env) {
            let mut doc = Document {
                text,
                pieces,
                end: End::Clean,
                cache,
                generation: 0,
                assembled: Assembled::default(),
                column_keys: column_keys(env),
            };
            // Each statement counts as compiled once.
            doc.assembled.compiles = doc.pieces.len();
            doc.assemble(env);
            return doc;
        }
        let mut splitter = Splitter::new(&text, 0);
        let mut pieces = Vec::new();
        let mut start = 0;
        while let Some(end) = splitter.next_cut() {
            pieces.push(Piece {
                start,
                end,
                unit: None,
            });
            start = end;
        }
        let end = splitter.end();
        let mut doc = Document {
            text,
            pieces,
            end,
            cache,
            generation: 0,
            assembled: Assembled::default(),
            column_keys: column_keys(env),
        };
        doc.assemble(env);
        doc
    }

    /// Replaces the bytes `start..end` of the text with `replacement` and compiles again.
    /// A range outside the text, or not on character boundaries, is clamped to the
    /// nearest boundaries inside it.
    pub fn edit(&mut self, start: usize, end: usize, replacement: &str, env: &Env<'_>) {
        let start = floor_boundary(&self.text, start.min(self.text.len()));
        let end = floor_boundary(&self.text, end.clamp(start, self.text.len()));
        self.text.replace_range(start..end, replacement);
        let grow = replacement.len();
        let shrink = end - start;
        // The first piece the edit can change: the one holding `start` (the last one
        // for an edit at the end, which may continue its statement).
        let first = self
            .pieces
            .partition_point(|p| p.end <= start)
            .min(self.pieces.len().saturating_sub(1));
        let from = self.pieces.get(first).map_or(start, |p| p.start);
        let shift = |at: usize| at + grow - shrink;
        // Cut again from there until a cut falls where an old piece after the edit
        // starts: from there on the pieces are the same text as before, moved.
        let mut splitter = Splitter::new(&self.text, from);
        let mut fresh = Vec::new();
        let mut old = first;
        let mut piece_start = from;
        let mut synced = None;
        while let Some(cut) = splitter.next_cut() {
            fresh.push(Piece {
                start: piece_start,
                end: cut,
                unit: None,
            });
            piece_start = cut;
            while let Some(p) = self.pieces.get(old) {
                if p.start < end || shift(p.start) < cut {
                    old += 1;
                } else {
                    break;
                }
            }
            if self.pieces.get(old).is_some_and(|p| shift(p.start) == cut) {
                synced = Some(old);
                break;
            }
        }
        let tail_from = match synced {
            Some(j) => j,
            None => {
                self.end = splitter.end();
                self.pieces.len()
            }
        };
        for p in self.pieces.iter_mut().skip(tail_from) {
            p.start = shift(p.start);
            p.end = shift(p.end);
        }
        self.generation += 1;
        let generation = self.generation;
        for p in self.pieces.splice(first..tail_from, fresh) {
            if let Some(u) = p.unit {
                self.cache.insert(u.text.clone(), (u, generation));
            }
        }
        self.assemble(env);
    }

    /// Replaces the whole text and compiles again (statements already compiled with the
    /// same text are reused).
    pub fn set_text(&mut self, text: impl Into<String>, env: &Env<'_>) {
        let text = text.into();
        // An editor that sends the whole text on each keystroke changes a little of it:
        // that is an edit of the part between what is the same (compiling only the
        // statements there). Otherwise the new text is opened anew.
        let (same_start, same_end) = common_ends(&self.text, &text);
        let changed = text.len() - same_start - same_end;
        if changed <= text.len() / 2 {
            let replacement = text.get(same_start..text.len() - same_end).unwrap_or("");
            let old_end = self.text.len() - same_end;
            self.edit(same_start, old_end, replacement, env);
            return;
        }
        let mut cache = std::mem::take(&mut self.cache);
        for p in self.pieces.drain(..) {
            if let Some(u) = p.unit {
                cache.insert(u.text.clone(), (u, self.generation));
            }
        }
        let compiles = self.assembled.compiles;
        *self = Document::with_cache(text, cache, env);
        self.assembled.compiles += compiles;
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Every diagnostic of the document, sorted by position: the same as
    /// [`compile_sql`] reports for [`Document::text`].
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.assembled.diagnostics
    }

    /// The compiled tables, in source order.
    pub fn tables(&self) -> &[crate::Table] {
        self.assembled.tables(&self.pieces)
    }

    /// How many statements the document is cut into (for tests and benches: a measure of
    /// how much an edit compiles again).
    #[cfg(test)]
    pub(crate) fn statement_count(&self) -> usize {
        self.pieces.len()
    }

    /// How many statements were compiled since the document was opened (cached results
    /// reused are not counted).
    #[cfg(test)]
    pub(crate) fn compile_count(&self) -> usize {
        self.assembled.compiles
    }

    /// The option keys whose value names a column.
    pub(crate) fn column_keys(&self) -> &[&'static str] {
        &self.column_keys
    }

    /// The pieces, in order.
    pub(crate) fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Whether `span` overlaps a secret option value (as the compiler finds them).
    pub(crate) fn overlaps_secret(&self, span: Span) -> bool {
        let hit = |secrets: &[Span], by: usize| {
            secrets.iter().filter(|s| !s.is_detached()).any(|s| {
                s.start.saturating_add(by) < span.end.max(span.start.saturating_add(1))
                    && span.start < s.end.saturating_add(by)
            })
        };
        if let Some(c) = self.assembled.whole() {
            return hit(&c.secret_spans, 0);
        }
        // Spans not known yet count as a secret: nothing is quoted from there.
        self.piece_at(span.start)
            .and_then(|p| p.unit.as_ref().map(|u| (p.start, u)))
            .is_some_and(|(by, u)| u.known_secret_spans().is_none_or(|s| hit(s, by)))
    }

    /// The piece holding byte `offset` (the last one at the end of the text).
    pub(crate) fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.end <= offset);
        self.pieces.get(i).or_else(|| self.pieces.last())
    }

    /// Compiles what is not compiled yet and puts the document's diagnostics together.
    fn assemble(&mut self, env: &Env<'_>) {
        let previous = std::mem::take(&mut self.assembled);
        let mut compiles = previous.compiles;
        // A byte order mark right after a `;` is text to the front end, but a piece
        // compiled on its own would skip it as the script's first character: such a
        // document is compiled whole (found by the `ide` fuzz target).
        let bom_inside = self.pieces.iter().skip(1).any(|p| {
            self.text
                .get(p.start..p.end)
                .is_some_and(|t| t.starts_with('\u{feff}'))
        });
        let clean = self.end == End::Clean && !bom_inside;
        if clean {
            for p in &mut self.pieces {
                if p.unit.is_none() {
                    let text = self.text.get(p.start..p.end).unwrap_or("");
                    p.unit = Some(unit_for(&mut self.cache, text, "", env, &mut compiles));
                }
            }
        }
        let stopped = self
            .pieces
            .iter()
            .any(|p| p.unit.as_ref().is_some_and(|u| u.tokenizer_error));
        self.assembled = if clean && !stopped {
            let cache = &mut self.cache;
            let generation = self.generation;
            assemble::apply_evidence(&self.text, &mut self.pieces, |piece, suffix, old| {
                cache.insert(old.text.clone(), (old, generation));
                unit_for(cache, piece, suffix, env, &mut compiles)
            });
            let mut previous = previous;
            previous.compiles = compiles;
            assemble::assemble(&self.text, &self.pieces, env, previous)
        } else if let Some(d) = (!bom_inside).then(|| self.open_tail(env)).flatten() {
            Assembled::tokenizer_error(d, compiles)
        } else {
            Assembled::compiled_whole(compile_sql(&self.text, env), compiles)
        };
        // A fix's title quotes the text it replaces unless that holds a secret: the
        // pieces fixes fall in have their secret spans at hand.
        if self.assembled.whole().is_none() {
            for fix in self.assembled.diagnostics.iter().flat_map(|d| &d.fixes) {
                if let Some(u) = self.piece_at(fix.span.start).and_then(|p| p.unit.as_ref()) {
                    u.secret_spans(env.registry);
                }
            }
        }
        self.prune();
    }

    /// The whole script's one diagnostic when only its last piece runs into an open
    /// string or comment (the user is typing a value): the tokenizer's error there, read
    /// from that piece alone, when nothing before it could change where the front end
    /// reports it (no tokenizer error, no string [`super::split::loose_strings`] picks).
    /// `compile_sql` would read every statement before it first.
    fn open_tail(&self, env: &Env<'_>) -> Option<Diagnostic> {
        if self.end != End::Open {
            return None;
        }
        let (last, before) = self.pieces.split_last()?;
        let quiet = before.iter().all(|p| {
            p.unit
                .as_ref()
                .is_some_and(|u| !u.tokenizer_error && !u.loose_strings())
        });
        if !quiet || last.start == 0 {
            return None;
        }
        let tail = compile_sql(self.text.get(last.start..)?, env);
        match (tail.tables.is_empty(), tail.diagnostics.as_slice()) {
            (true, [d]) if d.code == codes::SYNTAX => Some(assemble::moved(d, &|s: Span| {
                if s.is_detached() {
                    s
                } else {
                    Span::new(s.start + last.start, s.end + last.start)
                }
            })),
            _ => None,
        }
    }

    /// Forgets the units removed longest ago once there are many (an open quote can move
    /// the rest of the text into the cache for a while; those stay for 1,024 edits).
    fn prune(&mut self) {
        if self.cache.len() > 4 * self.pieces.len() + 8192 {
            let keep = self.generation.saturating_sub(1024);
            self.cache.retain(|_, (_, g)| *g >= keep);
        }
    }
}

/// The unit of `piece` followed by `suffix`, from the cache or compiled.
fn unit_for(
    cache: &mut Cache,
    piece: &str,
    suffix: &str,
    env: &Env<'_>,
    compiles: &mut usize,
) -> Arc<Unit> {
    let key: std::borrow::Cow<'_, str> = if suffix.is_empty() {
        piece.into()
    } else {
        format!("{piece}{suffix}").into()
    };
    if !cache.is_empty() {
        // Taken out: a piece holds it now, and an edit that removes it puts it back.
        if let Some((u, _)) = cache.remove(key.as_ref()) {
            return u;
        }
    }
    *compiles += 1;
    Arc::new(Unit::compile(UnitText::own(&key), piece.len(), env))
}

/// The keys of every option of `env`'s catalogue that takes a column name.
fn column_keys(env: &Env<'_>) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = crate::compile::COMMON_OPTIONS
        .iter()
        .chain(env.registry.iter().flat_map(|(_, c)| c.spec().options()))
        .filter(|s| s.kind == crate::options::OptionKind::FieldRef)
        .map(|s| s.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// How many bytes `a` and `b` share at their start and at their end, both on character
/// boundaries and not overlapping in either text.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let start = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let start = floor_boundary(a, start);
    let room = a.len().min(b.len()) - start;
    let end = x
        .iter()
        .rev()
        .zip(y.iter().rev())
        .take(room)
        .take_while(|(p, q)| p == q)
        .count();
    // A boundary in one text is one in the other: the bytes after it are the same.
    let mut end = end;
    while end > 0 && !a.is_char_boundary(a.len() - end) {
        end -= 1;
    }
    (start, end)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
