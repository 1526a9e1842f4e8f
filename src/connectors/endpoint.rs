//! Server addresses of message-broker connectors (`redis://host:6379`, `tcp://host:1883`,
//! `nats://host:4222`), checked at compile time.
//!
//! Arroyo checks these addresses only when the job starts (or panics on them, NATS), so a
//! typo surfaces late. We check the shape here, with the URL grammar of [`super::http`]:
//! a known scheme, a host, a port in range.
//! Nothing is resolved or connected to. `{{ VAR }}` placeholders (the grammar of
//! [`super::placeholder`]) may stand for the whole address or any part of it: the parts
//! they cover are taken as they are, the rest is checked; a `{{ … }}` that is not a valid
//! placeholder is an error.
//!
//! This module also owns the one `host:port` list parser ([`parse_host_port_list`]).

use crate::options::placeholder;

/// An address that passed the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Endpoint {
    /// The scheme, lower-cased (`redis`); the default scheme when none was written.
    pub scheme: String,
    /// The host (an IPv6 address keeps its brackets); empty for a placeholder.
    pub host: String,
    /// The port, if written.
    pub port: Option<u16>,
}

/// What is wrong with an address: the message and an optional help line. Neither quotes
/// the user-info part of the address, which may hold a password.
pub(crate) type EndpointError = (String, Option<String>);

/// Whether `s` contains a valid `{{ VAR }}` placeholder (see [`super::placeholder`]).
pub(crate) fn has_placeholder(s: &str) -> bool {
    placeholder::has_placeholder(s)
}

/// Checks `s` as `scheme://[user@]host[:port][/path]`. `schemes` are the accepted schemes;
/// `default_scheme`, when given, is assumed for a value written without `scheme://` (NATS
/// accepts a bare `host:port`). A password in the user-info part is refused, so that it
/// never ends up in a printed config: it belongs in the connector's secret option.
pub(crate) fn parse_endpoint(
    s: &str,
    schemes: &[&str],
    default_scheme: Option<&str>,
) -> Result<Endpoint, EndpointError> {
    let s = s.trim();
    let example = schemes.first().copied().unwrap_or("scheme");
    if s.is_empty() {
        return Err(("the address is empty".into(), None));
    }
    let ph = placeholder::find(s).map_err(|e| (e.message, Some(e.help)))?;
    if placeholder::is_placeholder(s) {
        return Ok(Endpoint {
            scheme: default_scheme.unwrap_or(example).to_string(),
            host: String::new(),
            port: None,
        });
    }
    // The URL grammar is the HTTP connectors'; a bare `host:port` takes the default scheme.
    let url = match default_scheme {
        Some(d) if !s.contains("://") => format!("{d}://{s}"),
        _ => s.to_string(),
    };
    let checked = super::http::check_url(&url, schemes, !ph.is_empty()).map_err(|e| {
        // The HTTP grammar suggests headers for credentials; brokers have a password option.
        let help = if e.message.contains("password") {
            Some(
                "set the password with the `password` option instead, so it is never printed"
                    .to_string(),
            )
        } else {
            e.help
        };
        (e.message, help)
    })?;
    let Some(scheme) = checked.scheme else {
        // A leading placeholder stands for the scheme and host.
        return Ok(Endpoint {
            scheme: default_scheme.unwrap_or(example).to_string(),
            host: String::new(),
            port: None,
        });
    };
    let authority = checked
        .origin
        .split_once("://")
        .map(|(_, a)| a)
        .unwrap_or(checked.origin.as_str());
    let (host, port) = split_host_port(authority)?;
    Ok(Endpoint {
        scheme,
        host: host.to_string(),
        port,
    })
}

/// Splits `host[:port]` (and `[v6]:port`); the port must be 1 to 65535.
fn split_host_port(s: &str) -> Result<(&str, Option<u16>), EndpointError> {
    let (host, port) = if s.starts_with('[') {
        match s.find(']') {
            Some(end) => {
                let (h, rest) = s.split_at(end + 1);
                match rest.strip_prefix(':') {
                    Some(p) => (h, Some(p)),
                    None if rest.is_empty() => (h, None),
                    None => return Err((format!("`{s}` is not a valid host"), None)),
                }
            }
            None => return Err((format!("`{s}` is not a valid host"), None)),
        }
    } else {
        match s.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) if placeholder::has_placeholder(p) => None,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                return Err((
                    format!("`{p}` is not a valid port (expected 1 to 65535)"),
                    None,
                ))
            }
        },
    };
    Ok((host, port))
}

/// Parses a comma-separated `host:port` list (Kafka's `bootstrap_servers`): every entry
/// is `host:port` or `[v6]:port`, with no scheme, and the port is 1 to 65535. Returns the
/// trimmed entries. A `{{ VAR }}` placeholder may stand for the whole list, an entry, a
/// host or a port; the rest is checked. A `{{ … }}` that is not a placeholder is an error.
pub(crate) fn parse_host_port_list(s: &str) -> Result<Vec<String>, EndpointError> {
    placeholder::find(s).map_err(|e| (e.message, Some(e.help)))?;
    parse_list(s, "broker", "`host:port` entries", |entry| {
        if placeholder::is_placeholder(entry) {
            Ok(())
        } else {
            check_host_port(entry)
        }
    })
}

/// Splits a comma-separated list of `what` addresses (`entries` in the help), checks each
/// trimmed entry with `check` and returns them; an empty entry is an error.
pub(crate) fn parse_list(
    s: &str,
    what: &str,
    entries: &str,
    mut check: impl FnMut(&str) -> Result<(), EndpointError>,
) -> Result<Vec<String>, EndpointError> {
    let mut out = Vec::new();
    for raw in s.split(',') {
        let entry = raw.trim();
        if entry.is_empty() {
            return Err((
                format!("empty entry in the {what} list"),
                Some(format!("separate {entries} with single commas")),
            ));
        }
        check(entry)?;
        out.push(entry.to_string());
    }
    Ok(out)
}

/// Checks one `host:port` entry of a list; placeholders (already validated) cover parts.
fn check_host_port(entry: &str) -> Result<(), EndpointError> {
    let ph = placeholder::find(entry).map_err(|e| (e.message, Some(e.help)))?;
    let masked = placeholder::mask(entry, &ph);
    if let Some((_, host)) = masked.rsplit_once('@') {
        // `user:password@host:port`: say so without quoting the credentials.
        return Err((
            format!("`…@{host}` holds credentials; expected `host:port`"),
            Some("remove the `user:password@` part; credentials go in `auth.*` options".into()),
        ));
    }
    if masked.contains("://") {
        let shown = crate::profile::redact_credentials(entry).unwrap_or_else(|| entry.to_string());
        return Err((
            format!("`{shown}` has a scheme; expected `host:port`"),
            Some("remove the `scheme://` prefix; the protocol is set with `auth.protocol`".into()),
        ));
    }
    let Some(colon) = masked.rfind(':') else {
        return Err((
            format!("`{entry}` has no port; expected `host:port`"),
            Some(format!("e.g. `{entry}:9092`")),
        ));
    };
    let host = entry.get(..colon).unwrap_or("");
    let port = entry.get(colon + 1..).unwrap_or("");
    let masked_host = masked.get(..colon).unwrap_or("");
    let host_ok = if let Some(inner) = masked_host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
    {
        !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !masked_host.is_empty()
            && masked_host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    if !host_ok {
        return Err((
            format!("`{host}` is not a valid host name in `{entry}`"),
            None,
        ));
    }
    if placeholder::has_placeholder(port) {
        return Ok(());
    }
    match port.parse::<u16>() {
        Ok(p) if p > 0 => Ok(()),
        _ => Err((
            format!("`{port}` is not a valid port in `{entry}` (expected 1 to 65535)"),
            None,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_scheme_host_and_port() {
        let e = parse_endpoint("redis://cache:6379", &["redis", "rediss"], None);
        assert_eq!(
            e,
            Ok(Endpoint {
                scheme: "redis".into(),
                host: "cache".into(),
                port: Some(6379)
            })
        );
    }

    #[test]
    fn accepts_path_user_and_ipv6() {
        assert!(parse_endpoint(
            "rediss://app@cache.example.com/0",
            &["redis", "rediss"],
            None
        )
        .is_ok());
        let e = parse_endpoint("tcp://[::1]:1883", &["tcp"], None);
        assert_eq!(e.map(|e| e.host), Ok("[::1]".to_string()));
    }

    #[test]
    fn default_scheme_for_bare_host_port() {
        let e = parse_endpoint("localhost:4222", &["nats"], Some("nats"));
        assert_eq!(
            e.map(|e| (e.scheme, e.port)),
            Ok(("nats".into(), Some(4222)))
        );
    }

    #[test]
    fn rejects_mistakes() {
        assert!(parse_endpoint("cache:6379", &["redis"], None).is_err());
        assert!(parse_endpoint("http://cache", &["redis"], None).is_err());
        assert!(parse_endpoint("redis://cache:0", &["redis"], None).is_err());
        assert!(parse_endpoint("redis://cache:70000", &["redis"], None).is_err());
        assert!(parse_endpoint("redis://", &["redis"], None).is_err());
        assert!(parse_endpoint("redis://ca che", &["redis"], None).is_err());
        assert!(parse_endpoint("", &["redis"], None).is_err());
    }

    #[test]
    fn refuses_password_without_quoting_it() {
        let e = parse_endpoint("redis://u:hunter2@cache", &["redis"], None);
        let Err((msg, help)) = e else {
            panic!("expected an error")
        };
        assert!(!msg.contains("hunter2"));
        assert!(!help.unwrap_or_default().contains("hunter2"));
    }

    #[test]
    fn placeholders_stand_for_parts() {
        assert!(parse_endpoint("{{ REDIS_URL }}", &["redis"], None).is_ok());
        let e = parse_endpoint("tcp://{{ HOST }}:1883", &["tcp"], None);
        assert_eq!(e.map(|e| e.port), Ok(Some(1883)));
        assert!(parse_endpoint("tcp://broker:{{ PORT }}", &["tcp"], None).is_ok());
        assert!(parse_endpoint("{{ HOST }}:4222", &["nats"], Some("nats")).is_ok());
        // The rest is still checked.
        assert!(parse_endpoint("http://{{ HOST }}:1883", &["tcp"], None).is_err());
        assert!(parse_endpoint("tcp://{{ HOST }}:0", &["tcp"], None).is_err());
    }

    #[test]
    fn invalid_placeholders_are_errors() {
        for s in [
            "tcp://{{ not a var }}:1883",
            "{{ not a var }}",
            "tcp://{{ }}",
        ] {
            let e = parse_endpoint(s, &["tcp"], None);
            assert!(e.is_err(), "{s}");
        }
        assert!(parse_host_port_list("{{ not a var }}").is_err());
    }

    #[test]
    fn host_port_lists() {
        assert_eq!(
            parse_host_port_list("a:9092, b:9093"),
            Ok(vec!["a:9092".to_string(), "b:9093".to_string()])
        );
        assert!(parse_host_port_list("[::1]:9092").is_ok());
        for bad in [
            "a:9092,",
            "a",
            "PLAINTEXT://a:9092",
            "a:0",
            "a:70000",
            "a b:1",
            "[]:1",
        ] {
            assert!(parse_host_port_list(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn host_port_lists_with_placeholders() {
        assert_eq!(
            parse_host_port_list("{{ KAFKA_BROKERS }}"),
            Ok(vec!["{{ KAFKA_BROKERS }}".to_string()])
        );
        assert!(parse_host_port_list("{{ HOST }}:9092,b:9092").is_ok());
        assert!(parse_host_port_list("broker:{{ PORT }}").is_ok());
        assert!(parse_host_port_list("{{ HOST }}:0").is_err());
        assert!(parse_host_port_list("{{ HOST }}").is_ok());
    }
}
