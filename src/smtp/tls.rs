//! Server-side TLS: the listener's certificate (a development one is made on
//! first start), TLS 1.2+ only, and optional client certificates that chain
//! to `tls.client_ca`.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("TLS setup: {0}")]
    Rustls(#[from] rustls::Error),
    #[error("generating the development certificate: {0}")]
    Generate(String),
}

/// The one crypto provider sealgate uses, named explicitly so that a second
/// provider enabled by some dependency can never make rustls guess.
pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

pub const VERSIONS: &[&rustls::SupportedProtocolVersion] =
    &[&rustls::version::TLS13, &rustls::version::TLS12];

/// Writes a self-signed certificate for `hostname` when neither file exists,
/// so a fresh checkout runs; refuses to touch a half-present pair.
pub fn ensure_dev_certificate(cert: &Path, key: &Path, hostname: &str) -> Result<bool, TlsError> {
    match (cert.exists(), key.exists()) {
        (true, true) => return Ok(false),
        (false, false) => {}
        (c, _) => {
            let (path, missing) = if c {
                (key, "key")
            } else {
                (cert, "certificate")
            };
            return Err(TlsError::File {
                path: path.to_path_buf(),
                message: format!(
                    "the {missing} is missing but its pair exists; restore it or remove both to generate a development pair"
                ),
            });
        }
    }
    let names = vec![
        hostname.to_string(),
        "localhost".to_string(),
        "127.0.0.1".to_string(),
    ];
    let ck =
        rcgen::generate_simple_self_signed(names).map_err(|e| TlsError::Generate(e.to_string()))?;
    for (path, body, mode) in [
        (cert, ck.cert.pem(), 0o644),
        (key, ck.signing_key.serialize_pem(), 0o600),
    ] {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| TlsError::File {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })?;
        }
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(path)
            .map_err(|e| TlsError::File {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        f.write_all(body.as_bytes()).map_err(|e| TlsError::File {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    }
    Ok(true)
}

pub fn load_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let err = |message: String| TlsError::File {
        path: path.to_path_buf(),
        message,
    };
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| err(format!("cannot read certificates: {e}")))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(format!("bad PEM: {e}")))?;
    if certs.is_empty() {
        return Err(err("no CERTIFICATE block found".into()));
    }
    Ok(certs)
}

fn load_key(path: &Path) -> Result<PrivateKeyDer<'static>, TlsError> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| TlsError::File {
        path: path.to_path_buf(),
        message: format!("cannot read a private key: {e}"),
    })
}

/// The listener's TLS configuration from `[tls]`.
pub fn server_config(cfg: &Config) -> Result<Arc<ServerConfig>, TlsError> {
    let certs = load_certs(&cfg.path(&cfg.tls.cert))?;
    let key = load_key(&cfg.path(&cfg.tls.key))?;
    let builder =
        ServerConfig::builder_with_provider(provider()).with_protocol_versions(VERSIONS)?;
    let builder = match &cfg.tls.client_ca {
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            for c in load_certs(&cfg.path(ca))? {
                roots.add(c)?;
            }
            // Clients without a certificate are still welcome: they may be
            // authorized by network or AUTH instead.
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider())
                .allow_unauthenticated()
                .build()
                .map_err(|e| TlsError::Generate(e.to_string()))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut sc = builder.with_single_cert(certs, key)?;
    sc.alpn_protocols.clear();
    Ok(Arc::new(sc))
}

/// DNS names (SAN dNSName) of a verified client certificate. RFC 6125
/// retired the subject CN as a source of names; certificates that name
/// themselves only in the CN (none issued by public CAs since 2017) match nothing.
pub fn client_cert_names(end_entity: &CertificateDer<'_>) -> Vec<String> {
    let Ok(cert) = webpki::EndEntityCert::try_from(end_entity) else {
        return Vec::new();
    };
    cert.valid_dns_names()
        .map(|n| n.to_ascii_lowercase())
        .collect()
}

/// `*.example.org` matches one label; a literal pattern matches itself
/// (also when the certificate's own SAN is a wildcard).
pub fn name_matches(pattern: &str, name: &str) -> bool {
    let pattern = pattern.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    if pattern == name {
        return true;
    }
    match pattern.strip_prefix("*.") {
        Some(suffix) => name
            .split_once('.')
            .is_some_and(|(first, rest)| !first.is_empty() && first != "*" && rest == suffix),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_matching() {
        assert!(name_matches(
            "*.mail.protection.outlook.com",
            "abc.mail.protection.outlook.com"
        ));
        assert!(name_matches(
            "*.mail.protection.outlook.com",
            "*.mail.protection.outlook.com"
        ));
        assert!(!name_matches(
            "*.mail.protection.outlook.com",
            "a.b.mail.protection.outlook.com"
        ));
        assert!(!name_matches(
            "*.mail.protection.outlook.com",
            "mail.protection.outlook.com"
        ));
        assert!(!name_matches("*.example.org", "evil-example.org"));
        assert!(name_matches("Relay.Example.org", "relay.example.org"));
    }
}
