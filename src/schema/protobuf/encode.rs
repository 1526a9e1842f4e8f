//! The encoded `FileDescriptorSet` of a compiled pool, without source info.
//!
//! protox's `encode_file_descriptor_set` without source info decodes every file into a
//! reflective `DynamicMessage`, clears one field and encodes it again; on the corpus that was
//! half of all the time spent expanding a schema. The pool already holds each file's
//! descriptor with its extension options intact, so this encodes each file once and drops
//! the top-level `source_code_info` field (number 9) from the bytes as they are copied.

use prost_reflect::DescriptorPool;

/// `FileDescriptorProto.source_code_info`.
const SOURCE_CODE_INFO: u64 = 9;
/// `FileDescriptorSet.file`, length-delimited: tag `(1 << 3) | 2`.
const FILE_TAG: u8 = 0x0A;

/// Every file of `pool`, in the pool's order (dependencies first), as one encoded
/// `FileDescriptorSet` without source info. `None` if a file's bytes do not scan as the
/// protobuf wire format (they always should; the caller then falls back to protox).
pub(super) fn encode_without_source_info(pool: &DescriptorPool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut file = Vec::new();
    for descriptor in pool.files() {
        let raw = descriptor.encode_to_vec();
        file.clear();
        strip_field(&raw, SOURCE_CODE_INFO, &mut file)?;
        out.push(FILE_TAG);
        put_varint(&mut out, file.len() as u64);
        out.extend_from_slice(&file);
    }
    Some(out)
}

/// Copies the top-level fields of the message `bytes` into `out`, except those numbered
/// `skip`.
fn strip_field(bytes: &[u8], skip: u64, out: &mut Vec<u8>) -> Option<()> {
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let key = varint(bytes, &mut at)?;
        match key & 7 {
            0 => {
                varint(bytes, &mut at)?;
            }
            1 => at = at.checked_add(8)?,
            2 => {
                let len = usize::try_from(varint(bytes, &mut at)?).ok()?;
                at = at.checked_add(len)?;
            }
            5 => at = at.checked_add(4)?,
            // Groups never appear at the top level of a descriptor.
            _ => return None,
        }
        let field = bytes.get(start..at)?;
        if key >> 3 != skip {
            out.extend_from_slice(field);
        }
    }
    Some(())
}

/// Reads a base-128 varint at `*at`, advancing past it.
fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(value);
        }
    }
    None
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A root that imports a well-known type and carries a custom (extension) option.
    const ROOT: &str = r#"syntax = "proto3";
package shop;
import "google/protobuf/descriptor.proto";
import "google/protobuf/timestamp.proto";
extend google.protobuf.FieldOptions { string label = 50001; }
// A comment, so the source info is not empty.
message Order {
  string id = 1 [(label) = "key"];
  google.protobuf.Timestamp at = 2;
}
"#;

    struct One;

    impl protox::file::FileResolver for One {
        fn open_file(&self, name: &str) -> Result<protox::file::File, protox::Error> {
            if name == "shop.proto" {
                protox::file::File::from_source(name, ROOT)
            } else {
                Err(protox::Error::file_not_found(name))
            }
        }
    }

    #[test]
    fn same_bytes_as_protox_without_source_info() {
        let mut resolver = protox::file::ChainFileResolver::new();
        resolver.add(One);
        resolver.add(protox::file::GoogleFileResolver::new());
        let mut compiler = protox::Compiler::with_file_resolver(resolver);
        compiler.include_imports(true).include_source_info(false);
        compiler.open_file("shop.proto").unwrap();
        let ours = encode_without_source_info(&compiler.descriptor_pool()).unwrap();
        assert_eq!(ours, compiler.encode_file_descriptor_set());
        // And the pool did hold source info to drop.
        assert!(compiler.descriptor_pool().encode_to_vec().len() > ours.len());
    }

    #[test]
    fn varints_round_trip() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut buf = Vec::new();
            put_varint(&mut buf, v);
            let mut at = 0;
            assert_eq!(varint(&buf, &mut at), Some(v));
            assert_eq!(at, buf.len());
        }
    }

    #[test]
    fn strips_only_the_named_field() {
        // field 1 (string "a"), field 9 (bytes "xy"), field 3 (varint 5)
        let msg = [0x0A, 1, b'a', 0x4A, 2, b'x', b'y', 0x18, 5];
        let mut out = Vec::new();
        assert_eq!(strip_field(&msg, 9, &mut out), Some(()));
        assert_eq!(out, [0x0A, 1, b'a', 0x18, 5]);
    }

    #[test]
    fn truncated_input_is_refused() {
        let mut out = Vec::new();
        assert_eq!(strip_field(&[0x0A, 5, b'a'], 9, &mut out), None);
        assert_eq!(strip_field(&[0x80], 9, &mut out), None);
    }
}
