//! The record of where each domain's recipients went and why: the audit
//! event for every delivery attempt and portal hand-off, with the TLS
//! evidence (how the peer was verified, its certificate's hash, MTA-STS and
//! DANE, RFC 8460-style failure types), and the words a hand-off is given.

use serde_json::json;
use tracing::debug;

use crate::audit::{AuditLog, Event};
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
    let count = |f: fn(&Outcome) -> bool| report.outcomes.iter().filter(|o| f(o)).count();
    let delivered = count(|o| matches!(o, Outcome::Delivered { .. }));
    let deferred = count(|o| matches!(o, Outcome::Deferred { .. }));
    let failed = count(|o| matches!(o, Outcome::Failed { .. }));
    let portal = count(|o| matches!(o, Outcome::Portal { .. }));
    let event = if delivered == report.outcomes.len() {
        "delivered"
    } else if portal > 0 {
        "portal"
    } else if failed > 0 {
        "failed"
    } else {
        "deferred"
    };
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
    let mut fields = json!({
        "recipient_domain": domain,
        "route": route,
        "reason": reason,
        "tls_level": level.map(|l| l.to_string()),
        "mx_host": report.relay,
        "tls": tls.map(|t| t.negotiated.to_string()),
        "tls_version": tls.map(|t| t.negotiated.version.as_str()),
        "tls_cipher": tls.map(|t| t.negotiated.cipher.as_str()),
        "tls_verified": verified,
        "peer_cert_sha256": tls.and_then(|t| t.cert_sha256.as_deref()),
        "mta_sts": report.policy.mta_sts,
        "dane": report.policy.dane,
        "tls_failures": report.tls_failures,
        "delivered": delivered,
        "deferred": deferred,
        "failed": failed,
        "portal": portal,
    });
    if portal > 0 {
        fields["portal_reason"] = json!(portal_reason);
    }
    if audit.recipients_mode() != crate::audit::Recipients::Domain {
        let rcpts: Vec<String> = env
            .recipients
            .iter()
            .filter(|r| super::scheduler::routing_domain(&r.address.domain) == domain)
            .map(|r| audit.recipient(&r.address.to_string()))
            .collect();
        fields["recipients"] = json!(rcpts);
    }
    audit.record(Event::new(event, Some(&env.id), fields).sha256(&env.message_sha256));
    debug!(
        domain,
        relay = report.relay.as_deref().unwrap_or("none"),
        delivered,
        deferred,
        failed,
        "{event}"
    );
}
