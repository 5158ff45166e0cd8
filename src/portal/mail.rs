//! The mail the portal writes: the notification, the one-time code, the
//! secure reply, and notices to the sender.
//!
//! A notification carries nothing from the message it announces: not its
//! subject, not the sender's name, not a word of the body. It names the
//! organization (from config), carries one link, and says how to tell it is
//! genuine. Phishing-looking notifications are why recipients never open
//! portal mail, so it is short, plain, and asks for no password.

use base64ct::{Base64, Encoding};

use crate::proto::address::Address;

/// An RFC 2047 encoded word when `s` is not plain ASCII; `s` otherwise.
fn header_text(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_control()).collect();
    if s.is_ascii() {
        s
    } else {
        format!("=?UTF-8?B?{}?=", Base64::encode_string(s.as_bytes()))
    }
}

/// `"Display" <addr>` with the name quoted or encoded.
fn mailbox(name: &str, addr: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    if name.is_ascii() {
        let q = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{q}\" <{addr}>")
    } else {
        format!("{} <{addr}>", header_text(&name))
    }
}

/// HTML-escaped text, by the same escaper as the portal's pages.
fn escape_html(s: &str) -> String {
    maud::html! { (s) }.into_string()
}

/// base64 in 76-column lines.
fn b64_lines(bytes: &[u8]) -> String {
    let enc = Base64::encode_string(bytes);
    let mut o = String::with_capacity(enc.len() + enc.len() / 76 * 2 + 2);
    for chunk in enc.as_bytes().chunks(76) {
        o.push_str(std::str::from_utf8(chunk).unwrap_or(""));
        o.push_str("\r\n");
    }
    o
}

fn random_tag() -> String {
    let b: [u8; 12] = super::keys::random().unwrap_or([0; 12]);
    crate::proto::hash::hex(&b)
}

struct Head<'a> {
    from: String,
    to: String,
    subject: &'a str,
    hostname: &'a str,
    now: u64,
    extra: Vec<String>,
}

fn head(h: &Head<'_>) -> String {
    let mut s = format!(
        "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <{}.portal@{}>\r\nMIME-Version: 1.0\r\n",
        h.from,
        h.to,
        header_text(h.subject),
        crate::time::rfc5322(h.now),
        random_tag(),
        h.hostname
    );
    for e in &h.extra {
        s.push_str(e);
        s.push_str("\r\n");
    }
    s
}

/// text/plain and text/html alternatives of one short notice.
fn alternative(head_text: String, text: &str, html: &str) -> Vec<u8> {
    let b = format!("alt-{}", random_tag());
    format!(
        "{head_text}Content-Type: multipart/alternative; boundary=\"{b}\"\r\n\r\n\
         --{b}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\
         --{b}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\
         --{b}--\r\n",
        b64_lines(text.as_bytes()),
        b64_lines(html.as_bytes()),
    )
    .into_bytes()
}

/// A short notice from the portal itself (RFC 3834: auto-generated).
fn automatic(
    org: &Org<'_>,
    to: String,
    subject: &str,
    text: &str,
    html: &str,
    now: u64,
) -> Vec<u8> {
    alternative(
        head(&Head {
            from: org.header_from(),
            to,
            subject,
            hostname: org.hostname,
            now,
            extra: vec!["Auto-Submitted: auto-generated".into()],
        }),
        text,
        html,
    )
}

pub struct Org<'a> {
    pub name: &'a str,
    pub from: &'a Address,
    pub hostname: &'a str,
    /// The host the recipient can check links against.
    pub portal_host: &'a str,
}

impl Org<'_> {
    fn header_from(&self) -> String {
        mailbox(self.name, &self.from.to_string())
    }
}

pub fn notification(org: &Org<'_>, to: &Address, link: &str, expires: u64, now: u64) -> Vec<u8> {
    let name = org.name;
    let until = crate::time::rfc5322(expires);
    let subject = format!("Secure message from {name}");
    let text = format!(
        "You have a secure message from {name}.\r\n\r\n\
         Open it here:\r\n{link}\r\n\r\n\
         Why a link? The message may contain private health information, so {name} keeps it on its \
         secure site instead of sending it to your mailbox. When you open the link, a one-time code \
         is emailed to this address; enter it to read the message and to reply. You can open it \
         until {until}.\r\n\r\n\
         How to check this email is genuine: the link goes to {host} and nowhere else. You will \
         never be asked for a password, payment or anything to install. If in doubt, call {name} on \
         a number you already know, not one from an email.\r\n",
        host = org.portal_host
    );
    let html = format!(
        "<!doctype html><html lang=\"en\"><body>\
         <p>You have a secure message from {n}.</p>\
         <p><a href=\"{l}\">Open the secure message</a></p>\
         <p>Why a link? The message may contain private health information, so {n} keeps it on its \
         secure site instead of sending it to your mailbox. When you open the link, a one-time code \
         is emailed to this address; enter it to read the message and to reply. You can open it \
         until {u}.</p>\
         <p>How to check this email is genuine: the link goes to <strong>{h}</strong> and nowhere \
         else. You will never be asked for a password, payment or anything to install. If in doubt, \
         call {n} on a number you already know, not one from an email.</p>\
         <p>Link: {l}</p></body></html>",
        n = escape_html(name),
        l = escape_html(link),
        u = escape_html(&until),
        h = escape_html(org.portal_host),
    );
    automatic(org, to.to_string(), &subject, &text, &html, now)
}

pub fn code(org: &Org<'_>, to: &Address, code: &str, valid_mins: u64, now: u64) -> Vec<u8> {
    let name = org.name;
    let subject = format!("Your code for {name} secure messages");
    let text = format!(
        "Your one-time code is: {code}\r\n\r\n\
         Enter it on the secure message page at {host}. It works once, for {valid_mins} minutes.\r\n\
         If you did not ask for a code, ignore this email: nobody can open your message without it.\r\n",
        host = org.portal_host
    );
    let html = format!(
        "<!doctype html><html lang=\"en\"><body><p>Your one-time code is:</p>\
         <p style=\"font-size:1.5em;letter-spacing:0.2em\"><strong>{code}</strong></p>\
         <p>Enter it on the secure message page at {h}. It works once, for {valid_mins} minutes.</p>\
         <p>If you did not ask for a code, ignore this email: nobody can open your message without it.</p>\
         </body></html>",
        h = escape_html(org.portal_host)
    );
    automatic(org, to.to_string(), &subject, &text, &html, now)
}

/// What happened to a portal message, told to its sender.
#[derive(Debug, Clone, Copy)]
pub enum SenderNotice {
    /// Held in the portal because the recipient's server could not take it
    /// over verified TLS (or a rule or the admin said so).
    Stored,
    Opened,
    ExpiredUnread,
}

pub fn sender_notice(
    org: &Org<'_>,
    sender: &Address,
    recipient: &Address,
    what: SenderNotice,
    now: u64,
) -> Vec<u8> {
    let (subject, line) = match what {
        SenderNotice::Stored => (
            "Secure message held in the portal",
            format!(
                "Your message to {recipient} is held in the {} secure portal; the recipient was sent a link to read it there.",
                org.name
            ),
        ),
        SenderNotice::Opened => (
            "Secure message opened",
            format!(
                "Your secure message to {recipient} was opened in the {} portal.",
                org.name
            ),
        ),
        SenderNotice::ExpiredUnread => (
            "Secure message expired unread",
            format!(
                "Your secure message to {recipient} expired in the {} portal without being opened. \
                 Send it again if it is still needed, or reach the recipient another way.",
                org.name
            ),
        ),
    };
    let text = format!("{line}\r\n");
    let html = format!(
        "<!doctype html><html lang=\"en\"><body><p>{}</p></body></html>",
        escape_html(&line)
    );
    alternative(
        head(&Head {
            from: org.header_from(),
            to: sender.to_string(),
            subject,
            hostname: org.hostname,
            now,
            extra: vec!["Auto-Submitted: auto-generated".into()],
        }),
        &text,
        &html,
    )
}

pub struct Reply<'a> {
    pub recipient: &'a Address,
    pub to: &'a Address,
    pub subject: &'a str,
    pub in_reply_to: Option<&'a str>,
    pub text: &'a str,
    pub files: &'a [super::access::Attachment],
}

/// The recipient's reply, as the organization's mail system receives it:
/// From the portal's address (the recipient's own domain would fail
/// DMARC), naming the recipient, with Reply-To the recipient.
pub fn reply(org: &Org<'_>, r: &Reply<'_>, now: u64) -> Vec<u8> {
    let subject = if r.subject.to_ascii_lowercase().starts_with("re:") {
        r.subject.to_string()
    } else {
        format!("Re: {}", r.subject)
    };
    let mut extra = vec![format!("Reply-To: {}", r.recipient)];
    if let Some(id) = r.in_reply_to {
        let id = id.trim_matches(['<', '>']);
        if !id.is_empty() && !id.contains(['<', '>', '\r', '\n']) {
            extra.push(format!("In-Reply-To: <{id}>"));
            extra.push(format!("References: <{id}>"));
        }
    }
    let from = mailbox(
        &format!("{} via {} secure portal", r.recipient, org.name),
        &org.from.to_string(),
    );
    let head_text = head(&Head {
        from,
        to: r.to.to_string(),
        subject: &subject,
        hostname: org.hostname,
        now,
        extra,
    });
    let b = format!("mix-{}", random_tag());
    let mut out = format!(
        "{head_text}Content-Type: multipart/mixed; boundary=\"{b}\"\r\n\r\n\
         --{b}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
        b64_lines(r.text.as_bytes())
    );
    for f in r.files {
        let ctype = if f.content_type.is_ascii()
            && f.content_type.contains('/')
            && !f.content_type.contains(['\r', '\n', ';', '"'])
        {
            f.content_type.as_str()
        } else {
            "application/octet-stream"
        };
        let disp = super::filename::mime_attachment(&f.name);
        out.push_str(&format!(
            "--{b}\r\nContent-Type: {ctype}\r\nContent-Disposition: {disp}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
            b64_lines(&f.bytes)
        ));
    }
    out.push_str(&format!("--{b}--\r\n"));
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MimeHeaders;

    fn addr(s: &str) -> Address {
        crate::proto::address::parse_mailbox(s).expect("address")
    }

    #[test]
    fn notification_names_only_the_organization_and_one_link() {
        let from = addr("portal-noreply@riverbend.test");
        let org = Org {
            name: "Riverbend Health",
            from: &from,
            hostname: "gw.riverbend.test",
            portal_host: "portal.riverbend.test",
        };
        let link = "https://portal.riverbend.test/m/AbC123";
        let msg = notification(
            &org,
            &addr("p@example.org"),
            link,
            1_900_000_000,
            1_800_000_000,
        );
        let parsed = mail_parser::MessageParser::default()
            .parse(&msg)
            .expect("parses");
        assert_eq!(
            parsed.subject(),
            Some("Secure message from Riverbend Health")
        );
        let text = parsed.body_text(0).expect("text");
        assert!(text.contains(link));
        assert_eq!(text.matches("https://").count(), 1, "one link");
        let html = parsed.body_html(0).expect("html");
        assert_eq!(html.matches("href=").count(), 1);
    }

    #[test]
    fn reply_threads_and_carries_attachments() {
        let from = addr("portal-noreply@riverbend.test");
        let org = Org {
            name: "Riverbend Health",
            from: &from,
            hostname: "gw",
            portal_host: "p",
        };
        let files = [super::super::access::Attachment {
            name: "scan é.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: vec![0, 1, 2, 255],
        }];
        let msg = reply(
            &org,
            &Reply {
                recipient: &addr("p@example.org"),
                to: &addr("dr@riverbend.test"),
                subject: "Results",
                in_reply_to: Some("<abc@riverbend.test>"),
                text: "Thank you — received.",
                files: &files,
            },
            1_800_000_000,
        );
        let m = mail_parser::MessageParser::default()
            .parse(&msg)
            .expect("parses");
        assert_eq!(m.subject(), Some("Re: Results"));
        assert_eq!(m.in_reply_to().as_text(), Some("abc@riverbend.test"));
        assert_eq!(m.body_text(0).as_deref(), Some("Thank you — received."));
        let a = m.attachments().next().expect("attachment");
        assert_eq!(a.contents(), &[0, 1, 2, 255]);
        assert_eq!(a.attachment_name(), Some("scan é.pdf"));
    }
}
