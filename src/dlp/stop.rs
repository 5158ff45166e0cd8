//! When a scan must give up before it is done.
//!
//! A regex pass over tens of megabytes, or a message dense with identifiers,
//! can run for seconds; the SMTP session that asked for it may have spent its
//! time budget or lost its client long before. The engine polls a [`Stop`]
//! between chunks of text and every few candidates, so a scan nobody waits
//! for stops burning a CPU of the scan pool, and a scan over its budget ends
//! with an incomplete (fail-closed) verdict instead of running on.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Candidates examined between two reads of the clock: reading it costs
/// ~25 ns, a candidate a few hundred.
const TICKS_PER_CHECK: u32 = 256;

/// Why a scan stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The wall-clock budget (`[dlp.limits] max_time_ms`) was spent.
    Deadline,
    /// The caller no longer wants the result (session gone or timed out).
    Cancelled,
}

/// A deadline and/or a cancel flag, polled cheaply from the scan loops.
pub struct Stop<'a> {
    deadline: Option<Instant>,
    cancel: Option<&'a AtomicBool>,
    ticks: Cell<u32>,
    stopped: Cell<Option<Stopped>>,
}

impl<'a> Stop<'a> {
    /// Run to the end (tests, benchmarks, `Engine::scan`).
    pub fn never() -> Stop<'static> {
        Stop::new(None, None)
    }

    pub fn new(deadline: Option<Instant>, cancel: Option<&'a AtomicBool>) -> Stop<'a> {
        Stop {
            deadline,
            cancel,
            ticks: Cell::new(0),
            stopped: Cell::new(None),
        }
    }

    /// Check now: used between chunks of text and between segments.
    pub fn check(&self) -> bool {
        if self.stopped.get().is_some() {
            return true;
        }
        let why = if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            Some(Stopped::Cancelled)
        } else if self.deadline.is_some_and(|d| Instant::now() >= d) {
            Some(Stopped::Deadline)
        } else {
            None
        };
        self.stopped.set(why);
        why.is_some()
    }

    /// Check every [`TICKS_PER_CHECK`] calls: used once per candidate.
    pub fn tick(&self) -> bool {
        let t = self.ticks.get().wrapping_add(1);
        self.ticks.set(t);
        if t.is_multiple_of(TICKS_PER_CHECK) {
            self.check()
        } else {
            self.stopped.get().is_some()
        }
    }

    /// Why the scan stopped, if it did.
    pub fn stopped(&self) -> Option<Stopped> {
        self.stopped.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn never_stops() {
        let s = Stop::never();
        assert!(!(0..10_000).any(|_| s.tick()));
        assert_eq!(s.stopped(), None);
    }

    #[test]
    fn past_deadline_stops_within_one_check_period() {
        let s = Stop::new(Some(Instant::now() - Duration::from_millis(1)), None);
        assert!((0..TICKS_PER_CHECK).any(|_| s.tick()));
        assert_eq!(s.stopped(), Some(Stopped::Deadline));
    }

    #[test]
    fn cancel_flag_stops() {
        let flag = AtomicBool::new(false);
        let s = Stop::new(None, Some(&flag));
        assert!(!s.check());
        flag.store(true, Ordering::Relaxed);
        assert!(s.check());
        assert_eq!(s.stopped(), Some(Stopped::Cancelled));
    }
}
