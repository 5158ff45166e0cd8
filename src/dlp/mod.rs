//! PHI detection. This is the seam the SMTP session calls before its final
//! 250; the rule engine (issue 3) replaces the inside without changing the
//! signature: `Scanner::scan(&[u8]) -> Verdict`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DlpConfig {
    pub rules_dir: PathBuf,
}

impl Default for DlpConfig {
    fn default() -> Self {
        DlpConfig {
            rules_dir: "rules".into(),
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Deliver,
    Secure,
    Portal,
    Reject,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Hit {
    pub rule: String,
    pub detector: String,
    pub part: String,
    pub count: u32,
}

/// What the scan found: rule ids and counts only, never the matched text.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Verdict {
    pub phi: bool,
    pub score: u32,
    pub action: Action,
    pub hits: Vec<Hit>,
    pub unscanned: Vec<String>,
    pub forced: Option<Action>,
}

impl Verdict {
    pub fn clean() -> Verdict {
        Verdict {
            phi: false,
            score: 0,
            action: Action::Deliver,
            hits: Vec::new(),
            unscanned: Vec::new(),
            forced: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{0}")]
    Other(String),
}

/// Compiled rules, shared by every session.
#[derive(Debug, Default)]
pub struct Scanner {}

impl Scanner {
    pub fn load(_cfg: &DlpConfig, _base_dir: &Path) -> Result<Scanner, RuleError> {
        Ok(Scanner {})
    }

    pub fn empty() -> Scanner {
        Scanner {}
    }

    pub fn scan(&self, _raw_message: &[u8]) -> Verdict {
        Verdict::clean()
    }

    pub fn strip_tags(&self, _raw_message: &[u8]) -> Option<Vec<u8>> {
        None
    }
}
