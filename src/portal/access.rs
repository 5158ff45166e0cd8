//! What the web app may ask of the portal, and nothing more: the HTTP layer
//! (`portal::web`) turns requests into these calls and their answers into
//! pages. Every rule about who may see what (tokens, one-time codes,
//! lockout, sessions, the message's own recipient) lives behind this trait,
//! so it is tested without HTTP and the web app cannot get it wrong.
//!
//! Calls block (database, decryption): the web layer runs them on the
//! blocking pool.

use std::net::IpAddr;

/// Why a request gets no content. `Unknown` is one answer for a token that
/// never existed, expired, was revoked or purged: the page must not tell
/// them apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denied {
    Unknown,
    /// No valid session for this message: start again at the link.
    NoSession,
    /// Too many wrong codes; unix time when codes are accepted again.
    Locked {
        until: u64,
    },
    /// Too many requests from this token, address or client.
    RateLimited {
        retry_after_secs: u64,
    },
    /// The reply's CSRF token is missing or wrong.
    Forbidden,
    /// The store or key file failed; nothing about the message is known.
    Unavailable,
}

/// The landing page's facts: only what the notification already said.
#[derive(Debug, Clone)]
pub struct Landing {
    pub organization: String,
}

#[derive(Debug, Clone)]
pub enum CodeRequest {
    /// A code went to the recipient; `masked_to` is e.g. `p•••@example.org`.
    Sent { masked_to: String, valid_secs: u64 },
}

#[derive(Debug, Clone)]
pub enum CodeCheck {
    Accepted(NewSession),
    Wrong {
        attempts_left: u32,
    },
    /// The code was right once but is older than its lifetime, or none was sent.
    Expired,
}

/// A session the web layer puts in a cookie.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The cookie's value: a random secret; the store keeps only its hash.
    pub cookie: String,
    pub max_age_secs: u64,
}

/// A valid session, bound to one portal message.
#[derive(Debug, Clone)]
pub struct Session {
    pub portal_id: String,
    /// Must come back in every form post.
    pub csrf: String,
}

/// A decrypted message as the page shows it. `html` is the sender's HTML
/// as written: the web layer sanitizes it before it reaches a page.
#[derive(Debug, Clone)]
pub struct MessageView {
    pub from: String,
    pub to: String,
    /// RFC 5322 date as written, or the time it was stored.
    pub date: String,
    pub subject: String,
    pub text: Option<String>,
    pub html: Option<String>,
    pub attachments: Vec<AttachmentInfo>,
}

#[derive(Debug, Clone)]
pub struct AttachmentInfo {
    pub index: usize,
    pub name: String,
    pub content_type: String,
    pub size: usize,
    /// `Content-ID` without brackets, for `cid:` images in the HTML.
    pub content_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// What the recipient typed and attached.
#[derive(Debug, Clone, Default)]
pub struct ReplyInput {
    pub text: String,
    pub files: Vec<Attachment>,
}

#[derive(Debug, Clone)]
pub struct ReplyReceipt {
    /// Who the reply goes to, as the message page showed the sender.
    pub to: String,
}

pub trait Access: Send + Sync + 'static {
    /// The sending organization's name, for page titles.
    fn organization(&self) -> String;
    fn landing(&self, token: &str) -> Result<Landing, Denied>;
    /// Emails a fresh one-time code to the message's recipient.
    fn request_code(&self, token: &str, client: IpAddr) -> Result<CodeRequest, Denied>;
    fn check_code(&self, token: &str, code: &str, client: IpAddr) -> Result<CodeCheck, Denied>;
    /// The session the cookie names, if it is live and for this token's message.
    fn session(&self, token: &str, cookie: &str) -> Result<Session, Denied>;
    fn view(&self, token: &str, session: &Session) -> Result<MessageView, Denied>;
    fn attachment(
        &self,
        token: &str,
        session: &Session,
        index: usize,
    ) -> Result<Attachment, Denied>;
    /// Queues a reply to the original sender; the caller has checked the
    /// Origin header, and this checks `csrf` against the session.
    fn reply(
        &self,
        token: &str,
        session: &Session,
        csrf: &str,
        input: ReplyInput,
    ) -> Result<ReplyReceipt, Denied>;
}
