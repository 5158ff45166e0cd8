//! Real parts for integration tests: the sealgate binary as a child process,
//! an SMTP sink that records what it receives, an SMTP client that speaks
//! byte-exact SMTP (with STARTTLS), a test CA, and a DNS server on loopback.
//! Every wait has a deadline.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub mod browser;
pub mod portal;
mod tls_peers;
#[allow(unused_imports)]
pub use tls_peers::*;

pub const BIN: &str = env!("CARGO_BIN_EXE_sealgate");

/// Listeners on every address of `ips`, all on one port (a gateway reaches
/// every MX on its one `smtp_port`), held from the start. A port found free
/// on 127.0.0.1 may already be taken on 127.0.0.11 by a test running in
/// parallel, so the port is taken where it is used, and another is tried
/// when one address has it in use.
#[allow(dead_code)]
pub fn listeners_on_one_port(ips: &[Ipv4Addr]) -> (u16, Vec<TcpListener>) {
    let (first, rest) = ips.split_first().expect("at least one address");
    for _ in 0..100 {
        let head = TcpListener::bind((*first, 0)).unwrap();
        let port = head.local_addr().unwrap().port();
        let others: Result<Vec<_>, _> = rest
            .iter()
            .map(|ip| TcpListener::bind((*ip, port)))
            .collect();
        if let Ok(others) = others {
            return (port, std::iter::once(head).chain(others).collect());
        }
    }
    panic!("no port free on all of {ips:?} after 100 tries");
}

/// A port for a server the test starts later (a gateway's listener, its
/// metrics endpoint). Not one the kernel picks: those come from the
/// ephemeral range, where the kernel also picks the local port of every
/// outgoing connection, so between this call and the server's bind another
/// test's client could take it ("Address already in use", seen in CI). Ports
/// below the ephemeral range (Linux: 32768 up) are handed out in turn, from
/// a start that differs per process, and each is checked free.
pub fn free_port() -> u16 {
    const LOW: usize = 20_000;
    const SPAN: usize = 12_000;
    static NEXT: AtomicUsize = AtomicUsize::new(usize::MAX);
    let start = (std::process::id() as usize % 100) * (SPAN / 100);
    let _ = NEXT.compare_exchange(usize::MAX, start, Ordering::SeqCst, Ordering::SeqCst);
    for _ in 0..SPAN {
        let port = (LOW + NEXT.fetch_add(1, Ordering::SeqCst) % SPAN) as u16;
        if TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return port;
        }
    }
    panic!("no free port below the ephemeral range");
}

/// `sealgate rules test --json` on `msg` with the shipped rules and `dlp`
/// extra lines in the `[dlp]` table: the verdict line as JSON.
#[allow(dead_code)]
pub fn rules_test_json(dir: &Path, name: &str, msg: &[u8], dlp: &str) -> serde_json::Value {
    let config = dir.join(format!("{name}.toml"));
    std::fs::write(
        &config,
        format!(
            "[dlp]\nrules_dir = \"{}/rules\"\n{dlp}",
            env!("CARGO_MANIFEST_DIR")
        ),
    )
    .unwrap();
    let file = dir.join(format!("{name}.eml"));
    std::fs::write(&file, msg).unwrap();
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&config)
        .args(["rules", "test", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.lines().next().unwrap_or(""))
        .unwrap_or_else(|e| panic!("{e}: {text} {}", String::from_utf8_lossy(&out.stderr)))
}

pub fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "sealgate-it-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Polls `f` until it returns Some, or panics at the deadline with `what`.
pub fn wait_for<T>(what: &str, timeout: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let end = Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return v;
        }
        if Instant::now() > end {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether a gateway on `port` has greeted with 220: the listener is bound
/// before the rule packs finish loading, so an accepted TCP connection alone
/// does not mean the gateway is ready.
pub fn banner_ready(port: u16) -> Option<()> {
    let s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let mut line = String::new();
    BufReader::new(s).read_line(&mut line).ok()?;
    line.starts_with("220").then_some(())
}

// ---------------------------------------------------------------- TLS material

pub struct Pki {
    pub dir: PathBuf,
    pub ca_pem: PathBuf,
    ca: rcgen::Issuer<'static, rcgen::KeyPair>,
}

pub struct Leaf {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Leaf {
    /// `[tls]` naming this certificate and key; more `[tls]` keys may follow.
    pub fn tls_section(&self) -> String {
        format!(
            "[tls]\ncert = \"{}\"\nkey = \"{}\"\n",
            self.cert.display(),
            self.key.display()
        )
    }
}

impl Pki {
    pub fn new(dir: &Path, name: &str) -> Pki {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, format!("{name} test CA"));
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        let ca_pem = dir.join(format!("{name}-ca.pem"));
        std::fs::write(&ca_pem, cert.pem()).unwrap();
        Pki {
            dir: dir.to_path_buf(),
            ca_pem,
            ca: rcgen::Issuer::new(params, key),
        }
    }

    pub fn leaf(&self, file: &str, names: &[&str], client: bool) -> Leaf {
        let mut params =
            rcgen::CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .unwrap();
        params.extended_key_usages = vec![if client {
            rcgen::ExtendedKeyUsagePurpose::ClientAuth
        } else {
            rcgen::ExtendedKeyUsagePurpose::ServerAuth
        }];
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.ca).unwrap();
        let leaf = Leaf {
            cert: self.dir.join(format!("{file}.crt")),
            key: self.dir.join(format!("{file}.key")),
        };
        std::fs::write(&leaf.cert, cert.pem()).unwrap();
        std::fs::write(&leaf.key, key.serialize_pem()).unwrap();
        leaf
    }
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn load_certs(p: &Path) -> Vec<rustls::pki_types::CertificateDer<'static>> {
    use rustls::pki_types::pem::PemObject;
    rustls::pki_types::CertificateDer::pem_file_iter(p)
        .unwrap()
        .map(|c| c.unwrap())
        .collect()
}

fn load_key(p: &Path) -> rustls::pki_types::PrivateKeyDer<'static> {
    use rustls::pki_types::pem::PemObject;
    rustls::pki_types::PrivateKeyDer::from_pem_file(p).unwrap()
}

pub fn server_tls(leaf: &Leaf) -> Arc<rustls::ServerConfig> {
    Arc::new(
        rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(load_certs(&leaf.cert), load_key(&leaf.key))
            .unwrap(),
    )
}

/// A client config trusting `ca`, optionally presenting a client certificate.
pub fn client_tls(ca: &Path, client: Option<&Leaf>) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for c in load_certs(ca) {
        roots.add(c).unwrap();
    }
    let b = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots);
    Arc::new(match client {
        Some(l) => b
            .with_client_auth_cert(load_certs(&l.cert), load_key(&l.key))
            .unwrap(),
        None => b.with_no_client_auth(),
    })
}

// ---------------------------------------------------------------- the gateway

pub struct Gateway {
    pub dir: PathBuf,
    pub port: u16,
    pub config: PathBuf,
    child: Option<Child>,
}

impl Gateway {
    /// Writes a config (base `[server]` + one listener + `sections`) and starts the binary.
    pub fn start(name: &str, sections: &str) -> Gateway {
        let dir = temp_dir(name);
        Self::start_in(dir, sections)
    }

    pub fn start_in(dir: PathBuf, sections: &str) -> Gateway {
        Self::start_configured(dir, "", sections)
    }

    /// The harness config: `[server]` (plus `server`'s extra keys, which
    /// `sections` cannot reopen), one listener, loopback-only DNS, the
    /// shipped rules, then `sections`.
    fn start_configured(dir: PathBuf, server: &str, sections: &str) -> Gateway {
        let mut g = Self::configured(dir, server, sections);
        g.spawn();
        g
    }

    /// The harness config in a new temp dir, without starting the gateway:
    /// for CLI commands that read the data dir and audit log themselves.
    pub fn offline(name: &str, sections: &str) -> Gateway {
        Self::configured(temp_dir(name), "", sections)
    }

    /// As `offline`, in a folder the test made (and filled) itself.
    pub fn offline_in(dir: PathBuf, sections: &str) -> Gateway {
        Self::configured(dir, "", sections)
    }

    fn configured(dir: PathBuf, server: &str, sections: &str) -> Gateway {
        let port = free_port();
        let mut text = format!(
            "[server]\nhostname = \"gw.test\"\ndata_dir = \"var\"\ndrain_timeout = \"5s\"\n{server}\n\n[[listener]]\naddress = \"127.0.0.1:{port}\"\n\n"
        );
        if !sections.contains("[relay]") {
            text.push_str("[relay]\nallowed_networks = [\"127.0.0.1/32\"]\n\n");
        }
        // Tests never reach the system resolver (it is not on loopback here):
        // without a test DNS server, lookups go to a closed loopback port.
        let mut sections = sections.to_string();
        if !sections.contains("[delivery]") {
            text.push_str("[delivery]\nretry = [\"1s\"]\nnameservers = [\"127.0.0.1:9\"]\n\n");
        } else if !sections.contains("nameservers") {
            sections = sections.replacen(
                "[delivery]\n",
                "[delivery]\nnameservers = [\"127.0.0.1:9\"]\n",
                1,
            );
        }
        // The shipped rule packs, as in production.
        if !sections.contains("[dlp]") {
            text.push_str(&format!(
                "[dlp]\nrules_dir = \"{}/rules\"\n\n",
                env!("CARGO_MANIFEST_DIR")
            ));
        }
        text.push_str(&sections);
        let config = dir.join("sealgate.toml");
        std::fs::write(&config, text).unwrap();
        Gateway {
            dir,
            port,
            config,
            child: None,
        }
    }

    /// Starts (again) on the same config and data.
    pub fn spawn(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("gateway.log"))
            .unwrap();
        let child = Command::new(BIN)
            .arg("--config")
            .arg(&self.config)
            .arg("run")
            // Tests run as root in CI; the privilege drop has its own test.
            .arg("--allow-root")
            .env("RUST_LOG", "sealgate=debug")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
        let port = self.port;
        wait_for("gateway banner", Duration::from_secs(30), || {
            if let Some(c) = self.child.as_mut()
                && let Ok(Some(st)) = c.try_wait()
            {
                panic!("gateway exited with {st}; log:\n{}", self.log());
            }
            banner_ready(port)
        });
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("gateway.log")).unwrap_or_default()
    }

    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM and wait for exit; returns how long it took.
    pub fn sigterm(&mut self) -> Duration {
        let t = Instant::now();
        if let Some(mut c) = self.child.take() {
            unsafe { libc::kill(c.id() as i32, libc::SIGTERM) };
            wait_for(
                "gateway exit after SIGTERM",
                Duration::from_secs(30),
                || c.try_wait().ok().flatten(),
            );
        }
        t.elapsed()
    }

    pub fn signal(&self, sig: i32) {
        if let Some(c) = self.child.as_ref() {
            unsafe { libc::kill(c.id() as i32, sig) };
        }
    }

    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .output()
            .unwrap()
    }

    pub fn queue_len(&self) -> usize {
        let out = self.cli(&["queue", "list", "--json"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with('{'))
            .count()
    }

    pub fn audit(&self) -> Vec<serde_json::Value> {
        self.audit_text()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// The audit log's segments, in order, as one text.
    pub fn audit_text(&self) -> String {
        audit_text(&self.dir.join("var/audit"))
    }
}

/// The segments (`audit-YYYYMMDD-SEQ.log`) of the audit folder `dir`, in
/// `seq` order, as one text; empty when there are none.
pub fn audit_text(dir: &Path) -> String {
    audit_segments(dir)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect()
}

/// The segment files of the audit folder `dir`, in `seq` order.
pub fn audit_segments(dir: &Path) -> Vec<PathBuf> {
    let mut segments: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let seq = name
                        .strip_prefix("audit-")?
                        .strip_suffix(".log")?
                        .split_once('-')?
                        .1
                        .parse()
                        .ok()?;
                    Some((seq, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    segments.sort();
    segments.into_iter().map(|(_, p)| p).collect()
}

impl Drop for Gateway {
    fn drop(&mut self) {
        self.kill9();
    }
}

// ---------------------------------------------------------------- SMTP client

pub enum ClientStream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Read for ClientStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            ClientStream::Plain(s) => s.read(buf),
            ClientStream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for ClientStream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            ClientStream::Plain(s) => s.write(buf),
            ClientStream::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            ClientStream::Plain(s) => s.flush(),
            ClientStream::Tls(s) => s.flush(),
        }
    }
}

/// A byte-exact SMTP client: `send` writes raw bytes, `reply` reads one reply.
pub struct Client {
    stream: Option<ClientStream>,
    buf: Vec<u8>,
}

impl Client {
    pub fn connect(addr: SocketAddr) -> Client {
        Self::connect_from(addr, None)
    }

    /// Connects from a chosen loopback source address (e.g. 127.0.0.2).
    pub fn connect_from(addr: SocketAddr, source: Option<Ipv4Addr>) -> Client {
        let tcp = match source {
            None => TcpStream::connect(addr).unwrap(),
            Some(src) => connect_bound(src, addr),
        };
        tcp.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        Client {
            stream: Some(ClientStream::Plain(tcp)),
            buf: Vec::new(),
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let s = self.stream.as_mut().unwrap();
        s.write_all(bytes).unwrap();
        s.flush().unwrap();
    }

    pub fn cmd(&mut self, line: &str) -> String {
        self.send(format!("{line}\r\n").as_bytes());
        self.reply()
    }

    /// One complete reply (all lines of a multi-line reply, joined by '\n');
    /// empty string on EOF.
    pub fn reply(&mut self) -> String {
        let mut lines = Vec::new();
        loop {
            let line = match self.line() {
                Some(l) => l,
                None => return lines.join("\n"),
            };
            let more = line.as_bytes().get(3) == Some(&b'-');
            lines.push(line);
            if !more {
                return lines.join("\n");
            }
        }
    }

    fn line(&mut self) -> Option<String> {
        loop {
            if let Some(i) = self.buf.iter().position(|b| *b == b'\n') {
                let l: Vec<u8> = self.buf.drain(..=i).collect();
                return Some(String::from_utf8_lossy(&l).trim_end().to_string());
            }
            let mut chunk = [0u8; 4096];
            let n = self.stream.as_mut()?.read(&mut chunk).ok()?;
            if n == 0 {
                return None;
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// True once the server has closed the connection.
    pub fn closed(&mut self) -> bool {
        self.line().is_none()
    }

    pub fn starttls(&mut self, config: Arc<rustls::ClientConfig>, sni: &str) -> String {
        let r = self.cmd("STARTTLS");
        assert!(r.starts_with("220"), "STARTTLS refused: {r}");
        self.upgrade(config, sni);
        r
    }

    pub fn upgrade(&mut self, config: Arc<rustls::ClientConfig>, sni: &str) {
        let Some(ClientStream::Plain(tcp)) = self.stream.take() else {
            panic!("already TLS")
        };
        let name = rustls::pki_types::ServerName::try_from(sni.to_string()).unwrap();
        let conn = rustls::ClientConnection::new(config, name).unwrap();
        let mut tls = rustls::StreamOwned::new(conn, tcp);
        // Drive the handshake now so failures show here.
        while tls.conn.is_handshaking() {
            tls.conn.complete_io(&mut tls.sock).unwrap();
        }
        self.stream = Some(ClientStream::Tls(Box::new(tls)));
        self.buf.clear();
    }

    /// EHLO, MAIL, RCPTs, DATA with `body` (dot-stuffed here); returns the final reply.
    pub fn send_mail(&mut self, from: &str, to: &[&str], body: &[u8]) -> String {
        let r = self.cmd("EHLO client.test");
        assert!(r.starts_with("250"), "EHLO: {r}");
        self.transaction(from, to, body)
    }

    pub fn transaction(&mut self, from: &str, to: &[&str], body: &[u8]) -> String {
        let r = self.cmd(&format!("MAIL FROM:<{from}>"));
        if !r.starts_with("250") {
            return r;
        }
        for t in to {
            let r = self.cmd(&format!("RCPT TO:<{t}>"));
            if !r.starts_with("250") {
                return r;
            }
        }
        let r = self.cmd("DATA");
        assert!(r.starts_with("354"), "DATA: {r}");
        let mut stuffed = Vec::new();
        for line in body.split_inclusive(|b| *b == b'\n') {
            if line.starts_with(b".") {
                stuffed.push(b'.');
            }
            stuffed.extend_from_slice(line);
        }
        if !stuffed.ends_with(b"\r\n") {
            stuffed.extend_from_slice(b"\r\n");
        }
        stuffed.extend_from_slice(b".\r\n");
        self.send(&stuffed);
        self.reply()
    }
}

fn connect_bound(src: Ipv4Addr, dst: SocketAddr) -> TcpStream {
    use std::os::fd::FromRawFd;
    let SocketAddr::V4(dst) = dst else {
        panic!("IPv4 only")
    };
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0);
        let addr = libc::sockaddr_in {
            sin_family: libc::AF_INET as u16,
            sin_port: 0,
            sin_addr: libc::in_addr {
                s_addr: u32::from(src).to_be(),
            },
            sin_zero: [0; 8],
        };
        let rc = libc::bind(
            fd,
            &addr as *const _ as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_in>() as u32,
        );
        assert_eq!(rc, 0, "bind to {src}");
        let to = libc::sockaddr_in {
            sin_family: libc::AF_INET as u16,
            sin_port: dst.port().to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from(*dst.ip()).to_be(),
            },
            sin_zero: [0; 8],
        };
        let rc = libc::connect(
            fd,
            &to as *const _ as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_in>() as u32,
        );
        assert_eq!(rc, 0, "connect from {src} to {dst}");
        TcpStream::from_raw_fd(fd)
    }
}

// ---------------------------------------------------------------- SMTP sink

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub rcpts: Vec<String>,
    pub mail_line: String,
    pub rcpt_lines: Vec<String>,
    pub data: Vec<u8>,
    pub tls: bool,
}

#[derive(Default)]
pub struct Behaviour {
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// Reply for RCPT TO a given address (default 250).
    pub rcpt_reply: HashMap<String, String>,
    /// Reply after the data (default 250); consumed in order, then 250.
    pub data_replies: Vec<String>,
    /// Banner for the first N connections is this instead of 220.
    pub refuse_connections: usize,
    pub refuse_reply: String,
    pub no_smtputf8: bool,
    pub no_pipelining: bool,
    /// Offer STARTTLS, say 220, then send garbage instead of a handshake.
    pub broken_tls: bool,
    /// Advertise REQUIRETLS (RFC 8689) once the session is TLS.
    pub requiretls: bool,
}

pub struct Sink {
    pub addr: SocketAddr,
    pub messages: Arc<Mutex<Vec<Received>>>,
    pub connections: Arc<AtomicUsize>,
    pub behaviour: Arc<Mutex<Behaviour>>,
}

impl Sink {
    pub fn start(b: Behaviour) -> Sink {
        Self::start_on("127.0.0.1:0".parse().unwrap(), b)
    }

    pub fn start_on(addr: SocketAddr, b: Behaviour) -> Sink {
        Self::start_with(TcpListener::bind(addr).unwrap(), b)
    }

    /// On a listener already bound (see [`listeners_on_one_port`]).
    pub fn start_with(listener: TcpListener, b: Behaviour) -> Sink {
        let addr = listener.local_addr().unwrap();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let behaviour = Arc::new(Mutex::new(b));
        let (m, c, bh) = (messages.clone(), connections.clone(), behaviour.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let (m, bh) = (m.clone(), bh.clone());
                let n = c.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || {
                    let _ = sink_session(conn, m, bh, n);
                });
            }
        });
        Sink {
            addr,
            messages,
            connections,
            behaviour,
        }
    }

    pub fn count(&self) -> usize {
        self.messages.lock().unwrap().len()
    }

    pub fn wait_count(&self, n: usize, timeout: Duration) -> Vec<Received> {
        wait_for(&format!("{n} message(s) at the sink"), timeout, || {
            let m = self.messages.lock().unwrap();
            (m.len() >= n).then(|| m.clone())
        })
    }

    pub fn route(&self, domain: &str) -> String {
        format!(
            "[[delivery.route]]\ndomain = \"{domain}\"\nnext_hop = \"{}\"\n",
            self.addr
        )
    }
}

trait Rw: Read + Write + Send {}
impl<T: Read + Write + Send> Rw for T {}

fn sink_session(
    tcp: TcpStream,
    out: Arc<Mutex<Vec<Received>>>,
    b: Arc<Mutex<Behaviour>>,
    n: usize,
) -> std::io::Result<()> {
    tcp.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut plain = Some(tcp.try_clone()?);
    let mut s: Box<dyn Rw> = Box::new(tcp);
    let mut buf: Vec<u8> = Vec::new();
    let (refuse, refuse_reply) = {
        let b = b.lock().unwrap();
        (n < b.refuse_connections, b.refuse_reply.clone())
    };
    if refuse {
        s.write_all(format!("{refuse_reply}\r\n").as_bytes())?;
        return Ok(());
    }
    s.write_all(b"220 sink.test ESMTP\r\n")?;
    let mut cur: Option<Received> = None;
    let mut tls = false;
    let read_line = |s: &mut Box<dyn Rw>, buf: &mut Vec<u8>| -> std::io::Result<Option<Vec<u8>>> {
        loop {
            if let Some(i) = buf.iter().position(|x| *x == b'\n') {
                return Ok(Some(buf.drain(..=i).collect()));
            }
            let mut chunk = [0u8; 8192];
            let k = s.read(&mut chunk)?;
            if k == 0 {
                return Ok(None);
            }
            buf.extend_from_slice(&chunk[..k]);
        }
    };
    while let Some(line) = read_line(&mut s, &mut buf)? {
        let l = String::from_utf8_lossy(&line).trim_end().to_string();
        let u = l.to_ascii_uppercase();
        if u.starts_with("EHLO") {
            let b = b.lock().unwrap();
            let mut r = String::from("250-sink.test\r\n");
            if !b.no_pipelining {
                r.push_str("250-PIPELINING\r\n");
            }
            if (b.tls.is_some() || b.broken_tls) && !tls {
                r.push_str("250-STARTTLS\r\n");
            }
            if b.requiretls && tls {
                r.push_str("250-REQUIRETLS\r\n");
            }
            if !b.no_smtputf8 {
                r.push_str("250-SMTPUTF8\r\n");
            }
            r.push_str("250-DSN\r\n250 8BITMIME\r\n");
            drop(b);
            s.write_all(r.as_bytes())?;
        } else if u == "STARTTLS" {
            if b.lock().unwrap().broken_tls {
                s.write_all(b"220 go\r\nthis is not a TLS server hello\r\n")?;
                return Ok(());
            }
            let cfg = b.lock().unwrap().tls.clone();
            let Some(cfg) = cfg else {
                s.write_all(b"502 no\r\n")?;
                continue;
            };
            s.write_all(b"220 go\r\n")?;
            let Some(tcp) = plain.take() else {
                return Ok(());
            };
            let conn = rustls::ServerConnection::new(cfg).unwrap();
            let mut t = rustls::StreamOwned::new(conn, tcp);
            while t.conn.is_handshaking() {
                t.conn.complete_io(&mut t.sock)?;
            }
            s = Box::new(t);
            buf.clear();
            tls = true;
        } else if u.starts_with("MAIL FROM:") {
            let from = l[10..]
                .split('>')
                .next()
                .unwrap_or("")
                .trim_start_matches('<')
                .to_string();
            cur = Some(Received {
                from,
                rcpts: vec![],
                mail_line: l.clone(),
                rcpt_lines: vec![],
                data: vec![],
                tls,
            });
            s.write_all(b"250 2.1.0 ok\r\n")?;
        } else if u.starts_with("RCPT TO:") {
            let to = l[8..]
                .split('>')
                .next()
                .unwrap_or("")
                .trim_start_matches('<')
                .to_string();
            let reply = b
                .lock()
                .unwrap()
                .rcpt_reply
                .get(&to)
                .cloned()
                .unwrap_or_else(|| "250 2.1.5 ok".into());
            if reply.starts_with('2')
                && let Some(c) = cur.as_mut()
            {
                c.rcpts.push(to);
                c.rcpt_lines.push(l.clone());
            }
            s.write_all(format!("{reply}\r\n").as_bytes())?;
        } else if u == "DATA" {
            if cur.as_ref().is_none_or(|c| c.rcpts.is_empty()) {
                s.write_all(b"554 5.5.1 no valid recipients\r\n")?;
                continue;
            }
            s.write_all(b"354 go\r\n")?;
            let mut data = Vec::new();
            loop {
                let Some(line) = read_line(&mut s, &mut buf)? else {
                    return Ok(());
                };
                if line == b".\r\n" {
                    break;
                }
                let line = if line.starts_with(b".") {
                    &line[1..]
                } else {
                    &line[..]
                };
                data.extend_from_slice(line);
            }
            let reply = {
                let mut b = b.lock().unwrap();
                if b.data_replies.is_empty() {
                    "250 2.0.0 ok".to_string()
                } else {
                    b.data_replies.remove(0)
                }
            };
            if reply.starts_with('2')
                && let Some(mut c) = cur.take()
            {
                c.data = data;
                out.lock().unwrap().push(c);
            }
            cur = None;
            s.write_all(format!("{reply}\r\n").as_bytes())?;
        } else if u == "RSET" {
            cur = None;
            s.write_all(b"250 ok\r\n")?;
        } else if u == "QUIT" {
            s.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            s.write_all(b"250 ok\r\n")?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- DNS server

/// A DNS server on loopback, UDP and TCP on the same port, answering MX, A,
/// TXT and TLSA from a fixed zone. It stands in for the validating resolver
/// sealgate trusts: it validates nothing, but sets the AD bit on answers for
/// the owner names a test declares signed (`secure`), when the query asked
/// for DNSSEC status (AD or DO set), as a validating resolver does (RFC 6840
/// §5.7). Names in no table get NXDOMAIN; a known name with no records of the
/// asked type gets NODATA (NOERROR, no answers).
pub struct Dns {
    pub addr: SocketAddr,
    /// Queries answered (UDP and TCP), to measure what a cache saves.
    pub queries: Arc<AtomicUsize>,
}

impl Dns {
    pub fn queries(&self) -> usize {
        self.queries.load(Ordering::SeqCst)
    }
}

/// One TLSA record: (usage, selector, matching, certificate association data).
pub type TlsaData = (u8, u8, u8, Vec<u8>);

#[derive(Clone, Default)]
pub struct Zone {
    /// domain → [(preference, exchange)]
    pub mx: HashMap<String, Vec<(u16, String)>>,
    pub a: HashMap<String, Vec<Ipv4Addr>>,
    pub txt: HashMap<String, Vec<String>>,
    /// Full owner name such as `_25._tcp.mx.example.test` →
    /// [(usage, selector, matching, data)].
    pub tlsa: HashMap<String, Vec<TlsaData>>,
    /// Owner names whose answers, positive or negative, carry AD.
    pub secure: HashSet<String>,
    /// Owner names that get SERVFAIL, as a validator answers a bogus zone.
    pub servfail: HashSet<String>,
    /// Owner names whose UDP answers are truncated (TC, no records), so only
    /// TCP gets the answer.
    pub truncate: HashSet<String>,
}

impl Zone {
    fn knows(&self, name: &str) -> bool {
        self.mx.contains_key(name)
            || self.a.contains_key(name)
            || self.txt.contains_key(name)
            || self.tlsa.contains_key(name)
    }

    /// The response to one request; `udp` answers may be truncated.
    fn answer(&self, req: &hickory_proto::op::Message, udp: bool) -> hickory_proto::op::Message {
        use hickory_proto::op::{Message, ResponseCode};
        use hickory_proto::rr::{Name, RData, Record, RecordType, rdata};
        let mut resp = Message::response(req.metadata.id, req.metadata.op_code);
        resp.metadata.authoritative = true;
        resp.metadata.recursion_desired = req.metadata.recursion_desired;
        resp.metadata.recursion_available = true;
        let wants_dnssec =
            req.metadata.authentic_data || req.edns.as_ref().is_some_and(|e| e.flags().dnssec_ok);
        let mut authentic = wants_dnssec && !req.queries.is_empty();
        for q in &req.queries {
            resp.add_query(q.clone());
            let name = q
                .name()
                .to_ascii()
                .trim_end_matches('.')
                .to_ascii_lowercase();
            authentic &= self.secure.contains(&name);
            if self.servfail.contains(&name) {
                resp.metadata.response_code = ResponseCode::ServFail;
                authentic = false;
                continue;
            }
            if udp && self.truncate.contains(&name) {
                resp.metadata.truncation = true;
                continue;
            }
            if !self.knows(&name) {
                resp.metadata.response_code = ResponseCode::NXDomain;
                continue;
            }
            let owner = q.name().clone();
            let rr = |data: RData| Record::from_rdata(owner.clone(), 60, data);
            match q.query_type() {
                RecordType::MX => {
                    for (pref, ex) in self.mx.get(&name).into_iter().flatten() {
                        let ex = Name::from_ascii(format!("{ex}.")).unwrap();
                        resp.add_answer(rr(RData::MX(rdata::MX::new(*pref, ex))));
                    }
                }
                RecordType::A => {
                    for ip in self.a.get(&name).into_iter().flatten() {
                        resp.add_answer(rr(RData::A(rdata::A(*ip))));
                    }
                }
                RecordType::TXT => {
                    for t in self.txt.get(&name).into_iter().flatten() {
                        resp.add_answer(rr(RData::TXT(rdata::TXT::new(vec![t.clone()]))));
                    }
                }
                RecordType::TLSA => {
                    for (u, s, m, data) in self.tlsa.get(&name).into_iter().flatten() {
                        resp.add_answer(rr(RData::TLSA(rdata::TLSA::new(
                            (*u).into(),
                            (*s).into(),
                            (*m).into(),
                            data.clone(),
                        ))));
                    }
                }
                _ => {}
            }
        }
        resp.metadata.authentic_data = authentic;
        resp
    }
}

impl Dns {
    pub fn start(zone: Zone) -> Dns {
        use hickory_proto::op::Message;
        // UDP and TCP on one port number: bind UDP on a free port, then TCP
        // on the same number, trying again if someone holds it for TCP.
        let (sock, listener) = (0..50)
            .find_map(|_| {
                let sock = UdpSocket::bind("127.0.0.1:0").ok()?;
                let tcp = TcpListener::bind(sock.local_addr().ok()?).ok()?;
                Some((sock, tcp))
            })
            .expect("no port free for both UDP and TCP");
        let addr = sock.local_addr().unwrap();
        let zone = Arc::new(zone);
        let udp_zone = zone.clone();
        let queries = Arc::new(AtomicUsize::new(0));
        let (uq, tq) = (queries.clone(), queries.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                let Ok((n, peer)) = sock.recv_from(&mut buf) else {
                    continue;
                };
                let Ok(req) = Message::from_vec(&buf[..n]) else {
                    continue;
                };
                uq.fetch_add(1, Ordering::SeqCst);
                if let Ok(bytes) = udp_zone.answer(&req, true).to_vec() {
                    let _ = sock.send_to(&bytes, peer);
                }
            }
        });
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { continue };
                let zone = zone.clone();
                let tq = tq.clone();
                std::thread::spawn(move || {
                    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
                    // RFC 1035 §4.2.2: each message behind a two-byte length.
                    loop {
                        let mut len = [0u8; 2];
                        if conn.read_exact(&mut len).is_err() {
                            return;
                        }
                        let mut msg = vec![0u8; u16::from_be_bytes(len) as usize];
                        if conn.read_exact(&mut msg).is_err() {
                            return;
                        }
                        let Ok(req) = Message::from_vec(&msg) else {
                            return;
                        };
                        tq.fetch_add(1, Ordering::SeqCst);
                        let Ok(bytes) = zone.answer(&req, false).to_vec() else {
                            return;
                        };
                        let mut out = (bytes.len() as u16).to_be_bytes().to_vec();
                        out.extend_from_slice(&bytes);
                        if conn.write_all(&out).is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Dns { addr, queries }
    }
}

// ---------------------------------------------------------------- added for tests/hardening.rs

impl Gateway {
    /// True while the gateway process is still running (has not exited or crashed).
    pub fn is_running(&mut self) -> bool {
        match self.child.as_mut() {
            Some(c) => matches!(c.try_wait(), Ok(None)),
            None => false,
        }
    }
}

// ---------------------------------------------------------------- added for tests/abuse_limits.rs and tests/auth_abuse.rs

impl Gateway {
    /// As `start`, with more keys in the harness's `[server]` table (such as
    /// `postmaster = "pm@sink.test"`), which `sections` cannot reopen.
    pub fn start_with_server(name: &str, server: &str, sections: &str) -> Gateway {
        Self::start_configured(temp_dir(name), server, sections)
    }

    /// The gateway's process id while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// A line of `/proc/PID/status` in kB, e.g. "VmHWM" (peak RSS) or "VmRSS".
    pub fn status_kb(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?)).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    }
}

// ---------------------------------------------------------------- added for tests/logs.rs

/// A self-signed CA certificate (basicConstraints CA=true) for `names`,
/// written as `{file}.crt`/`{file}.key` in `dir`, to be served as if it were
/// a server certificate: verification must refuse it as a CA used as an end
/// entity even when it is itself trusted.
pub fn ca_as_server_certificate(dir: &Path, file: &str, names: &[&str]) -> Leaf {
    let mut params =
        rcgen::CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, format!("{file} CA as server"));
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    write_leaf(dir, file, &cert, &key)
}

/// Writes `FILE.crt` and `FILE.key` in `dir`.
pub fn write_leaf(dir: &Path, file: &str, cert: &rcgen::Certificate, key: &rcgen::KeyPair) -> Leaf {
    let leaf = Leaf {
        cert: dir.join(format!("{file}.crt")),
        key: dir.join(format!("{file}.key")),
    };
    std::fs::write(&leaf.cert, cert.pem()).unwrap();
    std::fs::write(&leaf.key, key.serialize_pem()).unwrap();
    leaf
}

/// The message with CRLF line ends, as SMTP carries it.
pub fn crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    let mut prev = 0u8;
    for &b in raw {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    out
}

/// A plain TCP connection from a chosen loopback source address.
pub fn tcp_from(src: Ipv4Addr, dst: SocketAddr) -> TcpStream {
    connect_bound(src, dst)
}

/// One plain HTTP/1.1 GET on loopback: (status, body), or None while
/// nothing answers (the metrics listener, `/healthz`, `/readyz`).
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let status = raw.split(' ').nth(1)?.parse().ok()?;
    let body = raw.split_once("\r\n\r\n")?.1.to_string();
    Some((status, body))
}

/// The value of one series in a Prometheus text scrape, written as
/// Prometheus prints it (`name{label="v"}`); None when it is not there.
pub fn metric_value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}
