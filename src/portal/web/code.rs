//! From the link to a session: the landing page, asking for a one-time code,
//! and entering it. Each POST answers with a redirect (or a page that can
//! be re-posted harmlessly), so reload and back behave.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;

use super::respond::{blocking, denied, page, see_other, token_ok, unknown};
use super::{App, ClientIp, cookie, pages};
use crate::portal::access::{CodeCheck, CodeRequest};

/// The session cookie from the request, if there is one of ours.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    let values = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok());
    cookie::find(values).map(str::to_string)
}

pub async fn landing(
    State(app): State<App>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    // Someone who already has a session (a second click on the link) goes
    // straight to the message.
    if let Some(c) = session_cookie(&headers) {
        let t = token.clone();
        if blocking(&app.access, move |a| a.session(&t, &c))
            .await
            .is_ok()
        {
            return see_other(&format!("/m/{token}/view"));
        }
    }
    let t = token.clone();
    match blocking(&app.access, move |a| a.landing(&t)).await {
        Ok(_) => page(StatusCode::OK, pages::landing(&app.org, &token)),
        Err(why) => denied(&app, &token, why),
    }
}

pub async fn send(
    State(app): State<App>,
    Path(token): Path<String>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    let t = token.clone();
    match blocking(&app.access, move |a| a.request_code(&t, ip)).await {
        Ok(CodeRequest::Sent { .. }) => {
            tracing::info!("portal: code requested");
            see_other(&format!("/m/{token}/code?sent=1"))
        }
        Err(why) => denied(&app, &token, why),
    }
}

#[derive(Deserialize)]
pub struct CodePageQuery {
    sent: Option<String>,
}

pub async fn form(
    State(app): State<App>,
    Path(token): Path<String>,
    Query(q): Query<CodePageQuery>,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    // The form is only for links that exist.
    let t = token.clone();
    if let Err(why) = blocking(&app.access, move |a| a.landing(&t)).await {
        return denied(&app, &token, why);
    }
    let notice = if q.sent.is_some() {
        pages::CodeNotice::Sent
    } else {
        pages::CodeNotice::None
    };
    page(StatusCode::OK, pages::code_form(&app.org, &token, &notice))
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

/// Digits as typed, without the spaces or dashes people (and password
/// managers) put in; `None` unless 6 to 8 digits remain.
fn normalize_code(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    ((6..=8).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(digits)
}

pub async fn verify(
    State(app): State<App>,
    Path(token): Path<String>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    let Some(code) = form.ok().and_then(|Form(f)| normalize_code(&f.code)) else {
        // Not counted as an attempt: a typo in the format is not a guess.
        let notice = pages::CodeNotice::Malformed;
        return page(
            StatusCode::BAD_REQUEST,
            pages::code_form(&app.org, &token, &notice),
        );
    };
    let t = token.clone();
    match blocking(&app.access, move |a| a.check_code(&t, &code, ip)).await {
        Ok(CodeCheck::Accepted(session)) => {
            let Some(set) = cookie::set_cookie(&session.cookie, session.max_age_secs) else {
                tracing::error!("portal: store issued a session cookie that is not a plain token");
                return denied(&app, &token, crate::portal::access::Denied::Unavailable);
            };
            tracing::info!("portal: code accepted");
            let mut r = see_other(&format!("/m/{token}/view"));
            match HeaderValue::from_str(&set) {
                Ok(v) => {
                    r.headers_mut().insert(header::SET_COOKIE, v);
                    r
                }
                Err(_) => denied(&app, &token, crate::portal::access::Denied::Unavailable),
            }
        }
        Ok(CodeCheck::Wrong { attempts_left }) => {
            tracing::info!(attempts_left, "portal: wrong code");
            let notice = pages::CodeNotice::Wrong { attempts_left };
            page(StatusCode::OK, pages::code_form(&app.org, &token, &notice))
        }
        Ok(CodeCheck::Expired) => page(
            StatusCode::OK,
            pages::code_form(&app.org, &token, &pages::CodeNotice::Expired),
        ),
        Err(why) => denied(&app, &token, why),
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_code;

    #[test]
    fn codes_are_six_to_eight_digits() {
        assert_eq!(normalize_code(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(normalize_code("1234-5678").as_deref(), Some("12345678"));
        assert_eq!(normalize_code("12345"), None);
        assert_eq!(normalize_code("123456789"), None);
        assert_eq!(normalize_code("12345a"), None);
        assert_eq!(normalize_code("١٢٣٤٥٦"), None);
    }
}
