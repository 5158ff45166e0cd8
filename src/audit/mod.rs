//! The audit log: every decision sealgate makes about a message, in a form
//! an auditor can check without trusting us.
//!
//! Records are JSON lines in daily or size-bounded segments (`segment`),
//! each carrying the hash of the one before (`record`). Signed checkpoints
//! (`keys`, Ed25519) close each segment and come every N records or T
//! seconds, so `verify` can tell an untouched log from one with a record
//! edited, deleted, reordered, cut off or a checkpoint forged, given only
//! the folder and the public key. The `writer` makes the record a reply
//! depends on durable before the reply (group commit), and refuses rather
//! than loses: a caller that cannot audit must not accept. What goes in is
//! restricted to ids, hashes, counts and TLS facts: callers pass typed
//! fields, never message text; recipients appear as `[audit] recipients`
//! allows.

pub mod cli;
pub mod events;
pub mod keys;
pub mod record;
pub mod search;
pub mod segment;
pub mod syslog;
pub mod verify;
mod writer;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use crate::config::AuditRecipients as Recipients;
use crate::config::Config;
use crate::spool::QueueId;
pub use writer::{AuditLog, Options};

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("audit log {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Key(#[from] keys::KeyError),
    #[error("{0}")]
    Syslog(#[from] syslog::SyslogError),
    #[error(
        "audit log {}: another sealgate process is writing it (a running gateway?); the log has one writer",
        .0.display()
    )]
    InUse(PathBuf),
    #[error(
        "audit log {}: {why}; run `sealgate audit verify` and move the damaged segment aside",
        path.display()
    )]
    Unreadable { path: PathBuf, why: String },
    #[error("audit log {}: a failed write could not be undone ({why})", path.display())]
    Broken { path: PathBuf, why: String },
    #[error("audit log fsync failed: {0}")]
    Sync(String),
    #[error("audit log closed")]
    Closed,
    #[error("audit record fields must be a JSON object")]
    NotAnObject,
}

/// One event: a name, the message it concerns, and plain fields.
pub struct Event<'a> {
    pub event: &'static str,
    pub queue_id: Option<&'a QueueId>,
    pub message_sha256: Option<&'a str>,
    fields: Fields,
}

enum Fields {
    /// A JSON object the caller built.
    Value(Value),
    /// A typed record already serialized as a JSON object: the records
    /// written for every message take this way, which builds no tree of
    /// JSON values only to take it apart again.
    Object(Vec<u8>),
}

/// Names the writer sets; an event's fields cannot take them.
const RESERVED: &[&str] = &[
    "seq",
    "time",
    "prev",
    "sig",
    "key_id",
    "event",
    "queue_id",
    "message_sha256",
];

impl<'a> Event<'a> {
    pub fn new(event: &'static str, queue_id: Option<&'a QueueId>, fields: Value) -> Self {
        Event {
            event,
            queue_id,
            message_sha256: None,
            fields: Fields::Value(fields),
        }
    }

    /// An event whose fields are a struct that serializes as a JSON object
    /// (no member may be one of the writer's names; `typed_fields_are_not_reserved`
    /// in the tests checks ours).
    pub fn typed(
        event: &'static str,
        queue_id: Option<&'a QueueId>,
        fields: &impl serde::Serialize,
    ) -> Self {
        let mut object = Vec::with_capacity(512);
        if serde_json::to_writer(&mut object, fields).is_err() {
            object.clear();
        }
        Event {
            event,
            queue_id,
            message_sha256: None,
            fields: Fields::Object(object),
        }
    }

    pub fn sha256(mut self, sha: &'a str) -> Self {
        self.message_sha256 = Some(sha);
        self
    }

    /// The record's members without the writer's (`seq`, `time`, `prev`).
    fn into_members(self) -> Vec<u8> {
        let mut out = match self.fields {
            Fields::Value(v) => record::members(&v, |k| !RESERVED.contains(&k)),
            Fields::Object(mut o) => match (o.first(), o.last()) {
                (Some(b'{'), Some(b'}')) if o.len() >= 2 => {
                    o.pop();
                    o.remove(0);
                    o
                }
                _ => Vec::new(),
            },
        };
        record::member(&mut out, "event", &self.event);
        if let Some(q) = self.queue_id {
            record::member(&mut out, "queue_id", &q.as_str());
        }
        if let Some(s) = self.message_sha256 {
            record::member(&mut out, "message_sha256", &s);
        }
        out
    }
}

/// The folder and key the config names.
pub fn paths(config: &Config) -> (PathBuf, PathBuf) {
    (
        config.path(&config.audit.dir),
        config.path(&config.audit.key),
    )
}

/// The writer's settings from `[audit]`, with the syslog socket opened.
pub fn options(config: &Config) -> Result<Options, AuditError> {
    let a = &config.audit;
    let syslog = match &a.syslog {
        Some(dest) => Some(syslog::Syslog::connect(
            dest,
            &a.syslog_facility,
            &config.server.hostname,
        )?),
        None => None,
    };
    Ok(Options {
        checkpoint_records: a.checkpoint_records.max(1),
        checkpoint_interval: a.checkpoint_interval,
        max_segment_bytes: a.max_segment_bytes.max(4096),
        recipients: a.recipients(),
        syslog,
    })
}

/// Opens the log as the config describes it; a log that records nothing
/// when auditing is switched off.
pub fn open(config: &Config) -> Result<AuditLog, AuditError> {
    if !config.audit.enabled {
        tracing::warn!(
            "audit logging is OFF ([audit] enabled = false): no record of decisions is kept; this setting exists only to measure what auditing costs"
        );
        return Ok(AuditLog::disabled());
    }
    let (dir, key) = paths(config);
    AuditLog::open(&dir, &key, options(config)?)
}

/// Replaces the signing key: a signed `audit_key_rotated` record names the
/// new public key under the old one, so a verifier holding only the old
/// public key accepts what the new key signs. The old private key is
/// deleted. The gateway must be stopped (it holds the log).
pub fn rotate_key(
    dir: &Path,
    key_path: &Path,
    options: Options,
) -> Result<keys::PublicKey, AuditError> {
    let log = AuditLog::open(dir, key_path, options)?;
    let next = key_path.with_extension("key.next");
    let _ = std::fs::remove_file(&next);
    keys::SigningKey::create(&next)?;
    let new = keys::SigningKey::open(&next)?;
    log.announce_key(new.public())?;
    std::fs::rename(&next, key_path).map_err(|source| AuditError::Io {
        path: key_path.to_path_buf(),
        source,
    })?;
    if let Some(parent) = key_path.parent() {
        let _ = std::fs::File::open(parent).and_then(|d| d.sync_all());
    }
    Ok(new.public().clone())
}
