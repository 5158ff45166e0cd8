//! The queue scheduler: decides when each message is tried, splits it by
//! recipient domain, and records every outcome before acting on it.
//!
//! Order of writes is what makes a crash harmless: a failure DSN is
//! committed to the spool before the failed recipient's state is saved, and
//! the state is saved before the message file is removed. Any crash repeats
//! work (a duplicate delivery or DSN) but never loses it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinSet;
use tracing::{Instrument, debug, error, info, info_span, warn};

use super::Settings;
use crate::audit::{AuditLog, Event};
use crate::live::Live;
use crate::outbound::dsn::{self, DsnAction, DsnRecipient};
use crate::outbound::{Batch, Outcome};
use crate::policy::{self, Capability, Levels, Route};
use crate::spool::{DeliveryState, Envelope, QueueId, Queued, RcptStatus, Spool};

/// Admin operations on one message (`sealgate queue ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Retry,
    Hold,
    Release,
    Delete,
}

enum Cmd {
    Submit(Box<Envelope>, Option<Arc<Vec<u8>>>, Option<DeliveryState>),
    Done(QueueId, Option<DeliveryState>),
    Control(
        QueueId,
        Op,
        super::control::Actor,
        oneshot::Sender<Result<String, String>>,
    ),
}

#[derive(Clone)]
pub struct Handle {
    tx: mpsc::UnboundedSender<Cmd>,
}

impl Handle {
    /// Hands a committed message to the scheduler. The bytes, when given,
    /// spare a read of the file we just wrote.
    pub fn submit(&self, envelope: Envelope, message: Option<Arc<Vec<u8>>>) {
        if self
            .tx
            .send(Cmd::Submit(Box::new(envelope), message, None))
            .is_err()
        {
            // Shutting down: the message is on disk and recovery takes it.
            debug!("scheduler gone; message stays queued on disk");
        }
    }

    pub async fn control(
        &self,
        id: QueueId,
        op: Op,
        by: super::control::Actor,
    ) -> Result<String, String> {
        let (tx, rx) = oneshot::channel();
        self.tx
            .send(Cmd::Control(id, op, by, tx))
            .map_err(|_| "gateway is shutting down".to_string())?;
        rx.await
            .map_err(|_| "gateway is shutting down".to_string())?
    }
}

struct Entry {
    envelope: Arc<Envelope>,
    state: DeliveryState,
    message: Option<Arc<Vec<u8>>>,
    in_flight: bool,
}

pub struct Context {
    pub spool: Arc<Spool>,
    pub audit: Arc<AuditLog>,
    pub settings: Live<Settings>,
}

pub struct Scheduler {
    ctx: Arc<Context>,
    rx: mpsc::UnboundedReceiver<Cmd>,
    tx: mpsc::UnboundedSender<Cmd>,
    entries: HashMap<QueueId, Entry>,
    timers: BinaryHeap<Reverse<(u64, QueueId)>>,
    tasks: JoinSet<()>,
}

pub fn now_ms() -> u64 {
    crate::time::unix_now_ms()
}

impl Scheduler {
    pub fn new(ctx: Arc<Context>) -> (Scheduler, Handle) {
        let (tx, rx) = mpsc::unbounded_channel();
        let handle = Handle { tx: tx.clone() };
        (
            Scheduler {
                ctx,
                rx,
                tx,
                entries: HashMap::new(),
                timers: BinaryHeap::new(),
                tasks: JoinSet::new(),
            },
            handle,
        )
    }

    /// Loads recovered messages; they are tried as soon as `run` starts.
    pub fn recover(&mut self, queued: Vec<Queued>) {
        for q in queued {
            self.insert(q.envelope, None, q.state);
        }
    }

    fn insert(&mut self, envelope: Envelope, message: Option<Arc<Vec<u8>>>, state: DeliveryState) {
        let id = envelope.id.clone();
        if !state.held {
            self.timers.push(Reverse((state.next_attempt, id.clone())));
        }
        self.entries.insert(
            id,
            Entry {
                envelope: Arc::new(envelope),
                state,
                message,
                in_flight: false,
            },
        );
    }

    /// Runs until `shutdown`, then gives attempts in flight `drain` to finish.
    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>, drain: Duration) {
        loop {
            let next = self.timers.peek().map(|Reverse((t, _))| *t);
            let sleep = match next {
                Some(t) => Duration::from_millis(t.saturating_sub(now_ms())),
                None => Duration::from_secs(3600),
            };
            tokio::select! {
                cmd = self.rx.recv() => match cmd {
                    Some(c) => self.command(c),
                    None => break,
                },
                _ = tokio::time::sleep(sleep) => self.start_due(),
                Some(_) = self.tasks.join_next(), if !self.tasks.is_empty() => {}
                _ = crate::ops::stopped(&mut shutdown) => break,
            }
        }
        info!(in_flight = self.tasks.len(), "scheduler draining");
        let deadline = tokio::time::Instant::now() + drain;
        while !self.tasks.is_empty() {
            match tokio::time::timeout_at(deadline, self.tasks.join_next()).await {
                Ok(_) => {}
                Err(_) => {
                    warn!(
                        left = self.tasks.len(),
                        "drain timeout; unfinished attempts stay queued"
                    );
                    self.tasks.abort_all();
                    break;
                }
            }
        }
    }

    fn command(&mut self, c: Cmd) {
        match c {
            Cmd::Submit(env, msg, state) => {
                let now = now_ms();
                let state = state.unwrap_or_else(|| DeliveryState::new(env.recipients.len(), now));
                self.insert(*env, msg, state);
                self.start_due();
            }
            Cmd::Done(id, state) => match state {
                None => {
                    self.entries.remove(&id);
                }
                Some(state) => {
                    if let Some(e) = self.entries.get_mut(&id) {
                        e.in_flight = false;
                        // Keep the bytes in memory only for the first try.
                        e.message = None;
                        if !state.held {
                            self.timers.push(Reverse((state.next_attempt, id.clone())));
                        }
                        e.state = state;
                    }
                }
            },
            Cmd::Control(id, op, by, reply) => {
                let _ = reply.send(self.control(&id, op, &by));
                self.start_due();
            }
        }
    }

    /// One operator command; audited with who gave it, like the offline
    /// path in `control::apply`.
    fn control(
        &mut self,
        id: &QueueId,
        op: Op,
        by: &super::control::Actor,
    ) -> Result<String, String> {
        let Some(e) = self.entries.get_mut(id) else {
            return Err(format!("no message {id} in the queue"));
        };
        if e.in_flight {
            return match op {
                Op::Retry => Ok(format!("{id}: being delivered right now")),
                _ => Err(format!(
                    "{id} is being delivered right now; try again in a moment"
                )),
            };
        }
        match op {
            Op::Retry if e.state.held => return Err(super::control::held_message(id)),
            Op::Retry | Op::Release => {
                e.state.held = false;
                e.state.next_attempt = now_ms();
                self.timers
                    .push(Reverse((e.state.next_attempt, id.clone())));
            }
            Op::Hold => e.state.held = true,
            Op::Delete => {
                self.ctx.spool.remove(id).map_err(|e| e.to_string())?;
                self.entries.remove(id);
                self.ctx
                    .audit
                    .record(Event::new("deleted", Some(id), json!({"by": by})));
                return Ok(format!("{id} deleted"));
            }
        }
        self.ctx
            .spool
            .save_state(id, &e.state)
            .map_err(|e| e.to_string())?;
        self.ctx
            .audit
            .record(Event::new("admin", Some(id), json!({"op": op, "by": by})));
        Ok(format!("{id}: {op} done"))
    }

    fn start_due(&mut self) {
        let now = now_ms();
        while let Some(Reverse((t, _))) = self.timers.peek() {
            if *t > now {
                break;
            }
            let Some(Reverse((t, id))) = self.timers.pop() else {
                break;
            };
            let Some(e) = self.entries.get_mut(&id) else {
                continue;
            };
            // Stale timer (rescheduled, held, or already running).
            if e.in_flight || e.state.held || e.state.next_attempt != t {
                continue;
            }
            e.in_flight = true;
            let ctx = self.ctx.clone();
            let env = e.envelope.clone();
            let state = e.state.clone();
            let msg = e.message.clone();
            let tx = self.tx.clone();
            let span = info_span!("delivery", queue_id = %id);
            self.tasks.spawn(
                async move {
                    let handle = Handle { tx: tx.clone() };
                    let new_state = attempt(ctx, env, state, msg, handle).await;
                    let _ = tx.send(Cmd::Done(id, new_state));
                }
                .instrument(span),
            );
        }
    }
}

/// One delivery attempt of one message; returns its new state, or None once
/// the message is finished and removed.
async fn attempt(
    ctx: Arc<Context>,
    env: Arc<Envelope>,
    mut state: DeliveryState,
    msg: Option<Arc<Vec<u8>>>,
    sched: Handle,
) -> Option<DeliveryState> {
    let message = match msg {
        Some(m) => m,
        None => {
            let spool = ctx.spool.clone();
            let id = env.id.clone();
            match tokio::task::spawn_blocking(move || spool.load(&id)).await {
                Ok(Ok((_, m))) => Arc::new(m),
                Ok(Err(crate::spool::SpoolError::NotFound(_))) => return None,
                Ok(Err(e)) => {
                    error!(error = %e, "cannot read queued message; will retry");
                    return Some(reschedule(&ctx, &env, state));
                }
                Err(_) => return Some(reschedule(&ctx, &env, state)),
            }
        }
    };
    let settings = ctx.settings.get();
    let cfg = &*settings;
    state.attempts += 1;

    // Pending recipients by domain, in a stable order.
    let mut by_domain: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in env.recipients.iter().enumerate() {
        if !state.rcpts[i].is_final() {
            by_domain
                .entry(r.address.domain.clone())
                .or_default()
                .push(i);
        }
    }
    let levels = Levels {
        phi_tls: cfg.delivery.phi_tls,
        default_tls: cfg.delivery.default_tls,
    };
    let mut set = JoinSet::new();
    for (domain, idx) in by_domain {
        let over = cfg.delivery.routes.iter().find(|r| r.domain == domain);
        let route = policy::route(
            &env.verdict,
            Capability::default(),
            &levels,
            over.and_then(|o| o.tls),
        );
        let next_hop = over.and_then(|o| o.next_hop.clone());
        let (ctx, env, message, settings) =
            (ctx.clone(), env.clone(), message.clone(), settings.clone());
        set.spawn(
            async move {
                let outcomes = match route {
                    Route::Portal => vec![
                    Outcome::Deferred {
                        error:
                            "route is portal, and the portal is not available in this version; held"
                                .into()
                    };
                    idx.len()
                ],
                    Route::Tls { level } => {
                        let signed = settings
                            .dkim
                            .sign(env.sender.as_ref().map(|s| s.domain.as_str()), &message);
                        let batch = Batch {
                            domain: &domain,
                            sender: env.sender.as_ref(),
                            params: &env.params,
                            rcpts: idx.iter().map(|i| &env.recipients[*i]).collect(),
                            message: &signed,
                            level,
                            next_hop: next_hop.as_deref(),
                        };
                        let report = settings.outbound.deliver(batch).await;
                        audit_report(&ctx.audit, &env, &domain, level, &report, &settings);
                        report.outcomes
                    }
                };
                (idx, outcomes)
            }
            .instrument(tracing::Span::current()),
        );
    }
    let now = now_ms();
    let mut newly_failed = Vec::new();
    while let Some(res) = set.join_next().await {
        let Ok((idx, outcomes)) = res else {
            error!("delivery task failed; recipients stay pending");
            continue;
        };
        for (i, o) in idx.into_iter().zip(outcomes) {
            state.rcpts[i] = match o {
                Outcome::Delivered { remote } => RcptStatus::Delivered {
                    at: now / 1000,
                    remote,
                },
                Outcome::Deferred { error } => RcptStatus::Deferred { error },
                Outcome::Failed {
                    status,
                    error,
                    remote,
                } => {
                    newly_failed.push(i);
                    RcptStatus::Failed {
                        error,
                        status,
                        remote,
                    }
                }
            };
        }
    }
    // Expire what has waited too long.
    let age = Duration::from_secs(crate::time::unix_now().saturating_sub(env.received_at));
    if age >= cfg.delivery.max_queue_lifetime {
        for (i, s) in state.rcpts.iter_mut().enumerate() {
            if let RcptStatus::Deferred { error } = s {
                *s = RcptStatus::Failed {
                    error: format!(
                        "message expired after {}s in the queue; last error: {error}",
                        age.as_secs()
                    ),
                    status: "4.4.7".into(),
                    remote: None,
                };
                newly_failed.push(i);
            }
        }
    }
    send_dsn(
        &ctx,
        &sched,
        &env,
        &state,
        &newly_failed,
        DsnAction::Failed,
        &message,
        &settings,
    )
    .await;
    if let Some(warn_after) = cfg.delivery.delay_warning
        && !state.delay_warned
        && age >= warn_after
    {
        let delayed: Vec<usize> = (0..state.rcpts.len())
            .filter(|i| matches!(state.rcpts[*i], RcptStatus::Deferred { .. }))
            .collect();
        if !delayed.is_empty() {
            send_dsn(
                &ctx,
                &sched,
                &env,
                &state,
                &delayed,
                DsnAction::Delayed,
                &message,
                &settings,
            )
            .await;
            state.delay_warned = true;
        }
    }
    if state.is_done() {
        let spool = ctx.spool.clone();
        let id = env.id.clone();
        match tokio::task::spawn_blocking(move || spool.remove(&id)).await {
            Ok(Ok(())) => {
                debug!("message finished and removed");
                return None;
            }
            _ => {
                error!("finished message could not be removed; will look again");
            }
        }
    }
    Some(reschedule(&ctx, &env, state))
}

/// Next try per the retry schedule plus up to 10% jitter, persisted.
fn reschedule(ctx: &Context, env: &Envelope, mut state: DeliveryState) -> DeliveryState {
    let settings = ctx.settings.get();
    let retry = &settings.delivery.retry;
    let step = retry[(state.attempts.max(1) as usize - 1).min(retry.len() - 1)];
    let base = step.as_millis() as u64;
    let mut r = [0u8; 4];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut r);
    let jitter = if base >= 10 {
        u32::from_le_bytes(r) as u64 % (base / 10)
    } else {
        0
    };
    state.next_attempt = now_ms() + base + jitter;
    if let Err(e) = ctx.spool.save_state(&env.id, &state) {
        error!(error = %e, "cannot save delivery state; a retry may repeat finished recipients");
    }
    let pending = state.rcpts.iter().filter(|s| !s.is_final()).count();
    info!(
        pending,
        attempts = state.attempts,
        next_in_ms = base + jitter,
        "deferred"
    );
    state
}

#[allow(clippy::too_many_arguments)]
async fn send_dsn(
    ctx: &Arc<Context>,
    sched: &Handle,
    env: &Envelope,
    state: &DeliveryState,
    which: &[usize],
    action: DsnAction,
    message: &[u8],
    settings: &Settings,
) {
    if which.is_empty() || env.sender.is_none() || env.is_dsn {
        if !which.is_empty() && action == DsnAction::Failed {
            info!(count = which.len(), "no DSN for a null-sender message");
        }
        return;
    }
    let rcpts: Vec<DsnRecipient> = which
        .iter()
        .filter(|i| dsn::wanted(&env.recipients[**i], action))
        .map(|i| {
            let (status, diagnostic, remote) = match &state.rcpts[*i] {
                RcptStatus::Failed {
                    error,
                    status,
                    remote,
                } => (status.clone(), error.clone(), remote.clone()),
                RcptStatus::Deferred { error } => ("4.0.0".to_string(), error.clone(), None),
                _ => ("2.0.0".to_string(), String::new(), None),
            };
            DsnRecipient {
                rcpt: &env.recipients[*i],
                action,
                status,
                diagnostic,
                remote,
            }
        })
        .collect();
    if rcpts.is_empty() {
        return;
    }
    let hostname = &settings.hostname;
    let Some(bytes) = dsn::build(hostname, env, &rcpts, message, crate::time::unix_now()) else {
        return;
    };
    let Some(sender) = env.sender.clone() else {
        return;
    };
    let id = QueueId::generate();
    let dsn_env = Envelope {
        id: id.clone(),
        sender: None,
        params: Default::default(),
        recipients: vec![crate::proto::params::Recipient {
            address: sender,
            params: Default::default(),
        }],
        received_at: crate::time::unix_now(),
        client: crate::spool::ClientInfo {
            ip: "127.0.0.1".into(),
            helo: hostname.clone(),
            tls: None,
            authorized_by: "local:dsn".into(),
        },
        verdict: crate::dlp::Verdict::clean(),
        message_sha256: crate::proto::hash::sha256_hex(&bytes),
        size: bytes.len() as u64,
        is_dsn: true,
    };
    let spool = ctx.spool.clone();
    let (e2, b2) = (dsn_env.clone(), bytes.clone());
    match tokio::task::spawn_blocking(move || spool.commit(&e2, &b2)).await {
        Ok(Ok(())) => {
            ctx.audit.record(Event::new(
                "dsn",
                Some(&env.id),
                json!({"dsn_queue_id": id.as_str(), "action": format!("{action:?}").to_lowercase(), "recipients": rcpts.len()}),
            ));
            info!(dsn = %id, action = ?action, recipients = rcpts.len(), "DSN queued");
            sched.submit(dsn_env, Some(Arc::new(bytes)));
        }
        _ => error!("could not queue DSN; the sender will not be told"),
    }
}

fn audit_report(
    audit: &AuditLog,
    env: &Envelope,
    domain: &str,
    level: crate::config::TlsLevel,
    report: &crate::outbound::Report,
    settings: &Settings,
) {
    let count = |f: fn(&Outcome) -> bool| report.outcomes.iter().filter(|o| f(o)).count();
    let delivered = count(|o| matches!(o, Outcome::Delivered { .. }));
    let deferred = count(|o| matches!(o, Outcome::Deferred { .. }));
    let failed = count(|o| matches!(o, Outcome::Failed { .. }));
    let event = if delivered == report.outcomes.len() {
        "delivered"
    } else if failed > 0 {
        "failed"
    } else {
        "deferred"
    };
    let mut fields = json!({
        "recipient_domain": domain,
        "route": "tls",
        "tls_level": level.to_string(),
        "mx_host": report.remote,
        "tls": report.tls,
        "delivered": delivered,
        "deferred": deferred,
        "failed": failed,
    });
    if settings.log_recipients {
        let rcpts: Vec<String> = env
            .recipients
            .iter()
            .filter(|r| r.address.domain == domain)
            .map(|r| r.address.to_string())
            .collect();
        fields["recipients"] = json!(rcpts);
    }
    audit.record(Event::new(event, Some(&env.id), fields).sha256(&env.message_sha256));
    info!(
        domain,
        remote = report.remote.as_deref().unwrap_or("-"),
        tls = report.tls.as_deref().unwrap_or("none"),
        delivered,
        deferred,
        failed,
        "{event}"
    );
}
