//! The `sealgate` command line: parse arguments, call the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

use sealgate::config::{Config, ConfigError};
use sealgate::queue::control::{self, Target};
use sealgate::queue::scheduler::Op;
use sealgate::spool::{QueueId, Spool};

#[derive(Parser)]
#[command(
    name = "sealgate",
    version,
    about = "Secure outbound email gateway for healthcare"
)]
struct Cli {
    /// Configuration file; relative paths in it are relative to its folder.
    /// Without it: $SEALGATE_CONFIG, else ./sealgate.toml, else
    /// /etc/sealgate/sealgate.toml.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve: SMTP listeners and the delivery queue.
    ///
    /// Started as root, it binds its ports and then runs as `[server] user`;
    /// without that key it refuses to start as root.
    Run {
        /// Keep running as root when `[server] user` is not set (a
        /// throwaway machine or a container whose root is confined).
        #[arg(long)]
        allow_root: bool,
    },
    /// Validate the configuration; prints problems as file:line:col and exits 1 on error.
    Check,
    /// Inspect and steer the queue of a running or stopped gateway.
    Queue {
        #[command(subcommand)]
        action: QueueAction,
    },
    /// What is known of recipient domains' TLS, and how delivery to them went.
    Tls {
        #[command(subcommand)]
        action: TlsAction,
    },
    /// Portal messages: list, show, revoke, purge; rotate the master key.
    Portal {
        #[command(subcommand)]
        action: PortalAction,
    },
    /// Lint and try the DLP rules.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// DKIM keys.
    Dkim {
        #[command(subcommand)]
        action: DkimAction,
    },
    /// The signed audit log: verify it, search it, print its public key.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// The certificates sealgate serves (SMTP `[tls]`, the portal's).
    Certs {
        #[command(subcommand)]
        action: CertsAction,
    },
    /// Print an argon2id hash for `[[relay.user]] password_hash`. Reads the
    /// password from stdin: asks twice without echo on a terminal, else
    /// takes one line.
    HashPassword,
}

#[derive(Subcommand)]
enum AuditAction {
    /// Check the chain and the signatures; name the first bad record.
    /// Exit 0 intact, 1 not intact, 2 could not check.
    Verify {
        /// A copy of the audit folder; default: `[audit] dir` of the config.
        dir: Option<PathBuf>,
        /// Trusted public keys (`sealgate audit pubkey` output). Without it,
        /// the config's own key, else the key the log names (consistency only).
        #[arg(long, value_name = "FILE")]
        pubkey: Option<PathBuf>,
        /// The report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Records matching every filter given, in order.
    Search {
        /// The audit folder; default: `[audit] dir` of the config.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        #[arg(long, value_name = "ID")]
        queue_id: Option<String>,
        /// From this time: RFC 3339, or a duration ago (24h, 7d).
        #[arg(long, value_name = "T")]
        since: Option<String>,
        /// Before this time: RFC 3339, or a duration ago.
        #[arg(long, value_name = "T")]
        until: Option<String>,
        /// An event name (received, scanned, delivered, portal, …); repeat for several.
        #[arg(long = "event", value_name = "NAME")]
        events: Vec<String>,
        /// A recipient domain.
        #[arg(long, value_name = "DOMAIN")]
        domain: Option<String>,
        /// A DLP rule id among the hits.
        #[arg(long, value_name = "ID")]
        rule: Option<String>,
        /// The matching records as they are in the log, one JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// Print the public key that verifies the log (`> audit.pub` for an auditor).
    Pubkey,
    /// Replace the signing key (gateway stopped): the log records the new
    /// public key signed by the old one.
    RotateKey,
}

#[derive(Subcommand)]
enum CertsAction {
    /// For each configured certificate: names, issuer, validity and days
    /// left, whether the key belongs to it, whether the chain in the file
    /// is in order and reaches a trusted root, and whether the host name
    /// peers ask for is among its names; `[tls] client_ca` is read and
    /// counted. Exit 1 on an error (expired, not yet valid, key mismatch,
    /// broken chain, name missing); warnings (expiring within 14 days,
    /// self-signed, not chaining to the system roots) exit 0 unless --strict.
    Check {
        /// CA bundle (PEM) the chains must reach; default: the system's
        /// /etc/ssl/certs/ca-certificates.crt, where not reaching it is a warning.
        #[arg(long, value_name = "FILE")]
        ca: Option<PathBuf>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Warnings fail the check too (exit 1).
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Subcommand)]
enum DkimAction {
    /// Write a new key to `<data_dir>/dkim/DOMAIN.SELECTOR.key` (mode 0600)
    /// and print the DNS TXT record to publish. Rotate with a new selector.
    Keygen {
        #[arg(long)]
        domain: String,
        #[arg(long)]
        selector: String,
        /// RSA keys are made by `openssl genpkey` (2048 bits).
        #[arg(long, value_enum, default_value = "ed25519")]
        algo: Algo,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Algo {
    Ed25519,
    Rsa,
}

#[derive(Subcommand)]
enum PortalAction {
    /// One line per portal message (never its content).
    List {
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// Everything recorded about one portal message, as JSON.
    Show { id: String },
    /// Withdraw a message: its link stops working and its content is deleted.
    Revoke { id: String },
    /// Expire what is past its retention and delete what can no longer be opened.
    Purge,
    /// Add a new master key; older keys stay to open older messages.
    RotateKey,
}

#[derive(Subcommand)]
enum RulesAction {
    /// Lint rule files: file:line:col errors, duplicate ids, empty-matching
    /// regexes, unknown validators, unreachable thresholds. Exit 1 on error.
    Check {
        /// Rules folder; default: `[dlp] rules_dir` of the config, else ./rules.
        dir: Option<PathBuf>,
    },
    /// Scan messages offline with the configured rules and thresholds;
    /// prints each verdict and its hits with redacted snippets (monitor
    /// rules' hits marked `monitor`, with the action they would cause),
    /// then a summary: messages by action, messages per rule, unscanned
    /// parts by reason, monitor rules' would-be changes.
    Test {
        /// One JSON object per message, then one `{"summary": ...}` line.
        #[arg(long)]
        json: bool,
        /// Message files (.eml), mbox files (split at `From ` lines), and
        /// folders: a Maildir (cur/ and new/) or any folder of .eml files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TlsAction {
    /// What the capability cache knows about DOMAIN, with evidence and ages.
    ///
    /// MX hosts, the MTA-STS policy, and per host its address, STARTTLS,
    /// TLS version and cipher, how it was verified, the level reached, the
    /// certificate's SHA-256, REQUIRETLS, the last failure and its TLSA
    /// records. Reads `<data_dir>/tls` directly: no running gateway needed.
    Show {
        /// A domain, in any case, with or without a trailing dot, IDN or A-label.
        domain: String,
        /// One JSON object instead.
        #[arg(long)]
        json: bool,
    },
    /// Per recipient domain, how TLS went, from the audit log (after RFC 8460 TLS-RPT).
    ///
    /// Attempts, recipients delivered by how the server was verified,
    /// deferred, failed, handed to the portal by reason, TLS failure types,
    /// MTA-STS modes seen and DANE use.
    Report {
        /// Only events from this time on: RFC 3339 (2026-11-27T18:33:32Z), or
        /// a duration ago (24h, 7d). Default: the whole log.
        #[arg(long, value_name = "T")]
        since: Option<String>,
        /// One JSON object: {"since": ..., "unreadable_lines": n, "domains": {DOMAIN: {...}}}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum QueueAction {
    /// A `mailq`-style view: each message with its size, age, next attempt
    /// and sender, and each pending recipient with why it waits.
    List {
        /// One JSON object per message instead.
        #[arg(long)]
        json: bool,
    },
    /// Envelope, verdict and per-recipient state of one message (never its content).
    Show { id: String },
    /// Try every message now (held ones stay held).
    Flush,
    /// Try now; a held message is left held (release it instead).
    Retry(Which),
    /// Stop trying until released.
    Hold(Which),
    /// Resume trying now.
    Release(Which),
    /// Remove from the queue without delivering or bouncing.
    Delete(Which),
}

/// One message, every message, or those waiting for one domain.
#[derive(Args)]
#[group(required = true, multiple = false)]
struct Which {
    /// A queue id, as `sealgate queue list` shows it (either case).
    id: Option<String>,
    /// Every queued message.
    #[arg(long)]
    all: bool,
    /// Messages with a recipient still pending in this domain.
    #[arg(long, value_name = "DOMAIN")]
    domain: Option<String>,
}

fn runtime(mut b: tokio::runtime::Builder) -> Result<tokio::runtime::Runtime, ExitCode> {
    b.enable_all().build().map_err(|e| {
        eprintln!("cannot start the runtime: {e}");
        ExitCode::from(1)
    })
}

fn load(path: &Path) -> Result<Config, ExitCode> {
    Config::load(path).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(1)
    })
}

/// The config file by the lookup order (see `config::locate`); prints the
/// places tried when there is none.
fn config_path(flag: Option<&Path>) -> Result<PathBuf, ExitCode> {
    sealgate::config::locate::locate(flag)
        .map(|l| l.path)
        .map_err(|e| {
            eprintln!("sealgate: {e}");
            ExitCode::from(1)
        })
}

fn main() -> ExitCode {
    sealgate::ops::heap::keep_freed_buffers();
    let cli = Cli::parse();
    let flag = cli.config.as_deref();
    // `rules`, `hash-password` and `audit` (an auditor's copy) work
    // without a config; every other command needs one.
    let path = match &cli.command {
        Command::Rules { .. } | Command::HashPassword | Command::Audit { .. } => None,
        _ => match config_path(flag) {
            Ok(p) => Some(p),
            Err(code) => return code,
        },
    };
    let path = path.as_deref().unwrap_or(Path::new(""));
    match cli.command {
        Command::Run { allow_root } => {
            let config = match load(path) {
                Ok(c) => c,
                Err(code) => return code,
            };
            sealgate::ops::init_logging(&config.log);
            let rt = match runtime(tokio::runtime::Builder::new_multi_thread()) {
                Ok(rt) => rt,
                Err(code) => return code,
            };
            let options = sealgate::gateway::RunOptions { allow_root };
            match rt.block_on(sealgate::gateway::run(config, options)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!(error = %e, "sealgate stopped on an error");
                    eprintln!("sealgate: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check => check(path),
        Command::Queue { action } => queue(path, action),
        Command::Tls { action } => match tls(path, action) {
            Ok(code) | Err(code) => code,
        },
        Command::Portal { action } => portal(path, action),
        Command::Rules { action } => rules(flag, action),
        Command::Dkim { action } => dkim(path, action),
        Command::Certs { action } => certs(path, action),
        Command::Audit { action } => audit(flag, action),
        Command::HashPassword => ExitCode::from(sealgate::smtp::auth::cli::run()),
    }
}

fn audit(flag: Option<&Path>, action: AuditAction) -> ExitCode {
    use sealgate::audit::cli;
    let loaded = || {
        sealgate::config::locate::locate(flag)
            .map_err(|e| e.to_string())
            .and_then(|l| Config::load(&l.path).map_err(|e| e.to_string()))
    };
    let load = |_: ()| match config_path(flag) {
        Ok(p) => load(&p),
        Err(code) => Err(code),
    };
    let outcome = match action {
        AuditAction::Verify { dir, pubkey, json } => {
            cli::verify(dir, pubkey.as_deref(), loaded(), json)
        }
        AuditAction::Search {
            dir,
            queue_id,
            since,
            until,
            events,
            domain,
            rule,
            json,
        } => {
            let now = sealgate::time::unix_now_ms();
            let time = |t: Option<String>| {
                t.map(|s| sealgate::outbound::tls_report::parse_since(&s, now))
                    .transpose()
            };
            let (since_ms, until_ms) = match (time(since), time(until)) {
                (Ok(s), Ok(u)) => (s, u),
                (Err(e), _) | (_, Err(e)) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            };
            let dir = match dir {
                Some(d) => d,
                None => match load(()) {
                    Ok(c) => c.path(&c.audit.dir),
                    Err(code) => return code,
                },
            };
            let filter = sealgate::audit::search::Filter {
                queue_id,
                since_ms,
                until_ms,
                events,
                domain,
                rule,
            };
            cli::search(&dir, &filter, json)
        }
        AuditAction::Pubkey => match load(()) {
            Ok(c) => cli::pubkey(&c),
            Err(code) => return code,
        },
        AuditAction::RotateKey => match load(()) {
            Ok(c) => cli::rotate_key(&c),
            Err(code) => return code,
        },
    };
    if !outcome.stderr.is_empty() {
        eprintln!("{}", outcome.stderr);
    }
    if !outcome.stdout.is_empty()
        && let Err(code) = out(&outcome.stdout)
    {
        return code;
    }
    ExitCode::from(outcome.code)
}

fn certs(config: &Path, action: CertsAction) -> ExitCode {
    let CertsAction::Check { ca, json, strict } = action;
    let config = match load(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let options = sealgate::certs::check::Options { ca, json, strict };
    let outcome = sealgate::certs::check::run(&config, &options);
    if !outcome.stderr.is_empty() {
        eprintln!("sealgate certs: {}", outcome.stderr);
    }
    if !outcome.stdout.is_empty()
        && let Err(code) = out(outcome.stdout.trim_end())
    {
        return code;
    }
    ExitCode::from(outcome.code)
}

fn dkim(config: &Path, action: DkimAction) -> ExitCode {
    use sealgate::config::DkimAlgorithm;
    let DkimAction::Keygen {
        domain,
        selector,
        algo,
    } = action;
    let config = match load(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let algo = match algo {
        Algo::Ed25519 => DkimAlgorithm::Ed25519,
        Algo::Rsa => DkimAlgorithm::Rsa,
    };
    match sealgate::dkim::keygen::generate(&config.data_dir(), &domain, &selector, algo) {
        Ok(g) => {
            // The config reads paths relative to its own folder, so that is
            // how the line to paste names the key.
            let in_config = g.path.strip_prefix(&config.base_dir).unwrap_or(&g.path);
            eprintln!(
                "wrote {}; publish this record, then add to the config:\n[[dkim.key]]\ndomain = \"{domain}\"\nselector = \"{selector}\"\nkey = \"{}\"\nalgorithm = \"{}\"",
                g.path.display(),
                in_config.display(),
                g.algorithm
            );
            match out(&g.record) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            }
        }
        Err(e) => {
            eprintln!("sealgate: {e}");
            ExitCode::from(1)
        }
    }
}

/// The DLP settings of the config file when there is one (by the usual
/// lookup), else the defaults (rules in ./rules): rules can be tried
/// before a gateway is configured.
fn dlp_settings(flag: Option<&Path>) -> Result<(sealgate::dlp::DlpConfig, PathBuf), ExitCode> {
    use sealgate::config::locate::{LocateError, locate};
    let found = match locate(flag) {
        Ok(l) if l.path.exists() => Some(l.path),
        Ok(_) | Err(LocateError::NotFound { .. }) => None,
        Err(e @ LocateError::EnvUnreadable { .. }) => {
            eprintln!("sealgate: {e}");
            return Err(ExitCode::from(1));
        }
    };
    match found {
        Some(p) => {
            let c = load(&p)?;
            Ok((c.dlp, c.base_dir))
        }
        None => Ok((sealgate::dlp::DlpConfig::default(), PathBuf::from("."))),
    }
}

fn rules(flag: Option<&Path>, action: RulesAction) -> ExitCode {
    let (dlp, base) = match dlp_settings(flag) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let code = match action {
        RulesAction::Check { dir } => {
            let dir = dir.unwrap_or_else(|| {
                if dlp.rules_dir.is_absolute() {
                    dlp.rules_dir.clone()
                } else {
                    base.join(&dlp.rules_dir)
                }
            });
            sealgate::dlp::cli::rules_check(&dir)
        }
        RulesAction::Test { json, files } => match sealgate::dlp::Scanner::load(&dlp, &base) {
            Ok(scanner) => sealgate::dlp::cli::rules_test(&scanner, &files, json),
            Err(e) => {
                eprintln!("{e}");
                1
            }
        },
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// Writes to stdout; a reader that went away (`| head -1`) ends the
/// command quietly instead of panicking like `println!`.
fn out(text: &str) -> Result<(), ExitCode> {
    let mut o = std::io::stdout().lock();
    match o
        .write_all(text.as_bytes())
        .and_then(|()| o.write_all(b"\n"))
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("cannot write the output: {e}");
            Err(ExitCode::from(1))
        }
    }
}

/// Every problem of the file and of what it points at, then the warnings.
fn check(path: &Path) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(source) => {
            let e = ConfigError::Read {
                path: path.to_path_buf(),
                source,
            };
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let (config, mut problems) = Config::parse_all(&text, path);
    let mut rule_errors = Vec::new();
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    if let Some(config) = &config {
        warnings.extend(config.warnings.iter().cloned());
        // The resolver needs a runtime to exist, not to run.
        let rt = match runtime(tokio::runtime::Builder::new_current_thread()) {
            Ok(rt) => rt,
            Err(code) => return code,
        };
        let _in_runtime = rt.enter();
        let report = sealgate::gateway::Settings::check(config);
        problems.extend(report.errors);
        rule_errors = report.rule_errors;
        warnings.extend(report.warnings);
        notes = report.notes;
    }
    problems.sort_by_key(|p| (p.line, p.col));
    warnings.sort_by_key(|p| (p.line, p.col));
    let errors: Vec<String> = problems
        .iter()
        .map(ToString::to_string)
        .chain(rule_errors)
        .collect();
    for e in &errors {
        eprintln!("{e}");
    }
    for w in &warnings {
        eprintln!("{w}");
    }
    if !errors.is_empty() {
        eprintln!(
            "{}: {} error(s), {} warning(s)",
            path.display(),
            errors.len(),
            warnings.len()
        );
        return ExitCode::from(1);
    }
    let mut line = format!("{}: ok", path.display());
    if !warnings.is_empty() {
        line.push_str(&format!(" ({} warning(s))", warnings.len()));
    }
    for n in &notes {
        line.push_str(&format!("; {n}"));
    }
    match out(&line) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

fn tls(config: &Path, action: TlsAction) -> Result<ExitCode, ExitCode> {
    use sealgate::outbound::{tls_report, tls_show};
    let config = load(config)?;
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
    match action {
        TlsAction::Show { domain, json } => {
            let shown = tls_show::show(&config.data_dir(), &domain).map_err(|e| {
                eprintln!("{e}");
                ExitCode::from(e.exit_code())
            })?;
            let now = sealgate::time::unix_now();
            if json {
                out(&pretty(&shown.to_json(now)))?;
            } else {
                out(shown.text(now).trim_end())?;
            }
        }
        TlsAction::Report { since, json } => {
            let since = since
                .map(|s| tls_report::parse_since(&s, sealgate::time::unix_now_ms()))
                .transpose()
                .map_err(|e| {
                    eprintln!("{e}");
                    ExitCode::from(2)
                })?;
            let log = config.path(&config.audit.dir);
            let summary = tls_report::read(&log, since).map_err(|e| {
                eprintln!("cannot read the audit log {}: {e}", log.display());
                ExitCode::from(1)
            })?;
            match summary {
                // A script still gets the object it parses, with no domains.
                None if json => {
                    eprintln!("no audit log at {}", log.display());
                    out(&pretty(&tls_report::Summary::new(log, since).to_json()))?
                }
                None => out(&format!("no audit log at {}", log.display()))?,
                Some(s) if json => out(&pretty(&s.to_json()))?,
                Some(s) => out(s.text().trim_end())?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_id(id: &str) -> Result<QueueId, ExitCode> {
    QueueId::from_user(id).ok_or_else(|| {
        eprintln!("`{id}` is not a queue id (22 hex digits, as `sealgate queue list` shows)");
        ExitCode::from(2)
    })
}

fn portal(config: &Path, action: PortalAction) -> ExitCode {
    use sealgate::portal::cli;
    let config = match load(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let by = {
        let a = control::Actor::this_process("cli");
        serde_json::json!({"user": a.user, "sudo_user": a.sudo_user})
    };
    let done = match action {
        PortalAction::List { json } => cli::records(&config).map(|rs| {
            if json {
                rs.iter()
                    .map(|r| cli::to_json(r).to_string() + "\n")
                    .collect::<String>()
            } else {
                cli::list_text(&rs)
            }
        }),
        PortalAction::Show { id } => cli::show(&config, id.trim())
            .map(|v| serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"),
        PortalAction::Revoke { id } => cli::revoke(&config, id.trim(), &by).map(|s| s + "\n"),
        PortalAction::Purge => cli::purge(&config, &by).map(|s| s + "\n"),
        PortalAction::RotateKey => cli::rotate_key(&config).map(|s| s + "\n"),
    };
    match done {
        Ok(text) => match out(text.trim_end_matches('\n')) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(e) => {
            eprintln!("sealgate portal: {e}");
            ExitCode::from(1)
        }
    }
}

fn queue(config: &Path, action: QueueAction) -> ExitCode {
    match queue_inner(config, action) {
        Ok(code) | Err(code) => code,
    }
}

fn queue_inner(config: &Path, action: QueueAction) -> Result<ExitCode, ExitCode> {
    let config = load(config)?;
    let spool = Spool::open(&config.data_dir()).map(Arc::new).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(1)
    })?;
    let (op, which) = match action {
        QueueAction::List { json } => {
            let items = control::list(&spool).map_err(|e| {
                eprintln!("{e}");
                ExitCode::from(1)
            })?;
            if json {
                for i in &items {
                    out(&i.to_json().to_string())?;
                }
            } else {
                if !items.is_empty() {
                    out(&control::text_header())?;
                }
                let now = sealgate::time::unix_now_ms();
                for i in &items {
                    out(i.text(now).trim_end())?;
                }
                out(&control::text_summary(&items))?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Show { id } => {
            let id = parse_id(&id)?;
            let v = control::show(&spool, &id).map_err(|e| {
                eprintln!("{e}");
                ExitCode::from(1)
            })?;
            out(&serde_json::to_string_pretty(&v).unwrap_or_default())?;
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Flush => (
            Op::Retry,
            Which {
                id: None,
                all: true,
                domain: None,
            },
        ),
        QueueAction::Retry(w) => (Op::Retry, w),
        QueueAction::Hold(w) => (Op::Hold, w),
        QueueAction::Release(w) => (Op::Release, w),
        QueueAction::Delete(w) => (Op::Delete, w),
    };
    let target = match (which.id, which.domain) {
        (Some(id), _) => Target::One(parse_id(&id)?),
        (None, Some(d)) => Target::Domain(d),
        (None, None) => Target::All,
    };
    let selection = control::select(&spool, &target, op).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(1)
    })?;
    let rt = runtime(tokio::runtime::Builder::new_current_thread())?;
    let results = rt
        .block_on(control::apply(&spool, &config, &selection.ids, op))
        .map_err(|e| {
            eprintln!("{e}");
            ExitCode::from(1)
        })?;
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();
    for (_, r) in &results {
        match r {
            Ok(msg) => out(msg)?,
            Err(msg) => eprintln!("{msg}"),
        }
    }
    if !matches!(target, Target::One(_)) {
        let mut summary = format!(
            "{} message(s): {} {op} done, {failed} failed",
            results.len(),
            results.len() - failed
        );
        if selection.held_skipped > 0 {
            summary.push_str(&format!(
                "; {} held message(s) left held (`sealgate queue release --all` releases them)",
                selection.held_skipped
            ));
        }
        out(&summary)?;
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
