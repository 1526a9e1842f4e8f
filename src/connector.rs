//! The connector API: the typed [`Connector`] trait third parties implement, its
//! object-safe twin [`ErasedConnector`], and the [`Registry`].
//!
//! **API boundary:** `Connector` is the one trait a connector author implements. The
//! erased twin is implemented for every connector by a blanket impl and sealed, so the
//! compiler can keep connectors of different config types in one map.

use std::any::Any;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use arrow_schema::{DataType, Field};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::options::{ConnectorOptions, OptionSpec};
use crate::schema::format::Format;
use crate::schema::ConnectionSchema;
use crate::span::Spanned;

/// What a table is: where data comes from, goes to, or is looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionType {
    /// Read from.
    Source,
    /// Written to.
    Sink,
    /// Queried by key in a lookup join (`CREATE TEMPORARY TABLE`).
    Lookup,
}

impl ConnectionType {
    /// `"source"`, `"sink"` or `"lookup"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionType::Source => "source",
            ConnectionType::Sink => "sink",
            ConnectionType::Lookup => "lookup",
        }
    }
}

impl fmt::Display for ConnectionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Describes a connector for docs and listings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectorInfo {
    /// The name used in `connector = '…'`.
    pub name: &'static str,
    /// Human name, e.g. "Kafka".
    pub display_name: &'static str,
    /// One line about what it does.
    pub description: &'static str,
    /// Whether it can be a source.
    pub source: bool,
    /// Whether it can be a sink.
    pub sink: bool,
    /// Whether it can be a lookup table.
    pub lookup: bool,
    /// Whether its sinks use `PARTITIONED BY` (file and table-format sinks).
    pub partitioned: bool,
}

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
pub struct MetadataDef {
    /// The key in `METADATA FROM '…'`.
    pub key: &'static str,
    /// The Arrow type the column must have.
    pub data_type: DataType,
    /// What the value is.
    pub doc: &'static str,
}

/// What a connector sees of the table while reading its options.
#[derive(Clone, Debug)]
pub struct TableContext<'a> {
    /// The table name.
    pub name: &'a str,
    /// `CREATE TEMPORARY TABLE` (a lookup table).
    pub temporary: bool,
    /// The declared columns (physical, metadata and generated), empty when none were declared.
    pub fields: &'a [Field],
    /// The format, if one was set and valid.
    pub format: Option<&'a Format>,
    /// The generated columns, each with the span of its declaration.
    pub generated: &'a [Spanned<String>],
    /// The `PARTITIONED BY (…)` expressions, if the clause was written.
    pub partitioned_by: Option<&'a Spanned<Vec<crate::parse::SqlExpr>>>,
}

/// The unit profile of connectors that have no connection profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NoProfile {}

/// A connector: reads its options into typed profile and table configs.
///
/// Implement this for a new connector and add it with [`Registry::register`]. Every method
/// that can find a mistake reports it into the [`ConnectorOptions`] it is given and
/// returns `None` (or carries on), so all mistakes are reported in one pass.
pub trait Connector: Send + Sync + 'static {
    /// Connection settings shared by tables (a Kafka cluster); [`NoProfile`] when there are none.
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

    /// Name, description and capabilities.
    fn info(&self) -> ConnectorInfo;

    /// Options that form the profile (read from the WITH clause or a connection profile).
    fn profile_options(&self) -> &'static [OptionSpec] {
        &[]
    }

    /// Options of one table.
    fn table_options(&self) -> &'static [OptionSpec];

    /// Metadata columns the connector provides.
    fn metadata_defs(&self) -> &'static [MetadataDef] {
        &[]
    }

    /// Which formats the connector carries.
    fn formats(&self) -> Formats;

    /// Reads the profile options. Connectors without a profile return `Some(NoProfile)`-like defaults.
    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<Self::Profile>;

    /// Reads the table options.
    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        cx: &TableContext<'_>,
    ) -> Option<Self::Table>;

    /// Whether the table is a source, sink or lookup table.
    fn table_type(&self, profile: &Self::Profile, table: &Self::Table) -> ConnectionType;

    /// A human-readable description, e.g. `kafka topic 'events'`. Never contains a secret.
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

    /// Option names other systems use for this connector's options (`foreign`, `ours`),
    /// e.g. Flink's `properties.bootstrap.servers`; an unknown key found here gets a
    /// message naming the option to write instead.
    fn foreign_options(&self) -> &'static [(&'static str, &'static str)] {
        &[]
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
/// (output is the slow path; compiling should not pay for it).
#[derive(Clone)]
pub struct ErasedValue {
    typed: Arc<dyn Any + Send + Sync>,
    to_json: ToJson,
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
        }
    }

    /// The canonical JSON (secrets redacted).
    pub fn json(&self) -> serde_json::Value {
        (self.to_json)(self.typed.as_ref())
    }

    /// The typed value, if it is a `T`.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
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
pub struct ErasedConfig {
    /// Source, sink or lookup.
    pub connection_type: ConnectionType,
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
pub trait ErasedConnector: sealed::Sealed + Send + Sync {
    /// See [`Connector::info`].
    fn info(&self) -> ConnectorInfo;
    /// See [`Connector::profile_options`].
    fn profile_options(&self) -> &'static [OptionSpec];
    /// See [`Connector::table_options`].
    fn table_options(&self) -> &'static [OptionSpec];
    /// See [`Connector::metadata_defs`].
    fn metadata_defs(&self) -> &'static [MetadataDef];
    /// See [`Connector::formats`].
    fn formats(&self) -> Formats;
    /// Whether the connector has profile options (and so accepts `connection_profile`).
    fn has_profile(&self) -> bool {
        !self.profile_options().is_empty()
    }
    /// Reads the profile.
    fn profile_from_options(&self, opts: &mut ConnectorOptions) -> Option<ErasedValue>;
    /// Reads the table config.
    fn table_from_options(
        &self,
        opts: &mut ConnectorOptions,
        cx: &TableContext<'_>,
    ) -> Option<ErasedValue>;
    /// Type, description and fixed schema of a typed profile and table.
    fn configure(&self, profile: &ErasedValue, table: &ErasedValue) -> Option<ErasedConfig>;
    /// Builds the config from canonical JSON (a stored table), through serde.
    fn config_from_json(
        &self,
        profile: &serde_json::Value,
        table: &serde_json::Value,
    ) -> Result<ErasedConfig, String>;
    /// Runs [`Connector::check`].
    fn check(&self, config: &ErasedConfig, schema: &ConnectionSchema, opts: &mut ConnectorOptions);
    /// See [`Connector::schema_subject`].
    fn schema_subject(&self, config: &ErasedConfig) -> Option<String>;
    /// See [`Connector::foreign_options`].
    fn foreign_options(&self) -> &'static [(&'static str, &'static str)];
    /// See [`Connector::adjust_fields`].
    fn adjust_fields(&self, config: &ErasedConfig, fields: Vec<Field>) -> Vec<Field>;
    /// JSON Schemas of the profile and table configs (from schemars).
    fn config_schemas(&self) -> (serde_json::Value, serde_json::Value);
}

impl<C: Connector> sealed::Sealed for C {}

impl<C: Connector> ErasedConnector for C {
    fn info(&self) -> ConnectorInfo {
        Connector::info(self)
    }

    fn profile_options(&self) -> &'static [OptionSpec] {
        Connector::profile_options(self)
    }

    fn table_options(&self) -> &'static [OptionSpec] {
        Connector::table_options(self)
    }

    fn metadata_defs(&self) -> &'static [MetadataDef] {
        Connector::metadata_defs(self)
    }

    fn formats(&self) -> Formats {
        Connector::formats(self)
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
        let p = profile.downcast::<C::Profile>()?;
        let t = table.downcast::<C::Table>()?;
        Some(ErasedConfig {
            connection_type: self.table_type(p, t),
            description: self.description(p, t),
            fixed_schema: self.fixed_schema(t),
            profile: profile.clone(),
            table: table.clone(),
        })
    }

    fn config_from_json(
        &self,
        profile: &serde_json::Value,
        table: &serde_json::Value,
    ) -> Result<ErasedConfig, String> {
        let p: C::Profile = serde_json::from_value(profile.clone())
            .map_err(|e| format!("invalid profile config: {e}"))?;
        let t: C::Table = serde_json::from_value(table.clone())
            .map_err(|e| format!("invalid table config: {e}"))?;
        let (p, t) = (ErasedValue::new(p), ErasedValue::new(t));
        ErasedConnector::configure(self, &p, &t)
            .ok_or_else(|| "config types do not match".to_string())
    }

    fn check(&self, config: &ErasedConfig, schema: &ConnectionSchema, opts: &mut ConnectorOptions) {
        if let (Some(p), Some(t)) = (
            config.profile.downcast::<C::Profile>(),
            config.table.downcast::<C::Table>(),
        ) {
            Connector::check(self, p, t, schema, opts);
        }
    }

    fn foreign_options(&self) -> &'static [(&'static str, &'static str)] {
        Connector::foreign_options(self)
    }

    fn adjust_fields(&self, config: &ErasedConfig, fields: Vec<Field>) -> Vec<Field> {
        match config.table.downcast::<C::Table>() {
            Some(t) => Connector::adjust_fields(self, t, fields),
            None => fields,
        }
    }

    fn schema_subject(&self, config: &ErasedConfig) -> Option<String> {
        let p = config.profile.downcast::<C::Profile>()?;
        let t = config.table.downcast::<C::Table>()?;
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
}

/// The connectors the compiler knows, by name.
pub struct Registry {
    connectors: BTreeMap<&'static str, Box<dyn ErasedConnector>>,
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
        }
    }

    /// The built-in connectors.
    pub fn builtin() -> Self {
        let mut r = Registry::empty();
        for c in crate::connectors::builtin() {
            r.connectors.insert(c.info().name, c);
        }
        r
    }

    /// Adds a connector.
    ///
    /// # Errors
    /// [`RegistryError::NameTaken`] if a connector of that name exists;
    /// [`RegistryError::InvalidName`] for an empty or non-lowercase name.
    pub fn register<C: Connector>(&mut self, connector: C) -> Result<(), RegistryError> {
        let name = Connector::info(&connector).name;
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
        self.connectors.insert(name, Box::new(connector));
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

    /// Every connector, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &dyn ErasedConnector)> + '_ {
        self.connectors.iter().map(|(k, v)| (*k, v.as_ref()))
    }
}

impl Default for Registry {
    fn default() -> Self {
        Registry::builtin()
    }
}
