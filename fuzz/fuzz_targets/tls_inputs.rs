//! What recipient domains publish and their servers present, on arbitrary
//! bytes: MTA-STS TXT records and policy bodies (RFC 8461), host matching,
//! and a certificate checked against TLSA records (RFC 7672, our own DER
//! walk). All of it comes from the network: no panic, no hang.
//! Run: `cargo +nightly fuzz run tls_inputs -- -max_total_time=300`
#![no_main]

use libfuzzer_sys::fuzz_target;
use rustls_pki_types::{CertificateDer, UnixTime};
use sealgate::outbound::dane::{self, Tlsa};
use sealgate::outbound::mta_sts::{policy, record};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = record::parse(&text);
    let _ = record::select(&[text.to_string(), "v=STSv1; id=1".into()]);
    if let Ok(p) = policy::parse(data) {
        for host in ["mx.example.org", "a.b.example.org", &text] {
            let _ = p.matches(host);
        }
    }
    // The first byte picks the record shape; the rest is the "certificate".
    let (head, cert) = data.split_first().unwrap_or((&0, &[]));
    let records: Vec<Tlsa> = [(2u8, 0u8), (2, 1), (3, 0), (3, 1)]
        .into_iter()
        .map(|(usage, selector)| Tlsa {
            usage,
            selector,
            matching: head % 3,
            data: cert.get(..32).unwrap_or(cert).to_vec(),
        })
        .collect();
    let chain = [
        CertificateDer::from(cert.to_vec()),
        CertificateDer::from(cert.get(1..).unwrap_or(&[]).to_vec()),
    ];
    let _ = dane::verify(&chain, &records, &["mx.example.org"], UnixTime::now());
});
