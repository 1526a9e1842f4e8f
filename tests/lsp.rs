//! Issue #11: the language server (`examples/ddl-lsp`), driven on pipes as an editor drives
//! it (design.md §4b), and its handlers in-process (the server's modules are included, so
//! their unit tests run here too).
//!
//! The session tests need the example binary, which `cargo test` builds; a run of this
//! test alone needs `cargo build --example ddl-lsp` first.

#[path = "../examples/ddl-lsp/server/mod.rs"]
#[allow(dead_code, unused_imports)] // the binary uses the rest
mod server;

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long any one answer may take before the test fails (a hung server must not hang CI).
const TIMEOUT: Duration = Duration::from_secs(30);

const URI: &str = "file:///work/orders.sql";

/// `ddl-lsp`, as `cargo test` builds it next to the test binaries.
fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target directory");
    let path = dir
        .join("examples")
        .join(format!("ddl-lsp{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is not built: `cargo test` builds it, or run `cargo build --example ddl-lsp`",
        path.display()
    );
    path
}

/// An editor's side of the session: writes framed messages, reads them on a thread.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications read while waiting for something else.
    pending: Vec<Value>,
}

impl Client {
    fn start(args: &[&str]) -> Client {
        let mut child = Command::new(server_binary())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("ddl-lsp starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            pending: Vec::new(),
        }
    }

    fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        let stdin = self.stdin.as_mut().expect("stdin is open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("server reads");
        stdin.flush().expect("server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self) -> Value {
        self.incoming
            .recv_timeout(TIMEOUT)
            .expect("the server answers within the timeout")
    }

    /// Sends a request and waits for its response (the whole response object).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.recv();
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
            self.pending.push(msg);
        }
    }

    /// A request's result; an error response fails the test.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_ours = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let params = match self.pending.iter().position(is_ours) {
            Some(i) => self.pending.remove(i)["params"].clone(),
            None => loop {
                let msg = self.recv();
                if is_ours(&msg) {
                    break msg["params"].clone();
                }
                self.pending.push(msg);
            },
        };
        params["diagnostics"]
            .as_array()
            .cloned()
            .expect("a diagnostics array")
    }

    fn initialize(&mut self) -> Value {
        let result = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {}}),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
        self.diagnostics(uri)
    }

    /// Sends `exit` and waits for the process to end: its exit status.
    fn exit(mut self) -> i32 {
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait works") {
                return status.code().unwrap_or(-1);
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One `Content-Length`-framed message; `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or(""))
        .collect()
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

/// A valid Kafka source but for one misspelled key, on a line with astral characters.
const DOC: &str = "CREATE TABLE orders (
    id BIGINT,
    note VARCHAR
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = '😀🎉', 'source.offst' = 'earliest',
    type = 'source',
    format = 'json'
);
";

/// UTF-16 units of `s`.
fn units(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

#[test]
fn session_diagnostics_edits_and_lifecycle() {
    let mut client = Client::start(&[]);
    let init = client.initialize();
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert!(caps["completionProvider"]["triggerCharacters"]
        .as_array()
        .is_some_and(|t| t.contains(&json!("'"))));
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll"])
    );
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["definitionProvider"], true);

    // The misspelled key, at UTF-16 columns: the emoji count two units each.
    let diags = client.open(URI, DOC);
    assert_eq!(codes(&diags), ["option::unknown"], "{diags:?}");
    let d = &diags[0];
    let line7 = DOC.lines().nth(6).expect("line 7");
    let key = line7.find("'source.offst'").expect("the key");
    let start = units(&line7[..key]);
    assert_eq!(
        start, 20,
        "4 spaces, `topic = '`, two emoji (4 units), `', `"
    );
    assert_eq!(d["range"], range(6, start, start + units("'source.offst'")));
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "connector-ddl");
    assert!(
        d["message"]
            .as_str()
            .is_some_and(|m| m.contains("source.offset")),
        "help is in the message: {d}"
    );

    // Its quick fix, applied as an editor does (an incremental change per edit): the
    // diagnostic is gone.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": d["range"],
               "context": {"diagnostics": [d]}}),
    );
    let fix = actions
        .as_array()
        .and_then(|a| a.iter().find(|a| a["kind"] == "quickfix"))
        .unwrap_or_else(|| panic!("no quick fix: {actions}"));
    assert_eq!(fix["diagnostics"][0]["code"], "option::unknown", "{fix}");
    let edits = fix["edit"]["changes"][URI]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no edits for the document: {fix}"));
    assert_eq!(edits.len(), 1, "{fix}");
    assert_eq!(
        edits[0]["newText"].as_str().map(|t| t.trim_matches('\'')),
        Some("source.offset")
    );
    let edit = &edits[0]["range"];
    assert_eq!(edit["start"]["line"], 6);
    assert!(edit["start"]["character"].as_u64() >= Some(u64::from(start)));
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    let diags = client.change(URI, 2, json!(changes));
    assert_eq!(codes(&diags), Vec::<&str>::new(), "{diags:?}");

    // Another on the line of emoji: a bad enum value after them.
    let value = line7.find("'earliest'").expect("the value") + 1;
    let v = units(&line7[..value]) + 1; // the `e` inserted before it
    let diags = client.change(
        URI,
        3,
        json!([{"range": range(6, v, v + units("earliest")), "text": "eerliest"}]),
    );
    assert_eq!(codes(&diags), ["option::invalid_value"], "{diags:?}");
    let r = &diags[0]["range"];
    assert_eq!(r["start"]["line"], 6);
    assert!(
        r["start"]["character"].as_u64() >= Some(u64::from(v) - 1)
            && r["end"]["character"].as_u64() <= Some(u64::from(v + 9)),
        "{r}"
    );

    // Positions past a line's end or the text's end clamp.
    for pos in [
        json!({"line": 6, "character": 999}),
        json!({"line": 999, "character": 0}),
    ] {
        let r = client.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": pos}),
        );
        assert!(r.get("error").is_none(), "{r}");
        let r = client.call(
            "textDocument/completion",
            json!({"textDocument": {"uri": URI}, "position": pos}),
        );
        assert!(r.get("error").is_none(), "{r}");
    }

    // A whole-text change, then closing clears the diagnostics.
    let diags = client.change(
        URI,
        4,
        json!([{"text": "CREATE TABLE t (a INT) WITH (connector = 'kafak');"}]),
    );
    assert_eq!(codes(&diags), ["connector::unknown"], "{diags:?}");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    assert!(client.diagnostics(URI).is_empty());

    // Unknown methods, malformed params, closed documents.
    let r = client.call(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(r["error"]["code"], -32601, "{r}");
    let r = client.call("textDocument/hover", json!({"textDocument": 7}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = client.call("textDocument/completion", Value::Null);
    assert_eq!(r["error"]["code"], -32602, "{r}");
    // A notification that does not read is dropped; the server goes on.
    client.notify("textDocument/didOpen", json!({"textDocument": 5}));
    client.notify("textDocument/didChange", json!({"contentChanges": "x"}));
    let pos = json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}});
    assert_eq!(
        client.request("textDocument/hover", pos.clone()),
        Value::Null
    );
    assert_eq!(
        client.request("textDocument/completion", pos.clone()),
        json!([])
    );
    assert_eq!(client.request("textDocument/definition", pos), Value::Null);

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    assert_eq!(client.exit(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut client = Client::start(&[]);
    client.initialize();
    assert_eq!(client.exit(), 1);
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = Client::start(&[]);
    let r = client.call("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002, "{r}");
    client.initialize();
    let r = client.call("initialize", json!({"capabilities": {}}));
    assert_eq!(r["error"]["code"], -32600, "{r}");
    client.request("shutdown", Value::Null);
    let r = client.call("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32600, "{r}");
    assert_eq!(client.exit(), 0);
}

/// Profiles with mistakes, one of them around a secret.
const PROFILES: &str = r#"[
  {"name": "ok", "connector": "kafka", "config": {"bootstrap_servers": "b:9092"}},
  {
    "name": "bad",
    "connector": "rabbitmq",
    "config": {
      "host": "rmq.internal",
      "password": "rabbit-pw-value",
      "port": "fifty"
    }
  }
]"#;

#[test]
fn a_mistake_in_the_profiles_file_is_shown_at_its_reference_and_links_to_it() {
    let dir = std::env::temp_dir().join(format!("ddl-lsp-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("profiles.json");
    std::fs::write(&path, PROFILES).expect("profiles written");
    let mut client = Client::start(&["--profiles", path.to_str().expect("UTF-8 path")]);
    client.initialize();
    let sql = "CREATE TABLE r (id BIGINT) WITH (connector = 'rabbitmq',\n  connection_profile = 'bad', stream = 'events', type = 'source', format = 'json');";
    let diags = client.open(URI, sql);
    let port = diags
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains("`port`")))
        .unwrap_or_else(|| panic!("no diagnostic about `port`: {diags:?}"));
    assert_eq!(port["code"], "profile::invalid");
    // At the reference `'bad'` in the SQL…
    assert_eq!(port["range"], range(1, 23, 28));
    // …linking to `"fifty"` in the profiles file (line 9, columns 15 to 22).
    // Profile names of that connector inside `connection_profile = '…'`.
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 24}}),
    );
    assert!(labels(&items).contains(&"bad".to_string()), "{items}");
    assert!(
        !labels(&items).contains(&"ok".to_string()),
        "a kafka profile: {items}"
    );
    let related = &port["relatedInformation"][0]["location"];
    let canonical = std::fs::canonicalize(&path).expect("canonical path");
    assert_eq!(
        related["uri"],
        format!("file://{}", canonical.display()),
        "{port}"
    );
    assert_eq!(related["range"], range(8, 14, 21));
    let everything = format!("{diags:?}");
    assert!(!everything.contains("rabbit-pw-value"), "{everything}");
    client.request("shutdown", Value::Null);
    assert_eq!(client.exit(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A Kafka source with a secret, a watermark, astral characters before a value, and a
/// blank line where an option key goes.
const CLICKS: &str = "CREATE TABLE clicks (
    id BIGINT NOT NULL,
    label VARCHAR,
    ts TIMESTAMP NOT NULL,
    WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = '😀 clicks', 'source.offset' = 'earliest',
    type = 'source',
    format = 'json',
    'auth.type' = 'sasl', 'auth.mechanism' = 'PLAIN', 'auth.protocol' = 'SASL_SSL',
    'auth.username' = 'u', 'auth.password' = 'hunter2-secret',
    
);
";

/// The LSP position of the `nth` byte after the first `needle` on 0-based `line`.
fn at(text: &str, line: usize, needle: &str, nth: usize) -> Value {
    let l = text.lines().nth(line).expect("the line");
    let i = l
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` on line {line}"))
        + nth;
    json!({"line": line, "character": units(&l[..i])})
}

fn position_params(pos: Value) -> Value {
    json!({"textDocument": {"uri": URI}, "position": pos})
}

/// The labels of a completion answer (an array or a list).
fn labels(answer: &Value) -> Vec<String> {
    let items = answer
        .as_array()
        .or_else(|| answer["items"].as_array())
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .filter_map(|i| i["label"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn session_completion_hover_symbols_definition() {
    let mut client = Client::start(&[]);
    client.initialize();
    let diags = client.open(URI, CLICKS);
    assert!(diags.iter().all(|d| d["severity"] != 1), "{diags:?}");

    // A connector name inside `connector = '…'`, replacing the word there.
    let items = client.request(
        "textDocument/completion",
        position_params(at(CLICKS, 6, "kafka", 2)),
    );
    assert!(labels(&items).contains(&"kafka".to_string()), "{items}");
    assert!(labels(&items).contains(&"kinesis".to_string()), "{items}");
    let kafka = items
        .as_array()
        .and_then(|a| a.iter().find(|i| i["label"] == "kafka"))
        .expect("kafka");
    assert_eq!(kafka["textEdit"]["range"], range(6, 17, 22), "{kafka}");

    // Option keys on the blank line: a source's, not a sink's.
    let items = client.request(
        "textDocument/completion",
        position_params(at(CLICKS, 13, "    ", 4)),
    );
    let keys = labels(&items);
    assert!(keys.contains(&"bad_data".to_string()), "{keys:?}");
    assert!(keys.iter().any(|k| k.starts_with("source.")), "{keys:?}");
    assert!(!keys.iter().any(|k| k.starts_with("sink.")), "{keys:?}");

    // Enum values: `type`, and `source.offset` after the emoji (UTF-16 range).
    let items = client.request(
        "textDocument/completion",
        position_params(at(CLICKS, 9, "source", 1)),
    );
    assert!(labels(&items).contains(&"sink".to_string()), "{items}");
    let items = client.request(
        "textDocument/completion",
        position_params(at(CLICKS, 8, "earliest", 3)),
    );
    assert!(labels(&items).contains(&"latest".to_string()), "{items}");
    let latest = items
        .as_array()
        .and_then(|a| a.iter().find(|i| i["label"] == "latest"))
        .expect("latest");
    let line8 = CLICKS.lines().nth(8).expect("line 8");
    let value = units(&line8[..line8.find("earliest").expect("value")]);
    assert_eq!(
        latest["textEdit"]["range"],
        range(8, value, value + 8),
        "{latest}"
    );

    // SQL types at a column's type.
    let items = client.request(
        "textDocument/completion",
        position_params(at(CLICKS, 2, "VARCHAR", 3)),
    );
    assert!(labels(&items).contains(&"BIGINT".to_string()), "{items}");

    // Hover: an option key, a column.
    let hover = client.request(
        "textDocument/hover",
        position_params(at(CLICKS, 8, "'source.offset'", 3)),
    );
    let text = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        text.contains("source.offset") && text.contains("earliest"),
        "{hover}"
    );
    let hover = client.request(
        "textDocument/hover",
        position_params(at(CLICKS, 1, "id", 1)),
    );
    let text = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(text.contains("BIGINT") && text.contains("Int64"), "{hover}");
    assert_eq!(hover["range"], range(1, 4, 6));

    // No secret in what a hover or a completion at the secret shows.
    let secret = at(CLICKS, 12, "hunter2", 2);
    let hover = client.request("textDocument/hover", position_params(secret.clone()));
    let items = client.request("textDocument/completion", position_params(secret));
    let key = client.request(
        "textDocument/hover",
        position_params(at(CLICKS, 12, "auth.password", 2)),
    );
    for answer in [&hover, &items, &key] {
        assert!(!answer.to_string().contains("hunter2"), "{answer}");
    }
    assert!(key["contents"]["value"]
        .as_str()
        .is_some_and(|t| t.contains("auth.password")));

    // The outline: the table and its columns.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(symbols[0]["name"], "clicks", "{symbols}");
    let columns: Vec<&str> = symbols[0]["children"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(columns, ["id", "label", "ts"], "{symbols}");
    assert_eq!(symbols[0]["children"][0]["selectionRange"], range(1, 4, 6));

    // Go to definition: the watermark's column.
    let target = client.request(
        "textDocument/definition",
        position_params(at(CLICKS, 4, "ts AS", 0)),
    );
    assert_eq!(target["uri"], URI);
    assert_eq!(target["range"], range(3, 4, 6));

    client.request("shutdown", Value::Null);
    assert_eq!(client.exit(), 0);
}

/// The handlers in-process: with two fixable mistakes, each has its quick fix and one
/// `source.fixAll` action fixes both; `only` picks the kinds.
#[test]
fn fix_all_is_a_source_action_that_fixes_every_mistake() {
    use connector_ddl::{Env, Registry};
    use lsp_server::{Notification, Request};

    let registry = Registry::builtin();
    let mut server = server::Server::new(Env::new(&registry), server::Origins::default());
    let text = "CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_servers = 'b:9092',\n  topc = 't', type = 'source', format = 'jsn');";
    let open = Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": URI, "languageId": "sql", "version": 1, "text": text}}),
    );
    let published = server.handle_notification(open).expect("published");
    let diags = published.params["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        codes(&diags),
        ["option::unknown", "option::invalid_value"],
        "{diags:?}"
    );
    let mut actions = |only: Value| {
        let req = Request::new(
            1.into(),
            "textDocument/codeAction".into(),
            json!({"textDocument": {"uri": URI}, "range": diags[0]["range"],
                   "context": {"diagnostics": [], "only": only}}),
        );
        let answer = serde_json::to_value(server.handle_request(req)).expect("JSON");
        answer["result"].as_array().cloned().unwrap_or_default()
    };
    let kinds = |a: &[Value]| a.iter().map(|a| a["kind"].clone()).collect::<Vec<_>>();
    assert_eq!(
        kinds(&actions(Value::Null)),
        [json!("quickfix"), json!("source.fixAll")]
    );
    assert_eq!(kinds(&actions(json!(["quickfix"]))), [json!("quickfix")]);
    let all = actions(json!(["source"]));
    assert_eq!(kinds(&all), [json!("source.fixAll")]);
    // Its edits, applied from the last to the first, fix both.
    let mut edits = all[0]["edit"]["changes"][URI]
        .as_array()
        .cloned()
        .unwrap_or_default();
    edits.sort_by_key(|e| {
        (
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        )
    });
    let mut fixed = text.to_string();
    for e in edits.iter().rev() {
        let offset = |text: &str, p: &Value| {
            let line = p["line"].as_u64().unwrap_or(0) as usize;
            let start: usize = text.split('\n').take(line).map(|l| l.len() + 1).sum();
            start + p["character"].as_u64().unwrap_or(0) as usize
        };
        let a = offset(&fixed, &e["range"]["start"]);
        let b = offset(&fixed, &e["range"]["end"]);
        fixed.replace_range(a..b, e["newText"].as_str().unwrap_or(""));
    }
    let out = connector_ddl::compile_sql(&fixed, &Env::new(&registry));
    assert!(out.diagnostics.is_empty(), "{fixed}: {:?}", out.diagnostics);
}

/// Queues `messages` for an in-process server (no pipes: the order they are read in is
/// the order queued), serves them to `exit`, and returns the parameters of every
/// `publishDiagnostics` it sent.
fn published_in_memory(messages: impl IntoIterator<Item = lsp_server::Message>) -> Vec<Value> {
    use connector_ddl::{Env, Registry};
    use lsp_server::{Connection, Message};

    let registry = Registry::builtin();
    let mut server = server::Server::new(Env::new(&registry), server::Origins::default());
    let (server_side, client) = Connection::memory();
    for msg in messages {
        client.sender.send(msg).expect("queued");
    }
    assert_eq!(server::run(&server_side, &mut server), server::Exit::Clean);
    client
        .receiver
        .try_iter()
        .filter_map(|msg| match msg {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                Some(n.params)
            }
            _ => None,
        })
        .collect()
}

/// Helix 25.01 sends the changes of a burst of keys out of order (seen in its log: versions
/// 35, 38, 36, 39, 37, 40 within one millisecond). The session applies one document's
/// changes in version order, so its text stays the editor's; a version skipped for good
/// (Helix skips some after a completion preview) does not hold the changes up.
#[test]
fn changes_that_come_out_of_order_are_applied_in_version_order() {
    use lsp_server::{Message, Notification, Request};

    let text = "CREATE TABLE t (a INT) WITH (connector = 'stdout', format = 'json');";
    let col = text.find("format").expect("format") as u32;
    // `x`, `y`, `z` typed before `format`: versions 2, 3, 4, sent as 3, 4, 2; then 9.
    let typed = |version: u32, at: u32, ch: &str| {
        Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": URI, "version": version},
                   "contentChanges": [{"range": range(0, at, at), "text": ch}]}),
        )
    };
    let messages = [
        Message::Request(Request::new(
            1.into(),
            "initialize".into(),
            json!({"capabilities": {}}),
        )),
        Message::Notification(Notification::new("initialized".into(), json!({}))),
        Message::Notification(Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": URI, "languageId": "sql", "version": 1, "text": text}}),
        )),
        Message::Notification(typed(3, col + 1, "y")),
        Message::Notification(typed(4, col + 2, "z")),
        Message::Notification(typed(2, col, "x")),
        Message::Notification(typed(9, col + 3, "_")),
        Message::Request(Request::new(2.into(), "shutdown".into(), Value::Null)),
        Message::Notification(Notification::new("exit".into(), Value::Null)),
    ];
    let published = published_in_memory(messages);
    let versions: Vec<_> = published.iter().map(|p| p["version"].clone()).collect();
    assert_eq!(versions, [json!(1), json!(2), json!(3), json!(4), json!(9)]);
    let messages = |p: &Value| format!("{}", p["diagnostics"]);
    assert!(
        messages(&published[3]).contains("`xyzformat`"),
        "{published:?}"
    );
    assert!(
        messages(&published[4]).contains("`xyz_format`"),
        "{published:?}"
    );
}

/// Changes that all skip a version (as Neovim's do, its version being the buffer's change
/// count) are applied one by one in the order sent, however many are queued.
#[test]
fn changes_that_skip_versions_are_applied_in_order() {
    use lsp_server::{Message, Notification, Request};

    let text = "CREATE TABLE t (a INT) WITH (connector = 'stdout', format = 'json', k = 'x');";
    let col = text.rfind(" = 'x'").expect("key k") as u32;
    let mut messages = vec![
        Message::Request(Request::new(
            1.into(),
            "initialize".into(),
            json!({"capabilities": {}}),
        )),
        Message::Notification(Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": URI, "languageId": "sql", "version": 0, "text": text}}),
        )),
    ];
    // 300 characters typed after the key `k`, each change two versions after the last.
    for i in 0..300u32 {
        messages.push(Message::Notification(Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": URI, "version": 2 * (i + 1)},
                   "contentChanges": [{"range": range(0, col + i, col + i), "text": "v"}]}),
        )));
    }
    messages.push(Message::Request(Request::new(
        2.into(),
        "shutdown".into(),
        Value::Null,
    )));
    messages.push(Message::Notification(Notification::new(
        "exit".into(),
        Value::Null,
    )));
    let published = published_in_memory(messages);
    let versions: Vec<u64> = published
        .iter()
        .filter_map(|p| p["version"].as_u64())
        .collect();
    let sent: Vec<u64> = std::iter::once(0).chain((1..=300).map(|i| 2 * i)).collect();
    assert_eq!(versions, sent);
    let key = format!("`k{}`", "v".repeat(300));
    let last = published.last().map(|p| p["diagnostics"].to_string());
    assert!(last.as_ref().is_some_and(|d| d.contains(&key)), "{last:?}");
}
