//! The verdict a message gets through the running gateway is the verdict
//! `sealgate rules test` gives the same file: security teams test rules
//! offline and can trust what they see.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// A spread of the labelled corpus: every carrier, positives and negatives.
fn sample() -> Vec<PathBuf> {
    let manifest = std::fs::read_to_string(repo("tests/corpus/manifest.tsv")).unwrap();
    let mut files: Vec<PathBuf> = manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(|f| repo("tests/corpus").join(f))
        .collect();
    files.sort();
    files.into_iter().step_by(9).collect()
}

fn key(hits: &serde_json::Value) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = hits
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| {
                    (
                        h["rule"].as_str().unwrap_or("").to_string(),
                        h["count"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn gateway_verdict_equals_rules_test_verdict() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "dlp-verdict",
        &format!(
            "[dlp]\nrules_dir = \"{}\"\n\n{}",
            repo("rules").display(),
            sink.route("sink.test")
        ),
    );
    let dir = temp_dir("dlp-verdict-files");
    let files = sample();
    assert!(
        files.len() >= 30,
        "corpus sample too small: {}",
        files.len()
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let mut expected = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let copy = dir.join(format!("{i:03}.eml"));
        std::fs::write(&copy, crlf(&std::fs::read(f).unwrap())).unwrap();
        // Same config file as the gateway, so the same rules and thresholds.
        let out = gw.cli(&["rules", "test", "--json", copy.to_str().unwrap()]);
        let line = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        let v: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("rules test output {line:?}: {e}"));
        let r = c.transaction(
            "staff@tenant.test",
            &["someone@sink.test"],
            &std::fs::read(&copy).unwrap(),
        );
        if v["action"] == "reject" {
            assert!(
                r.starts_with("550 5.7.1"),
                "{}: rejected offline but the gateway said {r}",
                f.display()
            );
        } else {
            assert!(r.starts_with("250"), "{}: {r}", f.display());
        }
        expected.push((f.clone(), v));
    }
    let scanned: Vec<serde_json::Value> = wait_for("one scan event per message", T, || {
        let s: Vec<_> = gw
            .audit()
            .into_iter()
            .filter(|e| e["event"] == "scanned")
            .collect();
        (s.len() >= expected.len()).then_some(s)
    });
    let mut phi = 0;
    for ((f, want), got) in expected.iter().zip(&scanned) {
        assert_eq!(got["phi"], want["phi"], "{}: phi", f.display());
        assert_eq!(got["score"], want["score"], "{}: score", f.display());
        assert_eq!(got["action"], want["action"], "{}: action", f.display());
        assert_eq!(
            key(&got["hits"]),
            key(&want["hits"]),
            "{}: hits",
            f.display()
        );
        phi += usize::from(want["phi"] == true);
    }
    assert!(
        phi > 0 && phi < expected.len(),
        "the sample must hold both PHI and clean messages ({phi}/{})",
        expected.len()
    );
    // Verdicts travel as rule ids and counts only.
    let audit = gw.audit_text();
    assert!(
        !audit.contains("matched") && !audit.contains("snippet"),
        "audit log carries match text"
    );
}

/// PHI goes out only over TLS at `phi_tls` (verify by default). While the
/// next hop is plaintext, secure messages are handed to the portal (never
/// sent, never left to expire) and a clean message goes straight through;
/// once the next hop offers a certificate the gateway can verify, new PHI
/// is delivered over TLS.
#[test]
fn phi_goes_to_the_portal_when_the_next_hop_cannot_verify_and_never_leaves_in_plaintext() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("phi-tls");
    let pki = Pki::new(&dir, "dest");
    let gw = Gateway::start_in(
        dir.clone(),
        &format!(
            "[delivery]\nretry = [\"1s\"]\nphi_tls = \"verify\"\nca_file = \"{}\"\n\n[[delivery.route]]\ndomain = \"sink.test\"\nnext_hop = \"localhost:{}\"\n",
            pki.ca_pem.display(),
            sink.addr.port()
        ),
    );
    let phi = crlf(&std::fs::read(repo("tests/corpus/pos_referral_plain.eml")).unwrap());
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(
        c.send_mail("staff@tenant.test", &["doctor@sink.test"], &phi)
            .starts_with("250")
    );
    assert!(
        c.transaction(
            "staff@tenant.test",
            &["friend@sink.test"],
            b"Subject: lunch\r\n\r\nNoon?\r\n"
        )
        .starts_with("250")
    );
    let tagged = b"Subject: [secure] about Friday\r\n\r\nsee attached notes\r\n";
    assert!(
        c.transaction("staff@tenant.test", &["tagged@sink.test"], tagged)
            .starts_with("250")
    );
    // The clean one arrives (in plaintext: policy allows it)...
    let first = sink.wait_count(1, T);
    assert_eq!(first[0].rcpts, vec!["friend@sink.test"]);
    // ...the PHI and the tagged one are handed to the portal, with the reason.
    let portal = wait_for("PHI and tagged messages handed to the portal", T, || {
        let a: Vec<_> = gw
            .audit()
            .into_iter()
            .filter(|e| e["event"] == "portal" && e["tls_level"] == "verify")
            .collect();
        (a.len() >= 2).then_some(a)
    });
    for e in &portal {
        assert_eq!(e["route"], "portal", "{e}");
        assert_eq!(
            e["tls_failures"],
            serde_json::json!(["starttls-not-supported"]),
            "{e}"
        );
    }
    let list = gw.cli(&["queue", "list"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert_eq!(
        text.matches("portal:").count(),
        2,
        "{text}\n{}",
        String::from_utf8_lossy(&list.stderr)
    );
    assert_eq!(sink.count(), 1, "a PHI message left over plaintext");
    // Once the next hop offers verifiable TLS, new PHI goes straight there.
    sink.behaviour.lock().unwrap().tls = Some(server_tls(&pki.leaf("mx", &["localhost"], false)));
    assert!(
        c.transaction("staff@tenant.test", &["tagged@sink.test"], tagged)
            .starts_with("250")
    );
    let all = sink.wait_count(2, T);
    assert!(all[1].tls, "{:?} delivered without TLS", all[1].rcpts);
    let text = String::from_utf8_lossy(&all[1].data);
    assert!(
        text.contains("Subject: about Friday") && !text.contains("[secure]"),
        "tag not stripped: {text}"
    );
    // The sink has the message before the gateway has written its audit event.
    let delivered = wait_for("the delivery audited", T, || {
        let d: Vec<_> = gw
            .audit()
            .into_iter()
            .filter(|e| e["event"] == "delivered" && e["tls_level"] == "verify")
            .collect();
        (!d.is_empty()).then_some(d)
    });
    assert_eq!(delivered.len(), 1);
    assert!(
        delivered[0]["tls"]
            .as_str()
            .unwrap_or("")
            .starts_with("TLSv1.")
    );
    assert_eq!(delivered[0]["tls_verified"], "pkix");
    assert_eq!(
        sink.count(),
        2,
        "the portal messages were sent by SMTP after all"
    );
}

#[test]
fn reject_threshold_refuses_with_the_configured_text_and_keeps_nothing() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "dlp-reject",
        &format!(
            "[dlp]\nrules_dir = \"{}\"\nreject_text = \"Blocked: this message appears to contain patient data\"\n[dlp.thresholds]\nsecure = 10\nreject = 30\n\n{}",
            repo("rules").display(),
            sink.route("sink.test")
        ),
    );
    let phi = crlf(&std::fs::read(repo("tests/corpus/pos_referral_plain.eml")).unwrap());
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail("staff@tenant.test", &["x@sink.test"], &phi);
    assert_eq!(
        r,
        "550 5.7.1 Blocked: this message appears to contain patient data"
    );
    assert_eq!(gw.queue_len(), 0, "a rejected message was kept");
    assert!(
        c.transaction(
            "staff@tenant.test",
            &["x@sink.test"],
            b"Subject: hi\r\n\r\nhello\r\n"
        )
        .starts_with("250")
    );
    let got = sink.wait_count(1, T);
    assert_eq!(got.len(), 1);
}
