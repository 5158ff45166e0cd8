//! The certificates sealgate presents: the SMTP listener's (`[tls]`) and
//! the portal's (`[portal]`). `sealgate certs check` examines them
//! ([`inspect`], [`check`]); a running gateway swaps the portal's on
//! SIGHUP ([`live`]) and watches both for expiry ([`expiry`]).

pub mod check;
pub mod expiry;
pub mod inspect;
pub mod live;

use crate::config::{Config, ListenerTls};
use inspect::Target;

/// Each pair the config makes sealgate serve: SMTP's when a listener
/// speaks TLS, the portal's when the portal is on.
pub fn targets(config: &Config) -> Vec<Target> {
    let mut out = Vec::new();
    if config.listeners.iter().any(|l| l.tls != ListenerTls::None) {
        out.push(Target {
            role: "smtp",
            cert: config.path(&config.tls.cert),
            key: config.path(&config.tls.key),
            host: config.server.hostname.clone(),
            host_from: "server.hostname",
            sni: config
                .relay
                .tenants
                .iter()
                .flat_map(|t| t.sni.iter().cloned())
                .collect(),
        });
    }
    if let Some(p) = &config.portal {
        out.push(Target {
            role: "portal",
            cert: config.path(&p.cert),
            key: config.path(&p.key),
            host: crate::portal::link::host(&p.base_url)
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_string(),
            host_from: "portal.base_url",
            sni: Vec::new(),
        });
    }
    out
}
