//! Byte-offset spans and the conversion to and from 1-based line/column positions.
//!
//! Every node the front end produces carries a [`Span`] into the text it was parsed from.
//! Spans are byte offsets so slicing the source is cheap and exact; sqlparser's 1-based,
//! character-counted locations are converted once, by [`LineIndex`], and converted back
//! only when a diagnostic is written out.

use std::fmt;

/// A half-open byte range `start..end` into the text a table was parsed from.
///
/// Values that did not come from text (a JSON request, a connection profile) carry
/// [`Span::DETACHED`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// The span of a value that has no place in any source text.
    pub const DETACHED: Span = Span {
        start: usize::MAX,
        end: usize::MAX,
    };

    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Whether this span points nowhere (see [`Span::DETACHED`]).
    pub fn is_detached(self) -> bool {
        self.start == usize::MAX
    }

    /// The smallest span covering both; a detached side is ignored.
    pub(crate) fn union(self, other: Span) -> Span {
        match (self.is_detached(), other.is_detached()) {
            (true, _) => other,
            (_, true) => self,
            _ => Span {
                start: self.start.min(other.start),
                end: self.end.max(other.end),
            },
        }
    }

    /// Length in bytes (0 for a detached span).
    pub(crate) fn len(self) -> usize {
        if self.is_detached() {
            0
        } else {
            self.end - self.start
        }
    }
}

impl Default for Span {
    fn default() -> Self {
        Span::DETACHED
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_detached() {
            f.write_str("detached")
        } else {
            write!(f, "{}..{}", self.start, self.end)
        }
    }
}

/// A value and where it was written. Equality looks at the value only, so trees parsed
/// from differently formatted text compare equal.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    /// The value.
    pub node: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `node` with its `span`.
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }

    /// Wraps a value that has no source position.
    pub fn detached(node: T) -> Self {
        Spanned {
            node,
            span: Span::DETACHED,
        }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T: Eq> Eq for Spanned<T> {}

/// A 1-based line and column; the column counts characters (Unicode scalar values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// Converts between byte offsets and 1-based line/character-column positions of one text.
///
/// Built once per text in linear time; every question after that is answered in
/// O(log n) (a binary search, then a scan of a few dozen bytes), however long the
/// lines are.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset at which each line starts.
    line_starts: LineStarts,
    /// Checkpoints `(byte offset, characters before it)` at char boundaries, about every
    /// [`MARK_EVERY`] bytes, starting with `(0, 0)`; empty for ASCII text, where a
    /// character offset is a byte offset.
    marks: Vec<(usize, usize)>,
}

/// Calls `f` with the offset of every `\n` of `bytes`, in order, eight bytes at a time
/// (a word without a newline costs a few instructions).
fn newlines(bytes: &[u8], mut f: impl FnMut(usize)) {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let mut found = newline_bytes(word);
        while found != 0 {
            f(at + found.trailing_zeros() as usize / 8);
            found &= found - 1;
        }
        at += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == b'\n' {
            f(at + i);
        }
    }
}

/// The high bit of each byte of `word` that is a `\n`, and no other bit.
fn newline_bytes(word: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const NEWLINES: u64 = 0x0A0A_0A0A_0A0A_0A0A;
    let x = word ^ NEWLINES;
    // A byte's high bit ends up set exactly when the byte is not zero (no carries across
    // bytes: each sum stays within its byte).
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// How many `\n` bytes `bytes` holds.
fn count_newlines(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        n += newline_bytes(word).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// The byte offsets at which the lines of a text start (the first is 0), as `u32` for a
/// text under 4 GiB: a text of blank lines has one line per byte, and this is the
/// index's largest part.
#[derive(Clone, Debug)]
enum LineStarts {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl LineStarts {
    fn new(text: &str) -> Self {
        // Counted first, so the vector is allocated once, at its size.
        let lines = 1 + count_newlines(text.as_bytes());
        if u32::try_from(text.len()).is_ok() {
            let mut v = Vec::with_capacity(lines);
            v.push(0);
            newlines(text.as_bytes(), |i| {
                v.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            });
            LineStarts::Narrow(v)
        } else {
            let mut v = Vec::with_capacity(lines);
            v.push(0);
            newlines(text.as_bytes(), |i| v.push(i + 1));
            LineStarts::Wide(v)
        }
    }

    fn len(&self) -> usize {
        match self {
            LineStarts::Narrow(v) => v.len(),
            LineStarts::Wide(v) => v.len(),
        }
    }

    #[inline]
    fn get(&self, line: usize) -> Option<usize> {
        match self {
            LineStarts::Narrow(v) => v.get(line).and_then(|&s| usize::try_from(s).ok()),
            LineStarts::Wide(v) => v.get(line).copied(),
        }
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        let after = match self {
            LineStarts::Narrow(v) => {
                let offset = u32::try_from(offset).unwrap_or(u32::MAX);
                v.partition_point(|&s| s <= offset)
            }
            LineStarts::Wide(v) => v.partition_point(|&s| s <= offset),
        };
        after.saturating_sub(1)
    }
}

/// The byte distance between two character-count checkpoints of a [`LineIndex`].
const MARK_EVERY: usize = 64;

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let line_starts = LineStarts::new(text);
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut next = 0;
            for (chars, (i, _)) in text.char_indices().enumerate() {
                if i >= next {
                    marks.push((i, chars));
                    next = i + MARK_EVERY;
                }
            }
        }
        LineIndex {
            text,
            line_starts,
            marks,
        }
    }

    /// The text this index was built over.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// How many characters come before the byte offset `offset` (a char boundary within
    /// the text).
    #[inline]
    fn chars_before(&self, offset: usize) -> usize {
        if self.marks.is_empty() {
            return offset;
        }
        let i = self
            .marks
            .partition_point(|&(at, _)| at <= offset)
            .saturating_sub(1);
        let (at, chars) = self.marks.get(i).copied().unwrap_or((0, 0));
        chars + self.text.get(at..offset).map_or(0, |s| s.chars().count())
    }

    /// The byte offset of the character numbered `n` (0-based) in the text, or the text's
    /// length if there are not that many.
    #[inline]
    fn char_offset(&self, n: usize) -> usize {
        if self.marks.is_empty() {
            return n.min(self.text.len());
        }
        let i = self
            .marks
            .partition_point(|&(_, chars)| chars <= n)
            .saturating_sub(1);
        let (at, chars) = self.marks.get(i).copied().unwrap_or((0, 0));
        let rest = self.text.get(at..).unwrap_or("");
        match rest.char_indices().nth(n - chars.min(n)) {
            Some((j, _)) => at + j,
            None => self.text.len(),
        }
    }

    /// Byte offset of a 1-based line and character column (sqlparser's `Location`).
    /// Positions past the end of a line or of the text clamp to that end.
    #[inline]
    pub(crate) fn offset(&self, line: u64, column: u64) -> usize {
        if line == 0 {
            return 0;
        }
        let Some(l) = usize::try_from(line - 1).ok() else {
            return self.text.len();
        };
        let Some(start) = self.line_starts.get(l) else {
            return self.text.len();
        };
        let want = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
        // Columns past the end of a line run on into the following lines.
        self.char_offset(self.chars_before(start).saturating_add(want))
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.line_of(offset);
        let start = self.line_starts.get(line).unwrap_or(0);
        let column = if self.text.is_char_boundary(offset) {
            self.chars_before(offset)
                .saturating_sub(self.chars_before(start))
        } else {
            0
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// How many lines the text has (at least 1): `\n` ends a line; a lone `\r` does not,
    /// as in sqlparser's locations, and `\r\n` is one line break.
    pub(crate) fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line of a byte offset (clamped to the text).
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.line_starts.line_of(offset.min(self.text.len()))
    }

    /// The byte range of the 0-based line `line`, without its `\n`; `None` past the last
    /// line.
    pub(crate) fn line_range(&self, line: usize) -> Option<(usize, usize)> {
        let start = self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        Some((start, end))
    }

    /// The 0-based character column of a byte offset within its line.
    pub(crate) fn column_of(&self, offset: usize) -> usize {
        self.line_col(offset).column - 1
    }

    /// The source text a span covers (empty for detached or out-of-range spans).
    pub(crate) fn slice(&self, span: Span) -> &'a str {
        if span.is_detached() {
            return "";
        }
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_non_ascii_positions() {
        let text = "CREATE TABLE héllo (\n  ïd INT\n)";
        let idx = LineIndex::new(text);
        let off = idx.offset(2, 3);
        assert_eq!(&text[off..off + "ïd".len()], "ïd");
        assert_eq!(idx.line_col(off), LineCol { line: 2, column: 3 });
        let h = text.find('h').unwrap_or(0);
        assert_eq!(
            idx.line_col(h),
            LineCol {
                line: 1,
                column: 14
            }
        );
        // the character after `héllo` is at column 19 even though é takes two bytes
        assert_eq!(
            idx.line_col(h + "héllo".len()),
            LineCol {
                line: 1,
                column: 19
            }
        );
    }

    #[test]
    fn offsets_and_columns_agree_with_counting() {
        // Long lines of mixed widths, checked against counting from the line start.
        let line: String = "aé€😀".repeat(300);
        let text = format!("{line}\nxy\n{line}\n");
        let idx = LineIndex::new(&text);
        for (l, start) in [(1u64, 0usize), (3, line.len() + 4)] {
            for column in [1u64, 2, 3, 4, 5, 17, 64, 65, 200, 1199, 1200, 1201] {
                let want = usize::try_from(column - 1).unwrap_or(0);
                let expected = text
                    .get(start..)
                    .and_then(|r| r.char_indices().nth(want))
                    .map_or(text.len(), |(i, _)| start + i);
                assert_eq!(idx.offset(l, column), expected, "line {l} column {column}");
                let lc = idx.line_col(expected);
                let counted = text.get(..expected).map_or(0, |p| {
                    p.rsplit('\n').next().map_or(0, |s| s.chars().count())
                });
                assert_eq!(lc.column, counted + 1);
            }
        }
        // Past the end of line 1 the column runs on into line 2.
        assert_eq!(idx.offset(1, 1202), line.len() + 1);
        assert_eq!(idx.offset(1, 99_999), text.len());
        // Not a char boundary: column 1, as before.
        assert_eq!(idx.line_col(2).column, 1);
    }

    #[test]
    fn newlines_are_found_in_words_and_tails() {
        for len in 0..40 {
            for step in 1..11 {
                let text: String = (0..len)
                    .map(|i| match (i % step == step - 1, i % 4) {
                        (true, _) => '\n',
                        // Bytes near `\n` (0x0B, 0x8A) and above 0x7F are not newlines.
                        (false, 0) => '\u{b}',
                        (false, 1) => '\u{8a}',
                        _ => 'a',
                    })
                    .collect();
                let mut found = Vec::new();
                newlines(text.as_bytes(), |i| found.push(i));
                let expected: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
                assert_eq!(found, expected, "{text:?}");
                assert_eq!(count_newlines(text.as_bytes()), expected.len());
            }
        }
    }

    #[test]
    fn long_non_ascii_lines_answer_quickly() {
        // 200,000 questions about a 2 MB line: counting from the line start each time
        // would scan 400 GB.
        let text = "é".repeat(1_000_000);
        let idx = LineIndex::new(&text);
        let mut sum = 0usize;
        for i in 0..200_000usize {
            let column = u64::try_from(1_000_000 - i).unwrap_or(1);
            let off = idx.offset(1, column);
            sum = sum.wrapping_add(idx.line_col(off).column);
        }
        assert!(sum > 0);
        assert_eq!(idx.offset(1, 1_000_000), text.len() - 2);
        assert_eq!(idx.line_col(text.len()).column, 1_000_001);
    }

    #[test]
    fn clamps_out_of_range() {
        let idx = LineIndex::new("ab\ncd");
        assert_eq!(idx.offset(9, 1), 5);
        assert_eq!(idx.offset(1, 99), 5);
        assert_eq!(idx.line_col(99), LineCol { line: 2, column: 3 });
    }

    #[test]
    fn detached_union() {
        let a = Span::new(3, 5);
        assert_eq!(a.union(Span::DETACHED), a);
        assert_eq!(Span::DETACHED.union(a), a);
        assert_eq!(a.union(Span::new(1, 4)), Span::new(1, 5));
    }
}
