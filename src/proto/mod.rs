//! Mail protocol types shared by the inbound session, the spool, the queue
//! and the outbound client. Nothing here knows about configuration or any
//! other part of sealgate, so every other module can build on it.

pub mod address;
pub(crate) mod der;
pub mod hash;
pub mod header;
pub mod next_hop;
pub mod params;
pub mod pem;
pub mod reply;
pub mod stream;
pub mod tls;
pub mod x509;
