//! DANE for SMTP (RFC 7672): TLS to a recipient's mail server authenticated
//! by TLSA records in DNSSEC-signed DNS instead of by the public CA system.
//!
//! Why: opportunistic STARTTLS can be stripped or intercepted, and public
//! CA verification does not fit SMTP: the MX name comes from DNS an attacker
//! may forge, and many servers present self-signed certificates or ones not
//! named for their MX host, so a sender cannot demand it of strangers. A
//! domain that signs its MX records and publishes TLSA records for its MX
//! hosts tells senders both that its servers do TLS and which certificates
//! they hold, in data an attacker on the path cannot forge. For PHI this is
//! how a sender learns, from DNS alone, that TLS to a server it has never
//! met must be there and must be the right one.
//!
//! Three steps, one file each, as plain data between them:
//!
//! - [`lookup`] (lookup.rs): for one MX host that [`dns`](crate::outbound::dns)
//!   found over validated answers (`Candidate::secure`), query
//!   `_25._tcp.<host>` TLSA and say what the answer means: [`TlsaLookup`].
//! - [`Tlsa`] (tlsa.rs): the record, which records SMTP may use (usages 2
//!   and 3 only, §3.1), and how one matches a certificate.
//! - [`verify`] (verify.rs): match the chain the server sent in the TLS
//!   handshake against the usable records: [`DaneMatch`] or [`DaneError`].
//!
//! How DNSSEC is trusted: sealgate does not validate DNSSEC itself. Like
//! Postfix with `smtp_dns_support_level = dnssec`, it trusts the AD bit of
//! the configured resolver (`[delivery] nameservers`, else
//! `/etc/resolv.conf`), which must therefore be a validating resolver on a
//! path nobody else can write to — in practice one on loopback (unbound,
//! systemd-resolved with DNSSEC=yes, or knot-resolver). A remote resolver's
//! AD bit can be forged by anyone on the path, and DANE then protects
//! nothing. hickory-resolver 0.26 cannot report AD (it never asks for it
//! without its own validator, merges A and AAAA answers, and drops the header
//! of negative answers), so the MX, address and TLSA queries are sent by
//! [`dns::stub`](crate::outbound::dns::stub) with AD and DO set, over UDP
//! and then TCP when truncated, and read with their header.
//!
//! What delivery does with the result (RFC 7672 §2.2): `Usable` means the
//! connection must use TLS and [`verify`] must pass, or the host is skipped;
//! `Failed` means the host is skipped now and the message deferred if no
//! other host takes it; `SecureNone` and `Insecure` mean DANE does not apply
//! and the configured TLS level decides.

pub(crate) mod der;
pub mod lookup;
pub mod tlsa;
pub mod verify;

pub use lookup::{TlsaLookup, lookup};
pub use tlsa::Tlsa;
pub use verify::{DaneError, DaneMatch, verify};

#[cfg(test)]
mod tests;
