//! Editor services: completion, hover, quick fixes, document symbols and go to definition
//! for DDL text, answered from the option catalogue and the compiled result, with no I/O.
//!
//! Everything works on byte offsets into the document's text (as [`Span`] does) and
//! returns plain serde data, so a language server (`examples/ddl-lsp.rs`) and a planner's
//! web editor call the same functions. A [`Document`] keeps the compiled state of each
//! statement, so an edit re-compiles only the statements it touched.
//!
//! ```
//! use connector_ddl::{ide, Env, Registry};
//!
//! let registry = Registry::builtin();
//! let env = Env::new(&registry);
//! let mut doc = ide::Document::new("CREATE TABLE t (a INT) WITH (connector = 'kafka');", &env);
//! assert!(!doc.diagnostics().is_empty()); // kafka needs a topic, servers, a type, a format
//!
//! // The user types a new option: the keys that apply and are not written yet.
//! let at = doc.text().rfind(')').unwrap_or(0);
//! doc.edit(at, at, ", typ", &env);
//! let items = ide::completions(&doc, at + ", typ".len(), &env);
//! assert!(items.iter().any(|i| i.label == "type"));
//! assert!(items.iter().all(|i| i.label != "connector")); // written already
//!
//! // Each diagnostic with a machine-applicable fix is a quick fix.
//! let doc = ide::Document::new("CREATE TABLE t (a BIGNT);", &env);
//! let actions = ide::code_actions(&doc, doc.diagnostics()[0].span);
//! assert_eq!(actions[0].title, "replace `BIGNT` with `BIGINT`");
//! ```
//!
//! What [`Document::diagnostics`] reports is what [`crate::compile_sql`] reports for the
//! whole text (`tests/ide.rs` checks it over the corpus), with one exception: a
//! diagnostic's message is masked with the secrets of its own statement only (a secret
//! value written in one statement and quoted by a message about another is not masked
//! there; the statement quoted holds that text anyway).

mod actions;
mod assemble;
mod catalog;
mod complete;
mod document;
mod hover;
mod open;
mod sketch;
mod split;
mod symbols;
#[cfg(test)]
mod tests;

pub use actions::code_actions;
pub use complete::completions;
pub use document::Document;
pub use hover::hover;
pub use symbols::{definition, document_symbols};

use serde::Serialize;

use crate::span::Span;

/// What a completion offers, so an editor can pick an icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CompletionKind {
    /// A connector name (`connector = '…'`).
    Connector,
    /// A WITH option key.
    OptionKey,
    /// An allowed value of an option.
    Value,
    /// A connection profile's name.
    Profile,
    /// A SQL type name.
    Type,
    /// A metadata key (`METADATA FROM '…'`).
    MetadataKey,
    /// A column of the table.
    Column,
}

/// One completion: what to show, and the text that replaces `replace` when chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CompletionItem {
    /// What the list shows (and, when `insert_text` is `None`, what is inserted).
    pub label: String,
    /// What kind of thing it is.
    pub kind: CompletionKind,
    /// One line beside the label: an option's kind and default, a column's type, …
    pub detail: Option<String>,
    /// Longer documentation (markdown).
    pub documentation: Option<String>,
    /// The text to insert, when it differs from the label.
    pub insert_text: Option<String>,
    /// The text the completion replaces (the word typed so far; empty at the cursor).
    pub replace: Span,
}

/// What a hover shows: markdown about the thing under the cursor, and its extent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Hover {
    /// The hovered text.
    pub span: Span,
    /// What to show, as markdown.
    pub markdown: String,
}

/// One text edit: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Edit {
    /// The text to replace (empty to insert).
    pub span: Span,
    /// What to write there.
    pub replacement: String,
}

/// A quick fix: a titled set of edits that fixes one diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CodeAction {
    /// What the action does, e.g. "replace `topc` with `topic`".
    pub title: String,
    /// The code of the diagnostic it fixes.
    pub code: String,
    /// The span of that diagnostic, so an editor can match it to the one it shows.
    pub diagnostic_span: Span,
    /// The edits, applied together.
    pub edits: Vec<Edit>,
    /// Whether this is the one obvious fix (an editor may apply it on a keystroke).
    pub preferred: bool,
    /// Whether this action applies the fixes of every diagnostic of the document (then
    /// `code` is empty and `diagnostic_span` covers the diagnostics it fixes).
    pub fix_all: bool,
}

/// What a symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SymbolKind {
    /// A table (`CREATE TABLE`).
    Table,
    /// A column of a table.
    Column,
}

/// A table or column of the document, for an outline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Symbol {
    /// Its name.
    pub name: String,
    /// Table or column.
    pub kind: SymbolKind,
    /// One line about it: a table's connector and type, a column's SQL type.
    pub detail: Option<String>,
    /// The whole statement or column definition.
    pub span: Span,
    /// The name itself.
    pub name_span: Span,
    /// A table's columns.
    pub children: Vec<Symbol>,
}
