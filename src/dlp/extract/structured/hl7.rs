//! HL7 v2: pipe-delimited segments (`MSH|^~\&|...`, `PID|...`).
//!
//! Separators come from MSH-1/MSH-2 when a message header is present, else
//! the standard `|^~\&`. Segments end at `\r` (the standard) or `\n` (what
//! survives copy and paste into an e-mail); a leading quote marker (`> `) is
//! ignored, so a snippet quoted in a reply is read too. Only the segments
//! that describe a patient are rendered; an ACK or MFN yields nothing.

use super::{View, date_mdy, full_name, icd_dot};

/// Fields read from one segment (PID has 39, IN1 has 53).
const MAX_FIELDS: usize = 64;
/// Repetitions read from one field.
const MAX_REPS: usize = 8;

#[derive(Clone, Copy)]
struct Seps {
    field: char,
    comp: char,
    rep: char,
    esc: char,
    sub: char,
}

impl Default for Seps {
    fn default() -> Self {
        Seps {
            field: '|',
            comp: '^',
            rep: '~',
            esc: '\\',
            sub: '&',
        }
    }
}

/// Segments that say something about a patient.
const PATIENT_SEGMENTS: &[&str] = &["PID", "PV1", "DG1", "IN1", "OBX"];

pub(super) fn render(text: &str, v: &mut View) {
    let mut seps = Seps::default();
    let mut headed = false;
    for raw in text.split(['\r', '\n']) {
        if v.full() {
            return;
        }
        let line = raw.trim_start_matches([' ', '\t', '>']);
        let Some(id) = line.get(..3) else { continue };
        if !id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            continue;
        }
        let Some(rest) = line.get(3..) else { continue };
        if id == "MSH" {
            if let Some((s, msg_type)) = header(rest) {
                seps = s;
                v.heading(&format!("HL7 v2 message {msg_type} (health record)"));
                headed = true;
            }
            continue;
        }
        if !rest.starts_with(seps.field) || !PATIENT_SEGMENTS.contains(&id) {
            continue;
        }
        if !headed {
            v.heading("HL7 v2 segments (health record)");
            headed = true;
        }
        let f: Vec<&str> = line.splitn(MAX_FIELDS, seps.field).collect();
        let seg = Seg { f: &f, s: seps };
        match id {
            "PID" => pid(&seg, v),
            "PV1" => v.field("Encounter #", &seg.comp(19, 0)),
            "DG1" => dg1(&seg, v),
            "IN1" => in1(&seg, v),
            _ => obx(&seg, v),
        }
    }
}

/// Separators and message type (MSH-9) from what follows `MSH`.
fn header(rest: &str) -> Option<(Seps, String)> {
    let mut chars = rest.chars();
    let field = chars.next()?;
    if !field.is_ascii_punctuation() {
        return None;
    }
    let enc: Vec<char> = chars.take_while(|&c| c != field).take(4).collect();
    let d = Seps::default();
    let s = Seps {
        field,
        comp: enc.first().copied().unwrap_or(d.comp),
        rep: enc.get(1).copied().unwrap_or(d.rep),
        esc: enc.get(2).copied().unwrap_or(d.esc),
        sub: enc.get(3).copied().unwrap_or(d.sub),
    };
    // rest = "|^~\&|app|fac|..." : split index i is MSH-(i+1).
    let msg_type: String = rest
        .split(field)
        .nth(8)
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == s.comp || *c == '_')
        .take(20)
        .collect();
    Some((s, msg_type))
}

struct Seg<'a> {
    f: &'a [&'a str],
    s: Seps,
}

impl Seg<'_> {
    fn field(&self, n: usize) -> &str {
        self.f.get(n).copied().unwrap_or("")
    }

    fn reps(&self, n: usize) -> impl Iterator<Item = &str> {
        self.field(n)
            .split(self.s.rep)
            .take(MAX_REPS)
            .filter(|r| !r.is_empty())
    }

    fn comp(&self, n: usize, c: usize) -> String {
        self.first_rep_comp(self.field(n), c)
    }

    /// Component `c` (first subcomponent) of the first repetition of `field`.
    fn first_rep_comp(&self, field: &str, c: usize) -> String {
        let rep = field.split(self.s.rep).next().unwrap_or("");
        self.rep_comp(rep, c)
    }

    fn rep_comp(&self, rep: &str, c: usize) -> String {
        let comp = rep.split(self.s.comp).nth(c).unwrap_or("");
        self.unescape(comp.split(self.s.sub).next().unwrap_or(""))
    }

    /// `\F\ \S\ \T\ \R\ \E\` back to the characters they stand for; other
    /// escapes (formatting, hex) become a space.
    fn unescape(&self, s: &str) -> String {
        if !s.contains(self.s.esc) {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut parts = s.split(self.s.esc);
        out.push_str(parts.next().unwrap_or(""));
        let mut inside = true;
        for p in parts {
            if inside {
                out.push(match p {
                    "F" => self.s.field,
                    "S" => self.s.comp,
                    "T" => self.s.sub,
                    "R" => self.s.rep,
                    "E" => self.s.esc,
                    _ => ' ',
                });
            } else {
                out.push_str(p);
            }
            inside = !inside;
        }
        out
    }
}

fn pid(seg: &Seg<'_>, v: &mut View) {
    v.field("Patient ID", &seg.comp(2, 0));
    for rep in seg.reps(3) {
        let id = seg.rep_comp(rep, 0);
        let label = match seg.rep_comp(rep, 4).as_str() {
            "SS" => "SSN",
            "MB" | "MC" | "MA" => "Member ID",
            _ => "MRN",
        };
        v.field(label, &id);
    }
    v.field("Patient ID", &seg.comp(4, 0));
    if let Some(name) = seg.reps(5).next() {
        v.field(
            "Patient",
            &full_name(&seg.rep_comp(name, 1), &seg.rep_comp(name, 0)),
        );
    }
    if let Some(d) = date_mdy(&seg.comp(7, 0)) {
        v.field("DOB", &d);
    }
    if let Some(a) = seg.reps(11).next() {
        let parts: Vec<String> = [0, 2, 3, 4]
            .iter()
            .map(|&c| seg.rep_comp(a, c))
            .filter(|p| !p.is_empty())
            .collect();
        v.field("Address", &parts.join(", "));
    }
    for rep in seg.reps(13).take(3) {
        let plain = seg.rep_comp(rep, 0);
        let phone = if plain.is_empty() {
            format!("{} {}", seg.rep_comp(rep, 5), seg.rep_comp(rep, 6))
        } else {
            plain
        };
        v.field("Phone", &phone);
    }
    v.field("Patient Account #", &seg.comp(18, 0));
    v.field("SSN", &seg.comp(19, 0));
    v.field("Driver's License", &seg.comp(20, 0));
}

fn dg1(seg: &Seg<'_>, v: &mut View) {
    let code = icd_dot(&seg.comp(3, 0));
    let mut text = seg.comp(3, 1);
    if text.is_empty() {
        text = seg.comp(4, 0);
    }
    v.field("Diagnosis", format!("{code} {text}").trim());
}

fn in1(seg: &Seg<'_>, v: &mut View) {
    let ids: Vec<String> = [36, 49]
        .iter()
        .map(|&n| seg.comp(n, 0))
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        v.field("Member ID", &seg.comp(2, 0));
    }
    for id in &ids {
        v.field("Member ID", id);
    }
    v.field("Group #", &seg.comp(8, 0));
    if let Some(name) = seg.reps(16).next() {
        v.field(
            "Insured",
            &full_name(&seg.rep_comp(name, 1), &seg.rep_comp(name, 0)),
        );
    }
    if let Some(d) = date_mdy(&seg.comp(18, 0)) {
        v.field("Insured DOB", &d);
    }
}

fn obx(seg: &Seg<'_>, v: &mut View) {
    let mut name = seg.comp(3, 1);
    if name.is_empty() {
        name = seg.comp(3, 0);
    }
    let coded = matches!(seg.field(2), "CE" | "CWE" | "CNE");
    let mut values = Vec::new();
    for rep in seg.reps(5) {
        let val = if coded {
            let t = seg.rep_comp(rep, 1);
            if t.is_empty() {
                seg.rep_comp(rep, 0)
            } else {
                t
            }
        } else {
            rep.split(seg.s.comp)
                .map(|c| seg.unescape(c))
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        values.push(val);
    }
    let units = seg.comp(6, 0);
    let line = format!("{name}: {} {units}", values.join(" "));
    if !values.is_empty() {
        v.field("Result", line.trim());
    }
}

#[cfg(test)]
mod tests {
    use super::super::labelled_view;

    const ADT: &str = "MSH|^~\\&|EPIC|STMARYS|REGADT|STATE|202603141030||ADT^A01^ADT_A01|MSG00001|P|2.5.1\r\
EVN|A01|202603141030\r\
PID|1||00482913^^^STMARYS^MR~512449087^^^SSA^SS||LOPEZ^MARIA^A||19610412|F|||1420 ELM ST^^SPRINGFIELD^IL^62704||^PRN^PH^^^217^5550143|||||ACCT7781234|512-44-9087\r\
PV1|1|I|4W^412^1^STMARYS||||1234567893^SMITH^JOHN|||MED|||||||||V00098231\r\
DG1|1||E11.9^Type 2 diabetes mellitus without complications^I10||20260314|A\r\
IN1|1|BCBS01|60054|BLUE CROSS IL||||GRP44821||||||||LOPEZ^MARIA|01|19610412||||||||||||||||||XYZ884412937\r";

    #[test]
    fn adt_a01() {
        let v = labelled_view(ADT).unwrap_or_default();
        for want in [
            "HL7 v2 message ADT^A01^ADT_A01",
            "MRN: 00482913\n",
            "SSN: 512449087\n",
            "Patient: Maria Lopez\n",
            "DOB: 04/12/1961\n",
            "Address: 1420 ELM ST, SPRINGFIELD, IL, 62704\n",
            "Phone: 217 5550143\n",
            "Patient Account #: ACCT7781234\n",
            "SSN: 512-44-9087\n",
            "Encounter #: V00098231\n",
            "Diagnosis: E11.9 Type 2 diabetes mellitus without complications\n",
            "Member ID: XYZ884412937\n",
            "Insured DOB: 04/12/1961\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn oru_r01_with_other_separators_and_lf() {
        let oru = "MSH#$*\\&#LAB#HOSP#EHR#HOSP#202603150800##ORU$R01#77#P#2.3\n\
PID###A99812345$$$LAB$MR##GARCIA$JOSE##19550102\n\
OBR#1##88121#4548-4$Hemoglobin A1c$LN\n\
OBX#1#NM#4548-4$Hemoglobin A1c$LN##9.1#%#4.0-5.6#H\n\
OBX#2#TX#COMMENT$Comment##Poorly controlled diabetes\\T\\follow up\n";
        let v = labelled_view(oru).unwrap_or_default();
        for want in [
            "MRN: A99812345\n",
            "Patient: Jose Garcia\n",
            "DOB: 01/02/1955\n",
            "Result: Hemoglobin A1c: 9.1 %\n",
            "Result: Comment: Poorly controlled diabetes&follow up\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn snippet_in_prose_is_read() {
        let mail = "Hi team,\n\nthe interface dropped this one, can you look?\n\n> PID|1||00482913^^^MR||LOPEZ^MARIA||19610412\n> DG1|1||E119^^I10\n\nThanks";
        let v = labelled_view(mail).unwrap_or_default();
        assert!(v.contains("MRN: 00482913\n"), "{v}");
        assert!(v.contains("DOB: 04/12/1961\n"), "{v}");
        assert!(v.contains("Diagnosis: E11.9"), "{v}");
    }

    #[test]
    fn messages_without_a_patient_have_no_view() {
        let ack = "MSH|^~\\&|REGADT|STATE|EPIC|STMARYS|202603141031||ACK^A01|ACK0001|P|2.5.1\rMSA|AA|MSG00001\r";
        assert!(labelled_view(ack).is_none());
        let mfn = "MSH|^~\\&|LAB|HOSP|EHR|HOSP|202603150800||MFN^M08|MF01|P|2.5\rMFI|OMA|LAB|UPD|||NE\rMFE|MAD|||4548-4^Hemoglobin A1c^LN\rOM1|1|4548-4^Hemoglobin A1c^LN|NM\r";
        assert!(labelled_view(mfn).is_none());
    }

    #[test]
    fn hostile_lines_do_not_panic() {
        for s in [
            "MSH",
            "MSH|",
            "MSHx",
            "PID|",
            "PID|||||||||||||||||||||||||||||||",
            "MSH|^~\\&\rPID|1||\\\\\\|^^^^^^^^^^",
            "DG1|\u{e9}|\u{e9}|\u{e9}^\u{e9}",
            "OBX|||||||",
        ] {
            let _ = labelled_view(s);
        }
    }
}
