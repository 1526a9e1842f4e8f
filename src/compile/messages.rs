//! Shared diagnostic builders.
