//! The sender's HTML, made safe to show inline on the message page.
//!
//! ammonia's defaults already drop scripts, styles, forms, inputs, frames,
//! objects, SVG, `<meta>`, `<base>`, event handlers and `style` attributes.
//! What they keep and we must not: remote images (tracking pixels that tell
//! the sender when, where and by whom a message was opened) and relative
//! URLs (which would resolve against the portal's own origin). So every
//! `src` that is not a `cid:` reference to one of the message's own inline
//! images is dropped, `cid:` becomes the attachment's download URL, and
//! relative links are refused.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};

use super::download::inline_image_type;
use crate::portal::access::AttachmentInfo;

/// Sanitizes `html` for the message page. `attachment_base` is the absolute
/// URL prefix of this message's attachments (`https://host/m/TOKEN/a/`);
/// `None` drops every image. The rewritten URL must be absolute because
/// ammonia refuses relative URLs after the attribute filter runs.
pub fn sanitize_html(
    html: &str,
    attachments: &[AttachmentInfo],
    attachment_base: Option<&str>,
) -> String {
    let images: HashMap<String, String> = match attachment_base {
        Some(base) => attachments
            .iter()
            .filter(|a| inline_image_type(&a.content_type).is_some())
            .filter_map(|a| {
                let cid = a.content_id.as_deref()?;
                let cid = cid.trim().trim_start_matches('<').trim_end_matches('>');
                Some((cid.to_string(), format!("{base}{}?inline=1", a.index)))
            })
            .collect(),
        None => HashMap::new(),
    };
    let mut builder = Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "cid"]))
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .set_tag_attribute_value("a", "target", "_blank")
        .attribute_filter(move |element, attribute, value| {
            filter_attribute(&images, element, attribute, value)
        });
    builder.clean(html).to_string()
}

/// Keeps an attribute, rewrites a `cid:` image source, or drops it (`None`).
fn filter_attribute<'u>(
    images: &HashMap<String, String>,
    element: &str,
    attribute: &str,
    value: &'u str,
) -> Option<Cow<'u, str>> {
    match attribute {
        "src" if element == "img" => {
            let cid = strip_prefix_ci(value.trim(), "cid:")?;
            let cid = percent_decode(cid)?;
            images.get(&cid).map(|url| Cow::Owned(url.clone()))
        }
        // No other element may load anything.
        "src" => None,
        // A `cid:` link goes nowhere useful; ammonia allows the scheme only for images.
        "href" if strip_prefix_ci(value.trim(), "cid:").is_some() => None,
        _ => Some(Cow::Borrowed(value)),
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// RFC 2392 `cid:` URLs are percent-encoded Content-IDs.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://portal.example/m/tok/a/";

    fn attachments() -> Vec<AttachmentInfo> {
        vec![
            AttachmentInfo {
                index: 0,
                name: "report.pdf".into(),
                content_type: "application/pdf".into(),
                size: 10,
                content_id: Some("doc@x".into()),
            },
            AttachmentInfo {
                index: 1,
                name: "logo.png".into(),
                content_type: "image/png".into(),
                size: 10,
                content_id: Some("<logo@x>".into()),
            },
            AttachmentInfo {
                index: 2,
                name: "pic.svg".into(),
                content_type: "image/svg+xml".into(),
                size: 10,
                content_id: Some("svg@x".into()),
            },
        ]
    }

    fn clean(html: &str) -> String {
        sanitize_html(html, &attachments(), Some(BASE))
    }

    fn assert_absent(out: &str, needles: &[&str]) {
        let lower = out.to_ascii_lowercase();
        for n in needles {
            assert!(!lower.contains(n), "{n:?} survived in {out:?}");
        }
    }

    #[test]
    fn scripts_and_handlers_go() {
        let out = clean(r#"<p>hi</p><script>alert(1)</script><img src=x onerror="alert(2)">"#);
        assert_absent(&out, &["<script", "alert", "onerror"]);
        assert!(out.contains("<p>hi</p>"));
    }

    #[test]
    fn remote_images_lose_their_source() {
        let out = clean(
            r#"<img src="http://tracker.example/p.gif" alt="t"><img src="https://t.example/x"><img src="//t.example/y"><img src="data:image/png;base64,AAAA">"#,
        );
        assert_absent(&out, &["tracker", "t.example", "data:", "src="]);
    }

    #[test]
    fn frames_forms_and_svg_go() {
        let out = clean(
            r#"<iframe src="https://e.example"></iframe><form action="https://e.example"><input name=a><button>go</button></form><svg onload="alert(1)"><circle/></svg><object data="x"></object><embed src="y">"#,
        );
        assert_absent(
            &out,
            &[
                "<iframe",
                "<form",
                "<input",
                "<button",
                "<svg",
                "onload",
                "<object",
                "<embed",
                "e.example",
            ],
        );
    }

    #[test]
    fn javascript_links_lose_their_href_and_good_links_are_marked() {
        let out = clean(
            r#"<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="https://ok.example/">c</a><a href="mailto:x@ok.example">d</a>"#,
        );
        assert_absent(&out, &["javascript", "alert"]);
        assert!(out.contains(r#"href="https://ok.example/""#), "{out}");
        assert!(out.contains(r#"href="mailto:x@ok.example""#), "{out}");
        assert!(out.contains(r#"rel="noopener noreferrer""#), "{out}");
        assert!(out.contains(r#"target="_blank""#), "{out}");
    }

    #[test]
    fn relative_and_cid_links_are_refused() {
        let out = clean(r#"<a href="/m/other/view">a</a><a href="cid:logo@x">b</a>"#);
        assert_absent(&out, &["/m/other", "cid:", "href="]);
    }

    #[test]
    fn meta_base_and_css_go() {
        let out = clean(
            r#"<meta http-equiv="refresh" content="0;url=https://e.example"><base href="https://e.example/"><style>body{background:url(https://e.example/s.png)}</style><p style="background:url(https://e.example/a.png)">x</p><link rel=stylesheet href="https://e.example/c.css">"#,
        );
        assert_absent(
            &out,
            &[
                "<meta",
                "refresh",
                "<base",
                "<style",
                "url(",
                "style=",
                "<link",
                "e.example",
            ],
        );
        assert!(out.contains("<p>x</p>"), "{out}");
    }

    #[test]
    fn cid_images_point_at_their_attachment() {
        let out = clean(r#"<img src="cid:logo@x" alt="Logo"><img src="CID:logo%40x">"#);
        assert_eq!(
            out.matches(r#"src="https://portal.example/m/tok/a/1?inline=1""#)
                .count(),
            2,
            "{out}"
        );
    }

    #[test]
    fn cid_images_that_are_unknown_or_not_safe_images_are_dropped() {
        let out = clean(r#"<img src="cid:nope@x"><img src="cid:svg@x"><img src="cid:doc@x">"#);
        assert_absent(&out, &["src="]);
        let none = sanitize_html(r#"<img src="cid:logo@x">"#, &attachments(), None);
        assert_absent(&none, &["src="]);
    }
}
