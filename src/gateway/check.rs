//! `sealgate check`: what `run` would stop on, found without starting it and
//! without leaving anything behind (no certificate generated, no folder
//! created, every probe socket closed again).

use std::net::TcpListener;
use std::path::Path;

use crate::config::{Config, ListenerTls, Problem};
use crate::dlp::{RuleError, Scanner};
use crate::proto::tls::load_certs;

/// Everything wrong, everything risky, and what could not be looked at.
#[derive(Debug, Default)]
pub struct Report {
    /// Located in the config file.
    pub errors: Vec<Problem>,
    /// Located in the rule files (`file:line:col: ...`).
    pub rule_errors: Vec<String>,
    pub warnings: Vec<Problem>,
    pub notes: Vec<String>,
}

/// The checks that need the world outside the file: certificates, folders,
/// listen addresses, rule files.
pub fn check(config: &Config) -> Report {
    let mut errors: Vec<Problem> = Vec::new();
    let mut rule_errors: Vec<String> = Vec::new();
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    tls_files(config, &mut errors);
    if let Some(user) = &config.server.user {
        match crate::ops::privdrop::Account::lookup(user) {
            Ok(a) if a.uid.is_root() => errors.push(config.problem(
                "server.user",
                format!("`{user}` is root (uid 0); name an unprivileged account"),
            )),
            Ok(_) => {}
            Err(e) => errors.push(config.problem("server.user", e.to_string())),
        }
    }
    if let Err(problems) = crate::dkim::Signer::new(config) {
        errors.extend(problems);
    }
    portal_files(config, &mut errors);
    if let Some(ca) = &config.delivery.ca_file
        && let Err(e) = load_certs(&config.path(ca))
    {
        errors.push(config.problem("delivery.ca_file", e.to_string()));
    } else if let Err(e) = crate::outbound::Outbound::new(config) {
        errors.push(config.problem("delivery.nameservers", e.to_string()));
    }
    for (key, dir) in [
        ("server.data_dir", config.data_dir()),
        ("audit.dir", config.path(&config.audit.dir)),
    ] {
        if let Err(e) = usable_dir(&dir) {
            errors.push(config.problem(key, format!("{}: {e}", dir.display())));
        }
    }
    if gateway_running(&config.data_dir()) {
        notes
            .push("listen addresses not probed: a gateway is running on this data_dir".to_string());
    } else {
        listeners(config, &mut errors);
    }
    match Scanner::load(&config.dlp, &config.base_dir) {
        Ok(scanner) => warnings.extend(rules_warning(config, &scanner)),
        Err(RuleError::Invalid(problems)) => {
            rule_errors.extend(problems.iter().map(ToString::to_string))
        }
        Err(e @ RuleError::Thresholds(_)) => {
            errors.push(config.problem("dlp.thresholds", e.to_string()))
        }
        Err(e) => errors.push(config.problem("dlp.rules_dir", e.to_string())),
    }
    Report {
        errors,
        rule_errors,
        warnings,
        notes,
    }
}

/// A rules folder whose files define no enabled rule scans nothing: every
/// message would leave as clean.
pub fn rules_warning(config: &Config, scanner: &Scanner) -> Option<Problem> {
    (scanner.rule_count() == 0).then(|| {
        config.warning(
            "dlp.rules_dir",
            format!(
                "{} defines no enabled rules: DLP is off and every message leaves as clean; add a rule pack such as hipaa.toml",
                config.path(&config.dlp.rules_dir).display()
            ),
        )
    })
}

/// The listener certificate and key (when a listener uses TLS) and the
/// client CA. Both certificate files missing is fine: `run` generates a
/// development pair.
fn tls_files(config: &Config, out: &mut Vec<Problem>) {
    if let Some(ca) = &config.tls.client_ca
        && let Err(e) = load_certs(&config.path(ca))
    {
        out.push(config.problem("tls.client_ca", e.to_string()));
    }
    if !config.listeners.iter().any(|l| l.tls != ListenerTls::None) {
        return;
    }
    let (cert, key) = (config.path(&config.tls.cert), config.path(&config.tls.key));
    match crate::smtp::tls::existing_pair(&cert, &key) {
        Ok(false) => return,
        Ok(true) => {}
        Err(e) => {
            let missing = if key.exists() { "tls.cert" } else { "tls.key" };
            out.push(config.problem(missing, e.to_string()));
            return;
        }
    }
    let before = out.len();
    if let Err(e) = load_certs(&cert) {
        out.push(config.problem("tls.cert", e.to_string()));
    }
    if let Err(e) = crate::smtp::tls::load_key(&key) {
        out.push(config.problem("tls.key", e.to_string()));
    }
    // Each file reads; does the pair go together?
    if out.len() == before
        && let Err(e) = crate::smtp::tls::server_config(config)
    {
        out.push(config.problem("tls.key", e.to_string()));
    }
}

/// The portal's HTTPS pair (both missing is fine: `run` generates one) and
/// its master key file (missing is fine: generated; present must load and
/// be private).
fn portal_files(config: &Config, out: &mut Vec<Problem>) {
    let Some(p) = &config.portal else { return };
    let (cert, key) = (config.path(&p.cert), config.path(&p.key));
    match crate::smtp::tls::existing_pair(&cert, &key) {
        Ok(false) => {}
        Ok(true) => {
            if let Err(e) = crate::smtp::tls::load_pair(&cert, &key) {
                out.push(config.problem("portal.cert", e.to_string()));
            }
        }
        Err(e) => {
            let missing = if key.exists() {
                "portal.cert"
            } else {
                "portal.key"
            };
            out.push(config.problem(missing, e.to_string()));
        }
    }
    let key_file = config.path(&p.key_file);
    if key_file.exists()
        && let Err(e) = crate::portal::keys::KeyRing::open(&key_file)
    {
        out.push(config.problem("portal.key_file", e.to_string()));
    }
}

/// A folder `run` can create and write in. Probes with a uniquely named
/// entry that is removed again; a folder that does not exist is not created.
fn usable_dir(dir: &Path) -> Result<(), String> {
    let probe_name = format!(".sealgate-check-{}", std::process::id());
    if dir.exists() {
        if !dir.is_dir() {
            return Err("is not a folder".into());
        }
        let probe = dir.join(probe_name);
        std::fs::File::create(&probe).map_err(|e| format!("cannot write in it: {e}"))?;
        let _ = std::fs::remove_file(&probe);
        return Ok(());
    }
    let Some(parent) = dir.ancestors().skip(1).find(|a| a.exists()) else {
        return Err("no existing parent folder".into());
    };
    if !parent.is_dir() {
        return Err(format!(
            "cannot be created: {} is not a folder",
            parent.display()
        ));
    }
    let probe = parent.join(probe_name);
    std::fs::create_dir(&probe)
        .map_err(|e| format!("cannot be created in {}: {e}", parent.display()))?;
    let _ = std::fs::remove_dir(&probe);
    Ok(())
}

/// True when a gateway holds the spool lock of `data_dir`: then its listen
/// addresses are in use by itself, which is no problem (`check` before a
/// SIGHUP). Opens the lock file only if it exists, and never creates it.
fn gateway_running(data_dir: &Path) -> bool {
    use std::os::unix::io::AsRawFd;
    let Ok(f) = std::fs::File::open(data_dir.join("spool/lock")) else {
        return false;
    };
    // SAFETY: flock on a descriptor we own; a shared lock conflicts only
    // with the gateway's exclusive one and is released when `f` closes.
    let rc = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) };
    rc != 0
}

/// Binds every listen address at once (so two listeners that clash are
/// caught too), then releases them all.
fn listeners(config: &Config, out: &mut Vec<Problem>) {
    let mut bound = Vec::new();
    for (i, l) in config.listeners.iter().enumerate() {
        // A clash within the file is reported by the config's own checks.
        if config.listeners[..i]
            .iter()
            .any(|o| crate::config::addresses_clash(o.address, l.address))
        {
            continue;
        }
        match TcpListener::bind(l.address) {
            Ok(s) => bound.push(s),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => out.push(config.problem(
                &format!("listener[{i}].address"),
                format!(
                    "{} is already in use; is sealgate already running?",
                    l.address
                ),
            )),
            Err(e) => out.push(config.problem(
                &format!("listener[{i}].address"),
                format!("cannot listen on {}: {e}", l.address),
            )),
        }
    }
    if let Some(p) = &config.portal {
        match TcpListener::bind(p.listen) {
            Ok(s) => bound.push(s),
            Err(e) => out.push(config.problem(
                "portal.listen",
                format!("cannot listen on {}: {e}", p.listen),
            )),
        }
    }
    // An overlap with a listener or the portal is the config's own problem
    // at `metrics.listen`, reported already.
    let mut taken = config
        .listeners
        .iter()
        .map(|l| l.address)
        .chain(config.portal.as_ref().map(|p| p.listen));
    if let Some(m) = &config.metrics
        && !taken.any(|a| crate::config::addresses_clash(a, m.listen))
    {
        match TcpListener::bind(m.listen) {
            Ok(s) => bound.push(s),
            Err(e) => out.push(config.problem(
                "metrics.listen",
                format!("cannot listen on {}: {e}", m.listen),
            )),
        }
    }
    drop(bound);
}
