//! `sealgate audit search`: the records about one message, one domain, one
//! rule or one stretch of time, read from the segments in order. It filters;
//! it does not judge integrity (that is `audit verify`).

use serde_json::Value;

/// What a record must match; every given criterion must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub queue_id: Option<String>,
    pub since_ms: Option<u64>,
    pub until_ms: Option<u64>,
    /// Any of these event names.
    pub events: Vec<String>,
    /// A recipient domain, as `recipient_domain` or in `recipients`.
    pub domain: Option<String>,
    /// A DLP rule id among the record's hits.
    pub rule: Option<String>,
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

impl Filter {
    pub fn matches(&self, v: &Value) -> bool {
        if let Some(q) = &self.queue_id
            && str_of(v, "queue_id") != Some(q)
            && str_of(v, "dsn_queue_id") != Some(q)
        {
            return false;
        }
        if self.since_ms.is_some() || self.until_ms.is_some() {
            let Some(t) = str_of(v, "time").and_then(|t| crate::time::parse_rfc3339(t).ok()) else {
                return false;
            };
            if self.since_ms.is_some_and(|s| t < s) || self.until_ms.is_some_and(|u| t >= u) {
                return false;
            }
        }
        if !self.events.is_empty()
            && !str_of(v, "event").is_some_and(|e| self.events.iter().any(|w| w == e))
        {
            return false;
        }
        if let Some(d) = &self.domain {
            let d = d.to_ascii_lowercase();
            let named = ["recipient_domain", "domain"]
                .iter()
                .any(|k| str_of(v, k).is_some_and(|x| x.eq_ignore_ascii_case(&d)));
            let listed = v
                .get("recipients")
                .and_then(Value::as_array)
                .is_some_and(|rs| {
                    rs.iter().filter_map(Value::as_str).any(|r| {
                        r.eq_ignore_ascii_case(&d)
                            || r.rsplit_once('@')
                                .is_some_and(|(_, rd)| rd.eq_ignore_ascii_case(&d))
                    })
                });
            if !named && !listed {
                return false;
            }
        }
        if let Some(rule) = &self.rule {
            let in_hits = v
                .get("hits")
                .and_then(Value::as_array)
                .is_some_and(|hs| hs.iter().any(|h| str_of(h, "rule") == Some(rule)));
            if !in_hits && str_of(v, "rule") != Some(rule) {
                return false;
            }
        }
        true
    }
}

/// One line for a person: time, seq, event, queue id, then the other
/// members as `key=value`. The chain members are left out.
pub fn render(v: &Value) -> String {
    let mut s = format!(
        "{} #{} {} {}",
        str_of(v, "time").unwrap_or("-"),
        v.get("seq").and_then(Value::as_u64).unwrap_or(0),
        str_of(v, "event").unwrap_or("-"),
        str_of(v, "queue_id").unwrap_or("-"),
    );
    if let Value::Object(m) = v {
        for (k, val) in m {
            if matches!(
                k.as_str(),
                "time" | "seq" | "event" | "queue_id" | "prev" | "sig"
            ) || val.is_null()
            {
                continue;
            }
            match val {
                Value::String(t) => s.push_str(&format!(" {k}={t}")),
                other => s.push_str(&format!(" {k}={other}")),
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn criteria_combine() {
        let scanned = json!({"seq": 3, "time": "2026-11-30T10:00:00.000Z", "event": "scanned", "queue_id": "Q1", "hits": [{"rule": "ssn", "count": 2}]});
        let delivered = json!({"seq": 4, "time": "2026-11-30T11:00:00.000Z", "event": "delivered", "queue_id": "Q1", "recipient_domain": "Clinic.Example"});
        let f = Filter {
            queue_id: Some("Q1".into()),
            ..Default::default()
        };
        assert!(f.matches(&scanned) && f.matches(&delivered));
        let f = Filter {
            rule: Some("ssn".into()),
            ..Default::default()
        };
        assert!(f.matches(&scanned) && !f.matches(&delivered));
        let f = Filter {
            domain: Some("clinic.example".into()),
            events: vec!["delivered".into()],
            ..Default::default()
        };
        assert!(!f.matches(&scanned) && f.matches(&delivered));
        let since = crate::time::parse_rfc3339("2026-11-30T10:30:00Z").unwrap();
        let f = Filter {
            since_ms: Some(since),
            ..Default::default()
        };
        assert!(!f.matches(&scanned) && f.matches(&delivered));
        let f = Filter {
            until_ms: Some(since),
            queue_id: Some("Q2".into()),
            ..Default::default()
        };
        assert!(!f.matches(&scanned));
        assert!(render(&scanned).starts_with("2026-11-30T10:00:00.000Z #3 scanned Q1 hits="));
    }
}
