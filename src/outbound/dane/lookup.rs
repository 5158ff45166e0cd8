//! The TLSA lookup for one MX host, and what its answer means for delivery
//! (RFC 7672 §2.2).

use hickory_resolver::proto::rr::{RData, RecordType};

use super::tlsa::Tlsa;
use crate::outbound::dns::Dns;
use crate::outbound::dns::stub::Answer;

/// RFC 7672 §2.2 / §3: what the TLSA lookup for one MX host means for delivery.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TlsaLookup {
    /// Validated (AD) answer with at least one *usable* record (usage 2 or 3,
    /// selector 0/1, matching 0/1/2); only the usable ones are kept.
    Usable(Vec<Tlsa>),
    /// Validated answer, but no usable records, or authenticated denial
    /// (NXDOMAIN/NODATA with AD): DANE does not apply, the host is still "secure".
    SecureNone,
    /// Answer not validated (no AD bit) or the MX host / MX RRset was not
    /// validated: DANE does not apply.
    Insecure,
    /// The lookup failed (SERVFAIL, timeout) for a host whose MX/address
    /// answers were validated: RFC 7672 §2.2 says do not deliver to that host
    /// now (temporary failure).
    Failed(String),
}

/// The TLSA base name of a host's SMTP service (RFC 6698 §3):
/// `_25._tcp.mx.example.org.`.
pub fn tlsa_name(host: &str, port: u16) -> String {
    format!("_{port}._tcp.{}.", host.trim_end_matches('.'))
}

/// Queries `_<port>._tcp.<host>` TLSA when `host_secure` (the
/// [`Candidate::secure`](crate::outbound::dns::Candidate::secure) of the
/// host): an insecure host gets no TLSA query at all, since an attacker who
/// can forge its address can also send us to a server of their choosing, and
/// the TLSA answer would prove nothing (RFC 7672 §2.2).
pub async fn lookup(dns: &Dns, host: &str, port: u16, host_secure: bool) -> TlsaLookup {
    if !host_secure {
        return TlsaLookup::Insecure;
    }
    let name = tlsa_name(host, port);
    match dns.query(&name, RecordType::TLSA).await {
        Ok(answer) => classify(&answer),
        Err(e) => TlsaLookup::Failed(format!("TLSA lookup for {name} failed: {e}")),
    }
}

/// What one answer means: only AD answers count, and of their records only
/// the usable ones. A denial (NXDOMAIN or NODATA) with AD is a proof that
/// the host publishes no TLSA, so delivery goes on without DANE.
pub fn classify(answer: &Answer) -> TlsaLookup {
    if !answer.authentic {
        return TlsaLookup::Insecure;
    }
    let usable: Vec<Tlsa> = answer
        .records
        .iter()
        .filter_map(|r| match r {
            RData::TLSA(t) => Some(Tlsa {
                usage: t.cert_usage.into(),
                selector: t.selector.into(),
                matching: t.matching.into(),
                data: t.cert_data.clone(),
            }),
            _ => None,
        })
        .filter(Tlsa::is_usable)
        .collect();
    if usable.is_empty() {
        TlsaLookup::SecureNone
    } else {
        TlsaLookup::Usable(usable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::rr::rdata::TLSA;

    fn tlsa(u: u8, s: u8, m: u8, len: usize) -> RData {
        RData::TLSA(TLSA::new(u.into(), s.into(), m.into(), vec![7; len]))
    }

    fn answer(records: Vec<RData>, nxdomain: bool, authentic: bool) -> Answer {
        Answer {
            records,
            nxdomain,
            authentic,
        }
    }

    #[test]
    fn the_name_is_port_protocol_host() {
        assert_eq!(tlsa_name("mx.example.org.", 25), "_25._tcp.mx.example.org.");
        assert_eq!(
            tlsa_name("mx.example.org", 2525),
            "_2525._tcp.mx.example.org."
        );
    }

    #[test]
    fn only_usable_records_of_validated_answers_count() {
        let records = vec![
            tlsa(3, 1, 1, 32),
            tlsa(0, 1, 1, 32),
            tlsa(1, 0, 1, 32),
            tlsa(2, 0, 9, 32),
            tlsa(2, 1, 2, 64),
        ];
        let TlsaLookup::Usable(kept) = classify(&answer(records.clone(), false, true)) else {
            panic!("validated answer with usable records");
        };
        let kept: Vec<(u8, u8, u8)> = kept
            .iter()
            .map(|t| (t.usage, t.selector, t.matching))
            .collect();
        assert_eq!(kept, vec![(3, 1, 1), (2, 1, 2)]);
        assert_eq!(
            classify(&answer(records, false, false)),
            TlsaLookup::Insecure
        );
    }

    #[test]
    fn validated_answers_without_usable_records_or_with_denial_are_secure_none() {
        let unusable = vec![tlsa(1, 1, 1, 32), tlsa(3, 1, 1, 31)];
        assert_eq!(
            classify(&answer(unusable, false, true)),
            TlsaLookup::SecureNone
        );
        assert_eq!(
            classify(&answer(vec![], false, true)),
            TlsaLookup::SecureNone
        );
        assert_eq!(
            classify(&answer(vec![], true, true)),
            TlsaLookup::SecureNone
        );
        assert_eq!(classify(&answer(vec![], true, false)), TlsaLookup::Insecure);
    }
}
