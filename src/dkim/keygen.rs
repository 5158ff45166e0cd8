//! `sealgate dkim keygen`: a new private key under `<data_dir>/dkim/`,
//! mode 0600 from its creation, and the DNS TXT record that publishes it.
//!
//! ring generates Ed25519 keys but not RSA keys; rather than build a second
//! RSA implementation (the `rsa` crate carries RUSTSEC-2023-0071), RSA keys
//! come from `openssl genpkey`, run as a subprocess whose output goes
//! straight into the 0600 file.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ring::rand::SystemRandom;
use ring::signature::Ed25519KeyPair;

use super::keys::{self, KeyError};
use crate::config::DkimAlgorithm;

#[derive(Debug, thiserror::Error)]
pub enum KeygenError {
    #[error("`{0}` is not a domain name")]
    Domain(String),
    #[error("`{0}` is not a selector: letters, digits, inner hyphens, dot-separated")]
    Selector(String),
    #[error(
        "{}: a key already exists; choose a new selector to rotate (the old key keeps signing until you remove it)",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot run `openssl genpkey` for an RSA key ({0}); install openssl, or use --algo ed25519"
    )]
    Openssl(String),
    #[error("generating the key failed")]
    Generate,
    #[error("{0}")]
    Key(#[from] KeyError),
}

/// What keygen made: where the key is, and the record to publish.
pub struct Generated {
    pub path: PathBuf,
    pub record: String,
    pub algorithm: &'static str,
}

/// Writes `<data_dir>/dkim/<domain>.<selector>.key` and returns the record.
pub fn generate(
    data_dir: &Path,
    domain: &str,
    selector: &str,
    algo: DkimAlgorithm,
) -> Result<Generated, KeygenError> {
    let domain = crate::proto::address::normalize_domain(domain)
        .ok()
        .filter(|d| !d.starts_with('['))
        .ok_or_else(|| KeygenError::Domain(domain.to_string()))?;
    if !super::valid_selector(selector) {
        return Err(KeygenError::Selector(selector.to_string()));
    }
    let pem = match algo {
        DkimAlgorithm::Ed25519 => {
            let der = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new())
                .map_err(|_| KeygenError::Generate)?;
            crate::proto::pem::encode("PRIVATE KEY", der.as_ref())
        }
        DkimAlgorithm::Rsa => openssl_rsa()?,
    };
    let dir = data_dir.join("dkim");
    let write = |path: &Path| {
        let path = path.to_path_buf();
        move |source| KeygenError::Write { path, source }
    };
    std::fs::create_dir_all(&dir).map_err(write(&dir))?;
    let path = dir.join(format!("{domain}.{selector}.key"));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                KeygenError::Exists(path.clone())
            } else {
                write(&path)(e)
            }
        })?;
    f.write_all(pem.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(write(&path))?;
    let key = keys::load(&path, Some(algo))?;
    Ok(Generated {
        record: txt_record(
            &domain,
            selector,
            key.algorithm_name(),
            &key.public_key_base64(),
        ),
        algorithm: key.algorithm_name(),
        path,
    })
}

/// `S._domainkey.D. IN TXT ( "..." "..." )`, the text cut into strings of
/// at most 255 bytes (RFC 1035 §3.3.14; RFC 6376 §3.6.2.2 joins them).
pub fn txt_record(domain: &str, selector: &str, k: &str, p: &str) -> String {
    let text = format!("v=DKIM1; k={k}; p={p}");
    let strings: Vec<String> = text
        .as_bytes()
        .chunks(255)
        .map(|c| format!("\"{}\"", String::from_utf8_lossy(c)))
        .collect();
    format!(
        "{selector}._domainkey.{domain}. IN TXT ( {} )",
        strings.join("\n\t")
    )
}

/// A 2048-bit RSA key in PKCS#8 PEM from `openssl genpkey` on stdout.
fn openssl_rsa() -> Result<String, KeygenError> {
    let out = Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| KeygenError::Openssl(e.to_string()))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(KeygenError::Openssl(format!(
            "{}: {}",
            out.status,
            err.lines().next().unwrap_or("")
        )));
    }
    String::from_utf8(out.stdout).map_err(|_| KeygenError::Openssl("output is not PEM".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_records_are_split_into_255_byte_strings() {
        let p = "A".repeat(400);
        let r = txt_record("a.test", "s1", "rsa", &p);
        assert!(r.starts_with("s1._domainkey.a.test. IN TXT ( \"v=DKIM1; k=rsa; p="));
        let strings: Vec<&str> = r.split('"').skip(1).step_by(2).collect();
        assert_eq!(strings.len(), 2);
        assert_eq!(strings[0].len(), 255);
        assert_eq!(strings.concat(), format!("v=DKIM1; k=rsa; p={p}"));
    }

    #[test]
    fn selectors_and_domains_that_could_leave_the_folder_are_refused() {
        let dir = std::env::temp_dir().join(format!("sealgate-keygen-{}", std::process::id()));
        for (d, s) in [
            ("a.test", "../x"),
            ("a.test", "a/b"),
            ("../a", "s"),
            ("a.test", ""),
        ] {
            assert!(
                generate(&dir, d, s, DkimAlgorithm::Ed25519).is_err(),
                "{d} {s}"
            );
        }
        assert!(!dir.exists());
    }
}
