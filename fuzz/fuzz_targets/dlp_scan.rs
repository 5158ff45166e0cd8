//! `Scanner::scan` and `Scanner::strip_tags` on arbitrary bytes with the
//! shipped rule packs: no panic, no hang, bounded memory.
//! Run from `fuzz/`: `cargo +nightly fuzz run dlp_scan corpus/dlp_scan seeds/dlp_scan --
//! -max_len=32768 -max_total_time=600 -rss_limit_mb=2048` (on a stable-only
//! machine, `RUSTC_BOOTSTRAP=1 cargo fuzz run ...`). `seeds/dlp_scan` holds
//! small real messages with a PDF of each producer, a DOCX, an XLSX, a ZIP,
//! CSV, HL7, X12 and FHIR, so the fuzzer starts inside those parsers rather
//! than having to invent a MIME structure and a zip file; `-max_len` lets
//! it keep inputs of their size.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sealgate::dlp::{DlpConfig, Scanner};

static SCANNER: LazyLock<Scanner> = LazyLock::new(|| {
    // libfuzzer-sys aborts on every panic, even one the code under test
    // catches. mail-parser 0.11.9 has a reachable `debug_assert!` that
    // `sealgate::dlp::extract::mime::parse` deliberately contains (and
    // fails closed on), so panics located in mail-parser are let through to
    // that `catch_unwind`; every other panic still aborts and is reported.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .location()
            .is_some_and(|l| l.file().contains("/mail-parser-"))
        {
            return;
        }
        previous(info);
    }));
    let mut cfg = DlpConfig::default();
    // Tight limits so that a slow input shows up as a timeout, not a pass.
    cfg.limits.max_time_ms = 2_000;
    cfg.limits.max_decompressed_bytes = 64 << 20;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match Scanner::load(&cfg, &root) {
        Ok(s) => s,
        Err(e) => panic!("shipped rules must load: {e}"),
    }
});

fuzz_target!(|data: &[u8]| {
    let v = SCANNER.scan(data);
    // The verdict must serialize (it is stored with the queued message).
    let _ = serde_json_len(&v);
    let _ = SCANNER.strip_tags(data);
});

fn serde_json_len(v: &sealgate::dlp::Verdict) -> usize {
    format!("{v:?}").len()
}
