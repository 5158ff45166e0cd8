//! The queue scheduler: decides when each message is tried, splits it by
//! recipient domain, and records every outcome before acting on it.
//!
//! Order of writes is what makes a crash harmless: a failure DSN is
//! committed to the spool before the failed recipient's state is saved, and
//! the state is saved before the message file is removed. Any crash repeats
//! work (a duplicate delivery or DSN) but never loses it. A DSN the spool
//! cannot take is owed (`DeliveryState::dsn_owed`): the message stays
//! queued and the DSN is tried again at each retry until it is committed.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinSet;
use tracing::{Instrument, debug, error, info, info_span, warn};

use super::Settings;
use super::evidence::{self, audit_report};
use super::logline::{self, Line, Status};
use crate::audit::{AuditLog, Event};
use crate::live::Live;
use crate::ops::metrics::{Metrics, QueueCensus};
use crate::outbound::dsn::{self, DsnAction, DsnRecipient};
use crate::outbound::{Batch, Outcome, Report};
use crate::policy::{self, Demands, Levels, Overrides, Route};
use crate::spool::{DeliveryState, Envelope, QueueId, Queued, RcptStatus, Spool, SpoolError};

/// Admin operations on one message (`sealgate queue ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Retry,
    Hold,
    Release,
    Delete,
}

/// How often, at most, the queue gauges are recounted.
const CENSUS_EVERY: Duration = Duration::from_secs(1);

enum Cmd {
    Submit(Box<Envelope>, Option<Arc<Vec<u8>>>, Option<DeliveryState>),
    Done(QueueId, Option<DeliveryState>),
    Control(
        QueueId,
        Op,
        super::control::Actor,
        oneshot::Sender<Result<String, String>>,
    ),
    /// A queue file still cannot be read: try again later.
    Unreadable(QueueId),
    /// An unreadable queue file is gone or was quarantined: stop trying.
    Forget(QueueId),
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
    /// Set once at start when `[portal]` is configured; it needs the
    /// scheduler's handle to send its mail, hence set after `new`.
    pub portal: std::sync::OnceLock<Arc<crate::portal::Portal>>,
    /// Delivery outcomes, routes, TLS, latency and the queue's depth.
    pub metrics: Arc<Metrics>,
}

pub struct Scheduler {
    ctx: Arc<Context>,
    rx: mpsc::UnboundedReceiver<Cmd>,
    tx: mpsc::UnboundedSender<Cmd>,
    entries: HashMap<QueueId, Entry>,
    /// Queue files that could not be read (I/O error): id → (tries, next try).
    unreadable: HashMap<QueueId, (u32, u64)>,
    timers: BinaryHeap<Reverse<(u64, QueueId)>>,
    tasks: JoinSet<()>,
    /// The table changed since the queue gauges were last set.
    census_due: bool,
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
                unreadable: HashMap::new(),
                timers: BinaryHeap::new(),
                tasks: JoinSet::new(),
                census_due: true,
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

    /// Queue files start-up could not read for an I/O reason: they stay in
    /// `queue/` and are read again on the retry schedule until they read
    /// (then they are delivered), turn out damaged (then quarantined), or go.
    pub fn recover_unreadable(&mut self, files: Vec<(QueueId, SpoolError)>) {
        for (id, e) in files {
            warn!(queue_id = %id, error = %e, "queue file cannot be read; it stays queued and will be read again");
            self.read_later(id);
        }
    }

    fn read_later(&mut self, id: QueueId) {
        let tries = self.unreadable.get(&id).map_or(0, |(n, _)| *n) + 1;
        let at = now_ms() + retry_step(&self.ctx.settings.get(), tries).as_millis() as u64;
        self.unreadable.insert(id.clone(), (tries, at));
        self.timers.push(Reverse((at, id)));
    }

    /// Reads an unreadable queue file again, off the scheduler's task.
    fn reread(&mut self, id: QueueId) {
        let ctx = self.ctx.clone();
        let tx = self.tx.clone();
        self.tasks.spawn(async move {
            let spool = ctx.spool.clone();
            let lookup = id.clone();
            let read = tokio::task::spawn_blocking(move || {
                spool.load(&lookup).map(|(env, msg)| {
                    let state = spool.load_state(&env);
                    (env, msg, state)
                })
            })
            .await;
            let cmd = match read {
                Ok(Ok((env, msg, state))) => {
                    info!(queue_id = %id, "queue file reads again; back in the queue");
                    Cmd::Submit(Box::new(env), Some(Arc::new(msg)), Some(state))
                }
                Ok(Err(SpoolError::NotFound(_))) => {
                    info!(queue_id = %id, "unreadable queue file is gone");
                    Cmd::Forget(id)
                }
                Ok(Err(e)) if e.is_corrupt() => {
                    match ctx.spool.quarantine(&id) {
                        Ok(()) => {
                            error!(queue_id = %id, error = %e, "damaged queue file moved to spool/corrupt; it will not be delivered");
                            ctx.audit
                                .record(Event::new("corrupt", Some(&id), json!({})));
                        }
                        Err(q) => {
                            error!(queue_id = %id, error = %e, quarantine = %q, "damaged queue file could not be moved aside")
                        }
                    }
                    Cmd::Forget(id)
                }
                Ok(Err(e)) => {
                    warn!(queue_id = %id, error = %e, "queue file still cannot be read; will try again");
                    Cmd::Unreadable(id)
                }
                Err(e) => {
                    warn!(queue_id = %id, error = %e, "reading the queue file failed; will try again");
                    Cmd::Unreadable(id)
                }
            };
            let _ = tx.send(cmd);
        });
    }

    fn insert(
        &mut self,
        envelope: Envelope,
        message: Option<Arc<Vec<u8>>>,
        mut state: DeliveryState,
    ) {
        let id = envelope.id.clone();
        if self.ctx.portal.get().is_some()
            && state.next_attempt == u64::MAX
            && state
                .rcpts
                .iter()
                .any(|r| matches!(r, RcptStatus::Portal { .. }))
        {
            // Held for a portal that was off; it is on now.
            state.next_attempt = now_ms();
        }
        self.unreadable.remove(&id);
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
        let mut census = tokio::time::interval(CENSUS_EVERY);
        census.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
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
                _ = census.tick(), if self.census_due => self.census(),
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

    /// Sets the queue gauges from the table: one pass over what is in
    /// memory, at most once per `CENSUS_EVERY` and only after a change, so
    /// a large queue costs the scheduler next to nothing.
    fn census(&mut self) {
        self.census_due = false;
        let mut c = QueueCensus {
            unreadable: self.unreadable.len() as u64,
            ..QueueCensus::default()
        };
        for e in self.entries.values() {
            let s = &e.state;
            let n = if s.held {
                &mut c.held
            } else if s.next_attempt == u64::MAX {
                &mut c.portal
            } else if s.attempts == 0 {
                &mut c.queued
            } else {
                &mut c.deferred
            };
            *n += 1;
        }
        self.ctx.metrics.queue(c);
    }

    fn command(&mut self, c: Cmd) {
        self.census_due = true;
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
            Cmd::Unreadable(id) => self.read_later(id),
            Cmd::Forget(id) => {
                self.unreadable.remove(&id);
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
                if self.unreadable.get(&id).is_some_and(|(_, at)| *at == t) {
                    self.reread(id);
                }
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

    // Pending recipients by domain, in a stable order. Domains are grouped
    // and routed by their normalized spelling (`portal.test.` is
    // `portal.test`); each recipient keeps the address it was given.
    let mut by_domain: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in env.recipients.iter().enumerate() {
        if state.rcpts[i].awaits_delivery() {
            by_domain
                .entry(routing_domain(&r.address.domain))
                .or_default()
                .push(i);
        }
    }
    let levels = Levels {
        phi_tls: cfg.delivery.phi_tls,
        default_tls: cfg.delivery.default_tls,
    };
    let demands = Demands {
        requiretls: env.params.requiretls,
        tls_optional: crate::proto::header::Header::parse(&message).tls_required_no(),
        portal_mail: match env.origin {
            crate::spool::Origin::Relay => policy::PortalMail::No,
            crate::spool::Origin::PortalNotice => policy::PortalMail::Notice,
            crate::spool::Origin::PortalReply => policy::PortalMail::Reply,
        },
    };
    let unix = crate::time::unix_now();
    let mut set = JoinSet::new();
    for (domain, idx) in by_domain {
        let over = cfg.delivery.routes.iter().find(|r| r.domain == domain);
        let overrides = Overrides {
            tls: over.and_then(|o| o.tls),
            portal_domain: cfg.delivery.portal_domains.contains(&domain),
        };
        let capability = if over.is_some_and(|o| o.next_hop.is_some()) {
            // An admin's next hop is not the domain's MX: nothing learned applies.
            policy::Capability::default()
        } else {
            settings.outbound.store().capability(&domain, unix)
        };
        let route = policy::route(&env.verdict, capability, &levels, overrides, demands);
        let next_hop = over.and_then(|o| o.next_hop.clone());
        let tls_name = over.and_then(|o| o.tls_name.clone());
        let (ctx, env, message, settings) =
            (ctx.clone(), env.clone(), message.clone(), settings.clone());
        set.spawn(
            async move {
                let report = match route {
                    Route::Portal(reason) => {
                        let report = Report::all(
                            idx.len(),
                            Outcome::Portal {
                                status: "2.7.0".into(),
                                reason: evidence::portal_words(reason),
                            },
                        );
                        audit_report(&ctx.audit, &env, &domain, None, reason.as_str(), &report);
                        evidence::count(&ctx.metrics, None, reason.as_str(), &report);
                        report
                    }
                    Route::Tls(tls) => {
                        let signed = settings
                            .dkim
                            .sign(env.sender.as_ref().map(|s| s.domain.as_str()), &message);
                        let report = match signed {
                            Ok(signed) => {
                                let batch = Batch {
                                    domain: &domain,
                                    sender: env.sender.as_ref(),
                                    params: &env.params,
                                    rcpts: idx.iter().map(|i| &env.recipients[*i]).collect(),
                                    message: &signed,
                                    route: tls,
                                    next_hop: next_hop.as_deref(),
                                    tls_name: tls_name.as_deref(),
                                };
                                let started = std::time::Instant::now();
                                let report = settings.outbound.deliver(batch).await;
                                ctx.metrics.delivery_time(started.elapsed());
                                report
                            }
                            // Unsigned mail refused by config, or a signing
                            // failure: held, retried, in the log.
                            Err(e) => {
                                Report::all(idx.len(), Outcome::deferred("4.7.5", e.to_string()))
                            }
                        };
                        let connect = policy::PortalReason::Connect.as_str();
                        audit_report(&ctx.audit, &env, &domain, Some(tls.level), connect, &report);
                        evidence::count(&ctx.metrics, Some(tls.level), connect, &report);
                        report
                    }
                };
                (idx, report)
            }
            .instrument(tracing::Span::current()),
        );
    }
    let now = now_ms();
    let how = cfg.recipients_in_logs;
    let mut newly_failed = Vec::new();
    while let Some(res) = set.join_next().await {
        let Ok((idx, report)) = res else {
            error!("delivery task failed; recipients stay pending");
            continue;
        };
        let Report {
            outcomes,
            relay,
            tls,
            ..
        } = report;
        // Seconds from receipt to this result, as Postfix's delay=.
        let delay = crate::time::unix_now().saturating_sub(env.received_at);
        let line = |i: usize, dsn: &str, status: Status, text: &str| {
            logline::write(
                &Line {
                    rcpt: &env.recipients[i].address,
                    relay: relay.as_deref(),
                    delay_secs: delay,
                    dsn,
                    status,
                    text,
                    tls: tls.as_ref(),
                },
                how,
            )
        };
        for (i, o) in idx.into_iter().zip(outcomes) {
            state.rcpts[i] = match o {
                Outcome::Delivered {
                    remote,
                    reply,
                    status,
                } => {
                    line(i, &status, Status::Sent, &reply);
                    RcptStatus::Delivered {
                        at: now / 1000,
                        remote,
                    }
                }
                Outcome::Deferred { status, error } => {
                    line(i, &status, Status::Deferred, &error);
                    RcptStatus::Deferred { error }
                }
                Outcome::Portal { status, reason } => {
                    line(i, &status, Status::Portal, &reason);
                    RcptStatus::Portal {
                        at: now / 1000,
                        reason,
                    }
                }
                Outcome::Failed {
                    status,
                    error,
                    remote,
                } => {
                    line(i, &status, Status::Bounced, &error);
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
    hand_off(&ctx, &env, &mut state, &message).await;
    // Expire what has waited too long.
    let age = Duration::from_secs(crate::time::unix_now().saturating_sub(env.received_at));
    if age >= cfg.delivery.max_queue_lifetime {
        let before = newly_failed.len();
        for (i, s) in state.rcpts.iter_mut().enumerate() {
            if let RcptStatus::Deferred { error } = s {
                let error = format!(
                    "message expired after {}s in the queue; last error: {error}",
                    age.as_secs()
                );
                logline::write(
                    &Line {
                        rcpt: &env.recipients[i].address,
                        relay: None,
                        delay_secs: age.as_secs(),
                        dsn: "4.4.7",
                        status: Status::Bounced,
                        text: &error,
                        tls: None,
                    },
                    how,
                );
                *s = RcptStatus::Failed {
                    error,
                    status: "4.4.7".into(),
                    remote: None,
                };
                newly_failed.push(i);
            }
        }
        let expired = &newly_failed[before..];
        if !expired.is_empty() {
            evidence::expired(&ctx.audit, &ctx.metrics, &env, expired, age);
        }
    }
    // Failed recipients owe a DSN until one is committed; the owed list is
    // saved with the state, so neither a full spool nor a restart drops it.
    for i in newly_failed {
        if !state.dsn_owed.contains(&i) {
            state.dsn_owed.push(i);
        }
    }
    if !state.dsn_owed.is_empty() {
        let owed = state.dsn_owed.clone();
        let sent = send_dsn(
            &ctx,
            &sched,
            &env,
            &state,
            &owed,
            DsnAction::Failed,
            &message,
            &settings,
        )
        .await;
        match sent {
            Ok(()) => state.dsn_owed.clear(),
            Err(e) => error!(
                error = %e,
                recipients = owed.len(),
                "could not queue DSN; the message stays queued and the DSN will be tried again"
            ),
        }
    }
    if let Some(warn_after) = cfg.delivery.delay_warning
        && !state.delay_warned
        && age >= warn_after
    {
        let delayed: Vec<usize> = (0..state.rcpts.len())
            .filter(|i| matches!(state.rcpts[*i], RcptStatus::Deferred { .. }))
            .collect();
        if !delayed.is_empty() {
            let sent = send_dsn(
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
            match sent {
                Ok(()) => state.delay_warned = true,
                Err(e) => {
                    warn!(error = %e, "could not queue the delay DSN; will try again")
                }
            }
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

/// The key routes are looked up by. The address parser refuses domains that
/// do not normalize, so the fallback only serves messages spooled before it.
pub(super) fn routing_domain(domain: &str) -> String {
    crate::proto::address::normalize_domain(domain).unwrap_or_else(|_| domain.to_string())
}

/// The wait after the `attempts`-th try: the retry schedule's step, the
/// last one repeating.
fn retry_step(settings: &Settings, attempts: u32) -> Duration {
    let retry = &settings.delivery.retry;
    let i = (attempts.max(1) as usize - 1).min(retry.len().saturating_sub(1));
    retry.get(i).copied().unwrap_or(Duration::from_secs(60))
}

/// Next try per the retry schedule plus up to 10% jitter, persisted.
fn reschedule(ctx: &Context, env: &Envelope, mut state: DeliveryState) -> DeliveryState {
    let settings = ctx.settings.get();
    let base = retry_step(&settings, state.attempts).as_millis() as u64;
    let mut r = [0u8; 4];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut r);
    let jitter = if base >= 10 {
        u32::from_le_bytes(r) as u64 % (base / 10)
    } else {
        0
    };
    state.next_attempt = now_ms() + base + jitter;
    let waiting = state.rcpts.iter().any(RcptStatus::awaits_delivery)
        || (ctx.portal.get().is_some()
            && state
                .rcpts
                .iter()
                .any(|r| matches!(r, RcptStatus::Portal { .. })));
    if !waiting && state.dsn_owed.is_empty() {
        // Only portal hand-offs are left: SMTP has nothing more to try, so
        // no timer; the message stays for the portal (and `queue list`).
        state.next_attempt = u64::MAX;
    }
    if let Err(e) = ctx.spool.save_state(&env.id, &state) {
        error!(error = %e, "cannot save delivery state; a retry may repeat finished recipients");
    }
    let pending = state.rcpts.iter().filter(|s| s.awaits_delivery()).count();
    let portal = state
        .rcpts
        .iter()
        .filter(|s| matches!(s, RcptStatus::Portal { .. }))
        .count();
    if pending == 0 && state.dsn_owed.is_empty() {
        info!(portal, "all recipients settled; held for the portal");
        return state;
    }
    info!(
        pending,
        portal,
        dsn_owed = state.dsn_owed.len(),
        attempts = state.attempts,
        next_in_ms = base + jitter,
        "next attempt scheduled"
    );
    state
}

/// Moves the recipients routed to the portal into it, when it is on. A
/// recipient becomes `in-portal` only after the portal has its copy and
/// the notification is queued; a failure leaves it `portal`, to be tried
/// again at the next attempt.
async fn hand_off(
    ctx: &Arc<Context>,
    env: &Arc<Envelope>,
    state: &mut DeliveryState,
    message: &Arc<Vec<u8>>,
) {
    let Some(portal) = ctx.portal.get().cloned() else {
        return;
    };
    let want: Vec<usize> = (0..state.rcpts.len().min(env.recipients.len()))
        .filter(|i| matches!(state.rcpts[*i], RcptStatus::Portal { .. }))
        .collect();
    if want.is_empty() {
        return;
    }
    let (e, m) = (env.clone(), message.clone());
    let done = tokio::task::spawn_blocking(move || {
        want.into_iter()
            .map(|i| (i, portal.hand_off(&e, i, &m)))
            .collect::<Vec<_>>()
    })
    .await;
    let Ok(done) = done else {
        error!("portal hand-off task failed; will try again");
        return;
    };
    let at = crate::time::unix_now();
    for (i, r) in done {
        match r {
            Ok(portal_id) => {
                info!(portal_id = %portal_id, "recipient handed to the portal");
                state.rcpts[i] = RcptStatus::InPortal { at, portal_id };
            }
            Err(e) => error!(error = %e, "portal hand-off failed; will try again"),
        }
    }
}

/// Why a DSN could not be queued; the DSN stays owed.
#[derive(Debug, thiserror::Error)]
enum DsnError {
    #[error("{0}")]
    Spool(#[from] SpoolError),
    #[error("the spool task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Queues a DSN about `which` recipients. Ok when it is committed or none
/// is due (null sender, a DSN itself, NOTIFY); Err when the spool could not
/// take it, and then the caller keeps it owed.
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
) -> Result<(), DsnError> {
    if which.is_empty() || env.sender.is_none() || env.is_dsn {
        if !which.is_empty() && action == DsnAction::Failed {
            info!(count = which.len(), "no DSN for a null-sender message");
        }
        return Ok(());
    }
    let rcpts: Vec<DsnRecipient> = which
        .iter()
        // Indexes come from a state file: never trust them to be in range.
        .filter(|i| **i < env.recipients.len() && **i < state.rcpts.len())
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
        return Ok(());
    }
    let hostname = &settings.hostname;
    let Some(bytes) = dsn::build(hostname, env, &rcpts, message, crate::time::unix_now()) else {
        return Ok(());
    };
    let Some(sender) = env.sender.clone() else {
        return Ok(());
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
        // The original's TLS floor: a bounce about PHI leaves at phi_tls.
        verdict: dsn::verdict_for(&env.verdict),
        message_sha256: crate::proto::hash::sha256_hex(&bytes),
        size: bytes.len() as u64,
        origin: Default::default(),
        is_dsn: true,
    };
    let spool = ctx.spool.clone();
    let (e2, b2) = (dsn_env.clone(), bytes.clone());
    tokio::task::spawn_blocking(move || spool.commit(&e2, &b2)).await??;
    let action = match action {
        DsnAction::Failed => "failed",
        DsnAction::Delayed => "delayed",
    };
    ctx.audit.record(Event::new(
        "dsn",
        Some(&env.id),
        json!({"dsn_queue_id": id.as_str(), "action": action, "recipients": rcpts.len(), "secure": dsn_env.verdict.phi}),
    ));
    info!(dsn = %id, action, recipients = rcpts.len(), secure = dsn_env.verdict.phi, "DSN queued");
    sched.submit(dsn_env, Some(Arc::new(bytes)));
    Ok(())
}
