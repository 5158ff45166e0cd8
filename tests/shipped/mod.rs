//! The scanner built from the shipped `rules/` with default `[dlp]`
//! settings, as a gateway with an empty `[dlp]` table runs it. Shared by the
//! DLP test files that scan in-process.

use sealgate::dlp::{DlpConfig, Scanner};

pub fn scanner() -> Scanner {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    match Scanner::load(&DlpConfig::default(), root) {
        Ok(s) => s,
        Err(e) => panic!("default packs must load:\n{e}"),
    }
}
