//! Office documents and tables as real producers write them (LibreOffice,
//! openpyxl, python-docx; see tests/data/office/README.md), read as one text
//! in reading order so a column header reaches the values below it. Each
//! file travels as an attachment of an .eml through the public Scanner with
//! the shipped rules, and the extracted text is checked through the same
//! extraction the scanner runs.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use sealgate::dlp::config::ImagePolicy;
use sealgate::dlp::extract::{Budget, Extracted, mime, text_attachment};
use sealgate::dlp::rules::PartKind;
use sealgate::dlp::{Action, DlpConfig, ScanLimits, Scanner, Verdict};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/office")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn b64(data: &[u8]) -> String {
    use base64ct::{Base64, Encoding};
    Base64::encode_string(data)
}

/// A plain note with one attachment.
fn eml(name: &str, ctype: &str, data: &[u8]) -> Vec<u8> {
    format!(
        "From: Front Desk <desk@clinic.test>\r\nTo: partner@example.test\r\nSubject: Files\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain\r\n\r\nPlease see the attached file.\r\n\
--mix\r\nContent-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--mix--\r\n",
        b64(data)
    )
    .into_bytes()
}

fn scanner_with(limits: ScanLimits) -> Scanner {
    let cfg = DlpConfig {
        limits,
        ..DlpConfig::default()
    };
    Scanner::load(&cfg, Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("shipped rules must load:\n{e}"))
}

fn scan(msg: &[u8]) -> Verdict {
    scanner_with(ScanLimits::default()).scan(msg)
}

/// The attachment segments of `msg`, as the scanner extracts them.
fn attachment_texts(msg: &[u8]) -> Vec<String> {
    let limits = ScanLimits::default();
    let mut budget = Budget::new(&limits, Instant::now());
    budget.images = ImagePolicy::IgnoreInline;
    let ex = mime::extract_message(msg, &mut budget, false);
    assert!(ex.unscanned.is_empty(), "{:?}", ex.unscanned);
    ex.segments
        .into_iter()
        .filter(|s| s.kind == PartKind::Attachment)
        .map(|s| s.text)
        .collect()
}

/// The one text an attachment becomes (a document is one segment; a table
/// file is scanned as written and then as labelled rows: the rendering).
fn document_text(msg: &[u8]) -> String {
    let texts = attachment_texts(msg);
    assert!(
        texts.len() == 1 || texts.len() == 2,
        "one segment per document (two for a table file): {texts:#?}"
    );
    texts.into_iter().last().unwrap_or_default()
}

fn rules(v: &Verdict) -> Vec<&str> {
    v.hits.iter().map(|h| h.rule.as_str()).collect()
}

fn zip_has(data: &[u8], entry: &str, needle: &str) -> bool {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(data)).expect("fixture is a zip");
    let mut s = String::new();
    let Ok(mut f) = z.by_name(entry) else {
        return false;
    };
    std::io::Read::read_to_string(&mut f, &mut s).expect("utf-8 entry");
    s.contains(needle)
}

/// Byte offset of `needle` in `text`, failing with the text when absent.
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in:\n{text}"))
}

const PATIENT_ROW: &str = "Patient Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913; SSN: 512-44-9087; Diagnosis: E11.9\n";

#[test]
fn libreoffice_xlsx_shared_strings_and_date_cell() {
    let data = fixture("patients_lo.xlsx");
    // The producer's shape this test is about: strings shared, DOB a styled serial.
    assert!(zip_has(&data, "xl/sharedStrings.xml", "Maria Lopez"));
    assert!(zip_has(&data, "xl/worksheets/sheet1.xml", "<v>22383</v>"));
    let msg = eml("patients.xlsx", XLSX, &data);
    let text = document_text(&msg);
    assert!(text.contains(PATIENT_ROW), "{text}");
    assert!(
        at(&text, "Sheet: Patients") < at(&text, "Sheet: Notes"),
        "{text}"
    );
    assert!(
        text.contains(
            "Patient Name: Samuel Ortiz; DOB: 09/03/1974; MRN: 00519377; Diagnosis: I10\n"
        ),
        "{text}"
    );
    let v = scan(&msg);
    assert_ne!(v.action, Action::Deliver, "{v:?}");
    assert!(rules(&v).contains(&"hipaa.dob"), "{v:?}");
}

#[test]
fn openpyxl_xlsx_inline_strings() {
    let data = fixture("patients_openpyxl.xlsx");
    assert!(zip_has(
        &data,
        "xl/worksheets/sheet1.xml",
        "t=\"inlineStr\""
    ));
    assert!(!zip_has(&data, "xl/sharedStrings.xml", "Maria"));
    let msg = eml("patients.xlsx", XLSX, &data);
    let text = document_text(&msg);
    assert!(text.contains(PATIENT_ROW), "{text}");
    assert!(
        text.contains("Sheet: Notes\nFollow-up in two weeks\n"),
        "{text}"
    );
    let v = scan(&msg);
    assert_ne!(v.action, Action::Deliver, "{v:?}");
    assert!(rules(&v).contains(&"hipaa.dob"), "{v:?}");
}

#[test]
fn clean_spreadsheets_deliver() {
    let products = eml("products.xlsx", XLSX, &fixture("products.xlsx"));
    let text = document_text(&products);
    assert!(
        text.contains(
            "SKU: GL-0100; Product: Nitrile gloves, box of 100; Unit price: 11.25; Quantity: 30\n"
        ),
        "{text}"
    );
    let v = scan(&products);
    assert_eq!(v.action, Action::Deliver, "{v:?}");

    let schedule = eml("rota.xlsx", XLSX, &fixture("schedule_openpyxl.xlsx"));
    let text = document_text(&schedule);
    assert!(text.contains("Staff: Dana Whitfield; Role: Front desk; Shift date: 12/01/2026; Start: 08:00; End: 16:30\n"), "{text}");
    let v = scan(&schedule);
    assert_eq!(v.action, Action::Deliver, "{v:?}");
}

#[test]
fn python_docx_table_with_header_row_and_header_footer() {
    let msg = eml("referral.docx", DOCX, &fixture("referral_python_docx.docx"));
    let text = document_text(&msg);
    let header = at(&text, "Riverside Clinic referral - Patient: Maria Lopez");
    let row = at(
        &text,
        "Patient Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913; Diagnosis: E11.9\n",
    );
    let body = at(&text, "endocrinology consult");
    let footer = at(&text, "Confidential - MRN: 00482913");
    assert!(header < body && body < row && row < footer, "{text}");
    let v = scan(&msg);
    assert_ne!(v.action, Action::Deliver, "{v:?}");
    assert!(rules(&v).contains(&"hipaa.dob"), "{v:?}");
}

#[test]
fn libreoffice_docx_header_footer_footnote_comment() {
    let msg = eml("lab.docx", DOCX, &fixture("lab_results.docx"));
    let text = document_text(&msg);
    let header = at(&text, "Lab results - Riverside Clinic");
    let body = at(&text, "Summary for the chart.");
    let dob = at(&text, "Date of birth:\t04/12/1961\n");
    let footer = at(&text, "SSN on file: 512-44-9087");
    let footnote = at(&text, "Diagnosis: E11.9 confirmed");
    let comment = at(&text, "Patient: Maria Lopez, please call back");
    assert!(
        header < body && body < dob && dob < footer && footer < footnote && footnote < comment,
        "{text}"
    );
    let v = scan(&msg);
    assert_ne!(v.action, Action::Deliver, "{v:?}");
    let r = rules(&v);
    assert!(
        r.contains(&"hipaa.ssn") && r.contains(&"hipaa.dob") && r.contains(&"hipaa.patient-name"),
        "{v:?}"
    );
}

/// A minimal OOXML zip from `(entry, xml)` pairs.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
    zip_of(&parts, zip::CompressionMethod::Deflated)
}

fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    let types: (&str, &[u8]) = ("[Content_Types].xml", b"<Types/>");
    for (name, data) in std::iter::once(&types).chain(parts) {
        zip.start_file(*name, opts).expect("zip entry");
        zip.write_all(data).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn para(t: &str) -> String {
    format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
}

#[test]
fn label_in_one_part_reaches_value_in_another() {
    // The header says what the bare number in the body is; read part by
    // part, the number has no label and no rule fires.
    let docx = package(&[
        (
            "word/document.xml",
            &format!(
                "<w:document><w:body>{}</w:body></w:document>",
                para("00482913")
            ),
        ),
        (
            "word/header1.xml",
            &format!("<w:hdr>{}</w:hdr>", para("MRN")),
        ),
    ]);
    let msg = eml("label.docx", DOCX, &docx);
    assert_eq!(document_text(&msg), "MRN\n\n00482913\n\n");
    let v = scan(&msg);
    assert!(rules(&v).contains(&"hipaa.record-number"), "{v:?}");
    assert_ne!(v.action, Action::Deliver, "{v:?}");
}

#[test]
fn pptx_slides_in_numeric_order_then_notes() {
    let slide = |t: &str| {
        format!(
            "<p:sld><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{t}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    };
    let (s10, s2, s1, n1, s3) = (
        slide("Ten"),
        slide("Date of birth:"),
        slide("Case review"),
        slide("Speaker note"),
        slide("1961-04-12"),
    );
    let pptx = zip_of(
        &[
            ("ppt/slides/slide10.xml", s10.as_bytes()),
            ("ppt/slides/slide2.xml", s2.as_bytes()),
            ("ppt/slides/slide1.xml", s1.as_bytes()),
            ("ppt/notesSlides/notesSlide1.xml", n1.as_bytes()),
            ("ppt/slides/slide3.xml", s3.as_bytes()),
            // A picture on a slide is layout under the default image policy.
            ("ppt/media/image1.png", PNG),
        ],
        zip::CompressionMethod::Deflated,
    );
    let msg = eml("review.pptx", PPTX, &pptx);
    let text = document_text(&msg);
    assert_eq!(
        text,
        "Case review\n\nDate of birth:\n\n1961-04-12\n\nTen\n\nSpeaker note\n\n"
    );
    let v = scan(&msg);
    assert!(rules(&v).contains(&"hipaa.dob"), "{v:?}");
    assert!(v.unscanned.is_empty(), "{v:?}");
}

#[test]
fn csv_with_quoted_fields() {
    let csv = "Patient Name,Notes,DOB,MRN\r\n\"Lopez, Maria\",\"Called twice, \"\"urgent\"\"\r\nsee chart\",04/12/1961,00482913\r\n";
    // Outlook sends .csv as application/vnd.ms-excel.
    let msg = eml("export.csv", "application/vnd.ms-excel", csv.as_bytes());
    let text = document_text(&msg);
    assert_eq!(
        text,
        "Patient Name: Lopez, Maria; Notes: Called twice, \"urgent\" see chart; DOB: 04/12/1961; MRN: 00482913\n"
    );
    let v = scan(&msg);
    assert_ne!(v.action, Action::Deliver, "{v:?}");
    assert!(rules(&v).contains(&"hipaa.dob"), "{v:?}");
}

#[test]
fn semicolon_csv_and_tsv_and_unlabelled_tables() {
    let semi = eml(
        "export.csv",
        "application/octet-stream",
        b"MRN;Name\n00482913;Maria Lopez\n",
    );
    assert_eq!(document_text(&semi), "MRN: 00482913; Name: Maria Lopez\n");
    let tsv = eml(
        "export.tsv",
        "application/octet-stream",
        b"Date of birth\tName\n1961-04-12\tMaria Lopez\n",
    );
    assert_eq!(
        document_text(&tsv),
        "Date of birth: 1961-04-12; Name: Maria Lopez\n"
    );
    assert!(rules(&scan(&tsv)).contains(&"hipaa.dob"));
    // Text that clearly is a table, of no declared type.
    let txt = eml(
        "list.dat",
        "application/octet-stream",
        b"Name,DOB\nMaria Lopez,04/12/1961\nSam Ortiz,09/03/1974\n",
    );
    assert_eq!(
        document_text(&txt),
        "Name: Maria Lopez; DOB: 04/12/1961\nName: Sam Ortiz; DOB: 09/03/1974\n"
    );
    // Prose stays as written.
    let prose = "Hi Ana,\nthanks for the toner, it arrived.\nBest, Bo\n";
    assert_eq!(
        document_text(&eml(
            "note.dat",
            "application/octet-stream",
            prose.as_bytes()
        )),
        prose
    );
}

/// `text/*` parts arrive decoded by the MIME parser; this is the entry point
/// for them.
fn text_part(name: &str, ctype: &str, text: &str) -> Vec<String> {
    let limits = ScanLimits::default();
    let mut budget = Budget::new(&limits, Instant::now());
    let mut out = Extracted::default();
    text_attachment("attachment:x", name, ctype, text, &mut budget, &mut out);
    // A table file is scanned as written, then as labelled rows: keep the
    // rendering, after checking the text as written came first.
    let mut texts: Vec<String> = out.segments.into_iter().map(|s| s.text).collect();
    if texts.len() == 2 {
        assert_eq!(texts[0], text, "the text as written comes first");
        texts.remove(0);
    }
    texts
}

#[test]
fn decoded_text_parts() {
    let csv = "Patient Name;DOB\nMaria Lopez;04/12/1961\n";
    let want = vec!["Patient Name: Maria Lopez; DOB: 04/12/1961\n".to_string()];
    assert_eq!(text_part("a.bin", "text/csv", csv), want);
    assert_eq!(text_part("export.CSV", "text/plain", csv), want);
    assert_eq!(
        text_part("x", "text/tab-separated-values", "A\tB\n1\t2\n"),
        vec!["A: 1; B: 2\n"]
    );
    assert_eq!(
        text_part("note.txt", "text/plain", "Hi, Bo\n"),
        vec!["Hi, Bo\n"]
    );
}

#[test]
fn clean_csv_delivers() {
    let csv =
        "SKU,Product,Price\nTN-2210,Toner cartridge,89.50\nPP-5000,\"Copy paper, case\",42.00\n";
    let msg = eml("order.csv", "application/vnd.ms-excel", csv.as_bytes());
    assert!(
        document_text(&msg).starts_with("SKU: TN-2210; Product: Toner cartridge; Price: 89.50\n")
    );
    let v = scan(&msg);
    assert_eq!(v.action, Action::Deliver, "{v:?}");
}

#[test]
fn huge_sheet_is_bounded_and_fails_closed() {
    // One 4 KB shared string referenced by 100,000 cells would render to
    // 400 MB; the text limit stops it and the message is not delivered.
    let long = "x".repeat(4096);
    let cells = "<row><c t=\"s\"><v>0</v></c></row>".repeat(100_000);
    // Stored, not deflated: the zip-bomb ratio check must not be what stops it.
    let strings = format!("<sst><si><t>{long}</t></si></sst>");
    let sheet = format!("<worksheet><sheetData>{cells}</sheetData></worksheet>");
    let xlsx = zip_of(
        &[
            ("xl/sharedStrings.xml", strings.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
        zip::CompressionMethod::Stored,
    );
    let limits = ScanLimits {
        max_text_bytes: 1 << 20,
        ..ScanLimits::default()
    };
    let started = Instant::now();
    let v = scanner_with(limits).scan(&eml("big.xlsx", XLSX, &xlsx));
    assert!(started.elapsed().as_secs() < 5);
    assert!(
        v.unscanned.iter().any(|u| u.contains("text size limit")),
        "{v:?}"
    );
    assert_ne!(v.action, Action::Deliver);
}
