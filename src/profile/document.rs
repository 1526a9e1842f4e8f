//! Connection profiles read from a JSON document that remember where each value is
//! written, so a mistake inside a profile is reported in that document (its file, line and
//! key) rather than at the `connection_profile = '…'` reference.
//!
//! The document is the `ddlc --profiles` file: `[{"id"?, "name", "connector", "config",
//! "description"?}]`, `config` flat or in Arroyo's stored shape.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::shape::flatten;
use super::{is_secret_setting, ConnectionProfile, ProfileResolver, Profiles, ResolveError};
use crate::json::{self, Json};
use crate::span::{LineIndex, Span};

/// Connection profiles read from a JSON document (a profiles file), with the position of
/// every key and value of each `config`. As a [`ProfileResolver`] it resolves like
/// [`Profiles`], and it tells the compiler where each profile is written, so diagnostics
/// about a profile's values point into the document.
#[derive(Clone, Debug)]
pub struct ProfileDocument {
    profiles: Profiles,
    doc: Arc<Document>,
}

/// What a profiles file failed to be: not JSON, or not an array of profiles.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{name}:{line}:{column}: {message}")]
#[non_exhaustive]
pub struct ProfilesError {
    /// The document's name.
    pub name: String,
    /// 1-based line of the mistake.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// The text of a profiles document and the positions inside it. Holds secrets in the
/// clear: it is never printed (`Debug` shows the name only) and leaves the crate masked.
struct Document {
    name: Arc<str>,
    text: Arc<str>,
    profiles: Vec<Located>,
    /// Every string value of the document with the key it is written under (an array's
    /// items under the array's key), for masking what is not part of a profile's options.
    strings: Vec<(Option<String>, Span)>,
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("name", &self.name)
            .finish()
    }
}

/// Where one profile's parts are written.
struct Located {
    connector: String,
    config: serde_json::Map<String, serde_json::Value>,
    /// The `"config"` key (or the profile object when it has none).
    config_key: Span,
    /// Path below `config` → the key's span and the value's span.
    paths: HashMap<Vec<String>, (Span, Span)>,
}

/// Where a profile of a [`ProfileDocument`] is written; given to the compiler by
/// [`ProfileResolver::source`].
#[derive(Clone, Debug)]
pub struct ProfileSource {
    doc: Arc<Document>,
    index: usize,
}

impl ProfileDocument {
    /// Reads the profiles document `text`, called `name` in diagnostics (a file path).
    ///
    /// # Errors
    /// When `text` is not JSON, or not an array of profiles (each with a string `name` and
    /// `connector`, and an object `config`).
    pub fn parse(name: &str, text: &str) -> Result<Self, ProfilesError> {
        let error = |span: Span, message: String| {
            let at = LineIndex::new(text).line_col(span.start.min(text.len()));
            ProfilesError {
                name: name.to_string(),
                line: at.line,
                column: at.column,
                message,
            }
        };
        let tree = json::parse(text).map_err(|e| error(e.span, e.message.to_string()))?;
        let list: Vec<ConnectionProfile> = serde_json::from_str(text).map_err(|e| {
            let at = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum::<usize>();
            let line_text = text.get(at..).unwrap_or("");
            let col = line_text
                .char_indices()
                .nth(e.column().saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
            error(
                Span::new(at + col, at + col),
                strip_position(&e.to_string()),
            )
        })?;
        let items = tree.items().unwrap_or(&[]);
        let profiles = list
            .iter()
            .zip(items)
            .map(|(p, item)| locate(p, item))
            .collect();
        Ok(ProfileDocument {
            profiles: Profiles(list),
            doc: Arc::new(Document {
                name: name.into(),
                text: text.into(),
                profiles,
                strings: strings(&tree),
            }),
        })
    }

    /// The profiles, in document order.
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    /// The index of the profile `name_or_id` resolves to (as [`Profiles`] resolves).
    fn position(&self, name_or_id: &str) -> Option<usize> {
        let list = &self.profiles.0;
        list.iter().position(|p| p.name == name_or_id).or_else(|| {
            list.iter()
                .position(|p| p.id.as_deref() == Some(name_or_id))
        })
    }
}

/// serde_json's message without its own " at line L column C" (ours comes first).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}

/// Every string value of `tree`, with the key it is written under.
fn strings(tree: &Json) -> Vec<(Option<String>, Span)> {
    let mut out = Vec::new();
    // Iteratively, so no document can overflow the stack; `json::parse` bounds the depth.
    let mut stack: Vec<(Option<&str>, &Json)> = vec![(None, tree)];
    while let Some((key, value)) = stack.pop() {
        match &value.value {
            json::Value::String(_) => out.push((key.map(str::to_string), value.span)),
            json::Value::Array(items) => stack.extend(items.iter().map(|i| (key, i))),
            json::Value::Object(members) => {
                stack.extend(members.iter().map(|m| (Some(m.key.as_ref()), &m.value)));
            }
            _ => {}
        }
    }
    out
}

/// The positions of `profile`, written as `item`.
fn locate(profile: &ConnectionProfile, item: &Json) -> Located {
    let config = item.member("config");
    let mut paths = HashMap::new();
    if let Some(config) = config {
        // Iteratively, so no document can overflow the stack; `json::parse` bounds the depth.
        let mut stack: Vec<(Vec<String>, &Json)> = vec![(Vec::new(), &config.value)];
        while let Some((path, value)) = stack.pop() {
            for m in value.members().unwrap_or(&[]) {
                let mut at = path.clone();
                at.push(m.key.to_string());
                // Of a repeated key the last one counts, as serde_json reads it.
                paths.insert(at.clone(), (m.key_span, m.value.span));
                stack.push((at, &m.value));
            }
        }
    }
    Located {
        connector: profile.connector.clone(),
        config: profile.config.clone(),
        config_key: config.map_or(item.span, |c| c.key_span),
        paths,
    }
}

impl ProfileResolver for ProfileDocument {
    fn resolve(&self, name_or_id: &str) -> Result<ConnectionProfile, ResolveError> {
        self.profiles.resolve(name_or_id)
    }

    fn names(&self) -> Vec<String> {
        self.profiles.names()
    }

    fn names_for(&self, connector: &str) -> Vec<String> {
        self.profiles.names_for(connector)
    }

    fn source(&self, name_or_id: &str) -> Option<ProfileSource> {
        self.position(name_or_id).map(|index| ProfileSource {
            doc: Arc::clone(&self.doc),
            index,
        })
    }
}

impl ProfileSource {
    fn located(&self) -> Option<&Located> {
        self.doc.profiles.get(self.index)
    }

    /// The document's name.
    pub(crate) fn name(&self) -> Arc<str> {
        Arc::clone(&self.doc.name)
    }

    /// Where the profile's `config` key is written: where options it lacks are reported.
    pub(crate) fn config_key(&self) -> Span {
        self.located().map_or(Span::DETACHED, |l| l.config_key)
    }

    /// The spans of the key and of the value written at `path` below `config`.
    pub(crate) fn spans(&self, path: &[String]) -> Option<(Span, Span)> {
        self.located()?.paths.get(path).copied()
    }

    /// The document's text with the values of every profile's secrets masked: the values
    /// of options `secret(connector, flat key)` says are secret, of keys that name a
    /// credential, and the credentials written inside any string (a URL's password).
    /// Offsets and character columns stay those of the original text.
    pub(crate) fn masked_text(&self, secret: &dyn Fn(&str, &str) -> bool) -> Arc<str> {
        let text = &self.doc.text;
        let mut secret_spans: std::collections::HashSet<Span> = std::collections::HashSet::new();
        for p in &self.doc.profiles {
            for e in flatten(&p.connector, &p.config).entries {
                if secret(&p.connector, &e.key) {
                    if let Some((_, value)) = p.paths.get(&e.path) {
                        secret_spans.insert(*value);
                    }
                }
            }
        }
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for (key, value) in &self.doc.strings {
            let raw = text.get(value.start..value.end).unwrap_or("");
            if !raw.starts_with('"') || raw.len() < 2 {
                continue;
            }
            let inner = (value.start + 1, value.end - 1);
            let content = text.get(inner.0..inner.1).unwrap_or("");
            let by_name = key.as_deref().is_some_and(is_secret_setting);
            if (by_name || secret_spans.contains(value))
                && !super::Secret::new(content).is_placeholder()
            {
                ranges.push(inner);
                continue;
            }
            // Credentials inside an ordinary value; offsets are exact only when the string
            // has no escapes, so an escaped one is masked whole.
            let found = super::credential_ranges(content);
            if content.contains('\\') && !found.is_empty() {
                ranges.push(inner);
            } else {
                ranges.extend(
                    found
                        .into_iter()
                        .map(|r| (inner.0 + r.start, inner.0 + r.end)),
                );
            }
        }
        mask(text, &mut ranges).into()
    }
}

/// `text` with the characters in `ranges` replaced by characters of the same UTF-8 length
/// (`*` for ASCII), so byte offsets and character columns stay where they were.
fn mask(text: &str, ranges: &mut [(usize, usize)]) -> String {
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut next = ranges.iter().peekable();
    let mut current: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        while current.is_none_or(|(_, end)| i >= end) {
            match next.peek() {
                Some((start, _)) if *start <= i => current = next.next().copied(),
                _ => break,
            }
        }
        let inside = current.is_some_and(|(start, end)| i >= start && i < end);
        if inside {
            out.push(match c.len_utf8() {
                1 => '*',
                2 => '×',
                3 => '∗',
                _ => '𝟘',
            });
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"[
  {"name": "prod", "connector": "kafka", "id": "cp_1",
   "config": {"bootstrapServers": "b:1",
              "authentication": {"protocol": "SASL_SSL", "mechanism": "PLAIN",
                                 "username": "u", "password": "pässwörd"}}}
]"#;

    #[test]
    fn a_document_resolves_and_locates_its_profiles() {
        let doc = ProfileDocument::parse("p.json", DOC).expect("parses");
        assert_eq!(
            doc.resolve("cp_1").map(|p| p.name).ok().as_deref(),
            Some("prod")
        );
        let src = doc.source("prod").expect("located");
        let (key, value) = src
            .spans(&["authentication".into(), "password".into()])
            .expect("spans");
        assert_eq!(DOC.get(key.start..key.end), Some("\"password\""));
        assert_eq!(DOC.get(value.start..value.end), Some("\"pässwörd\""));
        assert_eq!(
            DOC.get(src.config_key().start..src.config_key().end),
            Some("\"config\"")
        );
        assert!(doc.source("nope").is_none());
    }

    #[test]
    fn the_masked_text_keeps_positions_and_hides_secrets() {
        let doc = ProfileDocument::parse("p.json", DOC).expect("parses");
        let src = doc.source("prod").expect("located");
        let masked = src.masked_text(&|_, k| k == "auth.username");
        assert!(!masked.contains("pässwörd"), "{masked}");
        assert!(masked.contains("\"username\": \"*\""), "{masked}");
        assert_eq!(masked.len(), DOC.len());
        assert_eq!(masked.chars().count(), DOC.chars().count());
        let doc = ProfileDocument::parse(
            "p.json",
            r#"[{"name": "x", "connector": "nope", "description": "redis://u:hunter22@h", "config": {"my_token": "abc123"}}]"#,
        )
        .expect("parses");
        let masked = doc.source("x").expect("located").masked_text(&|_, _| false);
        assert!(
            !masked.contains("hunter22") && !masked.contains("abc123"),
            "{masked}"
        );
    }

    #[test]
    fn a_broken_document_says_where() {
        let e = ProfileDocument::parse("p.json", "[{\"name\": \"x\",\n \"connector\": 5}]")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("p.json:2:15: invalid type: integer `5`, expected a string")
        );
        let e = ProfileDocument::parse("p.json", "[{\"name\": }]")
            .err()
            .map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("p.json:1:11: expected value"));
    }
}
