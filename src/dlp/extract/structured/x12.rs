//! ASC X12 health care transactions (837 claims, 835 remittances, 270/271
//! eligibility, 276/277 status, 278 reviews, 834 enrolment).
//!
//! With an ISA envelope the separators are read from it (element separator
//! is the byte after `ISA`, the component separator is ISA-16 and the
//! segment terminator the byte after it). Without one (a few segments pasted
//! into a mail) the common `*`, `:` and `~` are assumed and segments also end
//! at line breaks.

use memchr::memmem;

use super::{View, date_mdy, full_name, icd_dot};

/// Elements read from one segment (CLM has 20, SV1 21).
const MAX_ELEMENTS: usize = 32;

/// Segment ids that, at the start of a segment, make a snippet worth parsing.
const SNIPPET_IDS: &[&[u8]] = &[b"NM1*", b"DMG*", b"REF*", b"CLM*", b"HI*", b"CLP*"];

/// Cheap check: an ISA header, or a `*` plus one of the person segments.
pub(super) fn candidate(b: &[u8]) -> bool {
    memmem::find(b, b"ISA").is_some()
        || (memchr::memchr(b'*', b).is_some()
            && SNIPPET_IDS.iter().any(|id| memmem::find(b, id).is_some()))
}

struct Seps {
    elem: char,
    comp: char,
    term: char,
}

/// Separators from the first plausible ISA segment, and where it starts.
fn envelope(text: &str) -> Option<(Seps, usize)> {
    let b = text.as_bytes();
    for start in memmem::find_iter(b, b"ISA").take(16) {
        let elem = *b.get(start + 3)?;
        if !elem.is_ascii_punctuation() || elem == b'_' {
            continue;
        }
        // Sixteen separators follow ISA; then ISA-16 (one byte) and the
        // segment terminator. ISA is fixed width (106 bytes), so look a
        // little past that and no further.
        let window = b.get(start..(start + 130).min(b.len()))?;
        let Some(last) = memchr::memchr_iter(elem, window).nth(15) else {
            continue;
        };
        let (Some(&comp), Some(&term)) = (window.get(last + 1), window.get(last + 2)) else {
            continue;
        };
        if comp.is_ascii() && term.is_ascii() && !term.is_ascii_alphanumeric() {
            return Some((
                Seps {
                    elem: elem as char,
                    comp: comp as char,
                    term: term as char,
                },
                start,
            ));
        }
    }
    None
}

/// Whose segments follow the last NM1: a patient/subscriber or someone else.
#[derive(PartialEq)]
enum Who {
    Person,
    Other,
}

pub(super) fn render(text: &str, v: &mut View) {
    let (seps, start, enveloped) = match envelope(text) {
        Some((s, at)) => (s, at, true),
        None => (
            Seps {
                elem: '*',
                comp: ':',
                term: '~',
            },
            0,
            false,
        ),
    };
    let Some(body) = text.get(start..) else {
        return;
    };
    let mut who = Who::Other;
    let mut headed = false;
    for raw in body.split([seps.term, '\r', '\n']) {
        if v.full() {
            return;
        }
        let seg = raw.trim().trim_start_matches(['>', ' ']);
        let e: Vec<&str> = seg.splitn(MAX_ELEMENTS, seps.elem).collect();
        if e.len() < 2 {
            continue;
        }
        let el = |n: usize| e.get(n).map_or("", |s| s.trim());
        let id = el(0);
        if !enveloped && !headed && matches!(id, "NM1" | "DMG" | "REF" | "CLM" | "HI" | "CLP") {
            v.heading("X12 health care segments (claim / eligibility)");
            headed = true;
        }
        match id {
            "ST" => {
                v.heading(&format!("X12 {} {}", safe(el(1)), describe(el(1))));
                headed = true;
            }
            "NM1" => who = nm1(&e, v),
            "DMG" if el(1) == "D8" => {
                if let Some(d) = date_mdy(el(2)) {
                    v.field("DOB", &d);
                }
            }
            "REF" => {
                let label = match el(1) {
                    "SY" => "SSN",
                    "EA" => "MRN",
                    "1W" | "0F" | "IG" | "23" => "Member ID",
                    "1L" => "Policy #",
                    "6P" => "Group #",
                    "EJ" => "Patient Account #",
                    _ => continue,
                };
                v.field(label, el(2));
            }
            "CLM" | "CLP" => v.field("Claim #", el(1)),
            "HI" => {
                for item in e.iter().skip(1) {
                    let mut c = item.split(seps.comp);
                    let qual = c.next().unwrap_or("");
                    let code = c.next().unwrap_or("");
                    if matches!(
                        qual,
                        "ABK" | "ABF" | "ABJ" | "ABN" | "APR" | "BK" | "BF" | "BJ" | "PR"
                    ) {
                        v.field("Diagnosis", &icd_dot(code));
                    }
                }
            }
            "N3" if who == Who::Person => v.field("Address", &e[1..].join(" ")),
            "N4" if who == Who::Person => {
                v.field("City/State/ZIP", &e[1..e.len().min(4)].join(" "))
            }
            _ => {}
        }
    }
}

/// NM1: a subscriber (IL) or patient (QC) becomes `Patient:` plus their id;
/// a provider's NPI (qualifier XX) is shown as such.
fn nm1(e: &[&str], v: &mut View) -> Who {
    let el = |n: usize| e.get(n).map_or("", |s| s.trim());
    match el(1) {
        "IL" | "QC" => {
            if el(2) == "1" {
                v.field("Patient", &full_name(el(4), el(3)));
            }
            let label = match el(8) {
                "34" => "SSN",
                _ => "Member ID",
            };
            v.field(label, el(9));
            Who::Person
        }
        _ => {
            if el(8) == "XX" {
                v.field("Provider NPI", el(9));
            }
            Who::Other
        }
    }
}

fn describe(t: &str) -> &'static str {
    match t {
        "837" => "health care claim",
        "835" => "health care claim payment/advice",
        "270" => "health care eligibility inquiry",
        "271" => "health care eligibility response",
        "276" => "health care claim status request",
        "277" => "health care claim status response",
        "278" => "health care services review",
        "834" => "benefit enrollment (health plan)",
        _ => "transaction",
    }
}

/// A transaction set id for a heading: digits only, short.
fn safe(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).take(3).collect()
}

#[cfg(test)]
mod tests {
    use super::super::labelled_view;

    #[test]
    fn claim_837p() {
        let x = "ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1030*^*00501*000000905*0*P*:~\
GS*HC*SUBMITTERID*RECEIVERID*20260314*1030*905*X*005010X222A1~\
ST*837*0001*005010X222A1~\
NM1*85*2*SPRINGFIELD FAMILY CLINIC*****XX*1234567893~\
HL*2*1*22*0~SBR*P*18*GRP44821******CI~\
NM1*IL*1*LOPEZ*MARIA*A***MI*XYZ884412937~\
N3*1420 ELM ST~N4*SPRINGFIELD*IL*62704~\
DMG*D8*19610412*F~\
REF*SY*512449087~\
CLM*PCN20260314A*150***11:B:1*Y*A*Y*Y~\
HI*ABK:E119*ABF:I10~\
SE*12*0001~GE*1*905~IEA*1*000000905~";
        let v = labelled_view(x).unwrap_or_default();
        for want in [
            "X12 837 health care claim",
            "Provider NPI: 1234567893\n",
            "Patient: Maria Lopez\n",
            "Member ID: XYZ884412937\n",
            "Address: 1420 ELM ST\n",
            "DOB: 04/12/1961\n",
            "SSN: 512449087\n",
            "Claim #: PCN20260314A\n",
            "Diagnosis: E11.9\n",
            "Diagnosis: I10\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn eligibility_271_with_other_separators() {
        let x = "ISA|00|          |00|          |ZZ|PAYER          |ZZ|CLINIC         |260314|1030|^|00501|000000017|0|P|>\n\
ST|271|0017|005010X279A1\n\
NM1|PR|2|ACME HEALTH PLAN|||||PI|87726\n\
NM1|IL|1|GARCIA|JOSE||||MI|W288812345\n\
REF|1L|GRP-9981\n\
DMG|D8|19550102|M\n\
EB|1|IND||30\n\
SE|6|0017\n";
        let v = labelled_view(x).unwrap_or_default();
        for want in [
            "X12 271 health care eligibility response",
            "Patient: Jose Garcia\n",
            "Member ID: W288812345\n",
            "Policy #: GRP-9981\n",
            "DOB: 01/02/1955\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn snippet_without_envelope() {
        let mail = "Claim keeps bouncing, segments below:\nNM1*QC*1*LOPEZ*MARIA****MI*XYZ884412937~\nDMG*D8*19610412*F~\nREF*EA*00482913~\n";
        let v = labelled_view(mail).unwrap_or_default();
        assert!(v.contains("Patient: Maria Lopez\n"), "{v}");
        assert!(v.contains("MRN: 00482913\n"), "{v}");
        assert!(v.contains("DOB: 04/12/1961\n"), "{v}");
    }

    #[test]
    fn prose_with_stars_has_no_view() {
        assert!(labelled_view("ISA meeting *moved* to Tuesday; REF desk closed.").is_none());
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in [
            "ISA",
            "ISA*",
            "ISA****************",
            "ISA****************:",
            "NM1*IL",
            "HI*",
            "N4*",
            "N3",
            "ISA\u{e9}\u{e9}",
            "DMG*D8*",
        ] {
            let _ = labelled_view(s);
        }
    }
}
