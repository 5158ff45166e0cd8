//! Wiring: builds every stage from the config, recovers the queue, opens the
//! listeners, and handles SIGTERM (drain) and SIGHUP (reload).

use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;
use tracing::{error, info, warn};

use crate::audit::{AuditLog, Event};
use crate::config::{Config, ListenerTls};
use crate::dlp::Scanner;
use crate::live::Live;
use crate::outbound::Outbound;
use crate::queue::{
    self,
    scheduler::{self, Scheduler},
};
use crate::smtp::Shared;
use crate::smtp::listener::Connections;
use crate::spool::Spool;

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("{0}")]
    Tls(#[from] crate::proto::tls::TlsError),
    #[error("{0}")]
    Spool(#[from] crate::spool::SpoolError),
    #[error("{0}")]
    Audit(#[from] crate::audit::AuditError),
    #[error("{0}")]
    Outbound(#[from] crate::outbound::OutboundError),
    #[error("DLP rules: {0}")]
    Rules(#[from] crate::dlp::RuleError),
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Every stage's settings, built from one config; a SIGHUP builds a new set
/// and swaps each stage's cell.
pub struct Settings {
    pub config: Config,
    pub smtp: crate::smtp::Settings,
    pub queue: queue::Settings,
}

impl Settings {
    pub fn build(config: Config) -> Result<Settings, GatewayError> {
        let needs_tls = config.listeners.iter().any(|l| l.tls != ListenerTls::None);
        let tls = if needs_tls {
            let (cert, key) = (config.path(&config.tls.cert), config.path(&config.tls.key));
            if crate::smtp::tls::ensure_dev_certificate(&cert, &key, &config.server.hostname)? {
                warn!(cert = %cert.display(), "generated a self-signed development certificate; install a real one for production");
            }
            Some(TlsAcceptor::from(crate::smtp::tls::server_config(&config)?))
        } else {
            None
        };
        let scanner = Arc::new(Scanner::load(&config.dlp, &config.base_dir)?);
        Ok(Settings {
            smtp: crate::smtp::Settings::new(&config, tls, scanner),
            queue: queue::Settings::from_config(&config),
            config,
        })
    }
}

/// The live cells of every stage.
#[derive(Clone)]
struct Cells {
    config: Live<Config>,
    smtp: Live<crate::smtp::Settings>,
    queue: Live<queue::Settings>,
}

impl Cells {
    fn new(s: Settings) -> Cells {
        Cells {
            config: Live::new(s.config),
            smtp: Live::new(s.smtp),
            queue: Live::new(s.queue),
        }
    }

    fn set(&self, s: Settings) {
        self.smtp.set(s.smtp);
        self.queue.set(s.queue);
        self.config.set(s.config);
    }
}

/// Reloads the rules when their files change. A broken edit keeps the
/// rules in force and says why: a typo must not switch scanning off.
async fn watch_rules(cells: Cells, mut shutdown: watch::Receiver<bool>) {
    let dir_of = |c: &Config| c.path(&c.dlp.rules_dir);
    let mut last = crate::dlp::rules_fingerprint(&dir_of(&cells.config.get()));
    loop {
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(2)) => {}
            _ = crate::ops::stopped(&mut shutdown) => return,
        }
        let config = cells.config.get();
        let now = crate::dlp::rules_fingerprint(&dir_of(&config));
        if now == last {
            continue;
        }
        last = now;
        let (cfg, base) = (config.dlp.clone(), config.base_dir.clone());
        match tokio::task::spawn_blocking(move || Scanner::load(&cfg, &base)).await {
            Ok(Ok(scanner)) => {
                let smtp = crate::smtp::Settings {
                    scanner: Arc::new(scanner),
                    ..(*cells.smtp.get()).clone()
                };
                cells.smtp.set(smtp);
                info!("DLP rules changed on disk; reloaded");
            }
            Ok(Err(e)) => {
                error!(error = %e, "DLP rules changed but do not load; keeping the rules in force")
            }
            Err(e) => error!(error = %e, "DLP rule reload failed; keeping the rules in force"),
        }
    }
}

/// Serves until SIGTERM/SIGINT, then drains.
pub async fn run(config: Config) -> Result<(), GatewayError> {
    let source: PathBuf = config.source.clone();
    let data_dir = config.data_dir();
    std::fs::create_dir_all(&data_dir)?;
    let spool = Arc::new(Spool::open(&data_dir)?);
    let _lock = spool.lock()?;
    let audit = Arc::new(AuditLog::open(&config.path(&config.audit.dir))?);
    let outbound = Arc::new(Outbound::new(&config)?);
    let drain = config.server.drain_timeout;
    let listeners_cfg = config.listeners.clone();
    let scan_permits = crate::smtp::scan_permits(&config.limits);
    let cells = Cells::new(Settings::build(config)?);
    let auth = Arc::new(crate::smtp::auth::Guard::new(&cells.config.get()));

    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let ctx = Arc::new(scheduler::Context {
        spool: spool.clone(),
        audit: audit.clone(),
        outbound: outbound.clone(),
        settings: cells.queue.clone(),
    });
    let (mut sched, handle) = Scheduler::new(ctx);
    // Recovery comes before the listeners: every unfinished message is
    // known again before a new one can be accepted.
    let recovery = spool.recover()?;
    for id in &recovery.corrupt {
        error!(queue_id = %id, "damaged queue file moved to spool/corrupt; it will not be delivered");
        audit.record(Event::new("corrupt", Some(id), serde_json::json!({})));
    }
    info!(
        messages = recovery.queued.len(),
        unreadable = recovery.unreadable.len(),
        "queue recovered"
    );
    sched.recover(recovery.queued);
    sched.recover_unreadable(recovery.unreadable);

    let mut bound = Vec::new();
    for l in &listeners_cfg {
        let tcp = TcpListener::bind(l.address)
            .await
            .map_err(|source| GatewayError::Bind {
                address: l.address,
                source,
            })?;
        bound.push((tcp, l.clone()));
    }
    let shared = Arc::new(Shared {
        settings: cells.smtp.clone(),
        spool: spool.clone(),
        scheduler: handle.clone(),
        audit: audit.clone(),
        shutdown: shutdown_rx.clone(),
        connections: Arc::new(Connections::default()),
        auth: auth.clone(),
        in_flight: crate::smtp::budget::InFlight::new(),
        scans: Arc::new(tokio::sync::Semaphore::new(scan_permits)),
        postmaster_rate: Default::default(),
    });
    let sched_task = tokio::spawn(sched.run(shutdown_rx.clone(), drain));
    let control = tokio::spawn(crate::queue::control::serve(
        crate::queue::control::socket_path(&spool),
        handle,
    ));
    let mut listener_tasks = Vec::new();
    for (tcp, l) in bound {
        listener_tasks.push(tokio::spawn(crate::smtp::listener::serve(
            shared.clone(),
            tcp,
            l,
        )));
    }
    let rules_watch = tokio::spawn(watch_rules(cells.clone(), shutdown_rx.clone()));
    let sweeper = {
        let outbound = outbound.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                outbound.sweep(false).await;
            }
        })
    };
    audit.record(Event::new(
        "started",
        None,
        serde_json::json!({"version": env!("CARGO_PKG_VERSION")}),
    ));
    crate::ops::notify_ready();
    info!("sealgate ready");

    crate::ops::wait_for_signals(|| reload(&source, &cells, &listeners_cfg, &auth)).await;

    info!("shutting down: no new connections; draining sessions and deliveries");
    crate::ops::notify_stopping();
    let _ = shutdown_tx.send(true);
    for t in listener_tasks {
        let _ = t.await;
    }
    if tokio::time::timeout(drain, shared.connections.wait_idle())
        .await
        .is_err()
    {
        warn!(
            open = shared.connections.open(),
            "sessions still open after the drain timeout"
        );
    }
    let _ = sched_task.await;
    control.abort();
    sweeper.abort();
    rules_watch.abort();
    outbound.sweep(true).await;
    let _ = std::fs::remove_file(crate::queue::control::socket_path(&spool));
    audit.record(Event::new("stopped", None, serde_json::json!({})));
    info!("sealgate stopped");
    Ok(())
}

fn reload(
    source: &std::path::Path,
    cells: &Cells,
    listeners: &[crate::config::Listener],
    auth: &crate::smtp::auth::Guard,
) {
    let config = match Config::load(source) {
        Ok(c) => c,
        Err(e) => {
            error!(error = %e, "reload failed; keeping the running configuration");
            return;
        }
    };
    let same_listeners = config.listeners.len() == listeners.len()
        && config
            .listeners
            .iter()
            .zip(listeners)
            .all(|(a, b)| a.address == b.address && a.tls == b.tls);
    if !same_listeners {
        warn!("listener changes need a restart; other changes apply now");
    }
    match Settings::build(config) {
        Ok(s) => {
            auth.configure(&s.config);
            cells.set(s);
            info!("configuration reloaded");
        }
        Err(e) => error!(error = %e, "reload failed; keeping the running configuration"),
    }
}

impl Settings {
    /// `sealgate check`: what `run` would refuse, without side effects
    /// (no certificate is generated; a missing one is fine for dev).
    pub fn check(config: &Config) -> Result<(), GatewayError> {
        let (cert, key) = (config.path(&config.tls.cert), config.path(&config.tls.key));
        if cert.exists() || key.exists() {
            crate::smtp::tls::server_config(config)?;
        }
        Scanner::load(&config.dlp, &config.base_dir)?;
        Ok(())
    }
}
