//! What an operator asks of a certificate file: who it is for (subject,
//! SAN names), who issued it, when it is valid, its public key, and
//! whether the next certificate in the file signed it.
//!
//! webpki answers "may I trust this for that name now", but not these
//! questions: it exposes neither the validity period nor the issuer's
//! name, and it refuses to parse an expired certificate's neighbours out
//! of order, which is exactly what `sealgate certs check` must describe.
//! `x509-parser` would, but it is not built for this crate (only listed in
//! Cargo.lock for rcgen's optional feature), so this is a walk over the
//! DER with [`crate::proto::der`]: every length checked, no panic on a bad
//! file. Signatures are checked with webpki's own algorithms.

use std::net::IpAddr;

use crate::proto::der::{INTEGER, SEQUENCE, Tlv, elements, expect, read};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum X509Error {
    #[error("not an X.509 certificate: its {0} is malformed")]
    Malformed(&'static str),
}

/// A parsed certificate; borrows the DER it came from.
#[derive(Debug, Clone)]
pub struct Certificate<'a> {
    tbs: &'a [u8],
    /// The signatureAlgorithm's contents (OID and parameters), as webpki
    /// names algorithms.
    signature_alg: &'a [u8],
    signature: &'a [u8],
    issuer: Tlv<'a>,
    subject: Tlv<'a>,
    /// Unix seconds; before 1970 is negative.
    pub not_before: i64,
    pub not_after: i64,
    spki: Tlv<'a>,
    spki_alg: &'a [u8],
    spki_key: &'a [u8],
    /// SAN dNSName entries, as written.
    pub dns_names: Vec<String>,
    /// SAN iPAddress entries.
    pub ip_names: Vec<IpAddr>,
    /// basicConstraints cA.
    pub is_ca: bool,
}

/// How a certificate relates to the one that should have issued it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The issuer's name is the other's subject and its key made the signature.
    Signed,
    /// The issuer name names someone else.
    OtherIssuer,
    /// The names agree but the signature does not verify with that key.
    BadSignature,
    /// A signature algorithm webpki does not verify (so neither does a peer).
    Unsupported,
}

const BIT_STRING: u8 = 0x03;
const OCTET_STRING: u8 = 0x04;
const OID: u8 = 0x06;
const BOOLEAN: u8 = 0x01;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;
const VERSION: u8 = 0xa0;
const EXTENSIONS: u8 = 0xa3;
const SAN_DNS: u8 = 0x82;
const SAN_IP: u8 = 0x87;
/// 2.5.29.17 subjectAltName, 2.5.29.19 basicConstraints.
const OID_SAN: &[u8] = &[0x55, 0x1d, 0x11];
const OID_BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];

impl<'a> Certificate<'a> {
    pub fn parse(der: &'a [u8]) -> Result<Certificate<'a>, X509Error> {
        let bad = X509Error::Malformed;
        let (outer, _) = expect(der, SEQUENCE).ok_or(bad("outer structure"))?;
        let (tbs, rest) = expect(outer.contents, SEQUENCE).ok_or(bad("TBSCertificate"))?;
        let (sig_alg, rest) = expect(rest, SEQUENCE).ok_or(bad("signature algorithm"))?;
        let (sig, _) = expect(rest, BIT_STRING).ok_or(bad("signature"))?;
        let signature = bit_string(sig.contents).ok_or(bad("signature"))?;

        let mut fields = tbs.contents;
        if let Some((v, rest)) = read(fields)
            && v.tag == VERSION
        {
            fields = rest;
        }
        let (_, fields) = expect(fields, INTEGER).ok_or(bad("serial number"))?;
        let (_, fields) = expect(fields, SEQUENCE).ok_or(bad("signature field"))?;
        let (issuer, fields) = expect(fields, SEQUENCE).ok_or(bad("issuer"))?;
        let (validity, fields) = expect(fields, SEQUENCE).ok_or(bad("validity"))?;
        let (subject, fields) = expect(fields, SEQUENCE).ok_or(bad("subject"))?;
        let (spki, fields) = expect(fields, SEQUENCE).ok_or(bad("public key"))?;

        let (nb, rest) = read(validity.contents).ok_or(bad("validity"))?;
        let (na, _) = read(rest).ok_or(bad("validity"))?;
        let not_before = time(nb).ok_or(bad("notBefore"))?;
        let not_after = time(na).ok_or(bad("notAfter"))?;

        let (alg, rest) = expect(spki.contents, SEQUENCE).ok_or(bad("public key"))?;
        let (key, _) = expect(rest, BIT_STRING).ok_or(bad("public key"))?;
        let spki_key = bit_string(key.contents).ok_or(bad("public key"))?;

        let mut cert = Certificate {
            tbs: tbs.whole,
            signature_alg: sig_alg.contents,
            signature,
            issuer,
            subject,
            not_before,
            not_after,
            spki,
            spki_alg: alg.contents,
            spki_key,
            dns_names: Vec::new(),
            ip_names: Vec::new(),
            is_ca: false,
        };
        // issuerUniqueID [1], subjectUniqueID [2], then extensions [3].
        for t in elements(fields).ok_or(bad("extensions"))? {
            if t.tag == EXTENSIONS {
                cert.extensions(t.contents).ok_or(bad("extensions"))?;
            }
        }
        Ok(cert)
    }

    fn extensions(&mut self, wrapped: &'a [u8]) -> Option<()> {
        let (list, _) = expect(wrapped, SEQUENCE)?;
        for ext in elements(list.contents)? {
            let (oid, rest) = expect(ext.contents, OID)?;
            // critical BOOLEAN DEFAULT FALSE
            let rest = match read(rest)? {
                (t, rest) if t.tag == BOOLEAN => rest,
                _ => rest,
            };
            let (value, _) = expect(rest, OCTET_STRING)?;
            if oid.contents == OID_SAN {
                let (names, _) = expect(value.contents, SEQUENCE)?;
                for n in elements(names.contents)? {
                    match n.tag {
                        SAN_DNS => self
                            .dns_names
                            .push(printable(&String::from_utf8_lossy(n.contents))),
                        SAN_IP => match n.contents.len() {
                            4 => self
                                .ip_names
                                .push(IpAddr::from(<[u8; 4]>::try_from(n.contents).ok()?)),
                            16 => self
                                .ip_names
                                .push(IpAddr::from(<[u8; 16]>::try_from(n.contents).ok()?)),
                            _ => {}
                        },
                        _ => {}
                    }
                }
            } else if oid.contents == OID_BASIC_CONSTRAINTS {
                let (seq, _) = expect(value.contents, SEQUENCE)?;
                if let Some((b, _)) = read(seq.contents) {
                    self.is_ca = b.tag == BOOLEAN && b.contents.first().is_some_and(|&v| v != 0);
                }
            }
        }
        Some(())
    }

    /// "CN=gw.example.org, O=Example" in the order the certificate writes it.
    pub fn subject(&self) -> String {
        name_text(self.subject)
    }

    pub fn issuer(&self) -> String {
        name_text(self.issuer)
    }

    /// The whole SubjectPublicKeyInfo, to compare with a private key's.
    pub fn spki(&self) -> &'a [u8] {
        self.spki.whole
    }

    /// Every SAN name (DNS names, then addresses) as text.
    pub fn names(&self) -> Vec<String> {
        self.dns_names
            .iter()
            .cloned()
            .chain(self.ip_names.iter().map(ToString::to_string))
            .collect()
    }

    /// Whether `issuer` issued this certificate.
    pub fn link_to(&self, issuer: &Certificate<'_>) -> Link {
        if self.issuer.contents != issuer.subject.contents {
            return Link::OtherIssuer;
        }
        let mut supported = false;
        for alg in webpki::ALL_VERIFICATION_ALGS {
            if alg.signature_alg_id().as_ref() != self.signature_alg
                || alg.public_key_alg_id().as_ref() != issuer.spki_alg
            {
                continue;
            }
            supported = true;
            if alg
                .verify_signature(issuer.spki_key, self.tbs, self.signature)
                .is_ok()
            {
                return Link::Signed;
            }
        }
        if supported {
            Link::BadSignature
        } else {
            Link::Unsupported
        }
    }

    /// Issued by itself, with its own key.
    pub fn self_signed(&self) -> bool {
        self.link_to(self) == Link::Signed
    }
}

/// A BIT STRING's bits, whole bytes only (keys and signatures always are).
fn bit_string(contents: &[u8]) -> Option<&[u8]> {
    match contents.split_first()? {
        (0, bits) => Some(bits),
        _ => None,
    }
}

/// UTCTime (`YYMMDDHHMMSSZ`, RFC 5280 §4.1.2.5.1: 50–99 are 19xx) or
/// GeneralizedTime (`YYYYMMDDHHMMSSZ`) to Unix seconds.
fn time(t: Tlv<'_>) -> Option<i64> {
    let s = t.contents;
    let (year, rest) = match t.tag {
        UTC_TIME => {
            let yy = digits(s.get(..2)?)?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &s[2..])
        }
        GENERALIZED_TIME => (digits(s.get(..4)?)?, &s[4..]),
        _ => return None,
    };
    if rest.len() != 11 || rest[10] != b'Z' {
        return None;
    }
    let f = |i: usize| digits(&rest[i..i + 2]);
    let (month, day, hour, min, sec) = (f(0)?, f(2)?, f(4)?, f(6)?, f(8)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || min > 59 || sec > 60 {
        return None;
    }
    let days = crate::time::days_from_civil(year, month as u32, day as u32);
    Some(days * 86_400 + hour * 3600 + min * 60 + sec)
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// A Name as "CN=…, O=…"; attributes it cannot read are left out.
fn name_text(name: Tlv<'_>) -> String {
    let mut parts = Vec::new();
    for set in elements(name.contents).unwrap_or_default() {
        for atv in elements(set.contents).unwrap_or_default() {
            let Some((oid, rest)) = expect(atv.contents, OID) else {
                continue;
            };
            let Some((value, _)) = read(rest) else {
                continue;
            };
            parts.push(format!(
                "{}={}",
                attribute(oid.contents),
                printable(&string(value))
            ));
        }
    }
    parts.join(", ")
}

fn attribute(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, 0x03] => "CN".into(),
        [0x55, 0x04, 0x05] => "serialNumber".into(),
        [0x55, 0x04, 0x06] => "C".into(),
        [0x55, 0x04, 0x07] => "L".into(),
        [0x55, 0x04, 0x08] => "ST".into(),
        [0x55, 0x04, 0x0a] => "O".into(),
        [0x55, 0x04, 0x0b] => "OU".into(),
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress".into(),
        other => dotted(other),
    }
}

/// An OID in dotted form, for attributes without a short name.
fn dotted(oid: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut acc: u64 = 0;
    for &b in oid {
        acc = (acc << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (acc / 40).min(2);
                arcs.extend([first, acc - first * 40]);
            } else {
                arcs.push(acc);
            }
            acc = 0;
        }
    }
    arcs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// The text of a directory string (UTF8String, PrintableString, IA5String,
/// T61String taken as Latin-1, BMPString).
fn string(v: Tlv<'_>) -> String {
    match v.tag {
        0x1e => {
            let units: Vec<u16> = v
                .contents
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        0x14 => v.contents.iter().map(|&b| char::from(b)).collect(),
        _ => String::from_utf8_lossy(v.contents).into_owned(),
    }
}

/// Control characters out: names from a file reach a terminal and logs.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};

    /// rcgen's dates are `time::OffsetDateTime`, a crate this one does not name.
    fn validity(p: &mut CertificateParams, from: u64, until: u64) {
        let epoch = rcgen::date_time_ymd(1970, 1, 1);
        p.not_before = epoch + std::time::Duration::from_secs(from);
        p.not_after = epoch + std::time::Duration::from_secs(until);
    }

    fn ca(name: &str) -> (rcgen::Certificate, Issuer<'static, KeyPair>) {
        let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.distinguished_name.push(DnType::CommonName, name);
        p.distinguished_name
            .push(DnType::OrganizationName, "Test Org");
        let key = KeyPair::generate().unwrap();
        let cert = p.self_signed(&key).unwrap();
        (cert, Issuer::new(p, key))
    }

    #[test]
    fn fields_are_what_rcgen_wrote() {
        let (ca_cert, issuer) = ca("Test Root");
        let mut p =
            CertificateParams::new(vec!["gw.example.org".to_string(), "192.0.2.7".to_string()])
                .unwrap();
        p.distinguished_name
            .push(DnType::CommonName, "gw.example.org");
        // One date before 2050 (UTCTime) and one after (GeneralizedTime).
        validity(&mut p, 1_780_000_000, 2_600_000_000);
        let key = KeyPair::generate().unwrap();
        let leaf = p.signed_by(&key, &issuer).unwrap();
        let c = Certificate::parse(leaf.der()).unwrap();
        assert_eq!(c.not_before, 1_780_000_000);
        assert_eq!(c.not_after, 2_600_000_000);
        assert_eq!(c.dns_names, ["gw.example.org"]);
        assert_eq!(c.ip_names, [IpAddr::from([192, 0, 2, 7])]);
        assert_eq!(c.names(), ["gw.example.org", "192.0.2.7"]);
        assert_eq!(c.subject(), "CN=gw.example.org");
        assert_eq!(c.issuer(), "CN=Test Root, O=Test Org");
        assert!(!c.is_ca);
        use rcgen::PublicKeyData;
        assert_eq!(c.spki(), key.subject_public_key_info().as_slice());

        let root = Certificate::parse(ca_cert.der()).unwrap();
        assert!(root.is_ca);
        assert!(root.self_signed());
        assert!(!c.self_signed());
        assert_eq!(c.link_to(&root), Link::Signed);
        assert_eq!(root.link_to(&c), Link::OtherIssuer);
    }

    #[test]
    fn a_signature_by_another_key_of_the_same_name_is_caught() {
        let (_, issuer) = ca("Test Root");
        let (impostor_cert, _) = ca("Test Root");
        let key = KeyPair::generate().unwrap();
        let leaf = CertificateParams::new(vec!["a.test".to_string()])
            .unwrap()
            .signed_by(&key, &issuer)
            .unwrap();
        let c = Certificate::parse(leaf.der()).unwrap();
        let impostor = Certificate::parse(impostor_cert.der()).unwrap();
        assert_eq!(c.link_to(&impostor), Link::BadSignature);
    }

    #[test]
    fn truncated_and_garbage_input_is_an_error_not_a_panic() {
        let key = KeyPair::generate().unwrap();
        let cert = CertificateParams::new(vec!["a.test".to_string()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let der = cert.der().as_ref();
        for n in 0..der.len() {
            assert!(Certificate::parse(&der[..n]).is_err(), "prefix {n}");
        }
        let mut flipped = der.to_vec();
        for i in 0..flipped.len() {
            flipped[i] ^= 0xff;
            let _ = Certificate::parse(&flipped);
            flipped[i] ^= 0xff;
        }
        assert!(Certificate::parse(b"not der").is_err());
    }

    #[test]
    fn times_in_both_forms() {
        let t = |tag, s: &str| {
            time(Tlv {
                tag,
                whole: &[],
                contents: s.as_bytes(),
            })
        };
        assert_eq!(t(UTC_TIME, "700101000000Z"), Some(0));
        assert_eq!(t(UTC_TIME, "491231235959Z"), Some(2_524_607_999));
        assert_eq!(t(GENERALIZED_TIME, "20491231235959Z"), Some(2_524_607_999));
        assert_eq!(t(UTC_TIME, "700101000000+0100"), None);
        assert_eq!(t(UTC_TIME, "701301000000Z"), None);
        assert_eq!(t(GENERALIZED_TIME, "2049"), None);
    }

    #[test]
    fn names_are_readable_and_safe() {
        assert_eq!(
            dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]),
            "1.2.840.113549"
        );
        assert_eq!(printable("a\nb\x1b[31m"), "a\u{fffd}b\u{fffd}[31m");
    }
}
