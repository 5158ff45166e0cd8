//! The portal as a recipient uses it, in headless Chromium: a PHI message to
//! one recipient whose server verifies and one whose server speaks only
//! plaintext. The first gets it over TLS; the second gets a notification
//! at its sink, opens the link in the browser, asks for a code, reads it
//! from the next mail at the sink, enters it, reads the message, downloads
//! the attachment (same bytes), and replies with a file — which reaches the
//! sender's own mail system over verified TLS. The sender's HTML carries a
//! script, an `onerror` handler and a remote image pointing at a server
//! this test runs: none of them may run or load.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::browser::{Browser, BrowserOptions, spki_pin};
use common::portal::*;
use common::*;

const T: Duration = Duration::from_secs(30);

/// Counts every request that reaches it: nothing in a portal page may.
struct Tripwire {
    port: u16,
    hits: Arc<AtomicUsize>,
}

impl Tripwire {
    fn start() -> Tripwire {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let hits = Arc::new(AtomicUsize::new(0));
        let h = hits.clone();
        std::thread::spawn(move || {
            for s in l.incoming().flatten() {
                h.fetch_add(1, Ordering::SeqCst);
                let mut line = String::new();
                let mut r = BufReader::new(&s);
                let _ = r.read_line(&mut line);
                let _ = (&s).write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
            }
        });
        Tripwire { port, hits }
    }
}

const ATTACHMENT: &str = "name,mrn,test,value\r\nZebulon Quartermaine,MR623811104,HbA1c,7.9\r\n";

fn message(trap: u16) -> Vec<u8> {
    let html = format!(
        "<p>Dear Mr. Quartermaine,</p>\
         <p>Your <b>biopsy results</b> are attached. Patient: Zebulon Quartermaine, DOB 03/14/1961, MRN MR623811104.</p>\
         <p>Please call the clinic at your convenience to discuss the next steps.</p>\
         <script>window.__pwned = 1; fetch('http://127.0.0.1:{trap}/script');</script>\
         <img src=\"x\" onerror=\"window.__pwned = 2; fetch('http://127.0.0.1:{trap}/onerror')\">\
         <img src=\"http://127.0.0.1:{trap}/pixel.png\" alt=\"\">\
         <p>Dr. Ada Kim<br>Riverbend Oncology</p>"
    );
    let text = "Dear Mr. Quartermaine,\n\nYour biopsy results are attached. Patient: Zebulon Quartermaine, DOB 03/14/1961, MRN MR623811104.\n";
    crlf(
        format!(
            "From: Dr. Ada Kim <dr.kim@riverbend.test>\n\
To: pat@valid.test, pat@plain.test\n\
Subject: Your biopsy results\n\
Message-ID: <browser-1@riverbend.test>\n\
MIME-Version: 1.0\n\
Content-Type: multipart/mixed; boundary=outer\n\
\n\
--outer\n\
Content-Type: multipart/alternative; boundary=alt\n\
\n\
--alt\n\
Content-Type: text/plain; charset=utf-8\n\
\n\
{text}\n\
--alt\n\
Content-Type: text/html; charset=utf-8\n\
\n\
{html}\n\
--alt--\n\
--outer\n\
Content-Type: text/csv; name=labs.csv\n\
Content-Disposition: attachment; filename=labs.csv\n\
Content-Transfer-Encoding: base64\n\
\n\
{}\n\
--outer--\n",
            common::browser::base64_encode(ATTACHMENT.as_bytes())
        )
        .as_bytes(),
    )
}

#[test]
fn a_recipient_reads_downloads_and_replies_in_a_real_browser() {
    let trap = Tripwire::start();
    let w = PortalWorld::start("portal-browser");
    let pin = spki_pin(&w.portal_cert.cert);
    let Some(b) = Browser::require(&BrowserOptions::trusting(&[pin])) else {
        eprintln!("skipped: no chromedriver");
        return;
    };
    let mut c = Client::connect(w.gw.addr());
    c.reply();
    c.cmd("EHLO client.test");
    let r = c.send_mail(
        "dr.kim@riverbend.test",
        &["pat@valid.test", "pat@plain.test"],
        &message(trap.port),
    );
    assert!(r.starts_with("250 "), "{r}");

    // The verifiable server gets the message over TLS; the other a notification.
    let got = w.valid.wait_count(1, T);
    assert!(got[0].tls);
    let note = w.plain_message(0);
    assert!(
        !note.contains("Quartermaine") && !note.contains("biopsy"),
        "{note}"
    );
    let link = link_in(&note);

    // Link -> landing -> "Email me a code".
    b.goto(&link).unwrap();
    b.wait_for("form[action$='/send'] button", T)
        .unwrap()
        .click()
        .unwrap();
    let input = b.wait_for("input#code", T).unwrap();
    assert_eq!(
        input.computed_label().unwrap(),
        b.find("label[for=code]").text().unwrap()
    );
    let code_mail = w.plain_message(1);
    let code = code_in(&code_mail);
    assert_eq!(code.len(), 8, "{code_mail}");
    assert!(!code_mail.contains("Quartermaine"));
    input.send_keys(&code).unwrap();
    b.find("form[action$='/verify'] button").click().unwrap();

    // The message.
    b.wait_for("article.message", T).unwrap();
    b.wait_until(
        "the page to finish loading",
        T,
        "return document.readyState === 'complete'",
    )
    .unwrap();
    let body = b.find("article.message").text().unwrap();
    assert!(body.contains("Your biopsy results"), "{body}");
    assert!(
        body.contains("Zebulon Quartermaine, DOB 03/14/1961"),
        "{body}"
    );
    assert!(body.contains("Dr. Ada Kim"), "{body}");
    // Nothing of the sender's active content ran or loaded.
    let pwned = b
        .execute(
            "return [typeof window.__pwned, document.querySelectorAll('script').length, \
             Array.from(document.images).map(i => i.getAttribute('src'))]",
            vec![],
        )
        .unwrap();
    assert_eq!(pwned[0], "undefined", "the sender's script ran: {pwned}");
    assert_eq!(pwned[1], 0, "a script element reached the page: {pwned}");
    // Images may stay, but with no source outside the portal.
    assert!(
        pwned[2]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.is_null() || s.as_str().is_some_and(|s| s.starts_with(&w.base_url))),
        "an image kept a foreign source: {pwned}"
    );
    assert_eq!(
        trap.hits.load(Ordering::SeqCst),
        0,
        "the page reached another server"
    );

    // The session cookie's flags, as the browser stored them.
    let cookie = b
        .cookie("__Host-sg_session")
        .unwrap()
        .expect("session cookie");
    assert_eq!(cookie["httpOnly"], true, "{cookie}");
    assert_eq!(cookie["secure"], true, "{cookie}");
    assert_eq!(cookie["sameSite"], "Strict", "{cookie}");

    // A phone-size screenshot, kept as a test artifact.
    let png = b.screenshot_png().unwrap();
    assert_eq!(common::browser::png_size(&png), Some((390, 844)));
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-message-phone.png");
    std::fs::write(&out, &png).unwrap();
    eprintln!("screenshot: {}", out.display());

    // The attachment, downloaded, is the attachment.
    b.find("a[href$='/a/0']").click().unwrap();
    let file = b.wait_for_download(Some("labs.csv"), T).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), ATTACHMENT.as_bytes());

    // A secure reply with a file, to the sender's own system over TLS.
    let upload = w.dir.join("insurance-card.txt");
    std::fs::write(&upload, b"member id 0042-7781\n").unwrap();
    b.find("textarea#reply-text")
        .send_keys("Thank you, Dr. Kim. I will call on Monday.")
        .unwrap();
    b.find("input#reply-file")
        .send_keys(upload.to_str().unwrap())
        .unwrap();
    b.find("form[action$='/reply'] button").click().unwrap();
    b.wait_until(
        "the reply's receipt",
        T,
        "return document.body.innerText.includes('received')",
    )
    .unwrap();
    let replies = w.tenant.wait_count(1, T);
    assert!(replies[0].tls, "the reply went in plaintext");
    assert_eq!(replies[0].rcpts, vec!["dr.kim@riverbend.test".to_string()]);
    let reply = String::from_utf8_lossy(&decode_parts(&replies[0].data)).into_owned();
    assert!(reply.contains("Reply-To: pat@plain.test"), "{reply}");
    assert!(
        reply.contains("In-Reply-To: <browser-1@riverbend.test>"),
        "{reply}"
    );
    assert!(
        reply.contains("Thank you, Dr. Kim. I will call on Monday."),
        "{reply}"
    );
    assert!(reply.contains("member id 0042-7781"), "{reply}");

    // Every step is in the audit log, without content.
    let audit = w.gw.audit();
    for e in [
        "portal_stored",
        "portal_notified",
        "portal_code_sent",
        "portal_code_accepted",
        "portal_opened",
        "portal_downloaded",
        "portal_replied",
    ] {
        assert!(audit.iter().any(|a| a["event"] == e), "no {e} event");
    }
    let log = w.gw.audit_text();
    assert!(!log.contains("Quartermaine") && !log.contains(&code));
}
