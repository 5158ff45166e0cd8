//! DKIM signing of what leaves (RFC 6376, RFC 8463). The scheduler calls
//! [`Signer::sign`] just before `outbound::deliver`, after every change the
//! gateway makes (tag stripping, trace fields, line endings), so nothing we
//! do afterwards can break a signature; DSNs and portal mail go through the
//! same queue and are signed the same way.
//!
//! Our own signer on `ring` rather than mail-auth: mail-auth 0.15 needs
//! mail-parser 1.x (rust-version 1.98, above this toolchain) and AWS-LC,
//! and 0.13.3 has a relaxed-body `bh=` bug. Signing is ~300 lines on the
//! crypto we already build; `tests/dkim.rs` checks it against dkimpy.

pub mod canon;
pub mod keygen;
pub mod keys;
pub mod sign;

use std::borrow::Cow;
use std::sync::Arc;

use crate::config::{Config, Problem, Unsigned};
use sign::SigningKey;

#[derive(Debug, thiserror::Error)]
pub enum DkimError {
    #[error(
        "no DKIM key for {domain} and [dkim] unsigned = \"refuse\": add a [[dkim.key]] for {domain} or set unsigned = \"pass\""
    )]
    NoKey { domain: String },
    #[error("no author domain to pick a DKIM key by, and [dkim] unsigned = \"refuse\"")]
    NoDomain,
    #[error("DKIM signing for {domain} failed")]
    Failed { domain: String },
}

/// The keys of every `[[dkim.key]]`, loaded once; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Signer {
    keys: Arc<Vec<SigningKey>>,
    unsigned: Unsigned,
}

impl Signer {
    /// Loads every key; each bad one is a problem at its `key` in the file.
    pub fn new(config: &Config) -> Result<Signer, Vec<Problem>> {
        let mut keys = Vec::new();
        let mut problems = Vec::new();
        for (i, k) in config.dkim.keys.iter().enumerate() {
            let at = |field: &str| format!("dkim.key[{i}].{field}");
            let domain = match crate::proto::address::normalize_domain(&k.domain) {
                Ok(d) if !d.starts_with('[') => d,
                _ => {
                    problems.push(config.problem(
                        &at("domain"),
                        format!("`{}` is not a domain name", k.domain),
                    ));
                    continue;
                }
            };
            if !valid_selector(&k.selector) {
                problems.push(config.problem(
                    &at("selector"),
                    format!(
                        "`{}` is not a selector: letters, digits, inner hyphens, dot-separated",
                        k.selector
                    ),
                ));
                continue;
            }
            if config.dkim.keys[..i]
                .iter()
                .any(|o| o.selector == k.selector && o.domain.eq_ignore_ascii_case(&k.domain))
            {
                problems.push(config.problem(
                    &at("selector"),
                    format!(
                        "{}._domainkey.{domain} already has a key above: one DNS record cannot publish two keys",
                        k.selector
                    ),
                ));
                continue;
            }
            match keys::load(&config.path(&k.key), k.algorithm) {
                Ok(key) => keys.push(SigningKey {
                    domain,
                    selector: k.selector.clone(),
                    key,
                }),
                Err(e) => problems.push(config.problem(&at("key"), e.to_string())),
            }
        }
        if problems.is_empty() {
            Ok(Signer {
                keys: Arc::new(keys),
                unsigned: config.dkim.unsigned,
            })
        } else {
            Err(problems)
        }
    }

    /// The bytes to send: `message` with a DKIM-Signature per key of its
    /// author's domain (the RFC 5322 From; the envelope sender's domain
    /// when From cannot be read), or unchanged when that domain has no key
    /// and unsigned mail may pass.
    pub fn sign<'a>(
        &self,
        envelope_domain: Option<&str>,
        message: &'a [u8],
    ) -> Result<Cow<'a, [u8]>, DkimError> {
        if self.keys.is_empty() && self.unsigned == Unsigned::Pass {
            return Ok(Cow::Borrowed(message));
        }
        let author = crate::proto::header::Header::parse(message)
            .author_domains()
            .ok()
            .and_then(|d| d.into_iter().next());
        let domain = author
            .as_deref()
            .or(envelope_domain)
            .map(|d| crate::proto::address::normalize_domain(d).unwrap_or(d.to_ascii_lowercase()));
        let Some(domain) = domain else {
            return match self.unsigned {
                Unsigned::Pass => Ok(Cow::Borrowed(message)),
                Unsigned::Refuse => Err(DkimError::NoDomain),
            };
        };
        let mine: Vec<&SigningKey> = self.keys.iter().filter(|k| k.domain == domain).collect();
        if mine.is_empty() {
            return match self.unsigned {
                Unsigned::Pass => Ok(Cow::Borrowed(message)),
                Unsigned::Refuse => Err(DkimError::NoKey { domain }),
            };
        }
        let (fields, body) = canon::split(message);
        let bh = sign::body_hash(body);
        let now = crate::time::unix_now();
        let mut out = Vec::with_capacity(message.len() + 1024 * mine.len());
        for key in mine {
            let field =
                sign::signature_field(key, &fields, &bh, now).map_err(|_| DkimError::Failed {
                    domain: domain.clone(),
                })?;
            out.extend_from_slice(&field);
        }
        out.extend_from_slice(message);
        Ok(Cow::Owned(out))
    }
}

/// A selector is one or more DNS labels; it also names the key file, so
/// nothing that could leave the key folder gets through.
pub fn valid_selector(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::signature::Ed25519KeyPair;

    fn signer(unsigned: Unsigned) -> Signer {
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).expect("keygen");
        let key = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("key");
        Signer {
            keys: Arc::new(vec![SigningKey {
                domain: "riverbend.test".into(),
                selector: "s1".into(),
                key: keys::PrivateKey::Ed25519(key),
            }]),
            unsigned,
        }
    }

    fn signed_by(out: &[u8]) -> Option<String> {
        let text = String::from_utf8_lossy(out);
        let d = text.split("d=").nth(1)?;
        Some(d.split(';').next()?.to_string())
    }

    #[test]
    fn the_key_is_picked_by_the_from_domain_not_the_envelope() {
        let s = signer(Unsigned::Pass);
        let msg = b"From: A <a@RiverBend.test>\r\nSubject: x\r\n\r\nhi\r\n";
        let out = s.sign(Some("other.test"), msg).expect("sign");
        assert_eq!(signed_by(&out).as_deref(), Some("riverbend.test"));
        assert!(out.ends_with(msg));
        // A From of another domain: not signed, although the envelope matches.
        let msg = b"From: a@other.test\r\n\r\nhi\r\n";
        assert!(matches!(
            s.sign(Some("riverbend.test"), msg),
            Ok(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn without_a_readable_from_the_envelope_domain_decides() {
        let s = signer(Unsigned::Pass);
        let msg = b"Subject: no from\r\n\r\nhi\r\n";
        let out = s.sign(Some("riverbend.test"), msg).expect("sign");
        assert_eq!(signed_by(&out).as_deref(), Some("riverbend.test"));
        assert!(matches!(s.sign(None, msg), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn refuse_turns_a_domain_without_a_key_into_an_error_naming_it() {
        let s = signer(Unsigned::Refuse);
        let e = s
            .sign(None, b"From: a@other.test\r\n\r\nhi\r\n")
            .expect_err("refused");
        assert!(e.to_string().contains("no DKIM key for other.test"), "{e}");
        assert!(s.sign(None, b"Subject: x\r\n\r\n").is_err());
        assert!(s.sign(None, b"From: a@riverbend.test\r\n\r\n").is_ok());
    }

    #[test]
    fn selectors_are_dns_labels() {
        for ok in ["sg1", "2026-11.rsa", "a"] {
            assert!(valid_selector(ok), "{ok}");
        }
        for bad in ["", "../x", "a/b", "-a", "a..b", "a b", "ä"] {
            assert!(!valid_selector(bad), "{bad}");
        }
    }
}
