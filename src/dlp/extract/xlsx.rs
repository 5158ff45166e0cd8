//! Spreadsheets (XLSX) as one text: sheet by sheet, row by row, each row a
//! labelled line (see [`super::table`]).
//!
//! Cells hold indexes into the shared strings, numbers and dates as day
//! counts; a person sees the string and the date, so that is what is
//! rendered. A date is a number whose cell style has a date format: Excel
//! stores 04/12/1961 as 22383, and the DOB detector only knows `04/12/1961`.

use crate::dlp::extract::ooxml::Package;
use crate::dlp::extract::table::{Bound, Row, Table};
use crate::dlp::extract::xml::{Event, Reader, attr, attr_text, push_text};

/// Last day Excel can show: 9999-12-31 in the 1900 system.
const MAX_SERIAL: i64 = 2_958_465;

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `z` days after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// An Excel date serial as `MM/DD/YYYY`, the shape the DOB detectors read.
///
/// 1900 system: day 1 is 1900-01-01 and day 60 is 1900-02-29, a day that
/// never existed (Lotus 1-2-3 treated 1900 as a leap year and Excel kept
/// the bug), so from day 61 on the count is one ahead. 1904 system (old Mac
/// workbooks, `date1904` in workbook.xml): day 0 is 1904-01-01. Values
/// below 1 are times of day, not dates, and stay numbers.
pub fn serial_to_date(serial: f64, date1904: bool) -> Option<String> {
    if !serial.is_finite() || serial < 1.0 || serial > MAX_SERIAL as f64 + 1.0 {
        return None;
    }
    let days = serial.floor() as i64;
    let epoch_days = if date1904 {
        days_from_civil(1904, 1, 1) + days
    } else if days == 60 {
        return Some("02/29/1900".to_string());
    } else if days < 60 {
        days_from_civil(1899, 12, 31) + days
    } else {
        days_from_civil(1899, 12, 30) + days
    };
    let (y, m, d) = civil_from_days(epoch_days);
    (y <= 9999).then(|| format!("{m:02}/{d:02}/{y:04}"))
}

/// Built-in number formats that show a date or time (ECMA-376 18.8.30):
/// 14-22 and 45-47, plus the East Asian date formats 27-36 and 50-58.
fn builtin_is_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a custom format code shows a date: it has a day or year token
/// outside quoted text, `[...]` sections (colours, locales, `[h]`) and
/// escaped characters. `m` alone is left out: it is also minutes.
fn code_is_date(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut literal_next = false;
    for c in code.chars() {
        if literal_next {
            literal_next = false;
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => literal_next = true,
            '[' => bracket = true,
            ']' => bracket = false,
            'd' | 'D' | 'y' | 'Y' if !bracket => return true,
            _ => {}
        }
    }
    false
}

/// For each cell style index (`s="N"`, an index into `cellXfs`), whether it
/// shows dates.
fn date_styles(styles: &str) -> Vec<bool> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut xfs = Vec::new();
    let mut in_cell_xfs = false;
    for ev in Reader::new(styles) {
        match ev {
            Event::Open {
                name: "numFmt",
                attrs,
                ..
            } => {
                let id = attr(attrs, "numFmtId").and_then(|v| v.parse().ok());
                let code = attr_text(attrs, "formatCode").unwrap_or_default();
                if let Some(id) = id {
                    custom.push((id, code_is_date(&code)));
                }
            }
            Event::Open {
                name: "cellXfs",
                empty,
                ..
            } => in_cell_xfs = !empty,
            Event::Close("cellXfs") => in_cell_xfs = false,
            Event::Open {
                name: "xf", attrs, ..
            } if in_cell_xfs => {
                let id: u32 = attr(attrs, "numFmtId")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let is_date = custom
                    .iter()
                    .find(|(c, _)| *c == id)
                    .map_or_else(|| builtin_is_date(id), |(_, d)| *d);
                xfs.push(is_date);
            }
            _ => {}
        }
    }
    xfs
}

/// Excel writes control characters as `_xHHHH_` (`_x000D_` for a carriage
/// return); decoded so they separate words as they do on screen.
fn decode_escapes(s: String) -> String {
    if !s.contains("_x") {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(p) = rest.find("_x") {
        out.push_str(rest.get(..p).unwrap_or(""));
        let after = rest.get(p + 2..).unwrap_or("");
        let decoded = after
            .get(..5)
            .filter(|h| h.ends_with('_'))
            .and_then(|h| u32::from_str_radix(h.get(..4)?, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = after.get(5..).unwrap_or("");
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collects the text of `<t>` elements until the enclosing element closes,
/// skipping phonetic guides (`<rPh>`, Japanese readings shown by nobody).
#[derive(Default)]
struct RichText {
    in_t: bool,
    in_rph: bool,
    text: String,
}

impl RichText {
    /// Feeds one event; true when it was part of rich text.
    fn feed(&mut self, ev: &Event<'_>) -> bool {
        match ev {
            Event::Open {
                name: "rPh",
                empty: false,
                ..
            } => self.in_rph = true,
            Event::Close("rPh") => self.in_rph = false,
            Event::Open {
                name: "t",
                empty: false,
                ..
            } => self.in_t = !self.in_rph,
            Event::Close("t") => self.in_t = false,
            Event::Text(_) | Event::CData(_) if self.in_t => push_text(ev, &mut self.text),
            _ => return false,
        }
        true
    }

    fn take(&mut self) -> String {
        decode_escapes(std::mem::take(&mut self.text))
    }
}

/// The shared string table (`xl/sharedStrings.xml`): one entry per `<si>`,
/// rich-text runs joined.
fn shared_strings(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rich = RichText::default();
    for ev in Reader::new(xml) {
        match ev {
            Event::Open {
                name: "si",
                empty: true,
                ..
            } => out.push(String::new()),
            Event::Close("si") => out.push(rich.take()),
            ev => {
                rich.feed(&ev);
            }
        }
    }
    out
}

/// Sheet names with their relationship ids, in tab order, and whether the
/// workbook counts dates from 1904.
fn workbook(xml: &str) -> (Vec<(String, String)>, bool) {
    let mut sheets = Vec::new();
    let mut date1904 = false;
    for ev in Reader::new(xml) {
        match ev {
            Event::Open {
                name: "workbookPr",
                attrs,
                ..
            } => {
                date1904 = matches!(attr(attrs, "date1904"), Some("1" | "true"));
            }
            Event::Open {
                name: "sheet",
                attrs,
                ..
            } => sheets.push((
                attr_text(attrs, "name").unwrap_or_default(),
                attr(attrs, "id").unwrap_or("").to_string(),
            )),
            _ => {}
        }
    }
    (sheets, date1904)
}

/// The package path of each relationship target in a `.rels` part of a
/// part under `base` (`xl/`).
fn relationships(xml: &str, base: &str) -> Vec<(String, String)> {
    Reader::new(xml)
        .filter_map(|ev| match ev {
            Event::Open {
                name: "Relationship",
                attrs,
                ..
            } => {
                let id = attr(attrs, "Id")?.to_string();
                let target = attr_text(attrs, "Target")?;
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("{base}{target}"),
                };
                Some((id, path.to_ascii_lowercase()))
            }
            _ => None,
        })
        .collect()
}

/// The column index of a cell reference (`C5` → 2).
fn column(reference: &str) -> Option<u32> {
    let letters: String = reference
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    letters
        .bytes()
        .try_fold(0u32, |acc, b| {
            Some(acc * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1)
        })
        .map(|n| n - 1)
}

/// What a workbook's sheets need to turn cells into text.
struct Context<'a> {
    shared: &'a [String],
    dates: &'a [bool],
    date1904: bool,
}

/// A cell being read.
#[derive(Default)]
struct Cell {
    col: u32,
    style: usize,
    kind: String,
    value: String,
    in_v: bool,
    inline: RichText,
}

impl Cell {
    /// The text the cell shows.
    fn text(mut self, cx: &Context<'_>) -> String {
        let v = self.value.trim();
        match self.kind.as_str() {
            "s" => v
                .parse::<usize>()
                .ok()
                .and_then(|i| cx.shared.get(i).cloned())
                .unwrap_or_default(),
            "inlineStr" => self.inline.take(),
            "b" => if v == "1" { "TRUE" } else { "FALSE" }.to_string(),
            "d" => v.split('T').next().unwrap_or(v).to_string(),
            "str" | "e" => decode_escapes(self.value),
            _ if cx.dates.get(self.style).copied().unwrap_or(false) => v
                .parse::<f64>()
                .ok()
                .and_then(|s| serial_to_date(s, cx.date1904))
                .unwrap_or_else(|| v.to_string()),
            _ => v.to_string(),
        }
    }
}

/// Appends one worksheet's rows to `out`, stopping at `bound`.
fn render_sheet(xml: &str, cx: &Context<'_>, bound: &Bound, out: &mut String) {
    let mut table = Table::new(false);
    let mut row: Row = Vec::new();
    let mut next_col = 0u32;
    let mut cell: Option<Cell> = None;
    let mut tick = 0;
    for ev in Reader::new(xml) {
        match ev {
            Event::Open { name: "row", .. } => {
                row.clear();
                next_col = 0;
            }
            Event::Close("row") => {
                table.row(std::mem::take(&mut row), out);
                if bound.reached(out, &mut tick) {
                    return;
                }
            }
            Event::Open {
                name: "c",
                attrs,
                empty,
            } => {
                let col = attr(attrs, "r").and_then(column).unwrap_or(next_col);
                next_col = col.saturating_add(1);
                if !empty {
                    cell = Some(Cell {
                        col,
                        style: attr(attrs, "s").and_then(|s| s.parse().ok()).unwrap_or(0),
                        kind: attr(attrs, "t").unwrap_or("n").to_string(),
                        ..Cell::default()
                    });
                }
            }
            Event::Close("c") => {
                if let Some(c) = cell.take() {
                    let col = c.col;
                    row.push((col, c.text(cx)));
                }
            }
            ev => {
                if let Some(c) = cell.as_mut() {
                    match ev {
                        Event::Open {
                            name: "v",
                            empty: false,
                            ..
                        } => c.in_v = true,
                        Event::Close("v") => c.in_v = false,
                        Event::Text(_) | Event::CData(_) if c.in_v => push_text(&ev, &mut c.value),
                        ev => {
                            c.inline.feed(&ev);
                        }
                    }
                }
            }
        }
    }
    table.finish(out);
}

/// Worksheet parts in tab order with their names: as workbook.xml lists
/// them, then any worksheet it does not name (so no sheet goes unread).
fn sheets_in_order(pkg: &Package) -> (Vec<(String, String)>, bool) {
    let (listed, date1904) = pkg.get("xl/workbook.xml").map(workbook).unwrap_or_default();
    let rels = pkg
        .get("xl/_rels/workbook.xml.rels")
        .map(|x| relationships(x, "xl/"))
        .unwrap_or_default();
    let mut order: Vec<(String, String)> = listed
        .into_iter()
        .filter_map(|(name, id)| {
            let path = rels.iter().find(|(r, _)| *r == id)?.1.clone();
            pkg.get(&path).is_some().then_some((name, path))
        })
        .collect();
    for path in pkg.numbered("xl/worksheets/sheet") {
        if !order.iter().any(|(_, p)| p == path) {
            let name = path
                .rsplit('/')
                .next()
                .unwrap_or(path)
                .trim_end_matches(".xml");
            order.push((name.to_string(), path.to_string()));
        }
    }
    (order, date1904)
}

/// The whole workbook as text: `Sheet: NAME` then its rows, for each sheet.
pub fn render(pkg: &Package, bound: &Bound, out: &mut String) {
    let shared = pkg
        .get("xl/sharedstrings.xml")
        .map(shared_strings)
        .unwrap_or_default();
    let dates = pkg
        .get("xl/styles.xml")
        .map(date_styles)
        .unwrap_or_default();
    let (sheets, date1904) = sheets_in_order(pkg);
    if sheets.is_empty() {
        // Strings with no sheet to place them in are still text.
        for s in &shared {
            out.push_str(s);
            out.push('\n');
        }
        return;
    }
    let cx = Context {
        shared: &shared,
        dates: &dates,
        date1904,
    };
    for (name, path) in &sheets {
        if out.len() > bound.max_bytes || bound.late() {
            return;
        }
        if let Some(xml) = pkg.get(path) {
            out.push_str("Sheet: ");
            out.push_str(name);
            out.push('\n');
            render_sheet(xml, &cx, bound, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_1900_system() {
        assert_eq!(serial_to_date(1.0, false).as_deref(), Some("01/01/1900"));
        assert_eq!(serial_to_date(59.0, false).as_deref(), Some("02/28/1900"));
        assert_eq!(serial_to_date(60.0, false).as_deref(), Some("02/29/1900"));
        assert_eq!(serial_to_date(61.0, false).as_deref(), Some("03/01/1900"));
        assert_eq!(
            serial_to_date(22383.0, false).as_deref(),
            Some("04/12/1961")
        );
        assert_eq!(
            serial_to_date(22383.75, false).as_deref(),
            Some("04/12/1961")
        );
        assert_eq!(
            serial_to_date(45658.0, false).as_deref(),
            Some("01/01/2025")
        );
        assert_eq!(
            serial_to_date(2_958_465.0, false).as_deref(),
            Some("12/31/9999")
        );
    }

    #[test]
    fn serials_1904_system() {
        assert_eq!(serial_to_date(1.0, true).as_deref(), Some("01/02/1904"));
        // The same day is 1462 lower in 1904-based workbooks.
        assert_eq!(
            serial_to_date(22383.0 - 1462.0, true).as_deref(),
            Some("04/12/1961")
        );
    }

    #[test]
    fn serials_that_are_not_dates() {
        for s in [0.0, 0.5, -3.0, f64::NAN, f64::INFINITY, 1e12] {
            assert_eq!(serial_to_date(s, false), None, "{s}");
        }
    }

    #[test]
    fn date_format_codes() {
        for c in [
            "mm/dd/yyyy",
            "[$-409]d\\-mmm\\-yy;@",
            "yyyy-mm-dd h:mm",
            "DD.MM.YYYY",
        ] {
            assert!(code_is_date(c), "{c}");
        }
        for c in [
            "General",
            "0.00",
            "h:mm:ss",
            "[Red]#,##0",
            "0 \"days\"",
            "[h]:mm",
            "\\d0",
        ] {
            assert!(!code_is_date(c), "{c}");
        }
        assert!(builtin_is_date(14) && builtin_is_date(22) && builtin_is_date(47));
        assert!(!builtin_is_date(0) && !builtin_is_date(49));
    }

    #[test]
    fn styles_map_cell_xfs_not_style_xfs() {
        let x = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="mm/dd/yyyy"/></numFmts>
<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>"#;
        assert_eq!(date_styles(x), vec![false, true, true, false]);
    }

    #[test]
    fn columns_from_references() {
        assert_eq!(column("A1"), Some(0));
        assert_eq!(column("C5"), Some(2));
        assert_eq!(column("AA10"), Some(26));
        assert_eq!(column("XFD1"), Some(16_383));
        assert_eq!(column("12"), None);
        assert_eq!(column("ABCD1"), None);
    }

    #[test]
    fn shared_rich_text_and_escapes() {
        let x = "<sst><si><t>MRN</t></si><si><r><t>Maria </t></r><r><rPr/><t>Lopez</t></r><rPh><t>x</t></rPh></si><si/><si><t>a_x000D_b</t></si></sst>";
        assert_eq!(shared_strings(x), vec!["MRN", "Maria Lopez", "", "a\rb"]);
    }

    fn sheet(xml: &str, shared: &[String], dates: &[bool], date1904: bool) -> String {
        let cx = Context {
            shared,
            dates,
            date1904,
        };
        let mut out = String::new();
        render_sheet(xml, &cx, &Bound::unlimited(), &mut out);
        out
    }

    #[test]
    fn sheet_rows_with_header_dates_and_gaps() {
        let shared: Vec<String> = ["Patient Name", "DOB", "MRN", "Maria Lopez"]
            .map(String::from)
            .to_vec();
        let x = r#"<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" s="1"><v>22383</v></c><c r="D3" t="inlineStr"><is><t>00482913</t></is></c></row>
<row r="4"><c r="B4" s="0"><v>22383</v></c><c r="D4" t="b"><v>1</v></c></row>
</sheetData></worksheet>"#;
        assert_eq!(
            sheet(x, &shared, &[false, true], false),
            "Patient Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913\nDOB: 22383; MRN: TRUE\n"
        );
        assert!(sheet(x, &shared, &[false, true], true).contains("DOB: 04/13/1965"));
    }

    #[test]
    fn huge_sheet_stops_at_bound() {
        let shared = vec!["x".repeat(1000)];
        let row = r#"<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>"#.repeat(10_000);
        let x = format!("<sheetData>{row}</sheetData>");
        let cx = Context {
            shared: &shared,
            dates: &[],
            date1904: false,
        };
        let mut out = String::new();
        render_sheet(
            &x,
            &cx,
            &Bound {
                max_bytes: 100_000,
                ..Bound::unlimited()
            },
            &mut out,
        );
        assert!(out.len() < 100_000 + 3_000, "{}", out.len());
    }
}
