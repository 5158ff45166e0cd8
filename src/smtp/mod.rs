//! Inbound ESMTP: listener, session state machine, DATA/BDAT reading,
//! STARTTLS, AUTH and relay authorization.

pub mod auth;
pub mod body;
pub mod budget;
pub mod command;
pub mod disk;
pub mod io;
pub mod listener;
pub mod peer;
pub mod rate;
mod receive;
pub mod relay;
pub mod session;
pub mod tls;

use std::sync::Arc;

use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use crate::audit::AuditLog;
use crate::config::{Config, Limits, Relay};
use crate::dlp::Scanner;
use crate::live::Live;
use crate::queue::scheduler;
use crate::spool::Spool;

/// What a session reads from the configuration, as one snapshot taken when
/// the client connects: a SIGHUP never changes the rules mid-transaction.
#[derive(Clone)]
pub struct Settings {
    /// EHLO name, banner and Received headers.
    pub hostname: String,
    /// Where `RCPT TO:<postmaster>` goes; empty refuses it.
    pub postmaster: String,
    pub limits: Limits,
    pub relay: Relay,
    /// The text of the 550 a DLP `reject` answers with.
    pub reject_text: String,
    pub tls: Option<TlsAcceptor>,
    pub scanner: Arc<Scanner>,
}

impl Settings {
    pub fn new(config: &Config, tls: Option<TlsAcceptor>, scanner: Arc<Scanner>) -> Settings {
        Settings {
            hostname: config.server.hostname.clone(),
            postmaster: config.server.postmaster.clone(),
            limits: config.limits.clone(),
            relay: config.relay.clone(),
            reject_text: config.dlp.reject_text.clone(),
            tls,
            scanner,
        }
    }
}

/// What every SMTP session shares.
pub struct Shared {
    pub settings: Live<Settings>,
    pub spool: Arc<Spool>,
    pub scheduler: scheduler::Handle,
    pub audit: Arc<AuditLog>,
    pub shutdown: watch::Receiver<bool>,
    pub connections: Arc<listener::Connections>,
    /// The AUTH check pool and failure throttle, across connections.
    pub auth: Arc<auth::Guard>,
    /// Bytes held by messages being received and scanned.
    pub in_flight: Arc<budget::InFlight>,
    /// Scans running at once: `limits.max_concurrent_scans` permits.
    pub scans: Arc<tokio::sync::Semaphore>,
    /// Postmaster messages per client key from clients without a grant.
    pub postmaster_rate: rate::Throttle,
    /// Sessions, refusals, verdicts and scan times for `/metrics`.
    pub metrics: Arc<crate::ops::metrics::Metrics>,
}

/// Permits of the scan pool: `limits.max_concurrent_scans`, or one per CPU.
pub fn scan_permits(limits: &Limits) -> usize {
    match limits.max_concurrent_scans {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}
