//! A fast hasher for the walker's node identities (addresses of nodes of the parsed
//! document). SipHash, the default, was a tenth of the instructions of an expansion; these
//! keys are addresses the reader chose, not text the user chose, so a multiplicative hash
//! cannot be steered into collisions by the schema's author.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing of machine words (the scheme of rustc's `FxHasher`).
#[derive(Default, Clone, Copy)]
pub(super) struct IdentHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl IdentHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for IdentHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Build = BuildHasherDefault<IdentHasher>;
/// A set of node identities.
pub(super) type IdentSet = HashSet<usize, Build>;
/// A map keyed by node identities.
pub(super) type IdentMap<K, V> = HashMap<K, V, Build>;
