//! The SMTP client for one connection to a next hop: banner, EHLO,
//! STARTTLS at the level policy asks for, and transactions with one result
//! per recipient (RFC 5321, RFC 2920 PIPELINING, RFC 3461 DSN parameters).

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::config::TlsLevel;
use crate::outbound::verify::{self, Demand, Pkix, TlsFail, Verified};
use crate::proto::params::{Body, MailParams, Recipient};
use crate::proto::reply::Reply;

/// The outbound client's stream.
pub type ClientStream = crate::proto::stream::MaybeTls<TlsStream<TcpStream>>;

/// Why a connection could not carry a transaction; the next MX may be tried.
#[derive(Debug, thiserror::Error)]
pub enum ConnFail {
    #[error("connect to {0}: {1}")]
    Connect(SocketAddr, io::Error),
    #[error("timeout talking to {0}")]
    Timeout(String),
    #[error("I/O with {0}: {1}")]
    Io(String, io::Error),
    #[error("{host} said: {reply}")]
    Refused {
        host: String,
        reply: String,
        permanent: bool,
    },
    #[error("protocol error from {0}: {1}")]
    Protocol(String, String),
    /// The host was reached, and its TLS did not meet the demand.
    #[error("{0}")]
    Policy(TlsFail),
    /// As `Policy`, after a handshake: what the handshake showed.
    #[error("{0}")]
    Judged(TlsFail, Box<TlsInfo>),
}

impl ConnFail {
    /// The TLS failure this is, if the host was reached and failed the
    /// demand, with what its handshake showed.
    pub fn tls_fail(&self) -> Option<(&TlsFail, Option<&TlsInfo>)> {
        match self {
            ConnFail::Policy(f) => Some((f, None)),
            ConnFail::Judged(f, i) => Some((f, Some(i))),
            _ => None,
        }
    }

    /// The RFC 3463 status a deferral for this reason carries, as Postfix
    /// reports them (4.4.1 no answer, 4.4.2 lost, 4.7.5 TLS failed...).
    pub fn status(&self) -> String {
        match self {
            ConnFail::Connect(..) => "4.4.1".into(),
            ConnFail::Timeout(_) | ConnFail::Io(..) => "4.4.2".into(),
            ConnFail::Refused { reply, .. } => reply
                .split(' ')
                .nth(1)
                .filter(|s| s.split('.').count() == 3 && s.starts_with(['4', '5']))
                .map(|s| format!("4{}", &s[1..]))
                .unwrap_or_else(|| "4.0.0".into()),
            ConnFail::Protocol(..) => "4.5.0".into(),
            ConnFail::Policy(f) | ConnFail::Judged(f, _) => f.status().into(),
        }
    }
}

impl From<(String, io::Error)> for ConnFail {
    fn from((h, e): (String, io::Error)) -> Self {
        ConnFail::Io(h, e)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Extensions {
    pub pipelining: bool,
    pub size: Option<u64>,
    pub eightbit: bool,
    pub smtputf8: bool,
    pub dsn: bool,
    pub starttls: bool,
    /// RFC 8689.
    pub requiretls: bool,
}

pub struct Timeouts {
    pub connect: Duration,
    pub command: Duration,
    pub data: Duration,
}

/// TLS for every outbound connection: TLS 1.2+, any certificate at the
/// handshake, then [`verify::judge`] on the chain before anything is sent.
pub struct TlsConfigs {
    pub connector: TlsConnector,
    pub pkix: Pkix,
}

pub struct SmtpClient {
    stream: ClientStream,
    rbuf: Vec<u8>,
    pub host: String,
    pub addr: SocketAddr,
    pub ext: Extensions,
    /// What TLS was agreed and how the certificate was checked; None for plaintext.
    pub tls: Option<TlsInfo>,
    /// What this connection was judged against; a pooled connection is
    /// reused only for the same demand.
    pub demand: Demand,
}

/// The TLS facts of one outbound connection, for logs and the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsInfo {
    pub negotiated: crate::proto::tls::Negotiated,
    pub verified: Verified,
    /// SHA-256 of the peer's end-entity certificate (DER), lowercase hex.
    pub cert_sha256: Option<String>,
}

/// One message to one set of recipients at one next hop.
pub struct Transaction<'a> {
    pub sender: Option<&'a crate::proto::address::Address>,
    pub params: &'a MailParams,
    pub rcpts: &'a [&'a Recipient],
    pub message: &'a [u8],
}

impl SmtpClient {
    /// Connects and greets, negotiating TLS as `demand` requires and judging
    /// the peer before returning. `plain_only` is the retry after an
    /// opportunistic handshake failed.
    pub async fn connect(
        addr: SocketAddr,
        host: &str,
        helo: &str,
        demand: &Demand,
        tls: &TlsConfigs,
        t: &Timeouts,
        plain_only: bool,
    ) -> Result<SmtpClient, ConnFail> {
        let level = demand.level;
        let tcp = tokio::time::timeout(t.connect, TcpStream::connect(addr))
            .await
            .map_err(|_| ConnFail::Timeout(host.to_string()))?
            .map_err(|e| ConnFail::Connect(addr, e))?;
        let _ = tcp.set_nodelay(true);
        let mut c = SmtpClient {
            stream: ClientStream::Plain(tcp),
            rbuf: Vec::with_capacity(4096),
            host: host.to_string(),
            addr,
            ext: Extensions::default(),
            tls: None,
            demand: demand.clone(),
        };
        let banner = c.read_reply(t.command).await?;
        if banner.code != 220 {
            return Err(c.refused(&banner));
        }
        c.ehlo(helo, t).await?;
        let needs_tls = demand.needs_tls();
        let want_tls = (level > TlsLevel::None || needs_tls) && !plain_only;
        if want_tls && c.ext.starttls {
            c.write(b"STARTTLS\r\n").await?;
            let r = c.read_reply(t.command).await?;
            if r.code != 220 {
                if !needs_tls {
                    // Offered but refused: RFC 3207 lets us carry on in plaintext at "may".
                    return Ok(c);
                }
                return Err(ConnFail::Policy(TlsFail::Handshake {
                    host: host.to_string(),
                    error: format!("STARTTLS refused: {}", r.line()),
                }));
            }
            let name = ServerName::try_from(host.trim_end_matches('.').to_string())
                .or_else(|_| ServerName::try_from(addr.ip().to_string()))
                .map_err(|e| {
                    ConnFail::Policy(TlsFail::Handshake {
                        host: host.to_string(),
                        error: e.to_string(),
                    })
                })?;
            let ClientStream::Plain(tcp) = c.stream else {
                return Err(ConnFail::Protocol(host.to_string(), "TLS twice".into()));
            };
            let tls_stream = tokio::time::timeout(t.command, tls.connector.connect(name, tcp))
                .await
                .map_err(|_| ConnFail::Timeout(host.to_string()))?
                .map_err(|e| {
                    ConnFail::Policy(TlsFail::Handshake {
                        host: host.to_string(),
                        error: crate::proto::tls::error_text(&e),
                    })
                })?;
            let (_, conn) = tls_stream.get_ref();
            let chain: Vec<_> = conn.peer_certificates().unwrap_or_default().to_vec();
            let judged = verify::judge(
                demand,
                host,
                &chain,
                &tls.pkix,
                rustls_pki_types::UnixTime::now(),
            );
            let info = TlsInfo {
                negotiated: crate::proto::tls::Negotiated::of(conn),
                verified: *judged.as_ref().unwrap_or(&Verified::None),
                cert_sha256: chain
                    .first()
                    .map(|leaf| crate::proto::hash::sha256_hex(leaf.as_ref())),
            };
            c.tls = Some(info.clone());
            c.stream = ClientStream::Tls(Box::new(tls_stream));
            if let Err(fail) = judged {
                // Nothing of the message was sent; say goodbye over the
                // channel we no longer trust and hand back what we saw.
                let _ = tokio::time::timeout(Duration::from_secs(2), c.write(b"QUIT\r\n")).await;
                return Err(ConnFail::Judged(fail, Box::new(info)));
            }
            c.rbuf.clear();
            c.ext = Extensions::default();
            c.ehlo(helo, t).await?;
            if demand.requiretls && !c.ext.requiretls {
                let _ = c.quit().await;
                let info = c.tls.clone().map(Box::new);
                let fail = TlsFail::NoRequireTls {
                    host: host.to_string(),
                };
                return Err(match info {
                    Some(i) => ConnFail::Judged(fail, i),
                    None => ConnFail::Policy(fail),
                });
            }
        } else if want_tls && needs_tls {
            let _ = c.quit().await;
            return Err(ConnFail::Policy(TlsFail::NoStartTls {
                host: host.to_string(),
                why: verify::tls_reason(demand),
            }));
        }
        Ok(c)
    }

    fn refused(&self, r: &Reply) -> ConnFail {
        ConnFail::Refused {
            host: self.host.clone(),
            reply: r.line(),
            permanent: r.code >= 500,
        }
    }

    async fn ehlo(&mut self, helo: &str, t: &Timeouts) -> Result<(), ConnFail> {
        self.write(format!("EHLO {helo}\r\n").as_bytes()).await?;
        let r = self.read_reply(t.command).await?;
        if r.is_ok() {
            self.ext = parse_extensions(&r.text);
            return Ok(());
        }
        self.write(format!("HELO {helo}\r\n").as_bytes()).await?;
        let r = self.read_reply(t.command).await?;
        if !r.is_ok() {
            return Err(self.refused(&r));
        }
        self.ext = Extensions::default();
        Ok(())
    }

    async fn write(&mut self, b: &[u8]) -> Result<(), ConnFail> {
        self.stream
            .write_all(b)
            .await
            .map_err(|e| ConnFail::Io(self.host.clone(), e))?;
        self.stream
            .flush()
            .await
            .map_err(|e| ConnFail::Io(self.host.clone(), e))
    }

    /// Reads one possibly multi-line reply; the text of all lines is joined by '\n'.
    pub async fn read_reply(&mut self, timeout: Duration) -> Result<Reply, ConnFail> {
        let mut lines: Vec<String> = Vec::new();
        loop {
            let line = self.read_line(timeout).await?;
            if line.len() < 3 || !line.as_bytes()[..3].iter().all(u8::is_ascii_digit) {
                return Err(ConnFail::Protocol(
                    self.host.clone(),
                    format!("bad reply line {line:?}"),
                ));
            }
            let more = line.as_bytes().get(3) == Some(&b'-');
            lines.push(line);
            if !more {
                break;
            }
            if lines.len() > 100 {
                return Err(ConnFail::Protocol(
                    self.host.clone(),
                    "reply too long".into(),
                ));
            }
        }
        let code: u16 = lines[0][..3].parse().unwrap_or(0);
        let text: Vec<&str> = lines.iter().map(|l| l.get(4..).unwrap_or("")).collect();
        let mut text = text.join("\n");
        let status = match enhanced(&text) {
            Some(s) if s.starts_with(&lines[0][..1]) => {
                let s = s.to_string();
                text = text[s.len()..].trim_start().to_string();
                s
            }
            _ => format!("{}.0.0", code / 100),
        };
        Ok(Reply { code, status, text })
    }

    async fn read_line(&mut self, timeout: Duration) -> Result<String, ConnFail> {
        loop {
            if let Some(nl) = memchr::memchr(b'\n', &self.rbuf) {
                let mut line: Vec<u8> = self.rbuf.drain(..=nl).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(String::from_utf8_lossy(&line).into_owned());
            }
            if self.rbuf.len() > 8192 {
                return Err(ConnFail::Protocol(
                    self.host.clone(),
                    "reply line too long".into(),
                ));
            }
            let mut chunk = [0u8; 4096];
            let n = tokio::time::timeout(timeout, self.stream.read(&mut chunk))
                .await
                .map_err(|_| ConnFail::Timeout(self.host.clone()))?
                .map_err(|e| ConnFail::Io(self.host.clone(), e))?;
            if n == 0 {
                return Err(ConnFail::Io(
                    self.host.clone(),
                    io::ErrorKind::UnexpectedEof.into(),
                ));
            }
            self.rbuf.extend_from_slice(&chunk[..n]);
        }
    }

    /// Runs MAIL, RCPT... and DATA (pipelined when the server allows) and
    /// returns one reply per recipient: its RCPT refusal, or the DATA result.
    pub async fn transaction(
        &mut self,
        tx: &Transaction<'_>,
        t: &Timeouts,
    ) -> Result<Vec<Reply>, ConnFail> {
        let mail = self.mail_command(tx);
        let rcpts: Vec<String> = tx.rcpts.iter().map(|r| self.rcpt_command(r)).collect();
        let mut replies = Vec::with_capacity(tx.rcpts.len());
        let mail_reply;
        let mut data_reply = None;
        if self.ext.pipelining {
            let mut burst = mail.into_bytes();
            for r in &rcpts {
                burst.extend_from_slice(r.as_bytes());
            }
            burst.extend_from_slice(b"DATA\r\n");
            self.write(&burst).await?;
            mail_reply = self.read_reply(t.command).await?;
            for _ in &rcpts {
                replies.push(self.read_reply(t.command).await?);
            }
            data_reply = Some(self.read_reply(t.command).await?);
        } else {
            self.write(mail.as_bytes()).await?;
            mail_reply = self.read_reply(t.command).await?;
            if mail_reply.is_ok() {
                for r in &rcpts {
                    self.write(r.as_bytes()).await?;
                    replies.push(self.read_reply(t.command).await?);
                }
            }
        }
        if !mail_reply.is_ok() {
            if let Some(d) = &data_reply
                && d.code == 354
            {
                self.write(b".\r\n").await?;
                let _ = self.read_reply(t.data).await?;
            }
            let _ = self.rset(t).await;
            return Ok(vec![mail_reply; tx.rcpts.len()]);
        }
        let accepted = replies.iter().filter(|r| r.is_ok()).count();
        let data_reply = match data_reply {
            Some(d) => d,
            None if accepted > 0 => {
                self.write(b"DATA\r\n").await?;
                self.read_reply(t.command).await?
            }
            None => {
                let _ = self.rset(t).await;
                return Ok(replies);
            }
        };
        if data_reply.code != 354 {
            let result = replies
                .into_iter()
                .map(|r| if r.is_ok() { data_reply.clone() } else { r })
                .collect();
            if accepted > 0 {
                let _ = self.rset(t).await;
            }
            return Ok(result);
        }
        if accepted == 0 {
            // 354 with nobody to deliver to: end the empty message and ignore it.
            self.write(b".\r\n").await?;
            let _ = self.read_reply(t.data).await?;
            return Ok(replies);
        }
        self.send_body(tx.message).await?;
        let done = self.read_reply(t.data).await?;
        Ok(replies
            .into_iter()
            .map(|r| if r.is_ok() { done.clone() } else { r })
            .collect())
    }

    fn mail_command(&self, tx: &Transaction<'_>) -> String {
        let mut s = format!(
            "MAIL FROM:<{}>",
            tx.sender.map(|a| a.to_string()).unwrap_or_default()
        );
        if self.ext.size.is_some() {
            s.push_str(&format!(" SIZE={}", tx.message.len()));
        }
        if tx.params.body == Body::EightBitMime && self.ext.eightbit {
            s.push_str(" BODY=8BITMIME");
        }
        if tx.params.smtputf8 && self.ext.smtputf8 {
            s.push_str(" SMTPUTF8");
        }
        if tx.params.requiretls {
            // Only reached when the host advertised it: the demand checks.
            s.push_str(" REQUIRETLS");
        }
        if self.ext.dsn {
            if let Some(ret) = tx.params.ret {
                s.push_str(match ret {
                    crate::proto::params::Ret::Full => " RET=FULL",
                    crate::proto::params::Ret::Hdrs => " RET=HDRS",
                });
            }
            if let Some(envid) = &tx.params.envid {
                s.push_str(&format!(" ENVID={envid}"));
            }
        }
        s.push_str("\r\n");
        s
    }

    fn rcpt_command(&self, r: &Recipient) -> String {
        let mut s = format!("RCPT TO:<{}>", r.address);
        if self.ext.dsn {
            if let Some(n) = r.params.notify {
                s.push_str(&format!(" NOTIFY={}", n.to_param()));
            }
            if let Some(o) = &r.params.orcpt {
                s.push_str(&format!(" ORCPT={o}"));
            }
        }
        s.push_str("\r\n");
        s
    }

    async fn send_body(&mut self, message: &[u8]) -> Result<(), ConnFail> {
        let stuffed = dot_stuff(message);
        self.stream
            .write_all(&stuffed)
            .await
            .map_err(|e| ConnFail::Io(self.host.clone(), e))?;
        self.stream
            .flush()
            .await
            .map_err(|e| ConnFail::Io(self.host.clone(), e))
    }

    async fn rset(&mut self, t: &Timeouts) -> Result<(), ConnFail> {
        self.write(b"RSET\r\n").await?;
        let r = self.read_reply(t.command).await?;
        if r.is_ok() {
            Ok(())
        } else {
            Err(self.refused(&r))
        }
    }

    pub async fn quit(&mut self) -> Result<(), ConnFail> {
        self.write(b"QUIT\r\n").await?;
        let _ = self.read_reply(Duration::from_secs(5)).await;
        Ok(())
    }
}

/// Dot-stuffs after any CR or LF (not only CRLF), so a bare newline kept by
/// a lenient upstream cannot make a line the next hop reads as the end, and
/// appends the terminating CRLF.CRLF.
pub fn dot_stuff(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + message.len() / 64 + 8);
    let mut at_line_start = true;
    let mut rest = message;
    while !rest.is_empty() {
        if at_line_start && rest[0] == b'.' {
            out.push(b'.');
        }
        match memchr::memchr2(b'\r', b'\n', rest) {
            Some(i) => {
                out.extend_from_slice(&rest[..=i]);
                rest = &rest[i + 1..];
                at_line_start = true;
            }
            None => {
                out.extend_from_slice(rest);
                rest = &[];
                at_line_start = false;
            }
        }
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

fn enhanced(text: &str) -> Option<&str> {
    let word = text.split([' ', '\n']).next()?;
    let parts: Vec<&str> = word.split('.').collect();
    let ok = parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some(word)
}

fn parse_extensions(text: &str) -> Extensions {
    let mut e = Extensions::default();
    for line in text.lines().skip(1) {
        let mut words = line.split_whitespace();
        let Some(kw) = words.next() else { continue };
        match kw.to_ascii_uppercase().as_str() {
            "PIPELINING" => e.pipelining = true,
            "SIZE" => e.size = Some(words.next().and_then(|s| s.parse().ok()).unwrap_or(0)),
            "8BITMIME" => e.eightbit = true,
            "SMTPUTF8" => e.smtputf8 = true,
            "DSN" => e.dsn = true,
            "STARTTLS" => e.starttls = true,
            "REQUIRETLS" => e.requiretls = true,
            _ => {}
        }
    }
    e
}

/// A certificate verifier for opportunistic TLS: encryption against passive
/// eavesdroppers without authentication (RFC 7435). Handshake signatures are
/// still checked, so the session keys belong to whoever holds the key.
#[derive(Debug)]
pub struct AcceptAnyCert(pub Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for AcceptAnyCert {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_stuffing_after_any_newline() {
        assert_eq!(dot_stuff(b".a\r\n.\r\nb"), b"..a\r\n..\r\nb\r\n.\r\n");
        assert_eq!(dot_stuff(b"x\n.\ny\r\n"), b"x\n..\ny\r\n.\r\n");
        assert_eq!(dot_stuff(b"x\r.\r"), b"x\r..\r\r\n.\r\n");
        assert_eq!(dot_stuff(b""), b"\r\n.\r\n");
    }

    #[test]
    fn extensions_and_enhanced_codes() {
        let e = parse_extensions("mx.test Hello\nPIPELINING\nSIZE 1000\nSTARTTLS\nDSN\nsmtputf8");
        assert!(e.pipelining && e.starttls && e.dsn && e.smtputf8 && !e.eightbit);
        assert_eq!(e.size, Some(1000));
        assert_eq!(enhanced("5.1.1 No such user"), Some("5.1.1"));
        assert_eq!(enhanced("No such user"), None);
        assert_eq!(enhanced("5.1 x"), None);
    }
}
