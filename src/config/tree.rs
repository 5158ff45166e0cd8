//! The config file as a TOML tree that remembers where every key sits.
//!
//! serde stops at the first bad value, but an operator fixing a config wants
//! every problem in one run. So a load deserializes the tree, and when a key
//! is refused it records the problem, cuts that key (or that `[[table]]`
//! entry) out of the tree and tries again, until what is left deserializes.
//! The positions also let checks that run after loading (files, addresses,
//! duplicates) point at the key they are about.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::Problem;

/// A pass per refused key; a file with more problems than this is not worth
/// reading further.
const MAX_PASSES: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// `delivery.route[1].tls`: the address of one node, array indices included.
fn indexed(addr: &[Seg]) -> String {
    let mut s = String::new();
    for seg in addr {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// `delivery.route.tls`: the key as the operator writes it in a table header.
pub fn display_key(indexed: &str) -> String {
    let mut out = String::with_capacity(indexed.len());
    let mut in_index = false;
    for c in indexed.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every key and array element with the byte ranges it covers (the key
/// itself and its value; a `[table]` value covers only its header).
fn nodes(table: &DeTable<'_>, addr: &mut Vec<Seg>, out: &mut Vec<(Vec<Seg>, Range<usize>)>) {
    for (k, v) in table.iter() {
        addr.push(Seg::Key(k.get_ref().to_string()));
        out.push((addr.clone(), k.span()));
        out.push((addr.clone(), v.span()));
        match v.get_ref() {
            DeValue::Table(t) => nodes(t, addr, out),
            DeValue::Array(a) => {
                for (i, e) in a.iter().enumerate() {
                    addr.push(Seg::Index(i));
                    out.push((addr.clone(), e.span()));
                    if let DeValue::Table(t) = e.get_ref() {
                        nodes(t, addr, out);
                    }
                    addr.pop();
                }
            }
            _ => {}
        }
        addr.pop();
    }
}

/// Line and column (1-based, in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map(|nl| before[nl + 1..].chars().count())
        .unwrap_or_else(|| before.chars().count())
        + 1;
    (line, col)
}

/// Where each key of a loaded file sits, by indexed path.
#[derive(Debug, Default)]
pub struct Locations {
    file: PathBuf,
    at: HashMap<String, (usize, usize)>,
}

impl Locations {
    /// A problem about `key` (an indexed path such as `listener[1].address`),
    /// placed at its value; a key that is not in the file (a default) is
    /// placed at its table, else at the top of the file.
    pub fn problem(&self, key: &str, message: String, warning: bool) -> Problem {
        let mut probe = key;
        let (line, col) = loop {
            if let Some(lc) = self.at.get(probe) {
                break *lc;
            }
            match probe.rfind(['.', '[']) {
                Some(i) => probe = &probe[..i],
                None => break (1, 1),
            }
        };
        Problem {
            path: self.file.clone(),
            line,
            col,
            key: display_key(key),
            message,
            warning,
        }
    }
}

pub struct Doc<'i> {
    text: &'i str,
    file: PathBuf,
    root: Spanned<DeTable<'i>>,
    pub problems: Vec<Problem>,
    /// Keys cut out of the tree (display form); checks that involve them are skipped.
    pub removed: Vec<String>,
}

impl<'i> Doc<'i> {
    /// Parses the TOML syntax; a syntax error is reported alone, since what
    /// follows it cannot be read reliably.
    pub fn parse(text: &'i str, file: &Path) -> Result<Doc<'i>, Problem> {
        match DeTable::parse(text) {
            Ok(root) => Ok(Doc {
                text,
                file: file.to_path_buf(),
                root,
                problems: Vec::new(),
                removed: Vec::new(),
            }),
            Err(e) => {
                let (line, col) = line_col(text, e.span().map(|s| s.start).unwrap_or(0));
                Err(Problem {
                    path: file.to_path_buf(),
                    line,
                    col,
                    key: String::new(),
                    message: e.message().trim().to_string(),
                    warning: false,
                })
            }
        }
    }

    fn all_nodes(&self) -> Vec<(Vec<Seg>, Range<usize>)> {
        let mut out = Vec::new();
        nodes(self.root.get_ref(), &mut Vec::new(), &mut out);
        out
    }

    fn problem_at(&self, offset: usize, key: String, message: String) -> Problem {
        let (line, col) = line_col(self.text, offset);
        Problem {
            path: self.file.clone(),
            line,
            col,
            key,
            message,
            warning: false,
        }
    }

    /// Deserializes what is left, cutting out each refused key, until it
    /// works (Some) or a problem cannot be pinned on a key (None).
    pub fn deserialize<T: DeserializeOwned>(&mut self) -> Option<T> {
        for _ in 0..MAX_PASSES {
            let err = match T::deserialize(toml::de::Deserializer::from(self.root.clone())) {
                Ok(v) => return Some(v),
                Err(e) => e,
            };
            let message = err.message().trim().to_string();
            let Some(at) = err.span().map(|s| s.start) else {
                self.problems
                    .push(self.problem_at(0, String::new(), message));
                return None;
            };
            // The narrowest node covering the error; on a tie the deeper one
            // (an `[[array]]` entry rather than the array of its header).
            let hit = self
                .all_nodes()
                .into_iter()
                .filter(|(_, r)| r.start <= at && (at < r.end || r.is_empty()))
                .min_by_key(|(addr, r)| (r.len(), std::cmp::Reverse(addr.len())));
            let Some((addr, _)) = hit else {
                self.problems
                    .push(self.problem_at(at, String::new(), message));
                return None;
            };
            let key = display_key(&indexed(&addr));
            self.problems
                .push(self.problem_at(at, key.clone(), message));
            self.cut(&addr);
            self.removed.push(key);
        }
        None
    }

    /// Removes the node at `addr` from the tree.
    fn cut(&mut self, addr: &[Seg]) {
        let Some((last, parents)) = addr.split_last() else {
            return;
        };
        let mut value: Option<&mut DeValue<'i>> = None;
        let mut table: Option<&mut DeTable<'i>> = Some(self.root.get_mut());
        for seg in parents {
            let next = match (seg, table.take(), value.take()) {
                (Seg::Key(k), Some(t), _) => t.get_mut(k.as_str()).map(Spanned::get_mut),
                (Seg::Index(i), _, Some(DeValue::Array(a))) => a.get_mut(*i).map(Spanned::get_mut),
                _ => None,
            };
            let Some(next) = next else { return };
            match next {
                DeValue::Table(t) => table = Some(t),
                other => value = Some(other),
            }
        }
        match (last, table, value) {
            (Seg::Key(k), Some(t), _) => {
                t.remove(k.as_str());
            }
            (Seg::Index(i), _, Some(DeValue::Array(a))) => {
                let old = std::mem::replace(a, DeArray::new());
                for (j, e) in old.into_iter().enumerate() {
                    if j != *i {
                        a.push(e);
                    }
                }
            }
            _ => {}
        }
    }

    /// Positions of the keys that survived, for checks after loading.
    pub fn locations(&self) -> Locations {
        let mut at = HashMap::new();
        for (addr, span) in self.all_nodes() {
            // The first range of a key is the key itself; keep the value's.
            at.insert(indexed(&addr), line_col(self.text, span.start));
        }
        Locations {
            file: self.file.clone(),
            at,
        }
    }
}
