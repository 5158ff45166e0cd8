//! TLS pieces both directions share: the one crypto provider, the protocol
//! versions we speak, certificate files, certificate name matching, and the
//! names logs, audit records and Received headers use for what was
//! negotiated and for why a handshake failed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

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

/// The protocol version and cipher suite a connection agreed on, by the
/// names operators know from other MTAs and RFCs ("TLSv1.3",
/// "TLS_AES_256_GCM_SHA384"), never rustls' Rust identifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negotiated {
    pub version: String,
    pub cipher: String,
}

impl Negotiated {
    /// Works for both directions: server and client connections deref to `CommonState`.
    pub fn of(c: &rustls::CommonState) -> Negotiated {
        Negotiated {
            version: c.protocol_version().map(version_name).unwrap_or_default(),
            cipher: c
                .negotiated_cipher_suite()
                .map(|s| suite_name(s.suite()))
                .unwrap_or_default(),
        }
    }
}

impl std::fmt::Display for Negotiated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.version, self.cipher)
    }
}

/// "TLSv1.3", as OpenSSL and Postfix write it.
pub fn version_name(v: rustls::ProtocolVersion) -> String {
    use rustls::ProtocolVersion as V;
    match v {
        V::TLSv1_3 => "TLSv1.3".into(),
        V::TLSv1_2 => "TLSv1.2".into(),
        V::TLSv1_1 => "TLSv1.1".into(),
        V::TLSv1_0 => "TLSv1.0".into(),
        V::SSLv3 => "SSLv3".into(),
        other => format!("0x{:04x}", u16::from(other)),
    }
}

/// The IANA name of a cipher suite ("TLS_AES_256_GCM_SHA384"). rustls
/// prefixes its TLS 1.3 suites with "TLS13_"; the registry does not.
pub fn suite_name(s: rustls::CipherSuite) -> String {
    match s.as_str() {
        Some(name) => match name.strip_prefix("TLS13_") {
            Some(rest) => format!("TLS_{rest}"),
            None => name.to_string(),
        },
        None => format!("0x{:04x}", u16::from(s)),
    }
}

/// Why a handshake failed, in words: rustls formats many of its errors with
/// Rust's `Debug` ("CaUsedAsEndEntity"), which an operator cannot act on.
pub fn error_text(e: &std::io::Error) -> String {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        Some(tls) => rustls_error_text(tls),
        None => e.to_string(),
    }
}

pub fn rustls_error_text(e: &rustls::Error) -> String {
    use rustls::Error as E;
    match e {
        E::InvalidCertificate(c) => certificate_error_text(c),
        E::NoCertificatesPresented => "the peer presented no certificate".into(),
        E::AlertReceived(a) => format!("the peer sent the alert \"{}\"", words(&format!("{a:?}"))),
        E::PeerIncompatible(why) => {
            format!("the peer is incompatible: {}", words(&format!("{why:?}")))
        }
        E::PeerMisbehaved(why) => {
            format!("the peer misbehaved: {}", words(&format!("{why:?}")))
        }
        E::InvalidMessage(m) => format!(
            "the peer sent a malformed message: {}",
            words(&format!("{m:?}"))
        ),
        E::InappropriateMessage { .. } | E::InappropriateHandshakeMessage { .. } => {
            "the peer sent an unexpected handshake message".into()
        }
        E::General(s) => s.clone(),
        E::Other(o) => match o.0.downcast_ref::<webpki::Error>() {
            Some(w) => webpki_error_text(w),
            None => o.0.to_string(),
        },
        other => words(&format!("{other:?}")),
    }
}

/// Certificate problems as an operator would describe them.
pub fn certificate_error_text(e: &rustls::CertificateError) -> String {
    use rustls::CertificateError as C;
    match e {
        C::BadEncoding => "the certificate is malformed".into(),
        C::Expired | C::ExpiredContext { .. } => "the certificate has expired".into(),
        C::NotValidYet | C::NotValidYetContext { .. } => "the certificate is not valid yet".into(),
        C::Revoked => "the certificate is revoked".into(),
        C::UnhandledCriticalExtension => {
            "the certificate has an unsupported critical extension".into()
        }
        C::UnknownIssuer => "unknown issuer: the certificate does not chain to a trusted CA".into(),
        C::UnknownRevocationStatus => "the certificate's revocation status is unknown".into(),
        C::ExpiredRevocationList | C::ExpiredRevocationListContext { .. } => {
            "the revocation list has expired".into()
        }
        C::BadSignature => "the certificate's signature is invalid".into(),
        C::NotValidForName => "name mismatch: the certificate is not valid for this host".into(),
        C::NotValidForNameContext {
            expected,
            presented,
        } => format!(
            "name mismatch: the certificate is not valid for {}; it names {}",
            expected.to_str(),
            if presented.is_empty() {
                "no host".to_string()
            } else {
                presented.join(", ")
            }
        ),
        C::InvalidPurpose | C::InvalidPurposeContext { .. } => {
            "the certificate is not meant for TLS servers (extended key usage)".into()
        }
        C::Other(o) => match o.0.downcast_ref::<webpki::Error>() {
            Some(w) => webpki_error_text(w),
            None => o.0.to_string(),
        },
        other => format!("certificate rejected: {}", words(&format!("{other:?}"))),
    }
}

/// webpki's errors reach us wrapped in rustls' `Other`; its `Display` is its `Debug`.
pub fn webpki_error_text(e: &webpki::Error) -> String {
    use webpki::Error as W;
    match e {
        W::CertExpired { .. } => "a certificate in the chain has expired".into(),
        W::CertNotValidYet { .. } => "a certificate in the chain is not valid yet".into(),
        W::RequiredEkuNotFoundContext(_) => {
            "the certificate is not meant for TLS servers (extended key usage)".into()
        }
        W::CaUsedAsEndEntity => "the certificate is a CA certificate, not a server's".into(),
        W::EndEntityUsedAsCa => "a server certificate was used as a CA".into(),
        W::CertDistrusted => "the certificate is distrusted".into(),
        W::UnknownIssuer => "unknown issuer: the certificate does not chain to a trusted CA".into(),
        W::NameConstraintViolation => "the certificate violates its CA's name constraints".into(),
        W::PathLenConstraintViolated => "the certificate chain is longer than its CA allows".into(),
        W::UnsupportedCertVersion => "the certificate's version is not supported".into(),
        other => format!("certificate rejected: {}", words(&format!("{other:?}"))),
    }
}

/// "CaUsedAsEndEntity(x)" → "ca used as end entity": a last resort for
/// error kinds without a sentence of their own.
fn words(debug: &str) -> String {
    let name = debug
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .next()
        .unwrap_or(debug);
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' {
            out.push(' ');
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
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
    fn standard_names_for_versions_and_suites() {
        use rustls::{CipherSuite, ProtocolVersion};
        assert_eq!(version_name(ProtocolVersion::TLSv1_3), "TLSv1.3");
        assert_eq!(version_name(ProtocolVersion::TLSv1_2), "TLSv1.2");
        assert_eq!(
            suite_name(CipherSuite::TLS13_AES_256_GCM_SHA384),
            "TLS_AES_256_GCM_SHA384"
        );
        assert_eq!(
            suite_name(CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
        );
        assert_eq!(suite_name(CipherSuite::from(0x0a0a)), "0x0a0a");
    }

    #[test]
    fn certificate_errors_in_words() {
        let ca = rustls::Error::InvalidCertificate(rustls::CertificateError::Other(
            rustls::OtherError(Arc::new(webpki::Error::CaUsedAsEndEntity)),
        ));
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, ca);
        let text = error_text(&io);
        assert_eq!(text, "the certificate is a CA certificate, not a server's");
        let unknown = rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer);
        assert!(rustls_error_text(&unknown).starts_with("unknown issuer"));
        let alert = rustls::Error::AlertReceived(rustls::AlertDescription::HandshakeFailure);
        assert_eq!(
            rustls_error_text(&alert),
            "the peer sent the alert \"handshake failure\""
        );
        assert_eq!(words("CaUsedAsEndEntity"), "ca used as end entity");
    }

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
