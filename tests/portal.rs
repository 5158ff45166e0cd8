//! The portal's hand-off, against real peers: a PHI message to a recipient
//! whose server verifies and one whose server speaks only plaintext ends
//! with a TLS delivery to the first, and for the second a sealed portal
//! copy plus a notification that carries nothing of the message. The
//! hand-off survives a crash in the middle without loss or duplicate, and
//! nothing of the message is on disk in plaintext once it has left the
//! spool.

mod common;

use std::time::Duration;

use common::portal::*;
use common::*;

const T: Duration = Duration::from_secs(30);

/// A PHI message (flagged `secure` by the shipped rules) with words that
/// must never be found outside the spool or the portal page.
fn phi_message() -> Vec<u8> {
    crlf(
        b"From: Dr. Ada Kim <dr.kim@riverbend.test>\n\
To: pat@valid.test, pat@plain.test\n\
Subject: Biopsy results for Zebulon Quartermaine\n\
Message-ID: <phi-1@riverbend.test>\n\
MIME-Version: 1.0\n\
Content-Type: multipart/mixed; boundary=b1\n\
\n\
--b1\n\
Content-Type: text/plain; charset=utf-8\n\
\n\
Patient: Zebulon Quartermaine\n\
DOB: 03/14/1961\n\
MRN: MR623811104\n\
SSN: 219-09-9999\n\
Diagnosis: adenocarcinoma (C34.90). Please call to discuss treatment.\n\
--b1\n\
Content-Type: application/octet-stream; name=labs.csv\n\
Content-Disposition: attachment; filename=labs.csv\n\
\n\
name,mrn,value\n\
Zebulon Quartermaine,MR623811104,Xylophonic-marker-77\n\
--b1--\n",
    )
}

const SECRETS: &[&str] = &[
    "Zebulon",
    "Quartermaine",
    "MR623811104",
    "219-09-9999",
    "adenocarcinoma",
    "Xylophonic",
    "Biopsy",
];

fn send_phi(w: &PortalWorld) -> String {
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let r = c.send_mail(
        "dr.kim@riverbend.test",
        &["pat@valid.test", "pat@plain.test"],
        &phi_message(),
    );
    assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
    r.rsplit(' ').next().unwrap().to_string()
}

/// Every file under `dir` (recursively) with its bytes.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else if let Ok(b) = std::fs::read(&p) {
            out.push((p, b));
        }
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn phi_goes_by_tls_where_it_can_and_to_the_portal_where_it_cannot() {
    let w = PortalWorld::start("portal-e2e");
    let id = send_phi(&w);
    // The verifiable recipient: delivered over TLS, the message itself.
    let got = w.valid.wait_count(1, T);
    assert!(got[0].tls, "PHI to valid.test came in plaintext");
    assert!(contains(&got[0].data, "Zebulon"));
    // The other: a notification, in plaintext, with nothing of the message.
    let note = w.plain_message(0);
    assert!(!w.plain.messages.lock().unwrap()[0].tls);
    for s in SECRETS {
        assert!(!note.contains(s), "the notification carries `{s}`:\n{note}");
    }
    assert!(
        !note.contains("Ada Kim"),
        "the notification names the sender"
    );
    assert!(
        note.contains(&format!("Subject: Secure message from {ORG}")),
        "{note}"
    );
    let link = link_in(&note);
    assert!(link.starts_with(&format!("{}/m/", w.base_url)), "{link}");
    let token = link.rsplit('/').next().unwrap();
    assert!(token.len() >= 22, "a token of at least 128 bits: {token}");
    // The portal holds it; the queue no longer does.
    let list = w.portal_list();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["state"], "active");
    assert_eq!(list[0]["recipient"], "pat@plain.test");
    assert_eq!(list[0]["queue_id"], id.as_str());
    assert_eq!(list[0]["notified"], true);
    wait_for("the message to leave the queue", T, || {
        (w.gw.queue_len() == 0).then_some(())
    });
    // Nothing of the message is on disk in plaintext now: not the sealed
    // file, not the database, not its journal.
    let files = files_under(&w.dir.join("var"));
    assert!(
        files
            .iter()
            .any(|(p, _)| p.extension().is_some_and(|e| e == "sg"))
    );
    for (p, bytes) in &files {
        for s in SECRETS {
            assert!(
                !contains(bytes, s),
                "{} holds `{s}` in plaintext",
                p.display()
            );
        }
    }
    // The audit log says what happened without content or the address.
    let audit = w.gw.audit();
    let stored = audit
        .iter()
        .find(|e| e["event"] == "portal_stored")
        .expect("portal_stored event");
    assert_eq!(stored["queue_id"], id.as_str());
    assert!(audit.iter().any(|e| e["event"] == "portal_notified"));
    let text = w.gw.audit_text();
    for s in SECRETS {
        assert!(!text.contains(s), "the audit log holds `{s}`");
    }
}

#[test]
fn hand_off_repeated_after_a_crash_neither_loses_nor_duplicates() {
    // Portal off: the recipient waits in the queue in state `portal`.
    let mut w = PortalWorld::start_with("portal-crash", false, "");
    let id = send_phi(&w);
    w.valid.wait_count(1, T);
    wait_for("recipient held for the portal", T, || {
        let out = w.gw.cli(&["queue", "show", &id]);
        String::from_utf8_lossy(&out.stdout)
            .contains("\"state\": \"portal\"")
            .then_some(())
    });
    w.gw.sigterm();
    // Keep the queue as it was just before the hand-off.
    let spool = w.dir.join("var/spool");
    let saved = files_under(&spool);
    // Portal on: the hand-off happens.
    w.enable_portal("");
    w.gw.spawn();
    w.plain.wait_count(1, T);
    wait_for("the portal record", T, || {
        (w.portal_list().len() == 1).then_some(())
    });
    wait_for("the message to leave the queue", T, || {
        (w.gw.queue_len() == 0).then_some(())
    });
    // A crash right after the portal committed, before the queue said so:
    // put the queue back as it was and start again.
    w.gw.kill9();
    for (p, bytes) in &saved {
        if p.file_name()
            .is_some_and(|n| n == "control.sock" || n == "lock")
        {
            continue;
        }
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    assert!(w.gw.queue_len() >= 1, "the queue holds the message again");
    w.gw.spawn();
    wait_for("the repeated hand-off to settle", T, || {
        (w.gw.queue_len() == 0).then_some(())
    });
    let list = w.portal_list();
    assert_eq!(list.len(), 1, "one portal message, not two: {list:?}");
    // An empty queue means any notification queued was delivered, so the
    // sink's count is final.
    assert_eq!(w.plain.count(), 1, "one notification, not two");
    assert_eq!(
        w.valid.count(),
        1,
        "the TLS recipient was not sent it again"
    );
    let audit = w.gw.audit();
    assert_eq!(
        audit
            .iter()
            .filter(|e| e["event"] == "portal_stored")
            .count(),
        1
    );
}

#[test]
fn revoked_message_is_gone_from_disk_and_audited() {
    let w = PortalWorld::start("portal-revoke");
    send_phi(&w);
    w.plain.wait_count(1, T);
    let pid = wait_for("the portal record", T, || {
        w.portal_list()
            .first()
            .and_then(|r| r["id"].as_str().map(str::to_string))
    });
    let sealed = w.dir.join(format!("var/portal/sealed/{pid}.sg"));
    assert!(sealed.exists());
    let out = w.gw.cli(&["portal", "revoke", &pid]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!sealed.exists(), "revoking deletes the ciphertext");
    assert_eq!(w.portal_list()[0]["state"], "revoked");
    // The running gateway moves the CLI's events into its audit log.
    wait_for("portal_revoked in the audit log", T, || {
        w.gw.audit()
            .iter()
            .any(|e| e["event"] == "portal_revoked" && e["portal_id"] == pid.as_str())
            .then_some(())
    });
    let again = w.gw.cli(&["portal", "revoke", &pid]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already"));
    let missing = w.gw.cli(&["portal", "show", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
}
