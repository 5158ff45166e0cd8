//! The certificates sealgate serves, with certificates a test CA issues
//! here (rcgen): `sealgate certs check` on a good chain and on each thing
//! that goes wrong with renewals (expired, not yet valid, wrong key,
//! wrong intermediate, name missing, self-signed, expiring soon); a
//! running gateway that, on SIGHUP, gives renewed certificates to new
//! SMTP and portal connections while open ones go on, and keeps the ones
//! in use when the new files do not load; and the expiry warning in the
//! log and in `/metrics`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};

const T: Duration = Duration::from_secs(30);
const DAY: u64 = 86_400;
/// The SMTP certificate's names: `[server] hostname` and the tenant's SNI name.
const SMTP_NAMES: &[&str] = &["gw.test", "riverbend.gw.test"];
const TENANT: &str = "[[relay.tenant]]\nname = \"riverbend\"\nsni = [\"riverbend.gw.test\"]\nsender_domains = [\"riverbend.test\"]\n\n";

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

struct Ca {
    cert: rcgen::Certificate,
    issuer: Issuer<'static, KeyPair>,
}

fn ca(name: &str, parent: Option<&Ca>) -> Ca {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.distinguished_name.push(DnType::CommonName, name);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let key = KeyPair::generate().unwrap();
    let cert = match parent {
        None => p.self_signed(&key).unwrap(),
        Some(parent) => p.signed_by(&key, &parent.issuer).unwrap(),
    };
    Ca {
        cert,
        issuer: Issuer::new(p, key),
    }
}

struct Issued {
    cert: rcgen::Certificate,
    key: KeyPair,
}

/// A server certificate for `names`, valid from `from` until `until` (Unix
/// seconds); self-signed when `by` is None.
fn issue(by: Option<&Ca>, names: &[&str], from: u64, until: u64) -> Issued {
    let mut p =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    p.distinguished_name.push(DnType::CommonName, names[0]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    // rcgen's dates are `time::OffsetDateTime`, a crate not named here.
    let epoch = rcgen::date_time_ymd(1970, 1, 1);
    p.not_before = epoch + Duration::from_secs(from);
    p.not_after = epoch + Duration::from_secs(until);
    let key = KeyPair::generate().unwrap();
    let cert = match by {
        Some(ca) => p.signed_by(&key, &ca.issuer).unwrap(),
        None => p.self_signed(&key).unwrap(),
    };
    Issued { cert, key }
}

/// Writes `chain` (leaf first) and `key` over `name`.crt / `name`.key, as a
/// renewal hook would.
fn install(dir: &Path, name: &str, chain: &[&rcgen::Certificate], key: &KeyPair) -> Leaf {
    let leaf = Leaf {
        cert: dir.join(format!("{name}.crt")),
        key: dir.join(format!("{name}.key")),
    };
    let pem: String = chain.iter().map(|c| c.pem()).collect();
    std::fs::write(&leaf.cert, pem).unwrap();
    std::fs::write(&leaf.key, key.serialize_pem()).unwrap();
    leaf
}

fn pem_file(dir: &Path, name: &str, cert: &rcgen::Certificate) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, cert.pem()).unwrap();
    p
}

fn portal_section(port: u16, leaf: &Leaf) -> String {
    format!(
        "[portal]\nlisten = \"127.0.0.1:{port}\"\nbase_url = \"https://portal.gw.test:{port}\"\ncert = \"{}\"\nkey = \"{}\"\n",
        leaf.cert.display(),
        leaf.key.display()
    )
}

/// `certs check` with `args`: (exit code, the JSON report when asked for, all output).
fn certs_check(gw: &Gateway, args: &[&str]) -> (i32, serde_json::Value, String) {
    let mut all = vec!["certs", "check"];
    all.extend_from_slice(args);
    let out = gw.cli(&all);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        format!("{stdout}\n{stderr}"),
    )
}

fn smtp_report(json: &serde_json::Value) -> &serde_json::Value {
    json["certificates"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["cert"] == "smtp"))
        .unwrap_or_else(|| panic!("no smtp report in {json:#}"))
}

fn errors_of(r: &serde_json::Value) -> String {
    r["errors"].to_string()
}

#[test]
fn certs_check_passes_a_good_chain_and_names_each_renewal_mistake() {
    let dir = temp_dir("certs-check");
    let root = ca("Test Root", None);
    let inter = ca("Test Issuing CA", Some(&root));
    let t0 = now();
    let not_after = t0 + 60 * DAY + 3600;
    let smtp = issue(Some(&inter), SMTP_NAMES, t0 - DAY, not_after);
    let smtp_leaf = install(&dir, "smtp", &[&smtp.cert, &inter.cert], &smtp.key);
    let portal = issue(Some(&inter), &["portal.gw.test"], t0 - DAY, not_after);
    let portal_leaf = install(&dir, "portal", &[&portal.cert, &inter.cert], &portal.key);
    let root_pem = pem_file(&dir, "root.pem", &root.cert);
    let sections = format!(
        "{}client_ca = \"{}\"\n\n{TENANT}{}",
        smtp_leaf.tls_section(),
        root_pem.display(),
        portal_section(free_port(), &portal_leaf)
    );
    let gw = Gateway::offline_in(dir.clone(), &sections);
    let ca_arg = root_pem.to_str().unwrap();

    let (code, json, all) = certs_check(&gw, &["--ca", ca_arg, "--json"]);
    assert_eq!(code, 0, "{all}");
    assert_eq!(json["ok"], true, "{json:#}");
    assert_eq!(json["errors"], 0, "{json:#}");
    assert_eq!(json["warnings"], 0, "{json:#}");
    let s = smtp_report(&json);
    assert_eq!(s["names"], serde_json::json!(SMTP_NAMES));
    assert_eq!(s["subject"], "CN=gw.test");
    assert_eq!(s["issuer"], "CN=Test Issuing CA");
    assert_eq!(s["not_after_unix"], not_after);
    assert_eq!(s["days_left"], 60);
    assert_eq!(s["key_matches"], true);
    assert_eq!(s["chain_ordered"], true);
    assert_eq!(s["chain"].as_array().unwrap().len(), 2);
    assert_eq!(s["trusted"], true);
    assert_eq!(s["self_signed"], false);
    assert_eq!(s["host_name"], "gw.test");
    assert_eq!(s["host_name_matches"], true);
    assert_eq!(
        s["sni_names"],
        serde_json::json!([{"name": "riverbend.gw.test", "matches": true}])
    );
    let p = &json["certificates"][1];
    assert_eq!(p["cert"], "portal", "{json:#}");
    assert_eq!(p["host_name"], "portal.gw.test");
    assert_eq!(p["host_name_matches"], true);
    assert_eq!(p["trusted"], true);
    assert_eq!(json["client_ca"]["certificates"], 1, "{json:#}");
    assert_eq!(json["client_ca"]["subjects"][0], "CN=Test Root");

    let (code, _, text) = certs_check(&gw, &["--ca", ca_arg]);
    assert_eq!(code, 0, "{text}");
    for want in [
        "smtp certificate:",
        "portal certificate:",
        "2 certificates, each signed by the next",
        "chains to a root in",
        "gw.test (`server.hostname`) is among the names",
        "riverbend.gw.test (`relay.tenant.sni`) is among the names",
        "(60 day(s) left)",
        "0 error(s), 0 warning(s)",
    ] {
        assert!(text.contains(want), "{want:?} missing from\n{text}");
    }

    // Each mistake a renewal can make: exit 1, and the error says which.
    let other_key = KeyPair::generate().unwrap();
    let stranger = ca("Someone Else's CA", None);
    let expired = issue(Some(&inter), SMTP_NAMES, t0 - 90 * DAY, t0 - DAY);
    let early = issue(Some(&inter), SMTP_NAMES, t0 + DAY, t0 + 90 * DAY);
    let wrong_name = issue(Some(&inter), &["mail.elsewhere.test"], t0 - DAY, not_after);
    let no_tenant_name = issue(Some(&inter), &["gw.test"], t0 - DAY, not_after);
    let cases: Vec<(&str, Vec<&rcgen::Certificate>, &KeyPair, &str)> = vec![
        (
            "key mismatch",
            vec![&smtp.cert, &inter.cert],
            &other_key,
            "does not belong to the certificate",
        ),
        (
            "wrong intermediate",
            vec![&smtp.cert, &stranger.cert],
            &smtp.key,
            "chain out of order",
        ),
        (
            "expired",
            vec![&expired.cert, &inter.cert],
            &expired.key,
            "expired on",
        ),
        (
            "not yet valid",
            vec![&early.cert, &inter.cert],
            &early.key,
            "not valid yet",
        ),
        (
            "name missing",
            vec![&wrong_name.cert, &inter.cert],
            &wrong_name.key,
            "gw.test (`server.hostname`) is not among the certificate's names (mail.elsewhere.test)",
        ),
        (
            "tenant name missing",
            vec![&no_tenant_name.cert, &inter.cert],
            &no_tenant_name.key,
            "riverbend.gw.test (`relay.tenant.sni`) is not among the certificate's names (gw.test)",
        ),
    ];
    for (what, chain, key, want) in cases {
        install(&dir, "smtp", &chain, key);
        let (code, json, all) = certs_check(&gw, &["--ca", ca_arg, "--json"]);
        assert_eq!(code, 1, "{what}: {all}");
        let s = smtp_report(&json);
        assert!(errors_of(s).contains(want), "{what}: {want:?} not in {s:#}");
        // The portal's pair is untouched and still fine.
        assert_eq!(json["certificates"][1]["errors"], serde_json::json!([]));
        assert!(
            !all.contains("PRIVATE KEY") && !all.contains("BEGIN"),
            "{what}: key material in the output: {all}"
        );
    }

    // Warnings exit 0, or 1 with --strict.
    // An hour short of five days: 4 whole days left however long the test takes.
    let soon = issue(Some(&inter), SMTP_NAMES, t0 - DAY, t0 + 5 * DAY - 3600);
    install(&dir, "smtp", &[&soon.cert, &inter.cert], &soon.key);
    let (code, json, all) = certs_check(&gw, &["--ca", ca_arg, "--json"]);
    assert_eq!(code, 0, "{all}");
    let s = smtp_report(&json);
    assert_eq!(s["days_left"], 4);
    assert!(
        s["warnings"].to_string().contains("expires in 4 day(s)"),
        "{s:#}"
    );
    let (code, _, all) = certs_check(&gw, &["--ca", ca_arg, "--strict"]);
    assert_eq!(code, 1, "{all}");

    let dev = issue(None, SMTP_NAMES, t0 - DAY, t0 + 365 * DAY);
    install(&dir, "smtp", &[&dev.cert], &dev.key);
    let (code, json, all) = certs_check(&gw, &["--ca", ca_arg, "--json"]);
    assert_eq!(
        code, 0,
        "a self-signed certificate alone is not an error: {all}"
    );
    let s = smtp_report(&json);
    assert_eq!(s["self_signed"], true);
    assert_eq!(s["trusted"], serde_json::Value::Null);
    assert!(s["warnings"].to_string().contains("self-signed"), "{s:#}");
    let (code, _, all) = certs_check(&gw, &["--ca", ca_arg, "--strict"]);
    assert_eq!(code, 1, "{all}");

    // A chain that reaches no root in an explicit --ca is an error.
    install(&dir, "smtp", &[&smtp.cert, &inter.cert], &smtp.key);
    let stranger_pem = pem_file(&dir, "stranger.pem", &stranger.cert);
    let (code, json, all) = certs_check(&gw, &["--ca", stranger_pem.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1, "{all}");
    let s = smtp_report(&json);
    assert_eq!(s["trusted"], false);
    assert!(errors_of(s).contains("does not chain to a root"), "{s:#}");

    // An unreadable --ca is said as such.
    let (code, _, all) = certs_check(&gw, &["--ca", "/nonexistent/ca.pem"]);
    assert_eq!(code, 1, "{all}");
    assert!(all.contains("/nonexistent/ca.pem"), "{all}");
}

// ---------------------------------------------------------------- a running gateway

/// The leaf a new SMTP connection gets after STARTTLS.
fn smtp_leaf(port: u16, tls: &Arc<rustls::ClientConfig>) -> Option<Vec<u8>> {
    let tcp = TcpStream::connect(("127.0.0.1", port)).ok()?;
    tcp.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let mut r = BufReader::new(tcp.try_clone().ok()?);
    let mut w = tcp;
    let mut line = String::new();
    let mut expect = |r: &mut BufReader<TcpStream>, code: &str| -> Option<()> {
        loop {
            line.clear();
            r.read_line(&mut line).ok()?;
            if !line.starts_with(code) {
                return None;
            }
            if line.as_bytes().get(3) == Some(&b' ') {
                return Some(());
            }
        }
    };
    expect(&mut r, "220")?;
    w.write_all(b"EHLO certs.test\r\n").ok()?;
    expect(&mut r, "250")?;
    w.write_all(b"STARTTLS\r\n").ok()?;
    expect(&mut r, "220")?;
    let name = rustls::pki_types::ServerName::try_from("gw.test").ok()?;
    let mut conn = rustls::ClientConnection::new(tls.clone(), name).ok()?;
    while conn.is_handshaking() {
        conn.complete_io(&mut w).ok()?;
    }
    Some(conn.peer_certificates()?.first()?.to_vec())
}

type Https = rustls::StreamOwned<rustls::ClientConnection, TcpStream>;

fn https_connect(port: u16, tls: &Arc<rustls::ClientConfig>) -> Option<Https> {
    let tcp = TcpStream::connect(("127.0.0.1", port)).ok()?;
    tcp.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let name = rustls::pki_types::ServerName::try_from("portal.gw.test").ok()?;
    let conn = rustls::ClientConnection::new(tls.clone(), name).ok()?;
    let mut s = rustls::StreamOwned::new(conn, tcp);
    while s.conn.is_handshaking() {
        s.conn.complete_io(&mut s.sock).ok()?;
    }
    Some(s)
}

/// The leaf a new portal connection gets.
fn portal_leaf(port: u16, tls: &Arc<rustls::ClientConfig>) -> Option<Vec<u8>> {
    let s = https_connect(port, tls)?;
    Some(s.conn.peer_certificates()?.first()?.to_vec())
}

/// One keep-alive GET of the stylesheet on an open connection: its status.
fn get_stylesheet(s: &mut Https) -> u16 {
    s.write_all(b"GET /static/portal.css HTTP/1.1\r\nHost: portal.gw.test\r\n\r\n")
        .unwrap();
    s.flush().unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        assert_eq!(s.read(&mut byte).unwrap(), 1, "connection closed");
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("content-length");
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).unwrap();
    head.split(' ').nth(1).unwrap().parse().unwrap()
}

#[test]
fn sighup_gives_renewed_certificates_to_new_connections_and_open_ones_go_on() {
    let dir = temp_dir("certs-reload");
    let root = ca("Reload Root", None);
    let root_pem = pem_file(&dir, "root.pem", &root.cert);
    let t0 = now();
    let smtp1 = issue(Some(&root), &["gw.test"], t0 - DAY, t0 + 90 * DAY);
    let portal1 = issue(Some(&root), &["portal.gw.test"], t0 - DAY, t0 + 90 * DAY);
    let smtp_files = install(&dir, "smtp", &[&smtp1.cert], &smtp1.key);
    let portal_files = install(&dir, "portal", &[&portal1.cert], &portal1.key);
    let portal_port = free_port();
    let gw = Gateway::start_in(
        dir.clone(),
        &format!(
            "{}\n{}",
            smtp_files.tls_section(),
            portal_section(portal_port, &portal_files)
        ),
    );
    let tls = client_tls(&root_pem, None);
    let first = |f: fn(u16, &Arc<rustls::ClientConfig>) -> Option<Vec<u8>>, port| {
        wait_for("a TLS handshake", T, || f(port, &tls))
    };
    assert_eq!(first(smtp_leaf, gw.port), smtp1.cert.der().to_vec());
    assert_eq!(first(portal_leaf, portal_port), portal1.cert.der().to_vec());

    // Connections opened before the renewal.
    let mut old_smtp = Client::connect(gw.addr());
    old_smtp.reply();
    assert!(old_smtp.cmd("EHLO old.test").starts_with("250"));
    old_smtp.starttls(tls.clone(), "gw.test");
    assert!(old_smtp.cmd("EHLO old.test").starts_with("250"));
    let mut old_portal = https_connect(portal_port, &tls).expect("portal connection");
    assert_eq!(get_stylesheet(&mut old_portal), 200);

    // The renewal: new keys, new certificates, files replaced, SIGHUP.
    let smtp2 = issue(Some(&root), &["gw.test"], t0 - DAY, t0 + 180 * DAY);
    let portal2 = issue(Some(&root), &["portal.gw.test"], t0 - DAY, t0 + 180 * DAY);
    install(&dir, "smtp", &[&smtp2.cert], &smtp2.key);
    install(&dir, "portal", &[&portal2.cert], &portal2.key);
    gw.signal(libc::SIGHUP);
    let (want_smtp, want_portal) = (smtp2.cert.der().to_vec(), portal2.cert.der().to_vec());
    wait_for(
        "the renewed SMTP certificate on a new connection",
        T,
        || (smtp_leaf(gw.port, &tls)? == want_smtp).then_some(()),
    );
    wait_for(
        "the renewed portal certificate on a new connection",
        T,
        || (portal_leaf(portal_port, &tls)? == want_portal).then_some(()),
    );

    // The old connections go on with what they negotiated.
    let r = old_smtp.cmd("NOOP");
    assert!(r.starts_with("250"), "{r}");
    let r = old_smtp.transaction(
        "staff@tenant.test",
        &["someone@elsewhere.test"],
        b"Subject: hi\r\n\r\nhello\r\n",
    );
    assert!(r.starts_with("250"), "the old SMTP session: {r}");
    assert_eq!(get_stylesheet(&mut old_portal), 200);

    // A renewal caught half done (new certificates, old keys): refused,
    // the error names the file, and the renewed pair stays in service.
    let smtp3 = issue(Some(&root), &["gw.test"], t0 - DAY, t0 + 200 * DAY);
    let portal3 = issue(Some(&root), &["portal.gw.test"], t0 - DAY, t0 + 200 * DAY);
    std::fs::write(&smtp_files.cert, smtp3.cert.pem()).unwrap();
    std::fs::write(&portal_files.cert, portal3.cert.pem()).unwrap();
    let before = gw.log().len();
    gw.signal(libc::SIGHUP);
    let portal_key = portal_files.key.display().to_string();
    let smtp_key = smtp_files.key.display().to_string();
    let log = wait_for("both refusals in the log", T, || {
        let log = gw.log();
        let new = &log[before..];
        (new.contains(&format!("{portal_key}: this private key does not belong"))
            && new.contains(&format!("{smtp_key}: this private key does not belong")))
        .then(|| new.to_string())
    });
    assert!(log.contains("did not load"), "{log}");
    assert!(log.contains("keeping the running configuration"), "{log}");
    assert!(!log.contains("PRIVATE KEY"), "{log}");
    assert_eq!(smtp_leaf(gw.port, &tls), Some(want_smtp));
    assert_eq!(portal_leaf(portal_port, &tls), Some(want_portal));
}

// ---------------------------------------------------------------- expiry

/// The body of a `/metrics` scrape, or None while nothing answers.
fn metrics_text(port: u16) -> Option<String> {
    http_get(port, "/metrics").map(|(_, body)| body)
}

#[test]
fn a_certificate_near_its_end_is_logged_and_measured() {
    let dir = temp_dir("certs-expiry");
    let root = ca("Expiry Root", None);
    let t0 = now();
    // An hour short of five days: 4 whole days left however long the test takes.
    let not_after = t0 + 5 * DAY - 3600;
    let short = issue(Some(&root), &["gw.test"], t0 - DAY, not_after);
    let files = install(&dir, "smtp", &[&short.cert], &short.key);
    let metrics_port = free_port();
    let gw = Gateway::start_in(
        dir.clone(),
        &format!(
            "{}\n[metrics]\nlisten = \"127.0.0.1:{metrics_port}\"\n",
            files.tls_section()
        ),
    );
    let file = files.cert.display().to_string();
    let line = wait_for("the expiry warning", T, || {
        gw.log()
            .lines()
            .find(|l| l.contains("certificate expires in 4 day(s)"))
            .map(str::to_string)
    });
    for want in ["WARN", "cert=\"smtp\"", &file, "gw.test", "days_left=4"] {
        assert!(line.contains(want), "{want:?} not in {line}");
    }
    assert!(!gw.log().contains("PRIVATE KEY"));

    let expiry = "sealgate_certificate_expiry_seconds{cert=\"smtp\"}";
    let days = "sealgate_certificate_days_left{cert=\"smtp\"}";
    let text = wait_for("the certificate gauges", T, || metrics_text(metrics_port));
    assert_eq!(
        metric_value(&text, expiry),
        Some(not_after as f64),
        "{text}"
    );
    assert_eq!(metric_value(&text, days), Some(4.0), "{text}");

    // Renewed and reloaded: the gauges follow, and the warning stops.
    let renewed_until = t0 + 90 * DAY - 3600;
    let renewed = issue(Some(&root), &["gw.test"], t0 - DAY, renewed_until);
    install(&dir, "smtp", &[&renewed.cert], &renewed.key);
    gw.signal(libc::SIGHUP);
    wait_for("the gauge after the reload", T, || {
        let text = metrics_text(metrics_port)?;
        (metric_value(&text, expiry) == Some(renewed_until as f64)).then_some(())
    });
    let text = metrics_text(metrics_port).unwrap();
    assert_eq!(metric_value(&text, days), Some(89.0), "{text}");
    let log = gw.log();
    let after = log
        .rfind("configuration reloaded")
        .expect("the reload is logged");
    assert!(!log[after..].contains("expires in"), "{}", &log[after..]);
}
