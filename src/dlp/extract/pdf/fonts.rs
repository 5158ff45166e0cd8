//! Fonts: turning the byte codes a content stream shows into Unicode.
//!
//! In order of trust: the font's `/ToUnicode` CMap (bfchar, bfrange with
//! the array form, code space ranges of 1 to 4 bytes), then for simple fonts
//! the `/Encoding` (WinAnsi, MacRoman, Standard, with `/Differences` glyph
//! names). Type0 fonts without a `/ToUnicode` show glyph ids that mean
//! nothing without the font program: those codes count as unmapped, which
//! the quality gate turns into "unscanned" rather than guessing.

use std::collections::HashMap;

use super::syntax::{Dict, Lexer, Obj, Token};

/// Longest bfrange expanded per lookup; ranges are looked up, not stored.
const MAX_CODE_LEN: usize = 4;

#[derive(Debug, Default)]
pub struct CMap {
    /// (byte length, low, high) code space ranges.
    space: Vec<(usize, Vec<u8>, Vec<u8>)>,
    chars: HashMap<u32, String>,
    /// (low, high, first destination as UTF-16 units | explicit list).
    ranges: Vec<(u32, u32, RangeDst)>,
}

#[derive(Debug)]
enum RangeDst {
    Start(Vec<u16>),
    List(Vec<String>),
}

impl CMap {
    /// Parse a ToUnicode CMap program. Unknown operators are skipped.
    pub fn parse(data: &[u8]) -> CMap {
        let mut cm = CMap::default();
        let mut lx = Lexer::new(data, 0);
        let mut args: Vec<Obj> = Vec::new();
        while let Some(t) = lx.token() {
            let Token::Keyword(k) = &t else {
                if let Some(o) = lx.object_from(t, 0) {
                    args.push(o);
                }
                continue;
            };
            match k.as_slice() {
                b"endcodespacerange" => cm.add_space(&args),
                b"endbfchar" => cm.add_chars(&args),
                b"endbfrange" => cm.add_ranges(&args),
                _ => {}
            }
            args.clear();
        }
        cm
    }

    fn add_space(&mut self, args: &[Obj]) {
        for p in args.chunks_exact(2) {
            if let (Obj::Str(lo), Obj::Str(hi)) = (&p[0], &p[1])
                && !lo.is_empty()
                && lo.len() == hi.len()
                && lo.len() <= MAX_CODE_LEN
            {
                self.space.push((lo.len(), lo.clone(), hi.clone()));
            }
        }
    }

    fn add_chars(&mut self, args: &[Obj]) {
        for p in args.chunks_exact(2) {
            if let (Obj::Str(src), dst) = (&p[0], &p[1])
                && let Some(s) = dst_string(dst)
            {
                self.chars.insert(code_of(src), s);
            }
        }
    }

    fn add_ranges(&mut self, args: &[Obj]) {
        for p in args.chunks_exact(3) {
            let (Obj::Str(lo), Obj::Str(hi)) = (&p[0], &p[1]) else {
                continue;
            };
            let dst = match &p[2] {
                Obj::Str(s) => RangeDst::Start(utf16_units(s)),
                Obj::Array(a) => RangeDst::List(a.iter().filter_map(dst_string).collect()),
                _ => continue,
            };
            self.ranges.push((code_of(lo), code_of(hi), dst));
        }
    }

    pub fn lookup(&self, code: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&code) {
            return Some(s.clone());
        }
        for (lo, hi, dst) in &self.ranges {
            if (*lo..=*hi).contains(&code) {
                let off = code - lo;
                return match dst {
                    RangeDst::Start(units) => {
                        let mut u = units.clone();
                        let last = u.last_mut()?;
                        *last = last.wrapping_add(off as u16);
                        Some(String::from_utf16_lossy(&u))
                    }
                    RangeDst::List(l) => l.get(off as usize).cloned(),
                };
            }
        }
        None
    }

    /// Length of the code starting at `bytes`, by the code space ranges.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        self.space.iter().find_map(|(n, lo, hi)| {
            let code = bytes.get(..*n)?;
            let inside = code
                .iter()
                .zip(lo.iter().zip(hi))
                .all(|(b, (l, h))| (l..=h).contains(&b));
            inside.then_some(*n)
        })
    }
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(MAX_CODE_LEN)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

/// A CMap destination's UTF-16 code units. The standard says big-endian,
/// but ghostscript writes a ligature's expansion little-endian (`fl` as
/// `<66006c00>`), which read big-endian is two CJK ideographs ("re昀氀ux").
/// A destination of two or more units that are each a printable ASCII byte
/// followed by a zero byte is that mistake, and is read little-endian.
fn utf16_units(s: &[u8]) -> Vec<u16> {
    let swapped = s.len() >= 4
        && s.len().is_multiple_of(2)
        && s.chunks_exact(2)
            .all(|p| p[1] == 0 && (0x20..0x7f).contains(&p[0]));
    s.chunks(2)
        .map(|p| {
            let pair = [p[0], p.get(1).copied().unwrap_or(0)];
            if swapped {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect()
}

fn dst_string(o: &Obj) -> Option<String> {
    match o {
        Obj::Str(s) => Some(String::from_utf16_lossy(&utf16_units(s))),
        Obj::Name(n) => glyph_char(n).map(String::from),
        _ => None,
    }
}

/// A font, reduced to what text extraction needs.
#[derive(Debug, Default)]
pub struct Font {
    /// Type0 (composite): codes are 2 bytes unless the CMap says otherwise.
    composite: bool,
    to_unicode: Option<CMap>,
    /// Simple fonts: code -> char from the encoding.
    encoding: Option<[Option<char>; 256]>,
    /// Glyph widths in thousandths of an em, by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

/// One decoded code: its text (None when unmapped) and width in em.
pub struct Glyph {
    pub text: Option<String>,
    pub width: f64,
    pub is_space: bool,
}

impl Font {
    /// `to_unicode` is the decoded `/ToUnicode` stream if any; `descendant`
    /// the first `/DescendantFonts` dictionary of a Type0 font.
    pub fn new(dict: &Dict, to_unicode: Option<&[u8]>, descendant: Option<&Dict>) -> Font {
        let composite = dict.name(b"Subtype") == Some(b"Type0");
        let mut f = Font {
            composite,
            to_unicode: to_unicode.map(CMap::parse),
            default_width: if composite { 1000.0 } else { 500.0 },
            ..Font::default()
        };
        if composite {
            if let Some(d) = descendant {
                f.cid_widths(d);
            }
        } else {
            f.encoding = Some(simple_encoding(dict));
            f.simple_widths(dict);
        }
        f
    }

    fn simple_widths(&mut self, dict: &Dict) {
        let first = dict.num(b"FirstChar").unwrap_or(0.0).max(0.0) as u32;
        if let Some(w) = dict.get(b"Widths").and_then(Obj::as_array) {
            for (i, v) in w.iter().take(256).enumerate() {
                if let Some(v) = v.as_num() {
                    self.widths.insert(first.saturating_add(i as u32), v);
                }
            }
        }
    }

    fn cid_widths(&mut self, d: &Dict) {
        if let Some(dw) = d.num(b"DW") {
            self.default_width = dw;
        }
        let Some(w) = d.get(b"W").and_then(Obj::as_array) else {
            return;
        };
        let mut i = 0;
        while let Some(first) = w.get(i).and_then(Obj::as_num) {
            let first = first.max(0.0) as u32;
            match (w.get(i + 1), w.get(i + 2).and_then(Obj::as_num)) {
                (Some(Obj::Array(list)), _) => {
                    for (k, v) in list.iter().take(65536).enumerate() {
                        if let Some(v) = v.as_num() {
                            self.widths.insert(first.saturating_add(k as u32), v);
                        }
                    }
                    i += 2;
                }
                (Some(Obj::Num(last)), Some(v)) => {
                    let last = (*last).max(0.0) as u32;
                    for c in first..=last.min(first.saturating_add(65535)) {
                        self.widths.insert(c, v);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }

    pub fn is_composite(&self) -> bool {
        self.composite
    }

    /// Split shown bytes into codes and decode each one.
    pub fn decode(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let rest = bytes.get(i..).unwrap_or_default();
            let n = self
                .to_unicode
                .as_ref()
                .and_then(|c| c.code_len(rest))
                .unwrap_or(if self.composite { 2 } else { 1 })
                .min(rest.len())
                .max(1);
            let code = code_of(rest.get(..n).unwrap_or_default());
            i += n;
            out.push(self.glyph(code, n));
        }
        out
    }

    fn glyph(&self, code: u32, n: usize) -> Glyph {
        let mapped = self.to_unicode.as_ref().and_then(|c| c.lookup(code));
        let text = mapped.or_else(|| {
            let enc = self.encoding.as_ref()?;
            enc.get(code as usize).copied().flatten().map(String::from)
        });
        let text = text.filter(|t| !t.is_empty() && !t.contains('\u{FFFD}'));
        Glyph {
            is_space: n == 1 && code == 32,
            width: self
                .widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width)
                / 1000.0,
            text,
        }
    }
}

/// Base encoding plus `/Differences` for a simple font.
fn simple_encoding(dict: &Dict) -> [Option<char>; 256] {
    let base_font = dict.name(b"BaseFont").unwrap_or_default();
    let symbolic = base_font.ends_with(b"Symbol") || base_font.ends_with(b"Dingbats");
    let default = match dict.name(b"Subtype") {
        Some(b"TrueType") => Base::WinAnsi,
        _ => Base::Standard,
    };
    let (base, diffs) = match dict.get(b"Encoding") {
        Some(Obj::Name(n)) => (Base::named(n).unwrap_or(default), None),
        Some(Obj::Dict(d)) => (
            d.name(b"BaseEncoding")
                .and_then(Base::named)
                .unwrap_or(default),
            d.get(b"Differences").and_then(Obj::as_array),
        ),
        _ => (default, None),
    };
    let mut table = [None; 256];
    if !symbolic || dict.get(b"Encoding").is_some() {
        for (code, slot) in table.iter_mut().enumerate() {
            *slot = base.char(code as u8);
        }
    }
    if let Some(diffs) = diffs {
        let mut code = 0usize;
        for d in diffs {
            match d {
                Obj::Num(n) => code = n.max(0.0) as usize,
                Obj::Name(name) => {
                    if let Some(slot) = table.get_mut(code) {
                        *slot = glyph_char(name);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    table
}

#[derive(Clone, Copy)]
enum Base {
    Standard,
    WinAnsi,
    MacRoman,
}

impl Base {
    fn named(n: &[u8]) -> Option<Base> {
        match n {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            b"StandardEncoding" => Some(Base::Standard),
            _ => None,
        }
    }

    fn char(self, code: u8) -> Option<char> {
        match (self, code) {
            (_, 0..=0x1F) | (_, 0x7F) => None,
            // StandardEncoding's 0x27/0x60 are quoteright/quoteleft, but the
            // writers that leave fonts unencoded mean ASCII; names match on it.
            (_, 0x20..=0x7E) => Some(code as char),
            (Base::WinAnsi, 0x80..=0x9F) => WIN_ANSI_80.chars().nth(usize::from(code - 0x80)),
            (Base::WinAnsi, _) => Some(code as char),
            (Base::MacRoman, _) => MAC_ROMAN_80.chars().nth(usize::from(code - 0x80)),
            (Base::Standard, _) => STANDARD_HIGH
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, ch)| *ch),
        }
    }
}

const WIN_ANSI_80: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
const MAC_ROMAN_80: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
const STANDARD_HIGH: &[(u8, char)] = &[
    (0xA1, '¡'),
    (0xA2, '¢'),
    (0xA3, '£'),
    (0xA4, '⁄'),
    (0xA5, '¥'),
    (0xA6, 'ƒ'),
    (0xA7, '§'),
    (0xA8, '¤'),
    (0xA9, '\''),
    (0xAA, '“'),
    (0xAB, '«'),
    (0xAC, '‹'),
    (0xAD, '›'),
    (0xAE, 'ﬁ'),
    (0xAF, 'ﬂ'),
    (0xB1, '–'),
    (0xB2, '†'),
    (0xB3, '‡'),
    (0xB4, '·'),
    (0xB6, '¶'),
    (0xB7, '•'),
    (0xB8, '‚'),
    (0xB9, '„'),
    (0xBA, '”'),
    (0xBB, '»'),
    (0xBC, '…'),
    (0xBD, '‰'),
    (0xBF, '¿'),
    (0xC1, '`'),
    (0xC2, '´'),
    (0xC3, 'ˆ'),
    (0xC4, '˜'),
    (0xC5, '¯'),
    (0xC6, '˘'),
    (0xC7, '˙'),
    (0xC8, '¨'),
    (0xCA, '˚'),
    (0xCB, '¸'),
    (0xCD, '˝'),
    (0xCE, '˛'),
    (0xCF, 'ˇ'),
    (0xD0, '—'),
    (0xE1, 'Æ'),
    (0xE3, 'ª'),
    (0xE8, 'Ł'),
    (0xE9, 'Ø'),
    (0xEA, 'Œ'),
    (0xEB, 'º'),
    (0xF1, 'æ'),
    (0xF5, 'ı'),
    (0xF8, 'ł'),
    (0xF9, 'ø'),
    (0xFA, 'œ'),
    (0xFB, 'ß'),
];

/// Adobe glyph names for Latin-1 0xA0..=0xFF, in code order.
const LATIN1_NAMES: [&str; 96] = [
    "space",
    "exclamdown",
    "cent",
    "sterling",
    "currency",
    "yen",
    "brokenbar",
    "section",
    "dieresis",
    "copyright",
    "ordfeminine",
    "guillemotleft",
    "logicalnot",
    "hyphen",
    "registered",
    "macron",
    "degree",
    "plusminus",
    "twosuperior",
    "threesuperior",
    "acute",
    "mu",
    "paragraph",
    "periodcentered",
    "cedilla",
    "onesuperior",
    "ordmasculine",
    "guillemotright",
    "onequarter",
    "onehalf",
    "threequarters",
    "questiondown",
    "Agrave",
    "Aacute",
    "Acircumflex",
    "Atilde",
    "Adieresis",
    "Aring",
    "AE",
    "Ccedilla",
    "Egrave",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Igrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Eth",
    "Ntilde",
    "Ograve",
    "Oacute",
    "Ocircumflex",
    "Otilde",
    "Odieresis",
    "multiply",
    "Oslash",
    "Ugrave",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Yacute",
    "Thorn",
    "germandbls",
    "agrave",
    "aacute",
    "acircumflex",
    "atilde",
    "adieresis",
    "aring",
    "ae",
    "ccedilla",
    "egrave",
    "eacute",
    "ecircumflex",
    "edieresis",
    "igrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "eth",
    "ntilde",
    "ograve",
    "oacute",
    "ocircumflex",
    "otilde",
    "odieresis",
    "divide",
    "oslash",
    "ugrave",
    "uacute",
    "ucircumflex",
    "udieresis",
    "yacute",
    "thorn",
    "ydieresis",
];

/// Adobe glyph names for printable ASCII punctuation and other common glyphs.
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("quoteleft", '‘'),
    ("quoteright", '’'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("quotesinglbase", '‚'),
    ("quotedblbase", '„'),
    ("endash", '–'),
    ("emdash", '—'),
    ("bullet", '•'),
    ("ellipsis", '…'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("perthousand", '‰'),
    ("trademark", '™'),
    ("Euro", '€'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
    ("minus", '−'),
    ("fraction", '⁄'),
    ("OE", 'Œ'),
    ("oe", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Ydieresis", 'Ÿ'),
    ("florin", 'ƒ'),
    ("circumflex", 'ˆ'),
    ("tilde", '˜'),
    ("guilsinglleft", '‹'),
    ("guilsinglright", '›'),
    ("dotlessi", 'ı'),
    ("Lslash", 'Ł'),
    ("lslash", 'ł'),
    ("nbspace", '\u{A0}'),
    ("sfthyphen", '\u{AD}'),
    ("middot", '·'),
];

/// Unicode for an Adobe glyph name: the tables above, `uniXXXX`, `uXXXX`,
/// and `name.suffix` / `a_b` ligature forms. `gNN`, `glyphNN`, `cidNN` are
/// glyph ids with no meaning of their own: `None`.
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if let [c] = name.as_bytes() {
        return c.is_ascii_alphabetic().then_some(*c as char);
    }
    if let Some(c) = NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c) {
        return Some(c);
    }
    if let Some(i) = LATIN1_NAMES.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    let hex = name
        .strip_prefix("uni")
        .filter(|h| h.len() >= 4)
        .map(|h| &h[..4])
        .or_else(|| {
            name.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_cmap_forms() {
        let cm = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar\n\
              2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0078> <0079>] endbfrange end",
        );
        assert_eq!(cm.code_len(&[0, 0x24]), Some(2));
        assert_eq!(cm.lookup(0x25).as_deref(), Some("B"));
        assert_eq!(cm.lookup(0x31).as_deref(), Some("y"));
        assert_eq!(cm.lookup(0x11).as_deref(), Some("fi"));
        assert_eq!(cm.lookup(0x99), None);
    }

    /// ghostscript's little-endian ligatures; a real ideograph stays one.
    #[test]
    fn little_endian_ligatures_are_read_as_letters() {
        let cm = CMap::parse(
            b"1 begincodespacerange <00> <ff> endcodespacerange\n\
              3 beginbfrange <35> <35> <66006c00> <37> <37> <66006900> <38> <38> <6600> endbfrange",
        );
        assert_eq!(cm.lookup(0x35).as_deref(), Some("fl"));
        assert_eq!(cm.lookup(0x37).as_deref(), Some("fi"));
        assert_eq!(cm.lookup(0x38).as_deref(), Some("\u{6600}"));
    }

    #[test]
    fn differences_and_glyph_names() {
        let enc = Obj::Dict(Dict(vec![
            (
                b"BaseEncoding".to_vec(),
                Obj::Name(b"WinAnsiEncoding".to_vec()),
            ),
            (
                b"Differences".to_vec(),
                Obj::Array(vec![
                    Obj::Num(1.0),
                    Obj::Name(b"M".to_vec()),
                    Obj::Name(b"eacute".to_vec()),
                    Obj::Name(b"uni0394".to_vec()),
                    Obj::Name(b"g42".to_vec()),
                ]),
            ),
        ]));
        let dict = Dict(vec![
            (b"Subtype".to_vec(), Obj::Name(b"Type1".to_vec())),
            (b"Encoding".to_vec(), enc),
        ]);
        let f = Font::new(&dict, None, None);
        let text: Vec<Option<String>> = f
            .decode(b"\x01\x02\x03\x04A")
            .into_iter()
            .map(|g| g.text)
            .collect();
        assert_eq!(
            text,
            [
                Some("M".into()),
                Some("é".into()),
                Some("Δ".into()),
                None,
                Some("A".into())
            ]
        );
    }

    #[test]
    fn identity_h_without_to_unicode_is_unmapped() {
        let dict = Dict(vec![(b"Subtype".to_vec(), Obj::Name(b"Type0".to_vec()))]);
        let f = Font::new(&dict, None, None);
        let g = f.decode(&[0, 0x2B, 0, 0x44]);
        assert_eq!(g.len(), 2);
        assert!(g.iter().all(|g| g.text.is_none()));
    }
}
