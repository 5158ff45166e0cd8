//! STUB until wip/dane lands: the interface only.
use rustls_pki_types::{CertificateDer, UnixTime};
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tlsa {
    pub usage: u8,
    pub selector: u8,
    pub matching: u8,
    pub data: Vec<u8>,
}
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TlsaLookup {
    Usable(Vec<Tlsa>),
    SecureNone,
    Insecure,
    Failed(String),
}
pub async fn lookup(
    _dns: &crate::outbound::dns::Dns,
    _host: &str,
    _port: u16,
    _host_secure: bool,
) -> TlsaLookup {
    TlsaLookup::Insecure
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaneMatch {
    Ee,
    Ta,
}
#[derive(Debug, thiserror::Error)]
#[error("stub")]
pub struct DaneError;
pub fn verify(
    _chain: &[CertificateDer<'_>],
    _records: &[Tlsa],
    _names: &[&str],
    _now: UnixTime,
) -> Result<DaneMatch, DaneError> {
    Err(DaneError)
}
