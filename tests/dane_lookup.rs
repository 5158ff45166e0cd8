//! TLSA lookups and `Candidate::secure` against the test DNS server, which
//! stands in for a validating resolver: it sets AD on the names a test
//! declares signed, when asked for DNSSEC status.

mod common;

use std::collections::HashSet;
use std::net::Ipv4Addr;

use common::{Dns, Zone};
use sealgate::outbound::dane::{self, Tlsa, TlsaLookup};
use sealgate::outbound::dns::{self, Resolution};

const MX: &str = "mx.example.test";
const TLSA_NAME: &str = "_25._tcp.mx.example.test";

fn resolver(zone: Zone) -> (Dns, dns::Dns) {
    let server = Dns::start(zone);
    let client = dns::Dns::new(&[server.addr]).expect("resolver");
    (server, client)
}

fn set(names: &[&str]) -> HashSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// One usable record and three unusable ones: PKIX-EE, PKIX-TA, and a
/// matching type nobody defined.
fn records() -> Vec<common::TlsaData> {
    vec![
        (3, 1, 1, vec![0x11; 32]),
        (1, 1, 1, vec![0x22; 32]),
        (0, 0, 1, vec![0x33; 32]),
        (3, 1, 9, vec![0x44; 32]),
    ]
}

fn usable() -> TlsaLookup {
    TlsaLookup::Usable(vec![Tlsa {
        usage: 3,
        selector: 1,
        matching: 1,
        data: vec![0x11; 32],
    }])
}

#[tokio::test]
async fn signed_tlsa_keeps_only_the_usable_records() {
    let mut zone = Zone::default();
    zone.tlsa.insert(TLSA_NAME.into(), records());
    zone.secure = set(&[TLSA_NAME]);
    let (_server, dns) = resolver(zone);
    assert_eq!(dane::lookup(&dns, MX, 25, true).await, usable());
    // The trailing dot of an MX exchange name makes no difference.
    assert_eq!(
        dane::lookup(&dns, "mx.example.test.", 25, true).await,
        usable()
    );
}

#[tokio::test]
async fn unsigned_tlsa_is_insecure() {
    let mut zone = Zone::default();
    zone.tlsa.insert(TLSA_NAME.into(), records());
    let (_server, dns) = resolver(zone);
    assert_eq!(dane::lookup(&dns, MX, 25, true).await, TlsaLookup::Insecure);
}

#[tokio::test]
async fn an_insecure_host_is_not_asked_for_tlsa() {
    // Were it asked, SERVFAIL would make this Failed.
    let zone = Zone {
        servfail: set(&[TLSA_NAME]),
        ..Zone::default()
    };
    let (_server, dns) = resolver(zone);
    assert_eq!(
        dane::lookup(&dns, MX, 25, false).await,
        TlsaLookup::Insecure
    );
}

#[tokio::test]
async fn signed_denials_are_secure_none() {
    // NODATA: the name exists (it has a TXT record) but has no TLSA.
    let mut zone = Zone::default();
    zone.txt.insert(TLSA_NAME.into(), vec!["not a TLSA".into()]);
    zone.secure = set(&[TLSA_NAME]);
    let (_server, dns) = resolver(zone);
    assert_eq!(
        dane::lookup(&dns, MX, 25, true).await,
        TlsaLookup::SecureNone
    );

    // NXDOMAIN, signed and unsigned.
    let zone = Zone {
        secure: set(&[TLSA_NAME]),
        ..Zone::default()
    };
    let (_server, dns) = resolver(zone);
    assert_eq!(
        dane::lookup(&dns, MX, 25, true).await,
        TlsaLookup::SecureNone
    );
    let (_server, dns) = resolver(Zone::default());
    assert_eq!(dane::lookup(&dns, MX, 25, true).await, TlsaLookup::Insecure);
}

#[tokio::test]
async fn signed_tlsa_with_only_unusable_records_is_secure_none() {
    let mut zone = Zone::default();
    zone.tlsa
        .insert(TLSA_NAME.into(), records().into_iter().skip(1).collect());
    zone.secure = set(&[TLSA_NAME]);
    let (_server, dns) = resolver(zone);
    assert_eq!(
        dane::lookup(&dns, MX, 25, true).await,
        TlsaLookup::SecureNone
    );
}

#[tokio::test]
async fn servfail_for_a_secure_host_is_failed() {
    let mut zone = Zone::default();
    zone.tlsa.insert(TLSA_NAME.into(), records());
    zone.secure = set(&[TLSA_NAME]);
    zone.servfail = set(&[TLSA_NAME]);
    let (_server, dns) = resolver(zone);
    match dane::lookup(&dns, MX, 25, true).await {
        TlsaLookup::Failed(why) => assert!(why.contains(TLSA_NAME), "{why}"),
        other => panic!("expected Failed, got {other:?}"),
    }
}

#[tokio::test]
async fn a_truncated_answer_is_asked_again_over_tcp() {
    let mut zone = Zone::default();
    zone.tlsa.insert(TLSA_NAME.into(), records());
    zone.secure = set(&[TLSA_NAME]);
    zone.truncate = set(&[TLSA_NAME]);
    let (_server, dns) = resolver(zone);
    assert_eq!(dane::lookup(&dns, MX, 25, true).await, usable());
}

/// `example.test` MX → `mx.example.test` A 127.0.0.1, with the given names signed.
fn mx_zone(signed: &[&str]) -> Zone {
    let mut zone = Zone::default();
    zone.mx.insert("example.test".into(), vec![(10, MX.into())]);
    zone.a.insert(MX.into(), vec![Ipv4Addr::LOCALHOST]);
    zone.a
        .insert("implicit.test".into(), vec![Ipv4Addr::LOCALHOST]);
    zone.secure = set(signed);
    zone
}

async fn secure_flags(dns: &dns::Dns, domain: &str) -> Vec<bool> {
    match dns.resolve_domain(domain, 25).await {
        Resolution::Hosts(hosts) => {
            assert!(hosts.iter().all(|h| h.addr.ip() == Ipv4Addr::LOCALHOST));
            hosts.iter().map(|h| h.secure).collect()
        }
        other => panic!("{domain}: {other:?}"),
    }
}

#[tokio::test]
async fn candidates_are_secure_only_when_mx_and_address_were_signed() {
    let (_s, dns) = resolver(mx_zone(&["example.test", MX]));
    assert_eq!(secure_flags(&dns, "example.test").await, vec![true]);

    let (_s, dns) = resolver(mx_zone(&["example.test"]));
    assert_eq!(
        secure_flags(&dns, "example.test").await,
        vec![false],
        "A unsigned"
    );

    let (_s, dns) = resolver(mx_zone(&[MX]));
    assert_eq!(
        secure_flags(&dns, "example.test").await,
        vec![false],
        "MX unsigned"
    );

    let (_s, dns) = resolver(mx_zone(&[]));
    assert_eq!(secure_flags(&dns, "example.test").await, vec![false]);
}

#[tokio::test]
async fn implicit_mx_and_next_hops_go_by_their_address_records() {
    let (_s, dns) = resolver(mx_zone(&["implicit.test", MX]));
    assert_eq!(secure_flags(&dns, "implicit.test").await, vec![true]);
    let hop = dns.resolve_host(MX, 2525).await.unwrap();
    assert_eq!(hop.len(), 1);
    assert!(hop[0].secure);
    assert_eq!(hop[0].addr.port(), 2525);

    let (_s, dns) = resolver(mx_zone(&[]));
    assert_eq!(secure_flags(&dns, "implicit.test").await, vec![false]);
    assert!(!dns.resolve_host(MX, 2525).await.unwrap()[0].secure);
}

#[tokio::test]
async fn literals_and_localhost_are_never_secure() {
    let (_s, dns) = resolver(mx_zone(&["localhost"]));
    for host in ["127.0.0.1", "localhost"] {
        let c = dns.resolve_host(host, 25).await.unwrap();
        assert!(
            c.iter().all(|c| !c.secure && c.addr.ip().is_loopback()),
            "{host}"
        );
    }
    assert_eq!(secure_flags(&dns, "[127.0.0.1]").await, vec![false]);
}

#[tokio::test]
async fn mx_lookup_failures_stay_as_they_were() {
    let mut zone = mx_zone(&["example.test", MX]);
    zone.servfail = set(&["example.test"]);
    let (_s, dns) = resolver(zone);
    assert!(matches!(
        dns.resolve_domain("example.test", 25).await,
        Resolution::Temporary(_)
    ));
    assert!(matches!(
        dns.resolve_domain("nowhere.test", 25).await,
        Resolution::Permanent {
            status: "5.1.2",
            ..
        }
    ));
}
