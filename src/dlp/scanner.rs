//! The compiled scanner the gateway shares between SMTP sessions.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use crate::dlp::config::DlpConfig;
use crate::dlp::engine::Engine;
use crate::dlp::extract::{Budget, mime};
use crate::dlp::rules::{self, MatchMode, PartKind, RuleError, RuleSet};
use crate::dlp::tags;
use crate::dlp::verdict::{Action, Hit, Verdict};

/// Compiled rules plus the `[dlp]` settings. Immutable after load, so one
/// instance is shared by all sessions behind an `Arc`; reloading rules means
/// building a new `Scanner` and swapping the `Arc`.
pub struct Scanner {
    cfg: DlpConfig,
    rules: RuleSet,
    engine: Engine,
    want_headers: bool,
    tags: Vec<(String, Action)>,
    empty: bool,
}

/// One detector match, for the human `rules test` view only. The snippet is
/// redacted; the real matched text never leaves [`Scanner::scan_with_findings`].
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub detector: String,
    pub part: String,
    pub redacted: String,
}

type Key = (usize, String, PartKind);

impl Scanner {
    pub fn load(cfg: &DlpConfig, base_dir: &Path) -> Result<Scanner, RuleError> {
        let dir = if cfg.rules_dir.is_absolute() {
            cfg.rules_dir.clone()
        } else {
            base_dir.join(&cfg.rules_dir)
        };
        let rules = rules::load_dir(&dir)?;
        rules::check_thresholds(&cfg.thresholds, &rules)?;
        let s = Scanner::from_rules(cfg, rules)?;
        tracing::info!(
            dir = %dir.display(),
            detectors = s.rules.detectors.len(),
            rules = s.rules.rules.len(),
            "dlp rules loaded"
        );
        Ok(s)
    }

    /// Build from already loaded rules (used by tests and `rules test`).
    pub fn from_rules(cfg: &DlpConfig, rules: RuleSet) -> Result<Scanner, RuleError> {
        let engine = Engine::compile(&rules.detectors)?;
        let want_headers = rules
            .rules
            .iter()
            .any(|r| r.parts.contains(&PartKind::Header));
        Ok(Scanner {
            cfg: cfg.clone(),
            tags: tags::tag_list(&cfg.tags),
            rules,
            engine,
            want_headers,
            empty: false,
        })
    }

    pub fn empty() -> Scanner {
        Scanner {
            cfg: DlpConfig::default(),
            rules: RuleSet::default(),
            engine: Engine::empty(),
            want_headers: false,
            tags: Vec::new(),
            empty: true,
        }
    }

    pub fn config(&self) -> &DlpConfig {
        &self.cfg
    }

    pub fn rule_count(&self) -> usize {
        self.rules.rules.len()
    }

    pub fn scan(&self, raw_message: &[u8]) -> Verdict {
        self.run(raw_message, false).0
    }

    /// Verdict plus redacted findings, for `rules test`.
    pub fn scan_with_findings(&self, raw_message: &[u8]) -> (Verdict, Vec<Finding>) {
        self.run(raw_message, true)
    }

    pub fn strip_tags(&self, raw_message: &[u8]) -> Option<Vec<u8>> {
        if self.empty || !self.cfg.tags.strip || self.tags.is_empty() {
            return None;
        }
        tags::strip_subject(raw_message, &self.tags)
    }

    /// Scan plain text as if it were a message body (benchmarks, tests).
    pub fn scan_text(&self, text: &str) -> Verdict {
        if self.empty {
            return Verdict::clean();
        }
        let mut counts = BTreeMap::new();
        self.count(text, PartKind::Body, "body", &mut counts, &mut None);
        self.verdict(counts, Vec::new(), None, &mut None)
    }

    fn run(&self, raw: &[u8], want_findings: bool) -> (Verdict, Vec<Finding>) {
        if self.empty {
            return (Verdict::clean(), Vec::new());
        }
        let start = Instant::now();
        let limits = &self.cfg.limits;
        if raw.len() > limits.max_message_bytes {
            let mut v = Verdict::clean();
            v.unscanned.push(format!(
                "limit: message of {} bytes exceeds the {}-byte scan limit",
                raw.len(),
                limits.max_message_bytes
            ));
            v.action = self.cfg.unscanned_action;
            return (v, Vec::new());
        }
        let mut budget = Budget::new(limits, start);
        budget.images = self.cfg.images;
        let mut ex = mime::extract_message(raw, &mut budget, self.want_headers);
        let mut forced_tag = ex
            .subject
            .as_deref()
            .and_then(|s| tags::find(s, &self.tags));
        if self.cfg.tags.in_body
            && let Some(b) = ex.segments.iter().find(|s| s.kind == PartKind::Body)
        {
            forced_tag = forced_tag.max(tags::find(&b.text, &self.tags));
        }
        let mut counts = BTreeMap::new();
        let mut snippets: Option<Vec<(Key, String)>> = want_findings.then(Vec::new);
        for seg in &ex.segments {
            if start.elapsed().as_millis() as u64 >= limits.max_time_ms {
                ex.unscanned.push(
                    "limit: scan time limit reached; the rest of the message was not scanned"
                        .into(),
                );
                break;
            }
            self.count(&seg.text, seg.kind, &seg.label, &mut counts, &mut snippets);
        }
        let v = self.verdict(counts, ex.unscanned, forced_tag, &mut snippets);
        // Rule ids and counts only: never matched text (no PHI in logs).
        tracing::debug!(
            score = v.score,
            action = v.action.as_str(),
            hits = v.hits.len(),
            unscanned = v.unscanned.len(),
            elapsed_us = start.elapsed().as_micros() as u64,
            "dlp scan"
        );
        let findings = self.findings(&v, snippets.unwrap_or_default());
        (v, findings)
    }

    fn count(
        &self,
        text: &str,
        kind: PartKind,
        label: &str,
        counts: &mut BTreeMap<Key, u32>,
        snippets: &mut Option<Vec<(Key, String)>>,
    ) {
        let cleaned;
        let text = if !needs_normalizing(text.as_bytes()) {
            text
        } else {
            cleaned = normalize(text);
            cleaned.as_str()
        };
        for f in self.engine.scan(text.as_bytes()) {
            let key = (f.detector, label.to_string(), kind);
            if let Some(s) = snippets.as_mut() {
                s.push((key.clone(), redact(text.get(f.start..f.end).unwrap_or(""))));
            }
            *counts.entry(key).or_insert(0) += 1;
        }
    }

    fn verdict(
        &self,
        counts: BTreeMap<Key, u32>,
        unscanned: Vec<String>,
        forced_tag: Option<Action>,
        _snippets: &mut Option<Vec<(Key, String)>>,
    ) -> Verdict {
        let mut v = Verdict::clean();
        let mut forced = forced_tag;
        for rule in &self.rules.rules {
            let in_scope = |k: &Key| rule.parts.contains(&k.2);
            let per_det: Vec<u32> = rule
                .detectors
                .iter()
                .map(|d| {
                    counts
                        .iter()
                        .filter(|(k, _)| k.0 == *d && in_scope(k))
                        .map(|(_, c)| *c)
                        .sum()
                })
                .collect();
            let present = per_det.iter().filter(|&&c| c > 0).count() as u32;
            let total: u32 = per_det.iter().sum();
            let fired = match rule.mode {
                MatchMode::Any => present >= 1,
                MatchMode::All => present as usize == rule.detectors.len(),
                MatchMode::AtLeast(k) => present >= k,
            } && total >= rule.min_count;
            if !fired {
                continue;
            }
            v.score = v.score.saturating_add(rule.score);
            if rule.action.is_some() {
                forced = forced.max(rule.action);
            }
            for (k, c) in counts.iter() {
                if rule.detectors.contains(&k.0) && in_scope(k) {
                    v.hits.push(Hit {
                        rule: rule.id.clone(),
                        detector: self.rules.detectors[k.0].id.clone(),
                        part: k.1.clone(),
                        count: *c,
                    });
                }
            }
        }
        let t = &self.cfg.thresholds;
        v.phi = t.secure > 0 && v.score >= t.secure;
        v.action = t.action_for(v.score);
        if let Some(f) = forced {
            v.action = v.action.max(f);
        }
        if !unscanned.is_empty() {
            v.action = v.action.max(self.cfg.unscanned_action);
        }
        v.forced = forced;
        v.unscanned = unscanned;
        v
    }

    fn findings(&self, v: &Verdict, snippets: Vec<(Key, String)>) -> Vec<Finding> {
        let mut out = Vec::new();
        for h in &v.hits {
            for (k, s) in &snippets {
                if self.rules.detectors[k.0].id == h.detector && k.1 == h.part {
                    out.push(Finding {
                        rule: h.rule.clone(),
                        detector: h.detector.clone(),
                        part: h.part.clone(),
                        redacted: s.clone(),
                    });
                }
            }
        }
        out
    }
}

/// Cheap pre-check for [`normalize`]: only the lead bytes of the characters
/// it rewrites (C2 A0/AD, E2 80-81/88, E3 80 80, EF B9/BB/BC) are looked at,
/// so ordinary accented or CJK text is not copied.
fn needs_normalizing(b: &[u8]) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| {
        let n = b.get(i + 1).copied().unwrap_or(0);
        match b[i] {
            0xC2 => matches!(n, 0xA0 | 0xAD),
            0xE2 => matches!(n, 0x80 | 0x81 | 0x88),
            _ => matches!(n, 0xB9 | 0xBB | 0xBC),
        }
    }) || memchr::memmem::find(b, "\u{3000}".as_bytes()).is_some()
}

/// Fold what people (and word processors) type instead of ASCII: Unicode
/// dashes and non-breaking hyphens, full-width digits (Japanese and Chinese
/// input methods), non-breaking spaces; drop zero-width characters and soft
/// hyphens, a classic way numbers get split invisibly.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        })
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => '-',
            '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
            '\u{ff21}'..='\u{ff3a}' => char::from(b'A' + (c as u32 - 0xff21) as u8),
            '\u{ff1a}' => ':',
            '\u{ff0f}' => '/',
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Mask a matched value for display: identifiers keep their last four
/// characters (`***-**-1234`), words keep only their first letter.
pub fn redact(s: &str) -> String {
    let alnum = s.chars().filter(char::is_ascii_alphanumeric).count();
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return s
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 || !c.is_alphanumeric() {
                    c
                } else {
                    '*'
                }
            })
            .collect();
    }
    let keep_from = alnum.saturating_sub(4).max(alnum / 2);
    let mut seen = 0;
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                seen += 1;
                if seen > keep_from { c } else { '*' }
            } else {
                c
            }
        })
        .collect()
}

/// A cheap change marker for a rules folder: names, sizes and modification
/// times of its files and of one level of subfolders (`data/`). The gateway
/// polls it to rebuild the [`Scanner`] only when a file changed; a failed
/// rebuild keeps the previous `Scanner`.
pub fn rules_fingerprint(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let visit = |d: &Path, h: &mut std::collections::hash_map::DefaultHasher| {
        let mut entries: Vec<_> = std::fs::read_dir(d)
            .map(|rd| rd.flatten().collect())
            .unwrap_or_default();
        entries.sort_by_key(|e| e.path());
        let mut subdirs = Vec::new();
        for e in entries {
            let p = e.path();
            p.hash(h);
            if let Ok(m) = e.metadata() {
                m.len().hash(h);
                m.modified().ok().hash(h);
                if m.is_dir() {
                    subdirs.push(p);
                }
            }
        }
        subdirs
    };
    for sub in visit(dir, &mut h) {
        visit(&sub, &mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction() {
        assert_eq!(redact("123-45-6789"), "***-**-6789");
        assert_eq!(redact("diabetes"), "d*******");
        assert_eq!(redact("03/14/1962"), "**/**/1962");
    }

    #[test]
    fn empty_scanner_delivers() {
        let s = Scanner::empty();
        assert_eq!(
            s.scan(b"Subject: SSN 123-45-6789\r\n\r\nx").action,
            Action::Deliver
        );
        assert!(s.strip_tags(b"Subject: [secure] x\r\n\r\n").is_none());
    }
}
