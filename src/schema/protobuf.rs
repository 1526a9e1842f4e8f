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

mod compile;
mod encode;
mod mapping;
mod prescan;
mod select;
#[cfg(test)]
mod tests;
mod well_known;

#[cfg(doc)]
use crate::schema::expand::MAX_NESTING;
use crate::schema::expand::{Expansion, SchemaError};
use compile::compile;
use mapping::expand_message;
use select::select_message;

/// The most files (the root and its imports, bundled well-known types not counted) one
/// schema may pull in. protox follows imports recursively, so this also bounds its stack.
pub const MAX_PROTO_FILES: usize = 256;

/// The deepest bracket nesting (`{`, `<`, `[`, `(` together) accepted in `.proto` text.
/// protox caps message nesting at 31 levels itself, but option values written in text
/// format (`option (x) = { a { b { … } } }`) are parsed recursively without a cap, and a
/// debug build spends about 20 KiB of stack per level there (measured: about 95 levels
/// exhaust a 2 MiB thread).
pub const MAX_BRACKET_DEPTH: usize = 48;

/// The most components a dotted name (a package, a type reference, an option name) may
/// have in `.proto` text. protox keeps every prefix of a package as a scope, so a package
/// of n components costs it O(n²) memory.
pub const MAX_NAME_COMPONENTS: usize = 100;

/// The longest dotted name (dots included), or single identifier, accepted in `.proto`
/// text, in bytes. Every full name repeats its package and enclosing messages, so long
/// names multiply the memory protox needs.
pub const MAX_NAME_LENGTH: usize = 1024;

/// The most Arrow fields (at every level together) one message may expand into.
pub const MAX_EXPANDED_FIELDS: usize = 50_000;
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
///   [`MAX_PROTO_FILES`] or [`MAX_EXPANDED_FIELDS`], or a name beyond
///   [`MAX_NAME_COMPONENTS`] or [`MAX_NAME_LENGTH`].
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
