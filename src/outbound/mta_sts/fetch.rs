//! Fetching the policy: `GET https://mta-sts.<domain>/.well-known/mta-sts.txt`
//! (RFC 8461 §3.3) over a verified TLS connection.
//!
//! The certificate check is the security of MTA-STS — an attacker who can
//! forge DNS can also answer this request — so the caller's verifying
//! config is used as given, with SNI and name checks for `mta-sts.<domain>`.
//! Redirects are refused rather than followed (§3.3), and the whole exchange
//! runs under one deadline: a policy host that accepts and then says nothing
//! must cost the queue seconds, not a worker.

use std::net::SocketAddr;
use std::time::Duration;

use rustls_pki_types::ServerName;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use super::{FetchSettings, Policy, PolicyError, excerpt, http, policy};
use crate::outbound::dns::Dns;

/// Why no policy could be fetched, in words for the operator and the
/// domain's admin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{0} is not a valid host name")]
    BadHost(String),
    #[error("{0}")]
    Resolve(String),
    #[error("no addresses to connect to")]
    NoAddresses,
    #[error("cannot connect to {addr}: {error}")]
    Connect { addr: SocketAddr, error: String },
    #[error("TLS handshake failed: {0}")]
    Tls(String),
    #[error("no complete answer within {} ms", .0.as_millis())]
    Timeout(Duration),
    #[error("reading the response: {0}")]
    Io(String),
    #[error("the policy server answered {0}, a redirect, which RFC 8461 §3.3 forbids following")]
    Redirect(u16),
    #[error("the policy server answered {0}; only 200 is accepted")]
    Status(u16),
    #[error("the response has no Content-Type; a policy must be served as text/plain")]
    NoContentType,
    #[error("the response's Content-Type is {0}; a policy must be served as text/plain")]
    ContentType(String),
    #[error("the policy is larger than the {0}-byte limit")]
    TooBig(usize),
    #[error("the connection ended before the whole response arrived")]
    Truncated,
    #[error("malformed HTTP response: {0}")]
    Malformed(String),
    #[error("invalid policy: {0}")]
    Policy(#[from] PolicyError),
}

/// `mta-sts.<domain>`: the host that serves `domain`'s policy.
pub fn policy_host(domain: &str) -> String {
    format!("mta-sts.{}", domain.trim_end_matches('.'))
}

/// Resolves `mta-sts.<domain>` and fetches and parses its policy, all
/// within `settings.timeout`.
pub async fn fetch(
    dns: &Dns,
    domain: &str,
    settings: &FetchSettings,
) -> Result<Policy, FetchError> {
    let host = policy_host(domain);
    let work = async {
        let addrs: Vec<SocketAddr> = dns
            .resolve_host(&host, settings.port)
            .await
            .map_err(FetchError::Resolve)?
            .iter()
            .map(|c| c.addr)
            .collect();
        get(&addrs, &host, settings).await
    };
    tokio::time::timeout(settings.timeout, work)
        .await
        .map_err(|_| FetchError::Timeout(settings.timeout))?
}

/// The policy from `host` (e.g. `mta-sts.example.org`) at addresses already
/// resolved, within `settings.timeout`.
pub async fn fetch_from(
    addrs: &[SocketAddr],
    host: &str,
    settings: &FetchSettings,
) -> Result<Policy, FetchError> {
    tokio::time::timeout(settings.timeout, get(addrs, host, settings))
        .await
        .map_err(|_| FetchError::Timeout(settings.timeout))?
}

async fn get(
    addrs: &[SocketAddr],
    host: &str,
    settings: &FetchSettings,
) -> Result<Policy, FetchError> {
    let name =
        ServerName::try_from(host.to_string()).map_err(|_| FetchError::BadHost(excerpt(host)))?;
    let tcp = connect(addrs, settings.timeout).await?;
    let mut tls = TlsConnector::from(settings.tls.clone())
        .connect(name, tcp)
        .await
        .map_err(|e| FetchError::Tls(crate::proto::tls::error_text(&e)))?;
    let request = format!(
        "GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: {host}\r\n\
         User-Agent: sealgate/{}\r\nAccept: text/plain\r\nConnection: close\r\n\r\n",
        env!("CARGO_PKG_VERSION")
    );
    tls.write_all(request.as_bytes())
        .await
        .map_err(|e| FetchError::Io(crate::proto::tls::error_text(&e)))?;
    tls.flush()
        .await
        .map_err(|e| FetchError::Io(crate::proto::tls::error_text(&e)))?;
    let response = http::read_response(tls, settings.max_body).await?;
    Ok(policy::parse(&response.body)?)
}

/// The first address that accepts. Each attempt gets a third of the budget,
/// so one address that drops SYNs still leaves time for the next.
async fn connect(addrs: &[SocketAddr], budget: Duration) -> Result<TcpStream, FetchError> {
    let mut last = FetchError::NoAddresses;
    for &addr in addrs {
        match tokio::time::timeout(budget / 3, TcpStream::connect(addr)).await {
            Ok(Ok(tcp)) => {
                let _ = tcp.set_nodelay(true);
                return Ok(tcp);
            }
            Ok(Err(e)) => {
                last = FetchError::Connect {
                    addr,
                    error: e.to_string(),
                }
            }
            Err(_) => {
                last = FetchError::Connect {
                    addr,
                    error: "timed out".into(),
                }
            }
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests;
