//! Messages read in the last minute, parsed: a recipient reloads, comes
//! back from an attachment, or replies, and each page would otherwise
//! decrypt and parse the whole message again (most of a page's cost,
//! quoted-printable decoding first). Only ever consulted after the link,
//! the session and the record's state have been checked, so a revoked or
//! expired message is never served from here. Memory only, bounded, and
//! short-lived: plaintext stays off disk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::access::MessageView;

const TTL_MS: u64 = 60_000;
const MAX: usize = 256;

#[derive(Default)]
pub struct Views {
    inner: Mutex<HashMap<String, (u64, Arc<MessageView>)>>,
}

impl Views {
    pub fn get(&self, id: &str, now_ms: u64) -> Option<Arc<MessageView>> {
        let map = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        map.get(id)
            .filter(|(until, _)| *until > now_ms)
            .map(|(_, v)| v.clone())
    }

    pub fn put(&self, id: &str, view: Arc<MessageView>, now_ms: u64) {
        let mut map = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX {
            map.retain(|_, (until, _)| *until > now_ms);
            if map.len() >= MAX {
                // Still full of live entries: drop the one closest to expiry.
                if let Some(k) = map
                    .iter()
                    .min_by_key(|(_, (u, _))| *u)
                    .map(|(k, _)| k.clone())
                {
                    map.remove(&k);
                }
            }
        }
        map.insert(id.to_string(), (now_ms + TTL_MS, view));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> Arc<MessageView> {
        Arc::new(MessageView {
            from: String::new(),
            to: String::new(),
            date: String::new(),
            subject: s.into(),
            text: None,
            html: None,
            attachments: Vec::new(),
        })
    }

    #[test]
    fn entries_expire_and_the_cache_stays_bounded() {
        let v = Views::default();
        v.put("a", view("a"), 0);
        assert_eq!(
            v.get("a", 1).map(|x| x.subject.clone()).as_deref(),
            Some("a")
        );
        assert!(v.get("a", TTL_MS).is_none());
        for i in 0..(MAX + 10) {
            v.put(&i.to_string(), view("x"), i as u64);
        }
        assert!(v.inner.lock().unwrap().len() <= MAX);
        assert!(v.get(&(MAX + 9).to_string(), MAX as u64 + 10).is_some());
    }
}
