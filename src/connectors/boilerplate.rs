//! The parts of a [`Connector`](crate::connector::Connector) impl that connectors without
//! a profile share, and whole sinks without settings (`blackhole`, `stdout`).

/// Inside `impl Connector for …`: `type Profile = $profile`, `type Table = $table` and
/// `spec` returning the calling module's `SPEC`.
macro_rules! connector_types {
    ($profile:ty, $table:ty) => {
        type Profile = $profile;
        type Table = $table;

        fn spec(&self) -> &'static $crate::connector::ConnectorSpec {
            &SPEC
        }
    };
}

/// Inside `impl Connector for …`: [`connector_types!`] with no profile, and a
/// `profile_from_options` that reads nothing.
macro_rules! no_profile {
    ($table:ty) => {
        $crate::connectors::boilerplate::connector_types!((), $table);

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

pub(crate) use connector_types;
pub(crate) use no_profile;
pub(crate) use unit_sink;
