//! The compiled multi-pattern scanner.
//!
//! Work per text, cheapest first:
//! 1. One multi-pattern DFA pass (`meta::Regex::new_many`) over the
//!    detectors whose patterns are rare by construction (labelled values such
//!    as `MRN: ...`, dashed SSNs, card numbers). On clean mail this finds
//!    nothing and is, with step 2, all the work.
//! 2. One Aho-Corasick pass for the keywords of "noisy" detectors: shapes
//!    such as nine bare digits or a date, which occur everywhere and only
//!    mean something next to a keyword. Those detectors are then searched
//!    only in small windows around their keywords, never over the whole text.
//! 3. Detectors that only count near a patient identifier (dictionaries,
//!    provider numbers) run only in windows around identifiers found above.
//!
//! Keyword checks for rare detectors and `exclude` words are done locally,
//! in a few hundred bytes around each candidate.
//!
//! Patterns are compiled without Unicode classes (`\d` is `[0-9]`, `\b` is
//! ASCII): Unicode word boundaries on non-ASCII text cost two orders of
//! magnitude, and the identifiers we look for are ASCII.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input, MatchKind as ReMatchKind, PatternSet};

pub use crate::dlp::matching::boundary;
use crate::dlp::matching::{Words, merge, starts_with_label, within};
use crate::dlp::rules::{DetectorSource, DetectorSpec, RuleError};
use crate::dlp::validators::Validator;

/// A validated detector match in one text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub detector: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// In the multi-pattern pass over the whole text.
    Global,
    /// Searched only around its keywords.
    Windowed,
    /// Searched only around identifiers of other detectors.
    Near,
}

struct Det {
    mode: Mode,
    regex: Option<Regex>,
    value_group: Option<usize>,
    validator: Option<Validator>,
    word_boundary: bool,
    context: Option<usize>,
    context_window: usize,
    exclude: Option<usize>,
    exclude_window: usize,
    near: Vec<usize>,
    near_window: usize,
}

pub struct Engine {
    dets: Vec<Det>,
    /// Combined pass over labelled patterns (literal prefilter helps) and
    /// over bare shapes (a prefilter on every digit only slows the DFA).
    /// The second regex has the same patterns with `MatchKind::All`, to
    /// find every pattern that matches where the first one did.
    global: Vec<(Regex, Regex, Vec<usize>)>,
    /// Keywords of windowed detectors, located over the whole text.
    keywords: Option<Words>,
    /// Keywords and exclusions checked locally around candidates.
    local: Option<Words>,
    n_groups: usize,
    terms: Option<AhoCorasick>,
    term_det: Vec<Vec<usize>>,
}

fn syntax(ignore_case: bool) -> regex_automata::util::syntax::Config {
    regex_automata::util::syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .case_insensitive(ignore_case)
}

fn meta_config() -> regex_automata::meta::Config {
    Regex::config()
        .nfa_size_limit(Some(16 << 20))
        .hybrid_cache_capacity(4 << 20)
        .utf8_empty(false)
}

impl Engine {
    pub fn empty() -> Engine {
        Engine {
            dets: Vec::new(),
            global: Vec::new(),
            keywords: None,
            local: None,
            n_groups: 0,
            terms: None,
            term_det: Vec::new(),
        }
    }

    pub fn compile(specs: &[DetectorSpec]) -> Result<Engine, RuleError> {
        let mut e = Engine::empty();
        let mut labels: (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut shapes: (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut term_list: Vec<String> = Vec::new();
        let mut keyword_words = Vec::new();
        let mut local_words = Vec::new();
        for (i, s) in specs.iter().enumerate() {
            let lower = |w: &[String]| -> Vec<String> {
                w.iter()
                    .map(|t| t.trim().to_ascii_lowercase())
                    .filter(|t| !t.is_empty())
                    .collect()
            };
            let (mode, regex, value_group) = match &s.source {
                DetectorSource::Pattern { regex, ignore_case } => {
                    let re = Regex::builder()
                        .syntax(syntax(*ignore_case))
                        .configure(meta_config())
                        .build(regex)
                        .map_err(|x| RuleError::compiled(format!("detector `{}`: {x}", s.id)))?;
                    let vg = re
                        .group_info()
                        .pattern_names(regex_automata::PatternID::ZERO)
                        .position(|n| n == Some("value"));
                    let mode = if !s.near.is_empty() {
                        Mode::Near
                    } else if !s.context.is_empty() && !starts_with_label(regex) {
                        Mode::Windowed
                    } else {
                        let target = if starts_with_label(regex) {
                            &mut labels
                        } else {
                            &mut shapes
                        };
                        target.0.push(if *ignore_case {
                            format!("(?i:{regex})")
                        } else {
                            format!("(?:{regex})")
                        });
                        target.1.push(i);
                        Mode::Global
                    };
                    (mode, Some(re), vg)
                }
                DetectorSource::Terms(terms) => {
                    for t in lower(terms) {
                        let idx = match term_list.iter().position(|x| *x == t) {
                            Some(idx) => idx,
                            None => {
                                term_list.push(t);
                                e.term_det.push(Vec::new());
                                term_list.len() - 1
                            }
                        };
                        if !e.term_det[idx].contains(&i) {
                            e.term_det[idx].push(i);
                        }
                    }
                    (
                        if s.near.is_empty() {
                            Mode::Global
                        } else {
                            Mode::Near
                        },
                        None,
                        None,
                    )
                }
            };
            let context = (!s.context.is_empty()).then(|| {
                let g = e.n_groups;
                e.n_groups += 1;
                let target = if mode == Mode::Windowed {
                    &mut keyword_words
                } else {
                    &mut local_words
                };
                target.extend(lower(&s.context).into_iter().map(|w| (w, g)));
                g
            });
            let exclude = (!s.exclude.is_empty()).then(|| {
                let g = e.n_groups;
                e.n_groups += 1;
                local_words.extend(lower(&s.exclude).into_iter().map(|w| (w, g)));
                g
            });
            e.dets.push(Det {
                mode,
                regex,
                value_group,
                validator: s.validator.clone(),
                word_boundary: s.word_boundary,
                context,
                context_window: s.context_window,
                exclude,
                exclude_window: s.exclude_window,
                near: s.near.clone(),
                near_window: s.near_window,
            });
        }
        labels.0.extend(shapes.0);
        labels.1.extend(shapes.1);
        for ((patterns, dets), prefilter) in [(labels, true)] {
            if patterns.is_empty() {
                continue;
            }
            let re = Regex::builder()
                .syntax(syntax(false))
                .configure(meta_config().auto_prefilter(prefilter))
                .build_many(&patterns)
                .map_err(|x| RuleError::compiled(format!("combined pattern set: {x}")))?;
            let all = Regex::builder()
                .syntax(syntax(false))
                .configure(meta_config().match_kind(ReMatchKind::All))
                .build_many(&patterns)
                .map_err(|x| RuleError::compiled(format!("combined pattern set: {x}")))?;
            e.global.push((re, all, dets));
        }
        e.keywords = Words::build(keyword_words)?;
        e.local = Words::build(local_words)?;
        if !term_list.is_empty() {
            e.terms = Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&term_list)
                    .map_err(|x| RuleError::compiled(format!("dictionary automaton: {x}")))?,
            );
        }
        Ok(e)
    }

    pub fn len(&self) -> usize {
        self.dets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dets.is_empty()
    }

    /// All validated matches in `text`, sorted by detector and position.
    pub fn scan(&self, text: &[u8]) -> Vec<Found> {
        let mut out = Vec::new();
        // 1. Rare shapes over the whole text, one pass.
        for (g, all, dets) in &self.global {
            let mut set = PatternSet::new(all.pattern_len());
            let mut at = 0;
            while at <= text.len() {
                let Some(m) = g.search(&Input::new(text).range(at..)) else {
                    break;
                };
                // Detectors may share a label ("Account number" is a bank
                // label and a health-plan one): every pattern matching at
                // this start is confirmed, not only the first in the set.
                set.clear();
                set.insert(m.pattern());
                all.which_overlapping_matches(
                    &Input::new(text).range(m.start()..).anchored(Anchored::Yes),
                    &mut set,
                );
                // A match may end with context after its value (a name ends
                // before " DOB"): the next search starts after the value, so
                // a label right behind it is still seen.
                let mut resume = m.end();
                for pid in set.iter() {
                    let Some(&di) = dets.get(pid.as_usize()) else {
                        continue;
                    };
                    let end = if pid == m.pattern() {
                        m.end()
                    } else {
                        text.len()
                    };
                    if let Some(value_end) = self.confirm(text, di, m.start(), end, None, &mut out)
                    {
                        resume = resume.min(value_end);
                    }
                }
                at = resume.max(m.start() + 1);
            }
        }
        // Dictionaries that apply everywhere (none in the shipped packs).
        if let Some(ac) = &self.terms {
            let global = |d: &usize| self.dets[*d].near.is_empty();
            if self.term_det.iter().flatten().any(global) {
                for m in ac.find_iter(text) {
                    for &di in self.term_det[m.pattern().as_usize()]
                        .iter()
                        .filter(|d| global(d))
                    {
                        self.candidate(text, di, m.start(), m.end(), None, &mut out);
                    }
                }
            }
        }
        // 2. Noisy shapes only around their keywords.
        let kw = self
            .keywords
            .as_ref()
            .map(|k| k.positions(text, self.n_groups));
        if let Some(kw) = &kw {
            for (i, d) in self.dets.iter().enumerate() {
                let (Mode::Windowed, Some(g)) = (d.mode, d.context) else {
                    continue;
                };
                for (lo, hi) in merge(kw[g].iter().map(|&p| (p, p)), d.context_window, text.len()) {
                    self.search(text, i, lo, hi, Some(kw), &mut out);
                }
            }
        }
        // 3. Detectors that only count near an identifier.
        if out.is_empty() {
            return out;
        }
        let anchors: Vec<Found> = out.clone();
        let mut term_windows: Vec<(usize, usize)> = Vec::new();
        for (i, d) in self.dets.iter().enumerate() {
            if d.mode != Mode::Near {
                continue;
            }
            let near = anchors
                .iter()
                .filter(|a| d.near.contains(&a.detector))
                .map(|a| (a.start, a.end));
            let windows = merge(near, d.near_window, text.len());
            if d.regex.is_some() {
                for &(lo, hi) in &windows {
                    self.search(text, i, lo, hi, kw.as_ref(), &mut out);
                }
            } else {
                term_windows.extend(windows);
            }
        }
        if let (Some(ac), false) = (&self.terms, term_windows.is_empty()) {
            for (lo, hi) in merge(term_windows.into_iter(), 0, text.len()) {
                for m in ac.find_iter(aho_corasick::Input::new(text).range(lo..hi)) {
                    for &di in &self.term_det[m.pattern().as_usize()] {
                        if self.dets[di].mode == Mode::Near {
                            self.candidate(text, di, m.start(), m.end(), kw.as_ref(), &mut out);
                        }
                    }
                }
            }
        }
        self.apply_near(&mut out);
        out
    }

    /// Re-run one detector's own regex anchored at a start found by the
    /// combined pass, to get its `value` group. Returns where the value (or
    /// the whole match) ends, if the detector matches there.
    fn confirm(
        &self,
        text: &[u8],
        di: usize,
        s: usize,
        e: usize,
        kw: Option<&Vec<Vec<usize>>>,
        out: &mut Vec<Found>,
    ) -> Option<usize> {
        let d = &self.dets[di];
        let re = d.regex.as_ref()?;
        let input = Input::new(text).range(s..e).anchored(Anchored::Yes);
        let mut caps = re.create_captures();
        re.search_captures(&input, &mut caps);
        let sp = match d.value_group {
            Some(g) => caps.get_group(g)?,
            None => caps.get_group(0)?,
        };
        self.candidate(text, di, sp.start, sp.end, kw, out);
        Some(sp.end)
    }

    fn search(
        &self,
        text: &[u8],
        di: usize,
        lo: usize,
        hi: usize,
        kw: Option<&Vec<Vec<usize>>>,
        out: &mut Vec<Found>,
    ) {
        let d = &self.dets[di];
        let Some(re) = &d.regex else { return };
        let input = Input::new(text).range(lo..hi);
        match d.value_group {
            Some(g) => {
                for c in re.captures_iter(input) {
                    if let Some(sp) = c.get_group(g) {
                        self.candidate(text, di, sp.start, sp.end, kw, out);
                    }
                }
            }
            None => {
                for m in re.find_iter(input) {
                    self.candidate(text, di, m.start(), m.end(), kw, out);
                }
            }
        }
    }

    fn candidate(
        &self,
        text: &[u8],
        di: usize,
        start: usize,
        end: usize,
        kw: Option<&Vec<Vec<usize>>>,
        out: &mut Vec<Found>,
    ) {
        let det = &self.dets[di];
        if start >= end {
            return;
        }
        if det.word_boundary && !boundary(text, start, end) {
            return;
        }
        if let Some(v) = &det.validator
            && !v.check(&text[start..end])
        {
            return;
        }
        if let Some(g) = det.context {
            let ok = if det.mode == Mode::Windowed {
                kw.and_then(|k| k.get(g))
                    .is_some_and(|l| within(l, start, end, det.context_window))
            } else {
                self.local.as_ref().is_some_and(|w| {
                    w.any_in(
                        text,
                        g,
                        start.saturating_sub(det.context_window),
                        end.saturating_add(det.context_window),
                    )
                })
            };
            if !ok {
                return;
            }
        }
        if let Some(g) = det.exclude
            && self.local.as_ref().is_some_and(|w| {
                w.any_in(
                    text,
                    g,
                    start.saturating_sub(det.exclude_window),
                    end.saturating_add(det.exclude_window),
                )
            })
        {
            return;
        }
        out.push(Found {
            detector: di,
            start,
            end,
        });
    }

    fn apply_near(&self, out: &mut Vec<Found>) {
        out.sort_unstable_by_key(|f| (f.detector, f.start, f.end));
        out.dedup();
        if !out.iter().any(|f| self.dets[f.detector].mode == Mode::Near) {
            return;
        }
        let anchors: Vec<Found> = out
            .iter()
            .copied()
            .filter(|f| self.dets[f.detector].mode != Mode::Near)
            .collect();
        out.retain(|f| {
            let d = &self.dets[f.detector];
            d.mode != Mode::Near
                || anchors.iter().any(|a| {
                    d.near.contains(&a.detector)
                        && a.start <= f.end.saturating_add(d.near_window)
                        && f.start <= a.end.saturating_add(d.near_window)
                })
        });
    }
}
