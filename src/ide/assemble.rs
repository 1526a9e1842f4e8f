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

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::document::{Piece, Unit};
use crate::compile::{compile_sql, Compiled, Env};
use crate::diagnostics::Diagnostic;
use crate::parse::Statement;
use crate::span::Span;
use crate::Table;

/// Where one table of the document comes from.
#[derive(Clone, Copy, Debug)]
enum Source {
    /// Table `k` of the unit of piece `piece`.
    Piece { piece: usize, k: usize },
    /// Table `k` of the joint compile ([`Assembled::joint`]).
    Joint { k: usize },
}

/// The document's diagnostics and where its tables are.
#[derive(Debug, Default)]
pub(crate) struct Assembled {
    /// Every diagnostic, sorted by position.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The tables, in source order.
    plan: Vec<Source>,
    /// The text compiled together (the statements with a duplicated name and the
    /// script's other statements, or the whole text) and what it gave.
    joint: Option<(String, Arc<Compiled>)>,
    /// The tables, made on first use.
    tables: OnceLock<Vec<Table>>,
    /// How many compiles the document has run.
    pub(crate) compiles: usize,
}

impl Assembled {
    /// The result of compiling the whole text.
    pub(crate) fn compiled_whole(compiled: Compiled, compiles: usize) -> Assembled {
        let plan = (0..compiled.tables.len())
            .map(|k| Source::Joint { k })
            .collect();
        Assembled {
            diagnostics: compiled.diagnostics.clone(),
            plan,
            joint: Some((String::new(), Arc::new(compiled))),
            tables: OnceLock::new(),
            compiles: compiles + 1,
        }
    }

    /// The compile of the whole text, when the document was compiled whole.
    pub(crate) fn whole(&self) -> Option<&Compiled> {
        match &self.joint {
            Some((t, c)) if t.is_empty() => Some(c),
            _ => None,
        }
    }

    /// The tables, cloned from the units on first use.
    pub(crate) fn tables(&self, pieces: &[Piece]) -> &[Table] {
        self.tables.get_or_init(|| {
            self.plan
                .iter()
                .filter_map(|s| match *s {
                    Source::Piece { piece, k } => pieces
                        .get(piece)
                        .and_then(|p| p.unit.as_ref())
                        .and_then(|u| u.compiled.tables.get(k))
                        .cloned(),
                    Source::Joint { k } => self
                        .joint
                        .as_ref()
                        .and_then(|(_, c)| c.tables.get(k))
                        .cloned(),
                })
                .collect()
        })
    }
}

/// Gives every piece whose table has `INSERT INTO`/`FROM` evidence elsewhere in the
/// script the unit compiled with that evidence (and the others their plain unit).
pub(crate) fn apply_evidence(
    text: &str,
    pieces: &mut [Piece],
    mut unit_for: impl FnMut(&str, &str) -> Arc<Unit>,
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
            p.unit = Some(unit_for(piece, &suffix));
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
pub(crate) fn assemble(pieces: &[Piece], env: &Env<'_>, previous: Assembled) -> Assembled {
    let mut compiles = previous.compiles;
    let units = || {
        pieces
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.unit.as_ref().map(|u| (i, p, u)))
    };
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for (_, _, u) in units() {
        for (_, lower) in &u.names {
            *counts.entry(lower.as_str()).or_default() += 1;
        }
    }
    let involved = |u: &Unit| {
        u.names
            .iter()
            .any(|(_, lower)| counts.get(lower.as_str()).is_some_and(|n| *n > 1))
    };
    // The joint compile: statements defining a name twice, with the other statements
    // (they hold the `INSERT INTO` evidence), in source order.
    let has_involved = units().any(|(_, _, u)| involved(u));
    let mut map: Vec<Joint> = Vec::new();
    let mut joint_text = String::new();
    if has_involved {
        for (i, p, u) in units() {
            let other = u.names.is_empty() && !u.piece_text().trim().is_empty();
            if involved(u) || other {
                map.push(Joint {
                    at: joint_text.len(),
                    doc: p.start,
                    len: u.len,
                    piece: i,
                });
                joint_text.push_str(u.piece_text());
            }
        }
    }
    let joint = if has_involved {
        match previous.joint {
            Some((t, c)) if t == joint_text => Some((t, c)),
            _ => {
                compiles += 1;
                let c = compile_sql(&joint_text, env);
                Some((joint_text, Arc::new(c)))
            }
        }
    } else {
        None
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
    let mut joint_diags: HashMap<usize, Vec<&Diagnostic>> = HashMap::new();
    if let Some((_, c)) = &joint {
        for d in c.diagnostics.iter().filter(|d| !d.span.is_detached()) {
            if let Some(m) = entry(d.span.start) {
                joint_diags.entry(m.piece).or_default().push(d);
            }
        }
    }
    let mut diagnostics = Vec::new();
    let mut plan = Vec::new();
    // Joint tables go where their name is first defined.
    let mut joint_tables: HashMap<usize, Vec<usize>> = HashMap::new();
    if let Some((_, c)) = &joint {
        for (k, t) in c.tables.iter().enumerate() {
            let lower = t.name().to_lowercase();
            let at = units()
                .find(|(_, _, u)| u.names.iter().any(|(_, l)| *l == lower))
                .map_or(usize::MAX, |(i, _, _)| i);
            joint_tables.entry(at).or_default().push(k);
        }
    }
    for (i, p, u) in units() {
        let from_joint = joint.as_ref().filter(|_| involved(u));
        match from_joint {
            Some(_) => {
                diagnostics.extend(
                    joint_diags
                        .get(&i)
                        .into_iter()
                        .flatten()
                        .map(|d| moved(d, &to_doc)),
                );
                for k in joint_tables.get(&i).into_iter().flatten() {
                    plan.push(Source::Joint { k: *k });
                }
            }
            None => {
                let by = p.start;
                diagnostics.extend(u.compiled.diagnostics.iter().map(|d| {
                    moved(d, &|s: Span| {
                        if s.is_detached() {
                            s
                        } else {
                            Span::new(s.start + by, s.end + by)
                        }
                    })
                }));
                plan.extend((0..u.compiled.tables.len()).map(|k| Source::Piece { piece: i, k }));
            }
        }
    }
    if let Some((_, c)) = &joint {
        // What has no place in the text (detached) sorts last, as in compile_sql.
        diagnostics.extend(
            c.diagnostics
                .iter()
                .filter(|d| d.span.is_detached())
                .cloned(),
        );
    }
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
        plan,
        joint,
        tables: OnceLock::new(),
        compiles,
    }
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
