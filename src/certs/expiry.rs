//! Expiry of the certificates in use, told before peers start refusing
//! them: a log line per certificate at start, after each reload and every
//! 12 hours (a warning within 14 days, an error once expired), and two
//! gauges an alert can watch. Only file names, host names and dates are
//! logged; never key material.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls_pki_types::CertificateDer;
use tracing::{error, info, warn};

use super::inspect::{WARN_DAYS, days_left, time_text};
use crate::ops::metrics::Metrics;
use crate::proto::x509::Certificate;

/// How often the certificates in use are looked at again without a reload.
pub const EVERY: Duration = Duration::from_secs(12 * 3600);

/// The leaf each listener serves now, by role (`smtp`, `portal`).
pub struct Watch {
    metrics: Arc<Metrics>,
    served: Mutex<BTreeMap<&'static str, (PathBuf, CertificateDer<'static>)>>,
}

impl Watch {
    pub fn new(metrics: Arc<Metrics>) -> Watch {
        Watch {
            metrics,
            served: Mutex::new(BTreeMap::new()),
        }
    }

    /// Records the certificate `role`'s listener now serves, read from `file`.
    pub fn serving(&self, role: &'static str, file: &Path, leaf: &CertificateDer<'_>) {
        self.served
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(role, (file.to_path_buf(), leaf.clone().into_owned()));
    }

    /// Logs each certificate's expiry and sets the gauges, as of `now`.
    pub fn check(&self, now: i64) {
        let served = self
            .served
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for (role, (file, der)) in served {
            let file = file.display().to_string();
            let leaf = match Certificate::parse(&der) {
                Ok(c) => c,
                Err(e) => {
                    warn!(cert = role, file = %file, error = %e, "cannot read the expiry of the certificate in use");
                    continue;
                }
            };
            let left = days_left(leaf.not_after, now);
            self.metrics.certificate(role, leaf.not_after, left);
            let names = leaf.names().join(", ");
            let not_after = time_text(leaf.not_after);
            if now >= leaf.not_after {
                error!(cert = role, file = %file, names = %names, not_after = %not_after, days_left = left,
                    "the {role} certificate has EXPIRED: peers refuse it; install a renewed one and send SIGHUP (see certs/README.md)");
            } else if left < WARN_DAYS {
                warn!(cert = role, file = %file, names = %names, not_after = %not_after, days_left = left,
                    "the {role} certificate expires in {left} day(s); renew it and send SIGHUP (see certs/README.md)");
            } else {
                info!(cert = role, file = %file, names = %names, not_after = %not_after, days_left = left,
                    "{role} certificate in use");
            }
        }
    }
}

/// Looks again every [`EVERY`]; the first look is the caller's, at start.
pub async fn periodic(watch: Arc<Watch>) {
    loop {
        tokio::time::sleep(EVERY).await;
        watch.check(now());
    }
}

pub fn now() -> i64 {
    i64::try_from(crate::time::unix_now()).unwrap_or(i64::MAX)
}
