//! Messages per minute per client key, for clients without a relay grant.
//!
//! RFC 5321 §4.5.1 makes postmaster reachable from anyone, so anyone can
//! fill the spool through it; a token bucket per `peer::limit_key` (an IPv4
//! address or an IPv6 /64) lets a real postmaster report through and turns
//! a flood into `450 4.7.1`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const MINUTE: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub struct Throttle {
    inner: Mutex<Buckets>,
}

#[derive(Debug, Default)]
struct Buckets {
    map: HashMap<IpAddr, Bucket>,
    /// Size at which idle buckets are next swept out, so the table stays as
    /// small as the clients of the last minute and sweeping stays amortized.
    sweep_at: usize,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Throttle {
    /// Takes one message from `key`'s allowance of `per_minute`; false when
    /// none is left.
    pub fn allow(&self, key: IpAddr, per_minute: u32, now: Instant) -> bool {
        let Ok(mut b) = self.inner.lock() else {
            // A panic elsewhere poisoned the table: refuse rather than
            // drop the limit.
            return false;
        };
        if b.map.len() >= b.sweep_at.max(1024) {
            // A bucket untouched for a minute is full again: forgetting it
            // changes nothing.
            b.map
                .retain(|_, x| now.saturating_duration_since(x.at) < MINUTE);
            b.sweep_at = b.map.len() * 2;
        }
        let cap = f64::from(per_minute);
        let bucket = b.map.entry(key).or_insert(Bucket {
            tokens: cap,
            at: now,
        });
        let refill = now.saturating_duration_since(bucket.at).as_secs_f64() * cap / 60.0;
        bucket.tokens = (bucket.tokens + refill).min(cap);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_rate_per_key_and_refills() {
        let t = Throttle::default();
        let now = Instant::now();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..3 {
            assert!(t.allow(a, 3, now));
        }
        assert!(!t.allow(a, 3, now));
        assert!(t.allow(b, 3, now), "another key has its own allowance");
        assert!(!t.allow(a, 3, now + Duration::from_secs(10)));
        assert!(t.allow(a, 3, now + Duration::from_secs(21)), "one per 20 s");
    }

    #[test]
    fn idle_keys_are_swept() {
        let t = Throttle::default();
        let now = Instant::now();
        for i in 0..1024u32 {
            t.allow(IpAddr::from(i.to_be_bytes()), 5, now);
        }
        let later = now + Duration::from_secs(61);
        t.allow("198.51.100.1".parse().unwrap(), 5, later);
        t.allow("198.51.100.2".parse().unwrap(), 5, later);
        assert!(t.inner.lock().unwrap().map.len() < 10);
    }
}
