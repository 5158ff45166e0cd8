//! systemd's service notification protocol (sd_notify(3)), spoken directly:
//! one datagram of `KEY=VALUE` lines to the socket named by `$NOTIFY_SOCKET`.
//!
//! With `Type=notify`, systemd starts the units that depend on sealgate only
//! after READY=1, which is sent once the listeners are bound and the queue
//! is recovered — so "started" means "accepting mail", not "exec'd". With
//! `WatchdogSec=`, a gateway that stops pinging (a wedged runtime) is killed
//! and restarted instead of silently holding the tenant's mail.
//!
//! The protocol is a few lines over a Unix datagram socket, so it is written
//! here with std's `UnixDatagram` rather than pulling in libsystemd. Without
//! `$NOTIFY_SOCKET` (not under systemd, or a `Type=` that does not ask)
//! every call does nothing. A failed send is reported to the caller, which
//! logs it: notification is never a reason to stop serving mail.

use std::io;
use std::os::unix::net::UnixDatagram;
use std::time::Duration;

/// The socket systemd listens on, if any.
pub const SOCKET_ENV: &str = "NOTIFY_SOCKET";

/// Sends `state` (newline-separated `KEY=VALUE` lines) to `$NOTIFY_SOCKET`.
/// Ok(false) when the variable is unset: nothing to tell.
pub fn notify(state: &str) -> io::Result<bool> {
    match std::env::var_os(SOCKET_ENV) {
        Some(addr) if !addr.is_empty() => send_to(&addr, state).map(|()| true),
        _ => Ok(false),
    }
}

/// One datagram to `addr`: a filesystem path, or an abstract socket when it
/// starts with `@` (systemd's notation for a leading NUL byte).
pub fn send_to(addr: &std::ffi::OsStr, state: &str) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let sock = UnixDatagram::unbound()?;
    let bytes = addr.as_bytes();
    let sent = match bytes.strip_prefix(b"@") {
        Some(name) => {
            use std::os::linux::net::SocketAddrExt;
            let a = std::os::unix::net::SocketAddr::from_abstract_name(name)?;
            sock.send_to_addr(state.as_bytes(), &a)?
        }
        None => sock.send_to(state.as_bytes(), addr)?,
    };
    if sent != state.len() {
        return Err(io::Error::new(
            io::ErrorKind::WriteZero,
            format!("sent {sent} of {} bytes", state.len()),
        ));
    }
    Ok(())
}

/// READY=1 with a human-readable STATUS= line (`systemctl status` shows it).
pub fn ready(status: &str) -> io::Result<bool> {
    notify(&format!("READY=1\nSTATUS={}", one_line(status)))
}

/// Sent when shutdown begins, so systemd knows the exit that follows is
/// intended and the drain is under way.
pub fn stopping() -> io::Result<bool> {
    notify("STOPPING=1\nSTATUS=draining sessions and deliveries")
}

/// Sent when a SIGHUP reload starts; `ready` follows when it is done.
/// MONOTONIC_USEC lets newer systemd (`Type=notify-reload`) match the
/// reload to its request; older versions ignore it.
pub fn reloading() -> io::Result<bool> {
    let now = nix::time::clock_gettime(nix::time::ClockId::CLOCK_MONOTONIC)
        .map(|t| t.tv_sec() as u64 * 1_000_000 + t.tv_nsec() as u64 / 1_000)
        .unwrap_or(0);
    notify(&format!(
        "RELOADING=1\nMONOTONIC_USEC={now}\nSTATUS=reloading the configuration"
    ))
}

/// How often to send WATCHDOG=1: half of `$WATCHDOG_USEC`, as sd_watchdog_enabled(3)
/// advises, so one late tick does not get the service killed. None when no
/// watchdog is set, or when `$WATCHDOG_PID` names another process (the
/// variable was inherited, not meant for us).
pub fn watchdog_interval() -> Option<Duration> {
    let usec: u64 = std::env::var("WATCHDOG_USEC").ok()?.trim().parse().ok()?;
    if usec == 0 {
        return None;
    }
    if let Ok(pid) = std::env::var("WATCHDOG_PID")
        && pid.trim().parse::<u32>().ok() != Some(std::process::id())
    {
        return None;
    }
    Some(Duration::from_micros(usec / 2).max(Duration::from_millis(1)))
}

/// Pings the watchdog until the task is dropped. It runs on the gateway's
/// async runtime, so the pings stop — and systemd restarts sealgate — when
/// the runtime that serves SMTP, the queue and the portal stops making
/// progress. The first ping goes out at once.
pub async fn watchdog(every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut warned = false;
    loop {
        tick.tick().await;
        if let Err(e) = notify("WATCHDOG=1")
            && !warned
        {
            warned = true;
            tracing::warn!(error = %e, "cannot ping systemd's watchdog");
        }
    }
}

/// systemd reads one line per key: a newline in a status would start a
/// new (bogus) assignment.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_and_abstract_sockets_receive_the_datagram() {
        let dir = std::env::temp_dir().join(format!("sealgate-notify-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("notify.sock");
        let rx = UnixDatagram::bind(&path).unwrap();
        send_to(path.as_os_str(), "READY=1").unwrap();
        let mut buf = [0u8; 256];
        let n = rx.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"READY=1");

        use std::os::linux::net::SocketAddrExt;
        let name = format!("sealgate-notify-test-{}", std::process::id());
        let addr = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes()).unwrap();
        let rx = UnixDatagram::bind_addr(&addr).unwrap();
        send_to(std::ffi::OsStr::new(&format!("@{name}")), "WATCHDOG=1").unwrap();
        let n = rx.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"WATCHDOG=1");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_socket_is_an_error_not_a_panic() {
        assert!(send_to(std::ffi::OsStr::new("/nonexistent/notify.sock"), "READY=1").is_err());
    }

    #[test]
    fn status_stays_on_one_line() {
        assert_eq!(one_line("a\nb\rc"), "a b c");
    }
}
