//! sealgate: a secure outbound email gateway for healthcare.
//!
//! A message travels `smtp::session` → `dlp::scan` → `spool::commit` →
//! `queue::scheduler` → `policy::route` → `dkim::sign` → `outbound::deliver`,
//! with `audit::record` at every step (see docs/ARCHITECTURE.md). Each arrow is one plain
//! function call, so each stage can be read and tested on its own.

pub mod audit;
pub mod certs;
pub mod config;
pub mod dkim;
pub mod dlp;
pub mod gateway;
pub mod live;
pub mod ops;
pub mod outbound;
pub mod policy;
pub mod portal;
pub mod proto;
pub mod queue;
pub mod smtp;
pub mod spool;
pub mod time;
