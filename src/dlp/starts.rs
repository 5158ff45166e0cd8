//! Where each of many patterns can start a match, from one pass.
//!
//! Windowed and `near` detectors (nine bare digits near "SSN", a date near
//! "DOB", an NDC near a patient identifier) are searched one regex at a time
//! inside their windows. On record-dense text (a list with a labelled record
//! per line) the windows cover everything, and that is one full regex pass
//! per detector: about ten passes over the text. The global pass over
//! labelled values has the same problem in another form: a match every few
//! dozen bytes, each costing an unanchored forward search, a reverse search
//! for its start and an overlapping search for the other labels there.
//!
//! A [`StartIndex`] replaces those passes with one: a lazy DFA of all these
//! patterns, reversed and unanchored, walked backwards over the whole text,
//! reports every offset at which some match of each pattern starts. A detector's
//! leftmost-first matches in a window are then found exactly by an anchored
//! search at each of its start offsets in turn, skipping offsets inside the
//! previous match (see [`matches_into`]).
//!
//! Only patterns that cannot match the empty string are indexed. The walk
//! is one pass from the end of the text to its start, so a match of any
//! length is seen whole and the anchored walk gives what `find_iter`
//! gives.

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchError, MatchKind};

use crate::dlp::rules::RuleError;
use crate::dlp::stop::Stop;

/// Text searched between two polls of the [`Stop`].
const CHUNK: usize = 64 << 10;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// One reverse lazy DFA over the indexed patterns.
pub struct StartIndex {
    dfa: DFA,
    caches: CachePool,
    /// Pattern number (in the DFA) → caller's detector number.
    detectors: Vec<usize>,
}

/// Start offsets per indexed detector, each list sorted and distinct.
pub struct Starts {
    lists: Vec<Vec<usize>>,
    /// Detector number → index into `lists`.
    slot: Vec<Option<usize>>,
}

impl Starts {
    pub fn of(&self, detector: usize) -> Option<&[usize]> {
        let i = (*self.slot.get(detector)?)?;
        self.lists.get(i).map(Vec::as_slice)
    }

    /// Move a detector's list out (its caller is its only user); later
    /// calls see it empty.
    pub fn take(&mut self, detector: usize) -> Option<Vec<usize>> {
        let i = (*self.slot.get(detector)?)?;
        self.lists.get_mut(i).map(std::mem::take)
    }

    /// Give back a list moved out by [`Starts::take`], emptied (later
    /// calls still see it empty), so that the next text reuses its memory
    /// (see [`StartIndex::starts`]).
    pub fn put_back(&mut self, detector: usize, mut list: Vec<usize>) {
        if let Some(&Some(i)) = self.slot.get(detector)
            && let Some(slot) = self.lists.get_mut(i)
            && slot.capacity() < list.capacity()
        {
            list.clear();
            *slot = list;
        }
    }
}

/// Can `pattern` be indexed (it cannot match the empty string)?
pub fn indexable(pattern: &str, ignore_case: bool) -> bool {
    let config = syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .case_insensitive(ignore_case);
    syntax::parse_with(pattern, &config).is_ok_and(|hir| {
        let p = hir.properties();
        p.minimum_len().is_some_and(|n| n > 0)
    })
}

impl StartIndex {
    /// `patterns`: `(detector, pattern, ignore_case)`, each [`indexable`].
    pub fn build(patterns: &[(usize, &str, bool)]) -> Result<Option<StartIndex>, RuleError> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let wrapped: Vec<String> = patterns
            .iter()
            .map(|(_, p, i)| {
                if *i {
                    format!("(?i:{p})")
                } else {
                    format!("(?:{p})")
                }
            })
            .collect();
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(4 << 20),
            )
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .thompson(
                thompson::Config::new()
                    .reverse(true)
                    .utf8(false)
                    .nfa_size_limit(Some(16 << 20))
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_many(&wrapped)
            .map_err(|x| RuleError::compiled(format!("start index: {x}")))?;
        let for_pool = dfa.clone();
        let create: Box<dyn Fn() -> Cache + Send + Sync> =
            Box::new(move || for_pool.create_cache());
        Ok(Some(StartIndex {
            dfa,
            caches: Pool::new(create),
            detectors: patterns.iter().map(|p| p.0).collect(),
        }))
    }

    /// Every start offset of every indexed pattern in `text`, from one
    /// backward walk over the whole text that polls `stop` every
    /// [`CHUNK`] bytes. `None` if the scan was stopped or the lazy DFA
    /// failed; the caller then searches window by window as before.
    ///
    /// `reuse`, an earlier text's `Starts`, has its lists filled: a record
    /// list has a start every few bytes, and lists grown afresh for every
    /// text cost more in allocation and page faults than the walk.
    pub fn starts(&self, text: &[u8], stop: &Stop<'_>, reuse: Option<Starts>) -> Option<Starts> {
        let mut cache = self.caches.get();
        let mut lists = reuse.map(|s| s.lists).unwrap_or_default();
        lists.resize_with(self.detectors.len(), Vec::new);
        for list in lists.iter_mut() {
            list.clear();
        }
        self.reverse_pass(&mut cache, text, stop, &mut lists).ok()?;
        // The reverse pass reports offsets from last to first.
        for list in lists.iter_mut() {
            list.reverse();
        }
        let mut slot = Vec::new();
        for (i, &d) in self.detectors.iter().enumerate() {
            if slot.len() <= d {
                slot.resize(d + 1, None);
            }
            slot[d] = Some(i);
        }
        Some(Starts { lists, slot })
    }

    /// Walk the whole text backwards through the reverse DFA and record,
    /// for each pattern, every offset where one of its matches starts
    /// (ends, for the reversed pattern). One walk, not overlapping chunks:
    /// the DFA's state carries across chunk edges, so a match of any length
    /// is seen whole. Written out rather than using
    /// `try_search_overlapping_rev`, which in regex-automata 0.4.19
    /// reports the second and later patterns matching at one offset one
    /// byte too early (`HalfMatch::new(pattern, state.at)` where the first
    /// gets `state.at + 1`).
    fn reverse_pass(
        &self,
        cache: &mut Cache,
        text: &[u8],
        stop: &Stop<'_>,
        lists: &mut [Vec<usize>],
    ) -> Result<(), MatchError> {
        let dfa = &self.dfa;
        let record = |cache: &Cache, sid: LazyStateID, at: usize, lists: &mut [Vec<usize>]| {
            for k in 0..dfa.match_len(cache, sid) {
                if let Some(list) = lists.get_mut(dfa.match_pattern(cache, sid, k).as_usize()) {
                    list.push(at);
                }
            }
        };
        let input = Input::new(text);
        let mut sid = dfa.start_state_reverse(cache, &input)?;
        // Chunk by chunk from the end, the stop polled between chunks; the
        // inner loop walks a slice, with no per-byte bounds or poll checks.
        let mut end = text.len();
        while end > 0 {
            if stop.check() {
                return Err(MatchError::gave_up(end));
            }
            let start = end.saturating_sub(CHUNK);
            let chunk = text.get(start..end).unwrap_or_default();
            for (off, &byte) in chunk.iter().enumerate().rev() {
                let at = start + off;
                sid = dfa
                    .next_state(cache, sid, byte)
                    .map_err(|_| MatchError::gave_up(at))?;
                if sid.is_tagged() {
                    // Matches are reported one byte late: this state says a
                    // match starts right after `byte`.
                    if sid.is_match() {
                        record(cache, sid, at + 1, lists);
                    } else if sid.is_dead() {
                        return Ok(());
                    } else if sid.is_quit() {
                        return Err(MatchError::quit(byte, at));
                    }
                }
            }
            end = start;
        }
        // The last step sees the start of the text.
        sid = dfa
            .next_eoi_state(cache, sid)
            .map_err(|_| MatchError::gave_up(0))?;
        if sid.is_match() {
            record(cache, sid, 0, lists);
        }
        Ok(())
    }
}

/// The leftmost-first matches of `re` in `lo..hi`, as `find_iter` on that
/// range gives them, when `starts` holds every offset at which a match of
/// `re` can start: each start at or after the end of the previous match is
/// tried with an anchored search, and the first that matches is the next
/// leftmost match. Calls `tick` after each match; stops when it says so.
#[cfg(test)]
pub fn matches_in(
    re: &Regex,
    text: &[u8],
    starts: &[usize],
    lo: usize,
    hi: usize,
    tick: impl FnMut() -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    matches_into(re, text, starts, lo, hi, tick, &mut out);
    out
}

/// [`matches_in`] appended to `out`, a vector the caller keeps between
/// windows and texts rather than one allocated per window.
pub fn matches_into(
    re: &Regex,
    text: &[u8],
    starts: &[usize],
    lo: usize,
    hi: usize,
    mut tick: impl FnMut() -> bool,
    out: &mut Vec<(usize, usize)>,
) {
    let first = starts.partition_point(|&s| s < lo);
    // At most one match per start in the range: room for all of them.
    let last = starts.partition_point(|&s| s < hi);
    out.reserve(last.saturating_sub(first));
    let mut pos = lo;
    for &s in starts.get(first..).unwrap_or_default() {
        if s >= hi {
            break;
        }
        if s < pos {
            continue;
        }
        let input = Input::new(text).range(s..hi).anchored(Anchored::Yes);
        if let Some(m) = re.search(&input) {
            out.push((s, m.end()));
            pos = m.end();
            if tick() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(p: &str) -> Regex {
        Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .build(p)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn indexable_patterns_are_not_empty() {
        assert!(indexable(r"\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b", false));
        assert!(!indexable(r"[0-9]*", false));
        assert!(indexable(r"\bMRN\s*[0-9]+", true));
    }

    #[test]
    fn anchored_walk_equals_find_iter() {
        let pats = [
            r"\b[0-9]{3}[ .]?[0-9]{2}[ .]?[0-9]{4}\b",
            r"\b[A-Za-z]{0,3}[0-9]{6,10}\b",
            r"\b(?:[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})\b",
            r"[0-9]{2,4}",
            r"a[ab]{0,5}b",
        ];
        let text = b"x 123 45 6789 12345678901 abc123456 ab12 1999-05-12 04/12/1961 \
                     123.45.6789.1 aab abab abbbbb 0000 12 34 5678 9 a1234567b";
        let spec: Vec<(usize, &str, bool)> = pats
            .iter()
            .enumerate()
            .map(|(i, p)| (i, *p, false))
            .collect();
        let ix = StartIndex::build(&spec)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no index"));
        let starts = ix
            .starts(text, &Stop::never(), None)
            .unwrap_or_else(|| panic!("stopped"));
        for (i, p) in pats.iter().enumerate() {
            let re = meta(p);
            let list = starts.of(i).unwrap_or_else(|| panic!("no list"));
            for (lo, hi) in [(0, text.len()), (5, 40), (17, text.len() - 3)] {
                let want: Vec<(usize, usize)> = re
                    .find_iter(Input::new(&text[..]).range(lo..hi))
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let got = matches_in(&re, text, list, lo, hi, || false);
                assert_eq!(got, want, "{p} in {lo}..{hi}");
            }
        }
    }

    #[test]
    fn starts_across_chunk_edges() {
        let mut text = vec![b' '; 3 * CHUNK];
        for at in [CHUNK - 5, 2 * CHUNK - 1, 2 * CHUNK + 100] {
            text[at..at + 11].copy_from_slice(b"123-45-6789");
        }
        // Not a word start: no match starts here.
        text[2 * CHUNK + 99] = b'a';
        let ix = StartIndex::build(&[(3, r"\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b", false)])
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no index"));
        let s = ix
            .starts(&text, &Stop::never(), None)
            .unwrap_or_else(|| panic!("stopped"));
        assert_eq!(s.of(3), Some(&[CHUNK - 5, 2 * CHUNK - 1][..]));
        assert!(s.of(0).is_none());
    }

    #[test]
    fn long_matches_across_chunk_edges() {
        // A label, more than a chunk of blanks, a value: one match that
        // starts in the first chunk and ends in the third.
        let mut text = vec![b' '; 3 * CHUNK];
        text[10..14].copy_from_slice(b"MRN:");
        text[2 * CHUNK + 7..2 * CHUNK + 15].copy_from_slice(b"00482913");
        let p = r"\bMRN:\s*[0-9]{8}\b";
        let ix = StartIndex::build(&[(0, p, false)])
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no index"));
        let s = ix
            .starts(&text, &Stop::never(), None)
            .unwrap_or_else(|| panic!("stopped"));
        let list = s.of(0).unwrap_or_else(|| panic!("no list"));
        assert_eq!(list, &[10][..]);
        assert_eq!(
            matches_in(&meta(p), &text, list, 0, text.len(), || false),
            vec![(10, 2 * CHUNK + 15)]
        );
    }
}
