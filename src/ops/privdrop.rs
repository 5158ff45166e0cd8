//! Privilege drop: started as root, `sealgate run` binds its ports, then
//! becomes an unprivileged account for the rest of its life.
//!
//! A gateway parses hostile SMTP, MIME, PDFs and Office files all day; if
//! any of that parsing goes wrong, the damage is bounded by the account it
//! runs as. Root is needed only for ports below 1024, so only the binding
//! happens as root. Everything else — the data folder, keys, certificates,
//! the rules — is opened after the switch, because a SIGHUP reload reads
//! the same files again as the unprivileged account: a file that only
//! root can read would work at start and break the first reload.
//!
//! The switch uses `nix` (already built for the `zip` crate, so no new
//! dependency), whose safe wrappers cover `getpwnam_r`/`getgrouplist`
//! buffer handling that raw `libc` would need `unsafe` for. glibc applies
//! `setgroups`/`setgid`/`setuid` to every thread of the process, so the
//! switch is correct even with the async runtime's threads running; the
//! verification reads every thread's ids back from `/proc` to prove it.

use std::ffi::CString;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use nix::unistd::{AccessFlags, Gid, Uid, User};

#[derive(Debug, thiserror::Error)]
pub enum PrivError {
    #[error(
        "sealgate was started as root and `[server] user` is not set in {}: set it to the unprivileged account sealgate should run as (for example `user = \"sealgate\"`, made with `useradd --system --home-dir /var/lib/sealgate --shell /usr/sbin/nologin sealgate`); sealgate binds its ports as root and then switches to that account. Or start it as that account (systemd's User= with AmbientCapabilities=CAP_NET_BIND_SERVICE). To stay root anyway, on a throwaway machine or in a confined container, pass `run --allow-root`",
        config.display()
    )]
    RootWithoutUser { config: PathBuf },
    #[error(
        "[server] user = \"{name}\": no such account on this machine; create it (`useradd --system --home-dir /var/lib/sealgate --shell /usr/sbin/nologin {name}`) or name another"
    )]
    UnknownUser { name: String },
    #[error("[server] user = \"{name}\": cannot look the account up: {source}")]
    Lookup { name: String, source: nix::Error },
    #[error("[server] user = \"{name}\" has uid 0, which is root; name an unprivileged account")]
    UserIsRoot { name: String },
    #[error(
        "[server] user = \"{name}\" (uid {wanted}), but sealgate runs as uid {actual}, which is not root and cannot switch; start it as root or as {name}"
    )]
    CannotSwitch {
        name: String,
        wanted: u32,
        actual: u32,
    },
    #[error("could not switch to user {name}: {step} failed: {source}")]
    Switch {
        name: String,
        step: &'static str,
        source: nix::Error,
    },
    #[error("after switching to user {name}, {what}; refusing to run")]
    Verify { name: String, what: String },
    #[error("cannot prepare {} for user {name}: {source}", path.display())]
    Prepare {
        name: String,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} cannot be written by user {name}, which sealgate runs as after binding its ports; give the account its data: `chown -R {name}: {}`{}", path.display(), path.display(), more_note(*more))]
    NotWritable {
        name: String,
        path: PathBuf,
        /// How many more entries were found the same way.
        more: usize,
    },
    #[error("{} cannot be read by user {name}, which sealgate runs as after binding its ports (a reload reads it again): make it readable by that account, e.g. `chown {name}: {}`", path.display(), path.display())]
    NotReadable { name: String, path: PathBuf },
}

fn more_note(more: usize) -> String {
    match more {
        0 => String::new(),
        n => format!(" ({n} more entries inside are not writable either)"),
    }
}

/// The account to become, resolved once before the switch (after it, the
/// lookup might no longer be possible).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub uid: Uid,
    pub gid: Gid,
    /// Supplementary groups from the group database (includes `gid`); an
    /// account in no group gets only its own.
    pub groups: Vec<Gid>,
}

impl Account {
    pub fn lookup(name: &str) -> Result<Account, PrivError> {
        let unknown = || PrivError::UnknownUser {
            name: name.to_string(),
        };
        let user = User::from_name(name)
            .map_err(|source| PrivError::Lookup {
                name: name.to_string(),
                source,
            })?
            .ok_or_else(unknown)?;
        let cname = CString::new(name).map_err(|_| unknown())?;
        let mut groups =
            nix::unistd::getgrouplist(&cname, user.gid).map_err(|source| PrivError::Lookup {
                name: name.to_string(),
                source,
            })?;
        groups.sort_by_key(|g| g.as_raw());
        groups.dedup();
        Ok(Account {
            name: name.to_string(),
            uid: user.uid,
            gid: user.gid,
            groups,
        })
    }
}

/// What `run` does about its identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Not root: nothing to switch (systemd's `User=`, or a developer).
    Stay,
    /// Root without `[server] user`, allowed by `--allow-root`.
    StayRoot,
    /// Root: bind the ports, then become this account.
    Switch(Account),
}

/// Decides before anything is opened, so a refusal leaves nothing behind.
pub fn plan(user: Option<&str>, allow_root: bool, config: &Path) -> Result<Plan, PrivError> {
    let euid = nix::unistd::geteuid();
    let account = user.map(Account::lookup).transpose()?;
    if let Some(a) = &account
        && a.uid.is_root()
    {
        return Err(PrivError::UserIsRoot {
            name: a.name.clone(),
        });
    }
    match (euid.is_root(), account) {
        (true, Some(a)) => Ok(Plan::Switch(a)),
        (true, None) if allow_root => Ok(Plan::StayRoot),
        (true, None) => Err(PrivError::RootWithoutUser {
            config: config.to_path_buf(),
        }),
        (false, Some(a)) if a.uid != euid => Err(PrivError::CannotSwitch {
            name: a.name,
            wanted: a.uid.as_raw(),
            actual: euid.as_raw(),
        }),
        (false, _) => Ok(Plan::Stay),
    }
}

/// Becomes `a` for good: supplementary groups, then the group, then the
/// user (the user last, since after it nothing else may be changed), then
/// proves there is no way back.
pub fn switch(a: &Account) -> Result<(), PrivError> {
    let step = |step: &'static str| {
        move |source| PrivError::Switch {
            name: a.name.clone(),
            step,
            source,
        }
    };
    nix::unistd::setgroups(&a.groups).map_err(step("setgroups"))?;
    nix::unistd::setresgid(a.gid, a.gid, a.gid).map_err(step("setresgid"))?;
    nix::unistd::setresuid(a.uid, a.uid, a.uid).map_err(step("setresuid"))?;
    verify(a)
}

/// Each check reads the kernel's view back rather than trusting the calls
/// above: real, effective, saved and filesystem ids of every thread, the
/// groups, no capability left, and setuid(0)/setgid(0) refused.
fn verify(a: &Account) -> Result<(), PrivError> {
    let fail = |what: String| PrivError::Verify {
        name: a.name.clone(),
        what,
    };
    let uid = nix::unistd::getresuid().map_err(|e| fail(format!("getresuid failed: {e}")))?;
    let gid = nix::unistd::getresgid().map_err(|e| fail(format!("getresgid failed: {e}")))?;
    if [uid.real, uid.effective, uid.saved] != [a.uid; 3]
        || [gid.real, gid.effective, gid.saved] != [a.gid; 3]
    {
        return Err(fail(format!("the ids are uid {uid:?} gid {gid:?}")));
    }
    let mut groups = nix::unistd::getgroups().map_err(|e| fail(format!("getgroups: {e}")))?;
    groups.sort_by_key(|g| g.as_raw());
    groups.dedup();
    if groups != a.groups {
        return Err(fail(format!(
            "the supplementary groups are {groups:?}, not {:?}",
            a.groups
        )));
    }
    let tasks = std::fs::read_dir("/proc/self/task").map_err(|e| {
        fail(format!(
            "cannot read /proc/self/task to check every thread: {e}"
        ))
    })?;
    for task in tasks.flatten() {
        let status = match std::fs::read_to_string(task.path().join("status")) {
            Ok(s) => s,
            // A thread that ended meanwhile has nothing left to check.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(fail(format!("cannot read a thread's status: {e}"))),
        };
        let t = task.file_name().to_string_lossy().into_owned();
        if let Some(bad) = status_mismatch(&status, a.uid.as_raw(), a.gid.as_raw()) {
            return Err(fail(format!("thread {t} still has {bad}")));
        }
    }
    if nix::unistd::setuid(Uid::from_raw(0)).is_ok()
        || nix::unistd::seteuid(Uid::from_raw(0)).is_ok()
    {
        return Err(fail("setuid(0) succeeded: root could be regained".into()));
    }
    if nix::unistd::setgid(Gid::from_raw(0)).is_ok() {
        return Err(fail(
            "setgid(0) succeeded: group root could be regained".into(),
        ));
    }
    Ok(())
}

/// The first line of a `/proc/.../status` that does not show `uid`/`gid`
/// in all four slots (real, effective, saved, filesystem), or a capability
/// set that is not empty.
pub fn status_mismatch(status: &str, uid: u32, gid: u32) -> Option<String> {
    let mut seen = 0;
    for line in status.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let ok = match key {
            "Uid" | "Gid" => {
                seen += 1;
                let want = if key == "Uid" { uid } else { gid };
                let ids: Vec<&str> = value.split_whitespace().collect();
                ids.len() == 4 && ids.iter().all(|v| v.parse() == Ok(want))
            }
            "CapInh" | "CapPrm" | "CapEff" | "CapAmb" => {
                u64::from_str_radix(value.trim(), 16).is_ok_and(|v| v == 0)
            }
            _ => true,
        };
        if !ok {
            return Some(line.to_string());
        }
    }
    (seen != 2).then(|| "no Uid/Gid lines in its status".to_string())
}

/// As root, before the switch: creates `dir` and any missing parents, and
/// gives what it created to `a` (a fresh install's `/var/lib/sealgate`).
/// Folders that already exist are left as they are; `check_writable` then
/// names any that `a` cannot use, rather than changing an admin's choice.
pub fn create_owned_dir(dir: &Path, a: &Account) -> Result<(), PrivError> {
    let err = |path: &Path| {
        let (name, path) = (a.name.clone(), path.to_path_buf());
        move |source| PrivError::Prepare { name, path, source }
    };
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|p| !p.as_os_str().is_empty() && std::fs::symlink_metadata(p).is_err())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(err(dir))?;
    for p in missing.iter().rev() {
        give(p, a)?;
    }
    Ok(())
}

/// As root: makes `path` belong to `a` (a file sealgate just generated).
pub fn give(path: &Path, a: &Account) -> Result<(), PrivError> {
    std::os::unix::fs::chown(path, Some(a.uid.as_raw()), Some(a.gid.as_raw())).map_err(|source| {
        PrivError::Prepare {
            name: a.name.clone(),
            path: path.to_path_buf(),
            source,
        }
    })
}

/// After the switch: every folder and file under `roots` must be usable by
/// the account — owned by it, or writable by it through its groups. The
/// whole tree is walked once at start, so a file left behind by a run as
/// root is named now instead of failing a delivery later. Symbolic links
/// are not followed; missing roots are skipped (they are created later).
pub fn check_writable(roots: &[PathBuf], a: &Account) -> Result<(), PrivError> {
    let mut bad: Vec<PathBuf> = Vec::new();
    let mut stack: Vec<PathBuf> = roots.to_vec();
    while let Some(p) = stack.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            continue;
        }
        let flags = if meta.is_dir() {
            AccessFlags::W_OK | AccessFlags::X_OK | AccessFlags::R_OK
        } else {
            AccessFlags::W_OK
        };
        let usable = (meta.uid() == a.uid.as_raw() && !meta.is_dir())
            || nix::unistd::access(&p, flags).is_ok();
        if !usable {
            bad.push(p.clone());
            // Inside a folder it cannot enter, nothing more can be learned.
            if meta.is_dir() {
                continue;
            }
        }
        if meta.is_dir()
            && let Ok(entries) = std::fs::read_dir(&p)
        {
            stack.extend(entries.flatten().map(|e| e.path()));
        }
    }
    // The outermost offender is the one to fix (`chown -R` covers the rest).
    bad.sort_by_key(|p| p.components().count());
    match bad.first() {
        None => Ok(()),
        Some(first) => Err(PrivError::NotWritable {
            name: a.name.clone(),
            path: first.clone(),
            more: bad.len() - 1,
        }),
    }
}

/// After the switch: files sealgate only reads (certificates, keys) must be
/// readable by the account. Missing files are left to the loaders.
pub fn check_readable(files: &[PathBuf], a: &Account) -> Result<(), PrivError> {
    for f in files {
        if std::fs::symlink_metadata(f).is_ok()
            && nix::unistd::access(f, AccessFlags::R_OK).is_err()
        {
            return Err(PrivError::NotReadable {
                name: a.name.clone(),
                path: f.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines_are_checked_in_all_four_slots() {
        let good = "Name:\tsealgate\nUid:\t65534\t65534\t65534\t65534\nGid:\t65534\t65534\t65534\t65534\nCapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapAmb:\t0000000000000000\n";
        assert_eq!(status_mismatch(good, 65534, 65534), None);
        let saved_root = good.replace("Uid:\t65534\t65534\t65534", "Uid:\t65534\t65534\t0");
        assert!(
            status_mismatch(&saved_root, 65534, 65534)
                .unwrap()
                .starts_with("Uid:")
        );
        let fs_root = good.replace(
            "Gid:\t65534\t65534\t65534\t65534",
            "Gid:\t65534\t65534\t65534\t0",
        );
        assert!(
            status_mismatch(&fs_root, 65534, 65534)
                .unwrap()
                .starts_with("Gid:")
        );
        let cap = good.replace("CapPrm:\t0000000000000000", "CapPrm:\t0000000000000400");
        assert!(
            status_mismatch(&cap, 65534, 65534)
                .unwrap()
                .starts_with("CapPrm")
        );
        assert!(status_mismatch("Name:\tx\n", 1, 1).is_some());
    }

    #[test]
    fn a_user_that_is_not_there_is_named() {
        let e = Account::lookup("sealgate-no-such-user-x").unwrap_err();
        assert!(
            e.to_string().contains("sealgate-no-such-user-x") && e.to_string().contains("useradd"),
            "{e}"
        );
        let e = plan(Some("sealgate-no-such-user-x"), true, Path::new("x.toml")).unwrap_err();
        assert!(matches!(e, PrivError::UnknownUser { .. }), "{e}");
    }

    #[test]
    fn root_is_refused_as_the_account() {
        let e = plan(Some("root"), false, Path::new("x.toml")).unwrap_err();
        assert!(matches!(e, PrivError::UserIsRoot { .. }), "{e}");
    }

    #[test]
    fn the_plan_follows_who_we_are() {
        let root = nix::unistd::geteuid().is_root();
        let p = plan(None, false, Path::new("/etc/sealgate/sealgate.toml"));
        if root {
            let e = p.unwrap_err().to_string();
            assert!(
                e.contains("/etc/sealgate/sealgate.toml") && e.contains("[server] user"),
                "{e}"
            );
            assert_eq!(plan(None, true, Path::new("x")).unwrap(), Plan::StayRoot);
            assert!(matches!(
                plan(Some("nobody"), false, Path::new("x")),
                Ok(Plan::Switch(Account { .. })) | Err(PrivError::UnknownUser { .. })
            ));
        } else {
            assert_eq!(p.unwrap(), Plan::Stay);
        }
    }
}
