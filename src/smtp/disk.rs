//! Free space on the spool's file system, so a flood is refused with
//! `452 4.3.1` before the disk fills and the tenant's mail can no longer be
//! committed (or the audit log written).

use std::ffi::CString;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Bytes an unprivileged process may still write under `path`.
pub fn free_bytes(path: &Path) -> io::Result<u64> {
    let c = CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in spool path"))?;
    let mut st = std::mem::MaybeUninit::<libc::statvfs>::zeroed();
    // SAFETY: `c` is a valid NUL-terminated string and `st` points to
    // writable memory of the right type for the call to fill.
    let rc = unsafe { libc::statvfs(c.as_ptr(), st.as_mut_ptr()) };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: statvfs returned 0, so it filled `st`.
    let st = unsafe { st.assume_init() };
    // Both are narrower than u64 on 32-bit targets.
    #[allow(clippy::unnecessary_cast)]
    let (blocks, size) = (st.f_bavail as u64, st.f_frsize as u64);
    Ok(blocks.saturating_mul(size))
}

/// Whether `needed` more bytes fit while `reserve` stay free. A failing
/// statvfs answers "no": the gateway cannot tell, so it defers.
pub fn has_room(path: &Path, needed: u64, reserve: u64) -> bool {
    free_bytes(path).is_ok_and(|free| free >= reserve.saturating_add(needed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_free_space_of_a_real_directory() {
        let free = free_bytes(Path::new("/")).unwrap();
        assert!(free > 0);
        assert!(has_room(Path::new("/"), 0, 0));
        assert!(!has_room(Path::new("/"), u64::MAX, 1));
        assert!(free_bytes(Path::new("/no/such/dir")).is_err());
        assert!(!has_room(Path::new("/no/such/dir"), 0, 0));
    }
}
