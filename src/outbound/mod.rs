//! Delivery to the recipient's mail server: find the hosts, connect at the
//! TLS level policy demands (never below it), run one transaction for all
//! recipients of a domain, and reuse the connection for the next message.

pub mod client;
pub mod dane;
pub mod dns;
pub mod dsn;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio_rustls::TlsConnector;
use tracing::{debug, info};

use crate::config::{Config, TlsLevel};
use crate::proto::address::Address;
use crate::proto::next_hop::NextHop;
use crate::proto::params::{MailParams, Recipient};
use crate::proto::reply::Reply;
use client::{ConnFail, SmtpClient, Timeouts, TlsConfigs, Transaction};
use dns::{Candidate, Dns, Resolution};

#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
    #[error("{0}")]
    Dns(#[from] dns::DnsError),
    #[error("TLS client setup: {0}")]
    Tls(String),
}

/// What happened to one recipient. Every variant says why, in words an
/// operator can act on, and with an RFC 3463 status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered {
        remote: String,
        /// The next hop's reply, e.g. "250 2.0.0 Ok: queued as 4Xb".
        reply: String,
        status: String,
    },
    Deferred {
        status: String,
        error: String,
    },
    Failed {
        status: String,
        error: String,
        remote: Option<String>,
    },
}

impl Outcome {
    pub fn deferred(status: &str, error: impl Into<String>) -> Outcome {
        Outcome::Deferred {
            status: status.into(),
            error: error.into(),
        }
    }
}

/// The result of one delivery attempt to one domain.
#[derive(Debug)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// The host that answered, or the last one tried: "mx.example.org[192.0.2.1]:25".
    pub relay: Option<String>,
    pub tls: Option<client::TlsInfo>,
}

impl Report {
    /// The same outcome for all `n` recipients, with no host reached.
    pub fn all(n: usize, outcome: Outcome) -> Report {
        Report {
            outcomes: vec![outcome; n],
            relay: None,
            tls: None,
        }
    }
}

/// How logs, DSNs and the queue name a next hop, as Postfix does.
pub fn relay_name(host: &str, addr: SocketAddr) -> String {
    format!(
        "{}[{}]:{}",
        host.trim_end_matches('.'),
        addr.ip(),
        addr.port()
    )
}

/// One domain's share of a message.
pub struct Batch<'a> {
    pub domain: &'a str,
    pub sender: Option<&'a Address>,
    pub params: &'a MailParams,
    pub rcpts: Vec<&'a Recipient>,
    pub message: &'a [u8],
    pub level: TlsLevel,
    pub next_hop: Option<&'a str>,
}

type PoolKey = (SocketAddr, TlsLevel);

pub struct Outbound {
    dns: Dns,
    tls: TlsConfigs,
    timeouts: Timeouts,
    helo: String,
    smtp_port: u16,
    reuse: Duration,
    pool: Mutex<HashMap<PoolKey, Vec<(Instant, SmtpClient)>>>,
    global: Arc<Semaphore>,
    per_destination: Mutex<HashMap<String, Arc<Semaphore>>>,
    max_per_destination: usize,
}

impl Outbound {
    /// From `[delivery]`; the EHLO name is `server.hostname`.
    pub fn new(config: &Config) -> Result<Outbound, OutboundError> {
        let cfg = &config.delivery;
        let provider = crate::proto::tls::provider();
        let unverified = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .map_err(|e| OutboundError::Tls(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(client::AcceptAnyCert(provider.clone())))
            .with_no_client_auth();
        let mut roots = rustls::RootCertStore::empty();
        let bundle = cfg
            .ca_file
            .as_ref()
            .map(|p| config.path(p))
            .unwrap_or_else(|| "/etc/ssl/certs/ca-certificates.crt".into());
        if let Ok(certs) = crate::proto::tls::load_certs(&bundle) {
            for c in certs {
                let _ = roots.add(c);
            }
        } else if cfg.ca_file.is_some() {
            return Err(OutboundError::Tls(format!(
                "cannot load trust anchors from {}",
                bundle.display()
            )));
        }
        let verified = rustls::ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .map_err(|e| OutboundError::Tls(e.to_string()))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Outbound {
            dns: Dns::new(&cfg.nameservers)?,
            tls: TlsConfigs {
                unverified: TlsConnector::from(Arc::new(unverified)),
                verified: TlsConnector::from(Arc::new(verified)),
            },
            timeouts: Timeouts {
                connect: cfg.connect_timeout,
                command: cfg.command_timeout,
                data: cfg.data_timeout,
            },
            helo: config.server.hostname.clone(),
            smtp_port: cfg.smtp_port,
            reuse: cfg.connection_reuse,
            pool: Mutex::new(HashMap::new()),
            global: Arc::new(Semaphore::new(cfg.max_connections.max(1))),
            per_destination: Mutex::new(HashMap::new()),
            max_per_destination: cfg.max_per_destination.max(1),
        })
    }

    fn destination_limit(&self, domain: &str) -> Arc<Semaphore> {
        let mut m = self
            .per_destination
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        m.entry(domain.to_string())
            .or_insert_with(|| Arc::new(Semaphore::new(self.max_per_destination)))
            .clone()
    }

    fn take_pooled(&self, key: PoolKey) -> Option<SmtpClient> {
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        let list = pool.get_mut(&key)?;
        while let Some((at, c)) = list.pop() {
            if at.elapsed() < self.reuse {
                return Some(c);
            }
        }
        None
    }

    fn put_pooled(&self, c: SmtpClient) {
        let key = (c.addr, c.level);
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        pool.entry(key).or_default().push((Instant::now(), c));
    }

    /// Closes idle connections past their reuse time; run every second.
    pub async fn sweep(&self, all: bool) {
        let expired: Vec<SmtpClient> = {
            let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
            let mut out = Vec::new();
            for list in pool.values_mut() {
                let (keep, drop): (Vec<_>, Vec<_>) = std::mem::take(list)
                    .into_iter()
                    .partition(|(at, _)| !all && at.elapsed() < self.reuse);
                *list = keep;
                out.extend(drop.into_iter().map(|(_, c)| c));
            }
            pool.retain(|_, l| !l.is_empty());
            out
        };
        for mut c in expired {
            let _ = tokio::time::timeout(Duration::from_secs(2), c.quit()).await;
        }
    }

    async fn candidates(&self, b: &Batch<'_>) -> Result<Vec<Candidate>, Outcome> {
        if let Some(hop) = b.next_hop {
            let hop =
                NextHop::parse(hop, self.smtp_port).map_err(|e| Outcome::deferred("4.3.5", e))?;
            return self
                .dns
                .resolve_host(&hop.host, hop.port)
                .await
                .map_err(|error| Outcome::deferred("4.4.3", error));
        }
        match self.dns.resolve_domain(b.domain, self.smtp_port).await {
            Resolution::Hosts(h) => Ok(h),
            Resolution::Permanent { status, reason } => Err(Outcome::Failed {
                status: status.to_string(),
                error: reason,
                remote: None,
            }),
            Resolution::Temporary(error) => Err(Outcome::deferred("4.4.3", error)),
        }
    }

    pub async fn deliver(&self, b: Batch<'_>) -> Report {
        let n = b.rcpts.len();
        let all = |o: Outcome| Report::all(n, o);
        if b.level == TlsLevel::DaneOnly {
            // Held, never sent below policy, until DANE lookups exist.
            return all(Outcome::deferred(
                "4.7.5",
                "TLS level dane-only: DANE verification is not available in this version; held",
            ));
        }
        let dest = self.destination_limit(b.domain);
        let (Ok(_d), Ok(_g)) = (
            dest.acquire_owned().await,
            self.global.clone().acquire_owned().await,
        ) else {
            return all(Outcome::deferred("4.3.2", "delivery is shutting down"));
        };
        let candidates = match self.candidates(&b).await {
            Ok(c) => c,
            Err(o) => return all(o),
        };
        let mut last = Outcome::deferred("4.4.1", "no mail host could be reached");
        let mut relay = None;
        for cand in &candidates {
            match self.try_host(cand, &b).await {
                Ok(report) => return report,
                Err(e) => {
                    info!(domain = b.domain, host = %cand.host, addr = %cand.addr, error = %e, "host failed; trying the next");
                    last = Outcome::deferred(&e.status(), e.to_string());
                    relay = Some(relay_name(&cand.host, cand.addr));
                }
            }
        }
        Report { relay, ..all(last) }
    }

    async fn connect(&self, cand: &Candidate, level: TlsLevel) -> Result<SmtpClient, ConnFail> {
        match SmtpClient::connect(
            cand.addr,
            &cand.host,
            &self.helo,
            level,
            &self.tls,
            &self.timeouts,
            false,
        )
        .await
        {
            Err(ConnFail::Tls { host, error }) if level == TlsLevel::May => {
                // Opportunistic TLS that fails may fall back to plaintext (RFC 7435 §3).
                debug!(%host, %error, "TLS failed at level may; retrying in plaintext");
                SmtpClient::connect(
                    cand.addr,
                    &cand.host,
                    &self.helo,
                    level,
                    &self.tls,
                    &self.timeouts,
                    true,
                )
                .await
            }
            r => r,
        }
    }

    /// One host: a pooled connection if there is one (retrying once on a
    /// fresh one if it went stale), else a new one.
    async fn try_host(&self, cand: &Candidate, b: &Batch<'_>) -> Result<Report, ConnFail> {
        if let Some(mut c) = self.take_pooled((cand.addr, b.level)) {
            match self.run(&mut c, b).await {
                Ok(r) => {
                    self.put_pooled(c);
                    return Ok(r);
                }
                Err(e) => debug!(error = %e, "reused connection failed; reconnecting"),
            }
        }
        let mut c = self.connect(cand, b.level).await?;
        let r = self.run(&mut c, b).await?;
        self.put_pooled(c);
        Ok(r)
    }

    async fn run(&self, c: &mut SmtpClient, b: &Batch<'_>) -> Result<Report, ConnFail> {
        let n = b.rcpts.len();
        let remote = Some(relay_name(&c.host, c.addr));
        let fail_all = |status: &str, error: String| Report {
            outcomes: vec![
                Outcome::Failed {
                    status: status.into(),
                    error,
                    remote: remote.clone()
                };
                n
            ],
            relay: remote.clone(),
            tls: c.tls.clone(),
        };
        if b.params.smtputf8 && !c.ext.smtputf8 {
            return Ok(fail_all(
                "5.6.7",
                format!(
                    "{} does not support SMTPUTF8, which this message needs (RFC 6531)",
                    c.host
                ),
            ));
        }
        if let Some(max) = c.ext.size.filter(|m| *m > 0)
            && b.message.len() as u64 > max
        {
            return Ok(fail_all(
                "5.3.4",
                format!("message is larger than {} accepts ({max} bytes)", c.host),
            ));
        }
        let tx = Transaction {
            sender: b.sender,
            params: b.params,
            rcpts: &b.rcpts,
            message: b.message,
        };
        let replies = c.transaction(&tx, &self.timeouts).await?;
        let outcomes = replies
            .into_iter()
            .map(|r| outcome(r, remote.clone()))
            .collect();
        Ok(Report {
            outcomes,
            relay: remote.clone(),
            tls: c.tls.clone(),
        })
    }
}

fn outcome(r: Reply, remote: Option<String>) -> Outcome {
    if r.is_ok() {
        Outcome::Delivered {
            remote: remote.unwrap_or_default(),
            reply: r.line(),
            status: r.status,
        }
    } else if r.is_temp() {
        Outcome::Deferred {
            error: format!("{} said: {}", remote.unwrap_or_default(), r.line()),
            status: r.status,
        }
    } else {
        Outcome::Failed {
            status: r.status.clone(),
            error: r.line(),
            remote,
        }
    }
}
