//! Shared pieces of the HTTP-family connectors (`polling_http`, `sse`, `websocket`,
//! `webhook`): endpoint URLs and `'Name: value, Name2: value2'` header strings.
//!
//! Arroyo checks endpoints only when a job starts (and panics on some), and panics on a
//! header string with a part that has no `:`. Here both are checked while compiling, and a
//! diagnostic points at the part of the string that is wrong. No URL crate is in the
//! dependency tree, so the URL check is our own: a careful subset of the WHATWG rules
//! that rejects what a client would reject or silently rewrite.
//!
//! Header values may hold credentials (`Authorization: Bearer …`), so they are kept as
//! [`Secret`]s and no message ever quotes one; header names are shown only when valid.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

use crate::diagnostics::{codes, Diagnostic};
use crate::options::placeholder;
use crate::options::{ConnectorOptions, OptionSpec};
use crate::profile::Secret;
use crate::span::{Span, Spanned};

/// What a description may show of a checked endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Endpoint {
    /// The scheme, lower case; `None` when the endpoint starts with a `{{ VAR }}` placeholder.
    pub scheme: Option<String>,
    /// `scheme://host[:port]` without user info, or the leading placeholder as written.
    pub origin: String,
    /// The path as written, without query and fragment (which may carry tokens).
    pub path: String,
}

impl Endpoint {
    /// `origin` followed by `path`.
    pub(crate) fn without_query(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }
}

/// Why an endpoint or a header string is invalid, and where (a byte range of the string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PartError {
    /// What is wrong, without the option name.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The offending bytes of the string; `None` for the whole string.
    pub at: Option<Range<usize>>,
}

impl PartError {
    fn new(message: impl Into<String>, at: Option<Range<usize>>) -> Self {
        PartError {
            message: message.into(),
            help: None,
            at,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\t' => "a tab".into(),
        '\n' | '\r' => "a line break".into(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

fn valid_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn scheme_list(schemes: &[&str]) -> String {
    let quoted: Vec<String> = schemes.iter().map(|s| format!("`{s}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The schemes of an HTTP endpoint (`sse`, `webhook`, `polling_http`).
pub(crate) const HTTP_SCHEMES: &[&str] = &["http", "https"];

/// Checks an absolute URL whose scheme is one of `schemes` (lower case). With
/// `allow_placeholders`, `{{ VAR }}` placeholders may stand anywhere (the runtime
/// substitutes them); parts they cover are not checked, and an endpoint that starts with
/// one is checked only after it. Without, a placeholder is an error: the runtime would
/// use the braces literally.
pub(crate) fn check_url(
    s: &str,
    schemes: &[&str],
    allow_placeholders: bool,
) -> Result<Endpoint, PartError> {
    let ph =
        placeholder::find(s).map_err(|e| PartError::new(e.message, Some(e.at)).help(e.help))?;
    if !allow_placeholders {
        if let Some(p) = ph.first() {
            return Err(PartError::new(
                "`{{ VAR }}` placeholders are not substituted in this endpoint",
                Some(p.clone()),
            )
            .help("write the URL itself; only `headers` take `{{ VAR }}` placeholders here"));
        }
    }
    let first_scheme = schemes.first().copied().unwrap_or("https");
    if s.trim() != s {
        return Err(
            PartError::new("the URL has leading or trailing spaces", None)
                .help("remove the spaces around the URL"),
        );
    }
    let m = placeholder::mask(s, &ph);
    for (i, c) in m.char_indices() {
        if c.is_whitespace() || c.is_control() {
            let e = PartError::new(
                format!("the URL contains {}", describe_char(c)),
                Some(i..i + c.len_utf8()),
            );
            return Err(if c == ' ' {
                e.help("percent-encode spaces as `%20`")
            } else {
                e
            });
        }
    }
    let overlaps = |r: &Range<usize>| ph.iter().any(|p| p.start < r.end && r.start < p.end);

    // An endpoint that starts with a placeholder gets its scheme and host from the
    // environment; only what follows can be checked.
    if let Some(lead) = ph.first().filter(|p| p.start == 0) {
        let rest = m.get(lead.end..).unwrap_or("");
        check_rest(rest, lead.end)?;
        let path_end = lead.end + rest.find(['?', '#']).unwrap_or(rest.len());
        return Ok(Endpoint {
            scheme: None,
            origin: s.get(..lead.end).unwrap_or("").to_string(),
            path: s.get(lead.end..path_end).unwrap_or("").to_string(),
        });
    }

    let no_scheme = || {
        PartError::new("the URL has no scheme", None).help(format!(
            "write an absolute URL, e.g. `{first_scheme}://{}`",
            s.trim_start_matches('/')
        ))
    };
    let colon = m.find(':').ok_or_else(no_scheme)?;
    let scheme_text = m.get(..colon).unwrap_or("");
    let after_colon = m.get(colon + 1..).unwrap_or("");
    // `localhost:8080/x` is a host and port without a scheme, not a scheme `localhost`.
    if !valid_scheme(scheme_text) || after_colon.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(no_scheme());
    }
    let scheme = scheme_text.to_ascii_lowercase();
    if !schemes.contains(&scheme.as_str()) {
        let mut e = PartError::new(
            format!(
                "unsupported scheme `{scheme_text}`; expected {}",
                scheme_list(schemes)
            ),
            Some(0..colon),
        );
        let swap = match scheme.as_str() {
            "http" if schemes.contains(&"ws") => Some("ws"),
            "https" if schemes.contains(&"wss") => Some("wss"),
            "ws" if schemes.contains(&"http") => Some("http"),
            "wss" if schemes.contains(&"https") => Some("https"),
            _ => None,
        };
        let near = swap
            .or_else(|| crate::options::grammar::did_you_mean(&scheme, schemes.iter().copied()));
        if let Some(w) = near {
            e = e.help(format!("write `{w}://…`"));
        }
        return Err(e);
    }
    let Some(after_slashes) = after_colon.strip_prefix("//") else {
        return Err(PartError::new(
            format!("expected `//` after `{scheme_text}:`"),
            Some(0..colon + 1),
        )
        .help(format!("e.g. `{scheme}://example.com/path`")));
    };
    let auth_start = colon + 3;
    let auth_len = after_slashes
        .find(['/', '?', '#', '\\'])
        .unwrap_or(after_slashes.len());
    let auth_end = auth_start + auth_len;
    let authority = after_slashes.get(..auth_len).unwrap_or("");
    let at_sign = authority.rfind('@');
    // A password in the URL would be printed wherever the endpoint is (config, DDL);
    // a `{{ VAR }}` placeholder standing for it is fine.
    if let Some(colon) = at_sign
        .and_then(|a| authority.get(..a))
        .and_then(|u| u.find(':'))
    {
        let password = auth_start + colon + 1..auth_start + at_sign.unwrap_or(colon + 1);
        let placeholder = ph
            .iter()
            .any(|p| p.start <= password.start && password.end <= p.end);
        if !password.is_empty() && !placeholder {
            let how = if allow_placeholders {
                "write it as a `{{ VAR }}` placeholder, or send it in `headers` (`Authorization: Basic …`), whose values stay secret"
            } else {
                "send it in `headers` (`Authorization: Basic …`), whose values stay secret"
            };
            return Err(PartError::new(
                "the URL contains a password, which would be shown wherever the endpoint is",
                Some(password),
            )
            .help(how));
        }
    }
    let host_start = auth_start + at_sign.map(|i| i + 1).unwrap_or(0);
    let hostport = m.get(host_start..auth_end).unwrap_or("");
    if hostport.is_empty() {
        return Err(PartError::new("the URL has no host", None)
            .help(format!("e.g. `{scheme}://example.com/path`")));
    }
    let (host_range, port_range) = if hostport.starts_with('[') {
        let close = hostport.find(']').ok_or_else(|| {
            PartError::new(
                "the IPv6 address has no closing `]`",
                Some(host_start..auth_end),
            )
        })?;
        let host_range = host_start + 1..host_start + close;
        let inner = m.get(host_range.clone()).unwrap_or("");
        if !overlaps(&host_range) && inner.parse::<Ipv6Addr>().is_err() {
            return Err(PartError::new(
                format!("`{inner}` is not a valid IPv6 address"),
                Some(host_range),
            ));
        }
        let after = hostport.get(close + 1..).unwrap_or("");
        let port = match after.strip_prefix(':') {
            Some(p) => Some(auth_end - p.len()..auth_end),
            None if after.is_empty() => None,
            None => {
                return Err(PartError::new(
                    "expected `:port` or `/` after the IPv6 address",
                    Some(host_start + close + 1..auth_end),
                ))
            }
        };
        (host_start..host_start + close + 1, port)
    } else {
        match hostport.find(':') {
            Some(c) => {
                let port = host_start + c + 1..auth_end;
                if m.get(port.clone()).is_some_and(|p| p.contains(':')) {
                    return Err(PartError::new(
                        "the host has more than one `:`",
                        Some(host_start..auth_end),
                    )
                    .help(format!(
                        "an IPv6 address goes in brackets, e.g. `{scheme}://[::1]:8080/`"
                    )));
                }
                (host_start..host_start + c, Some(port))
            }
            None => (host_start..auth_end, None),
        }
    };
    if !hostport.starts_with('[') {
        check_host(&m, host_range.clone())?;
    }
    if let Some(port) = port_range.clone().filter(|p| !overlaps(p)) {
        let text = m.get(port.clone()).unwrap_or("");
        if text.is_empty() {
            return Err(PartError::new(
                "the URL has an empty port after `:`",
                Some(port.start.saturating_sub(1)..port.end),
            )
            .help("write a port number or remove the `:`"));
        }
        match text.parse::<u16>() {
            Ok(n) if n > 0 => {}
            _ if text.chars().all(|c| c.is_ascii_digit()) => {
                return Err(PartError::new(
                    format!("port `{text}` is out of range (1 to 65535)"),
                    Some(port),
                ))
            }
            _ => {
                return Err(PartError::new(
                    format!("`{text}` is not a port number"),
                    Some(port),
                ))
            }
        }
    }
    let rest = m.get(auth_end..).unwrap_or("");
    check_rest(rest, auth_end)?;
    let path_end = auth_end + rest.find(['?', '#']).unwrap_or(rest.len());
    let origin_end = port_range.map(|p| p.end).unwrap_or(host_range.end);
    Ok(Endpoint {
        origin: format!(
            "{scheme}://{}",
            s.get(host_range.start..origin_end).unwrap_or("")
        ),
        scheme: Some(scheme),
        path: s.get(auth_end..path_end).unwrap_or("").to_string(),
    })
}

/// A registered name or an IPv4 address.
fn check_host(m: &str, range: Range<usize>) -> Result<(), PartError> {
    let host = m.get(range.clone()).unwrap_or("");
    if host.is_empty() {
        return Err(PartError::new("the URL has no host", Some(range)));
    }
    for (i, c) in host.char_indices() {
        if !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_')) {
            let at = range.start + i;
            return Err(PartError::new(
                format!("{} is not allowed in a host name", describe_char(c)),
                Some(at..at + c.len_utf8()),
            ));
        }
    }
    // A trailing dot (a fully qualified name) is fine; an empty label is not.
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.split('.').any(str::is_empty) {
        return Err(PartError::new(
            format!("host `{host}` has an empty label (`..` or a leading `.`)"),
            Some(range),
        ));
    }
    // A name whose last label is numeric is an IPv4 address to URL parsers.
    let last_numeric = name
        .rsplit('.')
        .next()
        .is_some_and(|l| l.chars().all(|c| c.is_ascii_digit()));
    if last_numeric && name.parse::<Ipv4Addr>().is_err() {
        return Err(
            PartError::new(format!("`{host}` is not a valid IPv4 address"), Some(range))
                .help("write four numbers from 0 to 255 without leading zeros, e.g. `10.0.0.7`"),
        );
    }
    Ok(())
}

/// Path, query and fragment: no backslash (parsers read it as `/`) and only
/// well-formed `%XX` escapes.
fn check_rest(rest: &str, offset: usize) -> Result<(), PartError> {
    let bytes = rest.as_bytes();
    for (i, c) in rest.char_indices() {
        let at = offset + i;
        match c {
            '\\' => {
                return Err(PartError::new("the URL contains `\\`", Some(at..at + 1))
                    .help("use `/` to separate path segments"))
            }
            '%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return Err(PartError::new(
                        "`%` is not followed by two hex digits",
                        Some(at..at + 1),
                    )
                    .help("write a literal `%` as `%25`"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Whether `c` may appear in an HTTP header name (an RFC 9110 token).
fn token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Parses `'Name: value, Name2: value2'`. Each comma-separated part splits at its first
/// `:` (so a value may contain `:`, which Arroyo would cut off); names and values are
/// trimmed. Every bad part is reported, by its position, never by its text.
pub(crate) fn parse_headers(s: &str) -> Result<BTreeMap<String, Secret>, Vec<PartError>> {
    let mut out: BTreeMap<String, Secret> = BTreeMap::new();
    let mut lower: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut start = 0;
    for (n, part) in s.split(',').enumerate() {
        let n = n + 1;
        let part_start = start;
        start += part.len() + 1;
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        let range = part_start + lead..part_start + lead + trimmed.len();
        if trimmed.is_empty() {
            errors.push(
                PartError::new(
                    format!("header {n} is empty"),
                    Some(part_start..part_start + part.len()),
                )
                .help("remove the extra comma"),
            );
            continue;
        }
        let Some((raw_name, raw_value)) = trimmed.split_once(':') else {
            errors.push(
                PartError::new(format!("header {n} has no `:`"), Some(range)).help(
                    "write each header as `Name: value`, separated by commas; a value cannot contain a comma",
                ),
            );
            continue;
        };
        let name = raw_name.trim();
        let name_start = range.start + (raw_name.len() - raw_name.trim_start().len());
        let name_range = name_start..name_start + name.len();
        if name.is_empty() {
            errors.push(PartError::new(
                format!("header {n} has no name before `:`"),
                Some(range),
            ));
            continue;
        }
        if name.contains("{{") {
            errors.push(
                PartError::new(
                    format!("header {n} takes its name from a `{{{{ VAR }}}}` placeholder"),
                    Some(name_range),
                )
                .help("placeholders may stand in header values only, e.g. `Authorization: Bearer {{ TOKEN }}`"),
            );
            continue;
        }
        if let Some(c) = name.chars().find(|c| !token_char(*c)) {
            errors.push(
                PartError::new(
                    format!(
                        "header {n} has an invalid name: {} is not allowed in header names",
                        describe_char(c)
                    ),
                    Some(name_range),
                )
                .help("header names may contain only letters, digits and the symbols ! # $ % & ' * + - . ^ _ ` | ~"),
            );
            continue;
        }
        let value = raw_value.trim();
        if value.chars().any(|c| c.is_control() && c != '\t') {
            errors.push(PartError::new(
                format!("the value of header `{name}` contains a control character"),
                Some(range),
            ));
            continue;
        }
        if placeholder::find(value).is_err() {
            // The value is secret: say what is wrong without quoting it.
            errors.push(
                PartError::new(
                    format!("the value of header `{name}` has a `{{{{ … }}}}` that is not a valid `{{{{ VAR }}}}` placeholder"),
                    Some(range),
                )
                .help(placeholder::HELP),
            );
            continue;
        }
        let key = name.to_ascii_lowercase();
        if let Some(first) = lower.get(&key) {
            errors.push(
                PartError::new(
                    format!("header `{name}` is set twice (header {first} and header {n}; names are case-insensitive)"),
                    Some(name_range),
                )
                .help("a header takes one value here; remove one of them"),
            );
            continue;
        }
        lower.insert(key, n);
        out.insert(name.to_string(), Secret::new(value));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The span of bytes `at` of a string value written at `span`: exact when the value was
/// written as one quoted literal without escapes (its span is two bytes longer than the
/// text), else the whole value.
pub(crate) fn inner_span(span: Span, text: &str, at: Option<&Range<usize>>) -> Span {
    match at {
        Some(r) if !span.is_detached() && span.len() == text.len() + 2 && r.end <= text.len() => {
            Span::new(span.start + 1 + r.start, span.start + 1 + r.end)
        }
        _ => span,
    }
}

fn report(opts: &mut ConnectorOptions, spec: &OptionSpec, value: &Spanned<String>, e: PartError) {
    let span = inner_span(value.span, &value.node, e.at.as_ref());
    opts.report(
        Diagnostic::error(
            codes::INVALID_VALUE,
            span,
            format!("invalid value for `{}`: {}", spec.key, e.message),
        )
        .with_optional_help(e.help),
    );
}

/// Pulls a required endpoint and checks it with [`check_url`]; reports and returns
/// `None` when it is missing or invalid.
pub(crate) fn endpoint(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
    schemes: &[&str],
    allow_placeholders: bool,
) -> Option<(String, Endpoint)> {
    let value = opts.string(spec)?;
    match check_url(&value.node, schemes, allow_placeholders) {
        Ok(e) => Some((value.node, e)),
        Err(e) => {
            report(opts, spec, &value, e);
            None
        }
    }
}

/// Origin and path of an endpoint, for descriptions (the query string may carry an API
/// key); `an invalid endpoint` when it does not check.
pub(crate) fn describe_endpoint(
    endpoint: &str,
    schemes: &[&str],
    allow_placeholders: bool,
) -> String {
    check_url(endpoint, schemes, allow_placeholders)
        .map(|e| e.without_query())
        .unwrap_or_else(|_| "an invalid endpoint".to_string())
}

/// Pulls the endpoint and the headers every HTTP-family table has: the endpoint as
/// written, and the headers (empty when absent); `None` when missing or invalid.
pub(crate) fn endpoint_and_headers(
    opts: &mut ConnectorOptions,
    endpoint_spec: &OptionSpec,
    headers_spec: &OptionSpec,
    schemes: &[&str],
    allow_placeholders: bool,
) -> (Option<String>, Option<BTreeMap<String, Secret>>) {
    let endpoint = endpoint(opts, endpoint_spec, schemes, allow_placeholders).map(|e| e.0);
    (endpoint, headers(opts, headers_spec))
}

/// Pulls an optional header string: `Some(empty)` when absent, `None` when invalid (every
/// bad part is reported).
pub(crate) fn headers(
    opts: &mut ConnectorOptions,
    spec: &OptionSpec,
) -> Option<BTreeMap<String, Secret>> {
    let present = opts.is_pending(spec.key);
    let Some(value) = opts.string(spec) else {
        return (!present).then(BTreeMap::new);
    };
    match parse_headers(&value.node) {
        Ok(map) => Some(map),
        Err(errors) => {
            for e in errors {
                report(opts, spec, &value, e);
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTTP: &[&str] = HTTP_SCHEMES;
    const WS: &[&str] = &["ws", "wss"];

    fn origin(s: &str) -> Result<(String, String), String> {
        check_url(s, HTTP, true)
            .map(|e| (e.origin, e.path))
            .map_err(|e| e.message)
    }

    #[test]
    fn good_urls() {
        // (URL, origin, path)
        let cases = [
            (
                "https://api.example.com/v1/items?token=x",
                "https://api.example.com",
                "/v1/items",
            ),
            ("HTTP://user@localhost:8080", "http://localhost:8080", ""),
            (
                "https://bot:{{ BOT_PASSWORD }}@hooks.example.com/x",
                "https://hooks.example.com",
                "/x",
            ),
            ("http://[::1]:9000/x#frag", "http://[::1]:9000", "/x"),
            ("http://10.0.0.7/a%20b", "http://10.0.0.7", "/a%20b"),
            ("https://bücher.example./", "https://bücher.example.", "/"),
        ];
        for (url, o, path) in cases {
            assert_eq!(origin(url), Ok((o.into(), path.into())), "{url}");
        }
        assert!(check_url("wss://stream.example.com/ws", WS, false).is_ok());
    }

    #[test]
    fn bad_urls() {
        // (URL, message)
        let cases = [
            ("example.com/x", "the URL has no scheme"),
            ("localhost:8080", "the URL has no scheme"),
            (
                "ftp://x",
                "unsupported scheme `ftp`; expected `http` or `https`",
            ),
            ("http:x", "expected `//` after `http:`"),
            ("http:///x", "the URL has no host"),
            ("http://a b/", "the URL contains a space"),
            (" http://a/", "the URL has leading or trailing spaces"),
            (
                "http://a:99999/",
                "port `99999` is out of range (1 to 65535)",
            ),
            ("http://a:0/", "port `0` is out of range (1 to 65535)"),
            ("http://a:x/", "`x` is not a port number"),
            ("http://a:/", "the URL has an empty port after `:`"),
            (
                "http://256.1.1.1/",
                "`256.1.1.1` is not a valid IPv4 address",
            ),
            (
                "http://a..b/",
                "host `a..b` has an empty label (`..` or a leading `.`)",
            ),
            ("http://[::g]/", "`::g` is not a valid IPv6 address"),
            ("http://::1/", "the host has more than one `:`"),
            ("http://a/%zz", "`%` is not followed by two hex digits"),
            ("http://a\\b", "the URL contains `\\`"),
            ("http://a<b/", "`<` is not allowed in a host name"),
            (
                "http://{{ HOST }}/",
                "`{{ VAR }}` placeholders are not substituted in this endpoint",
            ),
        ];
        for (url, message) in cases {
            let got = check_url(url, HTTP, false).err().map(|e| e.message);
            assert_eq!(got.as_deref(), Some(message), "{url}");
        }
    }

    #[test]
    fn error_ranges_point_at_the_part() {
        let e = check_url("http://a:99999/", HTTP, false).err();
        assert_eq!(e.and_then(|e| e.at), Some(9..14));
        let e = check_url("ftp://a", HTTP, false).err();
        assert_eq!(e.and_then(|e| e.at), Some(0..3));
    }

    #[test]
    fn placeholders_in_substituted_urls() {
        assert!(check_url("https://{{ not a var }}/x", HTTP, true).is_err());
        assert!(check_url("https://{{ not a var }}/x", HTTP, false).is_err());
        assert_eq!(
            origin("{{ BASE_URL }}/hooks/1?k=v"),
            Ok(("{{ BASE_URL }}".into(), "/hooks/1".into()))
        );
        assert_eq!(
            origin("https://{{ HOST }}:{{ PORT }}/x"),
            Ok(("https://{{ HOST }}:{{ PORT }}".into(), "/x".into()))
        );
        assert!(check_url("ftp://{{ HOST }}", HTTP, true).is_err());
    }

    #[test]
    fn headers_parse() {
        let h = parse_headers("Content-Type: application/json, Authorization: Bearer a:b")
            .unwrap_or_default();
        let shown: Vec<(&str, &str)> = h.iter().map(|(k, v)| (k.as_str(), v.expose())).collect();
        assert_eq!(
            shown,
            vec![
                ("Authorization", "Bearer a:b"),
                ("Content-Type", "application/json")
            ]
        );
        assert_eq!(
            parse_headers("X-Empty:").map(|h| h.len()),
            Ok(1),
            "an empty value is valid HTTP"
        );
    }

    #[test]
    fn bad_headers_name_the_part_not_the_text() {
        let errs = parse_headers("A: 1, Bearer secret-token, , B C: 2, a: 3, {{ H }}: x")
            .err()
            .unwrap_or_default();
        let msgs: Vec<String> = errs.iter().map(|e| e.message.clone()).collect();
        assert_eq!(
            msgs,
            vec![
                "header 2 has no `:`",
                "header 3 is empty",
                "header 4 has an invalid name: a space is not allowed in header names",
                "header `a` is set twice (header 1 and header 5; names are case-insensitive)",
                "header 6 takes its name from a `{{ VAR }}` placeholder",
            ]
        );
        assert!(msgs.iter().all(|m| !m.contains("secret-token")));
        assert_eq!(errs.first().and_then(|e| e.at.clone()), Some(6..25));
    }

    fn range_ok(s: &str, at: &Option<Range<usize>>) -> bool {
        at.as_ref().is_none_or(|r| {
            r.start <= r.end && s.is_char_boundary(r.start) && s.is_char_boundary(r.end)
        })
    }

    proptest::proptest! {
        #[test]
        fn url_check_never_panics_and_points_inside(
            text in "(https?|wss?|ftp)?(:|://)?[a-z0-9.:@\\[\\]%/?# {}_-]{0,40}|\\PC{0,40}"
        ) {
            for allow in [true, false] {
                if let Err(e) = check_url(&text, HTTP, allow) {
                    proptest::prop_assert!(range_ok(&text, &e.at));
                }
            }
        }

        #[test]
        fn header_parse_never_panics_and_points_inside(
            text in "[A-Za-z {}:,=\t-]{0,40}|\\PC{0,40}"
        ) {
            if let Err(errors) = parse_headers(&text) {
                for e in errors {
                    proptest::prop_assert!(range_ok(&text, &e.at));
                }
            }
        }
    }

    #[test]
    fn inner_spans() {
        let span = Span::new(10, 17); // `'abcde'`
        assert_eq!(inner_span(span, "abcde", Some(&(1..3))), Span::new(12, 14));
        assert_eq!(inner_span(span, "abcd", Some(&(1..3))), span);
        assert_eq!(inner_span(span, "abcde", None), span);
    }
}
