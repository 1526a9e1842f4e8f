//! The protocol's lifecycle around the handlers: `initialize` first, then requests and
//! notifications, `shutdown`, then `exit`.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;

use super::{initialize_result, Server};

/// How the session ended: the process's exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// `exit` after `shutdown`: status 0.
    Clean,
    /// `exit` without `shutdown`, or the client went away: status 1.
    Unclean,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Waiting for `initialize`.
    Starting,
    /// Serving.
    Running,
    /// `shutdown` answered; only `exit` is expected.
    ShutDown,
}

/// Serves `connection` until `exit` (or until the client closes the stream).
pub fn run(connection: &Connection, server: &mut Server<'_>) -> Exit {
    let mut state = State::Starting;
    let mut inbox = Inbox::default();
    while let Some(msg) = inbox.next(connection, server) {
        let reply = match msg {
            Message::Request(req) => Some(Message::Response(request(server, &mut state, req))),
            Message::Notification(n) if n.method == lsp_types::notification::Exit::METHOD => {
                return if state == State::ShutDown {
                    Exit::Clean
                } else {
                    Exit::Unclean
                };
            }
            // Before `initialize` and after `shutdown`, notifications are dropped.
            Message::Notification(n) if state == State::Running => {
                server.handle_notification(n).map(Message::Notification)
            }
            Message::Notification(_) | Message::Response(_) => None,
        };
        if let Some(reply) = reply {
            if connection.sender.send(reply).is_err() {
                return Exit::Unclean;
            }
        }
    }
    Exit::Unclean
}

/// How long a document change that skips versions waits for the ones it skipped.
///
/// Helix 25.01 sends the changes of a burst of keys (a fast typist, a key held down)
/// out of order now and then, e.g. versions 10, 13, 11, 12 within one millisecond (its
/// log shows them written in that order); applied as they come, each range lands in the wrong
/// text and the server's copy of the document drifts from the editor's. The skipped
/// versions are then already written, a few messages behind, so a short wait is enough.
/// Clients also skip versions for good (Neovim's version is the buffer's change count,
/// and it sends the edits of 150 ms as one change; Helix after a completion preview):
/// such a change waits this long when nothing follows it, so the wait is kept a small part
/// of the 20 ms from an edit to its diagnostics.
const MISSING_VERSION_WAIT: Duration = Duration::from_millis(5);

/// How many of one document's changes are put in version order at most: a burst is a few
/// keys, and the bound keeps a flood of changes linear.
const REORDER_WINDOW: usize = 64;

/// The messages read ahead of the one being handled, so that one document's changes can be
/// applied in version order.
#[derive(Default)]
struct Inbox {
    ahead: VecDeque<Message>,
}

impl Inbox {
    /// The next message to handle; `None` when the client has closed the stream.
    fn next(&mut self, connection: &Connection, server: &Server<'_>) -> Option<Message> {
        if self.ahead.is_empty() {
            self.ahead.push_back(connection.receiver.recv().ok()?);
        }
        let Some(first) = self.ahead.front().and_then(change_of) else {
            return self.ahead.pop_front();
        };
        let Some(expected) = server
            .version(&first.uri)
            .and_then(|v| v.checked_add(1))
            .filter(|expected| first.version > *expected)
        else {
            return self.ahead.pop_front();
        };
        // A gap. The run: this document's changes at the front, read so far.
        let mut run = 0;
        let mut found = false;
        for c in self
            .ahead
            .iter()
            .take(REORDER_WINDOW)
            .map_while(|msg| change_of(msg).filter(|c| c.uri == first.uri))
        {
            run += 1;
            found |= c.version == expected;
        }
        // Read on until the missing version comes, something other than a change of this
        // document comes (the client has moved on), the window is full or the wait is over.
        let deadline = Instant::now() + MISSING_VERSION_WAIT;
        while !found && run == self.ahead.len() && run < REORDER_WINDOW {
            let Ok(msg) = connection.receiver.recv_deadline(deadline) else {
                break;
            };
            if let Some(c) = change_of(&msg).filter(|c| c.uri == first.uri) {
                run += 1;
                found = c.version == expected;
            }
            self.ahead.push_back(msg);
        }
        // The run in version order (stable: equal versions keep the order they came in).
        if let Some(run) = self.ahead.make_contiguous().get_mut(..run) {
            run.sort_by_cached_key(|msg| change_of(msg).map(|c| c.version));
        }
        self.ahead.pop_front()
    }
}

/// The document and version a `didChange` notification is for.
fn change_of(msg: &Message) -> Option<lsp::VersionedTextDocumentIdentifier> {
    let Message::Notification(n) = msg else {
        return None;
    };
    if n.method != lsp::notification::DidChangeTextDocument::METHOD {
        return None;
    }
    serde_json::from_value(n.params.get("textDocument")?.clone()).ok()
}

fn request(server: &mut Server<'_>, state: &mut State, req: Request) -> Response {
    let method = req.method.as_str();
    match (*state, method) {
        (State::Starting, lsp_types::request::Initialize::METHOD) => {
            *state = State::Running;
            Response::new_ok(req.id, initialize_result())
        }
        (State::Starting, _) => error(
            req,
            ErrorCode::ServerNotInitialized,
            "the server is not initialized",
        ),
        (State::Running, lsp_types::request::Initialize::METHOD) => error(
            req,
            ErrorCode::InvalidRequest,
            "the server is already initialized",
        ),
        (State::Running, lsp_types::request::Shutdown::METHOD) => {
            *state = State::ShutDown;
            Response::new_ok(req.id, ())
        }
        (State::Running, _) => server.handle_request(req),
        (State::ShutDown, _) => error(req, ErrorCode::InvalidRequest, "the server is shut down"),
    }
}

fn error(req: Request, code: ErrorCode, message: &str) -> Response {
    Response::new_err(req.id, code as i32, message.to_string())
}
