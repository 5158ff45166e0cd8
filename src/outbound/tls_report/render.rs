//! `tls report` output: the text table and the JSON object.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{LEVELS, Summary};
use crate::time::rfc3339_ms;

impl Summary {
    /// `{"since": RFC 3339 | null, "unreadable_lines": n, "domains": {DOMAIN:
    /// {"attempts": n, "delivered": {"total": n, "dane-ee": n, "dane-ta": n,
    /// "mta-sts": n, "pkix": n, "none": n, "plaintext": n}, "deferred": n,
    /// "failed": n, "portal": {"total": n, "reasons": {REASON: n}},
    /// "failure_types": {KIND: n}, "mta_sts": {MODE: n}, "dane": n,
    /// "first": RFC 3339 | null, "last": RFC 3339 | null}}}`.
    ///
    /// Counts of `delivered`, `deferred`, `failed` and `portal` are
    /// recipients; `attempts`, `mta_sts` (attempts that saw a policy of
    /// that mode) and `dane` (attempts where TLSA records applied) are
    /// audit events; `failure_types` counts hosts that failed with each
    /// RFC 8460-style result type. Every `delivered` level is present,
    /// zero or not; a level word not listed here is added as it came.
    pub fn to_json(&self) -> Value {
        let domains: serde_json::Map<String, Value> = self
            .domains
            .iter()
            .map(|(name, d)| {
                let mut delivered = serde_json::Map::new();
                delivered.insert("total".into(), d.delivered.values().sum::<u64>().into());
                for l in LEVELS {
                    delivered.insert(l.into(), d.delivered.get(l).copied().unwrap_or(0).into());
                }
                for (l, n) in &d.delivered {
                    delivered.entry(l.clone()).or_insert((*n).into());
                }
                let v = json!({
                    "attempts": d.attempts,
                    "delivered": delivered,
                    "deferred": d.deferred,
                    "failed": d.failed,
                    "portal": {
                        "total": d.portal.values().sum::<u64>(),
                        "reasons": d.portal,
                    },
                    "failure_types": d.failure_types,
                    "mta_sts": d.mta_sts,
                    "dane": d.dane,
                    "first": d.first.map(rfc3339_ms),
                    "last": d.last.map(rfc3339_ms),
                });
                (name.clone(), v)
            })
            .collect();
        json!({
            "since": self.since.map(rfc3339_ms),
            "unreadable_lines": self.unreadable,
            "domains": domains,
        })
    }

    /// A block per domain, sorted by domain, one row per measure.
    pub fn text(&self) -> String {
        let since = match self.since {
            Some(t) => format!("since {}", rfc3339_ms(t)),
            None => "all events".into(),
        };
        let mut s = format!("TLS report from {} ({since})\n", self.log.display());
        if self.domains.is_empty() {
            s.push_str("no delivery attempts\n");
        }
        for (name, d) in &self.domains {
            let row = |s: &mut String, label: &str, n: String, detail: String| {
                let line = format!("  {label:<16}{n:>6}  {detail}");
                s.push_str(line.trim_end());
                s.push('\n');
            };
            s.push('\n');
            s.push_str(name);
            s.push('\n');
            let span = match (d.first, d.last) {
                (Some(f), Some(l)) => format!("{} .. {}", rfc3339_ms(f), rfc3339_ms(l)),
                _ => String::new(),
            };
            row(&mut s, "attempts", d.attempts.to_string(), span);
            let by_level = &d.delivered;
            let mut levels: Vec<String> = LEVELS
                .iter()
                .filter_map(|l| by_level.get(*l).map(|n| format!("{l} {n}")))
                .collect();
            levels.extend(
                by_level
                    .iter()
                    .filter(|(l, _)| !LEVELS.contains(&l.as_str()))
                    .map(|(l, n)| format!("{l} {n}")),
            );
            let total: u64 = d.delivered.values().sum();
            row(&mut s, "delivered", total.to_string(), levels.join(", "));
            row(&mut s, "deferred", d.deferred.to_string(), String::new());
            row(&mut s, "failed", d.failed.to_string(), String::new());
            let portal: u64 = d.portal.values().sum();
            row(&mut s, "portal", portal.to_string(), list(&d.portal));
            let failures: u64 = d.failure_types.values().sum();
            row(
                &mut s,
                "failure types",
                failures.to_string(),
                list(&d.failure_types),
            );
            let sts: u64 = d.mta_sts.values().sum();
            row(&mut s, "MTA-STS seen", sts.to_string(), list(&d.mta_sts));
            row(&mut s, "DANE used", d.dane.to_string(), String::new());
        }
        if !self.domains.is_empty() {
            s.push_str(
                "\ndelivered: recipients by how the server was verified (dane-ee, dane-ta, mta-sts, pkix);\n\
                 none: encrypted but not authenticated; plaintext: no TLS. portal: recipients by reason.\n",
            );
        }
        if self.unreadable > 0 {
            s.push_str(&format!(
                "\n{} line(s) of the log were not JSON and were skipped\n",
                self.unreadable
            ));
        }
        s
    }
}

/// `a 2, b 1`.
fn list(m: &BTreeMap<String, u64>) -> String {
    m.iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn json_has_stable_keys() {
        let j = sample(None).0.to_json();
        assert_eq!(j["since"], Value::Null);
        let a = &j["domains"]["a.test"];
        assert_eq!(a["delivered"]["total"], 3);
        for l in LEVELS {
            assert!(a["delivered"][l].is_u64(), "{l}");
        }
        assert_eq!(a["delivered"]["dane-ta"], 0);
        assert_eq!(a["portal"]["total"], 3);
        assert_eq!(a["portal"]["reasons"]["tls-failed"], 3);
        assert_eq!(a["failure_types"]["certificate-invalid"], 2);
        assert_eq!(a["first"], "2026-11-30T10:00:00.000Z");
        assert_eq!(j["domains"]["b.test"]["delivered"]["plaintext"], 1);
    }

    #[test]
    fn text_is_one_block_per_domain_in_order() {
        let t = sample(None).0.text();
        let flat = t
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let a = t.find("\na.test\n").expect("a.test block");
        let b = t.find("\nb.test\n").expect("b.test block");
        assert!(a < b, "{t}");
        assert!(flat.contains("\n delivered 3 dane-ee 1, pkix 2\n"), "{t}");
        assert!(flat.contains("\n portal 3 tls-failed 3\n"), "{t}");
        assert!(flat.contains("\n delivered 2 none 1, plaintext 1\n"), "{t}");
        assert!(
            flat.contains("\n failure types 1 starttls-not-supported 1\n"),
            "{t}"
        );
    }
}
