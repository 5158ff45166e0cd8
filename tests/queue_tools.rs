//! The queue tools an operator expects: flush, `--all` and `--domain`, ids
//! in either case, a held message that `retry` does not silently release, a
//! `mailq` view, output into a closed pipe without a panic, and every edit
//! (online or offline) audited with who made it.

mod common;

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn items(gw: &Gateway) -> Vec<serde_json::Value> {
    let out = gw.cli(&["queue", "list", "--json"]);
    text(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn uid() -> u64 {
    // SAFETY: getuid cannot fail.
    u64::from(unsafe { libc::getuid() })
}

fn cli_as(gw: &Gateway, sudo_user: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--config")
        .arg(&gw.config)
        .args(args)
        .env("SUDO_USER", sudo_user)
        .output()
        .unwrap()
}

fn busy() -> String {
    "450 4.2.1 mailbox busy".to_string()
}

#[test]
fn flush_all_domain_and_held_messages_on_a_running_gateway() {
    let mut b = Behaviour::default();
    for a in ["a@slow.test", "b@busy.test", "c@busy.test"] {
        b.rcpt_reply.insert(a.into(), busy());
    }
    let sink = Sink::start(b);
    let gw = Gateway::start(
        "qt-online",
        &format!(
            "[delivery]\nretry = [\"1h\"]\n\n{}\n{}",
            sink.route("slow.test"),
            sink.route("busy.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(c.cmd("EHLO client.test").starts_with("250"));
    for to in ["a@slow.test", "b@busy.test", "c@busy.test"] {
        let r = c.transaction("staff@tenant.test", &[to], b"Subject: q\r\n\r\nx\r\n");
        assert!(r.starts_with("250"), "{r}");
    }
    // Each tried once and deferred; the next try is an hour away.
    let listed = wait_for("three deferred messages", T, || {
        let v = items(&gw);
        (v.len() == 3 && v.iter().all(|i| i["attempts"] == 1)).then_some(v)
    });
    let slow = listed[0]["id"].as_str().unwrap().to_string();

    // The mailq view: the message line, then each pending recipient and why.
    let out = gw.cli(&["queue", "list"]);
    let view = text(&out.stdout);
    assert!(view.contains("NEXT ATTEMPT"), "{view}");
    let block: Vec<&str> = view
        .lines()
        .skip_while(|l| !l.starts_with(&slow))
        .take(2)
        .collect();
    assert!(
        block.len() == 2 && block[0].contains("staff@tenant.test"),
        "{view}"
    );
    assert!(
        block[1].contains("a@slow.test") && block[1].contains("4.2.1 mailbox busy"),
        "{view}"
    );
    assert!(view.contains("3 message(s)"), "{view}");

    // --domain: only the messages waiting for busy.test are tried now.
    sink.behaviour
        .lock()
        .unwrap()
        .rcpt_reply
        .retain(|k, _| k.ends_with("@slow.test"));
    let out = gw.cli(&["queue", "retry", "--domain", "BUSY.test"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 message(s)"));
    let got = sink.wait_count(2, T);
    let mut rcpts: Vec<String> = got.iter().flat_map(|m| m.rcpts.clone()).collect();
    rcpts.sort();
    assert_eq!(rcpts, vec!["b@busy.test", "c@busy.test"]);
    let left = wait_for("busy.test messages gone", T, || {
        let v = items(&gw);
        (v.len() == 1).then_some(v)
    });
    assert_eq!(left[0]["id"], slow.as_str());
    assert_eq!(left[0]["attempts"], 1, "--domain retried another domain");

    // Ids in either case; retry tells about a hold instead of lifting it.
    let out = gw.cli(&["queue", "hold", &slow.to_ascii_lowercase()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = gw.cli(&["queue", "retry", &slow]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("is held") && err.contains(&format!("sealgate queue release {slow}")),
        "{err}"
    );
    let out = gw.cli(&["queue", "flush"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 held message(s) left held"),
        "{}",
        text(&out.stdout)
    );
    let v = items(&gw);
    assert_eq!(
        (v[0]["held"].as_bool(), v[0]["attempts"].as_u64()),
        (Some(true), Some(1)),
        "a held message was retried"
    );
    let hold = gw
        .audit()
        .into_iter()
        .find(|e| e["event"] == "admin" && e["op"] == "hold")
        .expect("hold audited");
    assert_eq!(hold["queue_id"], slow.as_str());
    assert_eq!(hold["by"]["uid"], uid(), "{hold}");
    assert_eq!(hold["by"]["via"], "control socket", "{hold}");

    // release --all lets it go.
    sink.behaviour.lock().unwrap().rcpt_reply.clear();
    let out = gw.cli(&["queue", "release", "--all"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = sink.wait_count(3, T);
    assert_eq!(got[2].rcpts, vec!["a@slow.test"]);
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert!(text(&gw.cli(&["queue", "list"]).stdout).contains("queue is empty"));
}

#[test]
fn offline_edits_are_audited_with_who_made_them() {
    let mut b = Behaviour::default();
    b.rcpt_reply.insert("x@slow.test".into(), busy());
    let sink = Sink::start(b);
    let mut gw = Gateway::start(
        "qt-offline",
        &format!(
            "[delivery]\nretry = [\"1h\"]\n\n{}",
            sink.route("slow.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "staff@tenant.test",
        &["x@slow.test"],
        b"Subject: q\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let id = wait_for("a deferred message", T, || {
        let v = items(&gw);
        let i = v.first()?;
        (i["attempts"] == 1).then(|| i["id"].as_str().unwrap().to_string())
    });
    gw.sigterm();
    let before = gw.audit().len();

    let out = cli_as(&gw, "alice", &["queue", "hold", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("not running"));
    let out = cli_as(&gw, "alice", &["queue", "retry", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is held"),
        "{}",
        text(&out.stderr)
    );
    let out = cli_as(&gw, "alice", &["queue", "delete", "--all"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!("{id} deleted")));

    let audit = gw.audit();
    // The log's own signed bookkeeping (opened, checkpoints) aside.
    let new: Vec<&serde_json::Value> = audit[before..]
        .iter()
        .filter(|e| !matches!(e["event"].as_str(), Some("audit_opened" | "checkpoint")))
        .collect();
    let events: Vec<(&str, &str)> = new
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap_or(""),
                e["op"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(events, vec![("admin", "hold"), ("deleted", "")], "{new:?}");
    for e in &new {
        assert_eq!(e["queue_id"], id.as_str());
        assert_eq!(e["by"]["via"], "offline", "{e}");
        assert_eq!(e["by"]["sudo_user"], "alice", "{e}");
        assert_eq!(e["by"]["uid"], uid(), "{e}");
        assert!(!e["by"]["user"].as_str().unwrap_or("").is_empty(), "{e}");
    }
    // The chain goes on from the gateway's last record.
    let seqs: Vec<u64> = audit.iter().filter_map(|e| e["seq"].as_u64()).collect();
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
    assert_eq!(gw.queue_len(), 0);
}

/// Runs the CLI with stdout a pipe whose reader is already gone, so the
/// first write fails with EPIPE.
fn into_closed_pipe(gw: &Gateway, args: &[&str]) -> Output {
    let mut fds = [0; 2];
    // SAFETY: pipe fills two descriptors we then own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: fds[0] and fds[1] are open and owned by nobody else.
    let (reader, writer) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(reader);
    Command::new(BIN)
        .arg("--config")
        .arg(&gw.config)
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let gw = Gateway::start(
        "qt-pipe",
        "[delivery]\nretry = [\"1h\"]\n\n[[delivery.route]]\ndomain = \"nowhere.test\"\nnext_hop = \"127.0.0.1:9\"\n",
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(c.cmd("EHLO client.test").starts_with("250"));
    const N: usize = 300;
    for i in 0..N {
        let r = c.transaction(
            "staff@tenant.test",
            &[&format!("r{i}@nowhere.test")],
            b"Subject: q\r\n\r\nx\r\n",
        );
        assert!(r.starts_with("250"), "{r}");
    }
    let id = wait_for("all messages queued", T, || {
        let v = items(&gw);
        (v.len() == N).then(|| v[0]["id"].as_str().unwrap().to_string())
    });
    for args in [
        vec!["queue", "list"],
        vec!["queue", "list", "--json"],
        vec!["queue", "show", id.as_str()],
        vec!["check"],
    ] {
        let out = into_closed_pipe(&gw, &args);
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: {err}");
    }
    // And the way people meet it: a pager or `head` that stops reading.
    for list in ["queue list", "queue list --json"] {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "'{BIN}' --config '{}' {list} | head -1",
                gw.config.display()
            ))
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{list}: {err}");
        assert_eq!(text(&out.stdout).lines().count(), 1, "{list}");
    }
}
