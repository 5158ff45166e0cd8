//! Portal metadata: one record per portal message (ids, recipient, sender,
//! dates, state, counters, the wrapped message key), plus sessions. Never
//! message content: that is sealed in files beside it (`portal::sealed`).
//!
//! Every rule that must hold across nodes (a code is used once, the fifth
//! wrong code locks, a window's code count) is one call here, done in one
//! transaction, so a PostgreSQL backend for several nodes implements this
//! trait and the web app does not change. The SQL in `sqlite.rs` keeps to
//! portable types (TEXT, INTEGER) for that reason.

mod sqlite;

pub use sqlite::Sqlite;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("portal store {path}: {message}")]
    Db { path: String, message: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Active,
    Revoked,
    Expired,
    /// Ciphertext deleted; the record stays as the trace of what was held.
    Purged,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Revoked => "revoked",
            State::Expired => "expired",
            State::Purged => "purged",
        }
    }

    pub fn parse(s: &str) -> State {
        match s {
            "active" => State::Active,
            "revoked" => State::Revoked,
            "expired" => State::Expired,
            _ => State::Purged,
        }
    }
}

/// A new portal message, as the hand-off writes it.
#[derive(Debug, Clone)]
pub struct NewRecord {
    pub id: String,
    pub queue_id: String,
    pub recipient: String,
    pub sender: Option<String>,
    pub created: u64,
    pub expires: u64,
    pub key_id: String,
    pub wrapped_key: Vec<u8>,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub queue_id: String,
    pub recipient: String,
    pub sender: Option<String>,
    pub created: u64,
    pub expires: u64,
    pub state: State,
    pub key_id: String,
    pub wrapped_key: Vec<u8>,
    pub size: u64,
    pub sha256: String,
    pub notified: bool,
    pub opened_at: Option<u64>,
    pub codes_sent: u32,
    pub failures: u32,
    pub locked_until: u64,
    pub downloads: u32,
    pub replies: u32,
}

impl Record {
    /// Open to the recipient now: active and not past its expiry.
    pub fn live(&self, now: u64) -> bool {
        self.state == State::Active && now < self.expires
    }
}

/// How many codes may be sent in one window, per message and per address.
#[derive(Debug, Clone, Copy)]
pub struct CodeLimits {
    pub window_secs: u64,
    pub per_message: u32,
    pub per_address: u32,
    pub valid_secs: u64,
    pub max_failures: u32,
    pub lock_secs: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Issued,
    /// The window is full; try again after this many seconds.
    TooMany {
        retry_after_secs: u64,
    },
    Locked {
        until: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Right and in time; the code is used up and the failures reset.
    Right,
    /// Wrong; this many tries are left (0: now locked).
    Wrong {
        left: u32,
    },
    Locked {
        until: u64,
    },
    /// No code outstanding, or it is past its lifetime.
    Expired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter {
    Downloads,
    Replies,
}

/// One event written by a process that cannot append to the audit log
/// (the CLI while the gateway runs); the gateway moves these into it.
#[derive(Debug, Clone)]
pub struct PendingEvent {
    pub seq: i64,
    pub event: String,
    pub fields: String,
}

pub trait Store: Send + Sync {
    /// Adds a record; false when one with this id exists (a repeated hand-off).
    fn insert(&self, r: &NewRecord) -> Result<bool, StoreError>;
    fn get(&self, id: &str) -> Result<Option<Record>, StoreError>;
    fn by_token(&self, token_hash: &str) -> Result<Option<Record>, StoreError>;
    fn set_token(&self, id: &str, token_hash: &str) -> Result<(), StoreError>;
    fn mark_notified(&self, id: &str) -> Result<(), StoreError>;
    fn list(&self) -> Result<Vec<Record>, StoreError>;
    /// Moves an active record to `to`; false when it was not active.
    fn finish(&self, id: &str, to: State) -> Result<bool, StoreError>;
    fn mark_purged(&self, id: &str) -> Result<(), StoreError>;
    /// Records not yet purged that are past expiry or no longer active.
    fn to_purge(&self, now: u64) -> Result<Vec<Record>, StoreError>;
    fn issue_code(
        &self,
        id: &str,
        recipient: &str,
        code_mac: &str,
        now: u64,
        limits: &CodeLimits,
    ) -> Result<Issue, StoreError>;
    fn check_code(
        &self,
        id: &str,
        code_mac: &str,
        now: u64,
        limits: &CodeLimits,
    ) -> Result<Check, StoreError>;
    fn open_session(
        &self,
        hash: &str,
        id: &str,
        csrf: &str,
        expires: u64,
    ) -> Result<(), StoreError>;
    /// (portal id, csrf) of a live session.
    fn session(&self, hash: &str, now: u64) -> Result<Option<(String, String)>, StoreError>;
    /// Sets the first-opened time; true the first time.
    fn mark_opened(&self, id: &str, now: u64) -> Result<bool, StoreError>;
    fn count(&self, id: &str, c: Counter) -> Result<(), StoreError>;
    fn push_event(&self, event: &str, fields: &str) -> Result<(), StoreError>;
    fn pending_events(&self) -> Result<Vec<PendingEvent>, StoreError>;
    fn drop_events(&self, upto: i64) -> Result<(), StoreError>;
}
