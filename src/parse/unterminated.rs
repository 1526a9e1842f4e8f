//! Where an unterminated string really starts. The tokenizer reports the last quote of the
//! script, because a missing quote pairs every later quote with the wrong partner; the
//! mistake is almost always the first string that runs past the end of its line.

/// The byte range of the first single-quoted string of `sql` that spans a line break,
/// from its opening quote to the end of that line; `None` when no string does.
pub(super) fn first_multiline_string(sql: &str) -> Option<(usize, usize)> {
    strings(sql).find_map(|s| s.line_end.map(|end| (s.start, end)))
}

/// The first single-quoted string of `sql` that swallowed the start of the next option,
/// `'t, type = '` in `topic = 't, type = 'source'`: its content holds a comma and ends
/// with `=`. Returns the range from its opening quote to that comma, where the closing
/// quote is missing. For a script on one line, where no string runs past its line.
pub(super) fn first_swallowing_string(sql: &str) -> Option<(usize, usize)> {
    strings(sql).find_map(|s| {
        let content = sql.get(s.start + 1..s.end?)?;
        let comma = content.find(',')?;
        content
            .trim_end()
            .ends_with('=')
            .then_some((s.start, s.start + 1 + comma))
    })
}

/// A single-quoted string as the tokenizer would read it.
struct Quoted {
    /// The opening quote.
    start: usize,
    /// The closing quote; `None` when the text ends first.
    end: Option<usize>,
    /// Where its first line ends, when it runs past it.
    line_end: Option<usize>,
}

/// The single-quoted strings of `sql`, in order. Comments (`--`, `/* */`), double-quoted
/// identifiers and `''` escapes are skipped as the tokenizer skips them. One pass over the
/// bytes; iteration stops after a string the text ends in.
fn strings(sql: &str) -> impl Iterator<Item = Quoted> + '_ {
    let bytes = sql.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        match *bytes.get(i)? {
            b'-' if bytes.get(i + 1) == Some(&b'-') => i = find_from(bytes, i, b'\n')?,
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = sql.get(i + 2..)?.find("*/").map(|at| i + 2 + at + 2)?;
            }
            b'"' => i = find_from(bytes, i + 1, b'"')? + 1,
            b'\'' => {
                let start = i;
                let mut line_end = None;
                let mut j = i + 1;
                let end = loop {
                    match bytes.get(j) {
                        None => break None,
                        Some(b'\'') if bytes.get(j + 1) == Some(&b'\'') => j += 2,
                        Some(b'\'') => break Some(j),
                        Some(b'\n') | Some(b'\r') => {
                            line_end.get_or_insert(j);
                            j += 1;
                        }
                        Some(_) => j += 1,
                    }
                };
                i = end.map_or(bytes.len(), |e| e + 1);
                return Some(Quoted {
                    start,
                    end,
                    line_end,
                });
            }
            _ => i += 1,
        }
    })
}

fn find_from(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&c| c == b)
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_string_that_runs_past_its_line() {
        let sql = "WITH (a = 'x', b = 'y,\n c = 'z', d = 'w')";
        assert_eq!(first_multiline_string(sql), Some((19, 22)));
    }

    #[test]
    fn finds_the_string_that_swallowed_the_next_option() {
        let sql = "WITH (topic = 't, type = 'source', format = 'json')";
        assert_eq!(first_swallowing_string(sql), Some((14, 16)));
        assert_eq!(
            first_swallowing_string("WITH (a = 'x = y', b = 'p, q')"),
            None
        );
    }

    #[test]
    fn skips_comments_escapes_and_identifiers() {
        assert_eq!(first_multiline_string("-- it's\nSELECT 'a''b'"), None);
        assert_eq!(first_multiline_string("/* it's\n */ \"it's\" 'x'"), None);
        assert_eq!(first_multiline_string("'ok' 'no\n"), Some((5, 8)));
        assert_eq!(first_multiline_string("'unterminated"), None);
    }
}
