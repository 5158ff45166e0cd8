//! One HTTP/1 connection of an axum app, served until the client is done or
//! shutdown is asked (then the request in flight is finished and the
//! connection closed): the metrics endpoint and the portal serve theirs the
//! same way.

use std::time::Duration;

use axum::Router;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tower_service::Service;

/// Serves `io` with `app`; `on_request` sees each request first (the portal
/// attaches the client's address). `who` names the listener in debug logs.
pub async fn serve<I>(
    io: I,
    app: Router,
    on_request: impl Fn(&mut Request<Incoming>) + Send + Sync + 'static,
    header_timeout: Duration,
    stop: &mut tokio::sync::watch::Receiver<bool>,
    who: &'static str,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        on_request(&mut req);
        let mut app = app.clone();
        async move { app.call(req).await }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .serve_connection(TokioIo::new(io), service);
    tokio::pin!(conn);
    tokio::select! {
        result = conn.as_mut() => {
            if let Err(e) = result {
                tracing::debug!(error = %e, "{who}: connection ended with an error");
            }
        }
        () = super::stopped(stop) => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}
