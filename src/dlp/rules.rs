//! Rule files: schema, loading and linting.
//!
//! Rule files are edited by security teams, not developers, so every problem
//! is reported as `file:line:col: what is wrong and how to fix it`, and all
//! problems of a directory are collected in one pass instead of stopping at
//! the first. Detector ids are global across the files of a directory so that
//! one pack's rules can reuse another pack's detectors.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::Spanned;

use crate::dlp::rule_schema::{DetectorDef, FileDef, RuleDef};
use crate::dlp::validators::{VALIDATOR_NAMES, Validator};
use crate::dlp::verdict::Action;

/// One located problem in a rule file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{}: cannot read rules: {source} (check that `[dlp] rules_dir` points at a folder of *.toml rule files)", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", join(.0))]
    Invalid(Vec<Problem>),
    #[error("{}: no rule files (*.toml) found; add a pack such as hipaa.toml or point `[dlp] rules_dir` elsewhere", .0.display())]
    Empty(PathBuf),
    #[error("[dlp] thresholds: {0}")]
    Thresholds(String),
}

impl RuleError {
    /// A problem found while compiling valid-looking rules (a pattern set
    /// too large, an automaton that cannot be built): no file position.
    pub fn compiled(message: String) -> RuleError {
        RuleError::Invalid(vec![Problem {
            file: "<compiled rules>".into(),
            line: 1,
            col: 1,
            message,
        }])
    }
}

fn join(p: &[Problem]) -> String {
    p.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Which extracted text a rule looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartKind {
    Subject,
    Body,
    Header,
    AttachmentName,
    Attachment,
}

impl PartKind {
    fn parse(s: &str) -> Option<PartKind> {
        Some(match s {
            "subject" => PartKind::Subject,
            "body" => PartKind::Body,
            "header" | "headers" => PartKind::Header,
            "attachment_name" | "attachment_names" => PartKind::AttachmentName,
            "attachment" | "attachments" => PartKind::Attachment,
            _ => return None,
        })
    }
}

/// A detector after loading: everything resolved, nothing compiled yet.
#[derive(Clone, Debug)]
pub struct DetectorSpec {
    pub id: String,
    pub source: DetectorSource,
    pub validator: Option<Validator>,
    pub word_boundary: bool,
    pub context: Vec<String>,
    pub context_window: usize,
    /// Words that veto a match within `exclude_window` (e.g. `lot`, `part`
    /// before a number shaped like an SSN).
    pub exclude: Vec<String>,
    pub exclude_window: usize,
    /// ASCII characters at which the exclude window ends on either side:
    /// a veto word behind a `:` or a `(` belongs to another phrase ("Care
    /// Team re: Otis Haugen (Z33.1)": "Team" does not make the code an
    /// organization's).
    pub exclude_stops_at: Vec<u8>,
    /// A capitalised match right after a capitalised word ("Zumbro Ridge
    /// Hospice", "Tulip City Infusion") is the end of an organization's or
    /// a place's name, not the term: vetoed.
    pub not_in_names: bool,
    /// Indices of detectors that must have a match within `near_window`.
    pub near: Vec<usize>,
    pub near_window: usize,
    /// Characters at which the `near` window ends on either side: with
    /// `"\n;"` the anchor must be on the match's line and in its table
    /// cell, for in a schedule a name and a word from the next row or
    /// column are close but say nothing about each other.
    pub near_stops_at: Vec<u8>,
}

#[derive(Clone, Debug)]
pub enum DetectorSource {
    /// A regex; if it has a group named `value`, that group is what the
    /// validator checks and what counts as the match.
    Pattern { regex: String, ignore_case: bool },
    /// Dictionary words, matched case-insensitively on word boundaries.
    Terms(Vec<String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchMode {
    Any,
    All,
    AtLeast(u32),
}

#[derive(Clone, Debug)]
pub struct RuleSpec {
    pub id: String,
    pub detectors: Vec<usize>,
    pub mode: MatchMode,
    pub min_count: u32,
    pub parts: Vec<PartKind>,
    pub score: u32,
    pub action: Option<Action>,
    /// The rule's own portal retention, in seconds (the shortest of the
    /// rules that fire wins, and never beyond `[portal] retention`).
    pub portal_retention: Option<u64>,
    /// A monitor rule's hits are recorded (verdict, log, audit) but its
    /// score and action do not change the verdict: a new rule can be
    /// measured on live mail before it diverts anything.
    pub monitor: bool,
}

#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub detectors: Vec<DetectorSpec>,
    pub rules: Vec<RuleSpec>,
}

/// Map a byte offset to 1-based line and column (in characters).
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

struct Ctx<'a> {
    file: &'a Path,
    src: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn at(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        let (line, col) = line_col(self.src, span.start);
        self.problems.push(Problem {
            file: self.file.to_path_buf(),
            line,
            col,
            message: message.into(),
        });
    }
}

/// List `*.toml` files of a folder in name order, so loading is reproducible.
pub fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let rd = std::fs::read_dir(dir).map_err(|source| RuleError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Load every rule file of `dir`. Returns all problems at once on failure.
pub fn load_dir(dir: &Path) -> Result<RuleSet, RuleError> {
    let files = rule_files(dir)?;
    if files.is_empty() {
        return Err(RuleError::Empty(dir.to_path_buf()));
    }
    let mut sources = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|source| RuleError::Io {
            path: f.clone(),
            source,
        })?;
        sources.push((f.clone(), text));
    }
    load_sources(&sources)
}

/// Load rule files from memory: `(path used in messages, file text)`.
pub fn load_sources(sources: &[(PathBuf, String)]) -> Result<RuleSet, RuleError> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (path, src) in sources {
        match toml::from_str::<FileDef>(src) {
            Ok(def) => parsed.push((path.as_path(), src.as_str(), def)),
            Err(e) => {
                let (line, col) = e.span().map_or((1, 1), |s| line_col(src, s.start));
                problems.push(Problem {
                    file: path.clone(),
                    line,
                    col,
                    message: e.message().trim().to_string(),
                });
            }
        }
    }
    let mut set = RuleSet::default();
    let mut det_index: HashMap<String, usize> = HashMap::new();
    // Detector pass first: rules may name detectors of any file.
    let mut near_refs = Vec::new();
    for (path, src, def) in &parsed {
        let mut cx = Ctx {
            file: path,
            src,
            problems: &mut problems,
        };
        for d in &def.detectors {
            if let Some(spec) = detector(&mut cx, d) {
                if det_index.contains_key(spec.id.as_str()) {
                    cx.at(
                        d.id.span(),
                        format!(
                            "duplicate detector id `{}`: ids must be unique across all rule files",
                            spec.id
                        ),
                    );
                    continue;
                }
                det_index.insert(spec.id.clone(), set.detectors.len());
                if let Some(n) = &d.near {
                    near_refs.push((set.detectors.len(), *path, *src, n.clone()));
                }
                set.detectors.push(spec);
            }
        }
    }
    for (idx, path, src, near) in near_refs {
        let mut cx = Ctx {
            file: path,
            src,
            problems: &mut problems,
        };
        for name in near.get_ref() {
            match det_index.get(name.as_str()) {
                None => cx.at(
                    near.span(),
                    format!("`near` names unknown detector `{name}`"),
                ),
                Some(&t) if !near_targets_ok(sources_near(&parsed, name)) => {
                    let _ = t;
                    cx.at(
                        near.span(),
                        format!("`near` detector `{name}` itself uses `near`; chains are not supported, point at the identifier detector directly"),
                    )
                }
                Some(&t) => set.detectors[idx].near.push(t),
            }
        }
    }
    let mut rule_ids = HashSet::new();
    for (path, src, def) in &parsed {
        let mut cx = Ctx {
            file: path,
            src,
            problems: &mut problems,
        };
        let pack_monitor = def
            .pack
            .as_ref()
            .and_then(|p| p.mode.as_ref())
            .and_then(|m| parse_run_mode(&mut cx, m))
            .unwrap_or(false);
        for r in &def.rules {
            if !rule_ids.insert(r.id.get_ref().clone()) {
                cx.at(
                    r.id.span(),
                    format!(
                        "duplicate rule id `{}`: ids must be unique across all rule files",
                        r.id.get_ref()
                    ),
                );
                continue;
            }
            let monitor = match &r.run_mode {
                None => Some(pack_monitor),
                Some(m) => parse_run_mode(&mut cx, m),
            };
            if let (Some(mut spec), Some(monitor)) = (rule(&mut cx, r, &det_index), monitor)
                && r.enabled
            {
                spec.monitor = monitor;
                set.rules.push(spec);
            }
        }
    }
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(RuleError::Invalid(problems))
    }
}

/// `mode = "enforce" | "monitor"` of a rule or a `[pack]`: `Some(true)`
/// for monitor, `None` (with a located problem) for anything else.
fn parse_run_mode(cx: &mut Ctx<'_>, m: &Spanned<String>) -> Option<bool> {
    match m.get_ref().as_str() {
        "enforce" => Some(false),
        "monitor" => Some(true),
        other => {
            cx.at(
                m.span(),
                format!("unknown mode `{other}`; use \"enforce\" (the default) or \"monitor\" (record hits without changing verdicts)"),
            );
            None
        }
    }
}

fn sources_near<'a>(parsed: &'a [(&Path, &str, FileDef)], name: &str) -> Option<&'a DetectorDef> {
    parsed
        .iter()
        .flat_map(|(_, _, d)| d.detectors.iter())
        .find(|d| d.id.get_ref() == name)
}

fn near_targets_ok(d: Option<&DetectorDef>) -> bool {
    d.is_none_or(|d| d.near.is_none())
}

fn read_list(cx: &mut Ctx<'_>, file: &Spanned<String>) -> Option<Vec<String>> {
    read_list_at(cx, file.span(), file.get_ref())
}

/// The words of every file in a list of dictionary files (`exclude_files`,
/// `context_files`), appended to `into`; false (each error reported) if
/// one could not be read.
fn read_lists(
    cx: &mut Ctx<'_>,
    files: Option<&Spanned<Vec<String>>>,
    into: &mut Vec<String>,
) -> bool {
    let mut ok = true;
    for f in files.map(Spanned::get_ref).into_iter().flatten() {
        match read_list_at(cx, files.map_or(0..0, Spanned::span), f) {
            Some(words) => into.extend(words),
            None => ok = false,
        }
    }
    ok
}

/// The bytes of a `*_stops_at` setting (none when unset); None, with
/// `error` reported at the setting, when it is not ASCII.
fn stop_chars(cx: &mut Ctx<'_>, field: Option<&Spanned<String>>, error: &str) -> Option<Vec<u8>> {
    match field {
        Some(s) if !s.get_ref().is_ascii() => {
            cx.at(s.span(), error);
            None
        }
        Some(s) => Some(s.get_ref().bytes().collect()),
        None => Some(Vec::new()),
    }
}

/// [`read_list`] for a file named inside a list, located by the list's span.
fn read_list_at(cx: &mut Ctx<'_>, span: std::ops::Range<usize>, file: &str) -> Option<Vec<String>> {
    let base = cx.file.parent().unwrap_or(Path::new("."));
    let path = base.join(file);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(
            t.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        Err(e) => {
            cx.at(
                span,
                format!(
                    "cannot read `{}`: {e} (paths are relative to the rule file's folder)",
                    path.display()
                ),
            );
            None
        }
    }
}

fn detector(cx: &mut Ctx<'_>, d: &DetectorDef) -> Option<DetectorSpec> {
    let id = d.id.get_ref().clone();
    let mut ok = true;
    if id.is_empty() {
        cx.at(d.id.span(), "detector id must not be empty");
        ok = false;
    }
    let source = match (&d.pattern, &d.terms, &d.terms_file) {
        (Some(p), None, None) => {
            let ignore_case = d.ignore_case.unwrap_or(false);
            match check_regex(p.get_ref(), ignore_case) {
                Ok(()) => Some(DetectorSource::Pattern {
                    regex: p.get_ref().clone(),
                    ignore_case,
                }),
                Err(m) => {
                    cx.at(p.span(), m);
                    None
                }
            }
        }
        (None, t, f) if t.is_some() || f.is_some() => {
            let mut terms: Vec<String> =
                t.as_ref().map(|t| t.get_ref().clone()).unwrap_or_default();
            if let Some(f) = f {
                terms.extend(read_list(cx, f)?);
            }
            terms.retain(|t| !t.trim().is_empty());
            if terms.is_empty() {
                cx.at(
                    d.id.span(),
                    format!("detector `{id}` has an empty term list"),
                );
                None
            } else {
                Some(DetectorSource::Terms(terms))
            }
        }
        _ => {
            cx.at(
                d.id.span(),
                format!("detector `{id}` needs exactly one of `pattern` or `terms`/`terms_file`"),
            );
            None
        }
    };
    let validator = match &d.validator {
        None => None,
        Some(v) => {
            let codes = match (v.get_ref().as_str(), &d.codes_file) {
                ("icd10", Some(f)) => read_list(cx, f).map(|l| {
                    Arc::new(
                        l.into_iter()
                            .map(|c| c.replace('.', "").to_ascii_uppercase())
                            .collect::<HashSet<_>>(),
                    )
                }),
                ("icd10", None) => {
                    cx.at(
                        v.span(),
                        "validator `icd10` needs `codes_file` (the official ICD-10-CM code list)",
                    );
                    None
                }
                _ => None,
            };
            let val = Validator::from_name(v.get_ref(), codes);
            if val.is_none() && v.get_ref() != "icd10" {
                cx.at(
                    v.span(),
                    format!(
                        "unknown validator `{}`; known: {}",
                        v.get_ref(),
                        VALIDATOR_NAMES.join(", ")
                    ),
                );
            }
            ok &= val.is_some();
            val
        }
    };
    let mut context = d
        .context
        .as_ref()
        .map(|c| c.get_ref().clone())
        .unwrap_or_default();
    if let Some(f) = &d.context_file {
        context.extend(read_list(cx, f)?);
    }
    ok &= read_lists(cx, d.context_files.as_ref(), &mut context);
    context.retain(|t| !t.trim().is_empty());
    if d.context.as_ref().is_some_and(|c| c.get_ref().is_empty())
        && d.context_file.is_none()
        && d.context_files.is_none()
        && let Some(c) = &d.context
    {
        cx.at(
            c.span(),
            "empty `context` list would never match; remove it or add terms",
        );
        ok = false;
    }
    let mut exclude: Vec<String> = d
        .exclude
        .as_ref()
        .map(|c| c.get_ref().clone())
        .unwrap_or_default();
    ok &= read_lists(cx, d.exclude_files.as_ref(), &mut exclude);
    exclude.retain(|t| !t.trim().is_empty());
    let exclude_stops_at = stop_chars(
        cx,
        d.exclude_stops_at.as_ref(),
        "`exclude_stops_at` takes ASCII characters (punctuation such as \":()\")",
    );
    let near_stops_at = stop_chars(
        cx,
        d.near_stops_at.as_ref(),
        "`near_stops_at` takes ASCII characters (such as \"\\n;\")",
    );
    let (Some(exclude_stops_at), Some(near_stops_at)) = (exclude_stops_at, near_stops_at) else {
        return None;
    };
    if !ok {
        return None;
    }
    Some(DetectorSpec {
        id,
        source: source?,
        validator,
        word_boundary: d.word_boundary,
        context,
        context_window: d.context_window,
        exclude,
        exclude_window: d.exclude_window,
        exclude_stops_at,
        not_in_names: d.not_in_names,
        near: Vec::new(),
        near_window: d.near_window,
        near_stops_at,
    })
}

/// Refuse patterns that would flood the verdict or never match: empty
/// matches, invalid syntax.
fn check_regex(p: &str, ignore_case: bool) -> Result<(), String> {
    let re = regex_automata::meta::Regex::builder()
        .syntax(
            regex_automata::util::syntax::Config::new()
                .unicode(false)
                .utf8(false)
                .case_insensitive(ignore_case),
        )
        .configure(regex_automata::meta::Regex::config().nfa_size_limit(Some(16 << 20)))
        .build(p)
        .map_err(|e| {
            let detail = std::error::Error::source(&e).map_or(e.to_string(), |s| s.to_string());
            format!("invalid regex: {}", detail.replace('\n', " "))
        })?;
    if re.is_match(b"".as_slice())
        || regex_automata::util::syntax::parse(p)
            .is_ok_and(|h| h.properties().minimum_len() == Some(0))
    {
        return Err("regex can match the empty string; require at least one character (e.g. `+` instead of `*`)".into());
    }
    Ok(())
}

fn rule(cx: &mut Ctx<'_>, r: &RuleDef, det_index: &HashMap<String, usize>) -> Option<RuleSpec> {
    let mut ok = true;
    let mut detectors = Vec::new();
    for name in r.detectors.get_ref() {
        match det_index.get(name.as_str()) {
            Some(&i) => detectors.push(i),
            None => {
                cx.at(
                    r.detectors.span(),
                    format!("rule `{}` names unknown detector `{name}`", r.id.get_ref()),
                );
                ok = false;
            }
        }
    }
    if r.detectors.get_ref().is_empty() {
        cx.at(r.detectors.span(), "a rule needs at least one detector");
        ok = false;
    }
    let n = r.detectors.get_ref().len() as u32;
    let mode = match r.mode.as_ref().map(|m| m.get_ref().as_str()) {
        None | Some("any") => MatchMode::Any,
        Some("all") => MatchMode::All,
        Some("at_least") => match &r.k {
            Some(k) if *k.get_ref() >= 1 && *k.get_ref() <= n => MatchMode::AtLeast(*k.get_ref()),
            Some(k) => {
                cx.at(
                    k.span(),
                    format!("`k` must be between 1 and the number of detectors ({n})"),
                );
                ok = false;
                MatchMode::Any
            }
            None => {
                if let Some(m) = &r.mode {
                    cx.at(m.span(), "`match = \"at_least\"` needs `k = N`");
                }
                ok = false;
                MatchMode::Any
            }
        },
        Some(other) => {
            if let Some(m) = &r.mode {
                cx.at(
                    m.span(),
                    format!("unknown match mode `{other}`; use \"any\", \"all\" or \"at_least\""),
                );
            }
            ok = false;
            MatchMode::Any
        }
    };
    let parts = match &r.parts {
        None => vec![PartKind::Subject, PartKind::Body, PartKind::Attachment],
        Some(p) => {
            let mut v = Vec::new();
            for s in p.get_ref() {
                match PartKind::parse(s) {
                    Some(k) => v.push(k),
                    None => {
                        cx.at(p.span(), format!("unknown part `{s}`; use subject, body, header, attachment_name, attachment"));
                        ok = false;
                    }
                }
            }
            if v.is_empty() && ok {
                cx.at(p.span(), "empty `parts` list: the rule could never fire");
                ok = false;
            }
            v
        }
    };
    if r.score == 0 && r.action.is_none() {
        cx.at(
            r.id.span(),
            format!(
                "rule `{}` has score 0 and no action, so it can never change a verdict",
                r.id.get_ref()
            ),
        );
        ok = false;
    }
    if r.min_count == 0 {
        cx.at(r.id.span(), "`min_count` must be at least 1");
        ok = false;
    }
    let portal_retention = match &r.portal_retention {
        None => None,
        Some(d) => match crate::time::parse_duration(d.get_ref()) {
            Ok(t) if !t.is_zero() => Some(t.as_secs().max(1)),
            Ok(_) => {
                cx.at(d.span(), "`portal_retention` must be longer than 0s");
                ok = false;
                None
            }
            Err(e) => {
                cx.at(d.span(), format!("`portal_retention`: {e}"));
                ok = false;
                None
            }
        },
    };
    ok.then(|| RuleSpec {
        id: r.id.get_ref().clone(),
        detectors,
        mode,
        min_count: r.min_count,
        parts,
        score: r.score,
        action: r.action,
        portal_retention,
        monitor: false,
    })
}

/// Thresholds no combination of rules can reach are configuration mistakes:
/// the operator believes a level is active when it cannot ever trigger.
pub fn check_thresholds(
    t: &crate::dlp::config::Thresholds,
    rules: &RuleSet,
) -> Result<(), RuleError> {
    // Monitor rules never add to a score, so they cannot make a level
    // reachable; a folder of monitor rules only has nothing to check.
    if rules.rules.iter().all(|r| r.monitor) {
        return Ok(());
    }
    let max: u32 = rules
        .rules
        .iter()
        .filter(|r| !r.monitor)
        .map(|r| r.score)
        .fold(0, u32::saturating_add);
    let mut levels = vec![
        ("secure", Some(t.secure)),
        ("portal", t.portal),
        ("reject", t.reject),
    ];
    levels.retain(|(_, v)| v.is_some());
    for (name, v) in &levels {
        let v = v.unwrap_or(0);
        if v > max {
            return Err(RuleError::Thresholds(format!(
                "`{name} = {v}` is unreachable: all rules together score at most {max}; lower it or remove it"
            )));
        }
    }
    if t.portal.is_some_and(|p| p < t.secure)
        || t.reject
            .is_some_and(|r| r < t.secure || t.portal.is_some_and(|p| r < p))
    {
        return Err(RuleError::Thresholds(
            "thresholds must grow: secure <= portal <= reject".to_string(),
        ));
    }
    Ok(())
}
