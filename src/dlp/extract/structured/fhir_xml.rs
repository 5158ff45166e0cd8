//! FHIR resources in XML, turned into the JSON shape and rendered by
//! [`super::fhir`].
//!
//! FHIR XML keeps primitive values in `value` attributes
//! (`<birthDate value="1961-04-12"/>`) and names resources by element
//! (`<entry><resource><Patient xmlns="http://hl7.org/fhir">`). A small
//! tolerant tag reader is enough for that; it is not an XML parser (no DTDs,
//! no namespaces beyond dropping prefixes), and it never needs to be: the
//! original text is scanned anyway. Narrative XHTML is skipped.

use memchr::memmem;
use serde_json::{Map, Value};

use super::View;

/// Elements read from one document.
const MAX_ELEMENTS: usize = 100_000;
/// Nesting followed.
const MAX_DEPTH: usize = 64;

#[derive(Default)]
struct Node {
    name: String,
    value: Option<String>,
    children: Vec<Node>,
}

pub(super) fn render(text: &str, v: &mut View) {
    let b = text.as_bytes();
    let Some(ns) = memmem::find(b, b"hl7.org/fhir") else {
        return;
    };
    // The element carrying the namespace is the document root.
    let Some(start) = memchr::memrchr(b'<', b.get(..ns).unwrap_or_default()) else {
        return;
    };
    let Some(src) = text.get(start..) else { return };
    let root = read(src);
    let mut nodes = 200_000;
    for child in &root.children {
        super::fhir::walk(&to_json(child), v, 0, &mut nodes);
    }
}

/// Read elements into a tree under a synthetic root, stopping when the first
/// top-level element closes.
fn read(src: &str) -> Node {
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut elements = 0;
    let mut rest = src;
    // Open narrative `<div>`s: XHTML inside them is not FHIR data.
    let mut divs = 0usize;
    while let Some(lt) = rest.find('<') {
        rest = rest.get(lt + 1..).unwrap_or("");
        if let Some(r) = rest.strip_prefix("!--") {
            rest = r.find("-->").and_then(|e| r.get(e + 3..)).unwrap_or("");
            continue;
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            rest = rest.find('>').and_then(|e| rest.get(e + 1..)).unwrap_or("");
            continue;
        }
        let Some(gt) = tag_end(rest) else { break };
        let tag = rest.get(..gt).unwrap_or("");
        rest = rest.get(gt + 1..).unwrap_or("");
        if let Some(name) = tag.strip_prefix('/') {
            let name = local(name.trim());
            if divs > 0 {
                divs -= usize::from(name == "div");
                continue;
            }
            if stack.len() > 1 && stack.last().is_some_and(|n| n.name == name) {
                close(&mut stack);
                if stack.len() == 1 && stack.first().is_some_and(|r| !r.children.is_empty()) {
                    break;
                }
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            break;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = local(tag.get(..name_end).unwrap_or(""));
        if name == "div" && !self_closing {
            divs += 1;
            continue;
        }
        if divs > 0 {
            continue;
        }
        let node = Node {
            name: name.to_string(),
            value: attr(tag.get(name_end..).unwrap_or(""), "value"),
            children: Vec::new(),
        };
        if self_closing || stack.len() >= MAX_DEPTH {
            if let Some(top) = stack.last_mut() {
                top.children.push(node);
            }
        } else {
            stack.push(node);
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

fn close(stack: &mut Vec<Node>) {
    if let Some(n) = stack.pop()
        && let Some(top) = stack.last_mut()
    {
        top.children.push(n);
    }
}

/// Index of the `>` ending a tag, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `fhir:Patient` → `Patient`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The unescaped value of attribute `key`.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let name = rest.get(..eq)?.trim();
        let after = rest.get(eq + 1..)?.trim_start();
        let q = after.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let body = after.get(1..)?;
        let end = body.find(q)?;
        if name == key {
            return Some(unescape(body.get(..end)?));
        }
        rest = body.get(end + 1..)?;
    }
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        rest = rest.get(amp..).unwrap_or("");
        let end = rest.find(';').filter(|&e| e <= 10);
        let ent = end.and_then(|e| rest.get(1..e)).unwrap_or("");
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match (ch, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = rest.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// Elements with a `value` and no children are strings; a resource element
/// (capitalised name) is an object with `resourceType`; a wrapper holding
/// only a resource (`resource`, `contained`) is that resource; anything else
/// maps each child name to an array of its occurrences.
fn to_json(n: &Node) -> Value {
    if n.children.is_empty() {
        return match &n.value {
            Some(s) => Value::String(s.clone()),
            None => Value::Object(Map::new()),
        };
    }
    let is_resource = |x: &Node| x.name.starts_with(|c: char| c.is_ascii_uppercase());
    if n.children.len() == 1 && !is_resource(n) && n.children.iter().all(is_resource) {
        return n.children.first().map(to_json).unwrap_or(Value::Null);
    }
    let mut m = Map::new();
    if is_resource(n) {
        m.insert("resourceType".into(), Value::String(n.name.clone()));
    }
    for c in &n.children {
        let entry = m
            .entry(c.name.clone())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = entry {
            a.push(to_json(c));
        }
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::super::labelled_view;

    #[test]
    fn bundle_xml() {
        let x = r#"<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry>
    <resource>
      <Patient>
        <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Maria Lopez</p><p>x</p></div></text>
        <identifier>
          <type><coding><system value="http://terminology.hl7.org/CodeSystem/v2-0203"/><code value="MR"/></coding></type>
          <value value="00482913"/>
        </identifier>
        <identifier><system value="http://hl7.org/fhir/sid/us-ssn"/><value value="512-44-9087"/></identifier>
        <name><family value="L&#243;pez"/><given value="Maria"/></name>
        <birthDate value="1961-04-12"/>
      </Patient>
    </resource>
  </entry>
  <entry>
    <resource>
      <Condition>
        <code><coding><system value="http://hl7.org/fhir/sid/icd-10-cm"/><code value="E11.9"/><display value="Type 2 diabetes &amp; no complications"/></coding></code>
        <subject><reference value="Patient/10442"/><display value="Maria Lopez"/></subject>
      </Condition>
    </resource>
  </entry>
</Bundle>"#;
        let v = labelled_view(x).unwrap_or_default();
        for want in [
            "FHIR Patient",
            "MRN: 00482913\n",
            "SSN: 512-44-9087\n",
            "Patient: Maria L\u{f3}pez\n",
            "DOB: 04/12/1961\n",
            "Diagnosis: E11.9 Type 2 diabetes & no complications\n",
            "Patient: Maria Lopez\n",
            "Patient ID: 10442\n",
        ] {
            assert!(v.contains(want), "missing {want:?} in\n{v}");
        }
    }

    #[test]
    fn single_patient_with_prefix() {
        let x = r#"<fhir:Patient xmlns:fhir="http://hl7.org/fhir"><fhir:birthDate value='1961-04-12'/></fhir:Patient>"#;
        let v = labelled_view(x).unwrap_or_default();
        assert!(v.contains("DOB: 04/12/1961\n"), "{v}");
    }

    #[test]
    fn hostile_xml_does_not_panic() {
        let deep = format!(
            "<Patient xmlns=\"http://hl7.org/fhir\">{}",
            "<a>".repeat(5000)
        );
        for s in [
            "<hl7.org/fhir",
            "hl7.org/fhir <",
            "<X xmlns=\"http://hl7.org/fhir\" value=\"&#xFFFFFFFF;&#99999999;&",
            "<Patient xmlns='hl7.org/fhir'><birthDate value=\"",
            deep.as_str(),
        ] {
            let _ = labelled_view(s);
        }
    }
}
