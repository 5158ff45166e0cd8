//! SMTP command lines to typed commands (RFC 5321 §4.1, RFC 1870 SIZE,
//! RFC 6152 8BITMIME, RFC 6531 SMTPUTF8, RFC 3461 DSN, RFC 3030 BDAT).
//!
//! The parser only knows syntax; whether a command is allowed in the current
//! state, and who may relay, is the session's business.

use crate::proto::address::{Address, AddressError, parse_path};
use crate::proto::params::{Body, MailParams, Notify, RcptParams, Ret};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Ehlo(String),
    Helo(String),
    Mail {
        from: Option<Address>,
        params: MailParams,
    },
    Rcpt {
        to: RcptTo,
        params: RcptParams,
    },
    Data,
    Bdat {
        size: u64,
        last: bool,
    },
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    StartTls,
    Auth {
        mechanism: String,
        initial: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RcptTo {
    Mailbox(Address),
    /// `<postmaster>` without a domain (RFC 5321 §4.1.1.3).
    Postmaster,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("500 5.5.1 Command unrecognized")]
    Unknown,
    #[error("501 5.5.4 Syntax: {0}")]
    Syntax(&'static str),
    #[error("{}", address_reply(.0))]
    Address(AddressError),
    #[error("555 5.5.4 Unsupported or malformed parameter {0}")]
    Param(String),
}

fn address_reply(e: &AddressError) -> String {
    match e {
        AddressError::NoBrackets | AddressError::NoDomain | AddressError::BadLocal => {
            format!("501 5.1.3 Bad address syntax: {e}")
        }
        AddressError::BadDomain => format!("501 5.1.2 Bad address syntax: {e}"),
        AddressError::NeedsUtf8 => format!("553 5.6.7 {e}"),
        AddressError::SourceRoute | AddressError::RoutingTrick | AddressError::TooLong => {
            format!("553 5.1.3 {e}")
        }
    }
}

/// Parses one command line (without its CRLF).
pub fn parse(line: &str) -> Result<Command, CommandError> {
    let (verb, arg) = match line.find(' ') {
        Some(i) => (&line[..i], &line[i + 1..]),
        None => (line, ""),
    };
    let upper = verb.to_ascii_uppercase();
    let no_arg = |c: Command| {
        if arg.trim().is_empty() {
            Ok(c)
        } else {
            Err(CommandError::Syntax("this command takes no argument"))
        }
    };
    match upper.as_str() {
        "EHLO" | "HELO" => {
            let name = arg.trim();
            if name.is_empty() || name.contains(' ') || !name.chars().all(|c| c.is_ascii_graphic())
            {
                return Err(CommandError::Syntax("EHLO/HELO needs one host name"));
            }
            Ok(if upper == "EHLO" {
                Command::Ehlo(name.to_string())
            } else {
                Command::Helo(name.to_string())
            })
        }
        "MAIL" => parse_mail(arg),
        "RCPT" => parse_rcpt(arg),
        "DATA" => no_arg(Command::Data),
        "BDAT" => parse_bdat(arg),
        "RSET" => no_arg(Command::Rset),
        "NOOP" => Ok(Command::Noop),
        "QUIT" => no_arg(Command::Quit),
        "VRFY" => Ok(Command::Vrfy),
        "EXPN" => Ok(Command::Expn),
        "HELP" => Ok(Command::Help),
        "STARTTLS" => no_arg(Command::StartTls),
        "AUTH" => {
            let mut it = arg.split(' ').filter(|s| !s.is_empty());
            let mechanism = it
                .next()
                .ok_or(CommandError::Syntax("AUTH mechanism [initial-response]"))?
                .to_ascii_uppercase();
            let initial = it.next().map(str::to_string);
            if it.next().is_some() {
                return Err(CommandError::Syntax("AUTH mechanism [initial-response]"));
            }
            Ok(Command::Auth { mechanism, initial })
        }
        _ => Err(CommandError::Unknown),
    }
}

/// Strips `FROM:` / `TO:` (any case), tolerating spaces after the colon as
/// Postfix does: Outlook-era clients still send `MAIL FROM: <a@b>`.
fn strip_keyword<'a>(arg: &'a str, kw: &str) -> Option<&'a str> {
    // `get` rather than indexing: the cut may fall inside a UTF-8 character.
    let head = arg.get(..kw.len())?;
    if !head.eq_ignore_ascii_case(kw) {
        return None;
    }
    Some(arg[kw.len()..].trim_start_matches(' '))
}

fn params(rest: &str) -> impl Iterator<Item = (String, Option<&str>)> {
    rest.split(' ')
        .filter(|s| !s.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_ascii_uppercase(), Some(v)),
            None => (p.to_ascii_uppercase(), None),
        })
}

fn parse_mail(arg: &str) -> Result<Command, CommandError> {
    let rest = strip_keyword(arg, "FROM:").ok_or(CommandError::Syntax("MAIL FROM:<address>"))?;
    let smtputf8 = rest.split(' ').any(|p| p.eq_ignore_ascii_case("SMTPUTF8"));
    let (from, rest) = parse_path(rest, true, smtputf8).map_err(CommandError::Address)?;
    let mut p = MailParams {
        smtputf8,
        ..MailParams::default()
    };
    for (key, value) in params(rest) {
        match (key.as_str(), value) {
            ("SIZE", Some(v)) => {
                p.size = Some(v.parse().map_err(|_| CommandError::Param(key.clone()))?)
            }
            ("BODY", Some(v)) if v.eq_ignore_ascii_case("8BITMIME") => p.body = Body::EightBitMime,
            ("BODY", Some(v)) if v.eq_ignore_ascii_case("7BIT") => p.body = Body::SevenBit,
            ("SMTPUTF8", None) => {}
            ("REQUIRETLS", None) => p.requiretls = true,
            ("RET", Some(v)) if v.eq_ignore_ascii_case("FULL") => p.ret = Some(Ret::Full),
            ("RET", Some(v)) if v.eq_ignore_ascii_case("HDRS") => p.ret = Some(Ret::Hdrs),
            ("ENVID", Some(v)) if is_xtext(v) && v.len() <= 100 => p.envid = Some(v.to_string()),
            _ => return Err(CommandError::Param(key)),
        }
    }
    Ok(Command::Mail { from, params: p })
}

fn parse_rcpt(arg: &str) -> Result<Command, CommandError> {
    let rest = strip_keyword(arg, "TO:").ok_or(CommandError::Syntax("RCPT TO:<address>"))?;
    let postmaster = rest
        .get(..12)
        .is_some_and(|h| h.eq_ignore_ascii_case("<postmaster>"));
    let (to, rest) = if postmaster {
        (RcptTo::Postmaster, &rest[12..])
    } else {
        let (addr, rest) = parse_path(rest, false, true).map_err(CommandError::Address)?;
        let addr = addr.ok_or(CommandError::Address(AddressError::NoDomain))?;
        (RcptTo::Mailbox(addr), rest)
    };
    let mut p = RcptParams::default();
    for (key, value) in params(rest) {
        match (key.as_str(), value) {
            ("NOTIFY", Some(v)) => {
                p.notify = Some(parse_notify(v).ok_or(CommandError::Param(key))?)
            }
            ("ORCPT", Some(v)) => {
                let ok = v.split_once(';').is_some_and(|(t, x)| {
                    !t.is_empty()
                        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        && is_xtext(x)
                });
                if !ok || v.len() > 500 {
                    return Err(CommandError::Param(key));
                }
                p.orcpt = Some(v.to_string());
            }
            _ => return Err(CommandError::Param(key)),
        }
    }
    Ok(Command::Rcpt { to, params: p })
}

fn parse_notify(v: &str) -> Option<Notify> {
    let mut n = Notify::default();
    for word in v.split(',') {
        match word.to_ascii_uppercase().as_str() {
            "NEVER" => n.never = true,
            "SUCCESS" => n.success = true,
            "FAILURE" => n.failure = true,
            "DELAY" => n.delay = true,
            _ => return None,
        }
    }
    // NEVER must stand alone (RFC 3461 §4.1).
    if n.never && (n.success || n.failure || n.delay) {
        return None;
    }
    Some(n)
}

/// RFC 3461 §4: printable ASCII except '+' and '=', which appear only as `+XX`.
fn is_xtext(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                if i + 2 >= b.len() {
                    return false;
                }
                let hex = |c: u8| c.is_ascii_digit() || (b'A'..=b'F').contains(&c);
                if !(hex(b[i + 1]) && hex(b[i + 2])) {
                    return false;
                }
                i += 3;
            }
            b'=' => return false,
            33..=126 => i += 1,
            _ => return false,
        }
    }
    true
}

fn parse_bdat(arg: &str) -> Result<Command, CommandError> {
    let mut it = arg.split(' ').filter(|s| !s.is_empty());
    let size = it
        .next()
        .and_then(|s| s.parse::<u64>().ok())
        .ok_or(CommandError::Syntax("BDAT chunk-size [LAST]"))?;
    let last = match it.next() {
        None => false,
        Some(w) if w.eq_ignore_ascii_case("LAST") => true,
        Some(_) => return Err(CommandError::Syntax("BDAT chunk-size [LAST]")),
    };
    if it.next().is_some() {
        return Err(CommandError::Syntax("BDAT chunk-size [LAST]"));
    }
    Ok(Command::Bdat { size, last })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mail_with_parameters() {
        let c = parse("MAIL FROM:<a@b.org> SIZE=2048 BODY=8BITMIME RET=HDRS ENVID=QQ+2B1").unwrap();
        let Command::Mail { from, params } = c else {
            panic!("not MAIL")
        };
        assert_eq!(from.unwrap().domain, "b.org");
        assert_eq!(params.size, Some(2048));
        assert_eq!(params.body, Body::EightBitMime);
        assert_eq!(params.ret, Some(Ret::Hdrs));
        assert_eq!(params.envid.as_deref(), Some("QQ+2B1"));
        assert!(matches!(
            parse("mail from: <>"),
            Ok(Command::Mail { from: None, .. })
        ));
    }

    #[test]
    fn parses_rcpt_with_dsn() {
        let c = parse("RCPT TO:<x@y.org> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;x+40y.org").unwrap();
        let Command::Rcpt { params, .. } = c else {
            panic!("not RCPT")
        };
        let n = params.notify.unwrap();
        assert!(n.success && n.failure && !n.delay);
        assert_eq!(params.orcpt.as_deref(), Some("rfc822;x+40y.org"));
        assert_eq!(
            parse("RCPT TO:<Postmaster>").unwrap(),
            Command::Rcpt {
                to: RcptTo::Postmaster,
                params: RcptParams::default()
            }
        );
    }

    #[test]
    fn refuses_bad_syntax() {
        assert_eq!(parse("FOO"), Err(CommandError::Unknown));
        assert!(matches!(
            parse("MAIL <a@b.org>"),
            Err(CommandError::Syntax(_))
        ));
        assert!(matches!(
            parse("MAIL FROM:<a@b.org> SIZE=x"),
            Err(CommandError::Param(_))
        ));
        assert!(matches!(
            parse("MAIL FROM:<a@b.org> XYZ=1"),
            Err(CommandError::Param(_))
        ));
        assert!(matches!(
            parse("RCPT TO:<a@b.org> NOTIFY=NEVER,DELAY"),
            Err(CommandError::Param(_))
        ));
        assert!(matches!(
            parse("RCPT TO:<a@b.org> ORCPT=rfc822;a=b"),
            Err(CommandError::Param(_))
        ));
        assert!(matches!(
            parse("RCPT TO:<a@b.org> ORCPT=rfc822;+4"),
            Err(CommandError::Param(_))
        ));
        assert!(matches!(
            parse("RCPT TO:<a%c.org@b.org>"),
            Err(CommandError::Address(_))
        ));
        assert!(matches!(parse("DATA x"), Err(CommandError::Syntax(_))));
        assert!(matches!(parse("EHLO"), Err(CommandError::Syntax(_))));
        assert_eq!(
            parse("BDAT 10 LAST"),
            Ok(Command::Bdat {
                size: 10,
                last: true
            })
        );
        assert!(parse("BDAT -1").is_err());
        assert!(parse("BDAT 10 MORE").is_err());
    }

    #[test]
    fn multibyte_text_never_panics() {
        assert!(parse("MAIL ééé").is_err());
        assert!(parse("RCPT ééé").is_err());
        assert!(parse("RCPT TO:<ééééééé>").is_err());
        assert!(matches!(
            parse("RCPT TO:<josé.garcía@tenant.test>"),
            Ok(Command::Rcpt { .. })
        ));
    }

    #[test]
    fn replies_carry_enhanced_codes() {
        assert!(
            CommandError::Address(AddressError::SourceRoute)
                .to_string()
                .starts_with("553 5.1.3")
        );
        assert!(CommandError::Unknown.to_string().starts_with("500 5.5.1"));
    }
}
