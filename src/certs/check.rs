//! `sealgate certs check`: every configured certificate examined at once,
//! as text or one JSON object, with an exit code a renewal hook or a
//! monitoring check can act on (0 fine, 1 something to fix).

use std::path::{Path, PathBuf};

use crate::config::Config;

use super::inspect::{self, Anchors, Bundle, Report};

/// Debian's bundle of the roots the system trusts (`ca-certificates`).
pub const SYSTEM_ROOTS: &str = "/etc/ssl/certs/ca-certificates.crt";

pub struct Options {
    /// A CA bundle to check chains against instead of the system's.
    pub ca: Option<PathBuf>,
    pub json: bool,
    /// Warnings (expiring soon, self-signed, not chaining to the system
    /// roots) fail the check too.
    pub strict: bool,
}

pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

/// The roots: `--ca FILE` when given (unreadable is an error), else the
/// system bundle when there is one.
fn anchors(ca: Option<&Path>) -> Result<Option<Anchors>, String> {
    match ca {
        Some(file) => crate::proto::tls::load_certs(file)
            .map(|certs| {
                Some(Anchors {
                    file: file.to_path_buf(),
                    explicit: true,
                    certs,
                })
            })
            .map_err(|e| format!("--ca: {e}")),
        None => Ok(crate::proto::tls::load_certs(Path::new(SYSTEM_ROOTS))
            .ok()
            .map(|certs| Anchors {
                file: PathBuf::from(SYSTEM_ROOTS),
                explicit: false,
                certs,
            })),
    }
}

pub fn run(config: &Config, o: &Options) -> Outcome {
    let anchors = match anchors(o.ca.as_deref()) {
        Ok(a) => a,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                stderr: e,
                code: 1,
            };
        }
    };
    let now = i64::try_from(crate::time::unix_now()).unwrap_or(i64::MAX);
    let reports: Vec<Report> = super::targets(config)
        .iter()
        .map(|t| inspect::inspect(t, anchors.as_ref(), now))
        .collect();
    let client_ca = config
        .tls
        .client_ca
        .as_ref()
        .map(|f| inspect::bundle(&config.path(f), now));
    let errors = reports.iter().map(|r| r.errors.len()).sum::<usize>()
        + client_ca.as_ref().map_or(0, |b| b.errors.len());
    let warnings = reports.iter().map(|r| r.warnings.len()).sum::<usize>()
        + client_ca.as_ref().map_or(0, |b| b.warnings.len());
    let failed = errors > 0 || (o.strict && warnings > 0);
    let stdout = if o.json {
        let v = serde_json::json!({
            "config": config.source,
            "ok": !failed,
            "errors": errors,
            "warnings": warnings,
            "strict": o.strict,
            "trust_store": anchors.as_ref().map(|a| &a.file),
            "certificates": reports,
            "client_ca": client_ca,
        });
        serde_json::to_string_pretty(&v).unwrap_or_default()
    } else {
        text(
            &reports,
            client_ca.as_ref(),
            anchors.as_ref(),
            errors,
            warnings,
            o.strict,
        )
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code: u8::from(failed),
    }
}

fn text(
    reports: &[Report],
    client_ca: Option<&Bundle>,
    anchors: Option<&Anchors>,
    errors: usize,
    warnings: usize,
    strict: bool,
) -> String {
    let mut parts: Vec<String> = reports.iter().map(inspect::text).collect();
    if reports.is_empty() {
        parts.push(
            "no certificate is configured (no listener uses TLS and the portal is off)\n".into(),
        );
    }
    if let Some(b) = client_ca {
        let mut s = format!(
            "client CA ([tls] client_ca): {}: {} certificate(s)\n",
            b.file.display(),
            b.certificates
        );
        for sub in &b.subjects {
            s.push_str(&format!("  {sub}\n"));
        }
        for e in &b.errors {
            s.push_str(&format!("  error: {e}\n"));
        }
        for w in &b.warnings {
            s.push_str(&format!("  warning: {w}\n"));
        }
        parts.push(s);
    }
    let mut summary = format!("{errors} error(s), {warnings} warning(s)");
    if anchors.is_none() {
        summary.push_str(&format!(
            "; trust not checked: no {SYSTEM_ROOTS} (give a bundle with --ca FILE)"
        ));
    }
    if strict && warnings > 0 {
        summary.push_str("; --strict: warnings fail the check");
    }
    parts.push(summary);
    parts.join("\n")
}
