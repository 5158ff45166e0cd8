//! Healthcare interchange formats (HL7 v2, X12, FHIR, CDA, NCPDP SCRIPT,
//! claim forms) carry PHI
//! by position, not next to a label. Through the public `Scanner` with the
//! shipped rules: such data in a body or an attachment is held, and clean
//! HL7 (an ACK, a master-file update) and prose with pipes still go out.

use sealgate::dlp::{Action, Verdict};
use shipped::scanner;

mod shipped;

fn b64(data: &[u8]) -> String {
    use base64ct::{Base64, Encoding};
    let s = Base64::encode_string(data);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && i % 76 == 0 {
            out.push_str("\r\n");
        }
        out.push(c);
    }
    out
}

fn body_mail(text: &str) -> Vec<u8> {
    format!(
        "From: Interfaces <hl7@clinic.test>\r\nTo: vendor@partner.test\r\nSubject: Interface question\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        text.replace('\r', "\r\n").replace("\r\n\n", "\r\n")
    )
    .into_bytes()
}

fn attached(name: &str, ctype: &str, data: &str) -> Vec<u8> {
    format!(
        "From: Interfaces <hl7@clinic.test>\r\nTo: vendor@partner.test\r\nSubject: Interface file\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nFile attached, as discussed.\r\n\
--b1\r\nContent-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--b1--\r\n",
        b64(data.as_bytes())
    )
    .into_bytes()
}

fn held(v: &Verdict, what: &str) {
    assert!(
        v.action != Action::Deliver && !v.hits.is_empty(),
        "{what}: expected PHI to be found, got {v:?}"
    );
}

fn delivered(v: &Verdict, what: &str) {
    assert_eq!(v.action, Action::Deliver, "{what}: {v:?}");
}

/// An ADT^A01 with no labels a person would type: only positions say MRN,
/// name and birth date.
const ADT: &str = "MSH|^~\\&|EPIC|STMARYS|REGADT|STATE|202603141030||ADT^A01^ADT_A01|MSG00001|P|2.5.1\r\
EVN|A01|202603141030\r\
PID|1||00482913^^^STMARYS^MR||LOPEZ^MARIA^A||19610412|F|||1420 ELM ST^^SPRINGFIELD^IL^62704\r\
PV1|1|I|4W^412^1^STMARYS\r\
DG1|1||E119^Type 2 diabetes mellitus^I10\r";

const X837: &str = "ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1030*^*00501*000000905*0*P*:~\
GS*HC*SUBMITTERID*RECEIVERID*20260314*1030*905*X*005010X222A1~ST*837*0001*005010X222A1~\
NM1*IL*1*LOPEZ*MARIA*A***MI*XYZ884412937~DMG*D8*19610412*F~CLM*PCN20260314A*150***11:B:1*Y*A*Y*Y~\
HI*ABK:E119~SE*6*0001~GE*1*905~IEA*1*000000905~";

const FHIR: &str = r#"{"resourceType":"Bundle","type":"collection","entry":[
{"resource":{"resourceType":"Patient","identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"00482913"}],
"name":[{"family":"Lopez","given":["Maria"]}],"birthDate":"1961-04-12"}},
{"resource":{"resourceType":"Condition","subject":{"reference":"Patient/10442"},
"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E11.9"}]}}}]}"#;

#[test]
fn the_formats_hide_phi_from_the_plain_rules() {
    // `scan_text` runs the rules on the raw text only, without the labelled
    // view: positions alone carry no label, so none of these is PHI there.
    // That gap is what the view closes (the tests below). (FHIR JSON is
    // partly caught raw: `"birthDate"` is a dob-column keyword; so is an
    // HL7 PID, whose `LOPEZ^MARIA^A||19610412` is the shape
    // `hl7-fragment-person` looks for in headers and logs, and nothing else.)
    let s = scanner();
    let v = s.scan_text(X837);
    assert!(!v.phi, "x12: the raw format already counts: {v:?}");
    let v = s.scan_text(ADT);
    assert!(
        v.hits.iter().all(|h| h.detector == "hl7-fragment-person"),
        "hl7: {v:?}"
    );
}

#[test]
fn hl7_in_body_and_attachment() {
    let s = scanner();
    held(&s.scan(&body_mail(ADT)), "HL7 body");
    held(
        &s.scan(&attached("adt.hl7", "application/hl7-v2", ADT)),
        "HL7 .hl7",
    );
    let pasted = format!(
        "Hi, this one failed at the interface:\r\n\r\n> {}\r\nCan you check?",
        ADT.replace('\r', "\r\n> ")
    );
    held(&s.scan(&body_mail(&pasted)), "HL7 quoted in prose");
}

#[test]
fn x12_in_body_and_attachment() {
    let s = scanner();
    held(&s.scan(&body_mail(X837)), "837 body");
    held(
        &s.scan(&attached("claim.x12", "application/edi-x12", X837)),
        "837 .x12",
    );
    let snippet = "Claim rejected, the segments were:\r\nNM1*QC*1*LOPEZ*MARIA****MI*XYZ884412937~\r\nDMG*D8*19610412*F~\r\n";
    held(&s.scan(&body_mail(snippet)), "X12 snippet");
}

#[test]
fn fhir_in_body_and_attachment() {
    let s = scanner();
    held(&s.scan(&body_mail(FHIR)), "FHIR body");
    held(
        &s.scan(&attached("export.json", "application/fhir+json", FHIR)),
        "FHIR .json",
    );
    let xml = r#"<Patient xmlns="http://hl7.org/fhir"><name><family value="Lopez"/><given value="Maria"/></name><birthDate value="1961-04-12"/></Patient>"#;
    held(
        &s.scan(&attached("patient.xml", "application/fhir+xml", xml)),
        "FHIR .xml",
    );
}

/// A C-CDA header as an HIE sends it: the patient is in `recordTarget`,
/// the birth date an attribute.
const CDA: &str = r#"<ClinicalDocument xmlns="urn:hl7-org:v3">
  <title>Continuity of Care Document</title><effectiveTime value="20260404"/>
  <recordTarget><patientRole><id extension="P2227340" root="2.16.840.1.113883.3.999.1"/>
    <patient><name><given>Maria</given><family>Lopez</family></name>
      <administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/>
      <birthTime value="19610412"/></patient>
  </patientRole></recordTarget>
  <entry><observation classCode="OBS" moodCode="EVN"><value code="E11.9" codeSystem="2.16.840.1.113883.6.90" displayName="Type 2 diabetes mellitus without complications"/></observation></entry>
</ClinicalDocument>"#;

/// An NCPDP SCRIPT NewRx: the patient's name and birth date in elements.
const SCRIPT: &str = r#"<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" version="2017071"><Body><NewRx>
<Patient><HumanPatient><Name><LastName>Lopez</LastName><FirstName>Maria</FirstName></Name><Gender>F</Gender>
<DateOfBirth><Date>1961-04-12</Date></DateOfBirth></HumanPatient></Patient>
<MedicationPrescribed><DrugDescription>metformin 500 mg tablet</DrugDescription></MedicationPrescribed>
</NewRx></Body></Message>"#;

#[test]
fn cda_and_script_in_body_and_attachment() {
    let s = scanner();
    for (name, xml) in [("CDA", CDA), ("SCRIPT", SCRIPT)] {
        assert!(!s.scan_text(xml).phi, "{name}: the raw XML already counts");
        held(&s.scan(&body_mail(xml)), name);
        held(
            &s.scan(&attached("doc.xml", "application/xml", xml)),
            &format!("{name} .xml"),
        );
    }
    // A CDA template without a patient is no one's record.
    let blank = r#"<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Template</title>
<recordTarget><patientRole><patient><name><given/><family/></name></patient></patientRole></recordTarget></ClinicalDocument>"#;
    delivered(&s.scan(&body_mail(blank)), "CDA template");
}

#[test]
fn claim_form_text() {
    let s = scanner();
    let form = "HEALTH INSURANCE CLAIM FORM\r\n\
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)   3. PATIENT'S BIRTH DATE MM DD YY\r\n\
LOPEZ, MARIA, A                                             04 12 61\r\n";
    held(
        &s.scan(&attached("cms1500.txt", "text/plain", form)),
        "CMS-1500 text",
    );
}

#[test]
fn clean_hl7_and_pipes_in_prose_are_delivered() {
    let s = scanner();
    let ack = "MSH|^~\\&|REGADT|STATE|EPIC|STMARYS|202603141031||ACK^A01|ACK0001|P|2.5.1\rMSA|AA|MSG00001\r";
    delivered(&s.scan(&body_mail(ack)), "ACK");
    let mfn = "MSH|^~\\&|LAB|HOSP|EHR|HOSP|202603150800||MFN^M08|MF01|P|2.5\rMFI|OMA|LAB|UPD|||NE\rMFE|MAD|||4548-4^Hemoglobin A1c^LN\rOM1|1|4548-4^Hemoglobin A1c^LN|NM\r";
    delivered(
        &s.scan(&attached("mfn.hl7", "application/hl7-v2", mfn)),
        "MFN",
    );
    let prose = "Agenda | Owner | Due\r\n--- | --- | ---\r\nPID controller tuning | Sam | Friday\r\nISA budget * review | Ana | Monday\r\n";
    delivered(&s.scan(&body_mail(prose)), "pipes in prose");
    let cap = r#"{"resourceType":"CapabilityStatement","status":"active","fhirVersion":"4.0.1"}"#;
    delivered(
        &s.scan(&attached("metadata.json", "application/json", cap)),
        "FHIR CapabilityStatement",
    );
}
