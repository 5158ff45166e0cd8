//! ESMTP parameters of MAIL and RCPT (RFC 1870 SIZE, RFC 6152 8BITMIME,
//! RFC 6531 SMTPUTF8, RFC 3461 DSN, RFC 8689 REQUIRETLS) as they travel with a message: parsed by
//! the inbound session, kept in the spool, replayed by the outbound client.

use serde::{Deserialize, Serialize};

use super::address::Address;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Body {
    #[default]
    SevenBit,
    EightBitMime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ret {
    Full,
    Hdrs,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailParams {
    pub size: Option<u64>,
    pub body: Body,
    pub smtputf8: bool,
    pub ret: Option<Ret>,
    /// xtext as received; passed on unchanged to a DSN-capable next hop.
    pub envid: Option<String>,
    /// RFC 8689: the sender demands verified TLS on every hop.
    #[serde(default)]
    pub requiretls: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Notify {
    pub never: bool,
    pub success: bool,
    pub failure: bool,
    pub delay: bool,
}

impl Notify {
    /// RFC 3461 §4.1: without NOTIFY, failures (and delays, at our option) are reported.
    pub fn default_policy() -> Notify {
        Notify {
            never: false,
            success: false,
            failure: true,
            delay: true,
        }
    }

    pub fn to_param(self) -> String {
        if self.never {
            return "NEVER".into();
        }
        let mut v = Vec::new();
        if self.success {
            v.push("SUCCESS");
        }
        if self.failure {
            v.push("FAILURE");
        }
        if self.delay {
            v.push("DELAY");
        }
        v.join(",")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RcptParams {
    pub notify: Option<Notify>,
    /// `addr-type;xtext` as received.
    pub orcpt: Option<String>,
}

/// One envelope recipient and its DSN parameters.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Recipient {
    pub address: Address,
    pub params: RcptParams,
}
