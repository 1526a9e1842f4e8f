//! A document as an editor holds it: its text and its compiled state.

use crate::compile::{compile_sql, Compiled, Env};
use crate::diagnostics::Diagnostic;

/// An open document: its text and what compiling it found.
#[derive(Debug)]
pub struct Document {
    text: String,
    compiled: Compiled,
}

impl Document {
    /// Compiles `text` as a new document.
    pub fn new(text: impl Into<String>, env: &Env<'_>) -> Self {
        let text = text.into();
        let compiled = compile_sql(&text, env);
        Document { text, compiled }
    }

    /// Replaces the bytes `start..end` of the text with `replacement` and compiles again.
    /// A range outside the text, or not on character boundaries, is clamped to the
    /// nearest boundaries inside it.
    pub fn edit(&mut self, start: usize, end: usize, replacement: &str, env: &Env<'_>) {
        let start = floor_boundary(&self.text, start.min(self.text.len()));
        let end = floor_boundary(&self.text, end.clamp(start, self.text.len()));
        self.text.replace_range(start..end, replacement);
        self.compiled = compile_sql(&self.text, env);
    }

    /// Replaces the whole text and compiles again.
    pub fn set_text(&mut self, text: impl Into<String>, env: &Env<'_>) {
        *self = Document::new(text, env);
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Every diagnostic of the document, sorted by position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.compiled.diagnostics
    }

    /// The compiled tables, in source order.
    pub fn tables(&self) -> &[crate::Table] {
        &self.compiled.tables
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
