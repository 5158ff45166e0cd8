//! PHI detection (DLP): rule files, detectors, text extraction, verdicts.
//!
//! The SMTP session calls [`Scanner::scan`] before its final 250 reply; the
//! resulting [`Verdict`] is stored with the message and drives routing. A
//! scan never fails: anything that cannot be read or a bound that is hit
//! makes the verdict stricter (fail closed), never looser.

pub mod cli;
pub mod config;
pub mod engine;
pub mod extract;
pub mod lexicon;
pub mod mailbox;
pub mod matching;
pub mod rule_schema;
pub mod rules;
pub mod scanner;
pub mod starts;
pub mod stop;
pub mod tags;
pub mod validators;
pub mod value_span;
pub mod verdict;

pub use config::{DlpConfig, ScanLimits, TagConfig, Thresholds};
pub use rules::{Problem, RuleError};
pub use scanner::{Finding, Scanner, rules_fingerprint};
pub use verdict::{Action, Hit, MonitorEffect, Verdict};
