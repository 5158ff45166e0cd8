//! What each recipient domain's mail servers can do, learned from real
//! deliveries and lookups, kept with the time it was learned.
//!
//! One JSON file per domain under `<data_dir>/tls/`, so the knowledge (and
//! the cached MTA-STS policies RFC 8461 requires us to keep) survives a
//! restart and `sealgate tls show` can read it without the daemon. It is a
//! cache: a lost or corrupt file only means the next delivery looks again,
//! so files are replaced atomically but not fsynced.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::config::TlsLevel;
use crate::outbound::dane::TlsaLookup;
use crate::outbound::mta_sts;
use crate::outbound::verify::{TlsFail, Verified};
use crate::policy::Capability;

/// Everything known of one domain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DomainFacts {
    pub domain: String,
    /// MX hosts in the order last resolved, and when.
    #[serde(default)]
    pub mx: Vec<String>,
    #[serde(default)]
    pub mx_at: u64,
    #[serde(default)]
    pub mta_sts: Option<StsFacts>,
    /// Per mail host, by name.
    #[serde(default)]
    pub hosts: BTreeMap<String, HostFacts>,
}

/// The domain's MTA-STS state: the policy RFC 8461 says to cache, and when
/// the `_mta-sts` record was last looked at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StsFacts {
    pub checked_at: u64,
    pub policy: Option<mta_sts::Cached>,
    pub evidence: String,
}

/// One mail host as last seen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostFacts {
    /// When the last connection was judged (0: never connected).
    #[serde(default)]
    pub seen_at: u64,
    #[serde(default)]
    pub addr: Option<String>,
    #[serde(default)]
    pub starttls: Option<bool>,
    #[serde(default)]
    pub tls_version: Option<String>,
    #[serde(default)]
    pub tls_cipher: Option<String>,
    #[serde(default)]
    pub verified: Option<Verified>,
    /// The best level this host reached; None when it was not reached.
    #[serde(default)]
    pub reached: Option<TlsLevel>,
    #[serde(default)]
    pub cert_sha256: Option<String>,
    #[serde(default)]
    pub requiretls: Option<bool>,
    /// Why the last connection failed the demand, if it did.
    #[serde(default)]
    pub failure: Option<String>,
    #[serde(default)]
    pub tlsa: Option<TlsaLookup>,
    #[serde(default)]
    pub tlsa_at: u64,
}

/// What one connection showed, for [`Store::observe`].
pub enum Observation<'a> {
    /// TLS (or plaintext at a level that allowed it) met the demand.
    Passed {
        addr: String,
        starttls: bool,
        tls: Option<&'a crate::outbound::client::TlsInfo>,
        requiretls: bool,
    },
    /// The host was reached and failed the demand.
    Failed {
        addr: String,
        fail: &'a TlsFail,
        tls: Option<&'a crate::outbound::client::TlsInfo>,
    },
}

pub struct Store {
    dir: PathBuf,
    ttl: Duration,
    mem: Mutex<HashMap<String, DomainFacts>>,
}

impl Store {
    /// `ttl`: how long an observation steers routing before it is checked again.
    pub fn new(dir: PathBuf, ttl: Duration) -> Store {
        Store {
            dir,
            ttl,
            mem: Mutex::new(HashMap::new()),
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    fn fresh(&self, at: u64, now: u64) -> bool {
        at > 0 && now < at.saturating_add(self.ttl.as_secs())
    }

    /// The domain's facts: memory first, then its file, else empty.
    pub fn get(&self, domain: &str) -> DomainFacts {
        let mut mem = self.mem.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = mem.get(domain) {
            return f.clone();
        }
        let facts = read(&self.dir, domain).unwrap_or_else(|| DomainFacts {
            domain: domain.to_string(),
            ..DomainFacts::default()
        });
        mem.insert(domain.to_string(), facts.clone());
        facts
    }

    /// Changes the domain's facts in memory, and writes them through when
    /// `f` says the change is worth a write: a busy domain's every delivery
    /// must not cost a file write when it only confirms what is known.
    fn update(&self, domain: &str, f: impl FnOnce(&mut DomainFacts) -> bool) {
        let mut facts = self.get(domain);
        if f(&mut facts)
            && let Err(e) = write(&self.dir, &facts)
        {
            tracing::warn!(domain, error = %e, "cannot save TLS capability facts; they stay in memory");
        }
        self.mem
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(domain.to_string(), facts);
    }

    /// What routing may rely on now: only fresh observations count.
    pub fn capability(&self, domain: &str, now: u64) -> Capability {
        let facts = self.get(domain);
        let fresh: Vec<&HostFacts> = facts
            .hosts
            .values()
            .filter(|h| self.fresh(h.seen_at, now))
            .collect();
        let reached = fresh.iter().filter_map(|h| h.reached).max();
        let verified: Vec<&&HostFacts> = fresh
            .iter()
            .filter(|h| h.reached.is_some_and(|r| r >= TlsLevel::Verify))
            .collect();
        let requiretls = if verified.is_empty() {
            None
        } else {
            Some(verified.iter().any(|h| h.requiretls == Some(true)))
        };
        Capability {
            reached: if fresh.is_empty() {
                None
            } else {
                reached.or(Some(TlsLevel::None))
            },
            requiretls,
        }
    }

    /// The host's TLSA answer if looked up within the TTL.
    pub fn tlsa(&self, domain: &str, host: &str, now: u64) -> Option<TlsaLookup> {
        let facts = self.get(domain);
        let h = facts.hosts.get(host)?;
        if self.fresh(h.tlsa_at, now) {
            h.tlsa.clone()
        } else {
            None
        }
    }

    pub fn set_tlsa(&self, domain: &str, host: &str, lookup: &TlsaLookup, now: u64) {
        self.update(domain, |f| {
            let h = f.hosts.entry(host.to_string()).or_default();
            h.tlsa = Some(lookup.clone());
            h.tlsa_at = now;
            true
        });
    }

    /// The MTA-STS state if the `_mta-sts` record was checked within the TTL.
    pub fn sts(&self, domain: &str, now: u64) -> (Option<StsFacts>, bool) {
        let facts = self.get(domain);
        let fresh = facts
            .mta_sts
            .as_ref()
            .is_some_and(|s| self.fresh(s.checked_at, now));
        (facts.mta_sts, fresh)
    }

    pub fn set_sts(&self, domain: &str, sts: StsFacts) {
        self.update(domain, |f| {
            f.mta_sts = Some(sts);
            true
        });
    }

    pub fn set_mx(&self, domain: &str, hosts: Vec<String>, now: u64) {
        self.update(domain, |f| {
            let changed = f.mx != hosts || !self.fresh(f.mx_at, now);
            if changed {
                f.mx = hosts;
                f.mx_at = now;
            }
            changed
        });
    }

    /// Learns from one judged connection.
    pub fn observe(&self, domain: &str, host: &str, o: Observation<'_>, now: u64) {
        let refresh = self.ttl.as_secs() / 4;
        self.update(domain, |f| {
            let h = f.hosts.entry(host.to_string()).or_default();
            let before = h.clone();
            h.seen_at = now;
            let tls = match &o {
                Observation::Passed { tls, .. } | Observation::Failed { tls, .. } => *tls,
            };
            h.tls_version = tls.map(|t| t.negotiated.version.clone());
            h.tls_cipher = tls.map(|t| t.negotiated.cipher.clone());
            h.cert_sha256 = tls.and_then(|t| t.cert_sha256.clone());
            h.verified = tls.map(|t| t.verified);
            match o {
                Observation::Passed {
                    addr,
                    starttls,
                    tls,
                    requiretls,
                } => {
                    h.addr = Some(addr);
                    h.starttls = Some(starttls);
                    h.reached = Some(tls.map_or(TlsLevel::None, |t| t.verified.reaches()));
                    h.requiretls = Some(requiretls);
                    h.failure = None;
                }
                Observation::Failed { addr, fail, tls } => {
                    h.addr = Some(addr);
                    h.failure = Some(fail.to_string());
                    h.reached = match fail {
                        TlsFail::NoStartTls { .. } => {
                            h.starttls = Some(false);
                            Some(TlsLevel::None)
                        }
                        TlsFail::Handshake { .. } => {
                            h.starttls = Some(true);
                            Some(TlsLevel::None)
                        }
                        // The handshake worked; what it proved is in `tls`.
                        _ => {
                            h.starttls = Some(true);
                            Some(tls.map_or(TlsLevel::Encrypt, |t| t.verified.reaches()))
                        }
                    };
                }
            }
            // Write when something changed, or to refresh the time seen
            // once a quarter of the TTL has passed.
            let same = HostFacts {
                seen_at: before.seen_at,
                ..h.clone()
            } == before;
            !same || now >= before.seen_at.saturating_add(refresh)
        });
    }
}

/// The cache's folder in the gateway's data dir.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("tls")
}

/// Domain names become file names as their lowercase A-label; anything else
/// (there should be nothing else) is hashed so no name can leave the folder.
pub fn file_of(dir: &Path, domain: &str) -> PathBuf {
    let safe = !domain.is_empty()
        && domain.len() <= 253
        && !domain.starts_with('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    let name = if safe {
        domain.to_string()
    } else {
        crate::proto::hash::sha256_hex(domain.as_bytes())
    };
    dir.join(format!("{name}.json"))
}

fn read(dir: &Path, domain: &str) -> Option<DomainFacts> {
    let bytes = std::fs::read(file_of(dir, domain)).ok()?;
    match serde_json::from_slice::<DomainFacts>(&bytes) {
        Ok(f) if f.domain == domain => Some(f),
        _ => {
            tracing::warn!(domain, "unreadable TLS capability file; starting afresh");
            None
        }
    }
}

fn write(dir: &Path, facts: &DomainFacts) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::create_dir_all(dir)?;
    let path = file_of(dir, &facts.domain);
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(&serde_json::to_vec_pretty(facts).map_err(std::io::Error::other)?)?;
    drop(f);
    std::fs::rename(&tmp, &path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbound::client::TlsInfo;
    use crate::proto::tls::Negotiated;

    fn info(v: Verified) -> TlsInfo {
        TlsInfo {
            negotiated: Negotiated {
                version: "TLSv1.3".into(),
                cipher: "TLS_AES_256_GCM_SHA384".into(),
            },
            verified: v,
            cert_sha256: Some("ab".repeat(32)),
        }
    }

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sealgate-cap-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn learns_reaches_and_forgets() {
        let d = dir("learn");
        let store = Store::new(d.clone(), Duration::from_secs(3600));
        assert_eq!(store.capability("a.test", 1000), Capability::default());
        let fail = TlsFail::NoStartTls {
            host: "mx1.a.test".into(),
            why: "TLS level verify".into(),
        };
        store.observe(
            "a.test",
            "mx1.a.test",
            Observation::Failed {
                addr: "127.0.0.1:25".into(),
                fail: &fail,
                tls: None,
            },
            1000,
        );
        assert_eq!(
            store.capability("a.test", 1001).reached,
            Some(TlsLevel::None)
        );
        let pkix = info(Verified::Pkix);
        store.observe(
            "a.test",
            "mx2.a.test",
            Observation::Passed {
                addr: "127.0.0.2:25".into(),
                starttls: true,
                tls: Some(&pkix),
                requiretls: false,
            },
            1000,
        );
        let cap = store.capability("a.test", 1001);
        assert_eq!(cap.reached, Some(TlsLevel::Verify), "the best host counts");
        assert_eq!(cap.requiretls, Some(false));
        // Survives a restart: a new store reads the file.
        let again = Store::new(d.clone(), Duration::from_secs(3600));
        assert_eq!(again.capability("a.test", 1001), cap);
        // And is forgotten once stale.
        assert_eq!(
            again.capability("a.test", 1000 + 3600),
            Capability::default()
        );
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(d.join("a.test.json"))
                .expect("file")
                .permissions(),
        );
        assert_eq!(mode & 0o777, 0o600);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn odd_names_stay_in_the_folder() {
        let d = Path::new("/x");
        assert_eq!(file_of(d, "a.test"), Path::new("/x/a.test.json"));
        let p = file_of(d, "../../etc/passwd");
        assert_eq!(p.parent(), Some(d));
        assert!(!p.to_string_lossy().contains(".."));
    }
}
