//! One audit record as bytes: how a line is built, chained and signed, and
//! how a reader takes it apart again. Writer and verifier share this file so
//! they cannot disagree about what was hashed or signed.
//!
//! A record is one JSON object on one line. `prev` is the SHA-256 (hex) of
//! the previous line's bytes, without its newline; the first record ever
//! written has 64 zeros. A signed record ends with `,"sig":"<base64>"}` and
//! the signature covers the line with that member removed, which already
//! holds `prev` and so the whole chain before it. serde_json writes object
//! members in key order, so the member is appended by hand to stay last.

use base64ct::{Base64, Encoding};
use ring::digest::{SHA256, digest};
use serde_json::Value;

use crate::proto::hash::hex;

/// `prev` of the first record in a log.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The member a signed record ends with.
const SIG: &str = ",\"sig\":\"";

/// SHA-256 of a line as `prev` records it.
pub fn hash(line: &[u8]) -> String {
    hex(digest(&SHA256, line).as_ref())
}

/// The line for a record whose own members are `members` (a JSON object's
/// inside, without braces, as [`member`] writes them). The writer's members
/// come last: where a reader meets a name twice the last one counts, so no
/// event field can pass for `seq`, `time` or `prev`.
pub fn line(seq: u64, time_ms: u64, prev: &str, members: &[u8]) -> String {
    let mut out = Vec::with_capacity(members.len() + 160);
    out.push(b'{');
    out.extend_from_slice(members);
    if !members.is_empty() {
        out.push(b',');
    }
    out.extend_from_slice(b"\"seq\":");
    out.extend_from_slice(seq.to_string().as_bytes());
    out.extend_from_slice(b",\"time\":\"");
    out.extend_from_slice(crate::time::rfc3339_ms(time_ms).as_bytes());
    out.extend_from_slice(b"\",\"prev\":\"");
    out.extend_from_slice(prev.as_bytes());
    out.extend_from_slice(b"\"}");
    // serde_json writes only whole UTF-8 sequences, so this never replaces.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Appends `"name":value` to `out`, a comma first unless it is empty. A
/// value that cannot be serialized (a map with non-string keys; none of
/// ours) is written as null.
pub fn member(out: &mut Vec<u8>, name: &str, value: &impl serde::Serialize) {
    if !out.is_empty() {
        out.push(b',');
    }
    let _ = serde_json::to_writer(&mut *out, name);
    out.push(b':');
    let mark = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(mark);
        out.extend_from_slice(b"null");
    }
}

/// The members of a JSON object value, without braces, those whose name
/// `keep` accepts. Anything but an object gives none.
pub fn members(fields: &Value, keep: impl Fn(&str) -> bool) -> Vec<u8> {
    let mut out = Vec::new();
    if let Value::Object(map) = fields {
        for (k, v) in map.iter().filter(|(k, _)| keep(k)) {
            member(&mut out, k, v);
        }
    }
    out
}

/// Appends the signature member to a finished unsigned line.
pub fn with_signature(unsigned: &str, signature: &[u8]) -> String {
    let body = unsigned.strip_suffix('}').unwrap_or(unsigned);
    format!("{body}{SIG}{}\"}}", Base64::encode_string(signature))
}

/// A signed line split into what was signed and the signature. None when
/// the line carries no signature member at its end.
pub fn split_signature(line: &str) -> Option<(String, Vec<u8>)> {
    let at = line.rfind(SIG)?;
    let b64 = line[at + SIG.len()..].strip_suffix("\"}")?;
    let sig = Base64::decode_vec(b64).ok()?;
    Some((format!("{}}}", &line[..at]), sig))
}

/// The members every reader needs, taken from a parsed line.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub seq: u64,
    pub time_ms: Option<u64>,
    pub event: String,
    pub prev: String,
    pub value: Value,
}

/// Parses one line; Err says what is wrong with it.
pub fn parse(line: &[u8]) -> Result<Parsed, String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| format!("not JSON ({e})"))?;
    let seq = value.get("seq").and_then(Value::as_u64).ok_or("no `seq`")?;
    let prev = value
        .get("prev")
        .and_then(Value::as_str)
        .ok_or("no `prev`")?
        .to_string();
    let event = value
        .get("event")
        .and_then(Value::as_str)
        .ok_or("no `event`")?
        .to_string();
    let time_ms = value
        .get("time")
        .and_then(Value::as_str)
        .and_then(|t| crate::time::parse_rfc3339(t).ok());
    Ok(Parsed {
        seq,
        time_ms,
        event,
        prev,
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_member_stays_last_and_splits_back() {
        let f = serde_json::json!({"event": "checkpoint", "zeta": "a,\"sig\":\"x"});
        let unsigned = line(7, 1_000, GENESIS, &members(&f, |_| true));
        let signed = with_signature(&unsigned, b"\x01\x02\x03");
        assert!(signed.ends_with(",\"sig\":\"AQID\"}"), "{signed}");
        let (body, sig) = split_signature(&signed).unwrap();
        assert_eq!(body, unsigned);
        assert_eq!(sig, b"\x01\x02\x03");
        let p = parse(signed.as_bytes()).unwrap();
        assert_eq!((p.seq, p.event.as_str()), (7, "checkpoint"));
        assert_eq!(p.time_ms, Some(1_000));
    }
}
