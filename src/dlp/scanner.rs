//! The compiled scanner the gateway shares between SMTP sessions.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::dlp::config::DlpConfig;
use crate::dlp::engine::Engine;
use crate::dlp::extract::{Budget, mime};
use crate::dlp::rules::{self, MatchMode, PartKind, RuleError, RuleSet};
use crate::dlp::stop::{Stop, Stopped};
use crate::dlp::tags;
use crate::dlp::verdict::{Action, Hit, MonitorEffect, Verdict};

/// Compiled rules plus the `[dlp]` settings. Immutable after load, so one
/// instance is shared by all sessions behind an `Arc`; reloading rules means
/// building a new `Scanner` and swapping the `Arc`.
pub struct Scanner {
    cfg: DlpConfig,
    rules: RuleSet,
    /// For subjects, headers and attachment names: short texts that some
    /// rules look at alone.
    engine_short: Engine,
    /// For bodies and attachment contents: only the detectors their rules use.
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

/// Redacted samples kept per detector and part: `rules test` shows three,
/// and keeping every match of a record-dense file costs memory and time.
pub const SAMPLES: usize = 3;

/// The unscanned reason for a scan that stopped early.
fn stopped_reason(why: Option<Stopped>) -> String {
    match why {
        Some(Stopped::Cancelled) => {
            "limit: scan cancelled (the session stopped waiting); the rest of the message was not scanned".into()
        }
        _ => "limit: scan time limit reached; the rest of the message was not scanned".into(),
    }
}

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
        let engine_short = Engine::compile_for(
            &rules.detectors,
            &active_for(
                &rules,
                &[
                    PartKind::Subject,
                    PartKind::Header,
                    PartKind::AttachmentName,
                ],
            ),
        )?;
        let engine = Engine::compile_for(
            &rules.detectors,
            &active_for(&rules, &[PartKind::Body, PartKind::Attachment]),
        )?;
        let want_headers = rules
            .rules
            .iter()
            .any(|r| r.parts.contains(&PartKind::Header));
        Ok(Scanner {
            cfg: cfg.clone(),
            tags: tags::tag_list(&cfg.tags),
            rules,
            engine_short,
            engine,
            want_headers,
            empty: false,
        })
    }

    pub fn empty() -> Scanner {
        Scanner {
            cfg: DlpConfig::default(),
            rules: RuleSet::default(),
            engine_short: Engine::empty(),
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
        self.run(raw_message, false, None).0
    }

    /// [`Scanner::scan`] that stops early once `cancel` is set: the SMTP
    /// session sets it when it stops waiting (its client left or the scan
    /// outlived the backstop), so the pool slot and the CPU are freed.
    /// A cancelled verdict is incomplete and fails closed like a timeout.
    pub fn scan_cancellable(&self, raw_message: &[u8], cancel: &AtomicBool) -> Verdict {
        self.run(raw_message, false, Some(cancel)).0
    }

    /// Verdict plus redacted findings, for `rules test`.
    pub fn scan_with_findings(&self, raw_message: &[u8]) -> (Verdict, Vec<Finding>) {
        self.run(raw_message, true, None)
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
        let mut unscanned = Vec::new();
        let stop = Stop::new(Some(Instant::now() + self.time_limit()), None);
        if !self.count(text, PartKind::Body, "body", &stop, &mut counts, &mut None) {
            unscanned.push(stopped_reason(stop.stopped()));
        }
        self.verdict(counts, unscanned, None)
    }

    fn time_limit(&self) -> Duration {
        Duration::from_millis(self.cfg.limits.max_time_ms)
    }

    fn run(
        &self,
        raw: &[u8],
        want_findings: bool,
        cancel: Option<&AtomicBool>,
    ) -> (Verdict, Vec<Finding>) {
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
        let stop = Stop::new(Some(start + self.time_limit()), cancel);
        for seg in &ex.segments {
            if stop.check()
                || !self.count(
                    &seg.text,
                    seg.kind,
                    &seg.label,
                    &stop,
                    &mut counts,
                    &mut snippets,
                )
            {
                ex.unscanned.push(stopped_reason(stop.stopped()));
                break;
            }
        }
        let v = self.verdict(counts, ex.unscanned, forced_tag);
        // Rule ids and counts only: never matched text (no PHI in logs).
        tracing::debug!(
            score = v.score,
            action = v.action.as_str(),
            hits = v.hits.len(),
            monitor_rules = v.monitor.len(),
            unscanned = v.unscanned.len(),
            elapsed_us = start.elapsed().as_micros() as u64,
            "dlp scan"
        );
        let findings = self.findings(&v, snippets.unwrap_or_default());
        (v, findings)
    }

    /// Count one text's matches per detector; false if `stop` ended the
    /// scan before the end of the text. Spans are offsets into the folded
    /// text, and snippets are cut from it, so they show the ASCII form
    /// (`５１２-４４-９０８７` is shown as `***-**-9087`).
    fn count(
        &self,
        text: &str,
        kind: PartKind,
        label: &str,
        stop: &Stop<'_>,
        counts: &mut BTreeMap<Key, u32>,
        snippets: &mut Option<Vec<(Key, String)>>,
    ) -> bool {
        let cleaned;
        let text = if !needs_normalizing(text.as_bytes()) {
            text
        } else {
            cleaned = normalize(text);
            cleaned.as_str()
        };
        let relabelled;
        let text = match relabel(text) {
            Some(t) => {
                relabelled = t;
                relabelled.as_str()
            }
            None => text,
        };
        let engine = match kind {
            PartKind::Body | PartKind::Attachment => &self.engine,
            PartKind::Subject | PartKind::Header | PartKind::AttachmentName => &self.engine_short,
        };
        let scanned = engine.scan_until(text.as_bytes(), stop);
        // Found is sorted by detector: one key (and one label copy) per run.
        for run in scanned.found.chunk_by(|a, b| a.detector == b.detector) {
            let key = (run[0].detector, label.to_string(), kind);
            if let Some(s) = snippets.as_mut() {
                s.extend(
                    run.iter()
                        .take(SAMPLES)
                        .map(|f| (key.clone(), redact(text.get(f.start..f.end).unwrap_or("")))),
                );
            }
            *counts.entry(key).or_insert(0) += run.len() as u32;
        }
        let complete = scanned.complete;
        Engine::recycle(scanned.found);
        complete
    }

    /// Sum the enforced rules that fired into a verdict. Monitor rules
    /// that fire add hits marked `monitor` and a [`MonitorEffect`] with the
    /// action they would cause, never score or action.
    fn verdict(
        &self,
        counts: BTreeMap<Key, u32>,
        unscanned: Vec<String>,
        forced_tag: Option<Action>,
    ) -> Verdict {
        let mut v = Verdict::clean();
        let mut forced = forced_tag;
        let mut monitors = Vec::new();
        for rule in &self.rules.rules {
            if !self.fired(rule, &counts) {
                continue;
            }
            if rule.monitor {
                monitors.push(rule);
            } else {
                v.score = v.score.saturating_add(rule.score);
                if rule.action.is_some() {
                    forced = forced.max(rule.action);
                }
                if let Some(r) = rule.portal_retention {
                    v.portal_retention = Some(v.portal_retention.map_or(r, |x| x.min(r)));
                }
            }
            for (k, c) in counts.iter() {
                if rule.detectors.contains(&k.0) && rule.parts.contains(&k.2) {
                    v.hits.push(Hit {
                        rule: rule.id.clone(),
                        detector: self.rules.detectors[k.0].id.clone(),
                        part: k.1.clone(),
                        count: *c,
                        monitor: rule.monitor,
                    });
                }
            }
        }
        let incomplete = !unscanned.is_empty();
        v.phi = self.is_phi(v.score);
        v.action = self.decide(v.score, forced, incomplete);
        v.monitor = monitors
            .into_iter()
            .map(|r| MonitorEffect {
                rule: r.id.clone(),
                would_be: self.decide(
                    v.score.saturating_add(r.score),
                    forced.max(r.action),
                    incomplete,
                ),
            })
            .collect();
        v.forced = forced;
        v.unscanned = unscanned;
        v
    }

    /// Whether one rule's detectors matched enough in its parts.
    fn fired(&self, rule: &rules::RuleSpec, counts: &BTreeMap<Key, u32>) -> bool {
        let per_det: Vec<u32> = rule
            .detectors
            .iter()
            .map(|d| {
                counts
                    .iter()
                    .filter(|(k, _)| k.0 == *d && rule.parts.contains(&k.2))
                    .map(|(_, c)| *c)
                    .sum()
            })
            .collect();
        let present = per_det.iter().filter(|&&c| c > 0).count() as u32;
        let total: u32 = per_det.iter().sum();
        (match rule.mode {
            MatchMode::Any => present >= 1,
            MatchMode::All => present as usize == rule.detectors.len(),
            MatchMode::AtLeast(k) => present >= k,
        }) && total >= rule.min_count
    }

    fn is_phi(&self, score: u32) -> bool {
        let t = &self.cfg.thresholds;
        t.secure > 0 && score >= t.secure
    }

    /// The action for a score: the threshold's, raised by a forced action
    /// and, when something was not scanned, by `unscanned_action`.
    fn decide(&self, score: u32, forced: Option<Action>, incomplete: bool) -> Action {
        let mut a = self.cfg.thresholds.action_for(score);
        if let Some(f) = forced {
            a = a.max(f);
        }
        if incomplete {
            a = a.max(self.cfg.unscanned_action);
        }
        a
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

/// Cheap pre-check for [`normalize`]. Pure ASCII (most mail) is rejected
/// by one SIMD pass; otherwise only characters starting with the lead bytes
/// of the folded ranges are decoded and looked up in [`fold`], so ordinary
/// accented or CJK text is not copied.
fn needs_normalizing(b: &[u8]) -> bool {
    if b.is_ascii() {
        return false;
    }
    let folds_at = |i: usize| {
        let end = (i + 4).min(b.len());
        let c = match std::str::from_utf8(&b[i..end]) {
            Ok(s) => s.chars().next(),
            Err(e) => std::str::from_utf8(&b[i..i + e.valid_up_to()])
                .ok()
                .and_then(|s| s.chars().next()),
        };
        c.is_some_and(|c| fold(c) != Fold::Keep)
    };
    fold_candidates(b).any(folds_at)
}

/// What [`normalize`] does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    Keep,
    Drop,
    To(char),
}

/// Map a letter or digit in a run of 26/26/10 characters to ASCII.
fn ascii_at(base: u8, offset: u32) -> Fold {
    Fold::To(char::from(base + offset as u8))
}

/// The NFKC foldings that matter for identifiers, as a small table rather
/// than a Unicode normalisation library (`unicode-normalization` is not in
/// Cargo.lock; full NFKC would also recompose accents we never match on):
///
/// - full-width ASCII `！`..`～` (Japanese/Chinese input methods) and the
///   ideographic space;
/// - mathematical alphanumerics: bold/italic/script/... letters
///   U+1D400..U+1D6A3 and digits U+1D7CE..U+1D7FF (`𝟓𝟏𝟐`), used to dodge
///   filters;
/// - superscript and subscript digits (`¹²³`, `⁰⁴⁵⁶⁷⁸⁹`, `₀`..`₉`);
/// - Unicode dashes, minus signs and small/full-width hyphen forms;
/// - non-breaking and other typographic spaces;
/// - zero-width characters, word joiners, invisible operators and soft
///   hyphens are removed: a classic way numbers get split invisibly.
fn fold(c: char) -> Fold {
    let u = c as u32;
    match c {
        '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' | '\u{180e}' => {
            Fold::Drop
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' => Fold::To('-'),
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Fold::To(' ')
        }
        '\u{ff01}'..='\u{ff5e}' => Fold::To(char::from((u - 0xff01 + 0x21) as u8)),
        '\u{b9}' => Fold::To('1'),
        '\u{b2}' | '\u{b3}' => ascii_at(b'2', u - 0xb2),
        '\u{2070}' => Fold::To('0'),
        '\u{2074}'..='\u{2079}' => ascii_at(b'4', u - 0x2074),
        '\u{2080}'..='\u{2089}' => ascii_at(b'0', u - 0x2080),
        '\u{1d400}'..='\u{1d6a3}' => match (u - 0x1d400) % 52 {
            k @ 0..26 => ascii_at(b'A', k),
            k => ascii_at(b'a', k - 26),
        },
        '\u{1d7ce}'..='\u{1d7ff}' => ascii_at(b'0', (u - 0x1d7ce) % 10),
        _ => Fold::Keep,
    }
}

/// Fold what people (and word processors, and evasive senders) type instead
/// of ASCII; see [`fold`] for the table.
///
/// Only characters that start with a lead byte of a folded range are
/// decoded (found with memchr, as in [`needs_normalizing`]); the text
/// between them is copied as it is. Decoding and pushing every character
/// made text with one em dash cost three times the scan itself.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in fold_candidates(text.as_bytes()) {
        // A lead byte is never inside a character: `at` is a boundary at
        // or after `copied`.
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let folded = fold(c);
        if folded == Fold::Keep {
            continue;
        }
        out.push_str(text.get(copied..at).unwrap_or(""));
        if let Fold::To(a) = folded {
            out.push(a);
        }
        copied = at + c.len_utf8();
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

/// Labels written in ways no label detector knows, rewritten in place to
/// ones every detector knows, without moving an offset: see
/// [`bracket_labels`] and [`field_ids`]. None when nothing changed.
fn relabel(text: &str) -> Option<String> {
    let mut b: Option<Vec<u8>> = None;
    bracket_labels(text.as_bytes(), &mut b);
    field_ids(text.as_bytes(), &mut b);
    b.and_then(|v| String::from_utf8(v).ok())
}

/// NCPDP pharmacy claims (D.0) print each field's id after its name:
/// "Patient Name (310-CA/311-CB)  YULIYA TKACHUK", "Date of Birth (304-C4)
/// 19840116". The id between a label and its value hides the pair from
/// every label detector; it is blanked (`nnn-XX`, one or more joined by
/// `/`), so the line reads as a label and a value in columns.
fn field_ids(b: &[u8], out: &mut Option<Vec<u8>>) {
    const ID: usize = 6; // "304-C4"
    for at in memchr::memchr_iter(b'(', b) {
        let mut i = at + 1;
        while let Some(id) = b.get(i..i + ID) {
            let ok = id[..3].iter().all(u8::is_ascii_digit)
                && id[3] == b'-'
                && id[4..]
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if !ok {
                break;
            }
            i += ID;
            match b.get(i) {
                Some(b'/') => i += 1,
                Some(b')') => {
                    let o = out.get_or_insert_with(|| b.to_vec());
                    o[at..=i].fill(b' ');
                    break;
                }
                _ => break,
            }
        }
    }
}

/// Labels some templates and smart phrases print in square brackets at the
/// start of a line ("[DOB] Sep 18, 1962", "[Patient name] SIONE FALEOLO")
/// read as "DOB: Sep 18, 1962": every label detector then knows them
/// without a bracket variant of its own. The brackets become a space and a
/// colon, so offsets do not move. Only a short label of letters, digits
/// and `#/'.()-` with a value after it on the same line counts: a citation
/// "[1]" or a placeholder "Dear [Patient Name]," is not a label. None when
/// the text has no such line.
fn bracket_labels(b: &[u8], out: &mut Option<Vec<u8>>) {
    const MAX_LABEL: usize = 40;
    for at in memchr::memchr_iter(b'[', b) {
        let indent = b[..at]
            .iter()
            .rev()
            .take(9)
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        let line_start = at - indent;
        if indent > 8 || (line_start > 0 && b[line_start - 1] != b'\n') {
            continue;
        }
        let rest = &b[at + 1..];
        let Some(close) = rest.iter().take(MAX_LABEL + 1).position(|&c| c == b']') else {
            continue;
        };
        let label = &rest[..close];
        let label_ok = label.first().is_some_and(u8::is_ascii_alphabetic)
            && label
                .iter()
                .all(|&c| c.is_ascii_alphanumeric() || b" #/'.()-".contains(&c));
        let value_follows = matches!(rest.get(close + 1), Some(b' ' | b'\t'))
            && rest[close + 1..]
                .iter()
                .take_while(|&&c| c != b'\n')
                .any(|c| !c.is_ascii_whitespace());
        if label_ok && value_follows {
            let o = out.get_or_insert_with(|| b.to_vec());
            o[at] = b' ';
            o[at + 1 + close] = b':';
        }
    }
}

/// Offsets, in order, of the lead bytes of every range [`fold`] changes:
/// U+00A0..U+00B9 (C2), U+1680 and U+180E (E1), U+2000..U+2212 (E2),
/// U+3000 (E3), U+FE58..U+FF5E (EF), U+1D400..U+1D7FF (F0).
fn fold_candidates(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut one = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).peekable();
    let mut two = memchr::memchr3_iter(0xE1, 0xE3, 0xF0, b).peekable();
    std::iter::from_fn(move || match (one.peek(), two.peek()) {
        (Some(x), Some(y)) if y < x => two.next(),
        (Some(_), _) => one.next(),
        (None, _) => two.next(),
    })
}

/// Mask a matched value for display: identifiers keep their last four
/// characters (`***-**-1234`), words keep only their first letter. A value
/// that wrapped across lines is shown on one: reports are read line by line.
pub fn redact(s: &str) -> String {
    let word = !s.chars().any(|c| c.is_ascii_digit());
    let alnum = s.chars().filter(char::is_ascii_alphanumeric).count();
    let keep_from = alnum.saturating_sub(4).max(alnum / 2);
    let mut seen = 0;
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if c.is_control() {
                ' '
            } else if word {
                if i == 0 || !c.is_alphanumeric() {
                    c
                } else {
                    '*'
                }
            } else if c.is_ascii_alphanumeric() {
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

/// Which detectors some rule looks for in any of `kinds`, with the `near`
/// anchors those need (an anchor may itself be in no rule for these parts).
fn active_for(rules: &RuleSet, kinds: &[PartKind]) -> Vec<bool> {
    let mut active = vec![false; rules.detectors.len()];
    for r in &rules.rules {
        if r.parts.iter().any(|k| kinds.contains(k)) {
            for &d in &r.detectors {
                if let Some(a) = active.get_mut(d) {
                    *a = true;
                }
            }
        }
    }
    for (d, spec) in rules.detectors.iter().enumerate() {
        if active[d] {
            for &n in &spec.near {
                if let Some(a) = active.get_mut(n) {
                    *a = true;
                }
            }
        }
    }
    active
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character `fold` changes starts with a byte `fold_candidates`
    /// looks for, and `normalize` equals folding character by character.
    #[test]
    fn fold_candidates_cover_the_fold_table() {
        let mut folded = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if fold(c) != Fold::Keep {
                let mut buf = [0u8; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(
                    [0xC2, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0].contains(&lead),
                    "{c:?}"
                );
                folded.push(c);
                folded.push_str("a\u{e9}\u{4f1a}\u{306f}");
            }
        }
        let one_by_one: String = folded
            .chars()
            .filter_map(|c| match fold(c) {
                Fold::Keep => Some(c),
                Fold::Drop => None,
                Fold::To(a) => Some(a),
            })
            .collect();
        assert_eq!(normalize(&folded), one_by_one);
    }

    #[test]
    fn redaction() {
        assert_eq!(redact("123-45-6789"), "***-**-6789");
        assert_eq!(redact("diabetes"), "d*******");
        assert_eq!(redact("03/14/1962"), "**/**/1962");
        assert_eq!(redact("8 de\ndiciembre de\t1967"), "* ** ********* ** 1967");
    }

    #[test]
    fn folds_compatibility_forms_to_ascii() {
        let cases = [
            ("５１２-４４-９０８７", "512-44-9087"),
            ("𝟓𝟏𝟐-𝟒𝟒-𝟗𝟎𝟖𝟕", "512-44-9087"),
            ("𝟶𝟷𝟸 𝟿", "012 9"),
            ("5\u{200d}1\u{200b}2-4\u{ad}4-9\u{2060}087", "512-44-9087"),
            ("ＳＳＮ：５１２−４４‐９０８７", "SSN:512-44-9087"),
            ("𝐌𝐑𝐍 𝑀𝑅𝑁 𝗺𝗿𝗻", "MRN MRN mrn"),
            ("x¹²³ ⁴⁵⁶⁷⁸⁹⁰ ₀₁₂₃₄₅₆₇₈₉", "x123 4567890 0123456789"),
            ("a\u{a0}b\u{2003}c\u{3000}d", "a b c d"),
            ("Réunion 会議 ü", "Réunion 会議 ü"),
        ];
        for (input, want) in cases {
            assert!(
                needs_normalizing(input.as_bytes()) || input == want,
                "{input}"
            );
            assert_eq!(normalize(input), want, "{input}");
        }
        assert!(!needs_normalizing(
            "Réunion à 10 h, café — non: 会議は午後です"
                .replace('—', ";")
                .as_bytes()
        ));
        assert!(!needs_normalizing(b"plain ascii 512-44-9087"));
    }

    #[test]
    fn folded_identifiers_are_found_and_redacted_from_the_folded_text() {
        let rules = rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
            .unwrap_or_else(|e| panic!("{e}"));
        let s = Scanner::from_rules(&DlpConfig::default(), rules).unwrap_or_else(|e| panic!("{e}"));
        for ssn in [
            "５１２-４４-９０８７",
            "𝟓𝟏𝟐-𝟒𝟒-𝟗𝟎𝟖𝟕",
            "512\u{200d}-\u{200d}44\u{200d}-\u{200d}9087",
            "5\u{200b}1\u{200b}2-44-9087",
        ] {
            let msg = format!(
                "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSSN {ssn} on file\r\n"
            );
            let (v, findings) = s.scan_with_findings(msg.as_bytes());
            assert!(v.hits.iter().any(|h| h.rule == "hipaa.ssn"), "{ssn}: {v:?}");
            assert!(
                findings.iter().any(|f| f.redacted == "***-**-9087"),
                "{ssn}: {findings:?}"
            );
        }
    }

    #[test]
    fn engine_stops_inside_a_part_and_fails_closed() {
        let rules = rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut cfg = DlpConfig::default();
        cfg.limits.max_time_ms = 0;
        let s = Scanner::from_rules(&cfg, rules).unwrap_or_else(|e| panic!("{e}"));
        let text = "Patient: Maria Lopez  DOB: 04/12/1961  MRN: 00482913\n".repeat(20_000);
        let v = s.scan_text(&text);
        assert!(
            v.unscanned
                .iter()
                .any(|u| u.contains("scan time limit reached")),
            "{v:?}"
        );
        assert_eq!(v.action, Action::Secure);
        let cancel = AtomicBool::new(true);
        let msg = format!("Subject: x\r\n\r\n{text}");
        let v = Scanner::from_rules(
            &DlpConfig::default(),
            rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .scan_cancellable(msg.as_bytes(), &cancel);
        assert!(
            v.unscanned.iter().any(|u| u.contains("scan cancelled")),
            "{v:?}"
        );
        assert_eq!(v.action, Action::Secure);
    }

    /// A detector only header rules use is not compiled for bodies: its
    /// match there (which starts earlier and would end past the start of
    /// the body detector's) hides nothing, and in a subject it still counts.
    #[test]
    fn part_engines_hold_only_their_rules_detectors() {
        let dir = std::env::temp_dir().join(format!("sealgate-partengines-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let pack = r#"
[[detector]]
id = "head"
pattern = 'with (?P<value>[A-Z][a-z]+ [A-Z][a-z]+)'

[[detector]]
id = "name"
pattern = '[A-Z][a-z]+ [A-Z][a-z]+'

[[rule]]
id = "t.head"
detectors = ["head"]
parts = ["subject"]
score = 10

[[rule]]
id = "t.name"
detectors = ["name"]
parts = ["body"]
score = 10
"#;
        std::fs::write(dir.join("t.toml"), pack).unwrap_or_else(|e| panic!("{e}"));
        let rules = rules::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        let s = Scanner::from_rules(&DlpConfig::default(), rules).unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::remove_dir_all(&dir);
        let v = s.scan(b"Subject: hello\r\n\r\nspoke with Maria Lopez today\r\n");
        let hits: Vec<_> = v
            .hits
            .iter()
            .map(|h| (h.rule.as_str(), h.part.as_str()))
            .collect();
        assert_eq!(hits, vec![("t.name", "body")], "{v:?}");
        let v = s.scan(b"Subject: spoke with Maria Lopez\r\n\r\nnothing here\r\n");
        let hits: Vec<_> = v
            .hits
            .iter()
            .map(|h| (h.rule.as_str(), h.part.as_str()))
            .collect();
        assert_eq!(hits, vec![("t.head", "subject")], "{v:?}");
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

    #[test]
    fn bracketed_labels_read_as_labels() {
        let text = "Report\r\n[PT NAME] Ana Ruiz\r\n  [DOB] Sep 18, 1962\r\n";
        let got = relabel(text).expect("two labels");
        assert_eq!(
            got,
            "Report\r\n PT NAME: Ana Ruiz\r\n   DOB: Sep 18, 1962\r\n"
        );
        assert_eq!(got.len(), text.len());
        for unchanged in [
            "Dear [Patient Name], welcome",
            "[1] Smith J. Diabetes Care 2020",
            "[Patient Name]\r\nnext line",
            "see note [DOB] 1/2/1960",
            "[this label is far too long to be any template's label] x",
        ] {
            assert_eq!(relabel(unchanged), None, "{unchanged}");
        }
    }

    #[test]
    fn ncpdp_field_ids_are_blanked() {
        let text = "Patient Name (310-CA/311-CB)  ANA RUIZ\nDate of Birth (304-C4) 19840116\n";
        let got = relabel(text).expect("two ids");
        assert_eq!(
            got,
            "Patient Name                  ANA RUIZ\nDate of Birth          19840116\n"
        );
        for unchanged in [
            "Humira (adalimumab) 40 mg",
            "call (304) 555-0101",
            "(304-C4",
            "id (304-c4) lower case",
            "(310-CA/) cut",
        ] {
            assert_eq!(relabel(unchanged), None, "{unchanged}");
        }
    }
}
