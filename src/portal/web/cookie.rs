//! The session cookie. The `__Host-` prefix makes browsers refuse it unless
//! it is Secure, has Path=/ and no Domain, so a sibling host cannot plant or
//! read it; SameSite=Strict keeps it off cross-site requests.

pub const NAME: &str = "__Host-sg_session";

/// The Set-Cookie value, or `None` if the store handed us a value that is not
/// a plain cookie token (it would break the header or smuggle attributes).
pub fn set_cookie(value: &str, max_age_secs: u64) -> Option<String> {
    if !is_token(value) {
        return None;
    }
    Some(format!(
        "{NAME}={value}; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age_secs}"
    ))
}

/// Clears the cookie (when the store no longer knows the session).
pub const CLEAR: &str = "__Host-sg_session=; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";

/// Our cookie's value among the request's `Cookie` headers.
pub fn find<'a>(headers: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    headers
        .into_iter()
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == NAME && is_token(value))
        .map(|(_, value)| value)
}

fn is_token(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 256
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.+/=~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cookie_has_every_flag() {
        let c = set_cookie("abc-DEF_123", 900).expect("plain token");
        assert_eq!(
            c,
            "__Host-sg_session=abc-DEF_123; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=900"
        );
    }

    #[test]
    fn clearing_names_the_same_cookie() {
        assert!(CLEAR.starts_with(&format!("{NAME}=;")));
        assert!(CLEAR.ends_with("Max-Age=0"));
    }

    #[test]
    fn values_that_would_break_the_header_are_refused() {
        assert_eq!(set_cookie("a; Domain=evil.example", 1), None);
        assert_eq!(set_cookie("a\r\nSet-Cookie: x=y", 1), None);
        assert_eq!(set_cookie("", 1), None);
    }

    #[test]
    fn finds_ours_among_others() {
        assert_eq!(find(["a=1; __Host-sg_session=tok; b=2"]), Some("tok"));
        assert_eq!(find(["a=1", "__Host-sg_session=tok2"]), Some("tok2"));
        assert_eq!(find(["sg_session=tok"]), None);
        assert_eq!(find(["__Host-sg_session="]), None);
        assert_eq!(find(Vec::<&str>::new()), None);
    }
}
