//! The file handling of `ddlc` and `ddl-lsp` (a module of both examples, also included by
//! `tests/hostile_files.rs`): a schema resolver confined to one directory, the
//! `--profiles` file, and input text that must be UTF-8. Embedders copy this resolver, so it is strict: it reads regular
//! files inside its directory only, of a bounded size, and its errors never quote what a
//! file holds.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use connector_ddl::profile::ProfileDocument;
use connector_ddl::schema::definition::{SchemaKind, SchemaResolver};
use connector_ddl::ResolveError;

/// The largest schema file read (16 MiB); a larger one is [`ResolveError::Invalid`].
pub const MAX_SCHEMA_FILE: u64 = 16 << 20;

/// Resolves schema files and subjects from a directory (an offline stand-in for a registry).
#[derive(Debug)]
pub struct DirSchemas {
    /// The directory, canonical (absolute, without symlinks).
    root: PathBuf,
}

impl DirSchemas {
    /// A resolver for `dir`, which must be a directory.
    pub fn new(dir: &Path) -> Result<Self, String> {
        let root = std::fs::canonicalize(dir)
            .ok()
            .filter(|r| r.is_dir())
            .ok_or_else(|| format!("--schemas `{}` is not a directory", dir.display()))?;
        Ok(DirSchemas { root })
    }

    /// The text of `relative`, a plain relative path that resolves (through any symlinks)
    /// to a regular file inside the directory.
    pub fn read(&self, relative: &str) -> Result<String, ResolveError> {
        let rel = Path::new(relative);
        // Only plain relative paths: a schema reference must not escape the directory.
        if relative.is_empty()
            || rel
                .components()
                .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
        {
            return Err(ResolveError::Invalid(format!(
                "`{relative}` must be a relative path inside the schema directory"
            )));
        }
        let path = match std::fs::canonicalize(self.root.join(rel)) {
            Ok(p) => p,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ResolveError::NotFound)
            }
            Err(e) => {
                return Err(ResolveError::Unavailable(format!(
                    "cannot read `{relative}`: {e}"
                )))
            }
        };
        // A symlink may point elsewhere in the directory, never out of it.
        if !path.starts_with(&self.root) {
            return Err(ResolveError::Invalid(format!(
                "`{relative}` resolves outside the schema directory"
            )));
        }
        // `path` is canonical, so this does not follow a symlink out. Regular files only: a
        // FIFO or a device would block or never end.
        let meta = std::fs::metadata(&path)
            .map_err(|e| ResolveError::Unavailable(format!("cannot read `{relative}`: {e}")))?;
        check_file(relative, &meta)?;
        let file = std::fs::File::open(&path)
            .map_err(|e| ResolveError::Unavailable(format!("cannot read `{relative}`: {e}")))?;
        // The file opened is the one checked (it may have been replaced in between).
        let meta = file
            .metadata()
            .map_err(|e| ResolveError::Unavailable(format!("cannot read `{relative}`: {e}")))?;
        check_file(relative, &meta)?;
        let mut bytes = Vec::new();
        file.take(MAX_SCHEMA_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ResolveError::Unavailable(format!("cannot read `{relative}`: {e}")))?;
        if bytes.len() as u64 > MAX_SCHEMA_FILE {
            return Err(too_large(relative));
        }
        // The file is there but is not text.
        decode(bytes, &format!("`{relative}`")).map_err(ResolveError::Invalid)
    }
}

fn check_file(relative: &str, meta: &std::fs::Metadata) -> Result<(), ResolveError> {
    if !meta.is_file() {
        return Err(ResolveError::Invalid(format!(
            "`{relative}` is not a regular file"
        )));
    }
    if meta.len() > MAX_SCHEMA_FILE {
        return Err(too_large(relative));
    }
    Ok(())
}

fn too_large(relative: &str) -> ResolveError {
    ResolveError::Invalid(format!(
        "`{relative}` is larger than {} MiB",
        MAX_SCHEMA_FILE >> 20
    ))
}

impl SchemaResolver for DirSchemas {
    fn file(&self, path: &str) -> Result<String, ResolveError> {
        self.read(path)
    }

    fn subject(&self, subject: &str, kind: SchemaKind) -> Result<String, ResolveError> {
        self.read(&format!("{subject}.{}", kind.extension()))
    }
}

/// `bytes` as text, or an error naming `what` and the position of the first byte that is
/// not UTF-8 (a byte offset from 0, and its line from 1). Nothing of the text is quoted.
pub fn decode(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e
            .as_bytes()
            .get(..offset)
            .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
        format!("{what} is not valid UTF-8: invalid byte at byte offset {offset} (line {line})")
    })
}

/// The `--profiles` file, read so that diagnostics about a profile's values point into it
/// (the document is named by `path` as given).
pub fn load_profiles(path: Option<&Path>) -> Result<Option<ProfileDocument>, String> {
    let Some(path) = path else {
        return Ok(None);
    };
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read profiles `{}`: {e}", path.display()))?;
    let text = decode(bytes, &format!("profiles `{}`", path.display()))?;
    ProfileDocument::parse(&path.display().to_string(), &text)
        .map(Some)
        .map_err(|e| format!("invalid profiles file {e}"))
}
