//! systemd/sealgate.service as systemd itself reads it: `systemd-analyze
//! verify` must accept it, and `systemd-analyze security --offline=true`
//! must rate its exposure 2.0 or lower. Without systemd-analyze the test is
//! skipped with a note (CI installs the `systemd` package, so never there).

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

const UNIT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/systemd/sealgate.service");

fn analyze_or_skip() -> bool {
    let there = Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !there {
        assert!(
            std::env::var_os("CI").is_none(),
            "systemd-analyze is missing in CI (install the systemd package)"
        );
        eprintln!("skipped: no systemd-analyze");
    }
    there
}

/// `verify` checks that ExecStart= names an executable. The unit names the
/// installed /usr/bin/sealgate; the test verifies a copy that names the
/// binary cargo just built, and checks the copy differs in that path alone.
#[test]
fn the_unit_verifies() {
    if !analyze_or_skip() {
        return;
    }
    let text = std::fs::read_to_string(UNIT).unwrap();
    let exec = "ExecStart=/usr/bin/sealgate --config /etc/sealgate/sealgate.toml run";
    assert_eq!(
        text.lines().filter(|l| *l == exec).count(),
        1,
        "the unit must start `{exec}`"
    );
    let copy = text.replace("/usr/bin/sealgate ", &format!("{BIN} "));
    assert_eq!(copy.matches(BIN).count(), 1, "{copy}");
    let dir = temp_dir("systemd-unit");
    // The copy keeps the unit's name: verify derives the unit's name from it.
    let path = dir.join("sealgate.service");
    std::fs::write(&path, copy).unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        // Documentation=man:sealgate(8): the page comes with the Debian
        // package (packaging/sealgate.8), not with a checkout.
        .arg("--man=no")
        .arg(&path)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "systemd-analyze verify:\n{said}");
    assert!(
        !said.contains("sealgate.service"),
        "systemd-analyze verify complained:\n{said}"
    );
}

#[test]
fn the_exposure_score_is_at_most_2() {
    if !analyze_or_skip() {
        return;
    }
    assert!(Path::new(UNIT).exists());
    let out = Command::new("systemd-analyze")
        .args(["security", "--offline=true", "--no-pager"])
        .arg(UNIT)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let score: f64 = said
        .lines()
        .find_map(|l| {
            l.split("Overall exposure level for sealgate.service:")
                .nth(1)
        })
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no exposure level in:\n{said}"));
    eprintln!("exposure level: {score}");
    assert!(score <= 2.0, "exposure {score} > 2.0:\n{said}");
}

/// The keys the gateway's own code relies on: readiness and the watchdog
/// (ops::notify), reload by SIGHUP, the account it runs as.
#[test]
fn the_unit_asks_for_what_the_gateway_speaks() {
    let text = std::fs::read_to_string(UNIT).unwrap();
    for line in [
        "Type=notify",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "User=sealgate",
        "AmbientCapabilities=CAP_NET_BIND_SERVICE",
        "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
        "NoNewPrivileges=yes",
    ] {
        assert!(text.lines().any(|l| l == line), "missing `{line}`");
    }
    assert!(
        text.lines().any(|l| l.starts_with("WatchdogSec=")),
        "no WatchdogSec="
    );
}
