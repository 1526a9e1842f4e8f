//! Maps and sets keyed by the walker's node identities (addresses of nodes of the parsed
//! document). SipHash, the default, was a tenth of the instructions of an expansion; these
//! keys are addresses the reader chose, not text the user chose, so FxHash's multiplicative
//! hash cannot be steered into collisions by the schema's author.

/// A set of node identities.
pub(super) type IdentSet = rustc_hash::FxHashSet<usize>;
/// A map keyed by node identities.
pub(super) type IdentMap<K, V> = rustc_hash::FxHashMap<K, V>;
