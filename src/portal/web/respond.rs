//! Turning the portal's answers into HTTP: pages with their status codes,
//! redirects, and the one response for a link we will not talk about.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::Markup;

use super::{App, pages};
use crate::portal::access::{Access, Denied};

pub fn page(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

/// 303 to a path of our own; the caller has checked the token's shape, so
/// the value is always a valid header (and a 500 if that were ever wrong,
/// never a panic).
pub fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(v) => (StatusCode::SEE_OTHER, [(header::LOCATION, v)]).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Tokens are URL-safe random strings. Anything else is refused before the
/// store sees it, with the same page an unknown token gets.
pub fn token_ok(token: &str) -> bool {
    (8..=128).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub fn unknown(app: &App) -> Response {
    page(StatusCode::NOT_FOUND, pages::not_valid(&app.org))
}

/// Every path we do not serve looks like a bad link.
pub async fn not_found(State(app): State<App>) -> Response {
    unknown(&app)
}

pub fn denied(app: &App, token: &str, why: Denied) -> Response {
    match why {
        Denied::Unknown => unknown(app),
        Denied::NoSession => see_other(&format!("/m/{token}")),
        Denied::Locked { until } => {
            let when = crate::time::rfc5322(until).replace(" +0000", " UTC");
            page(StatusCode::FORBIDDEN, pages::locked(&app.org, &when))
        }
        Denied::RateLimited { retry_after_secs } => rate_limited(app, retry_after_secs),
        Denied::Forbidden => page(StatusCode::FORBIDDEN, pages::forbidden(&app.org)),
        Denied::Unavailable => page(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::unavailable(&app.org),
        ),
    }
}

pub fn rate_limited(app: &App, retry_after_secs: u64) -> Response {
    let mut r = page(
        StatusCode::TOO_MANY_REQUESTS,
        pages::rate_limited(&app.org, retry_after_secs),
    );
    r.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(retry_after_secs.max(1)),
    );
    r
}

/// Runs a call into the portal on the blocking pool (it may touch the disk
/// and decrypt). A panic behind the trait becomes `Unavailable`.
pub async fn blocking<T, F>(access: &Arc<dyn Access>, f: F) -> Result<T, Denied>
where
    T: Send + 'static,
    F: FnOnce(&dyn Access) -> Result<T, Denied> + Send + 'static,
{
    let access = Arc::clone(access);
    match tokio::task::spawn_blocking(move || f(access.as_ref())).await {
        Ok(result) => result,
        Err(_) => {
            tracing::error!("portal: access call panicked");
            Err(Denied::Unavailable)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::token_ok;

    #[test]
    fn token_shape() {
        assert!(token_ok("AbC-123_xyz"));
        assert!(!token_ok("short"));
        assert!(!token_ok("has space in it"));
        assert!(!token_ok("semi;colon-token"));
        assert!(!token_ok("newline\ninside"));
        assert!(!token_ok(&"a".repeat(129)));
    }
}
