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
//! On record-dense text (a list with a labelled record per line) the
//! windows of steps 2 and 3 cover everything; then one reverse pass of a
//! [`StartIndex`] finds where each pattern starts, and each window is
//! searched by anchored matches at those offsets instead of one regex pass
//! per detector. Step 1 uses the same index once it has found a match every
//! few hundred bytes: an anchored search at the next start replaces its
//! unanchored search, and the index says which other labels match there.
//! From then on the keyword, exclusion and dictionary automata are replaced
//! by one overlapping pass of a [`Lexicon`] over the text. Labelled values are cut out of their match by
//! [`ValueSpan`] (small DFAs) rather than a capture engine when the split
//! is unambiguous.
//!
//! Keyword checks for rare detectors and `exclude` words are done locally,
//! in a few hundred bytes around each candidate.
//!
//! Patterns are compiled without Unicode classes (`\d` is `[0-9]`, `\b` is
//! ASCII): Unicode word boundaries on non-ASCII text cost two orders of
//! magnitude, and the identifiers we look for are ASCII.

use std::cell::Cell;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, MatchKind as ReMatchKind, PatternSet};

use crate::dlp::lexicon::{Lexicon, Occurrences};
pub use crate::dlp::matching::boundary;
use crate::dlp::matching::{
    ByteSet, Words, merge, partition_point_from, starts_with_label, with_wrapped_variants, within,
};
use crate::dlp::rules::{DetectorSource, DetectorSpec, RuleError};
use crate::dlp::starts::{self, StartIndex, Starts};
use crate::dlp::stop::Stop;
use crate::dlp::validators::Validator;
use crate::dlp::value_span::ValueSpan;

/// The lists of the [`Lexicon`], in this order.
const KEYWORDS: usize = 0;
const LOCAL: usize = 1;
const TERMS: usize = 2;

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
    /// Not compiled in this engine: no rule looks for it in the parts this
    /// engine scans (see [`Engine::compile_for`]).
    Off,
}

struct Det {
    mode: Mode,
    regex: Option<Regex>,
    value_group: Option<usize>,
    /// Finds the value group's span without captures, when it can.
    value_span: Option<ValueSpan>,
    validator: Option<Validator>,
    word_boundary: bool,
    context: Option<usize>,
    context_window: usize,
    exclude: Option<usize>,
    exclude_window: usize,
    /// See [`DetectorSpec::exclude_stops_at`].
    exclude_stops_at: Option<ByteSet>,
    not_in_names: bool,
    near: Vec<usize>,
    /// `near` as a membership table by detector number, asked for every
    /// anchor by the near pass.
    is_near_anchor: Vec<bool>,
    /// Detectors with the same `near` list share this number (the first
    /// such detector's) and one anchor index.
    near_group: usize,
    near_window: usize,
    /// See [`DetectorSpec::near_stops_at`].
    near_stops_at: Option<ByteSet>,
    /// In the [`StartIndex`]: its windows can be searched from there.
    indexed: bool,
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
    /// The words of `keywords`, `local` and `terms` in one overlapping
    /// automaton, used instead of them on dense text.
    lexicon: Option<Lexicon>,
    n_groups: usize,
    terms: Option<AhoCorasick>,
    term_det: Vec<Vec<usize>>,
    /// Start offsets of windowed and `near` shapes in one pass, used when
    /// their windows cover more than the text (record-dense lists).
    starts: Option<StartIndex>,
    /// Whether the global pass may switch to the dense-text paths (always,
    /// except in the test that compares them with the plain passes).
    dense: bool,
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
            lexicon: None,
            n_groups: 0,
            terms: None,
            term_det: Vec::new(),
            starts: None,
            dense: true,
        }
    }

    pub fn compile(specs: &[DetectorSpec]) -> Result<Engine, RuleError> {
        Engine::compile_for(specs, &vec![true; specs.len()])
    }

    /// An engine that looks only for the detectors marked in `active`
    /// (the others keep their numbers and never match). A detector that
    /// only header rules use costs nothing in a 10 MB attachment, and its
    /// matches cannot overlap those of the detectors that do run there.
    /// `active` must hold the `near` anchors of every active detector.
    pub fn compile_for(specs: &[DetectorSpec], active: &[bool]) -> Result<Engine, RuleError> {
        let mut e = Engine::empty();
        let mut labels: (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut shapes: (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut term_list: Vec<String> = Vec::new();
        let mut keyword_words = Vec::new();
        let mut local_words = Vec::new();
        // Groups of veto words (matched as whole words), by group number.
        let mut whole_groups: Vec<bool> = Vec::new();
        let mut indexed: Vec<(usize, &str, bool)> = Vec::new();
        for (i, s) in specs.iter().enumerate() {
            if !active.get(i).copied().unwrap_or(true) {
                e.dets.push(Det {
                    mode: Mode::Off,
                    regex: None,
                    value_group: None,
                    value_span: None,
                    validator: None,
                    word_boundary: true,
                    context: None,
                    context_window: 0,
                    exclude: None,
                    exclude_window: 0,
                    exclude_stops_at: None,
                    not_in_names: false,
                    near: Vec::new(),
                    is_near_anchor: vec![false; specs.len()],
                    near_group: i,
                    near_window: 0,
                    near_stops_at: None,
                    indexed: false,
                });
                continue;
            }
            let lower = |w: &[String]| -> Vec<String> {
                w.iter()
                    .map(|t| t.trim().to_ascii_lowercase())
                    .filter(|t| !t.is_empty())
                    .collect()
            };
            let mut value_span = None;
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
                    if vg.is_some() {
                        value_span = ValueSpan::build(regex, *ignore_case);
                    }
                    if starts::indexable(regex, *ignore_case) {
                        indexed.push((i, regex.as_str(), *ignore_case));
                    }
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
                whole_groups.resize(g + 1, false);
                whole_groups[g] = true;
                g
            });
            e.dets.push(Det {
                mode,
                regex,
                value_group,
                value_span,
                validator: s.validator.clone(),
                word_boundary: s.word_boundary,
                context,
                context_window: s.context_window,
                exclude,
                exclude_window: s.exclude_window,
                exclude_stops_at: ByteSet::new(&s.exclude_stops_at),
                not_in_names: s.not_in_names,
                near: s.near.clone(),
                is_near_anchor: (0..specs.len()).map(|j| s.near.contains(&j)).collect(),
                near_group: specs.iter().position(|o| o.near == s.near).unwrap_or(i),
                near_window: s.near_window,
                near_stops_at: ByteSet::new(&s.near_stops_at),
                indexed: indexed.last().is_some_and(|x| x.0 == i),
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
        e.starts = StartIndex::build(&indexed)?;
        e.keywords = Words::build(with_wrapped_variants(keyword_words), &[])?;
        e.local = Words::build(local_words, &whole_groups)?;
        if !term_list.is_empty() {
            e.terms = Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    // A few hundred terms: the DFA is small and faster
                    // than the default NFA over record-dense text.
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&term_list)
                    .map_err(|x| RuleError::compiled(format!("dictionary automaton: {x}")))?,
            );
        }
        e.lexicon = Lexicon::build(&[
            e.keywords.as_ref().map(Words::list).unwrap_or_default(),
            e.local.as_ref().map(Words::list).unwrap_or_default(),
            &term_list,
        ])?;
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
        self.scan_until(text, &Stop::never()).found
    }

    /// Like [`Engine::scan`], but polls `stop` between 64 KiB chunks and
    /// every few hundred candidates; a stopped scan returns what it found so
    /// far with `complete == false`, and the caller must fail closed.
    ///
    /// Every step is linear in the text or O(m log m) in the matches: the
    /// regex passes run once per byte (chunks do not overlap except for a
    /// small tail), keyword and anchor windows are merged after sorting, and
    /// the `near` check binary-searches sorted anchors.
    pub fn scan_until(&self, text: &[u8], stop: &Stop<'_>) -> Scanned {
        let mut spare = Scratch::take();
        let mut out = std::mem::take(&mut spare.out);
        out.resize_with(self.dets.len(), Vec::new);
        for list in out.iter_mut() {
            list.clear();
        }
        let mut pass = Pass {
            text,
            stop,
            kw: None,
            starts: None,
            caps: Vec::new(),
            near_index: None,
            occ: None,
            kw_hints: Vec::new(),
            local_hint: 0,
            local_pre_hint: 0,
            out,
            spare,
        };
        self.run(&mut pass);
        let complete = stop.stopped().is_none();
        let found = self.apply_near(&mut pass);
        pass.into_scratch().keep(text.len());
        Scanned { found, complete }
    }

    /// Hand the `found` of a [`Scanned`] the caller is done with back to
    /// this thread's next scan, which fills it instead of a new vector.
    pub fn recycle(found: Vec<Found>) {
        let _ = SCRATCH.try_with(|cell| {
            let mut s = cell.take();
            if s.found.capacity() < found.capacity() {
                s.found = found;
            }
            cell.set(s);
        });
    }

    fn run(&self, p: &mut Pass<'_, '_>) {
        // 1. Rare shapes over the whole text, one pass.
        for (g, all, dets) in &self.global {
            self.global_pass(p, g, all, dets);
            if p.stop.stopped().is_some() {
                return;
            }
        }
        // Dictionaries that apply everywhere (none in the shipped packs).
        if let Some(ac) = &self.terms {
            let global = |d: &usize| self.dets[*d].near.is_empty();
            if self.term_det.iter().flatten().any(global) {
                for m in ac.find_iter(p.text) {
                    for &di in self.term_det[m.pattern().as_usize()]
                        .iter()
                        .filter(|d| global(d))
                    {
                        self.candidate(p, di, m.start(), m.end());
                    }
                    if p.stop.tick() {
                        return;
                    }
                }
            }
        }
        // 2. Noisy shapes only around their keywords.
        p.kw = self.keywords.as_ref().map(|k| {
            let reuse = std::mem::take(&mut p.spare.kw);
            match &p.occ {
                Some(o) => k.positions_of(
                    p.text,
                    self.n_groups,
                    o.leftmost_longest(KEYWORDS, 0, p.text.len())
                        .map(|m| (m.start, m.pattern)),
                    reuse,
                ),
                None => k.positions(p.text, self.n_groups, reuse),
            }
        });
        if p.stop.check() {
            return;
        }
        let mut windowed: Vec<(usize, Windows)> = Vec::new();
        for (i, d) in self.dets.iter().enumerate() {
            let (Mode::Windowed, Some(g)) = (d.mode, d.context) else {
                continue;
            };
            let Some(kw) = p.kw.as_ref().and_then(|k| k.get(g)) else {
                continue;
            };
            let windows = merge(kw.iter().map(|&q| (q, q)), d.context_window, p.text.len());
            windowed.push((i, windows));
        }
        self.index_if_dense(p, windowed.iter().map(|(i, w)| (*i, w)));
        for (i, windows) in &windowed {
            for &(lo, hi) in windows {
                self.search(p, *i, lo, hi);
                if p.stop.stopped().is_some() {
                    return;
                }
            }
        }
        // 3. Detectors that only count near an identifier.
        if p.out.iter().any(|l| !l.is_empty()) {
            self.near_pass(p);
        }
    }

    fn near_pass(&self, p: &mut Pass<'_, '_>) {
        // The matches so far are the anchors, each detector's sorted by
        // position (they come in order: a stable sort of sorted input is
        // one pass). Per distinct `near` list (the shipped packs have five
        // `near` detectors sharing two), its anchors in position order give
        // the index that decides, at the end, which `near` matches count,
        // and the windows of each of its `near_window`s.
        for list in p.out.iter_mut() {
            // Equal pairs are identical: an unstable sort gives the same
            // order, without the stable sort's buffer as big as the list.
            list.sort_unstable();
        }
        let mut indexes: Vec<(usize, NearIndex)> = Vec::new();
        let mut merged: Vec<(&[usize], usize, Windows)> = Vec::new();
        let mut made_from: Vec<(Vec<usize>, usize)> = Vec::new();
        for d in self.dets.iter() {
            if d.mode != Mode::Near || indexes.iter().any(|(g, _)| *g == d.near_group) {
                continue;
            }
            let anchors = self.group_anchors(p, d, &indexes, &mut made_from);
            for e in self.dets.iter() {
                let key = (e.near.as_slice(), e.near_window);
                if e.mode == Mode::Near
                    && e.near_group == d.near_group
                    && !merged.iter().any(|m| (m.0, m.1) == key)
                {
                    let w = merge(anchors.iter().copied(), e.near_window, p.text.len());
                    merged.push((key.0, key.1, w));
                }
            }
            indexes.push((d.near_group, NearIndex::from_sorted(anchors)));
        }
        let mut term_windows: Vec<(usize, usize)> = Vec::new();
        let mut searched: Vec<(usize, Windows)> = Vec::new();
        for (i, d) in self.dets.iter().enumerate() {
            if d.mode != Mode::Near {
                continue;
            }
            let key = (d.near.as_slice(), d.near_window);
            let windows = match merged.iter().find(|m| (m.0, m.1) == key) {
                Some(m) => m.2.clone(),
                None => Vec::new(),
            };
            if d.regex.is_some() {
                searched.push((i, windows));
            } else {
                term_windows.extend(windows);
            }
        }
        p.near_index = Some(indexes);
        self.index_if_dense(p, searched.iter().map(|(i, w)| (*i, w)));
        for (i, windows) in &searched {
            for &(lo, hi) in windows {
                self.search(p, *i, lo, hi);
                if p.stop.stopped().is_some() {
                    return;
                }
            }
        }
        if let (Some(ac), false) = (&self.terms, term_windows.is_empty()) {
            for (lo, hi) in merge(term_windows.into_iter(), 0, p.text.len()) {
                let found: Vec<(usize, usize, usize)> = match &p.occ {
                    Some(o) => o
                        .leftmost_longest(TERMS, lo, hi)
                        .map(|m| (m.start, m.end, m.pattern))
                        .collect(),
                    None => ac
                        .find_iter(aho_corasick::Input::new(p.text).range(lo..hi))
                        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                        .collect(),
                };
                for (start, end, pattern) in found {
                    for &di in self.term_det.get(pattern).into_iter().flatten() {
                        if self.dets[di].mode == Mode::Near {
                            self.candidate(p, di, start, end);
                        }
                    }
                    if p.stop.tick() {
                        return;
                    }
                }
            }
        }
    }

    /// One leftmost-first pass of a combined pattern set, in chunks so the
    /// stop is polled. Two things a plain `find_iter` would lose are kept:
    /// detectors that share a label ("Account number" is a bank label and a
    /// health-plan one) all get their match, because every pattern matching
    /// where the first did is confirmed; and a match that ends with context
    /// after its value (a name ends before " DOB") does not hide a label
    /// right behind the value, because the next search starts there.
    fn global_pass(&self, p: &mut Pass<'_, '_>, g: &Regex, all: &Regex, dets: &[usize]) {
        // Start-index cursors, once the text proved dense (see `Heads`).
        let mut heads: Option<Heads> = None;
        self.global_walk(p, g, all, dets, &mut heads);
        // The cursors' lists go back to the index (emptied, as `take` left
        // them), so that the next text fills them without allocating.
        if let (Some(h), Some(Some(starts))) = (heads, p.starts.as_mut()) {
            for (&d, list) in dets.iter().zip(h.lists) {
                starts.put_back(d, list);
            }
        }
    }

    /// The walk of [`Engine::global_pass`]; `heads` is set once the text
    /// proved dense.
    fn global_walk(
        &self,
        p: &mut Pass<'_, '_>,
        g: &Regex,
        all: &Regex,
        dets: &[usize],
        heads: &mut Option<Heads>,
    ) {
        let text = p.text;
        // The patterns matching where a match starts. A combined set has
        // over a hundred patterns and a record list matches every few
        // dozen bytes: clearing and walking a `PatternSet` per match cost
        // more than the handful of ids it holds, so they are kept in a
        // short list and the set is used only by the sparse path.
        let mut set = PatternSet::new(all.pattern_len());
        let mut pids: Vec<usize> = Vec::new();
        let mut found = 0usize;
        let mut at = 0;
        let mut chunk_end = 0;
        while at < text.len() {
            if at >= chunk_end {
                if p.stop.check() {
                    return;
                }
                if self.dense
                    && heads.is_none()
                    && at > 0
                    && found.saturating_mul(DENSE_BYTES_PER_MATCH) >= at
                {
                    *heads = self.heads(p, dets);
                    if p.occ.is_none() {
                        let reuse = p.spare.occ.take();
                        p.occ = self
                            .lexicon
                            .as_ref()
                            .and_then(|l| l.occurrences(text, p.stop, reuse));
                    }
                }
                chunk_end = at.saturating_add(CHUNK).min(text.len());
            }
            let window = chunk_end.saturating_add(OVERLAP).min(text.len());
            let m = match heads.as_mut() {
                Some(h) => h.search(g, text, at, window),
                None => g.search(&Input::new(text).range(at..window)),
            };
            let Some(m) = m else {
                at = chunk_end;
                continue;
            };
            if m.start() >= chunk_end {
                at = m.start();
                continue;
            }
            // A match cut by the window's edge is redone to its real end.
            let m = if m.end() == window && window < text.len() {
                g.search(&Input::new(text).range(m.start()..).anchored(Anchored::Yes))
                    .unwrap_or(m)
            } else {
                m
            };
            found += 1;
            let first = m.pattern().as_usize();
            pids.clear();
            pids.push(first);
            match heads.as_ref() {
                Some(h) => h.starting_at(m.start(), &mut pids),
                None => {
                    set.clear();
                    all.which_overlapping_matches(
                        &Input::new(text).range(m.start()..).anchored(Anchored::Yes),
                        &mut set,
                    );
                    pids.extend(set.iter().map(|pid| pid.as_usize()));
                }
            }
            // In pattern order, each once, as a set would give them.
            pids.sort_unstable();
            pids.dedup();
            let mut resume = m.end();
            for &pid in &pids {
                let Some(&di) = dets.get(pid) else {
                    continue;
                };
                let end = if pid == first { m.end() } else { text.len() };
                if let Some(value_end) = self.confirm(p, di, m.start(), end, pid == first) {
                    resume = resume.min(value_end);
                }
            }
            at = resume.max(m.start() + 1);
            if p.stop.tick() {
                return;
            }
        }
    }

    /// Cursors into the start index for the global pass's patterns, the
    /// index computed now if it was not yet; `None` when some pattern is
    /// not indexed or the index could not be computed.
    fn heads(&self, p: &mut Pass<'_, '_>, dets: &[usize]) -> Option<Heads> {
        let ix = self.starts.as_ref()?;
        if !dets
            .iter()
            .all(|&d| self.dets.get(d).is_some_and(|x| x.indexed))
        {
            return None;
        }
        if p.starts.is_none() {
            p.starts = Some(ix.starts(p.text, p.stop, p.spare.starts.take()));
        }
        // Global detectors are never searched in windows: their lists are
        // only needed here.
        let starts = p.starts.as_mut()?.as_mut()?;
        let lists = dets
            .iter()
            .map(|&d| starts.take(d))
            .collect::<Option<Vec<_>>>()?;
        Some(Heads::new(lists))
    }

    /// Re-run one detector's own regex anchored at `s`, to get its `value`
    /// group (`exact`: `s..e` is already that detector's whole match).
    /// Returns where a pass over the text may go on: after the value, or
    /// the whole match, when it was kept; just after `s` when it was turned
    /// down (a validator, a veto word), because a rejected match claims no
    /// text and another pattern may start inside it ("SMITH, JOHN DOB
    /// 4/12/61": a name that is no name must not hide the DOB label).
    fn confirm(
        &self,
        p: &mut Pass<'_, '_>,
        di: usize,
        s: usize,
        e: usize,
        exact: bool,
    ) -> Option<usize> {
        let d = &self.dets[di];
        let re = d.regex.as_ref()?;
        let resume = |kept: bool, end: usize| if kept { end } else { s + 1 };
        if exact && d.value_group.is_none() {
            return Some(resume(self.candidate(p, di, s, e), e));
        }
        if exact && let Some((vs, ve)) = d.value_span.as_ref().and_then(|v| v.find(p.text, s, e)) {
            return Some(resume(self.candidate(p, di, vs, ve), ve));
        }
        let input = Input::new(p.text).range(s..e).anchored(Anchored::Yes);
        if p.caps.len() <= di {
            p.caps.resize_with(di + 1, || None);
        }
        // One capture buffer per detector and text, not one per match.
        let caps = p.caps[di].get_or_insert_with(|| re.create_captures());
        re.search_captures(&input, caps);
        let sp = match d.value_group {
            Some(g) => caps.get_group(g)?,
            None => caps.get_group(0)?,
        };
        Some(resume(self.candidate(p, di, sp.start, sp.end), sp.end))
    }

    /// Compute the start index once per text, when the windows about to be
    /// searched one regex at a time add up to more than the text: then one
    /// pass over all shapes is cheaper than a pass per detector.
    fn index_if_dense<'w>(
        &self,
        p: &mut Pass<'_, '_>,
        windows: impl Iterator<Item = (usize, &'w Windows)>,
    ) {
        let Some(ix) = &self.starts else { return };
        if p.starts.is_some() {
            return;
        }
        // The index is one reverse walk of a DFA of every pattern, whose
        // states are built as the text needs them: worth it where windows
        // would otherwise read a long text several times over, not on a
        // short message, where the windows are a few kilobytes and each new
        // text's states cost more than the searches they save.
        if p.text.len() < INDEX_MIN_BYTES {
            return;
        }
        let covered: usize = windows
            .filter(|(i, _)| self.dets[*i].indexed)
            .flat_map(|(_, w)| w.iter().map(|(lo, hi)| hi - lo))
            .sum();
        if covered > p.text.len() {
            p.starts = Some(ix.starts(p.text, p.stop, p.spare.starts.take()));
        }
    }

    fn search(&self, p: &mut Pass<'_, '_>, di: usize, lo: usize, hi: usize) {
        let d = &self.dets[di];
        let Some(re) = &d.regex else { return };
        let indexed = match &p.starts {
            Some(Some(s)) if d.indexed => s.of(di),
            _ => None,
        };
        // On a record list a window is the whole text and this holds a
        // match every line: the vector is kept between windows and scans.
        let mut spans = std::mem::take(&mut p.spare.spans);
        spans.clear();
        match indexed {
            Some(list) => {
                starts::matches_into(re, p.text, list, lo, hi, || p.stop.tick(), &mut spans)
            }
            None => each_match(re, p.text, lo, hi, p.stop, |s, e, _| spans.push((s, e))),
        }
        for &(s, e) in &spans {
            self.confirm(p, di, s, e, true);
            if p.stop.tick() {
                break;
            }
        }
        p.spare.spans = spans;
    }

    /// Keep a match if its checks pass; whether it was kept.
    fn candidate(&self, p: &mut Pass<'_, '_>, di: usize, start: usize, end: usize) -> bool {
        let text = p.text;
        let det = &self.dets[di];
        if start >= end {
            return false;
        }
        if det.word_boundary && !boundary(text, start, end) {
            return false;
        }
        if let Some(v) = &det.validator
            && !v.check(&text[start..end])
        {
            return false;
        }
        if let Some(g) = det.context {
            let ok = if det.mode == Mode::Windowed {
                if p.kw_hints.len() <= g {
                    p.kw_hints.resize(g + 1, 0);
                }
                match (p.kw.as_ref().and_then(|k| k.get(g)), p.kw_hints.get_mut(g)) {
                    (Some(l), Some(hint)) => within(l, hint, start, end, det.context_window),
                    _ => false,
                }
            } else {
                self.local_any(
                    p,
                    g,
                    start.saturating_sub(det.context_window),
                    end.saturating_add(det.context_window),
                )
            };
            if !ok {
                return false;
            }
        }
        if let Some(g) = det.exclude {
            let (lo, hi) = veto_span(text, start, end, det);
            if self.local_any(p, g, lo, hi) {
                return false;
            }
        }
        if det.not_in_names && ends_a_name(text, start) {
            return false;
        }
        match p.out.get_mut(di) {
            Some(list) => {
                list.push((start, end));
                true
            }
            None => false,
        }
    }

    /// Is a local word of `group` in `lo..hi`?
    fn local_any(&self, p: &mut Pass<'_, '_>, group: usize, lo: usize, hi: usize) -> bool {
        let Some(w) = &self.local else { return false };
        // Most candidates have no word of their group near them: when no
        // occurrence of one, overlapping ones included, starts in the range,
        // no leftmost-longest match can be one, and the walk over every
        // local word in the range (on a record list, a dozen labels and
        // keywords per candidate, most in no group of this detector) is
        // not needed.
        if let Some(o) = &p.occ
            && !o.any_starting_in(LOCAL, lo, hi, &mut p.local_pre_hint, |word| {
                w.in_group(word, group)
            })
        {
            return false;
        }
        match &p.occ {
            Some(o) => w.any_of(
                p.text,
                group,
                o.leftmost_longest_from(LOCAL, lo, hi.min(p.text.len()), &mut p.local_hint)
                    .map(|m| (m.start, m.end, m.pattern)),
            ),
            None => w.any_in(p.text, group, lo, hi),
        }
    }

    /// Keep a `near` detector's match only if an anchor of one of its
    /// `near` detectors lies within `near_window`. One sorted anchor index
    /// per distinct `near` list, one binary search per match: O(m log m)
    /// where comparing every match with every anchor was O(m²) and took
    /// most of the time on record-dense messages.
    ///
    /// `built` is the index the near pass made from the same anchors (every
    /// match not of a `near` detector is found before it); without it (the
    /// pass did not run) it is built here.
    ///
    /// Takes `p.out` and `p.near_index`, and leaves the index there for
    /// [`Pass::into_scratch`].
    fn apply_near(&self, p: &mut Pass<'_, '_>) -> Vec<Found> {
        for list in p.out.iter_mut() {
            // As in the near pass: the same order, without a buffer.
            list.sort_unstable();
            list.dedup();
        }
        let any_near = p
            .out
            .iter()
            .zip(&self.dets)
            .any(|(l, d)| d.mode == Mode::Near && !l.is_empty());
        let indexes = match (any_near, p.near_index.take()) {
            (false, built) => built.unwrap_or_default(),
            (true, Some(built)) => built,
            (true, None) => {
                let mut indexes: Vec<(usize, NearIndex)> = Vec::new();
                let mut made_from = Vec::new();
                for d in self.dets.iter() {
                    if d.mode == Mode::Near && !indexes.iter().any(|(g, _)| *g == d.near_group) {
                        let anchors = self.group_anchors(p, d, &indexes, &mut made_from);
                        indexes.push((d.near_group, NearIndex::from_sorted(anchors)));
                    }
                }
                indexes
            }
        };
        let mut found = std::mem::take(&mut p.spare.found);
        found.clear();
        found.reserve(p.out.iter().map(Vec::len).sum());
        let mut stop_lists: Vec<(&ByteSet, Vec<usize>)> = Vec::new();
        for (detector, (list, d)) in p.out.iter().zip(&self.dets).enumerate() {
            let near = match d.mode {
                Mode::Near => Some(indexes.iter().find(|(g, _)| *g == d.near_group)),
                _ => None,
            };
            // Matches come in position order: each search of the index
            // starts where the last one ended.
            let mut hint = 0;
            // On a record list every line has a few `near` matches, and
            // walking each one's window to its stops reads every line
            // several times: past one text's worth of windows, the stops
            // are found once and looked up.
            let stop_list = match (&near, &d.near_stops_at) {
                (Some(Some(_)), Some(stops))
                    if list.len().saturating_mul(2 * d.near_window) > p.text.len() =>
                {
                    Some(stop_index(&mut stop_lists, p.text, stops))
                }
                _ => None,
            };
            let (mut before, mut after) = (0, 0);
            for &(start, end) in list {
                let keep = match near {
                    None => true,
                    Some(None) => false,
                    Some(Some((_, ix))) => match (&d.near_stops_at, stop_list) {
                        (Some(_), Some(k)) => {
                            let at = stop_lists.get(k).map(|(_, l)| l.as_slice());
                            let (lo, hi) = stops_around(
                                at.unwrap_or_default(),
                                start,
                                end,
                                d.near_window,
                                p.text.len(),
                                (&mut before, &mut after),
                            );
                            ix.any_overlapping(lo, hi, &mut hint)
                        }
                        (Some(stops), None) => {
                            let (lo, hi) = stopped_window(p.text, start, end, d.near_window, stops);
                            ix.any_overlapping(lo, hi, &mut hint)
                        }
                        (None, _) => ix.any_within(start, end, d.near_window, &mut hint),
                    },
                };
                if keep {
                    found.push(Found {
                        detector,
                        start,
                        end,
                    });
                }
            }
        }
        p.near_index = Some(indexes);
        found
    }

    /// The anchors of `d`'s `near` group, sorted, in a vector from the
    /// spare ones; the caller pushes their index onto `indexes` next.
    /// `made_from` records which anchor lists made each index: `near`
    /// lists that differ only in detectors that found nothing share their
    /// anchors, which are copied rather than merged again (the prefix
    /// maxima of an index's ends give the same windows as the ends).
    fn group_anchors(
        &self,
        p: &mut Pass<'_, '_>,
        d: &Det,
        indexes: &[(usize, NearIndex)],
        made_from: &mut Vec<(Vec<usize>, usize)>,
    ) -> Vec<(usize, usize)> {
        let mut anchors = p.spare.anchors.pop().unwrap_or_default();
        let ids = self.anchor_lists(&p.out, d);
        match made_from
            .iter()
            .find(|(m, _)| *m == ids)
            .and_then(|(_, k)| indexes.get(*k))
        {
            Some((_, ix)) => {
                anchors.clear();
                anchors.extend_from_slice(&ix.spans);
            }
            None => self.anchors(&p.out, &ids, &mut anchors, &mut p.spare.merge_tmp),
        }
        made_from.push((ids, indexes.len()));
        anchors
    }

    /// The detectors whose matches are `d`'s anchors: its `near`
    /// detectors that found something (most of the twenty anchor detectors
    /// of a `near` list find nothing, and only lists with matches are
    /// merged).
    fn anchor_lists(&self, out: &[Vec<(usize, usize)>], d: &Det) -> Vec<usize> {
        out.iter()
            .enumerate()
            .filter(|(j, l)| {
                !l.is_empty()
                    && d.is_near_anchor.get(*j) == Some(&true)
                    && self.dets.get(*j).is_some_and(|a| a.mode != Mode::Near)
            })
            .map(|(j, _)| j)
            .collect()
    }

    /// The matches of the anchor detectors `ids` into `into`, sorted by
    /// position. Each detector's list is sorted: they are merged two at a
    /// time through `tmp` (both buffers kept between scans), where a sort
    /// would allocate a buffer as big as the anchors for every text.
    fn anchors(
        &self,
        out: &[Vec<(usize, usize)>],
        ids: &[usize],
        into: &mut Vec<(usize, usize)>,
        tmp: &mut Vec<(usize, usize)>,
    ) {
        into.clear();
        // A list that starts after the others end is appended.
        for list in ids.iter().filter_map(|&j| out.get(j)) {
            if into.last() <= list.first() {
                into.extend_from_slice(list);
            } else {
                merge_sorted(into, list, tmp);
                std::mem::swap(into, tmp);
            }
        }
    }
}

/// Merge the sorted `a` and `b` into `out` (cleared first), in order.
fn merge_sorted(a: &[(usize, usize)], b: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    out.clear();
    out.reserve(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if y < x {
            out.push(y);
            j += 1;
        } else {
            out.push(x);
            i += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
}

/// Sorted, non-overlapping `(start, end)` search ranges.
type Windows = Vec<(usize, usize)>;

/// Result of [`Engine::scan_until`].
#[derive(Debug, Default)]
pub struct Scanned {
    pub found: Vec<Found>,
    /// False when the scan stopped early (deadline or cancellation): the
    /// text after some point was not searched.
    pub complete: bool,
}

/// State of one scan of one text.
struct Pass<'t, 's> {
    text: &'t [u8],
    stop: &'s Stop<'s>,
    /// Keyword positions per context group, once computed.
    kw: Option<Vec<Vec<usize>>>,
    /// Start offsets of indexed shapes, once computed (`Some(None)`: the
    /// index could not be computed; windows are searched one by one).
    starts: Option<Option<Starts>>,
    /// Capture buffers per detector, reused across matches.
    caps: Vec<Option<Captures>>,
    /// Anchor index per distinct `near` list (by its `near_group`), built
    /// by the near pass from the anchors it sorted.
    near_index: Option<Vec<(usize, NearIndex)>>,
    /// Every word occurrence, once the text proved dense.
    occ: Option<Occurrences>,
    /// Where the last search in each keyword group's positions ended.
    kw_hints: Vec<usize>,
    /// Where the last search in the local words' occurrences ended.
    local_hint: usize,
    /// Where the last [`Occurrences::any_starting_in`] of the local words
    /// ended.
    local_pre_hint: usize,
    /// Matches per detector, `(start, end)`.
    out: Vec<Vec<(usize, usize)>>,
    /// The buffers of the thread's last scan not yet in use.
    spare: Scratch,
}

impl Pass<'_, '_> {
    /// The buffers of this pass, for the next scan on this thread.
    fn into_scratch(self) -> Scratch {
        let mut s = self.spare;
        s.out = self.out;
        if let Some(kw) = self.kw {
            s.kw = kw;
        }
        if let Some(Some(starts)) = self.starts {
            s.starts = Some(starts);
        }
        if let Some(occ) = self.occ {
            s.occ = Some(occ);
        }
        for (_, ix) in self.near_index.into_iter().flatten() {
            s.anchors.push(ix.spans);
        }
        s
    }
}

/// Buffers whose size follows the text, kept from one scan to the next on
/// the same thread.
///
/// On a record list every step keeps a position every few bytes: matches
/// per detector, keyword positions, start offsets, word occurrences,
/// anchors. Allocated afresh for every text, that memory is faulted in,
/// grown and freed each time; a running scanner (the gateway's scan
/// threads, `rules test` over many messages) fills the vectors its last
/// scan left instead. A scan takes them out of the thread-local and puts
/// them back when it ends, so a scan that finds none (the first on its
/// thread) just allocates as before.
#[derive(Default)]
struct Scratch {
    out: Vec<Vec<(usize, usize)>>,
    kw: Vec<Vec<usize>>,
    starts: Option<Starts>,
    occ: Option<Occurrences>,
    /// Anchor spans, one vector per `near` group, and the merge buffer.
    anchors: Vec<Vec<(usize, usize)>>,
    merge_tmp: Vec<(usize, usize)>,
    /// One detector's matches in one window (`Engine::search`).
    spans: Vec<(usize, usize)>,
    found: Vec<Found>,
}

/// Texts over this size leave no buffers behind: a scan thread should not
/// hold the memory of one exceptional message for good (a record list's
/// buffers are several times its size), and mail bodies are mostly smaller.
const KEEP_UP_TO: usize = 4 << 20;

thread_local! {
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

impl Scratch {
    /// This thread's buffers (empty ones if another scan has them).
    fn take() -> Scratch {
        SCRATCH.try_with(Cell::take).unwrap_or_default()
    }

    /// Keep these buffers for the thread's next scan, after a text of
    /// `len` bytes.
    fn keep(mut self, len: usize) {
        if len > KEEP_UP_TO {
            return;
        }
        // Anchor vectors are taken one per `near` group and all come back.
        self.anchors.truncate(8);
        let _ = SCRATCH.try_with(|cell| cell.set(self));
    }
}

/// Text searched between two polls of the [`Stop`].
const CHUNK: usize = 64 << 10;

/// Texts shorter than this are searched window by window, never through
/// the start index (see [`Engine::index_if_dense`]).
const INDEX_MIN_BYTES: usize = 64 << 10;
/// How far a match starting in one chunk may run past its end before it is
/// searched again without a bound (identifier patterns are far shorter).
const OVERLAP: usize = 4 << 10;

/// Every leftmost-first match of `re` in `lo..hi`, as `(start, end,
/// pattern)`, searched chunk by chunk so that `stop` is polled every
/// [`CHUNK`] bytes even when nothing matches. Look-around (`\b`) sees the
/// whole text, so chunk edges do not create or hide matches; a match
/// reaching the end of a chunk's overlap is re-searched unbounded. Known
/// limit: a match longer than [`OVERLAP`] (4 KiB) that starts just before a
/// chunk edge can be missed; identifier patterns are under 100 bytes.
fn each_match(
    re: &Regex,
    text: &[u8],
    lo: usize,
    hi: usize,
    stop: &Stop<'_>,
    mut f: impl FnMut(usize, usize, usize),
) {
    let mut pos = lo;
    while pos < hi {
        if stop.check() {
            return;
        }
        let limit = pos.saturating_add(CHUNK).min(hi);
        let end = limit.saturating_add(OVERLAP).min(hi);
        let mut next = limit;
        for m in re.find_iter(Input::new(text).range(pos..end)) {
            if m.start() >= limit {
                break;
            }
            let m = if m.end() == end && end < hi {
                let again = Input::new(text)
                    .range(m.start()..hi)
                    .anchored(Anchored::Yes);
                re.find(again).unwrap_or(m)
            } else {
                m
            };
            next = next.max(m.end());
            f(m.start(), m.end(), m.pattern().as_usize());
        }
        pos = next;
    }
}

/// The global pass on dense text: where each of its patterns can start a
/// match, from the [`StartIndex`], with a cursor per pattern. A search from
/// `at` is then an anchored search at the next start instead of an
/// unanchored forward and reverse search, and the patterns that also match
/// there are the ones starting there, without an overlapping search.
struct Heads {
    /// Start offsets per pattern of the combined regex, sorted.
    lists: Vec<Vec<usize>>,
    /// Per pattern, the index of its first start not yet passed.
    next: Vec<usize>,
    /// The patterns with a start not yet passed. A combined set has a
    /// pattern per label and shape (over a hundred) but a record list
    /// uses a handful: every search walks these, not every pattern.
    live: Vec<usize>,
}

/// The global pass switches to the start index once it has found at least
/// one match per this many bytes (a record list, not mail prose).
const DENSE_BYTES_PER_MATCH: usize = 256;

impl Heads {
    fn new(lists: Vec<Vec<usize>>) -> Heads {
        Heads {
            next: vec![0; lists.len()],
            live: (0..lists.len()).filter(|&i| !lists[i].is_empty()).collect(),
            lists,
        }
    }

    /// The first start at or after `at` of any pattern; a pattern whose
    /// starts are all passed leaves `live`.
    fn next_start(&mut self, at: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        let mut k = 0;
        while let Some(&pi) = self.live.get(k) {
            let (Some(list), Some(i)) = (self.lists.get(pi), self.next.get_mut(pi)) else {
                self.live.swap_remove(k);
                continue;
            };
            while list.get(*i).is_some_and(|&s| s < at) {
                *i += 1;
            }
            match list.get(*i) {
                Some(&s) => {
                    best = Some(best.map_or(s, |b| b.min(s)));
                    k += 1;
                }
                None => {
                    self.live.swap_remove(k);
                }
            }
        }
        best
    }

    /// What `g.search(text[at..window])` gives: the leftmost-first match,
    /// found by anchored searches at the starts in order (the first start
    /// whose match fits before `window` is the leftmost).
    fn search(
        &mut self,
        g: &Regex,
        text: &[u8],
        mut at: usize,
        window: usize,
    ) -> Option<regex_automata::Match> {
        while let Some(s) = self.next_start(at) {
            if s >= window {
                return None;
            }
            let input = Input::new(text).range(s..window).anchored(Anchored::Yes);
            if let Some(m) = g.search(&input) {
                return Some(m);
            }
            at = s + 1;
        }
        None
    }

    /// Push every pattern with a match starting at `s`, right after a
    /// `search` that returned a match there (so no cursor is before `s`).
    fn starting_at(&self, s: usize, pids: &mut Vec<usize>) {
        for &pid in &self.live {
            let i = self.next.get(pid).copied().unwrap_or(usize::MAX);
            if self.lists.get(pid).and_then(|l| l.get(i)) == Some(&s) {
                pids.push(pid);
            }
        }
    }
}

/// The bytes around `start..end` where a veto word of `det` counts:
/// `exclude_window` each side, cut at the nearest `exclude_stops_at`
/// character on either side.
fn veto_span(text: &[u8], start: usize, end: usize, det: &Det) -> (usize, usize) {
    let mut lo = start.saturating_sub(det.exclude_window);
    let mut hi = end.saturating_add(det.exclude_window).min(text.len());
    if let Some(set) = &det.exclude_stops_at {
        let stops = |b: &u8| set.contains(*b);
        if let Some(i) = text.get(lo..start).and_then(|t| t.iter().rposition(stops)) {
            lo += i + 1;
        }
        if let Some(i) = text.get(end..hi).and_then(|t| t.iter().position(stops)) {
            hi = end + i;
        }
    }
    (lo, hi)
}

/// Anchor spans sorted by start, with the running maximum of their ends:
/// "is some anchor within `w` of `s..e`" is one binary search.
struct NearIndex {
    /// `(start, greatest end of this and every earlier anchor)`.
    spans: Vec<(usize, usize)>,
}

impl NearIndex {
    #[cfg(test)]
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> NearIndex {
        let mut v: Vec<(usize, usize)> = spans.collect();
        v.sort();
        NearIndex::from_sorted(v)
    }

    /// The index of anchors sorted by start, made in their own vector
    /// (kept between scans, see [`Scratch`]).
    fn from_sorted(mut spans: Vec<(usize, usize)>) -> NearIndex {
        let mut max = 0;
        for (_, e) in spans.iter_mut() {
            max = max.max(*e);
            *e = max;
        }
        NearIndex { spans }
    }

    /// Does an anchor `a` exist with `a.start <= e + w` and `s <= a.end + w`?
    /// `hint`: see [`partition_point_from`].
    fn any_within(&self, s: usize, e: usize, w: usize, hint: &mut usize) -> bool {
        let n = partition_point_from(&self.spans, hint, |&(a, _)| a <= e.saturating_add(w));
        n.checked_sub(1)
            .and_then(|i| self.spans.get(i))
            .is_some_and(|&(_, max_end)| max_end.saturating_add(w) >= s)
    }

    /// Does an anchor start at or before `hi` and end at or after `lo`?
    fn any_overlapping(&self, lo: usize, hi: usize, hint: &mut usize) -> bool {
        let n = partition_point_from(&self.spans, hint, |&(a, _)| a <= hi);
        n.checked_sub(1)
            .and_then(|i| self.spans.get(i))
            .is_some_and(|&(_, max_end)| max_end >= lo)
    }
}

/// The `near_window` around a match, cut at the nearest `stops` before
/// and after it: the bytes an anchor in the same line (cell, clause) may
/// occupy. The window is at most a few hundred bytes. `.`, `!` and `?`
/// end a sentence as [`sentence_ends`] says, a line break a line as
/// [`line_ends`] says: not in "10.2", "y.o." or "COVID+?!", nor before a
/// line or sentence that goes on about the same person.
fn stopped_window(
    text: &[u8],
    start: usize,
    end: usize,
    w: usize,
    stops: &ByteSet,
) -> (usize, usize) {
    let lo = start.saturating_sub(w);
    let hi = end.saturating_add(w).min(text.len());
    let lo = (lo..start)
        .rev()
        .find(|&i| stops_here(text, i, stops))
        .map_or(lo, |i| i + 1);
    let hi = (end..hi)
        .find(|&i| stops_here(text, i, stops))
        .unwrap_or(hi);
    (lo, hi)
}

/// Does a window cut by `stops` end at `i` (see [`stopped_window`])?
fn stops_here(text: &[u8], i: usize, stops: &ByteSet) -> bool {
    let Some(&c) = text.get(i) else { return false };
    stops.contains(c)
        && match c {
            b'.' | b'!' | b'?' => sentence_ends(text, i),
            b'\n' => line_ends(text, i),
            _ => true,
        }
}

/// The position in `lists` of the sorted offsets where `stops` cut a
/// window in `text`, found now if no detector with the same stops asked
/// before.
fn stop_index<'a>(
    lists: &mut Vec<(&'a ByteSet, Vec<usize>)>,
    text: &[u8],
    stops: &'a ByteSet,
) -> usize {
    if let Some(k) = lists.iter().position(|(s, _)| *s == stops) {
        return k;
    }
    // One table lookup per byte; the checks of `stops_here` only where
    // the byte is a stop.
    let at = text
        .iter()
        .enumerate()
        .filter(|&(i, &c)| stops.contains(c) && stops_here(text, i, stops))
        .map(|(i, _)| i)
        .collect();
    lists.push((stops, at));
    lists.len() - 1
}

/// [`stopped_window`] from the sorted offsets `at` of the stops, each
/// found from the last answer (`hints`: before and after the match).
fn stops_around(
    at: &[usize],
    start: usize,
    end: usize,
    w: usize,
    len: usize,
    hints: (&mut usize, &mut usize),
) -> (usize, usize) {
    let lo = start.saturating_sub(w);
    let hi = end.saturating_add(w).min(len);
    let i = partition_point_from(at, hints.0, |&x| x < start);
    let lo = match i.checked_sub(1).and_then(|j| at.get(j)) {
        Some(&x) if x >= lo => x + 1,
        _ => lo,
    };
    let j = partition_point_from(at, hints.1, |&x| x < end);
    let hi = match at.get(j) {
        Some(&x) if x < hi => x,
        _ => hi,
    };
    (lo, hi)
}

/// Does the `.`, `!` or `?` at `i` end a sentence that the next one does
/// not continue? Not inside "10.2", "y.o." or "COVID+?!" (no white space
/// after it), and not before a sentence whose subject is a pronoun: in
/// "Jesús Nwachukwu releases Dec 30. He's on Suboxone" the drug is still
/// his.
fn sentence_ends(text: &[u8], i: usize) -> bool {
    let rest = text.get(i + 1..).unwrap_or(&[]);
    let Some(gap) = rest.iter().position(|c| !c.is_ascii_whitespace()) else {
        return true;
    };
    gap > 0 && !pronoun_at(&rest[gap..])
}

/// Does the line break at `i` end a line of a table or list? Not when the
/// next line goes on in lower case (prose wrapped at 72 columns, a PDF's
/// line) or goes on with a pronoun after a full stop (see
/// [`sentence_ends`]).
fn line_ends(text: &[u8], i: usize) -> bool {
    let next = text.get(i + 1..).unwrap_or(&[]);
    if next.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let before = text.get(..i).unwrap_or(&[]);
    let stop = before.iter().rev().find(|c| !c.is_ascii_whitespace());
    !(matches!(stop, Some(b'.' | b'!' | b'?')) && pronoun_at(next))
}

/// Does `next` start with a subject pronoun ("He", "She's", "Her")?
fn pronoun_at(next: &[u8]) -> bool {
    let word_len = next
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(next.len());
    matches!(&next[..word_len], b"He" | b"She" | b"His" | b"Her")
}

/// Is the match at `start` a capitalised word right after a capitalised
/// word and one space, the last word of a proper name ("Zumbro Ridge
/// Hospice")? A word after a dash or a colon starts a new phrase
/// ("Jane Roe - Hospice referral"), and so does an acronym after a name
/// written "Last, First" ("Lindqvist, Xiomara HCV RNA"): organizations are
/// not named that way. Nor does a name end in a word with a digit ("Akira
/// Sato A1c 9.2") or in an acronym followed by a number ("Akira Sato INR
/// 4.2") or by a sign ("Isabella Moreno COVID+", "Ana Ruiz HIV-"): that is
/// a test and its value.
fn ends_a_name(text: &[u8], start: usize) -> bool {
    let upper_at =
        |i: usize| first_char(text.get(i..).unwrap_or(&[])).is_some_and(char::is_uppercase);
    if !upper_at(start) || start < 2 || text.get(start - 1) != Some(&b' ') {
        return false;
    }
    let end = start - 1;
    let in_word =
        |c: &u8| c.is_ascii_alphabetic() || *c >= 0x80 || matches!(c, b'\'' | b'-' | b'.');
    let i = text[..end]
        .iter()
        .rposition(|c| !in_word(c))
        .map_or(0, |p| p + 1);
    let (word, rest) = {
        let w = &text[start..];
        let n = w.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        (&w[..n], &w[n..])
    };
    let acronym = word.len() >= 2 && word.iter().all(|c| !c.is_ascii_lowercase());
    let with_digit = word.iter().any(u8::is_ascii_digit);
    let signed = matches!(rest.first(), Some(b'+' | b'-'))
        && !rest.get(1).is_some_and(u8::is_ascii_alphanumeric);
    let valued = acronym
        && (signed || rest.first() == Some(&b' ') && rest.get(1).is_some_and(u8::is_ascii_digit));
    if with_digit || valued {
        return false;
    }
    let after_last_comma = text[..i].ends_with(b", ")
        && text[..i.saturating_sub(2)]
            .last()
            .is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80);
    i < end
        && upper_at(i)
        && String::from_utf8_lossy(&text[i..end])
            .chars()
            .any(char::is_lowercase)
        && !(acronym && after_last_comma)
}

/// The character `b` starts with, if it starts with a whole one.
fn first_char(b: &[u8]) -> Option<char> {
    (1..=b.len().min(4)).find_map(|n| std::str::from_utf8(&b[..n]).ok()?.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_a_name_sees_proper_names_only() {
        let t = "Rania El-Amin - Tulip City Infusion";
        assert!(ends_a_name(t.as_bytes(), t.find("Infusion").unwrap()));
        let t = "Zumbro Ridge MRI";
        assert!(ends_a_name(t.as_bytes(), t.find("MRI").unwrap()));
        let t = "Ana Ruiz, Lakeside Hospice";
        assert!(ends_a_name(t.as_bytes(), t.find("Hospice").unwrap()));
        let t = "Zumbro Ridge MRI-Center";
        assert!(ends_a_name(t.as_bytes(), t.find("MRI").unwrap()));
        let t = "Ertuğrul Kılıç - Ögür Hospice";
        assert!(ends_a_name(t.as_bytes(), t.find("Hospice").unwrap()));
        for (t, w) in [
            ("Jane Roe - Hospice referral", "Hospice"),
            ("Re: Hospice admission", "Hospice"),
            ("Jane Roe hospice", "hospice"),
            ("MRI Sodium", "Sodium"),
            ("Lindqvist, Xiomara HCV RNA", "HCV"),
            ("Akira Sato A1c 9.2", "A1c"),
            ("Akira Sato INR 4.2", "INR"),
            ("Isabella Moreno COVID+ at home", "COVID"),
            ("Isabella Moreno COVID+", "COVID"),
            ("Hospice", "Hospice"),
        ] {
            assert!(!ends_a_name(t.as_bytes(), t.find(w).unwrap()), "{t}");
        }
    }

    /// `exclude_stops_at` ends the veto window at a colon or parenthesis
    /// on either side; without it the same veto word counts.
    #[test]
    fn exclude_window_stops_at_the_given_characters() {
        let toml = |stops: &str| {
            format!(
                "[[detector]]\nid = \"code\"\npattern = '\\bZ[0-9]{{2}}\\.[0-9]\\b'\nexclude = [\"team\"]\nexclude_window = 24\n{stops}\n"
            )
        };
        let count = |rules: &str, text: &str| {
            let set = crate::dlp::rules::load_sources(&[("t.toml".into(), rules.to_string())])
                .unwrap_or_else(|e| panic!("{e}"));
            let e = Engine::compile(&set.detectors).unwrap_or_else(|e| panic!("{e}"));
            e.scan(text.as_bytes()).len()
        };
        let stops = toml("exclude_stops_at = \":()\"");
        let plain = toml("");
        for (text, with_stops, without) in [
            ("Care Team re: Otis Haugen (Z33.1)", 1, 0),
            ("Care Team Z33.1", 0, 0),
            ("Z33.1) team", 1, 0),
            ("Z33.1 team", 0, 0),
            ("re: Otis Haugen (Z33.1)", 1, 1),
        ] {
            assert_eq!(count(&stops, text), with_stops, "{text} with stops");
            assert_eq!(count(&plain, text), without, "{text} without");
        }
        let bad = toml("exclude_stops_at = \"\u{2014}\"");
        let err = crate::dlp::rules::load_sources(&[("t.toml".into(), bad)])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("t.toml:6:20:") && err.contains("ASCII"),
            "{err}"
        );
    }

    /// With `near_stops_at = "\n;"` an anchor counts only in the match's
    /// own line and table cell; without it the window crosses them.
    #[test]
    fn near_window_stops_at_the_given_characters() {
        let toml = |same: &str| {
            format!(
                "[[detector]]\nid = \"name\"\npattern = '\\bAda Roe\\b'\nignore_case = false\n\n[[detector]]\nid = \"term\"\nterms = [\"asthma\"]\nnear = [\"name\"]\nnear_window = 40\n{same}\n"
            )
        };
        let terms = |rules: &str, text: &str| {
            let set = crate::dlp::rules::load_sources(&[("t.toml".into(), rules.to_string())])
                .unwrap_or_else(|e| panic!("{e}"));
            let e = Engine::compile(&set.detectors).unwrap_or_else(|e| panic!("{e}"));
            e.scan(text.as_bytes())
                .iter()
                .filter(|f| f.detector == 1)
                .count()
        };
        let same = toml("near_stops_at = \"\\n;.\"");
        let plain = toml("");
        for (text, with_same, without) in [
            ("Ada Roe has asthma", 1, 1),
            ("asthma: Ada Roe", 1, 1),
            ("Ada Roe, nurse\nAsthma class", 0, 1),
            ("Ada Roe came in this morning\nwith asthma", 1, 1),
            ("Ada Roe came in.\nShe has asthma", 1, 1),
            ("Ada Roe came in. Her asthma", 1, 1),
            ("Ada Roe came in. Hers: asthma", 0, 1),
            ("Ada Roe came in.\nThe asthma class", 0, 1),
            ("asthma clinic\r\nAda Roe", 0, 1),
            ("Ada Roe\n\nand later, asthma", 0, 1),
            ("Name: Ada Roe; Unit: asthma clinic", 0, 1),
            ("Ada Roe's FEV1 fell to 1.9 L; asthma", 0, 1),
            ("Ada Roe's FEV1 fell to 1.9 L, asthma", 1, 1),
            ("Ada Roe left. Then asthma", 0, 1),
            (
                "Ada Roe said a great many things, at length, before the word asthma",
                0,
                0,
            ),
        ] {
            assert_eq!(terms(&same, text), with_same, "{text:?} on one line");
            assert_eq!(terms(&plain, text), without, "{text:?} in the window");
        }
    }

    /// The stops found once and looked up cut every window where walking
    /// it does: at a line a table ends, not in "10.2" or before "He".
    #[test]
    fn stop_lookups_cut_windows_as_the_walk_does() {
        let text = b"Pt: Ana Ruiz. He has DM2 (A1c 10.2). Rx metformin\nnext line\n\
                     Patient: Omar Haddad; DOB 01/02/1960 | Dx: I10 hypertension?! yes\n\
                     Lives alone. Plan: recheck";
        let Some(stops) = ByteSet::new(b"\n\t;|.!?\"") else {
            panic!("no stops");
        };
        let mut lists = Vec::new();
        let k = stop_index(&mut lists, text, &stops);
        let at = lists[k].1.clone();
        assert_eq!(stop_index(&mut lists, text, &stops), k);
        let (mut before, mut after) = (0, 0);
        for start in 0..text.len() {
            for end in [start + 1, start + 5, start + 17] {
                let end = end.min(text.len());
                for w in [0, 3, 40, 200] {
                    assert_eq!(
                        stops_around(&at, start, end, w, text.len(), (&mut before, &mut after)),
                        stopped_window(text, start, end, w, &stops),
                        "{start}..{end} w {w}"
                    );
                }
            }
        }
    }

    #[test]
    fn near_index_matches_pairwise_check() {
        let anchors = [(100, 110), (5_000, 5_011), (900, 905)];
        let ix = NearIndex::new(anchors.iter().copied());
        let pairwise = |s: usize, e: usize, w: usize| {
            anchors
                .iter()
                .any(|&(a, b)| a <= e.saturating_add(w) && s <= b.saturating_add(w))
        };
        for s in (0..6_000).step_by(37) {
            for w in [0, 10, 300] {
                assert_eq!(
                    ix.any_within(s, s + 8, w, &mut 0),
                    pairwise(s, s + 8, w),
                    "{s} {w}"
                );
            }
        }
        assert!(!NearIndex::new(std::iter::empty()).any_within(0, 1, 1_000, &mut 0));
    }

    /// The dense-text paths (start index in the global pass, the lexicon)
    /// find exactly what the plain passes find, on a record list long
    /// enough to switch, mixed with prose, exclusions, labels on their own
    /// line and words that overlap.
    #[test]
    fn dense_mode_finds_what_the_plain_passes_find() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let rules = crate::dlp::rules::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        let dense = Engine::compile(&rules.detectors).unwrap_or_else(|e| panic!("{e}"));
        let mut plain = Engine::compile(&rules.detectors).unwrap_or_else(|e| panic!("{e}"));
        plain.dense = false;
        let mut text = String::new();
        let mut x: u64 = 7;
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let names = [
            "Maria Lopez",
            "John Smith",
            "LOPEZ, MARIA",
            "Ana de la Cruz",
        ];
        let mut line = 0;
        while text.len() < 3 * CHUNK + 5_000 {
            line += 1;
            let ssn = format!(
                "{:03}-{:02}-{:04}",
                1 + next(665),
                1 + next(98),
                1 + next(9998)
            );
            text.push_str(&match line % 9 {
                0 => "Thanks for joining the meeting; the agenda covers the budget.\n".to_string(),
                1 => format!("lot {ssn} ref {ssn} part#{}\n", next(99_999_999)),
                2 => format!("Patient:\n{}  DOB {:02}/{:02}/19{:02}\n", names[line % 4], 1 + next(12), 1 + next(28), next(99)),
                3 => format!("MRN,{:08}, printed 04/1{}/2026, dob 1961-04-12 ssn {}{}\n", next(99_999_999), next(9), next(899) + 100, next(999_999)),
                4 => "Dx: E11.9 type 2 diabetes mellitus, Rx: metformin NDC 0002-1433-80 NPI 1234567893 DEA AB1234563\n".to_string(),
                _ => format!("Patient: {}  DOB: {:02}/{:02}/{}  MRN: {:08}  SSN: {ssn}  Dx: I10 hypertension  Rx: lisinopril\n", names[line % 4], 1 + next(12), 1 + next(28), 1930 + next(80), next(99_999_999)),
            });
        }
        let a = dense.scan(text.as_bytes());
        let b = plain.scan(text.as_bytes());
        assert!(a.len() > 5_000, "{}", a.len());
        assert_eq!(a, b);
    }

    #[test]
    fn chunked_search_finds_matches_across_chunk_edges() {
        let re = Regex::builder()
            .syntax(syntax(false))
            .configure(meta_config())
            .build(r"\bab+c\b")
            .unwrap_or_else(|e| panic!("{e}"));
        let mut text = vec![b' '; 3 * CHUNK];
        // One match straddling the first chunk edge, one nearly as long as
        // the overlap straddling the second.
        text[CHUNK - 2..CHUNK + 2].copy_from_slice(b"abbc");
        let long = 2 * CHUNK - 10;
        text[long] = b'a';
        for b in &mut text[long + 1..long + OVERLAP - 50] {
            *b = b'b';
        }
        text[long + OVERLAP - 50] = b'c';
        let mut got = Vec::new();
        each_match(&re, &text, 0, text.len(), &Stop::never(), |s, e, _| {
            got.push((s, e))
        });
        assert_eq!(
            got,
            vec![(CHUNK - 2, CHUNK + 2), (long, long + OVERLAP - 49)]
        );
    }
}
