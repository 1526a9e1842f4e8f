//! Option specs: one `const` per option a connector or format reads.
//!
//! A spec is the single place that knows an option's key, kind, default and whether it
//! is secret; pulls go through it, unknown-key suggestions come from it, and
//! `docs/connectors.md` is rendered from it, so docs, defaults and validation cannot drift.

/// What kind of value an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// A quoted string.
    String,
    /// `true` / `false` (or `'true'`, `'yes'`, …).
    Bool,
    /// A non-negative integer.
    Unsigned,
    /// An integer greater than zero.
    NonZero,
    /// A signed integer.
    Signed,
    /// A finite floating-point number.
    Float,
    /// A duration: `INTERVAL '10' SECOND` or `'10s'`.
    Duration,
    /// A data size: `'64mb'`.
    DataSize,
    /// One of a fixed set of values (matched case-insensitively).
    Enum(&'static [&'static str]),
    /// A column name: `event_time_field = ts`.
    FieldRef,
    /// A list: `ARRAY['a', 'b']` or `'a,b'`.
    List,
    /// A `'k1=v1,k2=v2'` map.
    Map,
    /// Every key that starts with this spec's key (a prefix family such as `storage.`).
    Prefix,
}

impl OptionKind {
    /// How the kind is described in docs and messages.
    pub fn describe(self) -> String {
        match self {
            OptionKind::String => "string".into(),
            OptionKind::Bool => "boolean".into(),
            OptionKind::Unsigned => "unsigned integer".into(),
            OptionKind::NonZero => "integer > 0".into(),
            OptionKind::Signed => "integer".into(),
            OptionKind::Float => "number".into(),
            OptionKind::Duration => "duration".into(),
            OptionKind::DataSize => "data size".into(),
            OptionKind::Enum(values) => {
                let v: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                format!("one of {}", v.join(", "))
            }
            OptionKind::FieldRef => "column name".into(),
            OptionKind::List => "list".into(),
            OptionKind::Map => "`k=v` map".into(),
            OptionKind::Prefix => "prefix family".into(),
        }
    }
}

/// Which connection types an option applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppliesTo {
    /// Every table of the connector.
    Any,
    /// Sources only.
    Source,
    /// Sinks only.
    Sink,
    /// Lookup tables only.
    Lookup,
}

/// One option a connector, a format or the compiler reads.
#[derive(Clone, Copy, Debug)]
pub struct OptionSpec {
    /// The key, e.g. `source.offset` (for [`OptionKind::Prefix`], the prefix, e.g. `storage.`).
    pub key: &'static str,
    /// The kind of value.
    pub kind: OptionKind,
    /// Whether the option must be set.
    pub required: bool,
    /// The default, as documentation text.
    pub default: Option<&'static str>,
    /// Whether the value is a secret (never printed).
    pub sensitive: bool,
    /// Which connection types read it.
    pub applies: AppliesTo,
    /// One line of documentation.
    pub doc: &'static str,
}

impl OptionSpec {
    /// A spec with `key` and `kind`, optional, for every connection type.
    pub const fn new(key: &'static str, kind: OptionKind) -> Self {
        OptionSpec {
            key,
            kind,
            required: false,
            default: None,
            sensitive: false,
            applies: AppliesTo::Any,
            doc: "",
        }
    }

    /// A string option.
    pub const fn string(key: &'static str) -> Self {
        Self::new(key, OptionKind::String)
    }

    /// A boolean option.
    pub const fn bool(key: &'static str) -> Self {
        Self::new(key, OptionKind::Bool)
    }

    /// An enum option.
    pub const fn one_of(key: &'static str, values: &'static [&'static str]) -> Self {
        Self::new(key, OptionKind::Enum(values))
    }

    /// Marks the option required.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Sets the documented default.
    pub const fn default(mut self, d: &'static str) -> Self {
        self.default = Some(d);
        self
    }

    /// Marks the value secret.
    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Restricts the option to sources.
    pub const fn source_only(mut self) -> Self {
        self.applies = AppliesTo::Source;
        self
    }

    /// Restricts the option to sinks.
    pub const fn sink_only(mut self) -> Self {
        self.applies = AppliesTo::Sink;
        self
    }

    /// Restricts the option to lookup tables.
    pub const fn lookup_only(mut self) -> Self {
        self.applies = AppliesTo::Lookup;
        self
    }

    /// Sets the documentation line.
    pub const fn doc(mut self, doc: &'static str) -> Self {
        self.doc = doc;
        self
    }

    /// Whether `key` is read by this spec (exactly, or under its prefix).
    pub fn matches(&self, key: &str) -> bool {
        match self.kind {
            OptionKind::Prefix => key.starts_with(self.key) && key.len() > self.key.len(),
            _ => key == self.key,
        }
    }
}
