//! Logs an operator can work from: one line per recipient per delivery
//! attempt with the facts Postfix gives, a reason on every deferral and
//! bounce, recipients named as `log.recipients` says, lines that stay short
//! however long a session runs, and no Rust debug names anywhere.

mod common;

use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

fn queued_id(reply: &str) -> String {
    assert!(reply.starts_with("250 2.0.0 Ok: queued as "), "{reply}");
    reply.rsplit(' ').next().unwrap().to_string()
}

/// The per-recipient delivery lines of message `id`.
fn delivery_lines(gw: &Gateway, id: &str) -> Vec<String> {
    gw.log()
        .lines()
        .filter(|l| l.contains(id) && l.contains(" delivery to="))
        .map(str::to_string)
        .collect()
}

fn sha16(s: &str) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, s.as_bytes());
    d.as_ref()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn one_line_per_recipient_per_attempt_with_the_reason() {
    let dir = temp_dir("logs-lines");
    let pki = Pki::new(&dir, "sink");
    let mut b = Behaviour {
        tls: Some(server_tls(&pki.leaf("sink", &["localhost"], false))),
        ..Behaviour::default()
    };
    b.rcpt_reply
        .insert("nobody@sink.test".into(), "550 5.1.1 no such user".into());
    b.rcpt_reply
        .insert("later@sink.test".into(), "451 4.2.0 try again later".into());
    let sink = Sink::start(b);
    let port = sink.addr.port();
    let gw = Gateway::start_in(
        dir,
        &format!(
            "[delivery]\nretry = [\"1s\"]\nca_file = \"{}\"\n\n\
             [[delivery.route]]\ndomain = \"sink.test\"\nnext_hop = \"localhost:{port}\"\ntls = \"verify\"\n\n\
             [[delivery.route]]\ndomain = \"tenant.test\"\nnext_hop = \"localhost:{port}\"\n\n\
             [[delivery.route]]\ndomain = \"held.test\"\ntls = \"portal\"\n",
            pki.ca_pem.display()
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let id = queued_id(&c.send_mail(
        "alice@tenant.test",
        &[
            "ok@sink.test",
            "nobody@sink.test",
            "later@sink.test",
            "x@held.test",
        ],
        b"Subject: s\r\n\r\nx\r\n",
    ));
    // Two attempts at least: the deferred recipients get a line each time.
    let lines = wait_for("two attempts logged", T, || {
        let l = delivery_lines(&gw, &id);
        (l.iter().filter(|l| l.contains("dsn=4.2.0")).count() >= 2).then_some(l)
    });
    let relay = format!("relay=localhost[127.0.0.1]:{port}");
    let one = |what: &str, f: &dyn Fn(&String) -> bool| -> String {
        let m: Vec<&String> = lines.iter().filter(|l| f(l)).collect();
        assert_eq!(
            m.len(),
            1,
            "{what}: want one line, got {m:#?}\nall: {lines:#?}"
        );
        m[0].clone()
    };
    let sent = one("sent", &|l| l.contains("status=sent"));
    for field in [
        "to=sink.test ",
        relay.as_str(),
        "delay=",
        "dsn=2.0.0",
        "tls=TLSv1.3",
        "cipher=TLS_",
        "verified=pkix",
        "reply=\"250 2.0.0 ok\"",
    ] {
        assert!(sent.contains(field), "sent line lacks {field}: {sent}");
    }
    let bounced = one("bounced", &|l| l.contains("status=bounced"));
    for field in [
        "to=sink.test ",
        relay.as_str(),
        "dsn=5.1.1",
        "reason=\"550 5.1.1 no such user\"",
        "verified=pkix",
    ] {
        assert!(
            bounced.contains(field),
            "bounce line lacks {field}: {bounced}"
        );
    }
    let deferred: Vec<&String> = lines.iter().filter(|l| l.contains("dsn=4.2.0")).collect();
    for d in &deferred {
        assert!(
            d.contains("status=deferred") && d.contains("said: 451 4.2.0 try again later"),
            "{d}"
        );
    }
    let held: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("to=held.test"))
        .collect();
    // Handed to the portal once, and never tried by SMTP again.
    assert_eq!(held.len(), 1, "{lines:#?}");
    assert!(
        held.iter().all(|l| l.contains("status=portal")
            && l.contains("relay=none")
            && l.contains("reason=\"handed to the portal: the admin")),
        "{held:#?}"
    );
    // Every deferral and bounce says why.
    for l in &lines {
        if !l.contains("status=sent") {
            assert!(l.contains("reason=\""), "no reason: {l}");
        }
    }
    // Default `log.recipients = "domain"`: no local part in the log.
    let log = gw.log();
    for local in ["ok@", "nobody@", "later@", "x@held"] {
        assert!(!log.contains(local), "log names {local}: {log}");
    }
    // The audit records carry the same TLS facts.
    let delivered = wait_for("delivered/failed audit record", T, || {
        gw.audit().into_iter().find(|e| {
            e["queue_id"] == id.as_str()
                && e["recipient_domain"] == "sink.test"
                && e["delivered"] == 1
        })
    });
    assert_eq!(delivered["tls_version"], "TLSv1.3", "{delivered}");
    assert!(
        delivered["tls_cipher"]
            .as_str()
            .is_some_and(|c| c.starts_with("TLS_") && !c.starts_with("TLS13_")),
        "{delivered}"
    );
    assert_eq!(delivered["tls_verified"], "pkix", "{delivered}");
}

#[test]
fn recipients_logged_in_full_or_hashed_when_configured() {
    for (how, want) in [
        ("full", "to=ok@sink.test ".to_string()),
        ("hash", format!("to=sha256:{} ", sha16("ok@sink.test"))),
    ] {
        let sink = Sink::start(Behaviour::default());
        let gw = Gateway::start(
            &format!("logs-{how}"),
            &format!(
                "[log]\nrecipients = \"{how}\"\n\n{}",
                sink.route("sink.test")
            ),
        );
        let mut c = Client::connect(gw.addr());
        c.reply();
        let id = queued_id(&c.send_mail(
            "a@tenant.test",
            &["ok@sink.test"],
            b"Subject: s\r\n\r\nx\r\n",
        ));
        let lines = wait_for("the delivery line", T, || {
            let l = delivery_lines(&gw, &id);
            (!l.is_empty()).then_some(l)
        });
        assert!(
            lines[0].contains(&want) && lines[0].contains("status=sent"),
            "{how}: want {want}: {lines:#?}"
        );
        assert!(
            lines[0].contains("tls=none") && lines[0].contains("verified=none"),
            "{lines:#?}"
        );
        if how == "hash" {
            assert!(
                !gw.log().contains("ok@sink.test"),
                "hash mode logged the address"
            );
        }
    }
}

#[test]
fn a_long_session_keeps_every_log_line_short() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("logs-long", &sink.route("sink.test"));
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    for i in 0..300 {
        let r = c.transaction(
            "a@tenant.test",
            &["b@sink.test"],
            format!("Subject: {i}\r\n\r\nx\r\n").as_bytes(),
        );
        assert!(r.starts_with("250"), "{i}: {r}");
    }
    c.cmd("QUIT");
    sink.wait_count(300, Duration::from_secs(60));
    let log = gw.log();
    let longest = log.lines().map(str::len).max().unwrap_or(0);
    assert!(
        longest <= 2048,
        "a log line of {longest} bytes: {}",
        log.lines().max_by_key(|l| l.len()).unwrap_or("")
    );
    // Each message's lines still carry its queue id.
    let queued: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("sealgate::smtp::receive: queued "))
        .collect();
    assert_eq!(queued.len(), 300, "one 'queued' line per message");
    assert!(queued.iter().all(|l| l.matches("queue_id=").count() == 1));
}

#[test]
fn no_rust_debug_names_in_logs_or_received_headers() {
    let dir = temp_dir("logs-names");
    let gw_pki = Pki::new(&dir, "gw");
    let gw_leaf = gw_pki.leaf("server", &["gw.test"], false);
    let pki = Pki::new(&dir, "dest");
    let good = Sink::start(Behaviour {
        tls: Some(server_tls(&pki.leaf("good", &["localhost"], false))),
        ..Behaviour::default()
    });
    // A next hop whose certificate is a CA certificate (trusted, even).
    let ca_leaf = ca_as_server_certificate(&dir, "caleaf", &["localhost"]);
    let bad = Sink::start(Behaviour {
        tls: Some(server_tls(&ca_leaf)),
        ..Behaviour::default()
    });
    let bundle = dir.join("bundle.pem");
    std::fs::write(
        &bundle,
        [
            std::fs::read(&pki.ca_pem).unwrap(),
            std::fs::read(&ca_leaf.cert).unwrap(),
        ]
        .concat(),
    )
    .unwrap();
    let gw = Gateway::start_in(
        dir,
        &format!(
            "{}\n[delivery]\nretry = [\"1s\"]\nca_file = \"{}\"\n\n\
             [[delivery.route]]\ndomain = \"good.test\"\nnext_hop = \"localhost:{}\"\ntls = \"verify\"\n\n\
             [[delivery.route]]\ndomain = \"bad.test\"\nnext_hop = \"localhost:{}\"\ntls = \"verify\"\n",
            gw_leaf.tls_section(),
            bundle.display(),
            good.addr.port(),
            bad.addr.port()
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    c.starttls(client_tls(&gw_pki.ca_pem, None), "gw.test");
    c.cmd("EHLO client.test");
    let good_id = queued_id(&c.transaction(
        "a@tenant.test",
        &["x@good.test"],
        b"Subject: g\r\n\r\nx\r\n",
    ));
    let bad_id =
        queued_id(&c.transaction("a@tenant.test", &["y@bad.test"], b"Subject: b\r\n\r\nx\r\n"));
    let got = good.wait_count(1, T).remove(0);
    let text = String::from_utf8_lossy(&got.data).to_string();
    let received = &text[..text.find("\r\n\r\n").unwrap_or(text.len())];
    assert!(
        received.contains("(using TLSv1.3 with cipher TLS_"),
        "{received}"
    );
    let deferral = wait_for("the CA-as-server deferral", T, || {
        delivery_lines(&gw, &bad_id)
            .into_iter()
            .find(|l| l.contains("status=deferred"))
    });
    assert!(
        deferral.contains("dsn=4.7.5") && deferral.contains("CA certificate"),
        "{deferral}"
    );
    // The sink has the message before the gateway has its 250 and logs
    // the delivery: wait for the line rather than expect it already.
    wait_for("the good delivery's log line", T, || {
        (!delivery_lines(&gw, &good_id).is_empty()).then_some(())
    });
    let log = gw.log();
    assert!(
        log.lines()
            .any(|l| l.contains("listening") && l.contains("tls=starttls")),
        "{log}"
    );
    let audit = gw.audit_text();
    let list = String::from_utf8_lossy(&gw.cli(&["queue", "list", "--json"]).stdout).to_string();
    for debug_name in [
        "TLSv1_3",
        "TLSv1_2",
        "TLS13_",
        "Starttls",
        "CaUsedAsEndEntity",
        "OtherError",
        "InvalidCertificate",
    ] {
        assert!(!log.contains(debug_name), "log has {debug_name}:\n{log}");
        assert!(!received.contains(debug_name), "Received has {debug_name}");
        assert!(!audit.contains(debug_name), "audit has {debug_name}");
        assert!(!list.contains(debug_name), "queue list has {debug_name}");
    }
}
