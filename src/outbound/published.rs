//! What a recipient domain publishes about its TLS — an MTA-STS policy
//! (RFC 8461) and TLSA records for its MX hosts (RFC 7672) — looked up
//! through the capability cache, so a busy domain costs no lookups while
//! its facts are fresh.

use tracing::debug;

use super::capability::StsFacts;
use super::dane::{self, TlsaLookup};
use super::{Outbound, mta_sts};

impl Outbound {
    /// The domain's MTA-STS policy, from the cache while its `_mta-sts`
    /// record was checked recently, else discovered (RFC 8461 §5).
    pub(super) async fn mta_sts(&self, domain: &str, now: u64) -> Option<mta_sts::Cached> {
        let (facts, fresh) = self.store.sts(domain, now);
        let cached = facts.and_then(|f| f.policy).filter(|c| c.expires_at > now);
        if fresh {
            return cached;
        }
        let found =
            mta_sts::discover(&self.dns, domain, &self.sts_fetch, cached.as_ref(), now).await;
        let (policy, evidence, checked_at) = match found {
            mta_sts::Discovery::Policy {
                cached, evidence, ..
            } => (Some(cached), evidence, now),
            mta_sts::Discovery::NoPolicy { evidence } => (None, evidence, now),
            // Look again in five minutes rather than a whole TTL.
            mta_sts::Discovery::Failed { evidence } => (
                cached,
                evidence,
                now.saturating_sub(self.store.ttl().as_secs())
                    .saturating_add(300),
            ),
        };
        debug!(domain, %evidence, "MTA-STS");
        self.store.set_sts(
            domain,
            StsFacts {
                checked_at,
                policy: policy.clone(),
                evidence,
            },
        );
        policy
    }

    /// A host's TLSA records, cached for the capability TTL; a failed lookup
    /// is never cached, so the next attempt asks again.
    pub(super) async fn tlsa(&self, domain: &str, host: &str, now: u64) -> TlsaLookup {
        if let Some(t) = self.store.tlsa(domain, host, now) {
            return t;
        }
        let t = dane::lookup(&self.dns, host, self.smtp_port, true).await;
        if !matches!(t, TlsaLookup::Failed(_)) {
            self.store.set_tlsa(domain, host, &t, now);
        }
        t
    }
}
