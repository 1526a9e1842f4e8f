//! What a connection table was built from, as written: its WITH options before defaults
//! and redaction, and its declared columns. The storage form (`crate::stored`) rebuilds
//! the table from these, so it needs them as the user wrote them, not as compiled.

use std::fmt;

use arrow_schema::Field;

use crate::options::Value;
use crate::span::Spanned;

/// The options (secret values included; `connector` left out) and declared columns of a
/// connection table. `Debug` shows the option keys only, so no secret can leak through it.
#[derive(Clone, Default)]
pub(crate) struct Written {
    /// The WITH options in the order written.
    pub(crate) options: Vec<(String, Value)>,
    /// The declared columns (physical, metadata and generated), before any schema
    /// definition, fixed schema or connector adjusted them; `None` when they are the
    /// table's fields as compiled (most tables), so they are not kept twice.
    columns: Option<Vec<Field>>,
}

impl Written {
    /// Keeps `entries` (a table's options) and `columns` (its declared columns), given
    /// `fields`, the table's fields as compiled.
    pub(crate) fn new(
        entries: Vec<(Spanned<String>, Spanned<Value>)>,
        mut columns: Vec<Field>,
        fields: &[Field],
    ) -> Self {
        // Exact capacities: these live as long as the table, and collecting in place
        // from the larger entries would keep their whole allocation.
        let mut options = Vec::with_capacity(entries.len());
        options.extend(entries.into_iter().map(|(k, v)| (k.node, v.node)));
        let columns = (columns != fields).then(|| {
            columns.shrink_to_fit();
            columns
        });
        Written { options, columns }
    }

    /// The declared columns, given `fields`, the table's fields as compiled.
    pub(crate) fn columns<'a>(&'a self, fields: &'a [Field]) -> &'a [Field] {
        self.columns.as_deref().unwrap_or(fields)
    }
}

impl fmt::Debug for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Written")
            .field(
                "options",
                &self.options.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("columns", &self.columns.as_ref().map(Vec::len))
            .finish()
    }
}
