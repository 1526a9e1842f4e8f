//! The language server's state and handlers: open documents, and one function per LSP
//! method, on plain values (no I/O), so the session loop (`session.rs`), the benchmark
//! (`benches/lsp.rs`) and the tests (`tests/lsp.rs`) drive the same code.

mod convert;
mod lines;
mod session;

use std::collections::HashMap;

use connector_ddl::ide;
use connector_ddl::Env;
use lsp_server::{ErrorCode, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use serde::de::DeserializeOwned;

pub use convert::{file_uri, Origins};
pub use lines::Lines;
pub use session::{run, Exit};

use convert::Text;

/// An open document: its version, its compiled state and the line index of its text.
struct Open {
    uri: lsp::Uri,
    version: i32,
    doc: ide::Document,
    lines: Lines,
}

impl Open {
    fn text(&self) -> Text<'_> {
        Text {
            text: self.doc.text(),
            lines: &self.lines,
        }
    }
}

/// The server: the compile environment and the open documents.
pub struct Server<'a> {
    env: Env<'a>,
    origins: Origins,
    docs: HashMap<lsp::Uri, Open>,
}

/// What the server announces in its `initialize` answer.
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        // LSP's default, and the only encoding every client has.
        position_encoding: Some(lsp::PositionEncodingKind::UTF16),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..lsp::TextDocumentSyncOptions::default()
            },
        )),
        completion_provider: Some(lsp::CompletionOptions {
            // Opening a value's quote, after `=`, a new column or option (`(`, `,`, a
            // space), and a key's next segment (`source.`).
            trigger_characters: Some(
                ["'", "=", "(", ",", " ", "."]
                    .iter()
                    .map(|c| (*c).to_string())
                    .collect(),
            ),
            ..lsp::CompletionOptions::default()
        }),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..lsp::CodeActionOptions::default()
            },
        )),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        ..lsp::ServerCapabilities::default()
    }
}

/// The `initialize` result: the capabilities and the server's name.
pub fn initialize_result() -> lsp::InitializeResult {
    lsp::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(lsp::ServerInfo {
            name: "ddl-lsp".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    }
}

/// A request's params, or the error response for params that do not read. The message
/// names what is wrong but quotes no value the client sent.
fn params<P: DeserializeOwned>(req: Request) -> Result<(lsp_server::RequestId, P), Response> {
    let method = req.method;
    match serde_json::from_value(req.params) {
        Ok(p) => Ok((req.id, p)),
        Err(e) => {
            let why = e.to_string();
            let why = if why.contains('"') {
                String::new()
            } else {
                format!(": {why}")
            };
            Err(Response::new_err(
                req.id,
                ErrorCode::InvalidParams as i32,
                format!("invalid params for `{method}`{why}"),
            ))
        }
    }
}

impl<'a> Server<'a> {
    /// A server compiling in `env`; diagnostics about other documents (the profiles
    /// file) link to them through `origins`.
    pub fn new(env: Env<'a>, origins: Origins) -> Self {
        Server {
            env,
            origins,
            docs: HashMap::new(),
        }
    }

    /// Answers a request (other than the lifecycle's `initialize` and `shutdown`, which
    /// the session answers). An unknown method is `MethodNotFound`; params that do not
    /// read are `InvalidParams`; a document that is not open gets an empty answer.
    pub fn handle_request(&mut self, req: Request) -> Response {
        let answer = match req.method.as_str() {
            lsp::request::Completion::METHOD => {
                params(req).map(|(id, p)| Response::new_ok(id, self.completion(&p)))
            }
            lsp::request::HoverRequest::METHOD => {
                params(req).map(|(id, p)| Response::new_ok(id, self.hover(&p)))
            }
            lsp::request::CodeActionRequest::METHOD => {
                params(req).map(|(id, p)| Response::new_ok(id, self.code_actions(&p)))
            }
            lsp::request::DocumentSymbolRequest::METHOD => {
                params(req).map(|(id, p)| Response::new_ok(id, self.document_symbols(&p)))
            }
            lsp::request::GotoDefinition::METHOD => {
                params(req).map(|(id, p)| Response::new_ok(id, self.definition(&p)))
            }
            _ => Err(Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("method `{}` is not supported", req.method),
            )),
        };
        answer.unwrap_or_else(|error| error)
    }

    /// Handles a notification; after a document opens or changes, the diagnostics to
    /// publish (after it closes, an empty list). Unknown notifications and params that do
    /// not read are ignored, as the protocol says.
    pub fn handle_notification(&mut self, n: Notification) -> Option<Notification> {
        let published = match n.method.as_str() {
            lsp::notification::DidOpenTextDocument::METHOD => serde_json::from_value(n.params)
                .ok()
                .map(|p| self.did_open(p)),
            lsp::notification::DidChangeTextDocument::METHOD => serde_json::from_value(n.params)
                .ok()
                .and_then(|p| self.did_change(p)),
            lsp::notification::DidCloseTextDocument::METHOD => serde_json::from_value(n.params)
                .ok()
                .map(|p| self.did_close(p)),
            _ => None,
        }?;
        Some(Notification::new(
            lsp::notification::PublishDiagnostics::METHOD.to_string(),
            published,
        ))
    }

    /// The version of the open document at `uri` (the last change applied).
    pub fn version(&self, uri: &lsp::Uri) -> Option<i32> {
        self.docs.get(uri).map(|open| open.version)
    }

    /// `textDocument/didOpen`: compiles the text (a document opened again is replaced).
    pub fn did_open(&mut self, p: lsp::DidOpenTextDocumentParams) -> lsp::PublishDiagnosticsParams {
        let doc = ide::Document::new(p.text_document.text, &self.env);
        let lines = Lines::new(doc.text());
        let open = Open {
            uri: p.text_document.uri.clone(),
            version: p.text_document.version,
            doc,
            lines,
        };
        let published = self.publish(&open);
        self.docs.insert(p.text_document.uri, open);
        published
    }

    /// `textDocument/didChange`: applies the changes in order (a range edit through
    /// `Document::edit`, a whole text through `set_text`); `None` for a document that is
    /// not open.
    pub fn did_change(
        &mut self,
        p: lsp::DidChangeTextDocumentParams,
    ) -> Option<lsp::PublishDiagnosticsParams> {
        let open = self.docs.get_mut(&p.text_document.uri)?;
        for change in p.content_changes {
            match change.range {
                // Each change's range is in the text the previous one left.
                Some(range) => {
                    let span = open.text().span(range);
                    let pending = open
                        .lines
                        .before_edit(open.doc.text(), span.start, span.end);
                    open.doc.edit(span.start, span.end, &change.text, &self.env);
                    open.lines.edited(open.doc.text(), pending, &change.text);
                }
                None => {
                    open.doc.set_text(change.text, &self.env);
                    open.lines = Lines::new(open.doc.text());
                }
            }
        }
        open.version = p.text_document.version;
        let open = self.docs.get(&p.text_document.uri)?;
        Some(self.publish(open))
    }

    /// `textDocument/didClose`: forgets the document and clears its diagnostics.
    pub fn did_close(
        &mut self,
        p: lsp::DidCloseTextDocumentParams,
    ) -> lsp::PublishDiagnosticsParams {
        self.docs.remove(&p.text_document.uri);
        lsp::PublishDiagnosticsParams {
            uri: p.text_document.uri,
            diagnostics: Vec::new(),
            version: None,
        }
    }

    /// The diagnostics of an open document, for `textDocument/publishDiagnostics`.
    fn publish(&self, open: &Open) -> lsp::PublishDiagnosticsParams {
        let mut out = convert::Diagnostics::new(&open.uri, open.text(), &self.origins);
        lsp::PublishDiagnosticsParams {
            uri: open.uri.clone(),
            diagnostics: open
                .doc
                .diagnostics()
                .iter()
                .map(|d| out.convert(d))
                .collect(),
            version: Some(open.version),
        }
    }

    /// The open document at `uri` and the byte offset of `pos` in it.
    fn at(&self, uri: &lsp::Uri, pos: lsp::Position) -> Option<(&Open, usize)> {
        let open = self.docs.get(uri)?;
        let offset = open.lines.offset(open.doc.text(), pos);
        Some((open, offset))
    }

    /// `textDocument/completion`.
    pub fn completion(&self, p: &lsp::CompletionParams) -> lsp::CompletionResponse {
        let at = &p.text_document_position;
        let items = match self.at(&at.text_document.uri, at.position) {
            Some((open, offset)) => {
                convert::completions(open.text(), ide::completions(&open.doc, offset, &self.env))
            }
            None => Vec::new(),
        };
        lsp::CompletionResponse::Array(items)
    }

    /// `textDocument/hover`.
    pub fn hover(&self, p: &lsp::HoverParams) -> Option<lsp::Hover> {
        let at = &p.text_document_position_params;
        let (open, offset) = self.at(&at.text_document.uri, at.position)?;
        let h = ide::hover(&open.doc, offset, &self.env)?;
        Some(convert::hover(open.text(), h))
    }

    /// `textDocument/codeAction`: the quick fixes of the diagnostics in the range, each
    /// with the diagnostic it fixes, and (when there are several) one `source.fixAll`
    /// action applying every fix of the document; only the kinds the client asks for.
    pub fn code_actions(&self, p: &lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let Some(open) = self.docs.get(&p.text_document.uri) else {
            return Vec::new();
        };
        let wanted = |kind: &lsp::CodeActionKind| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|k| {
                    // A kind covers the kinds under it: `source` covers `source.fixAll`.
                    kind.as_str() == k.as_str()
                        || k.as_str().is_empty()
                        || kind.as_str().starts_with(&format!("{}.", k.as_str()))
                })
            })
        };
        let text = open.text();
        let mut out = convert::Diagnostics::new(&open.uri, text, &self.origins);
        ide::code_actions(&open.doc, text.span(p.range))
            .into_iter()
            .filter_map(|action| {
                let kind = if action.fix_all {
                    lsp::CodeActionKind::SOURCE_FIX_ALL
                } else {
                    lsp::CodeActionKind::QUICKFIX
                };
                if !wanted(&kind) {
                    return None;
                }
                let fixed = if action.fix_all {
                    Vec::new()
                } else {
                    open.doc
                        .diagnostics()
                        .iter()
                        .filter(|d| {
                            d.span == action.diagnostic_span && action.code == d.code.as_str()
                        })
                        .map(|d| out.convert(d))
                        .collect()
                };
                Some(convert::code_action(&open.uri, text, action, kind, fixed))
            })
            .collect()
    }

    /// `textDocument/documentSymbol`: tables with their columns.
    pub fn document_symbols(&self, p: &lsp::DocumentSymbolParams) -> lsp::DocumentSymbolResponse {
        let symbols = match self.docs.get(&p.text_document.uri) {
            Some(open) => convert::symbols(open.text(), ide::document_symbols(&open.doc)),
            None => Vec::new(),
        };
        lsp::DocumentSymbolResponse::Nested(symbols)
    }

    /// `textDocument/definition`: the column a reference names.
    pub fn definition(&self, p: &lsp::GotoDefinitionParams) -> Option<lsp::GotoDefinitionResponse> {
        let at = &p.text_document_position_params;
        let (open, offset) = self.at(&at.text_document.uri, at.position)?;
        let span = ide::definition(&open.doc, offset)?;
        Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location {
            uri: open.uri.clone(),
            range: open.text().range(span),
        }))
    }
}
