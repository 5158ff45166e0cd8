//! The recipient portal: messages whose recipients cannot get verified TLS
//! are held here encrypted, announced by a notification without PHI, and
//! read over HTTPS after a one-time code.
//!
//! The way through: `queue::scheduler` hands a recipient to
//! [`Portal::hand_off`] (seal → record → notification), the web app
//! (`portal::web`) serves it through [`access::Access`], replies and codes
//! leave through the queue like any message, and [`Portal::purge_due`]
//! ends each message's life. Every step is an audit event without content.

pub mod access;
pub mod cli;
mod content;
pub mod filename;
pub mod keys;
pub mod link;
pub mod mail;
mod outbox;
pub mod sealed;
mod service;
pub mod store;
mod views;
pub mod web;

pub use outbox::Outbox;
pub use service::{Portal, PortalError};
