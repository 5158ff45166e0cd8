//! Keyword automata and span arithmetic for the engine: where to search,
//! and whether a match stands alone. Kept apart from `engine.rs` so the
//! scanning strategy reads without the byte-level details.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::dlp::rules::RuleError;

/// Extra bytes around a keyword or anchor window, so that a match near a
/// window edge is still wholly inside the searched range.
const PAD: usize = 128;

/// Each word, and for a phrase also the phrase broken across two lines at
/// one of its spaces: a table cell or a PDF column wraps "Date of birth" as
/// "Date of\nbirth", and the label is still there. One break per phrase:
/// a two- or three-word label in a narrow cell wraps once. For keyword
/// automata only: the local automaton of context and veto words would grow
/// by several megabytes per engine with them.
pub fn with_wrapped_variants(words: Vec<(String, usize)>) -> Vec<(String, usize)> {
    let mut out = Vec::with_capacity(words.len());
    for (w, g) in words {
        for (i, _) in w.match_indices(' ') {
            for nl in ["\n", "\r\n"] {
                out.push((format!("{}{nl}{}", &w[..i], &w[i + 1..]), g));
            }
        }
        out.push((w, g));
    }
    out
}

/// The non-empty proper prefixes of `w` that end on a character boundary,
/// shortest first. (Looking each up in a set is linear in the words, where
/// comparing every word with every other was quadratic and took most of
/// the rules' load time.)
fn proper_prefixes(w: &str) -> impl Iterator<Item = &str> {
    w.char_indices().skip(1).map(move |(i, _)| &w[..i])
}

/// A keyword automaton: leftmost-longest, with each word also carrying the
/// groups of the shorter words it starts with (`ssns` counts as `ssn`).
pub struct Words {
    ac: AhoCorasick,
    /// The automaton's words, for a [`crate::dlp::lexicon::Lexicon`].
    list: Vec<String>,
    groups: Vec<Vec<usize>>,
    /// Per group, a bit per word: `groups` turned around, for testing one
    /// group against every occurrence of a text.
    members: Vec<Vec<u64>>,
    /// Per group: veto words, which match whole words only.
    whole: Vec<bool>,
}

impl Words {
    /// `whole[g]`: group `g` holds veto words, which match whole words only
    /// (see [`Words::any_of`]); other groups' words match at a word start.
    pub fn build(words: Vec<(String, usize)>, whole: &[bool]) -> Result<Option<Words>, RuleError> {
        if words.is_empty() {
            return Ok(None);
        }
        let is_whole = |g: usize| whole.get(g).copied().unwrap_or(false);
        let mut list: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        // Keywords match at a word start and may continue (`diagnos` finds
        // `diagnosis` and `diagnosed`), so a word that merely extends another
        // word of the same group is redundant; fewer words keep the
        // automaton's SIMD prefilter effective. Not so for whole words:
        // `rev` does not stand for `reviewed`.
        let present: std::collections::HashSet<(&str, usize)> =
            words.iter().map(|(w, g)| (w.as_str(), *g)).collect();
        let kept: Vec<(String, usize)> = words
            .iter()
            .filter(|(w, g)| {
                is_whole(*g) || !proper_prefixes(w).any(|q| present.contains(&(q, *g)))
            })
            .cloned()
            .collect();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (w, g) in kept {
            match index.get(&w) {
                Some(&i) => groups[i].push(g),
                None => {
                    index.insert(w.clone(), list.len());
                    list.push(w);
                    groups.push(vec![g]);
                }
            }
        }
        // A longer word found by the automaton also stands for the words it
        // continues, in the groups that match at a word start, and for the
        // whole words it begins with: a lab test's "vitamin d" must not
        // hide the veto word "vitamin" of another detector.
        let base = groups.clone();
        for (i, w) in list.iter().enumerate() {
            for q in proper_prefixes(w) {
                if let Some(&j) = index.get(q) {
                    let ends_a_word = w
                        .as_bytes()
                        .get(q.len())
                        .is_some_and(|b| !b.is_ascii_alphanumeric());
                    groups[i].extend(
                        base[j]
                            .iter()
                            .copied()
                            .filter(|g| !is_whole(*g) || ends_a_word),
                    );
                }
            }
        }
        // A DFA, not the default contiguous NFA: keywords are short and
        // common letters, so no prefilter skips much, and the DFA's one
        // table lookup per byte is about 1.6x faster on mail prose.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&list)
            .map_err(|x| RuleError::compiled(format!("keyword automaton: {x}")))?;
        let n_groups = groups.iter().flatten().max().map_or(0, |g| g + 1);
        let mut members = vec![vec![0u64; list.len().div_ceil(64)]; n_groups];
        for (i, gs) in groups.iter().enumerate() {
            for &g in gs {
                if let Some(w) = members.get_mut(g).and_then(|b| b.get_mut(i / 64)) {
                    *w |= 1 << (i % 64);
                }
            }
        }
        Ok(Some(Words {
            ac,
            list,
            groups,
            members,
            whole: whole.to_vec(),
        }))
    }

    /// Does word `pattern` count for `group` (see [`Words::any_of`])?
    pub fn in_group(&self, pattern: usize, group: usize) -> bool {
        self.members
            .get(group)
            .and_then(|bits| bits.get(pattern / 64))
            .is_some_and(|w| w & (1 << (pattern % 64)) != 0)
    }

    /// The words, in the automaton's pattern order.
    pub fn list(&self) -> &[String] {
        &self.list
    }

    /// Start offsets per group of every whole-word occurrence.
    /// `reuse`: the lists of an earlier text, filled again (their memory
    /// is kept; see the engine's `Scratch`).
    pub fn positions(
        &self,
        text: &[u8],
        n_groups: usize,
        reuse: Vec<Vec<usize>>,
    ) -> Vec<Vec<usize>> {
        let found = self
            .ac
            .find_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()));
        self.positions_of(text, n_groups, found, reuse)
    }

    /// [`Words::positions`] from this automaton's matches found another way
    /// (`(start, pattern)`, as `find_iter` gives them).
    pub fn positions_of(
        &self,
        text: &[u8],
        n_groups: usize,
        found: impl Iterator<Item = (usize, usize)>,
        reuse: Vec<Vec<usize>>,
    ) -> Vec<Vec<usize>> {
        let mut pos = reuse;
        pos.resize_with(n_groups, Vec::new);
        for list in pos.iter_mut() {
            list.clear();
        }
        for (start, pattern) in found {
            if word_start(text, start) {
                for &g in self.groups.get(pattern).into_iter().flatten() {
                    if let Some(list) = pos.get_mut(g) {
                        list.push(start);
                    }
                }
            }
        }
        pos
    }

    pub fn any_in(&self, text: &[u8], group: usize, lo: usize, hi: usize) -> bool {
        let found = self
            .ac
            .find_iter(aho_corasick::Input::new(text).range(lo..hi.min(text.len())))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()));
        self.any_of(text, group, found)
    }

    /// [`Words::any_in`] from this automaton's matches in the range found
    /// another way, as `(start, end, pattern)`. In a group of veto words no
    /// letter may follow the word (but a plural `s`): `sir` is not in
    /// `Siranush`, `new` not in `Newman`, `so` not in `SOTO`; keywords only
    /// need to start one (`ssn` in `SSNs`).
    pub fn any_of(
        &self,
        text: &[u8],
        group: usize,
        mut found: impl Iterator<Item = (usize, usize, usize)>,
    ) -> bool {
        let whole = self.whole.get(group).copied().unwrap_or(false);
        found.any(|(start, end, pattern)| {
            word_start(text, start)
                && (!whole || word_end(text, end))
                && self.groups.get(pattern).is_some_and(|g| g.contains(&group))
        })
    }
}

/// Does the pattern start with a letter (a label such as `MRN`), after
/// leading groups, flags and `\b`? Such patterns are rare in text and are
/// searched globally; patterns that start with a digit or class are shapes
/// that occur everywhere and are searched only around their keywords.
pub fn starts_with_label(p: &str) -> bool {
    let mut s = p;
    loop {
        let t = s
            .trim_start_matches("(?:")
            .trim_start_matches("(?i:")
            .trim_start_matches("(?i)")
            .trim_start_matches("(?-u:")
            .trim_start_matches("(?-u)")
            .trim_start_matches("\\b");
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Merge `(start, end)` spans widened by `window` (+ padding) into sorted,
/// non-overlapping search ranges clipped to the text. Spans that come
/// sorted by start (keyword positions, sorted anchors) are merged as they
/// arrive, without collecting them; out-of-order input is collected and
/// sorted. The result, the union of the widened spans, is the same.
pub fn merge(
    spans: impl Iterator<Item = (usize, usize)>,
    window: usize,
    len: usize,
) -> Vec<(usize, usize)> {
    let widen = |(s, e): (usize, usize)| {
        (
            s.saturating_sub(window.saturating_add(PAD)),
            e.saturating_add(window).saturating_add(PAD).min(len),
        )
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut unsorted: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans.map(widen) {
        if !unsorted.is_empty() || out.last().is_some_and(|last| s < last.0) {
            unsorted.push((s, e));
        } else {
            push_merged(&mut out, s, e);
        }
    }
    if !unsorted.is_empty() {
        unsorted.append(&mut out);
        unsorted.sort_unstable();
        for (s, e) in unsorted {
            push_merged(&mut out, s, e);
        }
    }
    out
}

/// Append `s..e` (`s` not before the last range's start), joining it to the
/// last range when they overlap or touch.
fn push_merged(out: &mut Vec<(usize, usize)>, s: usize, e: usize) {
    match out.last_mut() {
        Some(last) if s <= last.1 => last.1 = last.1.max(e),
        _ => out.push((s, e)),
    }
}

/// Is any of the sorted positions within `window` bytes of `start..end`?
/// `hint` is the previous answer's index for this list (see
/// [`partition_point_from`]).
pub fn within(list: &[usize], hint: &mut usize, start: usize, end: usize, window: usize) -> bool {
    let lo = start.saturating_sub(window);
    let hi = end.saturating_add(window);
    let i = partition_point_from(list, hint, |&p| p < lo);
    list.get(i).is_some_and(|&p| p <= hi)
}

/// `list.partition_point(pred)`, found by galloping from `*hint` (the
/// previous answer, updated): the engine asks about candidates in text
/// order, so each answer is a few elements from the last, and a search over
/// a list of a million positions touches a few nearby cache lines instead
/// of twenty scattered ones. `pred` must be true on a prefix of `list`.
pub fn partition_point_from<T>(list: &[T], hint: &mut usize, pred: impl Fn(&T) -> bool) -> usize {
    let h = (*hint).min(list.len());
    let (mut lo, mut hi) = (0, list.len());
    if list.get(h).is_some_and(&pred) {
        // The answer is after `h`: double the step until past it.
        lo = h + 1;
        let mut step = 1;
        while let Some(x) = list.get(h + step) {
            if !pred(x) {
                hi = h + step;
                break;
            }
            lo = h + step + 1;
            step *= 2;
        }
    } else {
        // The answer is at or before `h`.
        hi = h;
        let mut step = 1;
        while let Some(i) = h.checked_sub(step) {
            if list.get(i).is_some_and(&pred) {
                lo = i + 1;
                break;
            }
            hi = i;
            step *= 2;
        }
    }
    let answer = lo + list.get(lo..hi).unwrap_or_default().partition_point(&pred);
    *hint = answer;
    answer
}

/// The characters a `*_stops_at` setting ends a window at. Windows are
/// walked byte by byte around every candidate, so a byte is looked up in a
/// table rather than searched for in a list (`<[u8]>::contains` is a memchr
/// call per byte, 9% of a PHI-dense list's scan).
#[derive(Clone, PartialEq)]
pub struct ByteSet(Box<[bool; 256]>);

impl ByteSet {
    /// `None` for no characters: the window is not cut.
    pub fn new(bytes: &[u8]) -> Option<ByteSet> {
        if bytes.is_empty() {
            return None;
        }
        let mut set = Box::new([false; 256]);
        for &b in bytes {
            set[usize::from(b)] = true;
        }
        Some(ByteSet(set))
    }

    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }
}

/// Identifiers must stand alone: no letter or digit directly beside them,
/// and not be one segment of a longer dashed/dotted number (a part number
/// `123-45-6789-01` is not an SSN).
pub fn boundary(text: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| text.get(i)).copied();
    let after = text.get(end).copied();
    if before.is_some_and(|b| b.is_ascii_alphanumeric())
        || after.is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return false;
    }
    let joined = |sep: Option<u8>, next: Option<u8>| {
        matches!(sep, Some(b'-' | b'.' | b'/')) && next.is_some_and(|b| b.is_ascii_digit())
    };
    let before2 = start.checked_sub(2).and_then(|i| text.get(i)).copied();
    let after2 = text.get(end + 1).copied();
    !(joined(before, before2) || joined(after, after2))
}

/// Does a word end at `end`, or after one more `s` (a plural)? A digit may
/// follow: `INC0048213` and `CHG5654500` are an `inc` and a `chg`.
fn word_end(text: &[u8], end: usize) -> bool {
    let letter = |i: usize| text.get(i).is_some_and(|b| b.is_ascii_alphabetic());
    let last = end.checked_sub(1).is_some_and(letter);
    !last || !letter(end) || (matches!(text.get(end), Some(b's' | b'S')) && !letter(end + 1))
}

/// Keywords must begin a word (`dob` in `adobe` is not a keyword) but may
/// continue it (`ssn` counts in `ssns`).
fn word_start(text: &[u8], start: usize) -> bool {
    let first = text.get(start).is_some_and(|b| b.is_ascii_alphanumeric());
    !(first
        && start
            .checked_sub(1)
            .and_then(|i| text.get(i))
            .is_some_and(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(words: Vec<(String, usize)>, whole: &[bool]) -> Words {
        Words::build(words, whole)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no words"))
    }

    #[test]
    fn boundaries() {
        assert!(boundary(b"x 123-45-6789 y", 2, 13));
        assert!(!boundary(b"123-45-6789-01", 0, 11));
        assert!(!boundary(b"a123-45-6789", 1, 12));
        assert!(boundary(b"ssn: 123-45-6789.", 5, 16));
    }

    /// A keyword phrase also matches broken across two lines at one of
    /// its spaces, not at two.
    #[test]
    fn keyword_phrases_match_across_one_line_break() {
        let words = with_wrapped_variants(vec![("date of birth".to_string(), 0)]);
        let w = built(words, &[]);
        let any = |t: &str| w.any_in(t.as_bytes(), 0, 0, t.len());
        assert!(any("Date of\nbirth"));
        assert!(any("Date\r\nof birth"));
        assert!(!any("Date\nof\nbirth"));
    }

    /// Keywords (group 0) match at a word start; veto words (group 1)
    /// match whole words, a plural, or a word running into digits.
    #[test]
    fn keywords_at_word_start_vetoes_whole() {
        let words = vec![
            ("ssn".to_string(), 0),
            ("sir".to_string(), 1),
            ("rev".to_string(), 1),
            ("reviewed".to_string(), 1),
            ("inc".to_string(), 1),
        ];
        let w = built(words, &[false, true]);
        let any = |t: &str, g: usize| w.any_in(t.as_bytes(), g, 0, t.len());
        assert!(any("SSNs on file", 0));
        assert!(!any("adobe ssnx", 1));
        assert!(!any("Dear Siranush,", 1));
        assert!(any("Dear Sir,", 1));
        assert!(any("reviewed 10/30/2026", 1));
        assert!(any("rev 3", 1));
        assert!(!any("revenue 3", 1));
        assert!(any("ticket INC0048213", 1));
        assert!(!any("income", 1));
    }

    /// A longer word of another group that begins with a veto word, as a
    /// whole word, does not hide it: "vitamin d" (a keyword) still holds
    /// the veto word "vitamin"; "reviewer" does not hold "review".
    #[test]
    fn a_longer_phrase_does_not_hide_a_veto_word() {
        let words = vec![
            ("vitamin d".to_string(), 0),
            ("vitamin".to_string(), 1),
            ("reviewer".to_string(), 0),
            ("review".to_string(), 1),
        ];
        let w = built(words, &[false, true]);
        let any = |t: &str, g: usize| w.any_in(t.as_bytes(), g, 0, t.len());
        assert!(any("Vitamin D. levels", 0));
        assert!(any("Vitamin D. levels", 1));
        assert!(any("Vitamin C", 1));
        assert!(any("the reviewer", 0));
        assert!(!any("the reviewer", 1));
    }

    #[test]
    fn label_heuristic() {
        assert!(starts_with_label(r"(?i:\bMRN|x)"));
        assert!(!starts_with_label(r"\b[0-9]{9}\b"));
        assert!(!starts_with_label(r"\b(?:[12][0-9]{9})"));
    }

    #[test]
    fn galloping_partition_point() {
        let list: Vec<usize> = (0..500).map(|i| i * 3 + i % 7).collect();
        let mut hint = 0;
        for (k, x) in [0, 1500, 17, 18, 900, 901, 0, 3000, 2, 1234, 1235, 1]
            .into_iter()
            .enumerate()
        {
            let want = list.partition_point(|&p| p < x);
            assert_eq!(
                partition_point_from(&list, &mut hint, |&p| p < x),
                want,
                "{k}"
            );
            assert_eq!(hint, want);
        }
        let mut hint = 7;
        assert_eq!(
            partition_point_from(&[] as &[usize], &mut hint, |&p| p < 3),
            0
        );
    }

    #[test]
    fn windows_merge() {
        assert_eq!(
            merge([(500, 510), (600, 610)].into_iter(), 10, 10_000),
            vec![(362, 748)]
        );
        assert_eq!(merge([(0, 5)].into_iter(), 10, 50), vec![(0, 50)]);
        // Out of order: the same union as sorted input.
        let spans = [
            (5000, 5010),
            (100, 110),
            (4700, 4710),
            (9000, 9001),
            (300, 320),
        ];
        let mut sorted = spans;
        sorted.sort_unstable();
        assert_eq!(
            merge(spans.into_iter(), 50, 100_000),
            merge(sorted.into_iter(), 50, 100_000)
        );
        assert_eq!(
            merge(spans.into_iter(), 50, 100_000),
            vec![(0, 498), (4522, 5188), (8822, 9179)]
        );
    }
}
