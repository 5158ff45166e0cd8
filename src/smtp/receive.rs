//! DATA and BDAT, and the step that turns received bytes into a queued
//! message: trace header, `dlp::scan`, `spool::commit`, and only then 250.

use std::sync::Arc;

use serde_json::json;
use tracing::{error, info, warn};

use super::body::{BodyProblem, BodyReader};
use super::io::ConnError;
use super::relay::FromRefusal;
use super::session::{Flow, Session, Transaction};
use crate::audit::Event;
use crate::dlp::{Action, Verdict};
use crate::proto::header::Header;

/// Backstop for a scanner that fails to bound itself.
const SCAN_BACKSTOP: std::time::Duration = std::time::Duration::from_secs(60);
use crate::spool::{ClientInfo, Envelope};

impl Session {
    fn new_reader(&self, dotted: bool) -> BodyReader {
        let l = &self.settings.limits;
        BodyReader::new(
            dotted,
            l.max_message_size,
            l.max_line_length,
            l.bare_newline,
            Vec::with_capacity(32 * 1024),
        )
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
        self.conn.reply("354 End data with <CR><LF>.<CR><LF>");
        let mut reader = self.new_reader(true);
        let timeout = self.settings.limits.data_timeout;
        loop {
            if let Some(used) = reader.feed(self.conn.buffered()) {
                self.conn.consume(used);
                break;
            }
            let n = self.conn.buffered().len();
            self.conn.consume(n);
            match self.conn.fill(timeout).await {
                Ok(0) | Err(ConnError::Closed) => return self.lost_connection("DATA"),
                Ok(_) => {}
                Err(ConnError::Timeout) => {
                    self.conn
                        .reply("421 4.4.2 Timeout during DATA, closing connection");
                    return Flow::Close;
                }
                Err(_) => return self.lost_connection("DATA"),
            }
        }
        self.finish(reader.finish()).await
    }

    pub(super) async fn bdat(&mut self, size: u64, last: bool) -> Flow {
        let usable = matches!(&self.txn, Some(t) if !t.rcpts.is_empty());
        // The chunk must be read whatever we answer (RFC 3030 §2), or its
        // bytes would be taken for commands.
        let mut reader = match self.chunking.take() {
            Some(reader) => reader,
            None => self.new_reader(false),
        };
        let timeout = self.settings.limits.data_timeout;
        let mut left = size;
        while left > 0 {
            if self.conn.buffered().is_empty() {
                match self.conn.fill(timeout).await {
                    Ok(0) | Err(ConnError::Closed) => return self.lost_connection("BDAT"),
                    Ok(_) => {}
                    Err(ConnError::Timeout) => {
                        self.conn
                            .reply("421 4.4.2 Timeout during BDAT, closing connection");
                        return Flow::Close;
                    }
                    Err(_) => return self.lost_connection("BDAT"),
                }
            }
            let take = (self.conn.buffered().len() as u64).min(left) as usize;
            if usable {
                reader.feed(&self.conn.buffered()[..take]);
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
            if let Some(p) = reader.problem() {
                // Refuse now and forget the transaction: the client learns
                // early and the rest of its chunks meet "need MAIL".
                let l = &self.settings.limits;
                let r = p.reply(l.max_message_size, l.max_line_length);
                self.reset();
                return self.error(&r);
            }
            self.chunking = Some(reader);
            return self.ok(&format!("250 2.0.0 {size} octets received"));
        }
        self.finish(reader.finish()).await
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
        let body = match body {
            Ok(b) => b,
            Err(p) => {
                let l = &self.settings.limits;
                info!(parent: &txn.span, problem = ?p, "message refused");
                self.shared.audit.record(Event::new(
                    "refused",
                    Some(&txn.id),
                    json!({"reason": format!("{p:?}")}),
                ));
                let r = p.reply(l.max_message_size, l.max_line_length);
                return self.error(&r);
            }
        };
        if let Some(refused) = self.refuse_by_header(&txn, &body) {
            return refused;
        }
        let received = self.received_header(&txn);
        let mut message = Vec::with_capacity(received.len() + body.len());
        message.extend_from_slice(received.as_bytes());
        message.extend_from_slice(&body);
        drop(body);
        let message = Arc::new(message);

        let scanner = self.settings.scanner.clone();
        let scan_input = message.clone();
        // The scanner bounds itself; this is the backstop for a bug in it.
        // Fail closed: a scan that does not finish makes the message secure.
        let scan = tokio::task::spawn_blocking(move || scanner.scan(&scan_input));
        let verdict = match tokio::time::timeout(SCAN_BACKSTOP, scan).await {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => {
                error!(parent: &txn.span, error = %e, "scanner failed");
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
        let hits: Vec<_> = verdict
            .hits
            .iter()
            .map(|h| json!({"rule": h.rule, "count": h.count}))
            .collect();
        self.shared.audit.record(
            Event::new("scanned", Some(&txn.id), json!({"phi": verdict.phi, "score": verdict.score, "action": verdict.action, "hits": hits}))
                .sha256(&sha),
        );
        if verdict.action == Action::Reject {
            info!(parent: &txn.span, score = verdict.score, "message rejected by DLP rules");
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
            None => (message, sha),
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
            is_dsn: false,
        };
        let spool = self.shared.spool.clone();
        let env2 = envelope.clone();
        let msg2 = message.clone();
        let committed = tokio::task::spawn_blocking(move || spool.commit(&env2, &msg2)).await;
        match committed {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                error!(parent: &txn.span, error = %e, "spool commit failed");
                self.conn
                    .reply("451 4.3.0 Local error: message not accepted, try again later");
                return Flow::Continue;
            }
            Err(e) => {
                error!(parent: &txn.span, error = %e, "spool commit task failed");
                self.conn
                    .reply("451 4.3.0 Local error: message not accepted, try again later");
                return Flow::Continue;
            }
        }
        self.shared.audit.record(
            Event::new(
                "received",
                Some(&envelope.id),
                json!({
                    "size": envelope.size,
                    "recipients": envelope.recipients.len(),
                    "authorized_by": envelope.client.authorized_by,
                    "tls": envelope.client.tls,
                }),
            )
            .sha256(&sha),
        );
        info!(parent: &txn.span, size = envelope.size, recipients = envelope.recipients.len(), "queued");
        let reply = format!("250 2.0.0 Ok: queued as {}", envelope.id);
        self.shared.scheduler.submit(envelope, Some(message));
        self.conn.reply(&reply);
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
            warn!(parent: &self.span, hops, max_hops, "message refused: too many hops (mail loop?)");
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
        info!(parent: &self.span, reason = e.code(), domain, via = %grant.via, tenant = ?grant.tenant, "message refused: header From not permitted for this client");
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
