//! SMTP AUTH PLAIN and LOGIN (RFC 4954, RFC 4616), offered only under TLS.

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use base64ct::{Base64, Encoding};

use crate::config::RelayUser;

/// Decodes an AUTH PLAIN response into (authcid, password). An authzid
/// different from the authcid is refused: nobody relays as someone else.
pub fn decode_plain(b64: &str) -> Option<(String, String)> {
    let raw = Base64::decode_vec(b64.trim()).ok()?;
    let mut parts = raw.split(|b| *b == 0);
    let authz = parts.next()?;
    let user = std::str::from_utf8(parts.next()?).ok()?;
    let pass = std::str::from_utf8(parts.next()?).ok()?;
    if parts.next().is_some() || (!authz.is_empty() && authz != user.as_bytes()) {
        return None;
    }
    Some((user.to_string(), pass.to_string()))
}

pub fn decode_b64_text(b64: &str) -> Option<String> {
    let raw = Base64::decode_vec(b64.trim()).ok()?;
    String::from_utf8(raw).ok()
}

pub fn encode_b64(s: &str) -> String {
    Base64::encode_string(s.as_bytes())
}

/// Checks a password against the configured hashes. Unknown users are
/// checked against a dummy hash so timing does not reveal which names exist.
pub fn verify(users: &[RelayUser], user: &str, password: &str) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2VhbGdhdGVkdW1teQ$0Gx8ZJ9V0pQ7f9hH1sUuPjJ6aYb2b1hQ0pY5m8lQm3I";
    let (hash, known) = match users.iter().find(|u| u.name == user) {
        Some(u) => (u.password_hash.as_str(), true),
        None => (DUMMY, false),
    };
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
        && known
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, SaltString};

    #[test]
    fn plain_decoding() {
        let b = Base64::encode_string(b"\0alice\0s3cret");
        assert_eq!(decode_plain(&b), Some(("alice".into(), "s3cret".into())));
        let b = Base64::encode_string(b"alice\0alice\0s3cret");
        assert!(decode_plain(&b).is_some());
        let b = Base64::encode_string(b"bob\0alice\0s3cret");
        assert_eq!(decode_plain(&b), None, "acting as another user");
        assert_eq!(decode_plain("!!!"), None);
    }

    #[test]
    fn verifies_argon2() {
        let salt = SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap();
        let hash = Argon2::default()
            .hash_password(b"pw", &salt)
            .unwrap()
            .to_string();
        let users = vec![RelayUser {
            name: "t".into(),
            password_hash: hash,
            sender_domains: vec![],
        }];
        assert!(verify(&users, "t", "pw"));
        assert!(!verify(&users, "t", "pW"));
        assert!(!verify(&users, "x", "pw"));
    }
}
