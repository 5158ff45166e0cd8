//! Every keyword, veto word and dictionary term of a text, from one pass.
//!
//! The engine has three leftmost-longest word automata: keywords located
//! over the whole text, keywords and `exclude` words looked for around each
//! candidate, and dictionary terms searched in `near` windows. On
//! record-dense text the candidates' neighbourhoods and the windows cover
//! the text, so each of the three walks all of it (the second many times
//! over, in small overlapping pieces).
//!
//! A [`Lexicon`] walks the text once with one overlapping automaton of all
//! their words and keeps every occurrence, sorted. What each automaton's
//! `find_iter` would give on any range is then read off those occurrences
//! ([`Occurrences::leftmost_longest`]): at the first start at or after the
//! current position that has an occurrence ending inside the range, the
//! longest such occurrence, then on from its end. That is the definition of
//! leftmost-longest matching, so the result is the same match for match.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::dlp::matching::partition_point_from;
use crate::dlp::rules::RuleError;
use crate::dlp::stop::Stop;

/// One overlapping automaton over several word lists.
pub struct Lexicon {
    /// Walked byte by byte (see [`Lexicon::occurrences`]).
    dfa: DFA,
    /// Per word of `ac`: the lists it is in, and its number in each.
    owners: Vec<Vec<(usize, u32)>>,
    lists: usize,
}

/// One occurrence of a word of a list: where, and the word's number in
/// that list. Offsets are `u32` (the lexicon is not used on texts over
/// 4 GiB): a dense text has an occurrence every dozen bytes, and half the
/// size is half the memory to fault in and copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packed {
    start: u32,
    end: u32,
    pattern: u32,
}

/// One occurrence, as [`Occurrences::leftmost_longest`] reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// Every occurrence of every word, per list, sorted by start and, at one
/// start, longest first.
pub struct Occurrences {
    lists: Vec<Vec<Packed>>,
}

impl Lexicon {
    /// `lists`: the word lists of the automata this stands in for, each
    /// already lower-cased, without duplicates, as those automata were
    /// built from (ASCII case-insensitive, leftmost-longest).
    pub fn build(lists: &[&[String]]) -> Result<Option<Lexicon>, RuleError> {
        let mut words: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<(usize, u32)>> = Vec::new();
        for (k, list) in lists.iter().enumerate() {
            for (i, w) in list.iter().enumerate() {
                let at = match words.iter().position(|x| *x == w.as_str()) {
                    Some(at) => at,
                    None => {
                        words.push(w);
                        owners.push(Vec::new());
                        words.len() - 1
                    }
                };
                if let (Some(o), Ok(i)) = (owners.get_mut(at), u32::try_from(i)) {
                    o.push((k, i));
                }
            }
        }
        if words.is_empty() {
            return Ok(None);
        }
        // No prefilter: on the texts the lexicon is made for (dense ones)
        // a word starts every few bytes, and the prefilter's skip search
        // restarted after each costs more than it skips.
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&words)
            .map_err(|x| RuleError::compiled(format!("word automaton: {x}")))?;
        Ok(Some(Lexicon {
            dfa,
            owners,
            lists: lists.len(),
        }))
    }

    /// Every occurrence in `text`, polling `stop` every few hundred; `None`
    /// if it said stop or the text is over 4 GiB. `reuse`, an earlier
    /// text's `Occurrences`, has its lists filled, so that a running
    /// scanner does not allocate and fault in fresh memory for every text.
    pub fn occurrences(
        &self,
        text: &[u8],
        stop: &Stop<'_>,
        reuse: Option<Occurrences>,
    ) -> Option<Occurrences> {
        u32::try_from(text.len()).ok()?;
        let mut lists = reuse.map(|o| o.lists).unwrap_or_default();
        lists.resize_with(self.lists, Vec::new);
        // Room for a word every 16 bytes, reserved and not touched: the
        // lists of a record list do not move while they grow.
        for list in lists.iter_mut() {
            list.clear();
            list.reserve(text.len() / 16);
        }
        // The overlapping search, as a plain loop over the automaton's
        // transitions: every word ending at a byte is in the match state
        // reached by it. `find_overlapping_iter` does the same with a call
        // and its saved state per word found, on a text with a word every
        // dozen bytes.
        let dfa = &self.dfa;
        let mut sid = dfa.start_state(Anchored::No).ok()?;
        for (i, &b) in text.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !dfa.is_special(sid) || !dfa.is_match(sid) {
                continue;
            }
            let Ok(end) = u32::try_from(i + 1) else {
                return None;
            };
            for k in 0..dfa.match_len(sid) {
                let word = dfa.match_pattern(sid, k);
                let len = u32::try_from(dfa.pattern_len(word)).ok()?;
                let start = end.checked_sub(len)?;
                for &(list, pattern) in self.owners.get(word.as_usize()).into_iter().flatten() {
                    if let Some(list) = lists.get_mut(list) {
                        insert(
                            list,
                            Packed {
                                start,
                                end,
                                pattern,
                            },
                        );
                    }
                }
                if stop.tick() {
                    return None;
                }
            }
        }
        Some(Occurrences { lists })
    }
}

/// Append an occurrence, keeping the order (start, then longest first).
/// Occurrences arrive by end, so it moves back only past occurrences that
/// start later, which are within one word's length of it.
fn insert(list: &mut Vec<Packed>, o: Packed) {
    list.push(o);
    let mut j = list.len() - 1;
    while j > 0 {
        let (a, b) = (list[j - 1], list[j]);
        if a.start > b.start || (a.start == b.start && a.end < b.end) {
            list.swap(j - 1, j);
            j -= 1;
        } else {
            break;
        }
    }
}

impl Occurrences {
    /// Does any occurrence of list `k`, overlapping ones included, start
    /// in `lo..hi` with a word `word` accepts? Its start is found from
    /// `hint` (see [`partition_point_from`]).
    pub fn any_starting_in(
        &self,
        k: usize,
        lo: usize,
        hi: usize,
        hint: &mut usize,
        word: impl Fn(usize) -> bool,
    ) -> bool {
        let list = self.lists.get(k).map(Vec::as_slice).unwrap_or_default();
        let i = partition_point_from(list, hint, |o| (o.start as usize) < lo);
        list.get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|o| (o.start as usize) < hi)
            .any(|o| word(o.pattern as usize))
    }

    /// The matches the leftmost-longest automaton of list `k` finds in
    /// `lo..hi`, in order.
    pub fn leftmost_longest(&self, k: usize, lo: usize, hi: usize) -> LeftmostLongest<'_> {
        self.leftmost_longest_from(k, lo, hi, &mut 0)
    }

    /// [`Occurrences::leftmost_longest`], the start found from `hint` (see
    /// [`partition_point_from`]).
    pub fn leftmost_longest_from(
        &self,
        k: usize,
        lo: usize,
        hi: usize,
        hint: &mut usize,
    ) -> LeftmostLongest<'_> {
        let list = self.lists.get(k).map(Vec::as_slice).unwrap_or_default();
        LeftmostLongest {
            list,
            next: partition_point_from(list, hint, |o| (o.start as usize) < lo),
            pos: lo,
            hi,
        }
    }
}

/// Iterator of [`Occurrences::leftmost_longest`].
pub struct LeftmostLongest<'a> {
    list: &'a [Packed],
    next: usize,
    pos: usize,
    hi: usize,
}

impl Iterator for LeftmostLongest<'_> {
    type Item = Occurrence;

    fn next(&mut self) -> Option<Occurrence> {
        loop {
            while self
                .list
                .get(self.next)
                .is_some_and(|o| (o.start as usize) < self.pos)
            {
                self.next += 1;
            }
            let start = self.list.get(self.next)?.start;
            if start as usize >= self.hi {
                return None;
            }
            // Longest first: the first that ends inside the range.
            while let Some(o) = self.list.get(self.next).filter(|o| o.start == start) {
                self.next += 1;
                if o.end as usize <= self.hi {
                    self.pos = o.end as usize;
                    return Some(Occurrence {
                        start: o.start as usize,
                        end: o.end as usize,
                        pattern: o.pattern as usize,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasickBuilder;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|x| x.to_string()).collect()
    }

    /// The read-off matches are those of each list's own leftmost-longest
    /// automaton, on every range, with words that overlap, extend each
    /// other and are shared between lists.
    #[test]
    fn leftmost_longest_as_each_automaton_finds() {
        let lists = [
            words(&["ssn", "ssns", "dob", "s/n", "n/a", "print date", "date"]),
            words(&["date", "lot", "lot#", "part", "p/n", "ab", "bc", "abcd"]),
            words(&["type 2 diabetes", "diabetes", "2 diab", "metformin", "form"]),
        ];
        let text = b"SSNs: s/n/a lot#4 print date DOB date abcd abc bcd part p/n \
                     Type 2 Diabetes metformin; diabetes, 2 diabetes formin";
        let refs: Vec<&[String]> = lists.iter().map(Vec::as_slice).collect();
        let lex = Lexicon::build(&refs)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no words"));
        let occ = lex
            .occurrences(text, &Stop::never(), None)
            .unwrap_or_else(|| panic!("stopped"));
        for (k, list) in lists.iter().enumerate() {
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(list)
                .unwrap_or_else(|e| panic!("{e}"));
            let mut hint = 0;
            for lo in 0..text.len() {
                for hi in [lo + 1, lo + 7, lo + 30, text.len()] {
                    let hi = hi.min(text.len());
                    let want: Vec<(usize, usize, usize)> = ac
                        .find_iter(aho_corasick::Input::new(text).range(lo..hi))
                        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                        .collect();
                    let got: Vec<(usize, usize, usize)> = occ
                        .leftmost_longest_from(k, lo, hi, &mut hint)
                        .map(|m| (m.start, m.end, m.pattern))
                        .collect();
                    assert_eq!(got, want, "list {k} in {lo}..{hi}");
                }
            }
        }
    }
}
