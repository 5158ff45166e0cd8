//! The delivery queue: when each spooled message is tried, per recipient
//! domain, with retries, expiry and DSNs (`scheduler`), and the operator's
//! `sealgate queue` commands (`control`). The files themselves belong to
//! `spool`; this module decides what happens to them.

pub mod control;
mod evidence;
pub mod logline;
pub mod scheduler;

use std::sync::Arc;

use crate::config::{Config, Delivery, LogRecipients};
use crate::dkim::Signer;
use crate::outbound::Outbound;

/// What the scheduler reads from the configuration; replaced on SIGHUP.
#[derive(Clone)]
pub struct Settings {
    /// EHLO name and the Reporting-MTA of DSNs.
    pub hostname: String,
    pub delivery: Delivery,
    /// How delivery log lines name recipients (`log.recipients`).
    pub recipients_in_logs: LogRecipients,
    pub dkim: Signer,
    /// DNS, TLS trust anchors and connection pools, built from `[delivery]`:
    /// part of the settings so that a SIGHUP's new `ca_file` or nameservers
    /// reach the next delivery.
    pub outbound: Arc<Outbound>,
}

impl Settings {
    /// `dkim` holds the keys loaded from `[[dkim.key]]` ([`Signer::new`]).
    pub fn from_config(config: &Config, outbound: Arc<Outbound>, dkim: Signer) -> Settings {
        Settings {
            hostname: config.server.hostname.clone(),
            delivery: config.delivery.clone(),
            recipients_in_logs: config.log.recipients,
            dkim,
            outbound,
        }
    }
}
