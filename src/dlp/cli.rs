//! `sealgate rules check` and `sealgate rules test` as library functions, so
//! the binary only parses arguments and tests can call them directly.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::dlp::config::Thresholds;
use crate::dlp::rules::{self, RuleError};
use crate::dlp::scanner::Scanner;
use crate::dlp::verdict::{Action, Hit};

/// Lint every rule file of `dir`. Problems go to stderr as
/// `file:line:col: message`; returns 0 when the rules load cleanly, else 1.
pub fn rules_check(dir: &Path) -> i32 {
    let mut err = std::io::stderr().lock();
    match rules::load_dir(dir) {
        Ok(set) => {
            let mut code = 0;
            if let Err(e) = rules::check_thresholds(&Thresholds::default(), &set) {
                let _ = writeln!(
                    err,
                    "{}: {e} (checked against the default thresholds)",
                    dir.display()
                );
                code = 1;
            }
            // Compile too: a pattern set that is too large fails only here.
            if let Err(e) = crate::dlp::engine::Engine::compile(&set.detectors) {
                let _ = writeln!(err, "{e}");
                code = 1;
            }
            if code == 0 {
                println!(
                    "{}: ok ({} detectors, {} rules)",
                    dir.display(),
                    set.detectors.len(),
                    set.rules.len()
                );
            }
            code
        }
        Err(RuleError::Invalid(problems)) => {
            for p in &problems {
                let _ = writeln!(err, "{p}");
            }
            let _ = writeln!(err, "{} problem(s) found", problems.len());
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// One line of `rules test --json`, fields in the order of DESIGN.md.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    file: String,
    phi: bool,
    score: u32,
    action: Action,
    hits: &'a [Hit],
    unscanned: &'a [String],
    forced: Option<Action>,
}

/// Scan message files offline. With `json`, one JSON object per file per
/// line (the shape in DESIGN.md). Returns 0 if every file was read, 1 if
/// some could not be.
pub fn rules_test(scanner: &Scanner, files: &[PathBuf], json: bool) -> i32 {
    let mut code = 0;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for f in files {
        let raw = match std::fs::read(f) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", f.display());
                code = 1;
                continue;
            }
        };
        let (v, findings) = scanner.scan_with_findings(&raw);
        if json {
            let obj = JsonLine {
                file: f.display().to_string(),
                phi: v.phi,
                score: v.score,
                action: v.action,
                hits: &v.hits,
                unscanned: &v.unscanned,
                forced: v.forced,
            };
            let obj = serde_json::to_string(&obj).unwrap_or_default();
            let _ = writeln!(out, "{obj}");
        } else {
            let _ = writeln!(
                out,
                "{}: {} (score {}, phi {}){}",
                f.display(),
                v.action.as_str(),
                v.score,
                v.phi,
                v.forced
                    .map(|a| format!(", forced {}", a.as_str()))
                    .unwrap_or_default()
            );
            for h in &v.hits {
                let samples: Vec<&str> = findings
                    .iter()
                    .filter(|x| x.rule == h.rule && x.detector == h.detector && x.part == h.part)
                    .map(|x| x.redacted.as_str())
                    .take(3)
                    .collect();
                let _ = writeln!(
                    out,
                    "  {} [{}] in {} x{}: {}",
                    h.rule,
                    h.detector,
                    h.part,
                    h.count,
                    samples.join(", ")
                );
            }
            for u in &v.unscanned {
                let _ = writeln!(out, "  unscanned: {u}");
            }
        }
    }
    code
}
