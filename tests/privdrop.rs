//! Privilege drop with real processes: started as root with `[server] user`,
//! `sealgate run` binds a port below 1024, then runs as that account (every
//! thread, real/effective/saved/filesystem ids) and still relays mail;
//! without `user` it refuses to start as root; data it cannot write is
//! named. Needs root (CI runs as root); otherwise skipped with a note.

mod common;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::os::unix::fs::MetadataExt;
use std::process::Command;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Root, or a skip with a note outside CI (in CI a skip is a failure).
fn root_or_skip() -> bool {
    if is_root() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tests/privdrop.rs needs root in CI"
    );
    eprintln!("skipped: not root, so there is no privilege to drop");
    false
}

/// An unprivileged account: `nobody` where it exists, else one made for
/// the test (and removed when the guard is dropped).
struct TestUser {
    name: String,
    uid: u32,
    gid: u32,
    created: bool,
}

impl TestUser {
    fn get() -> TestUser {
        if let Some(u) = Self::lookup("nobody") {
            return u;
        }
        let name = "sealgate-it";
        let st = Command::new("useradd")
            .args([
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                "--user-group",
                name,
            ])
            .status()
            .expect("useradd");
        assert!(st.success(), "useradd {name} failed");
        let mut u = Self::lookup(name).expect("the account just made");
        u.created = true;
        u
    }

    fn lookup(name: &str) -> Option<TestUser> {
        let out = Command::new("getent")
            .args(["passwd", name])
            .output()
            .ok()?;
        let line = String::from_utf8(out.stdout).ok()?;
        let f: Vec<&str> = line.trim().split(':').collect();
        (f.len() >= 4).then(|| TestUser {
            name: name.to_string(),
            uid: f[2].parse().unwrap(),
            gid: f[3].parse().unwrap(),
            created: false,
        })
    }
}

impl Drop for TestUser {
    fn drop(&mut self) {
        if self.created {
            let _ = Command::new("userdel").arg(&self.name).status();
        }
    }
}

/// A free port below 1024 on loopback (only root may bind it), other than
/// `not`, picked from 600..1000 starting at a place that depends on the
/// process id, so parallel runs rarely meet.
fn low_port(not: u16) -> u16 {
    let start = 600 + (std::process::id() % 400) as u16;
    (0..400)
        .map(|i| 600 + (start - 600 + i) % 400)
        .filter(|p| *p != not)
        .find(|p| TcpListener::bind((Ipv4Addr::LOCALHOST, *p)).is_ok())
        .expect("a free port in 600..1000")
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// Adds `user` to the harness config's `[server]`, and lets the account
/// into the test folder whatever the umask (the config folder is root's,
/// as /etc/sealgate would be).
fn with_user(gw: &Gateway, user: &TestUser) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&gw.dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let text = std::fs::read_to_string(&gw.config).unwrap().replacen(
        "[server]\n",
        &format!("[server]\nuser = \"{}\"\n", user.name),
        1,
    );
    std::fs::write(&gw.config, text).unwrap();
}

#[test]
fn root_binds_a_low_port_then_runs_as_the_user_and_relays() {
    if !root_or_skip() {
        return;
    }
    let user = TestUser::get();
    let sink = Sink::start(Behaviour::default());
    let low = low_port(0);
    let portal = low_port(low);
    // The portal's certificate as an admin installs it: its key readable
    // by the account only.
    let dir = temp_dir("privdrop");
    let pki = Pki::new(&dir, "privdrop");
    let leaf = pki.leaf("portal", &["127.0.0.1"], false);
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&leaf.key, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::os::unix::fs::chown(&leaf.key, Some(user.uid), Some(user.gid)).unwrap();
    }
    let sections = format!(
        "[dlp]\nrules_dir = \"rules\"\n\n[[listener]]\naddress = \"127.0.0.1:{low}\"\ntls = \"none\"\n\n{}\n{}",
        sink.route("sink.test"),
        common::portal::portal_section(portal, &leaf, "")
    );
    let mut gw = Gateway::offline_in(dir, &sections);
    // The checkout may sit where the account cannot read (CI's clone):
    // the rules go beside the config, as in an install.
    copy_dir(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")),
        &gw.dir.join("rules"),
    );
    with_user(&gw, &user);
    gw.spawn();
    let pid = gw.pid().expect("running");

    // Every thread: real, effective, saved and filesystem ids are the
    // user's, no supplementary group is root's, no capability is left.
    let tasks: Vec<_> = std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .flatten()
        .collect();
    assert!(tasks.len() > 1, "expected the runtime's threads");
    for t in tasks {
        let status = std::fs::read_to_string(t.path().join("status")).unwrap();
        for (key, want) in [("Uid:", user.uid), ("Gid:", user.gid)] {
            let line = status.lines().find(|l| l.starts_with(key)).unwrap();
            let ids: Vec<u32> = line[key.len()..]
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            assert_eq!(ids, vec![want; 4], "{:?}: {line}", t.path());
        }
        let groups = status.lines().find(|l| l.starts_with("Groups:")).unwrap();
        assert!(
            !groups.split_whitespace().skip(1).any(|g| g == "0"),
            "{groups}"
        );
        for cap in ["CapPrm:", "CapEff:", "CapAmb:"] {
            let line = status.lines().find(|l| l.starts_with(cap)).unwrap();
            assert!(line.ends_with("0000000000000000"), "{line}");
        }
    }

    // Mail goes through the port that only root could bind.
    let mut c = Client::connect(SocketAddr::from((Ipv4Addr::LOCALHOST, low)));
    assert!(c.reply().starts_with("220 gw.test"));
    let r = c.send_mail(
        "alice@tenant.test",
        &["bob@sink.test"],
        b"From: alice@tenant.test\r\nTo: bob@sink.test\r\nSubject: hello\r\n\r\nlow port\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    let got = sink.wait_count(1, T).remove(0);
    assert_eq!(got.rcpts, vec!["bob@sink.test"]);

    // The portal serves HTTPS on the other port only root could bind.
    let status = https_status(portal, &pki.ca_pem);
    assert!(status.starts_with("HTTP/1.1 "), "{status}");

    // What it created belongs to the user: the data folder it was given,
    // the spool, audit log and portal key it wrote, the certificate
    // generated for it.
    for p in [
        "var",
        "var/spool",
        "var/audit",
        "var/keys/audit.key",
        "var/portal/master.key",
        "certs/server.key",
    ] {
        let m = std::fs::metadata(gw.dir.join(p)).unwrap();
        assert_eq!((m.uid(), m.gid()), (user.uid, user.gid), "{p}");
    }
    let log = gw.log();
    assert!(
        log.contains(&format!("now running as {}", user.name)),
        "{log}"
    );
}

/// The status line of `GET /` over TLS (verified against `ca`) on `port`.
fn https_status(port: u16, ca: &std::path::Path) -> String {
    use std::io::{BufRead, Write};
    let tcp = std::net::TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    tcp.set_read_timeout(Some(T)).unwrap();
    let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
    let conn = rustls::ClientConnection::new(client_tls(ca, None), name).unwrap();
    let mut s = rustls::StreamOwned::new(conn, tcp);
    s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(s).read_line(&mut line).unwrap();
    line
}

#[test]
fn root_without_user_refuses_to_start() {
    if !root_or_skip() {
        return;
    }
    let gw = Gateway::offline("privdrop-refuse", "");
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&gw.config)
        .arg("run")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("started as root")
            && err.contains("[server] user")
            && err.contains(&gw.config.display().to_string())
            && err.contains("--allow-root"),
        "{err}"
    );
    // Refused before anything was opened or created.
    assert!(!gw.dir.join("var").exists(), "the data folder was created");
    assert!(
        !gw.dir.join("certs").exists(),
        "certificates were generated"
    );
    assert!(
        TcpListener::bind(gw.addr()).is_ok(),
        "the listener's port is still bound"
    );
}

#[test]
fn a_data_folder_the_user_cannot_write_is_named() {
    if !root_or_skip() {
        return;
    }
    let user = TestUser::get();
    let gw = Gateway::offline("privdrop-owner", "");
    // A data folder made by root (as a careless install would) and left so.
    let data = gw.dir.join("var");
    std::fs::create_dir_all(&data).unwrap();
    with_user(&gw, &user);
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&gw.config)
        .arg("run")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{} cannot be written by user {}",
            data.display(),
            user.name
        )) && err.contains(&format!("chown -R {}:", user.name)),
        "{err}"
    );
}
