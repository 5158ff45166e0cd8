//! The `[dlp]` table of `sealgate.toml`. Every field has a default so that an
//! empty table (or none at all) yields a working, fail-closed scanner.

use std::path::PathBuf;

use serde::Deserialize;

use crate::dlp::verdict::Action;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DlpConfig {
    /// Folder holding `*.toml` rule packs; relative to the config file's folder.
    pub rules_dir: PathBuf,
    pub thresholds: Thresholds,
    pub tags: TagConfig,
    /// Action when some part could not be read (images, encrypted files,
    /// scan limits). `secure` by default: unread content may be PHI.
    pub unscanned_action: Action,
    /// SMTP text sent with `550 5.7.1` when the verdict is `reject`.
    pub reject_text: String,
    pub limits: ScanLimits,
    /// What an image means, since text in images is not read.
    pub images: ImagePolicy,
}

/// Text in images is not read (no OCR), so an image is content the scan
/// could not see. Signature logos and letterheads are everywhere, though, and
/// treating each as possible PHI diverts most clean mail (Purview and Gmail
/// DLP read images only with OCR on): by default only images that travel as
/// attachments of their own count as unscanned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImagePolicy {
    /// Every image is unscanned content (the verdict takes `unscanned_action`).
    Unscanned,
    /// Images shown in the body (a MIME part with a Content-ID that is not an
    /// attachment, as HTML `cid:` references use) and images inside Office
    /// documents are ignored; attached images and TIFF faxes are unscanned.
    #[default]
    IgnoreInline,
    /// No image makes a message unscanned.
    Ignore,
}

impl Default for DlpConfig {
    fn default() -> Self {
        DlpConfig {
            rules_dir: PathBuf::from("rules"),
            thresholds: Thresholds::default(),
            tags: TagConfig::default(),
            unscanned_action: Action::Secure,
            reject_text: "Message refused by data loss prevention policy".to_string(),
            limits: ScanLimits::default(),
            images: ImagePolicy::default(),
        }
    }
}

/// A message's summed rule score is compared against these, strictest first.
/// `None` disables a level.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    pub secure: u32,
    pub portal: Option<u32>,
    pub reject: Option<u32>,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            secure: 10,
            portal: None,
            reject: None,
        }
    }
}

impl Thresholds {
    pub fn action_for(&self, score: u32) -> Action {
        if self.reject.is_some_and(|t| score >= t) {
            Action::Reject
        } else if self.portal.is_some_and(|t| score >= t) {
            Action::Portal
        } else if score >= self.secure && self.secure > 0 {
            Action::Secure
        } else {
            Action::Deliver
        }
    }
}

/// Words a sender puts in the subject (or body) to force protection even
/// when no rule fires: staff know things about a message that rules cannot.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TagConfig {
    /// Tags forcing `secure` (matched case-insensitively).
    pub secure: Vec<String>,
    /// Tags forcing `portal`.
    pub portal: Vec<String>,
    /// Remove the tag from the subject before the message leaves.
    pub strip: bool,
    /// Also look for tags in the first body text part, not only the subject.
    pub in_body: bool,
}

impl Default for TagConfig {
    fn default() -> Self {
        TagConfig {
            secure: vec![
                "[secure]".into(),
                "#secure".into(),
                "+encrypt+".into(),
                "[encrypt]".into(),
            ],
            portal: vec!["[portal]".into(), "#portal".into()],
            strip: true,
            in_body: false,
        }
    }
}

/// Bounds that keep one hostile message from stalling the SMTP session or
/// exhausting memory. Hitting any of them makes the verdict fail closed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScanLimits {
    /// Wall-clock budget for one scan, in milliseconds.
    pub max_time_ms: u64,
    /// Largest raw message scanned at all.
    pub max_message_bytes: usize,
    /// Total extracted text (all parts, all archives) scanned per message.
    pub max_text_bytes: usize,
    /// Total bytes decompressed from archives, OOXML and PDF streams.
    pub max_decompressed_bytes: usize,
    /// Largest single decompressed archive entry or PDF stream.
    pub max_entry_bytes: usize,
    /// Nesting of archives (zip in zip, docx in zip, eml in zip).
    pub max_depth: u32,
    /// Largest uncompressed:compressed ratio accepted for one entry.
    pub max_ratio: u64,
    /// Entries examined per archive.
    pub max_entries: usize,
    /// MIME parts examined per message (all nesting levels).
    pub max_parts: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            max_time_ms: 10_000,
            max_message_bytes: 64 << 20,
            max_text_bytes: 64 << 20,
            max_decompressed_bytes: 128 << 20,
            max_entry_bytes: 32 << 20,
            max_depth: 4,
            max_ratio: 200,
            max_entries: 5_000,
            max_parts: 2_000,
        }
    }
}
