//! Delivery status notifications (RFC 3464 multipart/report, RFC 3461
//! semantics) to the envelope sender.
//!
//! A DSN returns only the original's identifying headers (Message-ID, Date,
//! From, To) — never the Subject or body, even with RET=FULL: a bounce
//! travels back over whatever TLS the sender's domain offers, and the
//! content it would carry is exactly the PHI this gateway exists to protect.

use std::fmt::Write;

use crate::proto::params::Recipient;
use crate::spool::Envelope;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DsnAction {
    Failed,
    Delayed,
}

pub struct DsnRecipient<'a> {
    pub rcpt: &'a Recipient,
    pub action: DsnAction,
    pub status: String,
    pub diagnostic: String,
    pub remote: Option<String>,
}

/// Whether the recipient asked (or the default policy says) to hear of this.
pub fn wanted(r: &Recipient, action: DsnAction) -> bool {
    let n = r
        .params
        .notify
        .unwrap_or_else(crate::proto::params::Notify::default_policy);
    !n.never
        && match action {
            DsnAction::Failed => n.failure,
            DsnAction::Delayed => n.delay,
        }
}

/// Only identifying headers of the original, unfolded to single lines.
fn safe_headers(message: &[u8]) -> String {
    const KEEP: [&str; 4] = ["message-id", "date", "from", "to"];
    let end = memchr::memmem::find(message, b"\r\n\r\n")
        .map(|i| i + 2)
        .unwrap_or(message.len());
    let head = String::from_utf8_lossy(&message[..end]);
    let mut out = String::new();
    let mut keep = false;
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if keep {
                out.push_str(line);
            }
            continue;
        }
        if keep {
            out.push_str("\r\n");
        }
        let name = line
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        keep = KEEP.contains(&name.as_str());
        if keep {
            out.push_str(line);
        }
    }
    if keep {
        out.push_str("\r\n");
    }
    out
}

/// An address for a header or status field: CR, LF and NUL can never
/// appear (the SMTP parser refused them), but defend in depth.
fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

pub fn build(
    hostname: &str,
    env: &Envelope,
    rcpts: &[DsnRecipient<'_>],
    original: &[u8],
    now: u64,
) -> Option<Vec<u8>> {
    let sender = env.sender.as_ref()?;
    let failed = rcpts.iter().any(|r| r.action == DsnAction::Failed);
    let boundary = format!("{}/{}", env.id, hostname);
    let date = crate::time::rfc5322(now);
    let mut m = String::new();
    let _ = write!(
        m,
        "From: Mail Delivery System <MAILER-DAEMON@{hostname}>\r\n\
         To: <{to}>\r\n\
         Subject: {subject}\r\n\
         Date: {date}\r\n\
         Message-ID: <{id}.{kind}@{hostname}>\r\n\
         Auto-Submitted: auto-replied\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"{boundary}\"\r\n\
         \r\n\
         This is a MIME-encapsulated delivery status notification.\r\n\
         \r\n\
         --{boundary}\r\n\
         Content-Type: text/plain; charset=us-ascii\r\n\
         \r\n",
        to = clean(&sender.to_string()),
        subject = if failed {
            "Undelivered Mail Returned to Sender"
        } else {
            "Delayed Mail (still being retried)"
        },
        id = env.id,
        kind = if failed { "failed" } else { "delayed" },
    );
    let _ = write!(
        m,
        "This is the mail gateway at {hostname}.\r\n\r\n{}\r\n\r\n",
        if failed {
            "Your message could not be delivered to one or more recipients.\r\nThe reasons are given below; the message content is not returned."
        } else {
            "Your message has not yet been delivered to one or more recipients.\r\nThe gateway will keep trying; you do not need to resend it."
        }
    );
    for r in rcpts {
        let _ = write!(
            m,
            "<{}>: {}\r\n",
            clean(&r.rcpt.address.to_string()),
            clean(&r.diagnostic)
        );
    }
    let _ = write!(
        m,
        "\r\n--{boundary}\r\nContent-Type: message/delivery-status\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
    );
    let _ = write!(m, "Reporting-MTA: dns; {hostname}\r\n");
    if let Some(envid) = &env.params.envid {
        let _ = write!(m, "Original-Envelope-Id: {envid}\r\n");
    }
    let _ = write!(
        m,
        "Arrival-Date: {}\r\n",
        crate::time::rfc5322(env.received_at)
    );
    for r in rcpts {
        m.push_str("\r\n");
        if let Some(orcpt) = &r.rcpt.params.orcpt {
            let _ = write!(m, "Original-Recipient: {}\r\n", clean(orcpt));
        }
        let _ = write!(
            m,
            "Final-Recipient: rfc822; {}\r\nAction: {}\r\nStatus: {}\r\n",
            clean(&r.rcpt.address.to_string()),
            if r.action == DsnAction::Failed {
                "failed"
            } else {
                "delayed"
            },
            clean(&r.status)
        );
        if let Some(remote) = &r.remote {
            let host = remote.split(' ').next().unwrap_or(remote);
            let _ = write!(m, "Remote-MTA: dns; {}\r\n", clean(host));
        }
        let diag = clean(&r.diagnostic);
        if diag.chars().take(3).all(|c| c.is_ascii_digit()) && diag.len() > 3 {
            let _ = write!(m, "Diagnostic-Code: smtp; {diag}\r\n");
        } else {
            let _ = write!(m, "Diagnostic-Code: X-sealgate; {diag}\r\n");
        }
        let _ = write!(m, "Last-Attempt-Date: {date}\r\n");
    }
    let _ = write!(
        m,
        "\r\n--{boundary}\r\nContent-Type: text/rfc822-headers\r\nContent-Transfer-Encoding: 7bit\r\n\r\n{}\r\n--{boundary}--\r\n",
        safe_headers(original)
    );
    // 7bit everywhere: non-ASCII from a diagnostic or header becomes '?'.
    Some(
        m.chars()
            .map(|c| if c.is_ascii() { c } else { '?' })
            .collect::<String>()
            .into_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::address::Address;
    use crate::proto::params::{Notify, RcptParams};

    #[test]
    fn safe_headers_drop_subject_and_body() {
        let msg = b"Received: x\r\nSubject: Jane Doe SSN 123\r\nFrom: a@b.org\r\nTo: c@d.org,\r\n e@f.org\r\n\r\nBody PHI";
        let h = safe_headers(msg);
        assert_eq!(h, "From: a@b.org\r\nTo: c@d.org, e@f.org\r\n");
    }

    #[test]
    fn notify_never_suppresses() {
        let mut r = Recipient {
            address: Address {
                local: "a".into(),
                domain: "b.org".into(),
            },
            params: RcptParams::default(),
        };
        assert!(wanted(&r, DsnAction::Failed));
        r.params.notify = Some(Notify {
            never: true,
            ..Notify::default()
        });
        assert!(!wanted(&r, DsnAction::Failed));
        r.params.notify = Some(Notify {
            success: true,
            ..Notify::default()
        });
        assert!(!wanted(&r, DsnAction::Failed));
    }
}
