//! `sealgate tls report`: per recipient domain, how delivery attempts went
//! for TLS, in the spirit of RFC 8460 (SMTP TLS Reporting), read back from
//! the audit log's per-domain delivery events (`delivered`, `deferred`,
//! `failed`, `portal`; see `queue::scheduler::audit_report`). The counting
//! is here; `render` prints the result as text or JSON.

mod render;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::time::{parse_duration, parse_rfc3339};

/// The `tls_verified` words, strongest first, plus `plaintext` for a
/// delivery without TLS (the audit log says `none` with no TLS version).
pub const LEVELS: [&str; 6] = ["dane-ee", "dane-ta", "mta-sts", "pkix", "none", "plaintext"];

/// The events `audit_report` writes, one per domain per attempt.
const EVENTS: [&str; 4] = ["delivered", "deferred", "failed", "portal"];

/// One domain's totals. Recipient counts add up the events' counts;
/// `attempts`, `mta_sts` and `dane` count events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DomainSummary {
    pub attempts: u64,
    /// Recipients delivered, by the level the connection reached.
    pub delivered: BTreeMap<String, u64>,
    pub deferred: u64,
    pub failed: u64,
    /// Recipients handed to the portal, by `portal_reason`.
    pub portal: BTreeMap<String, u64>,
    /// Each `tls_failures` entry: one failed host (session) of that type.
    pub failure_types: BTreeMap<String, u64>,
    /// Attempts that saw an MTA-STS policy, by its mode.
    pub mta_sts: BTreeMap<String, u64>,
    /// Attempts where usable TLSA records applied (DANE).
    pub dane: u64,
    /// Unix milliseconds of the first and last event counted.
    pub first: Option<u64>,
    pub last: Option<u64>,
}

/// Every domain's totals from the events at or after `since`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub log: PathBuf,
    /// Unix milliseconds; None: the whole log.
    pub since: Option<u64>,
    pub domains: BTreeMap<String, DomainSummary>,
    /// Lines that were not JSON objects (a torn last write, damage).
    pub unreadable: u64,
}

/// `--since`: an RFC 3339 time, or a duration (`24h`, `7d`) meaning that
/// long before `now_ms`. Unix milliseconds.
pub fn parse_since(s: &str, now_ms: u64) -> Result<u64, String> {
    if let Ok(t) = parse_rfc3339(s) {
        return Ok(t);
    }
    match parse_duration(s) {
        Ok(d) => Ok(now_ms.saturating_sub(d.as_millis() as u64)),
        Err(_) => Err(format!(
            "--since `{s}` is neither an RFC 3339 time (2026-11-27T18:33:32Z) nor a duration (24h, 7d)"
        )),
    }
}

/// Summarises the audit log's segments in `dir`; Ok(None) when there are
/// none.
pub fn read(dir: &Path, since: Option<u64>) -> Result<Option<Summary>, std::io::Error> {
    let mut summary = Summary::new(dir.to_path_buf(), since);
    let segments = match crate::audit::segment::for_each_line(dir, |l| summary.add_line(l)) {
        Ok(n) => n,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok((segments > 0).then_some(summary))
}

fn count(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

impl Summary {
    pub fn new(log: PathBuf, since: Option<u64>) -> Summary {
        Summary {
            log,
            since,
            domains: BTreeMap::new(),
            unreadable: 0,
        }
    }

    /// Counts one line of the log; blank lines are nothing.
    pub fn add_line(&mut self, line: &[u8]) {
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(v) if v.is_object() => {
                self.add(&v);
            }
            _ => self.unreadable += 1,
        }
    }

    /// Counts one audit record if it is a domain's delivery event at or
    /// after `since`; says whether it was counted.
    pub fn add(&mut self, v: &Value) -> bool {
        let event = v.get("event").and_then(Value::as_str).unwrap_or("");
        let Some(domain) = v.get("recipient_domain").and_then(Value::as_str) else {
            return false;
        };
        if !EVENTS.contains(&event) {
            return false;
        }
        let at = v
            .get("time")
            .and_then(Value::as_str)
            .and_then(|t| parse_rfc3339(t).ok());
        if let Some(since) = self.since
            && at.is_none_or(|at| at < since)
        {
            return false;
        }
        let d = self.domains.entry(domain.to_string()).or_default();
        d.attempts += 1;
        if let Some(at) = at {
            d.first = Some(d.first.map_or(at, |f| f.min(at)));
            d.last = Some(d.last.map_or(at, |l| l.max(at)));
        }
        let delivered = count(v, "delivered");
        if delivered > 0 {
            let word = v
                .get("tls_verified")
                .and_then(Value::as_str)
                .unwrap_or("none");
            let plain = word == "none" && v.get("tls_version").is_none_or(Value::is_null);
            let level = if plain { "plaintext" } else { word };
            *d.delivered.entry(level.to_string()).or_default() += delivered;
        }
        d.deferred += count(v, "deferred");
        d.failed += count(v, "failed");
        let portal = count(v, "portal");
        if portal > 0 {
            let reason = v.get("portal_reason").and_then(Value::as_str);
            *d.portal
                .entry(reason.unwrap_or("unknown").to_string())
                .or_default() += portal;
        }
        for kind in v
            .get("tls_failures")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            *d.failure_types.entry(kind.to_string()).or_default() += 1;
        }
        if let Some(mode) = v.get("mta_sts").and_then(Value::as_str) {
            *d.mta_sts.entry(mode.to_string()).or_default() += 1;
        }
        if v.get("dane").and_then(Value::as_bool) == Some(true) {
            d.dane += 1;
        }
        true
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use serde_json::json;

    pub(super) fn at(t: &str) -> u64 {
        parse_rfc3339(t).expect("time")
    }

    fn ev(time: &str, event: &str, domain: &str, extra: Value) -> Value {
        let mut v = json!({
            "seq": 1, "time": time, "event": event, "queue_id": "q",
            "recipient_domain": domain, "route": "tls", "tls_verified": "none",
            "tls_failures": [], "delivered": 0, "deferred": 0, "failed": 0, "portal": 0,
            "mta_sts": null, "dane": false, "tls_version": null,
        });
        for (k, x) in extra.as_object().expect("object") {
            v[k] = x.clone();
        }
        v
    }

    pub(super) fn sample(since: Option<u64>) -> (Summary, Vec<bool>) {
        let mut s = Summary::new("audit.log".into(), since);
        let mut counted = Vec::new();
        let mut with = |t: &str, e: &str, d: &str, x: Value| s.add(&ev(t, e, d, x));
        counted.push(with(
            "2026-11-30T10:00:00.000Z",
            "delivered",
            "a.test",
            json!({"delivered": 2, "tls_verified": "pkix", "tls_version": "TLSv1.3", "mta_sts": "testing"})
        ));
        counted.push(with(
            "2026-11-30T11:00:00.000Z",
            "delivered",
            "a.test",
            json!({"delivered": 1, "tls_verified": "dane-ee", "tls_version": "TLSv1.3", "dane": true})
        ));
        counted.push(with(
            "2026-11-30T12:00:00.000Z",
            "portal",
            "a.test",
            json!({"portal": 3, "route": "portal", "portal_reason": "tls-failed",
                   "tls_failures": ["certificate-invalid", "certificate-invalid"], "mta_sts": "enforce"})
        ));
        counted.push(with(
            "2026-11-30T12:30:00.000Z",
            "delivered",
            "b.test",
            json!({"delivered": 1, "tls_verified": "none"}),
        ));
        counted.push(with(
            "2026-11-30T12:31:00.000Z",
            "delivered",
            "b.test",
            json!({"delivered": 1, "tls_verified": "none", "tls_version": "TLSv1.2"}),
        ));
        counted.push(with(
            "2026-11-30T13:00:00.000Z",
            "deferred",
            "b.test",
            json!({"deferred": 2, "tls_failures": ["starttls-not-supported"]}),
        ));
        counted.push(with(
            "2026-11-30T13:05:00.000Z",
            "failed",
            "b.test",
            json!({"failed": 1}),
        ));
        // Not delivery events: other names, or no recipient domain.
        counted.push(with(
            "2026-11-30T13:06:00.000Z",
            "received",
            "b.test",
            json!({}),
        ));
        counted.push(s.add(&json!({"event": "delivered", "delivered": 5})));
        (s, counted)
    }

    #[test]
    fn counts_recipients_by_level_and_failures_by_type() {
        let (s, counted) = sample(None);
        // Not delivery events: another name, no recipient domain.
        assert_eq!(
            counted,
            [true, true, true, true, true, true, true, false, false]
        );
        let a = &s.domains["a.test"];
        assert_eq!(a.attempts, 3);
        assert_eq!(a.delivered.get("pkix"), Some(&2));
        assert_eq!(a.delivered.get("dane-ee"), Some(&1));
        assert_eq!(a.portal.get("tls-failed"), Some(&3));
        assert_eq!(a.failure_types.get("certificate-invalid"), Some(&2));
        assert_eq!(a.mta_sts.get("enforce"), Some(&1));
        assert_eq!(a.mta_sts.get("testing"), Some(&1));
        assert_eq!(a.dane, 1);
        assert_eq!(a.first, Some(at("2026-11-30T10:00:00Z")));
        assert_eq!(a.last, Some(at("2026-11-30T12:00:00Z")));
        let b = &s.domains["b.test"];
        assert_eq!(b.attempts, 4);
        // `none` without a TLS version is plaintext; with one, encryption only.
        assert_eq!(b.delivered.get("plaintext"), Some(&1));
        assert_eq!(b.delivered.get("none"), Some(&1));
        assert_eq!((b.deferred, b.failed), (2, 1));
        assert_eq!(b.failure_types.get("starttls-not-supported"), Some(&1));
        assert_eq!(s.domains.len(), 2);
    }

    #[test]
    fn since_drops_older_and_undated_events() {
        let (s, counted) = sample(Some(at("2026-11-30T11:00:00Z")));
        assert_eq!(counted[..3], [false, true, true]);
        let a = &s.domains["a.test"];
        assert_eq!(a.attempts, 2, "the 10:00 event is before --since");
        assert_eq!(a.delivered.get("pkix"), None);
        let mut s = Summary::new("x".into(), Some(0));
        let mut undated = ev("", "delivered", "c.test", json!({"delivered": 1}));
        undated.as_object_mut().unwrap().remove("time");
        assert!(!s.add(&undated), "an undated event cannot be after --since");
        let mut all = Summary::new("x".into(), None);
        assert!(all.add(&undated), "without --since it counts");
    }

    #[test]
    fn skips_lines_that_are_not_json() {
        let mut s = Summary::new("x".into(), None);
        s.add_line(
            b"{\"event\": \"delivered\", \"recipient_domain\": \"a.test\", \"delivered\": 1}",
        );
        s.add_line(b"{\"event\": \"deliv");
        s.add_line(b"\xff\xfe not json");
        s.add_line(b"[1, 2]");
        s.add_line(b"   ");
        assert_eq!(s.unreadable, 3);
        assert_eq!(s.domains["a.test"].delivered.get("plaintext"), Some(&1));
    }

    #[test]
    fn since_takes_times_and_durations() {
        let now = at("2026-11-30T12:00:00Z");
        assert_eq!(parse_since("24h", now), Ok(at("2026-11-29T12:00:00Z")));
        assert_eq!(parse_since("7d", now), Ok(at("2026-11-23T12:00:00Z")));
        assert_eq!(
            parse_since("2026-11-01T00:00:00+02:00", now),
            Ok(at("2026-10-31T22:00:00Z"))
        );
        let e = parse_since("yesterday", now).unwrap_err();
        assert!(e.contains("yesterday") && e.contains("24h"), "{e}");
    }
}
