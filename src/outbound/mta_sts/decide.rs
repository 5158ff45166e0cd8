//! The cache decisions of RFC 8461 §3 and §5.1, as pure functions so every
//! branch is tested without DNS or sockets.
//!
//! The rule that shapes all of them: a still-valid cached policy beats
//! anything we cannot confirm live. When neither DNS nor HTTPS yields a
//! live policy but an unexpired one is cached, RFC 8461 §3 has the sender
//! apply the cached one — otherwise an attacker who can drop DNS or HTTPS
//! traffic turns enforcement off.

use super::{Cached, Discovery, FetchError, Policy};

/// What the `_mta-sts` TXT lookup said, reduced to what decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxtState {
    /// Exactly one valid STS record, with this id.
    Id(String),
    /// No usable record (none, several, or malformed), and why.
    Absent(String),
    /// The lookup failed; the answer is unknown.
    Temporary(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Settled without fetching.
    Done(Discovery),
    /// Fetch the policy for this record id, then [`settle`].
    Fetch { id: String },
}

pub fn decide(txt: &TxtState, cached: Option<&Cached>, now: u64) -> Action {
    let fresh = cached.filter(|c| c.is_fresh(now));
    match (txt, fresh) {
        (TxtState::Id(id), Some(c)) if *id == c.id => Action::Done(Discovery::Policy {
            evidence: format!("TXT id {id}; {}", cached_words(c)),
            cached: c.clone(),
            refreshed: false,
        }),
        (TxtState::Id(id), _) => Action::Fetch { id: id.clone() },
        (TxtState::Absent(why) | TxtState::Temporary(why), Some(c)) => {
            Action::Done(Discovery::Policy {
                evidence: format!("{why}; keeping the {}", cached_words(c)),
                cached: c.clone(),
                refreshed: false,
            })
        }
        (TxtState::Absent(why), None) => Action::Done(Discovery::NoPolicy {
            evidence: format!("{why}: no MTA-STS policy"),
        }),
        (TxtState::Temporary(why), None) => Action::Done(Discovery::Failed {
            evidence: format!("{why}; no cached MTA-STS policy to fall back on"),
        }),
    }
}

/// The outcome once the fetch for record `id` has finished.
pub fn settle(
    domain: &str,
    id: &str,
    fetched: Result<Policy, FetchError>,
    cached: Option<&Cached>,
    now: u64,
) -> Discovery {
    let host = super::policy_host(domain);
    match fetched {
        Ok(policy) => {
            let evidence = format!(
                "TXT id {id}; policy fetched from {host}, mode {}, {}, max_age {}",
                policy.mode,
                patterns(&policy),
                policy.max_age
            );
            Discovery::Policy {
                cached: Cached::new(id, policy, now),
                refreshed: true,
                evidence,
            }
        }
        Err(e) => match cached.filter(|c| c.is_fresh(now)) {
            Some(c) => Discovery::Policy {
                evidence: format!(
                    "TXT id {id}; fetching the policy from {host} failed: {e}; keeping the {}",
                    cached_words(c)
                ),
                cached: c.clone(),
                refreshed: false,
            },
            None => Discovery::Failed {
                evidence: format!(
                    "TXT id {id}; fetching the policy from {host} failed: {e}; \
                     no cached policy to fall back on"
                ),
            },
        },
    }
}

fn cached_words(c: &Cached) -> String {
    format!(
        "cached policy id {} (mode {}, {}), valid until {}",
        c.id,
        c.policy.mode,
        patterns(&c.policy),
        crate::time::rfc3339_ms(c.expires_at.saturating_mul(1000))
    )
}

fn patterns(p: &Policy) -> String {
    match p.mx.len() {
        1 => "1 mx pattern".to_string(),
        n => format!("{n} mx patterns"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Mode;
    use super::*;

    const NOW: u64 = 1_800_000_000;

    fn cache(id: &str, expires_in: i64) -> Cached {
        let policy = Policy {
            mode: Mode::Enforce,
            mx: vec!["*.example.org".into(), "mx.example.org".into()],
            max_age: 86_400,
        };
        let fetched_at = (NOW as i64 + expires_in - 86_400) as u64;
        Cached::new(id, policy, fetched_at)
    }

    fn id(s: &str) -> TxtState {
        TxtState::Id(s.into())
    }

    /// The variant name and, for a policy, its id and whether it is new.
    fn shape(a: &Action) -> String {
        match a {
            Action::Fetch { id } => format!("fetch {id}"),
            Action::Done(Discovery::Policy {
                cached, refreshed, ..
            }) => format!("policy {} refreshed={refreshed}", cached.id),
            Action::Done(Discovery::NoPolicy { .. }) => "none".into(),
            Action::Done(Discovery::Failed { .. }) => "failed".into(),
        }
    }

    #[test]
    fn decisions() {
        let fresh = cache("A1", 3600);
        let expired = cache("A1", 0);
        let absent = TxtState::Absent("no TXT record at _mta-sts.example.org".into());
        let temp =
            TxtState::Temporary("TXT lookup for _mta-sts.example.org failed: timeout".into());
        let table: [(&str, TxtState, Option<&Cached>, &str); 10] = [
            (
                "same id, fresh cache",
                id("A1"),
                Some(&fresh),
                "policy A1 refreshed=false",
            ),
            (
                "same id, expired cache",
                id("A1"),
                Some(&expired),
                "fetch A1",
            ),
            ("new id, fresh cache", id("B2"), Some(&fresh), "fetch B2"),
            ("id, no cache", id("B2"), None, "fetch B2"),
            (
                "no record, fresh cache",
                absent.clone(),
                Some(&fresh),
                "policy A1 refreshed=false",
            ),
            (
                "no record, expired cache",
                absent.clone(),
                Some(&expired),
                "none",
            ),
            ("no record, no cache", absent, None, "none"),
            (
                "dns failure, fresh cache",
                temp.clone(),
                Some(&fresh),
                "policy A1 refreshed=false",
            ),
            (
                "dns failure, expired cache",
                temp.clone(),
                Some(&expired),
                "failed",
            ),
            ("dns failure, no cache", temp, None, "failed"),
        ];
        for (what, txt, cached, want) in table {
            assert_eq!(shape(&decide(&txt, cached, NOW)), want, "{what}");
        }
    }

    #[test]
    fn evidence_says_why() {
        let fresh = cache("A1", 3600);
        let Action::Done(d) = decide(&id("A1"), Some(&fresh), NOW) else {
            panic!("expected the cache to be used");
        };
        assert!(
            d.evidence().starts_with(
                "TXT id A1; cached policy id A1 (mode enforce, 2 mx patterns), valid until 2027-"
            ),
            "{}",
            d.evidence()
        );
        let Action::Done(d) = decide(&TxtState::Absent("2 TXT records".into()), None, NOW) else {
            panic!("expected no policy");
        };
        assert_eq!(d.evidence(), "2 TXT records: no MTA-STS policy");
    }

    #[test]
    fn settling_a_fetch() {
        let fresh = cache("A1", 3600);
        let expired = cache("A1", 0);
        let new = Policy {
            mode: Mode::Testing,
            mx: vec!["mx.example.org".into()],
            max_age: 604_800,
        };
        let d = settle("example.org", "B2", Ok(new.clone()), Some(&fresh), NOW);
        assert_eq!(
            d,
            Discovery::Policy {
                cached: Cached {
                    id: "B2".into(),
                    policy: new,
                    fetched_at: NOW,
                    expires_at: NOW + 604_800
                },
                refreshed: true,
                evidence: "TXT id B2; policy fetched from mta-sts.example.org, mode testing, \
                           1 mx pattern, max_age 604800"
                    .into()
            }
        );

        let failure = || FetchError::Status(404);
        let d = settle("example.org", "B2", Err(failure()), Some(&fresh), NOW);
        assert_eq!(d.policy(), Some(&fresh));
        assert!(matches!(
            d,
            Discovery::Policy {
                refreshed: false,
                ..
            }
        ));
        assert!(
            d.evidence()
                .contains("failed: the policy server answered 404"),
            "{}",
            d.evidence()
        );
        for cached in [Some(&expired), None] {
            let d = settle("example.org", "B2", Err(failure()), cached, NOW);
            assert!(matches!(d, Discovery::Failed { .. }), "{d:?}");
        }
    }
}
