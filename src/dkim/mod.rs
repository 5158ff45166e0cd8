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
