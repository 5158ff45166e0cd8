//! Labelled views of healthcare interchange formats.
//!
//! HL7 v2, X12, FHIR, CDA, NCPDP SCRIPT and claim-form text carry PHI in
//! positions, not next to words: `PID|1||00482913^^^MR||LOPEZ^MARIA||19610412`
//! has a record number,
//! a name and a birth date, but none of the labels the rules look for. Rather
//! than teaching every rule every format, this module renders the fields it
//! recognises as plain labelled lines (`MRN: 00482913`, `Patient: Maria
//! Lopez`, `DOB: 04/12/1961`), which [`Budget::push`](super::Budget::push)
//! scans as a second segment with the same part kind and label as the
//! original. Values are copied as they are, except that dates become
//! MM/DD/YYYY, ICD-10 codes get their dot and all-capital names are written
//! in title case (the name rules expect `Maria Lopez`).
//!
//! Detection is a handful of memchr/memmem probes, so ordinary prose pays
//! (almost) nothing. Work is bounded: only the first [`MAX_INPUT`] bytes of a
//! segment are looked at and a view stops at [`MAX_LINES`] lines or
//! [`MAX_VIEW_BYTES`] bytes. The original text is always scanned too, so a
//! cut view can only lose extra evidence, never hide the original.

mod clinical_xml;
mod fhir;
mod fhir_xml;
mod forms;
mod hl7;
mod text_table;
mod x12;

use memchr::memmem;

/// Bytes of a segment inspected for structure.
pub const MAX_INPUT: usize = 4 << 20;
/// Lines in one labelled view.
pub const MAX_LINES: usize = 4000;
/// Bytes in one labelled view.
pub const MAX_VIEW_BYTES: usize = 256 << 10;
/// Characters kept of one rendered value (a free-text OBX can be long; the
/// original segment already carries all of it).
const MAX_VALUE_CHARS: usize = 200;

/// The labelled view of `text`, or `None` when it holds none of the formats
/// (or only fields that are not about a person, e.g. an ACK or a master file
/// update).
pub fn labelled_view(text: &str) -> Option<String> {
    let head = cut(text, MAX_INPUT);
    let b = head.as_bytes();
    let mut v = View::default();
    if memchr::memchr(b'|', b).is_some() || memmem::find(b, b"MSH").is_some() {
        hl7::render(head, &mut v);
    }
    if x12::candidate(b) {
        x12::render(head, &mut v);
    }
    if memmem::find(b, b"\"resourceType\"").is_some() {
        fhir::render_json(head, &mut v);
    }
    if memmem::find(b, b"hl7.org/fhir").is_some() && memchr::memchr(b'<', b).is_some() {
        fhir_xml::render(head, &mut v);
    }
    if clinical_xml::candidate(b) {
        clinical_xml::render(head, &mut v);
    }
    if forms::candidate(b) {
        forms::render(head, &mut v);
    }
    if text_table::candidate(b) {
        text_table::render(head, &mut v);
    }
    v.finish()
}

/// Longest prefix of `s` no longer than `max` bytes, on a char boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// The rendered lines. Headings name the format (and give the rules their
/// health-context words); a view with headings but no field is dropped.
#[derive(Default)]
pub(crate) struct View {
    out: String,
    lines: usize,
    fields: usize,
}

impl View {
    pub(crate) fn full(&self) -> bool {
        self.lines >= MAX_LINES || self.out.len() >= MAX_VIEW_BYTES
    }

    pub(crate) fn heading(&mut self, h: &str) {
        if self.full() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        push_clean(&mut self.out, h);
        self.out.push('\n');
        self.lines += 1;
    }

    /// One `Label: value` line; empty values are skipped.
    pub(crate) fn field(&mut self, label: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() || self.full() {
            return;
        }
        self.out.push_str(label);
        self.out.push_str(": ");
        push_clean(&mut self.out, value);
        self.out.push('\n');
        self.lines += 1;
        self.fields += 1;
    }

    /// One already labelled line (a table row), counted as a field.
    pub(crate) fn line(&mut self, l: &str) {
        if self.full() {
            return;
        }
        let start = self.out.len();
        self.out.push_str(l);
        // Rows can be long; keep the view's own bound per line generous.
        if self.out.len() - start > MAX_VALUE_CHARS * 16 {
            self.out.truncate(start);
            return;
        }
        self.out.push('\n');
        self.lines += 1;
        self.fields += 1;
    }

    fn finish(self) -> Option<String> {
        (self.fields > 0).then_some(self.out)
    }
}

/// Append `s` on one line (control characters become spaces), at most
/// [`MAX_VALUE_CHARS`] characters.
fn push_clean(out: &mut String, s: &str) {
    for c in s.chars().take(MAX_VALUE_CHARS) {
        out.push(if c.is_control() { ' ' } else { c });
    }
}

/// `LOPEZ` → `Lopez`, `MARIA-JOSE` → `Maria-Jose`; mixed-case names are kept
/// as written. The name rules want a capital followed by lower case.
pub(crate) fn title_name(s: &str) -> String {
    let s = s.trim();
    if s.chars().any(char::is_lowercase) || !s.chars().any(char::is_uppercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// `Given Family` from the parts that are present.
pub(crate) fn full_name(given: &str, family: &str) -> String {
    let given = title_name(given);
    let family = title_name(family);
    match (given.is_empty(), family.is_empty()) {
        (false, false) => format!("{given} {family}"),
        (true, _) => family,
        (false, true) => given,
    }
}

/// MM/DD/YYYY from year, month and day, when they make a calendar date.
pub(crate) fn mdy(y: u32, m: u32, d: u32) -> Option<String> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1800..=2200).contains(&y) && (1..=days).contains(&d)).then(|| format!("{m:02}/{d:02}/{y}"))
}

/// HL7/X12 `YYYYMMDD[HHMM[SS]][+ZZZZ]` or FHIR/ISO `YYYY-MM-DD[Thh:mm...]`
/// as MM/DD/YYYY. Partial dates (a year alone) are not a date of birth.
pub(crate) fn date_mdy(s: &str) -> Option<String> {
    let s = s.trim();
    let digits: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .filter(char::is_ascii_digit)
        .collect();
    let num = |r: std::ops::Range<usize>| digits.get(r).and_then(|t| t.parse::<u32>().ok());
    if digits.len() < 8 {
        return None;
    }
    mdy(num(0..4)?, num(4..6)?, num(6..8)?)
}

/// `E119` → `E11.9`: ICD-10 codes travel without their dot in X12 and often
/// in HL7; the code rule matches the dotted form.
pub(crate) fn icd_dot(code: &str) -> String {
    let code = code.trim();
    let b = code.as_bytes();
    let shaped = b.len() > 3
        && b.len() <= 8
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && b.iter().all(u8::is_ascii_alphanumeric);
    match (shaped, code.get(..3), code.get(3..)) {
        (true, Some(a), Some(r)) => format!("{a}.{r}"),
        _ => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(title_name("LOPEZ"), "Lopez");
        assert_eq!(title_name("O'NEIL-SMITH"), "O'Neil-Smith");
        assert_eq!(title_name("McDonald"), "McDonald");
        assert_eq!(date_mdy("196104121230-0500").as_deref(), Some("04/12/1961"));
        assert_eq!(date_mdy("1961-04-12").as_deref(), Some("04/12/1961"));
        assert_eq!(date_mdy("1961"), None);
        assert_eq!(date_mdy("19610231"), None);
        assert_eq!(icd_dot("E119"), "E11.9");
        assert_eq!(icd_dot("E11.9"), "E11.9");
        assert_eq!(icd_dot("I10"), "I10");
    }

    #[test]
    fn prose_has_no_view() {
        assert!(labelled_view("Options: A | B | C\nPick one * or two ~ please.").is_none());
        assert!(labelled_view("").is_none());
    }

    #[test]
    fn cut_is_on_a_char_boundary() {
        assert_eq!(cut("aé", 2), "a");
    }
}
