//! Liveness and readiness, as `/healthz` and `/readyz` report them.
//!
//! Live is simply "the process answers HTTP": a wedged runtime answers
//! nothing, which is what a liveness probe (or systemd's watchdog, see
//! `notify`) needs to see. Ready is narrower: the SMTP listeners are bound
//! and the queue has been recovered, so new mail is accepted and old mail
//! is being delivered. It is false while starting and again from the
//! moment a drain begins, so a load balancer in front of several nodes
//! stops sending new connections to one that is going away.

use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Default)]
pub struct Health {
    ready: AtomicBool,
}

impl Health {
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// The listeners serve and the queue is recovered.
    pub fn set_ready(&self) {
        self.ready.store(true, Ordering::Release);
    }

    /// Shutdown has begun: no new work should be sent here.
    pub fn set_draining(&self) {
        self.ready.store(false, Ordering::Release);
    }
}
