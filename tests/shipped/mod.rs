//! The scanner built from the shipped `rules/` with default `[dlp]`
//! settings, as a gateway with an empty `[dlp]` table runs it. Shared by the
//! DLP test files that scan in-process.

use sealgate::dlp::{DlpConfig, Scanner};

#[allow(dead_code)] // each test file uses one of the two
pub fn scanner() -> Scanner {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    match Scanner::load(&DlpConfig::default(), root) {
        Ok(s) => s,
        Err(e) => panic!("default packs must load:\n{e}"),
    }
}

/// The same with the sender tags (`[secure]`, `[encrypt]` ...) switched off:
/// what the rules alone decide. A clean message whose sender typed
/// `[Secure]` is encrypted because the sender asked, not because a rule
/// fired; a corpus that measures the rules must not count it either way.
#[allow(dead_code)] // each test file uses one of the two
pub fn scanner_without_tags() -> Scanner {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut config = DlpConfig::default();
    config.tags.secure.clear();
    config.tags.portal.clear();
    match Scanner::load(&config, root) {
        Ok(s) => s,
        Err(e) => panic!("default packs must load:\n{e}"),
    }
}
