//! Table and profile configs in Arroyo's stored shapes, to and from our flat option maps.
