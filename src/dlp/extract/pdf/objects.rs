//! The object layer: where each object lives (classic `xref` tables, PDF 1.5
//! cross-reference streams, object streams, incremental updates with the
//! newest entry winning) and a scan for `N G obj` when the table is broken.
//!
//! Every stream decoded here, object and xref streams included, goes
//! through [`Doc::decode`], which counts streams against the budget's entry
//! limit, checks the clock and caps the output by the budget's allowance.

use std::collections::{HashMap, HashSet};

use memchr::memmem;

use super::filters::{self, FilterError};
use super::syntax::{Dict, Lexer, Obj, Token, is_white};
use crate::dlp::extract::{Budget, Extracted};

/// Why reading stopped. `Limit` means the budget already recorded why.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop {
    Limit,
    Unreadable(&'static str),
}

#[derive(Clone, Copy, Debug)]
enum Loc {
    Offset(usize),
    InStream(u32),
}

/// Most `/Prev` sections followed; real files have a few updates.
const MAX_SECTIONS: usize = 64;
/// Reference chains (`1 0 R` pointing at another reference) followed.
const MAX_REF_DEPTH: u32 = 8;

pub struct Doc<'d, 'a, 'b> {
    data: &'d [u8],
    xref: HashMap<u32, Loc>,
    cache: HashMap<u32, Obj>,
    decoded_stms: HashSet<u32>,
    scanned: bool,
    resolving: u32,
    streams: usize,
    pub trailer: Dict,
    pub budget: &'a mut Budget<'b>,
    pub out: &'a mut Extracted,
}

impl<'d, 'a, 'b> Doc<'d, 'a, 'b> {
    /// Read the file structure. Falls back to scanning for objects when the
    /// cross-reference data is missing or points at the wrong places.
    pub fn open(
        data: &'d [u8],
        budget: &'a mut Budget<'b>,
        out: &'a mut Extracted,
    ) -> Result<Self, Stop> {
        let mut doc = Doc {
            data,
            xref: HashMap::new(),
            cache: HashMap::new(),
            decoded_stms: HashSet::new(),
            scanned: false,
            resolving: 0,
            streams: 0,
            trailer: Dict::default(),
            budget,
            out,
        };
        doc.read_xref()?;
        if doc.catalog().is_none() {
            doc.scan()?;
        }
        Ok(doc)
    }

    pub fn encrypted(&self) -> bool {
        self.trailer.get(b"Encrypt").is_some()
            || (self.scanned && memmem::find(self.data, b"/Encrypt").is_some())
    }

    /// The document catalog (`/Root`).
    pub fn catalog(&mut self) -> Option<Dict> {
        let root = self.trailer.get(b"Root").cloned()?;
        let cat = self.resolve(&root).ok()?;
        cat.as_dict().cloned()
    }

    fn read_xref(&mut self) -> Result<(), Stop> {
        let tail_from = self.data.len().saturating_sub(2048);
        let tail = self.data.get(tail_from..).unwrap_or_default();
        let Some(at) = memmem::rfind(tail, b"startxref") else {
            return Ok(());
        };
        let mut lx = Lexer::new(self.data, tail_from + at + 9);
        let Some(Token::Num(first)) = lx.token() else {
            return Ok(());
        };
        let mut next = Some(first as usize);
        let mut seen = HashSet::new();
        while let Some(off) = next.take() {
            if seen.len() >= MAX_SECTIONS || !seen.insert(off) {
                break;
            }
            let Some(trailer) = self.read_section(off)? else {
                break;
            };
            if let Some(Obj::Num(x)) = trailer.get(b"XRefStm") {
                // Hybrid file: the stream lists what the table marks free.
                let _ = self.read_section(*x as usize)?;
            }
            next = trailer.num(b"Prev").map(|p| p as usize);
            self.merge_trailer(trailer);
        }
        Ok(())
    }

    /// Newest trailer keys win; older ones fill the gaps.
    fn merge_trailer(&mut self, t: Dict) {
        for (k, v) in t.0 {
            if self.trailer.get(&k).is_none() {
                self.trailer.0.push((k, v));
            }
        }
    }

    /// One `xref` table or cross-reference stream at `off`; its trailer.
    fn read_section(&mut self, off: usize) -> Result<Option<Dict>, Stop> {
        let mut lx = Lexer::new(self.data, off);
        lx.skip_ws();
        if self
            .data
            .get(lx.pos..)
            .is_some_and(|r| r.starts_with(b"xref"))
        {
            lx.pos += 4;
            return Ok(self.read_table(&mut lx));
        }
        let Some((_, Obj::Stream(dict, range))) = self.parse_at(off) else {
            return Ok(None);
        };
        if dict.name(b"Type") != Some(b"XRef") {
            return Ok(None);
        }
        let raw = self.data.get(range).unwrap_or_default();
        let body = self.decode(&dict, raw)?;
        self.read_xref_stream(&dict, &body);
        Ok(Some(dict))
    }

    fn read_table(&mut self, lx: &mut Lexer<'_>) -> Option<Dict> {
        loop {
            match lx.token()? {
                Token::Num(start) => {
                    let Some(Token::Num(count)) = lx.token() else {
                        return None;
                    };
                    let mut id = start as u32;
                    for _ in 0..count as u64 {
                        let (Some(Token::Num(o)), Some(Token::Num(_)), Some(Token::Keyword(k))) =
                            (lx.token(), lx.token(), lx.token())
                        else {
                            return None;
                        };
                        if k == b"n" && o > 0.0 {
                            self.xref.entry(id).or_insert(Loc::Offset(o as usize));
                        }
                        id = id.wrapping_add(1);
                    }
                }
                Token::Keyword(k) if k == b"trailer" => {
                    return lx.object().and_then(|o| o.as_dict().cloned());
                }
                _ => return None,
            }
        }
    }

    fn read_xref_stream(&mut self, dict: &Dict, body: &[u8]) {
        let w: Vec<usize> = dict
            .get(b"W")
            .and_then(Obj::as_array)
            .unwrap_or_default()
            .iter()
            .map(|o| o.as_num().unwrap_or(0.0).clamp(0.0, 8.0) as usize)
            .collect();
        let [w0, w1, w2] = w.as_slice() else { return };
        let row = w0 + w1 + w2;
        if row == 0 {
            return;
        }
        let size = dict.num(b"Size").unwrap_or(0.0);
        let index: Vec<f64> = match dict.get(b"Index").and_then(Obj::as_array) {
            Some(a) => a.iter().filter_map(Obj::as_num).collect(),
            None => vec![0.0, size],
        };
        let mut rows = body.chunks_exact(row);
        for pair in index.chunks_exact(2) {
            let mut id = pair[0] as u32;
            for _ in 0..pair[1] as u64 {
                let Some(r) = rows.next() else { return };
                let kind = if *w0 == 0 { 1 } else { be(&r[..*w0]) };
                let a = be(&r[*w0..w0 + w1]);
                match kind {
                    1 if a > 0 => {
                        self.xref.entry(id).or_insert(Loc::Offset(a as usize));
                    }
                    2 => {
                        self.xref.entry(id).or_insert(Loc::InStream(a as u32));
                    }
                    _ => {}
                }
                id = id.wrapping_add(1);
            }
        }
    }

    /// Decode a stream's data through its filters within the budget.
    pub fn decode(&mut self, dict: &Dict, raw: &[u8]) -> Result<Vec<u8>, Stop> {
        self.streams += 1;
        if self.streams > self.budget.limits.max_entries {
            return Err(Stop::Unreadable("too many PDF streams"));
        }
        if self.budget.out_of_time(self.out) {
            return Err(Stop::Limit);
        }
        let allowance = self.budget.entry_allowance();
        match filters::decode(dict, raw, allowance) {
            Ok(v) => {
                self.budget.spend_decompressed(v.len());
                Ok(v)
            }
            Err(FilterError::TooBig) => {
                self.budget.spend_decompressed(allowance);
                self.budget
                    .exhaust(self.out, "PDF stream decompressed size limit reached");
                Err(Stop::Limit)
            }
            Err(FilterError::Image) => Err(Stop::Unreadable("image stream")),
            Err(FilterError::Unsupported) => {
                Err(Stop::Unreadable("PDF stream filter not supported"))
            }
            Err(FilterError::Corrupt) => Err(Stop::Unreadable("PDF stream does not decode")),
        }
    }

    /// Decoded data of a stream object (or reference to one).
    pub fn stream_data(&mut self, obj: &Obj) -> Result<Option<(Dict, Vec<u8>)>, Stop> {
        let Ok(Obj::Stream(dict, range)) = self.resolve(obj) else {
            return Ok(None);
        };
        let raw = self.data.get(range).unwrap_or_default();
        let body = self.decode(&dict, raw)?;
        Ok(Some((dict, body)))
    }

    /// Follow references to a direct object; `Null` for what is missing.
    pub fn resolve(&mut self, obj: &Obj) -> Result<Obj, Stop> {
        let mut cur = obj.clone();
        for _ in 0..MAX_REF_DEPTH {
            let Obj::Ref(id, _) = cur else { return Ok(cur) };
            cur = self.get(id)?;
        }
        Ok(Obj::Null)
    }

    fn get(&mut self, id: u32) -> Result<Obj, Stop> {
        if let Some(o) = self.cache.get(&id) {
            return Ok(o.clone());
        }
        if self.resolving >= MAX_REF_DEPTH {
            return Ok(Obj::Null);
        }
        self.resolving += 1;
        let r = self.load(id);
        self.resolving -= 1;
        let o = r?;
        self.cache.insert(id, o.clone());
        Ok(o)
    }

    fn load(&mut self, id: u32) -> Result<Obj, Stop> {
        match self.xref.get(&id).copied() {
            Some(Loc::Offset(off)) => match self.parse_at(off) {
                Some((got, o)) if got == id => Ok(o),
                _ if !self.scanned => {
                    self.scan()?;
                    self.load(id)
                }
                _ => Ok(Obj::Null),
            },
            Some(Loc::InStream(stm)) => {
                self.unpack_stream(stm)?;
                Ok(self.cache.get(&id).cloned().unwrap_or(Obj::Null))
            }
            None if !self.scanned => {
                self.scan()?;
                self.load(id)
            }
            None => Ok(Obj::Null),
        }
    }

    /// Decode an object stream once and cache the objects it holds that the
    /// cross-reference data places there.
    fn unpack_stream(&mut self, stm: u32) -> Result<(), Stop> {
        if !self.decoded_stms.insert(stm) {
            return Ok(());
        }
        let Some((dict, body)) = self.stream_data(&Obj::Ref(stm, 0))? else {
            return Ok(());
        };
        let n = dict.num(b"N").unwrap_or(0.0).max(0.0) as usize;
        let first = dict.num(b"First").unwrap_or(0.0).max(0.0) as usize;
        let mut lx = Lexer::new(&body, 0);
        let mut heads = Vec::new();
        for _ in 0..n {
            let (Some(Token::Num(id)), Some(Token::Num(off))) = (lx.token(), lx.token()) else {
                break;
            };
            heads.push((id as u32, off as usize));
        }
        for (id, off) in heads {
            let mine = match self.xref.get(&id) {
                Some(Loc::InStream(s)) => *s == stm,
                Some(Loc::Offset(_)) => false,
                None => true,
            };
            if !mine || self.cache.contains_key(&id) {
                continue;
            }
            let mut lx = Lexer::new(&body, first.saturating_add(off));
            if let Some(o) = lx.object() {
                self.xref.entry(id).or_insert(Loc::InStream(stm));
                self.cache.insert(id, o);
            }
        }
        Ok(())
    }

    /// `N G obj ... [stream ... endstream]` at `off`.
    fn parse_at(&mut self, off: usize) -> Option<(u32, Obj)> {
        let mut lx = Lexer::new(self.data, off);
        let (Some(Token::Num(id)), Some(Token::Num(_)), Some(Token::Keyword(k))) =
            (lx.token(), lx.token(), lx.token())
        else {
            return None;
        };
        if k != b"obj" {
            return None;
        }
        let obj = lx.object()?;
        match (lx.token(), obj) {
            (Some(Token::Keyword(k)), Obj::Dict(d)) if k == b"stream" => {
                let range = self.stream_range(&d, lx.pos);
                Some((id as u32, Obj::Stream(d, range)))
            }
            (_, o) => Some((id as u32, o)),
        }
    }

    /// Where a stream's data lies: `/Length` when it checks out, else up to
    /// the next `endstream`.
    fn stream_range(&mut self, d: &Dict, after_kw: usize) -> std::ops::Range<usize> {
        let mut start = after_kw;
        if self.data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if self.data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let len = match d.get(b"Length") {
            Some(Obj::Num(n)) => Some(*n),
            Some(r @ Obj::Ref(..)) => self.resolve(r).ok().and_then(|o| o.as_num()),
            _ => None,
        };
        if let Some(len) = len.filter(|l| *l >= 0.0) {
            let end = start.saturating_add(len as usize);
            let rest = self.data.get(end..).unwrap_or_default();
            let skip = rest.iter().take_while(|b| is_white(**b)).count();
            if rest
                .get(skip..)
                .is_some_and(|r| r.starts_with(b"endstream"))
            {
                return start..end;
            }
        }
        let rest = self.data.get(start..).unwrap_or_default();
        let end = memmem::find(rest, b"endstream").map_or(self.data.len(), |e| start + e);
        start..end.max(start)
    }

    /// Rebuild the table by scanning for `N G obj`; later objects win, as in
    /// an incremental update. Finds a trailer or a catalog for `/Root`.
    fn scan(&mut self) -> Result<(), Stop> {
        if self.scanned {
            return Ok(());
        }
        self.scanned = true;
        let mut found: HashMap<u32, usize> = HashMap::new();
        for at in memmem::find_iter(self.data, b"obj") {
            if let Some((id, start)) = obj_header(self.data, at) {
                found.insert(id, start);
            }
        }
        for (id, off) in &found {
            self.xref.insert(*id, Loc::Offset(*off));
        }
        self.cache.clear();
        self.decoded_stms.clear();
        if self.trailer.get(b"Root").is_none() {
            self.find_root(&found)?;
        }
        Ok(())
    }

    fn find_root(&mut self, found: &HashMap<u32, usize>) -> Result<(), Stop> {
        for at in memmem::rfind_iter(self.data, b"trailer") {
            let mut lx = Lexer::new(self.data, at + 7);
            if let Some(Obj::Dict(d)) = lx.object()
                && d.get(b"Root").is_some()
            {
                self.merge_trailer(d);
                return Ok(());
            }
        }
        let mut ids: Vec<(usize, u32)> = found.iter().map(|(id, off)| (*off, *id)).collect();
        ids.sort_unstable();
        if let Some(pos) = memmem::rfind(self.data, b"/Catalog")
            && let Some((_, id)) = ids.iter().rev().find(|(off, _)| *off < pos)
        {
            self.trailer.0.push((b"Root".to_vec(), Obj::Ref(*id, 0)));
            return Ok(());
        }
        // The catalog may sit in an object stream: unpack them all.
        let stms: Vec<u32> = ids
            .iter()
            .filter(|(off, _)| {
                let end = (off + 256).min(self.data.len());
                self.data
                    .get(*off..end)
                    .is_some_and(|h| memmem::find(h, b"/ObjStm").is_some())
            })
            .map(|(_, id)| *id)
            .collect();
        for s in stms {
            self.unpack_stream(s)?;
        }
        let root = self
            .cache
            .iter()
            .find(|(_, o)| o.as_dict().and_then(|d| d.name(b"Type")) == Some(b"Catalog"))
            .map(|(id, _)| *id);
        if let Some(id) = root {
            self.trailer.0.push((b"Root".to_vec(), Obj::Ref(id, 0)));
        }
        Ok(())
    }
}

/// `obj` at `at` preceded by `N G`: the object id and where `N` starts.
fn obj_header(data: &[u8], at: usize) -> Option<(u32, usize)> {
    let after = data.get(at + 3).copied();
    if after.is_some_and(|b| !is_white(b) && !b"<[(/%".contains(&b)) {
        return None;
    }
    let mut i = at;
    let digits_back = |i: &mut usize| {
        let end = *i;
        while *i > 0 && data.get(*i - 1).is_some_and(u8::is_ascii_digit) {
            *i -= 1;
        }
        (*i < end).then_some(*i..end)
    };
    let ws_back = |i: &mut usize| {
        let end = *i;
        while *i > 0 && data.get(*i - 1).is_some_and(|b| is_white(*b)) {
            *i -= 1;
        }
        *i < end
    };
    if !ws_back(&mut i) {
        return None;
    }
    digits_back(&mut i)?;
    if !ws_back(&mut i) {
        return None;
    }
    let id = digits_back(&mut i)?;
    let id: u32 = std::str::from_utf8(data.get(id)?).ok()?.parse().ok()?;
    Some((id, i))
}

fn be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}
