//! The connector API: the typed [`Connector`] trait third parties implement, the
//! [`ConnectorSpec`] each connector declares, its object-safe twin [`ErasedConnector`], and
//! the [`Registry`].
//!
//! **API boundary:** a connector is data plus the code that is really its own. The data —
//! name, capabilities, formats, metadata columns, every option with its default, range,
//! allowed values, applies-to and sensitivity — is one `const` [`ConnectorSpec`]; the
//! compiler enforces all of it. The code turns the options into typed configs. The erased
//! twin is implemented for every connector by a blanket impl and sealed, so the compiler can
//! keep connectors of different config types in one map.

use std::any::Any;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use arrow_schema::{DataType, Field};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use crate::connection_type::ConnectionType;
use crate::options::{AppliesTo, ConnectorOptions, OptionSpec};
pub use crate::parse::ast::SqlExpr;
use crate::schema::format::Format;
use crate::schema::ConnectionSchema;
use crate::span::Spanned;

/// How a connector treats the `format` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatRule {
    /// A format must be set.
    Required,
    /// A format may be set.
    Optional,
    /// The connector has a fixed encoding; a format is accepted (as Arroyo does) but has
    /// no effect, with a warning.
    Ignored,
}

/// Which formats a connector carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Formats {
    /// Whether `format` is required, optional or ignored.
    pub rule: FormatRule,
    /// The formats it can carry.
    pub allowed: &'static [&'static str],
}

impl Formats {
    /// A connector with a fixed encoding (demo sources, blackhole): `format` is accepted as
    /// Arroyo does, with a warning that it has no effect.
    pub const FIXED: Formats = Formats {
        rule: FormatRule::Ignored,
        allowed: &[],
    };

    /// A connector that needs one of `allowed`.
    pub const fn required(allowed: &'static [&'static str]) -> Formats {
        Formats {
            rule: FormatRule::Required,
            allowed,
        }
    }

    /// A connector that may carry one of `allowed`.
    pub const fn optional(allowed: &'static [&'static str]) -> Formats {
        Formats {
            rule: FormatRule::Optional,
            allowed,
        }
    }
}

/// Formats a message-oriented connector carries (everything but Parquet).
pub const MESSAGE_FORMATS: &[&str] = &[
    "json",
    "debezium_json",
    "avro",
    "protobuf",
    "raw_string",
    "raw_bytes",
];

/// A metadata column a connector provides: `col TYPE METADATA FROM 'key'`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MetadataDef {
    /// The key in `METADATA FROM '…'`.
    pub key: &'static str,
    /// The Arrow type the column must have.
    pub data_type: DataType,
    /// What the value is.
    pub doc: &'static str,
}

impl MetadataDef {
    /// Metadata key `key`, of Arrow type `data_type`.
    pub const fn new(key: &'static str, data_type: DataType, doc: &'static str) -> Self {
        MetadataDef {
            key,
            data_type,
            doc,
        }
    }
}

/// A minimal table of a connector, as the catalogue-derived tests and the docs use it:
/// `CREATE [TEMPORARY] TABLE t (<columns>) WITH (connector = '<name>', <options>)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Example {
    /// `CREATE TEMPORARY TABLE` (a lookup table).
    pub temporary: bool,
    /// The column list, e.g. `id BIGINT, name TEXT`; empty for none.
    pub columns: &'static str,
    /// The options besides `connector`: key and SQL value text, e.g. `("topic", "'t'")`.
    pub options: &'static [(&'static str, &'static str)],
}

impl Example {
    /// `CREATE TABLE t (<columns>) WITH (connector = …, <options>)`.
    pub const fn new(
        columns: &'static str,
        options: &'static [(&'static str, &'static str)],
    ) -> Self {
        Example {
            temporary: false,
            columns,
            options,
        }
    }

    /// The same, as `CREATE TEMPORARY TABLE` (a lookup table).
    pub const fn temporary(mut self) -> Self {
        self.temporary = true;
        self
    }
}

/// What a connector is, declared once: the data the compiler, the docs, `ddlc --connectors`
/// and the catalogue-derived tests read.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ConnectorSpec {
    /// The name used in `connector = '…'`.
    pub name: &'static str,
    /// Human name, e.g. "Kafka".
    pub display_name: &'static str,
    /// One line about what it does.
    pub description: &'static str,
    /// The connection types its tables can have.
    pub roles: AppliesTo,
    /// Whether a table says which with a `type` option (when false, the connector has one
    /// role and a `type` option is an error).
    pub type_option: bool,
    /// Whether its sinks read `PARTITIONED BY` (table-format sinks).
    pub partitioned: bool,
    /// Whether it is a file sink that partitions with `partitioning.*` options.
    pub partitions_by_options: bool,
    /// Whether it can write compressed JSON (`json.compression`).
    pub compressed_json: bool,
    /// Which formats it carries.
    pub formats: Formats,
    /// Metadata columns it provides.
    pub metadata: &'static [MetadataDef],
    /// Options that form the connection profile (WITH clause or a connection profile).
    pub profile_options: &'static [OptionSpec],
    /// Options of one table.
    pub table_options: &'static [OptionSpec],
    /// Other systems' names for its options (`foreign`, `ours`), e.g. Flink's
    /// `properties.bootstrap.servers`: such a key gets a message naming ours.
    pub foreign_options: &'static [(&'static str, &'static str)],
    /// Minimal valid tables, one for each role at least.
    pub examples: &'static [Example],
}

/// The key of the compiler's `type` option (source, sink or lookup).
pub(crate) const TYPE_KEY: &str = "type";

/// The `type` spec for each set of roles (indexed by the set's bits).
const TYPE_SPECS: [OptionSpec; 8] = {
    const fn spec(values: &'static [&'static str], doc: &'static str) -> OptionSpec {
        OptionSpec::one_of(TYPE_KEY, values).required().doc(doc)
    }
    [
        spec(&[], ""),
        spec(&["source"], "Always `source`: these tables can only be read."),
        spec(&["sink"], "Always `sink`: these tables can only be written."),
        spec(
            &["source", "sink"],
            "Whether the table reads (`source`) or writes (`sink`).",
        ),
        spec(
            &["lookup"],
            "Always `lookup` (implied by `CREATE TEMPORARY TABLE`).",
        ),
        spec(
            &["source", "lookup"],
            "Whether the table reads (`source`) or is looked up by key (`lookup`, implied by `CREATE TEMPORARY TABLE`).",
        ),
        spec(
            &["sink", "lookup"],
            "Whether the table writes (`sink`) or is looked up by key (`lookup`, implied by `CREATE TEMPORARY TABLE`).",
        ),
        spec(
            &["source", "sink", "lookup"],
            "Whether the table reads (`source`), writes (`sink`) or is looked up by key (`lookup`, implied by `CREATE TEMPORARY TABLE`).",
        ),
    ]
};

impl ConnectorSpec {
    /// A connector called `name` with no roles, formats or options yet.
    pub const fn new(
        name: &'static str,
        display_name: &'static str,
        description: &'static str,
    ) -> Self {
        ConnectorSpec {
            name,
            display_name,
            description,
            roles: AppliesTo::NONE,
            type_option: false,
            partitioned: false,
            partitions_by_options: false,
            compressed_json: false,
            formats: Formats::FIXED,
            metadata: &[],
            profile_options: &[],
            table_options: &[],
            foreign_options: &[],
            examples: &[],
        }
    }

    /// Its tables can have these connection types; with more than one, tables say which
    /// with a `type` option.
    pub const fn roles(mut self, roles: AppliesTo) -> Self {
        self.roles = roles;
        self.type_option = roles.len() > 1;
        self
    }

    /// Tables say `type = '…'` even though the connector has one role (as Arroyo's
    /// single-role connectors that take `type` do).
    pub const fn type_option(mut self) -> Self {
        self.type_option = true;
        self
    }

    /// Sinks read `PARTITIONED BY`.
    pub const fn partitioned(mut self) -> Self {
        self.partitioned = true;
        self
    }

    /// Sinks partition with `partitioning.*` options rather than `PARTITIONED BY`.
    pub const fn partitions_by_options(mut self) -> Self {
        self.partitions_by_options = true;
        self
    }

    /// It can write compressed JSON (`json.compression`).
    pub const fn compressed_json(mut self) -> Self {
        self.compressed_json = true;
        self
    }

    /// The formats it carries.
    pub const fn formats(mut self, formats: Formats) -> Self {
        self.formats = formats;
        self
    }

    /// The metadata columns it provides.
    pub const fn metadata(mut self, metadata: &'static [MetadataDef]) -> Self {
        self.metadata = metadata;
        self
    }

    /// The profile options.
    pub const fn profile_options(mut self, options: &'static [OptionSpec]) -> Self {
        self.profile_options = options;
        self
    }

    /// The table options.
    pub const fn table_options(mut self, options: &'static [OptionSpec]) -> Self {
        self.table_options = options;
        self
    }

    /// Other systems' names for its options.
    pub const fn foreign_options(
        mut self,
        options: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.foreign_options = options;
        self
    }

    /// Minimal valid tables.
    pub const fn examples(mut self, examples: &'static [Example]) -> Self {
        self.examples = examples;
        self
    }

    /// Whether it has a connection profile (and so accepts `connection_profile`).
    pub fn has_profile(&self) -> bool {
        !self.profile_options.is_empty()
    }

    /// Whether a table can have connection type `ct`.
    pub fn can_be(&self, ct: ConnectionType) -> bool {
        self.roles.contains(ct)
    }

    /// The one connection type of a connector without a `type` option.
    pub(crate) fn only_role(&self) -> Option<ConnectionType> {
        let mut roles = ConnectionType::ALL
            .into_iter()
            .filter(|ct| self.roles.contains(*ct));
        match (roles.next(), roles.next()) {
            (Some(ct), None) => Some(ct),
            _ => None,
        }
    }

    /// The `type` option's spec (its allowed values are the connector's roles), when
    /// tables take one.
    pub(crate) fn type_spec(&self) -> Option<&'static OptionSpec> {
        if !self.type_option {
            return None;
        }
        TYPE_SPECS.get(usize::from(self.roles.bits()))
    }

    /// Every option of the connector: profile options, then table options.
    pub fn options(&self) -> impl Iterator<Item = &'static OptionSpec> {
        self.profile_options.iter().chain(self.table_options)
    }
}

/// What a connector sees of the table while reading its options.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TableContext<'a> {
    /// The table name.
    pub name: &'a str,
    /// Source, sink or lookup: from `type`, `CREATE TEMPORARY TABLE`, or the connector's
    /// one role.
    pub connection_type: ConnectionType,
    /// The declared columns (physical, metadata and generated), empty when none were declared.
    pub fields: &'a [Field],
    /// The format, if one was set and valid.
    pub format: Option<&'a Format>,
    /// The generated columns, each with the span of its declaration.
    pub generated: &'a [Spanned<String>],
    /// The `PARTITIONED BY (…)` expressions, if the clause was written.
    pub partitioned_by: Option<&'a Spanned<Vec<SqlExpr>>>,
}

/// A connector: reads its options into typed profile and table configs.
///
/// Implement this for a new connector and add it with [`Registry::register`]. The compiler
/// enforces the catalogue ([`ConnectorSpec`]) before and while the connector reads: the
/// connection type is decided, required options are reported when missing, defaults,
/// ranges and allowed values are applied by the typed pulls, options that do not apply are
/// reported. A connector only turns values into its configs and checks what is really its
/// own; every mistake it finds goes into the [`ConnectorOptions`] it is given, and it
/// carries on, so all mistakes are reported in one pass.
pub trait Connector: Send + Sync + 'static {
    /// Connection settings shared by tables (a Kafka cluster); `()` when there are none.
    type Profile: Serialize
        + DeserializeOwned
        + JsonSchema
        + Clone
        + fmt::Debug
        + Send
        + Sync
        + 'static;
    /// Settings of one table (a topic).
    type Table: Serialize
        + DeserializeOwned
        + JsonSchema
        + Clone
        + fmt::Debug
        + Send
        + Sync
        + 'static;

    /// What the connector is: name, roles, formats, metadata and options.
    fn spec(&self) -> &'static ConnectorSpec;

    /// Reads the profile options.
    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<Self::Profile>;

    /// Reads the table options.
    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        cx: &TableContext<'_>,
    ) -> Option<Self::Table>;

    /// A human-readable description, e.g. `kafka topic 'events'`. Secret option values
    /// are redacted from it by the compiler.
    fn description(&self, profile: &Self::Profile, table: &Self::Table) -> String;

    /// A schema the connector always produces (impulse, nexmark); declared columns must match it.
    fn fixed_schema(&self, _table: &Self::Table) -> Option<Vec<Field>> {
        None
    }

    /// Adjusts the table's fields once they are checked, for connectors that store a type
    /// differently from how it is declared (Delta Lake writes top-level timestamps in
    /// microseconds). The default keeps them as they are.
    fn adjust_fields(&self, _table: &Self::Table, fields: Vec<Field>) -> Vec<Field> {
        fields
    }

    /// The schema-registry subject of the table's values, for formats that read their
    /// schema from a registry (`avro.confluent_schema_registry = true`).
    fn schema_subject(&self, _profile: &Self::Profile, _table: &Self::Table) -> Option<String> {
        None
    }

    /// Checks that need the finished schema (e.g. a sink's key column exists). Reports into `opts`.
    fn check(
        &self,
        _profile: &Self::Profile,
        _table: &Self::Table,
        _schema: &ConnectionSchema,
        _opts: &mut ConnectorOptions,
    ) {
    }
}

type ToJson = fn(&(dyn Any + Send + Sync)) -> serde_json::Value;

/// A typed config behind `dyn Any`. Its canonical JSON is made only when asked for
/// (output is the slow path; compiling should not pay for it), and every string in it that
/// holds a secret option value is redacted, whatever Rust type the connector stored it in.
#[derive(Clone)]
pub struct ErasedValue {
    typed: Arc<dyn Any + Send + Sync>,
    to_json: ToJson,
    secrets: Arc<[String]>,
}

impl ErasedValue {
    fn new<T: Serialize + Send + Sync + 'static>(t: T) -> Self {
        ErasedValue {
            typed: Arc::new(t),
            to_json: |any| {
                any.downcast_ref::<T>()
                    .and_then(|t| serde_json::to_value(t).ok())
                    .unwrap_or(serde_json::Value::Null)
            },
            secrets: Arc::from(Vec::new()),
        }
    }

    /// The same value, with these secret strings redacted from its JSON.
    pub(crate) fn with_secrets(mut self, secrets: Arc<[String]>) -> Self {
        self.secrets = secrets;
        self
    }

    /// The canonical JSON, secrets redacted.
    pub fn json(&self) -> serde_json::Value {
        let mut v = (self.to_json)(self.typed.as_ref());
        // Credentials written inside URLs and settings are redacted whatever the option.
        crate::profile::redact_json(&mut v, &self.secrets);
        v
    }

    /// The typed value, if it is a `T` (with its real secrets: the embedder needs them).
    pub fn downcast_ref<T: 'static>(&self) -> Option<&T> {
        self.typed.downcast_ref::<T>()
    }
}

impl fmt::Debug for ErasedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.json(), f)
    }
}

impl Serialize for ErasedValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.json().serialize(s)
    }
}

/// What the erased connector produces once profile and table are read.
#[derive(Clone, Debug)]
pub(crate) struct ErasedConfig {
    /// The description.
    pub description: String,
    /// The profile, typed and as JSON.
    pub profile: ErasedValue,
    /// The table config, typed and as JSON.
    pub table: ErasedValue,
    /// The connector's fixed schema, if it has one.
    pub fixed_schema: Option<Vec<Field>>,
}

mod sealed {
    pub trait Sealed {}
}

/// Object-safe twin of [`Connector`]; implemented for every connector, never by hand.
#[allow(private_interfaces)]
pub trait ErasedConnector: sealed::Sealed + Send + Sync {
    /// See [`Connector::spec`].
    fn spec(&self) -> &'static ConnectorSpec;
    /// Reads the profile.
    #[doc(hidden)]
    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<ErasedValue>;
    /// Reads the table config.
    #[doc(hidden)]
    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        cx: &TableContext<'_>,
    ) -> Option<ErasedValue>;
    /// Description and fixed schema of a typed profile and table.
    #[doc(hidden)]
    fn configure(&self, profile: &ErasedValue, table: &ErasedValue) -> Option<ErasedConfig>;
    /// Runs [`Connector::check`].
    #[doc(hidden)]
    fn check(&self, config: &ErasedConfig, schema: &ConnectionSchema, opts: &mut ConnectorOptions);
    /// See [`Connector::schema_subject`].
    #[doc(hidden)]
    fn schema_subject(&self, config: &ErasedConfig) -> Option<String>;
    /// See [`Connector::adjust_fields`].
    #[doc(hidden)]
    fn adjust_fields(&self, config: &ErasedConfig, fields: Vec<Field>) -> Vec<Field>;
    /// JSON Schemas of the profile and table configs (from schemars).
    fn config_schemas(&self) -> (serde_json::Value, serde_json::Value);
}

impl<C: Connector> sealed::Sealed for C {}

#[allow(private_interfaces)]
impl<C: Connector> ErasedConnector for C {
    fn spec(&self) -> &'static ConnectorSpec {
        Connector::spec(self)
    }

    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<ErasedValue> {
        Connector::profile_from_options(self, opts).map(ErasedValue::new)
    }

    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        cx: &TableContext<'_>,
    ) -> Option<ErasedValue> {
        Connector::table_from_options(self, opts, cx).map(ErasedValue::new)
    }

    fn configure(&self, profile: &ErasedValue, table: &ErasedValue) -> Option<ErasedConfig> {
        let p = profile.downcast_ref::<C::Profile>()?;
        let t = table.downcast_ref::<C::Table>()?;
        Some(ErasedConfig {
            description: self.description(p, t),
            fixed_schema: self.fixed_schema(t),
            profile: profile.clone(),
            table: table.clone(),
        })
    }

    fn check(&self, config: &ErasedConfig, schema: &ConnectionSchema, opts: &mut ConnectorOptions) {
        if let (Some(p), Some(t)) = (
            config.profile.downcast_ref::<C::Profile>(),
            config.table.downcast_ref::<C::Table>(),
        ) {
            Connector::check(self, p, t, schema, opts);
        }
    }

    fn adjust_fields(&self, config: &ErasedConfig, fields: Vec<Field>) -> Vec<Field> {
        match config.table.downcast_ref::<C::Table>() {
            Some(t) => Connector::adjust_fields(self, t, fields),
            None => fields,
        }
    }

    fn schema_subject(&self, config: &ErasedConfig) -> Option<String> {
        let p = config.profile.downcast_ref::<C::Profile>()?;
        let t = config.table.downcast_ref::<C::Table>()?;
        Connector::schema_subject(self, p, t)
    }

    fn config_schemas(&self) -> (serde_json::Value, serde_json::Value) {
        let p = serde_json::to_value(schemars::schema_for!(C::Profile)).unwrap_or_default();
        let t = serde_json::to_value(schemars::schema_for!(C::Table)).unwrap_or_default();
        (p, t)
    }
}

/// Why a connector could not be registered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// Another connector already has this name.
    #[error("a connector named `{0}` is already registered")]
    NameTaken(String),
    /// The name is empty or not lowercase letters, digits and `_`.
    #[error("invalid connector name `{0}`: use lowercase letters, digits and `_`")]
    InvalidName(String),
    /// The spec gives the connector no connection type (source, sink or lookup).
    #[error("connector `{0}` declares no connection type: set `roles` in its spec")]
    NoRoles(String),
}

/// The connectors the compiler knows, by name.
pub struct Registry {
    connectors: BTreeMap<&'static str, Box<dyn ErasedConnector>>,
    /// What the secret scan that runs over every script derives from the connectors (the
    /// keys they read, the keys that are secret), made once per registry.
    key_sets: std::sync::OnceLock<KeySets>,
}

/// Key sets of a registry's catalogue, for the secret scan (see `compile::finish`).
#[derive(Debug, Default)]
pub(crate) struct KeySets {
    /// Every option key the compiler or a connector reads, lowercased.
    pub known: rustc_hash::FxHashSet<String>,
    /// The keys of `known` whose values are secret for some connector (lowercased): a
    /// known key is decided with one lookup rather than a squash and a scan of `secret`.
    pub known_secret: rustc_hash::FxHashSet<String>,
    /// The keys whose values are secret, squashed (lowercase, no separators).
    pub secret: Vec<String>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.connectors.keys()).finish()
    }
}

impl Registry {
    /// A registry without connectors.
    pub fn empty() -> Self {
        Registry {
            connectors: BTreeMap::new(),
            key_sets: std::sync::OnceLock::new(),
        }
    }

    /// Adds a connector.
    ///
    /// # Errors
    /// [`RegistryError::NameTaken`] if a connector of that name exists;
    /// [`RegistryError::InvalidName`] for an empty or non-lowercase name.
    pub fn register<C: Connector>(&mut self, connector: C) -> Result<(), RegistryError> {
        self.register_boxed(Box::new(connector))
    }

    pub(crate) fn register_boxed(
        &mut self,
        connector: Box<dyn ErasedConnector>,
    ) -> Result<(), RegistryError> {
        let spec = connector.spec();
        let name = spec.name;
        if spec.roles.is_empty() {
            return Err(RegistryError::NoRoles(name.to_string()));
        }
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(RegistryError::InvalidName(name.to_string()));
        }
        if self.connectors.contains_key(name) || name == "memory" {
            return Err(RegistryError::NameTaken(name.to_string()));
        }
        self.connectors.insert(name, connector);
        self.key_sets = std::sync::OnceLock::new();
        Ok(())
    }

    /// The connector called `name`.
    pub fn get(&self, name: &str) -> Option<&dyn ErasedConnector> {
        self.connectors.get(name).map(|b| b.as_ref())
    }

    /// Every registered name, sorted.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.connectors.keys().copied()
    }

    /// The registry's key sets, made by `init` the first time they are asked for.
    pub(crate) fn key_sets(&self, init: impl FnOnce(&Registry) -> KeySets) -> &KeySets {
        self.key_sets.get_or_init(|| init(self))
    }

    /// Every connector, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &dyn ErasedConnector)> + '_ {
        self.connectors.iter().map(|(k, v)| (*k, v.as_ref()))
    }
}
