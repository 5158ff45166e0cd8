//! Sealed message files: `<data_dir>/portal/sealed/<portal id>.sg`, each the
//! message encrypted under its own key (nonce ‖ ciphertext ‖ tag, the id
//! bound as AAD). Written to a temporary name, fsynced, renamed, and the
//! folder fsynced, so a record never points at half a file. Plaintext is
//! only ever in memory.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::keys::{self, KeyError, KeyRing, Wrapped};

#[derive(Debug, thiserror::Error)]
pub enum SealedError {
    #[error("sealed portal file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Key(#[from] KeyError),
}

pub struct Sealed {
    dir: PathBuf,
}

impl Sealed {
    pub fn open(data_dir: &Path) -> Result<Sealed, SealedError> {
        let dir = data_dir.join("portal").join("sealed");
        std::fs::create_dir_all(&dir).map_err(|source| SealedError::Io {
            path: dir.clone(),
            source,
        })?;
        Ok(Sealed { dir })
    }

    pub fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.sg"))
    }

    /// Encrypts `message` under a new key and writes it durably; returns
    /// the key wrapped by the current master key.
    pub fn write(&self, ring: &KeyRing, id: &str, message: &[u8]) -> Result<Wrapped, SealedError> {
        let (raw, key) = keys::message_key()?;
        let sealed = keys::seal_with(&key, message, id)?;
        let wrapped = ring.wrap(&raw, id)?;
        let path = self.path(id);
        let tmp = self.dir.join(format!(".{id}.tmp"));
        let io = |source| SealedError::Io {
            path: path.clone(),
            source,
        };
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(io)?;
        f.write_all(&sealed).map_err(io)?;
        f.sync_all().map_err(io)?;
        drop(f);
        std::fs::rename(&tmp, &path).map_err(io)?;
        crate::spool::sync_dir(&self.dir).map_err(|e| SealedError::Io {
            path: self.dir.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(wrapped)
    }

    pub fn read(
        &self,
        ring: &KeyRing,
        id: &str,
        wrapped: &Wrapped,
    ) -> Result<Vec<u8>, SealedError> {
        let path = self.path(id);
        let sealed = std::fs::read(&path).map_err(|source| SealedError::Io { path, source })?;
        let raw = ring.unwrap(wrapped, id)?;
        Ok(keys::open_with(&keys::key_from(&raw)?, &sealed, id)?)
    }

    /// Deletes the file; a missing file is already purged.
    pub fn remove(&self, id: &str) -> Result<(), SealedError> {
        let path = self.path(id);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SealedError::Io { path, source }),
        }
    }
}
