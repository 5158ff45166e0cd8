//! Office Open XML (DOCX, XLSX, PPTX): which zip entries hold text, and how
//! to read a whole package as one text.
//!
//! A document is one text, not one per zip part: the detectors' context
//! windows do not cross segments, and a label in a header ("Patient: Maria
//! Lopez") belongs with the body below it. Parts are therefore collected into
//! a [`Package`] while the zip is read, then rendered in reading order:
//! headers, body, footers, notes and comments, document properties.
//!
//! Word splits a paragraph into runs at arbitrary points (spell check, edit
//! history), so run text is joined without gaps and only paragraph ends
//! become newlines.

use std::collections::BTreeMap;

use crate::dlp::extract::table::{Bound, Row, Table};
use crate::dlp::extract::xlsx;
use crate::dlp::extract::xml::{Event, Reader, attr, push_text};

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

/// Entries read to render text: the text entries plus what gives spreadsheet
/// cells their meaning (sheet names and order, date styles).
pub fn is_wanted_entry(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    is_text_entry(&n)
        || n == "xl/workbook.xml"
        || n == "xl/styles.xml"
        || n == "xl/_rels/workbook.xml.rels"
}

/// Entries that are packaging, layout or styling and never text.
pub fn is_structure_entry(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".rels")
        || n.ends_with(".xml")
        || n.ends_with('/')
        || n.starts_with("[content_types]")
}

/// The wanted parts of one package, by lower-cased name. Its size is bounded
/// by the decompression budget every part was read through.
#[derive(Default)]
pub struct Package {
    parts: BTreeMap<String, String>,
}

impl Package {
    pub fn add(&mut self, name: &str, data: &[u8]) {
        self.parts.insert(
            name.to_ascii_lowercase(),
            String::from_utf8_lossy(data).into_owned(),
        );
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.parts.get(name).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Parts named `PREFIX<n>.xml` directly under the prefix's folder, in
    /// numeric order (`slide2` before `slide10`, which a name sort gets wrong).
    pub fn numbered(&self, prefix: &str) -> Vec<&str> {
        let mut found: Vec<(u64, &str)> = self
            .parts
            .keys()
            .filter_map(|k| {
                let stem = k.strip_prefix(prefix)?.strip_suffix(".xml")?;
                if stem.contains('/') {
                    return None;
                }
                let digits: String = stem.chars().filter(char::is_ascii_digit).take(18).collect();
                Some((digits.parse().unwrap_or(0), k.as_str()))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, k)| k).collect()
    }
}

/// The package as one text in reading order, at most about `bound` long.
pub fn render(pkg: &Package, bound: &Bound) -> String {
    let mut out = String::new();
    if pkg.get("word/document.xml").is_some() {
        render_word(pkg, bound, &mut out);
    } else if pkg.parts.keys().any(|k| k.starts_with("xl/")) {
        xlsx::render(pkg, bound, &mut out);
        flow_parts(pkg, &pkg.numbered("xl/comments"), bound, &mut out);
    } else {
        flow_parts(pkg, &pkg.numbered("ppt/slides/slide"), bound, &mut out);
        flow_parts(
            pkg,
            &pkg.numbered("ppt/notesslides/notesslide"),
            bound,
            &mut out,
        );
        flow_parts(pkg, &pkg.numbered("ppt/comments/"), bound, &mut out);
    }
    if let Some(core) = pkg.get("docprops/core.xml") {
        properties(core, &mut out);
    }
    squeeze_blank_lines(&out)
}

/// At most one empty line in a row: empty paragraphs and part ends add
/// nothing a reader sees, and they would eat into the detectors' windows.
fn squeeze_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut newlines = 0;
    for c in s.chars() {
        newlines = if c == '\n' { newlines + 1 } else { 0 };
        if newlines <= 2 {
            out.push(c);
        }
    }
    out
}

/// Word: headers, body, footers, footnotes, endnotes, comments. A header
/// repeated for the first page or even pages is written once.
fn render_word(pkg: &Package, bound: &Bound, out: &mut String) {
    let mut seen: Vec<String> = Vec::new();
    for h in pkg.numbered("word/header") {
        let mut text = String::new();
        flow_text(pkg.get(h).unwrap_or(""), bound, &mut text);
        if !text.trim().is_empty() && !seen.contains(&text) {
            out.push_str(&text);
            out.push('\n');
            seen.push(text);
        }
    }
    flow_parts(pkg, &["word/document.xml"], bound, out);
    let mut tail = pkg.numbered("word/footer");
    tail.extend(pkg.numbered("word/footnotes"));
    tail.extend(pkg.numbered("word/endnotes"));
    tail.extend(pkg.numbered("word/comments"));
    flow_parts(pkg, &tail, bound, out);
}

/// Appends the flowing text of each part, one after the other.
fn flow_parts(pkg: &Package, names: &[&str], bound: &Bound, out: &mut String) {
    for name in names {
        if out.len() > bound.max_bytes || bound.late() {
            return;
        }
        if let Some(xml) = pkg.get(name) {
            flow_text(xml, bound, out);
            out.push('\n');
        }
    }
}

/// A table being read: its rows are rendered as they end.
struct OpenTable {
    table: Table,
    rendered: String,
    row: Row,
    cell: String,
    col: u32,
    span: u32,
}

impl OpenTable {
    fn new() -> OpenTable {
        OpenTable {
            table: Table::new(true),
            rendered: String::new(),
            row: Vec::new(),
            cell: String::new(),
            col: 0,
            span: 1,
        }
    }
}

/// Reading state for [`flow_text`].
struct Flow<'o> {
    out: &'o mut String,
    tables: Vec<OpenTable>,
    in_t: bool,
    in_run: u32,
    /// Inside `mc:Fallback`: the same content again for old readers (text
    /// boxes appear in both `mc:Choice` and the fallback), read once.
    fallback: u32,
    /// The formatting (`rPr`) of the run being read, as its elements and
    /// attributes in order, and of the last run in this paragraph that had
    /// text: see [`Flow::text`].
    run_format: String,
    last_format: Option<String>,
    in_run_format: bool,
    run_has_text: bool,
}

impl Flow<'_> {
    /// Where text goes now: the innermost table cell, or the document.
    fn sink(&mut self) -> &mut String {
        match self.tables.last_mut() {
            Some(t) => &mut t.cell,
            None => self.out,
        }
    }

    fn pending(&self) -> usize {
        self.out.len()
            + self
                .tables
                .iter()
                .map(|t| t.rendered.len() + t.cell.len())
                .sum::<usize>()
    }

    /// Text of a `<t>`. Runs are joined as they are (Word splits a word
    /// into runs as it is edited, "Pa" + "tient", and a number or name may
    /// be half bold, "Fa" + "tima", "519805" + "7339487440"), except where
    /// the formatting changes and the new run starts a capitalised word
    /// right after a letter or digit: a form exported from HTML writes its
    /// grey label and its value as abutting runs of one paragraph ("Alcide
    /// L" + "Member ID" + " N99404204-00" + "Date of birth"), which Word
    /// shows glued too but a reader takes as separate words.
    fn text(&mut self, ev: &Event<'_>) {
        if !self.run_has_text {
            self.run_has_text = true;
            let changed = self
                .last_format
                .as_ref()
                .is_some_and(|f| *f != self.run_format);
            let starts_word = match ev {
                Event::Text(t) | Event::CData(t) => {
                    let mut c = t.chars();
                    c.next().is_some_and(char::is_uppercase)
                        && c.next().is_some_and(char::is_lowercase)
                }
                _ => false,
            };
            let sink = self.sink();
            if changed && starts_word && sink.chars().last().is_some_and(char::is_alphanumeric) {
                sink.push(' ');
            }
        }
        push_text(ev, self.sink());
    }

    fn open(&mut self, name: &str, attrs: &str, empty: bool) {
        if self.in_run_format {
            self.run_format.push_str(name);
            self.run_format.push_str(attrs);
            return;
        }
        match name {
            "t" if !empty => self.in_t = true,
            "r" if !empty => {
                self.in_run += 1;
                self.run_format.clear();
                self.run_has_text = false;
            }
            "rPr" if !empty && self.in_run > 0 => self.in_run_format = true,
            "p" => self.last_format = None,
            "tab" if self.in_run > 0 => self.sink().push('\t'),
            "br" | "cr" => self.sink().push('\n'),
            "noBreakHyphen" => self.sink().push('-'),
            "tbl" if !empty => self.tables.push(OpenTable::new()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                    t.col = 0;
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell.clear();
                    t.span = span(attr(attrs, "gridSpan"));
                }
            }
            "gridSpan" => {
                if let Some(t) = self.tables.last_mut() {
                    t.span = span(attr(attrs, "val"));
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if self.in_run_format {
            if name == "rPr" {
                self.in_run_format = false;
            }
            return;
        }
        match name {
            "t" => self.in_t = false,
            "r" => {
                self.in_run = self.in_run.saturating_sub(1);
                if self.run_has_text {
                    self.last_format = Some(std::mem::take(&mut self.run_format));
                }
            }
            "p" => self.sink().push('\n'),
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push((t.col, cell));
                    t.col = t.col.saturating_add(t.span);
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.table.row(row, &mut t.rendered);
                }
            }
            "tbl" => {
                if let Some(mut t) = self.tables.pop() {
                    t.table.finish(&mut t.rendered);
                    let rendered = t.rendered;
                    self.sink().push_str(&rendered);
                }
            }
            _ => {}
        }
    }
}

/// A `gridSpan` value: how many grid columns one cell covers.
fn span(v: Option<&str>) -> u32 {
    v.and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64)
}

/// The visible text of a WordprocessingML or DrawingML part (document,
/// header, footer, notes, comments, slide): `<t>` text, runs joined,
/// paragraphs, breaks and tabs as whitespace, tables as labelled rows.
/// Field codes (`instrText`), deleted text (`delText`) and drawing
/// coordinates are not `<t>`, so only a field's displayed result is read.
fn flow_text(xml: &str, bound: &Bound, out: &mut String) {
    let mut f = Flow {
        out,
        tables: Vec::new(),
        in_t: false,
        in_run: 0,
        fallback: 0,
        run_format: String::new(),
        last_format: None,
        in_run_format: false,
        run_has_text: false,
    };
    let mut tick = 0u32;
    for ev in Reader::new(xml) {
        match ev {
            Event::Open {
                name: "Fallback",
                empty: false,
                ..
            } => f.fallback += 1,
            Event::Close("Fallback") => f.fallback = f.fallback.saturating_sub(1),
            _ if f.fallback > 0 => {}
            Event::Open { name, attrs, empty } => f.open(name, attrs, empty),
            Event::Close(name) => {
                f.close(name);
                if name == "p" && f.pending() > bound.max_bytes.saturating_add(1)
                    || bound.reached("", &mut tick)
                {
                    break;
                }
            }
            Event::Text(_) | Event::CData(_) if f.in_t => f.text(&ev),
            _ => {}
        }
    }
    // Whatever was read of unclosed tables is still text.
    while let Some(mut t) = f.tables.pop() {
        let row = std::mem::take(&mut t.row);
        t.table.row(row, &mut t.rendered);
        t.table.finish(&mut t.rendered);
        t.rendered.push_str(&t.cell);
        let rendered = t.rendered;
        f.sink().push_str(&rendered);
    }
}

/// Title, subject, author, keywords and description from `docProps/core.xml`
/// (not its timestamps), one per line.
fn properties(xml: &str, out: &mut String) {
    const FIELDS: &[&str] = &[
        "title",
        "subject",
        "creator",
        "keywords",
        "description",
        "lastModifiedBy",
        "category",
    ];
    let mut current = false;
    let mut value = String::new();
    for ev in Reader::new(xml) {
        match ev {
            Event::Open {
                name, empty: false, ..
            } => current = FIELDS.contains(&name),
            Event::Close(_) => {
                if !value.trim().is_empty() {
                    out.push_str(value.trim());
                    out.push('\n');
                }
                value.clear();
                current = false;
            }
            Event::Text(_) | Event::CData(_) if current => push_text(&ev, &mut value),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(xml: &str) -> String {
        let mut out = String::new();
        flow_text(xml, &Bound::unlimited(), &mut out);
        out
    }

    fn package(parts: &[(&str, &str)]) -> Package {
        let mut p = Package::default();
        for (n, x) in parts {
            p.add(n, x.as_bytes());
        }
        p
    }

    #[test]
    fn a_change_of_format_between_glued_words_is_a_word_gap() {
        let grey = "<w:rPr><w:color w:val=\"666666\"/></w:rPr>";
        let x = format!(
            "<w:p><w:pPr><w:rPr></w:rPr></w:pPr><w:r><w:rPr></w:rPr><w:t>Details</w:t></w:r><w:r>{grey}<w:t>Member name</w:t></w:r>\
<w:r><w:rPr></w:rPr><w:t xml:space=\"preserve\"> Arceneaux, Alcide L</w:t></w:r><w:r>{grey}<w:t>Member ID</w:t></w:r>\
<w:r><w:rPr></w:rPr><w:t> N99404204-00</w:t></w:r><w:r>{grey}<w:t>Date of birth</w:t></w:r></w:p>\
<w:p><w:r w:rsidR=\"00A1\"><w:t>Pa</w:t></w:r><w:r w:rsidR=\"00B2\"><w:t>tient</w:t></w:r></w:p>\
<w:p><w:r><w:t>Patient: Fa</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tima Miller, card 519805</w:t></w:r><w:r><w:t>7339487440</w:t></w:r></w:p>"
        );
        assert_eq!(
            flow(&x),
            "Details Member name Arceneaux, Alcide L Member ID N99404204-00 Date of birth\nPatient\nPatient: Fatima Miller, card 5198057339487440\n"
        );
    }

    #[test]
    fn runs_join_paragraphs_split() {
        let x = "<w:p><w:r><w:t>SSN 123-45-</w:t></w:r><w:r><w:t>6789</w:t></w:r></w:p><w:p><w:r><w:t>x</w:t></w:r></w:p>";
        assert_eq!(flow(x), "SSN 123-45-6789\nx\n");
    }

    #[test]
    fn tabs_breaks_fields_and_fallbacks() {
        let x = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
<w:r><w:t>DOB:</w:t><w:tab/><w:t>04/12/1961</w:t><w:br/><w:t>MRN</w:t><w:noBreakHyphen/><w:softHyphen/><w:t>0048</w:t></w:r>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Name </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Maria</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:delText>old</w:delText></w:r>
<mc:AlternateContent><mc:Choice><w:drawing><wp:posOffset>914400</wp:posOffset><wps:txbx><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:p>"#;
        assert_eq!(flow(x), "DOB:\t04/12/1961\nMRN-0048MariaBox\n\n");
    }

    #[test]
    fn table_with_header_row() {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let row = |cells: &[&str]| {
            format!(
                "<w:tr>{}</w:tr>",
                cells.iter().map(|c| cell(c)).collect::<String>()
            )
        };
        let x = format!(
            "<w:p><w:r><w:t>Before</w:t></w:r></w:p><w:tbl>{}{}</w:tbl><w:p><w:r><w:t>After</w:t></w:r></w:p>",
            row(&["Patient Name", "DOB", "MRN"]),
            row(&["Maria Lopez", "04/12/1961", "00482913"])
        );
        assert_eq!(
            flow(&x),
            "Before\nPatient Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913\nAfter\n"
        );
        let form = format!(
            "<w:tbl>{}{}</w:tbl>",
            row(&["Patient", "Maria Lopez"]),
            row(&["DOB", "04/12/1961"])
        );
        assert_eq!(flow(&form), "Patient: Maria Lopez\nDOB: 04/12/1961\n");
    }

    #[test]
    fn slides_in_numeric_order_then_notes() {
        let slide = |t: &str| {
            format!(
                "<p:sld><p:txBody><a:p><a:r><a:t>{t}</a:t></a:r><a:br/><a:r><a:t>x</a:t></a:r></a:p></p:txBody></p:sld>"
            )
        };
        let (s1, s2, s10, n1) = (slide("one"), slide("two"), slide("ten"), slide("note"));
        let p = package(&[
            ("ppt/slides/slide10.xml", &s10),
            ("ppt/slides/slide2.xml", &s2),
            ("ppt/slides/slide1.xml", &s1),
            ("ppt/notesSlides/notesSlide1.xml", &n1),
            ("ppt/slides/_rels/slide1.xml.rels", "<t>no</t>"),
        ]);
        let t = render(&p, &Bound::unlimited());
        assert_eq!(t, "one\nx\n\ntwo\nx\n\nten\nx\n\nnote\nx\n\n");
    }

    #[test]
    fn word_reading_order_and_repeated_headers() {
        let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let p = package(&[
            (
                "word/comments.xml",
                &format!(
                    "<w:comments><w:comment>{}</w:comment></w:comments>",
                    para("comment")
                ),
            ),
            ("word/footer1.xml", &para("footer")),
            ("word/document.xml", &para("body")),
            ("word/header2.xml", &para("head")),
            ("word/header1.xml", &para("head")),
            (
                "docProps/core.xml",
                "<cp:coreProperties><dc:title>Referral</dc:title><dcterms:created>2026-01-01</dcterms:created></cp:coreProperties>",
            ),
        ]);
        let t = render(&p, &Bound::unlimited());
        assert_eq!(t, "head\n\nbody\n\nfooter\n\ncomment\n\nReferral\n");
    }

    #[test]
    fn unclosed_table_text_is_kept() {
        let x = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>MRN 00482913";
        assert!(flow(x).contains("MRN 00482913"), "{}", flow(x));
    }
}
