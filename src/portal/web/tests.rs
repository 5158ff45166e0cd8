//! The web layer over HTTP, with a fake `Access` standing in for the store
//! (the trait is the seam; the store's own rules are tested behind it).

use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use tower::ServiceExt;

use super::ratelimit::Limits;
use super::{ClientIp, build, router};
use crate::portal::access::*;

const BASE: &str = "https://portal.example.org:8443";
const ORIGIN: &str = "https://portal.example.org:8443";
const GOOD: &str = "good-token-0001";
const COOKIE: &str = "sess-abc";
const CSRF: &str = "csrf-ok";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000";

#[derive(Default)]
struct Fake {
    reply_calls: AtomicUsize,
    last_reply: Mutex<Option<(String, ReplyInput)>>,
    seen_ips: Mutex<Vec<IpAddr>>,
}

impl Fake {
    fn known(&self, token: &str) -> Result<(), Denied> {
        // "expired-…" and "revoked-…" stand for links the store no longer honours.
        if token == GOOD {
            Ok(())
        } else {
            Err(Denied::Unknown)
        }
    }
}

impl Access for Fake {
    fn organization(&self) -> String {
        "Riverbend Health".into()
    }
    fn landing(&self, token: &str) -> Result<Landing, Denied> {
        self.known(token)?;
        Ok(Landing {
            organization: self.organization(),
        })
    }
    fn request_code(&self, token: &str, client: IpAddr) -> Result<CodeRequest, Denied> {
        self.known(token)?;
        self.seen_ips.lock().unwrap().push(client);
        Ok(CodeRequest::Sent {
            masked_to: "p•••@example.org".into(),
            valid_secs: 600,
        })
    }
    fn check_code(&self, token: &str, code: &str, _client: IpAddr) -> Result<CodeCheck, Denied> {
        self.known(token)?;
        match code {
            "123456" => Ok(CodeCheck::Accepted(NewSession {
                cookie: COOKIE.into(),
                max_age_secs: 1800,
            })),
            "999999" => Err(Denied::Locked {
                until: 1_795_000_000,
            }),
            "555555" => Ok(CodeCheck::Expired),
            _ => Ok(CodeCheck::Wrong { attempts_left: 2 }),
        }
    }
    fn session(&self, token: &str, cookie: &str) -> Result<Session, Denied> {
        self.known(token)?;
        if cookie == COOKIE {
            Ok(Session {
                portal_id: "p1".into(),
                csrf: CSRF.into(),
            })
        } else {
            Err(Denied::NoSession)
        }
    }
    fn view(&self, token: &str, _session: &Session) -> Result<MessageView, Denied> {
        self.known(token)?;
        Ok(MessageView {
            from: "Dr. Lee <lee@riverbend-health.org>".into(),
            to: "pat@example.org".into(),
            date: "Fri, 27 Nov 2026 10:00:00 +0000".into(),
            subject: "Your results <b>".into(),
            text: Some("plain".into()),
            html: Some(r#"<p>Hello</p><script>alert(1)</script><img src="cid:logo@x"><img src="https://tracker.example/p.gif">"#.into()),
            attachments: vec![
                AttachmentInfo { index: 0, name: "report.pdf".into(), content_type: "application/pdf".into(), size: 2048, content_id: None },
                AttachmentInfo { index: 1, name: "logo.png".into(), content_type: "image/png".into(), size: PNG.len(), content_id: Some("logo@x".into()) },
                AttachmentInfo { index: 2, name: "pic.svg".into(), content_type: "image/svg+xml".into(), size: 6, content_id: None },
            ],
        })
    }
    fn attachment(
        &self,
        token: &str,
        _session: &Session,
        index: usize,
    ) -> Result<Attachment, Denied> {
        self.known(token)?;
        let (name, content_type, bytes): (&str, &str, &[u8]) = match index {
            0 => ("../Befund Müller.pdf", "application/pdf", b"%PDF-1.4"),
            1 => ("logo.png", "image/png", PNG),
            2 => ("pic.svg", "image/svg+xml", b"<svg/>"),
            _ => return Err(Denied::Unknown),
        };
        Ok(Attachment {
            name: name.into(),
            content_type: content_type.into(),
            bytes: bytes.to_vec(),
        })
    }
    fn reply(
        &self,
        token: &str,
        _session: &Session,
        csrf: &str,
        input: ReplyInput,
    ) -> Result<ReplyReceipt, Denied> {
        self.known(token)?;
        self.reply_calls.fetch_add(1, Ordering::SeqCst);
        if csrf != CSRF {
            return Err(Denied::Forbidden);
        }
        *self.last_reply.lock().unwrap() = Some((csrf.into(), input));
        Ok(ReplyReceipt {
            to: "Dr. Lee <lee@riverbend-health.org>".into(),
        })
    }
}

fn app() -> (Arc<Fake>, Router) {
    let fake = Arc::new(Fake::default());
    let r = router(fake.clone(), BASE.into());
    (fake, r)
}

fn req(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .extension(ClientIp("192.0.2.10".parse().unwrap()))
}

async fn send(r: &Router, request: Request<Body>) -> Response {
    r.clone().oneshot(request).await.unwrap()
}

async fn body(resp: Response) -> String {
    String::from_utf8(
        to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap()
}

fn header_of(resp: &Response, name: header::HeaderName) -> String {
    resp.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn assert_security_headers(resp: &Response) {
    let h = resp.headers();
    assert_eq!(
        h.get(header::CONTENT_SECURITY_POLICY).unwrap(),
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    );
    assert_eq!(h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
    assert_eq!(h.get(header::REFERRER_POLICY).unwrap(), "same-origin");
    assert_eq!(h.get(header::CACHE_CONTROL).unwrap(), "no-store");
    assert_eq!(
        h.get(header::STRICT_TRANSPORT_SECURITY).unwrap(),
        "max-age=31536000"
    );
    assert_eq!(h.get(header::X_FRAME_OPTIONS).unwrap(), "DENY");
}

fn multipart(csrf: &str, text: &str, file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let b = "XyZzyBoundary";
    let mut out = Vec::new();
    for (name, value) in [("csrf", csrf), ("text", text)] {
        out.extend_from_slice(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    if let Some((fname, bytes)) = file {
        out.extend_from_slice(format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fname}\"\r\nContent-Type: text/plain\r\n\r\n").as_bytes());
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{b}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={b}"), out)
}

fn reply_req(origin: Option<&str>, csrf: &str, file: Option<(&str, &[u8])>) -> Request<Body> {
    let (ct, bytes) = multipart(csrf, "Thank you", file);
    let mut b = req("POST", &format!("/m/{GOOD}/reply"))
        .header(header::CONTENT_TYPE, ct)
        .header(header::COOKIE, format!("__Host-sg_session={COOKIE}"));
    if let Some(o) = origin {
        b = b.header(header::ORIGIN, o);
    }
    b.body(Body::from(bytes)).unwrap()
}

#[tokio::test]
async fn bad_links_all_look_the_same() {
    let (_, r) = app();
    let mut seen = Vec::new();
    for uri in [
        "/m/expired-token-1",
        "/m/revoked-token-1",
        "/m/never-existed-1",
        "/m/bad%20token%3B",
        "/m/short",
        "/m/expired-token-1/code",
        "/nothing/here",
    ] {
        let resp = send(&r, req("GET", uri).body(Body::empty()).unwrap()).await;
        assert_security_headers(&resp);
        seen.push((uri, resp.status(), body(resp).await));
    }
    let (_, status, first) = &seen[0];
    assert_eq!(*status, StatusCode::NOT_FOUND);
    assert!(first.contains("This link is not valid. It may have expired or been withdrawn. Ask the sender to send the message again."));
    for (uri, s, b) in &seen {
        assert_eq!((s, b), (status, first), "{uri} differs");
    }
    // Pages behind a session answer every token alike without a cookie.
    for token in [GOOD, "expired-token-1"] {
        let resp = send(
            &r,
            req("GET", &format!("/m/{token}/view"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        assert_eq!(header_of(&resp, header::LOCATION), format!("/m/{token}"));
    }
}

#[tokio::test]
async fn landing_offers_a_code_by_post() {
    let (_, r) = app();
    let resp = send(
        &r,
        req("GET", &format!("/m/{GOOD}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let page = body(resp).await;
    assert!(page.contains("Riverbend Health"));
    assert!(page.contains(&format!(r#"<form method="post" action="/m/{GOOD}/send">"#)));
    assert!(page.contains("Email me a code"));
    assert!(page.contains(r#"<html lang="en">"#) && page.contains("<main>"));
}

#[tokio::test]
async fn asking_for_a_code_redirects_to_the_form_and_uses_the_peer_address() {
    let (fake, r) = app();
    let resp = send(
        &r,
        req("POST", &format!("/m/{GOOD}/send"))
            .header(header::ORIGIN, ORIGIN)
            .header("x-forwarded-for", "203.0.113.99")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header_of(&resp, header::LOCATION),
        format!("/m/{GOOD}/code?sent=1")
    );
    assert_eq!(
        *fake.seen_ips.lock().unwrap(),
        vec!["192.0.2.10".parse::<IpAddr>().unwrap()]
    );

    let resp = send(
        &r,
        req("GET", &format!("/m/{GOOD}/code?sent=1"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let page = body(resp).await;
    assert!(page.contains(r#"<label for="code">"#));
    assert!(
        page.contains(r#"inputmode="numeric""#) && page.contains(r#"autocomplete="one-time-code""#)
    );
    assert!(page.contains("We emailed you a code"));
}

fn verify_req(code: &str) -> Request<Body> {
    req("POST", &format!("/m/{GOOD}/verify"))
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("code={code}")))
        .unwrap()
}

#[tokio::test]
async fn accepted_code_sets_a_host_only_strict_cookie() {
    let (_, r) = app();
    let resp = send(&r, verify_req("123+456")).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header_of(&resp, header::LOCATION),
        format!("/m/{GOOD}/view")
    );
    assert_eq!(
        header_of(&resp, header::SET_COOKIE),
        "__Host-sg_session=sess-abc; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=1800"
    );
}

#[tokio::test]
async fn wrong_locked_expired_and_malformed_codes() {
    let (_, r) = app();
    let resp = send(&r, verify_req("000000")).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers().get(header::SET_COOKIE).is_none());
    assert!(
        body(resp)
            .await
            .contains("That code is not right. 2 attempts left.")
    );

    let resp = send(&r, verify_req("999999")).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let page = body(resp).await;
    assert!(page.contains("locked until"), "{page}");
    assert!(page.contains(" UTC"), "{page}");
    assert!(page.contains("contact the sender"));

    let resp = send(&r, verify_req("555555")).await;
    assert!(body(resp).await.contains("expired"));

    let resp = send(&r, verify_req("12ab")).await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(body(resp).await.contains("6 to 8 digits"));
}

#[tokio::test]
async fn view_without_a_live_session_goes_back_to_the_link() {
    let (_, r) = app();
    for cookie in [
        None,
        Some("__Host-sg_session=stale"),
        Some("sg_session=sess-abc"),
    ] {
        let mut b = req("GET", &format!("/m/{GOOD}/view"));
        if let Some(c) = cookie {
            b = b.header(header::COOKIE, c);
        }
        let resp = send(&r, b.body(Body::empty()).unwrap()).await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{cookie:?}");
        assert_eq!(header_of(&resp, header::LOCATION), format!("/m/{GOOD}"));
        assert_security_headers(&resp);
        let cleared = header_of(&resp, header::SET_COOKIE);
        assert_eq!(
            cleared.ends_with("Max-Age=0"),
            cookie == Some("__Host-sg_session=stale"),
            "{cookie:?}"
        );
    }
    let resp = send(
        &r,
        req("GET", &format!("/m/{GOOD}/a/0"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
}

fn with_session(method: &str, uri: &str) -> Request<Body> {
    req(method, uri)
        .header(
            header::COOKIE,
            format!("theme=dark; __Host-sg_session={COOKIE}"),
        )
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn message_page_shows_sanitized_html_attachments_and_reply_form() {
    let (_, r) = app();
    let resp = send(&r, with_session("GET", &format!("/m/{GOOD}/view"))).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_security_headers(&resp);
    let page = body(resp).await;
    assert!(page.contains("Your results &lt;b&gt;"), "subject escaped");
    assert!(page.contains("<p>Hello</p>"));
    assert!(!page.contains("<script") && !page.contains("tracker.example"));
    assert!(page.contains(&format!(r#"src="{ORIGIN}/m/{GOOD}/a/1?inline=1""#)));
    assert!(page.contains(&format!(r#"href="/m/{GOOD}/a/0""#)) && page.contains("report.pdf"));
    assert!(page.contains(r#"<input type="hidden" name="csrf" value="csrf-ok">"#));
    assert!(
        page.contains(r#"<label for="reply-text">"#)
            && page.contains(r#"<label for="reply-file">"#)
    );
    assert!(page.contains(r#"enctype="multipart/form-data""#));
}

#[tokio::test]
async fn attachments_download_with_safe_headers() {
    let (_, r) = app();
    let resp = send(&r, with_session("GET", &format!("/m/{GOOD}/a/0"))).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_security_headers(&resp);
    assert_eq!(
        header_of(&resp, header::CONTENT_TYPE),
        "application/octet-stream"
    );
    assert_eq!(
        header_of(&resp, header::CONTENT_DISPOSITION),
        "attachment; filename=\"Befund M_ller.pdf\"; filename*=UTF-8''Befund%20M%C3%BCller.pdf"
    );
    assert_eq!(body(resp).await, "%PDF-1.4");

    let resp = send(&r, with_session("GET", &format!("/m/{GOOD}/a/1?inline=1"))).await;
    assert_eq!(header_of(&resp, header::CONTENT_TYPE), "image/png");
    let resp = send(&r, with_session("GET", &format!("/m/{GOOD}/a/1"))).await;
    assert_eq!(
        header_of(&resp, header::CONTENT_TYPE),
        "application/octet-stream"
    );
    let resp = send(&r, with_session("GET", &format!("/m/{GOOD}/a/2?inline=1"))).await;
    assert_eq!(
        header_of(&resp, header::CONTENT_TYPE),
        "application/octet-stream"
    );
    assert!(header_of(&resp, header::CONTENT_DISPOSITION).starts_with("attachment;"));

    for bad in ["9", "-1", "x"] {
        let resp = send(&r, with_session("GET", &format!("/m/{GOOD}/a/{bad}"))).await;
        assert_eq!(resp.status(), StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn reply_needs_our_exact_origin_before_access_is_asked() {
    let (fake, r) = app();
    for origin in [
        None,
        Some("null"),
        Some("https://evil.example"),
        Some("https://portal.example.org"),
    ] {
        let resp = send(&r, reply_req(origin, CSRF, None)).await;
        assert_eq!(resp.status(), StatusCode::FORBIDDEN, "{origin:?}");
        assert_security_headers(&resp);
    }
    assert_eq!(fake.reply_calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn reply_with_a_wrong_csrf_token_is_forbidden() {
    let (fake, r) = app();
    let resp = send(&r, reply_req(Some(ORIGIN), "forged", None)).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(fake.reply_calls.load(Ordering::SeqCst), 1);
    assert!(fake.last_reply.lock().unwrap().is_none());
}

#[tokio::test]
async fn reply_is_passed_on_and_confirmed() {
    let (fake, r) = app();
    let resp = send(
        &r,
        reply_req(Some(ORIGIN), CSRF, Some(("../notes.txt", b"hello file"))),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let page = body(resp).await;
    assert!(
        page.contains(
            "Your reply was received and is on its way to Dr. Lee &lt;lee@riverbend-health.org&gt;."
        ),
        "{page}"
    );
    let (_, input) = fake.last_reply.lock().unwrap().clone().unwrap();
    assert_eq!(input.text, "Thank you");
    assert_eq!(input.files.len(), 1);
    assert_eq!(input.files[0].name, "notes.txt");
    assert_eq!(input.files[0].bytes, b"hello file");
}

#[tokio::test]
async fn oversized_reply_gets_a_clear_page() {
    let (fake, r) = app();
    let big = vec![b'a'; super::reply::CONTENT_LIMIT + 1];
    let resp = send(&r, reply_req(Some(ORIGIN), CSRF, Some(("big.bin", &big)))).await;
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body(resp).await.contains("too large"));
    assert_eq!(fake.reply_calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn stylesheet_is_served_with_headers_and_print_rules() {
    let (_, r) = app();
    let resp = send(
        &r,
        Request::get("/static/portal.css")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_security_headers(&resp);
    assert_eq!(
        header_of(&resp, header::CONTENT_TYPE),
        "text/css; charset=utf-8"
    );
    let css = body(resp).await;
    assert!(css.contains("@media print") && css.contains(":focus-visible"));
}

#[tokio::test]
async fn forwarded_for_does_not_change_the_rate_limit_key() {
    let fake = Arc::new(Fake::default());
    let limits = Limits {
        window: Duration::from_secs(3600),
        requests: 3,
        posts: 2,
        max_clients: 100,
    };
    let r = build(fake, BASE, limits);
    let uri = format!("/m/{GOOD}");
    for i in 0..3 {
        let resp = send(
            &r,
            req("GET", &uri)
                .header("x-forwarded-for", format!("198.51.100.{i}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let resp = send(
        &r,
        req("GET", &uri)
            .header("x-forwarded-for", "198.51.100.200")
            .header("x-real-ip", "198.51.100.201")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_security_headers(&resp);
    let retry: u64 = header_of(&resp, header::RETRY_AFTER).parse().unwrap();
    assert!((1..=3600).contains(&retry));
    // A different peer is still served.
    let other = Request::get(&uri)
        .extension(ClientIp("192.0.2.11".parse().unwrap()))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&r, other).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn denied_answers_map_to_their_pages() {
    struct Down;
    impl Access for Down {
        fn organization(&self) -> String {
            "Org".into()
        }
        fn landing(&self, _: &str) -> Result<Landing, Denied> {
            Err(Denied::Unavailable)
        }
        fn request_code(&self, _: &str, _: IpAddr) -> Result<CodeRequest, Denied> {
            Err(Denied::RateLimited {
                retry_after_secs: 42,
            })
        }
        fn check_code(&self, _: &str, _: &str, _: IpAddr) -> Result<CodeCheck, Denied> {
            panic!("store bug")
        }
        fn session(&self, _: &str, _: &str) -> Result<Session, Denied> {
            Err(Denied::NoSession)
        }
        fn view(&self, _: &str, _: &Session) -> Result<MessageView, Denied> {
            Err(Denied::Unavailable)
        }
        fn attachment(&self, _: &str, _: &Session, _: usize) -> Result<Attachment, Denied> {
            Err(Denied::Unavailable)
        }
        fn reply(
            &self,
            _: &str,
            _: &Session,
            _: &str,
            _: ReplyInput,
        ) -> Result<ReplyReceipt, Denied> {
            Err(Denied::Forbidden)
        }
    }
    let r = router(Arc::new(Down), BASE.into());
    let resp = send(
        &r,
        req("GET", &format!("/m/{GOOD}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    let resp = send(
        &r,
        req("POST", &format!("/m/{GOOD}/send"))
            .header(header::ORIGIN, ORIGIN)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(header_of(&resp, header::RETRY_AFTER), "42");
    let resp = send(&r, verify_req("123456")).await;
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
}
mod tls {
    // `serve` over a real socket and real TLS: the peer address is the client
    // identity whatever headers say, and shutdown stops the server.

    use std::net::IpAddr;
    use std::sync::Arc;
    use std::time::Duration;

    use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};
    use tokio_rustls::{TlsAcceptor, TlsConnector};

    use super::{BASE, Fake, GOOD, ORIGIN};
    use crate::portal::web::{Limits, router, serve, serve_with};

    fn tls_pair() -> (TlsAcceptor, TlsConnector) {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);

        let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
        params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &issuer).unwrap();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let server = rustls::ServerConfig::builder_with_provider(crate::proto::tls::provider())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert.der().clone()], key)
            .unwrap();

        let mut roots = rustls::RootCertStore::empty();
        roots.add(ca.der().clone()).unwrap();
        let client = rustls::ClientConfig::builder_with_provider(crate::proto::tls::provider())
            .with_protocol_versions(crate::proto::tls::VERSIONS)
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        (
            TlsAcceptor::from(Arc::new(server)),
            TlsConnector::from(Arc::new(client)),
        )
    }

    async fn exchange(
        connector: &TlsConnector,
        addr: std::net::SocketAddr,
        request: &str,
    ) -> String {
        let tcp = TcpStream::connect(addr).await.unwrap();
        let name = ServerName::try_from("localhost").unwrap();
        let mut tls = connector.connect(name, tcp).await.unwrap();
        tls.write_all(request.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        tls.read_to_end(&mut out).await.unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[tokio::test]
    async fn serves_over_tls_keys_by_peer_and_stops_on_shutdown() {
        let (acceptor, connector) = tls_pair();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let fake = Arc::new(Fake::default());
        let (stop, shutdown) = tokio::sync::watch::channel(false);
        let server = tokio::spawn(serve(
            listener,
            acceptor,
            fake.clone(),
            BASE.into(),
            Limits::default(),
            shutdown,
        ));

        let request = format!(
            "POST /m/{GOOD}/send HTTP/1.1\r\nHost: localhost\r\nOrigin: {ORIGIN}\r\n\
             X-Forwarded-For: 203.0.113.9\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let answer = exchange(&connector, addr, &request).await;
        assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
        assert!(
            answer
                .to_ascii_lowercase()
                .contains("content-security-policy: default-src 'none'")
        );
        assert_eq!(
            *fake.seen_ips.lock().unwrap(),
            vec!["127.0.0.1".parse::<IpAddr>().unwrap()]
        );

        stop.send(true).unwrap();
        tokio::time::timeout(Duration::from_secs(10), server)
            .await
            .expect("serve returns after shutdown")
            .unwrap();
        assert!(TcpStream::connect(addr).await.is_err(), "listener closed");
    }

    #[tokio::test]
    async fn connections_past_the_limit_are_closed() {
        let (acceptor, connector) = tls_pair();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = router(Arc::new(Fake::default()), BASE.into());
        let (stop, shutdown) = tokio::sync::watch::channel(false);
        let server = tokio::spawn(serve_with(listener, acceptor, app, 1, shutdown));

        // Holds the only slot: connected, handshake not started.
        let idle = TcpStream::connect(addr).await.unwrap();
        let tcp = TcpStream::connect(addr).await.unwrap();
        let name = ServerName::try_from("localhost").unwrap();
        assert!(
            connector.connect(name, tcp).await.is_err(),
            "second connection refused"
        );

        drop(idle);
        stop.send(true).unwrap();
        tokio::time::timeout(Duration::from_secs(10), server)
            .await
            .unwrap()
            .unwrap();
    }
}
