//! `sealgate audit verify`: reads a copy of the audit folder and a public
//! key, and says whether the log is the one the gateway wrote — or names the
//! first record that is not.
//!
//! What it proves: every record is in `seq` order with none missing, each
//! one's `prev` is the hash of the one before, every signed record verifies
//! under a trusted key, every closed segment ends with its signed closing
//! checkpoint, and a log that starts after seq 1 is explained by a signed
//! `segment_pruned` record. Records after the last signature are reported
//! as an unsigned tail: a checkpoint is at most `checkpoint_interval` away
//! on a running gateway, and until then (as for any log kept on the machine
//! it describes) cutting them off cannot be told from their not being
//! written yet. Sending records to syslog closes that window.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::keys::PublicKey;
use super::record::{self, GENESIS, Parsed};
use super::segment;

/// Where the trusted public keys came from; the report says so, because
/// trusting the key the log itself names proves only consistency.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "from", content = "path")]
pub enum TrustSource {
    PublicKeyFile(PathBuf),
    SigningKey(PathBuf),
    /// The key announced by the log's first `audit_opened` record.
    Log,
}

/// The first thing wrong, located.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The record at fault, when one can be named.
    pub seq: Option<u64>,
    pub segment: String,
    /// 1-based line in that segment.
    pub line: usize,
    pub what: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.seq {
            Some(seq) => write!(
                f,
                "record seq {seq} ({} line {}): {}",
                self.segment, self.line, self.what
            ),
            None => write!(f, "{} line {}: {}", self.segment, self.line, self.what),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub dir: PathBuf,
    pub trust: TrustSource,
    pub segments: usize,
    pub records: u64,
    pub first_seq: Option<u64>,
    pub last_seq: Option<u64>,
    pub signed: u64,
    /// Key ids that signed records, in the order first seen.
    pub keys: Vec<String>,
    /// The last seq the log says was pruned, when it starts after seq 1.
    pub pruned_through: Option<u64>,
    /// Records after the last signed one.
    pub unsigned_tail: u64,
    pub problem: Option<Problem>,
}

impl Report {
    pub fn intact(&self) -> bool {
        self.problem.is_none()
    }
}

struct Line<'a> {
    bytes: &'a [u8],
    parsed: Result<Parsed, String>,
}

/// Checks the log in `dir`. `trusted` empty with `TrustSource::Log` trusts
/// the log's own first announced key.
pub fn verify(
    dir: &Path,
    mut trusted: Vec<PublicKey>,
    trust: TrustSource,
) -> std::io::Result<Report> {
    let segments = segment::list(dir)?;
    let mut report = Report {
        dir: dir.to_path_buf(),
        trust,
        segments: segments.len(),
        records: 0,
        first_seq: None,
        last_seq: None,
        signed: 0,
        keys: Vec::new(),
        pruned_through: None,
        unsigned_tail: 0,
        problem: None,
    };
    if segments.is_empty() {
        report.problem = Some(Problem {
            seq: None,
            segment: dir.display().to_string(),
            line: 0,
            what: "no audit segments (audit-YYYYMMDD-SEQ.log) in this folder".into(),
        });
        return Ok(report);
    }
    let tofu = matches!(report.trust, TrustSource::Log);
    // (seq, hash) of the last record read; the log's first record and prev.
    let mut last: Option<(u64, String, bool)> = None;
    let mut first: Option<(u64, String, String, usize)> = None;
    let mut pruned: Vec<(u64, String)> = Vec::new();
    for (si, seg) in segments.iter().enumerate() {
        let name = seg.name();
        let data = std::fs::read(&seg.path)?;
        let complete = data.is_empty() || data.ends_with(b"\n");
        let body = data.strip_suffix(b"\n").unwrap_or(&data);
        let lines: Vec<Line> = if body.is_empty() {
            Vec::new()
        } else {
            body.split(|b| *b == b'\n')
                .map(|bytes| Line {
                    bytes,
                    parsed: record::parse(bytes),
                })
                .collect()
        };
        let fail = |report: &mut Report, seq: Option<u64>, line: usize, what: String| {
            report.problem = Some(Problem {
                seq,
                segment: name.clone(),
                line,
                what,
            });
        };
        for (i, l) in lines.iter().enumerate() {
            let lineno = i + 1;
            let expected = last.as_ref().map(|(s, _, _)| s + 1);
            let partial = !complete && i + 1 == lines.len();
            let p = match &l.parsed {
                Ok(p) => p,
                Err(why) => {
                    let what = if partial {
                        "the segment ends inside this record: it was cut short (truncated)"
                            .to_string()
                    } else {
                        format!("the record is damaged: {why}")
                    };
                    fail(&mut report, expected, lineno, what);
                    return Ok(report);
                }
            };
            if let Some(exp) = expected
                && p.seq != exp
            {
                let next_seq = lines
                    .get(i + 1)
                    .and_then(|n| n.parsed.as_ref().ok())
                    .map(|n| n.seq);
                let what = if p.seq > exp && next_seq == Some(exp) {
                    format!("records seq {exp} and {} are swapped (out of order)", p.seq)
                } else if p.seq > exp && lineno == 1 && si > 0 {
                    format!(
                        "records seq {exp}..{} are missing: the segment before ends without them (truncated or deleted)",
                        p.seq - 1
                    )
                } else if p.seq > exp {
                    let to = p.seq - 1;
                    if to == exp {
                        format!(
                            "record seq {exp} is missing (deleted); found seq {} in its place",
                            p.seq
                        )
                    } else {
                        format!(
                            "records seq {exp}..{to} are missing (deleted); found seq {} next",
                            p.seq
                        )
                    }
                } else {
                    format!(
                        "found seq {} where seq {exp} was due (duplicated or out of order)",
                        p.seq
                    )
                };
                fail(&mut report, Some(exp), lineno, what);
                return Ok(report);
            }
            if first.is_none() {
                if lineno == 1 && p.seq != seg.first_seq {
                    fail(
                        &mut report,
                        Some(p.seq),
                        lineno,
                        format!("the segment's name says it starts at seq {}", seg.first_seq),
                    );
                    return Ok(report);
                }
                first = Some((p.seq, p.prev.clone(), name.clone(), lineno));
                if p.seq == 1 && p.prev != GENESIS {
                    fail(
                        &mut report,
                        Some(1),
                        lineno,
                        "the first record's `prev` is not the genesis value".into(),
                    );
                    return Ok(report);
                }
            }
            let signature = record::split_signature(std::str::from_utf8(l.bytes).unwrap_or(""));
            if let Some((prev_seq, prev_hash, prev_signed)) = &last
                && &p.prev != prev_hash
            {
                // Which side changed? If this record still chains to the
                // next one, its own bytes are as written: the one before
                // was altered — unless that one carries a valid signature.
                let own = record::hash(l.bytes);
                let next_chains = lines
                    .get(i + 1)
                    .and_then(|n| n.parsed.as_ref().ok())
                    .is_some_and(|n| n.prev == own);
                let (seq, line, what) = if next_chains && !prev_signed {
                    (
                        *prev_seq,
                        lineno.saturating_sub(1),
                        format!(
                            "the record was altered: its hash no longer matches the `prev` that seq {} recorded",
                            p.seq
                        ),
                    )
                } else {
                    (
                        p.seq,
                        lineno,
                        "the record was altered: its `prev` does not match the record before it"
                            .to_string(),
                    )
                };
                if line == 0 {
                    report.problem = Some(Problem {
                        seq: Some(seq),
                        segment: segments[si - 1].name(),
                        line: 0,
                        what: format!("{what} (last record of that segment)"),
                    });
                } else {
                    fail(&mut report, Some(seq), line, what);
                }
                return Ok(report);
            }
            let mut signed = false;
            if p.value.get("sig").is_some() {
                let Some((unsigned, sig)) = signature else {
                    fail(
                        &mut report,
                        Some(p.seq),
                        lineno,
                        "the signature member is malformed".into(),
                    );
                    return Ok(report);
                };
                let key_id = p.value.get("key_id").and_then(|k| k.as_str()).unwrap_or("");
                if tofu
                    && trusted.is_empty()
                    && p.event == "audit_opened"
                    && let Some(k) = p
                        .value
                        .get("public_key")
                        .and_then(|k| k.as_str())
                        .and_then(PublicKey::parse)
                {
                    trusted.push(k);
                }
                let Some(key) = trusted.iter().find(|k| k.id() == key_id) else {
                    fail(
                        &mut report,
                        Some(p.seq),
                        lineno,
                        format!(
                            "signed by key {key_id}, which is not trusted (not in the public key file, not announced by a signed key rotation): a forged checkpoint"
                        ),
                    );
                    return Ok(report);
                };
                if !key.verifies(unsigned.as_bytes(), &sig) {
                    fail(
                        &mut report,
                        Some(p.seq),
                        lineno,
                        "the signature does not verify: the checkpoint was forged or altered"
                            .into(),
                    );
                    return Ok(report);
                }
                if !report.keys.iter().any(|k| k == key_id) {
                    report.keys.push(key_id.to_string());
                }
                match p.event.as_str() {
                    "audit_key_rotated" => {
                        if let Some(k) = p
                            .value
                            .get("new_public_key")
                            .and_then(|k| k.as_str())
                            .and_then(PublicKey::parse)
                        {
                            trusted.push(k);
                        }
                    }
                    "segment_pruned" => {
                        if let (Some(s), Some(h)) = (
                            p.value.get("last_seq").and_then(|v| v.as_u64()),
                            p.value.get("last_hash").and_then(|v| v.as_str()),
                        ) {
                            pruned.push((s, h.to_string()));
                        }
                    }
                    _ => {}
                }
                signed = true;
                report.signed += 1;
                report.unsigned_tail = 0;
            } else {
                report.unsigned_tail += 1;
            }
            if partial {
                fail(&mut report, Some(p.seq), lineno, "the segment ends without a newline after this record: it was cut short (truncated)".into());
                return Ok(report);
            }
            report.records += 1;
            report.first_seq.get_or_insert(p.seq);
            report.last_seq = Some(p.seq);
            last = Some((p.seq, record::hash(l.bytes), signed));
        }
        // Every segment but the newest ends with its own signed closing.
        if si + 1 < segments.len() {
            let closed = lines
                .last()
                .and_then(|l| l.parsed.as_ref().ok())
                .is_some_and(|p| {
                    p.value.get("closes_segment").and_then(|v| v.as_str()) == Some(name.as_str())
                        && last.as_ref().is_some_and(|(_, _, signed)| *signed)
                });
            if !closed {
                let at = last.as_ref().map(|(s, _, _)| s + 1);
                fail(
                    &mut report,
                    at,
                    lines.len(),
                    "a closed segment must end with its signed closing checkpoint; this one does not: records at its end were cut (truncated)".into(),
                );
                return Ok(report);
            }
        }
    }
    if let Some((seq, prev, name, line)) = first
        && seq > 1
    {
        match pruned.iter().find(|(s, _)| *s == seq - 1) {
            Some((_, h)) if *h == prev => report.pruned_through = Some(seq - 1),
            _ => {
                report.problem = Some(Problem {
                    seq: Some(seq - 1),
                    segment: name,
                    line,
                    what: format!(
                        "the log starts at seq {seq}, and no signed `segment_pruned` record accounts for the records before it (deleted)"
                    ),
                });
            }
        }
    }
    Ok(report)
}

/// The report as a person reads it.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    match &r.problem {
        None => s.push_str(&format!("audit log {}: intact\n", r.dir.display())),
        Some(p) => s.push_str(&format!(
            "audit log {}: NOT intact\n  first bad: {p}\n",
            r.dir.display()
        )),
    }
    let trust = match &r.trust {
        TrustSource::PublicKeyFile(p) => format!("public key file {}", p.display()),
        TrustSource::SigningKey(p) => format!("the gateway's own key {}", p.display()),
        TrustSource::Log => "the key the log announces itself (consistency only: pass --pubkey FILE to check against a key you hold)".into(),
    };
    s.push_str(&format!("  trusted keys from: {trust}\n"));
    s.push_str(&format!("  segments: {}\n", r.segments));
    if let (Some(a), Some(b)) = (r.first_seq, r.last_seq) {
        s.push_str(&format!(
            "  records checked: seq {a}..{b} ({} records, {} signed)\n",
            r.records, r.signed
        ));
    }
    if let Some(p) = r.pruned_through {
        s.push_str(&format!(
            "  pruned by retention: seq 1..{p} (signed segment_pruned record)\n"
        ));
    }
    if !r.keys.is_empty() {
        s.push_str(&format!("  signing keys seen: {}\n", r.keys.join(", ")));
    }
    if r.problem.is_none() && r.unsigned_tail > 0 {
        s.push_str(&format!(
            "  unsigned tail: {} record(s) after the last checkpoint; the next checkpoint signs them\n",
            r.unsigned_tail
        ));
    }
    s
}
