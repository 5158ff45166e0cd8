//! Wall-clock helpers without a calendar dependency: RFC 5322 dates for
//! headers and DSNs, RFC 3339 for the audit log (and back, for `--since`),
//! ages as `mailq` shows them, and duration parsing for the config
//! (`"5m"`, `"5d"`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch; a clock before 1970 reads as 0 rather than panicking.
pub fn unix_now() -> u64 {
    unix_secs(SystemTime::now())
}

/// Seconds since the epoch of a file time or clock reading; 0 before it.
pub fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
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

/// `2026-11-27T18:33:32Z`: a certificate's validity as `certs check` prints it.
pub fn rfc3339(unix: u64) -> String {
    let c = civil(unix);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        c.year, c.month, c.day, c.hour, c.min, c.sec
    )
}

/// `45s`, `12m`, `3h05m`, `2d03h`: an age as `mailq` shows it.
pub fn human_age(secs: u64) -> String {
    match secs {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m", s / 60),
        s if s < 86_400 => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
        s => format!("{}d{:02}h", s / 86_400, s % 86_400 / 3600),
    }
}

/// (year, month, day) to days since 1970-01-01: the inverse of
/// [`civil_from_days`], after the same `days_from_civil`.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 } as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses an RFC 3339 date-time (`2026-11-27T18:33:32Z`, with optional
/// fraction and a `Z` or `±HH:MM` offset) to Unix milliseconds. Times
/// before 1970 are refused: nothing this gateway wrote is that old.
pub fn parse_rfc3339(s: &str) -> Result<u64, String> {
    let bad = || format!("`{s}` is not an RFC 3339 time; write e.g. \"2026-11-27T18:33:32Z\"");
    let b = s.trim().as_bytes();
    let num = |r: std::ops::Range<usize>| -> Result<i64, String> {
        let part = b.get(r).ok_or_else(bad)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part)
                .map_err(|_| bad())?
                .parse()
                .map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let sep = |i: usize, set: &[u8]| b.get(i).is_some_and(|c| set.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return Err(bad());
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, min, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month)
        || day < 1
        || day > month_days[(month - 1) as usize]
        || hour > 23
        || min > 59
        || sec > 60
    {
        return Err(bad());
    }
    let mut i = 19;
    let mut ms = 0i64;
    if sep(i, b".") {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
        // Milliseconds: the first three digits, padded.
        let digits: String = b[start..i.min(start + 3)]
            .iter()
            .map(|&c| c as char)
            .collect();
        ms = format!("{digits:0<3}").parse().map_err(|_| bad())?;
    }
    let offset = match b.get(i..) {
        Some(b"Z" | b"z") => 0,
        Some([sign @ (b'+' | b'-'), ..]) if b.len() == i + 6 && sep(i + 3, b":") => {
            let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return Err(bad());
            }
            let secs = h * 3600 + m * 60;
            if *sign == b'+' { secs } else { -secs }
        }
        _ => return Err(bad()),
    };
    let days = days_from_civil(year, month as u32, day as u32);
    // A leap second reads as the second after it.
    let unix = days * 86_400 + hour * 3600 + min * 60 + sec - offset;
    u64::try_from(unix * 1000 + ms).map_err(|_| format!("`{s}` is before 1970"))
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
    fn ages_read_like_mailq() {
        assert_eq!(human_age(5), "5s");
        assert_eq!(human_age(600), "10m");
        assert_eq!(human_age(3 * 3600 + 5 * 60), "3h05m");
        assert_eq!(human_age(2 * 86_400 + 3 * 3600), "2d03h");
    }

    #[test]
    fn parses_rfc3339_back() {
        for ms in [0, 951_782_400_001, 1_795_804_412_123, 4_102_444_799_999] {
            assert_eq!(parse_rfc3339(&rfc3339_ms(ms)), Ok(ms), "{ms}");
        }
        assert_eq!(parse_rfc3339("2026-11-27T18:33:32Z"), Ok(1_795_804_412_000));
        assert_eq!(
            parse_rfc3339("2026-11-27t19:33:32.5+01:00"),
            Ok(1_795_804_412_500)
        );
        assert_eq!(
            parse_rfc3339("2026-11-27 17:33:32.123456-01:00"),
            Ok(1_795_804_412_123)
        );
        for bad in [
            "",
            "2026-11-27",
            "2026-11-27T18:33:32",
            "2026-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-27T24:00:00Z",
            "2026-11-27T18:33:32.Z",
            "2026-11-27T18:33:32+0100",
            "2026-11-27T18:33:32Zjunk",
            "+026-11-27T18:33:32Z",
            "1969-12-31T23:59:59Z",
        ] {
            assert!(parse_rfc3339(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z"), Ok(1_709_164_800_000));
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
