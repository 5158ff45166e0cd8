//! FHIR resources in JSON (and, through [`super::fhir_xml`], in XML).
//!
//! A resource can be a whole attachment, a Bundle of many, or one pasted
//! into a mail between sentences, so JSON values are parsed from where an
//! object starts before each `"resourceType"` and trailing text is ignored.
//! The walk visits nested resources (Bundle entries, `contained`) and renders
//! the person-identifying elements of the ones that describe a patient.

use memchr::memmem;
use serde_json::{Map, Value};

use super::{View, date_mdy, full_name, icd_dot};

/// JSON documents parsed from one segment.
const MAX_DOCUMENTS: usize = 16;
/// Nodes visited in one document.
const MAX_NODES: usize = 200_000;
/// Depth followed (serde_json already stops at 128).
const MAX_DEPTH: u32 = 48;

pub(super) fn render_json(text: &str, v: &mut View) {
    let b = text.as_bytes();
    let mut from = 0;
    let mut first = true;
    for _ in 0..MAX_DOCUMENTS * 4 {
        let Some(rt) = b
            .get(from..)
            .and_then(|t| memmem::find(t, b"\"resourceType\""))
        else {
            return;
        };
        let rt = from + rt;
        let window = b.get(from..rt).unwrap_or_default();
        // The outermost `{` (a Bundle around everything) first, once; then
        // the `{` right before the key (one resource, e.g. in a cut Bundle).
        let mut starts = Vec::with_capacity(2);
        if first && let Some(p) = memchr::memchr(b'{', window) {
            starts.push(from + p);
        }
        if let Some(p) = memchr::memrchr(b'{', window) {
            starts.push(from + p);
        }
        first = false;
        let mut next = rt + 1;
        for s in starts {
            let Some(src) = text.get(s..) else { continue };
            let mut it = serde_json::Deserializer::from_str(src).into_iter::<Value>();
            if let Some(Ok(val)) = it.next() {
                let mut nodes = MAX_NODES;
                walk(&val, v, 0, &mut nodes);
                next = next.max(s + it.byte_offset());
                break;
            }
        }
        from = next;
        if v.full() {
            return;
        }
    }
}

/// Render every resource found in `val`.
pub(super) fn walk(val: &Value, v: &mut View, depth: u32, nodes: &mut usize) {
    if depth > MAX_DEPTH || *nodes == 0 || v.full() {
        return;
    }
    *nodes -= 1;
    match val {
        Value::Object(m) => {
            if let Some(rt) = m.get("resourceType").and_then(Value::as_str) {
                if is_test_data(m) {
                    return;
                }
                resource(rt, m, v);
            }
            for child in m.values() {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    walk(child, v, depth + 1, nodes);
                }
            }
        }
        Value::Array(a) => {
            for child in a {
                walk(child, v, depth + 1, nodes);
            }
        }
        _ => {}
    }
}

/// Is the resource labelled as test data? HL7's `HTEST` ("test health
/// data", v3 ActReason) in `meta.tag` or `meta.security` is how FHIR marks
/// records that describe no real person: the specification's examples and
/// sandbox data carry it. The specification's own examples also have the
/// logical id `example` (`Patient/example`, Peter James Chalmers), which no
/// server assigns to a real record. Such a resource, and what it contains,
/// is not rendered as a patient's; its text is still scanned as text.
fn is_test_data(m: &Map<String, Value>) -> bool {
    let id = s(m, "id");
    if id == "example" || id.starts_with("example-") {
        return true;
    }
    obj(m, "meta").is_some_and(|meta| {
        objs(meta, "tag")
            .chain(objs(meta, "security"))
            .any(|c| s(c, "code").eq_ignore_ascii_case("HTEST"))
    })
}

/// A value or each element of an array (XML-derived trees always use arrays).
fn items(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    let (one, many) = match v {
        Some(Value::Array(a)) => (None, Some(a.iter())),
        Some(x) => (Some(x), None),
        None => (None, None),
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// A string (or number) at `key`, the first if it repeats.
fn s(m: &Map<String, Value>, key: &str) -> String {
    match items(m.get(key)).next() {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn obj<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    items(m.get(key)).find_map(Value::as_object)
}

fn objs<'a>(m: &'a Map<String, Value>, key: &str) -> impl Iterator<Item = &'a Map<String, Value>> {
    items(m.get(key)).filter_map(Value::as_object).take(16)
}

fn strings(m: &Map<String, Value>, key: &str) -> Vec<String> {
    items(m.get(key))
        .filter_map(|x| x.as_str().map(str::to_string))
        .take(8)
        .collect()
}

fn resource(rt: &str, m: &Map<String, Value>, v: &mut View) {
    let safe: String = rt
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(40)
        .collect();
    v.heading(&format!("FHIR {safe} (health record)"));
    match rt {
        "Patient" => patient(m, v),
        "Condition" => {
            subject(m, v);
            for c in code_lines(obj(m, "code")) {
                v.field("Diagnosis", &c);
            }
        }
        "Observation" => {
            subject(m, v);
            observation(m, v);
        }
        "Encounter" => {
            subject(m, v);
            for id in objs(m, "identifier") {
                v.field("Encounter #", &s(id, "value"));
            }
        }
        "Coverage" => {
            v.field("Member ID", &s(m, "subscriberId"));
            for id in objs(m, "identifier") {
                v.field("Member ID", &s(id, "value"));
            }
            for key in ["beneficiary", "subscriber"] {
                reference(obj(m, key), v);
            }
        }
        "Claim" | "ExplanationOfBenefit" => {
            reference(obj(m, "patient"), v);
            for id in objs(m, "identifier") {
                v.field("Claim #", &s(id, "value"));
            }
            for d in objs(m, "diagnosis") {
                for c in code_lines(obj(d, "diagnosisCodeableConcept")) {
                    v.field("Diagnosis", &c);
                }
            }
        }
        _ => {
            subject(m, v);
        }
    }
}

fn patient(m: &Map<String, Value>, v: &mut View) {
    for n in objs(m, "name").take(3) {
        let given = strings(n, "given").join(" ");
        let family = strings(n, "family").join(" ");
        let name = full_name(&given, &family);
        if name.is_empty() {
            v.field("Patient", &s(n, "text"));
        } else {
            v.field("Patient", &name);
        }
    }
    if let Some(d) = date_mdy(&s(m, "birthDate")) {
        v.field("DOB", &d);
    }
    for id in objs(m, "identifier") {
        let system = s(id, "system");
        let types: Vec<String> = obj(id, "type")
            .into_iter()
            .flat_map(|t| objs(t, "coding"))
            .map(|c| s(c, "code"))
            .collect();
        let has = |c: &str| types.iter().any(|t| t == c);
        let label = if system.ends_with("/us-ssn") || has("SS") {
            "SSN"
        } else if system.ends_with("/us-mbi") || has("MC") {
            "MBI"
        } else if has("MR") {
            "MRN"
        } else if has("MB") {
            "Member ID"
        } else {
            "Patient ID"
        };
        v.field(label, &s(id, "value"));
    }
    for a in objs(m, "address").take(3) {
        let mut parts = strings(a, "line");
        for k in ["city", "state", "postalCode"] {
            parts.push(s(a, k));
        }
        parts.retain(|p| !p.is_empty());
        v.field("Address", &parts.join(", "));
    }
    for t in objs(m, "telecom").take(4) {
        match s(t, "system").as_str() {
            "email" => v.field("Email", &s(t, "value")),
            _ => v.field("Phone", &s(t, "value")),
        }
    }
}

/// `subject` / `patient`: a display name and the id in `Patient/<id>`.
fn subject(m: &Map<String, Value>, v: &mut View) {
    for key in ["subject", "patient"] {
        reference(obj(m, key), v);
    }
}

fn reference(r: Option<&Map<String, Value>>, v: &mut View) {
    let Some(r) = r else { return };
    v.field("Patient", &title_display(&s(r, "display")));
    let reference = s(r, "reference");
    if let Some(id) = reference.strip_prefix("Patient/")
        && id.bytes().any(|b| b.is_ascii_digit())
    {
        v.field("Patient ID", id);
    }
    if let Some(i) = obj(r, "identifier") {
        v.field("Patient ID", &s(i, "value"));
    }
}

fn title_display(d: &str) -> String {
    let words: Vec<String> = d.split_whitespace().map(super::title_name).collect();
    words.join(" ")
}

/// `code display` per coding, else the concept's text.
fn code_lines(cc: Option<&Map<String, Value>>) -> Vec<String> {
    let Some(cc) = cc else { return Vec::new() };
    let mut out: Vec<String> = objs(cc, "coding")
        .map(|c| {
            let system = s(c, "system");
            let code = s(c, "code");
            let code = if system.contains("icd-10") {
                icd_dot(&code)
            } else {
                code
            };
            format!("{code} {}", s(c, "display")).trim().to_string()
        })
        .collect();
    if out.is_empty() {
        out.push(s(cc, "text"));
    }
    out
}

fn observation(m: &Map<String, Value>, v: &mut View) {
    let code = obj(m, "code");
    let mut name = code.map(|c| s(c, "text")).unwrap_or_default();
    if name.is_empty()
        && let Some(c) = code.and_then(|c| objs(c, "coding").next())
    {
        name = s(c, "display");
    }
    let value = if let Some(q) = obj(m, "valueQuantity") {
        format!("{} {}", s(q, "value"), s(q, "unit"))
    } else if let Some(cc) = obj(m, "valueCodeableConcept") {
        code_lines(Some(cc)).join("; ")
    } else {
        [
            "valueString",
            "valueInteger",
            "valueBoolean",
            "valueDateTime",
        ]
        .iter()
        .map(|k| s(m, k))
        .find(|x| !x.is_empty())
        .unwrap_or_default()
    };
    let value = value.trim();
    if !value.is_empty() {
        v.field("Result", &format!("{name}: {value}"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::labelled_view;

    pub(crate) const PATIENT: &str = r#"{
  "resourceType": "Patient",
  "id": "pat-0482913",
  "identifier": [
    {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
     "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "00482913"},
    {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "512-44-9087"},
    {"system": "http://hl7.org/fhir/sid/us-mbi", "value": "1EG4TE5MK73"},
    {"system": "https://clinic.example/ids", "value": "CL-778812"}
  ],
  "name": [{"use": "official", "family": "Lopez", "given": ["Maria", "Ana"]}],
  "telecom": [{"system": "phone", "value": "(217) 555-0143"}],
  "gender": "female",
  "birthDate": "1961-04-12",
  "address": [{"line": ["1420 Elm St"], "city": "Springfield", "state": "IL", "postalCode": "62704"}]
}"#;

    #[test]
    fn patient_json() {
        let v = labelled_view(PATIENT).unwrap_or_default();
        for want in [
            "FHIR Patient",
            "Patient: Maria Ana Lopez\n",
            "DOB: 04/12/1961\n",
            "MRN: 00482913\n",
            "SSN: 512-44-9087\n",
            "MBI: 1EG4TE5MK73\n",
            "Patient ID: CL-778812\n",
            "Phone: (217) 555-0143\n",
            "Address: 1420 Elm St, Springfield, IL, 62704\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn bundle_in_prose_with_condition_and_observation() {
        let mail = r#"Here is the export you asked for:

{"resourceType":"Bundle","type":"collection","entry":[
 {"resource":{"resourceType":"Patient","name":[{"family":"GARCIA","given":["JOSE"]}],"birthDate":"1955-01-02"}},
 {"resource":{"resourceType":"Condition","subject":{"reference":"Patient/10442","display":"Jose Garcia"},
   "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E119","display":"Type 2 diabetes mellitus without complications"}]}}},
 {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/10442"},
   "code":{"coding":[{"system":"http://loinc.org","code":"4548-4","display":"Hemoglobin A1c"}]},
   "valueQuantity":{"value":9.1,"unit":"%"}}}
]}

Thanks, Sam"#;
        let v = labelled_view(mail).unwrap_or_default();
        for want in [
            "Patient: Jose Garcia\n",
            "DOB: 01/02/1955\n",
            "Patient ID: 10442\n",
            "Diagnosis: E11.9 Type 2 diabetes mellitus without complications\n",
            "Result: Hemoglobin A1c: 9.1 %\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn truncated_bundle_still_reads_whole_resources() {
        let cut = r#"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","birthDate":"1961-04-12","name":[{"family":"Lopez","given":["Maria"]}]}},{"resource":{"resourceType":"Obser"#;
        let v = labelled_view(cut).unwrap_or_default();
        assert!(v.contains("DOB: 04/12/1961\n"), "{v}");
    }

    /// The specification's own example patient carries the HTEST tag and
    /// the id `example`; the same record with neither is a patient's.
    #[test]
    fn test_data_tagged_htest_is_not_a_patient() {
        let example = r#"{"resourceType":"Patient","id":"example","meta":{"tag":[{"code":"HTEST","display":"test health data"}]},"name":[{"family":"Chalmers","given":["Peter","James"]}],"birthDate":"1974-12-25"}"#;
        assert!(labelled_view(example).is_none());
        assert!(labelled_view(&example.replace("HTEST", "other")).is_none());
        let tagged = example.replace(r#""id":"example""#, r#""id":"pat-4471""#);
        assert!(labelled_view(&tagged).is_none());
        let bundle = format!(
            r#"{{"resourceType":"Bundle","meta":{{"security":[{{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"HTEST"}}]}},"entry":[{{"resource":{}}}]}}"#,
            tagged.replace("HTEST", "other")
        );
        assert!(labelled_view(&bundle).is_none());
        let untagged = tagged.replace("HTEST", "other");
        let v = labelled_view(&untagged).unwrap_or_default();
        assert!(v.contains("DOB: 12/25/1974\n"), "{v}");
        let xml = r#"<Patient xmlns="http://hl7.org/fhir"><meta><security><code value="HTEST"/></security></meta><name><family value="Chalmers"/><given value="Peter"/></name><birthDate value="1974-12-25"/></Patient>"#;
        assert!(labelled_view(xml).is_none());
        let xml_real = xml.replace("HTEST", "R");
        assert!(labelled_view(&xml_real).is_some_and(|v| v.contains("DOB: 12/25/1974")));
    }

    #[test]
    fn non_patient_resources_have_no_view() {
        let cs = r#"{"resourceType":"CapabilityStatement","status":"active","kind":"instance","fhirVersion":"4.0.1"}"#;
        assert!(labelled_view(cs).is_none());
    }

    #[test]
    fn hostile_json_does_not_panic() {
        let deep = format!(
            "{}\"resourceType\":\"Patient\"{}",
            "{\"a\":[".repeat(200),
            "]}".repeat(200)
        );
        for s in [
            "\"resourceType\"",
            "{\"resourceType\"",
            "{\"resourceType\":1}",
            "{{{{\"resourceType\":\"Patient\",\"name\":7,\"birthDate\":[1,2]}",
            deep.as_str(),
        ] {
            let _ = labelled_view(s);
        }
    }
}
