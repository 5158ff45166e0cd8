//! Accepting connections: limits in total and per client address, implicit
//! TLS, one task per session, and a count the drain on SIGTERM can wait on.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tracing::{debug, info, info_span, warn};

use super::Shared;
use super::io::Stream;
use super::session::Session;
use crate::config::{Listener, ListenerTls};

/// Open sessions, in total and per address.
#[derive(Default)]
pub struct Connections {
    per_ip: Mutex<HashMap<IpAddr, usize>>,
    total: watch::Sender<usize>,
}

pub struct ConnGuard {
    table: Arc<Connections>,
    ip: IpAddr,
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        if let Ok(mut m) = self.table.per_ip.lock()
            && let Some(n) = m.get_mut(&self.ip)
        {
            *n -= 1;
            if *n == 0 {
                m.remove(&self.ip);
            }
        }
        self.table.total.send_modify(|t| *t = t.saturating_sub(1));
    }
}

impl Connections {
    /// Takes a slot, or says which limit is full.
    fn admit(
        self: &Arc<Self>,
        ip: IpAddr,
        max_total: usize,
        max_per_ip: usize,
    ) -> Result<ConnGuard, &'static str> {
        let mut m = self.per_ip.lock().map_err(|_| "internal error")?;
        if *self.total.borrow() >= max_total {
            return Err("421 4.7.0 Too many connections, try again later\r\n");
        }
        let n = m.entry(ip).or_insert(0);
        if *n >= max_per_ip {
            return Err("421 4.7.0 Too many connections from your address, try again later\r\n");
        }
        *n += 1;
        self.total.send_modify(|t| *t += 1);
        Ok(ConnGuard {
            table: self.clone(),
            ip,
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
        let limits = shared.settings.get().limits.clone();
        match shared.connections.admit(
            peer.ip(),
            limits.max_connections,
            limits.max_connections_per_ip,
        ) {
            Ok(guard) => {
                let shared = shared.clone();
                let cfg = cfg.clone();
                tokio::spawn(async move {
                    session(shared, tcp, peer, cfg).await;
                    drop(guard);
                });
            }
            Err(reply) => {
                debug!(%peer, "connection refused by limits");
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
