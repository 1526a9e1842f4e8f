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
use connector_ddl::stored::{self, StoredTable};
use connector_ddl::{compile_request, compile_sql, Compiled, Diagnostic, Env, Registry, Table};

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

    let mut tables: Vec<Table> = Vec::new();
    let mut compiled: Vec<Compiled> = Vec::new();
    for src in &sources {
        let mut out = match (&args.restore, &args.post) {
            (Some(_), _) => stored::restore_json(&src.text, &env),
            (None, Some(_)) => compile_request(&src.text, &env),
            (None, None) => compile_sql(&src.text, &env),
        };
        tables.append(&mut out.tables);
        compiled.push(out);
    }
    let failed = compiled.iter().any(Compiled::has_errors);
    write_diagnostics(args.errors, &sources, &compiled)?;
    let mut stdout = std::io::stdout().lock();
    let text = match args.output {
        // The JSON contract lists connection tables (source, sink, lookup); memory tables
        // have no connection and appear only in the text and DDL outputs.
        Output::Json => {
            let connections: Vec<&Table> = tables
                .iter()
                .filter(|t| t.as_connection().is_some())
                .collect();
            // Streamed: the output of a large script is never held as one string.
            let mut w = std::io::BufWriter::new(&mut stdout);
            serde_json::to_writer_pretty(&mut w, &connections)
                .map_err(|e| format!("cannot write output: {e}"))?;
            w.write_all(b"\n")
                .and_then(|()| w.flush())
                .map_err(|e| format!("cannot write output: {e}"))?;
            String::new()
        }
        Output::Text => tables
            .iter()
            .map(connector_ddl::text::summary)
            .collect::<Vec<_>>()
            .join("\n"),
        Output::Ddl => {
            // Literal secrets print as `{{ VAR }}` placeholders: say which variables the
            // text needs before it compiles again (each once, in order).
            let mut vars: Vec<String> = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            let mut texts: Vec<String> = Vec::new();
            for t in &tables {
                let (text, names) = connector_ddl::text::to_ddl_with_vars(t);
                texts.push(text);
                vars.extend(names.into_iter().filter(|n| seen.insert(n.clone())));
            }
            // With `--errors json`, stderr is one JSON document: the placeholders in the
            // text say the same.
            if !vars.is_empty() && args.errors == Errors::Human {
                eprintln!(
                    "note: secret values are printed as placeholders; set these environment variables before compiling the DDL again: {}",
                    vars.join(", ")
                );
            }
            texts.join("\n")
        }
        Output::Stored => stored_output(&tables, args)?,
        // Arroyo's `ConnectionTable`s: connection tables only, as for `json`.
        Output::Arroyo => {
            let view = connector_ddl::arroyo::View::new();
            let list: Vec<serde_json::Value> = tables
                .iter()
                .filter_map(Table::as_connection)
                .map(|t| connector_ddl::arroyo::connection_table(t, &env, &view))
                .collect();
            serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n"
        }
    };
    stdout
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    // The tables that compiled are printed also when others failed; the status says so.
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--output stored`: every table (memory tables too) in its storage form. No secret is
/// printed unless `--include-secrets` says so; how many were masked is said on stderr.
fn stored_output(tables: &[Table], args: &Args) -> Result<String, String> {
    let mut masked = 0;
    let list: Vec<StoredTable> = tables
        .iter()
        .map(|t| {
            if args.include_secrets {
                stored::to_stored(t)
            } else {
                let (s, n) = stored::to_stored_redacted(t);
                masked += n;
                s
            }
        })
        .collect();
    // With `--errors json`, stderr is one JSON document: no note there.
    if masked > 0 && args.errors == Errors::Human {
        let values = if masked == 1 { "value" } else { "values" };
        eprintln!(
            "note: {masked} secret {values} written as `********`; restoring needs them: \
             --include-secrets writes them as written"
        );
    }
    Ok(serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n")
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
