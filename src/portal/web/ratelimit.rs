//! Per-client request limits, in memory, keyed by the TCP peer address only:
//! a header such as X-Forwarded-For is written by the client and would let
//! anyone pick a fresh key for every request. IPv6 clients are keyed by
//! their /64, since one host commonly owns a whole /64.
//!
//! Fixed windows: simple, and an attacker gains at most twice the rate at a
//! window edge. The table is capped; when it is full, finished windows are
//! dropped first and then the oldest entry, so memory stays bounded while a
//! flood of addresses only costs the flooders their own history.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub window: Duration,
    /// Any request under `/m/`.
    pub requests: u32,
    /// POSTs (code requests, code checks, replies); counted in `requests` too.
    pub posts: u32,
    /// Most clients remembered at once.
    pub max_clients: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            window: Duration::from_secs(60),
            requests: 60,
            posts: 10,
            max_clients: 20_000,
        }
    }
}

impl Limits {
    /// `[portal] requests_per_minute` and `posts_per_minute`; the rest as
    /// by default.
    pub fn per_minute(requests: u32, posts: u32) -> Self {
        Limits {
            requests,
            posts,
            ..Limits::default()
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: Instant,
    requests: u32,
    posts: u32,
}

pub struct RateLimiter {
    limits: Limits,
    table: Mutex<HashMap<IpAddr, Window>>,
}

impl RateLimiter {
    pub fn new(limits: Limits) -> Self {
        RateLimiter {
            limits,
            table: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request; `Err(seconds)` says how long until the client may
    /// try again.
    pub fn check(&self, client: IpAddr, is_post: bool, now: Instant) -> Result<(), u64> {
        let key = key(client);
        let limits = self.limits;
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        if !table.contains_key(&key) && table.len() >= limits.max_clients {
            table.retain(|_, w| now.saturating_duration_since(w.start) < limits.window);
            if table.len() >= limits.max_clients
                && let Some(oldest) = table.iter().min_by_key(|(_, w)| w.start).map(|(k, _)| *k)
            {
                table.remove(&oldest);
            }
        }
        let w = table.entry(key).or_insert(Window {
            start: now,
            requests: 0,
            posts: 0,
        });
        if now.saturating_duration_since(w.start) >= limits.window {
            *w = Window {
                start: now,
                requests: 0,
                posts: 0,
            };
        }
        let over = w.requests >= limits.requests || (is_post && w.posts >= limits.posts);
        if over {
            let left = limits
                .window
                .saturating_sub(now.saturating_duration_since(w.start));
            return Err(left.as_secs().max(1));
        }
        w.requests += 1;
        if is_post {
            w.posts += 1;
        }
        Ok(())
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.table.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

fn key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let mut octets = v6.octets();
            octets[8..].fill(0);
            IpAddr::from(octets)
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(requests: u32, posts: u32, max_clients: usize) -> RateLimiter {
        RateLimiter::new(Limits {
            window: Duration::from_secs(60),
            requests,
            posts,
            max_clients,
        })
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("test address")
    }

    #[test]
    fn requests_over_the_limit_wait_for_the_window() {
        let l = limiter(3, 10, 100);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(l.check(ip("192.0.2.1"), false, t0), Ok(()));
        }
        assert_eq!(
            l.check(ip("192.0.2.1"), false, t0 + Duration::from_secs(20)),
            Err(40)
        );
        // Another client is not affected.
        assert_eq!(l.check(ip("192.0.2.2"), false, t0), Ok(()));
        // A new window starts afresh.
        assert_eq!(
            l.check(ip("192.0.2.1"), false, t0 + Duration::from_secs(60)),
            Ok(())
        );
    }

    #[test]
    fn posts_have_their_own_lower_limit() {
        let l = limiter(100, 2, 100);
        let t0 = Instant::now();
        assert!(l.check(ip("192.0.2.1"), true, t0).is_ok());
        assert!(l.check(ip("192.0.2.1"), true, t0).is_ok());
        assert!(l.check(ip("192.0.2.1"), true, t0).is_err());
        assert!(l.check(ip("192.0.2.1"), false, t0).is_ok());
    }

    #[test]
    fn ipv6_is_keyed_by_slash_64_and_mapped_v4_by_v4() {
        let l = limiter(1, 1, 100);
        let t0 = Instant::now();
        assert!(l.check(ip("2001:db8:1:2::1"), false, t0).is_ok());
        assert!(l.check(ip("2001:db8:1:2:ffff::9"), false, t0).is_err());
        assert!(l.check(ip("2001:db8:1:3::1"), false, t0).is_ok());
        assert!(l.check(ip("192.0.2.7"), false, t0).is_ok());
        assert!(l.check(ip("::ffff:192.0.2.7"), false, t0).is_err());
    }

    #[test]
    fn the_table_stays_bounded() {
        let l = limiter(1, 1, 3);
        let t0 = Instant::now();
        for i in 0..50u32 {
            let addr = IpAddr::from([10, 0, (i >> 8) as u8, i as u8]);
            assert!(
                l.check(addr, false, t0 + Duration::from_millis(u64::from(i)))
                    .is_ok()
            );
            assert!(l.len() <= 3);
        }
        // The newest clients are still remembered.
        assert!(
            l.check(ip("10.0.0.49"), false, t0 + Duration::from_secs(1))
                .is_err()
        );
    }
}
