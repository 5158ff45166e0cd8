//! Where a domain's mail goes: MX records in preference order, the implicit
//! MX of RFC 5321 §5.1 when there are none, null MX (RFC 7505), then each
//! host's addresses.

use std::net::{IpAddr, SocketAddr};

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;

#[derive(Debug, thiserror::Error)]
pub enum DnsError {
    #[error("resolver setup: {0}")]
    Setup(String),
}

/// A host to try, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub host: String,
    pub addr: SocketAddr,
    pub secure: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resolution {
    Hosts(Vec<Candidate>),
    /// The domain does not exist or takes no mail: a permanent failure.
    Permanent {
        status: &'static str,
        reason: String,
    },
    /// Try again later.
    Temporary(String),
}

/// The answer to a TXT query, with "no such name" and "no TXT at that name"
/// folded into one: for MTA-STS (RFC 8461 §3.1) both mean "no record".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxtLookup {
    /// One string per record: its character-strings joined, since long TXT
    /// values are split into 255-byte pieces that mean nothing apart.
    Records(Vec<String>),
    NotFound,
    /// Try again later: the answer is unknown, not negative.
    Temporary(String),
}

pub struct Dns {
    resolver: TokioResolver,
}

impl Dns {
    /// `nameservers` empty: the system resolver (`/etc/resolv.conf`).
    pub fn new(nameservers: &[SocketAddr]) -> Result<Dns, DnsError> {
        let mut opts = ResolverOpts::default();
        opts.timeout = std::time::Duration::from_secs(5);
        opts.attempts = 2;
        let resolver = if nameservers.is_empty() {
            let mut b =
                TokioResolver::builder_tokio().map_err(|e| DnsError::Setup(e.to_string()))?;
            *b.options_mut() = opts;
            b.build().map_err(|e| DnsError::Setup(e.to_string()))?
        } else {
            let servers = nameservers
                .iter()
                .map(|ns| {
                    let mut udp = ConnectionConfig::udp();
                    udp.port = ns.port();
                    let mut tcp = ConnectionConfig::tcp();
                    tcp.port = ns.port();
                    NameServerConfig::new(ns.ip(), true, vec![udp, tcp])
                })
                .collect();
            TokioResolver::builder_with_config(
                ResolverConfig::from_name_servers(servers),
                TokioRuntimeProvider::default(),
            )
            .with_options(opts)
            .build()
            .map_err(|e| DnsError::Setup(e.to_string()))?
        };
        Ok(Dns { resolver })
    }

    /// The hosts for `domain`, most preferred first, each with its addresses.
    pub async fn resolve_domain(&self, domain: &str, port: u16) -> Resolution {
        if let Some(ip) = literal_ip(domain) {
            return Resolution::Hosts(vec![Candidate {
                host: domain.to_string(),
                addr: SocketAddr::new(ip, port),
                secure: false,
            }]);
        }
        let fqdn = format!("{}.", domain.trim_end_matches('.'));
        let mut hosts: Vec<(u16, String)> = match self.resolver.mx_lookup(fqdn.as_str()).await {
            Ok(lookup) => lookup
                .answers()
                .iter()
                .filter_map(|r| match &r.data {
                    RData::MX(mx) => Some((mx.preference, mx.exchange.to_ascii())),
                    _ => None,
                })
                .collect(),
            Err(e) if e.is_nx_domain() => {
                return Resolution::Permanent {
                    status: "5.1.2",
                    reason: format!("domain {domain} does not exist"),
                };
            }
            Err(e) if e.is_no_records_found() => Vec::new(),
            Err(e) => return Resolution::Temporary(format!("MX lookup for {domain} failed: {e}")),
        };
        if hosts.len() == 1 && (hosts[0].1 == "." || hosts[0].1.is_empty()) {
            return Resolution::Permanent {
                status: "5.1.10",
                reason: format!("{domain} accepts no mail (null MX, RFC 7505)"),
            };
        }
        if hosts.is_empty() {
            // RFC 5321 §5.1: no MX, so the domain itself is the host.
            hosts.push((0, fqdn.clone()));
        }
        hosts.sort_by_key(|(pref, _)| *pref);
        shuffle_equal_preferences(&mut hosts);
        let mut out = Vec::new();
        let mut last_error = None;
        for (_, host) in hosts {
            match self.resolve_host(&host, port).await {
                Ok(c) => out.extend(c),
                Err(e) => last_error = Some(e),
            }
        }
        if out.is_empty() {
            return Resolution::Temporary(
                last_error
                    .unwrap_or_else(|| format!("no addresses for the mail hosts of {domain}")),
            );
        }
        Resolution::Hosts(out)
    }

    /// Addresses of one host (a next hop or an MX target).
    pub async fn resolve_host(&self, host: &str, port: u16) -> Result<Vec<Candidate>, String> {
        let name = host.trim_end_matches('.');
        if let Some(ip) = literal_ip(name).or_else(|| name.parse().ok()) {
            return Ok(vec![Candidate {
                host: name.to_string(),
                addr: SocketAddr::new(ip, port),
                secure: false,
            }]);
        }
        let fqdn = format!("{name}.");
        match self.resolver.lookup_ip(fqdn.as_str()).await {
            Ok(ips) => {
                let v: Vec<Candidate> = ips
                    .iter()
                    .map(|ip| Candidate {
                        host: name.to_string(),
                        addr: SocketAddr::new(ip, port),
                        secure: false,
                    })
                    .collect();
                if v.is_empty() {
                    Err(format!("{name} has no addresses"))
                } else {
                    Ok(v)
                }
            }
            Err(e) => Err(format!("address lookup for {name} failed: {e}")),
        }
    }

    /// The TXT records at `name`. A CNAME chain is followed by the resolver;
    /// only the TXT answers at its end are returned.
    pub async fn txt(&self, name: &str) -> TxtLookup {
        let fqdn = format!("{}.", name.trim_end_matches('.'));
        match self.resolver.txt_lookup(fqdn.as_str()).await {
            Ok(lookup) => {
                let records: Vec<String> = lookup
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::TXT(txt) => Some(txt_text(txt)),
                        _ => None,
                    })
                    .collect();
                if records.is_empty() {
                    TxtLookup::NotFound
                } else {
                    TxtLookup::Records(records)
                }
            }
            Err(e) if e.is_nx_domain() || e.is_no_records_found() => TxtLookup::NotFound,
            Err(e) => TxtLookup::Temporary(format!("TXT lookup for {name} failed: {e}")),
        }
    }
}

/// A record's character-strings, concatenated. Bytes that are not UTF-8
/// become U+FFFD, which no TXT syntax we parse accepts, so a garbled record
/// fails its parser instead of being dropped here unseen.
fn txt_text(txt: &hickory_resolver::proto::rr::rdata::TXT) -> String {
    let bytes: Vec<u8> = txt
        .txt_data
        .iter()
        .flat_map(|s| s.iter().copied())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn literal_ip(domain: &str) -> Option<IpAddr> {
    let inner = domain.strip_prefix('[')?.strip_suffix(']')?;
    match inner.strip_prefix("ipv6:") {
        Some(v6) => v6.parse().ok(),
        None => inner.parse().ok(),
    }
}

/// RFC 5321 §5.1: hosts of equal preference are tried in random order, so
/// load spreads over them.
fn shuffle_equal_preferences(hosts: &mut [(u16, String)]) {
    let mut seed = [0u8; 8];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut seed);
    let mut x = u64::from_le_bytes(seed) | 1;
    let mut start = 0;
    while start < hosts.len() {
        let end = start
            + hosts[start..]
                .iter()
                .take_while(|h| h.0 == hosts[start].0)
                .count();
        for i in (start + 1..end).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let j = start + (x % (i - start + 1) as u64) as usize;
            hosts.swap(i, j);
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_keeps_preference_order() {
        let mut h: Vec<(u16, String)> = vec![
            (5, "a".into()),
            (5, "b".into()),
            (10, "c".into()),
            (10, "d".into()),
            (20, "e".into()),
        ];
        for _ in 0..50 {
            shuffle_equal_preferences(&mut h);
            let prefs: Vec<u16> = h.iter().map(|x| x.0).collect();
            assert_eq!(prefs, vec![5, 5, 10, 10, 20]);
            assert_eq!(h[4].1, "e");
        }
    }

    #[test]
    fn txt_strings_of_one_record_are_joined() {
        let txt = hickory_resolver::proto::rr::rdata::TXT::new(vec![
            "v=STSv1; ".into(),
            "id=20261130T1;".into(),
        ]);
        assert_eq!(txt_text(&txt), "v=STSv1; id=20261130T1;");
    }

    #[test]
    fn address_literals() {
        assert_eq!(
            literal_ip("[127.0.0.1]"),
            Some("127.0.0.1".parse().unwrap())
        );
        assert_eq!(literal_ip("[ipv6:::1]"), Some("::1".parse().unwrap()));
        assert_eq!(literal_ip("example.org"), None);
    }
}
