//! The fast path checked against the general path, for `parse/fast/tests.rs` and the
//! `fast_path` fuzz target (not part of the API).

use crate::parse::reader::{Parsed, StatementReader};
use crate::span::LineIndex;

/// What [`compare`] counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FastPathCount {
    /// Statements read.
    pub statements: usize,
    /// Of them, read by the fast path.
    pub fast: usize,
}

/// Reads `sql` statement by statement with the fast path and with the general path alone,
/// each statement parsed and then only its head read: `Err` describes the first
/// difference. When the script has a tokenizer error, both report the same one (the
/// general path, which tokenizes ahead, may report it before statements the fast path
/// reads first).
pub fn compare(sql: &str) -> Result<FastPathCount, String> {
    let index = LineIndex::new(sql);
    let mut count = FastPathCount::default();
    for wanted in [true, false] {
        let read = |fast: bool| {
            let mut reader = StatementReader::with_fast_path(sql, &index, fast);
            let mut out: Vec<Parsed> = Vec::new();
            let end = loop {
                match reader.next_parsed(|_| wanted) {
                    Ok(Some(p)) => out.push(p),
                    Ok(None) => break None,
                    Err(d) => break Some(format!("{d:?}")),
                }
            };
            (out, end, reader.fast_count())
        };
        let (fast, fast_end, fast_count) = read(true);
        let (general, general_end, _) = read(false);
        if fast_end != general_end {
            return Err(format!(
                "tokenizer error: fast path {fast_end:?}, general path {general_end:?}"
            ));
        }
        if general_end.is_none() && fast.len() != general.len() {
            return Err(format!(
                "{} statements on the fast path, {} on the general path",
                fast.len(),
                general.len()
            ));
        }
        for (i, (f, g)) in fast.iter().zip(&general).enumerate() {
            let (f, g) = (format!("{f:#?}"), format!("{g:#?}"));
            if f != g {
                return Err(format!(
                    "statement {i} (wanted: {wanted}):\nfast path: {f}\ngeneral path: {g}"
                ));
            }
        }
        if wanted {
            count = FastPathCount {
                statements: general.len(),
                fast: fast_count,
            };
        }
    }
    Ok(count)
}
