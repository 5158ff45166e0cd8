//! A decrypted message, read for the page: who, when, what it says, and
//! what is attached. Parsing is mail-parser's (as the scanner's), with its
//! panics contained: a message it chokes on is shown as its raw text.

use mail_parser::{Message, MessagePart, MimeHeaders, PartType};

use super::access::{Attachment, AttachmentInfo, MessageView};

fn addresses(a: Option<&mail_parser::Address<'_>>) -> String {
    let Some(a) = a else { return String::new() };
    a.iter()
        .map(|m| match (m.name(), m.address()) {
            (Some(n), Some(e)) => format!("{n} <{e}>"),
            (None, Some(e)) => e.to_string(),
            (Some(n), None) => n.to_string(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn content_type(p: &MessagePart<'_>) -> String {
    match p.content_type() {
        Some(ct) => match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase(),
            None => ct.ctype().to_ascii_lowercase(),
        },
        None => "application/octet-stream".into(),
    }
}

fn name(p: &MessagePart<'_>, index: usize) -> String {
    p.attachment_name()
        .map(str::to_string)
        .unwrap_or_else(|| format!("attachment-{}", index + 1))
}

fn parsed(raw: &[u8]) -> Option<Message<'_>> {
    crate::dlp::extract::mime::parse(raw).ok().flatten()
}

/// The page's view of `raw`; `stored_at` stands in for a missing Date.
pub fn view(raw: &[u8], stored_at: u64) -> MessageView {
    let Some(m) = parsed(raw) else {
        return MessageView {
            from: String::new(),
            to: String::new(),
            date: crate::time::rfc5322(stored_at),
            subject: String::new(),
            text: Some(String::from_utf8_lossy(raw).into_owned()),
            html: None,
            attachments: Vec::new(),
        };
    };
    let html = m
        .html_part(0)
        .filter(|p| matches!(p.body, PartType::Html(_)))
        .and_then(|_| m.body_html(0))
        .map(|h| h.into_owned());
    let text = m
        .text_part(0)
        .filter(|p| matches!(p.body, PartType::Text(_)))
        .and_then(|_| m.body_text(0))
        .map(|t| t.into_owned());
    let attachments = m
        .attachments()
        .enumerate()
        .map(|(index, p)| AttachmentInfo {
            index,
            name: name(p, index),
            content_type: content_type(p),
            size: p.contents().len(),
            content_id: p
                .content_id()
                .map(|c| c.trim_matches(['<', '>', ' ']).to_string()),
        })
        .collect();
    MessageView {
        from: addresses(m.from()),
        to: addresses(m.to()),
        date: m
            .date()
            .map(|d| d.to_rfc822())
            .unwrap_or_else(|| crate::time::rfc5322(stored_at)),
        subject: m.subject().unwrap_or_default().to_string(),
        text: text.or_else(|| html.is_none().then(String::new)),
        html,
        attachments,
    }
}

pub fn attachment(raw: &[u8], index: usize) -> Option<Attachment> {
    let m = parsed(raw)?;
    let p = m.attachments().nth(index)?;
    Some(Attachment {
        name: name(p, index),
        content_type: content_type(p),
        bytes: p.contents().to_vec(),
    })
}

/// (Message-ID, Subject) of the original, for the reply's threading.
pub fn thread(raw: &[u8]) -> (Option<String>, String) {
    match parsed(raw) {
        Some(m) => (
            m.message_id().map(str::to_string),
            m.subject().unwrap_or_default().to_string(),
        ),
        None => (None, String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_with_html_and_attachment() {
        let raw = b"From: Dr A <a@clinic.test>\r\nTo: p@example.org\r\nSubject: Results\r\n\
Date: Mon, 30 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>\r\n\
--b\r\nContent-Type: application/pdf; name=r.pdf\r\nContent-Disposition: attachment; filename=r.pdf\r\n\
Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n";
        let v = view(raw, 0);
        assert_eq!(v.from, "Dr A <a@clinic.test>");
        assert_eq!(v.subject, "Results");
        assert_eq!(v.html.as_deref().map(str::trim), Some("<p>Hi</p>"));
        assert_eq!(v.attachments.len(), 1);
        assert_eq!(v.attachments[0].name, "r.pdf");
        assert_eq!(v.attachments[0].content_type, "application/pdf");
        assert_eq!(attachment(raw, 0).expect("att").bytes, b"%PDF-");
        assert!(attachment(raw, 1).is_none());
    }
}
