//! Verifies every DKIM-Signature of one message with mail-auth, as a second
//! opinion beside dkimpy in tests/dkim.rs.
//!
//!     mailauth-verify MESSAGE KEYS.json
//!
//! KEYS.json maps `selector._domainkey.domain` to the TXT record's text, the
//! file tests/dkim.rs already writes for dkimpy. Stdout gets one word per
//! signature, in header order, in dkimpy's script format: `ok` for pass,
//! `bad` for anything else; stderr says what mail-auth found for each.
//! Exit status 2 means the inputs could not be read, not a failed signature.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::pin::pin;
use std::process::ExitCode;
use std::task::{Context, Poll, Waker};
use std::time::Instant;

use mail_auth::dkim::DomainKey;
use mail_auth::dns::{ToFqdn, TxtRecordParser};
use mail_auth::hickory_resolver::config::{ResolverConfig, ResolverOpts};
use mail_auth::hickory_resolver::proto::op::ResponseCode;
use mail_auth::{
    AuthenticatedMessage, DkimResult, DnsCache, DnsError, Error, MessageAuthenticator, NoCache,
    Parameters, ResolverCache, TxtRecord,
};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mailauth-verify: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [message, keys] = args.as_slice() else {
        return Err("usage: mailauth-verify MESSAGE KEYS.json".into());
    };
    let raw = std::fs::read(message).map_err(|e| format!("{message}: {e}"))?;
    let keys = std::fs::read(keys).map_err(|e| format!("{keys}: {e}"))?;
    let keys: HashMap<String, String> =
        serde_json::from_slice(&keys).map_err(|e| format!("key file: {e}"))?;
    let zone = Zone::new(&keys);
    let message = AuthenticatedMessage::parse(&raw).ok_or("mail-auth cannot parse the message")?;

    // No name server at all: the zone answers every TXT lookup, and should
    // mail-auth ever want another record type the resolver has nowhere to send
    // it.
    let authenticator = MessageAuthenticator::new(
        ResolverConfig::from_name_servers(Vec::new()),
        ResolverOpts::default(),
    )
    .map_err(|e| format!("resolver: {e}"))?;
    let outputs =
        finish_offline(authenticator.verify_dkim(Parameters::new(&message).with_cache(&zone)))?;

    // verify_dkim lists the headers it could not parse first, then the parsed
    // ones in order; put each back where its header stands so the words line
    // up with dkimpy's `idx`.
    let signatures = message.dkim_signatures();
    let parsed = outputs
        .len()
        .checked_sub(signatures.len())
        .map(|skip| &outputs[skip..])
        .ok_or("mail-auth returned fewer results than signatures")?;
    // Header values are slices of `raw`, so where one starts orders them.
    let offset = |value: &[u8]| value.as_ptr() as usize - raw.as_ptr() as usize;
    let mut results: Vec<(usize, bool, String)> = signatures
        .iter()
        .zip(parsed)
        .map(|(header, out)| {
            let s = &header.header;
            let note = format!("d={} s={}: {}", s.d, s.s, out.result());
            (
                offset(header.value),
                out.result() == &DkimResult::Pass,
                note,
            )
        })
        .collect();
    // Unparseable DKIM-Signature headers, whether or not verify_dkim gave
    // them an output, count as a failed signature, as in dkimpy.
    results.extend(
        message
            .errors()
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(b"DKIM-Signature"))
            .map(|h| (offset(h.value), false, format!("unparsed: {}", h.header))),
    );
    results.sort_by_key(|r| r.0);

    for (i, (_, _, note)) in results.iter().enumerate() {
        eprintln!("{i} {note}");
    }
    let words: Vec<&str> = results
        .iter()
        .map(|r| if r.1 { "ok" } else { "bad" })
        .collect();
    println!("{}", words.join(" "));
    Ok(())
}

/// Drives a verification that must not touch the network. Every lookup is
/// answered from the zone without awaiting anything, so the future is ready on
/// its first poll; were it pending, mail-auth would be waiting for DNS, which
/// this tool refuses rather than risk a query leaving the machine.
fn finish_offline<F: Future>(future: F) -> Result<F::Output, String> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Ok(out),
        Poll::Pending => Err("mail-auth tried a DNS lookup the key file does not answer".into()),
    }
}

/// The test's DNS, as mail-auth's TXT cache. It answers every name: a name
/// the key file lacks is NXDOMAIN, so a missing key fails the signature (as
/// with dkimpy) instead of reaching for a resolver.
struct Zone(HashMap<Box<str>, TxtRecord>);

impl Zone {
    fn new(keys: &HashMap<String, String>) -> Self {
        Zone(
            keys.iter()
                .map(|(name, text)| {
                    // A bad record stays in the zone as the error a real
                    // lookup would have cached, so the signature fails with it.
                    let record = DomainKey::parse(text.as_bytes())
                        .map_or_else(TxtRecord::Error, TxtRecord::from);
                    (name.to_fqdn().into(), record)
                })
                .collect(),
        )
    }
}

impl ResolverCache<Box<str>, TxtRecord> for Zone {
    fn get<Q>(&self, name: &Q) -> Option<TxtRecord>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        Some(
            self.0
                .get(name)
                .cloned()
                .unwrap_or(TxtRecord::Error(Error::Dns(DnsError::RecordNotFound(
                    ResponseCode::NXDomain,
                )))),
        )
    }

    fn remove<Q>(&self, _: &Q) -> Option<TxtRecord>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        None
    }

    fn insert(&self, _: Box<str>, _: TxtRecord, _: Instant) {}
}

impl DnsCache for Zone {
    type Txt = Self;
    type Mx = NoCache;
    type Ipv4 = NoCache;
    type Ipv6 = NoCache;
    type Ptr = NoCache;

    fn txt(&self) -> Option<&Self> {
        Some(self)
    }
    fn mx(&self) -> Option<&NoCache> {
        None
    }
    fn ipv4(&self) -> Option<&NoCache> {
        None
    }
    fn ipv6(&self) -> Option<&NoCache> {
        None
    }
    fn ptr(&self) -> Option<&NoCache> {
        None
    }
}
