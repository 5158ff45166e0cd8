//! Outbound behaviour: capabilities of the next hop, TLS levels, expiry,
//! delay notices and connection reuse.

mod common;

use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

fn dsns(sink: &Sink) -> Vec<String> {
    sink.messages
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m.from.is_empty())
        .map(|m| String::from_utf8_lossy(&m.data).to_string())
        .collect()
}

#[test]
fn smtputf8_message_to_a_server_without_it_fails_with_a_clear_dsn() {
    let sink = Sink::start(Behaviour {
        no_smtputf8: true,
        ..Behaviour::default()
    });
    let gw = Gateway::start(
        "utf8",
        &format!("{}\n{}", sink.route("sink.test"), sink.route("tenant.test")),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    assert!(
        c.cmd("MAIL FROM:<alice@tenant.test> SMTPUTF8")
            .starts_with("250")
    );
    assert!(c.cmd("RCPT TO:<jörg@sink.test>").starts_with("250"));
    assert!(c.cmd("DATA").starts_with("354"));
    c.send("Subject: grüße\r\n\r\nx\r\n.\r\n".as_bytes());
    assert!(c.reply().starts_with("250"));
    let dsn = wait_for("DSN", T, || dsns(&sink).into_iter().next());
    assert!(
        dsn.contains("Status: 5.6.7") && dsn.contains("SMTPUTF8"),
        "{dsn}"
    );
    // A non-ASCII address without the SMTPUTF8 parameter is refused up front.
    c.cmd("MAIL FROM:<alice@tenant.test>");
    assert!(c.cmd("RCPT TO:<jörg@sink.test>").starts_with("553 5.6.7"));
}

#[test]
fn encrypt_level_never_falls_back_to_plaintext() {
    // The sink offers no STARTTLS; the route demands encryption.
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "encrypt",
        &format!(
            "[[delivery.route]]\ndomain = \"sink.test\"\nnext_hop = \"{}\"\ntls = \"encrypt\"\n",
            sink.addr
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(
        c.send_mail(
            "a@tenant.test",
            &["b@sink.test"],
            b"Subject: e\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    wait_for("deferred for lack of STARTTLS", T, || {
        gw.audit()
            .iter()
            .any(|e| e["event"] == "deferred" && e["tls_level"] == "encrypt")
            .then_some(())
    });
    let out = gw.cli(&["queue", "list", "--json"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("does not offer STARTTLS"));
    assert_eq!(
        sink.count(),
        0,
        "sent in plaintext below the required level"
    );
    // Once the sink offers TLS, the message goes out encrypted.
    let dir = temp_dir("encrypt-pki");
    let pki = Pki::new(&dir, "sink");
    sink.behaviour.lock().unwrap().tls = Some(server_tls(&pki.leaf("sink", &["127.0.0.1"], false)));
    let got = sink.wait_count(1, T);
    assert!(got[0].tls, "delivered without TLS");
}

#[test]
fn expired_messages_fail_with_a_dsn_and_delay_warnings_are_sent_once() {
    let mut b = Behaviour::default();
    b.rcpt_reply
        .insert("busy@sink.test".into(), "452 4.2.2 mailbox full".into());
    let sink = Sink::start(b);
    let gw = Gateway::start(
        "expire",
        &format!(
            "[delivery]\nretry = [\"1s\"]\nmax_queue_lifetime = \"3s\"\ndelay_warning = \"1s\"\n\n{}\n{}",
            sink.route("sink.test"),
            sink.route("tenant.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(
        c.send_mail(
            "alice@tenant.test",
            &["busy@sink.test"],
            b"Subject: x\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    let all = wait_for("delay and failure DSNs", Duration::from_secs(30), || {
        let d = dsns(&sink);
        (d.iter().any(|t| t.contains("Action: failed"))).then_some(d)
    });
    let delayed = all.iter().filter(|t| t.contains("Action: delayed")).count();
    assert_eq!(delayed, 1, "{all:?}");
    let failed = all.iter().find(|t| t.contains("Action: failed")).unwrap();
    assert!(
        failed.contains("Status: 4.4.7") && failed.contains("expired"),
        "{failed}"
    );
    assert!(
        failed.contains("mailbox full"),
        "last error missing: {failed}"
    );
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    // No attempt decided the failure, so the audit log says why itself.
    let audit = gw.audit();
    let expired: Vec<_> = audit.iter().filter(|r| r["event"] == "expired").collect();
    assert_eq!(expired.len(), 1, "{audit:?}");
    let e = expired[0];
    assert!(e["queue_id"].is_string(), "{e}");
    assert_eq!(e["status"], "4.4.7", "{e}");
    assert_eq!(e["failed"], 1, "{e}");
    assert_eq!(
        e["recipient_domains"],
        serde_json::json!(["sink.test"]),
        "{e}"
    );
    assert!(e["age_secs"].as_u64().is_some_and(|a| a >= 3), "{e}");
    assert!(
        audit
            .iter()
            .any(|r| r["event"] == "received" && r["queue_id"] == e["queue_id"]),
        "{audit:?}"
    );
}

#[test]
fn connections_to_a_destination_are_reused() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "reuse",
        &format!(
            "[delivery]\nmax_per_destination = 1\nconnection_reuse = \"10s\"\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    for i in 0..20 {
        let r = c.transaction(
            "a@tenant.test",
            &["b@sink.test"],
            format!("Subject: {i}\r\n\r\nx\r\n").as_bytes(),
        );
        assert!(r.starts_with("250"), "{r}");
    }
    sink.wait_count(20, T);
    let conns = sink.connections.load(std::sync::atomic::Ordering::SeqCst);
    assert!(conns <= 2, "20 messages used {conns} connections");
}

#[test]
fn implicit_tls_listener() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("implicit");
    let pki = Pki::new(&dir, "gw");
    let leaf = pki.leaf("server", &["gw.test"], false);
    let port = free_port();
    let gw = Gateway::start_in(
        dir,
        &format!(
            "[[listener]]\naddress = \"127.0.0.1:{port}\"\ntls = \"implicit\"\n\n{}\n{}",
            leaf.tls_section(),
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(std::net::SocketAddr::from(([127, 0, 0, 1], port)));
    c.upgrade(client_tls(&pki.ca_pem, None), "gw.test");
    assert!(c.reply().starts_with("220"));
    let ehlo = c.cmd("EHLO client.test");
    assert!(!ehlo.contains("STARTTLS"), "{ehlo}");
    assert!(
        c.transaction(
            "a@tenant.test",
            &["b@sink.test"],
            b"Subject: i\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    let got = sink.wait_count(1, T);
    assert!(String::from_utf8_lossy(&got[0].data).contains("with ESMTPS"));
    drop(gw);
}
