//! `verify` against certificates made with rcgen: each DANE-EE form, and
//! DANE-TA with the anchor sent, left out, or wrong.

use rcgen::{CertificateParams, IsCa, Issuer, KeyPair, KeyUsagePurpose, PublicKeyData};
use rustls_pki_types::{CertificateDer, UnixTime};

use super::tlsa::{CERT, DANE_EE, DANE_TA, EXACT, SHA2_256, SHA2_512, SPKI, record_for};
use super::*;

const MX: &str = "mx.example.test";

fn now() -> UnixTime {
    UnixTime::now()
}

struct Ca {
    cert: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
    key_spki: Vec<u8>,
}

fn ca(name: &str) -> Ca {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, name);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let key = KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap().der().clone();
    Ca {
        cert,
        key_spki: key.subject_public_key_info(),
        issuer: Issuer::new(params, key),
    }
}

fn leaf_params(names: &[&str], expired: bool) -> CertificateParams {
    let mut params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    if expired {
        params.not_before = rcgen::date_time_ymd(2000, 1, 1);
        params.not_after = rcgen::date_time_ymd(2001, 1, 1);
    }
    params
}

fn self_signed(names: &[&str], expired: bool) -> CertificateDer<'static> {
    let key = KeyPair::generate().unwrap();
    leaf_params(names, expired)
        .self_signed(&key)
        .unwrap()
        .der()
        .clone()
}

fn signed_by(ca: &Ca, names: &[&str], expired: bool) -> CertificateDer<'static> {
    let key = KeyPair::generate().unwrap();
    leaf_params(names, expired)
        .signed_by(&key, &ca.issuer)
        .unwrap()
        .der()
        .clone()
}

fn rec(usage: u8, selector: u8, matching: u8, cert: &CertificateDer<'_>) -> Tlsa {
    record_for(usage, selector, matching, cert).unwrap()
}

#[test]
fn dane_ee_spki_sha256_matches_its_key_only() {
    let leaf = self_signed(&[MX], false);
    let other = self_signed(&[MX], false);
    let r = rec(DANE_EE, SPKI, SHA2_256, &leaf);
    assert_eq!(
        verify(
            std::slice::from_ref(&leaf),
            std::slice::from_ref(&r),
            &[MX],
            now()
        )
        .unwrap(),
        DaneMatch::Ee
    );
    let err = verify(&[other], &[r], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::NoMatch { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "no TLSA record matches the certificate chain presented by mx.example.test"
    );
}

#[test]
fn dane_ee_full_certificate_sha256() {
    let leaf = self_signed(&[MX], false);
    let r = rec(DANE_EE, CERT, SHA2_256, &leaf);
    assert_eq!(verify(&[leaf], &[r], &[MX], now()).unwrap(), DaneMatch::Ee);
}

#[test]
fn dane_ee_spki_sha512() {
    let leaf = self_signed(&[MX], false);
    let r = rec(DANE_EE, SPKI, SHA2_512, &leaf);
    assert_eq!(
        verify(std::slice::from_ref(&leaf), &[r], &[MX], now()).unwrap(),
        DaneMatch::Ee
    );
    let wrong = rec(DANE_EE, SPKI, SHA2_512, &self_signed(&[MX], false));
    assert!(verify(&[leaf], &[wrong], &[MX], now()).is_err());
}

#[test]
fn dane_ee_full_certificate_exact() {
    let leaf = self_signed(&[MX], false);
    let r = rec(DANE_EE, CERT, EXACT, &leaf);
    assert_eq!(r.data, leaf.as_ref());
    assert_eq!(
        verify(
            std::slice::from_ref(&leaf),
            std::slice::from_ref(&r),
            &[MX],
            now()
        )
        .unwrap(),
        DaneMatch::Ee
    );
    let mut flipped = r;
    let last = flipped.data.len() - 1;
    flipped.data[last] ^= 1;
    assert!(verify(&[leaf], &[flipped], &[MX], now()).is_err());
}

#[test]
fn dane_ee_ignores_the_name_and_the_expiry() {
    let leaf = self_signed(&["somewhere-else.example"], true);
    let r = rec(DANE_EE, SPKI, SHA2_256, &leaf);
    assert_eq!(verify(&[leaf], &[r], &[MX], now()).unwrap(), DaneMatch::Ee);
}

#[test]
fn dane_ta_with_the_ca_in_the_chain_and_a_leaf_named_for_the_mx() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &[MX], false);
    let r = rec(DANE_TA, CERT, SHA2_256, &ca.cert);
    let got = verify(&[leaf, ca.cert.clone()], &[r], &[MX], now()).unwrap();
    assert_eq!(got, DaneMatch::Ta);
}

#[test]
fn dane_ta_spki_with_an_intermediate_below_it() {
    let root = ca("Example root");
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Example intermediate");
    let key = KeyPair::generate().unwrap();
    let inter_cert = params.signed_by(&key, &root.issuer).unwrap().der().clone();
    let inter = Ca {
        cert: inter_cert,
        key_spki: key.subject_public_key_info(),
        issuer: Issuer::new(params, key),
    };
    let leaf = signed_by(&inter, &[MX], false);
    let r = rec(DANE_TA, SPKI, SHA2_256, &root.cert);
    let chain = [leaf, inter.cert.clone(), root.cert.clone()];
    assert_eq!(verify(&chain, &[r], &[MX], now()).unwrap(), DaneMatch::Ta);
}

#[test]
fn dane_ta_refuses_a_leaf_named_for_another_host() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &["other.example.test"], false);
    let r = rec(DANE_TA, CERT, SHA2_256, &ca.cert);
    let err = verify(&[leaf, ca.cert.clone()], &[r], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::Name { .. }), "{err}");
    assert!(
        err.to_string().contains("not valid for mx.example.test"),
        "{err}"
    );
}

#[test]
fn dane_ta_accepts_any_of_the_reference_names() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &["example.test"], false);
    let r = rec(DANE_TA, SPKI, SHA2_512, &ca.cert);
    let chain = [leaf, ca.cert.clone()];
    let got = verify(&chain, &[r], &[MX, "example.test"], now()).unwrap();
    assert_eq!(got, DaneMatch::Ta);
}

#[test]
fn dane_ta_digest_of_an_anchor_the_server_did_not_send_matches_nothing() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &[MX], false);
    for (s, m) in [(CERT, SHA2_256), (SPKI, SHA2_256), (SPKI, SHA2_512)] {
        let r = rec(DANE_TA, s, m, &ca.cert);
        let err = verify(std::slice::from_ref(&leaf), &[r], &[MX], now()).unwrap_err();
        assert!(matches!(err, DaneError::NoMatch { .. }), "{s} {m}: {err}");
    }
}

#[test]
fn dane_ta_of_another_ca_in_the_chain_does_not_vouch_for_the_leaf() {
    let ours = ca("Pinned TA");
    let theirs = ca("Attacker CA");
    let leaf = signed_by(&theirs, &[MX], false);
    // The server sends the pinned CA along, but the leaf is not issued by it.
    let r = rec(DANE_TA, CERT, SHA2_256, &ours.cert);
    let chain = [leaf, theirs.cert.clone(), ours.cert.clone()];
    let err = verify(&chain, &[r], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::Chain { .. }), "{err}");
}

#[test]
fn dane_ta_checks_the_expiry_of_the_leaf() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &[MX], true);
    let r = rec(DANE_TA, CERT, SHA2_256, &ca.cert);
    let err = verify(&[leaf, ca.cert.clone()], &[r], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::Chain { .. }), "{err}");
}

#[test]
fn dane_ta_bare_public_key_not_in_the_chain() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &[MX], false);
    let r = Tlsa {
        usage: DANE_TA,
        selector: SPKI,
        matching: EXACT,
        data: ca.key_spki.clone(),
    };
    assert_eq!(
        verify(std::slice::from_ref(&leaf), &[r], &[MX], now()).unwrap(),
        DaneMatch::Ta
    );
    // Some other key in the same form does not vouch for the leaf.
    let other = Tlsa {
        usage: DANE_TA,
        selector: SPKI,
        matching: EXACT,
        data: KeyPair::generate().unwrap().subject_public_key_info(),
    };
    let err = verify(&[leaf], &[other], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::Chain { .. }), "{err}");
}

#[test]
fn dane_ta_full_certificate_in_the_record_not_in_the_chain() {
    let ca = ca("Example TA");
    let leaf = signed_by(&ca, &[MX], false);
    let r = rec(DANE_TA, CERT, EXACT, &ca.cert);
    assert_eq!(verify(&[leaf], &[r], &[MX], now()).unwrap(), DaneMatch::Ta);
}

#[test]
fn a_dane_ta_record_for_the_leaf_itself_is_no_anchor() {
    let leaf = self_signed(&[MX], false);
    let r = rec(DANE_TA, SPKI, SHA2_256, &leaf);
    let err = verify(&[leaf], &[r], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::NoMatch { .. }), "{err}");
}

#[test]
fn pkix_usages_and_unknown_parameters_are_ignored() {
    let leaf = self_signed(&[MX], false);
    let pkix_ee = rec(1, SPKI, SHA2_256, &leaf);
    let pkix_ta = rec(0, SPKI, SHA2_256, &leaf);
    let mut odd = rec(DANE_EE, SPKI, SHA2_256, &leaf);
    odd.matching = 7;
    let err = verify(
        std::slice::from_ref(&leaf),
        &[pkix_ee, pkix_ta, odd],
        &[MX],
        now(),
    )
    .unwrap_err();
    assert!(matches!(err, DaneError::NoUsableRecords { .. }), "{err}");
    // A usable record beside them still decides.
    let good = rec(DANE_EE, SPKI, SHA2_256, &leaf);
    let pkix = rec(1, SPKI, SHA2_256, &leaf);
    assert_eq!(
        verify(&[leaf], &[pkix, good], &[MX], now()).unwrap(),
        DaneMatch::Ee
    );
}

#[test]
fn no_certificate_is_no_match() {
    let leaf = self_signed(&[MX], false);
    let r = rec(DANE_EE, SPKI, SHA2_256, &leaf);
    let err = verify(&[], &[r], &[MX], now()).unwrap_err();
    assert!(matches!(err, DaneError::NoCertificate { .. }), "{err}");
}
