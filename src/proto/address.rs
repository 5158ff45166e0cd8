//! Mailbox syntax of RFC 5321 §4.1.2, strictly.
//!
//! A relay is only as safe as its address parser: the percent hack
//! (`a%b@c`), source routes (`@a:b@c`), bang paths and quoted local parts
//! carrying an `@` have all been used to make relays forward mail where they
//! shouldn't. sealgate's relay decision does not depend on the recipient
//! domain, but the next hop's might, so those forms are refused outright.

use std::fmt;

#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Address {
    pub local: String,
    /// Lowercased: routing, grouping and policy compare domains exactly.
    pub domain: String,
}

impl Address {
    /// Whether the address needs SMTPUTF8 (RFC 6531) to be sent.
    pub fn is_utf8(&self) -> bool {
        !self.local.is_ascii() || !self.domain.is_ascii()
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("address must be enclosed in <>")]
    NoBrackets,
    #[error("source routes are not accepted")]
    SourceRoute,
    #[error("address has no domain")]
    NoDomain,
    #[error("bad local part")]
    BadLocal,
    #[error("bad domain")]
    BadDomain,
    #[error("'%', '!' and quoted '@' routing forms are not accepted")]
    RoutingTrick,
    #[error("address too long")]
    TooLong,
    #[error("non-ASCII address without SMTPUTF8")]
    NeedsUtf8,
}

/// Parses `<mailbox>` (or `<>` when `allow_null`) at the start of `s`,
/// returning the address (None for the null path) and the rest of the line.
pub fn parse_path(
    s: &str,
    allow_null: bool,
    utf8: bool,
) -> Result<(Option<Address>, &str), AddressError> {
    let s = s.trim_start_matches(' ');
    let Some(inner_start) = s.strip_prefix('<') else {
        return Err(AddressError::NoBrackets);
    };
    // A quoted local part may contain '>', so find the closing bracket with quoting in mind.
    let mut in_quotes = false;
    let mut escaped = false;
    let mut end = None;
    for (i, c) in inner_start.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if in_quotes => escaped = true,
            '"' => in_quotes = !in_quotes,
            '>' if !in_quotes => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let end = end.ok_or(AddressError::NoBrackets)?;
    let inner = &inner_start[..end];
    let rest = &inner_start[end + 1..];
    if inner.is_empty() {
        return if allow_null {
            Ok((None, rest))
        } else {
            Err(AddressError::NoDomain)
        };
    }
    if inner.starts_with('@') {
        return Err(AddressError::SourceRoute);
    }
    let addr = parse_mailbox_inner(inner, utf8)?;
    Ok((Some(addr), rest))
}

/// Parses a bare `local@domain` (config values, ORCPT contents).
pub fn parse_mailbox(s: &str) -> Result<Address, AddressError> {
    parse_mailbox_inner(s, true)
}

fn parse_mailbox_inner(s: &str, utf8: bool) -> Result<Address, AddressError> {
    if s.len() > 254 {
        return Err(AddressError::TooLong);
    }
    if !utf8 && !s.is_ascii() {
        return Err(AddressError::NeedsUtf8);
    }
    let at = s.rfind('@').ok_or(AddressError::NoDomain)?;
    let (local, domain) = (&s[..at], &s[at + 1..]);
    if local.is_empty() || local.len() > 64 {
        return Err(AddressError::BadLocal);
    }
    if local.starts_with('"') {
        check_quoted(local)?;
    } else {
        check_dot_string(local)?;
    }
    let domain = domain.to_lowercase();
    // A name IDNA cannot turn into an A-label could be neither routed nor
    // matched against sender domains, so it is refused here, once.
    let routable = is_valid_domain(&domain) && normalize_domain(&domain).is_ok();
    if !(routable || is_address_literal(&domain)) {
        return Err(AddressError::BadDomain);
    }
    Ok(Address {
        local: local.to_string(),
        domain,
    })
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$&'*+-/=?^_`{|}~".contains(c) || !c.is_ascii()
}

fn check_dot_string(local: &str) -> Result<(), AddressError> {
    if local.contains('%') || local.contains('!') {
        return Err(AddressError::RoutingTrick);
    }
    for atom in local.split('.') {
        if atom.is_empty() || !atom.chars().all(is_atext) {
            return Err(AddressError::BadLocal);
        }
    }
    Ok(())
}

fn check_quoted(local: &str) -> Result<(), AddressError> {
    let body = local
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .ok_or(AddressError::BadLocal)?;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if (' '..='~').contains(&e) => {
                    if e == '@' {
                        return Err(AddressError::RoutingTrick);
                    }
                }
                _ => return Err(AddressError::BadLocal),
            },
            '@' | '%' | '!' => return Err(AddressError::RoutingTrick),
            c if c == ' ' || ('#'..='~').contains(&c) || c == '!' || !c.is_ascii() => {}
            _ => return Err(AddressError::BadLocal),
        }
    }
    Ok(())
}

/// A host name: dot-separated labels of letters, digits and inner hyphens
/// (U-labels allowed), each 1..=63 octets, at most 253 octets in all.
pub fn is_valid_domain(d: &str) -> bool {
    let d = d.strip_suffix('.').unwrap_or(d);
    if d.is_empty() || d.len() > 253 {
        return false;
    }
    d.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| {
                c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
            })
    })
}

/// The one spelling of a domain that routes, sender-domain bindings and
/// per-domain grouping compare: lowercase A-labels (IDNA, UTS #46) without
/// a trailing dot. `Portal.TEST.`, `portal.test` and `bücher.test` vs
/// `xn--bcher-kva.test` must all be the same domain, or a route or a binding
/// is silently skipped. Address literals (`[192.0.2.1]`) come back lowercased.
pub fn normalize_domain(d: &str) -> Result<String, AddressError> {
    if is_address_literal(&d.to_ascii_lowercase()) {
        return Ok(d.to_ascii_lowercase());
    }
    let d = d.strip_suffix('.').unwrap_or(d);
    if d.is_empty() || d.starts_with('.') {
        return Err(AddressError::BadDomain);
    }
    let ascii = idna::uts46::Uts46::new()
        .to_ascii(
            d.as_bytes(),
            idna::uts46::AsciiDenyList::STD3,
            idna::uts46::Hyphens::CheckFirstLast,
            idna::uts46::DnsLength::Verify,
        )
        .map_err(|_| AddressError::BadDomain)?;
    if !is_valid_domain(&ascii) || ascii.ends_with('.') {
        return Err(AddressError::BadDomain);
    }
    Ok(ascii.into_owned())
}

fn is_address_literal(d: &str) -> bool {
    let Some(inner) = d.strip_prefix('[').and_then(|d| d.strip_suffix(']')) else {
        return false;
    };
    match inner.strip_prefix("ipv6:") {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
        None => inner.parse::<std::net::Ipv4Addr>().is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Option<Address>, AddressError> {
        parse_path(s, true, false).map(|(a, _)| a)
    }

    #[test]
    fn accepts_ordinary_addresses() {
        let a = p("<Jane.Doe+x@Example.ORG>").unwrap().unwrap();
        assert_eq!(a.local, "Jane.Doe+x");
        assert_eq!(a.domain, "example.org");
        assert_eq!(p("<>").unwrap(), None);
        assert!(p("<a@[192.0.2.1]>").unwrap().is_some());
        assert!(p("<a@[IPv6:2001:db8::1]>").unwrap().is_some());
        assert!(p("<\"john smith\"@example.org>").unwrap().is_some());
        let (_, rest) = parse_path("<a@b.org> SIZE=100", false, false).unwrap();
        assert_eq!(rest, " SIZE=100");
    }

    #[test]
    fn refuses_relay_tricks() {
        assert_eq!(p("<a%b.org@c.org>"), Err(AddressError::RoutingTrick));
        assert_eq!(p("<@relay.org:a@b.org>"), Err(AddressError::SourceRoute));
        assert_eq!(p("<b.org!a@c.org>"), Err(AddressError::RoutingTrick));
        assert_eq!(p("<\"a@b.org\"@c.org>"), Err(AddressError::RoutingTrick));
        assert_eq!(p("<\"a\\@b.org\"@c.org>"), Err(AddressError::RoutingTrick));
    }

    #[test]
    fn refuses_malformed() {
        assert_eq!(p("a@b.org"), Err(AddressError::NoBrackets));
        assert_eq!(p("<a@b.org"), Err(AddressError::NoBrackets));
        assert_eq!(p("<ab.org>"), Err(AddressError::NoDomain));
        assert_eq!(p("<a@>"), Err(AddressError::BadDomain));
        assert_eq!(p("<a@-b.org>"), Err(AddressError::BadDomain));
        assert_eq!(p("<a..b@c.org>"), Err(AddressError::BadLocal));
        assert_eq!(p("<a b@c.org>"), Err(AddressError::BadLocal));
        assert_eq!(p("<a@b_c.org>"), Err(AddressError::BadDomain));
        assert_eq!(p("<a@[300.1.1.1]>"), Err(AddressError::BadDomain));
        assert_eq!(p("<jöe@b.org>"), Err(AddressError::NeedsUtf8));
        assert!(parse_path("<jöe@bücher.de>", false, true).is_ok());
        let long = format!("<{}@b.org>", "a".repeat(65));
        assert_eq!(p(&long), Err(AddressError::BadLocal));
        // Alphanumeric, but IDNA disallows it: no route could ever match.
        assert_eq!(
            parse_path("<a@xn--zz.org>", false, true).map(|(a, _)| a),
            Err(AddressError::BadDomain)
        );
    }

    #[test]
    fn normalizes_domains_to_lowercase_a_labels() {
        let n = |d: &str| normalize_domain(d);
        assert_eq!(n("portal.test").unwrap(), "portal.test");
        assert_eq!(n("Portal.TEST.").unwrap(), "portal.test");
        assert_eq!(n("bücher.test").unwrap(), "xn--bcher-kva.test");
        assert_eq!(n("BÜCHER.test").unwrap(), "xn--bcher-kva.test");
        assert_eq!(n("XN--BCHER-KVA.test").unwrap(), "xn--bcher-kva.test");
        assert_eq!(n("münchen.test.").unwrap(), "xn--mnchen-3ya.test");
        assert_eq!(n("[192.0.2.1]").unwrap(), "[192.0.2.1]");
        assert_eq!(n("[IPv6:2001:db8::1]").unwrap(), "[ipv6:2001:db8::1]");
        for bad in [
            "",
            ".",
            "a..b",
            ".a.b",
            "a.b..",
            "-a.b",
            "a-.b",
            "a_b.test",
            "a b.test",
            "xn--zz.test",
            "a@b.test",
            &format!("{}.test", "a".repeat(64)),
        ] {
            assert_eq!(n(bad), Err(AddressError::BadDomain), "{bad:?}");
        }
    }
}
