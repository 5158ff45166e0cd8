//! The audit log: one JSON object per line, each carrying the SHA-256 of the
//! line before it, so a deleted or edited line breaks the chain.
//!
//! This is the simplest correct version; signed checkpoints, segments,
//! `audit verify` and `audit search` come with the audit issue. What goes in
//! is already restricted to ids, hashes, counts and TLS facts: callers pass
//! typed fields, never message text.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ring::digest::{SHA256, digest};
use serde_json::{Map, Value};

use crate::proto::hash::hex;
use crate::spool::QueueId;

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("audit log {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

struct Inner {
    file: File,
    seq: u64,
    prev: String,
}

/// The log's file name in the audit folder.
pub const FILE: &str = "audit.log";

pub struct AuditLog {
    path: PathBuf,
    inner: Mutex<Inner>,
}

/// One event: a name, the message it concerns, and plain fields.
pub struct Event<'a> {
    pub event: &'static str,
    pub queue_id: Option<&'a QueueId>,
    pub message_sha256: Option<&'a str>,
    pub fields: Value,
}

impl<'a> Event<'a> {
    pub fn new(event: &'static str, queue_id: Option<&'a QueueId>, fields: Value) -> Self {
        Event {
            event,
            queue_id,
            message_sha256: None,
            fields,
        }
    }

    pub fn sha256(mut self, sha: &'a str) -> Self {
        self.message_sha256 = Some(sha);
        self
    }
}

impl AuditLog {
    pub fn open(dir: &Path) -> Result<AuditLog, AuditError> {
        let err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| AuditError::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(err(dir))?;
        let path = dir.join(FILE);
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .mode(0o600)
            .open(&path)
            .map_err(err(&path))?;
        let (seq, prev) = last_record(&mut file).map_err(err(&path))?;
        Ok(AuditLog {
            path,
            inner: Mutex::new(Inner { file, seq, prev }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record. A failure to write is logged, not returned: mail
    /// flow must not stop because the audit disk filled, but the operator
    /// must hear of it.
    pub fn record(&self, ev: Event<'_>) {
        let Ok(mut inner) = self.inner.lock() else {
            tracing::error!("audit log lock poisoned; record dropped");
            return;
        };
        let mut obj = Map::new();
        obj.insert("seq".into(), Value::from(inner.seq + 1));
        obj.insert(
            "time".into(),
            Value::from(crate::time::rfc3339_ms(crate::time::unix_now_ms())),
        );
        obj.insert("event".into(), Value::from(ev.event));
        if let Some(q) = ev.queue_id {
            obj.insert("queue_id".into(), Value::from(q.as_str()));
        }
        if let Some(s) = ev.message_sha256 {
            obj.insert("message_sha256".into(), Value::from(s));
        }
        if let Value::Object(fields) = ev.fields {
            for (k, v) in fields {
                obj.entry(k).or_insert(v);
            }
        }
        obj.insert("prev".into(), Value::from(inner.prev.clone()));
        let line = Value::Object(obj).to_string();
        let mut bytes = line.clone().into_bytes();
        bytes.push(b'\n');
        match inner.file.write_all(&bytes) {
            Ok(()) => {
                inner.seq += 1;
                inner.prev = hex(digest(&SHA256, line.as_bytes()).as_ref());
            }
            Err(e) => {
                tracing::error!(path = %self.path.display(), error = %e, "audit record not written")
            }
        }
    }
}

/// Sequence number and hash of the last whole line, to continue the chain.
fn last_record(file: &mut File) -> std::io::Result<(u64, String)> {
    let len = file.seek(SeekFrom::End(0))?;
    let start = len.saturating_sub(256 * 1024);
    file.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail)?;
    let genesis = (0, hex(&[0u8; 32]));
    let Some(line) = tail.split(|b| *b == b'\n').rev().find(|l| !l.is_empty()) else {
        return Ok(genesis);
    };
    let seq = serde_json::from_slice::<Value>(line)
        .ok()
        .and_then(|v| v.get("seq").and_then(Value::as_u64))
        .unwrap_or(0);
    Ok((seq, hex(digest(&SHA256, line).as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_continues_across_reopen() {
        let dir = std::env::temp_dir().join(format!("sealgate-audit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let id = QueueId::generate();
        {
            let log = AuditLog::open(&dir).unwrap();
            log.record(
                Event::new("received", Some(&id), serde_json::json!({"size": 3})).sha256("ab"),
            );
        }
        let log = AuditLog::open(&dir).unwrap();
        log.record(Event::new(
            "delivered",
            Some(&id),
            serde_json::json!({"seq": 99}),
        ));
        let text = std::fs::read_to_string(dir.join("audit.log")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let second: Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(second["seq"], 2, "fields cannot overwrite seq");
        assert_eq!(
            second["prev"],
            hex(digest(&SHA256, lines[0].as_bytes()).as_ref())
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
