//! MTA-STS (RFC 8461): a domain's way of saying "my mail servers are these,
//! and they all have certificates that verify — refuse to deliver otherwise".
//!
//! Without it, an attacker on the path can strip STARTTLS or answer MX
//! queries with their own host, and an opportunistic sender falls back to
//! plaintext or trusts the wrong server. MTA-STS closes that gap for
//! domains that publish it, without DNSSEC: the policy is fetched over
//! HTTPS with a WebPKI-verified certificate, and cached for `max_age` so a
//! later attacker who blocks the fetch cannot switch enforcement off.
//!
//! The pieces follow the RFC's own split — lookup (`record`: the
//! `_mta-sts` TXT record), fetch (`fetch` over a deliberately tiny
//! HTTP/1.1 client in `http`), parse (`policy`) — and [`discover`] ties them
//! together. The cache decisions (RFC 8461 §3, §5.1) are a pure function in
//! `decide` so they are table-tested without DNS or sockets. This module
//! never stores anything: the caller persists [`Cached`] as JSON and passes
//! it back, so the policy survives restarts.

mod decide;
pub mod fetch;
mod http;
pub mod policy;
pub mod record;

pub use decide::{Action, TxtState, decide, settle};
pub use fetch::{FetchError, fetch, fetch_from, policy_host};
pub use policy::PolicyError;
pub use record::{Record, RecordError};

use std::sync::Arc;
use std::time::Duration;

use crate::outbound::dns::{Dns, TxtLookup};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Deliver only to a matching MX with a verified certificate.
    Enforce,
    /// Deliver as usual, but report what enforcement would have refused.
    Testing,
    /// The domain withdrew its policy (RFC 8461 §8.3).
    None,
}

impl Mode {
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Enforce => "enforce",
            Mode::Testing => "testing",
            Mode::None => "none",
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Policy {
    pub mode: Mode,
    /// Host names or `*.domain` patterns the domain's MX hosts must match.
    pub mx: Vec<String>,
    /// Seconds the policy stays valid after it was fetched.
    pub max_age: u64,
}

impl Policy {
    /// Whether `mx_host` is one of the policy's mail servers (RFC 8461
    /// §4.1). `*.example.com` stands for exactly one leftmost label, so it
    /// covers `mx.example.com` but neither `example.com` nor
    /// `a.b.example.com`. Names compare as lowercase A-labels without a
    /// trailing dot, because DNS hands us `MX.Example.com.` and policies are
    /// hand-written.
    pub fn matches(&self, mx_host: &str) -> bool {
        let Some(host) = normalize_host(mx_host) else {
            return false;
        };
        self.mx
            .iter()
            .any(|pattern| pattern_matches(pattern, &host))
    }
}

fn pattern_matches(pattern: &str, host: &str) -> bool {
    match pattern.strip_prefix("*.") {
        Some(suffix) => {
            let Some(suffix) = normalize_host(suffix) else {
                return false;
            };
            host.split_once('.')
                .is_some_and(|(first, rest)| !first.is_empty() && first != "*" && rest == suffix)
        }
        None => normalize_host(pattern).is_some_and(|p| p == host),
    }
}

/// `MX.Bücher.example.` → `mx.xn--bcher-kva.example`; `None` for what cannot
/// be a host name. Lenient on purpose (no STD3 rules): it makes names
/// comparable, and the policy parser checks syntax on its own.
pub(crate) fn normalize_host(name: &str) -> Option<String> {
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.is_empty() || name.starts_with('.') {
        return None;
    }
    idna::uts46::Uts46::new()
        .to_ascii(
            name.as_bytes(),
            idna::uts46::AsciiDenyList::EMPTY,
            idna::uts46::Hyphens::Allow,
            idna::uts46::DnsLength::Ignore,
        )
        .ok()
        .map(|s| s.into_owned())
}

/// A policy as cached (must survive restarts; the caller persists it as JSON).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cached {
    /// The TXT record's id when the policy was fetched.
    pub id: String,
    pub policy: Policy,
    /// Unix seconds.
    pub fetched_at: u64,
    /// Unix seconds: `fetched_at + max_age`.
    pub expires_at: u64,
}

impl Cached {
    pub fn new(id: &str, policy: Policy, fetched_at: u64) -> Cached {
        Cached {
            id: id.to_string(),
            expires_at: fetched_at.saturating_add(policy.max_age),
            policy,
            fetched_at,
        }
    }

    /// Still usable at `now`. A policy with `max_age: 0` applies to the
    /// delivery that fetched it and is never reused.
    pub fn is_fresh(&self, now: u64) -> bool {
        now < self.expires_at
    }
}

/// What policy discovery concluded for a domain, with a sentence saying why
/// (for the log and `tls show`; it names fields, never the policy's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    /// Apply this policy. `refreshed`: newly fetched, so the caller should
    /// persist it.
    Policy {
        cached: Cached,
        refreshed: bool,
        evidence: String,
    },
    /// The domain publishes no policy (and none is cached).
    NoPolicy { evidence: String },
    /// A policy may exist but could not be learned, and none is cached: the
    /// caller delivers as without a policy (RFC 8461 §5) and records this.
    Failed { evidence: String },
}

impl Discovery {
    pub fn policy(&self) -> Option<&Cached> {
        match self {
            Discovery::Policy { cached, .. } => Some(cached),
            _ => None,
        }
    }

    pub fn evidence(&self) -> &str {
        match self {
            Discovery::Policy { evidence, .. }
            | Discovery::NoPolicy { evidence }
            | Discovery::Failed { evidence } => evidence,
        }
    }
}

/// How policies are fetched. Production uses port 443; tests point it
/// elsewhere with a test CA in `tls`.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    pub port: u16,
    /// A verifying client config (WebPKI roots plus the admin's `ca_file`):
    /// RFC 8461 §3.3 makes a verified certificate the whole point.
    pub tls: Arc<rustls::ClientConfig>,
    /// The whole fetch — resolve, connect, handshake, response — so a dead
    /// policy host never stalls the queue.
    pub timeout: Duration,
    /// Largest accepted body; the RFC's policies are a few hundred bytes.
    pub max_body: usize,
}

impl FetchSettings {
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
    pub const DEFAULT_MAX_BODY: usize = 64 * 1024;
}

/// Learns `domain`'s policy (RFC 8461 §3, §5.1): the `_mta-sts` TXT
/// record, then the cached policy if its id is current and it has not
/// expired, else a fresh fetch — and a still-valid cached policy whenever
/// the live one cannot be had, so an attacker who blocks DNS or HTTPS cannot
/// downgrade a domain we already know enforces.
pub async fn discover(
    dns: &Dns,
    domain: &str,
    fetch: &FetchSettings,
    cached: Option<&Cached>,
    now: u64,
) -> Discovery {
    if domain.starts_with('[') || domain.parse::<std::net::IpAddr>().is_ok() {
        return Discovery::NoPolicy {
            evidence: format!(
                "{} is an address literal, which has no MTA-STS policy",
                excerpt(domain)
            ),
        };
    }
    let Some(domain) = normalize_host(domain) else {
        return Discovery::Failed {
            evidence: format!("{} is not a domain name", excerpt(domain)),
        };
    };
    let txt = match dns.txt(&format!("_mta-sts.{domain}")).await {
        TxtLookup::Records(records) => match record::select(&records) {
            Ok(r) => TxtState::Id(r.id),
            Err(e) => TxtState::Absent(format!("_mta-sts.{domain}: {e}")),
        },
        TxtLookup::NotFound => TxtState::Absent(format!("no TXT record at _mta-sts.{domain}")),
        TxtLookup::Temporary(e) => TxtState::Temporary(e),
    };
    match decide(&txt, cached, now) {
        Action::Done(d) => d,
        Action::Fetch { id } => {
            let result = fetch::fetch(dns, &domain, fetch).await;
            settle(&domain, &id, result, cached, now)
        }
    }
}

/// A value from the network, fit for an error or a log line: quoted,
/// escaped and short.
pub(crate) fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{:?}…", &s[..cut]),
        None => format!("{s:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(mx: &[&str]) -> Policy {
        Policy {
            mode: Mode::Enforce,
            mx: mx.iter().map(|s| s.to_string()).collect(),
            max_age: 86400,
        }
    }

    #[test]
    fn wildcard_matching() {
        let p = policy(&["*.example.com"]);
        let table = [
            ("mx.example.com", true),
            ("MX.Example.COM", true),
            ("mx.example.com.", true),
            ("a.b.example.com", false),
            ("example.com", false),
            (".example.com", false),
            ("mx.example.com.evil", false),
            ("mxexample.com", false),
            ("*.example.com", false),
            ("", false),
        ];
        for (host, want) in table {
            assert_eq!(p.matches(host), want, "{host}");
        }
    }

    #[test]
    fn exact_matching() {
        let p = policy(&["mail.example.com", "Backup.Example.NET."]);
        let table = [
            ("mail.example.com", true),
            ("MAIL.EXAMPLE.COM.", true),
            ("backup.example.net", true),
            ("x.mail.example.com", false),
            ("example.com", false),
        ];
        for (host, want) in table {
            assert_eq!(p.matches(host), want, "{host}");
        }
    }

    #[test]
    fn internationalized_names_compare_as_a_labels() {
        let p = policy(&["*.xn--bcher-kva.example"]);
        assert!(p.matches("mx.bücher.example"));
        assert!(p.matches("mx.BÜCHER.example."));
        let p = policy(&["mx.Bücher.example"]);
        assert!(p.matches("mx.xn--bcher-kva.example"));
        assert!(!policy(&[]).matches("mx.example.com"));
    }

    #[test]
    fn cache_expiry_and_json() {
        let c = Cached::new("20261130T1", policy(&["*.example.com"]), 1_000);
        assert_eq!(c.expires_at, 87_400);
        assert!(c.is_fresh(87_399));
        assert!(!c.is_fresh(87_400));
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"mode\":\"enforce\""), "{json}");
        let back: Cached = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        let huge = Policy {
            max_age: u64::MAX,
            ..policy(&[])
        };
        assert_eq!(Cached::new("1", huge, 5).expires_at, u64::MAX);
    }
}
