//! STUB until wip/sts lands: the interface only.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    Enforce,
    Testing,
    None,
}
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Policy {
    pub mode: Mode,
    pub mx: Vec<String>,
    pub max_age: u64,
}
impl Policy {
    pub fn matches(&self, _mx_host: &str) -> bool {
        false
    }
}
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cached {
    pub id: String,
    pub policy: Policy,
    pub fetched_at: u64,
    pub expires_at: u64,
}
pub enum Discovery {
    Policy {
        cached: Cached,
        refreshed: bool,
        evidence: String,
    },
    NoPolicy {
        evidence: String,
    },
    Failed {
        evidence: String,
    },
}
pub struct FetchSettings {
    pub port: u16,
    pub tls: std::sync::Arc<rustls::ClientConfig>,
    pub timeout: std::time::Duration,
    pub max_body: usize,
}
pub async fn discover(
    _dns: &crate::outbound::dns::Dns,
    _domain: &str,
    _fetch: &FetchSettings,
    _cached: Option<&Cached>,
    _now: u64,
) -> Discovery {
    Discovery::NoPolicy {
        evidence: String::new(),
    }
}
