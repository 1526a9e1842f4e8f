//! The protocol's lifecycle around the handlers: `initialize` first, then requests and
//! notifications, `shutdown`, then `exit`.

use lsp_server::{Connection, ErrorCode, Message, Request, Response};
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
    for msg in &connection.receiver {
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
