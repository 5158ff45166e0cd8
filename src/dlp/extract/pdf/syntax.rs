//! PDF lexical layer: tokens and direct objects, shared by the file
//! structure (objects.rs), content streams (content.rs) and CMaps (fonts.rs).
//!
//! Everything here reads untrusted bytes: every access is bounds-checked,
//! nesting is capped so a `[[[[...` bomb cannot overflow the stack, and no
//! allocation is larger than the input that produced it.

/// Deepest array/dictionary nesting accepted; real files use a handful.
const MAX_NESTING: u32 = 32;

/// A PDF object. Streams keep their dictionary and the byte range of their
/// (still encoded) data in the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32, u16),
    Stream(Dict, std::ops::Range<usize>),
}

/// Dictionary as a short list: PDF dictionaries are small and lookups few.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn name(&self, key: &[u8]) -> Option<&[u8]> {
        self.get(key).and_then(Obj::as_name)
    }

    pub fn num(&self, key: &[u8]) -> Option<f64> {
        self.get(key).and_then(Obj::as_num)
    }
}

impl Obj {
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// One token of PDF syntax. `Keyword` covers operators and `obj`, `R`,
/// `stream`, `true`, `null`...
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Num(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Keyword(Vec<u8>),
    ArrayOpen,
    ArrayClose,
    DictOpen,
    DictClose,
}

pub fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

pub fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub struct Lexer<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Lexer<'a> {
        Lexer { data, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Skip white space and `%` comments.
    pub fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    pub fn token(&mut self) -> Option<Token> {
        self.skip_ws();
        let b = self.peek()?;
        self.pos += 1;
        Some(match b {
            b'(' => Token::Str(self.literal()),
            b'<' if self.peek() == Some(b'<') => {
                self.pos += 1;
                Token::DictOpen
            }
            b'<' => Token::Str(self.hex()),
            b'>' if self.peek() == Some(b'>') => {
                self.pos += 1;
                Token::DictClose
            }
            b'[' => Token::ArrayOpen,
            b']' => Token::ArrayClose,
            b'/' => Token::Name(self.name()),
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.pos - 1;
                while matches!(self.peek(), Some(b'0'..=b'9' | b'.' | b'-' | b'+')) {
                    self.pos += 1;
                }
                let text = self.data.get(start..self.pos).unwrap_or_default();
                Token::Num(parse_num(text))
            }
            _ => {
                let start = self.pos - 1;
                if !is_delim(b) {
                    while matches!(self.peek(), Some(c) if !is_white(c) && !is_delim(c)) {
                        self.pos += 1;
                    }
                }
                Token::Keyword(self.data.get(start..self.pos).unwrap_or_default().to_vec())
            }
        })
    }

    fn name(&mut self) -> Vec<u8> {
        let mut n = Vec::new();
        while let Some(c) = self.peek() {
            if is_white(c) || is_delim(c) {
                break;
            }
            self.pos += 1;
            if c == b'#' {
                let hi = self.peek().and_then(hex_val);
                let lo = self.data.get(self.pos + 1).copied().and_then(hex_val);
                if let (Some(h), Some(l)) = (hi, lo) {
                    n.push(h << 4 | l);
                    self.pos += 2;
                    continue;
                }
            }
            n.push(c);
        }
        n
    }

    /// Body of a `( ... )` string, the opening parenthesis already read.
    fn literal(&mut self) -> Vec<u8> {
        let mut s = Vec::new();
        let mut depth = 1u32;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.escape(&mut s),
                b'(' => {
                    depth += 1;
                    s.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    s.push(b);
                }
                _ => s.push(b),
            }
        }
        s
    }

    fn escape(&mut self, s: &mut Vec<u8>) {
        let Some(e) = self.peek() else { return };
        self.pos += 1;
        match e {
            b'n' => s.push(b'\n'),
            b'r' => s.push(b'\r'),
            b't' => s.push(b'\t'),
            b'b' => s.push(8),
            b'f' => s.push(12),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                s.push((v & 0xFF) as u8);
            }
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            other => s.push(other),
        }
    }

    /// Body of a `< ... >` hex string, the `<` already read.
    fn hex(&mut self) -> Vec<u8> {
        let mut s = Vec::new();
        let mut half: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_val(b) {
                match half.take() {
                    Some(h) => s.push(h << 4 | v),
                    None => half = Some(v),
                }
            }
        }
        if let Some(h) = half {
            s.push(h << 4);
        }
        s
    }

    /// A direct object, or a reference `N G R`. `None` at end of input or
    /// on a keyword that is not an object (the caller's operator).
    pub fn object(&mut self) -> Option<Obj> {
        let t = self.token()?;
        self.object_from(t, 0)
    }

    pub fn object_from(&mut self, t: Token, depth: u32) -> Option<Obj> {
        if depth > MAX_NESTING {
            return None;
        }
        Some(match t {
            Token::Num(n) => self.maybe_ref(n),
            Token::Name(n) => Obj::Name(n),
            Token::Str(s) => Obj::Str(s),
            Token::ArrayOpen => {
                let mut items = Vec::new();
                loop {
                    match self.token()? {
                        Token::ArrayClose => break,
                        t => items.push(self.object_from(t, depth + 1)?),
                    }
                }
                Obj::Array(items)
            }
            Token::DictOpen => {
                let mut d = Vec::new();
                loop {
                    match self.token()? {
                        Token::DictClose => break,
                        Token::Name(k) => {
                            let t = self.token()?;
                            if t == Token::DictClose {
                                break;
                            }
                            d.push((k, self.object_from(t, depth + 1)?));
                        }
                        // Junk keys: skip the token and go on.
                        _ => {}
                    }
                }
                Obj::Dict(Dict(d))
            }
            Token::Keyword(k) => match k.as_slice() {
                b"true" => Obj::Bool(true),
                b"false" => Obj::Bool(false),
                b"null" => Obj::Null,
                _ => return None,
            },
            Token::ArrayClose | Token::DictClose => return None,
        })
    }

    /// After a number: `G R` makes it a reference; otherwise rewind.
    fn maybe_ref(&mut self, n: f64) -> Obj {
        let save = self.pos;
        if n >= 0.0
            && n.fract() == 0.0
            && let Some(Token::Num(g)) = self.token()
            && g >= 0.0
            && g.fract() == 0.0
            && let Some(Token::Keyword(k)) = self.token()
            && k == b"R"
        {
            return Obj::Ref(n as u32, g as u16);
        }
        self.pos = save;
        Obj::Num(n)
    }
}

pub fn hex_val(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Lenient number parsing: `--5`, `5.` and `.5` occur in the wild.
pub fn parse_num(text: &[u8]) -> f64 {
    let s = std::str::from_utf8(text).unwrap_or("0");
    if let Ok(v) = s.parse::<f64>() {
        return if v.is_finite() { v } else { 0.0 };
    }
    let neg = s.starts_with('-');
    let digits: String = s
        .trim_start_matches(['-', '+'])
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let first_dot = digits.find('.').map_or(digits.len(), |p| p + 1);
    let cleaned: String = digits[..first_dot]
        .chars()
        .chain(digits[first_dot..].chars().filter(|c| *c != '.'))
        .collect();
    let v = cleaned.parse::<f64>().unwrap_or(0.0);
    if neg { -v } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_objects_and_refs() {
        let mut l = Lexer::new(b"<< /A [1 0 R 2.5 (x\\(y\\)) <414>] /B#20C /N true >>", 0);
        let o = l.object().unwrap();
        let d = o.as_dict().unwrap();
        assert_eq!(
            d.get(b"A"),
            Some(&Obj::Array(vec![
                Obj::Ref(1, 0),
                Obj::Num(2.5),
                Obj::Str(b"x(y)".to_vec()),
                Obj::Str(vec![0x41, 0x40]),
            ]))
        );
        assert_eq!(d.name(b"B C"), Some(&b"N"[..]));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = vec![b'['; 100_000];
        assert_eq!(Lexer::new(&deep, 0).object(), None);
    }

    #[test]
    fn odd_numbers() {
        assert_eq!(parse_num(b"--5"), -5.0);
        assert_eq!(parse_num(b"1.2.3"), 1.23);
        assert_eq!(parse_num(b"."), 0.0);
    }
}
