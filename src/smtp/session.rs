//! One inbound SMTP session: the RFC 5321 state machine.
//!
//! The session owns its connection and a snapshot of the settings taken when
//! the client connected, so a SIGHUP reload never changes the rules in the
//! middle of a transaction. Every reply carries an enhanced status code
//! (RFC 3463); local failures answer 4xx so the tenant retries.

use std::net::SocketAddr;
use std::sync::Arc;

use tracing::{Span, debug, info, warn};

use super::auth;
use super::command::{self, Command, RcptTo};
use super::io::{Conn, ConnError, LineError, Stream};
use super::relay::{self, Grant, Identity};
use super::{Settings, Shared};
use crate::config::ListenerTls;
use crate::proto::address::Address;
use crate::proto::params::Recipient;
use crate::proto::params::{MailParams, RcptParams};
use crate::spool::QueueId;

/// What a client established before MAIL: name, TLS, authentication.
pub(super) struct Client {
    pub peer: SocketAddr,
    pub helo: Option<String>,
    pub esmtp: bool,
    /// "TLSv1.3 TLS_AES_256_GCM_SHA384" once TLS is up.
    pub tls: Option<String>,
    pub identity: Identity,
}

pub(super) struct Transaction {
    pub id: QueueId,
    pub from: Option<Address>,
    pub params: MailParams,
    pub rcpts: Vec<Recipient>,
    pub grant: Option<Grant>,
    /// This transaction's span, a child of the session's: its queue id
    /// marks only its own lines. (Recording it on the session span made
    /// the fmt layer append every id of a long session to every line.)
    pub span: Span,
}

pub struct Session {
    pub(super) shared: Arc<Shared>,
    pub(super) settings: Arc<Settings>,
    pub(super) conn: Conn,
    pub(super) client: Client,
    pub(super) txn: Option<Transaction>,
    /// BDAT content received so far, between chunks.
    pub(super) chunking: Option<super::receive::Incoming>,
    pub(super) listener_tls: ListenerTls,
    pub(super) require_tls: bool,
    errors: u32,
    auth_failures: u32,
    pub(super) span: Span,
}

/// Whether the session goes on after a command.
pub(super) enum Flow {
    Continue,
    Close,
}

impl Session {
    pub fn new(
        shared: Arc<Shared>,
        stream: Stream,
        peer: SocketAddr,
        listener_tls: ListenerTls,
        require_tls: bool,
        span: Span,
    ) -> Session {
        let settings = shared.settings.get();
        let write_timeout = settings.limits.command_timeout;
        let mut s = Session {
            shared,
            settings,
            conn: Conn::new(stream, write_timeout),
            client: Client {
                peer,
                helo: None,
                esmtp: false,
                tls: None,
                identity: Identity {
                    ip: Some(peer.ip()),
                    ..Identity::default()
                },
            },
            txn: None,
            chunking: None,
            listener_tls,
            require_tls,
            errors: 0,
            auth_failures: 0,
            span,
        };
        if let Stream::Tls(tls) = &s.conn.stream {
            let info = super::tls::tls_facts(tls.get_ref().1);
            s.apply_tls(info);
        }
        s
    }

    fn limits(&self) -> &crate::config::Limits {
        &self.settings.limits
    }

    fn hostname(&self) -> &str {
        &self.settings.hostname
    }

    pub async fn run(mut self) {
        let banner = format!("220 {} ESMTP sealgate", self.hostname());
        self.conn.reply(&banner);
        let mut shutdown = self.shared.shutdown.clone();
        loop {
            let max = self.limits().max_command_line;
            let timeout = self.command_deadline();
            let line = tokio::select! {
                r = self.conn.read_line(max, timeout) => r,
                _ = crate::ops::stopped(&mut shutdown) => {
                    self.conn.reply("421 4.3.2 Service shutting down, try again later");
                    let _ = self.conn.flush().await;
                    return;
                }
            };
            let line = match line {
                Ok(l) => l,
                Err(ConnError::Timeout) => {
                    self.conn.reply("421 4.4.2 Timeout, closing connection");
                    let _ = self.conn.flush().await;
                    debug!(parent: &self.span, "command timeout");
                    return;
                }
                Err(e) => {
                    debug!(parent: &self.span, error = %e, "connection ended");
                    return;
                }
            };
            let flow = match line {
                Ok(line) => self.command(&line).await,
                Err(LineError::TooLong) => self.error("500 5.5.2 Line too long"),
                Err(LineError::BareNewline) => {
                    self.error("500 5.5.2 Command lines must end with CRLF")
                }
                Err(LineError::NotUtf8) => self.error("500 5.5.2 Command is not valid UTF-8"),
            };
            if matches!(flow, Flow::Close) {
                let _ = self.conn.flush().await;
                return;
            }
        }
    }

    /// How long the next command line may take, whole: a client without a
    /// relay grant (a stranger, or a tenant before its TLS or AUTH) gets
    /// the shorter `unauthorized_command_timeout`.
    fn command_deadline(&self) -> std::time::Duration {
        let l = self.limits();
        if relay::authorize(&self.settings.relay, &self.client.identity).is_some() {
            l.command_timeout
        } else {
            l.command_timeout.min(l.unauthorized_command_timeout)
        }
    }

    /// Answers a client error; too many of them end the session.
    pub(super) fn error(&mut self, reply: &str) -> Flow {
        self.conn.reply(reply);
        self.errors += 1;
        if self.errors >= self.limits().max_errors {
            self.conn
                .reply("421 4.7.0 Too many errors, closing connection");
            warn!(parent: &self.span, errors = self.errors, "closing after repeated errors");
            return Flow::Close;
        }
        Flow::Continue
    }

    pub(super) fn ok(&mut self, reply: &str) -> Flow {
        self.conn.reply(reply);
        Flow::Continue
    }

    async fn command(&mut self, line: &str) -> Flow {
        let cmd = match command::parse(line) {
            Ok(c) => c,
            Err(e) => return self.error(&e.to_string()),
        };
        match cmd {
            Command::Ehlo(name) => self.hello(name, true),
            Command::Helo(name) => self.hello(name, false),
            Command::Mail { from, params } => self.mail(from, params),
            Command::Rcpt { to, params } => self.rcpt(to, params),
            Command::Data => self.data().await,
            Command::Bdat { size, last } => self.bdat(size, last).await,
            Command::Rset => {
                self.reset();
                self.ok("250 2.0.0 Ok")
            }
            Command::Noop => self.ok("250 2.0.0 Ok"),
            Command::Quit => {
                self.conn.reply("221 2.0.0 Bye");
                Flow::Close
            }
            Command::Vrfy => {
                self.ok("252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery")
            }
            Command::Expn => self.error("502 5.5.1 EXPN not available"),
            Command::Help => {
                self.ok("214 2.0.0 See RFC 5321; sealgate relays only for configured clients")
            }
            Command::StartTls => self.starttls().await,
            Command::Auth { mechanism, initial } => self.auth(&mechanism, initial).await,
        }
    }

    pub(super) fn reset(&mut self) {
        self.chunking = None;
        if let Some(t) = self.txn.take() {
            debug!(parent: &t.span, "transaction reset");
        }
    }

    fn starttls_offered(&self) -> bool {
        self.listener_tls == ListenerTls::Starttls
            && self.client.tls.is_none()
            && self.settings.tls.is_some()
    }

    fn auth_offered(&self) -> bool {
        self.client.tls.is_some() && !self.settings.relay.users.is_empty()
    }

    fn hello(&mut self, name: String, esmtp: bool) -> Flow {
        self.reset();
        let peer = self.client.peer.ip();
        self.client.helo = Some(name.clone());
        self.client.esmtp = esmtp;
        if !esmtp {
            let r = format!("250 {}", self.hostname());
            return self.ok(&r);
        }
        let mut lines = vec![
            format!("250 {} Hello {} [{}]", self.hostname(), name, peer),
            "250 PIPELINING".into(),
            format!("250 SIZE {}", self.limits().max_message_size),
            "250 8BITMIME".into(),
            "250 SMTPUTF8".into(),
            "250 ENHANCEDSTATUSCODES".into(),
            "250 DSN".into(),
            "250 CHUNKING".into(),
        ];
        if self.starttls_offered() {
            lines.push("250 STARTTLS".into());
        }
        if self.client.tls.is_some() {
            // RFC 8689 §4: meaningful only where this hop itself is TLS.
            lines.push("250 REQUIRETLS".into());
        }
        if self.auth_offered() && self.client.identity.user.is_none() {
            lines.push("250 AUTH PLAIN LOGIN".into());
        }
        let r = lines.join("\n");
        self.ok(&r)
    }

    fn mail(&mut self, from: Option<Address>, params: MailParams) -> Flow {
        if self.client.helo.is_none() {
            return self.error("503 5.5.1 Send EHLO/HELO first");
        }
        if self.txn.is_some() {
            return self.error("503 5.5.1 Nested MAIL command");
        }
        if self.require_tls && self.client.tls.is_none() {
            return self.error("530 5.7.0 Must issue a STARTTLS command first");
        }
        if !self.client.esmtp && (params != MailParams::default()) {
            return self.error("555 5.5.4 MAIL parameters need EHLO");
        }
        if params.requiretls && self.client.tls.is_none() {
            return self.error("530 5.7.10 REQUIRETLS needs this session to be TLS (RFC 8689)");
        }
        let max = self.limits().max_message_size;
        if params.size.is_some_and(|s| s > max) {
            return self.error(&format!(
                "552 5.3.4 Message size exceeds the limit of {max} bytes"
            ));
        }
        let grant = relay::authorize(&self.settings.relay, &self.client.identity);
        if let Some(g) = &grant
            && !g.sender_allowed(from.as_ref().map(|a| a.domain.as_str()))
        {
            info!(parent: &self.span, via = %g.via, tenant = g.tenant.as_deref().unwrap_or("-"), "sender domain not permitted for this client");
            self.shared.metrics.refused("sender_not_permitted");
            return self.error("550 5.7.1 Sender address not permitted for this client");
        }
        let id = QueueId::generate();
        let span = tracing::info_span!(parent: &self.span, "txn", queue_id = %id);
        debug!(parent: &span, authorized = grant.is_some(), "MAIL accepted");
        self.txn = Some(Transaction {
            id,
            from,
            params,
            rcpts: Vec::new(),
            grant,
            span,
        });
        self.ok("250 2.1.0 Ok")
    }

    fn rcpt(&mut self, to: RcptTo, params: RcptParams) -> Flow {
        let postmaster = self.settings.postmaster.clone();
        let max = self.limits().max_recipients;
        let Some(txn) = self.txn.as_mut() else {
            return self.error("503 5.5.1 Need MAIL command first");
        };
        let address = match to {
            RcptTo::Postmaster => match crate::proto::address::parse_mailbox(&postmaster) {
                // RFC 5321 §4.5.1: postmaster is accepted from anyone, but
                // from a client without a grant only small and rarely.
                Ok(a) => {
                    let l = &self.settings.limits;
                    let small = l.unauthorized_max_message_size.min(l.max_message_size);
                    if txn.grant.is_none() && txn.params.size.is_some_and(|s| s > small) {
                        return self.error(&format!(
                            "552 5.3.4 Message size exceeds the limit of {small} bytes"
                        ));
                    }
                    if txn.grant.is_none()
                        && txn.rcpts.is_empty()
                        && !self.shared.postmaster_rate.allow(
                            super::peer::limit_key(self.client.peer.ip()),
                            l.unauthorized_messages_per_minute,
                            std::time::Instant::now(),
                        )
                    {
                        info!(parent: &self.span, "postmaster rate limit reached");
                        self.shared.metrics.refused("postmaster_rate");
                        return self.error("450 4.7.1 Too much mail to postmaster from your address; try again later");
                    }
                    a
                }
                Err(_) => return self.error("550 5.1.1 No postmaster mailbox at this relay"),
            },
            RcptTo::Mailbox(a) => {
                if txn.grant.is_none() {
                    info!(parent: &self.span, client = %self.client.peer.ip(), "relay denied");
                    self.shared.metrics.refused("relay_denied");
                    return self.error("550 5.7.1 Relay access denied");
                }
                a
            }
        };
        if address.is_utf8() && !txn.params.smtputf8 {
            return self.error("553 5.6.7 Non-ASCII address needs the SMTPUTF8 parameter on MAIL");
        }
        if txn.rcpts.len() >= max {
            self.conn.reply("452 4.5.3 Too many recipients");
            return Flow::Continue;
        }
        if !txn.rcpts.iter().any(|r| r.address == address) {
            txn.rcpts.push(Recipient { address, params });
        }
        self.ok("250 2.1.5 Ok")
    }

    async fn starttls(&mut self) -> Flow {
        if self.client.tls.is_some() {
            return self.error("503 5.5.1 TLS already active");
        }
        let Some(acceptor) = self
            .settings
            .tls
            .clone()
            .filter(|_| self.starttls_offered())
        else {
            return self.error("502 5.5.1 STARTTLS not available");
        };
        self.conn.reply("220 2.0.0 Ready to start TLS");
        if self.conn.flush().await.is_err() {
            return Flow::Close;
        }
        // RFC 3207 §4.2 / CVE-2011-0411: nothing sent before the handshake
        // may be taken as a command after it.
        let injected = self.conn.discard_buffered();
        if injected > 0 {
            warn!(parent: &self.span, bytes = injected, "discarded plaintext pipelined after STARTTLS");
        }
        let timeout = self.limits().command_timeout;
        let Stream::Plain(tcp) = std::mem::replace(&mut self.conn.stream, Stream::Closed) else {
            return Flow::Close;
        };
        match tokio::time::timeout(timeout, acceptor.accept(tcp)).await {
            Ok(Ok(tls)) => {
                let info = super::tls::tls_facts(tls.get_ref().1);
                self.conn = Conn::new(Stream::Tls(Box::new(tls)), timeout);
                self.apply_tls(info);
                self.client.helo = None;
                self.client.identity.user = None;
                self.txn = None;
                Flow::Continue
            }
            Ok(Err(e)) => {
                info!(parent: &self.span, error = %crate::proto::tls::error_text(&e), "TLS handshake failed");
                Flow::Close
            }
            Err(_) => Flow::Close,
        }
    }

    fn apply_tls(&mut self, info: super::tls::TlsFacts) {
        debug!(parent: &self.span, tls = %info.summary, sni = ?info.sni, certs = ?info.cert_names, "TLS established");
        self.client.tls = Some(info.summary);
        self.client.identity.sni = info.sni;
        self.client.identity.cert_names = info.cert_names;
    }

    async fn auth(&mut self, mechanism: &str, initial: Option<String>) -> Flow {
        if self.client.tls.is_none() {
            return self.error("538 5.7.11 Encryption required: issue STARTTLS before AUTH");
        }
        if !self.auth_offered() {
            return self.error("502 5.5.1 AUTH not available");
        }
        if self.client.identity.user.is_some() {
            return self.error("503 5.5.1 Already authenticated");
        }
        if self.txn.is_some() {
            return self.error("503 5.5.1 AUTH not allowed during a mail transaction");
        }
        let creds = match mechanism {
            "PLAIN" => {
                let resp = match initial {
                    Some(r) => Some(r),
                    None => self.challenge("334 ").await,
                };
                resp.and_then(|r| {
                    if r == "*" {
                        None
                    } else {
                        auth::decode_plain(&r)
                    }
                })
            }
            "LOGIN" => {
                let user = match initial {
                    Some(r) => Some(r),
                    None => {
                        self.challenge(&format!("334 {}", auth::encode_b64("Username:")))
                            .await
                    }
                };
                let user = user
                    .filter(|u| u != "*")
                    .and_then(|u| auth::decode_b64_text(&u));
                match user {
                    Some(u) => self
                        .challenge(&format!("334 {}", auth::encode_b64("Password:")))
                        .await
                        .filter(|p| p != "*")
                        .and_then(|p| auth::decode_b64_text(&p))
                        .map(|p| (u, p)),
                    None => None,
                }
            }
            _ => return self.error("504 5.5.4 Unrecognized authentication mechanism"),
        };
        let Some((user, pass)) = creds else {
            return self.error("501 5.5.2 Authentication exchange malformed or cancelled");
        };
        let guard = self.shared.auth.clone();
        let outcome = guard
            .attempt(
                &self.settings.limits,
                &self.settings.relay.users,
                self.client.peer.ip(),
                &user,
                pass,
            )
            .await;
        let reply = match outcome {
            auth::Outcome::Accepted => {
                info!(parent: &self.span, user = %user, "authenticated");
                self.client.identity.user = Some(user);
                return self.ok("235 2.7.0 Authentication successful");
            }
            auth::Outcome::Rejected { delay } => {
                // Answered late on purpose; the check slot is already free.
                let mut shutdown = self.shared.shutdown.clone();
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = crate::ops::stopped(&mut shutdown) => {}
                }
                "535 5.7.8 Authentication credentials invalid"
            }
            auth::Outcome::Busy => {
                warn!(parent: &self.span, "every password check slot busy; AUTH refused for now");
                "454 4.7.0 Temporary authentication failure, try again later"
            }
            auth::Outcome::Blocked(by) => {
                info!(parent: &self.span, blocked_by = ?by, "AUTH refused: too many recent failures");
                "454 4.7.0 Temporary authentication failure, try again later"
            }
        };
        self.auth_failures += 1;
        warn!(parent: &self.span, failures = self.auth_failures, "authentication failed");
        if self.auth_failures >= self.limits().max_auth_failures {
            self.conn
                .reply("421 4.7.0 Too many authentication failures");
            return Flow::Close;
        }
        self.error(reply)
    }

    /// Sends a 334 challenge and reads one response line.
    async fn challenge(&mut self, prompt: &str) -> Option<String> {
        self.conn.reply(prompt);
        let max = self.limits().max_command_line;
        let timeout = self.limits().command_timeout;
        match self.conn.read_line(max, timeout).await {
            Ok(Ok(line)) => Some(line),
            _ => None,
        }
    }

    /// "ESMTPSA" and friends, RFC 3848, for the Received header.
    pub(super) fn protocol(&self, utf8: bool) -> &'static str {
        match (
            utf8,
            self.client.esmtp,
            self.client.tls.is_some(),
            self.client.identity.user.is_some(),
        ) {
            (_, false, _, _) => "SMTP",
            (false, true, false, false) => "ESMTP",
            (false, true, true, false) => "ESMTPS",
            (false, true, false, true) => "ESMTPA",
            (false, true, true, true) => "ESMTPSA",
            (true, true, false, false) => "UTF8SMTP",
            (true, true, true, false) => "UTF8SMTPS",
            (true, true, false, true) => "UTF8SMTPA",
            (true, true, true, true) => "UTF8SMTPSA",
        }
    }
}
