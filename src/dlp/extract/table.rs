//! Tables (CSV/TSV text, spreadsheet sheets, Word tables) as labelled lines.
//!
//! A table labels each column once, in its header row, while the detectors
//! look for a label right before its value (`DOB: 04/12/1961`). Reading a
//! table row by row leaves the DOB header hundreds of characters above the
//! date in row 200. So when the first row (after any one-cell title lines)
//! looks like a header, every later row is written on one line as
//!
//! ```text
//! Patient Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913
//! ```
//!
//! One line per row keeps a row's values together (a name stays next to its
//! record number), and the header before each value keeps the column's
//! meaning. Pairs are separated by `; ` rather than ` | `: the shipped
//! patient-name detector ends a name at punctuation such as `;` or `,`, and
//! `;` keeps commas inside values readable. Rows without a header are written
//! as their cells joined by `, `, except a two-cell `label, value` row which
//! becomes `label: value` (forms are often two-column tables).
//!
//! Forms laid out four (or six…) columns wide put a label and its value side
//! by side twice per row (`Patient | Jun Xu | Prescriber | Dr. Ames`). Such a
//! first row reads like a header, and the labels of the rows below would be
//! taken for values. So a short table whose every even column holds labels is
//! also written, after the rows, as `label: value` pairs, a second reading
//! next to the first rather than a guess between them.

use std::time::Instant;

use crate::dlp::extract::{Budget, Extracted};
use crate::dlp::rules::PartKind;

/// Header labels longer than this are cut: real headers are short, and a
/// huge one repeated before every value would multiply the text.
const MAX_LABEL_CHARS: usize = 64;

/// Title lines above a header row that are passed over looking for it.
const MAX_TITLE_ROWS: u32 = 5;

/// Tables longer than this are lists, not forms: no `label: value` reading.
const MAX_FORM_ROWS: u32 = 40;

/// How often (in rows) a renderer looks at the clock.
const CLOCK_EVERY: u32 = 256;

/// Output size and time bounds for one rendering, taken from the [`Budget`]
/// so a sheet that repeats one long shared string a million times cannot
/// build more text than the scan would accept anyway.
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    pub max_bytes: usize,
    pub deadline: Instant,
}

impl Bound {
    /// A bound that never stops anything (unit tests).
    pub fn unlimited() -> Bound {
        Bound {
            max_bytes: usize::MAX,
            deadline: Instant::now() + std::time::Duration::from_secs(3600),
        }
    }

    /// True once `out` is over size or, checked every few calls, time is up.
    pub fn reached(&self, out: &str, tick: &mut u32) -> bool {
        if out.len() > self.max_bytes {
            return true;
        }
        *tick = tick.wrapping_add(1);
        tick.is_multiple_of(CLOCK_EVERY) && Instant::now() >= self.deadline
    }

    pub fn late(&self) -> bool {
        Instant::now() >= self.deadline
    }
}

/// One row: `(column index, cell text)`, in column order, empty cells absent.
pub type Row = Vec<(u32, String)>;

/// Renders the rows of one table as they arrive; see the module comment.
pub struct Table {
    /// Column → header label, once the first row was taken as a header.
    header: Option<Vec<(u32, String)>>,
    /// The first non-empty row has been seen.
    started: bool,
    /// A header row was taken but no data row followed yet.
    header_pending: Option<Row>,
    /// Two-column tables are forms (`DOB | 04/12/1961`), not headed tables.
    two_column_forms: bool,
    /// Single-cell rows seen before the first wider row (titles).
    titles: u32,
    /// The `label: value` reading of a side-by-side form, while the table
    /// can still be one (see the module comment).
    pairs: Option<String>,
    /// Rows the pair reading has seen (a form is short: [`MAX_FORM_ROWS`]).
    pair_rows: u32,
    /// Some row reached a fourth column: two pairs side by side, which is
    /// what makes the pair reading worth adding (two-column forms have theirs).
    wide_pairs: bool,
}

impl Table {
    pub fn new(two_column_forms: bool) -> Table {
        Table {
            header: None,
            started: false,
            header_pending: None,
            two_column_forms,
            titles: 0,
            pairs: Some(String::new()),
            pair_rows: 0,
            wide_pairs: false,
        }
    }

    /// Adds a row to the `label: value` reading, or gives that reading up
    /// when the row's even columns do not all hold labels.
    fn pair_row(&mut self, cells: &[(u32, String)]) {
        let Some(pairs) = self.pairs.as_mut() else {
            return;
        };
        // Every row of such a form holds two labels or more, in its even
        // columns; a list's row with a gap there is not one.
        let mut labels = cells.iter().filter(|(c, _)| c % 2 == 0);
        let form_row = labels.clone().count() >= 2
            && labels.all(|(_, t)| is_label_like(t.trim_end_matches(':')));
        self.pair_rows += 1;
        if !form_row || self.pair_rows > MAX_FORM_ROWS {
            self.pairs = None;
            return;
        }
        if cells.iter().any(|(c, _)| *c >= 3) {
            self.wide_pairs = true;
        }
        let mut first = true;
        for (col, label) in cells.iter().filter(|(c, _)| c % 2 == 0) {
            let Some((_, value)) = cells.iter().find(|(c, _)| *c == col + 1) else {
                continue;
            };
            if !first {
                pairs.push_str("; ");
            }
            first = false;
            pairs.push_str(label.trim_end_matches(':'));
            pairs.push_str(": ");
            pairs.push_str(value);
        }
        if !first {
            pairs.push('\n');
        }
    }

    /// Appends one row to `out` (a line ending in `\n`), or takes it as the
    /// header.
    pub fn row(&mut self, cells: Row, out: &mut String) {
        let cells: Row = cells
            .into_iter()
            .map(|(c, t)| (c, one_line(&t)))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        if cells.is_empty() {
            return;
        }
        // Exported reports put a title and a "Prepared ..." line above the
        // header row: a lone cell before any row of two or more is a title,
        // kept as text, and the header is looked for after it.
        if !self.started && cells.len() == 1 && self.titles < MAX_TITLE_ROWS {
            self.titles += 1;
            render_plain(&cells, out);
            return;
        }
        self.pair_row(&cells);
        if !self.started {
            self.started = true;
            if looks_like_header(&cells) && !(self.two_column_forms && cells.len() <= 2) {
                self.header = Some(cells.iter().map(|(c, t)| (*c, label(t))).collect());
                self.header_pending = Some(cells);
                return;
            }
        }
        self.header_pending = None;
        match &self.header {
            Some(h) => render_labelled(h, &cells, out),
            None => render_plain(&cells, out),
        }
    }

    /// Writes a header row that no data row followed, so its text is kept.
    pub fn finish(mut self, out: &mut String) {
        if let Some(h) = self.header_pending.take() {
            render_plain(&h, out);
        }
        if let Some(pairs) = self.pairs.take()
            && self.wide_pairs
        {
            out.push_str(&pairs);
        }
    }
}

/// Cell text on one line: inner line breaks and runs of spaces become one
/// space, so a row stays one line.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A header label: cut to [`MAX_LABEL_CHARS`], without a trailing colon
/// (one is added when rendering).
fn label(s: &str) -> String {
    let s = s.trim_end_matches(':').trim_end();
    s.chars().take(MAX_LABEL_CHARS).collect()
}

/// Text a person would write as a column name: short, with letters, not a
/// number or date, and not a `Label:` form cell.
pub(crate) fn is_label_like(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    letters > 0 && digits < letters && s.chars().count() <= MAX_LABEL_CHARS && !s.ends_with(':')
}

/// A first row is a header when it has at least two cells that read as
/// column names and every other one is a row-number column's caption
/// (`#`, `№`): worklists and visit schedules number their rows.
pub(crate) fn looks_like_header(cells: &[(u32, String)]) -> bool {
    let named = cells.iter().filter(|(_, t)| is_label_like(t)).count();
    named >= 2
        && cells
            .iter()
            .all(|(_, t)| is_label_like(t) || is_row_number_caption(t))
}

fn is_row_number_caption(s: &str) -> bool {
    matches!(s.trim(), "#" | "\u{2116}")
}

fn render_labelled(header: &[(u32, String)], cells: &[(u32, String)], out: &mut String) {
    for (i, (col, value)) in cells.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        if let Some((_, h)) = header.iter().find(|(c, _)| c == col) {
            out.push_str(h);
            out.push_str(": ");
        }
        out.push_str(value);
    }
    out.push('\n');
}

fn render_plain(cells: &[(u32, String)], out: &mut String) {
    if let [(_, k), (_, v)] = cells
        && is_label_like(k.trim_end_matches(':'))
    {
        out.push_str(k.trim_end_matches(':'));
        out.push_str(": ");
        out.push_str(v);
        out.push('\n');
        return;
    }
    for (i, (_, t)) in cells.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(t);
    }
    out.push('\n');
}

/// Records of delimited text (RFC 4180 quoting: `"a, b"`, `""` for a quote,
/// line breaks inside quotes), one `Vec` of fields per record.
pub struct Records<'a> {
    s: &'a str,
    pos: usize,
    delim: char,
}

impl<'a> Records<'a> {
    pub fn new(s: &'a str, delim: char) -> Records<'a> {
        Records { s, pos: 0, delim }
    }
}

impl Iterator for Records<'_> {
    type Item = Vec<String>;

    fn next(&mut self) -> Option<Vec<String>> {
        let rest = self.s.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = rest.char_indices().peekable();
        let mut consumed = rest.len();
        while let Some((i, c)) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek().is_some_and(|&(_, n)| n == '"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.trim().is_empty() {
                field.clear();
                quoted = true;
            } else if c == self.delim {
                fields.push(std::mem::take(&mut field));
            } else if c == '\n' || c == '\r' {
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                    consumed = i + 2;
                } else {
                    consumed = i + 1;
                }
                break;
            } else {
                field.push(c);
            }
        }
        fields.push(field);
        self.pos += consumed;
        Some(fields)
    }
}

/// How many records are sampled to pick a delimiter.
const SAMPLE_RECORDS: usize = 20;

/// The delimiter (`,`, `;`, tab or `|`) that splits the first records into the
/// same number (two or more) of fields, preferring the most fields; `None`
/// when no delimiter is consistent over at least `min_records` records.
pub fn detect_delimiter(text: &str, min_records: usize) -> Option<char> {
    let mut best: Option<(usize, char)> = None;
    for d in [',', ';', '\t', '|'] {
        let counts: Vec<usize> = Records::new(text, d)
            .filter(|r| !(r.len() == 1 && r.first().is_some_and(|f| f.trim().is_empty())))
            .take(SAMPLE_RECORDS)
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        if first >= 2
            && counts.len() >= min_records
            && counts.iter().all(|&n| n == first)
            && best.is_none_or(|(n, _)| first > n)
        {
            best = Some((first, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Delimited text as labelled lines (see the module comment), stopping at
/// `bound`.
pub fn render_delimited(text: &str, delim: char, bound: &Bound) -> String {
    let mut out = String::with_capacity(text.len().min(bound.max_bytes));
    let mut table = Table::new(false);
    let mut tick = 0;
    for rec in Records::new(text, delim) {
        let row = rec
            .into_iter()
            .enumerate()
            .map(|(i, f)| (i as u32, f))
            .collect();
        table.row(row, &mut out);
        if bound.reached(&out, &mut tick) {
            return out;
        }
    }
    table.finish(&mut out);
    out
}

/// Whether text of unknown kind clearly is a table: a header line and at
/// least two more records that all split into the same number of fields.
fn clearly_delimited(text: &str) -> Option<char> {
    let d = detect_delimiter(text, 3)?;
    let first = Records::new(text, d).next()?;
    let cells: Row = first
        .into_iter()
        .enumerate()
        .map(|(i, f)| (i as u32, one_line(&f)))
        .collect();
    looks_like_header(&cells).then_some(d)
}

/// Excel's first line `sep=;` names the delimiter of the lines after it
/// (Excel writes and honours it; a European export uses `;`). The line is
/// not a record: read as one, it would stand where the header row belongs.
fn separator_hint(text: &str) -> Option<(char, &str)> {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = t.strip_prefix("sep=")?;
    let mut chars = rest.chars();
    let d = chars.next()?;
    let after = chars.as_str();
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))?;
    matches!(d, ',' | ';' | '\t' | '|').then_some((d, after))
}

/// Reads a text attachment. A declared CSV/TSV (`known`) is always read as a
/// table (comma when no delimiter is consistent); other text only when it
/// [clearly is delimited](clearly_delimited). The text as written is always
/// scanned as well.
pub fn extract(label: &str, text: &str, known: bool, budget: &mut Budget<'_>, out: &mut Extracted) {
    let (hint, table_text) = match separator_hint(text) {
        Some((d, rest)) => (Some(d), rest),
        None => (None, text),
    };
    let delim = match hint {
        Some(d) => Some(d),
        None if known => Some(detect_delimiter(text, 1).unwrap_or(',')),
        None => clearly_delimited(text),
    };
    let Some(delim) = delim else {
        budget.push(
            out,
            PartKind::Attachment,
            label.to_string(),
            text.to_string(),
        );
        return;
    };
    // The text as written is scanned too: a file called .csv that is not
    // really a table (a note, a ragged export) must lose nothing to the
    // rendering.
    budget.push(
        out,
        PartKind::Attachment,
        label.to_string(),
        text.to_string(),
    );
    let bound = budget.bound();
    let rendered = render_delimited(table_text, delim, &bound);
    // The rendering is already a labelled view: it is not looked at again
    // for tables or healthcare formats (the text as written above was).
    budget.push_one(out, PartKind::Attachment, label.to_string(), rendered);
    if bound.late() {
        budget.out_of_time(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        let d = detect_delimiter(text, 1).unwrap_or(',');
        render_delimited(text, d, &Bound::unlimited())
    }

    #[test]
    fn excel_separator_line_names_the_delimiter() {
        let text =
            "\u{feff}sep=;\r\nCaller;Callback #;Concern\r\nAna Ruiz;(406) 555-0100;asthma\r\n";
        let (d, rest) = separator_hint(text).expect("hint");
        assert_eq!(d, ';');
        let out = render_delimited(rest, d, &Bound::unlimited());
        assert!(
            out.contains("Caller: Ana Ruiz; Callback #: (406) 555-0100; Concern: asthma"),
            "{out}"
        );
        assert_eq!(separator_hint("sep=;x\n"), None);
        // Quoted, pipe-delimited exports are tables too.
        let piped = "\"Resident\"|\"Member #\"|\"DOS\"\n\"Lee, Ann\"|\"UHX05342004\"|\"2026-11-24\"\n\"Roe, Jo\"|\"R8078937543\"|\"2026-12-03\"\n";
        assert_eq!(detect_delimiter(piped, 3), Some('|'));
        let out = render_delimited(piped, '|', &Bound::unlimited());
        assert!(
            out.contains("Resident: Lee, Ann; Member #: UHX05342004"),
            "{out}"
        );
        assert_eq!(separator_hint("a,b\n1,2\n"), None);
    }

    #[test]
    fn header_labels_every_value() {
        let t = render(
            "Patient Name,DOB,MRN\nMaria Lopez,04/12/1961,00482913\nSam Ortiz,09/03/1974,00519377\n",
        );
        assert_eq!(
            t,
            "Patient Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913\n\
             Patient Name: Sam Ortiz; DOB: 09/03/1974; MRN: 00519377\n"
        );
    }

    #[test]
    fn quoted_fields_with_commas_quotes_and_newlines() {
        let t = render(
            "Name,Note,DOB\r\n\"Lopez, Maria\",\"said \"\"hi\"\"\nthen left\",04/12/1961\r\n",
        );
        assert_eq!(
            t,
            "Name: Lopez, Maria; Note: said \"hi\" then left; DOB: 04/12/1961\n"
        );
    }

    #[test]
    fn semicolon_and_tab_delimiters() {
        assert_eq!(detect_delimiter("a;b;c\n1;2,5;3\n", 1), Some(';'));
        assert_eq!(detect_delimiter("a\tb\n1\t2\n", 1), Some('\t'));
        let t = render("MRN\tDOB\n00482913\t04/12/1961\n");
        assert_eq!(t, "MRN: 00482913; DOB: 04/12/1961\n");
    }

    #[test]
    fn empty_cells_do_not_shift_values() {
        let t = render("A,B,C\n1,,3\n");
        assert_eq!(t, "A: 1; C: 3\n");
    }

    #[test]
    fn title_lines_above_the_header_row_are_passed_over() {
        let t = render(
            "Payments posted,,\nPrepared 11/16/2026 - Finance,,\n,,\nAcct #,Guarantor,DOS\nG4410977,\"Marsh, Odile\",2026-09-10\n",
        );
        assert_eq!(
            t,
            "Payments posted\nPrepared 11/16/2026 - Finance\nAcct #: G4410977; Guarantor: Marsh, Odile; DOS: 2026-09-10\n"
        );
    }

    #[test]
    fn numeric_first_row_is_not_a_header() {
        let t = render("1,2\n3,4\n");
        assert_eq!(t, "1, 2\n3, 4\n");
    }

    #[test]
    fn forms_and_lonely_headers() {
        let mut out = String::new();
        let mut t = Table::new(true);
        t.row(vec![(0, "DOB:".into()), (1, "04/12/1961".into())], &mut out);
        t.row(
            vec![(0, "Patient".into()), (1, "Maria Lopez".into())],
            &mut out,
        );
        t.finish(&mut out);
        assert_eq!(out, "DOB: 04/12/1961\nPatient: Maria Lopez\n");
        let mut out = String::new();
        let mut t = Table::new(false);
        t.row(vec![(0, "Staff".into()), (1, "Role".into())], &mut out);
        t.finish(&mut out);
        assert_eq!(out, "Staff: Role\n");
    }

    #[test]
    fn side_by_side_forms_are_also_read_as_pairs() {
        let mut out = String::new();
        let mut t = Table::new(true);
        let row = |cells: [&str; 4]| -> Row {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| (i as u32, c.to_string()))
                .collect()
        };
        t.row(
            row(["Patient", "Jun K. Xu", "Prescriber", "Ann Ames, MD"]),
            &mut out,
        );
        t.row(
            row(["DOB", "08 21 1953", "Plan", "Community Plan"]),
            &mut out,
        );
        t.finish(&mut out);
        assert!(
            out.ends_with("Patient: Jun K. Xu; Prescriber: Ann Ames, MD\nDOB: 08 21 1953; Plan: Community Plan\n"),
            "{out}"
        );
        // A list whose even columns hold values is not a form.
        let mut out = String::new();
        let mut t = Table::new(false);
        t.row(row(["Name", "DOB", "MRN", "Unit"]), &mut out);
        t.row(
            row(["Maria Lopez", "04/12/1961", "00482913", "4W"]),
            &mut out,
        );
        t.finish(&mut out);
        assert_eq!(
            out,
            "Name: Maria Lopez; DOB: 04/12/1961; MRN: 00482913; Unit: 4W\n"
        );
    }

    #[test]
    fn prose_is_not_a_table() {
        assert_eq!(
            clearly_delimited("Hi Ana,\nthanks, see you\nBest, Bo\n"),
            None
        );
        assert_eq!(
            clearly_delimited("Name,Role\nAna,Nurse\nBo,Clerk\n"),
            Some(',')
        );
    }

    #[test]
    fn repeated_headers_stay_within_bound() {
        let long = "H".repeat(MAX_LABEL_CHARS);
        let text = format!("{long},B\n{}", "1,2\n".repeat(10_000));
        let t = render_delimited(
            &text,
            ',',
            &Bound {
                max_bytes: 5_000,
                ..Bound::unlimited()
            },
        );
        assert!(t.len() > 5_000 && t.len() < 5_000 + 200, "{}", t.len());
        assert!(t.starts_with(&format!("{long}: 1; B: 2\n")));
        assert!(!is_label_like(&"H".repeat(MAX_LABEL_CHARS + 1)));
    }
}
