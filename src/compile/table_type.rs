//! Stage: the table's connection type (source, sink or lookup), from `type`, `TEMPORARY`
//! or the connector's one role.

use crate::connector::ConnectionType;
use crate::diagnostics::{codes, Diagnostic};
use crate::options::{OptionKind, Value};

use super::TableCompiler;
impl TableCompiler<'_> {
    /// The table's connection type: its `type` option (a TEMPORARY table is a lookup
    /// table), or the connector's one role. `None` when it cannot be known (reported).
    pub(super) fn connection_type(&mut self) -> Option<ConnectionType> {
        let def = self.def;
        let spec = self.connector.spec();
        if def.temporary && !spec.can_be(ConnectionType::Lookup) {
            self.opts.report(
                Diagnostic::error(
                    codes::CONNECTION_TYPE,
                    def.temporary_span,
                    format!(
                        "connector `{}` cannot be a lookup table, and TEMPORARY tables are lookup tables",
                        spec.name
                    ),
                )
                .with_help("drop `TEMPORARY` for a source or sink"),
            );
            return None;
        }
        let Some(type_spec) = spec.type_spec() else {
            if def.temporary {
                return Some(ConnectionType::Lookup);
            }
            return spec.only_role();
        };
        if def.temporary {
            let written = self.opts.peek(type_spec.key).cloned();
            self.opts.take(type_spec.key);
            return match written {
                None => Some(ConnectionType::Lookup),
                Some(v) if matches!(&v.node, Value::String(s) if s.eq_ignore_ascii_case("lookup")) => {
                    Some(ConnectionType::Lookup)
                }
                Some(v) => {
                    self.opts.report(
                        Diagnostic::error(
                            codes::CONNECTION_TYPE,
                            v.span,
                            format!(
                                "a TEMPORARY table is a lookup table, so `type` cannot be {}",
                                v.node
                            ),
                        )
                        .with_help("remove `type`, or drop `TEMPORARY` for a source or sink"),
                    );
                    None
                }
            };
        }
        // A connection type the connector cannot have is its own mistake, not a typo.
        let written = self.opts.peek(type_spec.key).cloned();
        if let Some(v) = written {
            let named = match &v.node {
                Value::String(s) => ConnectionType::ALL
                    .into_iter()
                    .find(|ct| ct.as_str().eq_ignore_ascii_case(s.trim())),
                _ => None,
            };
            // (`lookup` stays a plain invalid value: it is a type few connectors have.)
            let named = named.filter(|ct| *ct != ConnectionType::Lookup);
            if let Some(ct) = named.filter(|ct| !spec.can_be(*ct)) {
                self.opts.take(type_spec.key);
                let OptionKind::Enum(roles) = type_spec.kind else {
                    return None;
                };
                self.opts.report(
                    Diagnostic::error(
                        codes::CONNECTION_TYPE,
                        v.span,
                        format!("connector `{}` cannot be a {ct}", spec.name),
                    )
                    .with_help(match roles {
                        [one] => format!("set `type = '{one}'`"),
                        _ => format!(
                            "`type` is one of {}",
                            crate::options::spec::quoted_list(roles)
                        ),
                    }),
                );
                return None;
            }
        }
        let ty = self.opts.enumeration(type_spec)?;
        ConnectionType::ALL
            .into_iter()
            .find(|ct| ct.as_str() == ty.node)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, run_stage};
    use super::super::Env;
    use super::*;
    use crate::connector::Registry;

    fn connection_type(sql: &str) -> (Option<ConnectionType>, Vec<&'static str>) {
        let registry = Registry::builtin();
        let (ct, diags) = run_stage(sql, &Env::new(&registry), |c| c.connection_type());
        (ct, codes(&diags))
    }

    #[test]
    fn the_type_option_decides() {
        let (ct, found) =
            connection_type("CREATE TABLE t (id INT) WITH (connector = 'kafka', type = 'sink')");
        assert_eq!(
            (ct, found.as_slice()),
            (Some(ConnectionType::Sink), &[][..])
        );
        // A connector with one role needs no `type`.
        let (ct, _) = connection_type("CREATE TABLE t (id INT) WITH (connector = 'impulse')");
        assert_eq!(ct, Some(ConnectionType::Source));
    }

    #[test]
    fn temporary_tables_are_lookup_tables() {
        let (ct, found) = connection_type(
            "CREATE TEMPORARY TABLE t (id INT) WITH (connector = 'kafka', type = 'source')",
        );
        assert_eq!(ct, None);
        assert_eq!(found, ["connector::connection_type"]);
        let (ct, found) = connection_type(
            "CREATE TEMPORARY TABLE t (id TEXT) WITH (connector = 'redis', type = 'lookup')",
        );
        assert_eq!(
            (ct, found.as_slice()),
            (Some(ConnectionType::Lookup), &[][..])
        );
    }

    #[test]
    fn a_role_the_connector_lacks_is_its_own_mistake() {
        let (ct, found) =
            connection_type("CREATE TABLE t (id INT) WITH (connector = 'impulse', type = 'sink')");
        assert_eq!(ct, Some(ConnectionType::Source));
        assert!(found.is_empty(), "{found:?}");
        let (ct, found) =
            connection_type("CREATE TABLE t (id TEXT) WITH (connector = 'redis', type = 'source')");
        assert_eq!(ct, None);
        assert_eq!(found, ["connector::connection_type"]);
    }
}
