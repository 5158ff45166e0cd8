//! What the gateway counts for Prometheus: one registry, and a typed method
//! for each thing that happens (`metrics.delivery("delivered")`), so the
//! code that counts never touches the registry or builds a metric name.
//!
//! One [`Metrics`] is made at start and shared (`Arc`) with the stages that
//! count: SMTP sessions, the DLP step of `smtp::receive`, the scheduler and
//! the portal. No global: tests and the CLI make their own, nobody scrapes
//! those, and two gateways in one process would not mix their numbers.
//!
//! Labels carry no PHI and no addresses. Every label value but one is a
//! `&'static str`, so it can only be a word written in this program (a
//! reason, an action, an outcome), never text from a message or a
//! client; the exception is the DLP rule id, which the security team
//! writes in `rules/*.toml` and which is bounded by the rule files.
//! Domains are not labels: there are as many as there are recipients'
//! domains (cardinality), and which domains a clinic writes to is itself
//! sensitive. Per-domain facts stay in the audit log (`sealgate tls report`).

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicI64, AtomicU64};
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::{Registry, Unit};

type Count = Counter<u64, AtomicU64>;
type Level = Gauge<i64, AtomicI64>;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabel {
    reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ActionLabel {
    action: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RuleLabels {
    rule: String,
    /// `enforce` or `monitor` (a monitor hit changes no verdict).
    mode: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
    reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct TlsLabels {
    version: &'static str,
    verified: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EventLabel {
    event: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CertLabel {
    /// `smtp` or `portal`.
    cert: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabel {
    state: &'static str,
}

/// How many messages the queue holds, by state; the scheduler counts its
/// own table (see `queue::scheduler`), so reading it costs no disk access.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCensus {
    /// Waiting for (or in) their first delivery attempt.
    pub queued: u64,
    /// Tried at least once, with recipients or a DSN still to go.
    pub deferred: u64,
    /// Held by an operator (`sealgate queue hold`).
    pub held: u64,
    /// Only portal hand-offs left while `[portal]` is off.
    pub portal: u64,
    /// Queue files that could not be read and are read again later.
    pub unreadable: u64,
}

/// The registry and a handle on each metric in it.
pub struct Metrics {
    registry: Registry,
    received: Count,
    accepted: Count,
    refusals: Family<ReasonLabel, Count>,
    sessions: Count,
    sessions_open: Level,
    connections_refused: Family<ReasonLabel, Count>,
    verdicts: Family<ActionLabel, Count>,
    rule_hits: Family<RuleLabels, Count>,
    scan_seconds: Histogram,
    deliveries: Family<OutcomeLabel, Count>,
    recipients: Family<OutcomeLabel, Count>,
    routes: Family<RouteLabels, Count>,
    delivery_tls: Family<TlsLabels, Count>,
    delivery_seconds: Histogram,
    portal_events: Family<EventLabel, Count>,
    queue: Family<StateLabel, Level>,
    cert_expiry: Family<CertLabel, Level>,
    cert_days_left: Family<CertLabel, Level>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut r = Registry::with_prefix("sealgate");
        let m = Metrics {
            registry: Registry::default(),
            received: Count::default(),
            accepted: Count::default(),
            refusals: Family::default(),
            sessions: Count::default(),
            sessions_open: Level::default(),
            connections_refused: Family::default(),
            verdicts: Family::default(),
            rule_hits: Family::default(),
            // A text message scans in milliseconds, a large attachment in
            // seconds; `[dlp.limits] max_time_ms` caps it.
            scan_seconds: Histogram::new(SCAN_BUCKETS),
            deliveries: Family::default(),
            recipients: Family::default(),
            routes: Family::default(),
            delivery_tls: Family::default(),
            // From a reused connection to slow MX hosts tried one after
            // another.
            delivery_seconds: Histogram::new(DELIVERY_BUCKETS),
            portal_events: Family::default(),
            queue: Family::default(),
            cert_expiry: Family::default(),
            cert_days_left: Family::default(),
        };
        r.register(
            "build",
            "The running version",
            Info::new(vec![("version", env!("CARGO_PKG_VERSION"))]),
        );
        r.register(
            "messages_received",
            "Messages whose content arrived to the end of DATA or BDAT LAST, whatever the answer",
            m.received.clone(),
        );
        r.register(
            "messages_accepted",
            "Messages answered 250: audited, fsynced in the spool, queued",
            m.accepted.clone(),
        );
        r.register(
            "smtp_refusals",
            "Transactions refused at MAIL, RCPT or the end of the content, by reason",
            m.refusals.clone(),
        );
        r.register(
            "smtp_sessions",
            "SMTP sessions admitted by the connection limits",
            m.sessions.clone(),
        );
        r.register(
            "smtp_sessions_open",
            "SMTP sessions open now",
            m.sessions_open.clone(),
        );
        r.register(
            "smtp_connections_refused",
            "Connections refused with 421 by the connection limits (capacity, per_client)",
            m.connections_refused.clone(),
        );
        r.register(
            "dlp_verdicts",
            "Scanned messages by the verdict's action",
            m.verdicts.clone(),
        );
        r.register(
            "dlp_rule_hits",
            "Scanned messages each rule fired on, by rule id and mode",
            m.rule_hits.clone(),
        );
        r.register_with_unit(
            "dlp_scan_duration",
            "Time the DLP scan of one message took (not the wait for a scan slot)",
            Unit::Seconds,
            m.scan_seconds.clone(),
        );
        r.register(
            "deliveries",
            "Delivery attempts per recipient domain by outcome, as the audit log's delivered/deferred/failed/portal events",
            m.deliveries.clone(),
        );
        r.register(
            "delivery_recipients",
            "Recipients by the outcome of their delivery attempt",
            m.recipients.clone(),
        );
        r.register(
            "routes",
            "Routes decided per recipient domain and attempt: tls with the level required, or portal with its reason",
            m.routes.clone(),
        );
        r.register(
            "delivery_tls",
            "Delivery attempts that delivered, by TLS version (none: plaintext) and how the server was verified",
            m.delivery_tls.clone(),
        );
        r.register_with_unit(
            "delivery_duration",
            "Time one delivery attempt to one recipient domain took (DNS, connections, SMTP)",
            Unit::Seconds,
            m.delivery_seconds.clone(),
        );
        r.register(
            "portal_events",
            "Portal events by name, as the audit log records them",
            m.portal_events.clone(),
        );
        r.register(
            "queue_messages",
            "Messages in the queue by state (queued, deferred, held, portal, unreadable)",
            m.queue.clone(),
        );
        r.register_with_unit(
            "certificate_expiry",
            "Unix time at which the certificate in use expires (its notAfter), by certificate (smtp, portal)",
            Unit::Seconds,
            m.cert_expiry.clone(),
        );
        r.register(
            "certificate_days_left",
            "Whole days until the certificate in use expires (negative once expired), by certificate",
            m.cert_days_left.clone(),
        );
        // Every state has a value from the first scrape on, so a dashboard
        // never mistakes "no series" for a broken exporter.
        for state in QUEUE_STATES {
            m.queue.get_or_create(&StateLabel { state }).set(0);
        }
        Metrics { registry: r, ..m }
    }

    /// The text a scrape gets: OpenMetrics when asked for it, else the
    /// Prometheus text format 0.0.4, which every scraper reads.
    pub fn encode(&self, openmetrics: bool) -> Result<String, std::fmt::Error> {
        let mut out = String::new();
        if openmetrics {
            prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        } else {
            prometheus_client::encoding::prometheus_text::encode(&mut out, &self.registry)?;
        }
        Ok(out)
    }

    // ---------------------------------------------------------------- SMTP

    /// A session was admitted; the returned guard counts it as open until
    /// it is dropped.
    pub fn session_opened(self: &std::sync::Arc<Self>) -> OpenSession {
        self.sessions.inc();
        self.sessions_open.inc();
        OpenSession(self.clone())
    }

    /// A connection the limits turned away (`capacity`, `per_client`).
    pub fn connection_refused(&self, reason: &'static str) {
        self.connections_refused
            .get_or_create(&ReasonLabel { reason })
            .inc();
    }

    /// A message's content arrived to its end.
    pub fn message_received(&self) {
        self.received.inc();
    }

    /// A message was answered 250.
    pub fn message_accepted(&self) {
        self.accepted.inc();
    }

    /// A transaction refused, with the same reason word as the audit
    /// log's `refused` record where there is one.
    pub fn refused(&self, reason: &'static str) {
        self.refusals.get_or_create(&ReasonLabel { reason }).inc();
    }

    // ---------------------------------------------------------------- DLP

    /// One message's verdict: its action, and each rule that fired on it
    /// once (a rule hit by several detectors or parts is one message).
    pub fn verdict<'a>(
        &self,
        action: &'static str,
        rules: impl IntoIterator<Item = (&'a str, bool)>,
    ) {
        self.verdicts.get_or_create(&ActionLabel { action }).inc();
        let fired: BTreeSet<(&str, bool)> = rules.into_iter().collect();
        for (rule, monitor) in fired {
            let mode = if monitor { "monitor" } else { "enforce" };
            self.rule_hits
                .get_or_create(&RuleLabels {
                    rule: rule.to_string(),
                    mode,
                })
                .inc();
        }
    }

    pub fn scan_time(&self, took: Duration) {
        self.scan_seconds.observe(took.as_secs_f64());
    }

    // ---------------------------------------------------------------- delivery

    /// One recipient domain's attempt ended as the audit event `outcome`
    /// (`delivered`, `deferred`, `failed`, `portal`).
    pub fn delivery(&self, outcome: &'static str) {
        self.deliveries
            .get_or_create(&OutcomeLabel { outcome })
            .inc();
    }

    /// `n` recipients of an attempt ended as `outcome`.
    pub fn recipients(&self, outcome: &'static str, n: usize) {
        if n > 0 {
            self.recipients
                .get_or_create(&OutcomeLabel { outcome })
                .inc_by(n as u64);
        }
    }

    /// The route one domain's recipients took: `tls` with the level they
    /// were held to, or `portal` with the portal's reason.
    pub fn route(&self, route: &'static str, reason: &'static str) {
        self.routes
            .get_or_create(&RouteLabels { route, reason })
            .inc();
    }

    /// What a delivery went over: the TLS version (`none` for plaintext)
    /// and how the server was verified.
    pub fn delivered_over(&self, version: &'static str, verified: &'static str) {
        self.delivery_tls
            .get_or_create(&TlsLabels { version, verified })
            .inc();
    }

    pub fn delivery_time(&self, took: Duration) {
        self.delivery_seconds.observe(took.as_secs_f64());
    }

    // ---------------------------------------------------------------- portal and queue

    /// A portal event, named as in the audit log (`portal_opened`, ...).
    pub fn portal_event(&self, event: &'static str) {
        self.portal_events
            .get_or_create(&EventLabel { event })
            .inc();
    }

    /// The certificate `cert` serves now expires at `not_after` (Unix
    /// seconds), `days_left` whole days from now.
    pub fn certificate(&self, cert: &'static str, not_after: i64, days_left: i64) {
        self.cert_expiry
            .get_or_create(&CertLabel { cert })
            .set(not_after);
        self.cert_days_left
            .get_or_create(&CertLabel { cert })
            .set(days_left);
    }

    pub fn queue(&self, c: QueueCensus) {
        let values = [c.queued, c.deferred, c.held, c.portal, c.unreadable];
        for (state, n) in QUEUE_STATES.into_iter().zip(values) {
            self.queue
                .get_or_create(&StateLabel { state })
                .set(i64::try_from(n).unwrap_or(i64::MAX));
        }
    }
}

/// Bucket bounds in seconds, in the 1-2.5-5 steps dashboards read easily.
const SCAN_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
const DELIVERY_BUCKETS: [f64; 14] = [
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0,
];

const QUEUE_STATES: [&str; 5] = ["queued", "deferred", "held", "portal", "unreadable"];

/// An open SMTP session, for `sealgate_smtp_sessions_open`.
pub struct OpenSession(std::sync::Arc<Metrics>);

impl Drop for OpenSession {
    fn drop(&mut self) {
        self.0.sessions_open.dec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of the series `name` (with its labels, as printed).
    fn value(text: &str, series: &str) -> Option<f64> {
        text.lines()
            .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
    }

    #[test]
    fn counts_appear_under_their_names_with_fixed_labels() {
        let m = std::sync::Arc::new(Metrics::new());
        m.message_received();
        m.message_received();
        m.message_accepted();
        m.refused("dlp_reject");
        m.verdict(
            "secure",
            [
                ("hipaa.ssn", false),
                ("hipaa.ssn", false),
                ("trial.x", true),
            ],
        );
        m.delivery("delivered");
        m.recipients("delivered", 3);
        m.recipients("failed", 0);
        m.route("portal", "rule");
        m.delivered_over("TLSv1.3", "pkix");
        m.portal_event("portal_opened");
        m.scan_time(Duration::from_millis(3));
        m.queue(QueueCensus {
            held: 2,
            ..Default::default()
        });
        m.certificate("portal", 1_800_000_000, 13);
        let open = m.session_opened();
        let text = m.encode(false).unwrap();
        for (series, want) in [
            ("sealgate_messages_received_total", 2.0),
            ("sealgate_messages_accepted_total", 1.0),
            ("sealgate_smtp_refusals_total{reason=\"dlp_reject\"}", 1.0),
            ("sealgate_dlp_verdicts_total{action=\"secure\"}", 1.0),
            (
                "sealgate_dlp_rule_hits_total{rule=\"hipaa.ssn\",mode=\"enforce\"}",
                1.0,
            ),
            (
                "sealgate_dlp_rule_hits_total{rule=\"trial.x\",mode=\"monitor\"}",
                1.0,
            ),
            ("sealgate_deliveries_total{outcome=\"delivered\"}", 1.0),
            (
                "sealgate_delivery_recipients_total{outcome=\"delivered\"}",
                3.0,
            ),
            (
                "sealgate_routes_total{route=\"portal\",reason=\"rule\"}",
                1.0,
            ),
            (
                "sealgate_delivery_tls_total{version=\"TLSv1.3\",verified=\"pkix\"}",
                1.0,
            ),
            ("sealgate_portal_events_total{event=\"portal_opened\"}", 1.0),
            ("sealgate_queue_messages{state=\"held\"}", 2.0),
            ("sealgate_queue_messages{state=\"queued\"}", 0.0),
            ("sealgate_smtp_sessions_total", 1.0),
            (
                "sealgate_certificate_expiry_seconds{cert=\"portal\"}",
                1_800_000_000.0,
            ),
            ("sealgate_certificate_days_left{cert=\"portal\"}", 13.0),
            ("sealgate_smtp_sessions_open", 1.0),
            ("sealgate_dlp_scan_duration_seconds_count", 1.0),
            (
                "sealgate_dlp_scan_duration_seconds_bucket{le=\"0.0025\"}",
                0.0,
            ),
            (
                "sealgate_dlp_scan_duration_seconds_bucket{le=\"0.005\"}",
                1.0,
            ),
        ] {
            assert_eq!(value(&text, series), Some(want), "{series} in\n{text}");
        }
        assert!(
            !text.contains("outcome=\"failed\""),
            "a zero count made a series"
        );
        drop(open);
        let text = m.encode(false).unwrap();
        assert_eq!(value(&text, "sealgate_smtp_sessions_open"), Some(0.0));
        assert!(text.contains("sealgate_build_info{version="), "{text}");
    }

    #[test]
    fn openmetrics_when_asked_for() {
        let m = Metrics::new();
        m.message_received();
        let text = m.encode(true).unwrap();
        assert!(text.ends_with("# EOF\n"), "{text}");
        assert!(
            text.contains("sealgate_messages_received_total 1\n"),
            "{text}"
        );
    }
}
