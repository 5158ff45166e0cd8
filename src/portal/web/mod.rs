//! The portal's HTTPS web app (being built on its own branch).

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use super::access::Access;

pub async fn serve(
    _listener: TcpListener,
    _tls: TlsAcceptor,
    _access: Arc<dyn Access>,
    _base_url: String,
    mut shutdown: watch::Receiver<bool>,
) {
    crate::ops::stopped(&mut shutdown).await;
}
