//! The portal's public address (checked by `config`): links in
//! notifications, and the origin a reply's `Origin` header must equal.

/// The origin (`https://host[:port]`) of a checked base URL.
pub fn origin(base_url: &str) -> String {
    base_url.trim_end_matches('/').to_ascii_lowercase()
}

/// The link a notification carries.
pub fn message_link(base_url: &str, token: &str) -> String {
    format!("{}/m/{token}", base_url.trim_end_matches('/'))
}

/// The host name a recipient can check the link against.
pub fn host(base_url: &str) -> &str {
    let rest = base_url.strip_prefix("https://").unwrap_or(base_url);
    let rest = rest.trim_end_matches('/');
    match rest.rfind(':') {
        Some(i) if !rest.ends_with(']') => &rest[..i],
        _ => rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            origin("https://Portal.Example.org:8443/"),
            "https://portal.example.org:8443"
        );
        assert_eq!(message_link("https://a.test/", "T"), "https://a.test/m/T");
        assert_eq!(host("https://a.test:8443"), "a.test");
    }
}
