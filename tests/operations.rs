//! Operating the gateway: config checks, SIGTERM drain, SIGHUP reload, and
//! the queue commands against a running and a stopped gateway.

mod common;

use std::net::Ipv4Addr;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

#[test]
fn check_names_file_line_column_and_key() {
    let dir = temp_dir("check");
    let cfg = dir.join("sealgate.toml");
    std::fs::write(&cfg, "[server]\nhostname = \"gw.test\"\n\n[relay]\nallowed_networks = [\"10.0.0.0/8\", \"10.1.2.3/40\"]\n").unwrap();
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .arg("check")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{}:5:", cfg.display())), "{err}");
    assert!(err.contains("relay.allowed_networks"), "{err}");
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    std::fs::write(
        &cfg,
        format!("[server]\nhostname = \"gw.test\"\n[dlp]\nrules_dir = \"{rules}\"\n"),
    )
    .unwrap();
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A missing rules folder is an error: scanning nothing is not a default.
    std::fs::write(
        &cfg,
        "[server]\nhostname = \"gw.test\"\n[dlp]\nrules_dir = \"nowhere\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rules_dir"));
    // `run` refuses a bad config the same way, before touching anything.
    std::fs::write(&cfg, "[limits]\nmax_line_length = 80\n").unwrap();
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .arg("run")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains(":2:") && err.contains("limits.max_line_length"),
        "{err}"
    );
}

#[test]
fn shipped_config_is_valid() {
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/sealgate.toml"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sigterm_finishes_the_message_in_flight_then_exits() {
    let sink = Sink::start(Behaviour::default());
    let mut gw = Gateway::start("drain", &sink.route("sink.test"));
    let mut busy = Client::connect(gw.addr());
    busy.reply();
    busy.cmd("EHLO client.test");
    busy.cmd("MAIL FROM:<a@tenant.test>");
    busy.cmd("RCPT TO:<b@sink.test>");
    assert!(busy.cmd("DATA").starts_with("354"));
    busy.send(b"Subject: in flight\r\n\r\nfirst half\r\n");
    let mut idle = Client::connect(gw.addr());
    idle.reply();
    gw.signal(libc::SIGTERM);
    // The idle session is told to come back later.
    assert!(idle.reply().starts_with("421 4.3.2"));
    // The one in DATA may finish, and its 250 means what it always means.
    busy.send(b"second half\r\n.\r\n");
    let r = busy.reply();
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let took = gw.sigterm();
    assert!(took < Duration::from_secs(10), "drain took {took:?}");
    // New connections are refused while stopped; on restart the message goes out.
    assert!(std::net::TcpStream::connect(gw.addr()).is_err());
    gw.spawn();
    let got = sink.wait_count(1, T);
    assert!(String::from_utf8_lossy(&got[0].data).contains("first half\r\nsecond half"));
}

#[test]
fn sighup_reloads_for_new_sessions_without_dropping_open_ones() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("reload", &sink.route("sink.test"));
    let mut old = Client::connect(gw.addr());
    old.reply();
    old.cmd("EHLO client.test");
    let text = std::fs::read_to_string(&gw.config).unwrap();
    std::fs::write(
        &gw.config,
        text.replace(
            "allowed_networks = [\"127.0.0.1/32\"]",
            "allowed_networks = [\"127.0.0.2/32\"]",
        ),
    )
    .unwrap();
    gw.signal(libc::SIGHUP);
    wait_for("reload", T, || {
        gw.log().contains("configuration reloaded").then_some(())
    });
    // New rules for new sessions.
    let mut denied = Client::connect(gw.addr());
    denied.reply();
    denied.cmd("EHLO client.test");
    denied.cmd("MAIL FROM:<a@tenant.test>");
    assert!(denied.cmd("RCPT TO:<b@sink.test>").starts_with("550 5.7.1"));
    let mut allowed = Client::connect_from(gw.addr(), Some(Ipv4Addr::new(127, 0, 0, 2)));
    allowed.reply();
    assert!(
        allowed
            .send_mail(
                "a@tenant.test",
                &["c@sink.test"],
                b"Subject: new\r\n\r\nx\r\n"
            )
            .starts_with("250")
    );
    // The open session keeps the rules it started with.
    assert!(
        old.transaction(
            "a@tenant.test",
            &["b@sink.test"],
            b"Subject: old\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    sink.wait_count(2, T);
    // A broken config on reload keeps the running one.
    std::fs::write(&gw.config, "[limits]\nmax_recipients = \"many\"\n").unwrap();
    gw.signal(libc::SIGHUP);
    wait_for("failed reload logged", T, || {
        gw.log().contains("reload failed").then_some(())
    });
    let mut still = Client::connect_from(gw.addr(), Some(Ipv4Addr::new(127, 0, 0, 2)));
    still.reply();
    assert!(
        still
            .send_mail(
                "a@tenant.test",
                &["d@sink.test"],
                b"Subject: after\r\n\r\nx\r\n"
            )
            .starts_with("250")
    );
    sink.wait_count(3, T);
}

fn queued_id(gw: &Gateway) -> String {
    wait_for("a queued message", T, || {
        let out = gw.cli(&["queue", "list", "--json"]);
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let v: serde_json::Value = serde_json::from_str(text.lines().next()?).ok()?;
        Some(v["id"].as_str()?.to_string())
    })
}

#[test]
fn queue_hold_release_delete_on_a_running_and_a_stopped_gateway() {
    let mut b = Behaviour::default();
    b.rcpt_reply
        .insert("slow@sink.test".into(), "450 4.2.1 mailbox busy".into());
    let sink = Sink::start(b);
    let mut gw = Gateway::start(
        "queueops",
        &format!(
            "[delivery]\nretry = [\"1s\"]\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(
        c.send_mail(
            "a@tenant.test",
            &["slow@sink.test"],
            b"Subject: q\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    let id = queued_id(&gw);
    let show = wait_for("first attempt deferred", T, || {
        let out = gw.cli(&["queue", "show", &id]);
        let show = String::from_utf8_lossy(&out.stdout).to_string();
        show.contains("\"state\": \"deferred\"").then_some(show)
    });
    assert!(show.contains("4.2.1"), "{show}");
    assert!(
        !show.contains("Subject"),
        "queue show must not print content"
    );

    // Running gateway: hold, then make the destination accept.
    let out = gw.cli(&["queue", "hold", &id]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sink.behaviour.lock().unwrap().rcpt_reply.clear();
    // A control message proves the scheduler is running while the held one waits.
    assert!(
        c.transaction(
            "a@tenant.test",
            &["control@sink.test"],
            b"Subject: c\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    let got = sink.wait_count(1, T);
    assert_eq!(got[0].rcpts, vec!["control@sink.test"]);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(sink.count(), 1, "a held message was delivered");

    // Stopped gateway: release offline; it goes out at start.
    gw.sigterm();
    let out = gw.cli(&["queue", "release", &id]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("not running"));
    gw.spawn();
    let got = sink.wait_count(2, T);
    assert_eq!(got[1].rcpts, vec!["slow@sink.test"]);

    // Delete: removed without delivery or bounce.
    sink.behaviour
        .lock()
        .unwrap()
        .rcpt_reply
        .insert("slow@sink.test".into(), "450 4.2.1 busy".into());
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(
        c.send_mail(
            "a@tenant.test",
            &["slow@sink.test"],
            b"Subject: d\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    let id = queued_id(&gw);
    let out = wait_for("delete between attempts", T, || {
        let out = gw.cli(&["queue", "delete", &id]);
        out.status.success().then_some(out)
    });
    assert!(String::from_utf8_lossy(&out.stdout).contains("deleted"));
    assert_eq!(gw.queue_len(), 0);
    assert!(
        gw.audit()
            .iter()
            .any(|e| e["event"] == "deleted" && e["queue_id"] == id.as_str())
    );
    let bad = gw.cli(&["queue", "show", "../../etc/passwd"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// Security teams edit rules on a live gateway: a valid change takes effect
/// without a restart; a broken one is refused and the rules in force stay.
#[test]
fn rule_files_reload_on_change_and_a_broken_edit_keeps_the_rules_in_force() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("rules-reload");
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    let rule = |word: &str| {
        format!(
            "[[detector]]\nid = \"codeword\"\nterms = [\"{word}\"]\n\n[[rule]]\nid = \"local.codeword\"\ndetectors = [\"codeword\"]\nscore = 10\naction = \"reject\"\n"
        )
    };
    std::fs::write(rules.join("local.toml"), rule("bluebird")).unwrap();
    let gw = Gateway::start_in(
        dir,
        &format!(
            "[dlp]\nrules_dir = \"rules\"\n\n{}",
            sink.route("sink.test")
        ),
    );
    let send = |body: &str| {
        let mut c = Client::connect(gw.addr());
        c.reply();
        c.send_mail(
            "a@tenant.test",
            &["b@sink.test"],
            format!("Subject: s\r\n\r\n{body}\r\n").as_bytes(),
        )
    };
    assert!(send("operation bluebird").starts_with("550 5.7.1"));
    assert!(send("operation redwing").starts_with("250"));
    std::fs::write(rules.join("local.toml"), rule("redwing")).unwrap();
    wait_for("reload after the edit", T, || {
        gw.log().contains("reloaded").then_some(())
    });
    assert!(
        send("operation redwing").starts_with("550 5.7.1"),
        "edited rule not in force"
    );
    assert!(send("operation bluebird").starts_with("250"));
    std::fs::write(
        rules.join("local.toml"),
        "[[rule]]\nid = \"broken\"\ndetectors = [\"nope\"]\n",
    )
    .unwrap();
    wait_for("broken edit refused", T, || {
        gw.log()
            .contains("keeping the rules in force")
            .then_some(())
    });
    assert!(
        send("operation redwing").starts_with("550 5.7.1"),
        "a broken edit switched scanning off"
    );
}
