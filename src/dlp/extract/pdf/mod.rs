//! PDF text layer: read the text that real producers write, and say so
//! (fail closed, "unscanned") when it cannot be read.
//!
//! Layers: `syntax` (tokens, objects), `objects` (xref tables, xref and
//! object streams, incremental updates, a scan for `N G obj` when the
//! table is broken), `filters` (Flate with predictors, ASCII85, ASCIIHex,
//! LZW, RunLength, chains), `fonts` (ToUnicode CMaps, simple encodings with
//! `/Differences`), `content` (text operators, positions, forms).
//!
//! Own code rather than lopdf 0.47 (measured on the producers' files in
//! tests/data/pdf; see `tests/data/pdf/README.md` for the table): lopdf
//! decodes all of them as well, but adds 64 crates (a second miniz_oxide,
//! aes/cbc/ecb, encoding_rs, brotli) and ~2 min of CPU to a clean build, and
//! decompresses streams with its own fixed limit instead of our budget: a
//! 1 MiB Flate bomb took it to 267 MB resident, where this code stops at
//! the budget's allowance. Every stream here is decoded through
//! `Doc::decode`, which counts, times and caps it.
//!
//! What cannot be read is reported, never passed as clean: encrypted files,
//! pages that only paint images (scans, faxes), files without a page tree,
//! streams behind filters not decoded, and text whose glyphs mostly have no
//! Unicode mapping (Type0 fonts without `/ToUnicode`) or that comes out as
//! control bytes. Reasons carry counts, never document text.

mod content;
mod filters;
mod fonts;
mod layout;
mod objects;
mod syntax;

use std::collections::HashSet;

use crate::dlp::extract::{Budget, Extracted};
use crate::dlp::rules::PartKind;
use objects::{Doc, Stop};
use syntax::{Dict, Obj};

/// Deepest page tree followed; real trees are a few levels.
const MAX_TREE_DEPTH: usize = 64;

pub fn extract(label: &str, data: &[u8], budget: &mut Budget<'_>, out: &mut Extracted) {
    let max_text = budget.limits.max_text_bytes;
    let reading = {
        let mut doc = match Doc::open(data, budget, out) {
            Ok(d) => d,
            Err(stop) => return report(label, stop, out),
        };
        read(&mut doc, max_text)
    };
    let r = match reading {
        Ok(r) => r,
        Err(stop) => return report(label, stop, out),
    };
    if let Err(why) = r.verdict() {
        out.unscanned.push(format!("{label}: {why}"));
        return;
    }
    // Tables and forms by position: an extra labelled view (see `layout`).
    let positioned = layout::view(&r.text, &r.cells, &budget.bound());
    budget.push(out, PartKind::Attachment, label.to_string(), r.text);
    if let Some(view) = positioned {
        budget.push_one(out, PartKind::Attachment, label.to_string(), view);
    }
}

fn report(label: &str, stop: Stop, out: &mut Extracted) {
    match stop {
        // The budget already said why, for the whole message.
        Stop::Limit => {}
        Stop::Unreadable(why) => out.unscanned.push(format!("{label}: {why}")),
    }
}

/// What a whole document yielded.
struct Reading {
    text: String,
    cells: Vec<content::CellStart>,
    glyphs: usize,
    unmapped: usize,
    image_pages: usize,
}

/// Share of shown glyphs that may lack a Unicode mapping. Above it, the
/// unmapped ones could be exactly the name or number that matters.
const MAX_UNMAPPED_SHARE: f64 = 0.05;

/// Share of non-space characters that must be letters, digits or
/// punctuation before extracted text is trusted.
const MIN_TEXT_SHARE: f64 = 0.85;

impl Reading {
    fn verdict(&self) -> Result<(), String> {
        if self.image_pages > 0 {
            return Err(format!(
                "PDF with {} page(s) that are images without text (scan or fax?)",
                self.image_pages
            ));
        }
        if self.unmapped as f64 > MAX_UNMAPPED_SHARE * self.glyphs as f64 {
            return Err(format!(
                "PDF text layer is mostly undecodable ({} of {} glyphs have no Unicode mapping)",
                self.unmapped, self.glyphs
            ));
        }
        if self.glyphs == 0 || self.text.trim().is_empty() {
            return Err("PDF without a readable text layer (scanned image?)".into());
        }
        if !looks_like_text(&self.text) {
            return Err("PDF text layer is mostly undecodable (not letters)".into());
        }
        Ok(())
    }
}

fn read(doc: &mut Doc<'_, '_, '_>, max_text: usize) -> Result<Reading, Stop> {
    if doc.encrypted() {
        return Err(Stop::Unreadable("encrypted PDF"));
    }
    let catalog = doc
        .catalog()
        .ok_or(Stop::Unreadable("PDF without a readable document catalog"))?;
    let pages = page_list(doc, &catalog)?;
    if pages.is_empty() {
        return Err(Stop::Unreadable("PDF without readable pages"));
    }
    let mut reader = content::Reader::new(max_text);
    let mut image_pages = 0;
    for (page, resources) in pages {
        if doc.budget.out_of_time(doc.out) {
            return Err(Stop::Limit);
        }
        reader.begin_page();
        let content = page_content(doc, &page)?;
        reader.run(doc, &content, &resources)?;
        if reader.page_images > 0 && reader.page_glyphs == 0 {
            image_pages += 1;
        }
    }
    Ok(Reading {
        glyphs: reader.glyphs,
        unmapped: reader.unmapped,
        text: reader.text,
        cells: reader.cells,
        image_pages,
    })
}

/// A page's content streams, decoded and joined.
fn page_content(doc: &mut Doc<'_, '_, '_>, page: &Dict) -> Result<Vec<u8>, Stop> {
    let refs = match page.get(b"Contents") {
        None => return Ok(Vec::new()),
        Some(c) => match doc.resolve(c)? {
            Obj::Array(a) => a,
            _ => vec![c.clone()],
        },
    };
    let mut content = Vec::new();
    for r in refs {
        match doc.stream_data(&r) {
            Ok(Some((_, body))) => {
                content.extend_from_slice(&body);
                content.push(b'\n');
            }
            Ok(None) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(content)
}

/// Pages in order with their (possibly inherited) resources. Cycles and
/// depth are bounded; the count is bounded by the budget's entry limit.
fn page_list(doc: &mut Doc<'_, '_, '_>, catalog: &Dict) -> Result<Vec<(Dict, Dict)>, Stop> {
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    let Some(root) = catalog.get(b"Pages").cloned() else {
        return Ok(pages);
    };
    let mut stack = vec![(root, Dict::default(), 0usize)];
    while let Some((node, inherited, depth)) = stack.pop() {
        if let Obj::Ref(id, _) = node
            && !seen.insert(id)
        {
            continue;
        }
        let Some(dict) = doc.resolve(&node)?.as_dict().cloned() else {
            continue;
        };
        let resources = match dict.get(b"Resources") {
            Some(r) => doc.resolve(r)?.as_dict().cloned().unwrap_or_default(),
            None => inherited,
        };
        match dict.get(b"Kids").map(|k| doc.resolve(k)).transpose()? {
            Some(Obj::Array(kids)) if depth < MAX_TREE_DEPTH => {
                for kid in kids.into_iter().rev() {
                    stack.push((kid, resources.clone(), depth + 1));
                }
            }
            Some(_) => {}
            None => {
                if pages.len() >= doc.budget.limits.max_entries {
                    return Err(Stop::Unreadable("too many PDF pages"));
                }
                pages.push((dict, resources));
            }
        }
    }
    Ok(pages)
}

fn looks_like_text(text: &str) -> bool {
    let (mut total, mut good) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c.is_alphanumeric() || c.is_ascii_punctuation() || "§°€£¢«»–—‘’“”•·…‚„†‡‰™".contains(c)
        {
            good += 1;
        }
    }
    total == 0 || good as f64 >= MIN_TEXT_SHARE * total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A well-formed one-page PDF: catalog, page tree, one font `/F1` and
    /// one content stream, with a classic xref table.
    pub(super) fn pdf(font: &str, stream_dict: &str, content: &[u8]) -> Vec<u8> {
        pdf_with(font, stream_dict, content, &[])
    }

    /// [`pdf`] with more objects, numbered from 6, for the font to refer to.
    pub(super) fn pdf_with(
        font: &str,
        stream_dict: &str,
        content: &[u8],
        extra: &[&str],
    ) -> Vec<u8> {
        let mut stream =
            format!("<< /Length {} {stream_dict} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        let objs: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>"
                .to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
            stream,
            format!("<< /Type /Font {font} >>").into_bytes(),
        ]
        .into_iter()
        .chain(extra.iter().map(|o| o.as_bytes().to_vec()))
        .collect();
        let mut v = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objs.iter().enumerate() {
            offsets.push(v.len());
            v.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            v.extend_from_slice(o);
            v.extend_from_slice(b"\nendobj\n");
        }
        let xref = v.len();
        v.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes(),
        );
        for o in offsets {
            v.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        v.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objs.len() + 1
            )
            .as_bytes(),
        );
        v
    }

    pub(super) fn run(data: &[u8]) -> Extracted {
        let limits = crate::dlp::config::ScanLimits::default();
        let mut budget = Budget::new(&limits, std::time::Instant::now());
        let mut out = Extracted::default();
        extract("a.pdf", data, &mut budget, &mut out);
        out
    }

    fn text(out: &Extracted) -> String {
        out.segments.iter().map(|s| s.text.as_str()).collect()
    }

    const HELVETICA: &str = "/Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding";

    #[test]
    fn reads_tj_arrays_and_kerning_gaps() {
        let out = run(&pdf(
            HELVETICA,
            "",
            b"BT /F1 12 Tf 72 700 Td (SSN 123-45-) Tj [(67) -20 (89)] TJ [(Maria) -600 (Lopez)] TJ ET",
        ));
        assert!(out.unscanned.is_empty(), "{:?}", out.unscanned);
        let t = text(&out);
        assert!(t.contains("SSN 123-45-6789"), "{t:?}");
        assert!(t.contains("Maria Lopez"), "{t:?}");
    }

    /// Justified lines as fpdf2 draws them: each word after the first
    /// starts with its space glyph, widened by the `TJ` adjustment before
    /// it. One word break, not two, and a space drawn twice stays two.
    #[test]
    fn a_widened_space_glyph_is_one_word_break() {
        let out = run(&pdf(
            HELVETICA,
            "",
            b"BT /F1 12 Tf 72 700 Td [(Outreach) -428 ( call) -428 ( for) -428 ( Ana) -428 ( Ruiz)] TJ ET \
              BT /F1 12 Tf 72 680 Td (Total:  12) Tj ET",
        ));
        let t = text(&out);
        assert!(t.contains("Outreach call for Ana Ruiz"), "{t:?}");
        assert!(t.contains("Total:  12"), "{t:?}");
    }

    /// ghostscript's way: `/Encoding 6 0 R`, a dictionary on WinAnsi with
    /// `/Differences`, and `/Widths` in an object of its own.
    #[test]
    fn indirect_encoding_dictionaries_are_read() {
        let out = run(&pdf_with(
            "/Subtype /Type1 /BaseFont /Courier /FirstChar 32 /Widths 7 0 R /Encoding 6 0 R",
            "",
            br"BT /F1 12 Tf 72 700 Td (Jos\351 Mart\355nez 1935-04-28 ni\361o) Tj ET",
            &[
                "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [45 /minus] >>",
                "[600 600 600]",
            ],
        ));
        let t = text(&out);
        assert!(
            t.contains("José Martínez 1935\u{2212}04\u{2212}28 niño"),
            "{t:?}"
        );
    }

    #[test]
    fn moves_become_spaces_and_line_breaks() {
        let out = run(&pdf(
            HELVETICA,
            "",
            b"BT /F1 10 Tf 72 700 Td (MRN:) Tj 60 0 Td (00482913) Tj 0 -14 Td (Next) Tj ET\n\
              BT /F1 10 Tf 1 0 0 1 72 672 Tm (line) Tj T* (again) Tj ET",
        ));
        let t = text(&out);
        // 60 pt on from a 22 pt label is a column jump: a tab.
        assert!(t.contains("MRN:\t00482913\nNext\nline"), "{t:?}");
        let out = run(&pdf(
            HELVETICA,
            "",
            b"BT /F1 10 Tf 72 700 Td (MRN:) Tj 25 0 Td (00482913) Tj ET",
        ));
        let t = text(&out);
        assert!(t.contains("MRN: 00482913"), "a word gap is a space: {t:?}");
        // A cell whose text overflows into the next one: the next cell's
        // text starts left of where the last ended, a word apart.
        let out = run(&pdf(
            HELVETICA,
            "",
            b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Montes) Tj 1 0 0 1 97 700 Tm (15/02/1981) Tj ET",
        ));
        let t = text(&out);
        assert!(t.contains("Montes 15/02/1981"), "{t:?}");
    }

    #[test]
    fn wrapped_table_cells_keep_their_column_label() {
        // A ReportLab-style table drawn row by row: the diagnosis cell
        // wraps onto two lines, so the row has fewer runs than the header.
        let out = run(&pdf(
            HELVETICA,
            "",
            b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Patient) Tj 1 0 0 1 150 700 Tm (DOB) Tj \
              1 0 0 1 250 700 Tm (Diagnosis) Tj 1 0 0 1 400 700 Tm (Status) Tj \
              1 0 0 1 50 680 Tm (Maria Lopez) Tj 1 0 0 1 150 680 Tm (04/12/1961) Tj \
              1 0 0 1 250 686 Tm (Type 2 diabetes) Tj 1 0 0 1 250 674 Tm (mellitus) Tj \
              1 0 0 1 400 680 Tm (Open) Tj ET",
        ));
        let t = text(&out);
        assert!(
            t.contains(
                "Patient: Maria Lopez; DOB: 04/12/1961; Diagnosis: Type 2 diabetes mellitus; Status: Open\n"
            ),
            "{t:?}"
        );
    }

    #[test]
    fn glyph_id_fonts_without_mapping_fail_closed() {
        // Type0 font, Identity-H, two-byte glyph ids, no /ToUnicode.
        let out = run(&pdf(
            "/Subtype /Type0 /Encoding /Identity-H",
            "",
            b"BT /F1 12 Tf <002B00440051> Tj ET",
        ));
        assert!(
            out.segments.is_empty(),
            "garbage must not be scanned as text"
        );
        assert!(
            out.unscanned[0].contains("no Unicode mapping"),
            "{:?}",
            out.unscanned
        );
    }

    #[test]
    fn ascii85_flate_chain_is_read() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"BT /F1 12 Tf 72 700 Td (Patient: Jane Roe) Tj ET")
            .unwrap();
        let a85 = ascii85_encode(&z.finish().unwrap());
        let out = run(&pdf(
            HELVETICA,
            "/Filter [/ASCII85Decode /FlateDecode]",
            &a85,
        ));
        assert!(out.unscanned.is_empty(), "{:?}", out.unscanned);
        assert!(text(&out).contains("Patient: Jane Roe"));
    }

    fn ascii85_encode(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut b = [0u8; 4];
            b[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(b);
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (v % 85) as u8 + b'!';
                v /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }

    #[test]
    fn control_bytes_fail_closed() {
        let out = run(&pdf(
            "/Subtype /TrueType /BaseFont /ABCDEF+Arial",
            "",
            b"BT /F1 12 Tf (\\001\\002\\003\\004\\005\\006\\007) Tj ET",
        ));
        assert!(out.segments.is_empty());
        assert!(
            out.unscanned[0].contains("undecodable"),
            "{:?}",
            out.unscanned
        );
    }

    #[test]
    fn unsupported_filter_fails_closed() {
        let out = run(&pdf(HELVETICA, "/Filter /Crypt", b"xx"));
        assert!(out.segments.is_empty());
        assert!(out.unscanned[0].contains("filter"), "{:?}", out.unscanned);
    }

    #[test]
    fn encrypted_fails_closed() {
        let mut data = pdf(HELVETICA, "", b"BT /F1 12 Tf (Jane Roe) Tj ET");
        let at = data.windows(9).rposition(|w| w == b"/Root 1 0").unwrap();
        data.splice(at..at, b"/Encrypt << /Filter /Standard >> ".iter().copied());
        let out = run(&data);
        assert!(out.segments.is_empty());
        assert!(
            out.unscanned[0].contains("encrypted"),
            "{:?}",
            out.unscanned
        );
    }

    #[test]
    fn broken_xref_falls_back_to_scanning() {
        let data = pdf(HELVETICA, "", b"BT /F1 12 Tf (Patient: Jane Roe) Tj ET");
        let broken: Vec<u8> = String::from_utf8(data)
            .unwrap()
            .replace("startxref\n", "startxref\n9")
            .into_bytes();
        let out = run(&broken);
        assert!(out.unscanned.is_empty(), "{:?}", out.unscanned);
        assert!(text(&out).contains("Jane Roe"));
    }

    #[test]
    fn flate_bomb_stops_at_the_budget() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(b"BT /F1 12 Tf (x) Tj ET ").unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..64 {
            z.write_all(&zeros).unwrap();
        }
        let bomb = z.finish().unwrap();
        let out = run(&pdf(HELVETICA, "/Filter /FlateDecode", &bomb));
        assert!(out.segments.is_empty());
        assert!(
            out.unscanned.iter().any(|u| u.contains("limit")),
            "{:?}",
            out.unscanned
        );
    }

    #[test]
    fn truncated_and_garbage_input_never_panics_and_is_unscanned() {
        let data = pdf(HELVETICA, "/Filter /FlateDecode", &{
            use std::io::Write;
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(b"BT /F1 12 Tf (Patient: Jane Roe) Tj ET")
                .unwrap();
            z.finish().unwrap()
        });
        for cut in (0..data.len()).step_by(7) {
            let out = run(&data[..cut]);
            assert!(
                !out.unscanned.is_empty() || !out.segments.is_empty(),
                "cut at {cut}: neither text nor a reason"
            );
        }
        let mut seed = 0x2545F4914F6CDD1Du64;
        for _ in 0..200 {
            let mut junk = b"%PDF-1.7\n".to_vec();
            for _ in 0..512 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let alphabet = b"0123456789 obj R<<>>[]/()stream endstream xref trailer\n";
                junk.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let out = run(&junk);
            assert!(out.segments.is_empty() || out.unscanned.is_empty());
            assert!(!out.unscanned.is_empty(), "junk must be unscanned");
        }
    }
}

#[cfg(test)]
mod probe {
    #[test]
    #[ignore]
    fn print_fixtures() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pdf");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        {
            let data = std::fs::read(&p).unwrap();
            let t = std::time::Instant::now();
            let out = super::tests::run(&data);
            let dt = t.elapsed();
            let text: String = out.segments.iter().map(|s| s.text.as_str()).collect();
            println!(
                "{}\t{:?}\t{:?}\t{:?}",
                p.file_name().unwrap().to_string_lossy(),
                dt,
                out.unscanned,
                text
            );
        }
    }
}
