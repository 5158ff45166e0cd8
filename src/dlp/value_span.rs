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
//! Each set is found by walking small anchored lazy DFAs over the match
//! (label, value and suffix are a few dozen bytes). When each set has exactly
//! one element it is the backtracker's answer, whatever the priorities of
//! the alternatives; otherwise [`ValueSpan::find`] says so and the caller
//! asks for captures as before.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

type CachePool = Pool<Caches, Box<dyn Fn() -> Caches + Send + Sync>>;

/// `P`, `V S`, `V` and `S` of one pattern as forward lazy DFAs that report
/// every match end (`MatchKind::All`).
pub struct ValueSpan {
    prefix: DFA,
    value_suffix: DFA,
    value: DFA,
    /// `None` when `S` matches only the empty string (nothing, or `\b`):
    /// the value then ends where the match ends.
    suffix: Option<DFA>,
    caches: CachePool,
}

struct Caches {
    prefix: Cache,
    value_suffix: Cache,
    value: Cache,
    suffix: Option<Cache>,
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
        let suffix = match suffix.properties().maximum_len() {
            Some(0) => None,
            _ => Some(dfa(&suffix)?),
        };
        let prefix = dfa(&prefix)?;
        let value_suffix = dfa(&value_suffix)?;
        let value = dfa(&value)?;
        let parts = (
            prefix.clone(),
            value_suffix.clone(),
            value.clone(),
            suffix.clone(),
        );
        let create: Box<dyn Fn() -> Caches + Send + Sync> = Box::new(move || Caches {
            prefix: parts.0.create_cache(),
            value_suffix: parts.1.create_cache(),
            value: parts.2.create_cache(),
            suffix: parts.3.as_ref().map(DFA::create_cache),
        });
        Some(ValueSpan {
            prefix,
            value_suffix,
            value,
            suffix,
            caches: Pool::new(create),
        })
    }

    /// The value's span in the match `s..e` of the whole pattern, if the
    /// split is unique; `None` means "ask the capture engine".
    pub fn find(&self, text: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
        let mut guard = self.caches.get();
        let c: &mut Caches = &mut guard;
        let mut p = None;
        let mut unique = true;
        walk(&self.prefix, &mut c.prefix, text, s, e, &mut |at| {
            if unique && matches_exactly(&self.value_suffix, &mut c.value_suffix, text, at, e) {
                unique = p.is_none();
                p = Some(at);
            }
        })?;
        let p = p.filter(|_| unique)?;
        let (Some(suffix), Some(suffix_cache)) = (&self.suffix, c.suffix.as_mut()) else {
            return Some((p, e));
        };
        let mut q = None;
        walk(&self.value, &mut c.value, text, p, e, &mut |at| {
            if unique && matches_exactly(suffix, suffix_cache, text, at, e) {
                unique = q.is_none();
                q = Some(at);
            }
        })?;
        q.filter(|_| unique).map(|q| (p, q))
    }
}

fn is_value_group(h: &Hir) -> bool {
    matches!(h.kind(), HirKind::Capture(c) if c.name.as_deref() == Some("value"))
}

fn dfa(hir: &Hir) -> Option<DFA> {
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
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

/// Does the DFA's pattern match exactly `text[from..to]`?
fn matches_exactly(dfa: &DFA, cache: &mut Cache, text: &[u8], from: usize, to: usize) -> bool {
    let mut hit = false;
    walk(dfa, cache, text, from, to, &mut |at| hit |= at == to).is_some() && hit
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
