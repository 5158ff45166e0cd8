//! The portal's HTTPS web app: the pages a recipient uses to prove they own
//! the address a message was sent to, read it, download its attachments and
//! reply. Every decision about who may see what is made behind
//! [`Access`](crate::portal::access::Access); this layer turns requests into
//! those calls and answers into pages, and adds what only HTTP can do:
//! security headers, the Origin check, per-address rate limits and the
//! sanitizing of the sender's HTML.
//!
//! The client's address is the TCP peer's and nothing else: the portal
//! listens directly on the Internet, so any forwarding header is the
//! client's own invention.

mod code;
mod cookie;
mod download;
mod guard;
mod message;
mod origin;
mod pages;
mod ratelimit;
mod reply;
mod respond;
mod sanitize;

#[cfg(test)]
mod tests;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Request, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use hyper::body::Incoming;

use crate::portal::access::Access;
pub use origin::origin_of;
pub use ratelimit::Limits;
use ratelimit::RateLimiter;

/// A slow or stalled TLS handshake must not hold a connection slot.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Request headers must arrive within this time (slow-loris).
const HEADER_TIMEOUT: Duration = Duration::from_secs(20);
/// Open connections at once; past this, new ones are closed at accept so a
/// flood of idle sockets cannot exhaust file descriptors.
const MAX_CONNECTIONS: usize = 1024;
/// Forms other than the reply are a few dozen bytes.
const FORM_BODY_LIMIT: usize = 16 * 1024;

/// The connecting peer's address, put on every request by [`serve`].
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

/// What every handler needs.
#[derive(Clone)]
struct App {
    access: Arc<dyn Access>,
    /// Read once: it names the organization on every page, including the
    /// one page for bad links, which must not vary.
    org: Arc<str>,
    /// `scheme://host[:port]` of `base_url`; `None` refuses every POST.
    origin: Option<Arc<str>>,
    limiter: Arc<RateLimiter>,
}

/// The portal's routes with their middleware, without TLS or sockets, so
/// tests can drive it directly. Requests must carry a [`ClientIp`]
/// extension; [`serve`] adds it.
pub fn router(access: Arc<dyn Access>, base_url: String) -> Router {
    build(access, &base_url, Limits::default())
}

fn build(access: Arc<dyn Access>, base_url: &str, limits: Limits) -> Router {
    let origin = origin_of(base_url);
    if origin.is_none() {
        tracing::error!(
            "portal: base_url is not an absolute https URL; every form post will be refused"
        );
    }
    let app = App {
        org: access.organization().into(),
        access,
        origin: origin.map(Into::into),
        limiter: Arc::new(RateLimiter::new(limits)),
    };
    Router::new()
        .route("/m/{token}", get(code::landing))
        .route("/m/{token}/send", post(code::send))
        .route("/m/{token}/code", get(code::form))
        .route("/m/{token}/verify", post(code::verify))
        .route("/m/{token}/view", get(message::view))
        .route("/m/{token}/a/{index}", get(message::attachment))
        .route(
            "/m/{token}/reply",
            post(reply::reply).layer(DefaultBodyLimit::max(reply::BODY_LIMIT)),
        )
        .route("/static/portal.css", get(stylesheet))
        .fallback(respond::not_found)
        .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::origin_check,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::rate_limit,
        ))
        .layer(axum::middleware::from_fn(guard::security_headers))
        .with_state(app)
}

async fn stylesheet() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        include_str!("portal.css"),
    )
}

/// Serves the portal on `listener` until `shutdown` turns true (or its
/// sender goes away), each client address held to `limits`. Connections
/// already open finish their current request and close.
pub async fn serve(
    listener: tokio::net::TcpListener,
    tls: tokio_rustls::TlsAcceptor,
    access: Arc<dyn Access>,
    base_url: String,
    limits: Limits,
    shutdown: tokio::sync::watch::Receiver<bool>,
) {
    serve_with(
        listener,
        tls,
        build(access, &base_url, limits),
        MAX_CONNECTIONS,
        shutdown,
    )
    .await;
}

async fn serve_with(
    listener: tokio::net::TcpListener,
    tls: tokio_rustls::TlsAcceptor,
    app: Router,
    max_connections: usize,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let slots = Arc::new(tokio::sync::Semaphore::new(max_connections));
    loop {
        let accepted = tokio::select! {
            () = crate::ops::stopped(&mut shutdown) => break,
            accepted = listener.accept() => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(conn) => conn,
            Err(e) => {
                // Usually EMFILE or ECONNABORTED: back off instead of spinning.
                tracing::warn!(error = %e, "portal: accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            tracing::warn!("portal: connection limit reached, closing a new connection");
            drop(stream);
            continue;
        };
        let tls = tls.clone();
        let app = app.clone();
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            connection(stream, ClientIp(peer.ip()), tls, app, shutdown).await;
            drop(slot);
        });
    }
    tracing::info!("portal: stopped accepting connections");
}

async fn connection(
    stream: tokio::net::TcpStream,
    client: ClientIp,
    tls: tokio_rustls::TlsAcceptor,
    app: Router,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let stream = match tokio::time::timeout(HANDSHAKE_TIMEOUT, tls.accept(stream)).await {
        Ok(Ok(s)) => s,
        Ok(Err(_)) => {
            tracing::debug!("portal: TLS handshake failed");
            return;
        }
        Err(_) => {
            tracing::debug!("portal: TLS handshake timed out");
            return;
        }
    };
    let tag = move |req: &mut Request<Incoming>| {
        req.extensions_mut().insert(client);
    };
    crate::ops::http1::serve(stream, app, tag, HEADER_TIMEOUT, &mut shutdown, "portal").await;
}
