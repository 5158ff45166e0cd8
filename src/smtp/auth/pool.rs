//! Password checks on a small, bounded pool.
//!
//! argon2 is expensive on purpose: each check holds the hash's `m` KiB of
//! memory (19 MiB with the crate defaults) and tens of milliseconds of CPU.
//! Run on one blocking thread per attempt, 400 attacking sessions took the
//! gateway to 10 GB. Here at most `auth_concurrency` checks run at once; an
//! attempt that finds every slot taken is answered at once, never queued, so
//! neither memory nor waiting sessions grow with the attack.
//!
//! A name that is not a configured user is checked against a dummy hash made
//! with the configured users' argon2 parameters (the costliest, if they
//! differ), so it takes as long as a real check: the reply time does not
//! tell which user names exist.

use std::sync::{Arc, RwLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, Salt};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;
use tracing::{error, warn};

use crate::config::RelayUser;

/// Fixed, since nobody can know the dummy's password anyway: an unknown
/// user is refused whatever the check says.
const DUMMY_PASSWORD: &[u8] = b"sealgate unknown-user dummy";
const DUMMY_SALT: &str = "c2VhbGdhdGVkdW1teXNhbHQ";

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    Valid,
    Invalid,
    /// Every slot was taken; nothing was checked.
    Busy,
}

pub struct Pool {
    state: RwLock<State>,
}

struct State {
    slots: Arc<Semaphore>,
    size: usize,
    /// None while no user is configured (AUTH is not offered then).
    dummy: Option<Arc<Dummy>>,
}

struct Dummy {
    hash: String,
    cost: Cost,
}

/// What makes one argon2 check cost what it costs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cost {
    algorithm: Algorithm,
    version: Version,
    params: Params,
}

impl Cost {
    fn of(phc: &str) -> Option<Cost> {
        let h = PasswordHash::new(phc).ok()?;
        Some(Cost {
            algorithm: Algorithm::try_from(h.algorithm).ok()?,
            version: match h.version {
                Some(v) => Version::try_from(v).ok()?,
                None => Version::default(),
            },
            params: Params::try_from(&h).ok()?,
        })
    }

    /// Memory blocks filled: this crate computes lanes one after another,
    /// so time follows m·t whatever p is.
    fn work(&self) -> u64 {
        u64::from(self.params.m_cost()) * u64::from(self.params.t_cost())
    }

    fn dummy(&self) -> String {
        let hasher = Argon2::new(self.algorithm, self.version, self.params.clone());
        let salt = Salt::from_b64(DUMMY_SALT);
        match salt.and_then(|s| hasher.hash_password(DUMMY_PASSWORD, s)) {
            Ok(h) => h.to_string(),
            Err(e) => {
                // Config loading checked these parameters, so this is a bug;
                // a default-cost dummy still refuses everyone.
                error!(error = %e, "cannot build the unknown-user dummy hash; using argon2 defaults");
                let salt = Salt::from_b64(DUMMY_SALT);
                salt.and_then(|s| Argon2::default().hash_password(DUMMY_PASSWORD, s))
                    .map(|h| h.to_string())
                    .unwrap_or_default()
            }
        }
    }
}

/// The costliest of the users' hashes, and whether they differ.
fn costliest(users: &[RelayUser]) -> Option<(Cost, bool)> {
    let costs: Vec<Cost> = users
        .iter()
        .filter_map(|u| Cost::of(&u.password_hash))
        .collect();
    let top = costs.iter().max_by_key(|c| c.work())?.clone();
    let differ = costs.iter().any(|c| *c != top);
    Some((top, differ))
}

impl Pool {
    pub fn new(size: usize, users: &[RelayUser]) -> Pool {
        let pool = Pool {
            state: RwLock::new(State {
                slots: Arc::new(Semaphore::new(size.max(1))),
                size: size.max(1),
                dummy: None,
            }),
        };
        pool.configure(size, users);
        pool
    }

    /// Applies a (re)loaded config: the pool size, and a new dummy hash when
    /// the users' parameters changed. A resized pool starts with fresh
    /// slots; checks still running on the old ones finish there, so for
    /// their few milliseconds both sizes count.
    pub fn configure(&self, size: usize, users: &[RelayUser]) {
        let size = size.max(1);
        let wanted = costliest(users);
        let current = self.read(|s| (s.size, s.dummy.clone()));
        let dummy = match (wanted, current.1) {
            (None, _) => None,
            (Some((cost, _)), Some(d)) if d.cost == cost => Some(d),
            (Some((cost, differ)), _) => {
                if differ {
                    warn!(
                        "[[relay.user]] password hashes use different argon2 parameters: the cheaper ones answer faster than an unknown name, which tells that they exist; rehash them with `sealgate hash-password`"
                    );
                }
                Some(Arc::new(Dummy {
                    hash: cost.dummy(),
                    cost,
                }))
            }
        };
        let mut s = self.state.write().unwrap_or_else(|p| p.into_inner());
        if s.size != size {
            s.slots = Arc::new(Semaphore::new(size));
            s.size = size;
        }
        s.dummy = dummy;
    }

    fn read<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        f(&self.state.read().unwrap_or_else(|p| p.into_inner()))
    }

    /// Checks `password` against `hash`, or against the dummy when the user
    /// is unknown (`None`): both cost the same, and only a known user can
    /// be `Valid`.
    pub async fn verify(&self, hash: Option<&str>, password: String) -> Verified {
        let (slots, dummy) = self.read(|s| (s.slots.clone(), s.dummy.clone()));
        let Ok(slot) = slots.try_acquire_owned() else {
            return Verified::Busy;
        };
        let (phc, known) = match (hash, dummy) {
            (Some(h), _) => (h.to_string(), true),
            (None, Some(d)) => (d.hash.clone(), false),
            (None, None) => return Verified::Invalid,
        };
        // The slot moves into the blocking task: it is free again only when
        // argon2 is done, even if the session is dropped meanwhile.
        let checked = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            matches(&phc, password.as_bytes())
        })
        .await;
        match checked {
            Ok(true) if known => Verified::Valid,
            Ok(_) => Verified::Invalid,
            Err(e) => {
                error!(error = %e, "password check failed");
                Verified::Invalid
            }
        }
    }
}

/// Whether `password` matches the PHC string `phc`.
pub fn matches(phc: &str, password: &[u8]) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    Argon2::default().verify_password(password, &parsed).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::SaltString;

    fn hash(pw: &str, m: u32, t: u32) -> String {
        let salt = SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap();
        Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(m, t, 1, None).unwrap(),
        )
        .hash_password(pw.as_bytes(), &salt)
        .unwrap()
        .to_string()
    }

    fn user(name: &str, password_hash: String) -> RelayUser {
        RelayUser {
            name: name.into(),
            password_hash,
            sender_domains: vec![],
        }
    }

    #[test]
    fn verifies_argon2() {
        let h = hash("pw", 64, 1);
        assert!(matches(&h, b"pw"));
        assert!(!matches(&h, b"pW"));
        assert!(!matches("$argon2id$garbage", b"pw"));
    }

    #[test]
    fn dummy_copies_the_costliest_users_parameters() {
        let users = [user("a", hash("x", 64, 1)), user("b", hash("y", 256, 3))];
        let (cost, differ) = costliest(&users).unwrap();
        assert!(differ);
        let d = Cost::of(&cost.dummy()).unwrap();
        assert_eq!((d.params.m_cost(), d.params.t_cost()), (256, 3));
        assert_eq!(d, cost);
        assert!(costliest(&[]).is_none());
    }

    #[tokio::test]
    async fn unknown_users_never_pass_and_a_full_pool_is_busy() {
        let users = [user("a", hash("pw", 64, 1))];
        let pool = Pool::new(1, &users);
        assert_eq!(
            pool.verify(Some(&users[0].password_hash), "pw".into())
                .await,
            Verified::Valid
        );
        assert_eq!(
            pool.verify(Some(&users[0].password_hash), "no".into())
                .await,
            Verified::Invalid
        );
        assert_eq!(pool.verify(None, "pw".into()).await, Verified::Invalid);
        assert_eq!(
            pool.verify(None, DUMMY_PASSWORD.escape_ascii().to_string())
                .await,
            Verified::Invalid
        );
        let held = pool.read(|s| s.slots.clone()).try_acquire_owned().unwrap();
        assert_eq!(
            pool.verify(Some(&users[0].password_hash), "pw".into())
                .await,
            Verified::Busy
        );
        drop(held);
        pool.configure(3, &users);
        assert_eq!(pool.read(|s| s.slots.available_permits()), 3);
    }
}
