//! `sealgate portal list|show|revoke|purge|rotate-key`, on the store of a
//! running or stopped gateway.
//!
//! The database takes a second process (WAL), but the audit log has one
//! writer: while a gateway runs (it holds the spool lock) the CLI leaves
//! its events in the store and the gateway moves them into the audit log
//! within seconds; when none runs, the CLI writes them itself.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::json;

use super::store::{Record, Sqlite, State, Store};
use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("the portal is not configured: add a [portal] table to the config")]
    Off,
    #[error("{0}")]
    Store(#[from] super::store::StoreError),
    #[error("{0}")]
    Portal(#[from] super::PortalError),
    #[error("{0}")]
    Key(#[from] super::keys::KeyError),
    #[error("{0}")]
    Sealed(#[from] super::sealed::SealedError),
    #[error("{0}")]
    Spool(#[from] crate::spool::SpoolError),
    #[error("{0}")]
    Audit(#[from] crate::audit::AuditError),
    #[error("no portal message `{0}` (see `sealgate portal list`)")]
    NotFound(String),
}

/// Where the store's database lives under the data folder.
pub fn db_path(config: &Config) -> PathBuf {
    config.data_dir().join("portal").join("portal.db")
}

pub fn open_store(config: &Config) -> Result<Sqlite, CliError> {
    if config.portal.is_none() {
        return Err(CliError::Off);
    }
    Ok(Sqlite::open(&db_path(config))?)
}

fn rfc3339(secs: u64) -> String {
    crate::time::rfc3339_ms(secs.saturating_mul(1000))
}

/// A record as `list --json` and `show` print it; never content.
pub fn to_json(r: &Record) -> serde_json::Value {
    json!({
        "id": r.id,
        "queue_id": r.queue_id,
        "recipient": r.recipient,
        "sender": r.sender,
        "created": rfc3339(r.created),
        "expires": rfc3339(r.expires),
        "state": r.state.as_str(),
        "size": r.size,
        "message_sha256": r.sha256,
        "key_id": r.key_id,
        "notified": r.notified,
        "opened": r.opened_at.map(rfc3339),
        "codes_sent": r.codes_sent,
        "failed_codes": r.failures,
        "locked_until": (r.locked_until > crate::time::unix_now()).then(|| rfc3339(r.locked_until)),
        "downloads": r.downloads,
        "replies": r.replies,
    })
}

pub fn list_text(records: &[Record]) -> String {
    let mut s = format!(
        "{:<26}  {:<8}  {:<20}  {:<20}  {}\n",
        "ID", "STATE", "CREATED", "EXPIRES", "RECIPIENT"
    );
    for r in records {
        let state = if r.state == State::Active && r.opened_at.is_some() {
            "opened"
        } else {
            r.state.as_str()
        };
        s.push_str(&format!(
            "{:<26}  {:<8}  {:<20}  {:<20}  {}\n",
            r.id,
            state,
            rfc3339(r.created).get(..19).unwrap_or(""),
            rfc3339(r.expires).get(..19).unwrap_or(""),
            r.recipient
                .chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
        ));
    }
    s.push_str(&format!("{} portal message(s)\n", records.len()));
    s
}

/// Audits `event` now if no gateway runs, else leaves it for the gateway.
fn audit(
    config: &Config,
    store: &Sqlite,
    event: &str,
    fields: serde_json::Value,
) -> Result<(), CliError> {
    store.push_event(event, &fields.to_string())?;
    let spool = crate::spool::Spool::open(&config.data_dir())?;
    if let Ok(_lock) = spool.lock() {
        let log = crate::audit::open(config)?;
        super::service::drain_events(store, &log, |_| {})?;
    }
    Ok(())
}

/// Withdraws a message: its link stops working at once and its ciphertext
/// is deleted. `by` is who asked, for the audit log.
pub fn revoke(config: &Config, id: &str, by: &serde_json::Value) -> Result<String, CliError> {
    let store = open_store(config)?;
    let r = store
        .get(id)?
        .ok_or_else(|| CliError::NotFound(id.to_string()))?;
    if !store.finish(id, State::Revoked)? {
        return Ok(format!("{id} was already {}", r.state.as_str()));
    }
    let sealed = super::sealed::Sealed::open(&config.data_dir())?;
    sealed.remove(id)?;
    store.mark_purged(id)?;
    let base = json!({"portal_id": id, "queue_id": r.queue_id, "by": by});
    audit(config, &store, "portal_revoked", base.clone())?;
    audit(config, &store, "portal_purged", base)?;
    Ok(format!(
        "{id} revoked; its link no longer opens and its content is deleted"
    ))
}

/// Expires what is past its time and deletes what is no longer open.
pub fn purge(config: &Config, by: &serde_json::Value) -> Result<String, CliError> {
    let store = open_store(config)?;
    let sealed = super::sealed::Sealed::open(&config.data_dir())?;
    let n = super::service::purge_due(&store, &sealed, crate::time::unix_now(), |r, what| {
        let base = json!({"portal_id": r.id, "queue_id": r.queue_id, "by": by});
        let event = match what {
            super::service::Ended::Expired => "portal_expired",
            super::service::Ended::Purged => "portal_purged",
        };
        audit(config, &store, event, base)
    })?;
    Ok(format!("{n} portal message(s) purged"))
}

/// Adds a master key; new messages are wrapped with it, old ones still open.
pub fn rotate_key(config: &Config) -> Result<String, CliError> {
    let p = config.portal.as_ref().ok_or(CliError::Off)?;
    let path = config.path(&p.key_file);
    // Refuses a file with loose permissions before adding to it.
    super::keys::KeyRing::open_or_create(&path)?;
    let id = super::keys::append_key(&path)?;
    Ok(format!(
        "new portal master key {id} added to {}; a running gateway uses it after a restart",
        path.display()
    ))
}

pub fn records(config: &Config) -> Result<Vec<Record>, CliError> {
    Ok(open_store(config)?.list()?)
}

pub fn show(config: &Config, id: &str) -> Result<serde_json::Value, CliError> {
    let store: Arc<Sqlite> = Arc::new(open_store(config)?);
    let r = store
        .get(id)?
        .ok_or_else(|| CliError::NotFound(id.to_string()))?;
    Ok(to_json(&r))
}
