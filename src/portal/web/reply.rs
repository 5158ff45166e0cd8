//! The secure reply: a multipart form with the session's CSRF token, the
//! text and any files. The Origin check has already run (guard.rs); the
//! session is checked before the body is read, so strangers cannot make us
//! buffer uploads; the size is counted as it streams in.

use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::download::sanitize_filename;
use super::message::require_session;
use super::respond::{blocking, denied, page, token_ok, unknown};
use super::{App, pages};
use crate::portal::access::{Attachment, ReplyInput};

/// What the files and text may add up to.
pub const CONTENT_LIMIT: usize = 25 * 1024 * 1024;
/// The request body: content plus room for multipart headers.
pub const BODY_LIMIT: usize = CONTENT_LIMIT + 256 * 1024;
const MAX_FILES: usize = 20;
const CSRF_LIMIT: usize = 512;

/// Why a reply form could not be read.
enum Refusal {
    TooLarge,
    Malformed(&'static str),
}

pub async fn reply(
    State(app): State<App>,
    Path(token): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    if !token_ok(&token) {
        return unknown(&app);
    }
    let session = match require_session(&app, &token, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Ok(multipart) = multipart else {
        return page(
            StatusCode::BAD_REQUEST,
            pages::bad_request(&app.org, "The reply form could not be read."),
        );
    };
    let (csrf, input) = match read_form(multipart).await {
        Ok(form) => form,
        Err(Refusal::TooLarge) => {
            tracing::info!("portal: reply refused, too large");
            return page(StatusCode::PAYLOAD_TOO_LARGE, pages::too_large(&app.org));
        }
        Err(Refusal::Malformed(what)) => {
            return page(StatusCode::BAD_REQUEST, pages::bad_request(&app.org, what));
        }
    };
    if input.text.trim().is_empty() && input.files.is_empty() {
        return page(
            StatusCode::BAD_REQUEST,
            pages::bad_request(
                &app.org,
                "Your reply was empty. Write a message or attach a file.",
            ),
        );
    }
    let files = input.files.len();
    let t = token.clone();
    match blocking(&app.access, move |a| a.reply(&t, &session, &csrf, input)).await {
        Ok(receipt) => {
            tracing::info!(files, "portal: reply accepted");
            page(
                StatusCode::OK,
                pages::reply_sent(&app.org, &token, &receipt.to),
            )
        }
        Err(why) => denied(&app, &token, why),
    }
}

async fn read_form(mut multipart: Multipart) -> Result<(String, ReplyInput), Refusal> {
    let mut csrf = None;
    let mut input = ReplyInput::default();
    let mut total = 0usize;
    while let Some(field) = multipart.next_field().await.map_err(refusal)? {
        match field.name() {
            Some("csrf") => {
                let bytes = read_field(field, CSRF_LIMIT, &mut 0).await?;
                csrf = Some(
                    String::from_utf8(bytes)
                        .map_err(|_| Refusal::Malformed("The form was damaged."))?,
                );
            }
            Some("text") => {
                let bytes = read_field(field, CONTENT_LIMIT, &mut total).await?;
                input.text = String::from_utf8(bytes)
                    .map_err(|_| Refusal::Malformed("The reply text could not be read."))?;
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_string();
                let content_type = field
                    .content_type()
                    .unwrap_or("application/octet-stream")
                    .to_string();
                let bytes = read_field(field, CONTENT_LIMIT, &mut total).await?;
                // An empty file input still sends one empty, nameless part.
                if name.is_empty() && bytes.is_empty() {
                    continue;
                }
                if input.files.len() == MAX_FILES {
                    return Err(Refusal::Malformed("A reply may carry at most 20 files."));
                }
                input.files.push(Attachment {
                    name: sanitize_filename(&name),
                    content_type,
                    bytes,
                });
            }
            // Unknown fields are read past, but still counted.
            _ => {
                read_field(field, CONTENT_LIMIT, &mut total).await?;
            }
        }
    }
    let csrf = csrf.ok_or(Refusal::Malformed(
        "The form was damaged. Open the message again and retry.",
    ))?;
    Ok((csrf, input))
}

/// Reads one part, failing once it or the running `total` passes `limit`.
async fn read_field(
    mut field: Field<'_>,
    limit: usize,
    total: &mut usize,
) -> Result<Vec<u8>, Refusal> {
    let mut out = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(refusal)? {
        *total += chunk.len();
        if out.len() + chunk.len() > limit || *total > CONTENT_LIMIT {
            return Err(Refusal::TooLarge);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

fn refusal(e: axum::extract::multipart::MultipartError) -> Refusal {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::TooLarge
    } else {
        Refusal::Malformed("The reply form could not be read.")
    }
}
