//! Server-side TLS: the listener's certificate (a development one is made on
//! first start), TLS 1.2+ only, and optional client certificates that chain
//! to `tls.client_ca`.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Arc;

use rustls::server::WebPkiClientVerifier;
use rustls::sign::{CertifiedKey, SingleCertAndKey};
use rustls::{RootCertStore, ServerConfig};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::config::Config;
use crate::proto::tls::{TlsError, VERSIONS, load_certs, provider};

/// Whether the listener's certificate and key are both there (`true`) or
/// both missing (`false`: a development pair may be generated); half a pair
/// is an error naming the missing file, for `run` and `check` alike.
pub fn existing_pair(cert: &Path, key: &Path) -> Result<bool, TlsError> {
    match (cert.exists(), key.exists()) {
        (true, true) => Ok(true),
        (false, false) => Ok(false),
        (c, _) => {
            let (path, missing) = if c {
                (key, "key")
            } else {
                (cert, "certificate")
            };
            Err(TlsError::File {
                path: path.to_path_buf(),
                message: format!(
                    "the {missing} is missing but its pair exists; restore it or remove both to generate a development pair"
                ),
            })
        }
    }
}

/// Writes a self-signed certificate for `hostname` when neither file exists,
/// so a fresh checkout runs; refuses to touch a half-present pair.
pub fn ensure_dev_certificate(cert: &Path, key: &Path, hostname: &str) -> Result<bool, TlsError> {
    if existing_pair(cert, key)? {
        return Ok(false);
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

pub fn load_key(path: &Path) -> Result<PrivateKeyDer<'static>, TlsError> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| TlsError::File {
        path: path.to_path_buf(),
        message: format!("cannot read a private key: {e}"),
    })
}

/// The listener's TLS configuration, and the certificate it serves (for
/// the expiry watch).
pub struct ServerTls {
    pub config: Arc<ServerConfig>,
    pub leaf: CertificateDer<'static>,
}

/// The listener's TLS configuration from `[tls]`.
pub fn server_config(cfg: &Config) -> Result<ServerTls, TlsError> {
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
    let pair = load_pair(&cfg.path(&cfg.tls.cert), &cfg.path(&cfg.tls.key))?;
    let leaf = pair.end_entity_cert()?.clone().into_owned();
    let mut sc = builder.with_cert_resolver(Arc::new(SingleCertAndKey::from(pair)));
    sc.alpn_protocols.clear();
    Ok(ServerTls {
        config: Arc::new(sc),
        leaf,
    })
}

/// A certificate chain and its private key, read and checked to belong
/// together; each error names the file to fix. A renewal caught half
/// written (new certificate, old key) is refused here, not served.
pub fn load_pair(cert: &Path, key: &Path) -> Result<CertifiedKey, TlsError> {
    let certs = load_certs(cert)?;
    let key_der = load_key(key)?;
    CertifiedKey::from_der(certs, key_der, &provider()).map_err(|e| match e {
        rustls::Error::InconsistentKeys(_) => TlsError::File {
            path: key.to_path_buf(),
            message: format!(
                "this private key does not belong to the certificate in {}",
                cert.display()
            ),
        },
        rustls::Error::General(_) => TlsError::File {
            path: key.to_path_buf(),
            message: "not a private key rustls can use (PKCS#8, RSA or EC)".into(),
        },
        other => TlsError::File {
            path: cert.to_path_buf(),
            message: crate::proto::tls::rustls_error_text(&other),
        },
    })
}

/// The portal's HTTPS config: TLS 1.2+, HTTP/1.1, and the certificate
/// `cert` gives at the moment of each handshake (the gateway passes one a
/// SIGHUP can replace).
pub fn https_config(
    cert: Arc<dyn rustls::server::ResolvesServerCert>,
) -> Result<Arc<ServerConfig>, TlsError> {
    let mut sc = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(VERSIONS)?
        .with_no_client_auth()
        .with_cert_resolver(cert);
    sc.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(sc))
}

/// TLS facts of a session, for the Received header, relay decisions and logs.
pub struct TlsFacts {
    /// "TLSv1.3 TLS_AES_256_GCM_SHA384" (see `proto::tls::Negotiated`).
    pub summary: String,
    pub sni: Option<String>,
    pub cert_names: Vec<String>,
}

pub fn tls_facts(c: &rustls::ServerConnection) -> TlsFacts {
    let cert_names = c
        .peer_certificates()
        .and_then(|chain| chain.first())
        .map(client_cert_names)
        .unwrap_or_default();
    TlsFacts {
        summary: crate::proto::tls::Negotiated::of(c).to_string(),
        sni: c.server_name().map(str::to_string),
        cert_names,
    }
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
