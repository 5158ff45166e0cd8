//! The portal's web app against a recipient who is not who they say, over
//! real HTTPS to the real gateway: links that do not (or no longer) open
//! reveal nothing, codes lock, cookies are scoped and flagged, a session
//! opens one message only, and a reply needs both the session's CSRF token
//! and the portal's own Origin.

mod common;

use std::time::{Duration, Instant};

use common::portal::*;
use common::*;

const T: Duration = Duration::from_secs(30);

fn send(w: &PortalWorld, to: &str, subject: &str) {
    let body = crlf(
        format!(
            "From: Dr. Ada Kim <dr.kim@riverbend.test>\nTo: {to}\nSubject: {subject}\n\
Message-ID: <{subject}@riverbend.test>\n\n\
Patient: Zebulon Quartermaine\nDOB: 03/14/1961\nMRN: MR623811104\nSSN: 219-09-9999\n\
Diagnosis: adenocarcinoma (C34.90).\n"
        )
        .as_bytes(),
    );
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let r = c.send_mail("dr.kim@riverbend.test", &[to], &body);
    assert!(r.starts_with("250 "), "{r}");
}

/// The path of the link in the n-th mail at the plaintext sink.
fn path_of_link(w: &PortalWorld, n: usize) -> String {
    let link = link_in(&w.plain_message(n));
    link.strip_prefix(&w.base_url).unwrap().to_string()
}

fn origin(w: &PortalWorld) -> String {
    w.base_url.clone()
}

/// Asks for a code and returns it, read from the `n`-th mail at the sink.
fn code_for(w: &PortalWorld, path: &str, n: usize) -> String {
    let h = w.https();
    let o = origin(w);
    let r = h.post_form(&format!("{path}/send"), &[("Origin", &o)], &[]);
    assert_eq!(r.status, 303, "{}", r.text());
    code_in(&w.plain_message(n))
}

struct Session {
    cookie: String,
    set_cookie: String,
    csrf: String,
}

fn log_in(w: &PortalWorld, path: &str, code: &str) -> Session {
    let h = w.https();
    let o = origin(w);
    let r = h.post_form(
        &format!("{path}/verify"),
        &[("Origin", &o)],
        &[("code", code)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some(format!("{path}/view").as_str()));
    let set_cookie = r
        .header("set-cookie")
        .expect("a session cookie")
        .to_string();
    let cookie = set_cookie.split(';').next().unwrap().to_string();
    let page = h.get(&format!("{path}/view"), &[("Cookie", &cookie)]);
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    let at = text.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    let csrf = text[at..].split('"').next().unwrap().to_string();
    Session {
        cookie,
        set_cookie,
        csrf,
    }
}

fn multipart(csrf: Option<&str>, text: &str) -> (String, Vec<u8>) {
    let b = "XboundaryX";
    let mut body = String::new();
    if let Some(c) = csrf {
        body.push_str(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{c}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{b}--\r\n"
    ));
    (
        format!("multipart/form-data; boundary={b}"),
        body.into_bytes(),
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[test]
fn links_that_do_not_open_all_look_the_same() {
    let w = PortalWorld::start_with("portal-web-links", true, "retention = \"3s\"");
    send(&w, "pat@plain.test", "expiring");
    let expired = path_of_link(&w, 0);
    send(&w, "other@plain.test", "revoked");
    let revoked = path_of_link(&w, 1);
    let id = w
        .portal_list()
        .iter()
        .find(|r| r["recipient"] == "other@plain.test")
        .and_then(|r| r["id"].as_str().map(str::to_string))
        .unwrap();
    assert!(w.gw.cli(&["portal", "revoke", &id]).status.success());
    let h = w.https();
    // Past its retention (asked of the clock, not by polling the portal,
    // whose per-address rate limit would answer first).
    let expires = w
        .portal_list()
        .iter()
        .find(|r| r["recipient"] == "pat@plain.test")
        .and_then(|r| r["expires"].as_str().map(str::to_string))
        .unwrap();
    wait_for("the first message's retention to pass", T, || {
        let out = std::process::Command::new("date")
            .args(["-u", "+%Y-%m-%dT%H:%M:%S"])
            .output()
            .unwrap();
        let now = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (now.as_str() > &expires[..19]).then_some(())
    });
    let unknown = "/m/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".to_string();
    let malformed = "/m/..%2f..%2fetc".to_string();
    let pages: Vec<(String, Response)> = [&expired, &revoked, &unknown, &malformed]
        .iter()
        .map(|p| ((*p).clone(), h.get(p, &[])))
        .collect();
    for (p, r) in &pages {
        assert_eq!(r.status, 404, "{p}");
        assert_eq!(r.body, pages[0].1.body, "{p} answers differently");
        assert!(r.text().contains("not valid"), "{p}: {}", r.text());
    }
    // The same work for every kind: one hash and one lookup. Medians of
    // alternating requests, so load on this shared machine hits both.
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        let t = Instant::now();
        h.get(&expired, &[]);
        a.push(t.elapsed());
        let t = Instant::now();
        h.get(&unknown, &[]);
        b.push(t.elapsed());
    }
    let (ma, mb) = (median(a), median(b));
    let diff = ma.abs_diff(mb);
    assert!(
        diff < Duration::from_millis(15),
        "expired {ma:?} vs unknown {mb:?}: the timing tells them apart"
    );
    // Code requests and code entry on a dead link say the same.
    let o = origin(&w);
    for p in [&expired, &revoked, &unknown] {
        let r = h.post_form(&format!("{p}/send"), &[("Origin", &o)], &[]);
        assert_eq!((r.status, &r.body), (404, &pages[0].1.body), "{p}/send");
        let r = h.post_form(
            &format!("{p}/verify"),
            &[("Origin", &o)],
            &[("code", "12345678")],
        );
        assert_eq!((r.status, &r.body), (404, &pages[0].1.body), "{p}/verify");
    }
}

#[test]
fn the_fifth_wrong_code_locks_even_the_right_one_out() {
    let w = PortalWorld::start("portal-web-lock");
    send(&w, "pat@plain.test", "lock");
    let path = path_of_link(&w, 0);
    let code = code_for(&w, &path, 1);
    let wrong = if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    let h = w.https();
    let o = origin(&w);
    for left in (1..5).rev() {
        let r = h.post_form(
            &format!("{path}/verify"),
            &[("Origin", &o)],
            &[("code", wrong)],
        );
        assert_eq!(r.status, 200);
        assert!(
            r.text().contains(&format!("{left} attempt")),
            "{}",
            r.text()
        );
    }
    let fifth = h.post_form(
        &format!("{path}/verify"),
        &[("Origin", &o)],
        &[("code", wrong)],
    );
    assert_eq!(fifth.status, 403, "{}", fifth.text());
    assert!(fifth.text().contains("locked"), "{}", fifth.text());
    let sixth = h.post_form(
        &format!("{path}/verify"),
        &[("Origin", &o)],
        &[("code", &code)],
    );
    assert_eq!(
        sixth.status,
        403,
        "the right code after the lock: {}",
        sixth.text()
    );
    assert!(
        sixth.headers_named("set-cookie").is_empty(),
        "a session after the lock"
    );
    // No new code while locked either.
    let again = h.post_form(&format!("{path}/send"), &[("Origin", &o)], &[]);
    assert_eq!(again.status, 403);
    let audit = w.gw.audit();
    assert_eq!(
        audit
            .iter()
            .filter(|e| e["event"] == "portal_code_failed")
            .count(),
        5 + 1
    );
    assert_eq!(
        audit
            .iter()
            .filter(|e| e["event"] == "portal_locked")
            .count(),
        1
    );
}

#[test]
fn a_session_is_flagged_scoped_and_opens_one_message_only() {
    let w = PortalWorld::start("portal-web-session");
    send(&w, "pat@plain.test", "first");
    let a = path_of_link(&w, 0);
    send(&w, "other@plain.test", "second");
    let b = path_of_link(&w, 1);
    let s = log_in(&w, &a, &code_for(&w, &a, 2));
    let flags: Vec<String> = s
        .set_cookie
        .split(';')
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    assert!(
        s.cookie.starts_with("__Host-sg_session="),
        "{}",
        s.set_cookie
    );
    for f in ["secure", "httponly", "samesite=strict", "path=/"] {
        assert!(flags.iter().any(|x| x == f), "no {f} in {}", s.set_cookie);
    }
    assert!(
        flags.iter().any(|x| x.starts_with("max-age=")),
        "{}",
        s.set_cookie
    );
    assert!(
        !flags.iter().any(|x| x.starts_with("domain=")),
        "{}",
        s.set_cookie
    );
    let h = w.https();
    // A's session on B's link: sent back to B's landing page, nothing of B.
    for p in [format!("{b}/view"), format!("{b}/a/0")] {
        let r = h.get(&p, &[("Cookie", &s.cookie)]);
        assert_eq!(r.status, 303, "{p}: {}", r.text());
        assert_eq!(r.header("location"), Some(b.as_str()));
        assert!(!r.text().contains("second"));
    }
    // No cookie, or a forged one: no message.
    for cookie in [
        "",
        "__Host-sg_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let r = h.get(&format!("{a}/view"), &[("Cookie", cookie)]);
        assert_eq!(r.status, 303, "{cookie}");
    }
    // Security headers on a content page and on the not-valid page.
    for r in [
        h.get(&format!("{a}/view"), &[("Cookie", &s.cookie)]),
        h.get("/m/nothing-here", &[]),
    ] {
        let csp = r.header("content-security-policy").expect("CSP");
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("cache-control"), Some("no-store"));
        assert!(r.header("strict-transport-security").is_some());
    }
}

/// A reply attempt: what it shows, its extra headers, its CSRF token.
type Attempt<'a> = (&'a str, Vec<(&'a str, &'a str)>, Option<&'a str>);

#[test]
fn a_reply_needs_the_sessions_csrf_token_and_the_portals_origin() {
    let w = PortalWorld::start("portal-web-csrf");
    send(&w, "pat@plain.test", "reply");
    let path = path_of_link(&w, 0);
    let s = log_in(&w, &path, &code_for(&w, &path, 1));
    let h = w.https();
    let o = origin(&w);
    let reply = format!("{path}/reply");
    let attempts: Vec<Attempt> = vec![
        ("no Origin", vec![], Some(s.csrf.as_str())),
        (
            "another Origin",
            vec![("Origin", "https://evil.test")],
            Some(s.csrf.as_str()),
        ),
        (
            "Origin null",
            vec![("Origin", "null")],
            Some(s.csrf.as_str()),
        ),
        ("no CSRF token", vec![("Origin", o.as_str())], None),
        (
            "a wrong CSRF token",
            vec![("Origin", o.as_str())],
            Some("forged-token"),
        ),
    ];
    for (what, extra, csrf) in attempts {
        let (ctype, body) = multipart(csrf, "forged reply");
        let mut headers = vec![
            ("Cookie", s.cookie.as_str()),
            ("Content-Type", ctype.as_str()),
        ];
        headers.extend(extra);
        let r = h.request("POST", &reply, &headers, &body);
        // 403, or 400 for a form that lacks the field: refused either way.
        assert!(
            matches!(r.status, 400 | 403),
            "{what}: {} {}",
            r.status,
            r.text()
        );
    }
    // The real thing goes through, and only it reaches the sender.
    let (ctype, body) = multipart(Some(&s.csrf), "the real reply");
    let r = h.request(
        "POST",
        &reply,
        &[
            ("Cookie", &s.cookie),
            ("Content-Type", &ctype),
            ("Origin", &o),
        ],
        &body,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let got = w.tenant.wait_count(1, T);
    let text = String::from_utf8_lossy(&decode_parts(&got[0].data)).into_owned();
    assert!(text.contains("the real reply"));
    wait_for("the reply to leave the queue", T, || {
        (w.gw.queue_len() == 0).then_some(())
    });
    assert_eq!(w.tenant.count(), 1, "a refused reply was sent");
    assert!(
        !w.tenant
            .messages
            .lock()
            .unwrap()
            .iter()
            .any(|m| String::from_utf8_lossy(&decode_parts(&m.data)).contains("forged reply"))
    );
}

#[test]
fn a_reply_waits_rather_than_leave_without_verified_tls() {
    let w = PortalWorld::start("portal-web-reply-wait");
    // The organization's server stops offering TLS.
    w.tenant.behaviour.lock().unwrap().tls = None;
    send(&w, "pat@plain.test", "waits");
    let path = path_of_link(&w, 0);
    let s = log_in(&w, &path, &code_for(&w, &path, 1));
    let (ctype, body) = multipart(Some(&s.csrf), "a reply that must not go in plaintext");
    let r = w.https().request(
        "POST",
        &format!("{path}/reply"),
        &[
            ("Cookie", &s.cookie),
            ("Content-Type", &ctype),
            ("Origin", &origin(&w)),
        ],
        &body,
    );
    assert_eq!(r.status, 200, "the recipient is told it was received");
    assert!(r.text().contains("received"));
    // It is tried, refused for want of TLS, and waits in the queue.
    wait_for("the reply to be deferred", T, || {
        let out = w.gw.cli(&["queue", "list", "--json"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .any(|m| {
                m["pending_recipients"][0]["recipient"] == "dr.kim@riverbend.test"
                    && m["attempts"].as_u64() >= Some(1)
                    && m["last_error"].is_string()
            })
            .then_some(())
    });
    assert_eq!(w.tenant.count(), 0, "the reply left without verified TLS");
    assert!(
        w.portal_list().len() == 1,
        "the reply did not go to the portal"
    );
}

#[test]
fn forwarded_for_headers_do_not_escape_the_rate_limit() {
    let w = PortalWorld::start("portal-web-xff");
    let h = w.https();
    let mut limited = None;
    for i in 0..100 {
        let xff = format!("10.0.{}.{}", i / 250, i % 250);
        let r = h.get(
            "/m/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            &[("X-Forwarded-For", &xff), ("X-Real-IP", &xff)],
        );
        if r.status == 429 {
            limited = Some(i);
            assert!(r.header("retry-after").is_some());
            break;
        }
    }
    let n = limited.expect("100 requests from one address were never limited");
    assert!((50..=70).contains(&n), "limited after {n} requests");
}

#[test]
fn the_sender_hears_when_a_message_is_held_opened_and_expires_unread() {
    let w = PortalWorld::start_with(
        "portal-web-notices",
        true,
        "notify_sender = true\nretention = \"8s\"",
    );
    send(&w, "pat@plain.test", "opened");
    let path = path_of_link(&w, 0);
    log_in(&w, &path, &code_for(&w, &path, 1));
    send(&w, "other@plain.test", "unread");
    // Held (twice), opened (once), expired unread (once): four notices, in
    // plaintext-free TLS to the sender's own system, none with content.
    let got = w.tenant.wait_count(4, Duration::from_secs(40));
    let texts: Vec<String> = got
        .iter()
        .map(|m| String::from_utf8_lossy(&decode_parts(&m.data)).into_owned())
        .collect();
    let count = |s: &str| texts.iter().filter(|t| t.contains(s)).count();
    assert_eq!(
        count("Subject: Secure message held in the portal"),
        2,
        "{texts:#?}"
    );
    assert_eq!(count("Subject: Secure message opened"), 1, "{texts:#?}");
    assert_eq!(
        count("Subject: Secure message expired unread"),
        1,
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("expired") && t.contains("other@plain.test"))
    );
    for (m, t) in got.iter().zip(&texts) {
        assert!(m.tls);
        assert_eq!(m.rcpts, vec!["dr.kim@riverbend.test".to_string()]);
        assert!(!t.contains("Quartermaine"), "{t}");
    }
}
