//! The memory budget of messages in flight: bytes held by every message
//! between its first byte and its final reply, over all sessions.
//!
//! Without it, memory grows with the number of concurrent senders times the
//! size limit (100 strangers × 9.5 MB took the process to 1.45 GB). With it,
//! a message that would take the total past the limit is refused with
//! `452 4.3.1` while the rest of it is read and thrown away, so the client
//! retries later and the session stays in step.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What all messages in flight hold, in bytes.
#[derive(Debug, Default)]
pub struct InFlight {
    used: AtomicU64,
}

/// One message's share of the budget; given back when dropped.
#[derive(Debug)]
pub struct Charge {
    pool: Arc<InFlight>,
    held: u64,
}

impl InFlight {
    pub fn new() -> Arc<InFlight> {
        Arc::new(InFlight::default())
    }

    /// Bytes charged by all messages now.
    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Acquire)
    }

    /// An empty charge for a new message.
    pub fn charge(self: &Arc<Self>) -> Charge {
        Charge {
            pool: self.clone(),
            held: 0,
        }
    }
}

impl Charge {
    /// Sets this message's share to `total` bytes. Growing fails (and
    /// changes nothing) when it would take all messages past `limit`;
    /// shrinking always succeeds.
    pub fn set(&mut self, total: u64, limit: u64) -> bool {
        if total <= self.held {
            self.pool
                .used
                .fetch_sub(self.held - total, Ordering::AcqRel);
            self.held = total;
            return true;
        }
        let extra = total - self.held;
        let grown = self
            .pool
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(extra).filter(|n| *n <= limit)
            });
        if grown.is_ok() {
            self.held = total;
        }
        grown.is_ok()
    }

    /// Sets the share to `total` whatever the limit: for the few bytes a
    /// message already accepted needs to finish (its trace header), so a
    /// message that was read whole is not refused for them.
    pub fn force(&mut self, total: u64) {
        // Only an overflow of u64 could fail here; the old share stays then.
        let _ = self.set(total, u64::MAX);
    }

    pub fn held(&self) -> u64 {
        self.held
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        self.pool.used.fetch_sub(self.held, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_grow_within_the_limit_and_come_back_on_drop() {
        let pool = InFlight::new();
        let mut a = pool.charge();
        let mut b = pool.charge();
        assert!(a.set(600, 1000));
        assert!(!b.set(500, 1000), "600 + 500 is over 1000");
        assert_eq!(b.held(), 0);
        assert!(b.set(400, 1000));
        assert_eq!(pool.used(), 1000);
        assert!(a.set(100, 1000), "shrinking always works");
        assert_eq!(pool.used(), 500);
        b.force(2000);
        assert_eq!(pool.used(), 2100);
        drop(a);
        drop(b);
        assert_eq!(pool.used(), 0);
    }
}
