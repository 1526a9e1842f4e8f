//! Server addresses of message-broker connectors (`redis://host:6379`, `tcp://host:1883`,
//! `nats://host:4222`), checked at compile time.
//!
//! Arroyo checks these addresses only when the job starts (or panics on them, NATS), so a
//! typo surfaces late. We check the shape here, with the URL grammar of [`super::http`]:
//! a known scheme, a host, a port in range.
//! Nothing is resolved or connected to. A value holding a `{{ VAR }}` placeholder is taken
//! as it is, since its final text is only known where the variable is set.

/// An address that passed the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// The scheme, lower-cased (`redis`); the default scheme when none was written.
    pub scheme: String,
    /// The host (an IPv6 address keeps its brackets); empty for a placeholder.
    pub host: String,
    /// The port, if written.
    pub port: Option<u16>,
}

/// What is wrong with an address: the message and an optional help line. Neither quotes
/// the user-info part of the address, which may hold a password.
pub type EndpointError = (String, Option<String>);

/// Whether `s` contains a `{{ VAR }}` environment placeholder.
pub fn has_placeholder(s: &str) -> bool {
    s.find("{{")
        .is_some_and(|i| s.get(i..).is_some_and(|r| r.contains("}}")))
}

/// Checks `s` as `scheme://[user@]host[:port][/path]`. `schemes` are the accepted schemes;
/// `default_scheme`, when given, is assumed for a value written without `scheme://` (NATS
/// accepts a bare `host:port`). A password in the user-info part is refused, so that it
/// never ends up in a printed config: it belongs in the connector's secret option.
pub fn parse_endpoint(
    s: &str,
    schemes: &[&str],
    default_scheme: Option<&str>,
) -> Result<Endpoint, EndpointError> {
    let s = s.trim();
    let example = schemes.first().copied().unwrap_or("scheme");
    if s.is_empty() {
        return Err(("the address is empty".into(), None));
    }
    if has_placeholder(s) {
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
    let checked = super::http::check_url(&url, schemes, false).map_err(|e| {
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
    let scheme = checked.scheme.unwrap_or_else(|| example.to_string());
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
    fn placeholder_is_not_checked() {
        assert!(parse_endpoint("{{ REDIS_URL }}", &["redis"], None).is_ok());
    }
}
