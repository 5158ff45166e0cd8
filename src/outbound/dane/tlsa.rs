//! A TLSA record (RFC 6698 §2.1) as plain data, which of them SMTP may use
//! (RFC 7672 §3.1), and how one matches a certificate.

use super::der;

/// DANE-TA(2): the record names a trust anchor the server's chain leads to.
pub const DANE_TA: u8 = 2;
/// DANE-EE(3): the record names the server's own certificate or key.
pub const DANE_EE: u8 = 3;
/// Selector 0: the whole certificate.
pub const CERT: u8 = 0;
/// Selector 1: the SubjectPublicKeyInfo.
pub const SPKI: u8 = 1;
/// Matching 0: the selected bytes themselves.
pub const EXACT: u8 = 0;
pub const SHA2_256: u8 = 1;
pub const SHA2_512: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tlsa {
    pub usage: u8,
    pub selector: u8,
    pub matching: u8,
    pub data: Vec<u8>,
}

impl Tlsa {
    /// RFC 7672 §3.1: SMTP uses only DANE-TA(2) and DANE-EE(3) — PKIX-TA(0)
    /// and PKIX-EE(1) would need the public CA set, which SMTP servers are
    /// not expected to satisfy — with a known selector and matching type.
    /// A digest of the wrong length, or empty data, is malformed and so
    /// unusable too: it could never match, and must not count as a record.
    pub fn is_usable(&self) -> bool {
        let usage = matches!(self.usage, DANE_TA | DANE_EE);
        let selector = matches!(self.selector, CERT | SPKI);
        let data = match self.matching {
            EXACT => !self.data.is_empty(),
            SHA2_256 => self.data.len() == 32,
            SHA2_512 => self.data.len() == 64,
            _ => false,
        };
        usage && selector && data
    }

    /// The bytes of `cert` (DER) this record's selector picks, or None for
    /// a certificate whose structure cannot be read.
    pub fn select<'c>(&self, cert: &'c [u8]) -> Option<&'c [u8]> {
        match self.selector {
            CERT => Some(cert),
            SPKI => der::spki(cert).map(|t| t.whole),
            _ => None,
        }
    }

    /// Whether this record names `cert` (DER): its selected bytes, compared
    /// as they are or by digest.
    pub fn matches(&self, cert: &[u8]) -> bool {
        let Some(selected) = self.select(cert) else {
            return false;
        };
        match self.matching {
            EXACT => selected == self.data.as_slice(),
            SHA2_256 => digest(&ring::digest::SHA256, selected) == self.data,
            SHA2_512 => digest(&ring::digest::SHA512, selected) == self.data,
            _ => false,
        }
    }
}

fn digest(alg: &'static ring::digest::Algorithm, data: &[u8]) -> Vec<u8> {
    ring::digest::digest(alg, data).as_ref().to_vec()
}

/// The record a zone would publish for `cert` (DER) with this usage,
/// selector and matching type, as `tlsagen` makes it; tests use it.
pub fn record_for(usage: u8, selector: u8, matching: u8, cert: &[u8]) -> Option<Tlsa> {
    let mut t = Tlsa {
        usage,
        selector,
        matching,
        data: Vec::new(),
    };
    let selected = t.select(cert)?;
    t.data = match matching {
        EXACT => selected.to_vec(),
        SHA2_256 => digest(&ring::digest::SHA256, selected),
        SHA2_512 => digest(&ring::digest::SHA512, selected),
        _ => return None,
    };
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(usage: u8, selector: u8, matching: u8, len: usize) -> Tlsa {
        Tlsa {
            usage,
            selector,
            matching,
            data: vec![0xab; len],
        }
    }

    #[test]
    fn only_dane_ta_and_dane_ee_with_known_parameters_are_usable() {
        assert!(t(3, 1, 1, 32).is_usable());
        assert!(t(2, 0, 2, 64).is_usable());
        assert!(t(3, 0, 0, 300).is_usable());
        assert!(!t(0, 1, 1, 32).is_usable(), "PKIX-TA");
        assert!(!t(1, 1, 1, 32).is_usable(), "PKIX-EE");
        assert!(!t(4, 1, 1, 32).is_usable(), "unassigned usage");
        assert!(!t(3, 2, 1, 32).is_usable(), "unknown selector");
        assert!(!t(3, 1, 3, 32).is_usable(), "unknown matching type");
        assert!(!t(3, 1, 1, 31).is_usable(), "short SHA-256");
        assert!(!t(3, 1, 2, 32).is_usable(), "SHA-512 of SHA-256 length");
        assert!(!t(3, 1, 0, 0).is_usable(), "empty exact data");
    }

    #[test]
    fn records_made_for_a_certificate_match_it_and_no_other() {
        let make = || {
            let key = rcgen::KeyPair::generate().unwrap();
            rcgen::CertificateParams::new(vec!["mx.example.test".to_string()])
                .unwrap()
                .self_signed(&key)
                .unwrap()
        };
        let (a, b) = (make(), make());
        for selector in [CERT, SPKI] {
            for matching in [EXACT, SHA2_256, SHA2_512] {
                let r = record_for(DANE_EE, selector, matching, a.der()).unwrap();
                assert!(r.is_usable());
                assert!(r.matches(a.der()), "{selector} {matching}");
                assert!(!r.matches(b.der()), "{selector} {matching}");
            }
        }
    }

    #[test]
    fn unreadable_certificates_match_nothing() {
        let r = Tlsa {
            usage: DANE_EE,
            selector: SPKI,
            matching: EXACT,
            data: vec![0x30, 0x00],
        };
        assert!(!r.matches(&[0x30, 0x00]));
        assert!(!r.matches(&[]));
    }
}
