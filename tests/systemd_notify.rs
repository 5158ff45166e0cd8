//! systemd's notification protocol against a real `sealgate run`: the test
//! binds the Unix datagram socket systemd would, passes it as NOTIFY_SOCKET
//! (a path, then an abstract `@name`), and reads what arrives: READY=1 only
//! once the SMTP port answers, WATCHDOG=1 at half of WATCHDOG_USEC,
//! RELOADING=1 then READY=1 around a SIGHUP, STOPPING=1 on SIGTERM.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::os::unix::net::UnixDatagram;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const T: Duration = Duration::from_secs(30);

/// Starts the gateway of `gw`'s config with `NOTIFY_SOCKET=addr` and a
/// 200 ms watchdog.
fn spawn(gw: &Gateway, addr: &str) -> Child {
    let log = std::fs::File::create(gw.dir.join("gateway.log")).unwrap();
    Command::new(BIN)
        .arg("--config")
        .arg(&gw.config)
        .args(["run", "--allow-root"])
        .env("NOTIFY_SOCKET", addr)
        .env("WATCHDOG_USEC", "200000")
        .env_remove("WATCHDOG_PID")
        .env("RUST_LOG", "sealgate=debug")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

/// The next datagram, or a panic naming `what` at the deadline.
fn next(sock: &UnixDatagram, what: &str, end: Instant, gw: &Gateway) -> String {
    let mut buf = [0u8; 4096];
    let left = end.saturating_duration_since(Instant::now());
    assert!(
        !left.is_zero(),
        "timed out waiting for {what}; log:\n{}",
        gw.log()
    );
    sock.set_read_timeout(Some(left)).unwrap();
    match sock.recv(&mut buf) {
        Ok(n) => String::from_utf8_lossy(&buf[..n]).into_owned(),
        Err(e) => panic!("no {what}: {e}; log:\n{}", gw.log()),
    }
}

/// Reads datagrams until one has the line `line`, returning it; other
/// datagrams met on the way (watchdog pings) are returned too.
fn until(sock: &UnixDatagram, line: &str, gw: &Gateway) -> (String, Vec<String>) {
    let end = Instant::now() + T;
    let mut seen = Vec::new();
    loop {
        let d = next(sock, line, end, gw);
        if d.lines().any(|l| l == line) {
            return (d, seen);
        }
        seen.push(d);
    }
}

fn signal(child: &Child, sig: i32) {
    // SAFETY: kill on our own child's pid.
    unsafe { libc::kill(child.id() as i32, sig) };
}

/// The whole life of one gateway as systemd would see it.
fn lifecycle(gw: &Gateway, sock: &UnixDatagram, addr: &str) {
    let mut child = spawn(gw, addr);
    let (ready, before) = until(sock, "READY=1", gw);
    // At READY=1 the port must already serve: connect and read the banner
    // without retrying.
    let s = TcpStream::connect(gw.addr()).expect("SMTP port accepts at READY=1");
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut banner = String::new();
    BufReader::new(s).read_line(&mut banner).unwrap();
    assert!(banner.starts_with("220 "), "{banner}");
    assert!(
        ready
            .lines()
            .any(|l| l.starts_with("STATUS=accepting mail on 127.0.0.1:")),
        "{ready}"
    );
    assert!(
        before.iter().all(|d| !d.contains("WATCHDOG=1")),
        "watchdog pinged before ready: {before:?}"
    );

    // The watchdog: 200 ms asked, so a ping every 100 ms; three pings in
    // a row prove it repeats.
    let end = Instant::now() + T;
    let mut pings = 0;
    while pings < 3 {
        if next(sock, "WATCHDOG=1", end, gw) == "WATCHDOG=1" {
            pings += 1;
        }
    }

    signal(&child, libc::SIGHUP);
    let (reloading, _) = until(sock, "RELOADING=1", gw);
    assert!(
        reloading.lines().any(|l| l.starts_with("MONOTONIC_USEC=")),
        "{reloading}"
    );
    until(sock, "READY=1", gw);

    signal(&child, libc::SIGTERM);
    until(sock, "STOPPING=1", gw);
    let status = wait_for("exit after SIGTERM", T, || child.try_wait().ok().flatten());
    assert!(status.success(), "{status}; log:\n{}", gw.log());
}

#[test]
fn ready_watchdog_reload_and_stop_reach_a_path_socket() {
    let gw = Gateway::offline("notify-path", "");
    let path = gw.dir.join("notify.sock");
    let sock = UnixDatagram::bind(&path).unwrap();
    lifecycle(&gw, &sock, path.to_str().unwrap());
}

#[test]
fn an_abstract_socket_is_reached_by_its_at_name() {
    use std::os::linux::net::SocketAddrExt;
    let gw = Gateway::offline("notify-abstract", "");
    let name = format!("sealgate-it-notify-{}", std::process::id());
    let addr = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes()).unwrap();
    let sock = UnixDatagram::bind_addr(&addr).unwrap();
    lifecycle(&gw, &sock, &format!("@{name}"));
}
