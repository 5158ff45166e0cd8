//! The `sealgate.toml` schema.
//!
//! Every value that can be wrong is checked while it is deserialized (CIDRs,
//! durations, TLS levels, addresses), so toml's span points at the offending
//! value and the error names file, line, column and key. A load reports every
//! problem of the file at once ([`tree`] cuts each refused key out and goes
//! on); checks that need several keys at once run in [`Config::validate`] and
//! name the key too.

pub mod locate;
mod tree;

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Deserializer};

use crate::dlp::DlpConfig;
pub use tree::Locations;

/// One problem in the config file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    /// The dotted key (`delivery.route.tls`); empty for the file as a whole.
    pub key: String,
    pub message: String,
    /// The setting works but weakens protection; `check` still exits 0.
    pub warning: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path.display(), self.line, self.col)?;
        if self.warning {
            f.write_str("warning: ")?;
        }
        if !self.key.is_empty() {
            write!(f, "{}: ", self.key)?;
        }
        f.write_str(&self.message)
    }
}

fn join_lines<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Every problem of the file, one per line, in file order.
    #[error("{}", join_lines(.0))]
    Invalid(Vec<Problem>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub server: Server,
    #[serde(default, rename = "listener")]
    pub listeners: Vec<Listener>,
    #[serde(default)]
    pub tls: TlsFiles,
    #[serde(default)]
    pub relay: Relay,
    #[serde(default)]
    pub limits: Limits,
    #[serde(default)]
    pub delivery: Delivery,
    #[serde(default)]
    pub dlp: DlpConfig,
    /// Absent: the portal is off, and recipients routed to it wait in the queue.
    #[serde(default)]
    pub portal: Option<Portal>,
    #[serde(default)]
    pub dkim: Dkim,
    #[serde(default)]
    pub audit: Audit,
    #[serde(default)]
    pub log: Log,
    /// Absent: no operations listener (no `/metrics`, `/healthz`, `/readyz`).
    #[serde(default)]
    pub metrics: Option<Metrics>,
    /// The folder of the config file: relative paths hang off it.
    #[serde(skip)]
    pub base_dir: PathBuf,
    #[serde(skip)]
    pub source: PathBuf,
    /// Valid settings that weaken protection: `check` prints them, `run` logs them.
    #[serde(skip)]
    pub warnings: Vec<Problem>,
    /// Where each key sits in the file, for problems found after loading.
    #[serde(skip)]
    pub locations: Arc<Locations>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Server {
    /// EHLO name, banner, Received headers, Reporting-MTA of DSNs.
    pub hostname: String,
    pub data_dir: PathBuf,
    /// Where `RCPT TO:<postmaster>` goes (RFC 5321 §4.5.1 requires accepting
    /// it); empty refuses it, since a relay has no local mailbox.
    pub postmaster: String,
    /// How long SIGTERM waits for sessions and deliveries in flight.
    #[serde(deserialize_with = "duration")]
    pub drain_timeout: Duration,
    /// The unprivileged account `run` switches to after binding its ports
    /// as root. A gateway parses hostile input all day; root must not be
    /// the account that does it. Absent: started as root, `run` refuses.
    pub user: Option<String>,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            hostname: "localhost".into(),
            data_dir: "var".into(),
            postmaster: String::new(),
            drain_timeout: Duration::from_secs(30),
            user: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ListenerTls {
    #[default]
    Starttls,
    Implicit,
    None,
}

impl fmt::Display for ListenerTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ListenerTls::Starttls => "starttls",
            ListenerTls::Implicit => "implicit",
            ListenerTls::None => "none",
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listener {
    pub address: SocketAddr,
    #[serde(default)]
    pub tls: ListenerTls,
    /// Refuse MAIL until STARTTLS: the tenant's connector should always use TLS.
    #[serde(default)]
    pub require_tls: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub client_ca: Option<PathBuf>,
}

impl Default for TlsFiles {
    fn default() -> Self {
        TlsFiles {
            cert: "certs/server.crt".into(),
            key: "certs/server.key".into(),
            client_ca: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Relay {
    pub allowed_networks: Vec<Cidr>,
    /// Certificate names (SAN dNSName, `*.` wildcards) that may relay once the
    /// certificate chains to `tls.client_ca`.
    pub allowed_client_certs: Vec<String>,
    /// MAIL FROM domains every relaying client is held to; empty: any.
    #[serde(deserialize_with = "domain_patterns")]
    pub sender_domains: Vec<String>,
    #[serde(rename = "user")]
    pub users: Vec<RelayUser>,
    /// Identity-to-sender-domain bindings for shared egress (Microsoft 365).
    #[serde(rename = "tenant")]
    pub tenants: Vec<Tenant>,
    /// Hold the header From, not only MAIL FROM, to the sender domains: the
    /// From is what the recipient sees, and `MAIL FROM:<>` names no domain.
    pub enforce_header_from: DefaultOn,
}

/// A switch that is on unless the config turns it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct DefaultOn(pub bool);

impl Default for DefaultOn {
    fn default() -> Self {
        DefaultOn(true)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayUser {
    pub name: String,
    #[serde(deserialize_with = "password_hash")]
    pub password_hash: String,
    #[serde(default, deserialize_with = "domain_patterns")]
    pub sender_domains: Vec<String>,
}

/// A tenant is recognised by any of its identities; once recognised, its
/// clients may only use its sender domains. Microsoft 365 sends every
/// tenant's mail from the same addresses and with the same certificate, so
/// the SNI name (a tenant-specific host name in the connector) is what tells
/// tenants apart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tenant {
    pub name: String,
    #[serde(default)]
    pub networks: Vec<Cidr>,
    #[serde(default)]
    pub client_certs: Vec<String>,
    #[serde(default)]
    pub sni: Vec<String>,
    #[serde(default)]
    pub users: Vec<String>,
    #[serde(deserialize_with = "domain_patterns")]
    pub sender_domains: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum BareNewline {
    /// Refuse the message (554 5.6.0): the SMTP smuggling class.
    #[default]
    Reject,
    /// Turn every bare CR or LF into CRLF; never ends DATA.
    Normalize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub max_message_size: u64,
    pub max_recipients: usize,
    pub max_connections: usize,
    pub max_connections_per_ip: usize,
    /// Command lines: 512 per RFC 5321 plus room for DSN and SIZE parameters.
    pub max_command_line: usize,
    /// Text lines in DATA/BDAT including CRLF (RFC 5321 §4.5.3.1.6).
    pub max_line_length: usize,
    pub max_errors: u32,
    pub max_auth_failures: u32,
    /// Password checks running at once. argon2 is CPU-bound, so slots beyond
    /// the CPU count add no throughput, only memory (each check holds the
    /// hash's `m` KiB, 19 MiB by default) and latency; a check that finds
    /// every slot busy answers `454 4.7.0` at once instead of queueing.
    /// Default: the number of CPUs.
    pub auth_concurrency: usize,
    /// Wait before a failed AUTH is answered, doubling with each recent
    /// failure of the same client address or user name (up to 16 times, and
    /// never over a minute). 1s: a person who mistyped barely notices, while
    /// a guesser's rate falls to a handful per minute. `0s` turns it off.
    #[serde(deserialize_with = "duration")]
    pub auth_failure_delay: Duration,
    /// Failed AUTHs within `auth_block_time` after which the client address
    /// (IPv6 per /64) or user name is refused with `454 4.7.0`, without a
    /// password check, for `auth_block_time`. 10: a connector with a stale
    /// password fails anyway, and a guesser gets 10 tries per window instead
    /// of thousands. 0 never blocks.
    pub auth_block_after: u32,
    /// The window in which failures count, and how long a block lasts. 15m:
    /// long enough to make guessing useless, short enough that a tenant
    /// locked out by someone else's failures recovers without an operator.
    #[serde(deserialize_with = "duration")]
    pub auth_block_time: Duration,
    #[serde(deserialize_with = "duration")]
    pub command_timeout: Duration,
    #[serde(deserialize_with = "duration")]
    pub data_timeout: Duration,
    pub bare_newline: BareNewline,
    /// `Received:` + `Delivered-To:` fields a message may arrive with; more
    /// means a mail loop (Postfix `hopcount_limit`).
    pub max_hops: usize,
    /// Largest message from a client without a relay grant (it can only
    /// write to postmaster); enforced while reading, never announced.
    pub unauthorized_max_message_size: u64,
    /// Messages per minute one client key (`smtp::peer::limit_key`) without
    /// a relay grant may start to postmaster.
    pub unauthorized_messages_per_minute: u32,
    /// Deadline for one whole command line while the client has no relay
    /// grant: strangers must not hold slots by idling.
    #[serde(deserialize_with = "duration")]
    pub unauthorized_command_timeout: Duration,
    /// Connection slots only relay networks may take; default a fifth of
    /// `max_connections`.
    pub reserved_connections: Option<usize>,
    /// More source networks that may use the reserved slots without being
    /// allowed to relay (e.g. Microsoft 365's published egress ranges, whose
    /// clients are authorized by certificate).
    pub reserved_networks: Vec<Cidr>,
    /// Bytes per second DATA/BDAT must average after a grace of
    /// `data_timeout` (Postfix `smtpd_min_data_rate`); 0: no floor.
    pub min_data_rate: u64,
    /// Bytes all messages being received and scanned may hold at once.
    pub max_in_flight_bytes: u64,
    /// Scans running at once; 0: one per CPU. Read at start only.
    pub max_concurrent_scans: usize,
    /// Free bytes the spool's file system must keep beyond a new message.
    pub min_free_disk: u64,
}

impl Limits {
    /// Slots held back for relay networks.
    pub fn reserved(&self) -> usize {
        self.reserved_connections
            .unwrap_or(self.max_connections / 5)
    }

    /// Checks between limits: the key at fault and what to do about it.
    fn check(&self) -> Result<(), (&'static str, String)> {
        if self.reserved() >= self.max_connections {
            return Err((
                "reserved_connections",
                format!(
                    "must be below max_connections ({}), or no client outside the relay networks can reach postmaster",
                    self.max_connections
                ),
            ));
        }
        if self.unauthorized_messages_per_minute == 0 {
            return Err((
                "unauthorized_messages_per_minute",
                "must be at least 1; to refuse postmaster mail, leave server.postmaster empty"
                    .into(),
            ));
        }
        // A message's buffer may hold twice its size while it grows.
        if self.max_in_flight_bytes < self.max_message_size.saturating_mul(2) {
            return Err((
                "max_in_flight_bytes",
                format!(
                    "must be at least twice max_message_size ({} bytes), or a message of the largest size could never be accepted",
                    self.max_message_size
                ),
            ));
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_size: 36_700_160,
            max_recipients: 100,
            max_connections: 500,
            max_connections_per_ip: 50,
            max_command_line: 2048,
            max_line_length: 1000,
            max_errors: 10,
            max_auth_failures: 3,
            auth_concurrency: std::thread::available_parallelism().map_or(1, |n| n.get()),
            auth_failure_delay: Duration::from_secs(1),
            auth_block_after: 10,
            auth_block_time: Duration::from_secs(15 * 60),
            command_timeout: Duration::from_secs(300),
            data_timeout: Duration::from_secs(600),
            bare_newline: BareNewline::Reject,
            max_hops: 50,
            unauthorized_max_message_size: 1 << 20,
            unauthorized_messages_per_minute: 10,
            unauthorized_command_timeout: Duration::from_secs(60),
            reserved_connections: None,
            reserved_networks: Vec::new(),
            min_data_rate: 500,
            max_in_flight_bytes: 512 << 20,
            max_concurrent_scans: 0,
            min_free_disk: 256 << 20,
        }
    }
}

/// TLS levels of RFC 7672 / Postfix `smtp_tls_security_level`, weakest first,
/// so `a < b` reads "a is weaker than b".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum TlsLevel {
    None,
    May,
    Encrypt,
    Verify,
    DaneOnly,
}

impl fmt::Display for TlsLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TlsLevel {
    /// The config's word for the level, also a metric label.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsLevel::None => "none",
            TlsLevel::May => "may",
            TlsLevel::Encrypt => "encrypt",
            TlsLevel::Verify => "verify",
            TlsLevel::DaneOnly => "dane-only",
        }
    }

    pub const ALL: [TlsLevel; 5] = [
        TlsLevel::None,
        TlsLevel::May,
        TlsLevel::Encrypt,
        TlsLevel::Verify,
        TlsLevel::DaneOnly,
    ];
}

impl FromStr for TlsLevel {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        TlsLevel::ALL
            .into_iter()
            .find(|l| l.to_string() == s)
            .ok_or(())
    }
}

/// A per-domain override: a TLS level, or "portal" (always hold in the portal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteTls {
    Level(TlsLevel),
    Portal(PortalWord),
}

/// By hand rather than `untagged`, whose error ("did not match any variant")
/// does not say what would.
impl<'de> Deserialize<'de> for RouteTls {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == "portal" {
            return Ok(RouteTls::Portal(PortalWord::Portal));
        }
        s.parse().map(RouteTls::Level).map_err(|()| {
            let levels: Vec<String> = TlsLevel::ALL.iter().map(|l| format!("`{l}`")).collect();
            serde::de::Error::custom(format!(
                "unknown TLS level `{s}`, expected one of {} or `portal`",
                levels.join(", ")
            ))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PortalWord {
    Portal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Delivery {
    pub nameservers: Vec<SocketAddr>,
    pub phi_tls: TlsLevel,
    pub default_tls: TlsLevel,
    #[serde(deserialize_with = "durations")]
    pub retry: Vec<Duration>,
    #[serde(deserialize_with = "duration")]
    pub max_queue_lifetime: Duration,
    /// Send a "delayed" DSN once a message has waited this long (RFC 3464 Action: delayed).
    #[serde(deserialize_with = "opt_duration")]
    pub delay_warning: Option<Duration>,
    #[serde(rename = "route")]
    pub routes: Vec<RouteOverride>,
    /// The port MX hosts are reached on; only tests change it.
    pub smtp_port: u16,
    #[serde(deserialize_with = "duration")]
    pub connect_timeout: Duration,
    #[serde(deserialize_with = "duration")]
    pub command_timeout: Duration,
    #[serde(deserialize_with = "duration")]
    pub data_timeout: Duration,
    /// Connections open at once, over all destinations.
    pub max_connections: usize,
    /// Connections open at once to one destination domain (Postfix: 20).
    pub max_per_destination: usize,
    /// How long an idle outbound connection is kept for reuse.
    #[serde(deserialize_with = "duration")]
    pub connection_reuse: Duration,
    /// Trust anchors for `verify`; default the system bundle.
    pub ca_file: Option<PathBuf>,
    /// Domains whose `secure` (PHI) mail always goes to the portal, whatever
    /// their servers can do. Empty by default: the admin's choice.
    #[serde(deserialize_with = "domains")]
    pub portal_domains: Vec<String>,
    /// How long what a domain's servers showed (TLS reached, TLSA records,
    /// the `_mta-sts` record check) steers routing before it is looked at again.
    #[serde(deserialize_with = "duration")]
    pub capability_ttl: Duration,
    /// DANE (RFC 7672): `auto` uses TLSA records when the resolver marks the
    /// answers DNSSEC-validated (AD bit); `off` never looks them up.
    pub dane: Dane,
    /// The port MTA-STS policy hosts are fetched on (RFC 8461: 443); only tests change it.
    pub mta_sts_port: u16,
}

/// Whether TLSA records are looked up and honored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dane {
    Auto,
    Off,
}

impl Default for Delivery {
    fn default() -> Self {
        Delivery {
            nameservers: Vec::new(),
            phi_tls: TlsLevel::Verify,
            default_tls: TlsLevel::May,
            retry: [60, 300, 900, 3600, 14_400]
                .into_iter()
                .map(Duration::from_secs)
                .collect(),
            max_queue_lifetime: Duration::from_secs(5 * 86_400),
            delay_warning: None,
            routes: Vec::new(),
            smtp_port: 25,
            connect_timeout: Duration::from_secs(30),
            command_timeout: Duration::from_secs(300),
            data_timeout: Duration::from_secs(600),
            max_connections: 100,
            max_per_destination: 20,
            connection_reuse: Duration::from_secs(5),
            ca_file: None,
            portal_domains: Vec::new(),
            capability_ttl: Duration::from_secs(3600),
            dane: Dane::Auto,
            mta_sts_port: 443,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteOverride {
    #[serde(deserialize_with = "domain")]
    pub domain: String,
    /// `host:port`, `[host]:port`, or an IP and port; bypasses MX lookup.
    pub next_hop: Option<String>,
    pub tls: Option<RouteTls>,
    /// The name the next hop's certificate must carry when `next_hop` is an
    /// address (or a name other than the one its certificate is for).
    #[serde(default, deserialize_with = "opt_domain")]
    pub tls_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Portal {
    pub listen: SocketAddr,
    /// The address recipients open; links in notifications start with it,
    /// and a reply's `Origin` must equal its origin.
    pub base_url: String,
    /// How long a portal message can be opened; a rule may set its own.
    #[serde(deserialize_with = "duration")]
    pub retention: Duration,
    /// The sending organization's name: the notification's subject and the
    /// pages say it, and nothing else about the message.
    pub organization: String,
    /// The From address of notifications and one-time codes. Empty: the
    /// `portal-noreply@` mailbox of the original sender's domain.
    pub from: String,
    /// HTTPS certificate and key, generated (self-signed) when missing.
    pub cert: PathBuf,
    pub key: PathBuf,
    /// The master key file (0600) that wraps each message's own key;
    /// generated on first start. Keep a backup: without it nothing opens.
    pub key_file: PathBuf,
    /// Tell the original sender when a message is held in the portal, first
    /// opened, or expires unread.
    pub notify_sender: bool,
    /// Requests under `/m/` one client address may make per minute, and how
    /// many of them may be POSTs (code requests, code checks, replies).
    pub requests_per_minute: u32,
    pub posts_per_minute: u32,
}

impl Default for Portal {
    fn default() -> Self {
        Portal {
            listen: SocketAddr::from(([127, 0, 0, 1], 8443)),
            base_url: "https://127.0.0.1:8443".into(),
            retention: Duration::from_secs(30 * 86_400),
            organization: "Secure mail".into(),
            from: String::new(),
            cert: PathBuf::from("certs/portal.crt"),
            key: PathBuf::from("certs/portal.key"),
            key_file: PathBuf::from("var/portal/master.key"),
            notify_sender: false,
            requests_per_minute: 60,
            posts_per_minute: 10,
        }
    }
}

/// `[metrics]`: the operations listener. Plain HTTP: it is meant for
/// loopback (or a management network) where a Prometheus server or a
/// health probe on the same host scrapes it; it serves counts, never
/// message content or addresses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Metrics {
    pub listen: SocketAddr,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            listen: SocketAddr::from(([127, 0, 0, 1], 9325)),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Dkim {
    #[serde(rename = "key")]
    pub keys: Vec<DkimKey>,
    /// What happens to mail from a domain that has no key.
    pub unsigned: Unsigned,
}

/// Mail from a domain without a `[[dkim.key]]`: sent as it is, or held in
/// the queue (deferred with a reason) until a key is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Unsigned {
    #[default]
    Pass,
    Refuse,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKey {
    pub domain: String,
    pub selector: String,
    pub key: PathBuf,
    /// Optional: checked against the key file, which decides otherwise.
    #[serde(default)]
    pub algorithm: Option<DkimAlgorithm>,
}

/// RFC 6376 `rsa-sha256` and RFC 8463 `ed25519-sha256`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimAlgorithm {
    Ed25519,
    Rsa,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Audit {
    pub dir: PathBuf,
    /// The Ed25519 key that signs checkpoints (0600, generated on first
    /// start). Kept out of `dir`: whoever is handed the log for checking
    /// must not also get the means to re-sign it.
    pub key: PathBuf,
    /// How recipient addresses appear in delivery records.
    pub recipients: AuditRecipients,
    /// Older spelling of `recipients = "full"`.
    pub log_recipients: bool,
    /// A signed checkpoint after this many records …
    pub checkpoint_records: u64,
    /// … or this long after the first unsigned record, whichever is first.
    #[serde(deserialize_with = "duration")]
    pub checkpoint_interval: Duration,
    /// A segment is closed daily (UTC) or when it reaches this size.
    pub max_segment_bytes: u64,
    /// Closed segments older than this are deleted, each with a signed
    /// `segment_pruned` record. Unset: kept until an operator removes them
    /// (HIPAA asks for six years of documentation: "2190d").
    #[serde(deserialize_with = "opt_duration")]
    pub retention: Option<Duration>,
    /// A copy of every record as RFC 5424 syslog: "udp://HOST:PORT" or
    /// "unix:/dev/log".
    pub syslog: Option<String>,
    pub syslog_facility: String,
    /// Off only to measure what auditing costs (bench/relay.sh): nothing is
    /// recorded, and every start warns.
    pub enabled: bool,
}

impl Default for Audit {
    fn default() -> Self {
        Audit {
            dir: "var/audit".into(),
            key: "var/keys/audit.key".into(),
            recipients: AuditRecipients::Domain,
            log_recipients: false,
            checkpoint_records: 1000,
            checkpoint_interval: Duration::from_secs(5),
            max_segment_bytes: 64 << 20,
            retention: None,
            syslog: None,
            syslog_facility: "local0".into(),
            enabled: true,
        }
    }
}

impl Audit {
    /// `recipients`, with the older `log_recipients = true` read as "full".
    pub fn recipients(&self) -> AuditRecipients {
        if self.log_recipients && self.recipients == AuditRecipients::Domain {
            AuditRecipients::Full
        } else {
            self.recipients
        }
    }
}

/// How a recipient address appears in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AuditRecipients {
    /// The whole address.
    Full,
    /// Only its domain (the default).
    #[default]
    Domain,
    /// `hmac:` and 32 hex digits, keyed by the audit key: one address gives
    /// one value, which no one without the key can reverse by guessing.
    Hash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// How delivery log lines name a recipient. Logs are read by more people
/// and kept in more places than the audit log, so the default names only
/// the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogRecipients {
    /// The whole address, as Postfix logs it.
    Full,
    /// Only the domain.
    #[default]
    Domain,
    /// "sha256:" and the first 16 hex digits of the SHA-256 of the address:
    /// one recipient's lines can be followed without naming them.
    Hash,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Log {
    pub format: LogFormat,
    /// A tracing filter such as `info` or `sealgate=debug`; RUST_LOG wins.
    pub level: String,
    pub recipients: LogRecipients,
}

impl Default for Log {
    fn default() -> Self {
        Log {
            format: LogFormat::Text,
            level: "info".into(),
            recipients: LogRecipients::Domain,
        }
    }
}

/// An IPv4 or IPv6 network in CIDR notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - self.prefix as u32).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - self.prefix as u32).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for Cidr {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("`{s}` is not an IP network; write e.g. \"10.0.0.0/8\""))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("`{s}`: prefix length must be 0..={max}"))?,
            None => max,
        };
        Ok(Cidr { addr, prefix })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl<'de> Deserialize<'de> for Cidr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

fn duration<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let s = String::deserialize(d)?;
    crate::time::parse_duration(&s).map_err(serde::de::Error::custom)
}

fn opt_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    duration(d).map(Some)
}

fn durations<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Duration>, D::Error> {
    let v = Vec::<String>::deserialize(d)?;
    if v.is_empty() {
        return Err(serde::de::Error::custom(
            "needs at least one interval, e.g. [\"1m\", \"5m\", \"1h\"]",
        ));
    }
    v.iter()
        .map(|s| crate::time::parse_duration(s).map_err(serde::de::Error::custom))
        .collect()
}

/// Stored as `proto::address::normalize_domain` spells it, so a route
/// written `Portal.TEST.` or as a U-label matches the recipient's domain.
fn domain<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    crate::proto::address::normalize_domain(&s)
        .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a domain name")))
}

fn opt_domain<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    domain(d).map(Some)
}

fn domains<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::<String>::deserialize(d)?
        .into_iter()
        .map(|s| {
            crate::proto::address::normalize_domain(&s)
                .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a domain name")))
        })
        .collect()
}

/// Sender domains: names or `*.` suffix patterns, normalized like [`domain`].
fn domain_patterns<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::<String>::deserialize(d)?
        .into_iter()
        .map(|s| {
            let (prefix, name) = match s.strip_prefix("*.") {
                Some(rest) => ("*.", rest),
                None => ("", s.as_str()),
            };
            crate::proto::address::normalize_domain(name)
                .ok()
                .filter(|n| !n.starts_with('['))
                .map(|n| format!("{prefix}{n}"))
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "`{s}` is not a domain name or a `*.domain` pattern"
                    ))
                })
        })
        .collect()
}

fn password_hash<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    let hint = "make one with `sealgate hash-password` — plaintext passwords are not accepted";
    let hash = argon2::PasswordHash::new(&s)
        .map_err(|e| serde::de::Error::custom(format!("not a PHC password hash ({e}); {hint}")))?;
    // Only argon2 hashes ever verify; anything else would lock the user out
    // and leave no parameters for the unknown-user dummy to mirror.
    argon2::Algorithm::try_from(hash.algorithm)
        .and_then(|_| argon2::Params::try_from(&hash))
        .map_err(|e| {
            serde::de::Error::custom(format!("not an argon2 password hash ({e}); {hint}"))
        })?;
    Ok(s)
}

/// `https://host[:port]` with nothing after it but an optional `/`: the
/// portal's links start with it and a reply's Origin must equal it.
fn check_base_url(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!(
            "`{url}` must start with https://: recipients open it, and codes and cookies never travel in plaintext"
        ));
    };
    let host = rest.strip_suffix('/').unwrap_or(rest);
    if host.is_empty() || host.contains(['/', '?', '#', '@', ' ']) || !host.is_ascii() {
        return Err(format!(
            "`{url}` must be https://host or https://host:port, with no path"
        ));
    }
    Ok(())
}

impl Config {
    /// Reads and checks a config file; relative paths are resolved against its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        match Self::parse_all(text, path) {
            (Some(config), problems) if problems.is_empty() => Ok(config),
            (_, problems) => Err(ConfigError::Invalid(problems)),
        }
    }

    /// The valid part of a config and every problem with the rest, in file
    /// order. `check` goes on with the valid part, so that problems with
    /// files and addresses show up in the same run. None only when the file
    /// is not TOML at all.
    pub fn parse_all(text: &str, path: &Path) -> (Option<Config>, Vec<Problem>) {
        let mut doc = match tree::Doc::parse(text, path) {
            Ok(d) => d,
            Err(p) => return (None, vec![p]),
        };
        let config: Option<Config> = doc.deserialize();
        let mut problems = std::mem::take(&mut doc.problems);
        let config = config.map(|mut config| {
            config.source = path.to_path_buf();
            config.base_dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            config.locations = Arc::new(doc.locations());
            problems.extend(config.validate(&doc.removed));
            config.warnings = config.dangerous();
            config
        });
        problems.sort_by_key(|p| (p.line, p.col));
        (config, problems)
    }

    /// An error about `key` (`listener[1].address`, `delivery.ca_file`),
    /// placed where the key is in the file.
    pub fn problem(&self, key: &str, message: impl Into<String>) -> Problem {
        self.locations.problem(key, message.into(), false)
    }

    pub fn warning(&self, key: &str, message: impl Into<String>) -> Problem {
        self.locations.problem(key, message.into(), true)
    }

    /// Checks that involve more than one key. A key that was refused is
    /// missing from `self`; checks involving it are skipped rather than
    /// reported twice.
    fn validate(&self, removed: &[String]) -> Vec<Problem> {
        let gone = |k: &str| removed.iter().any(|r| r == k);
        let mut out = Vec::new();
        if !crate::proto::address::is_valid_domain(&self.server.hostname) {
            out.push(self.problem(
                "server.hostname",
                format!("`{}` is not a host name", self.server.hostname),
            ));
        }
        if let Some(user) = &self.server.user
            && (user.is_empty() || user.contains(['/', ':', '\0']) || user.trim() != user)
        {
            out.push(self.problem("server.user", format!("`{user}` is not an account name")));
        }
        if self.limits.max_command_line < 512 {
            out.push(self.problem(
                "limits.max_command_line",
                "must be at least 512 (RFC 5321 §4.5.3.1.4)",
            ));
        }
        if self.limits.max_hops == 0 {
            out.push(self.problem(
                "limits.max_hops",
                "must be at least 1: every relayed message carries Received headers",
            ));
        }
        if self.limits.max_line_length < 1000 {
            out.push(self.problem(
                "limits.max_line_length",
                "must be at least 1000 (RFC 5321 §4.5.3.1.6)",
            ));
        }
        if self.limits.auth_concurrency == 0 {
            out.push(self.problem(
                "limits.auth_concurrency",
                "must be at least 1: with no slot no password could ever be checked",
            ));
        }
        if self.limits.auth_block_after > 0 && self.limits.auth_block_time.is_zero() {
            out.push(self.problem(
                "limits.auth_block_time",
                "must be longer than 0s while auth_block_after is set; set auth_block_after = 0 to never block",
            ));
        }
        if let Some(p) = &self.portal {
            if let Err(why) = check_base_url(&p.base_url) {
                out.push(self.problem("portal.base_url", why));
            }
            if p.retention.is_zero() {
                out.push(self.problem("portal.retention", "must be longer than 0s"));
            }
            if p.organization.trim().is_empty() || p.organization.contains(['\r', '\n']) {
                out.push(self.problem(
                    "portal.organization",
                    "must be the organization's name on one line: notifications say it in their subject",
                ));
            }
            if !p.from.is_empty() && crate::proto::address::parse_mailbox(&p.from).is_err() {
                out.push(
                    self.problem("portal.from", format!("`{}` is not a mail address", p.from)),
                );
            }
            if p.requests_per_minute == 0 {
                out.push(self.problem(
                    "portal.requests_per_minute",
                    "must be at least 1: with 0 no page would ever open",
                ));
            }
            if p.posts_per_minute == 0 {
                out.push(self.problem(
                    "portal.posts_per_minute",
                    "must be at least 1: with 0 no code could ever be asked for",
                ));
            }
        }
        if let Err((key, message)) = self.limits.check() {
            out.push(self.problem(&format!("limits.{key}"), message));
        }
        if !self.relay.allowed_client_certs.is_empty()
            && self.tls.client_ca.is_none()
            && !gone("tls.client_ca")
        {
            out.push(self.problem(
                "relay.allowed_client_certs",
                "needs tls.client_ca: a certificate name means nothing unless the chain is verified",
            ));
        }
        if !self.server.postmaster.is_empty()
            && crate::proto::address::parse_mailbox(&self.server.postmaster).is_err()
        {
            out.push(self.problem(
                "server.postmaster",
                format!("`{}` is not an address", self.server.postmaster),
            ));
        }
        for (i, l) in self.listeners.iter().enumerate() {
            if let Some(j) = self.listeners[..i]
                .iter()
                .position(|o| addresses_clash(o.address, l.address))
            {
                let first = &self.listeners[j].address;
                out.push(self.problem(
                    &format!("listener[{i}].address"),
                    if *first == l.address {
                        format!("`{}` is already the address of an earlier [[listener]]; listen on each address once", l.address)
                    } else {
                        format!("`{}` overlaps the earlier [[listener]] on `{first}`: both cannot be bound", l.address)
                    },
                ));
            }
        }
        if let Some(m) = &self.metrics {
            let taken = self
                .listeners
                .iter()
                .map(|l| ("[[listener]]", l.address))
                .chain(self.portal.as_ref().map(|p| ("[portal]", p.listen)));
            for (what, address) in taken {
                if addresses_clash(address, m.listen) {
                    out.push(self.problem(
                        "metrics.listen",
                        format!(
                            "`{}` overlaps the {what} address `{address}`: both cannot be bound",
                            m.listen
                        ),
                    ));
                }
            }
        }
        for (i, r) in self.delivery.routes.iter().enumerate() {
            if let Some(hop) = &r.next_hop
                && crate::proto::next_hop::NextHop::parse(hop, self.delivery.smtp_port).is_err()
            {
                out.push(self.problem(
                    &format!("delivery.route[{i}].next_hop"),
                    format!("`{hop}` is not host:port"),
                ));
            }
            if self.delivery.routes[..i]
                .iter()
                .any(|o| o.domain == r.domain)
            {
                out.push(self.problem(
                    &format!("delivery.route[{i}].domain"),
                    format!(
                        "`{}` already has a [[delivery.route]] above; the first would win and this one be ignored",
                        r.domain
                    ),
                ));
            }
        }
        out
    }

    /// Valid settings that let PHI leave less protected than the defaults.
    fn dangerous(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        match self.delivery.phi_tls {
            TlsLevel::None => out.push(self.warning(
                "delivery.phi_tls",
                "`none` sends messages with PHI in plaintext; use `verify` (the default)",
            )),
            TlsLevel::May => out.push(self.warning(
                "delivery.phi_tls",
                "`may` sends messages with PHI in plaintext when the recipient's server offers no TLS, and never checks certificates; use `verify` (the default)",
            )),
            _ => {}
        }
        if self.dlp.thresholds.secure == 0 {
            out.push(self.warning(
                "dlp.thresholds.secure",
                "0 turns the secure level off: messages with PHI are delivered like any other",
            ));
        }
        if let Some(m) = &self.metrics
            && !m.listen.ip().is_loopback()
        {
            out.push(self.warning(
                "metrics.listen",
                format!(
                    "`{}` is not a loopback address: /metrics is plain HTTP without authentication; keep it on loopback or a management network a firewall closes to others",
                    m.listen
                ),
            ));
        }
        if self.delivery.dane == Dane::Auto
            && self
                .delivery
                .nameservers
                .iter()
                .any(|ns| !ns.ip().is_loopback())
        {
            out.push(self.warning(
                "delivery.nameservers",
                "DANE trusts the resolver's DNSSEC validation (the AD bit), which anyone on the path to a non-loopback resolver can forge; run a validating resolver on loopback, or set `dane = \"off\"`",
            ));
        }
        out
    }

    /// A path from the config, resolved against the config file's folder.
    pub fn path(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path(&self.server.data_dir)
    }
}

/// Two listen addresses that cannot both be bound: the same one, or a
/// wildcard and anything on its port (on Linux `[::]` also takes IPv4).
pub fn addresses_clash(a: SocketAddr, b: SocketAddr) -> bool {
    let covers = |w: SocketAddr, o: SocketAddr| {
        w.ip().is_unspecified() && (w.is_ipv6() || w.is_ipv4() == o.is_ipv4())
    };
    a.port() == b.port() && (a.ip() == b.ip() || covers(a, b) || covers(b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Result<Config, ConfigError> {
        Config::parse(t, Path::new("/etc/sealgate/sealgate.toml"))
    }

    #[test]
    fn shipped_defaults_parse() {
        let c = parse("").expect("empty config is valid");
        assert_eq!(c.limits.max_recipients, 100);
        assert_eq!(c.delivery.phi_tls, TlsLevel::Verify);
        assert_eq!(c.base_dir, Path::new("/etc/sealgate"));
    }

    #[test]
    fn bad_cidr_names_file_line_col_and_key() {
        let err = parse(
            "[server]\nhostname = \"gw.test\"\n\n[relay]\nallowed_networks = [\"10.0.0.0/33\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("/etc/sealgate/sealgate.toml:5:"), "{err}");
        assert!(err.contains("relay.allowed_networks"), "{err}");
        assert!(err.contains("prefix length"), "{err}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = parse("[limits]\nmax_recipents = 5\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":2:1:"), "{err}");
        assert!(err.contains("max_recipents"), "{err}");
    }

    #[test]
    fn plaintext_password_is_refused() {
        let err = parse("[[relay.user]]\nname = \"a\"\npassword_hash = \"hunter2\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":3:"), "{err}");
        assert!(err.contains("plaintext"), "{err}");
    }

    #[test]
    fn auth_limits_are_checked() {
        let c = parse("").unwrap();
        assert!(c.limits.auth_concurrency >= 1);
        assert_eq!(c.limits.auth_block_after, 10);
        let err = parse("[limits]\nauth_concurrency = 0\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(":2:") && err.contains("limits.auth_concurrency"),
            "{err}"
        );
        let err = parse("[limits]\nauth_block_time = \"0s\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("limits.auth_block_time"), "{err}");
        parse("[limits]\nauth_block_after = 0\nauth_block_time = \"0s\"\n").unwrap();
    }

    #[test]
    fn only_argon2_hashes_are_accepted() {
        let err = parse(
            "[[relay.user]]\nname = \"a\"\npassword_hash = \"$scrypt$ln=16,r=8,p=1$c29tZXNhbHQ$ZXhhbXBsZWhhc2g\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("not an argon2") && err.contains("hash-password"),
            "{err}"
        );
    }

    #[test]
    fn client_cert_names_need_a_ca() {
        let err = parse("[relay]\nallowed_client_certs = [\"*.example.org\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("client_ca"), "{err}");
    }

    #[test]
    fn abuse_limits_are_checked_at_load() {
        let c = parse("").unwrap();
        assert_eq!(c.limits.reserved(), 100, "a fifth of 500 by default");
        assert_eq!(c.limits.unauthorized_max_message_size, 1 << 20);
        let c = parse("[limits]\nmax_connections = 2\n").unwrap();
        assert_eq!(c.limits.reserved(), 0);
        let err = parse("[limits]\nmax_connections = 10\nreserved_connections = 10\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":3:"), "{err}");
        assert!(err.contains("limits.reserved_connections"), "{err}");
        let err = parse("[limits]\nmax_message_size = 1000000\nmax_in_flight_bytes = 1500000\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("limits.max_in_flight_bytes"), "{err}");
        assert!(err.contains("twice"), "{err}");
        let err = parse("[limits]\nunauthorized_messages_per_minute = 0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("server.postmaster"), "{err}");
    }

    #[test]
    fn cidr_matching() {
        let c: Cidr = "10.1.0.0/16".parse().unwrap();
        assert!(c.contains("10.1.255.3".parse().unwrap()));
        assert!(!c.contains("10.2.0.1".parse().unwrap()));
        assert!(c.contains("::ffff:10.1.0.9".parse().unwrap()));
        let all: Cidr = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains("192.0.2.1".parse().unwrap()));
        let v6: Cidr = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains("2001:db8:1::1".parse().unwrap()));
    }

    #[test]
    fn domains_are_normalized_at_load() {
        let c = parse(
            "[relay]\nsender_domains = [\"Alice.TEST.\", \"*.Bücher.test\"]\n\
             [[relay.tenant]]\nname = \"t\"\nsni = [\"t.gw\"]\nsender_domains = [\"münchen.test\"]\n\
             [[delivery.route]]\ndomain = \"Portal.TEST.\"\ntls = \"portal\"\n\
             [[delivery.route]]\ndomain = \"bücher.test\"\ntls = \"portal\"\n",
        )
        .unwrap();
        assert_eq!(
            c.relay.sender_domains,
            ["alice.test", "*.xn--bcher-kva.test"]
        );
        assert_eq!(c.relay.tenants[0].sender_domains, ["xn--mnchen-3ya.test"]);
        assert_eq!(c.delivery.routes[0].domain, "portal.test");
        assert_eq!(c.delivery.routes[1].domain, "xn--bcher-kva.test");
        assert!(c.relay.enforce_header_from.0, "on by default");
        assert!(parse("").unwrap().relay.enforce_header_from.0);
        assert_eq!(c.limits.max_hops, 50);
        let off = parse("[relay]\nenforce_header_from = false\n").unwrap();
        assert!(!off.relay.enforce_header_from.0);
        let err = parse("[relay]\nsender_domains = [\"ok.test\", \"bad domain\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(":2:") && err.contains("relay.sender_domains"),
            "{err}"
        );
        let err = parse("[[delivery.route]]\ndomain = \"xn--zz.test\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":2:") && err.contains("not a domain"), "{err}");
        let err = parse("[limits]\nmax_hops = 0\n").unwrap_err().to_string();
        assert!(
            err.contains(":2:") && err.contains("limits.max_hops"),
            "{err}"
        );
    }

    #[test]
    fn log_recipients_default_and_bad_value() {
        assert_eq!(parse("").unwrap().log.recipients, LogRecipients::Domain);
        let c = parse("[log]\nrecipients = \"hash\"\n").unwrap();
        assert_eq!(c.log.recipients, LogRecipients::Hash);
        let err = parse("[log]\nrecipients = \"names\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(":2:") && err.contains("log.recipients"),
            "{err}"
        );
    }

    #[test]
    fn route_tls_accepts_levels_and_portal() {
        let c = parse(
            "[[delivery.route]]\ndomain = \"a.test\"\ntls = \"portal\"\n[[delivery.route]]\ndomain = \"b.test\"\ntls = \"dane-only\"\n",
        )
        .unwrap();
        assert_eq!(
            c.delivery.routes[0].tls,
            Some(RouteTls::Portal(PortalWord::Portal))
        );
        assert_eq!(
            c.delivery.routes[1].tls,
            Some(RouteTls::Level(TlsLevel::DaneOnly))
        );
    }

    fn problems(t: &str) -> Vec<Problem> {
        match parse(t) {
            Err(ConfigError::Invalid(p)) => p,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_table_and_key() {
        let p = problems(
            "[server]\ndrain_timeout = \"soon\"\n\n[[delivery.route]]\ndomain = \"a.test\"\ntls = \"portl\"\n\n[audit]\ndir = \"x\"\n\n[limits]\nmax_recipients = \"many\"\nmax_line_length = 80\n",
        );
        let got: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.key.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (2, "server.drain_timeout"),
                (6, "delivery.route.tls"),
                (12, "limits.max_recipients"),
                (13, "limits.max_line_length"),
            ],
            "{p:#?}"
        );
        assert!(p[1].message.contains("`verify`") && p[1].message.contains("`portal`"));
        let text = ConfigError::Invalid(p).to_string();
        assert!(
            text.contains("/etc/sealgate/sealgate.toml:6:7: delivery.route.tls: "),
            "{text}"
        );
    }

    #[test]
    fn a_route_without_domain_is_named_as_a_route() {
        let p = problems("[[delivery.route]]\nnext_hop = \"a:25\"\n\n[audit]\ndir = \"x\"\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].line, p[0].key.as_str()), (1, "delivery.route"));
        assert!(p[0].message.contains("domain"), "{p:?}");
    }

    #[test]
    fn portal_settings_are_checked_where_they_are_written() {
        let p = problems(
            "[portal]\nbase_url = \"http://portal.test\"\norganization = \"\"\nfrom = \"not an address\"\nretention = \"0s\"\n\
             requests_per_minute = 0\nposts_per_minute = 0\n",
        );
        let keys: Vec<(&str, usize)> = p.iter().map(|p| (p.key.as_str(), p.line)).collect();
        assert_eq!(
            keys,
            vec![
                ("portal.base_url", 2),
                ("portal.organization", 3),
                ("portal.from", 4),
                ("portal.retention", 5),
                ("portal.requests_per_minute", 6),
                ("portal.posts_per_minute", 7)
            ],
            "{p:?}"
        );
        assert!(p[0].message.contains("https://"), "{p:?}");
        let ok = parse(
            "[portal]\nbase_url = \"https://portal.test:8443\"\norganization = \"Riverbend Health\"\n",
        );
        assert!(ok.is_ok(), "{ok:?}");
        let p = ok.unwrap().portal.unwrap();
        assert_eq!((p.requests_per_minute, p.posts_per_minute), (60, 10));
        let raised = parse("[portal]\nrequests_per_minute = 1000000\nposts_per_minute = 100\n")
            .unwrap()
            .portal
            .unwrap();
        assert_eq!(
            (raised.requests_per_minute, raised.posts_per_minute),
            (1_000_000, 100)
        );
    }

    #[test]
    fn dkim_keys_are_accepted_with_an_optional_algorithm() {
        let c = parse(
            "[dkim]\nunsigned = \"refuse\"\n\n[[dkim.key]]\ndomain = \"a.test\"\nselector = \"s\"\nkey = \"k\"\n\n[[dkim.key]]\ndomain = \"a.test\"\nselector = \"r\"\nkey = \"k2\"\nalgorithm = \"rsa\"\n",
        )
        .unwrap();
        assert_eq!(c.dkim.unsigned, Unsigned::Refuse);
        assert_eq!(c.dkim.keys.len(), 2);
        assert_eq!(c.dkim.keys[1].algorithm, Some(DkimAlgorithm::Rsa));
        let p = problems("[dkim]\nunsigned = \"maybe\"\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].key, "dkim.unsigned");
    }

    #[test]
    fn durations_that_would_overflow_a_clock_are_refused() {
        let p = problems(
            "[server]\ndrain_timeout = \"99999999999w\"\n[delivery]\nretry = [\"1m\", \"18446744073709551615s\"]\n",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].key, "server.drain_timeout");
        assert_eq!(p[1].key, "delivery.retry");
        assert!(p.iter().all(|p| p.message.contains("capped")), "{p:?}");
        assert!(parse("[server]\ndrain_timeout = \"3650d\"\n").is_ok());
    }

    #[test]
    fn duplicate_listeners_and_routes_are_refused() {
        let p = problems(
            "[[listener]]\naddress = \"127.0.0.1:2525\"\n[[listener]]\naddress = \"127.0.0.1:2525\"\n[[listener]]\naddress = \"0.0.0.0:2526\"\n[[listener]]\naddress = \"127.0.0.1:2526\"\n[[listener]]\naddress = \"[::1]:2527\"\n[[listener]]\naddress = \"127.0.0.1:2527\"\n[[delivery.route]]\ndomain = \"a.test\"\n[[delivery.route]]\ndomain = \"A.test\"\n",
        );
        let got: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.key.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (4, "listener.address"),
                (8, "listener.address"),
                (16, "delivery.route.domain")
            ],
            "{p:#?}"
        );
    }

    #[test]
    fn settings_that_weaken_protection_load_with_warnings() {
        let c = parse("[delivery]\nphi_tls = \"none\"\n[dlp.thresholds]\nsecure = 0\n").unwrap();
        let w: Vec<(usize, &str, bool)> = c
            .warnings
            .iter()
            .map(|w| (w.line, w.key.as_str(), w.warning))
            .collect();
        assert_eq!(
            w,
            vec![
                (2, "delivery.phi_tls", true),
                (4, "dlp.thresholds.secure", true)
            ]
        );
        assert!(
            c.warnings[0]
                .to_string()
                .contains(":2:11: warning: delivery.phi_tls:")
        );
        assert!(parse("").unwrap().warnings.is_empty());
    }

    #[test]
    fn metrics_listener_is_optional_checked_for_clashes_and_warned_off_loopback() {
        assert_eq!(parse("").unwrap().metrics, None);
        let c = parse("[metrics]\n").unwrap();
        assert_eq!(c.metrics.unwrap().listen.to_string(), "127.0.0.1:9325");
        let p = problems(
            "[[listener]]\naddress = \"0.0.0.0:9325\"\n[metrics]\nlisten = \"127.0.0.1:9325\"\n",
        );
        assert_eq!(p.len(), 1, "{p:#?}");
        assert_eq!((p[0].key.as_str(), p[0].line), ("metrics.listen", 4));
        assert!(p[0].message.contains("[[listener]]"), "{}", p[0].message);
        let c = parse("[metrics]\nlisten = \"0.0.0.0:9325\"\n").unwrap();
        assert_eq!(c.warnings.len(), 1);
        assert_eq!(c.warnings[0].key, "metrics.listen");
        assert!(c.warnings[0].message.contains("plain HTTP"));
        let local = parse("[metrics]\nlisten = \"[::1]:9325\"\n").unwrap();
        assert!(local.warnings.is_empty());
    }
}
