//! ZIP archives and OOXML packages, with zip-bomb defences.
//!
//! Declared sizes in a zip header are attacker-controlled, so every entry is
//! read through a hard byte cap and its real expansion ratio is checked
//! against what it actually produced.

use std::io::{Cursor, Read};

use crate::dlp::config::ImagePolicy;
use crate::dlp::extract::{Budget, Extracted, extract_bytes, ooxml};
use crate::dlp::rules::PartKind;

/// Ratios are only judged past this size: small XML files legitimately
/// compress very well, and they cannot hurt.
const RATIO_FLOOR: usize = 1 << 20;

pub fn extract(label: &str, data: &[u8], depth: u32, budget: &mut Budget<'_>, out: &mut Extracted) {
    let mut archive = match ::zip::ZipArchive::new(Cursor::new(data)) {
        Ok(a) => a,
        Err(e) => {
            out.unscanned
                .push(format!("{label}: unreadable zip archive ({e})"));
            return;
        }
    };
    let n = archive.len();
    if n > budget.limits.max_entries {
        out.unscanned.push(format!(
            "{label}: {n} archive entries, more than the {} allowed",
            budget.limits.max_entries
        ));
        return;
    }
    let ooxml = (0..n).any(|i| {
        archive
            .name_for_index(i)
            .is_some_and(|s| s.is_ok_and(|s| s == "[Content_Types].xml"))
    });
    let mut package = ooxml::Package::default();
    for i in 0..n {
        if budget.out_of_time(out) {
            return;
        }
        let entry_name = archive
            .name_for_index(i)
            .and_then(|s| s.ok().map(|s| s.to_string()))
            .unwrap_or_else(|| format!("entry{i}"));
        let mut file = match archive.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                let name = &entry_name;
                let why = if e.to_string().to_ascii_lowercase().contains("password") {
                    "encrypted (password-protected)".to_string()
                } else {
                    format!("unreadable ({e})")
                };
                out.unscanned.push(format!("{label}/{name}: {why}"));
                continue;
            }
        };
        if file.is_dir() {
            continue;
        }
        let name = entry_name;
        if file.encrypted() {
            out.unscanned
                .push(format!("{label}/{name}: encrypted (password-protected)"));
            continue;
        }
        if ooxml && ooxml::is_structure_entry(&name) && !ooxml::is_wanted_entry(&name) {
            continue;
        }
        let allowance = budget.entry_allowance();
        let compressed = file.compressed_size().max(1) as usize;
        let mut buf = Vec::new();
        let read = (&mut file).take(allowance as u64 + 1).read_to_end(&mut buf);
        budget.spend_decompressed(buf.len());
        if buf.len() > allowance {
            out.unscanned.push(format!(
                "{label}/{name}: larger than the decompression limit"
            ));
            budget.exhaust(out, "archive decompression limit reached");
            return;
        }
        if buf.len() > RATIO_FLOOR && (buf.len() / compressed) as u64 > budget.limits.max_ratio {
            out.unscanned.push(format!(
                "{label}/{name}: expansion ratio above {}:1 (zip bomb?)",
                budget.limits.max_ratio
            ));
            continue;
        }
        if let Err(e) = read {
            out.unscanned
                .push(format!("{label}/{name}: unreadable ({e})"));
            continue;
        }
        if !ooxml && is_finder_metadata(&name, &buf) {
            continue;
        }
        let inner_label = format!("{label}/{name}");
        // A letterhead or photo inside a document is part of the document's
        // layout, as an inline image is of a message body.
        if ooxml && budget.images == ImagePolicy::IgnoreInline && super::is_image(&name, "", &buf) {
            continue;
        }
        if ooxml && ooxml::is_wanted_entry(&name) {
            package.add(&name, &buf);
        } else {
            let short = name.rsplit('/').next().unwrap_or(&name).to_string();
            if !ooxml {
                budget.push(
                    out,
                    PartKind::AttachmentName,
                    inner_label.clone(),
                    super::name_words(&short),
                );
            }
            extract_bytes(&inner_label, &short, "", &buf, depth + 1, budget, out);
        }
    }
    if !package.is_empty() {
        push_document(label, &package, budget, out);
    }
}

/// macOS Finder's bookkeeping in an archive made with "Compress": `.DS_Store`
/// (a `Bud1` store of folder view settings) and `__MACOSX/.../._name`
/// AppleDouble files (a file's extended attributes). Neither is content, and
/// reading them as files made every Mac user's zip "unscanned". Skipped only
/// when the bytes are that format and of the size Finder writes: a name alone
/// could hide anything, and an AppleDouble file carrying a real resource fork
/// is read like any other entry.
fn is_finder_metadata(name: &str, data: &[u8]) -> bool {
    const DS_STORE: &[u8] = b"\0\0\0\x01Bud1";
    const APPLE_DOUBLE: &[u8] = &[0x00, 0x05, 0x16, 0x07];
    let base = name.rsplit('/').next().unwrap_or(name);
    if base == ".DS_Store" {
        return data.starts_with(DS_STORE) && data.len() <= 1 << 20;
    }
    base.starts_with("._") && data.starts_with(APPLE_DOUBLE) && data.len() <= 64 << 10
}

/// One segment for the whole document, so labels in one part reach values
/// in another (see [`ooxml`]).
fn push_document(
    label: &str,
    package: &ooxml::Package,
    budget: &mut Budget<'_>,
    out: &mut Extracted,
) {
    let bound = budget.bound();
    let text = ooxml::render(package, &bound);
    budget.push(out, PartKind::Attachment, label.to_string(), text);
    if bound.late() {
        budget.out_of_time(out);
    }
}
