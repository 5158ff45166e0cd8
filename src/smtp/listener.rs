//! Accepting connections: limits in total and per client address, implicit
//! TLS, one task per session, and a count the drain on SIGTERM can wait on.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tracing::{debug, info, info_span, warn};

use super::io::Stream;
use super::peer::limit_key;
use super::session::Session;
use super::{Settings, Shared};
use crate::config::{Limits, Listener, ListenerTls};

/// The 421 for a full gateway, and for a client with all its slots taken.
const FULL: &str = "421 4.7.0 Too many connections, try again later\r\n";
const FULL_FOR_CLIENT: &str =
    "421 4.7.0 Too many connections from your address, try again later\r\n";

/// Open sessions, in total and per client key (`peer::limit_key`: an IPv4
/// address or an IPv6 /64, so one IPv6 host cannot take every slot).
#[derive(Default)]
pub struct Connections {
    per_ip: Mutex<HashMap<IpAddr, usize>>,
    total: watch::Sender<usize>,
}

pub struct ConnGuard {
    table: Arc<Connections>,
    key: IpAddr,
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        if let Ok(mut m) = self.table.per_ip.lock()
            && let Some(n) = m.get_mut(&self.key)
        {
            *n -= 1;
            if *n == 0 {
                m.remove(&self.key);
            }
        }
        self.table.total.send_modify(|t| *t = t.saturating_sub(1));
    }
}

/// The connection limits one admission is checked against.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    pub total: usize,
    pub per_ip: usize,
    /// Of `total`, the slots only relay networks may take.
    pub reserved: usize,
}

impl Caps {
    pub fn new(limits: &Limits) -> Caps {
        Caps {
            total: limits.max_connections,
            per_ip: limits.max_connections_per_ip,
            reserved: limits.reserved(),
        }
    }
}

impl Connections {
    /// Takes a slot, or says which limit is full. A client outside the
    /// relay networks (`reserved_ok` false) may not take the last
    /// `caps.reserved` slots: idle strangers cannot lock the tenant out.
    pub fn admit(
        self: &Arc<Self>,
        ip: IpAddr,
        reserved_ok: bool,
        caps: Caps,
    ) -> Result<ConnGuard, &'static str> {
        let key = limit_key(ip);
        let mut m = self.per_ip.lock().map_err(|_| "internal error")?;
        let cap = if reserved_ok {
            caps.total
        } else {
            caps.total.saturating_sub(caps.reserved)
        };
        if *self.total.borrow() >= cap {
            return Err(FULL);
        }
        let n = m.entry(key).or_insert(0);
        if *n >= caps.per_ip {
            return Err(FULL_FOR_CLIENT);
        }
        *n += 1;
        self.total.send_modify(|t| *t += 1);
        Ok(ConnGuard {
            table: self.clone(),
            key,
        })
    }

    /// Waits until every session has ended.
    pub async fn wait_idle(&self) {
        let mut rx = self.total.subscribe();
        let _ = rx.wait_for(|n| *n == 0).await;
    }

    pub fn open(&self) -> usize {
        *self.total.borrow()
    }
}

pub async fn serve(shared: Arc<Shared>, listener: TcpListener, cfg: Listener) {
    let mut shutdown = shared.shutdown.clone();
    info!(address = %cfg.address, tls = %cfg.tls, "listening");
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = crate::ops::stopped(&mut shutdown) => break,
        };
        let (tcp, peer) = match accepted {
            Ok(x) => x,
            Err(e) => {
                // EMFILE and friends: back off instead of spinning.
                warn!(error = %e, "accept failed");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            }
        };
        let _ = tcp.set_nodelay(true);
        let settings = shared.settings.get();
        let reserved_ok = relay_network(&settings, peer.ip());
        match shared
            .connections
            .admit(peer.ip(), reserved_ok, Caps::new(&settings.limits))
        {
            Ok(guard) => {
                let open = shared.metrics.session_opened();
                let shared = shared.clone();
                let cfg = cfg.clone();
                tokio::spawn(async move {
                    session(shared, tcp, peer, cfg).await;
                    drop(open);
                    drop(guard);
                });
            }
            Err(reply) => {
                debug!(%peer, "connection refused by limits");
                shared.metrics.connection_refused(match reply {
                    FULL => "capacity",
                    FULL_FOR_CLIENT => "per_client",
                    _ => "internal",
                });
                tokio::spawn(async move {
                    let mut tcp = tcp;
                    let _ = tokio::time::timeout(
                        std::time::Duration::from_secs(5),
                        tcp.write_all(reply.as_bytes()),
                    )
                    .await;
                });
            }
        }
    }
    info!(address = %cfg.address, "listener closed");
}

/// Whether `ip` may take a reserved slot: it is in `relay.allowed_networks`,
/// a `[[relay.tenant]]`'s `networks` or `limits.reserved_networks`.
fn relay_network(settings: &Settings, ip: IpAddr) -> bool {
    let relay = &settings.relay;
    relay
        .allowed_networks
        .iter()
        .chain(relay.tenants.iter().flat_map(|t| t.networks.iter()))
        .chain(settings.limits.reserved_networks.iter())
        .any(|n| n.contains(ip))
}

async fn session(shared: Arc<Shared>, tcp: TcpStream, peer: SocketAddr, cfg: Listener) {
    let span = info_span!("smtp", %peer);
    let settings = shared.settings.get();
    let stream = match cfg.tls {
        ListenerTls::Implicit => {
            let Some(acceptor) = settings.tls.clone() else {
                warn!(parent: &span, "implicit TLS listener without a certificate");
                return;
            };
            let timeout = settings.limits.command_timeout;
            match tokio::time::timeout(timeout, acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => Stream::Tls(Box::new(tls)),
                Ok(Err(e)) => {
                    debug!(parent: &span, error = %crate::proto::tls::error_text(&e), "TLS handshake failed");
                    return;
                }
                Err(_) => return,
            }
        }
        _ => Stream::Plain(tcp),
    };
    debug!(parent: &span, "connected");
    Session::new(shared, stream, peer, cfg.tls, cfg.require_tls, span)
        .run()
        .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAPS: Caps = Caps {
        total: 4,
        per_ip: 2,
        reserved: 1,
    };

    /// Two addresses of one IPv6 /64 are one client for the per-address
    /// limit; another /64 is not. (Loopback has only `::1`, so this cannot
    /// be shown over real sockets.)
    #[test]
    fn ipv6_addresses_of_one_64_share_the_per_address_limit() {
        let table = Arc::new(Connections::default());
        let a: IpAddr = "2001:db8:1:2::a".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::b".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::a".parse().unwrap();
        let g1 = table.admit(a, true, CAPS).unwrap();
        let _g2 = table.admit(b, true, CAPS).unwrap();
        let refused = table.admit(b, true, CAPS).err().unwrap();
        assert!(refused.contains("from your address"), "{refused}");
        let _g3 = table.admit(other, true, CAPS).unwrap();
        drop(g1);
        let _g4 = table
            .admit(a, true, CAPS)
            .expect("a slot of the /64 came back");
    }

    #[test]
    fn strangers_cannot_take_the_reserved_slots() {
        let table = Arc::new(Connections::default());
        let strangers: Vec<_> = (1..=3u8)
            .map(|i| {
                table
                    .admit(IpAddr::from([192, 0, 2, i]), false, CAPS)
                    .unwrap()
            })
            .collect();
        let refused = table
            .admit(IpAddr::from([192, 0, 2, 9]), false, CAPS)
            .err()
            .unwrap();
        assert!(
            refused.starts_with("421 4.7.0 Too many connections"),
            "{refused}"
        );
        let tenant = table
            .admit(IpAddr::from([10, 0, 0, 1]), true, CAPS)
            .unwrap();
        assert!(
            table
                .admit(IpAddr::from([10, 0, 0, 2]), true, CAPS)
                .is_err()
        );
        assert_eq!(table.open(), 4);
        drop(tenant);
        drop(strangers);
        assert_eq!(table.open(), 0);
    }
}
