//! Just enough DER to find two fields of an X.509 certificate (RFC 5280
//! §4.1): the SubjectPublicKeyInfo, which TLSA selector 1 hashes, and the
//! issuer name, which a trust anchor built from a bare public key needs.
//!
//! webpki parses certificates too, but it refuses some that DANE-EE must
//! still match (v1 certificates, unknown critical extensions), because
//! DANE-EE(3) pins the key and ignores the rest of the certificate. So this
//! walk reads only the outer structure, checks every length against the
//! bytes it has, and never panics on what the peer sent.

use crate::proto::der::{INTEGER, expect};
pub(crate) use crate::proto::der::{SEQUENCE, Tlv, read};

/// `[0] EXPLICIT Version` in a TBSCertificate.
const VERSION: u8 = 0xa0;

/// The fields of a TBSCertificate from `serialNumber` on, after the
/// optional version.
fn tbs_fields(cert: &[u8]) -> Option<&[u8]> {
    let (outer, _) = expect(cert, SEQUENCE)?;
    let (tbs, _) = expect(outer.contents, SEQUENCE)?;
    let mut fields = tbs.contents;
    if let Some((version, rest)) = read(fields)
        && version.tag == VERSION
    {
        fields = rest;
    }
    let (_, rest) = expect(fields, INTEGER)?; // serialNumber
    Some(rest)
}

/// The issuer Name, the whole element (tag and length included).
pub(crate) fn issuer(cert: &[u8]) -> Option<Tlv<'_>> {
    let rest = tbs_fields(cert)?;
    let (_, rest) = expect(rest, SEQUENCE)?; // signature AlgorithmIdentifier
    let (issuer, _) = expect(rest, SEQUENCE)?;
    Some(issuer)
}

/// The SubjectPublicKeyInfo, the whole element (tag and length included),
/// as TLSA selector 1 hashes it (RFC 6698 §2.1.2).
pub(crate) fn spki(cert: &[u8]) -> Option<Tlv<'_>> {
    let mut rest = tbs_fields(cert)?;
    // signature, issuer, validity, subject
    for _ in 0..4 {
        rest = expect(rest, SEQUENCE)?.1;
    }
    Some(expect(rest, SEQUENCE)?.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::PublicKeyData;

    fn cert_and_key() -> (rcgen::Certificate, rcgen::KeyPair) {
        let key = rcgen::KeyPair::generate().unwrap();
        let params = rcgen::CertificateParams::new(vec!["mx.example.test".to_string()]).unwrap();
        (params.self_signed(&key).unwrap(), key)
    }

    #[test]
    fn spki_is_the_key_rcgen_put_in() {
        let (cert, key) = cert_and_key();
        let spki = spki(cert.der()).unwrap();
        assert_eq!(spki.whole, key.subject_public_key_info().as_slice());
        assert_eq!(spki.tag, SEQUENCE);
    }

    #[test]
    fn spki_agrees_with_webpki() {
        let (cert, _) = cert_and_key();
        let ee = webpki::EndEntityCert::try_from(cert.der()).unwrap();
        assert_eq!(
            spki(cert.der()).unwrap().whole,
            ee.subject_public_key_info().as_ref()
        );
    }

    #[test]
    fn issuer_of_a_self_signed_certificate_is_its_subject() {
        let (cert, _) = cert_and_key();
        let ee = webpki::EndEntityCert::try_from(cert.der()).unwrap();
        // webpki's subject() is the contents of the Name, without its header.
        assert_eq!(issuer(cert.der()).unwrap().contents, ee.subject());
    }

    #[test]
    fn every_truncation_is_refused_without_panic() {
        let (cert, _) = cert_and_key();
        let der = cert.der().as_ref();
        for n in 0..der.len() {
            // A prefix may still hold a whole SPKI only if the cut falls
            // after it; then it must be the same bytes.
            if let Some(s) = spki(&der[..n]) {
                assert_eq!(s.whole, spki(der).unwrap().whole);
            }
        }
        assert!(spki(&[]).is_none());
        assert!(spki(&[0x30]).is_none());
        assert!(spki(&[0x30, 0x80, 0, 0]).is_none(), "indefinite length");
        assert!(
            spki(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_none(),
            "5-byte length"
        );
        assert!(spki(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]).is_none());
    }

    #[test]
    fn a_version_1_certificate_has_no_version_field() {
        // TBSCertificate without [0]: serial, sigalg, issuer, validity,
        // subject, spki — hand-built, webpki would refuse it.
        let tlv = |tag: u8, body: &[u8]| {
            let mut v = vec![tag, body.len() as u8];
            v.extend_from_slice(body);
            v
        };
        let spki_el = tlv(SEQUENCE, &[0x05, 0x00]);
        let mut tbs = tlv(INTEGER, &[1]);
        for _ in 0..4 {
            tbs.extend(tlv(SEQUENCE, &[]));
        }
        tbs.extend(&spki_el);
        let cert = tlv(SEQUENCE, &tlv(SEQUENCE, &tbs));
        assert_eq!(spki(&cert).unwrap().whole, spki_el.as_slice());
    }
}
