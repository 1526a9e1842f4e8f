//! What every built-in connector module would otherwise spell out again: its spec as a
//! table ([`connector_spec!`]), the fixed parts of its
//! [`Connector`](crate::connector::Connector) impl ([`connector_types!`], [`no_profile!`]),
//! and whole sinks without settings ([`unit_sink!`], for `blackhole` and `stdout`).
//!
//! They are macros rather than functions because what they produce are items: a `const`
//! and trait items. Third-party connectors write the same by hand with
//! [`ConnectorSpec`](crate::connector::ConnectorSpec)'s const builders.

/// Defines the calling module's `pub(crate) const SPEC: ConnectorSpec` from a table, one
/// line per property, so a connector's catalogue entry reads as data (rustfmt leaves the
/// brace-delimited body alone, so each example stays on one line):
///
/// ```text
/// connector_spec! {
///     "kinesis", "Kinesis", "Read and write AWS Kinesis Data Streams";
///     roles: SOURCE | SINK;                        // AppliesTo constants
///     formats: required(MESSAGE_FORMATS);          // a Formats constructor
///     type_option;                                 // a flag builder: type_option,
///                                                  // partitioned, partitions_by_options,
///                                                  // compressed_json
///     table_options: TABLE_OPTIONS;                // a builder with one argument:
///                                                  // metadata, profile_options,
///                                                  // table_options, foreign_options
///     example: "id BIGINT", [("stream_name", "'s'"), ("type", "'source'")];
///     temporary example: "id TEXT", [("address", "'redis://r'")];
/// }
/// ```
///
/// Name, display name and description come first; the other lines become the
/// [`ConnectorSpec`](crate::connector::ConnectorSpec) builder calls of the same names, in
/// the order written, and the examples are collected into `examples`. Formats default to
/// `Formats::FIXED`.
macro_rules! connector_spec {
    ($name:literal, $display:literal, $description:literal; $($body:tt)*) => {
        /// What the connector is: roles, formats, metadata and every option.
        pub(crate) const SPEC: $crate::connector::ConnectorSpec =
            $crate::connectors::boilerplate::connector_spec!(
                @build [$crate::connector::ConnectorSpec::new($name, $display, $description)] []
                $($body)*
            );
    };
    // Each arm below takes one line off the front, adding a builder call or an example.
    (@build [$($spec:tt)*] [$($ex:tt)*] roles: $role:ident $(| $more:ident)*; $($rest:tt)*) => {
        $crate::connectors::boilerplate::connector_spec!(@build [
            $($spec)*.roles($crate::options::AppliesTo::$role $(.or($crate::options::AppliesTo::$more))*)
        ] [$($ex)*] $($rest)*)
    };
    (@build [$($spec:tt)*] [$($ex:tt)*] formats: $rule:ident($allowed:expr); $($rest:tt)*) => {
        $crate::connectors::boilerplate::connector_spec!(@build [
            $($spec)*.formats($crate::connector::Formats::$rule($allowed))
        ] [$($ex)*] $($rest)*)
    };
    (@build [$($spec:tt)*] [$($ex:tt)*] example: $columns:literal, [$($opt:tt)*]; $($rest:tt)*) => {
        $crate::connectors::boilerplate::connector_spec!(@build [$($spec)*] [
            $($ex)* $crate::connector::Example::new($columns, &[$($opt)*]),
        ] $($rest)*)
    };
    (@build [$($spec:tt)*] [$($ex:tt)*] temporary example: $columns:literal, [$($opt:tt)*]; $($rest:tt)*) => {
        $crate::connectors::boilerplate::connector_spec!(@build [$($spec)*] [
            $($ex)* $crate::connector::Example::new($columns, &[$($opt)*]).temporary(),
        ] $($rest)*)
    };
    (@build [$($spec:tt)*] [$($ex:tt)*] $flag:ident; $($rest:tt)*) => {
        $crate::connectors::boilerplate::connector_spec!(@build [$($spec)*.$flag()] [$($ex)*] $($rest)*)
    };
    (@build [$($spec:tt)*] [$($ex:tt)*] $builder:ident: $arg:expr; $($rest:tt)*) => {
        $crate::connectors::boilerplate::connector_spec!(@build [$($spec)*.$builder($arg)] [$($ex)*] $($rest)*)
    };
    (@build [$($spec:tt)*] [$($ex:tt)*]) => {
        $($spec)*.examples(&[$($ex)*])
    };
}

/// Inside `impl Connector for …`: `type Profile = $profile`, `type Table = $table` and
/// `spec` returning the calling module's `SPEC`.
///
/// With a third argument, also `table_from_options` calling `$read_table(opts, cx)`, a
/// function of the module: the reading code then stands unindented at module level, with a
/// signature that fits on one line, instead of behind the trait method's five-line one.
macro_rules! connector_types {
    ($profile:ty, $table:ty) => {
        type Profile = $profile;
        type Table = $table;

        fn spec(&self) -> &'static $crate::connector::ConnectorSpec {
            &SPEC
        }
    };
    ($profile:ty, $table:ty, $read_table:path) => {
        $crate::connectors::boilerplate::connector_types!($profile, $table);

        fn table_from_options(
            &self,
            opts: &mut $crate::options::ConnectorOptions,
            cx: &$crate::connector::TableContext<'_>,
        ) -> Option<$table> {
            $read_table(opts, cx)
        }
    };
}

/// Inside `impl Connector for …`: [`connector_types!`] with no profile (and, given
/// `$read_table`, its `table_from_options`), and a `profile_from_options` that reads
/// nothing.
macro_rules! no_profile {
    ($table:ty $(, $read_table:path)?) => {
        $crate::connectors::boilerplate::connector_types!((), $table $(, $read_table)?);

        fn profile_from_options(
            &self,
            _opts: &mut $crate::options::ConnectorOptions,
        ) -> Option<()> {
            Some(())
        }
    };
}

/// Defines a sink connector with no table settings: the connector struct, its empty table
/// struct and a `Connector` impl whose spec is `SPEC` of the calling module and whose
/// description is `$description`.
macro_rules! unit_sink {
    (
        $(#[$connector_doc:meta])* connector $connector:ident;
        $(#[$table_doc:meta])* table $table:ident;
        description $description:literal;
    ) => {
        $(#[$connector_doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub(crate) struct $connector;

        $(#[$table_doc])*
        #[derive(
            Clone,
            Debug,
            Default,
            PartialEq,
            Eq,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
        )]
        pub struct $table {}

        impl $crate::connector::Connector for $connector {
            $crate::connectors::boilerplate::no_profile!($table);

            fn table_from_options(
                &self,
                _opts: &mut $crate::options::ConnectorOptions,
                _cx: &$crate::connector::TableContext<'_>,
            ) -> Option<$table> {
                Some($table {})
            }

            fn description(&self, _profile: &(), _table: &$table) -> String {
                $description.to_string()
            }
        }
    };
}

pub(crate) use connector_spec;
pub(crate) use connector_types;
pub(crate) use no_profile;
pub(crate) use unit_sink;
