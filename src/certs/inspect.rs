//! One certificate/key pair examined the way a peer would meet it, so the
//! admin learns before Microsoft 365 or a browser does: validity, the key
//! belonging to the certificate, the chain's order and signatures, trust,
//! and the host name the peer will ask for. Nothing here reads out key
//! material: a key is only loaded to derive its public half.

use std::path::{Path, PathBuf};

use rustls_pki_types::{CertificateDer, ServerName, TrustAnchor, UnixTime};

use crate::proto::x509::{Certificate, Link};

/// Certificates that expire within this many days are reported (and logged).
pub const WARN_DAYS: i64 = 14;

/// A configured pair and the name peers will look for in it.
#[derive(Debug, Clone)]
pub struct Target {
    /// `smtp` or `portal`: the metric label and the report's name.
    pub role: &'static str,
    pub cert: PathBuf,
    pub key: PathBuf,
    pub host: String,
    /// The config key the host name comes from.
    pub host_from: &'static str,
    /// More names peers ask for: the SNI names of `[[relay.tenant]]`,
    /// which Microsoft 365 connectors verify the certificate against.
    pub sni: Vec<String>,
}

/// Roots to check chains against.
pub struct Anchors {
    pub file: PathBuf,
    /// Given with `--ca`: not chaining to it is an error. The system
    /// bundle is only a guess at what peers trust, so there it is a warning.
    pub explicit: bool,
    pub certs: Vec<CertificateDer<'static>>,
}

impl Anchors {
    fn trust_anchors(&self) -> Vec<TrustAnchor<'_>> {
        self.certs
            .iter()
            .filter_map(|c| webpki::anchor_from_trusted_cert(c).ok())
            .collect()
    }
}

/// One certificate of a file, as the report lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChainEntry {
    pub subject: String,
    pub issuer: String,
    pub not_after: String,
}

/// What was found about one pair. Fields stay None where a step could not
/// run (no file, a file that does not parse).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub cert: &'static str,
    pub file: PathBuf,
    pub key_file: PathBuf,
    pub host_name: String,
    pub host_name_from: &'static str,
    pub subject: Option<String>,
    pub issuer: Option<String>,
    pub names: Vec<String>,
    pub not_before: Option<String>,
    pub not_after: Option<String>,
    pub not_after_unix: Option<i64>,
    pub days_left: Option<i64>,
    pub self_signed: Option<bool>,
    pub key_matches: Option<bool>,
    pub chain: Vec<ChainEntry>,
    /// Each certificate signed by the next one in the file.
    pub chain_ordered: Option<bool>,
    pub trusted: Option<bool>,
    pub trust_store: Option<PathBuf>,
    pub host_name_matches: Option<bool>,
    /// Each `[[relay.tenant]] sni` name and whether the certificate has it.
    pub sni_names: Vec<NameMatch>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct NameMatch {
    pub name: String,
    pub matches: bool,
}

/// Whole days from `now` to `not_after`, rounded down (negative once expired).
pub fn days_left(not_after: i64, now: i64) -> i64 {
    (not_after - now).div_euclid(86_400)
}

pub fn time_text(unix: i64) -> String {
    crate::time::rfc3339(u64::try_from(unix).unwrap_or(0))
}

/// Examines `t` at `now` (Unix seconds) against `anchors` when given.
pub fn inspect(t: &Target, anchors: Option<&Anchors>, now: i64) -> Report {
    let mut r = Report {
        cert: t.role,
        file: t.cert.clone(),
        key_file: t.key.clone(),
        host_name: t.host.clone(),
        host_name_from: t.host_from,
        ..Default::default()
    };
    match crate::smtp::tls::existing_pair(&t.cert, &t.key) {
        Ok(true) => {}
        Ok(false) => {
            r.warnings.push(
                "neither the certificate nor the key exists: `sealgate run` generates a self-signed development pair here; install a real certificate for production".into(),
            );
            return r;
        }
        Err(e) => {
            r.errors.push(e.to_string());
            return r;
        }
    }
    let certs = match crate::proto::tls::load_certs(&t.cert) {
        Ok(c) => c,
        Err(e) => {
            r.errors.push(e.to_string());
            return r;
        }
    };
    let mut parsed = Vec::new();
    for (i, c) in certs.iter().enumerate() {
        match Certificate::parse(c) {
            Ok(p) => parsed.push(p),
            Err(e) => {
                r.errors
                    .push(format!("{}: certificate {}: {e}", t.cert.display(), i + 1));
                return r;
            }
        }
    }
    let leaf = &parsed[0];
    r.subject = Some(leaf.subject());
    r.issuer = Some(leaf.issuer());
    r.names = leaf.names();
    r.not_before = Some(time_text(leaf.not_before));
    r.not_after = Some(time_text(leaf.not_after));
    r.not_after_unix = Some(leaf.not_after);
    r.chain = parsed
        .iter()
        .map(|c| ChainEntry {
            subject: c.subject(),
            issuer: c.issuer(),
            not_after: time_text(c.not_after),
        })
        .collect();
    validity(&mut r, leaf, now);
    key_match(&mut r, t, leaf);
    chain_order(&mut r, &parsed);
    let self_signed = parsed.len() == 1 && leaf.self_signed();
    r.self_signed = Some(self_signed);
    if self_signed {
        r.warnings.push(
            "self-signed: peers that verify certificates (Microsoft 365, Google Workspace set to require CA-signed, browsers) will refuse it; use it for development only".into(),
        );
    } else if let Some(a) = anchors {
        trust(&mut r, &certs, leaf, a, now);
    }
    host_name(&mut r, t, &certs[0], leaf);
    r
}

fn validity(r: &mut Report, leaf: &Certificate<'_>, now: i64) {
    let left = days_left(leaf.not_after, now);
    r.days_left = Some(left);
    if now < leaf.not_before {
        r.errors.push(format!(
            "not valid yet: valid from {} (is this machine's clock right?)",
            time_text(leaf.not_before)
        ));
    } else if now >= leaf.not_after {
        r.errors.push(format!(
            "expired on {} ({} day(s) ago): renew it",
            time_text(leaf.not_after),
            -left
        ));
    } else if left < WARN_DAYS {
        r.warnings.push(format!(
            "expires in {left} day(s), on {}: renew it",
            time_text(leaf.not_after)
        ));
    }
}

/// Derives the public key from the private key and compares it with the
/// leaf's; only the comparison's outcome and the file's name are reported.
fn key_match(r: &mut Report, t: &Target, leaf: &Certificate<'_>) {
    let key = match crate::smtp::tls::load_key(&t.key) {
        Ok(k) => k,
        Err(e) => {
            r.errors.push(e.to_string());
            return;
        }
    };
    let provider = crate::proto::tls::provider();
    let signing = match provider.key_provider.load_private_key(key) {
        Ok(s) => s,
        Err(_) => {
            r.errors.push(format!(
                "{}: not a private key sealgate can use (PKCS#8, RSA or EC)",
                t.key.display()
            ));
            return;
        }
    };
    match signing.public_key() {
        Some(spki) => {
            let matches = spki.as_ref() == leaf.spki();
            r.key_matches = Some(matches);
            if !matches {
                r.errors.push(format!(
                    "{}: this private key does not belong to the certificate in {} (a renewal that replaced only one of the two files?)",
                    t.key.display(),
                    t.cert.display()
                ));
            }
        }
        None => r.warnings.push(format!(
            "{}: cannot derive the public key of this key type to compare it with the certificate",
            t.key.display()
        )),
    }
}

fn chain_order(r: &mut Report, parsed: &[Certificate<'_>]) {
    let mut ordered = true;
    for (i, pair) in parsed.windows(2).enumerate() {
        let (n, next) = (i + 1, i + 2);
        match pair[0].link_to(&pair[1]) {
            Link::Signed => {}
            Link::OtherIssuer => {
                ordered = false;
                r.errors.push(format!(
                    "chain out of order: certificate {n} is issued by \"{}\" but certificate {next} is \"{}\"; the file must hold the server's certificate first, then each issuer in turn",
                    pair[0].issuer(),
                    pair[1].subject()
                ));
            }
            Link::BadSignature => {
                ordered = false;
                r.errors.push(format!(
                    "broken chain: certificate {n} names \"{}\" as its issuer, but certificate {next}'s key did not sign it (a different CA key of the same name?)",
                    pair[0].issuer()
                ));
            }
            Link::Unsupported => r.warnings.push(format!(
                "certificate {n}'s signature uses an algorithm sealgate cannot verify"
            )),
        }
    }
    r.chain_ordered = Some(ordered);
}

fn trust(
    r: &mut Report,
    certs: &[CertificateDer<'static>],
    leaf: &Certificate<'_>,
    anchors: &Anchors,
    now: i64,
) {
    r.trust_store = Some(anchors.file.clone());
    let Ok(ee) = webpki::EndEntityCert::try_from(&certs[0]) else {
        r.trusted = Some(false);
        r.errors.push(
            "the certificate is not one TLS clients accept (webpki refuses to parse it)".into(),
        );
        return;
    };
    // Validity is reported on its own; ask about trust within it.
    let at = now.clamp(leaf.not_before, leaf.not_after - 1);
    let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(
        u64::try_from(at).unwrap_or(0),
    ));
    let roots = anchors.trust_anchors();
    match ee.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &roots,
        &certs[1..],
        time,
        webpki::KeyUsage::server_auth(),
        None,
        None,
    ) {
        Ok(_) => r.trusted = Some(true),
        Err(e) => {
            r.trusted = Some(false);
            let why = crate::proto::tls::webpki_error_text(&e);
            let text = format!(
                "does not chain to a root in {}: {why}{}",
                anchors.file.display(),
                if certs.len() == 1 {
                    " (the file holds no intermediate certificates; append them after the server's certificate)"
                } else {
                    ""
                }
            );
            if anchors.explicit {
                r.errors.push(text);
            } else {
                r.warnings.push(text);
            }
        }
    }
}

/// Whether `host` is a name of the certificate: by webpki, as a peer
/// checks it, or, for a name webpki refuses to parse, by its SAN names.
fn valid_for(host: &str, der: &CertificateDer<'_>, leaf: &Certificate<'_>) -> bool {
    match (
        ServerName::try_from(host),
        webpki::EndEntityCert::try_from(der),
    ) {
        (Ok(name), Ok(ee)) => ee.verify_is_valid_for_subject_name(&name).is_ok(),
        _ => leaf
            .names()
            .iter()
            .any(|n| crate::proto::tls::name_matches(n, host)),
    }
}

fn host_name(r: &mut Report, t: &Target, der: &CertificateDer<'_>, leaf: &Certificate<'_>) {
    let names = if r.names.is_empty() {
        "none".to_string()
    } else {
        r.names.join(", ")
    };
    let ok = valid_for(&t.host, der, leaf);
    r.host_name_matches = Some(ok);
    if !ok {
        r.errors.push(format!(
            "{} (`{}`) is not among the certificate's names ({names}): peers will refuse it",
            t.host, t.host_from
        ));
    }
    for sni in &t.sni {
        let matches = valid_for(sni, der, leaf);
        if !matches {
            r.errors.push(format!(
                "{sni} (`relay.tenant.sni`) is not among the certificate's names ({names}): a connector that uses it will refuse the certificate"
            ));
        }
        r.sni_names.push(NameMatch {
            name: sni.clone(),
            matches,
        });
    }
}

/// The report as text for a terminal.
pub fn text(r: &Report) -> String {
    let mut s = format!("{} certificate: {}\n", r.cert, r.file.display());
    let mut line = |k: &str, v: String| s.push_str(&format!("  {k:<10} {v}\n"));
    line(
        "key:",
        format!(
            "{}{}",
            r.key_file.display(),
            match r.key_matches {
                Some(true) => " (matches the certificate)",
                Some(false) => " (DOES NOT match the certificate)",
                None => "",
            }
        ),
    );
    if let Some(sub) = &r.subject {
        line("subject:", sub.clone());
    }
    if r.subject.is_some() {
        line(
            "names:",
            if r.names.is_empty() {
                "(none)".into()
            } else {
                r.names.join(", ")
            },
        );
    }
    if let Some(i) = &r.issuer {
        line("issuer:", i.clone());
    }
    if let (Some(a), Some(b), Some(d)) = (&r.not_before, &r.not_after, r.days_left) {
        line("valid:", format!("{a} to {b} ({d} day(s) left)"));
    }
    if let Some(ordered) = r.chain_ordered {
        let n = r.chain.len();
        line(
            "chain:",
            match (n, ordered, r.self_signed) {
                (1, _, Some(true)) => "1 certificate, self-signed".into(),
                (1, _, _) => "1 certificate (no intermediates)".into(),
                (_, true, _) => format!("{n} certificates, each signed by the next"),
                (_, false, _) => format!("{n} certificates, NOT in order (see below)"),
            },
        );
    }
    match (r.trusted, &r.trust_store) {
        (Some(true), Some(f)) => line("trust:", format!("chains to a root in {}", f.display())),
        (Some(false), Some(f)) => line(
            "trust:",
            format!("does NOT chain to a root in {}", f.display()),
        ),
        _ if r.self_signed == Some(true) => line("trust:", "self-signed".into()),
        _ if r.subject.is_some() => line("trust:", "not checked (no CA bundle)".into()),
        _ => {}
    }
    if let Some(ok) = r.host_name_matches {
        line(
            "host name:",
            format!(
                "{} (`{}`) {}",
                r.host_name,
                r.host_name_from,
                if ok {
                    "is among the names"
                } else {
                    "is NOT among the names"
                }
            ),
        );
    }
    for n in &r.sni_names {
        s.push_str(&format!(
            "  {:<10} {} (`relay.tenant.sni`) {}\n",
            "",
            n.name,
            if n.matches {
                "is among the names"
            } else {
                "is NOT among the names"
            }
        ));
    }
    for e in &r.errors {
        s.push_str(&format!("  error: {e}\n"));
    }
    for w in &r.warnings {
        s.push_str(&format!("  warning: {w}\n"));
    }
    s
}

/// A file's certificates, for `[tls] client_ca`: how many, and whose.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Bundle {
    pub file: PathBuf,
    pub certificates: usize,
    pub subjects: Vec<String>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

pub fn bundle(file: &Path, now: i64) -> Bundle {
    let mut b = Bundle {
        file: file.to_path_buf(),
        ..Default::default()
    };
    match crate::proto::tls::load_certs(file) {
        Ok(certs) => {
            b.certificates = certs.len();
            for (i, c) in certs.iter().enumerate() {
                match Certificate::parse(c) {
                    Ok(p) => {
                        if now >= p.not_after {
                            b.warnings.push(format!(
                                "certificate {} ({}) expired on {}",
                                i + 1,
                                p.subject(),
                                time_text(p.not_after)
                            ));
                        }
                        b.subjects.push(p.subject());
                    }
                    Err(e) => {
                        b.errors
                            .push(format!("{}: certificate {}: {e}", file.display(), i + 1))
                    }
                }
            }
        }
        Err(e) => b.errors.push(e.to_string()),
    }
    b
}
