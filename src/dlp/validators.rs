//! Check-digit and issuance-rule validators. A regex only finds the shape of
//! an identifier; these decide whether the issuing authority could have
//! issued it, which is what separates an SSN from an order number.
//!
//! Every validator takes the matched bytes (separators included) and must
//! never panic: input comes straight from untrusted mail.

use std::collections::HashSet;
use std::sync::Arc;

/// The validators a rule file may name in `validator = "..."`.
#[derive(Clone, Debug)]
pub enum Validator {
    Luhn,
    Card,
    Ssn,
    Itin,
    Npi,
    Dea,
    Mbi,
    Aba,
    Ndc,
    Date,
    /// A date whose four-digit year is not after the one given (this
    /// year, when the rules were loaded).
    Birthdate(u32),
    /// A record number: its digits are not all one digit.
    Id,
    /// ICD-10-CM membership in the official code list (dots removed).
    Icd10(Arc<HashSet<String>>),
}

/// Names accepted in rule files, for `rules check` messages.
pub const VALIDATOR_NAMES: &[&str] = &[
    "luhn",
    "card",
    "ssn",
    "itin",
    "npi",
    "dea",
    "mbi",
    "aba",
    "ndc",
    "date",
    "birthdate",
    "id",
    "icd10",
];

impl Validator {
    /// `codes` is only used by `icd10`; the caller loads it from `codes_file`.
    pub fn from_name(name: &str, codes: Option<Arc<HashSet<String>>>) -> Option<Validator> {
        Some(match name {
            "luhn" => Validator::Luhn,
            "card" => Validator::Card,
            "ssn" => Validator::Ssn,
            "itin" => Validator::Itin,
            "npi" => Validator::Npi,
            "dea" => Validator::Dea,
            "mbi" => Validator::Mbi,
            "aba" => Validator::Aba,
            "ndc" => Validator::Ndc,
            "date" => Validator::Date,
            "birthdate" => Validator::Birthdate(current_year()),
            "id" => Validator::Id,
            "icd10" => Validator::Icd10(codes?),
            _ => return None,
        })
    }

    pub fn check(&self, m: &[u8]) -> bool {
        match self {
            Validator::Luhn => luhn(&digits(m)),
            Validator::Card => card(m),
            Validator::Ssn => ssn(m),
            Validator::Itin => itin(m),
            Validator::Npi => npi(m),
            Validator::Dea => dea(m),
            Validator::Mbi => mbi(m),
            Validator::Aba => aba(m),
            Validator::Ndc => ndc(m),
            Validator::Date => date(m),
            Validator::Birthdate(this_year) => birthdate(m, *this_year),
            Validator::Id => id(m),
            Validator::Icd10(codes) => icd10(m, codes),
        }
    }
}

/// The digit values of a match. Validators run on every candidate (a
/// record list has several per line), so identifier-sized matches keep
/// their digits on the stack instead of allocating.
enum Digits {
    Inline([u8; 32], usize),
    Heap(Vec<u8>),
}

impl std::ops::Deref for Digits {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Digits::Inline(buf, n) => buf.get(..*n).unwrap_or_default(),
            Digits::Heap(v) => v,
        }
    }
}

fn digits(m: &[u8]) -> Digits {
    let mut buf = [0u8; 32];
    let mut n = 0;
    for &b in m.iter().filter(|b| b.is_ascii_digit()) {
        match buf.get_mut(n) {
            Some(slot) => *slot = b - b'0',
            None => {
                return Digits::Heap(
                    m.iter()
                        .filter(|b| b.is_ascii_digit())
                        .map(|b| b - b'0')
                        .collect(),
                );
            }
        }
        n += 1;
    }
    Digits::Inline(buf, n)
}

/// ISO/IEC 7812-1 Annex B (Luhn mod 10), over digits already extracted.
pub fn luhn(d: &[u8]) -> bool {
    if d.len() < 2 {
        return false;
    }
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = x as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

/// Separators inside an identifier must be consistent: `078-05.1120` is
/// not a number anyone writes, so mixing them means two adjacent numbers.
fn consistent_separators(m: &[u8]) -> bool {
    let mut sep = None;
    for &b in m {
        if !b.is_ascii_alphanumeric() {
            match sep {
                None => sep = Some(b),
                Some(s) if s != b => return false,
                _ => {}
            }
        }
    }
    true
}

fn all_same(d: &[u8]) -> bool {
    d.windows(2).all(|w| w[0] == w[1])
}

fn num(d: &[u8]) -> u32 {
    d.iter()
        .fold(0u32, |a, &x| a.saturating_mul(10).saturating_add(x as u32))
}

/// Payment card: Luhn plus a known issuer range with that issuer's lengths
/// (ISO/IEC 7812; Mastercard 2221-2720 since 2017; Discover 6011/644-649/65;
/// Amex 34/37 length 15; JCB 3528-3589; Diners 300-305/36/38-39; UnionPay 62;
/// Maestro/Dankort). UATP (1-series airline cards) is deliberately absent:
/// 15-digit numbers starting with 1 are mostly order and reference numbers.
pub fn card(m: &[u8]) -> bool {
    if !consistent_separators(m) {
        return false;
    }
    let d = digits(m);
    let len = d.len();
    if !(13..=19).contains(&len) || !luhn(&d) || all_same(&d) {
        return false;
    }
    let p = |n: usize| num(&d[..n]);
    let ok = match d[0] {
        4 => matches!(len, 13 | 16 | 19),
        5 => (51..=55).contains(&p(2)) && len == 16,
        2 => (2221..=2720).contains(&p(4)) && len == 16,
        3 => {
            (matches!(p(2), 34 | 37) && len == 15)
                || ((3528..=3589).contains(&p(4)) && (16..=19).contains(&len))
                || (((300..=305).contains(&p(3)) || matches!(p(2), 36 | 38 | 39))
                    && (14..=19).contains(&len))
        }
        6 => {
            ((p(4) == 6011 || (644..=649).contains(&p(3)) || p(2) == 65 || p(2) == 62)
                && (16..=19).contains(&len))
                || (maestro(p(4)) && (12..=19).contains(&len))
        }
        _ => false,
    };
    ok || (maestro(p(4)) && (12..=19).contains(&len))
}

/// Maestro and Dankort IINs (ISO/IEC 7812 register as published by the
/// schemes): 5018, 5019 (Dankort), 5020, 5038, 5893, 6304, 6759, 6761-6763.
fn maestro(p4: u32) -> bool {
    matches!(
        p4,
        5018 | 5019 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761..=6763
    )
}

/// Split a 9-digit SSN/ITIN-shaped match into area, group, serial.
fn ssn_parts(m: &[u8]) -> Option<(u32, u32, u32, Digits)> {
    if !consistent_separators(m) {
        return None;
    }
    let d = digits(m);
    if d.len() != 9 {
        return None;
    }
    Some((num(&d[0..3]), num(&d[3..5]), num(&d[5..9]), d))
}

/// SSA issuance rules (ssa.gov/employer/randomization.html and POMS RM 10201.035):
/// area 000, 666 and 900-999 are never issued; group 00 and serial 0000 are
/// never issued. Well-known published samples (078-05-1120 from the 1938
/// wallet insert, 219-09-9999 from an SSA pamphlet, 123-45-6789) are refused,
/// as are all-same-digit numbers. Presidio accepts area 9xx: those are ITINs
/// (IRS), not SSNs, and go to the `itin` validator.
pub fn ssn(m: &[u8]) -> bool {
    let Some((area, group, serial, d)) = ssn_parts(m) else {
        return false;
    };
    if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 || all_same(&d) {
        return false;
    }
    const SAMPLES: &[u32] = &[78051120, 219099999, 123456789, 457555462];
    !SAMPLES.contains(&num(&d))
}

/// IRS ITIN: area 9xx, group 50-65, 70-88, 90-92 or 94-99 (IRS Pub. 1915).
/// 987-65-4320 to 987-65-4329 are set aside by SSA for advertisements and
/// training material, so they identify no one; nor does a number of one
/// repeated digit.
pub fn itin(m: &[u8]) -> bool {
    let Some((area, group, serial, d)) = ssn_parts(m) else {
        return false;
    };
    // 999-99-9999 is what forms and training say never to type: a
    // placeholder, like every one-digit number.
    if all_same(&d) || (area == 987 && group == 65 && (4320..=4329).contains(&serial)) {
        return false;
    }
    (900..=999).contains(&area) && matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99)
}

/// CMS NPI (45 CFR 162.406; CMS "NPI check digit" note): 10 digits, first
/// 1 or 2, Luhn computed over the 9 leading digits prefixed with 80840.
pub fn npi(m: &[u8]) -> bool {
    if !consistent_separators(m) {
        return false;
    }
    let d = digits(m);
    if d.len() != 10 || !matches!(d[0], 1 | 2) || all_same(&d[1..9]) {
        return false;
    }
    let mut full = vec![8, 0, 8, 4, 0];
    full.extend_from_slice(&d);
    luhn(&full)
}

/// DEA registration number (21 CFR 1301; DEA Diversion "Registrant Number
/// format"): registrant-type letter A B C D E F G H J K L M P R S T U X, a
/// second letter (last-name initial) or 9, six digits and a check digit:
/// (d1+d3+d5) + 2*(d2+d4+d6), last digit.
pub fn dea(m: &[u8]) -> bool {
    if m.len() != 9 {
        return false;
    }
    let first = m[0].to_ascii_uppercase();
    let second = m[1].to_ascii_uppercase();
    if !b"ABCDEFGHJKLMPRSTUX".contains(&first) {
        return false;
    }
    if !(second.is_ascii_uppercase() || second == b'9') {
        return false;
    }
    if !m[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u32> = m[2..].iter().map(|b| (b - b'0') as u32).collect();
    let sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
    sum % 10 == d[6]
}

/// CMS Medicare Beneficiary Identifier format (CMS "Understanding the MBI",
/// MLN/2017): 11 characters; position 1 numeric 1-9; 2, 5, 8, 9 alphabetic;
/// 3 and 6 alphanumeric; 4, 7, 10, 11 numeric; letters S L O I B Z never
/// used. Presidio accepts a leading 0; CMS does not.
pub fn mbi(m: &[u8]) -> bool {
    if !consistent_separators(m) {
        return false;
    }
    let c: Vec<u8> = m
        .iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(u8::to_ascii_uppercase)
        .collect();
    if c.len() != 11 {
        return false;
    }
    // CMS's example from the MBI fact sheet and format templates such as
    // 1AA1-AA1-AA11 or 1AN9-AA9-AA99 appear in training and billing guides,
    // never on a card. A template spells positions with placeholder
    // symbols only: A (alphabetic), N (numeric or alphanumeric), X, and the
    // digits 9, 1 or 0; a real MBI does so about once in a million.
    if c == b"1EG4TE5MK73" {
        return false;
    }
    let letters: HashSet<u8> = c.iter().copied().filter(u8::is_ascii_alphabetic).collect();
    let nums: HashSet<u8> = c.iter().copied().filter(u8::is_ascii_digit).collect();
    if (letters.len() == 1 && nums.len() == 1)
        || (letters.iter().all(|l| b"ANX".contains(l)) && nums.iter().all(|n| b"019".contains(n)))
    {
        return false;
    }
    let letter = |b: u8| b.is_ascii_uppercase() && !b"SLOIBZ".contains(&b);
    let digit = |b: u8| b.is_ascii_digit();
    matches!(c[0], b'1'..=b'9')
        && letter(c[1])
        && (letter(c[2]) || digit(c[2]))
        && digit(c[3])
        && letter(c[4])
        && (letter(c[5]) || digit(c[5]))
        && digit(c[6])
        && letter(c[7])
        && letter(c[8])
        && digit(c[9])
        && digit(c[10])
}

/// ABA routing transit number (ABA / Federal Reserve, "Routing Number
/// Policy"): 9 digits, 3-7-1 weighted check, prefix 00-12, 21-32, 61-72 or 80.
pub fn aba(m: &[u8]) -> bool {
    if !consistent_separators(m) {
        return false;
    }
    let d = digits(m);
    if d.len() != 9 || all_same(&d) {
        return false;
    }
    let prefix = num(&d[0..2]);
    if !matches!(prefix, 0..=12 | 21..=32 | 61..=72 | 80) {
        return false;
    }
    let w = [3u32, 7, 1, 3, 7, 1, 3, 7, 1];
    let sum: u32 = d.iter().zip(w).map(|(&x, w)| x as u32 * w).sum();
    sum.is_multiple_of(10)
}

/// FDA National Drug Code (21 CFR 207.33): labeler-product-package in one of
/// the 10-digit layouts 4-4-2, 5-3-2, 5-4-1, or the 11-digit billing layout
/// 5-4-2 (CMS). Dashes are required: a bare 10-digit number is a phone number.
pub fn ndc(m: &[u8]) -> bool {
    let segs: Vec<&[u8]> = m.split(|&b| b == b'-').collect();
    if segs.len() != 3 || !segs.iter().all(|s| s.iter().all(u8::is_ascii_digit)) {
        return false;
    }
    let lens = (segs[0].len(), segs[1].len(), segs[2].len());
    if !matches!(lens, (4, 4, 2) | (5, 3, 2) | (5, 4, 1) | (5, 4, 2)) {
        return false;
    }
    let d = digits(m);
    !all_same(&d) && segs[0].iter().any(|&b| b != b'0')
}

/// A calendar date that could be a living person's birth date, year
/// 1901-2030 (1900 is where systems put unknown and test birth dates: it
/// is day one of Excel and SQL Server dates, `01/01/1900` is the usual
/// "DOB unknown" and test patients are born in it; nobody alive is), in the shapes people and systems write: M/D/Y (or D/M/Y when
/// the first number cannot be a month, as Spanish and European mail write),
/// Y-M-D, space-separated `04 12 1961`, compact `19610412` or `04121961`,
/// and English or Spanish month names (`12-Apr-1961`, `April 12th, 1961`,
/// `12 de abril de 1961`).
/// A date someone can have been born on: a valid [`date`] whose year (when
/// written with four digits) is not after this one. A payroll cutoff in
/// next January near a "date of birth" field is not anyone's birthday.
pub fn birthdate(m: &[u8], this_year: u32) -> bool {
    date(m)
        && m.split(|b| !b.is_ascii_digit())
            .filter(|run| run.len() == 4)
            .map(|run| run.iter().fold(0u32, |y, &d| y * 10 + u32::from(d - b'0')))
            .filter(|y| (1800..=2999).contains(y))
            .all(|y| y <= this_year)
}

/// The year now, read once when the rules are loaded (a reload refreshes
/// it).
fn current_year() -> u32 {
    crate::time::rfc3339(crate::time::unix_now())
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(u32::MAX)
}

pub fn date(m: &[u8]) -> bool {
    if let Some(numeric) = numeric_date(m) {
        return numeric;
    }
    // Matched dates are short ASCII: lower-cased on the stack, where
    // `to_lowercase` gives the same (it differs only beyond ASCII).
    let mut buf = [0u8; 64];
    if m.is_ascii()
        && let Some(lower) = buf.get_mut(..m.len())
    {
        lower.copy_from_slice(m);
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(date_lowercase);
    }
    date_lowercase(&String::from_utf8_lossy(m).to_lowercase())
}

/// [`date`] of a date written in digits and separators only
/// (`04/12/1961`, `1961-04-12`, `19610412`), the shape of nearly every date
/// on a record list, without lower-casing and word splitting: the verdict
/// [`date_lowercase`] would give. `None` when `m` has any other character.
fn numeric_date(m: &[u8]) -> Option<bool> {
    let mut runs: [Run; 3] = [(0, 0); 3];
    let mut n = 0;
    let mut in_run = false;
    for &b in m {
        if b.is_ascii_digit() {
            if !in_run {
                if n == runs.len() {
                    return Some(false);
                }
                n += 1;
                in_run = true;
            }
            let r = &mut runs[n - 1];
            r.0 = r.0.saturating_mul(10).saturating_add(u32::from(b - b'0'));
            r.1 += 1;
        } else if matches!(b, b'/' | b'-' | b'.' | b' ') {
            in_run = false;
        } else {
            return None;
        }
    }
    Some(match runs[..n] {
        [(_, 8)] => {
            let mut digits = [0u8; 8];
            for (slot, &b) in digits
                .iter_mut()
                .zip(m.iter().filter(|b| b.is_ascii_digit()))
            {
                *slot = b;
            }
            std::str::from_utf8(&digits).is_ok_and(compact_date)
        }
        [a, b, c] => numeric_ymd(a, b, c),
        _ => false,
    })
}

/// [`date`] on lower-cased text. Tokens go to a fixed array: a date has
/// one or three, so a fourth already decides.
fn date_lowercase(s: &str) -> bool {
    let mut toks = [""; 4];
    let mut n = 0;
    let words = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !matches!(*t, "de" | "of" | "del" | "the"))
        .map(|t| {
            t.strip_suffix("st")
                .or_else(|| t.strip_suffix("nd"))
                .or_else(|| t.strip_suffix("rd"))
                .or_else(|| t.strip_suffix("th"))
                .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                .unwrap_or(t)
        });
    for t in words {
        match toks.get_mut(n) {
            Some(slot) => *slot = t,
            None => return false,
        }
        n += 1;
    }
    match *toks.get(..n).unwrap_or_default() {
        [one] if one.len() == 8 && one.bytes().all(|b| b.is_ascii_digit()) => compact_date(one),
        [one] => match runs(one)[..] {
            // `04feb1973`, as Epic, the military and lab systems print it.
            [d, m, y] => month_name(m).is_some() && three_part_date(d, m, y),
            _ => false,
        },
        [a, b, c] => three_part_date(a, b, c),
        _ => false,
    }
}

/// `04feb1973` → `["04", "feb", "1973"]`: runs of digits and of letters.
fn runs(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = t.as_bytes();
    for i in 1..=b.len() {
        if i == b.len() || b[i].is_ascii_digit() != b[i - 1].is_ascii_digit() {
            out.extend(t.get(start..i));
            start = i;
        }
    }
    out
}

/// `19610412` (the HL7/X12 layout) or `04121961`.
fn compact_date(t: &str) -> bool {
    let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<u32>().ok());
    let ymd =
        matches!((n(0..4), n(4..6), n(6..8)), (Some(y), Some(mo), Some(d)) if valid_ymd(y, mo, d));
    let mdy =
        matches!((n(4..8), n(0..2), n(2..4)), (Some(y), Some(mo), Some(d)) if valid_ymd(y, mo, d));
    ymd || mdy
}

fn three_part_date(a: &str, b: &str, c: &str) -> bool {
    if let Some(mo) = month_name(a) {
        return matches!((run(c).and_then(year_of), run(b).and_then(part)), (Some(y), Some(d)) if valid_ymd(y, mo, d));
    }
    if let Some(mo) = month_name(b) {
        return matches!((run(c).and_then(year_of), run(a).and_then(part)), (Some(y), Some(d)) if valid_ymd(y, mo, d));
    }
    match (run(a), run(b), run(c)) {
        (Some(a), Some(b), Some(c)) => numeric_ymd(a, b, c),
        _ => false,
    }
}

/// A number as written: its value (meaningful up to four digits) and how
/// many digits it has.
type Run = (u32, usize);

/// `t` as a [`Run`], if it is all digits.
fn run(t: &str) -> Option<Run> {
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v = t.bytes().fold(0u32, |v, b| {
        v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    });
    Some((v, t.len()))
}

/// A day, month or four-digit year: up to four digits.
fn part((v, len): Run) -> Option<u32> {
    (len <= 4).then_some(v)
}

/// A year of four digits, or of two (`61` is 1961, `24` is 2024).
fn year_of((v, len): Run) -> Option<u32> {
    match len {
        4 => Some(v),
        2 => Some(v + if v <= 30 { 2000 } else { 1900 }),
        _ => None,
    }
}

/// Three numbers as a date: Y-M-D when the first has four digits, else
/// M/D/Y or D/M/Y (whichever is a valid date).
fn numeric_ymd(a: Run, b: Run, c: Run) -> bool {
    if a.1 == 4 {
        return matches!((part(a), part(b), part(c)), (Some(y), Some(mo), Some(d)) if valid_ymd(y, mo, d));
    }
    match (year_of(c), part(a), part(b)) {
        (Some(y), Some(x), Some(z)) => valid_ymd(y, x, z) || valid_ymd(y, z, x),
        _ => false,
    }
}

/// English and Spanish month names and their usual abbreviations.
fn month_name(t: &str) -> Option<u32> {
    const EN: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const ES: [&str; 12] = [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    ];
    if t.len() < 3 || !t.is_ascii() || t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = if t == "setiembre" { "sep" } else { t };
    EN.iter()
        .position(|m| t.starts_with(m))
        .or_else(|| ES.iter().position(|m| t.starts_with(m)))
        .map(|i| i as u32 + 1)
}

fn valid_ymd(y: u32, mo: u32, d: u32) -> bool {
    if !(1901..=2030).contains(&y) || !(1..=12).contains(&mo) || d == 0 {
        return false;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let max = match mo {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= max
}

/// A record, account or member number with no issuer rule to check: only
/// placeholders are refused, numbers whose digits are all one digit
/// (`0000000000` for an unknown phone in a test message, `MRN 000000` on a
/// template), and the numbers EHRs give their test patients (`TST174506`,
/// `ZZ-0042`, `TEST00917`), which interface-validation and training lists
/// are made of. A value without digits is no number either.
pub fn id(m: &[u8]) -> bool {
    let d = digits(m);
    !d.is_empty() && !all_same(&d) && !test_patient_number(m)
}

/// Whether the letters an id starts with mark it as a test or training
/// record (`TST`, `TEST`, `TRN` as in a TRAIN environment, `ZZ`).
fn test_patient_number(m: &[u8]) -> bool {
    let letters = m.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let prefix = &m[..letters];
    prefix.eq_ignore_ascii_case(b"TST")
        || prefix.eq_ignore_ascii_case(b"TEST")
        || prefix.eq_ignore_ascii_case(b"TRN")
        || (letters >= 2 && prefix.iter().all(|b| b.eq_ignore_ascii_case(&b'Z')))
}

/// ICD-10-CM: the code (dot removed, upper-cased) must be in the official
/// CDC/CMS list. A shape check is not enough: FY2026 has `QA0` (letter in
/// position 2) and `U07.1`, and most letter+2-digit strings are part numbers.
pub fn icd10(m: &[u8], codes: &HashSet<String>) -> bool {
    let dot = m.iter().position(|&b| b == b'.');
    if let Some(p) = dot
        && (p != 3 || m.len() < 5)
    {
        return false;
    }
    // Upper-cased on the stack when it fits (codes are at most 8 bytes).
    let mut buf = [0u8; 16];
    let mut n = 0;
    for &b in m.iter().filter(|&&b| b != b'.') {
        match buf.get_mut(n) {
            Some(slot) => *slot = b.to_ascii_uppercase(),
            None => {
                let code: String = m
                    .iter()
                    .filter(|&&b| b != b'.')
                    .map(|b| b.to_ascii_uppercase() as char)
                    .collect();
                return codes.contains(&code);
            }
        }
        n += 1;
    }
    // Bytes above ASCII become U+0080..U+00FF, as `as char` did.
    if let Some(code) = buf.get(..n).filter(|c| c.is_ascii()) {
        return std::str::from_utf8(code).is_ok_and(|c| codes.contains(c));
    }
    let code: String = m
        .iter()
        .filter(|&&b| b != b'.')
        .map(|b| b.to_ascii_uppercase() as char)
        .collect();
    codes.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_basics() {
        assert!(luhn(&digits(b"79927398713")));
        assert!(!luhn(&digits(b"79927398710")));
        assert!(!luhn(&[]));
    }

    #[test]
    fn birthdates_are_not_in_the_future() {
        assert!(birthdate(b"03/14/1962", 2026));
        assert!(birthdate(b"12/19/2026", 2026));
        assert!(!birthdate(b"01/02/2027", 2026));
        assert!(!birthdate(b"2027-01-02", 2026));
        assert!(birthdate(b"4/12/61", 2026));
        assert!(!birthdate(b"02/30/1962", 2026));
        assert!(current_year() >= 2026);
    }

    /// The digits-only path gives the verdict of the general one.
    #[test]
    fn numeric_dates_as_the_general_path_says() {
        let groups = [
            "0", "04", "4", "12", "13", "31", "30", "29", "02", "61", "1961", "2030", "2031",
            "1900", "19610412", "04121961", "20240230", "123", "00412",
        ];
        let seps = ["/", "-", ".", " ", " / ", "--"];
        let mut tried = 0;
        for a in groups {
            for b in groups {
                for c in groups {
                    for sep in seps {
                        for m in [
                            format!("{a}{sep}{b}{sep}{c}"),
                            format!("{a}{sep}{b}"),
                            format!(" {a}{sep}"),
                            format!("{a}{sep}{b}{sep}{c}{sep}{a}"),
                        ] {
                            assert_eq!(
                                numeric_date(m.as_bytes()),
                                Some(date_lowercase(&m)),
                                "{m:?}"
                            );
                            tried += 1;
                        }
                    }
                }
            }
        }
        assert!(tried > 10_000);
        assert_eq!(numeric_date(b"Apr 12 1961"), None);
    }

    #[test]
    fn dates() {
        assert!(date(b"03/14/1962"));
        assert!(date(b"1962-03-14"));
        assert!(date(b"March 14, 1962"));
        assert!(date(b"14 Mar 1962"));
        assert!(date(b"2/29/2000"));
        assert!(!date(b"2/29/1900"));
        assert!(!date(b"01/01/1900"), "the unknown-DOB placeholder");
        assert!(!date(b"1900-01-05"));
        assert!(date(b"01/01/1901"));
        assert!(date(b"04FEB1973"));
        assert!(!date(b"31FEB1973"));
        assert!(!date(b"04XYZ1973"));
        assert!(date(b"13/01/1962"), "D/M/Y");
        assert!(!date(b"13/13/1962"));
        assert!(!date(b"04/31/1962"));
        assert!(!date(b"1/1/1800"));
        assert!(date(b"12-Apr-1961"));
        assert!(date(b"19610412"));
        assert!(date(b"04121961"));
        assert!(!date(b"19611341"));
        assert!(date(b"04 12 1961"));
        assert!(date(b"April 12th, 1961"));
        assert!(date(b"12 de abril de 1961"));
        assert!(
            date(b"25/04/1961"),
            "D/M/Y when the first number is no month"
        );
        assert!(!date(b"32/04/1961"));
        assert!(date(b"4/12/61"));
    }

    /// The allocation-free `date` agrees with the original one (kept here)
    /// on every combination of date-ish tokens, cases and separators.
    #[test]
    fn date_fast_path_agrees_with_reference() {
        fn reference(m: &[u8]) -> bool {
            let s = String::from_utf8_lossy(m).to_lowercase();
            let toks: Vec<&str> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| !t.is_empty() && !matches!(*t, "de" | "of" | "del" | "the"))
                .map(|t| {
                    t.strip_suffix("st")
                        .or_else(|| t.strip_suffix("nd"))
                        .or_else(|| t.strip_suffix("rd"))
                        .or_else(|| t.strip_suffix("th"))
                        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                        .unwrap_or(t)
                })
                .collect();
            match toks[..] {
                [one] if one.len() == 8 && one.bytes().all(|b| b.is_ascii_digit()) => {
                    compact_date(one)
                }
                [a, b, c] => three_part_date(a, b, c),
                _ => false,
            }
        }
        let parts = [
            "04", "4", "12", "31", "29", "1961", "61", "2000", "1900", "APR", "April", "12th",
            "abr", "Ene", "de", "of", "19610412", "04121961", "x", "\u{c9}ne", "set",
        ];
        let seps = ["/", "-", " ", ", ", ".", " | ", "\u{2013}"];
        let mut n = 0;
        for a in parts {
            for b in parts {
                for c in ["1961", "61", "2000", "x", "", "12 1961"] {
                    for sep in seps {
                        let t = format!("{a}{sep}{b}{sep}{c}");
                        assert_eq!(date(t.as_bytes()), reference(t.as_bytes()), "{t:?}");
                        n += 1;
                    }
                }
            }
        }
        let long = "1".repeat(100);
        assert_eq!(date(long.as_bytes()), reference(long.as_bytes()));
        assert!(n > 10_000);
    }

    #[test]
    fn advertising_numbers_are_not_itins() {
        assert!(itin(b"987-65-4330"));
        assert!(!itin(b"987-65-4324"));
        assert!(!itin(b"999-99-9999"), "a placeholder");
        assert!(itin(b"999-99-9998"));
    }

    #[test]
    fn placeholder_record_numbers() {
        assert!(id(b"00482913"));
        assert!(id(b"PT000001"));
        assert!(!id(b"0000000000"));
        assert!(!id(b"MRN-999999"));
        assert!(!id(b"ABCDEF"));
    }

    #[test]
    fn test_patient_numbers_are_not_identifiers() {
        for test in [
            &b"TEST000001"[..],
            b"TST174506",
            b"tst-0042117",
            b"ZZ0042117",
            b"ZZZ-9081",
            b"TRN15097",
        ] {
            assert!(!id(test), "{}", String::from_utf8_lossy(test));
        }
        // Letters that only begin like a test marker are an ordinary prefix.
        for real in [
            &b"Z4421907"[..],
            b"TS174506",
            b"TESTA0042",
            b"ZA0042117",
            b"TR0042117",
        ] {
            assert!(id(real), "{}", String::from_utf8_lossy(real));
        }
    }

    #[test]
    fn mbi_samples_and_templates_are_not_identifiers() {
        assert!(mbi(b"1EG4-TE5-MK72"));
        assert!(!mbi(b"1EG4-TE5-MK73"), "CMS's published example");
        assert!(!mbi(b"1AA1-AA1-AA11"), "a format template");
        assert!(!mbi(b"9AA9AA9AA99"));
        assert!(!mbi(b"1AN9-AA9-AA99"), "a format template");
        assert!(!mbi(b"1XX0-XX0-XX00"));
        assert!(mbi(b"1AN9-AA9-AA98"), "a real MBI may use A and N");
    }
}
