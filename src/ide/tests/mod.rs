//! Unit tests of the editor services, one file per service.

mod actions;
mod complete;
mod document;
mod hover;
mod open;
mod split;
mod symbols;

use crate::compile::Env;
use crate::connector::Registry;

/// The built-in registry, for [`Env::new`].
pub(super) fn registry() -> Registry {
    Registry::builtin()
}

/// `Env::new` over `registry`.
pub(super) fn env(registry: &Registry) -> Env<'_> {
    Env::new(registry)
}

/// The byte offset of the `n`th (0-based) occurrence of `needle` in `text`.
pub(super) fn nth(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle)
        .nth(n)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("`{needle}` #{n} not in {text:?}"))
}

/// The byte offset of the first occurrence of `needle` in `text`.
pub(super) fn at(text: &str, needle: &str) -> usize {
    nth(text, needle, 0)
}
