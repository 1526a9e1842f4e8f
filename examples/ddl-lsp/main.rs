//! `ddl-lsp`: a language server for streaming-SQL DDL, on stdin/stdout (see the README's
//! "Editor support").
//!
//! ```text
//! cargo run --example ddl-lsp -- [--profiles FILE] [--schemas DIR]
//! ```
//! Diagnostics as the document changes, completion, hover, quick fixes, document symbols
//! and go to definition, from the library's `ide` module. Exit status: 0 after `shutdown`
//! and `exit`, 1 when the client exits without `shutdown` or goes away, 2 on a usage or
//! I/O error before the session starts.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use connector_ddl::profile::{ProfileResolver, Profiles};
use connector_ddl::schema::definition::{NoSchemas, SchemaResolver};
use connector_ddl::{Env, Registry};
use lsp_server::Connection;

#[path = "../support/files.rs"]
mod files;
mod server;

use files::{load_profiles, DirSchemas};
use server::{Exit, Origins, Server};

/// A language server (LSP 3.17, stdio) for CREATE TABLE … WITH (connector = …) DDL.
#[derive(Debug, Parser)]
#[command(name = "ddl-lsp", version)]
struct Args {
    /// JSON array of connection profiles: [{"id", "name", "connector", "config": {…}, "description"}].
    #[arg(long, value_name = "FILE")]
    profiles: Option<PathBuf>,
    /// Resolve schema files and registry subjects from DIR: `<format>.schema_file = 'x.avsc'`
    /// reads DIR/x.avsc (protobuf imports too); subject S reads DIR/S.avsc, DIR/S.proto or DIR/S.json.
    #[arg(long, value_name = "DIR")]
    schemas: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match serve(&args) {
        Ok(Exit::Clean) => ExitCode::SUCCESS,
        Ok(Exit::Unclean) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("ddl-lsp: {msg}");
            ExitCode::from(2)
        }
    }
}

fn serve(args: &Args) -> Result<Exit, String> {
    let profiles = load_profiles(args.profiles.as_deref())?;
    let schemas = match &args.schemas {
        Some(dir) => Some(DirSchemas::new(dir)?),
        None => None,
    };
    let registry = Registry::builtin();
    let no_profiles = Profiles::default();
    let resolver: &dyn SchemaResolver = match &schemas {
        Some(s) => s,
        None => &NoSchemas,
    };
    let profile_resolver: &dyn ProfileResolver = match &profiles {
        Some(doc) => doc,
        None => &no_profiles,
    };
    let env = Env::new(&registry)
        .with_profiles(profile_resolver)
        .with_schemas(resolver);
    // A mistake in a profile links to the profiles file (named as given on the command
    // line, as `ddlc` names it).
    let mut origins = Origins::default();
    if let Some(path) = &args.profiles {
        let uri = std::fs::canonicalize(path)
            .ok()
            .and_then(|p| server::file_uri(&p));
        if let Some(uri) = uri {
            origins.insert(path.display().to_string(), uri);
        }
    }
    let mut server = Server::new(env, origins);
    let (connection, io_threads) = Connection::stdio();
    let exit = server::run(&connection, &mut server);
    if exit == Exit::Unclean {
        // The reader may still wait on a client that is gone: leave without joining.
        return Ok(exit);
    }
    // After `exit` the reader has stopped; the writer stops when the connection's sender
    // is dropped, after writing everything queued.
    drop(connection);
    io_threads
        .join()
        .map_err(|e| format!("cannot talk to the client: {e}"))?;
    Ok(exit)
}
