//! The `sealgate` command line: parse arguments, call the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use sealgate::config::Config;
use sealgate::queue::control;
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
    #[arg(long, global = true, default_value = "sealgate.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve: SMTP listeners and the delivery queue.
    Run,
    /// Validate the configuration; prints problems as file:line:col and exits 1 on error.
    Check,
    /// Inspect and steer the queue of a running or stopped gateway.
    Queue {
        #[command(subcommand)]
        action: QueueAction,
    },
    /// Lint and try the DLP rules.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Print an argon2id hash for `[[relay.user]] password_hash`. Reads the
    /// password from stdin: asks twice without echo on a terminal, else
    /// takes one line.
    HashPassword,
}

#[derive(Subcommand)]
enum RulesAction {
    /// Lint rule files: file:line:col errors, duplicate ids, empty-matching
    /// regexes, unknown validators, unreachable thresholds. Exit 1 on error.
    Check {
        /// Rules folder; default: `[dlp] rules_dir` of the config, else ./rules.
        dir: Option<PathBuf>,
    },
    /// Scan message files offline with the configured rules and thresholds;
    /// prints each verdict and its hits with redacted snippets.
    Test {
        /// One JSON object per file.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum QueueAction {
    /// One line per queued message.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Envelope, verdict and per-recipient state of one message (never its content).
    Show { id: String },
    /// Try now.
    Retry { id: String },
    /// Stop trying until released.
    Hold { id: String },
    /// Resume trying now.
    Release { id: String },
    /// Remove from the queue without delivering or bouncing.
    Delete { id: String },
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run => {
            let config = match load(&cli.config) {
                Ok(c) => c,
                Err(code) => return code,
            };
            sealgate::ops::init_logging(&config.log);
            let rt = match runtime(tokio::runtime::Builder::new_multi_thread()) {
                Ok(rt) => rt,
                Err(code) => return code,
            };
            match rt.block_on(sealgate::gateway::run(config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!(error = %e, "sealgate stopped on an error");
                    eprintln!("sealgate: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check => match load(&cli.config) {
            Ok(c) => match sealgate::gateway::Settings::check(&c) {
                Ok(()) => {
                    println!("{}: ok", cli.config.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            },
            Err(code) => code,
        },
        Command::Queue { action } => queue(&cli.config, action),
        Command::Rules { action } => rules(&cli.config, action),
        Command::HashPassword => ExitCode::from(sealgate::smtp::auth::cli::run()),
    }
}

/// The DLP settings of the config file when there is one, else the defaults
/// (rules in ./rules): rules can be tried before a gateway is configured.
fn dlp_settings(config: &Path) -> Result<(sealgate::dlp::DlpConfig, PathBuf), ExitCode> {
    if config.exists() {
        let c = load(config)?;
        Ok((c.dlp, c.base_dir))
    } else {
        Ok((sealgate::dlp::DlpConfig::default(), PathBuf::from(".")))
    }
}

fn rules(config: &Path, action: RulesAction) -> ExitCode {
    let (dlp, base) = match dlp_settings(config) {
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

fn queue(config: &Path, action: QueueAction) -> ExitCode {
    let config = match load(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let spool = match Spool::open(&config.data_dir()) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let parse_id = |id: &str| {
        QueueId::parse(id).ok_or_else(|| {
            eprintln!("`{id}` is not a queue id (22 hex digits, as `sealgate queue list` shows)");
            ExitCode::from(2)
        })
    };
    let (id, op) = match action {
        QueueAction::List { json } => {
            return match control::list(&spool) {
                Ok(items) if json => {
                    for i in items {
                        println!("{i}");
                    }
                    ExitCode::SUCCESS
                }
                Ok(items) => {
                    println!(
                        "{:<22}  {:>9}  {:>5}  {:<5}  {:<30}  last error",
                        "ID", "SIZE", "RCPTS", "HELD", "SENDER"
                    );
                    for i in items {
                        println!(
                            "{:<22}  {:>9}  {:>5}  {:<5}  {:<30}  {}",
                            i["id"].as_str().unwrap_or(""),
                            i["size"],
                            format!("{}/{}", i["pending"], i["recipients"]),
                            if i["held"].as_bool().unwrap_or(false) {
                                "held"
                            } else {
                                ""
                            },
                            i["sender"].as_str().unwrap_or(""),
                            i["last_error"].as_str().unwrap_or("")
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            };
        }
        QueueAction::Show { id } => {
            let id = match parse_id(&id) {
                Ok(i) => i,
                Err(c) => return c,
            };
            return match control::show(&spool, &id) {
                Ok(v) => {
                    println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            };
        }
        QueueAction::Retry { id } => (id, Op::Retry),
        QueueAction::Hold { id } => (id, Op::Hold),
        QueueAction::Release { id } => (id, Op::Release),
        QueueAction::Delete { id } => (id, Op::Delete),
    };
    let id = match parse_id(&id) {
        Ok(i) => i,
        Err(c) => return c,
    };
    let rt = match runtime(tokio::runtime::Builder::new_current_thread()) {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    match rt.block_on(control::apply(&spool, id, op)) {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
