//! What a resolver (profiles, schema files, registry subjects) answers when it has no
//! text to give.

/// Why a [`crate::profile::ProfileResolver`] or a
/// [`crate::schema::definition::SchemaResolver`] gave nothing back. The compiler tells the
/// three apart in its diagnostics: a missing profile or subject is the DDL's mistake; an
/// unreachable store is not, and says so.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// There is no such profile, file or subject (`profile::not_found`,
    /// `schema::not_found`).
    #[error("not found")]
    NotFound,
    /// The store could not be asked — a timeout, a refused connection, an I/O error — so
    /// whether it exists is unknown (`profile::unavailable`, `schema::unavailable`). The
    /// text says what failed.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The store answered with something unusable — a corrupt or unreadable entry
    /// (`profile::invalid`, `schema::invalid`). The text says what is wrong.
    #[error("invalid: {0}")]
    Invalid(String),
}
