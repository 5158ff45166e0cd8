//! Which config file the CLI reads: `--config FILE`, else `$SEALGATE_CONFIG`,
//! else `./sealgate.toml`, else `/etc/sealgate/sealgate.toml`.
//!
//! The order lets one binary serve a checkout (`./sealgate.toml` beside the
//! code), an installed appliance (`/etc/sealgate`, where an admin's
//! `sealgate queue list` finds the running gateway's config without a flag)
//! and scripts or containers (the variable). A path the user named — by
//! flag or by variable — is used as named: falling through to another file
//! when it is missing would run a gateway on a config nobody meant.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The variable that names the config file when `--config` is not given.
pub const ENV: &str = "SEALGATE_CONFIG";
/// Looked for in the current folder.
pub const LOCAL: &str = "sealgate.toml";
/// Where an installed gateway keeps its config.
pub const SYSTEM: &str = "/etc/sealgate/sealgate.toml";

/// How the file was found, for messages that must say where a path came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    Local,
    System,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: PathBuf,
    pub origin: Origin,
}

#[derive(Debug, thiserror::Error)]
pub enum LocateError {
    #[error("${ENV} names {}, which cannot be read: {source}; fix the variable or unset it", path.display())]
    EnvUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Each place tried, in order, with what was found there.
    #[error(
        "no configuration file found; looked for, in order:\n{}\ncreate one of these (the sealgate.toml of the source tree is a working start) or pass --config FILE",
        .tried.iter().map(|t| format!("  {t}")).collect::<Vec<_>>().join("\n")
    )]
    NotFound { tried: Vec<String> },
}

/// The config file for this process: reads the flag, the environment and
/// the current folder.
pub fn locate(flag: Option<&Path>) -> Result<Located, LocateError> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    locate_in(flag, std::env::var_os(ENV), &cwd, Path::new(SYSTEM))
}

/// `locate` with its inputs passed in, so each rule is testable without
/// touching the process's environment or `/etc`.
pub fn locate_in(
    flag: Option<&Path>,
    env: Option<OsString>,
    cwd: &Path,
    system: &Path,
) -> Result<Located, LocateError> {
    if let Some(p) = flag {
        // Read errors for a path the user typed are reported by the loader,
        // naming that path.
        return Ok(Located {
            path: p.to_path_buf(),
            origin: Origin::Flag,
        });
    }
    let mut tried = vec!["--config FILE: not given".to_string()];
    match env.filter(|v| !v.is_empty()) {
        Some(v) => {
            let path = PathBuf::from(v);
            return match std::fs::metadata(&path) {
                Ok(_) => Ok(Located {
                    path,
                    origin: Origin::Env,
                }),
                Err(source) => Err(LocateError::EnvUnreadable { path, source }),
            };
        }
        None => tried.push(format!("${ENV}: not set")),
    }
    // Relative, as before: messages keep saying `sealgate.toml`, and the
    // loader resolves the config's relative paths against its folder.
    let local = PathBuf::from(LOCAL);
    if present(&cwd.join(&local)) {
        return Ok(Located {
            path: local,
            origin: Origin::Local,
        });
    }
    tried.push(format!(
        "./{LOCAL} ({}): not found",
        cwd.join(LOCAL).display()
    ));
    if present(system) {
        return Ok(Located {
            path: system.to_path_buf(),
            origin: Origin::System,
        });
    }
    tried.push(format!("{}: not found", system.display()));
    Err(LocateError::NotFound { tried })
}

/// Whether something is there. Only "does not exist" counts as absent: a
/// file that exists but cannot be read is chosen, so the loader reports
/// the real reason (such as permissions) instead of a misleading "not found".
fn present(p: &Path) -> bool {
    match std::fs::metadata(p) {
        Ok(_) => true,
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sealgate-locate-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn order_is_flag_env_local_system() {
        let d = dir("order");
        let (cwd, sys) = (d.join("cwd"), d.join("etc.toml"));
        std::fs::create_dir_all(&cwd).unwrap();
        std::fs::write(cwd.join(LOCAL), "").unwrap();
        std::fs::write(&sys, "").unwrap();
        std::fs::write(d.join("env.toml"), "").unwrap();
        let env = Some(OsString::from(d.join("env.toml")));
        let flag = d.join("flag.toml");
        let got = locate_in(Some(&flag), env.clone(), &cwd, &sys).unwrap();
        assert_eq!((got.path, got.origin), (flag, Origin::Flag));
        let got = locate_in(None, env, &cwd, &sys).unwrap();
        assert_eq!(got.origin, Origin::Env);
        let got = locate_in(None, Some(OsString::new()), &cwd, &sys).unwrap();
        assert_eq!(
            (got.path, got.origin),
            (PathBuf::from(LOCAL), Origin::Local)
        );
        std::fs::remove_file(cwd.join(LOCAL)).unwrap();
        let got = locate_in(None, None, &cwd, &sys).unwrap();
        assert_eq!((got.path, got.origin), (sys.clone(), Origin::System));
        std::fs::remove_file(&sys).unwrap();
        let e = locate_in(None, None, &cwd, &sys).unwrap_err().to_string();
        for place in [
            "--config FILE",
            "$SEALGATE_CONFIG",
            &cwd.join(LOCAL).display().to_string(),
            &sys.display().to_string(),
        ] {
            assert!(e.contains(place), "{place} missing from: {e}");
        }
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_named_missing_file_is_an_error_not_a_fallthrough() {
        let d = dir("envmissing");
        std::fs::write(d.join(LOCAL), "").unwrap();
        let missing = d.join("nope.toml");
        let e = locate_in(
            None,
            Some(missing.clone().into()),
            &d,
            Path::new("/nonexistent"),
        )
        .unwrap_err();
        assert!(matches!(e, LocateError::EnvUnreadable { .. }), "{e}");
        assert!(
            e.to_string().contains(&missing.display().to_string()),
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}
