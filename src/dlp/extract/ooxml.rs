//! Office Open XML (DOCX, XLSX, PPTX): which zip entries hold text, and how
//! to read their XML.
//!
//! Word splits a paragraph into runs at arbitrary points (spell check, edit
//! history), so run text is joined without gaps and only paragraph, row and
//! cell ends become separators.

use crate::dlp::extract::html::decode_entities_into;

/// Entries of an OOXML package that hold text someone could read.
pub fn is_text_entry(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    if !n.ends_with(".xml") {
        return false;
    }
    n == "word/document.xml"
        || (n.starts_with("word/")
            && ["header", "footer", "footnotes", "endnotes", "comments"]
                .iter()
                .any(|p| n["word/".len()..].starts_with(p)))
        || n == "xl/sharedstrings.xml"
        || n.starts_with("xl/worksheets/sheet")
        || n.starts_with("xl/comments")
        || n.starts_with("ppt/slides/slide")
        || n.starts_with("ppt/notesslides/")
        || n.starts_with("ppt/comments/")
        || n == "docprops/core.xml"
}

/// Entries that are packaging, layout or styling and never text.
pub fn is_structure_entry(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".rels")
        || n.ends_with(".xml")
        || n.ends_with('/')
        || n.starts_with("[content_types]")
}

/// Text of an OOXML part. In worksheets, cells of type `s` hold an index into
/// the shared strings (scanned separately), so their values are skipped.
pub fn xml_to_text(xml: &str) -> String {
    let b = xml.as_bytes();
    let mut out = String::with_capacity(xml.len() / 4);
    let mut i = 0;
    let mut skip_value = false;
    let mut in_shared_cell = false;
    while i < b.len() {
        if b[i] == b'<' {
            let end = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e);
            let tag = &xml[i + 1..end];
            let closing = tag.starts_with('/');
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            let local = name.rsplit(':').next().unwrap_or(name);
            match (local, closing) {
                ("p" | "row" | "si" | "br" | "cr", _) => out.push('\n'),
                ("tab" | "tc", _) => out.push('\t'),
                ("c", false) => {
                    in_shared_cell = tag.contains("t=\"s\"");
                    out.push('\t');
                }
                ("c", true) => in_shared_cell = false,
                ("v", false) => skip_value = in_shared_cell,
                ("v", true) => skip_value = false,
                _ => {}
            }
            i = (end + 1).min(b.len());
        } else {
            let next = memchr::memchr(b'<', &b[i..]).map_or(b.len(), |e| i + e);
            if !skip_value {
                decode_entities_into(&xml[i..next], &mut out);
            }
            i = next;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_join_paragraphs_split() {
        let x = "<w:p><w:r><w:t>SSN 123-45-</w:t></w:r><w:r><w:t>6789</w:t></w:r></w:p><w:p><w:r><w:t>x</w:t></w:r></w:p>";
        let t = xml_to_text(x);
        assert!(t.contains("SSN 123-45-6789\n"), "{t}");
    }

    #[test]
    fn shared_string_indices_skipped() {
        let x = r#"<row><c r="A1" t="s"><v>12</v></c><c r="B1"><v>123456789</v></c></row>"#;
        let t = xml_to_text(x);
        assert!(!t.contains("12\t") && t.contains("123456789"), "{t:?}");
    }
}
