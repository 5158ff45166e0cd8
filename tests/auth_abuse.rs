//! AUTH cannot exhaust the gateway (issue point 1), over real TLS sockets
//! against the real binary: a flood of bad AUTHs stays within a memory
//! bound, known and unknown names cost the same, a full check pool answers
//! 454 at once, failures are throttled per address and per user across
//! connections, and `sealgate hash-password` makes hashes the gateway takes.
//!
//! The tests take turns (one lock): they measure memory and time, and a
//! neighbour's argon2 load would skew the figures.

mod common;

use std::io::{Read, Write};
use std::net::Ipv4Addr;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use base64ct::{Base64, Encoding};
use common::*;

const T: Duration = Duration::from_secs(30);

fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

/// An argon2id hash with the given memory (KiB) and passes.
fn hash(pw: &str, m: u32, t: u32) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let salt = SaltString::from_b64("YXV0aGFidXNldGVzdHNhbHQ").unwrap();
    argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(m, t, 1, None).unwrap(),
    )
    .hash_password(pw.as_bytes(), &salt)
    .unwrap()
    .to_string()
}

struct Setup {
    gw: Gateway,
    tls: Arc<rustls::ClientConfig>,
}

/// A gateway that relays only for `users` (name, PHC), with `limits` as the
/// body of its `[limits]` table.
fn start(name: &str, users: &[(&str, String)], limits: &str) -> Setup {
    let dir = temp_dir(name);
    let pki = Pki::new(&dir, "gw");
    let leaf = pki.leaf("server", &["gw.test"], false);
    let mut sections = format!(
        "{}\n[relay]\nallowed_networks = []\n\n[limits]\n{limits}\n",
        leaf.tls_section()
    );
    for (user, phc) in users {
        sections.push_str(&format!(
            "[[relay.user]]\nname = \"{user}\"\npassword_hash = \"{phc}\"\n\n"
        ));
    }
    let gw = Gateway::start_in(dir, &sections);
    Setup {
        gw,
        tls: client_tls(&pki.ca_pem, None),
    }
}

impl Setup {
    /// A session from `src`, after STARTTLS and EHLO: ready for AUTH.
    fn session(&self, src: Ipv4Addr) -> Client {
        let mut c = Client::connect_from(self.gw.addr(), Some(src));
        let banner = c.reply();
        assert!(banner.starts_with("220"), "banner: {banner}");
        assert!(c.cmd("EHLO client.test").starts_with("250"));
        c.starttls(self.tls.clone(), "gw.test");
        let ehlo = c.cmd("EHLO client.test");
        assert!(ehlo.contains("AUTH PLAIN LOGIN"), "{ehlo}");
        c
    }

    /// One AUTH PLAIN on a fresh session from `src`: the reply and how long
    /// it took to come.
    fn try_auth(&self, src: Ipv4Addr, user: &str, pw: &str) -> (String, Duration) {
        let mut c = self.session(src);
        auth(&mut c, user, pw)
    }

    fn rss_kb(&self) -> u64 {
        self.gw.status_kb("VmRSS").expect("gateway VmRSS")
    }
}

fn auth(c: &mut Client, user: &str, pw: &str) -> (String, Duration) {
    let line = format!(
        "AUTH PLAIN {}",
        Base64::encode_string(format!("\0{user}\0{pw}").as_bytes())
    );
    let t = Instant::now();
    let r = c.cmd(&line);
    (r, t.elapsed())
}

fn local(n: u8) -> Ipv4Addr {
    Ipv4Addr::new(127, 0, 0, n)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// What the flood itself may add to the idle gateway: its two check slots
/// hold 2 × 19 MiB while they run, and a hundred TLS sessions a few MB more
/// (measured: 44 MB over idle; 374 MB peak when checks went through
/// malloc). The bound is on the growth because the idle size follows the
/// rule packs (compiled detectors: about 95 MB with the shipped ones, 20 MB
/// with the first packs), which no attacker controls.
const FLOOD_GROWTH_MAX_KB: u64 = 64 * 1024;

/// And the whole process stays well under the 512 MB the issue allowed.
const FLOOD_PEAK_MAX_KB: u64 = 256 * 1024;

/// After the flood the gateway holds at most this much more than before.
const FLOOD_AFTER_MAX_KB: u64 = 32 * 1024;

#[test]
fn auth_flood_keeps_memory_bounded() {
    let _turn = one_at_a_time();
    // Throttling off: the worst case, where only the pool stands between the
    // attack and the memory. Two slots whatever the CPU count, so the bound
    // holds anywhere. The user's hash has argon2's default cost.
    let s = start(
        "auth-flood",
        &[("tenant", hash("right", 19_456, 2))],
        "auth_concurrency = 2\nauth_failure_delay = \"0s\"\nauth_block_after = 0\n",
    );
    let before = s.rss_kb();
    let s = Arc::new(s);
    let end = Instant::now() + Duration::from_secs(10);
    let (rejected, busy, sessions) = (
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
    );
    let start_line = Arc::new(Barrier::new(100));
    let workers: Vec<_> = (0..100u32)
        .map(|i| {
            let (s, rejected, busy, sessions, start_line) = (
                s.clone(),
                rejected.clone(),
                busy.clone(),
                sessions.clone(),
                start_line.clone(),
            );
            std::thread::spawn(move || {
                let src = local(2 + (i % 10) as u8);
                let user = if i % 2 == 0 {
                    "tenant".to_string()
                } else {
                    format!("nobody{i}")
                };
                start_line.wait();
                while Instant::now() < end {
                    let mut c = s.session(src);
                    sessions.fetch_add(1, Ordering::Relaxed);
                    loop {
                        let (r, _) = auth(&mut c, &user, "wrong");
                        if r.starts_with("535 5.7.8") {
                            rejected.fetch_add(1, Ordering::Relaxed);
                        } else if r.starts_with("454 4.7.0") {
                            busy.fetch_add(1, Ordering::Relaxed);
                        } else {
                            assert!(r.starts_with("421 4.7.0"), "unexpected reply {r:?}");
                            break;
                        }
                        if Instant::now() >= end {
                            break;
                        }
                    }
                }
            })
        })
        .collect();
    let mut peak_seen = 0;
    while workers.iter().any(|w| !w.is_finished()) {
        peak_seen = peak_seen.max(s.rss_kb());
        std::thread::sleep(Duration::from_millis(100));
    }
    for w in workers {
        w.join().expect("flood worker");
    }
    // The kernel updates VmHWM lazily; a sample can be a little above it.
    let hwm = s.gw.status_kb("VmHWM").expect("VmHWM").max(peak_seen);
    let (rejected, busy, sessions) = (
        rejected.load(Ordering::Relaxed),
        busy.load(Ordering::Relaxed),
        sessions.load(Ordering::Relaxed),
    );
    eprintln!(
        "flood: {sessions} TLS sessions, {rejected} checked and refused (535), {busy} refused unchecked (454); \
         VmRSS before {before} kB, sampled peak {peak_seen} kB, VmHWM {hwm} kB"
    );
    assert!(rejected > 0, "no password was checked at all");
    assert!(
        hwm.saturating_sub(before) <= FLOOD_GROWTH_MAX_KB,
        "peak RSS {hwm} kB is {} kB over the idle {before} kB, more than the {FLOOD_GROWTH_MAX_KB} kB bound",
        hwm.saturating_sub(before)
    );
    assert!(
        hwm <= FLOOD_PEAK_MAX_KB,
        "peak RSS {hwm} kB over the {FLOOD_PEAK_MAX_KB} kB bound"
    );
    // Once the attack stops, the memory goes back.
    let t = Instant::now();
    let after = wait_for("VmRSS back near its level before the flood", T, || {
        let now = s.rss_kb();
        (now <= before + FLOOD_AFTER_MAX_KB).then_some(now)
    });
    eprintln!("flood: VmRSS {after} kB {:?} after the attack", t.elapsed());
}

#[test]
fn known_and_unknown_users_take_the_same_time() {
    let _turn = one_at_a_time();
    // Costlier than argon2's defaults, so the check dominates the reply time
    // and a dummy that ignored the configured cost would stand out.
    let s = start(
        "auth-timing",
        &[("tenant", hash("right", 65_536, 2))],
        "auth_failure_delay = \"0s\"\nauth_block_after = 0\n",
    );
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for i in 0..11u8 {
        // Both on one fresh session, in alternating order.
        let mut c = s.session(local(20 + i));
        let mut pair = [("tenant", &mut known), ("nobody", &mut unknown)];
        if i % 2 == 1 {
            pair.reverse();
        }
        for (user, times) in pair {
            let (r, took) = auth(&mut c, user, "wrong");
            assert!(r.starts_with("535 5.7.8"), "{r}");
            times.push(took);
        }
    }
    let (k, u) = (median(known), median(unknown));
    let ratio = u.as_secs_f64() / k.as_secs_f64();
    eprintln!("timing: median known {k:?}, unknown {u:?}, ratio {ratio:.3}");
    assert!(
        (0.8..=1.2).contains(&ratio),
        "known {k:?} vs unknown {u:?}: reply time tells which names exist"
    );
}

#[test]
fn a_full_pool_answers_454_at_once() {
    let _turn = one_at_a_time();
    let s = Arc::new(start(
        "auth-pool",
        &[("tenant", hash("right", 65_536, 3))],
        "auth_concurrency = 1\nauth_failure_delay = \"0s\"\nauth_block_after = 0\n",
    ));
    const N: usize = 16;
    let ready = Arc::new(Barrier::new(N));
    let attempts: Vec<_> = (0..N)
        .map(|i| {
            let (s, ready) = (s.clone(), ready.clone());
            std::thread::spawn(move || {
                let mut c = s.session(local(30 + i as u8));
                ready.wait();
                auth(&mut c, "tenant", "wrong")
            })
        })
        .collect();
    let results: Vec<(String, Duration)> =
        attempts.into_iter().map(|a| a.join().unwrap()).collect();
    let busy: Vec<_> = results
        .iter()
        .filter(|(r, _)| r.starts_with("454 4.7.0"))
        .collect();
    let checked = results
        .iter()
        .filter(|(r, _)| r.starts_with("535 5.7.8"))
        .count();
    eprintln!(
        "pool: {N} at once with 1 slot: {checked} checked, {} busy; slowest busy reply {:?}, slowest reply {:?}",
        busy.len(),
        busy.iter().map(|(_, t)| *t).max().unwrap_or_default(),
        results.iter().map(|(_, t)| *t).max().unwrap_or_default()
    );
    assert_eq!(busy.len() + checked, N, "{results:?}");
    assert!(
        !busy.is_empty(),
        "nobody was told the pool is full: {results:?}"
    );
    assert!(checked >= 1, "{results:?}");
    // A busy answer does not wait for a slot: it comes well before the
    // N checks a queue would have had to run one after another.
    let one_check = results
        .iter()
        .filter(|(r, _)| r.starts_with("535"))
        .map(|(_, t)| *t)
        .min()
        .unwrap();
    for (_, t) in &busy {
        assert!(
            *t < one_check.max(Duration::from_millis(500)) * 2,
            "454 after {t:?}: it waited (one check takes {one_check:?})"
        );
    }
    // And the pool is free again afterwards.
    let (r, _) = s.try_auth(local(60), "tenant", "right");
    assert!(r.starts_with("235 2.7.0"), "{r}");
}

#[test]
fn failures_are_throttled_per_address_and_per_user() {
    let _turn = one_at_a_time();
    let base = Duration::from_millis(300);
    let block = Duration::from_secs(4);
    let s = start(
        "auth-throttle",
        &[
            ("alice", hash("alice-pw", 256, 1)),
            ("bob", hash("bob-pw", 256, 1)),
        ],
        "auth_failure_delay = \"300ms\"\nauth_block_after = 3\nauth_block_time = \"4s\"\n",
    );
    let growing = |what: &str, times: &[Duration]| {
        eprintln!("throttle: {what}: {times:?}");
        for (i, t) in times.iter().enumerate() {
            let expected = base * (1 << i);
            assert!(
                *t >= expected && *t < expected + Duration::from_secs(2),
                "{what}: failure {} answered after {t:?}, expected {expected:?}",
                i + 1
            );
        }
    };

    // One address, three names, each on a new connection.
    let mut times = Vec::new();
    let mut address_blocked = Instant::now();
    for name in ["n1", "n2", "n3"] {
        // The block starts after the third check, so not before this.
        address_blocked = Instant::now();
        let (r, t) = s.try_auth(local(2), name, "guess");
        assert!(r.starts_with("535 5.7.8"), "{r}");
        times.push(t);
    }
    growing("one address", &times);
    let (r, t) = s.try_auth(local(2), "bob", "bob-pw");
    assert!(r.starts_with("454 4.7.0"), "blocked address: {r}");
    assert!(t < base, "a block answers without a check or delay: {t:?}");

    // One name, three addresses.
    let mut times = Vec::new();
    let mut user_blocked = Instant::now();
    for n in 3..=5 {
        user_blocked = Instant::now();
        let (r, t) = s.try_auth(local(n), "alice", "guess");
        assert!(r.starts_with("535 5.7.8"), "{r}");
        times.push(t);
    }
    growing("one user", &times);
    let (r, _) = s.try_auth(local(6), "alice", "alice-pw");
    assert!(
        r.starts_with("454 4.7.0"),
        "blocked user from another address: {r}"
    );
    let (r, _) = s.try_auth(local(6), "bob", "bob-pw");
    assert!(r.starts_with("235 2.7.0"), "others are not blocked: {r}");

    // Once the blocks expire, the right password works again.
    for (src, user, pw, since) in [
        (local(2), "bob", "bob-pw", address_blocked),
        (local(7), "alice", "alice-pw", user_blocked),
    ] {
        wait_for(&format!("{user} accepted after the block"), T, || {
            let (r, _) = s.try_auth(src, user, pw);
            if r.starts_with("235 2.7.0") {
                return Some(());
            }
            assert!(r.starts_with("454 4.7.0"), "{r}");
            std::thread::sleep(Duration::from_millis(250));
            None
        });
        assert!(
            since.elapsed() >= block,
            "{user}: block lifted after {:?}, before {block:?}",
            since.elapsed()
        );
    }
}

/// Runs `sealgate hash-password` with `input` on stdin.
fn hash_password(input: &[u8]) -> std::process::Output {
    let mut child = Command::new(BIN)
        .arg("hash-password")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn hash_password_output_authenticates() {
    let _turn = one_at_a_time();
    let out = hash_password(b"correct horse battery\n");
    assert!(out.status.success(), "{out:?}");
    let phc = String::from_utf8(out.stdout).unwrap();
    let phc = phc.trim_end();
    assert!(phc.starts_with("$argon2id$"), "{phc}");
    assert_eq!(phc.lines().count(), 1);
    let s = start("auth-hashpw", &[("tenant", phc.to_string())], "");
    let (r, _) = s.try_auth(local(2), "tenant", "correct horse battery");
    assert!(r.starts_with("235 2.7.0"), "{r}");
    let (r, _) = s.try_auth(local(3), "tenant", "correct horse battery\n");
    assert!(r.starts_with("535 5.7.8"), "{r}");

    let out = hash_password(b"");
    assert!(!out.status.success() && out.stdout.is_empty(), "{out:?}");
}

/// Runs `sealgate hash-password` on a pseudo-terminal, typing each of
/// `lines` after the prompt; returns its exit status, stdout, and what
/// appeared on the terminal.
fn hash_password_on_terminal(lines: &[&str]) -> (bool, String, String) {
    use std::os::fd::FromRawFd;
    let (master, slave) = unsafe {
        let m = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(m >= 0);
        assert_eq!(libc::grantpt(m), 0);
        assert_eq!(libc::unlockpt(m), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(m, name.as_mut_ptr(), name.len()), 0);
        let s = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY);
        assert!(s >= 0);
        (std::fs::File::from_raw_fd(m), std::fs::File::from_raw_fd(s))
    };
    let mut child = Command::new(BIN)
        .arg("hash-password")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let screen = Arc::new(Mutex::new(String::new()));
    let mut reader = master.try_clone().unwrap();
    let sc = screen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sc.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let mut master = master;
    for (prompt, line) in ["Password:", "Again:"].iter().zip(lines) {
        wait_for(&format!("prompt {prompt}"), T, || {
            screen.lock().unwrap().contains(prompt).then_some(())
        });
        master.write_all(format!("{line}\n").as_bytes()).unwrap();
    }
    let status = wait_for("hash-password to exit", T, || child.try_wait().unwrap());
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let screen = screen.lock().unwrap().clone();
    (status.success(), stdout, screen)
}

#[test]
fn hash_password_asks_twice_without_echo_on_a_terminal() {
    let _turn = one_at_a_time();
    let (ok, stdout, screen) = hash_password_on_terminal(&["pw-first", "pw-second"]);
    assert!(
        !ok && stdout.is_empty(),
        "mismatch accepted: {stdout:?} {screen:?}"
    );
    assert!(screen.contains("differ"), "{screen:?}");
    assert!(
        !screen.contains("pw-first") && !screen.contains("pw-second"),
        "echoed: {screen:?}"
    );

    let (ok, stdout, screen) = hash_password_on_terminal(&["same-pw", "same-pw"]);
    assert!(ok, "{screen:?}");
    assert!(!screen.contains("same-pw"), "echoed: {screen:?}");
    let phc = stdout.trim_end();
    assert!(phc.starts_with("$argon2id$"), "{stdout:?}");
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    assert!(
        argon2::Argon2::default()
            .verify_password(b"same-pw", &PasswordHash::new(phc).unwrap())
            .is_ok()
    );
}
