//! Sender force-tags: `[secure]` and friends in the subject.
//!
//! Staff often know a message is sensitive when no rule can tell (a name and
//! an appointment time). The tag lets them force protection; stripping it
//! keeps the recipient from seeing internal jargon.

use crate::dlp::config::TagConfig;
use crate::dlp::verdict::Action;

/// Tags with the action each forces, lower-cased.
pub fn tag_list(cfg: &TagConfig) -> Vec<(String, Action)> {
    let mut v: Vec<(String, Action)> = cfg
        .secure
        .iter()
        .map(|t| (t.to_lowercase(), Action::Secure))
        .chain(
            cfg.portal
                .iter()
                .map(|t| (t.to_lowercase(), Action::Portal)),
        )
        .filter(|(t, _)| !t.trim().is_empty())
        .collect();
    // Longest first so that `[secure-portal]` wins over `[secure`.
    v.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
    v
}

/// Occurrences of `tag` in `text` that are not part of a longer word.
fn occurrences(lower: &str, tag: &str) -> Vec<usize> {
    let mut v = Vec::new();
    let mut from = 0;
    while let Some(p) = lower[from..].find(tag) {
        let at = from + p;
        let end = at + tag.len();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let last_is_word = tag.chars().last().is_some_and(char::is_alphanumeric);
        let first_is_word = tag.chars().next().is_some_and(char::is_alphanumeric);
        let ok_after = !(last_is_word && word(lower[end..].chars().next()));
        let ok_before = !(first_is_word && word(lower[..at].chars().next_back()));
        if ok_after && ok_before {
            v.push(at);
        }
        from = end;
    }
    v
}

/// Strictest action forced by a tag in `text`, if any.
pub fn find(text: &str, tags: &[(String, Action)]) -> Option<Action> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lower-casing changed byte lengths; fall back to ASCII folding so
        // offsets stay meaningful.
        let ascii = text.to_ascii_lowercase();
        return tags
            .iter()
            .filter(|(t, _)| !occurrences(&ascii, t).is_empty())
            .map(|(_, a)| *a)
            .max();
    }
    tags.iter()
        .filter(|(t, _)| !occurrences(&lower, t).is_empty())
        .map(|(_, a)| *a)
        .max()
}

/// `text` without any tag, whitespace collapsed; `None` if there was none.
pub fn remove(text: &str, tags: &[(String, Action)]) -> Option<String> {
    let mut s = text.to_string();
    let mut changed = false;
    for (t, _) in tags {
        loop {
            let lower = s.to_ascii_lowercase();
            let Some(&at) = occurrences(&lower, t).first() else {
                break;
            };
            s.replace_range(at..at + t.len(), " ");
            changed = true;
        }
    }
    changed.then(|| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Rewrite the Subject header of a raw message; `None` if no tag was found.
pub fn strip_subject(raw: &[u8], tags: &[(String, Action)]) -> Option<Vec<u8>> {
    let header_end = memchr::memmem::find(raw, b"\r\n\r\n")
        .map(|p| p + 2)
        .or_else(|| memchr::memmem::find(raw, b"\n\n").map(|p| p + 1))
        .unwrap_or(raw.len());
    let head = &raw[..header_end];
    let crlf = memchr::memmem::find(head, b"\r\n").is_some();
    // Find the Subject field: at line start, then its continuation lines.
    let mut line_start = 0;
    let mut found = None;
    while line_start < head.len() {
        let line_end =
            memchr::memchr(b'\n', &head[line_start..]).map_or(head.len(), |e| line_start + e + 1);
        let line = &head[line_start..line_end];
        if line.len() >= 8 && line[..8].eq_ignore_ascii_case(b"subject:") {
            let mut end = line_end;
            while end < head.len() && matches!(head[end], b' ' | b'\t') {
                end = memchr::memchr(b'\n', &head[end..]).map_or(head.len(), |e| end + e + 1);
            }
            found = Some((line_start, end));
            break;
        }
        line_start = line_end;
    }
    let (start, end) = found?;
    let mut probe = raw[start..end].to_vec();
    probe.extend_from_slice(b"\r\n");
    let parsed = crate::dlp::extract::mime::parse(&probe).ok()??;
    let subject = parsed.subject()?.to_string();
    let new = remove(&subject, tags)?;
    let nl: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let mut field = Vec::new();
    if new.is_ascii() {
        field.extend_from_slice(b"Subject: ");
        field.extend_from_slice(new.as_bytes());
        field.extend_from_slice(nl);
    } else {
        field.extend_from_slice(b"Subject:");
        // RFC 2047: encoded words of at most 75 chars, split on char boundaries.
        let mut chunk = String::new();
        let mut words = Vec::new();
        for c in new.chars() {
            if chunk.len() + c.len_utf8() > 45 {
                words.push(std::mem::take(&mut chunk));
            }
            chunk.push(c);
        }
        if !chunk.is_empty() {
            words.push(chunk);
        }
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                field.extend_from_slice(nl);
            }
            field.extend_from_slice(b" =?UTF-8?B?");
            field.extend_from_slice(base64(w.as_bytes()).as_bytes());
            field.extend_from_slice(b"?=");
        }
        field.extend_from_slice(nl);
    }
    let mut out = Vec::with_capacity(raw.len());
    out.extend_from_slice(&raw[..start]);
    out.extend_from_slice(&field);
    out.extend_from_slice(&raw[end..]);
    Some(out)
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                s.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags() -> Vec<(String, Action)> {
        tag_list(&TagConfig::default())
    }

    #[test]
    fn finds_and_strips() {
        assert_eq!(find("Re: labs [SECURE]", &tags()), Some(Action::Secure));
        assert_eq!(find("#securement plan", &tags()), None);
        assert_eq!(find("x [portal] y", &tags()), Some(Action::Portal));
        let raw = b"From: a@b\r\nSubject: [secure] Lab\r\n results\r\n\r\nbody";
        let out = strip_subject(raw, &tags()).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "From: a@b\r\nSubject: Lab results\r\n\r\nbody"
        );
        assert!(strip_subject(b"Subject: hi\r\n\r\nx", &tags()).is_none());
    }

    #[test]
    fn non_ascii_subject_reencoded() {
        let raw = "Subject: =?UTF-8?Q?R=C3=A9sultats_+encrypt+?=\r\n\r\nx".as_bytes();
        let out = strip_subject(raw, &tags()).unwrap_or_default();
        let m = mail_parser::MessageParser::default().parse(&out);
        assert_eq!(
            m.and_then(|m| m.subject().map(str::to_string)).as_deref(),
            Some("Résultats")
        );
    }

    #[test]
    fn b64() {
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(b"foo"), "Zm9v");
    }
}
