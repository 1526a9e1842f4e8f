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
use connector_ddl::profile::{ConnectionProfile, Profiles};
use connector_ddl::schema::definition::{NoSchemas, SchemaResolver};
use connector_ddl::span::LineIndex;
use connector_ddl::{compile_request, compile_sql, Compiled, Diagnostic, Env, Registry, Table};

#[path = "support/files.rs"]
mod files;
use files::{decode, DirSchemas};

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

fn load_profiles(path: Option<&PathBuf>) -> Result<Profiles, String> {
    let Some(path) = path else {
        return Ok(Profiles::default());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read profiles `{}`: {e}", path.display()))?;
    let list: Vec<ConnectionProfile> = serde_json::from_str(&text)
        .map_err(|e| format!("invalid profiles file `{}`: {e}", path.display()))?;
    Ok(Profiles(list))
}

fn run(args: &Args) -> Result<ExitCode, String> {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    if args.connectors {
        return print_connectors();
    }
    let profiles = load_profiles(args.profiles.as_ref())?;
    if args.restore.is_some() {
        return Err("--restore is not implemented yet".into());
    }
    let sources = match &args.post {
        Some(_) if !args.files.is_empty() => {
            return Err("--post compiles one request; give no SQL files with it".into())
        }
        Some(post) => read_sources(std::slice::from_ref(post))?,
        None => read_sources(&args.files)?,
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
    let env = Env::new(&registry)
        .with_profiles(&profiles)
        .with_schemas(resolver)
        .strict(args.strict);

    let mut tables: Vec<Table> = Vec::new();
    let mut compiled: Vec<Compiled> = Vec::new();
    for src in &sources {
        let mut out = match args.post {
            Some(_) => compile_request(&src.text, &env),
            None => compile_sql(&src.text, &env),
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
            serde_json::to_string_pretty(&connections).map_err(|e| e.to_string())? + "\n"
        }
        Output::Text => tables
            .iter()
            .map(connector_ddl::text::summary)
            .collect::<Vec<_>>()
            .join("\n"),
        Output::Ddl => tables
            .iter()
            .map(connector_ddl::text::to_ddl)
            .collect::<Vec<_>>()
            .join("\n"),
        Output::Stored => return Err("--output stored is not implemented yet".into()),
        Output::Arroyo => return Err("--output arroyo is not implemented yet".into()),
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

/// `--explain CODE`: the code's documentation page.
fn explain(_code: &str) -> Result<ExitCode, String> {
    Err("--explain is not implemented yet".into())
}

/// `--connectors`: the registered connectors as Arroyo's `Connector` array.
fn print_connectors() -> Result<ExitCode, String> {
    Err("--connectors is not implemented yet".into())
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
                    let mut v = serde_json::to_value(JsonDiagnostic::new(d, &index))
                        .map_err(|e| e.to_string())?;
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert("file".into(), serde_json::Value::String(src.name.clone()));
                    }
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
