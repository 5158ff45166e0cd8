//! Where a domain's mail goes: MX records in preference order, the implicit
//! MX of RFC 5321 §5.1 when there are none, null MX (RFC 7505), then each
//! host's addresses.
//!
//! MX and address queries go through [`stub`], which keeps the resolver's AD
//! bit, so each [`Candidate`] can say whether DANE (RFC 7672 §2.2) applies.
//! Names follow DNS only, as Postfix's default `smtp_host_lookup = dns`
//! does: `/etc/hosts` is not read, except that `localhost` is loopback
//! (RFC 6761 §6.3).

pub mod stub;

use std::net::{IpAddr, SocketAddr};

use hickory_resolver::proto::rr::{RData, RecordType};

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
    /// DNSSEC-validated (AD) all the way to this address: the MX RRset (for
    /// an implicit MX or an explicit next hop there is none) and the answer
    /// this address came from. Only then may DANE apply (RFC 7672 §2.2).
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
    stub: stub::Stub,
}

impl Dns {
    /// `nameservers` empty: the system resolver (`/etc/resolv.conf`).
    pub fn new(nameservers: &[SocketAddr]) -> Result<Dns, DnsError> {
        let servers = if nameservers.is_empty() {
            system_nameservers()?
        } else {
            nameservers.to_vec()
        };
        Ok(Dns {
            stub: stub::Stub::new(servers, std::time::Duration::from_secs(5)),
        })
    }

    /// One query to the configured resolver, with its AD bit; see [`stub`].
    pub async fn query(
        &self,
        name: &str,
        rtype: RecordType,
    ) -> Result<stub::Answer, stub::QueryError> {
        self.stub.query(name, rtype).await
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
        let (mut hosts, mx_secure): (Vec<(u16, String)>, bool) =
            match self.stub.query(&fqdn, RecordType::MX).await {
                Ok(answer) if answer.nxdomain => {
                    return Resolution::Permanent {
                        status: "5.1.2",
                        reason: format!("domain {domain} does not exist"),
                    };
                }
                Ok(answer) => (
                    answer
                        .records
                        .iter()
                        .filter_map(|r| match r {
                            RData::MX(mx) => Some((mx.preference, mx.exchange.to_ascii())),
                            _ => None,
                        })
                        .collect(),
                    answer.authentic,
                ),
                Err(e) => {
                    return Resolution::Temporary(format!("MX lookup for {domain} failed: {e}"));
                }
            };
        if hosts.len() == 1 && (hosts[0].1 == "." || hosts[0].1.is_empty()) {
            return Resolution::Permanent {
                status: "5.1.10",
                reason: format!("{domain} accepts no mail (null MX, RFC 7505)"),
            };
        }
        // RFC 7672 §2.2.2: with no MX the domain itself is the host, and its
        // address records alone decide whether DANE applies.
        let implicit = hosts.is_empty();
        if implicit {
            // RFC 5321 §5.1: no MX, so the domain itself is the host.
            hosts.push((0, fqdn.clone()));
        }
        hosts.sort_by_key(|(pref, _)| *pref);
        shuffle_equal_preferences(&mut hosts);
        let mut out = Vec::new();
        let mut last_error = None;
        for (_, host) in hosts {
            match self.resolve_host(&host, port).await {
                Ok(c) => out.extend(c.into_iter().map(|c| Candidate {
                    secure: c.secure && (implicit || mx_secure),
                    ..c
                })),
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

    /// Addresses of one host (a next hop or an MX target), IPv6 first as
    /// before. Each candidate is `secure` when the answer its address came
    /// from carried AD. One address family failing is tolerated when the
    /// other has addresses: a validated answer of the other family keeps its
    /// own AD, so a failing lookup cannot strip DANE from the addresses used.
    pub async fn resolve_host(&self, host: &str, port: u16) -> Result<Vec<Candidate>, String> {
        let name = host.trim_end_matches('.');
        let candidate = |ip: IpAddr, secure: bool| Candidate {
            host: name.to_string(),
            addr: SocketAddr::new(ip, port),
            secure,
        };
        if let Some(ip) = literal_ip(name).or_else(|| name.parse().ok()) {
            return Ok(vec![candidate(ip, false)]);
        }
        if is_localhost(name) {
            // IPv6 first, as for every other name (and as before).
            return Ok(vec![
                candidate(IpAddr::from(std::net::Ipv6Addr::LOCALHOST), false),
                candidate(IpAddr::from([127, 0, 0, 1]), false),
            ]);
        }
        let fqdn = format!("{name}.");
        let (v6, v4) = tokio::join!(
            self.stub.query(&fqdn, RecordType::AAAA),
            self.stub.query(&fqdn, RecordType::A)
        );
        let mut out = Vec::new();
        let mut failure = None;
        for answer in [v6, v4] {
            match answer {
                Ok(a) => out.extend(a.records.iter().filter_map(|r| match r {
                    RData::AAAA(ip) => Some(candidate(IpAddr::V6(ip.0), a.authentic)),
                    RData::A(ip) => Some(candidate(IpAddr::V4(ip.0), a.authentic)),
                    _ => None,
                })),
                Err(e) => failure = Some(e),
            }
        }
        match failure {
            Some(e) if out.is_empty() => Err(format!("address lookup for {name} failed: {e}")),
            _ if out.is_empty() => Err(format!("{name} has no addresses")),
            _ => Ok(out),
        }
    }

    /// The TXT records at `name`. A CNAME chain is followed by the resolver;
    /// only the TXT answers at its end are returned.
    pub async fn txt(&self, name: &str) -> TxtLookup {
        let fqdn = format!("{}.", name.trim_end_matches('.'));
        match self.stub.query(&fqdn, RecordType::TXT).await {
            Ok(answer) => {
                let records: Vec<String> = answer
                    .records
                    .iter()
                    .filter_map(|r| match r {
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

/// The nameservers of `/etc/resolv.conf`, as the system resolver uses them.
fn system_nameservers() -> Result<Vec<SocketAddr>, DnsError> {
    let (config, _) = hickory_resolver::system_conf::read_system_conf()
        .map_err(|e| DnsError::Setup(format!("reading /etc/resolv.conf: {e}")))?;
    let mut servers: Vec<SocketAddr> = config
        .name_servers()
        .iter()
        .map(|ns| {
            let port = ns.connections.first().map_or(53, |c| c.port);
            SocketAddr::new(ns.ip, port)
        })
        .collect();
    servers.dedup();
    if servers.is_empty() {
        return Err(DnsError::Setup(
            "/etc/resolv.conf names no nameserver; set [delivery] nameservers".into(),
        ));
    }
    Ok(servers)
}

/// RFC 6761 §6.3: `localhost` and names below it are loopback, never asked.
fn is_localhost(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost")
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

    #[test]
    fn localhost_is_loopback_without_asking() {
        assert!(is_localhost("localhost"));
        assert!(is_localhost("LocalHost"));
        assert!(is_localhost("mx.localhost"));
        assert!(!is_localhost("localhost.example.org"));
        assert!(!is_localhost("notlocalhost"));
    }
}
