//! `[metrics] listen`: what the gateway counts, read the way Prometheus
//! reads it (an HTTP GET on a real socket), against what the test did —
//! exact numbers, no PHI and no addresses in what is served — and
//! `/readyz` saying 503 while the gateway drains.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::portal::PortalWorld;
use common::*;

const T: Duration = Duration::from_secs(30);

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn scrape(port: u16) -> String {
    let (status, body) = http_get(port, "/metrics").expect("metrics listener answers");
    assert_eq!(status, 200, "{body}");
    body
}

/// Waits until `series` reads `want`, and fails with the last scrape.
fn wait_value(port: u16, series: &str, want: f64) {
    let end = std::time::Instant::now() + T;
    loop {
        let text = scrape(port);
        if metric_value(&text, series) == Some(want) {
            return;
        }
        if std::time::Instant::now() > end {
            panic!("{series} never reached {want}; last scrape:\n{text}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn config(sink: &Sink, metrics_port: u16) -> String {
    format!(
        "[dlp]\nrules_dir = \"{}\"\n[dlp.thresholds]\nsecure = 10\nreject = 30\n\n[metrics]\nlisten = \"127.0.0.1:{metrics_port}\"\n\n{}",
        repo("rules").display(),
        sink.route("sink.test")
    )
}

#[test]
fn scrape_counts_exactly_what_happened_and_names_no_one() {
    let sink = Sink::start(Behaviour::default());
    let port = free_port();
    let gw = Gateway::start("metrics", &config(&sink, port));
    // The PHI message the shipped rules score over the reject threshold,
    // and the rules that fire on it, as `rules test` reports them.
    let phi = crlf(&std::fs::read(repo("tests/corpus/pos_referral_plain.eml")).unwrap());
    let file = gw.dir.join("phi.eml");
    std::fs::write(&file, &phi).unwrap();
    let out = gw.cli(&["rules", "test", "--json", file.to_str().unwrap()]);
    let verdict: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or(""),
    )
    .expect("rules test --json");
    assert_eq!(verdict["action"], "reject", "{verdict}");
    let mut rules: Vec<(String, bool)> = verdict["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["rule"].as_str().unwrap().to_string(),
                h["monitor"] == true,
            )
        })
        .collect();
    rules.sort();
    rules.dedup();
    assert!(!rules.is_empty());

    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail("staff@tenant.test", &["doctor@sink.test"], &phi);
    assert!(r.starts_with("550 5.7.1"), "{r}");
    for i in 0..3 {
        let body = format!("Subject: lunch {i}\r\n\r\nNoon on Friday?\r\n");
        let r = c.transaction(
            "staff@tenant.test",
            &[&format!("friend{i}@sink.test")],
            body.as_bytes(),
        );
        assert!(r.starts_with("250"), "{r}");
    }
    assert!(c.cmd("QUIT").starts_with("221"));
    sink.wait_count(3, T);

    // Deliveries are counted right after the sink has the message.
    wait_value(
        port,
        "sealgate_deliveries_total{outcome=\"delivered\"}",
        3.0,
    );
    wait_value(port, "sealgate_queue_messages{state=\"queued\"}", 0.0);
    wait_value(port, "sealgate_smtp_sessions_open", 0.0);
    let text = scrape(port);
    let want: &[(&str, f64)] = &[
        ("sealgate_messages_received_total", 4.0),
        ("sealgate_messages_accepted_total", 3.0),
        ("sealgate_smtp_refusals_total{reason=\"dlp_reject\"}", 1.0),
        ("sealgate_dlp_verdicts_total{action=\"deliver\"}", 3.0),
        ("sealgate_dlp_verdicts_total{action=\"reject\"}", 1.0),
        ("sealgate_dlp_scan_duration_seconds_count", 4.0),
        (
            "sealgate_delivery_recipients_total{outcome=\"delivered\"}",
            3.0,
        ),
        ("sealgate_routes_total{route=\"tls\",reason=\"may\"}", 3.0),
        (
            "sealgate_delivery_tls_total{version=\"none\",verified=\"none\"}",
            3.0,
        ),
        ("sealgate_delivery_duration_seconds_count", 3.0),
        ("sealgate_queue_messages{state=\"deferred\"}", 0.0),
        ("sealgate_queue_messages{state=\"held\"}", 0.0),
    ];
    for (series, n) in want {
        assert_eq!(metric_value(&text, series), Some(*n), "{series} in\n{text}");
    }
    for (rule, monitor) in &rules {
        let mode = if *monitor { "monitor" } else { "enforce" };
        let series = format!("sealgate_dlp_rule_hits_total{{rule=\"{rule}\",mode=\"{mode}\"}}");
        assert_eq!(
            metric_value(&text, &series),
            Some(1.0),
            "{series} in\n{text}"
        );
    }
    let rule_series = text
        .lines()
        .filter(|l| l.starts_with("sealgate_dlp_rule_hits_total{"))
        .count();
    assert_eq!(rule_series, rules.len(), "{text}");
    for none in [
        "outcome=\"deferred\"",
        "outcome=\"failed\"",
        "route=\"portal\"",
    ] {
        assert!(!text.contains(none), "{none} in\n{text}");
    }
    // The harness's banner probe opened a session too.
    let sessions = metric_value(&text, "sealgate_smtp_sessions_total").unwrap();
    assert!(sessions >= 2.0, "{text}");
    // Counts only: no address, domain, name or number from any message.
    for secret in [
        "sink.test",
        "tenant.test",
        "riverbend",
        "Nguyen",
        "MR623811104",
        "lunch",
    ] {
        assert!(!text.contains(secret), "{secret} in\n{text}");
    }
    // The audit log counts the same deliveries.
    let delivered = gw
        .audit()
        .iter()
        .filter(|e| e["event"] == "delivered")
        .count();
    assert_eq!(delivered, 3);

    assert_eq!(http_get(port, "/readyz").map(|r| r.0), Some(200));
    assert_eq!(http_get(port, "/healthz").map(|r| r.0), Some(200));
    assert_eq!(http_get(port, "/nothing").map(|r| r.0), Some(404));
}

/// While a drain waits for a session in the middle of DATA, the process
/// still answers `/healthz` but `/readyz` says 503, so a load balancer
/// sends new mail elsewhere.
#[test]
fn readyz_is_503_while_draining() {
    let sink = Sink::start(Behaviour::default());
    let port = free_port();
    let mut gw = Gateway::start("metrics-drain", &config(&sink, port));
    wait_for("readyz 200", T, || {
        (http_get(port, "/readyz")?.0 == 200).then_some(())
    });
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(c.cmd("EHLO client.test").starts_with("250"));
    assert!(c.cmd("MAIL FROM:<a@tenant.test>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<b@sink.test>").starts_with("250"));
    assert!(c.cmd("DATA").starts_with("354"));
    c.send(b"Subject: half\r\n\r\nthe first half");
    gw.signal(libc::SIGTERM);
    wait_for("readyz 503 during the drain", T, || {
        (http_get(port, "/readyz")?.0 == 503).then_some(())
    });
    assert_eq!(http_get(port, "/healthz").map(|r| r.0), Some(200));
    // The session in flight still finishes.
    c.send(b" and the rest\r\n.\r\n");
    let r = c.reply();
    assert!(r.starts_with("250"), "{r}");
    let took = gw.sigterm();
    assert!(took < T, "{took:?}");
    assert!(
        http_get(port, "/readyz").is_none(),
        "still serving after exit"
    );
}

/// A PHI message to a domain whose server verifies and to one that speaks
/// only plaintext: the first is a TLS delivery verified by PKIX, the
/// second a portal hand-off for the TLS failure, then a notification
/// delivered at the default level — each counted as the audit log records
/// it, and the portal's own events by name.
#[test]
fn tls_deliveries_and_portal_hand_offs_are_counted_by_route_and_event() {
    let port = free_port();
    let w = PortalWorld::start_with(
        "metrics-portal",
        true,
        &format!("\n[metrics]\nlisten = \"127.0.0.1:{port}\"\n"),
    );
    let phi = crlf(
        b"From: Dr. Ada Kim <dr.kim@riverbend.test>\n\
To: pat@valid.test, pat@plain.test\n\
Subject: Results for Zebulon Quartermaine\n\
\n\
Patient: Zebulon Quartermaine\n\
DOB: 03/14/1961\n\
MRN: MR623811104\n\
SSN: 219-09-9999\n",
    );
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    let r = c.send_mail(
        "dr.kim@riverbend.test",
        &["pat@valid.test", "pat@plain.test"],
        &phi,
    );
    assert!(r.starts_with("250"), "{r}");
    w.valid.wait_count(1, T);
    w.plain.wait_count(1, T);
    wait_value(
        port,
        "sealgate_deliveries_total{outcome=\"delivered\"}",
        2.0,
    );
    wait_value(
        port,
        "sealgate_portal_events_total{event=\"portal_notified\"}",
        1.0,
    );
    let text = scrape(port);
    let want: &[(&str, f64)] = &[
        ("sealgate_dlp_verdicts_total{action=\"secure\"}", 1.0),
        ("sealgate_deliveries_total{outcome=\"portal\"}", 1.0),
        (
            "sealgate_routes_total{route=\"tls\",reason=\"verify\"}",
            1.0,
        ),
        (
            "sealgate_routes_total{route=\"portal\",reason=\"tls-failed\"}",
            1.0,
        ),
        // The notification, which carries nothing of the message.
        ("sealgate_routes_total{route=\"tls\",reason=\"may\"}", 1.0),
        (
            "sealgate_delivery_tls_total{version=\"TLSv1.3\",verified=\"pkix\"}",
            1.0,
        ),
        (
            "sealgate_delivery_tls_total{version=\"none\",verified=\"none\"}",
            1.0,
        ),
        ("sealgate_portal_events_total{event=\"portal_stored\"}", 1.0),
        (
            "sealgate_delivery_recipients_total{outcome=\"portal\"}",
            1.0,
        ),
    ];
    for (series, n) in want {
        assert_eq!(metric_value(&text, series), Some(*n), "{series} in\n{text}");
    }
    for secret in [
        "valid.test",
        "plain.test",
        "riverbend",
        "Zebulon",
        "MR623811104",
    ] {
        assert!(!text.contains(secret), "{secret} in\n{text}");
    }
}
