//! The two things sealgate reads in a message's header section: who the
//! author claims to be (`From:`, RFC 5322 §3.6.2) and how many hops the
//! message has made (`Received:` and `Delivered-To:`, as Postfix counts for
//! `hopcount_limit`).
//!
//! Everything here runs on bytes a client sent, so nothing may panic,
//! recurse or take more than linear time. Where the gateway and a mail
//! reader could disagree on who the author is, the answer is an error: a
//! From that parses one way here and another way in Outlook is how a forged
//! author gets past a sender-domain binding.

use memchr::memchr;

/// Why the author of a message cannot be established. The texts go to the
/// client and the log, so they never quote the header itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FromError {
    #[error("Message has no From header")]
    Missing,
    #[error("Message has more than one From header")]
    Several,
    #[error("From header names no mailbox")]
    NoMailbox,
    #[error("From header does not parse: {0}")]
    Malformed(&'static str),
}

impl FromError {
    /// A short stable code for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            FromError::Missing => "no_from",
            FromError::Several => "several_from",
            FromError::NoMailbox => "from_without_mailbox",
            FromError::Malformed(_) => "from_malformed",
        }
    }
}

/// The header section of a message, split into fields.
pub struct Header<'a> {
    message: &'a [u8],
    /// Name, and where its raw value (after the colon, through the last
    /// continuation line) starts and ends in `message`.
    fields: Vec<(&'a [u8], usize, usize)>,
    /// A line that is neither a field nor a continuation of one: readers
    /// disagree on where such a header ends, so the author is unknowable.
    stray: bool,
}

impl<'a> Header<'a> {
    /// Reads fields up to the first empty line (or the end of the message).
    pub fn parse(message: &'a [u8]) -> Header<'a> {
        let mut fields: Vec<(&[u8], usize, usize)> = Vec::new();
        let mut stray = false;
        // Whether a continuation line may extend the last field.
        let mut open = false;
        let mut pos = 0;
        while pos < message.len() {
            let end = memchr(b'\n', &message[pos..])
                .map(|i| pos + i + 1)
                .unwrap_or(message.len());
            let line = &message[pos..end];
            let text = line.strip_suffix(b"\n").unwrap_or(line);
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            if text.is_empty() {
                break;
            }
            if text[0] == b' ' || text[0] == b'\t' {
                match fields.last_mut() {
                    Some((_, _, value_end)) if open => *value_end = end,
                    _ => stray = true,
                }
            } else {
                match field_name(text) {
                    Some((name, colon)) => {
                        fields.push((name, pos + colon + 1, end));
                        open = true;
                    }
                    None => {
                        stray = true;
                        open = false;
                    }
                }
            }
            pos = end;
        }
        Header {
            message,
            fields,
            stray,
        }
    }

    fn named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'a [u8]> + 's {
        self.fields
            .iter()
            .filter(move |(n, _, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, start, end)| &self.message[*start..*end])
    }

    /// Trace fields: each MTA a message passed adds a `Received:`, each
    /// final delivery a `Delivered-To:`. A loop makes the count grow.
    pub fn hops(&self) -> usize {
        self.named("received").count() + self.named("delivered-to").count()
    }

    /// RFC 8689 §5: `TLS-Required: No` — the sender asks that recipient TLS
    /// policies (MTA-STS, DANE) be ignored for this message.
    pub fn tls_required_no(&self) -> bool {
        self.named("tls-required").any(|v| {
            let v = String::from_utf8_lossy(v);
            v.trim().eq_ignore_ascii_case("no")
        })
    }

    /// The domain of every mailbox in the one `From:` field, as written.
    pub fn author_domains(&self) -> Result<Vec<String>, FromError> {
        let mut froms = self.named("from");
        let Some(value) = froms.next() else {
            return Err(FromError::Missing);
        };
        if froms.next().is_some() {
            return Err(FromError::Several);
        }
        if self.stray {
            return Err(FromError::Malformed(
                "the header has a line that is neither a field nor a continuation",
            ));
        }
        let value = unfold(value);
        let tokens = tokenize(&value)?;
        let domains = Parser {
            toks: &tokens,
            p: 0,
        }
        .mailbox_list()?;
        if domains.is_empty() {
            return Err(FromError::NoMailbox);
        }
        Ok(domains)
    }
}

/// `Name:` at the start of a line: printable ASCII without colon, then
/// optional blanks (RFC 5322 obs-optional). Returns the name and the colon's
/// offset.
fn field_name(text: &[u8]) -> Option<(&[u8], usize)> {
    let colon = memchr(b':', text)?;
    let mut name = &text[..colon];
    while let Some(rest) = name.strip_suffix(b" ").or_else(|| name.strip_suffix(b"\t")) {
        name = rest;
    }
    let ftext = |c: &u8| (33..=126).contains(c) && *c != b':';
    (!name.is_empty() && name.iter().all(ftext)).then_some((name, colon))
}

/// RFC 5322 §2.2.3: a folded field is one line once its line breaks go.
fn unfold(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    for line in value.split(|c| *c == b'\n') {
        out.extend_from_slice(line.strip_suffix(b"\r").unwrap_or(line));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'v> {
    Atom(&'v [u8]),
    Quoted,
    /// `[...]`, brackets included.
    Literal(&'v [u8]),
    Special(u8),
}

/// RFC 5322 atext, plus UTF-8 bytes (RFC 6532).
fn is_atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&c) || c >= 0x80
}

/// Control characters other than tab never belong in a From field.
fn is_ctl(c: u8) -> bool {
    (c < 32 && c != b'\t') || c == 127
}

/// Words, specials and literals; white space and (nested) comments dropped.
fn tokenize(v: &[u8]) -> Result<Vec<Tok<'_>>, FromError> {
    use FromError::Malformed;
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&c) = v.get(i) {
        match c {
            b' ' | b'\t' => i += 1,
            b'(' => {
                let mut depth = 1usize;
                i += 1;
                while depth > 0 {
                    match v.get(i) {
                        None => return Err(Malformed("unterminated comment")),
                        Some(b'\\') => i += 1,
                        Some(b'(') => depth += 1,
                        Some(b')') => depth -= 1,
                        Some(&c) if is_ctl(c) => return Err(Malformed("control character")),
                        Some(_) => {}
                    }
                    i += 1;
                }
            }
            b'"' => {
                i += 1;
                loop {
                    match v.get(i) {
                        None => return Err(Malformed("unterminated quoted string")),
                        Some(b'"') => break,
                        Some(b'\\') => i += 1,
                        Some(&c) if is_ctl(c) => return Err(Malformed("control character")),
                        Some(_) => {}
                    }
                    i += 1;
                }
                i += 1;
                toks.push(Tok::Quoted);
            }
            b'[' => {
                let start = i;
                i += 1;
                loop {
                    match v.get(i) {
                        None => return Err(Malformed("unterminated domain literal")),
                        Some(b']') => break,
                        Some(b'[' | b'\\') => return Err(Malformed("bad domain literal")),
                        Some(&c) if is_ctl(c) => return Err(Malformed("control character")),
                        Some(_) => {}
                    }
                    i += 1;
                }
                i += 1;
                toks.push(Tok::Literal(&v[start..i]));
            }
            b'<' | b'>' | b'@' | b',' | b';' | b':' | b'.' => {
                toks.push(Tok::Special(c));
                i += 1;
            }
            c if is_atext(c) => {
                let start = i;
                while v.get(i).is_some_and(|c| is_atext(*c)) {
                    i += 1;
                }
                toks.push(Tok::Atom(&v[start..i]));
            }
            b')' => return Err(Malformed("unbalanced ')'")),
            _ => return Err(Malformed("character not allowed here")),
        }
    }
    Ok(toks)
}

/// RFC 5322 §3.4 mailbox-list, with RFC 6854 groups and the obsolete forms
/// a reader still honours (empty list elements, blanks around dots). Source
/// routes (`<@a:b@c>`) are refused, as on the envelope.
struct Parser<'t, 'v> {
    toks: &'t [Tok<'v>],
    p: usize,
}

impl<'v> Parser<'_, 'v> {
    fn peek(&self) -> Option<Tok<'v>> {
        self.toks.get(self.p).copied()
    }

    fn at(&self, c: u8) -> bool {
        self.peek() == Some(Tok::Special(c))
    }

    fn expect(&mut self, c: u8, what: &'static str) -> Result<(), FromError> {
        if self.at(c) {
            self.p += 1;
            Ok(())
        } else {
            Err(FromError::Malformed(what))
        }
    }

    fn mailbox_list(&mut self) -> Result<Vec<String>, FromError> {
        let mut domains = Vec::new();
        loop {
            while self.at(b',') {
                self.p += 1;
            }
            if self.peek().is_none() {
                return Ok(domains);
            }
            self.address(true, &mut domains)?;
            if self.peek().is_some() && !self.at(b',') {
                return Err(FromError::Malformed("expected ',' between mailboxes"));
            }
        }
    }

    fn address(&mut self, group_allowed: bool, out: &mut Vec<String>) -> Result<(), FromError> {
        if self.at(b'<') {
            return self.angle_addr(out);
        }
        let start = self.p;
        while matches!(
            self.peek(),
            Some(Tok::Atom(_) | Tok::Quoted | Tok::Special(b'.'))
        ) {
            self.p += 1;
        }
        let words = &self.toks[start..self.p];
        match self.peek() {
            Some(Tok::Special(b'<')) if !words.is_empty() => self.angle_addr(out),
            Some(Tok::Special(b'@')) => {
                check_local(words)?;
                self.p += 1;
                out.push(self.domain()?);
                Ok(())
            }
            Some(Tok::Special(b':')) if group_allowed && !words.is_empty() => {
                self.p += 1;
                loop {
                    while self.at(b',') {
                        self.p += 1;
                    }
                    if self.at(b';') {
                        self.p += 1;
                        return Ok(());
                    }
                    if self.peek().is_none() {
                        return Err(FromError::Malformed("group without ';'"));
                    }
                    self.address(false, out)?;
                    if !self.at(b',') && !self.at(b';') {
                        return Err(FromError::Malformed("expected ',' or ';' in a group"));
                    }
                }
            }
            Some(Tok::Special(b':')) => Err(FromError::Malformed("misplaced ':'")),
            _ => Err(FromError::Malformed("not a mailbox")),
        }
    }

    fn angle_addr(&mut self, out: &mut Vec<String>) -> Result<(), FromError> {
        self.expect(b'<', "expected '<'")?;
        if self.at(b'@') {
            return Err(FromError::Malformed("source routes are not accepted"));
        }
        let start = self.p;
        while matches!(
            self.peek(),
            Some(Tok::Atom(_) | Tok::Quoted | Tok::Special(b'.'))
        ) {
            self.p += 1;
        }
        check_local(&self.toks[start..self.p])?;
        self.expect(b'@', "address without '@'")?;
        let domain = self.domain()?;
        self.expect(b'>', "expected '>'")?;
        out.push(domain);
        Ok(())
    }

    /// dot-atom or a domain literal; the text as written.
    fn domain(&mut self) -> Result<String, FromError> {
        let mut d: Vec<u8> = Vec::new();
        match self.peek() {
            Some(Tok::Literal(l)) => {
                self.p += 1;
                d.extend_from_slice(l);
            }
            Some(Tok::Atom(a)) => {
                self.p += 1;
                d.extend_from_slice(a);
                while self.at(b'.') {
                    self.p += 1;
                    let Some(Tok::Atom(a)) = self.peek() else {
                        return Err(FromError::Malformed("empty label in domain"));
                    };
                    self.p += 1;
                    d.push(b'.');
                    d.extend_from_slice(a);
                }
            }
            _ => return Err(FromError::Malformed("missing domain")),
        }
        String::from_utf8(d).map_err(|_| FromError::Malformed("domain is not UTF-8"))
    }
}

/// local-part: word *("." word).
fn check_local(words: &[Tok<'_>]) -> Result<(), FromError> {
    let ok = !words.is_empty()
        && words.iter().enumerate().all(|(i, t)| {
            let want_word = i % 2 == 0;
            want_word == matches!(t, Tok::Atom(_) | Tok::Quoted)
        })
        && words.len() % 2 == 1;
    if ok {
        Ok(())
    } else {
        Err(FromError::Malformed("bad local part"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(value: &str) -> Result<Vec<String>, FromError> {
        let msg = format!("To: x@y.test\r\nFrom:{value}\r\nSubject: s\r\n\r\nbody\r\n");
        Header::parse(msg.as_bytes()).author_domains()
    }

    fn ok(value: &str) -> Vec<String> {
        from(value).unwrap_or_else(|e| panic!("{value:?}: {e}"))
    }

    #[test]
    fn plain_and_named_mailboxes() {
        assert_eq!(ok(" ceo@bob.test"), ["bob.test"]);
        assert_eq!(ok(" CEO <ceo@bob.test>"), ["bob.test"]);
        assert_eq!(ok(" <ceo@Bob.Test>"), ["Bob.Test"]);
        assert_eq!(ok("ceo@bob.test"), ["bob.test"], "no blank after the colon");
        assert_eq!(ok(" \"ceo\"@bob.test"), ["bob.test"]);
        assert_eq!(ok(" a.b.c@[192.0.2.1]"), ["[192.0.2.1]"]);
        assert_eq!(ok(" Jöe <jöe@bücher.test>"), ["bücher.test"]);
        assert_eq!(ok(" Dr. Who <who@a.test>"), ["a.test"], "obs-phrase dot");
    }

    #[test]
    fn display_names_cannot_hide_the_address() {
        // A quoted name with an address and commas in it is just a name.
        assert_eq!(
            ok(" \"ceo@alice.test, Boss <boss@alice.test>\" <ceo@bob.test>"),
            ["bob.test"]
        );
        assert_eq!(
            ok(" \"Quote \\\" inside <x@alice.test>\" <ceo@bob.test>"),
            ["bob.test"]
        );
        // Encoded words are atoms of the name.
        assert_eq!(
            ok(" =?utf-8?B?Q0VPIDxjZW9AYWxpY2UudGVzdD4=?= <ceo@bob.test>"),
            ["bob.test"]
        );
        assert_eq!(ok(" =?utf-8?q?C=C3=A9O?= <ceo@bob.test>"), ["bob.test"]);
        // Comments, nested, with quoted-pairs, anywhere.
        assert_eq!(
            ok(" ceo(x)@(y (nested \\) ) <a@alice.test>)bob.test (CEO <ceo@alice.test>)"),
            ["bob.test"]
        );
        // A bare word before an addr-spec is not a name: refused, not guessed.
        assert!(matches!(
            from(" CEO ceo@bob.test"),
            Err(FromError::Malformed(_))
        ));
        assert!(matches!(
            from(" ceo@alice.test <ceo@bob.test>"),
            Err(FromError::Malformed(_))
        ));
    }

    #[test]
    fn every_mailbox_of_a_list_and_of_groups() {
        assert_eq!(
            ok(" a@alice.test, \"B, C\" <b@bob.test>,,c@carol.test"),
            ["alice.test", "bob.test", "carol.test"]
        );
        assert_eq!(
            ok(" Team: a@alice.test, B <b@bob.test>;, c@carol.test"),
            ["alice.test", "bob.test", "carol.test"]
        );
        assert_eq!(from(" Undisclosed:;"), Err(FromError::NoMailbox));
        assert_eq!(from(""), Err(FromError::NoMailbox));
        assert_eq!(from(" (just a comment)"), Err(FromError::NoMailbox));
        assert!(from(" A: B: b@bob.test;;").is_err(), "nested group");
        assert!(from(" Team: a@alice.test").is_err(), "unterminated group");
        assert!(from(" a@alice.test b@bob.test").is_err(), "missing comma");
    }

    #[test]
    fn folded_lines_are_one_field() {
        let msg = b"From: \"CEO,\r\n\tthe\" \r\n <ceo@\r\n bob.test>\r\nTo: x@y\r\n\r\n";
        assert_eq!(Header::parse(msg).author_domains().unwrap(), ["bob.test"]);
        // A continuation after the From belongs to it: the second mailbox counts.
        let msg = b"From: a@alice.test,\r\n ceo@bob.test\r\n\r\n";
        assert_eq!(
            Header::parse(msg).author_domains().unwrap(),
            ["alice.test", "bob.test"]
        );
        // LF-only lines read the same.
        let msg = b"From: a@alice.test,\n ceo@bob.test\n\nbody";
        assert_eq!(
            Header::parse(msg).author_domains().unwrap(),
            ["alice.test", "bob.test"]
        );
    }

    #[test]
    fn missing_several_and_ambiguous_headers() {
        let h = |m: &[u8]| Header::parse(m).author_domains();
        assert_eq!(h(b"Subject: x\r\n\r\n"), Err(FromError::Missing));
        assert_eq!(h(b""), Err(FromError::Missing));
        // A From in the body is not a header.
        assert_eq!(
            h(b"Subject: x\r\n\r\nFrom: a@alice.test\r\n"),
            Err(FromError::Missing)
        );
        assert_eq!(
            h(b"From: a@alice.test\r\nFROM: b@bob.test\r\n\r\n"),
            Err(FromError::Several)
        );
        // "From :" is a From too (obs-optional).
        assert_eq!(
            h(b"From: a@alice.test\r\nFrom\t : b@bob.test\r\n\r\n"),
            Err(FromError::Several)
        );
        assert!(matches!(
            h(b"From: a@alice.test\r\nnot a header line\r\n\r\n"),
            Err(FromError::Malformed(_))
        ));
        assert!(matches!(
            h(b" From: a@alice.test\r\n\r\n"),
            Err(FromError::Missing)
        ));
        assert!(matches!(
            h(b"X: y\r\nbroken\r\n continued\r\nFrom: a@alice.test\r\n\r\n"),
            Err(FromError::Malformed(_))
        ));
        assert!(matches!(
            h(b"From: a@alice.test\rX: b@bob.test\r\n\r\n"),
            Err(FromError::Malformed(_))
        ));
    }

    #[test]
    fn malformed_values() {
        for v in [
            " <>",
            " <ceo@bob.test",
            " ceo@bob.test>",
            " <@relay.test:ceo@bob.test>",
            " ceo@",
            " @bob.test",
            " ceo@bob.",
            " ceo@.bob",
            " ceo@bob..test",
            " ceo..x@bob.test",
            " .ceo@bob.test",
            " \"unterminated@bob.test",
            " (unterminated comment ceo@bob.test",
            " ceo@bob.test)",
            " ceo@[192.0.2.1",
            " ceo@\"bob.test\"",
            " ceo\\@x@bob.test",
            " ceo@bob.test\u{1}",
            " just-a-name",
            " a@b@c.test",
        ] {
            assert!(
                matches!(from(v), Err(FromError::Malformed(_))),
                "{v:?} -> {:?}",
                from(v)
            );
        }
        let raw = b"From: ceo@b\xff.test\r\n\r\n";
        assert!(matches!(
            Header::parse(raw).author_domains(),
            Err(FromError::Malformed(_))
        ));
    }

    #[test]
    fn hops_count_received_and_delivered_to_in_the_header_only() {
        let msg = b"Received: from a\r\n\tby b; date\r\nreceived: x\r\nDelivered-To: p@q\r\nX-Received: no\r\nSubject: Received: no\r\n\r\nReceived: body, no\r\n";
        assert_eq!(Header::parse(msg).hops(), 3);
        assert_eq!(Header::parse(b"").hops(), 0);
        assert_eq!(Header::parse(b"\r\nReceived: x\r\n").hops(), 0);
    }

    /// No input may panic or hang: random bytes and mutations of real headers.
    #[test]
    fn arbitrary_bytes_never_panic() {
        let seeds: [&[u8]; 4] = [
            b"From: \"A, (B)\" <a@b.test>, Team: c@[1.2.3.4];\r\nReceived: x\r\n\r\n",
            b"From: =?utf-8?q?x?= (c (d) \\) ) <a.b@c.test>\r\n\tcont\r\n\r\n",
            b"From:\r\n\r\n",
            b"Delivered-To: a\r\nFrom: a@b\r\n",
        ];
        let alphabet = b"\"()<>[]@,;:.\\ \t\r\nab\x80\xff=?";
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for round in 0..20_000 {
            let mut m: Vec<u8> = if round % 2 == 0 {
                seeds[(next() % 4) as usize].to_vec()
            } else {
                b"From: ".to_vec()
            };
            for _ in 0..(next() % 12) {
                let b = if next() % 2 == 0 {
                    alphabet[(next() % alphabet.len() as u64) as usize]
                } else {
                    next() as u8
                };
                let at = (next() as usize) % (m.len() + 1);
                if next() % 3 == 0 && at < m.len() {
                    m[at] = b;
                } else {
                    m.insert(at, b);
                }
            }
            let h = Header::parse(&m);
            let _ = h.hops();
            let _ = h.author_domains();
        }
        // Deep nesting is a counter, not recursion.
        let deep = format!("From: {}a@b.test\r\n\r\n", "(".repeat(100_000));
        assert!(Header::parse(deep.as_bytes()).author_domains().is_err());
        let deep = format!("From: ({}a@b.test\r\n\r\n", "\\".repeat(100_001));
        assert!(Header::parse(deep.as_bytes()).author_domains().is_err());
    }
}
