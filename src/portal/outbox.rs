//! How the portal sends mail: like a DSN, it commits a message to the spool
//! (fsynced) and hands it to the scheduler, so notifications, codes and
//! replies take the normal outbound path with its TLS rules and retries.

use std::sync::Arc;

use crate::proto::address::Address;
use crate::proto::params::{MailParams, Recipient, Ret};
use crate::spool::{ClientInfo, Envelope, Origin, QueueId, Spool, SpoolError};

/// Hands a committed message to the delivery queue. A function rather than
/// the scheduler's handle: the queue calls the portal, so the portal must
/// not know the queue.
pub type Submit = Arc<dyn Fn(Envelope, Arc<Vec<u8>>) + Send + Sync>;

#[derive(Clone)]
pub struct Outbox {
    pub spool: Arc<Spool>,
    pub submit: Submit,
    pub hostname: String,
}

impl Outbox {
    /// Commits and queues one message; blocking (file writes and fsync).
    /// Bounces of portal mail return headers only: a notification's body
    /// holds the recipient's link.
    pub fn send(
        &self,
        sender: Option<Address>,
        to: Address,
        bytes: Vec<u8>,
        origin: Origin,
    ) -> Result<QueueId, SpoolError> {
        let id = QueueId::generate();
        let env = Envelope {
            id: id.clone(),
            sender,
            params: MailParams {
                ret: Some(Ret::Hdrs),
                smtputf8: to.is_utf8(),
                ..Default::default()
            },
            recipients: vec![Recipient {
                address: to,
                params: Default::default(),
            }],
            received_at: crate::time::unix_now(),
            client: ClientInfo {
                ip: "127.0.0.1".into(),
                helo: self.hostname.clone(),
                tls: None,
                authorized_by: "local:portal".into(),
            },
            verdict: crate::dlp::Verdict::clean(),
            message_sha256: crate::proto::hash::sha256_hex(&bytes),
            size: bytes.len() as u64,
            is_dsn: false,
            origin,
        };
        self.spool.commit(&env, &bytes)?;
        (self.submit)(env, Arc::new(bytes));
        Ok(id)
    }
}
