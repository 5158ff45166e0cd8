//! Inbound ESMTP: listener, session state machine, DATA/BDAT reading,
//! STARTTLS, AUTH and relay authorization.

pub mod address;
pub mod auth;
pub mod body;
pub mod command;
pub mod io;
pub mod listener;
mod receive;
pub mod relay;
pub mod session;
pub mod tls;

pub use receive::hex_sha256;
