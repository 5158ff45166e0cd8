//! What signing and auditing cost per message, apart from the relay:
//! DKIM (relaxed body hash plus one Ed25519 or RSA-2048 signature) over a
//! 20 KiB message shaped like `bench/relay.sh`'s smtp-source filler, and
//! one message's `scanned` + `received` audit records appended (without
//! the fdatasync, which the relay shares between sessions).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sealgate::audit::{AuditLog, Event, Options};
use sealgate::config::DkimAlgorithm;
use sealgate::dkim::sign::{SigningKey, body_hash, signature_field};
use sealgate::dkim::{canon, keygen, keys};

fn message() -> Vec<u8> {
    let mut m = b"From: <sender@tenant.test>\r\nTo: <rcpt@example.test>\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-Id: <bench.1@tenant.test>\r\nSubject: relay benchmark\r\n\r\n".to_vec();
    while m.len() < 20480 {
        m.extend_from_slice(b"La de da de da 1.\r\nLa de da de da 2.\r\nLa de da de da 3.\r\n");
    }
    m
}

/// A fresh directory under the system's temp dir for this run's keys and log.
fn scratch(what: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sealgate-bench-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn dkim(c: &mut Criterion) {
    let dir = scratch("dkim");
    let msg = message();
    let mut g = c.benchmark_group("dkim_20k");
    for (name, algo) in [
        ("ed25519", DkimAlgorithm::Ed25519),
        ("rsa2048", DkimAlgorithm::Rsa),
    ] {
        let made = keygen::generate(dir.as_path(), "tenant.test", name, algo).expect("keygen");
        let key = SigningKey {
            domain: "tenant.test".into(),
            selector: name.into(),
            key: keys::load(&made.path, Some(algo)).expect("key loads"),
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                let (fields, body) = canon::split(black_box(&msg));
                let bh = body_hash(body);
                signature_field(&key, &fields, &bh, 1_790_000_000).expect("signs")
            })
        });
    }
    g.bench_function("body_hash_only", |b| {
        b.iter(|| body_hash(canon::split(black_box(&msg)).1))
    });
    g.finish();
}

fn audit(c: &mut Criterion) {
    let dir = scratch("audit");
    let log = AuditLog::open(
        &dir.as_path().join("audit"),
        &dir.as_path().join("audit.key"),
        Options::default(),
    )
    .expect("audit log opens");
    let sha = "0".repeat(64);
    c.bench_function("audit_append_message_records", |b| {
        b.iter(|| {
            let scanned = Event::new(
                "scanned",
                None,
                serde_json::json!({"action": "deliver", "score": 0, "hits": []}),
            );
            let received = Event::new(
                "received",
                None,
                serde_json::json!({"client": "127.0.0.1", "size": 20480, "recipients": 1}),
            )
            .sha256(&sha);
            log.append_all([scanned, received]).expect("append")
        })
    });
}

criterion_group!(benches, dkim, audit);
criterion_main!(benches);
