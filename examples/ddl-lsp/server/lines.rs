//! LSP positions (0-based lines, UTF-16 code units) ↔ byte offsets, for one version of a
//! document's text.
//!
//! Only `\n` ends a line, as everywhere in the crate (`span::LineIndex`): `\r\n` is one
//! break whose `\r` belongs to the line, and a lone `\r` is an ordinary character. A
//! position past a line's end clamps to the end (before its `\r\n` or `\n`); a line past
//! the last is the end of the text; a column in the middle of a surrogate pair is the
//! start of that character.

use lsp_types::Position;

/// The distance in bytes between two UTF-16 checkpoints.
const MARK_EVERY: usize = 64;

/// The line starts after each `\n` of `text`, which begins at byte `base` of the document.
fn newlines(text: &str, base: usize) -> impl Iterator<Item = usize> + '_ {
    // `match_indices` of a `char` searches with `memchr`: half the instructions of testing
    // every byte (3.6 against 7.2 a byte on a script of 3 MB, by callgrind).
    text.match_indices('\n').map(move |(i, _)| base + i + 1)
}

/// Checkpoints for `text[from..to]` (char boundaries), `from` having `units` before it:
/// one at `from`, then one at the first boundary at least [`MARK_EVERY`] bytes after the
/// previous.
fn marks(text: &str, from: usize, mut units: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut next = from;
    for (i, c) in text.get(from..to).unwrap_or("").char_indices() {
        let at = from + i;
        if at >= next {
            out.push((at, units));
            next = at + MARK_EVERY;
        }
        units += c.len_utf16();
    }
    out
}

/// An edit about to be made, as [`Lines::before_edit`] measured it.
#[derive(Clone, Copy, Debug)]
pub struct PendingEdit {
    start: usize,
    end: usize,
    /// UTF-16 units of the removed bytes.
    units: usize,
}

/// The line starts of a text and, for non-ASCII text, checkpoints of how many UTF-16 units
/// come before a byte offset: every question is a binary search and a scan of at most
/// [`MARK_EVERY`] bytes, however long the line (so converting many positions on one long
/// line is not quadratic).
#[derive(Clone, Debug, Default)]
pub struct Lines {
    /// The byte offset at which each line starts (the first is 0).
    starts: Vec<usize>,
    /// `(byte offset, UTF-16 units before it)` at char boundaries, about every
    /// [`MARK_EVERY`] bytes, from `(0, 0)`; empty for ASCII text, where the two agree.
    marks: Vec<(usize, usize)>,
    /// The text's length in bytes.
    len: usize,
}

impl Lines {
    /// Indexes `text` (linear time).
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(newlines(text, 0));
        Lines {
            starts,
            marks: if text.is_ascii() {
                Vec::new()
            } else {
                marks(text, 0, 0, text.len())
            },
            len: text.len(),
        }
    }

    /// What an edit of `start..end` (char boundaries of `text`, the text before the edit)
    /// removes, to be given to [`Lines::edited`] once the edit is made.
    pub fn before_edit(&self, text: &str, start: usize, end: usize) -> PendingEdit {
        let start = start.min(self.len);
        let end = end.clamp(start, self.len);
        PendingEdit {
            start,
            end,
            units: self.units_before(text, end) - self.units_before(text, start),
        }
    }

    /// Updates the index after `edit`'s bytes were replaced with `inserted`, giving
    /// `text`: the work is the inserted text, a shift of the line starts after it, and a
    /// few dozen bytes around it, not the whole text (a document of 5,000 tables is
    /// edited at every keystroke). An edit that is not what `text` shows indexes it anew.
    pub fn edited(&mut self, text: &str, edit: PendingEdit, inserted: &str) {
        let PendingEdit { start, end, units } = edit;
        let added = inserted.len();
        let removed = end - start;
        let consistent = end <= self.len
            && self.len - removed + added == text.len()
            && text.get(start..start + added) == Some(inserted);
        if !consistent {
            *self = Lines::new(text);
            return;
        }
        // Line starts: those after a `\n` in the removed bytes go, those of the inserted
        // text come, and the rest after the edit move.
        let first = self.starts.partition_point(|&s| s <= start);
        let last = self.starts.partition_point(|&s| s <= end);
        if let Some(tail) = self.starts.get_mut(last..) {
            for s in tail {
                *s = *s - removed + added;
            }
        }
        self.starts
            .splice(first..last, newlines(inserted, start).collect::<Vec<_>>());
        self.len = text.len();

        if self.marks.is_empty() {
            // ASCII until now: checkpoints are needed from the first other character on.
            if !inserted.is_ascii() {
                self.marks = marks(text, 0, 0, text.len());
            }
            return;
        }
        // Checkpoints: those inside the removed bytes go, those after move, and the gap
        // between the last one before the edit and the first one after it is filled
        // again, so no scan ever grows longer than a few checkpoints' distance.
        let inserted_units: usize = inserted.chars().map(char::len_utf16).sum();
        let keep = self.marks.partition_point(|&(at, _)| at <= start);
        // An insertion keeps a checkpoint at its start where it is.
        let moved = self.marks.partition_point(|&(at, _)| at < end).max(keep);
        if let Some(tail) = self.marks.get_mut(moved..) {
            for (at, u) in tail {
                *at = *at - removed + added;
                *u = *u - units + inserted_units;
            }
        }
        let (from, from_units) = keep
            .checked_sub(1)
            .and_then(|i| self.marks.get(i))
            .copied()
            .unwrap_or((0, 0));
        let to = self.marks.get(moved).map_or(text.len(), |&(at, _)| at);
        let mut fill = marks(text, from, from_units, to);
        // `from` itself is kept.
        if fill.first().is_some_and(|&(at, _)| at == from) && keep > 0 {
            fill.remove(0);
        }
        self.marks.splice(keep..moved, fill);
    }

    /// UTF-16 units before byte `offset` (a char boundary of `text`).
    fn units_before(&self, text: &str, offset: usize) -> usize {
        if self.marks.is_empty() {
            return offset;
        }
        let i = self
            .marks
            .partition_point(|&(at, _)| at <= offset)
            .saturating_sub(1);
        let (at, units) = self.marks.get(i).copied().unwrap_or((0, 0));
        units
            + text
                .get(at..offset)
                .map_or(0, |s| s.chars().map(char::len_utf16).sum())
    }

    /// The byte offset at which `units` UTF-16 units have gone by (the start of the
    /// character that holds it, if it falls inside a surrogate pair).
    fn offset_of_units(&self, text: &str, units: usize) -> usize {
        if self.marks.is_empty() {
            return units.min(self.len);
        }
        let i = self
            .marks
            .partition_point(|&(_, u)| u <= units)
            .saturating_sub(1);
        let (at, mut seen) = self.marks.get(i).copied().unwrap_or((0, 0));
        for (j, c) in text.get(at..).unwrap_or("").char_indices() {
            let next = seen + c.len_utf16();
            if next > units {
                return at + j;
            }
            seen = next;
        }
        self.len
    }

    /// The bytes of 0-based line `line` without its line break (`\n` or `\r\n`).
    fn content(&self, text: &str, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line)?;
        let end = self.starts.get(line + 1).map_or(self.len, |next| next - 1);
        let bytes = text.as_bytes();
        let end = if end > start && end < self.len && bytes.get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        Some((start, end))
    }

    /// The byte offset of an LSP position in `text` (the text this index was built over).
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = usize::try_from(pos.line).unwrap_or(usize::MAX);
        let Some((start, end)) = self.content(text, line) else {
            return self.len;
        };
        let character = usize::try_from(pos.character).unwrap_or(usize::MAX);
        let first = self.units_before(text, start);
        let last = self.units_before(text, end);
        let want = first.saturating_add(character);
        if want >= last {
            end
        } else {
            self.offset_of_units(text, want)
        }
    }

    /// The LSP position of byte `offset` in `text` (clamped to the text; an offset inside
    /// a character is that character's start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len);
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let character = self.units_before(text, offset) - self.units_before(text, start);
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    /// Counting from the line start, the slow and obvious way.
    fn counted(text: &str, offset: usize) -> Position {
        let before = &text[..offset];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let character = text[line_start..offset].encode_utf16().count();
        pos(line as u32, character as u32)
    }

    #[test]
    fn astral_characters_count_two_units() {
        let text = "a😀b\n  é = '🎉x'\n";
        let lines = Lines::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(lines.position(text, b), pos(0, 3));
        assert_eq!(lines.offset(text, pos(0, 3)), b);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(lines.offset(text, pos(0, 2)), 1);
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(text, x), pos(1, 9));
        assert_eq!(lines.offset(text, pos(1, 9)), x);
        for (offset, _) in text.char_indices() {
            let p = lines.position(text, offset);
            assert_eq!(p, counted(text, offset));
            assert_eq!(lines.offset(text, p), offset);
        }
    }

    #[test]
    fn long_mixed_lines_agree_with_counting() {
        let line = "aé€😀".repeat(200);
        let text = format!("{line}\nxy\r\n{line}");
        let lines = Lines::new(&text);
        for (offset, _) in text.char_indices() {
            let p = lines.position(&text, offset);
            assert_eq!(p, counted(&text, offset), "offset {offset}");
            if text.as_bytes()[offset] != b'\n' {
                assert_eq!(lines.offset(&text, p), offset);
            }
        }
    }

    #[test]
    fn past_the_end_clamps() {
        let text = "ab\r\ncd\nef";
        let lines = Lines::new(text);
        // Before the `\r\n`, never between its bytes.
        assert_eq!(lines.offset(text, pos(0, 99)), 2);
        assert_eq!(lines.offset(text, pos(1, 99)), 6);
        assert_eq!(lines.offset(text, pos(2, 99)), text.len());
        assert_eq!(lines.offset(text, pos(7, 0)), text.len());
        assert_eq!(lines.offset(text, pos(u32::MAX, u32::MAX)), text.len());
        assert_eq!(lines.position(text, 999), pos(2, 2));
        // A lone `\r` is a character.
        let text = "a\rb";
        assert_eq!(Lines::new(text).position(text, 2), pos(0, 2));
    }

    #[test]
    fn empty_text() {
        let lines = Lines::new("");
        assert_eq!(lines.offset("", pos(0, 5)), 0);
        assert_eq!(lines.position("", 3), pos(0, 0));
    }

    /// Every position and offset of `text` answered by `lines` as by a fresh index.
    fn same_answers(lines: &Lines, text: &str) {
        let fresh = Lines::new(text);
        assert_eq!(lines.starts, fresh.starts);
        assert_eq!(lines.len, text.len());
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let p = fresh.position(text, offset);
            assert_eq!(lines.position(text, offset), p, "offset {offset}");
            assert_eq!(lines.offset(text, p), fresh.offset(text, p), "{p:?}");
        }
        // Checkpoints stay close together wherever the edits were.
        for w in lines.marks.windows(2) {
            assert!(w[1].0 - w[0].0 <= MARK_EVERY + 4, "{:?}", w);
        }
    }

    #[test]
    fn edits_update_the_index_as_indexing_anew_would() {
        let pieces = ["a", "é", "😀", "\n", "\r\n", "xyz\n", "ab€", ""];
        let mut text = "CREATE 😀 TABLE\n".repeat(20) + &"plain ascii\n".repeat(20);
        let mut lines = Lines::new(&text);
        let mut seed = 0x5EEDu64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        for round in 0..400 {
            let mut start = next(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + next(12)).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let inserted: String = (0..next(4)).map(|_| pieces[next(pieces.len())]).collect();
            // Typing in one place for a while, as an editor sends it.
            let inserted = if round % 50 < 10 {
                "é".to_string()
            } else {
                inserted
            };
            let pending = lines.before_edit(&text, start, end);
            text.replace_range(start..end, &inserted);
            lines.edited(&text, pending, &inserted);
            same_answers(&lines, &text);
        }
        // From ASCII to not.
        let mut text = "ab\ncd".to_string();
        let mut lines = Lines::new(&text);
        let pending = lines.before_edit(&text, 1, 1);
        text.insert(1, '😀');
        lines.edited(&text, pending, "😀");
        same_answers(&lines, &text);
        // An edit the text does not show: indexed anew.
        let pending = lines.before_edit(&text, 0, 0);
        lines.edited("zz\n", pending, "q");
        same_answers(&lines, "zz\n");
    }
}
