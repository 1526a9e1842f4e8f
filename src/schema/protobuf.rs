//! Protobuf schema expansion: `.proto` text is compiled in memory (with protox, so no
//! `protoc` needs to be installed) and one message of it is expanded into Arrow fields.
//!
//! Arroyo shells out to `protoc`, maps `bytes` to `Utf8`, gives well-known types no special
//! treatment, makes every non-`required` field nullable, and recurses without a guard on
//! recursive messages. This module keeps Arroyo's type names where they are right and fixes
//! the rest, as the table below shows.
//!
//! Compilation: the root text and every import (fetched through the caller's `import`
//! closure) are read and checked before protox sees them, so that a missing import names the
//! file that asked for it, `edition = "…"` files get a clear "unsupported" error (protox has
//! no editions support yet) and absurdly nested text is refused before any parser recursion.
//! The well-known types (`google/protobuf/*.proto`) always come from protox's bundled copies.
//!
//! # Type mapping
//!
//! | Protobuf | Arrow | nullable |
//! |---|---|---|
//! | `bool` | `Boolean` | see below |
//! | `int32`, `sint32`, `sfixed32` | `Int32` | see below |
//! | `int64`, `sint64`, `sfixed64` | `Int64` | see below |
//! | `uint32`, `fixed32` | `UInt32` | see below |
//! | `uint64`, `fixed64` | `UInt64` | see below |
//! | `float` | `Float32` | see below |
//! | `double` | `Float64` | see below |
//! | `string` | `Utf8` | see below |
//! | `bytes` | `Binary` | see below |
//! | enum | `Utf8` (the value's name) | see below |
//! | message, proto2 group | `Struct` of the message's fields | yes (no for proto2 `required`) |
//! | `repeated T` | `List(Field "item" T, non-null)` | no (an absent list is empty) |
//! | `map<K, V>` | `Map(Field "entries" Struct("key" K non-null, "value" V), unsorted)` | no (an absent map is empty); `value` is nullable only when `V` is a message |
//! | `oneof` member | an ordinary field of the message (the oneof is flattened) | yes |
//! | `google.protobuf.Timestamp` | `Timestamp(Nanosecond, None)` | yes |
//! | `google.protobuf.Duration` | `Duration(Nanosecond)` | yes |
//! | `google.protobuf.DoubleValue` … `BytesValue` (wrappers) | the wrapped scalar (`Float64`, `Float32`, `Int64`, `UInt64`, `Int32`, `UInt32`, `Boolean`, `Utf8`, `Binary`) | yes |
//! | `google.protobuf.Struct`, `Value`, `ListValue`, `Any` | JSON column (`Utf8` marked `arroyo.json`) | yes |
//! | `google.protobuf.Empty` | `Struct` with no fields | yes |
//! | `google.protobuf.FieldMask` | `Utf8` (the paths joined by `,`, as in the canonical JSON mapping) | yes |
//! | a message already being expanded (recursion) | JSON column, with a `schema::recursive` warning | yes |
//!
//! Nullability of a singular field follows protobuf presence: a field with explicit presence
//! (proto2 `optional`, proto3 `optional`, message-typed fields, `oneof` members) is nullable;
//! a proto2 `required` field is not; a proto3 scalar or enum without `optional` (implicit
//! presence) is not nullable either, because it always decodes to a value (its default).
//! List items are never null, since protobuf has no null element.
//!
//! Field names are the protobuf field names (not their JSON names). Extensions are not
//! fields of the message and are left out. Nesting deeper than [`MAX_NESTING`] message
//! levels is a `limit::nesting` error, as is a message that would expand into more than
//! [`MAX_EXPANDED_FIELDS`] Arrow fields (a chain of messages that each use the next one
//! several times grows exponentially).
//!
//! Warning paths use `.` between struct fields, `[]` for a list item and `{}` for a map
//! value, e.g. `children[].parent`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, TimeUnit};
use prost_reflect::{Cardinality, DescriptorPool, FieldDescriptor, Kind, MessageDescriptor};
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};

use crate::diagnostics::codes;
use crate::schema::expand::{json_field, Expansion, SchemaError, SchemaNote, MAX_NESTING};

/// The most files (the root and its imports, bundled well-known types not counted) one
/// schema may pull in. protox follows imports recursively, so this also bounds its stack.
pub const MAX_PROTO_FILES: usize = 256;

/// The deepest bracket nesting (`{`, `<`, `[`, `(` together) accepted in `.proto` text.
/// protox caps message nesting at 31 levels itself, but option values written in text
/// format (`option (x) = { a { b { … } } }`) are parsed recursively without a cap, and a
/// debug build spends about 20 KiB of stack per level there (measured: about 95 levels
/// exhaust a 2 MiB thread).
pub const MAX_BRACKET_DEPTH: usize = 48;

/// The most Arrow fields (at every level together) one message may expand into.
pub const MAX_EXPANDED_FIELDS: usize = 50_000;

/// How many message names an error's help lists before it abbreviates.
const MAX_LISTED: usize = 30;

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

/// The result of expanding a protobuf message.
#[derive(Clone, Debug)]
pub struct ProtoExpansion {
    /// The message's Arrow fields and the warnings collected on the way.
    pub expansion: Expansion,
    /// Fully qualified name of the expanded message, e.g. `shop.Order`.
    pub message_name: String,
    /// Every non-bundled file that was compiled (root first, then imports in the order they
    /// were first imported), as name and text, so the caller can pin them.
    pub files: Vec<(String, String)>,
    /// The encoded `FileDescriptorSet` of the compiled files, imports (bundled ones too)
    /// included, without source info.
    pub descriptor_set: Vec<u8>,
}

/// Compiles `root_text` with its imports and expands one of its messages into Arrow fields.
///
/// `root_name` is the file name the root text is known by (e.g. `schema.proto` for inline
/// text, or the file's path); imports that name it refer to the root. `import` resolves an
/// import path to its text: `Ok(None)` means not found, `Err(msg)` a resolver failure.
/// `message_name` may be fully qualified (`shop.Order`), or any unambiguous dotted suffix of
/// the full name (`Order`); `None` picks the root file's only top-level message.
///
/// # Errors
///
/// - `schema::invalid`: the text does not compile (the message carries protox's
///   `file:line:col`), an import cycle, or a schema that defines no message at all;
/// - `schema::not_found`: an import is missing or the resolver failed, or the message does
///   not exist (help: the nearest name and the messages that do exist);
/// - `schema::unsupported`: a file uses `edition = "…"`;
/// - `option::missing`: `message_name` is `None` and the root file does not define exactly
///   one top-level message; `option::invalid_value`: a short name matches several messages;
/// - `limit::nesting`: nesting or size beyond [`MAX_NESTING`], [`MAX_BRACKET_DEPTH`],
///   [`MAX_PROTO_FILES`] or [`MAX_EXPANDED_FIELDS`].
pub fn expand_protobuf(
    root_name: &str,
    root_text: &str,
    import: &dyn Fn(&str) -> Result<Option<String>, String>,
    message_name: Option<&str>,
) -> Result<ProtoExpansion, SchemaError> {
    let compiled = compile(root_name, root_text, import)?;
    let message = select_message(&compiled.pool, root_name, message_name)?;
    let expansion = expand_message(&message)?;
    Ok(ProtoExpansion {
        expansion,
        message_name: message.full_name().to_string(),
        files: compiled.files,
        descriptor_set: compiled.descriptor_set,
    })
}

/// A compiled root file with its imports.
struct Compiled {
    pool: DescriptorPool,
    files: Vec<(String, String)>,
    descriptor_set: Vec<u8>,
}

/// Serves a fixed set of parsed files by name.
struct Sources {
    /// The root's file name, so that `Compiler::open_file` can find the root by "path".
    root: Option<String>,
    files: HashMap<String, File>,
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
            .get(name)
            .cloned()
            .ok_or_else(|| protox::Error::file_not_found(name))
    }
}

/// Fetches, checks and parses the root and every import, then lets protox link them.
fn compile(
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

    // The root is looked up first so that it wins even if it is named like a bundled file;
    // then the bundled well-known types, so that a caller's copy of `descriptor.proto` (which
    // may use syntax protox does not parse) never replaces them; then the imports.
    let root_file = parsed.remove(root_name);
    let mut resolver = ChainFileResolver::new();
    resolver.add(Sources {
        root: Some(root_name.to_string()),
        files: root_file
            .map(|file| HashMap::from([(root_name.to_string(), file)]))
            .unwrap_or_default(),
    });
    resolver.add(GoogleFileResolver::new());
    resolver.add(Sources {
        root: None,
        files: parsed,
    });
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true);
    compiler.include_source_info(false);
    compiler.open_file(root_name).map_err(compile_error)?;
    Ok(Compiled {
        pool: compiler.descriptor_pool(),
        files,
        descriptor_set: compiler.encode_file_descriptor_set(),
    })
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

/// Refuses text that protox cannot handle safely or at all, before it is parsed: bracket
/// nesting beyond [`MAX_BRACKET_DEPTH`] (the text-format parser for option values recurses
/// once per level) and `edition = "…"` files (protox rejects them with a confusing parse
/// error).
fn prescan(name: &str, text: &str) -> Result<(), SchemaError> {
    let bytes = text.as_bytes();
    let mut open: Vec<u8> = Vec::new();
    let mut first_word: Option<&str> = None;
    let mut line = 1usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'#' => i = skip_line(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = skip_line(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while let Some(&c) = bytes.get(i) {
                    if c == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        i += 2;
                        break;
                    }
                    if c == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    if c == b'\\' {
                        i += 1;
                    } else if c == b || c == b'\n' {
                        if c == b'\n' {
                            line += 1;
                        }
                        break;
                    }
                }
            }
            b'{' | b'<' | b'[' | b'(' => {
                open.push(b);
                if open.len() > MAX_BRACKET_DEPTH {
                    return Err(SchemaError::new(
                        codes::TOO_DEEP,
                        format!(
                            "protobuf file `{name}` nests brackets deeper than {MAX_BRACKET_DEPTH} levels (line {line})"
                        ),
                    ));
                }
                i += 1;
            }
            b'}' | b'>' | b']' | b')' => {
                // Only a matching closer ends a level, so stray closers cannot hide depth.
                let opener = match b {
                    b'}' => b'{',
                    b'>' => b'<',
                    b']' => b'[',
                    _ => b'(',
                };
                if open.last() == Some(&opener) {
                    open.pop();
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i += 1;
                }
                if first_word.is_none() {
                    first_word = text.get(start..i);
                    if first_word == Some("edition") {
                        return Err(SchemaError::new(
                            codes::SCHEMA_UNSUPPORTED,
                            format!(
                                "protobuf file `{name}` uses editions (`edition = …`), which are not supported"
                            ),
                        )
                        .with_help(
                            "declare `syntax = \"proto3\";` or `syntax = \"proto2\";` instead; \
                             the in-memory compiler (protox) does not support editions yet",
                        ));
                    }
                }
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// The index just past the end of the line that starts at or before `i`.
fn skip_line(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|c| *c != b'\n') {
        i += 1;
    }
    i
}

/// Messages a user may pick: everything except the well-known types and map entries.
fn user_messages(pool: &DescriptorPool) -> Vec<MessageDescriptor> {
    pool.all_messages()
        .filter(|m| !m.full_name().starts_with("google.protobuf.") && !m.is_map_entry())
        .collect()
}

/// "`a`, `b`, `c`", abbreviated after [`MAX_LISTED`] names.
fn list_names(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(MAX_LISTED)
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > MAX_LISTED {
        text.push_str(&format!(" and {} more", names.len() - MAX_LISTED));
    }
    text
}

/// Finds the message to expand, by name or as the root file's only top-level message.
fn select_message(
    pool: &DescriptorPool,
    root_name: &str,
    message_name: Option<&str>,
) -> Result<MessageDescriptor, SchemaError> {
    let all: Vec<String> = user_messages(pool)
        .iter()
        .map(|m| m.full_name().to_string())
        .collect();
    let Some(wanted) = message_name else {
        let top: Vec<MessageDescriptor> = pool
            .get_file_by_name(root_name)
            .map(|f| f.messages().collect())
            .unwrap_or_default();
        if let [only] = top.as_slice() {
            return Ok(only.clone());
        }
        // With no top-level message of its own, the root may still import the one wanted.
        let (message, candidates) = if top.is_empty() {
            (
                format!(
                    "`protobuf.message_name` is required: `{root_name}` defines no top-level message"
                ),
                all,
            )
        } else {
            (
                format!(
                    "`protobuf.message_name` is required: `{root_name}` defines {} top-level messages",
                    top.len()
                ),
                top.iter().map(|m| m.full_name().to_string()).collect(),
            )
        };
        if candidates.is_empty() {
            return Err(SchemaError::new(
                codes::INVALID_SCHEMA,
                format!("protobuf file `{root_name}` defines no message"),
            ));
        }
        return Err(
            SchemaError::new(codes::MISSING_OPTION, message).with_help(format!(
                "set `protobuf.message_name` to one of {}",
                list_names(&candidates)
            )),
        );
    };

    let wanted_trimmed = wanted.trim().trim_start_matches('.');
    if let Some(message) = pool.get_message_by_name(wanted_trimmed) {
        if !message.is_map_entry() {
            return Ok(message);
        }
    }
    // A short name, or any dotted suffix of the full name, is accepted when only one
    // message matches it.
    let suffix = format!(".{wanted_trimmed}");
    let matches: Vec<MessageDescriptor> = user_messages(pool)
        .into_iter()
        .filter(|m| m.full_name().ends_with(&suffix))
        .collect();
    match matches.as_slice() {
        [only] => Ok(only.clone()),
        [] => {
            let mut help = String::new();
            if let Some(near) = nearest(wanted_trimmed, &all) {
                help.push_str(&format!("did you mean `{near}`? "));
            }
            if all.is_empty() {
                help.push_str("the schema defines no message");
            } else {
                help.push_str(&format!("messages are {}", list_names(&all)));
            }
            Err(SchemaError::new(
                codes::SCHEMA_NOT_FOUND,
                format!("message `{wanted}` not found"),
            )
            .with_help(help))
        }
        several => {
            let names: Vec<String> = several.iter().map(|m| m.full_name().to_string()).collect();
            Err(SchemaError::new(
                codes::INVALID_VALUE,
                format!("message name `{wanted}` is ambiguous"),
            )
            .with_help(format!(
                "use the fully qualified name: {}",
                list_names(&names)
            )))
        }
    }
}

/// The message name nearest to `wanted`, comparing against full names and, for a name
/// without a package, against short names too; `None` when nothing is close.
fn nearest<'a>(wanted: &str, names: &'a [String]) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    names
        .iter()
        .map(|full| {
            let short = full.rsplit('.').next().unwrap_or(full);
            let distance = strsim::levenshtein(wanted, full)
                .min(strsim::levenshtein(wanted, short))
                .min(strsim::levenshtein(
                    &wanted.to_lowercase(),
                    &full.to_lowercase(),
                ));
            (distance, full.as_str())
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Expands `message` into Arrow fields.
fn expand_message(message: &MessageDescriptor) -> Result<Expansion, SchemaError> {
    let mut expander = Expander {
        root: message.full_name().to_string(),
        notes: Vec::new(),
        stack: Vec::new(),
        fields: 0,
    };
    let fields = expander.message_fields(message, "", 0)?;
    Ok(Expansion {
        fields,
        notes: expander.notes,
    })
}

/// The state of one expansion: the messages on the current path and the budget used.
struct Expander {
    /// The expanded message's full name, for error messages.
    root: String,
    notes: Vec<SchemaNote>,
    /// Full names of the messages currently being expanded (the recursion path).
    stack: Vec<String>,
    /// Arrow fields produced so far, against [`MAX_EXPANDED_FIELDS`].
    fields: usize,
}

impl Expander {
    /// The fields of `message`, which sits `depth` message levels below the root.
    fn message_fields(
        &mut self,
        message: &MessageDescriptor,
        path: &str,
        depth: usize,
    ) -> Result<Vec<Field>, SchemaError> {
        if depth > MAX_NESTING {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!(
                    "message `{}` nests deeper than {MAX_NESTING} levels (at `{path}`)",
                    self.root
                ),
            ));
        }
        self.stack.push(message.full_name().to_string());
        let mut fields = Vec::with_capacity(message.fields().len());
        for field in message.fields() {
            let field_path = if path.is_empty() {
                field.name().to_string()
            } else {
                format!("{path}.{}", field.name())
            };
            fields.push(self.field(&field, &field_path, depth)?);
        }
        self.stack.pop();
        Ok(fields)
    }

    /// One protobuf field, with its list or map shape.
    fn field(
        &mut self,
        field: &FieldDescriptor,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        let kind = field.kind();
        if field.is_map() {
            if let Kind::Message(entry) = &kind {
                let key = self.value(
                    "key",
                    &entry.map_entry_key_field().kind(),
                    false,
                    &format!("{path}{{}}"),
                    depth,
                )?;
                let value_kind = entry.map_entry_value_field().kind();
                let value_nullable = matches!(value_kind, Kind::Message(_));
                let value = self.value(
                    "value",
                    &value_kind,
                    value_nullable,
                    &format!("{path}{{}}"),
                    depth,
                )?;
                let entries = Field::new(
                    "entries",
                    DataType::Struct(Fields::from(vec![key, value])),
                    false,
                );
                return self.count(Field::new(
                    field.name(),
                    DataType::Map(Arc::new(entries), false),
                    false,
                ));
            }
        }
        if field.is_list() {
            let item = self.value("item", &kind, false, &format!("{path}[]"), depth)?;
            return self.count(Field::new(
                field.name(),
                DataType::List(Arc::new(item)),
                false,
            ));
        }
        let nullable = field.cardinality() != Cardinality::Required && field.supports_presence();
        self.value(field.name(), &kind, nullable, path, depth)
    }

    /// A single value of protobuf type `kind`, as an Arrow field called `name`.
    fn value(
        &mut self,
        name: &str,
        kind: &Kind,
        nullable: bool,
        path: &str,
        depth: usize,
    ) -> Result<Field, SchemaError> {
        let data_type = match kind {
            Kind::Bool => DataType::Boolean,
            Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => DataType::Int32,
            Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => DataType::Int64,
            Kind::Uint32 | Kind::Fixed32 => DataType::UInt32,
            Kind::Uint64 | Kind::Fixed64 => DataType::UInt64,
            Kind::Float => DataType::Float32,
            Kind::Double => DataType::Float64,
            Kind::String => DataType::Utf8,
            Kind::Bytes => DataType::Binary,
            Kind::Enum(_) => DataType::Utf8,
            Kind::Message(message) => {
                if let Some(data_type) = well_known(message.full_name()) {
                    match data_type {
                        WellKnown::Type(data_type) => data_type,
                        WellKnown::Json => return self.count(json_field(name, nullable)),
                    }
                } else if self.stack.iter().any(|m| m == message.full_name()) {
                    self.notes.push(SchemaNote {
                        code: codes::SCHEMA_RECURSIVE,
                        path: path.to_string(),
                        message: format!(
                            "field `{path}`: recursive reference to message `{}` becomes JSON",
                            message.full_name()
                        ),
                    });
                    return self.count(json_field(name, nullable));
                } else {
                    let fields = self.message_fields(message, path, depth + 1)?;
                    DataType::Struct(Fields::from(fields))
                }
            }
        };
        self.count(Field::new(name, data_type, nullable))
    }

    /// Counts `field` against [`MAX_EXPANDED_FIELDS`] and passes it through.
    fn count(&mut self, field: Field) -> Result<Field, SchemaError> {
        self.fields += 1;
        if self.fields > MAX_EXPANDED_FIELDS {
            return Err(SchemaError::new(
                codes::TOO_DEEP,
                format!(
                    "message `{}` expands into more than {MAX_EXPANDED_FIELDS} fields",
                    self.root
                ),
            )
            .with_help("a message that uses another several times, which does the same, grows exponentially; expand a smaller message"));
        }
        Ok(field)
    }
}

/// How a well-known type maps.
enum WellKnown {
    /// To this Arrow type.
    Type(DataType),
    /// To a JSON column (its canonical JSON mapping is arbitrary JSON).
    Json,
}

/// The mapping of the well-known message `full_name`, or `None` for other messages.
fn well_known(full_name: &str) -> Option<WellKnown> {
    let data_type = match full_name {
        "google.protobuf.Timestamp" => DataType::Timestamp(TimeUnit::Nanosecond, None),
        "google.protobuf.Duration" => DataType::Duration(TimeUnit::Nanosecond),
        "google.protobuf.DoubleValue" => DataType::Float64,
        "google.protobuf.FloatValue" => DataType::Float32,
        "google.protobuf.Int64Value" => DataType::Int64,
        "google.protobuf.UInt64Value" => DataType::UInt64,
        "google.protobuf.Int32Value" => DataType::Int32,
        "google.protobuf.UInt32Value" => DataType::UInt32,
        "google.protobuf.BoolValue" => DataType::Boolean,
        "google.protobuf.StringValue" => DataType::Utf8,
        "google.protobuf.BytesValue" => DataType::Binary,
        "google.protobuf.FieldMask" => DataType::Utf8,
        "google.protobuf.Empty" => DataType::Struct(Fields::empty()),
        "google.protobuf.Struct"
        | "google.protobuf.Value"
        | "google.protobuf.ListValue"
        | "google.protobuf.Any" => return Some(WellKnown::Json),
        _ => return None,
    };
    Some(WellKnown::Type(data_type))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::expand::is_json;

    fn no_imports(_: &str) -> Result<Option<String>, String> {
        Ok(None)
    }

    fn expand(text: &str, message: Option<&str>) -> Result<ProtoExpansion, SchemaError> {
        expand_protobuf("schema.proto", text, &no_imports, message)
    }

    /// The fields of the only message in `text`.
    fn fields(text: &str) -> Vec<Field> {
        match expand(text, None) {
            Ok(expansion) => expansion.expansion.fields,
            Err(err) => panic!("{err:?}"),
        }
    }

    /// The single field declared by `decl` in a message of a `syntax` file.
    fn one(syntax: &str, decl: &str) -> Field {
        let text = format!(
            "syntax = \"{syntax}\"; package t; \
             import \"google/protobuf/timestamp.proto\"; import \"google/protobuf/duration.proto\"; \
             import \"google/protobuf/wrappers.proto\"; import \"google/protobuf/struct.proto\"; \
             import \"google/protobuf/any.proto\"; import \"google/protobuf/empty.proto\"; \
             import \"google/protobuf/field_mask.proto\"; \
             enum Color {{ {zero} = 0; RED = 1; }} message Inner {{ {label}int32 x = 1; }} \
             message M {{ {decl} }}",
            zero = if syntax == "proto3" { "UNKNOWN" } else { "NONE" },
            label = if syntax == "proto3" { "" } else { "optional " },
        );
        let expansion = match expand(&text, Some("t.M")) {
            Ok(expansion) => expansion,
            Err(err) => panic!("{err:?}"),
        };
        assert_eq!(expansion.expansion.fields.len(), 1);
        expansion.expansion.fields.into_iter().next().unwrap()
    }

    fn err(text: &str, message: Option<&str>) -> SchemaError {
        match expand(text, message) {
            Ok(expansion) => panic!("expected an error, got {:?}", expansion.expansion),
            Err(err) => err,
        }
    }

    fn item(data_type: DataType) -> DataType {
        DataType::List(Arc::new(Field::new("item", data_type, false)))
    }

    #[test]
    fn proto3_scalars_are_non_null() {
        let cases = [
            ("bool", DataType::Boolean),
            ("int32", DataType::Int32),
            ("sint32", DataType::Int32),
            ("sfixed32", DataType::Int32),
            ("int64", DataType::Int64),
            ("sint64", DataType::Int64),
            ("sfixed64", DataType::Int64),
            ("uint32", DataType::UInt32),
            ("fixed32", DataType::UInt32),
            ("uint64", DataType::UInt64),
            ("fixed64", DataType::UInt64),
            ("float", DataType::Float32),
            ("double", DataType::Float64),
            ("string", DataType::Utf8),
            ("bytes", DataType::Binary),
        ];
        for (proto, arrow) in cases {
            let field = one("proto3", &format!("{proto} v = 1;"));
            assert_eq!(field, Field::new("v", arrow, false), "{proto}");
        }
    }

    #[test]
    fn proto3_optional_is_nullable() {
        assert_eq!(
            one("proto3", "optional int64 v = 1;"),
            Field::new("v", DataType::Int64, true)
        );
    }

    #[test]
    fn proto2_optional_is_nullable() {
        assert_eq!(
            one("proto2", "optional string v = 1;"),
            Field::new("v", DataType::Utf8, true)
        );
    }

    #[test]
    fn proto2_required_is_non_null() {
        assert_eq!(
            one("proto2", "required uint32 v = 1;"),
            Field::new("v", DataType::UInt32, false)
        );
        assert_eq!(
            one("proto2", "required Inner v = 1;"),
            Field::new(
                "v",
                DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, true)])),
                false
            )
        );
    }

    #[test]
    fn enum_is_its_value_name() {
        assert_eq!(
            one("proto3", "Color v = 1;"),
            Field::new("v", DataType::Utf8, false)
        );
        assert_eq!(
            one("proto2", "optional Color v = 1;"),
            Field::new("v", DataType::Utf8, true)
        );
    }

    #[test]
    fn message_is_nullable_struct() {
        assert_eq!(
            one("proto3", "Inner v = 1;"),
            Field::new(
                "v",
                DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, false)])),
                true
            )
        );
    }

    #[test]
    fn nested_message_definition() {
        let f = fields(
            "syntax = \"proto3\"; message Outer { message Mid { message Leaf { string s = 1; } Leaf leaf = 1; } Mid mid = 1; }",
        );
        assert_eq!(
            f[0].data_type().to_string(),
            r#"Struct("leaf": Struct("s": non-null Utf8))"#
        );
        assert_eq!(f[0].name(), "mid");
    }

    #[test]
    fn repeated_is_non_null_list_of_non_null_items() {
        assert_eq!(
            one("proto3", "repeated string v = 1;"),
            Field::new("v", item(DataType::Utf8), false)
        );
        assert_eq!(
            one("proto2", "repeated Color v = 1;"),
            Field::new("v", item(DataType::Utf8), false)
        );
        assert_eq!(
            one("proto3", "repeated Inner v = 1;"),
            Field::new(
                "v",
                item(DataType::Struct(Fields::from(vec![Field::new(
                    "x",
                    DataType::Int32,
                    false
                )]))),
                false
            )
        );
    }

    fn map(key: DataType, value: DataType, value_nullable: bool) -> DataType {
        DataType::Map(
            Arc::new(Field::new(
                "entries",
                DataType::Struct(Fields::from(vec![
                    Field::new("key", key, false),
                    Field::new("value", value, value_nullable),
                ])),
                false,
            )),
            false,
        )
    }

    #[test]
    fn map_of_scalars() {
        let field = one("proto3", "map<string, int64> v = 1;");
        assert_eq!(
            field,
            Field::new("v", map(DataType::Utf8, DataType::Int64, false), false)
        );
        assert_eq!(
            field.data_type().to_string(),
            r#"Map("entries": non-null Struct("key": non-null Utf8, "value": non-null Int64), unsorted)"#
        );
    }

    #[test]
    fn map_of_messages_has_nullable_values() {
        assert_eq!(
            one("proto2", "map<int32, Inner> v = 1;"),
            Field::new(
                "v",
                map(
                    DataType::Int32,
                    DataType::Struct(Fields::from(vec![Field::new("x", DataType::Int32, true)])),
                    true
                ),
                false
            )
        );
        assert_eq!(
            one("proto3", "map<bool, Color> v = 1;"),
            Field::new("v", map(DataType::Boolean, DataType::Utf8, false), false)
        );
    }

    #[test]
    fn oneof_members_are_flattened_and_nullable() {
        let f = fields(
            "syntax = \"proto3\"; message Pay { int32 id = 1; oneof method { string card = 2; bytes token = 3; } }",
        );
        assert_eq!(
            f,
            vec![
                Field::new("id", DataType::Int32, false),
                Field::new("card", DataType::Utf8, true),
                Field::new("token", DataType::Binary, true),
            ]
        );
    }

    #[test]
    fn proto2_group_is_struct() {
        let f = fields("syntax = \"proto2\"; message G { optional group Result = 1 { required string url = 2; } }");
        assert_eq!(
            f,
            vec![Field::new(
                "result",
                DataType::Struct(Fields::from(vec![Field::new("url", DataType::Utf8, false)])),
                true
            )]
        );
    }

    #[test]
    fn timestamp_and_duration() {
        assert_eq!(
            one("proto3", "google.protobuf.Timestamp v = 1;"),
            Field::new("v", DataType::Timestamp(TimeUnit::Nanosecond, None), true)
        );
        assert_eq!(
            one("proto3", "google.protobuf.Duration v = 1;"),
            Field::new("v", DataType::Duration(TimeUnit::Nanosecond), true)
        );
        assert_eq!(
            one("proto3", "repeated google.protobuf.Timestamp v = 1;"),
            Field::new(
                "v",
                item(DataType::Timestamp(TimeUnit::Nanosecond, None)),
                false
            )
        );
    }

    #[test]
    fn wrappers_are_nullable_scalars() {
        let cases = [
            ("DoubleValue", DataType::Float64),
            ("FloatValue", DataType::Float32),
            ("Int64Value", DataType::Int64),
            ("UInt64Value", DataType::UInt64),
            ("Int32Value", DataType::Int32),
            ("UInt32Value", DataType::UInt32),
            ("BoolValue", DataType::Boolean),
            ("StringValue", DataType::Utf8),
            ("BytesValue", DataType::Binary),
        ];
        for (wrapper, arrow) in cases {
            let field = one("proto3", &format!("google.protobuf.{wrapper} v = 1;"));
            assert_eq!(field, Field::new("v", arrow, true), "{wrapper}");
        }
    }

    #[test]
    fn struct_value_list_value_and_any_are_json() {
        for wkt in ["Struct", "Value", "ListValue", "Any"] {
            let field = one("proto3", &format!("google.protobuf.{wkt} v = 1;"));
            assert_eq!(field, json_field("v", true), "{wkt}");
            assert!(is_json(&field));
        }
        let expansion = expand(
            "syntax = \"proto3\"; import \"google/protobuf/struct.proto\"; message M { google.protobuf.Struct s = 1; }",
            None,
        )
        .unwrap();
        assert_eq!(expansion.expansion.notes, vec![]);
    }

    #[test]
    fn empty_is_struct_without_fields_and_field_mask_is_utf8() {
        assert_eq!(
            one("proto3", "google.protobuf.Empty v = 1;"),
            Field::new("v", DataType::Struct(Fields::empty()), true)
        );
        assert_eq!(
            one("proto3", "google.protobuf.FieldMask v = 1;"),
            Field::new("v", DataType::Utf8, true)
        );
    }

    #[test]
    fn wkt_imports_are_bundled_and_not_pinned() {
        let asked = std::cell::RefCell::new(Vec::new());
        let import = |name: &str| {
            asked.borrow_mut().push(name.to_string());
            Ok(None)
        };
        let expansion = expand_protobuf(
            "schema.proto",
            "syntax = \"proto3\"; import \"google/protobuf/timestamp.proto\"; message M { google.protobuf.Timestamp t = 1; }",
            &import,
            None,
        )
        .unwrap();
        assert!(asked.borrow().is_empty());
        assert_eq!(expansion.files.len(), 1);
        assert_eq!(expansion.message_name, "M");
    }

    const COMMON: &str = "syntax = \"proto3\"; package common; message Money { string currency = 1; int64 units = 2; }";
    const ORDER: &str = "syntax = \"proto3\"; package shop; import \"common/money.proto\"; \
        message Order { int64 id = 1; common.Money price = 2; } message Item { string sku = 1; }";

    fn shop_imports(name: &str) -> Result<Option<String>, String> {
        Ok((name == "common/money.proto").then(|| COMMON.to_string()))
    }

    #[test]
    fn imports_resolve_through_the_closure() {
        let expansion =
            expand_protobuf("shop.proto", ORDER, &shop_imports, Some("shop.Order")).unwrap();
        assert_eq!(expansion.message_name, "shop.Order");
        assert_eq!(
            expansion.expansion.fields[1].data_type().to_string(),
            r#"Struct("currency": non-null Utf8, "units": non-null Int64)"#
        );
        assert_eq!(
            expansion.files,
            vec![
                ("shop.proto".to_string(), ORDER.to_string()),
                ("common/money.proto".to_string(), COMMON.to_string()),
            ]
        );
        // The descriptor set decodes and holds both files.
        let pool = DescriptorPool::decode(expansion.descriptor_set.as_slice()).unwrap();
        assert!(pool.get_message_by_name("common.Money").is_some());
        assert!(pool.get_file_by_name("shop.proto").is_some());
    }

    #[test]
    fn root_known_by_a_path() {
        let expansion = expand_protobuf(
            "/schemas/shop/order.proto",
            ORDER,
            &shop_imports,
            Some("Item"),
        )
        .unwrap();
        assert_eq!(expansion.message_name, "shop.Item");
        assert_eq!(expansion.files[0].0, "/schemas/shop/order.proto");
        assert_eq!(
            expansion.expansion.fields,
            vec![Field::new("sku", DataType::Utf8, false)]
        );
    }

    #[test]
    fn short_and_suffix_message_names() {
        let by_short = expand_protobuf("shop.proto", ORDER, &shop_imports, Some("Order")).unwrap();
        assert_eq!(by_short.message_name, "shop.Order");
        let imported = expand_protobuf("shop.proto", ORDER, &shop_imports, Some("Money")).unwrap();
        assert_eq!(imported.message_name, "common.Money");
        let dotted =
            expand_protobuf("shop.proto", ORDER, &shop_imports, Some(".shop.Item")).unwrap();
        assert_eq!(dotted.message_name, "shop.Item");
    }

    #[test]
    fn missing_import_is_not_found() {
        let e = match expand_protobuf("shop.proto", ORDER, &no_imports, Some("Order")) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::SCHEMA_NOT_FOUND);
        assert_eq!(
            e.message,
            "protobuf import `common/money.proto` not found (imported by `shop.proto`)"
        );
    }

    #[test]
    fn resolver_failure_is_reported() {
        let failing = |_: &str| Err("permission denied".to_string());
        let e = match expand_protobuf("shop.proto", ORDER, &failing, Some("Order")) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::SCHEMA_NOT_FOUND);
        assert_eq!(
            e.message,
            "could not resolve protobuf import `common/money.proto` (imported by `shop.proto`): permission denied"
        );
    }

    #[test]
    fn unknown_message_suggests_the_nearest() {
        let e = match expand_protobuf("shop.proto", ORDER, &shop_imports, Some("shop.Ordr")) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::SCHEMA_NOT_FOUND);
        assert_eq!(e.message, "message `shop.Ordr` not found");
        assert_eq!(
            e.help.as_deref(),
            Some(
                "did you mean `shop.Order`? messages are `common.Money`, `shop.Order`, `shop.Item`"
            )
        );
        let far = match expand_protobuf("shop.proto", ORDER, &shop_imports, Some("Zebra")) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(
            far.help.as_deref(),
            Some("messages are `common.Money`, `shop.Order`, `shop.Item`")
        );
    }

    #[test]
    fn absent_message_name_needs_a_single_top_level_message() {
        let e = match expand_protobuf("shop.proto", ORDER, &shop_imports, None) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::MISSING_OPTION);
        assert_eq!(
            e.message,
            "`protobuf.message_name` is required: `shop.proto` defines 2 top-level messages"
        );
        assert_eq!(
            e.help.as_deref(),
            Some("set `protobuf.message_name` to one of `shop.Order`, `shop.Item`")
        );
        let none = err("syntax = \"proto3\"; enum E { A = 0; }", None);
        assert_eq!(none.code, codes::INVALID_SCHEMA);
        assert_eq!(
            none.message,
            "protobuf file `schema.proto` defines no message"
        );
        // A root without messages of its own lists what it imports.
        let root = "syntax = \"proto3\"; import \"common/money.proto\";";
        let e = match expand_protobuf("root.proto", root, &shop_imports, None) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::MISSING_OPTION);
        assert_eq!(
            e.message,
            "`protobuf.message_name` is required: `root.proto` defines no top-level message"
        );
        assert_eq!(
            e.help.as_deref(),
            Some("set `protobuf.message_name` to one of `common.Money`")
        );
    }

    #[test]
    fn ambiguous_short_name() {
        let e = err(
            "syntax = \"proto3\"; package p; message A { message Id { int32 v = 1; } } message B { message Id { int32 v = 1; } }",
            Some("Id"),
        );
        assert_eq!(e.code, codes::INVALID_VALUE);
        assert_eq!(e.message, "message name `Id` is ambiguous");
        assert_eq!(
            e.help.as_deref(),
            Some("use the fully qualified name: `p.A.Id`, `p.B.Id`")
        );
    }

    #[test]
    fn recursive_message_becomes_json_with_note() {
        let expansion = expand(
            "syntax = \"proto3\"; package t; message Node { string name = 1; repeated Node children = 2; Node parent = 3; Leaf leaf = 4; } \
             message Leaf { Node owner = 1; }",
            Some("t.Node"),
        )
        .unwrap()
        .expansion;
        let f = &expansion.fields;
        assert_eq!(f[0], Field::new("name", DataType::Utf8, false));
        assert_eq!(
            f[1],
            Field::new(
                "children",
                DataType::List(Arc::new(json_field("item", false))),
                false
            )
        );
        assert_eq!(f[2], json_field("parent", true));
        assert_eq!(
            f[3],
            Field::new(
                "leaf",
                DataType::Struct(Fields::from(vec![json_field("owner", true)])),
                true
            )
        );
        let paths: Vec<&str> = expansion.notes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, vec!["children[]", "parent", "leaf.owner"]);
        assert!(expansion
            .notes
            .iter()
            .all(|n| n.code == codes::SCHEMA_RECURSIVE));
        assert_eq!(
            expansion.notes[1].message,
            "field `parent`: recursive reference to message `t.Node` becomes JSON"
        );
    }

    #[test]
    fn editions_are_unsupported() {
        let e = err(
            "// comment\nedition = \"2023\";\npackage t; message M { int32 x = 1; }",
            None,
        );
        assert_eq!(e.code, codes::SCHEMA_UNSUPPORTED);
        assert_eq!(
            e.message,
            "protobuf file `schema.proto` uses editions (`edition = …`), which are not supported"
        );
        assert!(e.help.unwrap().contains("syntax = \"proto3\""));
    }

    #[test]
    fn edition_in_an_import_is_unsupported() {
        let import = |_: &str| Ok(Some("edition = \"2024\"; message X {}".to_string()));
        let e = match expand_protobuf(
            "schema.proto",
            "syntax = \"proto3\"; import \"x.proto\"; message M { X x = 1; }",
            &import,
            None,
        ) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::SCHEMA_UNSUPPORTED);
        assert!(e.message.contains("`x.proto`"), "{}", e.message);
    }

    #[test]
    fn compile_error_keeps_the_location() {
        let e = err(
            "syntax = \"proto3\";\nmessage M {\n  strin s = 1;\n}\n",
            None,
        );
        assert_eq!(e.code, codes::INVALID_SCHEMA);
        assert_eq!(
            e.message,
            "invalid protobuf schema: schema.proto:3:3: name 'strin' is not defined"
        );
        let parse = err("syntax = \"proto3\";\nmessage M { int32 = 1; }", None);
        assert_eq!(parse.code, codes::INVALID_SCHEMA);
        assert!(
            parse
                .message
                .starts_with("invalid protobuf schema: schema.proto:2:19: "),
            "{}",
            parse.message
        );
    }

    #[test]
    fn deep_message_definitions_are_refused() {
        let mut text = String::from("syntax = \"proto3\";\n");
        for i in 0..5000 {
            text.push_str(&format!("message M{i} {{ "));
        }
        for _ in 0..5000 {
            text.push_str("} ");
        }
        let e = err(&text, None);
        assert_eq!(e.code, codes::TOO_DEEP);
        assert_eq!(
            e.message,
            "protobuf file `schema.proto` nests brackets deeper than 48 levels (line 2)"
        );
    }

    /// A custom option whose type is recursive, set to a text-format value nested `depth` deep.
    fn deep_option(depth: usize) -> String {
        let mut text = String::from(
            "syntax = \"proto2\"; import \"google/protobuf/descriptor.proto\"; \
             message R { optional R r = 1; optional int32 v = 2; } \
             extend google.protobuf.MessageOptions { optional R deep = 50000; } \
             message M { option (deep) = { ",
        );
        for _ in 0..depth {
            text.push_str("r { ");
        }
        text.push_str("v: 1 ");
        for _ in 0..depth {
            text.push_str("} ");
        }
        text.push_str("}; optional int32 x = 1; }");
        text
    }

    #[test]
    fn deep_option_values_are_refused() {
        let e = err(&deep_option(5000), Some("M"));
        assert_eq!(e.code, codes::TOO_DEEP);
        // Just under the limit, protox parses the value without exhausting the stack.
        let ok = expand(&deep_option(MAX_BRACKET_DEPTH - 4), Some("M")).unwrap();
        assert_eq!(
            ok.expansion.fields,
            vec![Field::new("x", DataType::Int32, true)]
        );
    }

    #[test]
    fn prescan_ignores_brackets_in_strings_and_comments() {
        let open = "{".repeat(500);
        let text = format!(
            "syntax = \"proto3\"; // {open}\n/* {open} */ message M {{ string s = 1 [json_name = \"{open}\"]; }}"
        );
        assert_eq!(fields(&text), vec![Field::new("s", DataType::Utf8, false)]);
    }

    #[test]
    fn deep_message_references_are_refused() {
        let mut text = String::from("syntax = \"proto3\";\n");
        for i in 0..100 {
            text.push_str(&format!("message M{i} {{ M{} next = 1; }}\n", i + 1));
        }
        text.push_str("message M100 { int32 x = 1; }\n");
        let e = err(&text, Some("M0"));
        assert_eq!(e.code, codes::TOO_DEEP);
        assert!(
            e.message
                .starts_with("message `M0` nests deeper than 64 levels"),
            "{}",
            e.message
        );
    }

    #[test]
    fn exponential_expansion_is_refused() {
        let mut text = String::from("syntax = \"proto3\";\n");
        for i in 0..40 {
            text.push_str(&format!(
                "message M{i} {{ M{n} a = 1; M{n} b = 2; }}\n",
                n = i + 1
            ));
        }
        text.push_str("message M40 { int32 x = 1; }\n");
        let e = err(&text, Some("M0"));
        assert_eq!(e.code, codes::TOO_DEEP);
        assert_eq!(
            e.message,
            "message `M0` expands into more than 50000 fields"
        );
    }

    #[test]
    fn import_cycles_are_compile_errors() {
        let import = |_: &str| {
            Ok(Some(
                "syntax = \"proto3\"; import \"schema.proto\";".to_string(),
            ))
        };
        let e = match expand_protobuf(
            "schema.proto",
            "syntax = \"proto3\"; import \"b.proto\"; message M { int32 x = 1; }",
            &import,
            None,
        ) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::INVALID_SCHEMA);
        assert!(e.message.contains("import cycle"), "{}", e.message);
    }

    #[test]
    fn too_many_imports_are_refused() {
        let import = |name: &str| {
            let n: usize = name
                .trim_end_matches(".proto")
                .trim_start_matches('f')
                .parse()
                .unwrap();
            Ok(Some(format!(
                "syntax = \"proto3\"; import \"f{}.proto\";",
                n + 1
            )))
        };
        let e = match expand_protobuf(
            "schema.proto",
            "syntax = \"proto3\"; import \"f0.proto\"; message M { int32 x = 1; }",
            &import,
            None,
        ) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        };
        assert_eq!(e.code, codes::TOO_DEEP);
        assert_eq!(
            e.message,
            "protobuf schema `schema.proto` imports more than 256 files"
        );
    }

    /// Every corpus file is compiled with imports resolved against `tests/corpus/proto` and
    /// every top-level message expanded; the count of files that compile is pinned so that
    /// regressions show.
    #[test]
    fn corpus() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/proto");
        let mut paths = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "proto") {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        assert_eq!(paths.len(), 58);
        let import = |name: &str| Ok(std::fs::read_to_string(root.join(name)).ok());
        let mut compiled = 0;
        let mut messages = 0;
        let mut recursive = 0;
        let mut failures = Vec::new();
        for path in &paths {
            let name = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(path).unwrap();
            let Ok(unit) =
                compile(&name, &text, &import).map_err(|e| failures.push((name.clone(), e)))
            else {
                continue;
            };
            compiled += 1;
            let file = unit.pool.get_file_by_name(&name).unwrap();
            for message in file.messages() {
                let expansion =
                    expand_message(&message).unwrap_or_else(|e| panic!("{name}: {e:?}"));
                messages += 1;
                recursive += expansion.notes.len();
            }
            // The public entry point agrees: it either expands the only message or lists them.
            match expand_protobuf(&name, &text, &import, None) {
                Ok(expansion) => assert_eq!(
                    file.messages().len(),
                    1,
                    "{name}: {}",
                    expansion.message_name
                ),
                Err(e) if file.messages().len() == 0 && user_messages(&unit.pool).is_empty() => {
                    assert_eq!(e.code, codes::INVALID_SCHEMA, "{name}: {e:?}")
                }
                Err(e) => assert_eq!(e.code, codes::MISSING_OPTION, "{name}: {e:?}"),
            }
        }
        let failures: Vec<(&str, &str)> = failures
            .iter()
            .map(|(name, e)| (name.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            failures,
            vec![
                // Uses editions feature options (`features.(pb.cpp)`) that protox cannot resolve.
                ("google/protobuf/cpp_features.proto", "schema::invalid"),
                // As a root file the corpus copy is used, and its newest syntax does not parse;
                // as an import the bundled copy is used instead.
                ("google/protobuf/descriptor.proto", "schema::invalid"),
                (
                    "google/protobuf/edition_unittest.proto",
                    "schema::unsupported"
                ),
                // Imports an editions file.
                ("google/protobuf/unittest.proto", "schema::unsupported"),
                // "identifiers may not be negative".
                (
                    "google/protobuf/unittest_custom_options.proto",
                    "schema::invalid"
                ),
                (
                    "google/protobuf/unittest_delimited.proto",
                    "schema::unsupported"
                ),
                (
                    "google/protobuf/unittest_delimited_import.proto",
                    "schema::unsupported"
                ),
                (
                    "google/protobuf/unittest_features.proto",
                    "schema::unsupported"
                ),
                ("route_guide.proto", "schema::unsupported"),
            ]
        );
        assert_eq!(compiled, 49);
        assert_eq!((messages, recursive), (148, 222));
    }
}
