//! In-memory compilation with protox: the root text and every import (fetched through the
//! caller's closure, checked by the prescan, then parsed) linked into one descriptor pool,
//! with protox's errors kept in their `file:line:col` form.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use prost_reflect::DescriptorPool;
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};

use super::prescan::prescan;
use super::MAX_PROTO_FILES;
use crate::diagnostics::codes;
use crate::schema::expand::SchemaError;

/// The files protox bundles (served by its `GoogleFileResolver`); they are never asked for
/// through the caller's import closure.
const BUNDLED: &[&str] = &[
    "google/protobuf/any.proto",
    "google/protobuf/api.proto",
    "google/protobuf/descriptor.proto",
    "google/protobuf/duration.proto",
    "google/protobuf/empty.proto",
    "google/protobuf/field_mask.proto",
    "google/protobuf/source_context.proto",
    "google/protobuf/struct.proto",
    "google/protobuf/timestamp.proto",
    "google/protobuf/type.proto",
    "google/protobuf/wrappers.proto",
    "google/protobuf/compiler/plugin.proto",
];
/// A compiled root file with its imports.
pub(super) struct Compiled {
    pub(super) pool: DescriptorPool,
    pub(super) files: Vec<(String, String)>,
    pub(super) descriptor_set: Vec<u8>,
}

/// Serves a fixed set of parsed files by name.
struct Sources {
    /// The root's file name, so that `Compiler::open_file` can find the root by "path".
    root: Option<String>,
    /// Handed out (not cloned) when protox opens them: protox opens each file once, and a
    /// parsed file with its source info is large (cloning was 15% of the expander's time).
    files: RefCell<HashMap<String, File>>,
}

impl FileResolver for Sources {
    fn resolve_path(&self, path: &Path) -> Option<String> {
        self.root
            .as_ref()
            .filter(|root| Path::new(root) == path)
            .cloned()
    }

    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        self.files
            .borrow_mut()
            .remove(name)
            .ok_or_else(|| protox::Error::file_not_found(name))
    }
}

/// Fetches, checks and parses the root and every import, then lets protox link them.
pub(super) fn compile(
    root_name: &str,
    root_text: &str,
    import: &dyn Fn(&str) -> Result<Option<String>, String>,
) -> Result<Compiled, SchemaError> {
    // Breadth-first over the import graph; `files` doubles as the work queue, so the order
    // is root first, then imports in the order they were first seen.
    let mut files: Vec<(String, String)> = vec![(root_name.to_string(), root_text.to_string())];
    let mut seen: HashSet<String> = HashSet::from([root_name.to_string()]);
    let mut parsed: HashMap<String, File> = HashMap::new();
    let mut next = 0;
    while let Some((name, text)) = files.get(next).cloned() {
        next += 1;
        prescan(&name, &text)?;
        let file = File::from_source(&name, &text).map_err(compile_error)?;
        for dependency in &file.file_descriptor_proto().dependency {
            if BUNDLED.contains(&dependency.as_str()) || !seen.insert(dependency.clone()) {
                continue;
            }
            if files.len() >= MAX_PROTO_FILES {
                return Err(SchemaError::new(
                    codes::TOO_DEEP,
                    format!(
                        "protobuf schema `{root_name}` imports more than {MAX_PROTO_FILES} files"
                    ),
                ));
            }
            match import(dependency) {
                Ok(Some(text)) => files.push((dependency.clone(), text)),
                Ok(None) => {
                    return Err(SchemaError::new(
                        codes::SCHEMA_NOT_FOUND,
                        format!("protobuf import `{dependency}` not found (imported by `{name}`)"),
                    ))
                }
                Err(message) => {
                    return Err(SchemaError::new(
                        codes::SCHEMA_NOT_FOUND,
                        format!(
                            "could not resolve protobuf import `{dependency}` (imported by `{name}`): {message}"
                        ),
                    ))
                }
            }
        }
        parsed.insert(name, file);
    }

    check_extension_numbers(&parsed)?;
    // Linking without source info skips copying, building and dropping every file's
    // locations (they were a third of the expander's instructions; nothing here reads them).
    // Locations only serve the messages of link errors: on an error, link again with them.
    let lean: HashMap<String, File> = parsed
        .iter()
        .map(|(name, file)| (name.clone(), without_source_info(file)))
        .collect();
    let (pool, descriptor_set) = match link(root_name, lean) {
        Ok(linked) => linked,
        Err(_) => link(root_name, parsed)?,
    };
    Ok(Compiled {
        pool,
        files,
        descriptor_set,
    })
}

/// A parsed file without its source info (locations and comments) or source text.
fn without_source_info(file: &File) -> File {
    let d = file.file_descriptor_proto();
    File::from_file_descriptor_proto(prost_reflect::prost_types::FileDescriptorProto {
        name: d.name.clone(),
        package: d.package.clone(),
        dependency: d.dependency.clone(),
        public_dependency: d.public_dependency.clone(),
        weak_dependency: d.weak_dependency.clone(),
        message_type: d.message_type.clone(),
        enum_type: d.enum_type.clone(),
        service: d.service.clone(),
        extension: d.extension.clone(),
        options: d.options.clone(),
        source_code_info: None,
        syntax: d.syntax.clone(),
    })
}

/// Lets protox link the parsed root and imports into a pool, and encodes its descriptor set.
fn link(
    root_name: &str,
    mut parsed: HashMap<String, File>,
) -> Result<(DescriptorPool, Vec<u8>), SchemaError> {
    // The root is looked up first so that it wins even if it is named like a bundled file;
    // then the bundled well-known types, so that a caller's copy of `descriptor.proto` (which
    // may use syntax protox does not parse) never replaces them; then the imports.
    let root_file = parsed.remove(root_name);
    let mut resolver = ChainFileResolver::new();
    resolver.add(Sources {
        root: Some(root_name.to_string()),
        files: RefCell::new(
            root_file
                .map(|file| HashMap::from([(root_name.to_string(), file)]))
                .unwrap_or_default(),
        ),
    });
    resolver.add(GoogleFileResolver::new());
    resolver.add(Sources {
        root: None,
        files: RefCell::new(parsed),
    });
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true);
    compiler.include_source_info(false);
    // A safety net: prost-reflect has panicked on input protox let through (see
    // `check_extension_numbers`); an input that finds another such path is an invalid
    // schema, not a crash of the embedder's thread.
    let linked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        compiler.open_file(root_name).map_err(compile_error)?;
        let pool = compiler.descriptor_pool();
        let descriptor_set = super::encode::encode_without_source_info(&pool)
            .unwrap_or_else(|| compiler.encode_file_descriptor_set());
        Ok((pool, descriptor_set))
    }));
    match linked {
        Ok(result) => result,
        Err(_) => Err(SchemaError::new(
            codes::INVALID_SCHEMA,
            format!("invalid protobuf schema: the protobuf compiler failed on `{root_name}`"),
        )),
    }
}

/// Two extensions of one message with the same field number are an error. protox lets
/// them through, and prost-reflect then panics when an option uses one of them (it
/// encodes the value by number, under the other extension's type). Checked within one
/// scope (a file's top level, or one message), where the extendee's name as written
/// means one message; across scopes a relative name may mean another one.
fn check_extension_numbers(parsed: &HashMap<String, File>) -> Result<(), SchemaError> {
    use prost_reflect::prost_types::{DescriptorProto, FieldDescriptorProto};
    let mut seen: HashSet<(String, String, i32)> = HashSet::new();
    // In name order, so that the same files give the same message.
    let mut files: Vec<(&String, &File)> = parsed.iter().collect();
    files.sort_by_key(|(name, _)| *name);
    for (name, file) in files {
        let proto = file.file_descriptor_proto();
        let mut scopes: Vec<(String, &[FieldDescriptorProto])> =
            vec![(name.clone(), proto.extension.as_slice())];
        let mut messages: Vec<(String, &DescriptorProto)> = proto
            .message_type
            .iter()
            .map(|m| (format!("{name}:{}", m.name()), m))
            .collect();
        while let Some((scope, m)) = messages.pop() {
            scopes.push((scope.clone(), m.extension.as_slice()));
            messages.extend(
                m.nested_type
                    .iter()
                    .map(|n| (format!("{scope}.{}", n.name()), n)),
            );
        }
        for (scope, extensions) in scopes {
            for ext in extensions {
                let extendee = ext.extendee().trim_start_matches('.').to_string();
                if !seen.insert((scope.clone(), extendee.clone(), ext.number())) {
                    return Err(SchemaError::new(
                        codes::INVALID_SCHEMA,
                        format!(
                            "invalid protobuf schema: two extensions of `{extendee}` use field number {} (`{}` is one)",
                            ext.number(),
                            ext.name()
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Turns a protox error into a schema error that keeps protox's `file:line:col` prefix.
fn compile_error(err: protox::Error) -> SchemaError {
    // protox's `Debug` output is its message prefixed with the location; `Display` lacks it.
    let text = format!("{err:?}");
    let code = if err.is_file_not_found() {
        codes::SCHEMA_NOT_FOUND
    } else {
        codes::INVALID_SCHEMA
    };
    let error = SchemaError::new(code, format!("invalid protobuf schema: {text}"));
    match miette::Diagnostic::help(&err) {
        Some(help) => error.with_help(help.to_string()),
        None => error,
    }
}
