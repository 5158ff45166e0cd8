//! The recipient portal: messages whose recipients cannot get verified TLS
//! are held here encrypted, announced by a notification without PHI, and
//! read over HTTPS after a one-time code.

pub mod access;
pub mod web;
