//! A minimal pull reader for the XML inside Office packages.
//!
//! Office parts are machine-written, namespaced and never need validation:
//! the text extractors only care about element names (without prefix,
//! because producers choose their own prefixes), a few attributes and text.
//! A linear scan with no allocation keeps a hostile part cheap: every step
//! advances, malformed markup just ends the stream.

use crate::dlp::extract::html::decode_entities_into;

/// One step through a document. Names are local (`w:t` is `t`).
#[derive(Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A start tag; `empty` for `<x/>`, which has no matching `Close`.
    Open {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    Close(&'a str),
    /// Character data as written (entities not yet decoded).
    Text(&'a str),
    /// A CDATA section: literal text, nothing to decode.
    CData(&'a str),
}

/// Iterates over the [`Event`]s of one XML document.
pub struct Reader<'a> {
    xml: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(xml: &'a str) -> Reader<'a> {
        Reader { xml, pos: 0 }
    }

    /// Moves past `marker` (searched from `from`), or to the end.
    fn skip_past(&mut self, from: usize, marker: &str) {
        let rest = self.xml.get(from..).unwrap_or("");
        self.pos = match memchr::memmem::find(rest.as_bytes(), marker.as_bytes()) {
            Some(p) => from + p + marker.len(),
            None => self.xml.len(),
        };
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.xml.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let n = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
                self.pos += n;
                return rest.get(..n).map(Event::Text);
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let n = memchr::memmem::find(body.as_bytes(), b"]]>").unwrap_or(body.len());
                self.skip_past(self.pos + 9 + n, "]]>");
                return body.get(..n).map(Event::CData);
            }
            if rest.starts_with("<!--") {
                self.skip_past(self.pos + 4, "-->");
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                self.skip_past(self.pos, ">");
                continue;
            }
            let end = memchr::memchr(b'>', rest.as_bytes()).unwrap_or(rest.len());
            self.pos += end + 1;
            let inner = rest.get(1..end).unwrap_or("");
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Event::Close(local(name.trim())));
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let split = inner
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(inner.len());
            let (name, attrs) = inner.split_at(split);
            return Some(Event::Open {
                name: local(name),
                attrs,
                empty,
            });
        }
    }
}

/// A name without its namespace prefix.
pub fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The raw value of the attribute whose local name is `key`.
pub fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let name = rest.get(..eq)?.trim();
        let after = rest.get(eq + 1..)?.trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let body = after.get(1..)?;
        let close = body.find(quote)?;
        if local(name) == key {
            return body.get(..close);
        }
        rest = body.get(close + 1..)?;
    }
}

/// Appends character data, decoding entities (`&amp;`, `&#x2D;`).
pub fn push_text(ev: &Event<'_>, out: &mut String) {
    match ev {
        Event::Text(t) => decode_entities_into(t, out),
        Event::CData(t) => out.push_str(t),
        _ => {}
    }
}

/// An attribute value with entities decoded.
pub fn attr_text(attrs: &str, key: &str) -> Option<String> {
    attr(attrs, key).map(|v| {
        let mut s = String::with_capacity(v.len());
        decode_entities_into(v, &mut s);
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_and_attributes() {
        let x = r#"<?xml version="1.0"?><!-- c --><w:p a:b='1' r="C5"><w:t>a &amp; b</w:t><w:br/><![CDATA[<x>]]></w:p>"#;
        let ev: Vec<Event> = Reader::new(x).collect();
        assert_eq!(
            ev[0],
            Event::Open {
                name: "p",
                attrs: r#" a:b='1' r="C5""#,
                empty: false
            }
        );
        if let Event::Open { attrs, .. } = ev[0] {
            assert_eq!(attr(attrs, "r"), Some("C5"));
            assert_eq!(attr(attrs, "b"), Some("1"));
            assert_eq!(attr(attrs, "x"), None);
        }
        let mut s = String::new();
        push_text(&ev[2], &mut s);
        assert_eq!(s, "a & b");
        assert_eq!(
            ev[4],
            Event::Open {
                name: "br",
                attrs: "",
                empty: true
            }
        );
        assert_eq!(ev[5], Event::CData("<x>"));
        assert_eq!(ev[6], Event::Close("p"));
        assert_eq!(ev.len(), 7);
    }

    #[test]
    fn malformed_input_ends() {
        for x in ["<", "<a", "<![CDATA[x", "<!--", "a<b c='", "<?x"] {
            assert!(Reader::new(x).count() < 4, "{x}");
        }
    }
}
