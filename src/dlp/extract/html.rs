//! HTML (and XML) to text for scanning, not for display.
//!
//! Hidden text (`display:none`, white-on-white, comments, `alt`/`title`
//! attributes) is kept on purpose: a recipient's mail client may hide it, but
//! it still leaves the building. Inline tags are removed without a gap so
//! that `<b>123</b>-45-6789` still reads as one number; block tags become
//! line breaks so unrelated cells do not glue together.

/// Attributes whose values a reader can see or that commonly carry data.
const TEXT_ATTRS: &[&str] = &[
    "alt",
    "title",
    "value",
    "placeholder",
    "content",
    "aria-label",
    "href",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "title",
    "option",
    "dt",
    "dd",
    "tbody",
    "thead",
    "body",
    "html",
    "head",
];

pub fn to_text(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                decode_entities_into(&html[text_start..i], &mut out);
                if html[i..].starts_with("<!--") {
                    let end = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e);
                    out.push(' ');
                    decode_entities_into(&html[i + 4..end], &mut out);
                    out.push(' ');
                    i = (end + 3).min(b.len());
                } else {
                    let end = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e);
                    tag(&html[i + 1..end], &mut out);
                    i = (end + 1).min(b.len());
                }
                text_start = i;
            }
            _ => i += 1,
        }
    }
    if text_start < b.len() {
        decode_entities_into(&html[text_start..], &mut out);
    }
    out
}

fn tag(inner: &str, out: &mut String) {
    let t = inner.trim_start_matches('/');
    let name_end = t
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(t.len());
    let name = t[..name_end].to_ascii_lowercase();
    let local = name.rsplit(':').next().unwrap_or(&name);
    if BLOCK.contains(&local) {
        out.push('\n');
    } else if matches!(local, "td" | "th" | "tab") {
        out.push('\t');
    }
    let attrs = &t[name_end..];
    if attrs.len() > 3 && !inner.starts_with('/') {
        attr_values(attrs, out);
    }
}

fn attr_values(attrs: &str, out: &mut String) {
    let lower = attrs.to_ascii_lowercase();
    for a in TEXT_ATTRS {
        let mut from = 0;
        while let Some(p) = lower[from..].find(a) {
            let at = from + p;
            from = at + a.len();
            let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
            let rest = lower[from..].trim_start();
            if !before_ok || !rest.starts_with('=') {
                continue;
            }
            let vstart = attrs.len() - rest.len() + 1;
            let v = attrs[vstart..].trim_start();
            let (val, _) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &v[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], end)
                }
                _ => {
                    let end = v.find(|c: char| c.is_ascii_whitespace()).unwrap_or(v.len());
                    (&v[..end], end)
                }
            };
            out.push(' ');
            decode_entities_into(val, out);
            out.push(' ');
        }
    }
}

/// Decode HTML/XML character references: numeric (`&#45;`, `&#x2D;`) and
/// the named ones that matter for numbers and words.
pub fn decode_entities_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let end = after.find(';').filter(|&e| e <= 32);
        let decoded = end.and_then(|e| entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(h) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(h, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return char::from_u32(v).map(|c| if c == '\u{a0}' { ' ' } else { c });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" | "mdash" | "minus" | "hyphen" => '-',
        "period" => '.',
        "sol" => '/',
        "colon" => ':',
        "num" => '#',
        "zwj" | "zwnj" | "shy" => '\u{200b}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags_do_not_split_numbers() {
        let t = to_text("<p>SSN <b>123</b>&#45;45&#x2d;<span style='display:none'>6789</span></p>");
        assert!(t.contains("123-45-6789"), "{t}");
    }

    #[test]
    fn hidden_and_attributes_kept() {
        let t = to_text("<img alt=\"DOB 01/02/1960\"><!-- MRN 123 --><div>a</div><div>b</div>");
        assert!(t.contains("DOB 01/02/1960") && t.contains("MRN 123"));
        assert!(t.contains("a\n"));
    }
}
