//! The `_mta-sts.<domain>` TXT record (RFC 8461 §3.1): it says a policy
//! exists and names its version, so a sender re-fetches the policy only when
//! the id changes.

use super::excerpt;

/// What the TXT answer says about a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1–32 letters and digits; compared exactly (case matters).
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("no TXT record there starts with v=STSv1")]
    NoStsRecord,
    #[error("{0} TXT records there start with v=STSv1; RFC 8461 §3.1 says to assume no policy")]
    Several(usize),
    #[error("the record does not start with v=STSv1")]
    NoVersion,
    #[error("the record has no id= field")]
    NoId,
    #[error("the record gives id= twice")]
    DuplicateId,
    #[error("the id must be 1 to 32 letters and digits, found {0}")]
    BadId(String),
    #[error("field {0} is not name=value")]
    BadField(String),
}

/// Picks the one STS record among all TXT records at `_mta-sts.<domain>`
/// (other TXT records may share the name and are skipped) and parses it.
/// Zero or several STS records mean "no policy" (§3.1), and so does a
/// record that does not parse: a broken record must not be guessed at.
pub fn select(records: &[String]) -> Result<Record, RecordError> {
    let sts: Vec<&String> = records.iter().filter(|r| is_sts(r)).collect();
    match sts.as_slice() {
        [] => Err(RecordError::NoStsRecord),
        [one] => parse(one),
        several => Err(RecordError::Several(several.len())),
    }
}

/// §3.1: records "that do not begin with `v=STSv1;`" are discarded, where
/// the `;` may have blanks before it. `v=STSv10` is some other record.
fn is_sts(record: &str) -> bool {
    record
        .strip_prefix("v=STSv1")
        .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(';'))
}

/// One record: `v=STSv1` first, then `;`-separated `name=value` fields with
/// optional blanks around the `;`. Unknown fields are ignored.
pub fn parse(record: &str) -> Result<Record, RecordError> {
    let mut fields = record.split(';').map(|f| f.trim_matches([' ', '\t']));
    if fields.next() != Some("v=STSv1") {
        return Err(RecordError::NoVersion);
    }
    let mut id: Option<&str> = None;
    for field in fields {
        if field.is_empty() {
            continue; // the optional trailing ";" (and tolerated doubled ones)
        }
        let Some((name, value)) = field.split_once('=') else {
            return Err(RecordError::BadField(excerpt(field)));
        };
        if name.is_empty() || value.is_empty() {
            return Err(RecordError::BadField(excerpt(field)));
        }
        if name == "id" {
            if id.is_some() {
                return Err(RecordError::DuplicateId);
            }
            let good =
                (1..=32).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric());
            if !good {
                return Err(RecordError::BadId(excerpt(value)));
            }
            id = Some(value);
        }
    }
    let id = id.ok_or(RecordError::NoId)?;
    Ok(Record { id: id.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Result<String, RecordError> {
        parse(s).map(|r| r.id)
    }

    #[test]
    fn valid_records() {
        // RFC 8461 §3.1's example.
        assert_eq!(
            id("v=STSv1; id=20160831085700Z;").unwrap(),
            "20160831085700Z"
        );
        assert_eq!(id("v=STSv1;id=abc").unwrap(), "abc");
        assert_eq!(id("v=STSv1 ;\tid=A1 ; ext_1=x.y ;").unwrap(), "A1");
        assert_eq!(
            id(&format!("v=STSv1; id={}", "9".repeat(32))).unwrap(),
            "9".repeat(32)
        );
    }

    #[test]
    fn version_must_come_first() {
        assert_eq!(
            id("id=20160831085700Z; v=STSv1;"),
            Err(RecordError::NoVersion)
        );
        assert_eq!(id("v=STSv2; id=1;"), Err(RecordError::NoVersion));
        assert_eq!(id("V=stsv1; id=1;"), Err(RecordError::NoVersion));
        assert_eq!(id(""), Err(RecordError::NoVersion));
    }

    #[test]
    fn bad_ids() {
        assert_eq!(id("v=STSv1;"), Err(RecordError::NoId));
        assert_eq!(id("v=STSv1; ext=1"), Err(RecordError::NoId));
        for bad in ["2016-08-31", &"1".repeat(33), "a b", "ä1"] {
            assert!(
                matches!(
                    id(&format!("v=STSv1; id={bad};")),
                    Err(RecordError::BadId(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            id("v=STSv1; id=;"),
            Err(RecordError::BadField("\"id=\"".into()))
        );
        assert_eq!(id("v=STSv1; id=1; id=2"), Err(RecordError::DuplicateId));
        assert!(matches!(id("v=STSv1; id"), Err(RecordError::BadField(_))));
    }

    #[test]
    fn selecting_among_txt_records() {
        let r = |v: &[&str]| select(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            r(&["google-site-verification=xyz", "v=STSv1; id=7;"])
                .unwrap()
                .id,
            "7"
        );
        assert_eq!(r(&[]), Err(RecordError::NoStsRecord));
        assert_eq!(r(&["v=spf1 -all"]), Err(RecordError::NoStsRecord));
        assert_eq!(r(&["v=STSv10; id=1;"]), Err(RecordError::NoStsRecord));
        assert_eq!(
            r(&["v=STSv1; id=1;", "v=STSv1; id=2;"]),
            Err(RecordError::Several(2))
        );
        // An STS record that does not parse is not skipped in favour of another.
        assert_eq!(
            r(&["v=STSv1; id=bad-id;"]).map(|r| r.id),
            Err(RecordError::BadId("\"bad-id\"".into()))
        );
    }
}
