//! The durability promise under fire: clients send continuously while the
//! gateway is killed with SIGKILL and restarted several times. Every
//! message that got a 250 must reach the sink (duplicates are allowed:
//! delivery is at-least-once).

mod common;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;

const CLIENTS: usize = 4;
const KILLS: usize = 5;

fn client_loop(
    port: Arc<AtomicU64>,
    next: Arc<AtomicU64>,
    acked: Arc<Mutex<BTreeSet<u64>>>,
    stop: Arc<AtomicBool>,
) {
    while !stop.load(Ordering::SeqCst) {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port.load(Ordering::SeqCst) as u16));
        let Ok(tcp) = std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(500))
        else {
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        drop(tcp);
        // The gateway may die at any byte: every step tolerates EOF.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut c = Client::connect(addr);
            if !c.reply().starts_with("220") || !c.cmd("EHLO crash.test").starts_with("250") {
                return;
            }
            while !stop.load(Ordering::SeqCst) {
                let n = next.fetch_add(1, Ordering::SeqCst);
                let body = format!("X-Seq: {n}\r\nSubject: crash test\r\n\r\nmessage {n}\r\n");
                let r = c.transaction("load@tenant.test", &["sink@sink.test"], body.as_bytes());
                if r.starts_with("250") {
                    acked.lock().unwrap().insert(n);
                } else {
                    return;
                }
            }
        }));
        let _ = outcome;
    }
}

#[test]
fn sigkill_during_load_loses_no_acknowledged_message() {
    let sink = Sink::start(Behaviour::default());
    let mut gw = Gateway::start(
        "crash",
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n{}",
            sink.route("sink.test")
        ),
    );
    let port = Arc::new(AtomicU64::new(gw.port as u64));
    let next = Arc::new(AtomicU64::new(0));
    let acked = Arc::new(Mutex::new(BTreeSet::new()));
    let stop = Arc::new(AtomicBool::new(false));
    // Clients die with the gateway by design; keep their panics out of the output.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some("crash-client") {
            default_hook(info);
        }
    }));
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (p, n, a, s) = (port.clone(), next.clone(), acked.clone(), stop.clone());
            std::thread::Builder::new()
                .name("crash-client".into())
                .spawn(move || client_loop(p, n, a, s))
                .unwrap()
        })
        .collect();
    let defer = |on: bool| {
        let mut b = sink.behaviour.lock().unwrap();
        if on {
            b.rcpt_reply
                .insert("sink@sink.test".into(), "451 4.3.0 Try again later".into());
        } else {
            b.rcpt_reply.clear();
        }
    };
    let mut recovered_per_restart = Vec::new();
    for round in 0..KILLS {
        // Let traffic build up while the sink defers, so the queue holds
        // messages that only recovery can bring back; then kill at an
        // arbitrary moment.
        defer(true);
        let before = acked.lock().unwrap().len();
        wait_for("traffic before the kill", Duration::from_secs(30), || {
            (acked.lock().unwrap().len() >= before + 150 + round * 37).then_some(())
        });
        gw.kill9();
        defer(false);
        let log_before = gw.log().len();
        gw.spawn();
        let recovered = wait_for(
            "the restart's recovery line",
            Duration::from_secs(30),
            || {
                let log = gw.log();
                log.get(log_before..)?.lines().find_map(|l| {
                    l.contains("queue recovered")
                        .then(|| {
                            l.split("messages=")
                                .nth(1)?
                                .split_whitespace()
                                .next()?
                                .parse::<usize>()
                                .ok()
                        })
                        .flatten()
                })
            },
        );
        recovered_per_restart.push(recovered);
    }
    // The test means something only if every restart had queued work to
    // recover, not just an empty queue.
    assert!(
        recovered_per_restart.iter().all(|n| *n > 0),
        "a restart recovered nothing: {recovered_per_restart:?}"
    );
    wait_for(
        "more traffic after the last restart",
        Duration::from_secs(30),
        || (acked.lock().unwrap().len() > 1200).then_some(()),
    );
    stop.store(true, Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    let seq_of = |m: &Received| -> Option<u64> {
        let text = String::from_utf8_lossy(&m.data);
        text.lines().find_map(|l| {
            l.strip_prefix("X-Seq: ")
                .and_then(|n| n.trim().parse().ok())
        })
    };
    let delivered = wait_for(
        "every acknowledged message at the sink",
        Duration::from_secs(60),
        || {
            let msgs = sink.messages.lock().unwrap();
            let mut counts: HashMap<u64, usize> = HashMap::new();
            for m in msgs.iter() {
                if let Some(n) = seq_of(m) {
                    *counts.entry(n).or_default() += 1;
                }
            }
            acked
                .iter()
                .all(|n| counts.contains_key(n))
                .then_some(counts)
        },
    );
    let duplicates: usize = delivered.values().map(|c| c - 1).sum();
    let unacked_delivered = delivered.keys().filter(|n| !acked.contains(n)).count();
    println!(
        "crash test: {KILLS} SIGKILLs, recovered per restart {recovered_per_restart:?}, acked {}, delivered {} distinct ({} of them never acked: the kill came between commit and reply), duplicates {duplicates}, lost 0",
        acked.len(),
        delivered.len(),
        unacked_delivered
    );
    assert!(
        acked.len() > 1000,
        "too little traffic to mean anything: {}",
        acked.len()
    );
    wait_for("empty queue", Duration::from_secs(30), || {
        (gw.queue_len() == 0).then_some(())
    });
}
