//! The message itself: the page, and its attachments one by one. Both need
//! a live session for this token's message; without one the visitor goes
//! back to the landing page to get a code.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;

use super::code::session_cookie;
use super::respond::{blocking, denied, page, see_other, token_ok, unknown};
use super::sanitize::sanitize_html;
use super::{App, cookie, download, pages};
use crate::portal::access::{Denied, Session};

/// The session named by the request's cookie, or the response to give.
pub async fn require_session(
    app: &App,
    token: &str,
    headers: &HeaderMap,
) -> Result<Session, Response> {
    let Some(c) = session_cookie(headers) else {
        return Err(see_other(&format!("/m/{token}")));
    };
    let t = token.to_string();
    match blocking(&app.access, move |a| a.session(&t, &c)).await {
        Ok(s) => Ok(s),
        Err(Denied::NoSession) => {
            // The store forgot it (expired, logged out): drop it in the browser too.
            let mut r = see_other(&format!("/m/{token}"));
            r.headers_mut()
                .insert(header::SET_COOKIE, HeaderValue::from_static(cookie::CLEAR));
            Err(r)
        }
        Err(why) => Err(denied(app, token, why)),
    }
}

pub async fn view(
    State(app): State<App>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    let session = match require_session(&app, &token, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let base = app.origin.as_deref().map(|o| format!("{o}/m/{token}/a/"));
    let t = token.clone();
    // Sanitizing is CPU work on untrusted input: keep it off the async workers too.
    let shown = blocking(&app.access, move |a| {
        let view = a.view(&t, &session)?;
        let safe = view
            .html
            .as_deref()
            .map(|h| sanitize_html(h, &view.attachments, base.as_deref()));
        Ok((view, safe, session.csrf))
    })
    .await;
    match shown {
        Ok((view, safe, csrf)) => {
            tracing::info!(
                attachments = view.attachments.len(),
                "portal: message viewed"
            );
            page(
                StatusCode::OK,
                pages::message(&app.org, &token, &view, safe.as_deref(), &csrf),
            )
        }
        Err(why) => denied(&app, &token, why),
    }
}

#[derive(Deserialize)]
pub struct AttachmentQuery {
    inline: Option<String>,
}

pub async fn attachment(
    State(app): State<App>,
    Path((token, index)): Path<(String, String)>,
    Query(q): Query<AttachmentQuery>,
    headers: HeaderMap,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    let Ok(index) = index.parse::<usize>() else {
        return unknown(&app);
    };
    let session = match require_session(&app, &token, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let t = token.clone();
    match blocking(&app.access, move |a| a.attachment(&t, &session, index)).await {
        Ok(att) => download::attachment_response(att, q.inline.as_deref() == Some("1")),
        Err(Denied::Unknown) => unknown(&app),
        Err(why) => denied(&app, &token, why),
    }
}
