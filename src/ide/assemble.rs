//! Putting a document's diagnostics together from its statements, compiled one by one,
//! so they are what [`compile_sql`] reports for the whole text.
//!
//! What crosses statements:
//! - Flink's `INSERT INTO t` / `… FROM t` elsewhere in the script decide the type of a
//!   Flink table `t` (`migration::ScriptUses`). A statement whose table has such evidence
//!   is compiled followed by one `INSERT INTO "t" SELECT 1` / `SELECT 1 FROM "t"` per
//!   piece of evidence, which give the same evidence, worded the same.
//! - A table name defined more than once (`table::duplicate`, `IF NOT EXISTS`, `CREATE OR
//!   REPLACE`, and a table failing on another same-named statement's errors): the
//!   statements defining such names, with the script's other statements, are compiled
//!   together, and their diagnostics and tables are taken from that compile.
//! - A tokenizer error (an open string) is the only diagnostic of the whole script: the
//!   document is then compiled whole.

use std::sync::{Arc, OnceLock};

use super::document::{Piece, Unit};
use crate::compile::{compile_sql, Compiled, Env};
use crate::diagnostics::Diagnostic;
use crate::parse::Statement;
use crate::span::Span;
use crate::Table;

/// The document's diagnostics and where its tables are.
#[derive(Debug, Default)]
pub(crate) struct Assembled {
    /// Every diagnostic, sorted by position.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The text compiled together (the statements with a duplicated name and the
    /// script's other statements, or empty for the whole text) and what it gave.
    joint: Option<(String, Arc<Compiled>)>,
    /// Whether the document was compiled whole (its tables are the joint's).
    whole: bool,
    /// The pieces whose diagnostics and tables come from the joint compile (sorted).
    involved: Vec<usize>,
    /// Where each joint table goes: (piece, index in the joint's tables), sorted.
    joint_tables: Vec<(usize, usize)>,
    /// The tables, made on first use.
    tables: OnceLock<Vec<Table>>,
    /// How many compiles the document has run.
    pub(crate) compiles: usize,
}

impl Assembled {
    /// The result of compiling the whole text.
    pub(crate) fn compiled_whole(compiled: Compiled, compiles: usize) -> Assembled {
        Assembled {
            diagnostics: compiled.diagnostics.clone(),
            joint: Some((String::new(), Arc::new(compiled))),
            whole: true,
            involved: Vec::new(),
            joint_tables: Vec::new(),
            tables: OnceLock::new(),
            compiles: compiles + 1,
        }
    }

    /// A script whose only diagnostic is the tokenizer's error `d` (no table compiles).
    pub(crate) fn tokenizer_error(d: Diagnostic, compiles: usize) -> Assembled {
        let none = Compiled::new(Vec::new(), Vec::new(), Vec::new(), "");
        Assembled {
            diagnostics: vec![d],
            joint: Some((String::new(), Arc::new(none))),
            whole: true,
            compiles: compiles + 1,
            ..Assembled::default()
        }
    }

    /// The compile of the whole text, when the document was compiled whole.
    pub(crate) fn whole(&self) -> Option<&Compiled> {
        match &self.joint {
            Some((_, c)) if self.whole => Some(c),
            _ => None,
        }
    }

    /// The tables, cloned from the units (and the joint compile) on first use.
    pub(crate) fn tables(&self, pieces: &[Piece]) -> &[Table] {
        self.tables.get_or_init(|| {
            let joint = self.joint.as_ref().map(|(_, c)| &c.tables);
            if self.whole {
                return joint.cloned().unwrap_or_default();
            }
            let mut out = Vec::new();
            let mut placed = self.joint_tables.iter().peekable();
            for (i, p) in pieces.iter().enumerate() {
                while let Some((_, k)) = placed.next_if(|(at, _)| *at == i) {
                    out.extend(joint.and_then(|t| t.get(*k)).cloned());
                }
                if self.involved.binary_search(&i).is_err() {
                    if let Some(u) = &p.unit {
                        out.extend(u.compiled.tables.iter().cloned());
                    }
                }
            }
            out
        })
    }
}

/// Names are hashed on every edit and statement texts on every open: SipHash was most of
/// an edit.
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Gives every piece whose table has `INSERT INTO`/`FROM` evidence elsewhere in the
/// script the unit compiled with that evidence (and the others their plain unit).
pub(crate) fn apply_evidence(
    text: &str,
    pieces: &mut [Piece],
    mut unit_for: impl FnMut(&str, &str, Arc<Unit>) -> Arc<Unit>,
) {
    let mut others = Vec::new();
    for p in pieces.iter() {
        let Some(u) = p.unit.as_ref().filter(|u| u.names.is_empty()) else {
            continue;
        };
        if u.piece_text().trim().is_empty() {
            continue;
        }
        for s in &u.script().statements {
            if let Statement::Other { span } = s {
                others.push(Span::new(span.start + p.start, span.end + p.start));
            }
        }
    }
    let uses = (!others.is_empty()).then(|| crate::migration::ScriptUses::new(text, others));
    for p in pieces.iter_mut() {
        let Some(u) = p.unit.as_ref() else {
            continue;
        };
        let suffix = match &uses {
            Some(uses) if !u.names.is_empty() => evidence(uses, &u.names),
            _ => String::new(),
        };
        if u.text.get(u.len..).unwrap_or("") != suffix {
            let piece = text.get(p.start..p.end).unwrap_or("");
            if let Some(old) = p.unit.take() {
                p.unit = Some(unit_for(piece, &suffix, old));
            }
        }
    }
}

/// The statements that give the evidence `uses` has about `names`, or "" when none.
fn evidence(uses: &crate::migration::ScriptUses<'_>, names: &[(String, String)]) -> String {
    let mut out = String::new();
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    for (name, _) in names {
        if let Some(w) = uses.writes(name) {
            if let Some(target) = w
                .strip_prefix("`INSERT INTO ")
                .and_then(|r| r.strip_suffix('`'))
            {
                out.push_str(&format!("INSERT INTO {} SELECT 1;\n", quoted(target)));
            }
        }
        if let Some(r) = uses.reads(name) {
            if let Some(source) = r.strip_prefix("`… FROM ").and_then(|r| r.strip_suffix('`')) {
                out.push_str(&format!("SELECT 1 FROM {};\n", quoted(source)));
            }
        }
    }
    if out.is_empty() {
        out
    } else {
        // A line break ends a trailing `--` comment; the `;` the last statement.
        format!("\n;{out}")
    }
}

/// The document's diagnostics and tables from its compiled pieces (all have units).
pub(crate) fn assemble(
    text: &str,
    pieces: &[Piece],
    env: &Env<'_>,
    previous: Assembled,
) -> Assembled {
    let mut assembled = assemble_pieces(pieces, env, previous);
    relined(&mut assembled.diagnostics, text);
    assembled
}

/// The front end's help for a missing `,` names a line ("add `,` at the end of line 4"),
/// counted in the text that was compiled: a piece, or the joint text. Its fix inserts the
/// `,` at the end of that line, so the line in the document is the fix's.
fn relined(diagnostics: &mut [Diagnostic], text: &str) {
    const AT_END_OF_LINE: &str = "add `,` at the end of line ";
    // Lines counted so far: `line` is the line of byte `at` (diagnostics come sorted, so
    // the count moves forward through the text).
    let (mut at, mut line) = (0usize, 1usize);
    for d in diagnostics.iter_mut() {
        let Some(help) = d.help.as_mut().filter(|h| h.starts_with(AT_END_OF_LINE)) else {
            continue;
        };
        let Some(fix) = d.fixes.iter().find(|f| f.replacement == ",") else {
            continue;
        };
        let to = fix.span.start.min(text.len());
        if to < at {
            (at, line) = (0, 1);
        }
        let newlines = text.as_bytes().get(at..to).unwrap_or_default();
        line += newlines.iter().filter(|&&b| b == b'\n').count();
        at = to;
        *help = format!("{AT_END_OF_LINE}{line}");
    }
}

/// [`assemble`] before the lines in messages are the document's.
fn assemble_pieces(pieces: &[Piece], env: &Env<'_>, previous: Assembled) -> Assembled {
    let mut compiles = previous.compiles;
    let units = || {
        pieces
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.unit.as_ref().map(|u| (i, p, u)))
    };
    let mut counts: FxMap<&str, u32> = FxMap::default();
    counts.reserve(pieces.len());
    let mut duplicated = false;
    for (_, _, u) in units() {
        for (_, lower) in &u.names {
            let n = counts.entry(lower.as_str()).or_default();
            *n += 1;
            duplicated |= *n > 1;
        }
    }
    if !duplicated {
        // The usual case: every statement's diagnostics and tables are its own.
        let mut diagnostics = Vec::new();
        for (_, p, u) in units() {
            diagnostics.extend(u.compiled.diagnostics.iter().map(|d| shifted(d, p.start)));
        }
        return finished(diagnostics, None, Vec::new(), Vec::new(), compiles);
    }
    let is_involved = |u: &Unit| {
        u.names
            .iter()
            .any(|(_, lower)| counts.get(lower.as_str()).is_some_and(|n| *n > 1))
    };
    let involved: Vec<usize> = units()
        .filter(|(_, _, u)| is_involved(u))
        .map(|(i, _, _)| i)
        .collect();
    // The joint compile: statements defining a name twice, with the other statements
    // (they hold the `INSERT INTO` evidence), in source order.
    let mut map: Vec<Joint> = Vec::new();
    let mut joint_text = String::new();
    for (i, p, u) in units() {
        let other = u.names.is_empty() && !u.piece_text().trim().is_empty();
        if involved.binary_search(&i).is_ok() || other {
            map.push(Joint {
                at: joint_text.len(),
                doc: p.start,
                len: u.len,
                piece: i,
            });
            joint_text.push_str(u.piece_text());
        }
    }
    let (joint_text, joint) = match previous.joint {
        Some((t, c)) if t == joint_text && !previous.whole => (t, c),
        _ => {
            compiles += 1;
            let c = compile_sql(&joint_text, env);
            (joint_text, Arc::new(c))
        }
    };
    // The joint entry holding joint offset `at` (the last one for its very end).
    let entry = |at: usize| {
        let i = map.partition_point(|m| m.at + m.len <= at);
        map.get(i).or_else(|| map.last())
    };
    let to_doc = |s: Span| -> Span {
        match entry(s.start) {
            Some(m) if !s.is_detached() && s.start >= m.at => {
                Span::new(s.start - m.at + m.doc, s.end - m.at + m.doc)
            }
            _ => s,
        }
    };
    let mut joint_diags: FxMap<usize, Vec<&Diagnostic>> = FxMap::default();
    for d in joint.diagnostics.iter().filter(|d| !d.span.is_detached()) {
        if let Some(m) = entry(d.span.start) {
            joint_diags.entry(m.piece).or_default().push(d);
        }
    }
    // Joint tables go where their name is first defined.
    let mut first_defined: FxMap<&str, usize> = FxMap::default();
    for i in involved.iter().copied() {
        if let Some(u) = pieces.get(i).and_then(|p| p.unit.as_ref()) {
            for (_, lower) in &u.names {
                first_defined.entry(lower.as_str()).or_insert(i);
            }
        }
    }
    let mut joint_tables: Vec<(usize, usize)> = Vec::new();
    for (k, t) in joint.tables.iter().enumerate() {
        let lower = t.name().to_lowercase();
        let at = first_defined
            .get(lower.as_str())
            .copied()
            .unwrap_or(usize::MAX);
        joint_tables.push((at, k));
    }
    joint_tables.sort_unstable();
    let mut diagnostics = Vec::new();
    for (i, p, u) in units() {
        if involved.binary_search(&i).is_ok() {
            let mine = joint_diags.get(&i).into_iter().flatten();
            diagnostics.extend(mine.map(|d| moved(d, &to_doc)));
        } else {
            diagnostics.extend(u.compiled.diagnostics.iter().map(|d| shifted(d, p.start)));
        }
    }
    // What has no place in the text (detached) sorts last, as in compile_sql.
    diagnostics.extend(
        joint
            .diagnostics
            .iter()
            .filter(|d| d.span.is_detached())
            .cloned(),
    );
    finished(
        diagnostics,
        Some((joint_text, joint)),
        involved,
        joint_tables,
        compiles,
    )
}

/// The assembled document, its diagnostics sorted and deduplicated as `compile_sql`'s.
fn finished(
    mut diagnostics: Vec<Diagnostic>,
    joint: Option<(String, Arc<Compiled>)>,
    involved: Vec<usize>,
    joint_tables: Vec<(usize, usize)>,
    compiles: usize,
) -> Assembled {
    let sorted = diagnostics.windows(2).all(|w| match w {
        [a, b] => {
            (a.span.start, a.span.end, a.code, &a.message)
                <= (b.span.start, b.span.end, b.code, &b.message)
        }
        _ => true,
    });
    if !sorted {
        crate::diagnostics::sort(&mut diagnostics);
    }
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    Assembled {
        diagnostics,
        joint,
        whole: false,
        involved,
        joint_tables,
        tables: OnceLock::new(),
        compiles,
    }
}

/// `d` moved `by` bytes later.
fn shifted(d: &Diagnostic, by: usize) -> Diagnostic {
    moved(d, &|s: Span| {
        if s.is_detached() {
            s
        } else {
            Span::new(s.start + by, s.end + by)
        }
    })
}

/// A piece in the joint text: where it is there and in the document.
struct Joint {
    at: usize,
    doc: usize,
    len: usize,
    piece: usize,
}

/// `d` with every span in the text (its own, its labels', its fixes') moved by `f`.
pub(crate) fn moved(d: &Diagnostic, f: &impl Fn(Span) -> Span) -> Diagnostic {
    let mut d = d.clone();
    d.span = f(d.span);
    for l in &mut d.labels {
        l.span = f(l.span);
    }
    for fix in &mut d.fixes {
        fix.span = f(fix.span);
    }
    d
}
