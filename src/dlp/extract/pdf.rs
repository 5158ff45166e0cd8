//! PDF text layer: find content streams, inflate Flate streams, read the
//! strings shown by text operators (`Tj`, `TJ`, `'`, `"`).
//!
//! This is deliberately not a full PDF parser. It reads what simple
//! generators (reports, exports, "print to PDF" with standard fonts) write.
//! What it cannot read it says so: encrypted files, files without any text
//! layer (scans), content streams behind filters it does not decode, fonts
//! whose codes are not text (Type0/Identity-H, `/Differences`, `/ToUnicode`
//! maps, which this version does not apply), and text that comes out mostly
//! as control bytes are reported as unscanned, never silently passed: glyph
//! codes read as Latin-1 are not empty, and delivering them as "clean" would
//! send the PHI they stand for in plaintext.

use std::io::Read;

use memchr::memmem;

use crate::dlp::extract::{Budget, Extracted};
use crate::dlp::rules::PartKind;

pub fn extract(label: &str, data: &[u8], budget: &mut Budget<'_>, out: &mut Extracted) {
    if memmem::find(data, b"/Encrypt").is_some() {
        out.unscanned.push(format!("{label}: encrypted PDF"));
        return;
    }
    if let Some(marker) = UNMAPPED_FONT_MARKERS
        .iter()
        .find(|m| memmem::find(data, m).is_some())
    {
        out.unscanned.push(format!(
            "{label}: PDF fonts whose codes this version cannot map to text ({})",
            String::from_utf8_lossy(marker)
        ));
        return;
    }
    let mut text = String::new();
    let mut pos = 0;
    let mut streams = 0usize;
    let finder = memmem::Finder::new(b"stream");
    while let Some(off) = finder.find(&data[pos..]) {
        let kw = pos + off;
        pos = kw + 6;
        if kw >= 3 && &data[kw - 3..kw] == b"end" {
            continue;
        }
        let mut body_start = kw + 6;
        if data.get(body_start) == Some(&b'\r') {
            body_start += 1;
        }
        if data.get(body_start) == Some(&b'\n') {
            body_start += 1;
        } else if data.get(body_start - 1) != Some(&b'\r') {
            continue;
        }
        streams += 1;
        if streams > budget.limits.max_entries || budget.out_of_time(out) {
            out.unscanned.push(format!("{label}: too many PDF streams"));
            return;
        }
        let dict_from = kw.saturating_sub(1024);
        let dict = &data[dict_from..kw];
        let dict = match memmem::rfind(dict, b"obj") {
            Some(o) => &dict[o..],
            None => dict,
        };
        let end =
            memmem::find(&data[body_start..], b"endstream").map_or(data.len(), |e| body_start + e);
        pos = end.max(pos);
        let raw = &data[body_start..end];
        if skip_stream(dict) {
            continue;
        }
        let content = match filter_of(dict) {
            Filter::None => raw.to_vec(),
            Filter::Flate => match inflate(raw, budget) {
                Some(c) => c,
                None => {
                    if !budget.exhausted {
                        out.unscanned
                            .push(format!("{label}: PDF stream does not inflate"));
                    }
                    return;
                }
            },
            Filter::Unsupported => {
                // A content stream we cannot decode may carry the very text
                // that matters (reportlab writes ASCII85 + Flate chains).
                out.unscanned
                    .push(format!("{label}: PDF stream filter not supported"));
                return;
            }
        };
        if memmem::find(&content, b"BT").is_some() {
            show_text(&content, &mut text);
            text.push('\n');
        }
    }
    if text.trim().is_empty() {
        out.unscanned.push(format!(
            "{label}: PDF without a readable text layer (scanned image?)"
        ));
        return;
    }
    if !looks_like_text(&text) {
        out.unscanned
            .push(format!("{label}: PDF text layer is mostly undecodable"));
        return;
    }
    budget.push(out, PartKind::Attachment, label.to_string(), text);
}

/// Font set-ups whose character codes are glyph ids or private codes, so
/// reading them as Latin-1 gives garbage, not text.
const UNMAPPED_FONT_MARKERS: &[&[u8]] = &[
    b"/Identity-H",
    b"/Identity-V",
    b"/ToUnicode",
    b"/Differences",
];

/// Share of non-space characters that must be letters, digits or
/// punctuation before extracted text is trusted.
const MIN_TEXT_SHARE: f64 = 0.85;

fn looks_like_text(text: &str) -> bool {
    let (mut total, mut good) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c.is_alphanumeric() || c.is_ascii_punctuation() || "§°€£¢«»–—’“”•".contains(c)
        {
            good += 1;
        }
    }
    total == 0 || good as f64 >= MIN_TEXT_SHARE * total as f64
}

enum Filter {
    None,
    Flate,
    Unsupported,
}

/// Flate alone is what this version decodes; any other filter, or a chain,
/// is unsupported.
fn filter_of(dict: &[u8]) -> Filter {
    let Some(at) = memmem::find(dict, b"/Filter") else {
        return Filter::None;
    };
    let rest = &dict[at + 7..];
    let rest = rest.trim_ascii_start();
    let names = match rest.first() {
        Some(b'[') => &rest[..memchr::memchr(b']', rest).unwrap_or(rest.len())],
        _ => {
            let end = rest[1..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || b"/>[]".contains(b))
                .map_or(rest.len(), |p| p + 1);
            &rest[..end]
        }
    };
    let count = names.iter().filter(|b| **b == b'/').count();
    let flate = memmem::find(names, b"/FlateDecode").is_some() || names.ends_with(b"/Fl");
    if count == 1 && flate {
        Filter::Flate
    } else {
        Filter::Unsupported
    }
}

fn skip_stream(dict: &[u8]) -> bool {
    const SKIP: &[&[u8]] = &[
        b"/Image",
        b"/Length1",
        b"/Length2",
        b"/FontFile",
        b"/Type1C",
        b"/CIDFontType0C",
        b"/OpenType",
        b"/XRef",
        b"/ObjStm",
        b"/Metadata",
        b"/ICCBased",
        b"/N 3",
        b"/EmbeddedFile",
    ];
    SKIP.iter().any(|s| memmem::find(dict, s).is_some())
}

fn inflate(raw: &[u8], budget: &mut Budget<'_>) -> Option<Vec<u8>> {
    let allowance = budget.entry_allowance();
    let mut buf = Vec::new();
    let r = flate2::read::ZlibDecoder::new(raw)
        .take(allowance as u64 + 1)
        .read_to_end(&mut buf);
    budget.spend_decompressed(buf.len());
    if buf.len() > allowance {
        budget.exhausted = true;
        return None;
    }
    // A truncated stream still yields its readable prefix.
    if r.is_err() && buf.is_empty() {
        return None;
    }
    Some(buf)
}

/// Walk a content stream and append the strings that text operators show.
fn show_text(c: &[u8], out: &mut String) {
    let mut i = 0;
    let mut pending: Vec<Vec<u8>> = Vec::new();
    while i < c.len() {
        match c[i] {
            b'(' => {
                let (s, next) = literal(c, i + 1);
                pending.push(s);
                i = next;
            }
            b'<' if c.get(i + 1) != Some(&b'<') => {
                let end = memchr::memchr(b'>', &c[i..]).map_or(c.len(), |e| i + e);
                pending.push(hex(&c[i + 1..end]));
                i = end + 1;
            }
            b'-' | b'0'..=b'9' | b'.' if !pending.is_empty() => {
                // A large negative kerning inside TJ is a word gap.
                let start = i;
                i += 1;
                while i < c.len() && (c[i].is_ascii_digit() || c[i] == b'.') {
                    i += 1;
                }
                let n: f64 = std::str::from_utf8(&c[start..i])
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0.0);
                if n < -200.0 {
                    pending.push(b" ".to_vec());
                }
            }
            b'%' => {
                i = memchr::memchr2(b'\n', b'\r', &c[i..]).map_or(c.len(), |e| i + e);
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'\'' | b'"' => {
                let start = i;
                i += 1;
                while i < c.len() && (c[i].is_ascii_alphabetic() || c[i] == b'*') {
                    i += 1;
                }
                match &c[start..i] {
                    b"Tj" | b"TJ" => flush(&mut pending, out),
                    b"'" | b"\"" => {
                        out.push('\n');
                        flush(&mut pending, out);
                    }
                    b"T*" | b"ET" => out.push('\n'),
                    b"Td" | b"TD" | b"Tm" => {
                        if !out.ends_with(['\n', ' ']) {
                            out.push(' ');
                        }
                        pending.clear();
                    }
                    _ => pending.clear(),
                }
            }
            _ => i += 1,
        }
    }
}

fn flush(pending: &mut Vec<Vec<u8>>, out: &mut String) {
    for s in pending.drain(..) {
        if let Some(rest) = s.strip_prefix(&[0xFE, 0xFF]) {
            let u: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            out.push_str(&String::from_utf16_lossy(&u));
        } else {
            // PDFDocEncoding / WinAnsi are Latin-1 for everything we match.
            out.extend(s.iter().map(|&b| b as char));
        }
    }
}

fn literal(c: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut s = Vec::new();
    let mut depth = 1u32;
    while i < c.len() {
        let b = c[i];
        i += 1;
        match b {
            b'\\' => {
                let Some(&e) = c.get(i) else { break };
                i += 1;
                match e {
                    b'n' => s.push(b'\n'),
                    b'r' => s.push(b'\r'),
                    b't' => s.push(b'\t'),
                    b'b' | b'f' => {}
                    b'0'..=b'7' => {
                        let mut v = (e - b'0') as u32;
                        for _ in 0..2 {
                            match c.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + (d - b'0') as u32;
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        s.push((v & 0xFF) as u8);
                    }
                    b'\r' | b'\n' => {}
                    other => s.push(other),
                }
            }
            b'(' => {
                depth += 1;
                s.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                s.push(b);
            }
            _ => s.push(b),
        }
    }
    (s, i)
}

fn hex(h: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = h
        .iter()
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tj_and_tj_arrays() {
        let mut out = String::new();
        show_text(
            b"BT /F1 12 Tf 72 700 Td (SSN 123-45-) Tj [(67) -20 (89)] TJ ET",
            &mut out,
        );
        assert!(out.contains("SSN 123-45-6789"), "{out:?}");
    }

    /// A minimal PDF around one content stream and a font dictionary.
    fn pdf(font: &str, stream_dict: &str, content: &[u8]) -> Vec<u8> {
        let mut v = format!(
            "%PDF-1.4\n1 0 obj\n<< /Type /Font {font} >>\nendobj\n2 0 obj\n<< /Length {} {stream_dict} >>\nstream\n",
            content.len()
        )
        .into_bytes();
        v.extend_from_slice(content);
        v.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        v
    }

    fn run(data: &[u8]) -> Extracted {
        let limits = crate::dlp::config::ScanLimits::default();
        let mut budget = Budget::new(&limits, std::time::Instant::now());
        let mut out = Extracted::default();
        extract("a.pdf", data, &mut budget, &mut out);
        out
    }

    #[test]
    fn glyph_id_fonts_fail_closed() {
        // LibreOffice/Word/Chrome: Type0 font, Identity-H, two-byte glyph ids.
        let out = run(&pdf(
            "/Subtype /Type0 /Encoding /Identity-H",
            "",
            b"BT /F1 12 Tf <002B00440051> Tj ET",
        ));
        assert!(
            out.segments.is_empty(),
            "garbage must not be scanned as text"
        );
        assert!(
            out.unscanned[0].contains("cannot map"),
            "{:?}",
            out.unscanned
        );
    }

    #[test]
    fn undecodable_filters_and_control_bytes_fail_closed() {
        let out = run(&pdf(
            "/Subtype /Type1 /BaseFont /Helvetica",
            "/Filter [/ASCII85Decode /FlateDecode]",
            b"GapQh0E=F,0U\\H3T\\pNYT^QKk?tc>IP,;W#U1^23ihPEM_?CW4KISi90MjG^2,FS#<RC5+c,n)Z;$bK$b\"xiDJ~>",
        ));
        assert!(out.segments.is_empty());
        assert!(out.unscanned[0].contains("filter"), "{:?}", out.unscanned);
        let out = run(&pdf(
            "/Subtype /TrueType /BaseFont /ABCDEF+Arial",
            "",
            b"BT /F1 12 Tf (\\001\\002\\003\\004\\005\\006\\007) Tj ET",
        ));
        assert!(out.segments.is_empty());
        assert!(
            out.unscanned[0].contains("undecodable"),
            "{:?}",
            out.unscanned
        );
    }

    #[test]
    fn standard_fonts_still_read() {
        let out = run(&pdf(
            "/Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding",
            "",
            b"BT /F1 12 Tf (Patient: Jane Roe, SSN 123-45-6789) Tj ET",
        ));
        assert!(out.unscanned.is_empty(), "{:?}", out.unscanned);
        assert!(out.segments.iter().any(|p| p.text.contains("Jane Roe")));
    }
}
