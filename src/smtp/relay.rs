//! Who may relay, and as which sender domains.
//!
//! A client is *authorized* if its address is in `allowed_networks`, it
//! presented a certificate that chains to `tls.client_ca` and whose name
//! matches `allowed_client_certs`, or it authenticated as a `[[relay.user]]`.
//! Microsoft 365 sends every tenant's mail from the same networks with the
//! same certificate, so authorization alone admits every tenant: when
//! `[[relay.tenant]]` entries exist, an authorized client must also be
//! recognised as one of them (by network, certificate name, SNI or user) and
//! may then use only that tenant's sender domains.
//!
//! The sender domains bind the header `From:` as well as MAIL FROM: the From
//! is the author a recipient sees and DMARC judges, and `MAIL FROM:<>` names
//! no domain at all. Domains compare as `normalize_domain` spells them.

use std::net::IpAddr;

use crate::config::Relay;
use crate::proto::address::normalize_domain;
use crate::proto::header::{FromError, Header};
use crate::proto::tls::name_matches;

/// What the gateway knows of a client once TLS and AUTH are done.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub ip: Option<IpAddr>,
    /// Names of a client certificate whose chain was verified.
    pub cert_names: Vec<String>,
    /// The server name the client asked for in its TLS hello.
    pub sni: Option<String>,
    pub user: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// For the audit log and Received header: "network", "certificate:NAME", "user:NAME".
    pub via: String,
    /// Sender domains this client is held to; None: any.
    pub tenant: Option<String>,
    domain_sets: Vec<Vec<String>>,
}

impl Grant {
    /// Every set that applies must allow the domain (global, user, tenant).
    pub fn sender_allowed(&self, domain: Option<&str>) -> bool {
        let Some(domain) = domain else {
            // Bounces must flow; the header From of such a message is still
            // held to the sets (`check_header_from`).
            return true;
        };
        self.domain_allowed(domain)
    }

    fn domain_allowed(&self, domain: &str) -> bool {
        if self.domain_sets.is_empty() {
            return true;
        }
        let Ok(domain) = normalize_domain(domain) else {
            return false;
        };
        self.domain_sets
            .iter()
            .all(|set| set.iter().any(|p| domain_matches(p, &domain)))
    }

    /// Every mailbox of the one From field must be in the sender domains.
    /// A client no set applies to is not bound, so nothing is required of
    /// its header; a bound client's message needs a From that parses.
    pub fn check_header_from(&self, header: &Header<'_>) -> Result<(), FromRefusal> {
        if self.domain_sets.is_empty() {
            return Ok(());
        }
        match header
            .author_domains()?
            .into_iter()
            .find(|d| !self.domain_allowed(d))
        {
            Some(d) => Err(FromRefusal::Domain(normalize_domain(&d).ok())),
            None => Ok(()),
        }
    }
}

/// Why a bound client's message was refused for its From header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FromRefusal {
    /// The first foreign domain, for the log (None if it is not even a
    /// domain name); the reply does not repeat it.
    #[error("From header names a domain this client may not send as")]
    Domain(Option<String>),
    #[error(transparent)]
    Header(#[from] FromError),
}

impl FromRefusal {
    /// A short stable code for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            FromRefusal::Domain(_) => "from_domain_not_permitted",
            FromRefusal::Header(e) => e.code(),
        }
    }
}

/// Both sides normalized: the pattern at config load, the domain here.
fn domain_matches(pattern: &str, domain: &str) -> bool {
    match pattern.strip_prefix("*.") {
        Some(suffix) => domain.len() > suffix.len() + 1 && domain.ends_with(&format!(".{suffix}")),
        None => pattern == domain,
    }
}

pub fn authorize(relay: &Relay, id: &Identity) -> Option<Grant> {
    let network = id
        .ip
        .is_some_and(|ip| relay.allowed_networks.iter().any(|n| n.contains(ip)));
    let cert = id.cert_names.iter().find(|name| {
        relay
            .allowed_client_certs
            .iter()
            .any(|p| name_matches(p, name))
    });
    let user = id
        .user
        .as_ref()
        .and_then(|u| relay.users.iter().find(|x| &x.name == u));
    let via = match (user, cert, network) {
        (Some(u), _, _) => format!("user:{}", u.name),
        (None, Some(c), _) => format!("certificate:{c}"),
        (None, None, true) => "network".to_string(),
        (None, None, false) => return None,
    };
    let mut domain_sets = Vec::new();
    if !relay.sender_domains.is_empty() {
        domain_sets.push(relay.sender_domains.clone());
    }
    if let Some(u) = user.filter(|u| !u.sender_domains.is_empty()) {
        domain_sets.push(u.sender_domains.clone());
    }
    let mut tenant = None;
    if !relay.tenants.is_empty() {
        let matching: Vec<_> = relay
            .tenants
            .iter()
            .filter(|t| {
                id.ip
                    .is_some_and(|ip| t.networks.iter().any(|n| n.contains(ip)))
                    || id
                        .cert_names
                        .iter()
                        .any(|c| t.client_certs.iter().any(|p| name_matches(p, c)))
                    || id
                        .sni
                        .as_ref()
                        .is_some_and(|s| t.sni.iter().any(|p| p.eq_ignore_ascii_case(s)))
                    || id.user.as_ref().is_some_and(|u| t.users.contains(u))
            })
            .collect();
        if matching.is_empty() {
            return None;
        }
        tenant = Some(
            matching
                .iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        domain_sets.push(
            matching
                .iter()
                .flat_map(|t| t.sender_domains.iter().cloned())
                .collect(),
        );
    }
    Some(Grant {
        via,
        tenant,
        domain_sets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    fn relay(toml: &str) -> Relay {
        Config::parse(toml, Path::new("t.toml")).unwrap().relay
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn networks_and_nothing_else() {
        let r = relay("[relay]\nallowed_networks = [\"10.0.0.0/8\"]\n");
        assert!(
            authorize(
                &r,
                &Identity {
                    ip: ip("10.1.2.3"),
                    ..Default::default()
                }
            )
            .is_some()
        );
        assert!(
            authorize(
                &r,
                &Identity {
                    ip: ip("11.1.2.3"),
                    ..Default::default()
                }
            )
            .is_none()
        );
        assert!(
            authorize(
                &r,
                &Identity {
                    ip: ip("11.1.2.3"),
                    sni: Some("gw".into()),
                    ..Default::default()
                }
            )
            .is_none()
        );
        // No sender domains anywhere: nothing binds the From, not even its presence.
        let g = authorize(
            &r,
            &Identity {
                ip: ip("10.1.2.3"),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            g.check_header_from(&Header::parse(b"To: x\r\n\r\n")),
            Ok(())
        );
    }

    #[test]
    fn idn_sender_domains_match_either_spelling() {
        let r = relay("[relay]\nsender_domains = [\"bücher.test\", \"*.xn--mnchen-3ya.test\"]\n");
        let g = authorize(
            &r,
            &Identity {
                user: None,
                ip: None,
                cert_names: vec![],
                sni: None,
            },
        );
        assert!(g.is_none(), "no network, no user: not authorized");
        let r = relay(
            "[relay]\nallowed_networks = [\"10.0.0.0/8\"]\nsender_domains = [\"bücher.test\", \"*.xn--mnchen-3ya.test\"]\n",
        );
        let g = authorize(
            &r,
            &Identity {
                ip: ip("10.0.0.1"),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(g.sender_allowed(Some("xn--bcher-kva.test")));
        assert!(g.sender_allowed(Some("BÜCHER.test.")));
        assert!(g.sender_allowed(Some("mail.münchen.test")));
        assert!(
            !g.sender_allowed(Some("münchen.test")),
            "*. needs a subdomain"
        );
        assert!(!g.sender_allowed(Some("bucher.test")));
    }

    #[test]
    fn shared_egress_is_bound_to_tenants_by_sni() {
        let r = relay(
            "[tls]\nclient_ca = \"ca.pem\"\n[relay]\nallowed_client_certs = [\"*.mail.protection.outlook.com\"]\n\
             [[relay.tenant]]\nname = \"riverbend\"\nsni = [\"riverbend.gw.example.org\"]\nsender_domains = [\"riverbend-health.org\"]\n",
        );
        let m365 = |sni: Option<&str>| Identity {
            ip: ip("40.92.0.1"),
            cert_names: vec!["*.mail.protection.outlook.com".into()],
            sni: sni.map(str::to_string),
            user: None,
        };
        let g = authorize(&r, &m365(Some("RiverBend.gw.example.org"))).expect("tenant recognised");
        assert_eq!(g.tenant.as_deref(), Some("riverbend"));
        assert!(g.sender_allowed(Some("riverbend-health.org")));
        assert!(!g.sender_allowed(Some("other-clinic.org")));
        assert!(g.sender_allowed(None));
        let check = |from: &str| {
            let msg = format!("{from}\r\nSubject: x\r\n\r\nbody\r\n");
            g.check_header_from(&Header::parse(msg.as_bytes()))
        };
        assert_eq!(check("From: Dr A <a@RiverBend-Health.org>"), Ok(()));
        assert_eq!(
            check("From: CEO <ceo@other-clinic.org>"),
            Err(FromRefusal::Domain(Some("other-clinic.org".into())))
        );
        assert_eq!(
            check("From: a@riverbend-health.org, b@other-clinic.org").map_err(|e| e.code()),
            Err("from_domain_not_permitted")
        );
        assert_eq!(
            check("To: x@y.org"),
            Err(FromRefusal::Header(FromError::Missing))
        );
        assert_eq!(check("From: a@xn--zz.org"), Err(FromRefusal::Domain(None)));
        // Another tenant of the same cloud, same certificate, other name: refused.
        assert!(authorize(&r, &m365(Some("gw.example.org"))).is_none());
        assert!(authorize(&r, &m365(None)).is_none());
    }

    #[test]
    fn global_and_user_sender_domains_both_apply() {
        let r = relay(
            "[relay]\nsender_domains = [\"a.org\", \"*.b.org\"]\n[[relay.user]]\nname = \"u\"\n\
             password_hash = \"$argon2id$v=19$m=16,t=2,p=1$c29tZXNhbHQ$yq4ZI5mXcl4m/EFXq0xQtA\"\nsender_domains = [\"a.org\"]\n",
        );
        let g = authorize(
            &r,
            &Identity {
                user: Some("u".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(g.via, "user:u");
        assert!(g.sender_allowed(Some("a.org")));
        assert!(!g.sender_allowed(Some("x.b.org")), "user set excludes it");
        assert!(g.sender_allowed(Some("A.ORG.")), "case and trailing dot");
        assert!(
            authorize(
                &r,
                &Identity {
                    user: Some("nobody".into()),
                    ..Default::default()
                }
            )
            .is_none()
        );
    }
}
