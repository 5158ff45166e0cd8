//! DKIM interop: keys made by `sealgate dkim keygen` (Ed25519, and RSA
//! through openssl), a gateway that signs with both, a sink, and two
//! independent verifiers checking every message the sink receives, with the
//! public keys handed to them as the TXT records keygen printed: dkimpy
//! (Debian's python3-dkim) and mail-auth (tests/interop/mailauth-verify, a
//! crate of its own; see tests/interop/README.md). They must agree on every
//! signature, failures included.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);
const PYTHON: &str = "/usr/bin/python3";
const MAILAUTH_ENV: &str = "SEALGATE_MAILAUTH_VERIFY";

/// The verifiers present. dkimpy is required for the DKIM interop tests;
/// mail-auth joins it when `SEALGATE_MAILAUTH_VERIFY` names its binary.
struct Verifiers {
    mailauth: Option<PathBuf>,
}

/// Whether dkimpy (with PyNaCl, for Ed25519) and openssl are here, and the
/// mail-auth verifier. Missing outside CI: the test (or its mail-auth half)
/// is skipped with a note; in CI it fails.
fn verifiers() -> Option<Verifiers> {
    let ci = std::env::var_os("CI").is_some();
    let ok = Command::new(PYTHON)
        .args(["-c", "import dkim, nacl"])
        .output()
        .is_ok_and(|o| o.status.success())
        && Command::new("openssl")
            .arg("version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !ci,
            "CI is set but dkimpy or openssl is missing: apt-get install python3-dkim python3-nacl openssl"
        );
        eprintln!("skipped: no dkimpy (python3-dkim, python3-nacl) or openssl");
        return None;
    }
    let mailauth = std::env::var_os(MAILAUTH_ENV)
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    if mailauth.is_none() {
        assert!(
            !ci,
            "CI is set but {MAILAUTH_ENV} does not name the mail-auth verifier: build it with \
             `cargo build --release --locked --ignore-rust-version --manifest-path \
             tests/interop/mailauth-verify/Cargo.toml` and set \
             {MAILAUTH_ENV}=$PWD/tests/interop/mailauth-verify/target/release/mailauth-verify"
        );
        eprintln!(
            "mail-auth check skipped: {MAILAUTH_ENV} unset or not a file (see tests/interop/README.md)"
        );
    }
    Some(Verifiers { mailauth })
}

impl Verifiers {
    /// Verifies every DKIM-Signature of `message`; one bool each, in header
    /// order. `records` maps `selector._domainkey.domain` to TXT text. With
    /// mail-auth present, its verdicts must equal dkimpy's, so a bug in one
    /// verifier cannot pass (or fail) a signature unnoticed.
    fn check(
        &self,
        dir: &Path,
        name: &str,
        message: &[u8],
        records: &HashMap<String, String>,
    ) -> Vec<bool> {
        let msg = dir.join(format!("{name}.eml"));
        std::fs::write(&msg, message).unwrap();
        let keys = dir.join(format!("{name}.keys.json"));
        std::fs::write(&keys, serde_json::to_vec(records).unwrap()).unwrap();
        let dkimpy = dkimpy(name, &msg, &keys);
        if let Some(bin) = &self.mailauth {
            let mailauth = mailauth(bin, name, &msg, &keys);
            assert_eq!(
                mailauth, dkimpy,
                "{name}: mail-auth (left) and dkimpy (right) disagree"
            );
        }
        dkimpy
    }
}

/// Words `ok`/`bad`, one per signature: the format both verifiers print.
fn verdicts(out: &std::process::Output, who: &str, name: &str) -> Vec<bool> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{who} failed on {name}: {stderr}");
    eprintln!("{name} ({who}): {stderr}");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(|w| w == "ok")
        .collect()
}

fn dkimpy(name: &str, msg: &Path, keys: &Path) -> Vec<bool> {
    let script = r#"
import dkim, json, sys
records = json.load(open(sys.argv[2]))
def dnsfunc(name, timeout=5):
    name = name.decode() if isinstance(name, bytes) else name
    txt = records.get(name.rstrip('.'))
    return txt.encode() if txt else None
msg = open(sys.argv[1], 'rb').read()
n = sum(1 for l in msg.split(b'\r\n\r\n', 1)[0].split(b'\r\n') if l.lower().startswith(b'dkim-signature:'))
def one(i):
    try:
        return 'ok' if dkim.DKIM(msg).verify(idx=i, dnsfunc=dnsfunc) else 'bad'
    except dkim.DKIMException as e:
        print(i, e, file=sys.stderr)
        return 'bad'
print(' '.join(one(i) for i in range(n)))
"#;
    let out = Command::new(PYTHON)
        .arg("-c")
        .arg(script)
        .arg(msg)
        .arg(keys)
        .output()
        .expect("python3");
    verdicts(&out, "dkimpy", name)
}

fn mailauth(bin: &Path, name: &str, msg: &Path, keys: &Path) -> Vec<bool> {
    let out = Command::new(bin)
        .arg(msg)
        .arg(keys)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    verdicts(&out, "mail-auth", name)
}

/// Runs keygen; returns the record's name (no trailing dot) and its text.
fn keygen(gw: &Gateway, domain: &str, selector: &str, algo: &str) -> (String, String) {
    let out = gw.cli(&[
        "dkim",
        "keygen",
        "--domain",
        domain,
        "--selector",
        selector,
        "--algo",
        algo,
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "keygen: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = format!("{selector}._domainkey.{domain}");
    assert!(stdout.starts_with(&format!("{name}. IN TXT (")), "{stdout}");
    let strings: Vec<&str> = stdout.split('"').skip(1).step_by(2).collect();
    assert!(strings.iter().all(|s| s.len() <= 255), "{stdout}");
    let key = gw.dir.join(format!("var/dkim/{domain}.{selector}.key"));
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&key).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600, "{}", key.display());
    (name, strings.concat())
}

fn key_section(domain: &str, selector: &str) -> String {
    format!(
        "[[dkim.key]]\ndomain = \"{domain}\"\nselector = \"{selector}\"\nkey = \"var/dkim/{domain}.{selector}.key\"\n\n"
    )
}

fn header<'a>(message: &'a str, name: &str) -> Option<&'a str> {
    let head = message.split("\r\n\r\n").next()?;
    head.split("\r\n").find(|l| {
        l.to_ascii_lowercase()
            .starts_with(&format!("{}:", name.to_ascii_lowercase()))
    })
}

#[test]
fn ed25519_and_rsa_signatures_verify_with_dkimpy_and_mail_auth_on_edge_cases() {
    let Some(verifiers) = verifiers() else {
        return;
    };
    let mut rcpt_reply = HashMap::new();
    rcpt_reply.insert(
        "gone@partner.test".to_string(),
        "550 5.1.1 no such user".to_string(),
    );
    let sink = Sink::start(Behaviour {
        rcpt_reply,
        ..Behaviour::default()
    });
    let mut gw = Gateway::offline(
        "dkim-interop",
        &format!(
            "[limits]\nmax_line_length = 4000\n\n[delivery]\nretry = [\"1s\"]\nphi_tls = \"none\"\n\n{}{}\n[dlp.tags]\nsecure = [\"[secure]\"]\nstrip = true\n\n{}{}{}",
            sink.route("partner.test"),
            sink.route("riverbend.test"),
            key_section("riverbend.test", "ed1"),
            key_section("riverbend.test", "rsa1"),
            key_section("gw.test", "dsn1"),
        ),
    );
    let mut records = HashMap::new();
    for (domain, selector, algo) in [
        ("riverbend.test", "ed1", "ed25519"),
        ("riverbend.test", "rsa1", "rsa"),
        ("gw.test", "dsn1", "ed25519"),
    ] {
        let (name, text) = keygen(&gw, domain, selector, algo);
        records.insert(name, text);
    }
    gw.spawn();

    // Over RFC 5321's 1000 octets: allowed by `limits.max_line_length` above.
    let long_line = "x".repeat(2000);
    let cases: Vec<(&str, String)> = vec![
        ("normal", "Subject: Lab results\r\n\r\nHello,\r\nsee you.\r\n".into()),
        ("empty-body", "Subject: empty\r\n\r\n".into()),
        ("trailing-blank-lines", "Subject: blanks\r\n\r\nline  with   space \t\r\n\r\n\r\n\r\n".into()),
        ("long-line", format!("Subject: long\r\n\r\n{long_line}\r\n")),
        (
            "eight-bit",
            "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße aus Köln — ½ €\r\n".into(),
        ),
        ("subject-tag", "Subject: [secure] Follow-up\r\n\r\nPlease call.\r\n".into()),
    ];
    for (i, (name, rest)) in cases.iter().enumerate() {
        let message = format!(
            "From: Dr. Rivers <dr@riverbend.test>\r\nTo: p@partner.test\r\nCc: q@partner.test\r\nDate: Mon, 30 Nov 2026 08:00:00 +0000\r\nMessage-ID: <{name}.{i}@riverbend.test>\r\n{rest}"
        );
        let mut c = Client::connect(gw.addr());
        c.reply();
        let r = c.send_mail("dr@riverbend.test", &["p@partner.test"], message.as_bytes());
        assert!(r.starts_with("250"), "{name}: {r}");
    }
    let got = sink.wait_count(cases.len(), T);
    for (name, _) in &cases {
        let m = got
            .iter()
            .find(|m| String::from_utf8_lossy(&m.data).contains(&format!("<{name}.")))
            .unwrap_or_else(|| panic!("{name} not at the sink"));
        let text = String::from_utf8_lossy(&m.data).to_string();
        let sigs: Vec<&str> = text
            .split("\r\n\r\n")
            .next()
            .unwrap()
            .split("\r\n")
            .filter(|l| l.starts_with("DKIM-Signature:"))
            .collect();
        assert_eq!(sigs.len(), 2, "{name}: {text}");
        assert_eq!(
            verifiers.check(&gw.dir, name, &m.data, &records),
            vec![true, true],
            "{name} does not verify:\n{text}"
        );
        // And a changed body breaks both: the check above can fail.
        let mut tampered = m.data.clone();
        tampered.extend_from_slice(b"added\r\n");
        assert_eq!(
            verifiers.check(&gw.dir, &format!("{name}-tampered"), &tampered, &records),
            vec![false, false],
            "{name}: a changed body still verifies"
        );
        // A changed signed header leaves the body hash right: this one fails
        // in the signature check itself, RSA and Ed25519 alike.
        let retitled = text.replacen("\r\nSubject:", "\r\nSubject: Re:", 1);
        assert_ne!(retitled, text);
        assert_eq!(
            verifiers.check(
                &gw.dir,
                &format!("{name}-retitled"),
                retitled.as_bytes(),
                &records
            ),
            vec![false, false],
            "{name}: a changed Subject still verifies"
        );
    }
    let tagged = got
        .iter()
        .find(|m| String::from_utf8_lossy(&m.data).contains("<subject-tag."))
        .unwrap();
    let tagged = String::from_utf8_lossy(&tagged.data).to_string();
    assert_eq!(
        header(&tagged, "Subject"),
        Some("Subject: Follow-up"),
        "{tagged}"
    );
    assert!(tagged.contains("a=ed25519-sha256") && tagged.contains("a=rsa-sha256"));

    // A DSN: the sink refuses a recipient, the gateway bounces to the
    // sender, and the bounce (From: MAILER-DAEMON@gw.test) is signed by gw.test.
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "dr@riverbend.test",
        &["gone@partner.test"],
        b"From: dr@riverbend.test\r\nTo: gone@partner.test\r\nSubject: to nobody\r\nMessage-ID: <bounce-me@riverbend.test>\r\n\r\nhello\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let got = sink.wait_count(cases.len() + 1, T);
    let dsn = got
        .iter()
        .find(|m| m.rcpts.iter().any(|r| r == "dr@riverbend.test"))
        .unwrap_or_else(|| panic!("no DSN at the sink; log:\n{}", gw.log()));
    let text = String::from_utf8_lossy(&dsn.data).to_string();
    assert!(text.contains("d=gw.test;"), "{text}");
    assert_eq!(
        verifiers.check(&gw.dir, "dsn", &dsn.data, &records),
        vec![true],
        "{text}"
    );
    assert!(!gw.log().contains("BEGIN PRIVATE KEY"));
}

#[test]
fn refuse_holds_mail_from_a_domain_without_a_key_and_says_why() {
    let sink = Sink::start(Behaviour::default());
    let mut gw = Gateway::offline(
        "dkim-refuse",
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n{}\n[dkim]\nunsigned = \"refuse\"\n\n{}",
            sink.route("partner.test"),
            key_section("riverbend.test", "ed1"),
        ),
    );
    keygen(&gw, "riverbend.test", "ed1", "ed25519");
    gw.spawn();
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "x@elsewhere.test",
        &["p@partner.test"],
        b"From: x@elsewhere.test\r\nTo: p@partner.test\r\nSubject: s\r\n\r\nbody\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let r = c.send_mail(
        "dr@riverbend.test",
        &["p@partner.test"],
        b"From: dr@riverbend.test\r\nTo: p@partner.test\r\nSubject: signed\r\n\r\nbody\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let got = sink.wait_count(1, T);
    assert!(String::from_utf8_lossy(&got[0].data).contains("d=riverbend.test;"));
    wait_for("the refusal in the log", T, || {
        gw.log()
            .contains("no DKIM key for elsewhere.test")
            .then_some(())
    });
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        sink.count(),
        1,
        "unsigned mail left despite unsigned = \"refuse\""
    );
    let list = gw.cli(&["queue", "list"]);
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.contains("no DKIM key for elsewhere.test"), "{list}");
}

#[test]
fn portal_notifications_are_signed_for_the_senders_domain() {
    let Some(verifiers) = verifiers() else {
        return;
    };
    let mut w = common::portal::PortalWorld::start("dkim-portal");
    w.gw.sigterm();
    let mut records = HashMap::new();
    for (selector, algo) in [("ed1", "ed25519"), ("rsa1", "rsa")] {
        let (name, text) = keygen(&w.gw, "riverbend.test", selector, algo);
        records.insert(name, text);
    }
    let mut config = std::fs::read_to_string(&w.gw.config).unwrap();
    config.push_str(&key_section("riverbend.test", "ed1"));
    config.push_str(&key_section("riverbend.test", "rsa1"));
    std::fs::write(&w.gw.config, config).unwrap();
    w.gw.spawn();
    let port = w.portal_port;
    wait_for("portal HTTPS port", T, || {
        std::net::TcpStream::connect(("127.0.0.1", port)).ok()
    });
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    // PHI to a server without TLS: held in the portal, the recipient notified.
    let r = c.send_mail(
        "dr.kim@riverbend.test",
        &["pat@plain.test"],
        &crlf(
            b"From: Dr. Ada Kim <dr.kim@riverbend.test>\n\
To: pat@plain.test\n\
Subject: Results\n\
Message-ID: <phi-dkim@riverbend.test>\n\
\n\
Patient: Zebulon Quartermaine\n\
DOB: 03/14/1961\n\
MRN: MR623811104\n\
SSN: 219-09-9999\n\
Diagnosis: adenocarcinoma (C34.90). Please call to discuss treatment.\n",
        ),
    );
    assert!(r.starts_with("250"), "{r}");
    let got = w.plain.wait_count(1, T);
    let note = &got[0];
    let text = String::from_utf8_lossy(&note.data).to_string();
    assert!(!text.contains("Zebulon"), "not a notification:\n{text}");
    assert!(text.contains("d=riverbend.test;"), "{text}");
    assert_eq!(
        verifiers.check(&w.gw.dir, "notification", &note.data, &records),
        vec![true, true],
        "{text}"
    );
}
