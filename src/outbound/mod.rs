//! Delivery to the recipient's mail server: find the hosts, learn what the
//! domain demands (MTA-STS, DANE) and can do, connect at the level policy
//! demands (never below it), run one transaction for all recipients of a
//! domain, and reuse the connection for the next message. A `secure`
//! recipient whose servers fail the level is handed back as `Portal`, never
//! sent in plaintext and never left to expire.

pub mod capability;
pub mod client;
pub mod dane;
pub mod dns;
pub mod dsn;
pub mod mta_sts;
mod published;
pub mod tls_report;
pub mod tls_show;
pub mod verify;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio_rustls::TlsConnector;
use tracing::{debug, info};

use crate::config::{Config, TlsLevel};
use crate::policy::{OnFail, TlsRoute};
use crate::proto::address::Address;
use crate::proto::next_hop::NextHop;
use crate::proto::params::{MailParams, Recipient};
use crate::proto::reply::Reply;
use capability::{Observation, Store};
use client::{ConnFail, SmtpClient, Timeouts, TlsConfigs, Transaction};
use dane::TlsaLookup;
use dns::{Candidate, Dns, Resolution};
use verify::{Demand, TlsFail};

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
    /// A secure recipient whose servers failed the level: for the portal.
    Portal {
        status: String,
        reason: String,
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
    /// The TLS failures met on the way, for the audit log and `tls report`
    /// (RFC 8460's result types), e.g. "certificate-invalid".
    pub tls_failures: Vec<&'static str>,
    /// The domain's MTA-STS mode and whether DANE applied, as evidence.
    pub policy: PolicySeen,
}

/// What the domain's published policies were on this attempt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicySeen {
    /// "enforce", "testing", "none", or None without a policy.
    pub mta_sts: Option<&'static str>,
    /// Usable TLSA records applied to the host that answered.
    pub dane: bool,
}

impl Report {
    /// The same outcome for all `n` recipients, with no host reached.
    pub fn all(n: usize, outcome: Outcome) -> Report {
        Report {
            outcomes: vec![outcome; n],
            relay: None,
            tls: None,
            tls_failures: Vec::new(),
            policy: PolicySeen::default(),
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

/// Debian's bundle of the WebPKI roots (package ca-certificates).
const SYSTEM_ROOTS: &str = "/etc/ssl/certs/ca-certificates.crt";

/// One domain's share of a message.
pub struct Batch<'a> {
    pub domain: &'a str,
    pub sender: Option<&'a Address>,
    pub params: &'a MailParams,
    pub rcpts: Vec<&'a Recipient>,
    pub message: &'a [u8],
    pub route: TlsRoute,
    pub next_hop: Option<&'a str>,
    /// The name to verify instead of the host's (a route's `tls_name`).
    pub tls_name: Option<&'a str>,
}

/// A pooled connection is reused only under the same demand.
type PoolKey = (SocketAddr, TlsLevel, bool, bool, bool, String);

fn pool_key(addr: SocketAddr, d: &Demand) -> PoolKey {
    (
        addr,
        d.level,
        d.sts_enforce,
        d.tlsa.is_some(),
        d.requiretls,
        d.name.clone(),
    )
}

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
    store: Arc<Store>,
    sts_fetch: mta_sts::FetchSettings,
    dane: bool,
}

impl Outbound {
    /// From `[delivery]`; the EHLO name is `server.hostname`.
    pub fn new(config: &Config) -> Result<Outbound, OutboundError> {
        let cfg = &config.delivery;
        let provider = crate::proto::tls::provider();
        let judged_later = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .map_err(|e| OutboundError::Tls(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(client::AcceptAnyCert(provider.clone())))
            .with_no_client_auth();
        // The system's WebPKI roots, plus the admin's `ca_file` (a partner's
        // private CA, or a test CA): verify, MTA-STS and policy fetches all
        // trust both.
        let mut roots = rustls::RootCertStore::empty();
        if let Ok(certs) = crate::proto::tls::load_certs(Path::new(SYSTEM_ROOTS)) {
            for c in certs {
                let _ = roots.add(c);
            }
        }
        if let Some(p) = &cfg.ca_file {
            let path = config.path(p);
            let certs = crate::proto::tls::load_certs(&path).map_err(|_| {
                OutboundError::Tls(format!("cannot load trust anchors from {}", path.display()))
            })?;
            for c in certs {
                roots
                    .add(c)
                    .map_err(|e| OutboundError::Tls(format!("{}: {e}", path.display())))?;
            }
        }
        // MTA-STS policies are fetched over HTTPS verified against the same roots.
        let https = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .map_err(|e| OutboundError::Tls(e.to_string()))?
            .with_root_certificates(roots.clone())
            .with_no_client_auth();
        let pkix = verify::Pkix::new(roots, provider).map_err(OutboundError::Tls)?;
        Ok(Outbound {
            dns: Dns::new(&cfg.nameservers)?,
            tls: TlsConfigs {
                connector: TlsConnector::from(Arc::new(judged_later)),
                pkix,
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
            store: Arc::new(Store::new(
                capability::dir(&config.data_dir()),
                cfg.capability_ttl,
            )),
            sts_fetch: mta_sts::FetchSettings {
                port: cfg.mta_sts_port,
                tls: Arc::new(https),
                timeout: Duration::from_secs(10),
                max_body: 64 * 1024,
            },
            dane: cfg.dane == crate::config::Dane::Auto,
        })
    }

    /// The capability cache routing reads from.
    pub fn store(&self) -> &Store {
        &self.store
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
        let key = pool_key(c.addr, &c.demand);
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
        let now = crate::time::unix_now();
        let mut policy = PolicySeen::default();
        let sts = if b.next_hop.is_none() && b.route.honor_policies {
            let mut hosts: Vec<String> = Vec::new();
            for c in &candidates {
                if !hosts.contains(&c.host) {
                    hosts.push(c.host.clone());
                }
            }
            self.store.set_mx(b.domain, hosts, now);
            self.mta_sts(b.domain, now).await
        } else {
            None
        };
        policy.mta_sts = sts.as_ref().map(|c| match c.policy.mode {
            mta_sts::Mode::Enforce => "enforce",
            mta_sts::Mode::Testing => "testing",
            mta_sts::Mode::None => "none",
        });
        let enforce = sts
            .as_ref()
            .filter(|c| c.policy.mode == mta_sts::Mode::Enforce);
        let mut last = Outcome::deferred("4.4.1", "no mail host could be reached");
        let mut relay = None;
        let mut tls_info = None;
        let mut failures: Vec<TlsFail> = Vec::new();
        for cand in &candidates {
            if let Some(p) = enforce
                && !p.policy.matches(&cand.host)
            {
                // RFC 8461 §4.1: a host the policy does not list is not a candidate.
                failures.push(TlsFail::StsMxMismatch {
                    host: cand.host.clone(),
                    domain: b.domain.to_string(),
                });
                continue;
            }
            let tlsa = if b.route.honor_policies && self.dane && cand.secure {
                match self.tlsa(b.domain, &cand.host, now).await {
                    TlsaLookup::Usable(r) if !r.is_empty() => Some(r),
                    TlsaLookup::Failed(error) => {
                        failures.push(TlsFail::DaneLookup {
                            host: cand.host.clone(),
                            error,
                        });
                        continue;
                    }
                    _ => None,
                }
            } else {
                None
            };
            let demand = Demand {
                level: b.route.level,
                sts_enforce: enforce.is_some(),
                tlsa,
                requiretls: b.route.requiretls,
                name: b.tls_name.unwrap_or(&cand.host).to_string(),
            };
            if demand.level == TlsLevel::DaneOnly && demand.tlsa.is_none() {
                // No point connecting: nothing the host says can meet it.
                failures.push(TlsFail::DaneRequired {
                    host: cand.host.clone(),
                });
                continue;
            }
            policy.dane = demand.tlsa.is_some();
            match self.try_host(cand, &b, &demand).await {
                Ok((mut report, seen)) => {
                    self.store.observe(
                        b.domain,
                        &cand.host,
                        Observation::Passed {
                            addr: cand.addr.to_string(),
                            starttls: seen.starttls,
                            tls: report.tls.as_ref(),
                            requiretls: seen.requiretls,
                        },
                        now,
                    );
                    report.tls_failures = failures.iter().map(TlsFail::kind).collect();
                    report.policy = policy;
                    return report;
                }
                Err(e) => {
                    info!(domain = b.domain, host = %cand.host, addr = %cand.addr, error = %e, "host failed; trying the next");
                    if let Some((fail, info)) = e.tls_fail() {
                        self.store.observe(
                            b.domain,
                            &cand.host,
                            Observation::Failed {
                                addr: cand.addr.to_string(),
                                fail,
                                tls: info,
                            },
                            now,
                        );
                        failures.push(fail.clone());
                        tls_info = info.cloned();
                    }
                    last = Outcome::deferred(&e.status(), e.to_string());
                    relay = Some(relay_name(&cand.host, cand.addr));
                }
            }
        }
        let mut report = Report {
            relay,
            tls: tls_info,
            tls_failures: failures.iter().map(TlsFail::kind).collect(),
            policy,
            ..all(last)
        };
        if let Some(fail) = failures.last() {
            // Every host we could judge failed the demand.
            let o = match b.route.on_fail {
                OnFail::Portal => Outcome::Portal {
                    status: fail.status().to_string(),
                    reason: fail.to_string(),
                },
                OnFail::Defer => Outcome::deferred(fail.status(), fail.to_string()),
            };
            report.outcomes = vec![o; n];
        }
        report
    }

    async fn connect(&self, cand: &Candidate, demand: &Demand) -> Result<SmtpClient, ConnFail> {
        let first = SmtpClient::connect(
            cand.addr,
            &cand.host,
            &self.helo,
            demand,
            &self.tls,
            &self.timeouts,
            false,
        )
        .await;
        match first {
            Err(ConnFail::Policy(TlsFail::Handshake { host, error })) if !demand.needs_tls() => {
                // Opportunistic TLS that fails may fall back to plaintext (RFC 7435 §3).
                debug!(%host, %error, "TLS failed at level may; retrying in plaintext");
                SmtpClient::connect(
                    cand.addr,
                    &cand.host,
                    &self.helo,
                    demand,
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
    async fn try_host(
        &self,
        cand: &Candidate,
        b: &Batch<'_>,
        demand: &Demand,
    ) -> Result<(Report, Seen), ConnFail> {
        if let Some(mut c) = self.take_pooled(pool_key(cand.addr, demand)) {
            match self.run(&mut c, b).await {
                Ok(r) => {
                    let seen = Seen::of(&c);
                    self.put_pooled(c);
                    return Ok((r, seen));
                }
                Err(e) => debug!(error = %e, "reused connection failed; reconnecting"),
            }
        }
        let mut c = self.connect(cand, demand).await?;
        let r = self.run(&mut c, b).await?;
        let seen = Seen::of(&c);
        self.put_pooled(c);
        Ok((r, seen))
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
            tls_failures: Vec::new(),
            policy: PolicySeen::default(),
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
            tls_failures: Vec::new(),
            policy: PolicySeen::default(),
        })
    }
}

/// What a connection showed beyond its TLS, for the capability cache.
struct Seen {
    starttls: bool,
    requiretls: bool,
}

impl Seen {
    fn of(c: &SmtpClient) -> Seen {
        Seen {
            // After STARTTLS the second EHLO need not list it again.
            starttls: c.tls.is_some() || c.ext.starttls,
            requiretls: c.ext.requiretls,
        }
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
