//! Queue ids: unique, time-sortable, safe as file names.
//!
//! 12 hex digits of milliseconds since the epoch, then 4 of a per-process
//! random tag and 6 of a counter: sorting ids sorts by arrival, two
//! processes on one spool (a restart within the same millisecond) differ in
//! the tag, and one process cannot repeat itself within a millisecond.

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct QueueId(String);

const LEN: usize = 22;

fn process_tag() -> u16 {
    static TAG: OnceLock<u16> = OnceLock::new();
    *TAG.get_or_init(|| {
        let mut b = [0u8; 2];
        if ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut b).is_err() {
            // No randomness at all: fall back to the pid, still distinct across restarts.
            return std::process::id() as u16;
        }
        u16::from_be_bytes(b)
    })
}

impl QueueId {
    pub fn generate() -> QueueId {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xFF_FFFF;
        let ms = crate::time::unix_now_ms() & 0xFFFF_FFFF_FFFF;
        QueueId(format!("{ms:012X}{:04X}{n:06X}", process_tag()))
    }

    pub fn parse(s: &str) -> Option<QueueId> {
        (s.len() == LEN
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)))
        .then(|| QueueId(s.to_string()))
    }

    /// An id an operator typed: either case (a terminal or a log viewer may
    /// have lower-cased it), surrounding blanks ignored. The id itself stays
    /// upper case, as file names and logs write it.
    pub fn from_user(s: &str) -> Option<QueueId> {
        QueueId::parse(&s.trim().to_ascii_uppercase())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for QueueId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for QueueId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        QueueId::parse(&s).ok_or_else(|| format!("`{s}` is not a queue id"))
    }
}

impl From<QueueId> for String {
    fn from(q: QueueId) -> String {
        q.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_sortable_parseable() {
        let ids: Vec<QueueId> = (0..10_000).map(|_| QueueId::generate()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(QueueId::parse(ids[0].as_str()), Some(ids[0].clone()));
        assert_eq!(QueueId::parse("../../etc/passwd"), None);
        assert_eq!(QueueId::parse("0123456789ABCDEF01234g"), None);
        let lower = ids[0].as_str().to_ascii_lowercase();
        assert_eq!(QueueId::parse(&lower), None, "stored ids are upper case");
        assert_eq!(QueueId::from_user(&lower), Some(ids[0].clone()));
        assert_eq!(QueueId::from_user("../../etc/passwd"), None);
    }
}
