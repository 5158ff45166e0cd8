//! Content streams: run the text operators with enough of the graphics
//! state (CTM, text matrix, font, spacing) to know where each string lands,
//! so that moves become spaces or line breaks by position. A label and its
//! value on one line stay together; two lines never merge their words.
//!
//! Also counts what the quality gate needs: glyphs shown, glyphs with no
//! Unicode mapping, and images painted (XObjects and inline images).

use std::collections::HashMap;
use std::rc::Rc;

use memchr::memmem;

use super::fonts::Font;
use super::objects::{Doc, Stop};
use super::syntax::{Dict, Lexer, Obj, Token, is_white};

/// Form XObjects nested deeper than this are not followed.
const MAX_FORM_DEPTH: u32 = 8;
/// `q` nesting kept; deeper saves are ignored rather than stored.
const MAX_SAVE_DEPTH: usize = 64;
/// Operands kept before an operator; more is junk.
const MAX_OPERANDS: usize = 64;
/// A `TJ` adjustment beyond this many thousandths of an em is a word gap.
const TJ_SPACE: f64 = -200.0;

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f64, ty: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// Cell starts kept per document; past this, the positioned view covers
/// only the first cells (the text itself is complete).
const MAX_CELLS: usize = 1 << 18;

/// Where a cell starts: a run of text after a tab (column gap), a line
/// break or a new page, at byte `at` of the text. Device space; `size` is
/// the font size there.
#[derive(Clone, Copy, Debug)]
pub struct CellStart {
    pub at: usize,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub page: u32,
}

/// Text and counts gathered over a whole document.
#[derive(Default)]
pub struct Reader {
    pub text: String,
    /// Where each cell of `text` starts, for [`super::layout`].
    pub cells: Vec<CellStart>,
    page: u32,
    pub glyphs: usize,
    pub unmapped: usize,
    /// Glyphs and images on the current page.
    pub page_glyphs: usize,
    pub page_images: usize,
    max_text: usize,
    /// Where the last string ended: (x, y, font size), device space.
    last: Option<(f64, f64, f64)>,
    /// The text ends with a space put in for a gap (a `TJ` adjustment or a
    /// jump of the pen). Justified lines (fpdf2) draw a space glyph and
    /// then widen it with the gap: that glyph is the same word break.
    gap_space: bool,
    fonts: HashMap<u32, Rc<Font>>,
}

/// Graphics and text state for one content stream.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    tm: Matrix,
    tlm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            tm: IDENTITY,
            tlm: IDENTITY,
            font: None,
            size: 1.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
        }
    }
}

impl Reader {
    pub fn new(max_text: usize) -> Reader {
        Reader {
            max_text,
            ..Reader::default()
        }
    }

    pub fn begin_page(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str("\n\n");
        }
        self.last = None;
        self.gap_space = false;
        self.page += 1;
        self.page_glyphs = 0;
        self.page_images = 0;
    }

    /// Run one page's (or form's) content stream.
    pub fn run(
        &mut self,
        doc: &mut Doc<'_, '_, '_>,
        content: &[u8],
        resources: &Dict,
    ) -> Result<(), Stop> {
        self.run_at(doc, content, resources, State::default(), 0)
    }

    fn run_at(
        &mut self,
        doc: &mut Doc<'_, '_, '_>,
        content: &[u8],
        resources: &Dict,
        start: State,
        depth: u32,
    ) -> Result<(), Stop> {
        let mut st = start;
        let mut saved: Vec<State> = Vec::new();
        let mut args: Vec<Obj> = Vec::new();
        let mut lx = Lexer::new(content, 0);
        while let Some(t) = lx.token() {
            let op = match t {
                Token::Keyword(k) => k,
                t => {
                    if let Some(o) = lx.object_from(t, 0)
                        && args.len() < MAX_OPERANDS
                    {
                        args.push(o);
                    }
                    continue;
                }
            };
            match op.as_slice() {
                b"q" if saved.len() < MAX_SAVE_DEPTH => saved.push(st.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        st = s;
                    }
                }
                b"BI" => {
                    skip_inline_image(&mut lx);
                    self.page_images += 1;
                }
                b"Do" => {
                    if let Some(Obj::Name(n)) = args.last() {
                        let n = n.clone();
                        self.xobject(doc, resources, &n, &st, depth)?;
                    }
                }
                b"Tf" => {
                    if let (Some(Obj::Name(n)), Some(size)) =
                        (args.first(), args.get(1).and_then(Obj::as_num))
                    {
                        let n = n.clone();
                        st.font = self.font(doc, resources, &n)?;
                        st.size = size;
                    }
                }
                _ => self.text_op(&op, &args, &mut st),
            }
            args.clear();
        }
        Ok(())
    }

    /// Operators that only touch the text and graphics state, and the
    /// text-showing ones.
    fn text_op(&mut self, op: &[u8], args: &[Obj], st: &mut State) {
        let n = |i: usize| args.get(i).and_then(Obj::as_num).unwrap_or(0.0);
        match op {
            b"cm" if args.len() == 6 => {
                st.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &st.ctm)
            }
            b"BT" => {
                st.tm = IDENTITY;
                st.tlm = IDENTITY;
            }
            b"Tc" => st.char_space = n(0),
            b"Tw" => st.word_space = n(0),
            b"Tz" => st.scale = n(0) / 100.0,
            b"TL" => st.leading = n(0),
            b"Td" => next_line(st, n(0), n(1)),
            b"TD" => {
                st.leading = -n(1);
                next_line(st, n(0), n(1));
            }
            b"Tm" if args.len() == 6 => {
                st.tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                st.tm = st.tlm;
            }
            b"T*" => next_line(st, 0.0, -st.leading),
            b"Tj" => self.show_obj(args.first(), st),
            b"'" => {
                next_line(st, 0.0, -st.leading);
                self.show_obj(args.first(), st);
            }
            b"\"" => {
                st.word_space = n(0);
                st.char_space = n(1);
                next_line(st, 0.0, -st.leading);
                self.show_obj(args.get(2), st);
            }
            b"TJ" => {
                for item in args.first().and_then(Obj::as_array).unwrap_or_default() {
                    match item {
                        Obj::Num(adj) => {
                            let tx = -adj / 1000.0 * st.size * st.scale;
                            st.tm = mul(&translate(tx, 0.0), &st.tm);
                            if *adj <= TJ_SPACE && !self.text.ends_with([' ', '\n']) {
                                self.push_gap();
                            }
                        }
                        other => self.show_obj(Some(other), st),
                    }
                }
            }
            _ => {}
        }
    }

    fn show_obj(&mut self, o: Option<&Obj>, st: &mut State) {
        if let Some(Obj::Str(s)) = o {
            self.show(s, st);
        }
    }

    /// Show one string: place it relative to the previous one, then append
    /// its decoded glyphs and advance the text matrix.
    fn show(&mut self, bytes: &[u8], st: &mut State) {
        let m = mul(&st.tm, &st.ctm);
        let fs = (st.size * m[2].hypot(m[3])).abs().max(0.1);
        self.place(m[4], m[5], fs);
        self.mark_cell(m[4], m[5], fs);
        // Some generators show UTF-16BE text strings (with BOM) in a simple
        // font; the bytes are text, not codes.
        let simple = st.font.as_ref().is_none_or(|f| !f.is_composite());
        if let (true, Some(rest)) = (simple, bytes.strip_prefix(&[0xFE, 0xFF])) {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            let s = String::from_utf16_lossy(&units);
            self.glyphs += units.len();
            self.page_glyphs += units.len();
            let s = match s.strip_prefix(' ') {
                Some(rest) if self.gap_space => rest,
                _ => &s,
            };
            self.push(s);
            return;
        }
        let glyphs = match &st.font {
            Some(f) => f.decode(bytes),
            None => Vec::new(),
        };
        if st.font.is_none() {
            self.glyphs += bytes.len();
            self.unmapped += bytes.len();
            self.page_glyphs += bytes.len();
        }
        for g in glyphs {
            self.glyphs += 1;
            self.page_glyphs += 1;
            match &g.text {
                Some(t) if t == " " && self.gap_space => self.gap_space = false,
                Some(t) => self.push(t),
                None => self.unmapped += 1,
            }
            let spacing = st.char_space + if g.is_space { st.word_space } else { 0.0 };
            let tx = (g.width * st.size + spacing) * st.scale;
            st.tm = mul(&translate(tx, 0.0), &st.tm);
        }
        let end = mul(&st.tm, &st.ctm);
        self.last = Some((end[4], end[5], fs));
    }

    /// A line break when the baseline moved by more than half a line, a
    /// space when the pen jumped forward (or back) along the line, a tab
    /// when it jumped a column.
    fn place(&mut self, x: f64, y: f64, fs: f64) {
        let Some((lx, ly, lfs)) = self.last else {
            return;
        };
        let size = fs.max(lfs);
        if (y - ly).abs() > 0.5 * size {
            if !self.text.ends_with('\n') {
                self.push("\n");
            }
        } else {
            let gap = x - lx;
            // A jump wider than a word gap is a column gap: a tab, so a
            // table's cells stay apart for the table reader.
            if gap > 1.2 * size && !self.text.ends_with(['\t', '\n']) {
                if self.text.ends_with(' ') {
                    self.text.pop();
                }
                self.push("\t");
            } else if (gap > 0.15 * size || gap < -0.2 * size)
                && !self.text.ends_with([' ', '\t', '\n'])
            {
                self.push_gap();
            }
        }
    }

    /// Note where a cell starts when this string begins one (the text is
    /// empty or ends in a tab or line break). A start that got no text is
    /// replaced by the next one.
    fn mark_cell(&mut self, x: f64, y: f64, fs: f64) {
        if !(self.text.is_empty() || self.text.ends_with(['\t', '\n'])) {
            return;
        }
        let c = CellStart {
            at: self.text.len(),
            x: x as f32,
            y: y as f32,
            size: fs as f32,
            page: self.page,
        };
        if let Some(last) = self.cells.last_mut()
            && last.at == c.at
        {
            *last = c;
        } else if self.cells.len() < MAX_CELLS {
            self.cells.push(c);
        }
    }

    fn push(&mut self, s: &str) {
        if self.text.len() + s.len() <= self.max_text {
            self.text.push_str(s);
            self.gap_space = false;
        }
    }

    /// A space for a gap in the pen's path (see `gap_space`).
    fn push_gap(&mut self) {
        self.push(" ");
        self.gap_space = self.text.ends_with(' ');
    }

    /// The font named `name` in `resources`, loaded once per object.
    fn font(
        &mut self,
        doc: &mut Doc<'_, '_, '_>,
        resources: &Dict,
        name: &[u8],
    ) -> Result<Option<Rc<Font>>, Stop> {
        let fonts = match resources.get(b"Font") {
            Some(f) => doc.resolve(f)?,
            None => return Ok(None),
        };
        let Some(entry) = fonts.as_dict().and_then(|d| d.get(name)).cloned() else {
            return Ok(None);
        };
        let key = match entry {
            Obj::Ref(id, _) => Some(id),
            _ => None,
        };
        if let Some(f) = key.and_then(|k| self.fonts.get(&k)) {
            return Ok(Some(f.clone()));
        }
        let Some(mut dict) = doc.resolve(&entry)?.as_dict().cloned() else {
            return Ok(None);
        };
        // ghostscript writes `/Encoding 17 0 R` (a dictionary with
        // `/BaseEncoding` and `/Differences`) and producers put `/Widths`
        // in objects of their own: read as references, the font would fall
        // back to StandardEncoding, where é is Ø and í is nothing.
        resolve_entries(doc, &mut dict, &[b"Encoding", b"Widths", b"FirstChar"])?;
        if let Some(Obj::Dict(enc)) = dict
            .0
            .iter_mut()
            .find(|(k, _)| k == b"Encoding")
            .map(|(_, v)| v)
        {
            resolve_entries(doc, enc, &[b"BaseEncoding", b"Differences"])?;
        }
        let to_unicode = match dict.get(b"ToUnicode") {
            Some(t) => doc.stream_data(t)?.map(|(_, body)| body),
            None => None,
        };
        let mut descendant = match dict.get(b"DescendantFonts") {
            Some(d) => match doc.resolve(d)? {
                Obj::Array(a) => match a.first() {
                    Some(first) => doc.resolve(first)?.as_dict().cloned(),
                    None => None,
                },
                _ => None,
            },
            None => None,
        };
        if let Some(d) = descendant.as_mut() {
            resolve_entries(doc, d, &[b"W", b"DW"])?;
        }
        let font = Rc::new(Font::new(&dict, to_unicode.as_deref(), descendant.as_ref()));
        if let Some(k) = key {
            self.fonts.insert(k, font.clone());
        }
        Ok(Some(font))
    }

    /// `Do`: count images, run forms with their own resources and matrix.
    fn xobject(
        &mut self,
        doc: &mut Doc<'_, '_, '_>,
        resources: &Dict,
        name: &[u8],
        st: &State,
        depth: u32,
    ) -> Result<(), Stop> {
        let xobjects = match resources.get(b"XObject") {
            Some(x) => doc.resolve(x)?,
            None => return Ok(()),
        };
        let Some(entry) = xobjects.as_dict().and_then(|d| d.get(name)).cloned() else {
            return Ok(());
        };
        let Obj::Stream(dict, _) = doc.resolve(&entry)? else {
            return Ok(());
        };
        match dict.name(b"Subtype") {
            Some(b"Image") => self.page_images += 1,
            Some(b"Form") if depth < MAX_FORM_DEPTH => {
                let Some((_, body)) = doc.stream_data(&entry)? else {
                    return Ok(());
                };
                let res = match dict.get(b"Resources") {
                    Some(r) => doc.resolve(r)?.as_dict().cloned().unwrap_or_default(),
                    None => resources.clone(),
                };
                let mut inner = State {
                    ctm: st.ctm,
                    ..State::default()
                };
                if let Some(m) = dict.get(b"Matrix").and_then(Obj::as_array) {
                    let v: Vec<f64> = m.iter().filter_map(Obj::as_num).collect();
                    if let [a, b, c, d, e, f] = v.as_slice() {
                        inner.ctm = mul(&[*a, *b, *c, *d, *e, *f], &st.ctm);
                    }
                }
                self.run_at(doc, &body, &res, inner, depth + 1)?;
            }
            _ => {}
        }
        Ok(())
    }
}

fn next_line(st: &mut State, tx: f64, ty: f64) {
    st.tlm = mul(&translate(tx, ty), &st.tlm);
    st.tm = st.tlm;
}

/// Skip `BI <dict> ID <binary> EI`, the `BI` already read.
fn skip_inline_image(lx: &mut Lexer<'_>) {
    while let Some(t) = lx.token() {
        if t == Token::Keyword(b"ID".to_vec()) {
            break;
        }
    }
    let data = lx.data;
    let mut from = lx.pos.saturating_add(1);
    while let Some(at) = data.get(from..).and_then(|r| memmem::find(r, b"EI")) {
        let at = from + at;
        let before = at
            .checked_sub(1)
            .and_then(|i| data.get(i))
            .is_some_and(|b| is_white(*b));
        let after = data.get(at + 2).is_none_or(|b| is_white(*b));
        if before && after {
            lx.pos = at + 2;
            return;
        }
        from = at + 2;
    }
    lx.pos = data.len();
}

/// Replaces the named entries of `dict` that are references by the objects
/// they name (one level: what a font's reading needs).
fn resolve_entries(doc: &mut Doc<'_, '_, '_>, dict: &mut Dict, keys: &[&[u8]]) -> Result<(), Stop> {
    for (k, v) in dict.0.iter_mut() {
        if matches!(v, Obj::Ref(..)) && keys.contains(&k.as_slice()) {
            *v = doc.resolve(v)?;
        }
    }
    Ok(())
}
