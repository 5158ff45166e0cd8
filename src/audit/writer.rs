//! The one writer of the audit log.
//!
//! Appending is a single `write` of whole lines to a segment opened with
//! O_APPEND, under one lock, so lines never interleave and `seq`/`prev` are
//! assigned in file order. Durability is a separate step: a session's
//! commit task calls `sync_to` for its `received` record, and sessions
//! arriving together share one `fdatasync` (group commit), so a 250 can
//! wait for its record without costing a disk flush per message. A sync
//! thread flushes everything else at least once a second.
//!
//! Checkpoints are signed records. The writer adds one every
//! `checkpoint_records` records, after `checkpoint_interval` with unsigned
//! records pending, when it opens, when it closes a segment (daily, or at
//! `max_segment_bytes`) and when it shuts down. A write that fails is undone
//! (the segment is cut back to its last whole line) and reported to the
//! caller, who must not claim what it could not audit.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::watch;

use super::keys::SigningKey;
use super::record::{self, GENESIS};
use super::segment::{self, Segment};
use super::syslog::Syslog;
use super::{AuditError, Event, Recipients};

/// How the writer is tuned; `[audit]` in the config.
#[derive(Debug, Clone)]
pub struct Options {
    pub checkpoint_records: u64,
    pub checkpoint_interval: Duration,
    pub max_segment_bytes: u64,
    pub recipients: Recipients,
    pub syslog: Option<Syslog>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            checkpoint_records: 1000,
            checkpoint_interval: Duration::from_secs(5),
            max_segment_bytes: 64 << 20,
            recipients: Recipients::Domain,
            syslog: None,
        }
    }
}

/// What the sync thread has made durable.
#[derive(Debug, Clone, Default)]
struct Synced {
    upto: u64,
    /// The last range whose fsync failed, and why.
    failed: Option<(u64, u64, Arc<str>)>,
}

struct State {
    file: Arc<File>,
    segment: Segment,
    day: String,
    /// The UTC day number (ms / 86,400,000) on which `day` was last found
    /// to be today, so that the per-record rotation check formats a date
    /// once a day instead of once a record.
    day_checked: u64,
    bytes: u64,
    seq: u64,
    prev: String,
    /// Records written since the last signed one.
    unsigned: u64,
    last_signed_ms: u64,
    /// Set when a failed write could not be cut back: nothing more is
    /// appended to this segment until the cut succeeds.
    broken: Option<String>,
    stop: bool,
}

struct Shared {
    dir: PathBuf,
    key: SigningKey,
    options: Options,
    state: Mutex<State>,
    wake: Condvar,
    /// Held while an fdatasync runs, so that callers arriving together
    /// share one: whoever comes second finds its record already covered.
    sync_turn: Mutex<()>,
    synced: watch::Sender<Synced>,
    /// Recipients are hashed under a key only this log's private key can
    /// make, so the hashes cannot be reversed by guessing addresses.
    recipient_key: ring::hmac::Key,
    _lock: File,
}

/// The audit log. Dropping it signs and syncs what is pending.
pub struct AuditLog {
    /// None when auditing is switched off (`[audit] enabled = false`).
    shared: Option<Arc<Shared>>,
    syncer: Mutex<Option<std::thread::JoinHandle<()>>>,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> AuditError + '_ {
    move |source| AuditError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl AuditLog {
    /// Opens the log in `dir` for appending, signing with the key at
    /// `key_path` (created on first use). Only one process may hold it.
    pub fn open(dir: &Path, key_path: &Path, options: Options) -> Result<AuditLog, AuditError> {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io(dir))?;
        let lock = lock(dir)?;
        let (key, created) = SigningKey::open_or_create(key_path)?;
        if created {
            tracing::warn!(key = %key_path.display(), public_key = %key.public().text(), "generated a new audit signing key; give its public key (`sealgate audit pubkey`) to whoever verifies the log");
        }
        migrate_single_file(dir)?;
        let now = crate::time::unix_now_ms();
        let (state, discarded) = match segment::list(dir).map_err(io(dir))?.pop() {
            Some(last) => resume(&last)?,
            None => (new_segment(dir, now, 1, GENESIS.to_string())?, 0),
        };
        let recipient_key = ring::hmac::Key::new(
            ring::hmac::HMAC_SHA256,
            &key.sign(b"sealgate audit recipient hash key v1"),
        );
        let (synced, _) = watch::channel(Synced {
            upto: state.seq,
            failed: None,
        });
        let shared = Arc::new(Shared {
            dir: dir.to_path_buf(),
            key,
            options,
            state: Mutex::new(state),
            wake: Condvar::new(),
            sync_turn: Mutex::new(()),
            synced,
            recipient_key,
            _lock: lock,
        });
        let mut opened = json!({
            "event": "audit_opened",
            "public_key": shared.key.public().text(),
            "version": env!("CARGO_PKG_VERSION"),
        });
        if discarded > 0 {
            // A crash in the middle of a write left part of a line; it was
            // never acknowledged, and it is cut so the chain goes on.
            opened["discarded_partial_bytes"] = json!(discarded);
        }
        {
            let mut st = shared.lock();
            shared.signed(&mut st, opened)?;
        }
        let thread = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("audit-sync".into())
                .spawn(move || shared.sync_loop())
                .map_err(io(dir))?
        };
        Ok(AuditLog {
            shared: Some(shared),
            syncer: Mutex::new(Some(thread)),
        })
    }

    /// A log that records nothing: only for measuring what auditing costs.
    pub fn disabled() -> AuditLog {
        AuditLog {
            shared: None,
            syncer: Mutex::new(None),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.shared.is_some()
    }

    /// The key checkpoints are signed with; None when auditing is off.
    pub fn public_key(&self) -> Option<&super::keys::PublicKey> {
        self.shared.as_ref().map(|s| s.key.public())
    }

    /// Appends one record and returns its `seq`. Err when it could not be
    /// written; the record is then not in the log.
    pub fn append(&self, ev: Event<'_>) -> Result<u64, AuditError> {
        let Some(shared) = &self.shared else {
            return Ok(0);
        };
        let members = ev.into_members();
        let mut st = shared.lock();
        shared.write(&mut st, &[&members], None)
    }

    /// Appends records that belong together (a message's verdict and its
    /// acceptance) in one write: all of them or none. Returns the last
    /// one's `seq`.
    pub fn append_all<'a>(
        &self,
        events: impl IntoIterator<Item = Event<'a>>,
    ) -> Result<u64, AuditError> {
        let Some(shared) = &self.shared else {
            return Ok(0);
        };
        let members: Vec<Vec<u8>> = events.into_iter().map(Event::into_members).collect();
        let records: Vec<&[u8]> = members.iter().map(Vec::as_slice).collect();
        let mut st = shared.lock();
        shared.write(&mut st, &records, None)
    }

    /// Writes, under the current key, the signed record that hands trust
    /// to `next` (key rotation).
    pub fn announce_key(&self, next: &super::keys::PublicKey) -> Result<u64, AuditError> {
        let Some(shared) = &self.shared else {
            return Err(AuditError::Closed);
        };
        let mut st = shared.lock();
        let seq = shared.signed(
            &mut st,
            json!({
                "event": "audit_key_rotated",
                "new_public_key": next.text(),
                "new_key_id": next.id(),
            }),
        )?;
        st.file.sync_data().map_err(io(&st.segment.path))?;
        Ok(seq)
    }

    /// Appends one record, logging a failure: for events whose cause has
    /// already happened (a delivery, a portal event), which cannot be undone
    /// because the log is unwritable — the operator must hear of it.
    pub fn record(&self, ev: Event<'_>) {
        let event = ev.event;
        if let Err(e) = self.append(ev) {
            tracing::error!(event, error = %e, "audit record not written");
        }
    }

    /// Makes record `seq` durable from the calling thread, which may block
    /// (the spool commit's task: no hop to the sync thread and back).
    /// Callers arriving together share one fdatasync (group commit).
    pub fn sync_to(&self, seq: u64) -> Result<(), AuditError> {
        let Some(shared) = &self.shared else {
            return Ok(());
        };
        if shared.synced.borrow().upto < seq {
            shared.sync_now();
        }
        let s = shared.synced.borrow();
        match &s.failed {
            Some((a, b, why)) if (*a..=*b).contains(&seq) => Err(AuditError::Sync(why.to_string())),
            _ if s.upto >= seq => Ok(()),
            _ => Err(AuditError::Closed),
        }
    }

    /// Signs and syncs what is pending. Called at shutdown; dropping the
    /// log does the same.
    pub fn close(&self) {
        let Some(shared) = &self.shared else {
            return;
        };
        let mut st = shared.lock();
        if st.unsigned > 0
            && let Err(e) =
                shared.signed(&mut st, json!({"event": "checkpoint", "reason": "close"}))
        {
            tracing::error!(error = %e, "final audit checkpoint not written");
        }
        if let Err(e) = st.file.sync_all() {
            tracing::error!(error = %e, "audit log not synced at close");
        }
        let seq = st.seq;
        drop(st);
        shared.synced.send_modify(|s| s.upto = s.upto.max(seq));
    }

    /// Deletes closed segments whose newest record is older than
    /// `cutoff_ms`, oldest first, each announced by a signed
    /// `segment_pruned` record (made durable before the file goes) that
    /// names the last record it held, so `audit verify` can tell pruning
    /// from deletion. Returns the names of the segments deleted.
    pub fn prune(&self, cutoff_ms: u64) -> Result<Vec<String>, AuditError> {
        let Some(shared) = &self.shared else {
            return Ok(Vec::new());
        };
        let dir = &shared.dir;
        let mut gone = Vec::new();
        let segments = segment::list(dir).map_err(io(dir))?;
        let current = shared.lock().segment.first_seq;
        for seg in segments.iter().filter(|s| s.first_seq < current) {
            let Some((last, _)) = last_line(&seg.path)? else {
                break;
            };
            let parsed = record::parse(&last).map_err(|why| AuditError::Unreadable {
                path: seg.path.clone(),
                why,
            })?;
            if parsed.time_ms.is_none_or(|t| t >= cutoff_ms) {
                break;
            }
            {
                let mut st = shared.lock();
                shared.signed(
                    &mut st,
                    json!({
                        "event": "segment_pruned",
                        "segment": seg.name(),
                        "first_seq": seg.first_seq,
                        "last_seq": parsed.seq,
                        "last_hash": record::hash(&last),
                        "last_time": parsed.value.get("time"),
                    }),
                )?;
                st.file.sync_data().map_err(io(&st.segment.path))?;
            }
            std::fs::remove_file(&seg.path).map_err(io(&seg.path))?;
            sync_dir(dir)?;
            gone.push(seg.name());
        }
        Ok(gone)
    }

    /// How a recipient address appears in records, as `[audit] recipients`
    /// says: the whole address, its domain, or a keyed hash of it.
    pub fn recipient(&self, address: &str) -> String {
        let Some(shared) = &self.shared else {
            return String::new();
        };
        match shared.options.recipients {
            Recipients::Full => address.to_string(),
            Recipients::Domain => address
                .rsplit_once('@')
                .map_or(address, |(_, d)| d)
                .to_ascii_lowercase(),
            Recipients::Hash => {
                let tag = ring::hmac::sign(
                    &shared.recipient_key,
                    address.to_ascii_lowercase().as_bytes(),
                );
                format!("hmac:{}", &crate::proto::hash::hex(tag.as_ref())[..32])
            }
        }
    }

    pub fn recipients_mode(&self) -> Recipients {
        self.shared
            .as_ref()
            .map_or(Recipients::Domain, |s| s.options.recipients)
    }
}

impl Drop for AuditLog {
    fn drop(&mut self) {
        self.close();
        if let Some(shared) = &self.shared {
            shared.lock().stop = true;
            shared.wake.notify_all();
        }
        if let Some(t) = self.syncer.lock().ok().and_then(|mut t| t.take()) {
            let _ = t.join();
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves State consistent (seq and
        // prev change only after a whole write), so the poison is cleared.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes a signed record (a checkpoint in the wide sense).
    fn signed(&self, st: &mut State, fields: Value) -> Result<u64, AuditError> {
        if !fields.is_object() {
            return Err(AuditError::NotAnObject);
        }
        let members = self.signed_members(st, &fields);
        self.write(st, &[&members], Some(&self.key))
    }

    /// A signed record's members: the fields, then the key that signs and
    /// how many unsigned records it covers.
    fn signed_members(&self, st: &State, fields: &Value) -> Vec<u8> {
        let mut members = record::members(fields, |k| k != "key_id" && k != "signed_records");
        record::member(&mut members, "key_id", &self.key.public().id());
        record::member(&mut members, "signed_records", &st.unsigned);
        members
    }

    /// Appends a record, first closing the segment if it is due, then
    /// signing if `checkpoint_records` are now pending.
    fn write(
        &self,
        st: &mut State,
        records: &[&[u8]],
        sign: Option<&SigningKey>,
    ) -> Result<u64, AuditError> {
        let now = crate::time::unix_now_ms();
        self.rotate_if_due(st, now)?;
        let seq = self.put(st, records, sign, now)?;
        if st.unsigned >= self.options.checkpoint_records {
            self.signed(st, json!({"event": "checkpoint", "reason": "records"}))?;
        }
        Ok(seq)
    }

    /// Lines for `records` into the current segment in one write, all of
    /// them or none. Returns the last one's seq.
    fn put(
        &self,
        st: &mut State,
        records: &[&[u8]],
        sign: Option<&SigningKey>,
        now: u64,
    ) -> Result<u64, AuditError> {
        if let Some(why) = &st.broken {
            let path = st.segment.path.clone();
            match st.file.set_len(st.bytes) {
                Ok(()) => st.broken = None,
                Err(_) => {
                    return Err(AuditError::Broken {
                        path,
                        why: why.clone(),
                    });
                }
            }
        }
        let (mut seq, mut prev) = (st.seq, st.prev.clone());
        let mut lines = Vec::with_capacity(records.len());
        let mut bytes = Vec::new();
        for members in records {
            seq += 1;
            let unsigned = record::line(seq, now, &prev, members);
            let line = match sign {
                Some(key) => record::with_signature(&unsigned, &key.sign(unsigned.as_bytes())),
                None => unsigned,
            };
            prev = record::hash(line.as_bytes());
            bytes.extend_from_slice(line.as_bytes());
            bytes.push(b'\n');
            lines.push(line);
        }
        if let Err(e) = (&*st.file).write_all(&bytes) {
            if let Err(cut) = st.file.set_len(st.bytes) {
                st.broken = Some(format!("{e}; cutting back failed: {cut}"));
            }
            // Cut back (or marked broken): the chain goes on from the
            // last line before these, which `st` still describes.
            return Err(io(&st.segment.path)(e));
        }
        st.seq = seq;
        st.prev = prev;
        st.bytes += bytes.len() as u64;
        if sign.is_some() {
            st.unsigned = 0;
            st.last_signed_ms = now;
        } else {
            st.unsigned += records.len() as u64;
        }
        if let Some(s) = &self.options.syslog {
            for line in &lines {
                s.send(line, now);
            }
        }
        Ok(seq)
    }

    /// Closes the segment with a signed record and opens the next one when
    /// the day has changed or the segment is full.
    fn rotate_if_due(&self, st: &mut State, now: u64) -> Result<(), AuditError> {
        let today = now / MS_PER_DAY;
        if st.day_checked != today && st.day == day_of(now) {
            st.day_checked = today;
        }
        if st.day_checked == today && st.bytes < self.options.max_segment_bytes {
            return Ok(());
        }
        if st.bytes > 0 {
            let fields = json!({
                "event": "checkpoint",
                "reason": "segment_end",
                "closes_segment": st.segment.name(),
            });
            let members = self.signed_members(st, &fields);
            self.put(st, &[&members], Some(&self.key), now)?;
            st.file.sync_all().map_err(io(&st.segment.path))?;
        }
        let next = new_segment(&self.dir, now, st.seq + 1, st.prev.clone())?;
        *st = State {
            seq: st.seq,
            prev: std::mem::take(&mut st.prev),
            ..next
        };
        Ok(())
    }

    /// The sync thread: sign pending records when the interval has passed,
    /// and fsync what was written at least every second, so records nobody
    /// waits for (deliveries) do not cost a flush each.
    fn sync_loop(self: Arc<Self>) {
        const LAZY_MS: u64 = 1000;
        let tick = self
            .options
            .checkpoint_interval
            .min(Duration::from_millis(LAZY_MS));
        let mut last_sync = crate::time::unix_now_ms();
        loop {
            let mut st = self.lock();
            if !st.stop {
                st = self
                    .wake
                    .wait_timeout(st, tick)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|p| p.into_inner().0);
            }
            let now = crate::time::unix_now_ms();
            if st.unsigned > 0
                && now.saturating_sub(st.last_signed_ms)
                    >= self.options.checkpoint_interval.as_millis() as u64
                && let Err(e) = self.signed(
                    &mut st,
                    json!({"event": "checkpoint", "reason": "interval"}),
                )
            {
                tracing::error!(error = %e, "audit checkpoint not written");
            }
            if st.stop {
                return;
            }
            let done = self.synced.borrow().upto;
            let lazy_due = now.saturating_sub(last_sync) >= LAZY_MS;
            if st.seq <= done || !lazy_due {
                continue;
            }
            drop(st);
            last_sync = now;
            self.sync_now();
        }
    }

    /// One fdatasync of everything written so far, unless another thread's
    /// has already covered it, and its result published.
    fn sync_now(&self) {
        let _turn = self.sync_turn.lock().unwrap_or_else(|p| p.into_inner());
        let (file, upto) = {
            let st = self.lock();
            (st.file.clone(), st.seq)
        };
        let done = self.synced.borrow().upto;
        if upto <= done {
            return;
        }
        match file.sync_data() {
            Ok(()) => self.synced.send_modify(|s| s.upto = s.upto.max(upto)),
            Err(e) => {
                tracing::error!(error = %e, "audit log fsync failed");
                self.synced.send_modify(|s| {
                    s.failed = Some((done + 1, upto, e.to_string().into()));
                    s.upto = s.upto.max(upto);
                });
            }
        }
    }
}

/// `YYYYMMDD` in UTC, as segment names carry it.
const MS_PER_DAY: u64 = 86_400_000;

fn day_of(ms: u64) -> String {
    segment::day(ms)
}

/// Only one process appends: two writers would fork the chain.
fn lock(dir: &Path) -> Result<File, AuditError> {
    let path = dir.join(".lock");
    crate::spool::exclusive_lock(&path)
        .map_err(io(&path))?
        .ok_or_else(|| AuditError::InUse(dir.to_path_buf()))
}

fn sync_dir(dir: &Path) -> Result<(), AuditError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

fn new_segment(dir: &Path, now: u64, first_seq: u64, prev: String) -> Result<State, AuditError> {
    let path = dir.join(segment::file_name(now, first_seq));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .mode(0o600)
        .open(&path)
        .map_err(io(&path))?;
    sync_dir(dir)?;
    let bytes = file.metadata().map_err(io(&path))?.len();
    Ok(State {
        file: Arc::new(file),
        segment: Segment { path, first_seq },
        day: day_of(now),
        day_checked: u64::MAX,
        bytes,
        seq: first_seq - 1,
        prev,
        unsigned: 0,
        last_signed_ms: now,
        broken: None,
        stop: false,
    })
}

/// Continues the newest segment: its last whole line gives `seq` and
/// `prev`; a partial line after it (a crash mid-write) is cut off.
fn resume(seg: &Segment) -> Result<(State, u64), AuditError> {
    let path = &seg.path;
    let file = std::fs::OpenOptions::new()
        .append(true)
        .read(true)
        .open(path)
        .map_err(io(path))?;
    let len = file.metadata().map_err(io(path))?.len();
    let (seq, prev, whole) = match last_line(path)? {
        Some((line, end)) => {
            let p = record::parse(&line).map_err(|why| AuditError::Unreadable {
                path: path.clone(),
                why,
            })?;
            (p.seq, record::hash(&line), end)
        }
        None => (seg.first_seq - 1, String::new(), 0),
    };
    let prev = if prev.is_empty() {
        // An empty newest segment: its name and the one before say where
        // the chain stands; read the previous segment's tail.
        previous_head(seg)?
    } else {
        prev
    };
    if whole < len {
        file.set_len(whole).map_err(io(path))?;
    }
    let day = segment::day_of_name(&seg.name()).unwrap_or_default();
    Ok((
        State {
            file: Arc::new(file),
            segment: seg.clone(),
            day,
            day_checked: u64::MAX,
            bytes: whole,
            seq,
            prev,
            unsigned: 0,
            last_signed_ms: crate::time::unix_now_ms(),
            broken: None,
            stop: false,
        },
        len - whole,
    ))
}

/// The hash of the last record before `seg`, for an empty newest segment.
fn previous_head(seg: &Segment) -> Result<String, AuditError> {
    if seg.first_seq <= 1 {
        return Ok(GENESIS.to_string());
    }
    let dir = seg.path.parent().unwrap_or(Path::new("."));
    let before = segment::list(dir)
        .map_err(io(dir))?
        .into_iter()
        .rfind(|s| s.first_seq < seg.first_seq);
    match before.map(|b| last_line(&b.path)).transpose()?.flatten() {
        Some((line, _)) => Ok(record::hash(&line)),
        None => Err(AuditError::Unreadable {
            path: seg.path.clone(),
            why: "empty segment and no earlier segment to continue from".into(),
        }),
    }
}

/// The last whole line of a file and the offset just past its newline.
fn last_line(path: &Path) -> Result<Option<(Vec<u8>, u64)>, AuditError> {
    let mut file = File::open(path).map_err(io(path))?;
    let len = file.seek(SeekFrom::End(0)).map_err(io(path))?;
    let mut window = 64 * 1024u64;
    loop {
        let start = len.saturating_sub(window);
        file.seek(SeekFrom::Start(start)).map_err(io(path))?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail).map_err(io(path))?;
        let Some(end) = tail.iter().rposition(|b| *b == b'\n') else {
            if start == 0 {
                return Ok(None);
            }
            window *= 4;
            continue;
        };
        let body = &tail[..end];
        match body.iter().rposition(|b| *b == b'\n') {
            Some(nl) => return Ok(Some((body[nl + 1..].to_vec(), start + end as u64 + 1))),
            None if start == 0 => return Ok(Some((body.to_vec(), end as u64 + 1))),
            None => window *= 4,
        }
    }
}

/// Logs from before segments were one `audit.log`; its chain format is the
/// same, so it becomes the first segment under the name it would have had.
fn migrate_single_file(dir: &Path) -> Result<(), AuditError> {
    let old = dir.join("audit.log");
    if !old.exists() {
        return Ok(());
    }
    let first = std::fs::read(&old).map_err(io(&old))?;
    let first_line = first.split(|b| *b == b'\n').next().unwrap_or_default();
    let parsed = record::parse(first_line).ok();
    let seq = parsed.as_ref().map_or(1, |p| p.seq);
    let time = parsed
        .and_then(|p| p.time_ms)
        .unwrap_or_else(crate::time::unix_now_ms);
    let new = dir.join(segment::file_name(time, seq));
    std::fs::rename(&old, &new).map_err(io(&old))?;
    sync_dir(dir)?;
    tracing::info!(from = %old.display(), to = %new.display(), "audit log moved into the segment layout");
    Ok(())
}
