//! Schema definitions in the DDL: inline (`avro.schema = '…'`), by file
//! (`avro.schema_file = 'x.avsc'`) or from a registry subject, expanded into Arrow fields
//! and pinned into the compiled table.
//!
//! The crate does no I/O: files and subjects come through a [`SchemaResolver`] the
//! embedder implements (`ddlc --schemas DIR` implements it over a directory). The text
//! that was resolved, and its SHA-256, are kept in the [`SchemaDefinition`], so the
//! compiled table never needs the resolver again.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::options::option_specs;
use crate::span::Span;

option_specs! {
    pub(crate) AVRO_SCHEMA = string("avro.schema").doc("An Avro schema (JSON text) that defines the columns.");
    pub(crate) AVRO_SCHEMA_FILE = string("avro.schema_file").doc("A `.avsc` file, resolved by the schema resolver, that defines the columns.");
    pub(crate) JSON_SCHEMA = string("json.schema").doc("A JSON Schema (JSON text) that defines the columns.");
    pub(crate) JSON_SCHEMA_FILE = string("json.schema_file").doc("A JSON Schema file, resolved by the schema resolver, that defines the columns.");
    pub(crate) PROTO_SCHEMA = string("protobuf.schema").doc("`.proto` text that defines the message; imports come from the schema resolver.");
    pub(crate) PROTO_SCHEMA_FILE = string("protobuf.schema_file").doc("A `.proto` file, resolved by the schema resolver, that defines the message.");
}

/// The kind of schema a definition is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SchemaKind {
    /// Avro (`.avsc`).
    Avro,
    /// JSON Schema.
    JsonSchema,
    /// Protobuf (`.proto`).
    Protobuf,
}

impl SchemaKind {
    /// The file extension a registry subject is stored under in `ddlc --schemas DIR`.
    pub fn extension(self) -> &'static str {
        match self {
            SchemaKind::Avro => "avsc",
            SchemaKind::JsonSchema => "json",
            SchemaKind::Protobuf => "proto",
        }
    }
}

pub use crate::resolve::ResolveError;

/// Resolves schema files and registry subjects. The embedder implements it; the crate
/// itself reads nothing. `Send + Sync`, so an [`crate::Env`] can be shared between threads.
///
/// Both methods answer [`ResolveError::NotFound`] when there is no such file or subject,
/// [`ResolveError::Unavailable`] when the store could not be asked (a registry that times
/// out), and [`ResolveError::Invalid`] when what it holds is unusable.
pub trait SchemaResolver: Send + Sync {
    /// The text of a schema file (`<format>.schema_file`, or a protobuf import).
    ///
    /// # Errors
    /// See the trait: not found, unavailable or invalid.
    fn file(&self, path: &str) -> Result<String, ResolveError>;

    /// The latest schema registered under `subject`, for a format.
    ///
    /// # Errors
    /// See the trait: not found, unavailable or invalid.
    fn subject(&self, subject: &str, kind: SchemaKind) -> Result<String, ResolveError>;
}

/// A resolver that knows no schemas.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSchemas;

impl SchemaResolver for NoSchemas {
    fn file(&self, _path: &str) -> Result<String, ResolveError> {
        Err(ResolveError::NotFound)
    }

    fn subject(&self, _subject: &str, _kind: SchemaKind) -> Result<String, ResolveError> {
        Err(ResolveError::NotFound)
    }
}

/// An in-memory resolver: file name → text, subject → text.
#[derive(Clone, Debug, Default)]
pub struct MemorySchemas {
    /// Files by path.
    pub files: std::collections::BTreeMap<String, String>,
    /// Subjects by name.
    pub subjects: std::collections::BTreeMap<String, String>,
}

impl SchemaResolver for MemorySchemas {
    fn file(&self, path: &str) -> Result<String, ResolveError> {
        self.files.get(path).cloned().ok_or(ResolveError::NotFound)
    }

    fn subject(&self, subject: &str, _kind: SchemaKind) -> Result<String, ResolveError> {
        self.subjects
            .get(subject)
            .cloned()
            .ok_or(ResolveError::NotFound)
    }
}

/// Where a schema definition came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SchemaOrigin {
    /// Written in the DDL.
    Inline,
    /// A file, by path.
    File {
        /// The path as written.
        path: String,
    },
    /// A registry subject.
    Subject {
        /// The subject.
        subject: String,
    },
}

/// A schema definition, pinned into the compiled table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SchemaDefinition {
    /// Avro, JSON Schema or Protobuf.
    pub kind: SchemaKind,
    /// Where it came from.
    pub origin: SchemaOrigin,
    /// The schema text.
    pub text: String,
    /// `sha256:<hex>` of the text (for protobuf, of the text and every import).
    pub fingerprint: String,
    /// The protobuf message the columns come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_name: Option<String>,
    /// Protobuf imports that were resolved, with their text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<PinnedFile>,
}

/// A file pinned with a definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PinnedFile {
    /// The import path.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// `sha256:<hex>` of several texts, each length-prefixed so boundaries count.
pub(crate) fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for t in texts {
        h.update((t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    }
    let digest = h.finalize();
    let mut out = String::from("sha256:");
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Finds where, inside an inline schema, a diagnostic about it belongs, and maps that back
/// to the source text (the SQL script or the JSON request).
///
/// `literal` is the span of the option value and `content` its text. `at` is the place in
/// `content` when the expander knows it (JSON Schema, read with spans): it is mapped as is,
/// and `Some(DETACHED)` keeps the whole value. Without `at` (Avro, Protobuf) the place is
/// taken from a `line L column C` / `file:L:C` location in the message, or else from a
/// name the message quotes in backticks that occurs exactly once in the schema.
///
/// The value is either `content` verbatim (a JSON Schema written as a JSON object in a
/// request) or a SQL literal whose only escape is a doubled quote (`''`); when the lengths
/// fit neither (a JSON string with backslash escapes), `None` is returned and the caller
/// keeps the whole value as the span.
pub(crate) fn locate_in_literal(
    content: &str,
    literal: Span,
    message: &str,
    file: &str,
    at: Option<Span>,
) -> Option<Span> {
    if literal.is_detached() {
        return None;
    }
    let quotes = content.matches('\'').count();
    let quoted = literal.len() == content.len() + quotes + 2;
    if !quoted && literal.len() != content.len() {
        return None;
    }
    let range = match at {
        Some(span) if span.is_detached() || span.end > content.len() => return None,
        Some(span) => span.start..span.end,
        // Messages of the other expanders only describe SQL literals' content.
        None if !quoted => return None,
        None => line_column_in(message, file)
            .and_then(|(line, column)| offset_of(content, line, column))
            .map(|start| start..word_end(content, start))
            .or_else(|| unique_mention(content, message))?,
    };
    if !quoted {
        return Some(Span::new(
            literal.start + range.start,
            literal.start + range.end,
        ));
    }
    // Every quote before a position is written twice in the SQL literal.
    let to_source = |at: usize| {
        let doubled = content
            .get(..at)
            .map(|s| s.matches('\'').count())
            .unwrap_or(0);
        literal.start + 1 + at + doubled
    };
    Some(Span::new(to_source(range.start), to_source(range.end)))
}

/// `… at line 3 column 7` (serde_json) or `file:3:7:` (protox), 1-based.
fn line_column_in(message: &str, file: &str) -> Option<(usize, usize)> {
    let number = |s: &str| -> Option<usize> {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok()
    };
    if let Some(i) = message.find(" at line ") {
        let rest = message.get(i + " at line ".len()..)?;
        let line = number(rest)?;
        let col = rest
            .find(" column ")
            .and_then(|j| rest.get(j + " column ".len()..))
            .and_then(number)?;
        return Some((line, col));
    }
    let prefix = format!("{file}:");
    let i = message.find(&prefix)?;
    let rest = message.get(i + prefix.len()..)?;
    let line = number(rest)?;
    let rest = rest.get(line.to_string().len() + 1..)?;
    Some((line, number(rest)?))
}

/// Byte offset of a 1-based line and character column in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let rest = text.get(start..)?;
    let col = rest
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    Some(start + col)
}

/// The end of the word (or single character) starting at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    let len: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .map(char::len_utf8)
        .sum();
    if len > 0 {
        start + len
    } else {
        start + rest.chars().next().map(char::len_utf8).unwrap_or(0)
    }
}

/// The one place `content` mentions the first backticked name of `message` (the last
/// segment of a field path such as `tree.children[]`), as a whole word.
fn unique_mention(content: &str, message: &str) -> Option<std::ops::Range<usize>> {
    let quoted = message.split('`').nth(1)?;
    // The whole quoted text (an import path), else the last segment of a field path.
    let whole = content
        .match_indices(quoted)
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    if let ([only], true) = (
        whole.as_slice(),
        quoted.len() >= 4 && quoted.contains(['/', '#']),
    ) {
        return Some(*only..*only + quoted.len());
    }
    let name = quoted
        .trim_end_matches("[]")
        .trim_end_matches("{}")
        .rsplit('.')
        .next()
        .filter(|n| n.len() >= 2)?;
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = content.match_indices(name).filter(|(i, _)| {
        let before = content.get(..*i).and_then(|s| s.chars().next_back());
        let after = content.get(i + name.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    });
    let (first, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(first..first + name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sql: &str, content: &str, message: &str) -> Option<String> {
        let start = sql.find('\'')?;
        let end = sql.rfind('\'')? + 1;
        let span = locate_in_literal(
            content,
            Span::new(start, end),
            message,
            "schema.proto",
            None,
        )?;
        sql.get(span.start..span.end).map(str::to_string)
    }

    #[test]
    fn locations_map_into_the_literal() {
        let content = "syntax = \"proto3\";\nmessage M { strin id = 1; }";
        let sql = format!("x = '{content}'");
        assert_eq!(
            at(&sql, content, "invalid: schema.proto:2:13: name 'strin'").as_deref(),
            Some("strin")
        );
        // A doubled quote before the position shifts it by one.
        let content = "{\"doc\": \"it's\",\n \"type\": \"strin\"}";
        let sql = format!("x = '{}'", content.replace('\'', "''"));
        assert_eq!(
            at(&sql, content, "unknown type `strin`").as_deref(),
            Some("strin")
        );
        assert_eq!(
            at(&sql, content, "trailing comma at line 2 column 11").as_deref(),
            Some("strin")
        );
        // Ambiguous names and escaped JSON strings keep the whole value.
        assert_eq!(at("x = 'a a'", "a a", "field `a`"), None);
        assert_eq!(
            locate_in_literal("ab", Span::new(0, 9), "field `ab`", "f", None),
            None
        );
    }
}
