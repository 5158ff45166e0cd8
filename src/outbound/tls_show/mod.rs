//! `sealgate tls show DOMAIN`: what the capability cache knows of one
//! domain, with the evidence and how old each fact is.
//!
//! Reads the domain's file under `<data_dir>/tls/` directly, so it works
//! with the daemon stopped. Unlike the store, which starts afresh on a
//! corrupt file, this says what is wrong with it: the operator asked.
//!
//! Loading is here; `render` prints what was found as text or JSON.

mod render;

use std::path::{Path, PathBuf};

use super::capability::{self, DomainFacts};

#[derive(Debug, thiserror::Error)]
pub enum ShowError {
    #[error("`{0}` is not a domain name")]
    BadDomain(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a capability file ({error}); the next delivery will start it afresh")]
    Corrupt { path: PathBuf, error: String },
}

impl ShowError {
    /// 2 for a bad argument, 1 for a data dir that cannot be read.
    pub fn exit_code(&self) -> u8 {
        match self {
            ShowError::BadDomain(_) => 2,
            _ => 1,
        }
    }
}

/// What the cache holds for one domain.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Known {
        file: PathBuf,
        facts: DomainFacts,
    },
    /// No file for the domain. `since`: when the cache folder was created
    /// (Unix seconds), None when it does not exist yet.
    Unknown {
        domain: String,
        dir: PathBuf,
        since: Option<u64>,
    },
}

/// Looks `domain` (normalised like config domains) up in the capability
/// cache of `data_dir`.
pub fn show(data_dir: &Path, domain: &str) -> Result<Shown, ShowError> {
    let domain = crate::proto::address::normalize_domain(domain)
        .map_err(|_| ShowError::BadDomain(domain.to_string()))?;
    let read_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ShowError::Read { path, source }
    };
    // A data dir that is missing or unreadable is a wrong --config or a
    // permission problem, not a domain nobody wrote to.
    std::fs::read_dir(data_dir).map_err(read_err(data_dir))?;
    let dir = capability::dir(data_dir);
    let file = capability::file_of(&dir, &domain);
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let since = match std::fs::metadata(&dir) {
                Ok(m) => m
                    .created()
                    .or_else(|_| m.modified())
                    .ok()
                    .map(crate::time::unix_secs),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(read_err(&dir)(e)),
            };
            return Ok(Shown::Unknown { domain, dir, since });
        }
        Err(e) => return Err(read_err(&file)(e)),
    };
    let facts: DomainFacts = serde_json::from_slice(&bytes).map_err(|e| ShowError::Corrupt {
        path: file.clone(),
        error: e.to_string(),
    })?;
    if facts.domain != domain {
        return Err(ShowError::Corrupt {
            path: file,
            error: format!("it is for {:?}", facts.domain),
        });
    }
    Ok(Shown::Known { file, facts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sealgate-show-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("data dir");
        d
    }

    #[test]
    fn finds_the_normalised_name() {
        let d = data_dir("found");
        let facts = DomainFacts {
            domain: "xn--bcher-kva.test".into(),
            mx: vec!["mx.xn--bcher-kva.test".into()],
            mx_at: 1000,
            ..DomainFacts::default()
        };
        let tls = capability::dir(&d);
        std::fs::create_dir_all(&tls).expect("tls dir");
        let file = capability::file_of(&tls, &facts.domain);
        std::fs::write(&file, serde_json::to_vec(&facts).expect("json")).expect("write");
        assert_eq!(
            show(&d, "Bücher.TEST.").expect("found"),
            Shown::Known { file, facts }
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn unknown_wrong_and_unreadable() {
        let d = data_dir("unknown");
        assert!(matches!(
            show(&d, "a.test"),
            Ok(Shown::Unknown { since: None, .. })
        ));
        let tls = capability::dir(&d);
        std::fs::create_dir_all(&tls).expect("tls dir");
        assert!(matches!(
            show(&d, "a.test"),
            Ok(Shown::Unknown { since: Some(t), .. }) if t > 0
        ));
        let e = show(&d, "a..test").expect_err("bad name");
        assert_eq!(e.exit_code(), 2);
        // Another domain's facts under this name, and garbage.
        let b = DomainFacts {
            domain: "b.test".into(),
            ..DomainFacts::default()
        };
        let file = capability::file_of(&tls, "a.test");
        std::fs::write(&file, serde_json::to_vec(&b).expect("json")).expect("write");
        let e = show(&d, "a.test").expect_err("wrong domain");
        assert!(e.to_string().contains("b.test"), "{e}");
        std::fs::write(&file, b"{").expect("write");
        let e = show(&d, "a.test").expect_err("corrupt");
        assert!(matches!(e, ShowError::Corrupt { .. }), "{e}");
        assert_eq!(e.exit_code(), 1);
        // A data dir that is not there is a wrong config, not an unknown domain.
        let gone = d.join("nope");
        let e = show(&gone, "a.test").expect_err("no data dir");
        assert!(e.to_string().contains(&*gone.to_string_lossy()), "{e}");
        assert_eq!(e.exit_code(), 1);
        let _ = std::fs::remove_dir_all(&d);
    }
}
