//! The repository's SQL texts (`tests/ddl/**`, `examples/sql/**`) for unit tests that
//! check an invariant over every case.

use std::path::{Path, PathBuf};

/// Every file under `tests/ddl`, as (path, text), sorted by path.
pub(crate) fn ddl_corpus() -> Vec<(String, String)> {
    files_under("tests/ddl", |_| true)
}

/// Every `.sql` file under `dir` (relative to the crate root), as (path, text), sorted by
/// path.
pub(crate) fn sql_files(dir: &str) -> Vec<(String, String)> {
    files_under(dir, |p| p.extension().is_some_and(|x| x == "sql"))
}

fn files_under(dir: &str, keep: impl Fn(&Path) -> bool) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if !keep(&path) {
                continue;
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((path.display().to_string(), text));
            }
        }
    }
    files.sort();
    files
}
