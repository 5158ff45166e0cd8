//! PDFs from real producers (LibreOffice, ghostscript, reportlab, fpdf2;
//! fixtures and the script that made them in `tests/data/pdf`) are read and
//! scanned: the PHI letter is not delivered in the clear, the clean one is
//! delivered and not marked unscanned (a false "unscanned" diverts clean
//! mail). What cannot be read (scans, unmapped glyph ids, truncated files)
//! is unscanned, never clean.

use std::path::Path;
use std::time::Instant;

use sealgate::dlp::config::ScanLimits;
use sealgate::dlp::extract::{Budget, Extracted, extract_bytes};
use sealgate::dlp::{Action, DlpConfig, Scanner};

const PRODUCERS: &[&str] = &[
    "libreoffice_txt",
    "libreoffice_docx",
    "ghostscript_ps",
    "qpdf_objstm",
    "ghostscript_redistilled",
    "reportlab",
    "fpdf_ttf",
    "fpdf_core",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdf")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn extract(data: &[u8]) -> Extracted {
    let limits = ScanLimits::default();
    let mut budget = Budget::new(&limits, Instant::now());
    let mut out = Extracted::default();
    extract_bytes(
        "attachment:a.pdf",
        "a.pdf",
        "application/pdf",
        data,
        0,
        &mut budget,
        &mut out,
    );
    out
}

fn text(out: &Extracted) -> String {
    out.segments.iter().map(|s| s.text.as_str()).collect()
}

fn scanner() -> Scanner {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Scanner::load(&DlpConfig::default(), root).unwrap_or_else(|e| panic!("default packs: {e}"))
}

/// A plain note with `pdf` attached as `name`.
fn message(name: &str, pdf: &[u8]) -> Vec<u8> {
    use base64ct::{Base64, Encoding};
    let b64 = Base64::encode_string(pdf);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    format!(
        "From: Front Desk <desk@clinic.test>\r\nTo: partner@example.test\r\nSubject: Document\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached document.\r\n\
--mix\r\nContent-Type: application/pdf; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--mix--\r\n",
        lines.join("\r\n")
    )
    .into_bytes()
}

#[test]
fn every_producers_phi_pdf_is_read_and_not_delivered() {
    let scanner = scanner();
    for p in PRODUCERS {
        let name = format!("{p}_phi.pdf");
        let data = fixture(&name);
        let out = extract(&data);
        assert!(out.unscanned.is_empty(), "{name}: {:?}", out.unscanned);
        let t = text(&out);
        // Lines stay lines: a lost break would glue "summary" to "Patient".
        for want in [
            "Discharge summary\nPatient: Maria Lopez",
            "Diagnosis: E11.9\nFollow up",
            "DOB: 04/12/1961",
            "MRN: 00482913",
            "SSN: 512-44-9087",
            "Diagnosis: E11.9",
        ] {
            assert!(t.contains(want), "{name}: {want:?} not in extracted text");
        }
        let v = scanner.scan(&message(&name, &data));
        assert!(v.phi, "{name}: PHI not found (score {})", v.score);
        assert_ne!(v.action, Action::Deliver, "{name}");
    }
}

#[test]
fn every_producers_clean_pdf_is_delivered_and_scanned() {
    let scanner = scanner();
    for p in PRODUCERS {
        let name = format!("{p}_clean.pdf");
        let data = fixture(&name);
        let out = extract(&data);
        assert!(out.unscanned.is_empty(), "{name}: {:?}", out.unscanned);
        let t = text(&out);
        assert!(
            t.contains(
                "Supply order\nPlease send two boxes of nitrile gloves and four toner cartridges."
            ),
            "{name}: words or lines merged or lost"
        );
        let v = scanner.scan(&message(&name, &data));
        assert!(v.unscanned.is_empty(), "{name}: {:?}", v.unscanned);
        assert_eq!(v.action, Action::Deliver, "{name}: score {}", v.score);
    }
}

#[test]
fn image_only_pdf_is_unscanned() {
    let data = fixture("scan_image_only.pdf");
    let out = extract(&data);
    assert!(out.segments.is_empty());
    assert!(
        out.unscanned
            .iter()
            .any(|u| u.contains("images without text")),
        "{:?}",
        out.unscanned
    );
    let v = scanner().scan(&message("fax.pdf", &data));
    assert_ne!(v.action, Action::Deliver);
}

/// Dropping the ToUnicode CMap from fpdf2's Type0/Identity-H font leaves
/// glyph ids that mean nothing: unscanned, not clean.
#[test]
fn font_without_usable_mapping_is_unscanned() {
    let mut data = fixture("fpdf_ttf_phi.pdf");
    let at = data
        .windows(10)
        .position(|w| w == b"/ToUnicode")
        .expect("fixture has a ToUnicode entry");
    data[at + 1..at + 10].copy_from_slice(b"NoUnicode");
    let out = extract(&data);
    assert!(
        out.segments.is_empty(),
        "glyph ids must not be scanned as text"
    );
    assert!(
        out.unscanned
            .iter()
            .any(|u| u.contains("no Unicode mapping")),
        "{:?}",
        out.unscanned
    );
    // The reason names no document text.
    assert!(out.unscanned.iter().all(|u| !u.contains("Lopez")));
    let v = scanner().scan(&message("letter.pdf", &data));
    assert_ne!(v.action, Action::Deliver);
}

#[test]
fn truncated_and_corrupt_pdfs_are_unscanned_without_panicking() {
    for p in PRODUCERS {
        let data = fixture(&format!("{p}_phi.pdf"));
        for keep in [data.len() / 4, data.len() / 2, 400, 16] {
            let out = extract(&data[..keep]);
            let t = text(&out);
            // A prefix may still hold the readable page; otherwise unscanned.
            assert!(
                !out.unscanned.is_empty() || t.contains("512-44-9087"),
                "{p} cut at {keep}: neither the text nor a reason"
            );
        }
        let mut flipped = data.clone();
        for i in (200..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5A;
        }
        let out = extract(&flipped);
        assert!(
            !out.unscanned.is_empty() || text(&out).contains("Maria"),
            "{p} corrupted: neither the text nor a reason"
        );
    }
}
