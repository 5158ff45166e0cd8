//! DNS queries that keep the resolver's verdict on DNSSEC.
//!
//! sealgate does not validate DNSSEC itself. Like Postfix with
//! `smtp_dns_support_level = dnssec`, it asks the configured resolver — which
//! must be a validating resolver reached over a trusted path, in practice
//! loopback — and trusts the AD (authentic data) bit of its answers.
//!
//! hickory-resolver cannot serve this (read in its 0.26 source): without its
//! own validator compiled in it never sets DO or AD in queries, so a validating
//! resolver leaves AD clear (RFC 6840 §5.7); `lookup_ip` merges the A and
//! AAAA answers into one synthesized message; and a negative answer
//! (NXDOMAIN or NODATA) becomes an error that no longer carries the header,
//! so an authenticated denial cannot be told from an unauthenticated one.
//! So these queries are built here with AD=1 and EDNS DO=1, sent with
//! hickory-net's UDP client (random source port and message id, answers
//! checked against the server address, id and question), repeated over TCP
//! when the answer is truncated, and read with their header. Nothing is
//! cached: every delivery attempt asks the resolver, which caches anyway.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::tcp::TcpClientStream;
use hickory_resolver::net::udp::UdpClientStream;
use hickory_resolver::net::xfer::{DnsHandle, FirstAnswer};
use hickory_resolver::proto::op::{
    DnsRequest, DnsRequestOptions, Edns, Message, OpCode, Query, ResponseCode,
};
use hickory_resolver::proto::rr::{DNSClass, Name, RData, RecordType};
use tracing::debug;

/// The EDNS payload size of RFC 9715 / DNS flag day 2020: big enough for most
/// answers with signatures, small enough not to fragment.
const EDNS_PAYLOAD: u16 = 1232;

/// CNAME links followed inside one answer before giving up on it.
const MAX_CNAME_CHAIN: usize = 8;

/// One answer, as the resolver's header described it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The records of the asked type at the end of the answer's CNAME chain.
    pub records: Vec<RData>,
    /// NXDOMAIN: the name does not exist. With no records and no NXDOMAIN the
    /// answer is NODATA: the name exists but has no records of that type.
    pub nxdomain: bool,
    /// The AD bit: the resolver validated the answer, or the denial of
    /// existence, with DNSSEC.
    pub authentic: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("no nameservers configured")]
    NoServers,
    #[error("{name} is not a valid domain name: {error}")]
    BadName { name: String, error: String },
    #[error("nameserver {server} answered {rcode} for {name} {rtype}")]
    Rcode {
        server: SocketAddr,
        name: String,
        rtype: RecordType,
        rcode: ResponseCode,
    },
    #[error("no answer from nameserver {server} for {name} {rtype}: {error}")]
    Transport {
        server: SocketAddr,
        name: String,
        rtype: RecordType,
        error: String,
    },
    #[error("nameserver {server} answered another question than {name} {rtype}")]
    WrongQuestion {
        server: SocketAddr,
        name: String,
        rtype: RecordType,
    },
    #[error("nameserver {server} sent a truncated answer for {name} {rtype} even over TCP")]
    Truncated {
        server: SocketAddr,
        name: String,
        rtype: RecordType,
    },
}

/// Sends queries to a fixed list of nameservers, in order, until one answers.
#[derive(Debug, Clone)]
pub struct Stub {
    servers: Vec<SocketAddr>,
    timeout: Duration,
}

impl Stub {
    pub fn new(servers: Vec<SocketAddr>, timeout: Duration) -> Stub {
        Stub { servers, timeout }
    }

    /// `name` is taken as fully qualified, with or without its final dot.
    /// A nameserver that fails (timeout, SERVFAIL, REFUSED, a malformed or
    /// mismatched answer) hands the query to the next one; the last failure
    /// is returned when all fail.
    pub async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, QueryError> {
        let fqdn = format!("{}.", name.trim_end_matches('.'));
        let qname = Name::from_ascii(&fqdn).map_err(|e| QueryError::BadName {
            name: name.to_string(),
            error: e.to_string(),
        })?;
        let mut last = QueryError::NoServers;
        for &server in &self.servers {
            // A stalled TCP fallback must not hold delivery longer than both
            // transports' timeouts.
            let attempt = tokio::time::timeout(self.timeout * 2, self.ask(server, &qname, rtype));
            let result = attempt.await.unwrap_or_else(|_| {
                Err(QueryError::Transport {
                    server,
                    name: qname.to_ascii(),
                    rtype,
                    error: "timed out".into(),
                })
            });
            match result {
                Ok(answer) => return Ok(answer),
                Err(e) => {
                    debug!(%server, error = %e, "nameserver failed; trying the next");
                    last = e;
                }
            }
        }
        Err(last)
    }

    async fn ask(
        &self,
        server: SocketAddr,
        qname: &Name,
        rtype: RecordType,
    ) -> Result<Answer, QueryError> {
        let transport = |error: String| QueryError::Transport {
            server,
            name: qname.to_ascii(),
            rtype,
            error,
        };
        let provider = TokioRuntimeProvider::default();
        let udp = UdpClientStream::builder(server, provider.clone())
            .with_timeout(Some(self.timeout))
            .exchange();
        let mut response = udp
            .send(request(qname, rtype))
            .first_answer()
            .await
            .map_err(|e| transport(e.to_string()))?;
        if response.metadata.truncation {
            debug!(%server, "truncated answer over UDP; asking again over TCP");
            let tcp = TcpClientStream::exchange(server, None, self.timeout, None, provider)
                .await
                .map_err(|e| transport(format!("TCP: {e}")))?;
            response = tcp
                .send(request(qname, rtype))
                .first_answer()
                .await
                .map_err(|e| transport(format!("TCP: {e}")))?;
            if response.metadata.truncation {
                return Err(QueryError::Truncated {
                    server,
                    name: qname.to_ascii(),
                    rtype,
                });
            }
        }
        interpret(server, qname, rtype, &response)
    }
}

/// A recursive query asking for DNSSEC status: AD=1 (RFC 6840 §5.7) and
/// EDNS DO=1 (RFC 3225), since resolvers differ in which one they honour.
/// CD stays clear: the resolver must validate.
fn request(qname: &Name, rtype: RecordType) -> DnsRequest {
    let mut message = Message::query();
    message.metadata.op_code = OpCode::Query;
    message.metadata.recursion_desired = true;
    message.metadata.authentic_data = true;
    message.metadata.checking_disabled = false;
    message.add_query(Query::query(qname.clone(), rtype));
    let mut edns = Edns::new();
    edns.set_max_payload(EDNS_PAYLOAD).set_dnssec_ok(true);
    message.edns = Some(edns);
    DnsRequest::new(message, DnsRequestOptions::default())
}

/// Reads one response: its rcode, its AD bit, and the records of `rtype` at
/// the end of the CNAME chain that starts at `qname`.
pub(crate) fn interpret(
    server: SocketAddr,
    qname: &Name,
    rtype: RecordType,
    response: &Message,
) -> Result<Answer, QueryError> {
    let asked =
        |q: &Query| q.name() == qname && q.query_type() == rtype && q.query_class() == DNSClass::IN;
    if response.queries.len() != 1 || !response.queries.iter().all(asked) {
        return Err(QueryError::WrongQuestion {
            server,
            name: qname.to_ascii(),
            rtype,
        });
    }
    let nxdomain = match response.metadata.response_code {
        ResponseCode::NoError => false,
        ResponseCode::NXDomain => true,
        rcode => {
            return Err(QueryError::Rcode {
                server,
                name: qname.to_ascii(),
                rtype,
                rcode,
            });
        }
    };
    let mut owner = qname.clone();
    for _ in 0..MAX_CNAME_CHAIN {
        let next = response.answers.iter().find_map(|r| match &r.data {
            RData::CNAME(target) if r.name == owner && rtype != RecordType::CNAME => {
                Some(target.0.clone())
            }
            _ => None,
        });
        match next {
            Some(target) => owner = target,
            None => break,
        }
    }
    let records = response
        .answers
        .iter()
        .filter(|r| r.name == owner && r.record_type() == rtype)
        .map(|r| r.data.clone())
        .collect();
    Ok(Answer {
        records,
        nxdomain,
        authentic: response.metadata.authentic_data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::rr::{Record, rdata};
    use std::net::Ipv4Addr;

    fn server() -> SocketAddr {
        "127.0.0.1:53".parse().unwrap()
    }

    fn name(s: &str) -> Name {
        Name::from_ascii(s).unwrap()
    }

    fn response(q: &str, rtype: RecordType, rcode: ResponseCode, ad: bool) -> Message {
        let mut m = Message::response(7, OpCode::Query);
        m.add_query(Query::query(name(q), rtype));
        m.metadata.response_code = rcode;
        m.metadata.authentic_data = ad;
        m
    }

    fn a(owner: &str, ip: [u8; 4]) -> Record {
        Record::from_rdata(name(owner), 60, RData::A(rdata::A(Ipv4Addr::from(ip))))
    }

    #[test]
    fn the_ad_bit_is_read_from_the_header() {
        let q = name("mx.example.test.");
        let mut m = response(
            "mx.example.test.",
            RecordType::A,
            ResponseCode::NoError,
            true,
        );
        m.add_answer(a("mx.example.test.", [192, 0, 2, 1]));
        let got = interpret(server(), &q, RecordType::A, &m).unwrap();
        assert!(got.authentic);
        assert!(!got.nxdomain);
        assert_eq!(got.records.len(), 1);

        m.metadata.authentic_data = false;
        assert!(
            !interpret(server(), &q, RecordType::A, &m)
                .unwrap()
                .authentic
        );
    }

    #[test]
    fn denials_keep_their_ad_bit() {
        let q = name("_25._tcp.mx.example.test.");
        let nodata = response(
            "_25._tcp.mx.example.test.",
            RecordType::TLSA,
            ResponseCode::NoError,
            true,
        );
        let got = interpret(server(), &q, RecordType::TLSA, &nodata).unwrap();
        assert_eq!(
            (got.records.len(), got.nxdomain, got.authentic),
            (0, false, true)
        );
        let nx = response(
            "_25._tcp.mx.example.test.",
            RecordType::TLSA,
            ResponseCode::NXDomain,
            false,
        );
        let got = interpret(server(), &q, RecordType::TLSA, &nx).unwrap();
        assert_eq!(
            (got.records.len(), got.nxdomain, got.authentic),
            (0, true, false)
        );
    }

    #[test]
    fn servfail_and_refused_are_errors() {
        let q = name("example.test.");
        for rcode in [ResponseCode::ServFail, ResponseCode::Refused] {
            let m = response("example.test.", RecordType::MX, rcode, true);
            assert!(matches!(
                interpret(server(), &q, RecordType::MX, &m),
                Err(QueryError::Rcode { .. })
            ));
        }
    }

    #[test]
    fn an_answer_to_another_question_is_refused() {
        let q = name("example.test.");
        let m = response("example.test.", RecordType::A, ResponseCode::NoError, true);
        assert!(matches!(
            interpret(server(), &q, RecordType::MX, &m),
            Err(QueryError::WrongQuestion { .. })
        ));
        let m = response("evil.test.", RecordType::MX, ResponseCode::NoError, true);
        assert!(matches!(
            interpret(server(), &q, RecordType::MX, &m),
            Err(QueryError::WrongQuestion { .. })
        ));
    }

    #[test]
    fn cname_chains_are_followed_and_strays_ignored() {
        let q = name("mx.example.test.");
        let mut m = response(
            "mx.example.test.",
            RecordType::A,
            ResponseCode::NoError,
            true,
        );
        m.add_answer(Record::from_rdata(
            name("mx.example.test."),
            60,
            RData::CNAME(rdata::CNAME(name("host.example.net."))),
        ));
        m.add_answer(a("host.example.net.", [192, 0, 2, 7]));
        // A record for a name outside the chain is not part of the answer.
        m.add_answer(a("other.example.net.", [198, 51, 100, 1]));
        let got = interpret(server(), &q, RecordType::A, &m).unwrap();
        assert_eq!(
            got.records,
            vec![RData::A(rdata::A(Ipv4Addr::new(192, 0, 2, 7)))]
        );
    }

    #[test]
    fn queries_ask_for_dnssec_status_and_let_the_resolver_validate() {
        let r = request(&name("example.test."), RecordType::MX);
        assert!(r.metadata.authentic_data);
        assert!(!r.metadata.checking_disabled);
        assert!(r.metadata.recursion_desired);
        let edns = r.edns.as_ref().unwrap();
        assert!(edns.flags().dnssec_ok);
    }
}
