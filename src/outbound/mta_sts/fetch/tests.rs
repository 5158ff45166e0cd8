//! Fetches against a real HTTPS server on 127.0.0.1, with certificates from
//! a CA made for the test, so the TLS and name checks are the real ones.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;

use super::*;
use crate::outbound::mta_sts::Mode;

const HOST: &str = "mta-sts.example.test";
const POLICY: &str = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\n\
                      mx: *.mx.example.test\r\nmax_age: 604800\r\n";
/// Outer bound on any fetch in these tests: far above the fetch's own
/// timeout, so hitting it means the fetch ignored its deadline.
const DEADLINE: Duration = Duration::from_secs(10);

struct Ca {
    der: CertificateDer<'static>,
    issuer: rcgen::Issuer<'static, rcgen::KeyPair>,
}

impl Ca {
    fn new(name: &str) -> Ca {
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
        Ca {
            der: cert.der().clone(),
            issuer: rcgen::Issuer::new(params, key),
        }
    }

    fn server(&self, name: &str) -> TlsAcceptor {
        let mut params = rcgen::CertificateParams::new(vec![name.to_string()]).unwrap();
        params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let config = rustls::ServerConfig::builder_with_provider(crate::proto::tls::provider())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert.der().clone()], key)
            .unwrap();
        TlsAcceptor::from(Arc::new(config))
    }

    fn settings(&self, timeout: Duration) -> FetchSettings {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(self.der.clone()).unwrap();
        let config = rustls::ClientConfig::builder_with_provider(crate::proto::tls::provider())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        FetchSettings {
            port: 443,
            tls: Arc::new(config),
            timeout,
            max_body: FetchSettings::DEFAULT_MAX_BODY,
        }
    }
}

/// How the test server ends its answer.
#[derive(Clone, Copy)]
enum Close {
    /// TLS close_notify, then TCP close.
    Clean,
    /// TCP close without close_notify, as a cut connection looks.
    Abrupt,
}

/// Serves one connection: reads the request head, writes `response`, closes.
/// The task yields the request it read (`None` if the handshake failed).
async fn serve(
    acceptor: TlsAcceptor,
    response: Vec<u8>,
    close: Close,
) -> (SocketAddr, JoinHandle<Option<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.ok()?;
        let mut tls = acceptor.accept(tcp).await.ok()?;
        let mut request = Vec::new();
        let mut buf = [0u8; 1024];
        while !request.ends_with(b"\r\n\r\n") && request.len() < 16_384 {
            let n = tls.read(&mut buf).await.ok()?;
            if n == 0 {
                break;
            }
            request.extend_from_slice(&buf[..n]);
        }
        tls.write_all(&response).await.ok()?;
        match close {
            Close::Clean => tls.shutdown().await.ok()?,
            Close::Abrupt => {
                tls.flush().await.ok()?;
                drop(tls.into_inner().0);
            }
        }
        Some(String::from_utf8_lossy(&request).into_owned())
    });
    (addr, task)
}

async fn fetch_with(ca: &Ca, response: &str, close: Close) -> Result<Policy, FetchError> {
    let (addr, _server) = serve(ca.server(HOST), response.as_bytes().to_vec(), close).await;
    let settings = ca.settings(Duration::from_secs(5));
    tokio::time::timeout(DEADLINE, fetch_from(&[addr], HOST, &settings))
        .await
        .expect("the fetch ignored its deadline")
}

fn with_length(head: &str, body: &str) -> String {
    format!("{head}Content-Length: {}\r\n\r\n{body}", body.len())
}

#[tokio::test]
async fn good_policy() {
    let ca = Ca::new("mta-sts");
    let response = with_length(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n",
        POLICY,
    );
    let (addr, server) = serve(ca.server(HOST), response.into_bytes(), Close::Clean).await;
    let settings = ca.settings(Duration::from_secs(5));
    let policy = tokio::time::timeout(DEADLINE, fetch_from(&[addr], HOST, &settings))
        .await
        .expect("the fetch ignored its deadline")
        .unwrap();
    assert_eq!(policy.mode, Mode::Enforce);
    assert_eq!(policy.mx, vec!["mx1.example.test", "*.mx.example.test"]);
    assert_eq!(policy.max_age, 604_800);
    let request = server.await.unwrap().expect("the server saw a request");
    assert!(
        request.starts_with("GET /.well-known/mta-sts.txt HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(
        request.contains("\r\nHost: mta-sts.example.test\r\n"),
        "{request}"
    );
    assert!(request.contains("\r\nConnection: close\r\n"), "{request}");
}

#[tokio::test]
async fn chunked_and_read_to_close_bodies() {
    let ca = Ca::new("mta-sts");
    let (a, b) = POLICY.split_at(20);
    let chunked = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n\
         {:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    );
    let policy = fetch_with(&ca, &chunked, Close::Abrupt).await.unwrap();
    assert_eq!(policy.max_age, 604_800);
    let to_close = format!("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n{POLICY}");
    let policy = fetch_with(&ca, &to_close, Close::Clean).await.unwrap();
    assert_eq!(policy.mx.len(), 2);
    // Without close_notify, the end of the connection may be an attacker's cut.
    assert_eq!(
        fetch_with(&ca, &to_close, Close::Abrupt).await,
        Err(FetchError::Truncated)
    );
}

#[tokio::test]
async fn redirect_is_refused() {
    let ca = Ca::new("mta-sts");
    let response = "HTTP/1.1 301 Moved Permanently\r\nLocation: https://evil.test/\r\n\
                    Content-Type: text/plain\r\nContent-Length: 0\r\n\r\n";
    let err = fetch_with(&ca, response, Close::Clean).await.unwrap_err();
    assert_eq!(err, FetchError::Redirect(301));
    assert!(err.to_string().contains("RFC 8461 §3.3"), "{err}");
}

#[tokio::test]
async fn wrong_content_type() {
    let ca = Ca::new("mta-sts");
    let response = with_length("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", POLICY);
    assert_eq!(
        fetch_with(&ca, &response, Close::Clean).await,
        Err(FetchError::ContentType("\"text/html\"".into()))
    );
}

#[tokio::test]
async fn body_over_the_cap() {
    let ca = Ca::new("mta-sts");
    let big = format!("{POLICY}{}", "x-padding: y\r\n".repeat(5000));
    assert!(big.len() > FetchSettings::DEFAULT_MAX_BODY);
    let response = with_length("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n", &big);
    assert_eq!(
        fetch_with(&ca, &response, Close::Clean).await,
        Err(FetchError::TooBig(FetchSettings::DEFAULT_MAX_BODY))
    );
    let unframed = format!("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n{big}");
    assert_eq!(
        fetch_with(&ca, &unframed, Close::Clean).await,
        Err(FetchError::TooBig(FetchSettings::DEFAULT_MAX_BODY))
    );
}

#[tokio::test]
async fn certificate_for_another_name_is_refused() {
    let ca = Ca::new("mta-sts");
    let response = with_length("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n", POLICY);
    let (addr, server) = serve(
        ca.server("mta-sts.other.test"),
        response.into_bytes(),
        Close::Clean,
    )
    .await;
    let settings = ca.settings(Duration::from_secs(5));
    let err = tokio::time::timeout(DEADLINE, fetch_from(&[addr], HOST, &settings))
        .await
        .expect("the fetch ignored its deadline")
        .unwrap_err();
    match &err {
        FetchError::Tls(text) => assert!(text.contains("name mismatch"), "{text}"),
        other => panic!("expected a TLS name error, got {other:?}"),
    }
    assert_eq!(server.await.unwrap(), None, "no request may be sent");
}

#[tokio::test]
async fn certificate_from_an_unknown_ca_is_refused() {
    let (ca, stranger) = (Ca::new("trusted"), Ca::new("stranger"));
    let response = with_length("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n", POLICY);
    let (addr, _server) = serve(stranger.server(HOST), response.into_bytes(), Close::Clean).await;
    let settings = ca.settings(Duration::from_secs(5));
    let err = tokio::time::timeout(DEADLINE, fetch_from(&[addr], HOST, &settings))
        .await
        .expect("the fetch ignored its deadline")
        .unwrap_err();
    assert!(
        matches!(&err, FetchError::Tls(t) if t.contains("unknown issuer")),
        "{err:?}"
    );
}

/// Accepts connections and never says a word; with `handshake`, completes
/// TLS first and then stays silent.
async fn silent(acceptor: Option<TlsAcceptor>) -> (SocketAddr, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((tcp, _)) = listener.accept().await {
            match &acceptor {
                Some(a) => {
                    if let Ok(tls) = a.accept(tcp).await {
                        held.push(Box::new(tls) as Box<dyn std::any::Any + Send>);
                    }
                }
                None => held.push(Box::new(tcp)),
            }
        }
    });
    (addr, task)
}

#[tokio::test]
async fn a_silent_server_costs_only_the_timeout() {
    let ca = Ca::new("mta-sts");
    let timeout = Duration::from_millis(400);
    for acceptor in [None, Some(ca.server(HOST))] {
        let handshake = acceptor.is_some();
        let (addr, server) = silent(acceptor).await;
        let settings = ca.settings(timeout);
        let start = Instant::now();
        let result = tokio::time::timeout(DEADLINE, fetch_from(&[addr], HOST, &settings))
            .await
            .expect("the fetch ignored its deadline");
        let took = start.elapsed();
        server.abort();
        assert_eq!(
            result,
            Err(FetchError::Timeout(timeout)),
            "handshake {handshake}"
        );
        assert!(
            took >= timeout,
            "returned after {took:?}, before its timeout"
        );
        assert!(took < timeout * 5, "returned after {took:?}");
    }
}

#[tokio::test]
async fn no_listener_is_a_connect_error() {
    let ca = Ca::new("mta-sts");
    // Bind then drop: the port is very likely closed for the moment of the test.
    let addr = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let settings = ca.settings(Duration::from_secs(5));
    let result = tokio::time::timeout(DEADLINE, fetch_from(&[addr], HOST, &settings))
        .await
        .expect("the fetch ignored its deadline");
    assert!(
        matches!(result, Err(FetchError::Connect { .. })),
        "{result:?}"
    );
    assert_eq!(
        fetch_from(&[], HOST, &settings).await,
        Err(FetchError::NoAddresses)
    );
}

#[tokio::test]
async fn an_invalid_policy_is_an_error() {
    let ca = Ca::new("mta-sts");
    let response = with_length(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n",
        "version: STSv1\r\nmode: enforce\r\nmax_age: 60\r\n",
    );
    assert_eq!(
        fetch_with(&ca, &response, Close::Clean).await,
        Err(FetchError::Policy(PolicyError::NoMx("enforce")))
    );
}
