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
    "thread-index",
    "x-originating-ip",
    "list-unsubscribe",
    "list-unsubscribe-post",
    "list-id",
    "feedback-id",
];

/// Header families that mail systems add for their own bookkeeping
/// (anti-spam verdicts, tenant ids, signatures): machine data, never text a
/// sender wrote.
const SKIP_PREFIXES: &[&str] = &[
    "x-ms-",
    "x-microsoft-",
    "x-forefront-",
    "x-google-",
    "x-gm-",
    "arc-",
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
            note_shown_cids(&msg, budget);
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
        Ok(Some(msg)) => {
            note_shown_cids(&msg, budget);
            walk(&msg, Some(label), depth, budget, out)
        }
        _ => out.unscanned.push(format!("{label}: unparseable message")),
    }
}

/// Address headers whose display names a person wrote ("Smith, John (DOB
/// 04/12/1961)"). Only the names and comments are scanned: the addresses
/// themselves are routing data and would only add noise.
const ADDRESS_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "reply-to",
    "sender",
    "resent-from",
    "resent-to",
    "resent-cc",
    "resent-sender",
    "disposition-notification-to",
];

/// The human-written text of each scannable header, as `(name, text)`:
/// display names and comments of address headers, and every unstructured
/// header (`X-*`, Comments, Keywords, Thread-Topic, ...). The subject is
/// scanned on its own and transport headers are skipped (see
/// [`SKIP_HEADERS`]).
pub fn header_texts<'m>(msg: &'m Message<'_>) -> Vec<(&'m str, String)> {
    let mut out = Vec::new();
    for h in msg.headers() {
        let name = h.name();
        let lname = name.to_ascii_lowercase();
        if SKIP_HEADERS.contains(&lname.as_str())
            || SKIP_PREFIXES.iter().any(|p| lname.starts_with(p))
        {
            continue;
        }
        let text = if ADDRESS_HEADERS.contains(&lname.as_str()) {
            address_text(h.value(), raw_value(msg, h))
        } else {
            match h.value() {
                HeaderValue::Text(t) => decode_encoded_words(t),
                HeaderValue::TextList(l) => decode_encoded_words(&l.join(", ")),
                // An unstructured header mail-parser read as an address list
                // (it guesses from the name): scan all of it.
                HeaderValue::Address(_) => decode_encoded_words(raw_value(msg, h)),
                _ => continue,
            }
        };
        if !text.trim().is_empty() {
            out.push((name, text));
        }
    }
    out
}

/// mail-parser keeps a header it has no parser for (`Thread-Topic`,
/// `X-*`) raw, RFC 2047 encoded words and all: `=?utf-8?b?...?=` would hide
/// a name or an SSN from every rule. Its Subject parser decodes them, so the
/// value is read as a subject.
fn decode_encoded_words(raw: &str) -> String {
    if !raw.contains("=?") {
        return raw.to_string();
    }
    let one = format!("Subject: {}\r\n\r\n", raw.replace(['\r', '\n'], " "));
    MessageParser::default()
        .parse_headers(one.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_else(|| raw.to_string())
}

fn raw_value<'m>(msg: &'m Message<'_>, h: &mail_parser::Header<'_>) -> &'m str {
    msg.raw_message
        .get(h.offset_start() as usize..h.offset_end() as usize)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// Display names, group names and the comments of an address header. A name
/// with an unquoted comma ("Smith, John (DOB ...)" <a@b>) is split by the
/// parser into two mailboxes, so names are joined back with ", "; comments
/// (parenthesised text) are taken from the raw value because the parser may
/// drop them.
fn address_text(value: &HeaderValue<'_>, raw: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let HeaderValue::Address(a) = value {
        match a {
            mail_parser::Address::List(l) => parts.extend(
                l.iter()
                    .filter_map(|m| m.name.as_deref().map(str::to_string)),
            ),
            mail_parser::Address::Group(g) => {
                for grp in g {
                    parts.extend(grp.name.as_deref().map(str::to_string));
                    parts.extend(
                        grp.addresses
                            .iter()
                            .filter_map(|m| m.name.as_deref().map(str::to_string)),
                    );
                }
            }
        }
    }
    let mut text = parts.join(", ");
    for c in comments(raw) {
        if !text.contains(c) {
            text.push_str(" (");
            text.push_str(c);
            text.push(')');
        }
    }
    text
}

/// Top-level parenthesised comments of a raw header value, outside quotes.
fn comments(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut start) = (0usize, false, 0usize);
    let mut escaped = false;
    for (i, c) in raw.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' if depth == 0 => quoted = !quoted,
            '(' if !quoted => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.extend(raw.get(start..i));
                }
            }
            _ => {}
        }
    }
    out
}

fn headers(msg: &Message<'_>, budget: &mut Budget<'_>, out: &mut Extracted) {
    let texts: Vec<(&str, String)> = header_texts(msg)
        .into_iter()
        .map(|(name, text)| (name, labelled(name, text)))
        .collect();
    let joined = families(&texts);
    for (name, text) in texts {
        budget.push(out, PartKind::Header, format!("header:{name}"), text);
    }
    for (family, text) in joined {
        budget.push(out, PartKind::Header, format!("header:{family}*"), text);
    }
}

/// A system that writes its record into headers spreads it over a family of
/// them (`X-Referral-Patient: Le, Everett K.`, `X-Referral-Reason: R knee
/// ACL tear`): a name in one and what it is treated for in the next are one
/// record. The headers of each `X-` family with two or more members are
/// also scanned together, one per line, as a form's lines are; `(family,
/// text)` for each, the family being the names' first word (`X-Referral-`).
fn families<'a>(headers: &[(&'a str, String)]) -> Vec<(&'a str, String)> {
    let family = |name: &'a str| -> Option<&'a str> {
        if !name.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("x-")) {
            return None;
        }
        let rest = name.get(2..)?;
        rest.find('-').and_then(|i| name.get(..=i + 2))
    };
    let mut out: Vec<(&'a str, Vec<&str>)> = Vec::new();
    for (name, text) in headers {
        let Some(f) = family(name) else { continue };
        match out.iter_mut().find(|(g, _)| g.eq_ignore_ascii_case(f)) {
            Some((_, lines)) => lines.push(text),
            None => out.push((f, vec![text])),
        }
    }
    out.into_iter()
        .filter(|(_, lines)| lines.len() > 1)
        .map(|(f, lines)| (f, lines.join("\n")))
        .collect()
}

/// A header's name says what its value is (`X-Patient-DOB: 20121004`,
/// `X-Patient-Name: LEVESQUE, MAELLE`), as a label in a form does, so the
/// value is scanned after it written as a label: `patient dob: 20121004`
/// (without `X-`, words apart; `_` in the value is a space too). Address
/// headers hold display names, whose header name says nothing about them.
/// The label is lower-cased: a header's name is Title Case by convention,
/// and `Thread Topic` must not read as a person's name.
fn labelled(name: &str, text: String) -> String {
    if ADDRESS_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        return text;
    }
    let bare = name
        .strip_prefix("X-")
        .or_else(|| name.strip_prefix("x-"))
        .unwrap_or(name);
    // File names and keys join words with `_` (`Lopez_Maria_MRN_00482913`),
    // which a reader reads as spaces and `\b` does not.
    format!(
        "{}: {}",
        bare.replace(['-', '_'], " ").to_ascii_lowercase(),
        text.replace('_', " ")
    )
}

/// Headers of a forwarded or attached message are part of what is shown to
/// the reader, so they are scanned as that message's content.
fn nested_headers(
    msg: &Message<'_>,
    kind: PartKind,
    label: &str,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    let text: Vec<String> = header_texts(msg)
        .into_iter()
        .map(|(n, t)| match labelled(n, t) {
            t if ADDRESS_HEADERS.contains(&n.to_ascii_lowercase().as_str()) => format!("{n}: {t}"),
            t => t,
        })
        .collect();
    if !text.is_empty() {
        budget.push(out, kind, label.to_string(), text.join("\n"));
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
        nested_headers(msg, PartKind::Attachment, n, budget, out);
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
            let words = crate::dlp::extract::name_words(n);
            budget.push(out, PartKind::AttachmentName, label.clone(), words);
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
            // A CSV or TSV file sent as text/csv: read as a table.
            PartType::Text(t) if is_attachment => {
                crate::dlp::extract::text_attachment(
                    &label,
                    name.as_deref().unwrap_or(""),
                    &ctype,
                    t,
                    budget,
                    out,
                );
                decoding::recheck_text(msg, part, t, false, kind, &lbl, depth, budget, out);
            }
            PartType::Text(t) => {
                budget.push(out, kind, lbl.clone(), t.to_string());
                decoding::recheck_text(msg, part, t, false, kind, &lbl, depth, budget, out);
            }
            PartType::Html(h) => {
                budget.push(out, kind, lbl.clone(), html::to_text(h));
                if let Some(view) = html::table_view(h, &budget.bound()) {
                    budget.push_one(out, kind, lbl.clone(), view);
                }
                decoding::recheck_text(msg, part, h, true, kind, &lbl, depth, budget, out);
            }
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                // An image shown in the body (a logo the HTML refers to by
                // `cid:`) is not, by itself, a reason to hold the message.
                // So is one a plain-text client pastes into the message flow
                // (`Content-Disposition: inline`, Apple Mail's signatures),
                // except a TIFF: that is how fax servers deliver pages.
                let disp_inline = part
                    .content_disposition()
                    .is_some_and(|d| d.ctype().eq_ignore_ascii_case("inline"));
                let fax = ctype.eq_ignore_ascii_case("image/tiff")
                    || b.starts_with(b"II*\0")
                    || b.starts_with(b"MM\0*");
                let shown_inline = part
                    .content_id()
                    .is_some_and(|id| !disp_attach || budget.shown_cids.contains(&cid_key(id)))
                    || (disp_inline && !fax);
                let skip = budget.images == ImagePolicy::IgnoreInline
                    && shown_inline
                    && is_image(name.as_deref().unwrap_or(""), &ctype, b);
                if !skip {
                    let fname = name.as_deref().unwrap_or("");
                    extract_bytes(&label, fname, &ctype, b, depth + 1, budget, out);
                    decoding::recheck_binary(
                        msg,
                        part,
                        b,
                        &label,
                        fname,
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

/// Remember which Content-IDs the message's HTML shows (`src="cid:..."`).
fn note_shown_cids(msg: &Message<'_>, budget: &mut Budget<'_>) {
    for part in &msg.parts {
        let PartType::Html(h) = &part.body else {
            continue;
        };
        let lower = h.to_ascii_lowercase();
        for at in memchr::memmem::find_iter(lower.as_bytes(), b"cid:") {
            let rest = &lower[at + 4..];
            let end = rest
                .find(|c: char| matches!(c, '"' | '\'' | ')' | '>' | '<') || c.is_whitespace())
                .unwrap_or(rest.len());
            budget.shown_cids.insert(cid_key(&rest[..end]));
        }
    }
}

fn cid_key(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_ascii_lowercase()
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
            nested_headers(m, PartKind::Body, "body", budget, out);
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
