//! `sealgate queue ...` against a running or a stopped gateway.
//!
//! A running gateway owns its queue in memory, so changes go through it: the
//! CLI sends one JSON line over `spool/control.sock` and the scheduler
//! applies it. When no gateway holds the spool lock, the CLI edits the state
//! files itself. Reading (`list`, `show`) always reads the files.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tracing::{info, warn};

use super::scheduler::{Handle, Op, now_ms};
use crate::spool::{QueueId, RcptStatus, Spool, SpoolError};

#[derive(Debug, Serialize, Deserialize)]
struct Request {
    op: Op,
    id: QueueId,
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

async fn serve_one(stream: UnixStream, handle: Handle) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut line = String::new();
    BufReader::new(r).take(4096).read_line(&mut line).await?;
    let resp = match serde_json::from_str::<Request>(&line) {
        Ok(req) => {
            info!(queue_id = %req.id, op = ?req.op, "queue control");
            match handle.control(req.id, req.op).await {
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
    w.write_all(&out).await
}

/// Applies an operation, through the running gateway if there is one.
pub async fn apply(spool: &Arc<Spool>, id: QueueId, op: Op) -> Result<String, String> {
    // Holding the lock while editing keeps a gateway from starting halfway.
    match spool.lock() {
        Ok(_held) => return apply_offline(spool, &id, op).map_err(|e| e.to_string()),
        Err(SpoolError::Locked(_)) => {}
        Err(e) => return Err(e.to_string()),
    }
    let path = socket_path(spool);
    let mut s = UnixStream::connect(&path).await.map_err(|e| {
        format!(
            "gateway is running but {} does not answer: {e}",
            path.display()
        )
    })?;
    let mut req = serde_json::to_vec(&Request { op, id }).map_err(|e| e.to_string())?;
    req.push(b'\n');
    s.write_all(&req).await.map_err(|e| e.to_string())?;
    let mut line = String::new();
    BufReader::new(s)
        .read_line(&mut line)
        .await
        .map_err(|e| e.to_string())?;
    let resp: Response =
        serde_json::from_str(&line).map_err(|e| format!("bad reply from gateway: {e}"))?;
    if resp.ok {
        Ok(resp.message)
    } else {
        Err(resp.message)
    }
}

fn apply_offline(spool: &Spool, id: &QueueId, op: Op) -> Result<String, SpoolError> {
    let (env, _) = spool.load(id)?;
    if op == Op::Delete {
        spool.remove(id)?;
        return Ok(format!("{id} deleted"));
    }
    let mut state = spool.load_state(&env);
    match op {
        Op::Hold => state.held = true,
        Op::Retry | Op::Release => {
            state.held = false;
            state.next_attempt = now_ms();
        }
        Op::Delete => {}
    }
    spool.save_state(id, &state)?;
    Ok(format!(
        "{id}: {op:?} done (gateway not running; takes effect on start)"
    ))
}

/// One line per queued message.
pub fn list(spool: &Spool) -> Result<Vec<serde_json::Value>, SpoolError> {
    let mut out = Vec::new();
    for id in spool.list_ids()? {
        let Ok((env, _)) = spool.load(&id) else {
            continue;
        };
        let st = spool.load_state(&env);
        let pending = st.rcpts.iter().filter(|r| !r.is_final()).count();
        let last_error = st.rcpts.iter().find_map(|r| match r {
            RcptStatus::Deferred { error } => Some(error.clone()),
            _ => None,
        });
        out.push(serde_json::json!({
            "id": id.as_str(),
            "received": crate::time::rfc3339_ms(env.received_at * 1000),
            "size": env.size,
            "sender": env.sender.as_ref().map(|s| s.to_string()).unwrap_or_default(),
            "recipients": env.recipients.len(),
            "pending": pending,
            "held": st.held,
            "attempts": st.attempts,
            "next_attempt": crate::time::rfc3339_ms(st.next_attempt),
            "last_error": last_error,
        }));
    }
    Ok(out)
}

/// Envelope and state of one message; never its content.
pub fn show(spool: &Spool, id: &QueueId) -> Result<serde_json::Value, SpoolError> {
    let (env, _) = spool.load(id)?;
    let st = spool.load_state(&env);
    let rcpts: Vec<_> = env
        .recipients
        .iter()
        .zip(&st.rcpts)
        .map(|(r, s)| serde_json::json!({"recipient": r.address.to_string(), "state": s}))
        .collect();
    Ok(serde_json::json!({
        "id": env.id.as_str(),
        "sender": env.sender.as_ref().map(|s| s.to_string()).unwrap_or_default(),
        "received": crate::time::rfc3339_ms(env.received_at * 1000),
        "size": env.size,
        "sha256": env.message_sha256,
        "client": env.client,
        "verdict": env.verdict,
        "held": st.held,
        "attempts": st.attempts,
        "next_attempt": crate::time::rfc3339_ms(st.next_attempt),
        "recipients": rcpts,
    }))
}
