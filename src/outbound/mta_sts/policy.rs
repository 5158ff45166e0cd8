//! The policy file served at `https://mta-sts.<domain>/.well-known/mta-sts.txt`
//! (RFC 8461 §3.2).
//!
//! The grammar is strict, but what we do with its gaps is chosen for the
//! sender's safety: unknown keys are ignored (the RFC says so, so that the
//! format can grow), blank lines and stray spaces around keys are tolerated
//! (a hand-edited file should not silently switch enforcement off), while
//! anything that changes what the policy *means* — a second `mode`, a
//! `max_age` that is not a number, an `mx` that is not a host name — refuses
//! the whole policy and names the line, so the domain's admin can fix it.

use super::{Mode, Policy, excerpt, normalize_host};

/// RFC 8461 §3.2: "maximum value of 31557600" (one year).
pub const MAX_AGE_LIMIT: u64 = 31_557_600;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("line {line}: the policy is not UTF-8 text")]
    NotUtf8 { line: usize },
    #[error("line {line}: expected \"key: value\", found {found}")]
    NotKeyValue { line: usize, found: String },
    #[error("line {line}: version must be STSv1, found {found}")]
    BadVersion { line: usize, found: String },
    #[error("line {line}: mode must be enforce, testing or none, found {found}")]
    BadMode { line: usize, found: String },
    #[error("line {line}: max_age must be a number of seconds (at most ten digits), found {found}")]
    BadMaxAge { line: usize, found: String },
    #[error("line {line}: mx must be a host name or *.domain, found {found}")]
    BadMx { line: usize, found: String },
    #[error("line {line}: {key} appears twice; the policy is ambiguous")]
    Duplicate { line: usize, key: &'static str },
    #[error("the policy has no {0} line")]
    Missing(&'static str),
    #[error("mode {0} needs at least one mx line naming the domain's mail servers")]
    NoMx(&'static str),
}

/// Parses a policy body. Lines end in LF or CRLF; `max_age` above the
/// RFC's one-year cap is lowered to the cap (its grammar allows ten digits,
/// and a shorter cache life is the safe reading), and `mx` patterns are kept
/// as lowercase A-labels so matching never depends on how they were written.
pub fn parse(body: &[u8]) -> Result<Policy, PolicyError> {
    let text = std::str::from_utf8(body).map_err(|e| PolicyError::NotUtf8 {
        line: 1 + body[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
    })?;
    let mut version = false;
    let mut mode: Option<Mode> = None;
    let mut max_age: Option<u64> = None;
    let mut mx = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = i + 1;
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        if content.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = content.split_once(':') else {
            return Err(PolicyError::NotKeyValue {
                line,
                found: excerpt(content),
            });
        };
        let value = value.trim_matches([' ', '\t']);
        match key.trim_matches([' ', '\t']) {
            "version" => {
                if version {
                    return Err(PolicyError::Duplicate {
                        line,
                        key: "version",
                    });
                }
                if value != "STSv1" {
                    return Err(PolicyError::BadVersion {
                        line,
                        found: excerpt(value),
                    });
                }
                version = true;
            }
            "mode" => {
                if mode.is_some() {
                    return Err(PolicyError::Duplicate { line, key: "mode" });
                }
                mode = Some(match value {
                    "enforce" => Mode::Enforce,
                    "testing" => Mode::Testing,
                    "none" => Mode::None,
                    _ => {
                        return Err(PolicyError::BadMode {
                            line,
                            found: excerpt(value),
                        });
                    }
                });
            }
            "max_age" => {
                if max_age.is_some() {
                    return Err(PolicyError::Duplicate {
                        line,
                        key: "max_age",
                    });
                }
                let ok = !value.is_empty()
                    && value.len() <= 10
                    && value.bytes().all(|b| b.is_ascii_digit());
                let seconds = value.parse::<u64>().ok().filter(|_| ok);
                let Some(seconds) = seconds else {
                    return Err(PolicyError::BadMaxAge {
                        line,
                        found: excerpt(value),
                    });
                };
                max_age = Some(seconds.min(MAX_AGE_LIMIT));
            }
            "mx" => match mx_pattern(value) {
                Some(p) => mx.push(p),
                None => {
                    return Err(PolicyError::BadMx {
                        line,
                        found: excerpt(value),
                    });
                }
            },
            _ => {} // RFC 8461 §3.2: unknown keys are ignored.
        }
    }
    if !version {
        return Err(PolicyError::Missing("version"));
    }
    let mode = mode.ok_or(PolicyError::Missing("mode"))?;
    let max_age = max_age.ok_or(PolicyError::Missing("max_age"))?;
    if mx.is_empty() && mode != Mode::None {
        return Err(PolicyError::NoMx(mode.as_str()));
    }
    Ok(Policy { mode, mx, max_age })
}

/// `["*."] Domain` (RFC 8461 §3.2), as a lowercase A-label pattern.
fn mx_pattern(value: &str) -> Option<String> {
    let (wild, rest) = match value.strip_prefix("*.") {
        Some(rest) => ("*.", rest),
        None => ("", value),
    };
    let host = normalize_host(rest)?;
    let ldh = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    // A bare "*.com"-style pattern is legal syntax; a single-label host is not a mail server name.
    (ldh && host.contains('.')).then(|| format!("{wild}{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Policy, PolicyError> {
        parse(s.as_bytes())
    }

    #[test]
    fn rfc_example() {
        // RFC 8461 §3.2's example, with CRLF line ends as the RFC writes them.
        let body = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\n\
                    mx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n";
        let policy = p(body).unwrap();
        assert_eq!(policy.mode, Mode::Enforce);
        assert_eq!(
            policy.mx,
            vec!["mail.example.com", "*.example.net", "backupmx.example.com"]
        );
        assert_eq!(policy.max_age, 604800);
    }

    #[test]
    fn lf_line_ends_no_final_newline_and_unknown_keys() {
        let policy =
            p("version: STSv1\nmode: testing\nfuture_key: whatever\nmx:MX1.Example.ORG.\nmax_age: 86400")
                .unwrap();
        assert_eq!(policy.mode, Mode::Testing);
        assert_eq!(policy.mx, vec!["mx1.example.org"]);
        assert_eq!(policy.max_age, 86400);
    }

    #[test]
    fn mode_none_needs_no_mx() {
        let policy = p("version: STSv1\r\nmode: none\r\nmax_age: 0\r\n").unwrap();
        assert_eq!(policy.mode, Mode::None);
        assert!(policy.mx.is_empty());
        assert_eq!(policy.max_age, 0);
    }

    #[test]
    fn enforce_without_mx_is_refused() {
        assert_eq!(
            p("version: STSv1\nmode: enforce\nmax_age: 600\n"),
            Err(PolicyError::NoMx("enforce"))
        );
    }

    #[test]
    fn missing_fields() {
        assert_eq!(
            p("version: STSv1\nmx: mx.example.com\nmax_age: 600\n"),
            Err(PolicyError::Missing("mode"))
        );
        assert_eq!(
            p("mode: enforce\nmx: mx.example.com\nmax_age: 600\n"),
            Err(PolicyError::Missing("version"))
        );
        assert_eq!(
            p("version: STSv1\nmode: enforce\nmx: mx.example.com\n"),
            Err(PolicyError::Missing("max_age"))
        );
        assert_eq!(p(""), Err(PolicyError::Missing("version")));
    }

    #[test]
    fn bad_max_age_names_its_line() {
        for bad in ["-1", "", "1e6", "12345678901", "0x10", "60 s"] {
            let body =
                format!("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: {bad}\n");
            match p(&body) {
                Err(PolicyError::BadMaxAge { line: 4, .. }) => {}
                other => panic!("max_age {bad:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn max_age_above_a_year_is_clamped() {
        let policy = p("version: STSv1\nmode: none\nmax_age: 9999999999\n").unwrap();
        assert_eq!(policy.max_age, MAX_AGE_LIMIT);
        let policy = p("version: STSv1\nmode: none\nmax_age: 31557600\n").unwrap();
        assert_eq!(policy.max_age, MAX_AGE_LIMIT);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            p("version: STSv1\r\nmode: enforce\r\nmode: testing\r\n"),
            Err(PolicyError::Duplicate {
                line: 3,
                key: "mode"
            })
        );
        assert!(matches!(
            p("version: STSv2\n"),
            Err(PolicyError::BadVersion { line: 1, .. })
        ));
        assert!(matches!(
            p("version: STSv1\nmode: Enforce\n"),
            Err(PolicyError::BadMode { line: 2, .. })
        ));
        assert!(matches!(
            p("version: STSv1\n\nthis is not a policy\n"),
            Err(PolicyError::NotKeyValue { line: 3, .. })
        ));
        assert!(matches!(
            p("version: STSv1\nmx: mx example com\n"),
            Err(PolicyError::BadMx { line: 2, .. })
        ));
        assert_eq!(
            parse(b"version: STSv1\nmode: enforce\nmx: \xff.example.com\n"),
            Err(PolicyError::NotUtf8 { line: 3 })
        );
        let err = p("version: STSv1\nmode: enforce\nmx: localhost\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: mx must be a host name or *.domain, found \"localhost\""
        );
    }

    #[test]
    fn mx_patterns_become_a_labels() {
        let policy =
            p("version: STSv1\nmode: enforce\nmx: *.Bücher.example\nmax_age: 1\n").unwrap();
        assert_eq!(policy.mx, vec!["*.xn--bcher-kva.example"]);
        assert!(p("version: STSv1\nmode: enforce\nmx: *.*.example.com\nmax_age: 1\n").is_err());
        assert!(p("version: STSv1\nmode: enforce\nmx: -bad-.example.com\nmax_age: 1\n").is_err());
    }

    #[test]
    fn long_values_are_cut_in_errors() {
        let long = "x".repeat(500);
        let err = p(&format!("version: {long}\n")).unwrap_err().to_string();
        assert!(err.len() < 120, "{err}");
    }
}
