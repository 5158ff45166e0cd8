//! DKIM signing of what leaves. The signing issue fills this in; until then
//! messages leave as they came, and the scheduler already calls through here
//! so adding signatures changes no other module.

use std::borrow::Cow;

#[derive(Debug, Default, Clone)]
pub struct Signer {}

impl Signer {
    pub fn new() -> Signer {
        Signer {}
    }

    /// The bytes to send for a message from `sender_domain`.
    pub fn sign<'a>(&self, _sender_domain: Option<&str>, message: &'a [u8]) -> Cow<'a, [u8]> {
        Cow::Borrowed(message)
    }
}
