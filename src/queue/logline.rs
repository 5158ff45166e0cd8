//! The delivery log: one line per recipient per attempt, as Postfix writes
//! it, so an operator can answer "what happened to the mail for X" from the
//! log alone: queue id (from the span), recipient, relay, delay, DSN status,
//! sent / deferred / bounced, the reason or the remote reply, and the TLS
//! that carried it. Recipients appear as `log.recipients` says; nothing of
//! the content ever does.

use tracing::info;

use crate::config::LogRecipients;
use crate::outbound::client::TlsInfo;
use crate::proto::address::Address;

/// What became of one recipient in one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Sent,
    Deferred,
    Bounced,
    /// Handed to the portal (secure mail its servers could not take over TLS).
    Portal,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Sent => "sent",
            Status::Deferred => "deferred",
            Status::Bounced => "bounced",
            Status::Portal => "portal",
        }
    }
}

/// One recipient's line; `text` is the remote reply when sent, else the reason.
pub struct Line<'a> {
    pub rcpt: &'a Address,
    pub relay: Option<&'a str>,
    pub delay_secs: u64,
    pub dsn: &'a str,
    pub status: Status,
    pub text: &'a str,
    pub tls: Option<&'a TlsInfo>,
}

/// A recipient as the configuration allows logs to name it.
pub fn render(rcpt: &Address, how: LogRecipients) -> String {
    match how {
        LogRecipients::Full => rcpt.to_string(),
        LogRecipients::Domain => rcpt.domain.clone(),
        LogRecipients::Hash => {
            let hex = crate::proto::hash::sha256_hex(rcpt.to_string().as_bytes());
            format!("sha256:{}", &hex[..16])
        }
    }
}

pub fn write(line: &Line<'_>, how: LogRecipients) {
    let to = render(line.rcpt, how);
    let (version, cipher, verified, cert) = match line.tls {
        Some(t) => (
            t.negotiated.version.as_str(),
            t.negotiated.cipher.as_str(),
            t.verified.as_str(),
            t.cert_sha256.as_deref().unwrap_or("none"),
        ),
        None => ("none", "none", "none", "none"),
    };
    let relay = line.relay.unwrap_or("none");
    let status = line.status.as_str();
    let route = if line.status == Status::Portal {
        "portal"
    } else {
        "tls"
    };
    if line.status == Status::Sent {
        info!(
            to = %to,
            relay = %relay,
            delay = line.delay_secs,
            dsn = %line.dsn,
            status = %status,
            route = %route,
            tls = %version,
            cipher = %cipher,
            verified = %verified,
            cert = %cert,
            reply = line.text,
            "delivery"
        );
    } else {
        info!(
            to = %to,
            relay = %relay,
            delay = line.delay_secs,
            dsn = %line.dsn,
            status = %status,
            route = %route,
            tls = %version,
            cipher = %cipher,
            verified = %verified,
            cert = %cert,
            reason = line.text,
            "delivery"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_rendered_as_configured() {
        let a = Address {
            local: "jane.doe".into(),
            domain: "clinic.test".into(),
        };
        assert_eq!(render(&a, LogRecipients::Full), "jane.doe@clinic.test");
        assert_eq!(render(&a, LogRecipients::Domain), "clinic.test");
        let h = render(&a, LogRecipients::Hash);
        assert!(h.starts_with("sha256:") && h.len() == 7 + 16, "{h}");
        assert!(!h.contains("jane"));
        assert_eq!(
            &h[7..],
            &crate::proto::hash::sha256_hex(b"jane.doe@clinic.test")[..16]
        );
    }
}
