//! Attachment file names as they leave the portal, in a download's header
//! or in a reply's MIME part: one cleaning and one encoding for both, so a
//! name cannot climb directories, hide its extension or break a header
//! either way.

/// Long names are cut; browsers and file systems choke on them.
pub const MAX_NAME_CHARS: usize = 120;

/// A file name that cannot climb directories, hide its extension behind
/// control characters, or break a header.
pub fn sanitize_filename(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .take(MAX_NAME_CHARS)
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    if trimmed.is_empty() {
        "attachment".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `attachment; filename="ascii"; filename*=UTF-8''pct` (RFC 6266 / 8187).
pub fn content_disposition(disposition: &str, name: &str) -> String {
    let name = sanitize_filename(name);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .map(|c| if c == '\\' { '_' } else { c })
        .collect();
    let encoded = ext_value(&name);
    format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// The value part of an RFC 8187 / RFC 2231 `filename*=UTF-8''...`.
pub fn ext_value(name: &str) -> String {
    let mut encoded = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    encoded
}

/// A MIME part's `Content-Disposition: attachment` (RFC 2183/2231): the
/// plain parameter for an ASCII name, else only the encoded one, which
/// mail readers take as the name (an ASCII fallback beside it would be
/// shown instead by some of them).
pub fn mime_attachment(name: &str) -> String {
    let name = sanitize_filename(name);
    if name.is_ascii() && !name.contains('\\') {
        format!("attachment; filename=\"{name}\"")
    } else {
        format!("attachment; filename*=UTF-8''{}", ext_value(&name))
    }
}
