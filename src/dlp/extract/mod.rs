//! Turning a raw message into the texts a person could read.
//!
//! Everything is driven by a shared [`Budget`], because a hostile message
//! (zip bombs, deeply nested archives, PDFs with thousands of streams) must
//! not be able to hold the SMTP session or exhaust memory. When the budget
//! runs out we stop reading and say so in `unscanned`; the caller then fails
//! closed.

pub mod decoding;
pub mod html;
pub mod mime;
pub mod ooxml;
pub mod pdf;
pub mod structured;
pub mod table;
pub mod xlsx;
pub mod xml;
pub mod zip;

use std::time::Instant;

use crate::dlp::config::{ImagePolicy, ScanLimits};
use crate::dlp::rules::PartKind;

/// One piece of readable text and where it came from.
#[derive(Clone, Debug)]
pub struct Segment {
    pub kind: PartKind,
    /// `subject`, `body`, `header:NAME`, `attachment:NAME`.
    pub label: String,
    pub text: String,
}

/// What extraction produced for one message.
#[derive(Debug, Default)]
pub struct Extracted {
    pub segments: Vec<Segment>,
    pub unscanned: Vec<String>,
    /// Decoded top-level subject, for sender tags.
    pub subject: Option<String>,
}

pub struct Budget<'a> {
    pub limits: &'a ScanLimits,
    deadline: Instant,
    text_left: usize,
    decompressed_left: usize,
    parts_left: usize,
    /// Set once any bound was hit; extraction stops everywhere.
    pub exhausted: bool,
    /// What an image means; the strictest reading unless the scanner says.
    pub images: ImagePolicy,
    /// Content-IDs an HTML body of this message refers to (`cid:`), lower
    /// case without angle brackets: those images are shown in the body,
    /// whatever their Content-Disposition says (Python's e-mail library and
    /// some clients mark them `attachment`).
    pub shown_cids: std::collections::HashSet<String>,
}

impl<'a> Budget<'a> {
    pub fn new(limits: &'a ScanLimits, start: Instant) -> Budget<'a> {
        Budget {
            limits,
            deadline: start + std::time::Duration::from_millis(limits.max_time_ms),
            text_left: limits.max_text_bytes,
            decompressed_left: limits.max_decompressed_bytes,
            parts_left: limits.max_parts,
            exhausted: false,
            images: ImagePolicy::Unscanned,
            shown_cids: Default::default(),
        }
    }

    /// True (and records why) when time is up.
    pub fn out_of_time(&mut self, out: &mut Extracted) -> bool {
        if self.exhausted {
            return true;
        }
        if Instant::now() >= self.deadline {
            self.exhaust(out, "scan time limit reached");
            return true;
        }
        false
    }

    pub fn exhaust(&mut self, out: &mut Extracted, why: &str) {
        if !self.exhausted {
            self.exhausted = true;
            out.unscanned.push(format!(
                "limit: {why}; the rest of the message was not scanned"
            ));
        }
    }

    pub fn take_part(&mut self, out: &mut Extracted) -> bool {
        if self.parts_left == 0 {
            self.exhaust(out, "too many MIME parts");
            return false;
        }
        self.parts_left -= 1;
        !self.out_of_time(out)
    }

    /// How many more decompressed bytes one entry may produce.
    pub fn entry_allowance(&self) -> usize {
        self.limits.max_entry_bytes.min(self.decompressed_left)
    }

    /// Bounds for rendering one document or table: no more text than the
    /// scan still accepts, and the scan deadline.
    pub fn bound(&self) -> table::Bound {
        table::Bound {
            max_bytes: self.text_left,
            deadline: self.deadline,
        }
    }

    pub fn spend_decompressed(&mut self, n: usize) {
        self.decompressed_left = self.decompressed_left.saturating_sub(n);
    }

    /// Add a segment. Body and attachment text that holds HL7, X12, FHIR or
    /// claim-form data is followed by its labelled view (same kind and
    /// label), so every extractor gets it from this one place.
    pub fn push(&mut self, out: &mut Extracted, kind: PartKind, label: String, text: String) {
        let view = match kind {
            PartKind::Body | PartKind::Attachment if !self.exhausted => {
                structured::labelled_view(&text)
            }
            _ => None,
        };
        match view {
            Some(view) => {
                self.push_one(out, kind, label.clone(), text);
                self.push_one(out, kind, label, view);
            }
            None => self.push_one(out, kind, label, text),
        }
    }

    fn push_one(&mut self, out: &mut Extracted, kind: PartKind, label: String, mut text: String) {
        if self.exhausted || text.is_empty() {
            return;
        }
        if text.len() > self.text_left {
            let mut cut = self.text_left;
            while cut > 0 && !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            self.text_left = 0;
            out.segments.push(Segment { kind, label, text });
            self.exhaust(out, "extracted text size limit reached");
            return;
        }
        self.text_left -= text.len();
        out.segments.push(Segment { kind, label, text });
    }
}

/// What kind of content some attachment bytes hold.
#[derive(Debug, PartialEq, Eq)]
enum Sniffed {
    Pdf,
    Zip,
    Gzip,
    Image,
    Ole,
    Html,
    Message,
    /// CSV or TSV, by name or type.
    Table,
    Text,
    Binary,
}

/// Whether bytes are an image, by magic number, type or name.
pub fn is_image(name: &str, ctype: &str, data: &[u8]) -> bool {
    sniff(name, ctype, data) == Sniffed::Image
}

fn sniff(name: &str, ctype: &str, data: &[u8]) -> Sniffed {
    let name = name.to_ascii_lowercase();
    let ctype = ctype.to_ascii_lowercase();
    let ext = name.rsplit('.').next().unwrap_or("");
    if data.starts_with(b"%PDF")
        || (data.len() < 1024 && memchr::memmem::find(data, b"%PDF").is_some())
    {
        return Sniffed::Pdf;
    }
    if data.starts_with(b"PK\x03\x04") || data.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if data.starts_with(&[0x1f, 0x8b]) {
        return Sniffed::Gzip;
    }
    if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Sniffed::Ole;
    }
    const IMAGES: &[&[u8]] = &[
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"II*\0",
        b"MM\0*",
        b"BM",
    ];
    if IMAGES.iter().any(|m| data.starts_with(m))
        || (data.starts_with(b"RIFF") && data.get(8..12) == Some(b"WEBP"))
        || ctype.starts_with("image/")
    {
        return Sniffed::Image;
    }
    if ext == "pdf" || ctype == "application/pdf" {
        return Sniffed::Pdf;
    }
    if matches!(ext, "zip" | "docx" | "xlsx" | "pptx" | "docm" | "xlsm")
        || ctype.contains("zip")
        || ctype.contains("officedocument")
    {
        return Sniffed::Zip;
    }
    if matches!(ext, "htm" | "html" | "xhtml") || ctype == "text/html" {
        return Sniffed::Html;
    }
    if ext == "eml" || ctype == "message/rfc822" {
        return Sniffed::Message;
    }
    if is_table(ext, &ctype) {
        return Sniffed::Table;
    }
    if ctype.starts_with("text/") || looks_textual(data) {
        return Sniffed::Text;
    }
    Sniffed::Binary
}

/// CSV or TSV by extension or (lower-case) content type.
fn is_table(ext: &str, ctype: &str) -> bool {
    matches!(ext, "csv" | "tsv")
        || matches!(
            ctype,
            "text/csv" | "text/tab-separated-values" | "application/csv"
        )
}

/// A `text/*` attachment the MIME parser already decoded: CSV/TSV (and text
/// that clearly is a table) is read as labelled rows, other text as it is.
pub fn text_attachment(
    label: &str,
    name: &str,
    ctype: &str,
    text: &str,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    let name = name.to_ascii_lowercase();
    let ext = name.rsplit('.').next().unwrap_or("");
    let known = is_table(ext, &ctype.to_ascii_lowercase());
    table::extract(label, text, known, budget, out);
}

/// A file name as a reader reads it: `_` separates words
/// (`Lopez_Maria_MRN_00482913.pdf`), so the detectors' word boundaries see
/// them too.
pub fn name_words(name: &str) -> String {
    name.replace('_', " ")
}

/// Unknown types are scanned as text when they look like text, so a
/// mislabelled CSV is still read.
fn looks_textual(data: &[u8]) -> bool {
    let head = &data[..data.len().min(4096)];
    if head.is_empty() {
        return true;
    }
    if std::str::from_utf8(head).is_ok()
        || head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
    {
        return !head.contains(&0)
            || head.starts_with(&[0xFF, 0xFE])
            || head.starts_with(&[0xFE, 0xFF]);
    }
    let printable = head
        .iter()
        .filter(|&&b| b >= 0x20 || matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    printable * 100 >= head.len() * 97
}

/// Decode bytes of unknown charset: UTF-16 with BOM, UTF-8, else Latin-1.
pub fn decode_text(data: &[u8]) -> String {
    if let Some(rest) = data.strip_prefix(&[0xFF, 0xFE]) {
        let u: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&u);
    }
    if let Some(rest) = data.strip_prefix(&[0xFE, 0xFF]) {
        let u: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&u);
    }
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => data.iter().map(|&b| b as char).collect(),
    }
}

/// Extract readable text from attachment bytes, recursing into archives.
/// `label` is the full `attachment:...` label for this content.
pub fn extract_bytes(
    label: &str,
    name: &str,
    ctype: &str,
    data: &[u8],
    depth: u32,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    if budget.out_of_time(out) {
        return;
    }
    if depth > budget.limits.max_depth {
        out.unscanned.push(format!(
            "{label}: nested deeper than {} levels",
            budget.limits.max_depth
        ));
        return;
    }
    match sniff(name, ctype, data) {
        Sniffed::Pdf => pdf::extract(label, data, budget, out),
        Sniffed::Zip => zip::extract(label, data, depth, budget, out),
        Sniffed::Gzip => {
            use std::io::Read;
            let allowance = budget.entry_allowance();
            let mut buf = Vec::new();
            let r = flate2::read::GzDecoder::new(data)
                .take(allowance as u64 + 1)
                .read_to_end(&mut buf);
            budget.spend_decompressed(buf.len());
            if r.is_err() || buf.len() > allowance {
                out.unscanned
                    .push(format!("{label}: unreadable or oversized gzip data"));
                return;
            }
            let inner = name.strip_suffix(".gz").unwrap_or(name);
            extract_bytes(label, inner, "", &buf, depth + 1, budget, out);
        }
        Sniffed::Image if budget.images == ImagePolicy::Ignore => {}
        Sniffed::Image => out
            .unscanned
            .push(format!("{label}: image (text in images is not read)")),
        Sniffed::Ole => out
            .unscanned
            .push(format!("{label}: legacy or encrypted Office file")),
        Sniffed::Html => {
            let h = decode_text(data);
            budget.push(
                out,
                PartKind::Attachment,
                label.to_string(),
                html::to_text(&h),
            );
            if let Some(view) = html::table_view(&h, &budget.bound()) {
                budget.push_one(out, PartKind::Attachment, label.to_string(), view);
            }
        }
        Sniffed::Message => mime::extract_nested(label, data, depth + 1, budget, out),
        Sniffed::Table => table::extract(label, &decode_text(data), true, budget, out),
        Sniffed::Text => table::extract(label, &decode_text(data), false, budget, out),
        Sniffed::Binary => out
            .unscanned
            .push(format!("{label}: binary content of unknown type")),
    }
}
