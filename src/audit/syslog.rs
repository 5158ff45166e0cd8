//! A copy of every audit record for a SIEM, as RFC 5424 syslog messages
//! over UDP (RFC 5426) or a local datagram socket such as `/dev/log`.
//!
//! The copy is best effort and never slows the log: sockets are
//! non-blocking and a send that fails is counted, not retried. The signed
//! log on disk stays the record of truth; the copy helps because a record
//! that reached the SIEM cannot later be cut from the local tail.

use std::net::{SocketAddr, UdpSocket};
use std::os::unix::net::UnixDatagram;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, thiserror::Error)]
pub enum SyslogError {
    #[error("`{0}` is not a syslog destination; write \"udp://HOST:PORT\" or \"unix:/dev/log\"")]
    Destination(String),
    #[error(
        "unknown syslog facility `{0}`; use e.g. \"local0\" … \"local7\", \"auth\", \"authpriv\", \"daemon\""
    )]
    Facility(String),
    #[error("syslog destination {0}: {1}")]
    Io(String, std::io::Error),
}

#[derive(Debug)]
enum Socket {
    Udp(UdpSocket),
    Unix(UnixDatagram),
}

/// Where copies go. Clones share the socket and the failure count.
#[derive(Debug, Clone)]
pub struct Syslog {
    socket: Arc<Socket>,
    facility: u8,
    hostname: String,
    pid: u32,
    failed: Arc<AtomicU64>,
    last_warned_ms: Arc<AtomicU64>,
}

/// Facility numbers from RFC 5424 §6.2.1.
fn facility(name: &str) -> Option<u8> {
    Some(match name {
        "kern" => 0,
        "user" => 1,
        "mail" => 2,
        "daemon" => 3,
        "auth" => 4,
        "syslog" => 5,
        "authpriv" => 10,
        "local0" => 16,
        "local1" => 17,
        "local2" => 18,
        "local3" => 19,
        "local4" => 20,
        "local5" => 21,
        "local6" => 22,
        "local7" => 23,
        _ => return None,
    })
}

impl Syslog {
    /// `destination` is `udp://HOST:PORT` (an address, not a name to
    /// resolve) or `unix:PATH`.
    pub fn connect(
        destination: &str,
        facility_name: &str,
        hostname: &str,
    ) -> Result<Syslog, SyslogError> {
        let fac =
            facility(facility_name).ok_or_else(|| SyslogError::Facility(facility_name.into()))?;
        let err = |e| SyslogError::Io(destination.to_string(), e);
        let socket = if let Some(addr) = destination.strip_prefix("udp://") {
            let addr: SocketAddr = addr
                .parse()
                .map_err(|_| SyslogError::Destination(destination.into()))?;
            let local: SocketAddr = if addr.is_ipv4() {
                ([0, 0, 0, 0], 0).into()
            } else {
                ([0u16; 8], 0).into()
            };
            let s = UdpSocket::bind(local).map_err(err)?;
            s.connect(addr).map_err(err)?;
            s.set_nonblocking(true).map_err(err)?;
            Socket::Udp(s)
        } else if let Some(path) = destination.strip_prefix("unix:") {
            let s = UnixDatagram::unbound().map_err(err)?;
            s.connect(path).map_err(err)?;
            s.set_nonblocking(true).map_err(err)?;
            Socket::Unix(s)
        } else {
            return Err(SyslogError::Destination(destination.into()));
        };
        Ok(Syslog {
            socket: Arc::new(socket),
            facility: fac,
            hostname: hostname
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .take(255)
                .collect(),
            pid: std::process::id(),
            failed: Arc::default(),
            last_warned_ms: Arc::default(),
        })
    }

    /// `<PRI>1 TIME HOST sealgate PID audit - RECORD`, severity
    /// informational; the record is the exact line in the log.
    pub fn format(&self, line: &str, time_ms: u64) -> String {
        let pri = u32::from(self.facility) * 8 + 6;
        let host = if self.hostname.is_empty() {
            "-"
        } else {
            &self.hostname
        };
        format!(
            "<{pri}>1 {} {host} sealgate {} audit - {line}",
            crate::time::rfc3339_ms(time_ms),
            self.pid
        )
    }

    pub fn send(&self, line: &str, time_ms: u64) {
        let msg = self.format(line, time_ms);
        let sent = match &*self.socket {
            Socket::Udp(s) => s.send(msg.as_bytes()),
            Socket::Unix(s) => s.send(msg.as_bytes()),
        };
        if let Err(e) = sent {
            let n = self.failed.fetch_add(1, Ordering::Relaxed) + 1;
            // At most one warning a minute: a SIEM outage must not flood
            // the operational log.
            let now = crate::time::unix_now_ms();
            let last = self.last_warned_ms.load(Ordering::Relaxed);
            if now.saturating_sub(last) >= 60_000
                && self
                    .last_warned_ms
                    .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                    .is_ok()
            {
                tracing::warn!(error = %e, failed_total = n, "audit copy to syslog not sent");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_arrives_as_rfc5424_over_udp() {
        let sink = UdpSocket::bind("127.0.0.1:0").unwrap();
        let dest = format!("udp://{}", sink.local_addr().unwrap());
        let s = Syslog::connect(&dest, "local0", "gw.example.org").unwrap();
        s.send(r#"{"event":"received","seq":1}"#, 1_796_000_000_000);
        sink.set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        let mut buf = [0u8; 2048];
        let n = sink.recv(&mut buf).unwrap();
        let got = std::str::from_utf8(&buf[..n]).unwrap();
        let want = format!(
            "<134>1 {} gw.example.org sealgate {} audit - {{\"event\":\"received\",\"seq\":1}}",
            crate::time::rfc3339_ms(1_796_000_000_000),
            std::process::id()
        );
        assert_eq!(got, want);
        assert!(Syslog::connect("tcp://127.0.0.1:514", "local0", "h").is_err());
        assert!(Syslog::connect(&dest, "local9", "h").is_err());
    }
}
