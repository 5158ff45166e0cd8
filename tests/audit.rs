//! The signed audit log as an auditor meets it: `sealgate audit verify` run
//! with only a copy of the folder and the public key file (and a config
//! path that does not exist), on logs written by the real writer — and on
//! copies doctored the ways an insider would: a byte edited, a line
//! deleted, two lines swapped, a segment cut short, a checkpoint forged, a
//! segment deleted. Each must fail and name the right record.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::*;
use sealgate::audit::keys::SigningKey;
use sealgate::audit::{AuditLog, Event, Options};
use sealgate::spool::QueueId;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_sealgate");
const T: Duration = Duration::from_secs(30);

/// A log of a few hundred records over several segments, with a checkpoint
/// every 7 records; returns the key path.
fn write_log(dir: &Path) -> PathBuf {
    let key = dir.join("keys/audit.key");
    let options = Options {
        checkpoint_records: 7,
        checkpoint_interval: Duration::from_secs(3600),
        max_segment_bytes: 8000,
        ..Options::default()
    };
    let log = AuditLog::open(&dir.join("audit"), &key, options).unwrap();
    for i in 0..200u64 {
        let id = QueueId::generate();
        log.append(
            Event::new(
                "received",
                Some(&id),
                json!({"size": 1000 + i, "client": "127.0.0.1"}),
            )
            .sha256("ab"),
        )
        .unwrap();
    }
    drop(log);
    key
}

fn pubkey_file(dir: &Path, key: &Path, name: &str) -> PathBuf {
    let k = SigningKey::open(key).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, format!("# test\n{}\n", k.public().text())).unwrap();
    p
}

/// `audit verify DIR --pubkey FILE` with no usable config: (exit code, stdout).
fn verify(dir: &Path, pubkey: Option<&Path>) -> (i32, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(["--config", "/nonexistent/sealgate.toml", "audit", "verify"])
        .arg(dir);
    if let Some(p) = pubkey {
        cmd.arg("--pubkey").arg(p);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn lines(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn put_lines(p: &Path, lines: &[String]) {
    std::fs::write(p, lines.join("\n") + "\n").unwrap();
}

fn seq_of(line: &str) -> u64 {
    serde_json::from_str::<Value>(line).unwrap()["seq"]
        .as_u64()
        .unwrap()
}

fn signed(line: &str) -> bool {
    serde_json::from_str::<Value>(line)
        .unwrap()
        .get("sig")
        .is_some()
}

/// A copy of the pristine log to doctor.
fn copy(from: &Path, name: &str) -> PathBuf {
    let to = temp_dir(name);
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
    to
}

/// In the middle segment, an index `i` whose line and both neighbours are
/// plain (unsigned) records.
fn plain_run(seg: &[String]) -> usize {
    (1..seg.len() - 2)
        .find(|&i| {
            !signed(&seg[i - 1]) && !signed(&seg[i]) && !signed(&seg[i + 1]) && !signed(&seg[i + 2])
        })
        .expect("a run of unsigned records")
}

fn assert_names(case: &str, (code, out): (i32, String), seq: u64, words: &str) {
    assert_eq!(code, 1, "{case}: verify must fail:\n{out}");
    assert!(
        out.contains(&format!("record seq {seq} ")),
        "{case}: must name seq {seq}:\n{out}"
    );
    assert!(out.contains(words), "{case}: must say `{words}`:\n{out}");
}

#[test]
fn verify_names_the_first_doctored_record() {
    let root = temp_dir("audit-tamper");
    let key = write_log(&root);
    let log = root.join("audit");
    // The auditor's copy: the folder and the public key, on "another machine".
    let pubkey = pubkey_file(&root, &key, "audit.pub");
    let segs = audit_segments(&log);
    assert!(segs.len() >= 3, "want several segments, got {}", segs.len());
    let (code, out) = verify(&log, Some(&pubkey));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("intact") && out.contains("public key file"),
        "{out}"
    );

    let mid = segs.len() / 2;
    let name = |p: &Path| p.file_name().unwrap().to_owned();

    // One byte edited in a plain record.
    let d = copy(&log, "audit-edit");
    let seg = d.join(name(&segs[mid]));
    let mut l = lines(&seg);
    let i = plain_run(&l);
    let s = seq_of(&l[i]);
    l[i] = l[i].replacen("\"size\":1", "\"size\":9", 1);
    put_lines(&seg, &l);
    assert_names("edited byte", verify(&d, Some(&pubkey)), s, "altered");

    // One line deleted.
    let d = copy(&log, "audit-delete");
    let seg = d.join(name(&segs[mid]));
    let mut l = lines(&seg);
    let i = plain_run(&l);
    let s = seq_of(&l[i]);
    l.remove(i);
    put_lines(&seg, &l);
    assert_names("deleted line", verify(&d, Some(&pubkey)), s, "missing");

    // Two lines swapped.
    let d = copy(&log, "audit-swap");
    let seg = d.join(name(&segs[mid]));
    let mut l = lines(&seg);
    let i = plain_run(&l);
    let s = seq_of(&l[i]);
    l.swap(i, i + 1);
    put_lines(&seg, &l);
    assert_names("swapped lines", verify(&d, Some(&pubkey)), s, "swapped");

    // A closed segment cut at a line boundary: its closing checkpoint and
    // two records before it are gone.
    let d = copy(&log, "audit-truncate");
    let seg = d.join(name(&segs[0]));
    let mut l = lines(&seg);
    l.truncate(l.len() - 3);
    let s = seq_of(l.last().unwrap()) + 1;
    put_lines(&seg, &l);
    assert_names(
        "truncated segment",
        verify(&d, Some(&pubkey)),
        s,
        "truncated",
    );

    // … and one cut inside a record.
    let d = copy(&log, "audit-cut");
    let seg = d.join(name(&segs[mid]));
    let bytes = std::fs::read(&seg).unwrap();
    let l = lines(&seg);
    let keep: usize = l[..5].iter().map(|x| x.len() + 1).sum::<usize>() + 20;
    std::fs::write(&seg, &bytes[..keep]).unwrap();
    assert_names(
        "record cut short",
        verify(&d, Some(&pubkey)),
        seq_of(&l[5]),
        "cut short",
    );

    // A checkpoint replaced by one signed with the insider's own key.
    let d = copy(&log, "audit-forge");
    let seg = d.join(name(&segs[mid]));
    let mut l = lines(&seg);
    let c = l
        .iter()
        .position(|x| signed(x) && x.contains("\"reason\":\"records\""))
        .unwrap();
    let s = seq_of(&l[c]);
    let insider = root.join("insider.key");
    SigningKey::create(&insider).unwrap();
    let insider = SigningKey::open(&insider).unwrap();
    let (body, _) = sealgate::audit::record::split_signature(&l[c]).unwrap();
    let mut v: Value = serde_json::from_str(&body).unwrap();
    v["key_id"] = json!(insider.public().id());
    let body = v.to_string();
    l[c] = sealgate::audit::record::with_signature(&body, &insider.sign(body.as_bytes()));
    put_lines(&seg, &l);
    assert_names(
        "forged checkpoint",
        verify(&d, Some(&pubkey)),
        s,
        "not trusted",
    );

    // A checkpoint edited, its old signature kept.
    let d = copy(&log, "audit-resign");
    let seg = d.join(name(&segs[mid]));
    let mut l = lines(&seg);
    l[c] = l[c].replacen("\"reason\":\"records\"", "\"reason\":\"recordz\"", 1);
    put_lines(&seg, &l);
    assert_names(
        "edited checkpoint",
        verify(&d, Some(&pubkey)),
        s,
        "does not verify",
    );

    // The oldest segment deleted without a signed prune record.
    let d = copy(&log, "audit-rm");
    std::fs::remove_file(d.join(name(&segs[0]))).unwrap();
    let first_kept = seq_of(&lines(&segs[1])[0]);
    assert_names(
        "deleted segment",
        verify(&d, Some(&pubkey)),
        first_kept - 1,
        "segment_pruned",
    );

    // A public key that is not the log's: nothing verifies.
    let stranger = root.join("stranger.key");
    let stranger_pub = pubkey_file(
        &root,
        &{
            SigningKey::create(&stranger).unwrap();
            stranger
        },
        "stranger.pub",
    );
    let (code, out) = verify(&log, Some(&stranger_pub));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("record seq 1 ") && out.contains("not trusted"),
        "{out}"
    );

    // Without a key file or config: consistency only, and it says so.
    let (code, out) = verify(&log, None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("the key the log announces itself"), "{out}");
}

#[test]
fn pruning_and_key_rotation_keep_the_log_verifiable_with_the_first_public_key() {
    let root = temp_dir("audit-prune-rotate");
    let key = write_log(&root);
    let dir = root.join("audit");
    let first_pub = pubkey_file(&root, &key, "first.pub");
    let before = audit_segments(&dir).len();

    // Retention: every closed segment is older than a cutoff in the future.
    let log = AuditLog::open(&dir, &key, Options::default()).unwrap();
    let gone = log.prune(u64::MAX).unwrap();
    drop(log);
    assert_eq!(gone.len(), before - 1, "all but the open segment: {gone:?}");
    let (code, out) = verify(&dir, Some(&first_pub));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("pruned by retention: seq 1.."), "{out}");

    // Rotation: the old key signs the new one in; an auditor holding only
    // the first public key still verifies what the new key signs.
    let new = sealgate::audit::rotate_key(&dir, &key, Options::default()).unwrap();
    let log = AuditLog::open(&dir, &key, Options::default()).unwrap();
    assert_eq!(log.public_key(), Some(&new));
    for _ in 0..5 {
        log.append(Event::new("scanned", None, json!({"phi": false})))
            .unwrap();
    }
    drop(log);
    let (code, out) = verify(&dir, Some(&first_pub));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&new.id()),
        "the new key signed checkpoints: {out}"
    );
    let text = audit_text(&dir);
    assert!(text.contains("\"event\":\"audit_key_rotated\""), "{text}");
}

/// A relay's worth of mail: 10,000 messages through the gateway to a sink,
/// then verify with the key `audit pubkey` printed; the audit search finds
/// one message's whole story.
#[test]
fn ten_thousand_relayed_messages_leave_a_log_that_verifies() {
    const N: usize = 10_000;
    const CONNS: usize = 8;
    let sink = Sink::start(Behaviour::default());
    let mut gw = Gateway::start(
        "audit-10k",
        &format!(
            "{}\n[audit]\nmax_segment_bytes = 2000000\n",
            sink.route("sink.test")
        ),
    );
    let addr = gw.addr();
    let threads: Vec<_> = (0..CONNS)
        .map(|t| {
            std::thread::spawn(move || {
                let mut c = Client::connect(addr);
                assert!(c.reply().starts_with("220"));
                assert!(c.cmd("EHLO client.test").starts_with("250"));
                for i in 0..N / CONNS {
                    let body = format!(
                        "From: a@tenant.test\r\nTo: b@sink.test\r\nSubject: n{t}-{i}\r\nMessage-ID: <{t}.{i}@tenant.test>\r\n\r\nhello {t} {i}\r\n"
                    );
                    let r = c.transaction("a@tenant.test", &["b@sink.test"], body.as_bytes());
                    assert!(r.starts_with("250"), "{r}");
                }
                c.cmd("QUIT");
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    sink.wait_count(N, Duration::from_secs(600));
    wait_for("empty queue", Duration::from_secs(120), || {
        (gw.queue_len() == 0).then_some(())
    });
    let out = gw.cli(&["audit", "pubkey"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pubkey = gw.dir.join("audit.pub");
    std::fs::write(&pubkey, &out.stdout).unwrap();
    gw.sigterm();
    let (code, report) = verify(&gw.dir.join("var/audit"), Some(&pubkey));
    assert_eq!(code, 0, "{report}");
    let events = gw.audit();
    for e in ["received", "scanned", "delivered"] {
        let n = events.iter().filter(|v| v["event"] == e).count();
        assert!(n >= N, "{n} `{e}` records for {N} messages");
    }
    assert!(
        !report.contains("unsigned tail"),
        "a clean stop signs everything: {report}"
    );

    let one = events.iter().find(|v| v["event"] == "received").unwrap();
    let q = one["queue_id"].as_str().unwrap();
    let out = gw.cli(&["audit", "search", "--queue-id", q, "--json"]);
    let found: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = found.iter().map(|v| v["event"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["scanned", "received", "delivered"], "{found:?}");
    assert_eq!(found[1]["client"], "127.0.0.1");
    let out = gw.cli(&[
        "audit",
        "search",
        "--event",
        "delivered",
        "--domain",
        "sink.test",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().count() >= N, "delivered records to sink.test");
    assert!(
        text.lines().all(|l| l.contains(" delivered ")),
        "{}",
        &text[..200.min(text.len())]
    );
}

/// The record a 250 depends on must be on disk first: when the audit log
/// cannot be written (here: the file size limit of the process, as a full
/// disk would), the client gets 451 and nothing is queued. The operational
/// log is a file under the same limit, as on a full disk: a log line that
/// cannot be written must not stop anything (it once killed the tasks that
/// logged, and the queue stood still).
#[test]
fn an_unwritable_audit_log_means_451_and_nothing_queued() {
    let sink = Sink::start(Behaviour::default());
    let g = Gateway::offline("audit-full", &sink.route("sink.test"));
    // RLIMIT_FSIZE of 16 KiB, SIGXFSZ ignored so a write past it fails with
    // EFBIG instead of killing the process.
    let log = std::fs::File::create(g.dir.join("gateway.log")).unwrap();
    let child = Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 32; exec "$0" --config "$1" run --allow-root"#)
        .arg(BIN)
        .arg(&g.config)
        .env("RUST_LOG", "sealgate=debug")
        .stderr(log)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed however the test ends, so a failure leaves no gateway behind.
    struct KillOnDrop(std::process::Child);
    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let child = KillOnDrop(child);
    let port = g.port;
    wait_for("gateway banner", T, || banner_ready(port));
    let mut c = Client::connect(g.addr());
    assert!(c.reply().starts_with("220"));
    assert!(c.cmd("EHLO client.test").starts_with("250"));
    let mut refused = None;
    for i in 0..200 {
        let body =
            format!("From: a@tenant.test\r\nTo: b@sink.test\r\nSubject: s{i}\r\n\r\nbody {i}\r\n");
        let r = c.transaction("a@tenant.test", &["b@sink.test"], body.as_bytes());
        if r.starts_with("451") {
            refused = Some(i);
            break;
        }
        assert!(r.starts_with("250"), "{r}");
    }
    let i = refused.expect("the audit segment must hit the size limit within 200 messages");
    assert!(i > 0, "the first messages fit");
    // Everything acknowledged was delivered; the refused one never was.
    sink.wait_count(i, T);
    wait_for("empty queue", T, || (g.queue_len() == 0).then_some(()));
    let subjects: Vec<String> = sink
        .messages
        .lock()
        .unwrap()
        .iter()
        .map(|m| String::from_utf8_lossy(&m.data).into_owned())
        .collect();
    assert!(
        !subjects
            .iter()
            .any(|m| m.contains(&format!("Subject: s{i}\r\n"))),
        "refused message was delivered"
    );
    drop(child);
    // What was written is still a valid chain (the failed write was cut back).
    let (code, out) = verify(&g.dir.join("var/audit"), None);
    assert_eq!(code, 0, "{out}");
}

/// Every record goes to syslog as RFC 5424, the exact line in the log.
#[test]
fn records_are_copied_to_syslog() {
    let syslog = UdpSocket::bind("127.0.0.1:0").unwrap();
    syslog
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "audit-syslog",
        &format!(
            "{}\n[audit]\nsyslog = \"udp://{}\"\nsyslog_facility = \"local3\"\n",
            sink.route("sink.test"),
            syslog.local_addr().unwrap()
        ),
    );
    let mut c = Client::connect(gw.addr());
    assert!(c.reply().starts_with("220"));
    let r = c.send_mail(
        "a@tenant.test",
        &["b@sink.test"],
        b"Subject: x\r\n\r\nhi\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = syslog.recv(&mut buf) {
        let m = String::from_utf8_lossy(&buf[..n]).into_owned();
        let done = m.contains("\"event\":\"received\"");
        got.push(m);
        if done {
            break;
        }
    }
    let received = got
        .iter()
        .find(|m| m.contains("\"event\":\"received\""))
        .expect("received record over syslog");
    // <local3 * 8 + info> VERSION TIMESTAMP HOST APP PROCID MSGID SD MSG
    let mut parts = received.splitn(8, ' ');
    assert_eq!(parts.next(), Some("<158>1"));
    let time = parts.next().unwrap();
    assert!(sealgate::time::parse_rfc3339(time).is_ok(), "{received}");
    assert_eq!(parts.next(), Some("gw.test"));
    assert_eq!(parts.next(), Some("sealgate"));
    parts.next();
    assert_eq!(parts.next(), Some("audit"));
    assert_eq!(parts.next(), Some("-"));
    let line = parts.next().unwrap();
    assert!(
        gw.audit_text().lines().any(|l| l == line),
        "the syslog copy is the logged line"
    );
}

/// `audit pubkey` output, handed over as a file, is what verify reads.
#[test]
fn pubkey_prints_a_line_verify_reads() {
    let g = Gateway::offline("audit-pubkey", "");
    let out = g.cli(&["audit", "pubkey"]);
    assert_eq!(out.status.code(), Some(2), "no key before the first start");
    assert!(String::from_utf8_lossy(&out.stderr).contains("creates it when it first starts"));
    let key = g.dir.join("var/keys/audit.key");
    let log = AuditLog::open(&g.dir.join("var/audit"), &key, Options::default()).unwrap();
    log.append(Event::new("scanned", None, json!({}))).unwrap();
    drop(log);
    let out = g.cli(&["audit", "pubkey"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let p = g.dir.join("k.pub");
    std::fs::File::create(&p)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let (code, report) = verify(&g.dir.join("var/audit"), Some(&p));
    assert_eq!(code, 0, "{report}");
    // The private key is the gateway's alone.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let first = BufReader::new(std::fs::File::open(&p).unwrap())
        .lines()
        .next()
        .unwrap()
        .unwrap();
    assert!(first.starts_with("# sealgate audit key "), "{first}");
}
