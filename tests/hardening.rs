//! Hardening (issue 2, point 4) over real sockets: the sealgate binary
//! between a byte-exact SMTP client and an SMTP sink.
//!
//! Every test asserts the exact reply class and enhanced code and what the
//! sink did or did not receive. To show that something did NOT arrive, a
//! control message is sent afterwards on a fresh connection; once it has
//! arrived and the queue is empty, the sink holds everything that was ever
//! accepted, so the forbidden message is checked against that.

mod common;

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::*;

const T: Duration = Duration::from_secs(20);
const LOCAL2: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);
const LOCAL3: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 3);

/// The six SMTP smuggling terminators of CVE-2023-51764/5/6.
const VARIANTS: [(&str, &[u8]); 6] = [
    ("LF.LF", b"\n.\n"),
    ("LF.CRLF", b"\n.\r\n"),
    ("CRLF.LF", b"\r\n.\n"),
    ("CR.CR", b"\r.\r"),
    ("CR.CRLF", b"\r.\r\n"),
    ("CRLF.CR", b"\r\n.\r"),
];

const SMUGGLED: &[u8] = b"MAIL FROM:<evil@x.test>\r\nRCPT TO:<victim@sink.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n";

// ---------------------------------------------------------------- helpers

/// The content a smuggler sends after DATA, without the real terminator.
fn smuggle_content(variant: &[u8]) -> Vec<u8> {
    let mut p = b"Subject: x\r\n\r\nhello".to_vec();
    p.extend_from_slice(variant);
    p.extend_from_slice(SMUGGLED);
    p
}

/// The same, ended by the real CRLF.CRLF.
fn smuggle_payload(variant: &[u8]) -> Vec<u8> {
    let mut p = smuggle_content(variant);
    p.extend_from_slice(b"\r\n.\r\n");
    p
}

fn expect(reply: &str, prefix: &str, what: &str) {
    assert!(
        reply.starts_with(prefix),
        "{what}: expected a reply starting {prefix:?}, got {reply:?}"
    );
}

fn connect(gw: &Gateway, from: Option<Ipv4Addr>) -> Client {
    let mut c = Client::connect_from(gw.addr(), from);
    expect(&c.reply(), "220 gw.test", "banner");
    c
}

/// Connected, greeted and past EHLO.
fn session(gw: &Gateway) -> Client {
    let mut c = connect(gw, None);
    expect(&c.cmd("EHLO client.test"), "250", "EHLO");
    c
}

/// Connected, past EHLO, MAIL and one RCPT.
fn in_transaction(gw: &Gateway, rcpt: &str) -> Client {
    let mut c = session(gw);
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250 2.1.0", "MAIL");
    expect(&c.cmd(&format!("RCPT TO:<{rcpt}>")), "250 2.1.5", "RCPT");
    c
}

/// The session is still in step with the client: a NOOP gets exactly the NOOP reply.
fn assert_in_sync(c: &mut Client, what: &str) {
    let r = c.cmd("NOOP");
    assert_eq!(r, "250 2.0.0 Ok", "{what}: session out of step after it");
}

/// Asserts the server closes the connection within `bound` (the client's own
/// read timeout is 20 s, so a quick "closed" is a real close).
fn assert_closed_within(c: &mut Client, bound: Duration, what: &str) {
    let t = Instant::now();
    assert!(c.closed(), "{what}: server sent more instead of closing");
    assert!(
        t.elapsed() < bound,
        "{what}: connection not closed within {bound:?} (took {:?})",
        t.elapsed()
    );
}

/// Sends one BDAT chunk (size computed here) and returns the reply.
fn bdat(c: &mut Client, chunk: &[u8], last: bool) -> String {
    let mut w = format!(
        "BDAT {}{}\r\n",
        chunk.len(),
        if last { " LAST" } else { "" }
    )
    .into_bytes();
    w.extend_from_slice(chunk);
    c.send(&w);
    c.reply()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Offsets of every CR not followed by LF and every LF not preceded by CR.
fn bare_newlines(d: &[u8]) -> Vec<usize> {
    (0..d.len())
        .filter(|&i| {
            (d[i] == b'\n' && (i == 0 || d[i - 1] != b'\r'))
                || (d[i] == b'\r' && d.get(i + 1) != Some(&b'\n'))
        })
        .collect()
}

/// Sends a control message on a fresh connection, waits until it has
/// arrived and the queue is empty, and returns everything the sink holds.
fn control(gw: &Gateway, sink: &Sink, tag: &str) -> Vec<Received> {
    let mut c = connect(gw, None);
    let r = c.send_mail(
        "control@tenant.test",
        &["control@sink.test"],
        format!("Subject: {tag}\r\n\r\ncontrol\r\n").as_bytes(),
    );
    expect(&r, "250 2.0.0", "control message");
    wait_for(&format!("control message {tag:?} at the sink"), T, || {
        let m = sink.messages.lock().unwrap();
        m.iter()
            .any(|m| contains(&m.data, format!("Subject: {tag}").as_bytes()))
            .then_some(())
    });
    wait_for("empty queue after the control message", T, || {
        (gw.queue_len() == 0).then_some(())
    });
    sink.messages.lock().unwrap().clone()
}

fn is_control(m: &Received) -> bool {
    m.from == "control@tenant.test"
}

fn assert_no_victim(msgs: &[Received]) {
    for m in msgs {
        assert!(
            !m.rcpts.iter().any(|r| r == "victim@sink.test") && m.from != "evil@x.test",
            "a smuggled transaction reached the sink: from {:?} to {:?}",
            m.from,
            m.rcpts
        );
        assert!(
            !contains(&m.data, b"Subject: smuggled\r\n\r\nevil") || m.rcpts == ["bob@sink.test"],
            "smuggled content delivered as its own message: {:?}",
            m.rcpts
        );
    }
}

fn assert_healthy(gw: &mut Gateway) {
    assert!(gw.is_running(), "gateway process died; log:\n{}", gw.log());
    let log = gw.log();
    assert!(
        !log.contains("panicked"),
        "the gateway log shows a panic:\n{}",
        log.lines()
            .filter(|l| l.contains("panicked"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A small deterministic PRNG (xorshift64*) for garbage bytes.
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    // Make sure the interesting bytes are there whatever the seed.
    for (i, b) in [0u8, 0xff, b'\r', b'\n', 0x80, 0xc3, b'.']
        .iter()
        .enumerate()
    {
        out[i * 97 % len] = *b;
    }
    out
}

/// A raw connection for bytes no SMTP client would send; errors are ignored.
fn raw(addr: SocketAddr, bytes: &[u8]) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = s.write_all(bytes);
    s
}

/// Reads and throws away whatever the server sends until it closes (or a timeout).
fn drain(mut s: TcpStream) -> Vec<u8> {
    let mut all = Vec::new();
    let mut buf = [0u8; 8192];
    let end = Instant::now() + Duration::from_secs(10);
    while Instant::now() < end {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => all.extend_from_slice(&buf[..n]),
        }
    }
    all
}

/// Connects from `from`, retrying while the gateway still counts connections
/// that were just closed (the harness's banner probe, an earlier client):
/// the slot is released asynchronously.
fn connect_admitted(gw: &Gateway, from: Option<Ipv4Addr>) -> Client {
    wait_for("a connection slot", T, || {
        let mut c = Client::connect_from(gw.addr(), from);
        let r = c.reply();
        if r.starts_with("220") {
            Some(c)
        } else {
            assert!(r.starts_with("421 4.7.0"), "unexpected banner {r:?}");
            None
        }
    })
}

/// A client that pipelines NOOPs and never reads a reply, from a thread;
/// the returned socket keeps the connection open.
/// Retries until the connection is admitted (its banner is 220).
fn flood_without_reading(addr: SocketAddr) -> (TcpStream, std::thread::JoinHandle<u64>) {
    let s = wait_for("an admitted connection for the flooder", T, || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut banner = [0u8; 3];
        s.read_exact(&mut banner).ok()?;
        (&banner == b"220").then_some(s)
    });

    let mut w = s.try_clone().unwrap();
    w.set_write_timeout(Some(Duration::from_secs(3))).unwrap();
    let h = std::thread::spawn(move || {
        let chunk = b"NOOP\r\n".repeat(10_000);
        let mut sent = 0u64;
        // Until the server stops reading (the write blocks) or closes; at most 200 MB.
        while sent < 200 << 20 {
            if w.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    (s, h)
}

// ---------------------------------------------------------------- 1. SMTP smuggling

/// SMTP smuggling (CVE-2023-51764/5/6), default `bare_newline = "reject"`:
/// each of the six fake terminators inside DATA must neither end the data
/// nor let the bytes after it run as commands. 127.0.0.1 is in
/// `allowed_networks`: trusted clients get no exemption. The message is
/// refused with 554 5.6.0, the session stays in step, and neither the
/// carrier nor the smuggled message reaches the sink.
#[test]
fn smuggling_variants_in_data_are_refused_by_default() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("smuggle-reject", &sink.route("sink.test"));
    for (name, v) in VARIANTS {
        let mut c = in_transaction(&gw, "bob@sink.test");
        expect(&c.cmd("DATA"), "354", name);
        c.send(&smuggle_payload(v));
        let r = c.reply();
        expect(
            &r,
            "554 5.6.0",
            &format!("variant {name}: reply to the data"),
        );
        // Had DATA ended at the fake terminator, the next replies would be
        // those of the smuggled MAIL/RCPT/DATA, not the NOOP's.
        assert_in_sync(&mut c, &format!("variant {name}"));
        expect(&c.cmd("QUIT"), "221", name);
    }
    let msgs = control(&gw, &sink, "control-smuggle-reject");
    assert_no_victim(&msgs);
    let others: Vec<_> = msgs.iter().filter(|m| !is_control(m)).collect();
    assert!(
        others.is_empty(),
        "refused messages reached the sink: {:?}",
        others
            .iter()
            .map(|m| (&m.from, &m.rcpts))
            .collect::<Vec<_>>()
    );
}

/// SMTP smuggling with `bare_newline = "normalize"`: each variant yields
/// exactly one message whose bare CR/LF became CRLF; the smuggled commands
/// are only content (dot-stuffed on the way out, so the next hop does not
/// end the data there either), the sink never sees a transaction for the
/// victim, and the session stays in step.
#[test]
fn smuggling_variants_in_data_are_only_content_when_normalized() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "smuggle-normalize",
        &format!(
            "[limits]\nbare_newline = \"normalize\"\n\n{}",
            sink.route("sink.test")
        ),
    );
    for (i, (name, v)) in VARIANTS.iter().enumerate() {
        let mut c = in_transaction(&gw, "bob@sink.test");
        expect(&c.cmd("DATA"), "354", name);
        // Split the write inside the fake terminator: the reader must carry
        // its state across reads.
        let payload = smuggle_payload(v);
        let cut = b"Subject: x\r\n\r\nhello".len() + 1;
        c.send(&payload[..cut]);
        c.send(&payload[cut..]);
        expect(
            &c.reply(),
            "250 2.0.0 Ok: queued",
            &format!("variant {name}: reply to the data"),
        );
        assert_in_sync(&mut c, &format!("variant {name}"));
        expect(&c.cmd("QUIT"), "221", name);
        let msgs = sink.wait_count(i + 1, T);
        let m = &msgs[i];
        assert_eq!(m.from, "alice@tenant.test", "variant {name}");
        assert_eq!(m.rcpts, ["bob@sink.test"], "variant {name}");
        let bare = bare_newlines(&m.data);
        assert!(
            bare.is_empty(),
            "variant {name}: bare CR/LF at {bare:?} in {:?}",
            String::from_utf8_lossy(&m.data)
        );
        assert!(
            contains(&m.data, b"hello\r\n")
                && contains(&m.data, b"MAIL FROM:<evil@x.test>\r\nRCPT TO:<victim@sink.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n"),
            "variant {name}: the smuggled commands are not kept as content: {:?}",
            String::from_utf8_lossy(&m.data)
        );
    }
    let msgs = control(&gw, &sink, "control-smuggle-normalize");
    assert_no_victim(&msgs);
    assert_eq!(
        msgs.iter().filter(|m| !is_control(m)).count(),
        VARIANTS.len(),
        "exactly one message per variant"
    );
}

/// Bare LF/CR in BDAT chunks (RFC 3030 has no terminator, but the content is
/// relayed with DATA at the next hop, so the same bytes smuggle there):
/// refused with 554 5.6.0 in a LAST chunk and, early, in a non-LAST chunk
/// (whose transaction is then gone); a CRLF split across two chunks is
/// legitimate and accepted; a bare CR at the very end is bare.
#[test]
fn bare_newlines_in_bdat_are_refused_by_default() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("bdat-reject", &sink.route("sink.test"));
    for (name, v) in VARIANTS {
        let mut c = in_transaction(&gw, "bob@sink.test");
        let chunk = smuggle_content(v);
        c.send(format!("BDAT {} LAST\r\n", chunk.len()).as_bytes());
        c.send(&chunk);
        expect(&c.reply(), "554 5.6.0", &format!("BDAT LAST with {name}"));
        assert_in_sync(&mut c, &format!("BDAT LAST with {name}"));
    }
    // Non-LAST chunk: refused at once, and the rest of the message meets "need MAIL".
    let mut c = in_transaction(&gw, "bob@sink.test");
    let chunk = b"Subject: x\r\n\r\nhello\nworld\r\n";
    c.send(format!("BDAT {}\r\n", chunk.len()).as_bytes());
    c.send(chunk);
    expect(
        &c.reply(),
        "554 5.6.0",
        "non-LAST BDAT chunk with a bare LF",
    );
    expect(
        &bdat(&mut c, b"more\r\n", true),
        "503 5.5.1",
        "BDAT after a refused chunk",
    );
    assert_in_sync(&mut c, "refused BDAT chunk");
    // A bare CR as the very last byte of the message.
    let mut c = in_transaction(&gw, "bob@sink.test");
    let r = bdat(&mut c, b"Subject: x\r\n\r\nhello\r", true);
    expect(&r, "554 5.6.0", "BDAT ending in a bare CR");
    // CRLF split across chunks is fine.
    let mut c = in_transaction(&gw, "bob@sink.test");
    let r = bdat(&mut c, b"Subject: x\r\n\r\nhello\r", false);
    expect(&r, "250", "first chunk ending in CR");
    let r = bdat(&mut c, b"\nbye\r\n", true);
    expect(&r, "250 2.0.0 Ok: queued", "CRLF split across chunks");
    let got = sink.wait_count(1, T).remove(0);
    assert!(
        got.data.ends_with(b"Subject: x\r\n\r\nhello\r\nbye\r\n"),
        "{:?}",
        String::from_utf8_lossy(&got.data)
    );
    let msgs = control(&gw, &sink, "control-bdat-reject");
    assert_no_victim(&msgs);
    assert_eq!(
        msgs.iter().filter(|m| !is_control(m)).count(),
        1,
        "only the split-CRLF message may be delivered"
    );
}

/// BDAT with `bare_newline = "normalize"`: the smuggling payload is relayed
/// as one message without bare CR/LF and the next hop sees no second
/// transaction.
#[test]
fn bare_newlines_in_bdat_are_normalized_when_configured() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "bdat-normalize",
        &format!(
            "[limits]\nbare_newline = \"normalize\"\n\n{}",
            sink.route("sink.test")
        ),
    );
    for (i, (name, v)) in VARIANTS.iter().enumerate() {
        let mut c = in_transaction(&gw, "bob@sink.test");
        let chunk = smuggle_content(v);
        c.send(format!("BDAT {} LAST\r\n", chunk.len()).as_bytes());
        c.send(&chunk);
        expect(&c.reply(), "250 2.0.0 Ok: queued", &format!("BDAT {name}"));
        assert_in_sync(&mut c, &format!("BDAT {name}"));
        let m = sink.wait_count(i + 1, T).remove(i);
        assert_eq!(m.rcpts, ["bob@sink.test"], "BDAT {name}");
        assert!(
            bare_newlines(&m.data).is_empty(),
            "BDAT {name}: bare CR/LF left in {:?}",
            String::from_utf8_lossy(&m.data)
        );
        assert!(
            contains(&m.data, b"RCPT TO:<victim@sink.test>\r\n"),
            "BDAT {name}"
        );
    }
    let msgs = control(&gw, &sink, "control-bdat-normalize");
    assert_no_victim(&msgs);
    assert_eq!(
        msgs.iter().filter(|m| !is_control(m)).count(),
        VARIANTS.len()
    );
}

// ---------------------------------------------------------------- 2. STARTTLS injection

/// CVE-2011-0411 class: plaintext pipelined after STARTTLS (written by a
/// man in the middle in the same packet) must be discarded, not run inside
/// the TLS session. After the handshake the injected MAIL has no effect:
/// RCPT right after EHLO gets 503, and the client's own MAIL works.
#[test]
fn plaintext_pipelined_after_starttls_is_discarded() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("starttls-inject");
    let pki = Pki::new(&dir, "gw");
    let leaf = pki.leaf("server", &["gw.test"], false);
    let gw = Gateway::start_in(
        dir,
        &format!("{}\n{}", leaf.tls_section(), sink.route("sink.test")),
    );
    let mut c = session(&gw);
    c.send(b"STARTTLS\r\nMAIL FROM:<injected@x.test>\r\n");
    expect(&c.reply(), "220", "STARTTLS");
    c.upgrade(client_tls(&pki.ca_pem, None), "gw.test");
    // Had the injected MAIL run after the handshake, its reply would come first.
    expect(&c.cmd("EHLO client.test"), "250", "EHLO after TLS");
    expect(
        &c.cmd("RCPT TO:<bob@sink.test>"),
        "503 5.5.1",
        "RCPT without the client's own MAIL",
    );
    let r = c.transaction(
        "alice@tenant.test",
        &["bob@sink.test"],
        b"Subject: t\r\n\r\nx\r\n",
    );
    expect(&r, "250 2.0.0", "the client's own transaction");
    let got = sink.wait_count(1, T).remove(0);
    assert_eq!(got.from, "alice@tenant.test");
    assert!(String::from_utf8_lossy(&got.data).contains("with ESMTPS"));
    let msgs = control(&gw, &sink, "control-starttls");
    assert!(
        msgs.iter().all(|m| m.from != "injected@x.test"),
        "the injected sender was used"
    );
    assert!(
        gw.log()
            .contains("discarded plaintext pipelined after STARTTLS"),
        "no log line for the discarded bytes"
    );
}

// ---------------------------------------------------------------- 3. command lines

/// Command lines longer than `max_command_line` answer 500 5.5.2 and are
/// skipped up to their end (also when far larger than the read buffer), so
/// the session stays in step; commands must end in CRLF: a bare LF or a CR
/// inside the line is refused with 500 5.5.2 and the command is not run.
#[test]
fn overlong_and_bare_newline_command_lines_are_refused() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "cmdline",
        &format!(
            "[limits]\nmax_command_line = 512\nmax_errors = 100\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = session(&gw);
    // 510 octets + CRLF = 512: the RFC 5321 maximum is fine.
    expect(
        &c.cmd(&format!("NOOP {}", "x".repeat(505))),
        "250",
        "512-octet line",
    );
    let r = c.cmd(&format!("NOOP {}", "x".repeat(600)));
    expect(&r, "500 5.5.2", "600-octet command line");
    assert_in_sync(&mut c, "600-octet line");
    // Far beyond the read buffer, pipelined with the next command.
    let mut w = format!("MAIL FROM:<{}@tenant.test>", "a".repeat(200_000)).into_bytes();
    w.extend_from_slice(b"\r\nNOOP\r\n");
    c.send(&w);
    expect(&c.reply(), "500 5.5.2", "200 kB command line");
    assert_eq!(
        c.reply(),
        "250 2.0.0 Ok",
        "NOOP pipelined after the long line"
    );
    // The over-long MAIL was not run.
    expect(
        &c.cmd("RCPT TO:<bob@sink.test>"),
        "503 5.5.1",
        "RCPT after refused MAIL",
    );
    // Bare LF, and a bare CR inside a line.
    c.send(b"MAIL FROM:<alice@tenant.test>\n");
    expect(&c.reply(), "500 5.5.2", "bare-LF command");
    expect(
        &c.cmd("RCPT TO:<bob@sink.test>"),
        "503 5.5.1",
        "RCPT after bare-LF MAIL",
    );
    c.send(b"NOOP\rMAIL FROM:<alice@tenant.test>\r\n");
    expect(&c.reply(), "500 5.5.2", "CR inside a command line");
    expect(
        &c.cmd("RCPT TO:<bob@sink.test>"),
        "503 5.5.1",
        "RCPT after CR-smuggled MAIL",
    );
    assert_in_sync(&mut c, "bare newlines");
    let r = c.transaction(
        "alice@tenant.test",
        &["bob@sink.test"],
        b"Subject: ok\r\n\r\nx\r\n",
    );
    expect(&r, "250 2.0.0", "a normal transaction afterwards");
    sink.wait_count(1, T);
}

/// RFC 5321 §4.5.3.1.4 counts the CRLF in the 512-octet command line limit,
/// as `max_line_length` does for text lines: with `max_command_line = 512`
/// a 513-octet line (511 + CRLF) must be refused.
#[test]

fn command_line_limit_counts_the_crlf() {
    let gw = Gateway::start("cmdline-edge", "[limits]\nmax_command_line = 512\n");
    let mut c = session(&gw);
    expect(
        &c.cmd(&format!("NOOP {}", "x".repeat(505))),
        "250",
        "512 octets",
    );
    let r = c.cmd(&format!("NOOP {}", "x".repeat(506)));
    expect(&r, "500 5.5.2", "513-octet command line (511 + CRLF)");
}

// ---------------------------------------------------------------- 4. text lines

/// RFC 5321 §4.5.3.1.6: text lines are at most 1000 octets with CRLF.
/// 998 characters + CRLF is delivered intact; 999 + CRLF is refused with
/// 554 5.6.0 in DATA and in BDAT, the session staying in step.
#[test]
fn text_lines_longer_than_the_limit_are_refused() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("textline", &sink.route("sink.test"));
    let ok_line = "y".repeat(998);
    let mut c = in_transaction(&gw, "bob@sink.test");
    expect(&c.cmd("DATA"), "354", "DATA");
    c.send(format!("Subject: long\r\n\r\n{ok_line}\r\n.\r\n").as_bytes());
    expect(&c.reply(), "250 2.0.0", "998 + CRLF");
    let got = sink.wait_count(1, T).remove(0);
    assert!(
        contains(&got.data, format!("\r\n{ok_line}\r\n").as_bytes()),
        "the 998-octet line was changed"
    );

    let bad_line = "z".repeat(999);
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
    expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
    expect(&c.cmd("DATA"), "354", "DATA");
    c.send(format!("Subject: toolong\r\n\r\n{bad_line}\r\n.\r\n").as_bytes());
    expect(&c.reply(), "554 5.6.0", "999 + CRLF in DATA");
    assert_in_sync(&mut c, "long line in DATA");
    // A 1 MB line, too.
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
    expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
    expect(&c.cmd("DATA"), "354", "DATA");
    c.send(format!("Subject: huge\r\n\r\n{}\r\n.\r\n", "h".repeat(1 << 20)).as_bytes());
    expect(&c.reply(), "554 5.6.0", "1 MB line in DATA");
    assert_in_sync(&mut c, "1 MB line in DATA");
    // BDAT.
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
    expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
    let chunk = format!("Subject: toolong-bdat\r\n\r\n{bad_line}\r\n");
    c.send(format!("BDAT {} LAST\r\n{chunk}", chunk.len()).as_bytes());
    expect(&c.reply(), "554 5.6.0", "999 + CRLF in BDAT");
    assert_in_sync(&mut c, "long line in BDAT");

    let msgs = control(&gw, &sink, "control-textline");
    assert_eq!(
        msgs.iter().filter(|m| !is_control(m)).count(),
        1,
        "a message with an over-long line was delivered"
    );
}

// ---------------------------------------------------------------- 5. message size

/// Message size: a SIZE= above `max_message_size` is refused at MAIL with
/// 552 5.3.4 (exactly the limit is fine); content above the limit without
/// SIZE, or with a lying SIZE, or in BDAT, is refused with 552 5.3.4 after
/// the data and never delivered; the session continues.
#[test]
fn message_size_limit_declared_and_actual() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "size",
        &format!(
            "[limits]\nmax_message_size = 10000\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = connect(&gw, None);
    let ehlo = c.cmd("EHLO client.test");
    assert!(ehlo.contains("SIZE 10000"), "{ehlo}");
    expect(
        &c.cmd("MAIL FROM:<alice@tenant.test> SIZE=10001"),
        "552 5.3.4",
        "declared SIZE above the limit",
    );
    expect(
        &c.cmd("MAIL FROM:<alice@tenant.test> SIZE=10000"),
        "250 2.1.0",
        "declared SIZE at the limit",
    );
    expect(&c.cmd("RSET"), "250", "RSET");

    // Exactly the limit of content is accepted.
    let exact = {
        let mut b = b"Subject: exact\r\n\r\n".to_vec();
        while b.len() < 10_000 - 100 {
            b.extend_from_slice(&[b'e'; 98]);
            b.extend_from_slice(b"\r\n");
        }
        let fill = 10_000 - b.len() - 2;
        b.extend_from_slice(&vec![b'e'; fill]);
        b.extend_from_slice(b"\r\n");
        assert_eq!(b.len(), 10_000);
        b
    };
    let r = c.transaction("alice@tenant.test", &["bob@sink.test"], &exact);
    expect(&r, "250 2.0.0", "content of exactly max_message_size");
    sink.wait_count(1, T);

    let big = {
        let mut b = b"Subject: big\r\n\r\n".to_vec();
        for _ in 0..200 {
            b.extend_from_slice(&[b'b'; 98]);
            b.extend_from_slice(b"\r\n");
        }
        b
    };
    let r = c.transaction("alice@tenant.test", &["bob@sink.test"], &big);
    expect(&r, "552 5.3.4", "20 kB without SIZE");
    assert_in_sync(&mut c, "oversized DATA");
    // A SIZE that lies.
    expect(
        &c.cmd("MAIL FROM:<alice@tenant.test> SIZE=100"),
        "250",
        "MAIL SIZE=100",
    );
    expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
    expect(&c.cmd("DATA"), "354", "DATA");
    let mut w = big.clone();
    w.extend_from_slice(b".\r\n");
    c.send(&w);
    expect(&c.reply(), "552 5.3.4", "20 kB after SIZE=100");
    assert_in_sync(&mut c, "lying SIZE");
    // BDAT, in one LAST chunk and over several chunks.
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
    expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
    c.send(format!("BDAT {} LAST\r\n", big.len()).as_bytes());
    c.send(&big);
    expect(&c.reply(), "552 5.3.4", "20 kB BDAT LAST");
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
    expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
    let lines = format!("{}\r\n", "c".repeat(98)).repeat(80);
    expect(
        &bdat(&mut c, lines.as_bytes(), false),
        "250",
        "first 8000-octet chunk",
    );
    let r = bdat(&mut c, lines.as_bytes(), false);
    expect(&r, "552 5.3.4", "second chunk crosses the limit");
    assert_in_sync(&mut c, "oversized BDAT");

    let msgs = control(&gw, &sink, "control-size");
    let others: Vec<_> = msgs.iter().filter(|m| !is_control(m)).collect();
    assert_eq!(others.len(), 1, "an oversized message was delivered");
    assert!(contains(&others[0].data, b"Subject: exact\r\n"));
}

// ---------------------------------------------------------------- 6. recipients

/// Recipient limit: with `max_recipients = 3` the 4th RCPT gets the
/// temporary 452 4.5.3 (RFC 5321 §4.5.3.1.10: the client sends the rest
/// later) and the message goes to the first three only.
#[test]
fn recipient_limit() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "rcptlimit",
        &format!(
            "[limits]\nmax_recipients = 3\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = session(&gw);
    expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
    for r in ["r1", "r2", "r3"] {
        expect(&c.cmd(&format!("RCPT TO:<{r}@sink.test>")), "250 2.1.5", r);
    }
    expect(
        &c.cmd("RCPT TO:<r4@sink.test>"),
        "452 4.5.3",
        "4th recipient",
    );
    expect(
        &c.cmd("RCPT TO:<r5@sink.test>"),
        "452 4.5.3",
        "5th recipient",
    );
    expect(&c.cmd("DATA"), "354", "DATA");
    c.send(b"Subject: many\r\n\r\nx\r\n.\r\n");
    expect(&c.reply(), "250 2.0.0", "data");
    let msgs = control(&gw, &sink, "control-rcpt");
    let mut rcpts: Vec<String> = msgs
        .iter()
        .filter(|m| !is_control(m))
        .flat_map(|m| m.rcpts.clone())
        .collect();
    rcpts.sort();
    assert_eq!(rcpts, ["r1@sink.test", "r2@sink.test", "r3@sink.test"]);
}

// ---------------------------------------------------------------- 7. connection limits

/// Per-address connection limit: with `max_connections_per_ip = 2` a third
/// concurrent connection from 127.0.0.1 gets 421 4.7.0 and is closed,
/// while 127.0.0.2 is still served; the slot comes back when a session ends.
#[test]
fn connection_limit_per_address() {
    let gw = Gateway::start("connlimit-ip", "[limits]\nmax_connections_per_ip = 2\n");
    let mut a = connect_admitted(&gw, None);
    let _b = connect_admitted(&gw, None);
    let mut c = Client::connect(gw.addr());
    expect(&c.reply(), "421 4.7.0", "third connection from 127.0.0.1");
    assert_closed_within(&mut c, Duration::from_secs(5), "refused connection");
    let mut other = Client::connect_from(gw.addr(), Some(LOCAL2));
    expect(&other.reply(), "220 gw.test", "connection from 127.0.0.2");
    expect(&other.cmd("EHLO other.test"), "250", "EHLO from 127.0.0.2");
    // The admitted sessions were not disturbed.
    assert_in_sync(&mut a, "first session");
    expect(&a.cmd("QUIT"), "221", "QUIT");
    drop(a);
    let mut again = connect_admitted(&gw, None);
    assert_in_sync(&mut again, "after a slot was freed");
}

/// Total connection limit: with `max_connections = 2` a third connection,
/// from any address, gets 421 4.7.0 and is closed.
#[test]
fn connection_limit_total() {
    let gw = Gateway::start("connlimit-total", "[limits]\nmax_connections = 2\n");
    let _a = connect_admitted(&gw, None);
    let _b = connect_admitted(&gw, Some(LOCAL2));
    let mut c = Client::connect_from(gw.addr(), Some(LOCAL3));
    expect(&c.reply(), "421 4.7.0", "third connection in total");
    assert_closed_within(&mut c, Duration::from_secs(5), "refused connection");
    let mut d = Client::connect(gw.addr());
    expect(&d.reply(), "421 4.7.0", "another connection from 127.0.0.1");
}

// ---------------------------------------------------------------- 8. timeouts

/// Command timeout: an idle client gets 421 4.4.2 after `command_timeout`
/// and is disconnected, so idle sessions cannot hold connection slots.
#[test]
fn idle_client_times_out() {
    let gw = Gateway::start("cmd-timeout", "[limits]\ncommand_timeout = \"1s\"\n");
    let mut c = session(&gw);
    let t = Instant::now();
    let r = c.reply();
    expect(&r, "421 4.4.2", "idle client");
    let waited = t.elapsed();
    assert!(
        waited >= Duration::from_millis(800) && waited < Duration::from_secs(5),
        "timeout after {waited:?}, configured 1s"
    );
    assert_closed_within(&mut c, Duration::from_secs(2), "after the timeout");
    // Also in the middle of a command line.
    let mut c = session(&gw);
    c.send(b"MAIL FROM:<alice@");
    expect(&c.reply(), "421 4.4.2", "half a command line");
    assert_closed_within(&mut c, Duration::from_secs(2), "after the timeout");
}

/// Data timeout: a client that stalls in the middle of DATA (or of a BDAT
/// chunk) gets 421 4.4.2, is disconnected, and nothing of the message is
/// queued or delivered.
#[test]
fn stalled_data_times_out_and_nothing_is_queued() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "data-timeout",
        &format!(
            "[limits]\ndata_timeout = \"1s\"\n\n{}",
            sink.route("sink.test")
        ),
    );
    let mut c = in_transaction(&gw, "bob@sink.test");
    expect(&c.cmd("DATA"), "354", "DATA");
    c.send(b"Subject: stalled\r\n\r\nhalf a mess");
    let t = Instant::now();
    expect(&c.reply(), "421 4.4.2", "stalled DATA");
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "took {:?}",
        t.elapsed()
    );
    assert_closed_within(&mut c, Duration::from_secs(2), "after the DATA timeout");
    assert_eq!(gw.queue_len(), 0, "a partial message was queued");

    let mut c = in_transaction(&gw, "bob@sink.test");
    c.send(b"BDAT 100 LAST\r\nSubject: stalled-bdat\r\n");
    expect(&c.reply(), "421 4.4.2", "stalled BDAT chunk");
    assert_closed_within(&mut c, Duration::from_secs(2), "after the BDAT timeout");

    let msgs = control(&gw, &sink, "control-data-timeout");
    assert!(
        msgs.iter().all(is_control),
        "a stalled message was delivered"
    );
}

/// A client that pipelines commands but never reads the replies blocks the
/// server's writes. That must be bounded by a timeout too, or such a
/// client holds its connection slot (and per-address slot) forever:
/// with `command_timeout = "1s"` and one connection per address, a new
/// connection from the same address must be served again soon.
#[test]

fn client_that_never_reads_does_not_hold_its_slot_forever() {
    let gw = Gateway::start(
        "write-stall",
        "[limits]\ncommand_timeout = \"1s\"\nmax_connections_per_ip = 1\n",
    );

    let (stream, writer) = flood_without_reading(gw.addr());
    let sent = writer.join().unwrap();
    assert!(sent > 0);
    // The flooder's session now blocks writing replies nobody reads.
    let mut c = connect_admitted(&gw, None);
    assert_in_sync(&mut c, "session after the stalled writer");
    drop(stream);
}

// ---------------------------------------------------------------- 9. repeated errors

/// Repeated errors: with `max_errors = 3` the third bad command is answered
/// and followed by 421 4.7.0, and the connection is closed; errors of any
/// kind count, and good commands in between do not reset the count.
#[test]
fn repeated_errors_disconnect() {
    let gw = Gateway::start("errors", "[limits]\nmax_errors = 3\n");
    let mut c = session(&gw);
    expect(&c.cmd("FOO"), "500 5.5.1", "1st bad command");
    expect(&c.cmd("BAR"), "500 5.5.1", "2nd bad command");
    expect(&c.cmd("BAZ"), "500 5.5.1", "3rd bad command");
    expect(&c.reply(), "421 4.7.0", "after the 3rd error");
    assert_closed_within(&mut c, Duration::from_secs(5), "after 421");

    let mut c = session(&gw);
    expect(
        &c.cmd("RCPT TO:<bob@sink.test>"),
        "503 5.5.1",
        "RCPT before MAIL",
    );
    assert_in_sync(&mut c, "between errors");
    c.send(b"NOOP\n");
    expect(&c.reply(), "500 5.5.2", "bare-LF command");
    expect(&c.cmd("MAIL FROM:<bad address>"), "501", "bad address");
    expect(&c.reply(), "421 4.7.0", "after mixed errors");
    assert_closed_within(&mut c, Duration::from_secs(5), "after 421");
}

// ---------------------------------------------------------------- 10. local failures

/// A local failure (here: the spool cannot be written, first its
/// `incoming/` then its `queue/` directory) must answer DATA and BDAT with 451
/// 4.3.0 so the tenant keeps the message and retries, never a 5xx that
/// bounces it. Once the spool is writable again the next message is
/// accepted. Works as root: the directory is replaced by a regular file.
#[test]
fn spool_failure_answers_4xx_and_recovers() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start("spool-fail", &sink.route("sink.test"));
    let spool = gw.dir.join("var/spool");
    for sub in ["incoming", "queue"] {
        let d = spool.join(sub);
        assert!(d.is_dir(), "{} missing", d.display());
        std::fs::remove_dir_all(&d).unwrap();
        std::fs::write(&d, b"not a directory").unwrap();
        let mut c = session(&gw);
        let r = c.transaction(
            "alice@tenant.test",
            &["bob@sink.test"],
            format!("Subject: lost-{sub}\r\n\r\nx\r\n").as_bytes(),
        );
        expect(
            &r,
            "451 4.3.0",
            &format!("DATA with spool/{sub} unwritable"),
        );
        // BDAT too.
        expect(&c.cmd("MAIL FROM:<alice@tenant.test>"), "250", "MAIL");
        expect(&c.cmd("RCPT TO:<bob@sink.test>"), "250", "RCPT");
        let chunk = format!("Subject: lost-bdat-{sub}\r\n\r\nx\r\n");
        expect(
            &bdat(&mut c, chunk.as_bytes(), true),
            "451 4.3.0",
            &format!("BDAT with spool/{sub} unwritable"),
        );
        assert_in_sync(&mut c, "after a local failure");
        std::fs::remove_file(&d).unwrap();
        std::fs::create_dir(&d).unwrap();
        let r = c.transaction(
            "alice@tenant.test",
            &["bob@sink.test"],
            format!("Subject: after-{sub}\r\n\r\nx\r\n").as_bytes(),
        );
        expect(&r, "250 2.0.0", &format!("after spool/{sub} was restored"));
    }
    let msgs = control(&gw, &sink, "control-spool");
    let mut subjects: Vec<String> = msgs
        .iter()
        .filter(|m| !is_control(m))
        .map(|m| {
            let t = String::from_utf8_lossy(&m.data).to_string();
            t.lines()
                .find(|l| l.starts_with("Subject: "))
                .unwrap_or("")
                .to_string()
        })
        .collect();
    subjects.sort();
    assert_eq!(
        subjects,
        ["Subject: after-incoming", "Subject: after-queue"]
    );
}

// ---------------------------------------------------------------- 11. robustness

/// Nothing from the network may panic the process or stall other sessions.
/// While a slow-loris session (half a command), a session stalled mid-DATA,
/// one stalled in the TLS handshake and one that never reads are open, and
/// connections of random bytes (NUL, 0xFF, invalid UTF-8, a 1 MB line, a
/// bogus TLS hello, a reset) come and go, a normal client still relays a
/// message promptly; afterwards the process is alive and never panicked.
#[test]
fn garbage_and_stalled_sessions_do_not_hurt_the_gateway() {
    let sink = Sink::start(Behaviour::default());
    let mut gw = Gateway::start("garbage", &sink.route("sink.test"));
    let addr = gw.addr();

    // Stalled sessions, kept open for the whole test.
    let mut loris = connect(&gw, None);
    loris.send(b"EHLO slow.test\r\nMAIL FROM:<al");
    let mut mid_data = in_transaction(&gw, "bob@sink.test");
    expect(&mid_data.cmd("DATA"), "354", "DATA");
    mid_data.send(b"Subject: never ends\r\n\r\npart");
    let mut tls_stall = session(&gw);
    expect(
        &tls_stall.cmd("STARTTLS"),
        "220",
        "STARTTLS (dev certificate)",
    );
    let (no_reader, _flooder) = flood_without_reading(addr);

    // Garbage connections.
    let mut junk = Vec::new();
    junk.push(raw(addr, &garbage(256 * 1024, 0x5eed)));
    let mut big = b"EHLO ".to_vec();
    big.extend_from_slice(
        &garbage(1 << 20, 7)
            .iter()
            .map(|b| if *b == b'\n' { b'x' } else { *b })
            .collect::<Vec<_>>(),
    );
    big.extend_from_slice(b"\r\nQUIT\r\n");
    junk.push(raw(addr, &big));
    junk.push(raw(
        addr,
        b"EHLO a\0b\r\nMAIL FROM:<\xff\xfe@x.test>\r\nRCPT TO:<\xc3\x28@x.test>\r\n\xff\xff\xff\xff\r\nNOOP\0\r\nBDAT 18446744073709551615 LAST\r\nabc",
    ));
    junk.push(raw(
        addr,
        b"EHLO x\r\nBDAT 99999999999999999999999\r\nBDAT -1\r\nDATA\r\n\r\n.\r\n",
    ));
    let mut tls_junk = b"EHLO x\r\nSTARTTLS\r\n".to_vec();
    tls_junk.extend_from_slice(&garbage(4096, 99));
    junk.push(raw(addr, &tls_junk));
    {
        // A reset right after the banner.
        let s = TcpStream::connect(addr).unwrap();
        let l = libc::linger {
            l_onoff: 1,
            l_linger: 0,
        };
        // SAFETY: setsockopt on a socket we own, with a valid linger struct.
        unsafe {
            libc::setsockopt(
                std::os::fd::AsRawFd::as_raw_fd(&s),
                libc::SOL_SOCKET,
                libc::SO_LINGER,
                &l as *const _ as *const libc::c_void,
                std::mem::size_of::<libc::linger>() as u32,
            )
        };
        drop(s);
    }
    // The invalid-UTF-8 command is answered, not fatal.
    let mut c = session(&gw);
    c.send(b"MAIL FROM:<\xff\xfe@x.test>\r\n");
    expect(&c.reply(), "500 5.5.2", "invalid UTF-8 command");
    c.send(b"NOOP\0\r\n");
    expect(&c.reply(), "500", "NUL in a command");
    assert_in_sync(&mut c, "garbage commands");

    // A normal session completes promptly meanwhile.
    let t = Instant::now();
    let mut ok = connect(&gw, None);
    let r = ok.send_mail(
        "alice@tenant.test",
        &["bob@sink.test"],
        b"Subject: normal\r\n\r\nfine\r\n",
    );
    expect(&r, "250 2.0.0", "normal session during the attack");
    let got = sink.wait_count(1, Duration::from_secs(10));
    assert!(contains(&got[0].data, b"Subject: normal"));
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "normal session took {:?}",
        t.elapsed()
    );
    for s in junk {
        drain(s);
    }
    // The stalled sessions are still served: they are waiting, not broken.
    loris.send(b"ice@tenant.test>\r\n");
    expect(&loris.reply(), "250", "slow-loris EHLO");
    expect(&loris.reply(), "250 2.1.0", "slow-loris MAIL");
    mid_data.send(b"\r\n.\r\n");
    expect(&mid_data.reply(), "250 2.0.0", "stalled DATA finished late");
    drop(tls_stall);
    drop(no_reader);
    sink.wait_count(2, T);
    let mut again = session(&gw);
    assert_in_sync(&mut again, "after the garbage");
    assert_healthy(&mut gw);
}

/// SMTPUTF8 makes UTF-8 in commands legitimate, so multi-byte characters
/// must be parsed, not sliced through. A real recipient such as
/// `josé.garcía@…` (a 2-byte character across byte 12 of the path) must be
/// accepted, and `MAIL ééé`, `RCPT ééé`, `RCPT TO:<ééééééé>` must get a 5xx
/// syntax reply, instead of the session task panicking on a string slice at
/// a byte index inside a character and dropping the connection.
#[test]
fn multibyte_utf8_in_commands_does_not_panic() {
    let sink = Sink::start(Behaviour::default());
    let mut gw = Gateway::start("utf8-panic", &sink.route("tenant.test"));
    let mut c = session(&gw);
    expect(
        &c.cmd("MAIL FROM:<alice@tenant.test> SMTPUTF8"),
        "250",
        "MAIL",
    );
    let r = c.cmd("RCPT TO:<josé.garcía@tenant.test>");
    expect(
        &r,
        "250 2.1.5",
        "RCPT TO:<josé.garcía@tenant.test> (legitimate, SMTPUTF8)",
    );
    assert_in_sync(&mut c, "after a UTF-8 recipient");
    for (line, what) in [
        ("MAIL ééé", "MAIL with a 2-byte char across FROM:"),
        ("RCPT ééé", "RCPT with a 2-byte char across TO:"),
        (
            "RCPT TO:<ééééééé>",
            "RCPT <ééééééé> (byte 12 inside a char)",
        ),
    ] {
        let mut c = session(&gw);
        expect(&c.cmd(line), "501", what);
        assert_in_sync(&mut c, what);
    }
    assert_healthy(&mut gw);
}

// ---------------------------------------------------------------- 12. open relay

/// No open relay by any trick: from 127.0.0.2 (not in allowed_networks) a
/// plain recipient, the percent hack, a source route, a quoted local part
/// hiding an '@', a bang path, and `<postmaster>` (no postmaster configured)
/// are all refused with 5xx, DATA is never opened, and nothing reaches the sink.
#[test]
fn open_relay_tricks_are_refused() {
    let sink = Sink::start(Behaviour::default());
    let gw = Gateway::start(
        "openrelay",
        &format!(
            "[relay]\nallowed_networks = [\"127.0.0.1/32\"]\n\n{}",
            sink.route("sink.test")
        ),
    );
    for (rcpt, code) in [
        ("<victim@sink.test>", "550 5.7.1"),
        ("<a%b.test@sink.test>", "553 5.1.3"),
        ("<@sink.test:a@b.test>", "553 5.1.3"),
        ("<\"a@b.test\"@sink.test>", "553 5.1.3"),
        ("<b.test!a@sink.test>", "553 5.1.3"),
        ("<postmaster>", "550 5.1.1"),
        ("<POSTMASTER>", "550 5.1.1"),
        ("<postmaster@gw.test>", "550 5.7.1"),
        ("<victim@[127.0.0.1]>", "550 5.7.1"),
    ] {
        let mut c = connect(&gw, Some(LOCAL2));
        expect(&c.cmd("EHLO outsider.test"), "250", "EHLO");
        expect(&c.cmd("MAIL FROM:<spammer@outsider.test>"), "250", "MAIL");
        let r = c.cmd(&format!("RCPT TO:{rcpt}"));
        assert!(
            r.starts_with('5'),
            "RCPT TO:{rcpt} from 127.0.0.2 not refused: {r:?}"
        );
        expect(&r, code, &format!("RCPT TO:{rcpt}"));
        let d = c.cmd("DATA");
        assert!(
            !d.starts_with("354"),
            "DATA opened after RCPT TO:{rcpt}: {d:?}"
        );
        c.send(b"Subject: relayed\r\n\r\nspam\r\n.\r\n");
    }
    let msgs = control(&gw, &sink, "control-openrelay");
    let others: Vec<_> = msgs.iter().filter(|m| !is_control(m)).collect();
    assert!(
        others.is_empty(),
        "relayed for an outsider: {:?}",
        others
            .iter()
            .map(|m| (&m.from, &m.rcpts))
            .collect::<Vec<_>>()
    );
}
