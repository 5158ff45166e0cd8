//! The portal's master keys: one file, 0600, one key per line
//! (`v1 <key id> <base64 key>`), the last line current. Each portal message
//! has its own random key, wrapped by the current master key; rotation adds
//! a line, and older lines still unwrap the messages they wrapped.
//!
//! The file is refused when group or others can read it: a key anyone on
//! the host can read protects nothing.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("portal key file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "portal key file {path} can be read by group or others (mode {mode:o}); run `chmod 600 {path}`"
    )]
    Mode { path: PathBuf, mode: u32 },
    #[error("portal key file {path}, line {line}: {why}")]
    Syntax {
        path: PathBuf,
        line: usize,
        why: &'static str,
    },
    #[error("portal key file {path} holds no key")]
    Empty { path: PathBuf },
    #[error(
        "no master key `{0}` in the key file: it was removed, so messages it wrapped cannot be opened"
    )]
    Missing(String),
    #[error("a wrapped key or message did not decrypt (damaged, or not from this key)")]
    Decrypt,
    #[error("the system's random source failed")]
    Random,
}

struct MasterKey {
    id: String,
    key: LessSafeKey,
    mac: ring::hmac::Key,
}

pub struct KeyRing {
    keys: Vec<MasterKey>,
    path: PathBuf,
}

/// A message key wrapped by one master key: what the store keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub key_id: String,
    /// nonce ‖ ciphertext ‖ tag
    pub bytes: Vec<u8>,
}

pub fn random<const N: usize>() -> Result<[u8; N], KeyError> {
    let mut b = [0u8; N];
    SystemRandom::new()
        .fill(&mut b)
        .map_err(|_| KeyError::Random)?;
    Ok(b)
}

impl KeyRing {
    /// Loads the key file, creating it with one new key if it is missing.
    /// Returns whether a key was generated.
    pub fn open_or_create(path: &Path) -> Result<(KeyRing, bool), KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let created = match std::fs::symlink_metadata(path) {
            Ok(_) => false,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(io)?;
                }
                append_key(path)?;
                true
            }
            Err(e) => return Err(io(e)),
        };
        Ok((KeyRing::open(path)?, created))
    }

    pub fn open(path: &Path) -> Result<KeyRing, KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyError::Mode {
                path: path.to_path_buf(),
                mode,
            });
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        let mut keys = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let syntax = |why| KeyError::Syntax {
                path: path.to_path_buf(),
                line: n + 1,
                why,
            };
            let mut f = line.split_ascii_whitespace();
            let (Some("v1"), Some(id), Some(b64), None) = (f.next(), f.next(), f.next(), f.next())
            else {
                return Err(syntax("expected `v1 <key id> <base64 key>`"));
            };
            let raw = Base64::decode_vec(b64).map_err(|_| syntax("the key is not base64"))?;
            if raw.len() != 32 {
                return Err(syntax("the key is not 32 bytes"));
            }
            let key = UnboundKey::new(&AES_256_GCM, &raw).map_err(|_| syntax("unusable key"))?;
            // Codes are checked by HMAC under a key derived from, not equal
            // to, the wrapping key: one key, one purpose.
            let mac_seed = ring::hmac::sign(
                &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &raw),
                b"sealgate portal code mac v1",
            );
            keys.push(MasterKey {
                id: id.to_string(),
                key: LessSafeKey::new(key),
                mac: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, mac_seed.as_ref()),
            });
        }
        if keys.is_empty() {
            return Err(KeyError::Empty {
                path: path.to_path_buf(),
            });
        }
        Ok(KeyRing {
            keys,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn current(&self) -> &MasterKey {
        // open() refuses an empty ring.
        &self.keys[self.keys.len() - 1]
    }

    pub fn current_id(&self) -> &str {
        &self.current().id
    }

    pub fn ids(&self) -> Vec<String> {
        self.keys.iter().map(|k| k.id.clone()).collect()
    }

    /// Wraps a message key; `context` (the portal id) is bound as AAD so a
    /// wrapped key copied to another record does not unwrap.
    pub fn wrap(&self, message_key: &[u8; 32], context: &str) -> Result<Wrapped, KeyError> {
        let k = self.current();
        Ok(Wrapped {
            key_id: k.id.clone(),
            bytes: seal_with(&k.key, message_key, context)?,
        })
    }

    pub fn unwrap(&self, w: &Wrapped, context: &str) -> Result<[u8; 32], KeyError> {
        let k = self
            .keys
            .iter()
            .find(|k| k.id == w.key_id)
            .ok_or_else(|| KeyError::Missing(w.key_id.clone()))?;
        let plain = open_with(&k.key, &w.bytes, context)?;
        plain.try_into().map_err(|_| KeyError::Decrypt)
    }

    /// HMAC of a one-time code for one message, under the current key.
    pub fn code_mac(&self, portal_id: &str, code: &str) -> String {
        let mut m = Vec::with_capacity(portal_id.len() + code.len() + 1);
        m.extend_from_slice(portal_id.as_bytes());
        m.push(0);
        m.extend_from_slice(code.as_bytes());
        crate::proto::hash::hex(ring::hmac::sign(&self.current().mac, &m).as_ref())
    }
}

/// Adds a new key at the end of the file (creating it 0600): from now on
/// it wraps new messages.
pub fn append_key(path: &Path) -> Result<String, KeyError> {
    let io = |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let raw: [u8; 32] = random()?;
    let id_bytes: [u8; 4] = random()?;
    let id = format!(
        "k{}-{}",
        crate::time::unix_now(),
        crate::proto::hash::hex(&id_bytes)
    );
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    writeln!(f, "v1 {id} {}", Base64::encode_string(&raw)).map_err(io)?;
    f.sync_all().map_err(io)?;
    if let Some(dir) = path.parent() {
        let _ = crate::spool::sync_dir(dir);
    }
    Ok(id)
}

/// AES-256-GCM with a random nonce: nonce ‖ ciphertext ‖ tag.
pub fn seal_with(key: &LessSafeKey, plain: &[u8], context: &str) -> Result<Vec<u8>, KeyError> {
    let nonce: [u8; NONCE_LEN] = random()?;
    let mut out = Vec::with_capacity(NONCE_LEN + plain.len() + 16);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plain);
    let tag = key
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(context.as_bytes()),
            &mut out[NONCE_LEN..],
        )
        .map_err(|_| KeyError::Decrypt)?;
    out.extend_from_slice(tag.as_ref());
    Ok(out)
}

pub fn open_with(key: &LessSafeKey, sealed: &[u8], context: &str) -> Result<Vec<u8>, KeyError> {
    if sealed.len() < NONCE_LEN + 16 {
        return Err(KeyError::Decrypt);
    }
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| KeyError::Decrypt)?;
    let mut buf = rest.to_vec();
    let plain = key
        .open_in_place(nonce, Aad::from(context.as_bytes()), &mut buf)
        .map_err(|_| KeyError::Decrypt)?;
    let n = plain.len();
    buf.truncate(n);
    Ok(buf)
}

/// Equal, in time that depends only on the lengths: for secrets a client
/// guesses at (codes' MACs, CSRF tokens).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A fresh message key, as a sealing key.
pub fn message_key() -> Result<([u8; 32], LessSafeKey), KeyError> {
    let raw: [u8; 32] = random()?;
    let key = UnboundKey::new(&AES_256_GCM, &raw).map_err(|_| KeyError::Random)?;
    Ok((raw, LessSafeKey::new(key)))
}

pub fn key_from(raw: &[u8; 32]) -> Result<LessSafeKey, KeyError> {
    let key = UnboundKey::new(&AES_256_GCM, raw).map_err(|_| KeyError::Decrypt)?;
    Ok(LessSafeKey::new(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sg-keys-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn generated_file_is_0600_and_rotation_keeps_old_keys() {
        let d = dir("rot");
        let path = d.join("master.key");
        let (ring1, created) = KeyRing::open_or_create(&path).expect("create");
        assert!(created);
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let w = ring1.wrap(&[7u8; 32], "m1").expect("wrap");
        append_key(&path).expect("rotate");
        let (ring2, created) = KeyRing::open_or_create(&path).expect("reopen");
        assert!(!created);
        assert_ne!(ring2.current_id(), w.key_id, "a new key is current");
        assert_eq!(ring2.unwrap(&w, "m1").expect("old key unwraps"), [7u8; 32]);
        assert!(
            matches!(ring2.unwrap(&w, "m2"), Err(KeyError::Decrypt)),
            "context is bound"
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn readable_key_file_is_refused() {
        let d = dir("mode");
        let path = d.join("master.key");
        KeyRing::open_or_create(&path).expect("create");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        assert!(matches!(KeyRing::open(&path), Err(KeyError::Mode { .. })));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn tampered_ciphertext_does_not_open() {
        let (_, k) = message_key().expect("key");
        let mut s = seal_with(&k, b"hello", "x").expect("seal");
        assert_eq!(open_with(&k, &s, "x").expect("open"), b"hello");
        let last = s.len() - 1;
        s[last] ^= 1;
        assert!(open_with(&k, &s, "x").is_err());
    }
}
