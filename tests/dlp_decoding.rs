//! Transfer-encoding and charset anomalies: every one is either decoded and
//! scanned, or reported unscanned (and so held), never read as clean.
//! Real .eml bytes, through the public `Scanner` with the shipped rules.

use sealgate::dlp::{Action, Verdict};
use shipped::scanner;

mod shipped;

const PHI: &str = "Patient: Maria Lopez\r\nSSN: 512-44-9087\r\nDOB: 04/12/1961\r\n";
const CLEAN: &str =
    "The quarterly supply order is attached.\r\nPlease confirm delivery by Friday.\r\n";

fn b64(data: &[u8]) -> String {
    use base64ct::{Base64, Encoding};
    Base64::encode_string(data)
}

fn mail(part_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "From: Front Desk <desk@clinic.test>\r\nTo: billing@partner.test\r\nSubject: Update\r\n\
MIME-Version: 1.0\r\n{part_headers}\r\n\r\n"
    )
    .into_bytes();
    m.extend_from_slice(body);
    m.extend_from_slice(b"\r\n");
    m
}

/// Base64 with junk between the quads (`*`, `!`, stray `=`, spaces), which
/// Outlook and Gmail skip.
fn junk_base64(text: &str) -> Vec<u8> {
    let enc = b64(text.as_bytes());
    let mut body = String::new();
    for (i, c) in enc.chars().enumerate() {
        if i % 7 == 3 {
            body.push_str("*!");
        }
        if i % 19 == 5 {
            body.push_str(" \t");
        }
        body.push(c);
        if i % 60 == 59 {
            body.push_str("\r\n");
        }
    }
    mail(
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64",
        body.as_bytes(),
    )
}

/// Two Content-Transfer-Encoding headers that disagree: base64 and 7bit.
fn conflicting_cte(text: &str, base64_first: bool) -> Vec<u8> {
    let h = if base64_first {
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\nContent-Transfer-Encoding: 7bit"
    } else {
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\nContent-Transfer-Encoding: base64"
    };
    mail(h, b64(text.as_bytes()).as_bytes())
}

fn uuencode(data: &[u8]) -> String {
    let enc = |v: u8| if v == 0 { '`' } else { (v + 32) as char };
    let mut out = String::from("begin 644 results.txt\r\n");
    for chunk in data.chunks(45) {
        out.push(enc(chunk.len() as u8));
        for tri in chunk.chunks(3) {
            let b = [tri[0], *tri.get(1).unwrap_or(&0), *tri.get(2).unwrap_or(&0)];
            out.push(enc(b[0] >> 2));
            out.push(enc(((b[0] & 3) << 4) | (b[1] >> 4)));
            out.push(enc(((b[1] & 15) << 2) | (b[2] >> 6)));
            out.push(enc(b[2] & 63));
        }
        out.push_str("\r\n");
    }
    out.push_str("`\r\nend\r\n");
    out
}

fn uuencoded(text: &str) -> Vec<u8> {
    let body = format!("Results below.\r\n\r\n{}", uuencode(text.as_bytes()));
    mail(
        "Content-Type: text/plain; charset=us-ascii",
        body.as_bytes(),
    )
}

fn partial(text: &str) -> Vec<u8> {
    let inner = format!("Subject: Update\r\nContent-Type: text/plain\r\n\r\n{text}");
    mail(
        "Content-Type: message/partial; id=\"frag-1@clinic.test\"; number=1; total=2",
        inner.as_bytes(),
    )
}

fn unknown_charset(text: &str) -> Vec<u8> {
    mail(
        "Content-Type: text/plain; charset=x-clinic-legacy",
        text.as_bytes(),
    )
}

/// Bytes in an unknown charset that are neither UTF-8 nor text.
fn unknown_charset_garbage() -> Vec<u8> {
    let junk: Vec<u8> = (0..400u32)
        .map(|i| (0x80 + (i * 37) % 0x7f) as u8)
        .collect();
    mail("Content-Type: text/plain; charset=x-clinic-legacy", &junk)
}

fn utf16(text: &str, charset: &str, bom: bool, be: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
    }
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    mail(
        &format!(
            "Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64"
        ),
        b64(&bytes).as_bytes(),
    )
}

fn utf32(text: &str, charset: &str, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
    }
    for c in text.chars() {
        bytes.extend_from_slice(&(c as u32).to_le_bytes());
    }
    mail(
        &format!(
            "Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64"
        ),
        b64(&bytes).as_bytes(),
    )
}

/// Every anomaly, built around `text`.
fn anomalies(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("base64 with junk", junk_base64(text)),
        ("two CTEs, base64 first", conflicting_cte(text, true)),
        ("two CTEs, 7bit first", conflicting_cte(text, false)),
        ("uuencoded body", uuencoded(text)),
        ("message/partial", partial(text)),
        ("unknown charset", unknown_charset(text)),
        ("utf-16 with BOM", utf16(text, "utf-16", true, false)),
        ("utf-16 without BOM", utf16(text, "utf-16", false, true)),
        (
            "utf-16le without BOM",
            utf16(text, "utf-16le", false, false),
        ),
        ("utf-16be without BOM", utf16(text, "utf-16be", false, true)),
        ("utf-32 with BOM", utf32(text, "utf-32", true)),
        ("utf-32le without BOM", utf32(text, "utf-32le", false)),
    ]
}

fn describe(v: &Verdict) -> String {
    let hits: Vec<_> = v
        .hits
        .iter()
        .map(|h| format!("{}@{}", h.detector, h.part))
        .collect();
    format!(
        "{:?} score {} hits {hits:?} unscanned {:?}",
        v.action, v.score, v.unscanned
    )
}

#[test]
fn phi_in_every_anomaly_is_found_or_held_unscanned() {
    let s = scanner();
    let mut bad = Vec::new();
    for (name, raw) in anomalies(PHI) {
        let v = s.scan(&raw);
        eprintln!("PHI   {name:24} {}", describe(&v));
        let found = v.action != Action::Deliver && !v.hits.is_empty();
        let unscanned = v.action != Action::Deliver && !v.unscanned.is_empty();
        if !(found || unscanned) {
            bad.push(format!("{name}: {}", describe(&v)));
        }
    }
    assert!(bad.is_empty(), "read as clean:\n{}", bad.join("\n"));
}

/// The same anomalies without PHI, and what they get: decoded and
/// delivered, except `message/partial`, which is held unscanned by design
/// (a fragment cannot be scanned whole).
#[test]
fn clean_anomalies_are_delivered_except_fragments() {
    let s = scanner();
    let mut bad = Vec::new();
    for (name, raw) in anomalies(CLEAN) {
        let v = s.scan(&raw);
        eprintln!("CLEAN {name:24} {}", describe(&v));
        let ok = match name {
            "message/partial" => v.action != Action::Deliver && !v.unscanned.is_empty(),
            _ => v.action == Action::Deliver && v.hits.is_empty(),
        };
        if !ok {
            bad.push(format!("{name}: {}", describe(&v)));
        }
    }
    assert!(bad.is_empty(), "unexpected:\n{}", bad.join("\n"));
}

/// Bytes no charset makes sense of are reported, not read as clean text.
#[test]
fn undecodable_unknown_charset_is_unscanned() {
    let v = scanner().scan(&unknown_charset_garbage());
    eprintln!("{}", describe(&v));
    assert!(
        v.action != Action::Deliver && !v.unscanned.is_empty(),
        "{}",
        describe(&v)
    );
}
