//! A certificate that a SIGHUP can replace under a running listener: the
//! listener's rustls config asks it for the pair at each handshake, so a
//! new connection gets the renewed certificate while an open one keeps the
//! session it already negotiated. Used for the portal, whose listener is
//! built once at start (the SMTP listener's whole config is rebuilt on
//! reload instead, with the rest of `[tls]`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;

use crate::proto::tls::TlsError;

#[derive(Debug)]
pub struct LiveCert {
    cert: PathBuf,
    key: PathBuf,
    current: RwLock<Arc<CertifiedKey>>,
}

impl LiveCert {
    /// Loads the pair; an error names the file at fault.
    pub fn load(cert: &Path, key: &Path) -> Result<LiveCert, TlsError> {
        let pair = crate::smtp::tls::load_pair(cert, key)?;
        Ok(LiveCert {
            cert: cert.to_path_buf(),
            key: key.to_path_buf(),
            current: RwLock::new(Arc::new(pair)),
        })
    }

    /// Reads the files again. On error the pair in use stays in use: a
    /// renewal that went wrong must not take the listener down.
    pub fn reload(&self) -> Result<(), TlsError> {
        let pair = crate::smtp::tls::load_pair(&self.cert, &self.key)?;
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(pair);
        Ok(())
    }

    /// The pair new handshakes get.
    pub fn current(&self) -> Arc<CertifiedKey> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn cert_path(&self) -> &Path {
        &self.cert
    }
}

impl ResolvesServerCert for LiveCert {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.current())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_pair(dir: &Path, name: &str) -> (PathBuf, PathBuf, Vec<u8>) {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec![name.to_string()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let (c, k) = (dir.join("p.crt"), dir.join("p.key"));
        std::fs::write(&c, cert.pem()).unwrap();
        std::fs::write(&k, key.serialize_pem()).unwrap();
        (c, k, cert.der().to_vec())
    }

    #[test]
    fn a_reload_that_fails_keeps_the_pair_in_use() {
        let dir = std::env::temp_dir().join(format!("sealgate-live-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (c, k, first) = write_pair(&dir, "one.test");
        let live = LiveCert::load(&c, &k).unwrap();
        assert_eq!(live.current().cert[0].as_ref(), first.as_slice());

        // A new certificate with the old key: refused, naming the key file.
        let (_, _, _) = {
            let saved_key = std::fs::read(&k).unwrap();
            let r = write_pair(&dir, "two.test");
            std::fs::write(&k, &saved_key).unwrap();
            r
        };
        let err = live.reload().unwrap_err().to_string();
        assert!(err.starts_with(&k.display().to_string()), "{err}");
        assert!(err.contains("does not belong"), "{err}");
        assert_eq!(live.current().cert[0].as_ref(), first.as_slice());

        let (_, _, third) = write_pair(&dir, "three.test");
        live.reload().unwrap();
        assert_eq!(live.current().cert[0].as_ref(), third.as_slice());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
