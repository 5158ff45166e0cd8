//! A gateway with the portal on, and the peers around it: a recipient
//! domain whose server verifies (`valid.test`), one that only speaks
//! plaintext (`plain.test`, where notifications and codes arrive), and the
//! organization's own mail system (`riverbend.test`, where replies go),
//! each a sink on loopback with certificates from a test CA. Plus a small
//! HTTPS client that trusts only that CA, for the web app.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::*;

pub struct PortalWorld {
    pub dir: PathBuf,
    pub pki: Pki,
    pub valid: Sink,
    pub plain: Sink,
    pub tenant: Sink,
    pub gw: Gateway,
    pub base_url: String,
    pub portal_port: u16,
    pub portal_cert: Leaf,
}

pub const ORG: &str = "Riverbend Health";

/// The `[portal]` table for a world in `dir`.
pub fn portal_section(port: u16, leaf: &Leaf, extra: &str) -> String {
    format!(
        "[portal]\nlisten = \"127.0.0.1:{port}\"\nbase_url = \"https://127.0.0.1:{port}\"\n\
         organization = \"{ORG}\"\ncert = \"{}\"\nkey = \"{}\"\n{extra}\n",
        leaf.cert.display(),
        leaf.key.display()
    )
}

impl PortalWorld {
    pub fn start(name: &str) -> PortalWorld {
        Self::start_with(name, true, "")
    }

    /// `portal`: whether `[portal]` is in the config from the start.
    pub fn start_with(name: &str, portal: bool, portal_extra: &str) -> PortalWorld {
        let dir = temp_dir(name);
        let pki = Pki::new(&dir, "world");
        let tls = |file: &str, names: &[&str]| Some(server_tls(&pki.leaf(file, names, false)));
        let valid = Sink::start(Behaviour {
            tls: tls("valid", &["mx.valid.test"]),
            ..Default::default()
        });
        let plain = Sink::start(Behaviour::default());
        let tenant = Sink::start(Behaviour {
            tls: tls("tenant", &["mx.riverbend.test"]),
            ..Default::default()
        });
        let portal_port = free_port();
        let portal_cert = pki.leaf("portal", &["127.0.0.1", "localhost"], false);
        let base_url = format!("https://127.0.0.1:{portal_port}");
        let routes = format!(
            "[[delivery.route]]\ndomain = \"valid.test\"\nnext_hop = \"{}\"\ntls_name = \"mx.valid.test\"\n\
             [[delivery.route]]\ndomain = \"plain.test\"\nnext_hop = \"{}\"\n\
             [[delivery.route]]\ndomain = \"riverbend.test\"\nnext_hop = \"{}\"\ntls_name = \"mx.riverbend.test\"\n",
            valid.addr, plain.addr, tenant.addr
        );
        let mut sections = format!(
            "[delivery]\nretry = [\"1s\"]\nca_file = \"{}\"\n\n{routes}\n",
            pki.ca_pem.display()
        );
        if portal {
            sections.push_str(&portal_section(portal_port, &portal_cert, portal_extra));
        }
        let gw = Gateway::start_in(dir.clone(), &sections);
        if portal {
            wait_for("portal HTTPS port", Duration::from_secs(20), || {
                TcpStream::connect(("127.0.0.1", portal_port)).ok()
            });
        }
        PortalWorld {
            dir,
            pki,
            valid,
            plain,
            tenant,
            gw,
            base_url,
            portal_port,
            portal_cert,
        }
    }

    /// Adds `[portal]` to the config (for a world started without it).
    pub fn enable_portal(&mut self, extra: &str) {
        let mut text = std::fs::read_to_string(&self.gw.config).unwrap();
        text.push_str(&portal_section(self.portal_port, &self.portal_cert, extra));
        std::fs::write(&self.gw.config, text).unwrap();
    }

    pub fn https(&self) -> Https {
        Https {
            config: client_tls(&self.pki.ca_pem, None),
            port: self.portal_port,
        }
    }

    /// The records `sealgate portal list --json` prints.
    pub fn portal_list(&self) -> Vec<serde_json::Value> {
        let out = self.gw.cli(&["portal", "list", "--json"]);
        assert!(
            out.status.success(),
            "portal list: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// The n-th message at the plaintext sink, as text.
    pub fn plain_message(&self, n: usize) -> String {
        let m = self.plain.wait_count(n + 1, Duration::from_secs(30));
        String::from_utf8_lossy(&decode_parts(&m[n].data)).into_owned()
    }
}

/// The message with every base64 body decoded after it, so a test can
/// search what a reader would see.
pub fn decode_parts(raw: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(raw);
    let mut out = raw.to_vec();
    let mut in_b64 = false;
    let mut buf = String::new();
    for line in text.split("\r\n") {
        if line.eq_ignore_ascii_case("content-transfer-encoding: base64") {
            in_b64 = true;
            buf.clear();
            continue;
        }
        if in_b64 {
            if line.starts_with("--") {
                out.extend_from_slice(b"\r\n");
                out.extend_from_slice(&b64_decode(&buf));
                in_b64 = false;
            } else {
                buf.push_str(line.trim());
            }
        }
    }
    out
}

pub fn b64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The portal link in a notification.
pub fn link_in(notification: &str) -> String {
    let start = notification.find("https://").expect("a link");
    notification[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .unwrap()
        .to_string()
}

/// The 8-digit code in a code email.
pub fn code_in(mail: &str) -> String {
    let i = mail.find("code is").expect("a code email");
    mail[i..]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect()
}

// ---------------------------------------------------------------- HTTPS client

pub struct Https {
    config: Arc<rustls::ClientConfig>,
    port: u16,
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Https {
    /// One request on a fresh connection (`Connection: close`).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let tcp = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        tcp.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
        let conn = rustls::ClientConnection::new(self.config.clone(), name).unwrap();
        let mut s = rustls::StreamOwned::new(conn, tcp);
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.port,
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        s.flush().unwrap();
        let mut raw = Vec::new();
        // A close without close_notify is fine for this test client.
        let _ = s.read_to_end(&mut raw);
        parse_response(&raw)
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        self.request("GET", path, headers, b"")
    }

    pub fn post_form(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        form: &[(&str, &str)],
    ) -> Response {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut h = headers.to_vec();
        h.push(("Content-Type", "application/x-www-form-urlencoded"));
        self.request("POST", path, &h, body.as_bytes())
    }
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn parse_response(raw: &[u8]) -> Response {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP header in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(p) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..p])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = p + 2;
        out.extend_from_slice(&b[start..(start + size).min(b.len())]);
        b = &b[(start + size + 2).min(b.len())..];
    }
    out
}
