//! The sender is who the client is bound to: the header From, not only MAIL
//! FROM, must be in the client's sender domains — also for the null sender,
//! and also for a tenant recognised by SNI. Real binary, real sockets.

mod common;

use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

/// A message whose author is `from` (a whole From line, or none).
fn message(from: Option<&str>, subject: &str) -> Vec<u8> {
    let mut m = String::new();
    if let Some(f) = from {
        m.push_str(f);
        m.push_str("\r\n");
    }
    m.push_str(&format!(
        "To: bob@sink.test\r\nSubject: {subject}\r\n\r\nquarterly numbers\r\n"
    ));
    m.into_bytes()
}

const FORGED: &str = "From: Chief Executive <chief.exec@bob.test>";
const OWN: &str = "From: Alice <alice@alice.test>";

fn refused(gw: &Gateway) -> Vec<String> {
    gw.audit()
        .iter()
        .filter(|e| e["event"] == "refused")
        .map(|e| e["reason"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// What every refusal must leave behind: no local part or display name in
/// the log, nothing of the header in the audit log.
fn assert_no_leak(gw: &Gateway) {
    let log = gw.log();
    for secret in ["chief.exec", "Chief Executive"] {
        assert!(!log.contains(secret), "{secret:?} in the log:\n{log}");
    }
    let audit = gw.audit_text();
    for secret in ["chief.exec", "Chief Executive", "bob.test", "quarterly"] {
        assert!(!audit.contains(secret), "{secret:?} in the audit log");
    }
}

#[test]
fn network_client_bound_to_its_domain_cannot_forge_the_header_from() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "from-network",
        &format!(
            "[relay]\nallowed_networks = [\"127.0.0.1/32\"]\nsender_domains = [\"alice.test\"]\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let to = &["bob@sink.test"];
    // The envelope binding still holds for a named sender.
    assert!(c.cmd("MAIL FROM:<ceo@bob.test>").starts_with("550 5.7.1"));

    // The null sender used to pass every binding.
    let r = c.transaction("", to, &message(Some(FORGED), "null"));
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");
    // An envelope sender in the client's own domain does not launder it.
    let r = c.transaction("alice@alice.test", to, &message(Some(FORGED), "own"));
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");
    // Every mailbox must be allowed; one foreign one among own ones is enough.
    let several = "From: alice@alice.test, \"Boss, The\" <chief.exec@bob.test>";
    let r = c.transaction("", to, &message(Some(several), "several"));
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");
    // Folded, and the foreign mailbox inside a group.
    let folded =
        "From: Alice <alice@alice.test>,\r\n Board: Chief Executive\r\n <chief.exec@bob.test>;";
    let r = c.transaction("", to, &message(Some(folded), "folded"));
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");
    // No From, two Froms, and a From that does not parse are all refused.
    let r = c.transaction("", to, &message(None, "none"));
    assert_eq!(r, "550 5.7.1 Message has no From header");
    let two = format!("{OWN}\r\n{FORGED}");
    let r = c.transaction("alice@alice.test", to, &message(Some(&two), "two"));
    assert_eq!(r, "550 5.7.1 Message has more than one From header");
    let broken = "From: Chief Executive chief.exec@bob.test";
    let r = c.transaction("", to, &message(Some(broken), "broken"));
    assert!(r.starts_with("550 5.7.1 From header does not parse"), "{r}");
    // BDAT ends at the same check.
    c.cmd("MAIL FROM:<>");
    c.cmd("RCPT TO:<bob@sink.test>");
    let body = message(Some(FORGED), "bdat");
    c.send(format!("BDAT {} LAST\r\n", body.len()).as_bytes());
    c.send(&body);
    let r = c.reply();
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");

    // The legitimate ones pass, with either envelope sender, and the session
    // is still usable after eight refusals.
    let r = c.transaction("", to, &message(Some(OWN), "legit null"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let own_spellings = "From: =?utf-8?q?Alice_=C3=85?= <alice@ALICE.test> (Alice)";
    let r = c.transaction(
        "alice@alice.test",
        to,
        &message(Some(own_spellings), "legit own"),
    );
    assert!(r.starts_with("250 2.0.0"), "{r}");

    let got = sink.wait_count(2, T);
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert_eq!(sink.count(), 2, "a refused message reached the sink");
    for m in &got {
        let text = String::from_utf8_lossy(&m.data);
        assert!(text.contains("Subject: legit"), "{text}");
        assert!(!text.contains("chief.exec"), "{text}");
    }
    assert_eq!(
        refused(&gw),
        [
            "from_domain_not_permitted",
            "from_domain_not_permitted",
            "from_domain_not_permitted",
            "from_domain_not_permitted",
            "no_from",
            "several_from",
            "from_malformed",
            "from_domain_not_permitted",
        ]
    );
    assert_no_leak(&gw);
    // The log may name the foreign domain, for the operator.
    assert!(gw.log().contains("bob.test"));
}

#[test]
fn sni_bound_tenant_cannot_forge_the_header_from() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("from-sni");
    let pki = Pki::new(&dir, "gw");
    let leaf = pki.leaf("server", &["gw.test", "alice.gw.test"], false);
    let gw = Gateway::start_in(
        dir,
        &format!(
            "{}\n[relay]\nallowed_networks = [\"127.0.0.1/32\"]\n\n\
             [[relay.tenant]]\nname = \"alice\"\nsni = [\"alice.gw.test\"]\nsender_domains = [\"alice.test\"]\n\n{}",
            leaf.tls_section(),
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    c.starttls(client_tls(&pki.ca_pem, None), "alice.gw.test");
    c.cmd("EHLO client.test");
    let to = &["bob@sink.test"];
    let r = c.transaction("", to, &message(Some(FORGED), "null"));
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");
    let r = c.transaction("alice@alice.test", to, &message(Some(FORGED), "own"));
    assert!(r.starts_with("550 5.7.1 From header"), "{r}");
    let r = c.transaction("", to, &message(Some(OWN), "legit"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let got = sink.wait_count(1, T);
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert_eq!(sink.count(), 1, "a refused message reached the sink");
    assert!(String::from_utf8_lossy(&got[0].data).contains("Subject: legit"));
    assert_eq!(
        refused(&gw),
        ["from_domain_not_permitted", "from_domain_not_permitted"]
    );
    assert_no_leak(&gw);
}

#[test]
fn the_switch_turns_the_header_check_off_and_unbound_clients_are_not_checked() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "from-off",
        &format!(
            "[relay]\nallowed_networks = [\"127.0.0.1/32\"]\nsender_domains = [\"alice.test\"]\nenforce_header_from = false\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let to = &["bob@sink.test"];
    let r = c.transaction("", to, &message(Some(FORGED), "off null"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let r = c.transaction("alice@alice.test", to, &message(Some(FORGED), "off own"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    // The envelope binding is not part of the switch.
    assert!(c.cmd("MAIL FROM:<ceo@bob.test>").starts_with("550 5.7.1"));
    sink.wait_count(2, T);

    // No sender domains anywhere: nothing to enforce, not even a From.
    let sink2 = Sink::start(Behaviour::default());
    let gw2 = Gateway::start("from-unbound", &sink2.route("sink.test"));
    let mut c = Client::connect(gw2.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let r = c.transaction("", to, &message(Some(FORGED), "unbound"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let r = c.transaction("", to, &message(None, "unbound, no From"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    sink2.wait_count(2, T);
    assert!(refused(&gw).is_empty() && refused(&gw2).is_empty());
}
