//! `sealgate queue ...` against a running or a stopped gateway.
//!
//! A running gateway owns its queue in memory, so changes go through it: the
//! CLI sends one JSON line per message over `spool/control.sock` and the
//! scheduler applies it. When no gateway holds the spool lock, the CLI edits
//! the state files itself. Either way the change is audited with the same
//! event and who made it. Reading (`list`, `show`) and choosing which
//! messages `--all` or `--domain` mean always read the files.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tracing::{info, warn};

use super::scheduler::{Handle, Op, now_ms};
use crate::audit::{AuditLog, Event};
use crate::spool::{QueueId, RcptStatus, Spool, SpoolError};

impl std::fmt::Display for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Op::Retry => "retry",
            Op::Hold => "hold",
            Op::Release => "release",
            Op::Delete => "delete",
        })
    }
}

/// Who changed the queue, for the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The Unix user, from the socket's peer credentials (online) or the
    /// process (offline); `uid:N` when the user has no name.
    pub user: String,
    pub uid: Option<u32>,
    /// The person behind `sudo`, as the CLI's environment says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sudo_user: Option<String>,
    /// `control socket` (running gateway) or `offline` (stopped gateway).
    pub via: String,
}

impl Actor {
    /// The user running this process.
    pub fn this_process(via: &str) -> Actor {
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        Actor::for_uid(Some(uid), sudo_user(), via)
    }

    fn for_uid(uid: Option<u32>, sudo_user: Option<String>, via: &str) -> Actor {
        let user = match uid {
            Some(uid) => user_name(uid).unwrap_or_else(|| format!("uid:{uid}")),
            None => "unknown".into(),
        };
        Actor {
            user,
            uid,
            sudo_user,
            via: via.into(),
        }
    }
}

fn sudo_user() -> Option<String> {
    std::env::var("SUDO_USER").ok().filter(|s| !s.is_empty())
}

/// The login name of `uid` from the password database.
fn user_name(uid: u32) -> Option<String> {
    let mut buf = vec![0u8; 16 * 1024];
    // SAFETY: a zeroed passwd is a valid out-parameter (pointers null, ints 0).
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer refers to memory we own, `buf.len()` is its size,
    // and the strings `pwd` points to live in `buf`, which outlives their use.
    let rc = unsafe {
        libc::getpwuid_r(
            uid,
            &mut pwd,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut found,
        )
    };
    if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: getpwuid_r succeeded, so pw_name is a NUL-terminated string in `buf`.
    let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

/// What `retry` says about a held message instead of silently releasing it.
pub fn held_message(id: &QueueId) -> String {
    format!("{id} is held; `sealgate queue release {id}` releases it and tries it now")
}

#[derive(Debug, Serialize, Deserialize)]
struct Request {
    op: Op,
    id: QueueId,
    /// The CLI's `SUDO_USER`; the user itself comes from the peer credentials.
    #[serde(default)]
    sudo_user: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Response {
    ok: bool,
    message: String,
}

pub fn socket_path(spool: &Spool) -> PathBuf {
    spool.root().join("control.sock")
}

/// Serves the control socket until the task is dropped.
pub async fn serve(path: PathBuf, handle: Handle) -> std::io::Result<()> {
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    loop {
        let (stream, _) = listener.accept().await?;
        let handle = handle.clone();
        tokio::spawn(async move {
            if let Err(e) = serve_one(stream, handle).await {
                warn!(error = %e, "control request failed");
            }
        });
    }
}

/// One connection: a request per line, a response per line, until EOF.
async fn serve_one(stream: UnixStream, handle: Handle) -> std::io::Result<()> {
    let uid = stream.peer_cred().ok().map(|c| c.uid());
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    loop {
        let mut line = String::new();
        if (&mut r).take(4096).read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let resp = match serde_json::from_str::<Request>(&line) {
            Ok(req) => {
                let by = Actor::for_uid(uid, req.sudo_user, "control socket");
                info!(queue_id = %req.id, op = %req.op, user = %by.user, "queue control");
                match handle.control(req.id, req.op, by).await {
                    Ok(message) => Response { ok: true, message },
                    Err(message) => Response { ok: false, message },
                }
            }
            Err(e) => Response {
                ok: false,
                message: format!("bad request: {e}"),
            },
        };
        let mut out = serde_json::to_vec(&resp).unwrap_or_default();
        out.push(b'\n');
        w.write_all(&out).await?;
    }
}

/// Which messages a command is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    One(QueueId),
    All,
    /// Messages with a recipient still pending in this domain.
    Domain(String),
}

/// The messages a command will touch, and the held ones a retry leaves alone.
#[derive(Debug, Default)]
pub struct Selection {
    pub ids: Vec<QueueId>,
    pub held_skipped: usize,
}

/// Resolves `--all` and `--domain` from the queue files. A retry of many
/// messages skips held ones (they stay held until released); a retry of
/// one named message is refused by `apply` with the reason instead.
pub fn select(spool: &Spool, target: &Target, op: Op) -> Result<Selection, SpoolError> {
    let domain = match target {
        Target::One(id) => {
            return Ok(Selection {
                ids: vec![id.clone()],
                held_skipped: 0,
            });
        }
        Target::All => None,
        Target::Domain(d) => Some(d.trim_end_matches('.').to_ascii_lowercase()),
    };
    let mut out = Selection::default();
    for id in spool.list_ids()? {
        let Ok((env, _)) = spool.load(&id) else {
            continue;
        };
        let st = spool.load_state(&env);
        if let Some(d) = &domain {
            let pending_here = env
                .recipients
                .iter()
                .zip(&st.rcpts)
                .any(|(r, s)| !s.is_final() && r.address.domain.eq_ignore_ascii_case(d));
            if !pending_here {
                continue;
            }
        }
        if op == Op::Retry && st.held {
            out.held_skipped += 1;
            continue;
        }
        out.ids.push(id);
    }
    Ok(out)
}

/// Applies an operation to each message, through the running gateway if
/// there is one, else to the files (auditing as `config` says). One result
/// per message; `Err` only when the gateway cannot be reached at all.
pub async fn apply(
    spool: &Arc<Spool>,
    config: &crate::config::Config,
    ids: &[QueueId],
    op: Op,
) -> Result<Vec<(QueueId, Result<String, String>)>, String> {
    // Holding the lock while editing keeps a gateway from starting halfway.
    match spool.lock() {
        Ok(_held) => {
            let audit = crate::audit::open(config).map_err(|e| e.to_string())?;
            let by = Actor::this_process("offline");
            return Ok(ids
                .iter()
                .map(|id| (id.clone(), apply_offline(spool, &audit, id, op, &by)))
                .collect());
        }
        Err(SpoolError::Locked(_)) => {}
        Err(e) => return Err(e.to_string()),
    }
    let path = socket_path(spool);
    let s = UnixStream::connect(&path).await.map_err(|e| {
        format!(
            "gateway is running but {} does not answer: {e}",
            path.display()
        )
    })?;
    let (r, mut w) = s.into_split();
    let mut r = BufReader::new(r);
    let sudo_user = sudo_user();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let req = Request {
            op,
            id: id.clone(),
            sudo_user: sudo_user.clone(),
        };
        let mut line = serde_json::to_vec(&req).map_err(|e| e.to_string())?;
        line.push(b'\n');
        w.write_all(&line).await.map_err(|e| e.to_string())?;
        let mut line = String::new();
        r.read_line(&mut line).await.map_err(|e| e.to_string())?;
        let resp: Response =
            serde_json::from_str(&line).map_err(|e| format!("bad reply from gateway: {e}"))?;
        out.push((
            id.clone(),
            if resp.ok {
                Ok(resp.message)
            } else {
                Err(resp.message)
            },
        ));
    }
    Ok(out)
}

fn apply_offline(
    spool: &Spool,
    audit: &AuditLog,
    id: &QueueId,
    op: Op,
    by: &Actor,
) -> Result<String, String> {
    let (env, _) = spool.load(id).map_err(|e| e.to_string())?;
    if op == Op::Delete {
        spool.remove(id).map_err(|e| e.to_string())?;
        audit.record(Event::new("deleted", Some(id), json!({"by": by})));
        return Ok(format!("{id} deleted"));
    }
    let mut state = spool.load_state(&env);
    match op {
        Op::Hold => state.held = true,
        Op::Retry if state.held => return Err(held_message(id)),
        Op::Retry | Op::Release => {
            state.held = false;
            state.next_attempt = now_ms();
        }
        Op::Delete => {}
    }
    spool.save_state(id, &state).map_err(|e| e.to_string())?;
    audit.record(Event::new("admin", Some(id), json!({"op": op, "by": by})));
    Ok(format!(
        "{id}: {op} done (gateway not running; takes effect on start)"
    ))
}

/// One queued message as `queue list` shows it.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: QueueId,
    pub received_ms: u64,
    pub size: u64,
    /// Empty for the null sender `<>`.
    pub sender: String,
    pub recipients: usize,
    pub held: bool,
    pub attempts: u32,
    pub next_attempt_ms: u64,
    /// Recipients not yet delivered or failed, each with why it waits
    /// (None: not tried yet).
    pub pending: Vec<(String, Option<String>)>,
}

impl Item {
    /// The `--json` line; the keys of earlier versions stay.
    pub fn to_json(&self) -> serde_json::Value {
        let last_error = self.pending.iter().find_map(|(_, e)| e.clone());
        let pending: Vec<_> = self
            .pending
            .iter()
            .map(|(r, e)| json!({"recipient": r, "reason": e}))
            .collect();
        json!({
            "id": self.id.as_str(),
            "received": crate::time::rfc3339_ms(self.received_ms),
            "size": self.size,
            "sender": self.sender,
            "recipients": self.recipients,
            "pending": self.pending.len(),
            "held": self.held,
            "attempts": self.attempts,
            "next_attempt": (self.next_attempt_ms != u64::MAX)
                .then(|| crate::time::rfc3339_ms(self.next_attempt_ms)),
            "last_error": last_error,
            "pending_recipients": pending,
        })
    }

    /// A `mailq`-style block: the message line, then a line per pending
    /// recipient with its reason.
    pub fn text(&self, now_ms: u64) -> String {
        let age = crate::time::human_age(now_ms.saturating_sub(self.received_ms) / 1000);
        let next = if self.held || self.next_attempt_ms == u64::MAX {
            // Held, or only portal hand-offs left: no SMTP attempt is due.
            "-".to_string()
        } else {
            crate::time::rfc3339_ms(self.next_attempt_ms)
        };
        let sender = if self.sender.is_empty() {
            "<>".to_string()
        } else {
            printable(&self.sender)
        };
        let mut s = format!(
            "{:<22}  {:>9}  {:>6}  {:<24}  {:<4}  {sender}\n",
            self.id.as_str(),
            self.size,
            age,
            next,
            if self.held { "held" } else { "" },
        );
        for (rcpt, reason) in &self.pending {
            s.push_str(&format!(
                "    {}  ({})\n",
                printable(rcpt),
                reason
                    .as_deref()
                    .map(printable)
                    .as_deref()
                    .unwrap_or("not tried yet")
            ));
        }
        s
    }
}

pub fn text_header() -> String {
    format!(
        "{:<22}  {:>9}  {:>6}  {:<24}  {:<4}  SENDER / pending recipient (reason)",
        "ID", "SIZE", "AGE", "NEXT ATTEMPT", "HELD"
    )
}

pub fn text_summary(items: &[Item]) -> String {
    if items.is_empty() {
        return "queue is empty".into();
    }
    let bytes: u64 = items.iter().map(|i| i.size).sum();
    let pending: usize = items.iter().map(|i| i.pending.len()).sum();
    let held = items.iter().filter(|i| i.held).count();
    format!(
        "-- {} message(s), {bytes} bytes, {pending} recipient(s) pending, {held} held",
        items.len()
    )
}

/// Remote replies are text from the network: no control characters reach
/// the operator's terminal.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Every queued message, oldest first.
pub fn list(spool: &Spool) -> Result<Vec<Item>, SpoolError> {
    let mut out = Vec::new();
    for id in spool.list_ids()? {
        let Ok((env, _)) = spool.load(&id) else {
            continue;
        };
        let st = spool.load_state(&env);
        let pending = env
            .recipients
            .iter()
            .zip(&st.rcpts)
            .filter(|(_, s)| !s.is_final())
            .map(|(r, s)| {
                let reason = match s {
                    RcptStatus::Deferred { error } => Some(error.clone()),
                    RcptStatus::Portal { reason, .. } => Some(format!("portal: {reason}")),
                    _ => None,
                };
                (r.address.to_string(), reason)
            })
            .collect();
        let received_ms = env.received_at.saturating_mul(1000);
        out.push(Item {
            id,
            received_ms,
            size: env.size,
            sender: env
                .sender
                .as_ref()
                .map(|s| s.to_string())
                .unwrap_or_default(),
            recipients: env.recipients.len(),
            held: st.held,
            attempts: st.attempts,
            // A message never tried has no state file yet; it is due from arrival.
            next_attempt_ms: st.next_attempt.max(received_ms),
            pending,
        });
    }
    Ok(out)
}

/// A recipient's state with its time in RFC 3339, like every time a user reads.
fn rcpt_state(s: &RcptStatus) -> serde_json::Value {
    match s {
        RcptStatus::Pending => json!({"state": "pending"}),
        RcptStatus::Deferred { error } => json!({"state": "deferred", "error": error}),
        RcptStatus::Delivered { at, remote } => json!({
            "state": "delivered",
            "at": crate::time::rfc3339_ms(at.saturating_mul(1000)),
            "remote": remote,
        }),
        RcptStatus::Failed {
            error,
            status,
            remote,
        } => json!({"state": "failed", "status": status, "error": error, "remote": remote}),
        RcptStatus::Portal { at, reason } => json!({
            "state": "portal",
            "at": crate::time::rfc3339_ms(at.saturating_mul(1000)),
            "reason": reason,
        }),
        RcptStatus::InPortal { at, portal_id } => json!({
            "state": "in-portal",
            "at": crate::time::rfc3339_ms(at.saturating_mul(1000)),
            "portal_id": portal_id,
        }),
    }
}

/// Envelope and state of one message; never its content.
pub fn show(spool: &Spool, id: &QueueId) -> Result<serde_json::Value, SpoolError> {
    let (env, _) = spool.load(id)?;
    let st = spool.load_state(&env);
    let received_ms = env.received_at.saturating_mul(1000);
    let rcpts: Vec<_> = env
        .recipients
        .iter()
        .zip(&st.rcpts)
        .map(|(r, s)| json!({"recipient": r.address.to_string(), "state": rcpt_state(s)}))
        .collect();
    Ok(json!({
        "id": env.id.as_str(),
        "sender": env.sender.as_ref().map(|s| s.to_string()).unwrap_or_default(),
        "received": crate::time::rfc3339_ms(received_ms),
        "size": env.size,
        "sha256": env.message_sha256,
        "client": env.client,
        "verdict": env.verdict,
        "held": st.held,
        "attempts": st.attempts,
        "next_attempt": (st.next_attempt != u64::MAX)
            .then(|| crate::time::rfc3339_ms(st.next_attempt.max(received_ms))),
        "recipients": rcpts,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_text_cannot_drive_the_terminal() {
        assert_eq!(printable("450 busy\x1b[2J\r\n"), "450 busy?[2J??");
    }

    #[test]
    fn this_process_has_a_name() {
        let a = Actor::this_process("offline");
        assert!(!a.user.is_empty() && a.uid.is_some(), "{a:?}");
    }
}
