//! End-to-end relay behaviour over real sockets: the sealgate binary between
//! an SMTP client and an SMTP sink.

mod common;

use std::net::Ipv4Addr;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

fn body() -> Vec<u8> {
    b"From: Alice <alice@tenant.test>\r\nTo: bob@sink.test\r\nSubject: lab results\r\nMessage-ID: <1@tenant.test>\r\n\r\nLine one\r\n.leading dot\r\n..two dots\r\n\r\nlast line without dot\r\n"
        .to_vec()
}

#[test]
fn relayed_message_arrives_byte_for_byte_with_one_trace_header() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("bytes", &sink.route("sink.test"));
    let mut c = Client::connect(gw.addr());
    assert!(c.reply().starts_with("220 gw.test"));
    let r = c.send_mail("alice@tenant.test", &["bob@sink.test"], &body());
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let got = sink.wait_count(1, T).remove(0);
    assert_eq!(got.from, "alice@tenant.test");
    assert_eq!(got.rcpts, vec!["bob@sink.test"]);
    let text = String::from_utf8(got.data.clone()).unwrap();
    assert!(
        text.starts_with(
            "Received: from client.test ([127.0.0.1])\r\n\tby gw.test (sealgate) with ESMTP id "
        ),
        "{text}"
    );
    let header_end = text.find("\r\n\r\n").unwrap();
    let _ = header_end;
    // Strip exactly our trace header (it ends at the first line that is not a continuation).
    let mut rest = &got.data[..];
    let first_nl = rest.iter().position(|b| *b == b'\n').unwrap();
    rest = &rest[first_nl + 1..];
    while rest.starts_with(b"\t") || rest.starts_with(b" ") {
        let nl = rest.iter().position(|b| *b == b'\n').unwrap();
        rest = &rest[nl + 1..];
    }
    assert_eq!(rest, &body()[..], "content changed in transit");
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    let events: Vec<String> = gw
        .audit()
        .iter()
        .map(|e| e["event"].as_str().unwrap_or("").to_string())
        .collect();
    for e in ["scanned", "received", "delivered"] {
        assert!(
            events.contains(&e.to_string()),
            "audit lacks {e}: {events:?}"
        );
    }
    let audit = gw.audit_text();
    assert!(
        !audit.contains("lab results") && !audit.contains("Line one"),
        "content leaked into the audit log"
    );
    assert!(
        !gw.log().contains("lab results"),
        "content leaked into the log"
    );
}

#[test]
fn starttls_with_a_certificate_from_a_test_ca() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("starttls");
    let pki = Pki::new(&dir, "gw");
    let leaf = pki.leaf("server", &["gw.test"], false);
    let gw = Gateway::start_in(
        dir,
        &format!("{}\n{}", leaf.tls_section(), sink.route("sink.test")),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let ehlo = c.cmd("EHLO client.test");
    assert!(ehlo.contains("STARTTLS"), "{ehlo}");
    c.starttls(client_tls(&pki.ca_pem, None), "gw.test");
    let ehlo = c.cmd("EHLO client.test");
    assert!(!ehlo.contains("STARTTLS"), "STARTTLS offered twice: {ehlo}");
    let r = c.transaction(
        "alice@tenant.test",
        &["bob@sink.test"],
        b"Subject: t\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let got = sink.wait_count(1, T).remove(0);
    let text = String::from_utf8_lossy(&got.data);
    assert!(text.contains("with ESMTPS id"), "{text}");
    assert!(text.contains("(using TLSv1.3 with cipher TLS_"), "{text}");
}

/// Client certificates: the chain must verify AND the name must match.
#[test]
fn client_certificate_authorizes_relay_from_an_unlisted_address() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("clientcert");
    let server_pki = Pki::new(&dir, "server");
    let leaf = server_pki.leaf("server", &["gw.test"], false);
    let tenant_pki = Pki::new(&dir, "tenant");
    let good = tenant_pki.leaf("good", &["relay1.mail.protection.outlook.test"], true);
    let wrong_name = tenant_pki.leaf("wrong", &["relay1.evil.test"], true);
    let rogue_pki = Pki::new(&dir, "rogue");
    let rogue = rogue_pki.leaf("rogue", &["relay1.mail.protection.outlook.test"], true);
    let gw = Gateway::start_in(
        dir,
        &format!(
            "{}client_ca = \"{}\"\n\n[relay]\nallowed_networks = []\nallowed_client_certs = [\"*.mail.protection.outlook.test\"]\n\n{}",
            leaf.tls_section(),
            tenant_pki.ca_pem.display(),
            sink.route("sink.test")
        ),
    );
    let attempt = |cert: Option<&Leaf>| -> String {
        let mut c = Client::connect_from(gw.addr(), Some(Ipv4Addr::new(127, 0, 0, 2)));
        c.reply();
        c.cmd("EHLO client.test");
        c.starttls(client_tls(&server_pki.ca_pem, cert), "gw.test");
        c.cmd("EHLO client.test");
        c.cmd("MAIL FROM:<a@tenant.test>");
        c.cmd("RCPT TO:<b@sink.test>")
    };
    assert!(
        attempt(Some(&good)).starts_with("250"),
        "verified, matching certificate must relay"
    );
    assert!(
        attempt(None).starts_with("550 5.7.1"),
        "no certificate, unlisted address"
    );
    assert!(
        attempt(Some(&wrong_name)).starts_with("550 5.7.1"),
        "name does not match"
    );
    // A certificate from an unknown CA fails the handshake itself.
    let mut c = Client::connect_from(gw.addr(), Some(Ipv4Addr::new(127, 0, 0, 2)));
    c.reply();
    c.cmd("EHLO client.test");
    c.cmd("STARTTLS");
    let cfg = client_tls(&server_pki.ca_pem, Some(&rogue));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        c.upgrade(cfg, "gw.test");
        c.cmd("EHLO client.test")
    }));
    assert!(
        outcome.map(|r| !r.starts_with("250")).unwrap_or(true),
        "rogue CA accepted"
    );
}

fn argon2_hash(pw: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let salt = SaltString::from_b64("dGVzdHNhbHR0ZXN0c2FsdA").unwrap();
    argon2::Argon2::default()
        .hash_password(pw.as_bytes(), &salt)
        .unwrap()
        .to_string()
}

#[test]
fn auth_is_offered_and_accepted_only_after_tls() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("auth");
    let pki = Pki::new(&dir, "gw");
    let leaf = pki.leaf("server", &["gw.test"], false);
    let gw = Gateway::start_in(
        dir,
        &format!(
            "{}\n[relay]\nallowed_networks = []\n[[relay.user]]\nname = \"tenant-relay\"\npassword_hash = \"{}\"\n\n{}",
            leaf.tls_section(),
            argon2_hash("correct horse"),
            sink.route("sink.test")
        ),
    );
    use base64ct::{Base64, Encoding};
    let plain = |u: &str, p: &str| Base64::encode_string(format!("\0{u}\0{p}").as_bytes());
    let mut c = Client::connect(gw.addr());
    c.reply();
    let ehlo = c.cmd("EHLO client.test");
    assert!(!ehlo.contains("AUTH"), "AUTH offered in plaintext: {ehlo}");
    let r = c.cmd(&format!(
        "AUTH PLAIN {}",
        plain("tenant-relay", "correct horse")
    ));
    assert!(r.starts_with("538 5.7.11"), "{r}");
    c.starttls(client_tls(&pki.ca_pem, None), "gw.test");
    let ehlo = c.cmd("EHLO client.test");
    assert!(ehlo.contains("AUTH PLAIN LOGIN"), "{ehlo}");
    c.cmd("MAIL FROM:<a@tenant.test>");
    assert!(
        c.cmd("RCPT TO:<b@sink.test>").starts_with("550 5.7.1"),
        "relayed before AUTH"
    );
    c.cmd("RSET");
    let r = c.cmd(&format!("AUTH PLAIN {}", plain("tenant-relay", "wrong")));
    assert!(r.starts_with("535 5.7.8"), "{r}");
    let r = c.cmd("AUTH LOGIN");
    assert!(r.starts_with("334"), "{r}");
    let r = c.cmd(&Base64::encode_string(b"tenant-relay"));
    assert!(r.starts_with("334"), "{r}");
    let r = c.cmd(&Base64::encode_string(b"correct horse"));
    assert!(r.starts_with("235 2.7.0"), "{r}");
    let r = c.transaction(
        "a@tenant.test",
        &["b@sink.test"],
        b"Subject: x\r\n\r\ny\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let got = sink.wait_count(1, T).remove(0);
    assert!(String::from_utf8_lossy(&got.data).contains("with ESMTPSA"));
}

#[test]
fn pipelined_commands_are_answered_in_order() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("pipelining", &sink.route("sink.test"));
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(c.cmd("EHLO client.test").contains("PIPELINING"));
    c.send(
        b"MAIL FROM:<a@tenant.test>\r\nRCPT TO:<b@sink.test>\r\nRCPT TO:<bad address>\r\nRCPT TO:<c@sink.test>\r\nDATA\r\n",
    );
    let replies: Vec<String> = (0..5).map(|_| c.reply()).collect();
    assert!(replies[0].starts_with("250 2.1.0"), "{replies:?}");
    assert!(replies[1].starts_with("250 2.1.5"), "{replies:?}");
    assert!(replies[2].starts_with("501"), "{replies:?}");
    assert!(replies[3].starts_with("250 2.1.5"), "{replies:?}");
    assert!(replies[4].starts_with("354"), "{replies:?}");
    c.send(b"Subject: p\r\n\r\nbody\r\n.\r\nMAIL FROM:<a@tenant.test>\r\nRCPT TO:<d@sink.test>\r\nDATA\r\n");
    assert!(c.reply().starts_with("250 2.0.0"));
    assert!(c.reply().starts_with("250 2.1.0"));
    assert!(c.reply().starts_with("250 2.1.5"));
    assert!(c.reply().starts_with("354"));
    c.send(b"Subject: q\r\n\r\nsecond\r\n.\r\nQUIT\r\n");
    assert!(c.reply().starts_with("250 2.0.0"));
    assert!(c.reply().starts_with("221"));
    let got = sink.wait_count(2, T);
    let mut all: Vec<Vec<String>> = got.iter().map(|m| m.rcpts.clone()).collect();
    all.sort();
    assert_eq!(
        all,
        vec![
            vec!["b@sink.test".to_string(), "c@sink.test".to_string()],
            vec!["d@sink.test".to_string()]
        ]
    );
}

#[test]
fn bdat_chunks_make_one_message() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("bdat", &sink.route("sink.test"));
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(c.cmd("EHLO client.test").contains("CHUNKING"));
    c.cmd("MAIL FROM:<a@tenant.test>");
    c.cmd("RCPT TO:<b@sink.test>");
    let part1 = b"Subject: chunks\r\n\r\n.first line starts with a dot\r\n";
    let part2 = b"second chunk\r\n";
    c.send(format!("BDAT {}\r\n", part1.len()).as_bytes());
    c.send(part1);
    assert!(c.reply().starts_with("250"), "chunk 1");
    // Pipelined: the LAST chunk and a following NOOP in one write.
    let mut w = format!("BDAT {} LAST\r\n", part2.len()).into_bytes();
    w.extend_from_slice(part2);
    w.extend_from_slice(b"NOOP\r\n");
    c.send(&w);
    let r = c.reply();
    assert!(r.starts_with("250 2.0.0 Ok: queued"), "{r}");
    assert!(
        c.reply().starts_with("250 2.0.0 Ok"),
        "NOOP after BDAT LAST"
    );
    let got = sink.wait_count(1, T).remove(0);
    let text = String::from_utf8(got.data).unwrap();
    assert!(
        text.ends_with("Subject: chunks\r\n\r\n.first line starts with a dot\r\nsecond chunk\r\n"),
        "{text:?}"
    );
}

#[test]
fn deferred_then_delivered_and_done_recipients_are_not_resent() {
    let mut b = Behaviour::default();
    b.rcpt_reply
        .insert("later@sink.test".into(), "451 4.2.0 try again".into());
    let sink = Sink::start(b);
    let gw = Gateway::start(
        "defer",
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "a@tenant.test",
        &["now@sink.test", "later@sink.test"],
        b"Subject: d\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let first = sink.wait_count(1, T);
    assert_eq!(first[0].rcpts, vec!["now@sink.test"]);
    // Still queued with one pending recipient and the remote's reason.
    let out = gw.cli(&["queue", "list", "--json"]);
    let line = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        line.contains("\"pending\":1") && line.contains("4.2.0"),
        "{line}"
    );
    sink.behaviour.lock().unwrap().rcpt_reply.clear();
    let all = sink.wait_count(2, T);
    assert_eq!(
        all[1].rcpts,
        vec!["later@sink.test"],
        "only the deferred recipient is retried"
    );
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(sink.count(), 2, "a delivered recipient was sent again");
}

#[test]
fn permanent_failure_produces_a_dsn_to_the_sender() {
    let mut b = Behaviour::default();
    b.rcpt_reply
        .insert("nobody@sink.test".into(), "550 5.1.1 no such user".into());
    let sink = Sink::start(b);
    let gw = Gateway::start(
        "dsn",
        &format!("{}\n{}", sink.route("sink.test"), sink.route("tenant.test")),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    c.cmd("MAIL FROM:<alice@tenant.test> ENVID=env+2D42");
    c.cmd("RCPT TO:<nobody@sink.test> ORCPT=rfc822;nobody@sink.test");
    c.cmd("RCPT TO:<ok@sink.test>");
    c.cmd("DATA");
    c.send(
        b"Subject: Jane Doe diagnosis\r\nMessage-ID: <m1@tenant.test>\r\n\r\nsecret body\r\n.\r\n",
    );
    assert!(c.reply().starts_with("250"));
    let msgs = sink.wait_count(2, T);
    let dsn = msgs
        .iter()
        .find(|m| m.from.is_empty())
        .expect("a DSN from the null sender");
    assert_eq!(dsn.rcpts, vec!["alice@tenant.test"]);
    let text = String::from_utf8_lossy(&dsn.data);
    assert!(
        text.contains("multipart/report; report-type=delivery-status"),
        "{text}"
    );
    assert!(
        text.contains("Final-Recipient: rfc822; nobody@sink.test"),
        "{text}"
    );
    assert!(
        text.contains("Original-Recipient: rfc822;nobody@sink.test"),
        "{text}"
    );
    assert!(text.contains("Original-Envelope-Id: env+2D42"), "{text}");
    assert!(
        text.contains("Action: failed") && text.contains("Status: 5.1.1"),
        "{text}"
    );
    assert!(
        text.contains("Diagnostic-Code: smtp; 550 5.1.1 no such user"),
        "{text}"
    );
    assert!(text.contains("Message-ID: <m1@tenant.test>"), "{text}");
    assert!(
        !text.contains("Jane Doe") && !text.contains("secret body"),
        "DSN returned PHI: {text}"
    );
    assert!(
        !text.contains("ok@sink.test"),
        "delivered recipient listed in DSN"
    );
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
}

#[test]
fn mx_lookup_through_a_test_dns_server_falls_back_to_the_second_mx() {
    // Both MX hosts use the same port; nothing listens on 127.0.0.3.
    let sink = Sink::start(Behaviour::default());
    let port = sink.addr.port();
    let mut zone = Zone::default();
    zone.mx.insert(
        "dest.test".into(),
        vec![(10, "mx1.dest.test".into()), (20, "mx2.dest.test".into())],
    );
    zone.a
        .insert("mx1.dest.test".into(), vec![Ipv4Addr::new(127, 0, 0, 3)]);
    zone.a
        .insert("mx2.dest.test".into(), vec![Ipv4Addr::new(127, 0, 0, 1)]);
    // No MX: the implicit MX is the domain's own A record.
    zone.a
        .insert("plain.test".into(), vec![Ipv4Addr::new(127, 0, 0, 1)]);
    let dns = Dns::start(zone);
    let gw = Gateway::start(
        "mx",
        &format!(
            "[delivery]\nretry = [\"1s\"]\nnameservers = [\"{}\"]\nsmtp_port = {port}\nconnect_timeout = \"2s\"\n",
            dns.addr
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "a@tenant.test",
        &["x@dest.test", "y@plain.test"],
        b"Subject: mx\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let got = sink.wait_count(2, T);
    let mut rcpts: Vec<String> = got.iter().flat_map(|m| m.rcpts.clone()).collect();
    rcpts.sort();
    assert_eq!(rcpts, vec!["x@dest.test", "y@plain.test"]);
    assert!(
        gw.log().contains("mx1.dest.test"),
        "first MX was not tried first"
    );
    // A domain that does not exist fails at once with a DSN-worthy 5.1.2.
    let r = c.transaction(
        "a@tenant.test",
        &["z@nowhere.test"],
        b"Subject: nx\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    wait_for("NXDOMAIN recipient failed", T, || {
        gw.audit()
            .iter()
            .any(|e| e["event"] == "failed" && e["recipient_domain"] == "nowhere.test")
            .then_some(())
    });
}
