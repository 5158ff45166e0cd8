//! Per-recipient route: a pure function of the scan verdict, what the
//! destination can do, and the admin's overrides. No I/O, so every case is a
//! row in a table test.

use crate::config::{RouteTls, TlsLevel};
use crate::dlp::{Action, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Deliver over SMTP, refusing to send below `level`.
    Tls { level: TlsLevel },
    /// Hold in the portal and notify the recipient.
    Portal,
}

/// What is known of the destination before connecting. Filled in by the
/// capability cache once MTA-STS/DANE lookups exist; empty for now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capability {}

pub struct Levels {
    pub phi_tls: TlsLevel,
    pub default_tls: TlsLevel,
}

/// The route for one recipient domain.
///
/// A per-domain override can raise the level, or send everything to the
/// portal, but can never lower the PHI floor: an admin's `tls = "may"` for a
/// partner must not turn into plaintext PHI.
pub fn route(
    verdict: &Verdict,
    _cap: Capability,
    levels: &Levels,
    over: Option<RouteTls>,
) -> Route {
    let phi = verdict.phi || matches!(verdict.action, Action::Secure | Action::Portal);
    if verdict.action == Action::Portal || matches!(over, Some(RouteTls::Portal(_))) {
        return Route::Portal;
    }
    let base = match over {
        Some(RouteTls::Level(l)) => l,
        _ => levels.default_tls,
    };
    let level = if phi { base.max(levels.phi_tls) } else { base };
    Route::Tls { level }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PortalWord;

    fn verdict(phi: bool, action: Action) -> Verdict {
        Verdict {
            phi,
            action,
            ..Verdict::clean()
        }
    }

    #[test]
    fn table() {
        let levels = Levels {
            phi_tls: TlsLevel::Verify,
            default_tls: TlsLevel::May,
        };
        let may = Some(RouteTls::Level(TlsLevel::May));
        let none = Some(RouteTls::Level(TlsLevel::None));
        let dane = Some(RouteTls::Level(TlsLevel::DaneOnly));
        let portal = Some(RouteTls::Portal(PortalWord::Portal));
        let rows: &[(bool, Action, Option<RouteTls>, Route)] = &[
            (
                false,
                Action::Deliver,
                None,
                Route::Tls {
                    level: TlsLevel::May,
                },
            ),
            (
                false,
                Action::Deliver,
                none,
                Route::Tls {
                    level: TlsLevel::None,
                },
            ),
            (
                false,
                Action::Deliver,
                dane,
                Route::Tls {
                    level: TlsLevel::DaneOnly,
                },
            ),
            (false, Action::Deliver, portal, Route::Portal),
            (
                true,
                Action::Secure,
                None,
                Route::Tls {
                    level: TlsLevel::Verify,
                },
            ),
            (
                true,
                Action::Secure,
                may,
                Route::Tls {
                    level: TlsLevel::Verify,
                },
            ),
            (
                true,
                Action::Secure,
                none,
                Route::Tls {
                    level: TlsLevel::Verify,
                },
            ),
            (
                true,
                Action::Secure,
                dane,
                Route::Tls {
                    level: TlsLevel::DaneOnly,
                },
            ),
            (true, Action::Portal, None, Route::Portal),
            (
                false,
                Action::Secure,
                None,
                Route::Tls {
                    level: TlsLevel::Verify,
                },
            ),
        ];
        for (i, (phi, action, over, want)) in rows.iter().enumerate() {
            let got = route(
                &verdict(*phi, *action),
                Capability::default(),
                &levels,
                *over,
            );
            assert_eq!(got, *want, "row {i}");
        }
    }
}
