//! `tls show` output: one line per fact with its time and age, or JSON.

use serde_json::{Value, json};

use super::Shown;
use crate::outbound::capability::{HostFacts, StsFacts};
use crate::outbound::dane::{Tlsa, TlsaLookup};
use crate::outbound::mta_sts;
use crate::time::{human_age, rfc3339_ms};

/// `2026-11-30T04:00:00.000Z (2h05m ago)`, `... (in 3d00h)`, or `never`.
fn when(at: u64, now: u64) -> String {
    if at == 0 {
        return "never".into();
    }
    let t = rfc3339_ms(at.saturating_mul(1000));
    if at <= now {
        format!("{t} ({} ago)", human_age(now - at))
    } else {
        format!("{t} (in {})", human_age(at - now))
    }
}

/// A time as JSON: the RFC 3339 string, or null for "never" (0).
fn time_json(at: u64) -> Value {
    if at == 0 {
        Value::Null
    } else {
        rfc3339_ms(at.saturating_mul(1000)).into()
    }
}

/// Seconds since `at` (negative: in the future), null for "never".
fn age_json(at: u64, now: u64) -> Value {
    if at == 0 {
        Value::Null
    } else {
        (now as i64 - at as i64).into()
    }
}

/// Text from the network (evidence, failures) reaches a terminal.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn mode_word(m: &mta_sts::Mode) -> &'static str {
    match m {
        mta_sts::Mode::Enforce => "enforce",
        mta_sts::Mode::Testing => "testing",
        mta_sts::Mode::None => "none",
    }
}

/// `3 1 1 0123456789abcdef…`: a TLSA record as in the zone, data shortened.
pub fn tlsa_short(t: &Tlsa) -> String {
    const SHOWN: usize = 8;
    let hex = crate::proto::hash::hex(&t.data[..t.data.len().min(SHOWN)]);
    let more = if t.data.len() > SHOWN { "…" } else { "" };
    format!("{} {} {} {hex}{more}", t.usage, t.selector, t.matching)
}

fn tlsa_text(l: &TlsaLookup) -> String {
    match l {
        TlsaLookup::Usable(r) if r.is_empty() => "usable, but no records".into(),
        TlsaLookup::Usable(r) => {
            let recs: Vec<String> = r.iter().map(tlsa_short).collect();
            format!("usable: {}", recs.join("; "))
        }
        TlsaLookup::SecureNone => "secure-none (DNSSEC-signed: no TLSA records)".into(),
        TlsaLookup::Insecure => "insecure (not DNSSEC-signed: DANE does not apply)".into(),
        TlsaLookup::Failed(e) => format!("failed: {}", printable(e)),
    }
}

fn yes_no(b: Option<bool>, yes: &str, no: &str) -> String {
    match b {
        Some(true) => yes.into(),
        Some(false) => no.into(),
        None => "unknown".into(),
    }
}

impl Shown {
    /// The human view: one line per fact, its time and age beside it.
    pub fn text(&self, now: u64) -> String {
        let (file, f) = match self {
            Shown::Unknown { domain, dir, since } => {
                return match since {
                    Some(t) => format!(
                        "nothing known about {domain} yet (no delivery attempted since the capability cache {} was started, {})",
                        dir.display(),
                        when(*t, now)
                    ),
                    None => format!(
                        "nothing known about {domain} yet (no delivery attempted since this data dir was set up: {} does not exist yet)",
                        dir.display()
                    ),
                };
            }
            Shown::Known { file, facts } => (file, facts),
        };
        let mut s = format!("{}  ({})\n", f.domain, file.display());
        let mut line = |label: &str, value: String| {
            s.push_str(&format!("{label:<16}{value}\n"));
        };
        if f.mx.is_empty() {
            line(
                "MX hosts",
                format!("none (resolved {})", when(f.mx_at, now)),
            );
        } else {
            line("MX hosts", printable(&f.mx.join(", ")));
            line("  resolved", when(f.mx_at, now));
        }
        sts_text(f.mta_sts.as_ref(), now, &mut line);
        if f.hosts.is_empty() {
            line("hosts", "none seen yet".into());
        }
        for (name, h) in &f.hosts {
            line("host", printable(name));
            host_text(h, now, &mut line);
        }
        s
    }

    /// The JSON view, keys always present (null when unknown): `domain`,
    /// `known`; when known also `file`, `mx` {hosts, resolved_at,
    /// age_secs}, `mta_sts` (null if never checked, else {checked_at,
    /// checked_age_secs, evidence, policy: null | {id, mode, mx, max_age,
    /// fetched_at, expires_at, expired}}), `hosts` [{name, seen_at,
    /// age_secs, addr, starttls, tls_version, tls_cipher, verified,
    /// reached, cert_sha256, requiretls, failure, tlsa: {result
    /// (usable|secure-none|insecure|failed|null), records [{usage, selector,
    /// matching, data}], error, looked_up_at, age_secs}}]; when unknown
    /// `since` (when the cache folder was created, or null). Times are RFC
    /// 3339, ages seconds (negative: in the future).
    pub fn to_json(&self, now: u64) -> Value {
        let (file, f) = match self {
            Shown::Unknown { domain, since, .. } => {
                return json!({
                    "domain": domain,
                    "known": false,
                    "since": since.map_or(Value::Null, time_json),
                });
            }
            Shown::Known { file, facts } => (file, facts),
        };
        let sts = f.mta_sts.as_ref().map(|s| {
            json!({
                "checked_at": time_json(s.checked_at),
                "checked_age_secs": age_json(s.checked_at, now),
                "evidence": s.evidence,
                "policy": s.policy.as_ref().map(|p| json!({
                    "id": p.id,
                    "mode": mode_word(&p.policy.mode),
                    "mx": p.policy.mx,
                    "max_age": p.policy.max_age,
                    "fetched_at": time_json(p.fetched_at),
                    "expires_at": time_json(p.expires_at),
                    "expired": p.expires_at <= now,
                })),
            })
        });
        let hosts: Vec<Value> = f
            .hosts
            .iter()
            .map(|(name, h)| host_json(name, h, now))
            .collect();
        json!({
            "domain": f.domain,
            "known": true,
            "file": file.display().to_string(),
            "mx": {
                "hosts": f.mx,
                "resolved_at": time_json(f.mx_at),
                "age_secs": age_json(f.mx_at, now),
            },
            "mta_sts": sts,
            "hosts": hosts,
        })
    }
}

fn sts_text(sts: Option<&StsFacts>, now: u64, line: &mut impl FnMut(&str, String)) {
    let Some(sts) = sts else {
        line("MTA-STS", "never checked".into());
        return;
    };
    match &sts.policy {
        Some(p) => {
            line(
                "MTA-STS",
                format!(
                    "policy {}, mode {}, max_age {}s",
                    printable(&p.id),
                    mode_word(&p.policy.mode),
                    p.policy.max_age
                ),
            );
            line("  mx patterns", printable(&p.policy.mx.join(", ")));
            line("  fetched", when(p.fetched_at, now));
            let expiry = if p.expires_at <= now {
                format!("{} — expired", when(p.expires_at, now))
            } else {
                when(p.expires_at, now)
            };
            line("  expires", expiry);
        }
        None => line("MTA-STS", "no policy".into()),
    }
    if !sts.evidence.is_empty() {
        line("  evidence", printable(&sts.evidence));
    }
    line("  checked", when(sts.checked_at, now));
}

fn host_text(h: &HostFacts, now: u64, line: &mut impl FnMut(&str, String)) {
    let or_unknown = |v: &Option<String>| v.as_deref().map_or("unknown".into(), printable);
    line(
        "  seen",
        if h.seen_at == 0 {
            "never connected".into()
        } else {
            when(h.seen_at, now)
        },
    );
    line("  address", or_unknown(&h.addr));
    line("  STARTTLS", yes_no(h.starttls, "offered", "not offered"));
    line(
        "  TLS",
        match (&h.tls_version, &h.tls_cipher) {
            (Some(v), Some(c)) => format!("{} {}", printable(v), printable(c)),
            (Some(v), None) => printable(v),
            _ if h.starttls == Some(false) => "none (plaintext)".into(),
            _ => "unknown".into(),
        },
    );
    // Without STARTTLS there is no handshake to know anything of.
    let no_tls = h.starttls == Some(false);
    let tls_fact = |v: Option<String>| match v {
        Some(v) => v,
        None if no_tls => "none (no TLS)".into(),
        None => "unknown".into(),
    };
    line(
        "  verified",
        tls_fact(h.verified.map(|v| v.as_str().into())),
    );
    line(
        "  reached",
        match h.reached {
            Some(crate::config::TlsLevel::None) => "none (plaintext only)".into(),
            Some(l) => l.to_string(),
            None => "unknown".into(),
        },
    );
    line(
        "  cert sha256",
        tls_fact(h.cert_sha256.as_deref().map(printable)),
    );
    line(
        "  REQUIRETLS",
        yes_no(h.requiretls, "offered", "not offered"),
    );
    line(
        "  last failure",
        h.failure.as_deref().map_or("none".into(), printable),
    );
    let tlsa = match &h.tlsa {
        Some(l) => format!("{}; looked up {}", tlsa_text(l), when(h.tlsa_at, now)),
        None => "not looked up".into(),
    };
    line("  TLSA", tlsa);
}

fn host_json(name: &str, h: &HostFacts, now: u64) -> Value {
    let (result, records, error) = match &h.tlsa {
        None => (Value::Null, vec![], Value::Null),
        Some(TlsaLookup::Usable(r)) => ("usable".into(), r.iter().collect(), Value::Null),
        Some(TlsaLookup::SecureNone) => ("secure-none".into(), vec![], Value::Null),
        Some(TlsaLookup::Insecure) => ("insecure".into(), vec![], Value::Null),
        Some(TlsaLookup::Failed(e)) => ("failed".into(), vec![], e.as_str().into()),
    };
    let records: Vec<Value> = records
        .into_iter()
        .map(|t| {
            json!({
                "usage": t.usage,
                "selector": t.selector,
                "matching": t.matching,
                "data": crate::proto::hash::hex(&t.data),
            })
        })
        .collect();
    json!({
        "name": name,
        "seen_at": time_json(h.seen_at),
        "age_secs": age_json(h.seen_at, now),
        "addr": h.addr,
        "starttls": h.starttls,
        "tls_version": h.tls_version,
        "tls_cipher": h.tls_cipher,
        "verified": h.verified.map(|v| v.as_str()),
        "reached": h.reached.map(|l| l.to_string()),
        "cert_sha256": h.cert_sha256,
        "requiretls": h.requiretls,
        "failure": h.failure,
        "tlsa": {
            "result": result,
            "records": records,
            "error": error,
            "looked_up_at": time_json(h.tlsa_at),
            "age_secs": age_json(h.tlsa_at, now),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_times_read_short() {
        let t = Tlsa {
            usage: 3,
            selector: 1,
            matching: 1,
            data: (0u8..32).collect(),
        };
        assert_eq!(tlsa_short(&t), "3 1 1 0001020304050607…");
        let short = Tlsa {
            data: vec![0xab, 0xcd],
            ..t
        };
        assert_eq!(tlsa_short(&short), "3 1 1 abcd");
        assert_eq!(when(0, 100), "never");
        assert_eq!(when(40, 100), "1970-01-01T00:00:40.000Z (1m ago)");
        assert_eq!(when(3700, 100), "1970-01-01T01:01:40.000Z (in 1h00m)");
        assert_eq!(age_json(3700, 100), json!(-3600));
    }
}
