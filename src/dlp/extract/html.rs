//! HTML (and XML) to text for scanning, not for display.
//!
//! Hidden text (`display:none`, white-on-white, comments, `alt`/`title`
//! attributes) is kept on purpose: a recipient's mail client may hide it, but
//! it still leaves the building. Inline tags are removed without a gap so
//! that `<b>123</b>-45-6789` still reads as one number; block tags become
//! line breaks so unrelated cells do not glue together.

use crate::dlp::extract::table::Bound;

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

/// Tables of an HTML body as labelled rows, or `None` when it has none.
///
/// [`to_text`] puts every cell on its own line (cells must not glue
/// together), so a table's header ends up far from the values below it:
/// `Patient` and `Tiffany Zamora` are a dozen lines apart in a visit
/// schedule. Here each `<table>` is rendered like a spreadsheet: a header
/// row labels every later row (`Date: ...; Patient: ...; Visit Purpose:
/// ...`) and a two-cell row is `label: value` (forms and notification
/// layouts). Cells of a nested table belong to that table only; `colspan`
/// keeps later cells under their column. An extra view: the text is
/// scanned as [`to_text`] gives it too.
pub fn table_view(html: &str, bound: &Bound) -> Option<String> {
    if memchr::memmem::find(html.as_bytes(), b"<t").is_none()
        && memchr::memmem::find(html.as_bytes(), b"<T").is_none()
    {
        return None;
    }
    let mut out = String::new();
    let mut tables: Vec<HtmlTable> = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let mut tick = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if bound.reached(&out, &mut tick) {
            break;
        }
        if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
            decode_entities_into(&html[text_start..i], cell);
        }
        if html[i..].starts_with("<!--") {
            let end = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e);
            i = (end + 3).min(b.len());
            text_start = i;
            continue;
        }
        let end = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e);
        let inner = &html[i + 1..end];
        i = (end + 1).min(b.len());
        text_start = i;
        let closing = inner.starts_with('/');
        let tag = inner.trim_start_matches('/');
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let attrs = &tag[name_end..];
        match (name.as_str(), closing) {
            ("table", false) if tables.len() < MAX_TABLE_DEPTH => tables.push(HtmlTable::default()),
            ("table", true) => {
                if let Some(mut t) = tables.pop() {
                    t.end_row();
                    t.render(&mut out);
                }
            }
            ("tr", _) => {
                if let Some(t) = tables.last_mut() {
                    t.end_row();
                }
            }
            ("td" | "th", false) => {
                if let Some(t) = tables.last_mut() {
                    t.end_cell();
                    t.span = colspan(attrs);
                    t.cell = Some(String::new());
                }
            }
            ("td" | "th", true) => {
                if let Some(t) = tables.last_mut() {
                    t.end_cell();
                }
            }
            (other, _) if BLOCK.contains(&other) => {
                if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.push(' ');
                }
            }
            _ => {}
        }
    }
    while let Some(mut t) = tables.pop() {
        t.end_row();
        t.render(&mut out);
    }
    (!out.is_empty()).then_some(out)
}

/// Tables nested deeper than this are read as part of their parent cell.
const MAX_TABLE_DEPTH: usize = 16;
/// Rows kept per table.
const MAX_TABLE_ROWS: usize = 20_000;

#[derive(Default)]
struct HtmlTable {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
    span: usize,
}

impl HtmlTable {
    fn end_cell(&mut self) {
        if let Some(c) = self.cell.take() {
            self.row.push(c);
            for _ in 1..self.span.clamp(1, 64) {
                self.row.push(String::new());
            }
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if !self.row.is_empty() && self.rows.len() < MAX_TABLE_ROWS {
            self.rows.push(std::mem::take(&mut self.row));
        }
        self.row.clear();
    }

    fn render(self, out: &mut String) {
        let mut t = crate::dlp::extract::table::Table::new(true);
        for r in self.rows {
            let row = r
                .into_iter()
                .enumerate()
                .map(|(i, c)| (i as u32, c))
                .collect();
            t.row(row, out);
        }
    }
}

/// A cell's `colspan`, 1 when absent or unreadable.
fn colspan(attrs: &str) -> usize {
    let lower = attrs.to_ascii_lowercase();
    lower
        .find("colspan")
        .and_then(|p| {
            let v = lower[p + 7..].trim_start().strip_prefix('=')?.trim_start();
            let v = v.trim_start_matches(['"', '\'']);
            let n: String = v.chars().take_while(char::is_ascii_digit).collect();
            n.parse().ok()
        })
        .unwrap_or(1)
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
    fn tables_become_labelled_rows() {
        let h = "<table><tr><td>logo</td><td><table class=t>\n<thead><tr><th>Date</th>\n<th>Patient</th><th>Visit Purpose</th></tr></thead>\n\
<tbody><tr><td>July 5, 2026</td>\n<td>Guillermo Kova&#269;</td><td>insulin<br>teaching</td></tr>\n\
<tr><td colspan=\"2\">Ana Ruiz</td><td>wound care</td></tr></tbody></table></td></tr></table>\n\
<table><tr><td>DOB</td><td>04FEB1973</td></tr></table>";
        let v = table_view(h, &Bound::unlimited()).unwrap_or_default();
        assert!(
            v.contains("Date: July 5, 2026; Patient: Guillermo Kova\u{10d}; Visit Purpose: insulin teaching\n"),
            "{v}"
        );
        assert!(
            v.contains("Date: Ana Ruiz; Visit Purpose: wound care\n"),
            "{v}"
        );
        assert!(v.contains("DOB: 04FEB1973\n"), "{v}");
        assert_eq!(
            table_view("<p>No tables here</p>", &Bound::unlimited()),
            None
        );
    }

    #[test]
    fn hidden_and_attributes_kept() {
        let t = to_text("<img alt=\"DOB 01/02/1960\"><!-- MRN 123 --><div>a</div><div>b</div>");
        assert!(t.contains("DOB 01/02/1960") && t.contains("MRN 123"));
        assert!(t.contains("a\n"));
    }
}
