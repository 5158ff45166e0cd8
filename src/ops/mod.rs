//! Operations: logging, signals, metrics and health (`metrics`, `health`,
//! served by `endpoint`), systemd notification, privilege drop.

pub mod endpoint;
pub mod health;
pub mod heap;
pub mod http1;
pub mod metrics;
pub mod notify;
pub mod privdrop;

use tokio::signal::unix::{SignalKind, signal};
use tracing::info;

use crate::config::{Log, LogFormat};

/// Logs go to stderr; JSON for collectors, text for people. RUST_LOG wins
/// over the config so an operator can turn up detail without an edit.
pub fn init_logging(log: &Log) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(&log.level))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A log line that cannot be written (stderr on a full disk) is lost,
    // not reported: tracing-subscriber would report it with `eprintln!`,
    // which panics when stderr fails, and a panic kills the task or thread
    // that logged — the audit sync thread, the scheduler.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .log_internal_errors(false);
    let _ = match log.format {
        LogFormat::Json => builder.json().with_current_span(true).try_init(),
        LogFormat::Text => builder.with_ansi(false).try_init(),
    };
}

/// Handlers for SIGTERM, SIGINT and SIGHUP. Install them first thing:
/// until a handler exists each of these kills the process, and a signal
/// that arrives before `wait` is kept for it rather than lost.
pub struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    pub fn install() -> std::io::Result<Signals> {
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            int: signal(SignalKind::interrupt())?,
            hup: signal(SignalKind::hangup())?,
        })
    }

    /// Until SIGTERM or SIGINT, calling `on_hup` for each SIGHUP meanwhile.
    pub async fn wait(mut self, mut on_hup: impl FnMut()) {
        loop {
            tokio::select! {
                _ = self.term.recv() => { info!("SIGTERM"); return; }
                _ = self.int.recv() => { info!("SIGINT"); return; }
                _ = self.hup.recv() => { info!("SIGHUP: reloading"); on_hup(); }
            }
        }
    }
}

/// Resolves once the shutdown flag is set (or its sender is gone).
pub async fn stopped(rx: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = rx.wait_for(|s| *s).await;
}
