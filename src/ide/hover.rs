//! Hover: what the thing under the cursor is.

use super::{Document, Hover};
use crate::compile::Env;

/// What to show when hovering byte `offset` of `doc`.
pub fn hover(doc: &Document, offset: usize, env: &Env<'_>) -> Option<Hover> {
    let _ = (doc, offset, env);
    None
}
