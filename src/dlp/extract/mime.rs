//! MIME walking: headers, bodies, attachments and nested messages.
//!
//! mail-parser has already undone transfer encodings and charsets; this
//! module decides which part is which (`body` vs `attachment:NAME`) and hands
//! attachment bytes to the format extractors. Where mail-parser's reading of
//! a part may not be the one a mail client shows (junk in base64, two
//! transfer encodings, UTF-16/32, unknown charsets, uuencode),
//! [`decoding`] scans the other readings too; a `message/partial` fragment
//! is reported unscanned.

use mail_parser::{HeaderValue, Message, MessageParser, MimeHeaders, PartType};

use crate::dlp::config::ImagePolicy;
use crate::dlp::extract::{Budget, Extracted, decoding, extract_bytes, html, is_image};
use crate::dlp::rules::PartKind;

/// Headers that carry routing and transport data, never something a sender
/// wrote; scanning them only adds noise (Received lines are full of IPs and
/// dates).
const SKIP_HEADERS: &[&str] = &[
    "received",
    "dkim-signature",
    "arc-seal",
    "arc-message-signature",
    "arc-authentication-results",
    "authentication-results",
    "message-id",
    "references",
    "in-reply-to",
    "date",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
    "content-id",
    "return-path",
    "received-spf",
    "subject",
];

/// Parse with mail-parser, containing its panics.
///
/// mail-parser 0.11.9 reaches a `debug_assert!` ("Invalid part ID, could not
/// find multipart") on some malformed MIME (found by fuzzing): a panic in
/// builds with debug assertions, silently odd output without. A parser bug
/// must not take down the SMTP session, so it is caught here and the message
/// is treated as unparseable (scanned as raw text, and failed closed).
pub fn parse(raw: &[u8]) -> Result<Option<Message<'_>>, ParserPanicked> {
    std::panic::catch_unwind(|| MessageParser::default().parse(raw)).map_err(|_| ParserPanicked)
}

/// mail-parser panicked on the input (see [`parse`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParserPanicked;

pub fn extract_message(raw: &[u8], budget: &mut Budget<'_>, want_headers: bool) -> Extracted {
    let mut out = Extracted::default();
    match parse(raw) {
        Err(ParserPanicked) => {
            tracing::warn!(
                "dlp: mail-parser panicked on a message; scanned as raw text, failing closed"
            );
            out.unscanned
                .push("message: MIME structure could not be parsed".into());
            let text = crate::dlp::extract::decode_text(raw);
            budget.push(&mut out, PartKind::Body, "body".into(), text);
        }
        Ok(Some(msg)) => {
            out.subject = msg.subject().map(str::to_string);
            if want_headers {
                headers(&msg, budget, &mut out);
            }
            walk(&msg, None, 0, budget, &mut out);
        }
        Ok(None) => {
            // Not parseable as a message at all: scan it as plain text
            // rather than letting malformed input skip the scan.
            let text = crate::dlp::extract::decode_text(raw);
            budget.push(&mut out, PartKind::Body, "body".into(), text);
        }
    }
    out
}

/// A message found inside an attachment (`.eml`, or inside a zip).
pub fn extract_nested(
    label: &str,
    raw: &[u8],
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    match parse(raw) {
        Ok(Some(msg)) => walk(&msg, Some(label), depth, budget, out),
        _ => out.unscanned.push(format!("{label}: unparseable message")),
    }
}

fn headers(msg: &Message<'_>, budget: &mut Budget<'_>, out: &mut Extracted) {
    for h in msg.headers() {
        let name = h.name();
        let lname = name.to_ascii_lowercase();
        if SKIP_HEADERS.contains(&lname.as_str()) || lname.starts_with("x-ms-") {
            continue;
        }
        let text = match h.value() {
            HeaderValue::Text(t) => t.to_string(),
            HeaderValue::TextList(l) => l.join(" "),
            HeaderValue::Address(a) => {
                let mut s = String::new();
                for addr in a.iter() {
                    if let Some(n) = &addr.name {
                        s.push_str(n);
                        s.push(' ');
                    }
                    if let Some(e) = &addr.address {
                        s.push_str(e);
                        s.push(' ');
                    }
                }
                s
            }
            _ => continue,
        };
        budget.push(out, PartKind::Header, format!("header:{name}"), text);
    }
}

fn walk(
    msg: &Message<'_>,
    nested: Option<&str>,
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    // Inside an attached message everything is attachment content; an
    // inline forwarded message reads as body.
    let (body_kind, body_label) = match nested {
        Some(l) => (PartKind::Attachment, l.to_string()),
        None => (PartKind::Body, "body".to_string()),
    };
    if let Some(n) = nested {
        if let Some(s) = msg.subject() {
            budget.push(out, PartKind::Attachment, n.to_string(), s.to_string());
        }
    } else if let Some(s) = msg.subject() {
        budget.push(out, PartKind::Subject, "subject".into(), s.to_string());
    }
    for (i, part) in msg.parts.iter().enumerate() {
        if !budget.take_part(out) {
            return;
        }
        let name = part.attachment_name().map(str::to_string);
        let disp_attach = part
            .content_disposition()
            .is_some_and(|d| d.ctype().eq_ignore_ascii_case("attachment"));
        let is_attachment = name.is_some() || disp_attach;
        let shown = name.clone().unwrap_or_else(|| format!("part{i}"));
        let label = match nested {
            Some(n) => format!("{n}/{shown}"),
            None => format!("attachment:{shown}"),
        };
        if let Some(n) = &name {
            budget.push(out, PartKind::AttachmentName, label.clone(), n.clone());
        }
        let ctype = part
            .content_type()
            .map(|c| match c.subtype() {
                Some(s) => format!("{}/{}", c.ctype(), s),
                None => c.ctype().to_string(),
            })
            .unwrap_or_default();
        let (kind, lbl) = if is_attachment {
            (PartKind::Attachment, label.clone())
        } else {
            (body_kind, body_label.clone())
        };
        if ctype.eq_ignore_ascii_case("message/partial") {
            out.unscanned.push(format!(
                "{label}: message/partial fragment (a fragment cannot be scanned whole)"
            ));
        }
        match &part.body {
            PartType::Text(t) => {
                budget.push(out, kind, lbl.clone(), t.to_string());
                decoding::recheck_text(msg, part, t, false, kind, &lbl, depth, budget, out);
            }
            PartType::Html(h) => {
                budget.push(out, kind, lbl.clone(), html::to_text(h));
                decoding::recheck_text(msg, part, h, true, kind, &lbl, depth, budget, out);
            }
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                // An image shown in the body (a logo the HTML refers to by
                // `cid:`) is not, by itself, a reason to hold the message.
                let shown_inline = part.content_id().is_some() && !disp_attach;
                let skip = budget.images == ImagePolicy::IgnoreInline
                    && shown_inline
                    && is_image(name.as_deref().unwrap_or(""), &ctype, b);
                if !skip {
                    extract_bytes(
                        &label,
                        name.as_deref().unwrap_or(""),
                        &ctype,
                        b,
                        depth + 1,
                        budget,
                        out,
                    );
                    decoding::recheck_binary(
                        msg,
                        part,
                        b,
                        &label,
                        name.as_deref().unwrap_or(""),
                        &ctype,
                        depth + 1,
                        budget,
                        out,
                    );
                }
            }
            PartType::Message(m) => {
                if depth + 1 > budget.limits.max_depth {
                    out.unscanned.push(format!(
                        "{label}: nested deeper than {} levels",
                        budget.limits.max_depth
                    ));
                } else if is_attachment {
                    walk(m, Some(&label), depth + 1, budget, out);
                } else {
                    walk_inline(m, depth + 1, budget, out, nested);
                }
            }
            PartType::Multipart(_) => {}
        }
        if budget.exhausted {
            return;
        }
    }
}

/// A forwarded message shown inline: its subject and text are body text.
fn walk_inline(
    m: &Message<'_>,
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
    nested: Option<&str>,
) {
    match nested {
        Some(n) => walk(m, Some(n), depth, budget, out),
        None => {
            if let Some(s) = m.subject() {
                budget.push(out, PartKind::Body, "body".into(), s.to_string());
            }
            walk_body_only(m, depth, budget, out);
        }
    }
}

fn walk_body_only(m: &Message<'_>, depth: u32, budget: &mut Budget<'_>, out: &mut Extracted) {
    // Reuse `walk` but without pushing the inner subject as the top subject.
    let mut inner = Extracted::default();
    walk(m, None, depth, budget, &mut inner);
    for mut s in inner.segments {
        if s.kind == PartKind::Subject {
            s.kind = PartKind::Body;
            s.label = "body".into();
        }
        out.segments.push(s);
    }
    out.unscanned.extend(inner.unscanned);
}
