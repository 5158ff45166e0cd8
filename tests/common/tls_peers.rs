//! Peers for the TLS routing tests: an HTTPS server that serves one MTA-STS
//! policy (RFC 8461 §3.3) and counts the fetches, and a self-signed server
//! certificate that comes with its TLSA data (RFC 6698 "3 1 1").

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Leaf;

/// `https://mta-sts.<domain>/.well-known/mta-sts.txt` on a loopback address.
pub struct StsServer {
    pub addr: SocketAddr,
    pub fetches: Arc<AtomicUsize>,
    pub body: Arc<Mutex<String>>,
}

impl StsServer {
    pub fn start(addr: SocketAddr, tls: Arc<rustls::ServerConfig>, body: &str) -> StsServer {
        let listener = TcpListener::bind(addr).unwrap();
        let addr = listener.local_addr().unwrap();
        let fetches = Arc::new(AtomicUsize::new(0));
        let body = Arc::new(Mutex::new(body.to_string()));
        let (f, b) = (fetches.clone(), body.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(tcp) = conn else { continue };
                let (tls, f, b) = (tls.clone(), f.clone(), b.clone());
                std::thread::spawn(move || {
                    let _ = tcp.set_read_timeout(Some(Duration::from_secs(10)));
                    let Ok(conn) = rustls::ServerConnection::new(tls) else {
                        return;
                    };
                    let mut s = rustls::StreamOwned::new(conn, tcp);
                    let mut req = Vec::new();
                    let mut chunk = [0u8; 1024];
                    while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                        match s.read(&mut chunk) {
                            Ok(0) | Err(_) => return,
                            Ok(n) => req.extend_from_slice(&chunk[..n]),
                        }
                    }
                    f.fetch_add(1, Ordering::SeqCst);
                    let body = b.lock().unwrap().clone();
                    let resp = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = s.write_all(resp.as_bytes());
                    s.conn.send_close_notify();
                    let _ = s.flush();
                });
            }
        });
        StsServer {
            addr,
            fetches,
            body,
        }
    }

    pub fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

/// A self-signed server certificate for `names`, and the SHA-256 of its
/// SubjectPublicKeyInfo: the data of a "3 1 1" TLSA record.
pub fn self_signed_with_spki(dir: &Path, file: &str, names: &[&str]) -> (Leaf, Vec<u8>) {
    let params =
        rcgen::CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    let leaf = super::write_leaf(dir, file, &cert, &key);
    use rcgen::PublicKeyData;
    let spki = ring::digest::digest(&ring::digest::SHA256, &key.subject_public_key_info());
    (leaf, spki.as_ref().to_vec())
}
