//! Cross-site request forgery defence for every POST: the `Origin` header
//! must name exactly our own origin. (The session cookie is also
//! SameSite=Strict and the reply carries a per-session CSRF token; this is
//! the check that needs no state.)

/// The serialized origin (`scheme://host[:port]`) of `base_url`, as a
/// browser would send it: lower-case scheme and host, default port left
/// out. `None` if `base_url` is not an absolute http(s) URL.
pub fn origin_of(base_url: &str) -> Option<String> {
    let (scheme, rest) = base_url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (inside, after) = v6.split_once(']')?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (format!("[{inside}]"), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (authority.to_string(), None),
        }
    };
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let host = host.to_ascii_lowercase();
    match port {
        Some(p) if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) => None,
        Some(p) if p != default_port => Some(format!("{scheme}://{host}:{p}")),
        _ => Some(format!("{scheme}://{host}")),
    }
}

/// Whether the request's `Origin` header values allow a state change: there
/// must be exactly one, equal to `expected` byte for byte.
pub fn allowed<'a>(expected: Option<&str>, mut values: impl Iterator<Item = &'a [u8]>) -> bool {
    let (Some(expected), Some(first), None) = (expected, values.next(), values.next()) else {
        return false;
    };
    first == expected.as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_serialized_like_browsers_do() {
        assert_eq!(
            origin_of("https://portal.example.org").as_deref(),
            Some("https://portal.example.org")
        );
        assert_eq!(
            origin_of("HTTPS://Portal.Example.org:443/").as_deref(),
            Some("https://portal.example.org")
        );
        assert_eq!(
            origin_of("https://127.0.0.1:8443/some/path?x#y").as_deref(),
            Some("https://127.0.0.1:8443")
        );
        assert_eq!(
            origin_of("https://[::1]:8443").as_deref(),
            Some("https://[::1]:8443")
        );
        assert_eq!(origin_of("https://[::1]").as_deref(), Some("https://[::1]"));
    }

    #[test]
    fn nonsense_base_urls_have_no_origin() {
        for bad in [
            "portal.example.org",
            "ftp://x.example",
            "https://",
            "https://user@x.example",
            "https://x.example:",
            "https://x.example:84a3",
            "https://[::1",
        ] {
            assert_eq!(origin_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_our_exact_origin_passes() {
        let ours = Some("https://p.example:8443");
        let ok = |vals: &[&str]| allowed(ours, vals.iter().map(|v| v.as_bytes()));
        assert!(ok(&["https://p.example:8443"]));
        assert!(!ok(&[]));
        assert!(!ok(&["null"]));
        assert!(!ok(&["https://p.example"]));
        assert!(!ok(&["https://p.example:8443.evil.example"]));
        assert!(!ok(&["http://p.example:8443"]));
        assert!(!ok(&["https://p.example:8443", "https://p.example:8443"]));
        assert!(!allowed(
            None,
            ["https://p.example:8443".as_bytes()].into_iter()
        ));
    }
}
