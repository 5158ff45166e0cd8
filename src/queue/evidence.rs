//! The record of where each domain's recipients went and why: the audit
//! event for every delivery attempt and portal hand-off, with the TLS
//! evidence (how the peer was verified, its certificate's hash, MTA-STS and
//! DANE, RFC 8460-style failure types), the same attempt counted for
//! `/metrics` (`count`, which classifies it exactly as the audit event
//! does), and the words a hand-off is given.

use tracing::debug;

use crate::audit::{AuditLog, Event};
use crate::ops::metrics::Metrics;
use crate::outbound::Outcome;
use crate::policy;
use crate::spool::Envelope;

/// The log and audit words for a route decided before any connection.
pub(super) fn portal_words(reason: policy::PortalReason) -> String {
    use policy::PortalReason::*;
    match reason {
        Rule => "handed to the portal: a DLP rule's action is portal".into(),
        Admin => "handed to the portal: the admin routes this domain's secure mail there".into(),
        Capability => {
            "handed to the portal: the domain's servers recently failed the TLS level this message needs".into()
        }
        RequireTls => {
            "handed to the portal: REQUIRETLS, and the domain's servers recently did not offer it".into()
        }
        Connect => "handed to the portal: the server failed the TLS level".into(),
    }
}

/// An attempt's recipients by outcome, and the event that names it.
struct Tally {
    delivered: usize,
    deferred: usize,
    failed: usize,
    portal: usize,
}

impl Tally {
    fn of(report: &crate::outbound::Report) -> Tally {
        let count = |f: fn(&Outcome) -> bool| report.outcomes.iter().filter(|o| f(o)).count();
        Tally {
            delivered: count(|o| matches!(o, Outcome::Delivered { .. })),
            deferred: count(|o| matches!(o, Outcome::Deferred { .. })),
            failed: count(|o| matches!(o, Outcome::Failed { .. })),
            portal: count(|o| matches!(o, Outcome::Portal { .. })),
        }
    }

    /// The audit event: all delivered, else any portal, else any failed,
    /// else deferred.
    fn event(&self) -> &'static str {
        if self.deferred + self.failed + self.portal == 0 {
            "delivered"
        } else if self.portal > 0 {
            "portal"
        } else if self.failed > 0 {
            "failed"
        } else {
            "deferred"
        }
    }
}

/// The TLS version as a metric label: one of the versions sealgate
/// negotiates, never a free string.
fn version_label(version: &str) -> &'static str {
    match version {
        "TLSv1.3" => "TLSv1.3",
        "TLSv1.2" => "TLSv1.2",
        _ => "other",
    }
}

/// The attempt `audit_report` records, counted for `/metrics`: its event,
/// its recipients by outcome, the route (`tls` with the level, or `portal`
/// with `portal_reason`), and for a delivery what it went over.
pub(super) fn count(
    metrics: &Metrics,
    level: Option<crate::config::TlsLevel>,
    portal_reason: &'static str,
    report: &crate::outbound::Report,
) {
    let t = Tally::of(report);
    metrics.delivery(t.event());
    for (outcome, n) in [
        ("delivered", t.delivered),
        ("deferred", t.deferred),
        ("failed", t.failed),
        ("portal", t.portal),
    ] {
        metrics.recipients(outcome, n);
    }
    match (t.portal > 0, level) {
        (true, _) | (false, None) => metrics.route("portal", portal_reason),
        (false, Some(level)) => metrics.route("tls", level.as_str()),
    }
    if t.delivered > 0 {
        match &report.tls {
            Some(tls) => metrics.delivered_over(
                version_label(&tls.negotiated.version),
                tls.verified.as_str(),
            ),
            None => metrics.delivered_over("none", "none"),
        }
    }
}

/// One audit event per domain per attempt: where the recipients went and the
/// evidence for it (RFC 8460-style failure types, how the peer was verified,
/// the certificate's hash). Remote replies are left out: they can quote
/// addresses, which the audit log carries only when the config allows.
pub(super) fn audit_report(
    audit: &AuditLog,
    env: &Envelope,
    domain: &str,
    level: Option<crate::config::TlsLevel>,
    portal_reason: &str,
    report: &crate::outbound::Report,
) {
    let tally = Tally::of(report);
    let event = tally.event();
    let Tally {
        delivered,
        deferred,
        failed,
        portal,
    } = tally;
    let tls = report.tls.as_ref();
    let verified = tls.map_or("none", |t| t.verified.as_str());
    let reason = match report
        .outcomes
        .iter()
        .find(|o| !matches!(o, Outcome::Delivered { .. }))
    {
        Some(Outcome::Portal { reason, .. }) => reason.clone(),
        Some(Outcome::Deferred { status, error }) if status.starts_with("4.7") => error.clone(),
        Some(Outcome::Deferred { status, .. }) => format!("deferred ({status})"),
        Some(Outcome::Failed { status, .. }) => format!("failed ({status})"),
        _ => match level {
            Some(l) => format!("TLS level {l} met ({verified})"),
            None => String::new(),
        },
    };
    let route = if portal > 0 { "portal" } else { "tls" };
    let recipients = listed(
        audit,
        env.recipients
            .iter()
            .filter(|r| super::scheduler::routing_domain(&r.address.domain) == domain),
    );
    let fields = crate::audit::events::Delivery {
        recipient_domain: domain,
        route,
        reason: &reason,
        tls_level: level.map(|l| l.to_string()),
        mx_host: report.relay.as_deref(),
        tls: tls.map(|t| t.negotiated.to_string()),
        tls_version: tls.map(|t| t.negotiated.version.as_str()),
        tls_cipher: tls.map(|t| t.negotiated.cipher.as_str()),
        tls_verified: verified,
        peer_cert_sha256: tls.and_then(|t| t.cert_sha256.as_deref()),
        mta_sts: report.policy.mta_sts,
        dane: report.policy.dane,
        tls_failures: &report.tls_failures,
        delivered,
        deferred,
        failed,
        portal,
        portal_reason: (portal > 0).then_some(portal_reason),
        recipients,
    };
    audit.record(Event::typed(event, Some(&env.id), &fields).sha256(&env.message_sha256));
    debug!(
        domain,
        relay = report.relay.as_deref().unwrap_or("none"),
        delivered,
        deferred,
        failed,
        "{event}"
    );
}

/// Recipients given up on because the message outlived
/// `max_queue_lifetime`: no attempt decided it, so no attempt's event
/// records it. The audit log must still show why they failed, and
/// `/metrics` counts them as failed recipients.
pub(super) fn expired(
    audit: &AuditLog,
    metrics: &Metrics,
    env: &Envelope,
    rcpts: &[usize],
    age: std::time::Duration,
) {
    metrics.recipients("failed", rcpts.len());
    let mut domains: Vec<String> = rcpts
        .iter()
        .map(|&i| super::scheduler::routing_domain(&env.recipients[i].address.domain))
        .collect();
    domains.sort_unstable();
    domains.dedup();
    let mut fields = serde_json::json!({
        "status": "4.4.7",
        "reason": "max_queue_lifetime",
        "age_secs": age.as_secs(),
        "failed": rcpts.len(),
        "recipient_domains": domains,
    });
    if let Some(listed) = listed(audit, rcpts.iter().map(|&i| &env.recipients[i])) {
        fields["recipients"] = listed.into();
    }
    audit.record(Event::new("expired", Some(&env.id), fields).sha256(&env.message_sha256));
}

/// The recipients as the audit log may name them (`[audit] recipients`):
/// None when it names domains only.
fn listed<'r>(
    audit: &AuditLog,
    rcpts: impl Iterator<Item = &'r crate::proto::params::Recipient>,
) -> Option<Vec<String>> {
    (audit.recipients_mode() != crate::audit::Recipients::Domain).then(|| {
        rcpts
            .map(|r| audit.recipient(&r.address.to_string()))
            .collect()
    })
}
