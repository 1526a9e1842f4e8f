//! Option specs: the catalogue entry of one option a connector, a format or the compiler
//! reads.
//!
//! A spec *decides*: reading an option through its spec (the typed pulls of
//! [`ConnectorOptions`](super::ConnectorOptions)) applies its typed default, its numeric
//! range, its allowed values, its applies-to set, its condition and its required-ness, for
//! built-in and third-party connectors alike. Unknown-key suggestions, the docs and the
//! catalogue-derived tests come from the same data, so docs, defaults and validation
//! cannot drift apart.

use std::fmt;
use std::time::Duration;

use crate::connection_type::ConnectionType;

/// What kind of value an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionKind {
    /// A quoted string (never empty).
    String,
    /// `true` / `false` (or `'true'`, `'yes'`, …).
    Bool,
    /// A non-negative integer.
    Unsigned,
    /// An integer greater than zero.
    NonZero,
    /// A signed integer.
    Signed,
    /// A finite floating-point number greater than zero (a rate, a run time).
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
    pub(crate) fn describe(self) -> String {
        match self {
            OptionKind::String => "string".into(),
            OptionKind::Bool => "boolean".into(),
            OptionKind::Unsigned => "unsigned integer".into(),
            OptionKind::NonZero => "integer > 0".into(),
            OptionKind::Signed => "integer".into(),
            OptionKind::Float => "number > 0".into(),
            OptionKind::Duration => "duration".into(),
            OptionKind::DataSize => "data size".into(),
            OptionKind::Enum(values) => format!("one of {}", quoted_list(values)),
            OptionKind::FieldRef => "column name".into(),
            OptionKind::List => "list".into(),
            OptionKind::Map => "`k=v` map".into(),
            OptionKind::Prefix => "prefix family".into(),
        }
    }
}

/// `` `a`, `b`, `c` `` — values as messages and docs list them.
pub(crate) fn quoted_list(values: &[&str]) -> String {
    let v: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    v.join(", ")
}

/// The connection types an option applies to (a set of source, sink and lookup).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppliesTo(u8);

impl AppliesTo {
    /// Every table of the connector.
    pub const ANY: AppliesTo = AppliesTo(0b111);
    /// Sources only.
    pub const SOURCE: AppliesTo = AppliesTo(0b001);
    /// Sinks only.
    pub const SINK: AppliesTo = AppliesTo(0b010);
    /// Lookup tables only.
    pub const LOOKUP: AppliesTo = AppliesTo(0b100);
    /// No connection type (a connector spec before its roles are set).
    pub(crate) const NONE: AppliesTo = AppliesTo(0);

    /// The set as bits: source 1, sink 2, lookup 4.
    pub(crate) const fn bits(self) -> u8 {
        self.0
    }

    /// How many connection types the set holds.
    pub(crate) const fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether the set is empty.
    pub(crate) const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Both sets.
    pub const fn or(self, other: AppliesTo) -> AppliesTo {
        AppliesTo(self.0 | other.0)
    }

    fn bit(ct: ConnectionType) -> u8 {
        match ct {
            ConnectionType::Source => 0b001,
            ConnectionType::Sink => 0b010,
            ConnectionType::Lookup => 0b100,
        }
    }

    /// Whether a table of type `ct` reads the option.
    pub fn contains(self, ct: ConnectionType) -> bool {
        self.0 & Self::bit(ct) != 0
    }

    /// Whether it applies to every connection type.
    pub(crate) fn is_any(self) -> bool {
        self == Self::ANY
    }

    /// "sources", "sinks and lookup tables", … for messages and docs.
    pub(crate) fn describe(self) -> String {
        let names: Vec<&str> = [
            (ConnectionType::Source, "sources"),
            (ConnectionType::Sink, "sinks"),
            (ConnectionType::Lookup, "lookup tables"),
        ]
        .into_iter()
        .filter(|(ct, _)| self.contains(*ct))
        .map(|(_, n)| n)
        .collect();
        names.join(" and ")
    }
}

/// A typed default, applied by the typed pulls when the option is not written.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum DefaultValue {
    /// For [`OptionKind::Bool`].
    Bool(bool),
    /// For the integer kinds.
    Int(i64),
    /// For [`OptionKind::Float`].
    Float(f64),
    /// For [`OptionKind::String`], [`OptionKind::Enum`] and [`OptionKind::FieldRef`].
    Str(&'static str),
    /// For [`OptionKind::Duration`].
    Duration(Duration),
    /// For [`OptionKind::DataSize`], in bytes.
    Bytes(u64),
    /// For [`OptionKind::List`].
    List(&'static [&'static str]),
}

impl DefaultValue {
    /// The default written as an option value in SQL, e.g. `'latest'`, `30`, `'1500ms'`.
    pub fn to_sql(&self) -> String {
        match self {
            DefaultValue::Bool(b) => b.to_string(),
            DefaultValue::Int(i) => i.to_string(),
            DefaultValue::Float(f) => format!("{f:?}"),
            DefaultValue::Str(s) => format!("'{}'", s.replace('\'', "''")),
            DefaultValue::Duration(d) => {
                format!("'{}'", super::grammar::format_duration(*d))
            }
            DefaultValue::Bytes(b) => format!("'{b}'"),
            DefaultValue::List(items) => format!("'{}'", items.join(",")),
        }
    }
}

impl fmt::Display for DefaultValue {
    /// The default as the docs show it, e.g. `latest`, `30`, `5s`, `64 MiB`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultValue::Bool(b) => write!(f, "{b}"),
            DefaultValue::Int(i) => write!(f, "{i}"),
            DefaultValue::Float(x) => write!(f, "{x}"),
            DefaultValue::Str(s) => f.write_str(s),
            DefaultValue::Duration(d) => f.write_str(&super::grammar::format_duration(*d)),
            DefaultValue::Bytes(b) => f.write_str(&super::grammar::format_data_size(*b)),
            DefaultValue::List(items) => f.write_str(&items.join(", ")),
        }
    }
}

/// An option that only means something when another option has one of some values, e.g.
/// `auth.username` when `auth.type = 'sasl'`, or — with no values — when another option is
/// written at all, e.g. `schema_registry.api_key` when `schema_registry.endpoint` is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The other option's key.
    pub key: &'static str,
    /// The values (case-insensitive) under which this option applies; empty for "when
    /// the other option is written".
    pub values: &'static [&'static str],
}

impl Condition {
    /// "`auth.type = 'sasl'`" or "`auth.type` is one of `a`, `b`".
    pub fn describe(&self) -> String {
        match self.values {
            [] => format!("`{}` is set", self.key),
            [one] => format!("`{} = '{one}'`", self.key),
            many => format!("`{}` is one of {}", self.key, quoted_list(many)),
        }
    }
}

/// The catalogue entry of one option.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct OptionSpec {
    /// The key, e.g. `source.offset` (for [`OptionKind::Prefix`], the prefix, e.g. `storage.`).
    pub key: &'static str,
    /// The kind of value, with the allowed values of an enum.
    pub kind: OptionKind,
    /// Whether the option must be set (where it applies: see `applies` and `condition`).
    pub required: bool,
    /// The value used when the option is not written.
    pub default: Option<DefaultValue>,
    /// Inclusive bounds of an integer option.
    pub range: Option<(i64, i64)>,
    /// Whether the value is a secret (redacted in every output).
    pub sensitive: bool,
    /// Which connection types read it.
    pub applies: AppliesTo,
    /// Whether a table of another type may carry it with only a warning (Arroyo accepts
    /// the compiler's own table options everywhere); otherwise it is an error.
    pub lenient: bool,
    /// The option only applies when another option has one of some values.
    pub condition: Option<Condition>,
    /// Old keys that still work, with a deprecation warning.
    pub aliases: &'static [&'static str],
    /// One line of documentation.
    pub doc: &'static str,
}

impl OptionSpec {
    /// A spec with `key` and `kind`: optional, no default, for every connection type.
    pub const fn new(key: &'static str, kind: OptionKind) -> Self {
        OptionSpec {
            key,
            kind,
            required: false,
            default: None,
            range: None,
            sensitive: false,
            applies: AppliesTo::ANY,
            lenient: false,
            condition: None,
            aliases: &[],
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

    /// Marks the option required where it applies.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Sets the typed default.
    pub const fn default(mut self, d: DefaultValue) -> Self {
        self.default = Some(d);
        self
    }

    /// A string or enum default.
    pub const fn default_str(self, d: &'static str) -> Self {
        self.default(DefaultValue::Str(d))
    }

    /// An integer default.
    pub const fn default_int(self, d: i64) -> Self {
        self.default(DefaultValue::Int(d))
    }

    /// A boolean default.
    pub const fn default_bool(self, d: bool) -> Self {
        self.default(DefaultValue::Bool(d))
    }

    /// A duration default.
    pub const fn default_duration(self, d: Duration) -> Self {
        self.default(DefaultValue::Duration(d))
    }

    /// Inclusive bounds of an integer option.
    pub const fn range(mut self, min: i64, max: i64) -> Self {
        self.range = Some((min, max));
        self
    }

    /// Marks the value secret.
    pub const fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Restricts the option to some connection types.
    pub const fn applies_to(mut self, applies: AppliesTo) -> Self {
        self.applies = applies;
        self
    }

    /// Restricts the option to sources.
    pub const fn source_only(self) -> Self {
        self.applies_to(AppliesTo::SOURCE)
    }

    /// Restricts the option to sinks.
    pub const fn sink_only(self) -> Self {
        self.applies_to(AppliesTo::SINK)
    }

    /// Restricts the option to lookup tables.
    pub const fn lookup_only(self) -> Self {
        self.applies_to(AppliesTo::LOOKUP)
    }

    /// On a table it does not apply to, the option is a warning rather than an error.
    pub const fn lenient(mut self) -> Self {
        self.lenient = true;
        self
    }

    /// The option only applies when option `key` has one of `values`.
    pub const fn when(mut self, key: &'static str, values: &'static [&'static str]) -> Self {
        self.condition = Some(Condition { key, values });
        self
    }

    /// The option only applies when option `key` is written (whatever its value).
    pub const fn when_set(self, key: &'static str) -> Self {
        self.when(key, &[])
    }

    /// Old keys that still work, with a deprecation warning.
    pub const fn aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
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

    /// The kind, range, condition and applies-to of the option in a few words, for docs
    /// and hovers, e.g. "integer (-1 to 100), sources, when `auth.type = 'sasl'`".
    pub fn describe(&self) -> String {
        let mut s = self.kind.describe();
        if let Some((min, max)) = self.range {
            if max == i64::MAX {
                s.push_str(&format!(" (at least {min})"));
            } else {
                s.push_str(&format!(" ({min} to {max})"));
            }
        }
        if let Some(c) = &self.condition {
            s.push_str(&format!(", when {}", c.describe()));
        }
        s
    }
}

/// Declares option specs as a table, one option per line:
///
/// ```ignore
/// option_specs! {
///     pub(crate) TOPIC = string("topic").required().doc("The topic to read or write.");
///     pub(crate) OFFSET = one_of("source.offset", &["earliest", "latest"]).default_str("latest").source_only().doc("…");
/// }
/// ```
///
/// Each line is `VISIBILITY NAME = constructor(args).builder(args)…;` over [`OptionSpec`]'s
/// `const` constructors and builders: the catalogue reads as data, not as builder code.
/// Wrapped in `LIST = [ … ]`, the block also defines `const LIST: &[OptionSpec]` holding
/// its specs in order.
macro_rules! option_specs {
    ($lvis:vis $list:ident = [ $( $vis:vis $name:ident = $ctor:ident ( $($arg:expr),* $(,)? ) $( . $m:ident ( $($marg:expr),* $(,)? ) )* ; )* ]) => {
        $crate::options::option_specs! { $( $vis $name = $ctor($($arg),*) $(.$m($($marg),*))* ; )* }
        $lvis const $list: &[$crate::options::OptionSpec] = &[$($name),*];
    };
    ($( $vis:vis $name:ident = $ctor:ident ( $($arg:expr),* $(,)? ) $( . $m:ident ( $($marg:expr),* $(,)? ) )* ; )*) => {
        $(
            $vis const $name: $crate::options::OptionSpec =
                $crate::options::OptionSpec::$ctor($($arg),*)$(.$m($($marg),*))*;
        )*
    };
}
pub(crate) use option_specs;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_to_sets() {
        let s = AppliesTo::SINK.or(AppliesTo::LOOKUP);
        assert!(s.contains(ConnectionType::Sink));
        assert!(s.contains(ConnectionType::Lookup));
        assert!(!s.contains(ConnectionType::Source));
        assert_eq!(s.describe(), "sinks and lookup tables");
        assert!(AppliesTo::ANY.is_any());
    }

    #[test]
    fn defaults_print_as_sql_that_parses_back() {
        use crate::options::{grammar, Value};
        let d = DefaultValue::Duration(Duration::from_millis(1500));
        let sql = d.to_sql();
        let inner = sql.trim_matches('\'').to_string();
        assert_eq!(
            grammar::duration(&Value::String(inner)).ok(),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(DefaultValue::Str("it's").to_sql(), "'it''s'");
        assert_eq!(DefaultValue::Int(-1).to_sql(), "-1");
        assert_eq!(DefaultValue::List(&["a", "b"]).to_sql(), "'a,b'");
    }

    #[test]
    fn describe_mentions_range_and_condition() {
        const S: OptionSpec = OptionSpec::new("n", OptionKind::Signed)
            .range(-1, 100)
            .when("auth.type", &["sasl"]);
        assert_eq!(
            S.describe(),
            "integer (-1 to 100), when `auth.type = 'sasl'`"
        );
    }
}
