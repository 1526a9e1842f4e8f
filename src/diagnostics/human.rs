//! Rendering diagnostics for people: `error[code]: message`, then the source lines with a
//! caret under each span (drawn by miette), then the help.
//!
//! Everything here is linear: the source is indexed once for all the diagnostics of a
//! script, and each diagnostic then costs what it shows, never a scan of the source. What
//! it shows is bounded: a few lines around each span, a span's first
//! [`MAX_SPAN_LINES`] lines, and a window of any line over [`MAX_SHOWN_LINE`] bytes.
//!
//! **Invariant:** a position printed here (`name:line:column`) is the one `--errors json`
//! gives for the same span: 1-based, the column in characters, and only `\n` ends a line
//! (a lone `\r` is shown as `?`, as sqlparser and the JSON count it).

use std::borrow::Cow;
use std::fmt;

use super::{escape_controls, is_hostile, Diagnostic, Origin, Severity};
use crate::span::{LineIndex, Span};

/// Lines longer than this (in bytes) are shown as a window around the diagnostic, so that
/// diagnostics on one long line do not each print all of it (and miette cannot draw a
/// caret past column 65,535 anyway).
const MAX_SHOWN_LINE: usize = 512;

/// Bytes shown before and after a span on a long line, and of a long span itself.
const WINDOW_CONTEXT: usize = 100;

/// A span over more lines than this is shown up to the end of its first
/// `MAX_SPAN_LINES` lines.
const MAX_SPAN_LINES: usize = 24;

/// Snippets of one diagnostic whose lines are at most this many lines apart are drawn as
/// one snippet (with the lines between them).
const MERGE_GAP: usize = 3;

/// Diagnostics rendered in full (snippet and help); the rest of a script's are one line
/// each, so that a script of 200,000 mistakes does not print gigabytes (compilers stop at
/// an error limit; we keep every diagnostic, shorter).
const MAX_FULL_DIAGNOSTICS: usize = 1_000;

/// Lines of context miette shows before and after a span.
const CONTEXT_LINES: usize = 1;

/// Renders every diagnostic of `source` as rustc does (see the module docs); `color` turns
/// on ANSI colours.
pub(crate) fn render_all(
    diagnostics: &[Diagnostic],
    source_name: &str,
    source: &str,
    color: bool,
) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    // Nothing from the input reaches the terminal raw: the message, help, labels and the
    // source name are escaped, and the source is shown with placeholders of the same
    // length (so that spans still point at the same bytes and columns).
    let text = printable_source(source);
    let index = LineIndex::new(&text);
    let name = escape_controls(source_name);
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(CONTEXT_LINES);
    // The other documents diagnostics point into (a profiles file, see `Origin`), each
    // indexed once however many diagnostics point into it.
    let mut origin_texts: Vec<(&str, Cow<'_, str>)> = Vec::new();
    for o in diagnostics.iter().filter_map(|d| d.origin.as_ref()) {
        if !origin_texts.iter().any(|(n, _)| *n == &*o.name) {
            origin_texts.push((&o.name, printable_source(&o.text)));
        }
    }
    let origin_indexes: Vec<(&str, LineIndex<'_>)> = origin_texts
        .iter()
        .map(|(n, t)| (*n, LineIndex::new(t)))
        .collect();
    let mut out = String::new();
    for (i, diag) in diagnostics.iter().enumerate() {
        if i < MAX_FULL_DIAGNOSTICS {
            let origin = diag.origin.as_ref().and_then(|o| {
                let (_, at) = origin_indexes.iter().find(|(n, _)| *n == &*o.name)?;
                Some((o, at))
            });
            match origin {
                Some((o, at)) => {
                    let shown = Shown {
                        name: &name,
                        index: &index,
                        handler: &handler,
                        color,
                    };
                    render_with_origin(&mut out, diag, o, at, &shown);
                }
                None => render_one(&mut out, diag, &name, &index, &handler, color),
            }
        } else {
            if i == MAX_FULL_DIAGNOSTICS {
                out.push_str(&format!(
                    "note: after {MAX_FULL_DIAGNOSTICS} diagnostics, the rest are shown one line each\n\n"
                ));
            }
            render_short(&mut out, diag, &name, &index);
        }
    }
    out
}

/// The compiled text a diagnostic is rendered against, and how.
struct Shown<'a> {
    name: &'a str,
    index: &'a LineIndex<'a>,
    handler: &'a miette::GraphicalReportHandler,
    color: bool,
}

/// A diagnostic whose mistake lies in another document (`origin`, indexed by `at`): the
/// header and the snippet of that document, then the snippet of the compiled text with
/// the reference to it, then the help.
fn render_with_origin(
    out: &mut String,
    diag: &Diagnostic,
    origin: &Origin,
    at: &LineIndex<'_>,
    shown: &Shown<'_>,
) {
    let at_origin = Diagnostic {
        span: origin.span,
        labels: origin.labels.clone(),
        help: None,
        fixes: Vec::new(),
        origin: None,
        ..diag.clone()
    };
    let mut first = String::new();
    let origin_name = escape_controls(&origin.name);
    render_one(
        &mut first,
        &at_origin,
        &origin_name,
        at,
        shown.handler,
        shown.color,
    );
    if diag.labels.is_empty() && diag.help.is_none() {
        out.push_str(&first);
        return;
    }
    let reference = Diagnostic {
        span: Span::DETACHED,
        fixes: Vec::new(),
        origin: None,
        ..diag.clone()
    };
    let mut rest = String::new();
    render_one(
        &mut rest,
        &reference,
        shown.name,
        shown.index,
        shown.handler,
        shown.color,
    );
    // The second rendering repeats the header: keep what follows it.
    if first.ends_with("\n\n") {
        first.pop();
    }
    out.push_str(&first);
    out.extend(rest.split_inclusive('\n').skip(1));
}

/// One line: `error[code]: message (in table `t`) at name:line:column`.
fn render_short(out: &mut String, diag: &Diagnostic, name: &str, index: &LineIndex<'_>) {
    let table = match &diag.table {
        Some(t) => format!(" (in table `{t}`)"),
        None => String::new(),
    };
    let line = format!("{}[{}]: {}{table}", diag.severity, diag.code, diag.message);
    out.push_str(&escape_controls(&line));
    if !diag.span.is_detached() && diag.span.start <= index.text().len() {
        let at = index.line_col(diag.span.start);
        out.push_str(&format!(" at {name}:{}:{}", at.line, at.column));
    }
    out.push('\n');
}

fn render_one(
    out: &mut String,
    diag: &Diagnostic,
    name: &str,
    index: &LineIndex<'_>,
    handler: &miette::GraphicalReportHandler,
    color: bool,
) {
    let view = View::of(diag, index);
    let adapter = WithSource {
        diag,
        source: Excerpt {
            name,
            index,
            window: view.window,
        },
        primary: view.primary,
        labels: view.labels,
    };
    let mut report = String::new();
    let _ = handler.render_report(&mut report, &adapter);
    let table = match &diag.table {
        Some(t) => format!(" (in table `{t}`)"),
        None => String::new(),
    };
    let header = format!("{}[{}]: {}{table}", diag.severity, diag.code, diag.message);
    let header = escape_controls(&header);
    if color {
        let paint = match diag.severity {
            Severity::Error => "\x1b[1;31m",
            Severity::Warning => "\x1b[1;33m",
        };
        out.push_str(paint);
        out.push_str(&header);
        out.push_str("\x1b[0m\n");
    } else {
        out.push_str(&header);
        out.push('\n');
    }
    // miette writes the message as `× message` (wrapped); our header replaces it, and the
    // report is kept from the snippet (or the help, when there is no snippet) on.
    let body = report.lines().skip_while(|l| {
        let l = strip_ansi(l.trim_start());
        !(l.starts_with('╭') || l.starts_with("help:"))
    });
    for line in body {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// `line` without the ANSI colour codes it starts with.
fn strip_ansi(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix("\x1b[") {
        match rest.find('m') {
            Some(i) => line = rest.get(i + 1..).unwrap_or("").trim_start(),
            None => break,
        }
    }
    line
}

/// What one diagnostic shows: the window of the source miette may read, and the spans,
/// clipped to it.
struct View {
    /// `(start, end)` byte offsets: the whole source, or a window of one long line.
    window: (usize, usize),
    primary: Option<Span>,
    labels: Vec<(Span, String)>,
}

impl View {
    fn of(diag: &Diagnostic, index: &LineIndex<'_>) -> View {
        let len = index.text().len();
        let primary = clip_lines(diag.span, index);
        let labels: Vec<(Span, String)> = diag
            .labels
            .iter()
            .filter_map(|l| {
                Some((
                    clip_lines(l.span, index)?,
                    escape_controls(&l.message).into(),
                ))
            })
            .collect();
        let spans = || {
            primary
                .iter()
                .copied()
                .chain(labels.iter().map(|(s, _)| *s))
        };
        let long = |s: Span| {
            (index.line_of(s.start)..=index.line_of(s.end)).any(|l| line_is_long(index, l))
        };
        if !spans().any(long) {
            return View {
                window: (0, len),
                primary,
                labels,
            };
        }
        let Some(anchor) = spans().next() else {
            return View {
                window: (0, len),
                primary,
                labels,
            };
        };
        // A window of the anchor's line around it; spans outside it are not drawn.
        let text = index.text();
        let (line_start, line_end) = index
            .line_range(index.line_of(anchor.start))
            .unwrap_or((0, len));
        let end = anchor.end.clamp(anchor.start, line_end);
        let mut ws = anchor.start.saturating_sub(WINDOW_CONTEXT).max(line_start);
        let mut we = (end.min(anchor.start + WINDOW_CONTEXT) + WINDOW_CONTEXT).min(line_end);
        while ws > line_start && !text.is_char_boundary(ws) {
            ws -= 1;
        }
        while we < line_end && !text.is_char_boundary(we) {
            we += 1;
        }
        let inside =
            |s: Span| (s.start >= ws && s.start <= we).then(|| Span::new(s.start, s.end.min(we)));
        View {
            window: (ws, we),
            primary: primary.and_then(inside),
            labels: labels
                .into_iter()
                .filter_map(|(s, m)| Some((inside(s)?, m)))
                .collect(),
        }
    }
}

/// `span` within the text and ending by the end of its first [`MAX_SPAN_LINES`] lines;
/// `None` when it has no place in the text.
fn clip_lines(span: Span, index: &LineIndex<'_>) -> Option<Span> {
    let len = index.text().len();
    if span.is_detached() || span.start > len {
        return None;
    }
    let end = span.end.clamp(span.start, len);
    let last = index.line_of(span.start) + MAX_SPAN_LINES - 1;
    let end = match index.line_range(last) {
        Some((_, line_end)) if end > line_end => line_end.max(span.start),
        _ => end,
    };
    Some(Span::new(span.start, end))
}

fn line_is_long(index: &LineIndex<'_>, line: usize) -> bool {
    index
        .line_range(line)
        .is_some_and(|(s, e)| e - s > MAX_SHOWN_LINE)
}

/// miette adapter: a diagnostic together with the source it points into.
struct WithSource<'a> {
    diag: &'a Diagnostic,
    source: Excerpt<'a>,
    primary: Option<Span>,
    labels: Vec<(Span, String)>,
}

/// The source as miette reads it, answered from the line index: each read costs the
/// lines it returns. Spans and offsets are those of the whole source.
struct Excerpt<'a> {
    name: &'a str,
    index: &'a LineIndex<'a>,
    /// The part of the source that may be shown (see [`View::window`]).
    window: (usize, usize),
}

impl Excerpt<'_> {
    fn is_window(&self) -> bool {
        self.window != (0, self.index.text().len())
    }
}

impl miette::SourceCode for Excerpt<'_> {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let index = self.index;
        let bytes = index.text().as_bytes();
        let (lo, hi) = self.window;
        let start = span.offset();
        let end = start.saturating_add(span.len());
        if start < lo || end > hi {
            return Err(miette::MietteError::OutOfBounds);
        }
        let first = index.line_of(start);
        // miette takes a span's last byte as its end.
        let last = index.line_of(end.saturating_sub(1).max(start));
        let contents = |from: usize, to: usize, line: usize, column: usize, lines: usize| {
            let data = bytes.get(from..to).unwrap_or_default();
            Box::new(miette::MietteSpanContents::new_named(
                self.name.to_string(),
                data,
                (from, to - from).into(),
                line,
                column,
                lines,
            )) as Box<dyn miette::SpanContents<'a> + 'a>
        };
        if context_lines_before == 0 && context_lines_after == 0 {
            // The reference point for `name:line:column`.
            return Ok(contents(
                start,
                end,
                first,
                index.column_of(start),
                last - first,
            ));
        }
        if self.is_window() {
            return Ok(contents(lo, hi, first, index.column_of(lo), 0));
        }
        // Snippets merged across a long line would print all of it.
        if (first..=last).any(|l| line_is_long(index, l)) {
            return Err(miette::MietteError::OutOfBounds);
        }
        let mut a = first;
        while a > 0 && first - a < context_lines_before && !line_is_long(index, a - 1) {
            a -= 1;
        }
        let mut b = last;
        while b + 1 < index.line_count()
            && b - last < context_lines_after
            && !line_is_long(index, b + 1)
        {
            b += 1;
        }
        let from = index.line_range(a).map_or(start, |(s, _)| s);
        // Up to the start of the next line: the snippet ends with its line break.
        let to = index.line_range(b + 1).map_or(bytes.len(), |(s, _)| s);
        // miette merges two snippets when the second starts by `line + line_count`.
        Ok(contents(from, to, a, 0, b - a + MERGE_GAP))
    }
}

impl fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diag, f)
    }
}

impl fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.diag.table {
            Some(t) => write!(f, "{} (in table `{t}`)", self.diag.message),
            None => f.write_str(&self.diag.message),
        }
    }
}

impl std::error::Error for WithSource<'_> {}

impl miette::Diagnostic for WithSource<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(escape_controls(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let to_miette = |s: Span| miette::SourceSpan::from(s.start..s.end);
        let mut labels = Vec::new();
        if let Some(s) = self.primary {
            labels.push(miette::LabeledSpan::new_primary_with_span(
                None,
                to_miette(s),
            ));
        }
        for (s, message) in &self.labels {
            labels.push(miette::LabeledSpan::new_with_span(
                Some(message.clone()),
                to_miette(*s),
            ));
        }
        if labels.is_empty() {
            None
        } else {
            Some(Box::new(labels.into_iter()))
        }
    }
}

/// `text` with every [hostile](is_hostile) character replaced by a visible one of the
/// same length in bytes (`?`, `¿` or `�`), so that byte spans and character columns into
/// it are unchanged. A `\r` is kept only before `\n`: a lone one is not a line break.
fn printable_source(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let keep =
        |i: usize, c: char| !is_hostile(c) || (c == '\r' && bytes.get(i + 1) == Some(&b'\n'));
    if text.char_indices().all(|(i, c)| keep(i, c)) {
        return Cow::Borrowed(text);
    }
    text.char_indices()
        .map(|(i, c)| match c.len_utf8() {
            _ if keep(i, c) => c,
            1 => '?',
            2 => '¿',
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::codes;

    fn render(source: &str, diags: &[Diagnostic]) -> String {
        render_all(diags, "t.sql", source, false)
    }

    /// The `name:line:column` miette prints in each snippet header.
    fn headers(out: &str) -> Vec<String> {
        out.lines()
            .filter_map(|l| l.split_once("╭─[t.sql:")?.1.strip_suffix(']'))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn past_the_limit_diagnostics_take_one_line() {
        let src = "x\n".repeat(MAX_FULL_DIAGNOSTICS + 5);
        let diags: Vec<Diagnostic> = (0..MAX_FULL_DIAGNOSTICS + 5)
            .map(|i| Diagnostic::error(codes::SYNTAX, Span::new(2 * i, 2 * i + 1), "bad"))
            .collect();
        let out = render(&src, &diags);
        assert_eq!(headers(&out).len(), MAX_FULL_DIAGNOSTICS);
        assert!(out.ends_with(&format!(
            "error[parse::syntax]: bad at t.sql:{}:1\n",
            MAX_FULL_DIAGNOSTICS + 5
        )));
    }

    #[test]
    fn columns_count_characters() {
        let src = "SELECT 'héllo', x;";
        let at = src.find('x').unwrap_or(0);
        let d = Diagnostic::error(codes::SYNTAX, Span::new(at, at + 1), "bad");
        assert_eq!(headers(&render(src, &[d])), ["1:17"]);
    }

    #[test]
    fn a_lone_carriage_return_is_not_a_line_break() {
        let src = "a\rb\nc x";
        let at = src.find('x').unwrap_or(0);
        let d = Diagnostic::error(codes::SYNTAX, Span::new(at, at + 1), "bad");
        let out = render(src, &[d]);
        assert_eq!(headers(&out), ["2:3"], "{out}");
        assert!(out.contains("a?b"), "{out}");
    }

    #[test]
    fn a_long_span_shows_its_first_lines() {
        let src = "x\n".repeat(1000);
        let d = Diagnostic::error(codes::SYNTAX, Span::new(0, src.len()), "bad");
        let out = render(&src, &[d]);
        assert!(out.lines().count() < MAX_SPAN_LINES + 10, "{out}");
    }

    #[test]
    fn far_labels_are_separate_snippets() {
        let src = format!("a{}b", "\n".repeat(10_000));
        let d = Diagnostic::error(codes::SYNTAX, Span::new(src.len() - 1, src.len()), "bad")
            .with_label(Span::new(0, 1), "first");
        let out = render(&src, &[d]);
        assert_eq!(headers(&out), ["1:1", "10001:1"], "{out}");
        assert!(out.len() < 1000, "{out}");
    }

    #[test]
    fn a_long_context_line_is_not_shown() {
        let src = format!("{}\nx\n{}", "a".repeat(100_000), "b".repeat(100_000));
        let d = Diagnostic::error(codes::SYNTAX, Span::new(100_001, 100_002), "bad");
        let out = render(&src, &[d]);
        assert_eq!(headers(&out), ["2:1"], "{out}");
        assert!(out.len() < 1000, "{out}");
    }

    #[test]
    fn a_window_of_a_long_line_keeps_its_position() {
        let src = format!("\n{}é x", "a".repeat(100_000));
        let at = src.find('x').unwrap_or(0);
        let d = Diagnostic::error(codes::SYNTAX, Span::new(at, at + 1), "bad");
        let out = render(&src, &[d]);
        assert_eq!(headers(&out), ["2:100003"], "{out}");
        assert!(out.len() < 2000, "{out}");
    }
}
