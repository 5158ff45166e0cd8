//! RFC 6376 §3.4 "relaxed" canonicalization of header fields and body, and
//! the split of a message into its header fields. Everything works on bytes:
//! 8-bit and UTF-8 text pass through untouched, and nothing here can panic
//! on what a client sent.

use memchr::memmem;

/// One header field as it stands in the message: its name, and the whole
/// field (name, colon, value, continuation lines) without the final CRLF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub name: &'a [u8],
    pub raw: &'a [u8],
}

/// Splits a CRLF message at the first empty line: header fields in order,
/// and the body (empty when there is no empty line). A line that is not a
/// field and not a continuation is skipped: it cannot be signed usefully and
/// verifiers skip it too.
pub fn split<'a>(message: &'a [u8]) -> (Vec<Field<'a>>, &'a [u8]) {
    let (head, body) = if message.starts_with(b"\r\n") {
        (&message[..0], &message[2..])
    } else {
        match memmem::find(message, b"\r\n\r\n") {
            Some(i) => (&message[..i + 2], &message[i + 4..]),
            None => (message, &message[message.len()..]),
        }
    };
    let line_end = memmem::Finder::new(b"\r\n");
    let mut fields: Vec<Field<'a>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    while pos < head.len() {
        let end = line_end
            .find(&head[pos..])
            .map(|i| pos + i + 2)
            .unwrap_or(head.len());
        let first = head[pos];
        if first == b' ' || first == b'\t' {
            // A continuation: the open field goes on.
        } else {
            if let Some(s) = start.take() {
                push_field(&head[s..pos], &mut fields);
            }
            if memchr::memchr(b':', &head[pos..end]).is_some() {
                start = Some(pos);
            }
        }
        pos = end;
    }
    if let Some(s) = start {
        push_field(&head[s..], &mut fields);
    }
    (fields, body)
}

/// A field's lines through its CRLF; kept when it has a name.
fn push_field<'a>(raw: &'a [u8], fields: &mut Vec<Field<'a>>) {
    let raw = raw.strip_suffix(b"\r\n").unwrap_or(raw);
    if let Some(colon) = memchr::memchr(b':', raw) {
        let name = trim_wsp(&raw[..colon]);
        if !name.is_empty() {
            fields.push(Field { name, raw });
        }
    }
}

fn is_wsp(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

fn trim_wsp(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s
        && is_wsp(*first)
    {
        s = rest;
    }
    while let [rest @ .., last] = s
        && is_wsp(*last)
    {
        s = rest;
    }
    s
}

/// §3.4.2 relaxed header: lower-case name, unfolded value, runs of WSP as
/// one SP, no WSP around the colon or at the end; then CRLF.
pub fn relaxed_header(raw: &[u8], out: &mut Vec<u8>) {
    let Some(colon) = memchr::memchr(b':', raw) else {
        return;
    };
    out.extend(trim_wsp(&raw[..colon]).iter().map(u8::to_ascii_lowercase));
    out.push(b':');
    let mut value = Vec::with_capacity(raw.len() - colon);
    let mut in_wsp = false;
    for &c in &raw[colon + 1..] {
        if c == b'\r' || c == b'\n' {
            continue;
        }
        if is_wsp(c) {
            in_wsp = true;
        } else {
            if in_wsp && !value.is_empty() {
                value.push(b' ');
            }
            in_wsp = false;
            value.push(c);
        }
    }
    out.extend_from_slice(&value);
    out.extend_from_slice(b"\r\n");
}

/// §3.4.4 relaxed body: per line, runs of WSP become one SP and WSP at the
/// end goes; empty lines at the end go; a last line without CRLF gets one.
/// An empty body (or one of empty lines only) is the empty string (erratum
/// 1384 and every verifier: the CRLF of §3.4.3 is for "simple" only).
///
/// Handed to `sink` piece by piece instead of copied, so the body hash
/// reads the message once. Where the canonical form is the
/// text itself (a line without doubled or trailing whitespace, its CRLF,
/// a single SP between words) the pieces are the body's own bytes, joined
/// into one piece as long as they follow each other: on ordinary mail the
/// sink sees a few large slices rather than one per word.
///
/// Most lines need no change, so the lines before the next spot that does
/// (a tab, two spaces, a space before CRLF) are passed on in bulk, found by
/// three vectorized searches over the body rather than word by word; only
/// a line holding such a spot, and the last line when it has no CRLF, are
/// taken apart. This is what makes DKIM cheap next to the relay's own work.
pub fn relaxed_body_into(body: &[u8], mut sink: impl FnMut(&[u8])) {
    const CRLF: &[u8] = b"\r\n";
    let mut run = Run {
        body,
        span: None,
        sink: &mut sink,
    };
    // Lines up to the last CRLF are complete; a last line without one is
    // always taken apart.
    let complete = memmem::rfind(body, CRLF).map_or(0, |i| i + 2);
    let mut spots = Spots::default();
    // Pending empty lines: written only if a non-empty line follows.
    let mut blank_lines = 0usize;
    let mut pos = 0;
    while pos < body.len() {
        if pos < complete {
            let spot = spots.next(body, pos, complete);
            // Every line that ends before the spot's line is canonical.
            let bulk_end = memmem::rfind(&body[pos..spot], CRLF).map_or(pos, |i| pos + i + 2);
            if bulk_end > pos {
                canonical_lines(&mut run, pos, bulk_end, &mut blank_lines);
                pos = bulk_end;
                continue;
            }
        }
        let (end, next) = match find_crlf(&body[pos..]) {
            Some(i) => (pos + i, pos + i + 2),
            None => (body.len(), body.len()),
        };
        let line = &body[pos..end];
        if line.iter().all(|c| is_wsp(*c)) {
            blank_lines += 1;
            pos = next;
            continue;
        }
        for _ in 0..blank_lines {
            run.constant(CRLF);
        }
        blank_lines = 0;
        // Runs between whitespace are passed whole; a stretch of whitespace
        // before more text becomes one SP (the text's own when it is a lone
        // SP), and the stretch at the line's end is dropped.
        let mut i = pos;
        let mut space: Option<usize> = None;
        while i < end {
            let run_end = memchr::memchr2(b' ', b'\t', &body[i..end]).map_or(end, |j| i + j);
            if run_end > i {
                match space.take() {
                    Some(at) if body[at] == b' ' && at + 1 == i => run.text(at, at + 1),
                    Some(_) => run.constant(b" "),
                    None => {}
                }
                run.text(i, run_end);
            }
            if run_end < end {
                space = Some(run_end);
                i = run_end + 1;
                while i < end && is_wsp(body[i]) {
                    i += 1;
                }
            } else {
                i = end;
            }
        }
        if next > end {
            run.text(end, next);
        } else {
            run.constant(CRLF);
        }
        pos = next;
    }
    run.flush();
}

/// Whole lines `body[start..end]` (ending in CRLF) that need no change:
/// passed on as they are, except that empty lines at their end are held
/// back with the pending ones, since they go if nothing but empty lines
/// follows.
fn canonical_lines<S: FnMut(&[u8])>(
    run: &mut Run<'_, '_, S>,
    start: usize,
    end: usize,
    blank_lines: &mut usize,
) {
    let body = run.body;
    // CRLF cannot overlap itself, so every CRLF ends a line and a CRLF
    // right after another is an empty line.
    let mut first = start;
    while body[first..end].starts_with(b"\r\n") {
        first += 2;
        *blank_lines += 1;
    }
    if first == end {
        return;
    }
    let mut last = end;
    let mut trailing = 0;
    while last >= first + 4 && &body[last - 4..last] == b"\r\n\r\n" {
        last -= 2;
        trailing += 1;
    }
    for _ in 0..*blank_lines {
        run.constant(b"\r\n");
    }
    run.text(first, last);
    *blank_lines = trailing;
}

/// The next places at or after a position where a complete line needs
/// changing: a tab, two spaces, a space before CRLF. Each is searched for
/// again only once passed, so the body is read once for each kind.
#[derive(Default)]
struct Spots {
    tab: Option<usize>,
    double: Option<usize>,
    trailing: Option<usize>,
}

impl Spots {
    /// The first spot in `body[pos..limit]`, or `limit`.
    fn next(&mut self, body: &[u8], pos: usize, limit: usize) -> usize {
        fn refresh(
            at: &mut Option<usize>,
            pos: usize,
            limit: usize,
            find: impl Fn(&[u8]) -> Option<usize>,
            body: &[u8],
        ) -> usize {
            match *at {
                Some(a) if a >= pos => a,
                _ => {
                    let a = find(&body[pos..limit]).map_or(limit, |i| pos + i);
                    *at = Some(a);
                    a
                }
            }
        }
        let tab = refresh(
            &mut self.tab,
            pos,
            limit,
            |h| memchr::memchr(b'\t', h),
            body,
        );
        let double = refresh(
            &mut self.double,
            pos,
            limit,
            |h| memmem::find(h, b"  "),
            body,
        );
        let trailing = refresh(
            &mut self.trailing,
            pos,
            limit,
            |h| memmem::find(h, b" \r\n"),
            body,
        );
        tab.min(double).min(trailing)
    }
}

/// The first CRLF in `hay`. Lines are short, and a search for the LF alone
/// starts faster on them than a two-byte substring search.
fn find_crlf(hay: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'\n', &hay[from..]) {
        let at = from + i;
        if at > 0 && hay[at - 1] == b'\r' {
            return Some(at - 1);
        }
        from = at + 1;
    }
    None
}

/// The canonical body as it is produced: stretches of the body's own bytes
/// (`text`, joined while they follow each other) and the few bytes that
/// are not in it (`constant`).
struct Run<'b, 's, S: FnMut(&[u8])> {
    body: &'b [u8],
    span: Option<(usize, usize)>,
    sink: &'s mut S,
}

impl<S: FnMut(&[u8])> Run<'_, '_, S> {
    fn text(&mut self, start: usize, end: usize) {
        match &mut self.span {
            Some((_, e)) if *e == start => *e = end,
            _ => {
                self.flush();
                self.span = Some((start, end));
            }
        }
    }

    fn constant(&mut self, bytes: &[u8]) {
        self.flush();
        (self.sink)(bytes);
    }

    fn flush(&mut self) {
        if let Some((s, e)) = self.span.take() {
            (self.sink)(&self.body[s..e]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical body collected, as the tests compare it.
    fn relaxed_body(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(body.len() + 2);
        relaxed_body_into(body, |piece| out.extend_from_slice(piece));
        out
    }

    fn header(raw: &[u8]) -> String {
        let mut out = Vec::new();
        relaxed_header(raw, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// RFC 6376 §3.4.5, the example: header and body, relaxed.
    #[test]
    fn rfc6376_example_relaxed() {
        let msg = b"A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";
        let (fields, body) = split(msg);
        let names: Vec<&[u8]> = fields.iter().map(|f| f.name).collect();
        assert_eq!(names, vec![&b"A"[..], &b"B"[..]]);
        assert_eq!(header(fields[0].raw), "a:X\r\n");
        assert_eq!(header(fields[1].raw), "b:Y Z\r\n");
        assert_eq!(relaxed_body(body), b" C\r\nD E\r\n");
    }

    #[test]
    fn empty_bodies_are_empty() {
        assert_eq!(relaxed_body(b""), b"");
        assert_eq!(relaxed_body(b"\r\n"), b"");
        assert_eq!(relaxed_body(b"\r\n \t\r\n\r\n"), b"");
    }

    #[test]
    fn trailing_blank_lines_go_but_inner_ones_stay() {
        assert_eq!(
            relaxed_body(b"a\r\n\r\n \r\nb\r\n\r\n\r\n"),
            b"a\r\n\r\n\r\nb\r\n"
        );
    }

    #[test]
    fn a_last_line_without_crlf_gets_one() {
        assert_eq!(relaxed_body(b"a  b\t"), b"a b\r\n");
    }

    #[test]
    fn eight_bit_bytes_pass_untouched() {
        let body = "Grüße \u{00a0}x\r\n".as_bytes();
        // NBSP is not WSP: only SP and HTAB are.
        assert_eq!(relaxed_body(body), "Grüße \u{00a0}x\r\n".as_bytes());
        assert_eq!(
            header(b"Subject: \xc3\xa9t\xc3\xa9 "),
            "subject:\u{e9}t\u{e9}\r\n"
        );
    }

    #[test]
    fn split_without_body_and_with_empty_header() {
        let (f, b) = split(b"From: a@b\r\nTo: c@d\r\n");
        assert_eq!(f.len(), 2);
        assert!(b.is_empty());
        let (f, b) = split(b"\r\nbody\r\n");
        assert!(f.is_empty());
        assert_eq!(b, b"body\r\n");
        let (f, b) = split(b"Subject: x\r\n\r\n");
        assert_eq!((f.len(), b), (1, &b""[..]));
    }

    #[test]
    fn folded_fields_stay_one_field() {
        let (f, _) = split(b"To: a@b,\r\n  c@d\r\nX-Y:z\r\n\r\n");
        assert_eq!(f[0].raw, b"To: a@b,\r\n  c@d");
        assert_eq!(header(f[0].raw), "to:a@b, c@d\r\n");
        assert_eq!(header(f[1].raw), "x-y:z\r\n");
    }

    /// §3.4.4 word for word, one byte at a time: the reference the
    /// piecewise canonicalizer must agree with.
    fn reference(body: &[u8]) -> Vec<u8> {
        let mut lines: Vec<Vec<u8>> = Vec::new();
        let mut rest = body;
        while !rest.is_empty() {
            let i = rest.windows(2).position(|w| w == b"\r\n");
            let (line, next) = match i {
                Some(i) => (&rest[..i], &rest[i + 2..]),
                None => (rest, &rest[rest.len()..]),
            };
            let mut out = Vec::new();
            let mut wsp = false;
            for &c in line {
                if c == b' ' || c == b'\t' {
                    wsp = true;
                } else {
                    if wsp {
                        out.push(b' ');
                    }
                    wsp = false;
                    out.push(c);
                }
            }
            lines.push(out);
            rest = next;
        }
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
            .iter()
            .flat_map(|l| [l.as_slice(), b"\r\n"])
            .flatten()
            .copied()
            .collect()
    }

    #[test]
    fn pieces_agree_with_the_bytewise_reference() {
        // Every body of up to 7 bytes over an alphabet with all the cases
        // (text, SP, HTAB, CR, LF, 8-bit), then longer pseudo-random ones.
        let alphabet = b"a \t\r\n\xe9";
        let mut checked = 0;
        for len in 0..=7u32 {
            for mut n in 0..alphabet.len().pow(len) {
                let mut body = Vec::new();
                for _ in 0..len {
                    body.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                assert_eq!(relaxed_body(&body), reference(&body), "{body:?}");
                checked += 1;
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            let body: Vec<u8> = (0..(x % 300))
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(relaxed_body(&body), reference(&body), "{body:?}");
            checked += 1;
        }
        // Mostly canonical lines with a changed one here and there, as
        // mail is: the bulk path passes runs of lines on whole.
        let lines: [&[u8]; 9] = [
            b"Dear team, the report is attached.",
            b"",
            b"ok",
            b" ",
            b"two  spaces",
            b"tab\there",
            b"trailing ",
            b"bare\nLF and\rCR",
            b"\xe9t\xe9",
        ];
        for _ in 0..5000 {
            let mut body = Vec::new();
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Canonical lines twice as often as the others.
                let pick = (x % 18) as usize;
                body.extend_from_slice(lines[if pick < 12 { pick % 3 } else { pick - 9 }]);
                body.extend_from_slice(if x.is_multiple_of(23) { b"\n" } else { b"\r\n" });
            }
            if x.is_multiple_of(3) {
                body.extend_from_slice(lines[(x % 9) as usize]);
            }
            assert_eq!(relaxed_body(&body), reference(&body), "{body:?}");
            checked += 1;
        }
        assert!(checked > 300_000);
    }
}
