//! Password checks on a small, bounded pool.
//!
//! argon2 is expensive on purpose: each check holds the hash's `m` KiB of
//! memory (19 MiB with the crate defaults) and tens of milliseconds of CPU.
//! Run on one blocking thread per attempt, 400 attacking sessions took the
//! gateway to 10 GB. Here at most `auth_concurrency` checks run at once; an
//! attempt that finds every slot taken is answered at once, never queued, so
//! neither memory nor waiting sessions grow with the attack.
//!
//! Each check maps its argon2 memory from the system and unmaps it when done.
//! Through malloc the blocks stay behind: glibc keeps freed 19 MiB blocks in
//! the arena of the thread that used them, and checks move between blocking
//! threads, so with only two checks at a time a flood still left six arenas
//! of 57 MB (374 MB). Unmapped, they are gone the moment a check ends, and
//! no password-derived block lingers in the heap.
//!
//! A name that is not a configured user is checked against a dummy hash made
//! with the configured users' argon2 parameters (the costliest, if they
//! differ), so it takes as long as a real check: the reply time does not
//! tell which user names exist.

use std::ptr::NonNull;
use std::sync::{Arc, RwLock};

use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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
        Self::of_hash(&PasswordHash::new(phc).ok()?)
    }

    fn of_hash(h: &PasswordHash) -> Option<Cost> {
        Some(Cost {
            algorithm: Algorithm::try_from(h.algorithm).ok()?,
            version: match h.version {
                Some(v) => Version::try_from(v).ok()?,
                None => Version::default(),
            },
            params: Params::try_from(h).ok()?,
        })
    }

    /// Memory blocks filled: this crate computes lanes one after another,
    /// so time follows m·t whatever p is.
    fn work(&self) -> u64 {
        u64::from(self.params.m_cost()) * u64::from(self.params.t_cost())
    }

    /// A hash of a fixed password at this cost, computed like a check is.
    fn dummy(&self) -> Option<String> {
        let salt = Salt::from_b64(DUMMY_SALT).ok()?;
        let mut salt_buf = [0u8; 64];
        let salt_bytes = salt.decode_b64(&mut salt_buf).ok()?;
        let len = self
            .params
            .output_len()
            .unwrap_or(Params::DEFAULT_OUTPUT_LEN);
        let mut out = vec![0u8; len];
        let mut scratch = Scratch::map(self.params.block_count())?;
        Argon2::new(self.algorithm, self.version, self.params.clone())
            .hash_password_into_with_memory(DUMMY_PASSWORD, salt_bytes, &mut out, &mut scratch)
            .ok()?;
        let phc = PasswordHash {
            algorithm: self.algorithm.ident(),
            version: Some(self.version.into()),
            params: ParamsString::try_from(&self.params).ok()?,
            salt: Some(salt),
            hash: Some(Output::new(&out).ok()?),
        };
        Some(phc.to_string())
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
        let current = self.read(|s| s.dummy.clone());
        let dummy = match (wanted, current) {
            (None, _) => None,
            (Some((cost, _)), Some(d)) if d.cost == cost => Some(d),
            (Some((cost, differ)), _) => {
                if differ {
                    warn!(
                        "[[relay.user]] password hashes use different argon2 parameters: the cheaper ones answer faster than an unknown name, which tells that they exist; rehash them with `sealgate hash-password`"
                    );
                }
                match cost.dummy() {
                    Some(hash) => Some(Arc::new(Dummy { hash, cost })),
                    None => {
                        // Unknown names are then refused without a check:
                        // still refused, but faster than known ones.
                        error!("no memory for the unknown-user dummy hash");
                        None
                    }
                }
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
            Ok(Some(true)) if known => Verified::Valid,
            Ok(Some(_)) => Verified::Invalid,
            Ok(None) => {
                error!("no memory for a password check");
                Verified::Busy
            }
            Err(e) => {
                error!(error = %e, "password check failed");
                Verified::Invalid
            }
        }
    }
}

/// Whether `password` matches the argon2 PHC string `phc`; None when the
/// check's memory cannot be had. The comparison is constant-time (`Output`).
pub fn matches(phc: &str, password: &[u8]) -> Option<bool> {
    let Ok(hash) = PasswordHash::new(phc) else {
        return Some(false);
    };
    let (Some(cost), Some(salt), Some(expected)) = (Cost::of_hash(&hash), hash.salt, hash.hash)
    else {
        return Some(false);
    };
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return Some(false);
    };
    let mut scratch = Scratch::map(cost.params.block_count())?;
    let mut out = vec![0u8; expected.len()];
    let hasher = Argon2::new(cost.algorithm, cost.version, cost.params);
    let ok = hasher
        .hash_password_into_with_memory(password, salt, &mut out, &mut scratch)
        .is_ok()
        && Output::new(&out).is_ok_and(|o| o == expected);
    Some(ok)
}

/// argon2 working memory mapped for one check, unmapped on drop.
struct Scratch {
    blocks: NonNull<Block>,
    len: usize,
}

// SAFETY: the mapping belongs to this value alone.
unsafe impl Send for Scratch {}

impl Scratch {
    fn map(len: usize) -> Option<Scratch> {
        let bytes = len.checked_mul(Block::SIZE).filter(|b| *b > 0)?;
        // SAFETY: a fresh private anonymous mapping; no existing memory is touched.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return None;
        }
        Some(Scratch {
            blocks: NonNull::new(p.cast::<Block>())?,
            len,
        })
    }
}

impl AsMut<[Block]> for Scratch {
    fn as_mut(&mut self) -> &mut [Block] {
        // SAFETY: the mapping is page-aligned (Block wants 64), `len` blocks
        // long, zero-filled (a valid Block is any bit pattern), and borrowed
        // mutably through `self` only.
        unsafe { std::slice::from_raw_parts_mut(self.blocks.as_ptr(), self.len) }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `map`.
        unsafe { libc::munmap(self.blocks.as_ptr().cast(), self.len * Block::SIZE) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, SaltString};

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
        assert_eq!(matches(&h, b"pw"), Some(true));
        assert_eq!(matches(&h, b"pW"), Some(false));
        assert_eq!(matches("$argon2id$garbage", b"pw"), Some(false));
        // The crate's own verification agrees, for every variant.
        use argon2::password_hash::PasswordVerifier;
        for alg in [Algorithm::Argon2i, Algorithm::Argon2d, Algorithm::Argon2id] {
            let salt = SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap();
            let p = Params::new(32, 2, 2, Some(24)).unwrap();
            let h = Argon2::new(alg, Version::V0x10, p)
                .hash_password(b"pw", &salt)
                .unwrap()
                .to_string();
            let parsed = PasswordHash::new(&h).unwrap();
            assert!(Argon2::default().verify_password(b"pw", &parsed).is_ok());
            assert_eq!(matches(&h, b"pw"), Some(true), "{h}");
            assert_eq!(matches(&h, b"px"), Some(false), "{h}");
        }
    }

    #[test]
    fn dummy_copies_the_costliest_users_parameters() {
        let users = [user("a", hash("x", 64, 1)), user("b", hash("y", 256, 3))];
        let (cost, differ) = costliest(&users).unwrap();
        assert!(differ);
        let dummy = cost.dummy().unwrap();
        let d = Cost::of(&dummy).unwrap();
        assert_eq!((d.params.m_cost(), d.params.t_cost()), (256, 3));
        assert_eq!(d, cost);
        assert_eq!(matches(&dummy, DUMMY_PASSWORD), Some(true));
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
