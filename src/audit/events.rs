//! The fields of the records written for every message, as types: what a
//! `received`, `scanned` or delivery record holds is read here, and these
//! serialize straight into the line (`Event::typed`), which matters at a
//! few records per message. Only ids, counts, hashes and TLS facts: no
//! field here can carry message text. Rarer events build a JSON value.

use serde::Serialize;

/// `received`: the message was accepted (the record is durable before 250).
#[derive(Serialize)]
pub struct Received<'a> {
    pub client: &'a str,
    pub size: u64,
    pub recipients: usize,
    pub authorized_by: &'a str,
    /// "TLSv1.3 TLS_AES_256_GCM_SHA384", or null without TLS.
    pub tls: Option<&'a str>,
}

/// `scanned`: the DLP verdict.
#[derive(Serialize)]
pub struct Scanned<'a> {
    pub phi: bool,
    pub score: u32,
    pub action: &'a str,
    pub hits: Vec<Hit<'a>>,
}

/// One rule that matched, and how often; never what it matched.
#[derive(Serialize)]
pub struct Hit<'a> {
    pub rule: &'a str,
    pub count: u32,
    /// A monitor-mode rule: counted, not acted on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub monitor: bool,
}

/// `delivered`, `deferred`, `failed` or `portal`: one attempt at one
/// recipient domain, with the TLS evidence the route was decided on.
#[derive(Serialize)]
pub struct Delivery<'a> {
    pub recipient_domain: &'a str,
    pub route: &'a str,
    pub reason: &'a str,
    pub tls_level: Option<String>,
    pub mx_host: Option<&'a str>,
    pub tls: Option<String>,
    pub tls_version: Option<&'a str>,
    pub tls_cipher: Option<&'a str>,
    pub tls_verified: &'a str,
    pub peer_cert_sha256: Option<&'a str>,
    pub mta_sts: Option<&'a str>,
    pub dane: bool,
    pub tls_failures: &'a [&'a str],
    pub delivered: usize,
    pub deferred: usize,
    pub failed: usize,
    pub portal: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal_reason: Option<&'a str>,
    /// Present unless `[audit] recipients = "domain"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No typed record may carry a name the writer sets, or a reader would
    /// see it twice.
    #[test]
    fn typed_fields_are_not_reserved() {
        let names = |v: serde_json::Value| -> Vec<String> {
            v.as_object().expect("object").keys().cloned().collect()
        };
        let received = Received {
            client: "c",
            size: 1,
            recipients: 1,
            authorized_by: "a",
            tls: None,
        };
        let scanned = Scanned {
            phi: true,
            score: 1,
            action: "secure",
            hits: vec![],
        };
        let delivery = Delivery {
            recipient_domain: "d",
            route: "tls",
            reason: "r",
            tls_level: None,
            mx_host: None,
            tls: None,
            tls_version: None,
            tls_cipher: None,
            tls_verified: "none",
            peer_cert_sha256: None,
            mta_sts: None,
            dane: false,
            tls_failures: &[],
            delivered: 1,
            deferred: 0,
            failed: 0,
            portal: 0,
            portal_reason: Some("p"),
            recipients: Some(vec![]),
        };
        for v in [
            serde_json::to_value(&received),
            serde_json::to_value(&scanned),
            serde_json::to_value(&delivery),
        ] {
            for name in names(v.expect("serializes")) {
                assert!(!super::super::RESERVED.contains(&name.as_str()), "{name}");
            }
        }
    }
}
