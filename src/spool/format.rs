//! The queue file: typed, length-framed records closed by a checksum.
//!
//! ```text
//! "SGQ1\n"
//! 'E' u32be len  envelope (JSON)
//! 'M' u64be len  message bytes
//! 'Z' u32be 32   SHA-256 of every byte before this record
//! ```
//!
//! As with Postfix's END record, a file is only a message if it ends in a
//! valid 'Z': a file cut short by a crash, a full disk or a bad sector is
//! detected on read and never delivered.

use std::io::Write;

use ring::digest::{Context, SHA256};

const MAGIC: &[u8] = b"SGQ1\n";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    #[error("not a sealgate queue file")]
    Magic,
    #[error("queue file is truncated")]
    Truncated,
    #[error("queue file checksum does not match (damaged or incomplete)")]
    Checksum,
    #[error("unexpected record type {0:#x}")]
    Record(u8),
}

/// Writes the whole file through `w`; returns the SHA-256 of the message bytes.
pub fn write(w: &mut impl Write, envelope_json: &[u8], message: &[u8]) -> std::io::Result<()> {
    let mut ctx = Context::new(&SHA256);
    let mut put = |w: &mut dyn Write, bytes: &[u8]| -> std::io::Result<()> {
        ctx.update(bytes);
        w.write_all(bytes)
    };
    put(w, MAGIC)?;
    put(w, b"E")?;
    put(w, &(envelope_json.len() as u32).to_be_bytes())?;
    put(w, envelope_json)?;
    put(w, b"M")?;
    put(w, &(message.len() as u64).to_be_bytes())?;
    put(w, message)?;
    let sum = ctx.finish();
    w.write_all(b"Z")?;
    w.write_all(&32u32.to_be_bytes())?;
    w.write_all(sum.as_ref())
}

/// Splits a queue file into (envelope JSON, message bytes) after checking it whole.
pub fn read(buf: &[u8]) -> Result<(&[u8], &[u8]), FormatError> {
    if !buf.starts_with(MAGIC) {
        return Err(FormatError::Magic);
    }
    let mut pos = MAGIC.len();
    let take = |pos: &mut usize, n: usize| -> Result<&[u8], FormatError> {
        let end = pos.checked_add(n).ok_or(FormatError::Truncated)?;
        let s = buf.get(*pos..end).ok_or(FormatError::Truncated)?;
        *pos = end;
        Ok(s)
    };
    let expect = |pos: &mut usize, t: u8| -> Result<(), FormatError> {
        let got = take(pos, 1)?[0];
        if got == t {
            Ok(())
        } else {
            Err(FormatError::Record(got))
        }
    };
    expect(&mut pos, b'E')?;
    let n = u32::from_be_bytes(
        take(&mut pos, 4)?
            .try_into()
            .map_err(|_| FormatError::Truncated)?,
    );
    let env = take(&mut pos, n as usize)?;
    expect(&mut pos, b'M')?;
    let n = u64::from_be_bytes(
        take(&mut pos, 8)?
            .try_into()
            .map_err(|_| FormatError::Truncated)?,
    );
    let msg = take(
        &mut pos,
        usize::try_from(n).map_err(|_| FormatError::Truncated)?,
    )?;
    let covered = pos;
    expect(&mut pos, b'Z')?;
    let n = u32::from_be_bytes(
        take(&mut pos, 4)?
            .try_into()
            .map_err(|_| FormatError::Truncated)?,
    );
    let sum = take(&mut pos, n as usize)?;
    if pos != buf.len() {
        return Err(FormatError::Checksum);
    }
    if ring::digest::digest(&SHA256, &buf[..covered]).as_ref() != sum {
        return Err(FormatError::Checksum);
    }
    Ok((env, msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> Vec<u8> {
        let mut v = Vec::new();
        write(&mut v, b"{\"a\":1}", b"Subject: x\r\n\r\nbody\r\n").unwrap();
        v
    }

    #[test]
    fn round_trip() {
        let f = file();
        let (e, m) = read(&f).unwrap();
        assert_eq!(e, b"{\"a\":1}");
        assert_eq!(m, b"Subject: x\r\n\r\nbody\r\n");
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_detected() {
        let f = file();
        for cut in 0..f.len() {
            assert!(read(&f[..cut]).is_err(), "truncated at {cut} was accepted");
        }
        for i in 0..f.len() {
            let mut g = f.clone();
            g[i] ^= 0x20;
            assert!(read(&g).is_err(), "flipped byte {i} was accepted");
        }
    }
}
