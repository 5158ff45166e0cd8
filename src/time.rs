//! Wall-clock helpers without a calendar dependency: RFC 5322 dates for
//! headers and DSNs, RFC 3339 for the audit log, and duration parsing for the
//! config (`"5m"`, `"5d"`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch; a clock before 1970 reads as 0 rather than panicking.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Milliseconds since the Unix epoch.
pub fn unix_now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's
/// `civil_from_days`, valid for the whole u64 range we can meet.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u64,
    min: u64,
    sec: u64,
    weekday: usize,
}

fn civil(unix: u64) -> Civil {
    let days = (unix / 86_400) as i64;
    let rem = unix % 86_400;
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: rem / 3600,
        min: (rem % 3600) / 60,
        sec: rem % 60,
        // 1970-01-01 was a Thursday.
        weekday: ((days + 4).rem_euclid(7)) as usize,
    }
}

/// `Fri, 27 Nov 2026 18:33:32 +0000`, as RFC 5322 §3.3 wants in Date and Received.
pub fn rfc5322(unix: u64) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c = civil(unix);
    format!(
        "{}, {} {} {} {:02}:{:02}:{:02} +0000",
        DAYS[c.weekday],
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.min,
        c.sec
    )
}

/// `2026-11-27T18:33:32.123Z`.
pub fn rfc3339_ms(unix_ms: u64) -> String {
    let c = civil(unix_ms / 1000);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.min,
        c.sec,
        unix_ms % 1000
    )
}

/// The longest duration the config accepts. Durations are added to clocks
/// (`Instant + Duration` panics on overflow, and delivery times are u64
/// milliseconds), so a typo such as `"99999999999w"` must stop at load time
/// rather than on SIGTERM. Ten years is longer than any sane timeout,
/// retry step, queue lifetime or retention.
pub const MAX_DURATION: Duration = Duration::from_secs(3650 * 86_400);

/// Parses `"500ms"`, `"30s"`, `"5m"`, `"4h"`, `"5d"`, `"2w"`; a bare number is
/// seconds. Anything above [`MAX_DURATION`] is refused.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let too_long = || format!("`{s}` is too long: durations are capped at 3650d (10 years)");
    // A digit string too long for u64 is a number, just too large.
    let n: u64 = match num.parse() {
        Ok(n) => n,
        Err(_) if !num.is_empty() => return Err(too_long()),
        Err(_) => {
            return Err(format!(
                "`{s}` is not a duration; write e.g. \"30s\", \"5m\", \"4h\", \"5d\""
            ));
        }
    };
    let secs = |k: u64| n.checked_mul(k).map(Duration::from_secs);
    let d = match unit {
        "ms" => Some(Duration::from_millis(n)),
        "" | "s" => secs(1),
        "m" => secs(60),
        "h" => secs(3600),
        "d" => secs(86_400),
        "w" => secs(7 * 86_400),
        _ => {
            return Err(format!(
                "unknown duration unit `{unit}` in `{s}`; use ms, s, m, h, d or w"
            ));
        }
    };
    d.filter(|d| *d <= MAX_DURATION).ok_or_else(too_long)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc5322(0), "Thu, 1 Jan 1970 00:00:00 +0000");
        assert_eq!(rfc5322(1_795_804_412), "Fri, 27 Nov 2026 18:33:32 +0000");
        assert_eq!(rfc3339_ms(951_782_400_001), "2000-02-29T00:00:00.001Z");
    }

    #[test]
    fn parses_durations() {
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("5d"), Ok(Duration::from_secs(432_000)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("m").is_err());
        assert_eq!(parse_duration("3650d"), Ok(MAX_DURATION));
        for huge in [
            "3651d",
            "99999999999w",
            "18446744073709551615s",
            "99999999999999999999999",
        ] {
            let e = parse_duration(huge).unwrap_err();
            assert!(e.contains("capped"), "{huge}: {e}");
        }
    }
}
