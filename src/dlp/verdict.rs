//! The verdict is the only thing the rest of sealgate learns about a message's
//! content. It is stored with the queued message and written to the audit log,
//! so it deliberately carries rule ids and counts, never matched text.

use serde::{Deserialize, Serialize};

/// What the gateway must do with a message. Ordered by severity so that the
/// strictest of several reasons wins with a plain `max`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Deliver,
    Secure,
    Portal,
    Reject,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Deliver => "deliver",
            Action::Secure => "secure",
            Action::Portal => "portal",
            Action::Reject => "reject",
        }
    }
}

/// One (rule, detector, part) triple that contributed to a fired rule.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Hit {
    pub rule: String,
    pub detector: String,
    /// `body`, `subject`, `header:NAME` or `attachment:NAME` (nested names
    /// are joined with `/`, e.g. `attachment:labs.zip/results.csv`).
    pub part: String,
    pub count: u32,
    /// The rule is in monitor mode: this hit did not change the verdict.
    #[serde(default, skip_serializing_if = "is_false")]
    pub monitor: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What a fired monitor rule would have done if it were enforced.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MonitorEffect {
    pub rule: String,
    /// The verdict's action had this rule (alone among the monitor rules)
    /// been enforced; equal to the actual action when it would not change.
    pub would_be: Action,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Verdict {
    /// True when the summed score reached the `secure` threshold.
    pub phi: bool,
    pub score: u32,
    pub action: Action,
    pub hits: Vec<Hit>,
    /// Parts that could not be read (encrypted, images, limits hit). A
    /// non-empty list raises the action to the configured unscanned action,
    /// because content we could not read may hold PHI (fail closed).
    pub unscanned: Vec<String>,
    /// Action forced by a sender tag or by a rule's `action`, if any.
    pub forced: Option<Action>,
    /// Monitor rules that fired, with the action each would have caused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitor: Vec<MonitorEffect>,
    /// Seconds the portal keeps the message: the shortest `portal_retention`
    /// of the enforced rules that fired; None: `[portal] retention`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portal_retention: Option<u64>,
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
            monitor: Vec::new(),
            portal_retention: None,
        }
    }
}

impl Default for Verdict {
    fn default() -> Self {
        Verdict::clean()
    }
}
