//! Wiring: builds every stage from the config, recovers the queue, opens the
//! listeners, and handles SIGTERM (drain) and SIGHUP (reload).

pub mod check;
pub mod startup;

pub use startup::RunOptions;

use std::path::PathBuf;
use std::sync::Arc;

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
    #[error("cannot listen on {address}: {source}{hint}")]
    Bind {
        address: std::net::SocketAddr,
        source: std::io::Error,
        /// What usually causes this error, or nothing.
        hint: &'static str,
    },
    #[error("{0}")]
    Privileges(#[from] crate::ops::privdrop::PrivError),
    #[error("{0}")]
    Portal(#[from] crate::portal::PortalError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Every stage's settings, built from one config; a SIGHUP builds a new set
/// and swaps each stage's cell.
pub struct Settings {
    pub config: Config,
    pub smtp: crate::smtp::Settings,
    pub queue: queue::Settings,
    /// The SMTP certificate's file and leaf, for the expiry watch.
    pub smtp_cert: Option<(PathBuf, rustls_pki_types::CertificateDer<'static>)>,
}

impl Settings {
    pub fn build(config: Config) -> Result<Settings, GatewayError> {
        let needs_tls = config.listeners.iter().any(|l| l.tls != ListenerTls::None);
        let mut smtp_cert = None;
        let tls = if needs_tls {
            let (cert, key) = (config.path(&config.tls.cert), config.path(&config.tls.key));
            if crate::smtp::tls::ensure_dev_certificate(&cert, &key, &config.server.hostname)? {
                warn!(cert = %cert.display(), "generated a self-signed development certificate; install a real one for production");
            }
            let served = crate::smtp::tls::server_config(&config)?;
            smtp_cert = Some((cert, served.leaf));
            Some(TlsAcceptor::from(served.config))
        } else {
            None
        };
        let scanner = Arc::new(Scanner::load(&config.dlp, &config.base_dir)?);
        let outbound = Arc::new(Outbound::new(&config)?);
        let dkim =
            crate::dkim::Signer::new(&config).map_err(crate::config::ConfigError::Invalid)?;
        Ok(Settings {
            smtp: crate::smtp::Settings::new(&config, tls, scanner),
            queue: queue::Settings::from_config(&config, outbound, dkim),
            config,
            smtp_cert,
        })
    }

    /// The settings that weaken protection, as `check` prints them.
    pub fn warnings(&self) -> Vec<crate::config::Problem> {
        let mut w = self.config.warnings.clone();
        w.extend(check::rules_warning(&self.config, &self.smtp.scanner));
        w
    }

    fn log_warnings(&self) {
        for w in self.warnings() {
            warn!("{w}");
        }
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
async fn watch_rules(cells: Cells, audit: Arc<AuditLog>, mut shutdown: watch::Receiver<bool>) {
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
                audit.record(Event::new(
                    "rules_reloaded",
                    None,
                    serde_json::json!({"outcome": "applied"}),
                ));
            }
            Ok(Err(e)) => {
                error!(error = %e, "DLP rules changed but do not load; keeping the rules in force");
                audit.record(Event::new(
                    "rules_reloaded",
                    None,
                    serde_json::json!({"outcome": "refused"}),
                ));
            }
            Err(e) => error!(error = %e, "DLP rule reload failed; keeping the rules in force"),
        }
    }
}

/// Serves until SIGTERM/SIGINT, then drains.
pub async fn run(config: Config, options: RunOptions) -> Result<(), GatewayError> {
    // First of all: a SIGTERM or SIGHUP sent while we start must neither
    // kill the process outright nor be lost.
    let signals = crate::ops::Signals::install()?;
    // The sockets are all root is needed for (see gateway::startup); from
    // here on the process runs as `[server] user`.
    let (plan, bound) = startup::bind(&config, options).await?;
    startup::become_unprivileged(&config, &plan)?;
    // The metrics listener serves from here on, as the account: `/readyz`
    // says 503 until the queue is recovered and again once a drain begins.
    let metrics = Arc::new(crate::ops::metrics::Metrics::new());
    let health = Arc::new(crate::ops::health::Health::default());
    let (ops_stop, ops_stop_rx) = watch::channel(false);
    let ops_endpoint = bound.metrics.map(|tcp| {
        if let Some(m) = &config.metrics {
            info!(listen = %m.listen, "metrics, /healthz and /readyz listening (plain HTTP)");
        }
        tokio::spawn(crate::ops::endpoint::serve(
            tcp,
            metrics.clone(),
            health.clone(),
            ops_stop_rx,
        ))
    });
    let source: PathBuf = config.source.clone();
    let data_dir = config.data_dir();
    std::fs::create_dir_all(&data_dir)?;
    let spool = Arc::new(Spool::open(&data_dir)?);
    let _lock = spool.lock()?;
    let audit = Arc::new(crate::audit::open(&config)?);
    let drain = config.server.drain_timeout;
    let scan_permits = crate::smtp::scan_permits(&config.limits);
    let started = Arc::new(config.clone());
    let settings = Settings::build(config)?;
    settings.log_warnings();
    let certs = Arc::new(crate::certs::expiry::Watch::new(metrics.clone()));
    if let Some((file, leaf)) = &settings.smtp_cert {
        certs.serving("smtp", file, leaf);
    }
    let cells = Cells::new(settings);
    let auth = Arc::new(crate::smtp::auth::Guard::new(&cells.config.get()));

    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let ctx = Arc::new(scheduler::Context {
        spool: spool.clone(),
        audit: audit.clone(),
        settings: cells.queue.clone(),
        portal: Default::default(),
        metrics: metrics.clone(),
    });
    let (mut sched, handle) = Scheduler::new(ctx.clone());
    let (portal, portal_cert) = match (&started.portal, bound.portal) {
        (Some(p), Some(tcp)) => {
            let portal = open_portal(&started, p, &spool, &audit, &handle, &metrics)?;
            let _ = ctx.portal.set(portal.clone());
            let (cert, key) = (started.path(&p.cert), started.path(&p.key));
            let live = Arc::new(crate::certs::live::LiveCert::load(&cert, &key)?);
            if let Some(leaf) = live.current().cert.first() {
                certs.serving("portal", &cert, leaf);
            }
            let tls = TlsAcceptor::from(crate::smtp::tls::https_config(live.clone())?);
            info!(listen = %p.listen, base_url = %p.base_url, "portal listening");
            let limits =
                crate::portal::web::Limits::per_minute(p.requests_per_minute, p.posts_per_minute);
            (
                Some((portal, tcp, tls, p.base_url.clone(), limits)),
                Some(live),
            )
        }
        _ => (None, None),
    };
    certs.check(crate::certs::expiry::now());
    let cert_watch = tokio::spawn(crate::certs::expiry::periodic(certs.clone()));
    // Recovery comes before accepting: every unfinished message is known
    // again before a new one can be accepted (the sockets are bound, and
    // connections wait in their backlog until the listeners start).
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
        metrics: metrics.clone(),
    });
    let sched_task = tokio::spawn(sched.run(shutdown_rx.clone(), drain));
    let control = tokio::spawn(crate::queue::control::serve(
        crate::queue::control::socket_path(&spool),
        handle,
    ));
    let mut listener_tasks = Vec::new();
    let addresses: Vec<String> = bound
        .smtp
        .iter()
        .map(|(_, l)| l.address.to_string())
        .collect();
    for (tcp, l) in bound.smtp {
        listener_tasks.push(tokio::spawn(crate::smtp::listener::serve(
            shared.clone(),
            tcp,
            l,
        )));
    }
    let rules_watch = tokio::spawn(watch_rules(
        cells.clone(),
        audit.clone(),
        shutdown_rx.clone(),
    ));
    let portal_tasks = portal.map(|(portal, tcp, tls, base_url, limits)| {
        let access: Arc<dyn crate::portal::access::Access> = portal.clone();
        (
            tokio::spawn(crate::portal::web::serve(
                tcp,
                tls,
                access,
                base_url,
                limits,
                shutdown_rx.clone(),
            )),
            tokio::spawn(portal_upkeep(portal)),
        )
    });
    let sweeper = tokio::spawn(sweep_outbound(cells.queue.clone()));
    let audit_retention = started
        .audit
        .retention
        .map(|keep| tokio::spawn(prune_audit(audit.clone(), keep)));
    audit.record(Event::new(
        "started",
        None,
        serde_json::json!({"version": env!("CARGO_PKG_VERSION")}),
    ));
    health.set_ready();
    notified(crate::ops::notify::ready(&format!(
        "accepting mail on {}",
        addresses.join(", ")
    )));
    let watchdog = crate::ops::notify::watchdog_interval().map(|every| {
        info!(every = ?every, "pinging systemd's watchdog");
        tokio::spawn(crate::ops::notify::watchdog(every))
    });
    info!("sealgate ready");

    let reload_wanted = Arc::new(tokio::sync::Notify::new());
    let reloader = {
        let ctx = Arc::new(Reload {
            source,
            cells: cells.clone(),
            started: started.clone(),
            auth: auth.clone(),
            audit: audit.clone(),
            certs: certs.clone(),
            portal_cert,
        });
        let wanted = reload_wanted.clone();
        tokio::spawn(async move {
            loop {
                wanted.notified().await;
                let ctx = ctx.clone();
                // Reading files, compiling rules and building TLS configs
                // block: not on the signal loop, not on an async worker.
                // One reload at a time; SIGHUPs meanwhile make one more.
                let _ = tokio::task::spawn_blocking(move || reload(&ctx)).await;
            }
        })
    };
    signals.wait(|| reload_wanted.notify_one()).await;
    reloader.abort();

    info!("shutting down: no new connections; draining sessions and deliveries");
    health.set_draining();
    notified(crate::ops::notify::stopping());
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
    cert_watch.abort();
    if let Some(t) = audit_retention {
        t.abort();
    }
    if let Some((web, upkeep)) = portal_tasks {
        upkeep.abort();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(5), web).await;
    }
    rules_watch.abort();
    cells.queue.get().outbound.sweep(true).await;
    let _ = std::fs::remove_file(crate::queue::control::socket_path(&spool));
    audit.record(Event::new("stopped", None, serde_json::json!({})));
    audit.close();
    if let Some(w) = watchdog {
        w.abort();
    }
    let _ = ops_stop.send(true);
    if let Some(t) = ops_endpoint {
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), t).await;
    }
    info!("sealgate stopped");
    Ok(())
}

/// Deletes audit segments past `[audit] retention`, at start and hourly;
/// each deletion is itself a signed record.
async fn prune_audit(audit: Arc<AuditLog>, keep: std::time::Duration) {
    loop {
        let log = audit.clone();
        let cutoff = crate::time::unix_now_ms().saturating_sub(keep.as_millis() as u64);
        match tokio::task::spawn_blocking(move || log.prune(cutoff)).await {
            Ok(Ok(gone)) if !gone.is_empty() => {
                info!(
                    segments = gone.len(),
                    "audit segments past retention pruned"
                )
            }
            Ok(Err(e)) => error!(error = %e, "audit retention: pruning failed"),
            _ => {}
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}

/// Logs a failed notification; serving mail goes on regardless.
fn notified(r: std::io::Result<bool>) {
    if let Err(e) = r {
        warn!(error = %e, "cannot notify systemd (NOTIFY_SOCKET)");
    }
}

/// Opens the portal's key file, store and sealed files.
fn open_portal(
    config: &Config,
    p: &crate::config::Portal,
    spool: &Arc<Spool>,
    audit: &Arc<AuditLog>,
    scheduler: &scheduler::Handle,
    metrics: &Arc<crate::ops::metrics::Metrics>,
) -> Result<Arc<crate::portal::Portal>, GatewayError> {
    use crate::portal::{Outbox, Portal, keys::KeyRing, sealed::Sealed, store::Sqlite};
    let key_file = config.path(&p.key_file);
    let (keys, created) =
        KeyRing::open_or_create(&key_file).map_err(crate::portal::PortalError::from)?;
    if created {
        warn!(key_file = %key_file.display(), "generated the portal master key; back it up: without it no portal message can be opened");
    }
    let store = Sqlite::open(&crate::portal::cli::db_path(config))
        .map_err(crate::portal::PortalError::from)?;
    let sealed = Sealed::open(&config.data_dir()).map_err(crate::portal::PortalError::from)?;
    Ok(Arc::new(
        Portal::new(
            Arc::new(store),
            sealed,
            keys,
            p.clone(),
            config.server.hostname.clone(),
            audit.clone(),
            Outbox {
                spool: spool.clone(),
                submit: {
                    let handle = scheduler.clone();
                    Arc::new(move |env, bytes| handle.submit(env, Some(bytes)))
                },
                hostname: config.server.hostname.clone(),
            },
        )
        .with_metrics(metrics.clone()),
    ))
}

/// Expiry and purge every ten seconds (one indexed query when nothing is
/// due); CLI events into the audit log every two seconds.
async fn portal_upkeep(portal: Arc<crate::portal::Portal>) {
    let mut tick: u64 = 0;
    loop {
        let p = portal.clone();
        let purge = tick.is_multiple_of(5);
        let _ = tokio::task::spawn_blocking(move || {
            if let Err(e) = p.drain_events() {
                error!(error = %e, "could not move portal CLI events into the audit log");
            }
            if purge {
                match p.purge_due(crate::time::unix_now()) {
                    Ok(0) => {}
                    Ok(n) => info!(
                        purged = n,
                        "portal messages expired or withdrawn were purged"
                    ),
                    Err(e) => error!(error = %e, "portal purge failed; will try again"),
                }
            }
        })
        .await;
        tick += 1;
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
}

/// Closes idle outbound connections past their reuse time, in the pool of
/// the current settings and in pools a reload replaced (those close all
/// their idle connections, and are let go once no delivery uses them).
async fn sweep_outbound(settings: Live<queue::Settings>) {
    let mut current = settings.get().outbound.clone();
    let mut retired: Vec<Arc<Outbound>> = Vec::new();
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let now = settings.get().outbound.clone();
        if !Arc::ptr_eq(&now, &current) {
            retired.push(std::mem::replace(&mut current, now));
        }
        current.sweep(false).await;
        for old in &retired {
            old.sweep(true).await;
        }
        retired.retain(|o| Arc::strong_count(o) > 1);
    }
}

/// What a reload reaches: the stages' cells, the running config (for the
/// keys that need a restart), and the certificates' holders.
struct Reload {
    source: PathBuf,
    cells: Cells,
    started: Arc<Config>,
    auth: Arc<crate::smtp::auth::Guard>,
    audit: Arc<AuditLog>,
    certs: Arc<crate::certs::expiry::Watch>,
    portal_cert: Option<Arc<crate::certs::live::LiveCert>>,
}

/// SIGHUP: everything that can change while running does (relay rules,
/// limits, TLS certificates, DLP rules, delivery settings with their trust
/// anchors and nameservers); each changed key that cannot is named in the log.
/// A config that does not load keeps the running one. The portal's
/// certificate files are read again whatever the config does: a renewal
/// hook's `systemctl reload` must reach them.
fn reload(r: &Reload) {
    notified(crate::ops::notify::reloading());
    reload_config(r);
    if let Some(live) = &r.portal_cert {
        let file = live.cert_path().display().to_string();
        match live.reload() {
            Ok(()) => {
                if let Some(leaf) = live.current().cert.first() {
                    r.certs.serving("portal", live.cert_path(), leaf);
                }
                info!(file = %file, "portal certificate reloaded");
            }
            Err(e) => {
                error!(error = %e, "the portal's certificate did not load; new connections still get the one in use")
            }
        }
    }
    r.certs.check(crate::certs::expiry::now());
    notified(crate::ops::notify::ready("accepting mail"));
}

fn reload_config(r: &Reload) {
    let Reload {
        source,
        cells,
        started,
        auth,
        audit,
        certs,
        ..
    } = r;
    // The file's hash says which configuration was in force from here on.
    let sha = std::fs::read(source)
        .map(|b| crate::proto::hash::sha256_hex(&b))
        .unwrap_or_default();
    let record = |outcome: &str| {
        audit.record(Event::new(
            "config_reloaded",
            None,
            serde_json::json!({"outcome": outcome, "config_sha256": sha}),
        ))
    };
    let config = match Config::load(source) {
        Ok(c) => c,
        Err(e) => {
            error!(error = %e, "reload failed; keeping the running configuration");
            record("refused");
            return;
        }
    };
    for (key, was, now) in needs_restart(started, &config) {
        warn!(key = %key, "{key} changed from {was} to {now}, which takes effect only after a restart; other changes apply now");
    }
    match Settings::build(config) {
        Ok(s) => {
            auth.configure(&s.config);
            s.log_warnings();
            if let Some((file, leaf)) = &s.smtp_cert {
                certs.serving("smtp", file, leaf);
            }
            cells.set(s);
            info!("configuration reloaded");
            record("applied");
        }
        Err(e) => {
            error!(error = %e, "reload failed; keeping the running configuration (and the certificates in use)");
            record("refused");
        }
    }
}

/// Keys read once at start (sockets, folders, logging, the drain timeout):
/// (key, running value, new value) for each that differs from the running one.
fn needs_restart(running: &Config, new: &Config) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut differ = |key: String, a: String, b: String| {
        if a != b {
            out.push((key, a, b));
        }
    };
    let n = running.listeners.len().max(new.listeners.len());
    for i in 0..n {
        match (running.listeners.get(i), new.listeners.get(i)) {
            (Some(a), Some(b)) => {
                differ(
                    format!("listener[{i}].address"),
                    a.address.to_string(),
                    b.address.to_string(),
                );
                differ(
                    format!("listener[{i}].tls"),
                    format!("{:?}", a.tls).to_lowercase(),
                    format!("{:?}", b.tls).to_lowercase(),
                );
                differ(
                    format!("listener[{i}].require_tls"),
                    a.require_tls.to_string(),
                    b.require_tls.to_string(),
                );
            }
            (a, b) => differ(
                format!("listener[{i}]"),
                a.map_or("none".into(), |l| l.address.to_string()),
                b.map_or("none".into(), |l| l.address.to_string()),
            ),
        }
    }
    let dir = |c: &Config, p: &std::path::Path| c.path(p).display().to_string();
    differ(
        "server.data_dir".into(),
        dir(running, &running.server.data_dir),
        dir(new, &new.server.data_dir),
    );
    differ(
        "audit.dir".into(),
        dir(running, &running.audit.dir),
        dir(new, &new.audit.dir),
    );
    differ(
        "portal".into(),
        format!("{:?}", running.portal),
        format!("{:?}", new.portal),
    );
    differ(
        "metrics.listen".into(),
        running
            .metrics
            .as_ref()
            .map_or("none".into(), |m| m.listen.to_string()),
        new.metrics
            .as_ref()
            .map_or("none".into(), |m| m.listen.to_string()),
    );
    differ(
        "server.drain_timeout".into(),
        format!("{:?}", running.server.drain_timeout),
        format!("{:?}", new.server.drain_timeout),
    );
    differ(
        "log.format".into(),
        format!("{:?}", running.log.format).to_lowercase(),
        format!("{:?}", new.log.format).to_lowercase(),
    );
    differ(
        "server.user".into(),
        format!("{:?}", running.server.user),
        format!("{:?}", new.server.user),
    );
    differ(
        "log.level".into(),
        running.log.level.clone(),
        new.log.level.clone(),
    );
    out
}

impl Settings {
    /// `sealgate check`: what `run` would refuse, without side effects
    /// (no certificate is generated; a missing pair is fine for dev).
    pub fn check(config: &Config) -> check::Report {
        check::check(config)
    }
}
