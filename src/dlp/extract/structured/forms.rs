//! Claim-form text: the CMS-1500 (02/12) and UB-04 (CMS-1450) as they come
//! out of a PDF or a print-to-text, where a box's caption
//! (`1a. INSURED'S I.D. NUMBER`, `FL 10 Birthdate`) is followed by its value
//! on the same line or on the next one, in the caption's column.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{View, full_name, mdy, title_name};

/// Lines of a form looked at.
const MAX_FORM_LINES: usize = 5000;

#[derive(Clone, Copy, PartialEq)]
enum Field {
    MemberId,
    Patient,
    Dob,
    Account,
}

/// Captions, lower case, `'` for any apostrophe.
const LABELS: &[(&str, Field)] = &[
    ("insured's i.d. number", Field::MemberId),
    ("insured's id number", Field::MemberId),
    ("insured's unique id", Field::MemberId),
    ("fl 60", Field::MemberId),
    ("patient's name", Field::Patient),
    ("patient name", Field::Patient),
    ("fl 8", Field::Patient),
    ("patient's birth date", Field::Dob),
    ("insured's date of birth", Field::Dob),
    ("birthdate", Field::Dob),
    ("fl 10", Field::Dob),
    ("patient's account no", Field::Account),
];

/// Text that only claim forms contain, lower case; one is needed before
/// captions count.
const SIGNATURES: &[&str] = &[
    "insured's i.d. number",
    "insured\u{2019}s i.d. number",
    "patient's birth date",
    "patient\u{2019}s birth date",
    "insured's unique id",
    "insured\u{2019}s unique id",
    "health insurance claim form",
    "ub-04",
    "ub04",
];

/// The signatures' finders, over ASCII-lower-cased text.
///
/// Every message body is probed. A case-insensitive regex over the
/// signatures prefilters on two-letter case variants (`pa`, `In`, `UB`),
/// which a record list has on every line (`Patient:`): each hit then runs
/// the regex, and the probe cost more than the scan it gates. Folding the
/// text a chunk at a time and running one SIMD substring search per
/// signature costs a few instructions per byte on any text.
fn finders() -> &'static [memchr::memmem::Finder<'static>] {
    static F: OnceLock<Vec<memchr::memmem::Finder<'static>>> = OnceLock::new();
    F.get_or_init(|| {
        SIGNATURES
            .iter()
            .map(|s| memchr::memmem::Finder::new(s.as_bytes()).into_owned())
            .collect()
    })
}

/// Bytes folded and searched at a time.
const PROBE_CHUNK: usize = 64 << 10;

fn labels() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(LABELS.iter().map(|l| l.0))
            .ok()
    })
    .as_ref()
}

/// Does `b` contain a signature, ASCII case aside?
pub(super) fn candidate(b: &[u8]) -> bool {
    let finders = finders();
    let longest = SIGNATURES.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut folded = Vec::with_capacity(PROBE_CHUNK.min(b.len()) + longest);
    let mut at = 0;
    while at < b.len() {
        // Each chunk reaches into the next by a signature's length less
        // one, so a signature across the edge is seen whole.
        let end = at.saturating_add(PROBE_CHUNK).min(b.len());
        let reach = end.saturating_add(longest.saturating_sub(1)).min(b.len());
        folded.clear();
        folded.extend_from_slice(b.get(at..reach).unwrap_or_default());
        folded.make_ascii_lowercase();
        if finders.iter().any(|f| f.find(&folded).is_some()) {
            return true;
        }
        at = end;
    }
    false
}

pub(super) fn render(text: &str, v: &mut View) {
    let Some(ac) = labels() else { return };
    let lines: Vec<String> = text
        .lines()
        .take(MAX_FORM_LINES)
        .map(|l| l.replace(['\u{2019}', '\u{2018}'], "'"))
        .collect();
    let mut headed = false;
    for (i, line) in lines.iter().enumerate() {
        if v.full() {
            return;
        }
        let found: Vec<(usize, usize, Field)> = ac
            .find_iter(line.as_str())
            .filter(|m| {
                // `fl 8` is not `fl 80`.
                !line.as_bytes().get(m.end()).is_some_and(u8::is_ascii_digit)
            })
            .filter_map(|m| {
                LABELS
                    .get(m.pattern().as_usize())
                    .map(|l| (m.start(), m.end(), l.1))
            })
            .collect();
        for (k, &(start, end, field)) in found.iter().enumerate() {
            let next = found.get(k + 1);
            // `FL 8 Patient Name`: the number and the caption are one box.
            if next.is_some_and(|n| n.2 == field && n.0.saturating_sub(end) <= 3) {
                continue;
            }
            let stop = next.map_or(line.len(), |n| box_start(line, n.0).max(end));
            let same = line.get(end..stop).map(strip_caption).unwrap_or_default();
            let Some(rendered) = render_value(field, &same)
                .or_else(|| render_value(field, &below(&lines, i, box_start(line, start))))
            else {
                continue;
            };
            if !headed {
                v.heading("Health insurance claim form (CMS-1500 / UB-04)");
                headed = true;
            }
            let label = match field {
                Field::MemberId => "Member ID",
                Field::Patient => "Patient",
                Field::Dob => "DOB",
                Field::Account => "Patient Account #",
            };
            v.field(label, &rendered);
        }
    }
}

/// Where the box begins: the caption, or its number (`2. `, `1a. `) before it.
fn box_start(line: &str, caption: usize) -> usize {
    let head = line.get(..caption).unwrap_or("");
    let trimmed = head.trim_end();
    let num = trimmed.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '.');
    if trimmed.len() - num.len() <= 4 && num.len() < trimmed.len() {
        num.len()
    } else {
        caption
    }
}

/// The value under a caption: the next non-empty line, from the caption's
/// column to the next wide gap.
fn below(lines: &[String], i: usize, col: usize) -> String {
    let Some(next) = lines
        .iter()
        .skip(i + 1)
        .take(2)
        .find(|l| !l.trim().is_empty())
    else {
        return String::new();
    };
    let from = next
        .get(col..)
        .filter(|r| !r.trim().is_empty())
        .unwrap_or(next);
    column(from.trim_start())
}

/// Up to the first gap of two spaces or a tab (the next column).
fn column(s: &str) -> String {
    let end = [s.find("  "), s.find('\t')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(s.len());
    s.get(..end).unwrap_or(s).trim().to_string()
}

/// What follows a caption on its line, minus the caption's own fine print:
/// `(Last Name, First Name, Middle Initial)`, `MM DD YY`, `:` and the like.
fn strip_caption(rest: &str) -> String {
    let mut s = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '#' | '.' | '-' | ')')
    });
    loop {
        let before = s.len();
        if s.starts_with('(')
            && let Some(close) = s.find(')')
        {
            s = s.get(close + 1..).unwrap_or("");
        }
        for w in [
            "mm", "dd", "yyyy", "yy", "|", "/", "no.", "no", "number", "(if any)",
        ] {
            if s.len() >= w.len()
                && s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
                && !s
                    .get(w.len()..)
                    .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphanumeric()))
            {
                s = s.get(w.len()..).unwrap_or("");
            }
        }
        s = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '#' | '.' | '-'));
        if s.len() == before {
            break;
        }
    }
    column(s)
}

fn render_value(field: Field, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match field {
        Field::MemberId | Field::Account => {
            let id = value.split_whitespace().next()?;
            id.bytes()
                .any(|b| b.is_ascii_digit())
                .then(|| id.to_string())
        }
        Field::Patient => {
            if !value.chars().next()?.is_alphabetic() {
                return None;
            }
            let mut parts = value.split(',').map(str::trim);
            let last = parts.next().unwrap_or("");
            match parts.next() {
                Some(first) if !first.is_empty() => Some(full_name(first, last)),
                _ => Some(title_name(value)),
            }
        }
        Field::Dob => dob(value),
    }
}

/// `04 12 1961`, `04 12 61`, `04/12/1961`, `041261`, `04121961`.
fn dob(value: &str) -> Option<String> {
    let groups: Vec<&str> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .take(3)
        .collect();
    let (m, d, y) = match groups.as_slice() {
        [m, d, y, ..] => (*m, *d, *y),
        [all] if all.len() == 6 || all.len() == 8 => (all.get(..2)?, all.get(2..4)?, all.get(4..)?),
        _ => return None,
    };
    let (m, d, y): (u32, u32, u32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    let y = match y {
        0..=99 => {
            let now = this_year() % 100;
            if y > now { 1900 + y } else { 2000 + y }
        }
        _ => y,
    };
    mdy(y, m, d)
}

fn this_year() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    1970 + (secs / 31_556_952) as u32
}

#[cfg(test)]
mod tests {
    use super::super::labelled_view;
    use super::{PROBE_CHUNK, SIGNATURES, candidate};

    /// The probe finds every signature in any ASCII case, at the start, at
    /// the end and across a chunk edge, and nothing in prose that only
    /// shares their first letters.
    #[test]
    fn probe_finds_signatures_anywhere() {
        let filler = "Patient: pa PA Pa ins INS ub UB claim forms insured patients. ";
        let mut prose = String::new();
        while prose.len() < 3 * PROBE_CHUNK {
            prose.push_str(filler);
        }
        assert!(!candidate(prose.as_bytes()));
        for sig in SIGNATURES {
            let upper = sig.to_uppercase();
            for at in [
                0,
                PROBE_CHUNK - 3,
                PROBE_CHUNK,
                2 * PROBE_CHUNK - 1,
                prose.len(),
            ] {
                let mut t = prose.clone().into_bytes();
                t.splice(at..at, upper.bytes());
                assert!(candidate(&t), "{upper:?} at {at}");
            }
        }
    }

    #[test]
    fn cms1500_text() {
        let form = "HEALTH INSURANCE CLAIM FORM\n\
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12\n\
1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN     1a. INSURED\u{2019}S I.D. NUMBER (For Program in Item 1)\n\
                                                               XYZ884412937\n\
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)   3. PATIENT'S BIRTH DATE MM DD YY   SEX\n\
LOPEZ, MARIA, A                                             04 12 61                  F\n\
26. PATIENT'S ACCOUNT NO. PCN20260314A\n";
        let v = labelled_view(form).unwrap_or_default();
        for want in [
            "Member ID: XYZ884412937\n",
            "Patient: Maria Lopez\n",
            "DOB: 04/12/1961\n",
            "Patient Account #: PCN20260314A\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn ub04_text() {
        let form = "UB-04 CMS-1450\nFL 8 Patient Name: GARCIA, JOSE\nFL 10 Birthdate: 01021955\nFL 60 Insured's Unique ID: W288812345\n";
        let v = labelled_view(form).unwrap_or_default();
        for want in [
            "Patient: Jose Garcia\n",
            "DOB: 01/02/1955\n",
            "Member ID: W288812345\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn captions_without_values_have_no_view() {
        let blank = "HEALTH INSURANCE CLAIM FORM\n2. PATIENT'S NAME (Last Name, First Name, Middle Initial)\n\n3. PATIENT'S BIRTH DATE MM DD YY\n";
        assert!(labelled_view(blank).is_none());
    }

    #[test]
    fn signature_probe_matches_each_signature_in_any_ascii_case() {
        for sig in super::SIGNATURES {
            for text in [sig.to_string(), sig.to_uppercase(), format!("x {sig} y")] {
                assert!(super::candidate(text.as_bytes()), "{text}");
            }
        }
        assert!(super::candidate("PATIENT\u{2019}S BIRTH DATE".as_bytes()));
        for miss in [
            "insured s i.d. number",
            "ub-4",
            "patient's birthdate",
            "UB 04",
        ] {
            assert!(!super::candidate(miss.as_bytes()), "{miss}");
        }
    }
}
