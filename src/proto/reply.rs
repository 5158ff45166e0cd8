//! SMTP replies as the outbound client reads them and DSNs and logs quote them.

/// An SMTP reply: code, enhanced status (derived when the server gave none), text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    pub status: String,
    pub text: String,
}

impl Reply {
    pub fn is_ok(&self) -> bool {
        (200..300).contains(&self.code)
    }
    pub fn is_temp(&self) -> bool {
        (400..500).contains(&self.code)
    }
    /// "550 5.1.1 No such user", the form DSNs and logs quote.
    pub fn line(&self) -> String {
        format!("{} {} {}", self.code, self.status, self.text)
    }
}
