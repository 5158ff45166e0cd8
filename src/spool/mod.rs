//! The durable queue on disk.
//!
//! ```text
//! spool/incoming/ID       being written; never read back (removed on start)
//! spool/queue/ID          committed message: envelope + bytes + checksum, immutable
//! spool/queue/ID.state    per-recipient progress, replaced atomically
//! spool/corrupt/ID        files that failed their checksum, kept for a human
//! spool/lock              flock held by the running gateway
//! ```
//!
//! `commit` writes to `incoming/`, fsyncs the file, renames it into `queue/`
//! and fsyncs the directory: only then may the session answer 250. A rename
//! is atomic, so `queue/` only ever holds whole files; the checksum guards
//! against the rest (a lying disk, a truncated copy). State files are
//! replaced by write-fsync-rename-fsync too, so a recipient marked delivered
//! stays delivered; a crash before that mark costs a duplicate delivery,
//! never a lost one (at-least-once).

pub mod format;
pub mod queue_id;

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::dlp::Verdict;
use crate::proto::address::Address;
use crate::proto::params::{MailParams, Recipient};
pub use queue_id::QueueId;

#[derive(Debug, thiserror::Error)]
pub enum SpoolError {
    #[error("spool I/O on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("queue file {path}: {source}")]
    Format {
        path: PathBuf,
        source: format::FormatError,
    },
    #[error("queue file {path}: bad envelope: {source}")]
    Envelope {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("no message {0} in the queue")]
    NotFound(String),
    #[error("another sealgate holds the spool lock {0}; is the gateway already running?")]
    Locked(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SpoolError + '_ {
    move |source| SpoolError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClientInfo {
    pub ip: String,
    pub helo: String,
    /// e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384"; None for plaintext.
    pub tls: Option<String>,
    /// How the client was allowed to relay: "network", "certificate:NAME", "user:NAME".
    pub authorized_by: String,
}

/// What the gateway accepted: everything delivery needs besides the bytes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Envelope {
    pub id: QueueId,
    /// None is the null reverse-path `<>`: never send a DSN to it.
    pub sender: Option<Address>,
    pub params: MailParams,
    pub recipients: Vec<Recipient>,
    pub received_at: u64,
    pub client: ClientInfo,
    pub verdict: Verdict,
    pub message_sha256: String,
    pub size: u64,
    /// A DSN we generated: it may not cause another one.
    #[serde(default)]
    pub is_dsn: bool,
    /// Who wrote the message: a client, or the portal.
    #[serde(default, skip_serializing_if = "Origin::is_relay")]
    pub origin: Origin,
}

/// Where a queued message came from, when that changes how it is routed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Accepted from a client (or a DSN about such a message).
    #[default]
    Relay,
    /// A notification, one-time code or sender notice: no PHI.
    PortalNotice,
    /// A recipient's reply to the organization: it goes at `verify` or
    /// waits, and never back to the portal it came from.
    PortalReply,
}

impl Origin {
    pub fn is_relay(&self) -> bool {
        *self == Origin::Relay
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum RcptStatus {
    Pending,
    Deferred {
        error: String,
    },
    Delivered {
        at: u64,
        remote: String,
    },
    Failed {
        error: String,
        status: String,
        remote: Option<String>,
    },
    /// Handed to the portal: a secure recipient whose servers cannot take
    /// it over TLS at the level required. Never tried by SMTP again; the
    /// message stays queued for the portal to take.
    Portal {
        at: u64,
        reason: String,
    },
    /// Committed to the portal store (and its notification to the spool):
    /// final; the portal has it now.
    #[serde(rename = "in-portal")]
    InPortal {
        at: u64,
        portal_id: String,
    },
}

impl RcptStatus {
    /// Delivered or failed: nothing more will happen to this recipient.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            RcptStatus::Delivered { .. } | RcptStatus::Failed { .. } | RcptStatus::InPortal { .. }
        )
    }

    /// Still to be tried by SMTP.
    pub fn awaits_delivery(&self) -> bool {
        matches!(self, RcptStatus::Pending | RcptStatus::Deferred { .. })
    }
}

/// Progress of one message; absent on disk until the first attempt leaves
/// something undone.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeliveryState {
    pub rcpts: Vec<RcptStatus>,
    pub attempts: u32,
    pub next_attempt: u64,
    pub held: bool,
    /// The "delayed" DSN was committed (sent at most once).
    #[serde(default)]
    pub delay_warned: bool,
    /// Failed recipients (indexes) whose failure DSN is not committed yet.
    /// The message stays queued, and the DSN is tried again with it, until
    /// this is empty: a bounce the spool could not take is late, not lost.
    /// (Replaces the never-used `dsn_sent`; old state files still load.)
    #[serde(default)]
    pub dsn_owed: Vec<usize>,
}

impl DeliveryState {
    pub fn new(n: usize, now: u64) -> Self {
        DeliveryState {
            rcpts: vec![RcptStatus::Pending; n],
            attempts: 0,
            next_attempt: now,
            held: false,
            delay_warned: false,
            dsn_owed: Vec::new(),
        }
    }

    /// Every recipient is final and every bounce owed is committed.
    pub fn is_done(&self) -> bool {
        self.rcpts.iter().all(RcptStatus::is_final) && self.dsn_owed.is_empty()
    }
}

/// A message as the scheduler holds it.
#[derive(Debug, Clone)]
pub struct Queued {
    pub envelope: Envelope,
    pub state: DeliveryState,
}

/// What start-up found in `queue/`.
#[derive(Debug, Default)]
pub struct Recovery {
    /// Whole messages, with their progress.
    pub queued: Vec<Queued>,
    /// Damaged files (checksum, format, envelope), now in `corrupt/`.
    pub corrupt: Vec<QueueId>,
    /// Files that could not be read for an I/O reason (EIO, EMFILE,
    /// EACCES...). They say nothing about the file, so it stays where it is
    /// and is read again later.
    pub unreadable: Vec<(QueueId, SpoolError)>,
}

impl SpoolError {
    /// The file itself is bad (as opposed to the disk or the process failing
    /// to read it): only such a file may be moved to `corrupt/`.
    pub fn is_corrupt(&self) -> bool {
        matches!(
            self,
            SpoolError::Format { .. } | SpoolError::Envelope { .. }
        )
    }
}

#[derive(Debug)]
pub struct Spool {
    incoming: PathBuf,
    queue: PathBuf,
    corrupt: PathBuf,
    root: PathBuf,
}

impl Spool {
    /// Opens (creating if needed) the spool under `data_dir/spool`.
    pub fn open(data_dir: &Path) -> Result<Spool, SpoolError> {
        let root = data_dir.join("spool");
        let s = Spool {
            incoming: root.join("incoming"),
            queue: root.join("queue"),
            corrupt: root.join("corrupt"),
            root,
        };
        for d in [&s.root, &s.incoming, &s.queue, &s.corrupt] {
            fs::create_dir_all(d).map_err(io(d))?;
            set_mode(d, 0o700).map_err(io(d))?;
        }
        Ok(s)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the exclusive lock of a running gateway; the file descriptor
    /// must live as long as the gateway does.
    pub fn lock(&self) -> Result<File, SpoolError> {
        let path = self.root.join("lock");
        match exclusive_lock(&path).map_err(io(&path))? {
            Some(f) => Ok(f),
            None => Err(SpoolError::Locked(path)),
        }
    }

    fn message_path(&self, id: &QueueId) -> PathBuf {
        self.queue.join(id.as_str())
    }

    fn state_path(&self, id: &QueueId) -> PathBuf {
        self.queue.join(format!("{}.state", id.as_str()))
    }

    /// Makes the message durable. Blocking: call from `spawn_blocking`.
    pub fn commit(&self, envelope: &Envelope, message: &[u8]) -> Result<(), SpoolError> {
        let json = serde_json::to_vec(envelope).map_err(|source| SpoolError::Envelope {
            path: self.message_path(&envelope.id),
            source,
        })?;
        let tmp = self.incoming.join(envelope.id.as_str());
        let dst = self.message_path(&envelope.id);
        let result = (|| {
            let f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)
                .map_err(io(&tmp))?;
            let mut w = BufWriter::with_capacity(64 * 1024, f);
            format::write(&mut w, &json, message).map_err(io(&tmp))?;
            let f = w.into_inner().map_err(|e| io(&tmp)(e.into_error()))?;
            f.sync_all().map_err(io(&tmp))?;
            fs::rename(&tmp, &dst).map_err(io(&dst))?;
            sync_dir(&self.queue)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// Reads one committed message, checking it whole.
    pub fn load(&self, id: &QueueId) -> Result<(Envelope, Vec<u8>), SpoolError> {
        let path = self.message_path(id);
        let buf = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(SpoolError::NotFound(id.to_string()));
            }
            Err(e) => return Err(io(&path)(e)),
        };
        let (env, msg) = format::read(&buf).map_err(|source| SpoolError::Format {
            path: path.clone(),
            source,
        })?;
        let envelope: Envelope =
            serde_json::from_slice(env).map_err(|source| SpoolError::Envelope {
                path: path.clone(),
                source,
            })?;
        Ok((envelope, msg.to_vec()))
    }

    /// The saved state, or a fresh one when none was written yet.
    pub fn load_state(&self, envelope: &Envelope) -> DeliveryState {
        let path = self.state_path(&envelope.id);
        fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<DeliveryState>(&b).ok())
            .filter(|s| s.rcpts.len() == envelope.recipients.len())
            .unwrap_or_else(|| {
                DeliveryState::new(envelope.recipients.len(), envelope.received_at * 1000)
            })
    }

    /// Replaces the state file atomically and durably.
    pub fn save_state(&self, id: &QueueId, state: &DeliveryState) -> Result<(), SpoolError> {
        let dst = self.state_path(id);
        let tmp = self.incoming.join(format!("{}.state", id.as_str()));
        let json = serde_json::to_vec(state).map_err(|source| SpoolError::Envelope {
            path: dst.clone(),
            source,
        })?;
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(io(&tmp))?;
        f.write_all(&json).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
        fs::rename(&tmp, &dst).map_err(io(&dst))?;
        sync_dir(&self.queue)
    }

    /// Removes a finished message. The state file goes last so a crash in
    /// between leaves a message whose finished recipients are still known.
    pub fn remove(&self, id: &QueueId) -> Result<(), SpoolError> {
        let m = self.message_path(id);
        match fs::remove_file(&m) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&m)(e)),
        }
        let s = self.state_path(id);
        match fs::remove_file(&s) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(&s)(e)),
        }
    }

    /// Every committed message id, oldest first.
    pub fn list_ids(&self) -> Result<Vec<QueueId>, SpoolError> {
        let mut ids: Vec<QueueId> = fs::read_dir(&self.queue)
            .map_err(io(&self.queue))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().and_then(QueueId::parse))
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Moves a damaged message (and its state) to `corrupt/` for a human.
    pub fn quarantine(&self, id: &QueueId) -> Result<(), SpoolError> {
        let from = self.message_path(id);
        let to = self.corrupt.join(id.as_str());
        fs::rename(&from, &to).map_err(io(&from))?;
        let _ = fs::remove_file(self.state_path(id));
        Ok(())
    }

    /// Start-up: clears `incoming/`, moves damaged files aside, and returns
    /// every unfinished message with its state. Runs before the listeners open.
    pub fn recover(&self) -> Result<Recovery, SpoolError> {
        for e in fs::read_dir(&self.incoming)
            .map_err(io(&self.incoming))?
            .flatten()
        {
            let _ = fs::remove_file(e.path());
        }
        let mut found = Recovery::default();
        for id in self.list_ids()? {
            match self.load(&id) {
                Ok((envelope, _)) => {
                    let state = self.load_state(&envelope);
                    found.queued.push(Queued { envelope, state });
                }
                Err(SpoolError::NotFound(_)) => {}
                Err(e) if e.is_corrupt() => match self.quarantine(&id) {
                    Ok(()) => found.corrupt.push(id),
                    // Cannot even move it: leave it, and say so.
                    Err(e) => found.unreadable.push((id, e)),
                },
                Err(e) => found.unreadable.push((id, e)),
            }
        }
        // Orphaned state files (message removed, crash before the state went).
        for e in fs::read_dir(&self.queue)
            .map_err(io(&self.queue))?
            .flatten()
        {
            let name = e.file_name();
            if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".state"))
                && !self.queue.join(id).exists()
            {
                let _ = fs::remove_file(e.path());
            }
        }
        Ok(found)
    }
}

/// fsync of a directory makes a rename or create in it durable (ext4, xfs).
pub fn sync_dir(dir: &Path) -> Result<(), SpoolError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

fn set_mode(p: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(p, fs::Permissions::from_mode(mode))
}

/// Opens (creating, 0600) `path` and takes an exclusive, non-blocking
/// `flock` on it: the one-writer rule of the spool and the audit log.
/// `Ok(None)` when another process holds it; the lock lives as long as the
/// returned file.
pub fn exclusive_lock(path: &Path) -> std::io::Result<Option<File>> {
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(path)?;
    // SAFETY: flock on a descriptor we own; no memory is touched.
    let rc = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    Ok((rc == 0).then_some(f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dlp::Verdict;
    use crate::proto::params::RcptParams;

    pub(crate) fn envelope(id: QueueId) -> Envelope {
        Envelope {
            id,
            sender: Some(Address {
                local: "a".into(),
                domain: "tenant.test".into(),
            }),
            params: MailParams::default(),
            recipients: vec![Recipient {
                address: Address {
                    local: "b".into(),
                    domain: "dest.test".into(),
                },
                params: RcptParams::default(),
            }],
            received_at: 1,
            client: ClientInfo {
                ip: "127.0.0.1".into(),
                helo: "c".into(),
                tls: None,
                authorized_by: "network".into(),
            },
            verdict: Verdict::clean(),
            message_sha256: String::new(),
            size: 4,
            is_dsn: false,
            origin: Default::default(),
        }
    }

    fn tempdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sealgate-spool-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn commit_load_state_remove() {
        let dir = tempdir("basic");
        let spool = Spool::open(&dir).unwrap();
        let id = QueueId::generate();
        spool.commit(&envelope(id.clone()), b"body").unwrap();
        let (env, msg) = spool.load(&id).unwrap();
        assert_eq!(env.id, id);
        assert_eq!(msg, b"body");
        let mut st = spool.load_state(&env);
        assert_eq!(st.rcpts, vec![RcptStatus::Pending]);
        st.rcpts[0] = RcptStatus::Delivered {
            at: 2,
            remote: "mx".into(),
        };
        spool.save_state(&id, &st).unwrap();
        assert_eq!(spool.load_state(&env), st);
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.join("spool/queue").join(id.as_str()))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        spool.remove(&id).unwrap();
        assert!(matches!(spool.load(&id), Err(SpoolError::NotFound(_))));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn recovery_quarantines_damaged_files_and_clears_incoming() {
        let dir = tempdir("recover");
        let spool = Spool::open(&dir).unwrap();
        let good = QueueId::generate();
        let bad = QueueId::generate();
        spool.commit(&envelope(good.clone()), b"ok").unwrap();
        spool
            .commit(&envelope(bad.clone()), b"will be cut")
            .unwrap();
        let p = dir.join("spool/queue").join(bad.as_str());
        let len = fs::metadata(&p).unwrap().len();
        OpenOptions::new()
            .write(true)
            .open(&p)
            .unwrap()
            .set_len(len - 5)
            .unwrap();
        fs::write(dir.join("spool/incoming/partial"), b"SGQ1\nE").unwrap();
        let found = spool.recover().unwrap();
        assert_eq!(found.queued.len(), 1);
        assert_eq!(found.queued[0].envelope.id, good);
        assert_eq!(found.corrupt, vec![bad.clone()]);
        assert!(dir.join("spool/corrupt").join(bad.as_str()).exists());
        assert!(!dir.join("spool/incoming/partial").exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn recovery_leaves_files_it_cannot_read_in_place() {
        let dir = tempdir("unreadable");
        let spool = Spool::open(&dir).unwrap();
        let id = QueueId::generate();
        // A directory where the file should be: reading it fails with EISDIR.
        let p = dir.join("spool/queue").join(id.as_str());
        fs::create_dir(&p).unwrap();
        let found = spool.recover().unwrap();
        assert!(found.queued.is_empty() && found.corrupt.is_empty());
        assert_eq!(found.unreadable.len(), 1);
        assert_eq!(found.unreadable[0].0, id);
        assert!(p.is_dir(), "an unreadable file was moved");
        assert!(!dir.join("spool/corrupt").join(id.as_str()).exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn old_state_files_load() {
        let old = r#"{"rcpts":[{"state":"pending"}],"attempts":1,"next_attempt":5,"held":false,"delay_warned":false,"dsn_sent":false}"#;
        let st: DeliveryState = serde_json::from_str(old).unwrap();
        assert!(st.dsn_owed.is_empty());
    }

    #[test]
    fn one_gateway_per_spool() {
        let dir = tempdir("lock");
        let spool = Spool::open(&dir).unwrap();
        let held = spool.lock().unwrap();
        assert!(matches!(spool.lock(), Err(SpoolError::Locked(_))));
        drop(held);
        assert!(spool.lock().is_ok());
        let _ = fs::remove_dir_all(&dir);
    }
}
