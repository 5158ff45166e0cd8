//! One DKIM-Signature header field (RFC 6376 §3.5, §5), relaxed/relaxed,
//! for a key of either algorithm. The header is built folded, and the bytes
//! that are signed are the canonical form of exactly the text that is sent,
//! so folding can never make a signature wrong.

use base64ct::{Base64, Encoding};
use ring::digest::{Context, SHA256, digest};
use ring::rand::SystemRandom;
use ring::signature::RSA_PKCS1_SHA256;

use super::canon::{self, Field};
use super::keys::PrivateKey;

/// The fields signed when present, in this order. `from` is signed once
/// more than it occurs ("over-signed"), so that a second From added on the
/// way breaks the signature instead of riding along.
pub const SIGNED: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "reply-to",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
];

/// Lines of the header are kept under this many bytes where tags allow.
const WIDTH: usize = 76;

#[derive(Debug, thiserror::Error)]
#[error("the signing operation failed")]
pub struct SignFailed;

/// A private key and the identity it signs for.
#[derive(Debug)]
pub struct SigningKey {
    /// `d=`, lower case.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    pub key: PrivateKey,
}

/// `bh=`: base64 of the SHA-256 of the relaxed body.
pub fn body_hash(body: &[u8]) -> String {
    let mut hash = Context::new(&SHA256);
    canon::relaxed_body_into(body, |piece| hash.update(piece));
    Base64::encode_string(hash.finish().as_ref())
}

/// The `h=` list: each signed name as often as it occurs, `from` once more.
pub fn signed_names(fields: &[Field<'_>]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for name in SIGNED {
        let n = fields
            .iter()
            .filter(|f| f.name.eq_ignore_ascii_case(name.as_bytes()))
            .count();
        let n = if *name == "from" { n + 1 } else { n };
        out.extend(std::iter::repeat_n(*name, n));
    }
    out
}

/// The complete `DKIM-Signature:` field, folded, ending in CRLF.
pub fn signature_field(
    key: &SigningKey,
    fields: &[Field<'_>],
    bh: &str,
    unix_time: u64,
) -> Result<Vec<u8>, SignFailed> {
    let names = signed_names(fields);
    let mut text = format!(
        "DKIM-Signature: v=1; a={}; c=relaxed/relaxed;\r\n\td={}; s={}; t={};\r\n\th=",
        key.key.algorithm_tag(),
        key.domain,
        key.selector,
        unix_time
    );
    let mut line = 3;
    for (i, name) in names.iter().enumerate() {
        let piece = if i + 1 == names.len() {
            format!("{name};")
        } else {
            format!("{name}:")
        };
        if line + piece.len() > WIDTH {
            text.push_str("\r\n\t");
            line = 1;
        }
        text.push_str(&piece);
        line += piece.len();
    }
    text.push_str(&format!("\r\n\tbh={bh};\r\n\tb="));

    // §3.7: the selected fields, bottom-up per name, then this field with
    // an empty b= and no final CRLF.
    let mut data = Vec::new();
    let mut used: Vec<(&str, usize)> = Vec::new();
    for name in &names {
        let k = match used.iter_mut().find(|(n, _)| n == name) {
            Some((_, k)) => {
                *k += 1;
                *k
            }
            None => {
                used.push((name, 0));
                0
            }
        };
        if let Some(f) = fields
            .iter()
            .rev()
            .filter(|f| f.name.eq_ignore_ascii_case(name.as_bytes()))
            .nth(k)
        {
            canon::relaxed_header(f.raw, &mut data);
        }
    }
    canon::relaxed_header(text.as_bytes(), &mut data);
    data.truncate(data.len().saturating_sub(2));

    let signature = match &key.key {
        PrivateKey::Rsa(k) => {
            let mut sig = vec![0u8; k.public().modulus_len()];
            k.sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), &data, &mut sig)
                .map_err(|_| SignFailed)?;
            sig
        }
        // RFC 8463 §3: Ed25519 signs the SHA-256 hash of the data.
        PrivateKey::Ed25519(k) => k.sign(digest(&SHA256, &data).as_ref()).as_ref().to_vec(),
    };
    let b = Base64::encode_string(&signature);
    let mut rest = b.as_str();
    let first = rest.len().min(WIDTH.saturating_sub(3));
    text.push_str(&rest[..first]);
    rest = &rest[first..];
    while !rest.is_empty() {
        let n = rest.len().min(WIDTH - 1);
        text.push_str("\r\n\t");
        text.push_str(&rest[..n]);
        rest = &rest[n..];
    }
    text.push_str("\r\n");
    Ok(text.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_is_over_signed_and_absent_fields_are_not_listed() {
        let (fields, _) =
            canon::split(b"From: a@b.test\r\nTo: c@d\r\nTo: e@f\r\nX-Other: 1\r\n\r\n");
        assert_eq!(signed_names(&fields), vec!["from", "from", "to", "to"]);
    }

    #[test]
    fn empty_body_hash_is_the_hash_of_nothing() {
        // SHA-256 of the empty string.
        assert_eq!(
            body_hash(b""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        assert_eq!(body_hash(b"\r\n\r\n"), body_hash(b""));
    }

    #[test]
    fn the_field_is_folded_and_names_every_tag() {
        let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
        let key = SigningKey {
            domain: "a.test".into(),
            selector: "s1".into(),
            key: PrivateKey::Ed25519(
                ring::signature::Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap(),
            ),
        };
        let (fields, body) = canon::split(b"From: x@a.test\r\nSubject: hi\r\n\r\nbody\r\n");
        let f = signature_field(&key, &fields, &body_hash(body), 1_700_000_000).unwrap();
        let f = String::from_utf8(f).unwrap();
        for tag in [
            "v=1;",
            "a=ed25519-sha256;",
            "c=relaxed/relaxed;",
            "d=a.test;",
            "s=s1;",
            "t=1700000000;",
            "h=from:from:subject;",
            "bh=",
            "b=",
        ] {
            assert!(f.contains(tag), "{tag} missing in {f}");
        }
        assert!(f.ends_with("\r\n"));
        assert!(f.lines().all(|l| l.trim_end().len() <= WIDTH), "{f}");
    }
}
