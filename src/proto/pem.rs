//! PEM text for the private keys sealgate generates (DKIM, audit): the
//! form `openssl` and every key tool read.

use base64ct::{Base64, Encoding};

/// `-----BEGIN {label}-----`, base64 in lines of 64, `-----END {label}-----`.
pub fn encode(label: &str, der: &[u8]) -> String {
    let b64 = Base64::encode_string(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}
