//! Bounces never leak and are never lost: a DSN about a PHI message leaves
//! only at `phi_tls` and names no display name; a DSN the spool cannot take
//! is retried until it can; start-up quarantines only damaged queue files.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

const MRN: &str = "MRN-4417-2290";

/// A referral the shipped rules flag as PHI, addressed to a recipient whose
/// display name carries an MRN.
fn phi_message() -> Vec<u8> {
    let raw =
        String::from_utf8(std::fs::read(repo("tests/corpus/pos_referral_plain.eml")).unwrap())
            .unwrap();
    assert!(
        raw.contains("To: partner0@example.com"),
        "corpus file changed"
    );
    let raw = raw.replace(
        "To: partner0@example.com",
        &format!("To: \"Jane Roe {MRN}\" <nobody@dest.test>"),
    );
    crlf(raw.as_bytes())
}

fn dsns(sink: &Sink) -> Vec<Received> {
    sink.messages
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m.from.is_empty())
        .cloned()
        .collect()
}

fn queued_id(reply: &str) -> String {
    assert!(reply.starts_with("250 2.0.0 Ok: queued as "), "{reply}");
    reply.rsplit(' ').next().unwrap().to_string()
}

/// The queue id of the DSN the gateway queued about message `id`.
fn dsn_of(gw: &Gateway, id: &str) -> String {
    wait_for("a DSN queued", T, || {
        gw.audit()
            .iter()
            .find(|e| e["event"] == "dsn" && e["queue_id"] == id)
            .and_then(|e| e["dsn_queue_id"].as_str().map(str::to_string))
    })
}

/// Sends the PHI message from alice@tenant.test to nobody@dest.test (which
/// refuses it with 550) and returns the DSN's queue id.
fn bounce_phi(gw: &Gateway) -> String {
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail("alice@tenant.test", &["nobody@dest.test"], &phi_message());
    let id = queued_id(&r);
    let scanned = wait_for("scan verdict", T, || {
        gw.audit()
            .into_iter()
            .find(|e| e["event"] == "scanned" && e["queue_id"] == id.as_str())
    });
    assert_eq!(scanned["action"], "secure", "the test message must be PHI");
    dsn_of(gw, &id)
}

/// A sink for dest.test over TLS the gateway can verify, refusing nobody@.
fn dest_sink(pki: &Pki) -> Sink {
    let mut b = Behaviour {
        tls: Some(server_tls(&pki.leaf("dest", &["localhost"], false))),
        ..Behaviour::default()
    };
    b.rcpt_reply
        .insert("nobody@dest.test".into(), "550 5.1.1 no such user".into());
    Sink::start(b)
}

fn route(domain: &str, sink: &Sink) -> String {
    format!(
        "[[delivery.route]]\ndomain = \"{domain}\"\nnext_hop = \"localhost:{}\"\n",
        sink.addr.port()
    )
}

#[test]
fn dsn_about_phi_never_goes_to_a_plaintext_sender_domain() {
    let dir = temp_dir("dsn-floor-plain");
    let pki = Pki::new(&dir, "dest");
    let dest = dest_sink(&pki);
    let tenant = Sink::start(Behaviour::default()); // plaintext only
    let gw = Gateway::start_in(
        dir,
        &format!(
            "[delivery]\nretry = [\"1s\"]\nca_file = \"{}\"\n\n{}\n{}",
            pki.ca_pem.display(),
            route("dest.test", &dest),
            route("tenant.test", &tenant)
        ),
    );
    let dsn = bounce_phi(&gw);
    // Refused below phi_tls: the DSN is handed to the portal, never sent.
    let handoffs = wait_for("the DSN handed to the portal at verify", T, || {
        let d: Vec<_> = gw
            .audit()
            .into_iter()
            .filter(|e| e["queue_id"] == dsn.as_str() && e["event"] == "portal")
            .collect();
        (!d.is_empty()).then_some(d)
    });
    assert!(
        handoffs.iter().all(|e| e["tls_level"] == "verify"),
        "{handoffs:?}"
    );
    assert_eq!(tenant.count(), 0, "a DSN about PHI went out in plaintext");
    assert!(
        gw.audit()
            .iter()
            .all(|e| !(e["queue_id"] == dsn.as_str() && e["event"] == "delivered")),
        "the DSN was delivered"
    );
    // Queued, with the reason an operator needs.
    let list = String::from_utf8_lossy(&gw.cli(&["queue", "list", "--json"]).stdout).to_string();
    let line = list
        .lines()
        .find(|l| l.contains(&dsn))
        .unwrap_or_else(|| panic!("DSN {dsn} not queued: {list}"));
    assert!(line.contains("does not offer STARTTLS"), "{line}");
    let log = gw.log();
    assert!(
        log.lines().any(|l| l.contains(&dsn)
            && l.contains("status=portal")
            && l.contains("does not offer STARTTLS")),
        "no portal line with a reason for the DSN:\n{log}"
    );
}

#[test]
fn dsn_about_phi_goes_over_verified_tls_without_display_names() {
    let dir = temp_dir("dsn-floor-tls");
    let pki = Pki::new(&dir, "dest");
    // One verified-TLS sink takes both domains: nobody@dest.test fails,
    // the DSN to alice@tenant.test is accepted.
    let sink = dest_sink(&pki);
    let gw = Gateway::start_in(
        dir,
        &format!(
            "[delivery]\nretry = [\"1s\"]\nca_file = \"{}\"\n\n{}\n{}",
            pki.ca_pem.display(),
            route("dest.test", &sink),
            route("tenant.test", &sink)
        ),
    );
    let dsn_id = bounce_phi(&gw);
    let dsn = wait_for("the DSN at the sender's domain", T, || {
        dsns(&sink).into_iter().next()
    });
    assert!(dsn.tls, "DSN delivered without TLS");
    assert_eq!(dsn.rcpts, vec!["alice@tenant.test"]);
    let text = String::from_utf8_lossy(&dsn.data).to_string();
    assert!(
        text.contains("Final-Recipient: rfc822; nobody@dest.test")
            && text.contains("Status: 5.1.1"),
        "{text}"
    );
    assert!(text.contains("\r\nTo: nobody@dest.test\r\n"), "{text}");
    assert!(
        text.contains("\r\nFrom: clinic0@riverbend-health.org\r\n"),
        "{text}"
    );
    for leak in [MRN, "Jane Roe", "Fatima", "Referral", "Diagnosis"] {
        assert!(!text.contains(leak), "DSN carries {leak:?}: {text}");
    }
    let delivered = wait_for("DSN delivered event", T, || {
        gw.audit()
            .into_iter()
            .find(|e| e["queue_id"] == dsn_id.as_str() && e["event"] == "delivered")
    });
    assert_eq!(delivered["tls_level"], "verify", "{delivered}");
    assert_eq!(delivered["tls_verified"], "pkix", "{delivered}");
}

#[test]
fn dsn_that_cannot_be_queued_is_retried_until_it_is() {
    let mut b = Behaviour::default();
    b.rcpt_reply.insert(
        "nobody@sink.test".into(),
        "451 4.2.0 try again later".into(),
    );
    let sink = Sink::start(b);
    let gw = Gateway::start(
        "dsn-retry",
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n{}\n{}",
            sink.route("sink.test"),
            sink.route("tenant.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let id = queued_id(&c.send_mail(
        "alice@tenant.test",
        &["nobody@sink.test"],
        b"Subject: x\r\n\r\nx\r\n",
    ));
    wait_for("first attempt deferred", T, || {
        gw.audit()
            .iter()
            .any(|e| e["event"] == "deferred" && e["queue_id"] == id.as_str())
            .then_some(())
    });
    // The spool cannot take new files: a file where incoming/ should be
    // (permissions would not stop root).
    let incoming = gw.dir.join("var/spool/incoming");
    std::fs::remove_dir_all(&incoming).unwrap();
    std::fs::write(&incoming, b"not a directory").unwrap();
    sink.behaviour
        .lock()
        .unwrap()
        .rcpt_reply
        .insert("nobody@sink.test".into(), "550 5.1.1 no such user".into());
    wait_for("two failed tries to queue the DSN", T, || {
        (gw.log().matches("could not queue DSN").count() >= 2).then_some(())
    });
    assert!(dsns(&sink).is_empty());
    assert!(
        gw.dir.join("var/spool/queue").join(&id).is_file(),
        "the original was removed while its DSN is owed"
    );
    std::fs::remove_file(&incoming).unwrap();
    std::fs::create_dir(&incoming).unwrap();
    let dsn = wait_for("the DSN, once the spool works again", T, || {
        dsns(&sink).into_iter().next()
    });
    let text = String::from_utf8_lossy(&dsn.data);
    assert!(
        text.contains("Status: 5.1.1") && text.contains("no such user"),
        "{text}"
    );
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert_eq!(dsns(&sink).len(), 1, "DSN sent more than once");
}

#[test]
fn recovery_keeps_unreadable_files_and_quarantines_damaged_ones() {
    let mut b = Behaviour::default();
    for r in ["a@sink.test", "b@sink.test"] {
        b.rcpt_reply.insert(r.into(), "451 4.2.0 not yet".into());
    }
    let sink = Sink::start(b);
    let mut gw = Gateway::start(
        "recover-io",
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let a = queued_id(&c.transaction(
        "x@tenant.test",
        &["a@sink.test"],
        b"Subject: a\r\n\r\na\r\n",
    ));
    let b = queued_id(&c.transaction(
        "x@tenant.test",
        &["b@sink.test"],
        b"Subject: b\r\n\r\nb\r\n",
    ));
    drop(c);
    wait_for("both deferred", T, || {
        let a_ = gw.audit();
        let n = |id: &str| {
            a_.iter()
                .any(|e| e["event"] == "deferred" && e["queue_id"] == id)
        };
        (n(&a) && n(&b)).then_some(())
    });
    gw.sigterm();
    let queue = gw.dir.join("var/spool/queue");
    let corrupt = gw.dir.join("var/spool/corrupt");
    // a: an I/O error on read (a directory in its place gives EISDIR).
    let saved = gw.dir.join("a.saved");
    std::fs::rename(queue.join(&a), &saved).unwrap();
    std::fs::create_dir(queue.join(&a)).unwrap();
    // b: cut short, as a crash or a bad disk would leave it.
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(queue.join(&b))
        .unwrap();
    let len = f.metadata().unwrap().len();
    f.set_len(len - 5).unwrap();
    drop(f);
    sink.behaviour.lock().unwrap().rcpt_reply.clear();
    gw.spawn();
    assert!(corrupt.join(&b).exists(), "truncated file not quarantined");
    assert!(
        !corrupt.join(&a).exists(),
        "a file that could not be read was quarantined as corrupt"
    );
    assert!(queue.join(&a).is_dir(), "the unreadable file was moved");
    let log = gw.log();
    assert!(
        log.lines()
            .any(|l| l.contains(&a) && l.contains("cannot be read")),
        "unreadable file not logged:\n{log}"
    );
    let audit = gw.audit();
    assert!(
        audit
            .iter()
            .any(|e| e["event"] == "corrupt" && e["queue_id"] == b.as_str())
    );
    assert!(
        !audit
            .iter()
            .any(|e| e["event"] == "corrupt" && e["queue_id"] == a.as_str())
    );
    // The file reads again: the running gateway picks it up and delivers it.
    std::fs::remove_dir(queue.join(&a)).unwrap();
    std::fs::rename(&saved, queue.join(&a)).unwrap();
    let got = wait_for("the once-unreadable message delivered", T, || {
        sink.messages
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.rcpts == ["a@sink.test"])
            .cloned()
    });
    assert!(String::from_utf8_lossy(&got.data).contains("Subject: a"));
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert!(
        !sink
            .messages
            .lock()
            .unwrap()
            .iter()
            .any(|m| m.rcpts == ["b@sink.test"]),
        "a damaged file was delivered"
    );
}
