//! DATA and BDAT, and the step that turns received bytes into a queued
//! message: trace header, `dlp::scan`, `spool::commit`, and only then 250.

use std::sync::Arc;

use serde_json::json;
use tracing::{error, info, warn};

use super::body::{BodyProblem, BodyReader};
use super::budget::Charge;
use super::disk;
use super::io::{ConnError, DataClock};
use super::relay::FromRefusal;
use super::session::{Flow, Session, Transaction};
use crate::audit::Event;
use crate::dlp::{Action, Verdict};
use crate::proto::header::Header;

/// Backstop for a scanner that fails to bound itself.
const SCAN_BACKSTOP: std::time::Duration = std::time::Duration::from_secs(60);

/// Sets its flag when dropped: tells a running scan that nobody waits for
/// its verdict any more, whether the wait ended normally, timed out, or the
/// session future itself was dropped mid-wait.
#[derive(Default)]
struct CancelOnDrop(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}
use crate::spool::{ClientInfo, Envelope};

/// A message being received: its content so far, its share of the memory
/// budget, and the clock its content must keep up with.
pub(super) struct Incoming {
    reader: BodyReader,
    charge: Charge,
    clock: DataClock,
    /// The size limit this message is read against, for the 552.
    size_limit: u64,
}

impl Incoming {
    /// Feeds content, keeping the budget charge ahead of the reader's buffer:
    /// the growth is charged before it happens, so the budget is never
    /// passed, not even for a moment. In DATA mode returns `Some(n)` once the
    /// end of data was consumed, `n` being the bytes of `buf` used.
    fn feed(&mut self, buf: &[u8], limit: u64) -> Option<usize> {
        if self.reader.problem().is_some() {
            // Refused already: nothing is kept, only the end is looked for.
            let end = self.reader.feed(buf);
            self.clock.received(end.unwrap_or(buf.len()));
            return end;
        }
        let mut done = 0;
        while done < buf.len() {
            // At most the buffer's capacity at a time: one feed then grows
            // the buffer at most once, to at most twice its capacity.
            let step = (buf.len() - done).min(self.reader.held().max(4096));
            let cap = self.reader.held() as u64;
            let needed = (self.reader.len() as u64 + step as u64).min(self.size_limit);
            let ahead = if needed <= cap {
                cap
            } else {
                (cap * 2).max(needed)
            };
            if !self.charge.set(ahead, limit) {
                self.reader.refuse(BodyProblem::OverBudget);
            }
            let end = self.reader.feed(&buf[done..done + step]);
            self.charge.force(self.reader.held() as u64);
            if let Some(used) = end {
                self.clock.received(used);
                return Some(done + used);
            }
            self.clock.received(step);
            done += step;
        }
        None
    }

    /// The content, or why it is refused; the charge stays with the caller
    /// until the message is answered.
    fn finish(self) -> (Result<Vec<u8>, BodyProblem>, Charge) {
        (self.reader.finish(), self.charge)
    }
}

impl Session {
    /// Clients without a relay grant can only write to postmaster and get
    /// the smaller size limit.
    fn size_limit(&self, txn: Option<&Transaction>) -> u64 {
        let l = &self.settings.limits;
        match txn {
            Some(t) if t.grant.is_none() => l.unauthorized_max_message_size.min(l.max_message_size),
            _ => l.max_message_size,
        }
    }

    /// Starts reading a message, already refused when the spool's disk is
    /// low or the memory budget cannot take its first buffer.
    fn incoming(&self, dotted: bool) -> Incoming {
        let l = &self.settings.limits;
        let txn = self.txn.as_ref();
        let size_limit = self.size_limit(txn);
        let mut reader = BodyReader::new(
            dotted,
            size_limit,
            l.max_line_length,
            l.bare_newline,
            Vec::with_capacity(32 * 1024),
        );
        let mut charge = self.shared.in_flight.charge();
        let declared = txn.and_then(|t| t.params.size).unwrap_or(0);
        if !disk::has_room(self.shared.spool.root(), declared, l.min_free_disk) {
            warn!(parent: &self.span, "spool file system below limits.min_free_disk; message refused");
            reader.refuse(BodyProblem::DiskFull);
        } else if !charge.set(reader.held() as u64, l.max_in_flight_bytes) {
            reader.refuse(BodyProblem::OverBudget);
        }
        Incoming {
            reader,
            charge,
            clock: DataClock::start(l.data_timeout, l.min_data_rate),
            size_limit,
        }
    }

    pub(super) async fn data(&mut self) -> Flow {
        if self.chunking.is_some() {
            return self.error("503 5.5.1 DATA not allowed after BDAT");
        }
        match &self.txn {
            None => return self.error("503 5.5.1 Need MAIL command first"),
            Some(t) if t.rcpts.is_empty() => return self.error("554 5.5.1 No valid recipients"),
            Some(_) => {}
        }
        let mut incoming = self.incoming(true);
        if let Some(p @ (BodyProblem::DiskFull | BodyProblem::OverBudget)) =
            incoming.reader.problem()
        {
            // Refused before any content is sent: the client keeps it.
            info!(parent: &self.span, problem = p.code(), "DATA refused for now");
            self.shared.metrics.refused(p.code());
            let l = &self.settings.limits;
            self.conn
                .reply(&p.reply(incoming.size_limit, l.max_line_length));
            return Flow::Continue;
        }
        self.conn.reply("354 End data with <CR><LF>.<CR><LF>");
        let limit = self.settings.limits.max_in_flight_bytes;
        loop {
            if let Some(used) = incoming.feed(self.conn.buffered(), limit) {
                self.conn.consume(used);
                break;
            }
            let n = self.conn.buffered().len();
            self.conn.consume(n);
            match self.conn.fill_by(incoming.clock.deadline()).await {
                Ok(0) | Err(ConnError::Closed) => return self.lost_connection("DATA"),
                Ok(_) => {}
                Err(ConnError::Timeout) => {
                    info!(parent: &self.span, "DATA too slow or stalled; closing");
                    self.conn
                        .reply("421 4.4.2 Timeout during DATA, closing connection");
                    return Flow::Close;
                }
                Err(_) => return self.lost_connection("DATA"),
            }
        }
        let (body, charge) = incoming.finish();
        let flow = self.finish(body).await;
        // The budget share is held until the message is answered.
        drop(charge);
        flow
    }

    pub(super) async fn bdat(&mut self, size: u64, last: bool) -> Flow {
        let usable = matches!(&self.txn, Some(t) if !t.rcpts.is_empty());
        // The chunk must be read whatever we answer (RFC 3030 §2), or its
        // bytes would be taken for commands.
        let mut incoming = match self.chunking.take() {
            Some(incoming) => incoming,
            None => self.incoming(false),
        };
        let limit = self.settings.limits.max_in_flight_bytes;
        let mut left = size;
        while left > 0 {
            if self.conn.buffered().is_empty() {
                match self.conn.fill_by(incoming.clock.deadline()).await {
                    Ok(0) | Err(ConnError::Closed) => return self.lost_connection("BDAT"),
                    Ok(_) => {}
                    Err(ConnError::Timeout) => {
                        info!(parent: &self.span, "BDAT too slow or stalled; closing");
                        self.conn
                            .reply("421 4.4.2 Timeout during BDAT, closing connection");
                        return Flow::Close;
                    }
                    Err(_) => return self.lost_connection("BDAT"),
                }
            }
            let take = (self.conn.buffered().len() as u64).min(left) as usize;
            if usable {
                incoming.feed(&self.conn.buffered()[..take], limit);
            }
            self.conn.consume(take);
            left -= take as u64;
        }
        if !usable {
            return match &self.txn {
                None => self.error("503 5.5.1 Need MAIL command first"),
                Some(_) => self.error("554 5.5.1 No valid recipients"),
            };
        }
        if !last {
            if let Some(p) = incoming.reader.problem() {
                // Refuse now and forget the transaction: the client learns
                // early and the rest of its chunks meet "need MAIL".
                let r = p.reply(incoming.size_limit, self.settings.limits.max_line_length);
                self.shared.metrics.message_received();
                self.shared.metrics.refused(p.code());
                self.reset();
                if p.is_local() {
                    return self.ok(&r);
                }
                return self.error(&r);
            }
            self.chunking = Some(incoming);
            return self.ok(&format!("250 2.0.0 {size} octets received"));
        }
        let (body, charge) = incoming.finish();
        let flow = self.finish(body).await;
        drop(charge);
        flow
    }

    fn lost_connection(&mut self, phase: &str) -> Flow {
        info!(parent: &self.span, phase, "client disconnected mid-message; nothing kept");
        self.reset();
        Flow::Close
    }

    /// Trace header (RFC 5321 §4.4), scan, commit, then answer.
    async fn finish(&mut self, body: Result<Vec<u8>, BodyProblem>) -> Flow {
        self.chunking = None;
        let Some(txn) = self.txn.take() else {
            return self.error("503 5.5.1 Need MAIL command first");
        };
        let metrics = self.shared.metrics.clone();
        metrics.message_received();
        let body = match body {
            Ok(b) => b,
            Err(p) => {
                let size_limit = self.size_limit(Some(&txn));
                info!(parent: &txn.span, problem = p.code(), "message refused");
                metrics.refused(p.code());
                self.shared.audit.record(Event::new(
                    "refused",
                    Some(&txn.id),
                    json!({"reason": p.code()}),
                ));
                let r = p.reply(size_limit, self.settings.limits.max_line_length);
                if p.is_local() {
                    self.conn.reply(&r);
                    return Flow::Continue;
                }
                return self.error(&r);
            }
        };
        if let Some(refused) = self.refuse_by_header(&txn, &body) {
            return refused;
        }
        let received = self.received_header(&txn);
        // The trace header goes in front of the content in place: a copy
        // would double the message's memory for a moment.
        let mut message = body;
        message.reserve_exact(received.len());
        message.splice(0..0, received.bytes());
        let message = Arc::new(message);
        let l = &self.settings.limits;
        if !disk::has_room(
            self.shared.spool.root(),
            message.len() as u64,
            l.min_free_disk,
        ) {
            warn!(parent: &txn.span, "spool file system below limits.min_free_disk; message refused");
            metrics.refused(BodyProblem::DiskFull.code());
            self.conn
                .reply(&BodyProblem::DiskFull.reply(0, l.max_line_length));
            return Flow::Continue;
        }

        // Scans run on a pool as large as the CPUs: a hundred messages
        // arriving at once wait their turn instead of all expanding their
        // MIME parts and attachments in memory at the same time.
        let Ok(permit) = self.shared.scans.clone().acquire_owned().await else {
            metrics.refused("scan_failed");
            self.conn
                .reply("451 4.3.0 Local error in content scanning; try again later");
            return Flow::Continue;
        };
        let scanner = self.settings.scanner.clone();
        let scan_input = message.clone();
        // The scanner bounds itself; this is the backstop for a bug in it.
        // Fail closed: a scan that does not finish makes the message secure.
        // The permit goes with the scan, so one that outlives the backstop
        // still holds its place in the pool, but the scan polls `cancel`:
        // once this session stops waiting (backstop hit, or the session
        // dropped because its client left or the gateway stops), the scan
        // ends within a chunk of text and frees its slot.
        let cancel = CancelOnDrop::default();
        let flag = cancel.0.clone();
        let timer = metrics.clone();
        let scan = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let started = std::time::Instant::now();
            let verdict = scanner.scan_cancellable(&scan_input, &flag);
            timer.scan_time(started.elapsed());
            verdict
        });
        let waited = tokio::time::timeout(SCAN_BACKSTOP, scan).await;
        drop(cancel);
        let verdict = match waited {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => {
                error!(parent: &txn.span, error = %e, "scanner failed");
                metrics.refused("scan_failed");
                self.conn
                    .reply("451 4.3.0 Local error in content scanning; try again later");
                return Flow::Continue;
            }
            Err(_) => {
                error!(parent: &txn.span, "scan exceeded its time bound; treating the message as PHI");
                Verdict {
                    phi: true,
                    action: Action::Secure,
                    unscanned: vec!["scan timeout".into()],
                    ..Verdict::clean()
                }
            }
        };
        let sha = crate::proto::hash::sha256_hex(&message);
        let scanned = crate::audit::events::Scanned {
            phi: verdict.phi,
            score: verdict.score,
            action: verdict.action.as_str(),
            hits: verdict
                .hits
                .iter()
                .map(|h| crate::audit::events::Hit {
                    rule: &h.rule,
                    count: h.count,
                    monitor: h.monitor,
                })
                .collect(),
        };
        // Written together with `received` below, in one write, unless the
        // message is rejected here.
        let scanned = Event::typed("scanned", Some(&txn.id), &scanned).sha256(&sha);
        metrics.verdict(
            verdict.action.as_str(),
            verdict.hits.iter().map(|h| (h.rule.as_str(), h.monitor)),
        );
        if verdict.action == Action::Reject {
            info!(parent: &txn.span, score = verdict.score, "message rejected by DLP rules");
            metrics.refused("dlp_reject");
            self.shared.audit.record(scanned);
            let text = self.settings.reject_text.replace(['\r', '\n'], " ");
            self.conn.reply(&format!("550 5.7.1 {text}"));
            return Flow::Continue;
        }
        // A sender's force-tag ("[secure]") has done its work once it is in
        // the verdict; recipients need not see it.
        let (message, sha) = match verdict
            .forced
            .and_then(|_| self.settings.scanner.strip_tags(&message))
        {
            Some(stripped) => {
                let sha = crate::proto::hash::sha256_hex(&stripped);
                (Arc::new(stripped), sha)
            }
            None => (message, sha.clone()),
        };
        let envelope = Envelope {
            id: txn.id.clone(),
            sender: txn.from.clone(),
            params: txn.params.clone(),
            recipients: txn.rcpts.clone(),
            received_at: crate::time::unix_now(),
            client: ClientInfo {
                ip: self.client.peer.ip().to_string(),
                helo: self.client.helo.clone().unwrap_or_default(),
                tls: self.client.tls.clone(),
                authorized_by: txn
                    .grant
                    .as_ref()
                    .map(|g| g.via.clone())
                    .unwrap_or_else(|| "postmaster".into()),
            },
            verdict,
            message_sha256: sha.clone(),
            size: message.len() as u64,
            origin: Default::default(),
            is_dsn: false,
        };
        // The records are written before the spool commit and durable
        // before the 250: a message the log cannot show was accepted is
        // not accepted.
        let received = Event::typed(
            "received",
            Some(&envelope.id),
            &crate::audit::events::Received {
                client: &envelope.client.ip,
                size: envelope.size,
                recipients: envelope.recipients.len(),
                authorized_by: &envelope.client.authorized_by,
                tls: envelope.client.tls.as_deref(),
            },
        )
        .sha256(&sha);
        let seq = match self.shared.audit.append_all([scanned, received]) {
            Ok(seq) => seq,
            Err(e) => return self.not_audited(&txn, &e),
        };
        // One blocking task commits the spool file and then makes the
        // record durable; the 250 waits for both, and a message whose
        // record did not reach the disk is taken back out of the spool
        // before the scheduler sees it. The spool's fsyncs go first: on a
        // journalling file system they usually carry the record's bytes to
        // the disk too, and the record's own fdatasync, shared with the
        // sessions finishing at the same time, then has little left to do.
        let spool = self.shared.spool.clone();
        let audit = self.shared.audit.clone();
        let env2 = envelope.clone();
        let msg2 = message.clone();
        let both = tokio::task::spawn_blocking(move || {
            let committed = spool.commit(&env2, &msg2);
            (audit.sync_to(seq), committed)
        })
        .await;
        let (durable, committed) = match both {
            Ok((durable, committed)) => (durable, Ok(committed)),
            Err(e) => (Ok(()), Err(e)),
        };
        let failure = match committed {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(e) => Some(e.to_string()),
        };
        if let Err(e) = durable {
            if failure.is_none()
                && let Err(rm) = self.shared.spool.remove(&envelope.id)
            {
                // Kept and delivered after all: better than lost, and the
                // next record about it says so.
                error!(parent: &txn.span, error = %rm, "could not take back a message whose audit record failed");
            }
            return self.not_audited(&txn, &e);
        }
        if let Some(e) = failure {
            error!(parent: &txn.span, error = %e, "spool commit failed");
            metrics.refused("local_error");
            self.shared.audit.record(Event::new(
                "refused",
                Some(&envelope.id),
                json!({"reason": "local_error"}),
            ));
            self.conn
                .reply("451 4.3.0 Local error: message not accepted, try again later");
            return Flow::Continue;
        }
        info!(parent: &txn.span, size = envelope.size, recipients = envelope.recipients.len(), "queued");
        let reply = format!("250 2.0.0 Ok: queued as {}", envelope.id);
        metrics.message_accepted();
        self.shared.scheduler.submit(envelope, Some(message));
        self.conn.reply(&reply);
        Flow::Continue
    }

    /// A message the audit log cannot show was accepted is not accepted.
    fn not_audited(&mut self, txn: &Transaction, e: &crate::audit::AuditError) -> Flow {
        error!(parent: &txn.span, error = %e, "audit record not written; message not accepted");
        self.shared.metrics.refused("audit_unavailable");
        self.conn
            .reply("451 4.3.0 Local error: message not accepted, try again later");
        Flow::Continue
    }

    /// Loops and forged authors are refused before the scan: neither
    /// message may go anywhere, whatever its content. Policy refusals, not
    /// protocol errors, so they do not count toward `max_errors`.
    fn refuse_by_header(&mut self, txn: &Transaction, body: &[u8]) -> Option<Flow> {
        let header = Header::parse(body);
        let hops = header.hops();
        let max_hops = self.settings.limits.max_hops;
        if hops > max_hops {
            warn!(parent: &txn.span, hops, max_hops, "message refused: too many hops (mail loop?)");
            self.shared.metrics.refused("too_many_hops");
            self.shared.audit.record(Event::new(
                "refused",
                Some(&txn.id),
                json!({"reason": "too_many_hops", "hops": hops}),
            ));
            self.conn.reply("554 5.4.6 Too many hops");
            return Some(Flow::Continue);
        }
        if !self.settings.relay.enforce_header_from.0 {
            return None;
        }
        let grant = txn.grant.as_ref()?;
        let Err(e) = grant.check_header_from(&header) else {
            return None;
        };
        // The domain only: never the local part or the display name.
        let domain = match &e {
            FromRefusal::Domain(d) => d.as_deref().unwrap_or("(not a domain name)"),
            FromRefusal::Header(_) => "-",
        };
        info!(parent: &txn.span, reason = e.code(), domain, via = %grant.via, tenant = grant.tenant.as_deref().unwrap_or("-"), "message refused: header From not permitted for this client");
        self.shared.metrics.refused(e.code());
        self.shared.audit.record(Event::new(
            "refused",
            Some(&txn.id),
            json!({"reason": e.code()}),
        ));
        self.conn.reply(&format!("550 5.7.1 {e}"));
        Some(Flow::Continue)
    }

    fn received_header(&self, txn: &Transaction) -> String {
        let helo = self.client.helo.as_deref().unwrap_or("unknown");
        let id = &txn.id;
        // Postfix's form: "(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)".
        let tls = self
            .client
            .tls
            .as_ref()
            .map(|t| match t.split_once(' ') {
                Some((version, cipher)) => format!("\r\n\t(using {version} with cipher {cipher})"),
                None => format!("\r\n\t(using {t})"),
            })
            .unwrap_or_default();
        format!(
            "Received: from {helo} ([{ip}])\r\n\tby {host} (sealgate) with {proto} id {id}{tls};\r\n\t{date}\r\n",
            ip = self.client.peer.ip(),
            host = self.settings.hostname,
            proto = self.protocol(txn.params.smtputf8),
            date = crate::time::rfc5322(crate::time::unix_now()),
        )
    }
}
