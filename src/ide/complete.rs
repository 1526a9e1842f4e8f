//! Completion: what may be written at an offset.

use super::{CompletionItem, Document};
use crate::compile::Env;

/// The completions at byte `offset` of `doc`.
pub fn completions(doc: &Document, offset: usize, env: &Env<'_>) -> Vec<CompletionItem> {
    let _ = (doc, offset, env);
    Vec::new()
}
