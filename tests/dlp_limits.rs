//! Hostile and broken input: zip bombs, deep nesting, oversized messages,
//! exhausted time budgets and garbage. The scan must finish, never panic,
//! and fail closed (`secure`) whenever it could not read everything.

use std::io::{Cursor, Write};
use std::path::Path;

use sealgate::dlp::{Action, DlpConfig, Scanner};
use zip::write::SimpleFileOptions;

fn scanner(cfg: &DlpConfig) -> Scanner {
    match Scanner::load(cfg, Path::new(env!("CARGO_MANIFEST_DIR"))) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

fn zip_with(name: &str, data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    assert!(w.start_file(name, opts).is_ok());
    assert!(w.write_all(data).is_ok());
    match w.finish() {
        Ok(c) => c.into_inner(),
        Err(e) => panic!("{e}"),
    }
}

fn b64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for (i, c) in data.chunks(3).enumerate() {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            s.push(if k <= c.len() {
                T[(n >> (18 - 6 * k) & 63) as usize] as char
            } else {
                '='
            });
        }
        if i % 19 == 18 {
            s.push_str("\r\n");
        }
    }
    s
}

fn with_attachment(name: &str, ctype: &str, data: &[u8]) -> Vec<u8> {
    format!(
        "From: a@x.org\r\nTo: b@y.org\r\nSubject: files\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
        b64(data)
    )
    .into_bytes()
}

#[test]
fn zip_bomb_fails_closed() {
    let s = scanner(&DlpConfig::default());
    let zeros = vec![0u8; 64 << 20];
    let bomb = zip_with("zeros.txt", &zeros);
    assert!(bomb.len() < 200_000, "bomb is {} bytes", bomb.len());
    let v = s.scan(&with_attachment("bomb.zip", "application/zip", &bomb));
    assert_eq!(v.action, Action::Secure, "{v:?}");
    assert!(
        v.unscanned
            .iter()
            .any(|u| u.contains("ratio") || u.contains("limit")),
        "{v:?}"
    );
}

#[test]
fn deep_nesting_fails_closed_and_shallow_is_read() {
    let s = scanner(&DlpConfig::default());
    let mut z = zip_with("ssn.txt", b"SSN 536-22-8915");
    let v = s.scan(&with_attachment("a.zip", "application/zip", &z));
    assert!(v.phi, "one level must be read: {v:?}");
    for i in 0..10 {
        z = zip_with(&format!("level{i}.zip"), &z);
    }
    let v = s.scan(&with_attachment("deep.zip", "application/zip", &z));
    assert!(v.action >= Action::Secure, "{v:?}");
    assert!(
        v.unscanned.iter().any(|u| u.contains("nested deeper")),
        "{v:?}"
    );
}

#[test]
fn oversized_message_and_time_budget_fail_closed() {
    let mut cfg = DlpConfig::default();
    cfg.limits.max_message_bytes = 1000;
    let v = scanner(&cfg).scan(&vec![b'a'; 2000]);
    assert_eq!(v.action, Action::Secure);
    assert!(!v.unscanned.is_empty());

    let mut cfg = DlpConfig::default();
    cfg.limits.max_time_ms = 0;
    let v = scanner(&cfg).scan(b"Subject: hi\r\n\r\nhello");
    assert_eq!(v.action, Action::Secure, "{v:?}");
}

#[test]
fn unscanned_action_is_configurable() {
    let cfg = DlpConfig {
        unscanned_action: Action::Portal,
        ..DlpConfig::default()
    };
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let v = scanner(&cfg).scan(&with_attachment("x.png", "image/png", png));
    assert_eq!(v.action, Action::Portal, "{v:?}");
    assert!(!v.phi);
}

#[test]
fn garbage_never_panics() {
    let s = scanner(&DlpConfig::default());
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\r\n\r\n".to_vec(),
        vec![0xff; 10_000],
        b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n--x\r\n--x--".to_vec(),
        with_attachment(
            "x.pdf",
            "application/pdf",
            b"%PDF-1.4 stream\nx\x9c\xff\xffendstream",
        ),
        with_attachment("x.docx", "application/zip", b"PK\x03\x04garbage"),
        with_attachment("x.gz", "application/gzip", &[0x1f, 0x8b, 8, 0, 0, 0]),
        "Subject: =?UTF-8?B?////?=\r\n\r\n&#xFFFFFFFF; &#55296; <a href='"
            .as_bytes()
            .to_vec(),
    ];
    for i in inputs {
        let _ = s.scan(&i);
        let _ = s.strip_tags(&i);
    }
}

#[test]
fn rules_test_cli_runs() {
    let s = scanner(&DlpConfig::default());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let files = vec![
        dir.join("pos_ssn_hr_plain.eml"),
        dir.join("neg_meeting_plain.eml"),
    ];
    assert_eq!(sealgate::dlp::cli::rules_test(&s, &files, true), 0);
    assert_eq!(sealgate::dlp::cli::rules_test(&s, &files, false), 0);
    assert_eq!(
        sealgate::dlp::cli::rules_test(&s, &[dir.join("missing.eml")], true),
        1
    );
}

/// Inputs found by `cargo fuzz` (fuzz/fuzz_targets/dlp_scan.rs). The first
/// makes mail-parser 0.11.9 hit a `debug_assert!` (a panic in debug builds);
/// the scan must contain it and fail closed.
#[test]
fn fuzz_regressions() {
    let s = scanner(&DlpConfig::default());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let raw = std::fs::read(e.path()).unwrap_or_default();
        let v = s.scan(&raw);
        let _ = s.strip_tags(&raw);
        if cfg!(debug_assertions) && e.file_name().to_string_lossy().starts_with("mailparser-") {
            assert!(v.action >= Action::Secure, "{v:?}");
        }
        n += 1;
    }
    assert!(n >= 1);
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        assert!(w.start_file(*name, SimpleFileOptions::default()).is_ok());
        assert!(w.write_all(data).is_ok());
    }
    match w.finish() {
        Ok(c) => c.into_inner(),
        Err(e) => panic!("{e}"),
    }
}

/// A zip made by macOS Finder carries `.DS_Store` and `__MACOSX/._name`
/// files: bookkeeping, skipped when their bytes are that format; anything
/// else under those names is read (and, being binary, is unscanned).
#[test]
fn finder_metadata_in_a_zip_is_not_content() {
    let s = scanner(&DlpConfig::default());
    let ds_store: &[u8] = b"\0\0\0\x01Bud1\0\0\x10\0\0\0\x08\0\0\0\x10\0\0\0\0\0\0\0\0\0\0\0\0";
    let mut apple_double = vec![0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00];
    apple_double.extend_from_slice(b"Mac OS X        ");
    apple_double.resize(78, 0);
    let notes: &[u8] = b"Agenda: budget review, parking rules, badge photos on Friday.";
    let mac = zip_of(&[
        ("Docs/notes.txt", notes),
        ("Docs/.DS_Store", ds_store),
        ("__MACOSX/Docs/._notes.txt", &apple_double),
    ]);
    let v = s.scan(&with_attachment("Docs.zip", "application/zip", &mac));
    assert_eq!(v.action, Action::Deliver, "{v:?}");
    assert!(v.unscanned.is_empty(), "{v:?}");

    // The names alone skip nothing.
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    for name in ["Docs/.DS_Store", "__MACOSX/Docs/._notes.txt"] {
        let z = zip_of(&[("Docs/notes.txt", notes), (name, &garbage)]);
        let v = s.scan(&with_attachment("Docs.zip", "application/zip", &z));
        assert_eq!(v.action, Action::Secure, "{name}: {v:?}");
        assert!(
            v.unscanned.iter().any(|u| u.contains(name)),
            "{name}: {v:?}"
        );
    }
    // An AppleDouble file with a resource fork of real size is read too.
    let mut big = apple_double.clone();
    big.resize(200 << 10, 0x41);
    let z = zip_of(&[
        ("Docs/notes.txt", notes),
        ("__MACOSX/Docs/._notes.txt", &big),
    ]);
    let v = s.scan(&with_attachment("Docs.zip", "application/zip", &z));
    assert_eq!(v.action, Action::Secure, "{v:?}");
}
