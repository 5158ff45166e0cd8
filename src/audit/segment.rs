//! The audit folder's files. Each segment is named for the day it was
//! opened and the `seq` of its first record, `audit-20261130-000000000001.log`,
//! so a listing reads in order and a missing file shows as a gap in `seq`.

use std::io::BufRead;
use std::path::{Path, PathBuf};

/// A segment file and the first `seq` its name promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub path: PathBuf,
    pub first_seq: u64,
}

impl Segment {
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// `YYYYMMDD` (UTC) of `time_ms`: segments are closed when it changes.
pub fn day(time_ms: u64) -> String {
    crate::time::rfc3339_ms(time_ms)
        .chars()
        .take(10)
        .filter(char::is_ascii_digit)
        .collect()
}

/// The file name for a segment opened at `time_ms` whose first record is `seq`.
pub fn file_name(time_ms: u64, seq: u64) -> String {
    format!("audit-{}-{seq:012}.log", day(time_ms))
}

/// The day a segment's name says it was opened.
pub fn day_of_name(name: &str) -> Option<String> {
    let day = name.strip_prefix("audit-")?.get(..8)?;
    day.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| day.to_string())
}

fn first_seq(name: &str) -> Option<u64> {
    let stem = name.strip_prefix("audit-")?.strip_suffix(".log")?;
    let (day, seq) = stem.split_once('-')?;
    if day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    seq.parse().ok()
}

/// The segments in `dir`, in `seq` order. Other files are ignored.
pub fn list(dir: &Path) -> std::io::Result<Vec<Segment>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if let Some(first_seq) = name.to_str().and_then(first_seq) {
            out.push(Segment {
                path: entry.path(),
                first_seq,
            });
        }
    }
    out.sort_by_key(|s| s.first_seq);
    Ok(out)
}

/// Calls `each` with every line of every segment in order (without its
/// newline), for readers that only filter or count: `audit search`,
/// `tls report`. Checking the chain is `verify`'s job.
pub fn for_each_line(dir: &Path, mut each: impl FnMut(&[u8])) -> std::io::Result<usize> {
    let segments = list(dir)?;
    for s in &segments {
        let file = std::fs::File::open(&s.path)?;
        for line in std::io::BufReader::new(file).split(b'\n') {
            each(&line?);
        }
    }
    Ok(segments.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_and_parse() {
        let n = file_name(1_796_000_000_000, 42);
        assert_eq!(n, "audit-20261130-000000000042.log");
        assert_eq!(first_seq(&n), Some(42));
        assert_eq!(first_seq("audit.log"), None);
        assert_eq!(first_seq("audit-2026-x.log"), None);
    }
}
