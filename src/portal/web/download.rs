//! How an attachment leaves the portal: always as a download, except the
//! four raster image types, which the message page may show inline. SVG is
//! never inline: it is a document that can carry script. A file whose
//! bytes do not start like the image type it claims is a download too, so
//! a sender cannot smuggle HTML in as `image/png`.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::portal::access::Attachment;

pub use crate::portal::filename::{content_disposition, sanitize_filename};

const OCTET_STREAM: &str = "application/octet-stream";

/// The canonical type of a raster image we may show inline, or `None`.
pub fn inline_image_type(content_type: &str) -> Option<&'static str> {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    ["image/png", "image/jpeg", "image/gif", "image/webp"]
        .into_iter()
        .find(|t| essence.eq_ignore_ascii_case(t))
}

fn magic_matches(kind: &str, bytes: &[u8]) -> bool {
    match kind {
        "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => bytes.starts_with(b"\xff\xd8\xff"),
        "image/gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        "image/webp" => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        _ => false,
    }
}

/// The response for one attachment. `inline` is the request's wish; it is
/// honoured only for a raster image whose bytes agree with its type.
pub fn attachment_response(attachment: Attachment, inline: bool) -> Response {
    let image = inline_image_type(&attachment.content_type)
        .filter(|kind| inline && magic_matches(kind, &attachment.bytes));
    let (content_type, disposition) = match image {
        Some(kind) => (kind, "inline"),
        None => (OCTET_STREAM, "attachment"),
    };
    let disposition = content_disposition(disposition, &attachment.name);
    let disposition = HeaderValue::from_str(&disposition)
        .unwrap_or_else(|_| HeaderValue::from_static("attachment; filename=\"attachment\""));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        attachment.bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape_or_break_headers() {
        assert_eq!(sanitize_filename("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_filename("C:\\x\\evil.exe"), "evil.exe");
        assert_eq!(sanitize_filename("a\r\nb\".pdf"), "ab.pdf");
        assert_eq!(
            sanitize_filename("invoice\u{202e}fdp.exe"),
            "invoicefdp.exe"
        );
        assert_eq!(sanitize_filename("..."), "attachment");
        assert_eq!(sanitize_filename(""), "attachment");
        assert_eq!(
            sanitize_filename(&"x".repeat(500)).chars().count(),
            crate::portal::filename::MAX_NAME_CHARS
        );
    }

    #[test]
    fn disposition_encodes_utf8() {
        assert_eq!(
            content_disposition("attachment", "Befund Müller.pdf"),
            "attachment; filename=\"Befund M_ller.pdf\"; filename*=UTF-8''Befund%20M%C3%BCller.pdf"
        );
        assert!(HeaderValue::from_str(&content_disposition("attachment", "a\u{0}b\n.pdf")).is_ok());
    }

    #[test]
    fn only_raster_images_are_inline_types() {
        assert_eq!(inline_image_type("IMAGE/PNG; name=x"), Some("image/png"));
        assert_eq!(inline_image_type("image/webp"), Some("image/webp"));
        assert_eq!(inline_image_type("image/svg+xml"), None);
        assert_eq!(inline_image_type("text/html"), None);
    }

    fn att(content_type: &str, bytes: &[u8]) -> Attachment {
        Attachment {
            name: "x.png".into(),
            content_type: content_type.into(),
            bytes: bytes.to_vec(),
        }
    }

    fn headers(r: &Response) -> (String, String) {
        let get = |h| {
            r.headers()
                .get(h)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        (get(header::CONTENT_TYPE), get(header::CONTENT_DISPOSITION))
    }

    #[test]
    fn inline_only_when_asked_typed_and_true() {
        let png = b"\x89PNG\r\n\x1a\nrest";
        let (ct, cd) = headers(&attachment_response(att("image/png", png), true));
        assert_eq!(ct, "image/png");
        assert!(cd.starts_with("inline;"));
        let (ct, cd) = headers(&attachment_response(att("image/png", png), false));
        assert_eq!(ct, OCTET_STREAM);
        assert!(cd.starts_with("attachment;"));
        let (ct, _) = headers(&attachment_response(att("image/png", b"<html>"), true));
        assert_eq!(ct, OCTET_STREAM);
        let (ct, _) = headers(&attachment_response(att("image/svg+xml", b"<svg/>"), true));
        assert_eq!(ct, OCTET_STREAM);
    }
}
