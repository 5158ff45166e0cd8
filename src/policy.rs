//! Per-recipient route: a pure function of the scan verdict, what the
//! destination is known to do, the message's own TLS demands and the admin's
//! overrides. No I/O, so every case is a row in a table test.
//!
//! The route is only the plan. The outbound client still checks the level on
//! the real connection (a cache can be stale) and hands a `secure` recipient
//! whose server fails it to the portal: `on_fail` carries that decision.

use crate::config::{RouteTls, TlsLevel};
use crate::dlp::{Action, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Deliver over SMTP, refusing to send below `level`.
    Tls(TlsRoute),
    /// Hold in the portal and notify the recipient.
    Portal(PortalReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TlsRoute {
    pub level: TlsLevel,
    /// What a recipient gets when its server cannot meet the level.
    pub on_fail: OnFail,
    /// RFC 8689: the next hop must pass `verify` and advertise REQUIRETLS.
    pub requiretls: bool,
    /// MTA-STS and DANE are looked at and honored. Off only for non-PHI
    /// mail carrying `TLS-Required: No` (RFC 8689 §5).
    pub honor_policies: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnFail {
    /// PHI: never plaintext, never left to expire: the portal.
    Portal,
    /// Anything else waits and retries, as any MTA would.
    Defer,
}

/// Why a recipient goes to the portal; the word in logs and the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortalReason {
    /// A rule's action is `portal`.
    Rule,
    /// The admin's per-domain `tls = "portal"` or `portal_domains`.
    Admin,
    /// The domain's servers were seen, recently, not to reach the level.
    Capability,
    /// REQUIRETLS, and the domain's servers were seen not to offer it.
    RequireTls,
    /// Found at connect time: the server failed the level.
    Connect,
}

impl PortalReason {
    pub fn as_str(self) -> &'static str {
        match self {
            PortalReason::Rule => "rule",
            PortalReason::Admin => "admin",
            PortalReason::Capability => "capability",
            PortalReason::RequireTls => "requiretls",
            PortalReason::Connect => "tls-failed",
        }
    }
}

/// What is known of a destination before connecting: the capability cache's
/// fresh facts, or nothing. Unknown never diverts; only a fresh observation
/// does, so a fixed server is tried again when the fact expires.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capability {
    /// The best TLS level the domain's servers reached on recent deliveries.
    pub reached: Option<TlsLevel>,
    /// Whether the servers that passed `verify` advertised REQUIRETLS.
    pub requiretls: Option<bool>,
}

/// What the message itself asks for, from its envelope and header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Demands {
    /// `MAIL FROM ... REQUIRETLS` (RFC 8689 §4).
    pub requiretls: bool,
    /// `TLS-Required: No` (RFC 8689 §5); ignored when REQUIRETLS is set.
    pub tls_optional: bool,
    /// Mail the portal wrote, which must never be handed back to it.
    pub portal_mail: PortalMail,
}

/// The portal's own outgoing mail.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PortalMail {
    #[default]
    No,
    /// A notification or code: no PHI, the domain's usual level, and it
    /// must reach a recipient whose server is the reason for the portal.
    Notice,
    /// A recipient's reply to the organization: at least `verify`, and it
    /// waits in the queue rather than going anywhere weaker.
    Reply,
}

pub struct Levels {
    pub phi_tls: TlsLevel,
    pub default_tls: TlsLevel,
}

/// The admin's settings for one domain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    pub tls: Option<RouteTls>,
    /// Listed in `delivery.portal_domains`: secure mail always goes to the portal.
    pub portal_domain: bool,
}

/// The route for one recipient domain.
///
/// A per-domain override can raise the level, or send everything to the
/// portal, but can never lower the PHI floor: an admin's `tls = "may"` for a
/// partner must not turn into plaintext PHI.
pub fn route(
    verdict: &Verdict,
    cap: Capability,
    levels: &Levels,
    over: Overrides,
    demands: Demands,
) -> Route {
    match demands.portal_mail {
        PortalMail::No => {}
        PortalMail::Notice => {
            let level = match over.tls {
                Some(RouteTls::Level(l)) => l,
                _ => levels.default_tls,
            };
            return Route::Tls(TlsRoute {
                level,
                on_fail: OnFail::Defer,
                requiretls: false,
                honor_policies: true,
            });
        }
        PortalMail::Reply => {
            let level = match over.tls {
                Some(RouteTls::Level(l)) => l.max(levels.phi_tls).max(TlsLevel::Verify),
                _ => levels.phi_tls.max(TlsLevel::Verify),
            };
            return Route::Tls(TlsRoute {
                level,
                on_fail: OnFail::Defer,
                requiretls: false,
                honor_policies: true,
            });
        }
    }
    let phi = verdict.phi || matches!(verdict.action, Action::Secure | Action::Portal);
    if verdict.action == Action::Portal {
        return Route::Portal(PortalReason::Rule);
    }
    if matches!(over.tls, Some(RouteTls::Portal(_))) || (phi && over.portal_domain) {
        return Route::Portal(PortalReason::Admin);
    }
    let base = match over.tls {
        Some(RouteTls::Level(l)) => l,
        _ => levels.default_tls,
    };
    let requiretls = demands.requiretls;
    let mut level = if phi { base.max(levels.phi_tls) } else { base };
    if requiretls {
        level = level.max(TlsLevel::Verify);
    }
    let secure = phi || requiretls;
    if secure {
        if cap.reached.is_some_and(|r| r < level) {
            return Route::Portal(PortalReason::Capability);
        }
        if requiretls && cap.requiretls == Some(false) {
            return Route::Portal(PortalReason::RequireTls);
        }
    }
    let tls_optional = demands.tls_optional && !requiretls && !phi;
    Route::Tls(TlsRoute {
        level: if tls_optional {
            level.min(TlsLevel::May)
        } else {
            level
        },
        on_fail: if secure {
            OnFail::Portal
        } else {
            OnFail::Defer
        },
        requiretls,
        honor_policies: !tls_optional,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PortalWord;
    use TlsLevel::{DaneOnly, Encrypt, May, Verify};

    fn verdict(phi: bool, action: Action) -> Verdict {
        Verdict {
            phi,
            action,
            ..Verdict::clean()
        }
    }

    fn tls(level: TlsLevel, on_fail: OnFail, requiretls: bool, honor: bool) -> Route {
        Route::Tls(TlsRoute {
            level,
            on_fail,
            requiretls,
            honor_policies: honor,
        })
    }

    /// (verdict flags, override, in `portal_domains`, capability, demands, route)
    type Row = (
        (bool, Action),
        Option<RouteTls>,
        bool,
        Capability,
        Demands,
        Route,
    );

    /// Every combination that matters, one row each: verdict, override,
    /// portal list, capability, message demands → route.
    #[test]
    fn table() {
        let levels = Levels {
            phi_tls: Verify,
            default_tls: May,
        };
        let lvl = |l| Some(RouteTls::Level(l));
        let portal = Some(RouteTls::Portal(PortalWord::Portal));
        let clean = (false, Action::Deliver);
        let phi = (true, Action::Secure);
        let unknown = Capability::default();
        let reached = |l| Capability {
            reached: Some(l),
            requiretls: None,
        };
        let no_rt = Capability {
            reached: Some(Verify),
            requiretls: Some(false),
        };
        let none = Demands::default();
        let rt = Demands {
            requiretls: true,
            tls_optional: false,
            ..Demands::default()
        };
        let optional = Demands {
            requiretls: false,
            tls_optional: true,
            ..Demands::default()
        };
        let both = Demands {
            requiretls: true,
            tls_optional: true,
            ..Demands::default()
        };
        let notice = Demands {
            portal_mail: PortalMail::Notice,
            ..Demands::default()
        };
        let reply = Demands {
            portal_mail: PortalMail::Reply,
            ..Demands::default()
        };
        use OnFail::{Defer, Portal as P};
        #[rustfmt::skip]
        let rows: &[Row] = &[
            // Clean mail: the default level, deferred on failure, whatever the cache says.
            (clean, None, false, unknown, none, tls(May, Defer, false, true)),
            (clean, lvl(TlsLevel::None), false, unknown, none, tls(TlsLevel::None, Defer, false, true)),
            (clean, lvl(DaneOnly), false, unknown, none, tls(DaneOnly, Defer, false, true)),
            (clean, None, false, reached(TlsLevel::None), none, tls(May, Defer, false, true)),
            (clean, None, true, unknown, none, tls(May, Defer, false, true)),
            (clean, portal, false, unknown, none, Route::Portal(PortalReason::Admin)),
            // The portal's notices reach the very servers that sent mail to
            // the portal, and are never handed back to it...
            (clean, portal, true, reached(TlsLevel::None), notice, tls(May, Defer, false, true)),
            (clean, lvl(Encrypt), false, unknown, notice, tls(Encrypt, Defer, false, true)),
            // ...and a recipient's reply goes at verify or waits, whatever the route says.
            (clean, None, false, unknown, reply, tls(Verify, Defer, false, true)),
            (clean, portal, true, reached(TlsLevel::None), reply, tls(Verify, Defer, false, true)),
            (clean, lvl(DaneOnly), false, unknown, reply, tls(DaneOnly, Defer, false, true)),
            // TLS-Required: No relaxes clean mail to may and turns policies off...
            (clean, lvl(Verify), false, unknown, optional, tls(May, Defer, false, false)),
            // ...but never PHI, and never a REQUIRETLS message.
            (phi, None, false, unknown, optional, tls(Verify, P, false, true)),
            (clean, None, false, unknown, both, tls(Verify, P, true, true)),
            // PHI: the floor holds against a lower override, a higher one wins.
            (phi, None, false, unknown, none, tls(Verify, P, false, true)),
            (phi, lvl(May), false, unknown, none, tls(Verify, P, false, true)),
            (phi, lvl(TlsLevel::None), false, unknown, none, tls(Verify, P, false, true)),
            (phi, lvl(DaneOnly), false, unknown, none, tls(DaneOnly, P, false, true)),
            (phi, portal, false, unknown, none, Route::Portal(PortalReason::Admin)),
            (phi, None, true, unknown, none, Route::Portal(PortalReason::Admin)),
            // PHI and what the cache learned.
            (phi, None, false, reached(Verify), none, tls(Verify, P, false, true)),
            (phi, None, false, reached(DaneOnly), none, tls(Verify, P, false, true)),
            (phi, None, false, reached(Encrypt), none, Route::Portal(PortalReason::Capability)),
            (phi, None, false, reached(TlsLevel::None), none, Route::Portal(PortalReason::Capability)),
            (phi, lvl(DaneOnly), false, reached(Verify), none, Route::Portal(PortalReason::Capability)),
            // A rule's portal action wins over everything.
            ((true, Action::Portal), lvl(May), false, reached(DaneOnly), none, Route::Portal(PortalReason::Rule)),
            // Secure action without the phi flag is still secure.
            ((false, Action::Secure), None, false, unknown, none, tls(Verify, P, false, true)),
            // REQUIRETLS raises clean mail to verify and diverts on failure.
            (clean, None, false, unknown, rt, tls(Verify, P, true, true)),
            (clean, None, false, reached(Encrypt), rt, Route::Portal(PortalReason::Capability)),
            (clean, None, false, no_rt, rt, Route::Portal(PortalReason::RequireTls)),
            (phi, None, false, no_rt, none, tls(Verify, P, false, true)),
        ];
        for (i, ((phi, action), tls_over, listed, cap, demands, want)) in rows.iter().enumerate() {
            let over = Overrides {
                tls: *tls_over,
                portal_domain: *listed,
            };
            let got = route(&verdict(*phi, *action), *cap, &levels, over, *demands);
            assert_eq!(got, *want, "row {i}");
        }
    }
}
