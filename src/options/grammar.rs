//! The value grammar (placeholder).
