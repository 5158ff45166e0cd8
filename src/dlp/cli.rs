//! `sealgate rules check` and `sealgate rules test` as library functions, so
//! the binary only parses arguments and tests can call them directly.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::dlp::config::Thresholds;
use crate::dlp::mailbox;
use crate::dlp::rules::{self, RuleError};
use crate::dlp::scanner::Finding;
use crate::dlp::scanner::Scanner;
use crate::dlp::verdict::{Action, Hit, MonitorEffect, Verdict};
use std::collections::BTreeMap;

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
                let monitors: Vec<&str> = set
                    .rules
                    .iter()
                    .filter(|r| r.monitor)
                    .map(|r| r.id.as_str())
                    .collect();
                println!(
                    "{}: ok ({} detectors, {} rules, {} in monitor mode)",
                    dir.display(),
                    set.detectors.len(),
                    set.rules.len(),
                    monitors.len()
                );
                for id in monitors {
                    println!("  monitor: {id} (hits recorded, verdict unchanged)");
                }
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
    file: &'a str,
    phi: bool,
    score: u32,
    action: Action,
    hits: &'a [Hit],
    unscanned: &'a [String],
    forced: Option<Action>,
    #[serde(skip_serializing_if = "<[MonitorEffect]>::is_empty")]
    monitor: &'a [MonitorEffect],
}

/// Totals over every message of a `rules test` run. Only rule ids, actions,
/// counts and reason classes: nothing from the messages themselves.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub messages: usize,
    /// Inputs (files, folders) that could not be read.
    pub unreadable: usize,
    pub by_action: BTreeMap<Action, usize>,
    /// Messages in which each rule fired (monitor rules included).
    pub hits_by_rule: BTreeMap<String, usize>,
    /// Messages with an unscanned part, by [`reason_class`].
    pub unscanned_by_reason: BTreeMap<String, usize>,
    /// Per monitor rule: how often it fired and what enforcing it would do.
    pub monitor: BTreeMap<String, MonitorSummary>,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct MonitorSummary {
    pub messages: usize,
    /// Messages whose action would change if the rule were enforced.
    pub would_change: usize,
    /// `"deliver -> secure"` and the like, with counts.
    pub changes: BTreeMap<String, usize>,
}

impl Summary {
    fn add(&mut self, v: &Verdict) {
        self.messages += 1;
        *self.by_action.entry(v.action).or_default() += 1;
        let mut rules: Vec<&str> = v.hits.iter().map(|h| h.rule.as_str()).collect();
        rules.sort_unstable();
        rules.dedup();
        for r in rules {
            *self.hits_by_rule.entry(r.to_string()).or_default() += 1;
        }
        let mut reasons: Vec<String> = v.unscanned.iter().map(|u| reason_class(u)).collect();
        reasons.sort_unstable();
        reasons.dedup();
        for r in reasons {
            *self.unscanned_by_reason.entry(r).or_default() += 1;
        }
        for m in &v.monitor {
            let s = self.monitor.entry(m.rule.clone()).or_default();
            s.messages += 1;
            if m.would_be != v.action {
                s.would_change += 1;
                let t = format!("{} -> {}", v.action.as_str(), m.would_be.as_str());
                *s.changes.entry(t).or_default() += 1;
            }
        }
    }

    fn print(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(
            out,
            "summary: {} message(s){}",
            self.messages,
            if self.unreadable > 0 {
                format!(", {} input(s) unreadable", self.unreadable)
            } else {
                String::new()
            }
        )?;
        for (a, n) in &self.by_action {
            writeln!(out, "  action {}: {n}", a.as_str())?;
        }
        for (r, n) in &self.hits_by_rule {
            let tag = if self.monitor.contains_key(r) {
                " (monitor)"
            } else {
                ""
            };
            writeln!(out, "  rule {r}{tag}: {n} message(s)")?;
        }
        for (r, n) in &self.unscanned_by_reason {
            writeln!(out, "  unscanned {r}: {n} message(s)")?;
        }
        for (r, m) in &self.monitor {
            let changes: Vec<String> = m.changes.iter().map(|(t, n)| format!("{t}: {n}")).collect();
            writeln!(
                out,
                "  monitor {r}: fired in {} message(s), enforcing it would change {}{}",
                m.messages,
                m.would_change,
                if changes.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", changes.join(", "))
                }
            )?;
        }
        Ok(())
    }
}

/// The kind of an unscanned reason without the part it names: attachment
/// names can themselves be PHI (`Lopez_Maria_labs.pdf`). Reasons read
/// `LABEL: why (detail)` or `limit: why`; the label and any parenthesised
/// detail are dropped and numbers become `N`, so equal causes group.
pub fn reason_class(reason: &str) -> String {
    let why = if reason.starts_with("limit:") {
        reason
    } else {
        reason.split_once(": ").map_or(reason, |(_, w)| w)
    };
    let why = why.split(" (").next().unwrap_or(why).trim();
    let mut out = String::with_capacity(why.len());
    for c in why.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('N') {
                out.push('N');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Scan messages offline: message files, mbox files and Maildir or `.eml`
/// folders. Prints each verdict (with `json`, one JSON object per message
/// per line, the shape in DESIGN.md), then a [`Summary`] (with `json`, one
/// last line `{"summary": ...}`). Returns 0 if every input was read, else 1.
pub fn rules_test(scanner: &Scanner, inputs: &[PathBuf], json: bool) -> i32 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut summary = Summary::default();
    for input in inputs {
        let msgs = match mailbox::messages(input) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                summary.unreadable += 1;
                continue;
            }
        };
        for m in msgs {
            let (v, findings) = scanner.scan_with_findings(&m.raw);
            summary.add(&v);
            let _ = if json {
                print_json(&mut out, &m.name, &v)
            } else {
                print_human(&mut out, &m.name, &v, &findings)
            };
        }
    }
    let _ = if json {
        let obj = serde_json::json!({ "summary": summary });
        writeln!(out, "{obj}")
    } else {
        summary.print(&mut out)
    };
    i32::from(summary.unreadable > 0)
}

fn print_json(out: &mut impl Write, name: &str, v: &Verdict) -> std::io::Result<()> {
    let obj = JsonLine {
        file: name,
        phi: v.phi,
        score: v.score,
        action: v.action,
        hits: &v.hits,
        unscanned: &v.unscanned,
        forced: v.forced,
        monitor: &v.monitor,
    };
    writeln!(out, "{}", serde_json::to_string(&obj).unwrap_or_default())
}

fn print_human(
    out: &mut impl Write,
    name: &str,
    v: &Verdict,
    findings: &[Finding],
) -> std::io::Result<()> {
    writeln!(
        out,
        "{name}: {} (score {}, phi {}){}",
        v.action.as_str(),
        v.score,
        v.phi,
        v.forced
            .map(|a| format!(", forced {}", a.as_str()))
            .unwrap_or_default()
    )?;
    for h in &v.hits {
        let samples: Vec<&str> = findings
            .iter()
            .filter(|x| x.rule == h.rule && x.detector == h.detector && x.part == h.part)
            .map(|x| x.redacted.as_str())
            .take(3)
            .collect();
        writeln!(
            out,
            "  {}{} [{}] in {} x{}: {}",
            if h.monitor { "monitor " } else { "" },
            h.rule,
            h.detector,
            h.part,
            h.count,
            samples.join(", ")
        )?;
    }
    for m in &v.monitor {
        writeln!(
            out,
            "  monitor {}: if enforced the action would be {}{}",
            m.rule,
            m.would_be.as_str(),
            if m.would_be == v.action {
                " (unchanged)"
            } else {
                ""
            }
        )?;
    }
    for u in &v.unscanned {
        writeln!(out, "  unscanned: {u}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_classes_drop_names_and_numbers() {
        assert_eq!(
            reason_class("attachment:Lopez_Maria.pdf: encrypted PDF"),
            "encrypted PDF"
        );
        assert_eq!(
            reason_class("attachment:a.zip/Roe 1961.docx: encrypted (password-protected)"),
            "encrypted"
        );
        assert_eq!(
            reason_class("limit: message of 123456 bytes exceeds the 1000-byte scan limit"),
            "limit: message of N bytes exceeds the N-byte scan limit"
        );
    }
}
