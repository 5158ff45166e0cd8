//! Where a match's `value` group lies, without a capture engine.
//!
//! Labelled detectors (`MRN: 00482913`, `Patient: Maria Lopez  DOB`) report
//! only their `(?P<value>...)` group. Asking the regex for captures runs a
//! backtracker over the match: 250-600 ns per match, a third of the scan time
//! on a record list with three labelled values per line.
//!
//! When the value group sits at the top level of the pattern, the pattern is
//! `P (?P<value>V) S`. The split the backtracker would report is one of the
//! offsets `p` where `P` matches `s..p` and `V S` matches `p..e`, and then
//! one of the offsets `q` where `V` matches `p..q` and `S` matches `q..e`.
//! Each set is the meeting of one forward walk (`P` from `s`, `V` from `p`)
//! and one reverse walk from `e` (`V S`, `S`) of small anchored lazy DFAs:
//! four short walks over the match (label, value and suffix are a few dozen
//! bytes), where testing each candidate offset with a walk of its own read
//! the value again for every optional space of the label. When each set has
//! exactly one element it is the backtracker's answer, whatever the
//! priorities of the alternatives; otherwise [`ValueSpan::find`] says so and
//! the caller asks for captures as before.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

type CachePool = Pool<Caches, Box<dyn Fn() -> Caches + Send + Sync>>;

/// `P` and `V` of one pattern as forward lazy DFAs, `V S` and `S` as
/// reverse ones, each reporting every match end (`MatchKind::All`).
pub struct ValueSpan {
    prefix: DFA,
    value_suffix_rev: DFA,
    value: DFA,
    /// `None` when `S` matches only the empty string (nothing, or `\b`):
    /// the value then ends where the match ends.
    suffix_rev: Option<DFA>,
    caches: CachePool,
}

struct Caches {
    prefix: Cache,
    value_suffix_rev: Cache,
    value: Cache,
    suffix_rev: Option<Cache>,
    /// The ends of the forward walk, kept between matches.
    ends: Vec<usize>,
}

impl ValueSpan {
    /// `None` when the pattern has no `value` group at its top level, or a
    /// part does not compile: captures are used for it.
    pub fn build(pattern: &str, ignore_case: bool) -> Option<ValueSpan> {
        let config = syntax::Config::new()
            .unicode(false)
            .utf8(false)
            .case_insensitive(ignore_case);
        let hir = syntax::parse_with(pattern, &config).ok()?;
        let items: Vec<Hir> = match hir.kind() {
            HirKind::Concat(items) => items.clone(),
            _ => vec![hir.clone()],
        };
        let k = items.iter().position(is_value_group)?;
        let HirKind::Capture(group) = items.get(k)?.kind() else {
            return None;
        };
        let value = (*group.sub).clone();
        let prefix = Hir::concat(items.get(..k)?.to_vec());
        let suffix = Hir::concat(items.get(k + 1..)?.to_vec());
        let value_suffix = Hir::concat(vec![value.clone(), suffix.clone()]);
        let suffix_rev = match suffix.properties().maximum_len() {
            Some(0) => None,
            _ => Some(dfa(&suffix, true)?),
        };
        let prefix = dfa(&prefix, false)?;
        let value_suffix_rev = dfa(&value_suffix, true)?;
        let value = dfa(&value, false)?;
        let parts = (
            prefix.clone(),
            value_suffix_rev.clone(),
            value.clone(),
            suffix_rev.clone(),
        );
        let create: Box<dyn Fn() -> Caches + Send + Sync> = Box::new(move || Caches {
            prefix: parts.0.create_cache(),
            value_suffix_rev: parts.1.create_cache(),
            value: parts.2.create_cache(),
            suffix_rev: parts.3.as_ref().map(DFA::create_cache),
            ends: Vec::new(),
        });
        Some(ValueSpan {
            prefix,
            value_suffix_rev,
            value,
            suffix_rev,
            caches: Pool::new(create),
        })
    }

    /// The value's span in the match `s..e` of the whole pattern, if the
    /// split is unique; `None` means "ask the capture engine".
    pub fn find(&self, text: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
        let mut guard = self.caches.get();
        let c: &mut Caches = &mut guard;
        let p = split(
            (&self.prefix, &mut c.prefix),
            (&self.value_suffix_rev, &mut c.value_suffix_rev),
            &mut c.ends,
            text,
            s,
            e,
        )?;
        let (Some(suffix_rev), Some(suffix_cache)) = (&self.suffix_rev, c.suffix_rev.as_mut())
        else {
            return Some((p, e));
        };
        let q = split(
            (&self.value, &mut c.value),
            (suffix_rev, suffix_cache),
            &mut c.ends,
            text,
            p,
            e,
        )?;
        Some((p, q))
    }
}

/// The one offset `m` in `s..=e` where `head` matches `s..m` and `tail`
/// (a reverse DFA) matches `m..e`; `None` if there are none, several, or
/// a lazy DFA failed.
fn split(
    (head, head_cache): (&DFA, &mut Cache),
    (tail, tail_cache): (&DFA, &mut Cache),
    ends: &mut Vec<usize>,
    text: &[u8],
    s: usize,
    e: usize,
) -> Option<usize> {
    ends.clear();
    walk(head, head_cache, text, s, e, &mut |at| ends.push(at))?;
    // Ascending; the reverse walk need not go below the first.
    let from = *ends.first()?;
    let mut at_most_one = true;
    let mut m = None;
    walk_rev(tail, tail_cache, text, from, e, &mut |at| {
        if ends.binary_search(&at).is_ok() {
            at_most_one &= m.is_none();
            m = Some(at);
        }
    })?;
    m.filter(|_| at_most_one)
}

fn is_value_group(h: &Hir) -> bool {
    matches!(h.kind(), HirKind::Capture(c) if c.name.as_deref() == Some("value"))
}

fn dfa(hir: &Hir, reverse: bool) -> Option<DFA> {
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
                .reverse(reverse)
                .nfa_size_limit(Some(16 << 20))
                .which_captures(thompson::WhichCaptures::None),
        )
        .build_from_hir(hir)
        .ok()?;
    DFA::builder()
        .configure(DFA::config().match_kind(MatchKind::All))
        .build_from_nfa(nfa)
        .ok()
}

/// Call `found(q)` for every `q` in `from..=limit` such that the DFA's
/// pattern matches `text[from..q]`, with look-around seeing the real text
/// on both sides. `None` if the lazy DFA failed (the caller falls back).
fn walk(
    dfa: &DFA,
    cache: &mut Cache,
    text: &[u8],
    from: usize,
    limit: usize,
    found: &mut dyn FnMut(usize),
) -> Option<()> {
    let input = Input::new(text).range(from..limit).anchored(Anchored::Yes);
    let mut sid = dfa.start_state_forward(cache, &input).ok()?;
    for at in from..limit {
        // Matches are reported one byte late: the state after `text[at]`
        // says whether a match ends at `at`.
        sid = dfa.next_state(cache, sid, *text.get(at)?).ok()?;
        if sid.is_tagged() {
            if sid.is_match() {
                found(at);
            }
            if sid.is_dead() || sid.is_quit() {
                return if sid.is_dead() { Some(()) } else { None };
            }
        }
    }
    let last = match text.get(limit) {
        Some(&b) => dfa.next_state(cache, sid, b),
        None => dfa.next_eoi_state(cache, sid),
    }
    .ok()?;
    if last.is_match() {
        found(limit);
    }
    Some(())
}

/// Call `found(q)` for every `q` in `from..=limit` such that the reverse
/// DFA's pattern matches `text[q..limit]`, with look-around seeing the real
/// text on both sides; the mirror of [`walk`]. `None` if the lazy DFA
/// failed.
fn walk_rev(
    dfa: &DFA,
    cache: &mut Cache,
    text: &[u8],
    from: usize,
    limit: usize,
    found: &mut dyn FnMut(usize),
) -> Option<()> {
    let input = Input::new(text).range(from..limit).anchored(Anchored::Yes);
    let mut sid = dfa.start_state_reverse(cache, &input).ok()?;
    for at in (from..limit).rev() {
        // One byte late, as forward: the state after `text[at]` says
        // whether a match starts at `at + 1`.
        sid = dfa.next_state(cache, sid, *text.get(at)?).ok()?;
        if sid.is_tagged() {
            if sid.is_match() {
                found(at + 1);
            }
            if sid.is_dead() || sid.is_quit() {
                return if sid.is_dead() { Some(()) } else { None };
            }
        }
    }
    let last = match from.checked_sub(1).and_then(|i| text.get(i)) {
        Some(&b) => dfa.next_state(cache, sid, b),
        None => dfa.next_eoi_state(cache, sid),
    }
    .ok()?;
    if last.is_match() {
        found(from);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta::Regex;

    /// The split agrees with the capture engine wherever it answers.
    fn check(pattern: &str, ignore_case: bool, texts: &[&str]) -> usize {
        let vs = ValueSpan::build(pattern, ignore_case).unwrap_or_else(|| panic!("{pattern}"));
        let re = Regex::builder()
            .syntax(
                syntax::Config::new()
                    .unicode(false)
                    .utf8(false)
                    .case_insensitive(ignore_case),
            )
            .build(pattern)
            .unwrap_or_else(|e| panic!("{e}"));
        let g = re
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .position(|n| n == Some("value"))
            .unwrap_or_else(|| panic!("no value group"));
        let mut caps = re.create_captures();
        let mut answered = 0;
        for t in texts {
            let b = t.as_bytes();
            for m in re.find_iter(b) {
                re.search_captures(
                    &Input::new(b)
                        .range(m.start()..m.end())
                        .anchored(Anchored::Yes),
                    &mut caps,
                );
                let want = caps.get_group(g).map(|s| (s.start, s.end));
                if let Some(got) = vs.find(b, m.start(), m.end()) {
                    assert_eq!(Some(got), want, "{pattern} on {t:?}");
                    answered += 1;
                }
            }
        }
        answered
    }

    #[test]
    fn agrees_with_captures() {
        let mrn = r"(?i:\bMRN|\bMR ?#)\s*(?:number|no\.?|#)?\s*[:#,]?\s*(?P<value>[A-Za-z]{0,3}-?[0-9](?:[0-9]|-[0-9]){3,13})\b";
        let texts = [
            "MRN: 00482913, MRN 12-34-56, mr # ab1234567 MRN number 123456 MRN#no 7777",
            "x MRN:: 99887766 MRN no. AB-12345",
        ];
        assert!(check(mrn, false, &texts) >= 4);
        let name = r"(?:Patient|Pt\.?)(?:\s*[:,\-|]\s*|[ \t]*\r?\n\s*)(?P<value>[A-Z][a-z]+(?: [A-Z]\.?)? [A-Z][a-z]+)(?:[,;:\r\n]|  |\s+[a-z(0-9]|\s+(?:DOB|MRN)\b|\s*$)";
        let texts = [
            "Patient: Maria Lopez  DOB: 1/2/1960\nPt: John Q. Smith, age 4\nPatient:\nAna Diaz DOB",
            "Patient - Maria Lopez",
        ];
        assert!(check(name, false, &texts) >= 4);
        // The value first, context after it; a value that is the whole match.
        assert!(
            check(
                r"(?P<value>[A-Z][a-z]+ [A-Z][a-z]+),? was (?:seen|admitted)",
                false,
                &["Ana Diaz was seen, Bo Li, was admitted"]
            ) >= 2
        );
        assert!(check(r"(?P<value>[0-9]{3}-[0-9]{2})", false, &["123-45 999-00"]) >= 2);
    }

    #[test]
    fn ambiguous_splits_are_left_to_captures() {
        // `a*` then `a*`: every split of a run of a's fits; the backtracker's
        // greedy choice is not derivable from the sets, so no answer.
        let vs = ValueSpan::build(r"x(a*)(?P<value>a*)y", false).unwrap_or_else(|| panic!("build"));
        assert_eq!(vs.find(b"xaaay", 0, 5), None);
        assert_eq!(vs.find(b"xy", 0, 2), Some((1, 1)));
        // No top-level value group: not handled here.
        assert!(ValueSpan::build(r"(?:a(?P<value>b))+", false).is_none());
        assert!(ValueSpan::build(r"ab", false).is_none());
    }
}
