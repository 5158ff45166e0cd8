//! The embedded store: SQLite (bundled), WAL, `synchronous=FULL` so a
//! committed hand-off survives a power cut, one connection behind a mutex
//! (each call is a few microseconds; the web app's work is decryption).
//! The CLI opens the same file while the gateway runs; WAL and the busy
//! timeout let both in.

use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use super::{
    Check, CodeLimits, Counter, Issue, NewRecord, PendingEvent, Record, State, Store, StoreError,
};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY,
    queue_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    sender TEXT,
    created INTEGER NOT NULL,
    expires INTEGER NOT NULL,
    state TEXT NOT NULL,
    key_id TEXT NOT NULL,
    wrapped_key TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    notified INTEGER NOT NULL DEFAULT 0,
    opened_at INTEGER,
    code_mac TEXT,
    code_expires INTEGER NOT NULL DEFAULT 0,
    codes_sent INTEGER NOT NULL DEFAULT 0,
    codes_window INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    downloads INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    purged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS messages_expires ON messages (purged, expires);
CREATE TABLE IF NOT EXISTS address_codes (
    address TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    sent INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    hash TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    csrf TEXT NOT NULL,
    expires INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event TEXT NOT NULL,
    fields TEXT NOT NULL
);
";

const COLUMNS: &str = "id, queue_id, recipient, sender, created, expires, state, key_id, \
     wrapped_key, size, sha256, notified, opened_at, codes_sent, failures, locked_until, \
     downloads, replies";

pub struct Sqlite {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl Sqlite {
    /// Opens (creating 0600) the database file and its schema.
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let err = |message: String| StoreError::Db {
            path: path.display().to_string(),
            message,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        // SQLite gives its -wal and -shm files the database file's mode.
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| err(e.to_string()))?;
        let conn = Connection::open(path).map_err(|e| err(e.to_string()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| err(e.to_string()))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| err(e.to_string()))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| err(e.to_string()))?;
        conn.execute_batch(SCHEMA).map_err(|e| err(e.to_string()))?;
        Ok(Sqlite {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::Db {
            path: self.path.display().to_string(),
            message: e.to_string(),
        }
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let mut c = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut c).map_err(|e| self.err(e))
    }
}

fn record(row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    let wrapped: String = row.get(8)?;
    Ok(Record {
        id: row.get(0)?,
        queue_id: row.get(1)?,
        recipient: row.get(2)?,
        sender: row.get(3)?,
        created: row.get::<_, i64>(4)? as u64,
        expires: row.get::<_, i64>(5)? as u64,
        state: State::parse(&row.get::<_, String>(6)?),
        key_id: row.get(7)?,
        wrapped_key: unhex(&wrapped),
        size: row.get::<_, i64>(9)? as u64,
        sha256: row.get(10)?,
        notified: row.get::<_, i64>(11)? != 0,
        opened_at: row.get::<_, Option<i64>>(12)?.map(|t| t as u64),
        codes_sent: row.get::<_, i64>(13)? as u32,
        failures: row.get::<_, i64>(14)? as u32,
        locked_until: row.get::<_, i64>(15)? as u64,
        downloads: row.get::<_, i64>(16)? as u32,
        replies: row.get::<_, i64>(17)? as u32,
    })
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

fn t(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

impl Store for Sqlite {
    fn insert(&self, r: &NewRecord) -> Result<bool, StoreError> {
        self.with(|c| {
            let n = c.execute(
                "INSERT INTO messages (id, queue_id, recipient, sender, created, expires, state, \
                 key_id, wrapped_key, size, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active', ?7, ?8, ?9, ?10) \
                 ON CONFLICT (id) DO NOTHING",
                params![
                    r.id,
                    r.queue_id,
                    r.recipient,
                    r.sender,
                    t(r.created),
                    t(r.expires),
                    r.key_id,
                    crate::proto::hash::hex(&r.wrapped_key),
                    t(r.size),
                    r.sha256
                ],
            )?;
            Ok(n == 1)
        })
    }

    fn get(&self, id: &str) -> Result<Option<Record>, StoreError> {
        self.with(|c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM messages WHERE id = ?1"),
                params![id],
                record,
            )
            .optional()
        })
    }

    fn by_token(&self, token_hash: &str) -> Result<Option<Record>, StoreError> {
        self.with(|c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM messages WHERE token_hash = ?1"),
                params![token_hash],
                record,
            )
            .optional()
        })
    }

    fn set_token(&self, id: &str, token_hash: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "UPDATE messages SET token_hash = ?2 WHERE id = ?1",
                params![id, token_hash],
            )
            .map(|_| ())
        })
    }

    fn mark_notified(&self, id: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "UPDATE messages SET notified = 1 WHERE id = ?1",
                params![id],
            )
            .map(|_| ())
        })
    }

    fn list(&self) -> Result<Vec<Record>, StoreError> {
        self.with(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {COLUMNS} FROM messages ORDER BY created, id"
            ))?;
            st.query_map([], record)?.collect()
        })
    }

    fn finish(&self, id: &str, to: State) -> Result<bool, StoreError> {
        self.with(|c| {
            let n = c.execute(
                "UPDATE messages SET state = ?2, token_hash = NULL, code_mac = NULL \
                 WHERE id = ?1 AND state = 'active'",
                params![id, to.as_str()],
            )?;
            c.execute("DELETE FROM sessions WHERE message_id = ?1", params![id])?;
            Ok(n == 1)
        })
    }

    fn mark_purged(&self, id: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "UPDATE messages SET purged = 1, wrapped_key = '', token_hash = NULL, \
                 code_mac = NULL, state = CASE WHEN state = 'active' THEN 'purged' ELSE state END \
                 WHERE id = ?1",
                params![id],
            )
            .map(|_| ())
        })
    }

    fn to_purge(&self, now: u64) -> Result<Vec<Record>, StoreError> {
        self.with(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {COLUMNS} FROM messages WHERE purged = 0 AND (expires <= ?1 OR state <> 'active')"
            ))?;
            st.query_map(params![t(now)], record)?.collect()
        })
    }

    fn issue_code(
        &self,
        id: &str,
        recipient: &str,
        code_mac: &str,
        now: u64,
        l: &CodeLimits,
    ) -> Result<Issue, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let (locked_until, sent, window): (i64, i64, i64) = tx.query_row(
                "SELECT locked_until, codes_sent, codes_window FROM messages WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            if locked_until as u64 > now {
                return Ok(Issue::Locked {
                    until: locked_until as u64,
                });
            }
            let fresh = |start: i64| now >= start as u64 + l.window_secs;
            let (m_start, m_sent) = if sent == 0 || fresh(window) {
                (t(now), 0)
            } else {
                (window, sent)
            };
            if m_sent >= i64::from(l.per_message) {
                return Ok(Issue::TooMany {
                    retry_after_secs: (m_start as u64 + l.window_secs).saturating_sub(now),
                });
            }
            let addr: Option<(i64, i64)> = tx
                .query_row(
                    "SELECT window_start, sent FROM address_codes WHERE address = ?1",
                    params![recipient],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (a_start, a_sent) = match addr {
                Some((s, n)) if !fresh(s) => (s, n),
                _ => (t(now), 0),
            };
            if a_sent >= i64::from(l.per_address) {
                return Ok(Issue::TooMany {
                    retry_after_secs: (a_start as u64 + l.window_secs).saturating_sub(now),
                });
            }
            tx.execute(
                "UPDATE messages SET code_mac = ?2, code_expires = ?3, codes_sent = ?4, \
                 codes_window = ?5 WHERE id = ?1",
                params![id, code_mac, t(now + l.valid_secs), m_sent + 1, m_start],
            )?;
            tx.execute(
                "INSERT INTO address_codes (address, window_start, sent) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (address) DO UPDATE SET window_start = ?2, sent = ?3",
                params![recipient, a_start, a_sent + 1],
            )?;
            tx.commit()?;
            Ok(Issue::Issued)
        })
    }

    fn check_code(
        &self,
        id: &str,
        code_mac: &str,
        now: u64,
        l: &CodeLimits,
    ) -> Result<Check, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let (stored, expires, failures, locked_until): (Option<String>, i64, i64, i64) = tx
                .query_row(
                    "SELECT code_mac, code_expires, failures, locked_until FROM messages WHERE id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
            if locked_until as u64 > now {
                return Ok(Check::Locked {
                    until: locked_until as u64,
                });
            }
            let Some(stored) = stored else {
                return Ok(Check::Expired);
            };
            let right = crate::portal::keys::same(stored.as_bytes(), code_mac.as_bytes());
            if right && now < expires as u64 {
                tx.execute(
                    "UPDATE messages SET code_mac = NULL, failures = 0 WHERE id = ?1",
                    params![id],
                )?;
                tx.commit()?;
                return Ok(Check::Right);
            }
            if right {
                tx.execute(
                    "UPDATE messages SET code_mac = NULL WHERE id = ?1",
                    params![id],
                )?;
                tx.commit()?;
                return Ok(Check::Expired);
            }
            let failures = failures + 1;
            let out = if failures >= i64::from(l.max_failures) {
                // Locked: the outstanding code dies with the lock, and the
                // count starts again when the lock ends.
                tx.execute(
                    "UPDATE messages SET failures = 0, code_mac = NULL, locked_until = ?2 WHERE id = ?1",
                    params![id, t(now + l.lock_secs)],
                )?;
                Check::Wrong { left: 0 }
            } else {
                tx.execute(
                    "UPDATE messages SET failures = ?2 WHERE id = ?1",
                    params![id, failures],
                )?;
                Check::Wrong {
                    left: (i64::from(l.max_failures) - failures) as u32,
                }
            };
            tx.commit()?;
            Ok(out)
        })
    }

    fn open_session(
        &self,
        hash: &str,
        id: &str,
        csrf: &str,
        expires: u64,
    ) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "DELETE FROM sessions WHERE expires <= ?1",
                params![t(crate::time::unix_now())],
            )?;
            c.execute(
                "INSERT INTO sessions (hash, message_id, csrf, expires) VALUES (?1, ?2, ?3, ?4)",
                params![hash, id, csrf, t(expires)],
            )
            .map(|_| ())
        })
    }

    fn session(&self, hash: &str, now: u64) -> Result<Option<(String, String)>, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT message_id, csrf FROM sessions WHERE hash = ?1 AND expires > ?2",
                params![hash, t(now)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
        })
    }

    fn mark_opened(&self, id: &str, now: u64) -> Result<bool, StoreError> {
        self.with(|c| {
            let n = c.execute(
                "UPDATE messages SET opened_at = ?2 WHERE id = ?1 AND opened_at IS NULL",
                params![id, t(now)],
            )?;
            Ok(n == 1)
        })
    }

    fn count(&self, id: &str, which: Counter) -> Result<(), StoreError> {
        let col = match which {
            Counter::Downloads => "downloads",
            Counter::Replies => "replies",
        };
        self.with(|c| {
            c.execute(
                &format!("UPDATE messages SET {col} = {col} + 1 WHERE id = ?1"),
                params![id],
            )
            .map(|_| ())
        })
    }

    fn push_event(&self, event: &str, fields: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "INSERT INTO pending_events (event, fields) VALUES (?1, ?2)",
                params![event, fields],
            )
            .map(|_| ())
        })
    }

    fn pending_events(&self) -> Result<Vec<PendingEvent>, StoreError> {
        self.with(|c| {
            let mut st = c.prepare("SELECT seq, event, fields FROM pending_events ORDER BY seq")?;
            st.query_map([], |r| {
                Ok(PendingEvent {
                    seq: r.get(0)?,
                    event: r.get(1)?,
                    fields: r.get(2)?,
                })
            })?
            .collect()
        })
    }

    fn drop_events(&self, upto: i64) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute("DELETE FROM pending_events WHERE seq <= ?1", params![upto])
                .map(|_| ())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(name: &str) -> (Sqlite, PathBuf) {
        let d = std::env::temp_dir().join(format!("sg-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        (Sqlite::open(&d.join("portal.db")).expect("open"), d)
    }

    fn rec(id: &str) -> NewRecord {
        NewRecord {
            id: id.into(),
            queue_id: "q".into(),
            recipient: "p@example.org".into(),
            sender: Some("dr@clinic.test".into()),
            created: 100,
            expires: 1_000,
            key_id: "k1".into(),
            wrapped_key: vec![1, 2, 255],
            size: 10,
            sha256: "ab".into(),
        }
    }

    const LIMITS: CodeLimits = CodeLimits {
        window_secs: 3600,
        per_message: 3,
        per_address: 4,
        valid_secs: 600,
        max_failures: 5,
        lock_secs: 3600,
    };

    #[test]
    fn insert_is_idempotent_and_round_trips() {
        let (s, d) = store("insert");
        assert!(s.insert(&rec("a")).expect("insert"));
        assert!(
            !s.insert(&rec("a")).expect("again"),
            "a repeat inserts nothing"
        );
        let r = s.get("a").expect("get").expect("present");
        assert_eq!(r.wrapped_key, vec![1, 2, 255]);
        assert!(r.live(999) && !r.live(1_000));
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn fifth_wrong_code_locks_and_right_code_is_single_use() {
        let (s, d) = store("codes");
        s.insert(&rec("a")).expect("insert");
        assert_eq!(
            s.issue_code("a", "p@example.org", "good", 200, &LIMITS)
                .expect("issue"),
            Issue::Issued
        );
        for left in (1..5).rev() {
            assert_eq!(
                s.check_code("a", "bad", 201, &LIMITS).expect("check"),
                Check::Wrong { left }
            );
        }
        assert_eq!(
            s.check_code("a", "bad", 202, &LIMITS).expect("5th"),
            Check::Wrong { left: 0 }
        );
        assert_eq!(
            s.check_code("a", "good", 203, &LIMITS).expect("6th"),
            Check::Locked { until: 202 + 3600 },
            "even the right code is refused while locked"
        );
        assert!(matches!(
            s.issue_code("a", "p@example.org", "x", 204, &LIMITS)
                .expect("issue"),
            Issue::Locked { .. }
        ));
        // After the lock a new code works once.
        assert_eq!(
            s.issue_code("a", "p@example.org", "good2", 4_000, &LIMITS)
                .expect("issue"),
            Issue::Issued
        );
        assert_eq!(
            s.check_code("a", "good2", 4_001, &LIMITS).expect("check"),
            Check::Right
        );
        assert_eq!(
            s.check_code("a", "good2", 4_002, &LIMITS).expect("reuse"),
            Check::Expired
        );
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn code_windows_limit_per_message_and_per_address() {
        let (s, d) = store("window");
        s.insert(&rec("a")).expect("a");
        s.insert(&rec("b")).expect("b");
        for _ in 0..3 {
            assert_eq!(
                s.issue_code("a", "p@example.org", "c", 10, &LIMITS)
                    .expect("a"),
                Issue::Issued
            );
        }
        assert_eq!(
            s.issue_code("a", "p@example.org", "c", 20, &LIMITS)
                .expect("a4"),
            Issue::TooMany {
                retry_after_secs: 3590
            }
        );
        assert_eq!(
            s.issue_code("b", "p@example.org", "c", 20, &LIMITS)
                .expect("b1"),
            Issue::Issued
        );
        assert!(
            matches!(
                s.issue_code("b", "p@example.org", "c", 21, &LIMITS)
                    .expect("b2"),
                Issue::TooMany { .. }
            ),
            "the address's window is shared by its messages"
        );
        assert_eq!(
            s.issue_code("b", "p@example.org", "c", 3_700, &LIMITS)
                .expect("later"),
            Issue::Issued
        );
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn expired_code_does_not_open() {
        let (s, d) = store("expiry");
        s.insert(&rec("a")).expect("insert");
        s.issue_code("a", "p@example.org", "good", 100, &LIMITS)
            .expect("issue");
        assert_eq!(
            s.check_code("a", "good", 100 + 600, &LIMITS).expect("late"),
            Check::Expired
        );
        let _ = std::fs::remove_dir_all(d);
    }
}
