//! The operations listener (`[metrics] listen`): `/metrics` for
//! Prometheus, `/healthz` and `/readyz` for probes. Plain HTTP/1.1 with
//! the axum/hyper stack the portal uses, on its own socket so that
//! scraping never competes with recipients for the portal's connection
//! slots or rate limits, and works with the portal off.
//!
//! It serves only counts and two words: nothing it says names a message,
//! a patient or an address (see `metrics`). It is still meant for loopback
//! or a management network; there is no TLS and no authentication, and
//! the config warns when the address is not loopback.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::health::Health;
use super::metrics::Metrics;

/// A scraper or probe sends its headers at once.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Scrapers and probes are few; more than this at once is a mistake or an
/// attack, and new connections are closed at accept.
const MAX_CONNECTIONS: usize = 32;

const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

#[derive(Clone)]
struct Ops {
    metrics: Arc<Metrics>,
    health: Arc<Health>,
}

/// The routes, without a socket, so tests can call them directly.
pub fn router(metrics: Arc<Metrics>, health: Arc<Health>) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(Ops { metrics, health })
}

async fn scrape(State(ops): State<Ops>, headers: HeaderMap) -> Response {
    // Prometheus asks for OpenMetrics first in its Accept header; anything
    // else (curl, an older scraper) gets the classic text format.
    let openmetrics = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("application/openmetrics-text"));
    match ops.metrics.encode(openmetrics) {
        Ok(text) => {
            let kind = if openmetrics {
                OPENMETRICS
            } else {
                PROMETHEUS_TEXT
            };
            (
                [(header::CONTENT_TYPE, HeaderValue::from_static(kind))],
                text,
            )
                .into_response()
        }
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "encoding failed\n").into_response(),
    }
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(State(ops): State<Ops>) -> Response {
    if ops.health.is_ready() {
        (StatusCode::OK, "ready\n").into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "not ready: starting or draining\n",
        )
            .into_response()
    }
}

/// Serves until `stop` turns true (or its sender is gone). The gateway
/// stops it last, after the drain, so `/readyz` says 503 throughout.
pub async fn serve(
    listener: tokio::net::TcpListener,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let app = router(metrics, health);
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let accepted = tokio::select! {
            () = super::stopped(&mut stop) => break,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                tracing::warn!(error = %e, "metrics: accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            tracing::debug!("metrics: connection limit reached, closing a new connection");
            continue;
        };
        let (app, stop) = (app.clone(), stop.clone());
        tokio::spawn(async move {
            connection(stream, app, stop).await;
            drop(slot);
        });
    }
}

async fn connection(
    stream: tokio::net::TcpStream,
    app: Router,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    super::http1::serve(stream, app, |_| {}, HEADER_TIMEOUT, &mut stop, "metrics").await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    async fn get(app: &Router, path: &str, accept: Option<&str>) -> (StatusCode, String, String) {
        let mut req = Request::builder().uri(path);
        if let Some(a) = accept {
            req = req.header(header::ACCEPT, a);
        }
        let resp = app
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = resp.status();
        let kind = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let body = axum::body::to_bytes(resp.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, kind, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn readyz_follows_health_and_healthz_always_answers() {
        let health = Arc::new(Health::default());
        let app = router(Arc::new(Metrics::new()), health.clone());
        assert_eq!(get(&app, "/healthz", None).await.0, StatusCode::OK);
        assert_eq!(
            get(&app, "/readyz", None).await.0,
            StatusCode::SERVICE_UNAVAILABLE
        );
        health.set_ready();
        assert_eq!(get(&app, "/readyz", None).await.0, StatusCode::OK);
        health.set_draining();
        assert_eq!(
            get(&app, "/readyz", None).await.0,
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert_eq!(get(&app, "/other", None).await.0, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn metrics_format_follows_accept() {
        let app = router(Arc::new(Metrics::new()), Arc::new(Health::default()));
        let (status, kind, body) = get(&app, "/metrics", None).await;
        assert_eq!((status, kind.as_str()), (StatusCode::OK, PROMETHEUS_TEXT));
        assert!(
            body.contains("sealgate_messages_received_total 0"),
            "{body}"
        );
        let prometheus =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";
        let (_, kind, body) = get(&app, "/metrics", Some(prometheus)).await;
        assert_eq!(kind, OPENMETRICS);
        assert!(body.ends_with("# EOF\n"), "{body}");
    }
}
