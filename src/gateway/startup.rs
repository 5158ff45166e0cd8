//! The part of `run` that may happen as root: bind every listener, then
//! switch to `[server] user` (see `ops::privdrop` for why so little).
//!
//! Order, and why:
//! 1. decide (refuse root without `user` before anything is opened);
//! 2. bind the SMTP listeners, the portal's HTTPS listener and the metrics
//!    listener — the only thing root is needed for. A bound socket accepts nothing until the
//!    gateway calls accept, which it does only after the queue is recovered;
//! 3. as root, create a missing data folder and audit folder for the
//!    account, and generate missing development certificates and give them
//!    to it (their folder is usually the config's, which only root may
//!    write, and a reload reads them again as the account);
//! 4. switch and verify;
//! 5. check, as the account, that it can use its data and read its keys, so
//!    the error names the path to fix instead of failing a delivery later.

use std::path::PathBuf;

use tokio::net::TcpListener;
use tracing::{info, warn};

use super::GatewayError;
use crate::config::{Config, Listener, ListenerTls};
use crate::ops::privdrop::{self, Account, Plan};

/// How `run` was asked to start.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// `--allow-root`: stay root when `[server] user` is not set.
    pub allow_root: bool,
}

/// The listening sockets, bound but not yet accepting.
pub struct Bound {
    pub smtp: Vec<(TcpListener, Listener)>,
    pub portal: Option<TcpListener>,
    /// `[metrics] listen`: `/metrics`, `/healthz`, `/readyz`.
    pub metrics: Option<TcpListener>,
}

/// Steps 1 and 2: who to become, and the sockets.
pub async fn bind(config: &Config, options: RunOptions) -> Result<(Plan, Bound), GatewayError> {
    let plan = privdrop::plan(
        config.server.user.as_deref(),
        options.allow_root,
        &config.source,
    )?;
    let mut smtp = Vec::new();
    for l in &config.listeners {
        smtp.push((listen(l.address).await?, l.clone()));
    }
    let portal = match &config.portal {
        Some(p) => Some(listen(p.listen).await?),
        None => None,
    };
    let metrics = match &config.metrics {
        Some(m) => Some(listen(m.listen).await?),
        None => None,
    };
    Ok((
        plan,
        Bound {
            smtp,
            portal,
            metrics,
        },
    ))
}

async fn listen(address: std::net::SocketAddr) -> Result<TcpListener, GatewayError> {
    TcpListener::bind(address).await.map_err(|source| {
        let hint = match source.kind() {
            std::io::ErrorKind::AddrInUse => "; is sealgate (or another server) already running?",
            std::io::ErrorKind::PermissionDenied if address.port() < 1024 => {
                "; ports below 1024 need root (sealgate then switches to [server] user) or CAP_NET_BIND_SERVICE (systemd's AmbientCapabilities=)"
            }
            _ => "",
        };
        GatewayError::Bind {
            address,
            source,
            hint,
        }
    })
}

/// Steps 3 to 5. Afterwards the process runs as the account for good.
pub fn become_unprivileged(config: &Config, plan: &Plan) -> Result<(), GatewayError> {
    match plan {
        Plan::Stay => {
            dev_certificates(config, None)?;
            Ok(())
        }
        Plan::StayRoot => {
            warn!(
                "running as root (--allow-root): every parser of untrusted mail runs with full privileges; set [server] user for production"
            );
            dev_certificates(config, None)?;
            Ok(())
        }
        Plan::Switch(account) => {
            let data = owned_dirs(config);
            for d in &data {
                privdrop::create_owned_dir(d, account)?;
            }
            dev_certificates(config, Some(account))?;
            privdrop::switch(account)?;
            info!(
                user = %account.name,
                uid = account.uid.as_raw(),
                gid = account.gid.as_raw(),
                "listeners bound; now running as {} (root cannot be regained)",
                account.name
            );
            privdrop::check_writable(&data, account)?;
            privdrop::check_readable(&read_only_files(config), account)?;
            Ok(())
        }
    }
}

/// Folders sealgate writes into: the data folder (spool, portal store,
/// caches), the audit folder and its key's folder, and the portal key
/// file's folder when they live elsewhere. A folder inside another is covered by it.
fn owned_dirs(config: &Config) -> Vec<PathBuf> {
    let mut dirs = vec![config.data_dir(), config.path(&config.audit.dir)];
    // The audit signing key is created on first start, as the account.
    if let Some(parent) = config.path(&config.audit.key).parent() {
        dirs.push(parent.to_path_buf());
    }
    if let Some(p) = &config.portal
        && let Some(parent) = config.path(&p.key_file).parent()
    {
        dirs.push(parent.to_path_buf());
    }
    let mut out: Vec<PathBuf> = Vec::new();
    dirs.sort_by_key(|d| d.components().count());
    for d in dirs {
        if !out.iter().any(|o| d.starts_with(o)) {
            out.push(d);
        }
    }
    out
}

/// Files sealgate only reads, and reads again on reload.
fn read_only_files(config: &Config) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if needs_smtp_tls(config) {
        files.extend([config.path(&config.tls.cert), config.path(&config.tls.key)]);
    }
    if let Some(ca) = &config.tls.client_ca {
        files.push(config.path(ca));
    }
    if let Some(p) = &config.portal {
        files.extend([config.path(&p.cert), config.path(&p.key)]);
    }
    files.extend(config.dkim.keys.iter().map(|k| config.path(&k.key)));
    if let Some(ca) = &config.delivery.ca_file {
        files.push(config.path(ca));
    }
    files
}

fn needs_smtp_tls(config: &Config) -> bool {
    config.listeners.iter().any(|l| l.tls != ListenerTls::None)
}

/// Generates the development certificates that are missing (SMTP's when a
/// listener uses TLS, the portal's when it is configured), before the
/// switch so their folder may be root's; each new file is given to the
/// account, which reads them again on every reload.
fn dev_certificates(config: &Config, account: Option<&Account>) -> Result<(), GatewayError> {
    let mut pairs = Vec::new();
    if needs_smtp_tls(config) {
        pairs.push((
            config.path(&config.tls.cert),
            config.path(&config.tls.key),
            config.server.hostname.clone(),
            "",
        ));
    }
    if let Some(p) = &config.portal {
        pairs.push((
            config.path(&p.cert),
            config.path(&p.key),
            crate::portal::link::host(&p.base_url).to_string(),
            " for the portal",
        ));
    }
    for (cert, key, host, what) in pairs {
        if crate::smtp::tls::ensure_dev_certificate(&cert, &key, &host)? {
            warn!(cert = %cert.display(), "generated a self-signed development certificate{what}; install a real one for production");
            if let Some(a) = account {
                privdrop::give(&cert, a)?;
                privdrop::give(&key, a)?;
            }
        }
    }
    Ok(())
}
