//! DKIM private keys: read once at start from PEM files that only the
//! gateway's user may read, and held in memory by the signer alone. Errors
//! name the file and what to do; they never quote the key.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use ring::signature::{Ed25519KeyPair, KeyPair, RsaKeyPair};
use rustls_pki_types::PrivateKeyDer;
use rustls_pki_types::pem::PemObject;

use crate::config::DkimAlgorithm;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{}: cannot read the key: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: the key is readable by group or others (mode {mode:o}); run `chmod 600 {}`",
        path.display(),
        path.display()
    )]
    Readable { path: PathBuf, mode: u32 },
    #[error(
        "{}: not a PEM private key (expected `-----BEGIN PRIVATE KEY-----`, as `sealgate dkim keygen` or `openssl genpkey` write)",
        path.display()
    )]
    NotPem { path: PathBuf },
    #[error(
        "{}: neither an Ed25519 key nor an RSA key of 2048 to 8192 bits: {why}",
        path.display()
    )]
    Unusable { path: PathBuf, why: String },
    #[error("{}: the key is {found}, but `algorithm` says {said}", path.display())]
    Mismatch {
        path: PathBuf,
        found: &'static str,
        said: &'static str,
    },
}

/// A loaded private key. Debug prints the algorithm only.
pub enum PrivateKey {
    Ed25519(Ed25519KeyPair),
    Rsa(RsaKeyPair),
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateKey({})", self.algorithm_name())
    }
}

impl PrivateKey {
    /// The `a=` tag of signatures made with this key.
    pub fn algorithm_tag(&self) -> &'static str {
        match self {
            PrivateKey::Ed25519(_) => "ed25519-sha256",
            PrivateKey::Rsa(_) => "rsa-sha256",
        }
    }

    /// The `k=` tag of the DNS record.
    pub fn algorithm_name(&self) -> &'static str {
        match self {
            PrivateKey::Ed25519(_) => "ed25519",
            PrivateKey::Rsa(_) => "rsa",
        }
    }

    /// The `p=` tag of the DNS record: the raw 32-byte key for Ed25519
    /// (RFC 8463 §4.2), a SubjectPublicKeyInfo for RSA (RFC 6376 §3.6.1).
    pub fn public_key_base64(&self) -> String {
        match self {
            PrivateKey::Ed25519(k) => Base64::encode_string(k.public_key().as_ref()),
            PrivateKey::Rsa(k) => Base64::encode_string(&rsa_spki(k.public_key().as_ref())),
        }
    }

    /// Parses PKCS#8 DER (either algorithm) or PKCS#1 DER (RSA).
    fn from_der(der: &PrivateKeyDer<'_>, path: &Path) -> Result<PrivateKey, KeyError> {
        let unusable = |why: String| KeyError::Unusable {
            path: path.to_path_buf(),
            why,
        };
        match der {
            PrivateKeyDer::Pkcs8(p) => {
                let bytes = p.secret_pkcs8_der();
                // OpenSSL writes PKCS#8 v1 Ed25519 keys, which only the
                // "maybe unchecked" constructor accepts.
                if let Ok(k) = Ed25519KeyPair::from_pkcs8_maybe_unchecked(bytes) {
                    return Ok(PrivateKey::Ed25519(k));
                }
                RsaKeyPair::from_pkcs8(bytes)
                    .map(PrivateKey::Rsa)
                    .map_err(|e| unusable(e.to_string()))
            }
            PrivateKeyDer::Pkcs1(p) => RsaKeyPair::from_der(p.secret_pkcs1_der())
                .map(PrivateKey::Rsa)
                .map_err(|e| unusable(e.to_string())),
            _ => Err(unusable("an EC key; DKIM signs with Ed25519 or RSA".into())),
        }
    }
}

/// Reads a key file: private to its owner, one PEM private key, of the
/// algorithm `expected` names when it names one.
pub fn load(path: &Path, expected: Option<DkimAlgorithm>) -> Result<PrivateKey, KeyError> {
    let read = |source| KeyError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read)?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeyError::Readable {
            path: path.to_path_buf(),
            mode,
        });
    }
    let pem = std::fs::read(path).map_err(read)?;
    let der = PrivateKeyDer::from_pem_slice(&pem).map_err(|_| KeyError::NotPem {
        path: path.to_path_buf(),
    })?;
    let key = PrivateKey::from_der(&der, path)?;
    let said = match expected {
        Some(DkimAlgorithm::Ed25519) => "ed25519",
        Some(DkimAlgorithm::Rsa) => "rsa",
        None => return Ok(key),
    };
    if key.algorithm_name() != said {
        return Err(KeyError::Mismatch {
            path: path.to_path_buf(),
            found: key.algorithm_name(),
            said,
        });
    }
    Ok(key)
}

/// Wraps an RSAPublicKey (PKCS#1, what ring gives) in a SubjectPublicKeyInfo
/// with the rsaEncryption algorithm, which is what DKIM verifiers expect.
fn rsa_spki(pkcs1: &[u8]) -> Vec<u8> {
    // SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }
    const ALG: &[u8] = &[
        0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
    ];
    let mut bits = vec![0u8];
    bits.extend_from_slice(pkcs1);
    let mut inner = ALG.to_vec();
    inner.extend(der_tlv(0x03, &bits));
    der_tlv(0x30, &inner)
}

fn der_tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths() {
        assert_eq!(der_tlv(0x04, &[1, 2]), vec![0x04, 2, 1, 2]);
        let long = der_tlv(0x04, &[0u8; 300]);
        assert_eq!(&long[..4], &[0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(long.len(), 304);
    }

    #[test]
    fn group_readable_keys_are_refused_with_the_fix() {
        let dir = std::env::temp_dir().join(format!("sealgate-dkim-keys-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("k.key");
        std::fs::write(&path, b"not a key").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let e = load(&path, None).unwrap_err().to_string();
        assert!(e.contains("chmod 600"), "{e}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let e = load(&path, None).unwrap_err().to_string();
        assert!(e.contains("not a PEM private key"), "{e}");
        assert!(!e.contains("not a key"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
