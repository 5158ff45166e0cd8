//! Middleware that every request passes: security headers on every answer,
//! per-address rate limits on the portal's pages, and the Origin check on
//! every POST before any handler (and so before any store call) runs.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::respond::{page, rate_limited};
use super::{App, ClientIp, origin, pages};

/// The message page shows the sender's sanitized HTML inline; this CSP is
/// the second wall if the sanitizer ever lets something through: no
/// scripts, no remote loads, no framing, forms only to ourselves.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// `same-origin`, not `no-referrer`: browsers send `Origin: null` on a form
/// POST from a page whose policy is `no-referrer` (Fetch, "append a request
/// Origin header"), which would make the Origin check refuse every real
/// reply. `same-origin` still never sends a Referer (and so a token)
/// to another site.
const REFERRER_POLICY: &str = "same-origin";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static(REFERRER_POLICY),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

pub async fn rate_limit(State(app): State<App>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/m/") {
        return next.run(req).await;
    }
    let Some(ClientIp(ip)) = req.extensions().get::<ClientIp>().copied() else {
        // Only a wiring mistake gets here; refusing beats sharing one bucket.
        tracing::error!("portal: request without a client address");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let is_post = req.method() == Method::POST;
    match app.limiter.check(ip, is_post, Instant::now()) {
        Ok(()) => next.run(req).await,
        Err(retry_after) => {
            tracing::info!(post = is_post, "portal: rate limited");
            rate_limited(&app, retry_after)
        }
    }
}

pub async fn origin_check(State(app): State<App>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let values = req
        .headers()
        .get_all(header::ORIGIN)
        .iter()
        .map(|v| v.as_bytes());
    if origin::allowed(app.origin.as_deref(), values) {
        next.run(req).await
    } else {
        tracing::info!("portal: POST refused, Origin is not ours");
        page(StatusCode::FORBIDDEN, pages::forbidden(&app.org))
    }
}
