//! What an image alone means (`[dlp] images`): an Outlook-style signature
//! logo (an inline `cid:` part) and a letterhead inside a DOCX do not divert
//! clean mail, an attached photo or fax still does, and `"unscanned"` makes
//! every image count. Offline through `sealgate rules test --json`, the same
//! scanner the gateway runs before its 250.

mod common;

use std::io::Write;
use std::path::Path;

use common::*;

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn b64(data: &[u8]) -> String {
    use base64ct::{Base64, Encoding};
    Base64::encode_string(data)
}

/// A clean note with an HTML body that shows a logo by `cid:`.
fn with_logo() -> Vec<u8> {
    format!(
        "From: Front Desk <desk@clinic.test>\r\nTo: vendor@supply.test\r\nSubject: Toner order\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n\
--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Please send two toner cartridges.</p><img src=\"cid:image001.png@01DB\">\r\n\
--rel\r\nContent-Type: image/png; name=\"image001.png\"\r\nContent-Disposition: inline; filename=\"image001.png\"\r\n\
Content-ID: <image001.png@01DB>\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--rel--\r\n",
        b64(PNG)
    )
    .into_bytes()
}

/// The same note with the image attached rather than shown.
fn with_attached_photo() -> Vec<u8> {
    format!(
        "From: Front Desk <desk@clinic.test>\r\nTo: vendor@supply.test\r\nSubject: Toner order\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached photo.\r\n\
--mix\r\nContent-Type: image/png; name=\"photo.png\"\r\nContent-Disposition: attachment; filename=\"photo.png\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--mix--\r\n",
        b64(PNG)
    )
    .into_bytes()
}

/// A DOCX (zip) with clean text and a letterhead image, attached.
fn with_docx_letterhead() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>Quarterly supply order for the front desk.</w:t></w:r></w:p></w:body></w:document>").unwrap();
    zip.start_file("word/media/image1.png", opts).unwrap();
    zip.write_all(PNG).unwrap();
    let docx = zip.finish().unwrap().into_inner();
    format!(
        "From: Front Desk <desk@clinic.test>\r\nTo: vendor@supply.test\r\nSubject: Order\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain\r\n\r\nOrder attached.\r\n\
--mix\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"order.docx\"\r\n\
Content-Disposition: attachment; filename=\"order.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--mix--\r\n",
        b64(&docx)
    )
    .into_bytes()
}

/// `rules test --json` on `msg` with `images` set (or left at its default).
fn verdict(dir: &Path, name: &str, msg: &[u8], images: Option<&str>) -> serde_json::Value {
    let images = images
        .map(|v| format!("images = \"{v}\"\n"))
        .unwrap_or_default();
    rules_test_json(dir, name, msg, &images)
}

#[test]
fn logos_and_letterheads_do_not_divert_clean_mail() {
    let dir = temp_dir("dlp-images");
    let v = verdict(&dir, "logo", &with_logo(), None);
    assert_eq!(v["action"], "deliver", "{v}");
    assert_eq!(v["unscanned"].as_array().map(Vec::len), Some(0), "{v}");
    let v = verdict(&dir, "docx", &with_docx_letterhead(), None);
    assert_eq!(v["action"], "deliver", "{v}");
    // An attached photo is content nobody read: still held for TLS.
    let v = verdict(&dir, "photo", &with_attached_photo(), None);
    assert_eq!(v["action"], "secure", "{v}");
    assert!(
        v["unscanned"][0].as_str().unwrap_or("").contains("image"),
        "{v}"
    );
}

#[test]
fn images_setting_chooses_what_an_image_means() {
    let dir = temp_dir("dlp-images-policy");
    for msg in [with_logo(), with_docx_letterhead(), with_attached_photo()] {
        let v = verdict(&dir, "strict", &msg, Some("unscanned"));
        assert_eq!(v["action"], "secure", "{v}");
        let v = verdict(&dir, "lax", &msg, Some("ignore"));
        assert_eq!(v["action"], "deliver", "{v}");
    }
}

/// The logo as Python's e-mail library writes it: `Content-Disposition:
/// attachment` but referenced from the HTML by `cid:`, so shown in the body.
/// The same part with no reference from the HTML is an attached image.
#[test]
fn a_referenced_cid_image_is_inline_whatever_its_disposition() {
    let dir = temp_dir("dlp-images-cid");
    let msg = |html: &str| {
        format!(
            "From: Front Desk <desk@clinic.test>\r\nTo: vendor@supply.test\r\nSubject: Toner order\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n\
--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n\
--rel\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"image001.png\"\r\n\
Content-ID: <Logo@Tenant.test>\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--rel--\r\n",
            b64(PNG)
        )
        .into_bytes()
    };
    let shown =
        msg("<p>Two toner cartridges, please.</p><img src=\"cid:logo@tenant.test\" alt=logo>");
    let v = verdict(&dir, "shown", &shown, None);
    assert_eq!(v["action"], "deliver", "{v}");
    let not_shown = msg("<p>Two toner cartridges, please.</p>");
    let v = verdict(&dir, "not-shown", &not_shown, None);
    assert_eq!(v["action"], "secure", "{v}");
}

/// A plain-text client's pasted signature image (`Content-Disposition:
/// inline`, no Content-ID) is shown in the flow of the message; an inline
/// TIFF is a fax page and still counts.
#[test]
fn an_inline_disposition_image_is_shown_but_an_inline_fax_is_not() {
    let dir = temp_dir("dlp-images-inline");
    let msg = |ctype: &str, name: &str, data: &[u8]| {
        format!(
            "From: Front Desk <desk@clinic.test>\r\nTo: vendor@supply.test\r\nSubject: Toner\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain\r\n\r\nTwo cartridges, please.\r\n\
--mix\r\nContent-Type: {ctype}\r\nContent-Disposition: inline; filename=\"{name}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--mix--\r\n",
            b64(data)
        )
        .into_bytes()
    };
    let v = verdict(&dir, "logo", &msg("image/png", "logo.png", PNG), None);
    assert_eq!(v["action"], "deliver", "{v}");
    let v = verdict(
        &dir,
        "fax",
        &msg("image/tiff", "fax.tif", b"II*\0\x08\0\0\0"),
        None,
    );
    assert_eq!(v["action"], "secure", "{v}");
}
