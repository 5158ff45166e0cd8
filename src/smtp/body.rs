//! Reads message content of DATA (dot-stuffed, ends on CRLF.CRLF) and BDAT
//! (raw chunks), counting size and line length as it goes.
//!
//! SMTP smuggling (CVE-2023-51764/5/6) works when two servers disagree on
//! where DATA ends: one treats `\n.\n` or `\r.\r` as the end and the next
//! sees the rest as new commands. Here DATA ends only on the exact bytes
//! CR LF . CR LF. A bare CR or LF is either refused (the default) or turned
//! into CRLF — but a line that begins after a bare newline is never a "line
//! start" where a dot can end the message, so normalizing cannot create a
//! terminator that the client did not send. The outbound side dot-stuffs
//! every line that starts with a dot, so a `.` line kept as content cannot end
//! the message at the next hop either.

use crate::config::BareNewline;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyProblem {
    BareNewline,
    TooBig,
    LineTooLong,
    /// Taking it would pass the memory budget of messages in flight.
    OverBudget,
    /// The spool's file system is below its free-space floor.
    DiskFull,
}

impl BodyProblem {
    /// The gateway's own shortage, not the client's fault: answered 4xx
    /// and not counted against `limits.max_errors`.
    pub fn is_local(self) -> bool {
        matches!(self, BodyProblem::OverBudget | BodyProblem::DiskFull)
    }

    /// A stable name for logs and the audit log.
    pub fn code(self) -> &'static str {
        match self {
            BodyProblem::BareNewline => "bare_newline",
            BodyProblem::TooBig => "too_big",
            BodyProblem::LineTooLong => "line_too_long",
            BodyProblem::OverBudget => "over_memory_budget",
            BodyProblem::DiskFull => "disk_full",
        }
    }

    pub fn reply(self, max_size: u64, max_line: usize) -> String {
        match self {
            BodyProblem::BareNewline => {
                "554 5.6.0 Message refused: bare CR or LF in content (lines must end with CRLF)"
                    .into()
            }
            BodyProblem::TooBig => {
                format!("552 5.3.4 Message exceeds the size limit of {max_size} bytes")
            }
            BodyProblem::OverBudget => {
                "452 4.3.1 Too much mail in progress; try again later".into()
            }
            BodyProblem::DiskFull => {
                "452 4.3.1 Insufficient system storage; try again later".into()
            }
            BodyProblem::LineTooLong => {
                format!(
                    "554 5.6.0 Message refused: a line exceeds {max_line} octets (RFC 5321 §4.5.3.1.6); encode it"
                )
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// After a real CRLF (or at the very start): a dot here is special in DATA.
    LineStart,
    /// DATA: saw "." at a line start.
    Dot,
    /// DATA: saw ".\r" at a line start.
    DotCr,
    Text,
    /// Saw "\r" inside a line.
    Cr,
}

pub struct BodyReader {
    dotted: bool,
    state: State,
    out: Vec<u8>,
    max_size: u64,
    /// Longest allowed line without its CRLF.
    max_text: usize,
    line_len: usize,
    normalize: bool,
    problem: Option<BodyProblem>,
}

impl BodyReader {
    /// `dotted`: DATA semantics. `max_line` counts the CRLF, as RFC 5321 does.
    pub fn new(
        dotted: bool,
        max_size: u64,
        max_line: usize,
        bare: BareNewline,
        initial: Vec<u8>,
    ) -> Self {
        BodyReader {
            dotted,
            state: State::LineStart,
            out: initial,
            max_size,
            max_text: max_line.saturating_sub(2),
            line_len: 0,
            normalize: bare == BareNewline::Normalize,
            problem: None,
        }
    }

    /// Bytes of content so far (after unstuffing).
    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn problem(&self) -> Option<BodyProblem> {
        self.problem
    }

    /// Refuses the message from outside (memory, disk): nothing more is
    /// kept, but the content is still parsed to its end, so the session
    /// stays in step with the client.
    pub fn refuse(&mut self, p: BodyProblem) {
        self.flag(p);
    }

    /// Bytes of memory the content holds now (what the budget charges).
    pub fn held(&self) -> usize {
        self.out.capacity()
    }

    fn flag(&mut self, p: BodyProblem) {
        if self.problem.is_none() {
            self.problem = Some(p);
            // Nothing more will be kept: the message is refused at its end.
            self.out = Vec::new();
        }
    }

    fn emit(&mut self, bytes: &[u8]) {
        if self.problem.is_some() {
            return;
        }
        if (self.out.len() + bytes.len()) as u64 > self.max_size {
            self.flag(BodyProblem::TooBig);
            return;
        }
        self.out.extend_from_slice(bytes);
    }

    fn text(&mut self, bytes: &[u8]) {
        self.line_len += bytes.len();
        if self.line_len > self.max_text {
            self.flag(BodyProblem::LineTooLong);
        }
        self.emit(bytes);
    }

    /// A bare CR or LF ended a line: refuse, or write CRLF and continue in
    /// the middle of a "soft" line where a dot is content.
    fn bare_newline(&mut self) {
        if self.normalize {
            self.emit(b"\r\n");
            self.line_len = 0;
            self.state = State::Text;
        } else {
            self.flag(BodyProblem::BareNewline);
            self.state = State::Text;
        }
    }

    /// Feeds bytes; in DATA mode returns `Some(n)` once the terminating
    /// CRLF.CRLF has been consumed, `n` being the bytes of `buf` used.
    pub fn feed(&mut self, buf: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < buf.len() {
            match self.state {
                State::LineStart if self.dotted && buf[i] == b'.' => {
                    // A dot at a real line start in DATA.
                    self.state = State::Dot;
                    i += 1;
                }
                State::Text | State::LineStart => {
                    // Copy the run up to the next CR or LF in one go.
                    let run = memchr::memchr2(b'\r', b'\n', &buf[i..]).unwrap_or(buf.len() - i);
                    if run > 0 {
                        self.text(&buf[i..i + run]);
                        i += run;
                        self.state = State::Text;
                        continue;
                    }
                    match buf[i] {
                        b'\r' => self.state = State::Cr,
                        _ => self.bare_newline(),
                    }
                    i += 1;
                }
                State::Dot => match buf[i] {
                    b'\r' => {
                        self.state = State::DotCr;
                        i += 1;
                    }
                    b'\n' => {
                        // "CRLF . LF": not an end of data.
                        self.text(b".");
                        self.bare_newline();
                        i += 1;
                    }
                    _ => {
                        // A stuffed dot: drop it, the rest of the line is content.
                        self.state = State::Text;
                    }
                },
                State::DotCr => {
                    if buf[i] == b'\n' {
                        self.state = State::LineStart;
                        return Some(i + 1);
                    }
                    // "CRLF . CR x": a bare CR after a lone dot.
                    self.text(b".");
                    self.bare_newline();
                }
                State::Cr => {
                    if buf[i] == b'\n' {
                        self.emit(b"\r\n");
                        self.line_len = 0;
                        self.state = State::LineStart;
                        i += 1;
                    } else {
                        self.bare_newline();
                    }
                }
            }
        }
        None
    }

    /// Ends a BDAT message: a CR left dangling at the very end is bare.
    pub fn finish(mut self) -> Result<Vec<u8>, BodyProblem> {
        if self.state == State::Cr {
            self.bare_newline();
        }
        match self.problem {
            Some(p) => Err(p),
            None => Ok(self.out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(input: &[u8], bare: BareNewline) -> (Option<usize>, Result<Vec<u8>, BodyProblem>) {
        let mut r = BodyReader::new(true, 1 << 20, 1000, bare, Vec::new());
        let end = r.feed(input);
        (end, r.finish())
    }

    #[test]
    fn ends_only_on_crlf_dot_crlf_and_unstuffs() {
        let (end, body) = data(b"a\r\n..b\r\n.\r\nQUIT\r\n", BareNewline::Reject);
        assert_eq!(end, Some(11));
        assert_eq!(body.unwrap(), b"a\r\n.b\r\n");
        let (end, _) = data(b".\r\n", BareNewline::Reject);
        assert_eq!(end, Some(3));
    }

    #[test]
    fn end_split_across_feeds() {
        let mut r = BodyReader::new(true, 1 << 20, 1000, BareNewline::Reject, Vec::new());
        assert_eq!(r.feed(b"hi\r"), None);
        assert_eq!(r.feed(b"\n."), None);
        assert_eq!(r.feed(b"\r"), None);
        assert_eq!(r.feed(b"\nX"), Some(1));
        assert_eq!(r.finish().unwrap(), b"hi\r\n");
    }

    /// Every smuggling variant: none of them ends the data; all are refused by default.
    #[test]
    fn smuggling_variants_never_end_data() {
        for v in [
            &b"\n.\n"[..],
            b"\n.\r\n",
            b"\r\n.\n",
            b"\r.\r",
            b"\r.\r\n",
            b"\r\n.\r",
        ] {
            let mut msg = b"Subject: x\r\n\r\nhello".to_vec();
            msg.extend_from_slice(v);
            msg.extend_from_slice(b"MAIL FROM:<evil@x.org>\r\n");
            for bare in [BareNewline::Reject, BareNewline::Normalize] {
                let (end, body) = data(&msg, bare);
                assert_eq!(end, None, "variant {v:?} ended DATA in {bare:?} mode");
                let _ = body;
            }
            let mut full = msg.clone();
            full.extend_from_slice(b"\r\n.\r\n");
            let (end, body) = data(&full, BareNewline::Reject);
            assert_eq!(end, Some(full.len()), "variant {v:?}");
            assert_eq!(body, Err(BodyProblem::BareNewline), "variant {v:?}");
            let (_, body) = data(&full, BareNewline::Normalize);
            let body = body.unwrap();
            assert!(
                !body.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'),
                "bare LF left in {body:?}"
            );
        }
    }

    #[test]
    fn size_and_line_limits() {
        let mut r = BodyReader::new(true, 10, 1000, BareNewline::Reject, Vec::new());
        assert_eq!(r.feed(b"0123456789abc\r\n.\r\n"), Some(18));
        assert_eq!(r.finish(), Err(BodyProblem::TooBig));
        let mut long = vec![b'x'; 999];
        long.extend_from_slice(b"\r\n.\r\n");
        let (_, body) = data(&long, BareNewline::Reject);
        assert_eq!(body, Err(BodyProblem::LineTooLong));
        let mut ok = vec![b'x'; 998];
        ok.extend_from_slice(b"\r\n.\r\n");
        assert!(data(&ok, BareNewline::Reject).1.is_ok());
    }

    #[test]
    fn bdat_is_raw_but_still_checked() {
        let mut r = BodyReader::new(false, 1 << 20, 1000, BareNewline::Reject, Vec::new());
        assert_eq!(r.feed(b".\r\n..x\r\n"), None);
        assert_eq!(r.finish().unwrap(), b".\r\n..x\r\n");
        let mut r = BodyReader::new(false, 1 << 20, 1000, BareNewline::Reject, Vec::new());
        r.feed(b"a\r");
        r.feed(b"b\r\n");
        assert_eq!(r.finish(), Err(BodyProblem::BareNewline));
        let mut r = BodyReader::new(false, 1 << 20, 1000, BareNewline::Reject, Vec::new());
        r.feed(b"a\r");
        assert_eq!(r.finish(), Err(BodyProblem::BareNewline));
    }
}
