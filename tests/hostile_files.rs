//! Issue #9, "Files and text": the `ddlc` schema resolver (`--schemas DIR`) reads regular
//! files inside DIR only, of a bounded size, and never quotes a foreign file; input that is
//! not UTF-8 is reported with the offset of the first bad byte. The resolver is the
//! example's own module, included here.

#[path = "../examples/support/files.rs"]
#[allow(dead_code)]
mod files;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use connector_ddl::schema::definition::{SchemaKind, SchemaResolver};
use connector_ddl::ResolveError;
use files::{decode, DirSchemas, MAX_SCHEMA_FILE};

/// A fresh directory under the system temp dir, removed on drop; independent of the
/// current directory.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "hostile-files-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("schemas")).unwrap();
        Scratch(dir)
    }
    fn schemas(&self) -> PathBuf {
        self.0.join("schemas")
    }
    fn resolver(&self) -> DirSchemas {
        DirSchemas::new(&self.schemas()).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const FOREIGN: &str = "Zq9FOREIGNtoken rest of a private file";

fn invalid(r: Result<String, ResolveError>) -> String {
    match r {
        Err(ResolveError::Invalid(m)) => {
            assert!(!m.contains("Zq9FOREIGN"), "quotes the foreign file: {m}");
            m
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn files_inside_the_directory_resolve() {
    let s = Scratch::new();
    std::fs::write(s.schemas().join("a.avsc"), "{\"type\": \"string\"}").unwrap();
    std::fs::create_dir(s.schemas().join("sub")).unwrap();
    std::fs::write(s.schemas().join("sub/b.proto"), "syntax = \"proto3\";").unwrap();
    let r = s.resolver();
    assert_eq!(r.file("a.avsc").unwrap(), "{\"type\": \"string\"}");
    assert_eq!(r.file("./sub/b.proto").unwrap(), "syntax = \"proto3\";");
    assert_eq!(
        r.subject("a", SchemaKind::Avro).unwrap(),
        "{\"type\": \"string\"}"
    );
    assert!(matches!(
        r.file("missing.avsc"),
        Err(ResolveError::NotFound)
    ));
    assert!(matches!(
        r.subject("missing", SchemaKind::Avro),
        Err(ResolveError::NotFound)
    ));
}

#[test]
fn parent_and_absolute_paths_are_refused() {
    let s = Scratch::new();
    std::fs::write(s.0.join("outside.avsc"), FOREIGN).unwrap();
    let r = s.resolver();
    for path in ["../outside.avsc", "sub/../../outside.avsc", ""] {
        let m = invalid(r.file(path));
        assert!(m.contains("relative path inside"), "{path}: {m}");
    }
    let abs = s.0.join("outside.avsc");
    let m = invalid(r.file(abs.to_str().unwrap()));
    assert!(m.contains("relative path inside"), "{m}");
    invalid(r.subject("../outside", SchemaKind::Avro));
}

#[test]
fn a_directory_is_not_a_schema_file() {
    let s = Scratch::new();
    std::fs::create_dir(s.schemas().join("d.avsc")).unwrap();
    let m = invalid(s.resolver().file("d.avsc"));
    assert!(m.contains("not a regular file"), "{m}");
}

#[test]
fn the_resolver_needs_a_directory() {
    let s = Scratch::new();
    std::fs::write(s.0.join("f"), "x").unwrap();
    let e = DirSchemas::new(&s.0.join("f")).unwrap_err();
    assert!(e.contains("is not a directory"), "{e}");
    assert!(DirSchemas::new(&s.0.join("missing")).is_err());
}

#[test]
fn files_over_the_size_cap_are_refused() {
    let s = Scratch::new();
    // A sparse file: no 16 MiB written.
    let f = std::fs::File::create(s.schemas().join("big.avsc")).unwrap();
    f.set_len(MAX_SCHEMA_FILE + 1).unwrap();
    drop(f);
    let m = invalid(s.resolver().file("big.avsc"));
    assert!(m.contains("larger than 16 MiB"), "{m}");
}

#[test]
fn a_schema_file_that_is_not_utf8_gives_its_offset() {
    let s = Scratch::new();
    std::fs::write(s.schemas().join("bad.avsc"), b"{\"type\":\n\"s\xfftring\"}").unwrap();
    let m = invalid(s.resolver().file("bad.avsc"));
    assert!(m.contains("byte offset 11 (line 2)"), "{m}");
}

#[test]
fn input_that_is_not_utf8_gives_its_offset() {
    assert_eq!(decode(b"CREATE".to_vec(), "x").unwrap(), "CREATE");
    let e = decode(b"ab\nc\xc3(".to_vec(), "`in.sql`").unwrap_err();
    assert_eq!(
        e,
        "`in.sql` is not valid UTF-8: invalid byte at byte offset 4 (line 2)"
    );
    // A truncated sequence at the end.
    let e = decode("é".as_bytes()[..1].to_vec(), "standard input").unwrap_err();
    assert!(e.contains("byte offset 0 (line 1)"), "{e}");
    // The bad bytes are not quoted.
    let e = decode(b"secret\xffZq9".to_vec(), "x").unwrap_err();
    assert!(!e.contains("secret") && !e.contains("Zq9"), "{e}");
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn symlinks_out_of_the_directory_are_refused() {
        let s = Scratch::new();
        std::fs::write(s.0.join("private"), FOREIGN).unwrap();
        std::fs::create_dir(s.0.join("elsewhere")).unwrap();
        std::fs::write(s.0.join("elsewhere/x.avsc"), FOREIGN).unwrap();
        symlink(s.0.join("private"), s.schemas().join("a.avsc")).unwrap();
        symlink("../private", s.schemas().join("rel.avsc")).unwrap();
        symlink(s.0.join("elsewhere"), s.schemas().join("dir")).unwrap();
        let r = s.resolver();
        for path in ["a.avsc", "rel.avsc", "dir/x.avsc"] {
            let m = invalid(r.file(path));
            assert!(m.contains("outside the schema directory"), "{path}: {m}");
        }
        invalid(r.subject("a", SchemaKind::Avro));
    }

    #[test]
    fn symlinks_within_the_directory_resolve() {
        let s = Scratch::new();
        std::fs::write(s.schemas().join("real.avsc"), "\"string\"").unwrap();
        symlink("real.avsc", s.schemas().join("alias.avsc")).unwrap();
        assert_eq!(s.resolver().file("alias.avsc").unwrap(), "\"string\"");
        // A dangling link is not found.
        symlink("nowhere.avsc", s.schemas().join("dangling.avsc")).unwrap();
        assert!(matches!(
            s.resolver().file("dangling.avsc"),
            Err(ResolveError::NotFound)
        ));
    }

    #[test]
    fn the_schema_directory_may_itself_be_a_symlink() {
        let s = Scratch::new();
        std::fs::write(s.schemas().join("a.avsc"), "\"string\"").unwrap();
        symlink(s.schemas(), s.0.join("link")).unwrap();
        let r = DirSchemas::new(&s.0.join("link")).unwrap();
        assert_eq!(r.file("a.avsc").unwrap(), "\"string\"");
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let s = Scratch::new();
        let fifo = s.schemas().join("p.avsc");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|st| st.success()) {
            eprintln!("mkfifo unavailable; skipped");
            return;
        }
        // Opening a FIFO with no writer would block forever: the check comes first.
        let m = invalid(s.resolver().file("p.avsc"));
        assert!(m.contains("not a regular file"), "{m}");
        symlink("p.avsc", s.schemas().join("q.avsc")).unwrap();
        invalid(s.resolver().file("q.avsc"));
    }

    #[test]
    fn devices_are_refused() {
        let s = Scratch::new();
        symlink("/dev/zero", s.schemas().join("z.avsc")).unwrap();
        // Outside the directory, and not a regular file either way.
        invalid(s.resolver().file("z.avsc"));
    }
}
