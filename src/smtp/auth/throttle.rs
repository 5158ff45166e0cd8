//! Failed-AUTH throttling across connections.
//!
//! A guesser opens as many connections as it likes, so the per-session
//! `max_auth_failures` alone does not slow it down. Failures are therefore
//! remembered per client (`peer::limit_key`: IPv6 per /64) and per user
//! name, for a window: each failure waits longer before it is answered, and
//! after `block_after` failures the client or name is refused outright, with
//! no password check spent on it, until the block expires.
//!
//! Both tables are bounded: an attacker with many addresses or names can
//! only push the oldest entries out, never grow memory. User names are kept
//! as keyed 64-bit hashes, so a table entry is small whatever the name's
//! length, and no name a client typed (perhaps a password in the wrong
//! field) stays in memory.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hash};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::Limits;
use crate::smtp::peer::limit_key;

/// Entries per table. An entry costs about 100 bytes with its share of the
/// map and the eviction queue, so both tables together stay under 15 MB.
pub const MAX_ENTRIES: usize = 65_536;

/// The failure delay doubles at most this many times (16x the base).
const MAX_DOUBLINGS: u32 = 4;

/// No failure reply waits longer than this, whatever the base: SMTP clients
/// give up on a reply after a few minutes (RFC 5321 §4.5.3.2).
const MAX_DELAY: Duration = Duration::from_secs(60);

/// What the throttle enforces, from `[limits]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub base_delay: Duration,
    /// 0: never block.
    pub block_after: u32,
    /// How long failures are remembered, and how long a block lasts.
    pub window: Duration,
}

impl Policy {
    pub fn from_limits(l: &Limits) -> Policy {
        Policy {
            base_delay: l.auth_failure_delay,
            block_after: l.auth_block_after,
            window: l.auth_block_time,
        }
    }

    fn off(&self) -> bool {
        self.base_delay.is_zero() && self.block_after == 0
    }

    /// The wait before answering the `failures`-th recent failure.
    fn delay(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(MAX_DOUBLINGS);
        self.base_delay
            .saturating_mul(1 << doublings)
            .min(MAX_DELAY)
    }
}

/// Why an attempt is refused before its password is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    Address,
    User,
}

pub struct Throttle {
    tables: Mutex<Tables>,
    names: RandomState,
}

struct Tables {
    addresses: Table<IpAddr>,
    users: Table<u64>,
}

impl Default for Throttle {
    fn default() -> Self {
        Self::with_capacity(MAX_ENTRIES)
    }
}

impl Throttle {
    pub fn with_capacity(cap: usize) -> Throttle {
        Throttle {
            tables: Mutex::new(Tables {
                addresses: Table::new(cap),
                users: Table::new(cap),
            }),
            names: RandomState::new(),
        }
    }

    /// Whether the client or the user name is blocked right now.
    pub fn check(&self, policy: &Policy, ip: IpAddr, user: &str, now: Instant) -> Option<Blocked> {
        if policy.block_after == 0 {
            return None;
        }
        let user = self.names.hash_one(user);
        let mut t = self.tables.lock().unwrap_or_else(|p| p.into_inner());
        if t.addresses.blocked(&limit_key(ip), policy, now) {
            Some(Blocked::Address)
        } else if t.users.blocked(&user, policy, now) {
            Some(Blocked::User)
        } else {
            None
        }
    }

    /// Records a failed attempt; returns how long to wait before answering.
    pub fn fail(&self, policy: &Policy, ip: IpAddr, user: &str, now: Instant) -> Duration {
        if policy.off() {
            return Duration::ZERO;
        }
        let user = self.names.hash_one(user);
        let mut t = self.tables.lock().unwrap_or_else(|p| p.into_inner());
        let a = t.addresses.fail(limit_key(ip), policy, now);
        let u = t.users.fail(user, policy, now);
        policy.delay(a.max(u))
    }

    /// Entries held, addresses and users (for tests and figures).
    pub fn len(&self) -> (usize, usize) {
        let t = self.tables.lock().unwrap_or_else(|p| p.into_inner());
        (t.addresses.map.len(), t.users.map.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == (0, 0)
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The first failure of the current window.
    since: Instant,
    failures: u32,
    blocked_until: Option<Instant>,
}

impl Entry {
    fn expired(&self, policy: &Policy, now: Instant) -> bool {
        match self.blocked_until {
            Some(until) => now >= until,
            None => now >= self.since + policy.window,
        }
    }
}

/// A map bounded by `cap`, with a queue in creation order: expired entries
/// are dropped from its front as new ones arrive, and when the map is full
/// the oldest entry makes room. A key whose entry expired and came back has
/// a stale queue item, recognised by its `since` not matching.
struct Table<K> {
    map: HashMap<K, Entry>,
    order: VecDeque<(K, Instant)>,
    cap: usize,
}

impl<K: Hash + Eq + Copy> Table<K> {
    fn new(cap: usize) -> Self {
        Table {
            map: HashMap::new(),
            order: VecDeque::new(),
            cap: cap.max(1),
        }
    }

    fn blocked(&mut self, key: &K, policy: &Policy, now: Instant) -> bool {
        match self.map.get(key) {
            Some(e) if e.expired(policy, now) => {
                self.map.remove(key);
                false
            }
            Some(e) => e.blocked_until.is_some(),
            None => false,
        }
    }

    /// Counts a failure; returns the failures in the current window.
    fn fail(&mut self, key: K, policy: &Policy, now: Instant) -> u32 {
        self.prune(policy, now);
        let live = self
            .map
            .get(&key)
            .filter(|e| !e.expired(policy, now))
            .copied();
        let entry = match live {
            Some(mut e) => {
                e.failures = e.failures.saturating_add(1);
                e
            }
            None => {
                self.map.remove(&key);
                self.make_room();
                self.order.push_back((key, now));
                Entry {
                    since: now,
                    failures: 1,
                    blocked_until: None,
                }
            }
        };
        let mut entry = entry;
        if policy.block_after > 0 && entry.failures >= policy.block_after {
            entry.blocked_until.get_or_insert(now + policy.window);
        }
        self.map.insert(key, entry);
        entry.failures
    }

    /// Drops expired entries (and stale queue items) from the front.
    fn prune(&mut self, policy: &Policy, now: Instant) {
        while let Some((key, since)) = self.order.front().copied() {
            match self.map.get(&key) {
                Some(e) if e.since == since => {
                    if !e.expired(policy, now) {
                        return;
                    }
                    self.map.remove(&key);
                }
                _ => {}
            }
            self.order.pop_front();
        }
    }

    /// Evicts the oldest entries until one more fits, and keeps stale queue
    /// items from outgrowing the map.
    fn make_room(&mut self) {
        while self.map.len() >= self.cap || self.order.len() >= 2 * self.cap {
            let Some((key, since)) = self.order.pop_front() else {
                return;
            };
            if self.map.get(&key).is_some_and(|e| e.since == since) {
                self.map.remove(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    fn policy() -> Policy {
        Policy {
            base_delay: 100 * MS,
            block_after: 4,
            window: Duration::from_secs(60),
        }
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn delay_doubles_then_blocks_then_expires() {
        let t = Throttle::default();
        let p = policy();
        let now = Instant::now();
        let a = ip("192.0.2.1");
        let delays: Vec<_> = (0..4).map(|_| t.fail(&p, a, "alice", now)).collect();
        assert_eq!(delays, [100 * MS, 200 * MS, 400 * MS, 800 * MS]);
        assert_eq!(t.check(&p, a, "bob", now), Some(Blocked::Address));
        assert_eq!(
            t.check(&p, ip("192.0.2.9"), "alice", now),
            Some(Blocked::User)
        );
        assert_eq!(t.check(&p, ip("192.0.2.9"), "bob", now), None);
        let later = now + p.window;
        assert_eq!(t.check(&p, a, "alice", later), None, "block expired");
        assert_eq!(t.fail(&p, a, "alice", later), 100 * MS, "counting restarts");
    }

    #[test]
    fn delay_is_capped() {
        let p = Policy {
            base_delay: Duration::from_secs(1),
            block_after: 0,
            window: Duration::from_secs(60),
        };
        let t = Throttle::default();
        let now = Instant::now();
        let last = (0..20)
            .map(|_| t.fail(&p, ip("192.0.2.1"), "u", now))
            .last();
        assert_eq!(last, Some(Duration::from_secs(16)));
        assert_eq!(t.check(&p, ip("192.0.2.1"), "u", now), None, "never blocks");
        let p = Policy {
            base_delay: Duration::from_secs(30),
            ..p
        };
        assert_eq!(t.fail(&p, ip("192.0.2.1"), "u", now), MAX_DELAY);
    }

    #[test]
    fn ipv6_counts_per_64() {
        let t = Throttle::default();
        let p = policy();
        let now = Instant::now();
        for i in 0..4 {
            t.fail(&p, ip(&format!("2001:db8:1:2::{i}")), &format!("u{i}"), now);
        }
        assert_eq!(
            t.check(&p, ip("2001:db8:1:2:ffff::1"), "x", now),
            Some(Blocked::Address)
        );
        assert_eq!(t.check(&p, ip("2001:db8:1:3::1"), "x", now), None);
    }

    #[test]
    fn tables_stay_bounded_and_forget() {
        let t = Throttle::with_capacity(1000);
        let p = policy();
        let now = Instant::now();
        for i in 0..50_000u32 {
            let a = IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + i));
            t.fail(&p, a, &format!("user{i}"), now + MS * (i % 7));
        }
        let (a, u) = t.len();
        assert!(a <= 1000 && u <= 1000, "{a} {u}");
        {
            let tables = t.tables.lock().unwrap();
            assert!(tables.addresses.order.len() <= 2000);
        }
        // After the window, one new failure sweeps the expired ones out.
        t.fail(
            &p,
            ip("192.0.2.1"),
            "late",
            now + p.window + Duration::from_secs(1),
        );
        assert_eq!(t.len(), (1, 1));
    }

    #[test]
    fn the_oldest_entry_makes_room() {
        let t = Throttle::with_capacity(10);
        let p = policy();
        let now = Instant::now();
        for _ in 0..4 {
            t.fail(&p, ip("192.0.2.1"), "alice", now);
        }
        for i in 0..9 {
            t.fail(&p, ip(&format!("198.51.100.{i}")), &format!("u{i}"), now);
        }
        assert_eq!(
            t.check(&p, ip("192.0.2.1"), "x", now),
            Some(Blocked::Address)
        );
        t.fail(&p, ip("198.51.100.200"), "u200", now);
        assert_eq!(
            t.check(&p, ip("192.0.2.1"), "x", now),
            None,
            "oldest evicted"
        );
    }

    #[test]
    fn off_tracks_nothing() {
        let t = Throttle::default();
        let p = Policy {
            base_delay: Duration::ZERO,
            block_after: 0,
            window: Duration::from_secs(60),
        };
        let now = Instant::now();
        assert_eq!(t.fail(&p, ip("192.0.2.1"), "a", now), Duration::ZERO);
        assert!(t.is_empty());
    }
}
