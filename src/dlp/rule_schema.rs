//! The serde shape of a rule file. Fields keep their source spans so that
//! every later check can point at `file:line:col`.

use serde::Deserialize;
use toml::Spanned;

use crate::dlp::verdict::Action;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileDef {
    /// Name and description are informational; `mode` applies to the
    /// pack's rules.
    #[serde(default)]
    pub(crate) pack: Option<PackDef>,
    #[serde(default, rename = "detector")]
    pub(crate) detectors: Vec<DetectorDef>,
    #[serde(default, rename = "rule")]
    pub(crate) rules: Vec<RuleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackDef {
    #[allow(dead_code)]
    pub(crate) name: String,
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) description: String,
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) version: String,
    /// `"enforce"` (default) or `"monitor"` for every rule of the file
    /// that does not set its own `mode`.
    pub(crate) mode: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DetectorDef {
    pub(crate) id: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) description: String,
    pub(crate) pattern: Option<Spanned<String>>,
    pub(crate) terms: Option<Spanned<Vec<String>>>,
    pub(crate) terms_file: Option<Spanned<String>>,
    pub(crate) validator: Option<Spanned<String>>,
    pub(crate) codes_file: Option<Spanned<String>>,
    pub(crate) ignore_case: Option<bool>,
    #[serde(default = "yes")]
    pub(crate) word_boundary: bool,
    pub(crate) context: Option<Spanned<Vec<String>>>,
    pub(crate) context_file: Option<Spanned<String>>,
    /// Files of keywords, added to `context` (a list: a name matters near
    /// a condition or a drug, and those are two dictionaries).
    pub(crate) context_files: Option<Spanned<Vec<String>>>,
    #[serde(default = "default_context_window")]
    pub(crate) context_window: usize,
    pub(crate) exclude: Option<Spanned<Vec<String>>>,
    /// Files of veto words, added to `exclude` (a list: a name must not be
    /// a condition nor a drug, and those are two dictionaries).
    pub(crate) exclude_files: Option<Spanned<Vec<String>>>,
    #[serde(default = "default_exclude_window")]
    pub(crate) exclude_window: usize,
    /// Characters at which the exclude window ends, e.g. `":()"`.
    pub(crate) exclude_stops_at: Option<Spanned<String>>,
    /// Veto a capitalised match right after a capitalised word: it is the
    /// end of a proper name ("Zumbro Ridge Hospice"), not the term.
    #[serde(default)]
    pub(crate) not_in_names: bool,
    pub(crate) near: Option<Spanned<Vec<String>>>,
    #[serde(default = "default_near_window")]
    pub(crate) near_window: usize,
    /// Characters at which the `near` window ends, e.g. `"\n;"`.
    pub(crate) near_stops_at: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleDef {
    pub(crate) id: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) description: String,
    pub(crate) detectors: Spanned<Vec<String>>,
    #[serde(rename = "match", default)]
    pub(crate) mode: Option<Spanned<String>>,
    pub(crate) k: Option<Spanned<u32>>,
    #[serde(default = "one")]
    pub(crate) min_count: u32,
    pub(crate) parts: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) score: u32,
    pub(crate) action: Option<Action>,
    /// How long a message this rule fires on stays in the portal, when
    /// shorter than `[portal] retention` (e.g. "7d").
    pub(crate) portal_retention: Option<Spanned<String>>,
    #[serde(default = "yes")]
    pub(crate) enabled: bool,
    /// `"enforce"` or `"monitor"`; unset means the pack's mode.
    #[serde(rename = "mode")]
    pub(crate) run_mode: Option<Spanned<String>>,
}

fn yes() -> bool {
    true
}
fn one() -> u32 {
    1
}
fn default_context_window() -> usize {
    100
}
fn default_exclude_window() -> usize {
    30
}
fn default_near_window() -> usize {
    300
}
