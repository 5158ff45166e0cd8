//! `sealgate tls show` and `sealgate tls report` through the real binary,
//! against a capability file written with the library's own types (so a
//! format change breaks this test) and a hand-made audit log.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use common::Gateway;
use sealgate::config::TlsLevel;
use sealgate::outbound::capability::{self, DomainFacts, HostFacts, StsFacts};
use sealgate::outbound::dane::{Tlsa, TlsaLookup};
use sealgate::outbound::mta_sts::{Cached, Mode, Policy};
use sealgate::outbound::verify::Verified;
use sealgate::time::{rfc3339_ms, unix_now};
use serde_json::{Value, json};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

fn json_of(o: Output) -> Value {
    let text = ok(o);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn facts(now: u64) -> DomainFacts {
    let mut hosts = BTreeMap::new();
    hosts.insert(
        "mx1.example.org".to_string(),
        HostFacts {
            seen_at: now - 7200,
            addr: Some("192.0.2.10:25".into()),
            starttls: Some(true),
            tls_version: Some("TLSv1.3".into()),
            tls_cipher: Some("TLS_AES_256_GCM_SHA384".into()),
            verified: Some(Verified::DaneEe),
            reached: Some(TlsLevel::DaneOnly),
            cert_sha256: Some("ab".repeat(32)),
            requiretls: Some(true),
            failure: None,
            tlsa: Some(TlsaLookup::Usable(vec![Tlsa {
                usage: 3,
                selector: 1,
                matching: 1,
                data: (0u8..32).collect(),
            }])),
            tlsa_at: now - 7200,
        },
    );
    hosts.insert(
        "mx2.example.org".to_string(),
        HostFacts {
            seen_at: now - 3600,
            addr: Some("192.0.2.11:25".into()),
            starttls: Some(false),
            reached: Some(TlsLevel::None),
            requiretls: None,
            failure: Some(
                "mx2.example.org does not offer STARTTLS, and TLS level verify requires TLS".into(),
            ),
            tlsa: Some(TlsaLookup::SecureNone),
            tlsa_at: now - 3600,
            ..HostFacts::default()
        },
    );
    DomainFacts {
        domain: "example.org".into(),
        mx: vec!["mx1.example.org".into(), "mx2.example.org".into()],
        mx_at: now - 7200,
        mta_sts: Some(StsFacts {
            checked_at: now - 300,
            policy: Some(Cached {
                id: "20261101T000000".into(),
                policy: Policy {
                    mode: Mode::Enforce,
                    mx: vec!["mx1.example.org".into(), "*.example.org".into()],
                    max_age: 604_800,
                },
                fetched_at: now - 86_400,
                // Half an hour past 6 days, so the age reads "in 6d00h".
                expires_at: now + 6 * 86_400 + 1800,
            }),
            evidence: "_mta-sts.example.org TXT v=STSv1; id=20261101T000000; policy from https://mta-sts.example.org/.well-known/mta-sts.txt".into(),
        }),
        hosts,
    }
}

fn write_facts(g: &Gateway, f: &DomainFacts) {
    let dir = capability::dir(&g.dir.join("var"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = capability::file_of(&dir, &f.domain);
    std::fs::write(file, serde_json::to_vec_pretty(f).unwrap()).unwrap();
}

/// One per-domain delivery event as `queue::scheduler::audit_report` writes it.
fn event(seq: u64, at_ms: u64, event: &str, domain: &str, fields: Value) -> String {
    let mut v = json!({
        "seq": seq,
        "time": rfc3339_ms(at_ms),
        "event": event,
        "queue_id": format!("{seq:022x}"),
        "message_sha256": "cd".repeat(32),
        "recipient_domain": domain,
        "route": "tls",
        "reason": "",
        "tls_level": "verify",
        "mx_host": null,
        "tls": null,
        "tls_version": null,
        "tls_cipher": null,
        "tls_verified": "none",
        "peer_cert_sha256": null,
        "mta_sts": null,
        "dane": false,
        "tls_failures": [],
        "delivered": 0,
        "deferred": 0,
        "failed": 0,
        "portal": 0,
    });
    for (k, x) in fields.as_object().unwrap() {
        v[k] = x.clone();
    }
    v["prev"] = json!("00".repeat(32));
    v.to_string()
}

/// The audit log: four recent attempts, one ten days old, and lines the
/// report must skip. Returns the old event's time and the first recent one's.
fn write_audit(g: &Gateway, now_ms: u64) -> (u64, u64) {
    let old = now_ms - 10 * 86_400_000;
    let recent = now_ms - 3_600_000;
    let tls13 = json!({"tls_version": "TLSv1.3", "tls_cipher": "TLS_AES_256_GCM_SHA384"});
    let with = |extra: Value| {
        let mut v = tls13.clone();
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    };
    let lines = [
        event(
            1,
            old,
            "delivered",
            "example.org",
            with(
                json!({"delivered": 5, "tls_verified": "pkix", "mx_host": "mx1.example.org[192.0.2.10]:25"}),
            ),
        ),
        r#"{"seq":2,"time":"x","event":"received","queue_id":"q","size":3}"#.to_string(),
        event(
            3,
            recent,
            "delivered",
            "example.org",
            with(json!({"delivered": 2, "tls_verified": "pkix", "mta_sts": "testing"})),
        ),
        event(
            4,
            recent + 60_000,
            "delivered",
            "example.org",
            with(json!({"delivered": 1, "tls_verified": "dane-ee", "dane": true})),
        ),
        "this line is not JSON".to_string(),
        event(
            5,
            recent + 120_000,
            "portal",
            "health.example",
            with(
                json!({"portal": 1, "route": "portal", "portal_reason": "tls-failed",
                "tls_verified": "none", "mta_sts": "enforce",
                "tls_failures": ["certificate-invalid"]}),
            ),
        ),
        event(
            6,
            recent + 180_000,
            "deferred",
            "plain.example",
            json!({"deferred": 1, "tls_failures": ["starttls-not-supported"]}),
        ),
        r#"{"seq":7,"time":"x","event":"admin","action":"hold"}"#.to_string(),
    ];
    let dir = g.dir.join("var/audit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("audit-20261130-000000000001.log"),
        lines.join("\n") + "\n",
    )
    .unwrap();
    (old, recent)
}

/// The `(count, detail)` of a row of DOMAIN's block in the text report.
fn row(report: &str, domain: &str, label: &str) -> (u64, String) {
    let block = report
        .split("\n\n")
        .find(|b| b.lines().next() == Some(domain))
        .unwrap_or_else(|| panic!("no block for {domain}:\n{report}"));
    let line = block
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no {label} row for {domain}:\n{report}"));
    let rest = line.trim_start()[label.len()..].trim_start();
    let (n, detail) = rest.split_once("  ").unwrap_or((rest, ""));
    (n.trim().parse().unwrap(), detail.trim().to_string())
}

#[test]
fn show_prints_facts_with_evidence_and_ages() {
    let g = Gateway::offline("tls-show", "");
    let now = unix_now();
    write_facts(&g, &facts(now));
    // Named as an operator might type it: case and trailing dot don't matter.
    let text = ok(g.cli(&["tls", "show", "EXAMPLE.org."]));
    eprintln!("{text}");
    for want in [
        "MX hosts        mx1.example.org, mx2.example.org\n",
        &format!(
            "  resolved      {} (2h00m ago)\n",
            rfc3339_ms((now - 7200) * 1000)
        ),
        "MTA-STS         policy 20261101T000000, mode enforce, max_age 604800s\n",
        "  mx patterns   mx1.example.org, *.example.org\n",
        " (1d00h ago)\n",
        " (in 6d00h)\n",
        "  evidence      _mta-sts.example.org TXT v=STSv1; id=20261101T000000;",
        " (5m ago)\n",
        "host            mx1.example.org\n",
        "  address       192.0.2.10:25\n",
        "  TLS           TLSv1.3 TLS_AES_256_GCM_SHA384\n",
        "  verified      dane-ee\n",
        "  reached       dane-only\n",
        &format!("  cert sha256   {}\n", "ab".repeat(32)),
        "  REQUIRETLS    offered\n",
        "  last failure  none\n",
        "  TLSA          usable: 3 1 1 0001020304050607…; looked up ",
        "host            mx2.example.org\n",
        "  STARTTLS      not offered\n",
        "  TLS           none (plaintext)\n",
        "  verified      none (no TLS)\n",
        "  reached       none (plaintext only)\n",
        "  last failure  mx2.example.org does not offer STARTTLS",
        "  TLSA          secure-none",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }

    let j = json_of(g.cli(&["tls", "show", "example.org", "--json"]));
    assert_eq!(j["known"], true);
    assert_eq!(
        j["mx"]["hosts"],
        json!(["mx1.example.org", "mx2.example.org"])
    );
    let age = j["mx"]["age_secs"].as_i64().unwrap();
    assert!((7200..7260).contains(&age), "{age}");
    let policy = &j["mta_sts"]["policy"];
    assert_eq!(policy["mode"], "enforce");
    assert_eq!(policy["max_age"], 604_800);
    assert_eq!(policy["expired"], false);
    let mx1 = &j["hosts"][0];
    assert_eq!(mx1["name"], "mx1.example.org");
    assert_eq!(mx1["verified"], "dane-ee");
    assert_eq!(mx1["reached"], "dane-only");
    assert_eq!(mx1["tlsa"]["result"], "usable");
    assert_eq!(
        mx1["tlsa"]["records"][0]["data"],
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    );
    let mx2 = &j["hosts"][1];
    assert_eq!(mx2["starttls"], false);
    assert_eq!(mx2["tlsa"]["result"], "secure-none");
    assert_eq!(mx2["requiretls"], Value::Null);
}

#[test]
fn show_unknown_domain_and_unreadable_data_dir() {
    let g = Gateway::offline("tls-show-unknown", "");
    // No delivery at all yet: a data dir without the cache folder.
    std::fs::create_dir_all(g.dir.join("var")).unwrap();
    let text = ok(g.cli(&["tls", "show", "other.example"]));
    assert!(
        text.starts_with("nothing known about other.example yet (no delivery attempted since"),
        "{text}"
    );
    write_facts(&g, &facts(unix_now()));
    let text = ok(g.cli(&["tls", "show", "other.example"]));
    assert!(
        text.contains("nothing known about other.example yet"),
        "{text}"
    );
    assert!(text.contains(" ago)"), "the cache's age: {text}");
    let j = json_of(g.cli(&["tls", "show", "other.example", "--json"]));
    assert_eq!(j["known"], false);
    assert!(j["since"].is_string(), "{j}");

    let bad = g.cli(&["tls", "show", "not a domain"]);
    assert_eq!(bad.status.code(), Some(2));

    // A data dir that cannot be read is an error naming it, not "unknown".
    let broken = Gateway::offline("tls-show-broken", "");
    let data = broken.dir.join("var");
    std::fs::write(&data, "a file where the data dir should be").unwrap();
    let o = broken.cli(&["tls", "show", "example.org"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&*data.to_string_lossy()), "{err}");
}

#[test]
fn report_counts_per_domain_and_since_excludes_older_events() {
    let g = Gateway::offline("tls-report", "");
    let now_ms = unix_now() * 1000;
    let (old, recent) = write_audit(&g, now_ms);

    let all = ok(g.cli(&["tls", "report"]));
    eprintln!("{all}");
    assert!(all.contains("(all events)"), "{all}");
    assert_eq!(row(&all, "example.org", "attempts").0, 3);
    assert_eq!(
        row(&all, "example.org", "delivered"),
        (8, "dane-ee 1, pkix 7".into())
    );
    assert!(all.contains("1 line(s) of the log were not JSON"), "{all}");

    let text = ok(g.cli(&["tls", "report", "--since", "7d"]));
    eprintln!("{text}");
    let names: Vec<&str> = text
        .split("\n\n")
        .filter_map(|b| b.lines().next())
        .filter(|l| l.contains('.') && !l.contains(' '))
        .collect();
    assert_eq!(names, ["example.org", "health.example", "plain.example"]);
    assert_eq!(row(&text, "example.org", "attempts").0, 2);
    assert_eq!(
        row(&text, "example.org", "delivered"),
        (3, "dane-ee 1, pkix 2".into())
    );
    assert_eq!(
        row(&text, "example.org", "MTA-STS seen"),
        (1, "testing 1".into())
    );
    assert_eq!(row(&text, "example.org", "DANE used").0, 1);
    assert_eq!(
        row(&text, "health.example", "portal"),
        (1, "tls-failed 1".into())
    );
    assert_eq!(
        row(&text, "health.example", "failure types"),
        (1, "certificate-invalid 1".into())
    );
    assert_eq!(row(&text, "health.example", "delivered").0, 0);
    assert_eq!(row(&text, "plain.example", "deferred").0, 1);
    assert_eq!(
        row(&text, "plain.example", "failure types"),
        (1, "starttls-not-supported 1".into())
    );

    let j = json_of(g.cli(&["tls", "report", "--since", "7d", "--json"]));
    let since = sealgate::time::parse_rfc3339(j["since"].as_str().unwrap()).unwrap();
    assert!(since > old && since < recent, "{j}");
    let ex = &j["domains"]["example.org"];
    assert_eq!(ex["attempts"], 2);
    assert_eq!(ex["delivered"]["total"], 3);
    assert_eq!(ex["delivered"]["pkix"], 2);
    assert_eq!(ex["delivered"]["dane-ee"], 1);
    assert_eq!(ex["delivered"]["plaintext"], 0);
    assert_eq!(ex["dane"], 1);
    let health = &j["domains"]["health.example"];
    assert_eq!(
        health["portal"],
        json!({"total": 1, "reasons": {"tls-failed": 1}})
    );
    assert_eq!(health["failure_types"], json!({"certificate-invalid": 1}));
    assert_eq!(health["mta_sts"], json!({"enforce": 1}));
    let plain = &j["domains"]["plain.example"];
    assert_eq!(plain["deferred"], 1);
    assert_eq!(plain["failure_types"], json!({"starttls-not-supported": 1}));
    assert_eq!(j["domains"].as_object().unwrap().len(), 3);

    // An RFC 3339 --since between the old event and the recent ones.
    let cut = rfc3339_ms(old + 86_400_000);
    let j = json_of(g.cli(&["tls", "report", "--since", &cut, "--json"]));
    assert_eq!(j["domains"]["example.org"]["delivered"]["pkix"], 2);
    let j = json_of(g.cli(&["tls", "report", "--json"]));
    assert_eq!(j["since"], Value::Null);
    assert_eq!(j["domains"]["example.org"]["delivered"]["pkix"], 7);
    assert_eq!(j["unreadable_lines"], 1);

    let bad = g.cli(&["tls", "report", "--since", "last tuesday"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn report_without_an_audit_log() {
    let g = Gateway::offline("tls-report-none", "");
    let text = ok(g.cli(&["tls", "report"]));
    let log = g.dir.join("var/audit");
    assert_eq!(
        text.trim_end(),
        format!("no audit log at {}", log.display())
    );
    assert!(!Path::new(&log).exists());
    let j = json_of(g.cli(&["tls", "report", "--json"]));
    assert_eq!(j["domains"], json!({}));
}
