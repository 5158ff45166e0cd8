//! The audit signing key (Ed25519) and the public keys a verifier trusts.
//!
//! The private key is a PEM file (mode 0600, refused when group or others
//! can read it) kept outside the audit folder: an auditor is handed the
//! folder and the public key, never the means to re-sign a doctored log.
//! The public key travels as one line, `ed25519:<base64>`, which
//! `sealgate audit pubkey` prints and `audit verify --pubkey` reads.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use ring::rand::SystemRandom;
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use rustls_pki_types::PrivatePkcs8KeyDer;
use rustls_pki_types::pem::PemObject;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: the audit key is readable by group or others (mode {mode:o}); run `chmod 600 {}`",
        path.display(),
        path.display()
    )]
    Readable { path: PathBuf, mode: u32 },
    #[error(
        "{}: not an Ed25519 private key in PKCS#8 PEM (as sealgate writes on first start)",
        path.display()
    )]
    NotKey { path: PathBuf },
    #[error("{}: line {line}: {why}", path.display())]
    PublicKey {
        path: PathBuf,
        line: usize,
        why: &'static str,
    },
    #[error("generating the audit key failed")]
    Generate,
}

/// The key that signs checkpoints. Debug shows the key id only.
pub struct SigningKey {
    pair: Ed25519KeyPair,
    public: PublicKey,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.public.id())
    }
}

impl SigningKey {
    /// Reads the key file, or creates it (0600, in a 0700 folder) when it
    /// does not exist yet. Returns whether it was created.
    pub fn open_or_create(path: &Path) -> Result<(SigningKey, bool), KeyError> {
        match std::fs::symlink_metadata(path) {
            Ok(_) => Ok((SigningKey::open(path)?, false)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                SigningKey::create(path)?;
                Ok((SigningKey::open(path)?, true))
            }
            Err(source) => Err(KeyError::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Writes a new key to `path`, which must not exist.
    pub fn create(path: &Path) -> Result<(), KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io)?;
        }
        let der =
            Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).map_err(|_| KeyError::Generate)?;
        let pem = crate::proto::pem::encode("PRIVATE KEY", der.as_ref());
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
        f.write_all(pem.as_bytes())
            .and_then(|()| f.sync_all())
            .map_err(io)
    }

    pub fn open(path: &Path) -> Result<SigningKey, KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mode = std::fs::metadata(path).map_err(io)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyError::Readable {
                path: path.to_path_buf(),
                mode,
            });
        }
        let pem = std::fs::read(path).map_err(io)?;
        let not_key = || KeyError::NotKey {
            path: path.to_path_buf(),
        };
        let der = PrivatePkcs8KeyDer::from_pem_slice(&pem).map_err(|_| not_key())?;
        // OpenSSL writes PKCS#8 v1 (no public key inside), which the
        // checked constructor refuses.
        let pair = Ed25519KeyPair::from_pkcs8_maybe_unchecked(der.secret_pkcs8_der())
            .map_err(|_| not_key())?;
        let public = PublicKey::from_bytes(pair.public_key().as_ref()).ok_or_else(not_key)?;
        Ok(SigningKey { pair, public })
    }

    pub fn public(&self) -> &PublicKey {
        &self.public
    }

    pub fn sign(&self, bytes: &[u8]) -> Vec<u8> {
        self.pair.sign(bytes).as_ref().to_vec()
    }
}

/// An Ed25519 public key a verifier may trust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey([u8; 32]);

impl PublicKey {
    pub fn from_bytes(b: &[u8]) -> Option<PublicKey> {
        b.try_into().ok().map(PublicKey)
    }

    /// `ed25519:<base64>`, the form `audit pubkey` prints and records carry.
    pub fn parse(s: &str) -> Option<PublicKey> {
        let b64 = s.trim().strip_prefix("ed25519:")?;
        PublicKey::from_bytes(&Base64::decode_vec(b64).ok()?)
    }

    pub fn text(&self) -> String {
        format!("ed25519:{}", Base64::encode_string(&self.0))
    }

    /// The first 16 hex digits of the key's SHA-256: short enough to put on
    /// every checkpoint, long enough not to collide among one site's keys.
    pub fn id(&self) -> String {
        super::record::hash(&self.0)[..16].to_string()
    }

    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        UnparsedPublicKey::new(&ED25519, &self.0)
            .verify(message, signature)
            .is_ok()
    }
}

/// Reads a public key file: `ed25519:<base64>` lines; blank lines and `#`
/// comments are skipped. Several lines list old and new keys.
pub fn read_public_keys(path: &Path) -> Result<Vec<PublicKey>, KeyError> {
    let text = std::fs::read_to_string(path).map_err(|source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        keys.push(PublicKey::parse(line).ok_or(KeyError::PublicKey {
            path: path.to_path_buf(),
            line: n + 1,
            why: "expected `ed25519:<base64 of 32 bytes>` as `sealgate audit pubkey` prints",
        })?);
    }
    if keys.is_empty() {
        return Err(KeyError::PublicKey {
            path: path.to_path_buf(),
            line: 1,
            why: "no public key in the file",
        });
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_created_private_and_signs_what_its_public_half_checks() {
        let dir = std::env::temp_dir().join(format!("sealgate-audit-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("keys/audit.key");
        let (key, created) = SigningKey::open_or_create(&path).unwrap();
        assert!(created);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let sig = key.sign(b"chain head");
        let public = PublicKey::parse(&key.public().text()).unwrap();
        assert!(public.verifies(b"chain head", &sig));
        assert!(!public.verifies(b"chain heaD", &sig));
        let (again, created) = SigningKey::open_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(again.public(), key.public());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert!(matches!(
            SigningKey::open(&path),
            Err(KeyError::Readable { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
