//! The DER reader both certificate walks share (`outbound::dane::der` for
//! DANE's two fields, `proto::x509` for what `sealgate certs check` and the
//! expiry watch report): one element at a time, every length checked
//! against the bytes there are, never a panic on what a file or a peer sent.

/// One DER element: its tag, the whole element, and its contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub whole: &'a [u8],
    pub contents: &'a [u8],
}

pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const INTEGER: u8 = 0x02;

/// The first element of `input` and what follows it, or None when the
/// element is malformed or runs past the end.
pub(crate) fn read(input: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        // High tag numbers never occur in the fields walked here.
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        // Long form; 0x80 alone is BER's indefinite length, not DER.
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let (bytes, rest) = rest.split_at(n);
        let len = bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, rest)
    };
    if rest.len() < len {
        return None;
    }
    let header = input.len() - rest.len();
    let whole = &input[..header + len];
    Some((
        Tlv {
            tag,
            whole,
            contents: &rest[..len],
        },
        &rest[len..],
    ))
}

/// Reads one element that must carry `tag`.
pub(crate) fn expect(input: &[u8], tag: u8) -> Option<(Tlv<'_>, &[u8])> {
    read(input).filter(|(t, _)| t.tag == tag)
}

/// Every element of `input` in order; None if any is malformed.
pub(crate) fn elements(mut input: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let (t, rest) = read(input)?;
        out.push(t);
        input = rest;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_read_in_both_forms() {
        let (short, rest) = read(&[0x04, 0x02, 0xaa, 0xbb, 0xcc]).unwrap();
        assert_eq!(short.contents, &[0xaa, 0xbb]);
        assert_eq!(short.whole.len(), 4);
        assert_eq!(rest, &[0xcc]);
        let mut long = vec![0x04, 0x81, 0x80];
        long.extend(std::iter::repeat_n(7u8, 0x80));
        let (t, rest) = read(&long).unwrap();
        assert_eq!(t.contents.len(), 0x80);
        assert!(rest.is_empty());
        assert!(read(&[0x1f, 0x01, 0x00]).is_none(), "high tag number");
        assert!(read(&[0x30, 0x80, 0, 0]).is_none(), "indefinite length");
        assert!(
            read(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_none(),
            "5-byte length"
        );
    }

    #[test]
    fn elements_stop_at_the_first_bad_one() {
        assert_eq!(elements(&[0x05, 0x00, 0x05, 0x00]).unwrap().len(), 2);
        assert!(elements(&[0x05, 0x00, 0x05]).is_none());
        assert!(elements(&[]).unwrap().is_empty());
    }
}
