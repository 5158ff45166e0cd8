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
use serde_json::{Map, Value};

use crate::proto::hash::hex;

/// `prev` of the first record in a log.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The member a signed record ends with.
const SIG: &str = ",\"sig\":\"";

/// SHA-256 of a line as `prev` records it.
pub fn hash(line: &[u8]) -> String {
    hex(digest(&SHA256, line).as_ref())
}

/// The line for `fields` (which must not already hold `seq`, `time` or
/// `prev`: the writer's members win).
pub fn line(seq: u64, time_ms: u64, prev: &str, fields: Map<String, Value>) -> String {
    let mut obj = fields;
    obj.insert("seq".into(), Value::from(seq));
    obj.insert("time".into(), Value::from(crate::time::rfc3339_ms(time_ms)));
    obj.insert("prev".into(), Value::from(prev));
    // Straight into a buffer (Display goes through a formatter adapter);
    // a map of JSON values always serializes, and Display writes the same.
    let obj = Value::Object(obj);
    serde_json::to_string(&obj).unwrap_or_else(|_| obj.to_string())
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
        let mut f = Map::new();
        f.insert("event".into(), Value::from("checkpoint"));
        f.insert("zeta".into(), Value::from("a,\"sig\":\"x"));
        let unsigned = line(7, 1_000, GENESIS, f);
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
