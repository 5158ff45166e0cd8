//! Delivery status notifications (RFC 3464 multipart/report, RFC 3461
//! semantics) to the envelope sender.
//!
//! A DSN returns only the original's identifying headers (Message-ID, Date,
//! and From and To as bare addresses) — never the Subject, the body or a
//! display name, even with RET=FULL: a display name is free text, and a
//! clinic's "Jane Roe (MRN 4417)" is PHI. A DSN about a message that was not
//! plain `deliver` also inherits its TLS floor ([`verdict_for`]): the
//! recipients and diagnostics it names are about that message.

use std::fmt::Write;

use crate::dlp::{Action, Verdict};
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

/// The verdict a DSN is routed by: a DSN about a message that was secured
/// (or held for the portal) goes out at `phi_tls` like the message itself,
/// never below it; one about a clean message is clean. Only the class is
/// copied, not the rule hits: the DSN's own content was not scanned.
pub fn verdict_for(original: &Verdict) -> Verdict {
    if original.phi || original.action != Action::Deliver {
        Verdict {
            phi: true,
            action: Action::Secure,
            ..Verdict::clean()
        }
    } else {
        Verdict::clean()
    }
}

/// Only identifying headers of the original, unfolded to single lines;
/// From and To reduced to their addresses.
fn safe_headers(message: &[u8]) -> String {
    const KEEP: [&str; 4] = ["message-id", "date", "from", "to"];
    let end = memchr::memmem::find(message, b"\r\n\r\n")
        .map(|i| i + 2)
        .unwrap_or(message.len());
    let head = String::from_utf8_lossy(&message[..end]);
    // Whole (unfolded) header fields first, then pick.
    let mut fields: Vec<String> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.push_str(line);
            }
        } else if !line.is_empty() {
            fields.push(line.to_string());
        }
    }
    let mut out = String::new();
    for field in fields {
        let Some((name, _)) = field.split_once(':') else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        if !KEEP.contains(&name.as_str()) {
            continue;
        }
        if name == "from" || name == "to" {
            let addrs = bare_addresses(&field, name == "from");
            if !addrs.is_empty() {
                let label = if name == "from" { "From" } else { "To" };
                let _ = write!(out, "{label}: {}\r\n", addrs.join(", "));
            }
        } else {
            out.push_str(&field);
            out.push_str("\r\n");
        }
    }
    out
}

/// The addresses of one From or To field, without display names, comments
/// or group names (RFC 5322 §3.4, parsed by mail-parser).
fn bare_addresses(field: &str, from: bool) -> Vec<String> {
    let one = format!("{field}\r\n\r\n");
    let Some(parsed) = mail_parser::MessageParser::default().parse_headers(one.as_bytes()) else {
        return Vec::new();
    };
    let list = if from { parsed.from() } else { parsed.to() };
    list.map(|l| {
        l.iter()
            .filter_map(|a| a.address())
            .map(clean)
            .filter(|a| a.contains('@') && !a.contains([' ', '<', '>', '"', ',']))
            .collect()
    })
    .unwrap_or_default()
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
            // "mx.example.org[192.0.2.1]:25" (older state files: "mx.example.org [192.0.2.1]").
            let host = remote.split(['[', ' ']).next().unwrap_or(remote);
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
    fn display_names_never_come_back() {
        let msg = b"From: \"Dr. Kim (oncology)\" <kim@clinic.test>\r\nTo: \"Jane Roe MRN 4417-2290\" <jane@home.test>,\r\n  Bob <bob@home.test>, carol@home.test\r\nMessage-ID: <x@clinic.test>\r\nSubject: s\r\n\r\nbody";
        let h = safe_headers(msg);
        assert_eq!(
            h,
            "From: kim@clinic.test\r\nTo: jane@home.test, bob@home.test, carol@home.test\r\nMessage-ID: <x@clinic.test>\r\n"
        );
        let group = b"To: Patients of Dr Kim: a@b.test, \"MRN 1\" <c@d.test>;\r\nFrom: =?utf-8?q?J=C3=B6rg?= <j@e.test>\r\n\r\n";
        let h = safe_headers(group);
        assert_eq!(h, "To: a@b.test, c@d.test\r\nFrom: j@e.test\r\n");
        // No address at all: the field is left out rather than guessed at.
        assert_eq!(safe_headers(b"To: undisclosed-recipients:;\r\n\r\n"), "");
    }

    #[test]
    fn dsn_verdict_keeps_the_tls_floor_only() {
        let secured = Verdict {
            phi: true,
            score: 40,
            action: Action::Secure,
            ..Verdict::clean()
        };
        let v = verdict_for(&secured);
        assert!(v.phi && v.action == Action::Secure && v.score == 0 && v.hits.is_empty());
        let portal = Verdict {
            action: Action::Portal,
            ..Verdict::clean()
        };
        assert_eq!(verdict_for(&portal).action, Action::Secure);
        assert_eq!(verdict_for(&Verdict::clean()), Verdict::clean());
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
