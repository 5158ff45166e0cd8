//! SMTP AUTH PLAIN and LOGIN (RFC 4954, RFC 4616), offered only under TLS,
//! and what keeps password checking from becoming a way to exhaust the
//! gateway or to learn which user names exist: a bounded check pool
//! ([`pool`]), failure throttling across connections ([`throttle`]), and a
//! dummy check for unknown names that costs what a real one costs.

pub mod cli;
pub mod pool;
pub mod throttle;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use base64ct::{Base64, Encoding};

use crate::config::{Config, Limits, RelayUser};
use pool::{Pool, Verified};
use throttle::{Blocked, Policy, Throttle};

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

/// What every session shares for AUTH: the check pool and the failure
/// memory. One per gateway; a reload reconfigures it in place, so failures
/// and blocks survive a SIGHUP.
pub struct Guard {
    pool: Pool,
    throttle: Throttle,
}

/// How an AUTH attempt ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    /// Wrong name or password; answer after `delay`.
    Rejected {
        delay: Duration,
    },
    /// Every check slot was taken.
    Busy,
    /// Too many recent failures from this client or for this name.
    Blocked(Blocked),
}

impl Guard {
    /// Builds the pool and the unknown-user dummy hash (one argon2 run).
    pub fn new(config: &Config) -> Guard {
        Guard {
            pool: Pool::new(config.limits.auth_concurrency, &config.relay.users),
            throttle: Throttle::default(),
        }
    }

    /// A reload: new pool size, new dummy hash if the users' parameters changed.
    pub fn configure(&self, config: &Config) {
        self.pool
            .configure(config.limits.auth_concurrency, &config.relay.users);
    }

    /// Throttle, then check. The failure delay is the caller's to wait, after
    /// the check slot is already free again.
    pub async fn attempt(
        &self,
        limits: &Limits,
        users: &[RelayUser],
        ip: IpAddr,
        user: &str,
        password: String,
    ) -> Outcome {
        let policy = Policy::from_limits(limits);
        if let Some(b) = self.throttle.check(&policy, ip, user, Instant::now()) {
            return Outcome::Blocked(b);
        }
        let hash = users
            .iter()
            .find(|u| u.name == user)
            .map(|u| u.password_hash.as_str());
        match self.pool.verify(hash, password).await {
            Verified::Valid => Outcome::Accepted,
            Verified::Busy => Outcome::Busy,
            Verified::Invalid => Outcome::Rejected {
                delay: self.throttle.fail(&policy, ip, user, Instant::now()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
