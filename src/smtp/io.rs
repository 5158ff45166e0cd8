//! A buffered SMTP connection, plain or TLS.
//!
//! Replies are queued and written only when the session is about to block on
//! a read: that is exactly RFC 2920's rule for PIPELINING, and it turns a
//! pipelined MAIL/RCPT/RCPT/DATA burst into one write.

use std::io;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_rustls::server::TlsStream;

/// The inbound session's stream.
pub type Stream = MaybeTls<TlsStream<TcpStream>>;

use crate::proto::stream::MaybeTls;

#[derive(Debug, thiserror::Error)]
pub enum ConnError {
    #[error("connection closed by client")]
    Closed,
    #[error("timeout")]
    Timeout,
    #[error("I/O: {0}")]
    Io(#[from] io::Error),
}

/// A command line that could not be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LineError {
    TooLong,
    BareNewline,
    NotUtf8,
}

pub struct Conn {
    pub stream: Stream,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    write_timeout: Duration,
}

const READ_CHUNK: usize = 16 * 1024;

impl Conn {
    pub fn new(stream: Stream, write_timeout: Duration) -> Conn {
        Conn {
            stream,
            rbuf: Vec::with_capacity(READ_CHUNK),
            rpos: 0,
            wbuf: Vec::with_capacity(1024),
            write_timeout,
        }
    }

    /// Queues one reply line set; `text` may hold several lines joined by '\n'
    /// and becomes a proper multi-line reply (`250-...` / `250 ...`).
    pub fn reply(&mut self, text: &str) {
        let lines: Vec<&str> = text.split('\n').collect();
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            if i + 1 < n && line.len() >= 3 && line.as_bytes().get(3) == Some(&b' ') {
                self.wbuf.extend_from_slice(&line.as_bytes()[..3]);
                self.wbuf.push(b'-');
                self.wbuf.extend_from_slice(&line.as_bytes()[4..]);
            } else {
                self.wbuf.extend_from_slice(line.as_bytes());
            }
            self.wbuf.extend_from_slice(b"\r\n");
        }
    }

    /// Writes queued replies, bounded like reads: a client that never
    /// reads must not hold its session (and its connection slot) forever.
    pub async fn flush(&mut self) -> Result<(), ConnError> {
        if !self.wbuf.is_empty() {
            let write = async {
                self.stream.write_all(&self.wbuf).await?;
                self.stream.flush().await
            };
            match tokio::time::timeout(self.write_timeout, write).await {
                Ok(r) => r?,
                Err(_) => return Err(ConnError::Timeout),
            }
            self.wbuf.clear();
        }
        Ok(())
    }

    /// Bytes received but not yet consumed.
    pub fn buffered(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    pub fn consume(&mut self, n: usize) {
        self.rpos += n;
        if self.rpos >= self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
    }

    /// Drops whatever the client sent ahead; returns how much.
    pub fn discard_buffered(&mut self) -> usize {
        let n = self.rbuf.len() - self.rpos;
        self.rbuf.clear();
        self.rpos = 0;
        n
    }

    /// Flushes pending replies, then reads more bytes (0 means EOF).
    pub async fn fill(&mut self, timeout: Duration) -> Result<usize, ConnError> {
        self.fill_by(after(timeout)).await
    }

    /// As `fill`, but gives up at `deadline`: the whole of a command line
    /// or a message must arrive in time, not just each read (a byte every
    /// 45 s would otherwise keep a session forever).
    pub async fn fill_by(&mut self, deadline: Instant) -> Result<usize, ConnError> {
        self.flush().await?;
        if self.rpos > 0 && self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        } else if self.rpos > READ_CHUNK {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let start = self.rbuf.len();
        self.rbuf.resize(start + READ_CHUNK, 0);
        let r = tokio::time::timeout_at(deadline, self.stream.read(&mut self.rbuf[start..])).await;
        let n = match r {
            Ok(Ok(n)) => n,
            Ok(Err(e)) => {
                self.rbuf.truncate(start);
                return Err(e.into());
            }
            Err(_) => {
                self.rbuf.truncate(start);
                return Err(ConnError::Timeout);
            }
        };
        self.rbuf.truncate(start + n);
        Ok(n)
    }

    /// Reads one CRLF-terminated command line of at most `max` bytes;
    /// `timeout` bounds the whole line (Postfix's
    /// `smtpd_per_record_deadline`), not each read.
    ///
    /// An over-long line is consumed up to its end and reported, so the
    /// session can answer 500 and stay in step with the client.
    pub async fn read_line(
        &mut self,
        max: usize,
        timeout: Duration,
    ) -> Result<Result<String, LineError>, ConnError> {
        let deadline = after(timeout);
        let mut skipping = false;
        loop {
            let avail = &self.rbuf[self.rpos..];
            if let Some(nl) = memchr::memchr(b'\n', avail) {
                let line = &avail[..nl];
                // `max` counts the CRLF, as RFC 5321 §4.5.3.1.4 does.
                let result = if skipping || nl + 1 > max {
                    Err(LineError::TooLong)
                } else if line.last() != Some(&b'\r') || line[..line.len() - 1].contains(&b'\r') {
                    Err(LineError::BareNewline)
                } else {
                    std::str::from_utf8(&line[..line.len() - 1])
                        .map(str::to_string)
                        .map_err(|_| LineError::NotUtf8)
                };
                self.consume(nl + 1);
                return Ok(result);
            }
            if avail.len() > max {
                skipping = true;
                self.discard_buffered();
            }
            if self.fill_by(deadline).await? == 0 {
                return Err(ConnError::Closed);
            }
        }
    }
}

/// `d` from now; a configured duration too large for the clock means
/// "practically never" rather than a panic.
fn after(d: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(d)
        .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86_400))
}

/// The deadline of one message's content (DATA, or all BDAT chunks of one
/// message): `grace` plus one second per `min_rate` bytes received, so a
/// client dripping content slower than `min_rate` is cut off after about
/// `grace`, while a large message at a sane rate gets the time it needs.
/// Each read is also bounded by `grace`, as before.
#[derive(Debug, Clone, Copy)]
pub struct DataClock {
    start: Instant,
    grace: Duration,
    min_rate: u64,
    bytes: u64,
}

impl DataClock {
    /// `min_rate` in bytes per second; 0 leaves only the per-read bound.
    pub fn start(grace: Duration, min_rate: u64) -> DataClock {
        DataClock {
            start: Instant::now(),
            grace,
            min_rate,
            bytes: 0,
        }
    }

    pub fn received(&mut self, n: usize) {
        self.bytes = self.bytes.saturating_add(n as u64);
    }

    /// When the next read must have returned.
    pub fn deadline(&self) -> Instant {
        let per_read = after(self.grace);
        if self.min_rate == 0 {
            return per_read;
        }
        let earned = Duration::from_millis(self.bytes.saturating_mul(1000) / self.min_rate);
        match self.start.checked_add(self.grace.saturating_add(earned)) {
            Some(by_rate) => per_read.min(by_rate),
            None => per_read,
        }
    }
}
