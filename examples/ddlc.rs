//! `ddlc`: compile streaming-SQL DDL into connection tables (see the README).
//!
//! ```text
//! cargo run --example ddlc -- [OPTIONS] [FILE ...]     # no FILE, or '-', reads stdin
//! ```
//! Exit status: 0 when everything compiled (warnings allowed), 1 when any error
//! diagnostic was reported, 2 on a usage or I/O error. Compiled output goes to stdout;
//! every diagnostic goes to stderr.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use connector_ddl::diagnostics::{count_line, JsonDiagnostic};
use connector_ddl::profile::{ProfileResolver, Profiles};
use connector_ddl::schema::definition::{NoSchemas, SchemaResolver};
use connector_ddl::span::LineIndex;
use connector_ddl::stored;
use connector_ddl::{
    compile_request, compile_sql_with, Compiled, Diagnostic, Env, Registry, Table,
};

#[path = "support/files.rs"]
mod files;
use files::{decode, load_profiles, DirSchemas};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Output {
    /// A JSON array of compiled tables.
    Json,
    /// A readable summary.
    Text,
    /// Each table printed back as canonical CREATE TABLE text.
    Ddl,
    /// Each table in its storage form: the create-table request a catalogue keeps.
    Stored,
    /// The tables as Arroyo's API returns them: a JSON array of `ConnectionTable`.
    Arroyo,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Errors {
    /// Rendered with the source line and a caret.
    Human,
    /// One JSON document `{"diagnostics": [...]}`.
    Json,
}

/// Compile streaming-SQL CREATE TABLE statements into validated connection tables.
#[derive(Debug, Parser)]
#[command(
    name = "ddlc",
    version,
    about,
    after_help = "Exit status: 0 all compiled (warnings allowed), 1 any error diagnostic, 2 usage or I/O error."
)]
struct Args {
    /// SQL files to compile; none, or `-`, reads standard input.
    files: Vec<PathBuf>,
    /// JSON array of connection profiles: [{"id", "name", "connector", "config": {…}, "description"}].
    #[arg(long, value_name = "FILE")]
    profiles: Option<PathBuf>,
    /// Resolve schema files and registry subjects from DIR: `<format>.schema_file = 'x.avsc'`
    /// reads DIR/x.avsc (protobuf imports too); subject S reads DIR/S.avsc, DIR/S.proto or DIR/S.json.
    #[arg(long, value_name = "DIR")]
    schemas: Option<PathBuf>,
    /// Compile a JSON create-table request (the REST body) instead of SQL; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    post: Option<PathBuf>,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value_t = Output::Json)]
    output: Output,
    /// How to write diagnostics to stderr.
    #[arg(long, value_enum, default_value_t = Errors::Human)]
    errors: Errors,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// Read a JSON array of stored tables (FILE, or `-` for stdin) and compile them again,
    /// leniently.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["post", "files"])]
    restore: Option<PathBuf>,
    /// With `--output stored`: write secret option values as written instead of `********`.
    #[arg(long)]
    include_secrets: bool,
    /// Print the documentation of a diagnostic code and exit.
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
    /// Print the registered connectors as Arroyo's `GET /v1/connectors` does and exit.
    #[arg(long)]
    connectors: bool,
}

struct Source {
    name: String,
    text: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("ddlc: {msg}");
            ExitCode::from(2)
        }
    }
}

fn read_sources(files: &[PathBuf]) -> Result<Vec<Source>, String> {
    let stdin_only =
        files.is_empty() || (files.len() == 1 && files.iter().all(|f| f.as_os_str() == "-"));
    if stdin_only {
        let text = read_stdin()?;
        return Ok(vec![Source {
            name: "<stdin>".into(),
            text,
        }]);
    }
    files
        .iter()
        .map(|f| {
            let text = if f.as_os_str() == "-" {
                read_stdin()?
            } else {
                let bytes =
                    std::fs::read(f).map_err(|e| format!("cannot read `{}`: {e}", f.display()))?;
                decode(bytes, &format!("`{}`", f.display()))?
            };
            Ok(Source {
                name: f.display().to_string(),
                text,
            })
        })
        .collect()
}

/// Standard input as text; not UTF-8 is an error with the offset of the first bad byte.
fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    decode(bytes, "standard input")
}

fn run(args: &Args) -> Result<ExitCode, String> {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    if args.connectors {
        return print_connectors();
    }
    let profiles = load_profiles(args.profiles.as_deref())?;
    let sources = match (&args.restore, &args.post) {
        (Some(stored), _) => read_sources(std::slice::from_ref(stored))?,
        (None, Some(_)) if !args.files.is_empty() => {
            return Err("--post compiles one request; give no SQL files with it".into())
        }
        (None, Some(post)) => read_sources(std::slice::from_ref(post))?,
        (None, None) => read_sources(&args.files)?,
    };
    let registry = Registry::builtin();
    let schemas = match &args.schemas {
        Some(dir) => Some(DirSchemas::new(dir)?),
        None => None,
    };
    let resolver: &dyn SchemaResolver = match &schemas {
        Some(s) => s,
        None => &NoSchemas,
    };
    let no_profiles = Profiles::default();
    let profiles: &dyn ProfileResolver = match &profiles {
        Some(doc) => doc,
        None => &no_profiles,
    };
    let env = Env::new(&registry)
        .with_profiles(profiles)
        .with_schemas(resolver)
        .strict(args.strict);

    // Each table is written out as it compiles, so a large script is never held whole.
    let mut stdout = std::io::stdout().lock();
    let mut writer = TableWriter::new(args, &env, std::io::BufWriter::new(&mut stdout));
    let mut compiled: Vec<Compiled> = Vec::new();
    for src in &sources {
        let mut out = match (&args.restore, &args.post) {
            (Some(_), _) => stored::restore_json(&src.text, &env),
            (None, Some(_)) => compile_request(&src.text, &env),
            (None, None) => compile_sql_with(&src.text, &env, |t| writer.table(&t)),
        };
        for t in std::mem::take(&mut out.tables) {
            writer.table(&t);
        }
        compiled.push(out);
    }
    let failed = compiled.iter().any(Compiled::has_errors);
    let finished = writer.finish();
    write_diagnostics(args.errors, &sources, &compiled)?;
    finished?;
    writer.notes();
    // The tables that compiled are printed also when others failed; the status says so.
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes tables to stdout in the `--output` format as they come.
struct TableWriter<'a, W: Write> {
    args: &'a Args,
    env: &'a Env<'a>,
    out: W,
    /// Tables written so far.
    written: usize,
    /// `--output ddl`: the `{{ VAR }}` placeholders printed, each once, in order.
    vars: Vec<String>,
    seen: std::collections::BTreeSet<String>,
    /// `--output stored`: secret values masked.
    masked: usize,
    /// The first write error; nothing more is written after it.
    error: Option<String>,
    /// `--output arroyo`: one view for every table.
    view: connector_ddl::arroyo::View<'static>,
}

impl<'a, W: Write> TableWriter<'a, W> {
    fn new(args: &'a Args, env: &'a Env<'a>, out: W) -> Self {
        TableWriter {
            args,
            env,
            out,
            written: 0,
            vars: Vec::new(),
            seen: std::collections::BTreeSet::new(),
            masked: 0,
            error: None,
            view: connector_ddl::arroyo::View::new(),
        }
    }

    /// Writes one table (or nothing, for a memory table in a JSON output).
    fn table(&mut self, t: &Table) {
        if self.error.is_some() {
            return;
        }
        if let Err(e) = self.write_table(t) {
            self.error = Some(format!("cannot write output: {e}"));
        }
    }

    fn write_table(&mut self, t: &Table) -> Result<(), String> {
        let text = match self.args.output {
            // The JSON contract lists connection tables (source, sink, lookup); memory
            // tables have no connection and appear only in the text and DDL outputs.
            Output::Json => match t.as_connection() {
                Some(_) => pretty(t)?,
                None => return Ok(()),
            },
            Output::Text => connector_ddl::text::summary(t),
            Output::Ddl => {
                // Literal secrets print as `{{ VAR }}` placeholders: say which variables
                // the text needs before it compiles again (each once, in order).
                let (text, names) = connector_ddl::text::to_ddl_with_vars(t);
                let seen = &mut self.seen;
                self.vars
                    .extend(names.into_iter().filter(|n| seen.insert(n.clone())));
                text
            }
            Output::Stored => {
                let stored = if self.args.include_secrets {
                    stored::to_stored(t)
                } else {
                    let (s, n) = stored::to_stored_redacted(t);
                    self.masked += n;
                    s
                };
                pretty(&stored)?
            }
            // Arroyo's `ConnectionTable`s: connection tables only, as for `json`.
            Output::Arroyo => match t.as_connection() {
                Some(c) => pretty(&connector_ddl::arroyo::connection_table(
                    c, self.env, &self.view,
                ))?,
                None => return Ok(()),
            },
        };
        let first = self.written == 0;
        self.written += 1;
        let w = &mut self.out;
        let io = |e: std::io::Error| e.to_string();
        if self.args.output.is_json_array() {
            // Byte for byte what serde_json's pretty printer writes for the whole array:
            // each element one level in (a JSON text has no raw line break in a string).
            w.write_all(if first { b"[\n  " } else { b",\n  " })
                .map_err(io)?;
            let mut lines = text.split('\n');
            if let Some(line) = lines.next() {
                w.write_all(line.as_bytes()).map_err(io)?;
            }
            for line in lines {
                w.write_all(b"\n  ").map_err(io)?;
                w.write_all(line.as_bytes()).map_err(io)?;
            }
        } else {
            if !first {
                w.write_all(b"\n").map_err(io)?;
            }
            w.write_all(text.as_bytes()).map_err(io)?;
        }
        Ok(())
    }

    /// Closes the output (a JSON array's `]`) and flushes it.
    fn finish(&mut self) -> Result<(), String> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let end: &[u8] = match (self.args.output.is_json_array(), self.written) {
            (false, _) => b"",
            (true, 0) => b"[]\n",
            (true, _) => b"\n]\n",
        };
        self.out
            .write_all(end)
            .and_then(|()| self.out.flush())
            .map_err(|e| format!("cannot write output: {e}"))
    }

    /// What stderr says after the diagnostics about the output: the placeholders of
    /// `--output ddl`, the masked values of `--output stored`. With `--errors json`,
    /// stderr is one JSON document, so nothing.
    fn notes(&self) {
        if self.args.errors != Errors::Human {
            return;
        }
        if !self.vars.is_empty() {
            eprintln!(
                "note: secret values are printed as placeholders; set these environment variables before compiling the DDL again: {}",
                self.vars.join(", ")
            );
        }
        // No secret is printed unless `--include-secrets` says so.
        if self.masked > 0 {
            let values = if self.masked == 1 { "value" } else { "values" };
            eprintln!(
                "note: {} secret {values} written as `********`; restoring needs them: \
                 --include-secrets writes them as written",
                self.masked
            );
        }
    }
}

impl Output {
    /// Whether the output is one JSON array of the tables.
    fn is_json_array(self) -> bool {
        matches!(self, Output::Json | Output::Stored | Output::Arroyo)
    }
}

/// One value as serde_json's pretty printer writes it.
fn pretty(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("cannot write output: {e}"))
}

/// `--explain CODE`: the code's documentation page, from the same source as
/// `docs/diagnostics.md`; an unknown code is a usage error with the nearest code.
fn explain(code: &str) -> Result<ExitCode, String> {
    let code = code.trim();
    match connector_ddl::diagnostics::explain(code) {
        Some(mut page) => {
            if !page.ends_with('\n') {
                page.push('\n');
            }
            std::io::stdout()
                .lock()
                .write_all(page.as_bytes())
                .map_err(|e| format!("cannot write output: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        None => Err(match connector_ddl::diagnostics::nearest_code(code) {
            Some(near) => format!("unknown diagnostic code `{code}`; did you mean `{near}`?"),
            None => format!(
                "unknown diagnostic code `{code}`; the codes are listed in docs/diagnostics.md"
            ),
        }),
    }
}

/// `--connectors`: the registered connectors as Arroyo's `Connector` array.
fn print_connectors() -> Result<ExitCode, String> {
    let list = connector_ddl::arroyo::connectors(&Registry::builtin());
    let text = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?;
    writeln!(std::io::stdout().lock(), "{text}")
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn write_diagnostics(
    mode: Errors,
    sources: &[Source],
    compiled: &[Compiled],
) -> Result<(), String> {
    let mut stderr = std::io::stderr().lock();
    match mode {
        Errors::Json => {
            // Written as text one diagnostic at a time, then in one write: a tree of
            // 200,000 diagnostics took a gigabyte, and stderr is unbuffered.
            let mut doc = String::from("{\"diagnostics\":[");
            for (src, out) in sources.iter().zip(compiled) {
                let index = LineIndex::new(&src.text);
                for d in &out.diagnostics {
                    // A mistake inside a profile is positioned in the profiles file.
                    let v = JsonDiagnostic::to_json_in(d, &src.name, &index);
                    if !doc.ends_with('[') {
                        doc.push(',');
                    }
                    doc.push_str(&v.to_string());
                }
            }
            doc.push_str("]}");
            writeln!(stderr, "{doc}").map_err(|e| e.to_string())?;
        }
        Errors::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            // Each file's diagnostics with its own (secret-masked) source, then one count.
            for (src, out) in sources.iter().zip(compiled) {
                write!(stderr, "{}", out.render_diagnostics(&src.name, color))
                    .map_err(|e| e.to_string())?;
            }
            let all: Vec<Diagnostic> = compiled
                .iter()
                .flat_map(|c| c.diagnostics.iter().cloned())
                .collect();
            if let Some(count) = count_line(&all) {
                writeln!(stderr, "{count}").map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}
