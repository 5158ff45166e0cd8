//! Verified TLS or portal, per recipient, against real peers: a DNS server
//! this test starts (MX, A, TXT `_mta-sts`, TLSA, with the AD bit on the
//! names it declares signed — standing in for a validating resolver), an
//! HTTPS MTA-STS policy server with a test CA, and one SMTP sink per case on
//! its own loopback address. Each sink records whether each message it
//! accepted came over TLS; no sink may ever hold PHI that came in plaintext.

mod common;

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

fn repo(p: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn queued_id(reply: &str) -> String {
    assert!(reply.starts_with("250 2.0.0 Ok: queued as "), "{reply}");
    reply.rsplit(' ').next().unwrap().to_string()
}

/// A PHI message (a referral from the corpus, flagged `secure` by the
/// shipped rules) with a marker, so a sink's copy can be told apart.
fn phi(case: &str) -> Vec<u8> {
    let body = crlf(&std::fs::read(repo("tests/corpus/pos_referral_plain.eml")).unwrap());
    let mut m = format!("X-Case: phi-{case}\r\n").into_bytes();
    m.extend_from_slice(&body);
    m
}

fn clean(case: &str) -> Vec<u8> {
    format!("X-Case: clean-{case}\r\nSubject: lunch\r\n\r\nNoon at the usual place?\r\n")
        .into_bytes()
}

/// One recipient domain, its MX on its own loopback address, and what its
/// sink does.
struct Case {
    name: &'static str,
    sink: Sink,
}

/// What became of one recipient: "delivered", "portal", "deferred"...
fn rcpt_state(gw: &Gateway, id: &str) -> Option<serde_json::Value> {
    let out = gw.cli(&["queue", "show", id]);
    if !out.status.success() {
        return Some(serde_json::json!({"state": "left the queue"}));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    let r = v["recipients"][0]["state"].clone();
    (r["state"] != "pending").then_some(r)
}

struct World {
    _dir: std::path::PathBuf,
    dns: Dns,
    sts: StsServer,
    cases: Vec<Case>,
    gw: Gateway,
}

impl World {
    fn case(&self, name: &str) -> &Case {
        self.cases.iter().find(|c| c.name == name).unwrap()
    }
}

fn world(name: &str) -> World {
    let dir = temp_dir(name);
    let pki = Pki::new(&dir, "mx");
    // One MX per address 127.0.0.11-20, all on the gateway's smtp_port.
    let ips: Vec<Ipv4Addr> = (11..=20).map(|n| Ipv4Addr::new(127, 0, 0, n)).collect();
    let (port, listeners) = listeners_on_one_port(&ips);
    let mut listeners: HashMap<Ipv4Addr, std::net::TcpListener> =
        ips.into_iter().zip(listeners).collect();
    let mut zone = Zone::default();
    let mut cases = Vec::new();
    let mut add = |zone: &mut Zone, name: &'static str, n: u8, b: Behaviour| {
        let ip = Ipv4Addr::new(127, 0, 0, n);
        let domain = format!("{name}.test");
        let mx = format!("mx.{domain}");
        zone.mx.insert(domain.clone(), vec![(10, mx.clone())]);
        zone.a.insert(mx, vec![ip]);
        let listener = listeners.remove(&ip).expect("a listener per MX address");
        let sink = Sink::start_with(listener, b);
        cases.push(Case { name, sink });
    };
    let tls_for = |file: &str, names: &[&str]| Some(server_tls(&pki.leaf(file, names, false)));
    add(
        &mut zone,
        "valid",
        11,
        Behaviour {
            tls: tls_for("valid", &["mx.valid.test"]),
            ..Default::default()
        },
    );
    add(
        &mut zone,
        "selfsigned",
        12,
        Behaviour {
            tls: Some(server_tls(&ca_as_server_certificate(
                &dir,
                "selfsigned",
                &["mx.selfsigned.test"],
            ))),
            ..Default::default()
        },
    );
    add(
        &mut zone,
        "wrongname",
        13,
        Behaviour {
            tls: tls_for("wrongname", &["mx.somebody-else.test"]),
            ..Default::default()
        },
    );
    add(&mut zone, "plain", 14, Behaviour::default());
    add(
        &mut zone,
        "broken",
        15,
        Behaviour {
            broken_tls: true,
            ..Default::default()
        },
    );
    // DANE: self-signed certificates (no CA would vouch for them), pinned
    // by a 3 1 1 record in a signed zone — or pinned wrongly.
    let (dane_leaf, spki) = self_signed_with_spki(&dir, "dane", &["mx.dane.test"]);
    add(
        &mut zone,
        "dane",
        16,
        Behaviour {
            tls: Some(server_tls(&dane_leaf)),
            ..Default::default()
        },
    );
    let (danebad_leaf, _) = self_signed_with_spki(&dir, "danebad", &["mx.danebad.test"]);
    add(
        &mut zone,
        "danebad",
        17,
        Behaviour {
            tls: Some(server_tls(&danebad_leaf)),
            ..Default::default()
        },
    );
    for (d, data) in [("dane", spki.clone()), ("danebad", vec![0x5a; 32])] {
        let mx = format!("mx.{d}.test");
        zone.tlsa
            .insert(format!("_{port}._tcp.{mx}"), vec![(3, 1, 1, data)]);
        for n in [
            format!("{d}.test"),
            mx.clone(),
            format!("_{port}._tcp.{mx}"),
        ] {
            zone.secure.insert(n);
        }
    }
    // MTA-STS: `stsgood` lists its MX; `stsbad`'s policy lists another host.
    add(
        &mut zone,
        "stsgood",
        18,
        Behaviour {
            tls: tls_for("stsgood", &["mx.stsgood.test"]),
            ..Default::default()
        },
    );
    add(
        &mut zone,
        "stsbad",
        19,
        Behaviour {
            tls: tls_for("stsbad", &["mx.stsbad.test"]),
            ..Default::default()
        },
    );
    let sts_ip = Ipv4Addr::new(127, 0, 0, 30);
    let sts_leaf = pki.leaf(
        "mta-sts",
        &["mta-sts.stsgood.test", "mta-sts.stsbad.test"],
        false,
    );
    let sts = StsServer::start(
        SocketAddr::from((sts_ip, 0)),
        server_tls(&sts_leaf),
        "version: STSv1\r\nmode: enforce\r\nmx: mx.stsgood.test\r\nmax_age: 86400\r\n",
    );
    let sts_port = sts.addr.port();
    for d in ["stsgood", "stsbad"] {
        zone.txt.insert(
            format!("_mta-sts.{d}.test"),
            vec!["v=STSv1; id=20261130T1;".into()],
        );
        zone.a.insert(format!("mta-sts.{d}.test"), vec![sts_ip]);
    }
    // REQUIRETLS: a verifiable MX that advertises the extension.
    add(
        &mut zone,
        "requiretls",
        20,
        Behaviour {
            tls: tls_for("requiretls", &["mx.requiretls.test"]),
            requiretls: true,
            ..Default::default()
        },
    );
    let dns = Dns::start(zone);
    let gw_leaf = pki.leaf("gw", &["gw.test"], false);
    let gw = Gateway::start_in(
        dir.clone(),
        &format!(
            "{}\n[delivery]\nretry = [\"1s\"]\nnameservers = [\"{}\"]\nsmtp_port = {port}\nmta_sts_port = {sts_port}\nca_file = \"{}\"\n",
            gw_leaf.tls_section(),
            dns.addr,
            pki.ca_pem.display()
        ),
    );
    World {
        _dir: dir,
        dns,
        sts,
        cases,
        gw,
    }
}

/// No sink holds a message with PHI that arrived in plaintext, and no sink
/// holds a message the gateway handed to the portal.
fn assert_no_plaintext_phi(w: &World) {
    for c in &w.cases {
        for m in c.sink.messages.lock().unwrap().iter() {
            let text = String::from_utf8_lossy(&m.data);
            if text.contains("X-Case: phi-") {
                assert!(m.tls, "{}: PHI arrived in plaintext", c.name);
            }
        }
    }
}

#[test]
fn each_case_gets_tls_it_can_verify_or_the_portal_and_never_plaintext_phi() {
    let w = world("tls-matrix");
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    // (case, PHI expected, clean expected, verified word when delivered)
    let table: &[(&str, &str, &str, &str)] = &[
        ("valid", "delivered", "delivered", "pkix"),
        ("selfsigned", "portal", "delivered", "none"),
        ("wrongname", "portal", "delivered", "none"),
        ("plain", "portal", "delivered", "none"),
        ("broken", "portal", "delivered", "none"),
        ("dane", "delivered", "delivered", "dane-ee"),
        ("danebad", "portal", "deferred", ""),
        ("stsgood", "delivered", "delivered", "mta-sts"),
        ("stsbad", "portal", "deferred", ""),
    ];
    let mut ids = HashMap::new();
    for (case, _, _, _) in table {
        let rcpt = format!("pat@{case}.test");
        let id = queued_id(&c.send_mail("staff@tenant.test", &[rcpt.as_str()], &phi(case)));
        let clean_id =
            queued_id(&c.transaction("staff@tenant.test", &[rcpt.as_str()], &clean(case)));
        ids.insert(*case, (id, clean_id));
    }
    let mut wrong = Vec::new();
    for (case, want_phi, want_clean, _) in table {
        let (id, clean_id) = &ids[case];
        for (what, id, want) in [("phi", id, want_phi), ("clean", clean_id, want_clean)] {
            let got = wait_for(&format!("{case}/{what} settled"), T, || {
                rcpt_state(&w.gw, id)
            });
            let state = match got["state"].as_str() {
                Some("left the queue") => "delivered",
                Some(s) => s,
                None => "?",
            };
            if state != *want {
                wrong.push(format!("{case}/{what}: want {want}, got {got}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}\nlog:\n{}", w.gw.log());
    // What each sink got: exactly the messages routed to it, PHI only over TLS.
    for (case, want_phi, want_clean, _) in table {
        let n = [*want_phi, *want_clean]
            .into_iter()
            .filter(|s| *s == "delivered")
            .count();
        let got = w.case(case).sink.count();
        assert_eq!(got, n, "{case}: the sink got {got} messages, want {n}");
    }
    assert!(
        w.case("plain")
            .sink
            .messages
            .lock()
            .unwrap()
            .iter()
            .all(|m| !m.tls),
        "the plaintext sink reported TLS"
    );
    assert_no_plaintext_phi(&w);
    // The evidence: how each delivery was verified, with the certificate hash.
    let audit = w.gw.audit();
    for (case, want_phi, _, verified) in table {
        if *want_phi != "delivered" {
            continue;
        }
        let (id, _) = &ids[case];
        let e = audit
            .iter()
            .find(|e| e["queue_id"] == id.as_str() && e["event"] == "delivered")
            .unwrap_or_else(|| panic!("{case}: no delivered event"));
        assert_eq!(e["tls_verified"], *verified, "{case}: {e}");
        assert_eq!(e["tls_version"], "TLSv1.3", "{case}: {e}");
        assert_eq!(
            e["peer_cert_sha256"].as_str().map(str::len),
            Some(64),
            "{case}: {e}"
        );
        assert!(
            e["mx_host"]
                .as_str()
                .is_some_and(|h| h.starts_with(&format!("mx.{case}.test["))),
            "{case}: {e}"
        );
    }
    for (case, want_phi, _, _) in table {
        if *want_phi != "portal" {
            continue;
        }
        let (id, _) = &ids[case];
        let e = audit
            .iter()
            .find(|e| e["queue_id"] == id.as_str() && e["event"] == "portal")
            .unwrap_or_else(|| panic!("{case}: no portal event"));
        assert_eq!(e["route"], "portal", "{case}: {e}");
        assert!(
            e["tls_failures"].as_array().is_some_and(|a| !a.is_empty()),
            "{case}: a hand-off must say which TLS check failed: {e}"
        );
    }
    let kinds = |case: &str| -> Vec<String> {
        let (id, _) = &ids[case];
        audit
            .iter()
            .find(|e| e["queue_id"] == id.as_str() && e["event"] == "portal")
            .and_then(|e| e["tls_failures"].as_array().cloned())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect()
    };
    assert_eq!(kinds("plain"), ["starttls-not-supported"]);
    assert_eq!(kinds("selfsigned"), ["certificate-invalid"]);
    assert_eq!(kinds("wrongname"), ["certificate-invalid"]);
    assert_eq!(kinds("broken"), ["validation-failure"]);
    assert_eq!(kinds("danebad"), ["tlsa-invalid"]);
    assert_eq!(kinds("stsbad"), ["sts-policy-invalid"]);
    assert!(w.sts.fetches() >= 1, "the MTA-STS policy was never fetched");
}

#[test]
fn one_message_to_a_capable_and_an_incapable_domain_splits() {
    let w = world("tls-split");
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let id = queued_id(&c.send_mail(
        "staff@tenant.test",
        &["doc@valid.test", "pat@plain.test"],
        &phi("split"),
    ));
    let got = w.case("valid").sink.wait_count(1, T);
    assert!(got[0].tls && got[0].rcpts == ["doc@valid.test"], "{got:?}");
    let states = wait_for("both recipients settled", T, || {
        let out = w.gw.cli(&["queue", "show", &id]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let s: Vec<String> = v["recipients"]
            .as_array()?
            .iter()
            .map(|r| r["state"]["state"].as_str().unwrap_or("").to_string())
            .collect();
        (s.iter().all(|s| s != "pending" && s != "deferred")).then_some(s)
    });
    assert_eq!(states, ["delivered", "portal"]);
    assert_eq!(w.case("plain").sink.count(), 0);
    // `queue list` shows the hand-off and why.
    let list = String::from_utf8_lossy(&w.gw.cli(&["queue", "list"]).stdout).to_string();
    assert!(
        list.contains("pat@plain.test") && list.contains("portal: ") && list.contains("STARTTLS"),
        "{list}"
    );
}

/// A domain learned to be incapable is not even connected to for the next
/// PHI message (the cache diverts it), and a capable one is not probed for
/// MTA-STS again while its record check is fresh. Prints the cost of a
/// cached against an uncached domain in connections and DNS queries.
#[test]
fn the_capability_cache_saves_connections_and_lookups_and_survives_a_restart() {
    let mut w = world("tls-cache");
    let send = |w: &World, rcpt: &str, case: &str| -> String {
        let mut c = Client::connect(w.gw.addr());
        c.reply();
        c.cmd("EHLO client.test");
        queued_id(&c.send_mail("staff@tenant.test", &[rcpt], &phi(case)))
    };
    let settle = |w: &World, id: &str| {
        wait_for("settled", T, || {
            rcpt_state(&w.gw, id).filter(|s| s["state"] != "deferred")
        })
    };
    // Uncached: plain.test is connected to and found without STARTTLS.
    let q0 = w.dns.queries();
    let c0 = w
        .case("plain")
        .sink
        .connections
        .load(std::sync::atomic::Ordering::SeqCst);
    let first = send(&w, "a@plain.test", "first");
    assert_eq!(settle(&w, &first)["state"], "portal");
    let uncached_conns = w
        .case("plain")
        .sink
        .connections
        .load(std::sync::atomic::Ordering::SeqCst)
        - c0;
    let uncached_dns = w.dns.queries() - q0;
    // Cached: the same domain again goes to the portal without a connection.
    let q1 = w.dns.queries();
    let second = send(&w, "b@plain.test", "second");
    let s = settle(&w, &second);
    assert_eq!(s["state"], "portal");
    assert!(
        s["reason"].as_str().unwrap_or("").contains("recently"),
        "{s}"
    );
    let cached_conns = w
        .case("plain")
        .sink
        .connections
        .load(std::sync::atomic::Ordering::SeqCst)
        - c0
        - uncached_conns;
    let cached_dns = w.dns.queries() - q1;
    assert_eq!(
        cached_conns, 0,
        "a cached incapable domain was connected to"
    );
    // MTA-STS: fetched once, then the cached policy serves.
    let a = send(&w, "a@stsgood.test", "sts1");
    assert_eq!(settle(&w, &a)["state"], "left the queue");
    let fetches = w.sts.fetches();
    let b = send(&w, "b@stsgood.test", "sts2");
    assert_eq!(settle(&w, &b)["state"], "left the queue");
    assert_eq!(w.sts.fetches(), fetches, "the policy was fetched again");
    eprintln!(
        "capability cache: uncached domain {uncached_conns} connection(s), {uncached_dns} DNS queries; cached {cached_conns} connection(s), {cached_dns} DNS queries"
    );
    assert!(cached_dns <= uncached_dns, "{cached_dns} > {uncached_dns}");
    // The facts survive a restart.
    w.gw.sigterm();
    w.gw.spawn();
    let third = send(&w, "c@plain.test", "third");
    assert_eq!(settle(&w, &third)["state"], "portal");
    assert_eq!(
        w.case("plain")
            .sink
            .connections
            .load(std::sync::atomic::Ordering::SeqCst)
            - c0,
        uncached_conns,
        "after a restart the incapable domain was connected to again"
    );
    let f = std::fs::read_to_string(w.gw.dir.join("var/tls/plain.test.json")).unwrap();
    assert!(f.contains("\"starttls\": false"), "{f}");
}

/// RFC 8689: REQUIRETLS mail goes only to servers that pass `verify` and
/// advertise REQUIRETLS, with the parameter passed on; otherwise to the
/// portal. `TLS-Required: No` lets clean mail past a failing MTA-STS policy
/// but never PHI.
#[test]
fn requiretls_and_tls_required_no() {
    let w = world("tls-requiretls");
    let pki_ca = w.gw.dir.join("mx-ca.pem");
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    let ehlo = c.cmd("EHLO client.test");
    assert!(!ehlo.contains("REQUIRETLS"), "offered before TLS: {ehlo}");
    let r = c.cmd("MAIL FROM:<staff@tenant.test> REQUIRETLS");
    assert!(r.starts_with("530 5.7.10"), "{r}");
    c.starttls(client_tls(&pki_ca, None), "gw.test");
    let ehlo = c.cmd("EHLO client.test");
    assert!(ehlo.contains("REQUIRETLS"), "{ehlo}");
    let send_rt = |c: &mut Client, rcpt: &str| -> String {
        assert!(
            c.cmd("MAIL FROM:<staff@tenant.test> REQUIRETLS")
                .starts_with("250")
        );
        assert!(c.cmd(&format!("RCPT TO:<{rcpt}>")).starts_with("250"));
        assert!(c.cmd("DATA").starts_with("354"));
        c.send(&clean("rt"));
        c.send(b".\r\n");
        queued_id(&c.reply())
    };
    let ok = send_rt(&mut c, "a@requiretls.test");
    let no = send_rt(&mut c, "b@valid.test");
    let got = w.case("requiretls").sink.wait_count(1, T);
    assert!(got[0].tls, "REQUIRETLS message over plaintext");
    assert!(
        got[0].mail_line.contains("REQUIRETLS"),
        "{}",
        got[0].mail_line
    );
    assert_eq!(
        wait_for("delivered", T, || rcpt_state(&w.gw, &ok))["state"],
        "left the queue"
    );
    let s = wait_for("portal", T, || rcpt_state(&w.gw, &no));
    assert_eq!(s["state"], "portal", "{s}");
    assert!(
        s["reason"].as_str().unwrap_or("").contains("REQUIRETLS"),
        "{s}"
    );
    assert_eq!(w.case("valid").sink.count(), 0);
    // TLS-Required: No: clean mail to stsbad.test goes despite the policy...
    let mut m = b"TLS-Required: No\r\n".to_vec();
    m.extend_from_slice(&clean("optional"));
    let clean_id = queued_id(&c.transaction("staff@tenant.test", &["x@stsbad.test"], &m));
    let got = w.case("stsbad").sink.wait_count(1, T);
    assert!(String::from_utf8_lossy(&got[0].data).contains("clean-optional"));
    assert_eq!(
        wait_for("delivered", T, || rcpt_state(&w.gw, &clean_id))["state"],
        "left the queue"
    );
    // ...PHI with the same header does not.
    let mut m = b"TLS-Required: No\r\n".to_vec();
    m.extend_from_slice(&phi("optional"));
    let phi_id = queued_id(&c.transaction("staff@tenant.test", &["y@stsbad.test"], &m));
    assert_eq!(
        wait_for("portal", T, || rcpt_state(&w.gw, &phi_id))["state"],
        "portal"
    );
    assert_eq!(w.case("stsbad").sink.count(), 1);
    assert_no_plaintext_phi(&w);
}
