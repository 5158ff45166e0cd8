//! Does the certificate chain a server presented match its TLSA records?
//! (RFC 7672 §3.1, §3.2.)

use rustls_pki_types::{CertificateDer, Der, ServerName, TrustAnchor, UnixTime};
use webpki::{EndEntityCert, KeyUsage};

use super::der;
use super::tlsa::{DANE_EE, DANE_TA, EXACT, SPKI, Tlsa};

/// Which kind of record the chain matched; delivery logs and audits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaneMatch {
    /// DANE-EE(3): the server's own certificate or key is pinned.
    Ee,
    /// DANE-TA(2): the chain leads to a pinned trust anchor and the server
    /// certificate is valid for the MX host name.
    Ta,
}

#[derive(Debug, thiserror::Error)]
pub enum DaneError {
    #[error("{host} presented no certificate, so none can match its TLSA records")]
    NoCertificate { host: String },
    #[error(
        "no usable TLSA records for {host}: DANE for SMTP uses only usages 2 (DANE-TA) and 3 (DANE-EE), selectors 0 and 1, matching types 0, 1 and 2"
    )]
    NoUsableRecords { host: String },
    #[error("no TLSA record matches the certificate chain presented by {host}")]
    NoMatch { host: String },
    #[error(
        "the certificate of {host} does not chain to the DANE-TA trust anchor named in its TLSA records: {reason}"
    )]
    Chain { host: String, reason: String },
    #[error(
        "the certificate of {host} chains to its DANE-TA trust anchor but is not valid for {names}"
    )]
    Name { host: String, names: String },
}

/// RFC 7672 §3.1: DANE-EE(3) matches the leaf (full cert or SPKI; exact,
/// SHA-256 or SHA-512) and ignores names and expiry; DANE-TA(2) matches a
/// certificate the peer sent (or a trust anchor the record carries whole),
/// then the leaf must chain to it and be valid for one of `names` (the MX
/// host name; per §3.2.2 the reference identifiers).
///
/// DANE-EE ignores names and expiry (§3.1.1) because the record itself pins
/// the key: any other check would only add ways to fail. DANE-TA (§3.1.2)
/// pins an issuer instead, so the usual chain and name checks apply with
/// that issuer as the only trust anchor. The anchor is a certificate the
/// server sent that a record matches; or, when the server left its anchor
/// out, the anchor the record carries whole: a certificate (2 0 0) or a
/// bare public key (2 1 0), which can only be the issuer of a certificate in
/// the chain. Unusable records are skipped here as the lookup skips them.
pub fn verify(
    chain: &[CertificateDer<'_>],
    records: &[Tlsa],
    names: &[&str],
    now: UnixTime,
) -> Result<DaneMatch, DaneError> {
    let host = names
        .first()
        .map_or("the server", |n| n.trim_end_matches('.'))
        .to_string();
    let Some(leaf) = chain.first() else {
        return Err(DaneError::NoCertificate { host });
    };
    let usable: Vec<&Tlsa> = records.iter().filter(|r| r.is_usable()).collect();
    if usable.is_empty() {
        return Err(DaneError::NoUsableRecords { host });
    }
    if usable.iter().any(|r| r.usage == DANE_EE && r.matches(leaf)) {
        return Ok(DaneMatch::Ee);
    }
    let ta: Vec<&Tlsa> = usable.into_iter().filter(|r| r.usage == DANE_TA).collect();
    let anchors = trust_anchors(chain, &ta);
    if anchors.is_empty() {
        return Err(DaneError::NoMatch { host });
    }
    let ee = EndEntityCert::try_from(leaf).map_err(|e| DaneError::Chain {
        host: host.clone(),
        reason: format!("the server certificate cannot be parsed ({e})"),
    })?;
    let provider = crate::proto::tls::provider();
    ee.verify_for_usage(
        provider.signature_verification_algorithms.all,
        &anchors,
        &chain[1..],
        now,
        KeyUsage::server_auth(),
        None,
        None,
    )
    .map_err(|e| DaneError::Chain {
        host: host.clone(),
        reason: e.to_string(),
    })?;
    let valid_for = |name: &&str| {
        ServerName::try_from(name.trim_end_matches('.'))
            .is_ok_and(|n| ee.verify_is_valid_for_subject_name(&n).is_ok())
    };
    if names.iter().any(valid_for) {
        Ok(DaneMatch::Ta)
    } else {
        Err(DaneError::Name {
            host,
            names: names.join(", "),
        })
    }
}

/// The trust anchors the DANE-TA records name: certificates of the chain
/// above the leaf that a record matches, and anchors a record carries whole.
fn trust_anchors(chain: &[CertificateDer<'_>], records: &[&Tlsa]) -> Vec<TrustAnchor<'static>> {
    let mut anchors = Vec::new();
    for cert in chain.iter().skip(1) {
        if records.iter().any(|r| r.matches(cert))
            && let Ok(a) = webpki::anchor_from_trusted_cert(cert)
        {
            anchors.push(a.to_owned());
        }
    }
    for r in records.iter().filter(|r| r.matching == EXACT) {
        if r.selector == SPKI {
            anchors.extend(key_anchors(chain, &r.data));
        } else {
            let cert = CertificateDer::from(r.data.as_slice());
            if let Ok(a) = webpki::anchor_from_trusted_cert(&cert) {
                anchors.push(a.to_owned());
            }
        }
    }
    anchors
}

/// A bare public key (DER SubjectPublicKeyInfo) as the issuer of each
/// certificate in the chain: webpki takes an anchor whose subject is a
/// certificate's issuer and whose key verifies that certificate's signature,
/// so a wrong pairing is simply never used.
fn key_anchors(chain: &[CertificateDer<'_>], spki: &[u8]) -> Vec<TrustAnchor<'static>> {
    let Some((key, rest)) = der::read(spki) else {
        return Vec::new();
    };
    if key.tag != der::SEQUENCE || !rest.is_empty() {
        return Vec::new();
    }
    chain
        .iter()
        .filter_map(|c| der::issuer(c))
        .map(|issuer| TrustAnchor {
            subject: Der::from(issuer.contents.to_vec()),
            subject_public_key_info: Der::from(key.contents.to_vec()),
            name_constraints: None,
        })
        .collect()
}
