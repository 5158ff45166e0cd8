//! A second look at how mail-parser decoded a part, for the anomalies it
//! resolves in one way when a mail client may show another.
//!
//! - Two Content-Transfer-Encoding headers that disagree: mail-parser uses
//!   one of them; a client may use the other. The body is decoded with
//!   each and every reading is scanned (reading both costs little and,
//!   unlike marking the part unscanned, does not hold clean mail).
//! - Base64 with junk characters: Outlook and Gmail skip anything outside
//!   the alphabet; so does [`base64_lenient`], and that reading is scanned.
//! - UTF-16/UTF-32 declared by the charset, with or without a byte order
//!   mark: decoded here (BOM, then the label's `le`/`be`, then where the zero
//!   bytes fall), since mail-parser has no UTF-32 and assumes an order.
//! - Charsets nobody knows: read as UTF-8, else Latin-1; if the text
//!   mail-parser produced is mostly U+FFFD the part is unreadable and is
//!   reported unscanned, never taken as clean.
//! - uuencoded blocks (`begin 644 name` ... `end`) inside a text part are
//!   decoded and scanned as an attachment of that name.
//!
//! Extra readings are pushed only when they differ from mail-parser's, so
//! ordinary mail pays one header scan per part.

use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{Message, MessagePart, MimeHeaders};

use crate::dlp::extract::{Budget, Extracted, decode_text, extract_bytes, html};
use crate::dlp::rules::PartKind;

/// Distinct Content-Transfer-Encoding values considered on one part.
const MAX_CTES: usize = 4;
/// uuencoded blocks decoded from one text part.
const MAX_UU_BLOCKS: usize = 8;

/// The raw header block and raw (still transfer-encoded) body of `part`.
fn raw<'m>(msg: &'m Message<'_>, part: &MessagePart<'_>) -> Option<(&'m [u8], &'m [u8])> {
    let r = msg.raw_message();
    let (h, b, e) = (
        part.offset_header as usize,
        part.offset_body as usize,
        part.offset_end as usize,
    );
    Some((r.get(h..b)?, r.get(b..e.max(b))?))
}

/// Every Content-Transfer-Encoding value in a raw header block, lower case,
/// without duplicates.
fn transfer_encodings(headers: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(headers);
    let mut out: Vec<String> = Vec::new();
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if !name
            .trim()
            .eq_ignore_ascii_case("content-transfer-encoding")
        {
            continue;
        }
        let mut v = value.trim().to_string();
        while let Some(cont) = lines.next_if(|l| l.starts_with([' ', '\t'])) {
            v.push_str(cont.trim());
        }
        let v = v.to_ascii_lowercase();
        if !v.is_empty() && !out.contains(&v) && out.len() < MAX_CTES {
            out.push(v);
        }
    }
    out
}

/// Body bytes after undoing `cte`. Unknown encodings are taken as identity.
fn undo_cte(cte: &str, body: &[u8]) -> Vec<u8> {
    match cte {
        "base64" => base64_lenient(body),
        "quoted-printable" => quoted_printable(body),
        _ => body.to_vec(),
    }
}

/// Base64 ignoring every byte outside the alphabet (as Outlook and Gmail
/// do); `=` ends nothing, it is skipped like the rest.
pub fn base64_lenient(body: &[u8]) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in body.iter().filter_map(|&c| val(c)) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&c) = body.get(i) {
        if c == b'=' {
            match (body.get(i + 1), body.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                    out.push((hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0)) as u8);
                    i += 3;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Base64 text with bytes a strict decoder refuses (not alphabet, padding
/// or line breaks).
fn has_junk(body: &[u8]) -> bool {
    body.split(|&c| c == b'\n').any(|l| {
        l.trim_ascii()
            .iter()
            .any(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=')))
    })
}

fn is_utf16(cs: &str) -> bool {
    cs.starts_with("utf-16")
        || cs.starts_with("utf16")
        || cs.starts_with("ucs-2")
        || cs == "unicode"
}

fn is_utf32(cs: &str) -> bool {
    cs.starts_with("utf-32") || cs.starts_with("utf32") || cs.starts_with("ucs-4")
}

/// Text from bytes in `charset`: our UTF-16/32, mail-parser's table for the
/// rest, UTF-8 else Latin-1 when the name is unknown.
fn decode_charset(cs: &str, bytes: &[u8]) -> String {
    if is_utf32(cs) {
        return utf32(cs, bytes);
    }
    if is_utf16(cs) {
        return utf16(cs, bytes);
    }
    match charset_decoder(cs.as_bytes()) {
        Some(f) => f(bytes),
        None => decode_text(bytes),
    }
}

/// Big-endian? From the BOM, the label, else which bytes are zero (ASCII
/// text in UTF-16BE has its zeros first); RFC 2781 says big-endian when
/// nothing tells.
fn big_endian(cs: &str, bytes: &[u8], unit: usize) -> (bool, usize) {
    let bom_le: &[u8] = if unit == 4 {
        &[0xFF, 0xFE, 0, 0]
    } else {
        &[0xFF, 0xFE]
    };
    let bom_be: &[u8] = if unit == 4 {
        &[0, 0, 0xFE, 0xFF]
    } else {
        &[0xFE, 0xFF]
    };
    if bytes.starts_with(bom_le) {
        return (false, unit);
    }
    if bytes.starts_with(bom_be) {
        return (true, unit);
    }
    if cs.ends_with("le") {
        return (false, 0);
    }
    if cs.ends_with("be") {
        return (true, 0);
    }
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let zeros_at = |k: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, b)| i % unit == k && **b == 0)
            .count()
    };
    (zeros_at(0) >= zeros_at(unit - 1), 0)
}

fn utf16(cs: &str, bytes: &[u8]) -> String {
    let (be, skip) = big_endian(cs, bytes, 2);
    let units: Vec<u16> = bytes
        .get(skip..)
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|c| {
            let pair = [
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ];
            if be {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

fn utf32(cs: &str, bytes: &[u8]) -> String {
    let (be, skip) = big_endian(cs, bytes, 4);
    bytes
        .get(skip..)
        .unwrap_or_default()
        .chunks_exact(4)
        .map(|c| {
            let mut q = [0u8; 4];
            q.copy_from_slice(c);
            let n = if be {
                u32::from_be_bytes(q)
            } else {
                u32::from_le_bytes(q)
            };
            char::from_u32(n).unwrap_or('\u{fffd}')
        })
        .collect()
}

/// Mostly U+FFFD: the charset did not fit the bytes.
fn mostly_replacement(text: &str) -> bool {
    // Text without a single U+FFFD (nearly all mail) is answered by one
    // SIMD substring search instead of decoding every character.
    if memchr::memmem::find(text.as_bytes(), "\u{fffd}".as_bytes()).is_none() {
        return false;
    }
    let (mut bad, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        bad += usize::from(c == '\u{fffd}');
    }
    all >= 8 && bad * 2 > all
}

/// Other readings of a part's bytes, each distinct: one per disagreeing
/// transfer encoding, or a lenient base64 reading of junk-laden base64.
fn alternate_bytes(headers: &[u8], body: &[u8]) -> Vec<Vec<u8>> {
    let ctes = transfer_encodings(headers);
    if ctes.len() > 1 {
        return ctes.iter().map(|c| undo_cte(c, body)).collect();
    }
    match ctes.first().map(String::as_str) {
        Some("base64") if has_junk(body) => vec![base64_lenient(body)],
        _ => Vec::new(),
    }
}

/// After a text (or HTML) part was pushed as `decoded`: scan other readings,
/// flag undecodable text, decode uuencoded blocks.
#[allow(clippy::too_many_arguments)]
pub fn recheck_text(
    msg: &Message<'_>,
    part: &MessagePart<'_>,
    decoded: &str,
    is_html: bool,
    kind: PartKind,
    label: &str,
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    let Some((headers, body)) = raw(msg, part) else {
        return;
    };
    let cs = part
        .content_type()
        .and_then(|c| c.attribute("charset"))
        .unwrap_or("us-ascii")
        .trim()
        .to_ascii_lowercase();
    let mut readings = alternate_bytes(headers, body);
    let unicode = is_utf16(&cs) || is_utf32(&cs);
    let unknown = !unicode && charset_decoder(cs.as_bytes()).is_none();
    if readings.is_empty() && (unicode || (unknown && decoded.contains('\u{fffd}'))) {
        let cte = transfer_encodings(headers)
            .into_iter()
            .next()
            .unwrap_or_default();
        readings.push(undo_cte(&cte, body));
    }
    for bytes in readings {
        let text = decode_charset(&cs, &bytes);
        if text.trim() != decoded.trim() {
            let text = if is_html { html::to_text(&text) } else { text };
            budget.push(out, kind, label.to_string(), text);
        }
    }
    if mostly_replacement(decoded) {
        out.unscanned.push(format!(
            "{label}: text in a charset that could not be decoded"
        ));
    }
    uudecode_blocks(decoded, label, depth, budget, out);
}

/// After a binary part was extracted from `decoded`: extract the other
/// readings too.
#[allow(clippy::too_many_arguments)]
pub fn recheck_binary(
    msg: &Message<'_>,
    part: &MessagePart<'_>,
    decoded: &[u8],
    label: &str,
    name: &str,
    ctype: &str,
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    let Some((headers, body)) = raw(msg, part) else {
        return;
    };
    for bytes in alternate_bytes(headers, body) {
        if bytes != decoded && !bytes.is_empty() {
            extract_bytes(label, name, ctype, &bytes, depth, budget, out);
        }
    }
}

/// Decode each `begin <mode> <name>` ... `end` block and scan it as an
/// attachment named `name`.
fn uudecode_blocks(
    text: &str,
    label: &str,
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    if memchr::memmem::find(text.as_bytes(), b"begin ").is_none() {
        return;
    }
    let mut lines = text.lines();
    let mut blocks = 0;
    while let Some(line) = lines.next() {
        let Some(name) = begin_line(line) else {
            continue;
        };
        blocks += 1;
        if blocks > MAX_UU_BLOCKS || budget.exhausted {
            out.unscanned
                .push(format!("{label}: too many uuencoded blocks"));
            return;
        }
        let allowance = budget.entry_allowance();
        let mut data = Vec::new();
        let mut ended = false;
        for l in lines.by_ref() {
            let l = l.trim_end_matches('\r');
            if l == "end" {
                ended = true;
                break;
            }
            if !uu_line(l, &mut data) || data.len() > allowance {
                break;
            }
        }
        budget.spend_decompressed(data.len());
        let shown = match label.strip_prefix("attachment:") {
            Some(_) => format!("{label}/{name}"),
            None if label == "body" || label == "subject" => format!("attachment:{name}"),
            None => format!("{label}/{name}"),
        };
        if !ended || data.len() > allowance {
            out.unscanned.push(format!(
                "{shown}: uuencoded data is incomplete or oversized"
            ));
        }
        extract_bytes(&shown, &name, "", &data, depth + 1, budget, out);
    }
}

/// `begin 644 results.txt` → `results.txt`.
fn begin_line(line: &str) -> Option<String> {
    let rest = line.trim_end().strip_prefix("begin ")?;
    let (mode, name) = rest.split_once(' ')?;
    let octal = (3..=4).contains(&mode.len()) && mode.bytes().all(|b| (b'0'..=b'7').contains(&b));
    let name: String = name
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect();
    (octal && !name.is_empty()).then_some(name)
}

/// Decode one uuencoded line into `out`; false on a malformed line. The
/// zero-length line (`` ` `` or space) is valid and adds nothing.
fn uu_line(line: &str, out: &mut Vec<u8>) -> bool {
    let b = line.as_bytes();
    let Some(&first) = b.first() else { return true };
    let dec = |c: u8| c.wrapping_sub(32) & 63;
    let n = dec(first) as usize;
    let body = b.get(1..).unwrap_or_default();
    if !b.iter().all(|c| (32..=96).contains(c)) || body.len() < n.div_ceil(3) * 4 {
        return false;
    }
    let start = out.len();
    for q in body.chunks(4).take(n.div_ceil(3)) {
        let g = |i: usize| dec(q.get(i).copied().unwrap_or(b'`'));
        out.push((g(0) << 2) | (g(1) >> 4));
        out.push((g(1) << 4) | (g(2) >> 2));
        out.push((g(2) << 6) | g(3));
    }
    out.truncate(start + n);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_base64_skips_junk() {
        assert_eq!(base64_lenient(b"SGVs*!bG8g d29y\tbGQ="), b"Hello world");
    }

    #[test]
    fn two_ctes_are_both_read() {
        let alts = alternate_bytes(
            b"Content-Transfer-Encoding: base64\r\nContent-Transfer-Encoding: 7bit\r\n",
            b"SGVsbG8=",
        );
        assert_eq!(alts, vec![b"Hello".to_vec(), b"SGVsbG8=".to_vec()]);
        assert!(
            alternate_bytes(b"Content-Transfer-Encoding: base64\r\n", b"SGVsbG8=\r\n").is_empty()
        );
    }

    #[test]
    fn unicode_without_bom() {
        let be: Vec<u8> = "SSN".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_charset("utf-16", &be), "SSN");
        let le: Vec<u8> = "SSN".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_charset("utf-16", &le), "SSN");
        let le32: Vec<u8> = "SSN"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(decode_charset("utf-32", &le32), "SSN");
        let be32: Vec<u8> = "SSN"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert_eq!(decode_charset("utf-32be", &be32), "SSN");
    }

    #[test]
    fn uu_round_trip() {
        let mut out = Vec::new();
        assert!(uu_line("#0V%T", &mut out));
        assert_eq!(out, b"Cat");
        assert!(!uu_line("M\u{e9}", &mut Vec::new()));
        assert_eq!(begin_line("begin 644 a.txt").as_deref(), Some("a.txt"));
        assert_eq!(begin_line("begin the meeting at 10"), None);
    }

    #[test]
    fn replacement_heavy_text_is_unreadable() {
        assert!(mostly_replacement(&"\u{fffd}".repeat(20)));
        assert!(!mostly_replacement("Caf\u{fffd} ordering for Friday"));
    }
}
