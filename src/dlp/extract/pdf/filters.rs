//! Stream filters: Flate (with PNG/TIFF predictors), ASCII85, ASCIIHex,
//! LZW and RunLength, alone or chained. Image codecs (DCT, JBIG2, CCITT,
//! JPX) are never decoded: their content is pixels, not text.
//!
//! Every decoder is given a byte cap (the budget's allowance for one entry)
//! and stops with [`FilterError::TooBig`] past it, so a bomb costs at most
//! the cap, whatever its ratio.

use std::io::Read;

use super::syntax::{Dict, Obj};

#[derive(Debug, PartialEq, Eq)]
pub enum FilterError {
    /// Output would pass the cap.
    TooBig,
    /// An image codec: the stream holds pixels.
    Image,
    /// A filter we do not implement (Crypt, unknown names).
    Unsupported,
    /// Corrupt data that yields nothing.
    Corrupt,
}

/// Decode `raw` through the stream's `/Filter` chain, never producing more
/// than `cap` bytes at any stage.
pub fn decode(dict: &Dict, raw: &[u8], cap: usize) -> Result<Vec<u8>, FilterError> {
    let filters: Vec<&[u8]> = match dict.get(b"Filter").or_else(|| dict.get(b"F")) {
        None | Some(Obj::Null) => return Ok(raw.to_vec()),
        Some(Obj::Name(n)) => vec![n.as_slice()],
        Some(Obj::Array(a)) => a.iter().filter_map(Obj::as_name).collect(),
        Some(_) => return Err(FilterError::Unsupported),
    };
    let parms = dict.get(b"DecodeParms").or_else(|| dict.get(b"DP"));
    let mut data = raw.to_vec();
    for (i, f) in filters.iter().enumerate() {
        let p = match parms {
            Some(Obj::Dict(d)) if i == 0 => Some(d),
            Some(Obj::Array(a)) => a.get(i).and_then(Obj::as_dict),
            _ => None,
        };
        data = one(f, &data, p, cap)?;
    }
    Ok(data)
}

fn one(name: &[u8], data: &[u8], parms: Option<&Dict>, cap: usize) -> Result<Vec<u8>, FilterError> {
    let out = match name {
        b"FlateDecode" | b"Fl" => flate(data, cap)?,
        b"LZWDecode" | b"LZW" => {
            let early = parms.and_then(|p| p.num(b"EarlyChange")).unwrap_or(1.0) != 0.0;
            lzw(data, early, cap)?
        }
        b"ASCII85Decode" | b"A85" => ascii85(data)?,
        b"ASCIIHexDecode" | b"AHx" => ascii_hex(data),
        b"RunLengthDecode" | b"RL" => run_length(data, cap)?,
        b"DCTDecode" | b"DCT" | b"JBIG2Decode" | b"CCITTFaxDecode" | b"CCF" | b"JPXDecode" => {
            return Err(FilterError::Image);
        }
        _ => return Err(FilterError::Unsupported),
    };
    if out.len() > cap {
        return Err(FilterError::TooBig);
    }
    match name {
        b"FlateDecode" | b"Fl" | b"LZWDecode" | b"LZW" => predict(out, parms),
        _ => Ok(out),
    }
}

fn flate(data: &[u8], cap: usize) -> Result<Vec<u8>, FilterError> {
    let mut buf = Vec::new();
    let r = flate2::read::ZlibDecoder::new(data)
        .take(cap as u64 + 1)
        .read_to_end(&mut buf);
    if buf.len() > cap {
        return Err(FilterError::TooBig);
    }
    if r.is_err() && buf.is_empty() {
        // Some writers omit the zlib header: try raw deflate.
        let r = flate2::read::DeflateDecoder::new(data)
            .take(cap as u64 + 1)
            .read_to_end(&mut buf);
        if buf.len() > cap {
            return Err(FilterError::TooBig);
        }
        if r.is_err() && buf.is_empty() {
            return Err(FilterError::Corrupt);
        }
    }
    // A truncated stream still yields its readable prefix.
    Ok(buf)
}

/// PNG (10..15) and TIFF (2) predictors, as used by xref and object streams.
fn predict(data: Vec<u8>, parms: Option<&Dict>) -> Result<Vec<u8>, FilterError> {
    let Some(p) = parms else { return Ok(data) };
    let predictor = p.num(b"Predictor").unwrap_or(1.0) as i64;
    if predictor <= 1 {
        return Ok(data);
    }
    let colors = p.num(b"Colors").unwrap_or(1.0).clamp(1.0, 32.0) as usize;
    let bpc = p.num(b"BitsPerComponent").unwrap_or(8.0).clamp(1.0, 16.0) as usize;
    let columns = p.num(b"Columns").unwrap_or(1.0).clamp(1.0, 1e6) as usize;
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let row = (colors * bpc * columns).div_ceil(8);
    if predictor == 2 {
        return Ok(tiff(data, bpp, row, bpc));
    }
    png(&data, bpp, row)
}

fn tiff(mut data: Vec<u8>, bpp: usize, row: usize, bpc: usize) -> Vec<u8> {
    if bpc != 8 || row == 0 {
        return data;
    }
    for line in data.chunks_mut(row) {
        for i in bpp..line.len() {
            line[i] = line[i].wrapping_add(line[i - bpp]);
        }
    }
    data
}

fn png(data: &[u8], bpp: usize, row: usize) -> Result<Vec<u8>, FilterError> {
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let Some((&kind, line)) = chunk.split_first() else {
            break;
        };
        let mut cur = line.to_vec();
        cur.resize(row, 0);
        for i in 0..row {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            let add = match kind {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return Err(FilterError::Corrupt),
            };
            cur[i] = cur[i].wrapping_add(add);
        }
        out.extend_from_slice(&cur[..line.len().min(row)]);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// ASCII85: output is at most 4/5 of the input (plus `z`), so no cap is
/// needed beyond the caller's final check... except `z`, which is 4 bytes
/// for 1; still bounded by 4x the input.
fn ascii85(data: &[u8]) -> Result<Vec<u8>, FilterError> {
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    let mut out = Vec::with_capacity(data.len());
    let mut group = [0u8; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    out.extend_from_slice(&a85_word(&group).to_be_bytes());
                    n = 0;
                }
            }
            b if super::syntax::is_white(b) => {}
            _ => return Err(FilterError::Corrupt),
        }
    }
    if n > 1 {
        let mut g = [b'u' - b'!'; 5];
        g[..n].copy_from_slice(&group[..n]);
        out.extend_from_slice(&a85_word(&g).to_be_bytes()[..n - 1]);
    }
    Ok(out)
}

fn a85_word(g: &[u8; 5]) -> u32 {
    g.iter().fold(0u32, |acc, &d| {
        acc.wrapping_mul(85).wrapping_add(u32::from(d))
    })
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut wrapped = Vec::with_capacity(data.len() + 1);
    wrapped.push(b'<');
    wrapped.extend_from_slice(data);
    match super::syntax::Lexer::new(&wrapped, 0).token() {
        Some(super::syntax::Token::Str(s)) => s,
        _ => Vec::new(),
    }
}

fn run_length(data: &[u8], cap: usize) -> Result<Vec<u8>, FilterError> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&len) = data.get(i) {
        i += 1;
        match len {
            128 => break,
            0..=127 => {
                let n = usize::from(len) + 1;
                let end = (i + n).min(data.len());
                out.extend_from_slice(data.get(i..end).unwrap_or_default());
                i = end;
            }
            _ => {
                let Some(&b) = data.get(i) else { break };
                i += 1;
                out.resize(out.len() + 257 - usize::from(len), b);
            }
        }
        if out.len() > cap {
            return Err(FilterError::TooBig);
        }
    }
    Ok(out)
}

/// LZW as in TIFF/PDF: 9..12-bit codes, 256 = clear, 257 = end.
fn lzw(data: &[u8], early: bool, cap: usize) -> Result<Vec<u8>, FilterError> {
    let mut table: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    table.push(Vec::new());
    table.push(Vec::new());
    let mut out = Vec::new();
    let mut width = 9u32;
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut prev: Option<usize> = None;
    for &b in data {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= width {
            bits -= width;
            let code = ((acc >> bits) & ((1 << width) - 1)) as usize;
            acc &= (1 << bits) - 1;
            match code {
                256 => {
                    table.truncate(258);
                    width = 9;
                    prev = None;
                    continue;
                }
                257 => return Ok(out),
                _ => {}
            }
            let entry = match (table.get(code), prev) {
                (Some(e), _) if !(256..=257).contains(&code) => e.clone(),
                (None, Some(p)) if code == table.len() => {
                    let mut e = table.get(p).cloned().unwrap_or_default();
                    e.push(e.first().copied().unwrap_or(0));
                    e
                }
                _ => {
                    return if out.is_empty() {
                        Err(FilterError::Corrupt)
                    } else {
                        Ok(out)
                    };
                }
            };
            if let Some(p) = prev
                && table.len() < 4096
            {
                let mut e = table.get(p).cloned().unwrap_or_default();
                e.push(entry.first().copied().unwrap_or(0));
                table.push(e);
            }
            out.extend_from_slice(&entry);
            if out.len() > cap {
                return Err(FilterError::TooBig);
            }
            prev = Some(code);
            let next = table.len() + usize::from(early);
            width = if next >= 2048 {
                12
            } else if next >= 1024 {
                11
            } else if next >= 512 {
                10
            } else {
                9
            };
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(filter: Obj) -> Dict {
        Dict(vec![(b"Filter".to_vec(), filter)])
    }

    #[test]
    fn ascii85_and_hex() {
        // "Hello" in ASCII85.
        assert_eq!(ascii85(b"87cURDZ~>").unwrap(), b"Hello");
        assert_eq!(ascii85(b"z~>").unwrap(), [0; 4]);
        assert_eq!(ascii_hex(b"48 65 6c6C 6>"), b"Hell\x60");
    }

    #[test]
    fn run_length_and_bomb_cap() {
        assert_eq!(run_length(b"\x02abc\xfeZ\x80", 100).unwrap(), b"abcZZZ");
        let bomb = [0x81u8, b'x'].repeat(1000);
        assert_eq!(run_length(&bomb, 1000), Err(FilterError::TooBig));
    }

    #[test]
    fn lzw_spec_example() {
        // PDF reference 7.4.4.2: "-----A---B" encoded with EarlyChange 1.
        let enc = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        assert_eq!(lzw(&enc, true, 100).unwrap(), b"-----A---B");
    }

    #[test]
    fn chain_a85_flate_and_png_predictor() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        // Two rows of 3 columns, PNG "Up" filter on the second.
        z.write_all(&[0, 1, 2, 3, 2, 1, 1, 1]).unwrap();
        let flated = z.finish().unwrap();
        let d = Dict(vec![
            (b"Filter".to_vec(), Obj::Name(b"FlateDecode".to_vec())),
            (
                b"DecodeParms".to_vec(),
                Obj::Dict(Dict(vec![
                    (b"Predictor".to_vec(), Obj::Num(12.0)),
                    (b"Columns".to_vec(), Obj::Num(3.0)),
                ])),
            ),
        ]);
        assert_eq!(decode(&d, &flated, 100).unwrap(), [1, 2, 3, 2, 3, 4]);
        assert_eq!(decode(&d, &flated, 3), Err(FilterError::TooBig));
        let img = dict(Obj::Name(b"DCTDecode".to_vec()));
        assert_eq!(decode(&img, b"\xff\xd8", 100), Err(FilterError::Image));
    }
}
