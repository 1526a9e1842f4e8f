//! Document symbols (tables and their columns) and go to definition.

use super::{Document, Symbol};
use crate::span::Span;

/// The tables of `doc` with their columns, in source order.
pub fn document_symbols(doc: &Document) -> Vec<Symbol> {
    let _ = doc;
    Vec::new()
}

/// Where the column (or table) referenced at byte `offset` is defined.
pub fn definition(doc: &Document, offset: usize) -> Option<Span> {
    let _ = (doc, offset);
    None
}
