//! Clinical XML that is not FHIR: HL7 v3 CDA documents (C-CDA, the CCDs an
//! HIE sends) and NCPDP SCRIPT e-prescriptions.
//!
//! Both put the patient in elements, not next to words a person would write:
//! `<patient><name><given>Itzel</given><family>Ybarra</family></name>
//! <birthTime value="19600101"/>` or `<HumanPatient><Name><LastName>...
//! <DateOfBirth><Date>1979-02-20</Date>`. The recognised fields are rendered
//! as labelled lines (`Patient: Itzel Ybarra`, `DOB: 01/01/1960`,
//! `Diagnosis: E11.40 ...`). Only the patient's own elements count: in CDA
//! the `recordTarget`, in SCRIPT the `Patient` (a prescriber's name and
//! address are not a patient's). A tolerant pull reader is enough: the text
//! as written is scanned anyway.

use memchr::memmem;

use super::{View, date_mdy, full_name, icd_dot};
use crate::dlp::extract::xml::{Event, Reader, attr_text, push_text};

/// Elements read from one document.
const MAX_ELEMENTS: usize = 100_000;
/// Nesting kept; deeper elements are read as if at this depth.
const MAX_DEPTH: usize = 64;

/// OIDs of ICD-10-CM and ICD-10 code systems in CDA.
const ICD10_OIDS: &[&str] = &["2.16.840.1.113883.6.90", "2.16.840.1.113883.6.3"];
/// SNOMED CT, used for problem lists.
const SNOMED_OID: &str = "2.16.840.1.113883.6.96";

/// Whether `b` may hold a CDA document or a SCRIPT message.
pub(super) fn candidate(b: &[u8]) -> bool {
    memchr::memchr(b'<', b).is_some()
        && [
            &b"urn:hl7-org:v3"[..],
            b"<ClinicalDocument",
            b"ncpdp.org/schema",
            b"<NewRx",
            b"<HumanPatient",
        ]
        .iter()
        .any(|m| memmem::find(b, m).is_some())
}

/// A person being assembled from elements.
#[derive(Default)]
struct Person {
    given: String,
    family: String,
    street: Vec<String>,
    city: String,
    state: String,
    zip: String,
}

pub(super) fn render(text: &str, v: &mut View) {
    let mut stack: Vec<&str> = Vec::new();
    let mut headed = false;
    let mut person = Person::default();
    let mut buf = String::new();
    let mut elements = 0usize;
    let mut head = |v: &mut View| {
        if !headed {
            v.heading("Clinical document (HL7 CDA / NCPDP SCRIPT, health record)");
            headed = true;
        }
    };
    for ev in Reader::new(text) {
        if v.full() {
            return;
        }
        match ev {
            Event::Open { name, attrs, empty } => {
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return;
                }
                buf.clear();
                let in_patient = in_record_target(&stack);
                match name {
                    // CDA: the patient's identifiers, phone and birth date
                    // are attributes.
                    "id" if in_patient => {
                        if let Some(x) = attr_text(attrs, "extension") {
                            head(v);
                            v.field("Patient ID", &x);
                        }
                    }
                    "telecom" if in_patient => {
                        if let Some(t) = attr_text(attrs, "value") {
                            head(v);
                            let t = t.trim();
                            let t = t
                                .strip_prefix("tel:")
                                .map(|p| ("Phone", p))
                                .or_else(|| t.strip_prefix("mailto:").map(|m| ("Email", m)));
                            if let Some((label, value)) = t {
                                v.field(label, value);
                            }
                        }
                    }
                    "birthTime" if in_patient => {
                        if let Some(d) = attr_text(attrs, "value").and_then(|d| date_mdy(&d)) {
                            head(v);
                            v.field("DOB", &d);
                        }
                    }
                    // CDA problem lists and diagnoses: coded values.
                    "value" | "code" | "translation" => {
                        let system = attr_text(attrs, "codeSystem").unwrap_or_default();
                        let code = attr_text(attrs, "code").unwrap_or_default();
                        let display = attr_text(attrs, "displayName").unwrap_or_default();
                        if ICD10_OIDS.contains(&system.trim()) && !code.is_empty() {
                            head(v);
                            v.field("Diagnosis", format!("{} {display}", icd_dot(&code)).trim());
                        } else if system.trim() == SNOMED_OID
                            && name == "value"
                            && !display.is_empty()
                        {
                            head(v);
                            v.field("Diagnosis", &display);
                        }
                    }
                    _ => {}
                }
                if !empty {
                    if stack.len() < MAX_DEPTH {
                        stack.push(name);
                    } else {
                        // Too deep: keep the depth, remember the innermost.
                        if let Some(last) = stack.last_mut() {
                            *last = name;
                        }
                    }
                }
            }
            Event::Text(_) | Event::CData(_) => push_text(&ev, &mut buf),
            Event::Close(name) => {
                let value = buf.trim().to_string();
                buf.clear();
                // Pop to the matching element (tolerates unclosed ones).
                let Some(at) = stack.iter().rposition(|n| *n == name) else {
                    continue;
                };
                stack.truncate(at);
                close(name, &value, &stack, &mut person, v, &mut head);
            }
        }
    }
}

/// Whether `stack` holds `path` as consecutive elements.
fn within(stack: &[&str], path: &[&str]) -> bool {
    stack.windows(path.len()).any(|w| w == path)
}

/// Inside CDA's `recordTarget/patientRole`, not its provider organisation.
fn in_record_target(stack: &[&str]) -> bool {
    within(stack, &["recordTarget", "patientRole"]) && !stack.contains(&"providerOrganization")
}

/// One element closed with text `value` inside `stack` (its ancestors).
fn close(
    name: &str,
    value: &str,
    stack: &[&str],
    p: &mut Person,
    v: &mut View,
    head: &mut impl FnMut(&mut View),
) {
    // CDA recordTarget/patientRole, SCRIPT Patient (HumanPatient).
    let cda = in_record_target(stack);
    let script = stack.contains(&"Patient") && !cda;
    if !(cda || script) {
        match name {
            // SCRIPT: what was prescribed, for which diagnosis, for which
            // plan member.
            "DrugDescription" if stack.contains(&"MedicationPrescribed") => {
                head(v);
                v.field("Medication", value);
            }
            "Code" if stack.contains(&"Diagnosis") => {
                head(v);
                v.field("Diagnosis", &icd_dot(value));
            }
            "CardholderID" | "PatientID" if stack.contains(&"BenefitsCoordination") => {
                head(v);
                v.field("Member ID", value);
            }
            _ => {}
        }
        return;
    }
    let in_guardian = stack.contains(&"guardian") || stack.contains(&"Guardian");
    match name {
        "given" | "FirstName" | "MiddleName" if !in_guardian && !value.is_empty() => {
            if !p.given.is_empty() {
                p.given.push(' ');
            }
            p.given.push_str(value);
        }
        "family" | "LastName" if !in_guardian => p.family = value.to_string(),
        "name" | "Name" => {
            if !p.given.is_empty() || !p.family.is_empty() {
                head(v);
                v.field("Patient", &full_name(&p.given, &p.family));
            }
            p.given.clear();
            p.family.clear();
        }
        "streetAddressLine" | "AddressLine1" | "AddressLine2" => p.street.push(value.to_string()),
        "city" | "City" => p.city = value.to_string(),
        "state" | "StateProvince" => p.state = value.to_string(),
        "postalCode" | "PostalCode" => p.zip = value.to_string(),
        "addr" | "Address" => {
            let mut parts: Vec<String> = std::mem::take(&mut p.street);
            for s in [&mut p.city, &mut p.state, &mut p.zip] {
                parts.push(std::mem::take(s));
            }
            parts.retain(|s| !s.is_empty());
            if !parts.is_empty() {
                head(v);
                v.field("Address", &parts.join(", "));
            }
        }
        "Date" | "DateTime" if stack.contains(&"DateOfBirth") => {
            if let Some(d) = date_mdy(value) {
                head(v);
                v.field("DOB", &d);
            }
        }
        "MedicalRecordIdentificationNumberEHR" | "PatientAccountNumber" => {
            head(v);
            v.field("MRN", value);
        }
        "SocialSecurity" => {
            head(v);
            v.field("SSN", value);
        }
        "MedicareNumber" => {
            head(v);
            v.field("Medicare MBI", value);
        }
        "MedicaidNumber" => {
            head(v);
            v.field("Medicaid ID", value);
        }
        "Number" if stack.contains(&"CommunicationNumbers") => {
            head(v);
            v.field("Phone", value);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> String {
        let mut v = View::default();
        if candidate(text.as_bytes()) {
            render(text, &mut v);
        }
        v.finish().unwrap_or_default()
    }

    #[test]
    fn cda_record_target_and_problems() {
        let x = r#"<ClinicalDocument xmlns="urn:hl7-org:v3"><effectiveTime value="20260404"/>
<author><assignedAuthor><id extension="1234567893" root="2.16.840.1.113883.4.6"/></assignedAuthor></author>
<recordTarget><patientRole><id extension="P2227340C" root="2.16.840.1.113883.3.999.1"/>
<addr use="HP"><streetAddressLine>12 Camino Real</streetAddressLine><city>Billings</city><state>MT</state><postalCode>59199</postalCode></addr>
<telecom value="tel:406/384-6672" use="HP"/>
<patient><name><given>Itzel</given><family>YBARRA</family></name><birthTime value="19600101"/></patient>
</patientRole></recordTarget>
<entry><observation><value code="E11.40" codeSystem="2.16.840.1.113883.6.90" displayName="Type 2 diabetes mellitus with diabetic neuropathy"/></observation></entry>
</ClinicalDocument>"#;
        let t = view(x);
        assert!(t.contains("Patient ID: P2227340C\n"), "{t}");
        assert!(t.contains("Patient: Itzel Ybarra\n"), "{t}");
        assert!(t.contains("DOB: 01/01/1960\n"), "{t}");
        assert!(t.contains("Phone: 406/384-6672\n"), "{t}");
        assert!(
            t.contains("Address: 12 Camino Real, Billings, MT, 59199\n"),
            "{t}"
        );
        assert!(t.contains("Diagnosis: E11.40 Type 2 diabetes"), "{t}");
        assert!(
            !t.contains("1234567893"),
            "the author is not the patient: {t}"
        );
    }

    #[test]
    fn script_patient_not_prescriber() {
        let x = r#"<Message xmlns="http://www.ncpdp.org/schema/SCRIPT"><Body><NewRx>
<Patient><HumanPatient><Name><LastName>Du Bois</LastName><FirstName>Kofi</FirstName></Name>
<DateOfBirth><Date>1979-02-20</Date></DateOfBirth></HumanPatient></Patient>
<Prescriber><NonVeterinarian><Name><LastName>Zamora</LastName><FirstName>Santiago</FirstName></Name></NonVeterinarian></Prescriber>
<MedicationPrescribed><DrugDescription>Biktarvy 50/200/25 mg tablet</DrugDescription></MedicationPrescribed>
</NewRx></Body></Message>"#;
        let t = view(x);
        assert!(t.contains("Patient: Kofi Du Bois\n"), "{t}");
        assert!(t.contains("DOB: 02/20/1979\n"), "{t}");
        assert!(t.contains("Medication: Biktarvy"), "{t}");
        assert!(!t.contains("Zamora"), "{t}");
    }

    #[test]
    fn other_xml_has_no_view() {
        assert_eq!(view("<note><to>Ana</to><date>2026-01-02</date></note>"), "");
    }
}
