//! Validators against published vectors: the 273 Presidio recognizer cases in
//! `tests/data/presidio_recognizer_cases.jsonl` (extracted from Microsoft
//! Presidio's analyzer unit tests, MIT licence, github.com/microsoft/presidio)
//! for every entity we validate, plus issuer-published examples for the
//! validators Presidio has no cases for. Where Presidio is looser than the
//! issuing authority we follow the authority; each such case is listed in
//! `DISAGREE` with the reason, and the test fails if a listed case starts
//! agreeing again (so the list stays true).

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use regex::bytes::Regex;
use sealgate::dlp::engine::boundary;
use sealgate::dlp::validators::{self, Validator};

/// (text, our count, why we differ from Presidio)
const DISAGREE: &[(&str, usize, &str)] = &[
    (
        "122000000000003",
        0,
        "UATP airline cards (prefix 1) are not in our issuer table: 15-digit numbers starting with 1 are mostly references",
    ),
    ("my credit card: 122000000000003", 0, "same UATP case"),
    (
        "1EG4-TE5-MK73",
        0,
        "CMS's published example MBI (MLN fact sheet): in training and billing guides, on no card (issue 6)",
    ),
    ("1EG4TE5MK73", 0, "same CMS example"),
    ("1eg4-te5-mk73", 0, "same CMS example"),
    (
        "Patient 1EG4-TE5-MK73 and 2AG9-XC4-NN22",
        1,
        "the CMS example is not counted, the other one is",
    ),
    (
        "9XX9-XX9-XX99",
        0,
        "a format template (one letter, one digit repeated), as billing guides print it",
    ),
];

fn entity_check(entity: &str) -> Option<(Regex, Validator)> {
    let (re, v) = match entity {
        "US_SSN" => (r"[0-9]{3}[- .]?[0-9]{2}[- .]?[0-9]{4}", "ssn"),
        "US_ITIN" => (r"[0-9]{3}[- .]?[0-9]{2}[- .]?[0-9]{4}", "itin"),
        "US_NPI" => (r"[0-9]{10}|[0-9]{4}[- ][0-9]{3}[- ][0-9]{3}", "npi"),
        "US_MBI" => (r"[0-9A-Za-z]{4}-?[0-9A-Za-z]{3}-?[0-9A-Za-z]{4}", "mbi"),
        "CREDIT_CARD" => (
            r"[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{1,7}|[0-9]{4}[- ]?[0-9]{6}[- ]?[0-9]{4,5}",
            "card",
        ),
        "ABA_ROUTING_NUMBER" => (r"[0-9]{9}|[0-9]{4}-[0-9]{4}-[0-9]", "aba"),
        "MEDICAL_LICENSE" => (r"[A-Za-z][A-Za-z9][0-9]{7}", "dea"),
        _ => return None,
    };
    Some((Regex::new(re).ok()?, Validator::from_name(v, None)?))
}

fn count(re: &Regex, v: &Validator, text: &str) -> usize {
    re.find_iter(text.as_bytes())
        .filter(|m| boundary(text.as_bytes(), m.start(), m.end()) && v.check(m.as_bytes()))
        .count()
}

#[test]
fn presidio_vectors() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/presidio_recognizer_cases.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let disagree: HashMap<&str, usize> = DISAGREE.iter().map(|(t, n, _)| (*t, *n)).collect();
    let mut seen_disagree = HashSet::new();
    let mut per_entity: HashMap<String, (u32, u32)> = HashMap::new();
    let mut failures = Vec::new();
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(entity) = v["entity"].get(0).and_then(|e| e.as_str()) else {
            continue;
        };
        let Some((re, val)) = entity_check(entity) else {
            continue;
        };
        let text = v["case"]["text"].as_str().unwrap_or("");
        let want = v["case"]["expected_len"].as_u64().unwrap_or(0) as usize;
        let got = count(&re, &val, text);
        let e = per_entity.entry(entity.to_string()).or_default();
        e.1 += 1;
        let expected = match disagree.get(text) {
            Some(&ours) => {
                seen_disagree.insert(text.to_string());
                assert_ne!(
                    ours, want,
                    "DISAGREE entry for {text:?} now agrees with Presidio; remove it"
                );
                ours
            }
            None => want,
        };
        if got == expected {
            e.0 += 1;
        } else {
            failures.push(format!(
                "{entity}: {text:?}: got {got}, expected {expected} (Presidio {want})"
            ));
        }
    }
    let mut ents: Vec<_> = per_entity.iter().collect();
    ents.sort();
    for (e, (ok, n)) in ents {
        println!("{e}: {ok}/{n} vectors");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for (t, _, _) in DISAGREE {
        assert!(
            seen_disagree.contains(*t),
            "DISAGREE entry {t:?} not in the vector file"
        );
    }
}

/// Cases where Presidio's own expectation is looser than SSA/CMS; Presidio's
/// vector file happens not to contain them, so they are stated here.
#[test]
fn authority_rules_presidio_does_not_enforce() {
    // SSA: area 9xx is never an SSN (it is an ITIN candidate).
    assert!(!validators::ssn(b"912-70-1234"));
    assert!(validators::itin(b"912-70-1234"));
    // SSA: area 000 / 666, group 00, serial 0000, published samples.
    for bad in [
        "000-12-3456",
        "666-12-3456",
        "123-00-4567",
        "123-45-0000",
        "078-05-1120",
        "219-09-9999",
        "123-45-6789",
    ] {
        assert!(!validators::ssn(bad.as_bytes()), "{bad}");
    }
    assert!(validators::ssn(b"536-22-8915"));
    // CMS: MBI position 1 is 1-9 (Presidio's regex admits 0).
    assert!(!validators::mbi(b"0EG4-TE5-MK73"));
    for l in ["S", "L", "O", "I", "B", "Z"] {
        let m = format!("1{l}G4-TE5-MK73");
        assert!(!validators::mbi(m.as_bytes()), "{m}");
    }
    // DEA: registrant letters; I, N, O, Q, V, W, Y, Z are not registrant types.
    assert!(validators::dea(b"BB1388568"));
    assert!(!validators::dea(b"IB1388568"));
    assert!(!validators::dea(b"ZB1388568"));
    assert!(validators::dea(b"K92993548"));
    // Mastercard 2-series 2221-2720.
    assert!(validators::card(b"2221000000000009"));
    assert!(validators::card(b"2720990000000007"));
    assert!(!validators::card(b"2220990000000008"));
    assert!(!validators::card(b"2721000000000004"));
    assert!(
        !validators::card(b"4012-8888 8888-1881"),
        "mixed separators"
    );
}

#[test]
fn ndc_published_examples() {
    // FDA NDC Directory layouts 4-4-2, 5-3-2, 5-4-1 and the CMS 11-digit 5-4-2.
    for ok in [
        "0002-3227-30",
        "50580-506-02",
        "0573-0150-20",
        "60505-0141-1",
        "00002-3227-30",
        "12345-678-90",
        "68180-0981-1",
    ] {
        assert!(validators::ndc(ok.as_bytes()), "{ok}");
    }
    for bad in [
        "0002322730",
        "123-4567-89",
        "00000-000-00",
        "1234-567-8901",
        "12345-6789-123",
    ] {
        assert!(!validators::ndc(bad.as_bytes()), "{bad}");
    }
}

#[test]
fn icd10_against_official_list() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/data/icd10cm-2026.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let codes: HashSet<String> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect();
    assert!(
        codes.len() > 98_000,
        "official list has 98,225 codes, got {}",
        codes.len()
    );
    let v = Validator::from_name("icd10", Some(Arc::new(codes)));
    let Some(v) = v else {
        panic!("icd10 validator")
    };
    for ok in [
        "E11.9", "I10", "J45.909", "U07.1", "U09.9", "F32.A", "C50.911", "Z79.4", "E119", "M54.5",
        "M54.50", "QA0",
    ] {
        assert!(v.check(ok.as_bytes()), "{ok}");
    }
    // The list holds categories too (M54.5 is the header of M54.50-M54.59); A12 and B52.3 are not codes.
    for bad in ["M54.6x", "A12", "E11.", "E1.19", "XYZ", "B52.3"] {
        assert!(!v.check(bad.as_bytes()), "{bad}");
    }
}

#[test]
fn luhn_and_npi_and_aba_published() {
    // CMS NPI check-digit example: 123456789 -> check digit 3.
    assert!(validators::npi(b"1234567893"));
    assert!(!validators::npi(b"1234567890"));
    // Federal Reserve routing numbers (public): JPMorgan Chase NY, Bank of America.
    assert!(validators::aba(b"021000021"));
    assert!(validators::aba(b"026009593"));
    assert!(!validators::aba(b"021000022"));
    assert!(validators::luhn(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
}

#[test]
fn dates_for_birth() {
    for ok in [
        "03/14/1962",
        "1962-03-14",
        "March 14, 1962",
        "14 Mar 1962",
        "2/29/2000",
        "7/4/76",
        // Day first when the first number cannot be a month (Spanish and
        // European mail).
        "13/01/1962",
    ] {
        assert!(validators::date(ok.as_bytes()), "{ok}");
    }
    for bad in [
        "2/29/1900",
        "13/13/1962",
        "04/31/1962",
        "1/1/1800",
        "99/99/9999",
    ] {
        assert!(!validators::date(bad.as_bytes()), "{bad}");
    }
}
