//! A config that tells the truth: `sealgate check` finds everything `run`
//! would stop on, all at once, and warns about what weakens protection;
//! SIGHUP reloads what it can (outbound trust included) and names what needs
//! a restart.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

fn rules() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/rules")
}

fn check(cfg: &Path) -> Output {
    Command::new(BIN)
        .arg("--config")
        .arg(cfg)
        .arg("check")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

/// Every entry below `dir`, to show a check left nothing behind.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        out.push(e.path());
        if e.path().is_dir() {
            out.extend(tree(&e.path()));
        }
    }
    out.sort();
    out
}

#[test]
fn one_run_reports_every_problem_with_file_line_col_and_key() {
    let dir = temp_dir("check-many");
    // A regular file where the data folder's parent should be.
    std::fs::write(dir.join("blocker"), "").unwrap();
    // Someone else holds this address.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken_addr = taken.local_addr().unwrap();
    let cfg = dir.join("sealgate.toml");
    std::fs::write(
        &cfg,
        format!(
            r#"[server]
hostname = "gw.test"
data_dir = "blocker/var"
drain_timeout = "99999999999w"

[[listener]]
address = "{taken_addr}"
tls = "none"

[tls]
client_ca = "certs/missing-tenant-ca.pem"

[relay]
allowed_networks = ["10.0.0.0/8", "10.1.2.3/40"]

[delivery]
ca_file = "certs/missing-roots.pem"

[[delivery.route]]
domain = "partner.test"
tls = "portl"

[[delivery.route]]
domain = "partner.test"
next_hop = "127.0.0.1:2626"

[dlp]
rules_dir = "{}"

[audit]
dir = "audit"
"#,
            rules()
        ),
    )
    .unwrap();
    let before = tree(&dir);
    let out = check(&cfg);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (line, key, what) in [
        (3, "server.data_dir", "not a folder"),
        (4, "server.drain_timeout", "capped"),
        (7, "listener.address", "is sealgate already running?"),
        (11, "tls.client_ca", "missing-tenant-ca.pem"),
        (14, "relay.allowed_networks", "prefix length"),
        (17, "delivery.ca_file", "missing-roots.pem"),
        (21, "delivery.route.tls", "`dane-only` or `portal`"),
        (
            24,
            "delivery.route.domain",
            "already has a [[delivery.route]]",
        ),
    ] {
        let line_text = err
            .lines()
            .find(|l| l.starts_with(&format!("{}:{line}:", cfg.display())))
            .unwrap_or_else(|| panic!("nothing reported for line {line} ({key}):\n{err}"));
        assert!(
            line_text.contains(&format!(": {key}: ")) && line_text.contains(what),
            "line {line} should name {key} and say {what:?}: {line_text}"
        );
    }
    assert!(err.contains("8 error(s)"), "{err}");
    assert_eq!(tree(&dir), before, "check left something behind");
    drop(taken);
}

#[test]
fn dangerous_settings_are_warnings_and_exit_zero() {
    let dir = temp_dir("check-warn");
    let empty_rules = dir.join("rules");
    std::fs::create_dir_all(&empty_rules).unwrap();
    // A pack whose only rule is switched off: DLP would silently scan nothing.
    std::fs::write(
        empty_rules.join("local.toml"),
        "[[detector]]\nid = \"codeword\"\nterms = [\"bluebird\"]\n\n[[rule]]\nid = \"local.codeword\"\ndetectors = [\"codeword\"]\nscore = 10\naction = \"secure\"\nenabled = false\n",
    )
    .unwrap();
    let cfg = dir.join("sealgate.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nhostname = \"gw.test\"\n\n[[listener]]\naddress = \"127.0.0.1:{}\"\ntls = \"none\"\n\n[delivery]\nphi_tls = \"none\"\n\n[dlp]\nrules_dir = \"rules\"\n[dlp.thresholds]\nsecure = 0\n",
            free_port()
        ),
    )
    .unwrap();
    let out = check(&cfg);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{o}{e}");
    assert!(o.contains(": ok (3 warning(s))"), "{o}");
    for (line, key) in [
        (9, "delivery.phi_tls"),
        (12, "dlp.rules_dir"),
        (14, "dlp.thresholds.secure"),
    ] {
        let w = format!("{}:{line}:", cfg.display());
        assert!(
            e.lines()
                .any(|l| l.starts_with(&w) && l.contains(&format!("warning: {key}: "))),
            "no warning for {key} at line {line}:\n{e}"
        );
    }
    assert!(e.contains("no enabled rules"), "{e}");
}

#[test]
fn dkim_key_files_that_are_missing_or_readable_by_others_are_named_at_their_key() {
    let dir = temp_dir("check-dkim");
    let cfg = dir.join("sealgate.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nhostname = \"gw.test\"\n\n[dlp]\nrules_dir = \"{}\"\n\n[portal]\nlisten = \"127.0.0.1:8443\"\n\n[[dkim.key]]\ndomain = \"riverbend-health.org\"\nselector = \"sg1\"\nkey = \"var/dkim/riverbend-health.org.sg1.key\"\n\n[[dkim.key]]\ndomain = \"riverbend-health.org\"\nselector = \"sg2\"\nkey = \"var/dkim/missing.key\"\n\n[[delivery.route]]\ndomain = \"partner.test\"\nnext_hop = \"127.0.0.1:2626\"\ntls_name = \"mx.partner.test\"\n",
            rules()
        ),
    )
    .unwrap();
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .args([
            "dkim",
            "keygen",
            "--domain",
            "riverbend-health.org",
            "--selector",
            "sg1",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let key = dir.join("var/dkim/riverbend-health.org.sg1.key");
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let out = check(&cfg);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // A route's tls_name and the portal are available and not refused.
    assert!(!err.contains("tls_name"), "{err}");
    assert!(!err.contains(": portal: "), "{err}");
    for (line, key, what) in [
        (13, ": dkim.key.key: ", "chmod 600"),
        (18, ": dkim.key.key: ", "missing.key: cannot read the key"),
    ] {
        let prefix = format!("{}:{line}:", cfg.display());
        assert!(
            err.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(key) && l.contains(what)),
            "{key} at line {line} not reported with `{what}`:\n{err}"
        );
    }
    assert!(!err.contains("BEGIN PRIVATE KEY"), "{err}");
    // `run` refuses to start the same way.
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .args(["run", "--allow-root"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("chmod 600"),
        "{}",
        text(&out.stderr)
    );
    // Fixed, check passes those keys.
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let err = text(&check(&cfg).stderr);
    assert!(!err.contains(":13:"), "{err}");
}

#[test]
fn an_overflowing_duration_is_refused_by_check_and_run() {
    let dir = temp_dir("check-overflow");
    let cfg = dir.join("sealgate.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nhostname = \"gw.test\"\ndrain_timeout = \"99999999999w\"\n\n[[listener]]\naddress = \"127.0.0.1:{}\"\ntls = \"none\"\n\n[dlp]\nrules_dir = \"{}\"\n",
            free_port(),
            rules()
        ),
    )
    .unwrap();
    for cmd in ["check", "run"] {
        let out = Command::new(BIN)
            .arg("--config")
            .arg(&cfg)
            .arg(cmd)
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {err}");
        assert!(
            err.contains(&format!(
                "{}:3:17: server.drain_timeout: `99999999999w` is too long",
                cfg.display()
            )),
            "{cmd}: {err}"
        );
        assert!(!err.contains("panicked"), "{cmd}: {err}");
    }
}

#[test]
fn an_unknown_tls_level_lists_the_allowed_ones() {
    let dir = temp_dir("check-enum");
    let cfg = dir.join("sealgate.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nhostname = \"gw.test\"\n\n[[delivery.route]]\ndomain = \"partner.test\"\ntls = \"portl\"\n\n[audit]\ndir = \"var/audit\"\n\n[dlp]\nrules_dir = \"{}\"\n",
            rules()
        ),
    )
    .unwrap();
    let out = check(&cfg);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{}:6:7: delivery.route.tls: unknown TLS level `portl`, expected one of `none`, `may`, `encrypt`, `verify`, `dane-only` or `portal`",
            cfg.display()
        )),
        "{err}"
    );
}

/// `check` before a SIGHUP on a live system: the gateway's own listeners
/// are not "already in use".
#[test]
fn check_passes_on_the_config_of_a_running_gateway() {
    let gw = Gateway::start("check-live", "");
    let out = gw.cli(&["check"]);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{o}{e}");
    assert!(o.contains("a gateway is running"), "{o}");
}

/// A route at `verify` to a next hop whose certificate comes from a private
/// CA: deferred until `delivery.ca_file` names that CA and SIGHUP is sent,
/// then the next retry delivers it, over TLS.
#[test]
fn sighup_reloads_outbound_trust_anchors() {
    let dir = temp_dir("reload-ca");
    let pki = Pki::new(&dir, "partner");
    let sink = Sink::start(Behaviour {
        tls: Some(server_tls(&pki.leaf("mx", &["localhost"], false))),
        ..Default::default()
    });
    let gw = Gateway::start_in(
        dir,
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n[[delivery.route]]\ndomain = \"partner.test\"\nnext_hop = \"localhost:{}\"\ntls = \"verify\"\n",
            sink.addr.port()
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "staff@tenant.test",
        &["doctor@partner.test"],
        b"Subject: referral\r\n\r\nsee you\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    wait_for("a deferral at verify", T, || {
        gw.audit()
            .iter()
            .any(|e| e["event"] == "deferred" && e["tls_level"] == "verify")
            .then_some(())
    });
    assert_eq!(sink.count(), 0, "delivered without a trusted certificate");

    let config = std::fs::read_to_string(&gw.config).unwrap();
    std::fs::write(
        &gw.config,
        config.replacen(
            "[delivery]\n",
            &format!("[delivery]\nca_file = \"{}\"\n", pki.ca_pem.display()),
            1,
        ),
    )
    .unwrap();
    gw.signal(libc::SIGHUP);
    wait_for("reload", T, || {
        gw.log().contains("configuration reloaded").then_some(())
    });
    // The next scheduled retry (every second here) uses the new trust.
    let got = sink.wait_count(1, T);
    assert!(got[0].tls, "delivered without TLS");
    assert_eq!(got[0].rcpts, vec!["doctor@partner.test"]);
}

/// Keys read once at start are named in the log when a reload changes
/// them; everything else still applies.
#[test]
fn sighup_names_each_changed_key_that_needs_a_restart() {
    let gw = Gateway::start("reload-restart", "");
    let config = std::fs::read_to_string(&gw.config).unwrap();
    let other = free_port();
    std::fs::write(
        &gw.config,
        config
            .replace(
                &format!("address = \"127.0.0.1:{}\"", gw.port),
                &format!("address = \"127.0.0.1:{other}\""),
            )
            .replace("data_dir = \"var\"", "data_dir = \"var2\""),
    )
    .unwrap();
    gw.signal(libc::SIGHUP);
    let log = wait_for("reload", T, || {
        let log = gw.log();
        log.contains("configuration reloaded").then_some(log)
    });
    for key in ["listener[0].address", "server.data_dir"] {
        assert!(
            log.lines()
                .any(|l| l.contains(key) && l.contains("only after a restart")),
            "{key} not named:\n{log}"
        );
    }
    // Still listening where it started.
    let mut c = Client::connect(gw.addr());
    assert!(c.reply().starts_with("220"));
}

/// A SIGHUP (say, from a config management run) that lands while the
/// gateway is still starting is a reload, not a kill: handlers come first.
#[test]
fn a_sighup_during_start_is_a_reload_not_a_kill() {
    // A queue to recover makes the start take a while.
    let mut gw = Gateway::start(
        "reload-early",
        "[delivery]\nretry = [\"1h\"]\n\n[[delivery.route]]\ndomain = \"nowhere.test\"\nnext_hop = \"127.0.0.1:9\"\n",
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(c.cmd("EHLO client.test").starts_with("250"));
    for i in 0..500 {
        let r = c.transaction(
            "staff@tenant.test",
            &[&format!("r{i}@nowhere.test")],
            b"Subject: q\r\n\r\nx\r\n",
        );
        assert!(r.starts_with("250"), "{r}");
    }
    gw.sigterm();
    let log = gw.dir.join("restart.log");
    let mut child = Command::new(BIN)
        .arg("--config")
        .arg(&gw.config)
        .args(["run", "--allow-root"])
        .env("RUST_LOG", "sealgate=debug")
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    // Loading the rules comes before recovery and the listeners; watch
    // closely so the signal lands while the queue is being recovered.
    let end = std::time::Instant::now() + T;
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("dlp rules loaded")
    {
        assert!(std::time::Instant::now() < end, "rules never loaded");
        std::thread::sleep(Duration::from_micros(200));
    }
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGHUP) };
    let reloaded = wait_for("reload or exit", T, || {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(Err(status));
        }
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        text.contains("configuration reloaded").then_some(Ok(()))
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        reloaded.is_ok(),
        "SIGHUP while starting ended the gateway: {reloaded:?}\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let (hup, ready) = (text.find("SIGHUP"), text.find("sealgate ready"));
    assert!(hup.is_some() && ready.is_some(), "{text}");
}

/// `run` logs the warnings `check` prints, at start and on each reload.
#[test]
fn run_logs_the_same_warnings_at_start_and_on_reload() {
    let gw = Gateway::start("run-warn", "[delivery]\nphi_tls = \"may\"\n");
    let count = |log: &str| {
        log.lines()
            .filter(|l| l.contains("warning: delivery.phi_tls: `may` sends messages with PHI"))
            .count()
    };
    assert_eq!(count(&gw.log()), 1, "{}", gw.log());
    gw.signal(libc::SIGHUP);
    let log = wait_for("reload", T, || {
        let log = gw.log();
        log.contains("configuration reloaded").then_some(log)
    });
    assert_eq!(count(&log), 2, "{log}");
}

/// The portal's files and address are checked like the listener's: half a
/// certificate pair, a master key file others can read, and an address in
/// use are each named with their key, and nothing is generated.
#[test]
fn check_names_the_portals_problems() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("check-portal");
    std::fs::write(dir.join("portal.crt"), "not a certificate").unwrap();
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    let key_file = dir.join("keys/master.key");
    std::fs::write(
        &key_file,
        "v1 k1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
    )
    .unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let cfg = dir.join("sealgate.toml");
    std::fs::write(
        &cfg,
        format!(
            "[server]\nhostname = \"gw.test\"\n\n[[listener]]\naddress = \"127.0.0.1:{}\"\ntls = \"none\"\n\n\
             [dlp]\nrules_dir = \"{}\"\n\n[portal]\nlisten = \"{}\"\nbase_url = \"https://127.0.0.1:8443\"\n\
             cert = \"portal.crt\"\nkey = \"portal.key\"\nkey_file = \"keys/master.key\"\n",
            free_port(),
            rules(),
            taken.local_addr().unwrap()
        ),
    )
    .unwrap();
    let before = tree(&dir);
    let out = check(&cfg);
    let o = text(&out.stdout) + &text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{o}");
    for key in ["portal.key:", "portal.key_file:", "portal.listen:"] {
        assert!(o.contains(key), "no {key} problem in:\n{o}");
    }
    assert!(o.contains("chmod 600"), "{o}");
    assert_eq!(tree(&dir), before, "check left something behind");
}
