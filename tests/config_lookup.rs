//! Where the CLI finds its config, with the real binary in a folder of the
//! test's: `--config FILE`, then `$SEALGATE_CONFIG`, then `./sealgate.toml`,
//! then `/etc/sealgate/sealgate.toml`; with none, an error that lists every
//! place tried. `sealgate check` prints the path it read (`PATH: ok`).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

const SYSTEM: &str = "/etc/sealgate/sealgate.toml";

/// A config `check` accepts, in `dir`.
fn write_config(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(
        &p,
        format!(
            "[server]\nhostname = \"gw.test\"\n\n[[listener]]\naddress = \"127.0.0.1:{}\"\ntls = \"none\"\n\n[delivery]\nnameservers = [\"127.0.0.1:9\"]\n\n[dlp]\nrules_dir = \"{}/rules\"\n",
            free_port(),
            env!("CARGO_MANIFEST_DIR")
        ),
    )
    .unwrap();
    p
}

/// `sealgate [--config flag] check` in `cwd` with `SEALGATE_CONFIG=env`.
fn check(cwd: &Path, flag: Option<&Path>, env: Option<&Path>) -> Output {
    let mut c = Command::new(BIN);
    if let Some(f) = flag {
        c.arg("--config").arg(f);
    }
    c.arg("check")
        .current_dir(cwd)
        .env_remove("SEALGATE_CONFIG");
    if let Some(e) = env {
        c.env("SEALGATE_CONFIG", e);
    }
    c.output().unwrap()
}

fn ok_line(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn flag_then_variable_then_current_folder() {
    let dir = temp_dir("lookup-order");
    let flag = write_config(&dir, "flag.toml");
    let env = write_config(&dir, "env.toml");
    write_config(&dir, "sealgate.toml");
    let line = ok_line(&check(&dir, Some(&flag), Some(&env)));
    assert!(
        line.starts_with(&format!("{}: ok", flag.display())),
        "{line}"
    );
    let line = ok_line(&check(&dir, None, Some(&env)));
    assert!(
        line.starts_with(&format!("{}: ok", env.display())),
        "{line}"
    );
    let line = ok_line(&check(&dir, None, None));
    assert!(line.starts_with("sealgate.toml: ok"), "{line}");
}

#[test]
fn a_variable_naming_a_missing_file_is_an_error() {
    let dir = temp_dir("lookup-env-missing");
    write_config(&dir, "sealgate.toml");
    let missing = dir.join("missing.toml");
    let out = check(&dir, None, Some(&missing));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("$SEALGATE_CONFIG") && err.contains(&missing.display().to_string()),
        "{err}"
    );
}

/// The /etc fallback, and the error that lists every place when nothing is
/// found. Both need control of /etc/sealgate: as root the test creates the
/// file when it is absent (removing it after) and hides one that exists in
/// a private mount namespace; otherwise the part it cannot arrange is
/// skipped with a note (never in CI, which runs as root).
#[test]
fn etc_is_the_last_place_and_none_lists_all_places() {
    let dir = temp_dir("lookup-none");
    let root = unsafe { libc::geteuid() } == 0;
    let existed = Path::new(SYSTEM).exists();
    if !root {
        assert!(std::env::var_os("CI").is_none(), "needs root in CI");
    }

    // Nothing anywhere: the error names each place, in order.
    let out = if !existed {
        Some(check(&dir, None, None))
    } else if root {
        // Hide the installed file: a tmpfs over /etc/sealgate, in a mount
        // namespace of the child's own.
        Some(
            Command::new("unshare")
                .args(["--mount", "--propagation", "private", "sh", "-c"])
                .arg("mount -t tmpfs none /etc/sealgate && exec \"$0\" check")
                .arg(BIN)
                .current_dir(&dir)
                .env_remove("SEALGATE_CONFIG")
                .output()
                .unwrap(),
        )
    } else {
        eprintln!("skipped: {SYSTEM} exists and only root can hide it");
        None
    };
    if let Some(out) = out {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        let places = [
            "--config FILE: not given".to_string(),
            "$SEALGATE_CONFIG: not set".to_string(),
            format!(
                "./sealgate.toml ({}/sealgate.toml): not found",
                dir.display()
            ),
            format!("{SYSTEM}: not found"),
        ];
        let mut at = 0;
        for p in &places {
            let i = err[at..]
                .find(p.as_str())
                .unwrap_or_else(|| panic!("`{p}` not listed (in order) in:\n{err}"));
            at += i + p.len();
        }
    }

    // The /etc file is found last, from any folder.
    if existed {
        let line = String::from_utf8_lossy(&check(&dir, None, None).stdout)
            .trim()
            .to_string()
            + &String::from_utf8_lossy(&check(&dir, None, None).stderr);
        assert!(line.contains(SYSTEM), "{line}");
    } else if root {
        let made_dir = !Path::new(SYSTEM).parent().unwrap().exists();
        std::fs::create_dir_all(Path::new(SYSTEM).parent().unwrap()).unwrap();
        let cfg = write_config(&dir, "system.toml");
        std::fs::copy(&cfg, SYSTEM).unwrap();
        let out = check(&dir, None, None);
        std::fs::remove_file(SYSTEM).unwrap();
        if made_dir {
            std::fs::remove_dir(Path::new(SYSTEM).parent().unwrap()).unwrap();
        }
        let line = ok_line(&out);
        assert!(line.starts_with(&format!("{SYSTEM}: ok")), "{line}");
    } else {
        eprintln!("skipped: only root may write {SYSTEM} to see it found");
    }
}
