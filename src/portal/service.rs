//! The portal's rules, in one place: the durable hand-off from the queue,
//! who may read what (tokens, one-time codes, lockout, sessions), replies,
//! and the end of each message's life. The web app reaches this only
//! through [`Access`]; the scheduler through [`Portal::hand_off`]; the CLI
//! through the store.

use std::net::IpAddr;
use std::sync::Arc;

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::json;
use tracing::{error, info, warn};

use super::access::{
    Access, Attachment, CodeCheck, CodeRequest, Denied, Landing, MessageView, NewSession,
    ReplyInput, ReplyReceipt, Session,
};
use super::keys::{KeyError, KeyRing, Wrapped};
use super::mail::{self, Org, SenderNotice};
use super::sealed::{Sealed, SealedError};
use super::store::{
    Check, CodeLimits, Counter, Issue, NewRecord, Record, State, Store, StoreError,
};
use super::{Outbox, content, link};
use crate::audit::{AuditLog, Event};
use crate::proto::address::{Address, parse_mailbox};
use crate::proto::hash::sha256_hex;
use crate::spool::{Envelope, Origin, QueueId};

#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("{0}")]
    Sealed(#[from] SealedError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("could not queue portal mail: {0}")]
    Spool(#[from] crate::spool::SpoolError),
    #[error("recipient {0} is not in the message")]
    NoRecipient(usize),
    #[error("no portal message {0}")]
    NotFound(String),
}

/// Codes: 8 digits, 10 minutes, 5 tries, then an hour's lock; at most 5
/// codes an hour per message and 10 per address, so the portal cannot be
/// used to flood a mailbox.
pub const CODE_LIMITS: CodeLimits = CodeLimits {
    window_secs: 3600,
    per_message: 5,
    per_address: 10,
    valid_secs: 600,
    max_failures: 5,
    lock_secs: 3600,
};

/// A session lives half an hour: long enough to read and reply.
pub const SESSION_SECS: u64 = 1800;

pub struct Portal {
    store: Arc<dyn Store>,
    sealed: Sealed,
    keys: KeyRing,
    settings: crate::config::Portal,
    hostname: String,
    audit: Arc<AuditLog>,
    outbox: Outbox,
    views: super::views::Views,
    /// Counts each audit event by name for `/metrics`.
    metrics: Arc<crate::ops::metrics::Metrics>,
}

fn random_token<const N: usize>() -> Result<String, KeyError> {
    Ok(Base64UrlUnpadded::encode_string(
        &super::keys::random::<N>()?
    ))
}

/// Tokens and cookies are random (≥128 bits): a plain hash is enough to
/// keep the database from holding usable secrets.
fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

fn well_formed_token(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn qid(r: &Record) -> Option<QueueId> {
    QueueId::parse(&r.queue_id)
}

fn domain_of(addr: &str) -> &str {
    addr.rsplit_once('@').map_or("", |(_, d)| d)
}

/// `p•••@example.org`: enough for the recipient to know where to look.
fn mask(addr: &str) -> String {
    match addr.split_once('@') {
        Some((l, d)) => {
            let first: String = l.chars().take(1).collect();
            format!("{first}•••@{d}")
        }
        None => "•••".into(),
    }
}

impl Portal {
    pub fn new(
        store: Arc<dyn Store>,
        sealed: Sealed,
        keys: KeyRing,
        settings: crate::config::Portal,
        hostname: String,
        audit: Arc<AuditLog>,
        outbox: Outbox,
    ) -> Portal {
        Portal {
            store,
            sealed,
            keys,
            settings,
            hostname,
            audit,
            outbox,
            views: Default::default(),
            metrics: Default::default(),
        }
    }

    /// Counts the portal's events in `metrics` (by default, in a registry
    /// nobody reads).
    pub fn with_metrics(self, metrics: Arc<crate::ops::metrics::Metrics>) -> Portal {
        Portal { metrics, ..self }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    fn notice_from(&self, sender: Option<&str>) -> Address {
        if let Ok(a) = parse_mailbox(&self.settings.from) {
            return a;
        }
        let domain = sender.map(domain_of).filter(|d| !d.is_empty());
        let domain = domain.unwrap_or(&self.hostname);
        parse_mailbox(&format!("portal-noreply@{domain}")).unwrap_or(Address {
            local: "portal-noreply".into(),
            domain: self.hostname.clone(),
        })
    }

    fn org<'a>(&'a self, from: &'a Address) -> Org<'a> {
        Org {
            name: &self.settings.organization,
            from,
            hostname: &self.hostname,
            portal_host: link::host(&self.settings.base_url),
        }
    }

    fn event(&self, name: &'static str, r: &Record, extra: serde_json::Value) {
        let mut fields = json!({
            "portal_id": r.id,
            "recipient_domain": domain_of(&r.recipient),
        });
        if let (Some(m), serde_json::Value::Object(e)) = (fields.as_object_mut(), extra) {
            m.extend(e);
        }
        let q = qid(r);
        self.audit.record(Event::new(name, q.as_ref(), fields));
        self.metrics.portal_event(name);
    }

    /// Moves recipient `index` of a queued message into the portal; blocking.
    ///
    /// Idempotent, so a crash anywhere repeats it harmlessly: the record's
    /// id is the queue id and recipient index, the sealed file is written
    /// and fsynced before the record, and the record before the
    /// notification. A repeat finds the record and only sends a
    /// notification not yet marked sent (with a fresh link; the unsent
    /// one's token is replaced). The caller marks the recipient `in-portal`
    /// only after this returns.
    pub fn hand_off(
        &self,
        env: &Envelope,
        index: usize,
        message: &[u8],
    ) -> Result<String, PortalError> {
        let rcpt = env
            .recipients
            .get(index)
            .ok_or(PortalError::NoRecipient(index))?;
        let id = format!("{}-{index}", env.id);
        let now = crate::time::unix_now();
        let rec = match self.store.get(&id)? {
            Some(r) => r,
            None => {
                let wrapped = self.sealed.write(&self.keys, &id, message)?;
                let new = NewRecord {
                    id: id.clone(),
                    queue_id: env.id.to_string(),
                    recipient: rcpt.address.to_string(),
                    sender: env.sender.as_ref().map(ToString::to_string),
                    created: now,
                    expires: now
                        + env
                            .verdict
                            .portal_retention
                            .map_or(self.settings.retention.as_secs(), |r| {
                                r.min(self.settings.retention.as_secs())
                            }),
                    key_id: wrapped.key_id,
                    wrapped_key: wrapped.bytes,
                    size: message.len() as u64,
                    sha256: env.message_sha256.clone(),
                };
                self.store.insert(&new)?;
                let rec = self
                    .store
                    .get(&id)?
                    .ok_or_else(|| PortalError::NotFound(id.clone()))?;
                self.event(
                    "portal_stored",
                    &rec,
                    json!({"size": rec.size, "key_id": rec.key_id, "expires": crate::time::rfc3339_ms(rec.expires * 1000)}),
                );
                info!(portal_id = %id, "stored in the portal");
                if self.settings.notify_sender {
                    self.notify_sender(&rec, SenderNotice::Stored);
                }
                rec
            }
        };
        if !rec.notified {
            let token = random_token::<24>()?;
            self.store.set_token(&id, &token_hash(&token))?;
            let from = self.notice_from(rec.sender.as_deref());
            let bytes = mail::notification(
                &self.org(&from),
                &rcpt.address,
                &link::message_link(&self.settings.base_url, &token),
                rec.expires,
                now,
            );
            let nq = self.outbox.send(
                env.sender.clone(),
                rcpt.address.clone(),
                bytes,
                Origin::PortalNotice,
            )?;
            self.store.mark_notified(&id)?;
            self.event(
                "portal_notified",
                &rec,
                json!({"notice_queue_id": nq.as_str()}),
            );
        }
        Ok(id)
    }

    fn record_for(&self, token: &str) -> Result<Record, Denied> {
        // Same work for every token: hash, then one lookup, whatever its form.
        let hash = token_hash(token);
        let found = self.store.by_token(&hash).map_err(|e| {
            error!(error = %e, "portal store lookup failed");
            Denied::Unavailable
        })?;
        match found {
            Some(r) if well_formed_token(token) && r.live(crate::time::unix_now()) => Ok(r),
            _ => Err(Denied::Unknown),
        }
    }

    fn content(&self, r: &Record) -> Result<Vec<u8>, Denied> {
        let w = Wrapped {
            key_id: r.key_id.clone(),
            bytes: r.wrapped_key.clone(),
        };
        self.sealed.read(&self.keys, &r.id, &w).map_err(|e| {
            error!(portal_id = %r.id, error = %e, "portal message does not open");
            Denied::Unavailable
        })
    }

    fn for_session(&self, token: &str, session: &Session) -> Result<Record, Denied> {
        let r = self.record_for(token)?;
        if r.id != session.portal_id {
            return Err(Denied::NoSession);
        }
        Ok(r)
    }

    fn store_err(e: StoreError) -> Denied {
        error!(error = %e, "portal store failed");
        Denied::Unavailable
    }

    /// Expires what is past its time and deletes the ciphertext of what is
    /// no longer open (expired, revoked); returns how many were purged.
    pub fn purge_due(&self, now: u64) -> Result<usize, PortalError> {
        purge_due(self.store.as_ref(), &self.sealed, now, |r, what| {
            match what {
                Ended::Expired => {
                    self.event(
                        "portal_expired",
                        r,
                        json!({"opened": r.opened_at.is_some()}),
                    );
                    if self.settings.notify_sender && r.opened_at.is_none() {
                        self.notify_sender(r, SenderNotice::ExpiredUnread);
                    }
                }
                Ended::Purged => self.event("portal_purged", r, json!({})),
            }
            Ok::<(), PortalError>(())
        })
    }

    /// Moves events the CLI wrote while the gateway ran into the audit log.
    pub fn drain_events(&self) -> Result<usize, PortalError> {
        drain_events(self.store.as_ref(), &self.audit, |name| {
            self.metrics.portal_event(name)
        })
    }

    fn notify_sender(&self, r: &Record, what: SenderNotice) {
        let (Some(sender), Ok(rcpt)) = (
            r.sender.as_deref().and_then(|s| parse_mailbox(s).ok()),
            parse_mailbox(&r.recipient),
        ) else {
            return;
        };
        let from = self.notice_from(Some(&sender.to_string()));
        let bytes = mail::sender_notice(
            &self.org(&from),
            &sender,
            &rcpt,
            what,
            crate::time::unix_now(),
        );
        if let Err(e) = self.outbox.send(None, sender, bytes, Origin::PortalNotice) {
            warn!(error = %e, "could not queue the notice to the sender");
        }
    }
}

/// What [`purge_due`] did to a record, for the caller's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It was open and is past its retention.
    Expired,
    /// Its ciphertext is deleted; the record stays as the trace.
    Purged,
}

/// The end of every message past its retention or no longer open: expire
/// it, delete its ciphertext, mark it purged — one rule for the gateway's
/// upkeep and `sealgate portal purge`, which differ only in how they tell
/// of it (`on`). Returns how many were purged.
pub fn purge_due<E: From<StoreError> + From<SealedError>>(
    store: &dyn Store,
    sealed: &Sealed,
    now: u64,
    mut on: impl FnMut(&Record, Ended) -> Result<(), E>,
) -> Result<usize, E> {
    let mut n = 0;
    for r in store.to_purge(now)? {
        if r.state == State::Active && store.finish(&r.id, State::Expired)? {
            on(&r, Ended::Expired)?;
        }
        sealed.remove(&r.id)?;
        store.mark_purged(&r.id)?;
        on(&r, Ended::Purged)?;
        n += 1;
    }
    Ok(n)
}

/// Writes pending CLI events into the audit log, then forgets them; `on`
/// hears each event's name as it was recorded.
pub fn drain_events(
    store: &dyn Store,
    audit: &AuditLog,
    mut on: impl FnMut(&'static str),
) -> Result<usize, PortalError> {
    let events = store.pending_events()?;
    let Some(last) = events.last().map(|e| e.seq) else {
        return Ok(0);
    };
    for e in &events {
        let fields: serde_json::Value =
            serde_json::from_str(&e.fields).unwrap_or_else(|_| json!({}));
        let q = fields
            .get("queue_id")
            .and_then(|v| v.as_str())
            .and_then(QueueId::parse);
        let name: &'static str = match e.event.as_str() {
            "portal_revoked" => "portal_revoked",
            "portal_purged" => "portal_purged",
            "portal_expired" => "portal_expired",
            _ => "portal_event",
        };
        audit.record(Event::new(name, q.as_ref(), fields));
        on(name);
    }
    store.drop_events(last)?;
    Ok(events.len())
}

impl Access for Portal {
    fn organization(&self) -> String {
        self.settings.organization.clone()
    }

    fn landing(&self, token: &str) -> Result<Landing, Denied> {
        self.record_for(token)?;
        Ok(Landing {
            organization: self.settings.organization.clone(),
        })
    }

    fn request_code(&self, token: &str, client: IpAddr) -> Result<CodeRequest, Denied> {
        let r = self.record_for(token)?;
        let code = {
            let b: [u8; 8] = super::keys::random().map_err(|_| Denied::Unavailable)?;
            format!("{:08}", u64::from_le_bytes(b) % 100_000_000)
        };
        let now = crate::time::unix_now();
        let mac = self.keys.code_mac(&r.id, &code);
        match self
            .store
            .issue_code(&r.id, &r.recipient, &mac, now, &CODE_LIMITS)
            .map_err(Self::store_err)?
        {
            Issue::Issued => {}
            Issue::TooMany { retry_after_secs } => {
                return Err(Denied::RateLimited { retry_after_secs });
            }
            Issue::Locked { until } => return Err(Denied::Locked { until }),
        }
        let to = parse_mailbox(&r.recipient).map_err(|_| Denied::Unavailable)?;
        let from = self.notice_from(r.sender.as_deref());
        let bytes = mail::code(
            &self.org(&from),
            &to,
            &code,
            CODE_LIMITS.valid_secs / 60,
            now,
        );
        // Codes come from <>: a bounce would only tell a stranger the address.
        let q = self
            .outbox
            .send(None, to, bytes, Origin::PortalNotice)
            .map_err(|e| {
                error!(error = %e, "could not queue the one-time code");
                Denied::Unavailable
            })?;
        self.event(
            "portal_code_sent",
            &r,
            json!({"code_queue_id": q.as_str(), "client_ip": client.to_string()}),
        );
        Ok(CodeRequest::Sent {
            masked_to: mask(&r.recipient),
            valid_secs: CODE_LIMITS.valid_secs,
        })
    }

    fn check_code(&self, token: &str, code: &str, client: IpAddr) -> Result<CodeCheck, Denied> {
        let r = self.record_for(token)?;
        let code: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let now = crate::time::unix_now();
        let mac = self.keys.code_mac(&r.id, &code);
        let ip = client.to_string();
        match self
            .store
            .check_code(&r.id, &mac, now, &CODE_LIMITS)
            .map_err(Self::store_err)?
        {
            Check::Right => {
                let cookie = random_token::<32>().map_err(|_| Denied::Unavailable)?;
                let csrf = random_token::<32>().map_err(|_| Denied::Unavailable)?;
                self.store
                    .open_session(&token_hash(&cookie), &r.id, &csrf, now + SESSION_SECS)
                    .map_err(Self::store_err)?;
                self.event("portal_code_accepted", &r, json!({"client_ip": ip}));
                Ok(CodeCheck::Accepted(NewSession {
                    cookie,
                    max_age_secs: SESSION_SECS,
                }))
            }
            Check::Wrong { left } => {
                self.event(
                    "portal_code_failed",
                    &r,
                    json!({"client_ip": ip, "left": left}),
                );
                if left == 0 {
                    self.event(
                        "portal_locked",
                        &r,
                        json!({"client_ip": ip, "lock_secs": CODE_LIMITS.lock_secs}),
                    );
                    // The fifth wrong code locks: this try and every one
                    // after it, right or wrong, until the lock ends.
                    return Err(Denied::Locked {
                        until: now + CODE_LIMITS.lock_secs,
                    });
                }
                Ok(CodeCheck::Wrong {
                    attempts_left: left,
                })
            }
            Check::Locked { until } => {
                self.event(
                    "portal_code_failed",
                    &r,
                    json!({"client_ip": ip, "locked": true}),
                );
                Err(Denied::Locked { until })
            }
            Check::Expired => Ok(CodeCheck::Expired),
        }
    }

    fn session(&self, token: &str, cookie: &str) -> Result<Session, Denied> {
        let r = self.record_for(token)?;
        let found = self
            .store
            .session(&token_hash(cookie), crate::time::unix_now())
            .map_err(Self::store_err)?;
        match found {
            Some((id, csrf)) if id == r.id => Ok(Session {
                portal_id: id,
                csrf,
            }),
            _ => Err(Denied::NoSession),
        }
    }

    fn view(&self, token: &str, session: &Session) -> Result<MessageView, Denied> {
        let r = self.for_session(token, session)?;
        let now_ms = crate::time::unix_now_ms();
        let view = match self.views.get(&r.id, now_ms) {
            Some(v) => v,
            None => {
                let v = std::sync::Arc::new(content::view(&self.content(&r)?, r.created));
                self.views.put(&r.id, v.clone(), now_ms);
                v
            }
        };
        let first = r.opened_at.is_none()
            && self
                .store
                .mark_opened(&r.id, now_ms / 1000)
                .map_err(Self::store_err)?;
        self.event("portal_opened", &r, json!({"first": first}));
        if first && self.settings.notify_sender {
            self.notify_sender(&r, SenderNotice::Opened);
        }
        Ok((*view).clone())
    }

    fn attachment(
        &self,
        token: &str,
        session: &Session,
        index: usize,
    ) -> Result<Attachment, Denied> {
        let r = self.for_session(token, session)?;
        let raw = self.content(&r)?;
        let a = content::attachment(&raw, index).ok_or(Denied::Unknown)?;
        let _ = self.store.count(&r.id, Counter::Downloads);
        self.event(
            "portal_downloaded",
            &r,
            json!({"index": index, "size": a.bytes.len(), "sha256": sha256_hex(&a.bytes)}),
        );
        Ok(a)
    }

    fn reply(
        &self,
        token: &str,
        session: &Session,
        csrf: &str,
        input: ReplyInput,
    ) -> Result<ReplyReceipt, Denied> {
        let r = self.for_session(token, session)?;
        if !super::keys::same(csrf.as_bytes(), session.csrf.as_bytes()) {
            return Err(Denied::Forbidden);
        }
        let (Some(to), Ok(recipient)) = (
            r.sender.as_deref().and_then(|s| parse_mailbox(s).ok()),
            parse_mailbox(&r.recipient),
        ) else {
            // A message from the null sender has nobody to answer.
            return Err(Denied::Forbidden);
        };
        let raw = self.content(&r)?;
        let (message_id, subject) = content::thread(&raw);
        let from = self.notice_from(Some(&to.to_string()));
        let bytes = mail::reply(
            &self.org(&from),
            &mail::Reply {
                recipient: &recipient,
                to: &to,
                subject: &subject,
                in_reply_to: message_id.as_deref(),
                text: &input.text,
                files: &input.files,
            },
            crate::time::unix_now(),
        );
        let size = bytes.len();
        let q = self
            .outbox
            .send(Some(from), to.clone(), bytes, Origin::PortalReply)
            .map_err(|e| {
                error!(error = %e, "could not queue the reply");
                Denied::Unavailable
            })?;
        let _ = self.store.count(&r.id, Counter::Replies);
        self.event(
            "portal_replied",
            &r,
            json!({"reply_queue_id": q.as_str(), "size": size, "attachments": input.files.len()}),
        );
        Ok(ReplyReceipt { to: to.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_and_url_safe() {
        let t = random_token::<24>().expect("token");
        assert!(well_formed_token(&t), "{t}");
        assert!(!well_formed_token("short"));
        assert_eq!(mask("pat@example.org"), "p•••@example.org");
    }
}
