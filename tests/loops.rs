//! Mail loops and domain names, over real sockets: a route that points back
//! at the gateway must stop at `limits.max_hops`, and a route must match its
//! domain however the recipient spells it (case, trailing dot, U-label or
//! A-label).

mod common;

use std::net::Ipv4Addr;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

fn events(gw: &Gateway, name: &str) -> Vec<serde_json::Value> {
    gw.audit()
        .into_iter()
        .filter(|e| e["event"] == name)
        .collect()
}

/// The queue id out of "250 2.0.0 Ok: queued as ID".
fn queued_id(reply: &str) -> String {
    assert!(reply.starts_with("250 2.0.0 Ok: queued as "), "{reply}");
    reply.rsplit(' ').next().unwrap_or_default().to_string()
}

#[test]
fn a_route_back_to_the_gateway_stops_at_the_hop_limit() {
    let sink = Sink::start(Behaviour::default());
    // The sender's domain goes to the sink, so the bounce can be seen there.
    let mut gw = Gateway::start("loop", &sink.route("tenant.test"));
    // The route back needs the gateway's own port: restart with it added.
    gw.sigterm();
    let mut cfg = std::fs::read_to_string(&gw.config).unwrap();
    cfg.push_str(&format!(
        "\n[[delivery.route]]\ndomain = \"loop.test\"\nnext_hop = \"127.0.0.1:{}\"\n",
        gw.port
    ));
    std::fs::write(&gw.config, cfg).unwrap();
    gw.spawn();

    let mut c = Client::connect(gw.addr());
    c.reply();
    let r = c.send_mail(
        "alice@tenant.test",
        &["bob@loop.test"],
        b"From: Alice <alice@tenant.test>\r\nTo: bob@loop.test\r\nSubject: round and round\r\n\r\nbody\r\n",
    );
    assert!(r.starts_with("250 2.0.0"), "{r}");

    // The last copy is refused with 554 5.4.6; that fails the recipient and
    // the sender gets a DSN. Without a hop limit this never comes.
    let got = sink.wait_count(1, Duration::from_secs(120));
    let dsn = &got[0];
    assert_eq!(dsn.from, "", "a DSN comes from the null sender");
    assert_eq!(dsn.rcpts, vec!["alice@tenant.test"]);
    let text = String::from_utf8_lossy(&dsn.data);
    assert!(text.contains("Status: 5.4.6"), "{text}");
    assert!(text.contains("Too many hops"), "{text}");

    // Default limit 50: the first copy arrives with no trace header, copy
    // k with k-1 of them, so copies 1..=51 are taken and copy 52 is refused.
    let received = events(&gw, "received").len();
    let refused = events(&gw, "refused");
    assert!(
        received <= 50 + 1,
        "relayed {received} times past max_hops = 50"
    );
    assert_eq!(received, 51, "each copy but the last one is taken once");
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0]["reason"], "too_many_hops");
    assert_eq!(refused[0]["hops"], 51);
    assert!(gw.log().contains("too many hops"), "the loop is logged");
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert_eq!(sink.count(), 1, "one DSN, nothing else");
}

#[test]
fn received_and_delivered_to_both_count_toward_max_hops() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "hops",
        &format!("[limits]\nmax_hops = 3\n\n{}", sink.route("sink.test")),
    );
    let header = |received: usize, delivered_to: usize, subject: &str| {
        let mut m = String::new();
        for i in 0..received {
            m.push_str(&format!(
                "Received: from hop{i}.test\r\n\tby hop{i}.test; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
            ));
        }
        for _ in 0..delivered_to {
            m.push_str("Delivered-To: bob@sink.test\r\n");
        }
        m.push_str(&format!(
            "From: a@tenant.test\r\nSubject: {subject}\r\n\r\nReceived: in the body does not count\r\n"
        ));
        m.into_bytes()
    };
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let r = c.transaction("a@tenant.test", &["bob@sink.test"], &header(3, 1, "four"));
    assert_eq!(r, "554 5.4.6 Too many hops");
    let r = c.transaction(
        "a@tenant.test",
        &["bob@sink.test"],
        &header(0, 4, "four too"),
    );
    assert_eq!(r, "554 5.4.6 Too many hops");
    // BDAT ends the same way.
    c.cmd("MAIL FROM:<a@tenant.test>");
    c.cmd("RCPT TO:<bob@sink.test>");
    let body = header(4, 0, "bdat");
    c.send(format!("BDAT {} LAST\r\n", body.len()).as_bytes());
    c.send(&body);
    assert_eq!(c.reply(), "554 5.4.6 Too many hops");
    // At the limit is fine.
    let r = c.transaction("a@tenant.test", &["bob@sink.test"], &header(2, 1, "three"));
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let got = sink.wait_count(1, T);
    wait_for("empty queue", T, || (gw.queue_len() == 0).then_some(()));
    assert_eq!(sink.count(), 1, "a refused message reached the sink");
    assert!(String::from_utf8_lossy(&got[0].data).contains("Subject: three"));
    let refused = events(&gw, "refused");
    assert_eq!(refused.len(), 3, "{refused:?}");
    assert!(refused.iter().all(|e| e["reason"] == "too_many_hops"));
    assert_eq!(refused[0]["hops"], 4);
    // Refusals are policy, not protocol errors: the session goes on.
    assert!(c.cmd("NOOP").starts_with("250"));
}

/// Each message goes to one recipient; held means handed to the portal, never
/// delivered — and the DNS here would deliver every one of these domains to
/// the sink if the route were missed.
#[test]
fn routes_match_whatever_case_trailing_dot_or_idna_form_the_recipient_uses() {
    let sink = Sink::start(Behaviour::default());
    let mut zone = Zone::default();
    for d in [
        "portal.test",
        "xn--bcher-kva.test",
        "xn--mnchen-3ya.test",
        "other.test",
    ] {
        zone.mx.insert(d.into(), vec![(10, "mx.sink.test".into())]);
    }
    zone.a
        .insert("mx.sink.test".into(), vec![Ipv4Addr::new(127, 0, 0, 1)]);
    let dns = Dns::start(zone);
    let gw = Gateway::start(
        "idn",
        &format!(
            "[delivery]\nretry = [\"1s\"]\nnameservers = [\"{}\"]\nsmtp_port = {}\n\n\
             [[delivery.route]]\ndomain = \"portal.test\"\ntls = \"portal\"\n\n\
             [[delivery.route]]\ndomain = \"xn--bcher-kva.test\"\ntls = \"portal\"\n\n\
             [[delivery.route]]\ndomain = \"münchen.test\"\ntls = \"portal\"\n",
            dns.addr,
            sink.addr.port()
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let send = |c: &mut Client, rcpt: &str| -> String {
        let r = c.cmd("MAIL FROM:<a@tenant.test> SMTPUTF8");
        assert!(r.starts_with("250"), "{r}");
        let r = c.cmd(&format!("RCPT TO:<{rcpt}>"));
        assert!(r.starts_with("250"), "{rcpt}: {r}");
        assert!(c.cmd("DATA").starts_with("354"));
        c.send(b"From: a@tenant.test\r\nSubject: results\r\n\r\nx\r\n.\r\n");
        queued_id(&c.reply())
    };
    // The control: a domain without a route goes by MX to the sink.
    send(&mut c, "pat@other.test");
    let got = sink.wait_count(1, T);
    assert_eq!(got[0].rcpts, vec!["pat@other.test"]);

    let mut missed = Vec::new();
    for rcpt in [
        "pat@portal.test.",
        "PAT@Portal.TEST",
        "pat@bücher.test",
        "pat@BÜCHER.test",
        "pat@xn--mnchen-3ya.test",
        "pat@XN--MNCHEN-3YA.test.",
    ] {
        let id = send(&mut c, rcpt);
        let state = wait_for(&format!("first attempt for {rcpt}"), T, || {
            let out = gw.cli(&["queue", "show", &id]);
            if !out.status.success() {
                // Gone from the queue: delivered by SMTP, not held.
                return Some(serde_json::json!({"state": {"state": "left the queue"}}));
            }
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
            let r = v["recipients"][0].clone();
            (r["state"]["state"] != "pending").then_some(r)
        });
        let reason = state["state"]["reason"].as_str().unwrap_or_default();
        if state["state"]["state"] != "portal" || !reason.contains("admin") {
            missed.push(format!("{rcpt}: {}", state["state"]));
        }
    }
    assert!(missed.is_empty(), "missed the portal route: {missed:#?}");
    assert_eq!(
        sink.count(),
        1,
        "a message for a portal domain was delivered by SMTP"
    );
    assert_eq!(gw.queue_len(), 6, "all six are held");
}
