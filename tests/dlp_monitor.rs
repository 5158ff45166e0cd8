//! Monitor mode (rules that record hits without changing verdicts) and
//! `rules test` over mbox files and Maildir folders.

use std::path::{Path, PathBuf};
use std::process::Command;

use sealgate::dlp::rules::{RuleError, load_sources};
use sealgate::dlp::{Action, DlpConfig, Scanner};

const BIN: &str = env!("CARGO_BIN_EXE_sealgate");

const DETECTORS: &str = r#"
[[detector]]
id = "ssn"
pattern = '\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b'
validator = "ssn"

[[detector]]
id = "code-word"
terms = ["bluebird"]
"#;

const RULES: &str = r#"
[[rule]]
id = "t.ssn"
detectors = ["ssn"]
score = 10

[[rule]]
id = "t.codeword"
detectors = ["code-word"]
score = 10
mode = "monitor"
"#;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sealgate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
    d
}

fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn scanner(files: &[(&str, &str)]) -> Result<Scanner, RuleError> {
    let sources: Vec<(PathBuf, String)> = files
        .iter()
        .map(|(p, t)| (PathBuf::from(p), t.to_string()))
        .collect();
    Scanner::from_rules(&DlpConfig::default(), load_sources(&sources)?)
}

fn msg(body: &str) -> String {
    format!(
        "From: a@example.org\r\nTo: b@example.net\r\nSubject: t\r\nContent-Type: text/plain\r\n\r\n{body}\r\n"
    )
}

#[test]
fn monitor_rule_is_recorded_but_does_not_change_the_verdict() {
    let s =
        scanner(&[("t.toml", &format!("{DETECTORS}{RULES}"))]).unwrap_or_else(|e| panic!("{e}"));
    let v = s.scan(msg("the bluebird flies").as_bytes());
    assert_eq!(v.action, Action::Deliver, "{v:?}");
    assert_eq!(v.score, 0);
    assert!(!v.phi);
    assert!(
        v.hits.iter().any(|h| h.rule == "t.codeword" && h.monitor),
        "{v:?}"
    );
    assert_eq!(v.monitor.len(), 1);
    assert_eq!(v.monitor[0].would_be, Action::Secure);
    // Enforced rules still count, and their hits are not marked.
    let v = s.scan(msg("SSN 536-22-8915, bluebird").as_bytes());
    assert_eq!((v.action, v.score), (Action::Secure, 10), "{v:?}");
    assert!(v.hits.iter().any(|h| h.rule == "t.ssn" && !h.monitor));
    assert_eq!(v.monitor[0].would_be, Action::Secure);
}

#[test]
fn monitor_rule_action_is_not_applied() {
    let rules = r#"
[[rule]]
id = "t.block"
detectors = ["code-word"]
action = "reject"
mode = "monitor"
"#;
    let s =
        scanner(&[("t.toml", &format!("{DETECTORS}{rules}"))]).unwrap_or_else(|e| panic!("{e}"));
    let v = s.scan(msg("bluebird").as_bytes());
    assert_eq!((v.action, v.forced), (Action::Deliver, None), "{v:?}");
    assert_eq!(v.monitor[0].would_be, Action::Reject);
}

#[test]
fn pack_mode_applies_to_its_rules_unless_a_rule_enforces() {
    let pack = r#"
[pack]
name = "trial"
mode = "monitor"

[[rule]]
id = "t.ssn"
detectors = ["ssn"]
score = 10

[[rule]]
id = "t.codeword"
detectors = ["code-word"]
score = 10
mode = "enforce"
"#;
    let s = scanner(&[("t.toml", &format!("{DETECTORS}{pack}"))]).unwrap_or_else(|e| panic!("{e}"));
    let v = s.scan(msg("SSN 536-22-8915").as_bytes());
    assert_eq!(v.action, Action::Deliver, "{v:?}");
    assert!(v.hits.iter().all(|h| h.monitor) && !v.hits.is_empty());
    let v = s.scan(msg("bluebird").as_bytes());
    assert_eq!(v.action, Action::Secure, "{v:?}");
}

#[test]
fn unknown_mode_is_a_located_error() {
    let bad_rule = format!("{DETECTORS}{}", RULES.replace("\"monitor\"", "\"watch\""));
    let err = scanner(&[("rules/t.toml", &bad_rule)])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let line = bad_rule
        .lines()
        .position(|l| l.starts_with("mode = \"watch\""))
        .map_or(0, |i| i + 1);
    assert!(
        err.contains(&format!("rules/t.toml:{line}:8: unknown mode `watch`")),
        "{err}"
    );
    let bad_pack = format!("[pack]\nname = \"x\"\nmode = \"audit\"\n{DETECTORS}{RULES}");
    let err = scanner(&[("p.toml", &bad_pack)])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("p.toml:3:8: unknown mode `audit`"), "{err}");
}

#[test]
fn rules_check_lists_monitor_rules() {
    let dir = temp_dir("monitor-check");
    write(&dir.join("t.toml"), &format!("{DETECTORS}{RULES}"));
    let out = Command::new(BIN)
        .args(["--config", "/nonexistent/sealgate.toml", "rules", "check"])
        .arg(&dir)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("1 in monitor mode"), "{stdout}");
    assert!(stdout.contains("monitor: t.codeword"), "{stdout}");
    assert!(!stdout.contains("monitor: t.ssn"), "{stdout}");
}

/// An mbox of 3 messages (an SSN, a clean one with a `>From ` line, a
/// monitor-rule hit) and a Maildir of 2 (an SSN in `new/`, a clean one in
/// `cur/`), through the release binary.
fn mailboxes(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = temp_dir(name);
    write(&dir.join("rules/t.toml"), &format!("{DETECTORS}{RULES}"));
    write(&dir.join("sealgate.toml"), "[dlp]\nrules_dir = \"rules\"\n");
    let mbox = format!(
        "From a@example.org Mon Jan  5 10:00:00 2026\n{}\nFrom b@example.org Mon Jan  5 10:01:00 2026\n{}\nFrom c@example.org Mon Jan  5 10:02:00 2026\n{}",
        msg("SSN 536-22-8915").replace("\r\n", "\n"),
        msg("hello\n>From the desk of nobody\nbye").replace("\r\n", "\n"),
        msg("bluebird").replace("\r\n", "\n"),
    );
    write(&dir.join("box.mbox"), &mbox);
    write(&dir.join("Maildir/new/1.host"), &msg("SSN 536-22-8915"));
    write(&dir.join("Maildir/cur/2.host:2,S"), &msg("lunch at noon"));
    std::fs::create_dir_all(dir.join("Maildir/tmp")).unwrap_or_else(|e| panic!("{e}"));
    (
        dir.join("sealgate.toml"),
        dir.join("box.mbox"),
        dir.join("Maildir"),
    )
}

fn run_test(cfg: &Path, args: &[&Path], json: bool) -> String {
    let mut c = Command::new(BIN);
    c.arg("--config").arg(cfg).args(["rules", "test"]);
    if json {
        c.arg("--json");
    }
    let out = c.args(args).output().unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn rules_test_reads_mbox_and_maildir_and_summarises() {
    let (cfg, mbox, maildir) = mailboxes("mailbox-human");
    let out = run_test(&cfg, &[&mbox, &maildir], false);
    assert!(out.contains("box.mbox#3: deliver"), "{out}");
    assert!(
        out.contains("monitor t.codeword [code-word] in body x1"),
        "{out}"
    );
    assert!(
        out.contains("monitor t.codeword: if enforced the action would be secure"),
        "{out}"
    );
    assert!(out.contains("summary: 5 message(s)"), "{out}");
    assert!(out.contains("  action deliver: 3\n"), "{out}");
    assert!(out.contains("  action secure: 2\n"), "{out}");
    assert!(out.contains("  rule t.ssn: 2 message(s)"), "{out}");
    assert!(
        out.contains("  rule t.codeword (monitor): 1 message(s)"),
        "{out}"
    );
    assert!(
        out.contains("monitor t.codeword: fired in 1 message(s), enforcing it would change 1 (deliver -> secure: 1)"),
        "{out}"
    );
}

#[test]
fn rules_test_json_summary() {
    let (cfg, mbox, maildir) = mailboxes("mailbox-json");
    let out = run_test(&cfg, &[&mbox, &maildir], true);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 6, "{out}");
    let s = &lines[5]["summary"];
    assert_eq!(s["messages"], 5, "{s}");
    assert_eq!(s["by_action"]["deliver"], 3, "{s}");
    assert_eq!(s["by_action"]["secure"], 2, "{s}");
    assert_eq!(s["hits_by_rule"]["t.ssn"], 2, "{s}");
    assert_eq!(s["hits_by_rule"]["t.codeword"], 1, "{s}");
    assert_eq!(s["monitor"]["t.codeword"]["would_change"], 1, "{s}");
    assert_eq!(lines[2]["file"], format!("{}#3", mbox.display()));
    assert_eq!(lines[2]["monitor"][0]["would_be"], "secure");
    // The un-escaped `>From ` line is body text, not a fourth message.
    assert_eq!(lines[1]["action"], "deliver");
}

#[test]
fn unscanned_reasons_are_summarised_by_class_without_names() {
    let dir = temp_dir("mailbox-unscanned");
    write(&dir.join("rules/t.toml"), &format!("{DETECTORS}{RULES}"));
    write(&dir.join("sealgate.toml"), "[dlp]\nrules_dir = \"rules\"\n");
    let att = "From: a@example.org\r\nTo: b@example.net\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"Lopez_Maria_1961.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n--b--\r\n";
    write(&dir.join("mail/a.eml"), att);
    write(&dir.join("mail/b.eml"), att);
    write(&dir.join("mail/notes.txt"), "not a message");
    let out = run_test(&dir.join("sealgate.toml"), &[&dir.join("mail")], false);
    assert!(out.contains("summary: 2 message(s)"), "{out}");
    assert!(out.contains("  unscanned image: 2 message(s)"), "{out}");
    let summary = out.split("summary:").nth(1).unwrap_or("");
    assert!(!summary.contains("Lopez"), "{summary}");
}

/// A rule's `portal_retention` reaches the verdict (the shortest of the
/// enforced rules that fired), a monitor rule's never does, and a bad
/// value is refused where it is written.
#[test]
fn portal_retention_of_the_rules_that_fire_is_the_shortest() {
    let rules = r#"
[[rule]]
id = "t.ssn"
detectors = ["ssn"]
score = 10
portal_retention = "7d"

[[rule]]
id = "t.codeword"
detectors = ["code-word"]
score = 10
portal_retention = "2d"

[[rule]]
id = "t.watch"
detectors = ["code-word"]
score = 10
mode = "monitor"
portal_retention = "1h"
"#;
    let s =
        scanner(&[("t.toml", &format!("{DETECTORS}{rules}"))]).unwrap_or_else(|e| panic!("{e}"));
    let v = s.scan(msg("SSN 536-22-8915").as_bytes());
    assert_eq!(v.portal_retention, Some(7 * 86_400), "{v:?}");
    let v = s.scan(msg("SSN 536-22-8915 and bluebird").as_bytes());
    assert_eq!(v.portal_retention, Some(2 * 86_400), "{v:?}");
    let v = s.scan(msg("nothing").as_bytes());
    assert_eq!(v.portal_retention, None);
    let bad = rules.replace("\"2d\"", "\"soon\"");
    let Err(e) = scanner(&[("t.toml", &format!("{DETECTORS}{bad}"))]) else {
        panic!("a bad portal_retention was accepted");
    };
    let text = e.to_string();
    assert!(
        text.contains("t.toml:") && text.contains("portal_retention"),
        "{text}"
    );
}
