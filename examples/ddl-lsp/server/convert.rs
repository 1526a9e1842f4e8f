//! The library's answers (byte spans, `ide` types, diagnostics) as LSP types.

use std::collections::HashMap;
use std::sync::Arc;

use connector_ddl::diagnostics::Origin;
use connector_ddl::ide;
use connector_ddl::span::Span;
use connector_ddl::{Diagnostic, Severity};
use lsp_types as lsp;

use super::lines::Lines;

/// Where a diagnostic's `source` says it comes from.
pub const SOURCE: &str = "connector-ddl";

/// A text and its line index: everything needed to turn byte spans into LSP ranges.
#[derive(Clone, Copy)]
pub struct Text<'t> {
    /// The text.
    pub text: &'t str,
    /// Its lines.
    pub lines: &'t Lines,
}

impl Text<'_> {
    /// The LSP range of `span` (a detached span is the start of the text).
    pub fn range(&self, span: Span) -> lsp::Range {
        if span.is_detached() {
            return lsp::Range::default();
        }
        lsp::Range {
            start: self.lines.position(self.text, span.start),
            end: self.lines.position(self.text, span.end),
        }
    }

    /// The byte span of an LSP range (backwards ranges are swapped).
    pub fn span(&self, range: lsp::Range) -> Span {
        Span::new(
            self.lines.offset(self.text, range.start),
            self.lines.offset(self.text, range.end),
        )
    }
}

/// Documents other than the compiled text that diagnostics point into (the profiles file),
/// by the name their [`Origin`] carries.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    uris: HashMap<String, lsp::Uri>,
}

impl Origins {
    /// Diagnostics whose origin is named `name` link to `uri`.
    pub fn insert(&mut self, name: String, uri: lsp::Uri) {
        self.uris.insert(name, uri);
    }
}

/// Builds LSP diagnostics for one document version; origin texts are indexed once each,
/// however many diagnostics point into them.
pub struct Diagnostics<'a> {
    uri: &'a lsp::Uri,
    doc: Text<'a>,
    origins: &'a Origins,
    indexed: Vec<(Arc<str>, Lines)>,
}

impl<'a> Diagnostics<'a> {
    /// A builder for the diagnostics of the document `uri`, whose text is `doc`.
    pub fn new(uri: &'a lsp::Uri, doc: Text<'a>, origins: &'a Origins) -> Self {
        Diagnostics {
            uri,
            doc,
            origins,
            indexed: Vec::new(),
        }
    }

    /// `d` as an LSP diagnostic: at its span in the document (a mistake in the profiles
    /// file is shown at its SQL reference, and links to where it is), help appended to the
    /// message, labels as related information.
    pub fn convert(&mut self, d: &Diagnostic) -> lsp::Diagnostic {
        let mut message = d.message.clone();
        let mut related: Vec<lsp::DiagnosticRelatedInformation> = Vec::new();
        if let Some(origin) = &d.origin {
            self.origin(origin, &mut message, &mut related);
        }
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        related.extend(d.labels.iter().map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: self.uri.clone(),
                range: self.doc.range(l.span),
            },
            message: l.message.clone(),
        }));
        lsp::Diagnostic {
            range: self.doc.range(d.span),
            severity: Some(severity(d.severity)),
            code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
            source: Some(SOURCE.to_string()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..lsp::Diagnostic::default()
        }
    }

    /// Where in its own document an origin's mistake is: related information when the
    /// document has a URI, else its line and column in the message.
    fn origin(
        &mut self,
        origin: &Origin,
        message: &mut String,
        related: &mut Vec<lsp::DiagnosticRelatedInformation>,
    ) {
        let at = match self
            .indexed
            .iter()
            .position(|(t, _)| Arc::ptr_eq(t, &origin.text))
        {
            Some(i) => i,
            None => {
                self.indexed
                    .push((origin.text.clone(), Lines::new(&origin.text)));
                self.indexed.len() - 1
            }
        };
        let Some((text, lines)) = self.indexed.get(at) else {
            return;
        };
        let there = Text { text, lines };
        let Some(uri) = self.origins.uris.get(origin.name.as_ref()) else {
            let p = there.range(origin.span).start;
            message.push_str(&format!(
                " (in `{}`, line {}, column {})",
                origin.name,
                p.line + 1,
                p.character + 1
            ));
            return;
        };
        related.push(lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range: there.range(origin.span),
            },
            message: format!("the value is here, in `{}`", origin.name),
        });
        related.extend(
            origin
                .labels
                .iter()
                .map(|l| lsp::DiagnosticRelatedInformation {
                    location: lsp::Location {
                        uri: uri.clone(),
                        range: there.range(l.span),
                    },
                    message: l.message.clone(),
                }),
        );
    }
}

/// The LSP severity of ours.
pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
    }
}

fn markdown(value: String) -> lsp::MarkupContent {
    lsp::MarkupContent {
        kind: lsp::MarkupKind::Markdown,
        value,
    }
}

/// The completions, in the library's order (kept by `sortText`), each replacing the word
/// typed so far.
pub fn completions(doc: Text<'_>, items: Vec<ide::CompletionItem>) -> Vec<lsp::CompletionItem> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let new_text = item.insert_text.unwrap_or_else(|| item.label.clone());
            lsp::CompletionItem {
                kind: Some(completion_kind(item.kind)),
                detail: item.detail,
                documentation: item
                    .documentation
                    .map(|d| lsp::Documentation::MarkupContent(markdown(d))),
                sort_text: Some(format!("{i:05}")),
                // The editor filters on the typed word, which the edit replaces.
                filter_text: Some(item.label.clone()),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                    range: doc.range(item.replace),
                    new_text,
                })),
                label: item.label,
                ..lsp::CompletionItem::default()
            }
        })
        .collect()
}

fn completion_kind(kind: ide::CompletionKind) -> lsp::CompletionItemKind {
    match kind {
        ide::CompletionKind::Connector => lsp::CompletionItemKind::MODULE,
        ide::CompletionKind::OptionKey => lsp::CompletionItemKind::PROPERTY,
        ide::CompletionKind::Value => lsp::CompletionItemKind::ENUM_MEMBER,
        ide::CompletionKind::Profile => lsp::CompletionItemKind::REFERENCE,
        ide::CompletionKind::Type => lsp::CompletionItemKind::TYPE_PARAMETER,
        ide::CompletionKind::MetadataKey => lsp::CompletionItemKind::CONSTANT,
        ide::CompletionKind::Column => lsp::CompletionItemKind::FIELD,
        _ => lsp::CompletionItemKind::TEXT,
    }
}

/// A hover as markdown over its span.
pub fn hover(doc: Text<'_>, h: ide::Hover) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(markdown(h.markdown)),
        range: (!h.span.is_detached()).then(|| doc.range(h.span)),
    }
}

/// A fix as a code action of `kind` whose workspace edit changes the document `uri`;
/// `diagnostics` are the LSP diagnostics it fixes.
pub fn code_action(
    uri: &lsp::Uri,
    doc: Text<'_>,
    action: ide::CodeAction,
    kind: lsp::CodeActionKind,
    diagnostics: Vec<lsp::Diagnostic>,
) -> lsp::CodeActionOrCommand {
    let edits = action
        .edits
        .into_iter()
        .map(|e| lsp::TextEdit {
            range: doc.range(e.span),
            new_text: e.replacement,
        })
        .collect();
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: action.title,
        kind: Some(kind),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..lsp::WorkspaceEdit::default()
        }),
        is_preferred: action.preferred.then_some(true),
        ..lsp::CodeAction::default()
    })
}

/// Tables and their columns as nested document symbols.
pub fn symbols(doc: Text<'_>, symbols: Vec<ide::Symbol>) -> Vec<lsp::DocumentSymbol> {
    symbols.into_iter().map(|s| symbol(doc, s)).collect()
}

fn symbol(doc: Text<'_>, s: ide::Symbol) -> lsp::DocumentSymbol {
    let range = doc.range(s.span);
    let mut selection_range = doc.range(s.name_span);
    // LSP wants the selection inside the range.
    if selection_range.start < range.start || selection_range.end > range.end {
        selection_range = lsp::Range {
            start: range.start,
            end: range.start,
        };
    }
    let children: Vec<lsp::DocumentSymbol> =
        s.children.into_iter().map(|c| symbol(doc, c)).collect();
    #[allow(deprecated)] // `deprecated` is a required field of the struct
    lsp::DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: match s.kind {
            ide::SymbolKind::Table => lsp::SymbolKind::STRUCT,
            _ => lsp::SymbolKind::FIELD,
        },
        tags: None,
        deprecated: None,
        range,
        selection_range,
        children: (!children.is_empty()).then_some(children),
    }
}

/// A file URI for an absolute `path` (bytes outside the unreserved set percent-encoded).
pub fn file_uri(path: &std::path::Path) -> Option<lsp::Uri> {
    let text = path.to_str()?;
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        // A Windows path `C:\…` becomes `file:///C:/…`.
        uri.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(b))
            }
            b'\\' => uri.push('/'),
            b':' if uri.len() == "file:///C".len() => uri.push(':'),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_percent_encode_what_is_not_plain() {
        let uri = file_uri(std::path::Path::new("/tmp/a b/ü#1.json")).map(|u| u.to_string());
        assert_eq!(uri.as_deref(), Some("file:///tmp/a%20b/%C3%BC%231.json"));
    }

    #[test]
    fn a_diagnostic_keeps_its_code_severity_help_and_labels() {
        let text = "ab\n😀 cd";
        let lines = Lines::new(text);
        let uri: lsp::Uri = "file:///x.sql".parse().expect("a URI");
        let origins = Origins::default();
        let mut out = Diagnostics::new(
            &uri,
            Text {
                text,
                lines: &lines,
            },
            &origins,
        );
        let cd = text.find("cd").expect("cd");
        let d = Diagnostic::warning(
            connector_ddl::diagnostics::codes::UNKNOWN_OPTION,
            Span::new(cd, cd + 2),
            "unknown option `cd`",
        )
        .with_help("did you mean `id`?")
        .with_label(Span::new(0, 2), "first given here");
        let lsp = out.convert(&d);
        assert_eq!(
            lsp.code,
            Some(lsp::NumberOrString::String("option::unknown".into()))
        );
        assert_eq!(lsp.severity, Some(lsp::DiagnosticSeverity::WARNING));
        // The emoji is two UTF-16 units, then a space.
        assert_eq!(
            lsp.range.start,
            lsp::Position {
                line: 1,
                character: 3
            }
        );
        assert_eq!(lsp.message, "unknown option `cd`\nhelp: did you mean `id`?");
        let related = lsp.related_information.unwrap_or_default();
        assert_eq!(related.len(), 1);
        assert_eq!(related[0].message, "first given here");
        assert_eq!(
            related[0].location.range.end,
            lsp::Position {
                line: 0,
                character: 2
            }
        );
    }
}
