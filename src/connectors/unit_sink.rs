//! Sinks without settings (`blackhole`, `stdout`): one definition of the connector
//! struct, its empty table and its [`Connector`](crate::connector::Connector) impl.

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
        pub struct $connector;

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
            type Profile = ();
            type Table = $table;

            fn spec(&self) -> &'static $crate::connector::ConnectorSpec {
                &SPEC
            }

            fn profile_from_options(
                &self,
                _opts: &mut $crate::options::ConnectorOptions,
            ) -> Option<()> {
                Some(())
            }

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

pub(crate) use unit_sink;
