//! `sealgate audit verify | search | pubkey | rotate-key`. `verify` and
//! `search` need only the folder (and for `verify` a public key), so an
//! auditor runs them on a copy on their own machine without a config.

use std::path::{Path, PathBuf};

use super::keys::{self, SigningKey};
use super::search::Filter;
use super::verify::{self, TrustSource};
use crate::config::Config;

/// What a command printed, and its exit status: 0 fine, 1 the log is not
/// intact, 2 the command could not do its work.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

fn fail(msg: String) -> Outcome {
    Outcome {
        stdout: String::new(),
        stderr: msg,
        code: 2,
    }
}

/// `audit verify [DIR] [--pubkey FILE] [--json]`. Without `--pubkey`, the
/// config's own signing key is trusted when it can be read, else the key
/// the log announces (and the report says which).
pub fn verify(
    dir: Option<PathBuf>,
    pubkey: Option<&Path>,
    config: Result<Config, String>,
    json: bool,
) -> Outcome {
    let dir = match (dir, &config) {
        (Some(d), _) => d,
        (None, Ok(c)) => c.path(&c.audit.dir),
        (None, Err(e)) => {
            return fail(format!(
                "no audit folder given and the config does not load: {e}\nusage: sealgate audit verify DIR --pubkey FILE"
            ));
        }
    };
    let (trusted, trust) = match pubkey {
        Some(p) => match keys::read_public_keys(p) {
            Ok(k) => (k, TrustSource::PublicKeyFile(p.to_path_buf())),
            Err(e) => return fail(e.to_string()),
        },
        None => {
            let own = config.as_ref().ok().and_then(|c| {
                let path = c.path(&c.audit.key);
                SigningKey::open(&path)
                    .ok()
                    .map(|k| (vec![k.public().clone()], TrustSource::SigningKey(path)))
            });
            own.unwrap_or((Vec::new(), TrustSource::Log))
        }
    };
    let report = match verify::verify(&dir, trusted, trust) {
        Ok(r) => r,
        Err(e) => return fail(format!("cannot read {}: {e}", dir.display())),
    };
    let stdout = if json {
        serde_json::to_string_pretty(&report).unwrap_or_default()
    } else {
        verify::render(&report).trim_end().to_string()
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code: if report.intact() { 0 } else { 1 },
    }
}

/// `audit search`: matching records in order, as lines or as the raw JSON.
pub fn search(dir: &Path, filter: &Filter, json: bool) -> Outcome {
    let mut stdout = String::new();
    let mut unreadable = 0usize;
    let read = super::segment::for_each_line(dir, |line| {
        if line.is_empty() {
            return;
        }
        match serde_json::from_slice::<serde_json::Value>(line) {
            Ok(v) if filter.matches(&v) => {
                if json {
                    stdout.push_str(&String::from_utf8_lossy(line));
                } else {
                    stdout.push_str(&super::search::render(&v));
                }
                stdout.push('\n');
            }
            Ok(_) => {}
            Err(_) => unreadable += 1,
        }
    });
    match read {
        Ok(0) => fail(format!("no audit segments in {}", dir.display())),
        Ok(_) => Outcome {
            stdout: stdout.trim_end().to_string(),
            stderr: if unreadable > 0 {
                format!("{unreadable} unreadable line(s) skipped; run `sealgate audit verify`")
            } else {
                String::new()
            },
            code: 0,
        },
        Err(e) => fail(format!("cannot read {}: {e}", dir.display())),
    }
}

/// `audit pubkey`: the line to hand an auditor (`> audit.pub`).
pub fn pubkey(config: &Config) -> Outcome {
    let path = config.path(&config.audit.key);
    match SigningKey::open(&path) {
        Ok(k) => Outcome {
            stdout: format!(
                "# sealgate audit key {} ({})\n{}",
                k.public().id(),
                config.server.hostname,
                k.public().text()
            ),
            stderr: String::new(),
            code: 0,
        },
        Err(keys::KeyError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            fail(format!(
                "no audit key at {} yet: the gateway creates it when it first starts",
                path.display()
            ))
        }
        Err(e) => fail(e.to_string()),
    }
}

/// `audit rotate-key`: only while the gateway is stopped.
pub fn rotate_key(config: &Config) -> Outcome {
    let (dir, key) = super::paths(config);
    let options = match super::options(config) {
        Ok(o) => o,
        Err(e) => return fail(e.to_string()),
    };
    match super::rotate_key(&dir, &key, options) {
        Ok(new) => Outcome {
            stdout: format!(
                "new audit key {}; the log records the change signed by the old key.\nGive auditors the new public key too:\n{}",
                new.id(),
                new.text()
            ),
            stderr: String::new(),
            code: 0,
        },
        Err(super::AuditError::InUse(d)) => fail(format!(
            "audit log {} is held by a running gateway: stop it, rotate, start it again",
            d.display()
        )),
        Err(e) => fail(e.to_string()),
    }
}
