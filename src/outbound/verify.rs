//! Judging one next hop's TLS, on the real connection, against what this
//! delivery demands of it.
//!
//! The handshake itself accepts any certificate (the signature over the
//! handshake is still checked, so the peer holds the leaf's key); the chain
//! is judged here right after, before a single byte of the message is sent.
//! Doing it in one place, for every connection, gives the same evidence at
//! every level: a `may` delivery still records whether the certificate was
//! valid for the host, which is what the capability cache learns from.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier;
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use crate::config::TlsLevel;
use crate::outbound::dane::{self, DaneMatch, Tlsa};

/// What a connection to one host must prove, fixed before connecting from
/// the route, the domain's MTA-STS policy and the host's TLSA records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demand {
    pub level: TlsLevel,
    /// An MTA-STS policy in `enforce` mode lists this host (RFC 8461 §4.2):
    /// TLS with a certificate valid for the host name is required.
    pub sts_enforce: bool,
    /// Validated, usable TLSA records for this host (RFC 7672): one must match.
    pub tlsa: Option<Vec<Tlsa>>,
    /// The message carries REQUIRETLS (RFC 8689): `verify` and the extension.
    pub requiretls: bool,
    /// The name the certificate must carry: the MX host, or a route's `tls_name`.
    pub name: String,
}

impl Demand {
    /// Without TLS this connection may not carry the message.
    pub fn needs_tls(&self) -> bool {
        self.level >= TlsLevel::Encrypt
            || self.sts_enforce
            || self.tlsa.is_some()
            || self.requiretls
    }
}

/// How the next hop was verified: the word in logs, the audit log and `tls show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verified {
    /// The chain ends at a trusted root and names the host (WebPKI).
    Pkix,
    /// PKIX, required by the domain's MTA-STS policy in enforce mode.
    MtaSts,
    /// A DANE-EE(3) TLSA record matched the host's own certificate or key.
    DaneEe,
    /// A DANE-TA(2) TLSA record matched the chain's trust anchor, and the
    /// certificate names the host.
    DaneTa,
    /// Not authenticated: encrypted only (RFC 7435), or no TLS at all.
    None,
}

impl Verified {
    pub fn as_str(self) -> &'static str {
        match self {
            Verified::Pkix => "pkix",
            Verified::MtaSts => "mta-sts",
            Verified::DaneEe => "dane-ee",
            Verified::DaneTa => "dane-ta",
            Verified::None => "none",
        }
    }

    /// The level this verification reaches, for the capability cache.
    pub fn reaches(self) -> TlsLevel {
        match self {
            Verified::DaneEe | Verified::DaneTa => TlsLevel::DaneOnly,
            Verified::Pkix | Verified::MtaSts => TlsLevel::Verify,
            Verified::None => TlsLevel::Encrypt,
        }
    }
}

/// Why a host's TLS did not meet the demand. Each says what the admin of
/// the far side would have to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TlsFail {
    #[error("{host} does not offer STARTTLS, and {why} requires TLS")]
    NoStartTls { host: String, why: String },
    #[error("TLS handshake with {host} failed: {error}")]
    Handshake { host: String, error: String },
    #[error("certificate of {host} is not valid for {name} ({error}), and {why} requires it")]
    Certificate {
        host: String,
        name: String,
        error: String,
        why: String,
    },
    #[error("no TLSA record for {host} matches its certificate ({error})")]
    DaneMismatch { host: String, error: String },
    #[error(
        "{host} has no usable DNSSEC-validated TLSA records, and TLS level dane-only requires them"
    )]
    DaneRequired { host: String },
    #[error(
        "TLSA lookup for {host} failed ({error}); RFC 7672 forbids delivery to it until it succeeds"
    )]
    DaneLookup { host: String, error: String },
    #[error("{host} is not listed in the MTA-STS policy of {domain} (mode enforce)")]
    StsMxMismatch { host: String, domain: String },
    #[error("{host} does not advertise REQUIRETLS, which this message requires (RFC 8689)")]
    NoRequireTls { host: String },
}

impl TlsFail {
    /// RFC 3463 status for a deferral or a portal hand-off for this reason.
    pub fn status(&self) -> &'static str {
        match self {
            TlsFail::NoStartTls { .. } => "4.7.4",
            TlsFail::NoRequireTls { .. } => "5.7.30",
            _ => "4.7.5",
        }
    }

    /// The failure-type word for `tls report` (after RFC 8460's result types).
    pub fn kind(&self) -> &'static str {
        match self {
            TlsFail::NoStartTls { .. } => "starttls-not-supported",
            TlsFail::Handshake { .. } => "validation-failure",
            TlsFail::Certificate { .. } => "certificate-invalid",
            TlsFail::DaneMismatch { .. } => "tlsa-invalid",
            TlsFail::DaneRequired { .. } => "dane-required",
            TlsFail::DaneLookup { .. } => "dnssec-invalid",
            TlsFail::StsMxMismatch { .. } => "sts-policy-invalid",
            TlsFail::NoRequireTls { .. } => "requiretls-not-supported",
        }
    }
}

/// Checks a chain against the WebPKI roots (system bundle and `ca_file`).
pub struct Pkix {
    /// None without a single trust anchor: then nothing verifies, and the
    /// gateway still runs (opportunistic mail flows; secure mail goes to
    /// the portal) instead of refusing to start.
    verifier: Option<Arc<WebPkiServerVerifier>>,
}

impl Pkix {
    pub fn new(
        roots: rustls::RootCertStore,
        provider: Arc<rustls::crypto::CryptoProvider>,
    ) -> Result<Pkix, String> {
        if roots.is_empty() {
            tracing::warn!(
                "no trust anchors (no system bundle, no delivery.ca_file): no certificate will verify"
            );
            return Ok(Pkix { verifier: None });
        }
        let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Pkix {
            verifier: Some(verifier),
        })
    }

    /// Ok when the chain leads to a trusted root and the leaf names `name`.
    pub fn check(
        &self,
        chain: &[CertificateDer<'_>],
        name: &str,
        now: UnixTime,
    ) -> Result<(), String> {
        let Some(verifier) = &self.verifier else {
            return Err("no trust anchors are configured".into());
        };
        let Some((leaf, intermediates)) = chain.split_first() else {
            return Err("no certificate presented".into());
        };
        let server_name = ServerName::try_from(name.trim_end_matches('.').to_string())
            .map_err(|e| format!("{name:?} is not a host name: {e}"))?;
        verifier
            .verify_server_cert(leaf, intermediates, &server_name, &[], now)
            .map(|_| ())
            .map_err(|e| crate::proto::tls::rustls_error_text(&e))
    }
}

/// The verdict on one TLS connection, in the order the standards rank them:
/// usable DANE records decide alone (RFC 7672 §2.2, also over MTA-STS, RFC
/// 8461 §2); then MTA-STS enforce; then the route's level.
pub fn judge(
    demand: &Demand,
    host: &str,
    chain: &[CertificateDer<'_>],
    pkix: &Pkix,
    now: UnixTime,
) -> Result<Verified, TlsFail> {
    if let Some(records) = &demand.tlsa {
        return match dane::verify(chain, records, &[demand.name.as_str()], now) {
            Ok(DaneMatch::Ee) => Ok(Verified::DaneEe),
            Ok(DaneMatch::Ta) => Ok(Verified::DaneTa),
            Err(e) => Err(TlsFail::DaneMismatch {
                host: host.to_string(),
                error: e.to_string(),
            }),
        };
    }
    if demand.level == TlsLevel::DaneOnly {
        return Err(TlsFail::DaneRequired {
            host: host.to_string(),
        });
    }
    let checked = pkix.check(chain, &demand.name, now);
    match (checked, pkix_required_by(demand)) {
        (Ok(()), _) if demand.sts_enforce => Ok(Verified::MtaSts),
        (Ok(()), _) => Ok(Verified::Pkix),
        (Err(_), None) => Ok(Verified::None),
        (Err(error), Some(why)) => Err(TlsFail::Certificate {
            host: host.to_string(),
            name: demand.name.clone(),
            error,
            why,
        }),
    }
}

/// What demands a certificate valid for the name, if anything does.
fn pkix_required_by(demand: &Demand) -> Option<String> {
    if demand.sts_enforce {
        Some("the domain's MTA-STS policy (enforce)".into())
    } else if demand.requiretls {
        Some("REQUIRETLS".into())
    } else if demand.level >= TlsLevel::Verify {
        Some(format!("TLS level {}", demand.level))
    } else {
        None
    }
}

/// What a plaintext-only host fails, for the message.
pub fn tls_reason(demand: &Demand) -> String {
    if demand.tlsa.is_some() {
        "its DNSSEC-validated TLSA records (DANE)".into()
    } else {
        pkix_required_by(demand).unwrap_or_else(|| format!("TLS level {}", demand.level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixture {
        pkix: Pkix,
        good: Vec<CertificateDer<'static>>,
        self_signed: Vec<CertificateDer<'static>>,
    }

    fn fixture() -> Fixture {
        let ca_key = rcgen::KeyPair::generate().expect("key");
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca = ca_params.self_signed(&ca_key).expect("ca");
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let leaf_key = rcgen::KeyPair::generate().expect("key");
        let leaf = rcgen::CertificateParams::new(vec!["mx.good.test".to_string()])
            .expect("params")
            .signed_by(&leaf_key, &issuer)
            .expect("leaf");
        let other_key = rcgen::KeyPair::generate().expect("key");
        let other = rcgen::CertificateParams::new(vec!["mx.good.test".to_string()])
            .expect("params")
            .self_signed(&other_key)
            .expect("self-signed");
        let mut roots = rustls::RootCertStore::empty();
        roots.add(ca.der().clone()).expect("root");
        Fixture {
            pkix: Pkix::new(roots, crate::proto::tls::provider()).expect("pkix"),
            good: vec![leaf.der().clone()],
            self_signed: vec![other.der().clone()],
        }
    }

    fn demand(level: TlsLevel, sts: bool, requiretls: bool) -> Demand {
        Demand {
            level,
            sts_enforce: sts,
            tlsa: None,
            requiretls,
            name: "mx.good.test".into(),
        }
    }

    #[test]
    fn levels_and_policies() {
        let f = fixture();
        let now = UnixTime::now();
        let judge =
            |d: &Demand, chain: &[CertificateDer<'static>]| judge(d, "mx", chain, &f.pkix, now);
        use TlsLevel::*;
        // A valid chain is reported as verified at every level.
        assert_eq!(
            judge(&demand(May, false, false), &f.good),
            Ok(Verified::Pkix)
        );
        assert_eq!(
            judge(&demand(Verify, false, false), &f.good),
            Ok(Verified::Pkix)
        );
        assert_eq!(
            judge(&demand(May, true, false), &f.good),
            Ok(Verified::MtaSts)
        );
        // An untrusted one passes only where nothing is required.
        assert_eq!(
            judge(&demand(May, false, false), &f.self_signed),
            Ok(Verified::None)
        );
        assert_eq!(
            judge(&demand(Encrypt, false, false), &f.self_signed),
            Ok(Verified::None)
        );
        for d in [
            demand(Verify, false, false),
            demand(May, true, false),
            demand(May, false, true),
        ] {
            let e = judge(&d, &f.self_signed).expect_err("must fail");
            assert_eq!(e.kind(), "certificate-invalid", "{d:?}");
        }
        // The right chain for the wrong name.
        let mut wrong = demand(Verify, false, false);
        wrong.name = "mx.other.test".into();
        assert_eq!(
            judge(&wrong, &f.good).map_err(|e| e.kind()),
            Err("certificate-invalid")
        );
        // dane-only without records never passes, however good the chain.
        assert_eq!(
            judge(&demand(DaneOnly, false, false), &f.good).map_err(|e| e.kind()),
            Err("dane-required")
        );
        assert_eq!(
            judge(&demand(Verify, false, false), &[]).map_err(|e| e.kind()),
            Err("certificate-invalid")
        );
    }

    #[test]
    fn needs_tls() {
        use TlsLevel::*;
        assert!(!demand(May, false, false).needs_tls());
        assert!(!demand(None, false, false).needs_tls());
        assert!(demand(Encrypt, false, false).needs_tls());
        assert!(demand(May, true, false).needs_tls());
        assert!(demand(May, false, true).needs_tls());
        let mut d = demand(May, false, false);
        d.tlsa = Some(vec![]);
        assert!(d.needs_tls());
    }
}
